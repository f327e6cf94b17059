import BitextText

/// A problem of a glossary file that still parses.
public struct GlossaryProblem: Sendable, Equatable {
    public var file: String
    public var line: Int
    public var id: String
    /// The English message; `values` fill the placeholders of the message `glossary-lint.<id>`
    /// in the messages files, for other languages.
    public var message: String
    public var values: [String: String] = [:]
}

/// Checks a glossary for what makes it contradict itself: duplicate source terms with
/// conflicting targets, a variant one entry forbids and another prefers, empty list items,
/// a rendering that is also its own forbidden variant.
public enum GlossaryLint {
    public static func check(_ g: Glossary) -> [GlossaryProblem] {
        var problems: [GlossaryProblem] = []
        func add(_ e: GlossaryEntry, _ id: String, _ message: String, _ values: [String: String]) {
            problems.append(GlossaryProblem(file: e.file, line: e.line, id: id, message: message, values: values))
        }
        var bySource: [String: [GlossaryEntry]] = [:]
        for e in g.entries {
            bySource[e.source.lowercased(), default: []].append(e)
        }
        for e in g.entries {
            let key = e.source.lowercased()
            if let first = bySource[key]?.first, first.line != e.line || first.file != e.file {
                if first.target == e.target {
                    add(e, "duplicate-term", "'\(e.source)' is already defined at \(first.location)",
                        ["term": e.source, "location": first.location])
                } else if !e.contextDependent && !first.contextDependent {
                    // Entries whose rendering depends on a part of speech or a sense
                    // (`build (n.)` 构建版本, `build (v.)` 构建) are variants, not conflicts.
                    add(e, "conflicting-target", "'\(e.source)' → \(e.target) here, but → \(first.target) at \(first.location)",
                        ["term": e.source, "target": e.target, "other": first.target, "location": first.location])
                }
            }
            for f in e.forbidden where e.accepted.contains(f) {
                add(e, "forbidden-accepted", "\(f) is both accepted and forbidden for '\(e.source)'", ["variant": f, "term": e.source])
            }
            for (list, name) in [(e.forbidden, "forbidden"), (e.alternatives, "alternatives")] {
                var seen = Set<String>()
                for item in list where !seen.insert(item).inserted {
                    add(e, "duplicate-item", "\(item) appears twice in \(name) of '\(e.source)'",
                        ["item": item, "column": name, "term": e.source])
                }
            }
            if e.alternatives.contains(e.target) && !e.keepAsIs {
                add(e, "duplicate-item", "\(e.target) appears twice in alternatives of '\(e.source)'",
                    ["item": e.target, "column": "alternatives", "term": e.source])
            }
        }
        // A variant one entry forbids and another prefers or accepts.
        var acceptedBy: [String: GlossaryEntry] = [:]
        for e in g.entries { for a in e.accepted where acceptedBy[a] == nil { acceptedBy[a] = e } }
        for e in g.entries {
            for f in e.forbidden {
                if let other = acceptedBy[f], other.source.lowercased() != e.source.lowercased() {
                    add(e, "forbidden-elsewhere-preferred",
                        "\(f) is forbidden for '\(e.source)' but accepted for '\(other.source)' at \(other.location)",
                        ["variant": f, "term": e.source, "other": other.source, "location": other.location])
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
        for raw in text.splitLines() {
            n += 1
            var line = Substring(raw)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            if header { header = false; if cells.contains(where: { $0.lowercased() == "source" }) { continue } }
            for (k, c) in cells.enumerated() {
                if c.hasPrefix(" ") || c.hasSuffix(" ") {
                    problems.append(GlossaryProblem(file: file, line: n, id: "space-in-cell",
                                                    message: "column \(k + 1) has spaces around its text", values: ["column": String(k + 1)]))
                }
                if (k == 3 || k == 4) && (c.contains("||") || c.hasPrefix("|") || c.hasSuffix("|")) {
                    problems.append(GlossaryProblem(file: file, line: n, id: "empty-item",
                                                    message: "column \(k + 1) has an empty item between '|' separators", values: ["column": String(k + 1)]))
                }
            }
        }
        return problems
    }

    /// Why a TSV file is not a glossary, or nil when it is one: it has no header naming the
    /// `source` and `target` columns, and no row looks like a term and its translation (a
    /// rendering in another script than the term's, or a glossary flag) — a data file, say,
    /// that would otherwise be read as a few meaningless "terms".
    public static func notAGlossary(_ entries: [GlossaryEntry], text: String) -> String? {
        for raw in text.splitLines(omittingEmptySubsequences: true) {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw[...]
            let trimmed = line.trimmingCharacters(in: " \t\u{FEFF}")
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.lowercased().trimmingCharacters(in: " \u{FEFF}") }
            if cells.contains("source") && cells.contains("target") { return nil }
            break
        }
        func nonLatinLetter(_ s: String) -> Bool {
            s.unicodeScalars.contains { $0.value >= 0x2E80 || ($0.value >= 0x370 && $0.value < 0x2000) }
        }
        if entries.isEmpty { return nil }
        if entries.contains(where: { $0.keepAsIs || $0.caseSensitive || $0.contextDependent || !$0.forbidden.isEmpty || nonLatinLetter($0.target) }) {
            return nil
        }
        return "no header row naming the source and target columns, and no row translates a term: not a glossary (a glossary starts with source⇥target⇥… or has renderings in the target language)"
    }
}
