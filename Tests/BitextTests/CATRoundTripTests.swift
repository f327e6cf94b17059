import Foundation
import Testing
@testable import BitextAlign
@testable import BitextCheck
@testable import BitextExchange
@testable import BitextMarkdown
@testable import BitextText

/// Builds exchange documents in the test process, and makes the partial translations the
/// round-trip tests start from.
enum ExchangeFixture {
    static func document(source: String, target: String) throws -> ExchangeDocument {
        try aligned(source: source, target: target).0
    }

    /// The exchange document and the alignment it was cut from.
    static func aligned(source: String, target: String) throws -> (ExchangeDocument, Alignment) {
        let settings = Harness.settings()
        let checker = Checker(settings: settings, messages: Messages.load("en"), glossary: nil)
        let s = try Fixtures.document(URL(fileURLWithPath: source)), t = try Fixtures.document(URL(fileURLWithPath: target))
        return try checker.withToolkit { toolkit in
            let sa = checker.analyze(s, toolkit: toolkit), ta = checker.analyze(t, toolkit: toolkit)
            let al = DocumentAligner(functionWords: Harness.source.functionWords, lettersPerHan: Harness.target.sourceLettersPerHan, numerals: Harness.target.numerals)
                .align(source: s, sourceAnalyses: sa, target: t, targetAnalyses: ta)
            return (ExchangeDocument(source: s, sourceAnalyses: sa, target: t, targetAnalyses: ta, alignment: al), al)
        }
    }

    /// Source units whose translation is one whole, fully translated target unit of the same
    /// kind (a 1-1 bead), no translator's note in it: what can be put back into English.
    static func candidates(_ d: ExchangeDocument, sameMarkup: Bool = false) -> [(unit: Int, target: Int)] {
        var out: [(Int, Int)] = []
        for bead in d.beads where bead.units.count == 1 && bead.targetUnits.count == 1 {
            let k = bead.units[0], t = bead.targetUnits[0]
            let su = d.source.units[k], tu = d.target.units[t]
            guard su.kind == tu.kind, d.units[k].segments.allSatisfy({ $0.status == .translated }) else { continue }
            switch su.kind {
            case .paragraph, .listItem, .heading, .quote: break
            default: continue
            }
            let note = tu.string.contains("译者注") || tu.string.contains("译注")
            if note { continue }
            // XLIFF 1.2's <g> carries no Markdown: a new translation takes the source's.
            if sameMarkup {
                let same = d.units[k].targetCodes.allSatisfy { id, data in
                    d.units[k].sourceCodes[id].map { $0.start == data.start && $0.end == data.end } ?? false
                }
                if !same { continue }
            }
            out.append((k, t))
        }
        return out
    }

    /// The translation with every `step`th candidate unit put back into English (the source
    /// unit's Markdown in place of its translation) and, with `remove`, one single-line
    /// top-level paragraph (and the blank line before it) taken out, as if the translator had
    /// skipped it.
    static func partial(_ d: ExchangeDocument, every step: Int, sameMarkup: Bool = false, remove: Bool = true)
        -> (bytes: [UInt8], units: [Int], removed: Int?) {
        let all = candidates(d, sameMarkup: sameMarkup)
        let chosen = all.enumerated().filter { $0.offset % step == 1 }.map(\.element)
        var edits = chosen.map { c in
            TextEdit(range: d.target.units[c.target].byteRange,
                     text: String(decoding: d.source.source.bytes[d.source.units[c.unit].byteRange], as: UTF8.self))
        }
        var removed: Int? = nil
        let src = d.target.source
        for (k, t) in all.reversed() where remove && !chosen.contains(where: { $0.unit == k }) {
            let u = d.target.units[t]
            guard case .paragraph = u.kind, u.start.line == u.end.line, u.start.line > 2, u.start.column == 1 else { continue }
            let blank = src.lineByteRange(u.start.line - 1)
            let before = src.lineByteRange(u.start.line - 2)
            guard blank.isEmpty, !before.isEmpty, u.byteRange.upperBound == src.lineByteRange(u.start.line).upperBound else { continue }
            edits.append(TextEdit(range: (blank.lowerBound - 1)..<u.byteRange.upperBound, text: ""))
            removed = k
            break
        }
        edits.sort { $0.range.lowerBound < $1.range.lowerBound }
        return (applyEdits(edits, to: src), chosen.map(\.unit), removed)
    }
}

@Suite(.serialized) struct CATRoundTripTests {
    static let pairs = [
        "genai-handbook/en/intro.md",
        "react-dev/en/learn/your-first-component.md",
        "vue-docs/en/guide/essentials/computed.md",
        "swift-book/en/LanguageGuide/Deinitialization.md",
    ]

    static func zh(_ en: String) -> String { en.replacingOccurrences(of: "/en/", with: "/zh/") }

    static func fill(_ format: String, todo: String, memory: String, out: String) throws -> Int {
        guard let py = Tools.python, Tools.pythonHas("translate.storage.xliff2") else {
            #expect(!Tools.required, "translate-toolkit not installed")
            return -1
        }
        let script = Fixtures.repoRoot.appendingPathComponent("Tests/Fixtures/cat/fill.py").path
        let (status, output) = try Tools.run(py, [script, format, todo, memory, out])
        #expect(status == 0, "\(output)")
        return Int(output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    @Test(arguments: pairs)
    func catToolFillsAnExportAndImportRestoresTheTranslation(_ pair: String) throws {
        guard let en = Fixtures.corpus(pair), let zhURL = Fixtures.corpus(Self.zh(pair)) else {
            print(Fixtures.sharedMissingMessage); return
        }
        for format in ["xliff1", "xliff"] {
            let dir = TempDir()
            try FileManager.default.copyItem(at: en, to: dir.url.appendingPathComponent("en.md"))
            try FileManager.default.copyItem(at: zhURL, to: dir.url.appendingPathComponent("full.md"))
            let original = try Data(contentsOf: zhURL)
            let full = try ExchangeFixture.document(source: dir.path("en.md"), target: dir.path("full.md"))
            let (partial, units, removed) = ExchangeFixture.partial(full, every: 3, sameMarkup: format == "xliff1")
            #expect(units.count >= 2, "\(pair): too few units put back")
            dir.write("zh.md", bytes: partial)

            // Importing the unchanged export changes nothing.
            var r = try CLI.run(["export", "en.md", "full.md", "--format", format, "-o", "full.xlf", "--no-config"], cwd: dir.url)
            #expect(r.status == 0, "\(r.stderr)")
            r = try CLI.run(["import", "full.xlf", "--into", "full.md", "--no-config"], cwd: dir.url)
            #expect(r.status == 0, "\(r.stderr)")
            let same = try Data(contentsOf: dir.url.appendingPathComponent("full.md"))
            let unchanged = same == original
            #expect(unchanged, "\(pair) \(format): unchanged import changed the file\n\(diff(original, same))")

            // A CAT tool fills what is left from its memory; import writes it back.
            r = try CLI.run(["export", "en.md", "zh.md", "--format", format, "-o", "todo.xlf", "--no-config"], cwd: dir.url)
            #expect(r.status == 0, "\(r.stderr)")
            let filled = try Self.fill(format == "xliff" ? "xliff2" : "xliff1", todo: dir.path("todo.xlf"), memory: dir.path("full.xlf"), out: dir.path("done.xlf"))
            guard filled >= 0 else { return }
            #expect(filled >= 1, "\(pair) \(format): nothing filled")
            r = try CLI.run(["import", "done.xlf", "--into", "zh.md", "--no-config"], cwd: dir.url)
            #expect(r.status == 0, "\(r.stderr)")
            let result = try Data(contentsOf: dir.url.appendingPathComponent("zh.md"))
            let restored = result == original
            #expect(restored, "\(pair) \(format): \(r.stdout)\n\(diff(original, result))")
            if removed != nil { #expect(r.stdout.contains(", 1 inserted"), "\(r.stdout)") }
        }
    }

    func diff(_ a: Data, _ b: Data) -> String {
        unifiedDiff(old: String(decoding: a, as: UTF8.self), new: String(decoding: b, as: UTF8.self), oldName: "expected", newName: "imported")
    }
}
