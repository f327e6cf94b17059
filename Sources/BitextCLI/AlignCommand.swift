import ArgumentParser
import BitextAlign
import BitextCheck
import BitextMarkdown
import BitextReport
import BitextText
import Foundation

struct AlignCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "align",
        abstract: UI.help("help.align.abstract"),
        discussion: UI.help("help.align.discussion")) }

    @OptionGroup var common: CommonOptions
    @OptionGroup var out: OutputOptions

    @OptionGroup var tree: TreeOptions
    @Flag(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.align.segmented")))
    var segmented = false
    @Option(name: .customLong("target-locale"), help: ArgumentHelp(UI.optionHelp("help.opt.align.target-locale")))
    var targetLocale: String?
    @Option(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.align.format", listsValues: true)))
    var format: AlignFormat = .text

    @Argument(help: ArgumentHelp(UI.optionHelp("help.opt.align.files")))
    var files: [String] = []

    enum AlignFormat: String, ExpressibleByArgument { case text, json, tsv, beads }

    func validate() throws {
        if !tree.isSet && files.count != 2 {
            throw ValidationError(ui("pair.give-files"))
        }
        if format == .beads && !segmented { throw ValidationError(ui("align.beads-needs-segmented")) }
    }

    func run() throws {
        if segmented { return try runSegmented() }
        let session = try Session(common: common)
        let checker = Checker(settings: session.settings, messages: session.messages, glossary: session.glossary)
        let aligner = DocumentAligner(functionWords: session.source.functionWords, lettersPerHan: session.target.sourceLettersPerHan,
                                    numerals: session.target.numerals)
        let jobs = try session.pairs(tree, files: files, unpaired: true)
        let progress = Progress(total: jobs.count, label: ui("progress.aligning"))
        // Pairs are aligned in parallel and written in order as they finish, a few pairs ahead
        // at most: memory does not grow with the number of pairs.
        let sink = try Output.Sink(out.output, hold: progress.isShown && Output.stdoutIsTerminal)
        let oneJSON = format == .json && !tree.isSet
        var splice = JSON.Splice(.object([("files", .array([]))]), key: "files")
        if format == .json && tree.isSet { sink.write(splice.head) }
        let threads = common.threads
        try parallelOrdered(jobs.count, threads: threads, window: 2 * threads, { k -> Result<(json: JSON, text: String), Error> in
            defer { progress.tick() }
            let job = jobs[k]
            return Result { try checker.withToolkit { toolkit -> (json: JSON, text: String) in
                guard let s = job.source, let t = job.target else {
                    let json = JSON.object([("source", job.source.map { .string($0) } ?? .null),
                                            ("target", job.target.map { .string($0) } ?? .null), ("pairs", .array([]))])
                    return (json, format == .text ? AlignCommand.listing(json) : "")
                }
                let sd = try session.document(s, asSource: true), td = try session.document(t)
                let sa = checker.analyze(sd, toolkit: toolkit), ta = checker.analyze(td, toolkit: toolkit)
                let al = aligner.align(source: sd, sourceAnalyses: sa, target: td, targetAnalyses: ta)
                if format == .tsv { return (.null, TSVExporter.rows(source: sd, target: td, alignment: al)) }
                let json = AlignCommand.json(source: sd, target: td, sourceAnalyses: sa, targetAnalyses: ta, alignment: al)
                // The text listing is made here, on the worker; the JSON is written in order.
                return format == .text ? (.null, AlignCommand.listing(json)) : (json, "")
            } }
        }, consume: { k, result in
            let r = try result.get()
            switch format {
            case .json:
                if oneJSON {
                    // One pair: the interface's {"pairs": […]}, with the file names beside.
                    guard case .object(let fields) = r.json else { break }
                    sink.write(JSON.object(fields).serialized() + "\n")
                } else {
                    sink.write(splice.element(r.json))
                }
            case .tsv: sink.write(r.text)
            case .text: sink.write(k == 0 ? r.text : "\n" + r.text)
            case .beads: break
            }
        })
        progress.finish()
        if format == .json && tree.isSet { sink.write(splice.close + splice.tail + "\n") }
        try sink.close()
        if session.inputProblems > 0 { throw ExitCode(2) }
    }

    static func json(source: Document, target: Document, sourceAnalyses: [TextAnalysis], targetAnalyses: [TextAnalysis],
                     alignment: Alignment) -> JSON {
        func pair(_ b: Bead) -> JSON {
            func side(_ d: Document, _ blocks: [Int]) -> JSON {
                .array(blocks.map { let r = d.lines(ofBlock: $0); return .object([("line", .int(r.lowerBound)), ("endLine", .int(r.upperBound))]) })
            }
            var fields: [(String, JSON)] = [("source", side(source, b.source)), ("target", side(target, b.target)),
                                            ("score", .double(b.score))]
            if !b.sentences.isEmpty {
                let ss = SentenceAligner.spans(of: b.source, in: source, analyses: sourceAnalyses)
                let ts = SentenceAligner.spans(of: b.target, in: target, analyses: targetAnalyses)
                func spans(_ d: Document, _ list: [SentenceSpan], _ idx: [Int]) -> JSON {
                    .array(idx.map { k in
                        let s = list[k]
                        let span = d.units[s.unit].span(s.range)
                        return .object([("line", .int(span.start.line)), ("column", .int(span.start.column)),
                                        ("endLine", .int(span.end.line)), ("endColumn", .int(span.end.column))])
                    })
                }
                fields.append(("sentences", .array(b.sentences.map { sb in
                    .object([("source", spans(source, ss, sb.source)), ("target", spans(target, ts, sb.target)),
                             ("score", .double(sb.score))])
                })))
            }
            return .object(fields)
        }
        var file: [(String, JSON)] = [("source", .string(source.path)), ("target", .string(target.path)),
                                      ("pairs", .array(alignment.beads.map(pair)))]
        // Blocks the translation put in another place: each is in `pairs` as a deletion and an
        // insertion, and here as the pair they make (only when there are some).
        if !alignment.moved.isEmpty { file.append(("moved", .array(alignment.moved.map(pair)))) }
        return .object(file)
    }

    static func listing(_ file: JSON) -> String {
        guard case .object(let f) = file, case .array(let pairs)? = f.first(where: { $0.0 == "pairs" })?.1 else { return "" }
        var out = ""
        if case .string(let s)? = f.first(where: { $0.0 == "source" })?.1, case .string(let t)? = f.first(where: { $0.0 == "target" })?.1 {
            out += "\(s) ⇔ \(t)\n"
        }
        var moved: [JSON] = []
        if case .array(let m)? = f.first(where: { $0.0 == "moved" })?.1 { moved = m }
        for (n, p) in (pairs + moved).enumerated() {
            if n == pairs.count { out += "  \(ui("align.moved"))\n" }
            guard case .object(let fields) = p else { continue }
            func lines(_ key: String) -> String {
                guard case .array(let items)? = fields.first(where: { $0.0 == key })?.1, !items.isEmpty else { return "—" }
                return items.compactMap { item -> String? in
                    guard case .object(let o) = item, case .int(let l)? = o.first?.1, case .int(let e)? = o.last?.1 else { return nil }
                    return l == e ? "\(l)" : "\(l)-\(e)"
                }.joined(separator: ",")
            }
            var score = 0.0
            if case .double(let d)? = fields.first(where: { $0.0 == "score" })?.1 { score = d }
            out += "  \(lines("source").padding(toLength: 12, withPad: " ", startingAt: 0)) ⇔ \(lines("target").padding(toLength: 12, withPad: " ", startingAt: 0)) \(String(format: "%.2f", score))\n"
        }
        return out
    }

    func runSegmented() throws {
        let session = try Session(common: common)
        func lines(_ path: String) throws -> [String] {
            let bytes = try Inputs.read(path)
            guard let l = SegmentedAligner.lines(bytes) else {
                throw Failure(InputError(file: path, ui("input.not-utf8-config")).description)
            }
            return l
        }
        let s: [String], t: [String]
        do { s = try lines(files[0]); t = try lines(files[1]) } catch let e as InputError { throw Failure(e.description) }
        var aligner = SegmentedAligner()
        aligner.priorRatio = session.target.sourceLettersPerHan
        let beads = aligner.align(source: s, target: t, segmenter: try session.makeSegmenter())
        switch format {
        case .beads, .text:
            try Output.write(BeadFormat.write(beads), to: out.output)
        case .json:
            let pairs: [JSON] = beads.map { b in
                .object([("source", .array(b.source.map { .int($0 + 1) })), ("target", .array(b.target.map { .int($0 + 1) })),
                         ("score", .double(b.score))])
            }
            try Output.write(JSON.object([("pairs", .array(pairs))]).serialized() + "\n", to: out.output)
        case .tsv:
            let text = beads.map { b in
                TSVExporter.escape(b.source.map { s[$0] }.joined(separator: " ")) + "\t"
                    + TSVExporter.escape(b.target.map { t[$0] }.joined(separator: " "))
            }.joined(separator: "\n") + "\n"
            try Output.write(text, to: out.output)
        }
    }
}
