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
            RuleExample("开始之前先检查剩余磁盘空间。 <!-- bitext-disable-line halfwidth-punctuation -->\n"),
        ]
    }
    public init() {}

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self) else { return }
        // Units with a space beside a full-width mark: from the shared typography pass.
        for k in c.typographyScan.fullwidthSpacingUnits {
            let a = c.analyses[k]
            let u = c.document.units[k]
            let t = u.text, r = u.roles
            var i = 0
            while i < t.count {
                guard t[i] == 0x20, r[i] == .content else { i += 1; continue }
                var e = i
                while e < t.count && t[e] == 0x20 && r[e] == .content { e += 1 }
                defer { i = e }
                let before = i > 0 && r[i - 1] == .content ? t[i - 1] : 0, after = e < t.count && r[e] == .content ? t[e] : 0
                let markBefore = FullwidthSpacingRule.isFullwidthMark(before)
                let mark = markBefore ? before : after
                guard FullwidthSpacingRule.isFullwidthMark(mark),
                      FullwidthSpacingRule.removable(t, r, spaces: i..<e, markBefore: markBefore, mark: mark),
                      !a.inNote(i) else { continue }  // a translator's note is its own business
                emit(c.finding(self, severity: severity, unit: k, range: i..<e,
                               message: c.messages.text("fullwidth-spacing", ["mark": makeString([mark])]),
                               fix: Fix("")))
            }
        }
    }

    /// True when the spaces beside a full-width `mark` (before them when `markBefore`, else
    /// after) are to go: not at a line's end (a hard break) or the unit's ends, not beside
    /// inline code, math or a URL across the space (they keep their own spacing: `$n$ 。`), and
    /// for curly quotes, which English uses too, only in Chinese text (Han across the space or
    /// inside the quote: `“AI news” in 2024` keeps its space).
    static func removable(_ t: [UInt32], _ r: [Role], spaces: Range<Int>, markBefore: Bool, mark: UInt32) -> Bool {
        let i = spaces.lowerBound, e = spaces.upperBound
        guard i > 0, e < t.count, t[e] != 0x0A, t[e] != 0x0D else { return false }
        let across = markBefore ? e : i - 1
        let otherSideIsMark = isFullwidthMark(r[across] == .content ? t[across] : 0)
        // An inline tag or comment across the space (`。 <!-- … -->`) keeps its space.
        if r[across] == .markup && (t[across] == 0x3C || t[across] == 0x3E) { return false }
        var beyond = across
        while beyond >= 0 && beyond < t.count && r[beyond] == .markup { beyond += markBefore ? 1 : -1 }
        if beyond < 0 || beyond >= t.count { return false }
        if !otherSideIsMark, beyond >= 0, beyond < t.count, r[beyond] == .code || r[beyond] == .math || r[beyond] == .url { return false }
        if mark == 0x201C || mark == 0x201D || mark == 0x2018 || mark == 0x2019 {
            let inside = markBefore ? i - 2 : e + 1
            let hanInside = inside >= 0 && inside < t.count && isHanChar(t[inside])
            if !isHanChar(t[across]) && !hanInside { return false }
        }
        return true
    }

    /// The span a fix that turns the mark at `index` into the full-width `mark` should replace:
    /// the mark and the spaces beside it that would then have to go, so that one `--fix`
    /// leaves nothing for the next.
    static func spanAbsorbingSpaces(_ t: [UInt32], _ r: [Role], at index: Int, as mark: UInt32) -> Range<Int> {
        var lo = index, hi = index + 1
        var s = index
        while s > 0 && t[s - 1] == 0x20 && r[s - 1] == .content { s -= 1 }
        if s < index && removable(t, r, spaces: s..<index, markBefore: false, mark: mark) { lo = s }
        var e = index + 1
        while e < t.count && t[e] == 0x20 && r[e] == .content { e += 1 }
        if e > index + 1 && removable(t, r, spaces: (index + 1)..<e, markBefore: true, mark: mark) { hi = e }
        return lo..<hi
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
