import Testing
@testable import BitextAlign
@testable import BitextCheck
import BitextMarkdown

/// A source table the translation wrote as rows cmark-gfm reads as a paragraph (its header row
/// or its delimiter row dropped): the paragraph is paired with the table's cells, reported once
/// by `markup-mismatch` (a warning: the table no longer renders), and its rows' contents are
/// compared as any pair's; no row is reported missing.
@Suite struct BrokenTableTests {
    static let source = "# Config\n\n| Bits | Field | Description |\n|------|-------|-------------|\n| [4] | `MODE` | 0 = single shot, 1 = continuous |\n| [3:2] | `ODR` | Output data rate |\n\nWriting to reserved bits has no effect.\n"

    func findings(_ target: String, _ source: String = BrokenTableTests.source) throws -> [Finding] {
        try Harness.findings(target: target, source: source)
    }

    func detail(_ f: Finding, _ key: String) -> String? {
        for (k, v) in f.details where k == "details" {
            if case .object(let o) = v { for (k2, v2) in o where k2 == key { if case .string(let s) = v2 { return s } } }
        }
        return nil
    }

    @Test func headerRowDropped() throws {
        let f = try findings("# 配置\n\n|------|-------|-------------|\n| [4] | `MODE` | 0 = 单次测量，1 = 连续测量 |\n| [3:2] | `ODR` | 输出数据速率 |\n\n写入保留位不起作用。\n")
        #expect(f.map(\.rule) == ["markup-mismatch"])
        #expect(f.first?.severity == .warning)
        #expect(f.first?.span.start == TextPosition(line: 3, column: 1))
        #expect(f.first.flatMap { detail($0, "missing") } == "header-row")
    }

    @Test func delimiterRowDropped() throws {
        let f = try findings("# 配置\n\n| 位 | 字段 | 说明 |\n| [4] | `MODE` | 0 = 单次测量，1 = 连续测量 |\n| [3:2] | `ODR` | 输出数据速率 |\n\n写入保留位不起作用。\n")
        #expect(f.map(\.rule) == ["markup-mismatch"])
        #expect(f.first.flatMap { detail($0, "missing") } == "delimiter-row")
        // A delimiter row that does not match the header's columns breaks the table as well.
        let g = try findings("# 配置\n\n| 位 | 字段 | 说明 |\n|------|-------|\n| [4] | `MODE` | 0 = 单次测量，1 = 连续测量 |\n| [3:2] | `ODR` | 输出数据速率 |\n\n写入保留位不起作用。\n")
        #expect(g.map(\.rule) == ["markup-mismatch"])
    }

    @Test func theRowsAreComparedWhereTheyAre() throws {
        // A number changed in the second row: reported on its line, beside the broken table.
        let f = try findings("# 配置\n\n|------|-------|-------------|\n| [4] | `MODE` | 0 = 单次测量，1 = 连续测量 |\n| [3:1] | `ODR` | 输出数据速率 |\n\n写入保留位不起作用。\n")
        #expect(f.map(\.rule).sorted() == ["markup-mismatch", "number-mismatch"])
        #expect(f.first { $0.rule == "number-mismatch" }?.span.start.line == 5)
    }

    @Test func theAlignmentPairsTheParagraphWithTheTable() throws {
        let checker = Checker(settings: Harness.settings(), messages: Messages.load("en"), glossary: nil, rules: [])
        try checker.withToolkit { toolkit in
            let src = Document(SourceText(path: "source.md", text: BrokenTableTests.source))
            let doc = Document(SourceText(path: "target.md", text: "# 配置\n\n|------|-------|-------------|\n| [4] | `MODE` | 0 = 单次测量，1 = 连续测量 |\n| [3:2] | `ODR` | 输出数据速率 |\n\n写入保留位不起作用。\n"))
            let al = DocumentAligner(functionWords: Harness.source.functionWords, numerals: Harness.target.numerals)
                .align(source: src, sourceAnalyses: checker.analyze(src, toolkit: toolkit), target: doc, targetAnalyses: checker.analyze(doc, toolkit: toolkit))
            #expect(al.beads.allSatisfy { !$0.target.isEmpty && !$0.source.isEmpty })
            #expect(al.beads.count == 3)
        }
    }

    /// The other way round: the source's table broken by a blank line (the rows after it a
    /// paragraph), the translation's whole. The paragraph pairs with the rows the translator
    /// mended; nothing is reported in the translation, not the rows as extra, nor the code of
    /// their code-only cells (no units) as missing; a number changed in them still is.
    @Test func aSourceTableBrokenByABlankLineIsTheTranslationsWholeTable() throws {
        let source = "# Fields\n\n| Name | Meaning | Type |\n| --- | --- | --- |\n| `symbol` | The instrument | String |\n| `entry_time` | When the trade opened | Datetime |\n\n| `exit_price` | Average exit price | Float |\n| `pnl`, `net_pnl` | Profit before and after fees | Float |\n| `bars` | Bars held, at most 500 | Int |\n\nEvery trade is closed.\n"
        let target = "# 字段\n\n| 名称 | 含义 | 类型 |\n| --- | --- | --- |\n| `symbol` | 交易品种 | String |\n| `entry_time` | 开仓时间 | Datetime |\n| `exit_price` | 平均平仓价 | Float |\n| `pnl`, `net_pnl` | 扣费前后的盈亏 | Float |\n| `bars` | 持仓 K 线数，最多 500 | Int |\n\n每笔交易都已平仓。\n"
        let f = try findings(target, source).filter { $0.severity != .info }
        #expect(f.isEmpty, "\(f.map { "\($0.rule) \($0.span.start.line): \($0.message)" })")
        let g = try findings(target.replacingOccurrences(of: "最多 500", with: "最多 50"), source).filter { $0.severity != .info }
        #expect(g.map(\.rule) == ["number-mismatch"], "\(g.map { "\($0.rule) \($0.span.start.line): \($0.message)" })")
        #expect(g.first?.span.start.line == 9)
    }

    @Test func silentWhenNothingIsBroken() throws {
        // The table translated as a table.
        #expect(try findings("# 配置\n\n| 位 | 字段 | 说明 |\n|------|-------|-------------|\n| [4] | `MODE` | 0 = 单次测量，1 = 连续测量 |\n| [3:2] | `ODR` | 输出数据速率 |\n\n写入保留位不起作用。\n").isEmpty)
        // Rows of pipes the source writes as a paragraph too.
        #expect(try findings("# 语法\n\n| a | b |\n| c | d |\n\n就这些。\n", "# Syntax\n\n| a | b |\n| c | d |\n\nThat is all.\n").isEmpty)
        // Monolingual: no source, no table to break.
        #expect(try Harness.findings(target: "# 语法\n\n|---|---|\n| a | b |\n").isEmpty)
        // A paragraph of prose with a pipe is no table row.
        #expect(!TableRows.isBrokenTable(SourceText(path: "t.md", text: "用 a | b 连接两条命令，\n再用 c | d 连接。\n"), lines: 1...2))
    }
}
