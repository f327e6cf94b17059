import BitextText

/// Numbers written out in words, so that "nine hundred and thirty" anchors a bead as 930 and
/// 九百三十 do (numerals are read by ``NumberScanner``, with the translation's ``Numerals``).
enum Numbers {
    /// The cardinals (``NumberScanner/englishCardinals``) and the ordinals an anchor may be.
    static let small: [String: Int] = Dictionary(uniqueKeysWithValues: NumberScanner.englishCardinals.map { ($0.word, $0.value) } + [
        ("third", 3), ("fourth", 4), ("fifth", 5), ("sixth", 6), ("seventh", 7), ("eighth", 8), ("ninth", 9), ("tenth", 10),
        ("twelfth", 12), ("twentieth", 20), ("hundredth", 100), ("thousandth", 1000),
    ])
    static let multipliers: [String: Int] = ["hundred": 100, "thousand": 1000, "million": 1_000_000]

    /// The words `english` reads, by length and first and last letter: any other word only
    /// ends a number, and is known for one without hashing it.
    static let mayCount: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 256)
        for w in Array(small.keys) + Array(multipliers.keys) + ["one", "first", "and"] {
            let k = key(w)
            bits[k >> 6] |= 1 << UInt64(k & 63)
        }
        return bits
    }()

    @inline(__always) static func key(_ w: String) -> Int {
        let u = w.utf8
        guard let f = u.first, let l = u.last, u.count < 16 else { return 0 }
        return u.count << 10 | Int(f & 31) << 5 | Int(l & 31)
    }

    /// Numbers written in English words among lowercased `words` (in order): phrases such as
    /// "nine hundred and thirty", "twelve", "the third"; a lone "one" (a pronoun as often as a
    /// number) does not count, and neither does "second" (also a unit of time).
    static func english(_ words: [String]) -> [Int] {
        var out: [Int] = []
        var total = 0, current = 0, parts = 0, ones = 0
        func flush() {
            if parts > 0 && !(parts == ones) { out.append(total + current) }
            total = 0; current = 0; parts = 0; ones = 0
        }
        var k = 0
        while k < words.count {
            let w = words[k]
            let bucket = Numbers.key(w)
            if bucket == 0 || mayCount[bucket >> 6] & (1 << UInt64(bucket & 63)) == 0 {
                flush()
            } else if let v = small[w] {
                current += v; parts += 1
            } else if w == "one" || w == "first" {
                current += 1; parts += 1; ones += 1
            } else if let m = multipliers[w], parts > 0 || w != "million" {
                if current == 0 { current = 1 }
                if m >= 1000 { total += current * m; current = 0 } else { current *= m }
                parts += 1
            } else if w == "and" && parts > 0 && k + 1 < words.count && (small[words[k + 1]] != nil || words[k + 1] == "one") {
                // "hundred and thirty"
            } else {
                flush()
            }
            k += 1
        }
        flush()
        return out
    }
}

/// Names across scripts: an English name and the Han characters that transliterate it share
/// their consonants ("Abraham" and 亚伯拉罕, ya-bo-la-han: B L N), and a name spelled in pinyin
/// ("Zhang") equals the reading of its characters. Keys are the lexicon's own hashes.
enum NameKeys {
    /// Consonant classes of a lowercased ASCII spelling, vowel-initial names marked: a coarse
    /// key that survives transliteration (b/p, d/t, g/k/c/q, s/z/x/j/ch/sh/zh, f/v, l/r, m/n).
    static func skeleton(_ letters: [UInt8]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: letters.count + 1) { out, count in
            count = letters.withUnsafeBufferPointer { skeleton($0, into: out.baseAddress!) }
        }
    }

    /// The same into raw memory of at least `letters.count + 1` bytes; returns its length.
    static func skeleton(_ letters: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var count = 0
        var k = 0
        let n = letters.count
        if n > 0, letters[0] == 0x61 || letters[0] == 0x65 || letters[0] == 0x69 || letters[0] == 0x6F || letters[0] == 0x75 || letters[0] == 0x79 {
            out[0] = 0x56  // V
            count = 1
        }
        while k < n {
            let c = letters[k]
            let next: UInt8 = k + 1 < n ? letters[k + 1] : 0
            var cls: UInt8 = 0
            switch c {
            case 0x62, 0x70: cls = 0x42                                  // b p → B
            case 0x64: cls = 0x44                                        // d → D
            case 0x74: cls = 0x44; if next == 0x68 { k += 1 }              // t th → D
            case 0x67, 0x6B, 0x71: cls = 0x4B                            // g k q → K
            case 0x63:                                                   // c: ch → S, ce/ci → S, else K
                if next == 0x68 { cls = 0x53; k += 1 } else if next == 0x65 || next == 0x69 || next == 0x79 { cls = 0x53 } else { cls = 0x4B }
            case 0x73, 0x7A, 0x78, 0x6A: cls = 0x53; if next == 0x68 { k += 1 }  // s z x j, sh zh → S
            case 0x66, 0x76: cls = 0x46                                  // f v → F
            case 0x6C, 0x72: cls = 0x4C                                  // l r → L
            case 0x6D, 0x6E: cls = 0x4E; if c == 0x6E && next == 0x67 { k += 1 }  // m n ng → N
            default: cls = 0                                             // vowels, h, w, y
            }
            if cls != 0 && (count == 0 || out[count - 1] != cls) { out[count] = cls; count += 1 }
            k += 1
        }
        return count
    }

    @inline(__always) static func hash<S: Sequence>(_ kind: UInt64, _ bytes: S) -> UInt64 where S.Element == UInt8 {
        var h = kind &* 0x9e37_79b9_7f4a_7c15
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3; h ^= h >> 29 }
        return h
    }

    /// Keys of an English name: its exact spelling (for pinyin names), its skeleton, and its
    /// skeleton without the last consonant (translations often drop a final consonant:
    /// Isaac → 以撒). Skeletons shorter than two classes are too common to mean anything.
    static func english(_ word: String) -> [UInt64] {
        let letters = Array(word.utf8).filter { $0 >= 0x61 && $0 <= 0x7A }
        guard letters.count >= 3 else { return [] }
        var keys = [hash(1, letters)]
        let s = skeleton(letters)
        if s.count >= 2 { keys.append(hash(2, s)) }
        if s.count >= 3 { keys.append(hash(2, Array(s.dropLast()))) }
        return keys
    }
}
