/// A problem of a glossary file that still parses.
public struct GlossaryProblem: Sendable, Equatable {
    public var file: String
    public var line: Int
    public var id: String
    public var message: String
}

/// Checks a glossary for what makes it contradict itself: duplicate source terms with
/// conflicting targets, a variant one entry forbids and another prefers, empty list items,
/// a rendering that is also its own forbidden variant.
public enum GlossaryLint {
    public static func check(_ g: Glossary) -> [GlossaryProblem] {
        var problems: [GlossaryProblem] = []
        func add(_ e: GlossaryEntry, _ id: String, _ message: String) {
            problems.append(GlossaryProblem(file: e.file, line: e.line, id: id, message: message))
        }
        var bySource: [String: [GlossaryEntry]] = [:]
        for e in g.entries {
            bySource[e.source.lowercased(), default: []].append(e)
        }
        for e in g.entries {
            let key = e.source.lowercased()
            if let first = bySource[key]?.first, first.line != e.line || first.file != e.file {
                if first.target == e.target {
                    add(e, "duplicate-term", "'\(e.source)' is already defined at \(first.location)")
                } else {
                    add(e, "conflicting-target", "'\(e.source)' → \(e.target) here, but → \(first.target) at \(first.location)")
                }
            }
            for f in e.forbidden where e.accepted.contains(f) {
                add(e, "forbidden-accepted", "\(f) is both accepted and forbidden for '\(e.source)'")
            }
            for (list, name) in [(e.forbidden, "forbidden"), (e.alternatives, "alternatives")] {
                var seen = Set<String>()
                for item in list where !seen.insert(item).inserted {
                    add(e, "duplicate-item", "\(item) appears twice in \(name) of '\(e.source)'")
                }
            }
            if e.alternatives.contains(e.target) && !e.keepAsIs {
                add(e, "duplicate-item", "\(e.target) is the rendering and also an alternative of '\(e.source)'")
            }
        }
        // A variant one entry forbids and another prefers or accepts.
        var acceptedBy: [String: GlossaryEntry] = [:]
        for e in g.entries { for a in e.accepted where acceptedBy[a] == nil { acceptedBy[a] = e } }
        for e in g.entries {
            for f in e.forbidden {
                if let other = acceptedBy[f], other.source.lowercased() != e.source.lowercased() {
                    add(e, "forbidden-elsewhere-preferred",
                        "\(f) is forbidden for '\(e.source)' but accepted for '\(other.source)' at \(other.location)")
                }
            }
        }
        return problems.sorted { $0.file != $1.file ? $0.file < $1.file : $0.line < $1.line }
    }

    /// Raw-text problems the parser tolerates: empty list items (`a||b`), cells with spaces
    /// around them, rows with trailing tabs beyond the columns.
    public static func checkText(_ text: String, file: String) -> [GlossaryProblem] {
        var problems: [GlossaryProblem] = []
        var n = 0
        var header = true
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            n += 1
            var line = Substring(raw)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            if header { header = false; if cells.contains(where: { $0.lowercased() == "source" }) { continue } }
            for (k, c) in cells.enumerated() {
                if c.hasPrefix(" ") || c.hasSuffix(" ") {
                    problems.append(GlossaryProblem(file: file, line: n, id: "space-in-cell",
                                                    message: "column \(k + 1) has spaces around its text"))
                }
                if (k == 3 || k == 4) && (c.contains("||") || c.hasPrefix("|") || c.hasSuffix("|")) {
                    problems.append(GlossaryProblem(file: file, line: n, id: "empty-item",
                                                    message: "column \(k + 1) has an empty item between '|' separators"))
                }
            }
        }
        return problems
    }
}
