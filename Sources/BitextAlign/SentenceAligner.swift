import BitextMarkdown
import BitextText
import Foundation

/// A sentence as the sentence aligner sees it.
public struct AlignSentence: Sendable {
    /// Which block of the bead and which range of the unit's text.
    public var block: Int
    public var range: Range<Int>
    public var letters: Int
    public var han: Int
    /// Numbers, quoted or parenthesised marks, question and exclamation marks, Latin words.
    public var anchors: [String]
    public var latinWords: [String]

    public init(block: Int, range: Range<Int>, letters: Int, han: Int, anchors: [String], latinWords: [String]) {
        self.block = block
        self.range = range
        self.letters = letters
        self.han = han
        self.anchors = anchors
        self.latinWords = latinWords
    }
}

/// Aligns the sentences inside a bead (beads up to 1-3/3-1) with length and anchors.
public struct SentenceAligner: Sendable {
    public var insertionCost = 4.0
    public var lengthVariance = 6.0
    public init() {}

    static let moves: [(Int, Int, Double)] = [
        (1, 1, 0), (1, 0, 4), (0, 1, 4), (2, 1, 2.3), (1, 2, 2.3), (2, 2, 3.5), (3, 1, 4.0), (1, 3, 4.0),
    ]

    /// The sentences of some blocks (units) of a document.
    public static func sentences(of blocks: [Int], in doc: Document, analyses: [TextAnalysis]) -> [AlignSentence] {
        var out: [AlignSentence] = []
        for b in blocks {
            guard let u = doc.unitIndex(block: b) else { continue }
            let unit = doc.units[u], a = analyses[u]
            for r in a.sentences {
                out.append(sentence(unit: unit, analysis: a, block: b, range: r))
            }
        }
        return out
    }

    static func sentence(unit: BitextMarkdown.Unit, analysis a: TextAnalysis, block: Int, range r: Range<Int>) -> AlignSentence {
        var letters = 0, han = 0
        var anchors: [String] = []
        var digits: [UInt32] = []
        for i in r where unit.roles[i] == .content {
            let c = unit.text[i]
            if c >= 0x30 && c <= 0x39 { digits.append(c); letters += 1; continue }
            if !digits.isEmpty { anchors.append(makeString(digits)); digits.removeAll() }
            if c < 0x80 {
                if (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A { letters += 1 }
                else if c == 0x3F { anchors.append("?") }
                else if c == 0x21 { anchors.append("!") }
            } else if c >= 0x2E80 && c < 0xA000 || c >= 0xF900 && c < 0xFB00 || c >= 0x20000 {
                han += 1
            } else if c == 0xFF1F { anchors.append("?") }
            else if c == 0xFF01 { anchors.append("!") }
        }
        if !digits.isEmpty { anchors.append(makeString(digits)) }
        var words: [String] = []
        for w in a.words where w.kind == .latin && r.contains(w.range.lowerBound) {
            words.append(unit.string(w.range).lowercased())
        }
        return AlignSentence(block: block, range: r, letters: letters, han: han, anchors: anchors.sorted(), latinWords: words)
    }

    /// Aligns two sentence lists; `ratio` is source letters per Han character.
    public func align(source: [AlignSentence], target: [AlignSentence], ratio: Double) -> [SentenceBead] {
        let n = source.count, m = target.count
        if n == 0 && m == 0 { return [] }
        let w = min(max(n, m), max(10, abs(n - m) + 6))
        func lo(_ i: Int) -> Int { n == 0 ? 0 : max(0, i * m / max(1, n) - w) }
        func hi(_ i: Int) -> Int { n == 0 ? m : min(m, i * m / max(1, n) + w) }
        var table = [[Double]](repeating: [], count: n + 1)
        var back = [[UInt8]](repeating: [], count: n + 1)
        for i in 0...n {
            table[i] = [Double](repeating: .infinity, count: hi(i) - lo(i) + 1)
            back[i] = [UInt8](repeating: 255, count: hi(i) - lo(i) + 1)
        }
        table[0][0 - lo(0)] = 0
        for i in 0...n {
            for j in lo(i)...hi(i) {
                let here = table[i][j - lo(i)]
                guard here.isFinite else { continue }
                for (k, mv) in SentenceAligner.moves.enumerated() {
                    let ni = i + mv.0, nj = j + mv.1
                    guard ni <= n, nj <= m, nj >= lo(ni), nj <= hi(ni) else { continue }
                    let c = here + mv.2 + cost(source[i..<ni], target[j..<nj], ratio: ratio)
                    if c < table[ni][nj - lo(ni)] {
                        table[ni][nj - lo(ni)] = c
                        back[ni][nj - lo(ni)] = UInt8(k)
                    }
                }
            }
        }
        var beads: [SentenceBead] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            let k = back[i][j - lo(i)]
            guard k != 255 else { break }
            let mv = SentenceAligner.moves[Int(k)]
            let c = mv.2 + cost(source[(i - mv.0)..<i], target[(j - mv.1)..<j], ratio: ratio)
            let s = 1 / (1 + exp((c - 4) / 1.5))
            beads.append(SentenceBead(source: Array((i - mv.0)..<i), target: Array((j - mv.1)..<j), score: (s * 1000).rounded() / 1000))
            i -= mv.0
            j -= mv.1
        }
        return beads.reversed()
    }

    func cost(_ s: ArraySlice<AlignSentence>, _ t: ArraySlice<AlignSentence>, ratio: Double) -> Double {
        if s.isEmpty || t.isEmpty { return 0 }
        let ls = Double(s.reduce(0) { $0 + $1.letters })
        let lt = t.reduce(0.0) { $0 + ratio * Double($1.han) + Double($1.letters) }
        var c = 0.0
        if ls > 0 || lt > 0 {
            let mean = max(1, (ls + lt) / 2)
            let delta = abs(lt - ls) / sqrt(mean * lengthVariance)
            c -= log(max(1e-12, erfc(delta / 2.0.squareRoot())))
        }
        let sa = s.flatMap(\.anchors).sorted(), ta = t.flatMap(\.anchors).sorted()
        var i = 0, j = 0, common = 0
        while i < sa.count && j < ta.count {
            if sa[i] == ta[j] { common += 1; i += 1; j += 1 } else if sa[i] < ta[j] { i += 1 } else { j += 1 }
        }
        c += min(4, 0.8 * Double(sa.count + ta.count - 2 * common)) - min(4, 1.5 * Double(common))
        let words = Set(s.flatMap(\.latinWords))
        var kept = 0, foreign = 0
        for wd in t.flatMap(\.latinWords) { if words.contains(wd) { kept += 1 } else { foreign += 1 } }
        c += min(3, 0.6 * Double(foreign)) - min(3, 0.5 * Double(kept))
        return c
    }
}
