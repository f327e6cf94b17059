import ArgumentParser
import BitextCheck
import BitextGlossary
import BitextText
import Foundation

struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: UI.help("help.glossary.abstract"),
        subcommands: [GlossaryLintCommand.self, GlossaryConvertCommand.self, GlossarySuggestCommand.self])
}

struct GlossaryLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: UI.help("help.glossary-lint.abstract"),
        discussion: UI.help("help.glossary-lint.discussion"))

    @Argument(help: "Glossary files (TSV, TBX, Markdown table).")
    var files: [String]

    @OptionGroup var language: LanguageOption

    func run() throws {
        try language.apply()
        var glossary = Glossary()
        var problems: [GlossaryProblem] = []
        for f in files {
            do {
                glossary.entries += try Glossary.load(f).entries
            } catch {
                throw Failure(error.description)
            }
            if let text = try? String(contentsOfFile: f, encoding: .utf8), !f.hasSuffix(".tbx"), !f.hasSuffix(".xml"), !f.hasSuffix(".md") {
                problems += GlossaryLint.checkText(text, file: f)
            }
        }
        problems += GlossaryLint.check(glossary)
        for p in problems { print("\(p.file):\(p.line): warning: \(p.message) [\(p.id)]") }
        print("\(glossary.entries.count) entries in \(files.count) file\(files.count == 1 ? "" : "s"): \(problems.count) problem\(problems.count == 1 ? "" : "s")")
        if !problems.isEmpty { throw ExitCode(1) }
    }
}

struct GlossaryConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: UI.help("help.glossary-convert.abstract"),
        discussion: UI.help("help.glossary-convert.discussion"))

    @Argument(help: "Glossary file to read (.tsv, .tbx/.xml, .md).")
    var input: String

    @Option(name: .long, help: "Output format: tsv or tbx (default: from the -o extension, else tsv).")
    var to: String?

    @Option(name: .customLong("source-lang"), help: "Source language tag in TBX.")
    var sourceLang = "en"

    @Option(name: .customLong("target-lang"), help: "Target language tag in TBX.")
    var targetLang = "zh-Hans"

    @OptionGroup var out: OutputOptions
    @OptionGroup var language: LanguageOption

    func run() throws {
        try language.apply()
        let g: Glossary
        do { g = try Glossary.load(input) } catch { throw Failure(error.description) }
        let format = to ?? (out.output.map { ($0 as NSString).pathExtension.lowercased() } ?? "tsv")
        switch format {
        case "tbx", "xml": try Output.write(TBX.write(g, sourceLanguage: sourceLang, targetLanguage: targetLang), to: out.output)
        case "tsv", "txt": try Output.write(TSV.write(g), to: out.output)
        default: throw Failure(ui("glossary.unknown-format", ["format": format]))
        }
    }
}
