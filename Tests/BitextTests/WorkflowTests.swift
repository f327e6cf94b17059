import Foundation
import Testing
@testable import BitextCheck
import Yams

/// The translator's everyday workflow (issue 13): bitext.yml applies to named files too,
/// --fix works on trees, paths and options behave the same everywhere.
@Suite struct WorkflowTests {
    static let glossary = Fixtures.repoRoot.appendingPathComponent("glossary/genai.tsv").path

    /// A translation project: en/ and zh/ paired in bitext.yml, with the bundled example.
    static func project(_ config: String? = nil) throws -> TempDir {
        let dir = TempDir()
        for side in ["en", "zh"] {
            var text = try String(contentsOf: Fixtures.example("\(side)/tokenizers.md"), encoding: .utf8)
            // A section the translation does not have yet: only a bilingual check sees it.
            if side == "en" { text += "\n## Further reading\n\nThe tokenizer chapter of any recent textbook covers merges in depth.\n" }
            dir.write("\(side)/guide/tokenizers.md", text)
        }
        dir.write("bitext.yml", config ?? """
            glossaries: [\(glossary)]
            pairs:
              - source-root: en
                target-root: zh
            """)
        return dir
    }

    static func findings(_ r: CLI.Result) -> [[String: Any]] {
        ((r.json as? [String: Any])?["findings"] as? [[String: Any]]) ?? []
    }

    static func rules(_ r: CLI.Result) -> [String] { findings(r).compactMap { $0["rule"] as? String } }

    // Defect 1: a named file of a configured pair is checked against its source.
    @Test func namedTargetIsCheckedAgainstItsConfiguredSource() throws {
        let dir = try Self.project()
        let all = try CLI.run(["check", "--format", "json"], cwd: dir.url)
        let named = try CLI.run(["check", "zh/guide/tokenizers.md", "--format", "json"], cwd: dir.url)
        let folder = try CLI.run(["check", "zh", "--format", "json"], cwd: dir.url)
        #expect(Self.rules(all).contains("missing-translation"), "\(all.stdout)")
        #expect(Self.rules(named) == Self.rules(all), "\(named.stdout)")
        #expect(Self.rules(folder) == Self.rules(all))
        // The sibling coverage says which mode it used.
        let cov = try CLI.run(["coverage", "zh/guide/tokenizers.md", "--format", "json"], cwd: dir.url)
        #expect((cov.json as? [String: Any])?["mode"] as? String == "bilingual", "\(cov.stdout)")
        let text = try CLI.run(["coverage", "zh/guide/tokenizers.md"], cwd: dir.url)
        #expect(text.stdout.contains("mode: bilingual, measured against the source"))
        let alone = try CLI.run(["coverage", "zh/guide/tokenizers.md", "--no-config"], cwd: dir.url)
        #expect(alone.stdout.contains("mode: monolingual"), "\(alone.stdout)")
    }

    @Test func namedSourcesAndIgnoredFilesAreSkippedWithANote() throws {
        let dir = try Self.project()
        // A pre-commit hook passes every changed file, sources included.
        let r = try CLI.run(["check", "en/guide/tokenizers.md", "zh/guide/tokenizers.md", "--format", "json", "--verbose"], cwd: dir.url)
        #expect(!Self.findings(r).contains { ($0["file"] as? String)?.hasPrefix("en/") == true }, "\(r.stdout)")
        #expect(r.stderr.contains("en/guide/tokenizers.md: skipped: it is the source of a pair in bitext.yml"), "\(r.stderr)")
        #expect(r.stderr.contains("zh/guide/tokenizers.md: checked against its source en/guide/tokenizers.md"))
        #expect(((r.json as? [String: Any])?["summary"] as? [String: Any])?["files"] as? Int == 1)
        // Quiet without --verbose.
        let q = try CLI.run(["check", "en/guide/tokenizers.md", "--format", "json"], cwd: dir.url)
        #expect(q.stderr.isEmpty, "\(q.stderr)")
        #expect(Self.findings(q).isEmpty)
        // ignore: applies to named files, relative to the configuration's folder, from any folder.
        dir.write("bitext.yml", "ignore: [\"en/**\"]\n")
        let sub = dir.url.appendingPathComponent("zh")
        let i = try CLI.run(["check", "../en/guide/tokenizers.md", "--verbose", "--format", "json"], cwd: sub)
        #expect(Self.findings(i).isEmpty, "\(i.stdout)")
        #expect(i.stderr.contains("bitext.yml ignores it"), "\(i.stderr)")
    }

    // Defect 2: --fix on the documented tree workflow.
    @Test func fixWorksOnConfiguredAndGivenTrees() throws {
        for args in [["check", "--fix"], ["check", "--fix", "--source-root", "en", "--target-root", "zh", "--no-config",
                                           "--glossary", Self.glossary]] {
            let dir = try Self.project()
            let r = try CLI.run(args, cwd: dir.url)
            #expect(r.status != 2, "\(args): \(r.stderr)")
            #expect(!r.stderr.contains("outside the folders given"), "\(r.stderr)")
            let fixed = try String(contentsOfFile: dir.path("zh/guide/tokenizers.md"), encoding: .utf8)
            #expect(!fixed.contains("在大模型"), "\(args)")
            #expect(fixed.contains("在巨型语言模型"))
            #expect(try String(contentsOfFile: dir.path("en/guide/tokenizers.md"), encoding: .utf8)
                .hasPrefix(try String(contentsOf: Fixtures.example("en/tokenizers.md"), encoding: .utf8)))
        }
    }

    // Defect 5: reading from '..' is normal; only a tree export keeps its page names inside -o.
    @Test func pathsMayClimbWhereOnlyReadingOrNamingOneFile() throws {
        let dir = TempDir()
        for side in ["en", "zh"] {
            dir.write("docs-\(side)/a.md", try String(contentsOf: Fixtures.example("\(side)/tokenizers.md"), encoding: .utf8)
                      + (side == "en" ? "\n## Further reading\n\nThe tokenizer chapter of any recent textbook covers merges in depth.\n" : ""))
        }
        // The Chinese site in its own repository, English in a sibling one.
        dir.write("docs-zh/bitext.yml", "pairs:\n  - source-root: ../docs-en\n    target-root: .\n")
        let site = dir.url.appendingPathComponent("docs-zh")
        let r = try CLI.run(["check", "--format", "json"], cwd: site)
        #expect(r.status != 2, "\(r.stderr)")
        #expect(Self.rules(r).contains("missing-translation"), "\(r.stdout)")
        let e = try CLI.run(["export", "../docs-en/a.md", "a.md", "--format", "html", "-o", "../a.html"], cwd: site)
        #expect(e.status == 0, "\(e.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.path("a.html")))
        let c = try CLI.run(["coverage", "a.md", "--format", "html", "-o", "../coverage.html"], cwd: site)
        #expect(c.status == 0, "\(c.stderr)")
    }

    @Test func optionsAreCheckedAndExplained() throws {
        let dir = try Self.project()
        let min = try CLI.run(["coverage", "--min", "99"], cwd: dir.url)
        #expect(min.status == 1)
        #expect(min.stderr.range(of: #"coverage \d+\.\d% is below --min 99%"#, options: .regularExpression) != nil, "\(min.stderr)")
        #expect(try CLI.run(["coverage", "--min", "180"], cwd: dir.url).status == 2)
        #expect(try CLI.run(["coverage", "--min", "-1"], cwd: dir.url).status == 2)
        for args in [["rules", "--lang", "zh-Hans"], ["glossary", "lint", Self.glossary, "--lang", "zh-Hans"]] {
            let r = try CLI.run(args, cwd: dir.url)
            #expect(r.status == 0, "\(args): \(r.stderr)")
        }
        let fr = try CLI.run(["check", "--lang", "fr"], cwd: dir.url)
        #expect(fr.status == 2)
        #expect(fr.stderr.contains("unknown language 'fr'") && fr.stderr.contains("zh-Hans"), "\(fr.stderr)")
        dir.write("bitext.yml", "lang: fr\n")
        let frc = try CLI.run(["check", "zh"], cwd: dir.url)
        #expect(frc.status == 2)
        #expect(frc.stderr.contains("bitext.yml:1:"), "\(frc.stderr)")
        dir.write("bitext.yml", "# comment\nlocale: ja\n")
        let ja = try CLI.run(["check", "zh"], cwd: dir.url)
        #expect(ja.status == 2)
        #expect(ja.stderr.contains("bitext.yml:2: unknown locale 'ja': bitext has en, zh-Hans, zh-Hant"), "\(ja.stderr)")
        #expect(!ja.stderr.contains("locales/ja.yml"))
    }

    // Defect 6: absolute paths in bitext.yml stay absolute.
    @Test func absoluteAndRelativeConfigPaths() throws {
        let dir = try Self.project("glossaries: [\(Self.glossary)]\n")
        let r = try CLI.run(["check", "zh", "--format", "json"], cwd: dir.url)
        #expect(r.status == 1, "\(r.stderr)")  // the glossary's forbidden 大模型 is an error
        #expect(Self.rules(r).contains("glossary-forbidden"))
        // Relative paths are relative to the file that names them, wherever bitext runs.
        dir.write("terms/team.tsv", "source\ttarget\tcomment\tforbidden\nmodel\t模型\t\t型号\n")
        dir.write("bitext.yml", "glossaries: [terms/team.tsv]\n")
        let sub = try CLI.run(["check", ".", "--format", "json"], cwd: dir.url.appendingPathComponent("zh"))
        #expect(sub.status != 2, "\(sub.stderr)")
    }

    // Defect 7: everything a user reads exists in both languages.
    @Test func everyMessageKeyIsInBothLanguages() throws {
        let en = try Messages.keys("en"), zh = try Messages.keys("zh-Hans")
        #expect(en.subtracting(zh).sorted() == [], "missing from messages.zh-Hans.yml")
        #expect(zh.subtracting(en).sorted() == [], "missing from messages.en.yml")
        // Every key the code asks for exists (keys are string literals: ui("…"), .t("…")).
        var asked = Set<String>()
        let sources = Fixtures.repoRoot.appendingPathComponent("Sources")
        let e = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        let pattern = try NSRegularExpression(pattern: #"\bui\("([a-z0-9.-]+)"[,)]|labels\.t\("([a-z0-9.-]+)"[,)]|\bl\.t\("([a-z0-9.-]+)"[,)]"#)
        while let u = e?.nextObject() as? URL {
            guard u.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: u, encoding: .utf8)
            for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                for g in 1...3 {
                    if let r = Range(m.range(at: g), in: text) { asked.insert((g == 1 ? "" : "coverage.") + text[r]) }
                }
            }
        }
        #expect(asked.subtracting(en).sorted() == [], "asked for by the code but in no messages file")
    }

    @Test func chineseInterface() throws {
        let dir = try Self.project()
        let r = try CLI.run(["check", "zh", "--lang", "zh-Hans"], cwd: dir.url)
        #expect(r.stdout.contains("已检查 1 个文件：1 个错误，"), "\(r.stdout)")
        let cov = try CLI.run(["coverage", "zh", "--lang", "zh-Hans"], cwd: dir.url)
        let header = cov.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.hasPrefix("文件") && header.contains("覆盖率"), "\(header)")
        let html = try CLI.run(["coverage", "zh", "--lang", "zh-Hans", "--format", "html"], cwd: dir.url)
        #expect(html.stdout.contains("<h1>翻译覆盖率</h1>"))
        // The review pages' own words: the page title and the index of a tree export.
        let page = try CLI.run(["export", "en/guide/tokenizers.md", "zh/guide/tokenizers.md", "--format", "html", "--lang", "zh-Hans"], cwd: dir.url)
        #expect(page.stdout.contains("<title>tokenizers.md — 双语对照</title>") && page.stdout.contains("上一个问题 <kbd>k</kbd>"), "\(page.stdout.prefix(600))")
        let site = try CLI.run(["export", "--source-root", "en", "--target-root", "zh", "--format", "html", "-o", "site", "--lang", "zh-Hans"], cwd: dir.url)
        #expect(site.status == 0, "\(site.stderr)")
        let index = try String(contentsOf: dir.url.appendingPathComponent("site/index.html"), encoding: .utf8)
        #expect(index.contains("<h1>双语对照页面</h1>") && !index.contains("Bilingual pages"), "\(index.prefix(600))")
        let missing = try CLI.run(["check", "nowhere.md", "--lang", "zh-Hans"], cwd: dir.url)
        #expect(missing.stderr.contains("nowhere.md：没有这个文件或文件夹") || missing.stderr.contains("nowhere.md: 没有这个文件或文件夹"),
                "\(missing.stderr)")
        dir.write("bitext.yml", "lang: zh-Hans\nspelling: british\n")
        let bad = try CLI.run(["check", "zh"], cwd: dir.url)
        #expect(bad.stderr.contains("bitext.yml:2: 未知的键“spelling”"), "\(bad.stderr)")
        // A quotation mark as the replacement reads unambiguously (not 请用““”).
        dir.write("q.md", "# 标题\n\n他说\"你好\"，然后离开了。\n")
        let q = try CLI.run(["check", "q.md", "--lang", "zh-Hans", "--no-config", "--format", "json"], cwd: dir.url)
        let quote = Self.findings(q).first { $0["rule"] as? String == "quote-style" }?["message"] as? String ?? ""
        #expect(quote.contains("「“」") && !quote.contains("““"), "\(quote)")
    }

    @Test func versionAndHelpAnswerAtOnce() throws {
        let v = try CLI.run(["--version"])
        #expect(v.status == 0 && v.stdout == "0.1.0\n" && v.stderr.isEmpty, "\(v.stdout) \(v.stderr)")
        // Help still has its texts (they come from a second parse, with help texts on).
        let h = try CLI.run(["check", "--help"])
        #expect(h.status == 0 && h.stdout.contains("OVERVIEW:") && h.stdout.contains("Examples:"), "\(h.stdout.prefix(400))")
    }

    /// A message the Chinese file lacks (a data folder older than the binary, a key added in
    /// English only) reads in English, not as its key.
    @Test func aMessageMissingInChineseReadsInEnglish() throws {
        let data = TempDir()
        let locales = Fixtures.repoRoot.appendingPathComponent("locales")
        try FileManager.default.copyItem(at: locales, to: data.url.appendingPathComponent("locales"))
        let zh = data.url.appendingPathComponent("locales/messages.zh-Hans.yml")
        let kept = try String(contentsOf: zh, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("untranslated:") }.joined(separator: "\n")
        try kept.write(to: zh, atomically: true, encoding: .utf8)
        data.write("zh.md", "# 标题\n\nThe tokenizer splits text into tokens before the model reads anything at all.\n")
        let r = try CLI.run(["check", "zh.md", "--lang", "zh-Hans", "--no-config"], cwd: data.url, env: ["BITEXT_DATA": data.url.path])
        #expect(r.stdout.contains("warning: this 段落 is still in English: translate it [untranslated]"), "\(r.stdout)")
        #expect(r.stdout.contains("已检查 1 个文件"), "\(r.stdout)")
    }

    // Defect 9: interruptions and unreadable files.
    @Test func interruptionLeavesNoTemporaryFiles() throws {
        let dir = TempDir()
        let text = try String(contentsOf: Fixtures.example("zh/tokenizers.md"), encoding: .utf8)
        for k in 0..<400 { dir.write("zh/f\(k).md", text) }
        let p = Process()
        p.executableURL = CLI.executable
        p.arguments = ["check", "zh", "--no-config", "--jobs", "1", "-o", "report.txt"]
        p.currentDirectoryURL = dir.url
        var env = ProcessInfo.processInfo.environment
        env["BITEXT_DATA"] = Fixtures.repoRoot.path
        p.environment = env
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        // Wait for the report's temporary file, then interrupt.
        var sawTemp = false
        for _ in 0..<200 where !sawTemp {
            sawTemp = (try? FileManager.default.contentsOfDirectory(atPath: dir.path("")))?.contains { $0.hasSuffix(".tmp") } ?? false
            if !sawTemp { usleep(20_000) }
        }
        #expect(sawTemp)
        kill(p.processIdentifier, SIGINT)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 128 + SIGINT, "\(p.terminationStatus) \(stderr)")
        #expect(stderr.contains("interrupted"))
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path(""))
        #expect(left.sorted() == ["zh"], "\(left)")
    }

    /// On a terminal the progress line is cleared before "interrupted" is written.
    @Test func interruptionClearsTheProgressLine() throws {
        guard let py = Tools.python else { #expect(!Tools.required, "python3 missing"); return }
        let dir = TempDir()
        let text = try String(contentsOf: Fixtures.example("zh/tokenizers.md"), encoding: .utf8)
        for k in 0..<600 { dir.write("zh/f\(k).md", text) }
        dir.write("interrupt-on-a-terminal.py", """
            import os, pty, signal, subprocess, sys, time
            master, slave = pty.openpty()
            env = dict(os.environ, BITEXT_DATA=sys.argv[2])
            env.pop("BITEXT_NO_PROGRESS", None)
            p = subprocess.Popen([sys.argv[1], "check", "zh", "--no-config", "--jobs", "1"], cwd=sys.argv[3],
                                 stdout=subprocess.DEVNULL, stderr=slave, env=env)
            os.close(slave)
            out = b""
            deadline = time.time() + 60
            while b"\\r" not in out and time.time() < deadline:
                out += os.read(master, 4096)
            p.send_signal(signal.SIGINT)
            while True:
                try:
                    chunk = os.read(master, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                out += chunk
            p.wait()
            # The message comes right after the sequence that clears the progress line.
            i = out.rfind(b"bitext: interrupted")
            print(p.returncode, repr(out[max(0, i - 60):]))
            sys.exit(0 if p.returncode == 130 and i > 0 and out[:i].endswith(b"\\r\\x1b[K") else 1)
            """)
        let (status, out) = try Tools.run(py, [dir.path("interrupt-on-a-terminal.py"), CLI.executable.path, Fixtures.repoRoot.path, dir.path("")])
        #expect(status == 0, "\(out)")
    }

    @Test func summaryCountsOnlyTheFilesChecked() throws {
        let dir = TempDir()
        let text = try String(contentsOf: Fixtures.example("zh/tokenizers.md"), encoding: .utf8)
        for k in 0..<4 { dir.write("zh/f\(k).md", text) }
        // Not valid UTF-8: cannot be read as Markdown (works as root too, unlike chmod).
        for k in 1..<4 { dir.write("zh/f\(k).md", bytes: [0x23, 0x20, 0xFF, 0xFE, 0x0A]) }
        let r = try CLI.run(["check", "zh", "--no-config"], cwd: dir.url)
        #expect(r.status == 2)
        #expect(r.stdout.contains("1 file checked: ") && r.stdout.contains("; 3 files could not be read"), "\(r.stdout)")
        let j = try CLI.run(["check", "zh", "--no-config", "--format", "json"], cwd: dir.url)
        let summary = (j.json as? [String: Any])?["summary"] as? [String: Any]
        #expect(summary?["files"] as? Int == 1 && summary?["unreadable"] as? Int == 3)
    }

    @Test func driftPrintsNoSummaryBeforeAFatalGitError() throws {
        let dir = try Self.project()
        // Not a git repository: git cannot show the old source.
        let r = try CLI.run(["drift", "en/guide/tokenizers.md", "zh/guide/tokenizers.md", "--since", "HEAD~1"], cwd: dir.url)
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty, "\(r.stdout)")
        #expect(!r.stderr.isEmpty)
    }

    // Defect 11: snippets with a caret underline, width-aware and trimmed.
    @Test func snippetsUnderlineTheSpan() throws {
        let dir = try Self.project()
        let plain = try CLI.run(["check", "zh"], cwd: dir.url)
        #expect(!plain.stdout.contains(" | "), "no snippets when not a terminal unless asked")
        let r = try CLI.run(["check", "zh", "--snippet"], cwd: dir.url, env: ["COLUMNS": "80"])
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The glossary finding on 大模型 (line 8, column 2): two wide characters before it? One: 在.
        let k = try #require(lines.firstIndex { $0.contains(":8:2: error:") })
        #expect(lines[k + 1].hasPrefix(" 8 | 在大模型"), "\(lines[k + 1])")
        #expect(lines[k + 2] == "   |   ^^^^^^", "\(lines[k + 2])")
        for l in lines { #expect(Self.width(l) <= 80 || l.contains(": "), "\(l)") }
        #expect(try CLI.run(["check", "zh", "--snippet", "--no-snippet"], cwd: dir.url).stdout == plain.stdout)
    }

    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func snippetOfTheSeedsLongLineIsTrimmedAroundTheFinding() throws {
        let seed = Fixtures.corpus("genai-handbook/zh/intro.md")!.path
        let r = try CLI.run(["check", seed, "--no-config", "--snippet"], env: ["COLUMNS": "100"])
        let lines = r.stdout.split(separator: "\n").map(String.init)
        let k = try #require(lines.firstIndex { $0.contains(":7:433: warning:") })
        let text = lines[k + 1], carets = lines[k + 2]
        #expect(Self.width(text) <= 100 && Self.width(carets) <= 100, "\(text)")
        #expect(text.hasPrefix(" 7 | …") && text.hasSuffix("…"))
        // The carets start under "at a breakneck pace".
        let start = try #require(carets.firstIndex(of: "^"))
        let column = Self.width(String(carets[..<start]))
        var w = 0, under = ""
        for ch in text { if w >= column { under.append(ch) }; w += Self.width(String(ch)) }
        #expect(under.hasPrefix("at a breakneck pace"), "\(under)")
    }

    /// Display width as a terminal shows it (East Asian wide characters take two columns).
    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { n, c in
            let v = c.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return n + (wide ? 2 : 1)
        }
    }

    // Defect 12: --quiet and --color.
    @Test func quietAndColour() throws {
        let dir = try Self.project()
        let q = try CLI.run(["check", "zh", "--quiet"], cwd: dir.url)
        #expect(q.stdout == "1 file checked: 1 error, 8 warnings, 2 info\n" || (q.stdout.split(separator: "\n").count == 1 && q.stdout.contains("1 error")), "\(q.stdout)")
        let clean = try CLI.run(["check", "zh", "--quiet", "--no-config"], cwd: dir.url)
        #expect(clean.status == 0 && clean.stdout.isEmpty, "\(clean.stdout)")
        // NO_COLOR is set by the test runner: --color always overrides it, never and auto do not colour.
        #expect(try CLI.run(["check", "zh", "--color", "always"], cwd: dir.url).stdout.contains("\u{1B}[1;31merror"))
        #expect(!(try CLI.run(["check", "zh", "--color", "auto"], cwd: dir.url).stdout.contains("\u{1B}[")))
        #expect(!(try CLI.run(["check", "zh", "--color", "never"], cwd: dir.url, env: ["NO_COLOR": ""]).stdout.contains("\u{1B}[")))
        #expect(try CLI.run(["check", "zh", "--color", "sometimes"], cwd: dir.url).status == 2)
    }

    // Defect 10: a misspelt rule id in a suppression comment is reported.
    @Test func misspeltRuleIdInASuppressionComment() throws {
        let dir = TempDir()
        dir.write("a.md", "# 标题\n\n<!-- bitext-disable-next-line untranslatd -->\nThis stays in English.\n\n<!-- bitext-disable-line zzzz -->\n")
        let r = try CLI.run(["check", "a.md", "--no-config", "--format", "json"], cwd: dir.url)
        let unknown = Self.findings(r).filter { $0["rule"] as? String == "unknown-rule" }
        #expect(unknown.count == 2, "\(r.stdout)")
        #expect(unknown.first?["line"] as? Int == 3 && unknown.first?["column"] as? Int == 31)
        #expect(unknown.first?["endColumn"] as? Int == 41)
        #expect((unknown.first?["message"] as? String)?.contains("did you mean 'untranslated'?") == true)
        #expect((unknown.last?["message"] as? String)?.contains("bitext rules") == true)
        #expect(unknown.first?["severity"] as? String == "warning")
        // The misspelt comment suppressed nothing: the paragraph is still reported.
        #expect(Self.rules(r).contains("untranslated"))
        // In bitext.yml, an unknown id is a configuration error with the closest id.
        dir.write("bitext.yml", "rules:\n  mixed-langauge: error\n")
        let c = try CLI.run(["check", "a.md"], cwd: dir.url)
        #expect(c.status == 2 && c.stderr.contains("bitext.yml:2: unknown rule 'mixed-langauge' (did you mean 'mixed-language'?)"), "\(c.stderr)")
    }

    // Defect 8: --help is wrapped once, to the terminal, in both languages.
    static let commands: [[String]] = [[], ["check"], ["coverage"], ["align"], ["export"], ["drift"], ["glossary"],
                                       ["glossary", "lint"], ["glossary", "convert"], ["glossary", "suggest"],
                                       ["segment"], ["rules"], ["init"], ["import"], ["pretranslate"], ["lsp"]]

    @Test(arguments: ["en", "zh-Hans"])
    func helpFitsEightyColumnsAndKeepsExamplesWhole(lang: String) throws {
        for command in Self.commands {
            let r = try CLI.run(command + ["--help", "--lang", lang], env: ["COLUMNS": "80"])
            #expect(r.status == 0)
            let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for l in lines where !l.hasPrefix("USAGE:") && !l.hasPrefix("用法：") {
                #expect(Self.width(l) <= 80, "\(command) \(lang): \(l)")
            }
            // Every example line of the help text is printed whole, on a line of its own.
            let key = "help.\(command.isEmpty ? "bitext" : command.joined(separator: "-")).discussion"
            let discussion = Messages.load(lang).text(key)
            if discussion != key {
                for example in discussion.split(separator: "\n") where example.hasPrefix("  ") {
                    #expect(lines.contains(String(example)), "\(command) \(lang): \(example)")
                }
            }
            for l in lines { #expect(l.components(separatedBy: "(default").count <= 2, "\(l)") }
            // Wrapped once: in English prose (help texts, and option and subcommand texts 26
            // columns in), no line's first word would have fitted at the end of the line before;
            // the parser re-wrapping a wrapped line leaves a word alone on a line of its own.
            guard lang == "en" else { continue }
            for (a, b) in zip(lines, lines.dropFirst()) {
                let ai = a.prefix { $0 == " " }.count, bi = b.prefix { $0 == " " }.count
                guard a.count > ai, b.count > bi, (ai == 0 && bi == 0) || (bi == 26 && ai <= 26) else { continue }
                // An option whose name reaches the text's column has its text on the next line.
                if ai == 2 && (a.count <= 26 || Array(a)[25] != " ") { continue }
                let word = b.dropFirst(bi).prefix { $0 != " " }
                #expect(Self.width(a) + 1 + Self.width(String(word)) >= 80, "\(command): \(a) / \(b)")
            }
        }
        let convert = try CLI.run(["glossary", "convert", "--help"], env: ["COLUMNS": "80"])
        #expect(!convert.stdout.contains("(default en)"))
        #expect(convert.stdout.contains("(default: en)"))
    }

    // The argument parser's own words (headings, "(values: …)", its errors) in Chinese too.
    @Test func parserWordsInTheMessagesLanguage() throws {
        let zh = try CLI.run(["check", "--help", "--lang", "zh-Hans"], env: ["COLUMNS": "80"])
        for heading in ["概述：", "用法：bitext check", "参数：", "选项："] {
            #expect(zh.stdout.contains("\n" + heading) || zh.stdout.hasPrefix(heading), "\(heading)")
        }
        #expect(zh.stdout.contains("\n                          （可选值：text, json, sarif, github；默认：text）\n"))
        #expect(zh.stdout.contains("  -h, --help              显示帮助信息。"))
        for english in ["OPTIONS:", "(values:", "Show help", "USAGE:"] { #expect(!zh.stdout.contains(english), "\(english)") }
        let bad = try CLI.run(["check", "--fixx", "--lang", "zh-Hans"])
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("错误：未知选项 '--fixx'。是不是要用 '--fix'？\n用法：bitext check"), "\(bad.stderr)")
        #expect(bad.stderr.contains("  更多信息见 'bitext check --help'。"))
        let value = try CLI.run(["check", "--format", "xml", "a.md"], env: ["LANG": "zh_CN.UTF-8"])
        #expect(value.stderr.hasPrefix("错误：'--format <format>' 不接受值 'xml'，请给出其中之一："), "\(value.stderr)")
        // English is the parser's own text, untouched; so are completion scripts in Chinese.
        let en = try CLI.run(["check", "--fixx"])
        #expect(en.stderr.hasPrefix("Error: Unknown option '--fixx'. Did you mean '--fix'?"))
        let script = try CLI.run(["--generate-completion-script", "zsh"], env: ["LANG": "zh_CN.UTF-8"])
        #expect(script.stdout.contains("Show help information."))
    }

    // Defect 4: part-of-speech variants are not conflicts; a TSV that is not a glossary is an error.
    @Test func glossaryLintOnATermbaseAndOnData() throws {
        let dir = TempDir()
        dir.write("terms.md", "| English | 中文 |\n| --- | --- |\n| build (n.) | 构建版本 |\n| build (v.) | 构建 |\n| commit | 提交 |\n")
        #expect(try CLI.run(["glossary", "convert", "terms.md", "-o", "terms.tsv"], cwd: dir.url).status == 0)
        let tsv = try String(contentsOfFile: dir.path("terms.tsv"), encoding: .utf8)
        #expect(tsv.contains("context-dependent"))
        for f in ["terms.md", "terms.tsv"] {
            let r = try CLI.run(["glossary", "lint", f], cwd: dir.url)
            #expect(r.status == 0, "\(f): \(r.stdout)")
            #expect(r.stdout.contains("3 entries in 1 file: 0 problems"))
        }
        // Plain duplicates with different renderings still conflict.
        dir.write("g.tsv", "LLM\t巨型语言模型\nLLM\t大语言模型\n")
        #expect(try CLI.run(["glossary", "lint", "g.tsv"], cwd: dir.url).stdout.contains("[conflicting-target]"))
        // Data, not a glossary: exit 2 naming the file; a header-less glossary is still one.
        dir.write("data.tsv", "id\tname\tvalue\n1\tfoo\tbar\n2\tbaz\tqux\n")
        let d = try CLI.run(["glossary", "lint", "data.tsv"], cwd: dir.url)
        #expect(d.status == 2 && d.stderr.contains("data.tsv: not a glossary"), "\(d.stderr)")
        dir.write("plain.tsv", "token\t词元\nmodel\t模型\n")
        #expect(try CLI.run(["glossary", "lint", "plain.tsv"], cwd: dir.url).status == 0)
        // Without files: the glossaries bitext.yml names (what the pre-commit hook runs).
        dir.write("bitext.yml", "glossaries: [terms.tsv, plain.tsv]\n")
        let c = try CLI.run(["glossary", "lint"], cwd: dir.url)
        #expect(c.status == 0 && c.stdout.contains("5 entries in 2 files"), "\(c.stdout) \(c.stderr)")
        let zh = try CLI.run(["glossary", "lint", "g.tsv", "--lang", "zh-Hans"], cwd: dir.url)
        #expect(zh.stdout.contains("“LLM”在此译为 大语言模型"), "\(zh.stdout)")
    }

    // Defect 12: init finds the layout and does not shadow a parent config; the schema.
    @Test func initFindsTheLayoutAndRespectsAParentConfig() throws {
        let dir = try Self.project()
        try FileManager.default.removeItem(atPath: dir.path("bitext.yml"))
        let r = try CLI.run(["init"], cwd: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        let written = try String(contentsOfFile: dir.path("bitext.yml"), encoding: .utf8)
        #expect(written.contains("pairs:\n  - source-root: en\n    target-root: zh\n"), "\(written)")
        let schemaLine = try #require(written.split(separator: "\n").first)
        #expect(schemaLine.hasPrefix("# yaml-language-server: $schema="))
        #expect(FileManager.default.fileExists(atPath: String(schemaLine.split(separator: "=", maxSplits: 1)[1])))
        // The written configuration works: the named target is checked against its source.
        let check = try CLI.run(["check", "zh", "--format", "json"], cwd: dir.url)
        #expect(Self.rules(check).contains("missing-translation"), "\(check.stderr)")
        // docs/ + zh/docs/ (a source tree and its translation under a language folder).
        let other = TempDir()
        other.write("docs/guide/a.md", "# Title\n")
        other.write("zh/docs/guide/a.md", "# 标题\n")
        #expect(try CLI.run(["init"], cwd: other.url).status == 0)
        #expect(try String(contentsOfFile: other.path("bitext.yml"), encoding: .utf8).contains("  - source-root: docs\n    target-root: zh/docs\n"))
        // A folder below a configured one: refused without --force, naming the parent's file.
        let sub = other.url.appendingPathComponent("zh/docs")
        let shadow = try CLI.run(["init"], cwd: sub)
        #expect(shadow.status == 2 && shadow.stderr.contains("bitext.yml already configures this folder"), "\(shadow.stderr)")
        #expect(!FileManager.default.fileExists(atPath: other.path("zh/docs/bitext.yml")))
        #expect(try CLI.run(["init", "--force"], cwd: sub).status == 0)
    }

    static func schema() throws -> [String: Any] {
        let data = try Data(contentsOf: Fixtures.repoRoot.appendingPathComponent("schema/bitext.schema.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Other engineers add keys and rules: the schema must follow (and name nothing extra).
    @Test func schemaHasEveryKeyConfigAcceptsAndNoOther() throws {
        let schema = try Self.schema()
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(Config.keys).union(Config.keyAliases.keys))
        #expect(schema["additionalProperties"] as? Bool == false)
        let pairs = try #require(((properties["pairs"] as? [String: Any])?["items"] as? [String: Any])?["oneOf"] as? [[String: Any]])
        let pairKeys = pairs.flatMap { (($0["properties"] as? [String: Any]) ?? [:]).keys }
        #expect(Set(pairKeys) == Set(Config.pairKeys))
        let rules = try #require(((properties["rules"] as? [String: Any])?["propertyNames"] as? [String: Any])?["enum"] as? [String])
        #expect(Set(rules) == Set(RuleRegistry.knownIds))
        // Every key of the schema is accepted by the parser, with a value of the schema's kind.
        for key in properties.keys {
            let value: String
            switch key {
            case "rules": value = "{mixed-language: error}"
            case "pairs": value = "[{source-root: en, target-root: zh}]"
            case "spacing": value = "consistent"
            case "fail-on": value = "warning"
            case "links": value = "{/guide/: /zh/guide/}"
            case "record-revision": value = "comment"
            default: value = "[x]"
            }
            let scalarKeys: Set = ["locale", "source-locale", "lang", "xml-lang"]
            let text = "\(key): \(scalarKeys.contains(key) ? "zh-Hans" : value)\n"
            #expect(throws: Never.self, "\(key)") { _ = try Config.parse(text, path: "/tmp/bitext.yml") }
        }
    }

    @Test func starterAndReadmeConfigValidateAgainstTheSchema() throws {
        guard let py = Tools.python, Tools.pythonHas("jsonschema") else {
            #expect(!Tools.required, "python jsonschema not installed"); return
        }
        let readme = try String(contentsOf: Fixtures.repoRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let block = try #require(readme.components(separatedBy: "```yaml\n").dropFirst().first { $0.hasPrefix("locale:") })
        let documents = [Config.starter(pairs: [("en", "zh", true), ("a.md", "b.md", false)]), Config.starter,
                         block.components(separatedBy: "```")[0]]
        let dir = TempDir()
        var files: [String] = []
        for (k, text) in documents.enumerated() {
            let value = try Yams.load(yaml: text) ?? [String: Any]()
            let data = try JSONSerialization.data(withJSONObject: value)
            files.append(dir.write("\(k).json", String(decoding: data, as: UTF8.self)).path)
        }
        dir.write("v.py", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            for f in sys.argv[2:]:
                jsonschema.validate(json.load(open(f)), schema)
            print("ok")
            """)
        let (status, out) = try Tools.run(py, [dir.path("v.py"), Fixtures.repoRoot.appendingPathComponent("schema/bitext.schema.json").path] + files)
        #expect(status == 0, "\(out)")
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func shellCompletions(shell: String) throws {
        let r = try CLI.run(["--generate-completion-script", shell])
        #expect(r.status == 0)
        #expect(r.stdout.contains("bitext") && r.stdout.contains("coverage") && r.stdout.contains("--source-root"))
    }
}
