import ArgumentParser
import Foundation

/// The `bitext` command: wires the subcommands together and maps errors to exit statuses
/// (0 ran clean, 1 findings at or above the threshold, 2 could not run as asked).
public struct BitextCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "bitext",
        abstract: "Check, align and export English–Chinese Markdown translations.",
        discussion: """
            Examples:
              bitext check docs/zh                       # untranslated text, glossary, typography
              bitext check --source en/intro.md zh/intro.md
              bitext coverage --source-root en --target-root zh --format markdown
              bitext align en/intro.md zh/intro.md --format json
              bitext export en/intro.md zh/intro.md --format html -o intro.html
              bitext segment zh/intro.md                 # what bitext sees in a file

            Exit status: 0 ran and found nothing at or above --fail-on; 1 found something
            (check) or coverage below --min; 2 could not run (bad arguments, unreadable input,
            malformed config or glossary).
            """,
        version: "0.1.0",
        subcommands: [CheckCommand.self, CoverageCommand.self, AlignCommand.self, ExportCommand.self, DriftCommand.self, GlossaryCommand.self, SegmentCommand.self, RulesCommand.self, InitCommand.self,
                      ImportCommand.self, PretranslateCommand.self, LSPCommand.self])

    public init() {}

    /// Runs the command line and exits with bitext's exit statuses.
    public static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withBitextError: error)
        }
    }

    static func exit(withBitextError error: Error) -> Never {
        if let code = error as? ExitCode { Foundation.exit(code.rawValue) }
        if let failure = error as? Failure {
            FileHandle.standardError.write(Data(("bitext: " + failure.message + "\n").utf8))
            Foundation.exit(failure.status)
        }
        let code = exitCode(for: error)
        let message = fullMessage(for: error)
        if code == .success {
            if !message.isEmpty { print(message) }
            Foundation.exit(0)
        }
        if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
        // Argument errors are "could not run as asked".
        Foundation.exit(2)
    }
}

/// A reason the command cannot run as asked, with the status to exit with (2 unless said).
struct Failure: Error, CustomStringConvertible {
    var message: String
    var status: Int32 = 2
    var description: String { message }
    init(_ message: String, status: Int32 = 2) {
        self.message = message
        self.status = status
    }
}
