import Foundation
import Testing

@Suite struct DriftTests {
    static let en = """
        # Guide

        The first paragraph explains what the tool does and why it exists.

        The second paragraph describes how to install it on a new machine.

        The third paragraph lists the commands you will use every day.

        The fourth paragraph says where to ask for help.

        """
    static let zh = """
        # 指南

        第一段解释这个工具做什么、为什么存在。

        第二段说明如何在新机器上安装它。

        第三段列出你每天都会用到的命令。

        第四段说明去哪里求助。

        """

    static func findings(_ r: CLI.Result) -> [(String, Int)] {
        (((r.json as? [String: Any])?["findings"] as? [[String: Any]]) ?? []).map { ($0["rule"] as! String, $0["line"] as! Int) }
    }

    @Test func editsDeletionsInsertionsAndMoves() throws {
        let dir = TempDir()
        dir.write("old.md", Self.en)
        dir.write("zh.md", Self.zh)
        var new = Self.en.replacingOccurrences(of: "install it on a new machine", with: "install it on a new Linux machine")
        new = new.replacingOccurrences(of: "\nThe fourth paragraph says where to ask for help.\n", with: "")
        new = new.replacingOccurrences(of: "# Guide\n\n", with: "# Guide\n\nA new opening paragraph, written after the translation.\n\n")
        dir.write("new.md", new)
        let r = try CLI.run(["drift", dir.path("old.md"), dir.path("new.md"), dir.path("zh.md"), "--format", "json", "--no-config"])
        let f = Self.findings(r)
        #expect(f.contains { $0 == ("stale-translation", 5) })
        #expect(f.contains { $0 == ("orphaned-translation", 9) })
        #expect(f.contains { $0 == ("untranslated-insertion", 3) })
        #expect(f.count == 3)
        let stale = ((r.json as? [String: Any])?["findings"] as? [[String: Any]])?.first { $0["rule"] as? String == "stale-translation" }
        #expect(stale?["diff"] as? String == "The second paragraph describes how to install it on a new {+Linux+} machine.")
        #expect(stale?["change"] as? String == "edited")
    }

    @Test func reflowIsNotAChange() throws {
        let dir = TempDir()
        dir.write("old.md", Self.en)
        dir.write("zh.md", Self.zh)
        dir.write("new.md", Self.en.replacingOccurrences(of: "what the tool does and why", with: "what the tool does\nand why"))
        let r = try CLI.run(["drift", dir.path("old.md"), dir.path("new.md"), dir.path("zh.md"), "--format", "json", "--no-config"])
        #expect(Self.findings(r).isEmpty)
        #expect(r.status == 0)
    }

    static func git(_ dir: URL, _ args: String...) throws -> String {
        let (status, out) = try Tools.run("/usr/bin/env", ["git", "-C", dir.path, "-c", "user.name=t", "-c", "user.email=t@t"] + args)
        #expect(status == 0, "git \(args): \(out)")
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func sinceRecordedReadsTheRevisionTheTranslationRecords() throws {
        guard Tools.which("git") != nil else { #expect(!Tools.required, "git missing"); return }
        let dir = TempDir()
        _ = try Self.git(dir.url, "init", "-q")
        dir.write("en/guide.md", Self.en)
        _ = try Self.git(dir.url, "add", ".")
        _ = try Self.git(dir.url, "commit", "-q", "-m", "first")
        let first = try Self.git(dir.url, "rev-parse", "HEAD")
        dir.write("en/guide.md", Self.en.replacingOccurrences(of: "every day", with: "every single day"))
        _ = try Self.git(dir.url, "commit", "-q", "-am", "second")
        // The translation records the first commit in its front matter.
        dir.write("zh/guide.md", "---\nsourceCommit: \(first)\n---\n\n" + Self.zh)
        let r = try CLI.run(["drift", "en/guide.md", "zh/guide.md", "--since-recorded", "--format", "json", "--no-config"], cwd: dir.url)
        #expect(Self.findings(r).map(\.0) == ["stale-translation"], "\(r.stderr)")
        #expect(Self.findings(r).first?.1 == 11)
        // The same with the revision given, and with a comment instead of front matter.
        let r2 = try CLI.run(["drift", "en/guide.md", "zh/guide.md", "--since", "HEAD~1", "--format", "json", "--no-config"], cwd: dir.url)
        #expect(Self.findings(r2).count == 1)
        dir.write("zh/guide.md", "<!-- source-commit: \(first) -->\n\n" + Self.zh)
        let r3 = try CLI.run(["drift", "en/guide.md", "zh/guide.md", "--since-recorded", "--format", "json", "--no-config"], cwd: dir.url)
        #expect(Self.findings(r3).count == 1)
        // Nothing recorded: a clear error.
        dir.write("zh/guide.md", Self.zh)
        let r4 = try CLI.run(["drift", "en/guide.md", "zh/guide.md", "--since-recorded", "--no-config"], cwd: dir.url)
        #expect(r4.status == 2)
        #expect(r4.stderr.contains("records no source revision"))
        // Coverage counts the stale unit apart.
        dir.write("zh/guide.md", "---\nsourceCommit: \(first)\n---\n\n" + Self.zh)
        let cov = try CLI.run(["coverage", "--source", "en/guide.md", "zh/guide.md", "--since-recorded", "--format", "json", "--no-config"], cwd: dir.url)
        let units = ((cov.json as? [String: Any])?["total"] as? [String: Any])?["units"] as? [String: Int]
        #expect(units?["stale"] == 1, "\(cov.stdout) \(cov.stderr)")
    }

    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func generatedCasesArePerfect() throws {
        let bench = Fixtures.repoRoot.appendingPathComponent(".build/debug/BitextBench")
        guard FileManager.default.isExecutableFile(atPath: bench.path) else {
            #expect(!Tools.required, "BitextBench not built (swift build --build-tests builds it)"); return
        }
        let (status, out) = try Tools.run(bench.path, ["drift", Fixtures.shared!.appendingPathComponent("corpora").path, "--seed", "7"])
        #expect(status == 0)
        #expect(out.contains("precision 1.000 recall 1.000"), "\(out)")
    }
}
