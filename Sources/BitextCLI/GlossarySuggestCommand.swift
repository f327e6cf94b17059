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
        let aligner = DocumentAligner(functionWords: session.source.functionWords, lettersPerHan: session.target.sourceLettersPerHan)
        let miner = TermMiner(functionWords: session.source.functionWords, generalWords: session.source.generalWords)
        try checker.withToolkit { toolkit in
            for job in jobs {
                let s = try session.document(job.source!), t = try session.document(job.target!)
                let sa = checker.analyze(s, toolkit: toolkit), ta = checker.analyze(t, toolkit: toolkit)
                miner.add(source: s, sourceAnalyses: sa, target: t, targetAnalyses: ta,
                          alignment: aligner.align(source: s, sourceAnalyses: sa, target: t, targetAnalyses: ta),
                          hanWords: { toolkit.segmenter.hanWords($0) })
            }
        }
        let known = Set((session.glossary?.glossary.entries ?? []).map { Stemmer.stem($0.source) })
        var rows: [(score: Double, row: String)] = []
        let keep = { (c: TermMiner.Candidate) in !known.contains(c.stem) && c.renderings[0].dice >= dice }
        for c in miner.candidates(minCount: minCount, minDice: 0.3, threads: common.threads, where: keep) {
            let best = c.renderings[0]
            let places = best.places(first: 3).map { "\(($0.file as NSString).lastPathComponent):\($0.line)" }.joined(separator: ", ")
            if best.text.hasPrefix("=") {
                // The English word itself, kept in the Chinese.
                rows.append((Double(best.together) * best.dice,
                             "\(c.surface)\t\tkept in English in \(best.together) of \(c.occurrences) units (\(places))\t\t\tkeep-as-is"))
            } else {
                rows.append((Double(best.together) * best.dice,
                             "\(c.surface)\t\(best.text)\trendered so in \(best.together) of \(c.occurrences) units, Dice \(String(format: "%.2f", best.dice)) (\(places))"))
            }
        }
        rows.sort { ($0.score, $1.row) > ($1.score, $0.row) }
        var text = "source\ttarget\tcomment\tforbidden\talternatives\tflags\n"
        for r in rows.prefix(limit) { text += r.row.replacingOccurrences(of: #"\t+$"#, with: "", options: .regularExpression) + "\n" }
        try Output.write(text, to: out.output)
        if session.inputProblems > 0 { throw ExitCode(2) }
    }
}
