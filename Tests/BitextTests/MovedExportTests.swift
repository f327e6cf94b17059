import Foundation
import Testing
@testable import BitextAlign
@testable import BitextExchange

/// A passage the translation put in another place: exchange files carry its translation where
/// its source is, and an import writes it back where the translator put it.
@Suite(.serialized) struct MovedExportTests {
    // Our own example: the translation moved the logging paragraph up, before the size section.
    static let en = """
        # Cache settings

        The cache keeps recent results in memory, so that a repeated query returns at once.

        ## Size

        Set `maxEntries` to limit how many results the cache keeps. The default is 500.

        ## Expiry

        Set `ttl` to the number of seconds a result stays valid. Expired results are dropped on the next read.

        ## Logging

        Pass `--verbose` to print every hit and miss of the cache. The log goes to standard error.

        """
    static let zh = """
        # 缓存设置

        缓存把最近的结果保存在内存中，重复的查询可以立即返回。

        ## 日志

        传入 `--verbose` 可以打印缓存的每次命中和未命中。日志写到标准错误。

        ## 大小

        设置 `maxEntries` 可以限制缓存保存的结果数量。默认值是 500。

        ## 过期

        把 `ttl` 设为结果保持有效的秒数。过期的结果会在下次读取时丢弃。

        """

    static func setUp() -> TempDir {
        let dir = TempDir()
        dir.write("en.md", en)
        dir.write("zh.md", zh)
        return dir
    }

    @Test func tmxHoldsAMovedParagraphWhereItsSourceIs() throws {
        let dir = Self.setUp()
        let r = try CLI.run(["export", "en.md", "zh.md", "--format", "tmx", "-o", "a.tmx", "--no-config"], cwd: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        let pairs = try XMLDocumentReader.pairs(dir.read("a.tmx"))
        let sources = pairs.map(\.0)
        // Sentence by sentence, as for any pair whose sentences align with confidence.
        let verbose = sources.firstIndex { $0.hasPrefix("Pass `--verbose`") }
        #expect(verbose.map { pairs[$0].1 } == "传入 `--verbose` 可以打印缓存的每次命中和未命中。", "\(pairs)")
        #expect(pairs.contains { $0 == ("The log goes to standard error.", "日志写到标准错误。") }, "\(pairs)")
        // In the source's order: after the expiry section, though the translation has it first.
        let expired = sources.firstIndex { $0.hasPrefix("Expired results") }
        #expect(verbose != nil && expired != nil && verbose! > expired!, "\(sources)")
    }

    @Test func xliffGivesAMovedParagraphItsTranslationAndImportWritesItInPlace() throws {
        for format in ["xliff", "xliff1"] {
            let dir = Self.setUp()
            var r = try CLI.run(["export", "en.md", "zh.md", "--format", format, "-o", "a.xlf", "--no-config"], cwd: dir.url)
            #expect(r.status == 0, "\(r.stderr)")
            let xlf = dir.read("a.xlf")
            let target = format == "xliff" ? "<target>日志写到标准错误。</target>" : "<target state=\"translated\">日志写到标准错误。</target>"
            #expect(xlf.contains(target), "\(format): \(xlf)")

            // The unchanged export imports as no change.
            r = try CLI.run(["import", "a.xlf", "--into", "zh.md", "--no-config"], cwd: dir.url)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("0 units written, 0 inserted"), "\(format): \(r.stdout)")
            #expect(dir.read("zh.md") == Self.zh, "\(format)")

            // A translation edited in the CAT tool goes where the translator put the paragraph,
            // not a second time where the source has it.
            dir.write("b.xlf", xlf.replacingOccurrences(of: "日志写到标准错误。", with: "日志输出到标准错误。"))
            r = try CLI.run(["import", "b.xlf", "--into", "zh.md", "--no-config"], cwd: dir.url)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("1 units written, 0 inserted"), "\(format): \(r.stdout)")
            #expect(dir.read("zh.md") == Self.zh.replacingOccurrences(of: "日志写到标准错误。", with: "日志输出到标准错误。"), "\(format)")
        }
    }

    @Test func bilingualMarkdownNamesWhereAMovedParagraphWent() throws {
        let dir = Self.setUp()
        let r = try CLI.run(["export", "en.md", "zh.md", "--format", "markdown", "-o", "a.md", "--no-config"], cwd: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        let md = dir.read("a.md")
        #expect(md.contains("> Pass `--verbose` to print every hit and miss of the cache. The log goes to standard error.\n\n"
            + "*(elsewhere in the translation: line 7)*\n"), "\(md)")
        // Its translation stays where the translator put it, once.
        #expect(md.components(separatedBy: "日志写到标准错误。").count == 2, "\(md)")
    }

    /// `align` lists the pair the moved blocks make, `coverage` counts the moved paragraph as
    /// translated, and the review page links the two rows instead of calling one missing and
    /// the other without a source.
    @Test func alignCoverageAndReviewPageKnowTheMovedParagraph() throws {
        let dir = Self.setUp()
        var r = try CLI.run(["align", "en.md", "zh.md", "--format", "json", "--no-config"], cwd: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let moved = try #require(json["moved"] as? [[String: Any]], "\(r.stdout)")
        let lines = moved.map { m in ["source", "target"].map { (m[$0] as? [[String: Int]])?.first?["line"] ?? 0 } }
        #expect(lines.contains([15, 7]), "\(lines)")

        r = try CLI.run(["coverage", "zh.md", "--source", "en.md", "--format", "json", "--no-config"], cwd: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        // Only the heading is left untranslated (日志 shares nothing the aligner can see with
        // Logging, so it is not paired as moved); the paragraph is translated.
        let total = try #require((try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])?["total"] as? [String: Any])
        #expect((total["units"] as? [String: Int])?["untranslated"] == 1, "\(r.stdout)")

        r = try CLI.run(["export", "en.md", "zh.md", "--format", "html", "-o", "a.html", "--no-config"], cwd: dir.url)
        #expect(r.status == 0, "\(r.stderr)")
        let html = dir.read("a.html")
        let rows = html.components(separatedBy: "<div class=\"row ").dropFirst().map { String($0.prefix { $0 != ">" }) }
        let movedRows = rows.filter { $0.hasPrefix("moved") }
        #expect(movedRows.count == 2, "\(rows)")
        #expect(rows.filter { $0.hasPrefix("missing") || $0.hasPrefix("extra") }.count == 2, "\(rows)")  // the headings
        #expect(html.contains("translated in another place ↗</a>") && html.contains("its source is in another place ↗</a>"))
    }

    /// On real pages (a section and table rows the translation moved): each moved pair with a
    /// Chinese translation gives the memory something, and its source units are translated
    /// where the translation has them, not missing.
    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func movedPairsOfRealPagesAreInTheMemory() throws {
        var learned = 0
        for page in ["antd/%@/docs/react/compatible-style.md", "antd/%@/components/date-picker/index.md", "antd/%@/docs/react/faq.md"] {
            let (d, alignment) = try ExchangeFixture.aligned(source: Fixtures.corpus(String(format: page, "en"))!.path,
                                                             target: Fixtures.corpus(String(format: page, "zh"))!.path)
            #expect(!alignment.moved.isEmpty, "\(page)")
            let memoryLines = Set(d.memoryPairs.map(\.line))
            for m in alignment.moved {
                let su = m.source.compactMap { d.source.unitIndex(block: $0) }
                let tu = m.target.compactMap { d.target.unitIndex(block: $0) }
                for k in su {
                    #expect(d.beads[d.units[k].bead].targetUnits == tu, "\(page):\(d.units[k].line)")
                    #expect(d.units[k].segments.allSatisfy { $0.status != .missing }, "\(page):\(d.units[k].line)")
                }
                let han = tu.contains { t in d.target.units[t].plainText.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
                guard han, let k = su.first else { continue }
                // (A memory pair names the line of the translation, where its user finds it.)
                let targetLines = tu.map { d.target.units[$0].start.line }
                #expect(targetLines.contains(where: memoryLines.contains), "\(page):\(d.units[k].line) → \(targetLines)")
                learned += 1
            }
        }
        #expect(learned >= 4, "\(learned)")
    }
}
