import BitextText

/// The glossary's tab-separated format.
///
/// Columns by position: `source`, `target`, `comment`, `forbidden` (`|`-separated), `alternatives`
/// (`|`-separated), `flags` (`case-sensitive`, `keep-as-is`, comma-separated). The first three are
/// the columns of OmegaT and other CAT tools' glossaries. `#` lines and blank lines are ignored.
/// A first row whose cells include `source` and `target` is a header naming the columns in its
/// own order.
public enum TSV {
    public static let columns = ["source", "target", "comment", "forbidden", "alternatives", "flags"]
    public static let flags = ["case-sensitive", "keep-as-is", "context-dependent"]

    public static func read(_ text: String, file: String) throws(GlossaryError) -> Glossary {
        var entries: [GlossaryEntry] = []
        var order = columns
        var sawRow = false
        var lineNumber = 0
        for rawLine in text.splitLines() {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if lineNumber == 1 && line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if line.trimmingCharacters(in: " \t").isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: " ") }
            if !sawRow {
                sawRow = true
                let lower = cells.map { $0.lowercased() }
                if lower.contains("source") && lower.contains("target") {
                    for c in lower where !columns.contains(c) && !c.isEmpty {
                        throw GlossaryError(file: file, line: lineNumber,
                            message: "unknown column '\(c)' in header; columns are \(columns.joined(separator: ", "))",
                            id: "unknown-column", values: ["column": c, "columns": columns.joined(separator: ", ")])
                    }
                    order = lower
                    continue
                }
            }
            guard cells.count >= 2 else {
                throw GlossaryError(file: file, line: lineNumber,
                    message: "expected tab-separated columns (source, target, …); found no tab", id: "no-tab")
            }
            var values: [String: String] = [:]
            for (k, cell) in cells.enumerated() {
                guard k < order.count else {
                    if cell.isEmpty { continue }
                    throw GlossaryError(file: file, line: lineNumber,
                        message: "\(cells.count) columns; at most \(order.count) (\(order.joined(separator: ", ")))",
                        id: "too-many-columns",
                        values: ["count": String(cells.count), "most": String(order.count), "columns": order.joined(separator: ", ")])
                }
                values[order[k]] = cell
            }
            let source = values["source"] ?? ""
            guard !source.isEmpty else {
                throw GlossaryError(file: file, line: lineNumber, message: "empty source term", id: "empty-source")
            }
            var caseSensitive = false
            var keep = false
            var context = false
            for f in (values["flags"] ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: " ") }) where !f.isEmpty {
                switch f {
                case "case-sensitive": caseSensitive = true
                case "keep-as-is": keep = true
                case "context-dependent": context = true
                default:
                    throw GlossaryError(file: file, line: lineNumber,
                        message: "unknown flag '\(f)'; flags are \(flags.joined(separator: ", "))",
                        id: "unknown-flag", values: ["flag": f, "flags": flags.joined(separator: ", ")])
                }
            }
            var target = values["target"] ?? ""
            if target.isEmpty {
                guard keep else {
                    throw GlossaryError(file: file, line: lineNumber,
                        message: "empty target for '\(source)'; give a rendering or the flag keep-as-is",
                        id: "empty-target", values: ["term": source])
                }
                target = source
            }
            var entry = GlossaryEntry(
                source: source, target: target, comment: values["comment"] ?? "",
                forbidden: list(values["forbidden"]), alternatives: list(values["alternatives"]),
                caseSensitive: caseSensitive, keepAsIs: keep, file: file, line: lineNumber)
            entry.contextDependent = context
            entries.append(entry)
        }
        return Glossary(entries: entries)
    }

    static func list(_ s: String?) -> [String] {
        (s ?? "").split(separator: "|").map { $0.trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
    }

    /// Writes a glossary as TSV with a header row.
    public static func write(_ g: Glossary) -> String {
        var out = columns.joined(separator: "\t") + "\n"
        for e in g.entries {
            var flags: [String] = []
            if e.caseSensitive { flags.append("case-sensitive") }
            if e.keepAsIs { flags.append("keep-as-is") }
            if e.contextDependent { flags.append("context-dependent") }
            let cells = [e.source, e.keepAsIs && e.target == e.source ? "" : e.target, e.comment,
                         e.forbidden.joined(separator: "|"), e.alternatives.joined(separator: "|"),
                         flags.joined(separator: ",")].map(escape)
            var row = cells
            while let last = row.last, last.isEmpty, row.count > 2 { row.removeLast() }
            out += row.joined(separator: "\t") + "\n"
        }
        return out
    }

    private static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
    }
}
