import ArgumentParser
import BitextCheck
import BitextMarkdown
import BitextText
import Foundation

struct SegmentCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "segment",
        abstract: UI.help("help.segment.abstract"),
        discussion: UI.help("help.segment.discussion")) }

    @OptionGroup var common: CommonOptions
    @OptionGroup var out: OutputOptions

    @Option(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.segment.format", listsValues: true)))
    var format: SegmentFormat = .text

    @Argument(help: ArgumentHelp(UI.optionHelp("help.opt.segment.files")))
    var files: [String]

    enum SegmentFormat: String, ExpressibleByArgument { case text, json }

    func run() throws {
        let session = try Session(common: common)
        var results: [JSON] = []
        var text = ""
        for path in files {
            let doc = try session.document(path)
            let segmenter = try session.makeSegmenter()
            if format == .json {
                results.append(Self.json(doc, segmenter: segmenter, session: session))
            } else {
                text += Self.text(doc, segmenter: segmenter, session: session)
            }
        }
        if format == .json {
            let value = results.count == 1 ? results[0] : .object([("files", .array(results))])
            try Output.write(value.serialized() + "\n", to: out.output)
        } else {
            try Output.write(text, to: out.output)
        }
    }

    static func spanFields(_ s: Span) -> [(String, JSON)] {
        [("line", .int(s.start.line)), ("column", .int(s.start.column)),
         ("endLine", .int(s.end.line)), ("endColumn", .int(s.end.column))]
    }

    /// A stretch of English with the evidence that decided it (what `check` decides with).
    static func stretchJSON(_ u: BitextMarkdown.Unit, _ s: SourceStretch) -> JSON {
        .object(spanFields(u.span(s.range)) + [
            ("text", .string(u.string(s.range))),
            ("untranslated", .bool(s.isProse)), ("label", .bool(s.isLabel)),
            ("evidence", .string(s.evidence.rawValue)), ("words", .int(s.words)),
        ])
    }

    static func json(_ doc: Document, segmenter: Segmenter, session: Session) -> JSON {
        var units: [JSON] = []
        // Language decisions with the document's evidence, as `check` makes them.
        let decided = segmenter.analyze(document: doc)
        for (k, u) in doc.units.enumerated() {
            var a = segmenter.analyze(u, hanWords: true)
            a.stretches = decided[k].stretches
            a.runs = decided[k].runs
            var fields: [(String, JSON)] = [("kind", .string(u.kind.name))]
            fields += spanFields(u.span)
            switch u.kind {
            case .heading(let level): fields.append(("level", .int(level)))
            case .listItem(let depth): fields.append(("depth", .int(depth)))
            case .tableCell(let row, let column): fields += [("row", .int(row)), ("cell", .int(column))]
            case .quote(let depth): fields.append(("depth", .int(depth)))
            case .frontMatter(let key): fields.append(("key", .string(key)))
            case .html(let tag): if !tag.isEmpty { fields.append(("tag", .string(tag))) }
            default: break
            }
            fields.append(("section", u.section.map { .string(doc.units[$0].plainText) } ?? .null))
            fields.append(("text", .string(u.string)))
            fields.append(("sentences", .array(a.sentences.map { .object(spanFields(u.span($0))) })))
            fields.append(("runs", .array(a.runs.map { r in
                .object([("language", .string(session.code(r.language)))] + spanFields(u.span(r.range)))
            })))
            if !a.stretches.isEmpty { fields.append(("stretches", .array(a.stretches.map { stretchJSON(u, $0) }))) }
            if a.isNote { fields.append(("translatorNote", true)) }
            if !a.notes.isEmpty {
                fields.append(("notes", .array(a.notes.map { .object(spanFields(u.span($0))) })))
            }
            units.append(.object(fields))
        }
        let code: [JSON] = doc.codeBlocks.map {
            .object([("line", .int($0.startLine)), ("endLine", .int($0.endLine)), ("info", .string($0.info))])
        }
        return .object([("file", .string(doc.path)), ("units", .array(units)), ("codeBlocks", .array(code))])
    }

    static func text(_ doc: Document, segmenter: Segmenter, session: Session) -> String {
        var out = "\(doc.path): " + ui("segment.summary", ["units": UI.count(doc.units.count, "unit"), "code": UI.count(doc.codeBlocks.count, "code-block")]) + "\n"
        let analyses = segmenter.analyze(document: doc)
        for (k, u) in doc.units.enumerated() {
            let a = analyses[k]
            var kind = u.kind.name
            if let l = u.kind.headingLevel { kind += " h\(l)" }
            let preview = String(u.plainText.prefix(72))
            out += "\n\(u.start)-\(u.end)  \(kind)\(a.isNote ? "  " + ui("segment.note") : "")\n"
            out += "  \(preview)\(u.plainText.count > 72 ? "…" : "")\n"
            out += "  " + UI.pad(ui("segment.sentences"), 11) + a.sentences.map { r in
                let s = u.span(r)
                return "\(s.start)-\(s.end)"
            }.joined(separator: "  ") + "\n"
            out += "  " + UI.pad(ui("segment.runs"), 11) + a.runs.map { r in
                let s = u.span(r.range)
                return "\(session.code(r.language)) \(s.start)-\(s.end)"
            }.joined(separator: " · ") + "\n"
            // Each English stretch: kept or untranslated, and the evidence that decided.
            for st in a.stretches {
                let sp = u.span(st.range)
                let verdict = st.isProse ? (st.isLabel ? "label" : "untranslated") : "kept"
                let text = u.string(st.range).replacingOccurrences(of: "\n", with: " ")
                out += "  english    \(sp.start)-\(sp.end)  \(verdict) (\(st.evidence.rawValue))  \(text.prefix(48))\(text.count > 48 ? "…" : "")\n"
            }
        }
        return out
    }
}
