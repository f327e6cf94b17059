import ArgumentParser
import BitextCheck
import BitextReport
import BitextText
import Foundation

/// Options every command shares: languages, configuration, glossaries, pairing.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.locale")))
    var locale: String?

    @Option(name: .customLong("source-locale"), help: ArgumentHelp(UI.optionHelp("help.opt.source-locale")))
    var sourceLocale: String?

    @Option(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.config"), valueName: "file"))
    var config: String?

    @Flag(name: .customLong("no-config"), help: ArgumentHelp(UI.optionHelp("help.opt.no-config")))
    var noConfig = false

    @Option(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.glossary"), valueName: "file"))
    var glossary: [String] = []

    @Option(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.lang")))
    var lang: String?

    @Option(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.jobs")))
    var jobs: Int?

    @Flag(name: [.short, .long], help: ArgumentHelp(UI.optionHelp("help.opt.verbose")))
    var verbose = false

    var threads: Int { max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount) }

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError(ui("jobs.too-few")) }
        if let lang, Messages.validate(lang) == nil {
            throw ValidationError(ui("lang.unknown", ["lang": lang, "langs": Messages.available().joined(separator: ", ")]))
        }
    }
}

/// Two trees paired by relative path.
struct TreeOptions: ParsableArguments {
    @Option(name: .customLong("source-root"), help: ArgumentHelp(UI.optionHelp("help.opt.source-root"), valueName: "dir"))
    var sourceRoot: String?

    @Option(name: .customLong("target-root"), help: ArgumentHelp(UI.optionHelp("help.opt.target-root"), valueName: "dir"))
    var targetRoot: String?

    var isSet: Bool { sourceRoot != nil }

    func validate() throws {
        if (sourceRoot == nil) != (targetRoot == nil) {
            throw ValidationError(ui("roots.together"))
        }
    }
}

/// Options naming the source side of bilingual mode.
struct PairingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.source"), valueName: "file"))
    var source: String?

    @OptionGroup var tree: TreeOptions

    var sourceRoot: String? { tree.sourceRoot }
    var targetRoot: String? { tree.targetRoot }

    func validate() throws {
        if source != nil && sourceRoot != nil {
            throw ValidationError(ui("source-or-roots"))
        }
    }
}

/// Output file option.
struct OutputOptions: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp(UI.optionHelp("help.opt.output"), valueName: "file"))
    var output: String?
}

/// How findings are shown in the text format: quiet, colour, snippets.
struct ReportOptions: ParsableArguments {
    @Flag(name: [.short, .long], help: ArgumentHelp(UI.optionHelp("help.opt.quiet")))
    var quiet = false

    @Option(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.color", listsValues: true), valueName: "when"))
    var color: ColorChoice = .auto

    @Flag(inversion: .prefixedNo, help: ArgumentHelp(UI.optionHelp("help.opt.snippet")))
    var snippet: Bool? = nil

    enum ColorChoice: String, NamedValues { case auto, always, never }

    /// The text format's style for output to `output` (nil: standard output).
    func style(output: String?, failOn: Severity) -> TextStyle {
        let terminal = output == nil && Output.stdoutIsTerminal
        var style = TextStyle()
        switch color {
        case .always: style.colour = true
        case .never: style.colour = false
        case .auto: style.colour = terminal && Environment.nonEmpty("NO_COLOR") == nil
        }
        style.snippets = snippet ?? terminal
        style.width = Output.terminalWidth(default: terminal ? 80 : 100)
        style.quiet = quiet
        style.failOn = failOn
        style.messages = Messages.current
        return style
    }
}

/// `--lang` alone, for the commands that take no other common option (rules, glossary, init).
struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.lang")))
    var lang: String?

    func validate() throws {
        if let lang, Messages.validate(lang) == nil {
            throw ValidationError(ui("lang.unknown", ["lang": lang, "langs": Messages.available().joined(separator: ", ")]))
        }
    }

    /// Sets the run's message language.
    func apply() throws { try UI.setLanguage(lang) }
}
