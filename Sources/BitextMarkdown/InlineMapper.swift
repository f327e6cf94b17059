/// Maps cmark's inline events back onto the raw characters of a block, giving each character
/// its ``Role``.
///
/// cmark's inline positions are not exact enough to report from, so the mapper walks the raw
/// text with a cursor: text literals (UTF-8 in the parsed document's buffer, decoded as they are
/// matched) are matched character by character (escapes and entities allowed), code spans,
/// inline HTML and link syntax are consumed explicitly, and whatever no event claims (quote
/// markers and indentation on continuation lines, heading markers) stays `.structure`.
///
/// It reads and writes through buffers its caller holds (the document's scratch and the parsed
/// document's arrays, inside their `withUnsafe…` scope), and one mapper maps every leaf block of
/// a document in turn (``map(_:raw:roles:block:)``): a mapper of its own for each block cost an
/// allocation, retains and releases each.
struct InlineMapper {
    private(set) var raw = UnsafeBufferPointer<UInt32>(start: nil, count: 0)
    private(set) var roles = UnsafeMutableBufferPointer<Role>(start: nil, count: 0)
    /// The last block's links and comments.
    private(set) var links: [InlineLink] = []
    private(set) var comments: [(Range<Int>, String)] = []
    private let parsed: ParsedBuffers
    private var i = 0
    private var stack: [(style: LinkStyle, textStart: Int, destination: String, isImage: Bool)] = []
    private var textRole: Role = .content

    private enum LinkStyle { case bracket, angle, bare }

    /// How far the cursor may look ahead for the next expected character.
    private let window = 4096

    /// The file's bytes and the range of them `raw` was decoded from, when `raw` is exactly
    /// their characters: text literals are then matched byte by byte (UTF-8 is equal exactly
    /// when the characters are), else character by character.
    private let source: UnsafeBufferPointer<UInt8>
    private var sourceRange: Range<Int>?
    /// A character of `raw` and the byte in `source` where it starts, to count on from.
    private var cursorIndex = 0, cursorByte = 0

    /// A mapper for the blocks of a parsed document whose file's bytes are `source`.
    init(parsed: ParsedBuffers, source: UnsafeBufferPointer<UInt8>) {
        self.parsed = parsed
        self.source = source
    }

    /// Maps a block's inline events onto its characters. `roles` holds one role per character
    /// of `raw`, all `.structure`. `source[block]`, if given, is what `raw` was decoded from,
    /// starting on a character.
    mutating func map(_ events: Range<Int>, raw: UnsafeBufferPointer<UInt32>, roles: UnsafeMutableBufferPointer<Role>,
                      block: Range<Int>?) {
        self.raw = raw
        self.roles = roles
        sourceRange = block
        cursorIndex = 0
        cursorByte = block?.lowerBound ?? 0
        i = 0
        textRole = .content
        if !links.isEmpty { links.removeAll(keepingCapacity: true) }
        if !comments.isEmpty { comments.removeAll(keepingCapacity: true) }
        if !stack.isEmpty { stack.removeAll(keepingCapacity: true) }
        apply(events)
    }

    /// The byte in `source` where character `index` of `raw` starts.
    private mutating func byteOffset(of index: Int, from start: Int) -> Int {
        if index < cursorIndex { cursorIndex = 0; cursorByte = start }
        while cursorIndex < index { cursorByte += utf8Length(raw[cursorIndex]); cursorIndex += 1 }
        return cursorByte
    }

    /// Matches as much of `literal` from byte `p` as goes on exactly as the raw text from the
    /// cursor, over the bytes: how many bytes of the literal and characters of `raw` it took.
    @inline(never)
    private mutating func matchBytes(_ p: Int, _ end: Int, _ block: Range<Int>) -> (bytes: Int, characters: Int) {
        let b0 = byteOffset(of: i, from: block.lowerBound)
        let limit = min(end - p, block.upperBound - b0)
        guard limit > 0 else { return (0, 0) }
        let t = parsed.text, s = source
        let tp = UnsafeRawPointer(t.baseAddress! + p), sp = UnsafeRawPointer(s.baseAddress! + b0)
        // Eight bytes at a time, the first difference found in the word (its lowest differing
        // byte), counting the characters taken: the bytes that are not continuation bytes
        // (10xxxxxx). The last few bytes before `limit` are a word too, unless it would reach
        // past the end of either buffer.
        var n = 0, continuation = 0
        while n < limit {
            let rest = limit - n
            guard rest >= 8 || (p + n + 8 <= t.count && b0 + n + 8 <= s.count) else {
                while n < limit && t[p + n] == s[b0 + n] {
                    if s[b0 + n] & 0xC0 == 0x80 { continuation &+= 1 }
                    n += 1
                }
                break
            }
            let w = sp.loadUnaligned(fromByteOffset: n, as: UInt64.self)
            var x = tp.loadUnaligned(fromByteOffset: n, as: UInt64.self) ^ w
            if rest < 8 { x |= ~0 &<< UInt64(rest &* 8) }  // bytes past the limit differ
            if x == 0 {
                continuation &+= continuationBytes(w)
                n &+= 8
                continue
            }
            let same = x.trailingZeroBitCount &>> 3
            continuation &+= continuationBytes(w & ((1 &<< UInt64(same &* 8)) &- 1))
            n &+= same
            break
        }
        // Back to the start of a character when they differ inside one.
        while n > 0 && b0 + n < block.upperBound && s[b0 + n] & 0xC0 == 0x80 {
            n -= 1
            if s[b0 + n] & 0xC0 == 0x80 { continuation &-= 1 }
        }
        return (n, n - continuation)
    }

    private mutating func apply(_ events: Range<Int>) {
        for k in events {
            switch parsed.events[k] {
            case .text(let literal): matchText(literal, role: textRole)
            case .code(let literal): matchCode(literal)
            case .html(let literal): matchHTML(literal)
            case .softBreak, .lineBreak: matchBreak()
            case .linkStart(let destination, let isImage): linkStart(parsed.string(destination), isImage)
            case .linkEnd: linkEnd()
            case .delimiterStart(let n), .delimiterEnd(let n): matchDelimiters(n)
            case .footnoteReference: matchFootnoteReference()
            }
        }
    }

    // MARK: text

    private mutating func matchText(_ literal: Range<Int>, role: Role) {
        let text = parsed.text, raw = self.raw, roles = self.roles
        var p = literal.lowerBound
        let end = literal.upperBound
        while p < end {
            // The usual case first: the literal goes on exactly as the raw text does.
            let start = i
            if let block = sourceRange {
                let (bytes, characters) = matchBytes(p, end, block)
                if characters > 0 {
                    roles.baseAddress!.advanced(by: i).update(repeating: role, count: characters)
                    i += characters
                    p += bytes
                    cursorIndex = i
                    cursorByte += bytes
                }
                if p >= end { break }
                if i > start { continue }
            }
            var k = i
            if sourceRange == nil {
                while p < end && k < raw.count {
                    var q = p
                    guard InlineMapper.decode(text, &q, end) == raw[k] else { break }
                    roles[k] = role
                    k += 1
                    p = q
                }
            }
            i = k
            if p >= end { break }
            if i > start { continue }
            let ch = InlineMapper.decode(text, &p, end)
            guard let j = find(ch, allowEscapes: true) else { continue }
            if raw[j] == 0x5C && j + 1 < raw.count && raw[j + 1] == ch && ch != 0x5C {
                roles[j] = .markup
                roles[j + 1] = role
                i = j + 2
            } else if raw[j] == 0x26 && ch != 0x26, let end = entityEnd(j) {
                // An entity's letters are not words of the text.
                for k in j...end { roles[k] = role == .content ? .markup : role }
                i = end + 1
            } else {
                roles[j] = role
                i = j + 1
            }
        }
    }

    /// The code point at byte `p` of `t` (valid UTF-8), advancing `p` past it.
    @inline(__always) private static func decode(_ t: UnsafeBufferPointer<UInt8>, _ p: inout Int, _ end: Int) -> UInt32 {
        let c = UInt32(t[p])
        if c < 0x80 { p += 1; return c }
        if c < 0xE0, p + 1 < end { defer { p += 2 }; return (c & 0x1F) << 6 | UInt32(t[p + 1] & 0x3F) }
        if c < 0xF0, p + 2 < end {
            defer { p += 3 }
            return (c & 0x0F) << 12 | UInt32(t[p + 1] & 0x3F) << 6 | UInt32(t[p + 2] & 0x3F)
        }
        if p + 3 < end {
            defer { p += 4 }
            return (c & 0x07) << 18 | UInt32(t[p + 1] & 0x3F) << 12 | UInt32(t[p + 2] & 0x3F) << 6 | UInt32(t[p + 3] & 0x3F)
        }
        p = end
        return 0xFFFD
    }

    /// The index of the next raw character that stands for `ch`: itself, an escape of it,
    /// or an entity; nil when none is within the window.
    private func find(_ ch: UInt32, allowEscapes: Bool) -> Int? {
        let limit = min(raw.count, i + window)
        var j = i
        while j < limit {
            let r = raw[j]
            if r == ch { return j }
            if allowEscapes {
                if r == 0x5C && j + 1 < raw.count && raw[j + 1] == ch { return j }
                if r == 0x26 && ch != 0x26 && ch != 0x20 && entityEnd(j) != nil { return j }
            }
            j += 1
        }
        return nil
    }

    /// The index of the `;` ending an HTML entity that starts at `j`.
    private func entityEnd(_ j: Int) -> Int? {
        var k = j + 1
        let limit = min(raw.count, j + 40)
        guard k < limit else { return nil }
        if raw[k] == 0x23 { k += 1 }  // #
        let first = k
        while k < limit {
            let c = raw[k]
            if c == 0x3B { return k > first ? k : nil }
            let alnum = (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A)
            if !alnum { return nil }
            k += 1
        }
        return nil
    }

    // MARK: code, HTML, breaks

    private mutating func matchCode(_ literal: Range<Int>) {
        let limit = min(raw.count, i + window)
        var j = i
        while j < limit && raw[j] != 0x60 { j += 1 }
        guard j < limit else { matchText(literal, role: .code); return }
        var k = j
        while k < raw.count && raw[k] == 0x60 { k += 1 }
        let run = k - j
        // Find a closing run of exactly the same length.
        var m = k
        while m < raw.count {
            if raw[m] == 0x60 {
                var e = m
                while e < raw.count && raw[e] == 0x60 { e += 1 }
                if e - m == run {
                    for x in j..<k { roles[x] = .markup }
                    for x in k..<m { roles[x] = .code }
                    for x in m..<e { roles[x] = .markup }
                    i = e
                    return
                }
                m = e
            } else {
                m += 1
            }
        }
        matchText(literal, role: .code)
    }

    private mutating func matchHTML(_ literal: Range<Int>) {
        let start = i
        matchText(literal, role: .markup)
        guard i > start else { return }
        // Everything from the tag's first to its last character is markup.
        var first = start
        while first < i && roles[first] == .structure { first += 1 }
        for k in first..<i { roles[k] = .markup }
        let t = parsed.text, l = literal.lowerBound
        if literal.count >= 4 && t[l] == 0x3C && t[l + 1] == 0x21 && t[l + 2] == 0x2D && t[l + 3] == 0x2D {  // <!--
            let literal = parsed.string(literal)
            guard literal.hasPrefix("<!--") else { return }
            var body = literal.dropFirst(4)
            if body.hasSuffix("-->") { body = body.dropLast(3) }
            comments.append((first..<i, String(body)))
        }
    }

    private mutating func matchBreak() {
        let limit = min(raw.count, i + window)
        var j = i
        while j < limit && raw[j] != 0x0A { j += 1 }
        guard j < limit else { return }
        // A backslash hard break.
        if j > 0 && raw[j - 1] == 0x5C && roles[j - 1] == .structure { roles[j - 1] = .markup }
        roles[j] = .markup
        i = j + 1
    }

    private mutating func matchDelimiters(_ n: Int) {
        var j = i
        let limit = min(raw.count, i + 8)
        while j < limit && (raw[j] == 0x20 || raw[j] == 0x0A || raw[j] == 0x3E || raw[j] == 0x09) { j += 1 }
        guard j < raw.count else { return }
        let d = raw[j]
        guard d == 0x2A || d == 0x5F || d == 0x7E else { return }
        var k = j
        if n == 0 {
            while k < raw.count && raw[k] == d { k += 1 }
        } else {
            while k < raw.count && k - j < n && raw[k] == d { k += 1 }
        }
        for x in j..<k { roles[x] = .markup }
        i = k
    }

    private mutating func matchFootnoteReference() {
        guard let j = find(0x5B, allowEscapes: false) else { return }  // [
        var k = j
        while k < raw.count && raw[k] != 0x5D { k += 1 }
        guard k < raw.count else { return }
        for x in j...k { roles[x] = .markup }
        i = k + 1
    }

    // MARK: links

    private mutating func linkStart(_ destination: String, _ isImage: Bool) {
        var j = i
        let limit = min(raw.count, i + 16)
        // Emphasis markers and spaces before the bracket, and an ATX heading's markers when the
        // link opens the heading (`## [模块](../x.md)`: its text is the heading's, not a bare URL).
        while j < limit, raw[j] == 0x2A || raw[j] == 0x5F || raw[j] == 0x7E || raw[j] == 0x20 || (raw[j] == 0x23 && i == 0 && !isImage) { j += 1 }
        if j < raw.count && isImage && raw[j] == 0x21 && j + 1 < raw.count && raw[j + 1] == 0x5B {
            roles[j] = .markup; roles[j + 1] = .markup
            i = j + 2
            stack.append((.bracket, i, destination, isImage))
        } else if j < raw.count && raw[j] == 0x5B {
            roles[j] = .markup
            i = j + 1
            stack.append((.bracket, i, destination, isImage))
        } else if j < raw.count && raw[j] == 0x3C {
            roles[j] = .markup
            i = j + 1
            stack.append((.angle, i, destination, isImage))
            textRole = .url
        } else {
            stack.append((.bare, i, destination, isImage))
            textRole = .url
        }
    }

    private mutating func linkEnd() {
        guard let link = stack.popLast() else { return }
        textRole = .content
        var textStart = link.textStart
        while textStart < i && roles[textStart] == .structure { textStart += 1 }
        let textEnd = i
        switch link.style {
        case .bracket:
            guard let close = find(0x5D, allowEscapes: false) else { break }  // ]
            roles[close] = .markup
            i = close + 1
            if i < raw.count && raw[i] == 0x28 {  // (
                consumeInlineDestination()
            } else if i < raw.count && raw[i] == 0x5B {  // [label]
                var k = i
                while k < raw.count && raw[k] != 0x5D { k += 1 }
                if k < raw.count {
                    for x in i...k { roles[x] = .markup }
                    i = k + 1
                }
            }
            // Link text that is itself the URL is a URL, not prose.
            if InlineMapper.isURLText(raw, roles, textStart..<textEnd, link.destination) {
                for x in textStart..<textEnd where roles[x] == .content { roles[x] = .url }
            }
        case .angle:
            if let close = find(0x3E, allowEscapes: false) {  // >
                roles[close] = .markup
                i = close + 1
            }
        case .bare:
            break
        }
        links.append(InlineLink(text: textStart..<max(textStart, textEnd), destination: link.destination,
                                isImage: link.isImage))
    }

    /// Whether the prose of a link's text is its destination, or the destination without
    /// `mailto:`, `http://` or `https://`.
    static func isURLText<Text: RandomAccessCollection<UInt32>, Roles: RandomAccessCollection<Role>>(
        _ raw: Text, _ roles: Roles, _ range: Range<Int>, _ destination: String) -> Bool where Text.Index == Int, Roles.Index == Int {
        var count = 0, ascii = true, han = false
        for x in range where roles[x] == .content {
            count += 1
            let c = raw[x]
            if c >= 0x80 { ascii = false; if c >= 0x4E00 && c <= 0x9FFF { han = true } }
        }
        if count == 0 { return false }
        // A Han character has no decomposition: text holding one never equals an ASCII string.
        // (Its UTF-8 is read as a buffer, `withUTF8`: its UTF8View, a byte at a time, cost as
        // much as the rest of reading the link.)
        var destination = destination
        if han && destination.withUTF8({ !$0.contains(where: { $0 >= 0x80 }) }) { return false }
        if ascii {
            // ASCII text equals an ASCII string exactly when their bytes are equal (a
            // non-ASCII destination may still equal it canonically: U+212A KELVIN SIGN is K).
            let result: Bool? = destination.withUTF8 { d in
                if d.contains(where: { $0 >= 0x80 }) { return nil }
                func equals(prefix p: StaticString) -> Bool {
                    let n = p.utf8CodeUnitCount
                    guard d.count == n + count else { return false }
                    for k in 0..<n where d[k] != p.utf8Start[k] { return false }
                    var k = n
                    for x in range where roles[x] == .content {
                        if UInt32(d[k]) != raw[x] { return false }
                        k += 1
                    }
                    return true
                }
                return equals(prefix: "") || equals(prefix: "mailto:") || equals(prefix: "http://")
                    || equals(prefix: "https://")
            }
            if result == true { return true }
            if result == false { return onDestinationHost(raw, roles, range, destination) }
        }
        var content: [UInt32] = []
        for x in range where roles[x] == .content { content.append(raw[x]) }
        let text = makeString(content)
        return text == destination || "mailto:" + text == destination || "http://" + text == destination
            || "https://" + text == destination
    }

    /// Whether ASCII link text is an address on its destination's host, the scheme left out or
    /// not (`[example.org/privacy](https://example.org/privacy-form)`): a URL, though it names
    /// another path than the destination's. Text with a space or without a `.` is prose.
    static func onDestinationHost<Text: RandomAccessCollection<UInt32>, Roles: RandomAccessCollection<Role>>(
        _ raw: Text, _ roles: Roles, _ range: Range<Int>, _ destination: String) -> Bool where Text.Index == Int, Roles.Index == Int {
        var dot = false
        for x in range where roles[x] == .content {
            if raw[x] <= 0x20 { return false }
            if raw[x] == 0x2E { dot = true }
        }
        guard dot else { return false }
        var content: [UInt32] = []
        for x in range where roles[x] == .content { content.append(raw[x]) }
        var text = makeString(content).lowercased()
        for scheme in ["https://", "http://"] where text.hasPrefix(scheme) { text.removeFirst(scheme.count) }
        let d = destination.lowercased()
        guard let scheme = ["https://", "http://"].first(where: { d.hasPrefix($0) }) else { return false }
        let host = d.dropFirst(scheme.count).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard host.contains("."), host.count >= 4, text.hasPrefix(host) else { return false }
        let rest = text.dropFirst(host.count)
        return rest.isEmpty || rest.first == "/"
    }

    /// Consumes `(destination "title")` starting at the `(` under the cursor.
    private mutating func consumeInlineDestination() {
        let open = i
        roles[open] = .markup
        var k = open + 1
        while k < raw.count && (raw[k] == 0x20 || raw[k] == 0x0A || raw[k] == 0x09) { roles[k] = .markup; k += 1 }
        if k < raw.count && raw[k] == 0x3C {  // <destination>
            roles[k] = .markup
            k += 1
            while k < raw.count && raw[k] != 0x3E && raw[k] != 0x0A { roles[k] = .destination; k += 1 }
            if k < raw.count { roles[k] = .markup; k += 1 }
        } else {
            var depth = 0
            while k < raw.count {
                let c = raw[k]
                if c == 0x5C && k + 1 < raw.count { roles[k] = .destination; roles[k + 1] = .destination; k += 2; continue }
                if c == 0x28 { depth += 1 }
                if c == 0x29 { if depth == 0 { break }; depth -= 1 }
                if c == 0x20 || c == 0x0A || c == 0x09 { break }
                roles[k] = .destination
                k += 1
            }
        }
        // Optional title, then the closing parenthesis.
        var quote: UInt32? = nil
        while k < raw.count {
            let c = raw[k]
            if let q = quote {
                roles[k] = .markup
                if c == q && raw[k - 1] != 0x5C { quote = nil }
                k += 1
                continue
            }
            if c == 0x22 || c == 0x27 { quote = c; roles[k] = .markup; k += 1; continue }
            if c == 0x28 { quote = 0x29; roles[k] = .markup; k += 1; continue }
            roles[k] = .markup
            k += 1
            if c == 0x29 { break }
        }
        i = k
    }
}
