/// A light English stemmer for term matching: enough to make `LLM`/`LLMs`,
/// `fine-tune`/`fine-tuned`/`fine-tuning` and `model`/`models`/`modelling` meet, applied the same
/// way to glossary terms and to text, so the two only need to agree with each other.
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
        func ends(_ t: String) -> Bool {
            let u = t.unicodeScalars
            guard w.count > u.count + 1 else { return false }
            var k = w.count - u.count
            for c in u { if w[k] != c { return false }; k += 1 }
            return true
        }
        if ends("ies") { w.removeLast(3); w.append("y") }
        else if ends("sses") { w.removeLast(2) }
        else if ends("ing") { w.removeLast(3); undouble(&w) }
        else if ends("ed") { w.removeLast(2); undouble(&w) }
        else if ends("es") && (ends("ches") || ends("shes") || ends("xes") || ends("zes")) { w.removeLast(2) }
        else if ends("s") && !ends("ss") && !ends("us") && !ends("is") { w.removeLast() }
        if w.count > 3 && w.last == "e" { w.removeLast() }
        return String(String.UnicodeScalarView(w))
    }

    private static func undouble(_ w: inout [Unicode.Scalar]) {
        if w.count >= 3, let last = w.last, last == w[w.count - 2], !"aeiouls".unicodeScalars.contains(last) {
            w.removeLast()
        }
        // "modell" → "model".
        if w.count >= 4, w.last == "l", w[w.count - 2] == "l" { w.removeLast() }
    }
}
