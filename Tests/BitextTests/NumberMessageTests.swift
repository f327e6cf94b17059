import Testing
@testable import BitextCheck
import BitextMarkdown

/// How number-mismatch quotes what it compares.
@Suite struct NumberMessageTests {
    /// A model number whose letters after the digits read as a unit symbol is quoted once,
    /// as written (`NX-2424P`, not `NX-2424PP`).
    @Test func identifierWithLettersAfterItsNumberIsQuotedAsWritten() throws {
        let f = try Harness.findings(rule: NumberMismatchRule(), target: "型号 NX-2442P 的功率预算为 370 W。\n",
                                     source: "The NX-2424P has a power budget of 370 W.\n")
        #expect(f.count == 1)
        #expect(f.first?.message.contains("the source has NX-2424P (line 1) where this has NX-2442P") == true)
    }

    /// A paragraph over several lines: the message names the line of the source number, not the
    /// paragraph's first line; the finding sits on the translation's number.
    @Test func messageNamesTheNumbersOwnLine() throws {
        let f = try Harness.findings(rule: NumberMismatchRule(), target: "解析器会读取整个文件，\n然后一次处理 16 个条目。\n",
                                     source: "The parser reads the whole file\nand then handles 8 entries at a time.\n")
        #expect(f.count == 1)
        #expect(f.first?.message.contains("the source has 8 (line 2) where this has 16") == true)
        #expect(f.first?.span.start.line == 2)
    }

    /// kept-text-mismatch likewise names the line of the source's name.
    @Test func keptTextNamesTheNamesOwnLine() throws {
        let f = try Harness.findings(rule: KeptTextRule(), target: "服务启动时，\n会向 Zookeeper 注册一个临时节点。\n",
                                     source: "When the service starts,\nit registers a temporary node with ZooKeeper.\n")
        #expect(f.count == 1)
        #expect(f.first?.message.contains("ZooKeeper (line 2)") == true)
    }

    /// The unit a rate goes by changed where the source says it twice, in two sentences of a
    /// paragraph: the changed one is reported, on its own line; the same price in the other unit, its number
    /// converted, is no finding at all.
    @Test func rateUnitWithoutItsNumber() throws {
        let f = try Harness.findings(rule: NumberMismatchRule(), target: "取回的费用为每 GB 0.02 美元。\n加急取回的费用为每 TB 0.03 美元。\n",
                                     source: "Retrieval costs $0.02 per GB.\nExpedited retrieval costs $0.03 per GB.\n")
        #expect(f.count == 1)
        #expect(f.first?.message.contains("the source has per GB (line 2) where this has 每 TB") == true)
        #expect(f.first?.span.start.line == 2)
        let converted = try Harness.findings(rule: NumberMismatchRule(), target: "加急取回的费用为每 TB 30 美元。\n",
                                             source: "Expedited retrieval costs $0.03 per GB.\n")
        #expect(converted.isEmpty)
    }

    /// The source's prose contradicts the output it shows a few lines above (`"train_samples":
    /// 8262` in the code, "2731" in the prose) and the translation writes the code's number: the
    /// source is wrong here, said at info (held-out review s34 S).
    @Test func aNumberTheSourcesOwnCodeGivesIsTheSourcesSlip() throws {
        let code = "```json\n{\n  \"attributes\": {\n    \"train_samples\": 8262,\n    \"val_samples\": 917\n  }\n}\n```\n\n"
        let source = "The check writes:\n\n" + code + "- `attributes.train_samples`: the training set has 2731 samples.\n"
        let slip = try Harness.findings(rule: NumberMismatchRule(), target: "检查结果如下：\n\n" + code + "- `attributes.train_samples`：训练集样本数为 8262。\n",
                                        source: source).filter { $0.rule == "number-mismatch" }
        #expect(slip.map(\.severity) == [.info])
        #expect(slip.first?.message.contains("the source's own code gives (line 3)") == true, "\(slip.map(\.message))")
        // A number the code does not give under that key: the translation's change.
        let changed = try Harness.findings(rule: NumberMismatchRule(), target: "检查结果如下：\n\n" + code + "- `attributes.train_samples`：训练集样本数为 917。\n",
                                           source: source).filter { $0.rule == "number-mismatch" }
        #expect(changed.map(\.severity) == [.warning])
        // The source agreeing with its code, the translation not: the translation's change.
        let wrong = try Harness.findings(rule: NumberMismatchRule(), target: "检查结果如下：\n\n" + code + "- `attributes.train_samples`：训练集样本数为 2731。\n",
                                         source: "The check writes:\n\n" + code + "- `attributes.train_samples`: the training set has 8262 samples.\n")
            .filter { $0.rule == "number-mismatch" }
        #expect(wrong.map(\.severity) == [.warning])
    }

    /// A section the translation added before a numbered heading moves the numbers of those
    /// after it: each page numbering its sections in order is no number changed (info, held-out
    /// akquant 64/625); a number that breaks the translation's own order is a warning.
    @Test func sectionsEachPageNumbersInItsOwnOrder() throws {
        let source = "# Guide\n\n## 1. Concepts\n\nThe `Engine` class runs every strategy.\n\n## 2. Utilities\n\nThe `clip_value` helper limits a value to a range.\n\n## 3. Choosing a style\n\nPick `EventStrategy` or `VectorStrategy` for your work.\n"
        let added = "# 指南\n\n## 1. 概念\n\n`Engine` 类运行所有策略。\n\n## 2. 风险管理\n\n`max_loss` 设置最大亏损。\n\n## 3. 常用工具\n\n`clip_value` 辅助函数把数值限制在一个范围内。\n\n## 4. 选择风格\n\n根据工作选择 `EventStrategy` 或 `VectorStrategy`。\n"
        let inOrder = try Harness.findings(rule: NumberMismatchRule(), target: added, source: source).filter { $0.span.start.line == 15 }
        #expect(inOrder.map(\.severity) == [.info], "\(inOrder.map(\.message))")
        #expect(inOrder.first?.message.contains("each page numbers its sections in its own order") == true)
        let skipped = try Harness.findings(rule: NumberMismatchRule(), target: added.replacingOccurrences(of: "## 4. 选择风格", with: "## 5. 选择风格"),
                                           source: source).filter { $0.span.start.line == 15 }
        #expect(skipped.map(\.severity) == [.warning])
        #expect(NumberMismatchRule.continuesNumbering(try Document(path: "a.md", bytes: Array("## 6. 进阶\n\n### 6.4 甲\n\n### 6.5 乙\n".utf8)), unit: 2, at: 0..<3))
    }

    /// A heading's section number has no unit: `3.1 Dual` (a capitalised word read as a symbol)
    /// against `3.1 B股` (a letter before Han) is the same section, not a unit changed.
    @Test func aSectionNumberHasNoUnit() throws {
        let f = try Harness.findings(rule: NumberMismatchRule(), target: "## 3. 策略\n\n### 3.1 B股双均线策略\n\n两条均线交叉时买卖。\n",
                                     source: "## 3. Strategies\n\n### 3.1 Dual Moving Average Strategy\n\nTrade when the two averages cross.\n")
        #expect(f.isEmpty, "\(f.map(\.message))")
    }

    /// A page whose amounts all change currency alike, the digits kept (`$` → `¥`, sample data
    /// made the reader's, or prices left unconverted): one finding, naming how many more; two
    /// such amounts are two findings.
    @Test func currencySwappedAlikeIsOneFinding() throws {
        let source = "# Orders\n\n| Item | Price |\n| --- | --- |\n| Desk | $125.99 |\n| Lamp | $89.50 |\n| Chair | $212.75 |\n| Shelf | $78.30 |\n"
        let target = "# 订单\n\n| 商品 | 价格 |\n| --- | --- |\n| 书桌 | ¥125.99 |\n| 台灯 | ¥89.50 |\n| 椅子 | ¥212.75 |\n| 书架 | ¥78.30 |\n"
        let f = try Harness.findings(rule: NumberMismatchRule(), target: target, source: source)
        #expect(f.count == 1, "\(f.map(\.message))")
        #expect(f.first?.message.contains("and 3 more amounts of this page change $ to ¥ alike") == true, "\(f.map(\.message))")
        #expect(f.first?.span.start.line == 5)
        let two = try Harness.findings(rule: NumberMismatchRule(), target: target.replacingOccurrences(of: "¥212.75", with: "$212.75").replacingOccurrences(of: "¥78.30", with: "$78.30"),
                                       source: source)
        #expect(two.count == 2)
    }
}
