/// A JSON value whose objects keep their keys in the order they were written, so output is
/// byte-for-byte reproducible.
public indirect enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    public static func == (a: JSON, b: JSON) -> Bool { a.serialized() == b.serialized() }

    /// Serialises compactly, or with two-space indentation when `pretty`.
    /// `indent` is the nesting level the value is written at (for pieces of a larger document).
    public func serialized(pretty: Bool = true, indent: Int = 0) -> String {
        var out = ""
        write(&out, pretty: pretty, indent: indent)
        return out
    }

    /// A document written in pieces: the pretty serialisation of `skeleton` split around the
    /// empty array under `key`, and how to write each element, so that the pieces put together
    /// are exactly the serialisation of the skeleton with the elements in that array.
    public struct Splice: Sendable {
        public let head: String
        public let tail: String
        let level: Int
        private var count = 0

        public init(_ skeleton: JSON, key: String) {
            let text = skeleton.serialized()
            var marker = ""
            JSON.quote(key, into: &marker)
            marker += ": []"
            guard let r = text.range(of: marker) else { preconditionFailure("no empty array under \(key)") }
            let lineStart = text[..<r.lowerBound].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
            level = text[lineStart..<r.lowerBound].prefix { $0 == " " }.count / 2
            head = String(text[..<r.upperBound].dropLast())
            tail = String(text[r.upperBound...])
        }

        /// An element of the array.
        public mutating func element(_ value: JSON) -> String {
            defer { count += 1 }
            return (count > 0 ? "," : "") + "\n" + String(repeating: "  ", count: level + 1) + value.serialized(indent: level + 1)
        }

        /// What closes the array (then `tail`).
        public var close: String { count > 0 ? "\n" + String(repeating: "  ", count: level) + "]" : "]" }
    }

    private func write(_ out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d):
            if d.isNaN || d.isInfinite { out += "null" }
            else if d == d.rounded() && abs(d) < 1e15 { out += String(Int(d)) + ".0" }
            else { out += String(d) }
        case .string(let s): JSON.quote(s, into: &out)
        case .array(let a):
            if a.isEmpty { out += "[]"; return }
            // Arrays of scalars and small objects stay on one line.
            let inline = !pretty || a.allSatisfy { $0.isCompact }
            out += "["
            for (k, v) in a.enumerated() {
                if k > 0 { out += inline && pretty ? ", " : "," }
                if !inline { out += "\n" + String(repeating: "  ", count: indent + 1) }
                v.write(&out, pretty: pretty && !inline, indent: indent + 1)
            }
            if !inline { out += "\n" + String(repeating: "  ", count: indent) }
            out += "]"
        case .object(let o):
            if o.isEmpty { out += "{}"; return }
            let inline = !pretty || isCompact
            out += "{"
            for (k, (key, v)) in o.enumerated() {
                if k > 0 { out += inline && pretty ? ", " : "," }
                if !inline { out += "\n" + String(repeating: "  ", count: indent + 1) }
                JSON.quote(key, into: &out)
                out += pretty ? ": " : ":"
                v.write(&out, pretty: pretty && !inline, indent: indent + 1)
            }
            if !inline { out += "\n" + String(repeating: "  ", count: indent) }
            out += "}"
        }
    }

    /// Scalars, and objects of at most six scalar fields.
    private var isCompact: Bool {
        switch self {
        case .array(let a): return a.isEmpty
        case .object(let o):
            return o.count <= 6 && o.allSatisfy { v in
                switch v.1 {
                case .array, .object: return false
                case .string(let s): return s.count <= 60
                default: return true
                }
            }
        default: return true
        }
    }

    static func quote(_ s: String, into out: inout String) {
        out += "\""
        // Copy runs of characters that need no escape in one piece.
        var utf8 = Array(s.utf8)
        var escaped: [UInt8] = []
        escaped.reserveCapacity(utf8.count + 8)
        var i = 0
        let n = utf8.count
        while i < n {
            let b = utf8[i]
            switch b {
            case 0x22: escaped += [0x5C, 0x22]
            case 0x5C: escaped += [0x5C, 0x5C]
            case 0x0A: escaped += [0x5C, 0x6E]
            case 0x0D: escaped += [0x5C, 0x72]
            case 0x09: escaped += [0x5C, 0x74]
            case 0xE2 where i + 2 < n && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                // U+2028 and U+2029 break JavaScript string literals.
                escaped += Array((utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                i += 3
                continue
            default:
                if b < 0x20 {
                    let h = String(b, radix: 16)
                    escaped += Array(("\\u" + String(repeating: "0", count: 4 - h.count) + h).utf8)
                } else {
                    escaped.append(b)
                }
            }
            i += 1
        }
        utf8 = []
        out += String(decoding: escaped, as: UTF8.self)
        out += "\""
    }
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
