/// YAML (`---`) or TOML (`+++`) front matter at the top of a file.
///
/// Only the values of translatable keys (`title`, `description` by default) are units; every
/// other key, and every key name, stays out of the text. Values may be plain, quoted, or YAML
/// block scalars (`|`, `>`) over several lines.
struct FrontMatter {
    /// Lines 1…`endLine` (1-based, inclusive) are front matter, fences included.
    var endLine: Int
    /// Each translatable value: key, byte range of the value's text.
    var values: [(key: String, range: Range<Int>)]

    static func find(in source: SourceText, keys: Set<String>) -> FrontMatter? {
        guard source.lineCount >= 2 else { return nil }
        let first = line(source, 1)
        let toml = first == "+++"
        guard first == "---" || toml else { return nil }
        var end = 0
        for l in 2...source.lineCount {
            let t = line(source, l)
            if (!toml && (t == "---" || t == "...")) || (toml && t == "+++") { end = l; break }
        }
        guard end > 0 else { return nil }
        var values: [(String, Range<Int>)] = []
        var l = 2
        while l < end {
            let range = source.lineByteRange(l)
            let bytes = source.bytes[range]
            // Top-level keys only: no indentation.
            guard let f = bytes.first, f != 0x20, f != 0x09, f != 0x23,
                  let sep = bytes.firstIndex(of: toml ? 0x3D : 0x3A) else { l += 1; continue }
            let key = String(decoding: source.bytes[range.lowerBound..<sep], as: UTF8.self).trimmingASCIISpaces
            guard keys.contains(key) else { l += 1; continue }
            var v = sep + 1
            while v < range.upperBound && (source.bytes[v] == 0x20 || source.bytes[v] == 0x09) { v += 1 }
            var e = range.upperBound
            while e > v && (source.bytes[e - 1] == 0x20 || source.bytes[e - 1] == 0x09) { e -= 1 }
            if v == e || source.bytes[v] == 0x7C || source.bytes[v] == 0x3E {
                // Block scalar, or a value on the following indented lines.
                var k = l + 1
                var firstByte: Int? = nil
                var lastByte = 0
                while k < end {
                    let r = source.lineByteRange(k)
                    let lb = source.bytes[r]
                    let blank = lb.allSatisfy { $0 == 0x20 || $0 == 0x09 }
                    if !blank && !(lb.first == 0x20 || lb.first == 0x09) { break }
                    if !blank {
                        var s = r.lowerBound
                        while s < r.upperBound && (source.bytes[s] == 0x20 || source.bytes[s] == 0x09) { s += 1 }
                        var t = r.upperBound
                        while t > s && (source.bytes[t - 1] == 0x20 || source.bytes[t - 1] == 0x09) { t -= 1 }
                        if firstByte == nil { firstByte = s }
                        lastByte = t
                    }
                    k += 1
                }
                if let fb = firstByte, lastByte > fb { values.append((key, fb..<lastByte)) }
                l = k
                continue
            }
            let q = source.bytes[v]
            if (q == 0x22 || q == 0x27) && e - v >= 2 && source.bytes[e - 1] == q {
                if e - 1 > v + 1 { values.append((key, (v + 1)..<(e - 1))) }
            } else if q != 0x5B && q != 0x7B && q != 0x26 && q != 0x2A {  // not [ { & *
                // A plain scalar ends before a comment.
                var stop = e
                var k = v
                while k < e {
                    if source.bytes[k] == 0x23 && k > v && (source.bytes[k - 1] == 0x20 || source.bytes[k - 1] == 0x09) {
                        stop = k
                        while stop > v && (source.bytes[stop - 1] == 0x20 || source.bytes[stop - 1] == 0x09) { stop -= 1 }
                        break
                    }
                    k += 1
                }
                if stop > v { values.append((key, v..<stop)) }
            }
            l += 1
        }
        return FrontMatter(endLine: end, values: values)
    }

    private static func line(_ source: SourceText, _ l: Int) -> String {
        String(decoding: source.bytes[source.lineByteRange(l)], as: UTF8.self).trimmingASCIISpaces
    }
}
