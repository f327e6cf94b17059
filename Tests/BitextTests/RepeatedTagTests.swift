import Testing
@testable import BitextCheck

/// placeholder-mismatch: HTML code elements a translation says once where the source repeats
/// them, names gathered in one element, anchors nothing links to, and `<a href>` written as a
/// Markdown link (held-out review s34 R, M, A).
@Suite struct RepeatedTagTests {
    func findings(_ target: String, _ source: String) throws -> [Finding] {
        try Harness.findings(rule: PlaceholderMismatchRule(), target: target, source: source).filter { $0.rule == "placeholder-mismatch" }
    }

    @Test func aCodeElementSaidOnceIsNoLoss() throws {
        let source = "<p>Set <code>mode</code> in the file. If <code>mode</code> is <code>null</code>, the default applies.</p>\n"
        #expect(try findings("<p>在文件中设置 <code>mode</code>；若传入 <code>null</code>，则使用默认值。</p>\n", source).isEmpty)
        // A name of the source in code nowhere in the translation: lost.
        let lost = try findings("<p>在文件中设置 <code>mode</code>；若传入空值，则使用默认值。</p>\n", source)
        #expect(lost.map(\.severity) == [.warning])
        // Written as a word, out of code: lost as code.
        let prose = try findings("<p>在文件中设置 mode；若 mode 传入 <code>null</code>，则使用默认值。</p>\n", source)
        #expect(prose.map(\.severity) == [.warning])
    }

    @Test func twoNamesInOneElementAreBothKept() throws {
        let source = "<p>Upload a <code>xlsx</code> or <code>xls</code> file.</p>\n"
        #expect(try findings("<p>上传 <code>xlsx 或 xls</code> 文件。</p>\n", source).isEmpty)
        // A name inside a longer word is not that name.
        #expect(try findings("<p>上传 <code>xlsx</code> 文件。</p>\n", source).map(\.severity) == [.warning])
    }

    @Test func anAnchorNothingLinksToIsReportedAtInfo() throws {
        let source = "## Quick start <a id=\"quick\"></a>\n\nRun it.\n\nSee [Quick start](#quick).\n"
        let unused = try findings("## 快速开始\n\n运行它。\n\n参见[快速开始](#快速开始)。\n", source)
        #expect(unused.map(\.severity) == [.info], "\(unused.map(\.message))")
        #expect(unused.first?.message.contains("anchor") == true)
        // The translation still links to the id: the anchor is needed.
        let used = try findings("## 快速开始\n\n运行它。\n\n参见[快速开始](#quick)。\n", source)
        #expect(used.map(\.severity) == [.warning])
    }

    @Test func aLinkTagWrittenAsMarkdownIsTheSameLink() throws {
        let source = "<p>Read the <a href=\"./guide.md\">guide</a> first.</p>\n\nThen run it.\n"
        #expect(try findings("先阅读[指南](./guide.md)。\n\n然后运行它。\n", source).isEmpty)
        // Dropped with its element: lost.
        #expect(try findings("<p>先阅读指南。</p>\n\n然后运行它。\n", source).map(\.severity) == [.warning])
    }
}
