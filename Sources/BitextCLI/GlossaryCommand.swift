import ArgumentParser
import BitextCheck
import BitextGlossary
import BitextText
import Foundation

struct GlossaryCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "glossary",
        abstract: UI.help("help.glossary.abstract"),
        subcommands: [GlossaryLintCommand.self, GlossaryConvertCommand.self, GlossarySuggestCommand.self]) }
}

struct GlossaryLintCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "lint",
        abstract: UI.help("help.glossary-lint.abstract"),
        discussion: UI.help("help.glossary-lint.discussion")) }

    @Argument(help: ArgumentHelp(UI.optionHelp("help.opt.glossary-lint.files")))
    var files: [String] = []

    @Option(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.glossary-lint.config"), valueName: "file"))
    var config: String?

    @OptionGroup var language: LanguageOption

    func run() throws {
        try language.apply()
        var paths = files
        if paths.isEmpty {
            // The glossaries the project uses (pre-commit: not every *.tsv of the repository).
            guard let found = config ?? Config.find() else { throw Failure(ui("glossary.lint.nothing")) }
            let c: Config
            do { c = try Config.load(found) } catch { throw Failure(error.description) }
            if c.lang != nil && language.lang == nil { try UI.setLanguage(c.lang) }
            paths = c.glossaries.map { Inputs.relative($0, to: FileManager.default.currentDirectoryPath) }
            if paths.isEmpty { throw Failure(ui("glossary.lint.none-configured", ["config": found])) }
        }
        var glossary = Glossary()
        var problems: [GlossaryProblem] = []
        for f in paths {
            let loaded: Glossary
            do { loaded = try Glossary.load(f) } catch { throw Failure(error.text) }
            glossary.entries += loaded.entries
            let ext = (f as NSString).pathExtension.lowercased()
            if !["tbx", "xml", "md", "markdown"].contains(ext), let text = try? String(contentsOfFile: f, encoding: .utf8) {
                if GlossaryLint.notAGlossary(loaded.entries, text: text) != nil {
                    throw Failure(InputError(file: f, ui("glossary.lint.not-a-glossary")).description)
                }
                problems += GlossaryLint.checkText(text, file: f)
            }
        }
        problems += GlossaryLint.check(glossary)
        let m = Messages.current
        for p in problems {
            let message = m.text("glossary-lint.\(p.id)", p.values, english: p.message)
            print("\(p.file):\(p.line): \(ui("severity.warning")): \(message) [\(p.id)]")
        }
        print(ui("glossary.lint.summary", ["entries": UI.count(glossary.entries.count, "entry"), "files": UI.count(paths.count, "file"),
                                          "problems": UI.count(problems.count, "problem")]))
        if !problems.isEmpty { throw ExitCode(1) }
    }
}

struct GlossaryConvertCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "convert",
        abstract: UI.help("help.glossary-convert.abstract"),
        discussion: UI.help("help.glossary-convert.discussion")) }

    @Argument(help: ArgumentHelp(UI.optionHelp("help.opt.glossary-convert.input")))
    var input: String

    @Option(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.glossary-convert.to")))
    var to: String?

    @Option(name: .customLong("source-lang"), help: ArgumentHelp(UI.optionHelp("help.opt.glossary-convert.source-lang")))
    var sourceLang = "en"

    @Option(name: .customLong("target-lang"), help: ArgumentHelp(UI.optionHelp("help.opt.glossary-convert.target-lang")))
    var targetLang = "zh-Hans"

    @OptionGroup var out: OutputOptions
    @OptionGroup var language: LanguageOption

    func run() throws {
        try language.apply()
        let g: Glossary
        do { g = try Glossary.load(input) } catch { throw Failure(error.text) }
        let format = to ?? (out.output.flatMap { $0 == "-" ? nil : ($0 as NSString).pathExtension.lowercased() } ?? "tsv")
        switch format {
        case "tbx", "xml": try Output.write(TBX.write(g, sourceLanguage: sourceLang, targetLanguage: targetLang), to: out.output)
        case "tsv", "txt": try Output.write(TSV.write(g), to: out.output)
        default: throw Failure(ui("glossary.unknown-format", ["format": format]))
        }
    }
}
