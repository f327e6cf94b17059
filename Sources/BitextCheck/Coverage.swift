import BitextAlign
import BitextMarkdown
import BitextText

/// How far a translation has got.
///
/// The share of the document's translatable text that is translated, weighted by the size of
/// the text in the source language:
///
/// - **bilingual**: each source unit weighs its prose characters (letters, digits, spaces and
///   punctuation of its plain text; code, URLs and syntax left out). A source unit aligned with
///   target units counts as translated by the target's translated share (below); a source unit
///   with no counterpart counts as untranslated.
/// - **monolingual**: each target unit weighs its estimated English size: its Han characters
///   times the target locale's `sourceCharactersPerHan` (3.9 for zh-Hans, measured on the
///   development corpora) for the translated part, plus the characters of its English prose
///   stretches for the untranslated part.
///
/// A unit's translated share is translated ÷ (translated + untranslated) of those sizes: Han
/// text is translated, English prose is not; names, code and other English that rightly stays
/// (a unit with no prose, the names inside Chinese text) count for neither side; translator's
/// notes do not count. `percent` is 100 × translated ÷ total; a file's total weighs files by
/// their size.
public struct Coverage: Sendable {
    public struct Counts: Sendable, Equatable {
        public var total = 0
        public var translated = 0
        public var partial = 0
        public var untranslated = 0
        /// Units whose source changed since they were translated (drift); counted in
        /// `translated` or `partial` as well.
        public var stale = 0
        public init() {}

        mutating func add(_ status: Status, stale isStale: Bool) {
            total += 1
            switch status {
            case .translated: translated += 1
            case .partial: partial += 1
            case .untranslated: untranslated += 1
            }
            if isStale { stale += 1 }
        }
    }

    public struct Section: Sendable {
        public var heading: String
        public var line: Int
        public var level: Int
        public var translatedSize = 0.0
        public var totalSize = 0.0
        public var counts = Counts()
        public var percent: Double { totalSize == 0 ? 100 : 100 * translatedSize / totalSize }
    }

    /// A unit that is not fully translated, for the report's list.
    public struct Gap: Sendable {
        /// The file the lines are in: the translation, or the source where the translation
        /// has nothing.
        public var file: String
        public var line: Int
        public var endLine: Int
        public var status: Status
        public var preview: String
    }

    public enum Status: String, Sendable { case translated, partial, untranslated }

    public var file: String
    public var source: String?
    public var translatedSize = 0.0
    public var totalSize = 0.0
    public var counts = Counts()
    public var sections: [Section] = []
    public var gaps: [Gap] = []

    public var percent: Double { totalSize == 0 ? 0 : 100 * translatedSize / totalSize }

    public init(file: String, source: String? = nil) {
        self.file = file
        self.source = source
    }

    /// Translated and untranslated size of a target unit, in English characters.
    public static func split(_ u: Unit, _ a: TextAnalysis, charactersPerHan: Double) -> (translated: Double, untranslated: Double) {
        if a.isNote { return (0, 0) }
        let translated = Double(a.hanCharacters) * charactersPerHan
        var untranslated = 0.0
        for s in a.stretches where s.isProse {
            for i in s.range where u.roles[i] == .content && !a.inNote(i) { untranslated += 1 }
        }
        return (translated, untranslated)
    }

    /// English prose characters of a source unit (nothing for units that are only names or code).
    public static func sourceSize(_ u: Unit, _ a: TextAnalysis) -> Double {
        guard a.stretches.first?.isProse ?? false else { return 0 }
        var n = 0.0
        for i in u.text.indices where u.roles[i] == .content && u.text[i] != 0x0A { n += 1 }
        return n
    }

    /// Translated at 98% or more, untranslated at 2% or less, partial between.
    public static func status(_ share: Double) -> Status {
        share >= 0.98 ? .translated : share <= 0.02 ? .untranslated : .partial
    }

    /// Counts a unit of `total` size, `translated` of it translated, in the file and in its section.
    mutating func add(_ status: Status, translated: Double, total: Double, stale: Bool = false, section: Int?) {
        translatedSize += translated
        totalSize += total
        counts.add(status, stale: stale)
        if let s = section {
            sections[s].translatedSize += translated
            sections[s].totalSize += total
            sections[s].counts.add(status, stale: stale)
        }
    }

    /// Coverage of a translation on its own.
    public static func monolingual(_ doc: Document, analyses: [TextAnalysis], charactersPerHan: Double) -> Coverage {
        var c = Coverage(file: doc.path)
        var sectionOf: [Int: Int] = [:]
        for (k, u) in doc.units.enumerated() {
            if let level = u.kind.headingLevel {
                sectionOf[k] = c.sections.count
                c.sections.append(Section(heading: u.plainText, line: u.start.line, level: level))
            }
            let (t, un) = split(u, analyses[k], charactersPerHan: charactersPerHan)
            guard t + un > 0 else { continue }
            let st = status(t / (t + un))
            c.add(st, translated: t, total: t + un, section: u.section.flatMap { sectionOf[$0] })
            if st != .translated {
                c.gaps.append(Gap(file: doc.path, line: u.start.line, endLine: u.end.line, status: st,
                                  preview: String(u.plainText.prefix(80))))
            }
        }
        return c
    }

    /// Coverage of a translation against its source, through the alignment. Sections are the
    /// source's headings, named as the translation names them where it has them.
    public static func bilingual(source: Document, sourceAnalyses: [TextAnalysis], target: Document?,
                                 targetAnalyses: [TextAnalysis], alignment: Alignment?,
                                 charactersPerHan: Double, stale: Set<Int> = []) -> Coverage {
        var c = Coverage(file: target?.path ?? source.path, source: source.path)
        // Target units of each source unit's bead, and the bead's translated share.
        var shareOfSource = [Double?](repeating: nil, count: source.units.count)
        var targetOfSource = [[Int]](repeating: [], count: source.units.count)
        if let target, let alignment {
            // Pairs the translation moved elsewhere after the beads (where their source blocks are
            // deletions): the source is translated, in another place.
            for b in alignment.beads + alignment.moved {
                let su = b.source.compactMap { source.unitIndex(block: $0) }
                let tu = b.target.compactMap { target.unitIndex(block: $0) }
                guard !su.isEmpty else { continue }
                var t = 0.0, un = 0.0
                for k in tu { let (a, b) = split(target.units[k], targetAnalyses[k], charactersPerHan: charactersPerHan); t += a; un += b }
                for s in su {
                    shareOfSource[s] = tu.isEmpty ? 0 : (t + un == 0 ? 1 : t / (t + un))
                    targetOfSource[s] = tu
                }
            }
        }
        var sectionOf: [Int: Int] = [:]
        for (k, u) in source.units.enumerated() {
            if let level = u.kind.headingLevel {
                sectionOf[k] = c.sections.count
                var heading = u.plainText, line = u.start.line
                if let target, let t = targetOfSource[k].first, target.units[t].kind.headingLevel != nil {
                    heading = target.units[t].plainText
                    line = target.units[t].start.line
                }
                c.sections.append(Section(heading: heading, line: line, level: level))
            }
            let size = sourceSize(u, sourceAnalyses[k])
            guard size > 0 else { continue }
            let share = shareOfSource[k] ?? 0
            let st = status(share)
            c.add(st, translated: size * share, total: size, stale: targetOfSource[k].contains { stale.contains($0) },
                  section: u.section.flatMap { sectionOf[$0] })
            if st != .translated {
                // Where the reader fixes it: the translation's unit, else the source's.
                let (file, place) = target.flatMap { t in targetOfSource[k].first.map { (t.path, t.units[$0]) } } ?? (source.path, u)
                c.gaps.append(Gap(file: file, line: place.start.line, endLine: place.end.line, status: st,
                                  preview: String(u.plainText.prefix(80))))
            }
        }
        return c
    }
}
