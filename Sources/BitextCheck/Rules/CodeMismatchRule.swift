import BitextAlign
import BitextMarkdown
import BitextText

/// `code-mismatch`: an inline code span of the source missing or altered in the translation
/// (a span may differ only in a comment or string the translator translated), and fenced code
/// whose code — not its comments and strings — differs from the source's.
public struct CodeMismatchRule: Rule {
    public let id = "code-mismatch"
    public let defaultSeverity = Severity.warning
    public let summary = "Bilingual: an inline code span missing or altered, or fenced code that differs outside comments and strings."
    public let isBilingual = true
    public var examples: [RuleExample] {
        [
            RuleExample("用 `↓reactive()` 声明响应式状态。\n", source: "Declare reactive state with `ref()`.\n"),
            // A table under an MkDocs admonition is a table, not an indented code block.
            RuleExample("!!! note \"选项\"\n    | 选项 | 含义 |\n    | --- | --- |\n    | `timeout` | 等待服务器的秒数 |\n",
                        source: "!!! note \"Options\"\n    | Option | Meaning |\n    | --- | --- |\n    | `timeout` | Seconds to wait for the server |\n"),
            RuleExample("↓声明响应式状态。\n", source: "Declare reactive state with `ref()`.\n"),
            RuleExample("用 `ref()` 声明响应式状态，用 `computed()` 派生。\n", source: "Use `computed()` to derive and `ref()` to declare state.\n"),
            // A row of code alone, named by its first cell: its other cells compared.
            RuleExample("| 键 | 默认值 |\n| --- | --- |\n| `host` | `localhost` |\n| `port` | ↓`8008` |\n",
                        source: "| Key | Default |\n| --- | --- |\n| `host` | `localhost` |\n| `port` | `8080` |\n"),
            RuleExample("| 键 | 默认值 |\n| --- | --- |\n| `port` | `8080` |\n| `host` | `localhost` |\n",
                        source: "| Key | Default |\n| --- | --- |\n| `host` | `localhost` |\n| `port` | `8080` |\n"),
            // A keyword in capitals dropped: a warning, not a name rendered as what it means.
            RuleExample("↓该名称可以用在 `ORDER BY` 子句中，但不能用在 `WHERE` 子句中。\n", source: "The name can be used in `ORDER BY` clauses, but not in `WHERE` or `HAVING`.\n"),
            RuleExample("注释写成 `// 计数器` 即可。\n", source: "A comment such as `// the counter` is enough.\n"),
            // A paragraph that is only a code span, paired by its place between two translated
            // paragraphs.
            RuleExample("运行测试：\n\n`↓make tesx`\n\n然后提交。\n", source: "Run the tests:\n\n`make test`\n\nThen commit.\n"),
            RuleExample("运行测试：\n\n`make test`\n\n然后提交。\n", source: "Run the tests:\n\n`make test`\n\nThen commit.\n"),
            // A part of a longer span is a name quoted from it, not when what is left out is an
            // option of the command or a sigil of the type.
            RuleExample("合并之前先运行 `↓make lint`。\n", source: "Run `make lint -- --strict` before you merge.\n"),
            RuleExample("参数 `limit` 的类型是 `↓Int`，不能省略。\n", source: "The `limit` argument has type `Int!` and cannot be left out.\n"),
            RuleExample("用 `fetchAll` 一次取回全部记录。\n", source: "Call `store.fetchAll()` to get every record at once.\n"),
            RuleExample("内存不足时调用 `evict`，或者 `evict_all`。\n", source: "Call `cache.evict()` when memory runs low, or `evict_all()`.\n"),
            // A lower-case kebab-case name cut at a hyphen is another package, model or tag; a
            // capitalised name quoted without the word after it is not.
            RuleExample("服务端默认使用 `↓zstd-lite` 压缩。\n", source: "The server compresses with `zstd-lite-fast` by default.\n"),
            RuleExample("任何基于 `Picker` 的字段都接受默认值。\n", source: "Any `Picker-based` field accepts a default value.\n"),
            // A command's first words without its arguments; its name alone is the command named.
            RuleExample("用 `↓nft list ruleset` 列出规则。\n", source: "List the rules with `nft list ruleset inet`.\n"),
            RuleExample("先用 `cargo` 构建一次。\n", source: "Build once with `cargo build` first.\n"),
            // One character in the place of a name holding it: the span changed.
            RuleExample("按 `gg` 跳到开头，按 `↓d` 删除一行。\n", source: "Press `gg` to jump to the top and `dd` to delete a line.\n"),
            // snake_case is code: written with a hyphen, as the other span of the sentence, it is changed.
            RuleExample("命令行里写 `max-retries`，配置文件里也写 `↓max-retries`。\n",
                        source: "Write `max-retries` on the command line and `max_retries` in the config file.\n"),
            // A call or member access after the part is other code: the copy, not the pool.
            RuleExample("新列表用 `↓this.pool()` 分配。\n", source: "The new list is allocated with `this.pool().clone()`.\n"),
            // A string of data (no space, no Han) is compared exactly; text and locales are not.
            RuleExample("用 `↓routeTo('invoice:edits')` 生成编辑页的地址。\n", source: "Build the edit page's address with `routeTo('invoice:edit')`.\n"),
            RuleExample("调用 `toast('已保存')` 提示用户，需要帮助时调用 `openDocs('/zh/help')`。\n",
                        source: "Call `toast('Saved')` to tell the user, and `openDocs('/en/help')` for help.\n"),
            // Case counts in a string of data (`"idle"` is not `"IDLE"`).
            RuleExample("没有任务时，端点返回 `↓{\"state\": \"IDLE\"}`。\n", source: "The endpoint returns `{\"state\": \"idle\"}` when nothing runs.\n"),
            // Front-matter ids, keys and booleans; a translated label is text.
            RuleExample("---\nslug: ↓restore-backups\nlabel: 恢复\n---\n\n从备份恢复数据。\n",
                        source: "---\nslug: restore-backup\nlabel: Restore\n---\n\nRestore data from a backup.\n"),
            RuleExample("---\nslug: restore-backup\nlabel: 恢复\npinned: false\n---\n\n从备份恢复数据。\n",
                        source: "---\nslug: restore-backup\nlabel: Restore\npinned: false\n---\n\nRestore data from a backup.\n"),
            // The page's language tag switched to the translation's is the translation.
            RuleExample("---\nlang: zh-CN\nslug: restore-backup\n---\n\n从备份恢复数据。\n",
                        source: "---\nlang: en-US\nslug: restore-backup\n---\n\nRestore data from a backup.\n"),
            // `#` and hex digits is a colour, not a comment: compared exactly.
            RuleExample("横幅的背景色是 `↓#C4502E`。\n", source: "The banner background is `#C4052E`.\n"),
            // A number the translation changed inside the code is no fuller writing of it.
            RuleExample("要得到可复现的结果，请设置 `↓seed=4.2`。\n", source: "Set `seed=4` to get results you can reproduce.\n"),
            // An option's value changed while the bare option, written on both sides, stays; the
            // option written bare in its place is a shorter writing, the translator's.
            RuleExample("重试次数由 `--retries` 决定；设为 `↓--retries 5` 即可关闭重试。\n",
                        source: "The count is set by `--retries`; use `--retries 0` to turn retries off.\n"),
            RuleExample("重试次数由 `--retries` 决定；需要时可把 `--retries` 设为零来关闭重试。\n",
                        source: "The count is set by `--retries`; use `--retries 0` to turn retries off.\n"),
            // In a span, `#` before a sign or a letter is code (`#DIV/0!`, `#include`); before a space, a comment.
            RuleExample("除数为零时，单元格显示 `↓#DIV/0`。\n", source: "When the divisor is zero, the cell shows `#DIV/0!`.\n"),
            RuleExample("页面以 `# 简介` 这样的标题开头。\n", source: "The page starts with a heading such as `# Introduction`.\n"),
            // Code of signs alone changed into signs alike; the same signs moved are not.
            RuleExample("在 glob 中，`↓*` 可以跨越目录，`?` 匹配一个字符。\n", source: "In a glob, `**` crosses directories and `?` matches one character.\n"),
            RuleExample("至少一个字符用 `.+`，任意文本用 `.*`。\n", source: "Use `.*` for any text and `.+` for at least one character.\n"),
            // As many spans on both sides, one of each unmatched in the same sentence: one name
            // written instead of the other, however unlike; a locale switched is the example localised.
            RuleExample("连续三次失败后，才把任务标记为 `↓broken`。\n", source: "Mark the job `flaky` only after three failed runs.\n"),
            RuleExample("扫描每隔 `period` 运行一次，默认取全局的 `↓scan-period`，即 5 分钟。\n",
                        source: "A scan runs every `period`, which defaults to the global `scan_period` of 5 minutes.\n"),
            RuleExample("把 `locale` 设为 `zh`，界面即显示中文。\n", source: "Set `locale` to `en` and the interface shows English.\n"),
            // A tag in the place of another tag too; a tag and a bare name are two shapes.
            RuleExample("把这些权限写在 `↓<application>` 元素里。\n", source: "Put the permissions inside the `<manifest>` element.\n"),
            // A setting without its value is another setting, unless the translation writes the
            // value beside it; a channel continued as a kebab-case name is another channel, a
            // keyword written more fully is not.
            RuleExample("设置 `↓top_p` 可得到固定的结果。\n", source: "Set `top_p=0` to get a fixed result.\n"),
            RuleExample("把 `top_p` 设为 0 可得到固定的结果。\n", source: "Set `top_p=0` to get a fixed result.\n"),
            RuleExample("有问题先在 `↓#ops-desk` 频道里问。\n", source: "Ask in `#ops` first.\n"),
            RuleExample("用 `repeat-while` 循环至少执行一次循环体。\n", source: "A `repeat` loop runs its body at least once.\n"),
            // Cells of code only (no units) of rows the alignment paired, column by column.
            RuleExample("| 标志 | 含义 |\n| --- | --- |\n| `-q`, `--quiet` | 只打印错误。 |\n| `-j`, `↓--job=<count>` | 同时运行这么多个工作进程。 |\n| `-V`, `--version` | 打印版本号并退出。 |\n",
                        source: "| Flag | Meaning |\n| --- | --- |\n| `-q`, `--quiet` | Print nothing but errors. |\n| `--dry-run` | Show what would change without writing any file. |\n| `-j`, `--jobs=<count>` | Run this many workers at once. |\n| `-V`, `--version` | Print the version and exit. |\n"),
            RuleExample("| 标志 | 含义 |\n| --- | --- |\n| `-q`, `--quiet` | 只打印错误。 |\n| `-j`, `--jobs=<count>` | 同时运行这么多个工作进程。 |\n",
                        source: "| Flag | Meaning |\n| --- | --- |\n| `-q`, `--quiet` | Print nothing but errors. |\n| `-j`, `--jobs=<count>` | Run this many workers at once. |\n"),
            // A cell of code spans joined by the enumeration comma is a cell of code too.
            RuleExample("| 键 | 取值 | 含义 |\n| --- | --- | --- |\n| `mode` | `fast`、`↓slow`、`off` | 缓存的写入方式。 |\n| `format` | `text`、`json` | 日志的格式。 |\n",
                        source: "| Key | Values | Meaning |\n| --- | --- | --- |\n| `mode` | `fast`, `safe`, `off` | How the cache writes. |\n| `format` | `text`, `json` | What the log looks like. |\n"),
            RuleExample("| 键 | 取值 | 含义 |\n| --- | --- | --- |\n| `mode` | `fast`、`safe`、`off` | 缓存的写入方式。 |\n| `format` | `text`，`json` | 日志的格式。 |\n",
                        source: "| Key | Values | Meaning |\n| --- | --- | --- |\n| `mode` | `fast`, `safe`, `off` | How the cache writes. |\n| `format` | `text`, `json` | What the log looks like. |\n"),
            // Spans are counted: one of two equal spans replaced is a span changed; a repeated span dropped
            // (two mentions merged) is the translator's.
            RuleExample("写入前获取 `lock()`，重试后再次获取 `↓unlock()`。\n",
                        source: "Take `lock()` before writing, and `lock()` again after a retry.\n"),
            RuleExample("在这里调用 `flush()`，它会把缓冲区写出去。\n",
                        source: "Call `flush()` here. Then `flush()` writes the buffer out.\n"),
            RuleExample("先运行 `--fix`，再运行 `↓--fix`。\n",
                        source: "Run `--lint` first, then `--fix`.\n"),
            // As many keys on both sides, one the source lacks: a key replaced, whatever the two look like.
            RuleExample("按 <kbd>Ctrl</kbd>+<kbd>↓J</kbd> 搜索。\n",
                        source: "Press <kbd>Ctrl</kbd>+<kbd>K</kbd> to search.\n"),
            // Cells of keys alone are counted, key by key; a key dropped where the translation
            // writes keys is lost, not rendered in words.
            RuleExample("| 操作 | Windows | macOS |\n| --- | --- | --- |\n| 上移一行 | <kbd>Alt</kbd>+<kbd>↑</kbd> | <kbd>↓Alt</kbd>+<kbd>↑</kbd> |\n| 打开面板 | <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>P</kbd> | ↓<kbd>Cmd</kbd>+<kbd>P</kbd> |\n",
                        source: "| Action | Windows | macOS |\n| --- | --- | --- |\n| Move line up | <kbd>Alt</kbd>+<kbd>↑</kbd> | <kbd>Option</kbd>+<kbd>↑</kbd> |\n| Open the panel | <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>P</kbd> | <kbd>Cmd</kbd>+<kbd>Shift</kbd>+<kbd>P</kbd> |\n"),
            RuleExample("↓要打开面板，请按 <kbd>Ctrl</kbd>+<kbd>P</kbd>。\n",
                        source: "To open the panel, press <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>P</kbd>.\n"),
            // An extension or an option has no rendering in words: missing, it is lost.
            RuleExample("↓加载器读取 `.toml` 和 `.yaml` 文件。\n",
                        source: "The loader reads `.toml`, `.yaml` and `.json` files.\n"),
            // A string without Han is the source's, untranslated: compared as written (typography and
            // locale labels aside).
            RuleExample("示例：\n\n```yaml\n↓image_tag: \"2.8.0\"\n```\n",
                        source: "Example:\n\n```yaml\nimage_tag: \"2.8.1\"\n```\n"),
            RuleExample("示例：\n\n```js\nconst lang = \"zh\"\nalert(\"已保存\")\nconst hint = \"Press 'Save' to keep it\"\n```\n",
                        source: "Example:\n\n```js\nconst lang = \"en\"\nalert(\"Saved\")\nconst hint = \"Press ‘Save’ to keep it\"\n```\n"),
            // A row dropped: the next row's code is that row's, not the dropped row's changed.
            RuleExample("| 偏移 | 字段 | 复位值 |\n| --- | --- | --- |\n| `0x10` | 模式 | `0x0001` |\n| `0x11` | 状态 | `0x0000` |\n| `0x1A` | 设备类别 | `0x5A17` |\n",
                        source: "| Offset | Field | Reset |\n| --- | --- | --- |\n| `0x10` | Mode | `0x0001` |\n| `0x11` | Status | `0x0000` |\n| `0x12` | Threshold | `0x00FF` |\n| `0x1A` | Device class | `0x5A17` |\n"),
            // A cell of a column the table keeps in English, changed; a column translated is not kept.
            RuleExample("| 选项 | 类型 | 含义 |\n| --- | --- | --- |\n| `gap` | number | 卡片之间的间距。 |\n| `wrap` | ↓string | 卡片是否换行。 |\n| `align` | string | 卡片的对齐方式。 |\n",
                        source: "| Option | Type | Meaning |\n| --- | --- | --- |\n| `gap` | number | Space between the cards. |\n| `wrap` | boolean | Whether the cards wrap onto a new line. |\n| `align` | string | How the cards line up. |\n"),
            RuleExample("| 选项 | 类型 | 含义 |\n| --- | --- | --- |\n| `gap` | 数字 | 卡片之间的间距。 |\n| `wrap` | 布尔值 | 卡片是否换行。 |\n| `align` | string | 卡片的对齐方式。 |\n",
                        source: "| Option | Type | Meaning |\n| --- | --- | --- |\n| `gap` | number | Space between the cards. |\n| `wrap` | boolean | Whether the cards wrap onto a new line. |\n| `align` | string | How the cards line up. |\n"),
            // A comparison operator between the same operands changed; one written in words, or the
            // relation turned around, is not; arrows are no operators.
            RuleExample("仅当 ↓`attempts` > `maxAttempts` 时重试。\n",
                        source: "Retry only while `attempts` < `maxAttempts`.\n"),
            RuleExample("仅当 `attempts` 小于 `maxAttempts` 时重试，当 30 <= `delay` 时停止。\n",
                        source: "Retry only while `attempts` < `maxAttempts`, and stop when `delay` >= 30.\n"),
            RuleExample("请求的路径是 client -> proxy -> server，由 `a => b` 映射。\n",
                        source: "The request goes client -> proxy -> server, and `a => b` maps it.\n"),
            // Code written without backticks — a path, a handle, a snake_case name — is code too:
            // written otherwise by a letter or two, it changed; a locale switched in it is the page
            // localised, and one slash between two words is prose.
            RuleExample("## POST ↓/v2/order/{id}/cancel\n\n取消一个未发货的订单。\n",
                        source: "## POST /v2/orders/{id}/cancel\n\nCancels an order that has not shipped.\n"),
            RuleExample("有疑问请在评论里提及 ↓@lumen-ui/reviewer。\n", source: "If in doubt, mention @lumen-ui/reviewers in a comment.\n"),
            // A span written as in the source stands for that span only, not for a longer one it
            // is part of (`main` does not excuse `upstream/main` written `origin/main`).
            RuleExample("请基于 `↓origin/main` 创建分支，而不是 `main`。\n", source: "Branch off `upstream/main`, not `main`.\n"),
            // The word of capitals before a path is part of it: another method is another request.
            RuleExample("## ↓PUT /v2/order/{id}/cancel\n\n取消一个未发货的订单。\n",
                        source: "## POST /v2/order/{id}/cancel\n\nCancels an order that has not shipped.\n"),
            RuleExample("完整说明见 /zh/guide/setup 页面，适用于 macOS/Linux。\n",
                        source: "See the /en/guide/setup page for details; it covers macOS/Linux.\n"),
            RuleExample("示例：\n\n```js\n↓const count = reactive(0) // 计数\n```\n", source: "Example:\n\n```js\nconst count = ref(0) // the count\n```\n"),
            // Each line that differs is reported, not only the first.
            RuleExample("示例：\n\n```yaml\nretry:\n  ↓attempts: 5\n  backoff: 2s\n  ↓jitter: false\n```\n",
                        source: "Example:\n\n```yaml\nretry:\n  attempts: 3\n  backoff: 2s\n  jitter: true\n```\n"),
            // One parameter of a call renamed in Chinese while the others stay English; every
            // parameter localised is the translator's choice.
            RuleExample("语法：\n\n```\n↓=TEXTJOIN(delimiter, 忽略空值, text1)\n```\n", source: "Syntax:\n\n```\n=TEXTJOIN(delimiter, ignore_empty, text1)\n```\n"),
            RuleExample("语法：\n\n```\n=TEXTJOIN(分隔符, 忽略空值, 文本1)\n```\n", source: "Syntax:\n\n```\n=TEXTJOIN(delimiter, ignore_empty, text1)\n```\n"),
            RuleExample("示例：\n\n```js\n// 计数器\nconst count = ref(0)\nconsole.log('你好')\n```\n", source: "Example:\n\n```js\n// the counter\nconst count = ref(0)\nconsole.log('hello')\n```\n"),
            // The same lines in another order (imports sorted otherwise): nothing changed. So
            // are an import's names, and English nouns kept in translated text without their plural.
            RuleExample("示例：\n\n```py\nfrom myapp.tools import Tool, logger, Field\n```\n",
                        source: "Example:\n\n```py\nfrom myapp.tools import Field, Tool, logger\n```\n"),
            RuleExample("```mermaid\nsequenceDiagram\n    W->>D: 读取 cursor 和已保存的 Projection\n    W->>W: 校验；准备 embedding\n```\n",
                        source: "```mermaid\nsequenceDiagram\n    W->>D: Read the cursor and saved Projections\n    W->>W: Validate; prepare embeddings\n```\n"),
            // Sample output whose amounts the translation made the reader's: once a page.
            RuleExample("```text\n地区 | 收入\n↓华北 | ¥1,200\n华南 | ¥9,800\n华西 | ¥1,540\n```\n",
                        source: "```text\nRegion | Revenue\nNorth  | $1,200\nSouth  | $9,800\nWest   | $1,540\n```\n"),
            RuleExample("示例：\n\n```py\n↓from myapp.tools import Tool, logger\n```\n",
                        source: "Example:\n\n```py\nfrom myapp.tools import Field, Tool, logger\n```\n"),
            RuleExample("示例：\n\n```py\nfrom pydantic import Field\nfrom myapp.api import logger\nfrom myapp.tools import Tool\n\nlogger.info(Tool)\n```\n",
                        source: "Example:\n\n```py\nfrom myapp.api import logger\nfrom myapp.tools import Tool\nfrom pydantic import Field\n\nlogger.info(Tool)\n```\n"),
        ]
    }

    public init() {}

    static func spans(_ u: Unit, _ a: TextAnalysis, unit k: Int) -> [Mention<String>] {
        u.inlineCode.filter { !a.inNote($0.range.lowerBound) }.map { Mention(unit: k, range: $0.range, value: $0.code) }
    }

    /// True when the code span at `range` of `u` is the content of a `<kbd>` tag (a key).
    static func isKey(_ u: Unit, _ range: Range<Int>) -> Bool {
        let k = range.lowerBound
        guard k >= 5 else { return false }
        let tag: [UInt32] = [0x3C, 0x6B, 0x62, 0x64, 0x3E]  // <kbd>
        return (0..<5).allSatisfy { u.text[k - 5 + $0] | (($0 == 0 || $0 == 4) ? 0 : 0x20) == tag[$0] }
    }

    /// Whether a span of the translation in the place of a source span (`t` for `s`) stands in
    /// for it, the span written otherwise, rather than being a span of another sentence: the two
    /// one small edit apart or much alike (`lock()` / `unlock()`, `hasPrefix(_:)` /
    /// `hasPrefix(*:)`), or one holding the other whole, or the source's sentence and its place in the translation otherwise
    /// alike — as many of the sentence's other spans (`others`) rendered by none of the place's
    /// (`there`) as spans of the place rendering none of the sentence's, one at most (`flaky`
    /// written `broken` alone; not `incrementer()` "written" `forIncrement` where the place
    /// has `makeIncrementer(forIncrement:)` and `Int` too, the spans of another sentence).
    static func replaces(_ s: String, _ t: String, others: [String], there: [String]) -> Bool {
        let a = Array(s.unicodeScalars.map(\.value)), b = Array(t.unicodeScalars.map(\.value))
        guard !a.isEmpty, !b.isEmpty else { return false }
        let limit = max(2, min(a.count, b.count) / 5)
        if KeptTextRule.editDistance(a, b, limit: limit) <= limit || CodeComparison.similarity(s, t) >= 0.7 { return true }
        // One holding the other whole, spaces aside (`x = true; …` cut to `x=true`).
        let x = s.replacingOccurrences(of: " ", with: ""), y = t.replacingOccurrences(of: " ", with: "")
        if min(x.unicodeScalars.count, y.unicodeScalars.count) >= 4 && (x.contains(y) || y.contains(x)) { return true }
        let unrendered = others.filter { x in !there.contains { agrees(x, $0) } }.count
        let unexplained = there.filter { y in !others.contains { agrees($0, y) } }.count
        return unrendered == unexplained && unexplained <= 1
    }

    /// The source's spans no target span renders and the target's spans that render none, counted:
    /// each span of one side stands for one of the other (the same code first, then code that
    /// agrees), so that one of two equal spans replaced is seen. `novel` marks a span that
    /// agrees with no span at all of the other side (what comparing sets would find); the others
    /// are a repeated span dropped (source) or repeated (target).
    static func counted(_ source: [Mention<String>], _ target: [Mention<String>])
        -> (missing: [(Mention<String>, novel: Bool)], extra: [(Mention<String>, novel: Bool)]) {
        var usedS = [Bool](repeating: false, count: source.count), usedT = [Bool](repeating: false, count: target.count)
        for (i, s) in source.enumerated() {
            if let j = target.indices.first(where: { !usedT[$0] && target[$0].value == s.value }) { usedS[i] = true; usedT[j] = true }
        }
        // Spans paired as written: one of them stands for its twin, not for a longer or shorter
        // span of the other side (`main` of `upstream/main`, not `main`, does not excuse
        // `origin/main`).
        let exactS = usedS, exactT = usedT
        for (i, s) in source.enumerated() where !usedS[i] {
            if let j = target.indices.first(where: { !usedT[$0] && agrees(s.value, target[$0].value) }) { usedS[i] = true; usedT[j] = true }
        }
        // A call and the name it calls are one name (`incrementer()` and `incrementer`): the
        // translation that names it once has dropped a repeated mention, not changed one.
        let twins = { (a: String, b: String) in a == b || callTwins(a, b) }
        let missing = source.indices.filter { !usedS[$0] }.map { i in
            (source[i], novel: !target.indices.contains { j in
                agrees(source[i].value, target[j].value) && (!exactT[j] || twins(target[j].value, source[i].value)) })
        }
        let extra = target.indices.filter { !usedT[$0] }.map { j in
            (target[j], novel: !source.indices.contains { i in
                agrees(source[i].value, target[j].value) && (!exactS[i] || twins(source[i].value, target[j].value)) })
        }
        return (missing, extra)
    }

    /// True when the translation's span is a selector whose every argument label ends in a
    /// colon (`combine(shape:with:)`) and the source's the same but for a colon it lacks
    /// (`combine(shape:with)`): the source's code is the broken one.
    static func selectorMended(_ s: String, _ t: String) -> Bool {
        guard s.count < t.count, isSelector(t), !isSelector(s), s.unicodeScalars.last == "\u{29}" else { return false }
        return s.unicodeScalars.filter { $0 != ":" }.elementsEqual(t.unicodeScalars.filter { $0 != ":" })
    }

    /// A Swift or Objective-C selector: a name, then in parentheses one or more argument labels
    /// (a name or `_`), each ending in a colon (`combine(shape:with:)`, `move(_:)`).
    static func isSelector(_ v: String) -> Bool {
        let u = Array(v.unicodeScalars.map(\.value))
        let name = { (c: UInt32) in isASCIILetter(c) || c == 0x5F || (c >= 0x30 && c <= 0x39) }
        var k = 0
        while k < u.count && name(u[k]) { k += 1 }
        guard k > 0, k < u.count, u[k] == 0x28 else { return false }
        k += 1
        var labels = 0
        while k < u.count && u[k] != 0x29 {
            let start = k
            while k < u.count && name(u[k]) { k += 1 }
            guard k > start, k < u.count, u[k] == 0x3A else { return false }
            k += 1
            labels += 1
        }
        return labels > 0 && k == u.count - 1
    }

    /// True when one span is the other's name called without arguments (`incrementer()` and
    /// `incrementer`).
    static func callTwins(_ a: String, _ b: String) -> Bool {
        (a.hasSuffix("()") && a.dropLast(2) == b) || (b.hasSuffix("()") && b.dropLast(2) == a)
    }

    /// True when a target span renders a source span: the same code, the same code once
    /// comments, string contents and translated text are set aside, or a fuller or shorter
    /// writing of the same name (`push` / `push(_:)`, `<input>` / `input`) — unless what one
    /// has beyond the other changes what the code means (``changesMeaning(_:_:_:)``; for a
    /// shorter writing also ``shortened(_:_:_:)``).
    static func agrees(_ s: String, _ t: String) -> Bool {
        if s == t { return true }
        if s.contains("--"), t.contains("--"), longOptionsJoined(s) == longOptionsJoined(t) { return true }
        if contains(t, s, minimum: 2, rest: extended) || contains(s, t, minimum: 3, rest: shortened) { return true }
        // An identifier with a digit (`HR-204`, `M2`) is no text to translate: a span of Han
        // alone in its place (`表格`, `二号`) is another span, not that one translated.
        if numberedIdentifier(s), !t.unicodeScalars.contains(where: { $0.value < 0x80 && CodeComparison.isIdentifierChar($0.value) }),
           t.unicodeScalars.contains(where: { CodeComparison.isHanText($0.value) }) { return false }
        // Nor is a name in code's shape (snake_case, camelCase, a dotted or a called name:
        // `force_destroy`, `numpy.mean`, `to_json()`): Han in place of it, or of a part of it, is
        // another span (`强制销毁`, `numpy.平均`), not that one translated.
        if codeName(s), t.unicodeScalars.contains(where: { isHanIdeograph($0.value) }) { return false }
        return CodeComparison.sameCode(s, t)
    }

    /// A name as code writes it, no space: snake_case or camelCase (``CodeComparison/isIdentifierShaped(_:)``),
    /// or names joined by dots (`numpy.mean`), or called (`save()`).
    static func codeName(_ s: String) -> Bool {
        var u = Array(s.utf8)
        if u.count > 2 && u.suffix(2) == [0x28, 0x29] { u.removeLast(2); if u.count >= 2 && u.allSatisfy({ CodeComparison.isIdentifierChar(UInt32($0)) }) { return true } }
        guard u.count >= 3, u.allSatisfy({ CodeComparison.isIdentifierChar(UInt32($0)) || $0 == 0x2E }) else { return false }
        let parts = u.split(separator: 0x2E, omittingEmptySubsequences: false)
        if parts.count >= 2 {
            // Names on both sides of each dot, a letter first (not `1.2`, `.env`, `a.`).
            return parts.allSatisfy { p in p.first.map { CodeComparison.isLetter(UInt32($0)) || $0 == 0x5F } == true }
        }
        return CodeComparison.isIdentifierShaped(s)
    }

    /// ASCII letters and digits, both, with `-`, `_` or `.` between them and no space: an
    /// identifier with a number (`HR-204`, `M2`, `v1.2`).
    static func numberedIdentifier(_ s: String) -> Bool {
        var letter = false, digit = false
        for c in s.unicodeScalars {
            switch c.value {
            case 0x30...0x39: digit = true
            case 0x41...0x5A, 0x61...0x7A: letter = true
            case 0x2D, 0x5F, 0x2E: continue
            default: return false
            }
        }
        return letter && digit
    }

    /// The code with a long option's value joined by `=` (`--depth 1` → `--depth=1`): the same
    /// command either way.
    static func longOptionsJoined(_ s: String) -> String {
        let u = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var k = 0
        while k < u.count {
            out.append(u[k])
            // `--name` at the start or after a space, then one space and a value.
            if u[k] == "-", k + 2 < u.count, u[k + 1] == "-", CodeComparison.isLetter(u[k + 2].value), k == 0 || u[k - 1] == " " {
                var e = k + 2
                while e < u.count && (CodeComparison.isIdentifierChar(u[e].value) || u[e] == "-") { e += 1 }
                out.append(contentsOf: u[(k + 1)..<e])
                if e + 1 < u.count, u[e] == " ", u[e + 1] != "-" { out.append("="); e += 1 }
                k = e
                continue
            }
            k += 1
        }
        return String(out)
    }

    /// True when the rest of a span around a part of it (before, after) is what makes the code
    /// what it is, not more of the name: only type sigils (`!`, `?`, `[`, `]`: `Date!` is not
    /// `Date`, `[Item]` not `Item`, `!done` not `done`), or an option of a command (a word
    /// starting with `-` and a letter, or `--` and a letter: `cargo test --release` is not
    /// `cargo test`; `-` inside a word, as in `calling-with-async-let`, starts none), or a member
    /// access or a call on what the part names, after it (``memberAccess(_:afterCall:)``:
    /// `self.items().clone()` is not `self.items()`, `Box::new` not `Box`; the receiver before a
    /// name is left out freely: `fetchAll` from `store.fetchAll()`).
    static func changesMeaning(_ before: ArraySlice<UInt32>, _ part: ArraySlice<UInt32>, _ after: ArraySlice<UInt32>) -> Bool {
        let sigil = { (c: UInt32) in c == 0x21 || c == 0x3F || c == 0x5B || c == 0x5D }
        if before.allSatisfy(sigil) && after.allSatisfy(sigil) { return true }
        if memberAccess(after, afterCall: part.last == 0x29) { return true }
        func option(_ x: ArraySlice<UInt32>, atStart: Bool) -> Bool {
            var k = x.startIndex
            while k < x.endIndex {
                if x[k] == 0x2D, k == x.startIndex ? atStart : x[k - 1] == 0x20 {
                    var e = k + 1
                    if e < x.endIndex && x[e] == 0x2D { e += 1 }
                    if e < x.endIndex && CodeComparison.isLetter(x[e]) { return true }
                }
                k += 1
            }
            return false
        }
        return option(before, atStart: true) || option(after, atStart: false)
    }

    /// True when the translation's span, a part of the source's (`before`, `part`, `after`), is
    /// another name or command rather than the same written shorter: besides
    /// ``changesMeaning(_:_:_:)``, more of a kebab-case name glued to the part in a span of lower
    /// case (kebab-case names are: packages, models, image tags) — `-` and a letter or digit right
    /// after it (`gpt-4o` of `gpt-4o-mini`, `python:3.12` of `python:3.12-slim`, `react` of
    /// `react-dom`) or a name and `-` right before it (`react` of `eslint-plugin-react`); a
    /// capitalised name with a word after it is a name quoted (`Select` of `Select-like`). Or
    /// the first words of a command whose further words (its arguments) are left out (`show ip
    /// route` of `show ip route static`); a name taken out of a longer line (`ref()` of `const x
    /// = ref()`) has something before it, and one word of a command (`git`) is its name.
    static func shortened(_ before: ArraySlice<UInt32>, _ part: ArraySlice<UInt32>, _ after: ArraySlice<UInt32>) -> Bool {
        if changesMeaning(before, part, after) { return true }
        // A setting without its value (`top_k` of `top_k=None`, `temperature` of
        // `temperature=0`): the value is what the source sets; but a flag set to true is the
        // flag written bare (`checkable` of `checkable=true`).
        if setsValue(after) { return true }
        let upper = { (c: UInt32) in c >= 0x41 && c <= 0x5A }
        if !before.contains(where: upper), !part.contains(where: upper), !after.contains(where: upper) {
            if after.count >= 2, after.first == 0x2D, CodeComparison.isIdentifierChar(after[after.startIndex + 1]) { return true }
            if before.count >= 2, before.last == 0x2D, CodeComparison.isIdentifierChar(before[before.endIndex - 2]) { return true }
        }
        if before.isEmpty, part.contains(0x20), after.first == 0x20,
           let w = after.first(where: { $0 != 0x20 }), CodeComparison.isIdentifierChar(w) { return true }
        return false
    }

    /// True when the translation's span, holding the source's (`before`, `part`, `after`), is
    /// another name rather than the same written more fully: besides ``changesMeaning(_:_:_:)``,
    /// a channel, handle or tag (`#` or `@` and a name in lower case) continued as a kebab-case
    /// name (`#sre` written `#sre-team`: another channel). A bare word continued (`for` written
    /// `for-in`) is the same keyword written more fully.
    static func extended(_ before: ArraySlice<UInt32>, _ part: ArraySlice<UInt32>, _ after: ArraySlice<UInt32>) -> Bool {
        if changesMeaning(before, part, after) { return true }
        guard before.isEmpty, let f = part.first, f == 0x23 || f == 0x40, part.count >= 2, CodeComparison.isLetter(part[part.startIndex + 1]),
              after.count >= 2, after.first == 0x2D, CodeComparison.isIdentifierChar(after[after.startIndex + 1]) else { return false }
        let upper = { (c: UInt32) in c >= 0x41 && c <= 0x5A }
        return !part.contains(where: upper) && !after.contains(where: upper)
    }

    /// The value a source's setting (`name=value`) sets, when the translation's span is the
    /// setting without it (`top_k=None` written `top_k`); nil otherwise.
    static func droppedValue(_ source: String, _ target: String) -> String? {
        guard source.count > target.count + 1, source.hasPrefix(target) else { return nil }
        let rest = source.dropFirst(target.count)
        guard setsValue(ArraySlice(rest.unicodeScalars.map(\.value))) else { return nil }
        return String(rest.dropFirst())
    }

    /// What follows a setting's name sets a value (`=None`, `=0`): `=` and a value that does not
    /// start with a space; a flag set to true is the flag written bare (`checkable=true`,
    /// `<Tree checkable>`), no value.
    static func setsValue(_ after: ArraySlice<UInt32>) -> Bool {
        after.count >= 2 && after.first == 0x3D && after[after.startIndex + 1] != 0x20
            && !(after.count == 5 && makeString(after.dropFirst()).lowercased() == "true")
    }

    /// A name of ASCII letters, digits, `_`, `$`, `-` and `.` (with a letter), no space, no Han:
    /// a value, a key or an identifier (`critical`, `evaluation_interval`, `--fix`, `.toml`).
    /// Two names of one shape: both name tokens, or both tags of one (`<manifest>` written
    /// `<application>`; a tag and a bare name are two shapes).
    /// Two spans that are each a number alone (`0`, `-1`, `2.5`), of different values.
    static func differentNumbers(_ a: String, _ b: String) -> Bool {
        func value(_ s: String) -> Double? {
            var u = Substring(s)
            if u.first == "-" || u.first == "+" { u = u.dropFirst() }
            guard let f = u.first, f.isASCII, f.isNumber, u.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
                  u.filter({ $0 == "." }).count <= 1, u.last != "." else { return nil }
            return Double(s)
        }
        guard let x = value(a), let y = value(b) else { return false }
        return x != y
    }

    /// True when `text` holds the number `n` as a whole number: not inside a longer number, a
    /// version or a word (`1` is not in `10`, `v1.2` or `M1`).
    static func writtenAsNumber(_ n: String, in text: String) -> Bool {
        let t = Array(text.unicodeScalars), w = Array(n.unicodeScalars)
        guard !w.isEmpty, t.count >= w.count else { return false }
        func joins(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "." || c == "," }
        var i = 0
        while i + w.count <= t.count {
            defer { i += 1 }
            guard t[i] == w[0], t[i..<(i + w.count)].elementsEqual(w) else { continue }
            if (i == 0 || !joins(t[i - 1]) || (t[i - 1] == "." && (i < 2 || !("0"..."9").contains(t[i - 2]))))
                && (i + w.count == t.count || !joins(t[i + w.count]) || ((t[i + w.count] == "." || t[i + w.count] == ",")
                    && (i + w.count + 1 == t.count || !("0"..."9").contains(t[i + w.count + 1])))) { return true }
        }
        return false
    }

    static func sameShapedNames(_ a: String, _ b: String) -> Bool {
        if isNameToken(a) && isNameToken(b) { return true }
        guard let p = tagName(a), let q = tagName(b) else { return false }
        return isNameToken(p) && isNameToken(q)
    }

    /// The name of a tag (`<manifest>`, `</manifest>`, `<br/>`), or nil.
    static func tagName(_ s: String) -> String? {
        guard s.hasPrefix("<"), s.hasSuffix(">") else { return nil }
        var inner = s.dropFirst().dropLast()
        if inner.hasPrefix("/") { inner = inner.dropFirst() } else if inner.hasSuffix("/") { inner = inner.dropLast() }
        return inner.isEmpty ? nil : String(inner)
    }

    static func isNameToken(_ s: String) -> Bool {
        var letter = false
        for c in s.utf8 {
            guard CodeComparison.isIdentifierChar(UInt32(c)) || c == 0x2D || c == 0x2E else { return false }
            if CodeComparison.isLetter(UInt32(c)) { letter = true }
        }
        return letter
    }

    /// True when a name holds a locale (`en`, `zh-CN`, `en_US`, `enUS`): examples are localised
    /// by switching it.
    static func holdsLocale(_ s: String) -> Bool {
        if CodeComparison.isLocaleName(s) { return true }
        let lower = s.lowercased()
        if LinkComparison.locales.contains(lower) { return true }
        return lower.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." }).contains { LinkComparison.locales.contains(String($0)) }
    }

    /// A table cell of code spans alone, joined by list punctuation and spaces
    /// (`` `a`、`b` ``, `` `a`，`b` ``, `` `a`；`b` ``): code only, as a cell of `` `a`, `b` `` is,
    /// though its Chinese punctuation makes it a unit.
    static func isCodeList(_ u: BitextMarkdown.Unit) -> Bool {
        var code = false
        for k in u.text.indices {
            switch u.roles[k] {
            case .code: code = true
            case .content:
                let c = u.text[k]
                guard c == 0x20 || c == 0x09 || c == 0x2C || c == 0x3B || c == 0x3001 || c == 0x3000 || c == 0xFF0C || c == 0xFF1B
                else { return false }
            case .markup, .structure: continue
            default: return false
            }
        }
        return code
    }

    /// True when the rest of a span after a part of it is a member access or a call on it: `::`,
    /// `->` or `?.` (also `!.`) and a name; `.` and a name when it acts on a call (the part ends
    /// with `)`, or the brackets right after the part are skipped: `pool` of `pool().clone()`)
    /// or calls what it names (`.clone()`). A bare `.name` after a bare name (`Vue.js`,
    /// `config.yml`, `user.id`) may be a file, a product or a field quoted by its first part.
    static func memberAccess(_ after: ArraySlice<UInt32>, afterCall: Bool) -> Bool {
        var k = after.startIndex
        var depth = 0
        while k < after.endIndex {
            let c = after[k]
            if c == 0x28 || c == 0x5B || c == 0x3C { depth += 1 } else if (c == 0x29 || c == 0x5D || c == 0x3E) && depth > 0 { depth -= 1 } else if depth == 0 { break }
            k += 1
        }
        guard depth == 0, k < after.endIndex else { return false }
        var e = k
        let c = after[k]
        if c == 0x2E { e = k + 1 }
        else if (c == 0x3F || c == 0x21) && k + 1 < after.endIndex && after[k + 1] == 0x2E { e = k + 2 }
        else if c == 0x3A && k + 1 < after.endIndex && after[k + 1] == 0x3A { e = k + 2 }
        else if c == 0x2D && k + 1 < after.endIndex && after[k + 1] == 0x3E { e = k + 2 }
        guard e > k, e < after.endIndex else { return false }
        let n = after[e]
        guard CodeComparison.isLetter(n) || n == 0x5F || n == 0x24 else { return false }
        if c != 0x2E || afterCall || k > after.startIndex { return true }
        // `.name(`: a method called.
        var x = e
        while x < after.endIndex && CodeComparison.isIdentifierChar(after[x]) { x += 1 }
        return x < after.endIndex && after[x] == 0x28
    }

    /// True when `part` (with a letter, at least `minimum` characters) occurs in `whole` between
    /// characters that cannot continue an identifier or a number (`temperature=0` is not in
    /// `temperature=0.2`), and (given `rest`) where the rest of `whole` does not change its
    /// meaning.
    static func contains(_ whole: String, _ part: String, minimum: Int,
                         rest: ((ArraySlice<UInt32>, ArraySlice<UInt32>, ArraySlice<UInt32>) -> Bool)? = nil) -> Bool {
        let w = Array(whole.unicodeScalars).map(\.value), p = Array(part.unicodeScalars).map(\.value)
        guard p.count >= minimum, p.count < w.count, p.contains(where: CodeComparison.isLetter) else { return false }
        func digit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }
        var k = 0
        while k + p.count <= w.count {
            if w[k..<(k + p.count)].elementsEqual(p) {
                let e = k + p.count
                let before = (k == 0 || !CodeComparison.isIdentifierChar(w[k - 1]))
                    && !(digit(p[0]) && k >= 2 && w[k - 1] == 0x2E && digit(w[k - 2]))
                let after = (e == w.count || !CodeComparison.isIdentifierChar(w[e]))
                    && !(digit(p[p.count - 1]) && e + 1 < w.count && w[e] == 0x2E && digit(w[e + 1]))
                if before && after && !(rest?(w[..<k], w[k..<e], w[e...]) ?? false) { return true }
            }
            k += 1
        }
        return false
    }

    /// True when the code is in the text as it is (boundaries respected for names), without
    /// the quotes of a string literal, or a variable without its `$`.
    static func writtenPlain(_ code: String, in text: String) -> Bool {
        var forms = [code]
        if code.count > 2, let f = code.first, f == code.last, f == "'" || f == "\"" || f == "`" { forms.append(String(code.dropFirst().dropLast())) }
        // A variable written by its name, without the `$` that reads it (`$PYTHON_HOME` → PYTHON_HOME).
        if code.count > 2, code.hasPrefix("$"), code.unicodeScalars.dropFirst().first.map({ CodeComparison.isLetter($0.value) }) == true {
            forms.append(String(code.dropFirst()))
        }
        for f in forms {
            if f.unicodeScalars.contains(where: { CodeComparison.isLetter($0.value) }) {
                if contains(text, f, minimum: 1) { return true }
            } else if text.contains(f) {
                return true
            }
        }
        return false
    }

    /// True when the code's symbols are in the text with Han where its names were
    /// (`${variable}` written ${变量}, `{user}:{password}` written {用户名}:{密码}).
    static func writtenTranslated(_ code: String, in text: String) -> Bool {
        let c = Array(code.unicodeScalars).map(\.value), t = Array(text.unicodeScalars).map(\.value)
        // The pattern: symbols literally, each run of name characters as one run of Han or letters.
        var pattern: [UInt32?] = []  // nil: a run of name characters
        for x in c {
            if CodeComparison.isIdentifierChar(x) { if pattern.last != .some(nil) { pattern.append(nil) } } else { pattern.append(x) }
        }
        guard pattern.contains(where: { $0 != nil }), pattern.contains(where: { $0 == nil }) else { return false }
        func name(_ x: UInt32) -> Bool { isHanIdeograph(x) || CodeComparison.isIdentifierChar(x) }
        func match(_ p: Int, _ k: Int, _ sawHan: Bool) -> Bool {
            if p == pattern.count { return sawHan }
            guard k < t.count else { return false }
            if let sym = pattern[p] { return t[k] == sym && match(p + 1, k + 1, sawHan) }
            var e = k, han = sawHan
            while e < t.count && name(t[e]) { if isHanIdeograph(t[e]) { han = true }; e += 1 }
            return e > k && match(p + 1, e, han)
        }
        for k in t.indices where match(0, k, false) { return true }
        return false
    }

    /// True when a span that is one variable, `$` and a name (`$ENV_VARIABLE_NAME`, `$PATH`), is
    /// written as `$` and a name in Han (`$环境变量名称`).
    static func variableNameTranslated(_ source: String, _ target: String) -> Bool {
        let a = Array(source.unicodeScalars), b = Array(target.unicodeScalars)
        guard a.count >= 2, b.count >= 2, a[0] == "$", b[0] == "$", CodeComparison.isLetter(a[1].value),
              a.dropFirst().allSatisfy({ CodeComparison.isIdentifierChar($0.value) && $0 != "$" }) else { return false }
        return isHanIdeograph(b[1].value) && b.dropFirst().allSatisfy { isHanIdeograph($0.value) || (CodeComparison.isIdentifierChar($0.value) && $0 != "$") }
    }

    /// `source` is a path through menus, two steps or more between arrows (`→`, `->`), each
    /// step words that start with a capital (`Access Control → Administrators`), and `target`
    /// the same path with as many steps, Han in one at least and no identifier in any
    /// (`访问控制 → 管理员`).
    static func translatedMenuPath(_ source: String, _ target: String) -> Bool {
        // The steps between arrows, spaces around them left out.
        func steps(_ s: String) -> [String] {
            let u = Array(s.unicodeScalars)
            var out: [String] = [], cur = String.UnicodeScalarView(), k = 0
            func close() {
                out.append(String(String(cur).drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed()))
                cur = String.UnicodeScalarView()
            }
            while k < u.count {
                if u[k] == "→" { close(); k += 1 } else if u[k] == "-", k + 1 < u.count, u[k + 1] == ">" { close(); k += 2 } else { cur.append(u[k]); k += 1 }
            }
            close()
            return out
        }
        let a = steps(source), b = steps(target)
        guard a.count >= 2, a.count == b.count, !a.contains(where: \.isEmpty), !b.contains(where: \.isEmpty) else { return false }
        let words = a.allSatisfy { step in
            step.unicodeScalars.first.map { $0.value >= 0x41 && $0.value <= 0x5A } == true
                && step.unicodeScalars.allSatisfy { c in
                    CodeComparison.isLetter(c.value) || (c.value >= 0x30 && c.value <= 0x39) || c == " " || c == "&" || c == "'" || c == "-"
                }
        }
        guard words else { return false }
        return b.contains { $0.unicodeScalars.contains { isHanIdeograph($0.value) } }
            && !b.contains { $0.contains("_") || $0.contains("(") || $0.contains("=") || $0.contains("/") }
    }

    /// Code with more than a name: brackets, operators, quotes, slashes or spaces between
    /// symbols (`ref()`, `a = b`, `<T>`, `http://…`). Missing from a translation, it is lost code.
    static func isCodeShaped(_ s: String) -> Bool {
        guard s.unicodeScalars.contains(where: { CodeComparison.isLetter($0.value) || ($0.value >= 0x30 && $0.value <= 0x39) }) else { return false }
        // A keyword or constant in capitals (`HAVING`, `MAX_SIZE`, `EOF`): written as it is.
        // (Also an id of capitals, digits and hyphens: `7KQ2-M9XD`.)
        if s.utf8.count >= 2, s.utf8.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x5F || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }),
           s.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }), s.utf8.first != 0x2D { return true }
        // An option (`--check`, `-v`) or a file extension (`.qmd`): nothing in Chinese renders them.
        let u = Array(s.utf8)
        if u.count >= 2, u[0] == 0x2D, CodeComparison.isLetter(UInt32(u[1])) || (u.count >= 3 && u[1] == 0x2D && CodeComparison.isLetter(UInt32(u[2]))) { return true }
        if u.count >= 2, u.count <= 8, u[0] == 0x2E, u.dropFirst().allSatisfy({ CodeComparison.isIdentifierChar(UInt32($0)) && $0 != 0x24 }),
           u.dropFirst().contains(where: { CodeComparison.isLetter(UInt32($0)) }) { return true }
        if isWordLike(s) { return false }
        // snake_case (`zh_CN`, `max_tokens`): `_` between letters or digits is no spelling of a word.
        let scalars = Array(s.unicodeScalars)
        if scalars.count >= 3, (1..<(scalars.count - 1)).contains(where: { k in
            scalars[k] == "_" && CodeComparison.isIdentifierChar(scalars[k - 1].value) && scalars[k - 1] != "_"
                && CodeComparison.isIdentifierChar(scalars[k + 1].value) && scalars[k + 1] != "_"
        }) { return true }
        // An element named by its tag (`<select>`): as often rendered by what it is (选择器).
        if s.hasPrefix("<") && s.hasSuffix(">"), isWordLike(String(s.dropFirst(s.hasPrefix("</") ? 2 : 1).dropLast())) { return false }
        return s.unicodeScalars.contains { c in
            !(CodeComparison.isIdentifierChar(c.value) || c == "." || c == "-" || c == " " || c.value > 0x7F)
        }
    }

    /// Code of signs alone, two or more ASCII marks (`<.+?>`, `/*`, `.*`, `->`): no name in it.
    /// (What one became may be one mark: `/*` written `/`.)
    static func isSigns(_ s: String, minimum: Int = 2) -> Bool {
        s.utf8.count >= minimum && s.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && !CodeComparison.isIdentifierChar(UInt32($0)) }
    }

    /// How alike two pieces of code of signs are: the Dice coefficient of their characters
    /// (bigrams say nothing of two or three marks: `/*` and `/`, `.*` and `.+`).
    static func signSimilarity(_ a: String, _ b: String) -> Double {
        var count: [UInt8: Int] = [:]
        for x in a.utf8 { count[x, default: 0] += 1 }
        var common = 0
        for x in b.utf8 { if let k = count[x], k > 0 { common += 1; count[x] = k - 1 } }
        let total = a.utf8.count + b.utf8.count
        return total == 0 ? 0 : 2 * Double(common) / Double(total)
    }

    /// The unit's text with its inline code masked (U+FFFC, which is neither a name nor a
    /// sign): what it writes as text.
    static func prose(_ u: BitextMarkdown.Unit) -> String {
        makeString(u.text.indices.map { u.roles[$0] == .code ? 0xFFFC : u.text[$0] })
    }

    /// A span of English-looking words (`String`, `catch`, `Resource Center`, `Project
    /// Management -> Workflow`): a name or a UI label that translators often render as the
    /// concept or the label it stands for (字符串, 捕获, 资源中心). No code shape: no inner
    /// capitals, digits, underscores, dots or brackets.
    static func isWordLike(_ s: String) -> Bool {
        let pieces = s.split(whereSeparator: { $0 == " " || $0 == "/" || $0 == ">" || $0 == "-" })
        guard !pieces.isEmpty, pieces.count <= 8 else { return false }
        return pieces.allSatisfy { w in
            let u = Array(w.unicodeScalars)
            guard u.count >= 2, u[0].value < 0x80, u[0].properties.isAlphabetic else { return false }
            return u.dropFirst().allSatisfy { $0.value >= 0x61 && $0.value <= 0x7A }
        }
    }

    /// Where the pair is a source paragraph of table rows cmark-gfm did not read as a table (a
    /// blank line inside the source's table) and the cells of the translation's table, whole
    /// (``DocumentAligner/mendBrokenSourceTables(_:source:target:)``): the code of the cells of
    /// those rows that hold code spans and nothing else (the document's silent blocks there),
    /// which are no units and so in no pair (`` | `exit_price` | 平仓均价 | ``). The paragraph's
    /// spans they hold are not missing.
    static func codeCellsOfMendedRows(_ c: FileContext, _ p: Pairing, _ source: [Int], _ target: [Int]) -> Set<String>? {
        guard source.count == 1, !target.isEmpty else { return nil }
        let u = p.source.units[source[0]]
        switch u.kind {
        case .paragraph, .quote: break
        default: return nil
        }
        guard u.end.line > u.start.line,
              target.allSatisfy({ if case .tableCell = c.document.units[$0].kind { return true } else { return false } }),
              TableRows.isBrokenTable(p.source.source, lines: u.start.line...u.end.line) else { return nil }
        // The rows' cells of code alone are the document's silent blocks on those lines.
        var lines = target.map { c.document.units[$0].start.line }
        lines.sortUnique()
        var out = Set<String>()
        for u in c.document.silentBlocks where lines.sortedContains(u.start.line) {
            if case .tableCell = u.kind { for span in u.inlineCode { out.insert(span.code) } }
        }
        return out
    }

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self), let p = c.pairing else { return }
        // Front-matter values that are ids, keys or booleans (`slug: restore-backup`, `pinned: false`).
        for e in FrontMatterValues.changed(c) where e.kind == .code { emit(FrontMatterValues.finding(self, c, e, severity: severity)) }
        // The sentences `missing-translation` reports dropped (made on the first span missing;
        // none when that rule is off): a span only they hold is reported with them.
        var dropped: [LoneSentence]? = nil
        func inDroppedSentence(_ su: Int, _ r: Range<Int>) -> Bool {
            guard c.settings.severity(MissingTranslationRule()) != nil else { return false }
            if dropped == nil { dropped = LoneSentences.find(c).filter(\.isDropped) }
            return dropped!.contains { $0.unit == su && $0.range.lowerBound <= r.lowerBound && r.upperBound <= $0.range.upperBound }
        }
        // How often each page writes each code span (made on the first span to report): a span
        // the translation writes elsewhere on the page as often as the source does, in place of one
        // it does not write more often than the source, moved with its sentence or row (a page
        // whose sections or rows the translation orders otherwise), not changed.
        var pageSpans: (source: [String: Int], target: [String: Int])? = nil
        func moved(_ source: String, _ target: String?) -> Bool {
            if pageSpans == nil {
                var s: [String: Int] = [:], t: [String: Int] = [:]
                for k in p.source.units.indices { for m in CodeMismatchRule.spans(p.source.units[k], p.sourceAnalyses[k], unit: k) { s[m.value, default: 0] += 1 } }
                for k in c.document.units.indices { for m in CodeMismatchRule.spans(c.document.units[k], c.analyses[k], unit: k) { t[m.value, default: 0] += 1 } }
                pageSpans = (s, t)
            }
            let (s, t) = pageSpans!
            return t[source, default: 0] >= s[source, default: 0] && target.map { t[$0, default: 0] <= s[$0, default: 0] } ?? true
        }
        for pair in c.consistencyCache.pairs {
            var source = pair.source.flatMap { CodeMismatchRule.spans(p.source.units[$0], p.sourceAnalyses[$0], unit: $0) }
            guard !source.isEmpty else { continue }
            let target = pair.target.flatMap { CodeMismatchRule.spans(c.document.units[$0], c.analyses[$0], unit: $0) }
            if let kept = CodeMismatchRule.codeCellsOfMendedRows(c, p, pair.source, pair.target) { source.removeAll { kept.contains($0.value) } }
            let (missing, extra) = CodeMismatchRule.counted(source, target)
            guard !missing.isEmpty else { continue }
            // Keys: as many `<kbd>` on both sides, one holding a key the source lacks, is a key
            // replaced whatever the two look like (`Option` → `Cmd`, `S` → `D`).
            func id(_ m: Mention<String>) -> [Int] { [m.unit, m.range.lowerBound] }
            let sourceKeys = Set(source.filter { CodeMismatchRule.isKey(p.source.units[$0.unit], $0.range) }.map(id))
            let targetKeys = Set(target.filter { CodeMismatchRule.isKey(c.document.units[$0.unit], $0.range) }.map(id))
            // A key of the source where the translation writes keys as keys too: no word renders
            // it (`Shift` of Cmd+Shift+P dropped, `Option` written `Alt`).
            func keyAmongKeys(_ m: Mention<String>) -> Bool { !targetKeys.isEmpty && sourceKeys.contains(id(m)) }
            let keysCounted = sourceKeys.count == targetKeys.count && !sourceKeys.isEmpty
            func keyed(_ v: Mention<String>, _ keys: Set<[Int]>) -> Mention<(code: String, key: Bool)> {
                Mention(unit: v.unit, range: v.range, value: (v.value, keysCounted && keys.contains(id(v))))
            }
            func plain(_ v: Mention<(code: String, key: Bool)>) -> Mention<String> { Mention(unit: v.unit, range: v.range, value: v.value.code) }
            func assigned(_ m: [Mention<String>], _ x: [Mention<String>], minimum: Double = 0.01) -> [(source: Mention<String>, target: Mention<String>?, place: (unit: Int, range: Range<Int>))] {
                guard !m.isEmpty else { return [] }
                return c.assign(pair, missing: m.map { keyed($0, sourceKeys) }, extra: x.map { keyed($0, targetKeys) }, similarity: { a, b in
                    // Signs alone are alike by their characters, clearly (`/*` and `/`, `.*` and `.+`).
                    let signs = CodeMismatchRule.isSigns(a.code) && CodeMismatchRule.isSigns(b.code, minimum: 1)
                    let d = signs ? CodeMismatchRule.signSimilarity(a.code, b.code) : CodeComparison.similarity(a.code, b.code)
                    if signs && d < 0.5 { return 0 }
                    // One character against a name holding it (`yy` written `y`; not `1` against `+1`):
                    // bigrams see nothing alike, but in its place it is the span shortened.
                    if d == 0, !signs, let short = [a.code, b.code].first(where: { $0.unicodeScalars.count == 1 }),
                       let long = [a.code, b.code].first(where: { $0.unicodeScalars.count > 1 }),
                       long.unicodeScalars.allSatisfy({ CodeComparison.isIdentifierChar($0.value) }), long.unicodeScalars.contains(short.unicodeScalars.first!) {
                        return 0.1
                    }
                    return a.key && b.key ? max(d, 0.02) : d
                }, minimumSimilarity: minimum).map { r in (source: plain(r.source), target: r.target.map(plain), place: r.place) }
            }
            // A span of the translation in the place of one of the source's is that span written
            // otherwise only with evidence (``replaces(_:_:others:there:)``), keys aside (counted):
            // a translation that renders another sentence there has other spans of its own.
            func replaced(_ s: Mention<String>, by t: Mention<String>) -> Bool {
                if keysCounted && sourceKeys.contains(id(s)) && targetKeys.contains(id(t)) { return true }
                let place = c.targetPlace(pair, sourceUnit: s.unit, at: s.range.lowerBound)
                // The source's sentence, or its whole unit where the place is a whole unit.
                let sentence = place.range == 0..<c.document.units[place.unit].text.count ? nil
                    : p.sourceAnalyses[s.unit].sentences.first { $0.contains(s.range.lowerBound) }
                // Where the sentences are aligned, a span of another sentence renders another
                // sentence's code (`Address` of the next sentence is no `someAddress` changed).
                if sentence != nil && !(t.unit == place.unit && t.range.overlaps(place.range)) { return false }
                let others = source.filter { $0.unit == s.unit && $0.range != s.range && (sentence?.contains($0.range.lowerBound) ?? true) }
                let there = target.filter { $0.unit == place.unit && $0.range.overlaps(place.range) && id($0) != id(t) }
                return CodeMismatchRule.replaces(s.value, t.value, others: others.map(\.value), there: there.map(\.value))
            }
            func missingHere(_ s: Mention<String>) -> (source: Mention<String>, target: Mention<String>?, place: (unit: Int, range: Range<Int>)) {
                (source: s, target: nil, place: c.targetPlace(pair, sourceUnit: s.unit, at: s.range.lowerBound))
            }
            // Spans that agree with none of the other side, as sets compare them.
            var results = assigned(missing.filter { $0.novel }.map { $0.0 }, extra.filter { $0.novel }.map { $0.0 }).map { r in
                r.target.map { replaced(r.source, by: $0) } ?? true ? r : missingHere(r.source)
            }
            var used = Set(results.compactMap { $0.target.map(id) })
            // Counting: a span of the translation stands in for a span the count says is missing
            // only in the sentences aligned with it, the most alike first; not a span of signs
            // alone (`!` for "an exclamation point"), not one with Han (a label translated), and
            // not a word the source writes as text (the "else clause" → the `else` clause).
            let sourceText = " " + pair.source.map { p.source.units[$0].string }.joined(separator: " ") + " "
            // What the translation writes as text: its prose alone, not its code (`?` is not
            // written as text because `<.+?>` holds it).
            let targetText = " " + pair.target.map { CodeMismatchRule.prose(c.document.units[$0]) }.joined(separator: " ") + " "
            func standsIn(_ t: Mention<String>, novel: Bool) -> Bool {
                (t.value.unicodeScalars.contains { CodeComparison.isIdentifierChar($0.value) } || CodeMismatchRule.isSigns(t.value))
                    && !t.value.unicodeScalars.contains { CodeComparison.isHanText($0.value) }
                    && (!novel || !CodeMismatchRule.writtenPlain(t.value, in: sourceText))
            }
            // Signs alone (`<.+?>`, `/*`) stand in only for signs alike (`<.+>`, `/`), never for
            // a name nor a name for them.
            func inPlace(_ m: [Mention<String>], _ x: [Mention<String>], minimum: Double = 0) -> [(Int, Int)] {
                var candidates: [(score: Double, m: Int, x: Int)] = []
                for (i, s) in m.enumerated() {
                    let place = c.targetPlace(pair, sourceUnit: s.unit, at: s.range.lowerBound)
                    for (j, t) in x.enumerated() where t.unit == place.unit && t.range.overlaps(place.range) {
                        let signs = CodeMismatchRule.isSigns(s.value)
                        guard signs == CodeMismatchRule.isSigns(t.value, minimum: signs ? 1 : 2) else { continue }
                        let score = signs ? CodeMismatchRule.signSimilarity(s.value, t.value) : CodeComparison.similarity(s.value, t.value)
                        guard score >= (signs ? max(minimum, 0.5) : minimum) else { continue }
                        candidates.append((score, i, j))
                    }
                }
                candidates.sort { $0.score != $1.score ? $0.score > $1.score : ($0.m, $0.x) < ($1.m, $1.x) }
                var usedM = Set<Int>(), usedX = Set<Int>(), out: [(Int, Int)] = []
                for k in candidates where !usedM.contains(k.m) && !usedX.contains(k.x) {
                    usedM.insert(k.m); usedX.insert(k.x); out.append((k.m, k.x))
                }
                return out
            }
            // One of two equal spans replaced by a span the source lacks (`open()`, `open()` →
            // `open()`, `close()`); a repeated span dropped with nothing in its place is the
            // translation merging two mentions.
            // A substitution keeps the count: a translation with more spans than the source has
            // added some (`john` for "this person's"), and one missing is no sign of another.
            let counted = target.count <= source.count
            let named = { (m: Mention<String>) in m.value.unicodeScalars.contains { CodeComparison.isIdentifierChar($0.value) } }
            let left = extra.filter { counted && $0.novel && !used.contains(id($0.0)) && standsIn($0.0, novel: true) }.map { $0.0 }
            let dropped = missing.filter { !$0.novel && (named($0.0) || CodeMismatchRule.isSigns($0.0.value)) }.map { $0.0 }
            if !left.isEmpty && !dropped.isEmpty {
                for (i, j) in inPlace(dropped, left) {
                    // Without evidence, the span is missing (another sentence rendered there),
                    // unless the rendering of its own sentence writes it as the name it calls or
                    // the call of it (`incrementer` for `incrementer()`): that name is kept. (The
                    // name in another sentence's rendering keeps nothing of this one.)
                    guard replaced(dropped[i], by: left[j]) else {
                        let place = c.targetPlace(pair, sourceUnit: dropped[i].unit, at: dropped[i].range.lowerBound)
                        let sentence = place.range != 0..<c.document.units[place.unit].text.count
                        if !sentence || !target.contains(where: { t in
                            CodeMismatchRule.callTwins(t.value, dropped[i].value) && t.unit == place.unit && t.range.overlaps(place.range)
                        }) { results.append(missingHere(dropped[i])) }
                        continue
                    }
                    results.append((source: dropped[i], target: left[j], place: (left[j].unit, left[j].range)))
                    used.insert(id(left[j]))
                }
            }
            // A span missing while another of the source's spans is written once more in its
            // place (`--check`, `--diff` → `--diff`, `--diff`); a span repeated with nothing
            // missing is the translator's.
            // Only for code that has no rendering in words and is not written as text (an option,
            // `"А"`; not `scrollToFirstError` rendered 滚动, `:` rendered 冒号).
            let repeated = extra.filter { counted && !$0.novel && standsIn($0.0, novel: false) }.map { $0.0 }
            let open = repeated.isEmpty ? [] : results.indices.filter {
                let v = results[$0].source.value
                return results[$0].target == nil
                    && (named(results[$0].source) && CodeMismatchRule.isCodeShaped(v) || CodeMismatchRule.isSigns(v) || keyAmongKeys(results[$0].source))
                    && !CodeMismatchRule.writtenPlain(v, in: targetText) && !CodeMismatchRule.writtenTranslated(v, in: targetText)
            }
            if !repeated.isEmpty && !open.isEmpty {
                for (i, j) in inPlace(open.map { results[$0].source }, repeated) where replaced(results[open[i]].source, by: repeated[j]) {
                    results[open[i]] = (source: results[open[i]].source, target: repeated[j], place: (repeated[j].unit, repeated[j].range))
                }
            }
            // A span changed while a shorter span both sides write stays (`--keep`, `--keep 0`
            // written `--keep`, `--keep 1`): each agrees with the other side only through that
            // shorter span, so neither is novel; alike, in place, and not agreeing with each
            // other, the one is the other changed.
            let sourceValues = Set(source.map(\.value)), targetValues = Set(target.map(\.value))
            let paired = Set(results.filter { $0.target != nil }.map { id($0.source) })
            let changedSource = missing.filter { m in
                !m.novel && named(m.0) && !paired.contains(id(m.0)) && !targetValues.contains(m.0.value)
                    && target.allSatisfy { !CodeMismatchRule.agrees(m.0.value, $0.value) || sourceValues.contains($0.value) }
            }.map { $0.0 }
            let changedTarget = extra.filter { x in
                counted && !x.novel && !used.contains(id(x.0)) && named(x.0) && !sourceValues.contains(x.0.value)
                    && standsIn(x.0, novel: true)
                    && source.allSatisfy { !CodeMismatchRule.agrees($0.value, x.0.value) || targetValues.contains($0.value) }
            }.map { $0.0 }
            if !changedSource.isEmpty && !changedTarget.isEmpty {
                for (i, j) in inPlace(changedSource, changedTarget, minimum: 0.5)
                where !CodeMismatchRule.agrees(changedSource[i].value, changedTarget[j].value) {
                    results.append((source: changedSource[i], target: changedTarget[j], place: (changedTarget[j].unit, changedTarget[j].range)))
                    used.insert(id(changedTarget[j]))
                }
            }
            // As many spans on both sides, and one of each unmatched, in the place of the other:
            // one name written instead of the other, however unlike the two are (`critical`
            // written `warning`, `<manifest>` written `<application>`; `evaluation_interval` written `evaluation-interval` beside an
            // unchanged `interval`), as keys are; not a name the source writes as text, nor the
            // source's written plain. A locale switched for another (`en` → `zh`, `en-US` →
            // `zh-CN`) is the example localised: no finding.
            if source.count == target.count, missing.count == 1, extra.count == 1, !used.contains(id(extra[0].0)) {
                let m = missing[0].0, x = extra[0].0
                let k = results.firstIndex { id($0.source) == id(m) }
                // A number alone in a span is the code's value (`0` written `1`, `-1` written
                // `1`: special values of a setting), unless the translation writes the source's
                // number in its prose (the backticks moved) or the source the translation's.
                let numbers = CodeMismatchRule.differentNumbers(m.value, x.value)
                if k == nil || results[k!].target == nil,
                   numbers ? !CodeMismatchRule.writtenAsNumber(m.value, in: targetText) && !CodeMismatchRule.writtenAsNumber(x.value, in: sourceText)
                           : CodeMismatchRule.sameShapedNames(m.value, x.value) && m.value.lowercased() != x.value.lowercased()
                               && standsIn(x, novel: true) && !CodeMismatchRule.writtenPlain(m.value, in: targetText),
                   !inPlace([m], [x]).isEmpty, replaced(m, by: x) {
                    if CodeMismatchRule.holdsLocale(m.value) && CodeMismatchRule.holdsLocale(x.value) {
                        if let k { results.remove(at: k) }
                    } else {
                        let r = (source: m, target: Optional(x), place: (unit: x.unit, range: x.range))
                        if let k { results[k] = r } else { results.append(r) }
                        used.insert(id(x))
                    }
                }
            }
            // A setting's value the translation writes in words beside the setting (`top_k=None`
            // written `top_k` … None): moved, not dropped.
            results.removeAll { r in
                guard let t = r.target, let v = CodeMismatchRule.droppedValue(r.source.value, t.value) else { return false }
                return CodeMismatchRule.writtenPlain(v, in: targetText) || target.contains { $0.value == v }
            }
            // A span missing that only a sentence `missing-translation` reports dropped held (it
            // quotes the sentence, the span with it): not reported again.
            if results.contains(where: { $0.target == nil }) {
                results.removeAll { r in r.target == nil && inDroppedSentence(r.source.unit, r.source.range) }
            }
            // A key written plain where the translation has fewer `<kbd>` than the source
            // (`<kbd>Ctrl</kbd>+<kbd>C</kbd>` → `Ctrl+C`): placeholder-mismatch reports the
            // tags lost, the one slip; the keys' text is there.
            if targetKeys.count < sourceKeys.count {
                results.removeAll { r in
                    r.target == nil && sourceKeys.contains(id(r.source)) && CodeMismatchRule.writtenPlain(r.source.value, in: targetText)
                }
            }
            guard !results.isEmpty else { continue }
            for m in results {
                var fix: Fix? = nil
                var s = severity
                var key = "code-mismatch"
                // A variable whose name the translation writes in Han (`$ENV_VARIABLE_NAME`
                // written `$环境变量名称`), in its place or anywhere in the unit where the span is
                // missing: a placeholder for the reader's own variable, or a real one renamed
                // (`$HOME` written `$主目录`). Worth a look, no more, as `${变量}` for `${variable}` is.
                let variableRenamed = m.target.map { CodeMismatchRule.variableNameTranslated(m.source.value, $0.value) }
                    ?? target.contains { CodeMismatchRule.variableNameTranslated(m.source.value, $0.value) }
                if m.target == nil {
                    key = "code-mismatch.missing"
                    if CodeMismatchRule.writtenPlain(m.source.value, in: targetText) {
                        // Kept, without backticks.
                        key = "code-mismatch.plain"
                        s = .info
                    } else if CodeMismatchRule.writtenTranslated(m.source.value, in: targetText) {
                        // Its names translated (`${variable}` → ${变量}): a placeholder for the reader.
                        key = "code-mismatch.translated"
                        s = .info
                    } else if variableRenamed {
                        key = "code-mismatch.translated"
                        s = .info
                    } else if c.settings.source.requirementKeywords.contains(m.source.value),
                              c.settings.target.requirementKeywords.contains(where: { targetText.contains($0) }) {
                        // A requirement keyword of a specification (`MUST`, `SHOULD NOT`, RFC 2119)
                        // where the translation writes a word of obligation (必须, 不得): rendered as
                        // the keyword it is, as specifications in Chinese do. Worth a look, no more.
                        s = .info
                    } else if !CodeMismatchRule.isCodeShaped(m.source.value) && !keyAmongKeys(m.source) {
                        // A name, label or sign translators often render as what it stands for
                        // (`String` → 字符串, `dataSource` → 数据, `->` → 箭头): worth a look, no more.
                        s = .info
                    }
                } else if variableRenamed {
                    key = "code-mismatch.translated"
                    s = .info
                } else if let t = m.target, CodeMismatchRule.translatedMenuPath(m.source.value, t.value) {
                    // A path through a program's menus (`Settings → Access Control`) written as
                    // the translated interface names it (`设置 → 访问控制`), step for step: what
                    // the reader of a localised interface clicks. Worth a look, no more.
                    key = "code-mismatch.translated"
                    s = .info
                } else if let t = m.target, CodeMismatchRule.selectorMended(m.source.value, t.value) {
                    // The source's selector lacks a colon the translation gives it
                    // (`combine(shape:with)` written `combine(shape:with:)`): the source's slip,
                    // worth a look there, and no fix (the source's code back would be the slip).
                    key = "code-mismatch.mended"
                    s = .info
                } else if results.count == 1 {
                    // One span changed into one other: putting the source's code back is safe.
                    fix = Fix(p.source.units[m.source.unit].string(m.source.range))
                }
                if s > .info && moved(m.source.value, m.target?.value) {
                    key = "code-mismatch.moved"
                    s = .info
                    fix = nil
                }
                // The line of the span, not of its unit's first line (a paragraph, a definition
                // list's term and body, runs over several).
                let line = p.source.units[m.source.unit].position(at: m.source.range.lowerBound).line
                emit(c.mismatch(self, severity: s, place: m.place, key: key, sourceUnit: m.source.unit,
                                values: [:], source: m.source.value, target: m.target?.value, fix: fix, sourceLine: line))
            }
        }
        for (su, tu) in CodeMismatchRule.codeCellPairs(c, p) + CodeMismatchRule.codeParagraphPairs(c, p) {
            let source = su.inlineCode, target = tu.inlineCode
            // Cells of keys alone (`<kbd>Alt</kbd>+<kbd>↑</kbd>`) are counted: a key written
            // twice where the source has two keys is one replaced (`Option` → `Alt`).
            let keys = !source.isEmpty && !target.isEmpty && source.allSatisfy { CodeMismatchRule.isKey(su, $0.range) }
                && target.allSatisfy { CodeMismatchRule.isKey(tu, $0.range) }
            var missing: [InlineCode], extra: [InlineCode]
            if keys {
                let (m, x) = CodeMismatchRule.counted(source.map { Mention(unit: 0, range: $0.range, value: $0.code) },
                                                      target.map { Mention(unit: 0, range: $0.range, value: $0.code) })
                missing = m.map { k in source.first { $0.range == k.0.range }! }
                extra = x.map { k in target.first { $0.range == k.0.range }! }
            } else {
                missing = source.filter { s in !target.contains { CodeMismatchRule.agrees(s.code, $0.code) } }
                extra = target.filter { t in !source.contains { CodeMismatchRule.agrees($0.code, t.code) } }
            }
            guard !missing.isEmpty else { continue }
            // One span changed into one other: putting the source's code back is safe.
            let onlyOne = missing.count == 1 && extra.count == 1
            while let m = missing.first {
                missing.removeFirst()
                // The extra span most like it (in order when as many changed as were added).
                var best: Int? = nil
                if missing.count + 1 == extra.count { best = extra.isEmpty ? nil : 0 } else {
                    var score = 0.5
                    for (k, t) in extra.enumerated() where CodeComparison.similarity(m.code, t.code) >= score {
                        score = CodeComparison.similarity(m.code, t.code)
                        best = k
                    }
                }
                let t = best.map { extra.remove(at: $0) }
                let range = t?.range ?? 0..<tu.text.count
                var v = ["line": String(su.start.line), "source": m.code]
                v["target"] = t?.code
                let sev = t == nil && !CodeMismatchRule.isCodeShaped(m.code) && !keys ? Severity.info : severity
                emit(Finding(rule: id, severity: sev, file: c.document.path, span: tu.span(range),
                             message: c.messages.text(t == nil ? "code-mismatch.missing" : "code-mismatch", v),
                             text: tu.string(range), fix: onlyOne ? Fix(su.string(m.range)) : nil,
                             details: [("details", .object([("source", .string(m.code)), ("target", t.map { .string($0.code) } ?? .null),
                                                            ("sourceLine", .int(su.start.line))]))]))
            }
        }
        // Rows of code alone (no unit on either side, so in no bead), by the cell that names them.
        for (s, t) in CodeMismatchRule.codeRowCells(c, p) {
            let sv = s.plainText, tv = t.plainText
            let range = 0..<t.text.count
            emit(Finding(rule: id, severity: severity, file: c.document.path, span: t.span(range),
                         message: c.messages.text("code-mismatch", ["line": String(s.start.line), "source": sv, "target": tv]),
                         text: t.string(range), fix: Fix(s.string(0..<s.text.count)),
                         details: [("details", .object([("source", .string(sv)), ("target", .string(tv)), ("sourceLine", .int(s.start.line))]))]))
        }
        // Cells a table keeps in English, changed.
        for (su, tu) in CodeMismatchRule.keptCellPairs(c, p) {
            let sv = makeString(su.text).trimmingCharacters(in: " \t"), tv = makeString(tu.text).trimmingCharacters(in: " \t")
            let range = 0..<tu.text.count
            emit(Finding(rule: id, severity: severity, file: c.document.path, span: tu.span(range),
                         message: c.messages.text("code-mismatch.cell", ["line": String(su.start.line), "source": sv, "target": tv]),
                         text: tu.string(range), fix: Fix(su.string(0..<su.text.count)),
                         details: [("details", .object([("source", .string(sv)), ("target", .string(tv)), ("sourceLine", .int(su.start.line))]))]))
        }
        // Comparison operators between the same operands, in running text.
        let numbersChecked = c.settings.severity(NumberMismatchRule()) != nil
        for pair in c.consistencyCache.pairs {
            let source = pair.source.flatMap { u in OperatorComparison.relations(p.source.units[u]).map { (unit: u, relation: $0) } }
            guard !source.isEmpty else { continue }
            let target = pair.target.flatMap { u in OperatorComparison.relations(c.document.units[u]).map { (unit: u, relation: $0) } }
            for (s, t) in OperatorComparison.changed(source: source, target: target) {
                let su = s.unit, tu = t.unit
                // A bound of a number in prose on both sides (`p < 0.05` → `p ≤ 0.05`) is
                // number-mismatch's to report: statistics, not code (this rule's when that one
                // is off).
                if numbersChecked, OperatorComparison.boundsProseNumber(p.source.units[su], s.relation),
                   OperatorComparison.boundsProseNumber(c.document.units[tu], t.relation) { continue }
                let sv = p.source.units[su].string(s.relation.range), tv = c.document.units[tu].string(t.relation.range)
                emit(c.mismatch(self, severity: severity, place: (tu, t.relation.range), key: "code-mismatch.operator", sourceUnit: su,
                                values: [:], source: sv, target: tv))
            }
        }
        // Code written without backticks (a path, a handle, a snake_case name), written otherwise.
        for pair in c.consistencyCache.pairs {
            let source = pair.source.flatMap { u in BareCode.words(p.source.units[u]).map { (unit: u, word: $0) } }
            guard !source.isEmpty else { continue }
            let target = pair.target.flatMap { u in BareCode.words(c.document.units[u]).map { (unit: u, word: $0) } }
            guard !target.isEmpty else { continue }
            var sourceCode = Set(source.map(\.word.text)), targetCode = Set(target.map(\.word.text))
            for u in pair.source { for s in p.source.units[u].inlineCode { sourceCode.insert(Array(s.code.unicodeScalars.map(\.value))) } }
            for u in pair.target { for s in c.document.units[u].inlineCode { targetCode.insert(Array(s.code.unicodeScalars.map(\.value))) } }
            for (s, t) in BareCode.changed(source: source, target: target, sourceCode: sourceCode, targetCode: targetCode) {
                let sv = makeString(s.word.text)
                emit(c.mismatch(self, severity: severity, place: (t.unit, t.word.range), key: "code-mismatch", sourceUnit: s.unit,
                                values: [:], source: sv, target: makeString(t.word.text), fix: Fix(sv)))
            }
            for (s, t) in BareCode.verbsChanged(source: source, target: target, sourceUnit: { p.source.units[$0] }, targetUnit: { c.document.units[$0] }) {
                let sv = p.source.units[s.unit].string(s.verb)
                emit(c.mismatch(self, severity: severity, place: (t.unit, t.verb), key: "code-mismatch", sourceUnit: s.unit,
                                values: [:], source: sv, target: c.document.units[t.unit].string(t.verb), fix: Fix(sv)))
            }
        }
        // Each line that differs: a second change in a block is no less a change. A block that
        // differs in more lines (another version of the example, blocks paired wrongly) is one
        // finding, at its first line, that counts the others.
        // (Each difference with the currency signs it swaps, if that is all it changes.)
        var blocks: [(s: Int, t: Int, differences: [(CodeComparison.Difference, swap: String?)])] = []
        for (s, t) in c.codeBlockPairs {
            let sb = p.source.codeBlocks[s], tb = c.document.codeBlocks[t]
            // (An import whose names stand in another order changes nothing.)
            let all = CodeComparison.differences(source: sb.literal, target: tb.literal).filter { d in
                guard let sl = d.source, let tl = d.target else { return true }
                return !CodeComparison.reorderedImport(sl, tl)
            }
            guard !all.isEmpty else { continue }
            // The same lines in another order (imports sorted by another tool's rule, the
            // source's newer order): no line of code changed, none is missing.
            if CodeComparison.sameLines(sb.literal, tb.literal) { continue }
            // Laid out otherwise by a formatter (parentheses around a wrapped expression, a
            // trailing comma): no code changed.
            if CodeComparison.reflowed(sb.literal, tb.literal) { continue }
            blocks.append((s, t, all.map { d in
                (d, d.source.flatMap { sl in d.target.flatMap { CodeMismatchRule.currencySwap(sl, $0) } })
            }))
        }
        // Lines whose amounts change one currency sign for another alike, the rest kept, three
        // times or more on the page (sample output made the reader's: `$245,670` → `¥245,670`):
        // one finding at the first, counting the others, as `number-mismatch` says it of prose.
        var swaps: [String: Int] = [:]
        for b in blocks { for case (_, let x?) in b.differences { swaps[x, default: 0] += 1 } }
        var swapReported = Set<String>()
        for (s, t, found) in blocks {
            let sb = p.source.codeBlocks[s], tb = c.document.codeBlocks[t]
            var all: [CodeComparison.Difference] = []
            var swapped: [(CodeComparison.Difference, String)] = []
            for (d, swap) in found {
                guard let x = swap, let n = swaps[x], n >= 3 else { all.append(d); continue }
                if swapReported.insert(x).inserted { swapped.append((d, x)) }
            }
            let more = all.count > CodeMismatchRule.separateLines ? all.count - 1 : 0
            let differences = ((more > 0 ? [all[0]] : all).map { ($0, String?.none) } + swapped.map { ($0.0, String?($0.1)) })
                .sorted { $0.0.targetLine < $1.0.targetLine }
            guard !differences.isEmpty else { continue }
            // Lines of the literal start on the line after the opening fence (fenced code).
            let fenced = c.document.source.lineCount >= tb.startLine && isFence(c.document, tb.startLine)
            let sourceFenced = isFence(p.source, sb.startLine)
            for (d, currency) in differences {
            let line = tb.startLine + (fenced ? 1 : 0) + d.targetLine
            let sourceLine = sb.startLine + (sourceFenced ? 1 : 0) + d.sourceLine
            guard line <= c.document.source.lineCount else { continue }
            let text = c.document.source.scalars(c.document.source.lineByteRange(line))
            var lo = 0, hi = text.count
            while lo < hi && (text[lo] == 0x20 || text[lo] == 0x09) { lo += 1 }
            while hi > lo && (text[hi - 1] == 0x20 || text[hi - 1] == 0x09) { hi -= 1 }
            if lo == hi { hi = min(text.count, lo + 1) }
            let span = Span(start: TextPosition(line: line, column: lo + 1), end: TextPosition(line: line, column: max(lo + 1, hi)))
            var key = (d.target == nil ? "code-mismatch.block-missing" : "code-mismatch.block") + (more > 0 ? "-more" : "")
            var level = severity
            var paths: [String: String] = [:]
            // The line differs only by a path of the source's that is nowhere in the repository,
            // where the translation writes one that is there: the source's slip, at info.
            if more == 0, currency == nil, let sl = d.source, let tl = d.target,
               let (sp, tp) = CodeMismatchRule.sourcePathMissing(sl, tl, source: p.source.source.path, target: c.document.source.path) {
                key = "code-mismatch.source-path"
                level = .info
                paths = ["sourcePath": sp, "targetPath": tp]
            }
            var values = ["line": String(sourceLine), "source": d.source ?? "", "target": d.target ?? "", "count": String(more)]
            if let x = currency {
                let signs = Array(x.unicodeScalars)
                key = "code-mismatch.currency"
                values["count"] = String((swaps[x] ?? 1) - 1)
                values["from"] = String(signs[0])
                values["to"] = String(signs[1])
            }
            let message = c.messages.text(key, values.merging(paths) { a, _ in a })
            emit(Finding(rule: id, severity: level, file: c.document.path, span: span, message: message,
                         text: makeString(text[lo..<max(lo, hi)]),
                         details: [("details", .object([("source", d.source.map { .string($0) } ?? .null),
                                                        ("target", d.target.map { .string($0) } ?? .null),
                                                        ("sourceLine", .int(sourceLine))]))]))
            }
        }
    }

    /// The most lines of a code block that differ reported one by one; past it, the block's
    /// first difference counts the others.
    static let separateLines = 3

    /// Table cells that hold only code (no units: ``Document/silentBlocks``) of rows the
    /// alignment paired, cell with the cell of the same column: a row is paired with another
    /// when every confident bead pairing a cell of one with a cell of the other (and none with a
    /// third row) says so, and the two rows have as many cells. A translation's cell of code
    /// spans joined by Chinese list punctuation (``isCodeList(_:)``: `` `a`、`b` ``) is a cell of
    /// code too. The translation read without its silent blocks has none.
    static func codeCellPairs(_ c: FileContext, _ p: Pairing) -> [(BitextMarkdown.Unit, BitextMarkdown.Unit)] {
        let source = p.source, target = c.document
        guard source.silentBlocks.contains(where: { if case .tableCell = $0.kind { return true }; return false })
        else { return [] }
        let rows = rowPairs(c, p)
        guard !rows.isEmpty else { return [] }
        // The source's code cells in paired rows, then the cells of the rows they pair with.
        var wanted: [(cell: Int, column: Int, target: Int)] = []
        for k in source.silentBlocks.indices {
            guard case .tableCell(_, let col) = source.silentBlocks[k].kind else { continue }
            let line = source.silentBlocks[k].start.line
            guard let lt = rows[line], source.silentBlocks[k].roles.contains(.code) else { continue }
            wanted.append((k, col, lt))
        }
        guard !wanted.isEmpty else { return [] }
        /// The last column of each row line of interest; the silent cells there by column.
        func widths(_ d: Document, _ lines: Set<Int>) -> [Int: Int] {
            var width: [Int: Int] = [:]
            for k in d.silentBlocks.indices {
                guard case .tableCell(_, let col) = d.silentBlocks[k].kind, lines.contains(d.silentBlocks[k].start.line) else { continue }
                width[d.silentBlocks[k].start.line] = max(width[d.silentBlocks[k].start.line] ?? 0, col)
            }
            for k in d.units.indices {
                guard case .tableCell(_, let col) = d.units[k].kind, lines.contains(d.units[k].start.line) else { continue }
                width[d.units[k].start.line] = max(width[d.units[k].start.line] ?? 0, col)
            }
            return width
        }
        let sourceLines = Set(wanted.map { source.silentBlocks[$0.cell].start.line }), targetLines = Set(wanted.map(\.target))
        let sw = widths(source, sourceLines), tw = widths(target, targetLines)
        var targetCells: [Int: [Int: BitextMarkdown.Unit]] = [:]
        for u in target.silentBlocks {
            guard case .tableCell(_, let col) = u.kind, targetLines.contains(u.start.line) else { continue }
            targetCells[u.start.line, default: [:]][col] = u
        }
        for u in target.units {
            guard case .tableCell(_, let col) = u.kind, targetLines.contains(u.start.line), isCodeList(u) else { continue }
            targetCells[u.start.line, default: [:]][col] = u
        }
        guard !targetCells.isEmpty else { return [] }
        // A target row whose code cells are all, two or more, those of another row of the
        // source's table renders that row, whatever the alignment paired it with (a row dropped
        // before it: `0x0F` is not `0x03` changed, and the missing row is missing-translation's).
        func codes(_ d: Document, _ line: Int) -> [Int: String] {
            var out: [Int: String] = [:]
            for u in d.silentBlocks where u.start.line == line {
                if case .tableCell(_, let col) = u.kind, !u.inlineCode.isEmpty { out[col] = u.inlineCode.map(\.code).joined(separator: " ") }
            }
            return out
        }
        func targetCodes(_ line: Int) -> [Int: String] {
            var out: [Int: String] = [:]
            for (col, u) in targetCells[line] ?? [:] where !u.inlineCode.isEmpty { out[col] = u.inlineCode.map(\.code).joined(separator: " ") }
            return out
        }
        var sourceRows: [Int: [Int: String]] = [:]
        for u in source.silentBlocks { if case .tableCell(let row, _) = u.kind, row > 0 { sourceRows[u.start.line] = [:] } }
        for u in source.units { if case .tableCell(let row, _) = u.kind, row > 0 { sourceRows[u.start.line] = [:] } }
        var rendersAnother: [Int: Bool] = [:]
        func renderedElsewhere(_ ls: Int, _ lt: Int) -> Bool {
            if let r = rendersAnother[lt] { return r }
            let tc = targetCodes(lt), own = codes(source, ls)
            let ownCount = tc.filter { own[$0.key] == $0.value }.count
            var found = false
            if tc.count >= 2 && ownCount < tc.count {
                // Rows of the same table: body lines without a gap.
                for dir in [-1, 1] {
                    var l = ls + dir
                    while !found, sourceRows[l] != nil {
                        let other = codes(source, l)
                        if tc.allSatisfy({ other[$0.key] == $0.value }) { found = true }
                        l += dir
                    }
                }
            }
            rendersAnother[lt] = found
            return found
        }
        var out: [(BitextMarkdown.Unit, BitextMarkdown.Unit)] = []
        for w in wanted {
            let su = source.silentBlocks[w.cell]
            guard sw[su.start.line] == tw[w.target], let t = targetCells[w.target]?[w.column] else { continue }
            if renderedElsewhere(su.start.line, w.target) { continue }
            out.append((su, t))
        }
        return out
    }

    /// Paragraphs (list items, quotes) that are only code spans in backticks (no units:
    /// ``Document/silentBlocks``, `` `make test` `` on its own), paired by place: between the
    /// same two aligned beads, as many on each side, of the same kind, in order. Their spans
    /// are compared as a cell of code's are.
    static func codeParagraphPairs(_ c: FileContext, _ p: Pairing) -> [(BitextMarkdown.Unit, BitextMarkdown.Unit)] {
        let source = p.source, target = c.document
        func codeParagraphs(_ d: Document) -> [BitextMarkdown.Unit] {
            d.silentBlocks.filter { u in
                if case .tableCell = u.kind { return false }
                if case .heading = u.kind { return false }
                // Code spans in backticks only: a grammar's notation (`→ Digit 0 through 9` in
                // a quote of grammar lines) is no span.
                var spans = 0, other = false
                u.roles.forEachRun(of: .code) { r in
                    if r.lowerBound > 0 && u.text[r.lowerBound - 1] == 0x60 { spans += 1 } else { other = true }
                }
                return spans > 0 && !other
            }
        }
        let ss = codeParagraphs(source)
        guard !ss.isEmpty else { return [] }
        let ts = codeParagraphs(target)
        guard !ts.isEmpty else { return [] }
        var out: [(BitextMarkdown.Unit, BitextMarkdown.Unit)] = []
        // A gap's paragraphs start after its low line, which only grows, and end before its
        // high line: walked by first line, those after the low line start at an index that only
        // moves on, and the gap's end at the first that starts at or past the high line. One
        // pass, not a filter of every paragraph for each bead. By first line is reading order
        // but for a footnote's, which cmark-gfm moves to the end: then a sorted copy of the
        // indices, and each gap's put back in the document's order, as the filter gave them.
        var sourceLow = 0, targetLow = 0
        struct Walk {
            let ps: [BitextMarkdown.Unit]
            let order: [Int]?
            var from = 0
            init(_ ps: [BitextMarkdown.Unit]) {
                self.ps = ps
                let sorted = zip(ps, ps.dropFirst()).allSatisfy { $0.start.line <= $1.start.line }
                order = sorted ? nil : ps.indices.sorted { (ps[$0].start.line, $0) < (ps[$1].start.line, $1) }
            }
            mutating func gap(_ low: Int, _ high: Int) -> [BitextMarkdown.Unit] {
                let n = ps.count
                @inline(__always) func at(_ k: Int) -> Int { order?[k] ?? k }
                while from < n && ps[at(from)].start.line <= low { from += 1 }
                var k = from, found: [Int] = []
                while k < n && ps[at(k)].start.line < high {
                    if ps[at(k)].end.line < high { found.append(at(k)) }
                    k += 1
                }
                if order != nil { found.sort() }
                return found.map { ps[$0] }
            }
        }
        var sourceWalk = Walk(ss), targetWalk = Walk(ts)
        func closeGap(_ sourceHigh: Int, _ targetHigh: Int) {
            let a = sourceWalk.gap(sourceLow, sourceHigh)
            guard !a.isEmpty else { return }
            let b = targetWalk.gap(targetLow, targetHigh)
            guard a.count == b.count, zip(a, b).allSatisfy({ $0.0.kind == $0.1.kind }) else { return }
            out += zip(a, b).map { ($0, $1) }
        }
        // Sections the translation moved (the beads in the source's order): a stretch of the
        // translation between two beads holds another bead there, or runs backwards. No gap
        // pairs across such a seam, and the walk starts again after it.
        let pairedLines = p.alignment.sectionsMoved ? ExtraBlockRule.pairedLines(c) : []
        for b in p.alignment.beads where !b.source.isEmpty && !b.target.isEmpty {
            let sl = b.source.map { source.lines(ofBlock: $0) }, tl = b.target.map { target.lines(ofBlock: $0) }
            let first = tl.map(\.lowerBound).min()!, last = tl.map(\.upperBound).max()!
            let seam = p.alignment.sectionsMoved && (first < targetLow || ExtraBlockRule.holdsLine(pairedLines, after: targetLow, before: first))
            if seam { targetWalk = Walk(ts) } else { closeGap(sl.map(\.lowerBound).min()!, first) }
            sourceLow = max(sourceLow, sl.map(\.upperBound).max()!)
            targetLow = seam ? last : max(targetLow, last)
        }
        if !(p.alignment.sectionsMoved && ExtraBlockRule.holdsLine(pairedLines, after: targetLow, before: Int.max)) {
            closeGap(Int.max, Int.max)
        }
        return out
    }

    /// Body rows of tables the alignment paired (source row line → target row line): every
    /// confident bead pairing a cell of one with a cell of the other (and none with a third row)
    /// says so.
    static func rowPairs(_ c: FileContext, _ p: Pairing) -> [Int: Int] {
        let source = p.source, target = c.document
        /// Row line → the other side's row line, or nil when cells of the row went to two rows.
        var forward: [Int: Int?] = [:], backward: [Int: Int?] = [:]
        for pair in c.consistencyCache.pairs where pair.source.count == 1 && pair.target.count == 1 {
            guard case .tableCell(let sr, _) = source.units[pair.source[0]].kind,
                  case .tableCell(let tr, _) = target.units[pair.target[0]].kind, sr > 0, tr > 0 else { continue }
            let ls = source.units[pair.source[0]].start.line, lt = target.units[pair.target[0]].start.line
            if let f = forward[ls] { if f != lt { forward[ls] = .some(nil) } } else { forward[ls] = lt }
            if let b = backward[lt] { if b != ls { backward[lt] = .some(nil) } } else { backward[lt] = ls }
        }
        var out: [Int: Int] = [:]
        for (ls, f) in forward { if let lt = f, backward[lt] == .some(ls) { out[ls] = lt } }
        return out
    }

    /// Cells of rows made of code alone (`` | `port` | `8080` | ``: nothing to translate, no unit,
    /// so the alignment pairs nothing there) changed in the translation, with the source's cell:
    /// a source row and a translation row of as many cells, every one of them code alone, whose
    /// first cells are the same and found in no other such row of either document (the key that
    /// names the row: `port`), compared column by column (`8080` → `8008`, `#1e40af` → `#1e4af0`).
    static func codeRowCells(_ c: FileContext, _ p: Pairing) -> [(BitextMarkdown.Unit, BitextMarkdown.Unit)] {
        // Cheap trigger: a source cell of code alone.
        guard p.source.silentBlocks.contains(where: { if case .tableCell = $0.kind { return true } else { return false } }) else { return [] }
        /// Rows of code alone: line → cells by column; nil for a line with a unit among its cells.
        func rows(_ d: Document) -> [Int: [Int: BitextMarkdown.Unit]] {
            var out: [Int: [Int: BitextMarkdown.Unit]] = [:]
            for b in d.silentBlocks {
                guard case .tableCell(let row, let col) = b.kind, row > 0, b.isCodeAlone else { continue }
                out[b.start.line, default: [:]][col] = b
            }
            for u in d.units { if case .tableCell = u.kind { out[u.start.line] = nil } }
            return out
        }
        let sr = rows(p.source)
        guard !sr.isEmpty else { return [] }
        let tr = rows(c.document)
        func code(_ u: BitextMarkdown.Unit) -> String {
            makeString(u.text.indices.filter { u.roles[$0] == .code }.map { u.text[$0] }).trimmingCharacters(in: " \t")
        }
        /// Rows by their first cell's code, for keys found in one row only.
        func byKey(_ r: [Int: [Int: BitextMarkdown.Unit]]) -> [String: Int] {
            var out: [String: Int?] = [:]
            for (line, cells) in r {
                guard let first = cells[0] else { continue }
                let k = code(first)
                out[k] = out[k] == nil ? .some(line) : .some(nil)
            }
            return out.compactMapValues { $0 }
        }
        let sk = byKey(sr), tk = byKey(tr)
        var out: [(BitextMarkdown.Unit, BitextMarkdown.Unit)] = []
        for (key, ls) in sk.sorted(by: { $0.value < $1.value }) {
            guard let lt = tk[key], let s = sr[ls], let t = tr[lt], s.count == t.count else { continue }
            for col in s.keys.sorted() where col > 0 {
                guard let a = s[col], let b = t[col], code(a) != code(b) else { continue }
                out.append((a, b))
            }
        }
        return out
    }

    /// Cells of words (units) that a table keeps in English, with the source's cell: no Han on
    /// either side, in rows the alignment paired, in a column whose other paired rows keep the
    /// source's cell exactly (two or more, twice as many as differ, none translated). Such a
    /// cell has no reason to differ from the source's (`number` → `string`, `north` → `south`).
    static func keptCellPairs(_ c: FileContext, _ p: Pairing) -> [(BitextMarkdown.Unit, BitextMarkdown.Unit)] {
        let source = p.source, target = c.document
        let rows = rowPairs(c, p)
        guard !rows.isEmpty else { return [] }
        func cells(_ d: Document, _ lines: Set<Int>) -> [Int: [Int: BitextMarkdown.Unit]] {
            var out: [Int: [Int: BitextMarkdown.Unit]] = [:]
            for u in d.units { if case .tableCell(_, let col) = u.kind, lines.contains(u.start.line) { out[u.start.line, default: [:]][col] = u } }
            for u in d.silentBlocks { if case .tableCell(_, let col) = u.kind, lines.contains(u.start.line) { out[u.start.line, default: [:]][col] = u } }
            return out
        }
        let sc = cells(source, Set(rows.keys)), tc = cells(target, Set(rows.values))
        func han(_ u: BitextMarkdown.Unit) -> Bool { u.text.contains(where: CodeComparison.isHanText) }
        // What the reader reads, spaces and case aside (`[string,string]` = `[string, string]`,
        // `object` = `Object`; a link's destination is link-mismatch's).
        func text(_ u: BitextMarkdown.Unit) -> String {
            makeString(u.text.indices.filter { u.roles[$0].isRead && u.text[$0] != 0x20 && u.text[$0] != 0x09 }.map { u.text[$0] }).lowercased()
        }
        /// Cells of a target row equal to those of a source row.
        func agreement(_ ls: Int, _ lt: Int) -> Int {
            guard let a = sc[ls], let b = tc[lt] else { return 0 }
            return a.filter { k, v in b[k].map { text($0) == text(v) } ?? false }.count
        }
        // A table: body rows of consecutive lines.
        var sorted = rows.keys.sorted()
        var out: [(BitextMarkdown.Unit, BitextMarkdown.Unit)] = []
        while !sorted.isEmpty {
            var table = [sorted.removeFirst()]
            while let n = sorted.first, n <= table.last! + 1 { table.append(sorted.removeFirst()) }
            guard table.count >= 3 else { continue }
            let columns = Set(table.flatMap { sc[$0]?.keys.map { $0 } ?? [] })
            for col in columns {
                var same = 0
                var differing: [(BitextMarkdown.Unit, BitextMarkdown.Unit)] = []
                var translated = false
                for ls in table {
                    guard let s = sc[ls]?[col], let t = tc[rows[ls]!]?[col], sc[ls]!.count == tc[rows[ls]!]!.count else { continue }
                    if han(t) || han(s) { translated = true; break }
                    if text(s) == text(t) { same += 1; continue }
                    // Numbers on both sides (`310.00` → `301.00`, `900 µs` → `900 ms`): number-mismatch's.
                    let digit = { (u: BitextMarkdown.Unit) in u.text.contains { $0 >= 0x30 && $0 <= 0x39 } }
                    if digit(s) && digit(t) { continue }
                    // A unit symbol rewritten with the row's number (`2000 | V` → `2 | kV`,
                    // `1000 | kHz` → `1 | MHz`): the same quantity, as number-mismatch reads it.
                    if CodeMismatchRule.sameQuantity(sc[ls]!, tc[rows[ls]!]!, unitColumn: col) { continue }
                    // Units only: numbers and code have rules of their own.
                    // A row that renders another row of the source better is a row moved or
                    // dropped, not a cell changed.
                    let own = agreement(ls, rows[ls]!)
                    if table.contains(where: { $0 != ls && agreement($0, rows[ls]!) > own }) { continue }
                    if source.units.contains(where: { $0.byteRange == s.byteRange }) && target.units.contains(where: { $0.byteRange == t.byteRange }) {
                        differing.append((s, t))
                    }
                }
                guard !translated, !differing.isEmpty, same >= 2, same >= 2 * differing.count else { continue }
                out += differing
            }
        }
        return out
    }

    /// Whether a source row and its translation write one quantity, the unit symbol in cell
    /// `col` with another prefix of the same base unit (``NumberMismatchRule/siScale(_:)``) and
    /// the number in another cell converted to it exactly (`1000 | kHz` → `1 | MHz`).
    static func sameQuantity(_ sourceRow: [Int: BitextMarkdown.Unit], _ targetRow: [Int: BitextMarkdown.Unit], unitColumn col: Int) -> Bool {
        func symbol(_ u: BitextMarkdown.Unit) -> String { u.string.trimmingCharacters(in: " \t") }
        guard let s = sourceRow[col], let t = targetRow[col], let x = NumberMismatchRule.siScale(symbol(s)),
              let y = NumberMismatchRule.siScale(symbol(t)), x.base == y.base, x.scale != y.scale else { return false }
        // A cell that is a number alone (thousands separators aside).
        func value(_ u: BitextMarkdown.Unit) -> Double? {
            Double(symbol(u).replacingOccurrences(of: ",", with: "").replacingOccurrences(of: " ", with: ""))
        }
        return sourceRow.contains { k, v in
            guard k != col, let w = targetRow[k], let p = value(v), let q = value(w) else { return false }
            let a = p * x.scale, b = q * y.scale
            return a == b || abs(a - b) <= max(abs(a), abs(b)) * 1e-9
        }
    }

    private func isFence(_ doc: Document, _ line: Int) -> Bool {
        guard line >= 1 && line <= doc.source.lineCount else { return false }
        let raw = doc.source.scalars(doc.source.lineByteRange(line))
        let t = raw.drop { $0 == 0x20 || $0 == 0x3E }
        return t.starts(with: [0x60, 0x60, 0x60]) || t.starts(with: [0x7E, 0x7E, 0x7E])
    }
}

extension CodeMismatchRule {
    /// The source's currency sign and the translation's (`$¥`) when a line of code differs from
    /// the source's only by one currency sign written as another (`| $245,670 |` → `| ¥245,670 |`;
    /// words of output translated beside it do not count, as elsewhere).
    static func currencySwap(_ sourceLine: String, _ targetLine: String) -> String? {
        func signs(_ s: String) -> [Unicode.Scalar] {
            var out: [Unicode.Scalar] = []
            for c in s.unicodeScalars where c.properties.generalCategory == .currencySymbol && !out.contains(c) { out.append(c) }
            return out
        }
        let a = signs(sourceLine), b = signs(targetLine)
        let onlySource = a.filter { !b.contains($0) }, onlyTarget = b.filter { !a.contains($0) }
        guard onlySource.count == 1, onlyTarget.count == 1 else { return nil }
        let x = String(onlySource[0]), y = String(onlyTarget[0])
        guard CodeComparison.sameCode(sourceLine.replacingOccurrences(of: x, with: y), targetLine) else { return nil }
        return x + y
    }

    /// The source's path and the translation's when a line of code differs from the source's
    /// only by one path (``LinkComparison/filePaths(in:)``), the source's in no folder of the
    /// repository above the source file and the translation's in one above the translation
    /// (`paddlex/configs/ocr.yaml` against `paddlex/configs/modules/ocr.yaml`).
    static func sourcePathMissing(_ sourceLine: String, _ targetLine: String, source: String, target: String) -> (String, String)? {
        let sp = LinkComparison.filePaths(in: sourceLine), tp = LinkComparison.filePaths(in: targetLine)
        let onlySource = sp.filter { !tp.contains($0) }, onlyTarget = tp.filter { !sp.contains($0) }
        guard onlySource.count == 1, onlyTarget.count == 1, let a = onlySource.first, let b = onlyTarget.first,
              CodeComparison.sameCode(sourceLine.replacingOccurrences(of: a, with: b), targetLine),
              LinkComparison.inRepository(a, from: source) == false,
              LinkComparison.inRepository(b, from: target) == true else { return nil }
        return (a, b)
    }
}
