import Foundation
import Testing
@testable import BitextMarkdown

/// Inputs that crashed a fuzzing run (scripts/fuzz), replayed through the same targets, and the
/// bugs they found, pinned down.
@Suite struct FuzzRegressionTests {
    @Test(arguments: ["markdown", "glossary", "config", "beads"])
    func savedInputsReplayCleanly(target: String) throws {
        let dir = Fixtures.repoRoot.appendingPathComponent("Tests/Fixtures/fuzz/\(target)")
        guard FileManager.default.fileExists(atPath: dir.path) else { return }
        let replay = Fixtures.repoRoot.appendingPathComponent(".build/debug/BitextFuzz")
        guard FileManager.default.isExecutableFile(atPath: replay.path) else {
            #expect(!Tools.required, "BitextFuzz not built (swift build --build-tests builds it)"); return
        }
        let p = Process()
        p.executableURL = replay
        p.arguments = [dir.path]
        p.environment = ProcessInfo.processInfo.environment.merging(["BITEXT_DATA": Fixtures.repoRoot.path, "BITEXT_FUZZ_TARGET": target]) { $1 }
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(target): \(out.prefix(3000))")
        #expect(out.contains("inputs replayed"))
    }

    /// A lone CR ends a line for cmark-gfm (CommonMark), so it must for positions too: found by
    /// the markdown target as code blocks placed past the end of the file, which crashed the
    /// HTML export.
    @Test func loneCarriageReturnsEndLines() throws {
        let text = "# Title\r\rA paragraph.\r\r```js\rlet x = 1\r```\r\rLast 段落。\r"
        let doc = try Document(path: "cr.md", bytes: Array(text.utf8))
        #expect(doc.source.lineCount == 10)
        #expect(doc.codeBlocks.map { [$0.startLine, $0.endLine] } == [[5, 7]])
        #expect(doc.units.map(\.start.line) == [1, 3, 9])
        for u in doc.units { #expect(doc.source.slice(from: u.start, through: u.end) == u.string) }
        // The bytes --fix writes back keep their CRs.
        #expect(doc.source.originalBytes == Array(text.utf8))
    }
}

extension FuzzRegressionTests {
    /// Found by the config target: thousands of nested `[` overflowed the YAML parser's stack.
    @Test func deeplyNestedConfigIsRefusedWithItsLine() throws {
        let dir = TempDir()
        dir.write("a.md", "中文。\n")
        for (text, line) in [("rules: {}\npairs:\n  - source: " + String(repeating: "[", count: 100_000) + "\n", 3),
                             ("ignore:\n" + String(repeating: "- ", count: 100_000) + "x\n", 2),
                             // Lines may end with a lone CR; brackets count inside quotes too.
                             ("# comment\r" + String(repeating: "- ", count: 100_000) + "x\r", 2),
                             ("keep: [a'b, " + String(repeating: "[", count: 100_000) + "\r\n", 1),
                             ("rules: {}\r\nkeep: [a'b, " + String(repeating: "[", count: 100_000) + "\r\n", 2)] {
            dir.write("bitext.yml", text)
            let r = try CLI.run(["check", "a.md"], cwd: dir.url)
            #expect(r.status == 2)
            #expect(r.stderr.contains("bitext.yml:\(line): nested more than 32 levels deep"), "\(r.stderr)")
        }
        // Ordinary nesting is fine.
        dir.write("bitext.yml", "pairs:\n  - {source: en/a.md, target: a.md}\nrules: {quote-style: off}\nignore: [\"**/x/**\"]\n")
        #expect(try CLI.run(["check", "a.md"], cwd: dir.url).status != 2)
    }
}
