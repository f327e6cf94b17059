/// A reader for the subset of YAML that `locales/messages.<lang>.yml` is written in: one
/// top-level `key: value` a line, values plain, double-quoted (on one line, the common escapes)
/// or `|` literal blocks; comment and blank lines. It gives the same table as Yams in a small
/// fraction of the time (tested equal on every messages file); anything outside the subset
/// answers nil, and the caller falls back to Yams.
enum MessagesFile {
    static func parse(_ bytes: [UInt8]) -> [String: String]? {
        var out: [String: String] = [:]
        // Lines, without their `\n` (a `\r` anywhere: not the subset).
        var lines: [Range<Int>] = []
        var start = 0
        for (i, b) in bytes.enumerated() {
            if b == 0x0D || b == 0x09 { return nil }
            if b == 0x0A { lines.append(start..<i); start = i + 1 }
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return nil }
        var n = 0
        while n < lines.count {
            let line = bytes[lines[n]]
            n += 1
            guard let first = line.first else { continue }
            if first == 0x23 { continue }  // comment
            if first == 0x20 {
                // Blank lines are fine; any other indented line outside a block: not the subset.
                if line.allSatisfy({ $0 == 0x20 }) { continue }
                return nil
            }
            // key: [A-Za-z0-9._-]+ then ':' and a space or the line's end.
            var k = line.startIndex
            while k < line.endIndex, isKeyByte(line[k]) { k += 1 }
            guard k > line.startIndex, k < line.endIndex, line[k] == 0x3A else { return nil }
            let key = String(decoding: line[line.startIndex..<k], as: UTF8.self)
            k += 1
            guard k == line.endIndex || line[k] == 0x20 else { return nil }
            while k < line.endIndex && line[k] == 0x20 { k += 1 }
            var valueEnd = line.endIndex
            while valueEnd > k && line[valueEnd - 1] == 0x20 { valueEnd -= 1 }
            let value = line[k..<valueEnd]
            guard let v = value.first else { return nil }  // `key:` alone is null, not a string
            if v == 0x22 {
                guard let s = doubleQuoted(line[k..<line.endIndex]) else { return nil }
                out[key] = s
            } else if v == 0x7C {
                guard value.count == 1 else { return nil }
                // The block: following lines that are blank or indented.
                var block: [ArraySlice<UInt8>] = []
                while n < lines.count {
                    let l = bytes[lines[n]]
                    if let f = l.first, f != 0x20 { break }
                    block.append(l)
                    n += 1
                }
                guard let s = literal(block) else { return nil }
                out[key] = s
            } else {
                guard let s = plain(value) else { return nil }
                out[key] = s
            }
        }
        return out
    }

    private static func isKeyByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2E || b == 0x5F || b == 0x2D
    }

    /// A plain scalar on one line: nothing that YAML would read otherwise.
    private static func plain(_ v: ArraySlice<UInt8>) -> String? {
        guard let f = v.first, !"-?:,[]{}#&*!|>'\"%@`~".utf8.contains(f) else { return nil }
        var prev: UInt8 = 0
        for b in v {
            if (prev == 0x3A && b == 0x20) || (prev == 0x20 && b == 0x23) { return nil }
            prev = b
        }
        if prev == 0x3A { return nil }
        let s = String(decoding: v, as: UTF8.self)
        // Words YAML might resolve to another type are left to Yams (whose `string` is the same
        // text, but better safe).
        if ["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "yes", "no", "on", "off"].contains(s) { return nil }
        if v.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2B || $0 == 0x2D || $0 == 0x65 || $0 == 0x45 }) { return nil }
        return s
    }

    /// `"…"` on one line, with `\"`, `\\`, `\n`, `\t`, `\/` escapes, then nothing but spaces
    /// or a comment.
    private static func doubleQuoted(_ v: ArraySlice<UInt8>) -> String? {
        // Without escapes (most messages): the text between the quotes as it is.
        if let close = v[(v.startIndex + 1)...].firstIndex(of: 0x22), !v[(v.startIndex + 1)..<close].contains(0x5C) {
            var j = close + 1
            while j < v.endIndex && v[j] == 0x20 { j += 1 }
            if j < v.endIndex && !(v[j] == 0x23 && j > close + 1) { return nil }
            return String(decoding: v[(v.startIndex + 1)..<close], as: UTF8.self)
        }
        var out: [UInt8] = []
        var i = v.startIndex + 1
        while i < v.endIndex {
            let b = v[i]
            if b == 0x22 { break }
            if b == 0x5C {
                guard i + 1 < v.endIndex else { return nil }
                switch v[i + 1] {
                case 0x22: out.append(0x22)
                case 0x5C: out.append(0x5C)
                case 0x2F: out.append(0x2F)
                case 0x6E: out.append(0x0A)
                case 0x74: out.append(0x09)
                default: return nil
                }
                i += 2
                continue
            }
            out.append(b)
            i += 1
        }
        guard i < v.endIndex else { return nil }  // no closing quote on the line
        var j = i + 1
        while j < v.endIndex && v[j] == 0x20 { j += 1 }
        if j < v.endIndex && !(v[j] == 0x23 && j > i + 1) { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// A `|` block (clip chomping): its lines less the first content line's indentation, one
    /// final newline.
    private static func literal(_ block: [ArraySlice<UInt8>]) -> String? {
        var lines = block
        while let l = lines.last, l.allSatisfy({ $0 == 0x20 }) { lines.removeLast() }
        guard let firstContent = lines.first(where: { !$0.allSatisfy { $0 == 0x20 } }) else { return "" }
        let indent = firstContent.prefix { $0 == 0x20 }.count
        var out: [UInt8] = []
        for (k, l) in lines.enumerated() {
            if l.allSatisfy({ $0 == 0x20 }) {
                // Blank lines before the first content line must not be longer than its indentation.
                if l.count > indent { return nil }
            } else {
                guard l.prefix(indent).allSatisfy({ $0 == 0x20 }), l.count > indent else { return nil }
                out += l.dropFirst(indent)
            }
            if k + 1 < lines.count { out.append(0x0A) }
        }
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }
}
