/// Termbases that translation teams keep as a Markdown table of two columns: the English term
/// and the suggested translation (as in Vue's and the Swift book's Chinese projects).
///
/// Read rules: each table row after the header is an entry; `a/b` or `a, b` in the English cell
/// are separate terms; a parenthesised part of the English cell (`build (n.)`) is a comment;
/// a translation cell meaning "do not translate" (`_不翻译_`, `不翻译`, `保留`, or the term
/// itself) makes the term keep-as-is; several renderings separated by `/`, `、`, `或` or `，`
/// become the rendering and its alternatives; quoted renderings are unquoted; explanations
/// (cells that say when to use what) are kept as comments and their quoted renderings used.
public enum MarkdownTermTable {
    public static func read(_ text: String, file: String) throws(GlossaryError) -> Glossary {
        var entries: [GlossaryEntry] = []
        var lineNumber = 0
        var inTable = false
        var sawSeparator = false
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.trimmingCharacters(in: " \t\r")
            guard line.hasPrefix("|") else { inTable = false; sawSeparator = false; continue }
            let cells = line.dropFirst().split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: " \t") }
            if !inTable { inTable = true; continue }  // header row
            if !sawSeparator && cells.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } }) { sawSeparator = true; continue }
            guard cells.count >= 2 else { continue }
            let english = cells[0], chinese = cells[1]
            guard !english.isEmpty, !chinese.isEmpty else { continue }
            entries += entriesFor(english: english, chinese: chinese, file: file, line: lineNumber)
        }
        if entries.isEmpty {
            throw GlossaryError(file: file, line: nil, message: "no term table found (a Markdown table of English term | translation)")
        }
        return Glossary(entries: entries)
    }

    static func entriesFor(english: String, chinese: String, file: String, line: Int) -> [GlossaryEntry] {
        var comment = ""
        var terms = english
        if let open = english.firstIndex(of: "("), let close = english.lastIndex(of: ")"), open < close {
            comment = String(english[open...close])
            terms = String(english[..<open]) + String(english[english.index(after: close)...])
        }
        let sourceTerms = terms.split(whereSeparator: { $0 == "/" || $0 == "," })
            .map { $0.trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
        let c = chinese.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "`", with: "")
        let plain = c.trimmingCharacters(in: " _")
        let keepWords = ["不翻译", "不译", "保留", "保持原文", "无需翻译"]
        var renderings: [String] = []
        var keep = false
        var note = comment
        if keepWords.contains(plain) || sourceTerms.contains(where: { $0.lowercased() == plain.lowercased() }) {
            keep = true
        } else {
            let quoted = quotedParts(c)
            let explanatory = c.count > 12 || c.contains("，") && !quoted.isEmpty
            if explanatory && !quoted.isEmpty {
                renderings = quoted
                note = (note.isEmpty ? "" : note + " ") + c
            } else {
                renderings = c.split(whereSeparator: { "/、，,".contains($0) }).flatMap { $0.components(separatedBy: "或") }
                    .map { $0.trimmingCharacters(in: " \"“”「」'") }.filter { !$0.isEmpty }
            }
            if renderings.contains(where: { r in keepWords.contains(where: { r.contains($0) }) }) {
                keep = true
                renderings.removeAll { r in keepWords.contains(where: { r.contains($0) }) }
            }
        }
        return sourceTerms.map { s in
            GlossaryEntry(source: s, target: keep ? s : (renderings.first ?? s), comment: note, forbidden: [],
                          alternatives: keep ? renderings : Array(renderings.dropFirst()),
                          caseSensitive: false, keepAsIs: keep || renderings.isEmpty, file: file, line: line)
        }
    }

    private static func quotedParts(_ s: String) -> [String] {
        var out: [String] = []
        var current: String? = nil
        for ch in s {
            if ch == "\"" || ch == "“" || ch == "”" || ch == "「" || ch == "」" {
                if let c = current { if !c.isEmpty { out.append(c) }; current = nil } else { current = "" }
            } else if current != nil {
                current!.append(ch)
            }
        }
        return out
    }
}
