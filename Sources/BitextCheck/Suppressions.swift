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
