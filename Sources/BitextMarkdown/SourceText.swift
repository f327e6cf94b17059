/// Why a file cannot be read as a Markdown document.
public enum SourceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Bytes that are not UTF-8, at a 1-based line and a 0-based byte offset in the file.
    case invalidUTF8(path: String, line: Int, byteOffset: Int)
    /// NUL bytes or other control characters that only binary files hold.
    case binary(path: String, line: Int)

    public var description: String {
        switch self {
        case .invalidUTF8(let path, let line, let offset):
            return "\(path):\(line): not valid UTF-8 (byte offset \(offset)); convert the file to UTF-8"
        case .binary(let path, let line):
            return "\(path):\(line): looks like a binary file (NUL byte), not Markdown"
        }
    }
}

/// A position in a file: 1-based line, 1-based column counted in Unicode code points.
public struct TextPosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public static func < (a: TextPosition, b: TextPosition) -> Bool {
        a.line != b.line ? a.line < b.line : a.column < b.column
    }
    public var description: String { "\(line):\(column)" }
}

/// The text of one file, validated as UTF-8, with the line table every position is computed from.
///
/// A UTF-8 byte-order mark is not part of the text: column 1 of line 1 is the character after it.
/// CRLF line endings are kept; the carriage return belongs to the line break, not to a column.
public struct SourceText: Sendable {
    /// The path as the user gave it.
    public let path: String
    /// The UTF-8 bytes after any byte-order mark.
    /// The file's bytes after the byte-order mark, a lone CR (an old Mac line ending, a line
    /// break for CommonMark too) read as LF, so that lines are those cmark-gfm counts.
    public let bytes: [UInt8]
    /// The bytes as in the file (after the byte-order mark): what `--fix` writes back around its
    /// replacements. The same as `bytes` unless the file has lone CRs.
    public let originalBytes: [UInt8]
    public let hasByteOrderMark: Bool
    /// Byte offset of the first byte of each line; `lineStarts[0]` is line 1.
    public let lineStarts: [Int]
    /// Lines that hold only ASCII, where byte columns and code-point columns agree.
    let asciiLines: [Bool]

    public init(path: String, bytes raw: [UInt8]) throws(SourceError) {
        self.path = path
        var bytes = raw
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            bytes.removeFirst(3)
            hasByteOrderMark = true
        } else {
            hasByteOrderMark = false
        }
        let n = bytes.count
        // (The loop's state is the closure's own: captured from here, every line's appends loaded
        // and stored it through memory.)
        let (starts, ascii, loneCR) = try bytes.withUnsafeBufferPointer {
            (b: UnsafeBufferPointer<UInt8>) throws(SourceError) -> ([Int], [Bool], [Int]) in
            var starts = [0]
            var ascii: [Bool] = []
            var loneCR: [Int] = []
            starts.reserveCapacity(n / 40 + 1)
            ascii.reserveCapacity(n / 40 + 1)
            var lineASCII = true
            var i = 0
            guard let base = UnsafeRawPointer(b.baseAddress) else { return (starts, [lineASCII], loneCR) }
            while i < n {
                // Printable ASCII eight bytes at a time, on to the first byte that is not: a byte
                // is flagged when its high bit is set or when adding 0x60 leaves the high bit clear
                // (it is below 0x20). A flagged byte's carry only reaches bytes above it, so the
                // lowest flag is exact.
                while i &+ 8 <= n {
                    let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let flagged = (w | ~(w &+ 0x6060_6060_6060_6060)) & 0x8080_8080_8080_8080
                    if flagged == 0 { i &+= 8; continue }
                    i &+= flagged.trailingZeroBitCount &>> 3
                    break
                }
                if i >= n { break }
                let c = b[i]
                if c &- 0x20 < 0x60 { i &+= 1; continue }
                // A three-byte character (Han, CJK punctuation), the usual non-ASCII case.
                if c & 0xF0 == 0xE0 && i + 2 < n {
                    // Han text is runs of them: take the whole run here, two at a time (six of
                    // eight bytes) while their leads are neither E0 nor ED, which need their second
                    // byte checked (overlong forms, surrogates); those one at a time.
                    var j = i
                    while j &+ 8 <= n {
                        let w = base.loadUnaligned(fromByteOffset: j, as: UInt64.self)
                        guard w & 0x0000_C0C0_F0C0_C0F0 == 0x0000_8080_E080_80E0,
                              (0x2001 as UInt64) &>> (w & 0x0F) & 1 == 0,
                              (0x2001 as UInt64) &>> (w &>> 24 & 0x0F) & 1 == 0 else { break }
                        j &+= 6
                    }
                    while j + 2 < n {
                        let c0 = b[j], c1 = b[j + 1]
                        guard c0 & 0xF0 == 0xE0, c1 & 0xC0 == 0x80, b[j + 2] & 0xC0 == 0x80,
                              !(c0 == 0xE0 && c1 < 0xA0), !(c0 == 0xED && c1 >= 0xA0) else { break }
                        j += 3
                    }
                    if j > i {
                        lineASCII = false
                        i = j
                        continue
                    }
                }
                if c < 0x80 {
                    if c == 0x0A || (c == 0x0D && (i + 1 == n || b[i + 1] != 0x0A)) {
                        if c == 0x0D { loneCR.append(i) }
                        ascii.append(lineASCII)
                        lineASCII = true
                        starts.append(i + 1)
                    } else if c == 0 {
                        throw .binary(path: path, line: starts.count)
                    }
                    i += 1
                    continue
                }
                lineASCII = false
                let len: Int
                if c & 0xE0 == 0xC0 && c >= 0xC2 { len = 2 }
                else if c & 0xF0 == 0xE0 { len = 3 }
                else if c & 0xF8 == 0xF0 && c <= 0xF4 { len = 4 }
                else { throw .invalidUTF8(path: path, line: starts.count, byteOffset: i + (raw.count - n)) }
                if i + len > n { throw .invalidUTF8(path: path, line: starts.count, byteOffset: i + (raw.count - n)) }
                for k in 1..<len where b[i + k] & 0xC0 != 0x80 {
                    throw .invalidUTF8(path: path, line: starts.count, byteOffset: i + (raw.count - n))
                }
                // Overlong three-byte forms, surrogates, and values past U+10FFFF.
                if len == 3 {
                    let c1 = b[i + 1]
                    if (c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) {
                        throw .invalidUTF8(path: path, line: starts.count, byteOffset: i + (raw.count - n))
                    }
                } else if len == 4 {
                    let c1 = b[i + 1]
                    if (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90) {
                        throw .invalidUTF8(path: path, line: starts.count, byteOffset: i + (raw.count - n))
                    }
                }
                i += len
            }
            ascii.append(lineASCII)
            return (starts, ascii, loneCR)
        }
        originalBytes = bytes
        for k in loneCR { bytes[k] = 0x0A }
        self.bytes = bytes
        self.lineStarts = starts
        self.asciiLines = ascii
    }

    public init(path: String, text: String) {
        // A Swift String is valid UTF-8 and holds no invalid bytes; NUL is still refused by callers.
        self = (try? SourceText(path: path, bytes: Array(text.utf8)))
            ?? (try! SourceText(path: path, bytes: Array(text.replacingNUL.utf8)))
    }

    public var lineCount: Int { lineStarts.count }

    /// Byte range of a 1-based line, without its line break (LF or CRLF).
    public func lineByteRange(_ line: Int) -> Range<Int> {
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start && bytes[end - 1] == 0x0D && line < lineStarts.count { end -= 1 }
        return start..<max(start, end)
    }

    /// The code-point column of a byte column (both 1-based) on a line.
    public func column(line: Int, byteColumn: Int) -> Int {
        if asciiLines[line - 1] { return byteColumn }
        let start = lineStarts[line - 1]
        let end = min(start + byteColumn - 1, bytes.count)
        guard start < end else { return 1 }
        // 1 + the bytes before it that start a character.
        return 1 + characterCount(start..<end)
    }

    /// The byte offset in `bytes` of a code-point position.
    public func byteOffset(of p: TextPosition) -> Int {
        let start = lineStarts[p.line - 1]
        if asciiLines[p.line - 1] { return start + p.column - 1 }
        var i = start
        var col = 1
        while col < p.column && i < bytes.count {
            i += 1
            while i < bytes.count && bytes[i] & 0xC0 == 0x80 { i += 1 }
            col += 1
        }
        return i
    }

    /// The position of a byte offset that starts a character.
    public func position(ofByte offset: Int) -> TextPosition {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        let line = lo + 1
        return TextPosition(line: line, column: column(line: line, byteColumn: offset - lineStarts[lo] + 1))
    }

    /// Code points of a byte range.
    public func scalars(_ range: Range<Int>) -> [UInt32] {
        if range.isEmpty { return [] }
        // Exactly as long as it needs to be (a Han character is three bytes but one code point).
        // (A range that starts inside a character decodes its continuation bytes as characters.)
        let n = bytes[range.lowerBound] & 0xC0 == 0x80 ? range.count : characterCount(range)
        return Array(unsafeUninitializedCapacity: n) { out, count in
            count = decode(range, into: out.baseAddress!)
        }
    }

    /// How many code points the bytes of a range (of whole characters) hold: the bytes that are
    /// not continuation bytes, counted eight at a time.
    func characterCount(_ range: Range<Int>) -> Int {
        bytes.withUnsafeBufferPointer { b in
            let base = UnsafeRawPointer(b.baseAddress!)
            var i = range.lowerBound
            let end = range.upperBound
            var continuation = 0
            while i + 8 <= end {
                let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                // A continuation byte is 10xxxxxx: bit 7 set, bit 6 clear.
                continuation &+= continuationBytes(w)
                i += 8
            }
            while i < end {
                if b[i] & 0xC0 == 0x80 { continuation &+= 1 }
                i += 1
            }
            return range.count - continuation
        }
    }

    /// Code points of a byte range, decoded into `scratch` (grown as needed) and copied into
    /// an array of their exact length, with the ASCII characters (and `→`) they hold.
    func scalars(_ range: Range<Int>, scratch: inout DecodeScratch, presence: inout TextMasks.CharPresence) -> [UInt32] {
        let n = decode(range, into: &scratch, presence: &presence)
        return Array(UnsafeBufferPointer(start: scratch.base, count: n))
    }

    /// Decodes the code points of a byte range into `scratch.base` (grown as needed, at least
    /// `range.count` long afterwards), noting the ASCII characters (and `→`) they hold; returns
    /// how many.
    func decode(_ range: Range<Int>, into scratch: inout DecodeScratch, presence: inout TextMasks.CharPresence) -> Int {
        presence = TextMasks.CharPresence()
        if range.isEmpty { return 0 }
        scratch.reserve(range.count)
        let out = scratch.base
        let (n, low, high, arrow) = bytes.withUnsafeBufferPointer { b in
            let base = UnsafeRawPointer(b.baseAddress!)
            var low: UInt64 = 0, high: UInt64 = 0, arrow = false
            var k = 0
            var i = range.lowerBound
            let end = range.upperBound
            @inline(__always) func note(_ c: UInt64) {
                if c < 0x40 { low |= 1 &<< c } else { high |= 1 &<< (c &- 0x40) }
            }
            while i < end {
                // ASCII eight bytes at a time while no high bit is set.
                while i &+ 8 <= end {
                    var w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    guard w & 0x8080_8080_8080_8080 == 0 else { break }
                    // Widened in one vector store (two SSE2 unpacks), not eight stores; `out` has
                    // room for it as for those: `k + 8` is at most the `i + 8 - range.lowerBound`
                    // bytes read, at most `range.count`.
                    UnsafeMutableRawPointer(out + k).storeBytes(
                        of: SIMD8<UInt32>(truncatingIfNeeded: unsafeBitCast(w, to: SIMD8<UInt8>.self)), as: SIMD8<UInt32>.self)
                    for _ in 0..<8 {
                        note(w & 0xFF)
                        w &>>= 8
                    }
                    k &+= 8
                    i &+= 8
                }
                if i >= end { break }
                let c = UInt32(b[i])
                if c < 0x80 {
                    note(UInt64(c))
                    out[k] = c; i &+= 1
                } else if c >= 0xE0 && c < 0xF0 {
                    // Han text is runs of three-byte characters: the whole run here, two a word
                    // while the next eight bytes start with two of them.
                    var j = i
                    while j &+ 8 <= end {
                        let w = base.loadUnaligned(fromByteOffset: j, as: UInt64.self)
                        guard w & 0x0000_C0C0_F0C0_C0F0 == 0x0000_8080_E080_80E0 else { break }
                        let w1 = w &>> 24
                        let v0 = UInt32(truncatingIfNeeded: (w & 0x0F) &<< 12 | (w &>> 2 & 0x0FC0) | (w &>> 16 & 0x3F))
                        let v1 = UInt32(truncatingIfNeeded: (w1 & 0x0F) &<< 12 | (w1 &>> 2 & 0x0FC0) | (w1 &>> 16 & 0x3F))
                        if v0 == 0x2192 || v1 == 0x2192 { arrow = true }
                        out[k] = v0
                        out[k &+ 1] = v1
                        k &+= 2
                        j &+= 6
                    }
                    while j < end && b[j] & 0xF0 == 0xE0 {
                        let v = (UInt32(b[j]) & 0x0F) << 12 | UInt32(b[j &+ 1] & 0x3F) << 6 | UInt32(b[j &+ 2] & 0x3F)
                        if v == 0x2192 { arrow = true }
                        out[k] = v; k &+= 1
                        j &+= 3
                    }
                    i = j
                    continue
                } else if c < 0xE0 { out[k] = (c & 0x1F) << 6 | UInt32(b[i &+ 1] & 0x3F); i &+= 2 }
                else {
                    out[k] = (c & 0x07) << 18 | UInt32(b[i &+ 1] & 0x3F) << 12 | UInt32(b[i &+ 2] & 0x3F) << 6
                        | UInt32(b[i &+ 3] & 0x3F); i &+= 4
                }
                k &+= 1
            }
            return (k, low, high, arrow)
        }
        presence = TextMasks.CharPresence(low: low, high: high, arrow: arrow)
        return n
    }

    /// The position of a byte offset that starts a character, on line `line` (1-based) or a
    /// later one: counted on from there (a block's lines) instead of searched for.
    func position(ofByte offset: Int, fromLine line: Int) -> TextPosition {
        guard line >= 1, line <= lineStarts.count, lineStarts[line - 1] <= offset else { return position(ofByte: offset) }
        var l = line
        while l < lineStarts.count && lineStarts[l] <= offset { l += 1 }
        return TextPosition(line: l, column: column(line: l, byteColumn: offset - lineStarts[l - 1] + 1))
    }

    /// Writes the code points of a byte range (at most `range.count`) and returns how many.
    private func decode(_ range: Range<Int>, into out: UnsafeMutablePointer<UInt32>) -> Int {
        bytes.withUnsafeBufferPointer { SourceText.decodeUTF8(UnsafeBufferPointer(rebasing: $0[range]), into: out) }
    }

    /// Writes the code points of valid UTF-8 (at most `b.count` of them) and returns how many.
    public static func decodeUTF8(_ b: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt32>) -> Int {
        var k = 0
        var i = 0
        let end = b.count
        while i < end {
            let c = UInt32(b[i])
            if c < 0x80 { out[k] = c; i += 1 }
            else if c < 0xE0 { out[k] = (c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F); i += 2 }
            else if c < 0xF0 {
                out[k] = (c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F); i += 3
            } else {
                out[k] = (c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
                    | UInt32(b[i + 3] & 0x3F); i += 4
            }
            k += 1
        }
        return k
    }

    /// The text between two positions, the end inclusive (a reported span).
    public func slice(from start: TextPosition, through end: TextPosition) -> String {
        let a = byteOffset(of: start)
        var b = byteOffset(of: end)
        if b < bytes.count {
            b += 1
            while b < bytes.count && bytes[b] & 0xC0 == 0x80 { b += 1 }
        }
        guard a <= b else { return "" }
        return String(decoding: bytes[a..<b], as: UTF8.self)
    }

    /// The whole text as a String.
    public var string: String { String(decoding: bytes, as: UTF8.self) }
}

extension String {
    var replacingNUL: String { String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\0" ? "\u{FFFD}" : $0 })) }
}

/// Turns code points back into a String.
public func makeString<C: Collection>(_ scalars: C) -> String where C.Element == UInt32 {
    if let s = scalars.withContiguousStorageIfAvailable({ makeString(buffer: $0) }) { return s }
    return Array(scalars).withUnsafeBufferPointer { makeString(buffer: $0) }
}

/// Writes the UTF-8 of code point `c` at `out` (U+FFFD for a surrogate, nothing for a value past
/// U+10FFFF) and returns how many bytes: at most four.
@inline(__always)
public func writeUTF8(_ c: UInt32, _ out: UnsafeMutablePointer<UInt8>) -> Int {
    if c < 0x80 {
        out[0] = UInt8(c); return 1
    } else if c < 0x800 {
        out[0] = UInt8(0xC0 | (c >> 6)); out[1] = UInt8(0x80 | (c & 0x3F)); return 2
    } else if c < 0x10000 {
        if c >= 0xD800 && c < 0xE000 {
            out[0] = 0xEF; out[1] = 0xBF; out[2] = 0xBD
        } else {
            out[0] = UInt8(0xE0 | (c >> 12)); out[1] = UInt8(0x80 | ((c >> 6) & 0x3F)); out[2] = UInt8(0x80 | (c & 0x3F))
        }
        return 3
    } else if c < 0x110000 {
        out[0] = UInt8(0xF0 | (c >> 18)); out[1] = UInt8(0x80 | ((c >> 12) & 0x3F))
        out[2] = UInt8(0x80 | ((c >> 6) & 0x3F)); out[3] = UInt8(0x80 | (c & 0x3F)); return 4
    }
    return 0
}

/// ``makeString(_:)`` of contiguous code points: the UTF-8 length first, then the bytes written
/// straight into the string's storage (a surrogate becomes U+FFFD, a value past U+10FFFF nothing).
private func makeString(buffer: UnsafeBufferPointer<UInt32>) -> String {
    var length = 0
    for c in buffer {
        length &+= c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : c < 0x110000 ? 4 : 0
    }
    if length == 0 { return "" }
    return String(unsafeUninitializedCapacity: length) { out in
        var k = 0
        for c in buffer { k &+= writeUTF8(c, out.baseAddress! + k) }
        return k
    }
}

/// How many of the eight bytes of `w` are UTF-8 continuation bytes (10xxxxxx): bit 7 set and
/// bit 6 clear, one flag a byte, summed by a multiplication (no popcount on baseline x86-64).
@inline(__always) func continuationBytes(_ w: UInt64) -> Int {
    let flags = (w & ~(w << 1) & 0x8080_8080_8080_8080) >> 7
    return Int((flags &* 0x0101_0101_0101_0101) >> 56)
}

/// The offset of the character `count` characters on from the one that starts at byte `offset`
/// of `bytes` (valid UTF-8), or the end of `bytes`: character starts (the bytes that are not
/// continuation bytes) counted eight at a time while the one sought lies past them.
func offset(in bytes: UnsafeBufferPointer<UInt8>, _ count: Int, charactersFrom offset: Int) -> Int {
    guard count > 0, let base = UnsafeRawPointer(bytes.baseAddress) else { return offset }
    var i = offset, left = count
    while i &+ 8 <= bytes.count {
        let starts = 8 &- continuationBytes(base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
        guard starts < left else { break }
        left &-= starts
        i &+= 8
    }
    while i < bytes.count {
        if bytes[i] & 0xC0 != 0x80 {
            if left == 0 { return i }
            left &-= 1
        }
        i &+= 1
    }
    return i
}

/// Buffers reused while a document is read (freed by its owner with `free()`): code points,
/// and a role for each.
struct DecodeScratch {
    private(set) var base: UnsafeMutablePointer<UInt32>
    private(set) var roles: UnsafeMutablePointer<Role>
    private var capacity: Int

    init() {
        capacity = 1024
        base = .allocate(capacity: capacity)
        roles = .allocate(capacity: capacity)
    }

    /// Makes both buffers at least `n` long (their contents are lost when they grow).
    mutating func reserve(_ n: Int) {
        guard n > capacity else { return }
        base.deallocate()
        roles.deallocate()
        capacity = max(n, capacity * 2)
        base = .allocate(capacity: capacity)
        roles = .allocate(capacity: capacity)
    }

    func free() {
        base.deallocate()
        roles.deallocate()
    }
}
