import ArgumentParser
import BitextAlign
import BitextCheck
import BitextExchange
import BitextMarkdown
import Foundation

struct ImportCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "import",
        abstract: UI.help("help.import.abstract"),
        discussion: UI.help("help.import.discussion")) }

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.import.into"), valueName: "target.md"))
    var into: String

    @Option(name: .long, help: ArgumentHelp(UI.optionHelp("help.opt.import.source"), valueName: "source.md"))
    var source: String?

    @Flag(name: .customLong("dry-run"), help: ArgumentHelp(UI.optionHelp("help.opt.import.dry-run")))
    var dryRun = false

    @Argument(help: ArgumentHelp(UI.optionHelp("help.opt.import.file"), valueName: "file"))
    var file: String

    /// How many unmatched TMX/PO entries are listed without --verbose.
    static let unmatchedListed = 20

    func run() throws {
        let session = try Session(common: common)
        let exchange = try ExchangeInput.read(file, session: session)
        let originals = Importer.originals(exchange.entries)
        let sourcePath: String
        var original: String? = nil
        if let s = source {
            sourcePath = s
            if originals.count > 1 {
                original = Importer.original(for: s, among: originals)
                if original == nil {
                    throw Failure(session.messages.text("import.no-file", ["file": file, "source": s, "originals": originals.joined(separator: ", ")]))
                }
            }
        } else if originals.count == 1 {
            sourcePath = originals[0]
            guard FileManager.default.fileExists(atPath: sourcePath) else {
                throw Failure(session.messages.text("import.source-missing", ["file": file, "source": sourcePath]))
            }
        } else if originals.isEmpty {
            throw Failure(session.messages.text("import.source-needed", ["file": file, "format": exchange.format.rawValue]))
        } else {
            throw Failure(session.messages.text("import.several-files", ["file": file, "originals": originals.joined(separator: ", ")]))
        }
        let doc = try ExchangeInput.document(session, source: sourcePath, target: into)
        let result = Importer(doc).match(exchange.entries, original: original)
        let plan = TranslationWriter(doc).plan(result.updates)
        let m = session.messages
        var report: [String] = []
        // Unmatched entries of a large memory are many: the first ones, all with --verbose.
        let unmatched = result.notes.filter { $0.kind == .unmatched }.count
        var listed = 0
        for n in result.notes {
            if n.kind == .unmatched {
                listed += 1
                if listed > Self.unmatchedListed && !session.verbose { continue }
            }
            report.append(m.text("import.\(n.kind.rawValue)", ["file": file, "line": String(n.line), "unit": n.unit,
                                                                "source": String(n.source.prefix(60)), "path": sourcePath]))
        }
        if unmatched > 0 {
            report.append(m.text(unmatched > Self.unmatchedListed && !session.verbose ? "import.unmatched.more" : "import.unmatched.total",
                                 ["file": file, "count": String(unmatched), "listed": String(Self.unmatchedListed), "path": sourcePath]))
        }
        report += ExchangeInput.problems(plan, doc, m)
        try ExchangeInput.finish(plan, doc, into: into, output: nil, dryRun: dryRun, messages: m)
        report.append(m.text(dryRun ? "import.summary.dry-run" : "import.summary", [
            "file": into, "written": String(Set(plan.written).count), "inserted": String(plan.inserted.count),
            "unchanged": String(result.unchanged), "stale": String(result.notes.filter { $0.kind == .stale }.count)]))
        let text = report.joined(separator: "\n") + "\n"
        if dryRun { FileHandle.standardError.write(Data(text.utf8)) } else { print(text, terminator: "") }
        if session.inputProblems > 0 { throw ExitCode(2) }
    }
}

/// Reading exchange files and document pairs, and writing the result, for `import` and
/// `pretranslate`.
enum ExchangeInput {
    static func read(_ path: String, session: Session) throws -> ExchangeFile {
        let bytes: [UInt8]
        do {
            bytes = try Inputs.read(path)
        } catch {
            throw Failure("\(error)")
        }
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            throw Failure(InputError(file: path, ui("input.not-utf8-config")).description)
        }
        do {
            return try ExchangeFile.read(path: path, text: text, sourceLanguage: session.source.code,
                                         targetLanguage: String(session.target.code.prefix { $0 != "-" }))
        } catch {
            throw Failure(error.description)
        }
    }

    /// The pair aligned and cut into exchange units.
    static func document(_ session: Session, source: String, target: String, roots: TreeRoots? = nil) throws -> ExchangeDocument {
        let checker = Checker(settings: session.settings, messages: session.messages, glossary: session.glossary)
        let aligner = DocumentAligner(functionWords: session.source.functionWords, lettersPerHan: session.target.sourceLettersPerHan,
                                    numerals: session.target.numerals)
        let s = try session.document(source, asSource: true), t = try session.document(target)
        return try checker.withToolkit { toolkit in
            let sa = checker.analyze(s, toolkit: toolkit), ta = checker.analyze(t, toolkit: toolkit)
            let al = aligner.align(source: s, sourceAnalyses: sa, target: t, targetAnalyses: ta)
            return ExchangeDocument(source: s, sourceAnalyses: sa, target: t, targetAnalyses: ta, alignment: al, roots: roots)
        }
    }

    static func problems(_ plan: TranslationWriter.Plan, _ doc: ExchangeDocument, _ m: Messages) -> [String] {
        plan.problems.map { p in
            let u = doc.source.units[p.unit]
            switch p.problem {
            case .cannotInsert(let kind):
                return m.text("import.cannot-insert", ["file": doc.source.path, "line": String(u.start.line), "kind": m.text("kind.\(kind)")])
            case .unsafeFrontMatter:
                return m.text("import.unsafe-front-matter", ["file": doc.target.path, "line": String(u.start.line)])
            }
        }
    }

    /// Writes the edited target (atomically, to `output` or in place), or prints the diff.
    static func finish(_ plan: TranslationWriter.Plan, _ doc: ExchangeDocument, into: String, output: String?,
                       dryRun: Bool, messages: Messages) throws {
        let bytes = applyEdits(plan.edits, to: doc.target.source)
        if dryRun {
            let old = String(decoding: doc.target.source.originalBytes, as: UTF8.self)
            let new = String(decoding: bytes.dropFirst(doc.target.source.hasByteOrderMark ? 3 : 0), as: UTF8.self)
            print(unifiedDiff(old: old, new: new, oldName: into, newName: output ?? into), terminator: "")
            return
        }
        if let o = output {
            let sink = try Output.Sink(o)
            sink.write(String(decoding: bytes, as: UTF8.self))
            try sink.close()
            return
        }
        guard !plan.edits.isEmpty else { return }
        do {
            let f = try AtomicFile(into, mustExist: true)
            f.write(Data(bytes))
            try f.commit()
        } catch {
            throw Failure("\(error)")
        }
    }
}
