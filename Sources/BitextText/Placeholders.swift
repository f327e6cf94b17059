import BitextMarkdown

/// Placeholders written in prose that a translation must keep character for character:
/// template variables `{{ name }}` and `{name}`, printf conversions `%s`, `%(name)s`, `%1$d`,
/// environment variables `$HOME`, `${HOME}`, and route parameters `/users/:id`.
public enum Placeholders {
    @inline(__always) static func isWordChar(_ c: UInt32) -> Bool {
        (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x5F
    }
    @inline(__always) static func isUpperOrUnderscore(_ c: UInt32) -> Bool { (c >= 0x41 && c <= 0x5A) || c == 0x5F }

    /// Ranges of the placeholders of `text` whose characters are all `eligible`.
    public static func find(_ text: [UInt32], eligible: (Int) -> Bool) -> [Range<Int>] {
        var out: [Range<Int>] = []
        let n = text.count
        var k = 0
        func all(_ r: Range<Int>) -> Bool { r.allSatisfy(eligible) }
        func all(_ r: ClosedRange<Int>) -> Bool { r.allSatisfy(eligible) }
        while k < n {
            let c = text[k]
            guard eligible(k) else { k += 1; continue }
            let before: UInt32 = k > 0 ? text[k - 1] : 0x20
            switch c {
            case 0x7B:  // {
                if k + 1 < n && text[k + 1] == 0x7B {  // {{ … }}
                    var e = k + 2
                    while e + 1 < n && e < k + 200 && text[e] != 0x0A && !(text[e] == 0x7D && text[e + 1] == 0x7D) { e += 1 }
                    if e + 1 < n && text[e] == 0x7D && text[e + 1] == 0x7D && all(k..<(e + 2)) {
                        out.append(k..<(e + 2)); k = e + 2; continue
                    }
                } else if before != 0x7B && before != 0x5C && before != 0x7D && !isWordChar(before) {  // {name} or {0}, not \text{…}
                    var e = k + 1
                    while e < n && (isWordChar(text[e]) || text[e] == 0x2E || isHanIdeograph(text[e])
                                    || (e > k + 1 && (text[e] == 0x3A || text[e] == 0x2D))) { e += 1 }
                    if e > k + 1 && e < n && text[e] == 0x7D && (e + 1 >= n || text[e + 1] != 0x7D) && all(k...e) {
                        out.append(k..<(e + 1)); k = e + 1; continue
                    }
                }
            case 0x25:  // %
                if isWordChar(before) || before == 0x25 { break }
                var e = k + 1
                if e < n && text[e] == 0x28 {  // %(name)s
                    var x = e + 1
                    while x < n && isWordChar(text[x]) { x += 1 }
                    if x > e + 1 && x + 1 < n && text[x] == 0x29 && (text[x + 1] | 0x20 >= 0x61 && text[x + 1] | 0x20 <= 0x7A) {
                        e = x + 2
                        if all(k..<e) { out.append(k..<e) }
                        k = e; continue
                    }
                    break
                }
                // %1$s, %-5d, %.2f, %s, %@
                var x = e
                while x < n && text[x] >= 0x30 && text[x] <= 0x39 { x += 1 }
                if x > e && x < n && text[x] == 0x24 { x += 1 }
                while x < n && (text[x] == 0x2D || text[x] == 0x2B || text[x] == 0x23 || text[x] == 0x30) { x += 1 }
                while x < n && text[x] >= 0x30 && text[x] <= 0x39 { x += 1 }
                if x < n && text[x] == 0x2E { x += 1; while x < n && text[x] >= 0x30 && text[x] <= 0x39 { x += 1 } }
                if x < n && x - e <= 6, let conv = Unicode.Scalar(text[x]), "sdifxXeEgGcuo@".unicodeScalars.contains(conv),
                   x + 1 >= n || !isWordChar(text[x + 1]) {
                    if all(k...x) { out.append(k..<(x + 1)) }
                    k = x + 1; continue
                }
            case 0x24:  // $
                if isWordChar(before) { break }
                if k + 1 < n && text[k + 1] == 0x7B {  // ${NAME}
                    var e = k + 2
                    while e < n && (isWordChar(text[e]) || text[e] == 0x2E || isHanIdeograph(text[e])) { e += 1 }
                    if e > k + 2 && e < n && text[e] == 0x7D && all(k...e) { out.append(k..<(e + 1)); k = e + 1; continue }
                } else if k + 2 < n && isUpperOrUnderscore(text[k + 1]) {  // $HOME
                    var e = k + 1
                    while e < n && (isUpperOrUnderscore(text[e]) || (text[e] >= 0x30 && text[e] <= 0x39)) { e += 1 }
                    if e - k >= 3 && (e >= n || !isWordChar(text[e])) && all(k..<e) { out.append(k..<e); k = e; continue }
                }
            case 0x3A:  // /:param
                if before == 0x2F && k + 1 < n && (text[k + 1] | 0x20 >= 0x61 && text[k + 1] | 0x20 <= 0x7A) {
                    var e = k + 1
                    while e < n && isWordChar(text[e]) { e += 1 }
                    if all(k..<e) { out.append(k..<e) }
                    k = e; continue
                }
            default:
                break
            }
            k += 1
        }
        return out
    }

    /// A placeholder as compared: spaces inside `{{ }}` and `${ }` do not count, nor the values
    /// of a shortcode's display attributes (``displayAttributes``: `{{< glossary_tooltip
    /// text="容器" term_id="container" >}}` translates what the reader sees and keeps the rest).
    public static func normalized(_ s: String) -> String {
        guard s.hasPrefix("{{") || s.hasPrefix("${") else { return s }
        var scalars = Array(s.unicodeScalars)
        if s.hasPrefix("{{<") || s.hasPrefix("{{%") { scalars = withoutDisplayValues(scalars) }
        return String(String.UnicodeScalarView(scalars.filter { $0 != " " }))
    }

    /// Attributes whose value is text for the reader.
    static var displayAttributes: Set<String> { DisplayAttributes.names }

    /// The scalars with the values of display attributes (`name="…"`, `name='…'`) emptied.
    static func withoutDisplayValues(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            let c = s[i]
            out.append(c)
            i += 1
            guard c == "=", i < s.count, s[i] == "\"" || s[i] == "'" else { continue }
            // The attribute name before `=`.
            var j = out.count - 1
            while j > 0 && (out[j - 1].properties.isAlphabetic || out[j - 1] == "_" || out[j - 1] == "-") { j -= 1 }
            let name = String(String.UnicodeScalarView(out[j..<(out.count - 1)])).lowercased()
            guard displayAttributes.contains(name) else { continue }
            let quote = s[i]
            guard let close = s[(i + 1)...].firstIndex(of: quote) else { continue }
            out.append(quote)
            out.append(quote)
            i = close + 1
        }
        return out
    }
}
