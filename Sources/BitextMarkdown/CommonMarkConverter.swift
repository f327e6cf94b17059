import CCmarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The only file that calls cmark-gfm. It turns cmark's tree into plain values (`ParsedBlock`s
// with their inline events, whose text stays UTF-8 bytes in one buffer per document) and frees
// every C object before it returns.

/// An inline node of a leaf block, in document order. Ranges index ``ParsedDocument/text``.
enum InlineEvent: Sendable {
    case text(Range<Int>)
    case code(Range<Int>)
    case html(Range<Int>)
    case softBreak
    case lineBreak
    case linkStart(destination: Range<Int>, isImage: Bool)
    case linkEnd(isImage: Bool)
    /// Emphasis (1), strong emphasis (2) or strikethrough (0: a run of `~`) opening/closing.
    case delimiterStart(Int)
    case delimiterEnd(Int)
    case footnoteReference
}

/// A block as cmark sees it, positions in cmark's terms (1-based lines, 1-based byte columns).
struct ParsedBlock: Sendable {
    enum Kind: Sendable {
        case paragraph
        case heading(level: Int)
        case tableCell(row: Int, column: Int)
        /// A code block: its info string and literal in ``ParsedDocument/text``.
        case code(info: Range<Int>, literal: Range<Int>)
        /// An HTML block and the number of lines of its literal.
        case html(literalLines: Int)
    }
    var kind: Kind
    var startLine: Int
    var startColumn: Int
    var endLine: Int
    var endColumn: Int
    var quoteDepth: Int
    var listDepth: Int
    var inFootnote: Bool
    /// This block's events in ``ParsedDocument/events``.
    var inlines: Range<Int>
}

/// A parsed document: its blocks in order, all their inline events in one array, and the bytes
/// of every literal and link destination in one buffer, which its owner frees (``deallocate()``):
/// the buffer the tree walk filled, kept as it is (copying it into an array cost a copy of
/// every literal).
struct ParsedDocument {
    var blocks: [ParsedBlock] = []
    var events: [InlineEvent] = []
    private(set) var text = UnsafeMutableBufferPointer<UInt8>(start: nil, count: 0)

    init() {}

    init(blocks: [ParsedBlock], events: [InlineEvent], text: UnsafeMutableBufferPointer<UInt8>) {
        self.blocks = blocks
        self.events = events
        self.text = text
    }

    /// Calls `body` with the events and the text as buffers (valid only inside it).
    func withBuffers<R>(_ body: (ParsedBuffers) throws -> R) rethrows -> R {
        try events.withUnsafeBufferPointer { events in try body(ParsedBuffers(events: events, text: UnsafeBufferPointer(text))) }
    }

    func deallocate() { text.deallocate() }
}

/// A ``ParsedDocument``'s events and text as buffers, for readers that run once per block
/// (``InlineMapper``): no retain or release of the arrays for each block.
struct ParsedBuffers {
    let events: UnsafeBufferPointer<InlineEvent>
    let text: UnsafeBufferPointer<UInt8>

    func string(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: text[r]), as: UTF8.self) }
}

enum CommonMarkConverter {
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Held around `cmark_parser_finish`, whose inline pass is not thread-safe in cmark-gfm 0.29:
    /// it sets the extensions' special inline characters (`~` for strikethrough, `:` and `w`
    /// for autolinks, `|` for tables) in one table for the whole process when it starts and
    /// clears them when it ends, so a thread finishing a document cleared them under another
    /// thread's feet, which then missed a strikethrough or an autolink at random. The block
    /// pass (`cmark_parser_feed`) and walking the tree run in parallel.
    private static let inlinePass: UnsafeMutablePointer<pthread_mutex_t> = {
        let m = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(m, nil)
        return m
    }()

    /// `cmark_parser_finish` under ``inlinePass``.
    private static func finish(_ parser: OpaquePointer) -> UnsafeMutablePointer<cmark_node>? {
        pthread_mutex_lock(inlinePass)
        defer { pthread_mutex_unlock(inlinePass) }
        return cmark_parser_finish(parser)
    }

    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// Parses Markdown (UTF-8 bytes) into blocks in document order. `containerItems` are the
    /// list items that stand for MkDocs containers' bodies (``IndentedContainers``): not lists.
    static func parse(_ bytes: [UInt8], containerItems: [(line: Int, column: Int)] = []) -> ParsedDocument {
        _ = registered
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES
        // The parser and the tree live in this thread's arena (shim.h), released in one step
        // once the tree has been read: no free per node, no second walk to free them.
        guard let parser = cmark_parser_new_with_mem(options, bt_arena_mem()) else { return ParsedDocument() }
        defer { bt_arena_release() }
        attachExtensions(parser)
        bytes.withUnsafeBufferPointer { p in
            p.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: p.count) { cmark_parser_feed(parser, $0, p.count) }
            }
        }
        guard let root = finish(parser) else { return ParsedDocument() }
        var walker = TreeWalker(capacity: bytes.count + 64)
        walker.containerItems = containerItems
        // Rough sizes (a block per 200 bytes, an inline event per 40) to spare most regrowth.
        walker.out.blocks.reserveCapacity(bytes.count / 100 + 16)
        walker.out.events.reserveCapacity(bytes.count / 40 + 16)
        walker.walk(root)
        return ParsedDocument(blocks: walker.out.blocks, events: walker.out.events,
                              text: UnsafeMutableBufferPointer(start: walker.text.base, count: walker.text.count))
    }

    /// Renders Markdown to an HTML fragment with cmark-gfm's own renderer, in its safe mode:
    /// raw HTML becomes a comment and `javascript:`-style links are dropped.
    static func renderHTML(_ markdown: String) -> String {
        _ = registered
        let options = CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        attachExtensions(parser)
        var bytes = Array(markdown.utf8)
        bytes.append(0)
        bytes.withUnsafeBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { cmark_parser_feed(parser, $0, p.count - 1) }
        }
        guard let root = finish(parser) else { return "" }
        defer { cmark_node_free(root) }
        guard let html = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    private static func attachExtensions(_ parser: OpaquePointer) {
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
    }
}

/// What an extension's node type is, learnt from its name once per document (extension types
/// are numbered when the extensions register, so they are not constants).
private enum ExtensionNode { case table, row, cell, strikethrough, other }

/// A node of cmark's tree (its fields read through shim.h).
private typealias Node = UnsafeMutablePointer<cmark_node>

/// Bytes appended while walking the tree (handed to ``ParsedDocument/text`` at the end, which frees them).
private struct ByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    /// (Inlined into the tree walk, once for each literal; growing, rare, is not.)
    @inline(__always) mutating func append(_ p: UnsafeRawPointer, _ n: Int) {
        if count + n > capacity { grow(to: count + n) }
        (base + count).update(from: p.assumingMemoryBound(to: UInt8.self), count: n)
        count += n
    }

    @inline(never) private mutating func grow(to n: Int) {
        let bigger = max(capacity * 2, n)
        let b = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
        b.update(from: base, count: count)
        base.deallocate()
        base = b
        capacity = bigger
    }

    func deallocate() { base.deallocate() }
}

private struct TreeWalker {
    var out = ParsedDocument()
    var text: ByteBuffer

    init(capacity: Int) { text = ByteBuffer(capacity: capacity) }
    var quoteDepth = 0
    var listDepth = 0
    var footnoteDepth = 0
    var tableRow = -1
    var tableColumn = 0
    /// Items that stand for containers' bodies, ascending by line, and for each item open
    /// around the current node whether it is one.
    var containerItems: [(line: Int, column: Int)] = []
    private var openItems: [Bool] = []
    private var extensionTypes: [(cmark_node_type, ExtensionNode)] = []

    /// Visits the nodes in the order and with the events of cmark's iterator (`cmark_iter_next`,
    /// mirrored here over the node's fields: see shim.h): a node is entered, then its children,
    /// then left; a leaf (`bt_is_leaf`) is entered only.
    mutating func walk(_ root: Node) {
        var current: ParsedBlock? = nil
        var leafNode: Node? = nil
        var next: Node? = root
        var nextEntering = true
        while let node = next {
            let entering = nextEntering
            // The event after this one.
            if entering && bt_is_leaf(node) == 0 {
                if let child = bt_first_child(node) { next = child } else { nextEntering = false }
            } else if node == root {
                next = nil
            } else if let sibling = bt_next(node) {
                next = sibling
                nextEntering = true
            } else {
                next = bt_parent(node)
                nextEntering = false
            }
            let type = cmark_node_type(rawValue: bt_node_type(node))

            if current != nil {
                if node == leafNode && !entering {
                    finish(&current!)
                    current = nil
                    leafNode = nil
                    continue
                }
                if let e = inlineEvent(node, type: type, entering: entering) { out.events.append(e) }
                continue
            }

            switch type {
            case CMARK_NODE_BLOCK_QUOTE:
                quoteDepth += entering ? 1 : -1
            case CMARK_NODE_ITEM:
                if containerItems.isEmpty {
                    listDepth += entering ? 1 : -1
                } else if entering {
                    let line = Int(bt_start_line(node)), column = Int(bt_start_column(node))
                    // The first with this line or a later one (one item a line at most).
                    var lo = 0, hi = containerItems.count
                    while lo < hi {
                        let mid = (lo + hi) / 2
                        if containerItems[mid].line < line { lo = mid + 1 } else { hi = mid }
                    }
                    let container = lo < containerItems.count && containerItems[lo].line == line && containerItems[lo].column == column
                    openItems.append(container)
                    if !container { listDepth += 1 }
                } else if openItems.removeLast() == false {
                    listDepth -= 1
                }
            case CMARK_NODE_FOOTNOTE_DEFINITION:
                footnoteDepth += entering ? 1 : -1
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                if entering {
                    let kind: ParsedBlock.Kind = type == CMARK_NODE_HEADING
                        ? .heading(level: Int(bt_heading_level(node))) : .paragraph
                    current = block(node, kind)
                    leafNode = node
                }
            case CMARK_NODE_CODE_BLOCK:
                let info = store(bt_code_block_info(node))
                let literal = store(bt_code_block_literal(node))
                out.blocks.append(block(node, .code(info: info, literal: literal)))
            case CMARK_NODE_HTML_BLOCK:
                out.blocks.append(block(node, .html(literalLines: lineCount(bt_node_literal(node)))))
            default:
                switch extensionNode(node, type) {
                case .table:
                    if entering { tableRow = -1 }
                case .row:
                    if entering { tableRow += 1; tableColumn = 0 }
                case .cell:
                    if entering {
                        current = block(node, .tableCell(row: tableRow, column: tableColumn))
                        leafNode = node
                        tableColumn += 1
                        // A cell with no inline children has no EXIT distinct from its ENTER.
                        if bt_first_child(node) == nil {
                            finish(&current!)
                            current = nil
                            leafNode = nil
                        }
                    }
                case .strikethrough, .other:
                    break
                }
            }
        }
    }

    /// Closes a leaf block: its events are the ones appended since it opened.
    private mutating func finish(_ b: inout ParsedBlock) {
        b.inlines = b.inlines.lowerBound..<out.events.count
        out.blocks.append(b)
    }

    private mutating func extensionNode(_ node: Node, _ type: cmark_node_type) -> ExtensionNode {
        for (t, kind) in extensionTypes where t == type { return kind }
        let kind: ExtensionNode
        switch string(cmark_node_get_type_string(node)) {
        case "table": kind = .table
        // Header and body rows are one node type; the name tells them apart.
        case "table_header", "table_row": kind = .row
        case "table_cell": kind = .cell
        case "strikethrough": kind = .strikethrough
        default: kind = .other
        }
        extensionTypes.append((type, kind))
        return kind
    }

    func block(_ node: Node, _ kind: ParsedBlock.Kind) -> ParsedBlock {
        ParsedBlock(
            kind: kind,
            startLine: Int(bt_start_line(node)),
            startColumn: Int(bt_start_column(node)),
            endLine: Int(bt_end_line(node)),
            endColumn: Int(bt_end_column(node)),
            quoteDepth: quoteDepth, listDepth: listDepth, inFootnote: footnoteDepth > 0,
            inlines: out.events.count..<out.events.count)
    }

    /// Copies a node's bytes into the document's text buffer.
    private mutating func store(_ b: bt_bytes) -> Range<Int> {
        let start = text.count
        guard let p = b.data, b.length > 0 else { return start..<start }
        text.append(UnsafeRawPointer(p), b.length)
        return start..<text.count
    }

    mutating func inlineEvent(_ node: Node, type: cmark_node_type, entering: Bool) -> InlineEvent? {
        switch type {
        case CMARK_NODE_TEXT: return .text(store(bt_node_literal(node)))
        case CMARK_NODE_CODE: return .code(store(bt_node_literal(node)))
        case CMARK_NODE_HTML_INLINE: return .html(store(bt_node_literal(node)))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let image = type == CMARK_NODE_IMAGE
            return entering ? .linkStart(destination: store(bt_link_url(node)), isImage: image)
                : .linkEnd(isImage: image)
        case CMARK_NODE_EMPH, CMARK_NODE_STRONG:
            let n = type == CMARK_NODE_EMPH ? 1 : 2
            return entering ? .delimiterStart(n) : .delimiterEnd(n)
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            return .footnoteReference
        default:
            if extensionNode(node, type) == .strikethrough {
                return entering ? .delimiterStart(0) : .delimiterEnd(0)
            }
            return nil
        }
    }
}

private func string(_ p: UnsafePointer<CChar>?) -> String {
    guard let p else { return "" }
    return String(cString: p)
}

/// Lines of a literal: its line feeds, plus one for a last line without one.
private func lineCount(_ b: bt_bytes) -> Int {
    guard let p = b.data, b.length > 0 else { return 1 }
    let length = b.length
    let raw = UnsafeRawPointer(p)
    var n = 0, k = 0
    // Eight bytes at a time: a byte is a line feed when it XORs with 0x0A to zero, and a zero
    // byte is one whose low seven bits plus 0x7F leave its high bit clear (no carries between
    // bytes), its own high bit clear too.
    while k + 8 <= length {
        let x = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
        let zero = ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & 0x8080_8080_8080_8080
        n &+= Int(((zero >> 7) &* 0x0101_0101_0101_0101) >> 56)
        k += 8
    }
    while k < length {
        if p[k] == 0x0A { n += 1 }
        k += 1
    }
    return n + (p[length - 1] == 0x0A ? 0 : 1)
}
