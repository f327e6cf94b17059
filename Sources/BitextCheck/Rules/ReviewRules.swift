import BitextMarkdown

/// `fuzzy-match`: a sentence `bitext pretranslate --fuzzy` wrote from a fuzzy match of the
/// translation memory, marked `<!-- bitext-fuzzy 91% -->` after it. Reported until a person
/// checks the sentence against its source and deletes the mark.
public struct FuzzyMatchRule: Rule {
    public let id = "fuzzy-match"
    public let defaultSeverity = Severity.warning
    public let summary = "A sentence pretranslated from a fuzzy translation-memory match (<!-- bitext-fuzzy N% -->), not yet reviewed."
    public var examples: [RuleExample] {
        [
            RuleExample("第一句已经审校过了。第二句来自记忆库的近似匹配。↓<!-- bitext-fuzzy 91% -->\n"),
            RuleExample("## 安装步骤↓<!-- bitext-fuzzy 87% -->\n\n运行安装脚本。\n"),
            RuleExample("<!-- bitext-disable fuzzy-match -->\n先保留这个标记。<!-- bitext-fuzzy 90% -->\n<!-- bitext-enable fuzzy-match -->\n"),
            RuleExample("第二句已经审校过了。<!-- reviewed by Li -->\n"),
        ]
    }

    public init() {}

    /// The mark `pretranslate --fuzzy` writes after a sentence from a fuzzy match.
    public static let marker = "bitext-fuzzy"

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self) else { return }
        for comment in c.document.comments where comment.body.hasPrefix(FuzzyMatchRule.marker) {
            let score = comment.body.dropFirst(FuzzyMatchRule.marker.count).split(separator: " ").first.map { String($0.filter { $0.isNumber }) } ?? ""
            emit(Finding(rule: id, severity: severity, file: c.document.path, span: Span(start: comment.start, end: comment.end),
                         message: c.messages.text("fuzzy-match", ["score": score]),
                         text: c.document.source.slice(from: comment.start, through: comment.end),
                         details: [("score", .int(Int(score) ?? 0))]))
        }
    }
}
