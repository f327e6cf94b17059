/// A light English stemmer for term matching, after Porter's first and last steps: plurals,
/// `-ed`/`-ing` (with the `e` put back where Porter puts it), and a final `e` where the stem is
/// long enough. Enough to make `LLM`/`LLMs`, `fine-tune`/`fine-tuned`/`fine-tuning`,
/// `model`/`models`/`modelling` and `encode`/`encoding` meet while `note` and `not` stay apart.
/// Applied the same way to glossary terms and to text, so the two only need to agree.
public enum Stemmer {
    /// The stem of a word (lowercase unless `keepCase`).
    public static func stem(_ word: String, keepCase: Bool = false) -> String {
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

        // Plurals.
        if ends(s, "sses") { s.removeLast(2) }
        else if ends(s, "ies") && s.count > 4 { s.removeLast(3); s.append(0x79) }  // y
        else if s.last == 0x73 && !ends(s, "ss") && !ends(s, "us") && !ends(s, "is") && s.count > 3 { s.removeLast() }

        // -ed, -ing.
        var stripped = false
        if ends(s, "ing") && s.count > 5 && hasVowel(s.dropLast(3)) { s.removeLast(3); stripped = true }
        else if ends(s, "ed") && !ends(s, "eed") && s.count > 4 && hasVowel(s.dropLast(2)) { s.removeLast(2); stripped = true }
        if stripped {
            if ends(s, "at") || ends(s, "bl") || ends(s, "iz") { s.append(0x65) }
            else if s.count >= 2, s[s.count - 1] == s[s.count - 2], isConsonant(s, s.count - 1),
                    ![0x6C, 0x73, 0x7A].contains(s[s.count - 1]) { s.removeLast() }  // not l, s, z
            else if measure(s) == 1 && cvc(s) { s.append(0x65) }
        }

        // Final e: goes when the stem is long (encode → encod), stays after a short cvc stem
        // (note, tune).
        if s.last == 0x65 {
            let rest = Array(s.dropLast())
            let m = measure(rest)
            if m > 1 || (m == 1 && !cvc(rest)) { s.removeLast() }
        }
        // modelling → model.
        if s.count > 4, s.last == 0x6C, s[s.count - 2] == 0x6C, measure(s) > 1 { s.removeLast() }
        return String(decoding: s, as: UTF8.self)
    }

    private static func ends(_ s: [UInt8], _ suffix: String) -> Bool {
        let t = Array(suffix.utf8)
        guard s.count >= t.count else { return false }
        return Array(s.suffix(t.count)) == t
    }

    private static func isConsonant(_ s: [UInt8], _ i: Int) -> Bool {
        switch s[i] {
        case 0x61, 0x65, 0x69, 0x6F, 0x75: return false
        case 0x79: return i == 0 ? true : !isConsonant(s, i - 1)
        default: return true
        }
    }

    private static func hasVowel<C: Collection>(_ s: C) -> Bool where C.Element == UInt8 {
        let a = Array(s)
        return a.indices.contains { !isConsonant(a, $0) }
    }

    /// Porter's m: the number of vowel–consonant sequences.
    private static func measure(_ s: [UInt8]) -> Int {
        var m = 0
        var i = 0
        while i < s.count && isConsonant(s, i) { i += 1 }
        while i < s.count {
            while i < s.count && !isConsonant(s, i) { i += 1 }
            guard i < s.count else { break }
            while i < s.count && isConsonant(s, i) { i += 1 }
            m += 1
        }
        return m
    }

    /// Ends consonant–vowel–consonant, the last not w, x or y (hop, tun, not).
    private static func cvc(_ s: [UInt8]) -> Bool {
        let n = s.count
        guard n >= 3 else { return false }
        return isConsonant(s, n - 1) && !isConsonant(s, n - 2) && isConsonant(s, n - 3)
            && ![0x77, 0x78, 0x79].contains(s[n - 1])
    }
}
