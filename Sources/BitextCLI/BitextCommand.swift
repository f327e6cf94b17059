import ArgumentParser
import BitextCheck
import BitextText
import Foundation

/// The `bitext` command: wires the subcommands together and maps errors to exit statuses
/// (0 ran clean, 1 findings at or above the threshold, 2 could not run as asked).
public struct BitextCommand: ParsableCommand {
    public static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "bitext",
        abstract: UI.help("help.bitext.abstract"),
        discussion: UI.help("help.bitext.discussion"),
        version: "0.1.0",
        subcommands: [CheckCommand.self, CoverageCommand.self, AlignCommand.self, ExportCommand.self, DriftCommand.self, GlossaryCommand.self, SegmentCommand.self, RulesCommand.self, InitCommand.self,
                      ImportCommand.self, PretranslateCommand.self, LSPCommand.self]) }

    public init() {}

    /// Runs the command line and exits with bitext's exit statuses.
    public static func main() {
        // Every command's words (help, messages, rule texts) are in the data folder: without it
        // nothing it printed would make sense, so no command runs.
        do { _ = try DataDirectory.locate() } catch {
            FileHandle.standardError.write(Data("bitext: \(error)\n".utf8))
            Foundation.exit(2)
        }
        UI.setLanguage(arguments: Array(CommandLine.arguments.dropFirst()))
        Interruption.install()
        // Help texts are only shown with help and errors (``UI/helpTextsWanted``): the parse of a
        // run goes without them; one that fails, or asks for help, is parsed again with them.
        UI.helpTextsWanted = false
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            // A version request is answered from this parse: the second, with help texts, wraps
            // every command's help (twice the instructions of checking a small file).
            if exitCode(for: error) == .success && fullMessage(for: error) == configuration.version {
                exit(withBitextError: error)
            }
            UI.helpTextsWanted = true
            do { _ = try parseAsRoot() } catch { exit(withBitextError: error) }
            exit(withBitextError: error)
        }
        do {
            try command.run()
        } catch {
            UI.helpTextsWanted = true
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
        // Help and argument errors in the messages' language; completion scripts as they are.
        let script = CommandLine.arguments.contains { $0.hasPrefix("--generate-completion-script") }
        let message = script ? fullMessage(for: error) : ParserText.localized(fullMessage(for: error))
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
