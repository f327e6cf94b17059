import BitextAlign
import BitextCheck
import BitextExchange
import BitextMarkdown
import BitextText
import Foundation

/// The formats `bitext export` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
    case html, markdown, tmx, xliff, xliff1, tsv
}


/// TMX 1.4b, translated content only: a translation memory must not learn English as Chinese.
/// One `<tu>` per aligned sentence pair when the sentences of a unit align with confidence
/// (score ≥ 0.5), else one per fully translated unit; untranslated units are left out; partial
/// units give their translated sentences. Inline Markdown travels as `<bpt>`/`<ept>`/`<ph>`;
/// `x-file` names the translation relative to the current directory, never as a local path.
public enum TMXExporter {
    public static func export(_ pairs: [BilingualPair], sourceLang: String, targetLang: String) -> String {
        var out = head(sourceLang: sourceLang)
        var id = 0
        for p in pairs { out += number(units(p, sourceLang: sourceLang, targetLang: targetLang), from: &id) }
        return out + tail
    }

    /// What comes before the units.
    public static func head(sourceLang: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4">
          <header creationtool="bitext" creationtoolversion="0.1.0" segtype="sentence" o-tmf="bitext" adminlang="en" srclang="\(Markup.escape(sourceLang))" datatype="plaintext"/>
          <body>

        """
    }

    /// What comes after the units.
    public static let tail = "  </body>\n</tmx>\n"

    /// The `<tu>` elements of one pair, each without its opening tag's id (`tuid` counts across
    /// the export): the attributes after the id, and the element's lines after the opening tag.
    public static func units(_ p: BilingualPair, sourceLang: String, targetLang: String) -> [(attributes: String, body: String)] {
        let exchange = p.exchange, file = exchange.targetName
        return exchange.memoryPairs.map { m in
            var body = "      <prop type=\"x-file\">\(Markup.escape(file)):\(m.line)</prop>\n"
            body += "      <tuv xml:lang=\"\(Markup.escape(sourceLang))\"><seg>\(TMXWriter.content(m.source))</seg></tuv>\n"
            body += "      <tuv xml:lang=\"\(Markup.escape(targetLang))\"><seg>\(TMXWriter.content(m.target))</seg></tuv>\n"
            body += "    </tu>\n"
            return (m.segtype == "sentence" ? "" : " segtype=\"\(m.segtype)\"", body)
        }
    }

    /// The units of ``units(_:sourceLang:targetLang:)`` with their ids, the first after `id`.
    public static func number(_ units: [(attributes: String, body: String)], from id: inout Int) -> String {
        var out = ""
        for u in units {
            id += 1
            out += "    <tu tuid=\"\(id)\"\(u.attributes)>\n" + u.body
        }
        return out
    }
}

/// XLIFF 2.0 (`xliff`) and 1.2 (`xliff1`): one unit (1.2: a group) per source unit, one segment
/// (1.2: trans-unit) per source sentence, so that ids name the file, the unit and the sentence and
/// stay valid while the translation changes. See ``XLIFF2Writer`` and ``XLIFF1Writer``.
public enum XLIFFExporter {
    public static func export(_ pairs: [BilingualPair], sourceLang: String, targetLang: String, version: Int = 2) -> String {
        let docs = pairs.map(\.exchange)
        return version == 1 ? XLIFF1Writer.write(docs, sourceLang: sourceLang, targetLang: targetLang)
            : XLIFF2Writer.write(docs, sourceLang: sourceLang, targetLang: targetLang)
    }
}

extension BilingualPair {
    /// The pair cut into exchange units and segments.
    public var exchange: ExchangeDocument {
        ExchangeDocument(source: source, sourceAnalyses: sourceAnalyses, target: target, targetAnalyses: targetAnalyses,
                         alignment: alignment, roots: roots)
    }
}

/// One aligned pair a line: source, tab, target; backslash, tab, newline and carriage return
/// escaped as `\\`, `\t`, `\n`, `\r`.
public enum TSVExporter {
    public static func export(_ pairs: [BilingualPair]) -> String {
        pairs.map { rows(source: $0.source, target: $0.target, alignment: $0.alignment) }.joined()
    }

    /// The rows of one aligned document pair.
    public static func rows(source: Document, target: Document, alignment: Alignment) -> String {
        var out = ""
        for b in alignment.beads {
            out += escape(b.source.map { source.text(ofBlock: $0) }.joined(separator: "\n")) + "\t"
                + escape(b.target.map { target.text(ofBlock: $0) }.joined(separator: "\n")) + "\n"
        }
        return out
    }

    public static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    public static func unescape(_ s: Substring) -> String {
        var out = ""
        var it = s.unicodeScalars.makeIterator()
        while let c = it.next() {
            guard c == "\\", let n = it.next() else { out.unicodeScalars.append(c); continue }
            switch n {
            case "t": out += "\t"
            case "n": out += "\n"
            case "r": out += "\r"
            default: out.unicodeScalars.append(n)
            }
        }
        return out
    }

    /// The pairs of an exported TSV.
    public static func read(_ text: String) -> [(String, String)] {
        text.splitLines().compactMap { line in
            guard !line.isEmpty else { return nil }
            let cells = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            return (unescape(cells[0]), cells.count > 1 ? unescape(cells[1]) : "")
        }
    }
}

/// Interleaved bilingual Markdown that renders on GitHub: each stretch of the source, quoted,
/// followed by its translation as the translation has it. Tables, lists and MkDocs's notes and
/// tabs travel whole; identical code is shown once.
public enum MarkdownExporter {
    public static func export(_ p: BilingualPair) -> String {
        var out = "<!-- bilingual Markdown written by bitext: \(p.source.path) ⇔ \(p.target.path) -->\n\n"
        let sourceLines = lines(p.source), targetLines = lines(p.target)
        // Front matter values as a small table.
        let fm = p.alignment.beads.filter { b in b.source.contains { isFrontMatter(p.source, $0) } }
        if !fm.isEmpty {
            out += "| | \(p.sourceLanguage) | \(p.targetLanguage) |\n| --- | --- | --- |\n"
            for b in fm {
                let key: String = b.source.compactMap { blk -> String? in
                    guard let u = p.source.unitIndex(block: blk), case .frontMatter(let k) = p.source.units[u].kind else { return nil }
                    return k
                }.first ?? ""
                func cell(_ d: Document, _ blocks: [Int]) -> String {
                    blocks.map { d.text(ofBlock: $0) }.joined(separator: " ").replacingOccurrences(of: "|", with: "\\|")
                }
                out += "| \(key) | \(cell(p.source, b.source)) | \(cell(p.target, b.target)) |\n"
            }
            out += "\n"
        }
        // Source blocks the translation put in another place (the aligner's moved pairs): the
        // first line of what the translation has for them, named instead of "not translated".
        var movedTo: [Int: Int] = [:]
        for m in p.alignment.moved {
            guard let line = m.target.map({ p.target.lines(ofBlock: $0).lowerBound }).min() else { continue }
            for b in m.source { movedTo[b] = line }
        }
        for seg in segments(p, wholeContainers: true) {
            let s = seg.source.map { slice(sourceLines, $0) } ?? []
            let t = seg.target.map { slice(targetLines, $0) } ?? []
            if seg.code && s == t {
                out += t.joined(separator: "\n") + "\n\n"
                continue
            }
            if !s.isEmpty {
                out += s.map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n") + "\n\n"
            }
            if !t.isEmpty {
                out += t.joined(separator: "\n") + "\n\n"
            } else if !s.isEmpty {
                let blocks = seg.beads.flatMap { p.alignment.beads[$0].source }
                let lines = blocks.compactMap { movedTo[$0] }
                if lines.count == blocks.count, let line = lines.min() {
                    out += "*(elsewhere in the translation: line \(line))*\n\n"
                } else {
                    out += "*(not translated)*\n\n"
                }
            }
        }
        return out
    }

    static func isFrontMatter(_ d: Document, _ block: Int) -> Bool {
        guard let u = d.unitIndex(block: block), case .frontMatter = d.units[u].kind else { return false }
        return true
    }

    /// Lines `r` (1-based, inclusive) of `lines`.
    static func slice(_ lines: [String], _ r: ClosedRange<Int>) -> [String] {
        Array(lines[(r.lowerBound - 1)..<r.upperBound])
    }

    static func lines(_ d: Document) -> [String] {
        (1...max(1, d.source.lineCount)).map { String(decoding: d.source.bytes[d.source.lineByteRange($0)], as: UTF8.self) }
    }

    struct Segment {
        var source: ClosedRange<Int>?
        var target: ClosedRange<Int>?
        var code: Bool
        /// The beads shown in the segment (indexes into the alignment).
        var beads: [Int] = []
    }

    /// Line ranges of beads, merged where they share lines, tables and lists taken whole, and
    /// MkDocs's notes and tabs with `wholeContainers` (Markdown written out: a body is Markdown
    /// only under its marker; the review page shows a body's blocks as rows of their own).
    static func segments(_ p: BilingualPair, wholeContainers: Bool = false) -> [Segment] {
        var segs: [Segment] = []
        for (k, b) in p.alignment.beads.enumerated() where !b.source.contains(where: { isFrontMatter(p.source, $0) }) {
            let s = range(p.source, b.source, wholeContainers: wholeContainers)
            let t = range(p.target, b.target, wholeContainers: wholeContainers)
            let code = b.source.contains { if case .code = p.source.blocks[$0] { return true }; return false }
            if var last = segs.last, overlaps(last.source, s) || overlaps(last.target, t) {
                last.source = union(last.source, s)
                last.target = union(last.target, t)
                last.code = last.code && code
                last.beads.append(k)
                segs[segs.count - 1] = last
            } else {
                segs.append(Segment(source: s, target: t, code: code, beads: [k]))
            }
        }
        return segs
    }

    /// The lines of some blocks, a table cell or list item widened to its whole table or list,
    /// and a block of an MkDocs container to the whole container with `wholeContainers`.
    static func range(_ d: Document, _ blocks: [Int], wholeContainers: Bool = false) -> ClosedRange<Int>? {
        var r: ClosedRange<Int>? = nil
        for b in blocks {
            var lo = d.lines(ofBlock: b).lowerBound, hi = d.lines(ofBlock: b).upperBound
            if let u = d.unitIndex(block: b) {
                // Whole tables and whole top-level lists.
                let grouped: (UnitKind) -> Bool
                switch d.units[u].kind {
                case .tableCell: grouped = { if case .tableCell = $0 { return true }; return false }
                case .listItem: grouped = { if case .listItem = $0 { return true }; return false }
                default: grouped = { _ in false }
                }
                // Neighbours at most two lines apart: a table's delimiter row, a loose list's
                // blank line.
                var k = u
                while k > 0 && grouped(d.units[k - 1].kind) && d.units[k - 1].end.line >= lo - 2 { k -= 1; lo = d.units[k].start.line }
                k = u
                while k + 1 < d.units.count && grouped(d.units[k + 1].kind) && d.units[k + 1].start.line <= hi + 2 { k += 1; hi = d.units[k].end.line }
            }
            // An MkDocs note or tab whole, marker line and body: its body is Markdown only
            // indented under its marker, so it is quoted (and shown) with it.
            for c in d.mkdocsContainers where wholeContainers && c.markerLine <= hi && c.body.upperBound >= lo {
                lo = min(lo, c.markerLine)
                hi = max(hi, c.body.upperBound)
            }
            r = union(r, lo...hi)
        }
        return r
    }

    static func overlaps(_ a: ClosedRange<Int>?, _ b: ClosedRange<Int>?) -> Bool {
        guard let a, let b else { return false }
        return a.overlaps(b)
    }

    static func union(_ a: ClosedRange<Int>?, _ b: ClosedRange<Int>?) -> ClosedRange<Int>? {
        guard let a else { return b }
        guard let b else { return a }
        return min(a.lowerBound, b.lowerBound)...max(a.upperBound, b.upperBound)
    }
}
