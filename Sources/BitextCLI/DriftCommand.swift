import ArgumentParser
import BitextAlign
import BitextCheck
import BitextMarkdown
import BitextReport
import BitextText
import Foundation

struct DriftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Find the translated units whose English source changed since they were translated.",
        discussion: """
            The translation was made from OLD_SOURCE; NEW_SOURCE is the English today. Reports
            stale-translation (source edited or moved), orphaned-translation (source deleted) and
            untranslated-insertion (new source text, reported where its translation belongs),
            with the old and new English and a word diff in --format json.

            Examples:
              bitext drift old/intro.md en/intro.md zh/intro.md
              bitext drift en/intro.md zh/intro.md --since v1.2          # OLD_SOURCE from git
              bitext drift en/intro.md zh/intro.md --since-recorded      # the revision the translation records
              bitext drift en/ zh/ --since HEAD~10 --format sarif -o drift.sarif   # trees, same relative paths

            A translation records its source revision with a front-matter key (sourceCommit:,
            source_commit:, sourceRevision:, upstreamCommit:…), a comment <!-- source-commit: REV -->
            or a link to the source file at a commit near the top (…/blob/REV/path/file.md).
            --record writes the source's current revision there (or, when the translation records
            none yet, as record-revision: in bitext.yml says: front-matter or comment):
              bitext drift en/intro.md zh/intro.md --record
            A change of only link destinations is stale-link (info); --fix applies it to the
            translation's links that still have the old destination.
            """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var out: OutputOptions

    @Option(name: .long, help: "Take OLD_SOURCE from git: NEW_SOURCE at this revision.")
    var since: String?
    @Flag(name: .customLong("since-recorded"), help: "Take OLD_SOURCE from git at the revision the translation records.")
    var sinceRecorded = false
    @Flag(name: .long, help: "Record the source's current git revision in each translation (after translating or updating it), instead of reporting.")
    var record = false
    @Flag(name: .long, help: "Apply the safe fixes (stale-link: the new link destination) in place, then report what remains.")
    var fix = false
    @Option(name: .long, help: "text, json, sarif or github.")
    var format: FindingFormat = .text
    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at or above this severity.")
    var failOn: Severity?

    @Argument(help: "OLD_SOURCE NEW_SOURCE TARGET, or NEW_SOURCE TARGET with --since/--since-recorded (files or folders).")
    var paths: [String] = []

    func validate() throws {
        if record {
            if since != nil || sinceRecorded || fix { throw ValidationError("--record writes the revision; use it without --since, --since-recorded or --fix") }
            if paths.count != 2 { throw ValidationError("with --record give NEW_SOURCE TARGET (files or folders)") }
            return
        }
        let git = since != nil || sinceRecorded
        if git && paths.count != 2 { throw ValidationError("with --since or --since-recorded give NEW_SOURCE TARGET") }
        if !git && paths.count != 3 { throw ValidationError("give OLD_SOURCE NEW_SOURCE TARGET (or NEW_SOURCE TARGET --since REV)") }
        if since != nil && sinceRecorded { throw ValidationError("use --since or --since-recorded, not both") }
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
        let aligner = DocumentAligner(functionWords: session.source.functionWords, lettersPerHan: session.target.sourceLettersPerHan)
        let progress = Progress(total: triples.count, label: "comparing")
        let fixedCount = Counter()
        let results: [Result<[Finding], Error>] = parallelMap(triples.count, threads: common.threads) { k in
            defer { progress.tick() }
            let tr = triples[k]
            do {
                return .success(try checker.withToolkit { toolkit -> [Finding] in
                    let target = try session.document(tr.target)
                    let new = try session.document(tr.new)
                    let old: Document
                    if let o = tr.old {
                        guard FileManager.default.fileExists(atPath: o) else {
                            return Drift.newPage(newSource: new, target: target, revision: oldRoot ?? o,
                                                 settings: session.settings, messages: session.messages)
                        }
                        old = try session.document(o)
                    } else {
                        let (page, rev) = try SourceHistory.oldSource(tr.new, target: target, since: since, options: session.parseOptions)
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
                    return findings
                })
            } catch {
                return .failure(error)
            }
        }
        progress.finish()
        if fix {
            let n = fixedCount.value
            Output.warn("fixed \(n) finding\(n == 1 ? "" : "s")")
        }
        var findings: [Finding] = []
        var failed = false
        for r in results {
            switch r {
            case .success(let f): findings += f
            case .failure(let e): Output.warn((e as? Failure)?.message ?? "\(e)"); failed = true
            }
        }
        findings.sort(by: Finding.ordered)
        let summary = Summary(files: triples.count, findings: findings)
        let colour = format == .text && out.output == nil && Output.stdoutIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        try Output.write(format.reporter(colour: colour).report(findings, summary: summary), to: out.output)
        if failed || session.inputProblems > 0 { throw ExitCode(2) }
        let threshold = failOn ?? session.config.failOn ?? .error
        if findings.contains(where: { $0.severity >= threshold }) { throw ExitCode(1) }
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
                    print("\(tr.target): recorded \(rev) (\(how))")
                } else {
                    print("\(tr.target): already records \(rev)")
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
