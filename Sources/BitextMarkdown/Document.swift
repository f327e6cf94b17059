/// How a document is read.
public struct ParseOptions: Sendable {
    /// Front-matter keys whose values are translatable units.
    public var frontMatterKeys: Set<String> = ["title", "description"]
    /// HTML elements and MDX components whose content is not prose (console output, terminal
    /// sessions), even when it spans several Markdown blocks. Compared lowercased.
    public var opaqueTags: Set<String> = ["consoleblock", "consoleblockmulti", "consolelogline", "terminalblock",
                                          "pre", "script", "style", "textarea", "svg", "math", "samp"]
    /// Whether ``Document/silentBlocks`` are recorded. Only the aligner and the bilingual rules
    /// read them: a monolingual check reads its files without them.
    public var recordsSilentBlocks = true
    /// Whether a `#` line right after an element an HTML block closed (`</table>` then `## 6.
    /// Test`, no blank line) is a heading, as Python-Markdown (MkDocs) reads it: on for a source,
    /// whose author wrote a heading there and whose translator cannot mend it; off for a
    /// translation, held to CommonMark, where the line is raw text in the HTML block (and
    /// `missing-translation` says to add the blank line).
    public var headingsAfterHTML = false
    public init() {}

    /// These options as a source is read with them (``headingsAfterHTML``).
    public var forSource: ParseOptions {
        var options = self
        options.headingsAfterHTML = true
        return options
    }
}

/// A Markdown document: its text and its translatable units in reading order.
public struct Document: Sendable {
    public let source: SourceText
    public private(set) var units: [Unit] = []
    public private(set) var codeBlocks: [CodeBlock] = []
    public private(set) var comments: [HTMLComment] = []
    /// Units and code blocks in reading order.
    public private(set) var blocks: [Block] = []
    /// Headings with nothing to translate (`` ## `useState()` {#use-state} ``): no units, but
    /// anchors that links name (``DocumentAnchors``), in reading order.
    public private(set) var anchorHeadings: [Unit] = []
    /// Other leaf blocks with nothing to translate (a paragraph that is only a bare URL or inline
    /// code, a cell of code only): no units, but a translation that wrote one with a few words of
    /// Chinese around it made a unit the bilingual rules pair with it, in reading order.
    public private(set) var silentBlocks: [Unit] = []
    /// MkDocs's admonitions, collapsible blocks and content tabs, in the order of their markers.
    public private(set) var mkdocsContainers: [MkDocsContainer] = []
    /// The last line of the front matter, if the file has one.
    public private(set) var frontMatterEndLine: Int?
    /// Text literals are matched against the file's bytes (false: code point by code point,
    /// the reference the tests compare the fast way with, in a task of their own).
    @TaskLocal static var matchesBytes = true

    public var path: String { source.path }

    public init(_ source: SourceText, options: ParseOptions = ParseOptions()) {
        self.source = source
        let matchesBytes = Document.matchesBytes
        var cmarkInput = source.bytes
        if let fm = FrontMatter.find(in: source, keys: options.frontMatterKeys) {
            frontMatterEndLine = fm.endLine
            for v in fm.values {
                let raw = source.scalars(v.range)
                let start = source.position(ofByte: v.range.lowerBound)
                var roles = [Role](repeating: .content, count: raw.count)
                // Indentation of a block scalar's continuation lines is not text.
                var atLineStart = false
                for (k, c) in raw.enumerated() {
                    if c == 0x0A { atLineStart = true; roles[k] = .markup; continue }
                    if atLineStart && (c == 0x20 || c == 0x09) { roles[k] = .structure; continue }
                    atLineStart = false
                }
                TextMasks.apply(raw, &roles, isHeading: false)
                let unit = Unit(kind: .frontMatter(key: v.key), start: start, byteRange: v.range, text: raw, roles: roles)
                if unit.hasContent { append(unit) }
            }
            // cmark must not see the front matter; blank it but keep the line count.
            let endByte = fm.endLine < source.lineCount ? source.lineStarts[fm.endLine] : source.bytes.count
            for k in 0..<endByte where cmarkInput[k] != 0x0A { cmarkInput[k] = 0x20 }
        }

        let recordsSilentBlocks = options.recordsSilentBlocks
        var opaqueDepth = 0
        // Made at the first HTML block (many documents have none).
        var opaque: Set<String>? = nil
        // MkDocs's admonitions and tabs: their bodies are Markdown, given to cmark-gfm as items.
        let containers = cmarkInput.withUnsafeBufferPointer { IndentedContainers($0, lineStarts: source.lineStarts) }
        if !containers.isEmpty {
            containers.mark(&cmarkInput, lineStarts: source.lineStarts)
            mkdocsContainers = containers.containers
        }
        let parsed = CommonMarkConverter.parse(cmarkInput, containerItems: containers.bodyStarts)
        defer { parsed.deallocate() }
        units.reserveCapacity(units.count + parsed.blocks.count)
        blocks.reserveCapacity(blocks.count + parsed.blocks.count)
        var scratch = DecodeScratch()
        defer { scratch.free() }
        // Leaf blocks are read through buffers of the parsed document and the file's bytes.
        let bytes = source.bytes
        parsed.withBuffers { buffers in
            bytes.withUnsafeBufferPointer { bytes in
                var mapper = InlineMapper(parsed: buffers, source: bytes)
                for block in parsed.blocks {
                    if opaqueDepth > 0 {
                        // Code of a `<pre>` (or another opaque element) that runs on past the
                        // blank line ending its HTML block: cmark makes paragraphs and code
                        // blocks of it, the last of which may close the element.
                        switch block.kind {
                        case .html: break
                        case .paragraph, .heading, .code:
                            let first = min(max(1, block.startLine), source.lineCount)
                            let last = min(max(first, block.endLine), source.lineCount)
                            let lines = source.lineStarts[first - 1]..<source.lineByteRange(last).upperBound
                            let balance = HTMLBlockScanner.opaqueBalance(
                                of: UnsafeBufferPointer(rebasing: bytes[lines]), opaqueTags: opaque!)
                            opaqueDepth = max(0, opaqueDepth + balance)
                            continue
                        case .tableCell:
                            continue
                        }
                    }
                    switch block.kind {
                    case .code(let info, let literal):
                        codeBlocks.append(CodeBlock(startLine: block.startLine, endLine: max(block.startLine, block.endLine),
                                                    info: buffers.string(info), literal: buffers.string(literal)))
                        blocks.append(.code(codeBlocks.count - 1))
                    case .html:
                        if opaque == nil { opaque = options.opaqueTags.union(HTMLBlockScanner.alwaysOpaque) }
                        opaqueDepth = max(0, opaqueDepth + addHTMLBlock(block, bytes, opaque: opaque!,
                                                                        open: opaqueDepth, headings: options.headingsAfterHTML, &scratch))
                    case .paragraph, .heading, .tableCell:
                        addLeaf(block, bytes, &scratch, &mapper, matchesBytes: matchesBytes, silent: recordsSilentBlocks)
                    }
                }
            }
        }
        var section: Int? = nil
        for k in units.indices {
            if case .heading = units[k].kind { section = k }
            units[k].section = section
        }
    }

    /// Reads and parses a file. Throws ``SourceError`` for text that is not UTF-8.
    public init(path: String, bytes: [UInt8], options: ParseOptions = ParseOptions()) throws(SourceError) {
        self.init(try SourceText(path: path, bytes: bytes), options: options)
    }

    /// MDX's `import` and `export` statements (Docusaurus, Storybook and other MDX sites put
    /// them between the front matter and the text): a top-level paragraph whose first line starts
    /// with `import ` or `export `, whose lines each start a statement or close a brace, that
    /// imports from a quoted module or exports a declaration, and holds no character beyond
    /// ASCII. Code, not text: no unit.
    static func isModuleStatements(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        func starts(_ i: Int, _ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            return i + n <= b.count && (0..<n).allSatisfy { b[i + $0] == word.utf8Start[$0] }
        }
        guard starts(0, "import ") || starts(0, "export ") else { return false }
        var declares = false
        var i = 0
        while i < b.count {
            // Each line: a statement, a closing brace, or inside a multi-line `{ … }` list.
            if !(starts(i, "import ") || starts(i, "export ") || b[i] == 0x7D || b[i] == 0x20 || b[i] == 0x09) { return false }
            if starts(i, "export const ") || starts(i, "export let ") || starts(i, "export function ")
                || starts(i, "export default ") || starts(i, "export class ") || starts(i, "import '") || starts(i, "import \"") {
                declares = true
            }
            while i < b.count && b[i] != 0x0A {
                if b[i] >= 0x80 { return false }
                if starts(i, " from '") || starts(i, " from \"") { declares = true }
                i += 1
            }
            i += 1
        }
        return declares
    }

    /// The unit index of a block, nil for a code block.
    public func unitIndex(block: Int) -> Int? {
        guard block < blocks.count, case .unit(let u) = blocks[block] else { return nil }
        return u
    }

    /// The first and last line of a block.
    public func lines(ofBlock block: Int) -> ClosedRange<Int> {
        switch blocks[block] {
        case .unit(let u): return units[u].start.line...units[u].end.line
        case .code(let c): return codeBlocks[c].startLine...codeBlocks[c].endLine
        }
    }

    /// What a reader reads of a block: a unit's plain text, a code block's code (without its
    /// final line break).
    public func text(ofBlock block: Int) -> String {
        switch blocks[block] {
        case .unit(let u): return units[u].plainText
        case .code(let c):
            let code = codeBlocks[c].literal
            return code.hasSuffix("\n") ? String(code.dropLast()) : code
        }
    }

    private mutating func append(_ unit: consuming Unit) {
        units.append(unit)
        blocks.append(.unit(units.count - 1))
    }

    // MARK: leaf blocks

    private func byteRange(_ b: ParsedBlock) -> Range<Int>? {
        guard b.startLine >= 1, b.startLine <= source.lineCount else { return nil }
        let start = source.lineStarts[b.startLine - 1] + max(0, b.startColumn - 1)
        var endLine = min(b.endLine, source.lineCount)
        var end: Int
        if b.endColumn <= 0 {
            endLine = max(b.startLine, endLine - 1)
            end = source.lineByteRange(endLine).upperBound
        } else {
            end = source.lineStarts[endLine - 1] + b.endColumn
        }
        end = min(end, source.bytes.count)
        // Never end inside a character.
        while end < source.bytes.count && source.bytes[end] & 0xC0 == 0x80 { end += 1 }
        guard start < end else { return nil }
        return start..<end
    }

    private mutating func addLeaf(_ b: ParsedBlock, _ bytes: UnsafeBufferPointer<UInt8>, _ scratch: inout DecodeScratch,
                                  _ mapper: inout InlineMapper, matchesBytes: Bool, silent recordsSilent: Bool) {
        guard let range = byteRange(b) else { return }
        if case .paragraph = b.kind, b.startColumn == 1, b.listDepth == 0, b.quoteDepth == 0, !b.inFootnote,
           Document.isModuleStatements(UnsafeBufferPointer(rebasing: bytes[range])) { return }
        // The block's characters and their roles, in the scratch buffers: only what is left of
        // them after trimming is copied, into arrays of the unit's own.
        var presence = TextMasks.CharPresence()
        let count = source.decode(range, into: &scratch, presence: &presence)
        let raw = UnsafeBufferPointer(start: scratch.base, count: count)
        let roles = UnsafeMutableBufferPointer(start: scratch.roles, count: count)
        roles.initialize(repeating: .structure)
        let onCharacter = bytes[range.lowerBound] & 0xC0 != 0x80
        mapper.map(b.inlines, raw: raw, roles: roles, block: onCharacter && matchesBytes ? range : nil)
        let isHeading: Bool
        if case .heading = b.kind { isHeading = true } else { isHeading = false }
        var inTable = false
        if case .tableCell = b.kind { inTable = true }
        TextMasks.apply(raw, roles, isHeading: isHeading, inQuote: b.quoteDepth > 0, inTable: inTable, presence: presence)

        let kind: UnitKind
        switch b.kind {
        case .heading(let level): kind = .heading(level: level)
        case .tableCell(let row, let column): kind = .tableCell(row: row, column: column)
        default:
            if b.inFootnote { kind = .footnote }
            else if b.listDepth > 0 { kind = .listItem(depth: b.listDepth) }
            else if b.quoteDepth > 0 { kind = .quote(depth: b.quoteDepth) }
            else { kind = .paragraph }
        }
        for (r, body) in mapper.comments {
            addComment(raw: raw, range: r, body: body, blockStart: range.lowerBound)
        }
        guard let (start, byteRange, trimmed) = trimToUnit(raw: raw, roles: UnsafeBufferPointer(roles), block: range,
                                                           firstLine: b.startLine) else { return }
        let text = UnsafeBufferPointer(rebasing: raw[trimmed])
        let textRoles = UnsafeBufferPointer(rebasing: UnsafeBufferPointer(roles)[trimmed])
        let shift = trimmed.lowerBound
        func links() -> [InlineLink] {
            guard !mapper.links.isEmpty else { return [] }
            let count = text.count
            return mapper.links.compactMap { l in
                let lo = l.text.lowerBound - shift, hi = l.text.upperBound - shift
                guard lo >= 0, hi <= count, lo <= hi else { return nil }
                return InlineLink(text: lo..<hi, destination: l.destination, isImage: l.isImage)
            }
        }
        guard Unit.hasContent(text, textRoles) else {
            if isHeading {
                anchorHeadings.append(Unit(kind: kind, start: start, byteRange: byteRange, text: Array(text), roles: Array(textRoles),
                                           quoteDepth: b.quoteDepth, listDepth: b.listDepth, lineFeeds: presence.contains(0x0A)))
            } else if recordsSilent {
                silentBlocks.append(Unit(kind: kind, start: start, byteRange: byteRange, text: Array(text), roles: Array(textRoles),
                                         links: links(), quoteDepth: b.quoteDepth, listDepth: b.listDepth,
                                         lineFeeds: presence.contains(0x0A)))
            }
            return
        }
        let unitLinks = links()
        // A paragraph that is only an image is the image's alt text.
        var unitKind = kind
        if kind == .paragraph, unitLinks.count == 1, unitLinks[0].isImage {
            let alt = unitLinks[0].text
            var outside = false
            for x in text.indices where !alt.contains(x) && textRoles[x] == .content { outside = true; break }
            if !outside { unitKind = .altText }
        }
        append(Unit(kind: unitKind, start: start, byteRange: byteRange, text: Array(text), roles: Array(textRoles),
                    links: unitLinks, quoteDepth: b.quoteDepth, listDepth: b.listDepth,
                    lineFeeds: presence.contains(0x0A)))
    }

    /// Trims a block's raw text to its unit: from the first to the last character that is not
    /// block structure or space. Returns where the unit starts, its bytes, and the characters
    /// of `raw` it keeps; nil when nothing is left.
    /// `raw` holds the characters of the bytes `block`, all of them. `firstLine` is the block's
    /// first line.
    private func trimToUnit(raw: UnsafeBufferPointer<UInt32>, roles: UnsafeBufferPointer<Role>, block: Range<Int>,
                            firstLine: Int) -> (TextPosition, Range<Int>, Range<Int>)? {
        var lo = 0, hi = raw.count
        var startByte = block.lowerBound
        var endByte = block.upperBound
        let startsOnCharacter = source.bytes[block.lowerBound] & 0xC0 != 0x80
        func trimmable(_ k: Int) -> Bool {
            roles[k] == .structure || raw[k] == 0x20 || raw[k] == 0x09 || raw[k] == 0x0A || raw[k] == 0x0D
        }
        while lo < hi && trimmable(lo) { lo += 1 }
        while hi > lo && trimmable(hi - 1) { hi -= 1 }
        guard lo < hi else { return nil }
        for k in 0..<lo { startByte += utf8Length(raw[k]) }
        if startsOnCharacter {
            // The block starts on a character, so its characters are its bytes: count the
            // trimmed end only.
            for k in hi..<raw.count { endByte -= utf8Length(raw[k]) }
        } else {
            endByte = startByte
            for k in lo..<hi { endByte += utf8Length(raw[k]) }
        }
        return (source.position(ofByte: startByte, fromLine: firstLine), startByte..<endByte, lo..<hi)
    }

    private mutating func addComment(raw: UnsafeBufferPointer<UInt32>, range: Range<Int>, body: String, blockStart: Int) {
        var startByte = blockStart
        for k in 0..<range.lowerBound { startByte += utf8Length(raw[k]) }
        var endByte = startByte
        for k in range.dropLast() { endByte += utf8Length(raw[k]) }
        comments.append(HTMLComment(start: source.position(ofByte: startByte), end: source.position(ofByte: endByte),
                                body: body.trimmingASCIISpaces))
    }

    // MARK: HTML blocks

    /// Adds the units of an HTML block; returns how many opaque elements it leaves open
    /// (negative: closes). `open`: how many earlier blocks left open, which this one starts inside.
    private mutating func addHTMLBlock(_ b: ParsedBlock, _ bytes: UnsafeBufferPointer<UInt8>, opaque: Set<String>,
                                       open: Int, headings: Bool, _ scratch: inout DecodeScratch) -> Int {
        guard b.startLine >= 1, b.startLine <= source.lineCount, case .html(let literalLines) = b.kind else { return 0 }
        // cmark sometimes reports an HTML block one line short (`<script>` … `</script>`):
        // the literal's own line count is the truth.
        let endLine = min(max(b.startLine, b.endLine, b.startLine + literalLines - 1), source.lineCount)
        let start = source.lineStarts[b.startLine - 1]
        let end = source.lineByteRange(endLine).upperBound
        guard start < end else { return 0 }
        var presence = TextMasks.CharPresence()
        let raw = source.scalars(start..<end, scratch: &scratch, presence: &presence)
        var scanner = HTMLBlockScanner(raw: raw, opaqueTags: opaque, openAtStart: open, headingsAfterClose: headings)
        scanner.scan()
        // The byte offset of a character, counted on from the last one asked for (comments and
        // pieces come in order).
        var cursor = 0, cursorByte = start
        func byteOffset(_ k: Int) -> Int {
            if k < cursor { cursor = 0; cursorByte = start }
            // (`raw` is exactly the characters of the bytes from a line's start, so they can be
            // counted there.)
            cursorByte = offset(in: bytes, k - cursor, charactersFrom: cursorByte)
            cursor = k
            return cursorByte
        }
        for (r, bodyRange) in scanner.comments {
            let startByte = byteOffset(r.lowerBound)
            let body = String(decoding: source.bytes[byteOffset(bodyRange.lowerBound)..<byteOffset(bodyRange.upperBound)],
                              as: UTF8.self)
            // (The end is the comment's last character.)
            let endByte = byteOffset(max(r.lowerBound, r.upperBound - 1))
            comments.append(HTMLComment(start: source.position(ofByte: startByte), end: source.position(ofByte: endByte),
                                        body: body.trimmingASCIISpaces))
        }
        // An element opened here and left open (a `<pre>` whose code runs on past a blank line)
        // takes only the text after its tag, which the scanner leaves out; the text before it is
        // read. A closing tag of an element no block opened: where the element began is unknown,
        // so none of the block is taken for prose.
        let balance = scanner.opaqueBalance
        if open + balance < 0 { return balance }
        var roles = moved(&scanner.roles)
        /// Whether a piece would be a unit: whether its text holds content, given the block's roles.
        func hasContent(_ piece: HTMLBlockScanner.Piece, _ roles: [Role]) -> Bool {
            raw.withUnsafeBufferPointer { raw in
                let text = UnsafeBufferPointer(rebasing: raw[piece.range])
                if case .altText = piece.kind { return piece.roles.withUnsafeBufferPointer { Unit.hasContent(text, $0) } }
                return roles.withUnsafeBufferPointer { Unit.hasContent(text, UnsafeBufferPointer(rebasing: $0[piece.range])) }
            }
        }
        // The masks never make a character content: a piece without content before them has none
        // after them, and a block none of whose pieces has any (one that is only a comment, the
        // usual case) needs no masks.
        guard scanner.pieces.contains(where: { hasContent($0, roles) }) else { return balance }
        TextMasks.apply(raw, &roles, isHeading: false, presence: presence)
        for piece in scanner.pieces where hasContent(piece, roles) {
            let startByte = byteOffset(piece.range.lowerBound)
            let endByte = byteOffset(piece.range.upperBound)
            let pieceRoles: [Role]
            if case .altText = piece.kind { pieceRoles = piece.roles } else { pieceRoles = Array(roles[piece.range]) }
            var unit = Unit(kind: piece.kind, start: source.position(ofByte: startByte), byteRange: startByte..<endByte,
                            text: Array(raw[piece.range]), roles: pieceRoles,
                            quoteDepth: b.quoteDepth, listDepth: b.listDepth)
            unit.inHTML = true
            append(unit)
        }
        return balance
    }
}

/// The array `a` held, leaving it empty, so that whoever takes it holds the only reference
/// (and writes to it without copying).
@inline(__always) func moved<T>(_ a: inout [T]) -> [T] {
    var taken: [T] = []
    swap(&taken, &a)
    return taken
}

@inline(__always) func utf8Length(_ c: UInt32) -> Int {
    c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4
}

/// Renders Markdown to HTML with cmark-gfm in its safe mode (raw HTML and dangerous links removed).
public func renderMarkdownHTML(_ markdown: String) -> String {
    CommonMarkConverter.renderHTML(markdown)
}
