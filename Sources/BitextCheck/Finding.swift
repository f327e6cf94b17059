import BitextMarkdown
import BitextText

/// How much a finding matters. Ordered: `info` < `warning` < `error`.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case info, warning, error

    private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A safe fix: the finding's span is replaced by `replacement`, and so is each span of `also`:
/// further places of the same text that the finding stands for (a forbidden variant met
/// several times on one line is one finding).
public struct Fix: Sendable, Equatable {
    public var replacement: String
    /// Further spans holding the finding's text, replaced the same way.
    public var also: [Span]
    public init(_ replacement: String, also: [Span] = []) {
        self.replacement = replacement
        self.also = also
    }

    /// The finding's span, then those of ``also``.
    public func spans(of f: Finding) -> [Span] { also.isEmpty ? [f.span] : [f.span] + also }
}

/// Something a reviewer would circle in a translation: a rule, where, and what to do.
public struct Finding: Sendable {
    public var rule: String
    public var severity: Severity
    /// The path as the user gave it.
    public var file: String
    public var span: Span
    public var message: String
    /// The text of the span.
    public var text: String
    public var fix: Fix?
    /// Further fields for JSON output (e.g. the glossary entry, the source text).
    public var details: [(String, JSON)]

    public init(rule: String, severity: Severity, file: String, span: Span, message: String, text: String,
                fix: Fix? = nil, details: [(String, JSON)] = []) {
        self.rule = rule
        self.severity = severity
        self.file = file
        self.span = span
        self.message = message
        self.text = text
        self.fix = fix
        self.details = details
    }

    /// Reading order within a file, then rule id, for deterministic output.
    public static func ordered(_ a: Finding, _ b: Finding) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.span.start != b.span.start { return a.span.start < b.span.start }
        if a.span.end != b.span.end { return a.span.end < b.span.end }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.message < b.message
    }
}

/// Counts by severity.
public struct Summary: Sendable, Equatable {
    public var files = 0
    public var error = 0
    public var warning = 0
    public var info = 0
    /// Files that could not be read or checked (not counted in `files`).
    public var unreadable = 0
    public init() {}
    public init(files: Int, findings: [Finding]) {
        self.files = files
        for f in findings { count(f) }
    }

    public mutating func count(_ f: Finding) {
        switch f.severity {
        case .error: error += 1
        case .warning: warning += 1
        case .info: info += 1
        }
    }
}
