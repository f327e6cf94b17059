import BitextText
import Foundation

/// Lexical evidence for sentence beads: for a candidate bead, each word scores the log-ratio of
/// finding a translation of it in the bead against finding one in a random bead of the same
/// size, in both directions — English words (stems, names) into the Chinese, Chinese words
/// (dictionary segmentation) into the English — floored per sentence.
///
/// A translation is a dictionary link (``Lexicon``), a name whose consonants or pinyin match
/// (``NameKeys``), or, on the second pass, a link learned from the first pass's confident 1-1
/// beads with IBM model 1. The chance of a match in a random bead comes from the document: the
/// share of sentences of the other side that hold a translation, for a bead of k sentences
/// 1 − (1 − f)^k, so a bigger bead earns less for each match and cannot win by collecting words.
///
/// Everything is indexed by dense ids assigned in text order; no Set or Dictionary is ever
/// iterated, so the evidence is the same in every process.
struct LexicalEvidence {
    static let maxBead = 5
    /// Chance that a word's translation is in its true partner, before anything is learned.
    static let priorRate = 0.5

    let n: Int, m: Int
    /// Sizes of the two vocabularies.
    let englishCount: Int, chineseCount: Int
    /// English query words per source sentence (ids into the English vocabulary, ≤ 64 each).
    var sWordStart: [Int32] = [0]
    var sWords: [Int32] = []
    /// Chinese query words per target sentence (ids into the Chinese vocabulary, ≤ 64 each).
    var tWordStart: [Int32] = [0]
    var tWords: [Int32] = []
    /// Chinese vocabulary ids that a source sentence's words translate to (sorted, unique).
    var sReachStart: [Int32] = [0]
    var sReach: [Int32] = []
    /// English vocabulary ids that a target sentence's words translate (sorted, unique).
    var tReachStart: [Int32] = [0]
    var tReach: [Int32] = []
    /// Score of a sentence with no match, for k = 1…maxBead sentences on the other side, and the
    /// gain of each word's match: `sBase[s * maxBead + k - 1]`, `sDelta[(occurrence) * maxBead + k - 1]`.
    var sBase: [Double] = []
    var sDelta: [Double] = []
    var tBase: [Double] = []
    var tDelta: [Double] = []
    /// A sentence's evidence never falls below this (a sentence with many unmatched words is
    /// not worse than a deleted one by more than a bound).
    var floor = -2.0
    var weight = 1.0

    /// Words of both sides as the evidence sees them.
    struct Vocabulary {
        /// English: content-word stems and names, in order of first appearance.
        var english: [String: Int32] = [:]
        var englishLexicon: [Int32] = []      // lexicon stem id or -1
        var englishNameKeys: [[UInt64]] = []  // keys of names with no dictionary entry
        /// Chinese tokens (dictionary words, or single characters the dictionary lacks; key:
        /// word id, or −scalar) in order of first appearance.
        var chinese: [Int64: Int32] = [:]
        var chineseLexicon: [Int32] = []      // lexicon word id or -1
        /// Tokens per source and target sentence, in text order (duplicates kept).
        var sTokens: [[Int32]] = []
        var tTokens: [[Int32]] = []
        /// Vocabulary ids of the dictionary words found anywhere in a target sentence (all
        /// substrings, not only the segmentation's), and of the names matched there.
        var tSubstrings: [[Int32]] = []       // Chinese lexicon word ids
        var tNames: [[Int32]] = []            // English vocabulary ids of names
    }

    /// Learned links: English vocabulary id ↔ Chinese vocabulary id.
    struct Links {
        var englishToChinese: [[Int32]]
        var chineseToEnglish: [[Int32]]
    }

    /// Reads the two sides' words; `nil` lexicon: only learned links will count.
    static func vocabulary(source: [AlignSentence], target: [AlignSentence], lexicon: Lexicon?) -> Vocabulary {
        var v = Vocabulary()
        var nameKeyOwners: [UInt64: [Int32]] = [:]
        for s in source {
            var ids: [Int32] = []
            for w in s.contentWords {
                if let id = v.english[w] { ids.append(id); continue }
                let id = Int32(v.englishLexicon.count)
                v.english[w] = id
                let lex = lexicon?.stem(w) ?? -1
                v.englishLexicon.append(lex)
                var keys: [UInt64] = []
                if lex < 0, lexicon != nil, s.names.contains(w) {
                    keys = NameKeys.english(w)
                    for k in keys { nameKeyOwners[k, default: []].append(id) }
                }
                v.englishNameKeys.append(keys)
                ids.append(id)
            }
            v.sTokens.append(ids)
        }
        let maxLen = min(lexicon?.maxWordLength ?? 1, 6)
        var scratch: [UInt8] = []
        for t in target {
            var tokens: [Int32] = []
            var subs: [Int32] = []
            var names: [Int32] = []
            t.hanText.withUnsafeBufferPointer { text in
                // Segmentation: the longest dictionary word at each position.
                var i = 0
                while i < text.count {
                    if text[i] == 0 { i += 1; continue }
                    var len = 1
                    var word: Int32 = -1
                    if let lex = lexicon {
                        var l = min(maxLen, text.count - i)
                        while l >= 1 {
                            var gap = false
                            for k in i..<(i + l) where text[k] == 0 { gap = true; break }
                            if !gap, let id = lex.word(in: text, i, i + l) { word = id; len = l; break }
                            l -= 1
                        }
                    }
                    let key: Int64 = word >= 0 ? Int64(word) : -Int64(text[i])
                    let id: Int32
                    if let e = v.chinese[key] { id = e } else {
                        id = Int32(v.chineseLexicon.count)
                        v.chinese[key] = id
                        v.chineseLexicon.append(word)
                    }
                    tokens.append(id)
                    i += len
                }
                guard let lex = lexicon else { return }
                // Every dictionary word inside the sentence, and the names its characters spell.
                for i in 0..<text.count where text[i] != 0 {
                    var l = 1
                    while l <= maxLen && i + l <= text.count && text[i + l - 1] != 0 {
                        if let id = lex.word(in: text, i, i + l) { subs.append(id) }
                        l += 1
                    }
                }
                guard !nameKeyOwners.isEmpty else { return }
                for i in 0..<text.count where text[i] != 0 {
                    scratch.removeAll(keepingCapacity: true)
                    var l = 0
                    while l < 4 && i + l < text.count && text[i + l] != 0 {
                        let r = lex.readings(of: text[i + l])
                        guard let first = r.first else { break }
                        scratch.append(contentsOf: lex.syllableBytes(first))
                        l += 1
                        // Exact pinyin (one reading each, or any reading of a single character).
                        if l == 1 {
                            for s in r {
                                if let owners = nameKeyOwners[NameKeys.hash(1, lex.syllableBytes(s))] { names += owners }
                            }
                        } else if let owners = nameKeyOwners[NameKeys.hash(1, scratch)] {
                            names += owners
                        }
                        let sk = NameKeys.skeleton(scratch)
                        if sk.count >= 2, let owners = nameKeyOwners[NameKeys.hash(2, sk)] { names += owners }
                    }
                }
            }
            v.tTokens.append(tokens)
            v.tSubstrings.append(subs)
            v.tNames.append(names)
        }
        return v
    }

    /// The evidence for one pass: dictionary links, learned links and match rates.
    init(vocabulary v: Vocabulary, lexicon: Lexicon?, links: Links?, rates: (english: [Double], chinese: [Double])?,
         weight: Double, floor: Double) {
        n = v.sTokens.count
        m = v.tTokens.count
        self.weight = weight
        self.floor = floor
        let ev = v.englishLexicon.count, cv = v.chineseLexicon.count
        englishCount = ev
        chineseCount = cv
        // Lexicon ids → vocabulary ids, for the words that occur (arrays: no hashing in the loops).
        var stemToEnglish = [Int32](repeating: -1, count: lexicon?.stemCount ?? 0)
        for (id, lex) in v.englishLexicon.enumerated() where lex >= 0 { stemToEnglish[Int(lex)] = Int32(id) }
        var wordToChinese = [Int32](repeating: -1, count: lexicon?.wordCount ?? 0)
        for (id, lex) in v.chineseLexicon.enumerated() where lex >= 0 { wordToChinese[Int(lex)] = Int32(id) }

        // What each English entry translates to, once per entry (sorted, unique).
        var englishReach = [[Int32]](repeating: [], count: ev)
        for (id, lex) in v.englishLexicon.enumerated() {
            var r: [Int32] = []
            if lex >= 0, let lexicon {
                for w in lexicon.words(ofStem: lex) where wordToChinese[Int(w)] >= 0 { r.append(wordToChinese[Int(w)]) }
            }
            if let links { r += links.englishToChinese[id] }
            r.sort()
            var u: [Int32] = []
            for x in r where u.last != x { u.append(x) }
            englishReach[id] = u
        }
        // Which vocabulary entries can match at all (a query word needs a way to be found).
        var englishLinked = [Bool](repeating: false, count: ev)
        var chineseLinked = [Bool](repeating: false, count: cv)
        for (id, lex) in v.englishLexicon.enumerated() where lex >= 0 || !v.englishNameKeys[id].isEmpty {
            englishLinked[id] = true
        }
        for r in englishReach { for c in r { chineseLinked[Int(c)] = true } }

        // Query words and reach, source side; duplicates dropped with a stamp per sentence.
        var stamp = [Int32](repeating: -1, count: max(ev, cv))
        var scratch: [Int32] = []
        for (s, tokens) in v.sTokens.enumerated() {
            let mark = Int32(s)
            var count = 0
            for id in tokens where englishLinked[Int(id)] && count < 64 && stamp[Int(id)] != mark {
                stamp[Int(id)] = mark
                sWords.append(id)
                count += 1
            }
            sWordStart.append(Int32(sWords.count))
            scratch.removeAll(keepingCapacity: true)
            let mark2 = Int32(-2 - s)
            for id in tokens { for c in englishReach[Int(id)] where stamp[Int(c)] != mark2 { stamp[Int(c)] = mark2; scratch.append(c) } }
            scratch.sort()
            sReach += scratch
            sReachStart.append(Int32(sReach.count))
        }
        // Target side.
        for j in 0..<m {
            let mark = Int32(n + j)
            var count = 0
            for id in v.tTokens[j] where chineseLinked[Int(id)] && count < 64 && stamp[Int(id)] != mark {
                stamp[Int(id)] = mark
                tWords.append(id)
                count += 1
            }
            tWordStart.append(Int32(tWords.count))
            scratch.removeAll(keepingCapacity: true)
            let mark2 = Int32(-2 - n - j)
            if let lexicon {
                for w in v.tSubstrings[j] {
                    for st in lexicon.stems(ofWord: w) {
                        let e = stemToEnglish[Int(st)]
                        if e >= 0 && stamp[Int(e)] != mark2 { stamp[Int(e)] = mark2; scratch.append(e) }
                    }
                }
            }
            for e in v.tNames[j] where stamp[Int(e)] != mark2 { stamp[Int(e)] = mark2; scratch.append(e) }
            if let links {
                for c in v.tTokens[j] { for e in links.chineseToEnglish[Int(c)] where stamp[Int(e)] != mark2 { stamp[Int(e)] = mark2; scratch.append(e) } }
            }
            scratch.sort()
            tReach += scratch
            tReachStart.append(Int32(tReach.count))
        }

        setRates(rates)
    }

    /// Sets the per-word weights from the match rates (nil: the prior for every word).
    mutating func setRates(_ rates: (english: [Double], chinese: [Double])?) {
        // Background: the share of the other side's sentences where a word finds a translation.
        var englishSeen = [Int32](repeating: 0, count: englishCount), chineseSeen = [Int32](repeating: 0, count: chineseCount)
        for e in tReach { englishSeen[Int(e)] += 1 }
        for c in sReach { chineseSeen[Int(c)] += 1 }
        func weights(_ words: [Int32], _ starts: [Int32], seen: [Int32], other: Int, rates: [Double]?,
                     base: inout [Double], delta: inout [Double]) {
            let K = LexicalEvidence.maxBead
            base = [Double](repeating: 0, count: (starts.count - 1) * K)
            delta = [Double](repeating: 0, count: words.count * K)
            for s in 0..<(starts.count - 1) {
                for o in Int(starts[s])..<Int(starts[s + 1]) {
                    let w = words[o]
                    // Add-half smoothing: a word seen nowhere still has some chance.
                    let f = (Double(seen[Int(w)]) + 0.5) / (Double(other) + 1)
                    let rate = rates?[Int(w)] ?? LexicalEvidence.priorRate
                    for k in 1...K {
                        let p = min(0.99, 1 - pow(1 - f, Double(k)))
                        let q = max(p, min(0.95, rate))
                        let hit = log(q / p), miss = log((1 - q) / (1 - p))
                        base[s * K + k - 1] += miss
                        delta[o * K + k - 1] = hit - miss
                    }
                }
                // A sentence's evidence is the mean over its words: a long sentence is not
                // surer than a short one, and a bead does not gain by holding more words.
                let count = Double(Int(starts[s + 1]) - Int(starts[s]))
                guard count > 1 else { continue }
                for k in 0..<K { base[s * K + k] /= count }
                for o in Int(starts[s])..<Int(starts[s + 1]) { for k in 0..<K { delta[o * K + k] /= count } }
            }
        }
        weights(sWords, sWordStart, seen: englishSeen, other: m, rates: rates?.english, base: &sBase, delta: &sDelta)
        weights(tWords, tWordStart, seen: chineseSeen, other: n, rates: rates?.chinese, base: &tBase, delta: &tDelta)
    }

    // MARK: masks, a row of the band at a time

    /// Per source sentence and target sentence in reach: which of the source sentence's words
    /// find a translation in the target sentence (`english`), and which of the target
    /// sentence's words find one in the source sentence (`chinese`).
    struct MaskRow {
        var start = 0
        var english: [UInt64] = []
        var chinese: [UInt64] = []
    }

    /// Scratch for computing mask rows without allocating.
    struct Stamps {
        var english: [Int32]
        var englishBit: [UInt8]
        var chinese: [Int32]
        init(englishCount: Int, chineseCount: Int) {
            english = [Int32](repeating: -1, count: englishCount)
            englishBit = [UInt8](repeating: 0, count: englishCount)
            chinese = [Int32](repeating: -1, count: chineseCount)
        }
    }

    func fill(_ row: inout MaskRow, source s: Int, targets: Range<Int>, stamps: inout Stamps) {
        row.start = targets.lowerBound
        row.english.removeAll(keepingCapacity: true)
        row.chinese.removeAll(keepingCapacity: true)
        let stamp = Int32(s)
        var b: UInt8 = 0
        for o in Int(sWordStart[s])..<Int(sWordStart[s + 1]) {
            stamps.english[Int(sWords[o])] = stamp
            stamps.englishBit[Int(sWords[o])] = b
            b += 1
        }
        for o in Int(sReachStart[s])..<Int(sReachStart[s + 1]) { stamps.chinese[Int(sReach[o])] = stamp }
        let hasEnglish = sWordStart[s + 1] > sWordStart[s], hasReach = sReachStart[s + 1] > sReachStart[s]
        for j in targets {
            var me: UInt64 = 0, mc: UInt64 = 0
            if hasEnglish {
                for o in Int(tReachStart[j])..<Int(tReachStart[j + 1]) {
                    let e = Int(tReach[o])
                    if stamps.english[e] == stamp { me |= 1 << UInt64(stamps.englishBit[e]) }
                }
            }
            if hasReach {
                var bit: UInt64 = 1
                for o in Int(tWordStart[j])..<Int(tWordStart[j + 1]) {
                    if stamps.chinese[Int(tWords[o])] == stamp { mc |= bit }
                    bit <<= 1
                }
            }
            row.english.append(me)
            row.chinese.append(mc)
        }
    }

    /// Evidence of source sentences `si` with target sentences `ti` (neither empty); the mask
    /// row of source sentence s is `ring[s % ring.count]`.
    @inline(__always)
    func score(_ si: Range<Int>, _ ti: Range<Int>, ring: [MaskRow]) -> Double {
        let K = LexicalEvidence.maxBead
        let k = min(K, ti.count), a = min(K, si.count)
        var total = 0.0
        var chineseMasks: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
        for s in si {
            let row = ring[s % ring.count]
            var mask: UInt64 = 0
            for (x, t) in ti.enumerated() {
                let off = t - row.start
                guard off >= 0 && off < row.english.count else { continue }
                mask |= row.english[off]
                let c = row.chinese[off]
                switch x {
                case 0: chineseMasks.0 |= c
                case 1: chineseMasks.1 |= c
                case 2: chineseMasks.2 |= c
                case 3: chineseMasks.3 |= c
                default: chineseMasks.4 |= c
                }
            }
            let o0 = Int(sWordStart[s]), count = Int(sWordStart[s + 1]) - o0
            guard count > 0 else { continue }
            var e = sBase[s * K + k - 1]
            while mask != 0 {
                let b = mask.trailingZeroBitCount
                e += sDelta[(o0 + b) * K + k - 1]
                mask &= mask - 1
            }
            total += max(floor, e)
        }
        for (x, t) in ti.enumerated() {
            let o0 = Int(tWordStart[t]), count = Int(tWordStart[t + 1]) - o0
            guard count > 0 else { continue }
            var mask: UInt64
            switch x {
            case 0: mask = chineseMasks.0
            case 1: mask = chineseMasks.1
            case 2: mask = chineseMasks.2
            case 3: mask = chineseMasks.3
            default: mask = chineseMasks.4
            }
            var e = tBase[t * K + a - 1]
            while mask != 0 {
                let b = mask.trailingZeroBitCount
                e += tDelta[(o0 + b) * K + a - 1]
                mask &= mask - 1
            }
            total += max(floor, e)
        }
        return weight * total / 2
    }

    // MARK: learning from a first pass

    /// IBM model 1 (a few EM rounds) over confident 1-1 beads: for each English word, the
    /// Chinese tokens most likely to translate it; kept when seen together at least twice.
    static func learnLinks(_ v: Vocabulary, beads: [(Int, Int)], rounds: Int = 5) -> Links {
        let ev = v.englishLexicon.count, cv = v.chineseLexicon.count
        var englishToChinese = [[Int32]](repeating: [], count: ev)
        var chineseToEnglish = [[Int32]](repeating: [], count: cv)
        guard !beads.isEmpty else { return Links(englishToChinese: englishToChinese, chineseToEnglish: chineseToEnglish) }
        // Distinct words per bead, and the co-occurring pairs as sorted keys.
        func unique(_ a: [Int32]) -> [Int32] {
            var out: [Int32] = []
            for x in a where !out.contains(x) { out.append(x) }
            return out
        }
        let E = beads.map { unique(v.sTokens[$0.0]) }, F = beads.map { unique(v.tTokens[$0.1]) }
        var keys: [UInt64] = []
        for (e, f) in zip(E, F) { for a in e { for b in f { keys.append(UInt64(UInt32(a)) << 32 | UInt64(UInt32(b))) } } }
        keys.sort()
        var pairs: [UInt64] = []
        var together: [Int32] = []
        for k in keys { if pairs.last == k { together[together.count - 1] += 1 } else { pairs.append(k); together.append(1) } }
        func index(_ a: Int32, _ b: Int32) -> Int {
            let key = UInt64(UInt32(a)) << 32 | UInt64(UInt32(b))
            var lo = 0, hi = pairs.count
            while lo < hi { let mid = (lo + hi) / 2; if pairs[mid] < key { lo = mid + 1 } else { hi = mid } }
            return lo
        }
        // Each bead's pair indexes, English-major.
        let beadPairs: [[Int32]] = zip(E, F).map { e, f in
            var out: [Int32] = []
            out.reserveCapacity(e.count * f.count)
            for a in e { for b in f { out.append(Int32(index(a, b))) } }
            return out
        }
        var t = [Double](repeating: 1, count: pairs.count)   // t(f | e), uniform start
        let nullT = 0.1
        for _ in 0..<rounds {
            var count = [Double](repeating: 0, count: pairs.count)
            var totalE = [Double](repeating: 0, count: ev)
            for (k, (e, f)) in zip(E, F).enumerated() {
                let idx = beadPairs[k]
                for (y, _) in f.enumerated() {
                    var z = nullT
                    for x in 0..<e.count { z += t[Int(idx[x * f.count + y])] }
                    for x in 0..<e.count {
                        let p = Int(idx[x * f.count + y])
                        let c = t[p] / z
                        count[p] += c
                        totalE[Int(e[x])] += c
                    }
                }
            }
            for p in 0..<pairs.count {
                let e = Int(pairs[p] >> 32)
                t[p] = totalE[e] > 0 ? count[p] / totalE[e] : 0
            }
        }
        // For each English word, its best Chinese tokens.
        var p = 0
        while p < pairs.count {
            let e = Int(pairs[p] >> 32)
            var q = p
            var best: [(Double, Int32)] = []
            while q < pairs.count && Int(pairs[q] >> 32) == e {
                if t[q] >= 0.2 && together[q] >= 2 { best.append((t[q], Int32(truncatingIfNeeded: pairs[q] & 0xFFFF_FFFF))) }
                q += 1
            }
            best.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
            for (_, c) in best.prefix(3) {
                englishToChinese[e].append(c)
                chineseToEnglish[Int(c)].append(Int32(e))
            }
            p = q
        }
        return Links(englishToChinese: englishToChinese, chineseToEnglish: chineseToEnglish)
    }

    /// How often each word finds its translation in its partner over confident 1-1 beads
    /// (smoothed towards the prior): a dictionary sense the document never uses stops counting.
    func matchRates(beads: [(Int, Int)], englishCount: Int, chineseCount: Int) -> (english: [Double], chinese: [Double]) {
        var eHit = [Double](repeating: 0, count: englishCount), eSeen = eHit
        var cHit = [Double](repeating: 0, count: chineseCount), cSeen = cHit
        for (s, t) in beads {
            let tr = tReach[Int(tReachStart[t])..<Int(tReachStart[t + 1])]
            for o in Int(sWordStart[s])..<Int(sWordStart[s + 1]) {
                let w = sWords[o]
                eSeen[Int(w)] += 1
                if LexicalEvidence.contains(tr, w) { eHit[Int(w)] += 1 }
            }
            let sr = sReach[Int(sReachStart[s])..<Int(sReachStart[s + 1])]
            for o in Int(tWordStart[t])..<Int(tWordStart[t + 1]) {
                let w = tWords[o]
                cSeen[Int(w)] += 1
                if LexicalEvidence.contains(sr, w) { cHit[Int(w)] += 1 }
            }
        }
        let a = 2.0, q0 = LexicalEvidence.priorRate
        return ((0..<englishCount).map { (eHit[$0] + a * q0) / (eSeen[$0] + a) },
                (0..<chineseCount).map { (cHit[$0] + a * q0) / (cSeen[$0] + a) })
    }

    static func contains(_ sorted: ArraySlice<Int32>, _ x: Int32) -> Bool {
        var lo = sorted.startIndex, hi = sorted.endIndex
        while lo < hi { let mid = (lo + hi) / 2; if sorted[mid] < x { lo = mid + 1 } else { hi = mid } }
        return lo < sorted.endIndex && sorted[lo] == x
    }
}
