import Foundation
import Testing
@testable import BitextAlign
@testable import BitextCheck
@testable import BitextMarkdown
@testable import BitextText

/// Alignment of HTML tables (rows, columns, rows in another order) and of headings whose text
/// is a link on one side.
@Suite struct HTMLTableAlignmentTests {
    /// The warnings of every rule, as `line: rule`.
    func warnings(_ source: String, _ target: String) throws -> [String] {
        try Harness.findings(target: target, source: source)
            .filter { $0.severity == .warning }
            .map { "\($0.span.start.line): \($0.rule)" }
    }

    // MARK: a heading that is a link

    @Test func headingThatIsALinkIsAHeadingUnit() {
        let doc = Document(SourceText(path: "t.md", text: "## [存储模块](../storage.md)\n\n## ![图标](icon.png)\n"))
        #expect(doc.units.count == 1)
        #expect(doc.units.first?.kind == .heading(level: 2))
        #expect(doc.units.first?.plainText == "存储模块")
        #expect(doc.units.first?.linkTargets.map(\.destination) == ["../storage.md"])
    }

    static let linkedSource = """
        # Drivers

        Every driver has its own page.

        ## Storage Drivers
        <table>
        <tr><th>Driver</th><th>Speed</th></tr>
        <tr><td>DiskA</td><td>120</td></tr>
        </table>

        ## [Network Drivers](../network.en.md)
        <table>
        <tr><th>Driver</th><th>Speed</th></tr>
        <tr><td>NetB</td><td>40</td></tr>
        </table>

        """

    @Test func headingLinkedInTheTranslationOnlyPairsAsAHeading() throws {
        let target = """
            # 驱动

            每个驱动都有自己的页面。

            ## [存储驱动](../storage.md)
            <table>
            <tr><th>驱动</th><th>速度</th></tr>
            <tr><td>DiskA</td><td>120</td></tr>
            </table>

            ## [网络驱动](../network.md)
            <table>
            <tr><th>驱动</th><th>速度</th></tr>
            <tr><td>NetB</td><td>40</td></tr>
            </table>

            """
        #expect(try warnings(Self.linkedSource, target) == [])
    }

    @Test func headingWhoseLinkTheTranslationDroppedKeepsItsPlace() throws {
        let target = """
            # 驱动

            每个驱动都有自己的页面。

            ## 存储驱动
            <table>
            <tr><th>驱动</th><th>速度</th></tr>
            <tr><td>DiskA</td><td>120</td></tr>
            </table>

            ## 网络驱动
            <table>
            <tr><th>驱动</th><th>速度</th></tr>
            <tr><td>NetB</td><td>40</td></tr>
            </table>

            """
        // The heading is there: its link is what is missing, not the heading.
        #expect(try warnings(Self.linkedSource, target) == ["11: link-mismatch"])
    }

    // MARK: HTML tables as tables

    @Test func htmlCellsHaveRowsAndColumns() throws {
        let doc = Document(SourceText(path: "t.md", text: """
            <table>
            <tr><th>Name</th><th>Type</th></tr>
            <tr>
            <td><code>limit</code></td>
            <td>Upper bound</td>
            </tr>
            <tr><td>size</td><td>Bytes</td></tr>
            </table>

            """))
        let checker = Checker(settings: Harness.settings(), messages: Messages.load("en"), glossary: nil, rules: [])
        let kinds = try checker.withToolkit { toolkit in
            BlockFeatures.of(doc, analyses: checker.analyze(doc, toolkit: toolkit), functionWords: []).map(\.kind)
        }
        // The code-only cell is no unit, but its tag counts its column.
        #expect(kinds == [.cell(row: 0, column: 0), .cell(row: 0, column: 1), .cell(row: 1, column: 1),
                          .cell(row: 2, column: 0), .cell(row: 2, column: 1)])
        #expect(BlockFeatures.HTMLCells.rows(doc).count == 5)
    }

    static let parameters = """
        # Options

        <table>
        <tr><th>Name</th><th>Meaning</th><th>Required</th></tr>
        <tr><td>cacheSize</td><td>Refer to the description of the cache size option of the loader.</td><td>No</td></tr>
        <tr><td>retryCount</td><td>Refer to the description of the retry count option of the loader.</td><td>No</td></tr>
        <tr><td>retryWait</td><td>Refer to the description of the retry wait option of the loader.</td><td>No</td></tr>
        <tr><td>readTimeout</td><td>Refer to the description of the read timeout option of the loader.</td><td>No</td></tr>
        </table>

        See [the loader](loader.md) for more.

        """

    @Test func droppedHTMLRowIsReportedOnceAndNoBeadCrossesTheTable() throws {
        let target = """
            # 选项

            <table>
            <tr><th>名称</th><th>含义</th><th>是否必填</th></tr>
            <tr><td>cacheSize</td><td>请参阅加载器的缓存大小选项的说明。</td><td>否</td></tr>
            <tr><td>readTimeout</td><td>请参阅加载器的读取超时选项的说明。</td><td>否</td></tr>
            </table>

            更多内容请参阅[加载器](loader.md)。

            """
        let found = try Harness.findings(target: target, source: Self.parameters).filter { $0.severity == .warning }
        // Two rows dropped, one finding each, named by their cells; the paragraph after the
        // table pairs with its translation (no cell joined it), so its link is there.
        #expect(found.map(\.rule) == ["missing-translation", "missing-translation"], "\(found.map(\.message))")
        #expect(found.first?.message.contains("retryCount | Refer to the description") == true, "\(found.map(\.message))")
        #expect(found.last?.message.contains("retryWait") == true, "\(found.map(\.message))")
    }

    // MARK: rows in another order

    static let models = """
        # Models

        <table>
        <tr><th>Model</th><th>Accuracy</th><th>Download</th></tr>
        <tr><td>Orca-S</td><td>71.2</td><td><a href="https://example.com/m/Orca-S.tar">Download</a></td></tr>
        <tr><td>Orca-S_v2</td><td>73.5</td><td><a href="https://example.com/m/Orca-S_v2.tar">Download</a></td></tr>
        <tr><td>Orca-M</td><td>75.1</td><td><a href="https://example.com/m/Orca-M.tar">Download</a></td></tr>
        <tr><td>Orca-M_v2</td><td>77.0</td><td><a href="https://example.com/m/Orca-M_v2.tar">Download</a></td></tr>
        <tr><td>Orca-L</td><td>78.4</td><td><a href="https://example.com/m/Orca-L.tar">Download</a></td></tr>
        <tr><td>Orca-L_v2</td><td>80.2</td><td><a href="https://example.com/m/Orca-L_v2.tar">Download</a></td></tr>
        </table>

        """

    /// The translation of ``models`` with its rows grouped: the plain models first.
    static func grouped(_ mediumLink: String = "https://example.com/m/Orca-M_v2.tar") -> String {
        """
        # 模型

        <table>
        <tr><th>模型</th><th>精度</th><th>下载</th></tr>
        <tr><td>Orca-S</td><td>71.2</td><td><a href="https://example.com/m/Orca-S.tar">下载</a></td></tr>
        <tr><td>Orca-M</td><td>75.1</td><td><a href="https://example.com/m/Orca-M.tar">下载</a></td></tr>
        <tr><td>Orca-L</td><td>78.4</td><td><a href="https://example.com/m/Orca-L.tar">下载</a></td></tr>
        <tr><td>Orca-S_v2</td><td>73.5</td><td><a href="https://example.com/m/Orca-S_v2.tar">下载</a></td></tr>
        <tr><td>Orca-M_v2</td><td>77.0</td><td><a href="\(mediumLink)">下载</a></td></tr>
        <tr><td>Orca-L_v2</td><td>80.2</td><td><a href="https://example.com/m/Orca-L_v2.tar">下载</a></td></tr>
        </table>

        """
    }

    @Test func rowsInAnotherOrderPairByTheirNames() throws {
        #expect(try warnings(Self.models, Self.grouped()) == [])
    }

    @Test func movedRowIsStillCompared() throws {
        // The row moved and its link changed: the link is reported, on the moved row, once.
        let found = try warnings(Self.models, Self.grouped("https://example.com/m/Orca-M.tar"))
        #expect(found == ["9: link-mismatch"])
    }

    @Test func pinnedRowsNeedAKeyNoOtherCellHolds() {
        func cells(_ keys: [String]) -> [BlockFeatures] {
            keys.enumerated().map { k, key in
                BlockFeatures(kind: .cell(row: k, column: 0), letters: key.count, han: 0, anchors: [], latinWords: [],
                              key: key, isNote: false, links: 0, line: k + 1, endLine: k + 1)
            }
        }
        let s = cells(["Orca-S", "Orca-M", "Orca-L"]), t = cells(["Orca-M", "Orca-S", "Orca-M"])
        let pins = BlockAligner.pinnedRows(s, t, BlockAligner.rowIDs(s), BlockAligner.rowIDs(t))
        // `Orca-M` twice in the translation pins nothing; a key with a space is no name.
        #expect(pins.source == [0: 1])
        #expect(pins.target == [1: 0])
        let spaced = cells(["two words", "x"])
        #expect(BlockAligner.pinnedRows(spaced, spaced, BlockAligner.rowIDs(spaced), BlockAligner.rowIDs(spaced)).source.isEmpty)
    }

    // MARK: rows keyed by cells of code alone

    /// A parameter table whose translation adds a row (review of held-out pair 52): its cells of
    /// code alone (`<td><code>use_hpip</code></td>`) are no blocks, so the rows after the added
    /// one were paired one row off, and the last row's description reported as added. Such a
    /// cell keys its row when no other row holds its code and both rows have code cells in the
    /// same columns: the added row's cells are reported, the last row's pairs.
    static let codeParameters = """
        # Parameters

        <table>
        <thead>
        <tr>
        <th>Parameter</th>
        <th>Description</th>
        <th>Type</th>
        <th>Options</th>
        <th>Default</th>
        </tr>
        </thead>
        <tr>
        <td><code>device</code></td>
        <td>Device for inference</td>
        <td><code>str</code></td>
        <td>Any device name</td>
        <td><code>gpu:0</code></td>
        </tr>
        <tr>
        <td><code>use_hpip</code></td>
        <td>Whether to enable the plugin</td>
        <td><code>bool</code></td>
        <td>None</td>
        <td><code>False</code></td>
        </tr>
        <tr>
        <td><code>hpi_config</code></td>
        <td>Configuration of the plugin</td>
        <td><code>dict</code></td>
        <td>None</td>
        <td><code>None</code></td>
        </tr>
        </table>
        """

    static let codeParametersAdded = """
        # 参数

        <table>
        <thead>
        <tr>
        <th>参数</th>
        <th>说明</th>
        <th>类型</th>
        <th>可选值</th>
        <th>默认值</th>
        </tr>
        </thead>
        <tr>
        <td><code>device</code></td>
        <td>推理设备</td>
        <td><code>str</code></td>
        <td>任意设备名</td>
        <td><code>gpu:0</code></td>
        </tr>
        <tr>
        <td><code>threshold</code></td>
        <td>分类阈值</td>
        <td><code>float</code></td>
        <td><li><b>float</b>，任意浮点数</li>
        <li><b>list</b>，浮点数的列表</li>
        </td>
        <td>0.5</td>
        </tr>
        <tr>
        <td><code>use_hpip</code></td>
        <td>是否启用插件</td>
        <td><code>bool</code></td>
        <td>无</td>
        <td><code>False</code></td>
        </tr>
        <tr>
        <td><code>hpi_config</code></td>
        <td>插件的配置</td>
        <td><code>dict</code></td>
        <td>无</td>
        <td><code>None</code></td>
        </tr>
        </table>
        """

    @Test func cellsOfCodeAloneKeyTheirRows() throws {
        // The added row's cells, one after another: one finding.
        #expect(try warnings(Self.codeParameters, Self.codeParametersAdded) == ["22: extra-block"])
    }

    @Test func codeCellsPinOnlyRowsOfOneShape() {
        func row(_ k: Int, _ code: [(Int, String)]) -> BlockFeatures {
            var f = BlockFeatures(kind: .cell(row: k, column: 1), letters: 8, han: 0, anchors: [], latinWords: [],
                                  key: "words here", isNote: false, links: 0, line: k + 1, endLine: k + 1)
            f.codeCells = code.map { BlockFeatures.RowKeyCell(column: $0.0, code: $0.1) }
            return f
        }
        let s = [row(0, [(0, "device"), (2, "str")]), row(1, [(0, "use_hpip"), (2, "bool")]), row(2, [(0, "hpi_config"), (2, "dict")])]
        // The translation: `use_hpip` moved up, `hpi_config` with its type written as text (another shape).
        let t = [row(0, [(0, "use_hpip"), (2, "bool")]), row(1, [(0, "device"), (2, "str")]), row(2, [(0, "hpi_config")])]
        let pins = BlockAligner.pinnedRows(s, t, BlockAligner.rowIDs(s), BlockAligner.rowIDs(t))
        #expect(pins.source == [0: 1, 1: 0])
        // A code two rows hold keys neither.
        let twice = [row(0, [(0, "x"), (2, "str")]), row(1, [(0, "x"), (2, "str")])]
        #expect(BlockAligner.pinnedRows(twice, twice, BlockAligner.rowIDs(twice), BlockAligner.rowIDs(twice)).source.isEmpty)
    }
}
