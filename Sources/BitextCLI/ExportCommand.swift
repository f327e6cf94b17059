import ArgumentParser
import BitextAlign
import BitextCheck
import BitextExchange
import BitextMarkdown
import BitextReport
import BitextText
import Foundation

struct ExportCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "export",
        abstract: UI.help("help.export.abstract"),
        discussion: UI.help("help.export.discussion")) }

    @OptionGroup var common: CommonOptions
    @OptionGroup var out: OutputOptions

    @Option(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.export.format", listsValues: true)))
    var format: ExportFormat

    @OptionGroup var tree: TreeOptions
    @Option(name: .customLong("source-lang"), help: ArgumentHelp(UI.optionHelp("help.opt.export.source-lang")))
    var sourceLang: String?
    @Option(name: .customLong("target-lang"), help: ArgumentHelp(UI.optionHelp("help.opt.export.target-lang")))
    var targetLang: String?

    @Option(name: .customLong("line-url"), help: ArgumentHelp(UI.optionHelp("help.opt.export.line-url"), valueName: "template"))
    var lineURL: String?
    @Option(name: .customLong("source-line-url"), help: ArgumentHelp(UI.optionHelp("help.opt.export.source-line-url"), valueName: "template"))
    var sourceLineURL: String?
    @Option(name: .customLong("site-base"), help: ArgumentHelp(UI.optionHelp("help.opt.export.site-base"), valueName: "url-or-dir"))
    var siteBase: String?
    @Flag(name: .customLong("copy-assets"), help: ArgumentHelp(UI.optionHelp("help.opt.export.copy-assets")))
    var copyAssets = false
    @Option(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.export.since"), valueName: "rev"))
    var since: String?
    @Flag(name: .customLong("since-recorded"), help: ArgumentHelp(UI.optionHelp("help.opt.export.since-recorded")))
    var sinceRecorded = false

    @Argument(help: ArgumentHelp(UI.optionHelp("help.opt.export.files")))
    var files: [String] = []

    func validate() throws {
        if !tree.isSet && files.count != 2 { throw ValidationError(ui("pair.give-files")) }
        if tree.isSet && (format == .html || format == .markdown) && out.output == nil {
            throw ValidationError(ui("export.tree-needs-output", ["format": format.rawValue]))
        }
        let htmlOnly = lineURL != nil || sourceLineURL != nil || siteBase != nil || copyAssets || since != nil || sinceRecorded
        if htmlOnly && format != .html {
            throw ValidationError("--line-url, --source-line-url, --site-base, --copy-assets, --since and --since-recorded are for --format html")
        }
        if copyAssets && out.output == nil { throw ValidationError("--copy-assets needs -o, so that the images have a folder to go to") }
        if since != nil && sinceRecorded { throw ValidationError("use --since or --since-recorded, not both") }
    }

    func run() throws {
        let session = try Session(common: common)
        let sLang = sourceLang ?? session.source.xmlLang
        let tLang = targetLang ?? session.config.targetLanguageTag ?? session.target.xmlLang
        let jobs = try session.pairs(tree, files: files)
        let checker = Checker(settings: session.settings, messages: session.messages, glossary: session.glossary)
        let aligner = DocumentAligner(functionWords: session.source.functionWords, lettersPerHan: session.target.sourceLettersPerHan,
                                    numerals: session.target.numerals)
        if format == .html { return try exportHTML(jobs, session: session, checker: checker, aligner: aligner, sLang: sLang, tLang: tLang) }
        let progress = Progress(total: jobs.count, label: ui("progress.exporting"))
        let dir = out.output ?? "."
        let manyMarkdown = format == .markdown && tree.isSet
        if manyMarkdown { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        let sink = try manyMarkdown ? nil : Output.Sink(out.output, hold: progress.isShown && Output.stdoutIsTerminal)
        switch format {
        case .tmx: sink?.write(TMXExporter.head(sourceLang: sLang))
        case .xliff: sink?.write(XLIFF2Writer.head(sourceLang: sLang, targetLang: tLang))
        case .xliff1: sink?.write(XLIFF1Writer.head)
        default: break
        }
        // Pairs are read, aligned and written out in parallel, and their text is taken in in
        // order as each finishes, a few pairs ahead at most: memory does not grow with the tree.
        typealias Piece = (text: String, units: [(attributes: String, body: String)])
        var tuid = 0
        let threads = common.threads
        try parallelOrdered(jobs.count, threads: threads, window: 2 * threads, { k -> Result<Piece, Error> in
            defer { progress.tick() }
            let job = jobs[k]
            return Result { try checker.withToolkit { toolkit -> Piece in
                // The exchange formats need no findings.
                let pair = try Self.pair(job, session: session, checker: checker, aligner: aligner, toolkit: toolkit,
                                         sLang: sLang, tLang: tLang, findings: false)
                switch format {
                case .tmx: return ("", TMXExporter.units(pair, sourceLang: sLang, targetLang: tLang))
                case .xliff: return (XLIFF2Writer.file(pair.exchange, index: k), [])
                case .xliff1: return (XLIFF1Writer.file(pair.exchange, sourceLang: sLang, targetLang: tLang), [])
                case .tsv: return (TSVExporter.rows(source: pair.source, target: pair.target, alignment: pair.alignment), [])
                case .html, .markdown: return (MarkdownExporter.export(pair), [])
                }
            } }
        }, consume: { k, result in
            let piece = try result.get()
            guard manyMarkdown else {
                sink?.write(format == .tmx ? TMXExporter.number(piece.units, from: &tuid) : piece.text)
                return
            }
            // A tree: one file per pair under the output folder.
            let job = jobs[k]
            let rel = job.relative ?? (job.target! as NSString).lastPathComponent
            let path = try OutputPaths.inside(dir, (rel as NSString).deletingPathExtension + ".bilingual.md")
            try Output.write(piece.text, to: path)
        })
        progress.finish()
        switch format {
        case .tmx: sink?.write(TMXExporter.tail)
        case .xliff: sink?.write(XLIFF2Writer.tail)
        case .xliff1: sink?.write(XLIFF1Writer.tail)
        default: break
        }
        try sink?.close()
        if session.inputProblems > 0 { throw ExitCode(2) }
    }
}

extension ExportCommand {
    /// One document pair with its alignment, findings and coverage.
    static func pair(_ job: Job, session: Session, checker: Checker, aligner: DocumentAligner, toolkit: Toolkit,
                     sLang: String, tLang: String, findings check: Bool = true, stage: ((String) -> Void)? = nil) throws -> BilingualPair {
        stage?("reading")
        let s = try session.document(job.source!, asSource: true), t = try session.document(job.target!)
        stage?("analysing")
        let sa = checker.analyze(s, toolkit: toolkit), ta = checker.analyze(t, toolkit: toolkit)
        stage?("aligning")
        let al = aligner.align(source: s, sourceAnalyses: sa, target: t, targetAnalyses: ta)
        stage?("checking")
        let findings = check ? checker.check(t, analyses: ta, pairing: Pairing(source: s, sourceAnalyses: sa, alignment: al), toolkit: toolkit) : []
        let coverage = Coverage.bilingual(source: s, sourceAnalyses: sa, target: t, targetAnalyses: ta, alignment: al,
                                          charactersPerHan: session.target.sourceCharactersPerHan)
        var pair = BilingualPair(source: s, target: t, sourceAnalyses: sa, targetAnalyses: ta, alignment: al,
                                 findings: findings, coverage: coverage, sourceLanguage: sLang, targetLanguage: tLang,
                                 charactersPerHan: session.target.sourceCharactersPerHan)
        pair.roots = job.roots
        return pair
    }

    /// HTML review pages, one pair at a time: a single page to -o (or stdout), or a tree as
    /// DIR/pages/… with the overview DIR/index.html (pages live in their own folder, so a page of
    /// the tree named index.md can never overwrite the overview) and copied images in DIR/assets/.
    func exportHTML(_ jobs: [Job], session: Session, checker: Checker, aligner: DocumentAligner, sLang: String, tLang: String) throws {
        // Foundation traps on "." here: a page written to standard output has its assets in the
        // current folder.
        let dir = tree.isSet ? out.output! : out.output.map { ($0 as NSString).deletingLastPathComponent } ?? ""
        if tree.isSet { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        let assetsDir = ((dir.isEmpty ? "." : dir) as NSString).appendingPathComponent("assets")
        let progress = Progress(total: jobs.count, label: ui("progress.exporting"))
        var entries: [(page: String, pair: String, coverage: Coverage, counts: ReviewCounts)] = []
        var copied = Set<String>()
        // Pages are made in parallel and written in order as each finishes, a few pages ahead
        // at most; of each, the overview keeps only its coverage and counts.
        typealias Made = (page: ReviewPage, name: String, rel: String, coverage: Coverage)
        let threads = common.threads
        try parallelOrdered(jobs.count, threads: threads, window: 2 * threads, { k -> Result<Made, Error> in
            defer { progress.tick() }
            let job = jobs[k]
            return Result { try checker.withToolkit { toolkit -> Made in
                // One big pair: say what is happening (a 3 MB pair takes a while).
                let big = jobs.count == 1 && Self.size(job.source!) + Self.size(job.target!) > 512 * 1024
                let stages = big ? StageLine(label: (job.target! as NSString).lastPathComponent) : nil
                let pair = try Self.pair(job, session: session, checker: checker, aligner: aligner, toolkit: toolkit,
                                         sLang: sLang, tLang: tLang, stage: stages?.show)
                var o = ReviewOptions()
                o.lineURL = lineURL
                o.sourceLineURL = sourceLineURL
                o.siteBase = siteBase
                o.copyAssets = copyAssets
                o.glossary = session.glossary
                o.messages = session.messages
                let rel = job.relative ?? (job.target! as NSString).lastPathComponent
                let name = "pages/" + (rel as NSString).deletingPathExtension + ".html"
                let depth = tree.isSet ? name.split(separator: "/").count - 1 : 0
                o.assetPrefix = String(repeating: "../", count: depth) + "assets/"
                if tree.isSet { o.indexHref = String(repeating: "../", count: depth) + "index.html" }
                let pageFile = tree.isSet ? (dir as NSString).appendingPathComponent(name) : (out.output ?? "page.html")
                o.pageDirectory = URL(fileURLWithPath: pageFile).deletingLastPathComponent().standardizedFileURL.path
                if since != nil || sinceRecorded {
                    stages?.show("comparing with git")
                    (o.stale, o.driftFindings) = try Self.drift(pair, session: session, checker: checker, aligner: aligner,
                                                                toolkit: toolkit, since: since)
                }
                o.progress = stages.map { s in { done, total in s.show("rendering rows \(done)/\(total)", every: 200, done, total) } }
                let page = HTMLExporter.review(pair, options: o)
                stages?.finish()
                return (page, name, rel, pair.coverage)
            } }
        }, consume: { _, result in
            let (page, name, rel, coverage) = try result.get()
            for a in page.assets where !copied.contains(a.to) {
                copied.insert(a.to)
                try FileManager.default.createDirectory(atPath: assetsDir, withIntermediateDirectories: true)
                let to = (assetsDir as NSString).appendingPathComponent(a.to)
                try? FileManager.default.removeItem(atPath: to)
                do { try FileManager.default.copyItem(atPath: a.from, toPath: to) } catch { throw Failure("\(a.from): cannot copy it to \(to): \(error.localizedDescription)") }
            }
            if !tree.isSet {
                try Output.write(page.html, to: out.output)
                return
            }
            let path = try OutputPaths.inside(dir, name)
            try Output.write(page.html, to: path)
            entries.append((name, rel, coverage, page.counts))
        })
        progress.finish()
        if tree.isSet {
            let index = try OutputPaths.inside(dir, "index.html")
            try Output.write(HTMLExporter.index(entries, messages: session.messages), to: index)
            Output.warn("wrote \(entries.count) page\(entries.count == 1 ? "" : "s") under \((dir as NSString).appendingPathComponent("pages"))/ and the overview \(index)")
        }
        if session.inputProblems > 0 { throw ExitCode(2) }
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Target units whose source changed since the translation, and the drift findings.
    static func drift(_ p: BilingualPair, session: Session, checker: Checker, aligner: DocumentAligner, toolkit: Toolkit,
                      since: String?) throws -> (Set<Int>, [Finding]) {
        let (page, rev) = try SourceHistory.oldSource(p.source.path, target: p.target, since: since, options: session.sourceParseOptions)
        guard let old = page else {
            return (Set(p.target.units.indices), Drift.newPage(newSource: p.source, target: p.target, revision: rev,
                                                              settings: session.settings, messages: session.messages))
        }
        if old.source.bytes == p.source.source.bytes { return ([], []) }
        let al = aligner.align(source: old, sourceAnalyses: checker.analyze(old, toolkit: toolkit), target: p.target, targetAnalyses: p.targetAnalyses)
        return (Drift.staleUnits(oldSource: old, newSource: p.source, target: p.target, alignment: al),
                Drift.findings(oldSource: old, newSource: p.source, target: p.target, alignment: al,
                               settings: session.settings, messages: session.messages))
    }
}

/// What one long export is doing, on standard error when it is a terminal.
final class StageLine {
    let label: String
    let enabled = isatty(2) != 0 && Environment.value("BITEXT_NO_PROGRESS") == nil
    init(label: String) { self.label = label }
    func show(_ stage: String) { show(stage, every: 1, 0, 0) }
    func show(_ stage: String, every: Int, _ done: Int, _ total: Int) {
        guard enabled, done % every == 0 || done == total else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(label): \(stage)…".utf8))
    }
    func finish() { if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) } }
}

extension ExportFormat: NamedValues {}

extension OutputPaths {
    /// `name` inside `dir`, refused when it would land outside (`..`, an absolute path).
    static func inside(_ dir: String, _ name: String) throws -> String {
        if name.hasPrefix("/") || name.split(separator: "/").contains("..") {
            throw Failure(ui("export.outside", ["name": name, "dir": dir]))
        }
        let base = URL(fileURLWithPath: dir).standardizedFileURL.path
        let full = URL(fileURLWithPath: base).appendingPathComponent(name).standardizedFileURL.path
        guard full.hasPrefix(base.hasSuffix("/") ? base : base + "/") else {
            throw Failure(ui("export.outside", ["name": name, "dir": dir]))
        }
        return full
    }
}
