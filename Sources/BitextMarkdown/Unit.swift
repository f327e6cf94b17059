/// What a character of a unit is, for language analysis.
///
/// Every character of a unit's text keeps its place (so positions stay exact); only `content`
/// is prose a translator translates.
public enum Role: UInt8, Sendable {
    /// Prose: the words a translator translates (including link text and image alt text).
    case content
    /// Inline code: stays as it is, counts as neither language.
    case code
    /// A URL the reader sees: autolinks, link text that is the URL itself.
    case url
    /// Where a link points, inside `(…)`: not seen by the reader.
    case destination
    /// Math between `$` signs.
    case math
    /// Inline syntax: emphasis markers, brackets, escapes, inline HTML tags, comments.
    case markup
    /// Block syntax left inside a unit: quote markers and indentation on continuation lines,
    /// heading markers, `{#anchor}` ids. Never at either end of a unit.
    case structure

    /// What a reader reads as the text: prose, inline code, math and the URLs shown (not link
    /// destinations or syntax). ``Unit/plainText`` and heading slugs are made of these.
    public var isRead: Bool {
        switch self {
        case .content, .code, .math, .url: return true
        case .destination, .markup, .structure: return false
        }
    }
}

/// The kind of a translatable unit.
public enum UnitKind: Hashable, Sendable {
    case heading(level: Int)
    case paragraph
    /// A paragraph inside a list item; depth 1 is a top-level list.
    case listItem(depth: Int)
    /// A GFM table cell; row 0 is the header row.
    case tableCell(row: Int, column: Int)
    /// A paragraph inside a block quote (not in a list).
    case quote(depth: Int)
    /// The value of a front-matter key such as `title`.
    case frontMatter(key: String)
    /// Text between tags of an HTML block (`<p>`, `<li>`, `<figcaption>`, a component…), with the tag.
    case html(tag: String)
    /// The alt text of an image that stands alone.
    case altText
    /// A paragraph of a footnote definition.
    case footnote

    /// A short stable name for reports, e.g. `heading`, `list-item`, `table-cell`.
    public var name: String {
        switch self {
        case .heading: return "heading"
        case .paragraph: return "paragraph"
        case .listItem: return "list-item"
        case .tableCell: return "table-cell"
        case .quote: return "quote"
        case .frontMatter: return "front-matter"
        case .html: return "html"
        case .altText: return "alt-text"
        case .footnote: return "footnote"
        }
    }

    public var headingLevel: Int? {
        if case .heading(let l) = self { return l }
        return nil
    }
}

/// A link or image inside a unit: where its text is (indexes into the unit) and where it points.
public struct InlineLink: Hashable, Sendable {
    public var text: Range<Int>
    public var destination: String
    public var isImage: Bool
}

/// One translatable piece of a Markdown document: its kind, its exact place in the file, and
/// its text with the role of every character.
public struct Unit: Sendable {
    public var kind: UnitKind
    /// Where the first character of `text` is.
    public var start: TextPosition
    /// Where the last character of `text` is (inclusive).
    public var end: TextPosition
    /// Byte range in the file (`SourceText.bytes`).
    public var byteRange: Range<Int>
    /// The file's text from `start` through `end`, as code points.
    public var text: [UInt32]
    /// The role of each character of `text`.
    public var roles: [Role]
    /// Links and images, in order.
    public var links: [InlineLink]
    /// Indexes in `text` where a new line of the file starts.
    public var lineBreaks: [Int]
    /// Index of the heading unit this unit falls under (itself for a heading), or nil before the first.
    public var section: Int?
    /// Depth in block quotes and lists, for alignment.
    public var quoteDepth: Int
    public var listDepth: Int
    /// The unit is text inside an HTML block (its Markdown source is HTML).
    public var inHTML = false

    public init(kind: UnitKind, start: TextPosition, byteRange: Range<Int>, text: [UInt32], roles: [Role],
                links: [InlineLink] = [], quoteDepth: Int = 0, listDepth: Int = 0) {
        self.init(kind: kind, start: start, byteRange: byteRange, text: text, roles: roles, links: links,
                  quoteDepth: quoteDepth, listDepth: listDepth, lineFeeds: true)
    }

    /// - Parameter lineFeeds: false when the caller knows `text` holds no line feed.
    init(kind: UnitKind, start: TextPosition, byteRange: Range<Int>, text: [UInt32], roles: [Role],
         links: [InlineLink] = [], quoteDepth: Int = 0, listDepth: Int = 0, lineFeeds: Bool) {
        self.kind = kind
        self.start = start
        self.byteRange = byteRange
        self.text = text
        self.roles = roles
        self.links = links
        self.quoteDepth = quoteDepth
        self.listDepth = listDepth
        // Counted first, so that the array is made once at its exact size (appends grew it a
        // step at a time, each step a new allocation).
        var breaks: [Int] = []
        if lineFeeds { text.withUnsafeBufferPointer { t in
            var n = 0
            for c in t where c == 0x0A { n += 1 }
            guard n > 0 else { return }
            breaks = Array(unsafeUninitializedCapacity: n) { out, count in
                for i in t.indices where t[i] == 0x0A && count < n {
                    out.initializeElement(at: count, to: i + 1)
                    count += 1
                }
            }
        } }
        self.lineBreaks = breaks
        self.end = start
        self.section = nil
        self.end = position(at: max(0, text.count - 1))
    }

    /// The file position of the character at `index` in `text`.
    public func position(at index: Int) -> TextPosition {
        // Number of line starts at or before index.
        var lo = 0, hi = lineBreaks.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if lineBreaks[mid] <= index { lo = mid + 1 } else { hi = mid }
        }
        if lo == 0 { return TextPosition(line: start.line, column: start.column + index) }
        return TextPosition(line: start.line + lo, column: index - lineBreaks[lo - 1] + 1)
    }

    /// The unit's text as the file has it.
    public var string: String { makeString(text) }

    /// The text of a range of `text`.
    public func string(_ range: Range<Int>) -> String { makeString(text[range]) }

    /// The text a reader reads: content, code and math, with syntax removed and line breaks
    /// (with what follows them on the next line) turned into single spaces.
    public var plainText: String { plainText(in: text.indices) }

    /// The same for a range of `text` (a sentence), leaving out the `excluding` ranges
    /// (translator's notes); spaces at the end dropped.
    public func plainText(in range: Range<Int>, excluding: [Range<Int>] = []) -> String {
        // UTF-8 bytes written straight into one buffer, decoded once (a space is the last scalar
        // exactly when it is the last byte). At most four bytes a character: a line break
        // writes nothing itself and one space at most before the next character.
        let bytes = [UInt8](unsafeUninitializedCapacity: range.count * 4) { out, written in
            var n = 0
            var pendingSpace = false
            text.withUnsafeBufferPointer { text in
                roles.withUnsafeBufferPointer { roles in
                    for i in range {
                        if !excluding.isEmpty && excluding.contains(where: { $0.contains(i) }) { continue }
                        let c = text[i]
                        if roles[i].isRead {
                            if c == 0x0A || c == 0x0D { pendingSpace = true; continue }
                            if pendingSpace {
                                pendingSpace = false
                                if n > 0 && out[n - 1] != 0x20 { out[n] = 0x20; n += 1 }
                            }
                            guard c < 0xD800 || c > 0xDFFF else { continue }  // not a scalar: left out
                            n += writeUTF8(c, out.baseAddress! + n)
                        } else if c == 0x0A {
                            pendingSpace = true
                        }
                    }
                }
            }
            while n > 0 && out[n - 1] == 0x20 { n -= 1 }
            written = n
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True when every character a reader reads is code, and there is some (a table cell of
    /// `` `8080` `` alone): nothing to translate.
    public var isCodeAlone: Bool {
        var code = false
        for (c, r) in zip(text, roles) where r.isRead { guard r == .code else { return false }; if c != 0x20 { code = true } }
        return code
    }

    /// True when the unit holds at least one letter or digit of prose.
    public var hasContent: Bool {
        text.withUnsafeBufferPointer { text in roles.withUnsafeBufferPointer { Unit.hasContent(text, $0) } }
    }

    /// ``hasContent`` of a unit's text and roles.
    static func hasContent(_ text: UnsafeBufferPointer<UInt32>, _ roles: UnsafeBufferPointer<Role>) -> Bool {
        for i in text.indices where roles[i] == .content {
            let c = text[i]
            if c > 0x7F || (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) {
                if c != 0xA0 && c != 0x3000 && !(c >= 0x2000 && c <= 0x206F) { return true }
            }
        }
        return false
    }
}

/// A fenced or indented code block: not a unit, but an anchor for alignment.
public struct CodeBlock: Sendable {
    public var startLine: Int
    public var endLine: Int
    public var info: String
    public var literal: String
}

/// An HTML comment, kept for inline directives such as `<!-- bitext-disable mixed-language -->`.
public struct HTMLComment: Sendable {
    public var start: TextPosition
    public var end: TextPosition
    /// The text between `<!--` and `-->`, trimmed.
    public var body: String
}

/// A block of the document in reading order: a unit or a code block.
public enum Block: Sendable {
    case unit(Int)
    case code(Int)
}

/// A span of a file: first and last character, both inclusive.
public struct Span: Hashable, Sendable {
    public var start: TextPosition
    public var end: TextPosition
    public init(start: TextPosition, end: TextPosition) {
        self.start = start
        self.end = end
    }
}

extension Unit {
    /// The file span of a non-empty range of `text`.
    public func span(_ range: Range<Int>) -> Span {
        Span(start: position(at: range.lowerBound), end: position(at: max(range.lowerBound, range.upperBound - 1)))
    }
    /// The whole unit's span.
    public var span: Span { Span(start: start, end: end) }
}

extension Array where Element == Role {
    /// Calls `body` with each longest run of characters whose role is `role`, in order.
    @inlinable
    public func forEachRun(of role: Role, _ body: (Range<Int>) -> Void) {
        let n = count
        var k = 0
        while k < n {
            guard self[k] == role else { k += 1; continue }
            var e = k + 1
            while e < n && self[e] == role { e += 1 }
            body(k..<e)
            k = e
        }
    }
}
