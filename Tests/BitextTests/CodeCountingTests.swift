import Testing
@testable import BitextCheck

/// code-mismatch: spans counted, keys, extensions and ids that have no rendering in words,
/// strings without Han in code, cells a table keeps in English, comparison operators.
@Suite struct CodeCountingTests {
    func findings(_ target: String, _ source: String) throws -> [Finding] {
        try Harness.findings(rule: CodeMismatchRule(), target: target, source: source).filter { $0.rule == "code-mismatch" }
    }

    /// A paragraph the translation makes a list of (one item a span): the alignment pairs the
    /// paragraph with the first items, and the spans of the others are not there, but the page
    /// writes them as often as the source: moved, info (fresh held-out torch-rechub). A span the
    /// page never writes stays a warning.
    @Test func aSpanThePageWritesElsewhereMoved() throws {
        let source = "# Features\n\nA sparse feature holds one id per sample.\n\nParameters: `name`, `vocab_size`, `shared_with`, `padding_idx`.\n\n## Sequences\n\nA sequence feature holds many ids per sample.\n"
        let list = "# 特征\n\n稀疏特征每个样本只有一个 id。\n\n**参数说明：**\n\n- `name`：特征名称\n- `vocab_size`：词表大小\n- `shared_with`：共享嵌入表的特征\n- `padding_idx`：填充索引\n\n## 序列\n\n序列特征每个样本有多个 id。\n"
        let moved = try findings(list, source)
        #expect(!moved.isEmpty && moved.allSatisfy { $0.severity == .info && $0.message.contains("elsewhere on the page") }, "\(moved.map(\.message))")
        let lost = try findings(list.replacingOccurrences(of: "- `padding_idx`：填充索引\n", with: ""), source)
        #expect(lost.contains { $0.severity == .warning && $0.message.contains("`padding_idx`") }, "\(lost.map(\.message))")
        // The items the alignment left alone are the paragraph's too, no extra blocks; an item
        // whose name the paragraph does not write is one.
        #expect(try Harness.findings(rule: ExtraBlockRule(), target: list, source: source).filter { $0.rule == "extra-block" }.isEmpty)
        let added = list.replacingOccurrences(of: "- `padding_idx`：填充索引\n", with: "- `padding_idx`：填充索引\n- `dropout`：丢弃率\n")
        #expect(try Harness.findings(rule: ExtraBlockRule(), target: added, source: source).filter { $0.rule == "extra-block" }.count == 1)
    }

    /// A long page of paragraphs that are only a code span, each between two sentences: every
    /// one paired with its own by place (one pass over them), a changed one reported on its
    /// line, and one in a footnote (which cmark-gfm moves to the end) still paired.
    @Test func manyCodeOnlyParagraphsPairedByPlace() throws {
        var en = "", zh = "", changedLine = 0, line = 1
        for k in 0..<300 {
            en += "Run step \(k) of the build.\n\n`make step-\(k)`\n\n"
            zh += "运行构建的第 \(k) 步。\n\n`make step-\(k == 217 ? "x" : String(k))`\n\n"
            if k == 217 { changedLine = line + 2 }
            line += 4
        }
        let tail = (en: "See the note.[^n]\n\n[^n]: The last step:\n\n    `make final`\n", zh: "见注释。[^n]\n\n[^n]: 最后一步：\n\n    `make fina`\n")
        let f = try findings(zh + tail.zh, en + tail.en)
        #expect(f.filter { $0.span.start.line == changedLine }.count == 1, "\(f.map { "\($0.span.start.line) \($0.message)" })")
        #expect(f.contains { $0.message.contains("make final") }, "\(f.map { "\($0.span.start.line) \($0.message)" })")
        #expect(f.count == 2, "\(f.map { "\($0.span.start.line) \($0.message)" })")
        #expect(try findings(zh.replacingOccurrences(of: "step-x", with: "step-217") + tail.zh.replacingOccurrences(of: "fina`", with: "final`"), en + tail.en).isEmpty)
    }

    /// A name in code's shape written with Han (review 33 D6): snake_case, a dotted name, a
    /// call; a span of words translated (`Settings` → `设置`) is not.
    @Test func aCodeNameWrittenInHan() throws {
        let f = try findings("将 `强制销毁` 设置为 `true`。均值参见 `numpy.平均`。调用 `保存()`。\n",
                             "Set `force_destroy` to `true`. See `numpy.mean` for the mean. Call `save()`.\n")
        #expect(f.count == 3 && f.allSatisfy { $0.severity == .warning }, "\(f.map(\.message))")
        #expect(try findings("将 `force_destroy` 设置为 `true`。均值参见 `numpy.mean`。调用 `save()`。\n",
                             "Set `force_destroy` to `true`. See `numpy.mean` for the mean. Call `save()`.\n").isEmpty)
        #expect(try findings("打开 `设置` 菜单。\n", "Open the `Settings` menu.\n").isEmpty)
        #expect(CodeMismatchRule.codeName("numpy.mean") && CodeMismatchRule.codeName("to_json()") && CodeMismatchRule.codeName("maxRetries"))
        #expect(!CodeMismatchRule.codeName("1.2") && !CodeMismatchRule.codeName(".env") && !CodeMismatchRule.codeName("Settings"))
    }

    /// An identifier with a digit replaced by a span of Han (review 27 D3): another span, a
    /// warning; a span of words translated, or the identifier kept beside Han, is not.
    @Test func anIdentifierWithADigitReplacedByHan() throws {
        let source = "Use form `HR-204` to apply. The metro line `M2` runs every 6 minutes.\n"
        let f = try findings("使用 `表格` 申请。地铁 `二号` 线每 6 分钟一班。\n", source)
        #expect(f.count == 2 && f.allSatisfy { $0.severity == .warning })
        #expect(try findings("使用 `HR-204` 申请。地铁 `M2` 线每 6 分钟一班。\n", source).isEmpty)
        #expect(try findings("使用 `HR-204 表格` 申请。地铁 `M2` 线每 6 分钟一班。\n", source).isEmpty)
        #expect(try findings("打开 `设置` 页面。\n", "Open the `Settings` page.\n").allSatisfy { $0.severity != .warning })
    }

    @Test func aSpanReplacedOrWrittenTwiceIsAWarning() throws {
        let a = try findings("写入前获取 `lock()`，重试后再次获取 `unlock()`。\n", "Take `lock()` before writing, and `lock()` again after a retry.\n")
        #expect(a.map(\.severity) == [.warning])
        #expect(a.first?.fix?.replacement == "lock()")
        let b = try findings("先运行 `--fix`，再运行 `--fix`。\n", "Run `--lint` first, then `--fix`.\n")
        #expect(b.map(\.severity) == [.warning])
        #expect(b.first?.message.contains("`--fix`") == true)
        // Two sentences: the span of the second replaced.
        let c = try findings("在 `SELECT` 中列出列。它们在 `ORDER BY` 之后求值。\n", "List the columns in `SELECT`. They are evaluated after `SELECT`.\n")
        #expect(c.map(\.severity) == [.warning])
    }

    @Test func aRepeatedSpanDroppedOrRepeatedIsTheTranslators() throws {
        #expect(try findings("在这里调用 `flush()`，它会把缓冲区写出去。\n", "Call `flush()` here. Then `flush()` writes the buffer out.\n").isEmpty)
        #expect(try findings("调用 `flush()`。`flush()` 会把缓冲区写出去。\n", "Call `flush()`: it writes the buffer out.\n").isEmpty)
        // A sign rendered in words beside a span written twice: no substitution.
        let d = try findings("与 `label` 一起使用，表示是否在 `label` 后面显示冒号。\n", "Used with `label`: whether to show `:` after the label text.\n")
        #expect(d.allSatisfy { $0.severity == .info })
    }

    /// A call and the name it calls are one name: named once, the repeated mention is dropped;
    /// a span of the next sentence is no rendering of this sentence's span.
    @Test func aCallAndItsNameAreOneNameAndSpansPairInTheirSentence() throws {
        #expect(try findings("`makeIncrementer` 定义了名为 `incrementer` 的嵌套函数，它捕获 `amount`。\n",
                             "`makeIncrementer` holds a nested function called `incrementer`. The nested `incrementer()` function captures `amount`.\n").isEmpty)
        // Replaced, it is still a span changed.
        let r = try findings("`makeIncrementer` 定义了名为 `incrementer` 的嵌套函数。`decrementer()` 捕获 `amount`。\n",
                             "`makeIncrementer` holds a nested function called `incrementer`. The nested `incrementer()` function captures `amount`.\n")
        #expect(r.map(\.severity) == [.warning])
        #expect(r.first?.message.contains("`decrementer()`") == true)
        // `Address` of the next sentence is not `someAddress` written otherwise: that one is
        // missing (a name: worth a look).
        let a = try findings("赋值不会执行右侧的代码。很难验证这一点，因为常量没有副作用。下面的代码用一个函数创建 `Address` 实例。\n",
                             "The assignment does not evaluate the right-hand side. It's not easy to see that `someAddress` is never evaluated, because a constant has no side effects. The listing below uses a function to create the address.\n")
        #expect(!a.contains { $0.message.contains("written") })
    }

    /// A selector the translation writes with the colon the source's lacks: the source's slip,
    /// at info and without a fix; a label dropped is a change.
    @Test func aSelectorTheTranslationMendsIsTheSourcesSlip() throws {
        let m = try findings("`combine(shape:with:)` 函数把两个形状合在一起。\n", "The `combine(shape:with)` function joins two shapes.\n")
        #expect(m.map(\.severity) == [.info])
        #expect(m.first?.fix == nil)
        #expect(CodeMismatchRule.isSelector("move(_:)") && !CodeMismatchRule.isSelector("move(_)") && !CodeMismatchRule.isSelector("f()"))
        let w = try findings("`combine(shape:)` 函数把两个形状合在一起。\n", "The `combine(shape:with:)` function joins two shapes.\n")
        #expect(w.map(\.severity) == [.warning])
    }

    /// A span that only a sentence `missing-translation` reports dropped held is reported with
    /// that sentence, not again; a span missing is told at its own line, not its unit's first.
    @Test func aSpanOfADroppedSentenceIsReportedWithIt() throws {
        let source = "`/etc/syncdir/excludes`\n: System-wide exclude patterns, one per line. Lines starting with `#` are comments.\n"
        let dropped = try Harness.findings(target: "`/etc/syncdir/excludes`\n: 系统范围的排除模式，每行一个。\n", source: source)
        #expect(dropped.map(\.rule) == ["missing-translation"])
        // The sentence translated but the span left out: missing, at line 2.
        let kept = try findings("`/etc/syncdir/excludes`\n: 系统范围的排除模式，每行一个。以井号开头的行是注释。\n", source)
        #expect(kept.count == 1)
        #expect(kept.first?.message.contains("(line 2)") == true)
    }

    @Test func keysExtensionsAndIdsAreNotRenderedInWords() throws {
        let k = try findings("在 macOS 上，请用 <kbd>Cmd</kbd> 代替 <kbd>Ctrl</kbd>。\n", "On macOS, use <kbd>Option</kbd> instead of <kbd>Ctrl</kbd>.\n")
        #expect(k.map(\.severity) == [.warning])
        #expect(k.first?.message.contains("`Cmd`") == true)
        let e = try findings("加载器读取 `.toml` 和 `.yaml` 文件。\n", "The loader reads `.toml`, `.yaml` and `.json` files.\n")
        #expect(e.map(\.severity) == [.warning])
        let i = try findings("输入恢复码即可继续。\n", "Enter the recovery code `Q7RT-88KD` to continue.\n")
        #expect(i.map(\.severity) == [.warning])
        // A name in words is still only worth a look.
        let n = try findings("这个参数是字符串。\n", "The argument is a `String`.\n")
        #expect(n.map(\.severity) == [.info])
    }

    @Test func stringsWithoutHanAreCompared() {
        #expect(CodeComparison.firstDifference(source: "version: \"4.2.1\"\n", target: "version: \"4.2.0\"\n") != nil)
        #expect(CodeComparison.firstDifference(source: "curl -H \"Authorization: Bearer $T\"\n", target: "curl -H \"Authorization: Basic $T\"\n") != nil)
        #expect(CodeComparison.firstDifference(source: "host: \"{{ inventory_hostname }}\"\n", target: "host: \"{{ ansible_hostname }}\"\n") != nil)
        #expect(CodeComparison.firstDifference(source: "alert(\"Saved\")\n", target: "alert(\"已保存\")\n") == nil)
        #expect(CodeComparison.firstDifference(source: "lang = \"en\"\n", target: "lang = \"zh\"\n") == nil)
        #expect(CodeComparison.firstDifference(source: "print(\"It’s  done…\")\n", target: "print(\"It's done...\")\n") == nil)
    }

    @Test func keptCells() throws {
        let source = "| Test | Level | Unit |\n| --- | --- | --- |\n| Surge | 500 | V |\n| Burst | 2000 | V |\n| Leakage | 10 | uA |\n| Drift | 5 | mV |\n"
        // The same quantity with another prefix: not a cell changed.
        #expect(try findings("| 测试 | 等级 | 单位 |\n| --- | --- | --- |\n| 浪涌 | 500 | V |\n| 脉冲群 | 2 | kV |\n| 漏电流 | 10 | uA |\n| 漂移 | 5 | mV |\n", source).isEmpty)
        let f = try findings("| 测试 | 等级 | 单位 |\n| --- | --- | --- |\n| 浪涌 | 500 | V |\n| 脉冲群 | 2000 | A |\n| 漏电流 | 10 | uA |\n| 漂移 | 5 | mV |\n", source)
        #expect(f.map(\.severity) == [.warning])
        #expect(f.first?.fix?.replacement == "V")
        // A unit column: the row's quantity converted exactly to another prefix of the same unit
        // (`1000 | kHz` → `1 | MHz`) is the same quantity; not converted exactly, it is a cell changed.
        let clock = "| Parameter | Max | Unit |\n|-----------|----:|------|\n| Supply voltage | 3.6 | V |\n| Sleep current | 0.5 | µA |\n| Conversion time | 9 | ms |\n| Clock frequency | 1000 | kHz |\n"
        #expect(try findings("| 参数 | 最大值 | 单位 |\n|-----------|----:|------|\n| 电源电压 | 3.6 | V |\n| 休眠电流 | 0.5 | µA |\n| 转换时间 | 9 | ms |\n| 时钟频率 | 1 | MHz |\n", clock).isEmpty)
        #expect(try findings("| 参数 | 最大值 | 单位 |\n|-----------|----:|------|\n| 电源电压 | 3.6 | V |\n| 休眠电流 | 0.5 | µA |\n| 转换时间 | 9 | ms |\n| 时钟频率 | 1000 | MHz |\n", clock).count == 1)
        #expect(try findings("| 参数 | 最大值 | 单位 |\n|-----------|----:|------|\n| 电源电压 | 3.6 | V |\n| 休眠电流 | 0.5 | µA |\n| 转换时间 | 9 | ms |\n| 时钟频率 | 1 | GHz |\n", clock).count == 1)
    }

    @Test func operators() throws {
        #expect(try findings("当 x ≥ y 时设置它。\n", "Set it when x ≤ y.\n").count == 1)
        // A bound of a number of the prose is number-mismatch's, reported once, there.
        #expect(try findings("当 x ≥ 10 时设置它。\n", "Set it when x ≤ 10.\n").isEmpty)
        #expect(try Harness.findings(rule: NumberMismatchRule(), target: "当 x ≥ 10 时设置它。\n", source: "Set it when x ≤ 10.\n").count == 1)
        #expect(try findings("当 `b` > `a` 时重试。\n", "Retry while `a` < `b`.\n").isEmpty)
        #expect(try findings("当 `a` 不等于 `b` 时重试。\n", "Retry while `a` != `b`.\n").isEmpty)
        #expect(try findings("当 `a` != `b` 时重试。\n", "Retry while `a` <> `b`.\n").isEmpty)
        #expect(try findings("把 <b>a</b> 改为 <i>b</i>。\n", "Change <i>a</i> to <b>b</b>.\n").isEmpty)
    }
    @Test func anOptionsValueChangedBesideTheBareOption() throws {
        let a = try findings("用 `--depth` 限制深度，`--depth 2` 只看两层。\n", "Limit it with `--depth`; `--depth 1` looks one level down.\n")
        #expect(a.map(\.severity) == [.warning])
        #expect(a.first?.fix?.replacement == "--depth 1")
        // The bare option in the valued one's place, or a fuller writing that keeps the value: the translator's.
        #expect(try findings("用 `--depth` 限制深度，`--depth` 可以只看一层。\n", "Limit it with `--depth`; `--depth 1` looks one level down.\n").isEmpty)
        #expect(try findings("用 `--depth` 限制深度，`--depth=1` 只看一层。\n", "Limit it with `--depth`; `--depth 1` looks one level down.\n").isEmpty)
        #expect(CodeMismatchRule.longOptionsJoined("git log --depth 1 -p") == "git log --depth=1 -p")
        #expect(CodeMismatchRule.longOptionsJoined("--fix --dry-run") == "--fix --dry-run")
    }

    @Test func hashInASpanIsCode() {
        #expect(!CodeComparison.sameCode("#REF!", "#REF"))
        #expect(!CodeComparison.sameCode("#,##0.00", "#,##0.0"))
        #expect(!CodeComparison.sameCode("#include <stdio.h>", "#include <stdlib.h>"))
        #expect(CodeComparison.sameCode("# Introduction", "# 简介"))
        #expect(CodeComparison.sameCode("x = 1  # the count", "x = 1  # 计数"))
        // In fenced code, `#` at a line's start is still a comment, with or without a space.
        #expect(CodeComparison.firstDifference(source: "#TODO tidy up\nx = 1\n", target: "#待办：整理\nx = 1\n") == nil)
    }

    @Test func signsAlone() throws {
        #expect(CodeMismatchRule.isSigns("<.+?>") && CodeMismatchRule.isSigns("/*") && !CodeMismatchRule.isSigns("?"))
        #expect(CodeMismatchRule.isSigns("?", minimum: 1) && !CodeMismatchRule.isSigns("a*") && !CodeMismatchRule.isSigns("* *"))
        #expect(CodeMismatchRule.signSimilarity("/*", "/") > 0.5 && CodeMismatchRule.signSimilarity("()", "[]") == 0)
        let a = try findings("模式 `[a-z]+` 匹配单词，`\\d*` 匹配数字，`.+` 匹配其余部分。\n", "The pattern `[a-z]+` matches a word, `\\d*` digits and `.*` the rest.\n")
        #expect(a.map(\.severity) == [.warning])
        #expect(a.first?.message.contains("`.+`") == true)
        // Signs rendered in words stay worth a look only.
        #expect(try findings("用箭头连接两者。\n", "Join the two with `->`.\n").map(\.severity) == [.info])
    }

    @Test func codeInsideAnotherSpanIsNotPlainText() throws {
        let a = try findings("模式 `<.+?>` 只匹配一个标签。\n", "Add `?` to make it lazy: `<.+?>` matches one tag.\n")
        #expect(a.map(\.severity) == [.info])
        #expect(a.first?.message.contains("missing") == true)
        let b = try findings("加上 ? 可以让它变懒惰：`<.+?>` 只匹配一个标签。\n", "Add `?` to make it lazy: `<.+?>` matches one tag.\n")
        #expect(b.first?.message.contains("plain text") == true)
    }

    @Test func anArgumentRenamedInChinese() {
        #expect(CodeComparison.firstDifference(source: "=VLOOKUP(lookup_value, table_array, col_index)\n", target: "=VLOOKUP(查找值, table_array, col_index)\n") != nil)
        #expect(CodeComparison.firstDifference(source: "def greet(userName, greeting):\n", target: "def greet(用户名, greeting):\n") != nil)
        // Every argument localised, one argument alone, a plain word, translated text: the translator's.
        #expect(CodeComparison.firstDifference(source: "=VLOOKUP(lookup_value, table_array)\n", target: "=VLOOKUP(查找值, 表格区域)\n") == nil)
        #expect(CodeComparison.firstDifference(source: "print(user_name)\n", target: "print(用户名)\n") == nil)
        #expect(CodeComparison.firstDifference(source: "f(value, other)\n", target: "f(值, other)\n") == nil)
        #expect(CodeComparison.firstDifference(source: "<p>{userName}, welcome</p>\n", target: "<p>{userName}，欢迎</p>\n") == nil)
        #expect(CodeComparison.isIdentifierShaped("lookup_value") && CodeComparison.isIdentifierShaped("userName"))
        #expect(!CodeComparison.isIdentifierShaped("value") && !CodeComparison.isIdentifierShaped("Value") && !CodeComparison.isIdentifierShaped("_x"))
    }

    @Test func aNameCutShortIsAnotherName() {
        // Lower-case kebab-case cut at a hyphen: another package, model or tag.
        #expect(!CodeMismatchRule.agrees("zstd-lite-fast", "zstd-lite"))
        #expect(!CodeMismatchRule.agrees("node:22-alpine", "node:22"))
        #expect(!CodeMismatchRule.agrees("babel-preset-env", "env"))
        // A command's first words without its arguments.
        #expect(!CodeMismatchRule.agrees("nft list ruleset inet", "nft list ruleset"))
        // The same name written shorter or fuller stays: a capitalised name with a word after
        // it, a command's name alone, a fuller writing, a receiver left out.
        #expect(CodeMismatchRule.agrees("Picker-based", "Picker"))
        #expect(CodeMismatchRule.agrees("cargo build", "cargo"))
        #expect(CodeMismatchRule.agrees("for", "for-in"))
        #expect(CodeMismatchRule.agrees("store.fetchAll()", "fetchAll"))
    }

    @Test func stringsOfDataKeepTheirCase() {
        #expect(!CodeMismatchRule.agrees("{\"state\": \"idle\"}", "{\"state\": \"IDLE\"}"))
        #expect(CodeComparison.firstDifference(source: "dir = \"./Assets\"\n", target: "dir = \"./assets\"\n") != nil)
        // Locale labels aside, whatever their case.
        #expect(CodeComparison.firstDifference(source: "open(\"/en-US/help\")\n", target: "open(\"/zh-CN/help\")\n") == nil)
    }

    @Test func codeAddedInsideALineQuotesTheSourcesLine() {
        let d = CodeComparison.firstDifference(source: "a = 1\nif a < b { go() }\n", target: "a = 1\nif a <= b { go() }\n")
        #expect(d?.source == "if a < b { go() }" && d?.target == "if a <= b { go() }" && d?.sourceLine == 1)
        let e = CodeComparison.firstDifference(source: "if a <= b { go() }\n", target: "if a < b { go() }\n")
        #expect(e?.source == "if a <= b { go() }" && e?.target == "if a < b { go() }")
        // A line taken out whole is missing (no target line); a line added quotes the source's next line.
        let f = CodeComparison.firstDifference(source: "x: 1,\ny: 2,\n}\n", target: "x: 1,\n}\n")
        #expect(f?.target == nil && f?.source == "y: 2,")
        let g = CodeComparison.firstDifference(source: "a()\nc()\n", target: "a()\nb()\nc()\n")
        #expect(g?.source == "c()" && g?.target == "b()")
    }

    @Test func snakeCaseIsCodeShaped() {
        #expect(CodeMismatchRule.isCodeShaped("max_retries") && CodeMismatchRule.isCodeShaped("en_GB"))
        #expect(!CodeMismatchRule.isCodeShaped("Resource Center") && !CodeMismatchRule.isCodeShaped("catch"))
    }
}
