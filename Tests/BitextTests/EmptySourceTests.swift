import Testing
@testable import BitextCheck

/// extra-block: a translation paired with a source that has nothing to translate gets one
/// finding, not one for each of its blocks.
@Suite struct EmptySourceTests {
    @Test func anEmptySourceIsOneFinding() throws {
        let target = "# 教程\n\n第一段。\n\n第二段。\n\n- 一项\n- 两项\n"
        let empty = try Harness.findings(rule: ExtraBlockRule(), target: target, source: "")
            .filter { $0.rule == "extra-block" }
        #expect(empty.count == 1)
        #expect(empty.first?.span.start.line == 1)
        #expect(empty.first?.message.contains("5") == true)
        // A source with something in it: the blocks it lacks, one after another, are one
        // finding that names how many follow and where they end.
        let some = try Harness.findings(rule: ExtraBlockRule(), target: target, source: "# Tutorial\n")
            .filter { $0.rule == "extra-block" }
        #expect(some.count == 1)
        #expect(some.first?.span.start.line == 3)
        #expect(some.first?.message.contains("this block and the 3 after it (to line 8)") == true, "\(some.map(\.message))")
        // A block paired between them ends a run.
        let two = try Harness.findings(rule: ExtraBlockRule(), target: "# 教程\n\n第一段。\n\n第二段。\n\n## 用法\n\n- 一项\n- 两项\n",
                                       source: "# Tutorial\n\n## Usage\n").filter { $0.rule == "extra-block" }
        #expect(two.map(\.span.start.line) == [3, 9], "\(two.map(\.message))")
    }

    /// missing-translation: a section the translation lacks, block after block, is one finding
    /// at the place it belongs, naming its lines and how many blocks it holds.
    @Test func aMissingSectionIsOneFinding() throws {
        let source = "# Tool\n\nThe tool reads `*.log` files from `/var/log`.\n\n## Limits\n\nFiles over 2 GB are skipped.\n\nFolders named `.cache` are skipped as well.\n\n## Output\n\nThe report is written to `report.json`.\n"
        let target = "# 工具\n\n这个工具从 `/var/log` 读取 `*.log` 文件。\n\n## 输出\n\n报告写入 `report.json`。\n"
        let found = try Harness.findings(rule: MissingTranslationRule(), target: target, source: source).filter { $0.rule == "missing-translation" }
        #expect(found.count == 1, "\(found.map(\.message))")
        #expect(found.first?.message.contains("source lines 5–9 (3 blocks) have no translation here") == true, "\(found.map(\.message))")
        // One block missing: as before.
        let one = try Harness.findings(rule: MissingTranslationRule(), target: "# 工具\n\n这个工具从 `/var/log` 读取 `*.log` 文件。\n\n## 限制\n\n超过 2 GB 的文件会被跳过。\n\n名为 `.cache` 的文件夹也会被跳过。\n\n## 输出\n",
                                       source: source).filter { $0.rule == "missing-translation" }
        #expect(one.count == 1)
        #expect(one.first?.message.contains("source line 13 has no translation here") == true, "\(one.map(\.message))")
    }
}
