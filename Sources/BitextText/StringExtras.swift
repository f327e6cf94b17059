/// Small string helpers the other modules share.

extension StringProtocol {
    /// Without the given characters at either end.
    public func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }

    /// Without spaces at either end.
    public var trimmingSpaces: String { trimmingCharacters(in: " ") }
}

/// Escaping for XML 1.0 and HTML text and quoted attributes.
public enum Markup {
    /// `&`, `<`, `>` and `"` escaped (and `'` with `apostrophe`, for HTML); characters XML 1.0
    /// cannot hold (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF) dropped.
    public static func escape(_ s: String, apostrophe: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'" where apostrophe: out += "&#39;"
            default:
                let v = c.value
                if v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D { continue }
                if v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
