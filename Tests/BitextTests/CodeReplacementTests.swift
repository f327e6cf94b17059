import Testing
@testable import BitextCheck

/// code-mismatch: a one-word value replaced by an unlike one, a setting without its value, a
/// channel continued, cells of code joined by `、`, and every line of a block that differs.
@Suite struct CodeReplacementTests {
    func findings(_ target: String, _ source: String) throws -> [Finding] {
        try Harness.findings(rule: CodeMismatchRule(), target: target, source: source).filter { $0.rule == "code-mismatch" }
    }

    @Test func anUnlikeNameInThePlaceOfTheSourcesIsAReplacement() throws {
        let a = try findings("请只在必要时使用 `notice`。\n", "Use `urgent` only when you must.\n")
        #expect(a.map(\.severity) == [.warning])
        #expect(a.first?.fix?.replacement == "urgent")
        #expect(a.first?.span.start.column == 11)
        // Fewer spans in the translation: a span missing, no more.
        let b = try findings("请只在必要时使用紧急级别。\n", "Use `urgent` only when you must.\n")
        #expect(b.map(\.severity) == [.info])
        // Case alone changed (`sql` written `SQL`): a name, no more than a look.
        #expect(try findings("运行前先执行 `SQL` 更新脚本。\n", "Run the `sql` update script first.\n").allSatisfy { $0.severity == .info })
        // A locale switched is the example localised.
        #expect(try findings("把 `locale` 设为 `zh-CN`。\n", "Set `locale` to `en-US`.\n").isEmpty)
    }

    /// Keys whose `<kbd>` tags the translation dropped (`Ctrl+C`): placeholder-mismatch reports
    /// the tags, once; the keys' text written plain is not reported again as code.
    @Test func keysWithoutTheirTagsAreThePlaceholdersFinding() throws {
        let all = try Harness.findings(target: "按 Ctrl+C 可以停止运行。\n", source: "Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to stop the run.\n")
        #expect(all.map(\.rule) == ["placeholder-mismatch"])
        // Tags kept, one key changed: still the code's finding.
        #expect(try findings("按 <kbd>Ctrl</kbd>+<kbd>V</kbd> 可以停止运行。\n", "Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to stop the run.\n").map(\.severity) == [.warning])
        // One key's tags dropped of two, the other key changed: the change is still reported.
        #expect(!(try findings("按 <kbd>Alt</kbd>+C 可以停止运行。\n", "Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to stop the run.\n")).isEmpty)
    }

    /// A path through the menus written as the translated interface names it, step for step, is
    /// what the reader of a localised interface clicks: info. A path of another length stays a
    /// warning, and steps that are code are no menu path.
    @Test func aMenuPathInTheTranslatedInterfacesNamesIsAsked() throws {
        let a = try findings("打开 `设置 → 访问控制 → 管理员 ID`，填入你的账号。\n", "Open `Settings → Access Control → Administrator IDs` and add your account.\n")
        #expect(a.map(\.severity) == [.info], "\(a.map(\.message))")
        #expect(try findings("打开 `设置 -> 通知`。\n", "Open `Settings -> Notifications`.\n").allSatisfy { $0.severity == .info })
        #expect(try findings("打开 `插件 → 插件市场`。\n", "Open `Extensions → Plugins → Plugin Market`.\n").map(\.severity) == [.warning])
        #expect(CodeMismatchRule.translatedMenuPath("Data & Logs -> Logs", "数据与日志 -> 日志"))
        #expect(!CodeMismatchRule.translatedMenuPath("Settings → General", "settings → general"))
        #expect(!CodeMismatchRule.translatedMenuPath("max_tokens → limit", "最大 → 限制"))
        #expect(!CodeMismatchRule.translatedMenuPath("Settings", "设置"))
    }

    /// A span of another sentence in the place of the source's (the translation renders another
    /// paragraph there) is no replacement: the source's span is missing, with no fix.
    /// A number alone in a span written as another number (review 31, D5): the setting's value
    /// changed, as a word would be; the backticks moved onto the prose's number are not.
    @Test func aNumberInASpanWrittenAsAnotherIsAReplacement() throws {
        let a = try findings("工作进程数；`1` 表示每个 CPU 核心一个。\n", "Number of workers; `0` means one per CPU core.\n")
        #expect(a.map(\.severity) == [.warning] && a.first?.fix?.replacement == "0", "\(a.map(\.message))")
        #expect(try findings("设为 `-1` 表示不限。\n", "Set it to `1` for no limit.\n").map(\.severity) == [.warning])
        // The same value written otherwise, and the source's number written in the prose.
        #expect(try findings("设为 `0` 表示不限。\n", "Set it to `0` for no limit.\n").isEmpty)
        #expect(try findings("设为 0 或 `1`。\n", "Set it to `0` or 1.\n").allSatisfy { $0.severity == .info })
        #expect(CodeMismatchRule.differentNumbers("0", "1") && !CodeMismatchRule.differentNumbers("1", "1.0")
                    && !CodeMismatchRule.differentNumbers("v1", "v2") && !CodeMismatchRule.differentNumbers("auto", "all"))
        #expect(CodeMismatchRule.writtenAsNumber("1", in: " 设为 1 或 ") && !CodeMismatchRule.writtenAsNumber("1", in: " 共 10 个，v1.2 ")
                    && CodeMismatchRule.writtenAsNumber("1", in: "at most 1."))
    }

    @Test func aSpanOfAnotherSentenceStandsInForNone() throws {
        let source = "The `Cache` type holds a nested `flush`. The nested `flush()` function writes `entries` and `index` to disk. "
            + "After that, `flush` is handed back by `Cache`.\n"
        let target = "`Cache(flushEvery:)` 初始化器有一个 `Int` 参数，标签是 `flushEvery`，它决定 `entries` 写入的频率和 `index` 的大小。"
            + "`Cache` 内部定义了一个名为 `flush` 的嵌套函数。\n"
        let f = try findings(target, source)
        #expect(f.count == 1 && f[0].message.contains("`flush()` (line 1) is missing here") && f[0].fix == nil, "\(f.map(\.message))")
        // A span replaced beside others rendered, alike, or holding the other whole, stands in.
        #expect(try findings("先调用 `open()`，用完后再调用 `shutdown()`。\n", "Call `open()` first, then `close()` when you are done.\n")
                    .map { $0.fix?.replacement } == ["close()"])
        #expect(CodeMismatchRule.replaces("lock()", "unlock()", others: ["a", "b"], there: ["x", "y"]))
        #expect(CodeMismatchRule.replaces("x = true; y", "x=true", others: [], there: ["sudo"]))
        #expect(CodeMismatchRule.replaces("flaky", "broken", others: [], there: []))
        #expect(CodeMismatchRule.replaces("a()", "c()", others: ["b"], there: ["d"]))
        #expect(!CodeMismatchRule.replaces("flush()", "flushEvery", others: ["entries", "index"], there: ["Cache(flushEvery:)", "Int", "entries", "index"]))
        #expect(!CodeMismatchRule.replaces("flaky", "broken", others: ["a", "b"], there: ["c", "d"]))
    }

    @Test func aSettingWithoutItsValueIsAnotherSetting() throws {
        #expect(try findings("设置 `top_p` 可得到固定的结果。\n", "Set `top_p=0` to get a fixed result.\n").map(\.severity) == [.warning])
        #expect(try findings("把 `top_p` 设为 0 可得到固定的结果。\n", "Set `top_p=0` to get a fixed result.\n").isEmpty)
        #expect(CodeMismatchRule.droppedValue("top_k=None", "top_k") == "None")
        #expect(CodeMismatchRule.droppedValue("top_k", "top_k") == nil)
        #expect(CodeMismatchRule.droppedValue("a == b", "a") == nil)
        // A channel continued is another; a keyword written more fully is the same.
        #expect(!CodeMismatchRule.agrees("#ops", "#ops-desk"))
        #expect(!CodeMismatchRule.agrees("@oncall", "@oncall-eu"))
        #expect(CodeMismatchRule.agrees("repeat", "repeat-while"))
        // A flag set to true is the flag written bare.
        #expect(CodeMismatchRule.agrees("checkable=true", "checkable"))
        #expect(!CodeMismatchRule.agrees("checkable=false", "checkable"))
    }

    @Test func aCellOfCodeJoinedByTheEnumerationCommaIsCode() throws {
        let source = "| Key | Values | Meaning |\n| --- | --- | --- |\n| `mode` | `fast`, `safe`, `off` | How the cache writes. |\n| `format` | `text`, `json`, `xml` | What the log looks like. |\n"
        let target = "| 键 | 取值 | 含义 |\n| --- | --- | --- |\n| `mode` | `fast`、`slow`、`off` | 缓存的写入方式。 |\n| `format` | `text`；`json` | 日志的格式。 |\n"
        let f = try findings(target, source)
        #expect(f.map(\.span.start.line) == [3, 4])
        #expect(f.map(\.severity) == [.warning, .info])
    }

    @Test func everyLineOfABlockThatDiffersIsReported() throws {
        let d = CodeComparison.differences(source: "a: 1\nb: 2\nc: 3\n", target: "a: 1\nb: 5\nc: 4\n")
        #expect(d.map(\.targetLine) == [1, 2])
        // Two changes on one line are one difference.
        #expect(CodeComparison.differences(source: "f(a, b)\n", target: "f(x, y)\n").count == 1)
        #expect(CodeComparison.differences(source: "a: 1\nb: 2\n", target: "a: 5\nb: 6\n", limit: 1).count == 1)
    }
}
