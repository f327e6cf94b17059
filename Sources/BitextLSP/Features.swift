import BitextAlign
import BitextCheck
import BitextGlossary
import BitextMarkdown
import BitextReport
import BitextText
import Foundation

extension LanguageServer {
    // MARK: diagnostics

    static func json(_ p: LSPPosition) -> JSON { .object([("line", .int(p.line)), ("character", .int(p.character))]) }

    static func json(_ r: Range<Int>, in buffer: TextBuffer) -> JSON {
        .object([("start", json(buffer.position(ofByte: r.lowerBound))), ("end", json(buffer.position(ofByte: r.upperBound)))])
    }

    static func severity(_ s: Severity) -> Int {
        switch s {
        case .error: return 1
        case .warning: return 2
        case .info: return 3
        }
    }

    func diagnostic(_ f: Finding, in buffer: TextBuffer) -> JSON {
        var fields: [(String, JSON)] = [
            ("range", LanguageServer.json(buffer.byteRange(of: f.span), in: buffer)),
            ("severity", .int(LanguageServer.severity(f.severity))),
            ("code", .string(f.rule)),
        ]
        if let template = ruleDocumentation {
            fields.append(("codeDescription", .object([("href", .string(template.replacingOccurrences(of: "{rule}", with: f.rule)))])))
        }
        fields += [("source", "bitext"), ("message", .string(f.message))]
        if let fix = f.fix { fields.append(("data", .object([("replacement", .string(fix.replacement))]))) }
        return .object(fields)
    }

    func diagnostics(_ c: CheckedDocument) -> [JSON] {
        if let p = c.problem {
            let line = max(0, min((p.line ?? 1) - 1, c.buffer.lineCount - 1))
            let r = c.buffer.lineRange(line)
            return [.object([("range", LanguageServer.json(r, in: c.buffer)), ("severity", 1), ("source", "bitext"),
                             ("message", .string(p.message))])]
        }
        return c.findings.map { diagnostic($0, in: c.buffer) }
    }

    // MARK: code actions

    /// Quick fixes for the findings in the requested range: each safe fix, every fix of that rule
    /// in the file, and a suppression comment; with `only: ["source.fixAll"]`, every safe fix.
    func codeActions(_ params: JSON) throws -> JSON {
        let d = try document(params)
        guard let range = params["range"].flatMap(LanguageServer.range) else { throw RPCError.invalidParams("range is missing") }
        guard let c = current(d), let doc = c.document, let project = project(for: d) else { return .array([]) }
        let only = params["context"]?["only"]?.arrayValue?.compactMap(\.stringValue)
        func allowed(_ kind: String) -> Bool {
            guard let only else { return kind == "quickfix" }
            return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
        }
        let m = project.messages
        let a = c.buffer.offset(of: range.lowerBound), b = c.buffer.offset(of: range.upperBound)
        var actions: [JSON] = []

        if allowed("source.fixAll.bitext") && only != nil {
            let edits = fixEdits(c.findings, in: c.buffer)
            if !edits.isEmpty {
                actions.append(action(m.text("lsp.fix-all-safe", ["count": String(edits.count)]), kind: "source.fixAll.bitext",
                                      uri: d.uri, edits: edits.map(\.edit), diagnostics: []))
            }
        }
        guard allowed("quickfix") else { return .array(actions) }

        // A cursor touches what it stands next to; a selection must overlap.
        let here = c.findings.filter { f in
            let r = c.buffer.byteRange(of: f.span)
            return a == b ? r.lowerBound <= a && a <= r.upperBound : r.lowerBound < b && a < r.upperBound
        }
        for f in here {
            let es = fixEdits([f], in: c.buffer)  // one edit per place of the finding's text
            guard !es.isEmpty, let fix = f.fix else { continue }
            let title = fix.replacement.isEmpty
                ? m.text("lsp.fix-remove", ["found": f.text])
                : m.text("lsp.fix", ["found": f.text, "replacement": fix.replacement])
            actions.append(action(title, uri: d.uri, edits: es.map(\.edit), diagnostics: [diagnostic(f, in: c.buffer)], preferred: true))
        }
        var rules: [String] = []
        for f in here where !rules.contains(f.rule) { rules.append(f.rule) }
        for rule in rules {
            let all = c.findings.filter { $0.rule == rule }
            let edits = fixEdits(all, in: c.buffer)
            if edits.count > 1 {
                actions.append(action(m.text("lsp.fix-all", ["rule": rule, "count": String(edits.count)]), uri: d.uri,
                                      edits: edits.map(\.edit), diagnostics: edits.map { diagnostic($0.finding, in: c.buffer) }))
            }
        }
        var suppressed = Set<String>()
        for f in here where suppressed.insert("\(f.rule) \(f.span.start.line)").inserted {
            guard let (title, edit) = suppression(f, doc: doc, buffer: c.buffer, messages: m) else { continue }
            actions.append(action(title, uri: d.uri, edits: [edit], diagnostics: [diagnostic(f, in: c.buffer)]))
        }
        return .array(actions)
    }

    func action(_ title: String, kind: String = "quickfix", uri: String, edits: [JSON], diagnostics: [JSON],
                preferred: Bool = false) -> JSON {
        var fields: [(String, JSON)] = [("title", .string(title)), ("kind", .string(kind))]
        if !diagnostics.isEmpty { fields.append(("diagnostics", .array(diagnostics))) }
        if preferred { fields.append(("isPreferred", true)) }
        fields.append(("edit", .object([("changes", .object([(uri, .array(edits))]))])))
        return .object(fields)
    }

    static func textEdit(_ r: Range<Int>, _ text: String, in buffer: TextBuffer) -> JSON {
        .object([("range", json(r, in: buffer)), ("newText", .string(text))])
    }

    /// Text edits for the findings' fixes, as `--fix` applies them: exactly each span, only where
    /// the span still holds the finding's text, an overlapping fix left for later.
    func fixEdits(_ findings: [Finding], in buffer: TextBuffer) -> [(finding: Finding, edit: JSON)] {
        var candidates: [(Range<Int>, Finding)] = []
        for f in findings {
            guard let fix = f.fix else { continue }
            for span in fix.spans(of: f) {
                let r = buffer.byteRange(of: span)
                guard !r.isEmpty, buffer.string(r) == f.text else { continue }
                candidates.append((r, f))
            }
        }
        candidates.sort { $0.0.lowerBound < $1.0.lowerBound }
        var out: [(Finding, JSON)] = []
        var cursor = 0
        for (r, f) in candidates where r.lowerBound >= cursor {
            out.append((f, LanguageServer.textEdit(r, f.fix!.replacement, in: buffer)))
            cursor = r.upperBound
        }
        return out
    }

    /// The edit that silences a finding's rule with a suppression comment, placed where it
    /// changes nothing else: on a line of its own before a block that starts on the finding's
    /// line (`bitext-disable-next-line`), at the end of the line before inside a paragraph, or
    /// at the end of the finding's own line in list items and table cells (`bitext-disable-line`),
    /// where a line of its own would split the list or the table. An existing
    /// `bitext-disable-next-line` comment on the line before gets the rule added.
    func suppression(_ f: Finding, doc: Document, buffer: TextBuffer, messages m: Messages) -> (String, JSON)? {
        let line = f.span.start.line
        guard line >= 1, line <= buffer.lineCount else { return nil }
        let nextLineTitle = m.text("lsp.suppress-next-line", ["rule": f.rule])
        // Add to a comment that already suppresses rules on this line.
        for c in doc.comments where c.end.line == line - 1 && c.start.line == c.end.line {
            let tokens = c.body.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
            guard tokens.first == "bitext-disable-next-line", tokens.count > 1 else { continue }
            if tokens.contains(f.rule) { return nil }
            let start = buffer.byteOffset(line: c.start.line, column: c.start.column)
            let end = buffer.byteRange(of: Span(start: c.end, end: c.end)).upperBound
            guard buffer.string(start..<end).hasPrefix("<!--") else { continue }
            return (nextLineTitle, LanguageServer.textEdit(start..<end, "<!-- \(c.body) \(f.rule) -->", in: buffer))
        }
        guard let unit = doc.units.first(where: { $0.start <= f.span.start && f.span.start <= $0.end }) else { return nil }
        let lineRange = buffer.lineRange(line - 1)
        if case .frontMatter = unit.kind { return nil }  // no HTML comment in YAML
        if unit.kind.isTableCell || (unit.listDepth > 0 && unit.start.line == line) {
            // At the end of the unit's text on this line (inside the cell), or of the line.
            var at = lineRange.upperBound
            if unit.end.line == line { at = buffer.byteRange(of: Span(start: unit.end, end: unit.end)).upperBound }
            at = LanguageServer.beforeHardBreak(buffer, at, lineStart: lineRange.lowerBound)
            return (m.text("lsp.suppress-line", ["rule": f.rule]),
                    LanguageServer.textEdit(at..<at, " <!-- bitext-disable-line \(f.rule) -->", in: buffer))
        }
        if unit.start.line == line {
            // A line of its own, with the line's block-quote markers and indentation.
            var prefixEnd = lineRange.lowerBound
            if line == 1 && buffer.hasByteOrderMark { prefixEnd += 3 }
            while prefixEnd < lineRange.upperBound, [0x20, 0x09, 0x3E].contains(buffer.bytes[prefixEnd]) { prefixEnd += 1 }
            let prefix = buffer.string(lineRange.lowerBound..<prefixEnd).replacingOccurrences(of: "\u{FEFF}", with: "")
            let next = line < buffer.lineCount ? buffer.lineStarts[line] : buffer.bytes.count
            let lineBreak = next > lineRange.upperBound ? buffer.string(lineRange.upperBound..<next) : "\n"
            let at = line == 1 && buffer.hasByteOrderMark ? 3 : lineRange.lowerBound
            return (nextLineTitle, LanguageServer.textEdit(at..<at, prefix + "<!-- bitext-disable-next-line \(f.rule) -->" + lineBreak, in: buffer))
        }
        // Inside a paragraph: at the end of the line before, which belongs to the same unit.
        let previous = buffer.lineRange(line - 2)
        let at = LanguageServer.beforeHardBreak(buffer, previous.upperBound, lineStart: previous.lowerBound)
        return (nextLineTitle, LanguageServer.textEdit(at..<at, " <!-- bitext-disable-next-line \(f.rule) -->", in: buffer))
    }

    /// Before trailing spaces and a backslash at the end of a line (a hard line break stays one).
    static func beforeHardBreak(_ buffer: TextBuffer, _ end: Int, lineStart: Int) -> Int {
        var at = end
        while at > lineStart && buffer.bytes[at - 1] == 0x20 { at -= 1 }
        if at == end, at > lineStart, buffer.bytes[at - 1] == 0x5C { at -= 1 }
        return at
    }

    // MARK: hover

    /// On a glossary term: its rendering, alternatives, forbidden variants and comment; on a
    /// translated unit: the source text it is aligned with.
    func hover(_ params: JSON) throws -> JSON {
        let d = try document(params)
        guard let position = LanguageServer.position(params["position"]) else { throw RPCError.invalidParams("position is missing") }
        guard let project = project(for: d) else { return .null }
        let m = project.messages
        var parts: [String] = []
        var hoverRange: JSON? = nil

        // The unit and its analysis: the translation's own, or a source's snapshot.
        var checked = current(d)
        var isSource = false
        if checked?.document == nil, let path = d.path, project.isSource(path), let s = project.snapshot(path: path, bytes: d.buffer.bytes) {
            checked = CheckedDocument(generation: d.generation, buffer: d.buffer, document: s.document, analyses: s.analyses,
                                      source: nil, alignment: nil, findings: [])
            isSource = true
        }
        guard let c = checked, let doc = c.document else { return .null }
        let offset = c.buffer.offset(of: position)
        guard let k = c.unit(atByte: offset), let i = c.index(inUnit: k, atByte: offset) else { return .null }
        let u = doc.units[k]

        if let g = project.setup.glossary {
            let hits = isSource
                ? g.sourceHits(text: u.text, words: k < c.analyses.count ? c.analyses[k].words : [], isHeading: u.kind.headingLevel != nil)
                : g.targetHits(text: u.text, roles: u.roles)
            if let h = hits.first(where: { $0.range.contains(i) }) {
                parts.append(LanguageServer.termHover(g.glossary.entries[h.entry], form: h.form, found: h.term, messages: m))
                let r = c.buffer.byteRange(of: u.span(h.range))
                hoverRange = LanguageServer.json(r, in: c.buffer)
            }
        }
        if let (units, _) = c.alignedSourceUnits(k), let source = c.source {
            if units.isEmpty {
                parts.append(m.text("lsp.hover.no-source"))
            } else {
                let first = source.document.units[units[0]]
                let name = (source.path as NSString).lastPathComponent
                var text = "**" + m.text("lsp.hover.source", ["file": name, "line": String(first.start.line)]) + "**\n\n"
                text += units.map { "> " + LanguageServer.escapeMarkdown(source.document.units[$0].plainText) }.joined(separator: "\n>\n")
                parts.append(text)
            }
        }
        guard !parts.isEmpty else { return .null }
        var fields: [(String, JSON)] = [("contents", .object([("kind", "markdown"), ("value", .string(parts.joined(separator: "\n\n---\n\n")))]))]
        if let hoverRange { fields.append(("range", hoverRange)) }
        return .object(fields)
    }

    static func termHover(_ e: GlossaryEntry, form: TermForm, found: String, messages m: Messages) -> String {
        let x = escapeMarkdown
        var lines: [String] = []
        lines.append("**\(x(e.source))** → **\(x(e.keepAsIs ? e.source : e.target))**"
                     + (e.keepAsIs ? " (" + m.text("lsp.hover.keep") + ")" : ""))
        if form == .forbidden { lines.append("⚠ " + m.text("lsp.hover.found-forbidden", ["found": x(found)])) }
        let comma = m.text("lsp.hover.separator")
        if !e.alternatives.isEmpty {
            lines.append(m.text("lsp.hover.alternatives", ["list": e.alternatives.map(x).joined(separator: comma)]))
        }
        if !e.forbidden.isEmpty {
            lines.append(m.text("lsp.hover.forbidden", ["list": e.forbidden.map { "~~\(x($0))~~" }.joined(separator: comma)]))
        }
        if !e.comment.isEmpty { lines.append(m.text("lsp.hover.comment", ["comment": x(e.comment)])) }
        lines.append(m.text("lsp.hover.glossary", ["location": x(e.location)]))
        return lines.joined(separator: "  \n")
    }

    static func escapeMarkdown(_ s: String) -> String {
        var out = ""
        for ch in s {
            if "\\`*_[]<>#|~".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    // MARK: custom requests

    /// `bitext/coverage`: the document's coverage, as one file of `bitext coverage --format json`.
    func coverage(_ params: JSON) throws -> JSON {
        let d = try document(params)
        guard let project = project(for: d), let c = current(d), let doc = c.document else { return .null }
        let perHan = project.setup.settings.target.sourceCharactersPerHan
        let coverage: Coverage
        if let source = c.source, let alignment = c.alignment {
            coverage = Coverage.bilingual(source: source.document, sourceAnalyses: source.analyses, target: doc,
                                          targetAnalyses: c.analyses, alignment: alignment, charactersPerHan: perHan)
        } else {
            guard c.analyses.count == doc.units.count else { return .null }
            coverage = Coverage.monolingual(doc, analyses: c.analyses, charactersPerHan: perHan)
        }
        return CoverageReport.json(coverage)
    }

    /// `bitext/alignedSource`: the source units aligned with the translation's unit at a position.
    func alignedSource(_ params: JSON) throws -> JSON {
        let d = try document(params)
        guard let position = LanguageServer.position(params["position"]) else { throw RPCError.invalidParams("position is missing") }
        guard let c = current(d), let source = c.source else { return .null }
        let offset = c.buffer.offset(of: position)
        guard let k = c.unit(atByte: offset), let (units, score) = c.alignedSourceUnits(k) else { return .null }
        let sb = source.buffer
        let items: [JSON] = units.map { s in
            let u = source.document.units[s]
            return .object([("range", LanguageServer.json(sb.byteRange(of: u.span), in: sb)), ("text", .string(u.plainText))])
        }
        var fields: [(String, JSON)] = [("uri", .string(LanguageServer.uri(ofPath: source.path)))]
        if let first = units.first, let last = units.last {
            let r = sb.byteRange(of: source.document.units[first].span).lowerBound..<sb.byteRange(of: source.document.units[last].span).upperBound
            fields.append(("range", LanguageServer.json(r, in: sb)))
        } else {
            fields.append(("range", .null))
        }
        fields += [("text", .string(units.map { source.document.units[$0].plainText }.joined(separator: "\n\n"))),
                   ("score", .double((score * 1000).rounded() / 1000)), ("units", .array(items))]
        return .object(fields)
    }
}

extension UnitKind {
    var isTableCell: Bool {
        if case .tableCell = self { return true }
        return false
    }
}
