import BitextMarkdown
import BitextText

/// What the aligner knows about one block of a document.
public struct BlockFeatures: Sendable {
    public enum Kind: Equatable, Sendable {
        case heading(Int)
        case text
        case list(Int)
        case cell(row: Int, column: Int)
        case code
        case frontMatter(String)
        case quote
        case alt
    }
    public var kind: Kind
    /// Letters and digits of prose (Latin and other non-Han scripts).
    public var letters: Int
    /// Han characters of prose.
    public var han: Int
    /// Anchors that survive translation: numbers, inline code, normalised link targets.
    public var anchors: [String]
    /// Latin words of prose (lowercased), for names kept in the translation.
    public var latinWords: [String]
    /// The block's plain text (units) or normalised code (code blocks).
    public var key: String
    public var isNote: Bool
    /// Links and images.
    public var links: Int
    public var line: Int
    public var endLine: Int
    /// A heading's explicit id (`{#id}`, MDX `{/*id*/}`, an `<a id>` inside it): translators
    /// keep it so links into the page still work, which makes it an anchor for the aligner.
    public var headingID: String? = nil
    /// A table cell's row key: the cells of its row that hold only code (no units, so the
    /// aligner sees them nowhere else), by column: `| \`--level=<l>\` | Show records… |` gives
    /// the description cell the key `--level=<l>` in column 0. Translators keep such cells as
    /// they are, so they say which row a cell belongs to when the translation dropped a row.
    public var rowKey: [RowKeyCell] = []
    /// A table cell's row values: the cells of its row whose text a translation keeps as it is
    /// (numbers, units, symbols, upper-case names: ``tableValue(_:)``), normalised, by column.
    /// `| Storage temperature | −65 | 150 | °C |` gives every cell of the row `-65`, `150`,
    /// `°c` in columns 1–3: where the label cells say nothing to the aligner, the values say
    /// which row of the translation is this row (the row a translation dropped matches none).
    public var rowValues: [RowKeyCell] = []
    /// An HTML table cell's row code: the cells of its row that hold one `<code>` span and
    /// nothing else (no units, so the aligner sees them nowhere else), by column. They pin a
    /// moved row to its partner (``BlockAligner/pinnedRows``) where the code is the row's own.
    public var codeCells: [RowKeyCell] = []
    /// The text of a bold label the block opens with and goes on after (`**配置依赖：** 点击…`),
    /// nil for other blocks: a translation that wrote a heading and its paragraph as one labelled
    /// item keeps the heading's words there.
    public var label: String? = nil
    /// Normalised sources of the images of inline HTML (`<img src=…>`, `<source src=…>`): not
    /// anchors (an image the translation replaced leaves its pair as sure as before), but one
    /// that each side holds once pins its block (``BlockAligner/pinnedLinkCost``).
    public var images: [String] = []
    /// A table cell's one link to a page with a scheme (Markdown or `<a href>`, not an image),
    /// normalised: translators keep the target of a `Link` / `链接` cell, so where no other row
    /// links there it says which row the cell's is (``BlockAligner/pinnedRows``).
    public var cellLink: String? = nil

    /// A code-only cell of a row: its column and its code (the spans joined by a space).
    public struct RowKeyCell: Equatable, Sendable {
        public var column: Int
        public var code: String
        public init(column: Int, code: String) {
            self.column = column
            self.code = code
        }
    }

    /// Features of every block of a document, in `Document.blocks` order.
    public static func of(_ doc: Document, analyses: [TextAnalysis], functionWords: Set<String>) -> [BlockFeatures] {
        let rows = rowKeys(doc), values = rowValues(doc)
        var cells = HTMLCells()
        // The HTML cells' rows (table and row), to give each the code cells of its row once
        // every gap is read.
        var htmlRows: [(block: Int, row: Int)] = []
        var features = doc.blocks.enumerated().map { (index, b) in
            switch b {
            case .code(let k):
                let c = doc.codeBlocks[k]
                return BlockFeatures(kind: .code, letters: 0, han: 0, anchors: [], latinWords: [],
                                     key: normalizedCode(c.literal), isNote: false, links: 0,
                                     line: c.startLine, endLine: c.endLine)
            case .unit(let k):
                var f = unit(doc.units[k], analyses[k], functionWords: functionWords)
                if case .heading = f.kind { f.headingID = doc.headingID(k)?.id }
                switch doc.units[k].kind {
                case .tableCell:
                    let line = doc.units[k].start.line
                    if let key = rows[line] { f.rowKey = key }
                    if let v = values[line] { f.rowValues = v }
                    f.cellLink = cellLink(doc.units[k])
                case .html(let tag) where HTMLCells.isCell(tag):
                    let (row, column) = cells.place(doc.units[k].byteRange, in: doc.source.bytes)
                    f.kind = .cell(row: row, column: column)
                    htmlRows.append((index, max(0, cells.table) * 100_000 + row))
                    f.cellLink = cellLink(doc.units[k])
                default: break
                }
                return f
            }
        }
        if !cells.codes.isEmpty {
            for (block, row) in htmlRows { if let c = cells.codes[row] { features[block].codeCells = c } }
        }
        return features
    }

    /// The one link of a cell (``cellLink``), nil for a cell with none, two or more, or one
    /// without a scheme.
    static func cellLink(_ u: Unit) -> String? {
        let links = u.linkTargets.filter { !$0.isImage }
        guard links.count == 1, links[0].destination.contains("://") else { return nil }
        return normalizedURL(links[0].destination)
    }

    /// Where the cells of HTML tables stand (`<td>`, `<th>`): the aligner weighs them as it
    /// weighs a Markdown table's cells (rows, columns; cells never merge), so a bead never joins
    /// cells of two rows, or a cell with the paragraph after `</table>`. One pass over the bytes
    /// between one cell unit and the next, counting the `<table>`, `<tr>`, `<td>` and `<th>`
    /// tags there (a cell of code only is no unit, but its tag counts its column).
    public struct HTMLCells {
        var cursor = 0
        var table = -1
        var row = -1
        var column = 0
        /// The cells of one `<code>` span only, by row (`table * 100_000 + row`), in column order.
        var codes: [Int: [RowKeyCell]] = [:]

        /// The table and row of every HTML table cell unit of a document (`table * 100_000 +
        /// row`, tables counted from 0 by their `<table>` tags), by unit index: the bilingual
        /// rules report a row of an HTML table missing or added once, as a Markdown table's.
        public static func rows(_ doc: Document) -> [Int: Int] {
            var out: [Int: Int] = [:]
            var cells = HTMLCells()
            for (k, u) in doc.units.enumerated() {
                guard case .html(let tag) = u.kind, isCell(tag) else { continue }
                let (row, _) = cells.place(u.byteRange, in: doc.source.bytes)
                out[k] = max(0, cells.table) * 100_000 + row
            }
            return out
        }

        /// The code of a cell whose open tag ends at `from` (its `>` or attributes) when the cell
        /// holds one `<code>` span and nothing else before `</td>` or `</th>`.
        static func codeOnly(_ bytes: [UInt8], from: Int, to end: Int) -> String? {
            var i = from
            while i < end && bytes[i] != 0x3E { i += 1 }
            i += 1
            func skipSpace() { while i < end && (bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x09) { i += 1 } }
            func tag(_ name: [UInt8]) -> Bool {
                guard i + name.count <= end else { return false }
                for (m, c) in name.enumerated() where bytes[i + m] | (c >= 0x61 ? 0x20 : 0) != c { return false }
                i += name.count
                return true
            }
            skipSpace()
            guard tag(Array("<code>".utf8)) else { return nil }
            let start = i
            while i < end && bytes[i] != 0x3C { i += 1 }
            let stop = i
            guard stop > start, tag(Array("</code>".utf8)) else { return nil }
            skipSpace()
            guard tag(Array("</td>".utf8)) || tag(Array("</th>".utf8)) else { return nil }
            return String(decoding: bytes[start..<stop], as: UTF8.self)
        }

        public static func isCell(_ tag: String) -> Bool {
            let u = tag.utf8
            guard u.count == 2, let f = u.first, f | 0x20 == 0x74, let l = u.last else { return false }  // t
            return l | 0x20 == 0x64 || l | 0x20 == 0x68  // d, h
        }

        /// The row (in its table, from 0) and column of the cell unit at `range`.
        mutating func place(_ range: Range<Int>, in bytes: [UInt8]) -> (Int, Int) {
            let end = min(range.lowerBound, bytes.count)
            var k = max(0, cursor)
            while k < end {
                guard bytes[k] == 0x3C else { k += 1; continue }  // <
                var j = k + 1
                let closing = j < end && bytes[j] == 0x2F
                if closing { j += 1 }
                let name = j
                while j < end, bytes[j] | 0x20 >= 0x61 && bytes[j] | 0x20 <= 0x7A { j += 1 }
                k = j
                guard !closing, j < end, bytes[j] == 0x3E || bytes[j] == 0x20 || bytes[j] == 0x0A || bytes[j] == 0x09 || bytes[j] == 0x2F else { continue }
                let n = j - name
                let a = bytes[name] | 0x20
                if n == 5, a == 0x74, bytes[name + 1] | 0x20 == 0x61 {  // table
                    table += 1
                    row = -1
                    column = 0
                } else if n == 2, a == 0x74 {
                    switch bytes[name + 1] | 0x20 {
                    case 0x72: row += 1; column = 0  // tr
                    case 0x64, 0x68:                 // td, th
                        column += 1
                        if let code = HTMLCells.codeOnly(bytes, from: j, to: end) {
                            codes[max(0, table) * 100_000 + max(0, row), default: []].append(RowKeyCell(column: column - 1, code: code))
                        }
                    default: break
                    }
                }
            }
            cursor = max(cursor, range.upperBound)
            return (max(0, row), max(0, column - 1))
        }
    }

    /// The code-only cells of each table row (``Document/silentBlocks``), by the row's line (a
    /// row is one line), in column order. Empty when the document was read without its silent
    /// blocks.
    public static func rowKeys(_ doc: Document) -> [Int: [RowKeyCell]] {
        var out: [Int: [RowKeyCell]] = [:]
        for s in doc.silentBlocks {
            guard case .tableCell(_, let column) = s.kind else { continue }
            let spans = s.inlineCode
            guard !spans.isEmpty else { continue }
            out[s.start.line, default: []].append(RowKeyCell(column: column, code: spans.map(\.code).joined(separator: " ")))
        }
        return out
    }

    /// The value cells of each table row (``rowValues``), by the row's line, in column order,
    /// with its empty cells as empty values: a value beside an empty cell is a difference (two
    /// empty cells are no likeness).
    public static func rowValues(_ doc: Document) -> [Int: [RowKeyCell]] {
        var out: [Int: [RowKeyCell]] = [:]
        var lastLine = 0
        for u in doc.units {
            guard case .tableCell(_, let column) = u.kind else { continue }
            let line = u.start.line
            if line != lastLine {
                lastLine = line
                for c in emptyCells(doc.source, line: line) { out[line, default: []].append(RowKeyCell(column: c, code: "")) }
            }
            if let v = tableValue(u.plainText) { out[line, default: []].append(RowKeyCell(column: column, code: v)) }
        }
        for (line, cells) in out where cells.count > 1 { out[line] = cells.sorted { $0.column < $1.column } }
        return out
    }

    /// The columns of a table row's line whose cells are empty (cells split at pipes not
    /// escaped; what stands before the first pipe is no cell when blank or a quote marker, and
    /// what stands after the last is no cell when blank, never an empty one).
    static func emptyCells(_ text: SourceText, line: Int) -> [Int] {
        let bytes = text.bytes[text.lineByteRange(line)]
        var pieces: [Bool] = []  // whether each piece is blank
        var blank = true, escaped = false, prefixMarker = true
        for b in bytes {
            if escaped { escaped = false; blank = false; continue }
            if b == 0x5C { escaped = true; blank = false; continue }
            if b == 0x7C {
                pieces.append(blank || pieces.isEmpty && prefixMarker)
                blank = true
                continue
            }
            if b != 0x20 && b != 0x09 {
                blank = false
                if pieces.isEmpty && b != 0x3E { prefixMarker = false }
            }
        }
        guard !pieces.isEmpty else { return [] }
        var cells = pieces
        // The piece before the first pipe: a cell only when it holds text.
        if pieces[0] { cells.removeFirst() }
        var out: [Int] = []
        for (c, isBlank) in cells.enumerated() where isBlank { out.append(c) }
        return out
    }

    /// A table cell's text as a value that translations keep, normalised (spaces and digit
    /// group commas dropped, ASCII letters lowercased, full-width forms, minus and hyphen signs,
    /// ℃, micro and ohm signs written one way), or nil when the cell is something to translate:
    /// Han, or a run of four or more Latin letters with a lower-case one (`temperature`; not
    /// `ESD`, `SOT-23`, `mA`, `°C`), unless the cell is one token with a dot, slash, colon,
    /// equals sign, underscore or digit. Up to 32 characters.
    public static func tableValue(_ text: String) -> String? {
        // One token with a dot, slash, colon, equals sign, underscore or digit is a name or a
        // value (`worker.exec-threads`, `v2.4.0`, `utf-8`), whatever its letters.
        let token = !text.isEmpty && text.utf8.allSatisfy { $0 != 0x20 }
            && text.utf8.contains { $0 == 0x2E || $0 == 0x2F || $0 == 0x3A || $0 == 0x3D || $0 == 0x5F || $0 >= 0x30 && $0 <= 0x39 }
        var out = String.UnicodeScalarView()
        var run = 0, runLower = false, count = 0
        func endRun() -> Bool {
            defer { run = 0; runLower = false }
            return token || !(run >= 4 && runLower)
        }
        for c in text.unicodeScalars {
            var v = c.value
            count += 1
            if count > 32 { return nil }
            if v >= 0x2E80 && v < 0xA000 || v >= 0xF900 && v < 0xFB00 || v >= 0x20000 { return nil }
            if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }
            switch v {
            case 0x2212, 0x2010, 0x2011, 0x2012, 0x2013, 0xFE63: v = 0x2D
            case 0xB5: v = 0x3BC
            case 0x2126: v = 0x3A9
            default: break
            }
            if v == 0x2103 || v == 0x2109 {
                guard endRun() else { return nil }
                out.append("°")
                out.append(Unicode.Scalar(v == 0x2103 ? 0x63 : 0x66)!)
                continue
            }
            let upper = v >= 0x41 && v <= 0x5A
            let lower = v >= 0x61 && v <= 0x7A || v >= 0xC0 && v <= 0x24F && v != 0xD7 && v != 0xF7
            if upper || lower {
                run += 1
                runLower = runLower || lower
                out.append(Unicode.Scalar(upper ? v + 0x20 : v)!)
                continue
            }
            guard endRun() else { return nil }
            if v == 0x20 || v == 0xA0 || v == 0x2009 || v == 0x202F || v == 0x2C { continue }
            guard let scalar = Unicode.Scalar(v) else { return nil }
            out.append(scalar)
        }
        guard endRun(), !out.isEmpty else { return nil }
        return String(out)
    }

    /// True when two different pieces of code are one piece changed a little: both of three
    /// characters or more, beginning with the same three (a letter or digit among them), and
    /// sharing most of their character pairs (Dice ≥ 0.6): `--max-count=<N>` beside `--max=<N>`,
    /// `temperature=0` beside `temperature=0.2`; not `-l` beside `-n`, `getValue` beside
    /// `setValue` or `onChange` beside `onClick`.
    public static func similarCode(_ a: [UInt32], _ b: [UInt32]) -> Bool {
        guard a != b, a.count >= 3, b.count >= 3, a[0] == b[0], a[1] == b[1], a[2] == b[2],
              a[0..<3].contains(where: { c in c >= 0x30 && c <= 0x39 || c | 0x20 >= 0x61 && c | 0x20 <= 0x7A || c > 0x7F })
        else { return false }
        // Character pairs of the shorter, counted off against the longer's (both short: code).
        let (x, y) = a.count <= b.count ? (a, b) : (b, a)
        var pairs = [UInt64]()
        pairs.reserveCapacity(y.count - 1)
        for k in 0..<(y.count - 1) { pairs.append(UInt64(y[k]) << 32 | UInt64(y[k + 1])) }
        var common = 0
        for k in 0..<(x.count - 1) {
            let g = UInt64(x[k]) << 32 | UInt64(x[k + 1])
            if let i = pairs.firstIndex(of: g) { common += 1; pairs[i] = .max }
        }
        return 10 * common >= 3 * (x.count + y.count - 2)
    }

    /// Features of one unit (no heading id: ``of(_:analyses:functionWords:)`` adds it).
    public static func unit(_ u: Unit, _ a: TextAnalysis, functionWords: Set<String>) -> BlockFeatures {
        let kind: Kind
        switch u.kind {
        case .heading(let l): kind = .heading(l)
        case .listItem(let d): kind = .list(d)
        case .tableCell(let r, let c): kind = .cell(row: r, column: c)
        case .frontMatter(let key): kind = .frontMatter(key)
        case .quote: kind = .quote
        case .altText: kind = .alt
        default: kind = .text
        }
        var letters = 0, han = 0
        var anchors: [String] = []
        var digits: [UInt32] = []
        func flushDigits() {
            if !digits.isEmpty { anchors.append("#" + makeString(digits)); digits.removeAll() }
        }
        var code: [UInt32] = []
        var tags = false
        for i in u.text.indices {
            let c = u.text[i], r = u.roles[i]
            if c == 0x3C && r == .markup { tags = true }
            if r == .code {
                code.append(c)
                continue
            } else if !code.isEmpty {
                anchors.append("`" + makeString(code).trimmingSpaces)
                code.removeAll()
            }
            guard r == .content, !a.inNote(i) else { flushDigits(); continue }
            if c >= 0x30 && c <= 0x39 { digits.append(c); letters += 1; continue }
            flushDigits()
            if c < 0x80 {
                if (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A { letters += 1 }
            } else if c >= 0x2E80 && c < 0xA000 || c >= 0xF900 && c < 0xFB00 || c >= 0x20000 {
                han += 1
            } else if c >= 0x80 && c != 0xA0 && !(c >= 0x2000 && c <= 0x2BFF) && !(c >= 0x3000 && c <= 0x303F) && !(c >= 0xFF00 && c <= 0xFF65) {
                letters += 1
            }
        }
        flushDigits()
        if !code.isEmpty { anchors.append("`" + makeString(code).trimmingSpaces) }
        for l in u.links { anchors.append("@" + normalizedURL(l.destination)) }
        // Images of inline HTML (`<img src=…>`): a translation keeps them where they were.
        var images: [String] = []
        if tags {
            for t in u.inlineTags where !t.closing {
                let name = t.name.lowercased()
                guard name == "img" || name == "source" else { continue }
                for at in t.attributes where at.name == "src" { images.append("@" + normalizedURL(makeString(u.text[at.value]))) }
            }
        }
        var words: [String] = []
        for w in a.words where w.kind == .latin && !a.inNote(w.range.lowerBound) {
            let s = u.string(w.range).lowercased()
            if s.count >= 2 && !functionWords.contains(s) { words.append(s) }
        }
        var f = BlockFeatures(kind: kind, letters: letters, han: han, anchors: anchors.sorted(), latinWords: words,
                              key: u.plainText, isNote: a.isNote, links: u.links.count,
                              line: u.start.line, endLine: u.end.line)
        if han > 0 { f.label = label(u) }
        f.images = images
        return f
    }

    /// The text of the bold span (`**…**`, `__…__`) a unit opens with, where text follows it.
    static func label(_ u: Unit) -> String? {
        let t = u.text, r = u.roles
        guard t.count > 6, r[0] == .markup, r[1] == .markup, t[0] == 0x2A || t[0] == 0x5F, t[1] == t[0] else { return nil }
        var e = 2
        while e < t.count && !(r[e] == .markup && t[e] == t[0]) { e += 1 }
        guard e > 2, e + 2 < t.count else { return nil }
        var rest = e + 2
        while rest < t.count && (t[rest] == 0x20 || r[rest] != .content) { rest += 1 }
        guard rest < t.count else { return nil }
        return u.string(2..<e)
    }

    /// Locale labels a path segment can be.
    private static let localeSegments: Set<String> = ["zh", "zh-cn", "zh-hans", "zh-tw", "zh-hant", "cn", "en", "en-us", "zh_cn"]

    /// A link target without what translations rewrite: scheme, `www.`, locale path segments
    /// (`/zh-cn/`, `/zh/`), `.html`/`.md` endings, fragments, trailing slashes.
    public static func normalizedURL(_ url: String) -> String {
        var s = url.lowercased()
        if let hash = s.firstIndex(ofASCII: UInt8(ascii: "#")) { s = String(s[..<hash]) }
        for p in ["https://", "http://", "//"] where s.hasPrefix(p) { s = String(s.dropFirst(p.count)); break }
        if s.hasPrefix("www.") { s = String(s.dropFirst(4)) }
        // By bytes when no "/" can carry a combining mark (a Character split keeps "/\u{338}").
        let pieces = s.scalarsAreCharacters ? s.utf8.split(separator: UInt8(ascii: "/")).map { String(Substring($0)) }
            : s.split(separator: "/").map(String.init)
        var parts = pieces.filter { !localeSegments.contains($0) }
        if var last = parts.popLast() {
            for ext in [".html", ".md", ".mdx"] where last.hasSuffix(ext) { last = String(last.dropLast(ext.count)) }
            if last != "index" { parts.append(last) }
        }
        // Hosts like cn.vuejs.org and zh-hans.react.dev are the same site in translation.
        if var host = parts.first {
            for prefix in ["cn.", "zh-hans.", "zh.", "zh-cn."] where host.hasPrefix(prefix) { host = String(host.dropFirst(prefix.count)) }
            parts[0] = host
        }
        return parts.joined(separator: "/")
    }

    /// Code with comments and string contents removed and spaces squeezed: translators
    /// translate comments and strings, not the code.
    public static func normalizedCode(_ code: String) -> String {
        // UTF-8 bytes, made into a string once (appending to a scalar view costs hundreds of
        // instructions a scalar).
        var out: [UInt8] = []
        out.reserveCapacity(code.utf8.count)
        func append(_ c: Unicode.Scalar) { UTF8.encode(c) { out.append($0) } }
        var lastSpace = true
        var quote: Unicode.Scalar? = nil
        let scalars = Array(code.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if let q = quote {
                if c == q || c == "\n" { quote = nil; append(c) }
                i += 1
                continue
            }
            if c == "\"" || c == "'" || c == "`" { quote = c; append(c); i += 1; continue }
            if c == "/" && i + 1 < scalars.count && scalars[i + 1] == "/" || c == "#" && (i == 0 || scalars[i - 1] == " " || scalars[i - 1] == "\n") {
                while i < scalars.count && scalars[i] != "\n" { i += 1 }
                continue
            }
            if c == "/" && i + 1 < scalars.count && scalars[i + 1] == "*" {
                i += 2
                while i + 1 < scalars.count && !(scalars[i] == "*" && scalars[i + 1] == "/") { i += 1 }
                i += 2
                continue
            }
            if c == "<" && i + 3 < scalars.count && scalars[i + 1] == "!" && scalars[i + 2] == "-" && scalars[i + 3] == "-" {
                i += 4
                while i + 2 < scalars.count && !(scalars[i] == "-" && scalars[i + 1] == "-" && scalars[i + 2] == ">") { i += 1 }
                i += 3
                continue
            }
            if c.value >= 0x2E80 { i += 1; continue }  // text in a translated language
            if c == " " || c == "\n" || c == "\t" {
                if !lastSpace { append(" ") }
                lastSpace = true
            } else {
                append(c)
                lastSpace = false
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
