import Foundation
import Testing

/// Drift on real git history: each case reproduces a defect seen on published translations, in a
/// temporary repository with text written for the test.
@Suite struct DriftHistoryTests {
    /// A repository with `files` committed; returns the commit.
    static func repo(_ dir: TempDir, _ files: [String: String], message: String = "c") throws -> String {
        if !FileManager.default.fileExists(atPath: dir.path(".git")) { _ = try DriftTests.git(dir.url, "init", "-q") }
        for (name, text) in files { dir.write(name, text) }
        _ = try DriftTests.git(dir.url, "add", ".")
        _ = try DriftTests.git(dir.url, "commit", "-q", "-m", message)
        return try DriftTests.git(dir.url, "rev-parse", "HEAD")
    }

    static func findings(_ r: CLI.Result) -> [[String: Any]] {
        ((r.json as? [String: Any])?["findings"] as? [[String: Any]]) ?? []
    }

    /// Writes old.md, zh.md and new.md (old with `change` applied) and returns the drift
    /// command's arguments (JSON) and the folder.
    static func threeFiles(_ en: String, _ zh: String, _ change: (String) -> String) -> (TempDir, [String]) {
        let dir = TempDir()
        dir.write("old.md", en)
        dir.write("zh.md", zh)
        dir.write("new.md", change(en))
        return (dir, ["drift", dir.path("old.md"), dir.path("new.md"), dir.path("zh.md"), "--format", "json", "--no-config"])
    }

    static var hasGit: Bool {
        if Tools.which("git") == nil { #expect(!Tools.required, "git missing"); return false }
        return true
    }

    @Test func aPageNewSinceTheRevisionIsUntranslatedNotAnError() throws {
        guard Self.hasGit else { return }
        let dir = TempDir()
        let first = try Self.repo(dir, ["en/guide.md": DriftTests.en, "zh/guide.md": DriftTests.zh])
        _ = try Self.repo(dir, ["en/added.md": "# Added later\n\nThis page was written after the translation.\n",
                                "zh/added.md": "# Added later\n\nThis page was written after the translation.\n"])
        let r = try CLI.run(["drift", "en", "zh", "--since", first, "--format", "json", "--no-config"], cwd: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        let f = Self.findings(r)
        #expect(f.count == 1, "\(f)")
        #expect(f.first?["rule"] as? String == "untranslated-insertion")
        #expect(f.first?["file"] as? String == "zh/added.md")
        #expect(f.first?["change"] as? String == "added")
        let message = f.first?["message"] as? String ?? ""
        #expect(message.contains("new since \(first)"))
    }

    @Test func anInsertionAfterCodeNamesTheFenceLine() throws {
        let en = "# Setup\n\nInstall the package with the command below.\n\n```sh\nnpm install thing\n```\n\nThen start it.\n"
        let zh = "# 安装\n\n用下面的命令安装这个包。\n\n```sh\nnpm install thing\n```\n\n然后启动它。\n"
        let (dir, args) = Self.threeFiles(en, zh) {
            $0.replacingOccurrences(of: "```\n\nThen", with: "```\n\nThe command prints the version it installed.\n\nThen")
        }
        let f = Self.findings(try CLI.run(args))
        #expect(f.count == 1)
        #expect(f.first?["insertAfterLine"] as? Int == 7, "\(f)")  // the closing fence
        let message = f.first?["message"] as? String ?? ""
        #expect(message.hasSuffix("after line 7"))
        // In Chinese too: no blank line number.
        let zhr = try CLI.run(["drift", dir.path("old.md"), dir.path("new.md"), dir.path("zh.md"), "--no-config", "--lang", "zh-Hans"])
        #expect(zhr.stdout.contains("第 7 行之后"), "\(zhr.stdout)")
    }

    @Test func aLinkOnlyChangeIsStaleLinkAndFixable() throws {
        let en = "# Tools\n\nThe dev server is [Vite](https://vitejs.dev/guide/), which starts in a moment.\n"
        let zh = "# 工具\n\n开发服务器是 [Vite](https://vitejs.dev/guide/)，它启动得很快。\n"
        let (dir, args) = Self.threeFiles(en, zh) { $0.replacingOccurrences(of: "vitejs.dev", with: "vite.dev") }
        let r = try CLI.run(args)
        let f = Self.findings(r)
        #expect(f.count == 1, "\(f)")
        #expect(f.first?["rule"] as? String == "stale-link")
        #expect(f.first?["severity"] as? String == "info")
        #expect(f.first?["old"] as? String == "https://vitejs.dev/guide/")
        #expect(f.first?["new"] as? String == "https://vite.dev/guide/")
        #expect(f.first?["text"] as? String == "https://vitejs.dev/guide/")
        #expect(r.status == 0)
        // --fix writes the new destination and nothing else; then nothing is left.
        let fixed = try CLI.run(args + ["--fix"])
        #expect(try String(contentsOfFile: dir.path("zh.md"), encoding: .utf8) == zh.replacingOccurrences(of: "vitejs.dev", with: "vite.dev"))
        #expect(Self.findings(fixed).isEmpty, "\(fixed.stdout)")
        #expect(Self.findings(try CLI.run(args)).isEmpty)
        // A translation that maps its links elsewhere gets the finding on the unit, without a fix.
        dir.write("zh.md", zh.replacingOccurrences(of: "https://vitejs.dev/guide/", with: "https://cn.vitejs.dev/guide/"))
        let mapped = Self.findings(try CLI.run(args))
        #expect(mapped.count == 1 && mapped.first?["fix"] == nil && mapped.first?["line"] as? Int == 3, "\(mapped)")
        // A unit that is little more than its link: a new host is still a link change.
        let (short, shortArgs) = Self.threeFiles("# Tools\n\nSee the [guide](https://old.example/docs/v1/guide/setup).\n",
                                                 "# 工具\n\n见[指南](https://old.example/docs/v1/guide/setup)。\n") {
            $0.replacingOccurrences(of: "https://old.example/docs/v1/guide/setup", with: "https://new.test/setup")
        }
        let moved = try withExtendedLifetime(short) { Self.findings(try CLI.run(shortArgs)) }
        #expect(moved.map { $0["rule"] as? String } == ["stale-link"], "\(moved)")
    }

    @Test func aRewrittenAltTextIsOneStaleFinding() throws {
        let en = "# Build\n\nThe build has three stages.\n\n![A diagram of the build](img/build.png)\n\nEach stage is cached.\n"
        let zh = "# 构建\n\n构建分三个阶段。\n\n![构建示意图](img/build.png)\n\n每个阶段都有缓存。\n"
        let (dir, args) = Self.threeFiles(en, zh) {
            $0.replacingOccurrences(of: "A diagram of the build", with: "How sources flow into a bundle, stage by stage")
        }
        let f = try withExtendedLifetime(dir) { Self.findings(try CLI.run(args)) }
        #expect(f.map { $0["rule"] as? String } == ["stale-translation"], "\(f)")
        #expect(f.first?["line"] as? Int == 5)
    }

    @Test func aBlobLinkNearTheTopRecordsTheRevision() throws {
        guard Self.hasGit else { return }
        let dir = TempDir()
        let first = try Self.repo(dir, ["src/guide.md": DriftTests.en])
        _ = try Self.repo(dir, ["src/guide.md": DriftTests.en.replacingOccurrences(of: "every day", with: "every single day")])
        let record = "> 原文：[guide.md](https://github.com/example/book/blob/\(first)/src/guide.md)\n\n"
        dir.write("zh/guide.md", DriftTests.zh.replacingOccurrences(of: "# 指南\n\n", with: "# 指南\n\n" + record))
        let r = try CLI.run(["drift", "src/guide.md", "zh/guide.md", "--since-recorded", "--format", "json", "--no-config"], cwd: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.findings(r).map { $0["rule"] as? String } == ["stale-translation"], "\(r.stdout) \(r.stderr)")
        // The record line is not a block without a source.
        let c = try CLI.run(["check", "--source", "src/guide.md", "zh/guide.md", "--format", "json", "--no-config"], cwd: dir.url)
        #expect(!Self.findings(c).contains { $0["rule"] as? String == "extra-block" }, "\(c.stdout)")
    }

    @Test func recordWritesTheRevisionInTheFilesConvention() throws {
        guard Self.hasGit else { return }
        let dir = TempDir()
        let first = try Self.repo(dir, ["en/a.md": DriftTests.en, "en/b.md": DriftTests.en, "en/c.md": DriftTests.en,
                                        "en/d.md": DriftTests.en, "en/e.md": DriftTests.en])
        let head = try Self.repo(dir, ["en/a.md": DriftTests.en + "\nA new closing paragraph for the page.\n",
                                       "en/b.md": DriftTests.en + "\nA new closing paragraph.\n",
                                       "en/c.md": DriftTests.en + "\nA new closing paragraph.\n",
                                       "en/d.md": DriftTests.en + "\nA new closing paragraph.\n",
                                       "en/e.md": DriftTests.en + "\nA new closing paragraph.\n"])
        let blob = "> 原文：[a](https://example.org/o/r/blob/\(first)/en/c.md)\n\n"
        dir.write("zh/a.md", "---\ntitle: 指南\nsource_commit: \(first)\n---\n\n" + DriftTests.zh)
        dir.write("zh/b.md", "<!-- source-commit: \(first) -->\n\n" + DriftTests.zh)
        dir.write("zh/c.md", blob + DriftTests.zh)
        dir.write("zh/d.md", "---\ntitle: 指南\n---\n\n" + DriftTests.zh)
        dir.write("zh/e.md", DriftTests.zh)
        let r = try CLI.run(["drift", "en", "zh", "--record", "--no-config"], cwd: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        func read(_ n: String) throws -> String { try String(contentsOfFile: dir.path("zh/\(n).md"), encoding: .utf8) }
        #expect(try read("a") == "---\ntitle: 指南\nsource_commit: \(head)\n---\n\n" + DriftTests.zh)
        #expect(try read("b") == "<!-- source-commit: \(head) -->\n\n" + DriftTests.zh)
        #expect(try read("c") == blob.replacingOccurrences(of: first, with: head) + DriftTests.zh)
        #expect(try read("d") == "---\ntitle: 指南\nsourceCommit: \(head)\n---\n\n" + DriftTests.zh)
        #expect(try read("e") == "<!-- source-commit: \(head) -->\n\n" + DriftTests.zh)
        // Recorded: nothing drifted; recording again changes nothing.
        let d = try CLI.run(["drift", "en", "zh", "--since-recorded", "--format", "json", "--no-config"], cwd: dir.url)
        #expect(d.status == 0 && Self.findings(d).isEmpty, "\(d.stdout) \(d.stderr)")
        #expect(try CLI.run(["drift", "en", "zh", "--record", "--no-config"], cwd: dir.url).stdout.contains("zh/a.md: already records"))
        // The configured convention for a translation that records nothing.
        dir.write("zh/e.md", "---\ntitle: 指南\n---\n\n" + DriftTests.zh)
        dir.write("bitext.yml", "record-revision: comment\n")
        _ = try CLI.run(["drift", "en/e.md", "zh/e.md", "--record"], cwd: dir.url)
        #expect(try read("e") == "---\ntitle: 指南\n---\n<!-- source-commit: \(head) -->\n\n" + DriftTests.zh)
    }
}
