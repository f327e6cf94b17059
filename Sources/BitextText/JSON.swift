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
        var out = Writer()
        write(into: &out, pretty: pretty, indent: indent)
        return out.string
    }

    /// Appends the serialisation as UTF-8 bytes (what `serialized` returns as a String).
    public func write(into out: inout Writer, pretty: Bool = true, indent: Int = 0) {
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
            marker += ": []".utf8
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
            var out = Writer(capacity: 512)
            if count > 0 { out.append(0x2C) }
            count += 1
            JSON.newline(level + 1, &out)
            value.write(into: &out, indent: level + 1)
            return out.string
        }

        /// An element of the array written by `write` at the indentation level it is given (for
        /// elements written field by field with `ObjectWriter`, without a value tree).
        public mutating func element(into out: inout Writer, _ write: (inout Writer, Int) -> Void) {
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
        public init(indent: Int, into out: inout Writer) {
            self.indent = indent
            out.append(0x7B)
        }

        private mutating func key(_ key: String, _ out: inout Writer) {
            if count > 0 { out.append(0x2C) }
            count += 1
            JSON.newline(indent + 1, &out)
            JSON.quote(key, into: &out)
            JSON.append(": ", &out)
        }

        /// A name known when compiling, which needs no escape: copied as it is, with the comma,
        /// line break and indentation before it, in one write.
        private mutating func key(_ key: StaticString, _ out: inout Writer) {
            let comma = count > 0 ? 1 : 0, spaces = 2 * (indent + 1), name = key.utf8CodeUnitCount
            count += 1
            out.write(count: comma + spaces + name + 5) { b in
                if comma == 1 { b[0] = 0x2C }
                b[comma] = 0x0A
                (b + comma + 1).initialize(repeating: 0x20, count: spaces)
                let q = b + comma + 1 + spaces
                q[0] = 0x22
                (q + 1).initialize(from: key.utf8Start, count: name)
                q[name + 1] = 0x22; q[name + 2] = 0x3A; q[name + 3] = 0x20
            }
        }

        public mutating func field(_ name: StaticString, _ value: String, into out: inout Writer) {
            key(name, &out)
            JSON.quote(value, into: &out)
        }

        public mutating func field(_ name: StaticString, _ value: Int, into out: inout Writer) {
            key(name, &out)
            JSON.append(value, &out)
        }

        /// `name: {"key": "value"}` (a finding's fix), laid out as `write` lays out that object,
        /// without building it.
        public mutating func field(_ name: StaticString, object key: StaticString, _ value: String, into out: inout Writer) {
            self.key(name, &out)
            if JSON.atMost60Characters(value) {
                JSON.append("{\"", &out)
                out.append(key.utf8Start, count: key.utf8CodeUnitCount)
                JSON.append("\": ", &out)
                JSON.quote(value, into: &out)
                out.append(0x7D)
            } else {
                var inner = ObjectWriter(indent: indent + 1, into: &out)
                inner.field(key, value, into: &out)
                inner.close(into: &out)
            }
        }

        public mutating func field(_ name: StaticString, _ value: JSON, into out: inout Writer) {
            key(name, &out)
            value.write(into: &out, pretty: true, indent: indent + 1)
        }

        /// A field whose name is known only when running.
        public mutating func field(named name: String, _ value: JSON, into out: inout Writer) {
            key(name, &out)
            switch value {
            case .string(let v): JSON.quote(v, into: &out)
            case .int(let v): JSON.append(v, &out)
            default: value.write(into: &out, pretty: true, indent: indent + 1)
            }
        }

        /// Closes the object; it must have more than six fields or a field that is not a short
        /// scalar, or `write` would have put it on one line.
        public func close(into out: inout Writer) {
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

    @inline(__always) private static func append(_ s: StaticString, _ out: inout Writer) {
        out.append(s.utf8Start, count: s.utf8CodeUnitCount)
    }

    private static func appendText(_ s: String, _ out: inout Writer) {
        var s = s
        s.withUTF8 { out.append($0.baseAddress, count: $0.count) }
    }

    private static func append(_ i: Int, _ out: inout Writer) {
        if i >= 0 && i < 10 { out.append(0x30 + UInt8(i)); return }
        guard i > 0 else { appendText(String(i), &out); return }
        // Decimal digits, as String(i) writes them, without making a String.
        var n = 1
        var v = i / 10
        while v > 0 { n += 1; v /= 10 }
        out.write(count: n) { d in
            v = i
            for k in stride(from: n - 1, through: 0, by: -1) { d[k] = 0x30 + UInt8(v % 10); v /= 10 }
        }
    }

    private static func newline(_ level: Int, _ out: inout Writer) {
        out.write(count: 1 + 2 * level) { b in
            b[0] = 0x0A
            (b + 1).initialize(repeating: 0x20, count: 2 * level)
        }
    }

    /// `s` quoted, as UTF-8 bytes.
    static func quote(_ s: String, into out: inout [UInt8]) {
        var w = Writer()
        quote(s, into: &w)
        w.append(to: &out)
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
    static func quote(_ s: String, into out: inout Writer) {
        out.append(0x22)
        // Native strings lend their UTF-8 as they are; others (bridged, rare here) are copied.
        if s.utf8.withContiguousStorageIfAvailable({ quoteBytes($0, into: &out) }) == nil {
            var s = s
            s.withUTF8 { quoteBytes($0, into: &out) }
        }
        out.append(0x22)
    }

    private static func quoteBytes(_ b: UnsafeBufferPointer<UInt8>, into out: inout Writer) {
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
            out.append(b.baseAddress! + run, count: i - run)
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
                let hex: StaticString = "0123456789abcdef"
                append("\\u00", &out)
                out.append(hex.utf8Start[Int(c >> 4)])
                out.append(hex.utf8Start[Int(c & 0xF)])
            }
            i += 1
            run = i
        }
        out.append(b.baseAddress.map { $0 + run }, count: n - run)
    }

    /// Bytes written through a pointer into storage grown by doubling, for writing a document
    /// in many small pieces: an array's `append` checks uniqueness and capacity at every call
    /// (about 16 instructions for a byte, 90 for a bulk append of any length), more than most
    /// pieces of JSON cost to copy.
    public struct Writer: ~Copyable {
        private var base: UnsafeMutablePointer<UInt8>
        private var capacity: Int
        public private(set) var count = 0

        public init(capacity: Int = 256) {
            self.capacity = max(16, capacity)
            base = .allocate(capacity: self.capacity)
        }

        deinit { base.deallocate() }

        /// Writes `n` bytes through `body`, which must set them all.
        @inline(__always) mutating func write(count n: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Void) {
            if count + n > capacity { grow(to: count + n) }
            body(base + count)
            count += n
        }

        @inline(never) private mutating func grow(to need: Int) {
            capacity = max(need, 2 * capacity)
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            bigger.initialize(from: base, count: count)
            base.deallocate()
            base = bigger
        }

        @inline(__always) mutating func append(_ byte: UInt8) {
            write(count: 1) { $0.pointee = byte }
        }

        @inline(__always) mutating func append(_ bytes: UnsafePointer<UInt8>?, count n: Int) {
            guard let bytes, n > 0 else { return }
            write(count: n) { $0.initialize(from: bytes, count: n) }
        }

        /// The bytes written, appended to `out`.
        public func append(to out: inout [UInt8]) {
            out.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
        }

        public var string: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }
    }
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
