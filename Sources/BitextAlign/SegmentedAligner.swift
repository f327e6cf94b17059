import BitextMarkdown
import BitextText

/// Aligns texts that are already one sentence a line (the research format), either side
/// Chinese: languages come from the script of the text.
public struct SegmentedAligner: Sendable {
    public var sentences = SentenceAligner()
    public var priorRatio = 2.8

    public init() {}

    /// The lines of a one-sentence-a-line file, nil when it is not UTF-8: ``splitLines()`` (a
    /// line ends at a line feed, and the carriage return of a CR LF is dropped), with a
    /// carriage return at the very end of the file dropped too, and one empty last line. A
    /// carriage return elsewhere stays in its line. (Before 3 December 2026 a CR LF did not end
    /// a line: Swift's `components(separatedBy: "\n")` sees CR LF as one character.)
    public static func lines(_ bytes: [UInt8]) -> [String]? {
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        var lines = text.splitLines()
        if let last = lines.last, last.utf8.last == 0x0D { lines[lines.count - 1] = last.dropLast() }
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map(String.init)
    }

    /// A line as the sentence aligner sees it.
    public static func sentence(_ line: String, index: Int, segmenter: Segmenter) -> AlignSentence {
        sentence(line, index: index, segmenter: segmenter, words: nil, numerals: numerals(segmenter))
    }

    /// The numerals of the pair's Han side (``LocaleData/numerals``): anchors of either side's
    /// sentences (a Chinese source is aligned too).
    static func numerals(_ segmenter: Segmenter) -> Numerals {
        segmenter.target.isHan || !segmenter.source.isHan ? segmenter.target.numerals : segmenter.source.numerals
    }

    static func sentence(_ line: String, index: Int, segmenter: Segmenter, words: SentenceAligner.WordCache?, numerals: Numerals) -> AlignSentence {
        var line = line
        // The scalars, decoded from the line's UTF-8 (valid: it is a String).
        let text = line.withUTF8 { u -> [UInt32] in
            guard !u.isEmpty else { return [] }
            return [UInt32](unsafeUninitializedCapacity: u.count) { out, count in
                count = SourceText.decodeUTF8(u, into: out.baseAddress!)
            }
        }
        let roles = [Role](repeating: .content, count: text.count)
        // The lines are the sentences: only words are needed.
        let a = segmenter.analyze(text: text, roles: roles, wordsOnly: true)
        let unit = BitextMarkdown.Unit(kind: .paragraph, start: TextPosition(line: index + 1, column: 1),
                                       byteRange: 0..<0, text: text, roles: roles)
        return SentenceAligner.sentence(unit: unit, analysis: a, block: index, range: 0..<text.count,
                                        functionWords: segmenter.source.functionWords, words: words, numerals: numerals)
    }

    /// Beads between two lists of sentences. Each line is read into the aligner's compact table
    /// as it is segmented, so a whole book takes little memory.
    public func align(source: [String], target: [String], segmenter: Segmenter) -> [SentenceBead] {
        var ids = SentenceTable.Interners()
        var s = SentenceTable(), t = SentenceTable()
        let words = SentenceAligner.WordCache()
        let numerals = SegmentedAligner.numerals(segmenter)
        for (k, line) in source.enumerated() { s.append(SegmentedAligner.sentence(line, index: k, segmenter: segmenter, words: words, numerals: numerals), &ids) }
        for (k, line) in target.enumerated() { t.append(SegmentedAligner.sentence(line, index: k, segmenter: segmenter, words: words, numerals: numerals), &ids) }
        let sHan = s.han.reduce(0) { $0 + Int($1) }, tHan = t.han.reduce(0) { $0 + Int($1) }
        // The aligner's length model reads the English side as letters and the Chinese side
        // as Han characters; a Chinese source is aligned the other way round and swapped back.
        if sHan > tHan {
            return align(english: t, chinese: s, ids).map { SentenceBead(source: $0.target, target: $0.source, score: $0.score) }
        }
        return align(english: s, chinese: t, ids)
    }

    func align(english: SentenceTable, chinese: SentenceTable, _ ids: SentenceTable.Interners) -> [SentenceBead] {
        let letters = english.letters.reduce(0) { $0 + Int($1) }
        let han = chinese.han.reduce(0) { $0 + Int($1) }
        let kept = chinese.letters.reduce(0) { $0 + Int($1) }
        let ratio = han == 0 ? 1 : (Double(max(0, letters - kept)) + priorRatio * 300) / (Double(han) + 300)
        return sentences.align(english, chinese, ids, ratio: ratio)
    }
}
