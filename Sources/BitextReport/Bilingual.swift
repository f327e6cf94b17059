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
    /// The target locale's English characters per Han character (as coverage measures).
    public var charactersPerHan: Double

    public init(source: Document, target: Document, sourceAnalyses: [TextAnalysis], targetAnalyses: [TextAnalysis],
                alignment: Alignment, findings: [Finding], coverage: Coverage, sourceLanguage: String, targetLanguage: String,
                charactersPerHan: Double) {
        self.source = source
        self.target = target
        self.sourceAnalyses = sourceAnalyses
        self.targetAnalyses = targetAnalyses
        self.alignment = alignment
        self.findings = findings
        self.coverage = coverage
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.charactersPerHan = charactersPerHan
    }

    /// How translated a target unit is: its Han text against its English prose.
    public func status(ofTargetUnit k: Int) -> Coverage.Status {
        let (t, u) = Coverage.split(target.units[k], targetAnalyses[k], charactersPerHan: charactersPerHan)
        return t + u == 0 ? .translated : Coverage.status(t / (t + u))
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
        let words = SentenceAligner.WordCache()
        let ss = SentenceAligner.sentences(of: bead.source, in: source, analyses: sourceAnalyses, words: words)
        let ts = SentenceAligner.sentences(of: bead.target, in: target, analyses: targetAnalyses, words: words)
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
                    let text = d.units[u].plainText(in: s.range, excluding: analyses[u].notes)
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
