import ArgumentParser
import BitextCheck
import BitextExchange
import Foundation

struct PretranslateCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "pretranslate",
        abstract: UI.help("help.pretranslate.abstract"),
        discussion: UI.help("help.pretranslate.discussion")) }

    @OptionGroup var common: CommonOptions
    @OptionGroup var out: OutputOptions

    @Option(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.pretranslate.source"), valueName: "source.md"))
    var source: String

    @Option(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.pretranslate.tm"), valueName: "file"))
    var tm: [String] = []

    @Option(name: .customLong("tm-pairs"), parsing: .upToNextOption,
            help: ArgumentHelp(UI.optionHelp("help.opt.pretranslate.tm-pairs"), valueName: "en zh"))
    var tmPairs: [String] = []

    @Flag(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.pretranslate.fuzzy")))
    var fuzzy = false

    @Flag(name: .customLong("dry-run"), help: ArgumentHelp(UI.optionHelp("help.opt.pretranslate.dry-run")))
    var dryRun = false

    @Argument(help: ArgumentHelp(UI.optionHelp("help.opt.pretranslate.target"), valueName: "target.md"))
    var target: String

    func validate() throws {
        if tm.isEmpty && tmPairs.isEmpty { throw ValidationError(ui("pretranslate.no-memory")) }
        if !tmPairs.isEmpty && tmPairs.count != 2 { throw ValidationError(ui("pretranslate.tm-pairs")) }
    }

    func run() throws {
        let session = try Session(common: common)
        let memory = TranslationMemory()
        for path in tm { memory.add(try ExchangeInput.read(path, session: session), path: path) }
        if tmPairs.count == 2 {
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: tmPairs[0], isDirectory: &isDir)
            let pairs: [Job] = isDir.boolValue
                ? try session.rootJobs(sourceRoot: tmPairs[0], targetRoot: tmPairs[1]).filter { $0.source != nil && $0.target != nil }
                : [Job(target: tmPairs[1], source: tmPairs[0])]
            for p in pairs { memory.add(try ExchangeInput.document(session, source: p.source!, target: p.target!, roots: p.roots)) }
        }
        let doc = try ExchangeInput.document(session, source: source, target: target)
        var pre = Pretranslator(doc, memory: memory)
        pre.writeFuzzy = fuzzy
        if let g = session.glossary { pre.glossary = GlossaryReview(settings: session.settings, messages: session.messages, glossary: g) }
        let result = pre.run()
        let plan = TranslationWriter(doc).plan(result.updates)
        let m = session.messages
        var report: [String] = []
        for f in result.fills {
            let place = ExchangeInput.place(doc, unit: f.unit)
            for (found, preferred, location) in f.replaced {
                report.append(m.text("pretranslate.glossary-fixed", ["place": place, "found": found, "preferred": preferred, "location": location]))
            }
            for term in f.missing {
                report.append(m.text("pretranslate.glossary-missing", ["place": place, "term": term, "origin": f.origin]))
            }
            if let score = f.score {
                report.append(m.text(f.written ? "pretranslate.fuzzy-written" : "pretranslate.fuzzy", [
                    "place": place, "score": String(score), "origin": f.origin, "source": String(f.memorySource.prefix(60))]))
            }
        }
        report += ExchangeInput.problems(plan, doc, m)
        try ExchangeInput.finish(plan, doc, into: target, output: out.output, dryRun: dryRun, messages: m)
        let exact = result.fills.filter { $0.score == nil }
        report.append(m.text("pretranslate.summary", [
            "file": out.output ?? target, "segments": String(exact.count), "units": String(Set(exact.map(\.unit)).count),
            "fuzzy": String(result.fills.count - exact.count), "written": String(result.fills.filter { $0.score != nil && $0.written }.count),
            "memory": String(memory.count)]))
        let text = report.joined(separator: "\n") + "\n"
        if dryRun { FileHandle.standardError.write(Data(text.utf8)) } else { print(text, terminator: "") }
    }
}

extension ExchangeInput {
    /// `file:line` of where a source unit's translation is (or belongs) in the target.
    static func place(_ doc: ExchangeDocument, unit k: Int) -> String {
        let bead = doc.beads[doc.units[k].bead]
        if let t = bead.targetUnits.first { return "\(doc.target.path):\(doc.target.units[t].start.line)" }
        return "\(doc.source.path):\(doc.source.units[k].start.line)"
    }
}
