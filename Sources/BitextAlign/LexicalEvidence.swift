import BitextText
import Foundation

/// Lexical evidence for sentence beads: for a candidate bead, each word scores the log-ratio of
/// finding a translation of it in the bead against finding one in a random bead of the same
/// size, in both directions — English words (stems, names) into the Chinese, Chinese words
/// (dictionary segmentation) into the English. A sentence's evidence is the mean over its
/// words, floored.
///
/// A translation is a dictionary link (``Lexicon``), a name whose consonants or pinyin match
/// (``NameKeys``), or, on the second pass, a link learned from the first pass's confident 1-1
/// beads with IBM model 1. The chance of a match in a random bead comes from the document: the
/// share of sentences of the other side that hold a translation, for a bead of k sentences
/// 1 − (1 − f)^k, so a bigger bead earns less for each match and cannot win by collecting words.
///
/// Everything is indexed by dense ids assigned in text order; no Set or Dictionary is ever
/// iterated, so the evidence is the same in every process.
final class LexicalEvidence {
    static let maxBead = 5
    /// Chance that a word's translation is in its true partner, before anything is learned.
    static let priorRate = 0.5

    let n: Int, m: Int
    /// Sizes of the two vocabularies (English: the stems of the sentence table; Chinese: the
    /// tokens of the segmentation).
    let englishCount: Int, chineseCount: Int
    /// English query words per source sentence (≤ 64 each, each once).
    var sWordStart: [Int32] = [0]
    var sWords: [Int32] = []
    /// Chinese query words per target sentence (≤ 64 each, each once).
    var tWordStart: [Int32] = [0]
    var tWords: [Int32] = []
    /// Every English token of each source sentence (what its reach is made of).
    let sTokenStart: [Int32]
    let sTokens: [Int32]
    /// Chinese vocabulary ids that each English word translates to (sorted, unique): word e's
    /// at `englishReachStart[e] ..< englishReachStart[e + 1]`, in one array (not one per word).
    var englishReachStart: [Int32] = [0]
    var englishReach: [Int32] = []
    /// English vocabulary ids that a target sentence's words translate (sorted, unique).
    var tReachStart: [Int32] = [0]
    var tReach = CompactIDs(limit: 0)
    /// The same through learned links, not already in `tReach` (unsorted).
    var tLearnedStart: [Int32] = [0]
    var tLearned: [Int32] = []
    /// Weights: per sentence, the score with no match for k = 1…maxBead sentences on the other
    /// side (`sBase[s * maxBead + k - 1]`) and the scale (1 / its word count); per word, the gain
    /// of a match (`englishGain[w * maxBead + k - 1]`).
    var sBase: [Double] = []
    var sScale: [Double] = []
    var tBase: [Double] = []
    var tScale: [Double] = []
    var englishGain: [Double] = []
    var chineseGain: [Double] = []
    /// Copies of what `score` reads, as raw buffers (no reference counting in the inner loop).
    private var hot = Hot()
    struct Hot {
        var sBase = UnsafeMutableBufferPointer<Double>(start: nil, count: 0)
        var sScale = UnsafeMutableBufferPointer<Double>(start: nil, count: 0)
        var tBase = UnsafeMutableBufferPointer<Double>(start: nil, count: 0)
        var tScale = UnsafeMutableBufferPointer<Double>(start: nil, count: 0)
        var englishGain = UnsafeMutableBufferPointer<Double>(start: nil, count: 0)
        var chineseGain = UnsafeMutableBufferPointer<Double>(start: nil, count: 0)
        var sWordStart = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
        var sWords = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
        var tWordStart = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
        var tWords = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)

        static func copy<T>(_ a: [T]) -> UnsafeMutableBufferPointer<T> {
            let b = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, a.count))
            _ = b.initialize(from: a)
            return UnsafeMutableBufferPointer(rebasing: b[0..<a.count])
        }

        func free() {
            for b in [sBase, sScale, tBase, tScale, englishGain, chineseGain] { b.baseAddress?.deallocate() }
            for b in [sWordStart, sWords, tWordStart, tWords] { b.baseAddress?.deallocate() }
        }
    }

    deinit { hot.free() }

    /// A sentence's evidence never falls below this.
    let floor: Double
    let weight: Double

    /// Words of both sides as the evidence sees them.
    struct Vocabulary {
        /// English entries: the stems of the table (lexicon stem id or -1; name keys).
        var englishLexicon: [Int32] = []
        var englishNamed: [Bool] = []
        /// Chinese tokens (dictionary words, or single characters the dictionary lacks; key:
        /// word id, or −scalar) in order of first appearance.
        var chinese: [Int64: Int32] = [:]
        var chineseLexicon: [Int32] = []
        var sTokenStart: [Int32] = [0]
        var sTokens: [Int32] = []
        var tTokenStart: [Int32] = [0]
        var tTokens: [Int32] = []
        /// English vocabulary ids that the dictionary words anywhere in a target sentence (all
        /// substrings of two characters or more, not only the segmentation's; a single character
        /// only where the segmentation reads it alone) and the names it spells translate.
        var tDictionaryStart: [Int32] = [0]
        var tDictionary = CompactIDs(limit: 0)
    }

    /// Learned links: English vocabulary id ↔ Chinese vocabulary id.
    struct Links {
        var englishToChinese: [[Int32]]
        var chineseToEnglish: [[Int32]]
    }

    /// Reads the two sides' words; `nil` lexicon: only learned links will count.
    static func vocabulary(source: SentenceTable, target: SentenceTable, stems: [String], lexicon: Lexicon?,
                           names useNames: Bool) -> Vocabulary {
        var v = Vocabulary()
        let ev = stems.count
        v.tDictionary = CompactIDs(limit: ev)
        v.englishLexicon = [Int32](repeating: -1, count: ev)
        v.englishNamed = [Bool](repeating: false, count: ev)
        var looked = [Bool](repeating: false, count: ev)
        var nameKeyOwners: [UInt64: [Int32]] = [:]
        var nameKeyOrder: [UInt64] = []
        var isName = [Bool](repeating: false, count: ev)
        if useNames { for w in source.names { isName[Int(w)] = true } }
        for w in source.content where !looked[Int(w)] {
            looked[Int(w)] = true
            guard let lexicon else { continue }
            let lex = lexicon.stem(stems[Int(w)]) ?? -1
            v.englishLexicon[Int(w)] = lex
            if lex < 0 && isName[Int(w)] {
                let keys = NameKeys.english(stems[Int(w)])
                for k in keys {
                    if nameKeyOwners[k] == nil { nameKeyOrder.append(k) }
                    nameKeyOwners[k, default: []].append(w)
                }
                v.englishNamed[Int(w)] = !keys.isEmpty
            }
        }
        v.sTokenStart = source.contentStart
        v.sTokens = source.content
        // Lexicon stem → English entry, in an array as long as the lexicon lent for this call
        // (filling a new one cost more than aligning the few sentences of a block pair).
        var stemToEnglish = LexiconIndexPool.shared.take(lexicon?.stemCount ?? 0)
        for (id, lex) in v.englishLexicon.enumerated() where lex >= 0 { stemToEnglish[Int(lex)] = Int32(id) }
        defer { LexiconIndexPool.shared.give(&stemToEnglish, set: v.englishLexicon) }
        let maxLen = min(lexicon?.maxWordLength ?? 1, 6)
        let nameKeys = NameKeyTable(nameKeyOwners, order: nameKeyOrder)
        // Pinyin of up to four characters and its skeleton, in raw memory (grown when needed).
        var scratchCapacity = 64
        var scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: scratchCapacity)
        var skeleton = UnsafeMutablePointer<UInt8>.allocate(capacity: scratchCapacity)
        defer {
            scratch.deallocate()
            skeleton.deallocate()
        }
        var reach: [Int32] = []
        var stamp = [Int32](repeating: -1, count: ev)
        // Per position of a sentence: the dictionary word of each length from it (−1: none),
        // how many lengths run without a gap, and the readings of its character.
        var wordAt: [Int32] = []
        var runs: [Int] = []
        var readings: [UnsafeBufferPointer<Int32>] = []
        var bits = [UInt64](repeating: 0, count: (ev + 63) / 64)
        for j in 0..<target.count {
            let mark = Int32(j)
            reach.removeAll(keepingCapacity: true)
            target.hanText.withUnsafeBufferPointer { all in
                let text = UnsafeBufferPointer(rebasing: all[target.range(target.hanStart, j)])
                if let lex = lexicon {
                    // Every dictionary word inside the sentence (and what it translates), each
                    // looked up once: the segmentation below reads the same lookups.
                    if wordAt.count < text.count * maxLen { wordAt = [Int32](repeating: -1, count: text.count * maxLen) }
                    if runs.count < text.count { runs = [Int](repeating: 0, count: text.count) }
                    for i in 0..<text.count where text[i] != 0 {
                        var l = 1
                        while l <= maxLen && i + l <= text.count && text[i + l - 1] != 0 {
                            let id = lex.word(in: text, i, i + l) ?? -1
                            wordAt[i * maxLen + l - 1] = id
                            // A single character counts only where the segmentation below
                            // reads it as a word of its own (`以` alone, not inside `可以`).
                            if id >= 0 && l > 1 {
                                for st in lex.stems(ofWord: id).prefix(32) {
                                    let e = stemToEnglish[Int(st)]
                                    if e >= 0 && stamp[Int(e)] != mark { stamp[Int(e)] = mark; reach.append(e) }
                                }
                            }
                            l += 1
                        }
                        runs[i] = l - 1
                    }
                }
                // Segmentation: the longest dictionary word at each position.
                var i = 0
                while i < text.count {
                    if text[i] == 0 { i += 1; continue }
                    var len = 1
                    var word: Int32 = -1
                    if lexicon != nil {
                        // Lengths up to runs[i] hold no gap (the lookups above stopped at one).
                        var l = min(maxLen, text.count - i, runs[i])
                        while l >= 1 {
                            let id = wordAt[i * maxLen + l - 1]
                            if id >= 0 { word = id; len = l; break }
                            l -= 1
                        }
                    }
                    if len == 1, word >= 0, let lex = lexicon {
                        // A single character's later senses are mostly noise: its first few.
                        for st in lex.stems(ofWord: word).prefix(6) {
                            let e = stemToEnglish[Int(st)]
                            if e >= 0 && stamp[Int(e)] != mark { stamp[Int(e)] = mark; reach.append(e) }
                        }
                    }
                    let key: Int64 = word >= 0 ? Int64(word) : -Int64(text[i])
                    let id: Int32
                    if let e = v.chinese[key] { id = e } else {
                        id = Int32(v.chineseLexicon.count)
                        v.chinese[key] = id
                        v.chineseLexicon.append(word)
                    }
                    v.tTokens.append(id)
                    i += len
                }
                guard let lex = lexicon, !nameKeys.isEmpty else { return }
                // The names the sentence's characters spell.
                readings.removeAll(keepingCapacity: true)
                for c in text { readings.append(c == 0 ? UnsafeBufferPointer(start: nil, count: 0) : lex.readings(of: c)) }
                for i in 0..<text.count where text[i] != 0 {
                    var used = 0
                    var l = 0
                    while l < 4 && i + l < text.count && text[i + l] != 0 {
                        let r = readings[i + l]
                        guard let first = r.first else { break }
                        let syllable = lex.syllableBytes(first)
                        if used + syllable.count + 1 > scratchCapacity {
                            scratchCapacity = 2 * (used + syllable.count + 1)
                            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: scratchCapacity)
                            bigger.update(from: scratch, count: used)
                            scratch.deallocate()
                            scratch = bigger
                            skeleton.deallocate()
                            skeleton = .allocate(capacity: scratchCapacity)
                        }
                        if let base = syllable.baseAddress { (scratch + used).update(from: base, count: syllable.count) }
                        used += syllable.count
                        l += 1
                        // Exact pinyin (one reading each, or any reading of a single character).
                        if l == 1 {
                            for s in r { nameKeys.collect(NameKeys.hash(1, lex.syllableBytes(s)), stamp: &stamp, mark: mark, into: &reach) }
                        } else {
                            nameKeys.collect(NameKeys.hash(1, UnsafeBufferPointer(start: scratch, count: used)), stamp: &stamp, mark: mark, into: &reach)
                        }
                        let sk = NameKeys.skeleton(UnsafeBufferPointer(start: scratch, count: used), into: skeleton)
                        if sk >= 2 { nameKeys.collect(NameKeys.hash(2, UnsafeBufferPointer(start: skeleton, count: sk)), stamp: &stamp, mark: mark, into: &reach) }
                    }
                }
            }
            v.tTokenStart.append(Int32(v.tTokens.count))
            // Ascending: through a bitmap when the reach is dense, else sorted.
            if reach.count * 8 >= bits.count {
                for e in reach { bits[Int(e) >> 6] |= 1 << UInt64(Int(e) & 63) }
                reach.removeAll(keepingCapacity: true)
                for w in 0..<bits.count where bits[w] != 0 {
                    var x = bits[w]
                    while x != 0 {
                        reach.append(Int32(w << 6 | x.trailingZeroBitCount))
                        x &= x - 1
                    }
                    bits[w] = 0
                }
            } else {
                reach.sort()
            }
            v.tDictionary.append(contentsOf: reach)
            v.tDictionaryStart.append(Int32(v.tDictionary.count))
        }
        return v
    }

    /// The evidence for one pass: dictionary links, learned links and match rates.
    init(vocabulary v: Vocabulary, lexicon: Lexicon?, links: Links?, rates: (english: [Double], chinese: [Double])?,
         weight: Double, floor: Double) {
        n = v.sTokenStart.count - 1
        m = v.tTokenStart.count - 1
        self.weight = weight
        self.floor = floor
        let ev = v.englishLexicon.count, cv = v.chineseLexicon.count
        englishCount = ev
        chineseCount = cv
        sTokenStart = v.sTokenStart
        sTokens = v.sTokens
        // What each English entry translates to (sorted, unique). Read from the Chinese side:
        // a vocabulary word has a few stems, where a common English stem has hundreds of words
        // (the lexicon lists the same pairs both ways). Each entry's lexicon part comes out
        // ascending and unique (a word's stems are distinct; an entry has one stem).
        if let lexicon {
            // Lexicon stem → the English entries with that stem, as a chain through `nextEntry`.
            var firstEntry = LexiconIndexPool.shared.take(lexicon.stemCount)
            defer { LexiconIndexPool.shared.give(&firstEntry, set: v.englishLexicon) }
            var nextEntry = [Int32](repeating: -1, count: ev)
            for id in stride(from: ev - 1, through: 0, by: -1) where v.englishLexicon[id] >= 0 {
                let lex = Int(v.englishLexicon[id])
                nextEntry[id] = firstEntry[lex]
                firstEntry[lex] = Int32(id)
            }
            // Twice over the pairs: how many each entry has, then where they go.
            func forEachPair(_ body: (Int, Int32) -> Void) {
                for (c, w) in v.chineseLexicon.enumerated() where w >= 0 {
                    for st in lexicon.stems(ofWord: w) {
                        var e = firstEntry[Int(st)]
                        while e >= 0 {
                            body(Int(e), Int32(c))
                            e = nextEntry[Int(e)]
                        }
                    }
                }
            }
            var reachCount = [Int32](repeating: 0, count: ev)
            forEachPair { e, _ in reachCount[e] += 1 }
            englishReachStart.reserveCapacity(ev + 1)
            for e in 0..<ev { englishReachStart.append(englishReachStart[e] + reachCount[e]) }
            englishReach = [Int32](repeating: 0, count: Int(englishReachStart[ev]))
            var fill = englishReachStart
            forEachPair { e, c in
                englishReach[Int(fill[e])] = c
                fill[e] += 1
            }
        } else {
            englishReachStart = [Int32](repeating: 0, count: ev + 1)
        }
        if let links, links.englishToChinese.contains(where: { !$0.isEmpty }) {
            var start: [Int32] = [0], flat: [Int32] = []
            var r: [Int32] = []
            for id in 0..<ev {
                let own = englishReach[Int(englishReachStart[id])..<Int(englishReachStart[id + 1])]
                if links.englishToChinese[id].isEmpty {
                    flat += own
                } else {
                    r.removeAll(keepingCapacity: true)
                    r += own
                    r += links.englishToChinese[id]
                    r.sort()
                    for (k, x) in r.enumerated() where k == 0 || r[k - 1] != x { flat.append(x) }
                }
                start.append(Int32(flat.count))
            }
            englishReachStart = start
            englishReach = flat
        }
        // Which entries can match at all (a query word needs a way to be found).
        var englishLinked = [Bool](repeating: false, count: ev)
        var chineseLinked = [Bool](repeating: false, count: cv)
        for id in 0..<ev where v.englishLexicon[id] >= 0 || v.englishNamed[id] || englishReachStart[id + 1] > englishReachStart[id] {
            englishLinked[id] = true
        }
        for c in englishReach { chineseLinked[Int(c)] = true }

        // Query words, each once a sentence (a stamp per sentence).
        var stamp = [Int32](repeating: -1, count: max(ev, cv))
        for s in 0..<n {
            let mark = Int32(s)
            var count = 0
            for o in Int(sTokenStart[s])..<Int(sTokenStart[s + 1]) {
                let id = sTokens[o]
                guard englishLinked[Int(id)], count < 64, stamp[Int(id)] != mark else { continue }
                stamp[Int(id)] = mark
                sWords.append(id)
                count += 1
            }
            sWordStart.append(Int32(sWords.count))
        }
        for j in 0..<m {
            let mark = Int32(n + j)
            var count = 0
            for o in Int(v.tTokenStart[j])..<Int(v.tTokenStart[j + 1]) {
                let id = v.tTokens[o]
                guard chineseLinked[Int(id)], count < 64, stamp[Int(id)] != mark else { continue }
                stamp[Int(id)] = mark
                tWords.append(id)
                count += 1
            }
            tWordStart.append(Int32(tWords.count))
            if let links {
                // Learned links apart from the dictionary's: the dictionary's reach is shared.
                let mark2 = Int32(-2 - j)
                for o in Int(v.tDictionaryStart[j])..<Int(v.tDictionaryStart[j + 1]) { stamp[Int(v.tDictionary[o])] = mark2 }
                for o in Int(v.tTokenStart[j])..<Int(v.tTokenStart[j + 1]) {
                    for e in links.chineseToEnglish[Int(v.tTokens[o])] where stamp[Int(e)] != mark2 { stamp[Int(e)] = mark2; tLearned.append(e) }
                }
            }
            tLearnedStart.append(Int32(tLearned.count))
        }
        tReach = v.tDictionary
        tReachStart = v.tDictionaryStart
        setRates(rates)
    }

    /// Calls `body` with each Chinese vocabulary id that source sentence s translates to, once.
    @inline(__always)
    func forEachReach(_ s: Int, stamp: inout [Int32], mark: Int32, _ body: (Int32) -> Void) {
        for o in Int(sTokenStart[s])..<Int(sTokenStart[s + 1]) {
            let e = Int(sTokens[o])
            for x in Int(englishReachStart[e])..<Int(englishReachStart[e + 1]) {
                let c = englishReach[x]
                guard stamp[Int(c)] != mark else { continue }
                stamp[Int(c)] = mark
                body(c)
            }
        }
    }

    /// Sets the weights from the match rates (nil: the prior for every word).
    func setRates(_ rates: (english: [Double], chinese: [Double])?) {
        let K = LexicalEvidence.maxBead
        // Background: the share of the other side's sentences where a word finds a translation.
        var englishSeen = [Int32](repeating: 0, count: englishCount), chineseSeen = [Int32](repeating: 0, count: chineseCount)
        for o in 0..<tReach.count { englishSeen[Int(tReach[o])] += 1 }
        for e in tLearned { englishSeen[Int(e)] += 1 }
        var stamp = [Int32](repeating: -1, count: chineseCount)
        for s in 0..<n { forEachReach(s, stamp: &stamp, mark: Int32(s)) { chineseSeen[Int($0)] += 1 } }
        func gains(_ count: Int, seen: [Int32], other: Int, rates: [Double]?) -> (gain: [Double], miss: [Double]) {
            var gain = [Double](repeating: 0, count: count * K), miss = gain
            // The chance of a match in a random bead depends on the word only through how many
            // sentences it is seen in, and with no rates (the prior for every word) so do its
            // weights: each made once per count (`pow` and `log` are dear). A row is made when
            // its first entry is still −1 (a chance is never negative).
            let rows = max(other, Int(seen.max() ?? 0)) + 1
            var chance = [Double](repeating: -1, count: rows * K)
            var priorGain = [Double](repeating: 0, count: rates == nil ? rows * K : 0), priorMiss = priorGain
            for w in 0..<count {
                let row = Int(seen[w]) * K
                let fresh = chance[row] < 0
                if fresh {
                    // Add-half smoothing: a word seen nowhere still has some chance.
                    let f = (Double(seen[w]) + 0.5) / (Double(other) + 1)
                    for k in 1...K { chance[row + k - 1] = min(0.99, 1 - pow(1 - f, Double(k))) }
                }
                if rates == nil && !fresh {
                    for k in 0..<K {
                        miss[w * K + k] = priorMiss[row + k]
                        gain[w * K + k] = priorGain[row + k]
                    }
                    continue
                }
                let rate = rates?[w] ?? LexicalEvidence.priorRate
                for k in 1...K {
                    let p = chance[row + k - 1]
                    let q = max(p, min(0.95, rate))
                    let hit = log(q / p), no = log((1 - q) / (1 - p))
                    miss[w * K + k - 1] = no
                    gain[w * K + k - 1] = hit - no
                }
                if rates == nil {
                    for k in 0..<K {
                        priorMiss[row + k] = miss[w * K + k]
                        priorGain[row + k] = gain[w * K + k]
                    }
                }
            }
            return (gain, miss)
        }
        // A sentence's evidence is the mean over its words: a long sentence is not surer than a
        // short one, and a bead does not gain by holding more words.
        func bases(_ words: [Int32], _ starts: [Int32], miss: [Double]) -> (base: [Double], scale: [Double]) {
            let count = starts.count - 1
            var base = [Double](repeating: 0, count: count * K), scale = [Double](repeating: 0, count: count)
            for s in 0..<count {
                let r = Int(starts[s])..<Int(starts[s + 1])
                guard !r.isEmpty else { continue }
                scale[s] = 1 / Double(r.count)
                for o in r { for k in 0..<K { base[s * K + k] += miss[Int(words[o]) * K + k] } }
                for k in 0..<K { base[s * K + k] *= scale[s] }
            }
            return (base, scale)
        }
        let e = gains(englishCount, seen: englishSeen, other: m, rates: rates?.english)
        let c = gains(chineseCount, seen: chineseSeen, other: n, rates: rates?.chinese)
        englishGain = e.gain
        chineseGain = c.gain
        (sBase, sScale) = bases(sWords, sWordStart, miss: e.miss)
        (tBase, tScale) = bases(tWords, tWordStart, miss: c.miss)
        hot.free()
        hot = Hot(sBase: Hot.copy(sBase), sScale: Hot.copy(sScale), tBase: Hot.copy(tBase), tScale: Hot.copy(tScale),
                  englishGain: Hot.copy(englishGain), chineseGain: Hot.copy(chineseGain),
                  sWordStart: Hot.copy(sWordStart), sWords: Hot.copy(sWords),
                  tWordStart: Hot.copy(tWordStart), tWords: Hot.copy(tWords))
    }

    // MARK: masks, a row of the band at a time

    /// Per source sentence and target sentence in reach: which of the source sentence's words
    /// find a translation in the target sentence (`english`), and which of the target
    /// sentence's words find one in the source sentence (`chinese`); a ring of `slots` rows of
    /// `width` targets each, in raw memory (read in the programme's innermost loop).
    final class MaskRing {
        let slots: Int
        let width: Int
        let start: UnsafeMutablePointer<Int>
        let count: UnsafeMutablePointer<Int>
        let english: UnsafeMutablePointer<UInt64>
        let chinese: UnsafeMutablePointer<UInt64>

        init(slots: Int, width: Int) {
            self.slots = max(1, slots)
            self.width = max(1, width)
            start = .allocate(capacity: self.slots)
            start.initialize(repeating: 0, count: self.slots)
            count = .allocate(capacity: self.slots)
            count.initialize(repeating: 0, count: self.slots)
            english = .allocate(capacity: self.slots * self.width)
            chinese = .allocate(capacity: self.slots * self.width)
        }

        deinit {
            start.deallocate()
            count.deallocate()
            english.deallocate()
            chinese.deallocate()
        }
    }

    /// Scratch for computing mask rows without allocating.
    struct Stamps {
        var english: [Int32]
        var englishBit: [UInt8]
        var chinese: [Int32]
        init(_ ev: LexicalEvidence) {
            english = [Int32](repeating: -1, count: ev.englishCount)
            englishBit = [UInt8](repeating: 0, count: ev.englishCount)
            chinese = [Int32](repeating: -1, count: ev.chineseCount)
        }
    }

    /// Fills the ring's row for source sentence s against `targets` (at most the ring's width);
    /// `serial` must differ from the previous call's (stamps are compared, never cleared).
    func fill(_ ring: MaskRing, source s: Int, targets: Range<Int>, stamps: inout Stamps, serial: Int32) {
        let row = s % ring.slots
        ring.start[row] = targets.lowerBound
        ring.count[row] = min(targets.count, ring.width)
        let english = ring.english + row * ring.width, chinese = ring.chinese + row * ring.width
        var b: UInt8 = 0
        for o in Int(sWordStart[s])..<Int(sWordStart[s + 1]) {
            stamps.english[Int(sWords[o])] = serial
            stamps.englishBit[Int(sWords[o])] = b
            b += 1
        }
        var hasReach = false
        forEachReach(s, stamp: &stamps.chinese, mark: serial) { _ in hasReach = true }
        let hasEnglish = sWordStart[s + 1] > sWordStart[s]
        let stampEnglish = stamps.english, stampBit = stamps.englishBit
        for (x, j) in targets.prefix(ring.width).enumerated() {
            var me: UInt64 = 0, mc: UInt64 = 0
            if hasEnglish {
                stampEnglish.withUnsafeBufferPointer { se in
                    stampBit.withUnsafeBufferPointer { sb in
                        tReach.forEach(Int(tReachStart[j])..<Int(tReachStart[j + 1])) { e in
                            if se[e] == serial { me |= 1 << UInt64(sb[e]) }
                        }
                        for o in Int(tLearnedStart[j])..<Int(tLearnedStart[j + 1]) {
                            let e = Int(tLearned[o])
                            if se[e] == serial { me |= 1 << UInt64(sb[e]) }
                        }
                    }
                }
            }
            if hasReach {
                var bit: UInt64 = 1
                for o in Int(tWordStart[j])..<Int(tWordStart[j + 1]) {
                    if stamps.chinese[Int(tWords[o])] == serial { mc |= bit }
                    bit <<= 1
                }
            }
            english[x] = me
            chinese[x] = mc
        }
    }

    /// Evidence of source sentences `si` with target sentences `ti` (neither empty), from the
    /// ring rows of the sentences of `si`.
    @inline(__always)
    func score(_ si: Range<Int>, _ ti: Range<Int>, ring: MaskRing) -> Double {
        let K = LexicalEvidence.maxBead
        let h = hot
        let k = min(K, ti.count), a = min(K, si.count)
        var total = 0.0
        var chineseMasks: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
        for s in si {
            let row = s % ring.slots
            let start = ring.start[row], count = ring.count[row]
            let english = ring.english + row * ring.width, chinese = ring.chinese + row * ring.width
            var mask: UInt64 = 0
            var x = 0
            for t in ti {
                let off = t - start
                if off >= 0 && off < count {
                    mask |= english[off]
                    let c = chinese[off]
                    switch x {
                    case 0: chineseMasks.0 |= c
                    case 1: chineseMasks.1 |= c
                    case 2: chineseMasks.2 |= c
                    case 3: chineseMasks.3 |= c
                    default: chineseMasks.4 |= c
                    }
                }
                x += 1
            }
            guard h.sWordStart[s + 1] > h.sWordStart[s] else { continue }
            total += evidence(mask, words: h.sWords, from: Int(h.sWordStart[s]), gain: h.englishGain,
                              base: h.sBase[s * K + k - 1], scale: h.sScale[s], k: k)
        }
        var x = 0
        for t in ti {
            defer { x += 1 }
            guard h.tWordStart[t + 1] > h.tWordStart[t] else { continue }
            let mask: UInt64
            switch x {
            case 0: mask = chineseMasks.0
            case 1: mask = chineseMasks.1
            case 2: mask = chineseMasks.2
            case 3: mask = chineseMasks.3
            default: mask = chineseMasks.4
            }
            total += evidence(mask, words: h.tWords, from: Int(h.tWordStart[t]), gain: h.chineseGain,
                              base: h.tBase[t * K + a - 1], scale: h.tScale[t], k: a)
        }
        return weight * total / 2
    }

    /// The English side's part of ``score(_:_:ring:)`` for source sentence s against `k`
    /// target sentences whose masks OR to `mask`; 0 for a sentence without query words (which
    /// `score` skips: adding +0 leaves its sum, never −0, as it is).
    @inline(__always)
    func englishPart(_ mask: UInt64, source s: Int, k: Int) -> Double {
        let h = hot, K = LexicalEvidence.maxBead
        guard h.sWordStart[s + 1] > h.sWordStart[s] else { return 0 }
        return evidence(mask, words: h.sWords, from: Int(h.sWordStart[s]), gain: h.englishGain,
                        base: h.sBase[s * K + k - 1], scale: h.sScale[s], k: k)
    }

    /// The Chinese side's part, for target sentence t against `a` source sentences.
    @inline(__always)
    func chinesePart(_ mask: UInt64, target t: Int, a: Int) -> Double {
        let h = hot, K = LexicalEvidence.maxBead
        guard h.tWordStart[t + 1] > h.tWordStart[t] else { return 0 }
        return evidence(mask, words: h.tWords, from: Int(h.tWordStart[t]), gain: h.chineseGain,
                        base: h.tBase[t * K + a - 1], scale: h.tScale[t], k: a)
    }

    /// One sentence's evidence: its score with no match plus the gains of the words `mask`
    /// marks (bit b: the sentence's b-th query word, from `from` in `words`), floored.
    @inline(__always)
    private func evidence(_ mask: UInt64, words: UnsafeMutableBufferPointer<Int32>, from: Int,
                          gain: UnsafeMutableBufferPointer<Double>, base: Double, scale: Double, k: Int) -> Double {
        let K = LexicalEvidence.maxBead
        var mask = mask, sum = 0.0
        while mask != 0 {
            sum += gain[Int(words[from + mask.trailingZeroBitCount]) * K + k - 1]
            mask &= mask - 1
        }
        return max(floor, base + sum * scale)
    }

    // MARK: learning from a first pass

    /// IBM model 1 (a few EM rounds) over confident 1-1 beads: for each English word, the
    /// Chinese tokens most likely to translate it; kept when seen together at least twice.
    ///
    /// Pairs seen together once cannot become links, so they are left out of the table from the
    /// start (their share goes to the empty word): memory grows with the pairs that recur, not
    /// with every pair of words in every bead.
    static func learnLinks(_ v: Vocabulary, beads: [(Int, Int)], rounds: Int = 5) -> Links {
        let ev = v.englishLexicon.count, cv = v.chineseLexicon.count
        var englishToChinese = [[Int32]](repeating: [], count: ev)
        var chineseToEnglish = [[Int32]](repeating: [], count: cv)
        guard !beads.isEmpty else { return Links(englishToChinese: englishToChinese, chineseToEnglish: chineseToEnglish) }
        // A few thousand beads, evenly spread, teach as much as a whole book: memory stays flat.
        let cap = 4000
        let beads = beads.count <= cap ? beads : (0..<cap).map { beads[$0 * beads.count / cap] }
        // Distinct words per bead, flat.
        var eStart = [0], eFlat: [Int32] = [], fStart = [0], fFlat: [Int32] = []
        var stamp = [Int32](repeating: -1, count: max(ev, cv))
        for (k, (s, t)) in beads.enumerated() {
            let mark = Int32(k)
            for o in Int(v.sTokenStart[s])..<Int(v.sTokenStart[s + 1]) where stamp[Int(v.sTokens[o])] != mark {
                stamp[Int(v.sTokens[o])] = mark
                eFlat.append(v.sTokens[o])
            }
            eStart.append(eFlat.count)
            let mark2 = Int32(-2 - k)
            for o in Int(v.tTokenStart[t])..<Int(v.tTokenStart[t + 1]) where stamp[Int(v.tTokens[o])] != mark2 {
                stamp[Int(v.tTokens[o])] = mark2
                fFlat.append(v.tTokens[o])
            }
            fStart.append(fFlat.count)
        }
        // The beads of each English word.
        var postingStart = [Int](repeating: 0, count: ev + 1)
        for e in eFlat { postingStart[Int(e) + 1] += 1 }
        for e in 0..<ev { postingStart[e + 1] += postingStart[e] }
        var postings = [Int32](repeating: 0, count: eFlat.count)
        var fillAt = postingStart
        for b in 0..<beads.count { for o in eStart[b]..<eStart[b + 1] { postings[fillAt[Int(eFlat[o])]] = Int32(b); fillAt[Int(eFlat[o])] += 1 } }
        // Pairs seen together twice or more, English-major, Chinese ascending; a dense counter
        // per English word.
        var pairE: [Int32] = [], pairF: [Int32] = [], together: [Int32] = []
        var pairStart = [Int](repeating: 0, count: ev + 1)
        var counter = [Int32](repeating: 0, count: cv)
        var touched: [Int32] = []
        for e in 0..<ev {
            touched.removeAll(keepingCapacity: true)
            for b in postings[postingStart[e]..<postingStart[e + 1]] {
                for o in fStart[Int(b)]..<fStart[Int(b) + 1] {
                    let f = fFlat[o]
                    if counter[Int(f)] == 0 { touched.append(f) }
                    counter[Int(f)] += 1
                }
            }
            touched.sort()
            for f in touched {
                if counter[Int(f)] >= 2 { pairE.append(Int32(e)); pairF.append(f); together.append(counter[Int(f)]) }
                counter[Int(f)] = 0
            }
            pairStart[e + 1] = pairE.count
        }
        func index(_ e: Int32, _ f: Int32) -> Int {
            var lo = pairStart[Int(e)], hi = pairStart[Int(e) + 1]
            while lo < hi { let mid = (lo + hi) / 2; if pairF[mid] < f { lo = mid + 1 } else { hi = mid } }
            return lo < pairStart[Int(e) + 1] && pairF[lo] == f ? lo : -1
        }
        // Each bead's kept pairs, grouped by Chinese word: runs of pair indexes.
        var runStart = [0], entries: [Int32] = []
        for b in 0..<beads.count {
            for o in fStart[b]..<fStart[b + 1] {
                for x in eStart[b]..<eStart[b + 1] {
                    let p = index(eFlat[x], fFlat[o])
                    if p >= 0 { entries.append(Int32(p)) }
                }
                runStart.append(entries.count)
            }
        }
        var t = [Double](repeating: 1, count: pairE.count)   // t(f | e), uniform start
        let nullT = 0.1
        var count = [Double](repeating: 0, count: pairE.count)
        var totalE = [Double](repeating: 0, count: ev)
        for _ in 0..<rounds {
            for p in 0..<count.count { count[p] = 0 }
            for x in 0..<totalE.count { totalE[x] = 0 }
            for r in 0..<(runStart.count - 1) {
                let run = runStart[r]..<runStart[r + 1]
                guard !run.isEmpty else { continue }
                var z = nullT
                for o in run { z += t[Int(entries[o])] }
                for o in run {
                    let p = Int(entries[o])
                    let c = t[p] / z
                    count[p] += c
                    totalE[Int(pairE[p])] += c
                }
            }
            for p in 0..<pairE.count {
                let e = Int(pairE[p])
                t[p] = totalE[e] > 0 ? count[p] / totalE[e] : 0
            }
        }
        // For each English word, its best Chinese tokens.
        var best: [(Double, Int32)] = []
        for e in 0..<ev {
            best.removeAll(keepingCapacity: true)
            for p in pairStart[e]..<pairStart[e + 1] where t[p] >= 0.2 { best.append((t[p], pairF[p])) }
            best.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
            for (_, c) in best.prefix(3) {
                englishToChinese[e].append(c)
                chineseToEnglish[Int(c)].append(Int32(e))
            }
        }
        return Links(englishToChinese: englishToChinese, chineseToEnglish: chineseToEnglish)
    }

    /// How often each word finds its translation in its partner over confident 1-1 beads
    /// (smoothed towards the prior): a dictionary sense the document never uses stops counting.
    func matchRates(beads: [(Int, Int)]) -> (english: [Double], chinese: [Double]) {
        var eHit = [Double](repeating: 0, count: englishCount), eSeen = eHit
        var cHit = [Double](repeating: 0, count: chineseCount), cSeen = cHit
        var stamp = [Int32](repeating: -1, count: chineseCount)
        for (k, (s, t)) in beads.enumerated() {
            let tr = Int(tReachStart[t])..<Int(tReachStart[t + 1])
            let tl = tLearned[Int(tLearnedStart[t])..<Int(tLearnedStart[t + 1])]
            for o in Int(sWordStart[s])..<Int(sWordStart[s + 1]) {
                let w = sWords[o]
                eSeen[Int(w)] += 1
                if tReach.sortedRange(tr, contains: w) || tl.contains(w) { eHit[Int(w)] += 1 }
            }
            let mark = Int32(k)
            forEachReach(s, stamp: &stamp, mark: mark) { _ in }
            for o in Int(tWordStart[t])..<Int(tWordStart[t + 1]) {
                let w = tWords[o]
                cSeen[Int(w)] += 1
                if stamp[Int(w)] == mark { cHit[Int(w)] += 1 }
            }
        }
        let a = 2.0, q0 = LexicalEvidence.priorRate
        return ((0..<englishCount).map { (eHit[$0] + a * q0) / (eSeen[$0] + a) },
                (0..<chineseCount).map { (cHit[$0] + a * q0) / (cSeen[$0] + a) })
    }
}

/// Name keys to the English words that own them, for the millions of lookups of Han text: open
/// addressing on the key itself (keys are hashes already), built in the keys' first-seen order.
struct NameKeyTable {
    private var keys: [UInt64] = []
    private var slots: [Int32] = []     // index into `ownerStart`, −1: empty
    private var ownerStart: [Int32] = [0]
    private var ownerList: [Int32] = []
    private var mask = 0

    init(_ owners: [UInt64: [Int32]], order: [UInt64]) {
        guard !order.isEmpty else { return }
        var size = 16
        while size < order.count * 2 { size *= 2 }
        mask = size - 1
        keys = [UInt64](repeating: 0, count: size)
        slots = [Int32](repeating: -1, count: size)
        for (k, key) in order.enumerated() {
            var slot = NameKeyTable.slot(key) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            slots[slot] = Int32(k)
            ownerList += owners[key] ?? []
            ownerStart.append(Int32(ownerList.count))
        }
    }

    var isEmpty: Bool { slots.isEmpty }

    @inline(__always) static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: key ^ (key >> 32)) }

    /// Adds the owners of `key` not yet stamped with `mark` to `reach`.
    @inline(__always) func collect(_ key: UInt64, stamp: inout [Int32], mark: Int32, into reach: inout [Int32]) {
        var slot = NameKeyTable.slot(key) & mask
        while true {
            let k = slots[slot]
            if k < 0 { return }
            if keys[slot] == key { break }
            slot = (slot + 1) & mask
        }
        let k = Int(slots[slot])
        for o in Int(ownerStart[k])..<Int(ownerStart[k + 1]) {
            let e = ownerList[o]
            if stamp[Int(e)] != mark { stamp[Int(e)] = mark; reach.append(e) }
        }
    }

}

/// Non-negative ids, two bytes each while every id fits (four otherwise): the dictionary reach
/// of the target sentences is the sentence aligner's biggest table (4.6 million ids for 25,000
/// sentences), and a vocabulary rarely holds 65,536 English words.
struct CompactIDs {
    private var narrow: [UInt16] = []
    private var wide: [Int32] = []
    /// Four bytes an id.
    let isWide: Bool

    /// For ids below `limit`.
    init(limit: Int) { isWide = limit > Int(UInt16.max) + 1 }

    var count: Int { isWide ? wide.count : narrow.count }

    @inline(__always) subscript(_ o: Int) -> Int32 { isWide ? wide[o] : Int32(narrow[o]) }

    mutating func append(contentsOf ids: [Int32]) {
        if isWide { wide += ids } else { narrow.append(contentsOf: ids.lazy.map { UInt16(truncatingIfNeeded: $0) }) }
    }

    /// Calls `body` with each id at `range`, in order.
    @inline(__always) func forEach(_ range: Range<Int>, _ body: (Int) -> Void) {
        if isWide {
            wide.withUnsafeBufferPointer { b in for o in range { body(Int(b[o])) } }
        } else {
            narrow.withUnsafeBufferPointer { b in for o in range { body(Int(b[o])) } }
        }
    }

    /// Whether the ascending ids at `range` hold `x` (binary search).
    func sortedRange(_ range: Range<Int>, contains x: Int32) -> Bool {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi { let mid = (lo + hi) / 2; if self[mid] < x { lo = mid + 1 } else { hi = mid } }
        return lo < range.upperBound && self[lo] == x
    }
}

/// Arrays as long as the lexicon (one entry per stem or word, −1 where unset), lent to one
/// alignment at a time and given back with the entries it set reset: a sentence aligner call for
/// the few sentences of a block pair would otherwise allocate and fill 365 KB to set a dozen
/// entries. A few arrays are kept (one per thread aligning at once, at most 8).
final class LexiconIndexPool: @unchecked Sendable {
    static let shared = LexiconIndexPool()
    private let lock = NSLock()
    private var free: [[Int32]] = []

    /// An array of `count` entries, all −1.
    func take(_ count: Int) -> [Int32] {
        lock.lock()
        defer { lock.unlock() }
        if let i = free.lastIndex(where: { $0.count == count }) { return free.remove(at: i) }
        return [Int32](repeating: -1, count: count)
    }

    /// Takes `array` back after resetting the entries at the indices in `set` (negative ones
    /// were never set); leaves `array` empty.
    func give(_ array: inout [Int32], set: [Int32]) {
        for i in set where i >= 0 && Int(i) < array.count { array[Int(i)] = -1 }
        let back = array
        array = []
        lock.lock()
        defer { lock.unlock() }
        if free.count < 8 { free.append(back) }
    }
}
