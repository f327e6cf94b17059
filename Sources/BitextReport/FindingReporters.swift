import BitextCheck
import BitextICU
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
    /// `add(findings)` appended as UTF-8 (what a reporter writing bytes answers without a String).
    mutating func add(_ findings: [Finding], into bytes: inout [UInt8])
    /// Findings written as far as their place in the report leaves them the same, on any
    /// thread, ahead of their turn (by default only kept for `add` to write in turn).
    func written(_ findings: [Finding]) -> WrittenFindings
    /// `add(findings, into:)` of findings written ahead (``written(_:)``) and of `more` (the
    /// same file's) in order among them: the same bytes.
    mutating func add(_ written: WrittenFindings, merging more: [Finding], into bytes: inout [UInt8])
    mutating func end(_ summary: Summary) -> String
}

/// Findings a reporter wrote ahead of their turn (``FindingReporter/written(_:)``).
public struct WrittenFindings {
    /// The findings; none when only what was written of them is kept (``HeldFindings``).
    public let findings: [Finding]
    /// How many findings were written.
    let count: Int
    /// What a reporter that writes them ahead wrote: finding k from `starts[k]`, after the
    /// comma that joins it to the one before.
    let bytes: [UInt8], starts: [Int]
    /// `add(_:merging:into:)` places the findings merged among the bytes written ahead: of
    /// these findings it reads only their order (``placesOnly``).
    let mergesBytes: Bool

    init(findings: [Finding], bytes: [UInt8] = [], starts: [Int] = [], mergesBytes: Bool = false) {
        self.findings = findings
        count = findings.count
        self.bytes = bytes
        self.starts = starts
        self.mergesBytes = mergesBytes
    }

    /// `count` findings' bytes alone (what ``HeldFindings`` reads back): added whole, never merged.
    init(count: Int, bytes: [UInt8]) {
        findings = []
        self.count = count
        self.bytes = bytes
        starts = []
        mergesBytes = false
    }

    /// Without their bytes, and each finding cut down to what ``Finding/ordered`` compares when
    /// that is all merging reads of it: what ``HeldFindings`` keeps of a file that waits.
    func placesOnly() -> WrittenFindings {
        WrittenFindings(findings: mergesBytes ? findings.map {
            Finding(rule: $0.rule, severity: $0.severity, file: $0.file, span: $0.span, message: $0.message, text: "")
        } : findings, starts: starts, mergesBytes: mergesBytes)
    }

    /// The same findings with the bytes written of them.
    func with(bytes: [UInt8]) -> WrittenFindings {
        WrittenFindings(findings: findings, bytes: bytes, starts: starts, mergesBytes: mergesBytes)
    }

    /// The findings and `more` of the same file, in order (a stable sort: these first among equals).
    func merged(with more: [Finding]) -> [Finding] {
        precondition(findings.count == count, "findings merged among findings let go")
        return more.isEmpty ? findings : (findings + more).sorted(by: Finding.ordered)
    }

    /// The written findings and `more` of the same file in order, as a stable sort of both (the
    /// written ones first among equals): `written` for each run of written findings (their
    /// indexes), `merged` for each of `more` in its place.
    func interleave(_ more: [Finding], written run: (Range<Int>) -> Void, merged: (Finding) -> Void) {
        precondition(findings.count == count, "findings merged among findings let go")
        var k = 0
        for f in more.sorted(by: Finding.ordered) {
            let j = findings[k...].firstIndex { Finding.ordered(f, $0) } ?? count
            if k < j { run(k..<j) }
            merged(f)
            k = j
        }
        if k < count { run(k..<count) }
    }

    /// Every finding was written ahead (a reporter that writes them ahead, or none at all).
    var isWrittenAhead: Bool { starts.count == count }
}

extension FindingReporter {
    public mutating func add(_ findings: [Finding], into bytes: inout [UInt8]) { bytes += add(findings).utf8 }

    public func written(_ findings: [Finding]) -> WrittenFindings { WrittenFindings(findings: findings) }

    public mutating func add(_ written: WrittenFindings, merging more: [Finding], into bytes: inout [UInt8]) {
        add(written.merged(with: more), into: &bytes)
    }

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
                         workingDirectory: String = FileManager.default.currentDirectoryPath,
                         style: TextStyle? = nil) -> any FindingReporter {
        var style = style ?? TextStyle()
        if colour { style.colour = true }
        switch self {
        case .text: return TextReporter(style: style)
        case .json: return JSONReporter()
        case .sarif: return SARIFReporter(rules: rules, workingDirectory: workingDirectory)
        case .github: return GitHubReporter(messages: style.messages)
        }
    }
}

/// How the text format looks: colours, source snippets, quiet, the language of the summary.
public struct TextStyle: Sendable {
    public var colour = false
    /// Show the line around each finding with a caret underline, as compilers do.
    public var snippets = false
    /// Display columns a snippet may take (long lines are trimmed around the finding).
    public var width = 100
    /// No findings listed; the summary only when something is at or above `failOn`.
    public var quiet = false
    public var failOn: Severity = .error
    public var messages = Messages.current
    public init() {}
}

/// `file:line:column: severity: message [rule]`, one finding a line (with the line's text and
/// a caret underline when asked), then a summary.
public struct TextReporter: FindingReporter {
    public let identifier = "text"
    public var style: TextStyle
    private var lines = SourceLines()
    public init(style: TextStyle) { self.style = style }
    public init(colour: Bool) { style = TextStyle(); style.colour = colour }

    public func begin() -> String { "" }

    public mutating func add(_ findings: [Finding]) -> String {
        if style.quiet { return "" }
        var out = ""
        for f in findings { write(f, lines: &lines, into: &out) }
        return out
    }

    /// A finding's lines do not depend on the findings before it (a snippet reads its file's
    /// own line): written ahead as they are in turn.
    public func written(_ findings: [Finding]) -> WrittenFindings {
        var out = "", lines = SourceLines(), starts: [Int] = []
        starts.reserveCapacity(findings.count)
        for f in findings {
            starts.append(out.utf8.count)
            if !style.quiet { write(f, lines: &lines, into: &out) }
        }
        return WrittenFindings(findings: findings, bytes: Array(out.utf8), starts: starts, mergesBytes: true)
    }

    public mutating func add(_ written: WrittenFindings, merging more: [Finding], into bytes: inout [UInt8]) {
        guard !more.isEmpty else { return bytes += written.bytes }
        written.interleave(more, written: { r in
            bytes += written.bytes[written.starts[r.lowerBound]..<(r.upperBound < written.count ? written.starts[r.upperBound] : written.bytes.count)]
        }, merged: { add([$0], into: &bytes) })
    }

    private func write(_ f: Finding, lines: inout SourceLines, into out: inout String) {
        let sev = style.colour ? paint(f.severity.rawValue, f.severity) : f.severity.rawValue
        out += "\(TextReporter.oneLine(f.file)):\(f.span.start.line):\(f.span.start.column): \(sev): \(TextReporter.oneLine(f.message)) [\(f.rule)]\n"
        if style.snippets, let line = lines.line(f.span.start.line, of: f.file) {
            let end = f.span.end.line == f.span.start.line ? f.span.end.column : nil
            out += snippet(line, number: f.span.start.line, column: f.span.start.column, endColumn: end, severity: f.severity)
        }
    }

    /// A finding stays one line of text (editors, `grep` and CI logs read it so): a control
    /// character of the quoted text — a line break inside a link target or code the finding quotes
    /// (`href="…/\` then the rest of the address on the next line) — is shown as its Unicode control
    /// picture (`␊`, U+240A), tabs kept. The JSON, SARIF and GitHub formats escape them as their
    /// formats say.
    static func oneLine(_ s: String) -> String {
        guard s.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if u.value == 0x7F {
                out.append("\u{2421}")
            } else if u.value < 0x20 && u.value != 0x09, let picture = Unicode.Scalar(0x2400 + u.value) {
                out.append(picture)
            } else {
                out.append(u)
            }
        }
        return String(out)
    }

    public func end(_ summary: Summary) -> String {
        if style.quiet {
            let worst: Severity? = summary.error > 0 ? .error : summary.warning > 0 ? .warning : summary.info > 0 ? .info : nil
            guard let worst, worst >= style.failOn else { return "" }
        }
        return TextReporter.summaryLine(summary, style.messages) + "\n"
    }

    /// `1 file checked: 1 error, 7 warnings, 2 info` in the messages' language.
    public static func summaryLine(_ s: Summary, _ m: Messages = Messages.current) -> String {
        func n(_ k: Int, _ noun: String) -> String {
            m.text(k == 1 ? "count.\(noun).one" : "count.\(noun).other", ["n": String(k)])
        }
        var line = m.text("summary.checked", ["files": n(s.files, "file"), "errors": n(s.error, "error"),
                                              "warnings": n(s.warning, "warning"), "infos": n(s.info, "info")])
        if s.unreadable > 0 { line += m.text("summary.unreadable", ["files": n(s.unreadable, "file")]) }
        return line
    }

    /// The line with a gutter, and a caret line under the reported columns.
    func snippet(_ line: Substring, number: Int, column: Int, endColumn: Int?, severity: Severity) -> String {
        let gutter = String(number)
        let pad = String(repeating: " ", count: gutter.count)
        let bar = style.colour ? "\u{1B}[1;34m|\u{1B}[0m" : "|"
        let (text, carets) = Snippet.render(line, column: column, endColumn: endColumn,
                                            width: max(20, style.width - gutter.count - 4))
        let marks = style.colour ? paint(carets, severity) : carets
        return " \(style.colour ? "\u{1B}[1;34m\(gutter)\u{1B}[0m" : gutter) \(bar) \(text)\n \(pad) \(bar) \(marks)\n"
    }

    private func paint(_ text: String, _ s: Severity) -> String {
        switch s {
        case .error: return "\u{1B}[1;31m\(text)\u{1B}[0m"
        case .warning: return "\u{1B}[1;33m\(text)\u{1B}[0m"
        case .info: return "\u{1B}[1;36m\(text)\u{1B}[0m"
        }
    }
}

/// The lines of the file findings are reported in, read once per file (findings come file by
/// file), for snippets.
struct SourceLines {
    private var file: String?
    private var cached: [Substring] = []

    mutating func line(_ n: Int, of path: String) -> Substring? {
        if file != path {
            file = path
            cached = []
            if let data = FileManager.default.contents(atPath: path) {
                var text = String(decoding: data, as: UTF8.self)
                if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
                // Line breaks as positions count them: LF, CRLF, or a lone CR.
                let scalars = text.unicodeScalars
                var k = scalars.startIndex, start = k
                while k < scalars.endIndex {
                    let c = scalars[k]
                    guard c == "\n" || c == "\r" else { k = scalars.index(after: k); continue }
                    cached.append(Substring(scalars[start..<k]))
                    k = scalars.index(after: k)
                    if c == "\r", k < scalars.endIndex, scalars[k] == "\n" { k = scalars.index(after: k) }
                    start = k
                }
                cached.append(Substring(scalars[start...]))
            }
        }
        return n >= 1 && n <= cached.count ? cached[n - 1] : nil
    }
}

/// Columns a terminal gives text: East Asian wide and fullwidth characters (ICU's property)
/// take two, combining marks none.
public enum DisplayWidth {
    public static func of(_ c: Unicode.Scalar) -> Int {
        Characters.characterClass(c.value) == .mark ? 0 : Characters.isWide(c.value) ? 2 : 1
    }

    public static func of(_ s: String) -> Int { s.unicodeScalars.reduce(0) { $0 + of($1) } }
}

/// A line of source shown under a finding: display columns (East Asian wide characters take
/// two, combining marks none, a tab four), trimmed with `…` around the finding when the line is
/// wider than the terminal.
public enum Snippet {
    /// The text to show and the caret line under columns `column`…`endColumn` (code points,
    /// 1-based, inclusive; nil: to the end of the line).
    public static func render(_ line: Substring, column: Int, endColumn: Int?, width: Int) -> (text: String, carets: String) {
        var cells: [(text: String, width: Int)] = []
        for c in line.unicodeScalars {
            switch c.value {
            case 0x09: cells.append(("    ", 4))
            case 0..<0x20, 0x7F: cells.append(("\u{FFFD}", 1))
            case 0x200B...0x200F, 0x2060, 0xFEFF: cells.append(("", 0))
            default:
                cells.append((String(c), DisplayWidth.of(c)))
            }
        }
        let s = min(max(0, column - 1), cells.count)
        let e = max(s + 1, min(cells.count, endColumn ?? cells.count))
        let total = cells.reduce(0) { $0 + $1.width }
        var lo = 0, hi = cells.count
        if total > width {
            // A window around the finding's start: a third of the width before it, then as much
            // of the finding as fits; leftover room goes back before it.
            let room = width - 2  // the two ellipses
            var before = 0
            lo = s
            while lo > 0 && before + cells[lo - 1].width <= room / 3 { lo -= 1; before += cells[lo].width }
            var used = before
            hi = s
            while hi < cells.count && used + cells[hi].width <= room { used += cells[hi].width; hi += 1 }
            while lo > 0 && used + cells[lo - 1].width <= room { lo -= 1; used += cells[lo].width }
        }
        var text = lo > 0 ? "…" : ""
        var carets = lo > 0 ? " " : ""
        for k in lo..<hi {
            text += cells[k].text
            carets += String(repeating: k >= s && k < e ? "^" : " ", count: cells[k].width)
        }
        if hi < cells.count { text += "…" }
        if s >= cells.count { carets += "^" }  // a finding at the end of the line
        while carets.hasSuffix(" ") { carets.removeLast() }
        return (text, carets)
    }
}

/// The JSON of the interface: `findings` and `summary`.
public struct JSONReporter: FindingReporter {
    public let identifier = "json"
    /// The report's findings array before its first finding.
    private static let blank = JSON.Splice(JSONReporter.skeleton(Summary()), key: "findings")
    private var splice = JSONReporter.blank
    public init() {}

    static func skeleton(_ summary: Summary) -> JSON {
        .object([
            ("findings", .array([])),
            ("summary", .object([("files", .int(summary.files)), ("error", .int(summary.error)),
                                 ("warning", .int(summary.warning)), ("info", .int(summary.info))]
                                + (summary.unreadable > 0 ? [("unreadable", .int(summary.unreadable))] : []))),
        ])
    }

    public func begin() -> String { splice.head }

    public mutating func add(_ findings: [Finding]) -> String {
        var out: [UInt8] = []
        add(findings, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appended as bytes, one JSON value per finding, written field by field.
    public mutating func add(_ findings: [Finding], into out: inout [UInt8]) {
        var bytes = JSON.Writer(capacity: 512 * findings.count)  // about 400 bytes a finding
        for f in findings { splice.element(into: &bytes) { JSONReporter.write(f, into: &$0, indent: $1) } }
        bytes.append(to: &out)
    }

    /// A finding is written the same wherever it falls, but for the comma before it.
    public func written(_ findings: [Finding]) -> WrittenFindings {
        var ahead = JSONReporter.blank
        var bytes = JSON.Writer(capacity: 512 * findings.count)  // about 400 bytes a finding
        var starts: [Int] = []
        starts.reserveCapacity(findings.count)
        for f in findings {
            starts.append(starts.isEmpty ? 0 : bytes.count + 1)
            ahead.element(into: &bytes) { JSONReporter.write(f, into: &$0, indent: $1) }
        }
        var out: [UInt8] = []
        bytes.append(to: &out)
        return WrittenFindings(findings: findings, bytes: out, starts: starts, mergesBytes: true)
    }

    public mutating func add(_ written: WrittenFindings, merging more: [Finding], into out: inout [UInt8]) {
        guard !more.isEmpty else { return splice.append(elements: written.count, written: written.bytes[...], into: &out) }
        written.interleave(more, written: { r in
            // Finding k's bytes start after the comma that joins it to the one before.
            let end = r.upperBound < written.count ? written.starts[r.upperBound] - 1 : written.bytes.count
            splice.append(elements: r.count, written: written.bytes[written.starts[r.lowerBound]..<end], into: &out)
        }, merged: { add([$0], into: &out) })
    }

    public func end(_ summary: Summary) -> String {
        splice.close + JSON.Splice(JSONReporter.skeleton(summary), key: "findings").tail + "\n"
    }

    /// A finding's object (nine fields at least: always on several lines).
    static func write(_ f: Finding, into out: inout JSON.Writer, indent: Int) {
        var o = JSON.ObjectWriter(indent: indent, into: &out)
        o.field("rule", f.rule, into: &out)
        o.field("severity", f.severity.rawValue, into: &out)
        o.field("file", f.file, into: &out)
        o.field("line", f.span.start.line, into: &out)
        o.field("column", f.span.start.column, into: &out)
        o.field("endLine", f.span.end.line, into: &out)
        o.field("endColumn", f.span.end.column, into: &out)
        o.field("message", f.message, into: &out)
        o.field("text", f.text, into: &out)
        if let fix = f.fix {
            if fix.also.isEmpty {
                o.field("fix", object: "replacement", fix.replacement, into: &out)
            } else {
                // The further places the replacement is written at, as the finding's own.
                o.field(named: "fix", .object([("replacement", .string(fix.replacement)), ("also", .array(fix.also.map { s in
                    .object([("line", .int(s.start.line)), ("column", .int(s.start.column)),
                             ("endLine", .int(s.end.line)), ("endColumn", .int(s.end.column))])
                }))]), into: &out)
            }
        }
        // Every rule-specific value is in `details` (the evidence that decided, the source and
        // target values, the glossary entry…). Values that earlier versions wrote at the top
        // level (`words`, `sourceLine`, `term`…) stay there too, so existing scripts keep working.
        var details: [(String, JSON)] = []
        for (key, value) in f.details {
            if key == "details", case .object(let inner) = value {
                details += inner
            } else {
                o.field(named: key, value, into: &out)
                details.append((key, value))
            }
        }
        if !details.isEmpty { o.field("details", .object(details), into: &out) }
        o.close(into: &out)
    }
}

/// GitHub Actions workflow commands: most severe first (GitHub shows only the first ten of
/// each level), then one plain summary line. The only format held until the end.
public struct GitHubReporter: FindingReporter {
    public let identifier = "github"
    private let messages: Messages
    public init(messages: Messages = Messages.current) { self.messages = messages }

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
        lines.joined().joined() + "bitext: " + TextReporter.summaryLine(summary, messages) + "\n"
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
