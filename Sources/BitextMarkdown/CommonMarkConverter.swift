import CCmarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The only file that calls cmark-gfm. It turns cmark's tree into Swift values (`ParsedBlock`s
// with their inline events) and frees every C object before it returns.

/// An inline node of a leaf block, in document order.
enum InlineEvent: Sendable {
    case text(String)
    case code(String)
    case html(String)
    case softBreak
    case lineBreak
    case linkStart(destination: String, isImage: Bool)
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
        case code(info: String, literal: String)
        case html(literal: String)
    }
    var kind: Kind
    var startLine: Int
    var startColumn: Int
    var endLine: Int
    var endColumn: Int
    var quoteDepth: Int
    var listDepth: Int
    var inFootnote: Bool
    var inlines: [InlineEvent]
}

enum CommonMarkConverter {
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// Parses Markdown (UTF-8 bytes) into blocks in document order.
    static func parse(_ bytes: [UInt8]) -> [ParsedBlock] {
        _ = registered
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new(options) else { return [] }
        defer { cmark_parser_free(parser) }
        attachExtensions(parser)
        bytes.withUnsafeBufferPointer { p in
            p.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: p.count) { cmark_parser_feed(parser, $0, p.count) }
            }
        }
        guard let root = cmark_parser_finish(parser) else { return [] }
        defer { cmark_node_free(root) }
        var walker = TreeWalker()
        walker.walk(root)
        return walker.blocks
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
        guard let root = cmark_parser_finish(parser) else { return "" }
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

private struct TreeWalker {
    var blocks: [ParsedBlock] = []
    var quoteDepth = 0
    var listDepth = 0
    var footnoteDepth = 0
    var tableRow = -1
    var tableColumn = 0

    mutating func walk(_ root: OpaquePointer) {
        guard let iter = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iter) }
        var current: ParsedBlock? = nil
        var leafNode: OpaquePointer? = nil
        while true {
            let ev = cmark_iter_next(iter)
            if ev == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            let entering = ev == CMARK_EVENT_ENTER
            let type = cmark_node_get_type(node)

            if current != nil {
                if node == leafNode && !entering {
                    blocks.append(current!)
                    current = nil
                    leafNode = nil
                    continue
                }
                if let e = inlineEvent(node, type: type, entering: entering) { current!.inlines.append(e) }
                continue
            }

            switch type {
            case CMARK_NODE_BLOCK_QUOTE:
                quoteDepth += entering ? 1 : -1
            case CMARK_NODE_ITEM:
                listDepth += entering ? 1 : -1
            case CMARK_NODE_FOOTNOTE_DEFINITION:
                footnoteDepth += entering ? 1 : -1
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                if entering {
                    let kind: ParsedBlock.Kind = type == CMARK_NODE_HEADING
                        ? .heading(level: Int(cmark_node_get_heading_level(node))) : .paragraph
                    current = block(node, kind)
                    leafNode = node
                }
            case CMARK_NODE_CODE_BLOCK:
                let info = string(cmark_node_get_fence_info(node))
                let literal = string(cmark_node_get_literal(node))
                blocks.append(block(node, .code(info: info, literal: literal)))
            case CMARK_NODE_HTML_BLOCK:
                blocks.append(block(node, .html(literal: string(cmark_node_get_literal(node)))))
            default:
                let name = string(cmark_node_get_type_string(node))
                switch name {
                case "table":
                    if entering { tableRow = -1 }
                case "table_header", "table_row":
                    if entering { tableRow += 1; tableColumn = 0 }
                case "table_cell":
                    if entering {
                        current = block(node, .tableCell(row: tableRow, column: tableColumn))
                        leafNode = node
                        tableColumn += 1
                        // A cell with no inline children has no EXIT distinct from its ENTER.
                        if cmark_node_first_child(node) == nil {
                            blocks.append(current!)
                            current = nil
                            leafNode = nil
                        }
                    }
                default:
                    break
                }
            }
        }
    }

    func block(_ node: OpaquePointer, _ kind: ParsedBlock.Kind) -> ParsedBlock {
        ParsedBlock(
            kind: kind,
            startLine: Int(cmark_node_get_start_line(node)),
            startColumn: Int(cmark_node_get_start_column(node)),
            endLine: Int(cmark_node_get_end_line(node)),
            endColumn: Int(cmark_node_get_end_column(node)),
            quoteDepth: quoteDepth, listDepth: listDepth, inFootnote: footnoteDepth > 0, inlines: [])
    }

    func inlineEvent(_ node: OpaquePointer, type: cmark_node_type, entering: Bool) -> InlineEvent? {
        switch type {
        case CMARK_NODE_TEXT: return .text(string(cmark_node_get_literal(node)))
        case CMARK_NODE_CODE: return .code(string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_INLINE: return .html(string(cmark_node_get_literal(node)))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let image = type == CMARK_NODE_IMAGE
            return entering ? .linkStart(destination: string(cmark_node_get_url(node)), isImage: image)
                : .linkEnd(isImage: image)
        case CMARK_NODE_EMPH, CMARK_NODE_STRONG:
            let n = type == CMARK_NODE_EMPH ? 1 : 2
            return entering ? .delimiterStart(n) : .delimiterEnd(n)
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            return .footnoteReference
        default:
            if string(cmark_node_get_type_string(node)) == "strikethrough" {
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
