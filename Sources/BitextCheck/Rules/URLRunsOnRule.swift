import BitextMarkdown
import BitextText

/// `url-runs-on`: a bare URL written straight before Chinese punctuation (`访问
/// http://localhost:8000/，即可看到列表`). GFM's autolinks end only at a space or `<`, so the link
/// takes the full-width comma and the Chinese after it into its address: the page shows a link
/// over the rest of the sentence that leads nowhere. English text rarely meets this (a space or an
/// ASCII mark GFM leaves out follows a URL there). The fix writes the URL in angle brackets, which
/// end it where the writer meant (`<http://localhost:8000/>，即可…`).
public struct URLRunsOnRule: Rule {
    public let id = "url-runs-on"
    public let defaultSeverity = Severity.warning
    public let summary = "A bare URL straight before Chinese punctuation: GFM's autolink takes the punctuation and the text after it into the link; fix: <URL>."
    public var examples: [RuleExample] {
        [
            RuleExample("启动服务后访问 ↓http://localhost:3000/，即可看到首页。\n"),
            RuleExample("文档托管在 ↓www.example.org/guide。其余内容见附录。\n"),
            // A link whose `(` is full-width or follows a space is no link: the URL runs on.
            RuleExample("可以使用[转换脚本]↓（https://example.org/tools/convert.py）处理视频。\n"),
            RuleExample("请先下载[示例数据]↓ (https://example.org/data/demo.tar)到本地。\n"),
            RuleExample("启动服务后访问 <http://localhost:3000/>，即可看到首页。\n"),
            RuleExample("启动服务后访问 http://localhost:3000/ ，即可看到首页。\n"),
            RuleExample("启动服务后访问[首页](http://localhost:3000/)，即可看到列表。\n"),
            // A Chinese path is part of the address.
            RuleExample("词条见 https://zh.example.org/wiki/缓存 。\n"),
        ]
    }
    public init() {}

    /// Where a link's destination stands broken after its text: the bare URL at `lo` follows
    /// `（` (full-width), or `(` after a space, right after a `]`, and the matching `）` or `)`
    /// comes before `limit` (the first Chinese mark, or the end of the autolink's text when the
    /// mark is that `）`). `open` is the first character after `]`, `close` the parenthesis.
    static func brokenLink(_ t: [UInt32], _ lo: Int, _ limit: Int) -> (open: Int, close: Int)? {
        guard lo >= 2 else { return nil }
        let paren = t[lo - 1]
        guard paren == 0xFF08 || paren == 0x28 else { return nil }
        var j = lo - 1
        while j > 0 && t[j - 1] == 0x20 { j -= 1 }
        guard j > 0, t[j - 1] == 0x5D, paren == 0xFF08 || j < lo - 1 else { return nil }
        let closing: UInt32 = paren == 0xFF08 ? 0xFF09 : 0x29
        var e = lo
        while e < t.count && e <= limit && t[e] != closing && t[e] != 0x20 { e += 1 }
        guard e < t.count, e <= limit, t[e] == closing, e > lo else { return nil }
        return (j, e)
    }

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self) else { return }
        let units = c.document.units, analyses = c.analyses
        for k in units.indices where !units[k].links.isEmpty {
            // A bare URL's text is all `.url`: most units' links are not (their text is content).
            guard units[k].links.contains(where: { !$0.text.isEmpty && units[k].roles[$0.text.lowerBound] == .url }) else { continue }
            let t = units[k].text, r = units[k].roles
            for link in units[k].links where !link.isImage && !link.text.isEmpty && r[link.text.lowerBound] == .url {
                let lo = link.text.lowerBound
                // Bare: the text is the address, not inside `<…>` or `[…]`; in Chinese text.
                guard lo == 0 || (t[lo - 1] != 0x3C && t[lo - 1] != 0x5B), analyses[k].hasHan,
                      let cut = link.text.first(where: { r[$0] == .url && isCJKPunctuation(t[$0]) }),
                      cut > lo else { continue }
                // A Markdown link the translation broke, its `(` full-width or after a space
                // (`[脚本]（https://…）`, `[数据] (https://…)`): the address ends at the matching
                // parenthesis, and the fix is the link, `(` right after `]`.
                if let broken = URLRunsOnRule.brokenLink(t, lo, cut) {
                    let url = makeString(Array(t[lo..<broken.close]))
                    emit(c.finding(self, severity: severity, unit: k, range: broken.open..<(broken.close + 1),
                                   message: c.messages.text("url-runs-on.link", ["url": url, "written": makeString(Array(t[(broken.open - 1)...broken.close]))]),
                                   fix: Fix("(" + url + ")")))
                    continue
                }
                let url = makeString(Array(t[lo..<cut]))
                let rest = makeString(Array(t[cut..<link.text.upperBound]))
                // Angle brackets make an autolink only of an address with a scheme.
                let hasScheme = url.contains("://") || url.hasPrefix("mailto:")
                emit(c.finding(self, severity: severity, unit: k, range: lo..<cut,
                               message: c.messages.text(hasScheme ? "url-runs-on" : "url-runs-on.no-scheme", ["url": url, "rest": rest]),
                               fix: hasScheme ? Fix("<" + url + ">") : nil))
            }
        }
    }
}
