/// Which source words have a likely translation in which target sentences, learned from the
/// text itself: after a first alignment by length, the English words and the Han characters
/// that keep turning up in the same beads are taken as translations of each other (Dice's
/// coefficient), and a second alignment rewards beads whose words find their translations.
///
/// No dictionary and no model: what the aligner knows of the two languages comes from the
/// document pair it aligns.
public struct LexicalMatches: Sendable {
    /// For each source sentence, for each target sentence in reach, a bit per source word
    /// (its first 64 content words) whose translation occurs there.
    var masks: [[UInt64]]
    var maskStart: [Int]
    /// Content words with a learned translation, per source sentence.
    var wordsWithEntries: [Int]
    public var reward = 1.0
    public var penalty = 0.35

    /// Learns translations from `beads` and prepares the masks for the target sentences the
    /// band lets each source sentence meet.
    init(source: [[String]], target: [[UInt32]], beads: [SentenceBead], band: SentenceAligner.Band) {
        // Dense ids for words and characters.
        var wordID: [String: Int32] = [:]
        let sourceIDs: [[Int32]] = source.map { ws in
            var ids: [Int32] = []
            for w in ws {
                if let id = wordID[w] { ids.append(id) } else { wordID[w] = Int32(wordID.count); ids.append(Int32(wordID.count - 1)) }
            }
            return ids
        }
        var charID: [UInt32: Int32] = [:]
        let targetIDs: [[Int32]] = target.map { cs in
            cs.map { c in
                if let id = charID[c] { return id }
                charID[c] = Int32(charID.count)
                return Int32(charID.count - 1)
            }
        }
        let words = wordID.count, chars = charID.count
        // How many beads hold each word and each character.
        let usable = beads.filter { !$0.source.isEmpty && !$0.target.isEmpty && $0.score >= 0.5 }
        var nWord = [Int32](repeating: 0, count: words), nChar = [Int32](repeating: 0, count: chars)
        var beadWords: [[Int32]] = [], beadChars: [[Int32]] = []
        for b in usable {
            var ws = Set<Int32>(), cs = Set<Int32>()
            for s in b.source { ws.formUnion(sourceIDs[s]) }
            for t in b.target { cs.formUnion(targetIDs[t]) }
            for w in ws { nWord[Int(w)] += 1 }
            for c in cs { nChar[Int(c)] += 1 }
            beadWords.append(Array(ws))
            beadChars.append(Array(cs))
        }
        // Co-occurrence of words seen at least three times with characters that are not in
        // most beads, counted as sorted pair keys.
        let common = Int32(max(3, usable.count * 6 / 10))
        var keys: [UInt64] = []
        for (ws, cs) in zip(beadWords, beadChars) {
            let cs = cs.filter { nChar[Int($0)] <= common }
            for w in ws where nWord[Int(w)] >= 3 {
                for c in cs { keys.append(UInt64(UInt32(w)) << 32 | UInt64(UInt32(c))) }
            }
        }
        keys.sort()
        var best = [[(Int32, Double)]](repeating: [], count: words)
        var k = 0
        while k < keys.count {
            var e = k + 1
            while e < keys.count && keys[e] == keys[k] { e += 1 }
            let n = e - k
            if n >= 2 {
                let w = Int(keys[k] >> 32), c = Int32(truncatingIfNeeded: keys[k] & 0xFFFF_FFFF)
                let dice = 2 * Double(n) / Double(nWord[w] + nChar[Int(c)])
                if dice >= 0.2 { best[w].append((c, dice)) }
            }
            k = e
        }
        let translations: [[Int32]] = best.map { list in Array(list.sorted { $0.1 > $1.1 }.prefix(3).map(\.0)) }

        // Each target sentence as a bit set over character ids.
        let wordsPerSet = (chars + 63) / 64
        let targetBits: [[UInt64]] = targetIDs.map { ids in
            var bits = [UInt64](repeating: 0, count: wordsPerSet)
            for c in ids { bits[Int(c) >> 6] |= 1 << UInt64(c & 63) }
            return bits
        }
        let n = source.count, m = target.count
        masks = []
        maskStart = []
        wordsWithEntries = []
        for i in 0..<n {
            let ids = sourceIDs[i].filter { !translations[Int($0)].isEmpty }.prefix(64)
            wordsWithEntries.append(ids.count)
            // Beads starting at rows i-2…i reach target columns from lo of those rows.
            let lo = max(0, band.lo[max(0, i - 2)] - 1), hi = min(m, band.hi[min(n, i + 3)] + 1)
            var row = [UInt64](repeating: 0, count: max(0, hi - lo))
            if !ids.isEmpty {
                for j in lo..<hi {
                    let bits = targetBits[j]
                    var mask: UInt64 = 0
                    for (b, w) in ids.enumerated() {
                        for c in translations[Int(w)] where bits[Int(c) >> 6] & (1 << UInt64(c & 63)) != 0 {
                            mask |= 1 << UInt64(b)
                            break
                        }
                    }
                    row[j - lo] = mask
                }
            }
            masks.append(row)
            maskStart.append(lo)
        }
    }
}
