import BitextMarkdown
import BitextText

/// A check with a stable id, a default severity, a description, and examples that document it
/// and are run by one generic test.
public protocol Rule: Sendable {
    /// Kebab-case id used in reports, configuration and `bitext-disable` comments.
    var id: String { get }
    var defaultSeverity: Severity { get }
    /// One line: what the rule finds.
    var summary: String { get }
    /// Text that must trigger (`↓` before each character where a finding starts) and text
    /// that must stay silent (no `↓`).
    var examples: [RuleExample] { get }
    /// True when the rule needs the source document (bilingual mode).
    var isBilingual: Bool { get }
    /// For rules that judge language: the evidence that keeps English (shown by `bitext rules`).
    var evidence: String { get }
    func check(_ context: FileContext, _ emit: (Finding) -> Void)
}

extension Rule {
    public var isBilingual: Bool { false }
    public var evidence: String { "" }
}

/// An example of a rule at work: a target Markdown text, with its source for bilingual rules.
public struct RuleExample: Sendable {
    public var target: String
    public var source: String?
    /// Settings the example needs, e.g. `["spacing": "require"]`.
    public var settings: [String: String]
    public var glossary: String?

    public init(_ target: String, source: String? = nil, settings: [String: String] = [:], glossary: String? = nil) {
        self.target = target
        self.source = source
        self.settings = settings
        self.glossary = glossary
    }

    public var triggers: Bool { target.contains("↓") }
}

/// Every rule bitext has, in the order `bitext rules` lists them.
public enum RuleRegistry {
    public static let all: [any Rule] = [
        UntranslatedRule(),
        MixedLanguageRule(),
        UntranslatedLabelRule(),
        UntranslatedAltRule(),
        GlossaryForbiddenRule(),
        GlossaryMissingRule(),
        GlossaryInconsistentRule.placeholder,
        SameAsSourceRule(),
        MissingTranslationRule(),
        ExtraBlockRule(),
        ScriptMixRule(),
        HalfwidthPunctuationRule(),
        FullwidthInEnglishRule(),
        SpacingRule(),
        QuoteStyleRule(),
        DoubledPunctuationRule(),
        FullwidthSpacingRule(),
        UnrenderedEmphasisRule(),
        URLRunsOnRule(),
        NumberMismatchRule(),
        CodeMismatchRule(),
        MathMismatchRule(),
        LinkMismatchRule(),
        BrokenAnchorRule(),
        AnchorMismatchRule(),
        PlaceholderMismatchRule(),
        MarkupMismatchRule(),
        KeptTextRule(),
        FuzzyMatchRule(),
        UnknownRuleRule(),
    ]

    /// Rule ids that only `drift` emits; valid in configuration and suppression comments.
    public static let driftRuleIds = ["stale-translation", "untranslated-insertion", "orphaned-translation", "stale-link"]

    public static var ids: [String] { all.map(\.id) + driftRuleIds }

    public static func rule(_ id: String) -> (any Rule)? { all.first { $0.id == id } }

    /// Every id a configuration or a suppression comment may name (`translator-note` is
    /// reported by `extra-block` under its own id).
    public static var knownIds: [String] { ids + ["translator-note"] }

    /// The known id closest to a misspelt one (edit distance at most a third of its length),
    /// for "did you mean …?".
    public static func closest(to id: String) -> String? {
        func distance(_ a: [Character], _ b: [Character]) -> Int {
            var row = Array(0...b.count)
            for i in 1...max(1, a.count) where !a.isEmpty {
                var previous = row[0]
                row[0] = i
                for j in stride(from: 1, through: b.count, by: 1) {
                    let current = row[j]
                    row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                    previous = current
                }
            }
            return a.isEmpty ? b.count : row[b.count]
        }
        let a = Array(id.lowercased())
        // Known ids in their listed order, so that ties resolve the same way every run.
        var best: (id: String, d: Int)? = nil
        for k in knownIds {
            let d = distance(a, Array(k))
            if best.map({ d < $0.d }) ?? true { best = (k, d) }
        }
        guard let best, best.d > 0, best.d <= max(2, id.count / 3) else { return nil }
        return best.id
    }
}
