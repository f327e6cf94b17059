import Foundation
import Testing
@testable import BitextReport
import BitextDigest

/// The HTML review page: what a reviewer sees and does with it, in the page's markup and in
/// headless Chromium (scripts/cdp.py drives it over the DevTools protocol).
@Suite struct ReviewPageTests {
    static let en = """
        # Getting Started {#getting-started}

        This guide shows how to install the tool and how to run your first check.

        ![The build pipeline from source to report](images/pipeline.png)

        ## Install {#install}

        Download the archive for your platform and unpack it anywhere you like. Add the folder to your path so that the shell finds it.

        ::: tip Before you start
        You need a recent shell and an LLM account for the optional features.
        :::

        > Note: Upgrading replaces the old binary in place.

        <div class="options-api">

        Options users declare the settings in a plain object.

        </div>

        ## Commands {#commands}

        - Run the check on one file at a time.
        - Export the results as a web page for review.
        - Compare two versions of the guide after an update.

        See the [reference](/reference/commands) for every option.

        """
    static let zh = """
        # 快速上手 {#getting-started}

        本指南介绍如何安装这个工具，以及如何运行第一次检查。

        ![从源码到报告的构建流程](images/pipeline.png)

        ## 安装 {#install}

        下载适合你平台的压缩包，解压到任意位置。 Add the folder to your path so that the shell finds it.

        ::: tip 开始之前
        你需要一个较新的 shell，以及一个用于可选功能的大模型账号。
        :::

        > Note: 升级会原地替换旧的二进制文件。

        <div class="options-api">

        选项式 API 的用户在一个普通对象里声明设置。

        </div>

        ## 命令 {#commands}

        - Run the check on one file at a time.
        - Export the results as a web page for review.
        - Compare two versions of the guide after an update.

        完整的选项见[参考](/reference/commands)。

        """

    /// A pair in a git repository whose English changed after the translation, with an image.
    static func fixture() throws -> (TempDir, String) {
        let dir = TempDir()
        dir.write("en/guide.md", en)
        dir.write("zh/guide.md", zh)
        dir.write("en/images/pipeline.png", bytes: png)
        dir.write("glossary.tsv", "LLM\t巨型语言模型\t\t大模型\n")
        var rev = "HEAD"
        if Tools.which("git") != nil {
            _ = try DriftTests.git(dir.url, "init", "-q")
            _ = try DriftTests.git(dir.url, "add", ".")
            _ = try DriftTests.git(dir.url, "commit", "-q", "-m", "first")
            rev = try DriftTests.git(dir.url, "rev-parse", "HEAD")
            dir.write("en/guide.md", en.replacingOccurrences(of: "how to run your first check", with: "how to run your very first check"))
            _ = try DriftTests.git(dir.url, "commit", "-q", "-am", "second")
        }
        return (dir, rev)
    }

    /// A 1×1 PNG.
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1,
                               8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE, 0, 0, 0, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x08, 0xD7, 0x63, 0xF8, 0xCF,
                               0xC0, 0, 0, 0x03, 0x01, 0x01, 0, 0x18, 0xDD, 0x8D, 0xB0, 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42,
                               0x60, 0x82]

    static func export(_ dir: TempDir, _ extra: [String], out: String = "review/page.html") throws -> String {
        try FileManager.default.createDirectory(atPath: dir.path("review"), withIntermediateDirectories: true)
        let r = try CLI.run(["export", "en/guide.md", "zh/guide.md", "--format", "html", "--glossary", "glossary.tsv",
                             "-o", out, "--no-config"] + extra, cwd: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        return try String(contentsOfFile: dir.path(out), encoding: .utf8)
    }

    @Test func pageShowsWhatAReviewerActsOn() throws {
        let (dir, _) = try Self.fixture()
        let html = try Self.export(dir, ["--line-url", "https://example.org/o/r/blob/main/{path}#L{line}", "--site-base", "https://docs.example.org"])
        // Line numbers link through the template, on both sides.
        #expect(html.contains("href=\"https://example.org/o/r/blob/main/en/guide.md#L3\">3</a>"))
        #expect(html.contains("href=\"https://example.org/o/r/blob/main/zh/guide.md#L3\">3</a>"))
        // Heading ids are anchors, not text.
        #expect(!html.contains("{#install}</h2>") && !html.contains("安装 {#install}"))
        #expect(html.contains("id=\"install\""))
        #expect(html.contains("id=\"src-install\""))
        // Asides, call-outs and API variants as the site shows them.
        #expect(html.contains("<aside class=\"container tip\"><p class=\"container-title\">开始之前</p>"))
        #expect(html.contains("<aside class=\"callout note\">"))
        #expect(html.contains("<p class=\"variant-label\">options-api</p>"))
        // The English left in a partial paragraph, the forbidden term and glossary hits, in place.
        let ml = html.range(of: #"<mark class="hl-ml"[^>]*>[^<]*Add the folder"#, options: .regularExpression)
        #expect(ml != nil)
        #expect(html.range(of: #"<mark class="hl-gf"[^>]*>大模型</mark>"#, options: .regularExpression) != nil)
        #expect(html.range(of: #"<mark class="hl-gh"[^>]*>LLM</mark>"#, options: .regularExpression) != nil)
        // Site-absolute links under --site-base.
        #expect(html.contains("href=\"https://docs.example.org/reference/commands\""))
        // A list of untranslated items: one row, untranslated (not partial), each item named.
        let item = try #require(html.range(of: "Run the check on one file"))
        let start = try #require(html.range(of: "<div class=\"row ", options: .backwards, range: html.startIndex..<item.lowerBound))
        let row = String(html[start.lowerBound...].prefix(8000))
        #expect(row.hasPrefix("<div class=\"row untranslated "), "\(row.prefix(60))")
        for (line, words) in [(25, "Run the check on one file"), (26, "Export the results as a"), (27, "Compare two versions of the")] {
            #expect(row.contains("list item, line \(line): “\(words)"), "\(line)")
        }
        // The image shows from the source folder, which the policy allows.
        #expect(html.contains("src=\"../en/images/pipeline.png\""))
        #expect(html.contains("img-src data: 'self'"))
        // The script is allowed by its hash, nothing else.
        #expect(html.contains("script-src 'sha256-"))
        #expect(!html.contains("unsafe-inline'; img") || html.contains("style-src 'unsafe-inline'"))
    }

    /// The script hash is libcrypto's SHA-256, opened on first use: FIPS 180-2's test vectors.
    @Test func scriptHashIsSHA256() {
        #expect(SHA256.cspSource("abc") == "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='")
        #expect(SHA256.cspSource("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='")
    }

    @Test func copyAssetsPutsImagesBesideThePage() throws {
        let (dir, _) = try Self.fixture()
        let html = try Self.export(dir, ["--copy-assets"])
        let src = try #require(html.range(of: #"src="assets/[0-9a-f]{12}-pipeline\.png""#, options: .regularExpression))
        let name = html[src].dropFirst(5).dropLast()
        #expect(FileManager.default.fileExists(atPath: dir.path("review/" + name)))
        // The same bytes every run.
        #expect(try Self.export(dir, ["--copy-assets"]) == html)
    }

    @Test func staleUnitsAreMarkedSinceARevision() throws {
        guard Tools.which("git") != nil else { #expect(!Tools.required, "git missing"); return }
        let (dir, rev) = try Self.fixture()
        let html = try Self.export(dir, ["--since", rev])
        #expect(html.range(of: #"<div class="row [^"]*stale"#, options: .regularExpression) != nil)
        #expect(html.contains("stale-translation"))
        #expect(html.contains("data-filter=\"stale\" aria-pressed=\"false\">Stale <b>1</b>"))
    }

    @Test func treeIndexNeverOverwritesAPageNamedIndex() throws {
        let dir = TempDir()
        dir.write("en/index.md", "# Home\n\nWelcome to the guide.\n")
        dir.write("zh/index.md", "# 首页\n\n欢迎阅读本指南。\n")
        dir.write("en/sub/b.md", "# Other\n\nMore English here for the reader.\n\nAnd a second paragraph.\n")
        dir.write("zh/sub/b.md", "# 其他\n\nMore English here for the reader.\n\n第二段。\n")
        let r = try CLI.run(["export", "--source-root", "en", "--target-root", "zh", "--format", "html", "-o", "out", "--no-config"], cwd: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("out/index.html"))
        let index = try String(contentsOfFile: dir.path("out/index.html"), encoding: .utf8)
        let home = try String(contentsOfFile: dir.path("out/pages/index.html"), encoding: .utf8)
        #expect(index.contains("<table class=\"pages\">"))
        #expect(home.contains("欢迎阅读本指南"))
        #expect(index.contains("href=\"pages/index.html\"") && index.contains("href=\"pages/sub/b.html\""))
        // Coverage and problem counts, sortable.
        #expect(index.contains("data-sort=\"1\""))
        #expect(index.range(of: #"<td data-v="1">1</td><td data-v="0">0</td>"#, options: .regularExpression) != nil, "\(index)")
        let b = try String(contentsOfFile: dir.path("out/pages/sub/b.html"), encoding: .utf8)
        #expect(b.contains("href=\"../../index.html\""))
        // Clicking a column sorts by it (its script runs under the page's policy).
        guard Tools.which("chromium") ?? Tools.which("chromium-browser") != nil, let python = Tools.python else {
            #expect(!Tools.required, "chromium or python3 missing"); return
        }
        let order = "(function(){function o(){return Array.from(document.querySelectorAll('table.pages tbody tr')).map(r=>r.cells[0].textContent)}"
            + "var th=document.querySelector('th[data-sort=\"1\"]');th.click();var up=o();th.click();return [up,o()]})()"
        let (status, out) = try Tools.run(python, [Fixtures.repoRoot.appendingPathComponent("scripts/cdp.py").path, "eval", dir.path("out/index.html"), order])
        #expect(status == 0, "\(out)")
        let sorted = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any]
        #expect(sorted?["value"] as? [[String]] == [["sub/b.md", "index.md"], ["index.md", "sub/b.md"]], "\(out)")
        #expect((sorted?["violations"] as? [String])?.isEmpty == true, "\(out)")
    }

    /// The page in Chromium: keys, buttons, filter, hover and focus; no request, no CSP violation.
    @Test func reviewerDrivesThePageInChromium() throws {
        guard Tools.which("chromium") ?? Tools.which("chromium-browser") != nil, let python = Tools.python else {
            #expect(!Tools.required, "chromium or python3 missing (scripts/test installs chromium)"); return
        }
        let cdp = Fixtures.repoRoot.appendingPathComponent("scripts/cdp.py").path
        // The harness sees a request and a CSP violation when there is one.
        let probe = TempDir()
        let server = try SafeHTMLTests.Server(probe, python: python)
        try #require(server.port > 0)
        let (cs, cout) = try Tools.run(python, [cdp, "controls", server.url])
        #expect(cs == 0, "\(cout)")
        let controls = try #require(try JSONSerialization.jsonObject(with: Data(cout.utf8)) as? [String: Any], "\(cout)")
        #expect((controls["requests"] as? [String])?.contains { $0.hasSuffix("/control.png") } == true, "\(cout)")
        #expect((controls["violations"] as? [String])?.isEmpty == false, "\(cout)")

        let (dir, rev) = try Self.fixture()
        let html = try Self.export(dir, Tools.which("git") != nil ? ["--since", rev] : [])
        let (status, out) = try Tools.run(python, [cdp, "review", dir.path("review/page.html")])
        #expect(status == 0, "\(out)")
        let r = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any], "\(out)")
        #expect(r["ready"] as? Bool == true)
        let problems = r["problemRows"] as? [String] ?? []
        #expect(problems.count >= 3, "\(out)")
        // j, j, k: the first problem, the next, back to the first; the button goes on to the next.
        #expect(r["keys"] as? [String] == [problems[0], problems[1], problems[0]], "\(out)")
        #expect(r["nextButton"] as? String == problems[1])
        // Each filter shows exactly its rows.
        func count(_ cls: String) -> Int { html.components(separatedBy: "<div class=\"row ").dropFirst().filter { $0.prefix(while: { $0 != "\"" }).split(separator: " ").contains(Substring(cls)) }.count }
        let filters = r["filters"] as? [String: [String: Any]] ?? [:]
        #expect(filters["problems"]?["visible"] as? Int == problems.count)
        #expect(filters["untranslated"]?["visible"] as? Int == count("todo"))
        #expect(filters["stale"]?["visible"] as? Int == count("stale"))
        #expect(filters["all"]?["visible"] as? Int == r["rows"] as? Int)
        #expect(filters["problems"]?["shown"] as? String == String(problems.count))
        if Tools.which("git") != nil { #expect(count("stale") == 1) }
        // Hovering a sentence lights it and its counterpart on the other side; focus does the same.
        for key in ["hoverTarget", "hoverSource", "focusSentence"] {
            let h = r[key] as? [String: Any]
            let lit = h?["highlighted"] as? [[String]] ?? []
            #expect(Set(lit.map { $0[0] }) == ["src", "tgt"], "\(key): \(out)")
            #expect(lit.allSatisfy { $0[1] == h?["group"] as? String }, "\(key): \(out)")
        }
        #expect((r["requests"] as? [String])?.isEmpty == true, "\(out)")
        #expect((r["violations"] as? [String])?.isEmpty == true, "\(out)")
        _ = server
    }
}

/// The page builder's byte scans answer as the patterns they stand for.
@Suite struct ReviewPageScanTests {
    static let samples = [
        "", "src=\"", "href=\"", "<img src=\"a.png\" alt=\"x\" />", "<a href=\"#top\">x</a><img src=\"b\" />",
        "hsrc=\"x\"", "hhref=\"y\"", "shref=\"z\"", "srchref=\"", "href= \"no\"", "SRC=\"upper\"", "数组 href=\"中文\" src=\"x\"",
        "https://example.com", "mailto:a@b.c", "C:\\path", "a+b.c-d:rest", "1http:", ":", "a", "ab", "/abs", "//host", "#frag",
        "ftp:", "x y:", "é:", "a_b:", "-a:", "<div class=\"tip\">", "  <div class='options-api'>  ", "</div>", " \t</div> ",
        ":::", " ::: ", ":: :", "::::", "\u{3000}:::", "text <div class=\"x\"> more", "<div\tclass = \"composition-api\" >",
    ]

    @Test func firstAttributeIsThePatternsFirstMatch() {
        for s in Self.samples {
            let text = Substring("pre " + s + " post " + s)
            let expected = text.range(of: #"(src|href)=""#, options: .regularExpression)
            #expect(PageBuilder.firstAttribute(in: text) == expected, "\(s)")
        }
    }

    @Test func hasSchemeIsThePattern() {
        for s in Self.samples {
            #expect(PageBuilder.hasScheme(s) == (s.range(of: #"^[A-Za-z][A-Za-z0-9+.-]*:"#, options: .regularExpression) != nil), "\(s)")
        }
    }

    /// An MkDocs admonition is an aside with its title, its indented body Markdown (a paragraph,
    /// a table), not a code block; a content tab is a box titled with its name.
    @Test func mkdocsContainersAreAsides() throws {
        let dir = TempDir()
        dir.write("en/a.md", "# Setup\n\n!!! note \"Before you start\"\n    The server must be running.\n\n    | Option | Meaning |\n    | --- | --- |\n    | `timeout` | Seconds to wait |\n\n=== \"Python\"\n\n    ```python\n    run()\n    ```\n\nThen run the client.\n")
        dir.write("zh/a.md", "# 安装\n\n!!! note \"开始之前\"\n    服务器必须已经运行。\n\n    | 选项 | 含义 |\n    | --- | --- |\n    | `timeout` | 等待秒数 |\n\n=== \"Python\"\n\n    ```python\n    run()\n    ```\n\n然后运行客户端。\n")
        let r = try CLI.run(["export", "en/a.md", "zh/a.md", "--format", "html", "-o", "a.html", "--no-config"], cwd: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOfFile: dir.path("a.html"), encoding: .utf8)
        #expect(html.contains("<aside class=\"container note\"><p class=\"container-title\">开始之前</p>"))
        #expect(html.contains("<aside class=\"container note\"><p class=\"container-title\">Before you start</p>"))
        // (A tab's title is code, no row of its own: the tab's first row is boxed and titled.)
        #expect(html.contains("<div class=\"container tab\"><p class=\"container-title\">Python</p><pre><code class=\"language-python\">"))
        #expect(html.contains("<div class=\"container note\"><table>"))
        #expect(html.contains("<table>"))
        #expect(html.contains("<code class=\"language-python\">"))
        #expect(!html.contains("<pre><code>The server") && !html.contains("<pre><code>| Option"))
        #expect(!html.contains("!!! note"))
    }

    @Test func containerLinesAsTheTrimmedTests() {
        for s in Self.samples {
            let t = s.trimmingCharacters(in: .whitespaces)
            #expect(SiteSyntax.isFenceClose(s) == (t.count >= 3 && t.allSatisfy { $0 == ":" }), "\(s)")
            #expect(SiteSyntax.isDivClose(s) == (t == "</div>"), "\(s)")
            #expect((SiteSyntax.divOpen(s) != nil) == (t.range(of: #"^<div\s+class\s*=\s*["']([A-Za-z][\w -]*)["']\s*>$"#, options: .regularExpression) != nil), "\(s)")
        }
    }
}
