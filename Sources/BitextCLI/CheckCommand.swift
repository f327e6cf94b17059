import ArgumentParser
import BitextAlign
import BitextCheck
import BitextMarkdown
import BitextReport
import BitextText
import Foundation

struct CheckCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "check",
        abstract: UI.help("help.check.abstract"),
        discussion: UI.help("help.check.discussion")) }

    @OptionGroup var common: CommonOptions
    @OptionGroup var pairing: PairingOptions
    @OptionGroup var out: OutputOptions
    @OptionGroup var report: ReportOptions

    @Option(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.check.format", listsValues: true)))
    var format: FindingFormat = .text

    @Option(name: .customLong("fail-on"), help: ArgumentHelp(UI.optionHelp("help.opt.check.fail-on", listsValues: true)))
    var failOn: Severity?

    @Option(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.check.spacing", listsValues: true)))
    var spacing: SpacingPolicy?

    @Flag(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.check.fix")))
    var fix = false

    @Flag(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.check.alone")))
    var alone = false

    @Argument(help: ArgumentHelp(UI.optionHelp("help.opt.check.paths")))
    var paths: [String] = []

    func run() throws {
        let session = try Session(common: common, spacing: spacing)
        // In path order, the order findings are reported in.
        let work = try session.jobs(paths: paths, pairing: pairing).filter { $0.target != nil }.sorted { $0.target! < $1.target! }
        let checker = Checker(settings: session.settings, messages: session.messages, glossary: session.glossary)
        // The aligner (its tables cost more than checking a small file) only when a file has a source.
        let aligner = work.contains { $0.source != nil }
            ? DocumentAligner(functionWords: session.source.functionWords, lettersPerHan: session.target.sourceLettersPerHan,
                                    numerals: session.target.numerals) : nil
        let threads = common.threads
        // Findings on short English units wait for the whole project's evidence (labels it
        // translates, English conventions); they are reported after the files. A file checked
        // alone has the Chinese files beside it in its folder for its project, as in a check of
        // that folder (a heading every page keeps in English is the project's convention there
        // too, and a label of words they keep in English is a name) but for its own labels'
        // severity; --alone leaves them out.
        let neighbours = work.count == 1 && !alone
            ? work[0].target.map { Inputs.neighbours(of: $0, ignore: session.config.ignore, base: session.config.directory) } ?? []
            : []
        checker.defersProjectFindings = work.count > 1 || !neighbours.isEmpty
        let project = ProjectEvidence()
        parallelOrdered(neighbours.count, threads: threads, window: 4 * threads, { k -> ProjectEvidence? in
            (try? checker.withToolkit { toolkit -> ProjectEvidence? in
                guard let doc = try? session.document(neighbours[k]) else { return nil }
                return ProjectEvidence.of(doc, checker.analyze(doc, toolkit: toolkit))
            }) ?? nil
        }, consume: { _, evidence in
            if let evidence { project.mergeConventions(evidence) }
        })
        var deferred: [DeferredFinding] = []
        let held = HeldFindings()
        var pageLinks: [PageAnchorLink] = []
        let progress = Progress(total: work.count, label: ui("progress.checking"), quiet: report.quiet)
        // --fix writes files named on the command line, files inside the folders named there,
        // and the targets of the pairs (given with --source/--target-root or configured).
        var explicit = Set(paths)
        if let t = paths.first, pairing.source != nil { explicit.insert(t) }
        let roots = paths.filter(Inputs.isDirectory)
            + session.targetRoots
        let pairedTargets = session.pairedTargets

        struct Result {
            var written: WrittenFindings?
            var notes: [Note] = []
            var problems: [String] = []
            var fixed = 0
            var failed = false
            var miner: TermMiner?
            var deferred: [DeferredFinding] = []
            var evidence: ProjectEvidence?
            var pageLinks: [PageAnchorLink] = []
        }
        let mine = work.contains { $0.source != nil } && session.settings.severity(id: "glossary-inconsistent", default: .info) != nil
        let threshold = failOn ?? session.config.failOn ?? .error
        var reporter = format.reporter(rules: RuleRegistry.all, style: report.style(output: out.output, failOn: threshold))
        let sink = try Output.Sink(out.output, hold: progress.isShown && Output.stdoutIsTerminal)
        sink.write(reporter.begin())
        // The workers write each file's findings (what the report holds of them, as far as it
        // does not depend on the findings before), so that the calling thread, which writes the
        // report in order, has little left to do; a file's findings may be held to the end.
        let writer = reporter
        var summary = Summary()
        var worst: Severity? = nil
        func count(_ findings: [Finding]) {
            for f in findings {
                summary.count(f)
                if worst.map({ f.severity > $0 }) ?? true { worst = f.severity }
            }
        }
        func emit(_ findings: [Finding]) {
            count(findings)
            write(writer.written(findings))
        }
        /// Findings counted already, and `more` of the same file.
        func write(_ written: WrittenFindings, merging more: [Finding] = []) {
            count(more)
            var bytes: [UInt8] = []
            reporter.add(written, merging: more, into: &bytes)
            sink.write(bytes: bytes)
        }
        // Findings of many files (sorted by file) reported a file at a time, so that no report of
        // them all is ever built at once.
        func emitByFile(_ findings: [Finding]) {
            var start = 0
            while start < findings.count {
                var end = start + 1
                while end < findings.count && findings[end].file == findings[start].file { end += 1 }
                emit(Array(findings[start..<end]))
                start = end
            }
        }
        var problems = 0, fixed = 0, fixedFiles = 0
        let all = TermMiner(functionWords: session.source.functionWords, generalWords: session.source.generalWords,
                            grammatical: session.target.functionCharacters,
                            lexicon: mine ? Lexicon.shared : nil)
        // Files are checked in parallel and reported in order as they finish, a few files
        // ahead at most, so memory does not grow with the number of files.
        parallelOrdered(work.count, threads: threads, window: 4 * threads, { k -> Result in
            defer { progress.tick() }
            var result = Result()
            let job = work[k]
            do {
                try checker.withToolkit { toolkit in
                    var miner: TermMiner? = nil
                    if mine && job.source != nil {
                        miner = all.table(workers: min(threads, work.count))
                        result.miner = miner
                    }
                    var checked = try checkOne(job, session: session, checker: checker, aligner: aligner, toolkit: toolkit, miner: miner)
                    result.notes = checked.notes
                    var findings = checked.findings
                    if fix, let target = job.target, findings.contains(where: { $0.fix != nil }) {
                        if !explicit.contains(target), !pairedTargets.contains(Inputs.absolute(target)), !Self.isInside(target, roots: roots) {
                            result.problems.append(ui("fix.outside", ["file": target]))
                        } else {
                            let doc = try session.document(target, silentBlocks: false)
                            let (bytes, applied) = Fixer.apply(findings, to: doc.source)
                            if !applied.isEmpty {
                                do { try Fixer.write(bytes, to: target) } catch { throw Failure("\(error)") }
                                result.fixed = applied.count
                                checked = try checkOne(job, session: session, checker: checker, aligner: aligner, toolkit: toolkit, miner: nil)
                                findings = checked.findings
                            }
                        }
                    }
                    result.written = writer.written(findings)  // in order: Checker.check sorts them
                    result.deferred = checked.deferred
                    result.pageLinks = checked.pageLinks
                    result.evidence = checked.evidence
                }
            } catch let f as Failure {
                result.problems.append(f.message)
                result.failed = true
            } catch {
                result.problems.append("\(job.target ?? "?"): \(error)")
                result.failed = true
            }
            return result
        }, consume: { k, result in
            if !result.problems.isEmpty { progress.clear() }
            for p in result.problems { Output.warn(p) }
            if common.verbose {
                if !result.notes.isEmpty { progress.clear() }
                for n in result.notes { Output.warn("\(n.file):\(n.line): " + ui("note", ["message": n.message])) }
            }
            problems += result.problems.count
            if result.failed { summary.unreadable += 1 } else { summary.files += 1 }
            if result.fixed > 0 { fixed += result.fixed; fixedFiles += 1 }
            if let m = result.miner { all.merge(m) }
            if let e = result.evidence { project.merge(e) }
            // A file with findings that wait for the project is held, with every file after it,
            // so that each file's findings come together and in line order once it is decided.
            let written = result.written ?? writer.written([])
            count(written.findings)
            if !held.isEmpty || !result.deferred.isEmpty {
                held.hold(work[k].target!, written, waits: !result.deferred.isEmpty)
            } else {
                write(written)
            }
            deferred += result.deferred
            pageLinks += result.pageLinks
        })
        progress.finish()
        if !held.isEmpty {
            let decided = project.resolve(deferred, settings: session.settings)
            var next = 0
            held.release { file, written in
                let start = next
                while next < decided.count, decided[next].file == file { next += 1 }
                write(written, merging: Array(decided[start..<next]))
            }
            emitByFile(Array(decided[next...]))
        }
        // Project-wide findings need every file: they come last. Links to anchors of other
        // pages of the run first.
        if !pageLinks.isEmpty {
            // Only files a link may name need their absolute path (Foundation's, about 25 K
            // instructions each): those whose name is a candidate page's.
            // (`NSString.lastPathComponent` cost as much again.)
            // (Splitting 950 paths into Characters cost 32 M instructions: an ASCII path by bytes.)
            func name(_ path: String) -> Substring {
                let utf8 = path.utf8
                if utf8.allSatisfy({ $0 < 0x80 }), utf8.last != 0x2F {
                    return path[(utf8.lastIndex(of: 0x2F).map { utf8.index(after: $0) } ?? utf8.startIndex)...]
                }
                return path.split(separator: "/").last ?? path[...]
            }
            let names = Set(pageLinks.flatMap { PageAnchorLink.candidates($0.page) }.map(name))
            var files: [String: String] = [:]
            for job in work {
                if let t = job.target, names.contains(name(t)) { files[Inputs.absolute(t)] = t }
            }
            emitByFile(PageAnchorLink.broken(pageLinks, files: files, load: { try? session.document($0) }))
        }
        if mine {
            emitByFile(ProjectChecks.inconsistentRenderings(all, glossary: session.glossary?.glossary, settings: session.settings,
                                                            messages: session.messages, threads: threads,
                                                            load: { try? session.document($0) })
                .sorted(by: Finding.ordered))
        }
        if fix && !report.quiet {
            Output.warn(ui("fix.done", ["findings": UI.count(fixed, "finding"), "files": UI.count(fixedFiles, "file")]))
        }
        summary.unreadable += session.inputProblems
        sink.write(reporter.end(summary))
        try sink.close()
        if problems > 0 || session.inputProblems > 0 { throw ExitCode(2) }
        if let worst, worst >= threshold { throw ExitCode(1) }
    }

    func checkOne(_ job: Job, session: Session, checker: Checker, aligner: DocumentAligner?, toolkit: Toolkit,
                  miner: TermMiner?) throws -> Checker.Result {
        guard let targetPath = job.target else { return .empty }
        // A translation's silent blocks (code-only table cells) are read only in bilingual mode:
        // the aligner keys table rows on them and code-mismatch compares them.
        let doc = try session.document(targetPath, silentBlocks: job.source != nil && aligner != nil)
        // In bilingual mode the source's inline code names things in the translation too.
        let src = try job.source.map { try session.document($0, asSource: true) }
        let analyses = checker.analyze(doc, toolkit: toolkit, codeOf: src)
        var pairing: Pairing? = nil
        if let src, let aligner {
            let srcAnalyses = checker.analyze(src, toolkit: toolkit)
            let alignment = aligner.align(source: src, sourceAnalyses: srcAnalyses, target: doc, targetAnalyses: analyses)
            // The glossary's terms in the source, found once for the miner and the rules.
            let terms = miner != nil ? session.glossary.map { Pairing.termHits($0, source: src, analyses: srcAnalyses) } : nil
            pairing = Pairing(source: src, sourceAnalyses: srcAnalyses, alignment: alignment, sourceTermHits: terms)
            miner?.add(source: src, sourceAnalyses: srcAnalyses, target: doc, targetAnalyses: analyses, alignment: alignment,
                       glossaryTerms: terms, hanWords: { toolkit.segmenter.hanWords($0) })
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

/// An option's values, named by their raw text. ArgumentParser's own defaults describe each value
/// by string interpolation through a key path: reflection and conformance look-ups that cost
/// every run about 4 million instructions for the four options of `check`. The texts are the same.
public protocol NamedValues: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension NamedValues {
    public static var allValueStrings: [String] { allCases.map { $0.rawValue } }
    public var defaultValueDescription: String { rawValue }
    public static var allValueDescriptions: [String: String] { [:] }
}

extension FindingFormat: NamedValues {}
extension Severity: NamedValues {}
extension SpacingPolicy: NamedValues {}
