import BitextMarkdown
import BitextText

/// Aligns texts that are already one sentence a line (the research format), either side
/// Chinese: languages come from the script of the text.
public struct SegmentedAligner: Sendable {
    public var sentences = SentenceAligner()
    public var priorRatio = 2.8

    public init() {}

    /// A line as the sentence aligner sees it.
    public static func sentence(_ line: String, index: Int, segmenter: Segmenter) -> AlignSentence {
        let text = Array(line.unicodeScalars.map(\.value))
        let roles = [Role](repeating: .content, count: text.count)
        // The lines are the sentences: only words are needed.
        let a = segmenter.analyze(text: text, roles: roles, wordsOnly: true)
        let unit = BitextMarkdown.Unit(kind: .paragraph, start: TextPosition(line: index + 1, column: 1),
                                       byteRange: 0..<0, text: text, roles: roles)
        return SentenceAligner.sentence(unit: unit, analysis: a, block: index, range: 0..<text.count,
                                        functionWords: segmenter.source.functionWords)
    }

    /// Beads between two lists of sentences.
    public func align(source: [String], target: [String], segmenter: Segmenter) -> [SentenceBead] {
        let s = source.enumerated().map { SegmentedAligner.sentence($0.element, index: $0.offset, segmenter: segmenter) }
        let t = target.enumerated().map { SegmentedAligner.sentence($0.element, index: $0.offset, segmenter: segmenter) }
        let sHan = s.reduce(0) { $0 + $1.han }, tHan = t.reduce(0) { $0 + $1.han }
        // The aligner's length model reads the English side as letters and the Chinese side
        // as Han characters; a Chinese source is aligned the other way round and swapped back.
        if sHan > tHan {
            return align(english: t, chinese: s).map { SentenceBead(source: $0.target, target: $0.source, score: $0.score) }
        }
        return align(english: s, chinese: t)
    }

    func align(english: [AlignSentence], chinese: [AlignSentence]) -> [SentenceBead] {
        let letters = english.reduce(0) { $0 + $1.letters }
        let han = chinese.reduce(0) { $0 + $1.han }
        let kept = chinese.reduce(0) { $0 + $1.letters }
        let ratio = han == 0 ? 1 : (Double(max(0, letters - kept)) + priorRatio * 300) / (Double(han) + 300)
        return sentences.align(source: english, target: chinese, ratio: ratio)
    }
}
