import BitextMarkdown
import BitextText

/// Aligns texts that are already one sentence a line (the research format), either side
/// Chinese: languages come from the script of the text.
public struct SegmentedAligner: Sendable {
    public var sentences = SentenceAligner()
    public var priorRatio = 2.8

    public init() {}

    /// The lines of a one-sentence-a-line file, nil when it is not UTF-8. A line ends at a line
    /// feed, and a carriage return before it (a CRLF file from Windows) or at the end of the
    /// file is dropped; one empty last line is dropped too. A carriage return elsewhere stays in
    /// its line. Split on bytes: a line feed never sits inside a multi-byte sequence, so the
    /// file is valid exactly when its lines are. (Before 3 December 2026 a CRLF did not end a
    /// line: Swift's `components(separatedBy: "\n")` sees CR LF as one character.)
    public static func lines(_ bytes: [UInt8]) -> [String]? {
        bytes.withUnsafeBufferPointer { b -> [String]? in
            var out: [String] = []
            var start = 0
            func piece(_ end: Int) -> Bool {
                var e = end
                if e > start && b[e - 1] == 0x0D { e -= 1 }
                // A carriage return is ASCII: the piece is valid exactly when it is valid without.
                guard let line = String(validating: UnsafeBufferPointer(rebasing: b[start..<e]), as: UTF8.self) else { return false }
                out.append(line)
                return true
            }
            var i = 0
            while i < b.count {
                if b[i] == 0x0A {
                    guard piece(i) else { return nil }
                    start = i + 1
                }
                i += 1
            }
            guard piece(b.count) else { return nil }
            if out.last == "" { out.removeLast() }
            return out
        }
    }

    /// A line as the sentence aligner sees it.
    public static func sentence(_ line: String, index: Int, segmenter: Segmenter) -> AlignSentence {
        sentence(line, index: index, segmenter: segmenter, words: nil)
    }

    static func sentence(_ line: String, index: Int, segmenter: Segmenter, words: SentenceAligner.WordCache?) -> AlignSentence {
        var line = line
        // The scalars, decoded from the line's UTF-8 (valid: it is a String).
        let text = line.withUTF8 { u -> [UInt32] in
            [UInt32](unsafeUninitializedCapacity: u.count) { out, count in
                var i = 0, n = 0
                while i < u.count {
                    let b0 = UInt32(u[i])
                    if b0 < 0x80 {
                        out[n] = b0; i += 1
                    } else if b0 < 0xE0 {
                        out[n] = (b0 & 0x1F) << 6 | UInt32(u[i + 1] & 0x3F); i += 2
                    } else if b0 < 0xF0 {
                        out[n] = (b0 & 0x0F) << 12 | UInt32(u[i + 1] & 0x3F) << 6 | UInt32(u[i + 2] & 0x3F); i += 3
                    } else {
                        out[n] = (b0 & 0x07) << 18 | UInt32(u[i + 1] & 0x3F) << 12 | UInt32(u[i + 2] & 0x3F) << 6 | UInt32(u[i + 3] & 0x3F)
                        i += 4
                    }
                    n += 1
                }
                count = n
            }
        }
        let roles = [Role](repeating: .content, count: text.count)
        // The lines are the sentences: only words are needed.
        let a = segmenter.analyze(text: text, roles: roles, wordsOnly: true)
        let unit = BitextMarkdown.Unit(kind: .paragraph, start: TextPosition(line: index + 1, column: 1),
                                       byteRange: 0..<0, text: text, roles: roles)
        return SentenceAligner.sentence(unit: unit, analysis: a, block: index, range: 0..<text.count,
                                        functionWords: segmenter.source.functionWords, words: words)
    }

    /// Beads between two lists of sentences. Each line is read into the aligner's compact table
    /// as it is segmented, so a whole book takes little memory.
    public func align(source: [String], target: [String], segmenter: Segmenter) -> [SentenceBead] {
        var ids = SentenceTable.Interners()
        var s = SentenceTable(), t = SentenceTable()
        let words = SentenceAligner.WordCache()
        for (k, line) in source.enumerated() { s.append(SegmentedAligner.sentence(line, index: k, segmenter: segmenter, words: words), &ids) }
        for (k, line) in target.enumerated() { t.append(SegmentedAligner.sentence(line, index: k, segmenter: segmenter, words: words), &ids) }
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
