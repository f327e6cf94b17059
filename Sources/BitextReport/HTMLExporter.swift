import BitextAlign
import BitextCheck
import BitextDigest
import BitextGlossary
import BitextMarkdown
import BitextText
import Foundation

/// What a review page shows beyond the pair itself, and how it links out.
public struct ReviewOptions {
    public var title: String?
    /// Line links: a URL template with `{path}` (the file as given, percent-encoded) and
    /// `{line}`, e.g. `https://github.com/ORG/REPO/blob/main/{path}#L{line}`; nil links to the
    /// file itself (`file://`).
    public var lineURL: String?
    /// The same for the source, when it lives elsewhere (another repository).
    public var sourceLineURL: String?
    /// Where site-absolute links (`/guide/intro`) point: a URL, or a folder whose files they name.
    public var siteBase: String?
    /// Copy relative images beside the page (under `assetPrefix`) instead of showing them from
    /// the documents' folders.
    public var copyAssets = false
    /// The assets folder, relative to the page (`assets/`, `../assets/` for a page one level down).
    public var assetPrefix = "assets/"
    public var glossary: GlossaryIndex?
    /// Target units whose source changed since the translation (`--since`), and the drift findings.
    public var stale: Set<Int> = []
    public var driftFindings: [Finding] = []
    /// Labels of the page in the reader's language (keys `review.*`).
    public var messages: Messages?
    /// The folder the page is written to (absolute): line links and images from the documents'
    /// folders are relative to it; nil for the current directory.
    public var pageDirectory: String?
    /// The tree's overview page, relative to this page.
    public var indexHref: String?
    /// Called as rows are rendered: (done, total).
    public var progress: ((Int, Int) -> Void)?

    public init() {}
}

/// A rendered review page, the images to copy beside it, and its counts for the overview.
public struct ReviewPage {
    public var html: String
    /// (absolute source file, path relative to the page) of each image to copy.
    public var assets: [(from: String, to: String)]
    public var counts: ReviewCounts
}

/// How many rows of a page need what.
public struct ReviewCounts: Sendable {
    public var rows = 0
    public var problems = 0
    public var untranslated = 0
    public var partial = 0
    public var missing = 0
    public var extra = 0
    public var stale = 0
    public var errors = 0
    public var warnings = 0
    public init() {}
}

/// One self-contained review page per document pair: each stretch of the source beside its
/// translation, rendered from Markdown by cmark-gfm in its safe mode (raw HTML and `javascript:`
/// links dropped), with what a reviewer acts on: line numbers linking to the files, the
/// untranslated part of a paragraph, glossary terms and forbidden variants highlighted in place,
/// the findings grouped by unit, a filter and `j`/`k` to walk the problems, and hovering (or
/// focusing) a sentence lighting up its aligned sentence on the other side. Site syntax is shown
/// as the site shows it (``SiteSyntax``). The only script is the page's own, allowed by its hash
/// in the Content-Security-Policy, which allows no other script, frame or network fetch.
public enum HTMLExporter {
    public static func page(_ p: BilingualPair, title: String? = nil) -> String {
        var o = ReviewOptions()
        o.title = title
        return review(p, options: o).html
    }

    public static func review(_ p: BilingualPair, options o: ReviewOptions) -> ReviewPage {
        var builder = PageBuilder(p, options: o)
        return builder.build()
    }

    /// The overview of a tree export: every pair, its coverage and its problems, sortable.
    public static func index(_ entries: [(page: String, pair: String, coverage: Coverage, counts: ReviewCounts)],
                             title: String? = nil, messages: Messages? = nil) -> String {
        func t(_ key: String, _ fallback: String) -> String { label(messages, key, fallback) }
        let title = title ?? t("index.title", "Bilingual pages")
        var rows = ""
        for e in entries {
            let c = e.counts, pct = e.coverage.percent
            rows += "<tr><td data-v=\"\(HTML.escape(e.pair))\"><a href=\"\(HTML.escape(e.page))\">\(HTML.escape(e.pair))</a></td>"
                + "<td data-v=\"\(String(format: "%.1f", pct))\">\(CoverageReport.htmlBar(pct))</td>"
                + "<td data-v=\"\(c.problems)\">\(c.problems)</td><td data-v=\"\(c.untranslated + c.partial)\">\(c.untranslated + c.partial)</td>"
                + "<td data-v=\"\(c.missing)\">\(c.missing)</td><td data-v=\"\(c.stale)\">\(c.stale)</td>"
                + "<td data-v=\"\(c.errors + c.warnings)\">\(c.errors + c.warnings)</td></tr>\n"
        }
        let total = CoverageReport(files: entries.map(\.coverage))
        let problems = entries.reduce(0) { $0 + $1.counts.problems }
        let head = [("page", "page"), ("coverage", "translated"), ("problems", "rows with problems"),
                    ("untranslated", "untranslated or partial"), ("missing", "missing"), ("stale", "stale"), ("findings", "findings")]
            .enumerated().map { k, h in "<th data-sort=\"\(k)\" aria-sort=\"none\" tabindex=\"0\">\(HTML.escape(t("index." + h.0, h.1)))</th>" }
            .joined()
        let body = """
            <h1>\(HTML.escape(title))</h1>
            <p class="total">\(String(format: "%.1f", total.percent))% \(HTML.escape(t("translated", "translated"))) · \(entries.count) \(HTML.escape(t("index.pages", "pages"))) · \(problems) \(HTML.escape(t("index.problem-rows", "rows with problems"))) · <span class="hint">\(HTML.escape(t("index.sort", "click a column to sort")))</span></p>
            <table class="pages"><thead><tr>\(head)</tr></thead><tbody>
            \(rows)</tbody></table>
            """
        return HTML.page(title: title, css: CoverageReport.css + ReviewScript.indexCSS, body: body,
                         scripts: [ReviewScript.index])
    }

    static func label(_ m: Messages?, _ key: String, _ fallback: String, _ values: [String: String] = [:]) -> String {
        if let m {
            let t = m.text("review." + key, values)
            if !t.hasPrefix("review.") { return t }
        }
        var s = fallback
        for (k, v) in values.sorted(by: { $0.key < $1.key }) { s = s.replacingOccurrences(of: "{\(k)}", with: v) }
        return s
    }

    /// True when some blocks are shown from their units rather than their Markdown: text inside
    /// HTML blocks (which the safe renderer drops) and front-matter values.
    static func usesUnits(_ d: Document, _ units: [Int]) -> Bool {
        units.contains { k in
            if case .frontMatter = d.units[k].kind { return true }
            return d.units[k].inHTML
        }
    }

    /// A unit's text rendered inline (block structure left out), with sentinels at `marks`
    /// (unit text index → sentinels to put before that character).
    static func inlineHTML(_ u: BitextMarkdown.Unit, marks: [Int: [Unicode.Scalar]] = [:]) -> String {
        var scalars = String.UnicodeScalarView()
        for i in u.text.indices {
            if let m = marks[i] { scalars.append(contentsOf: m) }
            if u.roles[i] != .structure, let c = Unicode.Scalar(u.text[i]) { scalars.append(c) }
        }
        if let m = marks[u.text.count] { scalars.append(contentsOf: m) }
        var html = renderMarkdownHTML(String(scalars) + "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if html.hasPrefix("<p>") && html.hasSuffix("</p>") { html = String(html.dropFirst(3).dropLast(4)) }
        return html
    }
}

/// Builds one review page.
struct PageBuilder {
    let p: BilingualPair
    let o: ReviewOptions
    var marks = ReviewMarks()
    /// Source blocks of moved pairs → the row of their translation; target blocks → the row of
    /// their source (`build`).
    var movedSource: [Int: Int] = [:], movedTarget: [Int: Int] = [:]
    var assets: [(from: String, to: String)] = []
    var assetNames: [String: String] = [:]
    var usesFileImages = false
    /// Image URLs of the page that point at files found on disk.
    var shownImages = Set<String>()
    /// Containers whose title is shown already (side and opening line).
    var titled = Set<String>()
    let sourceLines: [String]
    let targetLines: [String]
    let sourceContainers: [SiteSyntax.Container]
    let targetContainers: [SiteSyntax.Container]
    /// The two files' URLs relative to the page (``fileHref(_:pageDirectory:)``).
    let fileHrefs: [String: String]

    init(_ p: BilingualPair, options: ReviewOptions) {
        self.p = p
        self.o = options
        var hrefs: [String: String] = [:]
        for path in [p.source.path, p.target.path] where hrefs[path] == nil {
            hrefs[path] = PageBuilder.fileHref(path, pageDirectory: options.pageDirectory)
        }
        fileHrefs = hrefs
        sourceLines = MarkdownExporter.lines(p.source)
        targetLines = MarkdownExporter.lines(p.target)
        sourceContainers = SiteSyntax.containers(p.source, lines: sourceLines)
        targetContainers = SiteSyntax.containers(p.target, lines: targetLines)
    }

    func t(_ key: String, _ fallback: String, _ values: [String: String] = [:]) -> String {
        HTMLExporter.label(o.messages, key, fallback, values)
    }

    enum Side { case source, target }

    /// An element over a range of a unit's text.
    struct Mark { var unit: Int; var range: Range<Int>; var id: Int }

    struct Row {
        var status: String
        var problem: Bool
        var todo: Bool
        var stale: Bool
        var html: String
        var headings: [(level: Int, text: String)]
        var errors: Int
        var warnings: Int
    }

    mutating func build() -> ReviewPage {
        let title = o.title ?? t("title", "{file} — bilingual", ["file": (p.target.path as NSString).lastPathComponent])
        let segs = MarkdownExporter.segments(p)
        var findingsByLine: [Int: [Finding]] = [:]
        for f in p.findings + o.driftFindings where f.severity >= .warning || RuleRegistry.driftRuleIds.contains(f.rule) {
            findingsByLine[f.span.start.line, default: []].append(f)
        }
        // Blocks the translation moved elsewhere (the aligner's moved pairs), each with the row
        // that shows its counterpart: such a row is neither missing nor without a source.
        var rowOfSource: [Int: Int] = [:], rowOfTarget: [Int: Int] = [:]
        for (k, seg) in segs.enumerated() {
            for bi in seg.beads {
                for b in p.alignment.beads[bi].source { rowOfSource[b] = k }
                for b in p.alignment.beads[bi].target { rowOfTarget[b] = k }
            }
        }
        for m in p.alignment.moved {
            guard let s = m.source.first.flatMap({ rowOfSource[$0] }), let t = m.target.first.flatMap({ rowOfTarget[$0] }) else { continue }
            for b in m.source { movedSource[b] = t }
            for b in m.target { movedTarget[b] = s }
        }
        var rows: [Row] = []
        rows.reserveCapacity(segs.count)
        for (k, seg) in segs.enumerated() {
            rows.append(row(k, seg, findingsByLine: findingsByLine))
            o.progress?(k + 1, segs.count)
        }
        var counts = ReviewCounts()
        counts.rows = rows.count
        for r in rows {
            if r.problem { counts.problems += 1 }
            switch r.status {
            case "untranslated": counts.untranslated += 1
            case "partial": counts.partial += 1
            case "missing": counts.missing += 1
            case "extra": counts.extra += 1
            default: break
            }
            if r.stale { counts.stale += 1 }
            counts.errors += r.errors
            counts.warnings += r.warnings
        }
        // The outline: headings, with the problems of each section (up to the next heading).
        var outline = ""
        let headed = rows.indices.filter { !rows[$0].headings.isEmpty }
        for (n, k) in headed.enumerated() {
            let end = n + 1 < headed.count ? headed[n + 1] : rows.count
            let problems = rows[k..<end].filter(\.problem).count
            for h in rows[k].headings {
                let marker = problems > 0
                    ? " <span class=\"mk\" title=\"\(HTML.escape(t("outline.problems", "{count} rows with problems", ["count": String(problems)])))\">\(problems)</span>"
                    : ""
                outline += "<li class=\"h\(h.level)\(problems > 0 ? " has-problems" : "")\"><a href=\"#r\(k)\">\(HTML.escape(h.text))</a>\(marker)</li>\n"
            }
        }
        let c = p.coverage
        func count(_ n: Int, _ cls: String, _ key: String, _ fallback: String) -> String {
            n == 0 ? "" : "<span class=\"count \(cls)\">\(HTML.escape(t(key, fallback))) <b>\(n)</b></span> "
        }
        let filters = [("all", t("filter.all", "All"), counts.rows), ("problems", t("filter.problems", "Problems"), counts.problems),
                       ("untranslated", t("filter.untranslated", "Untranslated"), counts.untranslated + counts.partial + counts.missing),
                       ("stale", t("filter.stale", "Stale"), counts.stale)]
            .map { "<button type=\"button\" data-filter=\"\($0.0)\" aria-pressed=\"\($0.0 == "all")\">\(HTML.escape($0.1)) <b>\($0.2)</b></button>" }
            .joined()
        let back = o.indexHref.map { "<a class=\"back\" href=\"\(HTML.escape($0))\">\(HTML.escape(t("overview", "All pages")))</a> · " } ?? ""
        let header = """
            <header>
            <h1>\(HTML.escape(title))</h1>
            <p class="meta">\(back)\(HTML.escape(p.source.path)) ⇔ \(HTML.escape(p.target.path)) · \(String(format: "%.1f", c.percent))% \(HTML.escape(t("translated", "translated")))</p>
            <p class="counts">\(count(counts.untranslated, "untranslated", "count.untranslated", "untranslated"))\(count(counts.partial, "partial", "count.partial", "partial"))\(count(counts.missing, "missing", "count.missing", "missing"))\(count(counts.extra, "extra", "count.extra", "no source"))\(count(counts.stale, "stale", "count.stale", "stale"))\(count(counts.errors, "error", "count.errors", "errors"))\(count(counts.warnings, "warning", "count.warnings", "warnings"))</p>
            <div class="toolbar" role="toolbar">
            <span class="filters" role="group" aria-label="\(HTML.escape(t("filter", "Show")))">\(filters)</span>
            <span class="shown">\(HTML.escape(t("shown", "rows shown"))): <output id="shown-count">\(counts.rows)</output></span>
            <button type="button" id="prev-problem" title="k">↑ \(HTML.escape(t("previous", "Previous problem"))) <kbd>k</kbd></button>
            <button type="button" id="next-problem" title="j">↓ \(HTML.escape(t("next", "Next problem"))) <kbd>j</kbd></button>
            </div>
            </header>
            """
        var main = ""
        main.reserveCapacity(rows.reduce(0) { $0 + $1.html.count } + 64)
        for r in rows { main += r.html }
        let body = """
            \(header)
            <div class="layout">
            <nav><ul>
            \(outline)</ul></nav>
            <main>
            \(main)</main>
            </div>
            """
        // Local images only: 'self' (for a page opened from disk, Chromium's 'self' is local files).
        let images = !assets.isEmpty || usesFileImages ? " 'self'" : ""
        let html = HTML.page(title: title, css: ReviewScript.css, body: body, lang: p.targetLanguage,
                             scripts: [ReviewScript.review], images: images)
        return ReviewPage(html: html, assets: assets, counts: counts)
    }

    mutating func row(_ k: Int, _ seg: MarkdownExporter.Segment, findingsByLine: [Int: [Finding]]) -> Row {
        let beads = seg.beads.map { p.alignment.beads[$0] }
        let sourceBlocks = beads.flatMap(\.source), targetBlocks = beads.flatMap(\.target)
        let su = sourceBlocks.compactMap { p.source.unitIndex(block: $0) }
        let tu = targetBlocks.compactMap { p.target.unitIndex(block: $0) }
        // Status from the units that have text to translate (names and code count for neither).
        var status = "translated"
        // The row of the counterpart of a passage the translation moved.
        var movedRow: Int? = nil
        if seg.target == nil {
            status = "missing"
            if !sourceBlocks.isEmpty, sourceBlocks.allSatisfy({ movedSource[$0] != nil }) { status = "moved"; movedRow = movedSource[sourceBlocks[0]] }
        } else if seg.source == nil {
            status = tu.contains { p.targetAnalyses[$0].isNote } ? "note" : "extra"
            if status == "extra", !targetBlocks.isEmpty, targetBlocks.allSatisfy({ movedTarget[$0] != nil }) { status = "moved"; movedRow = movedTarget[targetBlocks[0]] }
        } else {
            var translated = false, untranslated = false, partial = false
            for u in tu {
                let (a, b) = Coverage.split(p.target.units[u], p.targetAnalyses[u], charactersPerHan: p.charactersPerHan)
                guard a + b > 0 else { continue }
                switch Coverage.status(a / (a + b)) {
                case .translated: translated = true
                case .untranslated: untranslated = true
                case .partial: partial = true
                }
            }
            if partial || (translated && untranslated) { status = "partial" }
            else if untranslated { status = "untranslated" }
        }
        let stale = tu.contains { o.stale.contains($0) }
        let findings = seg.target.map { r in r.flatMap { findingsByLine[$0] ?? [] } } ?? []

        // Sentences: one group per sentence bead, on both sides.
        var sourceMarks: [Mark] = [], targetMarks: [Mark] = []
        for (bi, bead) in zip(seg.beads, beads) {
            let ss = SentenceAligner.spans(of: bead.source, in: p.source, analyses: p.sourceAnalyses)
            let ts = SentenceAligner.spans(of: bead.target, in: p.target, analyses: p.targetAnalyses)
            for (m, sb) in bead.sentences.enumerated() where !sb.source.isEmpty && !sb.target.isEmpty {
                let open = "<span class=\"s\" data-g=\"\(bi).\(m)\" tabindex=\"0\">"
                for i in sb.source where i < ss.count {
                    sourceMarks.append(Mark(unit: ss[i].unit, range: ss[i].range, id: marks.add(open: open, close: "</span>")))
                }
                for i in sb.target where i < ts.count {
                    targetMarks.append(Mark(unit: ts[i].unit, range: ts[i].range, id: marks.add(open: open, close: "</span>")))
                }
            }
        }
        // Findings on part of a unit, in place: the English left in a partial paragraph, a
        // forbidden variant, anything else with a span.
        for f in findings {
            guard let u = tu.first(where: { contains(p.target.units[$0], f.span) }) else { continue }
            let unit = p.target.units[u]
            guard !(f.span.start == unit.start && f.span.end == unit.end) else { continue }
            guard let r = range(unit, f.span) else { continue }
            let cls = f.rule == "mixed-language" ? "hl-ml" : f.rule.hasPrefix("glossary-") ? "hl-gf" : "hl-f"
            targetMarks.append(Mark(unit: u, range: r, id: marks.add(open: "<mark class=\"\(cls)\" title=\"\(HTML.escape(f.message))\">", close: "</mark>")))
        }
        // Glossary terms: where the source uses one and where the translation renders it.
        if let g = o.glossary {
            for u in su {
                let unit = p.source.units[u]
                for h in g.sourceHits(text: unit.text, words: p.sourceAnalyses[u].words, isHeading: unit.kind.headingLevel != nil) {
                    let e = g.glossary.entries[h.entry]
                    let tip = e.target.isEmpty ? e.source : "\(e.source) → \(e.accepted.joined(separator: " / "))"
                    sourceMarks.append(Mark(unit: u, range: h.range, id: marks.add(open: "<mark class=\"hl-gh\" title=\"\(HTML.escape(tip))\">", close: "</mark>")))
                }
            }
            for u in tu {
                let unit = p.target.units[u]
                // Forbidden variants are marked where glossary-forbidden reports them (a quoted
                // mention is not a use).
                for h in g.targetHits(text: unit.text, roles: unit.roles) where h.form != .forbidden {
                    let e = g.glossary.entries[h.entry]
                    targetMarks.append(Mark(unit: u, range: h.range, id: marks.add(open: "<mark class=\"hl-gh\" title=\"\(HTML.escape("\(e.source) → \(h.term)"))\">", close: "</mark>")))
                }
            }
        }

        var left = side(.source, blocks: sourceBlocks, range: seg.source, marks: sourceMarks)
        var right = side(.target, blocks: targetBlocks, range: seg.target, marks: targetMarks)
        if let m = movedRow {
            let note = seg.target == nil ? t("moved.to", "translated in another place") : t("moved.from", "its source is in another place")
            let link = "<p class=\"moved-to\"><a href=\"#r\(m)\">\(HTML.escape(note)) ↗</a></p>"
            if seg.target == nil { right = link } else { left = link }
        }
        let list = findingList(findings, units: tu)
        var headings: [(Int, String)] = []
        let (hd, hb) = targetBlocks.isEmpty ? (p.source, sourceBlocks) : (p.target, targetBlocks)
        for b in hb {
            if let u = hd.unitIndex(block: b), let level = hd.units[u].kind.headingLevel {
                headings.append((level, headingText(hd.units[u])))
            }
        }
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        let problem = ["untranslated", "partial", "missing", "extra"].contains(status) || stale || !findings.isEmpty
        let todo = ["untranslated", "partial", "missing"].contains(status)
        let classes = ["row", status] + (problem ? ["problem"] : []) + (todo ? ["todo"] : []) + (stale ? ["stale"] : [])
        let html = """
            <div class="\(classes.joined(separator: " "))" id="r\(k)" data-i="\(k)" tabindex="-1">
            <div class="src" lang="\(HTML.escape(p.sourceLanguage))">\(lineLink(.source, seg.source))\(left)</div>
            <div class="tgt" lang="\(HTML.escape(p.targetLanguage))">\(lineLink(.target, seg.target))\(right)\(list)</div>
            </div>

            """
        return Row(status: status, problem: problem, todo: todo, stale: stale, html: html, headings: headings,
                   errors: errors, warnings: warnings)
    }

    func contains(_ u: BitextMarkdown.Unit, _ s: Span) -> Bool { u.start <= s.start && s.end <= u.end }

    /// The range of a unit's text that a span covers.
    func range(_ u: BitextMarkdown.Unit, _ s: Span) -> Range<Int>? {
        var lo: Int? = nil, hi: Int? = nil
        for i in u.text.indices {
            let p = u.position(at: i)
            if lo == nil && p >= s.start { lo = i }
            if p <= s.end { hi = i + 1 } else { break }
        }
        guard let lo, let hi, lo < hi else { return nil }
        return lo..<hi
    }

    func headingText(_ u: BitextMarkdown.Unit) -> String {
        let text = u.plainText
        if let (clean, _) = SiteSyntax.headingID("# " + text) { return String(clean.dropFirst(2)) }
        return text
    }

    /// One side of a row: its Markdown rendered with the marks laid over it and the site syntax
    /// shown as the site shows it.
    mutating func side(_ side: Side, blocks: [Int], range: ClosedRange<Int>?, marks list: [Mark]) -> String {
        guard let range else { return "" }
        let d = side == .source ? p.source : p.target
        let units = blocks.compactMap { d.unitIndex(block: $0) }
        var html: String
        if HTMLExporter.usesUnits(d, units) {
            var byUnit: [Int: [Int: [Unicode.Scalar]]] = [:]
            for m in list {
                let r = trimmed(d.units[m.unit], m.range)
                guard !r.isEmpty else { continue }
                byUnit[m.unit, default: [:]][r.lowerBound, default: []] += ReviewMarks.sentinel(ReviewMarks.openKind, m.id)
                byUnit[m.unit, default: [:]][r.upperBound, default: []].insert(contentsOf: ReviewMarks.sentinel(ReviewMarks.closeKind, m.id), at: 0)
            }
            html = units.map { k -> String in
                let u = d.units[k]
                let inline = HTMLExporter.inlineHTML(u, marks: byUnit[k] ?? [:])
                if let level = u.kind.headingLevel { return "<h\(level)>\(inline)</h\(level)>" }
                return "<p>\(inline)</p>"
            }.joined(separator: "\n")
        } else {
            var lm = LineMarks()
            for m in list {
                let u = d.units[m.unit]
                let r = trimmed(u, m.range)
                guard !r.isEmpty else { continue }
                let s = u.position(at: r.lowerBound), e = u.position(at: r.upperBound - 1)
                lm.insert(line: s.line, column: s.column, ReviewMarks.sentinel(ReviewMarks.openKind, m.id))
                lm.insert(line: e.line, column: e.column + 1, ReviewMarks.sentinel(ReviewMarks.closeKind, m.id), closing: true)
            }
            let all = side == .source ? sourceLines : targetLines
            var lines: [String] = []
            var depth = 0
            let containers = side == .source ? sourceContainers : targetContainers
            for l in range {
                var text = SiteSyntax.dedented(lm.apply(line: l, all[l - 1]), l, containers)
                if let c = containers.first(where: { $0.open == l }), !c.isVariant {
                    titled.insert("\(side == .source ? "s" : "t")\(c.open)")
                    let title = c.title.isEmpty ? c.kind.prefix(1).uppercased() + c.kind.dropFirst() : c.title
                    text = "\n" + String(String.UnicodeScalarView(ReviewMarks.sentinel(ReviewMarks.rawKind, marks.raw(
                        "<aside class=\"container \(HTML.escape(c.kind))\"><p class=\"container-title\">\(HTML.escape(title))</p>")))) + "\n"
                    depth += 1
                } else if containers.contains(where: { $0.close == l && !$0.isVariant && $0.indent == 0 }) {
                    text = depth > 0 ? "\n" + String(String.UnicodeScalarView(ReviewMarks.sentinel(ReviewMarks.rawKind, marks.raw("</aside>")))) + "\n" : ""
                    depth = max(0, depth - 1)
                } else if let (clean, id) = SiteSyntax.headingID(text) {
                    let anchor = (side == .source ? "src-" : "") + id
                    text = clean + String(String.UnicodeScalarView(ReviewMarks.sentinel(ReviewMarks.rawKind, marks.raw(
                        " <a class=\"anchor\" id=\"\(HTML.escape(anchor))\" href=\"#\(HTML.escape(anchor))\" title=\"{#\(HTML.escape(id))}\">#</a>"))))
                }
                lines.append(text)
                // An MkDocs body has no closing line: its aside closes after its last line.
                for c in containers where c.indent > 0 && c.close == l + 1 && c.open >= range.lowerBound && depth > 0 {
                    lines.append("\n" + String(String.UnicodeScalarView(ReviewMarks.sentinel(ReviewMarks.rawKind, marks.raw("</aside>")))) + "\n")
                    depth -= 1
                }
            }
            html = renderMarkdownHTML(lines.joined(separator: "\n") + "\n")
            html = SiteSyntax.asides(html)
            html += String(repeating: "</aside>", count: depth)
        }
        html = marks.resolve(html)
        html = rewriteURLs(html, d, side)
        html = imagesAsLinks(html)
        // Containers that hold this stretch (opened before it): a box, labelled.
        let containers = side == .source ? sourceContainers : targetContainers
        // A variant is labelled on every stretch (which API it is for); a container's title shows
        // on its first stretch only.
        for c in containers.reversed() where c.open < range.lowerBound && c.close > range.lowerBound {
            let key = "\(side == .source ? "s" : "t")\(c.open)"
            let first = !titled.contains(key)
            titled.insert(key)
            let label = c.isVariant ? c.kind : (c.title.isEmpty ? c.kind.prefix(1).uppercased() + c.kind.dropFirst() : c.title)
            let title = c.isVariant || first ? "<p class=\"\(c.isVariant ? "variant-label" : "container-title")\">\(HTML.escape(label))</p>" : ""
            html = "<div class=\"\(c.isVariant ? "variant" : "container") \(HTML.escape(c.kind))\">\(title)\(html)</div>"
        }
        return html
    }

    /// Images the page cannot show — from the web (never fetched: the policy blocks them) or not
    /// found on disk (a site-absolute path without `--site-base`) — become a link showing their
    /// alt text rather than a broken image.
    func imagesAsLinks(_ html: String) -> String {
        // By bytes: the pattern below needs them anyway.
        guard FoundationText.bytesContain(html, "<img ") else { return html }
        guard let re = PageBuilder.imagePattern else { return html }
        var out = ""
        var last = html.startIndex
        for m in re.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            guard let r = Range(m.range, in: html), let src = Range(m.range(at: 1), in: html), let alt = Range(m.range(at: 2), in: html) else { continue }
            let url = String(html[src])
            if url.hasPrefix("data:") || shownImages.contains(url) { continue }
            out += html[last..<r.lowerBound]
            out += "<a class=\"remote-image\" href=\"\(url)\">🖼 \(html[alt])</a>"
            last = r.upperBound
        }
        out += html[last...]
        return out
    }

    /// An image as cmark-gfm renders it, compiled once (NSRegularExpression is Sendable).
    static let imagePattern = try? NSRegularExpression(pattern: #"<img src="([^"]*)" alt="([^"]*)"(?: title="[^"]*")? />"#)

    /// A range without the spaces at its ends.
    func trimmed(_ u: BitextMarkdown.Unit, _ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound, hi = min(r.upperBound, u.text.count)
        func space(_ c: UInt32) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x3000 }
        while lo < hi && space(u.text[lo]) { lo += 1 }
        while hi > lo && space(u.text[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    /// The line number of a stretch, linking to the file.
    func lineLink(_ side: Side, _ r: ClosedRange<Int>?) -> String {
        guard let r else { return "" }
        let path = side == .source ? p.source.path : p.target.path
        let template = side == .source ? (o.sourceLineURL ?? o.lineURL) : o.lineURL
        let text = r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound)–\(r.upperBound)"
        return "<a class=\"ln\" href=\"\(HTML.escape(lineURL(template, path: path, line: r.lowerBound)))\">\(text)</a>"
    }

    func lineURL(_ template: String?, path: String, line: Int) -> String {
        guard let template else {
            // The file itself, relative to the page (so pages and documents can move together):
            // the same for every line, made once per page for the pair's two files.
            return fileHrefs[path] ?? PageBuilder.fileHref(path, pageDirectory: o.pageDirectory)
        }
        var rel = path
        while rel.hasPrefix("./") { rel.removeFirst(2) }
        return template.replacingOccurrences(of: "{path}", with: rel.addingPercentEncoding(withAllowedCharacters: PageBuilder.pathAllowed) ?? rel)
            .replacingOccurrences(of: "{line}", with: String(line))
    }

    /// URL path characters, without `?` and `#`.
    static let pathAllowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#"))

    /// A file's URL relative to the page, percent-encoded.
    static func fileHref(_ path: String, pageDirectory: String?) -> String {
        let rel = relativeToPage(URL(fileURLWithPath: path).standardizedFileURL.path, pageDirectory: pageDirectory)
        return rel.addingPercentEncoding(withAllowedCharacters: pathAllowed) ?? rel
    }

    /// The row's findings, one line per problem, grouped by unit (named when the row holds
    /// several), findings of one rule in one unit together.
    func findingList(_ findings: [Finding], units: [Int]) -> String {
        guard !findings.isEmpty else { return "" }
        var groups: [(unit: Int?, findings: [Finding])] = []
        for f in findings.sorted(by: Finding.ordered) {
            let u = units.first { contains(p.target.units[$0], f.span) }
            if let g = groups.firstIndex(where: { $0.unit == u }) { groups[g].findings.append(f) } else { groups.append((u, [f])) }
        }
        let named = units.count > 1
        var out = "<ul class=\"findings\">"
        for g in groups {
            var byRule: [(String, [Finding])] = []
            for f in g.findings {
                if let k = byRule.firstIndex(where: { $0.0 == f.rule }) { byRule[k].1.append(f) } else { byRule.append((f.rule, [f])) }
            }
            // The worst first; then as they come in the unit.
            byRule = byRule.enumerated().sorted { a, b in
                let x = a.element.1.map(\.severity).max()!, y = b.element.1.map(\.severity).max()!
                return x != y ? x > y : a.offset < b.offset
            }.map(\.element)
            var items = ""
            for (rule, fs) in byRule {
                let worst = fs.map(\.severity).max() ?? .warning
                var messages: [String] = []
                for f in fs where !messages.contains(f.message) { messages.append(f.message) }
                let more = messages.count > 1
                    ? "<details class=\"more\"><summary>" + HTML.escape(t("more", "and {count} more", ["count": String(messages.count - 1)]))
                        + "</summary>" + messages.dropFirst().map(HTML.escape).joined(separator: "<br>") + "</details>"
                    : ""
                items += "<li class=\"\(worst.rawValue)\"><span class=\"rule\">\(HTML.escape(rule))</span>\(fs.count > 1 ? " <b>×\(fs.count)</b>" : "") \(HTML.escape(messages[0]))\(more)</li>"
            }
            if named, let u = g.unit {
                let unit = p.target.units[u]
                out += "<li class=\"item\"><a class=\"item-name\" href=\"\(HTML.escape(lineURL(o.lineURL, path: p.target.path, line: unit.start.line)))\">"
                    + HTML.escape(itemName(unit)) + "</a><ul>" + items + "</ul></li>"
            } else {
                out += items
            }
        }
        return out + "</ul>"
    }

    /// What a reviewer calls a unit: its kind, line and first words.
    func itemName(_ u: BitextMarkdown.Unit) -> String {
        let kind: String
        switch u.kind {
        case .listItem: kind = t("unit.list-item", "list item")
        case .tableCell(let row, let column): kind = t("unit.table-cell", "table cell {row}:{column}", ["row": String(row + 1), "column": String(column + 1)])
        case .heading: kind = t("unit.heading", "heading")
        default: kind = t("unit.paragraph", "paragraph")
        }
        let words = u.plainText.split(separator: " ")
        var first = words.prefix(6).joined(separator: " ")
        if first.count > 40 { first = String(first.prefix(40)) }
        if words.count > 6 || first.count < u.plainText.count { first += "…" }
        return t("item", "{kind}, line {line}: “{text}”", ["kind": kind, "line": String(u.start.line), "text": first])
    }

    /// Images and links as the reader's site has them: relative images from the document's
    /// folder (or copied beside the page), site-absolute links under `--site-base`, in-page
    /// links of the source to the source's anchors.
    mutating func rewriteURLs(_ html: String, _ d: Document, _ side: Side) -> String {
        // By bytes, as the loop searches (cmark-gfm percent-encodes what is not ASCII in URLs).
        guard PageBuilder.firstAttribute(in: Substring(html)) != nil else { return html }
        var out = ""
        var rest = Substring(html)
        let docDir = URL(fileURLWithPath: d.path.components(separatedBy: "@").first ?? d.path).deletingLastPathComponent()
        while let r = PageBuilder.firstAttribute(in: rest) {
            out += rest[..<r.upperBound]
            rest = rest[r.upperBound...]
            guard let q = rest.firstIndex(of: "\"") else { break }
            let value = String(rest[..<q])
            rest = rest[q...]
            let isImage = out.hasSuffix("src=\"")
            out += rewrite(value, isImage: isImage, docDir: docDir, side: side)
        }
        out += rest
        return out
    }

    /// The first `src="` or `href="` of `text` (what the pattern `(src|href)="` finds), by bytes.
    static func firstAttribute(in text: Substring) -> Range<Substring.Index>? {
        let u = text.utf8
        // Over the contiguous bytes when there are (a page's HTML is long; stepping a substring's
        // UTF-8 view costs many instructions a byte).
        if let found = u.withContiguousStorageIfAvailable({ p -> (Int, Int)? in
            var i = 0
            while i < p.count {
                let c = p[i]
                if c == 0x73 || c == 0x68 {
                    let word = c == 0x73 ? srcBytes : hrefBytes
                    if i + word.count <= p.count && word.withUnsafeBufferPointer({ memcmp(p.baseAddress! + i, $0.baseAddress!, $0.count) }) == 0 {
                        return (i, word.count)
                    }
                }
                i += 1
            }
            return nil
        }) {
            guard let (at, count) = found else { return nil }
            let start = u.index(u.startIndex, offsetBy: at)
            return start..<u.index(start, offsetBy: count)
        }
        var i = u.startIndex
        while let at = u[i...].firstIndex(where: { $0 == 0x73 || $0 == 0x68 }) {  // s, h
            let word = u[at] == 0x73 ? srcBytes : hrefBytes
            if let end = u.index(at, offsetBy: word.count, limitedBy: u.endIndex), u[at..<end].elementsEqual(word) {
                return at..<end
            }
            i = u.index(after: at)
        }
        return nil
    }

    private static let srcBytes = Array("src=\"".utf8), hrefBytes = Array("href=\"".utf8)

    /// Whether `value` starts with a URL scheme and its colon (`^[A-Za-z][A-Za-z0-9+.-]*:`).
    static func hasScheme(_ value: String) -> Bool {
        let u = value.utf8
        guard let first = u.first, (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A else { return false }
        for c in u.dropFirst() {
            if c == 0x3A { return true }
            let letter = (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A
            guard letter || (c >= 0x30 && c <= 0x39) || c == 0x2B || c == 0x2E || c == 0x2D else { return false }
        }
        return false
    }

    mutating func rewrite(_ escaped: String, isImage: Bool, docDir: URL, side: Side) -> String {
        let value = escaped.replacingOccurrences(of: "&amp;", with: "&")
        if value.hasPrefix("#") { return side == .source ? "#src-" + escaped.dropFirst() : escaped }
        if PageBuilder.hasScheme(value) || value.hasPrefix("//") || value.isEmpty { return escaped }
        if value.hasPrefix("/") {
            guard let base = o.siteBase else { return escaped }
            if PageBuilder.hasScheme(base) {
                return HTML.escape((base.hasSuffix("/") ? String(base.dropLast()) : base) + value)
            }
            let file = URL(fileURLWithPath: base).appendingPathComponent(String(value.dropFirst()))
            return isImage ? image(file) ?? escaped : HTML.escape(relativeToPage(file.standardizedFileURL.path))
        }
        guard isImage else { return escaped }
        let path = value.split(separator: "?", maxSplits: 1).first.map(String.init) ?? value
        let decoded = path.removingPercentEncoding ?? path
        if let url = image(docDir.appendingPathComponent(decoded)) { return url }
        // A translation often shares the source's images: the same path beside the source.
        guard side == .target else { return escaped }
        let sourceDir = URL(fileURLWithPath: p.source.path.components(separatedBy: "@").first ?? p.source.path).deletingLastPathComponent()
        return image(sourceDir.appendingPathComponent(decoded)) ?? escaped
    }

    /// An image file's URL in the page: copied beside it, or the file itself.
    mutating func image(_ file: URL) -> String? {
        let abs = file.standardizedFileURL.path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: abs, isDirectory: &isDir), !isDir.boolValue else { return nil }
        let url: String
        if o.copyAssets {
            let name: String
            if let n = assetNames[abs] { name = n } else {
                let hash = SHA256.digest(Array(abs.utf8)).prefix(6).map { String(format: "%02x", $0) }.joined()
                name = hash + "-" + file.lastPathComponent
                assetNames[abs] = name
                assets.append((abs, name))
            }
            url = HTML.escape(o.assetPrefix + (name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? name))
        } else {
            usesFileImages = true
            let rel = relativeToPage(abs)
            url = HTML.escape(rel.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? rel)
        }
        shownImages.insert(url)
        return url
    }

    /// An absolute path relative to the page's folder.
    func relativeToPage(_ abs: String) -> String { PageBuilder.relativeToPage(abs, pageDirectory: o.pageDirectory) }

    static func relativeToPage(_ abs: String, pageDirectory: String?) -> String {
        let base = URL(fileURLWithPath: pageDirectory ?? FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let a = abs.split(separator: "/"), b = base.split(separator: "/")
        var k = 0
        while k < a.count && k < b.count && a[k] == b[k] { k += 1 }
        return (Array(repeating: "..", count: b.count - k) + a[k...].map(String.init)).joined(separator: "/")
    }
}
