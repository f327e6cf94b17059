import ArgumentParser
import BitextAlign
import BitextCheck
import BitextMarkdown
import BitextReport
import BitextText
import Foundation

struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Report how much of each file and section is translated.",
        discussion: """
            The percentage is the share of the text, measured in source-language characters,
            that is translated (see the README, "Coverage"): bilingual mode measures against the
            source through the aligner, so missing blocks count as untranslated; monolingual mode
            estimates the English size of the Chinese.

            Examples:
              bitext coverage zh/                                # monolingual, every file under zh/
              bitext coverage --source-root en --target-root zh --format markdown
              bitext coverage --source en/intro.md zh/intro.md --min 80    # exit 1 below 80%
              bitext coverage --source-root en --target-root zh --format html -o coverage.html
              bitext coverage --source-root en --target-root zh --since-recorded   # also count stale units

            With --since REV or --since-recorded (bilingual mode, sources in git), units whose
            English changed since the translation was made are counted as stale (see bitext drift).
            """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var pairing: PairingOptions
    @OptionGroup var out: OutputOptions

    @Option(name: .long, help: "text, json, markdown or html.")
    var format: CoverageFormat = .text

    @Option(name: .long, help: ArgumentHelp("Exit 1 when the total is below this percentage.", valueName: "percent"))
    var min: Double?

    @Flag(name: .customLong("no-sections"), help: "Leave out the per-section rows of the text table.")
    var noSections = false

    @Option(name: .long, help: "Count units whose source changed since this git revision as stale (bilingual mode).")
    var since: String?
    @Flag(name: .customLong("since-recorded"), help: "Count units whose source changed since the revision each translation records as stale.")
    var sinceRecorded = false

    var countsStale: Bool { since != nil || sinceRecorded }

    func validate() throws {
        if since != nil && sinceRecorded { throw ValidationError("use --since or --since-recorded, not both") }
        if countsStale && pairing.source == nil && pairing.sourceRoot == nil {
            throw ValidationError("--since and --since-recorded need the source (--source or --source-root)")
        }
    }

    @Argument(help: "Target files or directories (monolingual), or the target with --source.")
    var paths: [String] = []

    func run() throws {
        let session = try Session(common: common)
        if let o = out.output, format == .html { try OutputPaths.check(o) }
        let jobs = try session.jobs(paths: paths, pairing: pairing)
        let checker = Checker(settings: session.settings, messages: session.messages, glossary: nil, rules: [])
        let aligner = DocumentAligner(functionWords: session.source.functionWords, lettersPerHan: session.target.sourceLettersPerHan)
        let perHan = session.target.sourceCharactersPerHan
        let progress = Progress(total: jobs.count, label: "measuring")
        let results: [Result<Coverage, Error>] = parallelMap(jobs.count, threads: common.threads) { k in
            defer { progress.tick() }
            let job = jobs[k]
            do {
                return .success(try checker.withToolkit { toolkit -> Coverage in
                    let target = try job.target.map { try session.document($0) }
                    let ta = target.map { checker.analyze($0, toolkit: toolkit) } ?? []
                    guard let sp = job.source else {
                        return Coverage.monolingual(target!, analyses: ta, charactersPerHan: perHan)
                    }
                    let source = try session.document(sp)
                    let sa = checker.analyze(source, toolkit: toolkit)
                    let al = target.map { aligner.align(source: source, sourceAnalyses: sa, target: $0, targetAnalyses: ta) }
                    var stale = Set<Int>()
                    if countsStale, let target {
                        let (page, _) = try SourceHistory.oldSource(sp, target: target, since: since, options: session.parseOptions)
                        // A page new since the revision: all of its translation is newer than the record.
                        if page == nil { stale = Set(target.units.indices) }
                        if let old = page, old.source.bytes != source.source.bytes {
                            let oal = aligner.align(source: old, sourceAnalyses: checker.analyze(old, toolkit: toolkit),
                                                    target: target, targetAnalyses: ta)
                            stale = Drift.staleUnits(oldSource: old, newSource: source, target: target, alignment: oal)
                        }
                    }
                    var c = Coverage.bilingual(source: source, sourceAnalyses: sa, target: target, targetAnalyses: ta,
                                               alignment: al, charactersPerHan: perHan, stale: stale)
                    if target == nil { c.file = job.relative.map { "(missing) " + $0 } ?? sp }
                    return c
                })
            } catch {
                return .failure(error)
            }
        }
        progress.finish()
        var files: [Coverage] = []
        var failed = false
        for r in results {
            switch r {
            case .success(let c): files.append(c)
            case .failure(let e):
                Output.warn((e as? Failure)?.message ?? "\(e)")
                failed = true
            }
        }
        let report = CoverageReport(files: files)
        let text: String
        switch format {
        case .json: text = report.json(stale: countsStale)
        case .markdown: text = report.markdown(stale: countsStale)
        case .html: text = report.html()
        case .text:
            let width = Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? (Output.stdoutIsTerminal ? terminalWidth() : 100)
            text = report.text(width: width, sections: !noSections, stale: countsStale)
        }
        try Output.write(text, to: out.output)
        if failed || session.inputProblems > 0 { throw ExitCode(2) }
        if let min, report.percent < min { throw ExitCode(1) }
    }

    func terminalWidth() -> Int {
        var w = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &w) == 0, w.ws_col > 20 { return Int(w.ws_col) }
        return 100
    }
}

extension CoverageFormat: ExpressibleByArgument {}

/// Where bitext may write files it names itself (export pages, coverage HTML).
enum OutputPaths {
    /// Refuses an output path that climbs out with `..`.
    static func check(_ path: String) throws {
        if path.split(separator: "/").contains("..") {
            throw Failure("\(path): output paths may not contain '..'")
        }
    }
}
