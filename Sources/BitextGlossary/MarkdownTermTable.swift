import BitextText

/// Termbases that translation teams keep as a Markdown table of two columns: the English term
/// and the suggested translation (as in Vue's and the Swift book's Chinese projects).
///
/// Read rules: each table row after the header is an entry; `a/b` or `a, b` in the English cell
/// are separate terms; a parenthesised qualifier of the English cell (`build (n.)`, `emit (an
/// event)`) makes the entry context-dependent; a translation cell meaning "do not translate"
/// (`_不翻译_`, `保留英文`) makes the term keep-as-is; renderings separated by `/`, `、` or `或`
/// become the rendering and its alternatives; `（不用"您"）`-style notes give forbidden variants;
/// explanations (cells that say when to use what: `JS 中译为"类"，CSS 中不翻译`) make the entry
/// context-dependent, their quoted renderings accepted and the cell kept as a comment.
public enum MarkdownTermTable {
    public static func read(_ text: String, file: String) throws(GlossaryError) -> Glossary {
        var entries: [GlossaryEntry] = []
        var lineNumber = 0
        var inTable = false
        var sawSeparator = false
        for raw in text.splitLines() {
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
            if english.unicodeScalars.contains(where: { $0.value >= 0x4E00 && $0.value <= 0x9FFF }) {
                // A convention for the Chinese itself (应用程序 → 应用): the left forms are forbidden.
                entries += styleEntry(variants: english, preferred: chinese, file: file, line: lineNumber)
            } else {
                entries += entriesFor(english: english, chinese: chinese, file: file, line: lineNumber)
            }
        }
        if entries.isEmpty {
            throw GlossaryError(file: file, line: nil, message: "no term table found (a Markdown table of English term | translation)",
                                id: "no-term-table")
        }
        return Glossary(entries: entries)
    }

    static func entriesFor(english: String, chinese: String, file: String, line: Int) -> [GlossaryEntry] {
        // English cell: terms separated by `/` or `,`; a parenthesised qualifier (`build (n.)`,
        // `emit (an event)`) makes the entry context-dependent.
        var qualifier = ""
        var terms = english
        if let open = english.firstIndex(of: "("), let close = english.lastIndex(of: ")"), open < close {
            qualifier = String(english[open...close])
            terms = String(english[..<open]) + String(english[english.index(after: close)...])
        }
        let sourceTerms = terms.split(whereSeparator: { $0 == "/" || $0 == "," })
            .map { $0.trimmingCharacters(in: " ") }.filter { !$0.isEmpty }

        var c = chinese.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "`", with: "")
            .trimmingCharacters(in: " _")
        // Forbidden variants: （不用"您"）, 不要用“X”, 而不是“X”, 避免“X”.
        var forbidden: [String] = []
        for marker in ["不用", "不要用", "而不是", "而非", "避免"] {
            while let r = c.range(of: marker) {
                let after = c[r.upperBound...]
                let quoted = quotedParts(String(after.prefix(20)))
                guard let f = quoted.first else { break }
                forbidden.append(f)
                // Drop the marker, the quoted variant and the parentheses around them.
                var lower = r.lowerBound
                if lower > c.startIndex, "（(".contains(c[c.index(before: lower)]) { lower = c.index(before: lower) }
                var upper = c.range(of: f, range: r.upperBound..<c.endIndex)!.upperBound
                while upper < c.endIndex, "\"”」）)".contains(c[upper]) { upper = c.index(after: upper) }
                c.removeSubrange(lower..<upper)
            }
        }
        c = c.trimmingCharacters(in: " ")
        let keepWords = ["不翻译", "不译", "保留英文", "保留原文", "无需翻译"]
        let keep = keepWords.contains { c.contains($0) }
        let explanatory = ["，", ",", "根据", "译为", "对应", "上下文", "……"].contains { c.contains($0) }
        var renderings: [String]
        var comment = qualifier
        if explanatory {
            renderings = quotedParts(c)
            if renderings.isEmpty {
                renderings = c.split(whereSeparator: { "，,、/".contains($0) }).flatMap { $0.components(separatedBy: "或者") }
                    .flatMap { $0.components(separatedBy: "或") }
                    .map { $0.trimmingCharacters(in: " \"“”") }
                    .filter { !$0.isEmpty && $0.count <= 6 && !keepWords.contains(where: $0.contains) && !$0.contains("根据") && !$0.contains("上下文") }
            }
            comment = (comment.isEmpty ? "" : comment + " ") + chinese.trimmingCharacters(in: " _")
        } else {
            var plain = c
            // A parenthesised part of the rendering is an explanation: 影子 (影子 DOM/影子根).
            if let open = plain.firstIndex(where: { $0 == "(" || $0 == "（" }) {
                comment = (comment.isEmpty ? "" : comment + " ") + String(plain[open...])
                plain = String(plain[..<open])
            }
            renderings = keep ? [] : plain.split(whereSeparator: { "/、".contains($0) })
                .flatMap { $0.components(separatedBy: "或") }
                .map { $0.trimmingCharacters(in: " \"“”「」'") }.filter { !$0.isEmpty }
        }
        if explanatory && renderings.isEmpty && !keep { renderings = [c] }
        let contextDependent = !qualifier.isEmpty || explanatory
        // `listen/listener | 监听/监听器`: as many renderings as terms pair up in order.
        if sourceTerms.count > 1 && sourceTerms.count == renderings.count && !explanatory {
            return zip(sourceTerms, renderings).map { s, r in
                var e = GlossaryEntry(source: s, target: r, comment: comment, forbidden: forbidden, file: file, line: line)
                e.contextDependent = contextDependent
                return e
            }
        }
        return sourceTerms.map { s in
            var e: GlossaryEntry
            if renderings.isEmpty {
                e = GlossaryEntry(source: s, target: s, comment: comment, forbidden: forbidden,
                                  keepAsIs: true, file: file, line: line)
            } else {
                var alternatives = Array(renderings.dropFirst())
                if keep { alternatives.append(s) }
                e = GlossaryEntry(source: s, target: renderings[0], comment: comment, forbidden: forbidden,
                                  alternatives: alternatives, file: file, line: line)
            }
            e.contextDependent = contextDependent
            return e
        }
    }

    /// `应用程序 | 应用`, `其他/其它 | 统一为"其他"`: the preferred form and its forbidden variants.
    static func styleEntry(variants: String, preferred: String, file: String, line: Int) -> [GlossaryEntry] {
        let target = quotedParts(preferred).first ?? preferred.trimmingCharacters(in: " ")
        let forbidden = variants.split(whereSeparator: { "/、,，".contains($0) }).map { $0.trimmingCharacters(in: " ") }
            .filter { !$0.isEmpty && $0 != target }
        guard !forbidden.isEmpty else { return [] }
        return [GlossaryEntry(source: target, target: target, comment: "house style", forbidden: forbidden,
                              file: file, line: line)]
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
