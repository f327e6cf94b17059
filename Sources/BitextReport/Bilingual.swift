import BitextAlign
import BitextCheck
import BitextMarkdown
import BitextText

/// A document pair with everything the exporters need: both documents, their analyses, the
/// alignment, and the findings on the translation.
public struct BilingualPair {
    public var source: Document
    public var target: Document
    public var sourceAnalyses: [TextAnalysis]
    public var targetAnalyses: [TextAnalysis]
    public var alignment: Alignment
    public var findings: [Finding]
    public var coverage: Coverage
    public var sourceLanguage: String
    public var targetLanguage: String

    public init(source: Document, target: Document, sourceAnalyses: [TextAnalysis], targetAnalyses: [TextAnalysis],
                alignment: Alignment, findings: [Finding], coverage: Coverage, sourceLanguage: String, targetLanguage: String) {
        self.source = source
        self.target = target
        self.sourceAnalyses = sourceAnalyses
        self.targetAnalyses = targetAnalyses
        self.alignment = alignment
        self.findings = findings
        self.coverage = coverage
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }

    /// The plain text of a block (code blocks: their code).
    public static func text(_ d: Document, _ block: Int) -> String {
        switch d.blocks[block] {
        case .unit(let u): return d.units[u].plainText
        case .code(let c): return d.codeBlocks[c].literal.hasSuffix("\n") ? String(d.codeBlocks[c].literal.dropLast()) : d.codeBlocks[c].literal
        }
    }

    /// The plain text of a range of a unit: what a reader reads, syntax left out.
    public static func plain(_ u: BitextMarkdown.Unit, _ r: Range<Int>, excluding notes: [Range<Int>] = []) -> String {
        var scalars: [UInt32] = []
        var space = false
        for i in r where !notes.contains(where: { $0.contains(i) }) {
            let role = u.roles[i], c = u.text[i]
            if role == .content || role == .code || role == .math || role == .url {
                if c == 0x0A || c == 0x0D { space = true; continue }
                if space && !scalars.isEmpty && scalars.last != 0x20 { scalars.append(0x20) }
                space = false
                scalars.append(c)
            } else if c == 0x0A {
                space = true
            }
        }
        while scalars.last == 0x20 { scalars.removeLast() }
        return makeString(scalars)
    }

    /// How translated a target unit is: its Han text against its English prose.
    public func status(ofTargetUnit k: Int) -> Coverage.Status {
        let (t, u) = Coverage.split(target.units[k], targetAnalyses[k], charactersPerHan: 3.9)
        if t + u == 0 { return .translated }
        let share = t / (t + u)
        return share >= 0.98 ? .translated : share <= 0.02 ? .untranslated : .partial
    }

    /// A sentence aligned with target sentences whose text is Chinese (translated).
    public struct SentencePair {
        public var source: String
        public var target: String
        public var sourceUnit: Int
        public var score: Double
    }

    /// The translated sentence pairs of a bead (target sentences with Han and no English prose).
    public func translatedSentences(_ bead: Bead) -> [SentencePair] {
        let ss = SentenceAligner.sentences(of: bead.source, in: source, analyses: sourceAnalyses)
        let ts = SentenceAligner.sentences(of: bead.target, in: target, analyses: targetAnalyses)
        var out: [SentencePair] = []
        for sb in bead.sentences where !sb.source.isEmpty && !sb.target.isEmpty {
            let targetTranslated = sb.target.allSatisfy { k in
                let s = ts[k]
                guard let u = target.unitIndex(block: s.block) else { return false }
                let a = targetAnalyses[u]
                let proseInside = a.stretches.contains { $0.isProse && $0.range.overlaps(s.range) }
                return s.han > 0 && !proseInside
            }
            guard targetTranslated, let su = source.unitIndex(block: ss[sb.source[0]].block) else { continue }
            // Translator's notes are the translator's, not a translation: left out.
            func join(_ d: Document, _ analyses: [TextAnalysis], _ list: [AlignSentence], _ idx: [Int], separator: String) -> String {
                idx.compactMap { k -> String? in
                    let s = list[k]
                    guard let u = d.unitIndex(block: s.block) else { return nil }
                    let text = BilingualPair.plain(d.units[u], s.range, excluding: analyses[u].notes)
                    return text.isEmpty ? nil : text
                }.joined(separator: separator)
            }
            let targetText = join(target, targetAnalyses, ts, sb.target, separator: "")
            guard !targetText.isEmpty else { continue }
            out.append(SentencePair(source: join(source, sourceAnalyses, ss, sb.source, separator: " "),
                                    target: targetText,
                                    sourceUnit: su, score: sb.score))
        }
        return out
    }
}
