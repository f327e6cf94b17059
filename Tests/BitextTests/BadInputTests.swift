import Foundation
import Testing
@testable import BitextMarkdown

@Suite struct BadInputTests {
    @Test func missingFile() throws {
        let r = try CLI.run(["check", "no/such/file.md"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("no/such/file.md"))
        #expect(r.stderr.contains("no such file"))
    }

    @Test func directoryWithoutMarkdown() throws {
        let dir = TempDir()
        dir.write("notes.txt", "hello")
        let r = try CLI.run(["check", dir.url.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("no Markdown files"))
    }

    @Test func notUTF8NamesFileLineAndOffset() throws {
        let dir = TempDir()
        let f = dir.write("latin1.md", bytes: Array("# Titre\n\nCaf".utf8) + [0xE9] + Array(" noir\n".utf8))
        let r = try CLI.run(["check", f.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("latin1.md:3:"))
        #expect(r.stderr.contains("byte offset 12"))
        #expect(r.stdout.isEmpty || r.stdout.contains("checked"))
    }

    @Test func binaryFile() throws {
        let dir = TempDir()
        let f = dir.write("image.md", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
        let r = try CLI.run(["check", f.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("image.md"))
    }

    @Test func unreadableFileInATreeIsReportedAndTheRestChecked() throws {
        let dir = TempDir()
        dir.write("good.md", "This paragraph is English.\n")
        dir.write("bad.md", bytes: [0xFF, 0xFE, 0x41])
        let r = try CLI.run(["check", dir.url.path, "--format", "json"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("bad.md:1:"))
        #expect(r.stdout.contains("good.md"))
    }

    @Test func outputIntoAMissingFolderMakesItAndAnUnwritableOneSaysWhy() throws {
        let dir = TempDir()
        let en = Fixtures.example("en/tokenizers.md").path, zh = Fixtures.example("zh/tokenizers.md").path
        let page = dir.url.appendingPathComponent("new/sub/page.html").path
        let r = try CLI.run(["export", en, zh, "--format", "html", "-o", page])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: page))
        // A path under a regular file cannot be made: exit 2, the output named, the reason given.
        let blocked = dir.url.appendingPathComponent("new/sub/page.html/x.tmx").path
        let b = try CLI.run(["export", en, zh, "--format", "tmx", "-o", blocked])
        #expect(b.status == 2)
        #expect(b.stderr.contains("page.html/x.tmx"))
        #expect(b.stderr.contains("Not a directory"))
    }

    @Test func missingDataFolderIsSaidPlainly() throws {
        let empty = TempDir()
        // Every command, not only those that read the locales' data: without the folder, help,
        // rule texts and summaries would be message keys.
        let glossary = Fixtures.repoRoot.appendingPathComponent("glossary/genai.tsv").path
        for args in [["check", Fixtures.example("zh/tokenizers.md").path], ["glossary", "lint", glossary], ["rules"], ["--help"]] {
            let r = try CLI.run(args, env: ["BITEXT_DATA": empty.url.path])
            #expect(r.status == 2, "\(args)")
            #expect(r.stderr.contains("bitext cannot find its data folder (locales/)"), "\(args): \(r.stderr)")
            #expect(r.stdout.isEmpty, "\(args): \(r.stdout)")
        }
    }

    @Test func emptyFile() throws {
        let dir = TempDir()
        let f = dir.write("empty.md", "")
        let r = try CLI.run(["check", f.path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("1 file checked: 0 errors, 0 warnings, 0 info"))
        let s = try CLI.run(["segment", f.path, "--format", "json"])
        #expect(s.status == 0)
    }

    @Test func byteOrderMarkIsNotAColumn() throws {
        let dir = TempDir()
        let f = dir.write("bom.md", bytes: [0xEF, 0xBB, 0xBF] + Array("Untranslated English text.\n".utf8))
        let r = try CLI.run(["check", f.path, "--format", "json"])
        let finding = ((r.json as? [String: Any])?["findings"] as? [[String: Any]])?.first
        #expect(finding?["line"] as? Int == 1)
        #expect(finding?["column"] as? Int == 1)
        #expect(finding?["text"] as? String == "Untranslated English text.")
    }

    @Test func crlfPositionsMatchLF() throws {
        let lf = "# 标题\n\n中文段落，接着 then it continues in English for a while.\n\n- 项目\n- another item in English\n"
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        let a = Document(SourceText(path: "lf.md", text: lf)), b = Document(SourceText(path: "crlf.md", text: crlf))
        #expect(a.units.map(\.span) == b.units.map(\.span))
        for u in b.units { #expect(b.source.slice(from: u.start, through: u.end) == u.string) }
        let dir = TempDir()
        let f1 = dir.write("lf.md", lf), f2 = dir.write("crlf.md", crlf)
        let r1 = try CLI.run(["check", f1.path, "--format", "json"]), r2 = try CLI.run(["check", f2.path, "--format", "json"])
        func spans(_ r: CLI.Result) -> [String] {
            (((r.json as? [String: Any])?["findings"] as? [[String: Any]]) ?? []).map { "\($0["line"]!):\($0["column"]!)-\($0["endLine"]!):\($0["endColumn"]!) \($0["rule"]!)" }
        }
        #expect(!spans(r1).isEmpty)
        #expect(spans(r1) == spans(r2))
    }

    /// A 2 MB line is checked to the end. How long lines scale is measured by
    /// Benchmarks/hostile-inputs (a 5 MB paragraph), not by a timed test.
    @Test func twoMegabyteLine() throws {
        let dir = TempDir()
        let piece = "这是一个很长的段落，with some English words mixed in here and there. "
        let f = dir.write("long.md", String(repeating: piece, count: 2_000_000 / piece.utf8.count) + "\n")
        let r = try CLI.run(["check", f.path, "--format", "json", "-o", dir.path("out.json")])
        #expect(r.status == 0)
        let out = try String(contentsOfFile: dir.path("out.json"), encoding: .utf8)
        #expect(out.contains("\"mixed-language\""))
    }

    @Test func deepNesting() throws {
        let dir = TempDir()
        let quotes = dir.write("quotes.md", String(repeating: "> ", count: 10_000) + "深层引用，with text.\n")
        let lists = dir.write("lists.md", (0..<3000).map { String(repeating: "  ", count: $0) + "- 列表项\n" }.joined())
        let brackets = dir.write("brackets.md", String(repeating: "[", count: 50_000) + "中文" + String(repeating: "]", count: 50_000) + "\n")
        for f in [quotes, lists, brackets] {
            let r = try CLI.run(["check", f.path])
            #expect(r.status == 0, "\(f.lastPathComponent): \(r.stderr)")
        }
    }

    @Test func badArgumentsExitTwo() throws {
        #expect(try CLI.run(["check", "--format", "yaml", "x.md"]).status == 2)
        #expect(try CLI.run(["check", "--source-root", "en"]).status == 2)
        #expect(try CLI.run(["frobnicate"]).status == 2)
        #expect(try CLI.run(["check", "--help"]).status == 0)
    }

    @Test func configErrorsNameFileAndLine() throws {
        let dir = TempDir()
        dir.write("a.md", "中文。\n")
        dir.write("bitext.yml", "locale: zh-Hans\nrules:\n  mixed-language: error\n  no-such-rule: off\n")
        let r = try CLI.run(["check", "a.md"], cwd: dir.url)
        #expect(r.status == 2)
        #expect(r.stderr.contains("bitext.yml:4: unknown rule 'no-such-rule'"))
        dir.write("bitext.yml", "locale: zh-Hans\nspelling: british\n")
        let r2 = try CLI.run(["check", "a.md"], cwd: dir.url)
        #expect(r2.stderr.contains("bitext.yml:2: unknown key 'spelling'"))
        dir.write("bitext.yml", "rules: [unclosed\n")
        let r3 = try CLI.run(["check", "a.md"], cwd: dir.url)
        #expect(r3.status == 2)
        #expect(r3.stderr.contains("bitext.yml:"))
        dir.write("bitext.yml", "pairs:\n  - source: ../outside.md\n    target: a.md\n")
        // A pair may name a file above the configuration; a missing one is named.
        let r4 = try CLI.run(["check"], cwd: dir.url)
        #expect(r4.status == 2)
        #expect(r4.stderr.contains("outside.md: no such file"), "\(r4.stderr)")
        // --no-config ignores it.
        #expect(try CLI.run(["check", "a.md", "--no-config"], cwd: dir.url).status == 0)
    }

    @Test func configIsFoundWalkingUpAndApplied() throws {
        let dir = TempDir()
        dir.write("bitext.yml", "rules:\n  untranslated: error\nkeep: [Roadmap]\n")
        dir.write("docs/zh/a.md", "# 标题\n\nThis was never translated.\n")
        let sub = dir.url.appendingPathComponent("docs/zh")
        let r = try CLI.run(["check", "a.md", "--format", "json"], cwd: sub)
        #expect(r.status == 1)
        #expect(r.stdout.contains("\"severity\": \"error\""))
    }

    @Test func glossaryErrorsNameFileAndLine() throws {
        let dir = TempDir()
        dir.write("a.md", "中文。\n")
        dir.write("g.tsv", "source\ttarget\nLLM\t巨型语言模型\nno tab here\n")
        let r = try CLI.run(["check", "a.md", "--glossary", "g.tsv"], cwd: dir.url)
        #expect(r.status == 2)
        #expect(r.stderr.contains("g.tsv:3: expected tab-separated columns"), "\(r.stderr)")
        // In the user's language, for check and for glossary lint.
        let zh = try CLI.run(["check", "a.md", "--glossary", "g.tsv", "--lang", "zh-Hans"], cwd: dir.url)
        #expect(zh.status == 2)
        #expect(zh.stderr.contains("g.tsv:3: 应为以制表符分隔的列"), "\(zh.stderr)")
        dir.write("x.tbx", "<glossary/>")
        let lint = try CLI.run(["glossary", "lint", "x.tbx", "--lang", "zh-Hans"], cwd: dir.url)
        #expect(lint.status == 2)
        #expect(lint.stderr.contains("x.tbx:1: 不是 TBX：根元素是 <glossary>"), "\(lint.stderr)")
    }
}
