import ArgumentParser
import BitextAlign
import BitextCheck
import BitextMarkdown
import BitextText
import Foundation

struct AlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Align a document and its translation, block by block and sentence by sentence.",
        discussion: """
            Examples:
              bitext align en/intro.md zh/intro.md                     # a readable listing
              bitext align en/intro.md zh/intro.md --format json
              bitext align --source-root en --target-root zh --format json -o alignment.json
              bitext align --segmented book.en book.zh --format beads  # one sentence a line

            JSON: {"pairs": [{"source": [{"line", "endLine"}…], "target": […], "score", "sentences": […]}]},
            one entry per bead in document order (units and code blocks; lists and tables align item
            by item and cell by cell); an empty side is an insertion or a deletion.
            """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var out: OutputOptions

    @Option(name: .customLong("source-root"), help: ArgumentHelp("Source tree, paired with --target-root by relative path.", valueName: "dir"))
    var sourceRoot: String?
    @Option(name: .customLong("target-root"), help: ArgumentHelp("Target tree.", valueName: "dir"))
    var targetRoot: String?
    @Flag(name: .long, help: "The inputs are plain text, one sentence a line (either side may be the Chinese one).")
    var segmented = false
    @Option(name: .customLong("target-locale"), help: "Locale of the second file in --segmented mode (default: detected).")
    var targetLocale: String?
    @Option(name: .long, help: "text, json, tsv, or beads (with --segmented).")
    var format: AlignFormat = .text

    @Argument(help: "SOURCE TARGET")
    var files: [String] = []

    enum AlignFormat: String, ExpressibleByArgument { case text, json, tsv, beads }

    func validate() throws {
        if sourceRoot == nil && targetRoot == nil && files.count != 2 {
            throw ValidationError("give SOURCE and TARGET, or --source-root and --target-root")
        }
        if (sourceRoot == nil) != (targetRoot == nil) { throw ValidationError("--source-root and --target-root go together") }
        if format == .beads && !segmented { throw ValidationError("--format beads needs --segmented input") }
    }

    func run() throws {
        if segmented { return try runSegmented() }
        let session = try Session(common: common)
        let checker = Checker(settings: session.settings, messages: session.messages, glossary: session.glossary)
        let aligner = DocumentAligner(functionWords: session.source.functionWords, lettersPerHan: session.target.sourceLettersPerHan)
        let jobs: [Job] = sourceRoot != nil
            ? try session.jobs(paths: [], source: nil, sourceRoot: sourceRoot, targetRoot: targetRoot)
            : [Job(target: files[1], source: files[0])]
        let progress = Progress(total: jobs.count, label: "aligning")
        let results: [Result<JSON, Error>] = parallelMap(jobs.count, threads: common.threads) { k in
            defer { progress.tick() }
            let job = jobs[k]
            do {
                return .success(try checker.withToolkit { toolkit -> JSON in
                    guard let s = job.source, let t = job.target else {
                        return .object([("source", job.source.map { .string($0) } ?? .null),
                                        ("target", job.target.map { .string($0) } ?? .null), ("pairs", .array([]))])
                    }
                    let sd = try session.document(s), td = try session.document(t)
                    let sa = checker.analyze(sd, toolkit: toolkit), ta = checker.analyze(td, toolkit: toolkit)
                    let al = aligner.align(source: sd, sourceAnalyses: sa, target: td, targetAnalyses: ta)
                    return AlignCommand.json(source: sd, target: td, sourceAnalyses: sa, targetAnalyses: ta, alignment: al)
                })
            } catch {
                return .failure(error)
            }
        }
        progress.finish()
        var files: [JSON] = []
        for r in results {
            switch r {
            case .success(let j): files.append(j)
            case .failure(let e): throw e
            }
        }
        let text: String
        switch format {
        case .json:
            if sourceRoot != nil {
                text = JSON.object([("files", .array(files))]).serialized() + "\n"
            } else {
                // One pair: the interface's {"pairs": […]}, with the file names beside.
                guard case .object(let fields) = files[0] else { text = ""; break }
                text = JSON.object(fields).serialized() + "\n"
            }
        case .tsv:
            text = try tsv(jobs: jobs, session: session, checker: checker, aligner: aligner)
        case .text:
            text = files.map(AlignCommand.listing).joined(separator: "\n")
        case .beads:
            text = ""
        }
        try Output.write(text, to: out.output)
        if session.inputProblems > 0 { throw ExitCode(2) }
    }

    static func lines(_ doc: Document, _ block: Int) -> (Int, Int) {
        switch doc.blocks[block] {
        case .unit(let u): return (doc.units[u].start.line, doc.units[u].end.line)
        case .code(let c): return (doc.codeBlocks[c].startLine, doc.codeBlocks[c].endLine)
        }
    }

    static func json(source: Document, target: Document, sourceAnalyses: [TextAnalysis], targetAnalyses: [TextAnalysis],
                     alignment: Alignment) -> JSON {
        var pairs: [JSON] = []
        for b in alignment.beads {
            func side(_ d: Document, _ blocks: [Int]) -> JSON {
                .array(blocks.map { let (l, e) = lines(d, $0); return .object([("line", .int(l)), ("endLine", .int(e))]) })
            }
            var fields: [(String, JSON)] = [("source", side(source, b.source)), ("target", side(target, b.target)),
                                            ("score", .double(b.score))]
            if !b.sentences.isEmpty {
                let ss = SentenceAligner.sentences(of: b.source, in: source, analyses: sourceAnalyses)
                let ts = SentenceAligner.sentences(of: b.target, in: target, analyses: targetAnalyses)
                func spans(_ d: Document, _ list: [AlignSentence], _ idx: [Int]) -> JSON {
                    .array(idx.map { k in
                        let s = list[k]
                        guard let u = d.unitIndex(block: s.block) else { return .null }
                        let span = d.units[u].span(s.range)
                        return .object([("line", .int(span.start.line)), ("column", .int(span.start.column)),
                                        ("endLine", .int(span.end.line)), ("endColumn", .int(span.end.column))])
                    })
                }
                fields.append(("sentences", .array(b.sentences.map { sb in
                    .object([("source", spans(source, ss, sb.source)), ("target", spans(target, ts, sb.target)),
                             ("score", .double(sb.score))])
                })))
            }
            pairs.append(.object(fields))
        }
        return .object([("source", .string(source.path)), ("target", .string(target.path)), ("pairs", .array(pairs))])
    }

    static func listing(_ file: JSON) -> String {
        guard case .object(let f) = file, case .array(let pairs)? = f.first(where: { $0.0 == "pairs" })?.1 else { return "" }
        var out = ""
        if case .string(let s)? = f.first(where: { $0.0 == "source" })?.1, case .string(let t)? = f.first(where: { $0.0 == "target" })?.1 {
            out += "\(s) ⇔ \(t)\n"
        }
        for p in pairs {
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

    /// One aligned pair a line: source text, target text; tabs and newlines escaped.
    func tsv(jobs: [Job], session: Session, checker: Checker, aligner: DocumentAligner) throws -> String {
        var out = ""
        try checker.withToolkit { toolkit in
            for job in jobs {
                guard let s = job.source, let t = job.target else { continue }
                let sd = try session.document(s), td = try session.document(t)
                let sa = checker.analyze(sd, toolkit: toolkit), ta = checker.analyze(td, toolkit: toolkit)
                let al = aligner.align(source: sd, sourceAnalyses: sa, target: td, targetAnalyses: ta)
                for b in al.beads {
                    out += AlignCommand.tsvCell(b.source.map { AlignCommand.text(sd, $0) }.joined(separator: "\n")) + "\t"
                        + AlignCommand.tsvCell(b.target.map { AlignCommand.text(td, $0) }.joined(separator: "\n")) + "\n"
                }
            }
        }
        return out
    }

    static func text(_ d: Document, _ block: Int) -> String {
        switch d.blocks[block] {
        case .unit(let u): return d.units[u].plainText
        case .code(let c): return d.codeBlocks[c].literal
        }
    }

    static func tsvCell(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }

    func runSegmented() throws {
        let session = try Session(common: common)
        func lines(_ path: String) throws -> [String] {
            let bytes = try Inputs.read(path)
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw Failure("\(path): not valid UTF-8; save the file as UTF-8")
            }
            var l = text.components(separatedBy: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
            if l.last == "" { l.removeLast() }
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
                AlignCommand.tsvCell(b.source.map { s[$0] }.joined(separator: " ")) + "\t"
                    + AlignCommand.tsvCell(b.target.map { t[$0] }.joined(separator: " "))
            }.joined(separator: "\n") + "\n"
            try Output.write(text, to: out.output)
        }
    }
}
