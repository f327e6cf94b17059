import BitextMarkdown
import BitextText

/// Aligns two documents: blocks first, then sentences inside each bead.
public struct DocumentAligner: Sendable {
    public var blocks = BlockAligner()
    public var sentences = SentenceAligner()
    public var functionWords: Set<String>

    public init(functionWords: Set<String>, lettersPerHan: Double = 2.8) {
        self.functionWords = functionWords
        blocks.priorRatio = lettersPerHan
    }

    public func align(source: Document, sourceAnalyses: [TextAnalysis],
                      target: Document, targetAnalyses: [TextAnalysis]) -> Alignment {
        let sf = BlockFeatures.of(source, analyses: sourceAnalyses, functionWords: functionWords)
        let tf = BlockFeatures.of(target, analyses: targetAnalyses, functionWords: functionWords)
        var beads = blocks.align(source: sf, target: tf)
        let ratio = blocks.ratio(source: sf, target: tf) ?? 1
        let words = SentenceAligner.WordCache()
        for k in beads.indices where !beads[k].source.isEmpty && !beads[k].target.isEmpty {
            let s = SentenceAligner.sentences(of: beads[k].source, in: source, analyses: sourceAnalyses, words: words)
            let t = SentenceAligner.sentences(of: beads[k].target, in: target, analyses: targetAnalyses, words: words)
            beads[k].sentences = sentences.align(source: s, target: t, ratio: ratio)
        }
        return Alignment(beads: beads)
    }
}
