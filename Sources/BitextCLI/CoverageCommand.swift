import ArgumentParser
import BitextAlign
import BitextCheck
import BitextMarkdown
import BitextReport
import BitextText
import Foundation

struct CoverageCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "coverage",
        abstract: UI.help("help.coverage.abstract"),
        discussion: UI.help("help.coverage.discussion")) }

    @OptionGroup var common: CommonOptions
    @OptionGroup var pairing: PairingOptions
    @OptionGroup var out: OutputOptions

    @Option(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.coverage.format", listsValues: true)))
    var format: CoverageFormat = .text

    @Option(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.coverage.min"), valueName: "percent"))
    var min: Double?

    @Flag(name: .customLong("no-sections"), help: ArgumentHelp(UI.optionHelp("help.opt.coverage.no-sections")))
    var noSections = false

    @Option(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.coverage.since")))
    var since: String?
    @Flag(name: .customLong("since-recorded"), help: ArgumentHelp(UI.optionHelp("help.opt.coverage.since-recorded")))
    var sinceRecorded = false

    var countsStale: Bool { since != nil || sinceRecorded }

    func validate() throws {
        if since != nil && sinceRecorded { throw ValidationError(ui("since.both")) }
        if countsStale && pairing.source == nil && pairing.sourceRoot == nil {
            throw ValidationError(ui("since.needs-source"))
        }
        if let min, !(0...100).contains(min) { throw ValidationError(ui("coverage.min-range", ["min": Self.percent(min)])) }
    }

    static func percent(_ p: Double) -> String { String(format: "%g", p) }

    @Argument(help: ArgumentHelp(UI.optionHelp("help.opt.coverage.paths")))
    var paths: [String] = []

    func run() throws {
        let session = try Session(common: common)
        let jobs = try session.jobs(paths: paths, pairing: pairing)
        let checker = Checker(settings: session.settings, messages: session.messages, glossary: nil, rules: [])
        let aligner = DocumentAligner(functionWords: session.source.functionWords, lettersPerHan: session.target.sourceLettersPerHan,
                                    numerals: session.target.numerals)
        let perHan = session.target.sourceCharactersPerHan
        let progress = Progress(total: jobs.count, label: ui("progress.measuring"))
        // Files are measured in parallel, a few ahead of the one taken in at most; only their
        // counts, sections and gaps are kept (the report's totals need every file).
        var files: [Coverage] = []
        var failed = false
        let threads = common.threads
        parallelOrdered(jobs.count, threads: threads, window: 2 * threads, { k -> Result<Coverage, Error> in
            defer { progress.tick() }
            let job = jobs[k]
            return Result { try checker.withToolkit { toolkit -> Coverage in
                let target = try job.target.map { try session.document($0) }
                let ta = target.map { checker.analyze($0, toolkit: toolkit) } ?? []
                guard let sp = job.source else {
                    return Coverage.monolingual(target!, analyses: ta, charactersPerHan: perHan)
                }
                let source = try session.document(sp, asSource: true)
                let sa = checker.analyze(source, toolkit: toolkit)
                let al = target.map { aligner.align(source: source, sourceAnalyses: sa, target: $0, targetAnalyses: ta) }
                var stale = Set<Int>()
                if countsStale, let target {
                    let (page, _) = try SourceHistory.oldSource(sp, target: target, since: since, options: session.sourceParseOptions)
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
            } }
        }, consume: { _, r in
            switch r {
            case .success(let c): files.append(c)
            case .failure(let e):
                progress.clear()
                Output.warn((e as? Failure)?.message ?? "\(e)")
                failed = true
            }
        })
        progress.finish()
        var report = CoverageReport(files: files)
        report.mode = session.pairedCount > 0 ? (session.aloneCount > 0 ? .mixed : .bilingual) : .monolingual
        report.labels = CoverageLabels(Messages.current)
        let text: String
        switch format {
        case .json: text = report.json(stale: countsStale)
        case .markdown: text = report.markdown(stale: countsStale)
        case .html: text = report.html()
        case .text:
            let width = Output.terminalWidth()
            text = report.text(width: width, sections: !noSections, stale: countsStale)
        }
        try Output.write(text, to: out.output)
        if failed || session.inputProblems > 0 { throw ExitCode(2) }
        if let min, report.percent < min {
            Output.warn(ui("coverage.below-min", ["percent": String(format: "%.1f", report.percent), "min": Self.percent(min)]))
            throw ExitCode(1)
        }
    }
}

extension CoverageFormat: NamedValues {}

/// Where bitext may write files it names itself (the pages of a tree export): inside the
/// folder `-o` names. `-o` itself may be anywhere, `..` included, as the user wrote it.
enum OutputPaths {}
