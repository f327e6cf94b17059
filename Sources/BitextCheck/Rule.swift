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
        NumberMismatchRule(),
        CodeMismatchRule(),
        LinkMismatchRule(),
        BrokenAnchorRule(),
        AnchorMismatchRule(),
        PlaceholderMismatchRule(),
        MarkupMismatchRule(),
        FuzzyMatchRule(),
    ]

    /// Rule ids that only `drift` emits; valid in configuration and suppression comments.
    public static let driftRuleIds = ["stale-translation", "untranslated-insertion", "orphaned-translation", "stale-link"]

    public static var ids: [String] { all.map(\.id) + driftRuleIds }

    public static func rule(_ id: String) -> (any Rule)? { all.first { $0.id == id } }
}
