import BitextMarkdown
import BitextText

/// `halfwidth-punctuation`: ASCII punctuation inside Chinese text.
public struct HalfwidthPunctuationRule: Rule {
    public let id = "halfwidth-punctuation"
    public let defaultSeverity = Severity.info
    public let summary = "ASCII punctuation (, : ; ! ? ( ) .) inside Chinese text where full-width marks belong, and a bracket paired with one of the other width whatever it holds (`（UTC+8)`); fix: the full-width mark."
    public var examples: [RuleExample] {
        [
            RuleExample("这是中文↓,后面还有中文↓.\n"),
            RuleExample("巨型语言模型↓(LLM↓)很强大。\n"),
            // A pair of mixed widths, whatever it holds.
            RuleExample("时区为（UTC+8↓)，默认↓ (UTC+9），写成↓ (u 为小写↓)。\n"),
            RuleExample("> 注意↓:这里要小心。\n"),
            RuleExample("共有 1,000 个模型，会议在 10:30 开始。\n"),
            RuleExample("比率为 [(期望值-实际值)/期望值]x100%。\n"),
            RuleExample("预设时间范围↓, 自 5.8.0 起支持函数↓ (仅限日期↓)。\n"),
            RuleExample("调用 `foo(a, b)` 即可，参见 [文档](https://example.com/a,b)。\n"),
            RuleExample("打开 README.md 文件。\n"),
            // After a name, between Chinese clauses; a bracket after a name that holds Chinese.
            RuleExample("调低温度和 top-p↓, 就能让输出更稳定；允许 SSH↓(TCP 端口 22↓)访问。\n"),
            RuleExample("繁体中文使用 `zh-TW`↓;构建时会检查它。\n"),
            RuleExample("正面评价占 41%↓, 中性评价占 30%。\n"),
            RuleExample("支持 JSON, YAML 和 TOML；调用 print(x) 即可。Hello, world!\n"),
        ]
    }
    public init() {}

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self) else { return }
        let map = c.settings.typography.fullwidth
        guard !map.isEmpty else { return }
        // The candidates (content ASCII marks the map has, in Chinese units) come from the
        // shared typography pass, unit by unit in order.
        let candidates = c.typographyScan.halfwidth
        var p = 0
        while p < candidates.count {
            let k = candidates[p].unit
            var q = p + 1
            while q < candidates.count && candidates[q].unit == k { q += 1 }
            defer { p = q }
            let u = c.document.units[k]
            let t = u.text, r = u.roles
            var openParens: [(Int, Bool)] = []
            for candidate in candidates[p..<q] {
                let i = candidate.index
                let ch = t[i]
                guard let replacement = map[ch] else { continue }
                let prev = i > 0 && r[i - 1] == .content ? t[i - 1] : 0x20
                let next = i + 1 < t.count && r[i + 1] == .content ? t[i + 1] : 0x20
                if isASCIIDigit(prev) && isASCIIDigit(next) { continue }
                // Between Latin letters a bracket is the name's or the code's (`f(x)`), unless
                // what it holds is Chinese (`SSH(TCP 端口 22)`).
                if isLatinChar(prev) && isLatinChar(next) && !(ch == 0x28 && HalfwidthPunctuationRule.holdsHan(t, r, from: i)) { continue }
                // Next to brackets or operators the mark belongs to a formula or code written
                // without backticks (`[(a-b)/a]`), not to the Chinese sentence.
                if HalfwidthPunctuationRule.isCodeMark(prev) || HalfwidthPunctuationRule.isCodeMark(next) { continue }
                var flag: Bool
                switch ch {
                case 0x28:  // (
                    // Beside Chinese, or closed by a full-width bracket (`(UTC+8）`) or by one after
                    // Chinese, which is reported (`(u 为小写)`): both ends of the pair change.
                    flag = isHanChar(prev) || isHanChar(next) || HalfwidthPunctuationRule.holdsHan(t, r, from: i)
                    if !flag, let j = HalfwidthPunctuationRule.paired(t, r, from: i, step: 1) {
                        flag = t[j] == 0xFF09 || (j > 0 && r[j - 1] == .content && isHanChar(t[j - 1]))
                    }
                    openParens.append((i, flag))
                    if !flag { continue }
                case 0x29:  // )
                    let opened = openParens.popLast()
                    flag = isHanChar(prev) || (opened?.1 ?? false)
                        || (opened == nil && HalfwidthPunctuationRule.paired(t, r, from: i, step: -1).map { t[$0] } == 0xFF08)
                case 0x2E:  // .
                    flag = isHanChar(prev) && (next == 0x20 || next == 0x0A || isHanChar(next) || i + 1 == t.count)
                case 0x3A:  // : not in a URL
                    flag = isHanChar(prev) && next != 0x2F
                default:
                    // After Chinese, or after a name inside a Chinese sentence, before Chinese
                    // (`调低 top-p, 就…`).
                    flag = isHanChar(prev) || HalfwidthPunctuationRule.betweenChineseClauses(t, r, at: i)
                }
                guard flag else { continue }
                // The spaces beside the mark go with it (`中文, 英文` → `中文，英文`).
                let span = replacement.unicodeScalars.count == 1
                    ? FullwidthSpacingRule.spanAbsorbingSpaces(t, r, at: i, as: replacement.unicodeScalars.first!.value) : i..<(i + 1)
                emit(c.finding(self, severity: severity, unit: k, range: span,
                               message: c.messages.text("halfwidth-punctuation", ["found": makeString([ch]), "replacement": replacement]),
                               fix: Fix(replacement)))
            }
        }
    }
}

extension HalfwidthPunctuationRule {
    /// Where the first bracket of the unit's content from `i` on in direction `step` is, when it
    /// is one that pairs with the bracket at `i` (1: a closing one, either width; -1: an opening
    /// one): a `(` closed by `）` or a `)` that closes `（` is a pair of mixed widths
    /// (`（UTC+8)`), whatever is inside.
    static func paired(_ t: [UInt32], _ r: [Role], from i: Int, step: Int) -> Int? {
        var j = i + step
        while j >= 0 && j < t.count {
            if r[j] == .content {
                switch t[j] {
                case 0x28, 0xFF08, 0x29, 0xFF09: return (step > 0) == (t[j] == 0x29 || t[j] == 0xFF09) ? j : nil
                default: break
                }
            }
            j += step
        }
        return nil
    }

    /// Whether the `(` at `i` pairs with a closing bracket and holds Chinese (`SSH(TCP 端口 22)`).
    static func holdsHan(_ t: [UInt32], _ r: [Role], from i: Int) -> Bool {
        guard let j = paired(t, r, from: i, step: 1) else { return false }
        return (i + 1..<j).contains { r[$0] == .content && isHanChar(t[$0]) }
    }

    /// Whether the mark at `i`, after a Latin word, a number (a percentage too) or inline code, stands between two
    /// Chinese clauses of one sentence: Chinese next after it (spaces aside) and earlier in its
    /// sentence.
    static func betweenChineseClauses(_ t: [UInt32], _ r: [Role], at i: Int) -> Bool {
        guard i > 0 else { return false }
        // Inline code: its closing backtick is markup.
        var c = i - 1
        while c > 0 && r[c] == .markup && t[c] == 0x60 { c -= 1 }
        // A percentage counts as a number (`41%, 中性`).
        let percent = t[c] == 0x25 && c > 0 && isASCIIDigit(t[c - 1])
        guard r[c] == .code || (c == i - 1 && r[c] == .content && (isLatinChar(t[c]) || isASCIIDigit(t[c]) || percent)) else { return false }
        var j = i + 1
        while j < t.count && t[j] == 0x20 { j += 1 }
        guard j < t.count, r[j] == .content, isHanChar(t[j]) else { return false }
        var k = i - 1
        while k >= 0 {
            let c = t[k]
            if r[k] == .content {
                if isHanChar(c) { return true }
                if c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0x0A { return false }
            }
            k -= 1
        }
        return false
    }

    static func isCodeMark(_ c: UInt32) -> Bool {
        switch c {
        case 0x5B, 0x5D, 0x7B, 0x7D, 0x2F, 0x3D, 0x3C, 0x3E, 0x7C, 0x5C, 0x2A, 0x2B, 0x60: return true
        default: return false
        }
    }
}

/// `fullwidth-in-english`: full-width punctuation between Latin letters or digits.
public struct FullwidthInEnglishRule: Rule {
    public let id = "fullwidth-in-english"
    public let defaultSeverity = Severity.info
    public let summary = "Full-width punctuation (，。：；！？（）) inside an English phrase; fix: the ASCII mark."
    public var examples: [RuleExample] {
        [
            RuleExample("第一句是中文。This sentence is still English↓，and it uses a full-width comma.\n"),
            RuleExample("指令是带有前缀的特殊 attribute。Vue 提供了许多内置指令。\n"),
            RuleExample("中文，English 混排没有问题。\n"),
            // Names and figures only, in a Chinese list: the document's own brackets.
            RuleExample("- 开发板：\n- Nordic nRF52840 DK（Cortex-M4F，64 MHz）\n"),
            // Figures with their unit symbols are no English phrase either (`mm`, `kg`, `lb`,
            // `kcal` after a number); a word beside them still is.
            RuleExample("| 属性 | 数值 |\n| --- | --- |\n| 尺寸 | 440 × 350 × 44 mm（1U） |\n| 重量 | 5.8 kg（12.8 lb） |\n| 噪声 | 42 dBA（25 °C 时） |\n| 能量 | 610 kcal（2,552 kJ） |\n"),
            RuleExample("| 属性 | 数值 |\n| --- | --- |\n| 重量 | 5.8 kg↓（without rails） |\n| 能量 | 610 kcal↓（per serving） |\n"),
        ]
    }
    public init() {}

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self) else { return }
        let map = c.settings.typography.halfwidth
        guard !map.isEmpty else { return }
        // No character below the map's smallest key needs a dictionary lookup.
        let least = map.keys.min() ?? 0
        let units = c.document.units, analyses = c.analyses
        var english: [Range<Int>] = []
        for k in units.indices {
            // Only inside English prose: a run in the source language (a Chinese sentence that
            // ends on an English name, `…attribute。Vue 提供…`, is Chinese).
            guard analyses[k].runs.contains(where: { $0.language == .source }) else { continue }
            let runs = analyses[k].runs
            // The text and roles, not a copy of the unit (a reference count for each of its arrays).
            let t = units[k].text, r = units[k].roles
            // The characters of those runs, in order, each once (runs come in order, apart: no
            // array to make unless they do not).
            var inOrder = true, end = 0
            for run in runs where run.language == .source {
                if run.range.lowerBound < end { inOrder = false; break }
                end = run.range.upperBound
            }
            english.removeAll(keepingCapacity: true)
            if inOrder {
                for run in runs where run.language == .source { english.append(run.range.clamped(to: t.indices)) }
            } else {
                for run in runs.filter({ $0.language == .source }).map(\.range).sorted(by: { $0.lowerBound < $1.lowerBound }) {
                    let run = run.clamped(to: t.indices)
                    if let last = english.last, run.lowerBound <= last.upperBound {
                        english[english.count - 1] = last.lowerBound..<max(last.upperBound, run.upperBound)
                    } else if !run.isEmpty {
                        english.append(run)
                    }
                }
            }
            // English made only of names, models and figures (`Uno R3（ATmega328P，16 MHz）` in a
            // Chinese list, `5.8 kg（12.8 lb）`: a unit symbol after a number is a name token)
            // takes the document's punctuation: the rule needs English words.
            var hasWords: Bool? = nil
            for i in english.joined() where t[i] >= least && r[i] == .content {
                guard var replacement = map[t[i]], i > 0, i + 1 < t.count else { continue }
                let prev = t[i - 1]
                var j = i + 1
                if t[j] == 0x20 && j + 1 < t.count { j += 1 }
                let next = t[j]
                guard r[i - 1] == .content, r[j] == .content,
                      isLatinChar(prev) || isASCIIDigit(prev), isLatinChar(next) || isASCIIDigit(next) else { continue }
                // Neither side of the mark has Han in its clause: `A：1，http://…中文` is Chinese punctuation.
                if FullwidthInEnglishRule.clauseHasHan(t, r, from: i - 1, step: -1) || FullwidthInEnglishRule.clauseHasHan(t, r, from: j, step: 1) { continue }
                if hasWords == nil {
                    hasWords = analyses[k].stretches.contains { $0.tokens.contains { $0.kind == .function || $0.kind == .lowercase } }
                        && english.contains { FullwidthInEnglishRule.wordsOutsideQuantities(t, r, $0) }
                }
                if hasWords == false { continue }
                if j == i + 1 && t[i] != 0xFF08 && t[i] != 0xFF09 { replacement += " " }
                emit(c.finding(self, severity: severity, unit: k, range: i..<(i + 1),
                               message: c.messages.text("fullwidth-in-english", ["found": makeString([t[i]]), "replacement": replacement.trimmingSpaces]),
                               fix: Fix(replacement)))
            }
        }
    }
}

extension FullwidthInEnglishRule {
    /// `run` holds a word that is no unit after a number: a Latin word of three letters or more
    /// (shorter ones are symbols already) with no digits before it (`kcal` of `610 kcal（2,552 kJ）`
    /// is a unit, as `kg` is; `without` of `5.8 kg（without rails）` is a word).
    static func wordsOutsideQuantities(_ t: [UInt32], _ r: [Role], _ run: Range<Int>) -> Bool {
        var k = run.lowerBound
        while k < run.upperBound {
            guard r[k] == .content, isLatinChar(t[k]), k == 0 || !isLatinChar(t[k - 1]) else { k += 1; continue }
            var e = k
            while e < t.count && isLatinChar(t[e]) { e += 1 }
            if e - k >= 3 {
                var b = k - 1
                if b >= 0 && t[b] == 0x20 { b -= 1 }
                if b < 0 || !isASCIIDigit(t[b]) { return true }
            }
            k = e
        }
        return false
    }

    /// Han between `from` and the next clause mark (full-width or sentence end) in direction `step`.
    static func clauseHasHan(_ t: [UInt32], _ r: [Role], from: Int, step: Int) -> Bool {
        var k = from
        while k >= 0 && k < t.count {
            let c = t[k]
            if r[k] == .content {
                if isHanChar(c) { return true }
                if c == 0xFF0C || c == 0x3002 || c == 0xFF1B || c == 0xFF1A || c == 0x3001 || c == 0xFF01 || c == 0xFF1F { return false }
            }
            k += step
        }
        return false
    }
}

/// `cjk-spacing`: the space between Han and Latin letters or digits, by policy.
public struct SpacingRule: Rule {
    public let id = "cjk-spacing"
    public let defaultSeverity = Severity.info
    public let summary = "Space between Han and Latin letters or digits: require, forbid, or (default) consistent with the rest of the file."
    public var examples: [RuleExample] {
        [
            RuleExample("在React↓ 中使用↓ Hook。\n", settings: ["spacing": "forbid"]),
            RuleExample("在↓React↓中使用↓Hook。\n", settings: ["spacing": "require"]),
            RuleExample("在 React 中使用 Hook，在 Vue 中使用 ref，以及 Svelte↓里的 store。\n"),
            RuleExample("在React中使用Hook。\n", settings: ["spacing": "forbid"]),
            RuleExample("在 React 中使用 Hook。\n", settings: ["spacing": "off"]),
            // Inline code is a habit of its own: spaced in the rest of the file, or required …
            RuleExample("在 React 中使用 Hook，用 `useState` 声明状态，用↓`useEffect` 处理副作用。\n"),
            RuleExample("用↓`useState`↓声明状态。\n", settings: ["spacing": "require"]),
            // … while a file that spaces names but never code keeps its way.
            RuleExample("在 React 中用`useState`声明状态，用`useEffect`处理副作用。\n"),
            // A sample the source itself shows in Chinese is the source's typography.
            RuleExample("页面把日期显示为 2025年3月4日。\n", source: "The page shows the date as 2025年3月4日.\n",
                        settings: ["spacing": "require"]),
            RuleExample("页面把日期显示为 2025↓年↓3↓月↓4↓日。\n", source: "The page shows the date as March 4, 2025.\n",
                        settings: ["spacing": "require"]),
        ]
    }
    public init() {}

    struct Boundary {
        var unit: Int
        /// The space, or the character after a missing space.
        var index: Int
        var spaced: Bool
        /// Beside inline code (`` `x` ``) rather than a Latin letter or digit: a habit of its own.
        var code: Bool
    }

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self) else { return }
        let policy = c.settings.typography.spacing
        guard policy != .off else { return }
        // Content Han beside a content Latin letter or digit (`spaced`: with one content space
        // between), in the Chinese units: found by the shared typography pass.
        var boundaries = c.typographyScan.boundaries
        if c.pairing != nil {
            var quoted = SourceQuotes(c)
            boundaries.removeAll { quoted.contains($0) }
        }
        // Whether a space is wanted beside Latin text and beside inline code: each by the policy,
        // or each by the file's own habit.
        func wanted(code: Bool) -> Bool? {
            switch policy {
            case .require: return true
            case .forbid: return false
            case .off: return nil
            case .consistent:
                var spaced = 0, all = 0
                for b in boundaries where b.code == code {
                    all += 1
                    if b.spaced { spaced += 1 }
                }
                // "Mostly": at least two thirds one way; otherwise the file has no habit to keep.
                if spaced * 3 >= all * 2 { return true }
                if (all - spaced) * 3 >= all * 2 { return false }
                return nil
            }
        }
        let want = [wanted(code: false), boundaries.contains(where: \.code) ? wanted(code: true) : nil]
        for b in boundaries {
            guard let wantSpace = want[b.code ? 1 : 0], b.spaced != wantSpace else { continue }
            let u = c.document.units[b.unit]
            let kind = b.code ? "cjk-spacing.code" : "cjk-spacing"
            if wantSpace {
                let ch = makeString([u.text[b.index]])
                emit(c.finding(self, severity: severity, unit: b.unit, range: b.index..<(b.index + 1),
                               message: c.messages.text(kind + ".missing"), fix: Fix(" " + ch)))
            } else {
                emit(c.finding(self, severity: severity, unit: b.unit, range: b.index..<(b.index + 1),
                               message: c.messages.text(kind + ".extra"), fix: Fix("")))
            }
        }
    }
}

/// Bilingual: Chinese the aligned source unit itself shows (a sample date such as
/// `2025年3月4日` a localisation page prints, a Chinese UI string) is the source's text, not
/// the translator's typography: a boundary inside a run of letters, digits and Han, with the
/// space it has or lacks, that the source unit has verbatim is not the translation's (neither
/// reported nor counted for the file's habit).
struct SourceQuotes {
    private let context: FileContext
    /// For each unit of the translation, its source units that hold Han at all.
    private var hanSources: [Int: [Int]]? = nil

    init(_ c: FileContext) { context = c }

    mutating func contains(_ b: SpacingRule.Boundary) -> Bool {
        guard let p = context.pairing else { return false }
        if hanSources == nil {
            hanSources = p.sourceUnits(of: context.document).compactMapValues { units in
                let han = units.filter { p.source.units[$0].text.contains(where: isHanIdeograph) }
                return han.isEmpty ? nil : han
            }
        }
        guard let sources = hanSources?[b.unit] else { return false }
        let t = context.document.units[b.unit].text
        func isWordScalar(_ v: UInt32) -> Bool {
            Unicode.Scalar(v).map { $0.properties.isAlphabetic || $0.properties.numericType != nil } ?? false
        }
        var lo = b.index, hi = b.spaced ? b.index + 1 : b.index
        while lo > 0, isWordScalar(t[lo - 1]) { lo -= 1 }
        while hi < t.count, isWordScalar(t[hi]) { hi += 1 }
        let run = t[lo..<hi]
        return sources.contains { s in
            let text = p.source.units[s].text
            guard text.count >= run.count else { return false }
            return (0...(text.count - run.count)).contains { text[$0..<($0 + run.count)].elementsEqual(run) }
        }
    }
}

/// `quote-style`: quotation marks in Chinese text: straight ASCII quotes, or a style other
/// than the one the locale (or the file) prefers.
public struct QuoteStyleRule: Rule {
    public let id = "quote-style"
    public let defaultSeverity = Severity.info
    public let summary = "Quotation marks in Chinese text: straight \"…\" quotes, or a mix of “…” and 「…」 styles; fix: the preferred marks."
    public var examples: [RuleExample] {
        [
            RuleExample("我的目标就是把这些↓\"最佳↓\"的资料串起来。\n"),
            RuleExample("他说“好”，她说↓「不好↓」，我说“再想想”。\n"),
            RuleExample("我的目标就是把这些“最佳”的资料串起来。\n"),
            RuleExample("设置 `name=\"x\"` 即可。\n"),
            RuleExample("传入\"null\"将删除图标，传入\"\"则保留。\n"),
        ]
    }
    public init() {}

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self) else { return }
        let typo = c.settings.typography
        let preferred = typo.preferredQuotes
        let secondary = typo.secondaryQuotes
        // Which other styles appear, and how often, in Chinese text.
        var styleCount: [UInt32: Int] = [:]
        // Characters outside the opening marks' range are none of them.
        let opening = [preferred.0] + typo.otherQuotes.map(\.0)
        let lowest = opening.min() ?? 0, highest = opening.max() ?? 0
        // The quotation marks of the Chinese units' content, from the shared typography pass.
        let marks = c.typographyScan.quotes
        for m in marks {
            let ch = c.document.units[m.unit].text[m.index]
            guard ch >= lowest && ch <= highest else { continue }
            if ch == preferred.0 || typo.otherQuotes.contains(where: { $0.0 == ch }) { styleCount[ch, default: 0] += 1 }
        }
        let preferredCount = styleCount[preferred.0] ?? 0
        // The file's own habit wins when it clearly uses another style.
        var target = preferred, targetSecondary = secondary
        if let (open, n) = styleCount.max(by: { $0.value < $1.value }), open != preferred.0, n > preferredCount * 2,
           let other = typo.otherQuotes.firstIndex(where: { $0.0 == open }) {
            target = typo.otherQuotes[other]
            targetSecondary = typo.otherQuotes.count > other + 1 ? typo.otherQuotes[other + 1] : secondary
        }
        var replace: [UInt32: UInt32] = [:]
        let all = [preferred, secondary] + typo.otherQuotes
        for q in all where q.0 != target.0 && q.0 != targetSecondary.0 {
            let isSingle = q.0 == secondary.0 || typo.otherQuotes.firstIndex(where: { $0.0 == q.0 }) == 1
            let to = isSingle ? targetSecondary : target
            replace[q.0] = to.0
            replace[q.1] = to.1
        }
        var first = 0
        while first < marks.count {
            let k = marks[first].unit
            var next = first + 1
            while next < marks.count && marks[next].unit == k { next += 1 }
            let unitMarks = marks[first..<next]
            first = next
            let u = c.document.units[k]
            let t = u.text, r = u.roles
            // Straight double quotes pair up in order within a unit.
            let straight = unitMarks.map(\.index).filter { t[$0] == 0x22 }
            var p = 0
            while p + 1 < straight.count {
                let o = straight[p], cl = straight[p + 1]
                p += 2
                // `""` and literals (`"null"`, `"-XX:Flag"`, `{"a": 1}`) are code, not quotation.
                if QuoteStyleRule.isLiteral(t, (o + 1)..<cl) { continue }
                let touchesHan = (o > 0 && isHanChar(t[o - 1])) || (o + 1 < t.count && isHanChar(t[o + 1]))
                    || (cl > 0 && isHanChar(t[cl - 1])) || (cl + 1 < t.count && isHanChar(t[cl + 1]))
                guard touchesHan else { continue }
                for (i, mark) in [(o, target.0), (cl, target.1)] {
                    // Spaces outside the quotes go with them (`点击 "添加" 按钮` → `点击“添加”按钮`).
                    var span = FullwidthSpacingRule.spanAbsorbingSpaces(t, r, at: i, as: mark)
                    span = i == o ? span.lowerBound..<(i + 1) : i..<span.upperBound
                    emit(c.finding(self, severity: severity, unit: k, range: span,
                                   message: c.messages.text("quote-style.straight", ["replacement": makeString([mark])]),
                                   fix: Fix(makeString([mark]))))
                }
            }
            for m in unitMarks {
                let i = m.index
                let ch = t[i]
                guard ch >= 0x2018 && ch <= 0x301F, let to = replace[ch] else { continue }
                emit(c.finding(self, severity: severity, unit: k, range: i..<(i + 1),
                               message: c.messages.text("quote-style.mixed", ["found": makeString([t[i]]), "replacement": makeString([to])]),
                               fix: Fix(makeString([to]))))
            }
        }
    }
}

extension QuoteStyleRule {
    /// Empty, or ASCII code: JSON or code marks inside (`{"a": 1}`, `-XX:Flag`), an option or
    /// variable (`-x`, `$HOME`), or a programming literal (`"null"`): not a quotation.
    static func isLiteral(_ t: [UInt32], _ inner: Range<Int>) -> Bool {
        if inner.isEmpty { return true }
        var word: [UInt8] = []
        for i in inner {
            let c = t[i]
            if c >= 0x80 { return false }
            if c == 0x3A || c == 0x7B || c == 0x7D || c == 0x3D || c == 0x5B || c == 0x5D { return true }
            if word.count < 10 { word.append(UInt8(c | (c >= 0x41 && c <= 0x5A ? 0x20 : 0))) }
        }
        if let f = t[inner].first, f == 0x2D || f == 0x24 || f == 0x2E { return true }
        return ["null", "true", "false", "undefined", "nil"].contains(String(decoding: word, as: UTF8.self))
    }
}

/// `doubled-punctuation`: the same mark twice (`，，`, `。。`).
public struct DoubledPunctuationRule: Rule {
    public let id = "doubled-punctuation"
    public let defaultSeverity = Severity.info
    public let summary = "The same punctuation mark twice in Chinese text (，，  。。  、、); fix: remove the second."
    public var examples: [RuleExample] {
        [
            RuleExample("这是一句话。↓。\n"),
            RuleExample("首先，↓，然后。\n"),
            RuleExample("他说：“好。”然后走了……\n"),
        ]
    }
    public init() {}

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self) else { return }
        let marks = c.settings.typography.doubled
        // Units with a mark twice in a row: from the shared typography pass.
        for k in c.typographyScan.doubledUnits {
            let u = c.document.units[k]
            let t = u.text, r = u.roles
            var i = 1
            while i < t.count {
                if t[i] == t[i - 1], t[i] >= 0x3000, marks.contains(t[i]), r[i] == .content, r[i - 1] == .content {
                    // Three or more in a row are deliberate (an improvised ellipsis).
                    var j = i
                    while j < t.count && t[j] == t[i] { j += 1 }
                    if j - i == 1 && (i < 2 || t[i - 2] != t[i]) {
                        emit(c.finding(self, severity: severity, unit: k, range: i..<(i + 1),
                                       message: c.messages.text("doubled-punctuation", ["found": makeString([t[i]])]), fix: Fix("")))
                    }
                    i = j
                    continue
                }
                i += 1
            }
        }
    }
}

/// `script-mix`: Traditional characters in a Simplified text (and the reverse for zh-Hant),
/// decided by ICU: a character is of the other variant when ICU's `Hant-Hans` transliterator
/// changes it and the GB2312 character set cannot encode it (for zh-Hant: `Hans-Hant` and Big5),
/// and it is none of the locale's standard characters (`zh-Hans.standard-characters.txt`, the
/// 通用规范汉字表: 昇 of 昇腾 is Simplified).
public struct ScriptMixRule: Rule {
    public let id = "script-mix"
    public let defaultSeverity = Severity.warning
    public let summary = "Traditional characters in a Simplified Chinese text (Simplified in zh-Hant); fix: ICU's transliteration."
    public var examples: [RuleExample] {
        [
            RuleExample("巨型↓語言模型的发展很快。\n"),
            RuleExample("这本书很著名，我们接着往下看。\n"),
        ]
    }
    public init() {}

    /// A page's name without a language tag at the end of its file name, and the tag
    /// (`../README_zh-TW.md` → `../README.md`, `zh-TW`; `guide.ja.html` → `guide.html`, `ja`):
    /// a language (two or three lowercase letters) after `_`, `-` or `.`, with a region or a
    /// script after it or not (`zh-TW`, `zh_hant`). Nil tag for a name without one.
    static func edition(_ destination: String) -> (page: String, tag: String?) {
        var path = Substring(destination)
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = path[..<cut] }
        let nameStart = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let name = path[nameStart...]
        let dot = name.lastIndex(of: ".")
        let stem = dot.map { name[..<$0] } ?? name, ext = dot.map { name[$0...] } ?? ""
        var parts: [Substring] = []
        var seps: [Character] = []
        var start = stem.startIndex
        for i in stem.indices where stem[i] == "_" || stem[i] == "-" || stem[i] == "." {
            parts.append(stem[start..<i]); seps.append(stem[i]); start = stem.index(after: i)
        }
        parts.append(stem[start...])
        func language(_ p: Substring) -> Bool { (2...3).contains(p.count) && p.allSatisfy { $0.isASCII && $0.isLowercase } }
        func qualifier(_ p: Substring) -> Bool { (p.count == 2 || p.count == 4) && p.allSatisfy { $0.isASCII && $0.isLetter } }
        var take = 0
        if parts.count >= 3, qualifier(parts[parts.count - 1]), language(parts[parts.count - 2]), !parts[parts.count - 3].isEmpty {
            take = 2
        } else if parts.count >= 2, language(parts[parts.count - 1]), !parts[parts.count - 2].isEmpty {
            take = 1
        }
        guard take > 0 else { return (String(path), nil) }
        let kept = parts.count - take
        var base = String(path[..<nameStart]) + String(parts[0])
        for j in 1..<kept { base += String(seps[j - 1]) + String(parts[j]) }
        var tag = String(parts[kept])
        if take == 2 { tag += String(seps[kept]) + String(parts[kept + 1]) }
        return (base + String(ext), tag)
    }

    /// The texts of a unit's links to the editions of one page in other languages, two or more
    /// of them side by side (a language switcher: `[English](README.md) | [繁體中文](README_zh-TW.md)
    /// | [日本語](README_ja.md)`, Markdown or `<a href>`): each names its language in its own
    /// script, no mix.
    static func switcherTexts(_ u: BitextMarkdown.Unit) -> [Range<Int>] {
        var links: [(text: Range<Int>, destination: String)] = u.links.filter { !$0.isImage }.map { (text: $0.text, destination: $0.destination) }
        let tags = u.inlineTags
        for (k, t) in tags.enumerated() where !t.closing && t.name.lowercased() == "a" {
            guard let href = t.attributes.first(where: { $0.name == "href" }),
                  let close = tags[(k + 1)...].first(where: { $0.closing && $0.name.lowercased() == "a" }) else { continue }
            links.append((text: t.range.upperBound..<close.range.lowerBound, destination: makeString(u.text[href.value])))
        }
        guard links.count >= 2 else { return [] }
        let editions = links.map { ScriptMixRule.edition($0.destination) }
        var out: [Range<Int>] = []
        for (i, e) in editions.enumerated() {
            // Another link of the unit to the same page in another edition, one of the two tagged.
            if editions.indices.contains(where: { j in j != i && editions[j].page == e.page && editions[j].tag != e.tag && (e.tag != nil || editions[j].tag != nil) }) {
                out.append(links[i].text)
            }
        }
        return out
    }

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self) else { return }
        // Units with a character of the other variant: from the shared typography pass.
        for k in c.typographyScan.scriptMixUnits {
            let u = c.document.units[k]
            let switcher = ScriptMixRule.switcherTexts(u)
            var i = 0
            while i < u.text.count {
                guard u.roles[i] == .content, isHanChar(u.text[i]), c.toolkit.otherVariant(u.text[i]) != nil else { i += 1; continue }
                if switcher.contains(where: { $0.contains(i) }) { i += 1; continue }
                var j = i
                var replacement: [UInt32] = []
                while j < u.text.count, u.roles[j] == .content, !switcher.contains(where: { $0.contains(j) }), let v = c.toolkit.otherVariant(u.text[j]) {
                    replacement.append(v)
                    j += 1
                }
                let fixed = makeString(replacement)
                emit(c.finding(self, severity: severity, unit: k, range: i..<j,
                               message: c.messages.text("script-mix", ["found": u.string(i..<j), "replacement": fixed,
                                                                      "variant": c.settings.target.name]),
                               fix: Fix(fixed)))
                i = j
            }
        }
    }
}
