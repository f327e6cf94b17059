import BitextMarkdown
import BitextText

/// Where a short English unit stands in a table or a list, for `untranslated-label`: English a
/// translation keeps because of what the unit is there (a measure's name over a column of
/// figures, a value in a cell, a configuration key) rather than because of its words.
extension UntranslatedLabelRule {
    /// A column header that names a measure by its abbreviation: a label with a name of capitals
    /// or digits in it (`AP`, `mAP`, `BLEU`, `Top-1`) and one ordinary word at most, which is not
    /// the head of the phrase unless it is an abbreviation itself (`Mask AP`, `Top-1 Acc（%）`),
    /// in a header row that measures (a cell of it, this one or another, gives a unit in
    /// brackets: `（%）`, `（ms）`, `(MB)`; or another cell is such a name kept as written).
    /// Translations keep these as the field writes them. A phrase whose head is an ordinary word
    /// (`GPU memory`, `BLEU score`) is a label to translate, and so is a header row of words.
    static func isMeasureHeader(_ c: FileContext, _ k: Int, _ s: SourceStretch) -> Bool {
        let units = c.document.units
        // One lowercase word (`precision`, `recall`) in a header row that measures, beside a
        // header kept in snake_case (`f1_score`): a metric's key as the program prints it, like
        // its neighbour. A header row of words (`description` beside `Release API`) is labels.
        // So is one in a header row of lowercase words alone, one of them in snake_case
        // (`| product_id | name | price |` over rows of data): the columns' keys as a query or
        // a program prints them; English labels are capitalised.
        if isHeaderCell(units[k].kind), s.tokens.count == 1, s.tokens[0].kind == .lowercase {
            let row = headerRow(c, k)
            let keyBeside = row.contains(where: { j in
                j != k && !c.analyses[j].hasHan && isSnakeCase(units[j])
                    && c.analyses[j].stretches.allSatisfy { !$0.isProse }
            })
            if keyBeside, row.contains(where: { holdsUnitInBrackets(units[$0]) }) { return true }
            if keyBeside, row.allSatisfy({ j in
                guard !c.analyses[j].hasHan, let first = firstContent(units[j]), isLowercase(units[j].text[first]) else { return false }
                return !units[j].text.enumerated().contains { x in
                    units[j].roles[x.offset].isRead && (x.element == 0x20 || (x.element >= 0x41 && x.element <= 0x5A))
                }
            }) { return true }
        }
        guard isHeaderCell(units[k].kind), s.tokens.count <= 3, let words = measureWords(units[k]) else { return false }
        // The head of an English noun phrase is its last word: `Mask AP` is an AP. An
        // ordinary word there must be an abbreviation (`Acc`): three letters at most.
        guard words.names > 0, words.ordinary <= 1, words.lastIsName || words.lastLetters <= 3 else { return false }
        // The header row (the cells of row 0 of a Markdown table, the `<th>` cells around this
        // one in HTML) measures.
        if holdsUnitInBrackets(units[k]) { return true }
        for j in headerRow(c, k) where j != k {
            if holdsUnitInBrackets(units[j]) { return true }
            if !c.analyses[j].hasHan, let t = c.analyses[j].stretches.first, t.isWholeUnit, !t.isProse,
               t.evidence == .names || t.evidence == .codeShape { return true }
        }
        return false
    }

    /// A value in a cell or a key in a list, not a label: one lowercase word alone in a body
    /// cell, no code beside it (`auto` under 默认值, `float` under 数据类型: labels in English are capitalised, a
    /// header cell of one lowercase word is still one), or a list item that is one lowercase
    /// word and a colon with nothing after it (`split:` over the keys it holds, a configuration
    /// file's structure). A body cell in an HTML table whose body has no Chinese under a
    /// translated header is a value too (`Linux` under 操作系统, beside `x86-64` and `3.8–3.12`),
    /// as the cells of such a Markdown table are (``Segmenter/markKeyColumns(_:_:)``).
    static func isValue(_ c: FileContext, _ k: Int, _ s: SourceStretch) -> Bool {
        let u = c.document.units[k]
        let body = isBodyCell(u.kind)
        if s.tokens.count == 1, s.tokens[0].kind == .lowercase, !u.roles.contains(.code), let first = firstContent(u), isLowercase(u.text[first]) {
            if body { return true }
            if isListItem(u.kind), endsWithColonAlone(u) { return true }
        }
        if case .html = u.kind, body, s.tokens.count <= 4 { return inHTMLValueTable(c, k) }
        return false
    }

    /// The unit's read text is one snake_case name: lowercase letters and digits joined by `_`,
    /// an underscore inside (`f1_score`).
    static func isSnakeCase(_ u: Unit) -> Bool {
        var underscore = false, n = 0, last: UInt32 = 0
        for (c, r) in zip(u.text, u.roles) where r.isRead {
            if c == 0x20 || c == 0x0A { if n == 0 { continue } else { return false } }
            let ok = (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || (c == 0x5F && n > 0)
            guard ok else { return false }
            if c == 0x5F { underscore = true }
            n += 1
            last = c
        }
        return underscore && last != 0x5F
    }

    // MARK: places

    static func isHeaderCell(_ kind: UnitKind) -> Bool {
        switch kind {
        case .tableCell(let row, _): return row == 0
        case .html(let tag): return tag.utf8.count == 2 && tag.lowercased() == "th"
        default: return false
        }
    }

    static func isBodyCell(_ kind: UnitKind) -> Bool {
        switch kind {
        case .tableCell(let row, _): return row > 0
        case .html(let tag): return tag.utf8.count == 2 && tag.lowercased() == "td"
        default: return false
        }
    }

    static func isListItem(_ kind: UnitKind) -> Bool {
        switch kind {
        case .listItem: return true
        case .html(let tag): return tag.utf8.count == 2 && tag.lowercased() == "li"
        default: return false
        }
    }

    /// The header cells of unit `k`'s row: row 0 of its Markdown table, or the `<th>` units next
    /// to it in the same HTML table.
    static func headerRow(_ c: FileContext, _ k: Int) -> Range<Int> {
        let units = c.document.units
        var lo = k, hi = k + 1
        if case .tableCell(_, let column) = units[k].kind {
            // Row 0 runs from column 0 up.
            var col = column
            while lo > 0 && col > 0, case .tableCell(0, let c) = units[lo - 1].kind, c < col { lo -= 1; col = c }
            col = column
            while hi < units.count, case .tableCell(0, let c) = units[hi].kind, c > col { hi += 1; col = c }
        } else {
            func th(_ j: Int) -> Bool { if case .html = units[j].kind { return isHeaderCell(units[j].kind) } else { return false } }
            while lo > 0 && th(lo - 1) && sameHTMLTable(c, lo - 1, k) { lo -= 1 }
            while hi < units.count && th(hi) && sameHTMLTable(c, hi, k) { hi += 1 }
        }
        return lo..<hi
    }

    /// An HTML table's body with no Chinese (at least two `<td>` units, none with Han, none a
    /// sentence) under a header with Chinese: a table of values (`Linux`, `x86-64`, `CPU`).
    static func inHTMLValueTable(_ c: FileContext, _ k: Int) -> Bool {
        let units = c.document.units
        func cell(_ j: Int) -> Bool { isHeaderCell(units[j].kind) || isBodyCell(units[j].kind) }
        func html(_ j: Int) -> Bool { if case .html = units[j].kind { return true } else { return false } }
        var lo = k, hi = k + 1
        while lo > 0 && html(lo - 1) && cell(lo - 1) && sameHTMLTable(c, lo - 1, k) { lo -= 1 }
        while hi < units.count && html(hi) && cell(hi) && sameHTMLTable(c, hi, k) { hi += 1 }
        var headerHan = false, body = 0
        for j in lo..<hi {
            if isHeaderCell(units[j].kind) { if c.analyses[j].hasHan { headerHan = true }; continue }
            guard !c.analyses[j].hasHan else { return false }
            if let t = c.analyses[j].stretches.first, t.isProse, !t.isLabel { return false }
            body += 1
        }
        return headerHan && body >= 2
    }

    /// Two HTML cell units of one table (their `<table>` tags counted by
    /// ``BlockFeatures/HTMLCells/rows(_:)``): adjacent HTML tables are two tables.
    private static func sameHTMLTable(_ c: FileContext, _ a: Int, _ b: Int) -> Bool {
        guard let x = c.htmlCellRows[a], let y = c.htmlCellRows[b] else { return false }
        return x / 100_000 == y / 100_000
    }

    // MARK: text

    /// The words of a header cell as written, a unit in brackets at its end left out: how many
    /// are names (a digit in them, or two capitals: `Top-1`, `AP`, `mAP`, `BLEU`) and how many
    /// ordinary words, whether the last is a name, and the letters of the last. Nil when the
    /// content holds anything but ASCII letters, digits, `-`, `_`, spaces and the unit.
    static func measureWords(_ u: Unit) -> (names: Int, ordinary: Int, lastIsName: Bool, lastLetters: Int)? {
        var names = 0, ordinary = 0, lastIsName = false, lastLetters = 0
        var letters = 0, uppers = 0, digits = 0
        func endWord() {
            guard letters + digits > 0 else { return }
            lastIsName = digits > 0 || uppers >= 2
            if lastIsName { names += 1 } else { ordinary += 1 }
            lastLetters = letters
            letters = 0; uppers = 0; digits = 0
        }
        var bracket = false
        for i in u.text.indices where u.roles[i] == .content {
            let x = u.text[i]
            if bracket { continue }
            if x == 0x28 || x == 0xFF08 { endWord(); bracket = true; continue }
            if isASCIILetter(x) { letters += 1; if x <= 0x5A { uppers += 1 } }
            else if x >= 0x30 && x <= 0x39 { digits += 1 }
            else if x == 0x20 { endWord() }
            else if x != 0x2D && x != 0x5F { return nil }
        }
        endWord()
        if bracket && !holdsUnitInBrackets(u) { return nil }
        return (names, ordinary, lastIsName, lastLetters)
    }

    static func firstContent(_ u: Unit) -> Int? {
        u.text.indices.first { u.roles[$0] == .content && !isSpace(u.text[$0]) }
    }

    static func isLowercase(_ c: UInt32) -> Bool { c >= 0x61 && c <= 0x7A }

    /// The unit's content ends with `:` or `：`, right after its one word.
    static func endsWithColonAlone(_ u: Unit) -> Bool {
        guard let last = u.text.indices.last(where: { u.roles[$0] == .content && !isSpace(u.text[$0]) }) else { return false }
        guard u.text[last] == 0x3A || u.text[last] == 0xFF1A, last > 0 else { return false }
        return isASCIILetter(u.text[last - 1]) || (u.text[last - 1] >= 0x30 && u.text[last - 1] <= 0x39)
    }

    /// A unit in brackets in the unit's text: `(` or `（`, one to six characters of letters,
    /// digits, `%`, `/` or `.`, not all digits, then `)` or `）` (`（%）`, `（ms）`, `(MB)`,
    /// `(ms/img)`; not `(2021)`).
    static func holdsUnitInBrackets(_ u: Unit) -> Bool {
        let t = u.text
        var i = 0
        while i < t.count {
            defer { i += 1 }
            guard t[i] == 0x28 || t[i] == 0xFF08 else { continue }
            var j = i + 1, digits = 0
            while j < t.count && j - i <= 7 {
                let x = t[j]
                if x >= 0x30 && x <= 0x39 { digits += 1 }
                else if !(isASCIILetter(x) || x == 0x25 || x == 0x2F || x == 0x2E) { break }
                j += 1
            }
            // One to six characters, not digits alone (a year or a count is no unit).
            let n = j - i - 1
            if n >= 1 && n <= 6 && digits < n && j < t.count && (t[j] == 0x29 || t[j] == 0xFF09) { return true }
        }
        return false
    }
}
