import BitextCheck
import Foundation

/// The argument parser's own words (headings, "(values: …)", its errors) in the language of the
/// messages. `messages.en.yml` holds the parser's English under `parser.*`, with `{name}` where
/// the parser puts a value; the translation's file holds the same keys. A text the parser words
/// differently from the English file is left as the parser wrote it.
enum ParserText {
    /// `text` (help, usage or an error from the parser) with every phrase of the English file
    /// replaced by its translation; unchanged in English.
    static func localized(_ text: String) -> String {
        guard Messages.current.language != "en" else { return text }
        var out = text
        for (pattern, key, names) in patterns() {
            let ns = out as NSString
            var result = "", last = 0
            for m in pattern.matches(in: out, range: NSRange(location: 0, length: ns.length)) {
                var values: [String: String] = [:]
                for (k, name) in names.enumerated() { values[name] = ns.substring(with: m.range(at: k + 1)) }
                let replacement = ui(key, values)
                var start = m.range.location
                // No space before full-width punctuation: ` (values: …)` becomes `（可选值：…）`.
                if let first = replacement.unicodeScalars.first, Self.opensFullWidth(first),
                   start > last, ns.character(at: start - 1) == 0x20 { start -= 1 }
                result += ns.substring(with: NSRange(location: last, length: start - last))
                result += replacement
                last = m.range.location + m.range.length
            }
            if last > 0 { out = result + ns.substring(from: last) }
        }
        return out
    }

    private static func opensFullWidth(_ s: Unicode.Scalar) -> Bool {
        (0xFF01...0xFF60).contains(s.value) || (0x3000...0x303F).contains(s.value)
    }

    /// The parser's phrases, longest first (a phrase that holds a shorter one is replaced
    /// whole): a regular expression of the English, its key, and its placeholders' names.
    private static func patterns() -> [(NSRegularExpression, String, [String])] {
        let english = Messages.load("en")
        var found: [(String, NSRegularExpression, String, [String])] = []
        for key in ((try? Messages.keys("en")) ?? []).filter({ $0.hasPrefix("parser.") }).sorted() {
            let template = english.text(key)
            var regex = "(?:^|(?<=[ \\t]))", names: [String] = []
            var rest = Substring(template)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                regex += NSRegularExpression.escapedPattern(for: String(rest[..<open]))
                names.append(String(rest[rest.index(after: open)..<close]))
                regex += "([^\\n]+?)"
                rest = rest[rest.index(after: close)...]
            }
            regex += NSRegularExpression.escapedPattern(for: String(rest))
            // A phrase that ends in a value runs to the end of its line.
            if rest.isEmpty && !names.isEmpty { regex += "$" }
            guard let r = try? NSRegularExpression(pattern: regex, options: [.anchorsMatchLines]) else { continue }
            found.append((template, r, key, names))
        }
        found.sort { ($0.0.count, $1.2) > ($1.0.count, $0.2) }
        return found.map { ($0.1, $0.2, $0.3) }
    }
}
