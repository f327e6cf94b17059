/// A JSON value whose objects keep their keys in the order they were written, so output is
/// byte-for-byte reproducible. Not `indirect`: arrays and objects already hold their values in
/// array storage, and boxing every case cost an allocation per value.
public enum JSON: Sendable, Equatable {
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
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(into: &out, pretty: pretty, indent: indent)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the serialisation as UTF-8 bytes (what `serialized` returns as a String).
    public func write(into out: inout [UInt8], pretty: Bool = true, indent: Int = 0) {
        switch self {
        case .null: JSON.append("null", &out)
        case .bool(let b): JSON.append(b ? "true" : "false", &out)
        case .int(let i): JSON.append(i, &out)
        case .double(let d):
            if d.isNaN || d.isInfinite { JSON.append("null", &out) }
            else if d == d.rounded() && abs(d) < 1e15 { JSON.append(Int(d), &out); JSON.append(".0", &out) }
            else { JSON.appendText(String(d), &out) }
        case .string(let s): JSON.quote(s, into: &out)
        case .array(let a):
            if a.isEmpty { JSON.append("[]", &out); return }
            // Arrays of scalars and small objects stay on one line.
            let inline = !pretty || a.allSatisfy { $0.isCompact }
            out.append(0x5B)
            for k in a.indices {
                if k > 0 { JSON.append(inline && pretty ? ", " : ",", &out) }
                if !inline { JSON.newline(indent + 1, &out) }
                a[k].write(into: &out, pretty: pretty && !inline, indent: indent + 1)
            }
            if !inline { JSON.newline(indent, &out) }
            out.append(0x5D)
        case .object(let o):
            if o.isEmpty { JSON.append("{}", &out); return }
            let inline = !pretty || isCompact
            out.append(0x7B)
            for k in o.indices {
                if k > 0 { JSON.append(inline && pretty ? ", " : ",", &out) }
                if !inline { JSON.newline(indent + 1, &out) }
                JSON.quote(o[k].0, into: &out)
                JSON.append(pretty ? ": " : ":", &out)
                // Strings and integers (most values of a finding) written here: a call per value
                // copied and released the value.
                switch o[k].1 {
                case .string(let v): JSON.quote(v, into: &out)
                case .int(let v): JSON.append(v, &out)
                default: o[k].1.write(into: &out, pretty: pretty && !inline, indent: indent + 1)
                }
            }
            if !inline { JSON.newline(indent, &out) }
            out.append(0x7D)
        }
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
            var marker: [UInt8] = []
            JSON.quote(key, into: &marker)
            JSON.append(": []", &marker)
            guard let r = text.range(of: String(decoding: marker, as: UTF8.self)) else {
                preconditionFailure("no empty array under \(key)")
            }
            let lineStart = text[..<r.lowerBound].lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
            level = text[lineStart..<r.lowerBound].prefix { $0 == " " }.count / 2
            head = String(text[..<r.upperBound].dropLast())
            tail = String(text[r.upperBound...])
        }

        /// An element of the array.
        public mutating func element(_ value: JSON) -> String {
            var out: [UInt8] = []
            out.reserveCapacity(512)
            element(value, into: &out)
            return String(decoding: out, as: UTF8.self)
        }

        /// An element of the array, appended as UTF-8 bytes.
        public mutating func element(_ value: JSON, into out: inout [UInt8]) {
            if count > 0 { out.append(0x2C) }
            count += 1
            JSON.newline(level + 1, &out)
            value.write(into: &out, indent: level + 1)
        }

        /// An element of the array written by `write` at the indentation level it is given (for
        /// elements written field by field with `ObjectWriter`, without a value tree).
        public mutating func element(into out: inout [UInt8], _ write: (inout [UInt8], Int) -> Void) {
            if count > 0 { out.append(0x2C) }
            count += 1
            JSON.newline(level + 1, &out)
            write(&out, level + 1)
        }

        /// `n` elements that a copy of this splice holding no element yet wrote (ahead of their
        /// turn, on another thread), appended in turn: the bytes writing them here would give.
        public mutating func append(elements n: Int, written bytes: ArraySlice<UInt8>, into out: inout [UInt8]) {
            guard n > 0 else { return }
            if count > 0 { out.append(0x2C) }
            count += n
            out += bytes
        }

        /// What closes the array (then `tail`).
        public var close: String { count > 0 ? "\n" + String(repeating: "  ", count: level) + "]" : "]" }
    }

    /// An object written field by field, in the layout `write` gives an object that does not
    /// fit on one line (more than six fields, or a field that is not a short scalar): for
    /// objects made in bulk (a finding each), without building their value tree first.
    public struct ObjectWriter {
        let indent: Int
        private var count = 0

        /// Opens the object, at nesting level `indent`.
        public init(indent: Int, into out: inout [UInt8]) {
            self.indent = indent
            out.append(0x7B)
        }

        private mutating func key(_ key: String, _ out: inout [UInt8]) {
            if count > 0 { out.append(0x2C) }
            count += 1
            JSON.newline(indent + 1, &out)
            JSON.quote(key, into: &out)
            JSON.append(": ", &out)
        }

        /// A name known when compiling, which needs no escape: copied as it is. The comma, line
        /// break, indentation and quoted name are put together on the stack and appended at
        /// once (byte by byte, each of their twenty-odd bytes paid the array's checks).
        private mutating func key(_ key: StaticString, _ out: inout [UInt8]) {
            let spaces = 2 * (indent + 1), name = key.utf8CodeUnitCount
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: spaces + name + 6) { b in
                var k = 0
                if count > 0 { b[k] = 0x2C; k += 1 }
                b[k] = 0x0A; k += 1
                for _ in 0..<spaces { b[k] = 0x20; k += 1 }
                b[k] = 0x22; k += 1
                UnsafeMutableRawPointer(b.baseAddress! + k).copyMemory(from: key.utf8Start, byteCount: name)
                k += name
                b[k] = 0x22; b[k + 1] = 0x3A; b[k + 2] = 0x20
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[..<(k + 3)]))
            }
            count += 1
        }

        public mutating func field(_ name: StaticString, _ value: String, into out: inout [UInt8]) {
            key(name, &out)
            JSON.quote(value, into: &out)
        }

        public mutating func field(_ name: StaticString, _ value: Int, into out: inout [UInt8]) {
            key(name, &out)
            JSON.append(value, &out)
        }

        public mutating func field(_ name: StaticString, _ value: JSON, into out: inout [UInt8]) {
            key(name, &out)
            value.write(into: &out, pretty: true, indent: indent + 1)
        }

        /// A field whose name is known only when running.
        public mutating func field(named name: String, _ value: JSON, into out: inout [UInt8]) {
            key(name, &out)
            switch value {
            case .string(let v): JSON.quote(v, into: &out)
            case .int(let v): JSON.append(v, &out)
            default: value.write(into: &out, pretty: true, indent: indent + 1)
            }
        }

        /// Closes the object; it must have more than six fields or a field that is not a short
        /// scalar, or `write` would have put it on one line.
        public func close(into out: inout [UInt8]) {
            JSON.newline(indent, &out)
            out.append(0x7D)
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
                case .string(let s): return JSON.atMost60Characters(s)
                default: return true
                }
            }
        default: return true
        }
    }

    /// `s.count <= 60` without counting past 61 characters (or at all for short strings).
    private static func atMost60Characters(_ s: String) -> Bool {
        if s.utf8.count <= 60 { return true }
        var k = 0
        for _ in s {
            k += 1
            if k > 60 { return false }
        }
        return true
    }

    /// Byte by byte: the punctuation written here is a few bytes, and a bulk append costs more
    /// than that in checks before it copies.
    @inline(__always) private static func append(_ s: StaticString, _ out: inout [UInt8]) {
        let p = s.utf8Start
        for k in 0..<s.utf8CodeUnitCount { out.append(p[k]) }
    }

    private static func appendText(_ s: String, _ out: inout [UInt8]) { out.append(contentsOf: s.utf8) }

    private static func append(_ i: Int, _ out: inout [UInt8]) {
        if i >= 0 && i < 10 { out.append(0x30 + UInt8(i)); return }
        guard i > 0 else { appendText(String(i), &out); return }
        // Decimal digits, as String(i) writes them, without making a String.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var n = 0
        var v = i
        withUnsafeMutableBytes(of: &digits) { d in
            while v > 0 { d[23 - n] = 0x30 + UInt8(v % 10); v /= 10; n += 1 }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: d[(24 - n)...]))
        }
    }

    private static func newline(_ level: Int, _ out: inout [UInt8]) {
        out.append(0x0A)
        for _ in 0..<(2 * level) { out.append(0x20) }
    }

    static func quote(_ s: String, into out: inout String) {
        var bytes: [UInt8] = []
        quote(s, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// True when a byte of `w` is a control character, `"`, `\\` or 0xE2 (which may start U+2028
    /// or U+2029). Exact when false (the word tricks miss no byte; they may flag one too many).
    @inline(__always)
    static func needsLook(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        let below20 = (w &- ones &* 0x20) & ~w & highs != 0
        return below20 || hasZero(w ^ (ones &* 0x22)) || hasZero(w ^ (ones &* 0x5C)) || hasZero(w ^ (ones &* 0xE2))
    }

    /// Appends `s` as a JSON string literal; runs of characters that need no escape are copied
    /// in one piece.
    static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        // Native strings lend their UTF-8 as they are; others (bridged, rare here) are copied.
        if s.utf8.withContiguousStorageIfAvailable({ quoteBytes($0, into: &out) }) == nil {
            var s = s
            s.withUTF8 { quoteBytes($0, into: &out) }
        }
        out.append(0x22)
    }

    private static func quoteBytes(_ b: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let n = b.count
        var run = 0
        var i = 0
        while i < n {
            // Eight bytes at a time while none of them needs a look.
            if i + 8 <= n && !JSON.needsLook(UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            let c = b[i]
            if c >= 0x20 && c != 0x22 && c != 0x5C && c != 0xE2 { i += 1; continue }
            // U+2028 and U+2029 break JavaScript string literals.
            let separator = c == 0xE2 && i + 2 < n && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9)
            if c == 0xE2 && !separator { i += 1; continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
            switch c {
            case 0x22: append("\\\"", &out)
            case 0x5C: append("\\\\", &out)
            case 0x0A: append("\\n", &out)
            case 0x0D: append("\\r", &out)
            case 0x09: append("\\t", &out)
            case 0xE2:
                append(b[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", &out)
                i += 2
            default:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                append("\\u00", &out)
                out.append(hex[Int(c >> 4)])
                out.append(hex[Int(c & 0xF)])
            }
            i += 1
            run = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<n]))
    }
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
