/// What must survive translation inside a unit, found from the roles the parser gave each
/// character: inline code, link destinations (Markdown and HTML), inline tags, emphasis
/// delimiters, footnote references, hard line breaks, placeholders and explicit heading ids.
/// Ranges index `Unit.text`.

/// An inline code span: the characters between its backticks (or inside `<code>` in HTML).
public struct InlineCode: Sendable, Equatable {
    public var range: Range<Int>
    /// The code as a reader sees it: line breaks as spaces, one space stripped at each end
    /// when both ends have one (CommonMark).
    public var code: String
}

/// A link, image or autolink target, with where its destination is written in the unit.
public struct LinkTarget: Sendable, Equatable {
    public var destination: String
    /// Where the destination's characters are (`(…)` of an inline link, the URL of an autolink,
    /// an `href`/`src` attribute value); nil for a reference link (defined elsewhere).
    public var destinationRange: Range<Int>?
    /// The link text (or the whole tag for HTML).
    public var textRange: Range<Int>
    public var isImage: Bool
}

/// An HTML tag or MDX component written inline (`<kbd>`, `</CodeStep>`, `<br />`).
public struct InlineTag: Sendable, Equatable {
    public var name: String
    public var closing: Bool
    public var selfClosing: Bool
    public var range: Range<Int>
    /// Attribute names (lowercased) and the ranges of their values (inside the quotes).
    public var attributes: [(name: String, value: Range<Int>)]

    public static func == (a: InlineTag, b: InlineTag) -> Bool {
        a.name == b.name && a.closing == b.closing && a.selfClosing == b.selfClosing && a.range == b.range
    }

    /// Elements that never have a closing tag.
    public static let void: Set<String> = ["br", "img", "hr", "wbr", "input", "meta", "link", "source", "area", "col", "embed",
                                           "base", "track", "param"]
    public var isVoid: Bool { selfClosing || InlineTag.void.contains(name.lowercased()) }
}

/// Emphasis and other inline markup of a unit, counted.
public struct MarkupCounts: Sendable, Equatable {
    public var emphasis = 0
    public var strong = 0
    public var strikethrough = 0
    public var footnoteReferences = 0
    public var hardBreaks = 0
    public init() {}
}

/// A heading's explicit id: `{#id}`, MDX `{/*id*/}`, or the `id`/`name` of an `<a>` inside it.
public struct HeadingID: Sendable, Equatable {
    public enum Syntax: String, Sendable { case braces, mdxComment, html }
    public var id: String
    /// Where the id's own characters are in the file (first and last, inclusive).
    public var span: Span
    public var syntax: Syntax
}

extension Unit {
    /// Inline code spans in order.
    public var inlineCode: [InlineCode] {
        var out: [InlineCode] = []
        roles.forEachRun(of: .code) { r in
            // A code span sits between markup (backticks or a <code> tag); a grammar line's
            // code has none and is notation, not a span.
            let opened = r.lowerBound > 0 && roles[r.lowerBound - 1] == .markup
            if opened || inHTML {
                out.append(InlineCode(range: r, code: InlineElements.codeText(text[r])))
            }
        }
        return out
    }

    /// Links, images and autolinks, then `href`/`src` of inline HTML tags, in order.
    public var linkTargets: [LinkTarget] {
        var out: [LinkTarget] = []
        for l in links {
            var dest: Range<Int>? = nil
            var k = l.text.upperBound
            // The destination of an inline link: the first destination characters after the text.
            while k < text.count && (roles[k] == .markup || roles[k] == .structure) && text[k] != 0x5B { k += 1 }
            if k < text.count && roles[k] == .destination {
                var e = k
                while e < text.count && roles[e] == .destination { e += 1 }
                dest = k..<e
            } else if !l.text.isEmpty && l.text.allSatisfy({ roles[$0] == .url || roles[$0] == .structure }) {
                dest = l.text  // autolink: the visible URL is the destination
            }
            out.append(LinkTarget(destination: l.destination, destinationRange: dest, textRange: l.text, isImage: l.isImage))
        }
        for t in inlineTags where !t.closing {
            let lower = t.name.lowercased()
            for a in t.attributes where (a.name == "href" && lower == "a") || (a.name == "src" && (lower == "img" || lower == "source")) {
                out.append(LinkTarget(destination: makeString(text[a.value]), destinationRange: a.value, textRange: t.range,
                                      isImage: lower != "a"))
            }
        }
        return out
    }

    /// Inline HTML tags and MDX components (markup characters starting with `<`).
    public var inlineTags: [InlineTag] {
        var out: [InlineTag] = []
        var k = 0
        while k < text.count {
            // Every character of a tag is markup (an autolink's `<…>` holds a URL).
            if text[k] == 0x3C && roles[k] == .markup, let t = InlineElements.parseTag(text, at: k),
               t.range.allSatisfy({ roles[$0] == .markup || roles[$0] == .structure }) {
                out.append(t)
                k = t.range.upperBound
            } else {
                k += 1
            }
        }
        return out
    }

    /// Emphasis, strong, strikethrough, footnote references and hard breaks.
    public var markupCounts: MarkupCounts {
        var m = MarkupCounts()
        let n = text.count
        var inTag = Array(repeating: false, count: n)
        for t in inlineTags { for x in t.range { inTag[x] = true } }
        var k = 0
        var starChars = 0, strongRuns = 0, tildeRuns = 0
        while k < n {
            let c = text[k]
            if roles[k] == .markup && !inTag[k] {
                if c == 0x2A || c == 0x5F {  // * _
                    var e = k
                    while e < n && text[e] == c && roles[e] == .markup { e += 1 }
                    let len = e - k
                    strongRuns += len / 2
                    starChars += len % 2
                    k = e
                    continue
                }
                if c == 0x7E {  // ~
                    var e = k
                    while e < n && text[e] == c && roles[e] == .markup { e += 1 }
                    tildeRuns += 1
                    k = e
                    continue
                }
                if c == 0x5B && k + 1 < n && text[k + 1] == 0x5E && roles[k + 1] == .markup { m.footnoteReferences += 1 }
                if c == 0x0A {
                    if k > 0 && text[k - 1] == 0x5C && roles[k - 1] == .markup { m.hardBreaks += 1 }
                    else if k > 1 && text[k - 1] == 0x20 && text[k - 2] == 0x20 { m.hardBreaks += 1 }
                }
            }
            k += 1
        }
        // Each element has an opening and a closing delimiter.
        m.emphasis = starChars / 2
        m.strong = strongRuns / 2
        m.strikethrough = tildeRuns / 2
        for t in inlineTags where t.name.lowercased() == "br" { m.hardBreaks += 1 }
        return m
    }

}

/// Parsing shared by the inline extractors and the document's anchor scan.
public enum InlineElements {
    /// Code as a reader sees it: line breaks as spaces, one space stripped from each end when
    /// both ends have one.
    static func codeText<C: Collection>(_ chars: C) -> String where C.Element == UInt32 {
        var s = chars.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 }
        if s.count >= 2 && s.first == 0x20 && s.last == 0x20 && s.contains(where: { $0 != 0x20 }) {
            s.removeFirst(); s.removeLast()
        }
        return makeString(s)
    }

    /// Parses an HTML tag or JSX component at `<`; nil when it is not one.
    public static func parseTag(_ raw: [UInt32], at p: Int) -> InlineTag? {
        let n = raw.count
        var k = p + 1
        var closing = false
        if k < n && raw[k] == 0x2F { closing = true; k += 1 }
        let nameStart = k
        while k < n {
            let c = raw[k]
            let letter = c | 0x20 >= 0x61 && c | 0x20 <= 0x7A
            let ok = letter || (k > nameStart && ((c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x2E || c == 0x3A || c == 0x5F))
            if !ok { break }
            k += 1
        }
        guard k > nameStart else {
            // JSX fragments <> and </>
            if k < n && raw[k] == 0x3E { return InlineTag(name: "", closing: closing, selfClosing: false, range: p..<(k + 1), attributes: []) }
            return nil
        }
        let name = makeString(raw[nameStart..<k])
        var attributes: [(name: String, value: Range<Int>)] = []
        var braces = 0
        let limit = min(n, p + 2000)
        var attrName: [UInt32] = []
        var lastName = ""
        while k < limit {
            let c = raw[k]
            if braces > 0 {
                if c == 0x7B { braces += 1 } else if c == 0x7D { braces -= 1 }
                k += 1
                continue
            }
            if c == 0x7B { braces = 1; k += 1; continue }
            if c == 0x22 || c == 0x27 {
                guard let close = raw[(k + 1)..<limit].firstIndex(of: c) else { return nil }
                attributes.append((lastName, (k + 1)..<close))
                k = close + 1
                continue
            }
            if c == 0x3E {
                let selfClosing = raw[k - 1] == 0x2F
                return InlineTag(name: name, closing: closing, selfClosing: selfClosing, range: p..<(k + 1), attributes: attributes)
            }
            if c == 0x3C { return nil }
            let nameChar = c | 0x20 >= 0x61 && c | 0x20 <= 0x7A || c == 0x2D || c == 0x5F || c == 0x3A || (c >= 0x30 && c <= 0x39)
            if nameChar {
                attrName.append(c)
            } else {
                if !attrName.isEmpty { lastName = makeString(attrName).lowercased(); attrName.removeAll() }
            }
            k += 1
        }
        return nil
    }
}
