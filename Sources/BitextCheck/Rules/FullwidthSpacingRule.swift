import BitextMarkdown
import BitextText

/// `fullwidth-spacing`: a space next to full-width punctuation (`支持。 Redis`, `填写 “申请”`).
/// Full-width marks carry their own spacing, so a space beside one shows as a gap; the fix
/// removes it. Spaces at a line's end (a Markdown hard break) and between two marks of syntax
/// are left alone.
public struct FullwidthSpacingRule: Rule {
    public let id = "fullwidth-spacing"
    public let defaultSeverity = Severity.info
    public let summary = "A space next to full-width punctuation (支持。 Redis, 填写 “申请”): full-width marks carry their own spacing; fix: remove the space."
    public var examples: [RuleExample] {
        [
            RuleExample("本版本支持 MySQL。↓ Redis 的支持在下一版。\n"),
            RuleExample("请填写↓ “申请原因”后提交。\n"),
            RuleExample("在设置中选择“高级”↓ ，然后保存。\n"),
            RuleExample("本版本支持 MySQL。Redis 的支持在下一版。\n"),
            RuleExample("第一行。  \n第二行。\n"),
            RuleExample("It supports MySQL. Redis comes next.\n"),
            RuleExample("给定任意 $amt$ ，贪心算法都可以找到最优解，例如 `diags1` 或 **$O(n)$** 。\n"),
            RuleExample("他说：“AI news” in 2024 is everywhere.\n"),
        ]
    }
    public init() {}

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self) else { return }
        for (k, a) in c.analyses.enumerated() where a.hasHan {
            let u = c.document.units[k]
            let t = u.text, r = u.roles
            var i = 0
            while i < t.count {
                guard t[i] == 0x20, r[i] == .content else { i += 1; continue }
                var e = i
                while e < t.count && t[e] == 0x20 && r[e] == .content { e += 1 }
                defer { i = e }
                // Not at a line's end (a hard break), not at the unit's ends.
                guard i > 0, e < t.count, t[e] != 0x0A, t[e] != 0x0D else { continue }
                let before = r[i - 1] == .content ? t[i - 1] : 0, after = r[e] == .content ? t[e] : 0
                let markBefore = FullwidthSpacingRule.isFullwidthMark(before), markAfter = FullwidthSpacingRule.isFullwidthMark(after)
                guard markBefore || markAfter else { continue }
                // Across the space from the mark: inline code, math or a URL keep their own
                // spacing (`$n$ 。`, `（ \`->\` ）`).
                let across = markBefore ? e : i - 1
                var beyond = across
                while beyond >= 0 && beyond < t.count && r[beyond] == .markup { beyond += markBefore ? 1 : -1 }
                if !markBefore || !markAfter, beyond >= 0, beyond < t.count,
                   r[beyond] == .code || r[beyond] == .math || r[beyond] == .url { continue }
                // Curly quotes are English marks too: only in Chinese text (Han across the space
                // or inside the quote), so `“AI news” in 2024` stays silent.
                let mark = markBefore ? before : after
                if mark == 0x201C || mark == 0x201D || mark == 0x2018 || mark == 0x2019 {
                    let inside = markBefore ? i - 2 : e + 1
                    let hanAcross = isHanChar(t[across])
                    let hanInside = inside >= 0 && inside < t.count && isHanChar(t[inside])
                    if !hanAcross && !hanInside { continue }
                }
                // A space inside a translator's note is the note's own business.
                if a.inNote(i) { continue }
                emit(c.finding(self, severity: severity, unit: k, range: i..<e,
                               message: c.messages.text("fullwidth-spacing", ["mark": makeString([FullwidthSpacingRule.isFullwidthMark(before) ? before : after])]),
                               fix: Fix("")))
            }
        }
    }

    /// Full-width punctuation of Chinese text: ，。；：、！？（）“”‘’「」『』《》【】….
    static func isFullwidthMark(_ c: UInt32) -> Bool {
        switch c {
        case 0xFF0C, 0x3002, 0xFF1B, 0xFF1A, 0x3001, 0xFF01, 0xFF1F, 0xFF08, 0xFF09,
             0x201C, 0x201D, 0x2018, 0x2019, 0x300C, 0x300D, 0x300E, 0x300F, 0x300A, 0x300B, 0x3010, 0x3011:
            return true
        default:
            return false
        }
    }
}
