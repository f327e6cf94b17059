import ArgumentParser
import BitextCheck
import BitextLSP
import Foundation

/// `bitext lsp`: the Language Server Protocol over standard input and output, for editors.
struct LSPCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "lsp",
        abstract: UI.help("help.lsp.abstract"),
        discussion: UI.help("help.lsp.discussion")) }

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
