/// A light English stemmer for term matching, after Porter's first and last steps: plurals,
/// `-ed`/`-ing` (with the `e` put back where Porter puts it; `-ied` and `-ies` to `-y`), and a
/// final `e` where the stem is long enough. Enough to make `LLM`/`LLMs`,
/// `fine-tune`/`fine-tuned`/`fine-tuning`, `model`/`models`/`modelling`, `encode`/`encoding` and
/// `copy`/`copied`/`copies`, `use`/`used` meet while `note` and `not` stay apart.
/// Applied the same way to glossary terms and to text, so the two only need to agree.
public enum Stemmer {
    /// The stem of a word (lowercase unless `keepCase`).
    public static func stem(_ word: String, keepCase: Bool = false) -> String {
        if !keepCase, let s = asciiStem(word) { return s }
        return scalarStem(word, keepCase: keepCase)
    }

    /// ``stem(_:keepCase:)`` over Unicode scalars, for any word (the ASCII path must agree).
    static func scalarStem(_ word: String, keepCase: Bool) -> String {
        var w: [Unicode.Scalar] = []
        w.reserveCapacity(word.unicodeScalars.count)
        for c in word.unicodeScalars {
            if c == "\u{2019}" { w.append("'"); continue }
            if !keepCase {
                if c.isASCII {
                    w.append(c.value >= 0x41 && c.value <= 0x5A ? Unicode.Scalar(c.value | 0x20)! : c)
                } else {
                    w.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
                }
            } else {
                w.append(c)
            }
        }
        // Possessive.
        if w.count > 2 && w[w.count - 2] == "'" && (w.last == "s" || w.last == "S") { w.removeLast(2) }
        if w.last == "'" { w.removeLast() }
        // An acronym keeps its letters; only a lowercase plural `s` goes (LLMs → LLM).
        if keepCase && w.count >= 2 && w.dropLast().allSatisfy({ $0.properties.isUppercase || ("0"..."9").contains($0) }) {
            if w.last == "s" { w.removeLast() }
            return String(String.UnicodeScalarView(w))
        }
        guard w.count > 2, w.allSatisfy({ $0.isASCII }) else { return String(String.UnicodeScalarView(w)) }
        var s = w.map { UInt8($0.value | 0x20) }
        porter(&s)
        // Porter's steps work on lowercase letters; a case-sensitive term (`Controller`) gets its
        // capitals back wherever the stem still has the word's letter.
        if keepCase {
            for i in 0..<min(s.count, w.count) where w[i].value >= 0x41 && w[i].value <= 0x5A && s[i] == UInt8(w[i].value | 0x20) {
                s[i] = UInt8(w[i].value)
            }
        }
        return String(decoding: s, as: UTF8.self)
    }

    /// ``stem(_:keepCase:)`` of an ASCII word, lowercased, without the scalar array; nil for
    /// a word with other characters.
    static func asciiStem(_ word: String) -> String? {
        var s: [UInt8] = []
        s.reserveCapacity(word.utf8.count)
        for b in word.utf8 {
            if b >= 0x80 { return nil }
            s.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
        }
        // Possessive.
        if s.count > 2 && s[s.count - 2] == 0x27 && s[s.count - 1] == 0x73 { s.removeLast(2) }
        if s.last == 0x27 { s.removeLast() }
        if s.count > 2 {
            for i in s.indices { s[i] |= 0x20 }
            porter(&s)
        }
        return String(decoding: s, as: UTF8.self)
    }

    /// Porter's steps on a lowercased ASCII word of more than two letters.
    private static func porter(_ s: inout [UInt8]) {
        // Plurals.
        if ends(s, "sses") { s.removeLast(2) }
        else if ends(s, "ies") && s.count > 4 { s.removeLast(3); s.append(0x79) }  // y
        else if s.last == 0x73 && !ends(s, "ss") && !ends(s, "us") && !ends(s, "is") && s.count > 3 { s.removeLast() }

        // -ed, -ing; `-ied` back to the `y` its plural meets too (copied, copies → copy; tried,
        // tries → try), from five letters on (died, tied stay).
        var stripped = false
        if ends(s, "ing") && s.count > 5 && hasVowel(s, s.count - 3) { s.removeLast(3); stripped = true }
        else if ends(s, "ied") && s.count > 4 { s.removeLast(3); s.append(0x79) }  // y
        // Of four letters, only after a two-letter stem that opens with a vowel (used, aged,
        // owed, iced meet use, age, owe, ice; shed, bred, tied, sued keep their letters).
        else if ends(s, "ed") && !ends(s, "eed") && (s.count > 4 || s.count == 4 && !ends(s, "ied") && !isConsonant(s, 0))
                    && hasVowel(s, s.count - 2) { s.removeLast(2); stripped = true }
        if stripped {
            if ends(s, "at") || ends(s, "bl") || ends(s, "iz") { s.append(0x65) }
            else if s.count >= 2, s[s.count - 1] == s[s.count - 2], isConsonant(s, s.count - 1),
                    s[s.count - 1] != 0x6C && s[s.count - 1] != 0x73 && s[s.count - 1] != 0x7A { s.removeLast() }  // not l, s, z
            else if measure(s, s.count) == 1 && cvc(s, s.count) { s.append(0x65) }
        }

        // Final e: goes when the stem is long (encode → encod), stays after a short cvc stem
        // (note, tune).
        if s.last == 0x65 {
            let m = measure(s, s.count - 1)
            if m > 1 || (m == 1 && !cvc(s, s.count - 1)) { s.removeLast() }
        }
        // modelling → model.
        if s.count > 4, s.last == 0x6C, s[s.count - 2] == 0x6C, measure(s, s.count) > 1 { s.removeLast() }
    }

    private static func ends(_ s: [UInt8], _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        guard s.count >= n else { return false }
        let t = suffix.utf8Start
        let base = s.count - n
        for i in 0..<n where s[base + i] != t[i] { return false }
        return true
    }

    /// Whether `s[i]` is a consonant (looks only at `s[..<i+1]`).
    private static func isConsonant(_ s: [UInt8], _ i: Int) -> Bool {
        switch s[i] {
        case 0x61, 0x65, 0x69, 0x6F, 0x75: return false
        case 0x79: return i == 0 ? true : !isConsonant(s, i - 1)
        default: return true
        }
    }

    /// A vowel among the first `n` letters.
    private static func hasVowel(_ s: [UInt8], _ n: Int) -> Bool {
        for i in 0..<n where !isConsonant(s, i) { return true }
        return false
    }

    /// Porter's m of the first `n` letters: the number of vowel–consonant sequences.
    private static func measure(_ s: [UInt8], _ n: Int) -> Int {
        var m = 0
        var i = 0
        while i < n && isConsonant(s, i) { i += 1 }
        while i < n {
            while i < n && !isConsonant(s, i) { i += 1 }
            guard i < n else { break }
            while i < n && isConsonant(s, i) { i += 1 }
            m += 1
        }
        return m
    }

    /// The first `n` letters end consonant–vowel–consonant, the last not w, x or y (hop, tun, not).
    private static func cvc(_ s: [UInt8], _ n: Int) -> Bool {
        guard n >= 3 else { return false }
        return isConsonant(s, n - 1) && !isConsonant(s, n - 2) && isConsonant(s, n - 3)
            && s[n - 1] != 0x77 && s[n - 1] != 0x78 && s[n - 1] != 0x79
    }
}
