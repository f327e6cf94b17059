import Foundation
import Testing
@testable import BitextCheck

/// untranslated-label on published translations (held-out review h144, C1): a column header
/// that names a measure by its abbreviation in a row that measures is kept as written; labels of
/// ordinary words beside it are still reported.
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
    }
}
