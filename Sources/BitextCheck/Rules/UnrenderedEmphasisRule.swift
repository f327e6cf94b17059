import BitextMarkdown
import BitextText

/// `unrendered-emphasis`: `**…**` or `*…*` that CommonMark leaves as literal asterisks because a
/// delimiter sits between punctuation and a letter: `**破坏性变更：**自 2.0 起` (the closing `**`
/// follows `：` and precedes `自`, so it cannot close) or `使用**“高级”**模式` (the opening `**`
/// precedes `“` and follows `用`, so it cannot open). English rarely meets the rule, because a
/// space usually stands on the outer side; Chinese has no spaces, and a translation that keeps
/// the English markup around full-width punctuation shows the asterisks to its readers. The fix
/// moves the punctuation outside the markup (`**破坏性变更**：自`, `使用“**高级**”模式`).
public struct UnrenderedEmphasisRule: Rule {
    public let id = "unrendered-emphasis"
    public let defaultSeverity = Severity.warning
    public let summary = "** or * left as literal asterisks: a delimiter between punctuation and a letter cannot open or close in CommonMark (**注意：**请…); fix: move the punctuation outside the markup."
    public var examples: [RuleExample] {
        [
            RuleExample("**注意↓：**升级前请先备份数据。\n"),
            RuleExample("点击↓**“保存↓”**按钮。\n"),
            RuleExample("*提示↓：*该选项默认关闭。\n"),
            RuleExample("**[00:04:10] Dana↓：**我们先从缓存说起。\n"),
            // A closing parenthesis the markup opened: reported, with no fix.
            RuleExample("一个*进程 (process↓)*是正在运行的程序。\n"),
            // Rendered: punctuation outside, a space after, or punctuation on both sides.
            RuleExample("**注意**：升级前请先备份数据。\n"),
            RuleExample("**注意：** 升级前请先备份数据。\n"),
            RuleExample("点击“**保存**”按钮。\n"),
            RuleExample("**该选项默认关闭。**，然后重启。\n"),
            // Asterisks that are no markup: arithmetic, an escaped or lone asterisk.
            RuleExample("面积等于 3*4*5 的一半。\n"),
            RuleExample("带 \\*\\*号\\*\\* 的字段为必填。\n"),
            RuleExample("*注：价格以实际为准。\n"),
        ]
    }
    public init() {}

    /// A literal run of asterisks in a unit's text.
    struct Run {
        var range: Range<Int>
        /// Whether it can open or close emphasis, by CommonMark's flanking rules (left- and
        /// right-flanking; for `*`, nothing more).
        var canOpen: Bool, canClose: Bool
    }

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self) else { return }
        // Units with a literal asterisk in Chinese text: from the shared typography pass.
        for k in c.typographyScan.asteriskUnits {
            let u = c.document.units[k]
            let t = u.text, r = u.roles
            var runs: [Run] = []
            var i = 0
            while i < t.count {
                guard t[i] == 0x2A, r[i] == .content, i == 0 || t[i - 1] != 0x5C else { i += 1; continue }
                var e = i
                while e < t.count && t[e] == 0x2A && r[e] == .content { e += 1 }
                let before: UInt32? = i > 0 ? t[i - 1] : nil, after: UInt32? = e < t.count ? t[e] : nil
                runs.append(Run(range: i..<e, canOpen: UnrenderedEmphasisRule.leftFlanking(before, after),
                                canClose: UnrenderedEmphasisRule.leftFlanking(after, before)))
                i = e
            }
            // Pairs of runs of the same length, each next to text on its inner side, with
            // Chinese between them: markup the writer meant, which CommonMark did not take.
            var j = 0
            while j + 1 < runs.count {
                let a = runs[j], b = runs[j + 1]
                let inner = a.range.upperBound..<b.range.lowerBound
                guard a.range.count == b.range.count, a.range.count <= 3, !inner.isEmpty,
                      !isSpace(t[inner.lowerBound]), !isSpace(t[inner.upperBound - 1]),
                      !(a.canOpen && b.canClose),
                      inner.contains(where: { isHanChar(t[$0]) }) || UnrenderedEmphasisRule.touchesChinese(t, a.range) || UnrenderedEmphasisRule.touchesChinese(t, b.range)
                else { j += 1; continue }
                // The delimiter that fails, with the punctuation on its inner side moved out.
                for (run, opening) in [(a, true), (b, false)] where opening ? !run.canOpen : !run.canClose {
                    let p = opening ? run.range.upperBound : run.range.lowerBound - 1
                    guard p >= 0, p < t.count, UnrenderedEmphasisRule.isPunctuation(t[p]) else { continue }
                    let stars = makeString(Array(t[run.range]))
                    let mark = makeString([t[p]])
                    let span = opening ? run.range.lowerBound..<(p + 1) : p..<run.range.upperBound
                    // A bracket or quotation mark moves out only with its partner at the other
                    // end (`**“保存”**` → `“**保存**”`); one closing what the markup opened
                    // (`*任务 (task)*是`) would split the pair: no fix, a space or HTML instead.
                    if let partner = UnrenderedEmphasisRule.partner(t[p]),
                       t[opening ? inner.upperBound - 1 : inner.lowerBound] != partner {
                        emit(c.finding(self, severity: severity, unit: k, range: span,
                                       message: c.messages.text("unrendered-emphasis-pair", ["found": stars, "mark": mark])))
                        continue
                    }
                    let replacement = opening ? mark + stars : stars + mark
                    emit(c.finding(self, severity: severity, unit: k, range: span,
                                   message: c.messages.text("unrendered-emphasis", ["found": stars, "mark": mark, "replacement": replacement,
                                                                              "original": makeString(Array(t[span]))]),
                                   fix: Fix(replacement)))
                }
                j += 2
            }
        }
    }

    /// Han or full-width punctuation right before or after the run (`**[00:01:02] Priya：**然后`:
    /// bold Latin text in a Chinese sentence).
    static func touchesChinese(_ t: [UInt32], _ run: Range<Int>) -> Bool {
        for i in [run.lowerBound - 1, run.upperBound] where i >= 0 && i < t.count {
            if isHanChar(t[i]) || isCJKPunctuation(t[i]) { return true }
        }
        return false
    }

    /// The other half of a bracket or quotation mark.
    static func partner(_ c: UInt32) -> UInt32? {
        let pairs: [(UInt32, UInt32)] = [(0x28, 0x29), (0x5B, 0x5D), (0xFF08, 0xFF09), (0x201C, 0x201D), (0x2018, 0x2019),
                                         (0x300C, 0x300D), (0x300E, 0x300F), (0x300A, 0x300B), (0x3010, 0x3011), (0x3008, 0x3009)]
        for (o, e) in pairs {
            if c == o { return e }
            if c == e { return o }
        }
        return nil
    }

    /// CommonMark's left-flanking test for a delimiter run between `before` and `after` (nil:
    /// the unit's edge, taken as a space); with the two swapped, the right-flanking test.
    static func leftFlanking(_ before: UInt32?, _ after: UInt32?) -> Bool {
        guard let after, !isSpace(after) else { return false }
        guard isPunctuation(after) else { return true }
        guard let before else { return true }
        return isSpace(before) || isPunctuation(before)
    }

    /// Punctuation as cmark-gfm reads it: ASCII punctuation and Unicode's P categories.
    static func isPunctuation(_ c: UInt32) -> Bool {
        if c < 0x80 {
            return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E)
        }
        guard let u = Unicode.Scalar(c) else { return false }
        switch u.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }
}
