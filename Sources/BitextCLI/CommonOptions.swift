import ArgumentParser
import BitextCheck
import BitextReport
import BitextText
import Foundation

/// Options every command shares: languages, configuration, glossaries, pairing.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Target locale (zh-Hans, zh-Hant). Default: the config's, else zh-Hans.")
    var locale: String?

    @Option(name: .customLong("source-locale"), help: "Source locale. Default: en.")
    var sourceLocale: String?

    @Option(name: .long, help: ArgumentHelp("Configuration file (default: bitext.yml found by walking up).", valueName: "file"))
    var config: String?

    @Flag(name: .customLong("no-config"), help: "Ignore any bitext.yml.")
    var noConfig = false

    @Option(name: .long, help: ArgumentHelp("Glossary file (TSV or TBX); repeatable.", valueName: "file"))
    var glossary: [String] = []

    @Option(name: .long, help: "Language of messages: en or zh-Hans. Default: from LANG.")
    var lang: String?

    @Option(name: .long, help: "Worker threads (default: all cores). Output is the same whatever the number.")
    var jobs: Int?

    @Flag(name: [.short, .long], help: "Say which files were skipped or paired with which source, and why.")
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
    @Option(name: .customLong("source-root"), help: ArgumentHelp("Source tree, paired with --target-root by relative path.", valueName: "dir"))
    var sourceRoot: String?

    @Option(name: .customLong("target-root"), help: ArgumentHelp("Target tree, paired with --source-root by relative path.", valueName: "dir"))
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
    @Option(name: .long, help: ArgumentHelp("Source (English) file the target is a translation of.", valueName: "file"))
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
    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?
}

/// How findings are shown in the text format: quiet, colour, snippets.
struct ReportOptions: ParsableArguments {
    @Flag(name: [.short, .long], help: "List no findings: print only the summary, and only when something is at or above --fail-on.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("Colour the text output: auto (on a terminal, unless NO_COLOR is set), always or never.", valueName: "when"))
    var color: ColorChoice = .auto

    @Flag(inversion: .prefixedNo, help: "Show each finding's line with a caret underline (default: on a terminal).")
    var snippet: Bool? = nil

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    /// The text format's style for output to `output` (nil: standard output).
    func style(output: String?, failOn: Severity) -> TextStyle {
        let terminal = output == nil && Output.stdoutIsTerminal
        var style = TextStyle()
        switch color {
        case .always: style.colour = true
        case .never: style.colour = false
        case .auto: style.colour = terminal && (ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true)
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
    @Option(name: .long, help: "Language of messages: en or zh-Hans. Default: from LANG.")
    var lang: String?

    func validate() throws {
        if let lang, Messages.validate(lang) == nil {
            throw ValidationError(ui("lang.unknown", ["lang": lang, "langs": Messages.available().joined(separator: ", ")]))
        }
    }

    /// Sets the run's message language.
    func apply() throws { try UI.setLanguage(lang) }
}
