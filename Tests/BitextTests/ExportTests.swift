import Foundation
import Testing
@testable import BitextReport

@Suite struct ExportTests {
    static let en = Fixtures.corpus("genai-handbook/en/intro.md")?.path ?? "examples/en/tokenizers.md"
    static let zh = Fixtures.corpus("genai-handbook/zh/intro.md")?.path ?? "examples/zh/tokenizers.md"

    static func export(_ format: String, _ dir: TempDir, _ name: String, source: String = en, target: String = zh) throws -> String {
        let r = try CLI.run(["export", source, target, "--format", format, "-o", dir.path(name), "--no-config"])
        #expect(r.status == 0, "\(r.stderr)")
        return try String(contentsOfFile: dir.path(name), encoding: .utf8)
    }

    @Test func tmxIsValidAndHoldsOnlyTranslations() throws {
        let dir = TempDir()
        let tmx = try Self.export("tmx", dir, "a.tmx")
        #expect(tmx.contains("<tmx version=\"1.4\">"))
        for attr in ["creationtool=", "creationtoolversion=", "segtype=", "o-tmf=", "adminlang=", "srclang=", "datatype="] {
            #expect(tmx.contains(attr), "header lacks \(attr)")
        }
        // Every target segment is Chinese; nothing of the untranslated English made it in.
        let targets = tmx.components(separatedBy: "<tuv xml:lang=\"zh-CN\"><seg>").dropFirst().map { $0.components(separatedBy: "</seg>")[0] }
        #expect(!targets.isEmpty)
        for t in targets { #expect(t.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(t)") }
        #expect(!tmx.contains("译者注"))
        if let dtd = Fixtures.shared?.appendingPathComponent("schemas/tmx14.dtd"), let xmllint = Tools.which("xmllint") {
            let (status, out) = try Tools.run(xmllint, ["--noout", "--dtdvalid", dtd.path, dir.path("a.tmx")])
            #expect(status == 0, "\(out)")
        } else {
            #expect(!Tools.required, "xmllint or ../shared/schemas missing")
        }
    }

    @Test func translateToolkitReadsTMXAndXLIFF() throws {
        guard let py = Tools.python, Tools.pythonHas("translate.storage.xliff2") else {
            #expect(!Tools.required, "translate-toolkit not installed"); return
        }
        let dir = TempDir()
        let tmx = try Self.export("tmx", dir, "a.tmx")
        _ = try Self.export("xliff", dir, "a.xlf")
        let tus = tmx.components(separatedBy: "<tu ").count - 1
        let script = """
            import sys
            from translate.storage import tmx, xliff2
            t = tmx.tmxfile.parsefile(sys.argv[1])
            units = [u for u in t.units]
            assert len(units) == int(sys.argv[3]), (len(units), sys.argv[3])
            assert all(u.source and u.target for u in units)
            x = xliff2.Xliff2File.parsefile(sys.argv[2])
            segs = [u for u in x.units]
            done = [u for u in segs if u.target]
            todo = [u for u in segs if not u.target]
            assert done and todo, (len(done), len(todo))
            # A translated target is Chinese, or the source kept as it is (a name, code).
            assert all(any('\\u4e00' <= c <= '\\u9fff' for c in u.target) or u.target == u.source for u in done), \
                [(u.source, u.target) for u in done if not any('\\u4e00' <= c <= '\\u9fff' for c in u.target) and u.target != u.source]
            print(len(units), len(done), len(todo))
            """
        let (status, out) = try Tools.run(py, ["-c", script, dir.path("a.tmx"), dir.path("a.xlf"), String(tus)])
        #expect(status == 0, "\(out)")
    }

    @Test func xliffMarksWhatIsLeft() throws {
        let dir = TempDir()
        let x = try Self.export("xliff", dir, "a.xlf", source: "examples/en/tokenizers.md", target: "examples/zh/tokenizers.md")
        #expect(x.contains("xmlns=\"urn:oasis:names:tc:xliff:document:2.0\""))
        #expect(x.contains("state=\"translated\""))
        #expect(x.contains("state=\"initial\""))
        // An initial segment carries a target only when it is half translated (Chinese, then English).
        for seg in x.components(separatedBy: "<segment ").dropFirst() where seg.hasPrefix("id=\"s") && seg.contains("state=\"initial\"") {
            let body = seg.components(separatedBy: "</segment>")[0]
            guard let t = body.components(separatedBy: "<target>").dropFirst().first else { continue }
            #expect(t.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } && t.contains(" words "), "\(t)")
        }
        // XLIFF 1.2 marks the same sentence needs-review-translation, with its text.
        let x1 = try Self.export("xliff1", dir, "b.xlf", source: "examples/en/tokenizers.md", target: "examples/zh/tokenizers.md")
        #expect(x1.contains("<target state=\"needs-review-translation\">字节对编码（BPE）"))
        // The partial paragraph mixes both.
        let partial = x.components(separatedBy: "<unit ").first { $0.contains("Byte-pair encoding") }
        #expect(partial?.contains("state=\"translated\"") == true && partial?.contains("state=\"initial\"") == true)
    }

    @Test func tsvRoundTripDropsNothing() throws {
        let dir = TempDir()
        let tsv = try Self.export("tsv", dir, "a.tsv")
        let pairs = TSVExporter.read(tsv)
        let json = try CLI.run(["align", Self.en, Self.zh, "--format", "json", "--no-config"]).json as? [String: Any]
        let beads = json?["pairs"] as? [[String: Any]] ?? []
        #expect(pairs.count == beads.count)
        // Every block of both sides comes out exactly once.
        let sourceBlocks = beads.reduce(0) { $0 + (($1["source"] as? [Any])?.count ?? 0) }
        let targetBlocks = beads.reduce(0) { $0 + (($1["target"] as? [Any])?.count ?? 0) }
        let seg = try CLI.run(["segment", Self.zh, "--format", "json"]).json as? [String: Any]
        let targetUnits = (seg?["units"] as? [Any])?.count ?? -1, targetCode = (seg?["codeBlocks"] as? [Any])?.count ?? -1
        #expect(targetBlocks == targetUnits + targetCode)
        let segEN = try CLI.run(["segment", Self.en, "--format", "json"]).json as? [String: Any]
        #expect(sourceBlocks == ((segEN?["units"] as? [Any])?.count ?? -1) + ((segEN?["codeBlocks"] as? [Any])?.count ?? -1))
        // Escaping survives tabs, newlines and backslashes.
        let tricky = "a\tb\nc\\d"
        #expect(TSVExporter.read(TSVExporter.escape(tricky) + "\t" + TSVExporter.escape("中\t文") + "\n").first! == (tricky, "中\t文"))
    }

    @Test func tmxRoundTripGivesTheAlignedText() throws {
        let dir = TempDir()
        let tmx = try Self.export("tmx", dir, "a.tmx")
        let pairs = try XMLDocumentReader.pairs(tmx)
        #expect(pairs.count == tmx.components(separatedBy: "<tu ").count - 1)
        // Read back, every segment is Markdown of its document, word for word (line breaks aside).
        func collapsed(_ s: String) -> String { s.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ") }
        let sourceText = collapsed(try String(contentsOfFile: Self.en, encoding: .utf8))
        let targetText = collapsed(try String(contentsOfFile: Self.zh, encoding: .utf8))
        for (s, t) in pairs {
            #expect(sourceText.contains(collapsed(s)), "\(s)")
            #expect(targetText.contains(collapsed(t)), "\(t)")
        }
    }

    @Test func htmlPageIsSelfContainedAndRendersHeadings() throws {
        let dir = TempDir()
        let html = try Self.export("html", dir, "a.html")
        #expect(html.contains("Content-Security-Policy"))
        // One script, the page's own, in the head, allowed by its hash.
        #expect(html.lowercased().components(separatedBy: "<script").count == 2)
        #expect(html.components(separatedBy: "</head>")[0].contains("<script>"))
        #expect(html.contains("script-src 'sha256-"))
        #expect(!html.contains("src=\"http"))
        #expect(!html.contains("<link "))
        let text = html.replacingOccurrences(of: #"</?(span|mark)[^>]*>"#, with: "", options: .regularExpression)
        #expect(text.contains("<h1>导言</h1>") || text.contains("<h1>How Tokenizers Work</h1>"))
        #expect(html.contains("class=\"row untranslated "))
        #expect(html.contains("class=\"row partial "))
        #expect(html.contains("@media (max-width:800px)"))
        #expect(html.contains("<nav>"))
    }

    @Test func markdownExportQuotesTheSourceBeforeEachTranslation() throws {
        let dir = TempDir()
        let md = try Self.export("markdown", dir, "a.md", source: "examples/en/tokenizers.md", target: "examples/zh/tokenizers.md")
        #expect(md.contains("> # How Tokenizers Work\n\n# 分词器是如何工作的"))
        #expect(md.contains("> | Model family | Context window |"))
        #expect(md.contains("| 模型类别 | 上下文窗口 |"))
        // Code whose comments were translated is shown both ways; identical code once.
        #expect(md.components(separatedBy: "import tiktoken").count == 3)
        let same = TempDir()
        same.write("en.md", "Run this:\n\n```sh\nmake test\n```\n")
        same.write("zh.md", "运行：\n\n```sh\nmake test\n```\n")
        let once = try Self.export("markdown", same, "out.md", source: same.path("en.md"), target: same.path("zh.md"))
        #expect(once.components(separatedBy: "make test").count == 2)
        // An MkDocs note travels whole: its body stays indented under its marker, in the quote
        // and in the translation (a quote marker before the indentation would end the note).
        let note = TempDir()
        note.write("en.md", "# Setup\n\n!!! note \"Before you start\"\n    The server must be running.\n\n    - Check the port.\n\nThen run the client.\n")
        note.write("zh.md", "# 安装\n\n!!! note \"开始之前\"\n    服务器必须已经运行。\n\n    - 检查端口。\n\n然后运行客户端。\n")
        let notes = try Self.export("markdown", note, "out.md", source: note.path("en.md"), target: note.path("zh.md"))
        #expect(notes.contains("> !!! note \"Before you start\"\n>     The server must be running.\n>\n>     - Check the port.\n\n"
                               + "!!! note \"开始之前\"\n    服务器必须已经运行。\n\n    - 检查端口。\n\n> Then run the client."), "\(notes)")
        let r = try CLI.run(["segment", dir.path("a.md"), "--format", "json"])
        #expect(r.status == 0)
    }

    @Test func treeExportWritesPagesAndAnIndexUnderTheFolder() throws {
        let dir = TempDir()
        dir.write("en/a.md", "# Title\n\nSome English.\n")
        dir.write("en/sub/b.md", "# Other\n\nMore English.\n")
        dir.write("zh/a.md", "# 标题\n\n一些中文。\n")
        dir.write("zh/sub/b.md", "# 其他\n\n更多中文。\n")
        let r = try CLI.run(["export", "--source-root", dir.path("en"), "--target-root", dir.path("zh"), "--format", "html",
                             "-o", dir.path("out"), "--no-config"])
        #expect(r.status == 0, "\(r.stderr)")
        for f in ["out/index.html", "out/pages/a.html", "out/pages/sub/b.html"] {
            #expect(FileManager.default.fileExists(atPath: dir.path(f)), "\(f)")
        }
        let index = try String(contentsOfFile: dir.path("out/index.html"), encoding: .utf8)
        #expect(index.contains("href=\"pages/sub/b.html\""))
    }
}

/// Reads TMX translation units back: (source, target) pairs.
enum XMLDocumentReader {
    /// (source, target) pairs, inline codes (`<bpt>`, `<ept>`, `<ph>`, `<it>`) read as the Markdown they hold.
    static func pairs(_ tmx: String) throws -> [(String, String)] {
        var out: [(String, String)] = []
        for tu in tmx.components(separatedBy: "<tu ").dropFirst() {
            let segs = tu.components(separatedBy: "<seg>").dropFirst().map { unescape(stripTags($0.components(separatedBy: "</seg>")[0])) }
            if segs.count == 2 { out.append((segs[0], segs[1])) }
        }
        return out
    }

    static func stripTags(_ s: String) -> String {
        var out = ""
        var inTag = false
        for c in s {
            if c == "<" { inTag = true; continue }
            if c == ">" && inTag { inTag = false; continue }
            if !inTag { out.append(c) }
        }
        return out
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }
}
