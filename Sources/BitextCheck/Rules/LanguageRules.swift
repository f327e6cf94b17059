import BitextICU
import BitextMarkdown
import BitextText

/// What keeps English in a translation, in the words `bitext rules` prints for the language rules.
let keptEnglishEvidence = """
    English is kept, not reported, when it is a name (acronym, inner capitals or digits, a word the \
    document itself uses inside Chinese sentences, a keep-as-is glossary term or `keep:` word); \
    shaped like code (snake_case, dotted keys, kebab compounds with digits or three parts, options \
    such as --flag, paths, host:port, 'literals', true/false/null, type expressions with | => <T> \
    { a: T }); syntax (inline code, <code>/<kbd>/<var>/<samp>, math, admonition and tab lines, \
    container fences, MyST targets, DocC aside keywords, &lt;placeholders&gt;); a version's \
    pre-release tag (3.0.0-beta.1); a table column of keys, types, values or terms beside Chinese \
    cells; a table of values (no Chinese in its body under a translated header, or mostly \
    numbers, dates and code); short names under a header ending in a kind noun (命令、按钮…); a \
    column of one-sentence strings under a Chinese header that names what it holds (消息、原文…) \
    with a translated cell beside each (data such as the messages a program returns; with \
    the source, the rows of a column kept exactly as the source wrote it, two rows or more); \
    inline code elsewhere in the document; words a code \
    block of the document holds word for word (quoted output); alt text that \
    is a file slug; a short label of words the dictionary does not know as English (a coined \
    term such as Webhook); a table cell in Title Case opened by a brand's word, or in a column \
    that names one, in a row with a catalogue number (PureSpin Plasmid Miniprep Kit beside \
    HL-K350: a product's name); capitalised words in a table cell beside or under a label that names a \
    person (负责人、作者、维护者…: a person's or a team's name); a label heading a translation's own links name by its text; quoted, a \
    link's text, a parenthetical gloss (`中文（English，ABBR）` too), `中文 English (ABBR)`, \
    `English（中文）`, an acronym and its expansion (GRAPE（Graph Retrieval Encoder）), single words split by / (research / optimize / live), a few words wholly inside **…**, after a UI verb (点击、选择…) or before a \
    kind noun (按钮、菜单、错误…), up to six words after a verb of naming (称为、叫做…); a \
    program's message after a severity tag (ERROR: …); a reference-list entry (an author with \
    initials, then a year) or one link to a catalogue entry (CWE-22: …); a status code and its \
    reason phrase (429 Too Many Requests); a short line whose links all go to the page in the \
    source's language (Switch to [English](README_en.md)); \
    or inside a translator's note.
    """

/// The source of the rule examples of a data column (``DataColumns``).
private let dataColumnSource = "| Code | Message | Meaning |\n| --- | --- | --- |\n| 401 | The access token is not valid for this workspace | The token is wrong or was revoked. |\n| 403 | You have used every request your plan allows this month | No requests are left this month. |\n"

/// The stretch that decides about a whole unit (no Han), with its evidence, or nil.
func wholeUnitStretch(_ c: FileContext, _ k: Int) -> SourceStretch? {
    let a = c.analyses[k]
    guard !a.isNote, !a.hasHan, let s = a.stretches.first, s.isWholeUnit else { return nil }
    if s.words <= 8 && isLanguageSwitch(c.document.units[k]) { return nil }
    return s
}

/// A short line for the readers of the source's language, which stays in that language: every
/// link of the unit goes to a Markdown page of this site whose name carries a locale tag that
/// is not Chinese (``LinkComparison/delocalisedName(_:)``: `Switch to [English](./README_en.md)`;
/// `guide.en.md`, `index.en-US.md`).
func isLanguageSwitch(_ u: Unit) -> Bool {
    guard !u.links.isEmpty else { return false }
    return u.links.allSatisfy { l in
        guard !l.isImage, LinkComparison.kind(l.destination) == .relative else { return false }
        var path = Substring(l.destination)
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = path[..<cut] }
        let name = (path.split(separator: "/").last.map(String.init) ?? "").lowercased()
        return Inputs.isMarkdownName(name) && LinkComparison.delocalisedName(name) != name && !LinkComparison.isChinese(name)
    }
}

/// `untranslated`: a whole unit still in the source language: a sentence or phrase, not a name
/// or a short label.
public struct UntranslatedRule: Rule {
    public let id = "untranslated"
    public let defaultSeverity = Severity.warning
    public let summary = "A unit (heading, paragraph, list item, table cell…) still entirely in English prose: a sentence or phrase."
    public var evidence: String { keptEnglishEvidence }
    public var examples: [RuleExample] {
        [
            RuleExample("# 导言\n\n↓This paragraph was never translated into Chinese.\n"),
            RuleExample("## ↓The AI Landscape\n\n这一节已经翻译了。\n"),
            RuleExample("- 第一项\n- ↓the second item is still English\n"),
            // The body of an MkDocs admonition, indented under its marker, is Markdown, not code.
            RuleExample("!!! note \"注意\"\n    ↓The server must be running before you start the client.\n"),
            // A line for the readers of the source's language, linking its page in that language.
            RuleExample("# 快速开始\n\nSwitch to [English](./README_en.md)\n\n本项目提供一个命令行工具。\n"),
            RuleExample("# 快速开始\n\n↓Switch to [the old guide](./legacy.md)\n\n本项目提供一个命令行工具。\n"),
            RuleExample("# 导言\n\n我们使用 ChatGPT 和 GPU 训练模型。\n\n## ChatGPT\n"),
            RuleExample("## `useState`\n\n```js\nconst x = 1;\n```\n"),
            RuleExample("（译者注：this note is the translator's own.）\n"),
            RuleExample("| 参数 | 说明 | 类型 |\n| --- | --- | --- |\n| size | 按钮大小 | 'large' \\| 'small' |\n| onClick | 点击按钮时的回调 | (event) => void |\n| disabled | 是否禁用 | boolean |\n"),
            RuleExample("| 配置项 | 默认值 | 描述 |\n| --- | --- | --- |\n| server.http.port | 8080 | 服务端口 |\n| registry.zookeeper.connect-string | localhost:2181 | 注册中心地址 |\n"),
            RuleExample("| English | 中文 |\n| --- | --- |\n| binary tree | 二叉树 |\n| hash table | 哈希表 |\n"),
            RuleExample("进入项目页面。\n\n![create-project](img/create-project.png)\n"),
            RuleExample("!!! note \"提示\"\n\n    这里是提示内容。\n\n$$\n\\begin{aligned}\nf(x) & = x \\newline\n\\end{aligned}\n$$\n"),
            // After a heading that asks about an error: the quoted message stays English, the
            // explanation of two sentences is the answer, still untranslated.
            RuleExample("### 为什么在弹窗中调用表单时控制台会报错？\n\n> Warning: The form instance is not connected to any form. Did you forget to pass it?\n"),
            RuleExample("### 为什么开启虚拟滚动时会报错？\n\n↓The virtual table needs its ref to measure the rows. Wrap the body in forwardRef and pass the ref on.\n"),
            // Prompts quoted after a lead-in that says what follows (`提示词：`, `模板如下：`) are the
            // example itself, the turns after the first too; a quotation after a lead-in that
            // names nothing of the kind is still prose to translate.
            RuleExample("完整的模板如下：\n\n> You are a careful math tutor. Explain each step before giving the answer.\n\n> A train leaves at noon and travels for two hours. When does it arrive?\n"),
            RuleExample("下面这段话说明了原因：\n\n> ↓The cache is cleared whenever the server restarts, so the first request is slow.\n"),
            // A quotation over several blocks (a prompt with its list of requirements) is quoted
            // text; the same blocks without the quotation marks are English left untranslated.
            RuleExample("### 场景 A：编写策略\n\n\"Help me write a moving average strategy for the fund.\nRequirements:\n\n1.  Buy when the fast average crosses above the slow one.\n2.  Sell when it crosses below the slow one.\"\n\n以上提示词可以直接使用。\n"),
            RuleExample("### 场景 A：编写策略\n\n↓Help me write a moving average strategy for the fund.\nRequirements:\n\n1.  ↓Buy when the fast average crosses above the slow one.\n2.  ↓Sell when it crosses below the slow one.\n\n以上提示词可以直接使用。\n"),
            // A reference list keeps its entries as they were published; a sentence citing one
            // is prose.
            RuleExample("## 参考文献\n\n1. Lin, Q., & Zhao, M. (2021). Segmenting bilingual documents at scale. *Journal of Examples*, 3(2), 45–67.\n2. K. Ito and R. Sato. A survey of the alignment of sentences. 2019.\n\n↓Lin and Zhao (2021) showed that the alignment of sentences scales.\n"),
            // Authors by their surnames alone (`Wang et al.`, or two joined by `and` with the
            // entry's year before a full stop), then the title: an entry; `et al.` before a verb
            // or a year in parentheses is a sentence about the work.
            RuleExample("## 参考文献\n\n1. Moreau et al. Sentence Pairs at Scale: Aligning Two Languages. 2023. [[arxiv]](https://arxiv.org/abs/2301.00002)\n1. Okoye and Lind. \"Split or Join\": Segment Boundaries in Parallel Text. ACL 2024.\n1. ↓Moreau et al. showed in 2023 that the alignment of sentences scales.\n1. ↓Moreau et al. (2023) measured the alignment of sentences on two corpora.\n"),
            // One author by a full name, then the title, the year ending a sentence and a link
            // to the paper: an entry; the same name before a verb is a sentence about the work.
            RuleExample("## 参考文献\n\n1. Adaeze Obi. Pairing Pages Across Languages at Scale. EMNLP 2024. [[paper]](https://example.org/papers/2401)\n1. ↓Adaeze Obi showed in 2024 that pages pair across languages. [[paper]](https://example.org/papers/2401)\n1. ↓Adaeze Obi. Pairing pages across languages at scale, a study of 2024.\n1. World Health Organization. (2020). Guidelines for translated health pages.\n"),
            // The Vancouver style too (`Surname AB, Surname CD.`, `et al.`, one author with
            // `year;volume` or a `doi:`); a sentence naming its authors is still prose.
            RuleExample("## 参考文献\n\n1. Lin Q, Zhao M. Segmenting bilingual documents at scale. *J Ex Lang*. 2021;3(2):45–67.\n2. Ito K, Sato R, et al. A survey of the alignment of sentences. *Ex Rev*. 2019;12:101.\n3. Okafor A. Counting the words of a page. *Ex Lett*. 2020;8(4):1–9.\n\n↓Lin Q and Zhao M showed in 2021 that the alignment scales.\n\n↓Okafor A. wrote the first counter in 2020, and it is still in use.\n"),
            // GB/T 7714 writes the initials spaced (`Lin Q R, Zhao M, et al.`), after a `[1]` or
            // `[2]:` label.
            RuleExample("## 参考文献\n\n[1] Lin Q R, Zhao M, Ito K, et al. Segmenting bilingual documents at scale[J]. arXiv preprint arXiv:2101.00001, 2021.\n\n[2]: Ito K, Sato R. A survey of the alignment of sentences[J]. Ex Rev, 2019.\n\n↓Lin Q R and Zhao M showed in 2021 that the alignment of sentences scales.\n"),
            // A work cited by its title, one link to another site in Title Case (authors or a
            // label beside it), is kept as published; a link text of words to translate is not.
            RuleExample("## 参考资料\n\n- [Geometric Algebra for Engineers](https://example.org/books/ga) - Dorst & Mann\n- GA: [A New Foundation for Classical Mechanics](https://example.org/papers/ga)\n- ↓[Read the guide to installing the server](https://example.org/guide)\n"),
            // Upper-case keywords the page's code spans write (`FOR UPDATE`), function words
            // among them, head the section about them.
            RuleExample("# 方言\n\n## FOR UPDATE / FOR SHARE\n\nPostgreSQL 支持 `FOR UPDATE` 和 `FOR SHARE`。\n"),
            // A JSON object in a table cell is a value, not English prose.
            RuleExample("| 编号 | 偏好 |\n| --- | --- |\n| 17 | {\"subscription\": \"premium\", \"theme\": \"light\"} |\n| 18 | 使用默认的主题设置 |\n"),
            // A status code and its reason phrase is a name of the protocol.
            RuleExample("# 错误\n\n| 错误码 | HTTP 状态 |\n| --- | --- |\n| `email_taken` | 409 Conflict |\n| `rate_limited` | 429 Too Many Requests |\n"),
            // A table of values whose header names its column's messages: what the program
            // returns, sentences included (`messageNouns` of the locale) …
            RuleExample("| 错误码 | HTTP 状态 | 消息 |\n| --- | --- | --- |\n| `quota_exceeded` | 403 Forbidden | Your plan allows no more uploads this month. |\n| `file_too_large` | 413 Content Too Large | The file is larger than the limit of your plan. |\n"),
            // … but not when the column heads tips to translate.
            RuleExample("| 错误码 | 提示 |\n| --- | --- |\n| `quota_exceeded` | ↓Upgrade your plan or wait until the next month to upload again. |\n| `file_too_large` | ↓Split the file into parts that are smaller than the limit of your plan. |\n"),
            // A description column left in English under a header that names no kind of string
            // is forgotten, whatever the cells beside it.
            RuleExample("| 功能 | 说明 |\n| --- | --- |\n| 导出 | ↓Writes every selected row to a file on the disk you choose. |\n| 导入 | ↓Reads rows back from a file that an earlier export wrote. |\n"),
            // A cell that lists values (`On / Off`, a bare function word or a quantity per item) is
            // no sentence; a cell of words between two such marks still is.
            RuleExample("| 控件 | 取值 | 作用 |\n| --- | --- | --- |\n| Bypass | On / Off | 跳过全部处理 |\n| Filter | Off、80 Hz、160 Hz | 侧链的高通滤波 |\n| Threshold | -60 dB 至 0 dB | 开始压缩的电平 |\n| Knee | 0 dB 至 24 dB | 柔和过渡区的宽度 |\n"),
            RuleExample("| 控件 | 取值 | 作用 |\n| --- | --- | --- |\n| Bypass | On / Off | 跳过全部处理 |\n| Filter | ↓Off when the input is quiet | 侧链的高通滤波 |\n| Threshold | -60 dB 至 0 dB | 开始压缩的电平 |\n| Knee | 0 dB 至 24 dB | 柔和过渡区的宽度 |\n"),
            // A list item that is one link to a catalogue's entry keeps the entry's title.
            RuleExample("## 参考\n\n- [RFC 9999: Handling of Example Widgets in Transit](https://rfc.example.org/9999)\n"),
            // Output a code block holds word for word (its inline code with backticks there).
            RuleExample("# 错误\n\n编译时会看到下面的输出。\n\n```\nthe trait `Display` is not implemented for the type\n```\n\nthe trait `Display` is not implemented for the type\n"),
            // A heading of a sentence stays untranslated though a link names it by its text.
            RuleExample("# 导言\n\n## 安装\n\n## ↓Run the workflow from the command line\n\n运行方法见 [命令行](#run-the-workflow-from-the-command-line)。\n"),
            // A heading wholly in quotation marks after its section number is the message it
            // asks about; a numbered heading of words is still a sentence to translate.
            RuleExample("## 2. 运行\n\n### 2.1 “cannot open the shared object file”\n\n出现该报错时，请先设置环境变量。\n\n### ↓2.2 Run the tests again after the install\n"),
            // A paper cited by its title and then its arXiv or DOI address, after a comma; a
            // sentence that points at the paper is prose.
            RuleExample("## 参考文献\n\n- Aligning Bilingual Pages at Scale: A Study of Sentence Pairs, https://arxiv.org/abs/2101.00001\n- ↓See the paper at https://arxiv.org/abs/2101.00001 for the details of the method\n"),
            // A column of strings kept in every row, under a translated header, beside
            // translated cells, is data (the messages an API returns)…
            RuleExample("| 错误码 | 消息 | 说明 |\n| --- | --- | --- |\n| 401 | The access token is not valid for this workspace | 令牌有误或已被撤销。 |\n| 403 | You have used every request your plan allows this month | 本月的请求已用完。 |\n"),
            // …but a row left wholly in English leaves the whole column in doubt…
            RuleExample("| 错误码 | 消息 | 说明 |\n| --- | --- | --- |\n| 401 | ↓The access token is not valid for this workspace | 令牌有误或已被撤销。 |\n| 403 | ↓You have used every request your plan allows this month | 本月的请求已用完。 |\n| 404 | ↓The document you asked for does not exist here | ↓The id is wrong or the document was deleted. |\n"),
            // …unless the source shows the column kept as it was in the rows the translator did.
            RuleExample("| 错误码 | 消息 | 说明 |\n| --- | --- | --- |\n| 401 | The access token is not valid for this workspace | 令牌有误或已被撤销。 |\n| 403 | You have used every request your plan allows this month | 本月的请求已用完。 |\n| 404 | ↓The document you asked for does not exist here | ↓The id is wrong or the document was deleted. |\n",
                        source: dataColumnSource + "| 404 | The document you asked for does not exist here | The id is wrong or the document was deleted. |\n"),
        ]
    }

    public init() {}

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self) else { return }
        var extra: Set<Int>? = nil
        for (k, u) in c.document.units.enumerated() {
            guard UntranslatedRule.isUntranslated(c, k), let s = c.analyses[k].stretches.first else { continue }
            // English with no counterpart in the source: `extra-block` says so, once.
            if c.pairing != nil {
                if extra == nil { extra = ExtraBlockRule.reported(c) }
                if extra!.contains(k) { continue }
            }
            let kind = c.messages.text("kind.\(u.kind.name)")
            let f = c.finding(self, severity: severity, unit: k, range: 0..<u.text.count,
                              message: c.messages.text("untranslated", ["kind": kind]),
                              details: [("evidence", .string(s.evidence.rawValue))])
            // A short unit may be the project's convention: decided once every file is read.
            if c.deferred != nil, let key = ProjectEvidence.conventionKey(u, s) {
                c.deferred!.append(DeferredFinding(finding: f, conventionKey: key, stems: [], isLabel: false, words: s.words,
                                                   conventionMessage: c.messages.text("untranslated-label.convention", ["kind": kind])))
                continue
            }
            emit(f)
        }
    }

    /// True when unit `k` has no Chinese and reads as an English sentence or phrase (not a
    /// name, not a short label, not alt text).
    static func isUntranslated(_ c: FileContext, _ k: Int) -> Bool {
        guard let s = wholeUnitStretch(c, k) else { return false }
        // (Keywords the page's code writes, `## FOR UPDATE / FOR SHARE`, are no phrase, their
        // function words upper case as the code's are.)
        return s.isProse && !s.isLabel && !UntranslatedAltRule.isAltText(c, k) && !UntranslatedLabelRule.isKeywordOfPageCode(c, k)
    }
}

/// `untranslated-label`: a short English label (one to three ordinary words, no more than one
/// function word) left in a heading, cell or list item. Info by default; a warning when the
/// document translates most of its other labels (an English one is then an oversight, not the
/// document's convention).
public struct UntranslatedLabelRule: Rule {
    public let id = "untranslated-label"
    public let defaultSeverity = Severity.info
    public let summary = "A short English label (one to three words, no function word) left in a heading, cell or list item; a warning when the document translates most of its other labels."
    public var evidence: String { keptEnglishEvidence }
    public var examples: [RuleExample] {
        [
            RuleExample("# 导言\n\n## 安装\n\n## 配置\n\n## 使用\n\n## 部署\n\n## ↓Tools\n"),
            RuleExample("- 第一项\n- ↓Contributing\n"),
            // A package's name after its code (`key: value`), a function's signature: names.
            RuleExample("本项目启用以下规则集：\n\n- `E`：代码风格错误\n- `T20`: flake8-print\n\n#### stop_training(val_auc, weights)\n\n指标不再提升时停止训练。\n"),
            RuleExample("## ChatGPT\n\n我们使用 ChatGPT。\n"),
            // A list of names (the packages a project needs), some of them English words.
            RuleExample("## 安装\n\n### 依赖\n\n* Python 3.10+\n* TensorFlow 2.15+（按硬件选择 CPU 或 GPU 版本）\n* NumPy\n* Pandas\n* Matplotlib\n* Scikit-learn\n"),
            RuleExample("# 安装\n\n- 安装步骤\n- 配置说明\n- ↓Contributing\n- SciPy\n"),
            // The columns' keys of a query's result, one in snake_case: lowercase keys, no labels.
            RuleExample("查询结果：\n\n| product_id | name | description | price |\n| --- | --- | --- | --- |\n| 123 | 无线耳机 | 降噪耳机 | 199.99 |\n"),
            RuleExample("查询结果：\n\n| ID | ↓name | ↓description | ↓price |\n| --- | --- | --- | --- |\n| 123 | 无线耳机 | 降噪耳机 | 199.99 |\n"),
            // A keyword the page's code spans write as it is: what the section is about.
            RuleExample("# 方言\n\n## 占位符\n\n## 汇总\n\n## 引号\n\n## RETURNING\n\n写入后用 `RETURNING id` 取回新行的主键。\n"),
            RuleExample("# 方言\n\n## 占位符\n\n## 汇总\n\n## 引号\n\n## ↓RETURNING\n\n写入后取回新行的主键。\n"),
            // A word the dictionary does not know as English is a coined term, not a label.
            RuleExample("# 导言\n\n## 安装\n\n## 配置\n\n## 使用\n\n## 部署\n\n## Webhook\n"),
            RuleExample("| 参数 | 说明 |\n| --- | --- |\n| placement | 弹出位置 |\n| loading | 加载中 |\n"),
            // Links of the document name the heading by its English text: translating it would
            // break them, so it stays English on purpose.
            RuleExample("# 导言\n\n## 安装\n\n## 配置\n\n## 使用\n\n## 部署\n\n## Class Names\n\n各部分的类名见 [Class Names](#class-names)。\n"),
            // A MyST target names the heading after it for `{ref}` links: syntax, not a label.
            RuleExample("# 导言\n\n## 安装\n\n(expiry)=\n## 过期与淘汰\n\n见 {ref}`expiry`。\n"),
            // Tables of values: a body without Chinese under a translated header, a printed data
            // frame, version constraints, the names of commands under a header that says so.
            RuleExample("## 已弃用的名称\n\n| 旧名称 | 替代为 | 起始版本 |\n| --- | --- | --- |\n| mixer | telemetry v2 | 1.5 |\n| pilot | `harbord` | 1.7 |\n"),
            RuleExample("# 分组\n\n运行后输出：\n\n|   | date | region | units |\n| --- | --- | --- | --- |\n| 0 | 2024-01-03 | North | 4 |\n| 1 | 2024-01-04 | South | 2 |\n"),
            RuleExample("| 包 | 受影响版本 |\n| --- | --- |\n| widget | >= 3.0.0-beta.1, < 3.1.2 |\n| gadget | < 0.9.3 |\n"),
            RuleExample("| 命令 | 快捷键 |\n| --- | --- |\n| Quill: Format Document | `Shift+Alt+F` |\n| Quill: Show Logs | `Ctrl+Alt+L` |\n"),
            // A quantity is no label: numbers with unit symbols (`ms`, `min`, a rate such as
            // `rpm`) and signs of comparison or range; a count of things in English still is.
            RuleExample("| 指标 | 数值 |\n| --- | --- |\n| 延迟 | < 2.5 ms |\n| 抖动 | 10–20 ms |\n| 超时 | 5 min |\n| 转速 | 7200 rpm |\n| 巨型帧 | 9216 字节 |\n"),
            RuleExample("| 指标 | 数值 |\n| --- | --- |\n| 延迟 | < 2.5 ms |\n| 核心 | ↓8 cores |\n| 电源 | 双路冗余 |\n| 风扇 | 可热插拔 |\n"),
            // A model number among the words (`T4`, `6271C`) makes them a product's name.
            RuleExample("# 测试环境\n\n## 硬件\n\n## 软件\n\n## 结果\n\n- GPU：NVIDIA Tesla T4\n- CPU：Intel Xeon Gold 6271C\n"),
            RuleExample("# 测试环境\n\n## 硬件\n\n## 软件\n\n## 结果\n\n## ↓Large Memory\n\n## NVIDIA Tesla T4\n"),
            // A product's name beside its catalogue number, opened by a brand's word (`PureSpin`),
            // and a maker under a column that names a brand (`Helix Labs` under `NovaBio`); words
            // the dictionary knows from the first are a label.
            RuleExample("| 试剂 | 供应商 | 货号 |\n| --- | --- | --- |\n| 无核酸酶水 | NovaBio | NB-0100 |\n| 质粒提取 | 螺旋实验室 | HL-K300 |\n| PureSpin Plasmid Miniprep Kit | Helix Labs | HL-K350 |\n"),
            RuleExample("| 试剂 | 货号 |\n| --- | --- |\n| 无核酸酶水 | NB-0100 |\n| ↓Plasmid Miniprep Kit | HL-K350 |\n"),
            // A configuration's or model's name, one run joined by `-` or `_` with a digit in it,
            // is kept as written (in an HTML table too); a label of words is not.
            RuleExample("# 配置\n\n## 安装\n\n## 使用\n\n## 部署\n\n<table>\n<tr><td>OCR-nopp-max960-server</td><td>快速预设</td></tr>\n<tr><td>table_recognition_v2-default</td><td>默认配置</td></tr>\n<tr><td>↓Pipeline configuration</td><td>说明</td></tr>\n</table>\n"),
            // A header that names a measure by its abbreviation (`Top-1 Acc（%）`, `Mask AP`: a name
            // of capitals or digits, one ordinary word at most, not its head unless it is an
            // abbreviation) in a row that measures (a unit in brackets) is kept as the field
            // writes it; `GPU memory` (an ordinary head) and a row of words are labels.
            RuleExample("<table>\n<tr><th>模型</th><th>Top-1 Acc（%）</th><th>Mask AP</th><th>↓GPU memory</th><th>推理耗时（ms）</th></tr>\n<tr><td>tiny-net</td><td>71.2</td><td>40.1</td><td>8 GB</td><td>12</td></tr>\n</table>\n"),
            RuleExample("| 模型 | mAP（%） | Box AP | 大小（MB） |\n| --- | --- | --- | --- |\n| tiny-net | 40.1 | 38.2 | 12 |\n"),
            RuleExample("| 组件 | ↓Release API | ↓description |\n| --- | --- | --- |\n| 网关 | 支持 | 入口 |\n"),
            // A lowercase header beside a metric kept in snake_case, in a row that measures, is
            // a metric's key too; without the unit in brackets the row is words.
            RuleExample("<table>\n<tr><th>模型</th><th>precision</th><th>recall</th><th>f1_score</th><th>大小（MB）</th></tr>\n<tr><td>tiny-net</td><td>0.91</td><td>0.88</td><td>0.89</td><td>12</td></tr>\n</table>\n"),
            RuleExample("| 组件 | ↓status | max_retries |\n| --- | --- | --- |\n| 网关 | 正常 | 3 |\n"),
            // A value, not a label: one lowercase word alone in a body cell, a list item that is
            // a key and a colon over the keys it holds, a cell of an HTML table whose body has no
            // Chinese under a translated header; a Capitalised label is still one.
            RuleExample("| 参数 | 取值 |\n| --- | --- |\n| 模式 | 自动或手动 |\n| 精度 | 单精度 |\n| 设备 | auto |\n| 备注 | ↓Needs Review |\n"),
            RuleExample("数据集划分的参数如下：\n\n- split:\n- enable：是否重新划分数据集\n- ↓Web courses:\n"),
            RuleExample("<table>\n<tr><th>操作系统</th><th>处理器架构</th><th>Python 版本</th></tr>\n<tr><td>Linux</td><td>x86-64</td><td>3.8–3.12</td></tr>\n<tr><td>Windows</td><td>x86-64</td><td>3.10</td></tr>\n</table>\n"),
            RuleExample("<table>\n<tr><th>功能</th><th>状态</th></tr>\n<tr><td>导出</td><td>支持</td></tr>\n<tr><td>↓Batch Import</td><td>支持</td></tr>\n</table>\n"),
            // A word joined to a number by a hyphen is notation kept as written (`5-shot`, `8-bit`).
            RuleExample("| 基准 | 分数 | 设置 |\n| --- | --- | --- |\n| MMLU | 68.4 | 5-shot |\n| GSM8K | 52.1 | 8-bit |\n| HellaSwag | 80.1 | 0-shot |\n"),
            // Keys in `<kbd>` are code, also in an HTML table cell right after its `<td>`.
            RuleExample("<table>\n  <tr><td>复制</td><td><kbd>Ctrl</kbd>+<kbd>C</kbd></td></tr>\n  <tr><td>粘贴</td><td><kbd>Ctrl</kbd>+<kbd>V</kbd></td></tr>\n</table>\n"),
            // Capitalised words beside or under a label that names a person (负责人, 维护者) are a
            // name; a label beside another key is not.
            RuleExample("# 发布计划\n\n## 安装\n\n## 配置\n\n## 使用\n\n| 项目 | 内容 |\n| --- | --- |\n| **工程负责人** | Grace Hopper |\n| **目标** | 支持离线编辑 |\n| **状态** | 进行中 |\n| **备注** | ↓Needs Review |\n"),
            RuleExample("| 模块 | 维护者 |\n| --- | --- |\n| 解析器 | Grace Hopper |\n| 渲染器 | Platform Team |\n"),
            // A postal address kept so that post reaches it (a house number, a postcode, parts
            // of Capitalised words split by commas), and a cited title that is the possessive of
            // a name (`Beej's Guide`); a possessive of an ordinary word, a date and a UI label
            // are still labels.
            RuleExample("| 周 | 阅读 |\n| --- | --- |\n| 1 | 课堂讲义 |\n| 2 | Beej's Guide |\n| 3 | ↓User's Guide |\n| 4 | ↓Click Save |\n| 5 | ↓March 3, 2024 |\n| 6 | 4 Canal Street, Manchester M1 3HE, United Kingdom |\n| 7 | Havnegata 9, 0150 Oslo, Norway |\n"),
            // A heading in capitals among translated headings of its level (a man page's
            // sections) is a word left in English, not an acronym: a long word the dictionary
            // knows. Headings a translation keeps in capitals throughout, and an acronym, are names.
            RuleExample("# tidyup(1)\n\n## 选项\n\n`-n` 只列出将要删除的文件。\n\n## ↓CONFIGURATION\n\n配置文件位于 `~/.tidyup.toml`。\n\n## 作者\n\n由社区维护。\n"),
            RuleExample("# tidyup(1)\n\n## OPTIONS\n\n`-n` 只列出将要删除的文件。\n\n## CONFIGURATION\n\n配置文件位于 `~/.tidyup.toml`。\n\n## 作者\n\n由社区维护。\n"),
            RuleExample("# tidyup(1)\n\n## 选项\n\n`-n` 只列出将要删除的文件。\n\n## HTTPS\n\n默认只用 HTTPS 下载。\n\n## 作者\n\n由社区维护。\n"),
            // A `<summary>` that names the language of the code it folds (`language-python`, a
            // ```` ```python ```` fence) is the language's name; one that does not is a label.
            RuleExample("# 调用示例\n\n## 安装\n\n## 配置\n\n## 使用\n\n## 部署\n\n<details><summary>Python</summary>\n\n<pre><code class=\"language-python\">print(1)\n</code></pre>\n</details>\n\n<details><summary>Ruby</summary>\n\n```ruby\nputs 1\n```\n</details>\n"),
            RuleExample("# 调用示例\n\n## 安装\n\n## 配置\n\n## 使用\n\n## 部署\n\n<details><summary>↓Python</summary>\n\n```ruby\nputs 1\n```\n</details>\n"),
            // Sibling headings of which one is a name the page keeps (`Brannoc`, in its prose
            // too): a one-word heading never written in lowercase, here nor in the source, is
            // another name (a game's heroes); a word the source writes in lowercase is a label.
            RuleExample("# 平衡性调整\n\n## Brannoc\n\nBrannoc 的护甲降低。\n\n## Sable\n\n冷却时间延长一秒。\n\n## 物品\n\n护符价格下调。\n"),
            RuleExample("# 平衡性调整\n\n## Brannoc\n\nBrannoc 的护甲降低。\n\n## ↓Items\n\n所有物品都降价了。\n",
                        source: "# Balance changes\n\n## Brannoc\n\nBrannoc has less armour.\n\n## Items\n\nAll items cost less.\n"),
            // More translated siblings than names: the headings are labels, one kept name among them.
            RuleExample("# 工具\n\n## 安装\n\n## 配置\n\n## 使用\n\n## Webhook\n\n我们用 Webhook 通知。\n\n## ↓Tools\n\n工具的说明。\n"),
        ]
    }

    public init() {}

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let configured = c.settings.severity(self) else { return }
        var labels = c.document.units.indices.filter { UntranslatedLabelRule.isLabel(c, $0) }
        guard !labels.isEmpty else { return }
        // English with no counterpart in the source: `extra-block` says so, once.
        if c.pairing != nil {
            let extra = ExtraBlockRule.reported(c)
            labels.removeAll { extra.contains($0) }
            guard !labels.isEmpty else { return }
        }
        // A warning when the document translates at least four in five of its labels, unless
        // the severity is configured. Checked with other files, the project decides instead
        // (its labels, its conventions, the words its files keep: `ProjectEvidence.resolve`).
        var severity = configured
        if c.settings.severities[id] == nil && c.projectEvidence.translatesMostLabels {
            severity = .warning
        }
        for k in labels {
            let u = c.document.units[k]
            let kind = c.messages.text("kind.\(u.kind.name)")
            let s = c.analyses[k].stretches[0]
            let f = c.finding(self, severity: severity, unit: k, range: 0..<u.text.count,
                              message: c.messages.text("untranslated-label", ["kind": kind]),
                              details: [("evidence", .string("label")), ("words", .int(s.words))])
            // Checked with other files: the project decides (see `ProjectEvidence.resolve`).
            if c.deferred != nil {
                c.deferred!.append(DeferredFinding(finding: f, conventionKey: ProjectEvidence.conventionKey(u, s),
                                                   stems: ProjectEvidence.ordinaryStems(s), isLabel: true, words: s.words,
                                                   conventionMessage: c.messages.text("untranslated-label.convention", ["kind": kind])))
                continue
            }
            emit(f)
        }
    }

    /// True when unit `k` has no Chinese and is a short English label (not alt text).
    static func isLabel(_ c: FileContext, _ k: Int) -> Bool {
        guard let s = wholeUnitStretch(c, k) else { return false }
        return s.isProse && s.isLabel && !UntranslatedAltRule.isAltText(c, k) && !isNameAmongNames(c, k)
            && !isJoinedIdentifier(c.document.units[k]) && !isSignature(c.document.units[k]) && !isMeasureHeader(c, k, s) && !isValue(c, k, s)
            && !isKeywordOfPageCode(c, k)
    }

    /// Upper-case words only (capitals, digits and `_`), each of which the page writes as a
    /// word of its code spans, in upper case too (`## RETURNING` on a page whose spans write `RETURNING col INTO :var`):
    /// the keyword the section is about, as the code writes it, not a label left in English.
    static func isKeywordOfPageCode(_ c: FileContext, _ k: Int) -> Bool {
        let u = c.document.units[k]
        var words: [String] = [], word = String.UnicodeScalarView()
        func flush() { if word.count >= 2 { words.append(String(word)) }; word = String.UnicodeScalarView() }
        for (ch, r) in zip(u.text, u.roles) where r.isRead {
            if ch >= 0x61 && ch <= 0x7A { return false }  // a lowercase letter: a phrase
            if (ch >= 0x41 && ch <= 0x5A) || ch == 0x5F || (ch >= 0x30 && ch <= 0x39) { word.append(Unicode.Scalar(ch)!) } else {
                guard ch < 0x80 else { return false }
                flush()
            }
        }
        flush()
        guard !words.isEmpty else { return false }
        return words.allSatisfy(c.codeSpanWords.contains)
    }

    /// The words of a page's code spans: runs of letters, digits and `_`, as written.
    static func codeSpanWords(_ units: [Unit]) -> Set<String> {
        var out = Set<String>()
        func isWordByte(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || (b >= 0x30 && b <= 0x39) || b == 0x5F }
        for u in units {
            for span in u.inlineCode {
                let bytes = Array(span.code.utf8)
                var i = 0
                while i < bytes.count {
                    guard isWordByte(bytes[i]) else { i += 1; continue }
                    var e = i + 1
                    while e < bytes.count && isWordByte(bytes[e]) { e += 1 }
                    out.insert(String(decoding: bytes[i..<e], as: UTF8.self))
                    i = e
                }
            }
        }
        return out
    }

    /// One run of letters and digits joined by `-` or `_`, a digit in it, nothing else: the name
    /// of a configuration or a model (`OCR-nopp-max960-server`, `table_recognition_v2-default`),
    /// kept as written, not a label.
    /// So is the value of a `key: value` item after its code (`` `T20`: flake8-print ``).
    static func isJoinedIdentifier(_ u: Unit) -> Bool {
        let text = u.text.indices.filter { u.roles[$0] == .content }.map { u.text[$0] }
        let firstContent = u.roles.indices.first { u.roles[$0] == .content && u.text[$0] > 0x20 }
        let afterKey = firstContent.map { u.roles[..<$0].contains(.code) } ?? false
        guard let first = text.firstIndex(where: { $0 > 0x20 && !(afterKey && ($0 == 0x3A || $0 == 0xFF1A)) }),
              let last = text.lastIndex(where: { $0 > 0x20 }), first <= last else { return false }
        var digit = false, joiner = false
        for c in text[first...last] {
            if c >= 0x30 && c <= 0x39 { digit = true } else if c == 0x2D || c == 0x5F { joiner = true }
            else if !isASCIILetter(c) { return false }
        }
        return digit && joiner
    }

    /// A function's signature written without code marks (`#### stop_training(val_auc, weights)`,
    /// `train_model(config)`): a name with `_`, a `.` or an inner capital, right before `(`, and the
    /// unit ending at the matching `)`: an API's heading, not a label.
    static func isSignature(_ u: Unit) -> Bool {
        let t = u.text.indices.filter { u.roles[$0] != .markup }.map { u.text[$0] }
        guard let first = t.firstIndex(where: { $0 > 0x20 }), let last = t.lastIndex(where: { $0 > 0x20 }),
              t[last] == 0x29, let open = t[first...].firstIndex(of: 0x28), open > first else { return false }
        let name = t[first..<open]
        guard isASCIILetter(name.first!) || name.first! == 0x5F,
              name.allSatisfy({ isASCIILetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F || $0 == 0x2E }),
              name.contains(0x5F) || name.contains(0x2E) || name.dropFirst().contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return false }
        return !t[(open + 1)..<last].contains(0x28) && !t[(open + 1)..<last].contains(0x29)
    }

    /// A heading of one Capitalised word among sibling headings (same level, same parent), or a
    /// list item among the items at its depth of the run of list items it stands in, one of
    /// which is a name the document keeps, one word alone the dictionary does not know
    /// (`Brannoc`; `Hooks`, an ordinary word kept, is no such name), as many of them at least as
    /// the translated siblings, when the word is never written in lowercase,
    /// in the document nor in its source: the headings list names (a game's heroes, the
    /// products of a range), and this one is a name that happens to be an English word
    /// (`## Sable` beside `## Brannoc`). A label (`## Tools`) is written in lowercase in prose.
    static func isNameAmongNames(_ c: FileContext, _ k: Int) -> Bool {
        let units = c.document.units
        guard let s = c.analyses[k].stretches.first, s.tokens.count == 1, s.tokens[0].kind == .capitalized else { return false }
        // Siblings: headings of its level under the same parent, or the items of its list at
        // its depth (`* NumPy`, `* SciPy`, `* Pandas` under 环境要求).
        let level: Int
        let item: Bool
        switch units[k].kind {
        case .heading(let l): level = l; item = false
        case .listItem: level = units[k].listDepth; item = true
        default: return false
        }
        var names = 0, translated = 0
        func count(_ j: Int) {
            if c.analyses[j].hasHan { translated += 1 }
            if let t = c.analyses[j].stretches.first, !c.analyses[j].hasHan, t.isWholeUnit, !t.isProse,
               t.tokens.count == 1, t.tokens[0].kind == .capitalized, t.evidence == .keptWords || t.evidence == .coinedTerm,
               let dictionary = Lexicon.shared, dictionary.stem(t.tokens[0].stem) == nil {
                names += 1
            }
        }
        func sibling(_ j: Int) -> Bool {  // false: the parent's section (or the list) ends
            if item {
                guard case .listItem = units[j].kind, units[j].listDepth >= level else { return false }
                if units[j].listDepth == level { count(j) }
                return true
            }
            guard case .heading(let l) = units[j].kind else { return true }
            if l < level { return false }
            if l == level { count(j) }
            return true
        }
        var j = k - 1
        while j >= 0 && sibling(j) { j -= 1 }
        j = k + 1
        while j < units.count && sibling(j) { j += 1 }
        guard names > 0 && names >= translated else { return false }
        let word = s.tokens[0].text
        guard word.unicodeScalars.allSatisfy({ $0.value >= 0x61 && $0.value <= 0x7A }) else { return false }
        return !c.lowercaseWords.contains(word)
    }

    /// The words of some units' text written in lowercase: runs of Latin letters, a–z only,
    /// that open on the unit's own text (not markup or code).
    static func lowercaseWords(_ units: [Unit]) -> Set<String> {
        var out = Set<String>()
        for u in units {
            let t = u.text
            var i = 0
            while i < t.count {
                guard isLatinChar(t[i]) else { i += 1; continue }
                var e = i + 1
                while e < t.count && isLatinChar(t[e]) { e += 1 }
                if u.roles[i] == .content, t[i..<e].allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) {
                    out.insert(String(decoding: t[i..<e].map { UInt8($0) }, as: UTF8.self))
                }
                i = e
            }
        }
        return out
    }
}

/// `untranslated-alt`: image alt text that is an English sentence. File slugs and short labels
/// name the picture and are not reported.
public struct UntranslatedAltRule: Rule {
    public let id = "untranslated-alt"
    public let defaultSeverity = Severity.info
    public let summary = "Image alt text that is an English sentence (file slugs and short labels are names)."
    public var examples: [RuleExample] {
        [
            RuleExample("图中是整体架构。\n\n↓![A diagram of the scheduler and its workers](arch.png)\n"),
            RuleExample("图中是整体架构。\n\n![workflow-definition](img/workflow-definition.png)\n"),
            RuleExample("图中是整体架构。\n\n![整体架构图](arch.png)\n"),
            // A row of badges: each alt text is a label, whatever their words make together.
            RuleExample("一个轻量的站点生成器。\n\n[![Build Status](ci.svg)](ci) [![Latest Release](v.svg)](r) [![License: MIT](l.svg)](LICENSE)\n"),
        ]
    }

    public init() {}

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self) else { return }
        // A local array: its units are looked at in place, not copied one by one.
        let units = c.document.units
        // The unit's own stretch first: it answers for most units without copying the unit
        // into `isImageOnly`.
        for k in units.indices {
            guard let s = wholeUnitStretch(c, k), s.isProse, Segmenter.isImageOnly(units[k]) else { continue }
            emit(c.finding(self, severity: severity, unit: k, range: 0..<units[k].text.count,
                           message: c.messages.text("untranslated-alt"),
                           details: [("evidence", .string(s.evidence.rawValue))]))
        }
    }

    static func isAltText(_ c: FileContext, _ k: Int) -> Bool {
        Segmenter.isImageOnly(c.document.units[k])
    }
}

/// `mixed-language`: English prose inside a unit that is otherwise Chinese.
public struct MixedLanguageRule: Rule {
    public let id = "mixed-language"
    public let defaultSeverity = Severity.warning
    public let summary = "English prose inside a Chinese unit: a translation that stopped mid-paragraph, or a sentence left in English."
    public var evidence: String { keptEnglishEvidence }
    public var examples: [RuleExample] {
        [
            RuleExample("截至2024年6月，全世界都在讨论AI， ↓at a breakneck pace, demos circulate of robots powered by LLMs.\n"),
            RuleExample("第一句已经翻译了。↓The second sentence is still in English, as it was.\n"),
            RuleExample("我们使用巨型语言模型（LLM）和 Hugging Face 的 Transformers 库。\n"),
            // The message a program prints, after a verb of printing with its complement.
            RuleExample("如果终端打印出 Address already in use，请换一个端口。\n"),
            // A program's message with its severity tag, quoted inside the sentence.
            RuleExample("否则数据库会报告 ERROR: column reference \"id\" is ambiguous。\n"),
            // A number and a hyphen before a word is no version tag (`3.0.0-beta.1` is one).
            RuleExample("这是一个 2-↓step process that we never finished translating at all.\n"),
            // File extensions (`'.webm'`) are names of formats; the same words without their dots
            // are words left in English.
            RuleExample("支持 '.webm', '.ogv', '.flv' 格式的视频。\n"),
            RuleExample("支持 ↓webm, ogv and flv files 格式的视频。\n"),
            // Single words split by `/`: the values of a setting, named.
            RuleExample("如果要区分 research / optimize / live 三种场景，请使用配置接口。\n"),
            // Words that repeat a part of the unit's inline code name the objects it is about.
            RuleExample("* `loader_options`：传给 loader / data loader 的额外参数。\n"),
            RuleExample("* `loader_options`：传给 ↓the loader of the data set 的额外参数。\n"),
            RuleExample("这本书是各位在AI学习时的Roadmap，参见[Attention Is All You Need](https://arxiv.org/abs/1706.03762)。\n"),
            RuleExample("调用 `fetch(\"https://example.com/api/items\")` 获取数据，详见 https://example.com/docs/fetch-the-data 。\n"),
            RuleExample("作者称之为“the bitter lesson of the field”，并解释了原因。\n"),
            RuleExample("本书面向初学者。（译者注：the author says this is for anyone at all.）\n"),
            RuleExample("点击 **Create a New Project** 进入下一步。\n"),
            // A UI string ends where its markup ends, or before a clause joined to the label:
            // the clause after it is prose; a label with `and` or `as` in it stays one label.
            RuleExample("如果问题仍然存在，请打开 **Settings > Help** ↓and include the report ID in your message.\n"),
            RuleExample("如果问题仍然存在，请打开 Help ↓and include the report ID in your message.\n"),
            RuleExample("点击 Save and Close 保存，或选择 Run as administrator 重新启动。\n"),
            RuleExample("勾选 Allow edits and access to secrets by maintainers 选项。\n"),
            RuleExample("启动时报错：cannot find the main class of the job，请检查路径。\n"),
            // The compiler's output quoted from the code block above it.
            RuleExample("```\nerror: cannot borrow `counts` as mutable because it is also borrowed as immutable\n```\n\n关键的一行是 cannot borrow `counts` as mutable because it is also borrowed as immutable。\n"),
            // A message named by its kind noun, a determiner between (这样的、这条、的).
            RuleExample("如果看到 0/3 nodes are available: 3 Insufficient memory 这样的事件，请增加节点。\n"),
            RuleExample("返回 Permission denied for this resource 的错误时，请检查权限。\n"),
            RuleExample("注意力机制 attention mechanism for the model (AM) 是核心。\n"),
            // A gloss shares its parentheses with an abbreviation or Chinese; a clause does not
            // become a gloss by being in parentheses.
            RuleExample("服务质量类（Quality of Service class，QoS class）决定驱逐的顺序。\n"),
            // An acronym and its expansion, either way round, the expansion's words holding the
            // acronym's letters in order: a term defined; words that do not spell it are prose.
            RuleExample("GRAPE（Graph Retrieval Encoder）是一种图检索模型。\n"),
            RuleExample("Low-Rank Adaptation (LoRA) 只训练少量参数。\n"),
            RuleExample("↓the results that we collected last week (QPS) 还没有翻译。\n"),
            // A term named by a verb of naming is the term; a sentence after one is a sentence.
            RuleExample("这种做法通常称为 separation of concerns，是设计的基本原则。\n"),
            RuleExample("这个过程称为 ↓how we render the page on the server and send it on。\n"),
            RuleExample("该选项默认开启（注意，↓this can be changed later）。\n"),
            RuleExample("支持 mysql、postgresql、the h2 database、sqlite。\n"),
            RuleExample("执行 mvn -U clean package -Dmaven.test.skip=true 即可。\n"),
            // Bold marks a label or a term; a sentence in bold is still a sentence.
            RuleExample("如果服务正常，需要查看任务是否放到队列中，**↓check whether the server puts the task in the queue, and look for it in the log.**\n"),
            // Bilingual: a sentence still the source's, too short or too much made of labels
            // for the test above; a quoted sentence and one of names only stay.
            RuleExample("↓Pick **Fast**, **Fair** or **Fine**. 游戏首次启动时会自动选择一个。\n",
                        source: "Pick **Fast**, **Fair** or **Fine**. The game picks one on first launch.\n"),
            // Bilingual: a label the source sets off (bold, quotation marks, code), kept word for
            // word without its markup, is the label (the lost markup is `markup-mismatch`'s);
            // without the source it is words left in English.
            RuleExample("维护者使用 Squash and merge 方式合并。\n", source: "Maintainers merge with **Squash and merge**.\n"),
            RuleExample("维护者使用 ↓Squash and merge 方式合并。\n"),
            RuleExample("\"Ship it or skip it.\" 这是团队的座右铭。\n", source: "\"Ship it or skip it.\" That is the team's motto.\n"),
            RuleExample("Hello World. 这个程序打印一句问候。\n", source: "Hello World. This program prints a greeting.\n"),
            // No function word, but lowercase words in a list split by commas: a sentence; a
            // name with short lowercase particles is none.
            RuleExample("正式运输名称：乙醇溶液。↓Class 3, packing group II.\n",
                        source: "Proper shipping name: ETHANOL SOLUTION. Class 3, packing group II.\n"),
            RuleExample("Ludwig van Beethoven. 他写了九部交响曲。\n", source: "Ludwig van Beethoven. He wrote nine symphonies.\n"),
            RuleExample("[Read the guide to the API](https://example.com/api). 本页只介绍安装。\n",
                        source: "[Read the guide to the API](https://example.com/api). This page covers setup only.\n"),
        ]
    }

    public init() {}

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self) else { return }
        // Units and analyses looked at in place: copying each one (its arrays retained and
        // released) costs more than the test.
        let units = c.document.units, analyses = c.analyses
        // Bilingual: the source units of each translated unit, built when a stretch is reported.
        var sourceUnits: [Int: [Int]]? = nil
        for k in analyses.indices where analyses[k].hasHan && !analyses[k].isNote && analyses[k].stretches.contains(where: \.isProse) {
            let u = units[k], a = analyses[k]
            for s in a.stretches where s.isProse {
                // (Up to eight words, as bold marks a label: a longer run is a sentence.)
                if let p = c.pairing, s.words <= 8 {
                    if sourceUnits == nil { sourceUnits = p.sourceUnits(of: c.document) }
                    if MixedLanguageRule.isMarkedInSource(s.range, u, (sourceUnits![k] ?? []).map { p.source.units[$0] }, c.settings) { continue }
                }
                if MixedLanguageRule.namesCodeParts(s, u) { continue }
                let atEnd = !(s.range.upperBound..<u.text.count).contains { u.roles[$0] == .content && isHanChar(u.text[$0]) }
                let key = atEnd ? "mixed-language.end" : "mixed-language.inside"
                emit(c.finding(self, severity: severity, unit: k, range: s.range,
                               message: c.messages.text(key, ["words": String(s.words)]),
                               details: [("words", .int(s.words)), ("evidence", .string(s.evidence.rawValue))]))
            }
        }
        for s in CopiedSentences.find(c) {
            emit(c.finding(self, severity: severity, unit: s.unit, range: s.range,
                           message: c.messages.text("mixed-language.copied", ["line": String(s.sourceLine)]),
                           details: [("evidence", .string("same-as-source"))]))
        }
    }
}

extension MixedLanguageRule {
    /// A few words without a function word, one of which repeats a part of an identifier in
    /// the unit's inline code (`loader / data loader` beside `` `loader_options` ``):
    /// the names of the objects the code is about, kept as the library calls them.
    static func namesCodeParts(_ s: SourceStretch, _ u: Unit) -> Bool {
        guard s.words <= 4, s.functionWords == 0, u.roles.contains(.code) else { return false }
        var parts = Set<String>()
        u.roles.forEachRun(of: .code) { run in
            var word = String.UnicodeScalarView()
            var previousLower = false
            func flush() { if word.count >= 3 { parts.insert(String(word)) }; word = String.UnicodeScalarView() }
            for i in run {
                let c = u.text[i]
                let upper = c >= 0x41 && c <= 0x5A, lower = c >= 0x61 && c <= 0x7A
                guard upper || lower else { flush(); previousLower = false; continue }
                if upper && previousLower { flush() }
                if let x = Unicode.Scalar(upper ? c | 0x20 : c) { word.append(x) }
                previousLower = lower
            }
            flush()
        }
        return s.tokens.contains { ($0.kind == .lowercase || $0.kind == .capitalized) && parts.contains($0.text) }
    }

    /// Whether the English at `r` (its trailing punctuation left out) is, character for
    /// character, a span the aligned source sets off as a label: in bold or italics, in
    /// quotation marks, or as inline code (`**Squash and merge**` kept as `使用 Squash and
    /// merge 方式合并`). The label is kept as the screen shows it; the lost markup is
    /// `markup-mismatch`'s. (Link text is a title to translate, not a label.)
    static func isMarkedInSource(_ r: Range<Int>, _ u: Unit, _ sources: [Unit], _ settings: Settings) -> Bool {
        guard !sources.isEmpty else { return false }
        var hi = r.upperBound
        while hi > r.lowerBound && !isLatinChar(u.text[hi - 1]) && !isASCIIDigit(u.text[hi - 1]) { hi -= 1 }
        guard hi > r.lowerBound else { return false }
        let label = Array(u.text[r.lowerBound..<hi])
        let quotes = settings.target.quotes + settings.source.quotes
        for su in sources where su.text.count >= label.count {
            if GlossaryMissingRule.wholeWords(label, in: su, where: { i in
                let m = GlossaryMissingRule.marking(su.text, su.roles, i, i + label.count, quotes: quotes)
                return m == .emphasis || m == .quoted
            }) { return true }
            // Inline code: the whole span, its characters all code.
            let t = su.text, n = label.count
            var i = 0
            while i + n <= t.count {
                defer { i += 1 }
                guard t[i] == label[0], su.roles[i] == .code, t[i..<(i + n)].elementsEqual(label),
                      su.roles[i..<(i + n)].allSatisfy({ $0 == .code }) else { continue }
                if (i == 0 || su.roles[i - 1] != .code) && (i + n == t.count || su.roles[i + n] != .code) { return true }
            }
        }
        return false
    }
}

func isHanChar(_ c: UInt32) -> Bool {
    c >= 0x2E80 && Characters.script(c) == .han
}

func isLatinChar(_ c: UInt32) -> Bool {
    c < 0x80 ? ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) : Characters.script(c) == .latin
}

func isASCIIDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }
@inline(__always) func isASCIILetter(_ c: UInt32) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
