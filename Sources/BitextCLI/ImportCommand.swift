import ArgumentParser
import BitextAlign
import BitextCheck
import BitextExchange
import BitextMarkdown
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write the translations of an XLIFF, TMX or PO file back into the Markdown translation.",
        discussion: """
            FILE is what a CAT tool gives back: XLIFF 1.2 or 2.x exported by bitext (its ids name
            the source file, the unit and the sentence), or TMX or PO (matched by source text).
            Each translated sentence goes where its source sentence's translation is; units the
            translation lacks are inserted where the aligner says they belong. Everything else in
            TARGET stays byte for byte. A unit whose source changed since the export is reported
            and not written. TARGET is replaced atomically; --dry-run prints the diff instead.

            Examples:
              bitext export en/intro.md zh/intro.md --format xliff1 -o intro.xlf
              # … translate intro.xlf in OmegaT, memoQ, Trados, Weblate …
              bitext import intro.xlf --into zh/intro.md --dry-run     # what would change
              bitext import intro.xlf --into zh/intro.md               # SOURCE from the file's original=
              bitext import memory.tmx --into zh/intro.md --source en/intro.md
            """)

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp("The Markdown translation to write into.", valueName: "target.md"))
    var into: String

    @Option(name: .long, help: ArgumentHelp("The source the exchange file was made from (default: the XLIFF's original=).", valueName: "source.md"))
    var source: String?

    @Flag(name: .customLong("dry-run"), help: "Print the changes as a unified diff; write nothing.")
    var dryRun = false

    @Argument(help: ArgumentHelp("The XLIFF, TMX or PO file.", valueName: "file"))
    var file: String

    func run() throws {
        let session = try Session(common: common)
        let exchange = try ExchangeInput.read(file, session: session)
        let originals = Importer.originals(exchange.entries)
        let sourcePath: String
        var original: String? = nil
        if let s = source {
            sourcePath = s
            if originals.count > 1 {
                let name = (s as NSString).lastPathComponent
                original = originals.first { $0 == portablePath(s) } ?? originals.first { ($0 as NSString).lastPathComponent == name }
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
        for n in result.notes {
            report.append(m.text("import.\(n.kind.rawValue)", ["file": file, "line": String(n.line), "unit": n.unit,
                                                                "source": String(n.source.prefix(60)), "path": sourcePath]))
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
            throw Failure("\(path): not valid UTF-8; convert the file to UTF-8")
        }
        do {
            return try ExchangeFile.read(path: path, text: text, sourceLanguage: session.source.code,
                                         targetLanguage: String(session.target.code.prefix { $0 != "-" }))
        } catch {
            throw Failure(error.description)
        }
    }

    /// The pair aligned and cut into exchange units.
    static func document(_ session: Session, source: String, target: String) throws -> ExchangeDocument {
        let checker = Checker(settings: session.settings, messages: session.messages, glossary: session.glossary)
        let aligner = DocumentAligner(functionWords: session.source.functionWords, lettersPerHan: session.target.sourceLettersPerHan)
        let s = try session.document(source), t = try session.document(target)
        return try checker.withToolkit { toolkit in
            let sa = checker.analyze(s, toolkit: toolkit), ta = checker.analyze(t, toolkit: toolkit)
            let al = aligner.align(source: s, sourceAnalyses: sa, target: t, targetAnalyses: ta)
            return ExchangeDocument(source: s, sourceAnalyses: sa, target: t, targetAnalyses: ta, alignment: al)
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
            try OutputPaths.check(o)
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
