import Foundation
import Testing
@testable import BitextAlign
@testable import BitextCheck
@testable import BitextMarkdown
@testable import BitextText

/// The pieces the consistency rules are built from: numbers, code, placeholders, anchors, links.
@Suite struct ConsistencyTests {
    /// The English month names and their words (`locales/en.units.yml`).
    static let months = (try? LocaleData.load("en"))?.months ?? LocaleData.Months()

    /// The messages of `rule` (number-mismatch unless said) on a translation and its source.
    func messages(_ target: String, _ source: String, rule: any Rule = NumberMismatchRule(), settings: [String: String] = [:]) throws -> [String] {
        try Harness.findings(rule: rule, target: target, source: source, settings: settings).map(\.message)
    }

    /// A time bound turned round (review 27 D14): `no later than 10:00` → `10:00 之后`; `之前`,
    /// `最迟` are silent, and `之后` beside a number whose source states no time bound (`at least
    /// 24 hours before` → `24 小时之前`) is no bound.
    @Test func timeBoundReversed() throws {
        let m = try messages("请于缺勤首日 10:00 之后告知经理。", "Tell your manager no later than 10:00 on the first day of absence.")
        #expect(m.count == 1 && m[0].contains("no later than 10:00") && m[0].contains("10:00 之后"), "\(m)")
        #expect(try messages("请于缺勤首日 10:00 之前告知经理。", "Tell your manager no later than 10:00 on the first day of absence.").isEmpty)
        #expect(try messages("请最迟于缺勤首日 10:00 告知经理。", "Tell your manager no later than 10:00 on the first day of absence.").isEmpty)
        #expect(try messages("请至少在开始 24 小时之前到达。", "Arrive at least 24 hours before the start.").isEmpty)
    }

    /// `每` (the locale's `ratePer`) and a unit of time with no number is one of that unit
    /// (review 28 D1): `every 12 months` → `每年` renders the 12 months (zh-Hant `每週` the 7
    /// days); a 一 before a measure word (一次) stands for no number with a unit: `每月` for 12
    /// months reports the 12 missing, not changed into 一.
    @Test func perUnitRendersTime() throws {
        let s = "Service the car every 15,000 km or 12 months, whichever comes first."
        #expect(try messages("每行驶 15,000 km 或每年保养一次，以先到者为准。", s).isEmpty)
        #expect(try messages("每行驶 15,000 km 或每年保养，以先到者为准。", s).isEmpty)
        #expect(try messages("每周备份一次数据。", "Back up the data every 7 days.").isEmpty)
        #expect(try messages("每天轮换一次密钥。", "Rotate keys every 24 hours.").isEmpty)
        #expect(try messages("每週備份一次資料。", "Back up the data every 7 days.", settings: ["target": "zh-Hant"]).isEmpty)
        let m = try messages("每行驶 15,000 km 或每月保养一次，以先到者为准。", s)
        #expect(m.count == 1 && m[0].contains("12") && m[0].contains("missing"), "\(m)")
        #expect(try messages("每天备份一次数据。", "Back up the data every 7 days.").count == 1)
    }

    /// A fraction `N/D` (proper, a small denominator; no date, path or ratio) is one number by
    /// its value where the other side has the quotient or a fraction, quoted as written (review
    /// 28 D5): `0.5` → `1/2` is silent, `1/2` → `2/3` and `0.5` → `1/3` are one number changed.
    @Test func fractionsByValue() throws {
        let table = "| Item | Points |\n| --- | --- |\n| Each unused oil token | 0.5 (round down) |\n"
        #expect(try messages("| 计分项 | 分数 |\n| --- | --- |\n| 每个未使用的灯油标记 | 1/2（向下取整） |\n", table).isEmpty)
        #expect(try messages("每个标记得 1/2 分。", "Score 0.5 points per token.").isEmpty)
        #expect(try messages("使用 1/2 杯面粉。", "Use 1/2 cup of flour.").isEmpty)
        #expect(try messages("使用 50/60 Hz 电源。", "Use 50/60 Hz power.").isEmpty)
        #expect(try messages("全天候提供支持。", "Support is available 24/7.").isEmpty)
        let m = try messages("使用 2/3 杯面粉。", "Use 1/2 cup of flour.")
        #expect(m.count == 1 && m[0].contains("1/2") && m[0].contains("2/3"), "\(m)")
        let q = try messages("每个标记得 1/3 分。", "Score 0.5 points per token.")
        #expect(q.count == 1 && q[0].contains("0.5") && q[0].contains("1/3"), "\(q)")
    }

    /// `no`/`not` (`boundNegators`), any comparative and `than` before a number bound it the
    /// other way of the comparative (review 28 D4): `no longer than 90 days` is at most 90,
    /// `no shorter than` (`or shorter` listed nowhere: upper) stays as listed words say.
    @Test func negatedComparativeBound() throws {
        let trip = "- Trips must start and end in the United Kingdom and last no longer than 90 days.\n"
        let m = try messages("- 旅程必须在英国开始和结束，且时长超过 90 天。\n", trip)
        #expect(m.count == 1 && m[0].contains("no longer than 90") && m[0].contains("超过 90"), "\(m)")
        #expect(try messages("- 旅程必须在英国开始和结束，且时长不超过 90 天。\n", trip).isEmpty)
        #expect(try messages("旅程时长至少 90 天。", "Trips must last not longer than 90 days.").count == 1)
        #expect(try messages("至少 5 个。", "No fewer than 5.").isEmpty)
        #expect(try LocaleData.load("en").bounds.negators == ["no", "not"])
    }

    /// A bound a negation scopes goes the other way (review 28 D20): `cannot hold more than 7`
    /// is at most 7 (`最多 7`, `上限为 7`: 上限 of the locale's bounds); the translation's bound
    /// under a negation of its own too (`不要使用超过 5 个`, `切勿向 `VIN` 引脚施加超过 5.5 V`: the
    /// negation among the first characters of its clause). And missing-translation takes such a
    /// bound for the negation said.
    @Test func negatedBound() throws {
        let s = "A played card goes to the discard pile. You cannot hold more than 7 cards; discard down to 7 at the end of your turn."
        let t = "打出的卡放入弃牌堆。手牌上限为 7 张；在你的回合结束时，弃到 7 张。"
        #expect(try messages(t, s).isEmpty)
        #expect(try messages(t, s, rule: MissingTranslationRule()).isEmpty)
        #expect(try messages("手牌最多 7 张。", "You cannot hold more than 7 cards.").isEmpty)
        #expect(try messages("不要使用超过 5 个线程。", "Do not use more than 5 threads.").isEmpty)
        #expect(try messages("至少使用 5 个线程。", "Do not use more than 5 threads.").count == 1)
        #expect(try messages("你可以持有超过 7 张卡。", "You cannot hold more than 7 cards.").count == 1)
        #expect(try messages("你可以持有超过 7 张卡。", "You cannot hold more than 7 cards.", rule: MissingTranslationRule()).count == 1)
        // The translation's negation starting its clause, a code span between (review 30's
        // clean firmware page).
        #expect(try messages("切勿向 `VIN` 引脚施加超过 5.5 V 的电压。", "Never apply more than 5.5 V to the `VIN` pin.").isEmpty)
        #expect(try messages("请向 `VIN` 引脚施加超过 5.5 V 的电压。", "Never apply more than 5.5 V to the `VIN` pin.").count == 1)
        #expect(try messages("接通电源后，向 `VIN` 引脚施加超过 5.5 V 的电压。", "Never apply more than 5.5 V to the `VIN` pin.").count == 1)
    }

    /// A prefix of a quotient's numerator is converted as a simple unit's (review 32 D14):
    /// `1920 mg/m³` = `1.92 g/m³`, `2000 V` = `2 kV`; `1.93 g/m³` is another number.
    @Test func quotientPrefixes() throws {
        #expect(NumberMismatchRule.quotientScale("mg/m³").map { "\($0.scale) \($0.base)" } == "0.001 g/m³")
        #expect(NumberMismatchRule.quotientScale("km/h").map(\.base) == "m/s")
        #expect(NumberMismatchRule.quotientScale("r/min") == nil)
        #expect(try messages("限值为 1000 ppm（1.92 g/m³）。", "The limit is 1000 ppm (1920 mg/m³).").isEmpty)
        #expect(try messages("限值为 2 kV。", "The limit is 2000 V.").isEmpty)
        #expect(try messages("限值为 1000 ppm（1.93 g/m³）。", "The limit is 1000 ppm (1920 mg/m³).").count == 1)
    }

    /// Quantities compared as a multiset (review 32 D11): `65 W` twice in the source, `65 V` and
    /// `65 W` in the translation, is one unit changed, as it is alone; `65 W` twice is silent.
    @Test func repeatedQuantityUnitChanged() throws {
        let s = "The 65 W charger is fast. With a 65 W charger, the Studio charges slowly."
        let m = try messages("65 V 充电器速度快。使用 65 W 充电器时，Studio 充电缓慢。", s)
        #expect(m.count == 1 && m[0].contains("65 W") && m[0].contains("65 V") && m[0].contains("unit"), "\(m)")
        #expect(try messages("65 W 充电器速度快。使用 65 W 充电器时，Studio 充电缓慢。", s).isEmpty)
        #expect(try messages("65 V 充电器速度快。", "The 65 W charger is fast.").count == 1)
    }

    /// A bound after a number or a quantity in code, and before a formula (review 32 D17, review
    /// 31 D9): `from 768 px up`, `` `768px` and above`` → `及以下` turned round, `及以上` not;
    /// `from 3 down to 1` is a change, no bound; `at most $p + q - 1$` → `至少 $p + q - 1$`.
    @Test func boundsBesideCodeAndFormulas() throws {
        #expect(try messages("它在 768 px 及以下显示为弹性容器。", "It is a flex container from 768 px up.").count == 1)
        #expect(try messages("它在 768 px 及以上显示为弹性容器。", "It is a flex container from 768 px up.").isEmpty)
        #expect(try messages("它在 `768px` 及以下显示为弹性容器。", "It is a flex container from `768px` up.").count == 1)
        #expect(try messages("它在 `768px` 及以上显示为弹性容器。", "It is a flex container from `768px` up.").isEmpty)
        let m = try messages("它在 `768px` 及以下生效。", "It applies at `768px` and above.")
        #expect(m.count == 1 && m[0].contains("and above") && m[0].contains("及以下"), "\(m)")
        #expect(try messages("它在 `768px` 及以上生效。", "It applies at `768px` and above.").isEmpty)
        #expect(try messages("数量从 3 以下降到 1。", "The count goes from 3 down to 1.").isEmpty)
        #expect(try messages("合并至少需要 $p + q - 1$ 次比较。", "Merging takes at most $p + q - 1$ comparisons.").count == 1)
        #expect(try messages("合并至多需要 $p + q - 1$ 次比较。", "Merging takes at most $p + q - 1$ comparisons.").isEmpty)
        #expect(try messages("合并至少需要 $p + q$ 次比较。", "Merging takes at most $p + q - 1$ comparisons.").isEmpty)
    }

    /// A comparative of a difference turned round beside its number (review 32 D10): `150 g
    /// lighter than` → `重 150 g`, `35% faster` → `慢 35%`; the same way, or another quantity
    /// (`35% faster` → `耗时缩短 35%`), is silent.
    @Test func differenceTurnedRound() throws {
        let m = try messages("它比 Aster 14 Pro 重 150 g。", "It is 150 g lighter than the Aster 14 Pro.")
        #expect(m.count == 1 && m[0].contains("150 g lighter") && m[0].contains("重 150"), "\(m)")
        #expect(try messages("它比 Aster 14 Pro 轻 150 g。", "It is 150 g lighter than the Aster 14 Pro.").isEmpty)
        #expect(try messages("它编译该项目的速度比 Aster 13 慢 35%。", "It compiled the project 35% faster than the Aster 13.").count == 1)
        #expect(try messages("它编译该项目的速度比 Aster 13 快了 35%。", "It compiled the project 35% faster than the Aster 13.").isEmpty)
        #expect(try messages("它编译该项目的耗时比 Aster 13 缩短 35%。", "It compiled the project 35% faster than the Aster 13.").isEmpty)
        #expect(try messages("文件大小 8 GB。", "The file is 8 GB smaller.").isEmpty)
    }

    /// A position by a distance turned round (review 29 D12): `5 cm below the bar` → `杠铃上方 5 cm
    /// 处`, `120 cm above the floor` → `地面下方 120 cm`; the same way, or a position the
    /// translation states another way (`离地面 120 cm 的高度`), is silent.
    @Test func positionTurnedRound() throws {
        let m = try messages("将保护杆设在杠铃上方 5 cm 处。", "Set the pins 5 cm below the bar.")
        #expect(m.count == 1 && m[0].contains("5 cm below") && m[0].contains("上方 5"), "\(m)")
        #expect(try messages("将其安装在地面下方 120 cm 处。", "Mount it 120 cm above the floor.").count == 1)
        #expect(try messages("将保护杆设在你深蹲最低点以上 5 cm 处。", "Set the pins 5 cm below the bottom of your squat.").count == 1)
        #expect(try messages("将保护杆设在杠铃下方 5 cm 处。", "Set the pins 5 cm below the bar.").isEmpty)
        #expect(try messages("将其安装在离地面 120 cm 的高度。", "Mount it 120 cm above the floor.").isEmpty)
    }

    /// A count of 1 ending its clause changed (review 34 D13): `You can defer once.` → `推迟两次`;
    /// `一次`, or `at once` rendered 立即 beside another count, is silent.
    @Test func onceEndingItsClause() throws {
        #expect(try messages("您可以推迟两次。", "You can defer once.").count == 1)
        #expect(try messages("您可以推迟一次。", "You can defer once.").isEmpty)
        #expect(try messages("请立即执行两个步骤。", "Run both steps at once.").isEmpty)
    }

    /// Multipliers in words before `as` or `the` (review 32 D8): `twice as long as` → `的三倍`
    /// changed; `的两倍`, `长一倍` (one more than the original), `一半` for `half the` are the same.
    @Test func multipliersInWords() throws {
        let s = "It lasts about twice as long as the Aster 16."
        let m = try messages("它的续航约为 Aster 16 的三倍。", s)
        #expect(m.count == 1 && m[0].contains("twice") && m[0].contains("三"), "\(m)")
        #expect(try messages("它的续航约为 Aster 16 的两倍。", s).isEmpty)
        #expect(try messages("它的续航约比 Aster 16 长一倍。", s).isEmpty)
        #expect(try messages("它的续航约为 Aster 16 的 2 倍。", s).isEmpty)
        #expect(try messages("它的重量只有 Aster 16 的一半。", "It weighs half as much as the Aster 16.").isEmpty)
        #expect(try messages("它的重量是 Aster 16 的两倍。", "It weighs half as much as the Aster 16.").count == 1)
        #expect(try messages("双击 2 次。", "Press the key twice.").isEmpty)
    }

    /// `each` and `every` right after a quantity make a rate as `a` does (review 31 D13): `5
    /// transfers each month` → `每周前 5 笔` changed the rate; `每月` is the same.
    @Test func eachMonthIsARate() throws {
        let s = "The first 5 transfers each month are free."
        #expect(try messages("每周前 5 笔转账免费。", s).count == 1)
        #expect(try messages("每月前 5 笔转账免费。", s).isEmpty)
        #expect(try messages("每天备份 2 次。", "Back up 2 times every day.").isEmpty)
    }

    /// `before`, `after`, `until` and `within` right before a number bound it in time (review 31
    /// D2, D11): `after 17:00` → `17:00 之前`, `within 2 hours` → `2 小时后` turned round;
    /// `17:00 前`, `2 小时内`, `重试 3 次后` for `after 3 retries` are the same.
    @Test func timeWordsBound() throws {
        let after = "Transfers submitted after 17:00 are processed on the next business day."
        let m = try messages("17:00 之前提交的转账将在下一个工作日处理。", after)
        #expect(m.count == 1 && m[0].contains("after 17:00") && m[0].contains("17:00 之前"), "\(m)")
        #expect(try messages("17:00 之后提交的转账将在下一个工作日处理。", after).isEmpty)
        let before = "Transfers submitted before 17:00 arrive the same day."
        #expect(try messages("17:00 之后提交的转账当天到账。", before).count == 1)
        #expect(try messages("17:00 前提交的转账当天到账。", before).isEmpty)
        #expect(try messages("资金在 2 小时后到账。", "The money arrives within 2 hours.").count == 1)
        #expect(try messages("资金在 2 小时内到账。", "The money arrives within 2 hours.").isEmpty)
        #expect(try messages("重试 3 次后锁定账户。", "The account locks after 3 retries.").isEmpty)
    }

    /// Ordinals in words after `the` (review 31 D8): `the second case` → `第三种情况` changed;
    /// `第二种`, and a 第 that renders a number of the source (`Step 3` → `第 3 步`), are not;
    /// `30 seconds`, `a second` are no ordinals; 第三方 for `third-party` renders the compound.
    @Test func ordinalWordsChanged() throws {
        let m = try messages("这属于第三种情况。", "This is the second case.")
        #expect(m.count == 1 && m[0].contains("second") && m[0].contains("三"), "\(m)")
        #expect(try messages("这属于第二种情况。", "This is the second case.").isEmpty)
        #expect(try messages("传入第二个参数。", "Pass the third argument.").count == 1)
        #expect(try messages("在第 3 步中传入第三个参数。", "In step 3, pass the third argument.").isEmpty)
        #expect(try messages("等待 30 秒后，第二次重试。", "Wait 30 seconds, then retry a second time.").isEmpty)
        #expect(try messages("见守则第 1 条：第一次违规记零分；第二次违规不及格。", "See Article 1: the first violation scores zero; a second violation fails.").isEmpty)
        // 第三方 renders the source's `third-party`: no ordinal changed (`the first time` → 首次).
        #expect(try messages("首次调用时才加载，避免执行第三方代码。", "It loads the first time you call it and avoids running third-party code.").isEmpty)
        #expect(try messages("第三次调用时才加载。", "It loads the first time you call it.").count == 1)
        // An ordinal of a quarter is the quarter's, reported once (`fiscalQuartersAndYears`).
        #expect(try messages("第三季度营收增长。", "Revenue grew in the fourth quarter.").count == 1)
    }

    /// Review 33's bounds: `or older` bounds an age from below and a version from above (D1:
    /// `aged 3 or older` = `年满 3 岁`, `iOS 12 or older` → `或更高` still reported); a currency sign
    /// belongs to the amount its bound is read beside (D2, `more than ¥60,000` → `低于 ¥60,000`); a
    /// line break inside the source's bound words is a space (D5, `at\nleast 1`); 或更大 / 或更小
    /// are bounds (D10).
    @Test func boundsOfAgesAmountsAndWrappedLines() throws {
        #expect(try messages("年满 3 岁的儿童须购票。", "Children aged 3 or older need a ticket.").isEmpty)
        #expect(try messages("3 岁及以上的儿童须购票。", "Children aged 3 or older need a ticket.").isEmpty)
        #expect(try messages("12 岁及以上的儿童可以单独进入。", "Children 12 or older may enter alone.").isEmpty)
        #expect(try messages("3 岁或以上的访客需要门票。", "Visitors 3 years or older need a ticket.").isEmpty)
        #expect(try messages("65 岁以下的访客可享受折扣。", "Visitors aged 65 or older get a discount.").count == 1)
        #expect(try messages("该应用可在 iOS 12 或更早版本上运行。", "The app runs on iOS 12 or older.").isEmpty)
        #expect(try messages("需要 Python 3.8 或更早版本。", "Requires Python 3.8 or older.").isEmpty)
        let v = try messages("该应用可在 iOS 12 或更高版本上运行。", "The app runs on iOS 12 or older.")
        #expect(v.count == 1 && v[0].contains("12 or older"), "\(v)")
        let m = try messages("收入低于 ¥60,000 的部分免税。", "Income of more than ¥60,000 is taxed.")
        #expect(m.count == 1 && m[0].contains("more than ¥60,000") && m[0].contains("低于 ¥60,000"), "\(m)")
        let r = try messages("不低于 ¥400 的退款将自动处理。", "Refunds of ¥400 or less are automatic.")
        #expect(r.count == 1 && r[0].contains("¥400 or less"), "\(r)")
        #expect(try messages("不超过 ¥400 的退款将自动处理。", "Refunds of ¥400 or less are automatic.").isEmpty)
        let w = try messages("天数。必须至多为 1。", "Number of days. Must be at\nleast 1.\n")
        #expect(w.count == 1 && w[0].contains("at least 1"), "\(w)")
        #expect(try messages("天数。必须至少为 1。", "Number of days. Must be at\nleast 1.\n").isEmpty)
        #expect(try messages("值为 0.5 或更小时引发错误。", "Raises an error if the value is 0.5 or more.").count == 1)
        #expect(try messages("2 GB 或更小的文件会被拆分。", "Files of 2 GB or larger are split.").count == 1)
        #expect(try messages("2 GB 或更大的文件会被拆分。", "Files of 2 GB or larger are split.").isEmpty)
    }

    /// Number forms of published translations (held-out review h144 C6): a decimal point
    /// escaped in Markdown (`0\.0025`) is a decimal point, quoted without the backslash; numbers
    /// listed with bare commas (`[0,90,180,270]`) are each a number, not 90,180,270 grouped.
    @Test func escapedPointsAndBareCommaLists() throws {
        let table = "| Run | Learning rate | Score |\n|---|---|---|\n| first | 0.0025 | 0.618 |\n"
        #expect(try messages("| 实验 | 学习率 | 得分 |\n|---|---|---|\n| 第一次 | 0\\.0025 | 0\\.618 |\n", table).isEmpty)
        let m = try messages("| 实验 | 学习率 | 得分 |\n|---|---|---|\n| 第一次 | 0\\.4 | 0\\.618 |\n", table)
        #expect(m.count == 1 && m[0].contains("0.0025") && m[0].contains("has 0.4:"), "\(m)")
        #expect(try messages("启用时取值为[0,90,180,270]。", "When enabled, the values are [0, 90, 180, 270].").isEmpty)
        let l = try messages("启用时取值为[0,90,180,271]。", "When enabled, the values are [0, 90, 180, 270].")
        #expect(l.count == 1 && l[0].contains("270") && l[0].contains("271"), "\(l)")
        #expect(try messages("该池可容纳 1,500,000 行。", "The pool holds 1,500,000 rows.").isEmpty)
        #expect(try messages("该池可容纳 1,600,000 行。", "The pool holds 1,500,000 rows.").count == 1)
    }

    /// A clock time or a date of the source missing is one finding, quoted whole (review 33
    /// D14), not one per number; a ratio (`16:9`) is two numbers.
    @Test func aMissingTimeIsOneFinding() throws {
        let m = try messages("美术馆每周一闭馆。", "The museum closes on Mondays; it opens at 09:00 on all other days.")
        #expect(m.count == 1 && m[0].contains("09:00"), "\(m)")
        let d = try messages("报名截止。", "Registration closes on 2025-03-14.")
        #expect(d.count == 1 && d[0].contains("2025-03-14"), "\(d)")
        #expect(try messages("画面比例。", "The aspect ratio is 16:9.").count == 2)
    }

    /// A closing tag the source writes at the end of a list item, written by the translation on
    /// the line after the list, alone (held-out review h144 C8): moved, not lost; a closing tag
    /// farther on, after other lines, is no such move.
    @Test func aClosingTagOnTheNextLine() throws {
        let source = "<details><summary>More</summary>\n\n- Call `a()` first.\n- Call `b()` and return it.</details>\n\nDone.\n"
        #expect(try messages("<details><summary>更多</summary>\n\n- 先调用 `a()`。\n- 调用 `b()` 并返回。\n</details>\n\n完成。\n", source,
                             rule: PlaceholderMismatchRule()).isEmpty)
        let far = try messages("<details><summary>更多</summary>\n\n- 先调用 `a()`。\n- 调用 `b()` 并返回。\n\n<div>\n\n</div>\n</details>\n\n完成。\n", source,
                               rule: PlaceholderMismatchRule())
        #expect(far.count == 1 && far[0].contains("</details>"), "\(far)")
        #expect(PlaceholderMismatchRule.closingTagsAlone(Array("  </div></details>".utf8)) == ["</div>", "</details>"])
        #expect(PlaceholderMismatchRule.closingTagsAlone(Array("</div> text".utf8)).isEmpty)
    }

    /// A tag that only styles its text (`<b>`, `<br>`, no attributes) dropped loses no word:
    /// info, under its own key; a tag with attributes, or one that marks code, stays a warning.
    @Test func stylingTagDropped() throws {
        func found(_ target: String, _ source: String) throws -> [Finding] {
            try Harness.findings(rule: PlaceholderMismatchRule(), target: target, source: source)
        }
        let bold = try found("注意：先保存文件，再关闭窗口。\n", "<b>Note:</b> save the file before you close the window.\n")
        #expect(bold.count == 1 && bold[0].severity == .info && bold[0].message.contains("emphasis or line break"), "\(bold)")
        let br = try found("| 选项 | 说明 |\n| --- | --- |\n| `a` | 先保存。再退出。 |\n",
                           "| Option | Meaning |\n| --- | --- |\n| `a` | Save first.<br/>Then quit. |\n")
        #expect(br.count == 1 && br[0].severity == .info, "\(br)")
        let span = try found("把灯调暗，然后等待。\n", "Dim the <span class=\"lamp\">light</span>, then wait.\n")
        #expect(span.count == 1 && span[0].severity == .warning, "\(span)")
        let code = try found("运行 make 构建。\n", "Run <code>make</code> to build.\n")
        #expect(code.count == 1 && code[0].severity == .warning, "\(code)")
        #expect(PlaceholderMismatchRule.onlyStyles("<br />") && PlaceholderMismatchRule.onlyStyles("</B>"))
        #expect(!PlaceholderMismatchRule.onlyStyles("<b id=\"x\">") && !PlaceholderMismatchRule.onlyStyles("<kbd>"))
    }

    /// A heading's step number (`### 2. Add the key`, `## Method 2: …`) dropped where the
    /// translation numbers no heading is its style; where it numbers others, the number is lost.
    @Test func headingStepNumbers() throws {
        let source = "# Setup\n\n## 1. Create a key\n\nOpen the console.\n\n## 2. Add the key\n\nPaste it.\n\n## Method 3: Import a file\n\nChoose the file.\n"
        #expect(try messages("# 设置\n\n## 创建密钥\n\n打开控制台。\n\n## 添加密钥\n\n粘贴密钥。\n\n## 导入文件\n\n选择文件。\n", source).isEmpty)
        let numbered = try messages("# 设置\n\n## 1. 创建密钥\n\n打开控制台。\n\n## 添加密钥\n\n粘贴密钥。\n\n## 3. 导入文件\n\n选择文件。\n", source)
        #expect(numbered.count == 1 && numbered[0].contains("number 2"), "\(numbered)")
        #expect(try messages("# 设置\n\n## 第一步：创建密钥\n\n打开控制台。\n\n## 添加密钥\n\n粘贴密钥。\n\n## 第三步：导入文件\n\n选择文件。\n", source).count == 1)
        // A count in a heading is no step number.
        #expect(try messages("# 部署\n\n## 部署方式\n\n任选其一。\n", "# Deploy\n\n## 3 ways to deploy\n\nPick one.\n").count == 1)
    }

    /// A word of approximation between a bound and its number is read over (`fewer than about
    /// 16` → `至少大约 16` turned round), and `strictly` makes an exclusive bound sure (review 29
    /// D3: `strictly fewer than about 16` written `不超过大约 16` takes 16 in), where a plain
    /// `fewer than 16` → `不超过 16` is English's looseness rendered.
    @Test func boundOverApproximation() throws {
        let source = "For small arrays, strictly fewer than about 16 elements, insertion sort is faster."
        let m = try messages("对于小数组（不超过大约 16 个元素），插入排序更快。", source)
        #expect(m.count == 1 && m[0].contains("16"), "\(m)")
        #expect(try messages("对于小数组（少于大约 16 个元素），插入排序更快。", source).isEmpty)
        let loose = "For small arrays, fewer than about 16 elements, insertion sort is faster."
        #expect(try messages("对于小数组（不超过大约 16 个元素），插入排序更快。", loose).isEmpty)
        let turned = try messages("对于小数组（至少大约 16 个元素），插入排序更快。", loose)
        #expect(turned.count == 1 && turned[0].contains("fewer than about 16"), "\(turned)")
        #expect(try messages("对于小数组（大约 16 个元素以内），插入排序更快。", "For small arrays of about 16 elements, insertion sort is faster.").isEmpty)
    }

    /// A bound stated once for a number the unit writes twice (review 31 D12): the unbounded one
    /// aside; the source's clause negating farther back than the bound's reach is read with the
    /// translation's negation (`Do not grow … for more than 16 h` → `不要少于 16 h`), while `no more
    /// than 50` → `不得超过 50` stays silent; a one-word time bound bounds only a time (`the
    /// spacing after 10,000` bounds nothing).
    @Test func boundsStatedOnceAndNegatedFartherBack() throws {
        let m = try messages("过夜培养（12–16 h）。培养时间不要少于 16 h。", "Grow overnight (12–16 h). Do not grow the cultures for more than 16 h.")
        #expect(m.count == 1 && m[0].contains("more than 16") && m[0].contains("少于 16"), "\(m)")
        #expect(try messages("过夜培养（12–16 h）。培养时间不要超过 16 h。", "Grow overnight (12–16 h). Do not grow the cultures for more than 16 h.").isEmpty)
        #expect(try messages("每个容器不得超过 50 升。", "Each container holds no more than 50 litres.").isEmpty)
        #expect(try messages("存储 10,000 时，下一个数是 10,000.001，比 10,000 之后的间距小于它。", "Storing 10,000, the next number is 10,000.001, smaller than the spacing after 10,000.").isEmpty)
        #expect(try messages("请在 17:00 之前提交。", "Submit after 17:00.").count == 1)
    }

    /// The litre's symbol in either case (review 34 D5): `0.5 L` = `500 ml`, `500 ml` = `0.5 L`;
    /// `1.5 L` → `1500 L` changed, and `M` stays another prefix than `m` (`0.5 ML` → `500 ml`).
    @Test func litreInEitherCase() throws {
        #expect(try messages("加入 500 ml 水。", "Add 0.5 L of water.").isEmpty)
        #expect(try messages("加入 0.5 L 水。", "Add 500 ml of water.").isEmpty)
        #expect(try messages("水箱容量为 1800 mL。", "The water tank holds 1.8 l.").isEmpty)
        #expect(try messages("加入 1500 L 水。", "Add 1.5 L of water.").count == 1)
        #expect(try messages("加入 500 ml 水。", "Add 0.5 ML of water.").count == 1)
    }

    /// 一 right before a unit of time, a classifier between or not, is one of it (review 34 D9):
    /// `60 minutes` = `一小时`, `7 days` = `一个星期`, as `24 hours` = `一天`; `5 hours` → `一小时`
    /// and `30 minutes` → `一个小时` changed.
    @Test func hanOneBeforeAUnitOfTime() throws {
        #expect(try messages("令牌一小时后过期。", "Tokens expire after 60 minutes.").isEmpty)
        #expect(try messages("等待一个星期。", "Wait 7 days.").isEmpty)
        #expect(try messages("等待一个小时。", "Wait 60 minutes.").isEmpty)
        #expect(try messages("请在一个月内续订。", "Renew within one month.").isEmpty)
        #expect(try messages("令牌一小时后过期。", "Tokens expire after 5 hours.").count == 1)
        #expect(try messages("等待一个小时。", "Wait 30 minutes.").count == 1)
    }

    /// A bound after a unit written with symbols (review 34 D2): `below 3%` → `3% 以上`, `above
    /// 70 °C` → `70 °C 以下`, `mm²`, `°F` turned round; the same way is silent.
    @Test func boundAfterASymbolUnit() throws {
        let m = try messages("使电压降在 3% 以上。", "Keep the voltage drop below 3%.")
        #expect(m.count == 1 && m[0].contains("below 3") && m[0].contains("3% 以上"), "\(m)")
        #expect(try messages("保持在 70 °C 以下。", "Keep it above 70 °C.").count == 1)
        #expect(try messages("保持在 70 mm² 以下。", "Keep it above 70 mm².").count == 1)
        #expect(try messages("将温度保持在 40 °F 以上。", "Keep the temperature below 40 °F.").count == 1)
        #expect(try messages("使用 3% 以下。", "Use 3% or more.").count == 1)
        #expect(try messages("保持在 3% 以上。", "Keep it above 3%.").isEmpty)
        #expect(try messages("保持在 70 °C 以上。", "Keep it above 70 °C.").isEmpty)
        #expect(try messages("将温度保持在 40 °F 以下。", "Keep the temperature below 40 °F.").isEmpty)
    }

    /// A negated bound of the translation read whole where the source's bound negates a
    /// comparative itself (review 34 D6): `no more than 50` → `不得低于 50` (a lower bound) is
    /// turned round, `不得超过 50` is the same; `more than 50` → `不得低于 50` is the same.
    @Test func negatedBoundReadWhole() throws {
        let m = try messages("使用量不得低于 50 升。", "Use no more than 50 litres.")
        #expect(m.count == 1 && m[0].contains("no more than 50") && m[0].contains("不得低于 50"), "\(m)")
        #expect(try messages("考试不得低于 2 年。", "Tests must be no more than 2 years old.").count == 1)
        #expect(try messages("使用量不得超过 50 升。", "Use no more than 50 litres.").isEmpty)
        #expect(try messages("使用量不得低于 50 升。", "Use more than 50 litres.").isEmpty)
        #expect(try messages("使用量不低于 50 升。", "Use no more than 50 litres.").count == 1)
    }

    /// 一 and a classifier right after a bound word is the number 1, and `one` right after a
    /// bound a count (review 34 D8): `at least one` → `最多一封` turned round; `至少一个`, `至少一名`
    /// the same; `超过一定` is no number; a negation farther back in the source (`No sample went
    /// through more than one cycle` → `不超过一次`) may turn the bound round, so no finding.
    @Test func oneAfterABound() throws {
        let m = try messages("两封推荐信，其中最多一封来自学术推荐人。", "Two references, at least one of them academic.")
        #expect(m.count == 1 && m[0].contains("at least one") && m[0].contains("最多一"), "\(m)")
        #expect(try messages("两封推荐信，其中至少一封来自学术推荐人。", "Two references, at least one of them academic.").isEmpty)
        #expect(try messages("请至少选择一个选项。", "Select at least one option.").isEmpty)
        #expect(try messages("最多提交一篇文章。", "You may submit at most one essay.").isEmpty)
        #expect(try messages("你可以选择多个文件。", "You can pick more than one file.").isEmpty)
        #expect(try messages("用量超过一定阈值时告警。", "Alert when usage exceeds a threshold.").isEmpty)
        #expect(try messages("所有样本的冻融次数均不超过一次。", "No sample went through more than one freeze–thaw cycle.").isEmpty)
    }

    /// A comparative of a difference and `than` alone bounds the number the way of its quantity
    /// (review 34 D4): `longer than 35 seconds` → `低于 35 秒`, `hotter than 70 °C` → `低于 70 °C`,
    /// `shorter than 35` → `超过 35` turned round; the same way is silent.
    @Test func plainComparativeBound() throws {
        let m = try messages("如果低于 35 秒，请将研磨调粗。", "If it takes longer than 35 seconds, set a coarser grind.")
        #expect(m.count == 1 && m[0].contains("longer than 35") && m[0].contains("低于 35"), "\(m)")
        #expect(try messages("低于 70 °C 的牛奶会失去甜味。", "Milk hotter than 70 °C loses its sweetness.").count == 1)
        #expect(try messages("如果超过 35 秒，请停止。", "If it takes shorter than 35 seconds, stop.").count == 1)
        #expect(try messages("如果超过 35 秒，请停止。", "If it takes longer than 35 seconds, stop.").isEmpty)
        #expect(try messages("如果少于 35 秒，请停止。", "If it takes shorter than 35 seconds, stop.").isEmpty)
        #expect(try messages("高于 70 °C 的牛奶会失去甜味。", "Milk hotter than 70 °C loses its sweetness.").isEmpty)
        #expect(try messages("密码不得超过 64 个字符。", "A password must be no longer than 64 characters.").isEmpty)
    }

    /// A word of the source that includes its number against the translation's word before its
    /// number that leaves it out (review 34 D11): `at least 35` → `超过 35`, `at least 3.5` → `高于
    /// 3.5`; `至少 35`, `不少于 35` are the same, and `less than 60 seconds` = `不超过 60 秒`, `more
    /// than 3` = `至少 3` as loosely as English says them.
    @Test func inclusionChangedByWords() throws {
        let m = try messages("您需要超过 35 分。", "You need at least 35 points.")
        #expect(m.count == 1 && m[0].contains("at least 35") && m[0].contains("超过 35"), "\(m)")
        #expect(try messages("您的 GPA 需要高于 3.5。", "You need a GPA of at least 3.5.").count == 1)
        #expect(try messages("您需要至少 35 分。", "You need at least 35 points.").isEmpty)
        #expect(try messages("您需要不少于 35 分。", "You need at least 35 points.").isEmpty)
        #expect(try messages("请求时间不超过 60 秒。", "Requests must take less than 60 seconds.").isEmpty)
        #expect(try messages("使用至少 3 个节点。", "Use more than 3 nodes.").isEmpty)
    }

    /// A time bound of the translation over a qualifier of the time in Han (review 34 D7): `no
    /// later than 23:59 UK time` → `不早于英国时间 23:59` turned round, quoted with its minutes;
    /// `最迟于英国时间 23:59`, `不晚于截止日当天英国时间 23:59` are the same.
    @Test func timeBoundOverAQualifier() throws {
        let m = try messages("请不早于英国时间 23:59 提交。", "Submit it no later than 23:59 UK time.")
        #expect(m.count == 1 && m[0].contains("no later than 23:59") && m[0].contains("不早于英国时间 23:59"), "\(m)")
        #expect(try messages("最迟于当地时间 09:00 开门。", "Doors open no earlier than 09:00 local time.").count == 1)
        #expect(try messages("请最迟于英国时间 23:59 提交。", "Submit it no later than 23:59 UK time.").isEmpty)
        #expect(try messages("请不晚于截止日当天英国时间 23:59 提交。", "Submit it no later than 23:59 UK time.").isEmpty)
        #expect(try messages("最早于当地时间 09:00 开门。", "Doors open no earlier than 09:00 local time.").isEmpty)
    }

    /// The bar is 100 kPa (review 28 D9), converted as L and mL are: `2.3 bar` = `230 kPa`;
    /// `230 kPa` → `230 bar` changed the unit.
    @Test func barAndPascals() throws {
        #expect(try messages("将轮胎充气至 230 kPa。", "Inflate the tyres to 2.3 bar.").isEmpty)
        #expect(try messages("设置为 25 kPa。", "Set it to 250 mbar.").isEmpty)
        #expect(try messages("将轮胎充气至 2.3 bar。", "Inflate the tyres to 2.3 bar.").isEmpty)
        #expect(try messages("将前轮胎充气至 230 bar。", "Inflate the front tyres to 230 kPa.").count == 1)
        #expect(try messages("将轮胎充气至 2.3 kPa。", "Inflate the tyres to 2.3 bar.").count == 1)
    }

    /// `once per` any word is the count 1 (`frequencyPerAny`), rendered by a numeral before a
    /// measure of times (`frequencyMeasures`: 一次), not by the 一 of 一张 (review 28 D14).
    @Test func oncePerTurn() throws {
        let s = "Once per turn, you may play one card."
        let m = try messages("每回合两次，你可以打出一张卡。", s)
        #expect(m.count == 1 && m[0].contains("Once") && m[0].contains("两"), "\(m)")
        #expect(try messages("每回合一次，你可以打出一张卡。", s).isEmpty)
        #expect(try messages("用户登录后，显示一张卡。", "Once a user signs in, show one card.").isEmpty)
        #expect(try LocaleData.load("zh-Hans").frequencies.measures.contains(0x6B21))
        #expect(try LocaleData.load("zh-Hant").frequencies.measures.contains(0x6B21))
    }

    /// A clause with its inline enumerator dropped (review 27 D9): `两个条件` renders `two
    /// conditions`, so the `(2)` the translation lost is missing; with both kept, silent.
    @Test func enumeratorBesideCountInWords() throws {
        let source = "Operation is subject to two conditions: (1) this device may not cause harmful interference, and (2) this device must accept any interference received."
        let m = try messages("操作须满足以下两个条件：(1) 本设备不得造成有害干扰。", source)
        #expect(m.count == 1 && m[0].contains("number 2"), "\(m)")
        #expect(try messages("操作须满足以下两个条件：(1) 本设备不得造成有害干扰；(2) 本设备必须接受任何干扰。", source).isEmpty)
    }

    static func numbers(_ s: String, glued: Bool = false) -> [NumberMention] {
        NumberScanner.numbers(in: Array(s.unicodeScalars).map(\.value), numerals: Harness.target.numerals, gluedToWords: glued) { _ in true }
    }

    static func agree(_ a: String, _ b: String) -> Bool {
        let x = numbers(a), y = numbers(b)
        return !x.isEmpty && x.allSatisfy { n in y.contains { n.agrees(with: $0) } }
    }

    @Test func chineseWaysOfWritingNumbers() {
        #expect(Self.agree("1,000", "1000"))
        #expect(Self.agree("3 million", "300 万"))
        #expect(Self.agree("3 million", "三百万"))
        #expect(Self.agree("1.5 billion", "15 亿"))
        #expect(Self.agree("10%", "百分之十"))
        #expect(Self.agree("2.5x", "2.5 倍"))
        #expect(Self.agree("the 3rd step", "第三步"))
        #expect(Self.agree("42", "４２"))
        #expect(Self.agree("2024", "二〇二四年"))
        #expect(Self.agree("321", "三百二十一"))
        #expect(Self.agree("12000", "一万两千"))
        #expect(Self.agree("120000000", "一亿两千万"))
        #expect(Self.agree("10K", "1 万"))
        #expect(Self.agree("4.24.0", "4.24"))
        #expect(!Self.agree("3.4", "3.5"))
        #expect(!Self.agree("30", "60"))
        #expect(!Self.agree("4.23.0", "4.24.0"))
        // 万 and 亿 multiply the digits before them, and are no number of their own.
        #expect(Self.numbers("10 万个").map(\.values) == [[100_000]])
        #expect(Self.numbers("10 万个").map(\.range) == [0..<4])
        #expect(!Self.agree("10,000", "10 万"))
        #expect(!Self.agree("10", "10 万"))
        #expect(!Self.agree("100,000,000", "5 亿"))
        #expect(Self.agree("20,000", "2 万"))
        #expect(Self.agree("35,000", "3.5 万"))
        #expect(Self.agree("12 million", "1200 万"))
        #expect(Self.agree("38 million", "3800 万"))
        // 千 may be a unit's prefix (千克): the digits keep their face value.
        #expect(Self.agree("100", "100 千克"))
        #expect(Self.numbers("100 千克").count == 1)
        // A decade: 20 世纪 90 年代, 二十世纪九十年代, 90 年代 are the 1990s.
        #expect(Self.agree("the 1990s", "20 世纪 90 年代"))
        #expect(Self.agree("the 1990s", "二十世纪九十年代"))
        #expect(Self.agree("the 1990s", "上世纪 90 年代"))
        #expect(Self.agree("the 1990s", "1990 年代"))
        #expect(!Self.agree("the 1990s", "20 世纪 80 年代"))
        #expect(Self.numbers("20 世纪").map(\.values) == [[20]])
        #expect(Self.numbers("1000s of users").map(\.values) == [[1000]])
    }

    /// Units: the same quantity with another prefix, `X/s` as `Xps`, degrees as symbols.
    @Test func unitsAsTheSameQuantity() {
        let v = Self.numbers("2000"), kv = Self.numbers("2"), three = Self.numbers("3")
        #expect(NumberMismatchRule.sameQuantity(v[0], "V", kv[0], "kV"))
        #expect(!NumberMismatchRule.sameQuantity(v[0], "V", three[0], "kV"))
        #expect(!NumberMismatchRule.sameQuantity(v[0], "V", kv[0], "kW"))
        #expect(NumberMismatchRule.siScale("Mbit/s").map { "\($0.scale) \($0.base)" } == "1000000.0 b/s")
        #expect(NumberMismatchRule.siScale("Mbps").map { "\($0.scale) \($0.base)" } == "1000000.0 b/s")
        #expect(NumberMismatchRule.siScale("KiB").map { "\($0.scale) \($0.base)" } == "1024.0 iB")
        // Minutes (not a milli-"in"), hours and days scale the second; a month has no fixed length
        // in seconds, but a year is twelve of them.
        #expect(NumberMismatchRule.siScale("min").map { "\($0.scale) \($0.base)" } == "60.0 s")
        #expect(NumberMismatchRule.sameQuantity(Self.numbers("2")[0], "h", Self.numbers("120")[0], "min"))
        #expect(NumberMismatchRule.siScale("mo").map { "\($0.scale) \($0.base)" } == "1.0 mo")
        #expect(NumberMismatchRule.sameQuantity(Self.numbers("18")[0], "mo", Self.numbers("1.5")[0], "yr"))
        #expect(!NumberMismatchRule.sameQuantity(Self.numbers("30")[0], "d", Self.numbers("1")[0], "mo"))
        #expect(NumberMismatchRule.sameSymbol("Mbit/s", "Mbps"))
        #expect(!NumberMismatchRule.sameSymbol("Mbit/s", "Gbps"))
        // Bytes are not bits (a factor of 8): told by the case of the base symbol, or `bit`, `bps`.
        #expect(!NumberMismatchRule.sameSymbol("MB/s", "Mb/s"))
        #expect(!NumberMismatchRule.sameSymbol("MB/s", "Mbps"))
        #expect(!NumberMismatchRule.sameSymbol("MB/s", "Mbit/s"))
        #expect(!NumberMismatchRule.sameSymbol("GB", "Gb"))
        #expect(!NumberMismatchRule.sameSymbol("KiB", "Kbit"))
        #expect(NumberMismatchRule.sameSymbol("MB/s", "MB"))
        #expect(NumberMismatchRule.sameSymbol("Gb/s", "Gbps"))
        #expect(NumberMismatchRule.sameSymbol("kB", "KB"))
        #expect(NumberMismatchRule.sameSymbol("Bps", "B/s"))
        // A lowercase `b` after a lowercase prefix says neither (`mb`, `gb`: megabytes written in haste).
        #expect(NumberMismatchRule.sameSymbol("MB", "mb"))
        #expect(NumberMismatchRule.sameSymbol("Mb", "mb"))
        #expect(NumberMismatchRule.dataUnit("mbps") == "b")
        #expect(NumberMismatchRule.dataUnit("b") == "b")
        #expect(!NumberMismatchRule.sameSymbol("B", "b"))
        #expect(NumberMismatchRule.dataUnit("ms") == nil)
        #expect(NumberMismatchRule.dataUnit("Bq") == nil)
        #expect(NumberMismatchRule.sameSymbol("\u{2103}", "°C"))
        #expect(!NumberMismatchRule.sameSymbol("°C", "°F"))
        let u = Document(SourceText(path: "a.md", text: "It reads 25 ℉ and 25 °C at 100 Mbit/s.\n")).units[0]
        #expect(Self.numbers(u.string).map { NumberMismatchRule.symbol(u, after: $0.range, centrifugal: []) } == ["℉", "°C", "Mbit/s"])
    }

    /// A unit raised to a power: by a superscript after its symbol or by a word before it
    /// (`square`, `sq`, `平方`), its scale raised too; another power is another unit.
    @Test func unitPowers() throws {
        #expect(NumberMismatchRule.siScale("km\u{B2}").map { "\($0.scale) \($0.base)" } == "1000000.0 m\u{B2}")
        #expect(NumberMismatchRule.siScale("cm\u{B3}").map { "\($0.base)" } == "m\u{B3}")
        #expect(!NumberMismatchRule.sameSymbol("km\u{B2}", "km"))
        #expect(!NumberMismatchRule.sameSymbol("km\u{B2}", "m\u{B2}"))
        #expect(NumberMismatchRule.sameSymbol("m\u{B2}", "m\u{B2}"))
        #expect(NumberMismatchRule.sameQuantity(Self.numbers("3")[0], "km\u{B2}", Self.numbers("3000000")[0], "m\u{B2}"))
        let en = try LocaleData.load("en"), zh = try LocaleData.load("zh-Hans")
        func powered(_ text: String, _ locale: LocaleData) -> String? {
            let u = Document(SourceText(path: "a.md", text: text + "\n")).units[0]
            return Self.numbers(u.string).first.flatMap { NumberMismatchRule.poweredUnit(u, after: $0.range, locale) }.map { "\($0.written)|\($0.symbol)" }
        }
        #expect(powered("It covers 3 square kilometres.", en) == "square kilometres|km\u{B2}")
        #expect(powered("It covers 12 sq ft.", en) == "sq ft|ft\u{B2}")
        #expect(powered("It holds 2 cubic metres.", en) == "cubic metres|m\u{B3}")
        #expect(powered("Use 4 square brackets.", en) == nil)
        #expect(powered("占地 3 平方公里。", zh) == "平方公里|km\u{B2}")
        #expect(powered("储水 5 立方米。", zh) == "立方米|m\u{B3}")
        let u = Document(SourceText(path: "a.md", text: "It is 40 m\u{B2} at 3000 mm/s\u{B2}.\n")).units[0]
        #expect(Self.numbers(u.string).map { NumberMismatchRule.symbol(u, after: $0.range, centrifugal: []) } == ["m\u{B2}", "mm/s\u{B2}"])
    }

    /// A number of the translation inside a code span or glued to a name is found with the
    /// span or the name; a code span or name the source has too, written the same where it
    /// reads no number, is cancelled (not one in a link's destination, not `v2`, which the
    /// source reads).
    @Test func numbersCopiedWithCodeOrNames() throws {
        let t = Document(SourceText(path: "a.md", text: "区域 `A1:E9` 的第 2 行，BM25 与 v2。\n")).units[0]
        let tn = NumberMismatchRule.targetNumbers(t, TextAnalysis(), unit: 0, clock: try LocaleData.load("zh-Hans").clock, numerals: Harness.target.numerals)
        #expect(tn.map { $0.value.text } == ["1", "9", "2", "25", "2"])
        #expect(tn.map { NumberMismatchRule.copiedToken(t, around: $0.range).map { t.string($0.range) } } == ["A1:E9", "A1:E9", nil, "BM25", "v2"])
        let s = Document(SourceText(path: "a.md", text: "Row 1 of `A1:E9`, BM25 and v2, see [x](https://e.com/v2).\n")).units[0]
        let sn = NumberMismatchRule.sourceNumbers(s, TextAnalysis(), unit: 0, clock: try LocaleData.load("en").clock, numerals: Harness.target.numerals)
        #expect(sn.map { $0.value.text } == ["1", "2"])
        let left = NumberMismatchRule.lessCopied(tn, targetUnit: { _ in t }, source: [0], sourceUnit: { _ in s }, sourceNumbers: sn)
        #expect(left.map { $0.value.text } == ["2", "2"])
    }

    /// Months the source names surely (a full name, or `May` and short names beside a
    /// number), and dates of the front matter with a month's name or number.
    @Test func monthsAndDates() {
        let u = Document(SourceText(path: "a.md", text: "Since August 2022, May be set in Mar, or on 3 May or Jan 5.\n")).units[0]
        #expect(NumberMismatchRule.monthMentions(u, unit: 0, Self.months).map { "\($0.value.text)=\(Int($0.value.values[0]))" } == ["August=8", "May=5", "Jan=1"])
        #expect(FrontMatterValues.namedDate("March 2024", Self.months).map { "\($0.year ?? 0) \($0.month) \($0.day ?? 0)" } == "2024 3 0")
        #expect(FrontMatterValues.namedDate("March 5, 2024", Self.months).map { "\($0.year ?? 0) \($0.month) \($0.day ?? 0)" } == "2024 3 5")
        #expect(FrontMatterValues.namedDate("5th Mar. 2024", Self.months).map { "\($0.year ?? 0) \($0.month) \($0.day ?? 0)" } == "2024 3 5")
        #expect(FrontMatterValues.namedDate("March madness", Self.months) == nil)
        #expect(FrontMatterValues.namedDate("March", Self.months) == nil)
        #expect(FrontMatterValues.numberedDate("2024 年 5 月").map { "\($0.year ?? 0) \($0.month) \($0.day ?? 0)" } == "2024 5 0")
        #expect(FrontMatterValues.numberedDate("2024年5月3日").map { "\($0.year ?? 0) \($0.month) \($0.day ?? 0)" } == "2024 5 3")
        #expect(FrontMatterValues.numberedDate("2024-05-03").map { "\($0.year ?? 0) \($0.month) \($0.day ?? 0)" } == "2024 5 3")
        #expect(FrontMatterValues.numberedDate("2024 年 5 月发布") == nil)
        #expect(FrontMatterValues.numberedDate("1.5.2") == nil)
    }

    /// A locale asked for in the query of another path of the source's site is another page
    /// (a warning); the same page with it, or a Chinese site in place of the English one, is
    /// localised (info).
    @Test func aLocaleInTheQueryOfAnotherPathIsAnotherPage() throws {
        let source = "See the [API docs](http://host:8080/app/doc.html) and [Vite](https://vite.dev/).\n"
        func severities(_ target: String) throws -> [Severity] {
            try Harness.findings(rule: LinkMismatchRule(), target: target, source: source).map(\.severity)
        }
        #expect(try severities("见 [API 文档](http://host:8080/app/swagger-ui/index.html?language=zh_CN)和 [Vite](https://vite.dev/)。\n") == [.warning])
        #expect(try severities("见 [API 文档](http://host:8080/app/doc.html?language=zh_CN)和 [Vite](https://cn.vitejs.dev/)。\n") == [.info, .info])
    }

    /// Link text that is an address on its destination's host (`lumora.example/privacy-request`)
    /// is a URL on both sides, so the pair aligns and a changed destination is seen (review 26 D4).
    @Test func linkTextThatIsTheAddressWithoutItsScheme() throws {
        let source = "Use the form at [lumora.example/privacy-request](https://lumora.example/privacy-request).\n"
        func severities(_ target: String) throws -> [Severity] {
            try Harness.findings(rule: LinkMismatchRule(), target: target, source: source).map(\.severity)
        }
        #expect(try severities("请使用 [lumora.example/privacy-request](https://lumora.example/privacy-requests) 上的表单。\n") == [.warning])
        #expect(try severities("请使用 [lumora.example/privacy-request](https://lumora.example/privacy-request) 上的表单。\n").isEmpty)
    }

    /// The number of a list's first item written inline (`A: 1，…`) is no quantity; a version is
    /// never a Chinese numeral's (一台 counts machines).
    @Test func anInlineEnumeratorAndAVersionBesideANumeral() throws {
        #expect(try messages("A：只需修改配置文件。\n", "A: 1，only edit the config file.\n").isEmpty)
        #expect(try messages("先确认主机名。\n", "1, confirm the hostname.\n").isEmpty)
        // A count: `1, 2 or 3`, and a 1 that is no list's first item.
        #expect(try messages("用 2 或 3 个工作进程就够了。\n", "1, 2 or 3 workers are enough.\n").count == 1)
        #expect(try messages("答：重试两次。\n", "A: 1 retry, then 2.\n").count >= 1)
        let v = try messages("在这个版本中，可以指定一台 Worker 执行任务。\n", "In version 1.3, you can pick the worker that runs the task.\n")
        #expect(v.count == 1)
        #expect(v.first?.contains("1.3") == true && v.first?.contains("missing") == true)
    }

    /// Part numbers of mixed case, digit-first or hyphenated (review 26 D3, 28 D8): one the
    /// translation changed beside one of the same shape the source lacks; not a quantity, a
    /// size, a hex colour, the same part in lowercase or two parts in another order.
    @Test func partNumbersOfMixedCaseDigitFirstOrHyphenated() throws {
        for (source, target) in [("The board uses the ATmega328P chip.\n", "该电路板使用 ATmega168P 芯片。\n"),
                                 ("Insert the 1N4148 diode.\n", "插入 1N4007 二极管。\n"),
                                 ("Use the ESP32-S3 board.\n", "使用 ESP32-C3 开发板。\n"),
                                 ("See the supplement (part no. 99011-AV26H).\n", "请参阅补充手册（零件号 99011-AV62H）。\n")] {
            let m = try messages(target, source)
            #expect(m.count == 1, "\(source)")
        }
        // Digits at the start or after a hyphen are numbers, reported once.
        #expect(try messages("请参阅补充手册（零件号 99012-AV26H）。\n", "See the supplement (part no. 99011-AV26H).\n").count == 1)
        #expect(try messages("型号 NX-2442P 的功率预算为 370 W。\n", "The NX-2424P has a power budget of 370 W.\n").count == 1)
        #expect(try messages("该电路板使用 ATmega328P 芯片。\n", "The board uses the ATmega328P chip.\n").isEmpty)
        #expect(try messages("使用 esp32-s3 开发板。\n", "Use the ESP32-S3 board.\n").isEmpty)
        #expect(try messages("比较 ATmega168P 与 ATmega328P。\n", "Compare the ATmega328P with the ATmega168P.\n").isEmpty)
        #expect(try messages("使用 SHA-256 和 UTF-16、x86_64、1080P、16GB、#1677FF。\n",
                             "Use SHA-256 and UTF-16, x86_64 at 1080P, 16GB, #1677FF.\n").isEmpty)
        #expect(NumberMismatchRule.partNumbers(Document(SourceText(path: "a.md", text: "ATmega328P, 1N4148, ESP32-S3, x86_64, 1080p, 16GB, UTF-8, Win32, v1.2.3, #1677FF.\n")).units[0]).count == 4)
    }

    /// A code in brackets, capitals and digits (review 28 D21: `(E10)` → `（E5）`), compared as
    /// text: changed into one with the same letters that the source does not write. Silent: kept,
    /// the other code also the source's, another kind of code (other letters).
    @Test func bracketCodesComparedAsText() throws {
        let source = "Do not use fuel that contains more than 10% ethanol (E10).\n"
        let m = try messages("请勿使用乙醇含量超过 10% 的燃油（E5）。\n", source)
        #expect(m.count == 1 && m.first?.contains("E10") == true && m.first?.contains("E5") == true, "\(m)")
        #expect(try messages("请勿使用乙醇含量超过 10% 的燃油（E10）。\n", source).isEmpty)
        #expect(try messages("可以使用 E5 燃油（E5），但不要使用 E10 燃油（E10）。\n", "You may use E5 fuel (E5) but not E10 fuel (E10).\n").isEmpty)
        #expect(try messages("该设备防尘防水（IP67），燃油（E10）。\n", "The device is sealed (IP67); fuel (E10).\n").isEmpty)
        #expect(NumberMismatchRule.bracketCodes(Document(SourceText(path: "a.md", text: "(E10) (IP67) (ABCD1) (e5) (E) (E5a) （Q3）\n")).units[0]).count == 3)
    }

    /// Round 24: a month.day date, ids counted as numbers are, a bound with a modal before its
    /// verb or over a word numeral, and days of the week.
    @Test func monthDayIdsModalBoundsAndWeekdays() throws {
        // `10.13` is October 13 where the source names October and 13; a decimal elsewhere.
        let week = "| Week | Dates |\n|---|---|\n| 8 | Oct 13–17 |\n"
        #expect(try messages("| 周次 | 日期 |\n|---|---|\n| 8 | 10.13–10.17 |\n", week).isEmpty)
        #expect(try messages("| 周次 | 日期 |\n|---|---|\n| 8 | 10.13–10.18 |\n", week).count == 1)
        #expect(try messages("| 周次 | 日期 |\n|---|---|\n| 8 | 11.13–11.17 |\n", week).count == 2)
        #expect(try messages("压力为 10.13 kPa。\n", "The pressure is 13 kPa.\n").count == 1)
        // Ids counted: `MP1–MP8` → `MP1–MP1`.
        let mp = "Machine problems (MP1–MP8) are due on Fridays.\n"
        let changed = try messages("上机题（MP1–MP1）在周五截止。\n", mp)
        #expect(changed.count == 1 && changed.first?.contains("MP8") == true)
        #expect(try messages("上机题（MP1–MP8）在周五截止。\n", mp).isEmpty)
        #expect(try messages("先做 MP1 和 MP2，再复习 MP1。\n", "Do MP1 and MP2, then review MP1.\n").isEmpty)
        #expect(try messages("比较 BP-700 与 BP-700 型号。\n", "Compare the BP-700 with the BP-750.\n").count == 1)
        #expect(try messages("选修 CS 225 和 CS 225。\n", "Take CS 225 and CS 233.\n").count == 1)
        // A bound turned round with a modal before the verb, and over a word numeral.
        let grace = "You may use no more than 2 grace days on a single MP.\n"
        #expect(try messages("单个 MP 至少可以使用 2 天宽限期。\n", grace).count == 1)
        #expect(try messages("单个 MP 最多可以使用 2 天宽限期。\n", grace).isEmpty)
        let graceWord = "You may use no more than two grace days on a single MP.\n"
        #expect(try messages("单个 MP 至少可以使用 2 天宽限期。\n", graceWord).count == 1)
        #expect(try messages("单个 MP 最多可以使用两天宽限期。\n", graceWord).isEmpty)
        // Days of the week: a range changed; 工作日 and `周一至五` are Monday to Friday.
        let hours = "Business Hours are 09:00–17:00 CET, Monday to Friday.\n"
        #expect(try messages("工作时间为欧洲中部时间周一至周六 09:00–17:00。\n", hours).count == 1)
        #expect(try messages("工作时间为欧洲中部时间周一至周四 09:00–17:00。\n", hours).count == 1)
        #expect(try messages("工作时间为欧洲中部时间周一至周五 09:00–17:00。\n", hours).isEmpty)
        #expect(try messages("工作时间为欧洲中部时间周一至五 09:00–17:00。\n", hours).isEmpty)
        #expect(try messages("工作时间为欧洲中部时间工作日 09:00–17:00。\n", hours).isEmpty)
        #expect(try messages("我们每周一次在周一开会。\n", "We meet once a week, on Monday.\n").isEmpty)
        #expect(try messages("诊所周二、周四开放，周末休息。\n", "The clinic opens Tuesday and Thursday and closes on weekends.\n").isEmpty)
        #expect(try messages("Sun 公司在周一发布了新版本。\n", "Sun released the new version on Monday.\n").isEmpty)
    }

    /// Round 25: 周岁 is an age in full years, never weeks; another age is still a changed number.
    @Test func anAgeInFullYears() throws {
        // 周岁 is years of age, never weeks; another age is still a changed number.
        let age = "You must be at least 18 years old on the date you apply.\n"
        #expect(try messages("申请之日须已年满 18 周岁。\n", age).isEmpty)
        #expect(try messages("申请之日须已年满 18 岁。\n", age).isEmpty)
        #expect(try messages("申请之日须已年满 16 周岁。\n", age).count == 1)
        #expect(try messages("申请人须在 18 周内提交。\n", "Apply within 18 days.\n").count == 1)
    }

    /// Round 25: a clock time with 点 (`上午 9 点至下午 3 点` = `9:00–15:00`) beside weekdays whose
    /// numerals are days, not numbers.
    @Test func clockTimesWithDianBesideWeekdays() throws {
        // `上午 9 点至下午 3 点` is 9:00–15:00; the numerals of 周一 and 周五 are days, not numbers.
        let call = "Call us (Monday to Friday, 9:00–15:00 CET).\n"
        #expect(try messages("请致电（周一至周五，CET 上午 9 点至下午 3 点）。\n", call).isEmpty)
        #expect(try messages("请致电（周一至周五，CET 上午九点至下午三点）。\n", call).isEmpty)
        #expect(try messages("请致电（周一至周五，CET 9 点至 15 点）。\n", call).isEmpty)
        #expect(try messages("请致电（周一至周五，CET 上午 9 点至下午 4 点）。\n", call).count == 1)
        #expect(try messages("请致电（周一至周五，CET 上午 9 点至下午 3 点半）。\n", "Call us (Monday to Friday, 9:00–15:30 CET).\n").isEmpty)
        #expect(try messages("请致电（周一至周五，CET 上午 9 点至下午 3 点 30 分）。\n", "Call us (Monday to Friday, 9:00–15:30 CET).\n").isEmpty)
    }

    /// Round 25: Latin `min` after a number is minutes.
    @Test func latinMinIsMinutes() throws {
        // Latin `min` after a number is minutes.
        #expect(try messages("细胞处理 24 min。\n", "Cells were treated for 24 h.\n").count == 1)
        #expect(try messages("细胞处理 24 h，离心 10 min。\n", "Cells were treated for 24 h and spun for 10 min.\n").isEmpty)
        #expect(try messages("离心 10 分钟。\n", "Spin for 10 min.\n").isEmpty)
    }

    /// Round 25: kitchen measures are units.
    @Test func kitchenMeasures() throws {
        // Kitchen measures: a teaspoon is no tablespoon; a cup counted where the source has none.
        #expect(try messages("- 黑胡椒 1/2 汤匙\n", "- 1/2 tsp black pepper\n").count == 1)
        #expect(try messages("- 黑胡椒 1/2 茶匙\n", "- 1/2 tsp black pepper\n").isEmpty)
        #expect(try messages("- 橄榄油 2 茶匙\n", "- 2 tablespoons olive oil\n").count == 1)
        #expect(try messages("- 橄榄油 2 大勺\n", "- 2 tbsp olive oil\n").isEmpty)
        #expect(try messages("- 2 杯面粉\n", "- 2 cups flour\n").isEmpty)
        #expect(try messages("- 2 汤匙面粉\n", "- 2 cups flour\n").count == 1)
        #expect(try messages("每人喝了 3 杯咖啡。\n", "Each of us had 3 coffees.\n").isEmpty)
        // The message quotes a fraction whole, with its unit (not `2 tsp`), on both sides.
        #expect(try messages("- 黑胡椒 1/2 汤匙\n", "- 1/2 tsp black pepper\n").first?.contains("has 1/2 tsp (line 1) where this has 1/2 汤匙") == true)
        #expect(try messages("- 面粉 1 1/2 汤匙\n", "- 1 1/2 tsp flour\n").first?.contains("has 1 1/2 tsp (line 1) where this has 1 1/2 汤匙") == true)
        #expect(try messages("- 黑胡椒 3/4 湯匙\n", "- 3/4 tsp black pepper\n", settings: ["target": "zh-Hant"]).first?
            .contains("has 3/4 tsp (line 1) where this has 3/4 湯匙") == true)
        // Not a date or a path: the number alone.
        let u = Document(SourceText(path: "a.md", text: "On 2024/1/12 and v1/2 and 12/5 and 1/2 cup.\n")).units[0]
        #expect(Self.numbers(u.string).filter { u.text[$0.range.lowerBound - 1] == 0x2F }.map { NumberMismatchRule.fractionStart(u, $0.range) < $0.range.lowerBound }
                == [false, false, false, false, true])
    }

    /// Round 25: relative centrifugal force (`400 × g`) is a unit of its own.
    @Test func centrifugalForce() throws {
        // Relative centrifugal force is a unit of its own, written `g` as often; rpm is r/min.
        let spin = "Cells were spun at 400 × g for 30 min.\n"
        #expect(try messages("细胞以 400 rpm 离心 30 min。\n", spin).count == 1)
        #expect(try messages("细胞以 400 ×g 离心 30 min。\n", spin).isEmpty)
        #expect(try messages("细胞以 400 g 离心 30 分钟。\n", spin).isEmpty)
        #expect(try messages("细胞以 400 g 离心 30 分钟。\n", "Cells were spun at 400 xg for 30 min.\n").isEmpty)
        #expect(try messages("转子以 3000 r/min 旋转。\n", "The rotor turns at 3000 rpm.\n").isEmpty)
        #expect(try messages("细胞以 400 × g 离心。\n", "Cells were spun at 400 g-force.\n").isEmpty)
        // The word is the locale's (`centrifugalWords`), none in code; zh-Hant as zh-Hans.
        let u = Document(SourceText(path: "a.md", text: "Spun at 400 g-force.\n")).units[0]
        let at = Self.numbers(u.string)[0].range
        #expect(NumberMismatchRule.symbol(u, after: at, centrifugal: []) == nil)
        for id in ["en", "zh-Hans", "zh-Hant"] {
            #expect(NumberMismatchRule.symbol(u, after: at, centrifugal: try LocaleData.load(id).centrifugalWords) == "×g", "\(id)")
        }
        #expect(try Harness.findings(rule: NumberMismatchRule(), target: "細胞以 400 g-force 離心。\n", source: "Cells were spun at 400 × g.\n",
                                     settings: ["target": "zh-Hant"]).isEmpty)
        #expect(try messages("尺寸为 30 × 40 cm。\n", "It is 30 × 40 cm.\n").isEmpty)
        // The message quotes the unit with the spaces the source writes in it.
        #expect(try messages("细胞以 400 rpm 离心 30 min。\n", spin).first?.contains("the source has 400 × g (line 1)") == true)
        #expect(try messages("细胞以 400 rpm 离心。\n", "Cells were spun at 400 xg.\n").first?.contains("the source has 400 xg (line 1)") == true)
    }

    /// Round 25: a bound of a number of the prose (`p < 0.05` → `p ≤ 0.05`) is reported once, by
    /// number-mismatch.
    @Test func aProseBoundReportedOnce() throws {
        // `p < 0.05` → `p ≤ 0.05`: number-mismatch's, once; an operator between names stays code-mismatch's.
        let p = "Differences were significant at p < 0.05.\n"
        #expect(try messages("以 p ≤ 0.05 为差异有统计学意义。\n", p).count == 1)
        #expect(try messages("以 p ≤ 0.05 为差异有统计学意义。\n", p, rule: CodeMismatchRule()).isEmpty)
        // number-mismatch off (`rules: {number-mismatch: off}`): code-mismatch reports it.
        #expect(try Harness.findings(rule: CodeMismatchRule(), target: "以 p ≤ 0.05 为差异有统计学意义。\n", source: p, settings: ["off": "number-mismatch"]).count == 1)
        #expect(try Harness.findings(rule: CodeMismatchRule(), target: "以 p < 0.05 为差异有统计学意义。\n", source: p, settings: ["off": "number-mismatch"]).isEmpty)
        #expect(try Harness.findings(rule: CodeMismatchRule(), target: "以 p ≤ 0.05 為差異有統計學意義。\n", source: p,
                                     settings: ["off": "number-mismatch", "target": "zh-Hant"]).count == 1)
        #expect(try messages("当 `cwnd` > `ssthresh` 时进入拥塞避免。\n", "When `cwnd` < `ssthresh`, congestion avoidance starts.\n", rule: CodeMismatchRule()).count == 1)
    }

    /// Round 27: a scale letter `T` (and `tn`) scales by 10¹², beside the face value (`1.2T` =
    /// `1.2 万亿`, zh-Hant `萬億` too).
    @Test func trillionsWithT() throws {
        #expect(Self.agree("1.2T", "1.2 万亿"))
        #expect(Self.agree("1.2T", "1.2 萬億"))
        #expect(Self.agree("$3tn", "3 万亿"))
        #expect(Self.agree("2T", "2T"))
        #expect(!Self.agree("1.5T", "1.2 万亿"))
        #expect(try messages("该模型训练了 1.2 万亿个词元。\n", "The model was trained on 1.2T tokens.\n").isEmpty)
        #expect(try messages("该模型训练了 1.5 万亿个词元。\n", "The model was trained on 1.2T tokens.\n").count == 1)
    }

    /// Round 27: months named without a day, in a range, after a word of time, alone in a cell.
    @Test func monthsWithoutADay() throws {
        let huts = "| Hut | Open |\n| --- | --- |\n| Cabane des Pléiades | June–September |\n"
        #expect(try messages("| 山屋 | 开放时间 |\n| --- | --- |\n| Cabane des Pléiades | 6 月至 9 月 |\n", huts).isEmpty)
        let range = try messages("| 山屋 | 开放时间 |\n| --- | --- |\n| Cabane des Pléiades | 6 月至 10 月 |\n", huts)
        #expect(range.count == 1 && range.first?.contains("September") == true)
        #expect(try messages("山屋 7 月开放。\n", "The hut is open in June.\n").count == 1)
        #expect(try messages("山屋六月开放。\n", "The hut is open in June.\n").isEmpty)
        #expect(try messages("优惠持续到 4 月。\n", "The offer runs until March.\n").count == 1)
        #expect(try messages("可在 6 月预订。\n", "You can book in May.\n").count == 1)
        #expect(try messages("| 月份 | 活动 |\n| --- | --- |\n| 7 月 | 开放 |\n", "| Month | Event |\n| --- | --- |\n| June | Opening |\n").count == 1)
        // `May` the modal and `March` the verb are no months; a count of months is no month.
        #expect(try messages("下午 3 点前前往山顶，山顶在 5 月积雪。\n", "March to the summit before 3 pm.\n").isEmpty)
        #expect(try messages("可在 5 月预订。\n", "You May book in May.\n").isEmpty)
        #expect(try messages("计划 3 个月。\n", "Plan for 3 months.\n").isEmpty)
        let u = Document(SourceText(path: "a.md", text: "March on, you may stay in June or from May to Jul; see Mar.\n")).units[0]
        #expect(NumberMismatchRule.monthMentions(u, unit: 0, Self.months).map(\.value.text) == ["June", "May", "Jul"])
        // The names and their words are the source locale's data, none from code: the first name
        // of a month is its full one; a locale without them names no month.
        #expect(Self.months.names["May"].map { "\($0.month) \($0.full)" } == "5.0 true")
        #expect(Self.months.names["Sept"].map { "\($0.month) \($0.full)" } == "9.0 false")
        #expect(Self.months.joiners.contains("to") && Self.months.timeWords.contains("until"))
        #expect(NumberMismatchRule.monthMentions(u, unit: 0, LocaleData.Months()).isEmpty)
    }

    /// Round 27: a coordinate's hemisphere, a letter after the degrees or 北纬/南纬/东经/西经 before
    /// the number.
    @Test func hemispheres() throws {
        let finish = "The finish is at 46.4536° N, 6.9830° E.\n"
        #expect(try messages("终点位于北纬 46.4536°，东经 6.9830°。\n", finish).isEmpty)
        #expect(try messages("终点位于 46.4536° N，6.9830° E。\n", finish).isEmpty)
        #expect(try messages("终点位于 46.4536°，6.9830°。\n", finish).isEmpty)
        #expect(try messages("终点位于 46.4536° S，6.9830° E。\n", finish).count == 1)
        #expect(try messages("终点位于南纬 46.4536°，东经 6.9830°。\n", finish).count == 1)
        #expect(try messages("终点位于北纬 46.4536°，西经 6.9830°。\n", finish).count == 1)
        #expect(try messages("山屋位于 46°27′13″ S。\n", "The hut is at 46°27′13″ N.\n").count == 1)
        #expect(try messages("向右旋转 45°。\n", "Rotate it 45° to the right.\n").isEmpty)
    }

    /// Round 27: a unit a word after its number (`5 unused days`) where the translation writes
    /// another unit of its kind; a unit of another kind, or none, is no evidence.
    @Test func aUnitAWordAfterItsNumber() throws {
        let carry = "You may carry over up to 5 unused days.\n"
        #expect(try messages("您最多可将 5 周未休年假结转。\n", carry).count == 1)
        #expect(try messages("您最多可将 5 天未休年假结转。\n", carry).isEmpty)
        #expect(try messages("您最多可将 5 个未休假日结转。\n", carry).isEmpty)
        #expect(try messages("请在 3 个工作日内回复。\n", "Reply within 3 working days.\n").isEmpty)
        #expect(try messages("每天运行 3 次。\n", "Run it 3 times a day.\n").isEmpty)
        // …and a quantity with a unit takes the number written with a unit of its kind.
        let week = "An employee who works 3 days a week gets 3/5 of the entitlement.\n"
        #expect(try messages("每周工作 3 周的员工享有 3/5 的额度。\n", week).count == 1)
        #expect(try messages("每周工作 3 天的员工享有 3/5 的额度。\n", week).isEmpty)
    }

    /// Round 27: `100%` as the whole of an amount (全额, 全部); not beside another percentage.
    @Test func wholeAmounts() throws {
        let pay = "| Period | Pay |\n| --- | --- |\n| First 4 weeks | 100% of basic pay |\n"
        #expect(try messages("| 期间 | 薪酬 |\n| --- | --- |\n| 前 4 周 | 全额基本工资 |\n", pay).isEmpty)
        #expect(try messages("| 期间 | 薪酬 |\n| --- | --- |\n| 前 4 周 | 基本工资的 80% |\n", pay).count == 1)
        #expect(try messages("全部 3 个用户覆盖率为 90%。\n", "Coverage is 100% for 3 users.\n").count == 1)
    }

    /// A model code the translation of its unit drops is reported at its first mention only,
    /// where the source writes it first (in prose or in code), found in one pass.
    @Test func modelCodeAtItsFirstMention() throws {
        let source = "# Fans\n\nThe AF160EU fan is quiet.\n\nMount the AF160EU fan on the rear.\n\nSet `AF200EU` in the file.\n\nThe AF200EU is louder.\n"
        let target = "# 风扇\n\n这款风扇很安静。\n\n将该风扇装在后部。\n\n在文件中设置 `AF200EU`。\n\n这款风扇更响。\n"
        let found = try Harness.findings(rule: NumberMismatchRule(), target: target, source: source)
        #expect(found.map(\.span.start.line) == [3], "\(found.map(\.message))")
        let units = Document(SourceText(path: "a.md", text: source)).units
        let first = NumberMismatchRule.firstModelCodes(units)
        #expect(first.keys.sorted() == ["AF160EU", "AF200EU"])
        #expect(first["AF160EU"]?.unit == 1 && first["AF200EU"]?.unit == 3)
        // A catalogue whose every row drops its code: each reported once, at once.
        let rows = (1...400).map { "AF\(100 + $0)EU" }
        let catalogue = "# Models\n\n" + rows.map { "- The \($0) fan.\n" }.joined()
        let dropped = "# 型号\n\n" + rows.map { _ in "- 风扇。\n" }.joined()
        #expect(try Harness.findings(rule: NumberMismatchRule(), target: dropped, source: catalogue).count == 400)
        // Its own message, English and Chinese.
        #expect(found.first?.message == "the source's model code AF160EU (line 3) is missing here: keep it as written")
        #expect(Messages.load("zh-Hans").text("number-mismatch.model", ["source": "AF160EU", "line": "3"]) == "原文（第 3 行）的型号 AF160EU 在这里不见了：请照原样保留")
    }

    /// Round 26 (D7): `N 个半 UNIT` and `N UNIT 半` are N and a half (一个半小时 is 90 minutes,
    /// 两年半 30 months); 三点半 stays a clock time, 一年半载 no number.
    @Test func andAHalf() throws {
        #expect(try messages("组装大约需要一个半小时。\n", "Assembly takes about 90 minutes.\n").isEmpty)
        #expect(try messages("组装大约需要一个半小时。\n", "Assembly takes about 60 minutes.\n").count == 1)
        #expect(try messages("保修期为两年半。\n", "The warranty lasts 30 months.\n").isEmpty)
        #expect(try messages("保修期为两年半。\n", "The warranty lasts 24 months.\n").count == 1)
        #expect(try messages("用了两个半月。\n", "It took 2.5 months.\n").isEmpty)
        #expect(Self.numbers("两个半小时").map(\.values) == [[2.5]])
        #expect(Self.numbers("两年半").map(\.values) == [[2.5]])
        #expect(Self.numbers("三点半").map(\.values) == [[3], [0.5]])
        #expect(Self.numbers("一年半载").map(\.values) == [[1], [0.5]])
    }

    /// Round 26 (D15): a telephone number in international form is one number, by its digits:
    /// regrouped it is the same, a digit changed is not.
    @Test func telephoneNumbers() throws {
        let phone = "Phone: +49 30 1234 5678\n"
        #expect(try messages("电话：+49 30 12345678\n", phone).isEmpty)
        #expect(try messages("电话：+49 30 1234 5678\n", phone).isEmpty)
        #expect(try messages("电话：+49 30 12345679\n", phone).count == 1)
        #expect(try messages("电话：+1 415 555 0100\n", "Phone: +1 415-555-0100\n").isEmpty)
        // A sign before a number, and a sum, stay numbers of their own.
        #expect(Self.numbers("+10 to +125").map(\.values) == [[10], [125]])
        #expect(Self.numbers("3+49 30 1234 5678").map(\.text) == ["3", "49", "30", "1234", "5678"])
    }

    /// Round 26 (D11): 未满 and 不满 bound a number from above and leave it out, 满, 已满 and
    /// 年满 from below and include it (zh-Hant 未滿, 已滿, 年滿).
    @Test func fullAndNotYetFullAreBounds() throws {
        let under = "The app is for persons under 16 years of age.\n"
        #expect(try messages("该应用面向已满 16 周岁的人士。\n", under).count == 1)
        #expect(try messages("该应用面向未满 16 周岁的人士。\n", under).isEmpty)
        #expect(try messages("您必须年满 18 周岁。\n", "You must be at least 18 years old.\n").isEmpty)
        #expect(try messages("您必须未满 18 周岁。\n", "You must be at least 18 years old.\n").count == 1)
        for (id, lower, upper) in [("zh-Hans", "年满", "未满"), ("zh-Hant", "年滿", "未滿")] {
            let b = try LocaleData.load(id).bounds
            #expect(b.includes(lower) == true && b.includes(upper) == false, "\(id)")
            #expect(b.before.contains { $0.lower && $0.words == Array(lower.unicodeScalars.map(\.value)) }, "\(id)")
        }
    }

    /// Round 26 (D10): a clock time whose half of the day both sides mark is compared as the
    /// hour of the 24-hour clock (`2:00 PM` → `上午 2:00` is changed); one side unmarked is not.
    @Test func halfOfTheDayChanged() throws {
        let call = "The call starts at 2:00 PM.\n"
        #expect(try messages("电话会议于上午 2:00 开始。\n", call) == ["the source has 2:00 PM (line 1) where this has 上午 2:00: check the number"])
        #expect(try messages("电话会议于下午 2:00 开始。\n", call).isEmpty)
        #expect(try messages("电话会议于 14:00 开始。\n", "The call starts at 2:00 p.m.\n").isEmpty)
        #expect(try messages("电话会议于 2:00 开始。\n", call).isEmpty)
        #expect(try messages("电话会议于凌晨 12:30 开始。\n", "The call starts at 12:30 AM.\n").isEmpty)
        #expect(try messages("电话会议于中午 12:30 开始。\n", "The call starts at 12:30 AM.\n").count == 1)
        #expect(try messages("晚上 9 点开门。\n", "Doors open at 9 a.m.\n").count == 1)
        #expect(try messages("上午 9 点开门。\n", "Doors open at 9 a.m.\n").isEmpty)
    }

    /// Round 26 (D9): `one` before a unit of time (and `a` after `within`, `for`, `after`, `in`)
    /// is the count 1 with its unit: another unit is reported, the same unit, or none, is not.
    @Test func oneBeforeAUnitOfTime() throws {
        #expect(try messages("我们将在一周内答复。\n", "We will respond within one month.\n").count == 1)
        #expect(try messages("我们将在一周内答复。\n", "We will respond within a month.\n").count == 1)
        #expect(try messages("我们将在一个月内答复。\n", "We will respond within one month.\n").isEmpty)
        #expect(try messages("我们将在 30 天内答复。\n", "We will respond within one month.\n").count <= 1)
        #expect(try messages("我们会尽快答复。\n", "We will respond within a month.\n").isEmpty)
        #expect(try messages("第二次尝试成功了。\n", "It worked for a second time.\n").isEmpty)
        #expect(try messages("每天备份三次。\n", "It backs up three times a day.\n").isEmpty)
        #expect(try messages("有一天你会用到它。\n", "One day you will need it.\n").isEmpty)
        // The words are the source locale's (`oneWords`, `oneArticles`…), none from code.
        let en = try LocaleData.load("en")
        #expect(en.frequencies.ones == ["one"] && en.frequencies.oneArticles == ["a", "an"])
        #expect(en.frequencies.oneArticlesAfter.contains("within") && en.frequencies.oneArticlesNotBefore.contains("second"))
        #expect(en.bounds.changeLinks == [[0x62, 0x79], [0x6F, 0x66]])
    }

    /// `w`/`W` right after a number in Han text is also 万 (held-out review C6): `1.1w` = 11,000,
    /// `1400W` = 14 million; the face value stays (`1400W` may be watts), and a wrong count is
    /// still reported.
    @Test func wAfterANumberIsWan() throws {
        #expect(try messages("测试集包含 1.1w 张照片，语料库包含 1400W 行。\n", "The test set has 11,000 photos and the corpus has 14 million lines.\n").isEmpty)
        #expect(try messages("测试集包含 1.2w 张照片。\n", "The test set has 11,000 photos.\n").count == 1)
        #expect(try messages("请使用 1400W 的电源。\n", "Use a 1400 W power supply.\n").isEmpty)
        // Between Chinese punctuation too, and no unit beside the source's `10k` (the letter is
        // the locale's `numeralLatinScales`); a changed count is still reported.
        let source = "The three files hold 10k, 20k and 50k samples.\n"
        #expect(try messages("三个文件分别包含1W、2W、5W条样本。\n", source).isEmpty)
        #expect(try messages("该集合包含（5W）条样本。\n", "The set holds 50k samples.\n").isEmpty)
        #expect(try messages("该集合包含8W条样本。\n", "The set holds 50k samples.\n").count == 1)
        #expect(try messages("三个文件分别包含 10000、20000、50000 条样本。\n", source).isEmpty)
        #expect(Harness.target.numerals.latinScales[0x57] == 1e4)
    }

    /// A duration written in two units of time is one quantity (review 29 D16): `60–75 minutes`
    /// → `1 小时到 1 小时 15 分钟`, `1 hour and 15 minutes` → `75 分钟`; a changed one is reported.
    @Test func durationInTwoUnits() throws {
        #expect(try messages("你每周训练 3 天，每次训练需要 1 小时到 1 小时 15 分钟。\n", "You train 3 days a week and each session takes 60–75 minutes.\n").isEmpty)
        #expect(try messages("需要 75 分钟。\n", "It takes 1 hour and 15 minutes.\n").isEmpty)
        #expect(try messages("需要 1 小时 15 分钟。\n", "It takes 1 hour 15 minutes.\n").isEmpty)
        #expect(try messages("等待 51 小时。\n", "Wait 2 days and 3 hours.\n").isEmpty)
        #expect(try messages("你每周训练 3 天，每次训练需要 1 小时到 1 小时 20 分钟。\n", "You train 3 days a week and each session takes 60–75 minutes.\n").count >= 1)
        #expect(try messages("需要 80 分钟。\n", "It takes 1 hour and 15 minutes.\n").count >= 1)
        #expect(try messages("你每周训练 3 天，每次训练需要 2 小时到 1 小时 15 分钟。\n", "You train 3 days a week and each session takes 60–75 minutes.\n").count == 1)
    }

    /// The unit written after a product belongs to every factor (review 30 D7): `44 × 44 px` →
    /// `44 × 44 pt` is one changed unit, reported once; the same unit, a unit in words, or a
    /// product the translation writes without its unit is no finding.
    @Test func productUnit() throws {
        let changed = try messages("我们建议使用 44 × 44 pt。\n", "We recommend 44 × 44 px.\n")
        #expect(changed.count == 1)
        #expect(changed.first?.contains("44 × 44 px") == true)
        #expect(try messages("盒子为 2 × 3 × 4 mm。\n", "The box is 2 × 3 × 4 cm.\n").count == 1)
        #expect(try messages("我们建议使用 44 × 44 px。\n", "We recommend 44 × 44 px.\n").isEmpty)
        #expect(try messages("使用 1920 × 1080 像素的屏幕。\n", "Use a 1920 × 1080 px screen.\n").isEmpty)
        #expect(try messages("我们建议使用 44 × 44 的图标。\n", "We recommend 44 × 44 px icons.\n").isEmpty)
        #expect(try messages("盒子为 2 × 3 × 4 cm。\n", "The box is 2 × 3 × 4 cm.\n").isEmpty)
    }

    /// Held-out C6: a `Y.M.D` date renders the English date whose month it names (`2025.5.26` for
    /// `May 26, 2025`); a 一 closing a noun renders the `1` after a word (`task 1` → `赛题一`).
    @Test func chineseDateAndNounOne() throws {
        #expect(try messages("第 2 版于 2025.5.26 发布。\n", "Version 2 was released on May 26, 2025.\n").isEmpty)
        #expect(try messages("第 2 版于 2025/5/26 发布。\n", "Version 2 was released on May 26, 2025.\n").isEmpty)
        #expect(try messages("第 2 版于 2025.5.27 发布。\n", "Version 2 was released on May 26, 2025.\n").count == 1)
        #expect(try messages("第 2 版于 2024.5.26 发布。\n", "Version 2 was released on May 26, 2025.\n").count == 1)
        #expect(try messages("它为赛题一发布。\n", "It was released for task 1.\n").isEmpty)
        #expect(try messages("它为赛题二发布。\n", "It was released for task 1.\n").count == 1)
        #expect(try messages("它为赛题 3 发布。\n", "It was released for task 1.\n").count == 1)
    }

    /// Two numbers whose order the source states, exchanged (review 29 D1): `400 → 450` → `450 →
    /// 400`, `15 minutes instead of 10` → `由 15 分钟改为 10 分钟`, `from 20% to 18%` → `从 18% 降至
    /// 20%`; the same order, a list, or an order only one side states is no finding.
    @Test func exchangedOrder() throws {
        #expect(try messages("- 护盾生命值：450 → 400。\n", "- Shield health: 400 → 450.\n").count == 1)
        #expect(try messages("- 护盾生命值：400 → 450。\n", "- Shield health: 400 → 450.\n").isEmpty)
        #expect(try messages("12 号线的发车间隔由 15 分钟改为 10 分钟。\n", "Line 12 will run every 15 minutes instead of every 10 minutes.\n").count == 1)
        #expect(try messages("12 号线的发车间隔由 10 分钟改为 15 分钟。\n", "Line 12 will run every 15 minutes instead of every 10 minutes.\n").isEmpty)
        #expect(try messages("暴击率从 18% 降至 20%。\n", "Critical chance drops from 20% to 18%.\n").count == 1)
        #expect(try messages("暴击率从 20% 降至 18%。\n", "Critical chance drops from 20% to 18%.\n").isEmpty)
        #expect(try messages("节奏：下放 1 秒、停顿 3 秒、上推 1 秒。\n", "Tempo: 3 seconds down, a 1-second pause, 1 second up.\n").isEmpty)
        #expect(try messages("暴击率为 18% 和 20%。\n", "Critical chance drops from 20% to 18%.\n").isEmpty)
    }

    /// A `%` the source writes on both numbers of a pair, lost on the second (review 29 D6):
    /// `20% → 18%` → `20% → 18` is reported; a range sharing the source's one `%` is not.
    @Test func percentOfThePairsSecond() throws {
        #expect(try messages("| Lens | 暴击率 20% → 18 |\n", "| Lens | Critical chance 20% → 18% |\n").count == 1)
        #expect(try messages("暴击率从 20% 降至 18。\n", "Critical chance drops from 20% to 18%.\n").count == 1)
        #expect(try messages("暴击率从 20% 降至 18%。\n", "Critical chance drops from 20% to 18%.\n").isEmpty)
        #expect(try messages("它占用 20–30% 的时间。\n", "It takes 20%–30% of the time.\n").isEmpty)
        #expect(try messages("它占用 20%–30% 的时间。\n", "It takes 20–30% of the time.\n").isEmpty)
    }

    /// A word bound's inclusion changed (review 29 D3): `under 5` → `5 岁及以下`, `more than 3` →
    /// `3 件及以上`; `5 岁以下` reads either way, `at least 3` → `3 件及以上` keeps it.
    @Test func wordBoundInclusion() throws {
        #expect(try messages("5 岁及以下儿童免费乘车。\n", "Children under 5 travel free.\n").count == 1)
        #expect(try messages("5 岁以下儿童免费乘车。\n", "Children under 5 travel free.\n").isEmpty)
        #expect(try messages("购买 3 件及以上可享折扣。\n", "Buy more than 3 items for a discount.\n").count == 1)
        #expect(try messages("购买至少 3 件可享折扣。\n", "Buy at least 3 items for a discount.\n").isEmpty)
        #expect(try messages("购买 3 件及以上可享折扣。\n", "Buy at least 3 items for a discount.\n").isEmpty)
        #expect(try messages("购买超过 3 件可享折扣。\n", "Buy more than 3 items for a discount.\n").isEmpty)
        #expect(try messages("设置通常不超过 60 秒。\n", "Setup usually takes less than 60 seconds.\n").isEmpty)
        #expect(try messages("支持 200+ 种语言。\n", "It supports over 200 languages.\n").isEmpty)
    }

    /// `or under` and `or younger` bound from above (review 29 D14): `16 or under` → `16 岁或以上`
    /// is reported; `16 岁及以下` and `12 岁以下` are not.
    @Test func orUnderIsABound() throws {
        #expect(try messages("16 岁或以上的玩家可以加入。\n", "Players aged 16 or under may join.\n").count == 1)
        #expect(try messages("16 岁及以下的玩家可以加入。\n", "Players aged 16 or under may join.\n").isEmpty)
        #expect(try messages("12 岁以下的儿童免费乘坐。\n", "Children aged 12 or younger ride free.\n").isEmpty)
        #expect(try messages("12 岁或以上的儿童免费乘坐。\n", "Children aged 12 or younger ride free.\n").count == 1)
    }

    /// The verbs of balance and release notes are words of change (review 29 D5): `reduced by
    /// 15%` → `提高 15%`, `cut 20%` → `上涨了 20%` are reported; the same direction is not.
    @Test func reducedAndCutAreChanges() throws {
        #expect(try messages("持续伤害提高 15%。\n", "Damage over time reduced by 15%.\n").count == 1)
        #expect(try messages("持续伤害降低 15%。\n", "Damage over time reduced by 15%.\n").isEmpty)
        #expect(try messages("价格上涨了 20%。\n", "Prices were cut 20%.\n").count == 1)
        #expect(try messages("冷却时间缩短了 2 秒。\n", "Cooldown lowered by 2 seconds.\n").isEmpty)
    }

    /// Review 30 (D15): 整 (whole) between a numeral and its unit of time keeps the quantity
    /// (`24 hours` → `一整天`, `12 months` → `一整年`); a changed quantity is still reported, and 一
    /// before 整 and another word (`一整页`) stays the article.
    @Test func wholeBeforeAUnitOfTime() throws {
        #expect(try messages("连续一整天或更长时间不变的值已被删除。\n", "Values that stayed constant for 24 hours or longer were removed.\n").isEmpty)
        #expect(try messages("连续两整天不变的值已被删除。\n", "Values that stayed constant for 48 hours were removed.\n").isEmpty)
        #expect(try messages("花了一整年。\n", "It took 12 months.\n").isEmpty)
        #expect(try messages("连续两整天不变的值已被删除。\n", "Values that stayed constant for 24 hours were removed.\n").count == 1)
        #expect(try messages("连续一整周不变的值已被删除。\n", "Values that stayed constant for 24 hours were removed.\n").count == 1)
        #expect(try messages("阅读一整页。\n", "Read the whole page.\n").isEmpty)
    }

    /// Review 30 (D14): a date of digits changed is reported once, marked whole, however many of
    /// its numbers changed; two dates changed are two findings.
    @Test func changedDateReportedOnce() throws {
        let one = try Harness.findings(rule: NumberMismatchRule(), target: "| 版本 | 日期 |\n| --- | --- |\n| 3.1 | 2024-09-02 |\n| 3.0 | 2024-09-02 |\n",
                                       source: "| Version | Date |\n| --- | --- |\n| 3.1 | 2025-03-14 |\n| 3.0 | 2024-09-02 |\n")
        #expect(one.map(\.span.start.line) == [3], "\(one.map(\.message))")
        #expect(one.first?.message.contains("2025-03-14") == true && one.first?.message.contains("2024-09-02") == true)
        #expect(try messages("发布于 2025-03-15 和 2024-01-02。\n", "Released on 2025-03-14 and 2024-01-01.\n").count == 2)
        #expect(try messages("发布于 2025-03-14。\n", "Released on 2025-03-14.\n").isEmpty)
    }

    /// Round 26 (D13): a change turned round beside the same number (`up 12%` → `下降 12%`); the
    /// same direction, a change one side leaves unsaid, a particle (`set up`) and a value after
    /// 到 are none.
    @Test func changeTurnedRound() throws {
        let up = "Revenue of $4.2 billion, up 12% year over year.\n"
        #expect(try messages("营收 42 亿美元，同比下降 12%。\n", up) == ["the source has up 12% (line 1) where this has 下降 12%: the change goes the other way; check it"])
        #expect(try messages("营收 42 亿美元，同比增长 12%。\n", up).isEmpty)
        #expect(try messages("营收 42 亿美元，同比 12%。\n", up).isEmpty)
        #expect(try messages("营业利润率下降 150 个基点。\n", "Operating margin rose 150 basis points.\n").count == 1)
        #expect(try messages("成本增加了 3%，而营收增加了 5%。\n", "Costs decreased by 3% while revenue increased by 5%.\n").count == 1)
        #expect(try messages("成本降低了 3%，而营收增加了 5%。\n", "Costs decreased by 3% while revenue increased by 5%.\n").isEmpty)
        #expect(try messages("减少到 3 台服务器。\n", "Set up 3 servers.\n").isEmpty)
        #expect(try messages("延迟减少了 20 ms。\n", "Latency is down 20 ms.\n").isEmpty)
        #expect(try messages("延迟增加了 20 ms。\n", "Latency is down 20 ms.\n").count == 1)
        for id in ["zh-Hans", "zh-Hant", "en"] {
            #expect(try !LocaleData.load(id).bounds.changes.isEmpty, "\(id)")
        }
    }

    /// Round 26 (D8): fiscal quarters and years (`Q3`, `third quarter`, `FY2025`) compared where
    /// the translation names a quarter or a fiscal year; `Q3` kept stays a name.
    @Test func fiscalQuartersAndYears() throws {
        let header = "| | Q3 FY2026 | Q3 FY2025 |\n| --- | --- | --- |\n| Revenue | $4,216 | $3,764 |\n"
        #expect(try messages("| | 2026 财年第三季度 | 2025 财年第二季度 |\n| --- | --- | --- |\n| 营收 | $4,216 | $3,764 |\n", header).count == 1)
        #expect(try messages("| | 2026 财年第三季度 | 2025 财年第三季度 |\n| --- | --- | --- |\n| 营收 | $4,216 | $3,764 |\n", header).isEmpty)
        #expect(try messages("| | Q3 FY2026 | Q3 FY2025 |\n| --- | --- | --- |\n| 营收 | $4,216 | $3,764 |\n", header).isEmpty)
        #expect(try messages("2024 财年第三季度的业绩如下。\n", "Results for Q3 FY2025 are below.\n").count == 1)
        let outlook = "For the fourth quarter of fiscal 2026, Keystone expects revenue of $4.3 billion.\n"
        #expect(try messages("对于 2026 财年第三季度，Keystone 预计营收为 43 亿美元。\n", outlook).count == 1)
        #expect(try messages("对于 2026 财年第四季度，Keystone 预计营收为 43 亿美元。\n", outlook).isEmpty)
        #expect(try messages("对于 2026 财年四季度，Keystone 预计营收为 43 亿美元。\n", outlook).isEmpty)
        #expect(try messages("一季度营收增长。\n", "Revenue grew in the first quarter.\n").isEmpty)
        #expect(try messages("二季度营收增长。\n", "Revenue grew in the first quarter.\n").count == 1)
        // A quarter of something is no quarter of the year; `Q3` in a name stays a name.
        #expect(try messages("页面的前四分之一是标题。\n", "The first quarter of the page is the title.\n").isEmpty)
        #expect(try messages("见 Q3-2 和 FAQ3。\n", "See Q3-2 and FAQ3.\n").isEmpty)
    }

    /// A clock time on the 12-hour clock, by the words of the part of the day of each locale's
    /// `units.yml` (`clockBefore`, `clockAfter`): its hour also stands for the 24-hour clock's.
    @Test func twelveHourClock() throws {
        func hours(_ text: String, _ id: String) throws -> [[Double]] {
            var ms = NumberScanner.numbers(in: Array(text.unicodeScalars.map(\.value)), numerals: Harness.target.numerals) { _ in true }
            NumberScanner.twelveHourClock(&ms, in: Array(text.unicodeScalars.map(\.value)), markers: try LocaleData.load(id).clock)
            return ms.filter { $0.values.count > 1 }.map(\.values)
        }
        #expect(try hours("週一下午 2:00–3:30，週二晚間 8:15，傍晚 6:05，中午 12:10", "zh-Hant") == [[2, 14], [3, 15], [8, 20], [6, 18]])
        #expect(try hours("凌晨 12:30，上午 2:00，早上 9:00，清晨 5:45", "zh-Hant") == [[12, 0]])
        #expect(try hours("周一下午 2:00–3:30，周二晚间 8:15，凌晨 12:30", "zh-Hans") == [[2, 14], [3, 15], [8, 20], [12, 0]])
        // The Latin words after the time, in either case, with or without dots; none glued.
        #expect(try hours("2:00–3:30 PM, 11:59 p.m., 12:30 a.m, 9:15 am, 4:00 PMT, 5:00pm", "en") == [[2, 14], [3, 15], [11, 23], [12, 0], [5, 17]])
        #expect(try hours("下午 2:00", "en").isEmpty)
        #expect(try hours("会议 2:00 PM 开始", "zh-Hant") == [[2, 14]])
        // An hour with the character for its minutes (`clockPoint`: 点, zh-Hant 點), not before
        // a character that makes it none (`clockPointNotBefore`: 點擊).
        #expect(try hours("下午 3 點，晚上 8 點半", "zh-Hant") == [[3, 15], [8, 20]])
        #expect(try hours("下午 3 点，下午 4 点击", "zh-Hans") == [[3, 15]])
    }

    /// Which bound words include their number (the locales' `boundsExclusive`: 超过 does not,
    /// 不低于 does, 以上 reads either way) and the words that write a sign (`signWords`), in
    /// both Chinese locales.
    @Test func boundInclusionAndSignWordsAreLocaleData() throws {
        for (id, inclusive, exclusive, plusMinus) in [("zh-Hans", "不低于", "超过", "正负"), ("zh-Hant", "不低於", "超過", "正負")] {
            let b = try LocaleData.load(id).bounds
            #expect(b.includes(inclusive) == true && b.includes(exclusive) == false && b.includes("以上") == nil, "\(id)")
            #expect(NumberMismatchRule.boundInclusive("≥", b) == true && NumberMismatchRule.boundInclusive("＞", b) == false)
            #expect(NumberMismatchRule.boundInclusive(exclusive, b) == false)
            #expect(b.percent == ["成"] && b.around.contains("左右") && b.plusMinus.contains(plusMinus), "\(id)")
        }
    }

    /// Dates of the prose read whole, and a day and month that trade places.
    @Test func proseDates() {
        func unit(_ s: String) -> BitextMarkdown.Unit { Document(SourceText(path: "a.md", text: s + "\n")).units[0] }
        func shown(_ d: [ProseDate]) -> [String] { d.map { "\($0.year ?? 0)-\($0.month)-\($0.day)" } }
        #expect(shown(NumberMismatchRule.sourceDates(unit("From 1 March 2025, or the 2nd of May, to March 4, 2025 and Sep. 30; 2025-12-01."), Self.months)) ==
                ["2025-3-1", "0-5-2", "2025-3-4", "0-9-30", "2025-12-1"])
        // Not a date: a month with no day, a time, a decimal, a range, a date with the year last.
        #expect(NumberMismatchRule.sourceDates(unit("In March 2025, at May 1:30, in June 1.5x, March 1-3, on 03/01/2025, `March 1`."), Self.months).isEmpty)
        #expect(shown(NumberMismatchRule.targetDates(unit("自 2025 年 3 月 1 日起，7月7号到 12 月 31 日，以及 2025-01-03。"))) ==
                ["2025-3-1", "0-7-7", "0-12-31", "2025-1-3"])
        #expect(NumberMismatchRule.targetDates(unit("2025 年 3 月发布，共 13 月 1 日，第 3 月 5 天。")).isEmpty)
        let s = NumberMismatchRule.sourceDates(unit("Effective date: 1 March 2025."), Self.months)
        #expect(NumberMismatchRule.swappedDates(source: s, target: NumberMismatchRule.targetDates(unit("生效日期：2025 年 1 月 3 日。"))).count == 1)
        #expect(NumberMismatchRule.swappedDates(source: s, target: NumberMismatchRule.targetDates(unit("生效日期：2025 年 3 月 1 日。"))).isEmpty)
        // Another year is another finding's (the year's number differs); a day alone changed too.
        #expect(NumberMismatchRule.swappedDates(source: s, target: NumberMismatchRule.targetDates(unit("2024 年 1 月 3 日"))).isEmpty)
        #expect(NumberMismatchRule.swappedDates(source: s, target: NumberMismatchRule.targetDates(unit("2025 年 3 月 2 日"))).isEmpty)
    }

    /// Currencies before and after a number, by ISO code.
    @Test func currencies() throws {
        let en = try LocaleData.load("en"), zh = try LocaleData.load("zh-Hans")
        func codes(_ text: String, _ a: LocaleData, _ b: LocaleData) -> [String?] {
            let u = Document(SourceText(path: "a.md", text: text + "\n")).units[0]
            return Self.numbers(u.string).map { NumberMismatchRule.currency(u, around: $0.range, a, b).map { "\($0.written) \($0.symbol)" } }
        }
        #expect(codes("€49.99, US$5, USD 10, 10 USD, 5 euros, 3 pounds, 7 $", en, zh)
                == ["€ ¤EUR", "US$ ¤USD", "USD ¤USD", "USD ¤USD", "euros ¤EUR", nil, nil])
        #expect(codes("49.99 美元，100 元人民币，¥500，20 元，3 分钟", zh, en) == ["美元 ¤USD", "元人民币 ¤CNY", "¥ ¤CNY,JPY", "元 ¤CNY", nil])
        #expect(!NumberMismatchRule.sameSymbol("¤EUR", "¤USD"))
        #expect(NumberMismatchRule.sameSymbol("¤AUD,CAD,USD", "¤USD"))
        #expect(NumberMismatchRule.sameSymbol("¤USD", "ms"))
    }

    /// Units written as words after a number, each SI prefix composed with each unit word, and
    /// none for a word that starts like one and names something else.
    @Test func unitsInWords() throws {
        let en = try LocaleData.load("en"), zh = try LocaleData.load("zh-Hans")
        func symbols(_ text: String, _ l: LocaleData) -> [String?] {
            let u = Document(SourceText(path: "a.md", text: text + "\n")).units[0]
            return Self.numbers(u.string).map { NumberMismatchRule.unitWord(u, after: $0.range, l).map { "\($0.written) \($0.symbol)" } }
        }
        #expect(symbols("2.3 gigabytes, 47 nanotesla, a 10-kilometre run, 5 Watts, 3 megahertz, 8 bits, 4 weeks, 2 gigs", en)
                == ["gigabytes GB", "nanotesla nT", "kilometre km", "Watts W", "megahertz MHz", "bits b", nil, nil])
        #expect(symbols("2.3 千兆字节，4 吉字节，47 纳特斯拉，5 公里，3 千克，8 个字节，2 比特币，3 安装，1 特别", zh)
                == ["千兆字节 GB", "吉字节 GB", "纳特斯拉 nT", "公里 km", "千克 kg", "个字节 B", nil, nil, nil])
        // 3 千米 is read as 3 and as 3000 (千 a numeral): 3000 metres either way.
        #expect(NumberMismatchRule.sameQuantity(Self.numbers("3000")[0], "m", Self.numbers("3 千米")[0], "km"))
        #expect(NumberMismatchRule.siScale("nT").map { "\($0.scale) \($0.base)" } == "1e-09 T")
    }

    /// Bytes written as bits (a factor of 8) is another unit, in symbols or in words; bits or
    /// bytes written otherwise is none.
    @Test func bytesAndBits() throws {
        func found(_ source: String, _ target: String) throws -> Int {
            try Harness.findings(rule: NumberMismatchRule(), target: target + "\n", source: source + "\n").filter { $0.rule == "number-mismatch" }.count
        }
        #expect(try found("Mirror the site at no more than 2 MB/s.", "以不超过 2 Mb/s 的速度镜像该网站。") == 1)
        #expect(try found("Mirror the site at no more than 2 MB/s.", "以不超过 2 Mbps 的速度镜像该网站。") == 1)
        #expect(try found("Mirror the site at no more than 2 MB/s.", "以不超过 2 Mbit/s 的速度镜像该网站。") == 1)
        #expect(try found("Each record takes 8 bytes.", "每条记录占 8 比特。") == 1)
        #expect(try found("Mirror the site at no more than 2 MB/s.", "以不超过 2 MB/秒 的速度镜像该网站。") == 0)
        #expect(try found("The link runs at 10 Mbps.", "该链路以 10 Mbit/s 运行。") == 0)
        #expect(try found("The uplink runs at 40 Gb/s.", "上行链路以 40 Gbps 运行。") == 0)
        #expect(try found("The header is 64 kB.", "头部为 64 KB。") == 0)
        #expect(try found("Each record takes 8 bytes.", "每条记录占 8 个字节。") == 0)
    }

    /// Hashes: lowercase hexadecimal runs with a digit and a letter, standing alone.
    @Test func hexadecimalRuns() {
        let u = Document(SourceText(path: "a.md", text: "Commits a1b2c3d and 4c2d9e1f00, not #a1b2c3d4, 123e4567-e89b, 1e10000, deadbeef, 0x1a2b3c4d or 1234567.\n")).units[0]
        #expect(NumberMismatchRule.hexRuns(u, roles: [.content]).map { u.string($0) } == ["a1b2c3d", "4c2d9e1f00"])
    }

    /// `zero or more` and `one or more`, and the Chinese that says them.
    @Test func zeroOrOneOrMore() {
        func said(_ s: String) -> [Int] { NumberMismatchRule.orMore(Document(SourceText(path: "a.md", text: s + "\n")).units[0]).map(\.value) }
        #expect(said("Pass one or more paths, zero or more flags, or zero, one or more.") == [1, 0])
        #expect(said("零次或多次、一个或多个、1 个或更多、十一个或多个、第一或多") == [0, 1, 1])
    }

    /// Numbers written alike several times take as many of the translation's; the one left over
    /// is the changed one. Two numbers of one `N/N` token are found as such.
    @Test func numbersLeftOver() {
        // One face value, two units: two quantities (`3 days … 3 months` → `3 天 … 3 周`).
        do {
            let s = Self.numbers("3 days, 3 months"), t = Self.numbers("3 天，3 周")
            let r = NumberMismatchRule.unpaired(source: s, sourceSymbols: ["d", "mo"], target: t, targetSymbols: ["d", "wk"])
            #expect(r.unit.map(\.0) == [1] && r.unit.map(\.1) == [1])
            let u = NumberMismatchRule.unpaired(source: s, sourceSymbols: ["d", "of"], target: t, targetSymbols: ["d", nil])
            #expect(u.missing.isEmpty && u.unit.isEmpty)
        }
        let s = Self.numbers("1, 1, 2"), t = Self.numbers("1、1、3")
        let r = NumberMismatchRule.unpaired(source: s, sourceSymbols: s.map { _ in nil }, target: t, targetSymbols: t.map { _ in nil })
        #expect(r.missing == [2])
        #expect(r.extra == [2])
        let text = Array("on call 24/7, 1/2/2024".unicodeScalars).map(\.value)
        let n = NumberScanner.numbers(in: text, numerals: Harness.target.numerals) { _ in true }
        #expect(NumberMismatchRule.slashPair(text, n[0].range, n[1].range))
        #expect(!NumberMismatchRule.slashPair(text, n[2].range, n[3].range))
    }

    @Test func whatIsNotANumber() {
        #expect(Self.numbers("ES2015 and x86").isEmpty)
        #expect(Self.numbers("2's complement").isEmpty)
        #expect(Self.numbers("一个函数和一些参数").isEmpty)  // the article, not one
        #expect(Self.numbers("方法一：").map(\.values) == [[1]])
        #expect(Self.numbers("一到八位").map(\.values) == [[1], [8]])
        #expect(Self.numbers("Spark2.4.0", glued: true).map(\.text) == ["2.4.0"])
        #expect(Self.numbers("v3.4").map(\.text) == ["3.4"])
    }

    /// Scientific notation is one number, by value and written whole; an `e` between digits
    /// of a name, a code point, a hash or a UUID is none.
    @Test func scientificNotation() {
        #expect(Self.numbers("rate 3e-4 now").map(\.text) == ["3e-4"])
        #expect(Self.numbers("rate 1.5E+3 now").map(\.values) == [[1500]])
        #expect(Self.agree("3e-4", "0.0003"))
        #expect(Self.agree("3e-4", "3 × 10^-4"))
        #expect(Self.agree("1.25 x 10²", "125"))
        #expect(Self.agree("1e-2", "10⁻²"))
        #expect(!Self.agree("3e-4", "3e4"))
        #expect(!Self.agree("3e-4", "3e-5"))
        #expect(Self.numbers("3 × 10^-4").map(\.text) == ["3 × 10^-4"])
        // Not in a name, a hash, a code point or a UUID; hexadecimal stays hexadecimal.
        #expect(Self.numbers("x3e4").isEmpty)
        #expect(Self.numbers("3e4f").map(\.text) == ["3"])
        #expect(Self.numbers("U+00E9").map(\.text) == ["00"])
        #expect(!Self.numbers("b53a-11e9-95ba").contains { $0.text.contains("e") })
        #expect(Self.numbers("0x1e3").map(\.values) == [[483]])
        #expect(Self.numbers("3e1234").allSatisfy { !$0.text.contains("e") })
        // A multiplication that is no power of ten: two numbers.
        #expect(Self.numbers("1920 x 1080").map(\.text) == ["1920", "1080"])
    }

    static func words(_ s: String) -> [NumberMention] {
        NumberScanner.numberWords(in: Array(s.unicodeScalars).map(\.value)) { _ in true }
    }

    /// English cardinal words, two to ninety-nine, each a count; not `one`, ordinals, words
    /// glued to others, estimates, fractions, scales or names.
    @Test func englishCardinalWords() {
        #expect(Self.words("within five working days").map(\.values) == [[5]])
        #expect(Self.words("Twenty-five tests, twenty one runs and ninety-nine bottles").map(\.values) == [[25], [21], [99]])
        #expect(Self.words("Two ways to do it").map(\.text) == ["two"])
        #expect(Self.words("one, the first, second and third").isEmpty)
        #expect(Self.words("one or two, two or three, two thirds, two hundred, my two cents").isEmpty)
        #expect(Self.words("a three-way merge, zero-shot, two-factor, twenty-first, catch-twenty-two").isEmpty)
        #expect(Self.words("Three.js, two's complement, two/three, two2, the Fantastic Four, TWO").isEmpty)
        #expect(Self.words("network, often, tenth, eighteenth, attention").isEmpty)
        // Only what is eligible (prose, not code).
        let text = Array("call two() with two".unicodeScalars).map(\.value)
        #expect(NumberScanner.numberWords(in: text) { $0 >= 5 && $0 < 11 ? false : true }.map(\.range) == [16..<19])
    }

    /// The unit of time of the rate a number states in its clause, English and Chinese: a
    /// range's numbers share it; `a second` before a noun, a period (`每 5 秒`, `每三个月`) and
    /// a word that starts like one (`每周期`) are none.
    @Test func rates() throws {
        let en = try LocaleData.load("en"), zh = try LocaleData.load("zh-Hans")
        func rates(_ text: String, _ l: LocaleData) -> [String?] {
            let u = Document(SourceText(path: "a.md", text: text + "\n")).units[0]
            let n = Self.numbers(u.string)
            return n.map { NumberMismatchRule.rate(u, of: $0.range, stops: n.map(\.range), l).map { "\(u.string($0.range)) \($0.symbol)" } }
        }
        #expect(rates("It handles 120 requests per second, 3 times a day, 5 GB/s, 120 req/s, 60 fps, 50% per year and 7 rows.", en)
                == ["per second s", "a day d", "/s s", "/s s", "fps s", "per year yr", nil])
        #expect(rates("We run 2 servers and a second cluster, 10 rows a second time, 4 hours a week, 3 to 5 messages per minute.", en)
                == [nil, nil, "a week wk", "per minute min", "per minute min"])
        #expect(rates("It reads 120 rows and 5 writes per hour; 8 jobs, per day.", en) == [nil, "per hour h", nil])
        #expect(rates("每秒处理 120 个请求，120 次/秒，每个小时 3 次，每 5 秒 6 次，60 fps，每分钟 3 到 5 次，每周期 7 次，200 个请求每天。", zh)
                == ["每秒 s", "/秒 s", "每个小时 h", nil, nil, "fps s", "每分钟 min", "每分钟 min", nil, "每天 d"])
        #expect(rates("每秒读取 120 次、写入 8 次，每分钟 9 次写入和每小时 10 次。", zh) == ["每秒 s", nil, "每分钟 min", "每小时 h"])
    }

    /// `once`, `twice`, `thrice` as counts where they surely count: `once` before a frequency
    /// or after a bound, never the conjunction, `at once`, an estimate or a ratio.
    /// The bound words come from the locale (`countBounds` of `en.units.yml`), none from code.
    @Test func frequencyWords() throws {
        let en = try LocaleData.load("en"), bounds = en.bounds.countBounds
        func said(_ s: String, _ b: Set<String>? = nil, words: LocaleData.Frequencies? = nil) -> [Double] {
            let t = Array(s.unicodeScalars).map(\.value)
            return NumberScanner.frequencyWords(in: t, isTimeWord: { ["day", "week", "hour"].contains($0) }, bounds: b ?? bounds,
                                                words: words ?? en.frequencies) { _ in true }.flatMap(\.values)
        }
        // The count words and the words beside them are the locale's (`frequencyWords`…), none in code.
        #expect(said("It pages twice a week.", words: LocaleData.Frequencies()) == [])
        #expect(en.frequencies.counts == ["once": 1, "twice": 2, "thrice": 3])
        #expect(said("Run it more than once, at most once, exactly once, just once.") == [1, 1, 1, 1])
        #expect(said("It ran more than once in a row and at most once in a day", []) == [])
        #expect(said("It ran more than once in a row and at most once in a day") == [1, 1])
        // A count ending its clause after a word (review 34 D13); not the idioms of
        // `frequencyEndNotAfter`, nor a clause's first word.
        #expect(said("You can defer once.") == [1])
        #expect(said("It is computed once, then cached.") == [1])
        #expect(said("Do it at once. Once, it worked; stop it for once.") == [])
        #expect(said("It pages more than twice a week and thrice on Mondays.") == [2, 3])
        #expect(said("Back up once a day, or at least once, and only once per week.") == [1, 1, 1])
        #expect(said("Once the server starts, run it. Once a user signs in, stop at once.") == [])
        #expect(said("once again, once or twice, twice as fast, twice the size, twice-daily, Twice") == [])
    }

    /// A count of the translation: digits, or a numeral before a counting word; not the
    /// article, an ordinal, an estimate, a weekday, a year, a word with a numeral in it.
    @Test func chineseCounts() {
        func counts(_ s: String) -> [String] {
            let t = Array(s.unicodeScalars).map(\.value)
            return NumberScanner.numbers(in: t, numerals: Harness.target.numerals, gluedToWords: true) { _ in true }
                .filter { NumberScanner.isCount($0, in: t, numerals: Harness.target.numerals) }.map(\.text)
        }
        #expect(counts("三个工作日，两周，十二项，五分钟，12 次") == ["三", "两", "十二", "五", "12"])
        #expect(counts("一个，第三个，两三个，几十个，二十多个，周三，二〇二四年") == [])
        #expect(counts("十分重要，三角形，四舍五入，一般，统一，万一，五月，二元运算符") == [])
        #expect(counts("ipv6 地址，0x1F 个，v2.4.1 版") == [])
    }

    /// Hexadecimal literals are one number each, by value; glued to a word they are a name.
    @Test func hexadecimalLiterals() {
        #expect(Self.numbers("at 0x60A0 now").map(\.text) == ["0x60a0"])
        #expect(Self.agree("0x60A0", "0x60a0"))
        #expect(Self.agree("0x10", "16"))
        #expect(!Self.agree("0x60A0", "0x6A00"))
        #expect(Self.numbers("abc0x10 and 0x1fz").isEmpty)
    }

    /// A message quotes a number with its sign and percent sign, not a hyphen before it.
    @Test func numbersAsMessagesQuoteThem() throws {
        let doc = Document(SourceText(path: "a.md", text: "±5% and GPT-4 and 30 %.\n"))
        let u = doc.units[0]
        let shown = Self.numbers(u.string).map { NumberMismatchRule.shown(u, $0.range) }
        #expect(shown == ["±5%", "GPT-4", "30"])
        // An identifier whole, a number with its scale.
        let ids = Document(SourceText(path: "c.md", text: "CVE-2024-38821 at UTC+8, 12 million and 1200 万, 5-minute.\n")).units[0]
        #expect(Self.numbers(ids.string).map { NumberMismatchRule.shown(ids, $0.range) }
                == ["CVE-2024-38821", "CVE-2024-38821", "UTC+8", "12 million", "1200 万", "5"])
        let dated = Document(SourceText(path: "b.md", text: "Fixed on 2024-05-15, in 1-2 days.\n")).units[0]
        #expect(Self.numbers(dated.string).map { NumberMismatchRule.shown(dated, $0.range) } == ["2024-05-15", "2024-05-15", "2024-05-15", "1", "2"])
    }

    @Test func placeholders() {
        func find(_ s: String) -> [String] {
            let t = Array(s.unicodeScalars).map(\.value)
            return Placeholders.find(t) { _ in true }.map { makeString(t[$0]) }
        }
        #expect(find("Hi {{ user.name }}, {count} items, %s and %(name)s, %1$d, $HOME, ${JAVA_HOME}, /users/:id")
                == ["{{ user.name }}", "{count}", "%s", "%(name)s", "%1$d", "$HOME", "${JAVA_HOME}", ":id"])
        #expect(find("100% sure, \\text{Constant}, $5, a:b").isEmpty)
        #expect(find("${变量}") == ["${变量}"])
    }

    /// Key caps in brackets by their shape: not links, indexes, ranges, bit fields or task boxes.
    @Test func bracketKeysByShape() {
        func keys(_ s: String, fullWidth: Bool = false) -> [String] {
            PlaceholderMismatchRule.bracketKeys(Fixtures.document(s).units[0], unit: 0, fullWidth: fullWidth).map(\.value)
        }
        #expect(keys("Press [E] to open, [F5] to save, [Ctrl]+[S] to keep, [shift] to run.\n") == ["E", "F5", "CTRL", "S", "SHIFT"])
        #expect(keys("See [the docs](https://a.example), a[i], bits [7:4], [0, 1], [1], note[^1], [[Page]], [x](y) and [ABCDEFGHIJKLM].\n").isEmpty)
        #expect(keys("See [docs].\n\n[docs]: https://a.example\n").isEmpty)
        #expect(keys("[x] Done and [X] too.\n") == ["X"])
        #expect(keys("按【E】或［F］打开。\n", fullWidth: true) == ["E", "F"])
        #expect(keys("按【E】打开。\n").isEmpty)
    }

    /// An opening tag's attributes as compared: display text and links left out, spaces collapsed.
    @Test func tagAttributesAsCompared() {
        func attributes(_ s: String) -> [String] {
            let u = Fixtures.document(s).units[0]
            return u.inlineTags.filter { !$0.closing }.map { PlaceholderMismatchRule.attributeText(u, $0) }
        }
        #expect(attributes("A <color=#ff0>seal</color>, <size=12>x</size> and <b>y</b>.\n") == ["=#ff0", "=12", ""])
        #expect(attributes("A <span  class=\"x\"\ttitle=\"A hint\" aria-label=\"Hint\">y</span> <a href=\"/en/x\">z</a>.\n")
                == ["class=\"x\" title=\"\" aria-label=\"\"", "href=\"\""])
        #expect(attributes("See <Link href=\"https://zh.example.com/en/docs#setup\">x</Link>.\n") == ["href=\"example.com/docs\""])
        // No space around `=` outside quotes; inside them the value as written.
        #expect(attributes("A <span class = \"x\" data-k= 'a = b'>y</span> <a href = \"/x\">z</a>.\n")
                == ["class=\"x\" data-k='a = b'", "href=\"\""])
        #expect(PlaceholderMismatchRule.attributeKey("class='a b'  id=\"x\" step={1 + 2}") == ["class=\"a b\"", "id=\"x\"", "step={1 + 2}"])
        // Inside braces (an expression) a double quote starts no attribute quote either: its text,
        // an apostrophe too, is kept as written.
        #expect(PlaceholderMismatchRule.attributeKey("v={\"it's\"} id='x'") == ["id=\"x\"", "v={\"it's\"}"])
    }

    @Test func anchorsAsSitesMakeThem() {
        let doc = Fixtures.document("""
            # What's new in React 19?

            ## 创建 Shell 任务并设置参数

            ## Usage {#use}

            ## Reference {/*reference*/}

            ## Usage

            <a id="faq"></a>

            <span id="reference"></span>

            <code src="./demo/search.tsx">搜索</code>

            ## 严重级别 {#severity-levels}
            """)
        let a = DocumentAnchors(doc)
        // A heading with an explicit id is reached by its id only, not by a slug of its text.
        #expect(a.contains("severity-levels"))
        #expect(!a.contains("严重级别"))
        // An element's id names no heading; a heading's key keeps naming the heading when an
        // element has the same id (the elements are read only for fragments no heading has).
        #expect(a.lookup("faq") == .some(nil))
        #expect(a.lookup("reference") == .some(3))
        #expect(a.lookup("nothing-here") == nil)
        for f in ["whats-new-in-react-19", "what-s-new-in-react-19", "创建-shell-任务并设置参数", "%E5%88%9B%E5%BB%BA-shell-%E4%BB%BB%E5%8A%A1%E5%B9%B6%E8%AE%BE%E7%BD%AE%E5%8F%82%E6%95%B0",
                  "use", "reference", "usage", "usage-1", "faq", "select-demo-search"] {
            #expect(a.contains(f), "\(f)")
        }
        #expect(!a.contains("usage-2"))
        #expect(!a.contains("references"))
        #expect(doc.headingID(2)?.id == "use")
        #expect(doc.headingID(3)?.syntax == .mdxComment)
    }

    @Test func linkSpellingsAndLocalisation() {
        #expect(LinkComparison.trivial("https://www.Example.com/a/index.html") == LinkComparison.trivial("http://example.com/a/"))
        #expect(LinkComparison.sameRelative("./reactivity-core", "/api/reactivity-core"))
        #expect(LinkComparison.delocalised("https://zh-hans.react.dev/learn") == LinkComparison.delocalised("https://react.dev/learn"))
        #expect(LinkComparison.delocalised("/components/button-cn") == LinkComparison.delocalised("/components/button/"))
        #expect(LinkComparison.delocalised("https://developer.mozilla.org/zh-CN/docs/Web") == LinkComparison.delocalised("https://developer.mozilla.org/en-US/docs/Web"))
        #expect(LinkComparison.delocalised("locale/en_US.tsx") == LinkComparison.delocalised("locale/zh_CN.tsx"))
        #expect(LinkComparison.mapped("/guide/intro", [("/guide/", "/zh/guide/"), ("/", "/x/")]) == "/zh/guide/intro")
        #expect(LinkComparison.isChinese("https://zh.wikipedia.org/wiki/%E5%88%86%E8%AF%8D"))
        #expect(!LinkComparison.isChinese("https://en.wikipedia.org/wiki/Tokenization"))
        #expect(LinkComparison.kind("#设置") == .anchor && LinkComparison.kind("<#setup>") == .anchor)
        #expect(LinkComparison.kind("https://example.org/p") == .absolute && LinkComparison.kind("//cdn.example.org/a.js") == .absolute)
        #expect(LinkComparison.kind("mailto:a@example.org") == .absolute)
        #expect(LinkComparison.kind("/docs/en/x") == .relative && LinkComparison.kind("./guide.md#a") == .relative)
        #expect(LinkComparison.site("https://zh-hans.react.dev/learn") == "react.dev")
        #expect(LinkComparison.site("https://en.wikipedia.org/wiki/X") == LinkComparison.site("https://zh.wikipedia.org/wiki/Y"))
        #expect(LinkComparison.site("/docs/x") == nil)
    }

    /// The byte paths of `withoutLocaleSuffixes` and `isChinese` answer as the Character-level
    /// ways they replace (kept here as the reference) on every name made of a word, locale
    /// suffixes and separators, and on a few that are not ASCII.
    @Test func localeSuffixesAndChineseWordsByBytes() {
        func reference(_ p: String) -> String {
            var p = p, changed = true
            while changed {
                changed = false
                for (suffix, l) in LinkComparison.localeSuffixes where p.hasSuffix(suffix) && p.count > l + 1 {
                    p = String(p.dropLast(l + 1)); changed = true
                }
            }
            return p
        }
        func referenceChinese(_ s: String) -> Bool {
            s.split(whereSeparator: { $0.asciiValue.map { "/.?&=#:_-".utf8.contains($0) } ?? false })
                .contains { w in LinkComparison.chineseWords.contains { $0 == w } }
        }
        var names = ["", "-", "zh", "page", "é-cn", "cafe\u{301}-zh", "x\u{0600}-cn", "中文-zh-cn", "a-b_c.d"]
        let pieces = ["", "page", "getting-started"] + Array(LinkComparison.locales).sorted()
        for a in pieces {
            for sep in ["-", ".", "_"] {
                for b in LinkComparison.locales.sorted() { names.append(a + sep + b); names.append(a + sep + b + "-" + b) }
            }
        }
        for n in names {
            #expect(LinkComparison.withoutLocaleSuffixes(n) == reference(n), "\(n.debugDescription)")
            for url in [n, "/docs/" + n + "/x", "https://" + n + ".example.org/?lang=" + n, "/a/\u{301}" + n] {
                #expect(LinkComparison.isChinese(url) == referenceChinese(url) || url.unicodeScalars.contains { isHanIdeograph($0.value) },
                        "\(url.debugDescription)")
            }
        }
    }

    @Test func codeAsAReviewerComparesIt() {
        #expect(CodeComparison.sameCode("const x = ref(0) // count", "const x = ref(0) // 计数"))
        #expect(CodeComparison.sameCode("<h1>Good job!</h1>", "<h1>干得漂亮！</h1>"))
        #expect(CodeComparison.sameCode("print('hello')", "print(\"你好\")"))
        #expect(CodeComparison.sameCode("const a = [{\n  b: 1,\n}];", "const a = [\n  {\n    b: 1\n  }\n]"))
        #expect(CodeComparison.sameCode("import enUS from 'antd/locale/en_US'", "import zhCN from 'antd/locale/zh_CN'"))
        #expect(!CodeComparison.sameCode("const x = ref(0)", "const x = reactive(0)"))
        #expect(!CodeComparison.sameCode("<h1>Good job!</h1>", "<h2>干得漂亮！</h2>"))
        let d = CodeComparison.firstDifference(source: "a()\nb()\nc()\n", target: "a()\n// 注释\nb()\nd()\n")
        #expect(d?.targetLine == 3)
        #expect(d?.source == "c()")
        #expect(d?.target == "d()")
        #expect(CodeMismatchRule.agrees("push", "push(_:)"))
        #expect(CodeMismatchRule.agrees("'chemist'", "化学家"))
        #expect(!CodeMismatchRule.agrees("ref()", "reactive()"))
        #expect(CodeMismatchRule.isWordLike("Resource Center"))
        #expect(!CodeMismatchRule.isCodeShaped("<select>"))
        #expect(CodeMismatchRule.isCodeShaped("ref()"))
        // Keywords and constants in capitals are written as they are; a capitalised word may be rendered.
        #expect(CodeMismatchRule.isCodeShaped("HAVING") && CodeMismatchRule.isCodeShaped("MAX_SIZE"))
        #expect(!CodeMismatchRule.isCodeShaped("String") && !CodeMismatchRule.isCodeShaped("A"))
        #expect(CodeMismatchRule.writtenTranslated("${variable}", in: "会替换 ${变量} 的内容"))
    }

    @Test func linksMappingInTheConfiguration() throws {
        let c = try Config.parse("links:\n  /guide/: /zh/guide/\n  https://react.dev/: https://zh-hans.react.dev/\n", path: "bitext.yml")
        #expect(c.links.map(\.source) == ["/guide/", "https://react.dev/"])
        #expect(c.links.map(\.target) == ["/zh/guide/", "https://zh-hans.react.dev/"])
        #expect(throws: InputError.self) { try Config.parse("links: [/guide/]\n", path: "bitext.yml") }
        #expect(throws: InputError.self) { try Config.parse("links:\n  \"\": /zh/\n", path: "bitext.yml") }
    }

    @Test func uncertainPairsAreLeftAloneAndNoted() throws {
        // Two paragraphs the aligner cannot pair with confidence.
        let source = "The cache expires after 30 seconds and holds 500 entries of 2 kinds.\n"
        let target = "完全不同的一段话，讲的是另外的事情，而且长度也相差很多很多很多很多很多很多很多很多很多很多很多很多很多很多很多很多很多很多很多很多很多很多很多很多很多很多很多很多很多。\n"
        let settings = Harness.settings()
        let checker = Checker(settings: settings, messages: Messages.load("en"), glossary: nil, rules: [NumberMismatchRule()])
        let (findings, notes) = try checker.withToolkit { toolkit in
            let s = Fixtures.document(source, path: "en.md"), t = Fixtures.document(target, path: "zh.md")
            let sa = checker.analyze(s, toolkit: toolkit), ta = checker.analyze(t, toolkit: toolkit)
            let al = DocumentAligner(functionWords: Harness.source.functionWords, numerals: Harness.target.numerals).align(source: s, sourceAnalyses: sa, target: t, targetAnalyses: ta)
            #expect(al.beads.allSatisfy { $0.score < FileContext.minimumConsistencyScore || $0.source.isEmpty || $0.target.isEmpty })
            return checker.checkWithNotes(t, analyses: ta, pairing: Pairing(source: s, sourceAnalyses: sa, alignment: al), toolkit: toolkit)
        }
        #expect(findings.isEmpty)
        if let n = notes.first { #expect(n.message.contains("uncertain")) }
    }

    @Test func checkVerboseAndJSONDetails() throws {
        let r = try CLI.run(["check", "--source", "examples/en/tokenizers.md", "examples/zh/tokenizers.md", "--format", "json", "--no-config"])
        let findings = ((r.json as? [String: Any])?["findings"] as? [[String: Any]]) ?? []
        let number = findings.first { $0["rule"] as? String == "number-mismatch" }
        let details = number?["details"] as? [String: Any]
        #expect(details?["source"] as? String == "650")
        #expect(details?["target"] as? String == "560")
        for rule in ["number-mismatch", "code-mismatch", "link-mismatch", "broken-anchor", "anchor-mismatch", "placeholder-mismatch", "markup-mismatch"] {
            #expect(findings.contains { $0["rule"] as? String == rule }, "\(rule)")
        }
        let sarif = try CLI.run(["check", "--source", "examples/en/tokenizers.md", "examples/zh/tokenizers.md", "--format", "sarif", "--no-config"])
        #expect(sarif.stdout.contains("\"ruleId\" : \"anchor-mismatch\"") || sarif.stdout.contains("\"ruleId\": \"anchor-mismatch\""))
        // SARIF carries the same details as the result's property bag.
        let runs = (sarif.json as? [String: Any])?["runs"] as? [[String: Any]]
        let results = runs?.first?["results"] as? [[String: Any]] ?? []
        let sarifNumber = results.first { $0["ruleId"] as? String == "number-mismatch" }
        let properties = sarifNumber?["properties"] as? [String: Any]
        #expect(properties?["source"] as? String == "650")
        #expect(properties?["target"] as? String == "560")
        let github = try CLI.run(["check", "--source", "examples/en/tokenizers.md", "examples/zh/tokenizers.md", "--format", "github", "--no-config"])
        #expect(github.stdout.contains("[link-mismatch]") || github.stdout.contains("link-mismatch"))
    }
}
