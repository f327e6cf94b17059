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
            RuleExample("启动服务后访问 <http://localhost:3000/>，即可看到首页。\n"),
            RuleExample("启动服务后访问 http://localhost:3000/ ，即可看到首页。\n"),
            RuleExample("启动服务后访问[首页](http://localhost:3000/)，即可看到列表。\n"),
            // A Chinese path is part of the address.
            RuleExample("词条见 https://zh.example.org/wiki/缓存 。\n"),
        ]
    }
    public init() {}

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
