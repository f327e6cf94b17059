import ArgumentParser
import BitextCheck
import BitextText
import Foundation

struct RulesCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "rules",
        abstract: UI.help("help.rules.abstract"),
        discussion: UI.help("help.rules.discussion")) }

    @Option(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.rules.format", listsValues: true)))
    var format: Format = .text

    @OptionGroup var language: LanguageOption

    enum Format: String, ExpressibleByArgument { case text, markdown, json }

    /// A rule's one-line description in the run's language (`rule.<id>` in the messages
    /// files), else the rule's own English summary.
    static func summary(_ id: String, _ english: String) -> String {
        Messages.current.has("rule.\(id)") ? ui("rule.\(id)") : english
    }

    func run() throws {
        try language.apply()
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
                         ("bilingual", .bool(r.isBilingual)), ("description", .string(Self.summary(r.id, r.summary))),
                         ("keeps", r.evidence.isEmpty ? .null : .string(r.evidence)),
                         ("examples", .array(r.examples.map { e in
                             var f: [(String, JSON)] = [("target", .string(e.target)), ("triggers", .bool(e.triggers))]
                             if let s = e.source { f.append(("source", .string(s))) }
                             return .object(f)
                         }))])
            }
            items += extra.map { .object([("id", .string($0.0)), ("severity", .string($0.1.rawValue)), ("description", .string(Self.summary($0.0, $0.2)))]) }
            print(JSON.array(items).serialized())
        case .markdown:
            var out = "| rule | default | what it finds |\n| --- | --- | --- |\n"
            for r in RuleRegistry.all { out += "| `\(r.id)` | \(r.defaultSeverity.rawValue) | \(Self.summary(r.id, r.summary)) |\n" }
            for e in extra { out += "| `\(e.0)` | \(e.1.rawValue) | \(Self.summary(e.0, e.2)) |\n" }
            print(out, terminator: "")
        case .text:
            for r in RuleRegistry.all {
                print("\(r.id)  [\(r.defaultSeverity.rawValue)\(r.isBilingual ? ", bilingual" : "")]")
                print("  \(Self.summary(r.id, r.summary))")
                if !r.evidence.isEmpty { print("  \(ui("rules.keeps")) \(r.evidence)") }
                for e in r.examples {
                    let mark = UI.pad(e.triggers ? ui("rules.finds") : ui("rules.silent"), 9)
                    let text = e.target.replacingOccurrences(of: "\n", with: "⏎")
                    print("  \(mark)  \(text)")
                    if let s = e.source { print("            \(ui("rules.source")) \(s.replacingOccurrences(of: "\n", with: "⏎"))") }
                }
                print()
            }
            for e in extra { print("\(e.0)  [\(e.1.rawValue)]\n  \(Self.summary(e.0, e.2))\n") }
        }
    }
}

struct InitCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "init",
        abstract: UI.help("help.init.abstract"),
        discussion: UI.help("help.init.discussion")) }

    @Flag(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.init.force")))
    var force = false

    @OptionGroup var language: LanguageOption

    func run() throws {
        try language.apply()
        let path = "bitext.yml"
        if FileManager.default.fileExists(atPath: path) && !force {
            throw Failure(ui("init.exists"))
        }
        // A bitext.yml above would be shadowed: commands run here would stop reading it.
        let cwd = FileManager.default.currentDirectoryPath
        let parent = URL(fileURLWithPath: cwd).deletingLastPathComponent().path
        if !force, parent != cwd, let above = Config.find(from: parent) {
            throw Failure(ui("init.shadows", ["config": above]))
        }
        let pairs = Self.detectPairs(in: cwd)
        let schema = try? DataDirectory.locate().appendingPathComponent("schema/bitext.schema.json").path
        try Output.write(Config.starter(pairs: pairs, schema: schema.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }),
                         to: path)
        print(ui("init.wrote"))
        for (s, t, _) in pairs { print(ui("init.paired", ["source": s, "target": t])) }
    }

    static let sourceNames = ["en", "en-us", "en-US", "english"]
    static let targetNames = ["zh", "zh-cn", "zh-CN", "zh-hans", "zh-Hans", "zh_CN", "cn", "chinese", "zh-tw", "zh-TW", "zh-hant", "zh-Hant"]

    /// Translation layouts bitext recognises below `dir`, as (source, target, tree): sibling
    /// language folders (`en/` + `zh/`, also under `docs/`, `content/`, `src/content/docs/`),
    /// a source tree and its translation under a language folder (`docs/` + `zh/docs/`), and
    /// Docusaurus (`docs/` + `i18n/zh-Hans/docusaurus-plugin-content-docs/current/`). Only
    /// folders that hold Markdown count.
    static func detectPairs(in dir: String) -> [(String, String, Bool)] {
        let fm = FileManager.default
        func isDir(_ p: String) -> Bool {
            var d: ObjCBool = false
            return fm.fileExists(atPath: (dir as NSString).appendingPathComponent(p), isDirectory: &d) && d.boolValue
        }
        func hasMarkdown(_ p: String) -> Bool {
            let (files, _) = (try? Inputs.collect([(dir as NSString).appendingPathComponent(p)])) ?? ([], [])
            return !files.isEmpty
        }
        var pairs: [(String, String, Bool)] = []
        for base in ["", "docs/", "content/", "src/content/", "src/content/docs/", "website/"] {
            guard let s = sourceNames.first(where: { isDir(base + $0) && hasMarkdown(base + $0) }) else { continue }
            for t in targetNames where isDir(base + t) && hasMarkdown(base + t) && !pairs.contains(where: { $0.1 == base + t }) {
                pairs.append((base + s, base + t, true))
            }
        }
        for src in ["docs", "src", "content"] where isDir(src) && hasMarkdown(src) {
            for t in targetNames where isDir("\(t)/\(src)") && hasMarkdown("\(t)/\(src)") {
                pairs.append((src, "\(t)/\(src)", true))
            }
            for t in ["zh-Hans", "zh-CN", "zh-cn", "zh", "zh-Hant", "zh-TW"] {
                let d = "i18n/\(t)/docusaurus-plugin-content-docs/current"
                if src == "docs" && isDir(d) && hasMarkdown(d) { pairs.append((src, d, true)) }
            }
        }
        return pairs
    }
}
