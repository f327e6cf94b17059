import BitextText

extension BlockAligner {
    /// The least evidence that pairs a section of the source with a section of the translation
    /// out of order: two pairs of their blocks linked by keys each side holds once.
    static let sectionVotes = 2

    /// The most pairs of leftover headings compared for the Latin words they share.
    static let headingPairsCompared = 250_000

    /// The translation's blocks in the order of the source's sections, when the translator put
    /// whole sections in another order (a page's "Visualization" section moved from its start to
    /// its end); nil when the sections follow the source's order or nothing says otherwise.
    ///
    /// Every heading opens a section; what comes before the first heading is a section too. A
    /// section of the source and one of the translation pair when keys that each side holds
    /// once link ``sectionVotes`` pairs of their blocks at least (``anchorKeys(_:)``: code,
    /// untranslated text, heading ids, the same anchors; and each inline code span and link
    /// target on its own, a table row's code cells, the Latin words of headings), and each is
    /// the other's choice by twice the votes of any other section. Sections left over pair by
    /// the Latin words of their headings, then by place beside those pairs, their headings of
    /// one level; a section of the translation that pairs with none goes with the next when it
    /// opens it (its heading above the next one's), else with the section before it (a section
    /// the translator added). The banded programme aligns in order and cannot follow a section
    /// moved far: with the order mended, each section meets its translation.
    func sectionOrder(source: [BlockFeatures], target: [BlockFeatures]) -> [Int]? {
        func isHeading(_ b: BlockFeatures) -> Bool { if case .heading = b.kind { return true } else { return false } }
        func sections(_ side: [BlockFeatures]) -> [Int] {
            var out = [Int](repeating: 0, count: side.count), k = 0
            for (i, b) in side.enumerated() {
                if isHeading(b) { k += 1 }
                out[i] = k
            }
            return out
        }
        let ss = sections(source), ts = sections(target)
        let sCount = (ss.last ?? 0) + 1, tCount = (ts.last ?? 0) + 1
        guard sCount >= 3, tCount >= 3 else { return nil }
        func keys(_ b: BlockFeatures) -> [(String, Bool)] {
            var out = BlockAligner.anchorKeys(b)
            for a in b.anchors where a.hasPrefix("@") || a.hasPrefix("`") { out.append(("s:" + a, false)) }
            // A row's code names each of its cells, in its column.
            if case .cell(_, let column) = b.kind {
                for c in b.rowKey + b.codeCells { out.append(("r:\(column)\u{1}" + c.code, false)) }
            }
            if let l = b.cellLink { out.append(("l:" + l, false)) }
            if isHeading(b) { for w in b.latinWords { out.append(("w:" + w, false)) } }
            return out
        }
        let s = BlockAligner.keyedBlocks(source, keys: keys), t = BlockAligner.keyedBlocks(target, keys: keys)
        // Votes by pair of sections: the pairs of blocks such keys link, each pair once however
        // many keys it shares (a paragraph's one code span is one piece of evidence).
        var linked: [(Int, Int)] = []
        for key in s.order {
            guard let si = s.map[key], si.blocks.count == 1, let ti = t.map[key], ti.blocks.count == 1 else { continue }
            linked.append((si.blocks[0], ti.blocks[0]))
        }
        linked.sort { $0 < $1 }
        var sectionPairs: [(Int, Int)] = []  // a pair of sections for each pair of blocks, once
        for (k, p) in linked.enumerated() where k == 0 || linked[k - 1] != p { sectionPairs.append((ss[p.0], ts[p.1])) }
        sectionPairs.sort { $0 < $1 }
        // Each side's best and second best, by votes; offered in order, so a tie stays with the
        // earlier section.
        var bestOfS = [(section: Int, votes: Int, second: Int)](repeating: (-1, 0, 0), count: sCount)
        var bestOfT = [(section: Int, votes: Int, second: Int)](repeating: (-1, 0, 0), count: tCount)
        func offer(_ best: inout (section: Int, votes: Int, second: Int), _ other: Int, _ v: Int) {
            if v > best.votes {
                best = (other, v, best.votes)
            } else {
                best.second = max(best.second, v)
            }
        }
        var i = 0
        while i < sectionPairs.count {
            var e = i + 1
            while e < sectionPairs.count && sectionPairs[e] == sectionPairs[i] { e += 1 }
            let (a, b) = sectionPairs[i]
            offer(&bestOfS[a], b, e - i)
            offer(&bestOfT[b], a, e - i)
            i = e
        }
        func sure(_ b: (section: Int, votes: Int, second: Int)) -> Bool {
            b.section >= 0 && b.votes >= BlockAligner.sectionVotes && b.votes >= 2 * b.second
        }
        // The source section each section of the translation follows (-1: none before it).
        var follows = [Int?](repeating: nil, count: tCount)
        var matched = 0
        for j in 0..<tCount {
            let b = bestOfT[j]
            if sure(b), bestOfS[b.section].section == j, sure(bestOfS[b.section]) {
                follows[j] = b.section
                matched += 1
            }
        }
        guard matched >= 2 else { return nil }
        func levels(_ side: [BlockFeatures], _ sec: [Int], _ count: Int) -> [Int] {
            var out = [Int](repeating: 0, count: count)
            for (i, b) in side.enumerated() { if case .heading(let l) = b.kind { out[sec[i]] = l } }
            return out
        }
        func headingWords(_ side: [BlockFeatures], _ sec: [Int], _ count: Int) -> [[String]] {
            var out = [[String]](repeating: [], count: count)
            for (i, b) in side.enumerated() where isHeading(b) {
                var w = b.latinWords
                w.sortUnique()
                out[sec[i]] = w
            }
            return out
        }
        let sLevel = levels(source, ss, sCount), tLevel = levels(target, ts, tCount)
        var taken = [Bool](repeating: false, count: sCount)
        for case let k? in follows { taken[k] = true }
        // Sections left over pair by the Latin words their headings share (`进阶绘图 (Advanced
        // Plotting)` and `Advanced Plotting`, though `plotting` heads two sections of each
        // side), half the words of the shorter heading at least, each the other's one best: a
        // section with two candidates sharing as many words pairs with neither, nor with a
        // weaker one. (Not on a page of thousands of sections left over.)
        let sWords = headingWords(source, ss, sCount), tWords = headingWords(target, ts, tCount)
        let sLeft = (0..<sCount).filter { !taken[$0] && !sWords[$0].isEmpty }
        let tLeft = (0..<tCount).filter { follows[$0] == nil && !tWords[$0].isEmpty }
        if sLeft.count * tLeft.count <= BlockAligner.headingPairsCompared {
            var shared: [(words: Int, s: Int, t: Int)] = []
            for j in tLeft {
                for k in sLeft {
                    let n = sWords[k].filter(tWords[j].contains).count
                    if n > 0 && 2 * n >= min(sWords[k].count, tWords[j].count) { shared.append((n, k, j)) }
                }
            }
            shared.sort { ($0.words, -$0.s, -$0.t) > ($1.words, -$1.s, -$1.t) }
            var blockedS = Set<Int>(), blockedT = Set<Int>()  // membership only
            i = 0
            while i < shared.count {
                // The candidates with as many shared words, taken together.
                var e = i
                while e < shared.count && shared[e].words == shared[i].words { e += 1 }
                let open = shared[i..<e].filter { !blockedS.contains($0.s) && !blockedT.contains($0.t) }
                var perS: [Int: Int] = [:], perT: [Int: Int] = [:]  // lookups only
                for c in open { perS[c.s, default: 0] += 1; perT[c.t, default: 0] += 1 }
                for c in open {
                    if perS[c.s]! == 1 && perT[c.t]! == 1 {
                        follows[c.t] = c.s
                        taken[c.s] = true
                    }
                    blockedS.insert(c.s)
                    blockedT.insert(c.t)
                }
                i = e
            }
        }
        // Then by place: what precedes the first heading with what precedes it in the source,
        // the first section after it with the source's, and a section between two pairs with
        // the one section between them in the source, headings of one level.
        func take(_ j: Int, _ k: Int) -> Bool {
            guard k >= 0, k < sCount, !taken[k], sLevel[k] == tLevel[j] else { return false }
            follows[j] = k
            taken[k] = true
            return true
        }
        var changed = true
        while changed {
            changed = false
            for j in 0..<tCount where follows[j] == nil {
                let after = j > 0 ? follows[j - 1].map { $0 + 1 } : nil
                let before = j + 1 < tCount ? follows[j + 1].map { $0 - 1 } : nil
                if j == 0 ? take(0, 0) : (after != nil && (j == 1 || after == before) && take(j, after!)) {
                    changed = true
                }
            }
        }
        // A section still left over goes with the next when its heading is above the next
        // one's (it opens it: a `## Visualization` over the `### Quick Start` the votes
        // moved), else along with the section before it (a section the translator added).
        for j in stride(from: tCount - 2, through: 1, by: -1) where follows[j] == nil && tLevel[j] < tLevel[j + 1] {
            follows[j] = follows[j + 1]
        }
        for j in 0..<tCount where follows[j] == nil { follows[j] = j == 0 ? -1 : follows[j - 1] }
        let key: [Int] = follows.map { $0 ?? -1 }
        let order = Array(0..<tCount).sorted { key[$0] != key[$1] ? key[$0] < key[$1] : $0 < $1 }
        guard order != Array(0..<tCount) else { return nil }
        // The blocks of each section in that order.
        var starts = [Int](repeating: target.count, count: tCount + 1)
        for i in stride(from: target.count - 1, through: 0, by: -1) { starts[ts[i]] = i }
        for j in stride(from: tCount - 1, through: 0, by: -1) where starts[j] > starts[j + 1] { starts[j] = starts[j + 1] }
        return order.flatMap { Array(starts[$0]..<starts[$0 + 1]) }
    }
}
