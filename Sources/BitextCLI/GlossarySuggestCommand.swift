import ArgumentParser
import BitextAlign
import BitextCheck
import BitextGlossary
import BitextMarkdown
import BitextText
import Foundation

struct GlossarySuggestCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "suggest",
        abstract: UI.help("help.glossary-suggest.abstract"),
        discussion: UI.help("help.glossary-suggest.discussion")) }

    @OptionGroup var common: CommonOptions
    @OptionGroup var out: OutputOptions

    @OptionGroup var tree: TreeOptions
    @Option(name: .customLong("min-count"), help: ArgumentHelp(UI.optionHelp("help.opt.glossary-suggest.min-count")))
    var minCount = 3
    @Option(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.glossary-suggest.dice")))
    var dice = 0.5
    @Option(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.glossary-suggest.limit")))
    var limit = 100

    @Argument(help: ArgumentHelp(UI.optionHelp("help.opt.glossary-suggest.files")))
    var files: [String] = []

    func validate() throws {
        if !tree.isSet && files.count != 2 { throw ValidationError(ui("pair.give-files")) }
    }

    func run() throws {
        let session = try Session(common: common)
        let jobs = try session.pairs(tree, files: files)
        let checker = Checker(settings: session.settings, messages: session.messages, glossary: session.glossary)
        let aligner = DocumentAligner(functionWords: session.source.functionWords, lettersPerHan: session.target.sourceLettersPerHan,
                                    numerals: session.target.numerals)
        // Pairs are mined in parallel, each into its own table, merged in pair order (on one
        // thread, all into one): the rows are the same on any number of threads.
        let miner = TermMiner(functionWords: session.source.functionWords, generalWords: session.source.generalWords,
                              grammatical: session.target.functionCharacters, lexicon: Lexicon.shared)
        let progress = Progress(total: jobs.count, label: ui("progress.mining"))
        let threads = common.threads
        try parallelOrdered(jobs.count, threads: threads, window: 2 * threads, { k -> Result<TermMiner, Error> in
            defer { progress.tick() }
            let job = jobs[k]
            return Result { try checker.withToolkit { toolkit -> TermMiner in
                let s = try session.document(job.source!, asSource: true), t = try session.document(job.target!)
                let sa = checker.analyze(s, toolkit: toolkit), ta = checker.analyze(t, toolkit: toolkit)
                let one = miner.table(workers: min(threads, jobs.count))
                one.add(source: s, sourceAnalyses: sa, target: t, targetAnalyses: ta,
                        alignment: aligner.align(source: s, sourceAnalyses: sa, target: t, targetAnalyses: ta),
                        hanWords: { toolkit.segmenter.hanWords($0) })
                return one
            } }
        }, consume: { _, result in miner.merge(try result.get()) })
        progress.finish()
        // A place names its file from the tree's root (a tree has many an index.md).
        var shown: [String: String] = [:]
        for job in jobs { if let t = job.target { shown[t] = job.relative ?? (t as NSString).lastPathComponent } }
        let known = Set((session.glossary?.glossary.entries ?? []).map { Stemmer.stem($0.source) })
        var rows: [(score: Double, row: String)] = []
        let keep = { (c: TermMiner.Candidate) in !known.contains(c.stem) && c.renderings[0].dice >= dice }
        for c in miner.candidates(minCount: minCount, minDice: 0.3, threads: common.threads, where: keep) {
            let best = c.renderings[0]
            let places = best.places(first: 3).map { "\(shown[$0.file] ?? ($0.file as NSString).lastPathComponent):\($0.line)" }.joined(separator: ", ")
            if best.text.hasPrefix("=") {
                // The English word itself, kept in the Chinese.
                let comment = ui("glossary.suggest.kept", ["together": "\(best.together)", "occurrences": "\(c.occurrences)", "places": places])
                rows.append((Double(best.together) * best.dice, "\(c.surface)\t\t\(comment)\t\t\tkeep-as-is"))
            } else {
                let comment = ui("glossary.suggest.rendered", ["together": "\(best.together)", "occurrences": "\(c.occurrences)",
                                                               "dice": String(format: "%.2f", best.dice), "places": places])
                rows.append((Double(best.together) * best.dice, "\(c.surface)\t\(best.text)\t\(comment)"))
            }
        }
        rows.sort { ($0.score, $1.row) > ($1.score, $0.row) }
        var text = "source\ttarget\tcomment\tforbidden\talternatives\tflags\n"
        for r in rows.prefix(limit) { text += r.row.replacingOccurrences(of: #"\t+$"#, with: "", options: .regularExpression) + "\n" }
        try Output.write(text, to: out.output)
        if session.inputProblems > 0 { throw ExitCode(2) }
    }
}
