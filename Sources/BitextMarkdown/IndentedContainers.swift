/// MkDocs's indented containers: Python-Markdown's admonitions (`!!! note "Title"`), the
/// collapsible blocks of pymdownx.details (`??? tip`, `???+ tip "Title"`) and the content tabs of
/// pymdownx.tabbed (`=== "Python"`). A marker line opens one; its body is the lines after it
/// indented four spaces more than the marker (blank lines among them), Markdown like any other:
/// paragraphs, tables, lists, fenced code. CommonMark reads such a body as an indented code block,
/// or its first lines as a continuation of the marker's paragraph, so the translatable text of a
/// note was never a unit and a table under it was compared as code.
///
/// cmark-gfm is given each body as a list item instead: the four spaces before the body's first
/// line, under the marker, become `-   ` in the bytes cmark-gfm parses (as many bytes, so every
/// position stays the file's), and the body's lines, blank lines and all, are that item's content.
/// The tree walk does not count these items as lists (``bodyStarts``). The marker line stays a
/// paragraph of its own (a list item interrupts it) whose syntax — the marker, the type words and
/// the title's quotes — is block structure (``TextMasks``, by the same grammar,
/// ``MkDocsMarkerLine``): an admonition's title is a unit, a bare `!!! note` none, a tab's title
/// a name (no unit: code).
///
/// A marker is one at the document's top level, in a list item's content or in another
/// container's body, indented less than four spaces past that content: four spaces more is an
/// indented code block, whose lines are code to MkDocs as well, and a marker inside a fenced code
/// block (documentation showing the syntax) is code.
struct IndentedContainers {
    /// The containers with a body, in the order of their markers.
    private(set) var containers: [MkDocsContainer] = []

    var isEmpty: Bool { containers.isEmpty }
    /// Where each body's item starts: its first line and the byte column (1-based) of the `-`
    /// written there, under the marker; ascending by line.
    var bodyStarts: [(line: Int, column: Int)] { containers.map { ($0.body.lowerBound, $0.indent - 3) } }

    /// The containers of `bytes` (the bytes cmark-gfm will parse) whose lines start at `lineStarts`.
    /// Cheap for a document without them: one look at the first character of each line.
    init(_ bytes: UnsafeBufferPointer<UInt8>, lineStarts: [Int]) {
        // Content indents of the list items and bodies around the current line, innermost last.
        var contexts: [Int] = []
        var fence: (char: UInt8, length: Int)? = nil
        let lineCount = lineStarts.count
        func lineEnd(_ k: Int) -> Int { k + 1 < lineCount ? lineStarts[k + 1] : bytes.count }
        // Whether line `k` holds text past `n` spaces.
        func indented(_ k: Int, _ n: Int) -> Bool {
            let ks = lineStarts[k]
            return ks + n < lineEnd(k) && (ks..<(ks + n)).allSatisfy { bytes[$0] == 0x20 }
        }
        var l = 0
        while l < lineCount {
            let start = lineStarts[l]
            let end = lineEnd(l)
            defer { l += 1 }
            var i = start
            while i < end && bytes[i] == 0x20 { i += 1 }
            guard i < end, bytes[i] != 0x0A, bytes[i] != 0x0D else { continue }
            // A tab in the indentation: columns this scan does not count. Not a marker or a body.
            if bytes[i] == 0x09 { continue }
            let indent = i - start
            let c = bytes[i]
            if let f = fence {
                let n = IndentedContainers.run(bytes, i, end, c)
                if c == f.char, n >= f.length, IndentedContainers.isBlank(bytes, i + n, end) { fence = nil }
                continue
            }
            while let top = contexts.last, top > indent { contexts.removeLast() }
            if c == 0x60 || c == 0x7E {
                let n = IndentedContainers.run(bytes, i, end, c)
                if n >= 3 && !(c == 0x60 && bytes[(i + n)..<end].contains(0x60)) { fence = (c, n) }
                continue
            }
            if let content = IndentedContainers.listItemContent(bytes, i, end) {
                contexts.append(indent + content)
                continue
            }
            // Up to three spaces past the content's indent (Python-Markdown indents a list
            // item's content four spaces, whatever its marker's width); four is indented code.
            guard c == 0x21 || c == 0x3F || c == 0x3D, indent - (contexts.last ?? 0) < 4,
                  let marker = MkDocsMarkerLine(bytes, i, IndentedContainers.textEnd(bytes, i, end)) else { continue }
            // The body: the next line that is not blank, indented four spaces more.
            var m = l + 1
            while m < lineCount && IndentedContainers.isBlank(bytes, lineStarts[m], lineEnd(m)) { m += 1 }
            guard m < lineCount, indented(m, indent + 4) else { continue }
            contexts.append(indent + 4)
            // The body's last line: the last that is not blank before a line indented less.
            var last = m, k = m + 1
            while k < lineCount {
                if !IndentedContainers.isBlank(bytes, lineStarts[k], lineEnd(k)) {
                    guard indented(k, indent + 4) else { break }
                    last = k
                }
                k += 1
            }
            containers.append(IndentedContainers.describe(bytes, marker, marker: l + 1, body: (m + 1)...(last + 1), indent: indent))
        }
    }

    /// Writes each body's item marker into the bytes cmark-gfm parses.
    func mark(_ input: inout [UInt8], lineStarts: [Int]) {
        for b in bodyStarts { input[lineStarts[b.line - 1] + b.column - 1] = 0x2D }
    }

    /// A container as its marker line names it: the first type word (`tab` for a content tab)
    /// and the title between the quotes.
    private static func describe(_ b: UnsafeBufferPointer<UInt8>, _ line: MkDocsMarkerLine, marker: Int,
                                 body: ClosedRange<Int>, indent: Int) -> MkDocsContainer {
        let text = { (r: Range<Int>) in String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self) }
        let kind = line.kind == .tab ? "tab" : line.firstWord.isEmpty ? "note" : text(line.firstWord).lowercased()
        return MkDocsContainer(markerLine: marker, body: body, indent: indent + 4, kind: kind, title: line.title.map(text) ?? "")
    }

    // MARK: lines

    private static func run(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int, _ c: UInt8) -> Int {
        var j = i
        while j < end && b[j] == c { j += 1 }
        return j - i
    }

    private static func isBlank(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        (i..<end).allSatisfy { b[$0] == 0x20 || b[$0] == 0x09 || b[$0] == 0x0A || b[$0] == 0x0D }
    }

    /// The end of the line's text at `i..<end`: without its line break and trailing spaces.
    private static func textEnd(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        var e = end
        while e > i && (b[e - 1] == 0x0A || b[e - 1] == 0x0D || b[e - 1] == 0x20) { e -= 1 }
        return e
    }

    /// The width of a list item's marker and the spaces after it (its content's indent from the
    /// marker), if the line at `i` opens one: `-`, `*`, `+` or one to nine digits and `.` or `)`,
    /// then a space (one space when five or more follow: the content is indented code).
    private static func listItemContent(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int? {
        var j = i
        let c = b[i]
        if c == 0x2D || c == 0x2A || c == 0x2B {
            j += 1
        } else {
            while j < end && j - i < 9 && b[j] >= 0x30 && b[j] <= 0x39 { j += 1 }
            guard j > i, j < end, b[j] == 0x2E || b[j] == 0x29 else { return nil }
            j += 1
        }
        guard j < end, b[j] == 0x20 else { return nil }
        let spaces = run(b, j, end, 0x20)
        return j - i + (spaces >= 5 ? 1 : spaces)
    }
}

/// An MkDocs admonition, collapsible block or content tab of a document (``IndentedContainers``).
public struct MkDocsContainer: Sendable, Equatable {
    /// The marker's line (1-based).
    public let markerLine: Int
    /// The body's first and last lines that are not blank.
    public let body: ClosedRange<Int>
    /// The spaces before the body's text: the marker's indentation and four.
    public let indent: Int
    /// The first type word, lowercased (`note`, `tip`), or `tab` for a content tab.
    public let kind: String
    /// The title between the quotes, empty when there is none.
    public let title: String
}
