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
    /// Stems of the Latin words that are not function words, for the learned lexicon.
    public var contentWords: [String] = []
    /// The Han characters of the sentence, each once.
    public var hanCharacters: [UInt32] = []

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
    /// Learn word translations from a first pass and align again with them.
    public var lexical = true
    /// How many rounds of learning and re-aligning follow the first, length-based pass.
    public var passes = 1
    /// Read once: the environment is copied on every read (11% of an editor's re-check).
    private static let debugEnabled = ProcessInfo.processInfo.environment["BITEXT_DEBUG_ALIGN"] != nil
    var debug: Bool { Self.debugEnabled }
    /// Bead-shape costs in the order of `moves`; nil: the fixed ones.
    var priors: [Double]? = nil
    public init() {}

    static let moves: [(Int, Int, Double)] = [
        (1, 1, 0), (1, 0, 4), (0, 1, 4), (2, 1, 2.3), (1, 2, 2.3), (2, 2, 3.5), (3, 1, 4.0), (1, 3, 4.0),
    ]

    /// The sentences of some blocks (units) of a document.
    public static func sentences(of blocks: [Int], in doc: Document, analyses: [TextAnalysis],
                                 functionWords: Set<String> = []) -> [AlignSentence] {
        var out: [AlignSentence] = []
        for b in blocks {
            guard let u = doc.unitIndex(block: b) else { continue }
            let unit = doc.units[u], a = analyses[u]
            for r in a.sentences {
                out.append(sentence(unit: unit, analysis: a, block: b, range: r, functionWords: functionWords))
            }
        }
        return out
    }

    static func sentence(unit: BitextMarkdown.Unit, analysis a: TextAnalysis, block: Int, range r: Range<Int>,
                         functionWords: Set<String> = []) -> AlignSentence {
        var letters = 0, han = 0
        var hanSet = Set<UInt32>()
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
                if c >= 0x3400 { hanSet.insert(c) }
            } else if c == 0xFF1F { anchors.append("?") }
            else if c == 0xFF01 { anchors.append("!") }
        }
        if !digits.isEmpty { anchors.append(makeString(digits)) }
        var words: [String] = []
        var content: [String] = []
        for w in a.words where w.kind == .latin && r.contains(w.range.lowerBound) {
            let word = unit.string(w.range).lowercased()
            words.append(word)
            if !functionWords.contains(word) && word.count > 1 { content.append(Stemmer.stem(word)) }
        }
        var s = AlignSentence(block: block, range: r, letters: letters, han: han, anchors: anchors.sorted(), latinWords: words)
        s.contentWords = content
        s.hanCharacters = Array(hanSet)
        return s
    }

    /// Aligns two sentence lists; `ratio` is source letters per Han character.
    ///
    /// A dynamic programme inside a band around the diagonal; when the best path touches the
    /// band's edge, the band doubles and the programme runs again, so long texts cost about
    /// their length times a small width.
    public func align(source: [AlignSentence], target: [AlignSentence], ratio: Double) -> [SentenceBead] {
        let n = source.count, m = target.count
        if n == 0 && m == 0 { return [] }
        // The band follows the lengths: row i is centred where the target has covered the same
        // share of its text as the source has by sentence i.
        var sourceCum = [0.0], targetCum = [0.0]
        for x in source { sourceCum.append(sourceCum.last! + Double(x.letters) + 1) }
        for x in target { targetCum.append(targetCum.last! + ratio * Double(x.han) + Double(x.letters) + 1) }
        // Wide enough for the local drift of real texts, but not growing with their length.
        var w = min(256, max(12, max(n, m) / 20))
        var first: [SentenceBead] = []
        while true {
            let (beads, touched) = align(source, target, ratio: ratio,
                                         band: Band(lengths: sourceCum, targetCum, width: w))
            first = beads
            if debug { print("pass 1 width \(w) touched \(touched)") }
            if !touched || w >= max(n, m) { break }
            w *= 2
        }
        // A second pass with translations learned from the first, when there is enough text
        // to learn from, in a narrow band around the first path (widened if the path needs it).
        guard lexical, n >= 20, m >= 20 else { return first }
        var current = first
        // Each round learns translations and bead-shape priors from the previous path (one
        // round is best on the gold sets measured; more drift).
        for _ in 0..<passes {
            var r = 8
            while true {
                let band = Band(path: current, n, m, radius: r)
                let lexicon = LexicalMatches(source: source.map(\.contentWords), target: target.map(\.hanCharacters),
                                             beads: current, band: band)
                var tuned = self
                tuned.priors = SentenceAligner.priors(from: current)
                let (beads, touched) = tuned.align(source, target, ratio: ratio, band: band, lexicon: lexicon)
                if debug { print("pass 2 radius \(r) touched \(touched)") }
                if !touched || r >= max(n, m) { current = beads; break }
                r *= 4
            }
        }
        return current
    }

    /// Bead-shape costs from how often each shape occurs in an alignment: −log of its share,
    /// relative to 1-1 (with add-one smoothing, never cheaper than 1-1).
    static func priors(from beads: [SentenceBead]) -> [Double] {
        var counts = [Double](repeating: 1, count: moves.count)
        for b in beads {
            if let k = moves.firstIndex(where: { $0.0 == b.source.count && $0.1 == b.target.count }) { counts[k] += 1 }
        }
        let total = counts.reduce(0, +)
        let oneOne = -log(counts[0] / total)
        return counts.enumerated().map { k, c in k == 0 ? 0 : max(0.5, -log(c / total) - oneOne) }
    }

    /// The cells the dynamic programme visits: for each source position i (0…n), target
    /// positions lo[i]…hi[i].
    struct Band {
        var lo: [Int]
        var hi: [Int]

        /// Around the straight line from (0, 0) to (n, m).
        init(diagonal n: Int, _ m: Int, width w: Int) {
            lo = (0...n).map { i in max(0, (n == 0 ? 0 : i * m / n) - w) }
            hi = (0...n).map { i in n == 0 ? m : min(m, i * m / n + w) }
        }

        /// Around the line where both sides have covered the same share of their length
        /// (`source` and `target` are cumulative lengths, from 0).
        init(lengths source: [Double], _ target: [Double], width w: Int) {
            let n = source.count - 1, m = target.count - 1
            let sTotal = max(1, source[n]), tTotal = max(1, target[m])
            var centers = [Int](repeating: 0, count: n + 1)
            var j = 0
            for i in 0...n {
                let want = source[i] / sTotal * tTotal
                while j < m && target[j + 1] <= want { j += 1 }
                centers[i] = j
            }
            lo = centers.map { max(0, $0 - w) }
            hi = centers.map { min(m, $0 + w) }
            lo[0] = 0
            hi[n] = m
        }

        /// Around a path of beads, `radius` on each side.
        init(path beads: [SentenceBead], _ n: Int, _ m: Int, radius r: Int) {
            var at = [Int](repeating: 0, count: n + 1)  // target position where the path crosses row i
            var i = 0, j = 0
            at[0] = 0
            for b in beads {
                j += b.target.count
                for _ in 0..<b.source.count { i += 1; at[i] = j }
                if b.source.isEmpty { at[i] = j }
            }
            lo = (0...n).map { max(0, (($0 > 0 ? at[$0 - 1] : 0)) - r) }
            hi = (0...n).map { min(m, at[$0] + r) }
            // Every row reaches the next: no gaps the moves cannot cross.
            for k in stride(from: n - 1, through: 0, by: -1) { lo[k] = min(lo[k], lo[k + 1]) }
            for k in 1...max(1, n) where k <= n { hi[k] = max(hi[k], hi[k - 1]) }
            lo[0] = 0
            hi[n] = m
        }
    }

    /// Per-sentence numbers the cost function reads, as plain arrays (no reference counting in
    /// the inner loop): prefix sums of lengths, counts of anchors and Latin words.
    struct Prepared {
        var sourceLength: [Double]  // prefix sums
        var targetLength: [Double]
        /// Anchors as hashes, sentence by sentence: `anchorStart[k]..<anchorStart[k+1]` in `anchors`.
        var sourceAnchorStart: [Int]
        var sourceAnchorHashes: [Int]
        var targetAnchorStart: [Int]
        var targetAnchorHashes: [Int]
        var targetWords: [Int]
        // The learned lexicon's masks, read directly (an optional struct would be copied).
        var hasLexicon: Bool
        var masks: [[UInt64]]
        var maskStart: [Int]
        var wordsWithEntries: [Int]
        var reward: Double
        var penalty: Double
    }

    func prepare(_ source: [AlignSentence], _ target: [AlignSentence], ratio: Double, lexicon: LexicalMatches?) -> Prepared {
        var sl = [0.0], tl = [0.0]
        for x in source { sl.append(sl.last! + Double(x.letters)) }
        for x in target { tl.append(tl.last! + ratio * Double(x.han) + Double(x.letters)) }
        func flatten(_ xs: [AlignSentence]) -> ([Int], [Int]) {
            var start = [0], hashes: [Int] = []
            for x in xs {
                hashes += x.anchors.map { $0.hashValue }
                start.append(hashes.count)
            }
            return (start, hashes)
        }
        let (ss, sh) = flatten(source), (ts, th) = flatten(target)
        return Prepared(sourceLength: sl, targetLength: tl, sourceAnchorStart: ss, sourceAnchorHashes: sh,
                        targetAnchorStart: ts, targetAnchorHashes: th, targetWords: target.map { $0.latinWords.count },
                        hasLexicon: lexicon != nil, masks: lexicon?.masks ?? [], maskStart: lexicon?.maskStart ?? [],
                        wordsWithEntries: lexicon?.wordsWithEntries ?? [], reward: lexicon?.reward ?? 0,
                        penalty: lexicon?.penalty ?? 0)
    }

    private func align(_ source: [AlignSentence], _ target: [AlignSentence], ratio: Double, band: Band,
                       lexicon: LexicalMatches? = nil) -> ([SentenceBead], Bool) {
        let n = source.count, m = target.count
        let prep = prepare(source, target, ratio: ratio, lexicon: lexicon)
        let loA = band.lo, hiA = band.hi
        @inline(__always) func lo(_ i: Int) -> Int { loA[i] }
        @inline(__always) func hi(_ i: Int) -> Int { hiA[i] }
        var table = [[Double]](repeating: [], count: n + 1)
        var back = [[UInt8]](repeating: [], count: n + 1)
        for i in 0...n {
            table[i] = [Double](repeating: .infinity, count: hi(i) - lo(i) + 1)
            back[i] = [UInt8](repeating: 255, count: hi(i) - lo(i) + 1)
        }
        table[0][0] = 0
        let moves = SentenceAligner.moves
        let priorsA = priors
        for i in 0...n {
            let li = lo(i), hiI = hi(i)
            for j in li...hiI {
                let here = table[i][j - li]
                guard here.isFinite else { continue }
                for k in 0..<moves.count {
                    let mv = moves[k]
                    let ni = i + mv.0, nj = j + mv.1
                    guard ni <= n, nj <= m else { continue }
                    let lni = lo(ni)
                    guard nj >= lni, nj <= hi(ni) else { continue }
                    let c = here + (priorsA?[k] ?? mv.2) + cost(prep, source, i..<ni, target, j..<nj)
                    if c < table[ni][nj - lni] {
                        table[ni][nj - lni] = c
                        back[ni][nj - lni] = UInt8(k)
                    }
                }
            }
        }
        var beads: [SentenceBead] = []
        var touched = false
        var i = n, j = m
        while i > 0 || j > 0 {
            let li = lo(i)
            guard j >= li, j <= hi(i) else { touched = true; break }
            if (j == li && li > 0) || (j == hi(i) && hi(i) < m) {
                if debug && !touched { print("touch at row \(i) col \(j) band \(li)...\(hi(i))") }
                touched = true
            }
            let k = back[i][j - li]
            guard k != 255 else { touched = true; break }
            let mv = moves[Int(k)]
            let c = (priorsA?[Int(k)] ?? mv.2) + cost(prep, source, (i - mv.0)..<i, target, (j - mv.1)..<j)
            let s = 1 / (1 + exp((c - 4) / 1.5))
            beads.append(SentenceBead(source: Array((i - mv.0)..<i), target: Array((j - mv.1)..<j), score: (s * 1000).rounded() / 1000))
            i -= mv.0
            j -= mv.1
        }
        return (beads.reversed(), touched)
    }

    @inline(__always)
    func cost(_ p: Prepared, _ s: [AlignSentence], _ si: Range<Int>, _ t: [AlignSentence], _ ti: Range<Int>) -> Double {
        if si.isEmpty || ti.isEmpty { return 0 }
        let ls = p.sourceLength[si.upperBound] - p.sourceLength[si.lowerBound]
        let lt = p.targetLength[ti.upperBound] - p.targetLength[ti.lowerBound]
        var c = 0.0
        if ls > 0 || lt > 0 {
            let mean = max(1, (ls + lt) / 2)
            c += LengthCost.cost(abs(lt - ls) / (mean * lengthVariance).squareRoot())
        }
        if p.hasLexicon {
            // −reward for each source word whose learned translation the target holds,
            // +penalty for each that has none there.
            var matched = 0, total = 0
            for i in si {
                var mask: UInt64 = 0
                let start = p.maskStart[i]
                for j in ti {
                    let k = j - start
                    if k >= 0 && k < p.masks[i].count { mask |= p.masks[i][k] }
                }
                matched += mask.nonzeroBitCount
                total += p.wordsWithEntries[i]
            }
            c += -p.reward * Double(matched) + p.penalty * Double(total - matched)
        }
        // Anchors (numbers, ? and !): each source anchor finds at most one equal target anchor.
        let sa = p.sourceAnchorStart[si.upperBound] - p.sourceAnchorStart[si.lowerBound]
        let ta = p.targetAnchorStart[ti.upperBound] - p.targetAnchorStart[ti.lowerBound]
        if sa + ta > 0 {
            var common = 0
            if sa > 0 && ta > 0 {
                var used: UInt64 = 0
                let t0 = p.targetAnchorStart[ti.lowerBound]
                for a in p.sourceAnchorStart[si.lowerBound]..<p.sourceAnchorStart[si.upperBound] {
                    for b in 0..<min(ta, 64) where used & (1 << UInt64(b)) == 0 && p.targetAnchorHashes[t0 + b] == p.sourceAnchorHashes[a] {
                        used |= 1 << UInt64(b)
                        common += 1
                        break
                    }
                }
            }
            c += min(4, 0.8 * Double(sa + ta - 2 * common)) - min(4, 1.5 * Double(common))
        }
        // Latin words kept in the translation.
        var tw = 0
        for k in ti { tw += p.targetWords[k] }
        if tw > 0 {
            var words = Set<String>()
            for k in si { words.formUnion(s[k].latinWords) }
            var kept = 0, foreign = 0
            for k in ti { for wd in t[k].latinWords { if words.contains(wd) { kept += 1 } else { foreign += 1 } } }
            c += min(3, 0.6 * Double(foreign)) - min(3, 0.5 * Double(kept))
        }
        return c
    }
}

/// −log of the two-sided normal tail, 2·(1 − Φ(δ)): Gale and Church's length cost, from a
/// table (the dynamic programmes call it millions of times).
enum LengthCost {
    static let step = 0.01
    static let table: [Double] = (0...3000).map { k in -log(max(1e-300, erfc(Double(k) * step / 2.0.squareRoot()))) }

    @inline(__always) static func cost(_ delta: Double) -> Double {
        let x = delta / step
        if x >= 3000 { return table[3000] + (delta - 30) * 30 }
        let k = Int(x)
        let f = x - Double(k)
        return table[k] + (table[k + 1] - table[k]) * f
    }
}
