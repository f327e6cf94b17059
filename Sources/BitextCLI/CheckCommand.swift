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

    @Option(name: .long, help: "Worker threads (default: all cores).")
    var jobs: Int?

    @Argument(help: "Target files or directories (*.md, *.markdown, *.mdx).")
    var paths: [String] = []

    func run() throws {
        let session = try Session(common: common, spacing: spacing)
        let work = try session.jobs(paths: paths, pairing: pairing).filter { $0.target != nil }
        let checker = Checker(settings: session.settings, messages: session.messages, glossary: session.glossary)
        let aligner = DocumentAligner(functionWords: session.source.functionWords, lettersPerHan: session.target.sourceLettersPerHan)
        let threads = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let progress = Progress(total: work.count, label: "checking")
        let explicit = Set(paths)
        let roots = paths.filter { p in var d: ObjCBool = false; return FileManager.default.fileExists(atPath: p, isDirectory: &d) && d.boolValue }

        struct Result {
            var findings: [Finding] = []
            var problems: [String] = []
            var fixed = 0
            var miner: TermMiner?
        }
        let mine = work.contains { $0.source != nil } && session.settings.severity(id: "glossary-inconsistent", default: .info) != nil
        let results: [Result] = parallelMap(work.count, threads: threads) { k in
            defer { progress.tick() }
            var result = Result()
            let job = work[k]
            do {
                try checker.withToolkit { toolkit in
                    var miner: TermMiner? = nil
                    if mine && job.source != nil { miner = TermMiner(functionWords: session.source.functionWords, generalWords: session.source.generalWords); result.miner = miner }
                    var findings = try checkOne(job, session: session, checker: checker, aligner: aligner, toolkit: toolkit, miner: miner)
                    if fix, let target = job.target, findings.contains(where: { $0.fix != nil }) {
                        if !explicit.contains(target), !Self.isInside(target, roots: roots) {
                            result.problems.append("\(target): not fixed: it lies outside the folders given (name it explicitly to fix it)")
                        } else {
                            let doc = try session.document(target)
                            let (bytes, applied) = Fixer.apply(findings, to: doc.source)
                            if !applied.isEmpty {
                                do { try Fixer.write(bytes, to: target) } catch { throw Failure("\(error)") }
                                result.fixed = applied.count
                                findings = try checkOne(job, session: session, checker: checker, aligner: aligner, toolkit: toolkit, miner: nil)
                            }
                        }
                    }
                    result.findings = findings
                }
            } catch let f as Failure {
                result.problems.append(f.message)
            } catch {
                result.problems.append("\(job.target ?? "?"): \(error)")
            }
            return result
        }
        progress.finish()
        var findings = results.flatMap(\.findings)
        let problems = results.flatMap(\.problems)
        if mine {
            let all = TermMiner(functionWords: session.source.functionWords, generalWords: session.source.generalWords)
            for r in results { if let m = r.miner { all.merge(m) } }
            findings += ProjectChecks.inconsistentRenderings(all, glossary: session.glossary?.glossary, settings: session.settings,
                                                             messages: session.messages, load: { try? session.document($0) })
        }
        for p in problems { Output.warn(p) }
        if fix {
            let fixed = results.reduce(0) { $0 + $1.fixed }
            let files = results.filter { $0.fixed > 0 }.count
            Output.warn("fixed \(fixed) finding\(fixed == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")")
        }
        findings.sort(by: Finding.ordered)
        let summary = Summary(files: work.count, findings: findings)
        let colour = format == .text && out.output == nil && Output.stdoutIsTerminal
            && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
        let reporter = format.reporter(colour: colour, rules: RuleRegistry.all)
        try Output.write(reporter.report(findings, summary: summary), to: out.output)
        if !problems.isEmpty || session.inputProblems > 0 { throw ExitCode(2) }
        let threshold = failOn ?? session.config.failOn ?? .error
        if findings.contains(where: { $0.severity >= threshold }) { throw ExitCode(1) }
    }

    func checkOne(_ job: Job, session: Session, checker: Checker, aligner: DocumentAligner, toolkit: Toolkit,
                  miner: TermMiner?) throws -> [Finding] {
        guard let targetPath = job.target else { return [] }
        let doc = try session.document(targetPath)
        let analyses = checker.analyze(doc, toolkit: toolkit)
        var pairing: Pairing? = nil
        if let sourcePath = job.source {
            let src = try session.document(sourcePath)
            let srcAnalyses = checker.analyze(src, toolkit: toolkit)
            let alignment = aligner.align(source: src, sourceAnalyses: srcAnalyses, target: doc, targetAnalyses: analyses)
            pairing = Pairing(source: src, sourceAnalyses: srcAnalyses, alignment: alignment)
            miner?.add(source: src, sourceAnalyses: srcAnalyses, target: doc, targetAnalyses: analyses, alignment: alignment,
                       hanWords: { toolkit.segmenter.hanWords($0) })
        }
        return checker.check(doc, analyses: analyses, pairing: pairing, toolkit: toolkit)
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
