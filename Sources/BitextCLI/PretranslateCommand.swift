import ArgumentParser
import BitextCheck
import BitextExchange
import Foundation

struct PretranslateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pretranslate",
        abstract: "Fill untranslated units from a translation memory (TMX, or the aligned pairs of another version).",
        discussion: """
            An untranslated sentence (or unit) of TARGET whose English has an exact match in the
            memory gets that translation, checked against the glossary (forbidden variants are
            replaced by the preferred term; a translation that lacks a glossary rendering is
            treated as a fuzzy match). Fuzzy matches (source at least 85% similar) are reported
            with their score and written only with --fuzzy, each followed by
            <!-- bitext-fuzzy N% -->, which `bitext check` reports (fuzzy-match) until a person
            reviews the sentence and deletes the mark. TARGET is changed in place unless -o.

            Examples:
              bitext pretranslate zh/guide.md --source en/guide.md --tm team.tmx
              bitext pretranslate zh/guide.md --source en/guide.md --tm-pairs v1/en v1/zh    # reuse version 1
              bitext pretranslate zh/guide.md --source en/guide.md --tm team.tmx --fuzzy -o draft.md
            """)

    @OptionGroup var common: CommonOptions
    @OptionGroup var out: OutputOptions

    @Option(name: .long, help: ArgumentHelp("The source (English) file.", valueName: "source.md"))
    var source: String

    @Option(name: .long, help: ArgumentHelp("A translation memory: TMX (or XLIFF, PO); repeatable.", valueName: "file"))
    var tm: [String] = []

    @Option(name: .customLong("tm-pairs"), parsing: .upToNextOption,
            help: ArgumentHelp("Source and translation of an earlier version (files, or folders paired by relative path).", valueName: "en zh"))
    var tmPairs: [String] = []

    @Flag(name: .long, help: "Also write fuzzy matches, each marked <!-- bitext-fuzzy N% --> for review.")
    var fuzzy = false

    @Flag(name: .customLong("dry-run"), help: "Print the changes as a unified diff; write nothing.")
    var dryRun = false

    @Argument(help: ArgumentHelp("The Markdown translation to fill.", valueName: "target.md"))
    var target: String

    func validate() throws {
        if tm.isEmpty && tmPairs.isEmpty { throw ValidationError("give a memory: --tm FILE.tmx or --tm-pairs EN ZH") }
        if !tmPairs.isEmpty && tmPairs.count != 2 { throw ValidationError("--tm-pairs takes two paths: the source and the translation (files or folders)") }
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
            for p in pairs { memory.add(try ExchangeInput.document(session, source: p.source!, target: p.target!)) }
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
