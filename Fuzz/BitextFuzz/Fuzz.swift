// libFuzzer targets for what bitext reads from users. One binary, four targets, chosen by
// BITEXT_FUZZ_TARGET (markdown, glossary, config, beads); `scripts/fuzz` builds it with
// `-sanitize=fuzzer,address` and runs each target. Built normally (as `swift build` does), the
// same binary replays input files given as arguments — the regression tests run it on every
// input a fuzzing run ever crashed on (Tests/Fixtures/fuzz/TARGET/).
//
// Besides not crashing, each target checks the promises users rely on: units and findings slice
// back out of the file exactly, and written glossaries read back.

import BitextAlign
import BitextCheck
import BitextGlossary
import BitextMarkdown
import BitextReport
import BitextText
import Foundation

/// What every target needs, loaded once.
final class Context: @unchecked Sendable {
    let settings: Settings
    let messages: Messages
    let checker: Checker
    let aligner: DocumentAligner
    let glossary: Glossary
    let example: (source: Document, target: Document)

    init() {
        do {
            let source = try LocaleData.load("en"), target = try LocaleData.load("zh-Hans")
            settings = Settings(source: source, target: target, typography: try Typography.load(for: target))
            messages = Messages.load("en")
            let data = try DataDirectory.locate()
            glossary = try Glossary.load(data.appendingPathComponent("glossary/genai.tsv").path)
            checker = Checker(settings: settings, messages: messages, glossary: GlossaryIndex(glossary))
            aligner = DocumentAligner(functionWords: source.functionWords, lettersPerHan: target.sourceLettersPerHan)
            example = (try Inputs.document(data.appendingPathComponent("examples/en/tokenizers.md").path),
                       try Inputs.document(data.appendingPathComponent("examples/zh/tokenizers.md").path))
        } catch {
            fatalError("bitext data not found (set BITEXT_DATA to the repository): \(error)")
        }
    }
}

let context = Context()
let target = ProcessInfo.processInfo.environment["BITEXT_FUZZ_TARGET"] ?? "markdown"

func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("broken promise: \(message())") }
}

/// Every unit's reported range slices back to its text; code blocks and every finding's span are
/// inside the file.
func checkPositions(_ doc: Document, _ findings: [Finding]) {
    for c in doc.codeBlocks {
        require(c.startLine >= 1 && c.startLine <= c.endLine && c.endLine <= doc.source.lineCount,
                "code block at lines \(c.startLine)–\(c.endLine) of a \(doc.source.lineCount)-line file")
    }
    for u in doc.units {
        require(doc.source.slice(from: u.start, through: u.end) == u.string, "unit at \(u.start.line):\(u.start.column) does not slice back")
    }
    for f in findings {
        require(f.span.start.line >= 1 && f.span.end.line <= max(1, doc.source.lineCount), "\(f.rule) outside the file")
    }
}

/// The whole pipeline on one document, or on a pair split at the first NUL byte: units,
/// segmentation, every rule, alignment, coverage and every export.
func fuzzMarkdown(_ bytes: [UInt8]) {
    let c = context
    let parts: ([UInt8], [UInt8]?) = bytes.firstIndex(of: 0).map { (Array(bytes[..<$0]), Array(bytes[($0 + 1)...])) } ?? (bytes, nil)
    guard let target = try? Document(path: "fuzz.md", bytes: parts.1 ?? parts.0) else { return }
    let source = parts.1 == nil ? c.example.source : (try? Document(path: "fuzz-en.md", bytes: parts.0))
    try? c.checker.withToolkit { toolkit in
        let ta = c.checker.analyze(target, toolkit: toolkit)
        for u in target.units.prefix(50) { _ = toolkit.segmenter.analyze(u, hanWords: true) }
        checkPositions(target, c.checker.check(target, analyses: ta, pairing: nil, toolkit: toolkit))
        guard let source else { return }
        let sa = c.checker.analyze(source, toolkit: toolkit)
        let al = c.aligner.align(source: source, sourceAnalyses: sa, target: target, targetAnalyses: ta)
        let findings = c.checker.check(target, analyses: ta, pairing: Pairing(source: source, sourceAnalyses: sa, alignment: al), toolkit: toolkit)
        checkPositions(target, findings)
        let coverage = Coverage.bilingual(source: source, sourceAnalyses: sa, target: target, targetAnalyses: ta, alignment: al,
                                          charactersPerHan: c.settings.target.sourceCharactersPerHan)
        _ = Coverage.monolingual(target, analyses: ta, charactersPerHan: c.settings.target.sourceCharactersPerHan)
        let pair = BilingualPair(source: source, target: target, sourceAnalyses: sa, targetAnalyses: ta, alignment: al,
                                 findings: findings, coverage: coverage, sourceLanguage: "en", targetLanguage: "zh-CN",
                                 charactersPerHan: c.settings.target.sourceCharactersPerHan)
        _ = HTMLExporter.page(pair)
        _ = MarkdownExporter.export(pair)
        _ = TMXExporter.export([pair], sourceLang: "en", targetLang: "zh-CN")
        _ = XLIFFExporter.export([pair], sourceLang: "en", targetLang: "zh-CN")
        _ = TSVExporter.export([pair])
        for format in FindingFormat.allCases { _ = format.reporter().report(findings, summary: Summary(files: 1, findings: findings)) }
        _ = Drift.findings(oldSource: source, newSource: c.example.source, target: target, alignment: al,
                           settings: c.settings, messages: c.messages)
    }
}

/// Glossary files in every format bitext reads; what loads is linted, written back and read
/// again, and matched against the bundled example.
func fuzzGlossary(_ bytes: [UInt8]) {
    let c = context
    let text = String(decoding: bytes, as: UTF8.self)
    _ = GlossaryLint.checkText(text, file: "fuzz.tsv")
    var loaded: [Glossary] = []
    if let g = try? TSV.read(text, file: "fuzz.tsv") {
        loaded.append(g)
        let again = try? TSV.read(TSV.write(g), file: "again.tsv")
        require(again?.entries.count == g.entries.count, "TSV written from \(g.entries.count) entries reads back as \(again?.entries.count ?? -1)")
    }
    if let g = try? TBX.read(text, file: "fuzz.tbx") {
        loaded.append(g)
        let again = try? TBX.read(TBX.write(g), file: "again.tbx")
        require(again?.entries.count == g.entries.count, "TBX written from \(g.entries.count) entries reads back as \(again?.entries.count ?? -1)")
    }
    if let g = try? MarkdownTermTable.read(text, file: "fuzz.md") { loaded.append(g) }
    for g in loaded {
        _ = GlossaryLint.check(g)
        let checker = Checker(settings: c.settings, messages: c.messages, glossary: GlossaryIndex(g))
        try? checker.withToolkit { toolkit in
            let (s, t) = c.example
            let sa = checker.analyze(s, toolkit: toolkit), ta = checker.analyze(t, toolkit: toolkit)
            let al = c.aligner.align(source: s, sourceAnalyses: sa, target: t, targetAnalyses: ta)
            checkPositions(t, checker.check(t, analyses: ta, pairing: Pairing(source: s, sourceAnalyses: sa, alignment: al), toolkit: toolkit))
        }
    }
}

/// `bitext.yml`, then its ignore globs on a few paths.
func fuzzConfig(_ bytes: [UInt8]) {
    guard let config = try? Config.parse(String(decoding: bytes, as: UTF8.self), path: "/fuzz/bitext.yml") else { return }
    for g in config.ignore {
        for p in ["zh/intro.md", "a/b/c/d.md", "", "/", "**/x.md", "zh/node_modules/x.md"] { _ = g.matches(p) }
    }
}

/// Beads files and one-sentence-a-line input: the beads are parsed and scored; the text, split
/// at the first NUL byte, is aligned with the segmented aligner.
func fuzzBeads(_ bytes: [UInt8]) {
    let c = context
    let text = String(decoding: bytes, as: UTF8.self)
    let parsed = try? BeadFormat.parse(text)
    if let parsed {
        let again = try? BeadFormat.parse(BeadFormat.write(parsed))
        require(again?.count == parsed.count, "beads written back read differently")
        _ = AlignmentScore(gold: parsed, test: parsed.reversed())
    }
    let halves = text.split(separator: "\0", maxSplits: 1, omittingEmptySubsequences: false)
    let source = halves[0].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let target = (halves.count > 1 ? halves[1] : halves[0]).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    try? c.checker.withToolkit { toolkit in
        let beads = SegmentedAligner().align(source: source, target: target, segmenter: toolkit.segmenter)
        require(beads.flatMap(\.source) == Array(source.indices), "segmented alignment lost or repeated a source line")
        require(beads.flatMap(\.target) == Array(target.indices), "segmented alignment lost or repeated a target line")
        if let parsed { _ = AlignmentScore(gold: parsed, test: beads) }
    }
}

func fuzzOne(_ bytes: [UInt8]) {
    switch target {
    case "markdown": fuzzMarkdown(bytes)
    case "glossary": fuzzGlossary(bytes)
    case "config": fuzzConfig(bytes)
    case "beads": fuzzBeads(bytes)
    default: fatalError("BITEXT_FUZZ_TARGET must be markdown, glossary, config or beads, not \(target)")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzOne(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

#if FUZZING
/// libFuzzer's driver, called from our own entry point: SwiftPM links executables with their
/// entry point renamed (`main` → `BitextFuzz_main`), so libFuzzer's `main` cannot be used.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@main struct Fuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in LLVMFuzzerTestOneInput(data, size) })
    }
}
#else
/// Replays input files (or every file of folders) through the target, for regression tests.
@main struct Replay {
    static func main() {
        var count = 0
        for arg in CommandLine.arguments.dropFirst() {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: arg, isDirectory: &isDir) else { fatalError("\(arg): no such file") }
            let files = isDir.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: arg)) ?? []).sorted().map { (arg as NSString).appendingPathComponent($0) }
                : [arg]
            for f in files {
                guard let data = FileManager.default.contents(atPath: f) else { continue }
                fuzzOne([UInt8](data))
                count += 1
            }
        }
        print("\(target): \(count) inputs replayed")
    }
}
#endif
