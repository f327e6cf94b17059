import BitextMarkdown

/// A position as the Language Server Protocol counts it: 0-based line, 0-based UTF-16 code
/// unit on that line.
struct LSPPosition: Equatable, Comparable {
    var line: Int
    var character: Int

    static func < (a: LSPPosition, b: LSPPosition) -> Bool {
        a.line != b.line ? a.line < b.line : a.character < b.character
    }
}

/// The text of an open document as the editor has it (UTF-8), with the conversions between the
/// editor's positions (UTF-16 code units) and bitext's (code points, 1-based) and byte offsets.
///
/// Lines end at LF, CRLF or a lone CR, as in both the protocol and CommonMark, so line numbers
/// agree with the ones findings carry. A byte-order mark is a character for the editor (one
/// UTF-16 unit at the start of line 0) but not for bitext (column 1 is the character after it).
struct TextBuffer {
    private(set) var bytes: [UInt8]
    /// Byte offset of the start of each line.
    private(set) var lineStarts: [Int] = [0]

    init(_ text: String) {
        bytes = Array(text.utf8)
        indexLines()
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
        indexLines()
    }

    var hasByteOrderMark: Bool { bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF }
    var lineCount: Int { lineStarts.count }

    private mutating func indexLines() {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        let n = bytes.count
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            while i < n {
                let c = b[i]
                if c == 0x0A || (c == 0x0D && (i + 1 == n || b[i + 1] != 0x0A)) { starts.append(i + 1) }
                i += 1
            }
        }
        lineStarts = starts
    }

    /// Byte range of a 0-based line without its line break.
    func lineRange(_ line: Int) -> Range<Int> {
        let start = lineStarts[line]
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
        if end > start && bytes[end - 1] == 0x0A { end -= 1 }
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }

    /// The byte offset of an editor position. A character past the end of its line means the end
    /// of the line, a line past the end the end of the text (as the protocol asks); a position
    /// inside a surrogate pair falls back to the start of its character.
    func offset(of p: LSPPosition) -> Int {
        guard p.line >= 0 else { return 0 }
        guard p.line < lineStarts.count else { return bytes.count }
        let range = lineRange(p.line)
        var i = range.lowerBound
        var units = 0
        while i < range.upperBound {
            let len = UTF8Lengths.of(bytes[i])
            let w = len == 4 ? 2 : 1
            if units + w > p.character { break }
            units += w
            i += len
        }
        return min(i, range.upperBound)
    }

    /// The editor position of a byte offset (which starts a character, or is the end).
    func position(ofByte offset: Int) -> LSPPosition {
        let o = max(0, min(offset, bytes.count))
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= o { lo = mid } else { hi = mid - 1 }
        }
        let end = min(o, lineRange(lo).upperBound)
        var i = lineStarts[lo]
        var units = 0
        while i < end {
            let len = UTF8Lengths.of(bytes[i])
            units += len == 4 ? 2 : 1
            i += len
        }
        return LSPPosition(line: lo, character: units)
    }

    /// The byte offset of bitext's 1-based line and code-point column.
    func byteOffset(line: Int, column: Int) -> Int {
        guard line >= 1 else { return 0 }
        guard line <= lineStarts.count else { return bytes.count }
        var i = lineStarts[line - 1]
        if line == 1 && hasByteOrderMark { i = 3 }
        let end = line < lineStarts.count ? lineStarts[line] : bytes.count
        var col = 1
        while col < column && i < end {
            i += UTF8Lengths.of(bytes[i])
            col += 1
        }
        return min(i, bytes.count)
    }

    /// The byte range of a finding's span (end inclusive: the range runs past its last character).
    func byteRange(of span: Span) -> Range<Int> {
        let a = byteOffset(line: span.start.line, column: span.start.column)
        var b = byteOffset(line: span.end.line, column: span.end.column)
        if b < bytes.count { b += UTF8Lengths.of(bytes[b]) }
        return a..<max(a, min(b, bytes.count))
    }

    /// The bitext position (1-based line, code-point column) of a byte offset.
    func textPosition(ofByte offset: Int) -> TextPosition {
        let p = position(ofByte: offset)
        var i = lineStarts[p.line]
        if p.line == 0 && hasByteOrderMark { i = 3 }
        var col = 1
        let o = max(0, min(offset, bytes.count))
        while i < o {
            i += UTF8Lengths.of(bytes[i])
            col += 1
        }
        return TextPosition(line: p.line + 1, column: col)
    }

    func string(_ range: Range<Int>) -> String {
        let r = max(0, min(range.lowerBound, bytes.count))..<max(0, min(range.upperBound, bytes.count))
        return String(decoding: bytes[r], as: UTF8.self)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Replaces a byte range with new text (an incremental change from the editor).
    mutating func replace(_ range: Range<Int>, with text: String) {
        let lo = max(0, min(range.lowerBound, bytes.count))
        let hi = max(lo, min(range.upperBound, bytes.count))
        bytes.replaceSubrange(lo..<hi, with: Array(text.utf8))
        indexLines()
    }
}

enum UTF8Lengths {
    /// The length of the UTF-8 sequence a lead byte starts (1 for a stray continuation byte, so
    /// a walk always advances).
    @inline(__always) static func of(_ b: UInt8) -> Int {
        if b < 0xC0 { return 1 }
        if b < 0xE0 { return 2 }
        if b < 0xF0 { return 3 }
        return 4
    }
}
