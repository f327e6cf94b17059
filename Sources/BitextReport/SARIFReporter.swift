import BitextCheck
import BitextMarkdown
import BitextText
import Foundation

/// SARIF 2.1.0 for GitHub code scanning: rules with descriptions and help, URIs relative to
/// the working directory (`%SRCROOT%`), code-point columns with SARIF's exclusive end column,
/// `partialFingerprints` that survive line shifts, and fixes.
public struct SARIFReporter: FindingReporter {
    public let identifier = "sarif"
    public var rules: [any Rule]
    public var workingDirectory: String
    /// Where the tool is documented, for code scanning's links: none until bitext has a public
    /// home (a link to a repository that does not exist helps nobody); the rules carry their
    /// help text themselves.
    public static let informationURI: String? = nil

    public init(rules: [any Rule], workingDirectory: String) {
        self.rules = rules
        self.workingDirectory = workingDirectory
    }

    /// Rule ids in `tool.driver.rules` (set by `begin`): the rules, then drift and note ids no
    /// rule object has.
    private var ruleIds: [String] = []
    private var splice: JSON.Splice?
    /// The results array before its first result.
    private var blank: JSON.Splice?
    private var occurrence: [String: Int] = [:]

    public mutating func begin() -> String {
        let ids = rules.map(\.id)
        ruleIds = ids + SARIFReporter.extraRuleSummaries.keys.sorted().filter { !ids.contains($0) }
        let ruleObjects: [JSON] = ruleIds.map { id in
            let rule = rules.first { $0.id == id }
            let summary = rule?.summary ?? SARIFReporter.extraRuleSummaries[id] ?? id
            let level = SARIFReporter.level(rule?.defaultSeverity ?? .warning)
            return .object([
                ("id", .string(id)),
                ("name", .string(SARIFReporter.pascalCase(id))),
                ("shortDescription", .object([("text", .string(summary))])),
                ("fullDescription", .object([("text", .string(summary))])),
                ("help", .object([
                    ("text", .string("\(summary) Suppress with <!-- bitext-disable-next-line \(id) --> or set its severity in bitext.yml.")),
                    ("markdown", .string("\(summary)\n\nSuppress one occurrence with `<!-- bitext-disable-next-line \(id) -->`, or set `rules: {\(id): off}` in `bitext.yml`.")),
                ])),
                ("defaultConfiguration", .object([("level", .string(level))])),
            ])
        }
        let root = URL(fileURLWithPath: workingDirectory, isDirectory: true).absoluteString
        let run: JSON = .object([
            ("tool", .object([("driver", .object([
                ("name", "bitext"), ("version", "0.1.0"), ("semanticVersion", "0.1.0")]
                + (SARIFReporter.informationURI.map { [("informationUri", JSON.string($0))] } ?? [])
                + [("rules", .array(ruleObjects))]))])),
            ("originalUriBaseIds", .object([("%SRCROOT%", .object([("uri", .string(root.hasSuffix("/") ? root : root + "/"))]))])),
            ("columnKind", "unicodeCodePoints"),
            ("results", .array([])),
        ])
        let splice = JSON.Splice(.object([
            ("$schema", "https://json.schemastore.org/sarif-2.1.0.json"),
            ("version", "2.1.0"),
            ("runs", .array([run])),
        ]), key: "results")
        self.splice = splice
        blank = splice
        return splice.head
    }

    public mutating func add(_ findings: [Finding]) -> String {
        // Fingerprints count repeats of the same text in a file; one file's findings come in one call.
        occurrence.removeAll(keepingCapacity: true)
        var out = ""
        for f in findings { out += element(f) }
        return out
    }

    /// A file's findings written whole ahead of their turn, as JSON's are (the comma before
    /// the first left to `add`); with findings merged among them, they are written again, as
    /// the repeats their fingerprints count change.
    public func written(_ findings: [Finding]) -> WrittenFindings {
        var ahead = self
        ahead.splice = blank
        ahead.occurrence = [:]
        var out = "", starts: [Int] = []
        starts.reserveCapacity(findings.count)
        for f in findings {
            starts.append(starts.isEmpty ? 0 : out.utf8.count + 1)
            out += ahead.element(f)
        }
        return WrittenFindings(findings: findings, bytes: Array(out.utf8), starts: starts)
    }

    public mutating func add(_ written: WrittenFindings, merging more: [Finding], into bytes: inout [UInt8]) {
        if more.isEmpty {
            splice!.append(elements: written.count, written: written.bytes[...], into: &bytes)
        } else {
            bytes += add(written.merged(with: more)).utf8
        }
    }

    /// A finding's result, after a comma when it is not the first.
    private mutating func element(_ f: Finding) -> String {
        let uri = artifactURI(f.file)
        var region: [(String, JSON)] = [
            ("startLine", .int(f.span.start.line)), ("startColumn", .int(f.span.start.column)),
            ("endLine", .int(f.span.end.line)), ("endColumn", .int(f.span.end.column + 1)),
        ]
        region.append(("snippet", .object([("text", .string(f.text))])))
        let location: JSON = .object([("physicalLocation", .object([
            ("artifactLocation", .object([("uri", .string(uri)), ("uriBaseId", "%SRCROOT%")])),
            ("region", .object(region)),
        ]))])
        let key = "\(f.rule)|\(uri)|\(f.text)"
        let n = occurrence[key, default: 0]
        occurrence[key] = n + 1
        var fields: [(String, JSON)] = [
            ("ruleId", .string(f.rule)),
            ("ruleIndex", .int(ruleIds.firstIndex(of: f.rule) ?? 0)),
            ("level", .string(SARIFReporter.level(f.severity))),
            ("message", .object([("text", .string(f.message))])),
            ("locations", .array([location])),
            ("partialFingerprints", .object([("bitextTextHash/v1", .string(SARIFReporter.fingerprint(key + "|\(n)")))])),
        ]
        // The rule's own values (the source and target values of the consistency rules, the
        // glossary entry…) as the result's property bag, as in the JSON format.
        // JSON's `details` object is unwrapped: its fields are the properties.
        var properties: [(String, JSON)] = []
        for (key, value) in f.details {
            if key == "details", case .object(let inner) = value { properties += inner } else { properties.append((key, value)) }
        }
        if !properties.isEmpty { fields.append(("properties", .object(properties))) }
        if let fix = f.fix {
            fields.append(("fixes", .array([.object([
                ("description", .object([("text", .string(fix.replacement.isEmpty ? "delete" : "replace with \(fix.replacement)"))])),
                ("artifactChanges", .array([.object([
                    ("artifactLocation", .object([("uri", .string(uri)), ("uriBaseId", "%SRCROOT%")])),
                    ("replacements", .array(fix.spans(of: f).map { s in .object([
                        ("deletedRegion", .object([
                            ("startLine", .int(s.start.line)), ("startColumn", .int(s.start.column)),
                            ("endLine", .int(s.end.line)), ("endColumn", .int(s.end.column + 1)),
                        ])),
                        ("insertedContent", .object([("text", .string(fix.replacement))])),
                    ]) })),
                ])])),
            ])])))
        }
        return splice!.element(.object(fields))
    }

    public func end(_ summary: Summary) -> String {
        splice!.close + splice!.tail + "\n"
    }

    static let extraRuleSummaries = [
        "translator-note": "A translator's note: text with no source counterpart, marked 译者注.",
        "stale-translation": "The source of this translated unit changed since it was translated.",
        "untranslated-insertion": "Source text added since the translation was made, with no translation.",
        "orphaned-translation": "A translated unit whose source was deleted.",
        "stale-link": "Only link destinations changed in the source of this translated unit.",
    ]

    /// A path relative to the working directory, percent-encoded as a URI reference; files
    /// outside it get an absolute `file:` URI.
    func artifactURI(_ path: String) -> String {
        let abs = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: workingDirectory, isDirectory: true))
            .standardizedFileURL.path
        let cwd = URL(fileURLWithPath: workingDirectory).standardizedFileURL.path
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        if abs.hasPrefix(prefix) {
            return encode(String(abs.dropFirst(prefix.count)))
        }
        return "file://" + encode(abs)
    }

    private func encode(_ s: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#[]@!$&'()*+,;=")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    static func pascalCase(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// FNV-1a, 64 bits, hex.
    static func fingerprint(_ s: String) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
