import BitextMarkdown
import BitextText

/// `kept-text-mismatch`: English the translation keeps from the source — a person's name, a cited
/// title, a product's name — written otherwise than the source writes it. Names and titles are
/// copied, not translated, so a kept run is compared with the aligned source unit (confident beads
/// only, as the consistency rules do) and a near miss is reported:
///
/// - one word a small edit away from a name of the source that the translation no longer has
///   (`Haruto Saeki` kept as `Haruto Saiki`): both capitalised, the same first letter, one edit
///   (two from eight letters on), no digit (numbers are `number-mismatch`'s); the source's word a
///   name — inner capitals, capitals only, or capitalised and unknown to the dictionary;
/// - a word changed inside a Title Case run of three words or more (`Neural Methods for Software
///   Engineering` kept as `Neural Methods in Software Engineering`): every other word in place,
///   the source's word absent from the translation's unit; in a name of two capitalised words, a
///   word misspelt (`Ember Path` kept as `Ember Pass`: the same first letter, two edits at most);
/// - a name with inner capitals written in other letter case (`QuickBooks` → `Quickbooks`), the
///   translation's form not written anywhere in the source, and not in capitals throughout;
/// - a model's name kept without its variant word (`Aster 14 Pro` kept as `Aster 14`): see
///   `shortenedModels`;
/// - a word in capitals, an option's value or a mode, changed into another (`MID` kept as
///   `HIGH`): see `changedCapitals`;
/// - a name rendered into Chinese with a piece of it kept (`OpenSSH` as `开放 SSH`, `SHA-256` as
///   `安全散列 256`, `RFC 3339` as `征求意见稿 3339`): see `renderedNames`;
/// - a compound name the translation keeps elsewhere, rendered whole (`DolphinScheduler` as
///   `海豚调度系统`), and, kept in two other units, a name of two words joined (`Stormgate` as
///   `风暴门`) or of several capitalised words (`Harbor Point Ltd` as `海港角有限公司`): see
///   `translatedNames`.
///
/// A word of a kept name or value replaced by another word is a warning (the rest are info):
/// `MSc Data Science` kept as `MSc Data Analytics`, `NASDAQ: KSYS` as `NYSE: KSYS` (see
/// `substitutions`), `LOW, MID, HIGH … the default is MID` as `… 默认为 HIGH` (see `changedValue`).
///
/// Silent: a word the source unit has (any case, plural or possessive), the source document's own
/// spelling (a word in capitals, such as a man page's `PATTERN`, only by a word in capitals: a
/// lowercase `patterns` elsewhere is prose, not its spelling), a name written shorter (`VS Code`), text in code spans (`code-mismatch`), words the
/// translation adds (a gloss of its own: its source word is lowercase, no name), runs reported as
/// untranslated, and table cells without Chinese (`code-mismatch` compares a kept column's cells).
public struct KeptTextRule: Rule {
    public let id = "kept-text-mismatch"
    public let defaultSeverity = Severity.info
    public let summary = "Bilingual: English the translation keeps from the source (a name, a cited title, a product's name) written otherwise than the source writes it: one word a small edit away, a word changed inside a title, a name's letter case changed, a value in capitals changed into another (MID kept as HIGH), a word of a kept name replaced by another word (a warning: MSc Data Science kept as MSc Data Analytics), a name rendered into Chinese with a piece of it kept (开放 SSH for OpenSSH), or whole where the translation keeps it elsewhere (海豚调度系统 for DolphinScheduler); a cell translated in a column the translation otherwise keeps as the source wrote it."
    public let isBilingual = true
    public var examples: [RuleExample] {
        [
            // A name misspelt in a gloss.
            RuleExample("“这个结果出乎意料，”东京大学的小松真理（Mari ↓Komatzu）教授说。\n",
                        source: "\"The result was unexpected,\" said Prof. Mari Komatsu of the University of Tokyo.\n"),
            // A word changed inside a cited title kept in English.
            RuleExample("Brandt 在其著作 *Practical Methods ↓in Data Cleaning* 中介绍了这种做法。\n",
                        source: "Brandt describes this practice in his book *Practical Methods for Data Cleaning*.\n"),
            // A model's first word rendered, its number and variant kept; a chapter and its number
            // rendered whole are no name.
            RuleExample("紫菀 ↓14 Pro 重 1.24 kg。\n", source: "The Aster 14 Pro weighs 1.24 kg.\n"),
            RuleExample("请先阅读第 3 章 Basics。\n", source: "Read Chapter 3 Basics first.\n"),
            // Its inflection too, in a title of three words set off in emphasis; two words set off
            // are as often a term whose plural Chinese drops.
            RuleExample("请看 *The Lantern ↓Boat*，馆内最古老的画作。\n", source: "See *The Lantern Boats*, the oldest painting here.\n"),
            RuleExample("*Web Component* 标准是现代浏览器实现的一组功能。\n", source: "The *Web Components* standard is a set of features of modern browsers.\n"),
            // A name of two dictionary words kept with one misspelt, or replaced by another word
            // (a warning); a plural: silent.
            RuleExample("- **Ember ↓Pass**（余烬之路）：本回合再放置一块板块。\n",
                        source: "- **Ember Path**: Place a second tile this turn.\n"),
            RuleExample("- **Ember ↓Road**（余烬之路）：本回合再放置一块板块。\n- **Ember Paths**：再放置两块板块。\n",
                        source: "- **Ember Path**: Place a second tile this turn.\n- **Ember Path**: Place two more tiles.\n"),
            // A product name's letter case changed.
            RuleExample("导入前请先在 ↓Tallybook 中导出账单。\n",
                        source: "Export the invoices from TallyBook before you import them.\n"),
            // A value in capitals kept and changed into another; kept as written, or a plural
            // dropped (`GPUs` → `GPU`, beside a name rendered): silent.
            RuleExample("默认档位为 ↓HIGH（94 °C）。\n", source: "The default setting is MID (94 °C).\n"),
            RuleExample("默认档位为 MID（94 °C）。\n", source: "The default setting is MID (94 °C).\n"),
            RuleExample("支持英伟达 GPU。\n", source: "It supports NVIDIA GPUs.\n"),
            // The same, kept as the source writes it: silent.
            RuleExample("导入前请先在 TallyBook 中导出账单。\n",
                        source: "Export the invoices from TallyBook before you import them.\n"),
            // A plural or possessive written otherwise, a name written shorter: silent.
            RuleExample("这两个 API 都来自 Merrow 的团队，可以在 VS Code 中调用。\n",
                        source: "Both APIs come from Merrow's team and can be called from Visual Studio Code.\n"),
            // A gloss the translation adds of its own (the source's words are no name): silent.
            RuleExample("该方法使用词元化器（Tokeniser）切分文本。\n",
                        source: "The method splits the text with a tokenizer.\n"),
            // Code is code-mismatch's.
            RuleExample("调用 `loadSettngs()` 读取配置。\n",
                        source: "Call `loadSettings()` to read the configuration.\n"),
            // The source document writes the other spelling too: its own spelling, silent.
            RuleExample("## 安装\n\n先安装 Tallybook。\n",
                        source: "## Install Tallybook\n\nInstall TallyBook first.\n"),
            // A function's name in capitals, one letter short: no plural (that ends in lowercase).
            RuleExample("## ↓COUNTIF：统计满足多个条件的单元格\n",
                        source: "## COUNTIFS: count the cells that meet several conditions\n"),
            // A man page's placeholder in capitals kept with a letter more: the source's
            // lowercase `patterns` elsewhere is prose, no spelling of it …
            RuleExample("`--exclude PATTERN`\n: 跳过与 glob 模式 *↓PATTERNS* 匹配的路径。\n\n`/etc/syncdir/excludes`\n: 系统范围的排除模式，每行一个。\n",
                        source: "`--exclude PATTERN`\n: Skip paths matching the glob *PATTERN*.\n\n`/etc/syncdir/excludes`\n: System-wide exclude patterns, one per line.\n"),
            // … while the source's own `PATTERNS` in capitals is.
            RuleExample("`--exclude PATTERN`\n: 跳过与 glob 模式 *PATTERNS* 匹配的路径。\n\n`--include PATTERNS`\n: 只复制匹配 *PATTERNS* 的路径。\n",
                        source: "`--exclude PATTERN`\n: Skip paths matching the glob *PATTERN*.\n\n`--include PATTERNS`\n: Copy only the paths matching *PATTERNS*.\n"),
            // A possessive, and a run that leaves the title at its end where the source has the
            // word elsewhere: silent.
            RuleExample("这是 JavaScript 的一个特性。grafana HTTP API 的地址写在这里。\n",
                        source: "This is a feature of JavaScript's syntax. The HTTP API address of grafana goes here.\n"),
            // A name rendered into Chinese, a piece of it kept: inner capitals, letters joined to
            // digits, a catalogue id.
            RuleExample("密钥必须采用开放 ↓SSH 格式。\n", source: "The key must be in OpenSSH format.\n"),
            // A unit's names all rendered, none kept (a menu's options written as the Chinese
            // interface shows them): the translation's choice; one rendered among names kept, a slip.
            RuleExample("期望值可以是固定值、日均值、周均值或最近7天均值。\n", source: "The expected value can be FixValue, DailyAvg, WeeklyAvg or Last7DayAvg.\n"),
            RuleExample("期望值可以是 FixValue、DailyAvg、WeeklyAvg 或最近↓7天均值。\n", source: "The expected value can be FixValue, DailyAvg, WeeklyAvg or Last7DayAvg.\n"),
            RuleExample("按安全散列 ↓256 校验和比较文件。\n", source: "Compare files by SHA-256 checksum.\n"),
            RuleExample("过期时间采用征求意见稿 ↓3339 格式。\n", source: "The expiry time is in RFC 3339 format.\n"),
            // A brand with a Chinese name, an acronym rendered, a chapter and a version number: no
            // name's shape (or one letter dropped), silent.
            RuleExample("这台思科交换机的接口见第 3 章，升级到第 2 版后可用。\n",
                        source: "The API of the Cisco switch is described in Chapter 3 and is available after you upgrade to v2.\n"),
            // A compound name the translation keeps elsewhere, rendered whole here (its words
            // translated); left out instead, or a single word rendered as a term: silent.
            RuleExample("DataGrid 显示这些行。\n\n↓数据网格按列对行排序。\n",
                        source: "DataGrid shows the rows.\n\nThe DataGrid sorts the rows by column.\n"),
            RuleExample("DataGrid 显示这些行。\n\n按列对行排序。\n\nForm 收集输入，表单在提交时校验。\n",
                        source: "DataGrid shows the rows.\n\nThe DataGrid sorts the rows by column.\n\nForm collects the input, and the Form validates on submit.\n"),
            // A name of two words joined, and a name of several words, kept in two other units
            // and rendered here: reported; left out (a pronoun, `本应用`), or kept only once
            // elsewhere: silent.
            RuleExample("Stormgate 会备份你的笔记。\n\nStormgate 可在所有手机上运行。\n\n↓风暴门绝不读取你的笔记。\n",
                        source: "Stormgate backs up your notes.\n\nStormgate runs on every phone.\n\nStormgate never reads your notes.\n"),
            RuleExample("Stormgate 会备份你的笔记。\n\nStormgate 可在所有手机上运行。\n\n本应用绝不读取你的笔记。\n",
                        source: "Stormgate backs up your notes.\n\nStormgate runs on every phone.\n\nStormgate never reads your notes.\n"),
            RuleExample("Stormgate 会备份你的笔记。\n\n风暴门绝不读取你的笔记。\n",
                        source: "Stormgate backs up your notes.\n\nStormgate never reads your notes.\n"),
            // By the translation's own usage: a word of two words joined, kept in two other units and
            // capitalised in the source, is a name mid-sentence too; kept only as a gloss after its rendering
            // (a term), or rendered in as many units as kept (a heading, a plural): silent.
            RuleExample("你可以用 Quillproxy 备份笔记。\n\nQuillproxy 可在所有手机上运行。\n\n↓羽毛代理绝不读取你的笔记。\n",
                        source: "You can back up notes with Quillproxy.\n\nQuillproxy runs on every phone.\n\nThe app Quillproxy never reads your notes.\n"),
            // A lowercase compound kept in places and rendered in others is a term: silent.
            RuleExample("runtime 会加载模型。\n\n选择 runtime 后端。\n\n运行时绝不修改模型。\n",
                        source: "The runtime loads the model.\n\nChoose the runtime backend.\n\nThe runtime never changes the model.\n"),
            RuleExample("Stormgate 是一款策略游戏。\n\nStormgate 可在 Windows 上运行。\n\n↓你可以在 Steam 上购买风暴门。\n",
                        source: "Stormgate is a strategy game.\n\nStormgate runs on Windows.\n\nYou can buy Stormgate on Steam.\n"),
            RuleExample("把结果记忆（quillproxy）起来。\n\n可以记忆（quillproxy）这个值。\n\n羽毛代理绝不读取你的笔记。\n",
                        source: "Cache the result with quillproxy.\n\nYou can quillproxy this value.\n\nquillproxy never reads your notes.\n"),
            RuleExample("## 羽毛代理\n\n使用 quillproxy 备份。\n\n运行多个羽毛代理。\n\nquillproxy 可在所有手机上运行。\n\n羽毛代理绝不读取你的笔记。\n",
                        source: "## Quillproxy\n\nBack up with quillproxy.\n\nRun several quillproxies.\n\nquillproxy runs on every phone.\n\nquillproxy never reads your notes.\n"),
            RuleExample("Harbor Point Ltd 托管本服务。\n\n你每月向 Harbor Point Ltd 付款。\n\n↓海港角有限公司会应要求删除这些文件。\n",
                        source: "Harbor Point Ltd hosts the service.\n\nYou pay Harbor Point Ltd each month.\n\nHarbor Point Ltd deletes the files on request.\n"),
            RuleExample("Harbor Point Ltd 托管本服务。\n\n你每月向 Harbor Point Ltd 付款。\n\n该公司会应要求删除这些文件。\n",
                        source: "Harbor Point Ltd hosts the service.\n\nYou pay Harbor Point Ltd each month.\n\nHarbor Point Ltd deletes the files on request.\n"),
            // A model's name kept without its variant word; the word kept or rendered elsewhere in
            // the unit, or the name kept whole beside the shorter one: silent.
            RuleExample("可以先选择 ↓Aster 14。\n", source: "Start with the Aster 14 Pro.\n"),
            RuleExample("Aster 14 比 Aster 14 Pro 轻。\n", source: "The Aster 14 is lighter than the Aster 14 Pro.\n"),
            RuleExample("请参阅 Nova 3 的使用指南。Windows 11 专业版也支持。\n", source: "See the Nova 3 Guide. Windows 11 Pro supports it too.\n"),
            // An acronym with an index rendered (no catalogue's number): silent.
            RuleExample("该进程默认运行在处理器 0 上。\n", source: "The process runs on CPU 0 by default.\n"),
            // A column of button labels the translation keeps in English, one of them translated.
            RuleExample("| 操作 | 按钮 |\n| --- | --- |\n| 保存草稿 | Save draft |\n| 放弃修改 | ↓丢弃 |\n| 发布文章 | Publish now |\n",
                        source: "| Action | Button |\n| --- | --- |\n| Save a draft | Save draft |\n| Drop the changes | Discard |\n| Publish the post | Publish now |\n"),
            // A column of example prompts, one of them rendered for the reader: sentences, silent.
            RuleExample("| 技巧 | 提示词示例 |\n| --- | --- |\n| 角色 | You are a patient tutor. |\n| 示例 | 参照上面的例子。 |\n| 步骤 | Work through it one step at a time. |\n",
                        source: "| Technique | Example prompt |\n| --- | --- |\n| Role | You are a patient tutor. |\n| Examples | Follow the examples above. |\n| Steps | Work through it one step at a time. |\n"),
            // A column of types that keeps `string` in one row and translates it in another.
            RuleExample("| 键 | 类型 | 说明 |\n| --- | --- | --- |\n| `replicas` | int | 要运行的副本数 |\n| `image.tag` | string | 要拉取的镜像标签 |\n| `service.type` | ↓字符串 | 服务的类型 |\n| `debug` | bool | 是否输出调试日志 |\n| `name` | string | 发布的名称 |\n",
                        source: "| Key | Type | Description |\n| --- | --- | --- |\n| `replicas` | int | Number of replicas to run |\n| `image.tag` | string | Image tag to pull |\n| `service.type` | string | Type of the service |\n| `debug` | bool | Whether to log debug output |\n| `name` | string | Name of the release |\n"),
            // A column of terms translated where the translation has a rendering, kept where not: silent.
            RuleExample("| 术语 | 说明 |\n| --- | --- |\n| Pod | 最小的部署单元 |\n| 命名空间 | 资源的分组 |\n| Ingress | 外部访问的入口 |\n",
                        source: "| Term | Meaning |\n| --- | --- |\n| Pod | The smallest unit you deploy |\n| Namespace | A group of resources |\n| Ingress | The entry point for outside traffic |\n"),
        ]
    }
    public init() {}

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self), let p = c.pairing else { return }
        let doc = c.document
        // A kept name altered (one word replaced by another) is a warning unless configured.
        let altered = c.settings.severities[id] == nil ? Severity.warning : severity
        var sourceSpellings: Spellings? = nil
        for pair in c.consistencyCache.pairs {
            // Only units that keep English (a stretch that is no prose) have anything to compare.
            let kept = pair.target.filter { k in
                let a = c.analyses[k]
                guard a.latinLetters > 0, !a.isNote else { return false }
                if case .tableCell = doc.units[k].kind, !a.hasHan { return false }
                return a.stretches.contains { !$0.isProse && !$0.inNote && !$0.tokens.isEmpty }
            }
            guard !kept.isEmpty else { continue }
            var source: [KeptTextRule.Token] = []
            for s in pair.source {
                var w = KeptTextRule.tokens(p.source.units[s], in: 0..<p.source.units[s].text.count)
                if !w.isEmpty { w[0].breakBefore = true }
                for j in w.indices { w[j].unit = s }
                source += w
            }
            guard !source.isEmpty else { continue }
            let sourceExact = Set(source.map(\.text)), sourceKeys = Set(source.map(\.key))
            // Keys the source writes in capitals (`PATTERN`, `APIs`): what an all-caps word may match.
            var sourceCapsKeys: Set<String>? = nil
            var swapped: (Int, Token, Token)?? = nil
            for k in kept {
                let unit = doc.units[k]
                let all = KeptTextRule.tokens(unit, in: 0..<unit.text.count)
                let targetExact = Set(all.map(\.text)), targetKeys = Set(all.map(\.key))
                var reported: Set<Int> = []
                func report(_ t: Token, _ s: Token, _ key: String, severity: Severity = severity) {
                    guard reported.insert(t.range.lowerBound).inserted else { return }
                    emit(c.mismatch(self, severity: severity, place: (k, t.range), key: key, sourceUnit: s.unit,
                                    values: [:], source: s.text, target: t.text,
                                    sourceLine: p.source.units[s.unit].position(at: s.range.lowerBound).line))
                }
                for stretch in c.analyses[k].stretches where !stretch.isProse && !stretch.inNote && !stretch.tokens.isEmpty {
                    let run = KeptTextRule.tokens(unit, in: stretch.range)
                    guard !run.isEmpty else { continue }
                    // A word of a kept name replaced by another the source never writes so: a warning.
                    for (t, s) in KeptTextRule.substitutions(run, source, targetKeys, sourceKeys, sourceExact, unit, p.source) {
                        if sourceSpellings == nil { sourceSpellings = Spellings(p.source) }
                        if KeptTextRule.isAllCaps(t.text) ? sourceSpellings!.capsKeys.contains(t.key) : sourceSpellings!.exact.contains(t.text) { continue }
                        report(t, s, "kept-text-mismatch", severity: altered)
                    }
                    // Words one by one: a name's case, a name misspelt.
                    // (The source document's own spellings are read only for a candidate: rare.)
                    for t in run where !sourceExact.contains(t.text) {
                        if let s = KeptTextRule.caseChanged(t, source, targetExact) {
                            if sourceSpellings == nil { sourceSpellings = Spellings(p.source) }
                            if !sourceSpellings!.exact.contains(t.text) { report(t, s, "kept-text-mismatch.case") }
                            continue
                        }
                        // An all-caps word (a man page's metavariable `PATTERN`) is matched by a
                        // word in capitals only: the source's lowercase `patterns` is prose.
                        let caps = KeptTextRule.isAllCaps(t.text)
                        if caps && sourceCapsKeys == nil { sourceCapsKeys = Set(source.filter { KeptTextRule.isCapitalised($0.text) }.map(\.key)) }
                        guard !(caps ? sourceCapsKeys! : sourceKeys).contains(t.key),
                              let s = KeptTextRule.misspelt(t, source, targetKeys) else { continue }
                        if sourceSpellings == nil { sourceSpellings = Spellings(p.source) }
                        if !(caps ? sourceSpellings!.capsKeys : sourceSpellings!.keys).contains(t.key) { report(t, s, "kept-text-mismatch") }
                    }
                    // A word changed inside a title.
                    for (t, s) in KeptTextRule.titleChanges(run, source, targetKeys, sourceKeys, emphasised: { KeptTextRule.emphasised(unit, $0) }) {
                        report(t, s, "kept-text-mismatch")
                    }
                }
                // The values in capitals of the bead kept in the source's order but one, changed
                // (`LOW, MID, HIGH … the default is MID` kept as `… 默认为 HIGH`): a warning.
                if swapped == nil {
                    swapped = KeptTextRule.changedValue(pair.target.map { (doc.units[$0], $0) }, source, sourceKeys, p.source) { key in
                        if sourceSpellings == nil { sourceSpellings = Spellings(p.source) }
                        return sourceSpellings!.keys.contains(key)
                    }
                }
                if let (u, t, s) = swapped!, u == k { report(t, s, "kept-text-mismatch", severity: altered) }
                // A value in capitals kept and changed into another (`MID` kept as `HIGH`).
                if let (t, s) = KeptTextRule.changedCapitals(all, source, sourceKeys, targetKeys: {
                    Set(pair.target.flatMap { KeptTextRule.tokens(doc.units[$0], in: 0..<doc.units[$0].text.count).map(\.key) })
                }) {
                    if sourceSpellings == nil { sourceSpellings = Spellings(p.source) }
                    if !sourceSpellings!.keys.contains(t.key) { report(t, s, "kept-text-mismatch") }
                }
                // A model's name kept without its variant word (`Aster 14 Pro` kept as `Aster 14`).
                for (t, s) in KeptTextRule.shortenedModels(unit, all, source, p.source, targetKeys, c.toolkit.segmenter.target.functionWords) {
                    report(t, s, "kept-text-mismatch")
                }
            }
        }
        // A name the translation rendered into Chinese, a piece of it kept (`开放 SSH` for `OpenSSH`).
        for (k, s, at, name, range, shown) in KeptTextRule.renderedNames(c, p) + KeptTextRule.renderedModelNames(c, p) {
            emit(c.mismatch(self, severity: severity, place: (k, range), key: "kept-text-mismatch.rendered",
                            sourceUnit: s, values: [:], source: name, target: shown, sourceLine: p.source.units[s].position(at: at).line))
        }
        // A name kept elsewhere, translated whole here (at info: a translation may render a name once).
        for (k, s, at, name) in KeptTextRule.translatedNames(c, p) {
            let tu = doc.units[k]
            emit(c.mismatch(self, severity: severity, place: (k, 0..<tu.text.count), key: "kept-text-mismatch.translated",
                            sourceUnit: s, values: [:], source: name, target: nil, sourceLine: p.source.units[s].position(at: at).line))
        }
        // A column the translation keeps in English with a cell translated.
        for (s, t, kept) in KeptTextRule.translatedKeptCells(c, p) {
            let su = p.source.units[s], tu = doc.units[t]
            emit(c.mismatch(self, severity: severity, place: (t, 0..<tu.text.count), key: "kept-text-mismatch.cell",
                            sourceUnit: s, values: ["count": String(kept)], source: su.string(0..<su.text.count),
                            target: tu.string(0..<tu.text.count), sourceLine: su.start.line))
        }
    }

    // MARK: a name rendered into Chinese

    /// The pieces of a source word shaped as a name Chinese keeps as it is: inner capitals after a
    /// lowercase letter (`OpenSSH`: `Open`, `SSH`; `iPhone`), letters joined to digits (`SHA-256`:
    /// `SHA`, `256`), or a catalogue id — a word in capitals the dictionary does not know, a space
    /// and a number of three digits or more (`RFC 3339`). Nil for any other word (a capitalised word and a number, such as
    /// `Chapter 3` or `July 9`, is one Chinese renders: 第 3 章, 7 月 9 日).
    static func nameParts(_ words: [Token], _ i: Int, _ unit: Unit) -> (name: String, parts: [[UInt32]], catalogue: Bool)? {
        let w = Array(words[i].bare.unicodeScalars.map(\.value))
        guard let first = w.first, isLetter(first) else { return nil }
        var innerCapital = false, digit = false
        for j in w.indices {
            if isASCIIDigit(w[j]) { digit = true }
            if j > 0, isUpper(w[j]), isLetter(w[j - 1]), !isUpper(w[j - 1]) { innerCapital = true }
        }
        if innerCapital || digit {
            // Pieces: digit runs, letter runs broken where a capital follows a lowercase letter
            // or starts a capitalised run after capitals (`XMLHttp`: `XML`, `Http`).
            var parts: [[UInt32]] = [], cur: [UInt32] = []
            for j in w.indices {
                let ch = w[j]
                let dotInNumber = ch == 0x2E && cur.last.map(isASCIIDigit) == true && j + 1 < w.count && isASCIIDigit(w[j + 1])
                guard isWordChar(ch) || dotInNumber else {
                    if !cur.isEmpty { parts.append(cur); cur = [] }
                    continue
                }
                if let last = cur.last, !dotInNumber, last != 0x2E {
                    if isASCIIDigit(ch) != isASCIIDigit(last) || (isUpper(ch) && isLetter(last) && !isUpper(last)) {
                        parts.append(cur); cur = []
                    } else if isLetter(ch) && !isUpper(ch) && cur.count >= 3 && cur.allSatisfy(isUpper) {
                        parts.append(Array(cur.dropLast())); cur = [last]
                    }
                }
                cur.append(ch)
            }
            if !cur.isEmpty { parts.append(cur) }
            guard parts.count >= 2 else { return nil }
            return (words[i].text.hasSuffix("'s") ? String(words[i].bare) : words[i].text, parts, false)
        }
        // A catalogue id: capitals only, then one space and a number.
        guard i + 1 < words.count, isAllCaps(words[i].text), !words[i].text.contains(where: { $0 == "-" || $0 == "." || $0 == "'" }) else { return nil }
        let n = words[i + 1]
        let nv = Array(n.text.unicodeScalars.map(\.value))
        // Three digits or more: a catalogue's number (`RFC 3339`, `IEEE 754`), not an index or a
        // version (`CPU 0` is 处理器 0, `HDMI 2.1` may be rendered so too).
        guard nv.count >= 3, nv.allSatisfy(isASCIIDigit), n.range.lowerBound == words[i].range.upperBound + 1,
              [0x20, 0xA0].contains(unit.text[words[i].range.upperBound]) else { return nil }
        if let lexicon = Lexicon.shared, lexicon.stem(Stemmer.stem(words[i].key)) != nil { return nil }
        return (words[i].text + " " + n.text, [w, nv], true)
    }

    /// Where `part` stands as a word of its own (no letter or digit touching it) in `t`'s prose.
    static func occurrences(of part: [UInt32], in t: [UInt32], _ roles: [Role], ignoringCase: Bool) -> [Range<Int>] {
        guard !part.isEmpty, t.count >= part.count else { return [] }
        func fold(_ c: UInt32) -> UInt32 { ignoringCase && c >= 0x41 && c <= 0x5A ? c + 0x20 : c }
        let p = part.map(fold)
        var out: [Range<Int>] = []
        for i in 0...(t.count - p.count) where fold(t[i]) == p[0] && roles[i] == .content {
            guard (1..<p.count).allSatisfy({ fold(t[i + $0]) == p[$0] }) else { continue }
            if i > 0 && isWordChar(t[i - 1]) { continue }
            if i + p.count < t.count && isWordChar(t[i + p.count]) { continue }
            out.append(i..<(i + p.count))
        }
        return out
    }

    /// A name of the source (`nameParts`) that the aligned unit renders into Chinese (reported at
    /// the piece kept): a piece of
    /// it kept as a word of its own, with Chinese written where the other pieces were (`开放 SSH`
    /// for `OpenSSH`, `安全散列 256` for `SHA-256`, `征求意见稿 3339` for `RFC 3339`); the other pieces,
    /// one of them two letters or more, absent from the unit; the name written nowhere in the
    /// translation (in any case, spaces and hyphens aside) and, for a catalogue id, its word in
    /// capitals nowhere either. A brand with an official Chinese name is a plain word (Cisco, 思科),
    /// an acronym alone is often rendered (API, 接口): neither has the shape, neither is read.
    static func renderedNames(_ c: FileContext, _ p: Pairing) -> [(target: Int, source: Int, sourceAt: Int, name: String, range: Range<Int>, shown: String)] {
        var out: [(target: Int, source: Int, sourceAt: Int, name: String, range: Range<Int>, shown: String)] = []
        // The translation's Latin letters and digits, all run together and word by word (read
        // only for a candidate: rare).
        var spelled: (joined: String, words: Set<String>)? = nil
        for pair in c.consistencyCache.pairs {
            let targets = pair.target.filter { c.analyses[$0].hasHan }
            guard !targets.isEmpty else { continue }
            for s in pair.source {
                let su = p.source.units[s]
                // A cheap trigger: a capital after a lowercase letter, a digit after a letter, or
                // two capitals, a space and a digit.
                var trigger = false
                let st = su.text
                for j in 1..<max(1, st.count) where su.roles[j] == .content {
                    let a = st[j - 1], b = st[j]
                    if (isUpper(b) && isLetter(a) && !isUpper(a)) || (isASCIIDigit(b) && (isLetter(a) || ((a == 0x2D || a == 0x2E) && j >= 2 && isLetter(st[j - 2]))))
                        || (isASCIIDigit(b) && a == 0x20 && j >= 3 && isUpper(st[j - 2]) && isUpper(st[j - 3])) { trigger = true; break }
                }
                guard trigger else { continue }
                let words = tokens(su, in: 0..<st.count)
                // Three names or more, none of them kept: the translation renders this unit's
                // names as labels of its own (the options of a menu, `Last7DayAvg` → 最近7天均值
                // beside `DailyAvg` → 日均值), by choice, not a slip.
                let names = words.indices.compactMap { nameParts(words, $0, su)?.name }
                if names.count >= 3, !names.contains(where: { n in
                    let v = n.unicodeScalars.map(\.value)
                    return targets.contains { !occurrences(of: v, in: c.document.units[$0].text, c.document.units[$0].roles, ignoringCase: true).isEmpty }
                }) { continue }
                for i in words.indices {
                    guard let (name, parts, catalogue) = nameParts(words, i, su) else { continue }
                    for k in targets {
                        let tu = c.document.units[k]
                        var found: (Range<Int>, Int)? = nil
                        part: for (pi, part) in parts.enumerated() where part.count >= 2 || part.allSatisfy(isASCIIDigit) {
                            for r in occurrences(of: part, in: tu.text, tu.roles, ignoringCase: false) {
                                func hanBeside(_ from: Int, _ step: Int) -> Int? {
                                    var j = from
                                    while j >= 0 && j < tu.text.count && (tu.text[j] == 0x20 || tu.text[j] == 0xA0) { j += step }
                                    return j >= 0 && j < tu.text.count && tu.roles[j] == .content && isHanIdeograph(tu.text[j]) ? j : nil
                                }
                                if pi > 0, hanBeside(r.lowerBound - 1, -1) == nil { continue }
                                if pi < parts.count - 1, hanBeside(r.upperBound, 1) == nil { continue }
                                found = (r, pi)
                                break part
                            }
                        }
                        guard let (r, kept) = found else { continue }
                        let dropped = parts.indices.filter { $0 != kept }.map { parts[$0] }
                        guard dropped.contains(where: { $0.count >= 2 && $0.allSatisfy(isLetter) }),
                              dropped.allSatisfy({ occurrences(of: $0, in: tu.text, tu.roles, ignoringCase: true).isEmpty }) else { continue }
                        // Written anywhere in the translation: kept there, silent.
                        if spelled == nil {
                            var joined: [UInt8] = [], words = Set<String>(), word: [UInt8] = []
                            for b in c.document.source.bytes {
                                let l = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
                                if (l >= 0x61 && l <= 0x7A) || (l >= 0x30 && l <= 0x39) { joined.append(l); word.append(l); continue }
                                if !word.isEmpty { words.insert(String(decoding: word, as: UTF8.self)); word = [] }
                            }
                            if !word.isEmpty { words.insert(String(decoding: word, as: UTF8.self)) }
                            spelled = (String(decoding: joined, as: UTF8.self), words)
                        }
                        let key = String(name.lowercased().unicodeScalars.filter { isWordChar($0.value) }.map(Character.init))
                        if spelled!.joined.contains(key) { continue }
                        if catalogue, spelled!.words.contains(makeString(parts[0]).lowercased()) { continue }
                        out.append((k, s, words[i].range.lowerBound, name, r, tu.string(r)))
                    }
                }
            }
        }
        return out
    }

    /// A model's name of the source (a capitalised word, a number and a variant word in Title
    /// Case, one space apart: `Aster 14 Pro`) whose first word the aligned unit renders into
    /// Chinese while it keeps the number and the variant (`紫菀 14 Pro`): the word nowhere in the
    /// unit, in any case (kept elsewhere, `Aster 14`, it is all the more a name), and Han right
    /// before the number. (A capitalised word and a
    /// number alone, `Chapter 3`, is one Chinese renders: 第 3 章; the variant kept says it is a name.)
    static func renderedModelNames(_ c: FileContext, _ p: Pairing) -> [(target: Int, source: Int, sourceAt: Int, name: String, range: Range<Int>, shown: String)] {
        var out: [(target: Int, source: Int, sourceAt: Int, name: String, range: Range<Int>, shown: String)] = []
        func titleWord(_ t: Token) -> Bool {
            let u = t.text.unicodeScalars.map(\.value)
            return u.count >= 2 && isUpper(u[0]) && u.dropFirst().allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
        }
        func number(_ t: Token) -> Bool { t.text.unicodeScalars.allSatisfy { isASCIIDigit($0.value) } }
        for pair in c.consistencyCache.pairs {
            let targets = pair.target.filter { c.analyses[$0].hasHan }
            guard !targets.isEmpty else { continue }
            for s in pair.source {
                let su = p.source.units[s]
                // A cheap trigger: a digit after a space after a lowercase letter.
                guard su.text.indices.dropFirst(2).contains(where: { isASCIIDigit(su.text[$0]) && su.text[$0 - 1] == 0x20 && su.text[$0 - 2] >= 0x61 && su.text[$0 - 2] <= 0x7A }) else { continue }
                let words = tokens(su, in: 0..<su.text.count)
                guard words.count >= 3 else { continue }
                for i in 0..<(words.count - 2) {
                    let w = words[i], n = words[i + 1], v = words[i + 2]
                    guard titleWord(w), w.text.count >= 3, number(n), titleWord(v), !n.breakBefore, !v.breakBefore,
                          n.range.lowerBound == w.range.upperBound + 1, v.range.lowerBound == n.range.upperBound + 1 else { continue }
                    let kept = Array(su.text[n.range.lowerBound..<v.range.upperBound])
                    let word = Array(w.text.unicodeScalars.map(\.value))
                    for k in targets {
                        let tu = c.document.units[k]
                        guard occurrences(of: word, in: tu.text, tu.roles, ignoringCase: true).isEmpty else { continue }
                        for r in occurrences(of: kept, in: tu.text, tu.roles, ignoringCase: false) {
                            var j = r.lowerBound - 1
                            while j >= 0 && (tu.text[j] == 0x20 || tu.text[j] == 0xA0) { j -= 1 }
                            guard j >= 0, tu.roles[j] == .content, isHanIdeograph(tu.text[j]) else { continue }
                            out.append((k, s, w.range.lowerBound, su.string(w.range.lowerBound..<v.range.upperBound), r, tu.string(r)))
                            break
                        }
                    }
                }
            }
        }
        return out
    }

    // MARK: a name translated whole

    /// A compound name of the source that the aligned unit's translation renders into Chinese
    /// whole, while the translation keeps it as the source writes it in more units than not
    /// (`DolphinScheduler` kept nine times, rendered once as `海豚调度系统`): a word that starts
    /// with a capital and has an inner one (`DataGrid`, `TaskQueue`) — or, kept in two units or
    /// more, a run of capitalised words (`Harbor Point Ltd`, one rendered word of it enough:
    /// `Point` 角) or a unit's first word the lexicon does not know, two words it knows joined
    /// (`Stormgate`, one of them rendered: `Storm` 风暴; such a word kept as written in two units
    /// or more, not as a gloss, and capitalised in the source, never lowercase, anywhere in the
    /// unit: `Quillproxy`) — absent from this unit's
    /// translation in any case, with no Latin word the source unit lacks in its place (`VS Code`
    /// for `Visual Studio Code`, a name written shorter), and rendered — the translation's
    /// Chinese renders every piece of the name the lexicon reads (`Dolphin`, `Scheduler`), one
    /// of them a word no other word of the source unit has. A name the translation leaves out (a product's name dropped as
    /// redundant, a pronoun) renders no piece of it and is not read; a brand the translation
    /// always writes by its Chinese name is kept nowhere; a single word (`Garmin`, `Form`,
    /// `Transform`) or an identifier in lowercase first (`className`) is a word a translation
    /// may render as a term, and a name the lexicon cannot read (`SciPy`) gives no evidence
    /// that it was rendered rather than left out: neither is read.
    static func translatedNames(_ c: FileContext, _ p: Pairing) -> [(target: Int, source: Int, sourceAt: Int, name: String)] {
        guard let lexicon = Lexicon.shared else { return [] }
        let doc = c.document
        /// A capital first and a capital after a lowercase letter.
        func compound(_ v: Substring) -> Bool {
            guard let f = v.unicodeScalars.first, isUpper(f.value) else { return false }
            var previous: UInt32 = 0
            for ch in v.unicodeScalars.map(\.value) {
                if isUpper(ch) && isLetter(previous) && !isUpper(previous) { return true }
                previous = ch
            }
            return false
        }
        let functionWords = c.toolkit.segmenter.source.functionWords
        // Names by the translation's own usage: a word of two words the lexicon knows joined
        // (`Stormgate`, `Quillproxy`) that the translation keeps as written in two units or more
        // — not as a gloss in brackets after its rendering (`记忆（memoize）`: a term rendered) —
        // and the source writes with a capital and never in lowercase (a proper noun by the
        // source's own hand; a lowercase compound kept in places and rendered in others,
        // `runtime` → 运行时, `depthwise`, is a term the translator renders at will: held-out
        // pages, six false infos of seven) is looked for anywhere in the source's units, not only
        // as their first word, counted in any case and with its plural (`Namespace`, `namespaces`).
        func usage(_ w: Substring) -> String {
            var k = w.lowercased()
            if k.count >= 7, k.hasSuffix("ies") { k.removeLast(3); k += "y" } else if k.count >= 7, k.hasSuffix("s"), !k.hasSuffix("ss") { k.removeLast() }
            return k
        }
        var used = Set<String>()
        do {
            var count: [String: Int] = [:]
            for (k, u) in doc.units.enumerated() where c.analyses[k].latinLetters >= 6 && c.analyses[k].hasHan {
                var seen = Set<String>()
                for t in tokens(u, in: 0..<u.text.count) where coined(t.bare) && !isGloss(u, t.range) {
                    let key = usage(t.bare)
                    if seen.insert(key).inserted { count[key, default: 0] += 1 }
                }
            }
            // Kept twice and two words joined first; the source read for their case only then.
            let keptTwice = Set(count.filter { $0.value >= 2 && joinedParts(Substring($0.key), lexicon) != nil }.keys)
            if !keptTwice.isEmpty {
                var capitalised = Set<String>(), lowercase = Set<String>()
                for u in p.source.units {
                    for t in tokens(u, in: 0..<u.text.count) where t.text.count >= 6 && keptTwice.contains(usage(t.bare)) {
                        if isUpper(u.text[t.range.lowerBound]) { capitalised.insert(usage(t.bare)) } else { lowercase.insert(usage(t.bare)) }
                    }
                }
                used = keptTwice.filter { capitalised.contains($0) && !lowercase.contains($0) }
            }
        }
        // Per pair: the compound names of its source the translation keeps or lacks (and the
        // names by usage, by their key).
        var kept: [String: Int] = [:], missing: [String: Int] = [:]
        var usedKept: [String: Int] = [:], usedMissing: [String: Int] = [:]
        var candidates: [(pair: Int, unit: Int, token: Token, usage: String?)] = []
        for (n, pair) in c.consistencyCache.pairs.enumerated() {
            var names: [(unit: Int, token: Token)] = []
            var usages: [(unit: Int, token: Token, key: String)] = []
            for s in pair.source {
                let su = p.source.units[s]
                if !used.isEmpty {
                    for t in tokens(su, in: 0..<su.text.count) where t.text.count >= 6 && coined(t.bare) {
                        let key = usage(t.bare)
                        if used.contains(key) && !usages.contains(where: { $0.key == key }) { usages.append((s, t, key)) }
                    }
                }
                // A cheap trigger: a capital after a lowercase letter, or after a word and a space.
                var trigger = false, run = false
                for j in 1..<max(1, su.text.count) where isUpper(su.text[j]) && su.roles[j] == .content {
                    if isLetter(su.text[j - 1]) && !isUpper(su.text[j - 1]) { trigger = true }
                    if j >= 2 && su.text[j - 1] == 0x20 && isLetter(su.text[j - 2]) { run = true }
                    if trigger && run { break }
                }
                let single = !su.text.isEmpty && isUpper(su.text[0]) && su.roles[0] == .content
                guard trigger || run || single else { continue }
                // Most English units start with a capital and have nothing else to look at: their
                // first word alone is cut out (no token spans a space).
                var end = su.text.count
                if !trigger && !run, let space = su.text.indices.first(where: { su.text[$0] == 0x20 || su.roles[$0] != .content }) {
                    end = space
                }
                let words = tokens(su, in: 0..<end)
                if trigger { for t in words where compound(t.bare) { names.append((s, t)) } }
                if run { for t in nameRuns(su, words, functionWords) { names.append((s, t)) } }
                if single, let t = words.first, joinedName(t.bare, lexicon), !used.contains(usage(t.bare)) { names.append((s, t)) }
            }
            guard !names.isEmpty || !usages.isEmpty else { continue }
            var words = Set<String>(), texts: [String] = [], keys = Set<String>()
            let runs = names.contains { $0.token.bare.contains(" ") }
            for k in pair.target where c.analyses[k].latinLetters > 0 {
                for t in tokens(doc.units[k], in: 0..<doc.units[k].text.count) {
                    words.insert(String(t.bare))
                    if !usages.isEmpty && coined(t.bare) { keys.insert(usage(t.bare)) }
                }
                if runs { texts.append(doc.units[k].string(0..<doc.units[k].text.count)) }
            }
            let hasHan = pair.target.contains { c.analyses[$0].hasHan }
            for (s, t) in names {
                let name = String(t.bare)
                if name.contains(" ") ? texts.contains(where: { $0.containsText(name) }) : words.contains(name) { kept[name, default: 0] += 1 } else if hasHan {
                    missing[name, default: 0] += 1
                    candidates.append((n, s, t, nil))
                }
            }
            for (s, t, key) in usages {
                if keys.contains(key) { usedKept[key, default: 0] += 1 } else if hasHan {
                    usedMissing[key, default: 0] += 1
                    candidates.append((n, s, t, key))
                }
            }
        }
        guard !kept.isEmpty || !usedKept.isEmpty, !candidates.isEmpty else { return [] }
        func stems(_ word: Substring) -> [Int32] {
            if !word.contains(" ") && !compound(word), let parts = joinedParts(word, lexicon) { return parts }
            return namePieces(word).compactMap { $0.count >= 3 && !functionWords.contains($0) ? lexicon.stem(Stemmer.stem($0)) : nil }
        }
        var out: [(target: Int, source: Int, sourceAt: Int, name: String)] = []
        var reported = Set<String>()
        for (n, s, t, key) in candidates {
            let name = String(t.bare)
            // Kept in as many units as it is missing from, or more: the translation keeps it.
            // A name of several words or of two words joined, firmer: kept in two units or more.
            if let key {
                guard let keptCount = usedKept[key], keptCount >= 2, usedMissing[key]! <= keptCount else { continue }
            } else {
                guard let keptCount = kept[name], missing[name]! <= keptCount, !name.contains(" ") && compound(t.bare) || keptCount >= 2 else { continue }
            }
            let pair = c.consistencyCache.pairs[n]
            let targets = pair.target.filter { c.analyses[$0].hasHan }
            // The name in any case, or a Latin word the source unit lacks: kept, or written otherwise.
            let key = name.lowercased()
            var sourceKeys = Set<String>()
            for u in pair.source { sourceKeys.formUnion(latinRuns(p.source.units[u])) }
            // A name of several words: a word of it the lexicon does not read (`Northwind`) kept
            // is the name written shorter.
            let unread = Set(namePieces(t.bare).filter { lexicon.stem(Stemmer.stem($0)) == nil })
            let targetRuns = targets.map { latinRuns(doc.units[$0]) }
            let standIn = targetRuns.contains { runs in
                runs.contains { $0 == key || unread.contains($0) || (!sourceKeys.contains($0) && !$0.allSatisfy(\.isNumber)) }
            }
            if standIn { continue }
            // Rendered, not left out: every piece the lexicon reads, one of them a word no other
            // source word has.
            let own = stems(t.bare)
            guard !own.isEmpty else { continue }
            var others = Set<Int32>()
            for u in pair.source {
                for w in tokens(p.source.units[u], in: 0..<p.source.units[u].text.count) where !(u == s && t.range.contains(w.range.lowerBound)) {
                    others.formUnion(stems(w.bare))
                }
            }
            var reach = lexicon.stemsReached(by: targets.map { doc.units[$0] })
            // A word of a name of several words kept as it is (`Apple Watch App` as `苹果手表 App`).
            if name.contains(" ") {
                for runs in targetRuns { for r in runs { if let id = lexicon.stem(Stemmer.stem(r)) { reach.insert(id) } } }
            }
            let rendered = lexicon.stemsReached(by: targets.map { doc.units[$0] })
            guard name.contains(" ") || !compound(t.bare) || own.allSatisfy(reach.contains), own.contains(where: { !others.contains($0) && rendered.contains($0) }),
                  reported.insert("\(targets[0]) \(name)").inserted else { continue }
            out.append((targets[0], s, t.range.lowerBound, name))
        }
        return out
    }

    /// Whether the word at `range` stands in brackets right after Chinese: a gloss of the
    /// rendering before it (`记忆（memoize）`), not the word kept in its place.
    static func isGloss(_ u: Unit, _ range: Range<Int>) -> Bool {
        var i = range.lowerBound - 1
        while i >= 0 && u.text[i] == 0x20 { i -= 1 }
        guard i >= 1, u.text[i] == 0xFF08 || u.text[i] == 0x28 else { return false }
        i -= 1
        while i >= 0 && u.text[i] == 0x20 { i -= 1 }
        return i >= 0 && isHanIdeograph(u.text[i])
    }

    /// Six letters or more, lowercase after the first (`Stormgate`, `quillproxy`): the shape of
    /// a word of two words joined (``joinedParts(_:_:)`` reads it).
    static func coined(_ word: Substring) -> Bool {
        guard word.unicodeScalars.count >= 6, let f = word.unicodeScalars.first, isLetter(f.value), f.value < 0x80 else { return false }
        return word.unicodeScalars.dropFirst().allSatisfy { $0.value >= 0x61 && $0.value <= 0x7A }
    }

    /// A capitalised word of lowercase letters after its capital, unknown to the lexicon and two
    /// words it knows joined, each of three letters or more (`Tidewise`: `tide`, `wise`).
    static func joinedName(_ word: Substring, _ lexicon: Lexicon) -> Bool {
        guard word.count >= 6, let f = word.unicodeScalars.first, isUpper(f.value),
              word.unicodeScalars.dropFirst().allSatisfy({ $0.value >= 0x61 && $0.value <= 0x7A }) else { return false }
        return joinedParts(word, lexicon) != nil
    }

    /// The stems of the two words a joined name is written with (``joinedName(_:_:)``).
    static func joinedParts(_ word: Substring, _ lexicon: Lexicon) -> [Int32]? {
        let w = word.lowercased()
        guard lexicon.stem(Stemmer.stem(w)) == nil else { return nil }
        let chars = Array(w)
        guard chars.count >= 6 else { return nil }
        for k in 3...(chars.count - 3) {
            if let a = lexicon.stem(Stemmer.stem(String(chars[..<k]))), let b = lexicon.stem(Stemmer.stem(String(chars[k...]))) { return [a, b] }
        }
        return nil
    }

    /// Runs of two capitalised words or more, one space between each (`Northwind Data Ltd`,
    /// `Siebel Hall`), from the first that is no function word (`The`), as one token.
    static func nameRuns(_ u: Unit, _ words: [Token], _ functionWords: Set<String>) -> [Token] {
        var out: [Token] = []
        var i = 0
        while i < words.count {
            guard let f = words[i].text.unicodeScalars.first, isUpper(f.value), !functionWords.contains(words[i].key) else { i += 1; continue }
            var j = i + 1
            while j < words.count, !words[j].breakBefore, words[j].range.lowerBound == words[j - 1].range.upperBound + 1,
                  u.text[words[j - 1].range.upperBound] == 0x20, let g = words[j].text.unicodeScalars.first, isUpper(g.value) { j += 1 }
            if j - i >= 2 {
                let range = words[i].range.lowerBound..<words[j - 1].range.upperBound
                let text = words[i..<j].map(\.text).joined(separator: " ")
                out.append(Token(range: range, text: text, key: text.lowercased(), breakBefore: words[i].breakBefore))
            }
            i = j
        }
        return out
    }

    /// A word's pieces, lowercased: runs of letters, parted where a capital follows a lowercase
    /// letter (`DolphinScheduler`: `dolphin`, `scheduler`).
    static func namePieces(_ word: Substring) -> [String] {
        var out: [String] = [], cur: [UInt32] = []
        var previous: UInt32 = 0
        for ch in word.unicodeScalars.map(\.value) {
            if !isLetter(ch) || (isUpper(ch) && isLetter(previous) && !isUpper(previous)) {
                if !cur.isEmpty { out.append(makeString(cur)); cur = [] }
            }
            if isLetter(ch) { cur.append(ch >= 0x41 && ch <= 0x5A ? ch + 0x20 : ch) }
            previous = ch
        }
        if !cur.isEmpty { out.append(makeString(cur)) }
        return out
    }

    /// A unit's runs of Latin letters and digits, lowercased (in code and markup too).
    static func latinRuns(_ u: Unit) -> Set<String> {
        var out = Set<String>(), word: [UInt32] = []
        for ch in u.text {
            if isWordChar(ch) && ch < 0x80 { word.append(ch >= 0x41 && ch <= 0x5A ? ch + 0x20 : ch); continue }
            if !word.isEmpty { out.insert(makeString(word)); word = [] }
        }
        if !word.isEmpty { out.insert(makeString(word)) }
        return out
    }


    // MARK: a kept column with a cell translated

    /// Cells of a table column the translation keeps in English, translated all the same: in the
    /// rows the alignment paired (three or more, consecutive), every source cell of the column is
    /// words without Han starting with a capital (labels, UI strings, names); the translation
    /// keeps two or more of them exactly (case and spaces aside), twice as many as it translates,
    /// two of the kept ones phrases in sentence case (`Pay now`, `Delete report`: strings a
    /// program shows, not terms a glossary renders), none of them read as untranslated prose, and
    /// changes no other cell (a changed English cell is `code-mismatch`'s). The translated cell
    /// (with Han) is the exception: the table keeps that column as the source wrote it. Without
    /// the capitals and phrases, a cell is still the exception when its source text is one the
    /// column keeps verbatim in another row (`string` kept, and written 字符串 a row below, in a
    /// column of types): the translation broke its own choice.
    static func translatedKeptCells(_ c: FileContext, _ p: Pairing) -> [(source: Int, target: Int, kept: Int)] {
        let source = p.source, target = c.document
        // Only a translation with a table cell that has Han and a source cell without.
        guard target.units.contains(where: { if case .tableCell(let r, _) = $0.kind { return r > 0 } else { return false } }) else { return [] }
        let rows = CodeMismatchRule.rowPairs(c, p)
        guard rows.count >= 3 else { return [] }
        func cells(_ d: Document, _ lines: Set<Int>) -> [Int: [Int: Int]] {
            var out: [Int: [Int: Int]] = [:]
            for (k, u) in d.units.enumerated() { if case .tableCell(_, let col) = u.kind, lines.contains(u.start.line) { out[u.start.line, default: [:]][col] = k } }
            return out
        }
        let sc = cells(source, Set(rows.keys)), tc = cells(target, Set(rows.values))
        func han(_ u: Unit) -> Bool { u.text.contains(where: CodeComparison.isHanText) }
        func text(_ u: Unit) -> String {
            makeString(u.text.indices.filter { u.roles[$0].isRead && u.text[$0] != 0x20 && u.text[$0] != 0x09 }.map { u.text[$0] }).lowercased()
        }
        /// A label, not a sentence: eight words at most, no full stop, `!` or `?` at its end.
        func isLabel(_ u: Unit, _ words: [Token]) -> Bool {
            guard words.count <= 8, let last = u.text.indices.last(where: { u.roles[$0] == .content && u.text[$0] != 0x20 }) else { return false }
            return ![0x2E, 0x21, 0x3F, 0x3002, 0xFF01, 0xFF1F].contains(u.text[last])
        }
        var sorted = rows.keys.sorted()
        var out: [(source: Int, target: Int, kept: Int)] = []
        while !sorted.isEmpty {
            var table = [sorted.removeFirst()]
            while let n = sorted.first, n <= table.last! + 1 { table.append(sorted.removeFirst()) }
            guard table.count >= 3 else { continue }
            let columns = Set(table.flatMap { sc[$0]?.keys.map { $0 } ?? [] })
            column: for col in columns.sorted() {
                var same: [Int] = [], translated: [(Int, Int)] = []
                var keptTexts = Set<String>()
                var capitalised = true
                for ls in table {
                    guard let s = sc[ls]?[col], let lt = rows[ls], let t = tc[lt]?[col] else { continue }
                    let su = source.units[s], tu = target.units[t]
                    let words = tokens(su, in: 0..<su.text.count)
                    guard !han(su), let first = words.first else { continue column }
                    if !startsUpper(first.text) { capitalised = false }
                    if han(tu) {
                        // A sentence (an example prompt among kept ones) may be rendered for the reader.
                        guard isLabel(su, words) else { continue column }
                        translated.append((s, t))
                        continue
                    }
                    guard text(su) == text(tu) else { continue column }
                    // Kept as it is, and read so: not a phrase left untranslated.
                    guard !c.analyses[t].stretches.contains(where: \.isProse) else { continue column }
                    same.append(t)
                    keptTexts.insert(text(su))
                }
                guard !translated.isEmpty, same.count >= 2, same.count >= 2 * translated.count else { continue }
                // A value the column keeps in another row, translated in this one (`string` kept
                // and written 字符串 in a column of types): the translation's own choice, broken.
                let keptElsewhere = translated.filter { keptTexts.contains(text(source.units[$0.0])) }
                let phrases = !capitalised ? [] : same.filter { t in
                    let w = tokens(target.units[t], in: 0..<target.units[t].text.count)
                    return w.count >= 2 && isLabel(target.units[t], w) && w.dropFirst().contains { !startsUpper($0.text) && !hasDigit($0.text) }
                }
                for (s, t) in phrases.count >= 2 ? translated : keptElsewhere { out.append((s, t, same.count)) }
            }
        }
        return out
    }

    // MARK: words

    /// A Latin word of a unit's prose (letters and digits, with `'`, `-` or `.` inside).
    struct Token: Equatable {
        var range: Range<Int>
        /// As written (`’` as `'`).
        var text: String
        /// Lowercased, a possessive `'s` left out: what two writings of one word share.
        var key: String
        /// Something other than spaces or emphasis stands between it and the word before it
        /// (punctuation, code, a link's destination, Chinese): a title does not run across it.
        var breakBefore: Bool
        /// The unit it is in (source words of a bead of several units).
        var unit: Int = -1
        /// As written, a possessive `'s` left out.
        var bare: Substring { text.hasSuffix("'s") ? text.dropLast(2) : Substring(text) }
    }

    @inline(__always) static func isLetter(_ c: UInt32) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7)
    }
    @inline(__always) static func isWordChar(_ c: UInt32) -> Bool { isLetter(c) || (c >= 0x30 && c <= 0x39) }
    @inline(__always) static func isUpper(_ c: UInt32) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0xC0 && c <= 0xDE && c != 0xD7)
    }

    /// The words of `unit.text[range]` that are prose (role `.content`).
    static func tokens(_ unit: Unit, in range: Range<Int>) -> [Token] {
        let t = unit.text, r = unit.roles
        var out: [Token] = []
        var i = range.lowerBound
        var broken = true
        while i < range.upperBound {
            let c = t[i]
            guard r[i] == .content, isWordChar(c) else {
                switch r[i] {
                // Emphasis marks do not part words of one title; a tag or a link's bracket does.
                case .markup: if c != 0x2A && c != 0x5F { broken = true }
                case .content: if c != 0x20 && c != 0x3A && c != 0x2D && c != 0x2013 && c != 0x09 && c != 0x0A { broken = true }
                default: broken = true
                }
                i += 1
                continue
            }
            let start = i
            i += 1
            while i < range.upperBound, r[i] == .content {
                if isWordChar(t[i]) { i += 1; continue }
                // `'`, `’`, `-`, `.` between word characters join (`Merrow's`, `state-of-the-art`, `Node.js`).
                if (t[i] == 0x27 || t[i] == 0x2019 || t[i] == 0x2D || t[i] == 0x2E),
                   i + 1 < range.upperBound, r[i + 1] == .content, isWordChar(t[i + 1]) { i += 2; continue }
                break
            }
            let text = makeString(t[start..<i].map { $0 == 0x2019 ? 0x27 : $0 })
            var key = text.lowercased()
            if key.hasSuffix("'s") { key.removeLast(2) }
            out.append(Token(range: start..<i, text: text, key: key, breakBefore: broken))
            broken = false
        }
        return out
    }

    /// Every word of the source document, as written and by key: its own spellings.
    struct Spellings {
        var exact: Set<String> = []
        var keys: Set<String> = []
        /// Keys of the words written in capitals throughout or with inner capitals.
        var capsKeys: Set<String> = []
        init(_ doc: Document) {
            for u in doc.units {
                for w in KeptTextRule.tokens(u, in: 0..<u.text.count) {
                    exact.insert(w.text)
                    keys.insert(w.key)
                    if KeptTextRule.isCapitalised(w.text) { capsKeys.insert(w.key) }
                }
            }
        }
    }

    // MARK: the comparisons

    static func hasDigit(_ s: String) -> Bool { s.unicodeScalars.contains { $0.value >= 0x30 && $0.value <= 0x39 } }

    /// Capitals after the first letter and lowercase letters too (`QuickBooks`, `iPhone`).
    static func hasInnerCapital(_ s: String) -> Bool {
        let u = Array(s.unicodeScalars.map(\.value))
        return u.dropFirst().contains(where: isUpper) && u.contains(where: { isLetter($0) && !isUpper($0) })
    }

    static func isAllCaps(_ s: String) -> Bool {
        let letters = s.unicodeScalars.map(\.value).filter(isLetter)
        return letters.count >= 2 && letters.allSatisfy(isUpper)
    }

    /// In capitals throughout or with inner capitals (`PATTERN`, `APIs`): not an ordinary word
    /// in lowercase or capitalised at a sentence's start.
    static func isCapitalised(_ s: String) -> Bool { isAllCaps(s) || hasInnerCapital(s) }

    static func startsUpper(_ s: String) -> Bool { s.unicodeScalars.first.map { isUpper($0.value) } ?? false }

    /// One word the other's plural, or possessive (`API`/`APIs`, `policy`/`policies`, `Merrow`/`Merrow'`),
    /// the ending written in lowercase: `SUMIFS` is no plural of `SUMIF`.
    /// Whether the text at `r` is the whole of an emphasis span: an `*` or `_` of markup right
    /// before and right after it.
    static func emphasised(_ u: Unit, _ r: Range<Int>) -> Bool {
        let t = u.text
        func mark(_ i: Int) -> Bool { i >= 0 && i < t.count && (t[i] == 0x2A || t[i] == 0x5F) && u.roles[i] != .content }
        return mark(r.lowerBound - 1) && mark(r.upperBound)
    }

    static func isInflection(_ a: Token, _ b: Token) -> Bool {
        func one(_ x: Token, _ y: Token) -> Bool {
            let (xk, yk) = (x.key, y.key)
            var ending = 0
            if xk == yk + "s" || xk == yk + "'" { ending = 1 } else if xk == yk + "es" { ending = 2 }
            else if yk.hasSuffix("y"), xk == yk.dropLast() + "ies" { ending = 3 }
            guard ending > 0 else { return false }
            return !x.text.unicodeScalars.suffix(ending).contains { isUpper($0.value) }
        }
        return one(a, b) || one(b, a)
    }

    /// A name of the source (inner capitals, capitals throughout, or capitalised and not a word the
    /// dictionary knows).
    static func isName(_ s: Token) -> Bool {
        guard startsUpper(s.text) || hasInnerCapital(s.text) else { return false }
        if hasInnerCapital(s.text) || isAllCaps(s.text) { return true }
        guard let lexicon = Lexicon.shared else { return false }
        return lexicon.stem(Stemmer.stem(s.key)) == nil
    }

    /// A name of the source with inner capitals that `t` writes in other letter case.
    /// (The caller checks that the source document does not write `t` so elsewhere.)
    static func caseChanged(_ t: Token, _ source: [Token], _ targetExact: Set<String>) -> Token? {
        guard !isAllCaps(t.text) else { return nil }
        for s in source where s.key == t.key && s.bare != t.bare && hasInnerCapital(s.text) && !targetExact.contains(s.text) {
            return s
        }
        return nil
    }

    /// A name of the source a small edit from `t`, which the translation's unit does not have.
    static func misspelt(_ t: Token, _ source: [Token], _ targetKeys: Set<String>) -> Token? {
        let tk = Array(t.key.unicodeScalars.map(\.value))
        guard tk.count >= 4, startsUpper(t.text), !hasDigit(t.text) else { return nil }
        var found: Token? = nil
        for s in source where s.key != t.key && !targetKeys.contains(s.key) {
            let sk = Array(s.key.unicodeScalars.map(\.value))
            guard sk.count >= 4, sk[0] == tk[0], abs(sk.count - tk.count) <= 1, startsUpper(s.text),
                  !hasDigit(s.text), !isInflection(s, t) else { continue }
            let limit = min(sk.count, tk.count) >= 8 ? 2 : 1
            guard editDistance(sk, tk, limit: limit) <= limit, isName(s) else { continue }
            // Two names alike: which one was meant is unclear.
            if let f = found, f.key != s.key { return nil }
            found = s
        }
        return found
    }

    /// A word in capitals (an option's value, a mode, a grade: `MID`, `HIGH`) the translation keeps
    /// in place of another the source writes (`The default is MID` kept as `默认为 HIGH`): the one
    /// such word of the translation's unit that the source's unit does not have, and the one the
    /// source's unit writes that none of the translation's units of the bead has. Letters only, two
    /// to twelve (numbers and codes with digits are `number-mismatch`'s). (The caller checks that
    /// the source document does not write the translation's word anywhere.)
    static func changedCapitals(_ all: [Token], _ source: [Token], _ sourceKeys: Set<String>,
                                targetKeys: () -> Set<String>) -> (Token, Token)? {
        func plain(_ t: Token) -> Bool {
            let n = t.range.count
            return n >= 2 && n <= 12 && t.text.unicodeScalars.allSatisfy { $0.value >= 0x41 && $0.value <= 0x5A }
        }
        // A plural either side is the same word (`GPUs` kept as `GPU`).
        func has(_ keys: Set<String>, _ k: String) -> Bool {
            keys.contains(k) || keys.contains(k + "s") || (k.hasSuffix("s") && keys.contains(String(k.dropLast())))
        }
        var added: Token? = nil
        for t in all where plain(t) && !has(sourceKeys, t.key) {
            if let a = added, a.key != t.key { return nil }
            added = t
        }
        guard let t = added else { return nil }
        let keys = targetKeys()
        var lost: Token? = nil
        for s in source where plain(s) && !has(keys, s.key) {
            if let l = lost, l.key != s.key { return nil }
            lost = s
        }
        guard let s = lost else { return nil }
        return (t, s)
    }

    /// The values in capitals (an option's value, a mode, a grade, a code: `MID`, `AA`, `NYSE`,
    /// with a plural `s`, `GPUs`, as one; a single capital only set off in emphasis, `**P**`)
    /// of the bead's translation, one of them changed into another: the same values as the
    /// source's, as many times each, but one occurrence of the source's value, which is another
    /// (`LOW, MID, HIGH … the default is MID` kept as `LOW、MID、HIGH……默认为 HIGH`, `**A**, **S**
    /// and **P**` as `**A**、**S** 和 **M**`, `level AA` as `AAA 级`), two values or more each side,
    /// no inflection of the source's. The translation's value is one of the source's unit, or
    /// absent from it in any case (a lowercase `api` of the source makes `API` no new value) and,
    /// unless two other values stand in the source's order around it (a list), written nowhere
    /// in the source document; no value written otherwise explains the counts (the source's in
    /// lowercase in the translation, `TSM` as `tsm`, or the translation's a piece of a source
    /// word, `CPU-oriented` as `CPU 端`). A value rendered or left out (`NOTE` as 注意, `NVIDIA GPUs` as
    /// `英伟达 GPU`) leaves fewer in the translation: silent. Returned with the translation's unit
    /// it is in, at the place the source's order gives it.
    static func changedValue(_ targets: [(Unit, Int)], _ source: [Token], _ sourceKeys: Set<String>,
                             _ sourceDoc: Document, writes: (String) -> Bool) -> (Int, Token, Token)? {
        func value(_ u: Unit, _ t: Token) -> String? {
            var v = t.text.unicodeScalars.map(\.value)
            if v.count >= 3, v.last == 0x73 { v.removeLast() }
            guard v.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { return nil }
            let n = v.count
            guard (n >= 2 && n <= 12) || (n == 1 && t.text.count == 1 && emphasised(u, t.range)) else { return nil }
            return makeString(v).lowercased()
        }
        var kept: [(unit: Int, token: Token, value: String)] = []
        for (u, k) in targets { for t in tokens(u, in: 0..<u.text.count) { if let v = value(u, t) { kept.append((k, t, v)) } } }
        var values: [(token: Token, value: String)] = []
        for t in source { if let v = value(sourceDoc.units[t.unit], t) { values.append((t, v)) } }
        guard kept.count >= 2, kept.count == values.count else { return nil }
        var balance: [String: Int] = [:]
        for v in values { balance[v.value, default: 0] += 1 }
        for v in kept { balance[v.value, default: 0] -= 1 }
        let off = balance.filter { $0.value != 0 }
        guard off.count == 2, let lost = off.first(where: { $0.value == 1 })?.key,
              let added = off.first(where: { $0.value == -1 })?.key else { return nil }
        // A value the source writes too, in the place of one the translation writes nowhere: the
        // lost one may be rendered in words (`URL` as 地址, `LLM` as 大模型) and the other said
        // once more (`API 基础地址`); a swap is a value the translation still keeps elsewhere
        // (`LOW、MID、HIGH` listed, the default `MID` written `HIGH`) or one the source never writes.
        if values.contains(where: { $0.value == added }) && !kept.contains(where: { $0.value == lost }) { return nil }
        // Where the source's order puts it.
        guard let i = kept.indices.first(where: { kept[$0].value == added && values[$0].value == lost }) else { return nil }
        let t = kept[i].token, s = values[i].token
        // A unit of measure beside its number (`每 GB 0.02`, `15 TB`) is number-mismatch's.
        guard !isInflection(s, t), !besideNumber(targets.first { $0.1 == kept[i].unit }!.0, t.range),
              !besideNumber(sourceDoc.units[s.unit], s.range) else { return nil }
        // Counts a value written otherwise explain: the source's in lowercase in the
        // translation (`TSM` as `tsm`), or the translation's a piece of a source word
        // (`CPU-oriented` as `CPU 端`).
        func pieces(_ w: Token) -> [Substring] { w.key.split(whereSeparator: { $0 == "-" || $0 == "." }) }
        for (u, _) in targets {
            for w in tokens(u, in: 0..<u.text.count) where value(u, w) == nil && pieces(w).contains(where: { $0 == lost }) { return nil }
        }
        for w in source where value(sourceDoc.units[w.unit], w) == nil && pieces(w).contains(where: { $0 == added }) { return nil }
        if !values.contains(where: { $0.value == added }) {
            guard !sourceKeys.contains(t.key) else { return nil }
            let around = kept.indices.filter { $0 != i && kept[$0].value == values[$0].value }.count
            if around < 2 && writes(t.key) { return nil }
        }
        return (kept[i].unit, t, s)
    }

    /// Whether a number stands right before or after `r` in `u`, spaces aside (`15 GB`, `GB 0.02`).
    static func besideNumber(_ u: Unit, _ r: Range<Int>) -> Bool {
        var i = r.lowerBound - 1
        while i >= 0 && (u.text[i] == 0x20 || u.text[i] == 0xA0) { i -= 1 }
        if i >= 0 && isASCIIDigit(u.text[i]) { return true }
        var j = r.upperBound
        while j < u.text.count && (u.text[j] == 0x20 || u.text[j] == 0xA0) { j += 1 }
        return j < u.text.count && isASCIIDigit(u.text[j])
    }

    /// A word of a kept run replaced by another word (`MSc Data Science` kept as `MSc Data
    /// Analytics`, `MENU > Movie > File Format` as `MENU > Setup > File Format`, `NASDAQ: KSYS`
    /// as `NYSE: KSYS`, `Form IIT-B` as `Form IIT-C`): the words around it are the source's, in
    /// order with the same punctuation between them (one at least, a name's: capitalised), the
    /// word itself is of the same shape as the source's there — both in capitals (a code), or
    /// both capitalised words of lowercase letters, the translation's one the dictionary knows
    /// (no misspelling: those are ``misspelt``'s) — no inflection of it, no digit, absent from
    /// the source's unit (a capitalised word as written: lowercase prose is no spelling of a
    /// label) while the source's word is absent from the translation's. A word next
    /// to it with nothing between them (no punctuation) must be the source's too: two words
    /// changed are a rewording. (The caller checks that the source document never writes the
    /// translation's word so: `delete` in lowercase prose is no spelling of the label `Delete`.)
    static func substitutions(_ run: [Token], _ source: [Token], _ targetKeys: Set<String>, _ sourceKeys: Set<String>,
                              _ sourceExact: Set<String>, _ targetUnit: Unit, _ sourceDoc: Document) -> [(Token, Token)] {
        func titleWord(_ t: Token) -> Bool {
            let u = t.text.unicodeScalars.map(\.value)
            return u.count >= 3 && isUpper(u[0]) && u.dropFirst().allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
        }
        func code(_ t: Token) -> Bool { isAllCaps(t.text) && !t.text.contains("'") && !t.text.contains(".") }
        guard run.count >= 2, let lexicon = Lexicon.shared else { return [] }
        var out: [(Token, Token)] = []
        for j in run.indices {
            let t = run[j]
            let tCode = code(t)
            // A capitalised word only by its capitalised spelling: `delete` in the source's
            // prose is no spelling of the label `Delete Device`.
            guard !(tCode ? sourceKeys.contains(t.key) : sourceExact.contains(t.text)), !hasDigit(t.text) else { continue }
            guard tCode || (titleWord(t) && lexicon.stem(Stemmer.stem(t.key)) != nil) else { continue }
            var found: Token? = nil, ambiguous = false
            for i in source.indices {
                let s = source[i]
                guard s.key != t.key, !targetKeys.contains(s.key), !hasDigit(s.text), !isInflection(s, t),
                      tCode ? code(s) : titleWord(s) else { continue }
                // The words before it, then after it, as the source writes them.
                var context = 0, named = false, ok = true
                var l = 1
                while j - l >= 0, i - l >= 0 {
                    let a = run[j - l], b = source[i - l]
                    guard b.unit == s.unit, a.key == b.key, run[j - l + 1].breakBefore == source[i - l + 1].breakBefore else {
                        if !run[j - l + 1].breakBefore { ok = false }
                        break
                    }
                    context += 1
                    if startsUpper(b.text) { named = true }
                    l += 1
                }
                if j - l >= 0, i - l < 0 || source[i - l].unit != s.unit, !run[j - l + 1].breakBefore { ok = false }
                var r = 1
                while j + r < run.count, i + r < source.count {
                    let a = run[j + r], b = source[i + r]
                    guard b.unit == s.unit, a.key == b.key, a.breakBefore == b.breakBefore else {
                        if !a.breakBefore { ok = false }
                        break
                    }
                    context += 1
                    if startsUpper(b.text) { named = true }
                    r += 1
                }
                if j + r < run.count, i + r >= source.count || source[i + r].unit != s.unit, !run[j + r].breakBefore { ok = false }
                guard ok, context >= 1, named else { continue }
                // A unit of measure beside its number is number-mismatch's.
                if tCode, besideNumber(targetUnit, t.range) || besideNumber(sourceDoc.units[s.unit], s.range) { continue }
                if let f = found, f.key != s.key { ambiguous = true }
                found = s
            }
            if let s = found, !ambiguous { out.append((t, s)) }
        }
        return out
    }

    /// Words changed inside a Title Case run of three words or more: the run is a window of the
    /// source's words but for one word, which the translation's unit does not have; in a run of
    /// two capitalised words, a word misspelt (the same first letter, two edits at most: `Ember
    /// Path` kept as `Ember Pass`, where the one-word test needs a name unknown to the dictionary).
    /// Inside a title of three words or more the translation sets off whole in emphasis (`*The
    /// Lantern Boats*`, ``emphasised``), a word's inflection counts too: a title is quoted as written (`*The
    /// Lantern Boat*`).
    static func titleChanges(_ run: [Token], _ source: [Token], _ targetKeys: Set<String>, _ sourceKeys: Set<String>,
                             emphasised: ((Range<Int>) -> Bool)? = nil) -> [(Token, Token)] {
        var out: [(Token, Token)] = []
        var start = 0
        while start < run.count {
            var end = start + 1
            while end < run.count && !run[end].breakBefore { end += 1 }
            defer { start = end }
            let n = end - start
            guard n >= 2, source.count >= n else { continue }
            var found: (Token, Token)? = nil, ambiguous = false
            for w in 0...(source.count - n) {
                var diff = -1, ok = true, capitals = 0
                for j in 0..<n {
                    let s = source[w + j], t = run[start + j]
                    if j > 0 && s.breakBefore { ok = false; break }
                    if s.key == t.key {
                        if startsUpper(s.text) { capitals += 1 }
                        continue
                    }
                    if diff >= 0 { ok = false; break }
                    diff = j
                }
                guard ok, diff >= 0, capitals >= 2 || (n == 2 && capitals == 1), capitals * 3 >= (n - 1) * 2 else { continue }
                // A word at either end may be where the run leaves the title (`zeppelin RESTful
                // API` beside `the RESTful API`): only when the source has it nowhere.
                if diff == 0 || diff == n - 1, sourceKeys.contains(run[start + diff].key) { continue }
                let s = source[w + diff], t = run[start + diff]
                // (Three words or more: two set off are as often a term whose plural Chinese drops,
                // `*Web Components*` kept as `*Web Component*`.)
                let quoted = n >= 3 && emphasised?(run[start].range.lowerBound..<run[end - 1].range.upperBound) == true
                guard !targetKeys.contains(s.key), quoted || !isInflection(s, t), !hasDigit(s.text), !hasDigit(t.text),
                      !source[w..<(w + n)].contains(where: { $0.key == t.key }) else { continue }
                // Two words are a name of words (`Ember Path`): the changed one capitalised on
                // both sides, a misspelling of the source's (`Ember Pass`), not another word.
                if n == 2 {
                    let sk = Array(s.key.unicodeScalars.map(\.value)), tk = Array(t.key.unicodeScalars.map(\.value))
                    guard startsUpper(s.text), startsUpper(t.text), sk.count >= 4, tk.count >= 4, sk[0] == tk[0],
                          editDistance(sk, tk, limit: 2) <= 2 else { continue }
                }
                if let f = found, f.1.key != s.key || f.0.range != t.range { ambiguous = true }
                found = (t, s)
            }
            if let f = found, !ambiguous { out.append(f) }
        }
        return out
    }

    /// A model's name of the source kept without its last word: the source writes a capitalised
    /// word, a number and a word in Title Case after it, one space apart, the name ending there
    /// (`Aster 14 Pro`, `Nova 3 Max`); the translation keeps the word and the number as written,
    /// nothing after them but punctuation or a function character (`Aster 14。`, `Aster 14 的`;
    /// a Chinese word there may render the variant: `Windows 11 专业版`), and has the variant word
    /// nowhere (any case), nor its rendering where the lexicon reads it (`Nova 3 Guide` kept as
    /// `Nova 3 的使用指南`). Returned as the kept stretch (word and number as one token) with the source's
    /// whole name.
    static func shortenedModels(_ unit: Unit, _ all: [Token], _ source: [Token], _ sourceDoc: Document,
                                _ targetKeys: Set<String>, _ functionWords: Set<String>) -> [(Token, Token)] {
        // A cheap trigger: a word of the translation followed by a number.
        func numeral(_ t: Token) -> Bool { t.text.unicodeScalars.first.map { $0.value >= 0x30 && $0.value <= 0x39 } ?? false }
        func variant(_ t: Token) -> Bool {
            let u = t.text.unicodeScalars.map(\.value)
            return u.count >= 2 && isUpper(u[0]) && u.dropFirst().allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
        }
        func nameWord(_ t: Token) -> Bool { startsUpper(t.text) && !numeral(t) }
        guard all.count >= 2, source.count >= 3 else { return [] }
        var out: [(Token, Token)] = []
        var reach: Set<Int32>? = nil
        for i in 1..<all.count where numeral(all[i]) && !all[i].breakBefore && nameWord(all[i - 1]) {
            // Nothing of the name after the number in the translation, nor a Chinese word other
            // than a function character (`Windows 11 专业版`, `Python 3 文档`: the variant rendered
            // in place; `Aster 14。`, `Aster 14 的` leave it out).
            if i + 1 < all.count && !all[i + 1].breakBefore { continue }
            var after = all[i].range.upperBound
            while after < unit.text.count && unit.text[after] == 0x20 { after += 1 }
            if after < unit.text.count, isHanIdeograph(unit.text[after]),
               !functionWords.contains(String(UnicodeScalar(unit.text[after])!)) { continue }
            for j in 2..<source.count {
                let v = source[j], n = source[j - 1], h = source[j - 2]
                guard variant(v), !v.breakBefore, !n.breakBefore, n.text == all[i].text, h.text == all[i - 1].text,
                      v.unit == n.unit, n.unit == h.unit else { continue }
                // One space between the words, and the name ends with the variant word.
                let su = sourceDoc.units[v.unit]
                guard v.range.lowerBound == n.range.upperBound + 1, su.text[n.range.upperBound] == 0x20,
                      n.range.lowerBound == h.range.upperBound + 1, su.text[h.range.upperBound] == 0x20 else { continue }
                if j + 1 < source.count, !source[j + 1].breakBefore, startsUpper(source[j + 1].text) || numeral(source[j + 1]) { continue }
                guard !targetKeys.contains(v.key) else { continue }
                if let lexicon = Lexicon.shared {
                    func rendered(_ t: Token) -> Bool {
                        guard let id = lexicon.stem(Stemmer.stem(t.key)) else { return false }
                        if reach == nil { reach = lexicon.stemsReached(by: [unit]) }
                        return reach!.contains(id)
                    }
                    if rendered(v) { continue }
                    // A noun after the name that the translation renders: the capitalised word
                    // may modify it (`PaddlePaddle 3.0 Docker image` → `PaddlePaddle 3.0 的官方镜像`).
                    if j + 1 < source.count, !source[j + 1].breakBefore, source[j + 1].unit == v.unit,
                       !startsUpper(source[j + 1].text), rendered(source[j + 1]) { continue }
                }
                let kept = Token(range: all[i - 1].range.lowerBound..<all[i].range.upperBound,
                                 text: all[i - 1].text + " " + all[i].text, key: "", breakBefore: false)
                var name = Token(range: h.range.lowerBound..<v.range.upperBound, text: h.text + " " + n.text + " " + v.text,
                                 key: "", breakBefore: false)
                name.unit = v.unit
                out.append((kept, name))
                break
            }
        }
        return out
    }

    /// The optimal-string-alignment distance of two words (a transposition is one edit), or
    /// `limit + 1` as soon as it exceeds `limit`.
    static func editDistance(_ a: [UInt32], _ b: [UInt32], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            var best = cur[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] { v = min(v, prev2[j - 2] + 1) }
                cur[j] = v
                best = min(best, v)
            }
            if best > limit { return limit + 1 }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        return prev[b.count]
    }
}

