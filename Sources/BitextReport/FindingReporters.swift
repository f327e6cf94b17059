import BitextCheck
import BitextMarkdown
import BitextText
import Foundation

/// Turns findings into text in one format, piece by piece so that `check` can write each file's
/// findings as soon as they are known: `begin`, then `add` for each file's findings in order,
/// then `end`. A new format is one small type.
public protocol FindingReporter {
    var identifier: String { get }
    mutating func begin() -> String
    mutating func add(_ findings: [Finding]) -> String
    mutating func end(_ summary: Summary) -> String
}

extension FindingReporter {
    /// The whole report at once.
    public func report(_ findings: [Finding], summary: Summary) -> String {
        var r = self
        return r.begin() + r.add(findings) + r.end(summary)
    }
}

/// Formats `check` can write.
public enum FindingFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github

    public func reporter(colour: Bool = false, rules: [any Rule] = RuleRegistry.all,
                         workingDirectory: String = FileManager.default.currentDirectoryPath) -> any FindingReporter {
        switch self {
        case .text: return TextReporter(colour: colour)
        case .json: return JSONReporter()
        case .sarif: return SARIFReporter(rules: rules, workingDirectory: workingDirectory)
        case .github: return GitHubReporter()
        }
    }
}

/// `file:line:column: severity: message [rule]`, one finding a line, then a summary.
public struct TextReporter: FindingReporter {
    public let identifier = "text"
    public var colour: Bool
    public init(colour: Bool) { self.colour = colour }

    public func begin() -> String { "" }

    public func add(_ findings: [Finding]) -> String {
        var out = ""
        for f in findings {
            let sev = colour ? paint(f.severity) : f.severity.rawValue
            out += "\(f.file):\(f.span.start.line):\(f.span.start.column): \(sev): \(f.message) [\(f.rule)]\n"
        }
        return out
    }

    public func end(_ summary: Summary) -> String { TextReporter.summaryLine(summary) + "\n" }

    static func summaryLine(_ s: Summary) -> String {
        let files = s.files == 1 ? "1 file" : "\(s.files) files"
        func n(_ k: Int, _ w: String) -> String { k == 1 ? "1 \(w)" : "\(k) \(w)s" }
        return "\(files) checked: \(n(s.error, "error")), \(n(s.warning, "warning")), \(s.info) info"
    }

    private func paint(_ s: Severity) -> String {
        switch s {
        case .error: return "\u{1B}[1;31merror\u{1B}[0m"
        case .warning: return "\u{1B}[1;33mwarning\u{1B}[0m"
        case .info: return "\u{1B}[1;36minfo\u{1B}[0m"
        }
    }
}

/// The JSON of the interface: `findings` and `summary`.
public struct JSONReporter: FindingReporter {
    public let identifier = "json"
    private var splice = JSON.Splice(JSONReporter.skeleton(Summary()), key: "findings")
    public init() {}

    static func skeleton(_ summary: Summary) -> JSON {
        .object([
            ("findings", .array([])),
            ("summary", .object([("files", .int(summary.files)), ("error", .int(summary.error)),
                                 ("warning", .int(summary.warning)), ("info", .int(summary.info))])),
        ])
    }

    public func begin() -> String { splice.head }

    public mutating func add(_ findings: [Finding]) -> String {
        var out = ""
        for f in findings { out += splice.element(JSONReporter.json(f)) }
        return out
    }

    public func end(_ summary: Summary) -> String {
        splice.close + JSON.Splice(JSONReporter.skeleton(summary), key: "findings").tail + "\n"
    }

    public static func json(_ f: Finding) -> JSON {
        var fields: [(String, JSON)] = [
            ("rule", .string(f.rule)), ("severity", .string(f.severity.rawValue)), ("file", .string(f.file)),
            ("line", .int(f.span.start.line)), ("column", .int(f.span.start.column)),
            ("endLine", .int(f.span.end.line)), ("endColumn", .int(f.span.end.column)),
            ("message", .string(f.message)), ("text", .string(f.text)),
        ]
        if let fix = f.fix { fields.append(("fix", .object([("replacement", .string(fix.replacement))]))) }
        fields += f.details
        return .object(fields)
    }
}

/// GitHub Actions workflow commands: most severe first (GitHub shows only the first ten of
/// each level), then one plain summary line. The only format held until the end.
public struct GitHubReporter: FindingReporter {
    public let identifier = "github"
    public init() {}

    /// Lines by level, errors first, written at the end.
    private var lines: [[String]] = [[], [], []]

    public func begin() -> String { "" }

    public mutating func add(_ findings: [Finding]) -> String {
        for f in findings {
            let level = f.severity == .error ? "error" : f.severity == .warning ? "warning" : "notice"
            let props = [
                "file=\(property(f.file))", "line=\(f.span.start.line)", "col=\(f.span.start.column)",
                "endLine=\(f.span.end.line)", "endColumn=\(f.span.end.column)", "title=\(property("bitext " + f.rule))",
            ].joined(separator: ",")
            lines[f.severity == .error ? 0 : f.severity == .warning ? 1 : 2].append("::\(level) \(props)::\(data(f.message))\n")
        }
        return ""
    }

    public func end(_ summary: Summary) -> String {
        lines.joined().joined() + "bitext: " + TextReporter.summaryLine(summary) + "\n"
    }

    // Workflow-command escaping: data escapes % CR LF; properties also : and ,.
    private func data(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }
    private func property(_ s: String) -> String {
        data(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
