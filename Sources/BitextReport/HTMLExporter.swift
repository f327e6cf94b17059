import BitextAlign
import BitextCheck
import BitextMarkdown
import BitextText
import Foundation

/// One self-contained page per document pair: each stretch of the source beside its
/// translation, rendered from Markdown by cmark-gfm in its safe mode (raw HTML and `javascript:`
/// links dropped), untranslated and partial units and findings highlighted, an outline to jump
/// around, columns that stack in a narrow window. The page carries its CSS and a
/// Content-Security-Policy that allows no script, frame or network fetch.
public enum HTMLExporter {
    public static func page(_ p: BilingualPair, title: String? = nil) -> String {
        let title = title ?? "\((p.target.path as NSString).lastPathComponent) — bilingual"
        var outline = ""
        var rows = ""
        let sourceLines = MarkdownExporter.lines(p.source), targetLines = MarkdownExporter.lines(p.target)
        let findingsByLine = Dictionary(grouping: p.findings, by: { $0.span.start.line })
        for (k, seg) in MarkdownExporter.segments(p).enumerated() {
            let beads = p.alignment.beads.filter { b in
                let s = MarkdownExporter.range(p.source, b.source), t = MarkdownExporter.range(p.target, b.target)
                return MarkdownExporter.overlaps(s, seg.source) || MarkdownExporter.overlaps(t, seg.target)
            }
            let sourceBlocks = beads.flatMap(\.source), targetBlocks = beads.flatMap(\.target)
            let tu = targetBlocks.compactMap { p.target.unitIndex(block: $0) }
            var status = "translated"
            if seg.target == nil { status = "missing" }
            else if seg.source == nil { status = tu.contains { p.targetAnalyses[$0].isNote } ? "note" : "extra" }
            else {
                let st = tu.map { p.status(ofTargetUnit: $0) }
                if st.contains(.untranslated) && !st.contains(.translated) { status = "untranslated" }
                else if st.contains(.partial) || st.contains(.untranslated) { status = "partial" }
            }
            // Outline entries for headings.
            for b in targetBlocks.isEmpty ? sourceBlocks : targetBlocks {
                let d = targetBlocks.isEmpty ? p.source : p.target
                if let u = d.unitIndex(block: b), let level = d.units[u].kind.headingLevel {
                    outline += "<li class=\"h\(level)\"><a href=\"#r\(k)\">\(HTML.escape(d.units[u].plainText))</a></li>\n"
                }
            }
            let left = render(p.source, blocks: sourceBlocks, lines: seg.source.map { MarkdownExporter.slice(sourceLines, $0) })
            let right = render(p.target, blocks: targetBlocks, lines: seg.target.map { MarkdownExporter.slice(targetLines, $0) })
            var notes = ""
            if let r = seg.target {
                let fs = r.flatMap { findingsByLine[$0] ?? [] }.filter { $0.severity >= .warning }
                if !fs.isEmpty {
                    notes = "<ul class=\"findings\">" + fs.map {
                        "<li class=\"\($0.severity.rawValue)\"><span class=\"rule\">\(HTML.escape($0.rule))</span> \(HTML.escape($0.message))</li>"
                    }.joined() + "</ul>"
                }
            }
            rows += """
                <div class="row \(status)" id="r\(k)">
                <div class="src" lang="\(HTML.escape(p.sourceLanguage))">\(left)</div>
                <div class="tgt" lang="\(HTML.escape(p.targetLanguage))">\(right)\(notes)</div>
                </div>

                """
        }
        let c = p.coverage
        let body = """
            <header>
            <h1>\(HTML.escape(title))</h1>
            <p class="meta">\(HTML.escape(p.source.path)) ⇔ \(HTML.escape(p.target.path)) · \(String(format: "%.1f", c.percent))% translated ·
            <span class="key untranslated">untranslated</span> <span class="key partial">partial</span>
            <span class="key missing">missing</span> <span class="key extra">no source</span></p>
            </header>
            <div class="layout">
            <nav><ul>
            \(outline)</ul></nav>
            <main>
            \(rows)</main>
            </div>
            """
        return HTML.page(title: title, css: css, body: body)
    }

    /// HTML of some blocks: Markdown lines through cmark-gfm, or — for text inside HTML blocks,
    /// which the safe renderer drops — the units themselves (headings as headings).
    static func render(_ d: Document, blocks: [Int], lines: [String]?) -> String {
        guard let lines else { return "" }
        let units = blocks.compactMap { d.unitIndex(block: $0) }
        if units.contains(where: { d.units[$0].inHTML }) || units.contains(where: { if case .frontMatter = d.units[$0].kind { return true }; return false }) {
            return units.map { k -> String in
                let u = d.units[k]
                let inline = inlineHTML(u)
                if let level = u.kind.headingLevel { return "<h\(level)>\(inline)</h\(level)>" }
                return "<p>\(inline)</p>"
            }.joined(separator: "\n")
        }
        return renderMarkdownHTML(lines.joined(separator: "\n") + "\n")
    }

    /// A unit's text rendered inline (block structure left out).
    static func inlineHTML(_ u: BitextMarkdown.Unit) -> String {
        var scalars: [UInt32] = []
        for i in u.text.indices where u.roles[i] != .structure { scalars.append(u.text[i]) }
        var html = renderMarkdownHTML(makeString(scalars) + "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if html.hasPrefix("<p>") && html.hasSuffix("</p>") { html = String(html.dropFirst(3).dropLast(4)) }
        return html
    }

    /// The index page of a tree export: every pair and its coverage.
    public static func index(_ entries: [(page: String, pair: String, coverage: Coverage)], title: String = "Bilingual pages") -> String {
        var rows = ""
        for e in entries {
            let p = e.coverage.percent
            rows += "<tr><td><a href=\"\(HTML.attribute(e.page))\">\(HTML.escape(e.pair))</a></td>"
                + "<td>\(CoverageReport.htmlBar(p))</td></tr>\n"
        }
        let total = CoverageReport(files: entries.map(\.coverage))
        return HTML.page(title: title, css: CoverageReport.css,
                         body: "<h1>\(HTML.escape(title))</h1>\n<p class=\"total\">\(String(format: "%.1f", total.percent))% translated</p>\n<table><tbody>\n\(rows)</tbody></table>")
    }

    static let css = """
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.6 system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1f2328;background:#fff}
        header{padding:1em 1.5em;border-bottom:1px solid #d0d7de;background:#f6f8fa}
        h1{font-size:1.3em;margin:0 0 .3em}.meta{margin:0;color:#57606a;font-size:.9em}
        .key{padding:0 .4em;border-left:4px solid}
        .layout{display:grid;grid-template-columns:15em 1fr}
        nav{position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto;padding:1em;border-right:1px solid #d0d7de;font-size:.9em}
        nav ul{list-style:none;margin:0;padding:0}nav li.h2{padding-left:.8em}nav li.h3{padding-left:1.6em}nav li.h4,nav li.h5,nav li.h6{padding-left:2.4em}
        nav a{color:#0969da;text-decoration:none}
        main{padding:0 1em}
        .row{display:grid;grid-template-columns:1fr 1fr;gap:1.5em;padding:.4em .6em;border-left:4px solid transparent;border-bottom:1px solid #f0f0f0}
        .row>div{min-width:0;overflow-wrap:anywhere}
        .row.untranslated,.key.untranslated{border-left-color:#cf222e;background:#fff5f5}
        .row.partial,.key.partial{border-left-color:#bf8700;background:#fffbeb}
        .row.missing,.key.missing{border-left-color:#8250df;background:#fbf8ff}
        .row.extra,.key.extra,.row.note{border-left-color:#0969da}
        .src{color:#424a53}
        pre{background:#f6f8fa;padding:.6em;overflow:auto;font-size:.85em}code{font-size:.9em}
        table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:.2em .5em}
        img{max-width:100%}
        .findings{margin:.3em 0;padding-left:1.2em;font-size:.85em}.findings .error{color:#cf222e}.findings .warning{color:#9a6700}
        .rule{font-family:ui-monospace,monospace;font-size:.9em}
        @media (max-width:800px){.layout{grid-template-columns:1fr}nav{position:static;max-height:none;border-right:0;border-bottom:1px solid #d0d7de}
        .row{grid-template-columns:1fr;gap:.3em}.src{border-bottom:1px dashed #d0d7de;padding-bottom:.3em}}
        """
}
