import BitextCheck
import BitextDigest
import BitextICU
import BitextText
import Foundation

/// Coverage in the formats `bitext coverage` writes.
public enum CoverageFormat: String, CaseIterable, Sendable {
    case text, json, markdown, html
}

public struct CoverageReport: Sendable {
    public var files: [Coverage]
    public init(files: [Coverage]) { self.files = files }

    public var translatedSize: Double { files.reduce(0) { $0 + $1.translatedSize } }
    public var totalSize: Double { files.reduce(0) { $0 + $1.totalSize } }
    public var percent: Double { totalSize == 0 ? 0 : 100 * translatedSize / totalSize }
    public var counts: Coverage.Counts {
        var c = Coverage.Counts()
        for f in files {
            c.total += f.counts.total; c.translated += f.counts.translated
            c.partial += f.counts.partial; c.untranslated += f.counts.untranslated; c.stale += f.counts.stale
        }
        return c
    }

    static func round1(_ x: Double) -> Double { (x * 10).rounded() / 10 }

    static func countsJSON(_ c: Coverage.Counts, stale: Bool) -> JSON {
        var f: [(String, JSON)] = [("total", .int(c.total)), ("translated", .int(c.translated)),
                                   ("partial", .int(c.partial)), ("untranslated", .int(c.untranslated))]
        if stale { f.append(("stale", .int(c.stale))) }
        return .object(f)
    }

    /// One file of the JSON report (also what `bitext lsp` answers to `bitext/coverage`).
    public static func json(_ f: Coverage, stale: Bool = false) -> JSON {
        var fields: [(String, JSON)] = [("file", .string(f.file))]
        if let s = f.source { fields.append(("source", .string(s))) }
        fields += [("percent", .double(Self.round1(f.percent))), ("units", Self.countsJSON(f.counts, stale: stale)),
                   ("sections", .array(f.sections.map { s in
                       .object([("heading", .string(s.heading)), ("line", .int(s.line)), ("level", .int(s.level)),
                                ("percent", .double(Self.round1(s.percent)))])
                   }))]
        return .object(fields)
    }

    public func json(stale: Bool = false) -> String {
        JSON.object([
            ("files", .array(files.map { Self.json($0, stale: stale) })),
            ("total", .object([("percent", .double(Self.round1(percent))), ("units", Self.countsJSON(counts, stale: stale))])),
        ]).serialized() + "\n"
    }

    static func bar(_ percent: Double, width: Int) -> String {
        let filled = Int((percent / 100 * Double(width)).rounded())
        return String(repeating: "█", count: max(0, min(width, filled))) + String(repeating: "░", count: max(0, width - filled))
    }

    /// Display width: Han and full-width characters take two columns.
    static func columns(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + (Characters.isWide($1.value) ? 2 : 1) }
    }

    /// Pads to `width` columns; too long, it keeps the end (where a path's file name is).
    static func pad(_ s: String, _ width: Int, keepEnd: Bool = false) -> String {
        var t = s
        if columns(t) > width {
            if keepEnd {
                while columns(t) > width - 1, !t.isEmpty { t.removeFirst() }
                t = "…" + t
            } else {
                while columns(t) > width - 1, !t.isEmpty { t.removeLast() }
                t += "…"
            }
        }
        return t + String(repeating: " ", count: max(0, width - columns(t)))
    }

    /// A table with bars that fits `width` columns.
    public func text(width: Int = 80, sections: Bool = true, stale: Bool = false) -> String {
        // name, " %6d %5d %5d %5d  " (27 columns), a bar, " %5.1f%" (8 columns).
        let numbers = 27
        let barWidth = 12
        let nameWidth = max(16, width - numbers - barWidth - 8)
        var out = Self.pad("file", nameWidth) + "   units  done  part  todo  coverage\n"
        func row(_ name: String, _ c: Coverage.Counts, _ p: Double) -> String {
            Self.pad(name, nameWidth, keepEnd: true) + String(format: " %6d %5d %5d %5d  ", c.total, c.translated, c.partial, c.untranslated)
                + Self.bar(p, width: barWidth) + String(format: " %5.1f%%", p) + "\n"
        }
        for f in files {
            out += row(f.file, f.counts, f.percent)
            if sections && f.sections.count > 1 {
                for s in f.sections where s.totalSize > 0 {
                    let name = String(repeating: "  ", count: s.level) + s.heading
                    out += Self.pad(name, nameWidth) + String(repeating: " ", count: numbers)
                        + Self.bar(s.percent, width: barWidth) + String(format: " %5.1f%%", s.percent) + "\n"
                }
            }
        }
        if files.count > 1 { out += row("total", counts, percent) }
        if stale { out += staleLine + "\n" }
        return out
    }

    /// How many translated units have a source that changed since (with --since).
    var staleLine: String {
        let n = counts.stale
        return n == 0 ? "stale: none; every translated unit matches its current source"
            : "stale: \(n) unit\(n == 1 ? "" : "s") whose source changed since translation (bitext drift lists them)"
    }

    /// For a pull-request comment (GitHub-flavoured Markdown).
    public func markdown(stale: Bool = false) -> String {
        var out = "### Translation coverage: \(String(format: "%.1f", percent))%\n\n"
        out += "| file | units | translated | partial | untranslated | coverage |\n| --- | ---: | ---: | ---: | ---: | ---: |\n"
        for f in files {
            out += "| `\(f.file)` | \(f.counts.total) | \(f.counts.translated) | \(f.counts.partial) | \(f.counts.untranslated) | "
                + "\(String(format: "%.1f", f.percent))% `\(Self.bar(f.percent, width: 10))` |\n"
        }
        if files.count > 1 {
            let c = counts
            out += "| **total** | \(c.total) | \(c.translated) | \(c.partial) | \(c.untranslated) | **\(String(format: "%.1f", percent))%** |\n"
        }
        let withSections = files.filter { $0.sections.count > 1 }
        if !withSections.isEmpty {
            out += "\n<details><summary>Sections</summary>\n\n| file | section | coverage |\n| --- | --- | ---: |\n"
            for f in withSections {
                for s in f.sections where s.totalSize > 0 {
                    let heading = s.heading.replacingOccurrences(of: "|", with: "\\|")
                    out += "| `\(f.file)` | \(String(repeating: "· ", count: max(0, s.level - 1)))\(heading) (line \(s.line)) | \(String(format: "%.1f", s.percent))% |\n"
                }
            }
            out += "\n</details>\n"
        }
        if stale { out += "\n" + staleLine + "\n" }
        return out
    }

    /// One self-contained page: totals, a bar per file and per section, and the untranslated
    /// and partial units with links to their lines (`file#L12`, as code hosts show files).
    public func html(title: String = "Translation coverage") -> String {
        var body = "<h1>\(HTML.escape(title))</h1>\n"
        body += "<p class=\"total\">\(String(format: "%.1f", percent))% translated · \(counts.total) units: "
            + "\(counts.translated) translated, \(counts.partial) partial, \(counts.untranslated) untranslated</p>\n"
        body += "<table class=\"files\"><thead><tr><th>file</th><th>units</th><th>coverage</th></tr></thead><tbody>\n"
        for (k, f) in files.enumerated() {
            body += "<tr><td><a href=\"#f\(k)\">\(HTML.escape(f.file))</a></td><td>\(f.counts.total)</td><td>\(Self.htmlBar(f.percent))</td></tr>\n"
        }
        body += "</tbody></table>\n"
        for (k, f) in files.enumerated() {
            body += "<section id=\"f\(k)\"><h2>\(HTML.escape(f.file)) — \(String(format: "%.1f", f.percent))%</h2>\n"
            if f.sections.contains(where: { $0.totalSize > 0 }) {
                body += "<table class=\"sections\"><tbody>\n"
                for s in f.sections where s.totalSize > 0 {
                    body += "<tr><td class=\"l\(s.level)\">\(HTML.escape(s.heading)) <span class=\"line\">line \(s.line)</span></td><td>\(Self.htmlBar(s.percent))</td></tr>\n"
                }
                body += "</tbody></table>\n"
            }
            if !f.gaps.isEmpty {
                body += "<details><summary>\(f.gaps.count) unit\(f.gaps.count == 1 ? "" : "s") to translate</summary><ul class=\"gaps\">\n"
                for g in f.gaps {
                    let href = HTML.attribute(g.file + "#L\(g.line)")
                    body += "<li class=\"\(g.status.rawValue)\"><a href=\"\(href)\">\(HTML.escape((g.file as NSString).lastPathComponent)):\(g.line)</a> "
                        + "<span class=\"status\">\(g.status.rawValue)</span> \(HTML.escape(g.preview))</li>\n"
                }
                body += "</ul></details>\n"
            }
            body += "</section>\n"
        }
        return HTML.page(title: title, css: Self.css, body: body)
    }

    static func htmlBar(_ p: Double) -> String {
        "<div class=\"bar\" role=\"img\" aria-label=\"\(String(format: "%.1f", p))%\"><div style=\"width:\(String(format: "%.1f", p))%\"></div></div> \(String(format: "%.1f", p))%"
    }

    static let css = """
        body{font:15px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC",sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#1f2328}
        table{border-collapse:collapse;width:100%}td,th{padding:.3em .5em;border-bottom:1px solid #eee;text-align:left}
        .bar{display:inline-block;width:10em;height:.8em;background:#eee;vertical-align:middle}.bar div{height:100%;background:#2da44e}
        .line{color:#888;font-size:.85em}.l2{padding-left:1.5em}.l3{padding-left:3em}.l4,.l5,.l6{padding-left:4.5em}
        .gaps li.untranslated .status{color:#cf222e}.gaps li.partial .status{color:#9a6700}.total{font-size:1.2em}
        """
}

/// Escaping and page scaffolding for the HTML bitext writes: everything from documents is
/// escaped, pages carry their CSS inline and a Content-Security-Policy that forbids scripts,
/// frames and anything fetched from the network.
public enum HTML {
    public static func escape(_ s: String) -> String { Markup.escape(s, apostrophe: true) }

    /// A value for a quoted attribute; `javascript:`-like URLs become `#`.
    public static func attribute(_ s: String) -> String {
        let lower = s.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().filter { !$0.isWhitespace }
        for scheme in ["javascript:", "vbscript:", "data:", "file:"] where lower.hasPrefix(scheme) { return "#" }
        return escape(s)
    }

    public static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    /// A page; `scripts` go inline in the head, allowed by their hashes in the policy, and
    /// `images` adds image sources to it (` 'self'` for local images).
    public static func page(title: String, css: String, body: String, lang: String = "zh-Hans",
                            scripts: [String] = [], images: String = "") -> String {
        var policy = contentSecurityPolicy
        if !scripts.isEmpty || !images.isEmpty {
            policy = "default-src 'none'; " + (scripts.isEmpty ? "" : "script-src \(scripts.map(SHA256.cspSource).joined(separator: " ")); ")
                + "style-src 'unsafe-inline'; img-src data:\(images); base-uri 'none'; form-action 'none'"
        }
        return """
        <!DOCTYPE html>
        <html lang="\(escape(lang))">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="\(policy)">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="bitext">
        <title>\(escape(title))</title>
        <style>\(css)</style>\(scripts.map { "\n<script>\($0)</script>" }.joined())
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }
}
