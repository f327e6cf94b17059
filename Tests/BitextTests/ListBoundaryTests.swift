import Foundation
import Testing
@testable import BitextAlign
@testable import BitextCheck
@testable import BitextMarkdown
@testable import BitextText

/// Dropped list items and table rows that a bead across a list's end, or cells paired one row
/// off, used to hide (review 11, N2 and N2b). Invented text.
@Suite struct ListBoundaryTests {
    /// Warnings and errors of every rule, as `rule line: message`.
    func warnings(_ target: String, _ source: String) throws -> [String] {
        try Harness.findings(target: target, source: source)
            .filter { $0.severity >= .warning }
            .map { "\($0.rule) \($0.span.start.line): \($0.message)" }
    }

    static let items = """
        # Account recovery

        Please send us:

        - the e-mail address on the account;
        - the month you last signed in;
        - the name of the project you work in most.

        We answer every message by hand.

        """
    static let itemsZh = """
        # 找回账户

        请发给我们：

        - 账户使用的电子邮件地址；
        - 你上次登录的月份；
        - 你最常用的项目的名称。

        我们会人工回复每一封邮件。

        """

    @Test func lastItemDroppedBeforeAShortParagraph() throws {
        let target = Self.itemsZh.replacingOccurrences(of: "- 你最常用的项目的名称。\n", with: "")
        let b = try RowKeyTests().beads(Self.items, target)
        // Not the last item and the paragraph in one bead: the item alone, the paragraphs paired.
        #expect(b == ["1:1", "3:3", "5:5", "6:6", "7:-", "9:8"], "\(b)")
        let w = try warnings(target, Self.items)
        // Reported at the end of the list's last translated item (line 6), not in the paragraph.
        #expect(w.count == 1 && w[0].hasPrefix("missing-translation 6:") && w[0].contains("the name of the project"), "\(w)")
    }

    @Test func middleItemDropped() throws {
        let target = Self.itemsZh.replacingOccurrences(of: "- 你上次登录的月份；\n", with: "")
        let b = try RowKeyTests().beads(Self.items, target)
        // The item that shares words with the translation's second item is its pair, not the
        // one beside it of the same length.
        #expect(b == ["1:1", "3:3", "5:5", "6:-", "7:6", "9:8"], "\(b)")
        let w = try warnings(target, Self.items)
        #expect(w.count == 1 && w[0].hasPrefix("missing-translation 6:") && w[0].contains("the month you last signed in"), "\(w)")
    }

    @Test func wholeListStaysSilent() throws {
        #expect(try RowKeyTests().beads(Self.items, Self.itemsZh) == ["1:1", "3:3", "5:5", "6:6", "7:7", "9:9"])
        #expect(try warnings(Self.itemsZh, Self.items).isEmpty)
        // A paragraph the translation dropped after the list is the paragraph, not the last item.
        let noParagraph = Self.itemsZh.replacingOccurrences(of: "\n我们会人工回复每一封邮件。\n", with: "")
        let w = try warnings(noParagraph, Self.items)
        #expect(w.count == 1 && w[0].contains("We answer every message"), "\(w)")
    }

    static let ratings = """
        # Limits

        | Quantity | Min | Max | Unit |
        | --- | --- | --- | --- |
        | Input voltage | −0.5 | 5.5 | V |
        | Junction temperature | −40 | 125 | °C |
        | Lead temperature | −20 | 260 | °C |
        | Output current, any pin | | 20 | mA |

        """
    static let ratingsZh = """
        # 极限值

        | 参数 | 最小值 | 最大值 | 单位 |
        | --- | --- | --- | --- |
        | 输入电压 | -0.5 | 5.5 | V |
        | 结温 | −40 | 125 | ℃ |
        | 引脚温度 | −20 | 260 | ℃ |
        | 输出电流，任一引脚 | | 20 | mA |

        """

    @Test func droppedRowOfValuesIsOneMissingRow() throws {
        // The row dropped before a row of other values (the label cells alone paired one row off).
        let target = Self.ratingsZh.replacingOccurrences(of: "| 引脚温度 | −20 | 260 | ℃ |\n", with: "")
        let w = try warnings(target, Self.ratings)
        #expect(w.count == 1 && w[0].hasPrefix("missing-translation 7:") && w[0].contains("Lead temperature | −20 | 260"), "\(w)")
        // Dropped before a row that shares some of its values: still the row whose values all match.
        let near = Self.ratingsZh.replacingOccurrences(of: "| 结温 | −40 | 125 | ℃ |\n", with: "")
            .replacingOccurrences(of: "| 引脚温度 | −20 |", with: "| 引脚温度 | −40 |")
        let source = Self.ratings.replacingOccurrences(of: "| Lead temperature | −20 |", with: "| Lead temperature | −40 |")
        let n = try warnings(near, source)
        #expect(n.count == 1 && n[0].hasPrefix("missing-translation 6:") && n[0].contains("Junction temperature"), "\(n)")
        // Three columns, numbers only: one missing row, not two numbers changed in the next.
        let s3 = "| Setting | Low | High |\n| --- | --- | --- |\n| Fan speed | 2 | 7 |\n| Pump speed | 3 | 8 |\n| Valve opening | 5 | 9 |\n"
        let t3 = "| 设置 | 低 | 高 |\n| --- | --- | --- |\n| 风扇转速 | 2 | 7 |\n| 阀门开度 | 5 | 9 |\n"
        let w3 = try warnings(t3, s3)
        #expect(w3.count == 1 && w3[0].hasPrefix("missing-translation 4:") && w3[0].contains("Pump speed | 3 | 8"), "\(w3)")
    }

    @Test func wholeTableOfValuesStaysSilent() throws {
        // −0.5 written -0.5, °C written ℃: the same values.
        #expect(try warnings(Self.ratingsZh, Self.ratings).isEmpty)
        // A value changed in a row is that row's number, not a row missing.
        let changed = Self.ratingsZh.replacingOccurrences(of: "| 结温 | −40 | 125 |", with: "| 结温 | −40 | 150 |")
        let w = try warnings(changed, Self.ratings)
        #expect(w.count == 1 && w[0].hasPrefix("number-mismatch 6:"), "\(w)")
    }

    @Test func oneValueColumn() throws {
        let source = "| Code | Meaning |\n| --- | --- |\n| Q1021 | The link has expired. |\n| Q1030 | The file is too large. |\n| Q2040 | The server is busy. |\n"
        let target = "| 代码 | 含义 |\n| --- | --- |\n| Q1021 | 链接已过期。 |\n| Q1030 | 文件太大。 |\n| Q2040 | 服务器繁忙。 |\n"
        #expect(try warnings(target, source).isEmpty)
        // A code changed in its row: the row stays paired and the number is reported.
        let changed = try warnings(target.replacingOccurrences(of: "Q1030", with: "Q1003"), source)
        #expect(changed.count == 1 && changed[0].hasPrefix("number-mismatch 4:"), "\(changed)")
        // A row dropped: that row is missing.
        let dropped = try warnings(target.replacingOccurrences(of: "| Q1030 | 文件太大。 |\n", with: ""), source)
        #expect(dropped.count == 1 && dropped[0].hasPrefix("missing-translation 4:") && dropped[0].contains("Q1030"), "\(dropped)")
    }

    @Test func emptyCellsOfARow() {
        let text = SourceText(path: "t.md", text: "| a | | b |\n> | a | | |\nx | | y\n| a \\| b | |\n")
        #expect(BlockFeatures.emptyCells(text, line: 1) == [1])
        #expect(BlockFeatures.emptyCells(text, line: 2) == [1, 2])
        #expect(BlockFeatures.emptyCells(text, line: 3) == [1])
        #expect(BlockFeatures.emptyCells(text, line: 4) == [1])
    }

    @Test func tableValues() {
        #expect(BlockFeatures.tableValue("−0.3") == "-0.3")
        #expect(BlockFeatures.tableValue("°C") == BlockFeatures.tableValue("℃"))
        #expect(BlockFeatures.tableValue("3.2 µA") == BlockFeatures.tableValue("3.2 μA"))
        #expect(BlockFeatures.tableValue("10,000") == "10000")
        #expect(BlockFeatures.tableValue("ESD") == "esd")
        #expect(BlockFeatures.tableValue("SOT-23") == "sot-23")
        #expect(BlockFeatures.tableValue("worker.exec-threads") == "worker.exec-threads")
        for text in ["Storage temperature", "工作温度", "read-only", "ESD, human-body model", ""] {
            #expect(BlockFeatures.tableValue(text) == nil, "\(text)")
        }
    }
}
