import ArgumentParser
import BitextAlign
import BitextCheck
import BitextMarkdown
import BitextReport
import BitextText
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Find untranslated and mixed-language text, glossary violations and typography problems.",
        discussion: """
            Examples:
              bitext check zh/                                   # every Markdown file under zh/
              bitext check --source en/intro.md zh/intro.md      # bilingual: also missing blocks, glossary-missing
              bitext check --source-root en --target-root zh --format sarif -o bitext.sarif
              bitext check docs/zh --glossary glossary/genai.tsv --fail-on warning
              bitext check zh/intro.md --fix                     # apply the safe fixes in place

            Exit status: 0 nothing at or above --fail-on, 1 findings at or above it,
            2 could not run (bad arguments, unreadable input, malformed config or glossary).
            """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var pairing: PairingOptions
    @OptionGroup var out: OutputOptions

    @Option(name: .long, help: "text, json, sarif or github.")
    var format: FindingFormat = .text

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at or above this severity: info, warning, error.")
    var failOn: Severity?

    @Option(name: .long, help: "Space between Han and Latin: require, forbid, consistent, off.")
    var spacing: SpacingPolicy?

    @Flag(name: .long, help: "Apply the safe fixes in place (atomically), then report what remains.")
    var fix = false

    @Flag(name: .long, help: "Also say on stderr what was not checked and why (e.g. pairs too uncertainly aligned for the consistency rules).")
    var verbose = false

    @Argument(help: "Target files or directories (*.md, *.markdown, *.mdx).")
    var paths: [String] = []

    func run() throws {
        let session = try Session(common: common, spacing: spacing)
        // In path order, the order findings are reported in.
        let work = try session.jobs(paths: paths, pairing: pairing).filter { $0.target != nil }.sorted { $0.target! < $1.target! }
        let checker = Checker(settings: session.settings, messages: session.messages, glossary: session.glossary)
        let aligner = DocumentAligner(functionWords: session.source.functionWords, lettersPerHan: session.target.sourceLettersPerHan)
        let threads = common.threads
        // Findings on short English units wait for the whole project's evidence (labels it
        // translates, English conventions); they are reported after the files.
        checker.defersProjectFindings = work.count > 1
        let project = ProjectEvidence()
        var deferred: [DeferredFinding] = []
        let progress = Progress(total: work.count, label: "checking")
        let explicit = Set(paths)
        let roots = paths.filter { p in var d: ObjCBool = false; return FileManager.default.fileExists(atPath: p, isDirectory: &d) && d.boolValue }

        struct Result {
            var findings: [Finding] = []
            var notes: [Note] = []
            var problems: [String] = []
            var fixed = 0
            var miner: TermMiner?
            var deferred: [DeferredFinding] = []
            var evidence: ProjectEvidence?
        }
        let mine = work.contains { $0.source != nil } && session.settings.severity(id: "glossary-inconsistent", default: .info) != nil
        let colour = format == .text && out.output == nil && Output.stdoutIsTerminal
            && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
        var reporter = format.reporter(colour: colour, rules: RuleRegistry.all)
        let sink = try Output.Sink(out.output, hold: progress.isShown && Output.stdoutIsTerminal)
        sink.write(reporter.begin())
        var summary = Summary()
        summary.files = work.count
        var worst: Severity? = nil
        func emit(_ findings: [Finding]) {
            for f in findings {
                summary.count(f)
                if worst.map({ f.severity > $0 }) ?? true { worst = f.severity }
            }
            sink.write(reporter.add(findings))
        }
        var problems = 0, fixed = 0, fixedFiles = 0
        let all = TermMiner(functionWords: session.source.functionWords, generalWords: session.source.generalWords)
        // Files are checked in parallel and reported in order as they finish, a few files
        // ahead at most, so memory does not grow with the number of files.
        parallelOrdered(work.count, threads: threads, window: 4 * threads, { k -> Result in
            defer { progress.tick() }
            var result = Result()
            let job = work[k]
            do {
                try checker.withToolkit { toolkit in
                    var miner: TermMiner? = nil
                    if mine && job.source != nil { miner = TermMiner(functionWords: session.source.functionWords, generalWords: session.source.generalWords); result.miner = miner }
                    var checked = try checkOne(job, session: session, checker: checker, aligner: aligner, toolkit: toolkit, miner: miner)
                    result.notes = checked.notes
                    var findings = checked.findings
                    if fix, let target = job.target, findings.contains(where: { $0.fix != nil }) {
                        if !explicit.contains(target), !Self.isInside(target, roots: roots) {
                            result.problems.append("\(target): not fixed: it lies outside the folders given (name it explicitly to fix it)")
                        } else {
                            let doc = try session.document(target)
                            let (bytes, applied) = Fixer.apply(findings, to: doc.source)
                            if !applied.isEmpty {
                                do { try Fixer.write(bytes, to: target) } catch { throw Failure("\(error)") }
                                result.fixed = applied.count
                                checked = try checkOne(job, session: session, checker: checker, aligner: aligner, toolkit: toolkit, miner: nil)
                                findings = checked.findings
                            }
                        }
                    }
                    result.findings = findings  // in order: Checker.check sorts them
                    result.deferred = checked.deferred
                    result.evidence = checked.evidence
                }
            } catch let f as Failure {
                result.problems.append(f.message)
            } catch {
                result.problems.append("\(job.target ?? "?"): \(error)")
            }
            return result
        }, consume: { _, result in
            if !result.problems.isEmpty { progress.clear() }
            for p in result.problems { Output.warn(p) }
            if verbose {
                if !result.notes.isEmpty { progress.clear() }
                for n in result.notes { Output.warn("\(n.file):\(n.line): note: \(n.message)") }
            }
            problems += result.problems.count
            if result.fixed > 0 { fixed += result.fixed; fixedFiles += 1 }
            if let m = result.miner { all.merge(m) }
            if let e = result.evidence { project.merge(e) }
            deferred += result.deferred
            emit(result.findings)
        })
        progress.finish()
        if !deferred.isEmpty { emit(project.resolve(deferred, settings: session.settings)) }
        // Project-wide findings need every file: they come last.
        if mine {
            emit(ProjectChecks.inconsistentRenderings(all, glossary: session.glossary?.glossary, settings: session.settings,
                                                      messages: session.messages, load: { try? session.document($0) })
                .sorted(by: Finding.ordered))
        }
        if fix {
            Output.warn("fixed \(fixed) finding\(fixed == 1 ? "" : "s") in \(fixedFiles) file\(fixedFiles == 1 ? "" : "s")")
        }
        sink.write(reporter.end(summary))
        try sink.close()
        if problems > 0 || session.inputProblems > 0 { throw ExitCode(2) }
        let threshold = failOn ?? session.config.failOn ?? .error
        if let worst, worst >= threshold { throw ExitCode(1) }
    }

    func checkOne(_ job: Job, session: Session, checker: Checker, aligner: DocumentAligner, toolkit: Toolkit,
                  miner: TermMiner?) throws -> Checker.Result {
        guard let targetPath = job.target else { return .empty }
        let doc = try session.document(targetPath)
        // In bilingual mode the source's inline code names things in the translation too.
        let src = try job.source.map { try session.document($0) }
        let analyses = checker.analyze(doc, toolkit: toolkit, codeOf: src)
        var pairing: Pairing? = nil
        if let src {
            let srcAnalyses = checker.analyze(src, toolkit: toolkit)
            let alignment = aligner.align(source: src, sourceAnalyses: srcAnalyses, target: doc, targetAnalyses: analyses)
            pairing = Pairing(source: src, sourceAnalyses: srcAnalyses, alignment: alignment)
            miner?.add(source: src, sourceAnalyses: srcAnalyses, target: doc, targetAnalyses: analyses, alignment: alignment,
                       hanWords: { toolkit.segmenter.hanWords($0) })
        }
        return checker.checkAll(doc, analyses: analyses, pairing: pairing, toolkit: toolkit)
    }

    /// True when the file's real path lies under one of the folders' real paths.
    static func isInside(_ file: String, roots: [String]) -> Bool {
        let real = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
        for r in roots {
            let root = URL(fileURLWithPath: r).resolvingSymlinksInPath().path
            if real.hasPrefix(root.hasSuffix("/") ? root : root + "/") { return true }
        }
        return false
    }
}

extension FindingFormat: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}
extension SpacingPolicy: ExpressibleByArgument {}
