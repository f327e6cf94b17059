/// Finds the units inside an HTML block: text between tags, split at block-level tags.
///
/// Headings `<h1>`…`<h6>` become heading units (several may share one block); inline tags
/// (`<a>`, `<em>`, `<code>`, …) stay inside the unit as markup; comments, `<script>`, `<style>`,
/// `<pre>` and the like hold no units. The alt text of an `<img>` that stands alone is a unit.
/// With `headingsAfterClose` (a source's reading: ``ParseOptions/headingsAfterHTML``), a line of
/// the block that opens with `#` to `######` and a space once every element opened before it is
/// closed (`</table>` then `## 6. Test` with no blank line between) is a heading: CommonMark
/// keeps the line in the HTML block, while Python-Markdown, which MkDocs sites use, ends the
/// block at the closing tag, and the author wrote it as a heading.
struct HTMLBlockScanner {
    struct Piece {
        var kind: UnitKind
        var range: Range<Int>
        /// The roles of alt text (all content); empty for other pieces.
        var roles: [Role]
    }

    static let inlineTags: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark",
        "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
        "wbr", "del", "ins", "font", "img", "strike", "tt", "big", "label",
    ]
    /// Elements whose content is never prose, whatever the configuration says.
    static let alwaysOpaque: Set<String> = [
        "script", "style", "textarea", "pre", "svg", "math", "template", "iframe", "object", "noscript",
        "head", "select", "canvas", "video", "audio",
    ]

    let raw: [UInt32]
    let opaqueTags: Set<String>
    var roles: [Role]
    var pieces: [Piece] = []
    /// Comments: where each is and where its body (between `<!--` and `-->`) is.
    var comments: [(Range<Int>, body: Range<Int>)] = []
    /// Opaque elements opened and not closed in this block (negative: closed, opened before).
    var opaqueBalance = 0

    /// Opaque elements earlier blocks left open, which this block's text starts inside.
    let openAtStart: Int
    /// Whether a `#` line after a closed element is a heading (see the type's comment).
    let headingsAfterClose: Bool

    /// - Parameters:
    ///   - opaqueTags: elements whose content is not prose, `alwaysOpaque` included.
    ///   - openAtStart: how many opaque elements earlier blocks opened and did not close (a
    ///     `<pre>` whose code runs on past a blank line).
    init(raw: [UInt32], opaqueTags: Set<String> = HTMLBlockScanner.alwaysOpaque, openAtStart: Int = 0,
         headingsAfterClose: Bool = false) {
        self.raw = raw
        self.opaqueTags = opaqueTags
        self.openAtStart = openAtStart
        self.headingsAfterClose = headingsAfterClose
        self.roles = [Role](repeating: .content, count: raw.count)
    }

    /// Net opaque elements opened (negative: closed) by the tags in `bytes`, UTF-8 text that is
    /// not an HTML block: the paragraphs and code cmark makes of a `<pre>`'s code once a blank
    /// line has ended the HTML block that opened it, the last of which closes it
    /// (`print(x)</code></pre>`).
    static func opaqueBalance(of bytes: UnsafeBufferPointer<UInt8>, opaqueTags: Set<String>) -> Int {
        var balance = 0
        var k = 0
        let n = bytes.count
        while k < n {
            guard bytes[k] == 0x3C else { k += 1; continue }  // <
            var j = k + 1
            let closing = j < n && bytes[j] == 0x2F
            if closing { j += 1 }
            let nameStart = j
            while j < n, bytes[j] | 0x20 >= 0x61 && bytes[j] | 0x20 <= 0x7A || (j > nameStart && (bytes[j] == 0x2D || (bytes[j] >= 0x30 && bytes[j] <= 0x39))) {
                j += 1
            }
            k = j
            // A tag's name ends at a space, `>` or `/`.
            guard j > nameStart, j < n, bytes[j] == 0x3E || bytes[j] == 0x2F || bytes[j] == 0x20 || bytes[j] == 0x0A || bytes[j] == 0x09
            else { continue }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<j]), as: UTF8.self).lowercased()
            guard opaqueTags.contains(name) else { continue }
            if closing { balance -= 1; continue }
            var e = j
            while e < n && bytes[e] != 0x3E { e += 1 }
            if e < n && bytes[e - 1] == 0x2F { continue }  // <pre/>
            balance += 1
        }
        return balance
    }

    mutating func scan() {
        var p = 0
        let n = raw.count
        var segmentStart = 0
        var segmentKind: UnitKind = .html(tag: "")
        var standaloneAlt: [Range<Int>] = []
        var inlineCode = 0
        // Block-level elements open at this point (a closing tag closes the innermost of its
        // name and those opened inside it, whose closing tags HTML lets authors leave out), and
        // whether one was closed before: a Markdown heading stands only after a closed element.
        var openBlocks: [String] = []
        var closedBlock = false
        var markdownHeading = false

        func close(_ end: Int) {
            emit(segmentStart..<end, kind: segmentKind, alts: standaloneAlt)
            standaloneAlt = []
        }

        // Inside elements earlier blocks opened, nothing is prose up to the tag that closes the
        // last of them; text after it is read as in any block.
        var open = openAtStart
        while p < n && open > 0 {
            if raw[p] == 0x3C, let tag = parseTag(at: p), !tag.selfClosing, opaqueTags.contains(tag.name.lowercased()) {
                open += tag.closing ? -1 : 1
                opaqueBalance += tag.closing ? -1 : 1
                p = tag.range.upperBound
            } else {
                p += 1
            }
        }
        if openAtStart > 0 {
            for k in 0..<p { roles[k] = .markup }
            segmentStart = p
        }

        while p < n {
            let c = raw[p]
            if c == 0x3C {  // <
                if matches(p, HTMLBlockScanner.commentOpen) {
                    let end = find(HTMLBlockScanner.commentClose, from: p + 4) ?? n
                    let stop = min(n, end + 3)
                    for k in p..<stop { roles[k] = .markup }
                    let bodyEnd = min(end, n)
                    comments.append((p..<stop, min(p + 4, bodyEnd)..<bodyEnd))
                    p = stop
                    continue
                }
                if p + 1 < n && (raw[p + 1] == 0x21 || raw[p + 1] == 0x3F) {  // <! or <?
                    let end = findChar(0x3E, from: p) ?? (n - 1)
                    for k in p...end { roles[k] = .markup }
                    p = end + 1
                    continue
                }
                if let tag = parseTag(at: p) {
                    for k in tag.range { roles[k] = .markup }
                    let name = tag.name.lowercased()
                    if opaqueTags.contains(name) && !tag.selfClosing {
                        close(p)
                        if tag.closing {
                            opaqueBalance -= 1
                            p = tag.range.upperBound
                            segmentStart = p
                            continue
                        }
                        guard let endTag = findClosingTag(name, from: tag.range.upperBound) else {
                            // Open past the end of this block: what follows is not prose either.
                            opaqueBalance += 1
                            for k in tag.range.upperBound..<n { roles[k] = .markup }
                            p = n
                            segmentStart = n
                            continue
                        }
                        let after = parseTag(at: endTag)?.range.upperBound ?? endTag
                        for k in tag.range.upperBound..<after { roles[k] = .markup }
                        p = after
                        segmentStart = p
                        segmentKind = .html(tag: "")
                        continue
                    }
                    if HTMLBlockScanner.inlineTags.contains(name) {
                        if name == "code" { inlineCode += tag.closing ? -1 : 1; inlineCode = max(0, inlineCode) }
                        if name == "img", let alt = tag.alt { standaloneAlt.append(alt) }
                        p = tag.range.upperBound
                        continue
                    }
                    // A block-level tag or a component: the unit before it ends here, and so
                    // does a `<code>` left open inside it (`<li><code>{0: 1}</li>`: the cells and
                    // rows after it are not code).
                    close(p)
                    inlineCode = 0
                    segmentStart = tag.range.upperBound
                    if tag.closing {
                        if let k = openBlocks.lastIndex(of: name) { openBlocks.removeSubrange(k...) }
                        closedBlock = true
                    } else if !tag.selfClosing && !InlineTag.void.contains(name) {
                        openBlocks.append(name)
                    }
                    if !tag.closing, name.count == 2, name.first == "h", let level = Int(String(name.last!)),
                       (1...6).contains(level) {
                        segmentKind = .heading(level: level)
                    } else {
                        segmentKind = .html(tag: tag.closing ? "" : tag.name)
                    }
                    p = tag.range.upperBound
                    continue
                }
            } else if c == 0x7B && p + 2 < n && raw[p + 1] == 0x2F && raw[p + 2] == 0x2A {  // {/* … */}
                if let end = find(HTMLBlockScanner.mdxCommentClose, from: p + 3) {
                    for k in p..<(end + 3) { roles[k] = .markup }
                    p = end + 3
                    continue
                }
            } else if c == 0x0A {
                if markdownHeading {
                    close(p)
                    markdownHeading = false
                    segmentStart = p + 1
                    segmentKind = .html(tag: "")
                }
                if headingsAfterClose, openBlocks.isEmpty, closedBlock, inlineCode == 0, let (level, text) = atxHeading(at: p + 1) {
                    if segmentStart <= p { close(p) }  // (a heading right before has closed itself)
                    for k in (p + 1)..<text { roles[k] = .markup }
                    segmentStart = text
                    segmentKind = .heading(level: level)
                    markdownHeading = true
                    p = text
                    continue
                }
            } else if c == 0x26, let end = entityEnd(p) {
                for k in p...end { roles[k] = .markup }
                p = end + 1
                continue
            } else if c == 0x60 {  // `code` in MDX text
                var k = p
                while k < n && raw[k] == 0x60 { k += 1 }
                let run = k - p
                if let close = findBackticks(run, from: k) {
                    for x in p..<k { roles[x] = .markup }
                    for x in k..<close { roles[x] = .code }
                    for x in close..<(close + run) { roles[x] = .markup }
                    p = close + run
                    continue
                }
            }
            if inlineCode > 0 { roles[p] = .code }
            p += 1
        }
        close(n)
    }

    private mutating func emit(_ range: Range<Int>, kind: UnitKind, alts: [Range<Int>]) {
        var lo = range.lowerBound, hi = range.upperBound
        // Inside a segment all markup is inline (tags like <b>, comments, entities): only
        // spaces are trimmed, so `<b>加粗</b>` keeps both its tags.
        while lo < hi && isSpace(raw[lo]) { lo += 1 }
        while hi > lo && isSpace(raw[hi - 1]) { hi -= 1 }
        if lo < hi {
            // (Its roles are the block's, once the masks are applied: none of its own.)
            pieces.append(Piece(kind: kind, range: lo..<hi, roles: []))
        } else if alts.count == 1, let alt = alts.first, !alt.isEmpty {
            pieces.append(Piece(kind: .altText, range: alt, roles: [Role](repeating: .content, count: alt.count)))
        }
    }

    /// A Markdown ATX heading's level and where its text starts, for a line starting at `p`: up
    /// to three spaces, one to six `#`, a space (its closing `#`s are left as text).
    private func atxHeading(at p: Int) -> (level: Int, text: Int)? {
        var k = p
        while k < raw.count && k - p < 3 && raw[k] == 0x20 { k += 1 }
        let hashes = k
        while k < raw.count && raw[k] == 0x23 { k += 1 }
        let level = k - hashes
        guard (1...6).contains(level), k < raw.count, raw[k] == 0x20 || raw[k] == 0x09 else { return nil }
        while k < raw.count && (raw[k] == 0x20 || raw[k] == 0x09) { k += 1 }
        guard k < raw.count, raw[k] != 0x0A else { return nil }
        return (level, k)
    }

    private func isSpace(_ c: UInt32) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D }

    private static let commentOpen: [UInt32] = [0x3C, 0x21, 0x2D, 0x2D]  // <!--
    private static let commentClose: [UInt32] = [0x2D, 0x2D, 0x3E]  // -->
    private static let mdxCommentClose: [UInt32] = [0x2A, 0x2F, 0x7D]  // */}

    private func matches(_ p: Int, _ s: [UInt32]) -> Bool {
        guard p + s.count <= raw.count else { return false }
        for (k, u) in s.enumerated() where raw[p + k] != u { return false }
        return true
    }

    private func find(_ s: [UInt32], from: Int) -> Int? {
        var k = from
        while let j = findChar(s[0], from: k) {
            if matches(j, s) { return j }
            k = j + 1
        }
        return nil
    }

    private func findChar(_ c: UInt32, from: Int) -> Int? {
        var k = from
        while k < raw.count { if raw[k] == c { return k }; k += 1 }
        return nil
    }

    private func findBackticks(_ run: Int, from: Int) -> Int? {
        var k = from
        while k < raw.count {
            if raw[k] == 0x0A && k + 1 < raw.count && raw[k + 1] == 0x0A { return nil }
            if raw[k] == 0x60 {
                var e = k
                while e < raw.count && raw[e] == 0x60 { e += 1 }
                if e - k == run { return k }
                k = e
            } else {
                k += 1
            }
        }
        return nil
    }

    private func findClosingTag(_ name: String, from: Int) -> Int? {
        var k = from
        while k < raw.count {
            if raw[k] == 0x3C && k + 1 < raw.count && raw[k + 1] == 0x2F, let tag = parseTag(at: k),
               tag.name.lowercased() == name {
                return k
            }
            k += 1
        }
        return nil
    }

    private func entityEnd(_ j: Int) -> Int? {
        var k = j + 1
        let limit = min(raw.count, j + 40)
        if k < limit && raw[k] == 0x23 { k += 1 }
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

    struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var range: Range<Int>
        /// The inside of an `alt` attribute's quotes.
        var alt: Range<Int>?
    }

    /// Parses a tag starting at `<`; nil when what follows is not a tag.
    func parseTag(at p: Int) -> Tag? {
        var k = p + 1
        let n = raw.count
        var closing = false
        if k < n && raw[k] == 0x2F { closing = true; k += 1 }
        let nameStart = k
        while k < n {
            let c = raw[k]
            let ok = (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || (k > nameStart && ((c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x2E || c == 0x3A || c == 0x5F))
            if !ok { break }
            k += 1
        }
        guard k > nameStart else { return nil }
        let name = makeString(raw[nameStart..<k])
        var alt: Range<Int>? = nil
        var quote: UInt32? = nil
        var braces = 0
        var attrStart = k
        while k < n {
            let c = raw[k]
            if let q = quote {
                if c == q { quote = nil }
                k += 1
                continue
            }
            if c == 0x7B { braces += 1 } else if c == 0x7D { braces = max(0, braces - 1) }
            if braces == 0 && (c == 0x22 || c == 0x27) {
                // Is this the value of alt= ?
                var e = k
                while e > attrStart && (raw[e - 1] == 0x20 || raw[e - 1] == 0x0A) { e -= 1 }
                if e - attrStart >= 4, raw[e - 1] == 0x3D, raw[e - 2] | 0x20 == 0x74, raw[e - 3] | 0x20 == 0x6C,
                   raw[e - 4] | 0x20 == 0x61, e - 4 == attrStart || raw[e - 5] == 0x20 || raw[e - 5] == 0x0A || raw[e - 5] == 0x09 {
                    if let end = findChar(c, from: k + 1) { alt = (k + 1)..<end }
                }
                quote = c
                k += 1
                continue
            }
            if c == 0x20 || c == 0x0A || c == 0x09 { attrStart = k }
            if braces == 0 && c == 0x3E {
                let selfClosing = k > p && raw[k - 1] == 0x2F
                return Tag(name: name, closing: closing, selfClosing: selfClosing, range: p..<(k + 1), alt: alt)
            }
            k += 1
        }
        return nil
    }
}

extension String {
    /// The string without spaces, tabs and line breaks (each its own character) at either end.
    var trimmingASCIISpaces: String {
        // Over the bytes when every character trimmed is plainly one: a tab or LF is always a
        // character of its own, CR too unless an LF follows (CRLF is one character, not
        // trimmed), a space when an ASCII byte or the end is on its other side (nothing joins
        // it then). Anything else takes the general way.
        let fast: String? = utf8.withContiguousStorageIfAvailable { b -> String? in
            var lo = 0, hi = b.count
            while lo < hi {
                let c = b[lo]
                if c == 0x09 || c == 0x0A { lo += 1; continue }
                if c == 0x0D { if lo + 1 < hi && b[lo + 1] == 0x0A { break }; lo += 1; continue }
                if c == 0x20 { if lo + 1 < hi && b[lo + 1] >= 0x80 { return nil }; lo += 1; continue }
                break
            }
            while hi > lo {
                let c = b[hi - 1]
                if c == 0x09 || c == 0x0D { hi -= 1; continue }
                if c == 0x0A { if hi - 2 >= lo && b[hi - 2] == 0x0D { break }; hi -= 1; continue }
                if c == 0x20 { if hi - 2 >= lo && b[hi - 2] >= 0x80 { return nil }; hi -= 1; continue }
                break
            }
            if lo == 0 && hi == b.count { return self }
            return String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)
        } ?? nil
        if let fast { return fast }
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
