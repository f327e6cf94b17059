import Foundation
import Testing

/// bitext writes only where it was told to, and walks trees without being trapped.
@Suite struct PathSafetyTests {
    static let zh = "# 标题\n\n这是一段中文,逗号是半角的。\n"
    static let en = "# Title\n\nThis is a paragraph, with a comma.\n"

    @Test func htmlOutputClimbingOutIsRefused() throws {
        let dir = TempDir()
        dir.write("work/en/a.md", Self.en)
        dir.write("work/zh/a.md", Self.zh)
        let work = dir.url.appendingPathComponent("work")
        for args in [["export", "en/a.md", "zh/a.md", "--format", "html", "-o", "../escaped.html"],
                     ["export", "--source-root", "en", "--target-root", "zh", "--format", "html", "-o", "out/../../escaped"],
                     ["coverage", "zh", "--format", "html", "-o", "../escaped.html"]] {
            let r = try CLI.run(args + ["--no-config"], cwd: work)
            #expect(r.status == 2, "\(args)")
            #expect(r.stderr.contains("'..'") || r.stderr.contains("outside"), "\(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.path("escaped.html")))
        #expect(!FileManager.default.fileExists(atPath: dir.path("escaped")))
        // A tree export writes its pages, named after the relative paths, inside the folder.
        let r = try CLI.run(["export", "--source-root", "en", "--target-root", "zh", "--format", "html", "-o", "site", "--no-config"], cwd: work)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("site").path)) == ["pages", "index.html"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("site/pages").path) == ["a.html"])
    }

    @Test func configPairsMustStayBelowTheConfig() throws {
        let dir = TempDir()
        dir.write("a.md", Self.zh)
        dir.write("bitext.yml", "pairs:\n  - source: en/a.md\n    target: a.md\n  - source: /etc/passwd\n    target: a.md\n")
        let r = try CLI.run(["check"], cwd: dir.url)
        #expect(r.status == 2)
        #expect(r.stderr.contains("bitext.yml:4:"), "\(r.stderr)")
        #expect(r.stderr.contains("no absolute paths"))
    }

    @Test func symlinkLoopsDoNotTrapTheWalk() throws {
        let dir = TempDir()
        dir.write("zh/a.md", Self.zh)
        dir.write("zh/sub/b.md", Self.zh)
        try FileManager.default.createSymbolicLink(atPath: dir.path("zh/sub/loop"), withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: dir.path("zh/self"), withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: dir.path("zh/dangling.md"), withDestinationPath: "nowhere.md")
        let r = try CLI.run(["check", dir.path("zh"), "--format", "json", "--no-config"])
        let files = Set((((r.json as? [String: Any])?["findings"] as? [[String: Any]]) ?? []).compactMap { $0["file"] as? String })
        #expect(files == [dir.path("zh/a.md"), dir.path("zh/sub/b.md")], "\(r.stderr)")
        // The dangling link is reported; the rest was still checked.
        #expect(r.stderr.contains("dangling.md"))
        #expect(r.status == 2)
    }

    @Test func fixLeavesFilesOutsideTheTreeAlone() throws {
        let dir = TempDir()
        dir.write("outside.md", Self.zh)
        dir.write("tree/inside.md", Self.zh)
        try FileManager.default.createSymbolicLink(atPath: dir.path("tree/link.md"), withDestinationPath: "../outside.md")
        let r = try CLI.run(["check", dir.path("tree"), "--fix", "--no-config"])
        #expect(r.stderr.contains("link.md: not fixed: it lies outside the folders given"), "\(r.stderr)")
        #expect(try String(contentsOfFile: dir.path("outside.md"), encoding: .utf8) == Self.zh)
        #expect(try String(contentsOfFile: dir.path("tree/inside.md"), encoding: .utf8).contains("中文，逗号"))
        // Named explicitly, the file the link points to is fixed and the link stays a link.
        let r2 = try CLI.run(["check", dir.path("tree/link.md"), "--fix", "--no-config"])
        #expect(r2.status != 2, "\(r2.stderr)")
        #expect(try String(contentsOfFile: dir.path("outside.md"), encoding: .utf8).contains("中文，逗号"))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: dir.path("tree/link.md"))) == "../outside.md")
    }
}

extension PathSafetyTests {
    /// `-o` to something that is not a regular file (a named pipe here; /dev/null in practice)
    /// writes into it and never replaces it; through a symlink, the file it points to is written.
    @Test func outputIntoPipesAndThroughSymlinks() throws {
        let dir = TempDir()
        let fifo = dir.path("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/sh")
        reader.arguments = ["-c", "cat '\(fifo)' > '\(dir.path("received.json"))'"]
        try reader.run()
        let r = try CLI.run(["check", "examples/zh/tokenizers.md", "--format", "json", "-o", fifo, "--no-config"])
        reader.waitUntilExit()
        #expect(r.status == 0, "\(r.stderr)")
        let attrs = try FileManager.default.attributesOfItem(atPath: fifo)
        #expect(attrs[.type] as? FileAttributeType != .typeRegular, "the pipe was replaced by a file")
        let received = try String(contentsOfFile: dir.path("received.json"), encoding: .utf8)
        #expect(received.contains("\"findings\""))

        dir.write("real.json", "old")
        try FileManager.default.createSymbolicLink(atPath: dir.path("link.json"), withDestinationPath: "real.json")
        _ = try CLI.run(["check", "examples/zh/tokenizers.md", "--format", "json", "-o", dir.path("link.json"), "--no-config"])
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: dir.path("link.json"))) == "real.json")
        #expect(try String(contentsOfFile: dir.path("real.json"), encoding: .utf8).contains("\"findings\""))
    }
}
