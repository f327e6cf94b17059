import Foundation
import Testing

@Suite struct CoverageTests {
    static func json(_ args: [String]) throws -> [String: Any] {
        let r = try CLI.run(["coverage", "--format", "json", "--no-config"] + args)
        #expect(r.status == 0, "\(r.stderr)")
        return (r.json as? [String: Any]) ?? [:]
    }

    static func percent(_ j: [String: Any]) -> Double { ((j["total"] as? [String: Any])?["percent"] as? Double) ?? -1 }

    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func seedMonolingualAndBilingual() throws {
        let zh = Fixtures.corpus("genai-handbook/zh/intro.md")!.path, en = Fixtures.corpus("genai-handbook/en/intro.md")!.path
        for args in [[zh], ["--source", en, zh]] {
            let j = try Self.json(args)
            let p = Self.percent(j)
            #expect(p > 3 && p < 25, "\(args): \(p)")
            let file = (j["files"] as? [[String: Any]])?.first
            let sections = file?["sections"] as? [[String: Any]] ?? []
            let intro = sections.first { $0["heading"] as? String == "导言" }
            #expect(intro?["percent"] as? Double == 100.0)
            #expect(intro?["line"] as? Int == 1)
            let landscape = sections.first { $0["heading"] as? String == "The AI Landscape" }
            let lp = landscape?["percent"] as? Double ?? -1
            #expect(lp > 0 && lp < 100, "The AI Landscape: \(lp)")
            let units = file?["units"] as? [String: Int]
            #expect(units?["partial"] == 1)
            #expect((units?["translated"] ?? 0) >= 2)
        }
    }

    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func englishFileIsZeroAndCompleteTranslationIsAboutAHundred() throws {
        let en = Fixtures.corpus("genai-handbook/en/section1.md")!.path
        #expect(Self.percent(try Self.json([en])) < 1)
        let vueEN = Fixtures.corpus("vue-docs/en/guide/essentials/computed.md")!.path
        let vueZH = Fixtures.corpus("vue-docs/zh/guide/essentials/computed.md")!.path
        #expect(Self.percent(try Self.json([vueZH])) > 97)
        #expect(Self.percent(try Self.json(["--source", vueEN, vueZH])) > 97)
        // The English checked against itself: nothing translated.
        #expect(Self.percent(try Self.json(["--source", vueEN, vueEN])) < 1)
    }

    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func rootsMissingFilesAndMin() throws {
        let dir = TempDir()
        dir.write("en/a.md", "# Title\n\nA first paragraph of English prose.\n")
        dir.write("en/b.md", "# Other\n\nA page nobody has translated yet.\n")
        dir.write("zh/a.md", "# 标题\n\n第一段中文。\n")
        let j = try Self.json(["--source-root", dir.path("en"), "--target-root", dir.path("zh")])
        let files = j["files"] as? [[String: Any]] ?? []
        #expect(files.count == 2)
        #expect(files.first?["percent"] as? Double == 100.0)
        #expect((files.last?["file"] as? String)?.contains("b.md") == true)
        #expect(files.last?["percent"] as? Double == 0.0)
        let total = Self.percent(j)
        #expect(total > 30 && total < 70)
        let below = try CLI.run(["coverage", "--source-root", dir.path("en"), "--target-root", dir.path("zh"), "--min", "90", "--no-config"])
        #expect(below.status == 1)
        let above = try CLI.run(["coverage", "--source-root", dir.path("en"), "--target-root", dir.path("zh"), "--min", "10", "--no-config"])
        #expect(above.status == 0)
    }

    @Test func pathsNarrowATreeToWhatTheyName() throws {
        let dir = TempDir()
        dir.write("en/a.md", "# Title\n\nA first paragraph of English prose.\n")
        dir.write("en/sub/b.md", "# Other\n\nA page nobody has translated yet.\n")
        dir.write("en/sub/c.md", "# Third\n\nAnother page with some words.\n")
        dir.write("zh/a.md", "# 标题\n\n第一段中文。\n")
        dir.write("zh/sub/c.md", "# 第三\n\n另一页。\n")
        dir.write("elsewhere.md", "# 别处\n\n树外的一页。\n")
        let roots = ["--source-root", dir.path("en"), "--target-root", dir.path("zh")]
        func files(_ args: [String]) throws -> [String] {
            let j = try Self.json(roots + args)
            return (j["files"] as? [[String: Any]] ?? []).compactMap { ($0["file"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } }
        }
        // A file: that pair only; a folder: its pairs and the sources it lacks; a file outside
        // the tree: checked alone; nothing named: the whole tree.
        #expect(try files([dir.path("zh/a.md")]) == ["a.md"])
        #expect(try files([dir.path("zh/sub")]).sorted() == ["b.md", "c.md"])
        #expect(try files([dir.path("elsewhere.md")]) == ["elsewhere.md"])
        #expect(try files([]).sorted() == ["a.md", "b.md", "c.md"])
        let check = try CLI.run(["check", "--no-config"] + roots + [dir.path("zh/a.md")])
        #expect(check.stdout.contains("1 file checked"))
    }

    @Test func formatsForPeople() throws {
        let text = try CLI.run(["coverage", "examples/zh/tokenizers.md", "--no-config"], env: ["COLUMNS": "90"])
        #expect(text.status == 0)
        #expect(text.stdout.split(separator: "\n").allSatisfy { $0.count <= 90 })
        #expect(text.stdout.contains("█"))
        let md = try CLI.run(["coverage", "--source", "examples/en/tokenizers.md", "examples/zh/tokenizers.md", "--format", "markdown", "--no-config"])
        #expect(md.stdout.hasPrefix("### Translation coverage: "))
        #expect(md.stdout.contains("| `examples/zh/tokenizers.md` |"))
        let dir = TempDir()
        let html = try CLI.run(["coverage", "--source", "examples/en/tokenizers.md", "examples/zh/tokenizers.md", "--format", "html",
                                "-o", dir.path("c.html"), "--no-config"])
        #expect(html.status == 0)
        let page = try String(contentsOfFile: dir.path("c.html"), encoding: .utf8)
        #expect(page.contains("<meta http-equiv=\"Content-Security-Policy\""))
        #expect(page.contains("href=\"examples/zh/tokenizers.md#L"))
        #expect(!page.contains("<script"))
    }
}
