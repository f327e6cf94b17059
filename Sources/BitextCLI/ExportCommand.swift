import ArgumentParser
import BitextAlign
import BitextCheck
import BitextMarkdown
import BitextReport
import BitextText
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: UI.help("help.export.abstract"),
        discussion: UI.help("help.export.discussion"))

    @OptionGroup var common: CommonOptions
    @OptionGroup var out: OutputOptions

    @Option(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.export.format", listsValues: true)))
    var format: ExportFormat

    @OptionGroup var tree: TreeOptions
    @Option(name: .customLong("source-lang"), help: ArgumentHelp(UI.optionHelp("help.opt.export.source-lang")))
    var sourceLang: String?
    @Option(name: .customLong("target-lang"), help: ArgumentHelp(UI.optionHelp("help.opt.export.target-lang")))
    var targetLang: String?

    @Argument(help: ArgumentHelp(UI.optionHelp("help.opt.export.files")))
    var files: [String] = []

    func validate() throws {
        if !tree.isSet && files.count != 2 { throw ValidationError(ui("pair.give-files")) }
        if tree.isSet && (format == .html || format == .markdown) && out.output == nil {
            throw ValidationError(ui("export.tree-needs-output", ["format": format.rawValue]))
        }
    }

    func run() throws {
        let session = try Session(common: common)
        let sLang = sourceLang ?? session.source.xmlLang
        let tLang = targetLang ?? session.config.targetLanguageTag ?? session.target.xmlLang
        let jobs = try session.pairs(tree, files: files)
        let checker = Checker(settings: session.settings, messages: session.messages, glossary: session.glossary)
        let aligner = DocumentAligner(functionWords: session.source.functionWords, lettersPerHan: session.target.sourceLettersPerHan)
        let progress = Progress(total: jobs.count, label: ui("progress.exporting"))
        var pairs: [BilingualPair] = []
        try checker.withToolkit { toolkit in
            for job in jobs {
                defer { progress.tick() }
                let s = try session.document(job.source!), t = try session.document(job.target!)
                let sa = checker.analyze(s, toolkit: toolkit), ta = checker.analyze(t, toolkit: toolkit)
                let al = aligner.align(source: s, sourceAnalyses: sa, target: t, targetAnalyses: ta)
                let findings = checker.check(t, analyses: ta, pairing: Pairing(source: s, sourceAnalyses: sa, alignment: al), toolkit: toolkit)
                let coverage = Coverage.bilingual(source: s, sourceAnalyses: sa, target: t, targetAnalyses: ta, alignment: al,
                                                  charactersPerHan: session.target.sourceCharactersPerHan)
                pairs.append(BilingualPair(source: s, target: t, sourceAnalyses: sa, targetAnalyses: ta, alignment: al,
                                           findings: findings, coverage: coverage, sourceLanguage: sLang, targetLanguage: tLang,
                                           charactersPerHan: session.target.sourceCharactersPerHan))
            }
        }
        progress.finish()

        switch format {
        case .tmx: try Output.write(TMXExporter.export(pairs, sourceLang: sLang, targetLang: tLang), to: out.output)
        case .xliff: try Output.write(XLIFFExporter.export(pairs, sourceLang: sLang, targetLang: tLang), to: out.output)
        case .xliff1: try Output.write(XLIFFExporter.export(pairs, sourceLang: sLang, targetLang: tLang, version: 1), to: out.output)
        case .tsv: try Output.write(TSVExporter.export(pairs), to: out.output)
        case .html, .markdown:
            if !tree.isSet {
                let text = format == .html ? HTMLExporter.page(pairs[0]) : MarkdownExporter.export(pairs[0])
                try Output.write(text, to: out.output)
                return
            }
            // A tree: one file per pair under the output folder, and for HTML an index.
            let dir = out.output!
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            var entries: [(page: String, pair: String, coverage: Coverage)] = []
            for (job, pair) in zip(jobs, pairs) {
                let rel = job.relative ?? (job.target! as NSString).lastPathComponent
                let name = (rel as NSString).deletingPathExtension + (format == .html ? ".html" : ".bilingual.md")
                let path = try OutputPaths.inside(dir, name)
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Output.write(format == .html ? HTMLExporter.page(pair) : MarkdownExporter.export(pair), to: path)
                entries.append((name, rel, pair.coverage))
            }
            if format == .html {
                try Output.write(HTMLExporter.index(entries), to: try OutputPaths.inside(dir, "index.html"))
            }
        }
        if session.inputProblems > 0 { throw ExitCode(2) }
    }
}

extension ExportFormat: ExpressibleByArgument {}

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
