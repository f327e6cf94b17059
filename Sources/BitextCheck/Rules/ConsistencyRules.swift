import BitextAlign
import BitextMarkdown
import BitextText

// Source–target consistency: what a translation must carry over unchanged. Every rule compares
// the units of a confident bead (ConsistencyPairs.swift) and leaves uncertain pairs alone.

extension NumberMismatchRule {
    /// The first line of a code block of `d` that writes `target` beside a key source unit `k`
    /// names in code (the last part of `attributes.train_samples`, a word of three letters or
    /// more), when no code line of `d` writes `source` beside such a key: both numbers written
    /// in digits only. The source's prose then contradicts the source's own code.
    static func ownCodeBlock(_ d: Document, unit k: Int, source: String, target: String) -> Int? {
        let isDigits = { (x: String) in !x.isEmpty && x.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        guard isDigits(source), isDigits(target), source != target, !d.codeBlocks.isEmpty else { return nil }
        let u = d.units[k]
        var keys: [String] = []
        u.roles.forEachRun(of: .code) { r in
            guard let last = u.string(r).split(separator: ".").last else { return }
            let key = String(last).trimmingCharacters(in: .whitespaces)
            if key.count >= 3, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "_") }), !keys.contains(key) { keys.append(key) }
        }
        guard !keys.isEmpty else { return nil }
        var found: Int? = nil
        for b in d.codeBlocks {
            for line in b.literal.split(separator: "\n") where keys.contains(where: { Segmenter.containsWord($0, in: String(line)) }) {
                // The line's numbers, a decimal whole (`0.5` holds no `5`).
                let numbers = line.split { !($0.isASCII && ($0.isNumber || $0 == ".")) }
                if numbers.contains(Substring(source)) { return nil }
                if found == nil && numbers.contains(Substring(target)) { found = b.startLine }
            }
        }
        return found
    }
}

/// `number-mismatch`: a number of the source unit missing or different in the translation,
/// however Chinese writes it (３, 1000 for 1,000, 三百, 第三, 300 万 for 3 million, 百分之十).
public struct NumberMismatchRule: Rule {
    public let id = "number-mismatch"
    public let defaultSeverity = Severity.warning
    public let summary = "Bilingual: a number of the source unit missing or different in the translation (Chinese numerals, 万/亿 scales, full-width digits and grouping accepted)."
    public let isBilingual = true
    public var examples: [RuleExample] {
        [
            RuleExample("缓存在 ↓60 秒后过期。\n", source: "The cache expires after 30 seconds.\n"),
            // Two sections numbered 4 in the source, the translation's in its own order.
            // A page outlined otherwise: the source's `2.1` is the translation's first section.
            RuleExample("# 架构设计\n\n该框架混合使用 Rust 和 Python。\n\n## ↓1. 系统分层\n\nRust 核心运行引擎。\n",
                        source: "# Architecture Design\n\nThe framework mixes Rust and Python.\n\n### 2.1 System Layering\n\nThe Rust core runs the engine.\n"),
            RuleExample("## 4. 风格\n\n说明。\n\n## ↓5. 类风格策略\n\n说明。\n",
                        source: "## 4. Styles\n\nText.\n\n## 4. Class-based strategies\n\nText.\n"),
            // A count of decades or centuries said in years.
            RuleExample("这种写法二十年来一直被认为有害。\n", source: "This form has been considered harmful for two decades.\n"),
            RuleExample("这种写法↓三十年来一直被认为有害。\n", source: "This form has been considered harmful for two decades.\n"),
            // A dropped sentence's number is reported with the sentence (`missing-translation`),
            // also when the same number is written elsewhere in the paragraph.
            RuleExample("**Lookahead** 开关会增加 2 ms 的延迟。\n",
                        source: "Model 2 adds no latency at all in its default mode. The **Lookahead** switch adds 2 ms of latency.\n"),
            // A front-matter value that is a number or a date, under a key both sides have.
            RuleExample("---\ntitle: 备份与恢复\nnav_order: ↓8\n---\n\n每晚自动备份一次。\n",
                        source: "---\ntitle: Backup and restore\nnav_order: 7\n---\n\nA backup runs every night.\n"),
            RuleExample("---\ntitle: 备份与恢复\nnav_order: 7\nupdated: 2023-11-02\n---\n\n每晚自动备份一次。\n",
                        source: "---\ntitle: Backup and restore\nnav_order: 7\nupdated: 2023-11-02\n---\n\nA backup runs every night.\n"),
            RuleExample("升级到 Vue ↓3.5 之前，请先读一读迁移指南。\n", source: "Read the migration guide before you upgrade to Vue 3.4.\n"),
            RuleExample("↓这个模型有七十亿个参数。\n", source: "The model has 7 billion parameters and 32 layers.\n"),
            RuleExample("这个模型有 70 亿个参数，共三十二层。\n", source: "The model has 7 billion parameters and 32 layers.\n"),
            RuleExample("该服务每月处理 300 万次请求，其中 10% 来自移动端。\n", source: "The service handles 3 million requests a month, 10% of them from phones.\n"),
            RuleExample("第 3 章发表于 2024 年 6 月，比旧版快 2.5 倍，售价 1000 元。\n", source: "Chapter 3 came out in June 2024, 2.5x faster than before, for 1,000 yuan.\n"),
            RuleExample("百分之十的用户会在第三步放弃。\n", source: "10% of users give up at the 3rd step.\n"),
            RuleExample("新引擎的内存占用减少一半，约三成的请求走缓存。\n", source: "The new engine uses 50% less memory, and about 30% of requests hit the cache.\n"),
            RuleExample("每个 CSS 像素对应两三个设备像素。\n", source: "Each CSS pixel maps to 2 or 3 device pixels.\n"),
            // A bound turned round beside the same number; `up to` after a verb of change is the
            // target, no bound (`raise it up to 4 GB` = 不少于 4 GB).
            RuleExample("应用现在要求 iOS 16.0 ↓或更低版本。\n", source: "The app now requires iOS 16.0 or later.\n"),
            RuleExample("每个共享最多 5 位联系人；内存建议调到不少于 4 GB。\n",
                        source: "Share with at most 5 contacts; raise the memory up to 4 GB.\n"),
            // A verb between the bound and its number (`最多等待 1.5 ms`); not a superlative
            // (`最多的 5 个`: the five with the most).
            RuleExample("上电后，↓最多等待 1.5 ms 再发送命令。\n", source: "After power-up, wait at least 1.5 ms before the first command.\n"),
            RuleExample("该服务至少需要 8 GB 内存；列出请求最多的 5 个用户。\n",
                        source: "The service needs at least 8 GB of memory; the 5 users with the most requests are listed.\n"),
            // A modal before the verb (`至少可以使用`), and a word numeral of the source.
            RuleExample("单个 MP ↓至少可以使用 2 天宽限期。\n", source: "You may use no more than two grace days on a single MP.\n"),
            // A time zone's offset where the translation names the zone instead; one written
            // with its offset is compared.
            RuleExample("单日限额于北京时间 00:00 重置。\n\n周报于 ↓UTC+9 09:00 发出。\n", source: "Daily limits reset at 00:00 (UTC+8).\n\nWeekly reports go out at 09:00 UTC+8.\n"),
            // A rate kept as a word of its own (`fps`) is compared as a rate.
            RuleExample("它以 60 fps 运行，最高 ↓120 fps。\n", source: "It runs at 60 frames per second, 144 frames per second at most.\n"),
            // A locant inside a compound's name is no quantity; a number between short words is.
            RuleExample("使用前用异丙醇稀释，全程为 3 到 ↓6 天。\n", source: "Dilute it with propan-2-ol before use; the whole course is a 3-to-5-day one.\n"),
            // A negation right before the translation's bound: `不得超过` is `no more than`.
            RuleExample("存放量不得超过 50 升，裂解时间不要超过 5 min。\n", source: "Keep no more than 50 litres. Do not let the lysis run for more than 5 min.\n"),
            // Ids counted as numbers are; a month.day date (`10.13` for `Oct 13`); days of the week.
            RuleExample("上机题（MP1–↓MP1）在周五截止，办公时间为↓周一至周六。\n",
                        source: "Machine problems (MP1–MP8) are due on Fridays; office hours run Monday to Friday.\n"),
            RuleExample("| 周次 | 日期 |\n| --- | --- |\n| 8 | 10.13–10.17 |\n| 9 | 工作日 |\n",
                        source: "| Week | Dates |\n| --- | --- |\n| 8 | Oct 13–17 |\n| 9 | Monday to Friday |\n"),
            // A minus lost after a word that carries no sign (测量 40 °C); a word of decrease
            // carries it (降低了 12 ms).
            RuleExample("传感器测量 ↓40 °C 至 +125 °C 的温度。\n", source: "The sensor measures from −40 °C to +125 °C.\n"),
            RuleExample("升级后延迟降低了 12 ms。\n", source: "Latency changed by −12 ms after the upgrade.\n"),
            // A placeholder stands for a number: the unit after it changed (`%d weeks` → `%d 天`).
            RuleExample("| ID | 文本 |\n| --- | --- |\n| `left` | 剩余 %d 天 |\n| `week` | ↓%d 天的历史记录 |\n",
                        source: "| ID | Text |\n| --- | --- |\n| `left` | %d days left |\n| `week` | %d weeks of history |\n"),
            // A Chinese fraction is its value and the percentage it is (20 % → 五分之一).
            RuleExample("我们留出五分之一的数据用于测试，约百分之十用于验证。\n", source: "We hold out 20 % of the data for testing and about 10% for validation.\n"),
            RuleExample("我们留出↓四分之一的数据用于测试。\n", source: "We hold out 20 % of the data for testing.\n"),
            // Twelve months are a year; thirty days are no month.
            RuleExample("许可证在索赔前一年内有效，审计日志保留两年。\n", source: "The licence covers the 12 months before the claim; audit logs are kept for 24 months.\n"),
            // The unit a rate goes by, with no number of its own beside it (`per GB`, `per
            // second`, a header's `Price per GB`): another unit or prefix is reported …
            RuleExample("加急取回的费用为↓每 TB 0.03 美元。用量↓按分钟计费。\n", source: "Expedited retrieval costs $0.03 per GB. Usage is billed per second.\n"),
            RuleExample("| 每月传输量 | ↓每 TB 价格 |\n| --- | --- |\n| 前 10 TB | 0.09 美元 |\n",
                        source: "| Monthly volume | Price per GB |\n| --- | --- |\n| First 10 TB | $0.09 |\n"),
            // … the same unit written another way, a count, `hourly`, and the same price in
            // another unit with its number converted (1,000 times for GB to TB) are not.
            RuleExample("存储每 GB 每月 0.02 美元，请求每千次 0.40 美元，计算按小时计费，加急取回每 TB 30 美元。\n",
                        source: "Storage costs $0.02 per GB-month, requests $0.40 per 1,000 requests, compute is billed hourly, and expedited retrieval $0.03 per GB.\n"),
            RuleExample("用量按秒计费，最少按 60 秒计；传输按 GB 计费，报告每小时刷新一次。\n",
                        source: "Usage is billed per second, with a minimum of 60 seconds; transfer is billed per GB, and reports refresh every hour.\n"),
            // An en dash as a minus, where no range can be: `–8 ms` is -8 ms.
            RuleExample("| 页面 | 均值之差 |\n| --- | --- |\n| 商品 | –8 ms |\n", source: "| Page | Mean difference |\n| --- | --- |\n| Product | -8 ms |\n"),
            // `K` in a size or a table's capacity may be 1,024: 32K entries are 32,768.
            RuleExample("| 资源 | 上限 |\n| --- | --- |\n| MAC 地址表 | 32,768 条 |\n",
                        source: "| Resource | Limit |\n| --- | --- |\n| MAC address table | 32K entries |\n"),
            RuleExample("型号 ↓NX-2442P 的功率预算为 370 W。\n", source: "The NX-2424P has a power budget of 370 W.\n"),
            // Scientific notation is one number, compared by value and quoted whole; a code point,
            // a hash, an id or a hexadecimal literal with an `e` in it is none.
            RuleExample("训练前把学习率设为 ↓3e-5，批大小为 64。\n", source: "Set the learning rate to 3e-4 and the batch size to 64 before training.\n"),
            RuleExample("训练前把学习率设为 ↓3e4。\n", source: "Set the learning rate to 3e-4 before training.\n"),
            RuleExample("训练前把学习率设为 ↓2.5e-4。\n", source: "Set the learning rate to 1.5e-4 before training.\n"),
            RuleExample("训练前把学习率设为 0.0003，权重衰减取 1 × 10⁻²。\n", source: "Set the learning rate to 3e-4 and the weight decay to 1e-2 before training.\n"),
            RuleExample("码位 U+00E9、提交 3e4f、标识 e5 和地址 0x1e3 都保持原样。\n", source: "The code point U+00E9, the commit 3e4f, the id e5 and the address 0x1e3 stay as they are.\n"),
            // A cardinal word (two … ninety-nine) is compared with a count of the translation: a
            // numeral before a counting word (三个, 八人) or digits, the only one left over where
            // the word's sentence is rendered.
            RuleExample("退款会在↓三个工作日内到账。\n", source: "Refunds arrive within five working days.\n"),
            RuleExample("团队分成三组，每组↓八人。\n", source: "The team is split into three groups of six.\n"),
            RuleExample("将重试上限设为 ↓12 次。\n", source: "Set the retry limit to ten.\n"),
            RuleExample("退款会在五个工作日内到账，两周内可以再申请 3 次。\n", source: "Refunds arrive within five working days, and you may apply 3 more times within two weeks.\n"),
            // 一 before a counting word (the article Chinese adds: 运行一次) and 一半 (half) are no
            // count a cardinal became.
            RuleExample("把负载分到↓两个队列后，等待时间减少了一半。\n", source: "Spreading the load over four queues cut the wait by half.\n"),
            RuleExample("该任务每↓八小时运行一次。\n", source: "The job runs every six hours.\n"),
            RuleExample("该任务每六小时运行一次，等待时间减少一半。\n", source: "The job runs every six hours, which halves the wait.\n"),
            // `zero or more` and `one or more` said the other way.
            RuleExample("- `*` 表示↓零次或多次。\n- `?` 表示零次或一次。\n", source: "- `*` means one or more times.\n- `?` means zero or one time.\n"),
            RuleExample("可以传入一个或多个路径，也可以传入零个或多个选项。\n", source: "Pass one or more paths, and zero or more options.\n"),
            // Silent: `one or two` (an estimate), a fraction, a hyphenated word (`three-way`,
            // `two-factor`), a word in code, a name (`Three.js`), Chinese words with a numeral
            // that count nothing (十分, 一般, 三角形), a word rendered by no number.
            RuleExample("挑选一两位审阅者；约三分之二的用户要等几天，这一步十分重要。\n",
                        source: "Pick one or two reviewers; about two thirds of users wait a few days, and this step is very important.\n"),
            RuleExample("对零样本提示使用三方合并，为管理员开启双因素认证，并调用 `split(two)`，用 Three.js 画 4 个三角形。\n",
                        source: "Use a three-way merge for zero-shot prompts, turn on two-factor authentication for admins, call `split(two)`, and draw 4 triangles with Three.js.\n"),
            RuleExample("这非常简单，一般只需 5 分钟。\n", source: "It is as easy as one, two, three, and usually takes 5 minutes.\n"),
            RuleExample("这对所有团队都十分重要。\n", source: "This is very important for all five teams.\n"),
            // Hexadecimal literals are compared by value, exactly.
            RuleExample("状态寄存器位于 ↓0x6A00。\n", source: "The status register is at 0x60A0.\n"),
            RuleExample("状态寄存器位于 0x60a0，复位值为 0。\n", source: "The status register is at 0x60A0; it resets to 0.\n"),
            // A colour in hex likewise; digits alone (`#4512`, an issue) stay a number.
            RuleExample("警告横幅用 ↓#D9822F 作边框色。\n", source: "The warning banner has a #D98B2F border.\n"),
            RuleExample("这个问题已在 #4512 中修复，边框色仍是 #d98b2f。\n", source: "The bug was fixed in #4512; the border is still #D98B2F.\n"),
            RuleExample("电阻的容差为 ±↓1%。\n", source: "The resistor's tolerance is ±5%.\n"),
            // A unit symbol after the number, kept in Latin letters and changed; a unit written
            // in Chinese, or a word after the number, is no symbol.
            RuleExample("采样间隔设为 ↓250 ms，每次读取 4 KB。\n", source: "Set the sampling interval to 250 µs; each read takes 4 KB.\n"),
            RuleExample("采样间隔设为 250 微秒，整个测试最长 5 分钟，板子在 5 V 下工作。\n",
                        source: "Set the sampling interval to 250 µs; the whole test takes at most 5 minutes, and the board runs at 5 V.\n"),
            // A currency before or after the number (a symbol, an ISO code, a word): another
            // currency is reported, the same one written another way is not.
            RuleExample("基础套餐每月 ↓19 美元，专业版每月 ↓¥49。\n", source: "The basic plan is €19 a month and the pro plan $49.\n"),
            RuleExample("基础套餐每月 19 欧元，专业版每月 49 美元，团队版 5000 日元，企业版 USD 900。\n",
                        source: "The basic plan is €19 a month, the pro plan $49, the team plan ¥5000 and the enterprise plan 900 USD.\n"),
            // A code span or a name the source has too, written the same, brings no number of its
            // own: it stands in for none of the source's prose (`A1` is no row 1); a version moved
            // into code, or glued to a name, still does.
            RuleExample("汇总表位于区域 `B2:F40`，第 ↓3 行是合计行。\n", source: "The summary lives in the range `B2:F40`; row 4 holds the totals.\n"),
            RuleExample("我们用 GPT4o 做评测，准确率提高了 ↓3.1 个百分点。\n", source: "We evaluated with GPT4o and gained 1.3 points of accuracy.\n"),
            RuleExample("需要 `Node 20` 或更高版本，也可以用 Spark3.5 或 [v4.1](https://example.com/releases/v4.1)。\n",
                        source: "It needs Node 20 or later, or Spark 3.5, or [v4.1](https://example.com/releases/v4.1).\n"),
            // A month changed (`August` → 9 月), in prose or in a date of the front matter;
            // the same month written as a number is no change.
            RuleExample("该接口自 2021 年 ↓4 月起保持稳定。\n", source: "The API has been stable since March 2021.\n"),
            RuleExample("测试版于 2023 年 6 月开放，10 月结束。\n", source: "The beta opened in June 2023 and closed in October.\n"),
            RuleExample("---\ntitle: 发布说明\ndate: ↓2023 年 7 月\n---\n\n本页列出各版本的变化。\n",
                        source: "---\ntitle: Release notes\ndate: June 2023\n---\n\nThis page lists what changed in each release.\n"),
            RuleExample("---\ntitle: 发布说明\ndate: 2023 年 6 月\n---\n\n本页列出各版本的变化。\n",
                        source: "---\ntitle: Release notes\ndate: June 2023\n---\n\nThis page lists what changed in each release.\n"),
            // A date read whole: its day and month trading places is another day, though the
            // numbers agree one by one; the same day written the Chinese way or in ISO is none.
            RuleExample("生效日期：↓2025 年 1 月 3 日。\n", source: "Effective date: 1 March 2025.\n"),
            RuleExample("该版本于 ↓2 月 9 日发布。\n", source: "The release shipped on September 2.\n"),
            RuleExample("生效日期：2025 年 3 月 1 日，旧条款于 2025-01-03 失效。\n",
                        source: "Effective date: March 1, 2025; the old terms lapse on 3 January 2025.\n"),
            // A heading or a list item of numbers only is compared when the structure pairs it
            // (its level, its place): a release's version and date.
            RuleExample("## ↓16.3 (2026-05-14)\n\n修复解析器中的崩溃。\n\n## 16.1 (2026-04-02)\n\n- 16.1\n- ↓16.0\n",
                        source: "## 16.2 (2026-05-14)\n\nFix a crash in the parser.\n\n## 16.1 (2026-04-02)\n\n- 16.1\n- 15.9\n"),
            // A catalogue number changed into another of its shape.
            RuleExample("| 零件 | 货号 |\n| --- | --- |\n| 垫圈 | ↓QX2408 |\n", source: "| Part | Catalogue no. |\n| --- | --- |\n| Washer | QX2048 |\n"),
            RuleExample("按 ↓F12 切换专注模式，优先级为 ↓P2。\n", source: "Press F11 to toggle focus mode; the priority is P1.\n"),
            // A model code (capitals, digits, capitals) the translation drops with the product's
            // name rendered in Chinese, at its first mention; a later one may be referred back to.
            RuleExample("↓顶峰等品牌的温度计可以快速读出中心温度。\n\n该型号还带背光。\n",
                        source: "Thermometers such as the Acme TQ20H read the core quickly.\n\nThe TQ20H also has a backlight.\n"),
            RuleExample("像 Acme TQ20H 这样的温度计可以快速读出中心温度，I18N 套件另售。\n",
                        source: "Thermometers such as the Acme TQ20H read the core quickly; the I18N kit is sold apart.\n"),
            // A hash changed into another of its length; a colour or a number is none.
            RuleExample("开始之前，把分支重置到提交 ↓9f8e7d6。\n", source: "Reset the branch to commit 9f8e7d5 before you start.\n"),
            RuleExample("合并提交 4c2d9e1 之后，横幅改用 #a1b2c3 作底色。\n", source: "After merging commit 4c2d9e1, the banner uses #a1b2c3 as its background.\n"),
            // A sentence dropped from its paragraph, its numbers all missing: `missing-translation`
            // reports it, quoting it; a number of a clause dropped inside a sentence is reported.
            RuleExample("请在 8 秒内用 `2xx` 状态码应答 webhook。\n",
                        source: "Answer the webhook with a `2xx` code within 8 seconds. If the handler keeps failing, we retry with a growing delay for up to 4 days.\n"),
            RuleExample("↓请在 8 秒内用 `2xx` 状态码应答 webhook，否则我们会以递增的间隔重试。\n",
                        source: "Answer the webhook with a `2xx` code within 8 seconds, or we retry with a growing delay for up to 4 days.\n"),
            // A paragraph between two confident pairs is compared whatever its score (a clause
            // dropped makes it short).
            RuleExample("缓存放在内存里，读写都不经过磁盘。\n\n↓↓↓命中时很快，中位数只要 12 毫秒。\n\n缓存满了就淘汰最旧的条目，再写入新的条目。\n",
                        source: "The cache lives in memory, so reads and writes never touch the disk.\n\nA hit is fast: 12 ms at the median and 85 ms at the 99th percentile, against 400 ms for a miss that goes to the database and back.\n\nWhen the cache is full, the oldest entry goes and the new one is written.\n"),
            // Each number of the translation renders one number of the source.
            RuleExample("约 ↓58% 的样本落在区间内（占比 0.85）。\n", source: "About 85% of the samples fall inside the interval (a share of 0.85).\n"),
            // Digits grouped by spaces are one number when the translation has it whole.
            RuleExample("超时上限为 45000 µs，共 3 次重试。\n", source: "The timeout is capped at 45 000 µs, with 3 retries.\n"),
            // A number of the source's formula is no stand-in for the citation the translation dropped.
            RuleExample("↓每个头的维度是 $d/h$，开销降为 $1/h$。\n", source: "Each head has $d/h$ dimensions, so the cost drops to $1/h$ [1].\n"),
            // 万 and 亿 multiply the number before them: 10 万 is 100,000, never 10 or 10,000;
            // 1200 万 is 12 million.
            RuleExample("归档里有 ↓10 万个联系人。\n", source: "The archive holds 20,000 contacts.\n"),
            RuleExample("该表有 ↓5 亿行。\n", source: "The table has 100,000,000 rows.\n"),
            RuleExample("这张表有 1200 万行、3.5 万列，约 3800 万个单元格为空。\n",
                        source: "The table has 12 million rows and 35,000 columns; about 38 million cells are empty.\n"),
            // A changed number is quoted as the reader sees it: a day of a date (the month the
            // Chinese adds renders the month's name), the one left over of numbers written alike,
            // a whole identifier, a scale.
            RuleExample("补丁于 2024 年 9 月 ↓5 日发布。\n", source: "The patch shipped on September 3, 2024.\n"),
            RuleExample("这个序列的前几项是 1、1、↓3。\n", source: "The sequence starts 1, 1, 2.\n"),
            RuleExample("该漏洞的编号是 ↓CVE-2023-41157。\n", source: "The flaw is tracked as CVE-2023-41175.\n"),
            RuleExample("值班时间为 9:00–18:00（↓UTC+9）。\n", source: "The desk is staffed 9:00–18:00 (UTC+8).\n"),
            RuleExample("这张表有 ↓120 万行。\n", source: "The table has 12 million rows.\n"),
            // A unit with another prefix, or spelt another way, is the same quantity; °C and °F
            // (℃, ℉) are units.
            RuleExample("这条链路的速率为 100 Mbps，端口耐压 2 kV，机房保持在 25 ℃。\n",
                        source: "The link runs at 100 Mbit/s, the port withstands 2000 V, and the room stays at 25 °C.\n"),
            RuleExample("机房保持在 ↓25 ℉。\n", source: "Keep the room at 25 °C.\n"),
            RuleExample("端口耐压 ↓3 kV。\n", source: "The port withstands 2000 V.\n"),
            // Units of time in words, English and Chinese: another unit is reported, the same
            // quantity in another unit is not (months and years by name only), nor a decade.
            RuleExample("缓存在 ↓30 分钟后过期，允许 ↓10 秒的窗口。\n", source: "The cache expires after 30 seconds, and a 10-minute window is allowed.\n"),
            RuleExample("会话持续 120 分钟，三天不用就锁定，备份保留 6 个月；这种格式流行于 20 世纪 90 年代。\n",
                        source: "A session lasts 2 hours and locks after 3 days of no use; backups are kept for 6 months. The format was popular in the 1990s.\n"),
            RuleExample("重试前等待 ↓250 毫秒。\n", source: "Wait 250 µs before a retry.\n"),
            // Two numbers of one face value with different units are two quantities: each
            // needs its own rendering (`2 months` → `2 周` beside a correct `2 天`).
            RuleExample("面团冷藏可放 2 天，冷冻可放 ↓2 周。\n", source: "The dough keeps for 2 days in the fridge or 2 months in the freezer.\n"),
            RuleExample("面团冷藏可放 2 天，冷冻可放两个月，烤 2 盘即可。\n", source: "The dough keeps for 2 days in the fridge or 2 months in the freezer; bake 2 trays.\n"),
            // A unit a word after its number changed into another of its kind (`5 unused days` →
            // `5 周`); a coordinate moved to another hemisphere (北纬/南纬/东经/西经 or N/S/E/W).
            RuleExample("您最多可将 ↓5 周未休年假结转至下一年。\n", source: "You may carry over up to 5 unused days.\n"),
            RuleExample("终点位于南纬 ↓46.4536°，东经 6.9830°。\n", source: "The finish is at 46.4536° N, 6.9830° E.\n"),
            RuleExample("终点位于北纬 46.4536°，东经 6.9830°。\n", source: "The finish is at 46.4536° N, 6.9830° E.\n"),
            // A month named without a day, in a range or after a word of time, is a number.
            RuleExample("| 山屋 | 开放时间 |\n| --- | --- |\n| Cabane des Pléiades | 6 月至 ↓10 月 |\n",
                        source: "| Hut | Open |\n| --- | --- |\n| Cabane des Pléiades | June–September |\n"),
            RuleExample("6 月步行前往山屋。\n", source: "March to the hut in June.\n"),
            // A changed number whose new value the next sentence also has is reported in its own
            // sentence (a range's end changed), not at the next sentence's correct one.
            RuleExample("小火煮 8～↓12 分钟。静置 12 分钟后再切。\n", source: "Simmer for 8 to 10 minutes. Let it rest for 12 minutes before slicing.\n"),
            RuleExample("小火煮 8～10 分钟。静置 12 分钟后再切。\n", source: "Simmer for 8 to 10 minutes. Let it rest for 12 minutes before slicing.\n"),
            // A decimal beside a version word (`version 2.10`, `2.10 版`) is a version: its
            // trailing zero counts; elsewhere `0.50` is `0.5`.
            RuleExample("请安装 `numpy` 的 ↓2.1 或更高版本。\n", source: "Install `numpy` version 2.10 or later.\n"),
            RuleExample("请安装 2.10 版或更高版本的 `numpy`，并把阈值设为 0.5。\n", source: "Install `numpy` version 2.10 or later and set the threshold to 0.50.\n"),
            // A clock time on the 12-hour clock is the same time of day: 下午 2:00 is 14:00,
            // 11:59 PM is 23:59; 上午 2:00 is no 14:00.
            RuleExample("| 人员 | 时间 |\n| --- | --- |\n| Mara | 周一下午 2:00–3:30 |\n| Ivo | 周二晚上 8:15 |\n| Lena | 周三 23:59 |\n",
                        source: "| Staff | Time |\n| --- | --- |\n| Mara | Mon 14:00–15:30 |\n| Ivo | Tue 20:15 |\n| Lena | Wed 11:59 PM |\n"),
            RuleExample("| 人员 | 时间 |\n| --- | --- |\n| Mara | 周一上午 ↓2:00 |\n",
                        source: "| Staff | Time |\n| --- | --- |\n| Mara | Mon 14:00 |\n"),
            // A sign of comparison that includes the number changed into one that does not
            // (`≥ 140` → `> 140`), or back; a word of either reading (以上) is no change.
            RuleExample("| 类别 | 收缩压 |\n| --- | --- |\n| 2 级 | ↓> 140 |\n| 正常 | ↓≤ 120 |\n",
                        source: "| Category | Systolic |\n| --- | --- |\n| Stage 2 | ≥ 140 |\n| Normal | < 120 |\n"),
            RuleExample("| 类别 | 收缩压 |\n| --- | --- |\n| 2 级 | 140 及以上 |\n| 正常 | 低于 120 |\n",
                        source: "| Category | Systolic |\n| --- | --- |\n| Stage 2 | ≥ 140 |\n| Normal | < 120 |\n"),
            // A `%` or a `±` lost; 百分之 and 正负 write them.
            RuleExample("精度为读数的 ↓5，压力误差为 ↓3 mmHg。\n", source: "Accuracy is ±5 % of the reading; pressure is within ±3 mmHg.\n"),
            RuleExample("精度为读数的正负百分之五，压力误差在 3 mmHg 以内。\n", source: "Accuracy is ±5 % of the reading; pressure is within ±3 mmHg.\n"),
            // `twice` and `thrice` are counts, and `once` before a frequency or after a bound,
            // on the terms of a cardinal word; `once` the conjunction, `think twice` (三思: no
            // count) are not.
            RuleExample("如果某个任务每天失败超过↓三次，请检查它的依赖。\n", source: "If a job fails more than twice a day, check its dependencies.\n"),
            RuleExample("服务一旦启动，就会每天备份两次；改动前请三思，每周最多发布一次。\n",
                        source: "Once the service starts, it backs up twice a day; think twice before a change, and release at most once a week.\n"),
            RuleExample("两个副本都会应答。It is called exactly once per request.\n", source: "Both replicas answer. It is called exactly once per request.\n"),
            // A cardinal word joined to a unit of time by a hyphen (`four-week`) likewise.
            RuleExample("我们做了一个为期↓三个月的试点。\n", source: "We ran a three-week pilot.\n"),
            RuleExample("我们做了一个为期三周的试点，中间休息 14 天，并采用三方合并。\n",
                        source: "We ran a three-week pilot with a two-week break, and used a three-way merge.\n"),
            // Other units in words, with an SI prefix composed (giga + bytes is GB, 纳 + 特斯拉 nT).
            RuleExample("快照占用 ↓1.5 MB，探头读数为 ↓12 微特斯拉。\n", source: "The snapshot takes 1.5 gigabytes, and the probe reads 12 nanotesla.\n"),
            RuleExample("快照占用 1.5 GB，归档占用 2000 吉字节，探头读数为 12 纳特斯拉，跑道长 3 公里。\n",
                        source: "The snapshot takes 1.5 gigabytes and the archive 2 terabytes; the probe reads 12 nanotesla, and the track is 3 kilometres long.\n"),
            // Likewise with the unit in a cell of its own in the row.
            RuleExample("| 参数 | 最大值 | 单位 |\n| --- | --- | --- |\n| 端口耐压 | 2 | kV |\n| 工作电流 | 350 | mA |\n",
                        source: "| Parameter | Max | Unit |\n| --- | --- | --- |\n| Port withstand voltage | 2000 | V |\n| Operating current | 0.35 | A |\n"),
            RuleExample("| 参数 | 最大值 | 单位 |\n| --- | --- | --- |\n| 端口耐压 | ↓3 | kV |\n| 工作电流 | 350 | mA |\n",
                        source: "| Parameter | Max | Unit |\n| --- | --- | --- |\n| Port withstand voltage | 2000 | V |\n| Operating current | 0.35 | A |\n"),
            // A decade as Chinese writes it; `N/N` rendered in words (全天候) or by its value (一半).
            RuleExample("这种格式流行于 20 世纪 90 年代，九十年代末已很少见。\n", source: "The format was popular in the 1990s and rare by the late 1990s.\n"),
            RuleExample("这种格式流行于 ↓20 世纪 80 年代。\n", source: "The format was popular in the 1990s.\n"),
            RuleExample("值班团队全天候响应。约一半的告警在夜间触发。\n", source: "The on-call team responds 24/7. About 1/2 of the alerts fire at night.\n"),
            // A rate's unit of time changed (`mm/s` → `mm/min`); the same rate is the same.
            RuleExample("以 ↓35 mm/min 的速度打印外壁。\n", source: "Print the walls at 35 mm/s.\n"),
            RuleExample("以 35 mm/min 的速度回抽。\n", source: "Retract at 35 mm/min.\n"),
            RuleExample("服务台每周 ↓5 天有人值守。\n", source: "The desk is staffed 24/7.\n"),
            // A rate in words whose unit of time changed, where both sides state one: `per`,
            // `a`/`an` after the quantity, a slash, a rate word; 每 and a word of time, a slash.
            RuleExample("服务器↓每分钟处理 120 个请求，↓每小时写入 3 GB 日志；链路↓每分钟传输 5 GB。\n",
                        source: "The server handles 120 requests per second and writes 3 GB of logs per day; the link carries 5 GB/s.\n"),
            RuleExample("它↓每秒发送 3 到 5 条消息，↓每周备份两次，以 60 帧↓/分钟渲染。\n",
                        source: "It sends 3 to 5 messages per minute, backs up twice a day and renders at 60 fps.\n"),
            RuleExample("服务器每秒处理 120 个请求，每天写入 3 GB 日志；链路每秒传输 5 GB，每天备份两次，每分钟发送 3 到 5 条消息，以 60 帧/秒渲染。\n",
                        source: "The server handles 120 req/s and writes 3 GB of logs per day; the link carries 5 GB/s, backs up 2 times a day, sends 3 to 5 messages per minute and renders at 60 fps.\n"),
            // A rate the translation does not state (rephrased), and `a second` that is no rate.
            RuleExample("服务器处理 120 个请求；我们每天运行 2 台服务器和第二个集群。\n",
                        source: "The server handles 120 requests per second; we run 2 servers and a second cluster.\n"),
            // A cell of numbers in the same row and column: a row is known by its first cell
            // written alike, by the alignment of its cells of words, or by its place in a table
            // of the same shape; rows sorted differently are not compared cell by cell.
            RuleExample("| 操作 | 超时（秒） | 重试次数 |\n| --- | --- | --- |\n| 上传 | ↓45 | 3 |\n| 下载 | 30 | 5 |\n",
                        source: "| Action | Timeout (s) | Retries |\n| --- | --- | --- |\n| Upload | 40 | 3 |\n| Download | 30 | 5 |\n"),
            RuleExample("| 键 | 最大长度 |\n| --- | --- |\n| `menu.quit` | ↓12 |\n| `menu.save` | 8 |\n",
                        source: "| Key | Max length |\n| --- | --- |\n| `menu.quit` | 10 |\n| `menu.save` | 8 |\n"),
            RuleExample("| 属性 | 版本 |\n| --- | --- |\n| open | 5.14.0 |\n| close | 4.23.0 |\n",
                        source: "| Property | Version |\n| --- | --- |\n| close | 4.23.0 |\n| open | 5.14.0 |\n"),
            // Cells holding a number and words (`12 kPa`) swapped between two columns of a row:
            // compared by column where the table keeps its columns (an equal number pairs them
            // across columns); a table whose columns the translation reordered is not.
            RuleExample("| 阶段 | 进口 | 出口 |\n| --- | --- | --- |\n| 水泵 | ↓10 kPa | ↓12 kPa |\n| 阀门 | 8 kPa | 6 kPa |\n",
                        source: "| Stage | Inlet | Outlet |\n| --- | --- | --- |\n| Pump | 12 kPa | 10 kPa |\n| Valve | 8 kPa | 6 kPa |\n"),
            RuleExample("| 属性 | 说明 | 类型 | 版本 | 默认值 |\n| --- | --- | --- | --- | --- |\n| width | 卡片的宽度，分 3 档 | number | 3.2.0 | 320 px |\n| gutter | 各列之间的间距 | number | 4.1.0 | 16 px |\n| radius | 圆角的半径 | number | 3.10.0 | 6 px |\n",
                        source: "| Property | Description | Type | Default | Version |\n| --- | --- | --- | --- | --- |\n| width | The width of the card, in 3 steps | number | 320 px | 3.2.0 |\n| gutter | The space between columns | number | 16 px | 4.1.0 |\n| radius | The radius of the corners | number | 6 px | 3.10.0 |\n"),
            // A unit raised to a power by a word (`square`, `sq`, `cubic`, 平方, 立方) or a
            // superscript (`km²`): another power or another unit is reported.
            RuleExample("水库占地 ↓3 平方米，储水 ↓5 立方千米。\n", source: "The reservoir covers 3 square kilometres and holds 5 cubic metres.\n"),
            RuleExample("水库占地 3 平方公里，坝前 40 平方米，库房 12 平方英尺，储水 5 立方米，用 4 个方括号标注，屏幕 6 英寸。\n",
                        source: "The reservoir covers 3 km², the dam front 40 square metres and the store 12 sq ft; it holds 5 cubic metres, marked with 4 square brackets on a 6-inch screen.\n"),
            // After 万 or 亿 a 十百千 starts the next word (千米, 千瓦时), not a larger scale.
            RuleExample("彗星从距地球 2500 万千米处掠过，电站每年发电 3400 万千瓦时。\n",
                        source: "The comet passed 25 million kilometres from Earth; the plant makes 34 million kilowatt-hours a year.\n"),
            RuleExample("彗星从距地球 ↓250 万千米处掠过。\n", source: "The comet passed 25 million kilometres from Earth.\n"),
            // Tiny values are compared by their ratio, not by a fixed margin.
            RuleExample("尘粒带有 ↓3.2 × 10⁻¹⁸ C 的电荷。\n", source: "The dust grain carries a charge of 3.2 × 10⁻¹⁹ C.\n"),
            RuleExample("尘粒带有 3.2e-19 C 的电荷。\n", source: "The dust grain carries a charge of 3.2 × 10⁻¹⁹ C.\n"),
            // A number after a lone `v` is a version: `v8.1` is not `v8.10`.
            RuleExample("该插件需要 Gradle v↓8.1 或更高版本。\n", source: "The plugin needs Gradle v8.10 or later.\n"),
            RuleExample("该插件需要 8.10 版的 Gradle，或 v8.1.0 的旧版插件。\n", source: "The plugin needs Gradle v8.10, or the old plugin at v8.1.\n"),
            // A month the source both names and writes in a Chinese date, kept both ways.
            RuleExample("它在 `en-US` 中显示为 *Jun 9, 2026*，在 `zh-CN` 中显示为 *2026年6月9日*，两种写法都有。\n",
                        source: "It shows as *Jun 9, 2026* in `en-US` and as *2026年6月9日* in `zh-CN`, so both forms exist.\n"),
            // A minus sign lost; 零下, 负 and a word that carries the sign (下降) keep it.
            RuleExample("夜里气温降到 ↓4 °C，区间为 [↓0.2, 1.5]。\n", source: "The temperature fell to -4 °C overnight; the interval is [-0.2, 1.5].\n"),
            RuleExample("夜里气温降到零下 4 °C，区间为 [-0.2, 1.5]，比上周下降 3%；GPT-4 在 10-15 秒内答完。\n",
                        source: "The temperature fell to -4 °C overnight; the interval is [-0.2, 1.5], a change of -3% on last week; GPT-4 answers in 10-15 seconds.\n"),
            // 一 before a classifier (一条: the article) renders no digit 1 of the source.
            RuleExample("列出一条度量值为 ↓0 的路由。\n", source: "List a route with a metric of 1.\n"),
            RuleExample("列出一条度量值为 1 的路由。\n", source: "List a route with a metric of 1.\n"),
            // …but renders it where no number is left over (a measure the scanner does not know).
            RuleExample("- 一茶匙香草精\n", source: "- 1 teaspoon vanilla extract\n"),
            // Vulgar fractions are numbers (`1 3/4` is `1¾`; `½` dropped from `1½` is reported).
            RuleExample("- 1¾ 杯面粉\n- ↓加入 1 杯牛奶\n", source: "- 1 3/4 cups of flour\n- Add 1½ cups of milk\n"),
            // One of a number written twice changed, where the translation writes as many numbers.
            RuleExample("Firefox ↓127 和 Safari 128 都已支持。\n", source: "Firefox 128 and Safari 128 both support it.\n"),
            RuleExample("Firefox 和 Safari 128 都已支持。\n", source: "Firefox 128 and Safari 128 both support it.\n"),
            // A Latin word kept after a number is compared with the source's word after it.
            RuleExample("Gas 价格为 ↓12 wei，卡片的内边距为 ↓2em。\n", source: "Gas was at 12 gwei, and the card has 2rem of padding.\n"),
            RuleExample("Gas 价格为 12 gwei，卡片的内边距为 2rem，共 3 个 workers。\n", source: "Gas was at 12 gwei, the card has 2rem of padding, and there are 3 workers.\n"),
        ]
    }

    public init() {}

    /// Numbers of the source's prose (`numerals`: the translation's, ``LocaleData/numerals``: a
    /// source may quote them).
    static func sourceNumbers(_ u: Unit, _ a: TextAnalysis, unit k: Int, clock: LocaleData.Clock, numerals: Numerals) -> [Mention<NumberMention>] {
        var ms = NumberScanner.numbers(in: u.text, numerals: numerals) { u.roles[$0] == .content && !a.inNote($0) }
        NumberScanner.twelveHourClock(&ms, in: u.text, markers: clock)
        return ms.map { Mention(unit: k, range: $0.range, value: $0) }
    }

    /// Whether the number at `r` is a time zone's offset: `UTC` or `GMT` (any case), then its
    /// sign, then the number (`UTC+8`, `GMT−5`; the sign inside `r` or right before it).
    static func isZoneOffset(_ t: [UInt32], _ r: Range<Int>) -> Bool {
        var s = r.lowerBound
        func sign(_ c: UInt32) -> Bool { c == 0x2B || c == 0x2D || c == 0x2212 }
        if s < t.count && sign(t[s]) {} else if s > 0 && sign(t[s - 1]) { s -= 1 } else { return false }
        return s >= 3 && zoneOffset(t, at: s - 3)
    }

    /// Where `UTC` or `GMT` (any case) followed by a sign and a digit first stands in `t`.
    static func zoneOffsetStart(_ t: [UInt32]) -> Int? {
        guard t.count >= 5 else { return nil }
        return (0...(t.count - 5)).first { zoneOffset(t, at: $0) }
    }

    /// `UTC` or `GMT` (any case), a sign and a digit at `i`.
    static func zoneOffset(_ t: [UInt32], at i: Int) -> Bool {
        guard i >= 0, i + 5 <= t.count else { return false }
        let a = t[i] | 0x20, b = t[i + 1] | 0x20, c = t[i + 2] | 0x20
        guard (a == 0x75 && b == 0x74 && c == 0x63) || (a == 0x67 && b == 0x6D && c == 0x74) else { return false }
        return (t[i + 3] == 0x2B || t[i + 3] == 0x2D || t[i + 3] == 0x2212) && t[i + 4] >= 0x30 && t[i + 4] <= 0x39
    }

    /// Cardinal words of the source's prose (`five working days`): compared only where the
    /// translation has a count that renders no other number (``wordsChanged``).
    static func sourceWords(_ u: Unit, _ a: TextAnalysis, unit k: Int) -> [Mention<NumberMention>] {
        NumberScanner.numberWords(in: u.text) { u.roles[$0] == .content && !a.inNote($0) }.map { Mention(unit: k, range: $0.range, value: $0) }
    }

    /// `once`, `twice` and `thrice` of the source's prose where they surely count (`twice a
    /// week`, `at least once`; not the conjunction `once the server starts`): compared, like
    /// cardinal words, only where the translation has a count that renders no other number.
    static func frequencyWords(_ u: Unit, _ a: TextAnalysis, unit k: Int, _ locale: LocaleData) -> [Mention<NumberMention>] {
        NumberScanner.frequencyWords(in: u.text, isTimeWord: { locale.durationUnits[$0] != nil }, bounds: locale.bounds.countBounds,
                                     words: locale.frequencies) { u.roles[$0] == .content && !a.inNote($0) }
            .map { Mention(unit: k, range: $0.range, value: $0) }
    }

    /// Cardinal words of the source's prose joined by a hyphen to a unit of time
    /// (`a four-week trial`, `a ten-minute break`), which ``sourceWords`` passes over as parts of
    /// words (`three-way`): compared, with their unit, like the words written apart.
    static func hyphenedWords(_ u: Unit, _ a: TextAnalysis, unit k: Int, _ locale: LocaleData) -> [Mention<NumberMention>] {
        let t = u.text, n = t.count
        var joints = Set<Int>()
        for i in 1..<max(1, n - 1) where t[i] == 0x2D && isASCIILetter(t[i - 1]) && isASCIILetter(t[i + 1]) && u.roles[i] == .content {
            if durationUnit(u, after: i..<i, locale) != nil { joints.insert(i) }
        }
        guard !joints.isEmpty else { return [] }
        var text = t
        for i in joints { text[i] = 0x20 }
        return NumberScanner.numberWords(in: text) { u.roles[$0] == .content && !a.inNote($0) }
            .filter { joints.contains($0.range.upperBound) }
            .map { Mention(unit: k, range: $0.range, value: $0) }
    }

    /// The count 1 as a word right before a unit of time (the locale's
    /// ``LocaleData/Frequencies/ones``: `within one month`, `a one-week trial`), or an article of
    /// its `oneArticles` right after a word of `oneArticlesAfter` (`within a month`; not before a
    /// unit of `oneArticlesNotBefore`, `a second`, as often the ordinal): the count 1 with its
    /// unit, compared like a cardinal word (``sourceWords`` leaves `one` out: as often a pronoun
    /// or the article) — `within one month` → `一周内` changed the unit; `一个月内`, or no number
    /// at all, is no change.
    static func oneWords(_ u: Unit, _ a: TextAnalysis, unit k: Int, _ locale: LocaleData) -> [Mention<NumberMention>] {
        let words = locale.frequencies
        guard words.oneLength > 0 else { return [] }
        let t = u.text, n = t.count
        var out: [Mention<NumberMention>] = []
        forEachLatinWord(t) { r, previous in
            let i = r.lowerBound, e = r.upperBound
            // (The length and the first letter first: no string made for most words.)
            guard e - i <= words.oneLength, words.oneFirsts.sortedContains(t[i] | 0x20), e < n, t[e] == 0x20 || t[e] == 0x2D, u.roles[i] == .content, !a.inNote(i) else { return }
            if i > 0 && (t[i - 1] == 0x2D || t[i - 1] == 0x2E || t[i - 1] == 0x5F || (t[i - 1] >= 0x30 && t[i - 1] <= 0x39)) { return }
            let word = u.string(i..<e).lowercased()
            let one = words.ones.contains(word)
            var article = false
            if !one && words.oneArticles.contains(word) && t[e] == 0x20,
               let w = previous, w.upperBound + 1 == i, t[w.upperBound] == 0x20 {
                article = words.oneArticlesAfter.contains(u.string(w).lowercased())
            }
            guard one || article else { return }
            guard let d = durationUnit(u, after: i..<e, locale) else {
                // Or `one` right after a bound (`at least one of them`, `no more than one`): a
                // count the bound is on; not where a negation farther back may turn the bound
                // round (`No sample went through more than one cycle`).
                if one, let b = bound(u, of: i..<e, locale), b.range.upperBound <= i,
                   !negatedBefore(u, b.range.lowerBound, latin: locale.negations, reach: 8) {
                    out.append(Mention(unit: k, range: i..<e, value: NumberMention(range: i..<e, text: u.string(i..<e).lowercased(), values: [1], isVersion: false)))
                }
                return
            }
            if article && words.oneArticlesNotBefore.contains(d.written.lowercased()) { return }
            out.append(Mention(unit: k, range: i..<e, value: NumberMention(range: i..<e, text: u.string(i..<e).lowercased(), values: [1], isVersion: false)))
        }
        return out
    }

    /// Each word of ASCII letters of `t`, with the word before it (nil for the first).
    @inline(__always) static func forEachLatinWord(_ t: [UInt32], _ body: (_ word: Range<Int>, _ previous: Range<Int>?) -> Void) {
        let n = t.count
        var i = 0
        var previous: Range<Int>? = nil
        while i < n {
            guard isASCIILetter(t[i]) else { i += 1; continue }
            var e = i
            while e < n && isASCIILetter(t[e]) { e += 1 }
            body(i..<e, previous)
            previous = i..<e
            i = e
        }
    }

    /// Fiscal quarters and years of the source's prose (``LocaleData/Quarters``): a quarter by
    /// its number (`Q3`: a prefix and one digit 1 to 4 standing apart; `third quarter`: an
    /// ordinal before a word of a quarter) and a fiscal year (`FY2025`, `FY25` is 2025), each
    /// with whether it is a fiscal year. Compared only where the translation names a quarter or
    /// a fiscal year (``numbers``): `Q3` kept as `Q3` stays a name.
    static func quarters(_ u: Unit, unit k: Int, _ q: LocaleData.Quarters) -> [(mention: Mention<NumberMention>, fiscal: Bool)] {
        guard !q.prefix.isEmpty || !q.ordinals.isEmpty || !q.fiscalPrefix.isEmpty else { return [] }
        let t = u.text, n = t.count
        @inline(__always) func digit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }
        @inline(__always) func glued(_ c: UInt32) -> Bool { isASCIILetter(c) || digit(c) || c == 0x5F || c == 0x2D || c == 0x2E }
        var out: [(Mention<NumberMention>, Bool)] = []
        var i = 0
        while i < n {
            guard isASCIILetter(t[i]) else { i += 1; continue }
            var e = i
            while e < n && isASCIILetter(t[e]) { e += 1 }
            defer { i = e }
            guard e - i <= 8, i == 0 || !glued(t[i - 1]), u.roles[i] == .content else { continue }
            if e < n && digit(t[e]) {
                var d = e
                while d < n && digit(t[d]) { d += 1 }
                guard d == n || !(glued(t[d]) && d + 1 < n && (isASCIILetter(t[d + 1]) || digit(t[d + 1])) || isASCIILetter(t[d]) || t[d] == 0x5F) else { continue }
                let w = u.string(i..<e), v = Int(u.string(e..<d)) ?? 0
                if q.prefix.contains(w), d - e == 1, (1...4).contains(v) {
                    out.append((Mention(unit: k, range: i..<d, value: NumberMention(range: i..<d, text: u.string(i..<d), values: [Double(v)], isVersion: false)), false))
                } else if q.fiscalPrefix.contains(w), d - e == 2 || d - e == 4 {
                    let year = d - e == 2 ? 2000 + v : v
                    out.append((Mention(unit: k, range: i..<d, value: NumberMention(range: i..<d, text: u.string(i..<d), values: [Double(year)], isVersion: false)), true))
                }
                e = d
                continue
            }
            // An ordinal: looked up only for a word of an ordinal's length and first letter.
            guard e + 1 < n, t[e] == 0x20, q.ordinalLengths.contains(e - i), q.ordinalFirsts.contains(t[i] | 0x20),
                  let v = q.ordinals[u.string(i..<e).lowercased()] else { continue }
            var f = e + 1
            while f < n && isASCIILetter(t[f]) { f += 1 }
            guard f > e + 1, q.words.contains(u.string((e + 1)..<f).lowercased()), f == n || !glued(t[f]) || t[f] == 0x2E || t[f] == 0x2D else { continue }
            out.append((Mention(unit: k, range: i..<f, value: NumberMention(range: i..<f, text: u.string(i..<f), values: [Double(v)], isVersion: false)), false))
            e = f
        }
        return out
    }

    /// Numbers of the translation, wherever a reader sees them: a translator may put a version
    /// in code (`Swift 5.9`) or glue it to a name (Spark2.4.0), or a quantity in math; not in
    /// math when the source has math of its own (`$1/h$` is the formula's, not the `[1]` of the
    /// source's prose).
    static func targetNumbers(_ u: Unit, _ a: TextAnalysis, unit k: Int, clock: LocaleData.Clock, numerals: Numerals, math: Bool = true) -> [Mention<NumberMention>] {
        var ms = NumberScanner.numbers(in: u.text, numerals: numerals, gluedToWords: true) {
            let r = u.roles[$0]
            return (r == .content || r == .code || (math && r == .math)) && !a.inNote($0)
        }
        NumberScanner.twelveHourClock(&ms, in: u.text, markers: clock)
        return ms.map { Mention(unit: k, range: $0.range, value: $0) }
    }

    /// Where a number of the translation read only on that side sits: the inline code span
    /// (`` `A1:E9` ``, `` `--age 0.5` ``) or the name glued to it (`BM25`, `Spark2.4.0`), with
    /// whether it is code; nil for a number of the prose.
    static func copiedToken(_ u: Unit, around r: Range<Int>) -> (range: Range<Int>, code: Bool)? {
        let t = u.text, n = t.count
        guard r.lowerBound < n else { return nil }
        if u.roles[r.lowerBound] == .code {
            var lo = r.lowerBound, hi = r.lowerBound
            while lo > 0 && u.roles[lo - 1] == .code { lo -= 1 }
            while hi < n && u.roles[hi] == .code { hi += 1 }
            return (lo..<hi, true)
        }
        @inline(__always) func alnum(_ c: UInt32) -> Bool { isASCIILetter(c) || (c >= 0x30 && c <= 0x39) }
        @inline(__always) func joiner(_ c: UInt32) -> Bool { c == 0x2D || c == 0x5F || c == 0x2E }
        let role = u.roles[r.lowerBound]
        guard r.lowerBound > 0, isASCIILetter(t[r.lowerBound - 1]), u.roles[r.lowerBound - 1] == role else { return nil }
        var lo = r.lowerBound
        while lo > 0 && u.roles[lo - 1] == role && (alnum(t[lo - 1]) || (joiner(t[lo - 1]) && lo >= 2 && alnum(t[lo - 2]))) { lo -= 1 }
        var hi = r.upperBound
        while hi < n && u.roles[hi] == role && (alnum(t[hi]) || (joiner(t[hi]) && hi + 1 < n && alnum(t[hi + 1]))) { hi += 1 }
        return (lo..<hi, false)
    }

    /// The translation's numbers less those of a code span or a name the aligned source has
    /// too, written the same, where the source reads no number (`` `A1:E9` ``, `BM25`,
    /// `` `Signature-256` `` on both sides): copied, they render none of the source's prose
    /// numbers (`Row 1` → `第 2 行` beside `` `A1:E9` `` is a changed number, not the `1` of
    /// `A1`). Each copy in the source cancels one in the translation.
    static func lessCopied(_ target: [Mention<NumberMention>], targetUnit: (Int) -> Unit,
                           source: [Int], sourceUnit: (Int) -> Unit, sourceNumbers: [Mention<NumberMention>]) -> [Mention<NumberMention>] {
        var tokens: [Int: (unit: Int, range: Range<Int>, code: Bool, text: String)] = [:]
        for (i, m) in target.enumerated() {
            let u = targetUnit(m.unit)
            if let tk = copiedToken(u, around: m.range) { tokens[i] = (m.unit, tk.range, tk.code, u.string(tk.range)) }
        }
        guard !tokens.isEmpty else { return target }
        // The copies the source holds where it reads no number: its code spans whole, and a
        // name bounded by no letter, digit or `_` in its prose or code.
        var spans: [String: Int] = [:]
        var sourceTexts: [(Int, Unit)] = []
        for k in source {
            let u = sourceUnit(k)
            sourceTexts.append((k, u))
            var i = 0
            while i < u.text.count {
                guard u.roles[i] == .code else { i += 1; continue }
                var e = i
                while e < u.text.count && u.roles[e] == .code { e += 1 }
                spans[u.string(i..<e), default: 0] += 1
                i = e
            }
        }
        func word(_ c: UInt32) -> Bool { (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x5F }
        func names(_ w: [UInt32]) -> Int {
            var count = 0
            for (k, u) in sourceTexts where u.text.count >= w.count {
                let t = u.text
                var i = 0
                while i + w.count <= t.count {
                    if t[i] == w[0], Array(t[i..<(i + w.count)]) == w {
                        let r = i..<(i + w.count)
                        let bounded = (i == 0 || !word(t[i - 1])) && (r.upperBound == t.count || !word(t[r.upperBound]))
                        // Where a reader sees it (not a link's destination or a tag's attribute,
                        // which the translation keeps unread too), and read as no number.
                        if bounded, r.allSatisfy({ u.roles[$0] == .content || u.roles[$0] == .code }),
                           !sourceNumbers.contains(where: { $0.unit == k && $0.range.overlaps(r) }) { count += 1 }
                    }
                    i += 1
                }
            }
            return count
        }
        var nameCounts: [String: Int] = [:]
        var cancelled = Set<Int>()
        var seen: [String: Bool] = [:]   // unit|range of a token already judged → cancelled or not
        for i in target.indices {
            guard let tk = tokens[i] else { continue }
            let key = "\(tk.unit)|\(tk.range.lowerBound)"
            if let done = seen[key] { if done { cancelled.insert(i) }; continue }
            var ok = false
            if tk.code {
                if let c = spans[tk.text], c > 0 { spans[tk.text] = c - 1; ok = true }
            } else {
                let c = nameCounts[tk.text] ?? names(Array(tk.text.unicodeScalars.map(\.value)))
                if c > 0 { nameCounts[tk.text] = c - 1; ok = true } else { nameCounts[tk.text] = 0 }
            }
            seen[key] = ok
            if ok { cancelled.insert(i) }
        }
        return cancelled.isEmpty ? target : target.indices.filter { !cancelled.contains($0) }.map { target[$0] }
    }

    /// A unit with no letters at all (a cell holding a number or a version): aligned only by
    /// length, so a difference says more about the alignment than the translation (unless it
    /// is a cell compared with the cell of its column, ``numberCellPairs(_:_:)``).
    static func numbersOnly(_ u: Unit) -> Bool {
        !u.text.indices.contains { i in
            let c = u.text[i]
            return u.roles[i] == .content && ((c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || isHanIdeograph(c))
        }
    }

    /// A heading or a list item paired one to one with a unit of its kind (the same level or
    /// depth) at the same place among the units of that kind, in documents with as many of
    /// them: paired by the structure, not by length (`## 16.2 (2026-05-14)` → `## 16.3 …`, a
    /// list of versions), so that units of numbers only are compared.
    /// `places`: each document's ``places(_:)``, made on first need.
    static func pairedByPlace(_ sd: Document, _ s: [Int], _ td: Document, _ t: [Int],
                              _ places: () -> (source: [(Int, Int)], target: [(Int, Int)])) -> Bool {
        guard s.count == 1, t.count == 1 else { return false }
        let kind = sd.units[s[0]].kind
        guard td.units[t[0]].kind == kind else { return false }
        switch kind {
        case .heading, .listItem: break
        default: return false
        }
        let (sp, tp) = places()
        return sp[s[0]] == tp[t[0]]
    }

    /// Each unit's place among the units of its kind and how many there are (one pass to
    /// count, one to number; not a walk of the document for every pair).
    static func places(_ d: Document) -> [(Int, Int)] {
        var count: [UnitKind: Int] = [:]
        for u in d.units { count[u.kind, default: 0] += 1 }
        var seen: [UnitKind: Int] = [:]
        return d.units.map { u in
            let k = seen[u.kind, default: 0]
            seen[u.kind] = k + 1
            return (k, count[u.kind]!)
        }
    }

    /// Cells of numbers (``numbersOnly(_:)``) of the source paired with the cell of the same
    /// column in the row of the translation that renders their row, as unit indexes. Rows are
    /// paired by what they say: the alignment pairing a cell of words of one with a cell of the
    /// other (and none with a third row), or a first cell written the same on both sides; and
    /// in order when the two tables have the same shape and nothing says a row moved (rows
    /// sorted differently). Rows written with another number of cells are not compared.
    static func numberCellPairs(_ c: FileContext, _ p: Pairing) -> [(source: Int, target: Int)] {
        let source = p.source, target = c.document
        guard source.units.contains(where: { if case .tableCell = $0.kind { return true }; return false }) else { return [] }
        let sourceTables = TableShapes.tables(source), targetTables = TableShapes.tables(target)
        guard !sourceTables.isEmpty, !targetTables.isEmpty else { return [] }
        /// Row line → the cell units by column.
        func cells(_ d: Document, _ tables: [TableShapes.Table]) -> [Int: [Int: Int]] {
            var out: [Int: [Int: Int]] = [:]
            for t in tables { for k in t.cells { if case .tableCell(_, let col) = d.units[k].kind { out[d.units[k].start.line, default: [:]][col] = k } } }
            return out
        }
        let sourceCells = cells(source, sourceTables), targetCells = cells(target, targetTables)
        var tableOfSource: [Int: Int] = [:]
        for (k, t) in sourceTables.enumerated() { for u in t.cells { tableOfSource[u] = k } }
        // What the alignment says: row line → the other side's row line (nil: cells went to two rows).
        var forward: [Int: Int?] = [:], backward: [Int: Int?] = [:]
        var sourceOfTarget: [Int: Int] = [:]
        // Cells the alignment pairs one to one, both ways.
        var partner: [Int: Int] = [:], partnerOfTarget: [Int: Int] = [:]
        for pair in c.consistencyCache.pairs {
            for t in pair.target where sourceOfTarget[t] == nil { sourceOfTarget[t] = pair.source[0] }
            if pair.source.count == 1, pair.target.count == 1, case .tableCell = source.units[pair.source[0]].kind,
               case .tableCell = target.units[pair.target[0]].kind {
                partner[pair.source[0]] = pair.target[0]
                partnerOfTarget[pair.target[0]] = pair.source[0]
            }
            guard pair.source.count == 1, pair.target.count == 1, case .tableCell = source.units[pair.source[0]].kind,
                  case .tableCell = target.units[pair.target[0]].kind, !numbersOnly(source.units[pair.source[0]]) else { continue }
            let ls = source.units[pair.source[0]].start.line, lt = target.units[pair.target[0]].start.line
            if let f = forward[ls] { if f != lt { forward[ls] = .some(nil) } } else { forward[ls] = lt }
            if let b = backward[lt] { if b != ls { backward[lt] = .some(nil) } } else { backward[lt] = ls }
        }
        /// The first cell of a row's line, as written (nil when empty).
        func key(_ d: Document, _ line: Int) -> [UInt32]? {
            var raw = d.source.scalars(d.source.lineByteRange(line))[...]
            while let f = raw.first, f == 0x20 || f == 0x09 || f == 0x3E { raw = raw.dropFirst() }
            if raw.first == 0x7C { raw = raw.dropFirst() }
            let cell = raw.prefix { $0 != 0x7C }
            let k = cell.drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed()
            return k.isEmpty ? nil : Array(k)
        }
        var rows: [(Int, Int)] = []
        var out: [(source: Int, target: Int)] = []
        for tt in targetTables {
            let before = rows.count
            var votes: [Int: Int] = [:]
            for cell in tt.cells { if let s = sourceOfTarget[cell], let st = tableOfSource[s] { votes[st, default: 0] += 1 } }
            guard let best = votes.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) })?.key else { continue }
            let st = sourceTables[best]
            let sourceKeys = st.rowLines.map { key(source, $0) }, targetKeys = tt.rowLines.map { key(target, $0) }
            // Rows by evidence: the alignment's word cells, or the same first cell (once on each side).
            var said: [Int: Int] = [:]
            // A first cell written the same says more than the alignment (which pairs the cells
            // of two rows that swapped places by their lengths).
            for (i, ls) in st.rowLines.enumerated() {
                if let k = sourceKeys[i], sourceKeys.filter({ $0 == k }).count == 1,
                   let j = targetKeys.firstIndex(where: { $0 == k }), targetKeys.filter({ $0 == k }).count == 1 { said[ls] = tt.rowLines[j]; continue }
                if let f = forward[ls], let lt = f, backward[lt] == .some(ls), let j = tt.rowLines.firstIndex(of: lt),
                   !(sourceKeys[i] != nil && targetKeys[j] != nil && sourceKeys.contains(targetKeys[j])) { said[ls] = lt }
            }
            let sameShape = st.rowLines.count == tt.rowLines.count
                && zip(st.rowLines, tt.rowLines).allSatisfy { TableShapes.cellCount(source, line: $0) == TableShapes.cellCount(target, line: $1) }
            if sameShape && zip(st.rowLines, tt.rowLines).allSatisfy({ said[$0] == nil || said[$0] == $1 }) {
                rows += zip(st.rowLines, tt.rowLines).map { ($0, $1) }
            } else {
                rows += said.sorted { $0.key < $1.key }.filter { TableShapes.cellCount(source, line: $0.key) == TableShapes.cellCount(target, line: $0.value) }
                    .map { ($0.key, $0.value) }
            }
            let columns = crossedCells(rows[before...], header: (st.rowLines[0], tt.rowLines[0]), source, target, sourceCells, targetCells,
                                       partner: partner, partnerOfTarget: partnerOfTarget)
            var here = columns.pairs
            for (ls, lt) in rows[before...] {
                guard let sc = sourceCells[ls], let tc = targetCells[lt] else { continue }
                for (col, su) in sc where numbersOnly(source.units[su]) && !columns.reordered.contains(col) {
                    if let tu = tc[col] { here.append((su, tu)) }
                }
            }
            out += here.sorted { $0.source < $1.source }
        }
        return out
    }

    /// Cells of words holding a number (`245 °C`) that the alignment pairs with a cell of
    /// another column of their row, or with none, paired instead with the cell of their own
    /// column: the alignment pairs cells by an equal number across columns, so values swapped
    /// between two columns would read as unchanged. Only in rows of as many cells on both sides
    /// (the header rows too), and only for a column whose cells the alignment pairs by position
    /// more often than not, its header cell included (a translation that reordered its columns
    /// pairs them crosswise row after row, and its header first); the same for the column of
    /// the cell it was paired with.
    static func crossedCells(_ rows: ArraySlice<(Int, Int)>, header: (Int, Int), _ source: Document, _ target: Document,
                             _ sourceCells: [Int: [Int: Int]], _ targetCells: [Int: [Int: Int]],
                             partner: [Int: Int], partnerOfTarget: [Int: Int]) -> (pairs: [(source: Int, target: Int)], reordered: Set<Int>) {
        func column(_ d: Document, _ k: Int) -> Int? { if case .tableCell(_, let col) = d.units[k].kind { return col }; return nil }
        func digits(_ u: Unit) -> Bool { u.text.indices.contains { u.roles[$0] == .content && u.text[$0] >= 0x30 && u.text[$0] <= 0x39 } }
        // By column: cells paired with the cell of the same column of the paired row, and with
        // another cell of it (by the source's column and by the target's).
        var positional: [Int: Int] = [:], crossedSource: [Int: Int] = [:], crossedTarget: [Int: Int] = [:]
        var headerCrossed = Set<Int>(), headerCrossedTarget = Set<Int>()
        for (ls, lt) in rows {
            guard let sc = sourceCells[ls] else { continue }
            for (col, su) in sc {
                guard let tu = partner[su], target.units[tu].start.line == lt, let tcol = column(target, tu) else { continue }
                if tcol == col { positional[col, default: 0] += 1; continue }
                crossedSource[col, default: 0] += 1
                crossedTarget[tcol, default: 0] += 1
                if ls == header.0 { headerCrossed.insert(col); headerCrossedTarget.insert(tcol) }
            }
        }
        // A column whose header cell, or most of its cells, the alignment pairs with another
        // column: moved (its cells of numbers are not compared by position either).
        let reordered = headerCrossed.union(crossedSource.filter { $0.value > positional[$0.key, default: 0] }.keys)
        guard rows.contains(where: { $0 == header }), TableShapes.cellCount(source, line: header.0) == TableShapes.cellCount(target, line: header.1) else {
            return ([], reordered)
        }
        func byPosition(_ col: Int) -> Bool {
            !headerCrossed.contains(col) && !headerCrossedTarget.contains(col)
                && positional[col, default: 0] > max(crossedSource[col, default: 0], crossedTarget[col, default: 0])
        }
        var out: [(source: Int, target: Int)] = []
        for (ls, lt) in rows where ls != header.0 {
            guard let sc = sourceCells[ls], let tc = targetCells[lt],
                  TableShapes.cellCount(source, line: ls) == TableShapes.cellCount(target, line: lt) else { continue }
            for (col, su) in sc.sorted(by: { $0.key < $1.key }) {
                let u = source.units[su]
                guard !numbersOnly(u), digits(u), let tu = tc[col], partner[su] != tu, byPosition(col) else { continue }
                if let x = partner[su] {
                    // Paired with a cell of another column of this row, itself a column paired by position.
                    guard target.units[x].start.line == lt, let xcol = column(target, x), byPosition(xcol) else { continue }
                }
                // The cell of its column paired with nothing, or with a cell of this row.
                if let y = partnerOfTarget[tu], source.units[y].start.line != ls { continue }
                out.append((su, tu))
            }
        }
        return (out, reordered)
    }

    /// A number as a message quotes it: with the sign before it and the `%` after it
    /// (`±5%`, not `5`).
    static func shown(_ u: Unit, _ r: Range<Int>) -> String {
        var lo = r.lowerBound, hi = r.upperBound
        // A part of a date (`2024-05-15`, `2024/05/15`): the whole date.
        if let date = dateAround(u, r) { return u.string(date) }
        // A part of an identifier that starts with letters (`CVE-2024-38821`, `UTC+8`, `GPT-4`):
        // the whole identifier.
        if let id = identifier(u, around: r) { return u.string(id) }
        if lo > 0, u.roles[lo - 1] == u.roles[r.lowerBound] {
            let c = u.text[lo - 1]
            // ± and − are signs; + and - only after a space (not GPT-4's hyphen).
            if c == 0xB1 || c == 0x2212 || ((c == 0x2B || c == 0x2D) && (lo == 1 || u.text[lo - 2] == 0x20)) { lo -= 1 }
        }
        if hi < u.text.count, u.text[hi] == 0x25 || u.text[hi] == 0xFF05 { hi += 1 }
        // Without a backslash that escapes in Markdown (`0\.4` shows 0.4).
        if u.text[lo..<hi].contains(0x5C) {
            return String(String.UnicodeScalarView((lo..<hi).filter { u.text[$0] != 0x5C || u.roles[$0] == .content }
                .compactMap { Unicode.Scalar(u.text[$0]) }))
        }
        return u.string(lo..<hi)
    }

    /// The date of digits a number is part of (`2024-05-15`, `2024/05/15`: three numbers joined
    /// by two hyphens or slashes): its range; nil for a number on its own.
    static func dateAround(_ u: Unit, _ r: Range<Int>) -> Range<Int>? {
        var lo = r.lowerBound, hi = r.upperBound
        let digit = { (i: Int) in i >= 0 && i < u.text.count && u.text[i] >= 0x30 && u.text[i] <= 0x39 }
        let joiner = { (i: Int) in u.text[i] == 0x2D || u.text[i] == 0x2F }
        guard (lo >= 2 && joiner(lo - 1) && digit(lo - 2)) || (hi + 1 < u.text.count && joiner(hi) && digit(hi + 1)) else { return nil }
        while lo >= 2 && joiner(lo - 1) && digit(lo - 2) { lo -= 2; while digit(lo - 1) { lo -= 1 } }
        while hi + 1 < u.text.count && joiner(hi) && digit(hi + 1) { hi += 2; while digit(hi) { hi += 1 } }
        return (lo..<hi).filter(joiner).count == 2 ? lo..<hi : nil
    }

    /// A currency sign (`¥`, `$`, `€`: Unicode's currency symbols).
    static func isCurrencySign(_ c: UInt32) -> Bool { Unicode.Scalar(c)?.properties.generalCategory == .currencySymbol }

    /// Whether the number at `r` is a time: part of a clock time, before a unit of time, or
    /// beside a month's name (`30 June`, `June 30`).
    static func isTimeLike(_ u: Unit, _ r: Range<Int>, _ locale: LocaleData) -> Bool {
        if clockAround(u, r) != nil || durationUnit(u, after: r, locale) != nil { return true }
        let t = u.text, months = locale.months.names
        if wordAfter(u, r, hyphen: false, hanLength: 0, { w, isHan in isHan ? nil : months[w] }) != nil { return true }
        var e = r.lowerBound
        while e > 0 && t[e - 1] == 0x20 { e -= 1 }
        var b = e
        while b > 0 && isASCIILetter(t[b - 1]) { b -= 1 }
        return b < e && months[u.string(b..<e)] != nil
    }

    /// The clock time a number is part of (`09:00`, `9:30:15`: numbers joined by colons, two
    /// digits after each): its range; nil for a number on its own.
    static func clockAround(_ u: Unit, _ r: Range<Int>) -> Range<Int>? {
        let t = u.text, n = t.count
        let digit = { (i: Int) in i >= 0 && i < n && t[i] >= 0x30 && t[i] <= 0x39 }
        var lo = r.lowerBound, hi = r.upperBound
        // Back over `hh:` and on over `:mm`, the part after a colon being two digits.
        while lo >= 2 && t[lo - 1] == 0x3A && digit(lo - 2) && hi - lo >= 2 { lo -= 1; while digit(lo - 1) { lo -= 1 } }
        while hi + 2 < n && t[hi] == 0x3A && digit(hi + 1) && digit(hi + 2) && !digit(hi + 3) { hi += 3 }
        guard lo < r.lowerBound || hi > r.upperBound, (lo..<hi).filter({ t[$0] == 0x3A }).count <= 2 else { return nil }
        return lo..<hi
    }

    /// The identifier a number is part of, when it starts with Latin letters and joins its
    /// parts with `-`, `+` or `_` (`CVE-2024-38821`, `UTC+8`, `RFC-9110`): its range; nil for a
    /// number on its own or one that starts the token (`5-minute`, `10-15`).
    static func identifier(_ u: Unit, around r: Range<Int>) -> Range<Int>? {
        let t = u.text, n = t.count
        guard r.lowerBound > 1, r.upperBound <= n else { return nil }
        @inline(__always) func alnum(_ c: UInt32) -> Bool { (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || (c >= 0x30 && c <= 0x39) }
        @inline(__always) func joiner(_ c: UInt32) -> Bool { c == 0x2D || c == 0x2B || c == 0x5F }
        let role = u.roles[r.lowerBound]
        guard joiner(t[r.lowerBound - 1]), alnum(t[r.lowerBound - 2]), u.roles[r.lowerBound - 1] == role else { return nil }
        var lo = r.lowerBound - 1
        while lo > 0 && u.roles[lo - 1] == role && (alnum(t[lo - 1]) || (joiner(t[lo - 1]) && lo >= 2 && alnum(t[lo - 2]))) { lo -= 1 }
        guard t[lo] | 0x20 >= 0x61 && t[lo] | 0x20 <= 0x7A else { return nil }
        var hi = r.upperBound
        while hi < n && u.roles[hi] == role && (alnum(t[hi]) || (joiner(t[hi]) && hi + 1 < n && alnum(t[hi + 1]))) { hi += 1 }
        return lo..<hi
    }

    /// A unit symbol written right after a number (`900 µs`, `2 mL`, `16MHz`): one to four Latin
    /// or Greek letters after at most one space, and then no letter, digit or joiner of words;
    /// nil for a word (`10 minutes`, `5 versions`), a unit in Chinese (`900 微秒`) or nothing.
    /// `centrifugal`: the locale's words of relative centrifugal force (``LocaleData/centrifugalWords``:
    /// `g-force`), the unit `×g` as `400 × g` is.
    static func symbol(_ u: Unit, after r: Range<Int>, centrifugal: [[UInt32]]) -> String? {
        let n = u.text.count
        guard r.upperBound > 0, r.upperBound <= n else { return nil }
        // A heading's section number (`### 3.1 Dual …`, `### 3.1 A股…`): a place in the outline,
        // no quantity.
        if case .heading = u.kind, r.upperBound < n, u.text[r.upperBound] == 0x20,
           let section = NumberMismatchRule.sectionNumber(u), section.range == r, section.parts.count > 1 { return nil }
        let role = u.roles[r.upperBound - 1]
        func letter(_ c: UInt32) -> Bool {
            (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c == 0xB5 || (c >= 0x391 && c <= 0x3C9) || c == 0x2126
        }
        var k = r.upperBound
        if k < n, [0x20, 0xA0, 0x2009, 0x202F].contains(u.text[k]) { k += 1 }
        // Relative centrifugal force, a unit of its own (`400 × g`, `400 xg`, `400 g-force`: a
        // word of `centrifugal`), not a number times grams: `×g`.
        if k < n && u.roles[k] == role && (u.text[k] == 0xD7 || u.text[k] == 0x78 || u.text[k] == 0x67) {
            var g = k
            let times = u.text[g] != 0x67
            if times {
                g += 1
                if g < n && u.text[g] == 0x20 { g += 1 }
            }
            if g < n && u.text[g] == 0x67 && u.roles[g] == role {
                var e = g + 1, isForce = false
                for w in centrifugal where w.count > 1 && g + w.count <= n && u.text[g..<(g + w.count)].elementsEqual(w) {
                    e = g + w.count
                    isForce = true
                    break
                }
                if (times || isForce) && (e == n || !(letter(u.text[e]) || (u.text[e] >= 0x30 && u.text[e] <= 0x39) || u.text[e] == 0x5F)) {
                    return "×g"
                }
            }
        }
        // Degrees Celsius and Fahrenheit: `°C`, `°F`, `℃`, `℉`.
        if k < n && u.roles[k] == role {
            if u.text[k] == 0x2103 || u.text[k] == 0x2109 { return u.string(k..<(k + 1)) }
            if u.text[k] == 0xB0, k + 1 < n, u.text[k + 1] == 0x43 || u.text[k + 1] == 0x46,
               k + 2 == n || !letter(u.text[k + 2]) { return u.string(k..<(k + 2)) }
        }
        let start = k
        while k < n && letter(u.text[k]) && u.roles[k] == role { k += 1 }
        // Two letters at most, or up to four with a capital or a Greek letter (`MHz`, `GiB`,
        // `µs`): a longer or lowercase run is a word (`mode`, `and`); `rpm` aside (revolutions per
        // minute, `r/min`: the package format is never right after a number), and `bar`, `mbar`
        // (pressure: ``otherScales``).
        guard k > start, k - start <= 2 || (k - start <= 4 && u.text[start..<k].contains { $0 < 0x61 || $0 > 0x7A })
                || u.text[start..<k].elementsEqual([0x72, 0x70, 0x6D]) || u.text[start..<k].elementsEqual([0x62, 0x61, 0x72])
                || u.text[start..<k].elementsEqual([0x6D, 0x62, 0x61, 0x72]) else { return nil }
        // Per second, per hour, per minute (`Mbit/s`, `km/h`, `mm/min`): part of the symbol. A
        // denominator of one letter, or a unit of time's symbol (`min`, `ms`, `hr`, `wk`).
        if k + 1 < n, u.text[k] == 0x2F, u.text[k + 1] | 0x20 >= 0x61 && u.text[k + 1] | 0x20 <= 0x7A, u.roles[k + 1] == role {
            var e = k + 1
            while e < n && letter(u.text[e]) && u.roles[e] == role { e += 1 }
            if e == k + 2 || NumberMismatchRule.timeDenominators.contains(u.string((k + 1)..<e)),
               e == n || !(u.text[e] >= 0x30 && u.text[e] <= 0x39) && u.text[e] != 0x2F {
                k = e
            }
        }
        // A power of the unit (`km²`, `m³`, `mm/s²`).
        if k < n && (u.text[k] == 0xB2 || u.text[k] == 0xB3) && u.roles[k] == role { k += 1 }
        if k < n {
            let c = u.text[k]
            if (c >= 0x30 && c <= 0x39) || c == 0x5F || c > 0x7F && c < 0x2000 && c != 0xB0 { return nil }
            if (c == 0x2D || c == 0x27 || c == 0x2019) && k + 1 < n && letter(u.text[k + 1]) { return nil }
        }
        return u.string(start..<k)
    }

    /// A word of Latin letters right after a number, glued or after one space (`12 gwei`,
    /// `32rem`): two to eight lowercase letters (a capitalised word is a name or a title:
    /// `7.3.3 Reno`), and then no letter, digit or joiner of words; nil otherwise.
    static func keptWord(_ u: Unit, after r: Range<Int>) -> String? {
        let t = u.text, n = t.count
        guard r.upperBound > 0, r.upperBound < n else { return nil }
        let role = u.roles[r.upperBound - 1]
        var k = r.upperBound
        if t[k] == 0x20 { k += 1 }
        guard k < n, t[k] >= 0x61 && t[k] <= 0x7A, u.roles[k] == role else { return nil }
        var e = k + 1
        while e < n && t[e] >= 0x61 && t[e] <= 0x7A && u.roles[e] == role { e += 1 }
        guard (2...8).contains(e - k) else { return nil }
        if e < n {
            let c = t[e]
            if isASCIILetter(c) || (c >= 0x30 && c <= 0x39) || c == 0x5F { return nil }
            if (c == 0x2D || c == 0x2E || c == 0x27 || c == 0x2019 || c == 0x2F) && e + 1 < n && isASCIILetter(t[e + 1]) { return nil }
        }
        return u.string(k..<e)
    }

    /// The word right after a number (after at most one space, or a hyphen with `hyphen`), in the
    /// number's role: a Latin word whole (`seconds`; nil when a digit or `_` runs on), or the
    /// longest start of the Han run after it (up to `hanLength` characters) that `lookup` knows,
    /// none when the run starts with a word of `except` (`年代`). As written, with what `lookup`
    /// gives (the locale's unit or currency for that word).
    static func wordAfter<T>(_ u: Unit, _ r: Range<Int>, hyphen: Bool, hanLength: Int, except: [String] = [],
                             _ lookup: (_ word: String, _ isHan: Bool) -> T?) -> (written: String, value: T)? {
        let t = u.text, n = t.count
        guard r.upperBound > 0, r.upperBound < n else { return nil }
        let role = u.roles[r.upperBound - 1]
        var k = r.upperBound
        if t[k] == 0x20 || t[k] == 0xA0 || t[k] == 0x2009 || t[k] == 0x202F || (hyphen && t[k] == 0x2D && k + 1 < n && isASCIILetter(t[k + 1])) { k += 1 }
        guard k < n, u.roles[k] == role else { return nil }
        if isASCIILetter(t[k]) {
            var e = k
            while e < n && isASCIILetter(t[e]) && u.roles[e] == role { e += 1 }
            if e < n && (t[e] >= 0x30 && t[e] <= 0x39 || t[e] == 0x5F) { return nil }
            let word = u.string(k..<e)
            return lookup(word, false).map { (word, $0) }
        }
        guard isHanIdeograph(t[k]) else { return nil }
        var e = k
        while e < n && e - k < hanLength && isHanIdeograph(t[e]) && u.roles[e] == role { e += 1 }
        let run = u.string(k..<e)
        if except.contains(where: { run.hasPrefix($0) }) { return nil }
        for len in stride(from: e - k, through: 1, by: -1) {
            let word = String(run.unicodeScalars.prefix(len))
            if let v = lookup(word, true) { return (word, v) }
        }
        return nil
    }

    /// A word of time right after a number, after a space or a hyphen (`30 seconds`, `5-minute`,
    /// `30 秒`, `3 个月`), as written and as the symbol it names (``LocaleData/durationUnits``);
    /// nil for any other word and for a word that starts like one and names something else
    /// (``LocaleData/notDurations``: 年代).
    static func durationUnit(_ u: Unit, after r: Range<Int>, _ locale: LocaleData) -> (written: String, symbol: String)? {
        guard !locale.durationUnits.isEmpty else { return nil }
        return wordAfter(u, r, hyphen: true, hanLength: 4, except: locale.notDurations) { word, isHan in
            locale.durationUnits[isHan ? word : word.lowercased()]
        }.map { ($0.written, $0.value) }
    }

    /// The units of time a word of ``LocaleData/Rates/per`` glued before them makes one of, with
    /// no number between (`每年`, `每个月`, `每一天`; not `每 5 秒`, `每三个月`), in prose: each
    /// by its symbol (`yr`, `mo`, `d`). `every 12 months` → `每年` writes the 12 months as one
    /// year, with no number.
    static func perUnits(_ u: Unit, _ locale: LocaleData) -> [String] {
        let per = locale.rates.per
        guard !per.isEmpty, !locale.durationUnits.isEmpty else { return [] }
        let t = u.text, n = t.count
        let words = per.map { Array($0.unicodeScalars.map(\.value)) }.sorted { $0.count > $1.count }
        let firsts = Set(words.compactMap(\.first))
        var out: [String] = []
        var i = 0
        while i < n {
            guard firsts.contains(t[i]), u.roles[i] == .content else { i += 1; continue }
            var found = false
            for w in words where i + w.count < n && t[i..<(i + w.count)].elementsEqual(w) {
                let b = i + w.count
                var e = b
                while e < n && e - b < 4 && isHanIdeograph(t[e]) && u.roles[e] == .content { e += 1 }
                guard e > b else { continue }
                let run = u.string(b..<e)
                if locale.notDurations.contains(where: { run.hasPrefix($0) }) { break }
                for f in stride(from: e, to: b, by: -1) {
                    if let s = locale.durationUnits[u.string(b..<f)] { out.append(s); i = f; found = true; break }
                }
                if found { break }
            }
            if !found { i += 1 }
        }
        return out
    }

    /// A unit written as a word right after a number, after a space or a hyphen (`2.3
    /// gigabytes`, `47 nanotesla`, `a 10-kilometre run`, `2.3 吉字节`, `5 公里`), as written and
    /// as the symbol it names (``LocaleData/unitWords``: `GB`, `nT`, `km`); nil for any other
    /// word and for a word that starts like one and names something else
    /// (``LocaleData/notUnits``: 比特币).
    static func unitWord(_ u: Unit, after r: Range<Int>, _ locale: LocaleData) -> (written: String, symbol: String)? {
        guard !locale.unitWords.isEmpty else { return nil }
        if let w = wordAfter(u, r, hyphen: true, hanLength: 6, except: locale.notUnits, { word, isHan in
            locale.unitWords[isHan ? word : word.lowercased()]
        }) { return (w.written, w.value) }
        return poweredUnit(u, after: r, locale)
    }

    /// The bound a number states (``LocaleData/bounds``): a word right before it (`at least 5`,
    /// `至少 5`), or right after it or after its unit (`5 or more`, `16 GB or more`, `16.0
    /// 或更高版本`, `5 位以上`), in prose; with where the word is written and whether it is a lower
    /// bound. Latin words stand apart from letters around them. With `time`, the bounds of a time
    /// count too (`no later than 10:00`, `10:00 之后`: ``LocaleData/Bounds/timeBefore``).
    static func bound(_ u: Unit, of r: Range<Int>, _ locale: LocaleData, time: Bool = false) -> (range: Range<Int>, lower: Bool)? {
        let bounds = locale.bounds
        guard !bounds.before.isEmpty || !bounds.after.isEmpty else { return nil }
        let t = u.text, n = t.count
        func letter(_ c: UInt32) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        // A line break inside a paragraph is a space (`at\nleast 1`, a source wrapped at 80 columns).
        func blank(_ c: UInt32) -> Bool { c == 0x20 || c == 0xA0 || c == 0x0A }
        func space(_ i: Int) -> Bool { i < n && blank(t[i]) }
        func lowered(_ c: UInt32) -> UInt32 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
        /// Where the words `w` written ending at `e` start (a space of `w` is any run of blanks), if they are.
        func start(_ w: [UInt32], endingAt e: Int) -> Int? {
            var i = e, j = w.count
            while j > 0 {
                guard i > 0 else { return nil }
                if w[j - 1] == 0x20 {
                    // The blanks of a line break may be markup of a container (a list item's indent).
                    guard blank(t[i - 1]) else { return nil }
                    while i > 0 && blank(t[i - 1]) { i -= 1 }
                } else {
                    guard u.roles[i - 1] == .content, lowered(t[i - 1]) == w[j - 1] else { return nil }
                    i -= 1
                }
                j -= 1
            }
            return letter(w[0]) && i > 0 && letter(t[i - 1]) ? nil : i
        }
        /// Where the words `w` written from `s` end, if they are.
        func end(_ w: [UInt32], at s: Int) -> Int? {
            var i = s
            for c in w {
                guard i < n else { return nil }
                if c == 0x20 {
                    guard blank(t[i]) else { return nil }
                    while i < n && blank(t[i]) { i += 1 }
                } else {
                    guard u.roles[i] == .content, lowered(t[i]) == c else { return nil }
                    i += 1
                }
            }
            return letter(w[w.count - 1]) && i < n && letter(t[i]) ? nil : i
        }
        func matches(_ w: [UInt32], endingAt e: Int) -> Bool { start(w, endingAt: e) != nil }
        var b = r.lowerBound
        // A currency sign belongs to the amount (`more than ¥60,000`, `低于 US$400`).
        if b > 0, isCurrencySign(t[b - 1]) {
            b -= 1
            var k = 0
            while b > 0 && k < 3 && t[b - 1] >= 0x41 && t[b - 1] <= 0x5A { b -= 1; k += 1 }
            if k > 0 && b > 0 && letter(t[b - 1]) { b += k }
        }
        while b > 0 && space(b - 1) { b -= 1 }
        // A word of approximation between the bound and its number (`fewer than about 16`,
        // `不超过大约 16`): the bound is the words before it.
        if let a = bounds.approximators.lazy.compactMap({ start($0, endingAt: b) }).first {
            b = a
            while b > 0 && space(b - 1) { b -= 1 }
        }
        for (s, lower) in bounds.before { if let a = start(s, endingAt: b) { return (a..<b, lower) } }
        if time {
            for (s, lower) in bounds.timeBefore { if let a = start(s, endingAt: b) { return (a..<b, lower) } }
            // Or over a qualifier of the time in Han between (`不早于英国时间 23:59`, `最迟于截止日当天
            // 17:00`): up to eight characters, no numeral nor mark.
            var g = b
            while g > 0 && b - g < 8 && isHanChar(t[g - 1]) && !locale.numerals.isNumeral(t[g - 1]) && u.roles[g - 1] == .content {
                g -= 1
                for (s, lower) in bounds.timeBefore where s.count >= 2 && matches(s, endingAt: g) { return ((g - s.count)..<g, lower) }
            }
        }
        // A negator of `boundNegators`, a comparative and a word of `boundComparatives` right
        // before it (`no longer than 90 days`, `not bigger than`): a bound the other way of the
        // comparative's own (`more than` of `boundsBefore` and `or later` of `boundsAfter` are
        // lower ones, so `no later than` is upper; `no fewer than` lower); upper for a comparative
        // the locale lists in neither (`longer`).
        if !bounds.negators.isEmpty && !bounds.comparatives.isEmpty {
            /// The word of letters ending at `e` (after spaces), lowercased, and where it starts.
            func word(endingAt e: Int) -> (start: Int, letters: [UInt32])? {
                var e = e
                while e > 0 && space(e - 1) { e -= 1 }
                var s = e
                while s > 0 && letter(t[s - 1]) && u.roles[s - 1] == .content { s -= 1 }
                guard s < e, s == 0 || !(t[s - 1] >= 0x30 && t[s - 1] <= 0x39) && t[s - 1] != 0x2D else { return nil }
                return (s, t[s..<e].map(lowered))
            }
            if let than = word(endingAt: b), bounds.comparatives.contains(String(String.UnicodeScalarView(than.letters.compactMap(Unicode.Scalar.init)))),
               let comparative = word(endingAt: than.start), comparative.letters.count >= 3,
               let negator = word(endingAt: comparative.start),
               bounds.negators.contains(String(String.UnicodeScalarView(negator.letters.compactMap(Unicode.Scalar.init)))) {
                let phrase = comparative.letters + [0x20] + than.letters
                var lower = false
                if let x = bounds.before.first(where: { $0.words == phrase }) { lower = !x.lower }
                else if let x = bounds.after.first(where: { $0.words == [0x6F, 0x72, 0x20] + comparative.letters }) { lower = !x.lower }
                return (negator.start..<b, lower)
            }
            // A comparative of a difference and `than` alone (`longer than 35 seconds`, `hotter
            // than 70 °C`): a bound the way of the quantity it compares (``LocaleData/Bounds/differences``:
            // `longer` more, a lower bound; `shorter` less, an upper one).
            if let than = word(endingAt: b), bounds.comparatives.contains(String(String.UnicodeScalarView(than.letters.compactMap(Unicode.Scalar.init)))),
               let comparative = word(endingAt: than.start), comparative.letters.count >= 4,
               let x = bounds.differences.first(where: { $0.words == comparative.letters }) {
                return (comparative.start..<b, x.more)
            }
        }
        // Or a verb of one or two Han characters between (`至少需要 8 GB`, `最多等待 1.5 ms`), a
        // modal before it or not; not a superlative (`最多的 5 个`: the five with the most), a numeral or a mark.
        var g = b
        while g > 0 && b - g < 2 && isHanChar(t[g - 1]) && !locale.numerals.isNumeral(t[g - 1]) && t[g - 1] != 0x7684 && u.roles[g - 1] == .content {
            g -= 1
            for (s, lower) in bounds.before where matches(s, endingAt: g) { return ((g - s.count)..<g, lower) }
            // Or a modal before the verb (`至少可以使用 2 天`; `boundModals`).
            for m in bounds.modals where matches(m, endingAt: g) {
                let h = g - m.count
                for (s, lower) in bounds.before where matches(s, endingAt: h) { return ((h - s.count)..<h, lower) }
            }
        }
        // After the number: right after it, or after its unit (one word of letters, or up to
        // three characters of Han: a classifier, a unit).
        var starts: [Int] = []
        var k = r.upperBound
        // A time's minutes and seconds after its hour (`10:00 之后`, the number being `10`).
        func digit(_ i: Int) -> Bool { i < n && t[i] >= 0x30 && t[i] <= 0x39 }
        while time && k < n && t[k] == 0x3A && digit(k + 1) && digit(k + 2) { k += 3 }
        while space(k) { k += 1 }
        // A unit the quantity reader knows, written with symbols (`3% 以上`, `70 °C 以下`,
        // `70 mm² or more`): the bound comes after it.
        if k < n && (t[k] == 0x25 || t[k] == 0xFF05 || t[k] == 0x2030) && u.roles[k] == .content {
            k += 1
            while space(k) { k += 1 }
        } else if k < n && !isHanChar(t[k]), let x = symbol(u, after: r, centrifugal: []), quantityUnit(x) != nil {
            let w = Array(x.unicodeScalars.map(\.value))
            if k + w.count <= n && t[k..<(k + w.count)].elementsEqual(w) && !(k + w.count < n && letter(t[k + w.count])) {
                k += w.count
                while space(k) { k += 1 }
            }
        }
        starts.append(k)
        if k < n && letter(t[k]) {
            var e = k
            while e < n && letter(t[e]) { e += 1 }
            var f = e
            while space(f) { f += 1 }
            starts.append(f)
        } else {
            var e = k
            while e < n && e < k + 3 && isHanChar(t[e]) { e += 1; starts.append(e) }
        }
        // A word of `boundsFromAfter` after it when one of `boundsFrom` stands before it (`from
        // 768 px up`), not before `to` (`from 3 down to 1`: a change).
        let from = !bounds.fromAfter.isEmpty && bounds.from.contains { start($0, endingAt: b) != nil }
        for s in starts {
            for (x, lower) in bounds.after {
                guard let e = end(x, at: s) else { continue }
                return (s..<e, bounds.ageTurned.contains(x) && isAge(u, r, locale) ? !lower : lower)
            }
            if from {
                for (x, lower) in bounds.fromAfter {
                    guard let x1 = end(x, at: s) else { continue }
                    var e = x1
                    while space(e) { e += 1 }
                    if e + 1 < n && lowered(t[e]) == 0x74 && lowered(t[e + 1]) == 0x6F && !(e + 2 < n && letter(t[e + 2])) { continue }
                    return (s..<x1, lower)
                }
            }
            if time {
                for (x, lower) in bounds.timeAfter { if let e = end(x, at: s) { return (s..<e, lower) } }
            }
        }
        return nil
    }

    /// Quantities a bound may stand beside that are no numbers of their own: an inline code span
    /// that is a number and a unit (`768px`, `1.5rem`, `100ms`) and an inline formula (`$p + q -
    /// 1$`), each with the delimiters around it (backticks, dollar signs); compared by what they
    /// write, where the translation writes the same (a bound turned round before or after one,
    /// `at most $p + q - 1$` → `至少 $p + q - 1$`).
    static func operands(_ u: Unit, unit k: Int) -> [Mention<NumberMention>] {
        let t = u.text, n = t.count
        var out: [Mention<NumberMention>] = []
        var i = 0
        while i < n {
            let role = u.roles[i]
            guard role == .code || role == .math else { i += 1; continue }
            var e = i
            while e < n && u.roles[e] == role { e += 1 }
            defer { i = e }
            var ok = role == .math && t[i..<e].contains { $0 != 0x20 }
            if role == .code {
                // Digits, a decimal part, then up to four letters or a `%`.
                var j = i
                while j < e && t[j] >= 0x30 && t[j] <= 0x39 { j += 1 }
                if j > i && j + 1 < e && t[j] == 0x2E && t[j + 1] >= 0x30 && t[j + 1] <= 0x39 {
                    j += 1
                    while j < e && t[j] >= 0x30 && t[j] <= 0x39 { j += 1 }
                }
                let letters = t[j..<e].allSatisfy(isASCIILetter) && e - j <= 4
                ok = j > i && (letters || (e - j == 1 && t[j] == 0x25))
            }
            guard ok else { continue }
            var lo = i, hi = e
            while lo > 0 && u.roles[lo - 1] == .markup && (t[lo - 1] == 0x60 || t[lo - 1] == 0x24) { lo -= 1 }
            while hi < n && u.roles[hi] == .markup && (t[hi] == 0x60 || t[hi] == 0x24) { hi += 1 }
            out.append(Mention(unit: k, range: lo..<hi, value: NumberMention(range: lo..<hi, text: u.string(i..<e), values: [], isVersion: false)))
        }
        return out
    }

    /// A comparative of a difference right after a number of the source, over its `%` or its
    /// unit (one word) (`150 g lighter than`, `35% faster`): the quantity it compares, whether
    /// it says more of it, and where it is (``LocaleData/Bounds/differences``).
    static func difference(_ u: Unit, after r: Range<Int>, _ bounds: LocaleData.Bounds) -> (quantity: String, more: Bool, range: Range<Int>)? {
        guard !bounds.differences.isEmpty else { return nil }
        let t = u.text, n = t.count
        @inline(__always) func space(_ i: Int) -> Bool { i < n && (t[i] == 0x20 || t[i] == 0xA0) }
        @inline(__always) func lowered(_ c: UInt32) -> UInt32 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
        func word(at s: Int) -> (quantity: String, more: Bool, range: Range<Int>)? {
            guard s < n, isASCIILetter(t[s]) else { return nil }
            var e = s
            while e < n && isASCIILetter(t[e]) { e += 1 }
            guard e - s >= 4, u.roles[s] == .content else { return nil }
            let w = t[s..<e].map(lowered)
            guard let x = bounds.differences.first(where: { $0.words.elementsEqual(w) }) else { return nil }
            return (x.quantity, x.more, s..<e)
        }
        var k = r.upperBound
        if k < n && (t[k] == 0x25 || t[k] == 0xFF05) { k += 1 }
        while space(k) { k += 1 }
        if let x = word(at: k) { return x }
        // Over one word of a unit (`150 g`, `2 points`).
        var e = k
        while e < n && e - k <= 12 && (isASCIILetter(t[e]) || t[e] == 0xB0 || t[e] == 0xB5) { e += 1 }
        guard e > k, space(e) else { return nil }
        while space(e) { e += 1 }
        return word(at: e)
    }

    /// The translation's comparative of a difference right before a number (`重 150 g`, `慢
    /// 35%`, `高出 20%`, over a word of `differenceLinks`): the quantity and its way; none where
    /// a word of the same quantity stands right before it (`大小 8 GB` names a size).
    static func difference(_ u: Unit, before r: Range<Int>, _ bounds: LocaleData.Bounds) -> (quantity: String, more: Bool, range: Range<Int>)? {
        guard !bounds.differences.isEmpty else { return nil }
        let t = u.text
        var b = r.lowerBound
        while b > 0 && (t[b - 1] == 0x20 || t[b - 1] == 0xA0) { b -= 1 }
        func ending(_ w: [UInt32], at e: Int) -> Bool {
            let s = e - w.count
            guard s >= 0 else { return false }
            for j in 0..<w.count where t[s + j] != w[j] || u.roles[s + j] != .content { return false }
            return true
        }
        if let l = bounds.differenceLinks.first(where: { ending($0, at: b) }) { b -= l.count }
        guard let x = bounds.differences.first(where: { ending($0.words, at: b) }) else { return nil }
        let s = b - x.words.count
        if bounds.differences.contains(where: { $0.quantity == x.quantity && ending($0.words, at: s) }) { return nil }
        return (x.quantity, x.more, s..<b)
    }

    /// The source's ordinals in words (``LocaleData/Bounds/ordinals``: `second`, `third`) right
    /// after a word of `ordinalAfter` (`the second case`), or after any word with `after` false
    /// (`a second violation`), by their value; with `compounds`, also those opening a hyphenated
    /// compound (`third-party`, whose translation may write the ordinal: 第三方).
    static func ordinalWords(_ u: Unit, _ bounds: LocaleData.Bounds, after: Bool = true, compounds: Bool = false) -> [(range: Range<Int>, value: Double)] {
        guard !bounds.ordinals.isEmpty else { return [] }
        let t = u.text, n = t.count
        var out: [(Range<Int>, Double)] = []
        forEachLatinWord(t) { r, previous in
            let i = r.lowerBound, e = r.upperBound
            // (The length first: no string made for most words.)
            guard e - i >= 5 && e - i <= 8, u.roles[i] == .content, !(e < n && ((t[e] == 0x2D && !compounds) || t[e] == 0x27)),
                  let value = bounds.ordinals[u.string(i..<e).lowercased()] else { return }
            if after {
                guard let w = previous, w.upperBound + 1 == i, t[w.upperBound] == 0x20, bounds.ordinalAfter.contains(u.string(w).lowercased()) else { return }
            }
            out.append((i..<e, value))
        }
        return out
    }

    /// The source's multipliers in words (``LocaleData/Bounds/multipliers``: `twice`, `half`)
    /// right before a word of `multiplierBefore` (`twice as long as`, `half the size`), by their
    /// factor.
    static func multipliers(_ u: Unit, unit k: Int, _ bounds: LocaleData.Bounds) -> [(range: Range<Int>, factor: Double)] {
        guard !bounds.multipliers.isEmpty else { return [] }
        let t = u.text, n = t.count
        var out: [(Range<Int>, Double)] = []
        forEachLatinWord(t) { r, _ in
            let i = r.lowerBound, e = r.upperBound
            // (The length first: no string made for most words.)
            guard e - i >= 4 && e - i <= 6, u.roles[i] == .content, i == 0 || !(isASCIILetter(t[i - 1]) || t[i - 1] == 0x2D),
                  e + 2 < n, t[e] == 0x20, let factor = bounds.multipliers[u.string(i..<e).lowercased()] else { return }
            var f = e + 1
            while f < n && isASCIILetter(t[f]) { f += 1 }
            guard f < n ? !(t[f] == 0x2D) : true, bounds.multiplierBefore.contains(u.string((e + 1)..<f).lowercased()) else { return }
            out.append((i..<e, factor))
        }
        return out
    }

    /// Text of a unit on one line: a line break inside a paragraph, with the blanks around it,
    /// is a space (`at\nleast 1` is `at least 1`).
    static func oneLine(_ s: String) -> String {
        guard s.contains("\n") else { return s }
        return s.split(whereSeparator: { $0 == "\n" }).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    /// Whether the number at `r` is an age rather than a version, for the words of `ageBounds`
    /// (`aged 18 or older` against `iOS 12 or older`): not with a decimal point, nor with a word
    /// of `versionWords` or a capitalised word, or one with a digit, right before it, unless that
    /// word is one of `ageWords` (`Ages 3 or older`).
    static func isAge(_ u: Unit, _ r: Range<Int>, _ locale: LocaleData) -> Bool {
        let t = u.text
        if t[r].contains(0x2E) { return false }
        var e = r.lowerBound
        while e > 0 && (t[e - 1] == 0x20 || t[e - 1] == 0xA0 || t[e - 1] == 0x0A) { e -= 1 }
        var s = e
        while s > 0 && (isASCIILetter(t[s - 1]) || (t[s - 1] >= 0x30 && t[s - 1] <= 0x39)) { s -= 1 }
        // The word after the number (`3 years or older`).
        if wordAfter(u, r, hyphen: false, hanLength: 0, { w, isHan in !isHan && locale.bounds.ageWords.contains(w.lowercased()) ? true : nil }) != nil { return true }
        guard s < e else { return true }
        let word = u.string(s..<e).lowercased()
        if locale.bounds.ageWords.contains(word) { return true }
        if locale.versionWords.contains(word) { return false }
        // A name: a capital or a digit inside the word (`iOS`, `Win11`), or a capital first
        // where no sentence starts (`Android 9`; not `Children 12 or older`).
        func capital(_ c: UInt32) -> Bool { c >= 0x41 && c <= 0x5A }
        if t[(s + 1)..<e].contains(where: { capital($0) || ($0 >= 0x30 && $0 <= 0x39) }) { return false }
        guard capital(t[s]) || (t[s] >= 0x30 && t[s] <= 0x39) else { return true }
        var p = s
        while p > 0 && (t[p - 1] == 0x20 || t[p - 1] == 0xA0 || t[p - 1] == 0x0A || t[p - 1] == 0x22 || t[p - 1] == 0x28 || t[p - 1] == 0x201C) { p -= 1 }
        return p == 0 || [0x2E, 0x21, 0x3F, 0x3A, 0x3B, 0x3002, 0xFF01, 0xFF1F, 0xFF1A].contains(t[p - 1])
    }

    /// What ends a clause before a negation (``negatedBefore(_:_:latin:han:)``): punctuation of
    /// either locale.
    static let clauseStops: Set<UInt32> = Set("，。；：！？,;:!?、（(".unicodeScalars.map(\.value))

    /// A negation right before the bound word starting at `s`, in its clause: a word of
    /// `latin` (the locale's negations: `cannot`, `not`, `don't`) among the three words before it
    /// (`cannot hold more than 7`), or one of `han` (``LoneSentences/scalars(_:)``) among the six
    /// characters of Han before it (`不能持有超过 7 张`) or among the first four of its clause
    /// within 16 characters, a code span between (`切勿向 `VIN` 引脚施加超过 5.5 V`).
    static func negatedBefore(_ u: Unit, _ s: Int, latin: Set<String> = [], han: [[UInt32]] = [], reach: Int = 3) -> Bool {
        let t = u.text
        if !latin.isEmpty {
            var i = s, words = 0
            while i > 0 && words < reach {
                while i > 0 && (t[i - 1] == 0x20 || t[i - 1] == 0xA0) { i -= 1 }
                var b = i
                while b > 0 && (isASCIILetter(t[b - 1]) || t[b - 1] == 0x27 || t[b - 1] == 0x2019) && u.roles[b - 1] == .content { b -= 1 }
                guard b < i else { break }
                if latin.contains(u.string(b..<i).lowercased().replacingOccurrences(of: "\u{2019}", with: "'")) { return true }
                words += 1
                i = b
            }
        }
        if !han.isEmpty {
            var b = s
            while b > 0 && s - b < 6 && isHanIdeograph(t[b - 1]) && u.roles[b - 1] == .content { b -= 1 }
            if b < s && LoneSentences.saysNegation(t, b..<s, han) { return true }
            // Farther back in the clause, over a code span or a name (`切勿向 `VIN` 引脚施加超过
            // 5.5 V`): a negation among the first four characters of Han that start the clause,
            // within 16 characters.
            var c = b
            while c > 0 && s - c < 16 && !clauseStops.contains(t[c - 1]) { c -= 1 }
            if c < b, c == 0 || clauseStops.contains(t[c - 1]) {
                var e = c
                while e < b && e - c < 4 && isHanIdeograph(t[e]) && u.roles[e] == .content { e += 1 }
                if e > c && LoneSentences.saysNegation(t, c..<e, han) { return true }
            }
        }
        return false
    }

    /// A negation among the two characters of Han right before the bound word starting at `s`
    /// (`不得超过`, `勿超过`, `不能超过`): one of `han` (``LoneSentences/scalars(_:)``).
    static func negatedRightBefore(_ u: Unit, _ s: Int, han: [[UInt32]]) -> Bool {
        var b = s
        while b > 0 && s - b < 2 && isHanIdeograph(u.text[b - 1]) && u.roles[b - 1] == .content { b -= 1 }
        return b < s && LoneSentences.saysNegation(u.text, b..<s, han)
    }

    /// A negation that scopes a comparative bound on a number (`cannot hold more than 7`: the
    /// negator `words[k]`, a few words, a word of `boundComparatives` and the number right after
    /// it, in `sr`), rendered by a bound of the other way beside the same number in `tr` of the
    /// translation (`上限为 7`, `最多 7`): the negation is said, as a bound (missing-translation).
    static func negatedBoundRendered(_ su: Unit, _ words: [BitextText.Word], negator k: Int, in sr: Range<Int>,
                                     _ tu: Unit, _ tr: Range<Int>, source: LocaleData, target: LocaleData) -> Bool {
        let comparatives = source.bounds.comparatives
        guard !comparatives.isEmpty, k + 2 < words.count else { return false }
        for j in (k + 2)..<min(words.count, k + 6) {
            let w = words[j]
            guard w.kind == .latin, sr.contains(w.range.lowerBound) else { return false }
            guard comparatives.contains(su.string(w.range).lowercased()) else { continue }
            // The number right after the word (`than 7`, `than seven`).
            let from = w.range.upperBound, to = min(sr.upperBound, from + 16)
            let eligible = { (i: Int) in i >= from && i < to && su.roles[i] == .content }
            guard let n = (NumberScanner.numbers(in: su.text, numerals: target.numerals, eligible: eligible) + NumberScanner.numberWords(in: su.text, eligible: eligible))
                    .min(by: { $0.range.lowerBound < $1.range.lowerBound }),
                  su.text[from..<n.range.lowerBound].allSatisfy({ $0 == 0x20 || $0 == 0xA0 }),
                  let b = bound(su, of: n.range, source) else { return false }
            let inTarget = { (i: Int) in tr.contains(i) && tu.roles[i] == .content }
            for m in NumberScanner.numbers(in: tu.text, numerals: target.numerals, gluedToWords: true, eligible: inTarget) where m.agrees(with: n) {
                if let y = bound(tu, of: m.range, target), y.lower != b.lower { return true }
            }
            return false
        }
        return false
    }

    /// The direction of the change a number states (``LocaleData/Bounds/changes``): a word right
    /// before it, over a currency sign (`up 12%`, `rose $3`), or over a word of `changeLinks`
    /// (`by`, `of`: `increased by 12%`, `an increase of 12%`), in Latin letters — a particle (`changeParticles`: `up`,
    /// `down`) only after punctuation or a word of `changeParticlesAfter` (`is up 12%`, `…, up
    /// 12%`; not `set up 3 servers`); within five characters of Han before it (`同比下降 12%`,
    /// `增长了 12%`; the nearest word; not right after 到, 至, 为…: `减少到 3` states the value).
    /// True for up, with where the word starts; nil for none.
    static func change(_ u: Unit, before r: Range<Int>, _ bounds: LocaleData.Bounds, _ numerals: Numerals) -> (up: Bool, start: Int)? {
        guard !bounds.changes.isEmpty else { return nil }
        let t = u.text
        var b = r.lowerBound
        func skipSpaces() { while b > 0 && (t[b - 1] == 0x20 || t[b - 1] == 0xA0) { b -= 1 } }
        skipSpaces()
        // A currency sign glued before the number (`$4.2`, `US$`).
        while b > 0 && (t[b - 1] == 0x24 || t[b - 1] == 0x20AC || t[b - 1] == 0xA3 || t[b - 1] == 0xA5 || t[b - 1] == 0xFFE5 || (isASCIILetter(t[b - 1]) && b < r.lowerBound && t[b] == 0x24)) { b -= 1 }
        skipSpaces()
        guard b > 0, u.roles[b - 1] == .content else { return nil }
        @inline(__always) func lowered(_ c: UInt32) -> UInt32 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
        func word(endingAt e: Int) -> [UInt32] {
            var s = e
            while s > 0 && isASCIILetter(t[s - 1]) { s -= 1 }
            return t[s..<e].map(lowered)
        }
        if isASCIILetter(t[b - 1]) {
            var w = word(endingAt: b)
            if bounds.changeLinks.contains(w) {   // `by`, `of`
                b -= w.count
                skipSpaces()
                guard b > 0, isASCIILetter(t[b - 1]) else { return nil }
                w = word(endingAt: b)
            }
            guard let x = bounds.changes.first(where: { $0.words == w }) else { return nil }
            let start = b - w.count
            if bounds.changeParticles.contains(w) {
                var p = start
                while p > 0 && (t[p - 1] == 0x20 || t[p - 1] == 0xA0) { p -= 1 }
                if p > 0 && isASCIILetter(t[p - 1]) {
                    guard bounds.changeParticlesAfter.contains(word(endingAt: p)) else { return nil }
                }
            }
            return (x.up, start)
        }
        // Han: the nearest word of change ending within five characters.
        if numerals.valueBefore.contains(t[b - 1]) { return nil }
        var e = b, steps = 0
        while e > 0 && steps < 5 && isHanIdeograph(t[e - 1]) && u.roles[e - 1] == .content {
            for x in bounds.changes where x.words.count <= e && Array(t[(e - x.words.count)..<e]) == x.words { return (x.up, e - x.words.count) }
            e -= 1
            steps += 1
        }
        return nil
    }

    /// Whether a sign of comparison includes the number (`≥`, `≤`, `≧`, `≦`) or not (`>`, `<`,
    /// `＞`, `＜`); nil for anything else (a word).
    static func signInclusive(_ s: String) -> Bool? {
        switch s {
        case "≥", "≤", "≧", "≦": return true
        case ">", "<", "＞", "＜": return false
        default: return nil
        }
    }

    /// True when the word right before `s` (over spaces) is one of `words` (`strictly`).
    static func strictBefore(_ u: Unit, _ s: Int, _ words: Set<String>) -> Bool {
        guard !words.isEmpty else { return false }
        let t = u.text
        var e = s
        while e > 0 && (t[e - 1] == 0x20 || t[e - 1] == 0x0A) { e -= 1 }
        var b = e
        while b > 0 && isASCIILetter(t[b - 1]) && u.roles[b - 1] == .content { b -= 1 }
        return b < e && words.contains(u.string(b..<e).lowercased())
    }

    /// Whether a bound of the translation includes its number: a sign, or a word of the locale's
    /// `boundsBefore` (不低于, 至少, 不超过 include; 超过, 大于, 少于, its `boundsExclusive`, do
    /// not); nil for a word that may read either way (以上, 以下, 以内).
    static func boundInclusive(_ s: String, _ bounds: LocaleData.Bounds) -> Bool? {
        signInclusive(s) ?? bounds.includes(s)
    }

    /// A `%` right after a number (over a space).
    static func percentAfter(_ t: [UInt32], _ e: Int) -> Bool {
        var k = e
        if k < t.count && (t[k] == 0x20 || t[k] == 0xA0 || t[k] == 0x202F) { k += 1 }
        return k < t.count && (t[k] == 0x25 || t[k] == 0xFF05)
    }

    /// A `±` right before a number (over a space).
    static func plusMinusBefore(_ t: [UInt32], _ s: Int) -> Bool {
        var k = s
        if k > 0 && (t[k - 1] == 0x20 || t[k - 1] == 0xA0 || t[k - 1] == 0x202F) { k -= 1 }
        return k > 0 && t[k - 1] == 0xB1
    }

    /// `word` written after the number ending at `e`, within `within` characters (its unit between).
    static func hanAfter(_ t: [UInt32], _ e: Int, _ word: String, within: Int = 1) -> Bool {
        let w = word.unicodeScalars.map(\.value)
        var k = e
        while k < t.count && k < e + within + w.count {
            if k + w.count <= t.count && Array(t[k..<(k + w.count)]) == w { return true }
            if t[k] == 0x3002 || t[k] == 0xFF0C || t[k] == 0xFF1B || t[k] == 0x0A { return false }
            k += 1
        }
        return false
    }

    /// A number and its rate as a message quotes them: with the words between when they are
    /// few (`120 requests per second`, `每分钟 120`), else with `…` between.
    static func rateShown(_ u: Unit, _ r: Range<Int>, _ rate: Range<Int>) -> String {
        var r = r
        // A Chinese numeral with its classifier (`两次`, not `两`).
        if r.upperBound < u.text.count, isHanIdeograph(u.text[r.upperBound]), let last = u.text[..<r.upperBound].last, isHanIdeograph(last),
           !(rate.lowerBound >= r.upperBound) { r = r.lowerBound..<(r.upperBound + 1) }
        let lo = min(r.lowerBound, rate.lowerBound), hi = max(r.upperBound, rate.upperBound)
        let gap = rate.lowerBound >= r.upperBound ? rate.lowerBound - r.upperBound : r.lowerBound - rate.upperBound
        let text = gap <= (rate.lowerBound >= r.upperBound ? 24 : 12) ? u.string(lo..<hi)
            : rate.lowerBound >= r.upperBound ? shown(u, r) + " … " + u.string(rate) : u.string(rate) + " … " + shown(u, r)
        return text.replacingOccurrences(of: "\n", with: " ")
    }

    /// What joins two numbers into a range (`3 to 5`, `3-5`, `3～5`, `3 到 5`).
    static let rangeJoiners: Set<String> = ["-", "\u{2013}", "~", "\u{FF5E}", "to", "or", "到", "至", "或"]

    /// Where the range a number is part of starts and ends (`3 to 5`, `3–5 次`): the numbers
    /// of `stops` (the unit's, in order) joined to it by a range's joiner taken in.
    static func rangeBounds(_ u: Unit, _ r: Range<Int>, _ stops: [Range<Int>]) -> Range<Int> {
        func joins(_ a: Int, _ b: Int) -> Bool {
            a <= b && b - a <= 4 && rangeJoiners.contains(u.string(a..<b).trimmingCharacters(in: .whitespaces).lowercased())
        }
        var lo = r.lowerBound, hi = r.upperBound
        while let p = stops.last(where: { $0.upperBound <= lo }), joins(p.upperBound, lo) { lo = p.lowerBound }
        while let q = stops.first(where: { $0.lowerBound >= hi }), joins(hi, q.lowerBound) { hi = q.upperBound }
        return lo..<hi
    }

    /// The unit of time of the rate a number states in its clause (``LocaleData/rates``), as the
    /// symbol of ``LocaleData/durationUnits`` (`s`, `min`, `d`), with where the rate is written;
    /// nil when it states none. `stops` are the unit's numbers: a clause ends at the next one
    /// (at the one before it too, in Chinese), unless the two make a range (`3 to 5 times per
    /// minute`, `每分钟 3 到 5 次`), whose rate is each number's.
    static func rate(_ u: Unit, of r: Range<Int>, stops: [Range<Int>], _ locale: LocaleData) -> (range: Range<Int>, symbol: String)? {
        guard r.upperBound <= u.text.count, !locale.durationUnits.isEmpty else { return nil }
        let rates = locale.rates
        guard !rates.isEmpty else { return nil }
        let span = rangeBounds(u, r, stops)
        return locale.isHan ? rateAround(u, span, stops: stops, locale) : rateAfter(u, span, stops: stops, locale)
    }

    /// A unit of time after a slash at `i` (`/s`, `/min`, `/秒`: ``LocaleData/Rates/symbols``,
    /// the longest that matches), then no letter, digit or slash; before `limit`.
    static func rateSlash(_ u: Unit, at i: Int, limit: Int, _ rates: LocaleData.Rates) -> (range: Range<Int>, symbol: String)? {
        let t = u.text, n = t.count
        guard i < limit, t[i] == 0x2F || t[i] == 0xFF0F, i + 1 < limit, u.roles[i + 1] == u.roles[i] else { return nil }
        var e = i + 1
        if isASCIILetter(t[e]) {
            while e < limit && isASCIILetter(t[e]) { e += 1 }
            guard e == n || !(isASCIILetter(t[e]) || (t[e] >= 0x30 && t[e] <= 0x39) || t[e] == 0x2F || t[e] == 0x5F),
                  let s = rates.symbols[u.string((i + 1)..<e).lowercased()] else { return nil }
            return (i..<e, s)
        }
        while e < limit && e - i <= 3 && isHanIdeograph(t[e]) { e += 1 }
        for end in stride(from: e, to: i + 1, by: -1) {
            if let s = rates.symbols[u.string((i + 1)..<end)] { return (i..<end, s) }
        }
        return nil
    }

    /// The rate after a number of a Latin-script text (``rate(_:of:stops:_:)``): `per` and a word
    /// of time anywhere in its clause (`120 requests to the API per second`); an article and one
    /// right after the quantity, with at most two words between, none of them function words,
    /// and no other word after but a function word (`3 times a day`, `120 requests a second`; not
    /// `2 servers and a second group`, `10 rows a second time`); a slash and a unit of time after
    /// the number or a word (`120/s`, `120 req/s`, `5 GB/s`); a rate word right after it (`60
    /// fps`). The clause ends at punctuation, another number or after six words.
    static func rateAfter(_ u: Unit, _ r: Range<Int>, stops: [Range<Int>], _ locale: LocaleData) -> (range: Range<Int>, symbol: String)? {
        let t = u.text, n = t.count, rates = locale.rates
        let limit = stops.first { $0.lowerBound >= r.upperBound }?.lowerBound ?? n
        func wordEnd(_ i: Int) -> Int {
            var e = i
            while e < limit && isASCIILetter(t[e]) { e += 1 }
            return e
        }
        func space(_ i: Int) -> Bool { i < limit && (t[i] == 0x20 || t[i] == 0xA0) }
        var k = r.upperBound
        if k < limit && t[k] == 0x25 { k += 1 }   // 50% per year
        if let x = rateSlash(u, at: k, limit: limit, rates) { return x }
        var between: [String] = []
        while k < limit {
            if space(k) { k += 1; continue }
            let role = u.roles[k]
            if role == .code {
                // A code span is one word of the quantity (`120 `GET` requests per second`).
                while k < limit && u.roles[k] == .code { k += 1 }
                between.append("`")
                continue
            }
            guard role == .content, isASCIILetter(t[k]) else { return nil }
            var e = wordEnd(k)
            while e + 1 < limit && t[e] == 0x2D && isASCIILetter(t[e + 1]) { e = wordEnd(e + 1) }
            let w = u.string(k..<e).lowercased()
            if between.isEmpty, let s = rates.words[w], e == n || !(t[e] >= 0x30 && t[e] <= 0x39 || t[e] == 0x5F) { return (k..<e, s) }
            if rates.per.contains(w) || rates.articles.contains(w), space(e) {
                let b = e + 1, f = wordEnd(b)
                if f > b, !(f + 1 < n && t[f] == 0x2D && isASCIILetter(t[f + 1])),
                   let s = locale.durationUnits[u.string(b..<f).lowercased()] {
                    if rates.per.contains(w) { return (k..<f, s) }
                    // After an article: a noun after the word of time makes it an ordinal or a
                    // measure (`a second group`, `a day trip`).
                    var g = f
                    while space(g) { g += 1 }
                    let after = g < n && isASCIILetter(t[g]) ? u.string(g..<wordEnd(g)).lowercased() : nil
                    if between.count <= 2, !between.contains(where: { locale.functionWords.contains($0) }),
                       after.map({ locale.functionWords.contains($0) }) ?? true { return (k..<f, s) }
                }
            }
            between.append(w)
            if between.count > 6 { return nil }
            k = e
            if let x = rateSlash(u, at: k, limit: limit, rates) { return x }
        }
        return nil
    }

    /// The rate around a number of Chinese text (``rate(_:of:stops:_:)``): a word of time after
    /// `每` (`每秒`, `每个月`) in its clause, the nearest before it first (`每秒处理 120 个请求`),
    /// else the first after it (`120 个请求每秒`), or a slash and a unit of time after the number
    /// and a classifier or noun (`120 次/秒`), or a rate word kept in Latin letters right after it
    /// (`60 fps`). The clause ends at punctuation and at the numbers beside it.
    static func rateAround(_ u: Unit, _ r: Range<Int>, stops: [Range<Int>], _ locale: LocaleData) -> (range: Range<Int>, symbol: String)? {
        let t = u.text, n = t.count, rates = locale.rates
        func boundary(_ c: UInt32) -> Bool {
            [0xFF0C, 0x3002, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F, 0x3001, 0xFF08, 0xFF09, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x28, 0x29, 0x0A].contains(c)
        }
        var lo = r.lowerBound
        let before = stops.last { $0.upperBound <= r.lowerBound }?.upperBound ?? 0
        while lo > before && !boundary(t[lo - 1]) { lo -= 1 }
        var hi = r.upperBound
        let after = stops.first { $0.lowerBound >= r.upperBound }?.lowerBound ?? n
        while hi < after && !boundary(t[hi]) { hi += 1 }
        let per = rates.per.map { Array($0.unicodeScalars.map(\.value)) }.sorted { $0.count > $1.count }
        /// A rate word starting at `i` (`每` and a word of time, none of `notDurations`), before `end`.
        func perWord(_ i: Int, _ end: Int) -> (range: Range<Int>, symbol: String)? {
            guard u.roles[i] == .content else { return nil }
            for w in per where i + w.count < end && Array(t[i..<(i + w.count)]) == w {
                let b = i + w.count
                var e = b
                while e < end && e - b < 4 && isHanIdeograph(t[e]) { e += 1 }
                let run = u.string(b..<e)
                if locale.notDurations.contains(where: { run.hasPrefix($0) }) { return nil }
                for f in stride(from: e, to: b, by: -1) {
                    if let s = locale.durationUnits[u.string(b..<f)] { return (i..<f, s) }
                }
            }
            return nil
        }
        var found: (range: Range<Int>, symbol: String)? = nil
        var i = lo
        while i < r.lowerBound {
            if let x = perWord(i, r.lowerBound) { found = x; i = x.range.upperBound } else { i += 1 }
        }
        if let found { return found }
        // Right after the number: a rate word in Latin letters (`60 fps`), or a slash after a
        // classifier or noun (`120 次/秒`, `120 个请求/秒`, `120/s`).
        var k = r.upperBound
        if k < hi && t[k] == 0x20 { k += 1 }
        if k < hi && isASCIILetter(t[k]) {
            var e = k
            while e < hi && isASCIILetter(t[e]) { e += 1 }
            if let s = rates.words[u.string(k..<e).lowercased()], e == n || !(t[e] >= 0x30 && t[e] <= 0x39 || t[e] == 0x5F) { return (k..<e, s) }
        }
        var j = r.upperBound
        while j < hi && j - r.upperBound <= 6 && (isHanIdeograph(t[j]) || isASCIILetter(t[j]) || t[j] == 0x20) && t[j] != 0x6BCF { j += 1 }
        if let x = rateSlash(u, at: j, limit: hi, rates) { return x }
        i = r.upperBound
        while i < hi {
            if let x = perWord(i, hi) { return x }
            i += 1
        }
        return nil
    }

    /// A unit raised to a power by the word before it (``LocaleData/unitPowers``: `3 square
    /// kilometres`, `3 sq km`, `3 平方公里`, `2 立方米`), as written and as its symbol with the
    /// power's superscript (`km²`, `m³`); nil when no unit word or symbol follows the power.
    static func poweredUnit(_ u: Unit, after r: Range<Int>, _ locale: LocaleData) -> (written: String, symbol: String)? {
        let powers = locale.unitPowers
        guard !powers.isEmpty, let p = wordAfter(u, r, hyphen: true, hanLength: 2, { word, isHan in
            powers[isHan ? word : word.lowercased()]
        }) else { return nil }
        // Where the power word ends (after at most one space or hyphen).
        let t = u.text
        var end = r.upperBound
        if end < t.count && !isASCIILetter(t[end]) && !isHanIdeograph(t[end]) { end += 1 }
        end += p.written.unicodeScalars.count
        // `sq. ft`: the abbreviation's full stop.
        if end < t.count && t[end] == 0x2E && p.written.unicodeScalars.allSatisfy({ $0.isASCII }) { end += 1 }
        guard end <= t.count else { return nil }
        let written = { (e: Int) in u.string(r.upperBound..<e).trimmingCharacters(in: " \u{A0}-") }
        if let w = wordAfter(u, r.lowerBound..<end, hyphen: true, hanLength: 6, except: locale.notUnits, { word, isHan in
            locale.unitWords[isHan ? word : word.lowercased()]
        }) {
            var e = end
            if e < t.count && (t[e] == 0x20 || t[e] == 0xA0 || t[e] == 0x2D) && !isHanIdeograph(t[e]) { e += 1 }
            return (written(e + w.written.unicodeScalars.count), w.value + p.value)
        }
        if let symbol = symbol(u, after: r.lowerBound..<end, centrifugal: locale.centrifugalWords), !symbol.hasSuffix("\u{B2}"), !symbol.hasSuffix("\u{B3}") {
            var e = end
            if e < t.count && (t[e] == 0x20 || t[e] == 0xA0) { e += 1 }
            return (written(e + symbol.unicodeScalars.count), symbol + p.value)
        }
        return nil
    }

    /// Decimals (`4.40`) right after or before a version word of the locale (`version 4.40`,
    /// `the 4.40 release`, `4.4 版`, `版本 4.4`; ``LocaleData/versionWords``) marked as versions:
    /// compared by text, as `v4.40` is (4.40 is not 4.4).
    static func versionsMarked(_ m: [Mention<NumberMention>], units: (Int) -> Unit, _ locale: LocaleData) -> [Mention<NumberMention>] {
        func decimal(_ x: NumberMention) -> Bool {
            !x.isVersion && x.text.utf8.count >= 3 && x.text.utf8.filter { $0 == 0x2E }.count == 1
                && x.text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }
        }
        guard m.contains(where: { decimal($0.value) }) else { return m }
        let words = locale.versionWords
        guard !words.isEmpty else { return m }
        return m.map { x in
            guard decimal(x.value) else { return x }
            let u = units(x.unit), t = u.text
            var found = wordAfter(u, x.range, hyphen: false, hanLength: 2) { w, isHan in words.contains(isHan ? w : w.lowercased()) ? true : nil } != nil
            if !found, x.range.lowerBound > 0 {
                let role = u.roles[x.range.lowerBound]
                var k = x.range.lowerBound
                if t[k - 1] == 0x20 || t[k - 1] == 0xA0 { k -= 1 }
                var b = k
                if b > 0 && isASCIILetter(t[b - 1]) {
                    while b > 0 && isASCIILetter(t[b - 1]) && u.roles[b - 1] == role { b -= 1 }
                    found = (b == 0 || !isASCIILetter(t[b - 1])) && words.contains(u.string(b..<k).lowercased())
                } else {
                    while b > 0 && k - b < 2 && isHanIdeograph(t[b - 1]) && u.roles[b - 1] == role { b -= 1 }
                    found = (b..<k).indices.contains { words.contains(u.string($0..<k)) }
                }
            }
            guard found else { return x }
            var y = x
            y.value.isVersion = true
            return y
        }
    }

    /// A unit of time (``durationUnit(_:after:_:)``) or another unit (``unitWord(_:after:_:)``)
    /// written as a word right after a number.
    static func unitInWords(_ u: Unit, after r: Range<Int>, _ locale: LocaleData) -> (written: String, symbol: String)? {
        durationUnit(u, after: r, locale) ?? unitWord(u, after: r, locale)
    }

    /// A currency written right before a number (`€49.99`, `US$5`, `USD 10`, `¥500`) or after it
    /// (`10 USD`, `5 euros`, `49.99 美元`), in prose, from the locale's `currencies` (and the
    /// other's, for symbols and codes: `¥500` in a translation): as written, the ISO codes it
    /// may name, as a symbol (`¤CAD,USD,…`), and how many characters it takes before the number.
    static func currency(_ u: Unit, around r: Range<Int>, _ locale: LocaleData, _ other: LocaleData)
        -> (written: String, symbol: String, before: Int)? {
        let t = u.text, n = t.count
        guard !locale.currencies.isEmpty, r.lowerBound < n, r.upperBound <= n, u.roles[r.lowerBound] == .content else { return nil }
        @inline(__always) func sign(_ c: UInt32) -> Bool { c == 0x24 || c == 0xA3 || c == 0xA5 || c == 0xFFE5 || (c >= 0x20A0 && c <= 0x20CF) }
        @inline(__always) func space(_ c: UInt32) -> Bool { c == 0x20 || c == 0xA0 || c == 0x2009 || c == 0x202F }
        func codes(_ w: String) -> Set<String>? {
            if let c = locale.currencies[w] { return c }
            // Symbols and ISO codes mean the same in either language.
            if let c = other.currencies[w], w.unicodeScalars.allSatisfy({ !($0.value | 0x20 >= 0x61 && $0.value | 0x20 <= 0x7A) || $0.value < 0x61 }) { return c }
            return nil
        }
        func shown(_ codes: Set<String>) -> String { "¤" + codes.sorted().joined(separator: ",") }
        // Before: a symbol (`€`, `US$`) glued to the number or a code after a space (`USD 10`).
        var k = r.lowerBound
        if k > 0 && space(t[k - 1]) { k -= 1 }
        var lo = k
        while lo > 0 && k - lo < 4 && u.roles[lo - 1] == .content && (isASCIILetter(t[lo - 1]) || sign(t[lo - 1])) { lo -= 1 }
        if lo > 0 && isASCIILetter(t[lo - 1]) && lo < k && isASCIILetter(t[lo]) { lo = k }   // inside a longer word
        var from = lo
        while from < k {
            let w = u.string(from..<k)
            let whole = from == lo && (lo == 0 || !isASCIILetter(t[lo - 1]))
            // A word (`USD`) stands whole; a symbol (`$`, `HK$`) may follow other signs.
            if whole || sign(t[from]), let c = codes(w) { return (w, shown(c), r.lowerBound - from) }
            from += 1
        }
        // After: a word or a code after at most one space, or Han after the number.
        return wordAfter(u, r, hyphen: false, hanLength: 5) { w, isHan in isHan ? locale.currencies[w] : codes(w) }
            .map { ($0.written, shown($0.value), 0) }
    }

    /// A unit in words one word after a number (`5 unused days`, `3 working weeks`): the number,
    /// a lowercase word that is no function word, then a word of ``unitInWords(_:after:_:)``;
    /// as written from the word after the number (`unused days`) and as its symbol (`d`).
    static func unitAhead(_ u: Unit, after r: Range<Int>, _ locale: LocaleData) -> (written: String, symbol: String)? {
        let t = u.text, n = t.count
        var k = r.upperBound
        guard k + 1 < n, t[k] == 0x20, t[k + 1] >= 0x61 && t[k + 1] <= 0x7A else { return nil }
        k += 1
        var e = k
        while e < n && t[e] >= 0x61 && t[e] <= 0x7A && u.roles[e] == u.roles[k] { e += 1 }
        guard e < n, t[e] == 0x20, !locale.functionWords.contains(u.string(k..<e)) else { return nil }
        // The unit word, read as if right after the number.
        guard let x = unitInWords(u, after: (e - 1)..<e, locale) else { return nil }
        var hi = e + 1
        while hi < n && isASCIILetter(t[hi]) { hi += 1 }
        return (u.string(k..<hi), x.symbol)
    }

    /// The kind of quantity a unit symbol measures: its base unit (`s` for `d`, `wk` and months
    /// too, `B` for `GB`); nil for a symbol of no known base.
    static func dimension(_ symbol: String) -> String? {
        guard let x = siScale(symbol) else { return nil }
        return x.base == "mo" ? "s" : x.base
    }

    /// The hemisphere of a coordinate whose degrees, minutes or seconds number `r` gives, from the
    /// locale's ``LocaleData/hemispheres``: a letter after `°`, `′`, `″`, `'` or `"` and at most
    /// one space, with no letter or digit glued after (`46.4536° N`, `6°59′13″ E`), or a word
    /// right before the number, over at most one space (`北纬 46.4536°`); as written and as a
    /// symbol (`°N`), a unit of its own: `46.4536° N` → `46.4536° S` is another quantity.
    static func hemisphere(_ u: Unit, of r: Range<Int>, _ locale: LocaleData) -> (written: String, symbol: String)? {
        let t = u.text, n = t.count
        guard r.upperBound < n, r.lowerBound < n else { return nil }
        @inline(__always) func mark(_ c: UInt32) -> Bool { c == 0xB0 || c == 0x2032 || c == 0x2033 || c == 0x27 || c == 0x22 }
        let role = u.roles[r.lowerBound]
        // After: the mark right after the number (cheap refusal for every other number).
        if mark(t[r.upperBound]) {
            var k = r.upperBound + 1
            if k < n && (t[k] == 0x20 || t[k] == 0xA0 || t[k] == 0x202F) { k += 1 }
            if k < n && isASCIILetter(t[k]) && u.roles[k] == role && (k + 1 == n || !(isASCIILetter(t[k + 1]) || (t[k + 1] >= 0x30 && t[k + 1] <= 0x39))),
               let h = locale.hemispheres.after[u.string(k..<(k + 1))] {
                return (u.string(r.upperBound..<(k + 1)), "°" + h)
            }
            // Only the degrees carry a word before the number.
            guard t[r.upperBound] == 0xB0 else { return nil }
        } else {
            return nil
        }
        var k = r.lowerBound
        if k > 0 && t[k - 1] == 0x20 { k -= 1 }
        for (w, h) in locale.hemispheres.before where w.count <= k && u.roles[k - 1] == role && t[(k - w.count)..<k].elementsEqual(w) {
            return (u.string((k - w.count)..<k), "°" + h)
        }
        return nil
    }

    /// Symbols that name the same unit: alike but for case or µ written u, or one a shortening
    /// of the other (`GPUs` / `GPU`, `GB` / `G`), per second and bits spelt alike
    /// (``perSecondAndBits(_:)``); but never bytes and bits (``dataUnit(_:)``: `MB/s` is not
    /// `Mb/s`, `Mbps` or `Mbit/s`, a factor of 8).
    static func sameSymbol(_ a: String, _ b: String) -> Bool {
        // Currencies (``currency(_:around:_:_:)``): one ISO code in common; a currency beside
        // another kind of unit is no evidence.
        if a.hasPrefix("¤") || b.hasPrefix("¤") {
            guard a.hasPrefix("¤") && b.hasPrefix("¤") else { return true }
            return !Set(a.dropFirst().split(separator: ",")).isDisjoint(with: b.dropFirst().split(separator: ","))
        }
        if let x = dataUnit(a), let y = dataUnit(b), x != y { return false }
        func norm(_ s: String) -> String {
            let x = String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value == 0xB5 || $0.value == 0x3BC ? "u" : $0.value == 0x2126 ? "\u{3A9}" : $0 })).lowercased()
            if x == "\u{2103}" { return "°c" }
            if x == "\u{2109}" { return "°f" }
            // `×g` is written `g` as often (`12 000 g 离心`); `rpm` is `r/min`.
            if x == "×g" { return "g" }
            if x == "rpm" { return "r/min" }
            return perSecondAndBits(x)
        }
        let x = norm(a), y = norm(b)
        // Another power of a unit (`km²`, `km`, `km³`) is another quantity.
        if power(x) != power(y) { return false }
        if x.hasPrefix(y) || y.hasPrefix(x) { return true }
        // A unit of time beside letters that name no unit (`2024 by`, a word the symbol scan
        // took for one): nothing to compare.
        func time(_ s: String) -> Bool { s == "mo" || s == "yr" || siScale(s)?.base == "s" }
        func known(_ s: String) -> Bool { quantityUnit(s) != nil }
        return (time(a) && !known(b)) || (time(b) && !known(a))
    }

    /// The superscript a unit symbol ends with (`²` of `km²`), or nil.
    static func power(_ symbol: String) -> Unicode.Scalar? {
        symbol.unicodeScalars.last.flatMap { $0.value == 0xB2 || $0.value == 0xB3 ? $0 : nil }
    }

    /// Bytes (`B`) or bits (`b`) that a symbol counts, told apart by the case of the base symbol
    /// after its prefix: `B` of `MB`, `kB`, `KiB`, `GB/s` (and of `字节`, whose symbol is `B`);
    /// `b` of `b` alone (`8 bits`, `8 比特`), `Mb/s`, `Gb`, and of `bit` or `bps` in any case
    /// (`Mbit/s`, `Mbps`, `mbps`). Nil for any other symbol, and for a lowercase `b` after a
    /// lowercase prefix (`mb`, `kb`, `gb/s`): megabytes as often, written in haste.
    static func dataUnit(_ symbol: String) -> Character? {
        // Cheap trigger: no `b` or `B`, no data unit.
        guard symbol.utf8.contains(where: { $0 | 0x20 == 0x62 }) else { return nil }
        let lower = symbol.lowercased()
        var s = perSecondAndBits(symbol)
        if let slash = s.firstIndex(of: "/") { s = String(s[..<slash]) }
        if s.hasSuffix("iB") { s = String(s.dropLast(2)) + "B" }
        let letters = Array(s)
        guard let base = letters.last, base == "B" || base == "b" else { return nil }
        // A prefix of kilo to peta, in either case (`mbps` is megabits, written in haste).
        guard letters.count == 1 || (letters.count == 2 && "kKmMgGtTpP".contains(letters[0])) else { return nil }
        if base == "B" { return "B" }
        if lower.contains("bit") || lower.hasSuffix("bps") { return "b" }
        return letters.count == 1 || letters[0].isUppercase ? "b" : nil
    }

    /// Per second written `ps` as `/s` (`Mbps` = `Mbit/s`), and `bit` as `b`.
    static func perSecondAndBits(_ symbol: String) -> String {
        var s = symbol
        if s.count >= 3 && s.hasSuffix("ps") { s = String(s.dropLast(2)) + "/s" }
        return s.replacingOccurrences(of: "bit", with: "b")
    }

    /// Units of time written after a slash of a rate (`mm/min`), beside one letter (`km/h`).
    static let timeDenominators: Set<String> = ["min", "ms", "hr", "wk"]

    /// SI prefixes, binary ones for bytes, and the base units they scale.
    static let siPrefixes: [Character: Double] = ["p": 1e-12, "n": 1e-9, "µ": 1e-6, "μ": 1e-6, "u": 1e-6, "m": 1e-3, "c": 1e-2,
                                                   "k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9, "T": 1e12]
    static let siBases: Set<String> = ["V", "A", "W", "Hz", "Ω", "F", "g", "m", "s", "B", "b", "J", "N", "Pa", "L", "l", "eV", "Wh", "Ah", "T",
                                       "b/s", "B/s", "Hz/s"]

    /// Units of time by their seconds, beside the SI prefixes of the second (`ms`): the symbols
    /// of ``LocaleData/durationUnits`` and their usual abbreviations. Months and years are not
    /// seconds (their days vary) but months of their own: twelve months are a year (`12 months`
    /// = 一年, `18 months` = 1.5 年), thirty days are no month.
    static let timeScales: [String: Double] = ["min": 60, "h": 3600, "hr": 3600, "d": 86400, "wk": 604_800]
    static let calendarScales: [String: Double] = ["mo": 1, "yr": 12]
    /// Units outside SI by the SI unit they scale: the bar is 100 kPa (`2.3 bar` = `230 kPa`), as
    /// a litre is 1000 mL.
    static let otherScales: [String: (scale: Double, base: String)] = ["bar": (1e5, "Pa"), "mbar": (100, "Pa")]

    /// A symbol as a prefix and a base unit (`kV` → 1000 × `V`, `Mbps` → 10⁶ × `b/s`, `KiB` →
    /// 1024 × `B`); nil for a symbol of no known base.
    static func siScale(_ symbol: String) -> (scale: Double, base: String)? {
        // A power of a unit: the power of its scale (`km²` is 10⁶ `m²`).
        if let p = power(symbol) {
            guard let x = siScale(String(symbol.unicodeScalars.dropLast())) else { return nil }
            return (p.value == 0xB2 ? x.scale * x.scale : x.scale * x.scale * x.scale, x.base + String(p))
        }
        let s = perSecondAndBits(symbol)
        // The litre's symbol is written `L` or `l` alike (`0.5 L` = `500 ml`); only the litre's:
        // `M` and `m` stay two prefixes.
        if siBases.contains(s) { return (1, s == "l" ? "L" : s) }
        if let x = otherScales[s] { return x }
        if let seconds = timeScales[s] { return (seconds, "s") }
        if let months = calendarScales[s] { return (months, "mo") }
        guard let f = s.first else { return nil }
        let rest = String(s.dropFirst())
        if rest == "iB", let k = Array("KMGT").firstIndex(of: f) {
            var scale = 1024.0
            for _ in 0..<k { scale *= 1024 }
            return (scale, "iB")
        }
        guard let p = siPrefixes[f], siBases.contains(rest) else { return nil }
        return (p, rest == "l" ? "L" : rest)
    }

    /// A symbol that surely names a unit (a known SI or time symbol, a month or a year, a
    /// currency, degrees): what keeps quantities of one face value apart; nil for letters that
    /// may be a word (`of`, `CPU`).
    static func quantityUnit(_ symbol: String) -> String? {
        if symbol == "mo" || symbol == "yr" || symbol.hasPrefix("¤") || symbol.hasPrefix("°") || symbol == "\u{2103}" || symbol == "\u{2109}" { return symbol }
        return siScale(symbol) != nil ? symbol : nil
    }

    /// A unit of two symbols joined by a slash as the quotient of their scales (`mg/m³` →
    /// 10⁻³ × `g/m³`, `km/h` → 1000/3600 × `m/s`); nil unless both sides have a known base. Read
    /// only where two quantities are compared by their scales (``sameQuantity(_:_:_:_:)``), so
    /// that the symbols of one slash never become units of their own elsewhere.
    static func quotientScale(_ symbol: String) -> (scale: Double, base: String)? {
        if let x = siScale(symbol) { return x }
        guard let slash = symbol.firstIndex(of: "/"), let x = siScale(String(symbol[..<slash])),
              let y = siScale(String(symbol[symbol.index(after: slash)...])), y.scale > 0 else { return nil }
        return (x.scale / y.scale, x.base + "/" + y.base)
    }

    /// The same quantity written with prefixes of one base unit (`2000 V` = `2 kV`), the
    /// numerator's of a quotient too (`1920 mg/m³` = `1.92 g/m³`).
    static func sameQuantity(_ a: NumberMention, _ sa: String?, _ b: NumberMention, _ sb: String?) -> Bool {
        guard let sa, let sb, sa != sb, let x = quotientScale(sa), let y = quotientScale(sb), x.base == y.base, x.scale != y.scale else { return false }
        // Any of the values a number may have (`3 千米` is 3 km, or 3000 with 千 as a numeral
        // read before 米: 3000 metres either way).
        for va in a.values { for vb in b.values {
            let p = va * x.scale, q = vb * y.scale
            if p == q || abs(p - q) <= max(abs(p), abs(q)) * 1e-9 { return true }
        } }
        return false
    }

    /// Two numbers of one duration written in two units of time, the larger first, the smaller
    /// part less than one of the larger (`1 小时 15 分钟`, `1 hour and 15 minutes`, `2 天 3 小时`,
    /// `1 年 6 个月`): only the first's unit word, spaces and a list separator of the locale
    /// between them (`separators`: `and`, `和`). Each by the first's index and the quantity in the
    /// second's unit (75, 51, 18), where `other` writes that quantity with a unit of time and
    /// neither part with the unit it has here (`75 minutes`, `75 分钟`).
    static func durationPairs(_ m: [Mention<NumberMention>], symbols: [String?], written: [String?], units: (Int) -> Unit,
                              separators: [[UInt32]], other: [Mention<NumberMention>], otherSymbols: [String?]) -> [(Int, Double)] {
        var out: [(Int, Double)] = []
        var i = 0
        while i + 1 < m.count {
            let a = m[i], b = m[i + 1]
            guard a.unit == b.unit, !a.value.isVersion, !b.value.isVersion, let sa = symbols[i], let sb = symbols[i + 1], let wa = written[i],
                  let x = siScale(sa), let y = siScale(sb), x.base == y.base, x.base == "s" || x.base == "mo", x.scale > y.scale,
                  let va = a.value.values.first, let vb = b.value.values.first, va == va.rounded(), va >= 1, vb >= 0, vb * y.scale < x.scale,
                  a.range.upperBound < b.range.lowerBound else { i += 1; continue }
            // Between: spaces, the first's unit word, a separator.
            var gap = Array(units(a.unit).text[a.range.upperBound..<b.range.lowerBound].filter { $0 != 0x20 && $0 != 0xA0 })
            let unitWord = Array(wa.unicodeScalars.map(\.value).filter { $0 != 0x20 })
            guard gap.starts(with: unitWord) else { i += 1; continue }
            gap.removeFirst(unitWord.count)
            guard gap.isEmpty || separators.contains(where: { $0.filter { $0 != 0x20 } == gap }) else { i += 1; continue }
            let total = va * x.scale / y.scale + vb
            let said = other.indices.contains { j in
                guard let so = otherSymbols[j], let z = siScale(so), z.base == y.base else { return false }
                return other[j].value.values.contains { abs($0 * z.scale - total * y.scale) <= total * y.scale * 1e-9 }
            }
            let parts = other.indices.contains { j in
                guard let so = otherSymbols[j] else { return false }
                return (other[j].value.agrees(with: a.value) && sameSymbol(sa, so)) || (other[j].value.agrees(with: b.value) && sameSymbol(sb, so))
            }
            guard said, !parts else { i += 1; continue }
            out.append((i, total))
            i += 2
        }
        return out
    }

    /// The factors of a product written with one unit at its end (`44 × 44 px`, `1920x1080 像素`,
    /// `2 × 3 × 4 cm`): the unit belongs to every factor. Each factor with no unit of its own by its
    /// index and the index of the factor whose unit it takes (the last, which writes it): nothing
    /// but a multiplication sign (`×`, `x`, `*`) and spaces between two factors of one unit.
    static func productUnits(_ m: [Mention<NumberMention>], symbols: [String?], units: (Int) -> Unit) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        var i = m.count - 1
        while i > 0 {
            guard symbols[i] != nil, !m[i].value.isVersion else { i -= 1; continue }
            var k = i
            while k > 0, symbols[k - 1] == nil, !m[k - 1].value.isVersion, m[k - 1].unit == m[k].unit,
                  m[k - 1].range.upperBound <= m[k].range.lowerBound {
                let t = units(m[k].unit).text
                var signs = 0, ok = true
                for c in t[m[k - 1].range.upperBound..<m[k].range.lowerBound] {
                    if c == 0xD7 || c == 0x78 || c == 0x2A { signs += 1 } else if c != 0x20 && c != 0xA0 { ok = false; break }
                }
                guard ok, signs == 1 else { break }
                out.append((k - 1, i))
                k -= 1
            }
            i = k - 1
        }
        return out
    }

    /// The first numbers of ranges with no unit of their own whose last number has one (`60–75
    /// minutes`, `1 到 2 小时`: a joiner of ``rangeJoiners`` between): each by its index and the
    /// index whose unit it takes, where no number of `other` agrees with it and one states its
    /// quantity with another unit of its kind (`60` → `1 小时`).
    static func rangeUnits(_ m: [Mention<NumberMention>], symbols: [String?], units: (Int) -> Unit,
                           other: [Mention<NumberMention>], otherSymbols: [String?]) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        for i in m.indices where symbols[i] == nil && !m[i].value.isVersion {
            let x = i + 1
            guard x < m.count, m[x].unit == m[i].unit, let s = symbols[x], siScale(s) != nil,
                  rangeBounds(units(m[i].unit), m[i].range, [m[x].range]).upperBound == m[x].range.upperBound,
                  !other.contains(where: { $0.value.agrees(with: m[i].value) }),
                  other.indices.contains(where: { j in otherSymbols[j].map { sameQuantity(m[i].value, s, other[j].value, $0) } ?? false }) else { continue }
            out.append((i, x))
        }
        return out
    }

    /// Arrows between an old value and a new one (`400 → 450`, `400 -> 450`).
    static let arrows: [[UInt32]] = ["→", "⇒", "⟶", "➔", "->", "=>"].map { Array($0.unicodeScalars.map(\.value)) }

    /// Two numbers of one unit next to each other that the text states in an order, an old value
    /// and a new one: an arrow between them (`400 → 450`), a word of ``LocaleData/Order/from``
    /// before the first (at most two words or four characters before it) and one of `to` right
    /// before the second (`from 400 to 450`, `从 400 降至 450`, `由 15 分钟改为 10 分钟`), or one of
    /// `instead` between them, the new first (`15 minutes instead of 10`). By their indexes in `m`,
    /// the old first; a list (`3, 1 and 1`) states none.
    static func orderedPairs(_ m: [Mention<NumberMention>], units: (Int) -> Unit, _ order: LocaleData.Order) -> [(old: Int, new: Int)] {
        var out: [(old: Int, new: Int)] = []
        guard m.count >= 2 else { return out }
        @inline(__always) func lowered(_ c: UInt32) -> UInt32 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
        @inline(__always) func letter(_ c: UInt32) -> Bool { isASCIILetter(c) }
        for i in 0..<(m.count - 1) {
            let a = m[i], b = m[i + 1]
            guard a.unit == b.unit, a.range.upperBound < b.range.lowerBound, b.range.lowerBound - a.range.upperBound <= 32,
                  !a.value.isVersion, !b.value.isVersion else { continue }
            let t = units(a.unit).text
            let between = Array(t[a.range.upperBound..<b.range.lowerBound])
            // No sentence or clause ends between them.
            if between.contains(where: { [0x2E, 0x3002, 0x3B, 0xFF1B, 0x2C, 0xFF0C, 0x3001, 0x21, 0x3F, 0xFF01, 0xFF1F, 0x0A].contains($0) }) { continue }
            // A word written at `s` (whole, for Latin letters).
            func at(_ w: [UInt32], _ s: Int, in x: [UInt32]) -> Bool {
                guard s >= 0, s + w.count <= x.count else { return false }
                for (j, c) in w.enumerated() where lowered(x[s + j]) != c { return false }
                if letter(w[0]) && s > 0 && letter(x[s - 1]) { return false }
                if letter(w[w.count - 1]) && s + w.count < x.count && letter(x[s + w.count]) { return false }
                return true
            }
            if arrows.contains(where: { w in (0...max(0, between.count - w.count)).contains { at(w, $0, in: between) } }) {
                out.append((i, i + 1))
                continue
            }
            if order.instead.contains(where: { w in (0...max(0, between.count - w.count)).contains { at(w, $0, in: between) } }) {
                out.append((i + 1, i))
                continue
            }
            // `to` right before the second number (spaces, and a word for Latin: `to every 10`).
            var e = between.count
            while e > 0 && (between[e - 1] == 0x20 || between[e - 1] == 0xA0) { e -= 1 }
            var to = order.to.contains { w in at(w, e - w.count, in: between) }
            if !to, e > 0, letter(between[e - 1]) {
                var s = e
                while s > 0 && letter(between[s - 1]) { s -= 1 }
                var f = s
                while f > 0 && between[f - 1] == 0x20 { f -= 1 }
                to = f < s && order.to.contains { w in letter(w[0]) && at(w, f - w.count, in: between) }
            }
            guard to else { continue }
            // `from` before the first: within four characters of Han or two words.
            let lo = a.range.lowerBound
            let window = Array(t[max(0, lo - 24)..<lo])
            var from = false
            for w in order.from {
                let n = window.count
                if letter(w[0]) {
                    // The word, then up to one more word, then the number.
                    var k = n
                    for _ in 0..<2 {
                        while k > 0 && window[k - 1] == 0x20 { k -= 1 }
                        if at(w, k - w.count, in: window) { from = true; break }
                        while k > 0 && letter(window[k - 1]) { k -= 1 }
                    }
                } else {
                    for s in max(0, n - 4 - w.count)...max(0, n - w.count) where at(w, s, in: window) { from = true }
                }
                if from { break }
            }
            if from { out.append((i, i + 1)) }
        }
        return out
    }

    /// A number written with `%` right before the number at `start`, a few characters between
    /// and no other number nor a clause's end (`20% → 18`, `从 20% 降至 18`, `20%–30`): the pair's
    /// first, with its sign.
    static func percentPartnerBefore(_ t: [UInt32], _ start: Int) -> Bool {
        var k = start - 1, steps = 0
        while k > 0 && steps < 8 {
            let c = t[k]
            if c == 0x25 || c == 0xFF05 { return t[k - 1] >= 0x30 && t[k - 1] <= 0x39 }
            if (c >= 0x30 && c <= 0x39) || [0x2E, 0x3002, 0x3B, 0xFF1B, 0x2C, 0xFF0C, 0x3001, 0x0A, 0x7C].contains(c) { return false }
            k -= 1
            steps += 1
        }
        return false
    }

    /// Two numbers written as one `N/N` token (`24/7`, `3/4`): a slash between them and no
    /// other slash, digit or letter glued to either end (not a date `1/2/2024` or a path).
    static func slashPair(_ t: [UInt32], _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.upperBound + 1 == b.lowerBound, a.upperBound < t.count, t[a.upperBound] == 0x2F else { return false }
        func glued(_ c: UInt32) -> Bool { c == 0x2F || (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) }
        if a.lowerBound > 0 && glued(t[a.lowerBound - 1]) { return false }
        if b.upperBound < t.count && (glued(t[b.upperBound]) || (t[b.upperBound] == 0x2E && b.upperBound + 1 < t.count && t[b.upperBound + 1] >= 0x30 && t[b.upperBound + 1] <= 0x39)) { return false }
        return true
    }

    /// The count 1 written as one Han numeral (一): the numeral of a measure word (一次, 一张, 一个)
    /// as often as a number.
    static func isHanOne(_ m: NumberMention) -> Bool {
        let s = m.text.unicodeScalars
        return m.values == [1] && s.count == 1 && isHanIdeograph(s.first!.value)
    }

    /// Fractions written `N/D` in prose (``slashPair(_:_:_:)``: no date, no path; digits only, not a
    /// version): a proper one with a small denominator (`1/2`, `3/4`, `5/16`; not `24/7` nor
    /// `50/60`), each by the indexes of its two numbers in `m`.
    static func fractions(_ m: [Mention<NumberMention>], units: (Int) -> Unit) -> [(Int, Int)] {
        guard m.count >= 2 else { return [] }
        let digits = { (s: String) in s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        var out: [(Int, Int)] = []
        var k = 0
        while k + 1 < m.count {
            let a = m[k], b = m[k + 1]
            if a.unit == b.unit, !a.value.isVersion, !b.value.isVersion, a.value.range == a.range, b.value.range == b.range,
               a.range.upperBound + 1 == b.range.lowerBound, digits(a.value.text), digits(b.value.text),
               let x = Double(a.value.text), let y = Double(b.value.text), x >= 1, x < y, y <= 16,
               slashPair(units(a.unit).text, a.range, b.range) {
                out.append((k, k + 1))
                k += 2
                continue
            }
            k += 1
        }
        return out
    }

    /// `m` with the fractions `pairs` (``fractions(_:units:)``) each one number, by its quotient,
    /// quoted as written (`1/2` is 0.5), where `take` accepts the quotient and the two parts.
    static func joiningFractions(_ m: [Mention<NumberMention>], _ pairs: [(Int, Int)], take: (Double, Double, Double) -> Bool) -> [Mention<NumberMention>] {
        var out = m
        for (a, b) in pairs.reversed() {
            guard let x = Double(m[a].value.text), let y = Double(m[b].value.text), take(x / y, x, y) else { continue }
            let r = m[a].range.lowerBound..<m[b].range.upperBound
            out[a] = Mention(unit: m[a].unit, range: r, value: NumberMention(range: r, text: m[a].value.text + "/" + m[b].value.text, values: [x / y], isVersion: false))
            out.remove(at: b)
        }
        return out
    }

    /// A cell of the row of table cell `k` that holds a unit symbol alone (`V`, `kV`, `°C`), in
    /// column `column` or any: its column and symbol.
    static func rowSymbol(_ d: Document, _ k: Int, column: Int? = nil) -> (Int, String)? {
        let line = d.units[k].start.line
        var i = k
        while i > 0 && d.units[i - 1].start.line == line { i -= 1 }
        while i < d.units.count && d.units[i].start.line == line {
            if i != k, case .tableCell(_, let col) = d.units[i].kind, column == nil || column == col {
                let t = d.units[i].string.trimmingCharacters(in: " \t")
                if (1...6).contains(t.count), siScale(t) != nil || ["°C", "°F", "\u{2103}", "\u{2109}"].contains(t) { return (col, t) }
            }
            i += 1
        }
        return nil
    }

    /// Days of the week a unit's prose names (``LocaleData/weekdays``): a day (`Monday`, `周一`),
    /// a range of days (`Monday to Friday`, `Mon–Fri`, `周一至周五`, `周一至五`) or a group
    /// (`工作日`, `named` false); a short name alone is none.
    struct WeekdayMention { var range: Range<Int>; var days: Set<Int>; var named: Bool }
    static func weekdays(_ u: Unit, _ locale: LocaleData) -> [WeekdayMention] {
        let w = locale.weekdays
        guard !w.names.isEmpty else { return [] }
        let t = u.text, n = t.count
        func at(_ x: [UInt32], _ i: Int) -> Bool {
            guard i + x.count <= n else { return false }
            for j in 0..<x.count where t[i + j] != x[j] || u.roles[i + j] != .content { return false }
            return !(isASCIILetter(x[x.count - 1]) && i + x.count < n && isASCIILetter(t[i + x.count]))
        }
        // Each name: its place, the index of its name.
        var tokens: [(range: Range<Int>, name: Int)] = []
        var i = 0
        while i < n {
            guard w.mayStart(t[i]), u.roles[i] == .content, !(isASCIILetter(t[i]) && i > 0 && isASCIILetter(t[i - 1])) else { i += 1; continue }
            if let k = w.names.indices.first(where: { at(w.names[$0].words, i) && !(i + w.names[$0].words.count < n && w.notBefore.contains(t[i + w.names[$0].words.count])) }) {
                tokens.append((i..<(i + w.names[k].words.count), k))
                i += w.names[k].words.count
            } else {
                i += 1
            }
        }
        guard !tokens.isEmpty else { return [] }
        func span(_ a: Int, _ b: Int) -> Set<Int> {
            var out = Set<Int>(), d = a
            while out.insert(d).inserted, d != b { d = d % 7 + 1 }
            return out
        }
        var out: [WeekdayMention] = []
        var k = 0
        while k < tokens.count {
            let a = tokens[k], x = w.names[a.name]
            k += 1
            if x.kind == 2 { out.append(WeekdayMention(range: a.range, days: x.days, named: false)); continue }
            // A range word after it, then a day (or the day's last character alone: `周一至五`).
            var e = a.range.upperBound
            while e < n && t[e] == 0x20 { e += 1 }
            if let r = w.ranges.first(where: { at($0, e) }) {
                var f = e + r.count
                while f < n && t[f] == 0x20 { f += 1 }
                if k < tokens.count, tokens[k].range.lowerBound == f, w.names[tokens[k].name].kind != 2, x.days.count == 1,
                   let a0 = x.days.first, let b0 = w.names[tokens[k].name].days.first {
                    out.append(WeekdayMention(range: a.range.lowerBound..<tokens[k].range.upperBound, days: span(a0, b0), named: true))
                    k += 1
                    continue
                }
                if f < n, x.words.count >= 2, !isASCIILetter(t[f]), x.days.count == 1, let a0 = x.days.first {
                    let name = String(String.UnicodeScalarView((x.words.dropLast() + [t[f]]).compactMap(Unicode.Scalar.init)))
                    if let j = w.byName[name], w.names[j].kind == 0, let b0 = w.names[j].days.first {
                        out.append(WeekdayMention(range: a.range.lowerBound..<(f + 1), days: span(a0, b0), named: true))
                        continue
                    }
                }
            }
            if x.kind == 0 { out.append(WeekdayMention(range: a.range, days: x.days, named: true)) }
        }
        return out
    }

    /// A Han numeral of one character after a Han character (the 一 of 周一, the 五 of
    /// 星期五 or 周一至五): what may be part of a weekday's name.
    static func mayNameWeekday(_ t: [UInt32], _ r: Range<Int>, _ numerals: Numerals) -> Bool {
        r.count == 1 && r.lowerBound > 0 && r.upperBound <= t.count && numerals.isNumeral(t[r.lowerBound]) && isHanIdeograph(t[r.lowerBound - 1])
    }

    /// The minutes of a clock time `H:MM` (the `00` of `9:00`): two digits after a colon after a
    /// digit.
    static func clockMinutes(_ t: [UInt32], _ r: Range<Int>) -> Bool {
        let s = r.lowerBound
        return r.count == 2 && s >= 2 && r.upperBound <= t.count && t[s - 1] == 0x3A && t[s - 2] >= 0x30 && t[s - 2] <= 0x39
            && t[s] >= 0x30 && t[s] <= 0x39 && t[s + 1] >= 0x30 && t[s + 1] <= 0x39
    }

    /// A number written `M.D` (`10.13`: one or two digits, a dot, one or two digits) that may be
    /// a month and a day, with the month, the day and the day's digit count; nil otherwise.
    static func monthDay(_ x: NumberMention) -> (month: Double, day: Double, digits: Int)? {
        guard !x.isVersion, x.values.count == 1 else { return nil }
        let s = Array(x.text.utf8)
        guard (3...5).contains(s.count), let dot = s.firstIndex(of: 0x2E), (1...2).contains(dot), (1...2).contains(s.count - dot - 1),
              s.enumerated().allSatisfy({ $0.offset == dot || ($0.element >= 0x30 && $0.element <= 0x39) }) else { return nil }
        let month = s[..<dot].reduce(0) { $0 * 10 + Int($1 - 0x30) }, day = s[(dot + 1)...].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        return (Double(month), Double(day), s.count - dot - 1)
    }

    /// A date written `Y.M.D` (`2025.5.26`: a year of four digits, a month of 1 to 12, a day of
    /// 1 to 31, read as a version), with its parts and the day's digit count; nil otherwise.
    static func yearMonthDay(_ x: NumberMention) -> (year: Double, month: Double, day: Double, digits: Int)? {
        guard x.isVersion, x.range.count == x.text.unicodeScalars.count else { return nil }
        let parts = x.text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].utf8.count == 4, (1...2).contains(parts[1].utf8.count), (1...2).contains(parts[2].utf8.count),
              parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1000...2999).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return (Double(y), Double(m), Double(d), parts[2].utf8.count)
    }

    /// A number right before 月 (`9 月`, `九月`): a month of a Chinese date.
    static func beforeMonth(_ u: Unit, _ r: Range<Int>) -> Bool {
        var k = r.upperBound
        while k < u.text.count && u.text[k] == 0x20 { k += 1 }
        return k < u.text.count && u.text[k] == 0x6708
    }

    /// Each month name of the source locale (``LocaleData/months``: `September`, `Sep`) in a
    /// unit's prose (capitalised, a word of its own, no letter or digit glued after it), with its
    /// range and month number.
    static func forEachMonthName(_ u: Unit, _ months: LocaleData.Months, _ body: (Range<Int>, Double) -> Void) {
        guard !months.names.isEmpty else { return }
        let t = u.text, n = t.count
        var k = 0
        while k < n {
            guard t[k] >= 0x41 && t[k] <= 0x5A, k == 0 || !isASCIILetter(t[k - 1]) else { k += 1; continue }
            var e = k + 1
            while e < n && t[e] >= 0x61 && t[e] <= 0x7A { e += 1 }
            if (3...9).contains(e - k), u.roles[k] == .content, e == n || !(isASCIILetter(t[e]) || (t[e] >= 0x30 && t[e] <= 0x39)),
               let m = months.names[u.string(k..<e)] {
                body(k..<e, m.month)
            }
            k = e
        }
    }

    /// The months a unit names in words (`September`, `Sep`), capitalised, in its prose.
    static func monthsNamed(_ u: Unit, _ months: LocaleData.Months) -> [Double] {
        var out: [Double] = []
        forEachMonthName(u, months) { out.append($1) }
        return out
    }

    /// The months a unit names in its prose as numbers of the source (`August` is 8), where the
    /// name is surely a month, by what stands around it (not `May` the modal nor `March` the
    /// verb): a number beside it (`May 2024`, `3 May`), another month it is joined to
    /// (`June–September`, `Jun–Aug`, `June to August`), or, for a full name, a word of time before
    /// it (`in June`, `from May`, `until March`) or nothing else in its table cell (`| June |`).
    static func monthMentions(_ u: Unit, unit: Int, _ months: LocaleData.Months) -> [Mention<NumberMention>] {
        var out: [Mention<NumberMention>] = []
        let t = u.text, n = t.count
        @inline(__always) func digit(_ i: Int) -> Bool { i >= 0 && i < n && t[i] >= 0x30 && t[i] <= 0x39 }
        var names: [Range<Int>] = []
        forEachMonthName(u, months) { r, _ in names.append(r) }
        // Two names joined by a dash or a word of range (`June–September`, `May to July`).
        func joined(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
            guard a.upperBound < b.lowerBound, b.lowerBound - a.upperBound <= 9 else { return false }
            var lo = a.upperBound, hi = b.lowerBound
            while lo < hi && t[lo] == 0x20 { lo += 1 }
            while hi > lo && t[hi - 1] == 0x20 { hi -= 1 }
            return hi > lo && months.joiners.contains(u.string(lo..<hi))
        }
        // A cell of one name, spaces and a full stop aside.
        var whole = false
        if case .tableCell = u.kind, names.count == 1 {
            whole = (0..<n).allSatisfy { names[0].contains($0) || t[$0] == 0x20 || t[$0] == 0x2E || u.roles[$0] != .content }
        }
        for (x, r) in names.enumerated() {
            let (k, e) = (r.lowerBound, r.upperBound)
            let word = u.string(r)
            guard let (m, full) = months.names[word] else { continue }
            var after = e
            if after < n && t[after] == 0x2E { after += 1 }
            if after < n && t[after] == 0x20 { after += 1 }
            let beside = digit(after) || (k >= 2 && t[k - 1] == 0x20 && digit(k - 2))
            let inRange = (x > 0 && joined(names[x - 1], r)) || (x + 1 < names.count && joined(r, names[x + 1]))
            var timeWord = false
            if k >= 3 && t[k - 1] == 0x20 {
                var b = k - 1
                while b > 0 && t[b - 1] >= 0x61 && t[b - 1] <= 0x7A { b -= 1 }
                timeWord = (b == 0 || !isASCIILetter(t[b - 1])) && months.timeWords.contains(u.string(b..<(k - 1)))
            }
            // A short name (`Mar`, `Sept`) is a month only beside a number or in a range.
            guard beside || inRange || (full && (timeWord || whole)) else { continue }
            out.append(Mention(unit: unit, range: r, value: NumberMention(range: r, text: word, values: [m], isVersion: false)))
        }
        return out
    }

    /// Numbers written in groups of three digits with a space between (`30 000`, `1 250 000`):
    /// one number where the other side has that number (`30000`); apart otherwise, as numbers
    /// of a list may be.
    static func joiningGroups(_ m: [Mention<NumberMention>], units: (Int) -> Unit, other: [Mention<NumberMention>]) -> [Mention<NumberMention>] {
        guard m.count >= 2 else { return m }
        let digits = { (s: String) in s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        var out: [Mention<NumberMention>] = []
        var k = 0
        while k < m.count {
            let a = m[k]
            var e = k
            if (1...3).contains(a.value.text.utf8.count), digits(a.value.text), a.value.range == a.range {
                let text = units(a.unit).text
                while e + 1 < m.count, m[e + 1].unit == a.unit, m[e + 1].value.text.utf8.count == 3, digits(m[e + 1].value.text),
                      m[e + 1].range.lowerBound == m[e].range.upperBound + 1,
                      [0x20, 0xA0, 0x2009, 0x202F].contains(text[m[e].range.upperBound]) { e += 1 }
            }
            if e > k {
                let written = m[k...e].map(\.value.text).joined()
                if let v = Double(written), other.contains(where: { $0.value.values.contains(v) }) {
                    var values = [v]
                    // A percentage after the last group.
                    if m[e].value.values.count > 1 && m[e].value.values[1] * 100 == m[e].value.values[0] { values.append(v / 100) }
                    let r = a.range.lowerBound..<m[e].range.upperBound
                    out.append(Mention(unit: a.unit, range: r, value: NumberMention(range: r, text: written, values: values, isVersion: false)))
                    k = e + 1
                    continue
                }
            }
            out.append(a)
            k += 1
        }
        return out
    }

    /// Source numbers no number of the translation renders (`missing`), numbers of the
    /// translation that render none (`extra`), and numbers rendered with another unit symbol
    /// (`unit`: source and target index). Each number of the translation renders one source
    /// number, or several written alike (10 … 10 said once): `0.76` cannot stand for both the
    /// `76%` and the `0.76` of the source. A number written the same is paired first, then
    /// one of the same value, then one with another unit symbol. `paired`: each group of source
    /// numbers written alike that a number renders, with the numbers of the translation that
    /// render it.
    static func unpaired(source: [NumberMention], sourceSymbols: [String?], target: [NumberMention], targetSymbols: [String?])
        -> (missing: [Int], extra: [Int], unit: [(Int, Int)], paired: [(source: [Int], target: [Int])]) {
        // Source numbers written alike form one group, but two quantities of different units
        // are two (`3 days … 3 months`: each needs its own rendering). A number without a unit,
        // or with letters that name none (`3 of`), joins the group of its writing.
        var groups: [[Int]] = []
        var keys: [String: Int] = [:]
        for (i, s) in source.enumerated() {
            let key = "\(s.isVersion ? "v" : "")\(s.text)|\(s.values)|\(sourceSymbols[i].flatMap(NumberMismatchRule.quantityUnit) ?? "")"
            if let g = keys[key] { groups[g].append(i) } else { keys[key] = groups.count; groups.append([i]) }
        }
        // Edge tiers: 0 written the same, 1 the same value, 2 the same value with another symbol.
        // A symbol agrees when a number of the group has none or the same.
        func unitOK(_ g: [Int], _ j: Int) -> Bool {
            guard let ts = targetSymbols[j] else { return true }
            return g.contains { sourceSymbols[$0] == nil || sameSymbol(sourceSymbols[$0]!, ts) }
        }
        // The same quantity with another prefix of the unit (`2000 V` = `2 kV`): the same value.
        var scaled = Set<Int>()
        var edges: [[(t: Int, tier: Int)]] = groups.enumerated().map { gi, g in
            let s = source[g[0]]
            var e: [(Int, Int)] = []
            for (j, t) in target.enumerated() {
                if s.agrees(with: t) {
                    var unitOK = unitOK(g, j)
                    // Agreeing by one value and the same quantity by another (`3,000 metres` →
                    // `3 千米`, read as 3000 and as 3 km).
                    if !unitOK, let ts = targetSymbols[j], sameQuantity(s, sourceSymbols[g[0]], t, ts) {
                        scaled.insert(gi * target.count + j)
                        unitOK = true
                    }
                    e.append((j, !unitOK ? 2 : t.text == s.text ? 0 : 1))
                } else if targetSymbols[j] != nil, sourceSymbols[g[0]] != nil, sameQuantity(s, sourceSymbols[g[0]], t, targetSymbols[j]) {
                    scaled.insert(gi * target.count + j)
                    e.append((j, 1))
                }
            }
            return e
        }
        edges = edges.map { $0.sorted { $0.tier < $1.tier } }
        var owner = [Int?](repeating: nil, count: target.count)
        var match = [Int?](repeating: nil, count: groups.count)
        func augment(_ g: Int, _ tier: Int, _ seen: inout [Bool]) -> Bool {
            for (t, w) in edges[g] where w <= tier && !seen[t] {
                // Another unit never takes a number from a group it renders with its own unit
                // (`3 天` stays the `3 days`' when `3 months` looks for a partner).
                if tier == 2, let o = owner[t], let ow = edges[o].first(where: { $0.t == t })?.tier, ow < 2 { continue }
                seen[t] = true
                if owner[t] == nil || augment(owner[t]!, tier, &seen) { owner[t] = g; match[g] = t; return true }
            }
            return false
        }
        for tier in 0...2 {
            for g in groups.indices where match[g] == nil && edges[g].contains(where: { $0.tier <= tier }) {
                var seen = [Bool](repeating: false, count: target.count)
                _ = augment(g, tier, &seen)
            }
        }
        // A quantity with a unit takes the number of its value the translation writes with a unit
        // of its kind, from a number without a unit that can take its own instead (`3 days a
        // week … 3/5` → `3 周 … 3/5`: the 周 renders the days, changed, not the 3 of `3/5`).
        for g in groups.indices {
            guard let t = match[g], targetSymbols[t] == nil, let sym = sourceSymbols[groups[g][0]],
                  let kind = dimension(sym) else { continue }
            for (j, _) in edges[g] where j != t {
                guard let h = owner[j], h != g, match[h] == j, groups[h].allSatisfy({ sourceSymbols[$0] == nil }),
                      let ts = targetSymbols[j], dimension(ts) == kind, edges[h].contains(where: { $0.t == t }) else { continue }
                owner[j] = g; match[g] = j
                owner[t] = h; match[h] = t
                break
            }
        }
        // A number the source writes several times takes as many of the translation's written
        // alike (1, 1, 2 → 1、1、3 leaves 3, not a 1, over).
        // Quantities are compared as a multiset: where the translation has no more of them written
        // alike, one left over with the same value and another unit is one occurrence whose unit
        // changed (`65 W … 65 W` → `65 V … 65 W`).
        var repeatedUnit: [(Int, Int)] = []
        for (g, members) in groups.enumerated() where members.count > 1 && match[g] != nil {
            var room = members.count - 1
            for (t, tier) in edges[g] where room > 0 && tier <= 1 && owner[t] == nil {
                owner[t] = g
                room -= 1
            }
            for (t, tier) in edges[g] where room > 0 && tier == 2 && owner[t] == nil && sourceSymbols[members[room]] != nil
                && targetSymbols[t].flatMap(NumberMismatchRule.quantityUnit) != nil && sourceSymbols[members[room]].flatMap(NumberMismatchRule.quantityUnit) != nil {
                owner[t] = g
                repeatedUnit.append((members[room], t))
                room -= 1
            }
        }
        // …but when the translation writes as many numbers as the source, a number left over
        // written like the repeated one but for one character (`117 … 117` → `116 … 117`) is
        // one of its occurrences changed.
        var short: [Int: Int] = [:]
        if target.count >= source.count {
            var spare = target.indices.filter { owner[$0] == nil && !target[$0].isVersion }
            func alike(_ a: String, _ b: String) -> Bool {
                let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
                return x.count == y.count && zip(x, y).filter { $0 != $1 }.count == 1
                    && y.allSatisfy { $0.value >= 0x30 && $0.value <= 0x39 || $0.value == 0x2E }
            }
            for (g, members) in groups.enumerated() where members.count > 1 && match[g] != nil && !spare.isEmpty {
                var lacking = members.count - owner.filter { $0 == g }.count
                while lacking > 0, let x = spare.firstIndex(where: { alike(source[members[0]].text, target[$0].text) }) {
                    spare.remove(at: x)
                    short[g, default: 0] += 1
                    lacking -= 1
                }
            }
        }
        var missing: [Int] = [], unit: [(Int, Int)] = []
        for (g, members) in groups.enumerated() {
            if let k = short[g] { missing += members.suffix(k) }
            guard let t = match[g] else { missing += members; continue }
            if !unitOK(members, t) && !scaled.contains(g * target.count + t) { unit.append((members[0], t)) }
        }
        unit += repeatedUnit
        let extra = target.indices.filter { owner[$0] == nil }
        let paired = groups.indices.compactMap { g in
            match[g] == nil ? nil : (source: groups[g], target: target.indices.filter { owner[$0] == g })
        }
        return (missing.sorted(), extra, unit, paired)
    }

    /// English words of the translation (`five` left untranslated): they render a cardinal
    /// word of the source, and are never extra.
    static func targetWords(_ u: Unit, _ a: TextAnalysis, unit k: Int, _ english: LocaleData) -> [Mention<NumberMention>] {
        let eligible = { (i: Int) in (u.roles[i] == .content || u.roles[i] == .code) && !a.inNote(i) }
        // `once` and `twice` kept likewise (a sentence left in English).
        return (NumberScanner.numberWords(in: u.text, eligible: eligible)
                + NumberScanner.frequencyWords(in: u.text, isTimeWord: { english.durationUnits[$0] != nil },
                                               bounds: english.bounds.countBounds, words: english.frequencies, eligible: eligible))
            .map { Mention(unit: k, range: $0.range, value: $0) }
    }

    /// Cardinal words of the source no number of the translation renders (`missing`), each with
    /// the count of the translation it became (`five` → 三个工作日), when the evidence leaves no
    /// doubt: the only count (`NumberScanner.isCount`) left over in the target sentences aligned with the
    /// word, the word the only one missing there; or the only word missing and the only number
    /// left over in the pair. A word merely missing is not reported: a translation says "both"
    /// (双方), "a few" or nothing for it as often as not.
    static func wordsChanged(_ missing: [Mention<NumberMention>], _ extra: [Mention<NumberMention>],
                             place: (Mention<NumberMention>) -> (unit: Int, range: Range<Int>),
                             isCount: (Mention<NumberMention>) -> Bool, half: Set<UInt32>) -> [(Mention<NumberMention>, Mention<NumberMention>)] {
        // 一 before a counting word (运行一次, 一个订单) is as often the article Chinese adds, and
        // 一半 renders "half" (``Numerals/half``): neither a cardinal of two or more changed.
        let extra = extra.filter { !(NumberMismatchRule.isHanOne($0.value) || $0.value.text.unicodeScalars.contains { half.contains($0.value) }) }
        guard !extra.isEmpty else { return [] }
        let places = missing.map(place)
        var out: [(Mention<NumberMention>, Mention<NumberMention>)] = []
        var used = Set<Int>()
        for (k, m) in missing.enumerated() {
            let p = places[k]
            let inPlace = extra.indices.filter { extra[$0].unit == p.unit && extra[$0].range.overlaps(p.range) }
            let rivals = places.filter { $0.unit == p.unit && $0.range == p.range }.count
            var chosen: Int? = nil
            if rivals == 1, inPlace.count == 1, isCount(extra[inPlace[0]]) { chosen = inPlace[0] }
            if chosen == nil && missing.count == 1 && extra.count == 1 && isCount(extra[0]) { chosen = 0 }
            guard let x = chosen, used.insert(x).inserted else { continue }
            out.append((m, extra[x]))
        }
        return out
    }

    /// `zero or more` and `one or more` in prose (not after `zero,` or `zero or`), and their
    /// Chinese renderings (`零个或多个`, `一次或多次`, `1 个或更多`; not the end of another
    /// number, `十一个或多个`, nor an ordinal, `第一`), with the count they start from and where
    /// they are.
    static func orMore(_ u: Unit) -> [(value: Int, range: Range<Int>)] {
        let t = u.text, n = t.count
        var out: [(Int, Range<Int>)] = []
        func at(_ i: Int, _ w: String) -> Bool {
            let s = Array(w.unicodeScalars.map(\.value))
            guard i + s.count <= n else { return false }
            for (j, c) in s.enumerated() where t[i + j] | (isASCIILetter(c) ? 0x20 : 0) != c || u.roles[i + j] != .content { return false }
            return true
        }
        var k = 0
        while k < n {
            let c = t[k]
            if isASCIILetter(c), k == 0 || !isASCIILetter(t[k - 1]) {
                for (w, v) in [("zero or more", 0), ("one or more", 1)] where at(k, w) && (k + w.unicodeScalars.count == n || !isASCIILetter(t[k + w.unicodeScalars.count])) {
                    let before = u.string(max(0, k - 9)..<k).lowercased()
                    if !(before.hasSuffix("zero, ") || before.hasSuffix("zero or ")) { out.append((v, k..<(k + w.unicodeScalars.count))) }
                }
            } else if (c == 0x96F6 || c == 0x4E00 || c == 0x30 || c == 0x31) && u.roles[k] == .content
                        && (k == 0 || !(t[k - 1] >= 0x30 && t[k - 1] <= 0x39) && t[k - 1] != 0x2E && t[k - 1] != 0x7B2C
                            && !"零一二三四五六七八九十百千两".unicodeScalars.contains { $0.value == t[k - 1] }) {
                var e = k + 1
                while e < n && t[e] == 0x20 { e += 1 }
                if e < n && "个次条项位种行".unicodeScalars.contains(where: { $0.value == t[e] }) { e += 1 }
                while e < n && t[e] == 0x20 { e += 1 }
                if e + 1 < n && t[e] == 0x6216 {
                    var f = e + 1
                    while f < n && t[f] == 0x20 { f += 1 }
                    if f < n && t[f] == 0x66F4 { f += 1 }   // 更多
                    if f < n && t[f] == 0x591A {
                        f += 1
                        if f < n && "个次条项位种行".unicodeScalars.contains(where: { $0.value == t[f] }) { f += 1 }
                        out.append((c == 0x96F6 || c == 0x30 ? 0 : 1, k..<f))
                        k = f
                        continue
                    }
                }
            }
            k += 1
        }
        return out
    }

    /// Model codes in the prose (`AF160EU`, `TP19H`, `WH1000XM5`): capitals, two digits or more,
    /// then capitals again (digits and capitals may go on), three capitals in all, between
    /// characters that are no letters, digits, `_`, `-`, `.` or `/`. A formula (`H2O`) or a
    /// numeronym (`I18N`) is none. `anyRole`: in code and link text too.
    static func modelCodes(_ u: Unit, anyRole: Bool = false) -> [Range<Int>] {
        let t = u.text, n = t.count
        @inline(__always) func upper(_ c: UInt32) -> Bool { c >= 0x41 && c <= 0x5A }
        @inline(__always) func digit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }
        @inline(__always) func alnum(_ c: UInt32) -> Bool { c < 0x80 ? (upper(c & ~0x20) || digit(c)) : !isHanIdeograph(c) && (Unicode.Scalar(c)?.properties.isAlphabetic ?? false) }
        @inline(__always) func joins(_ c: UInt32) -> Bool { alnum(c) || c == 0x5F || c == 0x2D || c == 0x2E || c == 0x2F }
        var out: [Range<Int>] = []
        var k = 0
        while k < n {
            guard upper(t[k]), anyRole || u.roles[k] == .content, k == 0 || !joins(t[k - 1]) else { k += 1; continue }
            var e = k
            while e < n && upper(t[e]) && (anyRole || u.roles[e] == .content) { e += 1 }
            let lead = e - k, digits = e
            while e < n && digit(t[e]) && (anyRole || u.roles[e] == .content) { e += 1 }
            let digitCount = e - digits, tail = e
            while e < n && upper(t[e]) && (anyRole || u.roles[e] == .content) { e += 1 }
            let trailing = e - tail
            while e < n && (upper(t[e]) || digit(t[e])) && (anyRole || u.roles[e] == .content) { e += 1 }
            let ends = e == n || !(joins(t[e]) && !(t[e] == 0x2E && (e + 1 == n || !alnum(t[e + 1]))))
            if digitCount >= 2, trailing >= 1, lead + trailing >= 3, ends { out.append(k..<e) }
            k = max(e, k + 1)
        }
        return out
    }

    /// Where each model code (``modelCodes(_:anyRole:)``) is first written in `units`, in any role
    /// (`AF160EU` in code counts): one pass, the dictionary only asked, never read in order.
    static func firstModelCodes(_ units: [Unit]) -> [String: (unit: Int, at: Int)] {
        var out: [String: (unit: Int, at: Int)] = [:]
        for (k, u) in units.enumerated() {
            for r in modelCodes(u, anyRole: true) {
                let code = u.string(r)
                if out[code] == nil { out[code] = (k, r.lowerBound) }
            }
        }
        return out
    }

    /// Part numbers of shapes ``modelCodes(_:)`` and ``ids(_:roles:)`` leave out (`ATmega328P`,
    /// `1N4148`, `74HC595`, `ESP32-S3`, `99011-AV26H`): a token of ASCII letters and digits, single
    /// hyphens inside, between characters that are no letters, digits, `_`, `-`, `.`, `/` or `#`
    /// (a sentence's full stop may follow), with a capital and two digits or more and a mark of a
    /// part number: a hyphen between a digit and a letter, a lowercase letter between a capital
    /// and a digit, or digits, letters and digits again. A quantity (`16GB`, `1080p`), a version
    /// (`v1.2`), a hex colour (`#1677FF`), `x86_64` and `UTF-8` are none.
    static func partNumbers(_ u: Unit) -> [Range<Int>] {
        let t = u.text, n = t.count
        @inline(__always) func upper(_ c: UInt32) -> Bool { c >= 0x41 && c <= 0x5A }
        @inline(__always) func lower(_ c: UInt32) -> Bool { c >= 0x61 && c <= 0x7A }
        @inline(__always) func digit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }
        @inline(__always) func alnum(_ c: UInt32) -> Bool { upper(c) || lower(c) || digit(c) }
        @inline(__always) func joins(_ c: UInt32) -> Bool { alnum(c) || c == 0x5F || c == 0x2D || c == 0x2E || c == 0x2F || c == 0x23 }
        var out: [Range<Int>] = []
        var k = 0
        while k < n {
            guard alnum(t[k]), u.roles[k] == .content, k == 0 || !joins(t[k - 1]) else { k += 1; continue }
            var e = k
            while e < n && u.roles[e] == .content && (alnum(t[e]) || (t[e] == 0x2D && e + 1 < n && alnum(t[e + 1]) && alnum(t[e - 1]))) { e += 1 }
            let ends = e == n || !(joins(t[e]) && !(t[e] == 0x2E && (e + 1 == n || !alnum(t[e + 1]))))
            defer { k = max(e, k + 1) }
            guard ends, e - k >= 4 else { continue }
            let s = t[k..<e]
            guard s.contains(where: upper), s.filter(digit).count >= 2 else { continue }
            var hyphen = false, mixed = false, again = false
            var seenUpper = false, seenLower = false, seenDigit = false, lettersAfterDigit = false
            var p = k
            while p < e {
                let c = t[p]
                if c == 0x2D {
                    if (digit(t[p - 1]) && (upper(t[p + 1]) || lower(t[p + 1]))) || ((upper(t[p - 1]) || lower(t[p - 1])) && digit(t[p + 1])) { hyphen = true }
                } else if upper(c) {
                    seenUpper = true
                    if seenDigit { lettersAfterDigit = true }
                } else if lower(c) {
                    if seenUpper && !seenDigit { seenLower = true }
                    if seenDigit { lettersAfterDigit = true }
                } else {
                    if seenLower { mixed = true }
                    if lettersAfterDigit && digit(t[k]) { again = true }
                    seenDigit = true
                }
                p += 1
            }
            if hyphen || mixed || again { out.append(k..<e) }
        }
        return out
    }

    /// Catalogue and part numbers (`QX2048`, `Ab512`): one to four Latin letters, a capital
    /// among them, then digits (`F11`, `P1`), between characters that are neither letters nor
    /// digits; copied as they are.
    static func ids(_ u: Unit, roles: Set<Role>) -> [Range<Int>] {
        let t = u.text, n = t.count
        func letter(_ c: UInt32) -> Bool { c | 0x20 >= 0x61 && c | 0x20 <= 0x7A }
        func digit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }
        var out: [Range<Int>] = []
        var k = 0
        while k < n {
            guard letter(t[k]), roles.contains(u.roles[k]), k == 0 || !(letter(t[k - 1]) || digit(t[k - 1]) || t[k - 1] == 0x5F) else { k += 1; continue }
            var e = k
            while e < n && letter(t[e]) && u.roles[e] == u.roles[k] { e += 1 }
            let letters = e
            while e < n && digit(t[e]) && u.roles[e] == u.roles[k] { e += 1 }
            if letters - k <= 4, e - letters >= 1, t[k..<letters].contains(where: { $0 < 0x61 }),
               e == n || !(letter(t[e]) || digit(t[e]) || t[e] == 0x5F) { out.append(k..<e) }
            k = max(e, k + 1)
        }
        return out
    }

    /// True when the number at `r` numbers a heading as a step or a part: at the heading's start
    /// followed by `.`, `)`, `:` or `、` and a space (`### 2. Add the key`), or after one to three
    /// words that start it and followed by `:` (`## Method 2: Legacy installer`). A number
    /// followed by a space alone (`## 3 ways to deploy`) is a count.
    static func headingEnumerator(_ u: Unit, _ r: Range<Int>) -> Bool {
        guard case .heading = u.kind else { return false }
        let t = u.text, n = t.count
        guard r.upperBound < n, t[r.lowerBound] >= 0x30 && t[r.lowerBound] <= 0x39 else { return false }
        let after = t[r.upperBound]
        let spaced = r.upperBound + 1 >= n || t[r.upperBound + 1] == 0x20
        var k = r.lowerBound
        while k > 0 && (t[k - 1] == 0x20 || u.roles[k - 1] != .content) { k -= 1 }
        if k == 0 || (0..<k).allSatisfy({ u.roles[$0] != .content || t[$0] == 0x20 }) {
            return (after == 0x2E || after == 0x29 || after == 0x3A || after == 0xFF1A) && spaced || after == 0x3001
        }
        guard after == 0x3A || after == 0xFF1A else { return false }
        var words = 0
        k = r.lowerBound
        while true {
            while k > 0 && t[k - 1] == 0x20 { k -= 1 }
            guard k > 0, u.roles[k - 1] == .content else { break }
            var w = k
            while w > 0 && isASCIILetter(t[w - 1]) && u.roles[w - 1] == .content { w -= 1 }
            guard w < k else { return false }
            words += 1
            k = w
        }
        return (1...3).contains(words)
    }

    /// The number a unit opens with, as a section number (`5.` of `5. 部署`, `6.5` of `6.5 …`):
    /// its parts (6, 5), up to four digits each, and its range; followed by `.`, `)`, `:`, `、`
    /// or a space. Nil when the unit does not open with one.
    static func sectionNumber(_ u: Unit) -> (parts: [Int], range: Range<Int>)? {
        let t = u.text
        var i = 0
        while i < t.count && (t[i] == 0x20 || u.roles[i] != .content) { i += 1 }
        var parts: [Int] = []
        var e = i
        while e < t.count && t[e] >= 0x30 && t[e] <= 0x39 {
            var v = 0, d = 0
            while e < t.count && t[e] >= 0x30 && t[e] <= 0x39 && d < 4 { v = v * 10 + Int(t[e] - 0x30); e += 1; d += 1 }
            parts.append(v)
            guard e + 1 < t.count, t[e] == 0x2E, t[e + 1] >= 0x30 && t[e + 1] <= 0x39 else { break }
            e += 1
        }
        guard !parts.isEmpty, e < t.count, [0x2E, 0x29, 0x3A, 0xFF1A, 0x3001, 0x20].contains(t[e]) else { return nil }
        return (parts, i..<e)
    }

    /// True when the number at `r` is the section number that opens a heading (`## 5. 部署`,
    /// `### 6.5 …`), and the heading before it at the same level (under the same parent) opens
    /// with the number one less in its last part (`## 4. …`, `### 6.4 …`), or the heading is the
    /// first at its level there and its last part is 1: the page numbers its sections in order.
    static func continuesNumbering(_ d: Document, unit k: Int, at r: Range<Int>) -> Bool {
        guard case .heading(let level) = d.units[k].kind, let mine = sectionNumber(d.units[k]), mine.range.lowerBound == r.lowerBound else { return false }
        var j = k - 1
        while j >= 0 {
            if case .heading(let l) = d.units[j].kind {
                if l < level { break }
                if l == level {
                    guard let before = sectionNumber(d.units[j])?.parts, before.count == mine.parts.count else { return false }
                    return before.dropLast() == mine.parts.dropLast() && before.last! + 1 == mine.parts.last!
                }
            }
            j -= 1
        }
        return mine.parts.last == 1
    }

    /// Whether the number at `r` of unit `k` is its heading's section number (``sectionNumber(_:)``).
    static func isSectionNumber(_ d: Document, unit k: Int, at r: Range<Int>) -> Bool {
        guard case .heading = d.units[k].kind, let mine = sectionNumber(d.units[k]) else { return false }
        return mine.range.lowerBound == r.lowerBound
    }

    /// True when a heading of the document opens with a number of its own: digits followed by
    /// `.`, `)`, `:` or `、` (`2. 安装`, `2.1 安装`), a numeral and `、` (`二、概述`), or an ordinal
    /// (`第 2 步`, `第二部分`).
    static func numbersHeadings(_ d: Document, _ numerals: Numerals) -> Bool {
        for u in d.units {
            guard case .heading = u.kind else { continue }
            let t = u.text
            var k = 0
            while k < t.count && (t[k] == 0x20 || u.roles[k] != .content) { k += 1 }
            guard k < t.count else { continue }
            if t[k] >= 0x30 && t[k] <= 0x39 {
                var e = k
                while e < t.count && (t[e] >= 0x30 && t[e] <= 0x39 || t[e] == 0x2E) { e += 1 }
                if e == t.count || [0x2E, 0x29, 0x3A, 0xFF1A, 0x3001, 0x20].contains(t[e]) || t[e - 1] == 0x2E { return true }
            } else if numerals.isNumeral(t[k]) {
                var e = k
                while e < t.count && numerals.isNumeral(t[e]) { e += 1 }
                if e < t.count && (t[e] == 0x3001 || t[e] == 0x2E || t[e] == 0xFF0E) { return true }
            }
            if let o = t.firstIndex(where: { numerals.ordinals.contains($0) }), o + 1 < t.count,
               numerals.isNumeral(t[o + 1]) || (t[o + 1] >= 0x30 && t[o + 1] <= 0x39) || (t[o + 1] == 0x20 && o + 2 < t.count && t[o + 2] >= 0x30 && t[o + 2] <= 0x39) {
                return true
            }
        }
        return false
    }

    /// True when the number at `r` is a `1` that opens the unit's prose as the first item's
    /// number of a list written inline, before a comma (`A: 1，for the version after 1.0.3 …`,
    /// `1, confirm hostname`): at the unit's start or after a label of up to three words and a
    /// colon, followed by `，`, `、` or `,` and no number (`1, 2 or 3` is a count).
    static func leadingEnumerator(_ u: Unit, _ r: Range<Int>) -> Bool {
        let t = u.text, n = t.count
        guard r.count == 1, t[r.lowerBound] == 0x31, r.upperBound < n else { return false }
        // After: `，` or `、`, or `,` and a word that is no number.
        var e = r.upperBound
        if t[e] == 0xFF0C || t[e] == 0x3001 {
            e += 1
        } else {
            guard t[e] == 0x2C else { return false }
            e += 1
        }
        while e < n && t[e] == 0x20 { e += 1 }
        guard e < n, !(t[e] >= 0x30 && t[e] <= 0x39) else { return false }
        // Before: nothing, or a label of up to three words and a colon.
        var k = r.lowerBound
        while k > 0 && t[k - 1] == 0x20 { k -= 1 }
        if k == 0 { return true }
        guard t[k - 1] == 0x3A || t[k - 1] == 0xFF1A else { return false }
        k -= 1
        var words = 0
        while k > 0 {
            while k > 0 && t[k - 1] == 0x20 { k -= 1 }
            guard k > 0 else { break }
            var w = k
            while w > 0 && isASCIILetter(t[w - 1]) { w -= 1 }
            guard w < k else { return false }
            words += 1
            k = w
        }
        return (1...3).contains(words)
    }

    /// How many numerals of one (一, ``Numerals/digits``) of a unit's prose are no number the
    /// scanner read (`read`): one before other Han, which is as often the article (一茶匙, 一个),
    /// not after a mark of an ordinal (第, ``Numerals/ordinals``) (`all`); of them, those right
    /// after Han that is no numeral, closing a noun (赛题一, `closing`).
    static func articleOnes(_ u: Unit, read: [Range<Int>], _ numerals: Numerals) -> (all: Int, closing: Int) {
        let t = u.text
        var n = 0, closing = 0
        for k in t.indices where numerals.digits[t[k]] == 1 && u.roles[k] == .content && k + 1 < t.count && isHanIdeograph(t[k + 1])
            && !(k > 0 && numerals.ordinals.contains(t[k - 1])) && !read.contains(where: { $0.contains(k) }) {
            n += 1
            if k > 0 && isHanIdeograph(t[k - 1]) && !numerals.isNumeral(t[k - 1]) && u.roles[k - 1] == .content { closing += 1 }
        }
        return (n, closing)
    }

    /// Hexadecimal runs of seven to forty lowercase characters with a digit and a letter
    /// among them (`a1b2c3d`, a commit): standing alone, between characters that are neither
    /// letters, digits nor joiners (`#`, `-`, `_`, `.`, `/`: a colour, a part of a UUID or a
    /// path), and not a number in scientific notation (`1e10000`); copied as they are.
    static func hexRuns(_ u: Unit, roles: Set<Role>) -> [Range<Int>] {
        let t = u.text, n = t.count
        func hex(_ c: UInt32) -> Bool { (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) }
        func word(_ c: UInt32) -> Bool { (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x5F }
        func joiner(_ c: UInt32) -> Bool { c == 0x23 || c == 0x2D || c == 0x2E || c == 0x2F || c == 0x5F || c == 0x40 || c == 0x3A }
        var out: [Range<Int>] = []
        var k = 0
        while k < n {
            guard hex(t[k]), roles.contains(u.roles[k]), k == 0 || !(word(t[k - 1]) || joiner(t[k - 1])) else { k += 1; continue }
            var e = k
            while e < n && hex(t[e]) && u.roles[e] == u.roles[k] { e += 1 }
            defer { k = max(e, k + 1) }
            guard (7...40).contains(e - k), e == n || !(word(t[e]) || (joiner(t[e]) && e + 1 < n && word(t[e + 1]))) else { continue }
            let letters = t[k..<e].filter { $0 >= 0x61 }
            guard !letters.isEmpty, letters.count < e - k, !(letters.count == 1 && letters[0] == 0x65) else { continue }
            out.append(k..<e)
        }
        return out
    }

    /// A number with the unit symbol after it, as a message quotes it (`900 µs`; the fraction
    /// it is the denominator of, `1/2 tsp`, `1 1/2 cups`; the symbol with the spaces the text
    /// writes inside it, `400 × g`). A symbol from a cell of its own
    /// (``rowSymbol(_:_:column:)``) follows after a space.
    static func shown(_ u: Unit, _ r: Range<Int>, symbol: String) -> String {
        // A number inside an identifier that goes on past it (`NX-2424P`): the identifier, its
        // letters after the number not quoted a second time as a symbol.
        if let id = identifier(u, around: r), id.upperBound > r.upperBound { return u.string(id) }
        let fraction = fractionStart(u, r)
        if fraction < r.lowerBound { return u.string(fraction..<r.lowerBound) + shownWithSymbol(u, r, symbol) }
        return shownWithSymbol(u, r, symbol)
    }

    /// Where the ASCII fraction whose denominator `r` is starts (`1/2`, `3/16`, the whole number
    /// before it too: `1 1/2`): one or two digits each side of the slash, the numerator the
    /// smaller, nothing glued before it (not a date, `2024/1/2`, nor a path, `v1/2`); of a
    /// fraction read whole, the whole number before it; `r.lowerBound` when `r` is none.
    static func fractionStart(_ u: Unit, _ r: Range<Int>) -> Int {
        let t = u.text, lo = r.lowerBound
        @inline(__always) func digit(_ i: Int) -> Bool { i >= 0 && i < t.count && t[i] >= 0x30 && t[i] <= 0x39 }
        @inline(__always) func glued(_ i: Int) -> Bool {
            i >= 0 && (digit(i) || t[i] == 0x2F || t[i] == 0x2E || t[i] == 0x2C || t[i] == 0x2D || (t[i] | 0x20 >= 0x61 && t[i] | 0x20 <= 0x7A))
        }
        // A fraction read whole (``joiningFractions(_:_:take:)``): where it starts, or the whole
        // number before it.
        let whole = r.count >= 3 && t[r].contains(0x2F)
        guard whole || ((1...2).contains(r.count) && lo >= 2 && t[lo - 1] == 0x2F && digit(lo - 2) && u.roles[lo - 1] == u.roles[lo]) else { return lo }
        var f = lo - 2
        if whole {
            f = lo
        } else {
            while f > 0 && digit(f - 1) { f -= 1 }
            guard lo - 1 - f <= 2, !glued(f - 1),
                  let n = Int(u.string(f..<(lo - 1))), let d = Int(u.string(r)), n > 0, n < d else { return lo }
        }
        // A whole number before it, one space away (`1 1/2`).
        if f >= 2, t[f - 1] == 0x20, digit(f - 2) {
            var w = f - 2
            while w > 0 && digit(w - 1) { w -= 1 }
            if f - 1 - w <= 3, !glued(w - 1), u.roles[w] == u.roles[lo] { return w }
        }
        return f
    }

    /// ``shown(_:_:symbol:)`` but for the fraction.
    static func shownWithSymbol(_ u: Unit, _ r: Range<Int>, _ symbol: String) -> String {
        // A symbol before the number (`€49.99`, `USD 10`).
        let w = symbol.unicodeScalars.count
        for gap in 0...1 where r.lowerBound >= w + gap {
            let lo = r.lowerBound - w - gap
            if u.string(lo..<(r.lowerBound - gap)) == symbol, gap == 0 || u.text[r.lowerBound - 1] == 0x20 {
                return u.string(lo..<r.lowerBound) + shown(u, r)
            }
        }
        var hi = r.upperBound
        while hi < u.text.count && !u.string(r.upperBound..<hi).hasSuffix(symbol) { hi += 1 }
        if !u.string(r.upperBound..<hi).hasSuffix(symbol) {
            // The symbol written with spaces inside it (`400 × g`, `400 x g`): quoted as written.
            var i = r.upperBound, spaces = 0
            for c in symbol.unicodeScalars {
                while i < u.text.count && spaces < 3 && [0x20, 0xA0, 0x2009, 0x202F].contains(u.text[i]) { i += 1; spaces += 1 }
                guard i < u.text.count, u.text[i] == c.value || (c.value == 0xD7 && u.text[i] == 0x78) else { return shown(u, r) + " " + symbol }
                i += 1
            }
            return shown(u, r) + u.string(r.upperBound..<i)
        }
        return shown(u, r) + u.string(r.upperBound..<hi)
    }

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        var found: [Finding] = []
        checkEach(c) { found.append($0) }
        for f in NumberMismatchRule.currencySwapsJoined(found.sorted(by: Finding.ordered), c) { emit(f) }
    }

    /// The amounts of a page whose currency sign the translation changed alike, the digits kept
    /// (`$19,432` → `¥19,432`, three times or more: sample data made the reader's, or prices left
    /// unconverted): one finding at the first, naming how many more, not one for each.
    static func currencySwapsJoined(_ found: [Finding], _ c: FileContext) -> [Finding] {
        // What `ConsistencyPairs.mismatch` put in the finding's details.
        func detail(_ f: Finding, _ key: String) -> JSON? {
            guard case .object(let d)? = f.details.first(where: { $0.0 == "details" })?.1 else { return nil }
            return d.first(where: { $0.0 == key })?.1
        }
        func text(_ f: Finding, _ key: String) -> String? {
            if case .string(let v)? = detail(f, key) { return v }
            return nil
        }
        // The two signs of a finding whose amounts differ only by their leading currency sign.
        func swap(_ f: Finding) -> String? {
            guard f.rule == "number-mismatch", let s = text(f, "source"), let t = text(f, "target"),
                  let a = s.unicodeScalars.first, let b = t.unicodeScalars.first, a != b,
                  a.properties.generalCategory == .currencySymbol, b.properties.generalCategory == .currencySymbol,
                  s.unicodeScalars.dropFirst().elementsEqual(t.unicodeScalars.dropFirst()) else { return nil }
            return String(a) + String(b)
        }
        let swaps = found.map(swap)
        var counts: [String: Int] = [:]
        for x in swaps { if let x { counts[x, default: 0] += 1 } }
        guard counts.values.contains(where: { $0 >= 3 }) else { return found }
        var out: [Finding] = []
        var done = Set<String>()
        for (f, x) in zip(found, swaps) {
            guard let x, let n = counts[x], n >= 3 else { out.append(f); continue }
            guard done.insert(x).inserted else { continue }
            var g = f
            let signs = Array(x.unicodeScalars)
            let line = detail(f, "sourceLine").map { if case .int(let v) = $0 { return String(v) } else { return "?" } } ?? "?"
            g.message = c.messages.text("number-mismatch.currency", ["source": text(f, "source") ?? "", "target": text(f, "target") ?? "",
                                                                      "line": line, "count": String(n - 1),
                                                                      "from": String(signs[0]), "to": String(signs[1])])
            // The count beside the source and target values (`details.count`).
            if let k = g.details.firstIndex(where: { $0.0 == "details" }), case .object(var d) = g.details[k].1 {
                d.append(("count", .int(n)))
                g.details[k].1 = .object(d)
            }
            out.append(g)
        }
        return out
    }

    func checkEach(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self), let p = c.pairing else { return }
        // Front-matter values that are numbers (`nav_order: 7`, a date).
        for e in FrontMatterValues.changed(c) where e.kind == .number { emit(FrontMatterValues.finding(self, c, e, severity: severity)) }
        // A date written the Chinese way whose month, year or day changed (`March 2024` → `2024 年 5 月`).
        for e in FrontMatterValues.datesChanged(c) { emit(FrontMatterValues.finding(self, c, e, severity: severity, key: "front-matter.date")) }
        let cells = NumberMismatchRule.numberCellPairs(c, p)
        let inCells = Set(cells.map(\.source))
        // The sentences `missing-translation` reports dropped from a paragraph (made on the first
        // number missing; none when that rule is off).
        var dropped: [LoneSentence]? = nil
        // Whether the translation numbers its headings (read on the first heading number missing).
        var headingsNumbered: Bool? = nil
        func droppedSentences() -> [LoneSentence]? {
            guard c.settings.severity(MissingTranslationRule()) != nil else { return nil }
            if dropped == nil { dropped = LoneSentences.find(c).filter(\.isDropped) }
            return dropped!.isEmpty ? nil : dropped
        }
        // A changed number is most likely the extra one written like it (650 → 560, 3.4 → 3.5).
        // A month's name (``monthMentions``) most likely the month number.
        // A version (`1.3` beside `version`, `1.0.3`) is never written in Chinese numerals: a
        // numeral (一台) counts something else.
        let similarity = { (a: NumberMention, b: NumberMention) -> Double in
            if a.isVersion, b.text.unicodeScalars.first.map({ isHanIdeograph($0.value) }) == true { return -1 }
            if a.text.unicodeScalars.first.map({ $0.value < 0x80 && $0.properties.isAlphabetic }) == true, a.values.count == 1, (1...12).contains(a.values[0]) {
                return b.values.count == 1 && (1...12).contains(b.values[0]) && b.values[0] == b.values[0].rounded() ? 1 : 0
            }
            return CodeComparison.similarity(a.text, b.text) + (b.text.unicodeScalars.allSatisfy { $0.value < 0x80 } ? 0.1 : 0)
        }
        let sourceClock = c.settings.source.clock, targetClock = c.settings.target.clock
        // The translation's numerals, read on both sides (a source may quote them).
        let numerals = c.settings.target.numerals
        let months = c.settings.source.months
        let targetBounds = c.settings.target.bounds
        let sourceBounds = c.settings.source.bounds
        let sourceQuarters = c.settings.source.quarters, targetQuarters = c.settings.target.quarters
        let sourceOrder = c.settings.source.order, targetOrder = c.settings.target.order
        /// The numbers of both sides, grouped digits joined where the other side has the whole.
        func numbers(_ su: [Int], _ tu: [Int], words: Bool = false) -> (source: [Mention<NumberMention>], target: [Mention<NumberMention>]) {
            var source = su.flatMap { NumberMismatchRule.sourceNumbers(p.source.units[$0], p.sourceAnalyses[$0], unit: $0, clock: sourceClock, numerals: numerals) }
            // A source that names months without a number (`open in June`, `June–September`)
            // is compared with the months of a translation that writes one (`7 月开放`).
            let quarters = su.flatMap { NumberMismatchRule.quarters(p.source.units[$0], unit: $0, sourceQuarters) }
            guard !source.isEmpty || words || !quarters.isEmpty
                    || (tu.contains { c.document.units[$0].text.contains(0x6708) }
                        && su.contains { !NumberMismatchRule.monthMentions(p.source.units[$0], unit: $0, months).isEmpty }) else { return ([], []) }
            let sourceMath = su.contains { p.source.units[$0].roles.contains(.math) }
            var target = tu.flatMap { NumberMismatchRule.targetNumbers(c.document.units[$0], c.analyses[$0], unit: $0, clock: targetClock, numerals: numerals, math: !sourceMath) }
            // Fiscal quarters and years of the source (`Q3`, `third quarter`, `FY2025`) where the
            // translation names a quarter or a fiscal year (第三季度, 2025 财年).
            if !quarters.isEmpty {
                let texts = tu.map { c.document.units[$0].string(0..<c.document.units[$0].text.count) }
                let quarter = targetQuarters.words.contains { w in texts.contains { $0.contains(w) } }
                let fiscal = targetQuarters.fiscalWords.contains { w in texts.contains { $0.contains(w) } }
                let taken = quarters.filter { $0.fiscal ? fiscal : quarter }.map(\.mention)
                if !taken.isEmpty {
                    source = (source + taken).sorted { ($0.unit, $0.range.lowerBound) < ($1.unit, $1.range.lowerBound) }
                }
            }
            // A time zone's offset (`UTC+8`, `GMT-5`) where the translation writes no offset of a
            // zone: the zone said by its name (`北京时间`); compared where it writes one too.
            if source.contains(where: { NumberMismatchRule.isZoneOffset(p.source.units[$0.unit].text, $0.range) }),
               !tu.contains(where: { NumberMismatchRule.zoneOffsetStart(c.document.units[$0].text) != nil }) {
                source.removeAll { NumberMismatchRule.isZoneOffset(p.source.units[$0.unit].text, $0.range) }
            }
            target = NumberMismatchRule.lessCopied(target, targetUnit: { c.document.units[$0] }, source: su,
                                                   sourceUnit: { p.source.units[$0] }, sourceNumbers: source)
            // The numeral of a weekday's name (周一, 星期五, 周一至五) counts nothing: days are
            // compared as days (``weekdays(_:_:)``). Looked at only for a Han numeral after a Han
            // character.
            if target.contains(where: { NumberMismatchRule.mayNameWeekday(c.document.units[$0.unit].text, $0.range, numerals) }) {
                var days: [Int: [WeekdayMention]] = [:]
                target.removeAll { m in
                    let u = c.document.units[m.unit]
                    guard NumberMismatchRule.mayNameWeekday(u.text, m.range, numerals) else { return false }
                    if days[m.unit] == nil { days[m.unit] = NumberMismatchRule.weekdays(u, c.settings.target) }
                    return days[m.unit]!.contains { $0.named && $0.range.contains(m.range.lowerBound) }
                }
            }
            // A clock time written with 点 (`上午 9 点`, `下午 3 点半`) renders an `H:MM` of the
            // source (`9:00`, `15:30`) whole: its 点 stands for the minutes 00, 点半 for 30 (not
            // where the minutes are written: `9 点 30 分`).
            if source.contains(where: { NumberMismatchRule.clockMinutes(p.source.units[$0.unit].text, $0.range) }) {
                // 半 read as a half (0.5) is the minutes' here, in its place.
                var added: [Mention<NumberMention>] = []
                for m in target where !m.value.isVersion {
                    // The hour as written (下午 3 点 is also 15).
                    guard let v = m.value.values.first else { continue }
                    let t = c.document.units[m.unit].text
                    guard v >= 0 && v <= 24 && v == v.rounded(), let pt = NumberScanner.clockPoint(t, after: m.range.upperBound, targetClock) else { continue }
                    if !pt.half {
                        var k = pt.at + 1
                        if k < t.count && t[k] == 0x20 { k += 1 }
                        if k < t.count && ((t[k] >= 0x30 && t[k] <= 0x39) || numerals.isNumeral(t[k])) { continue }
                    }
                    let r = pt.half ? (pt.at + 1)..<(pt.at + 2) : pt.at..<(pt.at + 1)
                    added.append(Mention(unit: m.unit, range: r, value: NumberMention(range: r, text: pt.half ? "30" : "00", values: [pt.half ? 30 : 0], isVersion: false)))
                }
                if !added.isEmpty {
                    target.removeAll { m in added.contains { $0.unit == m.unit && $0.range == m.range } }
                    target = (target + added).sorted { ($0.unit, $0.range.lowerBound) < ($1.unit, $1.range.lowerBound) }
                }
            }
            // A month.day date (`10.13` for `Oct 13`, as timetables write it) whose month the
            // source names in the unit and whose day is a number of the source: the day, not the
            // decimal 10.13 (a `10.13` with no such month and day stays a number).
            if target.contains(where: { NumberMismatchRule.monthDay($0.value) != nil }) {
                let named = Set(su.flatMap { NumberMismatchRule.monthsNamed(p.source.units[$0], months) })
                if !named.isEmpty {
                    target = target.map { m in
                        guard let (month, day, digits) = NumberMismatchRule.monthDay(m.value), named.contains(month),
                              source.contains(where: { !$0.value.isVersion && $0.value.values.contains(day) }) else { return m }
                        let r = (m.range.upperBound - digits)..<m.range.upperBound
                        return Mention(unit: m.unit, range: r, value: NumberMention(range: r, text: String(Int(day)), values: [day], isVersion: false))
                    }
                }
            }
            // A year.month.day date (`2025.5.26` for `May 26, 2025`) whose month the source
            // names in the unit: its year and its day, the month rendering the name (a date of
            // another month stays one version, changed).
            if target.contains(where: { NumberMismatchRule.yearMonthDay($0.value) != nil }) {
                let named = Set(su.flatMap { NumberMismatchRule.monthsNamed(p.source.units[$0], months) })
                if !named.isEmpty {
                    target = target.flatMap { m -> [Mention<NumberMention>] in
                        guard let d = NumberMismatchRule.yearMonthDay(m.value), named.contains(d.month) else { return [m] }
                        let lo = m.range.lowerBound, hi = m.range.upperBound
                        let y = lo..<(lo + 4), r = (hi - d.digits)..<hi
                        return [Mention(unit: m.unit, range: y, value: NumberMention(range: y, text: String(Int(d.year)), values: [d.year], isVersion: false)),
                                Mention(unit: m.unit, range: r, value: NumberMention(range: r, text: String(Int(d.day)), values: [d.day], isVersion: false))]
                    }
                }
            }
            // The month number of a Chinese date renders the source's month name (September 3 →
            // 9 月 3 日): no number of the source. A month number left over beside a month the
            // source names and the translation does not (August → 9 月) is that month changed.
            if target.contains(where: { NumberMismatchRule.beforeMonth(c.document.units[$0.unit], $0.range) }) {
                let named = su.flatMap { NumberMismatchRule.monthsNamed(p.source.units[$0], months) }
                let namedSet = Set(named)
                if !namedSet.isEmpty {
                    // As many as the source names and the translation does not keep in Latin
                    // letters (`Mar 4` kept beside a `3月` the source writes too).
                    var budget: [Double: Int] = [:]
                    for m in named { budget[m, default: 0] += 1 }
                    for m in tu.flatMap({ NumberMismatchRule.monthsNamed(c.document.units[$0], months) }) { budget[m, default: 0] -= 1 }
                    var rendered = Set<Double>(), leftOver = false
                    target.removeAll { m in
                        guard NumberMismatchRule.beforeMonth(c.document.units[m.unit], m.range) else { return false }
                        if let v = m.value.values.first(where: { namedSet.contains($0) }) {
                            rendered.insert(v)
                            guard budget[v, default: 0] > 0 else { return false }
                            budget[v, default: 0] -= 1
                            return true
                        }
                        leftOver = true
                        return false
                    }
                    if leftOver {
                        let named = su.flatMap { NumberMismatchRule.monthMentions(p.source.units[$0], unit: $0, months) }
                            .filter { !rendered.contains($0.value.values[0]) }
                        if !named.isEmpty {
                            source = (source + named).sorted { ($0.unit, $0.range.lowerBound) < ($1.unit, $1.range.lowerBound) }
                        }
                    }
                }
            }
            // A `100%` the translation writes as the whole of the amount (`100% of basic pay` →
            // `全额基本工资`: `whole` of the locale's `signWords`), with no number of its value and no percentage.
            if !targetBounds.whole.isEmpty,
               source.contains(where: { $0.value.values == [100, 1] && NumberMismatchRule.percentAfter(p.source.units[$0.unit].text, $0.range.upperBound) }),
               !target.contains(where: { $0.value.values.contains(100) || $0.value.values.contains(1)
                                             || NumberMismatchRule.percentAfter(c.document.units[$0.unit].text, $0.range.upperBound) }),
               tu.contains(where: { k in let u = c.document.units[k]; let s = u.string(0..<u.text.count); return targetBounds.whole.contains { s.contains($0) } }) {
                source.removeAll { $0.value.values == [100, 1] && NumberMismatchRule.percentAfter(p.source.units[$0.unit].text, $0.range.upperBound) }
            }
            // A fraction of the translation (`1/2`) renders the source's quotient (`0.5`) or the
            // source's fraction (`1/2` → `2/3` is one number changed): one number, by its value;
            // so too where the source writes neither of its parts (`0.5` → `1/3` changed it).
            let targetFractions = NumberMismatchRule.fractions(target, units: { c.document.units[$0] })
            if !targetFractions.isEmpty {
                let sourceFractions = NumberMismatchRule.fractions(source, units: { p.source.units[$0] })
                let all = source.flatMap(\.value.values)
                target = NumberMismatchRule.joiningFractions(target, targetFractions) { q, x, y in
                    !sourceFractions.isEmpty || all.contains { abs($0 - q) <= 1e-9 } || !all.contains { $0 == x || $0 == y }
                }
                if !sourceFractions.isEmpty { source = NumberMismatchRule.joiningFractions(source, sourceFractions) { _, _, _ in true } }
            }
            return (NumberMismatchRule.joiningGroups(source, units: { p.source.units[$0] }, other: target),
                    NumberMismatchRule.joiningGroups(target, units: { c.document.units[$0] }, other: source))
        }
        /// Rates changed: each group of source numbers written alike, with the numbers of the
        /// translation that render it by their value (``rate(_:of:stops:_:)``). A number of the
        /// translation whose rate has another unit of time than every number of its group, each
        /// of which states one (a translation that states none may have rephrased), and than
        /// every other number of the source of its value, each stating one too (equal numbers
        /// pair in any order: `5 GB/s … 3 to 5 per minute`).
        var ratesReported = Set<String>()
        func rates(_ groups: [(source: [Mention<NumberMention>], target: [Mention<NumberMention>])],
                   source all: [Mention<NumberMention>], target: [Mention<NumberMention>]) {
            func stops(_ list: [Mention<NumberMention>], _ unit: Int) -> [Range<Int>] {
                list.filter { $0.unit == unit }.map(\.range).sorted { $0.lowerBound < $1.lowerBound }
            }
            for (sg, tg) in groups where !tg.isEmpty {
                var stated: [(Mention<NumberMention>, (range: Range<Int>, symbol: String))] = []
                for m in sg where !m.value.isVersion {
                    guard let x = NumberMismatchRule.rate(p.source.units[m.unit], of: m.range, stops: stops(all, m.unit), c.settings.source) else { break }
                    stated.append((m, x))
                }
                guard stated.count == sg.count else { continue }
                for t in tg {
                    let tu = c.document.units[t.unit], ts = stops(target, t.unit)
                    guard let y = NumberMismatchRule.rate(tu, of: t.range, stops: ts, c.settings.target),
                          !stated.contains(where: { $0.1.symbol == y.symbol }) else { continue }
                    let others = all.filter { m in m.value.agrees(with: t.value) && !sg.contains { $0.unit == m.unit && $0.range == m.range } }
                    guard others.allSatisfy({ m in
                        NumberMismatchRule.rate(p.source.units[m.unit], of: m.range, stops: stops(all, m.unit), c.settings.source).map { $0.symbol != y.symbol } ?? false
                    }) else { continue }
                    guard ratesReported.insert("\(t.unit)|\(y.range.lowerBound)").inserted else { continue }
                    // A range is quoted whole, once (`3 to 5 times per minute`).
                    let (m, x) = stated[0]
                    let su = p.source.units[m.unit]
                    emit(c.mismatch(self, severity: severity, place: (t.unit, y.range), key: "number-mismatch.rate", sourceUnit: m.unit,
                                    values: [:], source: NumberMismatchRule.rateShown(su, NumberMismatchRule.rangeBounds(su, m.range, stops(all, m.unit)), x.range),
                                    target: NumberMismatchRule.rateShown(tu, NumberMismatchRule.rangeBounds(tu, t.range, ts), y.range),
                                    sourceLine: su.position(at: m.range.lowerBound).line))
                }
            }
        }
        /// Bounds turned round: a number of the translation that renders a group of source numbers
        /// by its value, with a bound the other way from the one every number of the group states
        /// (`at most 5` → `至少 5`, `iOS 16 or later` → `iOS 16 或更低版本`). A bound only one side
        /// states is no finding (`5 or more` → `5 个`: rephrased).
        var boundsReported = Set<String>()
        let targetNegations = LoneSentences.scalars(c.settings.target.negations)
        func bounds(_ groups: [(source: [Mention<NumberMention>], target: [Mention<NumberMention>])]) {
            for (sg, tg) in groups where !tg.isEmpty && !sg.isEmpty {
                // The group's bounds agree (its numbers with no bound aside: `Grow overnight
                // (12–16 h). Do not grow them for more than 16 h.` states the bound once).
                var way: Bool? = nil, stated: (Mention<NumberMention>, Range<Int>)? = nil
                for m in sg {
                    guard let x = NumberMismatchRule.bound(p.source.units[m.unit], of: m.range, c.settings.source, time: true) else { continue }
                    guard way == nil || way == x.lower else { way = nil; stated = nil; break }
                    way = x.lower
                    if stated == nil { stated = (m, x.range) }
                }
                guard var lower = way, let (m, sr) = stated else { continue }
                let su = p.source.units[m.unit]
                // A bound a negation scopes (`cannot hold more than 7`) goes the other way; so
                // does the translation's when it keeps the negation outside too (`不能持有超过 7 张`).
                let negated = sr.upperBound <= m.range.lowerBound && NumberMismatchRule.negatedBefore(su, sr.lowerBound, latin: c.settings.source.negations)
                if negated { lower = !lower }
                // A time bound of the source (`no later than 10:00`) is compared with the
                // translation's (`10:00 之后`).
                let sourceBound = NumberMismatchRule.oneLine(su.string(sr))
                let sw = Array(sourceBound.lowercased().unicodeScalars.map(\.value))
                let time = c.settings.source.bounds.timeBefore.contains { $0.words == sw }
                // A bound of one word that bounds a time (`after`, `before`, `until`, `within`) bounds
                // only a time: a clock time, a duration (`2 hours`) or a date (`30 June`); `the
                // spacing after 10,000` bounds nothing.
                if time && !sw.contains(0x20) && !NumberMismatchRule.isTimeLike(su, m.range, c.settings.source) { continue }
                // A sign of comparison in the source (`≥ 140`) says whether the bound includes
                // the number: the other sign, or a word that surely says the other (`> 140`,
                // `超过 140` for `≥ 140`), changed it.
                // So does a word of the source's that surely says it, against a word after the
                // translation's number that states it (`under 5` leaves the 5 out, `5 岁及以下`
                // includes it; a negated or a time bound aside; `不超过 60 秒` before the number
                // renders `less than 60 seconds` as loosely as English says it, while `超过 35` for
                // `at least 35` leaves out a number the source includes).
                let sourceSign = NumberMismatchRule.signInclusive(sourceBound)
                let sourceWord = sourceSign == nil && !negated && !time ? c.settings.source.bounds.includes(sourceBound) : nil
                // `strictly fewer than 16`: the source says for certain that 16 is left out.
                let sourceStrict = sourceWord == false && NumberMismatchRule.strictBefore(su, sr.lowerBound, c.settings.source.bounds.strict)
                let sourceNegates = sr.upperBound <= m.range.lowerBound
                    && c.settings.source.bounds.negators.contains(String(sourceBound.lowercased().prefix { $0.isLetter }))
                for t in tg {
                    let tu = c.document.units[t.unit]
                    guard var y = NumberMismatchRule.bound(tu, of: t.range, c.settings.target, time: time) else { continue }
                    if negated, y.range.upperBound <= t.range.lowerBound, NumberMismatchRule.negatedBefore(tu, y.range.lowerBound, han: targetNegations) { y.lower = !y.lower }
                    // A negation right before the translation's bound word (`不得超过 50`, `不能超过 2`,
                    // `不要超过 5 min`) where the source shows none in reach. Where the source's bound
                    // negates a comparative itself (`no more than 50`), the translation's negated
                    // bound is read whole (`不得超过 50` is an upper bound, `不得低于 50` a lower one)
                    // and compared. Otherwise a negation farther back (`Do not let it run for more
                    // than 5 min`, `Avoid more than three`) may say the same, so a bound that reads
                    // the other way only by that negation is no finding.
                    // (Not where the source's clause negates farther back, `Do not grow the cultures
                    // for more than 16 h`: then both sides read the other way, and still differ.)
                    if !negated, y.range.upperBound <= t.range.lowerBound,
                       NumberMismatchRule.negatedRightBefore(tu, y.range.lowerBound, han: targetNegations) {
                        if sourceNegates {
                            y.lower = !y.lower
                            var b = y.range.lowerBound
                            while b > 0 && y.range.lowerBound - b < 2 && isHanIdeograph(tu.text[b - 1]) && tu.roles[b - 1] == .content { b -= 1 }
                            y.range = b..<y.range.upperBound
                        } else if y.lower != lower,
                                  !(sr.upperBound <= m.range.lowerBound && NumberMismatchRule.negatedBefore(su, sr.lowerBound, latin: c.settings.source.negations, reach: 8)) { continue }
                    }
                    var key = "number-mismatch.bound"
                    if y.lower == lower {
                        let sourceInclusive = sourceSign ?? (y.range.lowerBound >= t.range.upperBound || sourceWord == true || sourceStrict ? sourceWord : nil)
                        guard let inclusive = sourceInclusive, let other = NumberMismatchRule.boundInclusive(tu.string(y.range), targetBounds),
                              other != inclusive else { continue }
                        key = "number-mismatch.inclusive"
                    }
                    guard boundsReported.insert("\(t.unit)|\(y.range.lowerBound)").inserted else { continue }
                    var se = max(sr.upperBound, m.range.upperBound)
                    // A time whole (`no later than 10:00`, the number being `10`).
                    while time && se + 2 < su.text.count && su.text[se] == 0x3A && (0x30...0x39).contains(su.text[se + 1]) && (0x30...0x39).contains(su.text[se + 2]) { se += 3 }
                    // The amount's currency sign with it (`¥400 or less`).
                    func withSign(_ u: Unit, _ a: Int) -> Int {
                        a > 0 && NumberMismatchRule.isCurrencySign(u.text[a - 1]) ? a - 1 : a
                    }
                    let sv = NumberMismatchRule.oneLine(su.string(min(sr.lowerBound, withSign(su, m.range.lowerBound))..<se))
                    var te = max(y.range.upperBound, t.range.upperBound)
                    while time && te + 2 < tu.text.count && tu.text[te] == 0x3A && (0x30...0x39).contains(tu.text[te + 1]) && (0x30...0x39).contains(tu.text[te + 2]) { te += 3 }
                    let tv = NumberMismatchRule.oneLine(tu.string(min(y.range.lowerBound, withSign(tu, t.range.lowerBound))..<te))
                    emit(c.mismatch(self, severity: severity, place: (t.unit, y.range), key: key, sourceUnit: m.unit,
                                    values: [:], source: sv, target: tv, sourceLine: su.position(at: m.range.lowerBound).line))
                }
            }
        }
        /// A change the translation turns round beside the same number (`up 12%` → `下降 12%`,
        /// `fell 3 points` → `上升 3 个点`): the source's word of change right before the number
        /// (``change(_:before:_:)``), the translation's within a few characters before it, one
        /// up and the other down. A change only one side states is no finding.
        var changesReported = Set<String>()
        func changes(_ groups: [(source: [Mention<NumberMention>], target: [Mention<NumberMention>])]) {
            for (sg, tg) in groups where !tg.isEmpty {
                for m in sg where !m.value.isVersion {
                    let su = p.source.units[m.unit]
                    guard let (up, from) = NumberMismatchRule.change(su, before: m.range, sourceBounds, numerals) else { continue }
                    for t in tg where !t.value.isVersion {
                        let tu = c.document.units[t.unit]
                        guard let (other, to) = NumberMismatchRule.change(tu, before: t.range, targetBounds, numerals), other != up,
                              changesReported.insert("\(t.unit)|\(t.range.lowerBound)").inserted else { continue }
                        // Quoted from the word of change to the number (and its `%`).
                        func quoted(_ u: Unit, _ from: Int, _ r: Range<Int>) -> String {
                            var hi = r.upperBound
                            if hi < u.text.count, u.text[hi] == 0x25 || u.text[hi] == 0xFF05 { hi += 1 }
                            return u.string(from..<hi)
                        }
                        emit(c.mismatch(self, severity: severity, place: (t.unit, t.range), key: "number-mismatch.change", sourceUnit: m.unit,
                                        values: [:], source: quoted(su, from, m.range), target: quoted(tu, to, t.range),
                                        sourceLine: su.position(at: m.range.lowerBound).line))
                    }
                }
            }
        }
        /// A comparative of a difference the translation turns round beside the same number
        /// (`150 g lighter than` → `重 150 g`, `35% faster` → `慢 35%`): the source's right after
        /// the number, the translation's right before it, one more and the other less of one
        /// quantity (``difference(_:after:_:)``). One only one side states, or two of different
        /// quantities (`35% faster` → `耗时缩短 35%`), is no finding.
        func differences(_ groups: [(source: [Mention<NumberMention>], target: [Mention<NumberMention>])]) {
            guard !sourceBounds.differences.isEmpty, !targetBounds.differences.isEmpty else { return }
            for (sg, tg) in groups where !tg.isEmpty {
                for m in sg where !m.value.isVersion {
                    let su = p.source.units[m.unit]
                    guard let x = NumberMismatchRule.difference(su, after: m.range, sourceBounds) else { continue }
                    for t in tg where !t.value.isVersion {
                        let tu = c.document.units[t.unit]
                        guard let y = NumberMismatchRule.difference(tu, before: t.range, targetBounds), y.quantity == x.quantity, y.more != x.more,
                              changesReported.insert("\(t.unit)|\(t.range.lowerBound)").inserted else { continue }
                        var hi = t.range.upperBound
                        if hi < tu.text.count, tu.text[hi] == 0x25 || tu.text[hi] == 0xFF05 { hi += 1 }
                        emit(c.mismatch(self, severity: severity, place: (t.unit, y.range.lowerBound..<hi), key: "number-mismatch.change", sourceUnit: m.unit,
                                        values: [:], source: su.string(m.range.lowerBound..<x.range.upperBound), target: tu.string(y.range.lowerBound..<hi),
                                        sourceLine: su.position(at: m.range.lowerBound).line))
                    }
                }
            }
        }
        /// A percentage or a tolerance whose `%` or `±` the translation lost (`±5 %` → `5`,
        /// `±3 mmHg` → `3 mmHg`): the number rendered by its face value alone, with no `%`,
        /// 百分之, 成 or fraction, and no ±, 正负, bound or 上下/左右 beside it. Looked at only
        /// where the source writes a `%` or a `±` and the translation's units hold no `%`.
        var signsReported = Set<String>()
        func signsLost(_ groups: [(source: [Mention<NumberMention>], target: [Mention<NumberMention>])]) {
            for (sg, tg) in groups where !tg.isEmpty {
                for m in sg where !m.value.isVersion {
                    let su = p.source.units[m.unit]
                    let percent = m.value.values.count >= 2 && NumberMismatchRule.percentAfter(su.text, m.range.upperBound)
                    let plusMinus = NumberMismatchRule.plusMinusBefore(su.text, m.range.lowerBound)
                    guard percent || plusMinus else { continue }
                    for t in tg where t.value.values.count == 1 && t.value.values[0] == m.value.values[0] {
                        let tu = c.document.units[t.unit]
                        // A `%` elsewhere in the unit may be the one a range shares (`20–30%`), but
                        // not where the source writes it on both numbers of a pair and the
                        // translation on the first only (`20% → 18%` → `20% → 18`).
                        if percent && (NumberMismatchRule.percentAfter(tu.text, t.range.upperBound)
                                       || ((tu.text.contains(0x25) || tu.text.contains(0xFF05))
                                           && !(NumberMismatchRule.percentPartnerBefore(su.text, m.range.lowerBound)
                                                && NumberMismatchRule.percentPartnerBefore(tu.text, t.range.lowerBound)))
                                       || targetBounds.percent.contains { NumberMismatchRule.hanAfter(tu.text, t.range.upperBound, $0) }) { continue }
                        if !percent && (NumberMismatchRule.plusMinusBefore(tu.text, t.range.lowerBound) || tu.text.contains(0xB1)
                                        || targetBounds.plusMinus.contains { tu.string(0..<tu.text.count).contains($0) }
                                        || NumberMismatchRule.bound(tu, of: t.range, c.settings.target) != nil
                                        || targetBounds.around.contains { NumberMismatchRule.hanAfter(tu.text, t.range.upperBound, $0, within: 6) }) { continue }
                        guard signsReported.insert("\(t.unit)|\(t.range.lowerBound)").inserted else { continue }
                        var lo = m.range.lowerBound, hi = m.range.upperBound
                        if plusMinus { while lo > 0 && su.text[lo - 1] != 0xB1 { lo -= 1 }; lo -= 1 }
                        if percent { while hi < su.text.count && su.text[hi] != 0x25 && su.text[hi] != 0xFF05 { hi += 1 }; hi += 1 }
                        emit(c.mismatch(self, severity: severity, place: (t.unit, t.range), key: "number-mismatch", sourceUnit: m.unit,
                                        values: [:], source: su.string(max(0, lo)..<min(su.text.count, hi)), target: NumberMismatchRule.shown(tu, t.range),
                                        sourceLine: su.position(at: m.range.lowerBound).line))
                    }
                }
            }
        }
        let sourceCentrifugal = c.settings.source.centrifugalWords, targetCentrifugal = c.settings.target.centrifugalWords
        let latinScales = c.settings.target.numerals.latinScales
        /// Findings on the numbers of the source a pair of units leaves out or changes; with
        /// `words` (cardinal words of the source, ``sourceWords``) and the pair, also a word
        /// changed into another count (``wordsChanged``).
        func compare(_ source: [Mention<NumberMention>], _ target: [Mention<NumberMention>],
                     words: [Mention<NumberMention>] = [], pair: ConsistencyPair? = nil, cellSymbols: (String, String)? = nil,
                     assign: ([Mention<NumberMention>], [Mention<NumberMention>]) -> [(source: Mention<NumberMention>, target: Mention<NumberMention>?, place: (unit: Int, range: Range<Int>))]) {
            // A decimal beside a version word is a version (`version 4.40` → `4.4` changed it).
            var source = NumberMismatchRule.versionsMarked(source, units: { p.source.units[$0] }, c.settings.source)
            var target = NumberMismatchRule.versionsMarked(target, units: { c.document.units[$0] }, c.settings.target)
            // Unit symbols as written (`900 µs`, `30 seconds`, `30 秒`), and the units they name.
            var sw = source.map { NumberMismatchRule.symbol(p.source.units[$0.unit], after: $0.range, centrifugal: sourceCentrifugal) ?? cellSymbols?.0 }
            var tw = target.map { NumberMismatchRule.symbol(c.document.units[$0.unit], after: $0.range, centrifugal: targetCentrifugal) ?? cellSymbols?.1 }
            var ss = sw, ts = tw
            // A letter the translation's language reads as a scale (`numeralLatinScales`: `1W`
            // is 1 万) is no unit where a source number, written without that letter, has the
            // value it scales to (`10k`, `10,000`).
            if !latinScales.isEmpty {
                for (i, m) in target.enumerated() {
                    guard let w = tw[i], w.unicodeScalars.count == 1, let scale = latinScales[w.unicodeScalars.first!.value],
                          let face = m.value.values.first else { continue }
                    let v = face * scale
                    guard m.value.values.dropFirst().contains(where: { abs($0 - v) <= abs(v) * 1e-9 }) else { continue }
                    if source.indices.contains(where: { j in sw[j] != w && source[j].value.values.contains { abs($0 - v) <= abs(v) * 1e-9 } }) {
                        tw[i] = nil; ts[i] = nil
                    }
                }
            }
            // A unit raised to a power by a word (`12 sq ft`: `sq` is no symbol).
            for (i, m) in source.enumerated() where sw[i] != nil {
                if let x = NumberMismatchRule.poweredUnit(p.source.units[m.unit], after: m.range, c.settings.source) { sw[i] = x.written; ss[i] = x.symbol }
            }
            for (i, m) in target.enumerated() where tw[i] != nil {
                if let x = NumberMismatchRule.poweredUnit(c.document.units[m.unit], after: m.range, c.settings.target) { tw[i] = x.written; ts[i] = x.symbol }
            }
            // A currency before or after the number (`€49.99`, `49.99 美元`).
            var targetBefore = [Int](repeating: 0, count: target.count)
            for (i, m) in source.enumerated() {
                if let x = NumberMismatchRule.currency(p.source.units[m.unit], around: m.range, c.settings.source, c.settings.target) { sw[i] = x.written; ss[i] = x.symbol }
            }
            for (i, m) in target.enumerated() {
                if let x = NumberMismatchRule.currency(c.document.units[m.unit], around: m.range, c.settings.target, c.settings.source) {
                    tw[i] = x.written; ts[i] = x.symbol; targetBefore[i] = x.before
                }
            }
            // The hemisphere of a coordinate (`46.4536° N`, `北纬 46.4536°`).
            for (i, m) in source.enumerated() where sw[i] == nil {
                if let h = NumberMismatchRule.hemisphere(p.source.units[m.unit], of: m.range, c.settings.source) { sw[i] = h.written; ss[i] = h.symbol }
            }
            for (i, m) in target.enumerated() where tw[i] == nil {
                if let h = NumberMismatchRule.hemisphere(c.document.units[m.unit], of: m.range, c.settings.target) { tw[i] = h.written; ts[i] = h.symbol }
            }
            // A unit of time or another unit in words (`30 seconds`, `2.3 gigabytes`, `47 纳特斯拉`).
            for (i, m) in source.enumerated() where sw[i] == nil {
                if let d = NumberMismatchRule.unitInWords(p.source.units[m.unit], after: m.range, c.settings.source) { sw[i] = d.written; ss[i] = d.symbol }
            }
            for (i, m) in target.enumerated() where tw[i] == nil {
                if let d = NumberMismatchRule.unitInWords(c.document.units[m.unit], after: m.range, c.settings.target) { tw[i] = d.written; ts[i] = d.symbol }
            }
            // A unit a word after the number (`5 unused days`): the source's unit where the
            // translation writes the number with another unit of the same kind right after it
            // (`5 周`) and with no unit alike.
            for (i, m) in source.enumerated() where sw[i] == nil && !m.value.isVersion {
                let same = target.indices.filter { ts[$0] != nil && target[$0].value.agrees(with: m.value) }
                guard !same.isEmpty,
                      let x = NumberMismatchRule.unitAhead(p.source.units[m.unit], after: m.range, c.settings.source),
                      let kind = NumberMismatchRule.dimension(x.symbol),
                      same.allSatisfy({ !NumberMismatchRule.sameSymbol(x.symbol, ts[$0]!) }),
                      same.contains(where: { NumberMismatchRule.dimension(ts[$0]!) == kind }) else { continue }
                sw[i] = x.written; ss[i] = x.symbol
            }
            // A Latin word the translation keeps right after a number (`12 wei`, `32em`) is a unit
            // or a name it chose not to translate: compared with the source's word after the
            // number, when the source has one (`12 gwei` → `12 wei` changed the unit).
            for (i, m) in target.enumerated() where !m.value.isVersion {
                let u = c.document.units[m.unit]
                // (A word that is a rate by itself, `60 fps`, is compared as a rate: `60 frames
                // per second` is the same.)
                guard u.text.contains(where: isHanIdeograph), let w = NumberMismatchRule.keptWord(u, after: m.range),
                      tw[i] == nil || tw[i] == w, c.settings.target.rates.words[w] == nil else { continue }
                guard let si = source.indices.first(where: { sw[$0] == nil && source[$0].value.agrees(with: m.value) }),
                      let a = NumberMismatchRule.keptWord(p.source.units[source[si].unit], after: source[si].range) else { continue }
                tw[i] = w; ts[i] = w
                sw[si] = a; ss[si] = a
            }
            // A duration written in two units of time (`1 小时 15 分钟` for `75 minutes`): one
            // quantity of the smaller unit, where the other side writes it so.
            // A factor of the source's products by the factor whose unit it takes.
            var productOf: [Int: Int] = [:]
            if source.count >= 2 || target.count >= 2 {
                func join(_ m: inout [Mention<NumberMention>], _ w: inout [String?], _ s: inout [String?], _ before: inout [Int],
                          units: (Int) -> Unit, separators: [[UInt32]], other: [Mention<NumberMention>], otherSymbols: [String?]) {
                    for (i, v) in NumberMismatchRule.durationPairs(m, symbols: s, written: w, units: units, separators: separators,
                                                                   other: other, otherSymbols: otherSymbols).reversed() {
                        let a = m[i], b = m[i + 1]
                        let r = a.range.lowerBound..<b.range.upperBound
                        var x = NumberMention(range: r, text: units(a.unit).string(r), values: [v], isVersion: false)
                        x.eitherSign = a.value.eitherSign
                        m[i] = Mention(unit: a.unit, range: r, value: x)
                        m.remove(at: i + 1)
                        w[i] = w[i + 1]; w.remove(at: i + 1)
                        s[i] = s[i + 1]; s.remove(at: i + 1)
                        if !before.isEmpty { before.remove(at: i + 1) }
                    }
                }
                var none: [Int] = []
                join(&source, &sw, &ss, &none, units: { p.source.units[$0] }, separators: c.settings.source.listSeparators, other: target, otherSymbols: ts)
                join(&target, &tw, &ts, &targetBefore, units: { c.document.units[$0] }, separators: c.settings.target.listSeparators, other: source, otherSymbols: ss)
                // The first number of a range takes the unit written after the last (`60–75
                // minutes`), where only so does the other side write its quantity (`1 小时`).
                for (i, x) in NumberMismatchRule.rangeUnits(source, symbols: ss, units: { p.source.units[$0] }, other: target, otherSymbols: ts) {
                    sw[i] = sw[x]; ss[i] = ss[x]
                }
                for (i, x) in NumberMismatchRule.rangeUnits(target, symbols: ts, units: { c.document.units[$0] }, other: source, otherSymbols: ss) {
                    tw[i] = tw[x]; ts[i] = ts[x]
                }
                // Every factor of a product takes the unit written after the last (`44 × 44 px`):
                // one finding for the product, the factor that writes it.
                for (i, x) in NumberMismatchRule.productUnits(source, symbols: ss, units: { p.source.units[$0] }) {
                    sw[i] = sw[x]; ss[i] = ss[x]; productOf[i] = x
                }
                for (i, x) in NumberMismatchRule.productUnits(target, symbols: ts, units: { c.document.units[$0] }) {
                    tw[i] = tw[x]; ts[i] = ts[x]
                }
            }
            var r = NumberMismatchRule.unpaired(source: source.map(\.value), sourceSymbols: ss, target: target.map(\.value), targetSymbols: ts)
            // A lone 一 (一条, 一个: the article Chinese adds) renders no digit 1 of the source
            // while a number the translation writes in digits is left over (`a distance of 1`
            // → 一条距离为 0 的路由).
            let lone = target.indices.filter { NumberMismatchRule.isHanOne(target[$0].value) }
            if !lone.isEmpty, r.extra.contains(where: { target[$0].value.text.unicodeScalars.first.map { $0.value >= 0x30 && $0.value <= 0x39 } ?? false }) {
                let kept = target.indices.filter { !lone.contains($0) }
                let r2 = NumberMismatchRule.unpaired(source: source.map(\.value), sourceSymbols: ss, target: kept.map { target[$0].value },
                                                     targetSymbols: kept.map { ts[$0] })
                let digit = { (i: Int) in source[i].value.text.unicodeScalars.allSatisfy { $0.value >= 0x30 && $0.value <= 0x39 } }
                if r2.missing.contains(where: { !r.missing.contains($0) && digit($0) }) {
                    r = (r2.missing, r2.extra.map { kept[$0] }, r2.unit.map { ($0.0, kept[$0.1]) },
                         r2.paired.map { ($0.source, $0.target.map { kept[$0] }) })
                }
            }
            // A number rendered with the same value whose rate changed (`120 requests per
            // second` → `每分钟 120 个请求`) or whose bound turned round (`at most 5` → `至少 5`);
            // one rendered with another unit is reported as such.
            let rendered = r.paired.map { ($0.source.map { source[$0] }, $0.target.filter { j in !r.unit.contains { $0.1 == j } }.map { target[$0] }) }
            rates(rendered, source: source + words, target: target)
            bounds(rendered)
            signsLost(rendered)
            changes(rendered)
            differences(rendered)
            var extra = r.extra.map { target[$0] }
            let extraSymbols = r.extra.map { ts[$0] }, extraWritten = r.extra.map { tw[$0] }
            // Cardinal words take the numbers of the translation the digits left (five → 五天):
            // those render a word, not a changed number.
            var missingWords: [Mention<NumberMention>] = []
            if !words.isEmpty {
                let targetWords = pair.map { pair in pair.target.flatMap { NumberMismatchRule.targetWords(c.document.units[$0], c.analyses[$0], unit: $0, c.settings.source) } } ?? []
                // Words left in English first, then numerals, then digits (two → 两, not the 2
                // a changed 5 became).
                let digits = { (m: Mention<NumberMention>) in m.value.text.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
                var order = extra.indices.filter { !digits(extra[$0]) } + extra.indices.filter { digits(extra[$0]) }
                // A count of times (`once`) is rendered by a numeral before a measure of times
                // (一次: the target's `frequencyMeasures`), not by the 一 of 一张 (`one card`, a
                // word the source's count leaves out): where every word of 1 is one of them.
                var aside: [Int] = []
                let measures = c.settings.target.frequencies.measures
                if !measures.isEmpty, words.contains(where: { $0.value.values == [1] }),
                   words.allSatisfy({ $0.value.values != [1] || c.settings.source.frequencies.counts[$0.value.text] != nil }) {
                    aside = order.filter { i in
                        let m = extra[i], t = c.document.units[m.unit].text
                        return NumberMismatchRule.isHanOne(m.value) && !(m.range.upperBound < t.count && measures.contains(t[m.range.upperBound]))
                    }
                    order.removeAll { aside.contains($0) }
                }
                let candidates = targetWords + order.map { extra[$0] }
                // A unit of time or a unit in words after the word and after the number of the
                // translation (`four weeks` → 四个月: another unit; `two weeks` → 14 天: the same time).
                let wordSymbols = words.map { m -> String? in
                    let u = p.source.units[m.unit]
                    return NumberMismatchRule.unitInWords(u, after: m.range, c.settings.source)?.symbol
                }
                let candidateSymbols = targetWords.map { _ in String?.none } + order.map { extraSymbols[$0] }
                let w = NumberMismatchRule.unpaired(source: words.map(\.value), sourceSymbols: wordSymbols,
                                                    target: candidates.map(\.value), targetSymbols: candidateSymbols)
                // A word's rate changed likewise (`twice a day` → `每周两次`), and its bound
                // (`no more than two` → `至少 2`).
                let wordsRendered = w.paired.map { ($0.source.map { words[$0] },
                                                    $0.target.filter { j in j >= targetWords.count && !w.unit.contains { $0.1 == j } }.map { candidates[$0] }) }
                rates(wordsRendered, source: source + words, target: target)
                bounds(wordsRendered)
                for (i, j) in w.unit where j >= targetWords.count {
                    let x = order[j - targetWords.count]
                    let s = words[i], t = extra[x]
                    let tu = c.document.units[t.unit]
                    let su = p.source.units[s.unit]
                    guard let a = NumberMismatchRule.unitInWords(su, after: s.range, c.settings.source), let b = extraWritten[x] else { continue }
                    let written = NumberMismatchRule.shown(su, s.range, symbol: a.written)
                    let shownTarget = NumberMismatchRule.shown(tu, t.range, symbol: b)
                    emit(c.mismatch(self, severity: severity, place: (t.unit, t.range.lowerBound..<min(tu.text.count, t.range.lowerBound + shownTarget.unicodeScalars.count)),
                                    key: "number-mismatch.unit", sourceUnit: s.unit, values: [:], source: written, target: shownTarget,
                                sourceLine: p.source.units[s.unit].position(at: s.range.lowerBound).line))
                }
                let left = Set(w.extra.filter { $0 >= targetWords.count }.map { order[$0 - targetWords.count] } + aside)
                extra = extra.indices.filter { left.contains($0) }.map { extra[$0] }
                missingWords = w.missing.map { words[$0] }
            }
            // Two numbers of one `N/N` token (`24/7`, `1/2`) both missing are one: rendered by its
            // value (一半), by words when the sentence rendering it has no number at all (全天候),
            // else reported once, whole.
            // The number of a list's first item written inline (`A: 1，…`) counts nothing: the
            // translation may leave the numbering out.
            // A quantity of time written as one of its unit after a word of `ratePer`, with no
            // number (`every 12 months` → `每年`, `every 7 days` → `每周`): rendered.
            var missingIndexes = r.missing
            if let pair, missingIndexes.contains(where: { ss[$0].flatMap(NumberMismatchRule.siScale) != nil }) {
                var per = pair.target.flatMap { NumberMismatchRule.perUnits(c.document.units[$0], c.settings.target) }
                if !per.isEmpty {
                    missingIndexes.removeAll { i in
                        guard let x = ss[i].flatMap(NumberMismatchRule.siScale), x.base == "s" || x.base == "mo" else { return false }
                        guard let j = per.firstIndex(where: { sym in
                            guard let y = NumberMismatchRule.siScale(sym), y.base == x.base else { return false }
                            return source[i].value.values.contains { abs($0 * x.scale - y.scale) <= y.scale * 1e-9 }
                        }) else { return false }
                        per.remove(at: j)
                        return true
                    }
                }
            }
            var missing = missingIndexes.map { source[$0] }.filter { !NumberMismatchRule.leadingEnumerator(p.source.units[$0.unit], $0.range) }
            // A heading's step number (`### 2. Add the key`, `## Method 2: …`) where no heading
            // of the translation is numbered: the page's style leaves them out, every one.
            missing.removeAll { m in
                guard NumberMismatchRule.headingEnumerator(p.source.units[m.unit], m.range) else { return false }
                if headingsNumbered == nil { headingsNumbered = NumberMismatchRule.numbersHeadings(c.document, c.settings.target.numerals) }
                return headingsNumbered == false
            }
            if missing.count >= 2 {
                var joined: [Mention<NumberMention>] = []
                var k = 0
                while k < missing.count {
                    let a = missing[k]
                    if k + 1 < missing.count, missing[k + 1].unit == a.unit,
                       NumberMismatchRule.slashPair(p.source.units[a.unit].text, a.range, missing[k + 1].range) {
                        let b = missing[k + 1]
                        k += 2
                        if let x = a.value.values.first, let y = b.value.values.first, y != 0,
                           let e = extra.firstIndex(where: { $0.value.values.contains { abs($0 - x / y) <= 1e-9 } }) {
                            extra.remove(at: e)
                            continue
                        }
                        if let pair {
                            let place = c.targetPlace(pair, sourceUnit: a.unit, at: a.range.lowerBound)
                            if !target.contains(where: { $0.unit == place.unit && $0.range.overlaps(place.range) }) { continue }
                        }
                        let range = a.range.lowerBound..<b.range.upperBound
                        joined.append(Mention(unit: a.unit, range: range,
                                              value: NumberMention(range: range, text: a.value.text + "/" + b.value.text, values: [], isVersion: true)))
                        continue
                    }
                    joined.append(a)
                    k += 1
                }
                missing = joined
            }
            // A rate stated in another unit with its number converted (`$0.03 per GB` → `每 TB 30
            // 美元`, 1,000 times): the same price, no number changed.
            if let pair, !missing.isEmpty, !extra.isEmpty {
                let converted = NumberMismatchRule.convertedRates(c, p, pair, missing: missing, extra: extra)
                if !converted.isEmpty {
                    let mi = Set(converted.map(\.missing)), xi = Set(converted.map(\.extra))
                    missing = missing.indices.filter { !mi.contains($0) }.map { missing[$0] }
                    extra = extra.indices.filter { !xi.contains($0) }.map { extra[$0] }
                }
            }
            // A sentence `missing-translation` reports dropped (quoting it) whose numbers are all
            // missing: its numbers are not reported again, one by one. (Some of them here, and
            // the sentence is not simply dropped.) Equal numbers pair in any order, so a number
            // written the same elsewhere in the unit, left over in its place, stands for it
            // (`Comp 2 …` dropped beside `2 ms` kept).
            if !missing.isEmpty, let lone = droppedSentences() {
                for s in lone {
                    let all = source.filter { $0.unit == s.unit && s.range.contains($0.range.lowerBound) }
                    guard !all.isEmpty else { continue }
                    var claimed: [Int] = []
                    for a in all {
                        let free = missing.indices.filter { !claimed.contains($0) }
                        guard let k = free.first(where: { missing[$0].unit == a.unit && missing[$0].range == a.range })
                            ?? free.first(where: { missing[$0].value.text == a.value.text }) else { break }
                        claimed.append(k)
                    }
                    guard claimed.count == all.count else { continue }
                    missing = missing.indices.filter { !claimed.contains($0) }.map { missing[$0] }
                }
            }
            // A digit 1 of the source before a word, rendered by a 一 the scanner reads as the
            // article, before a measure it does not know (`1 teaspoon` → 一茶匙): when no number
            // the translation writes in digits is left over (`a metric of 1` → 一条度量值为 0 stays
            // reported), each such 一 of the pair's units stands for one missing 1 (not a
            // citation `[1]`, nor a 1 that ends a phrase).
            if let pair, missing.contains(where: { $0.value.text == "1" }),
               !extra.contains(where: { $0.value.text.unicodeScalars.first.map { $0.value >= 0x30 && $0.value <= 0x39 } ?? false }) {
                var ones = 0, closing = 0
                for k in pair.target {
                    let x = NumberMismatchRule.articleOnes(c.document.units[k], read: target.filter { $0.unit == k }.map(\.range), numerals)
                    ones += x.all
                    closing += x.closing
                }
                // A 1 after a word (`task 1`, `Phase 1`), likewise rendered by a 一 that closes
                // a noun (赛题一发布: right after Han that is no numeral).
                missing.removeAll { m in
                    guard ones > 0, m.value.text == "1" else { return false }
                    let t = p.source.units[m.unit].text, e = m.range.upperBound
                    if e + 1 < t.count, t[e] == 0x20, t[e + 1] | 0x20 >= 0x61, t[e + 1] | 0x20 <= 0x7A {
                        ones -= 1
                        return true
                    }
                    let s = m.range.lowerBound
                    guard closing > 0, s >= 3, t[s - 1] == 0x20, isASCIILetter(t[s - 2]), isASCIILetter(t[s - 3]),
                          e == t.count || !(isASCIILetter(t[e]) || (t[e] >= 0x30 && t[e] <= 0x39)) else { return false }
                    ones -= 1
                    closing -= 1
                    return true
                }
            }
            // A changed number whose new value the translation also writes for another number
            // (`5 to 7 minutes. … 10 minutes.` → `5～10 分钟。放凉 10 分钟。`): the pairing by value
            // gave the source's 10 the first 10 and left the correct one over. Where the missing
            // number's own sentence has no number left over but one written like the leftover,
            // and the leftover sits in the sentence of a source number of its value (and the
            // other does not), the two trade places: the one in the changed sentence is left over.
            if let pair, !missing.isEmpty, !extra.isEmpty {
                func inside(_ m: Mention<NumberMention>, _ place: (unit: Int, range: Range<Int>)) -> Bool {
                    m.unit == place.unit && m.range.overlaps(place.range)
                }
                func index(_ m: Mention<NumberMention>) -> Int? { target.firstIndex { $0.unit == m.unit && $0.range == m.range } }
                var places: [Int: (unit: Int, range: Range<Int>)] = [:]
                func place(_ i: Int) -> (unit: Int, range: Range<Int>) {
                    if let x = places[i] { return x }
                    let x = c.targetPlace(pair, sourceUnit: source[i].unit, at: source[i].range.lowerBound)
                    places[i] = x
                    return x
                }
                let missingIndexes = missing.compactMap { m in source.firstIndex { $0.unit == m.unit && $0.range == m.range } }
                for mi in missingIndexes {
                    let here = place(mi)
                    guard here.unit != pair.target[0] || here.range != 0..<c.document.units[here.unit].text.count || pair.target.count > 1 else { continue }
                    guard !extra.contains(where: { inside($0, here) }) else { continue }
                    for (xi, x) in extra.enumerated() {
                        guard let xj = index(x) else { continue }
                        guard let tj = target.indices.first(where: { j in
                            inside(target[j], here) && target[j].value.text == x.value.text && ts[j] == ts[xj]
                                && !extra.contains { $0.unit == target[j].unit && $0.range == target[j].range }
                        }) else { continue }
                        let owner = source.indices.contains { i in
                            !missingIndexes.contains(i) && source[i].value.agrees(with: x.value) && inside(x, place(i)) && !inside(target[tj], place(i))
                        }
                        guard owner else { continue }
                        extra[xi] = target[tj]
                        break
                    }
                }
            }
            /// The unit symbol after a number of either side, as paired by ``unpaired``.
            func symbolOf(_ m: Mention<NumberMention>, _ list: [Mention<NumberMention>], _ symbols: [String?]) -> String? {
                list.firstIndex { $0.unit == m.unit && $0.range == m.range }.flatMap { symbols[$0] }
            }
            // A lone 一 before a measure word (一次, 一块: no unit of its own) stands for no number
            // of the source that has a unit (`12 months`): that one is missing, not changed into 一.
            var candidates = extra
            if !missing.isEmpty, missing.allSatisfy({ symbolOf($0, source, ss).flatMap(NumberMismatchRule.quantityUnit) != nil }) {
                candidates.removeAll { NumberMismatchRule.isHanOne($0.value) && symbolOf($0, target, ts) == nil }
            }
            var taken: [(Int, Range<Int>)] = []
            var datesReported = Set<[Int]>()
            for m in assign(missing, candidates) {
                var written = NumberMismatchRule.shown(p.source.units[m.source.unit], m.source.range)
                var t = m.target.map { NumberMismatchRule.shown(c.document.units[$0.unit], $0.range) }
                // A month changed: quoted with 月 (`August` … `9 月`).
                if let x = m.target, m.source.value.text.unicodeScalars.first.map({ $0.value < 0x80 && $0.properties.isAlphabetic }) == true,
                   NumberMismatchRule.beforeMonth(c.document.units[x.unit], x.range) {
                    t = NumberMismatchRule.shown(c.document.units[x.unit], x.range, symbol: "月")
                }
                // Both with a unit symbol: quoted with it (`2000 V`, `3 kV`).
                if let x = m.target, let a = symbolOf(m.source, source, sw), let b = symbolOf(x, target, tw) {
                    written = NumberMismatchRule.shown(p.source.units[m.source.unit], m.source.range, symbol: a)
                    t = NumberMismatchRule.shown(c.document.units[x.unit], x.range, symbol: b)
                }
                // A clock time whose half of the day changed (`2:00 PM` → `上午 2:00`): quoted
                // with the words that mark it.
                if let x = m.target, m.source.value.halfDay != 0, x.value.halfDay != 0, m.source.value.halfDay != x.value.halfDay,
                   let a = m.source.value.clockSpan, let b = x.value.clockSpan {
                    written = p.source.units[m.source.unit].string(a)
                    t = c.document.units[x.unit].string(b)
                }
                // A date or a clock time of the source missing (`2024-09-02`, `09:00`): quoted
                // whole, once for all its numbers.
                if m.target == nil {
                    let su = p.source.units[m.source.unit]
                    if let whole = NumberMismatchRule.dateAround(su, m.source.range) ?? NumberMismatchRule.clockAround(su, m.source.range) {
                        guard datesReported.insert([-1 - m.source.unit, whole.lowerBound]).inserted else { continue }
                        written = su.string(whole)
                    }
                }
                if let x = m.target { taken.append((x.unit, x.range)) }
                // An identifier changed (`CVE-2024-38812`) is marked whole, and so is a date
                // (`2024-09-02`), once for all its numbers that changed.
                var place = m.place
                if let x = m.target, let id = NumberMismatchRule.identifier(c.document.units[x.unit], around: x.range) { place = (x.unit, id) }
                if let x = m.target, let date = NumberMismatchRule.dateAround(c.document.units[x.unit], x.range) {
                    place = (x.unit, date)
                    guard datesReported.insert([x.unit, date.lowerBound]).inserted else { continue }
                }
                // The translation's number is the one the source page's own code gives for the key
                // this unit names (`"train_samples": 82620` in the output shown above, "58317" in
                // the prose): the source contradicts itself, and the translation follows its code.
                if let t, let block = NumberMismatchRule.ownCodeBlock(p.source, unit: m.source.unit, source: written, target: t) {
                    emit(c.mismatch(self, severity: .info, place: place, key: "number-mismatch.source-code", sourceUnit: m.source.unit,
                                    values: ["codeLine": String(block)], source: written, target: t,
                                    sourceLine: p.source.units[m.source.unit].position(at: m.source.range.lowerBound).line))
                    continue
                }
                // A heading's section number where each page numbers its sections in its own
                // order (`## 4. Deploy` → `## 5. 部署` after a section the translation added or
                // moved): the translation's number continues the one before it on its page, at
                // that level, and the source's is its heading's too, in its page's order or not
                // (two `## 4.`: the source's slip, the translation numbered its page).
                if t != nil, let x = m.target,
                   NumberMismatchRule.continuesNumbering(c.document, unit: x.unit, at: x.range),
                   NumberMismatchRule.isSectionNumber(p.source, unit: m.source.unit, at: m.source.range) {
                    emit(c.mismatch(self, severity: .info, place: place, key: "number-mismatch.section-number", sourceUnit: m.source.unit,
                                    values: [:], source: written, target: t,
                                    sourceLine: p.source.units[m.source.unit].position(at: m.source.range.lowerBound).line))
                    continue
                }
                // The same where the source's section number has no number of the translation
                // paired with it, but the heading it is reported at numbers itself in its page's
                // order (`### 2.1 System Layering` beside `## 1. 系统分层`: pages outlined otherwise).
                if t == nil, NumberMismatchRule.isSectionNumber(p.source, unit: m.source.unit, at: m.source.range),
                   place.unit < c.document.units.count, let own = NumberMismatchRule.sectionNumber(c.document.units[place.unit]),
                   NumberMismatchRule.continuesNumbering(c.document, unit: place.unit, at: own.range) {
                    emit(c.mismatch(self, severity: .info, place: (place.unit, own.range), key: "number-mismatch.section-number",
                                    sourceUnit: m.source.unit, values: [:], source: written,
                                    target: c.document.units[place.unit].string(own.range),
                                    sourceLine: p.source.units[m.source.unit].position(at: m.source.range.lowerBound).line))
                    continue
                }
                emit(c.mismatch(self, severity: severity, place: place,
                                key: t == nil ? "number-mismatch.missing" : "number-mismatch", sourceUnit: m.source.unit,
                                values: [:], source: written, target: t,
                                sourceLine: p.source.units[m.source.unit].position(at: m.source.range.lowerBound).line))
            }
            if let pair, !missingWords.isEmpty {
                let left = extra.filter { x in !taken.contains { $0.0 == x.unit && $0.1 == x.range } }
                for (word, t) in NumberMismatchRule.wordsChanged(missingWords, left, place: { c.targetPlace(pair, sourceUnit: $0.unit, at: $0.range.lowerBound) },
                                                                  isCount: { NumberScanner.isCount($0.value, in: c.document.units[$0.unit].text, numerals: numerals) }, half: numerals.half) {
                    emit(c.mismatch(self, severity: severity, place: (t.unit, t.range), key: "number-mismatch", sourceUnit: word.unit,
                                    values: [:], source: p.source.units[word.unit].string(word.range),
                                    target: NumberMismatchRule.shown(c.document.units[t.unit], t.range),
                                    sourceLine: p.source.units[word.unit].position(at: word.range.lowerBound).line))
                }
            }
            for (i, j) in r.unit {
                if let x = productOf[i], r.unit.contains(where: { $0.0 == x }) { continue }
                let s = source[i], t = target[j]
                let tu = c.document.units[t.unit]
                let written = NumberMismatchRule.shown(p.source.units[s.unit], s.range, symbol: sw[i]!)
                let shownTarget = NumberMismatchRule.shown(tu, t.range, symbol: tw[j]!)
                let lo = t.range.lowerBound - targetBefore[j]
                emit(c.mismatch(self, severity: severity, place: (t.unit, lo..<min(tu.text.count, lo + shownTarget.unicodeScalars.count)),
                                key: "number-mismatch.unit", sourceUnit: s.unit, values: [:], source: written, target: shownTarget,
                                sourceLine: p.source.units[s.unit].position(at: s.range.lowerBound).line))
            }
        }
        var placeTables: (source: [(Int, Int)], target: [(Int, Int)])? = nil
        func places() -> (source: [(Int, Int)], target: [(Int, Int)]) {
            if placeTables == nil { placeTables = (NumberMismatchRule.places(p.source), NumberMismatchRule.places(c.document)) }
            return placeTables!
        }
        for pair in c.consistencyCache.pairs {
            // Cells of numbers are compared with the cell of their column in the row they are
            // rendered by, else only when the other side is numbers too (aligned by length alone);
            // a heading or a list item of numbers only, when the structure pairs it.
            if pair.source.allSatisfy({ inCells.contains($0) }) { continue }
            if pair.source.allSatisfy({ NumberMismatchRule.numbersOnly(p.source.units[$0]) })
                && pair.target.allSatisfy({ NumberMismatchRule.numbersOnly(c.document.units[$0]) })
                && !NumberMismatchRule.pairedByPlace(p.source, pair.source, c.document, pair.target, places) { continue }
            let words = pair.source.flatMap { k in
                (NumberMismatchRule.sourceWords(p.source.units[k], p.sourceAnalyses[k], unit: k)
                    + NumberMismatchRule.hyphenedWords(p.source.units[k], p.sourceAnalyses[k], unit: k, c.settings.source)
                    + NumberMismatchRule.oneWords(p.source.units[k], p.sourceAnalyses[k], unit: k, c.settings.source)
                    + NumberMismatchRule.frequencyWords(p.source.units[k], p.sourceAnalyses[k], unit: k, c.settings.source))
                    .sorted { $0.range.lowerBound < $1.range.lowerBound }
            }
            var (source, target) = numbers(pair.source, pair.target, words: !words.isEmpty)
            guard !source.isEmpty || !words.isEmpty else { continue }
            // A count of two or more written in Chinese numerals (`两个条件`) renders the source's
            // count in words (`two conditions`), not a digit of the same value beside it, which
            // the translation may have lost (the enumerator `(2)` of a clause dropped).
            var counted = words
            if !words.isEmpty {
                target.removeAll { t in
                    guard t.value.values.count == 1, t.value.values[0] >= 2, let f = t.value.text.unicodeScalars.first, isHanIdeograph(f.value),
                          source.contains(where: { $0.value.values == t.value.values }),
                          let w = counted.firstIndex(where: { $0.value.values == t.value.values }) else { return false }
                    counted.remove(at: w)
                    return true
                }
            }
            compare(source, target, words: counted, pair: pair) { c.assign(pair, missing: $0, extra: $1, similarity: similarity) }
            // Two numbers whose order the source states (`400 → 450`, `from 400 to 450`, `15
            // minutes instead of 10`) stated the other way round by the translation (`450 → 400`,
            // `由 15 分钟改为 10 分钟`): the same numbers, exchanged.
            if source.count >= 2 && target.count >= 2 {
                for (o, n) in NumberMismatchRule.orderedPairs(source, units: { p.source.units[$0] }, sourceOrder) {
                    let so = source[o].value, sn = source[n].value
                    guard !so.agrees(with: sn) else { continue }
                    let swapped = NumberMismatchRule.orderedPairs(target, units: { c.document.units[$0] }, targetOrder).first { x in
                        target[x.old].value.agrees(with: sn) && target[x.new].value.agrees(with: so)
                            && !target[x.old].value.agrees(with: so) && !target[x.new].value.agrees(with: sn)
                    }
                    guard let (to, tn) = swapped else { continue }
                    let su = p.source.units[source[o].unit], tu = c.document.units[target[to].unit]
                    let sr = min(source[o].range.lowerBound, source[n].range.lowerBound)..<max(source[o].range.upperBound, source[n].range.upperBound)
                    let tr = min(target[to].range.lowerBound, target[tn].range.lowerBound)..<max(target[to].range.upperBound, target[tn].range.upperBound)
                    emit(c.mismatch(self, severity: severity, place: (target[to].unit, tr), key: "number-mismatch", sourceUnit: source[o].unit,
                                    values: [:], source: NumberMismatchRule.shown(su, sr), target: NumberMismatchRule.shown(tu, tr),
                                    sourceLine: su.position(at: sr.lowerBound).line))
                }
            }
        }
        // A date whose day and month traded places (`1 March 2025` → `2025 年 1 月 3 日`): the
        // numbers agree one by one, the dates do not.
        for pair in c.consistencyCache.pairs {
            let target = pair.target.flatMap { k in NumberMismatchRule.targetDates(c.document.units[k]).map { (k, $0) } }
            guard !target.isEmpty else { continue }
            let source = pair.source.flatMap { k in NumberMismatchRule.sourceDates(p.source.units[k], c.settings.source.months).map { (k, $0) } }
            guard !source.isEmpty else { continue }
            for (s, t) in NumberMismatchRule.swappedDates(source: source.map(\.1), target: target.map(\.1)) {
                guard let (su, _) = source.first(where: { $0.1 == s }), let (tu, _) = target.first(where: { $0.1 == t }) else { continue }
                emit(c.mismatch(self, severity: severity, place: (tu, t.range), key: "number-mismatch.date", sourceUnit: su,
                                values: [:], source: p.source.units[su].string(s.range), target: c.document.units[tu].string(t.range),
                                sourceLine: p.source.units[su].position(at: s.range.lowerBound).line))
            }
        }
        // Days of the week changed (`Monday to Friday` → `周一至周六`): a day the translation
        // names that the source neither names nor groups (`weekdays`), or a day the source names
        // that the translation neither names nor groups (`工作日`), both naming days.
        for pair in c.consistencyCache.pairs {
            let source = pair.source.flatMap { k in NumberMismatchRule.weekdays(p.source.units[k], c.settings.source).map { (k, $0) } }
            guard source.contains(where: { $0.1.named }) else { continue }
            let target = pair.target.flatMap { k in NumberMismatchRule.weekdays(c.document.units[k], c.settings.target).map { (k, $0) } }
            guard target.contains(where: { $0.1.named }) else { continue }
            let named = source.filter { $0.1.named }
            let sourceNamed = named.reduce(Set<Int>()) { $0.union($1.1.days) }, sourceAll = source.reduce(Set<Int>()) { $0.union($1.1.days) }
            let targetAll = target.reduce(Set<Int>()) { $0.union($1.1.days) }
            guard let (tu, t) = target.first(where: { $0.1.named && !$0.1.days.isSubset(of: sourceAll) })
                    ?? (sourceNamed.isSubset(of: targetAll) ? nil : target.first(where: { $0.1.named })) else { continue }
            let (su, s) = named[0]
            emit(c.mismatch(self, severity: severity, place: (tu, t.range), key: "number-mismatch", sourceUnit: su,
                            values: [:], source: named.map { p.source.units[$0.0].string($0.1.range) }.joined(separator: ", "),
                            target: c.document.units[tu].string(t.range), sourceLine: p.source.units[su].position(at: s.range.lowerBound).line))
        }
        // The unit a rate counts by, where no number of its own stands beside it (`$0.03 per
        // GB` → `每 TB 0.03 美元`, `billed per second` → `按分钟计费`; ``rateUnitsChanged``).
        for x in NumberMismatchRule.rateUnitsChanged(c, p, reported: ratesReported, numbers: { numbers($0, $1) }) {
            let su = p.source.units[x.sourceUnit], tu = c.document.units[x.targetUnit]
            emit(c.mismatch(self, severity: severity, place: (x.targetUnit, x.target.range), key: "number-mismatch.per", sourceUnit: x.sourceUnit,
                            values: [:], source: su.string(x.source.range), target: tu.string(x.target.range),
                            sourceLine: su.position(at: x.source.range.lowerBound).line))
        }
        // `zero or more` and `one or more` rendered the other way (零次或多次 for one or more),
        // when the pair says each as many times.
        for pair in c.consistencyCache.pairs {
            let source = pair.source.flatMap { k in NumberMismatchRule.orMore(p.source.units[k]).map { (k, $0) } }
            guard !source.isEmpty else { continue }
            let target = pair.target.flatMap { k in NumberMismatchRule.orMore(c.document.units[k]).map { (k, $0) } }
            guard target.count == source.count else { continue }
            for ((su, s), (tu, t)) in zip(source, target) where s.value != t.value {
                emit(c.mismatch(self, severity: severity, place: (tu, t.range), key: "number-mismatch", sourceUnit: su,
                                values: [:], source: p.source.units[su].string(s.range), target: c.document.units[tu].string(t.range),
                                sourceLine: p.source.units[su].position(at: s.range.lowerBound).line))
            }
        }
        /// An ordinal in words changed (`the second case` → `第三种情况`): the one ordinal of the
        /// source's words (``ordinalWords(_:_:)``) the translation's ordinals (第 and a number)
        /// do not render, against the one of the translation's that renders neither it nor a
        /// number of the source (`Step 3` → `第 3 步`).
        func ordinals(_ pair: ConsistencyPair) {
            // (An ordinal before a word of a quarter, `the fourth quarter`, 第三季度, is a quarter's:
            // ``quarters(_:unit:_:)``.)
            func quarter(_ u: Unit, after e: Int, _ words: [String]) -> Bool {
                var e = e
                while e < u.text.count && u.text[e] == 0x20 { e += 1 }
                let rest = u.string(e..<min(u.text.count, e + 12)).lowercased()
                return words.contains { !$0.isEmpty && rest.hasPrefix($0) }
            }
            let source = pair.source.flatMap { k in
                NumberMismatchRule.ordinalWords(p.source.units[k], sourceBounds).filter { !quarter(p.source.units[k], after: $0.range.upperBound, sourceQuarters.words) }.map { (k, $0) }
            }
            guard !source.isEmpty else { return }
            var target = pair.target.flatMap { k -> [Mention<NumberMention>] in
                let u = c.document.units[k]
                return NumberMismatchRule.targetNumbers(u, c.analyses[k], unit: k, clock: targetClock, numerals: numerals).filter { m in
                    var b = m.range.lowerBound
                    while b > 0 && u.text[b - 1] == 0x20 { b -= 1 }
                    return b > 0 && numerals.ordinals.contains(u.text[b - 1]) && !quarter(u, after: m.range.upperBound, targetQuarters.words)
                }
            }
            // Each ordinal of the source takes one of its value, one in words first (`the first
            // violation` → 第一次, not the 第 1 of `Article 1`); each number of the source one
            // that agrees; and one of the value of an ordinal the source writes after any word
            // (`a second violation` → 第二次) renders that.
            let written = { (m: Mention<NumberMention>) in m.value.text.unicodeScalars.first.map { $0.value >= 0x30 && $0.value <= 0x39 } ?? false }
            target.sort { !written($0) && written($1) }
            var left = source
            for (i, s) in source.enumerated().reversed() {
                if let j = target.firstIndex(where: { $0.value.values.contains(s.1.value) }) { target.remove(at: j); left.remove(at: i) }
            }
            guard left.count == 1, !target.isEmpty else { return }
            for m in pair.source.flatMap({ NumberMismatchRule.sourceNumbers(p.source.units[$0], p.sourceAnalyses[$0], unit: $0, clock: sourceClock, numerals: numerals) }) {
                if let j = target.firstIndex(where: { m.value.agrees(with: $0.value) }) { target.remove(at: j) }
            }
            // (A compound's ordinal renders it: `third-party` → 第三方.)
            let any = Set(pair.source.flatMap { NumberMismatchRule.ordinalWords(p.source.units[$0], sourceBounds, after: false, compounds: true).map(\.value) })
            target.removeAll { t in t.value.values.contains { any.contains($0) } }
            guard target.count == 1 else { return }
            let (su, s) = left[0], t = target[0]
            emit(c.mismatch(self, severity: severity, place: (t.unit, t.range), key: "number-mismatch", sourceUnit: su,
                            values: [:], source: p.source.units[su].string(s.range), target: NumberMismatchRule.shown(c.document.units[t.unit], t.range),
                            sourceLine: p.source.units[su].position(at: s.range.lowerBound).line))
        }
        // A bound turned round beside a quantity written as code or a formula, which holds no
        // number of its own (`from \`768px\` up` → `\`768px\` 及以下`, `at most $p + q - 1$` →
        // `至少 $p + q - 1$`): compared as numbers' bounds are, where the translation writes the
        // same span. And a multiplier in words changed (`twice as long as` → `的三倍`; `两倍`,
        // `快一倍` are the same).
        for pair in c.consistencyCache.pairs {
            // Cheap trigger: code or math in the source, or a multiplier's mark in the translation.
            let marked = !sourceBounds.multipliers.isEmpty && pair.target.contains { k in
                targetBounds.multiplierMarks.contains { m in c.document.units[k].text.contains(m[0]) } }
            let spans = pair.source.contains { k in p.source.units[k].roles.contains { $0 == .code || $0 == .math } }
            let ordinal = !sourceBounds.ordinals.isEmpty && pair.target.contains { k in c.document.units[k].text.contains { numerals.ordinals.contains($0) } }
            guard marked || spans || ordinal else { continue }
            if ordinal { ordinals(pair) }
            if spans {
                let source = pair.source.flatMap { NumberMismatchRule.operands(p.source.units[$0], unit: $0) }
                    .filter { NumberMismatchRule.bound(p.source.units[$0.unit], of: $0.range, c.settings.source) != nil }
                if !source.isEmpty {
                    let target = pair.target.flatMap { NumberMismatchRule.operands(c.document.units[$0], unit: $0) }
                    bounds(source.map { m in ([m], target.filter { $0.value.text == m.value.text }) })
                }
            }
            if marked {
                let source = pair.source.flatMap { k in NumberMismatchRule.multipliers(p.source.units[k], unit: k, sourceBounds).map { (k, $0) } }
                guard source.count == 1 else { continue }
                let target = pair.target.flatMap { k -> [Mention<NumberMention>] in
                    let u = c.document.units[k]
                    return NumberMismatchRule.targetNumbers(u, c.analyses[k], unit: k, clock: targetClock, numerals: numerals).filter { m in
                        var e = m.range.upperBound
                        while e < u.text.count && u.text[e] == 0x20 { e += 1 }
                        return targetBounds.multiplierMarks.contains { w in e + w.count <= u.text.count && u.text[e..<(e + w.count)].elementsEqual(w) }
                    }
                }
                guard target.count == 1, let v = target[0].value.values.first else { continue }
                let (su, s) = source[0], t = target[0]
                // The factor, or one less after a comparative (`快一倍` is twice as fast).
                if s.factor == v || (s.factor >= 2 && v == s.factor - 1) || target[0].value.values.contains(s.factor) { continue }
                emit(c.mismatch(self, severity: severity, place: (t.unit, t.range), key: "number-mismatch", sourceUnit: su,
                                values: [:], source: p.source.units[su].string(s.range), target: NumberMismatchRule.shown(c.document.units[t.unit], t.range),
                                sourceLine: p.source.units[su].position(at: s.range.lowerBound).line))
            }
        }
        // A unit of time or a unit in words after a placeholder both sides have, which stands for
        // a number (`%d days left` → `剩余 %d 周`, `{count} minutes` → `{count} 小时`): the unit
        // changed. Placeholders pair by what they are, in order; tags are none.
        for pair in c.consistencyCache.pairs {
            // Cheap trigger: a count placeholder starts with `%` or `{` (placeholder-mismatch
            // finds the placeholders of every pair again; this reads only the few that have one).
            guard pair.source.contains(where: { p.source.units[$0].text.contains { $0 == 0x25 || $0 == 0x7B } }) else { continue }
            let source = pair.source.flatMap { PlaceholderMismatchRule.placeholders(p.source.units[$0], p.sourceAnalyses[$0], unit: $0) }
                .filter { !$0.value.hasPrefix("<") }
            guard !source.isEmpty else { continue }
            var target = pair.target.flatMap { PlaceholderMismatchRule.placeholders(c.document.units[$0], c.analyses[$0], unit: $0) }
                .filter { !$0.value.hasPrefix("<") }
            for m in source {
                guard let k = target.firstIndex(where: { $0.value == m.value }) else { continue }
                let t = target.remove(at: k)
                let su = p.source.units[m.unit], tu = c.document.units[t.unit]
                guard let a = NumberMismatchRule.unitInWords(su, after: m.range, c.settings.source),
                      let b = NumberMismatchRule.unitInWords(tu, after: t.range, c.settings.target), a.symbol != b.symbol else { continue }
                let written = su.string(m.range) + " " + a.written
                let target = tu.string(t.range) + " " + b.written
                emit(c.mismatch(self, severity: severity, place: (t.unit, t.range), key: "number-mismatch.unit", sourceUnit: m.unit,
                                values: [:], source: written, target: target))
            }
        }
        // A catalogue or part number of the source the translation does not have, beside one of
        // the same shape (its letters, its length) the source does not have: a changed id.
        for pair in c.consistencyCache.pairs {
            let sourceAt = pair.source.flatMap { u in NumberMismatchRule.ids(p.source.units[u], roles: [.content]).map { (unit: u, range: $0) } }
            guard !sourceAt.isEmpty else { continue }
            let sourceIDs = sourceAt.map { p.source.units[$0.unit].string($0.range) }
            let targetIDs = pair.target.flatMap { u in NumberMismatchRule.ids(c.document.units[u], roles: [.content, .code]).map { (u, $0, c.document.units[u].string($0)) } }
            let sourceText = pair.source.map { p.source.units[$0].string }.joined(separator: "\n")
            let targetText = pair.target.map { c.document.units[$0].string }.joined(separator: "\n")
            var used = Set<Int>()
            // Counted as numbers are: an id the source writes more often than the translation,
            // beside one of the same shape the translation writes more often than the source
            // (`MP1–MP8` → `MP1–MP1`).
            var sourceCount: [String: Int] = [:], targetCount: [String: Int] = [:]
            if targetIDs.count > 1 {
                for u in pair.source { for r in NumberMismatchRule.ids(p.source.units[u], roles: [.content, .code]) { sourceCount[p.source.units[u].string(r), default: 0] += 1 } }
                for x in targetIDs { targetCount[x.2, default: 0] += 1 }
            }
            for (k, sid) in sourceIDs.enumerated() where !sourceIDs[..<k].contains(sid) {
                let counted = targetText.contains(sid)
                let fewer = counted ? (sourceCount[sid] ?? 0) - (targetCount[sid] ?? 0) : 1
                guard fewer > 0 else { continue }
                let letters = sid.prefix { !$0.isNumber }
                for _ in 0..<fewer {
                // (The last of a repeated id is the changed one: `MP1–MP1`.)
                let fits = { (i: Int) -> Bool in
                    let tid = targetIDs[i].2
                    guard !used.contains(i), tid.count == sid.count, tid.prefix(while: { !$0.isNumber }) == letters else { return false }
                    if !counted && !sourceText.contains(tid) { return true }
                    return tid != sid && (targetCount[tid] ?? 0) - used.filter({ targetIDs[$0].2 == tid }).count > (sourceCount[tid] ?? 0)
                }
                guard let x = targetIDs.indices.first(where: { fits($0) && !sourceText.contains(targetIDs[$0].2) }) ?? targetIDs.indices.last(where: fits) else { break }
                used.insert(x)
                let (tu, range, tid) = targetIDs[x]
                let (su, sr) = sourceAt[k]
                emit(c.mismatch(self, severity: severity, place: (tu, range), key: "number-mismatch", sourceUnit: su,
                                values: [:], source: sid, target: tid, sourceLine: p.source.units[su].position(at: sr.lowerBound).line))
                }
            }
        }
        // A model code of the source (``modelCodes(_:)``: `AF160EU`, `TP19H`) that the
        // translation of its unit does not write at all, at its first mention in the source (a
        // later one may be referred back to): the product's name rendered in Chinese lost the
        // model it names. Where each code is first written is found in one pass over the source,
        // on first need (a file whose translations keep their codes makes none).
        var firstMentions: [String: (unit: Int, at: Int)]? = nil
        for pair in c.consistencyCache.pairs {
            let codes = pair.source.flatMap { u in NumberMismatchRule.modelCodes(p.source.units[u]).map { (unit: u, range: $0) } }
            guard !codes.isEmpty else { continue }
            let targetText = pair.target.map { c.document.units[$0].string }.joined(separator: "\n").lowercased()
            var seen = Set<String>()
            for (u, r) in codes {
                let code = p.source.units[u].string(r)
                guard seen.insert(code).inserted, !targetText.contains(code.lowercased()) else { continue }
                if firstMentions == nil { firstMentions = NumberMismatchRule.firstModelCodes(p.source.units) }
                if let first = firstMentions![code], first.unit < u || (first.unit == u && first.at < r.lowerBound) { continue }
                emit(c.mismatch(self, severity: severity, place: c.targetPlace(pair, sourceUnit: u, at: r.lowerBound),
                                key: "number-mismatch.model", sourceUnit: u, values: [:], source: code, target: nil,
                                sourceLine: p.source.units[u].position(at: r.lowerBound).line))
            }
        }
        // A part number of the wider shape (``partNumbers(_:)``: `ATmega328P`, `1N4148`,
        // `ESP32-S3`) the translation of its unit does not write, beside one of the same shape
        // (the same first character, each character of the same kind) the source does not write:
        // a changed part. Digits at the start or after a hyphen are read as numbers already
        // (`99011-AV26H` → `99012-AV26H`, `NX-2424P` → `NX-2442P`).
        for pair in c.consistencyCache.pairs {
            let sourceAt = pair.source.flatMap { u in NumberMismatchRule.partNumbers(p.source.units[u]).map { (unit: u, range: $0) } }
            guard !sourceAt.isEmpty else { continue }
            let targetAt = pair.target.flatMap { u in NumberMismatchRule.partNumbers(c.document.units[u]).map { (u, $0, c.document.units[u].string($0)) } }
            guard !targetAt.isEmpty else { continue }
            let sourceText = pair.source.map { p.source.units[$0].string }.joined(separator: "\n").lowercased()
            let targetText = pair.target.map { c.document.units[$0].string }.joined(separator: "\n").lowercased()
            func shape(_ s: String) -> [UInt8] {
                s.unicodeScalars.map { $0.properties.isUppercase ? 1 : $0.properties.isLowercase ? 2 : $0.value == 0x2D ? 3 : 4 }
            }
            // The digits at the start or after a hyphen, which the numbers compare.
            func read(_ s: String) -> [Substring] {
                s.split(separator: "-").map { $0.prefix { $0.isNumber } }
            }
            var used = Set<Int>(), seen = Set<String>()
            for (su, sr) in sourceAt {
                let sid = p.source.units[su].string(sr)
                guard seen.insert(sid).inserted, !targetText.contains(sid.lowercased()) else { continue }
                let form = shape(sid)
                guard let x = targetAt.indices.first(where: { i in
                    let tid = targetAt[i].2
                    guard !used.contains(i), tid.first == sid.first, shape(tid) == form, !sourceText.contains(tid.lowercased()) else { return false }
                    return read(sid) == read(tid)
                }) else { continue }
                used.insert(x)
                let (tu, range, tid) = targetAt[x]
                emit(c.mismatch(self, severity: severity, place: (tu, range), key: "number-mismatch", sourceUnit: su,
                                values: [:], source: sid, target: tid, sourceLine: p.source.units[su].position(at: sr.lowerBound).line))
            }
        }
        // A hash of the source (`a1b2c3d`) the translation does not have, beside one of the same
        // length the source does not have: a changed hash.
        for pair in c.consistencyCache.pairs {
            let sourceAt = pair.source.flatMap { u in NumberMismatchRule.hexRuns(p.source.units[u], roles: [.content]).map { (unit: u, range: $0) } }
            guard !sourceAt.isEmpty else { continue }
            let sourceRuns = sourceAt.map { p.source.units[$0.unit].string($0.range) }
            let targetRuns = pair.target.flatMap { u in NumberMismatchRule.hexRuns(c.document.units[u], roles: [.content, .code]).map { (u, $0, c.document.units[u].string($0)) } }
            guard !targetRuns.isEmpty else { continue }
            let sourceText = pair.source.map { p.source.units[$0].string }.joined(separator: "\n")
            let targetText = pair.target.map { c.document.units[$0].string }.joined(separator: "\n")
            var used = Set<Int>()
            for (k, sh) in sourceRuns.enumerated() where !targetText.contains(sh) && !sourceRuns[..<k].contains(sh) {
                guard let x = targetRuns.indices.first(where: { i in
                    !used.contains(i) && targetRuns[i].2.count == sh.count && !sourceText.contains(targetRuns[i].2)
                }) else { continue }
                used.insert(x)
                let (tu, range, th) = targetRuns[x]
                let (su, sr) = sourceAt[k]
                emit(c.mismatch(self, severity: severity, place: (tu, range), key: "number-mismatch", sourceUnit: su,
                                values: [:], source: sh, target: th, sourceLine: p.source.units[su].position(at: sr.lowerBound).line))
            }
        }
        for (su, tu) in cells {
            let (source, target) = numbers([su], [tu])
            guard !source.isEmpty else { continue }
            // A unit written in a cell of its own in the row (`| 2000 | V |` → `| 2 | kV |`).
            var cellSymbols: (String, String)? = nil
            if let (col, a) = NumberMismatchRule.rowSymbol(p.source, su), let b = NumberMismatchRule.rowSymbol(c.document, tu, column: col) {
                cellSymbols = (a, b.1)
            }
            compare(source, target, cellSymbols: cellSymbols) { missing, extra in
                // In order when as many changed as were added, else the extra one most like it.
                var extra = extra
                return missing.enumerated().map { k, m in
                    let best = missing.count - k == extra.count ? (extra.isEmpty ? nil : 0)
                        : FileContext.resembling(m.value, extra) { similarity($0, $1.value) }
                    let t = best.map { extra.remove(at: $0) }
                    return (m, t, t.map { ($0.unit, $0.range) } ?? (tu, 0..<c.document.units[tu].text.count))
                }
            }
        }
        // A code in brackets changed (`(E10)` → `（E5）`).
        changedBracketCodes(c, p, severity, emit)
    }
}

/// `placeholder-mismatch`: template variables (`{{ name }}`, `{name}`), printf-style
/// conversions (`%s`, `%(name)s`), environment variables (`$HOME`, `${HOME}`), route parameters
/// (`/users/:id`), MDX components and inline HTML tags of the source missing in the
/// translation, or tags the translation leaves unbalanced.
public struct PlaceholderMismatchRule: Rule {
    public let id = "placeholder-mismatch"
    public let defaultSeverity = Severity.warning
    public let summary = "Bilingual: a placeholder ({{ var }}, {var}, %s, $VAR, :param), MDX component, inline HTML tag or key cap in brackets lost, changed or left unbalanced."
    public let isBilingual = true
    public var examples: [RuleExample] {
        [
            RuleExample("↓你好，欢迎回来！\n", source: "Hello {{ user.name }}, welcome back!\n"),
            RuleExample("你好 {{ user.name }}，欢迎回来！\n", source: "Hello {{ user.name }}, welcome back!\n"),
            RuleExample("↓按 Ctrl+C 复制。\n", source: "Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to copy.\n"),
            RuleExample("按 <kbd>Ctrl</kbd>+<kbd>C</kbd> 复制。\n", source: "Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to copy.\n"),
            RuleExample("↓把 <CodeStep step={1}>初始状态</CodeStep 传给它。\n", source: "Pass it the <CodeStep step={1}>initial state</CodeStep>.\n"),
            RuleExample("↓文件保存在主目录下。\n", source: "The file is saved under $HOME.\n"),
            RuleExample("消息格式为 `%s: %d`，日志写成“%s 已完成”。\n", source: "The message format is `%s: %d` and the log says \"%s done\".\n"),
            // A shortcode that an HTML comment (the English kept for reference) cut off from the
            // paragraph is still there; a placeholder lost from a table cell is lost.
            RuleExample("{{< note >}}\n<!--\nThe volume counts against the memory limit.\n-->\n这个卷计入内存限制。\n{{< /note >}}\n",
                        source: "{{< note >}}\nThe volume counts against the memory limit.\n{{< /note >}}\n"),
            RuleExample("| 名称 | 说明 |\n| --- | --- |\n| 问候 | ↓你好，欢迎回来！ |\n",
                        source: "| Name | Description |\n| --- | --- |\n| Greeting | Hello {{ user.name }}, welcome back! |\n"),
            // A shortcode's display text is translated; its other attributes are kept.
            RuleExample("每个{{< glossary_tooltip text=\"容器\" term_id=\"container\" >}}都有自己的文件系统。\n",
                        source: "Each {{< glossary_tooltip text=\"container\" term_id=\"container\" >}} has its own file system.\n"),
            RuleExample("↓每个{{< glossary_tooltip text=\"容器\" term_id=\"容器\" >}}都有自己的文件系统。\n",
                        source: "Each {{< glossary_tooltip text=\"container\" term_id=\"container\" >}} has its own file system.\n"),
            // Key caps in square brackets are kept as keys: one replaced or lost among keys is
            // reported; a key written as a word, or a reference link's text translated, is not.
            RuleExample("按 ↓[F] 打开箱子，按住 [Shift] 冲刺。\n", source: "Press [E] to open the chest and hold [Shift] to sprint.\n"),
            RuleExample("↓按 [Ctrl]+[S] 另存为。\n", source: "Press [Ctrl]+[Shift]+[S] to save as.\n"),
            RuleExample("按 E 键打开箱子，按住【Shift】冲刺，详见[文档]。\n\n[文档]: https://example.com/docs\n",
                        source: "Press [E] to open the chest and hold [Shift] to sprint; see the [docs].\n\n[docs]: https://example.com/docs\n"),
            // An HTML list written as Markdown list items, a `<br>` as a hard break: restructured,
            // not lost. The list flattened into one sentence, the break dropped: lost.
            RuleExample("# 压缩\n\n级别决定编码器的压缩力度。选择其中一个命令：\n\n- `gzip -1 file.txt`：最快\n- `gzip -6 file.txt`：默认\n- `gzip -9 file.txt`：最小\n\n线程同时压缩。\n",
                        source: "# Compression\n\nThe level sets how hard the encoder works.\nPick one of the commands: <ul><li>`gzip -1 file.txt`: fastest</li><li>`gzip -6 file.txt`: default</li><li>`gzip -9 file.txt`: smallest</li></ul>\n\nThreads compress at once.\n"),
            RuleExample("# 压缩\n\n级别决定编码器的压缩力度。↓选择其中一个命令：`gzip -1 file.txt` 最快，`gzip -6 file.txt` 默认，`gzip -9 file.txt` 最小。\n\n线程同时压缩。\n",
                        source: "# Compression\n\nThe level sets how hard the encoder works.\nPick one of the commands: <ul><li>`gzip -1 file.txt`: fastest</li><li>`gzip -6 file.txt`: default</li><li>`gzip -9 file.txt`: smallest</li></ul>\n\nThreads compress at once.\n"),
            RuleExample("# 地址\n\n把表格寄到办公室。\\\n在信封上写上你的名字。\n\n办公室会在一周内回复。\n",
                        source: "# Address\n\nSend the form to the office.<br>Write your name on the envelope.\n\nThe office answers within a week.\n"),
            RuleExample("# 地址\n\n↓把表格寄到办公室。在信封上写上你的名字。\n\n办公室会在一周内回复。\n",
                        source: "# Address\n\nSend the form to the office.<br>Write your name on the envelope.\n\nThe office answers within a week.\n"),
            // An inline tag's attributes are code (`#ff0`, `class`), its display text (`title`) is not.
            RuleExample("把↓<color=#f00>盐之印</color>带来，我便打开大门。\n", source: "Bring me the <color=#ff0>Salt Seal</color> and I shall open the gate.\n"),
            RuleExample("把<color=#ff0>盐之印</color>带来，<span class=\"hint\" title=\"提示\">我</span>便打开大门。\n",
                        source: "Bring me the <color=#ff0>Salt Seal</color> and <span class=\"hint\" title=\"A hint\">I</span> shall open the gate.\n"),
            // Tags compared as parsed: spaces around `=`, a void element's slash, and an HTML
            // element written as the Markdown that renders it (`<code>` as backticks, `<b>` as
            // `**`, `<i>` as `*`) are the same; a tag dropped with its element is lost.
            RuleExample("运行 `make` 构建，<span class = \"hint\">**不要**</span>中断它。<br>\n",
                        source: "Run <code>make</code> to build and <span class=\"hint\"><b>never</b></span> stop it.<br />\n"),
            RuleExample("# 选项\n\n- `size`：*每*批的大小\n- `seed`：随机种子\n",
                        source: "# Options\n\n<ul>\n<li><code>size</code>: the size of <i>each</i> batch</li>\n<li><code>seed</code>: the random seed</li>\n</ul>\n"),
            RuleExample("↓运行 make 构建，`make test` 测试。\n", source: "Run <code>make</code> to build and `make test` to test.\n"),
            RuleExample("↓运行 `make` 构建，不要中断它。\n", source: "Run <code>make</code> to build and <b>never</b> stop it.\n"),
        ]
    }

    public init() {}

    /// The placeholders and tags of a unit, as text (`{{ a }}`, `%s`, `<kbd>`, `</kbd>`).
    static func placeholders(_ u: Unit, _ a: TextAnalysis, unit k: Int) -> [Mention<String>] {
        var out: [Mention<String>] = []
        var inTag = [Bool](repeating: false, count: u.text.count)
        for t in u.inlineTags {
            for x in t.range { inTag[x] = true }
            guard !a.inNote(t.range.lowerBound) && !t.name.isEmpty else { continue }
            // A void element is one tag with or without the slash (`<br>`, `<br/>`, `<br />`).
            let label = t.closing ? "</\(t.name)>"
                : t.selfClosing && !InlineTag.void.contains(t.name.lowercased()) ? "<\(t.name) />" : "<\(t.name)>"
            out.append(Mention(unit: k, range: t.range, value: label))
        }
        let eligible = { (i: Int) -> Bool in
            let r = u.roles[i]
            return (r == .content || r == .markup) && !inTag[i] && !a.inNote(i)
        }
        for r in Placeholders.find(u.text, eligible: eligible) {
            out.append(Mention(unit: k, range: r, value: Placeholders.normalized(u.string(r))))
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self), let p = c.pairing else { return }
        keys(c, p, severity: severity, emit)
        // The ids the translation's page links to (`#quick`), made on first use: an anchor of
        // the source's that none of them names is one nothing needs.
        var fragments: Set<String>? = nil
        func pageFragments() -> Set<String> {
            if let fragments { return fragments }
            var ids = Set<String>()
            for tu in c.document.units {
                for l in tu.linkTargets where l.destination.hasPrefix("#") { ids.insert(String(l.destination.dropFirst())) }
            }
            fragments = ids
            return ids
        }
        for pair in c.consistencyCache.pairs {
            let source = pair.source.flatMap { PlaceholderMismatchRule.placeholders(p.source.units[$0], p.sourceAnalyses[$0], unit: $0) }
            guard !source.isEmpty else { continue }
            let target = pair.target.flatMap { PlaceholderMismatchRule.placeholders(c.document.units[$0], c.analyses[$0], unit: $0) }
            // Counted: a tag written twice in the source must be there twice.
            var remaining = target
            var missing: [Mention<String>] = []
            for s in source {
                if let k = remaining.firstIndex(where: { $0.value == s.value }) { remaining.remove(at: k) } else { missing.append(s) }
            }
            // Structural tags (`<ul><li>…</li></ul>`, `<br>`, `<p>`) the translation wrote as
            // Markdown list items, breaks or paragraphs: restructured, not lost.
            if missing.contains(where: { PlaceholderMismatchRule.structure($0.value) != nil }) {
                let done = PlaceholderMismatchRule.restructured(c, p, pair, source: source, target: target)
                if !done.isEmpty { missing.removeAll { PlaceholderMismatchRule.structure($0.value).map(done.contains) ?? false } }
            }
            // Code, emphasis and link tags the translation wrote as Markdown (`<code>x</code>` as
            // `` `x` ``, `<b>` as `**…**`, `<i>` as `*…*`, `<a href>` as `[…](…)`, whose
            // destination link-mismatch compares): the same element, not lost.
            if missing.contains(where: { PlaceholderMismatchRule.markdownForm($0.value) != nil }) {
                missing = PlaceholderMismatchRule.writtenAsMarkdown(missing, c, p, pair)
            }
            // `<code>` elements the source repeats and the translation writes once: every text
            // the source's code elements hold is in code in the translation (`<code>x</code>` said
            // once, or two names in one element), so what is missing is a repetition.
            if missing.contains(where: { PlaceholderMismatchRule.tagName($0.value) == "code" }) {
                missing = PlaceholderMismatchRule.withoutRepeatedCode(missing, c, p, pair)
            }
            // A shortcode on a line of its own beside the unit, cut off from the paragraph by an
            // HTML comment holding the English (`{{< note >}}` then `<!-- … -->`): not lost.
            if !missing.isEmpty {
                var beside: [String] = []
                for t in Set(missing.map { c.targetPlace(pair, sourceUnit: $0.unit, at: $0.range.lowerBound).unit }).sorted() {
                    beside += PlaceholderMismatchRule.besideUnit(c.document, t)
                }
                missing = missing.filter { m in
                    guard let k = beside.firstIndex(of: m.value) else { return true }
                    beside.remove(at: k)
                    return false
                }
            }
            // Placeholders whose name the translation translated (`${变量}` for `${variable}`).
            var translated = remaining.filter { !$0.value.hasPrefix("<") && $0.value.unicodeScalars.contains { isHanIdeograph($0.value) } }
            // One finding per place in the translation, naming everything lost there; a tag that
            // only styles its text (`<b>`, `<em>`, `<br>`, no attributes) apart from the others.
            // Anchors the translation drops where nothing on its page links to them (the id of
            // `<a id="quick"></a>` beside a heading whose own slug the translation links to):
            // apart from the others, at info, with as many closing tags of their names.
            var anchors = PlaceholderMismatchRule.unusedAnchors(missing, p, linked: pageFragments)
            var places: [(place: (unit: Int, range: Range<Int>), sourceUnit: Int, written: [String], translated: [String], styling: Int)] = []
            for (x, s) in missing.enumerated() {
                let place = c.targetPlace(pair, sourceUnit: s.unit, at: s.range.lowerBound)
                let written = p.source.units[s.unit].string(s.range)
                var styling = PlaceholderMismatchRule.onlyStyles(written) ? 1 : 0
                if anchors.opening.contains(x) {
                    styling = 2
                } else if s.value.hasPrefix("</"), let name = PlaceholderMismatchRule.tagName(s.value), let n = anchors.closing[name], n > 0 {
                    anchors.closing[name] = n - 1
                    styling = 2
                }
                var renamed: String? = nil
                if !s.value.hasPrefix("<"), let k = translated.firstIndex(where: { $0.unit == place.unit && $0.range.overlaps(place.range) }) {
                    renamed = translated[k].value
                    translated.remove(at: k)
                } else if !s.value.hasPrefix("<"), let k = places.firstIndex(where: { $0.place.unit == place.unit && $0.place.range == place.range && !$0.translated.isEmpty }) {
                    // `{username} {password}` → `{用户名:密码}`: one translated placeholder for several.
                    renamed = places[k].translated[0]
                }
                if let k = places.firstIndex(where: { $0.place.unit == place.unit && $0.place.range == place.range && $0.styling == styling }) {
                    if let renamed { if !places[k].translated.contains(renamed) { places[k].translated.append(renamed) } }
                    else if !places[k].written.contains(written) { places[k].written.append(written) }
                } else {
                    places.append((place, s.unit, renamed == nil ? [written] : [], renamed.map { [$0] } ?? [], styling))
                }
            }
            for m in places where !m.written.isEmpty {
                // Emphasis or a line break dropped leaves every word and value the reader needs:
                // the translation's typography, for review; so does an anchor nothing links to.
                emit(c.mismatch(self, severity: m.styling > 0 ? .info : severity, place: m.place,
                                key: ["placeholder-mismatch", "placeholder-mismatch.styling", "placeholder-mismatch.anchor"][m.styling],
                                sourceUnit: m.sourceUnit, values: [:], source: m.written.joined(separator: " "), target: nil))
            }
            for m in places where !m.translated.isEmpty {
                emit(c.mismatch(self, severity: .info, place: m.place, key: "placeholder-mismatch.translated", sourceUnit: m.sourceUnit,
                                values: [:], source: missing.filter { !$0.value.hasPrefix("<") }.map(\.value).joined(separator: " "),
                                target: m.translated.joined(separator: " ")))
            }
            // A tag kept by name with its attributes changed (`<color=#ff0>` → `<color=#f00>`).
            for (s, t) in PlaceholderMismatchRule.changedAttributes(source: source, target: target, p.source, c.document) {
                emit(c.mismatch(self, severity: severity, place: (t.unit, t.range), key: "placeholder-mismatch.changed", sourceUnit: s.unit,
                                values: [:], source: s.value, target: t.value))
            }
            // Tags balanced in the source and not in the translation.
            if missing.isEmpty {
                for t in unbalanced(source, in: target) {
                    let tu = c.document.units[t.unit]
                    emit(c.mismatch(self, severity: severity, place: (t.unit, t.range), key: "placeholder-mismatch.unbalanced",
                                    sourceUnit: pair.source[0], values: [:], source: t.value, target: tu.string(t.range)))
                }
            }
        }
    }

    /// HTML elements that only style their text (emphasis, size, a line break): dropping one
    /// loses no word, value, link or code.
    static let stylingElements: Set<String> = ["b", "strong", "i", "em", "u", "small", "big", "br", "tt", "mark", "center"]

    /// True when a tag as written is one of ``stylingElements`` with no attributes (`<b>`,
    /// `</b>`, `<br />`): `<span class="x">`, `<b id="x">` carry more than style.
    static func onlyStyles(_ written: String) -> Bool {
        guard let name = tagName(written), stylingElements.contains(name) else { return false }
        return !written.contains("=")
    }

    /// The element name of a tag, as labelled or as written (`<b>`, `</B>`, `<br />`, `<a href=…>`),
    /// in lower case; nil for a placeholder that is no tag.
    static func tagName(_ value: String) -> String? {
        guard value.hasPrefix("<") else { return nil }
        var s = value.dropFirst()
        if s.hasPrefix("/") { s = s.dropFirst() }
        return s.prefix(while: { $0 != ">" && $0 != " " && $0 != "/" }).lowercased()
    }

    /// Key caps written in square brackets, as game and hardware UIs write keys (`[E]`,
    /// `[Shift]`, `[F5]`, `[Ctrl]+[S]`), in the prose of a unit: one token of Latin letters and
    /// digits, a letter among them, 12 characters at most, in brackets the parser left as text
    /// (not a link, a footnote reference or a reference whose definition exists), not an index
    /// (`a[i]`, after a word), a range or a bit field (`[7:4]`, `[0, 1]`), a task box at the
    /// start (`[x]`), nor a bracket inside brackets (`[[Page]]`) or before `(`, `[` or `:`. The
    /// translation's keys may be in full-width brackets (`【E】`, `［E］`). Values in capitals
    /// (a key's case is not its identity).
    static func bracketKeys(_ u: Unit, unit k: Int, fullWidth: Bool) -> [Mention<String>] {
        let text = u.text, n = text.count
        func opens(_ c: UInt32) -> UInt32? {
            switch c {
            case 0x5B: return 0x5D
            case 0x3010 where fullWidth: return 0x3011
            case 0xFF3B where fullWidth: return 0xFF3D
            default: return nil
            }
        }
        // Cheap trigger: a bracket at all (the translation's side is read only for a source with keys).
        guard fullWidth ? text.contains(where: { opens($0) != nil }) : text.contains(0x5B) else { return [] }
        @inline(__always) func isWord(_ c: UInt32) -> Bool { (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x5F }
        var out: [Mention<String>] = []
        var i = 0
        while i < n {
            guard let close = opens(text[i]), u.roles[i] == .content else { i += 1; continue }
            var e = i + 1, letters = 0
            while e < n && e - i <= 13 && isWord(text[e]) && text[e] != 0x5F && u.roles[e] == .content {
                if text[e] | 0x20 >= 0x61 && text[e] | 0x20 <= 0x7A { letters += 1 }
                e += 1
            }
            defer { i = max(i + 1, e) }
            guard e > i + 1, e - i - 1 <= 12, letters > 0, e < n, text[e] == close, u.roles[e] == .content else { continue }
            let before: UInt32 = i > 0 ? text[i - 1] : 0x20
            let after: UInt32 = e + 1 < n ? text[e + 1] : 0x20
            guard !isWord(before), before != 0x5B, before != 0x5D, before != 0x21, before != 0x5E,
                  after != 0x28, after != 0x5B, after != 0x3A, after != 0x5D else { continue }
            // A task box: `[x]` with nothing read before it.
            if e == i + 2, text[i + 1] | 0x20 == 0x78, (0..<i).allSatisfy({ !u.roles[$0].isRead || text[$0] == 0x20 }) { continue }
            out.append(Mention(unit: k, range: i..<(e + 1), value: makeString(text[(i + 1)..<e]).uppercased()))
        }
        return out
    }

    /// Key caps in brackets (``bracketKeys(_:unit:fullWidth:)``) of the source the aligned
    /// translation does not have: a key written instead of it in brackets too is a key replaced
    /// (`[E]` → `[F]`, `[Shift]` → `[Ctrl]`); a key missing where the translation writes other keys
    /// in brackets, and no bracketed text in Chinese (`[可选]`: a label in brackets translated), is a
    /// key lost (`[Ctrl]+[Shift]+[S]` → `[Ctrl]+[S]`). Silent: the key written as a word
    /// (`E 键`, `Shift 键`: the key kept, the brackets the translator's typography) and keys
    /// rendered in words with no bracket left (`按交互键`: no evidence the brackets were keys).
    func keys(_ c: FileContext, _ p: Pairing, severity: Severity, _ emit: (Finding) -> Void) {
        for pair in c.consistencyCache.pairs {
            let source = pair.source.flatMap { PlaceholderMismatchRule.bracketKeys(p.source.units[$0], unit: $0, fullWidth: false) }
            guard !source.isEmpty else { continue }
            let target = pair.target.flatMap { PlaceholderMismatchRule.bracketKeys(c.document.units[$0], unit: $0, fullWidth: true) }
            var extra = target, missing: [Mention<String>] = []
            for s in source {
                if let k = extra.firstIndex(where: { $0.value == s.value }) { extra.remove(at: k) } else { missing.append(s) }
            }
            guard !missing.isEmpty else { continue }
            // What the translation writes as words: a key kept there is not lost.
            var words = Set<String>()
            for t in pair.target {
                let u = c.document.units[t]
                for w in c.analyses[t].words where u.roles[w.range.lowerBound] == .content {
                    words.insert(makeString(u.text[w.range]).uppercased())
                }
            }
            missing.removeAll { m in words.contains(m.value) && !target.contains { $0.value == m.value } }
            guard !missing.isEmpty else { continue }
            for (s, t) in zip(missing, extra) {
                emit(c.mismatch(self, severity: severity, place: (t.unit, t.range), key: "placeholder-mismatch.changed", sourceUnit: s.unit,
                                values: [:], source: p.source.units[s.unit].string(s.range), target: c.document.units[t.unit].string(t.range)))
            }
            guard missing.count > extra.count, !target.isEmpty else { continue }
            // A bracket holding Han: a label in brackets translated, so brackets are not keys alone here.
            let hanInBrackets = pair.target.contains { t in
                let x = c.document.units[t].text
                return x.indices.dropLast().contains { o in (x[o] == 0x5B || x[o] == 0x3010 || x[o] == 0xFF3B) && isHanIdeograph(x[o + 1]) }
            }
            guard !hanInBrackets else { continue }
            for s in missing.dropFirst(extra.count) {
                let place = c.targetPlace(pair, sourceUnit: s.unit, at: s.range.lowerBound)
                emit(c.mismatch(self, severity: severity, place: place, key: "placeholder-mismatch", sourceUnit: s.unit,
                                values: [:], source: p.source.units[s.unit].string(s.range), target: nil))
            }
        }
    }

    /// Attributes of a tag that are text for the reader, translated as such: the display
    /// attributes of shortcodes (``DisplayAttributes``) and `aria-label`.
    static let textAttributes: Set<String> = DisplayAttributes.names.union(["aria-label"])
    /// Attributes compared as links by `link-mismatch` (`<a href>`, `<img src>`), which knows a
    /// localised path from a changed one.
    static func isLinkAttribute(_ tag: String, _ name: String) -> Bool {
        (name == "href" && tag == "a") || (name == "src" && (tag == "img" || tag == "source"))
    }

    /// The attributes of an opening tag as written, spaces collapsed, with the values of the
    /// attributes that are text for the reader (``textAttributes``) and of links left out:
    /// `=#ff0` of `<color=#ff0>`, `class="note" title=""` of `<span class="note" title="…">`.
    /// A link of another tag (`<Link href>`, `to`, `src`) is kept with its locale taken out
    /// (`/en/docs` as `/docs`) and no fragment (a heading's id the translation may render).
    /// Empty for a tag without attributes.
    static func attributeText(_ u: Unit, _ t: InlineTag) -> String {
        let start = t.range.lowerBound + 1 + t.name.unicodeScalars.count
        var end = t.range.upperBound - 1  // before `>`
        if t.selfClosing { end -= 1 }
        guard start < end else { return "" }
        let lower = t.name.lowercased()
        // The values to write otherwise (their ranges with the quotes), in order.
        var replaced: [(range: Range<Int>, with: String)] = []
        // Values in quotes as parsed, and values without quotes (`<a href=#intro>`) as HTML reads
        // them. An unquoted link is no link to link-mismatch, which reads links as parsed: compared
        // here, as a link of another tag is.
        let values = t.attributes.filter { $0.value.lowerBound > start && $0.value.upperBound < end }
            .map { (name: $0.name, quoted: ($0.value.lowerBound - 1)..<($0.value.upperBound + 1), value: $0.value, bare: false) }
            + unquotedValues(u, start..<end).map { (name: $0.name, quoted: $0.value, value: $0.value, bare: true) }
        for a in values.sorted(by: { $0.quoted.lowerBound < $1.quoted.lowerBound }) {
            let quoted = a.quoted
            if textAttributes.contains(a.name) || (isLinkAttribute(lower, a.name) && !a.bare) {
                replaced.append((quoted, "\"\""))
            } else if a.name == "href" || a.name == "src" || a.name == "to" {
                var link = LinkComparison.delocalised(makeString(u.text[a.value]))
                // By scalars: `#` and U+FE0F (`#️-quick-start`, an emoji's slug) are one Character.
                if let h = link.unicodeScalars.firstIndex(of: "#") { link = String(link.unicodeScalars[..<h]) }
                replaced.append((quoted, "\"\(link)\""))
            }
        }
        var out: [UInt32] = []
        var k = start
        // Outside quotes, no space around `=` (`href = "u"` as `href="u"`).
        var quote: UInt32? = nil, afterEquals = false
        while k < end {
            if let r = replaced.first(where: { $0.range.lowerBound == k }) {
                out += r.with.unicodeScalars.map(\.value)
                k = r.range.upperBound
                afterEquals = false
                continue
            }
            let c = u.text[k]
            if u.roles[k] == .structure { k += 1; continue }
            if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D {
                if quote != nil || !afterEquals, let last = out.last, last != 0x20 { out.append(0x20) }
            } else {
                if quote == nil {
                    afterEquals = c == 0x3D
                    if afterEquals && out.last == 0x20 { out.removeLast() }
                }
                if c == 0x22 || c == 0x27 { if quote == nil { quote = c } else if quote == c { quote = nil } }
                out.append(c)
            }
            k += 1
        }
        while out.last == 0x20 { out.removeLast() }
        return makeString(out)
    }

    /// The attributes of a tag's text (`range`: after its name, before `>`) whose values are
    /// written without quotes (`href=#intro`, `width=50`): name in lower case, the value's range,
    /// up to the next space. Quoted values and `{…}` expressions are not among them.
    static func unquotedValues(_ u: Unit, _ range: Range<Int>) -> [(name: String, value: Range<Int>)] {
        var out: [(name: String, value: Range<Int>)] = []
        var k = range.lowerBound, name: [UInt32] = [], lastName = "", quote: UInt32? = nil, braces = 0
        while k < range.upperBound {
            let c = u.text[k]
            if let q = quote { if c == q { quote = nil }; k += 1; continue }
            if braces > 0 { if c == 0x7B { braces += 1 } else if c == 0x7D { braces -= 1 }; k += 1; continue }
            if c == 0x22 || c == 0x27 { quote = c; k += 1; continue }
            if c == 0x7B { braces = 1; k += 1; continue }
            let nameChar = c | 0x20 >= 0x61 && c | 0x20 <= 0x7A || c == 0x2D || c == 0x5F || c == 0x3A || (c >= 0x30 && c <= 0x39)
            if nameChar { name.append(c); k += 1; continue }
            if !name.isEmpty { lastName = makeString(name).lowercased(); name.removeAll() }
            if c == 0x3D {
                var v = k + 1
                while v < range.upperBound && (u.text[v] == 0x20 || u.text[v] == 0x09) { v += 1 }
                if v < range.upperBound, u.text[v] != 0x22, u.text[v] != 0x27, u.text[v] != 0x7B, !lastName.isEmpty {
                    var e = v
                    while e < range.upperBound && u.text[e] != 0x20 && u.text[e] != 0x09 && u.text[e] != 0x0A { e += 1 }
                    out.append((lastName, v..<e))
                    lastName = ""
                    k = e
                    continue
                }
            }
            k += 1
        }
        return out
    }

    /// Attributes as compared: in any order, quoted either way (`class='a' id="b"` as
    /// `id="b" class="a"`).
    static func attributeKey(_ s: String) -> [String] {
        var tokens: [String] = [], current = "", quote: Character? = nil, braces = 0
        for ch in s {
            if let q = quote { current.append(ch == "'" ? "\"" : ch); if ch == q { quote = nil }; continue }
            switch ch {
            case "\"" where braces == 0, "'" where braces == 0: quote = ch; current.append("\"")
            case "{": braces += 1; current.append(ch)
            case "}": braces -= 1; current.append(ch)
            case " " where braces == 0: if !current.isEmpty { tokens.append(current); current = "" }
            default: current.append(ch)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens.sorted()
    }

    /// Tags of the source kept by name in the translation with other attributes: for each tag
    /// name written as often on both sides, the source's tags with attributes the translation
    /// lacks, paired in order with the translation's tags the source lacks (`<color=#ff0>`
    /// written `<color=#f00>`, `<span class="warn">` written `<span class="info">`). Not a tag the
    /// source writes bare (`<span>` given `lang="en"`: the translator's own markup).
    static func changedAttributes(source: [Mention<String>], target: [Mention<String>],
                                  _ sd: Document, _ td: Document) -> [(Mention<String>, Mention<String>)] {
        // Cheap trigger: an opening tag of the source whose text is longer than its name.
        guard source.contains(where: { $0.value.hasPrefix("<") && !$0.value.hasPrefix("</") && $0.range.count > $0.value.unicodeScalars.count }) else { return [] }
        func opening(_ ms: [Mention<String>], _ d: Document) -> [String: [(shown: Mention<String>, key: [String])]] {
            var out: [String: [(shown: Mention<String>, key: [String])]] = [:]
            for m in ms where m.value.hasPrefix("<") && !m.value.hasPrefix("</") {
                let u = d.units[m.unit]
                guard let t = InlineElements.parseTag(u.text, at: m.range.lowerBound) else { continue }
                let attrs = attributeText(u, t)
                let shown = "<\(t.name)" + (attrs.isEmpty || attrs.hasPrefix("=") ? attrs : " " + attrs) + (t.selfClosing ? " />" : ">")
                out[t.name, default: []].append((Mention(unit: m.unit, range: m.range, value: shown), attributeKey(attrs)))
            }
            return out
        }
        let s = opening(source, sd), t = opening(target, td)
        var out: [(Mention<String>, Mention<String>)] = []
        for name in s.keys.sorted() {
            guard let ss = s[name], let ts = t[name], ss.count == ts.count else { continue }
            var lacking = ss, added: [(shown: Mention<String>, key: [String])] = []
            for x in ts {
                if let k = lacking.firstIndex(where: { $0.key == x.key }) { lacking.remove(at: k) } else { added.append(x) }
            }
            for (a, b) in zip(lacking, added) where !a.key.isEmpty { out.append((a.shown, b.shown)) }
        }
        return out
    }

    /// The kind of structure a structural HTML tag writes, which Markdown writes too: a list
    /// (`<ul>`, `<ol>`, `<li>`), a line break (`<br>`), a paragraph (`<p>`). Nil for other tags.
    static func structure(_ value: String) -> String? {
        switch tagName(value) {
        case "ul", "ol", "li": return "li"
        case "br": return "br"
        case "p": return "p"
        default: return nil
        }
    }

    /// The structures (``structure(_:)``) whose tags the translation of `pair` wrote as Markdown:
    /// none of their tags left in it, and its units, with the units right before and after them
    /// the aligner left unpaired or paired with another cell of the source's row (the
    /// translation's other pieces of the cell), as many Markdown pieces as
    /// the source's tags make — list items for the `<li>`s (a cell's `<ul><li>…</li></ul>`
    /// written as list items), paragraphs, list items or hard breaks for the `<br>`s (one more
    /// piece each) and the `<p>`s. A list flattened into one sentence, a `<br>` dropped with its
    /// break, is still lost.
    static func restructured(_ c: FileContext, _ p: Pairing, _ pair: ConsistencyPair,
                             source: [Mention<String>], target: [Mention<String>]) -> Set<String> {
        var kept = Set<String>()
        for t in target { if let s = structure(t.value) { kept.insert(s) } }
        var items = 0, breaks = 0, paragraphs = 0
        for s in source where !s.value.hasPrefix("</") {
            switch s.value.dropFirst().prefix(while: { $0 != ">" && $0 != " " && $0 != "/" }).lowercased() {
            case "li": items += 1
            case "br": breaks += 1
            case "p": paragraphs += 1
            default: break
            }
        }
        // The translation's pieces: its units and those beside them that are unpaired or paired
        // with another cell of the same table row (the row's label written as the first item).
        let beads = p.alignment.beads
        let rowLines = Set(pair.source.compactMap { s -> Int? in
            if case .tableCell = p.source.units[s].kind { return p.source.units[s].start.line }
            return nil
        })
        func beside(_ b: Bead) -> Bool {
            b.source.allSatisfy { block in
                guard let s = p.source.unitIndex(block: block), case .tableCell = p.source.units[s].kind else { return false }
                return rowLines.contains(p.source.units[s].start.line)
            }
        }
        var units = pair.target
        var k = pair.bead - 1
        while k >= 0, beside(beads[k]) {
            units += beads[k].target.compactMap { c.document.unitIndex(block: $0) }
            k -= 1
        }
        k = pair.bead + 1
        while k < beads.count, beside(beads[k]) {
            units += beads[k].target.compactMap { c.document.unitIndex(block: $0) }
            k += 1
        }
        let listItems = units.filter { if case .listItem = c.document.units[$0].kind { return true }; return false }.count
        // Pieces a line break or paragraph may have made (a table cell is none: it holds no break).
        let pieces = units.filter { if case .tableCell = c.document.units[$0].kind { return false }; return true }
        let hardBreaks = pieces.reduce(0) { $0 + c.document.units[$1].markupCounts.hardBreaks }
        var out = Set<String>()
        let slack = max(1, items / 4)
        if !kept.contains("li"), items > 0, listItems >= max(1, items - slack), listItems <= items + 1 + slack { out.insert("li") }
        if !kept.contains("br"), breaks > 0, hardBreaks + pieces.count - 1 >= breaks { out.insert("br") }
        if !kept.contains("p"), paragraphs > 0, pieces.count >= max(2, paragraphs) { out.insert("p") }
        return out
    }

    /// The Markdown element an HTML tag writes (`code`, `strong`, `emphasis`, a link): `<code>`,
    /// `<b>`/`<strong>`, `<i>`/`<em>`, `<a>`, opening or closing. Nil for other tags and placeholders.
    static func markdownForm(_ value: String) -> Int? {
        switch tagName(value) {
        case "code": return 0
        case "b", "strong": return 1
        case "i", "em": return 2
        case "a": return 3
        default: return nil
        }
    }

    /// Inline code spans written in backticks (not `<code>` tags) in a unit.
    static func markdownCodeSpans(_ u: Unit) -> Int {
        var n = 0
        for k in u.text.indices.dropFirst() where u.roles[k] == .code && u.roles[k - 1] == .markup && u.text[k - 1] == 0x60 { n += 1 }
        return n
    }

    /// `missing` without the code, emphasis and link tags (``markdownForm(_:)``) the translation
    /// of `pair` wrote as Markdown: as many of each kind's opening and closing tags as the
    /// translation has Markdown code spans, strong, emphasis or links more than the source. A tag
    /// dropped with its element (no more Markdown than the source's) is still lost.
    static func writtenAsMarkdown(_ missing: [Mention<String>], _ c: FileContext, _ p: Pairing,
                                  _ pair: ConsistencyPair) -> [Mention<String>] {
        func counts(_ units: [Int], _ d: Document) -> [Int] {
            var n = [0, 0, 0, 0]
            for k in units {
                let u = d.units[k], m = u.markupCounts
                n[0] += markdownCodeSpans(u); n[1] += m.strong; n[2] += m.emphasis
                n[3] += u.links.filter { !$0.isImage }.count
            }
            return n
        }
        let s = counts(pair.source, p.source), t = counts(pair.target, c.document)
        var opening = (0..<4).map { max(0, t[$0] - s[$0]) }, closing = opening
        return missing.filter { m in
            guard let k = markdownForm(m.value) else { return true }
            if m.value.hasPrefix("</") {
                guard closing[k] > 0 else { return true }
                closing[k] -= 1
            } else {
                guard opening[k] > 0 else { return true }
                opening[k] -= 1
            }
            return false
        }
    }

    /// The texts of the `<code>` elements of a unit (its code spans that a `<code>` tag opens),
    /// trimmed and lowercased.
    static func codeElementTexts(_ u: Unit) -> [String] {
        let opened = Set(u.inlineTags.filter { !$0.closing && $0.name.lowercased() == "code" }.map(\.range.upperBound))
        return u.inlineCode.filter { opened.contains($0.range.lowerBound) }.map { $0.code.trimmingCharacters(in: .whitespaces).lowercased() }
    }

    /// True when `text` is one of `written` or an item of one of them written as a list: a
    /// separator (`,`, `、`, `，`, `/`, `|`, a Han word such as 和) or an end on each side, spaces
    /// aside (`xls` in `xlsx 和 xls`; not in `xlsx`, nor `make` in `make test`, nor `"default"`
    /// in `{"default": 0.5}`, a piece of other code).
    static func writtenIn(_ text: String, _ written: [String]) -> Bool {
        guard !text.isEmpty else { return false }
        func separates(_ c: Character) -> Bool {
            c == "," || c == "、" || c == "，" || c == "/" || c == "|" || c.unicodeScalars.allSatisfy { isHanIdeograph($0.value) }
        }
        for w in written {
            if w == text { return true }
            var from = w.startIndex
            while let r = w.range(of: text, range: from..<w.endIndex) {
                var b = r.lowerBound
                while b > w.startIndex && w[w.index(before: b)] == " " { b = w.index(before: b) }
                var a = r.upperBound
                while a < w.endIndex && w[a] == " " { a = w.index(after: a) }
                let before = b == w.startIndex || separates(w[w.index(before: b)])
                let after = a == w.endIndex || separates(w[a])
                if before && after { return true }
                from = w.index(after: r.lowerBound)
            }
        }
        return false
    }

    /// `missing` without the `<code>` and `</code>` tags beyond the source's code elements whose
    /// text the translation writes in code nowhere (a `<code>` element or a code span): the
    /// others are repetitions said once.
    static func withoutRepeatedCode(_ missing: [Mention<String>], _ c: FileContext, _ p: Pairing,
                                    _ pair: ConsistencyPair) -> [Mention<String>] {
        // Code the translation writes: its `<code>` elements and its spans in backticks.
        let written = pair.target.flatMap { c.document.units[$0].inlineCode.map { $0.code.trimmingCharacters(in: .whitespaces).lowercased() } }
        var opening = 0
        for k in pair.source { opening += codeElementTexts(p.source.units[k]).filter { !writtenIn($0, written) }.count }
        var closing = opening
        return missing.filter { m in
            guard tagName(m.value) == "code" else { return true }
            if m.value.hasPrefix("</") {
                guard closing > 0 else { return false }
                closing -= 1
            } else {
                guard opening > 0 else { return false }
                opening -= 1
            }
            return true
        }
    }

    /// The missing tags (indices into `missing`) that are anchors only (every attribute `id` or
    /// `name`: `<a id="quick">`, `<span name="faq">`) whose id no link of the translation's
    /// page goes to, and how many closing tags of each name go with them.
    static func unusedAnchors(_ missing: [Mention<String>], _ p: Pairing, linked: () -> Set<String>) -> (opening: Set<Int>, closing: [String: Int]) {
        var opening = Set<Int>(), closing: [String: Int] = [:]
        for (x, m) in missing.enumerated() where !m.value.hasPrefix("</") {
            let u = p.source.units[m.unit]
            guard let t = u.inlineTags.first(where: { $0.range == m.range }), !t.closing, !t.attributes.isEmpty,
                  t.attributes.allSatisfy({ $0.name == "id" || $0.name == "name" }) else { continue }
            let id = makeString(u.text[t.attributes[0].value])
            guard !id.isEmpty, !linked().contains(id) else { continue }
            opening.insert(x)
            if !t.selfClosing && !InlineTag.void.contains(t.name.lowercased()) { closing[t.name.lowercased(), default: 0] += 1 }
        }
        return (opening, closing)
    }

    /// Placeholders written on the lines right before and after unit `k` that belong to no
    /// unit and no code block (up to eight lines each way, HTML comments left out).
    static func besideUnit(_ d: Document, _ k: Int) -> [String] {
        let u = d.units[k], src = d.source
        let before = max(k > 0 ? d.units[k - 1].end.line + 1 : 1, u.start.line - 8)
        let after = min(k + 1 < d.units.count ? d.units[k + 1].start.line - 1 : src.lineCount, u.end.line + 8)
        // (Units may share a line: table cells.)
        var lines = before < u.start.line ? Array(before..<u.start.line) : []
        if u.end.line < after { lines += Array((u.end.line + 1)...after) }
        lines.removeAll { l in d.codeBlocks.contains { $0.startLine <= l && l <= $0.endLine } }
        var out: [String] = []
        var inComment = false
        var closingRun = true
        for l in lines {
            let start = src.lineStarts[l - 1], end = l < src.lineCount ? src.lineStarts[l] : src.bytes.count
            // The line's bytes without comments (which may span lines).
            var kept: [UInt8] = []
            var i = start
            func at(_ i: Int, _ s: StaticString) -> Bool {
                i + s.utf8CodeUnitCount <= end && (0..<s.utf8CodeUnitCount).allSatisfy { src.bytes[i + $0] == s.utf8Start[$0] }
            }
            while i < end {
                if inComment {
                    if at(i, "-->") { inComment = false; i += 3 } else { i += 1 }
                } else if at(i, "<!--") {
                    inComment = true
                    i += 4
                } else {
                    kept.append(src.bytes[i])
                    i += 1
                }
            }
            let scalars = String(decoding: kept, as: UTF8.self).unicodeScalars.map(\.value)
            for r in Placeholders.find(scalars, eligible: { _ in true }) { out.append(Placeholders.normalized(makeString(scalars[r]))) }
            // A line after the unit of closing tags alone (`</details>` under a list whose last
            // item the source closes it in): the unit's closing tags, moved to a line of their own.
            // (Only the run of such lines right after the unit, blank lines between.)
            if l > u.end.line && closingRun {
                let tags = closingTagsAlone(kept)
                if tags.isEmpty && kept.contains(where: { !(0x09...0x0D).contains($0) && $0 != 0x20 }) { closingRun = false }
                out += tags
            }
        }
        return out
    }

    /// The closing tags of a line that holds nothing else (`</details>`, `</div></details>`), as
    /// ``placeholders(_:_:unit:)`` writes them; none for any other line.
    static func closingTagsAlone(_ line: [UInt8]) -> [String] {
        let raw = String(decoding: line, as: UTF8.self).unicodeScalars.map(\.value)
        var out: [String] = []
        var i = 0
        while i < raw.count {
            if raw[i] == 0x20 || raw[i] == 0x09 || raw[i] == 0x0A || raw[i] == 0x0D { i += 1; continue }
            guard raw[i] == 0x3C, let tag = InlineElements.parseTag(raw, at: i), tag.closing, !tag.name.isEmpty else { return [] }
            out.append("</\(tag.name)>")
            i = tag.range.upperBound
        }
        return out
    }

    /// Opening tags of the target whose closing tag is missing (or closing ones with no opening),
    /// where the source's are balanced.
    private func unbalanced(_ source: [Mention<String>], in target: [Mention<String>]) -> [Mention<String>] {
        func balance(_ ms: [Mention<String>]) -> [String: Int] {
            var b: [String: Int] = [:]
            for m in ms where m.value.hasPrefix("<") {
                if m.value.hasPrefix("</") { b[String(m.value.dropFirst(2).dropLast()), default: 0] -= 1 }
                else if !m.value.hasSuffix("/>") { b[String(m.value.dropFirst().dropLast()), default: 0] += 1 }
            }
            return b
        }
        let sb = balance(source), tb = balance(target)
        var out: [Mention<String>] = []
        for m in target where m.value.hasPrefix("<") && !m.value.hasSuffix("/>") {
            let name = m.value.hasPrefix("</") ? String(m.value.dropFirst(2).dropLast()) : String(m.value.dropFirst().dropLast())
            guard (sb[name] ?? 0) == 0, let b = tb[name], b != 0, InlineTag.void.contains(name.lowercased()) == false else { continue }
            if (b > 0) == !m.value.hasPrefix("</") && !out.contains(where: { $0.value == m.value }) { out.append(m) }
        }
        return out
    }
}

/// `markup-mismatch` (info): emphasis, strong, strikethrough, footnote references and hard
/// line breaks the source unit has and the translation lost; a list item at another depth; a
/// table row with another number of columns, or a table written as rows that no longer render
/// as one (a warning); a heading at another level than the others keep, or written as a
/// paragraph, quote or list item;
/// a code block's language changed or dropped.
public struct MarkupMismatchRule: Rule {
    public let id = "markup-mismatch"
    public let defaultSeverity = Severity.info
    public let summary = "Bilingual: emphasis, strong, strikethrough, footnote references or line breaks lost, list nesting, heading level, code-block language, container type, GitHub alert or table shape changed."
    public let isBilingual = true
    public var examples: [RuleExample] {
        [
            RuleExample("↓不要在渲染时修改状态。\n", source: "**Never** mutate state during rendering.\n"),
            // Two items of a list merged into one; an item's two paragraphs written as one are not.
            RuleExample("1. 下载安装包。\n2. ↓运行安装程序，然后选择语言。如果没有看到图标，请重新登录。\n",
                        source: "1. Download the package.\n2. Run the installer and pick a language.\n3. Sign in again if the icon does not appear.\n"),
            RuleExample("1. 下载安装包。\n2. 运行安装程序，然后选择语言。\n   如果没有看到图标，请重新登录。\n",
                        source: "1. Download the package.\n2. Run the installer and pick a language.\n\n   Sign in again if the icon does not appear.\n"),
            RuleExample("**绝不要**在渲染时修改状态。\n", source: "**Never** mutate state during rendering.\n"),
            // A footnote reference lost with its note; where the translation still writes the
            // note, `missing-translation` reports the reference, and this rule does not again.
            RuleExample("↓这一点已有研究证实。\n", source: "Research confirms this.[^1]\n\n[^1]: See the paper.\n"),
            RuleExample("这一点已有研究证实。\n\n[^1]: 见论文。\n", source: "Research confirms this.[^1]\n\n[^1]: See the paper.\n"),
            RuleExample("| 名称 | 类型 |\n| --- | --- |\n↓| `size` |\n", source: "| Name | Type |\n| --- | --- |\n| `size` | number |\n"),
            // A table whose header row the translation dropped shows as a paragraph: reported
            // once, at its first line, as a warning; its rows are paired with the table's.
            RuleExample("# 配置\n\n↓|------|-------|\n| `MODE` | 0 = 单次测量，1 = 连续测量 |\n| `ODR` | 输出数据速率 |\n",
                        source: "# Config\n\n| Field | Description |\n|------|-------|\n| `MODE` | 0 = single shot, 1 = continuous |\n| `ODR` | Output data rate |\n"),
            // A table written as a list, one item a row: reported once, at its first item; the
            // rows are paired with their items, the header with nothing (a list has none).
            RuleExample("# 重试\n\n↓- 最大重试次数：失败后再次运行的次数，例如 `3`。\n- 重试间隔：两次运行之间等待的秒数（默认 `60`）。\n",
                        source: "# Retry\n\n| Field | Meaning |\n| --- | --- |\n| Max retries | How many times the job runs again after a failure, such as `3`. |\n| Retry delay | The wait between two runs, in seconds (default `60`). |\n"),
            RuleExample("强调*可以*用斜体。\n", source: "Emphasis *can* be italic.\n"),
            RuleExample("这本书叫《星落战术》。\n", source: "The book is called *Starfall Tactics*.\n"),
            // A heading level changed where the other headings keep theirs; a translation that
            // moves every heading alike is not reported.
            RuleExample("## 安装\n\n先安装依赖。\n\n### ↓配置\n\n再写配置文件。\n",
                        source: "## Install\n\nInstall the dependencies first.\n\n## Configure\n\nThen write the configuration file.\n"),
            RuleExample("### 安装\n\n先安装依赖。\n\n### 配置\n\n再写配置文件。\n\n#### 选项\n\n按需修改选项。\n",
                        source: "## Install\n\nInstall the dependencies first.\n\n## Configure\n\nThen write the configuration file.\n\n### Options\n\nChange the options as needed.\n"),
            // A heading written as a paragraph (or a quote, a list item), or with its paragraph
            // as one item under a bold label: the aligner pairs it where the lexicon links the
            // two, and the page has lost a heading.
            RuleExample("# 指南\n\n- ↓**任务关系：** 点击节点右侧的加号连接任务。\n",
                        source: "# Guide\n\n### Task relationships\n\nClick the plus sign on the right of a node to connect the tasks.\n"),
            RuleExample("# 告警\n\n创建告警实例并选择插件。\n\n↓参数配置\n\n- 每个参数都有默认值。\n",
                        source: "# Alerts\n\nCreate an alert instance and pick the plugin.\n\n## Parameter Configuration\n\n- Each parameter has a default value.\n"),
            RuleExample("# 告警\n\n创建告警实例并选择插件。\n\n## 参数配置\n\n- 每个参数都有默认值。\n",
                        source: "# Alerts\n\nCreate an alert instance and pick the plugin.\n\n## Parameter Configuration\n\n- Each parameter has a default value.\n"),
            // A code block's language changed or dropped; another name of the same language, or
            // one the translation adds, is not reported.
            RuleExample("运行下面的代码：\n\n↓```java\nval total = items.sum()\n```\n",
                        source: "Run the code below:\n\n```kotlin\nval total = items.sum()\n```\n"),
            RuleExample("写入配置：\n\n↓```\nretries: 3\n```\n", source: "Write the configuration:\n\n```yaml\nretries: 3\n```\n"),
            RuleExample("运行下面的代码：\n\n```javascript\nconsole.log(total)\n```\n\n```sh\nnpm test\n```\n",
                        source: "Run the code below:\n\n```js\nconsole.log(total)\n```\n\n```\nnpm test\n```\n"),
            // A container's type changed (`:::warning` → `:::tip`); a title the translation adds
            // or translates is the reader's text.
            RuleExample("升级前请注意：\n\n↓:::tip\n升级会清空缓存。\n:::\n", source: "Before you upgrade:\n\n:::warning\nUpgrading clears the cache.\n:::\n"),
            RuleExample("升级前请注意：\n\n::: warning 警告\n升级会清空缓存。\n:::\n\n::: tip 提示\n旧的缓存文件可以删除。\n:::\n",
                        source: "Before you upgrade:\n\n::: warning\nUpgrading clears the cache.\n:::\n\n::: tip Note\nOld cache files can be deleted.\n:::\n"),
            // A GitHub alert's marker translated or dropped: GitHub shows no box; its case aside.
            RuleExample("> ↓[!注意]\n> 本插件需要 0.10 或更高版本。\n", source: "> [!NOTE]\n> The plugin needs version 0.10 or later.\n"),
            RuleExample("> ↓本插件需要 0.10 或更高版本。\n", source: "> [!WARNING]\n> The plugin needs version 0.10 or later.\n"),
            RuleExample("> [!note]\n> 本插件需要 0.10 或更高版本。\n", source: "> [!NOTE]\n> The plugin needs version 0.10 or later.\n"),
            // An ordered list that starts at another number; items numbered alike (`1.` `1.`)
            // render as the source's.
            RuleExample("步骤：\n\n4. ↓安静坐好。\n5. 缠绕袖带。\n", source: "Steps:\n\n1. Sit quietly.\n2. Wrap the cuff.\n"),
            RuleExample("步骤：\n\n1. 安静坐好。\n1. 缠绕袖带。\n", source: "Steps:\n\n1. Sit quietly.\n2. Wrap the cuff.\n"),
            // A task-list box lost, or checked where the source's is not.
            RuleExample("- [ ] 文档已更新。\n- ↓测试已通过。\n", source: "- [ ] Docs are updated.\n- [ ] Tests pass.\n"),
            RuleExample("- [ ] 文档已更新。\n- [x] 测试已通过。\n", source: "- [ ] Docs are updated.\n- [X] Tests pass.\n"),
            // Bold written but broken is `unrendered-emphasis`'s to report.
            RuleExample("**注意：**升级前请先备份数据。\n", source: "**Note:** back up your data before upgrading.\n"),
        ]
    }

    public init() {}

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self), let p = c.pairing else { return }
        // Units whose asterisks `unrendered-emphasis` reports: their bold is there, broken.
        let broken: Set<Int> = c.settings.severity(UnrenderedEmphasisRule()) == nil ? [] : Set(c.typographyScan.asteriskUnits)
        // Footnote references lost where the translation still writes the note: reported by
        // `missing-translation` at the place of the reference, once (by target unit).
        var lostReferences: [Int: Int] = [:]
        if c.settings.severity(MissingTranslationRule()) != nil {
            for lost in FootnoteReferences.lost(c) { lostReferences[lost.unit, default: 0] += 1 }
        }
        for pair in c.consistencyCache.pairs {
            var s = MarkupCounts(), t = MarkupCounts()
            for u in pair.source { s.add(p.source.units[u].markupCounts) }
            for u in pair.target { if let k = lostReferences[u] { t.footnoteReferences += k } }
            // Chinese writes a work's title in 《》 where English writes it in italics.
            var titles = 0
            for u in pair.target where !c.analyses[u].isNote {
                t.add(c.document.units[u].markupCounts)
                let unit = c.document.units[u]
                for i in unit.text.indices where unit.text[i] == 0x300A && unit.roles[i] == .content { titles += 1 }
            }
            let kinds: [(String, Int, Int, String)] = [
                ("strong", s.strong, t.strong, "**"), ("emphasis", s.emphasis, t.emphasis + titles, "*"),
                ("strikethrough", s.strikethrough, t.strikethrough, "~~"),
                ("footnote", s.footnoteReferences, t.footnoteReferences, "[^]"), ("line-break", s.hardBreaks, t.hardBreaks, "\\"),
            ]
            let brokenEmphasis = !broken.isEmpty && pair.target.contains { broken.contains($0) }
            for (kind, sc, tc, mark) in kinds where tc < sc && !(brokenEmphasis && (kind == "strong" || kind == "emphasis")) {
                let first = firstSourceElement(kind, pair, p.source) ?? mark
                let tu = pair.target[0]
                emit(c.mismatch(self, severity: severity, place: (tu, 0..<c.document.units[tu].text.count),
                                key: "markup-mismatch", sourceUnit: pair.source[0],
                                values: ["what": c.messages.text("markup.\(kind)"), "count": String(sc), "found": String(tc)],
                                source: first, target: nil,
                                extra: [("markup", .string(kind)), ("sourceCount", .int(sc)), ("targetCount", .int(tc))]))
            }
            // List nesting, one list item to one.
            if pair.source.count == 1, pair.target.count == 1,
               case .listItem(let sd) = p.source.units[pair.source[0]].kind, case .listItem(let td) = c.document.units[pair.target[0]].kind, sd != td {
                let tu = pair.target[0]
                emit(c.mismatch(self, severity: severity, place: (tu, 0..<c.document.units[tu].text.count), key: "markup-mismatch.list",
                                sourceUnit: pair.source[0], values: [:], source: String(sd), target: String(td),
                                extra: [("markup", "list-depth")]))
            }
            // An ordered list that starts at another number (`1.` → `4.`): the steps the reader
            // sees are numbered otherwise. Only the first item's number is rendered.
            if pair.source.count == 1, pair.target.count == 1, let ss = TaskBoxes.listStart(p.source, pair.source[0]),
               let ts = TaskBoxes.listStart(c.document, pair.target[0]), ss != ts {
                let tu = pair.target[0]
                emit(c.mismatch(self, severity: severity, place: (tu, 0..<c.document.units[tu].text.count), key: "markup-mismatch.start",
                                sourceUnit: pair.source[0], values: [:], source: String(ss), target: String(ts),
                                extra: [("markup", "list-start")]))
            }
            // A task-list box (`- [ ]`) lost or its state changed, one list item to one.
            if pair.source.count == 1, pair.target.count == 1, let sb = TaskBoxes.box(p.source, pair.source[0]),
               case let tb = TaskBoxes.box(c.document, pair.target[0]), tb != sb {
                let tu = pair.target[0]
                emit(c.mismatch(self, severity: severity, place: (tu, 0..<c.document.units[tu].text.count), key: "markup-mismatch.task",
                                sourceUnit: pair.source[0], values: [:], source: sb, target: tb ?? c.messages.text("markup-mismatch.no-task", [:]),
                                extra: [("markup", "task-box")]))
            }
        }
        // List items of the source merged into one item of the translation (`1.` `2.` `3.` → `1.`
        // `2.`, the third's text in the second): the list's items are the source's steps.
        var lone: [LoneSentence]? = nil
        for bead in p.alignment.beads where bead.source.count >= 2 && bead.target.count == 1 {
            guard let tu = c.document.unitIndex(block: bead.target[0]), case .listItem(let td) = c.document.units[tu].kind,
                  !c.analyses[tu].isNote else { continue }
            let su = bead.source.compactMap { p.source.unitIndex(block: $0) }
            guard su.count == bead.source.count,
                  su.allSatisfy({ if case .listItem(let d) = p.source.units[$0].kind { return d == td } else { return false } }),
                  // Items, each on the line of its own marker (not two paragraphs of one item) …
                  su.allSatisfy({ TaskBoxes.afterMarker(p.source, $0) != nil }),
                  // … written in as many sentences at least (two short items read as one
                  // sentence are blocks the aligner put together for want of better) …
                  c.analyses[tu].sentences.count >= su.count else { continue }
            // … and each of whose sentences has its translation in the item (a sentence left alone
            // says the blocks were paired loosely, not merged).
            if lone == nil { lone = LoneSentences.find(c) }
            if lone!.contains(where: { !$0.merged && !$0.clause && su.contains($0.unit) }) { continue }
            let first = p.source.units[su[0]], last = p.source.units[su[su.count - 1]]
            emit(c.mismatch(self, severity: severity, place: (tu, 0..<c.document.units[tu].text.count), key: "markup-mismatch.items",
                            sourceUnit: su[0], values: ["count": String(su.count), "end": String(last.start.line)],
                            source: first.string(0..<first.text.count), target: nil, extra: [("markup", "list-items")]))
        }
        for f in TableShapes.mismatches(c, severity: severity, rule: self) { emit(f) }
        // A table that no longer renders is worse than a mark lost: a warning, unless the
        // configuration sets the rule's severity.
        let tableSeverity = c.settings.severities[id] == nil ? Severity.warning : severity
        for f in TableShapes.broken(c, severity: tableSeverity, rule: self) { emit(f) }
        // A table written as a list, one item a row: the aligner pairs its rows with the items.
        for f in TableShapes.writtenAsLists(c, severity: severity, rule: self) { emit(f) }
        // Heading levels, one heading to one: a level changed where the other headings keep
        // theirs. A translation that moves every heading alike (all one deeper) has its reasons;
        // the usual shift is the one most headings take (no shift on a tie). In an outline so
        // moved, a heading left at the source's level is not reported: a title dropped or merged
        // moved the rest, and pairs of short headings are then as likely misaligned. Two
        // headings with explicit ids (`{#setup}`, `{/*setup*/}`) that differ are no pair.
        // A heading the translation wrote as a paragraph, a quote or a list item (`## Parameters`
        // → 参数配置 on a line of its own, or a bold label): the page's outline and the heading's
        // anchor are lost. One heading to one block, which the aligner pairs only where the
        // lexicon links them (else the heading is `missing-translation`'s).
        var headings: [(source: Int, target: Int, sourceLevel: Int, targetLevel: Int)] = []
        var asText: [(source: Int, target: Int, level: Int)] = []
        for pair in c.consistencyCache.pairs where pair.source.count == 1 && pair.target.count == 1 {
            let su = p.source.units[pair.source[0]], tu = c.document.units[pair.target[0]]
            if case .heading(let sl) = su.kind, case .heading(let tl) = tu.kind {
                if let a = p.source.headingID(of: su), let b = c.document.headingID(of: tu), a.id != b.id { continue }
                headings.append((pair.source[0], pair.target[0], sl, tl))
            } else if case .heading(let sl) = su.kind {
                asText.append((pair.source[0], pair.target[0], sl))
            }
        }
        // A heading and its paragraph written as one block under a bold label (`### Save` and
        // its paragraph → `- **保存：** 点击…`): the aligner makes such a bead only where the
        // lexicon links the label to the heading, whatever the bead's score.
        for bead in p.alignment.beads where bead.source.count == 2 && bead.target.count == 1 {
            guard let s0 = p.source.unitIndex(block: bead.source[0]), case .heading(let sl) = p.source.units[s0].kind,
                  let t0 = c.document.unitIndex(block: bead.target[0]) else { continue }
            asText.append((s0, t0, sl))
        }
        for h in asText where !c.analyses[h.target].isNote {
            let tu = c.document.units[h.target]
            let what: String
            switch tu.kind {
            case .paragraph: what = "paragraph"
            case .listItem: what = "list-item"
            case .quote: what = "quote"
            default: continue
            }
            emit(c.mismatch(self, severity: severity, place: (h.target, 0..<tu.text.count), key: "markup-mismatch.heading-kind",
                            sourceUnit: h.source, values: ["what": c.messages.text("markup.block.\(what)")],
                            source: String(repeating: "#", count: h.level), target: nil,
                            extra: [("markup", "heading-kind"), ("targetKind", .string(what))]))
        }
        if headings.contains(where: { $0.sourceLevel != $0.targetLevel }) {
            var shifts: [Int: Int] = [:]
            for h in headings { shifts[h.targetLevel - h.sourceLevel, default: 0] += 1 }
            let usual = shifts.max { ($0.value, -abs($0.key), -$0.key) < ($1.value, -abs($1.key), -$1.key) }!.key
            for h in headings where h.targetLevel - h.sourceLevel != usual && h.targetLevel != h.sourceLevel {
                emit(c.mismatch(self, severity: severity, place: (h.target, 0..<c.document.units[h.target].text.count),
                                key: "markup-mismatch.heading", sourceUnit: h.source, values: [:],
                                source: String(repeating: "#", count: h.sourceLevel), target: String(repeating: "#", count: h.targetLevel),
                                extra: [("markup", "heading-level")]))
            }
        }
        // A code block's language (the first word of its info string), which highlighting and
        // tabbed code groups read: changed or dropped. One the translation adds is not reported.
        for (s, t) in c.codeBlockPairs {
            let sb = p.source.codeBlocks[s], tb = c.document.codeBlocks[t]
            let a = MarkupMismatchRule.language(sb.info), b = MarkupMismatchRule.language(tb.info)
            guard !a.isEmpty, !MarkupMismatchRule.sameLanguage(a, b), tb.startLine >= 1, tb.startLine <= c.document.source.lineCount else { continue }
            let line = c.document.source.scalars(c.document.source.lineByteRange(tb.startLine))
            var lo = 0, hi = line.count
            while lo < hi && (line[lo] == 0x20 || line[lo] == 0x09 || line[lo] == 0x3E) { lo += 1 }
            while hi > lo && (line[hi - 1] == 0x20 || line[hi - 1] == 0x09) { hi -= 1 }
            let span = Span(start: TextPosition(line: tb.startLine, column: lo + 1), end: TextPosition(line: tb.startLine, column: max(lo + 1, hi)))
            let key = b.isEmpty ? "markup-mismatch.fence-missing" : "markup-mismatch.fence"
            emit(Finding(rule: id, severity: severity, file: c.document.path, span: span,
                         message: c.messages.text(key, ["line": String(sb.startLine), "source": a, "target": b]),
                         text: makeString(line[lo..<max(lo, hi)]),
                         details: [("details", .object([("source", .string(a)), ("target", b.isEmpty ? .null : .string(b)),
                                                        ("sourceLine", .int(sb.startLine)), ("markup", .string("code-language"))]))]))
        }
        // A container's type (`:::warning` → `:::tip`), which sets its colour, icon and title,
        // like a code block's language: each container of the translation judged by the first
        // confident pair whose units both sit in a container. The title after the type word
        // is the reader's text (`::: tip 提示`), not compared.
        let sourceBoxes = MarkupMismatchRule.containers(p.source)
        if !sourceBoxes.isEmpty {
            let targetBoxes = MarkupMismatchRule.containers(c.document)
            let sin = MarkupMismatchRule.unitContainers(p.source, sourceBoxes), tin = MarkupMismatchRule.unitContainers(c.document, targetBoxes)
            var judged = Set<Int>(), usedSource = Set<Int>()
            for pair in c.consistencyCache.pairs {
                guard let sx = sin[pair.source[0]], let tx = tin[pair.target[0]], !judged.contains(tx), !usedSource.contains(sx) else { continue }
                judged.insert(tx)
                usedSource.insert(sx)
                let a = sourceBoxes[sx], b = targetBoxes[tx]
                guard !a.type.isEmpty, a.type != b.type else { continue }
                let (span, text) = MarkupMismatchRule.lineSpan(c.document, b.open)
                let key = b.type.isEmpty ? "markup-mismatch.container-missing" : "markup-mismatch.container"
                emit(Finding(rule: id, severity: severity, file: c.document.path, span: span,
                             message: c.messages.text(key, ["line": String(a.open), "source": a.type, "target": b.type]),
                             text: text,
                             details: [("details", .object([("source", .string(a.type)), ("target", b.type.isEmpty ? .null : .string(b.type)),
                                                            ("sourceLine", .int(a.open)), ("markup", .string("container-type"))]))]))
            }
        }
        // A GitHub alert's marker (`> [!WARNING]` on a quote's first line), which GitHub renders
        // as a coloured box only as written: translated (`[!注意]`), changed or dropped, the box
        // is gone or another. Each confident pair whose source unit opens with one.
        for pair in c.consistencyCache.pairs {
            let su = p.source.units[pair.source[0]], tu = c.document.units[pair.target[0]]
            guard let a = MarkupMismatchRule.alertMarker(p.source, su.start.line) else { continue }
            let b = MarkupMismatchRule.alertMarker(c.document, tu.start.line)
            guard b?.uppercased() != a.uppercased() else { continue }
            let (span, text) = MarkupMismatchRule.lineSpan(c.document, tu.start.line)
            emit(Finding(rule: id, severity: severity, file: c.document.path, span: span,
                         message: c.messages.text(b == nil ? "markup-mismatch.alert-missing" : "markup-mismatch.alert",
                                                  ["line": String(su.start.line), "source": a, "target": b ?? ""]),
                         text: text,
                         details: [("details", .object([("source", .string(a)), ("target", b.map { .string($0) } ?? .null),
                                                        ("sourceLine", .int(su.start.line)), ("markup", .string("alert"))]))]))
        }
    }

    /// The span of a line's text after the quote markers and spaces that open it, and the text.
    static func lineSpan(_ d: Document, _ n: Int) -> (Span, String) {
        let line = d.source.scalars(d.source.lineByteRange(n))
        var lo = 0, hi = line.count
        while lo < hi && (line[lo] == 0x20 || line[lo] == 0x09 || line[lo] == 0x3E) { lo += 1 }
        while hi > lo && (line[hi - 1] == 0x20 || line[hi - 1] == 0x09) { hi -= 1 }
        return (Span(start: TextPosition(line: n, column: lo + 1), end: TextPosition(line: n, column: max(lo + 1, hi))),
                makeString(line[lo..<max(lo, hi)]))
    }

    /// The type of a GitHub alert that line `n` opens (`> [!NOTE]` → `NOTE`, `> [!注意]` → `注意`),
    /// or nil: in a block quote, `[!` and a word and `]`, alone on the line.
    static func alertMarker(_ d: Document, _ n: Int) -> String? {
        let b = d.source.bytes, r = d.source.lineByteRange(n)
        var k = r.lowerBound, quoted = false
        while k < r.upperBound && (b[k] == 0x20 || b[k] == 0x09 || b[k] == 0x3E) { quoted = quoted || b[k] == 0x3E; k += 1 }
        guard quoted, k + 3 < r.upperBound, b[k] == 0x5B, b[k + 1] == 0x21 else { return nil }
        var e = k + 2
        while e < r.upperBound && b[e] != 0x5D && b[e] != 0x20 { e += 1 }
        guard e < r.upperBound, e > k + 2,
              b[(e + 1)..<r.upperBound].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }) else { return nil }
        return String(decoding: b[(k + 2)..<e], as: UTF8.self)
    }

    /// A `:::` container of Docusaurus or VitePress (`:::warning`, `::: tip 提示`,
    /// `:::info{title=…}`): its lines and its type word (lowercased; empty when it has none).
    struct Container {
        var open: Int, close: Int, type: String
    }

    /// The containers of a document, nested ones too (lines of code blocks are code).
    static func containers(_ d: Document) -> [Container] {
        let b = d.source.bytes
        // Most documents have none: one pass over the bytes says so.
        var any = false
        var i = 2
        while i < b.count { if b[i] == 0x3A && b[i - 1] == 0x3A && b[i - 2] == 0x3A { any = true; break }; i += 1 }
        guard any else { return [] }
        var code = Set<Int>()
        for cb in d.codeBlocks where cb.startLine <= cb.endLine { for l in cb.startLine...cb.endLine { code.insert(l) } }
        var out: [Container] = [], open: [Int] = []
        for line in 1...max(1, d.source.lineCount) where line <= d.source.lineCount && !code.contains(line) {
            let r = d.source.lineByteRange(line)
            var k = r.lowerBound
            while k < r.upperBound && (b[k] == 0x20 || b[k] == 0x09 || b[k] == 0x3E) { k += 1 }
            var colons = k
            while colons < r.upperBound && b[colons] == 0x3A { colons += 1 }
            guard colons - k >= 3 else { continue }
            var w = colons
            while w < r.upperBound && b[w] == 0x20 { w += 1 }
            var e = w
            while e < r.upperBound && (isASCIILetter(UInt32(b[e])) || (b[e] >= 0x30 && b[e] <= 0x39) || b[e] == 0x2D || b[e] == 0x5F) { e += 1 }
            if w == r.upperBound {
                // A closing fence.
                if let x = open.popLast() { out[x].close = line }
                continue
            }
            open.append(out.count)
            out.append(Container(open: line, close: Int.max, type: String(decoding: b[w..<e], as: UTF8.self).lowercased()))
        }
        return out
    }

    /// Each unit's innermost container (index into `containers`), by the unit's first line.
    static func unitContainers(_ d: Document, _ containers: [Container]) -> [Int: Int] {
        var out: [Int: Int] = [:]
        guard !containers.isEmpty else { return out }
        for (k, u) in d.units.enumerated() {
            let line = u.start.line
            var best: Int? = nil
            for (x, box) in containers.enumerated() where box.open <= line && line < box.close {
                if best == nil || containers[best!].open < box.open { best = x }
            }
            if let best { out[k] = best }
        }
        return out
    }

    /// The language of a code block's info string: its first word, before any attribute
    /// (`kotlin title="A.kt"`, `js{4}`, `{.python}`).
    static func language(_ info: String) -> String {
        var word = info.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "{" || $0 == "," || $0 == ":" }).first.map(String.init) ?? ""
        if word.hasPrefix(".") { word.removeFirst() }
        return word.lowercased()
    }

    /// Names highlighters take for one language.
    static let languageAliases: [[String]] = [
        ["js", "javascript", "mjs", "cjs"], ["ts", "typescript"], ["sh", "bash", "shell", "zsh", "shellscript"], ["yml", "yaml"],
        ["py", "python", "python3"], ["md", "markdown"], ["rb", "ruby"], ["kt", "kotlin"], ["rs", "rust"], ["cs", "csharp", "c#"],
        ["cpp", "c++", "cc", "cxx"], ["text", "txt", "plaintext", "plain"], ["golang", "go"], ["jsonc", "json5", "json"],
        ["html", "htm", "vue-html"], ["console", "shell-session", "sh-session"], ["ps1", "powershell", "pwsh"], ["dockerfile", "docker"],
    ]

    static func sameLanguage(_ a: String, _ b: String) -> Bool {
        a == b || languageAliases.contains { $0.contains(a) && $0.contains(b) }
    }

    /// The first strong/emphasis/… element of the pair's source, as written (`**Never**`).
    private func firstSourceElement(_ kind: String, _ pair: ConsistencyPair, _ doc: Document) -> String? {
        for k in pair.source {
            let u = doc.units[k]
            let d: [UInt32] = kind == "strong" ? [0x2A, 0x2A] : kind == "emphasis" ? [0x2A] : kind == "strikethrough" ? [0x7E, 0x7E] : []
            guard !d.isEmpty else { continue }
            var i = 0
            while i < u.text.count {
                if u.roles[i] == .markup && (u.text[i] == 0x2A || u.text[i] == 0x5F || u.text[i] == 0x7E) {
                    var e = i
                    while e < u.text.count && u.text[e] == u.text[i] && u.roles[e] == .markup { e += 1 }
                    let len = e - i
                    let matches = kind == "strong" ? len >= 2 && u.text[i] != 0x7E : kind == "emphasis" ? len % 2 == 1 && u.text[i] != 0x7E : u.text[i] == 0x7E
                    if matches, let close = (e..<u.text.count).first(where: { u.text[$0] == u.text[i] && u.roles[$0] == .markup }) {
                        var end = close
                        while end < u.text.count && u.text[end] == u.text[i] && u.roles[end] == .markup { end += 1 }
                        return u.string(i..<end)
                    }
                    i = e
                    continue
                }
                i += 1
            }
        }
        return nil
    }
}

extension MarkupCounts {
    mutating func add(_ o: MarkupCounts) {
        emphasis += o.emphasis
        strong += o.strong
        strikethrough += o.strikethrough
        footnoteReferences += o.footnoteReferences
        hardBreaks += o.hardBreaks
    }
}
