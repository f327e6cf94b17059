import ArgumentParser
import BitextCheck
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

    var threads: Int { max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount) }

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
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
            throw ValidationError("--source-root and --target-root go together")
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
            throw ValidationError("use either --source or --source-root/--target-root, not both")
        }
    }
}

/// Output file option.
struct OutputOptions: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?
}
