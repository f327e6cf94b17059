import Foundation
import Testing
@testable import BitextCheck

/// untranslated-label on published translations (held-out review h144, C1): a column header
/// that names a measure by its abbreviation in a row that measures, a lowercase value alone in a
/// body cell, a key and a colon alone in a list item, and the cells of an HTML table of values
/// are kept as written; labels of ordinary words beside them are still reported.
@Suite struct MeasureLabelTests {
    /// What the page's English gets: `untranslated-label`, and `same-as-source` beside the source.
    func english(_ target: String, _ source: String? = nil) throws -> [Finding] {
        try Harness.findings(target: target, source: source)
            .filter { ["untranslated-label", "untranslated", "same-as-source"].contains($0.rule) }
    }

    static let measures = """
        # 基准

        <table>
        <tr><th>模型</th><th>Top-1 Acc（%）</th><th>Mask AP</th><th>推理耗时（ms）</th><th>说明</th></tr>
        <tr><td>tiny-net</td><td>71.2</td><td>40.1</td><td>12</td><td>小模型</td></tr>
        </table>

        """

    static let measuresSource = """
        # Benchmarks

        <table>
        <tr><th>Model</th><th>Top-1 Acc (%)</th><th>Mask AP</th><th>Inference time (ms)</th><th>Notes</th></tr>
        <tr><td>tiny-net</td><td>71.2</td><td>40.1</td><td>12</td><td>small model</td></tr>
        </table>

        """

    @Test func aMeasureHeaderIsKept() throws {
        #expect(try english(MeasureLabelTests.measures).isEmpty)
        #expect(try english(MeasureLabelTests.measures, MeasureLabelTests.measuresSource).isEmpty)
        // The same header in a Markdown table.
        let markdown = "| 模型 | Top-1 Acc（%） | Mask AP | 大小（MB） |\n| --- | --- | --- | --- |\n| tiny-net | 71.2 | 40.1 | 12 |\n"
        #expect(try english(markdown).isEmpty)
    }

    @Test func aLabelBesideMeasuresIsStillOne() throws {
        // An ordinary word at the head (`memory`, `score`), a header of words.
        for label in ["GPU memory", "BLEU score", "normed edit distance", "Pipeline configuration"] {
            let page = MeasureLabelTests.measures.replacingOccurrences(of: "<th>说明</th>", with: "<th>\(label)</th>")
            #expect(try english(page).count == 1, "\(label)")
        }
        // A row that measures nothing: `Mask AP` among words is a label too.
        let words = "| 模型 | Mask AP | 说明 |\n| --- | --- | --- |\n| tiny-net | 支持 | 小模型 |\n"
        #expect(try english(words).count == 1)
        // A year in brackets is no unit.
        #expect(try english(words.replacingOccurrences(of: "| 说明 |", with: "| 结果（2021） |")).count == 1)
    }

    @Test func aValueInACellIsKept() throws {
        let page = """
            <table>
            <tr><th>参数名</th><th>数据类型</th><th>描述</th><th>默认值</th></tr>
            <tr><td>mode</td><td>str</td><td>指定模式</td><td>auto</td></tr>
            <tr><td>device</td><td>str</td><td>指定设备</td><td>yaml文件中指定的设备</td></tr>
            </table>

            """
        #expect(try english(page).isEmpty)
        // A header of one lowercase word is a label still; so is a Capitalised cell.
        #expect(try english(page.replacingOccurrences(of: "<th>描述</th>", with: "<th>description</th>")).count == 1)
        #expect(try english(page.replacingOccurrences(of: "<td>auto</td>", with: "<td>Auto Detect</td>")).count == 1)
        // A lowercase word beside code in its cell is the cell's text about the code.
        let markdown = "| 参数 | 说明 |\n| --- | --- |\n| 模式 | 运行模式 |\n| 精度 | 计算精度 |\n| 设备 | `gpu` deprecated |\n"
        #expect(try english(markdown).count == 1)
        #expect(try english(markdown.replacingOccurrences(of: "`gpu` deprecated", with: "auto")).isEmpty)
    }

    @Test func aKeyAloneInAListItemIsKept() throws {
        let page = "配置文件中部分参数如下：\n\n<ul>\n<li>split:</li>\n<li>enable：是否重新划分数据集</li>\n</ul>\n"
        #expect(try english(page).isEmpty)
        let source = "Some of the parameters:\n\n<ul>\n<li><code>split</code>:</li>\n<li><code>enable</code>: whether to split the dataset again</li>\n</ul>\n"
        #expect(try english(page, source).isEmpty)
        // A Capitalised label before a colon, or text after the colon, is no key alone.
        #expect(try english(page.replacingOccurrences(of: "split:", with: "Blogs:")).count == 1)
    }

    @Test func aCellOfAnHTMLTableOfValuesIsKept() throws {
        let page = """
            <table>
              <tr><th>操作系统</th><th>处理器架构</th><th>Python 版本</th></tr>
              <tr><td>Linux</td><td>x86-64</td><td>3.8–3.12</td></tr>
              <tr><td>Windows</td><td>AArch64</td><td>3.10</td></tr>
            </table>

            """
        #expect(try english(page).isEmpty)
        // Chinese in the body: a label left in English there is reported.
        let mixed = page.replacingOccurrences(of: "<td>Windows</td>", with: "<td>Batch Import</td>")
            .replacingOccurrences(of: "<td>3.10</td>", with: "<td>推荐</td>")
        #expect(try english(mixed).contains { $0.span.start.line == 4 })
    }
}
