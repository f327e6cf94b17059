import Foundation
import Testing
@testable import BitextCheck
@testable import BitextMarkdown
@testable import BitextReport
@testable import BitextText
import Yams

/// The fast paths of the rules stage and of start-up, each compared with the slow way it replaces.
@Suite struct RulesSpeedTests {
    /// Messages read with Yams's basic resolver give the default resolver's table for every
    /// messages file bitext has.
    @Test func messagesBasicResolverAgreesWithDefault() throws {
        let langs = Messages.available()
        #expect(langs.contains("en") && langs.contains("zh-Hans"))
        for lang in langs {
            let (basic, full) = try Messages.bothTables(lang)
            #expect(basic == full, "messages.\(lang).yml")
            #expect(basic.count > 100)
        }
    }

    /// Messages read key by key, on demand, are what Yams reads from the whole file: every key of
    /// every messages file, and files of other shapes, which are read whole.
    @Test func messagesOnDemandAgreeWithTheWholeFile() throws {
        for lang in Messages.available() {
            let (whole, _) = try Messages.bothTables(lang)
            #expect(try Messages.onDemandTable(lang) == whole, "messages.\(lang).yml")
        }
        let shapes = [
            "a: one\n# note\nb: |\n  two\n  lines\n\nc.d-e_f: \"three: {x}\"\n",
            "",
            "a: one\nb:\n  two\n  folded\n",
            "\"quoted key\": one\nb: two\n",
            "a: &anchor one\nb: *anchor\n",
            "%YAML 1.1\n---\na: one\n",
            "- a\n- b\n",
            "a: one\nb:two\n",
        ]
        for text in shapes {
            let file = MessageFile(text: text)
            var read: [String: String] = [:]
            for k in file.keys { read[k] = file[k] }
            #expect(read == (try? Messages.yamsTable(text)) ?? [:], "\(text)")
        }
        #expect(MessageFile.entries(Array(shapes[0].utf8)).map { $0.keys.sorted() } == ["a", "b", "c.d-e_f"])
        for text in shapes[3...] { #expect(MessageFile.entries(Array(text.utf8)) == nil, "\(text)") }
    }

    /// A locale is checked by its file's existence, as the listing of the folder would answer; ids
    /// are canonical whatever their case and separator.
    @Test func localeAvailabilityAgreesWithTheListing() throws {
        let listed = LocaleData.available()
        #expect(listed.contains("zh-Hans") && listed.contains("en"))
        for id in listed + ["fr", "", "messages.en", "zh-Hans.typography", "../locales/en", "EN"] {
            #expect(LocaleData.isAvailable(id) == listed.contains(id), "\(id)")
        }
        for (given, id) in [("zh_TW", "zh-Hant"), ("ZH-cn", "zh-Hans"), ("zh", "zh-Hans"), ("en_US", "en"), ("fr_FR", "fr_FR")] {
            #expect(LocaleData.canonical(given) == id, "\(given)")
        }
    }

    /// The locale files' word lists are trimmed as Foundation trims whitespace.
    @Test func trimmingWhitespaceAgreesWithFoundation() throws {
        var lines: [Substring] = ["", " ", "\t", " a ", "\u{3000}词\u{3000}", "\u{00A0}x\u{2003}", "\u{200B}y\u{200B}",
                                  " \u{301}e ", "a\u{2029}", "\u{1680}", "x\n", "\r\ny\r\n", "  mixed \t words\t "]
        let dir = try DataDirectory.locales()
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".txt") {
            let t = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            lines += t.split(separator: "\n")
        }
        #expect(lines.count > 300)
        for text in ["", "\n", "a\nb", "\n\na\n\n", "x\n\u{301}y", "词\n语\n"] {
            #expect(LocaleData.lines(text) == text.split(separator: "\n"), "\(Array(text.unicodeScalars))")
        }
        // A CR LF ends a line too (Swift's split at "\n" does not split it: one Character).
        #expect(LocaleData.lines("a\r\nb\nc\r\n") == ["a", "b", "c"])
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".txt") {
            let t = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            #expect(LocaleData.lines(t) == t.split(separator: "\n"), "\(name)")
        }
        for l in lines { #expect(LocaleData.trimmingWhitespace(l) == l.trimmingCharacters(in: .whitespaces), "\(Array(l.unicodeScalars))") }
    }

    /// Locale and typography files are read with Yams's basic resolver: the same structure and
    /// scalar text as with the default one (all that is read of them).
    @Test func localeFilesReadTheSameWithTheBasicResolver() throws {
        func same(_ a: Node, _ b: Node) -> Bool {
            switch (a, b) {
            case (.scalar(let x), .scalar(let y)): return x.string == y.string
            case (.sequence(let x), .sequence(let y)): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
            case (.mapping(let x), .mapping(let y)):
                return x.count == y.count && zip(x, y).allSatisfy { same($0.key, $1.key) && same($0.value, $1.value) }
            default: return false
            }
        }
        let dir = try DataDirectory.locales()
        var n = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".yml") && !name.hasPrefix("messages.") {
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            let basic = try #require(try Yams.compose(yaml: text, .basic)), full = try #require(try Yams.compose(yaml: text))
            #expect(same(basic, full), "\(name)")
            n += 1
        }
        #expect(n >= 4)
        let zh = try LocaleData.load("zh-Hans"), en = try LocaleData.load("en")
        #expect(zh.sourceCharactersPerHan == 3.9 && zh.variantCharset == "GB2312" && zh.isHan && en.quotes.count == 4)
        let typo = try Typography.load(for: zh)
        #expect(!typo.fullwidth.isEmpty && !typo.doubled.isEmpty)
    }

    /// JSON string literals (written eight bytes at a time where nothing needs escaping) are
    /// those of the byte-by-byte writer, with escapes at every offset.
    @Test func jsonQuoteAgreesWithByteByByte() {
        func reference(_ s: String) -> [UInt8] {
            var out: [UInt8] = [0x22]
            let b = Array(s.utf8)
            var i = 0
            while i < b.count {
                let c = b[i]
                switch c {
                case 0x22: out += Array("\\\"".utf8)
                case 0x5C: out += Array("\\\\".utf8)
                case 0x0A: out += Array("\\n".utf8)
                case 0x0D: out += Array("\\r".utf8)
                case 0x09: out += Array("\\t".utf8)
                case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9):
                    out += Array((b[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    i += 2
                case 0..<0x20:
                    out += Array(String(format: "\\u%04x", Int(c)).utf8)
                default: out.append(c)
                }
                i += 1
            }
            return out + [0x22]
        }
        let pieces = ["\"", "\\", "\n", "\r", "\t", "\u{1}", "\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}", "“", "…", "中", "a", "é", "😀"]
        var cases: [String] = ["", "plain ascii text that is longer than eight bytes", String(repeating: "中文", count: 20)]
        for p in pieces {
            for offset in 0..<17 {
                cases.append(String(repeating: "x", count: offset) + p + String(repeating: "y", count: 17 - offset))
                cases.append(String(repeating: "中", count: offset % 6) + p + "尾" + p)
            }
        }
        for s in cases {
            var out: [UInt8] = []
            JSON.quote(s, into: &out)
            #expect(out == reference(s), "\(Array(s.unicodeScalars))")
        }
    }

    /// The JSON reporter writes each finding, field by field, as the JSON value it stands for
    /// would be written (the interface's fields; rule-specific values in `details` and, as
    /// earlier versions wrote them, at the top level).
    @Test func jsonReporterWritesTheValuesText() {
        func value(_ f: Finding) -> JSON {
            var fields: [(String, JSON)] = [
                ("rule", .string(f.rule)), ("severity", .string(f.severity.rawValue)), ("file", .string(f.file)),
                ("line", .int(f.span.start.line)), ("column", .int(f.span.start.column)),
                ("endLine", .int(f.span.end.line)), ("endColumn", .int(f.span.end.column)),
                ("message", .string(f.message)), ("text", .string(f.text)),
            ]
            if let fix = f.fix { fields.append(("fix", .object([("replacement", .string(fix.replacement))]))) }
            var details: [(String, JSON)] = []
            for (key, v) in f.details {
                if key == "details", case .object(let inner) = v { details += inner } else { fields.append((key, v)); details.append((key, v)) }
            }
            if !details.isEmpty { fields.append(("details", .object(details))) }
            return .object(fields)
        }
        let span = Span(start: TextPosition(line: 12, column: 345), end: TextPosition(line: 1234567, column: 9))
        let findings = [
            Finding(rule: "halfwidth-punctuation", severity: .info, file: "zh/a \"b\".md", span: span,
                    message: "use ， instead of , in Chinese text", text: ",\u{2028}\t\u{1}", fix: Fix("，")),
            Finding(rule: "broken-anchor", severity: .warning, file: "x.md", span: Span(start: TextPosition(line: 1, column: 1), end: TextPosition(line: 1, column: 1)),
                    message: "m", text: "t", details: [("details", .object([("anchor", .string("a"))]))]),
            Finding(rule: "number-mismatch", severity: .error, file: "x.md", span: span, message: "m", text: "t",
                    fix: Fix(String(repeating: "长", count: 70)),
                    details: [("words", .int(-3)), ("details", .object([("source", .string("3.4")), ("target", .array([.int(1), .double(2.5)]))])),
                              ("sourceLine", .int(100))]),
            Finding(rule: "r", severity: .info, file: "", span: span, message: "", text: "", details: [("details", .object([]))]),
        ]
        var direct = JSONReporter()
        var reference = JSON.Splice(JSONReporter.skeleton(Summary()), key: "findings")
        var expected = ""
        for f in findings { expected += reference.element(value(f)) }
        let written = direct.add(Array(findings[0..<2])) + direct.add(Array(findings[2...]))
        #expect(written == expected)
        var asBytes = JSONReporter(), bytes: [UInt8] = []
        asBytes.add(Array(findings[0..<2]), into: &bytes)
        asBytes.add(Array(findings[2...]), into: &bytes)
        #expect(bytes == Array(expected.utf8))
        #expect(direct.end(Summary()) == reference.close + JSON.Splice(JSONReporter.skeleton(Summary()), key: "findings").tail + "\n")
    }

    /// broken-anchor's prefilter passes over no unit that has a link target with a `#` (a
    /// `#fragment` of the page or of another one), on every corpus file.
    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func fragmentPrefilterMissesNoLink() throws {
        var fragments = 0
        for url in Fixtures.corpusFiles() {
            let doc = try Fixtures.document(url)
            for u in doc.units {
                let hasFragment = u.linkTargets.contains { $0.destination.contains("#") }
                if hasFragment { fragments += 1 }
                #expect(BrokenAnchorRule.mayLinkToFragment(u) || !hasFragment, "\(url.path)")
            }
        }
        #expect(fragments > 100)
    }

    /// broken-anchor's byte test for URLs and site paths (``PageAnchorLink/plainlyNoPath(_:)``)
    /// turns down only links whose path (before the first `#`, decoded) starts with `/` or holds
    /// a `:`, on every corpus file.
    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func pageLinkPrefilterTurnsDownOnlyURLs() throws {
        var turnedDown = 0
        for url in Fixtures.corpusFiles() {
            let doc = try Fixtures.document(url)
            for u in doc.units {
                for l in u.linkTargets where PageAnchorLink.plainlyNoPath(l.destination) {
                    turnedDown += 1
                    guard let hash = l.destination.firstIndex(of: "#") else { continue }
                    let path = DocumentAnchors.percentDecoded(String(l.destination[..<hash]))
                    #expect(path.hasPrefix("/") || path.contains(":"), "\(url.path): \(l.destination)")
                }
            }
        }
        #expect(turnedDown > 100)
        for (d, url) in [("https://x.org/a#b", true), ("/guide/x#y", true), ("./a.md#x", false), ("a.md#x:y", false),
                         ("/%CC%81a#x", false), ("a:\u{301}b#x", false)] {
            #expect(PageAnchorLink.plainlyNoPath(d) == url, "\(d)")
        }
    }

    /// The shared typography pass finds, on every corpus file, exactly what the rules' own
    /// character-by-character tests find.
    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func typographyScanMatchesPerRulePasses() throws {
        let settings = Harness.settings()
        let checker = Checker(settings: settings, messages: Messages.load("en"), glossary: nil)
        let typo = settings.typography
        var quoteMarks: Set<UInt32> = [0x22, typo.preferredQuotes.0, typo.preferredQuotes.1, typo.secondaryQuotes.0, typo.secondaryQuotes.1]
        for q in typo.otherQuotes { quoteMarks.insert(q.0); quoteMarks.insert(q.1) }
        var files = 0, boundaries = 0, candidates = 0
        for url in Fixtures.corpusFiles() where url.path.contains("/zh/") {
            let doc = try Fixtures.document(url)
            try checker.withToolkit { toolkit in
                let analyses = checker.analyze(doc, toolkit: toolkit)
                let c = FileContext(document: doc, analyses: analyses, settings: settings, messages: checker.messages,
                                    glossary: nil, pairing: nil, toolkit: toolkit)
                let scan = c.typographyScan
                var halfwidth: [TypographyScan.Place] = [], quotes: [TypographyScan.Place] = []
                var spacing: [SpacingRule.Boundary] = []
                var doubled: [Int] = [], scriptMix: [Int] = [], fullwidthSpacing: [Int] = []
                for (k, a) in analyses.enumerated() where a.hasHan {
                    let t = doc.units[k].text, r = doc.units[k].roles
                    var d = false, s = false, f = false
                    for i in t.indices where r[i] == .content {
                        let ch = t[i]
                        if ch < 0x80, ch > 0x20, !isLatinChar(ch), !isASCIIDigit(ch), typo.fullwidth[ch] != nil {
                            halfwidth.append(.init(unit: k, index: i))
                        }
                        if quoteMarks.contains(ch) { quotes.append(.init(unit: k, index: i)) }
                        if i > 0, ch == t[i - 1], ch >= 0x3000, typo.doubled.contains(ch), r[i - 1] == .content { d = true }
                        if isHanChar(ch), toolkit.otherVariant(ch) != nil { s = true }
                        if ch == 0x20 {
                            if i > 0, r[i - 1] == .content, FullwidthSpacingRule.isFullwidthMark(t[i - 1]) { f = true }
                            if i + 1 < t.count, r[i + 1] == .content, FullwidthSpacingRule.isFullwidthMark(t[i + 1]) { f = true }
                        }
                    }
                    if d { doubled.append(k) }
                    if s { scriptMix.append(k) }
                    if f { fullwidthSpacing.append(k) }
                    // The spacing rule's own loop, as it was.
                    func crosses(_ x: UInt32, _ y: UInt32) -> Bool {
                        let xl = isLatinChar(x) || isASCIIDigit(x), yl = isLatinChar(y) || isASCIIDigit(y)
                        return (isHanChar(x) && yl) || (xl && isHanChar(y))
                    }
                    var i = 0
                    while i + 1 < t.count {
                        defer { i += 1 }
                        guard r[i] == .content, r[i + 1] == .content else { continue }
                        if crosses(t[i], t[i + 1]) {
                            spacing.append(.init(unit: k, index: i + 1, spaced: false, code: false))
                        } else if t[i + 1] == 0x20, i + 2 < t.count, r[i + 2] == .content, crosses(t[i], t[i + 2]) {
                            spacing.append(.init(unit: k, index: i + 1, spaced: true, code: false))
                        }
                    }
                }
                let path = url.path
                #expect(scan.halfwidth.map { [$0.unit, $0.index] } == halfwidth.map { [$0.unit, $0.index] }, "\(path)")
                #expect(scan.quotes.map { [$0.unit, $0.index] } == quotes.map { [$0.unit, $0.index] }, "\(path)")
                // (Boundaries beside inline code are the scan's own: the old loop had none.)
                #expect(scan.boundaries.filter { !$0.code }.map { [$0.unit, $0.index, $0.spaced ? 1 : 0] } == spacing.map { [$0.unit, $0.index, $0.spaced ? 1 : 0] }, "\(path)")
                #expect(scan.doubledUnits == doubled, "\(path)")
                #expect(scan.scriptMixUnits == scriptMix, "\(path)")
                #expect(scan.fullwidthSpacingUnits == fullwidthSpacing, "\(path)")
                boundaries += spacing.count
                candidates += halfwidth.count
            }
            files += 1
        }
        #expect(files > 50 && boundaries > 1000 && candidates > 100)
    }
}
