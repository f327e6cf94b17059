import ArgumentParser
import BitextAlign
import BitextCheck
import BitextMarkdown
import BitextReport
import BitextText
import Foundation

struct DriftCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "drift",
        abstract: UI.help("help.drift.abstract"),
        discussion: UI.help("help.drift.discussion")) }

    @OptionGroup var common: CommonOptions
    @OptionGroup var out: OutputOptions
    @OptionGroup var report: ReportOptions

    @Option(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.drift.since")))
    var since: String?
    @Flag(name: .customLong("since-recorded"), help: ArgumentHelp(UI.optionHelp("help.opt.drift.since-recorded")))
    var sinceRecorded = false
    @Flag(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.drift.record")))
    var record = false
    @Flag(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.drift.fix")))
    var fix = false
    @Option(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.drift.format", listsValues: true)))
    var format: FindingFormat = .text
    @Option(name: .customLong("fail-on"), help: ArgumentHelp(UI.optionHelp("help.opt.drift.fail-on", listsValues: true)))
    var failOn: Severity?

    @Argument(help: ArgumentHelp(UI.optionHelp("help.opt.drift.paths")))
    var paths: [String] = []

    func validate() throws {
        if record {
            if since != nil || sinceRecorded || fix { throw ValidationError("--record writes the revision; use it without --since, --since-recorded or --fix") }
            if paths.count != 2 { throw ValidationError("with --record give NEW_SOURCE TARGET (files or folders)") }
            return
        }
        let git = since != nil || sinceRecorded
        if git && paths.count != 2 { throw ValidationError(ui("drift.git-args")) }
        if !git && paths.count != 3 { throw ValidationError(ui("drift.args")) }
        if since != nil && sinceRecorded { throw ValidationError(ui("since.both")) }
    }

    struct Triple { var old: String?; var new: String; var target: String }

    func run() throws {
        let session = try Session(common: common)
        let git = since != nil || sinceRecorded || record
        let (oldRoot, newRoot, targetRoot) = git ? (nil, paths[0], paths[1]) : (paths[0] as String?, paths[1], paths[2])
        var isDir: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: newRoot, isDirectory: &isDir)
        var triples: [Triple] = []
        if isDir.boolValue {
            let targets: [String]
            do { targets = try session.collect([targetRoot]) } catch let e as InputError { throw Failure(e.description) }
            for t in targets {
                let rel = Inputs.relative(t, to: targetRoot)
                let n = (newRoot as NSString).appendingPathComponent(rel)
                guard FileManager.default.fileExists(atPath: n) else { continue }
                triples.append(Triple(old: oldRoot.map { ($0 as NSString).appendingPathComponent(rel) }, new: n, target: t))
            }
        } else {
            triples.append(Triple(old: oldRoot, new: newRoot, target: targetRoot))
        }
        if record { return try recordRevisions(triples, session: session) }
        let checker = Checker(settings: session.settings, messages: session.messages, glossary: nil, rules: [])
        let aligner = DocumentAligner(functionWords: session.source.functionWords, lettersPerHan: session.target.sourceLettersPerHan,
                                    numerals: session.target.numerals)
        let progress = Progress(total: triples.count, label: ui("progress.comparing"), quiet: report.quiet)
        let fixedCount = Counter()
        // Findings are reported in path order: files are compared in parallel and written in
        // that order as they finish, a few files ahead at most.
        triples.sort { $0.target < $1.target }
        let threshold = failOn ?? session.config.failOn ?? .error
        var reporter = format.reporter(style: report.style(output: out.output, failOn: threshold))
        let sink = try Output.Sink(out.output, hold: progress.isShown && Output.stdoutIsTerminal)
        var begun = false, failed = 0, failing = false
        var summary = Summary()
        let threads = common.threads
        parallelOrdered(triples.count, threads: threads, window: 4 * threads, { k -> Result<[Finding], Error> in
            defer { progress.tick() }
            let tr = triples[k]
            return Result { try checker.withToolkit { toolkit -> [Finding] in
                let target = try session.document(tr.target)
                let new = try session.document(tr.new, asSource: true)
                let old: Document
                if let o = tr.old {
                    guard FileManager.default.fileExists(atPath: o) else {
                        return Drift.newPage(newSource: new, target: target, revision: oldRoot ?? o,
                                             settings: session.settings, messages: session.messages)
                    }
                    old = try session.document(o, asSource: true)
                } else {
                    let (page, rev) = try SourceHistory.oldSource(tr.new, target: target, since: since, options: session.sourceParseOptions)
                    guard let page else {
                        return Drift.newPage(newSource: new, target: target, revision: rev,
                                             settings: session.settings, messages: session.messages)
                    }
                    old = page
                }
                // An unchanged source needs no alignment: nothing drifted.
                if old.source.bytes == new.source.bytes { return [] }
                let oa = checker.analyze(old, toolkit: toolkit), ta = checker.analyze(target, toolkit: toolkit)
                let al = aligner.align(source: old, sourceAnalyses: oa, target: target, targetAnalyses: ta)
                var findings = Drift.findings(oldSource: old, newSource: new, target: target, alignment: al,
                                              settings: session.settings, messages: session.messages)
                if fix, findings.contains(where: { $0.fix != nil }) {
                    let (bytes, applied) = Fixer.apply(findings, to: target.source)
                    if !applied.isEmpty {
                        do { try Fixer.write(bytes, to: tr.target) } catch { throw Failure("\(error)") }
                        fixedCount.add(applied.count)
                        findings = findings.filter { f in !applied.contains { $0.span == f.span && $0.rule == f.rule } }
                    }
                }
                return findings.sorted(by: Finding.ordered)
            } }
        }, consume: { _, r in
            switch r {
            case .success(let findings):
                // The report begins with the first file compared (none compared: no report).
                if !begun { sink.write(reporter.begin()); begun = true }
                for f in findings {
                    summary.count(f)
                    if f.severity >= threshold { failing = true }
                }
                sink.write(reporter.add(findings))
            case .failure(let e):
                progress.clear()
                Output.warn((e as? Failure)?.message ?? "\(e)"); failed += 1
            }
        })
        progress.finish()
        if fix && !report.quiet {
            Output.warn(ui("fix.done.findings", ["findings": UI.count(fixedCount.value, "finding")]))
        }
        // Nothing could be compared (git failed, say): the error is the whole answer, no summary.
        if failed > 0 && failed == triples.count { throw ExitCode(2) }
        if !begun { sink.write(reporter.begin()) }
        summary.files = triples.count - failed
        summary.unreadable = failed + session.inputProblems
        sink.write(reporter.end(summary))
        try sink.close()
        if failed > 0 || session.inputProblems > 0 { throw ExitCode(2) }
        if failing { throw ExitCode(1) }
    }

    /// `--record`: each translation gets its source's current revision, in the convention it
    /// already uses or the configured one.
    func recordRevisions(_ triples: [Triple], session: Session) throws {
        let style = session.config.recordRevision.flatMap(SourceHistory.RecordStyle.init(rawValue:))
        var failed = false
        for tr in triples {
            do {
                let target = try session.document(tr.target)
                let rev = try SourceHistory.currentRevision(tr.new)
                let name = (tr.new as NSString).lastPathComponent
                if let (bytes, how) = SourceHistory.stamp(target, revision: rev, sourceName: name, style: style) {
                    do { try Fixer.write(bytes, to: tr.target) } catch { throw Failure("\(error)") }
                    print(ui("drift.recorded", ["file": tr.target, "rev": rev, "how": "\(how)"]))
                } else {
                    print(ui("drift.already-records", ["file": tr.target, "rev": rev]))
                }
            } catch {
                Output.warn((error as? Failure)?.message ?? "\(error)"); failed = true
            }
        }
        if failed || session.inputProblems > 0 { throw ExitCode(2) }
    }
}

/// A count shared by worker threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add(_ k: Int) { lock.lock(); n += k; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
}
