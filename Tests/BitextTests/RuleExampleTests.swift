import Foundation
import Testing
@testable import BitextAlign
@testable import BitextCheck
@testable import BitextGlossary
@testable import BitextMarkdown
@testable import BitextText

/// Runs a rule on Markdown text the way `bitext check` does.
enum Harness {
    static let source = try! LocaleData.load("en")
    static let target = try! LocaleData.load("zh-Hans")

    static func settings(_ overrides: [String: String] = [:]) -> Settings {
        // `target`: another target locale (`zh-Hant`).
        let target = overrides["target"].map { try! LocaleData.load($0) } ?? Harness.target
        var typography = try! Typography.load(for: target)
        if let s = overrides["spacing"], let p = SpacingPolicy(rawValue: s) { typography.spacing = p }
        var settings = Settings(source: source, target: target, typography: typography)
        // `links`: source=target prefixes, separated by spaces.
        for m in (overrides["links"] ?? "").split(separator: " ") {
            let parts = m.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { settings.linkMap.append((parts[0], parts[1])) }
        }
        // `off`: a rule switched off, as `rules: {id: off}` in bitext.yml does.
        if let off = overrides["off"] { settings.severities[off] = .some(nil) }
        return settings
    }

    static func findings(rule: any Rule, target text: String, source sourceText: String? = nil,
                         glossary: String? = nil, settings overrides: [String: String] = [:],
                         paths: (source: String, target: String) = ("source.md", "target.md")) throws -> [Finding] {
        try findings(rules: [rule], target: text, source: sourceText, glossary: glossary, settings: overrides, paths: paths)
    }

    /// The findings of `rules` (every rule by default).
    static func findings(rules: [any Rule] = RuleRegistry.all, target text: String, source sourceText: String? = nil,
                         glossary: String? = nil, settings overrides: [String: String] = [:],
                         paths: (source: String, target: String) = ("source.md", "target.md")) throws -> [Finding] {
        var settings = settings(overrides)
        let index = try glossary.map { GlossaryIndex(try TSV.read($0, file: "test.tsv")) }
        if let g = index?.glossary {
            for e in g.entries where e.keepAsIs { settings.keep.insert(e.source.lowercased()) }
        }
        let checker = Checker(settings: settings, messages: Messages.load("en"), glossary: index, rules: rules)
        return try checker.withToolkit { toolkit in
            let doc = Document(SourceText(path: paths.target, text: text))
            let analyses = checker.analyze(doc, toolkit: toolkit)
            var pairing: Pairing? = nil
            if let sourceText {
                // (A source is read as the commands read one: ``ParseOptions/forSource``.)
                let src = Document(SourceText(path: paths.source, text: sourceText), options: ParseOptions().forSource)
                let sa = checker.analyze(src, toolkit: toolkit)
                let al = DocumentAligner(functionWords: source.functionWords, numerals: settings.target.numerals)
                    .align(source: src, sourceAnalyses: sa, target: doc, targetAnalyses: analyses)
                pairing = Pairing(source: src, sourceAnalyses: sa, alignment: al)
            }
            return checker.check(doc, analyses: analyses, pairing: pairing, toolkit: toolkit)
        }
    }

    /// Removes `↓` markers, returning the text and the positions the markers stood before.
    static func markers(_ marked: String) -> (String, [TextPosition]) {
        var out = ""
        var positions: [TextPosition] = []
        var line = 1, column = 1
        for ch in marked.unicodeScalars {
            if ch == "↓" { positions.append(TextPosition(line: line, column: column)); continue }
            out.unicodeScalars.append(ch)
            if ch == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (out, positions)
    }
}

@Suite struct RuleExampleTests {
    static var cases: [(String, Int)] {
        RuleRegistry.all.flatMap { r in r.examples.indices.map { (r.id, $0) } }
    }

    @Test(arguments: cases)
    func example(_ id: String, _ k: Int) throws {
        let rule = RuleRegistry.rule(id)!
        let ex = rule.examples[k]
        let (text, expected) = Harness.markers(ex.target)
        let found = try Harness.findings(rule: rule, target: text, source: ex.source, glossary: ex.glossary,
                                         settings: ex.settings).filter { $0.rule == id }
        #expect(found.map(\.span.start) == expected, "\(id) example \(k): \(found.map { "\($0.span.start) \($0.text)" })")
    }

    @Test func everyRuleHasExamplesBothWays() {
        for r in RuleRegistry.all where r.id != "glossary-inconsistent" {
            #expect(r.examples.contains { $0.triggers }, "\(r.id) has no triggering example")
            #expect(r.examples.contains { !$0.triggers }, "\(r.id) has no silent example")
        }
    }
}
