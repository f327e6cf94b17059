import BitextAlign
import BitextGlossary
import BitextICU
import BitextMarkdown
import BitextText

/// ICU objects one worker thread needs: they are not thread-safe, so each thread has its own.
public final class Toolkit {
    public let segmenter: Segmenter
    /// The `script-mix` transliterator (Hant-Hans for a Simplified target) and the target's legacy
    /// character set, by name; each is opened on first use (opening the transliterator costs
    /// about 20 ms, and only characters outside the character set need it).
    private let variantNames: (transliterator: String, charset: String)?
    private lazy var variantTransliterator: Transliterator? = variantNames.flatMap { try? Transliterator($0.transliterator) }
    private lazy var variantCharset: BitextICU.CharacterSet? =
        variantNames.flatMap { try? BitextICU.CharacterSet(converter: $0.charset) }
    /// For each BMP code point: 0 not looked up, 1 fine, 2 of the other variant.
    /// (A Toolkit belongs to one thread: no dynamic exclusivity checks on this hot table.)
    @exclusivity(unchecked) private var variantState = [UInt8](repeating: 0, count: 0x10000)
    private var variantForms: [UInt32: UInt32] = [:]
    /// The target's standard characters (``LocaleData/standardCharacters``), none of which is of
    /// the other variant: read on the first character the transliterator changes.
    private let target: LocaleData
    private lazy var standardCharacters: Set<UInt32> = target.standardCharacters

    /// The typography pass's tables (``TypographyScan/Tables``).
    let typographyTables: TypographyScan.Tables

    public init(settings: Settings) throws {
        segmenter = try Segmenter(source: settings.source, target: settings.target)
        segmenter.keptWords = settings.keptStems
        typographyTables = TypographyScan.Tables(settings.typography)
        target = settings.target
        if let id = settings.target.variantTransliterator, let cs = settings.target.variantCharset {
            variantNames = (id, cs)
        } else {
            variantNames = nil
        }
    }

    /// The form a character takes in the target's script variant, when it is a character of the
    /// other variant (ICU's transliterator changes it, the target's legacy character set cannot
    /// encode it and it is none of the locale's standard characters); nil when it is fine.
    @inline(__always)
    func otherVariant(_ c: UInt32) -> UInt32? {
        // Most characters were looked up before and are fine: answered inline.
        if c < 0x10000 && variantState[Int(c)] == 1 { return nil }
        return lookUpOtherVariant(c)
    }

    private func lookUpOtherVariant(_ c: UInt32) -> UInt32? {
        if c < 0x10000 {
            switch variantState[Int(c)] {
            case 1: return nil
            case 2: return variantForms[c]
            default: break
            }
        }
        var result: UInt32? = nil
        if let cs = variantCharset, !cs.contains(c), let t = variantTransliterator, let s = Unicode.Scalar(c) {
            let out = t.transform(String(Character(s)))
            if out.unicodeScalars.count == 1, let o = out.unicodeScalars.first, o.value != c,
               !standardCharacters.contains(c) { result = o.value }
        }
        if c < 0x10000 {
            variantState[Int(c)] = result == nil ? 1 : 2
            if let r = result { variantForms[c] = r }
        }
        return result
    }
}

/// The source side of a bilingual check: the source document and the alignment.
public struct Pairing: Sendable {
    public var source: Document
    public var sourceAnalyses: [TextAnalysis]
    public var alignment: Alignment
    /// The glossary's terms in each source unit, when the caller already has them (an editor
    /// checks one translation again and again against the same source); else found per check.
    public var sourceTermHits: [[TermHit]]?

    public init(source: Document, sourceAnalyses: [TextAnalysis], alignment: Alignment, sourceTermHits: [[TermHit]]? = nil) {
        self.source = source
        self.sourceAnalyses = sourceAnalyses
        self.alignment = alignment
        self.sourceTermHits = sourceTermHits
    }

    /// For each unit of the translation `doc` in a bead (moved beads too), its bead's source units.
    public func sourceUnits(of doc: Document) -> [Int: [Int]] {
        var out: [Int: [Int]] = [:]
        for bead in alignment.beads + alignment.moved where !bead.source.isEmpty && !bead.target.isEmpty {
            let sources = bead.source.compactMap { source.unitIndex(block: $0) }
            for t in bead.target { if let u = doc.unitIndex(block: t) { out[u, default: []].append(contentsOf: sources) } }
        }
        return out
    }

    /// The glossary's terms in each unit of a source document.
    public static func termHits(_ glossary: GlossaryIndex, source: Document, analyses: [TextAnalysis]) -> [[TermHit]] {
        source.units.indices.map { k in
            glossary.sourceHits(text: source.units[k].text, words: analyses[k].words, isHeading: source.units[k].kind.headingLevel != nil)
        }
    }
}

/// A remark about the run rather than the document: what was skipped and why.
public struct Note: Sendable, Equatable {
    public var file: String
    public var line: Int
    public var message: String
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }
}

/// What rules see of one target file.
public final class FileContext {
    public let document: Document
    public let analyses: [TextAnalysis]
    public let settings: Settings
    public let messages: Messages
    public let glossary: GlossaryIndex?
    public let pairing: Pairing?
    /// When several files are checked together, findings on short English units wait here
    /// for the project's evidence instead of being emitted (see ``ProjectEvidence``).
    public var deferred: [DeferredFinding]? = nil
    /// Likewise, links to an anchor of another page, decided once every page is read.
    public var pageLinks: [PageAnchorLink]? = nil
    let toolkit: Toolkit
    /// Stems of the Latin words the translation keeps inside Chinese text (names it uses),
    /// the glossary's keep-as-is terms and the configuration's `keep:` words.
    public private(set) lazy var keptVocabulary: Set<String> = Checker.keptVocabulary(analyses, base: toolkit.segmenter.keptWords)
    /// Glossary hits in each unit's Chinese text.
    public private(set) lazy var targetHits: [[TermHit]] = {
        guard let glossary else { return Array(repeating: [], count: document.units.count) }
        return document.units.map { glossary.targetHits(text: $0.text, roles: $0.roles) }
    }()

    private var hanWordCache: [Int: [Word]] = [:]
    /// What the rules chose not to check in this file, and why (shown with `--verbose`).
    public internal(set) var notes: [Note] = []
    /// Pairs, anchors and extracted elements shared by the consistency rules (ConsistencyPairs.swift).
    var consistency: ConsistencyCache?
    /// This file's share of the project's evidence (``ProjectEvidence/of(_:_:)``), made once
    /// for `untranslated-label` and the checker.
    lazy var projectEvidence: ProjectEvidence = ProjectEvidence.of(document, analyses)
    /// The typography rules' shared pass (``TypographyScan``).
    var typography: TypographyScan?
    /// What the alignment left unpaired and why (bilingual): shared by `missing-translation`,
    /// `extra-block` and the untranslated rules, which leave extra blocks to `extra-block`.
    private(set) lazy var unpairedBlocks: UnpairedBlocks? = pairing.map { UnpairedBlocks(self, $0) }
    /// Target units with no source counterpart, in order (``ExtraBlockRule/unpaired(_:)``).
    private(set) lazy var extraUnits: [Int] = ExtraBlockRule.unpaired(self)
    /// The words of the translation's code spans (``UntranslatedLabelRule/isKeywordOfPageCode(_:_:)``).
    private(set) lazy var codeSpanWords: Set<String> = UntranslatedLabelRule.codeSpanWords(document.units)

    /// The translation's units in a bead with a source (in place or moved), sorted.
    private(set) lazy var pairedTargetUnits: [Int] = {
        guard let p = pairing else { return [] }
        var out: [Int] = []
        for b in p.alignment.beads + p.alignment.moved where !b.source.isEmpty {
            for t in b.target { if let u = document.unitIndex(block: t) { out.append(u) } }
        }
        out.sortUnique()
        return out
    }()

    /// True when a unit of the translation paired with the source lies strictly between units
    /// `a` and `b`.
    func pairedTargetUnitBetween(_ a: Int, _ b: Int) -> Bool {
        let k = pairedTargetUnits.sortedLowerBound(a + 1)
        return k < pairedTargetUnits.count && pairedTargetUnits[k] < b
    }

    /// The lowercase words (a–z only) of the translation's text and of its source's, for
    /// ``UntranslatedLabelRule/isNameAmongNames(_:_:)``: made once, not once per label.
    private(set) lazy var lowercaseWords: Set<String> = {
        var out = UntranslatedLabelRule.lowercaseWords(document.units)
        if let p = pairing { out.formUnion(UntranslatedLabelRule.lowercaseWords(p.source.units)) }
        return out
    }()
    /// The table and row of every HTML table cell unit (``BlockFeatures/HTMLCells/rows(_:)``:
    /// `table * 100_000 + row`), made on first use.
    private(set) lazy var htmlCellRows: [Int: Int] = BlockFeatures.HTMLCells.rows(document)

    /// The Han words of unit `k` (ICU dictionary segmentation), computed on first use.
    public func hanWords(_ k: Int) -> [Word] {
        if let w = hanWordCache[k] { return w }
        let w = toolkit.segmenter.hanWords(document.units[k])
        hanWordCache[k] = w
        return w
    }

    public init(document: Document, analyses: [TextAnalysis], settings: Settings, messages: Messages,
                glossary: GlossaryIndex?, pairing: Pairing?, toolkit: Toolkit) {
        self.document = document
        self.analyses = analyses
        self.settings = settings
        self.messages = messages
        self.glossary = glossary
        self.pairing = pairing
        self.toolkit = toolkit
    }

    /// A finding on a range of a unit.
    public func finding(_ rule: any Rule, severity: Severity, unit: Int, range: Range<Int>, message: String,
                        fix: Fix? = nil, details: [(String, JSON)] = []) -> Finding {
        let u = document.units[unit]
        return Finding(rule: rule.id, severity: severity, file: document.path, span: u.span(range),
                       message: message, text: u.string(range), fix: fix, details: details)
    }
}
