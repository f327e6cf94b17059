import BitextMarkdown

/// Inline suppression comments:
///
/// - `<!-- bitext-disable RULE… -->` … `<!-- bitext-enable RULE… -->`: lines between (no rule: all);
/// - `<!-- bitext-disable-next-line RULE… -->`: the next line that is not blank;
/// - `<!-- bitext-disable-line RULE… -->`: the comment's own line(s).
///
/// Rules are separated by spaces or commas.
public struct Suppressions: Sendable {
    struct Region {
        var rules: Set<String>?  // nil: every rule
        var lines: ClosedRange<Int>
    }
    private var regions: [Region] = []

    public init(_ doc: Document) {
        var open: [(rules: Set<String>?, line: Int)] = []
        for c in doc.comments.sorted(by: { $0.start < $1.start }) where c.body.hasPrefix("bitext-") {
            let tokens = c.body.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" || $0 == "\t" }).map(String.init)
            guard let directive = tokens.first else { continue }
            let rules: Set<String>? = tokens.count > 1 ? Set(tokens.dropFirst()) : nil
            switch directive {
            case "bitext-disable":
                open.append((rules, c.start.line))
            case "bitext-enable":
                var remaining: [(Set<String>?, Int)] = []
                for o in open {
                    if rules == nil || o.rules == nil || o.rules == rules {
                        regions.append(Region(rules: o.rules, lines: o.line...max(o.line, c.end.line)))
                        // Re-enabling some rules of a region that disabled all keeps the rest off.
                        if o.rules == nil, let r = rules {
                            _ = r
                            remaining.append((nil, c.end.line + 1))
                        }
                    } else if var rs = o.rules, let r = rules, !rs.isDisjoint(with: r) {
                        regions.append(Region(rules: rs.intersection(r), lines: o.line...max(o.line, c.end.line)))
                        rs.subtract(r)
                        if !rs.isEmpty { remaining.append((rs, o.line)) }
                    } else {
                        remaining.append(o)
                    }
                }
                open = remaining
            case "bitext-disable-next-line":
                var line = c.end.line + 1
                while line <= doc.source.lineCount && doc.source.lineByteRange(line).allSatisfy({
                    doc.source.bytes[$0] == 0x20 || doc.source.bytes[$0] == 0x09 }) { line += 1 }
                regions.append(Region(rules: rules, lines: line...line))
            case "bitext-disable-line":
                regions.append(Region(rules: rules, lines: c.start.line...c.end.line))
            default:
                continue
            }
        }
        for o in open { regions.append(Region(rules: o.rules, lines: o.line...Int.max)) }
    }

    public var isEmpty: Bool { regions.isEmpty }

    public func suppresses(_ f: Finding) -> Bool {
        for r in regions where r.lines.contains(f.span.start.line) {
            if r.rules == nil || r.rules!.contains(f.rule) { return true }
        }
        return false
    }
}

/// `unknown-rule`: a suppression comment naming a rule id bitext does not have
/// (`bitext-disable-next-line untranslatd`), which would otherwise suppress nothing, silently.
/// The message names the closest id. (An unknown id in bitext.yml is a configuration error.)
public struct UnknownRuleRule: Rule {
    public let id = "unknown-rule"
    public let defaultSeverity = Severity.warning
    public let summary = "A suppression comment (bitext-disable…) naming a rule id that does not exist; the closest id is suggested."
    public var examples: [RuleExample] {
        [
            RuleExample("<!-- bitext-disable-next-line ↓untranslatd -->\nThis line stays in English.\n"),
            RuleExample("<!-- bitext-disable mixed-language, ↓glosary-forbidden -->\n中文。\n<!-- bitext-enable -->\n"),
            RuleExample("<!-- bitext-disable-next-line untranslated -->\nThis line stays in English.\n"),
            RuleExample("<!-- bitext-disable-line same-as-source,translator-note --> 中文。\n"),
            RuleExample("<!-- a comment that mentions bitext-disable-next-line nonsense -->\n中文。\n"),
        ]
    }

    static let directives: Set<String> = ["bitext-disable", "bitext-enable", "bitext-disable-next-line", "bitext-disable-line"]

    /// Every id a suppression comment may name, made once (not per file).
    static let known = Set(RuleRegistry.knownIds)

    public init() {}

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self) else { return }
        let known = UnknownRuleRule.known
        let source = c.document.source
        for comment in c.document.comments where comment.body.hasPrefix("bitext-") {
            let start = source.byteOffset(of: comment.start)
            var end = source.byteOffset(of: comment.end)
            while end < source.bytes.count && source.bytes[end] & 0xC0 == 0x80 { end += 1 }
            end = min(source.bytes.count, end + 1)
            // Tokens of the comment's raw bytes: the directive, then rule ids.
            var tokens: [(Range<Int>, String)] = []
            var k = start
            let bytes = source.bytes
            func isSeparator(_ b: UInt8) -> Bool { b == 0x20 || b == 0x2C || b == 0x0A || b == 0x0D || b == 0x09 }
            while k < end {
                if isSeparator(bytes[k]) { k += 1; continue }
                var j = k
                while j < end && !isSeparator(bytes[j]) { j += 1 }
                tokens.append((k..<j, String(decoding: bytes[k..<j], as: UTF8.self)))
                k = j
            }
            guard let d = tokens.firstIndex(where: { UnknownRuleRule.directives.contains($0.1) || $0.1.hasPrefix("<!--bitext-") }) else { continue }
            for (range, raw) in tokens[(d + 1)...] {
                var token = raw
                var r = range
                if token.hasSuffix("-->") { token.removeLast(3); r = r.lowerBound..<(r.upperBound - 3) }
                if token.isEmpty || token == "-->" || known.contains(token) { continue }
                let hint = RuleRegistry.closest(to: token).map { c.messages.text("unknown-rule.closest", ["id": $0]) }
                    ?? c.messages.text("unknown-rule.list")
                let last = source.position(ofByte: r.upperBound - 1)
                var lastStart = r.upperBound - 1
                while lastStart > r.lowerBound && bytes[lastStart] & 0xC0 == 0x80 { lastStart -= 1 }
                emit(Finding(rule: id, severity: severity, file: c.document.path,
                             span: Span(start: source.position(ofByte: r.lowerBound), end: lastStart == r.upperBound - 1 ? last : source.position(ofByte: lastStart)),
                             message: c.messages.text("unknown-rule", ["id": token, "hint": hint]), text: token))
            }
        }
    }
}
