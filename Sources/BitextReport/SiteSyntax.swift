import BitextMarkdown
import BitextText
import Foundation

/// Documentation-site syntax that plain CommonMark shows as clutter, rendered as a reader of the
/// site sees it: heading ids (`{#id}`, MDX `{/*id*/}`) become anchors, VitePress containers
/// (`::: tip Title` … `:::`), MkDocs admonitions and tabs (`!!! note "Title"` over an indented
/// body) and DocC or GitHub call-outs (`> Note: …`, `> [!NOTE]`) become asides, and `<div class="…">` wrappers around Markdown (Vue's `options-api` and
/// `composition-api` variants) become labelled boxes.
enum SiteSyntax {
    /// A container that wraps Markdown: a `:::` fence pair or a `<div class="…">` on its own line.
    struct Container {
        var open: Int
        var close: Int
        var kind: String
        var title: String
        var isVariant: Bool
        /// An MkDocs container's: the spaces before its body's lines (0: a fence pair, whose
        /// `close` line is the closing fence; an MkDocs body has none, its `close` is the line
        /// after the body's last).
        var indent = 0
    }

    /// The containers of a document (lines inside code blocks are code, not syntax).
    static func containers(_ d: Document, lines: [String]) -> [Container] {
        var inCode = [Bool](repeating: false, count: lines.count + 2)
        for c in d.codeBlocks { for l in c.startLine...c.endLine where l <= lines.count { inCode[l] = true } }
        var stack: [(Int, String, String, Bool)] = []
        var out: [Container] = []
        for (k, line) in lines.enumerated() where !inCode[k + 1] {
            if let (kind, title) = fenceOpen(line) { stack.append((k + 1, kind, title, false)); continue }
            if isFenceClose(line), let i = stack.lastIndex(where: { !$0.3 }) {
                let o = stack.remove(at: i)
                out.append(Container(open: o.0, close: k + 1, kind: o.1, title: o.2, isVariant: false))
                continue
            }
            if let cls = divOpen(line) { stack.append((k + 1, cls, "", true)); continue }
            if isDivClose(line), let i = stack.lastIndex(where: { $0.3 }) {
                let o = stack.remove(at: i)
                out.append(Container(open: o.0, close: k + 1, kind: o.1, title: "", isVariant: true))
            }
        }
        for c in d.mkdocsContainers {
            out.append(Container(open: c.markerLine, close: c.body.upperBound + 1, kind: c.kind, title: c.title,
                                 isVariant: false, indent: c.indent))
        }
        return out.sorted { $0.open < $1.open }
    }

    /// Line `l` of a document without the indentation of the innermost MkDocs container whose
    /// body holds it (a note's text is Markdown four spaces in, not indented code).
    static func dedented(_ line: String, _ l: Int, _ containers: [Container]) -> String {
        var indent = 0
        for c in containers where c.indent > indent && c.open < l && l < c.close { indent = c.indent }
        guard indent > 0 else { return line }
        var k = 0
        for ch in line.unicodeScalars { if ch == " " && k < indent { k += 1 } else { break } }
        return String(line.unicodeScalars.dropFirst(k))
    }

    /// `::: kind Title` (three or more colons, at most three spaces of indentation).
    static func fenceOpen(_ line: String) -> (String, String)? {
        let t = line.drop(while: { $0 == " " })
        guard line.count - t.count <= 3, t.hasPrefix(":::") else { return nil }
        let rest = t.drop(while: { $0 == ":" }).drop(while: { $0 == " " })
        let kind = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        guard !kind.isEmpty, kind.first!.isLetter else { return nil }
        let title = rest.dropFirst(kind.count).trimmingCharacters(in: .whitespaces)
        return (String(kind).lowercased(), title)
    }

    static func isFenceClose(_ line: String) -> Bool {
        // Three colons in a row first: most lines have none (and then the answer is no).
        guard FoundationText.bytesContain(line, ":::") else { return false }
        let t = line.trimmingCharacters(in: .whitespaces)
        return t.count >= 3 && t.allSatisfy { $0 == ":" }
    }

    /// The class of a `<div class="…">` alone on its line.
    static func divOpen(_ line: String) -> String? {
        guard FoundationText.bytesContain(line, "<div") else { return nil }
        let t = line.trimmingCharacters(in: .whitespaces)
        guard let m = t.range(of: #"^<div\s+class\s*=\s*["']([A-Za-z][\w -]*)["']\s*>$"#, options: .regularExpression) else { return nil }
        let inner = t[m]
        guard let q = inner.firstIndex(where: { $0 == "\"" || $0 == "'" }) else { return nil }
        return inner[inner.index(after: q)...].prefix(while: { $0 != "\"" && $0 != "'" }).trimmingCharacters(in: .whitespaces)
    }

    static func isDivClose(_ line: String) -> Bool {
        FoundationText.bytesContain(line, "</div>") && line.trimmingCharacters(in: .whitespaces) == "</div>"
    }

    /// A heading line without its `{#id}` or `{/*id*/}`, and the id.
    static func headingID(_ line: String) -> (String, String)? {
        let t = line.drop(while: { $0 == " " })
        // Both patterns need a brace: most headings have none.
        guard t.hasPrefix("#"), FoundationText.bytesContain(line, "{") else { return nil }
        for pattern in [#"[ \t]*\{#([A-Za-z0-9_:.-]+)\}[ \t]*$"#, #"[ \t]*\{/\*\s*#?([A-Za-z0-9_:.-]+)\s*\*/\}[ \t]*$"#] {
            // Sentinels may sit before the id (the end of the heading's text).
            if let r = line.range(of: pattern, options: .regularExpression) {
                let id = line[r].components(separatedBy: CharacterSet(charactersIn: "{}#/* \t")).filter { !$0.isEmpty }.first ?? ""
                return (String(line[..<r.lowerBound]), id)
            }
        }
        return nil
    }

    /// Aside kinds DocC knows (`> Note: …`).
    static let doccAsides: Set<String> = ["note", "important", "warning", "tip", "experiment", "attention", "bug",
                                          "precondition", "postcondition", "remark", "requires", "seealso", "throws", "returns",
                                          "parameter", "complexity", "invariant", "author", "since", "version", "todo", "mutatingvariant",
                                          "nonmutatingvariant", "caution", "danger"]

    /// Block quotes that are call-outs, as asides: DocC `> Note: …`, GitHub `> [!NOTE]`, and a
    /// Chinese label of one to four Han characters with a colon (`> 注意：…`, a translated call-out).
    static func asides(_ html: String) -> String {
        // (By bytes: in cmark-gfm's HTML the tag is always followed by a line feed.)
        guard FoundationText.bytesContain(html, "<blockquote>") else { return html }
        var out = ""
        var rest = Substring(html)
        var stack: [Bool] = []  // for each open blockquote: became an aside
        let sentinels = #"(?:[\x{F0000}-\x{F1FFF}]*)"#
        let label = "^<blockquote>\n<p>(" + sentinels + #")(?:\[!([A-Za-z]+)\]\s*|([A-Za-z]+)\s*:\s*|(\p{Han}{1,4})\s*[:：]\s*)"#
        while let r = rest.range(of: "</?blockquote>", options: .regularExpression) {
            out += rest[..<r.lowerBound]
            if rest[r] == "</blockquote>" {
                out += stack.popLast() == true ? "</aside>" : "</blockquote>"
                rest = rest[r.upperBound...]
                continue
            }
            let tail = rest[r.lowerBound...]
            if let m = tail.range(of: label, options: .regularExpression) {
                let matched = String(tail[m])
                let groups = matched.dropFirst("<blockquote>\n<p>".count)
                let lead = String(groups.prefix(while: { $0.unicodeScalars.first.map { $0.value >= 0xF0000 } ?? false }))
                var word = String(groups.dropFirst(lead.count)).trimmingCharacters(in: CharacterSet(charactersIn: "[]!:： \t\n"))
                let han = word.unicodeScalars.contains { $0.value >= 0x3400 && $0.value <= 0x9FFF }
                if han || doccAsides.contains(word.lowercased()) {
                    if !han { word = word.prefix(1).uppercased() + word.dropFirst().lowercased() }
                    let kind = han ? "note" : word.lowercased()
                    out += "<aside class=\"callout \(kind)\"><p>\(lead)<strong class=\"callout-title\">\(HTML.escape(word))</strong> "
                    stack.append(true)
                    rest = tail[m.upperBound...]
                    continue
                }
            }
            out += "<blockquote>"
            stack.append(false)
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}
