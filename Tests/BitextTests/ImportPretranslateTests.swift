import Foundation
import Testing
@testable import BitextExchange
@testable import BitextMarkdown

@Suite(.serialized) struct ImportTests {
    // Our own example: bold, emphasis, a link with a title, inline HTML, inline code, an autolink.
    static let en = """
        # Working with **tokens**

        A tokenizer turns *text* into [tokens](https://example.com/tokens "Tokens").
        Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to stop `tiktoken.encode()`.

        - Use the `--fast` flag with **care**, see <https://example.com/fast>.

        """
    static let zh = """
        # 使用**词元**

        分词器把*文本*变成[词元](https://example.com/zh/tokens "Tokens")。按 <kbd>Ctrl</kbd>+<kbd>C</kbd> 可以停止 `tiktoken.encode()`。

        - 谨慎使用 `--fast` 参数，见 <https://example.com/fast>。

        """

    static func setUp() -> TempDir {
        let dir = TempDir()
        dir.write("en.md", en)
        dir.write("zh.md", zh)
        dir.write("todo.md", en)
        return dir
    }

    @Test func inlineTagsSurviveACATToolBothWays() throws {
        for format in ["xliff", "xliff1"] {
            let dir = Self.setUp()
            var r = try CLI.run(["export", "en.md", "zh.md", "--format", format, "-o", "full.xlf", "--no-config"], cwd: dir.url)
            #expect(r.status == 0, "\(r.stderr)")
            let full = dir.read("full.xlf")
            if format == "xliff" {
                for tag in ["<pc id=", "<ph id=", "<originalData>", "subType=\"xlf:b\"", "type=\"link\""] { #expect(full.contains(tag), "\(tag)") }
            } else {
                for tag in ["<g id=", "<x id=", "ctype=\"bold\"", "ctype=\"link\"", "equiv-text=\"`tiktoken.encode()`\""] { #expect(full.contains(tag), "\(tag)") }
            }
            r = try CLI.run(["export", "en.md", "todo.md", "--format", format, "-o", "todo.xlf", "--no-config"], cwd: dir.url)
            #expect(r.status == 0, "\(r.stderr)")
            let filled = try CATRoundTripTests.fill(format == "xliff" ? "xliff2" : "xliff1", todo: dir.path("todo.xlf"),
                                                    memory: dir.path("full.xlf"), out: dir.path("done.xlf"))
            guard filled >= 0 else { return }
            #expect(filled >= 4)
            // The translator edits text between the tags in the CAT tool.
            let done = dir.read("done.xlf").replacingOccurrences(of: "谨慎使用", with: "小心使用")
            dir.write("done.xlf", done)
            r = try CLI.run(["import", "done.xlf", "--into", "todo.md", "--no-config"], cwd: dir.url)
            #expect(r.status == 0, "\(r.stderr)")
            var expected = Self.zh.replacingOccurrences(of: "谨慎使用", with: "小心使用")
            // XLIFF 1.2's <g> carries no Markdown: a link in a new translation points where the source's does.
            if format == "xliff1" { expected = expected.replacingOccurrences(of: "/zh/tokens", with: "/tokens") }
            #expect(dir.read("todo.md") == expected, "\(format)\n\(r.stdout)")
        }
    }

    @Test func aUnitWhoseSourceChangedIsReportedNotWritten() throws {
        let dir = Self.setUp()
        var r = try CLI.run(["export", "en.md", "zh.md", "--format", "xliff", "-o", "x.xlf", "--no-config"], cwd: dir.url)
        #expect(r.status == 0)
        dir.write("x.xlf", dir.read("x.xlf").replacingOccurrences(of: "分词器把", with: "分词程序把")
            .replacingOccurrences(of: "谨慎使用", with: "小心使用"))
        dir.write("en.md", Self.en.replacingOccurrences(of: "A tokenizer turns", with: "A tokenizer converts"))
        r = try CLI.run(["import", "x.xlf", "--into", "zh.md", "--no-config"], cwd: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("unit u2 not written: its source changed since the export"), "\(r.stdout)")
        #expect(r.stdout.contains("1 stale units not written"), "\(r.stdout)")
        // The stale unit keeps its translation; the others are written.
        #expect(dir.read("zh.md") == Self.zh.replacingOccurrences(of: "谨慎使用", with: "小心使用"))
    }

    @Test func dryRunPrintsADiffAndWritesNothing() throws {
        let dir = Self.setUp()
        _ = try CLI.run(["export", "en.md", "zh.md", "--format", "xliff1", "-o", "x.xlf", "--no-config"], cwd: dir.url)
        dir.write("x.xlf", dir.read("x.xlf").replacingOccurrences(of: "谨慎使用", with: "小心使用"))
        let r = try CLI.run(["import", "x.xlf", "--into", "zh.md", "--dry-run", "--no-config"], cwd: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("--- zh.md\n+++ zh.md\n@@ "), "\(r.stdout)")
        // Removed lines first, then added ones, as diff -u and git diff print a change.
        #expect(r.stdout.contains("\n-- 谨慎使用") && r.stdout.contains("\n+- 小心使用"), "\(r.stdout)")
        #expect(r.stdout.range(of: "\n-- 谨慎使用")!.lowerBound < r.stdout.range(of: "\n+- 小心使用")!.lowerBound, "\(r.stdout)")
        #expect(r.stderr.contains("dry run"))
        #expect(dir.read("zh.md") == Self.zh)
    }

    @Test func theDiffOfADryRunReadsLikeDiffU() {
        let old = "# Title\n\none\ntwo\nthree\nfour\nfive\nsix\nseven\n", new = "# Title\n\none\n2\nthree\nfour\nfive\nsix\nseven\neight\n"
        let expected = ["--- a.md", "+++ b.md", "@@ -1,9 +1,10 @@", " # Title", " ", " one", "-two", "+2", " three", " four",
                        " five", " six", " seven", "+eight"]
        #expect(unifiedDiff(old: old, new: new, oldName: "a.md", newName: "b.md") == expected.joined(separator: "\n") + "\n")
        #expect(unifiedDiff(old: old, new: old, oldName: "a.md", newName: "a.md") == "")
    }

    /// `x-file` gives the line where the translation is, not the source's line: here the
    /// translation has a note of its own before the paragraphs, so its lines are two further on.
    @Test func tmxFileLineIsTheTranslations() throws {
        let dir = TempDir()
        dir.write("en.md", "# Start\n\nThe model reads text.\n\nIt writes tokens.\n")
        dir.write("zh.md", "# 开始\n\n> 译者注：本页译自英文版。\n\n模型读取文本。\n\n它输出词元。\n")
        let r = try CLI.run(["export", "en.md", "zh.md", "--format", "tmx", "-o", "m.tmx", "--no-config"], cwd: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        let tmx = dir.read("m.tmx")
        #expect(tmx.contains("<prop type=\"x-file\">zh.md:5</prop>\n      <tuv xml:lang=\"en\"><seg>The model reads text.</seg>"), "\(tmx)")
        #expect(tmx.contains("<prop type=\"x-file\">zh.md:7</prop>\n      <tuv xml:lang=\"en\"><seg>It writes tokens.</seg>"), "\(tmx)")
        // `-o -` is standard output, for `pretranslate` too (never the target file in place).
        let out = try CLI.run(["export", "en.md", "zh.md", "--format", "tmx", "-o", "-", "--no-config"], cwd: dir.url)
        #expect(out.status == 0 && out.stdout == tmx, "\(out.stderr)")
        dir.write("todo.md", "# 开始\n\nThe model reads text.\n\nIt writes tokens.\n")
        let p = try CLI.run(["pretranslate", "todo.md", "--source", "en.md", "--tm", "m.tmx", "-o", "-", "--no-config"], cwd: dir.url)
        #expect(p.status == 0 && p.stdout.contains("模型读取文本。") && dir.read("todo.md").contains("The model reads text."), "\(p.stdout)\(p.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("-")))
    }

    @Test func tmxAndPOAreMatchedBySourceText() throws {
        let dir = Self.setUp()
        var r = try CLI.run(["export", "en.md", "zh.md", "--format", "tmx", "-o", "m.tmx", "--no-config"], cwd: dir.url)
        #expect(r.status == 0)
        let tmx = dir.read("m.tmx")
        #expect(tmx.contains("<bpt i=") && tmx.contains("<ept i=") && tmx.contains("<ph x="), "\(tmx)")
        #expect(tmx.contains("<prop type=\"x-file\">zh.md:"), "x-file names the file relative to the current directory")
        r = try CLI.run(["import", "m.tmx", "--into", "todo.md", "--source", "en.md", "--no-config"], cwd: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(dir.read("todo.md") == Self.zh, "\(r.stdout)")

        dir.write("todo.md", Self.en)
        dir.write("t.po", """
            msgid ""
            msgstr "Content-Type: text/plain; charset=UTF-8\\n"

            #: en.md:6
            msgid "Use the `--fast` flag with **care**, see <https://example.com/fast>."
            msgstr "谨慎使用 `--fast` 参数，见 <https://example.com/fast>。"

            msgid "A sentence this document never had."
            msgstr "本文档从未有过的句子。"

            """)
        r = try CLI.run(["import", "t.po", "--into", "todo.md", "--source", "en.md", "--no-config"], cwd: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        // The entry that matches nothing is named with its line, not dropped silently.
        #expect(r.stdout.contains("t.po:8: “A sentence this document never had.…” matches no sentence of en.md"), "\(r.stdout)")
        #expect(r.stdout.contains("t.po: 1 translated entries match no sentence of en.md"), "\(r.stdout)")
        #expect(dir.read("todo.md") == Self.en.replacingOccurrences(of: "Use the `--fast` flag with **care**, see <https://example.com/fast>.",
                                                                          with: "谨慎使用 `--fast` 参数，见 <https://example.com/fast>。"))
        // Without --source a TMX names no source.
        r = try CLI.run(["import", "m.tmx", "--into", "todo.md", "--no-config"], cwd: dir.url)
        #expect(r.status == 2 && r.stderr.contains("give --source"), "\(r.stderr)")
        dir.write("bad.xlf", "<xliff version=\"1.2\"><file><body><trans-unit id=\"u1-s1\"></trans-unit>")
        r = try CLI.run(["import", "bad.xlf", "--into", "todo.md", "--source", "en.md", "--no-config"], cwd: dir.url)
        #expect(r.status == 2 && r.stderr.contains("bad.xlf:"), "\(r.stderr)")
    }

    /// A tree whose roots lie outside the current folder (a sibling repository): the files of an
    /// export keep distinct names (the root's folder down), and `import --source` picks the file
    /// it names, not the first of the same file name.
    @Test func treeFilesOutsideTheCurrentFolderKeepDistinctNames() throws {
        let site = TempDir(), cwd = TempDir()
        site.write("en/a.md", "# Start\n\nThe model reads text.\n")
        site.write("zh/a.md", "# 开始\n\n模型读取文本。\n")
        site.write("en/sub/a.md", "# Setup\n\nInstall the tool first.\n\nThen run it.\n")
        site.write("zh/sub/a.md", "# 安装\n\n先安装这个工具。\n\nThen run it.\n")
        let roots = ["--source-root", site.path("en"), "--target-root", site.path("zh"), "--no-config"]
        var r = try CLI.run(["export", "--format", "xliff", "-o", "x.xlf"] + roots, cwd: cwd.url)
        #expect(r.status == 0, "\(r.stderr)")
        let xliff = cwd.read("x.xlf")
        #expect(xliff.contains("original=\"en/a.md\"") && xliff.contains("original=\"en/sub/a.md\""), "\(xliff)")
        r = try CLI.run(["export", "--format", "tmx", "-o", "x.tmx"] + roots, cwd: cwd.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(cwd.read("x.tmx").contains("<prop type=\"x-file\">zh/sub/a.md:3</prop>"))
        // The translator fills the untranslated sentence of sub/a.md.
        cwd.write("done.xlf", xliff.replacingOccurrences(of: "<source>Then run it.</source>\n",
                                                         with: "<source>Then run it.</source>\n        <target>然后运行它。</target>\n"))
        r = try CLI.run(["import", "done.xlf", "--source", site.path("en/sub/a.md"), "--into", site.path("zh/sub/a.md"), "--no-config"], cwd: cwd.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(site.read("zh/sub/a.md") == "# 安装\n\n先安装这个工具。\n\n然后运行它。\n")
        #expect(site.read("zh/a.md") == "# 开始\n\n模型读取文本。\n")
    }

    @Test func anOriginalIsFoundByTheLongestEndOfThePath() {
        let originals = ["a.md", "content/a.md", "content/guide/a.md", "other/guide/a.md"]
        #expect(Importer.original(for: "/work/site/content/guide/a.md", among: originals) == "content/guide/a.md")
        #expect(Importer.original(for: "/work/site/content/a.md", among: originals) == "content/a.md")
        // Whole folder names only: "xcontent/a.md" does not end with "/content/a.md".
        #expect(Importer.original(for: "/work/xcontent/a.md", among: ["content/a.md", "a.md"]) == "a.md")
        #expect(Importer.original(for: "/work/b.md", among: originals) == nil)
        // A relative path that climbs out of the current folder is named as given.
        #expect(Importer.original(for: "../site/a.md", among: ["site/a.md", "../site/a.md"]) == "../site/a.md")
    }
}

@Suite(.serialized) struct PretranslateTests {
    static let pairs = Array(CATRoundTripTests.pairs.dropFirst())

    @Test(arguments: pairs)
    func aMemoryFromTheOriginalPairRestoresParagraphsPutBackIntoEnglish(_ pair: String) throws {
        guard let en = Fixtures.corpus(pair), let zhURL = Fixtures.corpus(CATRoundTripTests.zh(pair)) else {
            print(Fixtures.sharedMissingMessage); return
        }
        let dir = TempDir()
        try FileManager.default.copyItem(at: en, to: dir.url.appendingPathComponent("en.md"))
        try FileManager.default.copyItem(at: zhURL, to: dir.url.appendingPathComponent("full.md"))
        let original = try String(contentsOf: zhURL, encoding: .utf8)
        let full = try ExchangeFixture.document(source: dir.path("en.md"), target: dir.path("full.md"))
        let (partial, units, _) = ExchangeFixture.partial(full, every: 3, remove: false)
        #expect(units.count >= 3)
        dir.write("zh.md", bytes: partial)
        var r = try CLI.run(["export", "en.md", "full.md", "--format", "tmx", "-o", "memory.tmx", "--no-config"], cwd: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        r = try CLI.run(["pretranslate", "zh.md", "--source", "en.md", "--tm", "memory.tmx", "--no-config"], cwd: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        let result = try String(contentsOfFile: dir.path("zh.md"), encoding: .utf8)
        #expect(result == original, "\(pair): \(r.stdout)\n\(unifiedDiff(old: original, new: result, oldName: "expected", newName: "pretranslated"))")
    }

    @Test(arguments: pairs)
    func anOlderVersionFillsUnchangedParagraphsAndLeavesChangedOnes(_ pair: String) throws {
        guard let en = Fixtures.corpus(pair), let zhURL = Fixtures.corpus(CATRoundTripTests.zh(pair)) else {
            print(Fixtures.sharedMissingMessage); return
        }
        let dir = TempDir()
        try FileManager.default.createDirectory(at: dir.url.appendingPathComponent("v1/en"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.url.appendingPathComponent("v1/zh"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: en, to: dir.url.appendingPathComponent("v1/en/doc.md"))
        try FileManager.default.copyItem(at: zhURL, to: dir.url.appendingPathComponent("v1/zh/doc.md"))
        let old = try ExchangeFixture.document(source: dir.path("v1/en/doc.md"), target: dir.path("v1/zh/doc.md"))
        // Version 2 of the English: every fourth translatable paragraph edited.
        let candidates = ExchangeFixture.candidates(old).filter { if case .paragraph = old.source.units[$0.unit].kind { return true }; return false }
        let edited = candidates.enumerated().filter { $0.offset % 4 == 2 }.map(\.element)
        let kept = candidates.enumerated().filter { $0.offset % 4 == 0 }.map(\.element)
        #expect(edited.count >= 2 && kept.count >= 2)
        var edits: [TextEdit] = []
        for c in edited {
            let u = old.source.units[c.unit]
            // One word more at the end of its first sentence: a small edit, a fuzzy match.
            let first = old.units[c.unit].segments[0].range
            var end = first.upperBound
            while end > first.lowerBound && (u.text[end - 1] == 0x20 || u.text[end - 1] == 0x0A) { end -= 1 }
            var at = u.byteRange.lowerBound
            for c in u.text[..<max(first.lowerBound, end - 1)] { at += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4 }
            edits.append(TextEdit(range: at..<at, text: " indeed"))
        }
        edits.sort { $0.range.lowerBound < $1.range.lowerBound }
        let newEN = String(decoding: applyEdits(edits, to: old.source.source), as: UTF8.self)
        dir.write("en.md", newEN)
        dir.write("zh.md", newEN)  // the translation of version 2 starts as a copy
        var r = try CLI.run(["pretranslate", "zh.md", "--source", "en.md", "--tm-pairs", "v1/en", "v1/zh", "--no-config"], cwd: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        let result = try String(contentsOfFile: dir.path("zh.md"), encoding: .utf8)
        for c in kept {
            let translation = old.target.units[c.target].string
            let filled = result.contains(translation)
            #expect(filled, "\(pair): unchanged paragraph not filled: \(translation.prefix(60))")
        }
        for c in edited {
            let english = old.source.units[c.unit].string
            let translation = old.target.units[c.target].string
            let filled = result.contains(translation)
            #expect(!filled, "\(pair): changed paragraph filled: \(translation.prefix(60))")
            #expect(newEN.contains(english.prefix(20)) && result.contains(String(english.prefix(20))), "\(pair): changed paragraph touched")
        }
        #expect(r.stdout.contains("% match in v1/zh/doc.md:"), "fuzzy matches are reported: \(r.stdout)")
        #expect(!result.contains("bitext-fuzzy"))

        // With --fuzzy they are written, marked, and `check` reports them until removed.
        r = try CLI.run(["pretranslate", "zh.md", "--source", "en.md", "--tm-pairs", "v1/en", "v1/zh", "--fuzzy", "-o", "draft.md", "--no-config"], cwd: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        let draft = try String(contentsOfFile: dir.path("draft.md"), encoding: .utf8)
        let marks = draft.components(separatedBy: "<!-- bitext-fuzzy ").count - 1
        #expect(marks * 2 >= edited.count && marks == r.stdout.components(separatedBy: "written and marked").count - 1, "\(r.stdout)")
        let check = try CLI.run(["check", "draft.md", "--format", "json", "--no-config"], cwd: dir.url)
        let findings = (check.json as? [String: Any])?["findings"] as? [[String: Any]] ?? []
        #expect(findings.filter { $0["rule"] as? String == "fuzzy-match" }.count == marks)
    }

    @Test func exactMatchesHonourTheGlossary() throws {
        let dir = TempDir()
        dir.write("en.md", "# Models\n\nAn LLM predicts the next token.\n")
        dir.write("zh.md", "# Models\n\nAn LLM predicts the next token.\n")
        dir.write("g.tsv", "LLM\t巨型语言模型\t\t大模型\n")
        dir.write("m.tmx", """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header srclang="en" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext" creationtool="x" creationtoolversion="1"/>
            <body>
            <tu><tuv xml:lang="en"><seg>An LLM predicts the next token.</seg></tuv><tuv xml:lang="zh-CN"><seg>大模型预测下一个词元。</seg></tuv></tu>
            <tu><tuv xml:lang="en"><seg>Models</seg></tuv><tuv xml:lang="zh-CN"><seg>模型</seg></tuv></tu>
            </body></tmx>
            """)
        let r = try CLI.run(["pretranslate", "zh.md", "--source", "en.md", "--tm", "m.tmx", "--glossary", "g.tsv", "--no-config"], cwd: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: dir.path("zh.md"), encoding: .utf8) == "# 模型\n\n巨型语言模型预测下一个词元。\n")
        #expect(r.stdout.contains("大模型 replaced with 巨型语言模型"), "\(r.stdout)")
    }
}
