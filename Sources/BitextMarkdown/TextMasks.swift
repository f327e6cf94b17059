/// Marks what cmark leaves as text but a translator does not translate: MDX comments
/// `{/* … */}`, heading ids `{#id}`, math between `$` signs (display math `$$…$$` across lines,
/// `\begin{…}…\end{…}`), template tags `{{ … }}` and `{% … %}`, the fences of VitePress
/// containers (`::: tip`), MkDocs admonition and tab lines (`!!! note`, `??? tip`, `=== "Python"`),
/// DocC aside keywords (`> Note:`), the text of inline `<code>`, `<kbd>`, `<var>` and `<samp>`
/// elements, and `&lt;placeholder&gt;` written with entities.
/// Attributes whose value is text for the reader (HTML's `alt`, `title`, `label`, `placeholder`;
/// a figure's `caption`; a tooltip's `text`), in a shortcode or a tag.
public enum DisplayAttributes {
    public static let names: Set<String> = ["text", "title", "alt", "label", "caption", "placeholder", "description", "tooltip"]
}

enum TextMasks {
    /// Which ASCII characters a text holds, and whether it holds `→`.
    struct CharPresence {
        private var low: UInt64 = 0, high: UInt64 = 0
        var arrow = false

        init() {}

        /// As if the text held every character.
        static let all = CharPresence(low: ~0, high: ~0, arrow: true)

        init(low: UInt64, high: UInt64, arrow: Bool) {
            self.low = low
            self.high = high
            self.arrow = arrow
        }

        init<Text: Sequence<UInt32>>(_ raw: Text) {
            var low: UInt64 = 0, high: UInt64 = 0, arrow = false
            for c in raw {
                if c < 0x40 { low |= 1 &<< UInt64(c) }
                else if c < 0x80 { high |= 1 &<< UInt64(c &- 0x40) }
                else if c == 0x2192 { arrow = true }
            }
            self.low = low
            self.high = high
            self.arrow = arrow
        }

        /// Whether the ASCII character `c` occurs.
        func contains(_ c: UInt32) -> Bool {
            c < 0x40 ? low & (1 &<< UInt64(c)) != 0 : high & (1 &<< UInt64(c &- 0x40)) != 0
        }
    }

    /// - Parameter presence: what `raw` holds, if the caller knows (else one pass finds out).
    /// - Parameter everyPass: run every pass whatever the text holds (the reference tests
    ///   compare the skipping with).
    static func apply(_ raw: [UInt32], _ roles: inout [Role], isHeading: Bool, inQuote: Bool = false,
                      presence: CharPresence? = nil, everyPass: Bool = false) {
        raw.withUnsafeBufferPointer { raw in
            roles.withUnsafeMutableBufferPointer { roles in
                apply(raw, roles, isHeading: isHeading, inQuote: inQuote, presence: presence, everyPass: everyPass)
            }
        }
    }

    /// ``apply(_:_:isHeading:inQuote:presence:everyPass:)`` on buffers (a block's, in the
    /// document's scratch).
    /// - Parameter inTable: a table's cell: no grammar production (a cell that starts with a word
    ///   and an arrow is a menu path, `| Config → Profiles |`).
    static func apply(_ raw: UnsafeBufferPointer<UInt32>, _ roles: UnsafeMutableBufferPointer<Role>, isHeading: Bool,
                      inQuote: Bool = false, inTable: Bool = false, presence: CharPresence? = nil, everyPass: Bool = false) {
        let n = raw.count
        // Every pass below acts only at a few ASCII characters (or `→`): one pass learns which
        // of them the text holds, and the passes it cannot affect are skipped (most prose units
        // hold none of them).
        let present = everyPass ? CharPresence.all : presence ?? CharPresence(raw)
        if present.arrow && !inTable { markGrammarLines(raw, roles) }
        if inQuote || present.contains(0x21) || present.contains(0x3F) || present.contains(0x3D) {  // ! ? =
            markLineSyntax(raw, roles, inQuote: inQuote)
        }
        if present.contains(0x5D) && present.contains(0x5B) { markReferenceLinks(raw, roles) }  // ] [
        guard present.contains(0x3C) || present.contains(0x5C) || present.contains(0x26) || present.contains(0x7B)
                || present.contains(0x24) || present.contains(0x3A) else { return }  // < \ & { $ :
        if present.contains(0x3C) { markCodeElements(raw, roles) }
        var k = 0
        while k < n {
            // Nothing happens at any other character: on to the next `\ & { < $ :`.
            while k < n && !isTrigger(raw[k]) { k += 1 }
            if k >= n { break }
            let c = raw[k]
            if roles[k] == .code || roles[k] == .url || roles[k] == .destination { k += 1; continue }
            if c == 0x5C && roles[k] == .content && k + 6 < n && matches(raw, k + 1, "begin{"),
               let e = environmentEnd(raw, from: k) {  // \begin{aligned} … \end{aligned}
                mark(roles, k..<e, .math); k = e; continue
            }
            if c == 0x26 && roles[k] == .markup && k + 3 < n && matches(raw, k + 1, "lt;"),
               let e = placeholderEnd(raw, from: k + 4) {  // &lt;name&gt;
                mark(roles, k..<e, .code); k = e; continue
            }
            if c == 0x7B && k + 1 < n {  // {
                let d = raw[k + 1]
                if d == 0x2F && k + 2 < n && raw[k + 2] == 0x2A, let e = find([0x2A, 0x2F, 0x7D], raw, from: k + 3) {
                    mark(roles, k..<(e + 3), .structure); k = e + 3; continue
                }
                if (d == 0x7B || d == 0x25), let e = find([d == 0x7B ? 0x7D : 0x25, 0x7D], raw, from: k + 2) {
                    mark(roles, k..<(e + 2), .markup)
                    // A shortcode (`{{< … >}}`, `{{% … %}}`) shows its display attributes' values.
                    if d == 0x7B && k + 2 < n && (raw[k + 2] == 0x3C || raw[k + 2] == 0x25) { markDisplayValues(raw, roles, k..<(e + 2)) }
                    k = e + 2; continue
                }
                if d == 0x23 && isHeading, let e = find([0x7D], raw, from: k + 2),
                   raw[(e + 1)...].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x23 || $0 == 0x0D || $0 == 0x0A }) {
                    mark(roles, k..<(e + 1), .structure); k = e + 1; continue
                }
            }
            if c == 0x3C && roles[k] == .content, let e = jsxTagEnd(raw, from: k) {  // <Component …>
                mark(roles, k..<e, .markup); k = e; continue
            }
            if c == 0x24 && roles[k] == .content, let e = mathEnd(raw, roles, from: k) {  // $
                mark(roles, k..<e, .math); k = e; continue
            }
            if c == 0x3A && (k == 0 || raw[k - 1] == 0x0A) && k + 2 < n && raw[k + 1] == 0x3A && raw[k + 2] == 0x3A {
                // ::: name (the fence and the container's type are syntax; a custom title is text)
                var e = k
                while e < n && raw[e] == 0x3A { e += 1 }
                while e < n && raw[e] == 0x20 { e += 1 }
                while e < n && raw[e] != 0x20 && raw[e] != 0x0A && raw[e] < 0x80 { e += 1 }
                mark(roles, k..<e, .structure); k = e; continue
            }
            k += 1
        }
    }

    /// `\ & { < $ :`, where the main pass may act.
    @inline(__always) private static func isTrigger(_ c: UInt32) -> Bool {
        // Bits of 0x24 $, 0x26 &, 0x3A :, 0x3C < (below 0x40) and 0x5C \, 0x7B { (above).
        let low: UInt64 = 1 << 0x24 | 1 << 0x26 | 1 << 0x3A | 1 << 0x3C
        let high: UInt64 = 1 << (0x5C - 0x40) | 1 << (0x7B - 0x40)
        if c < 0x40 { return low & (1 &<< UInt64(c)) != 0 }
        if c < 0x80 { return high & (1 &<< UInt64(c &- 0x40)) != 0 }
        return false
    }

    /// Line syntax of MkDocs, MyST and DocC that cmark leaves as text: the marker lines of MkDocs's
    /// containers (``MkDocsMarkerLine``: `!!! note "Title"`, `???+ tip`, `=== "Python"`), a MyST
    /// target (`(label)=`) and a DocC aside keyword opening a block quote (`> Note:`).
    static func markLineSyntax(_ raw: UnsafeBufferPointer<UInt32>, _ roles: UnsafeMutableBufferPointer<Role>, inQuote: Bool) {
        let n = raw.count
        var start = 0
        while start < n {
            var end = start
            while end < n && raw[end] != 0x0A { end += 1 }
            var k = start
            while k < end && (raw[k] == 0x20 || roles[k] == .structure) { k += 1 }
            var textEnd = end
            while textEnd > k && (raw[textEnd - 1] == 0x20 || raw[textEnd - 1] == 0x0D) { textEnd -= 1 }
            if k < end, roles[k] == .content, let marker = MkDocsMarkerLine(raw, k, textEnd) {
                // The marker, the type words and the title's quotes are block syntax; the title
                // is the text, where it stands (a tab's title names what it shows: code).
                if let title = marker.title {
                    mark(roles, k..<title.lowerBound, .structure)
                    mark(roles, title.upperBound..<end, .structure)
                    if marker.kind == .tab { for x in title where roles[x] == .content { roles[x] = .code } }
                } else {
                    mark(roles, k..<end, .structure)
                }
            } else if k < end, raw[k] == 0x28, roles[k] == .content {
                // A MyST target, `(label)=` alone on its line (before a heading): a name for
                // `{ref}` links, syntax, never text to translate.
                let e = textEnd
                if e - k >= 4 && raw[e - 1] == 0x3D && raw[e - 2] == 0x29,
                   (k + 1..<e - 2).allSatisfy({ raw[$0] > 0x20 && raw[$0] != 0x28 && raw[$0] != 0x29 }) {
                    mark(roles, k..<e, .markup)
                }
            }
            start = end + 1
        }
        // DocC asides: `> Note:` — one capitalised ASCII word and a colon opening a quote line.
        if inQuote && n > 2 {
            var k = 0
            while k < n && (raw[k] == 0x20 || roles[k] == .structure) { k += 1 }
            guard k < n, raw[k] >= 0x41 && raw[k] <= 0x5A else { return }
            var e = k + 1
            while e < n && raw[e] >= 0x61 && raw[e] <= 0x7A { e += 1 }
            if e < n && raw[e] == 0x3A && e - k >= 3 && e - k <= 12 && roles[k..<e].allSatisfy({ $0 == .content }) {
                mark(roles, k..<(e + 1), .markup)
            }
        }
    }

    /// A reference link cmark-gfm left as text because the page defines no such label:
    /// mkdocstrings' cross-references (``[`Runner.run`][agents.run.Runner.run]``, `[Runner][]`),
    /// which the site's autorefs plugin resolves. To the reader a link: its brackets are syntax
    /// and its label (no spaces, on one line) where it points, like a link's destination; the
    /// text stays what it is. Not after a letter or digit (`m[0][1]` indexes).
    static func markReferenceLinks(_ raw: UnsafeBufferPointer<UInt32>, _ roles: UnsafeMutableBufferPointer<Role>) {
        let n = raw.count
        var k = 1
        while k + 1 < n {
            guard raw[k] == 0x5D, raw[k + 1] == 0x5B, roles[k] == .content, roles[k + 1] == .content else { k += 1; continue }
            // The label: up to the next `]`, no space, bracket or line break inside.
            var e = k + 2
            while e < n && raw[e] != 0x5D && raw[e] != 0x5B && raw[e] > 0x20 { e += 1 }
            // The text: back to its `[` on the same line (brackets of code inside it are code).
            var b = k - 1
            while b >= 0 && raw[b] != 0x0A && !(raw[b] == 0x5B && roles[b] == .content) && !(raw[b] == 0x5D && roles[b] == .content) { b -= 1 }
            guard e < n, raw[e] == 0x5D, roles[e] == .content, (k + 2..<e).allSatisfy({ roles[$0] == .content }),
                  b >= 0, raw[b] == 0x5B, roles[b] == .content, b + 1 < k, b == 0 || !isASCIILetterOrDigit(raw[b - 1]) else { k += 1; continue }
            roles[b] = .markup
            mark(roles, k..<(k + 2), .markup)
            mark(roles, (k + 2)..<e, .destination)
            roles[e] = .markup
            k = e + 1
        }
    }

    /// Tags of blocks, cells and items (`li`, `td`, `th`, `tr`, `p`, `ul`, `ol`, `dd`, `dt`, `div`,
    /// `table`'s first five letters), packed as ``markCodeElements(_:_:)`` packs a name.
    static let blockNames: Set<UInt64> = Set(["li", "td", "th", "tr", "p", "ul", "ol", "dd", "dt", "div", "table"].map { n in
        n.utf8.prefix(5).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    })

    /// The text of inline `<code>`, `<kbd>`, `<var>` and `<samp>` elements is code, like
    /// backticks (the tags themselves are already markup).
    static func markCodeElements(_ raw: UnsafeBufferPointer<UInt32>, _ roles: UnsafeMutableBufferPointer<Role>) {
        let n = raw.count
        var k = 0
        var depth = 0
        while k < n {
            if depth == 0 {
                // Outside the elements only a `<` matters.
                while k < n && raw[k] != 0x3C { k += 1 }
                if k >= n { break }
            }
            if raw[k] == 0x3C && roles[k] == .markup {
                var e = k + 1
                let closing = e < n && raw[e] == 0x2F
                if closing { e += 1 }
                // The name's first five characters, lowercased, one byte each.
                var name: UInt64 = 0, length = 0
                while e < n && isASCIILetterOrDigit(raw[e]) && length < 5 {
                    name = name << 8 | UInt64(raw[e] | 0x20); length += 1; e += 1
                }
                // code, kbd, var, samp
                let isCode = name == 0x636F_6465 || name == 0x6B_6264 || name == 0x76_6172 || name == 0x7361_6D70
                // On to the end of this tag only: the next one may follow at once (`<td><kbd>`).
                var t = e
                while t < n && roles[t] == .markup && raw[t] != 0x3E { t += 1 }
                // `src=`: a component that embeds a file (a docs site's `<code src="./demo/x.tsx">`),
                // whose text is the demo's caption, not code.
                let embeds = isCode && t > e + 3 && (e + 3..<t).contains { raw[$0] == 0x3D && raw[$0 - 3] == 0x73 && raw[$0 - 2] == 0x72 && raw[$0 - 1] == 0x63 }
                if t < n && raw[t] == 0x3E { t += 1 }
                if isCode && !embeds && e < n && (raw[e] == 0x3E || raw[e] == 0x20) {
                    depth = max(0, depth + (closing ? -1 : 1))
                } else if depth > 0 && e < n && (raw[e] == 0x3E || raw[e] == 0x20 || raw[e] == 0x2F) && TextMasks.blockNames.contains(name) {
                    // A cell, row, item or paragraph tag ends a `<code>` left open inside it
                    // (`<li><code>{0: 1}</li>`): the cells and rows after it are not code.
                    depth = 0
                }
                k = max(t, k + 1)
                continue
            }
            if depth > 0 && roles[k] == .content { roles[k] = .code }
            k += 1
        }
    }

    /// Lines of a formal grammar (`*statement* → *expression* …`, as in the Swift book) are
    /// notation, not prose: their text becomes code.
    static func markGrammarLines(_ raw: UnsafeBufferPointer<UInt32>, _ roles: UnsafeMutableBufferPointer<Role>) {
        guard raw.contains(0x2192) else { return }  // →
        var start = 0
        let n = raw.count
        while start < n {
            var end = start
            while end < n && raw[end] != 0x0A { end += 1 }
            var k = start
            // Skip quote markers, spaces and emphasis, then expect `name` and `→`: one name, a
            // single token (`*platform-condition* →`); words with spaces between them are prose
            // that points somewhere (`go to **Settings → Webhooks**`), and so is an arrow inside
            // emphasis that closes after it (`**Export → Config** to share it.`, a wrapped line
            // of a paragraph): the name's emphasis closes before the arrow.
            while k < end && (raw[k] == 0x20 || raw[k] == 0x3E || roles[k] == .structure) { k += 1 }
            var sawName = false, spaceAfterName = false, oneToken = true
            var opening = 0, closing = 0  // `*` before and after the name
            while k < end {
                let c = raw[k]
                if c == 0x2A || c == 0x5F || c == 0x2D || c == 0x20 || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || (c >= 0x30 && c <= 0x39) {
                    if c == 0x20 { spaceAfterName = sawName }
                    else if c == 0x2A { if sawName { closing += 1 } else { opening += 1 } }
                    else {
                        if spaceAfterName || closing > 0 { oneToken = false }
                        sawName = true
                    }
                    k += 1
                    continue
                }
                break
            }
            if sawName && oneToken && opening == closing && k < end && raw[k] == 0x2192 {
                for x in start..<end where roles[x] == .content { roles[x] = .code }
            }
            start = end + 1
        }
    }

    /// The end (exclusive) of a JSX/HTML tag that cmark left as text (`<Fragment>`, `<>`,
    /// `<img … style={{…}} />`), or nil.
    private static func jsxTagEnd(_ raw: UnsafeBufferPointer<UInt32>, from k: Int) -> Int? {
        let n = raw.count
        var i = k + 1
        guard i < n else { return nil }
        if raw[i] == 0x2F { i += 1 }  // </
        guard i < n else { return nil }
        if raw[i] == 0x3E { return i + 1 }  // <> or </>
        guard (raw[i] | 0x20) >= 0x61 && (raw[i] | 0x20) <= 0x7A else { return nil }
        var braces = 0
        var quote: UInt32? = nil
        let limit = min(n, k + 400)
        while i < limit {
            let c = raw[i]
            if let q = quote { if c == q { quote = nil }; i += 1; continue }
            if c == 0x7B { braces += 1 } else if c == 0x7D { braces -= 1 }
            else if (c == 0x22 || c == 0x27) && (braces > 0 || raw[i - 1] == 0x3D) { quote = c }
            else if c == 0x3E && braces <= 0 { return i + 1 }
            else if c == 0x3C && braces <= 0 { return nil }
            i += 1
        }
        return nil
    }

    @inline(__always) private static func isASCIILetterOrDigit(_ c: UInt32) -> Bool {
        (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A)
    }

    private static func matches(_ raw: UnsafeBufferPointer<UInt32>, _ at: Int, _ s: StaticString) -> Bool {
        var k = at
        var ok = true
        s.withUTF8Buffer { b in
            for c in b {
                if k >= raw.count || raw[k] != UInt32(c) { ok = false; return }
                k += 1
            }
        }
        return ok
    }

    /// The end (exclusive) of a LaTeX environment `\begin{name}…\end{name}` starting at `k`.
    private static func environmentEnd(_ raw: UnsafeBufferPointer<UInt32>, from k: Int) -> Int? {
        guard let close = find([0x7D], raw, from: k + 7) else { return nil }
        let name = Array(raw[(k + 7)..<close])
        guard !name.isEmpty, name.count < 20 else { return nil }
        let end: [UInt32] = [0x5C, 0x65, 0x6E, 0x64, 0x7B] + name + [0x7D]  // \end{name}
        guard let e = find(end, raw, from: close + 1) else { return nil }
        return e + end.count
    }

    /// The end (exclusive) of `name&gt;` (or `name>`) after `&lt;`: a placeholder written with entities,
    /// one token without spaces.
    private static func placeholderEnd(_ raw: UnsafeBufferPointer<UInt32>, from k: Int) -> Int? {
        var e = k
        let limit = min(raw.count, k + 60)
        // One token, no spaces: `&lt;your-project&gt;`, not a title such as `&lt;Adding a language&gt;`.
        while e < limit && (isASCIILetterOrDigit(raw[e]) || raw[e] == 0x2D || raw[e] == 0x5F
                            || raw[e] == 0x2E || raw[e] == 0x2F || raw[e] == 0x3A) { e += 1 }
        guard e > k, e < limit else { return nil }
        if raw[e] == 0x3E { return e + 1 }
        if raw[e] == 0x26 && matches(raw, e + 1, "gt;") { return e + 4 }
        return nil
    }

    /// The values of a shortcode's display attributes (``DisplayAttributes``) are text the
    /// reader sees (`{{< glossary_tooltip text="容器" term_id="container" >}}`): content again.
    private static func markDisplayValues(_ raw: UnsafeBufferPointer<UInt32>, _ roles: UnsafeMutableBufferPointer<Role>, _ r: Range<Int>) {
        var i = r.lowerBound
        while i + 1 < r.upperBound {
            defer { i += 1 }
            guard raw[i] == 0x3D, raw[i + 1] == 0x22 || raw[i + 1] == 0x27 else { continue }  // =" or ='
            var j = i
            while j > r.lowerBound && (isASCIILetterOrDigit(raw[j - 1]) || raw[j - 1] == 0x5F || raw[j - 1] == 0x2D) { j -= 1 }
            let name = String(decoding: raw[j..<i].map { UInt8(truncatingIfNeeded: $0 | 0x20) }, as: UTF8.self)
            guard DisplayAttributes.names.contains(name) else { continue }
            let quote = raw[i + 1]
            var close = i + 2
            while close < r.upperBound && raw[close] != quote { close += 1 }
            guard close < r.upperBound else { return }
            for x in (i + 2)..<close { roles[x] = .content }
            i = close
        }
    }

    private static func mark(_ roles: UnsafeMutableBufferPointer<Role>, _ r: Range<Int>, _ role: Role) {
        for x in r { roles[x] = role }
    }

    private static func find(_ pattern: [UInt32], _ raw: UnsafeBufferPointer<UInt32>, from: Int) -> Int? {
        var k = from
        let n = raw.count
        let limit = min(n, from + 2000)
        while k + pattern.count <= limit {
            if raw[k] == pattern[0] {
                var ok = true
                for (o, p) in pattern.enumerated().dropFirst() where raw[k + o] != p { ok = false; break }
                if ok { return k }
            }
            k += 1
        }
        return nil
    }

    /// The end (exclusive) of `$…$` or `$$…$$` math starting at `k`: the opening `$` is followed
    /// by a non-space, the closing one preceded by a non-space and not followed by a digit, on
    /// the same line (display math may span lines).
    private static func mathEnd(_ raw: UnsafeBufferPointer<UInt32>, _ roles: UnsafeMutableBufferPointer<Role>, from k: Int) -> Int? {
        let n = raw.count
        let display = k + 1 < n && raw[k + 1] == 0x24
        let open = display ? k + 2 : k + 1
        // Display math may open with a line break (`$$` on a line of its own).
        guard open < n, display || (raw[open] != 0x20 && raw[open] != 0x0A), raw[open] != 0x24 || display else { return nil }
        var e = open
        let limit = min(n, open + (display ? 8000 : 1000))
        while e < limit {
            let c = raw[e]
            if c == 0x0A && !display { return nil }
            if c == 0x24 && raw[e - 1] != 0x5C {
                if display {
                    if e + 1 < n && raw[e + 1] == 0x24 { return e + 2 }
                    return nil
                }
                if raw[e - 1] == 0x20 { return nil }
                if e + 1 < n && raw[e + 1] >= 0x30 && raw[e + 1] <= 0x39 { return nil }
                return e + 1
            }
            e += 1
        }
        return nil
    }
}
