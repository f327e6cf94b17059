import ArgumentParser
import BitextCheck
import BitextLSP
import Foundation

/// `bitext lsp`: the Language Server Protocol over standard input and output, for editors.
struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Language server for editors: findings as diagnostics, quick fixes, glossary hovers.",
        discussion: """
            Speaks the Language Server Protocol (JSON-RPC 2.0 with Content-Length framing) on standard input and output; logs go to standard error. An editor starts it: see the README's "Editors" section for VS Code, Neovim and Helix.

            bitext.yml is found as on the command line, walking up from each document's folder (then from the workspace folder); --config names one for every document.
            """)

    @OptionGroup var common: CommonOptions

    @Flag(name: .customLong("stdio"), help: .hidden)
    var stdio = false

    func run() throws {
        let common = self.common
        let server = LanguageServer(load: { discovered, clientLanguage in
            var options = common
            if options.config == nil && !options.noConfig {
                if let discovered { options.config = discovered } else { options.noConfig = true }
            }
            // The editor's language for messages, unless the command line or bitext.yml names one.
            if options.lang == nil, let client = clientLanguage {
                let configLang = options.noConfig ? nil : options.config.flatMap { try? Config.load($0) }?.lang
                if configLang == nil { options.lang = LanguageServer.messageLanguage(client) }
            }
            let session = try Session(common: options)
            return ProjectSetup(config: session.config, settings: session.settings, messages: session.messages,
                                glossary: session.glossary, parseOptions: session.parseOptions)
        })
        LanguageServer.version = BitextCommand.configuration.version
        let status = server.run()
        throw ExitCode(status)
    }
}
