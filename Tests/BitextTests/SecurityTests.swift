import Foundation
import Testing
import BitextText

/// Hostile documents: exported pages run nothing and load nothing, whatever the Markdown holds.
@Suite struct SafeHTMLTests {
    /// Every way a document could try to run a script or fetch something. Scripts set the page
    /// title to a word they assemble at run time ("PW" + "NED…"), so the word only appears in
    /// the page if a script ran; fetches go to a local server that records them.
    static func hostile(_ server: String, chinese: Bool) -> String {
        let prose = chinese ? "这一段用中文写成，里面藏着" : "This paragraph is written in English and hides"
        return """
            ---
            title: "<script>document.title='PW'+'NED-fm'</script>"
            description: "<img src=x onerror=\\"document.title='PW'+'NED-fm2'\\">"
            ---

            # \(chinese ? "标题" : "Title") <script>document.title='PW'+'NED1'</script>

            <h2 class="no-numbering" onmouseover="document.title='PW'+'NED2'">\(chinese ? "HTML 里的标题" : "A heading in HTML") <img src=x onerror="document.title='PW'+'NED3'"></h2>

            \(prose) <img src=x onerror="document.title='PW'+'NED4'"> [link](javascript:document.title='PW'+'NED5'), [link](JaVaScRiPt:alert(1)), [link](data:text/html,<script>alert(1)</script>) <a href="javascript:void(document.title='PW'+'NED6')">raw</a>.

            <script>document.title='PW'+'NED7'</script>

            <iframe src="\(server)/iframe" srcdoc="<script>parent.document.title='PW'+'NED8'</script>"></iframe>

            <style>body{background:url(\(server)/style)} @import url(\(server)/import);</style>

            <svg xmlns="http://www.w3.org/2000/svg" onload="document.title='PW'+'NED9'"><script>document.title='PW'+'NED10'</script><image href="\(server)/svg"/></svg>

            ![\(chinese ? "图" : "image")](\(server)/markdown-image.png)

            <object data="\(server)/object"></object><embed src="\(server)/embed">

            <link rel="stylesheet" href="\(server)/link">

            <meta http-equiv="refresh" content="0;url=\(server)/refresh">

            <base href="\(server)/base/">

            <form action="\(server)/form"><input autofocus onfocus="document.title='PW'+'NED11'"></form>

            <details open ontoggle="document.title='PW'+'NED12'"><summary>x</summary></details>

            \(prose) `<script>document.title='PW'+'NED13'</script>` \(chinese ? "代码" : "in code").

            ```html
            <script>document.title='PW'+'NED14'</script>
            ```

            | a | b |
            | --- | --- |
            | <img src=x onerror="document.title='PW'+'NED15'"> | [x](javascript:alert(1)) |

            """
    }

    /// A local HTTP server that logs every request it gets.
    final class Server {
        let process = Process()
        private let stdin = Pipe()
        let log: URL
        let port: Int
        init(_ dir: TempDir, python: String) throws {
            log = dir.url.appendingPathComponent("requests.log")
            let portFile = dir.url.appendingPathComponent("port")
            let script = """
                import http.server, os, sys, threading
                # Ends with the test process: its end of our stdin closes however it stops.
                threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
                class H(http.server.BaseHTTPRequestHandler):
                    def do_GET(self):
                        open(sys.argv[1], 'a').write(self.path + '\\n')
                        self.send_response(200); self.send_header('Content-Type', 'text/html'); self.end_headers()
                        self.wfile.write(b'<script>document.title="PW"+"NED-remote"</script>')
                    do_POST = do_GET
                    def log_message(self, *a): pass
                s = http.server.HTTPServer(('127.0.0.1', 0), H)
                open(sys.argv[2], 'w').write(str(s.server_address[1]))
                s.serve_forever()
                """
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = ["-c", script, log.path, portFile.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            process.standardInput = stdin
            try process.run()
            var port = 0
            for _ in 0..<100 where port == 0 {
                usleep(50_000)
                port = Int((try? String(contentsOf: portFile, encoding: .utf8)) ?? "") ?? 0
            }
            self.port = port
        }
        var url: String { "http://127.0.0.1:\(port)" }
        var requests: [String] { ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init) }
        deinit { process.terminate() }
    }

    /// The DOM of a page after Chromium loaded it and ran whatever it would run (timers included).
    static func dom(_ page: String, chromium: String, dir: TempDir) throws -> String {
        let out = dir.url.appendingPathComponent("dom-\(UUID().uuidString).html")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        let handle = try FileHandle(forWritingTo: out)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: chromium)
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=3000", "--dump-dom",
                       URL(fileURLWithPath: page).absoluteString]
        p.standardOutput = handle
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        try handle.close()
        return (try? String(contentsOf: out, encoding: .utf8)) ?? ""
    }

    /// What must never be in an exported page outside the page's own head.
    static func dangerous(_ dom: String) -> [String] {
        let body = dom.components(separatedBy: "<body").dropFirst().joined()
        var found: [String] = []
        // Links and sources: no script or document URLs.
        let urls = try! NSRegularExpression(pattern: #"\s(?:href|src|action|formaction|data)="([^"]*)""#)
        for m in urls.matches(in: body, range: NSRange(body.startIndex..., in: body)) {
            let v = String(body[Range(m.range(at: 1), in: body)!]).lowercased().filter { !$0.isWhitespace }
            if ["javascript:", "vbscript:", "data:text", "data:image/svg", "file:"].contains(where: { v.hasPrefix($0) }) { found.append(v) }
        }
        // Tags and event handlers, with attribute values emptied (Chromium escapes `"` and `&`
        // in them, so a harmless value could otherwise look like a tag).
        let tags = body.replacingOccurrences(of: #"="[^"]*""#, with: "=\"\"", options: .regularExpression)
        let patterns = [#"<script"#, #"<iframe"#, #"<object"#, #"<embed"#, #"<style"#, #"<link"#, #"<meta"#, #"<base"#,
                        #"<form"#, #"<svg"#, #"<[^>]*\son[a-z]+\s*="#]
        found += patterns.filter { tags.range(of: $0, options: .regularExpression) != nil }
        return found
    }

    @Test func exportedPagesRunAndLoadNothing() throws {
        guard let chromium = Tools.which("chromium") ?? Tools.which("chromium-browser"), let python = Tools.python else {
            #expect(!Tools.required, "chromium or python3 missing (scripts/test installs chromium)"); return
        }
        let dir = TempDir()
        let server = try Server(dir, python: python)
        try #require(server.port > 0, "the local HTTP server did not start")
        // The harness sees what it looks for: a script that runs, a request that is made.
        dir.write("probe.html", "<html><body><script>document.title='PW'+'NED'</script><img src=\"\(server.url)/probe\"></body></html>")
        #expect(try Self.dom(dir.path("probe.html"), chromium: chromium, dir: dir).contains("PWNED"))
        #expect(server.requests == ["/probe"])
        dir.write("en/hostile.md", Self.hostile(server.url, chinese: false))
        dir.write("zh/hostile.md", Self.hostile(server.url, chinese: true))
        // A file name is document content too.
        let odd = "x\"><svg onload=document.title='PW'+'NED-name'>.md"
        dir.write("en/" + odd, "# Name\n\nA paragraph.\n")
        dir.write("zh/" + odd, "# 名字\n\n一段话。\n")

        let page = try CLI.run(["export", dir.path("en/hostile.md"), dir.path("zh/hostile.md"), "--format", "html",
                                "-o", dir.path("page.html"), "--no-config"])
        #expect(page.status == 0, "\(page.stderr)")
        let tree = try CLI.run(["export", "--source-root", dir.path("en"), "--target-root", dir.path("zh"), "--format", "html",
                                "-o", dir.path("site"), "--no-config"])
        #expect(tree.status == 0, "\(tree.stderr)")
        let coverage = try CLI.run(["coverage", "--source-root", dir.path("en"), "--target-root", dir.path("zh"),
                                    "--format", "html", "-o", dir.path("coverage.html"), "--no-config"])
        #expect(coverage.status == 0, "\(coverage.stderr)")

        let pages = [dir.path("page.html"), dir.path("site/index.html"), dir.path("coverage.html")]
            + ((try? FileManager.default.contentsOfDirectory(atPath: dir.path("site/pages"))) ?? [])
                .filter { $0.hasSuffix(".html") }.map { dir.path("site/pages/" + $0) }
        #expect(pages.count >= 5)
        for p in pages {
            let dom = try Self.dom(p, chromium: chromium, dir: dir)
            #expect(dom.contains("</html>"), "Chromium gave no DOM for \(p)")
            #expect(!dom.contains("PWNED"), "a script ran in \(p)")
            #expect(Self.dangerous(dom).isEmpty, "\(p): \(Self.dangerous(dom))")
        }
        // With the Content-Security-Policy in force nothing reached the network.
        #expect(server.requests == ["/probe"], "\(server.requests)")
        // The same pages without their CSP: the markup alone runs nothing, and the only fetches
        // are Markdown images (which the CSP blocks).
        for p in pages {
            let html = try String(contentsOfFile: p, encoding: .utf8)
            let bare = html.replacingOccurrences(of: #"<meta http-equiv="Content-Security-Policy"[^>]*>"#, with: "", options: .regularExpression)
            #expect(bare != html)
            let barePath = p + ".bare.html"
            try bare.write(toFile: barePath, atomically: true, encoding: .utf8)
            #expect(!(try Self.dom(barePath, chromium: chromium, dir: dir)).contains("PWNED"), "a script ran in \(p) without its CSP")
        }
        #expect(server.requests.dropFirst().allSatisfy { $0 == "/markdown-image.png" }, "\(server.requests)")
        // What should render still renders: the HTML heading is a heading, the text is there.
        // (Sentence spans and highlights removed: the review page lays them over the text.)
        let dom = try Self.dom(dir.path("page.html"), chromium: chromium, dir: dir)
            .replacingOccurrences(of: #"</?(span|mark)[^>]*>"#, with: "", options: .regularExpression)
        #expect(dom.contains("<h2>A heading in HTML"))
        #expect(dom.contains("<h2>HTML 里的标题"))
        #expect(dom.contains("<code>&lt;script&gt;document.title='PW'+'NED13'&lt;/script&gt;</code>"))
    }

    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func seedHeadingsInHTMLBlocksRenderAsHeadings() throws {
        guard let chromium = Tools.which("chromium") ?? Tools.which("chromium-browser") else {
            #expect(!Tools.required, "chromium missing"); return
        }
        let dir = TempDir()
        let hb = Fixtures.corpus("genai-handbook")!
        let r = try CLI.run(["export", hb.appendingPathComponent("en/intro.md").path, hb.appendingPathComponent("zh/intro.md").path,
                             "--format", "html", "-o", dir.path("seed.html"), "--no-config"])
        #expect(r.status == 0, "\(r.stderr)")
        let dom = try Self.dom(dir.path("seed.html"), chromium: chromium, dir: dir)
            .replacingOccurrences(of: #"</?(span|mark)[^>]*>"#, with: "", options: .regularExpression)
        #expect(dom.contains("<h2>The AI Landscape</h2>"))
        #expect(dom.contains("<h2>The Content Landscape</h2>"))
        #expect(Self.dangerous(dom).isEmpty)
    }
}

/// The same inputs give the same bytes whatever the number of worker threads.
@Suite struct DeterminismTests {
    @Test func outputDoesNotDependOnThreads() throws {
        let dir = TempDir()
        var sourceRoot = dir.path("en"), targetRoot = dir.path("zh"), newRoot = dir.path("new")
        if let react = Fixtures.corpus("react-dev") {
            sourceRoot = react.appendingPathComponent("en").path
            targetRoot = react.appendingPathComponent("zh").path
        } else {
            // Without ../shared: the bundled example, many times over with small differences.
            let en = try String(contentsOf: Fixtures.example("en/tokenizers.md"), encoding: .utf8)
            let zh = try String(contentsOf: Fixtures.example("zh/tokenizers.md"), encoding: .utf8)
            for k in 0..<24 {
                dir.write("en/d\(k % 4)/p\(k).md", en + "\nParagraph \(k) is new.\n")
                dir.write("zh/d\(k % 4)/p\(k).md", k % 3 == 0 ? zh : zh + "\n第 \(k) 段是新的。\n")
            }
        }
        // A newer source for drift: one long paragraph of each file gets a sentence more.
        for f in try FileManager.default.subpathsOfDirectory(atPath: sourceRoot) where f.hasSuffix(".md") {
            var lines = try String(contentsOfFile: sourceRoot + "/" + f, encoding: .utf8).components(separatedBy: "\n")
            if let k = lines.firstIndex(where: { $0.count > 200 && $0.first.map { !"#|`<>-".contains($0) } == true }) {
                lines[k] += " This sentence is new."
            }
            dir.write("new/" + f, lines.joined(separator: "\n"))
        }
        let runs: [[String]] = [
            ["check", "--source-root", sourceRoot, "--target-root", targetRoot, "--glossary", "glossary/genai.tsv", "--format", "json"],
            ["check", "--source-root", sourceRoot, "--target-root", targetRoot, "--glossary", "glossary/genai.tsv", "--format", "sarif"],
            ["check", targetRoot, "--format", "json"],
            ["coverage", "--source-root", sourceRoot, "--target-root", targetRoot, "--format", "json"],
            ["align", "--source-root", sourceRoot, "--target-root", targetRoot, "--format", "json"],
            ["align", "--source-root", sourceRoot, "--target-root", targetRoot, "--format", "text"],
            ["align", "--source-root", sourceRoot, "--target-root", targetRoot, "--format", "tsv"],
            ["drift", sourceRoot, newRoot, targetRoot, "--format", "json"],
            ["drift", sourceRoot, newRoot, targetRoot, "--format", "sarif"],
            ["export", "--source-root", sourceRoot, "--target-root", targetRoot, "--format", "tmx"],
            ["export", "--source-root", sourceRoot, "--target-root", targetRoot, "--format", "xliff"],
            ["export", "--source-root", sourceRoot, "--target-root", targetRoot, "--format", "xliff1"],
            ["export", "--source-root", sourceRoot, "--target-root", targetRoot, "--format", "tsv"],
            ["glossary", "suggest", "--source-root", sourceRoot, "--target-root", targetRoot, "--min-count", "2"],
        ]
        // Trees written as folders: every file the same.
        for format in ["html", "markdown"] {
            var trees: [[String: Data]] = []
            for jobs in ["1", "7"] {
                let out = dir.path("export-\(format)-\(jobs)")
                let r = try CLI.run(["export", "--source-root", sourceRoot, "--target-root", targetRoot, "--format", format,
                                     "-o", out, "--no-config", "--jobs", jobs])
                #expect(r.status == 0, "export \(format): \(r.stderr)")
                var files: [String: Data] = [:]
                for f in try FileManager.default.subpathsOfDirectory(atPath: out) {
                    var isDir: ObjCBool = false
                    if FileManager.default.fileExists(atPath: out + "/" + f, isDirectory: &isDir), !isDir.boolValue {
                        files[f] = FileManager.default.contents(atPath: out + "/" + f)
                    }
                }
                trees.append(files)
            }
            #expect(trees[0].count > 2, "export \(format)")
            #expect(trees[0].keys.sorted() == trees[1].keys.sorted(), "export \(format): other files with 7 threads")
            for (f, data) in trees[0] { #expect(trees[1][f] == data, "export \(format): \(f) differs between 1 and 7 threads") }
        }
        for args in runs {
            let one = try CLI.run(args + ["--no-config", "--jobs", "1"])
            let many = try CLI.run(args + ["--no-config", "--jobs", "7"])
            let all = try CLI.run(args + ["--no-config"])
            #expect(one.status == many.status && one.status == all.status, "\(args)")
            #expect(one.stdout.count > 100, "\(args): \(one.stderr)")
            #expect(one.stdout == many.stdout, "\(args): output differs between 1 and 7 threads")
            #expect(one.stdout == all.stdout, "\(args): output differs between 1 thread and all cores")
        }
    }
}

@Suite struct StreamedOutputTests {
    /// A document written piece by piece is byte for byte the document written at once.
    @Test func spliceMatchesWholeSerialisation() {
        let element: (Int) -> JSON = { k in .object([("rule", .string("r\(k)")), ("line", .int(k)), ("message", .string(String(repeating: "长", count: k * 30))),
                                                     ("details", .array([.int(k), .object([("a", .int(1))])]))]) }
        for n in [0, 1, 3] {
            let elements = (0..<n).map(element)
            let skeleton: (JSON) -> JSON = { arr in
                .object([("version", "2.1.0"), ("runs", .array([.object([("tool", .object([("name", "bitext")])), ("results", arr), ("after", .int(1))])])),
                         ("summary", .object([("files", .int(n))]))])
            }
            var splice = JSON.Splice(skeleton(.array([])), key: "results")
            let pieces = splice.head + elements.map { splice.element($0) }.joined() + splice.close + splice.tail
            #expect(pieces == skeleton(.array(elements)).serialized(), "\(n) elements")
        }
    }

    @Test func reportsAreWholeWhenWrittenToAFile() throws {
        let dir = TempDir()
        for format in ["json", "sarif", "text", "github"] {
            let r = try CLI.run(["check", "examples/zh/tokenizers.md", "--source", "examples/en/tokenizers.md", "--format", format,
                                 "-o", dir.path("out.\(format)"), "--no-config"])
            let file = try String(contentsOfFile: dir.path("out.\(format)"), encoding: .utf8)
            let stdout = try CLI.run(["check", "examples/zh/tokenizers.md", "--source", "examples/en/tokenizers.md", "--format", format, "--no-config"])
            #expect(file == stdout.stdout, "\(format)")
            #expect(r.status == stdout.status)
            if format == "json" || format == "sarif" {
                #expect((try? JSONSerialization.jsonObject(with: Data(file.utf8))) != nil, "\(format) is not JSON")
            }
        }
        // No temporary file is left beside the report.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).allSatisfy { !$0.hasPrefix(".") })
    }
}
