import ArgumentParser
import BitextCheck
import BitextText
import Foundation

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules with their ids, default severities, descriptions and examples.",
        discussion: """
            Examples:
              bitext rules
              bitext rules --format markdown > RULES.md
            """)

    @Option(name: .long, help: "text, markdown or json.")
    var format: Format = .text

    enum Format: String, ExpressibleByArgument { case text, markdown, json }

    func run() throws {
        let extra: [(String, Severity, String)] = [
            ("translator-note", .info, "Bilingual: a translator's note (译者注) with no source counterpart, listed for reviewers."),
            ("stale-translation", .warning, "drift: the source of a translated unit changed since it was translated."),
            ("untranslated-insertion", .warning, "drift: source text added since the translation was made."),
            ("orphaned-translation", .warning, "drift: a translated unit whose source was deleted."),
            ("stale-link", .info, "drift: only link destinations changed in the source; --fix updates the translation's links that still have the old one."),
        ]
        switch format {
        case .json:
            var items: [JSON] = RuleRegistry.all.map { r in
                .object([("id", .string(r.id)), ("severity", .string(r.defaultSeverity.rawValue)),
                         ("bilingual", .bool(r.isBilingual)), ("description", .string(r.summary)),
                         ("keeps", r.evidence.isEmpty ? .null : .string(r.evidence)),
                         ("examples", .array(r.examples.map { e in
                             var f: [(String, JSON)] = [("target", .string(e.target)), ("triggers", .bool(e.triggers))]
                             if let s = e.source { f.append(("source", .string(s))) }
                             return .object(f)
                         }))])
            }
            items += extra.map { .object([("id", .string($0.0)), ("severity", .string($0.1.rawValue)), ("description", .string($0.2))]) }
            print(JSON.array(items).serialized())
        case .markdown:
            var out = "| rule | default | what it finds |\n| --- | --- | --- |\n"
            for r in RuleRegistry.all { out += "| `\(r.id)` | \(r.defaultSeverity.rawValue) | \(r.summary) |\n" }
            for e in extra { out += "| `\(e.0)` | \(e.1.rawValue) | \(e.2) |\n" }
            print(out, terminator: "")
        case .text:
            for r in RuleRegistry.all {
                print("\(r.id)  [\(r.defaultSeverity.rawValue)\(r.isBilingual ? ", bilingual" : "")]")
                print("  \(r.summary)")
                if !r.evidence.isEmpty { print("  keeps English: \(r.evidence)") }
                for e in r.examples {
                    let mark = e.triggers ? "finds (↓)" : "silent  "
                    let text = e.target.replacingOccurrences(of: "\n", with: "⏎")
                    print("  \(mark)  \(text)")
                    if let s = e.source { print("            source: \(s.replacingOccurrences(of: "\n", with: "⏎"))") }
                }
                print()
            }
            for e in extra { print("\(e.0)  [\(e.1.rawValue)]\n  \(e.2)\n") }
        }
    }
}

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter bitext.yml in the current directory.",
        discussion: "Example:\n  bitext init && $EDITOR bitext.yml")

    @Flag(name: .long, help: "Overwrite an existing bitext.yml.")
    var force = false

    func run() throws {
        let path = "bitext.yml"
        if FileManager.default.fileExists(atPath: path) && !force {
            throw Failure("bitext.yml exists; use --force to overwrite it")
        }
        try Output.write(Config.starter, to: path)
        print("wrote bitext.yml")
    }
}
