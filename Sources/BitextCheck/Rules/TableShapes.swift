import BitextMarkdown
import BitextText

/// Tables of a document (runs of table-cell units) and the number of cells each row is written
/// with, for `markup-mismatch`: a translated table keeps the source's columns.
enum TableShapes {
    struct Table {
        /// Unit indexes of the cells that are units (cells of code or numbers only are not).
        var cells: [Int]
        /// Lines of the rows, header first, delimiter row left out.
        var rowLines: [Int]
    }

    static func tables(_ doc: Document) -> [Table] {
        var groups: [[Int]] = []
        var lastRow = -1
        var lastUnit = -2
        for (k, u) in doc.units.enumerated() {
            guard case .tableCell(let row, _) = u.kind else { continue }
            if groups.isEmpty || k != lastUnit + 1 || row < lastRow { groups.append([]) }
            groups[groups.count - 1].append(k)
            lastRow = row
            lastUnit = k
        }
        return groups.compactMap { cells in
            // Rows are the lines from the header to the first blank line or line without a pipe.
            guard case .tableCell(let row, _) = doc.units[cells[0]].kind else { return nil }
            var line = doc.units[cells[0]].start.line
            if row > 0 {
                while line > 1 && isRow(doc, line - 1) { line -= 1 }
            }
            var lines: [Int] = []
            while line <= doc.source.lineCount && isRow(doc, line) {
                if !isDelimiterRow(doc, line) { lines.append(line) }
                line += 1
            }
            return Table(cells: cells, rowLines: lines)
        }
    }

    static func isRow(_ doc: Document, _ line: Int) -> Bool { TableRows.isRow(doc.source, line) }

    static func isDelimiterRow(_ doc: Document, _ line: Int) -> Bool { TableRows.isDelimiterRow(doc.source, line) }

    /// Cells written on a table row's line (``rowCells(_:line:)``).
    static func cellCount(_ doc: Document, line: Int) -> Int { TableRows.cells(doc.source, line).count }

    /// The cells of a table row's line as written, trimmed, by column (``TableRows/cells(_:_:)``).
    static func rowCells(_ doc: Document, line: Int) -> [String] {
        TableRows.cells(doc.source, line).map { makeString($0).trimmingCharacters(in: .whitespaces) }
    }

    /// A finding for each target row written with another number of cells than the same row of
    /// the source table it translates.
    static func mismatches(_ c: FileContext, severity: Severity, rule: any Rule) -> [Finding] {
        guard let p = c.pairing else { return [] }
        let sourceTables = tables(p.source)
        var tableOfSourceUnit: [Int: Int] = [:]
        for (k, t) in sourceTables.enumerated() { for u in t.cells { tableOfSourceUnit[u] = k } }
        var sourceOfTarget: [Int: Int] = [:]
        for pair in c.consistencyCache.pairs { for t in pair.target { if sourceOfTarget[t] == nil { sourceOfTarget[t] = pair.source[0] } } }
        var out: [Finding] = []
        for table in tables(c.document) {
            // The source table most of its cells align with.
            var votes: [Int: Int] = [:]
            for cell in table.cells { if let s = sourceOfTarget[cell], let st = tableOfSourceUnit[s] { votes[st, default: 0] += 1 } }
            guard let best = votes.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) })?.key else { continue }
            let source = sourceTables[best]
            for (row, tl) in table.rowLines.enumerated() where row < source.rowLines.count {
                let sl = source.rowLines[row]
                let tc = cellCount(c.document, line: tl), sc = cellCount(p.source, line: sl)
                guard tc != sc else { continue }
                // The whole row line.
                let raw = c.document.source.scalars(c.document.source.lineByteRange(tl))
                var lo = 0
                while lo < raw.count && (raw[lo] == 0x20 || raw[lo] == 0x3E) { lo += 1 }
                let span = Span(start: TextPosition(line: tl, column: lo + 1), end: TextPosition(line: tl, column: max(lo + 1, raw.count)))
                out.append(Finding(rule: rule.id, severity: severity, file: c.document.path, span: span,
                                   message: c.messages.text("markup-mismatch.table", ["line": String(sl), "source": String(sc), "target": String(tc)]),
                                   text: makeString(raw[lo...].prefix(max(1, raw.count - lo))),
                                   details: [("details", .object([("source", .string(String(sc))), ("target", .string(String(tc))),
                                                                  ("sourceLine", .int(sl)), ("markup", "table-columns")]))]))
            }
        }
        return out
    }

    /// A finding for each source table the translation wrote as rows cmark-gfm reads as a
    /// paragraph (its header row dropped, or its delimiter row, or this one not matching the
    /// header's columns), which the aligner pairs with the table's cells
    /// (``DocumentAligner/mendBrokenTables(_:source:target:)``): once, at its first line. Its
    /// rows' contents are compared as any pair's.
    static func broken(_ c: FileContext, severity: Severity, rule: any Rule) -> [Finding] {
        guard let p = c.pairing else { return [] }
        var out: [Finding] = []
        for bead in p.alignment.beads where bead.target.count == 1 && !bead.source.isEmpty {
            guard let tu = c.document.unitIndex(block: bead.target[0]) else { continue }
            let unit = c.document.units[tu]
            switch unit.kind {
            case .paragraph, .quote: break
            default: continue
            }
            let su = bead.source.compactMap { p.source.unitIndex(block: $0) }
            guard su.count == bead.source.count, su.allSatisfy({ if case .tableCell = p.source.units[$0].kind { return true } else { return false } }),
                  unit.end.line > unit.start.line,
                  TableRows.isBrokenTable(c.document.source, lines: unit.start.line...unit.end.line) else { continue }
            // The source table's first line (its header row, though its first cells be code).
            var sl = p.source.units[su[0]].start.line
            while sl > 1 && isRow(p.source, sl - 1) { sl -= 1 }
            let header = isDelimiterRow(c.document, unit.start.line)
            let (span, text) = MarkupMismatchRule.lineSpan(c.document, unit.start.line)
            out.append(Finding(rule: rule.id, severity: severity, file: c.document.path, span: span,
                               message: c.messages.text(header ? "markup-mismatch.table-header" : "markup-mismatch.table-delimiter", ["line": String(sl)]),
                               text: text,
                               details: [("details", .object([("sourceLine", .int(sl)), ("markup", "table-broken"),
                                                              ("missing", .string(header ? "header-row" : "delimiter-row"))]))]))
        }
        return out
    }

    /// A source table the translation wrote as a list (``BlockAligner/tablesAsLists(_:scorer:)``):
    /// the source units of the table (a range of ``Segmenter/tables(_:)``), the first list item
    /// its rows pair with, and its header cells.
    struct AsList {
        var table: Range<Int>
        var firstItem: Int
        var header: [Int]
    }

    /// The source tables whose body rows pair with list items of the translation (or blocks
    /// inside one: `* Webhook` and its quoted description), two or more and more of them than
    /// rows that pair with other blocks, none with a table cell, the header row with nothing.
    static func asLists(_ p: Pairing, _ target: Document) -> [AsList] {
        let source = p.source
        var tableOf: [Int: Int] = [:]
        var tables: [Range<Int>]? = nil
        var listRows: [Int: Set<Int>] = [:], otherRows: [Int: Set<Int>] = [:], first: [Int: Int] = [:], kept = Set<Int>()
        for b in p.alignment.beads where !b.source.isEmpty && !b.target.isEmpty {
            let su = b.source.compactMap { source.unitIndex(block: $0) }
            guard let s0 = su.first, case .tableCell = source.units[s0].kind else { continue }
            if tables == nil {
                tables = Segmenter.tables(source.units)
                for (k, t) in tables!.enumerated() { for u in t { tableOf[u] = k } }
            }
            guard let t = tableOf[s0] else { continue }
            let tu = b.target.compactMap { target.unitIndex(block: $0) }
            var rows = Set<Int>()
            for u in su { if case .tableCell(let row, _) = source.units[u].kind { rows.insert(row) } }
            if rows.contains(0) || tu.contains(where: { if case .tableCell = target.units[$0].kind { return true } else { return false } }) {
                kept.insert(t)
                continue
            }
            let listed = !tu.isEmpty && tu.allSatisfy { if case .listItem = target.units[$0].kind { return true } else { return target.units[$0].listDepth > 0 } }
            if listed {
                listRows[t, default: []].formUnion(rows)
                if first[t] == nil { first[t] = tu[0] }
            } else {
                otherRows[t, default: []].formUnion(rows)
            }
        }
        var out: [AsList] = []
        for (t, r) in listRows where r.count >= 2 && r.count > (otherRows[t]?.subtracting(r).count ?? 0) && !kept.contains(t) {
            let range = tables![t]
            let header = range.filter { if case .tableCell(0, _) = source.units[$0].kind { return true } else { return false } }
            out.append(AsList(table: range, firstItem: first[t]!, header: header))
        }
        return out.sorted { $0.table.lowerBound < $1.table.lowerBound }
    }

    /// A finding for each source table the translation wrote as a list, once, at its first item.
    static func writtenAsLists(_ c: FileContext, severity: Severity, rule: any Rule) -> [Finding] {
        guard let p = c.pairing else { return [] }
        var out: [Finding] = []
        for t in asLists(p, c.document) {
            var sl = p.source.units[t.table.lowerBound].start.line
            while sl > 1 && isRow(p.source, sl - 1) { sl -= 1 }
            let (span, text) = MarkupMismatchRule.lineSpan(c.document, c.document.units[t.firstItem].start.line)
            out.append(Finding(rule: rule.id, severity: severity, file: c.document.path, span: span,
                               message: c.messages.text("markup-mismatch.table-list", ["line": String(sl)]),
                               text: text,
                               details: [("details", .object([("sourceLine", .int(sl)), ("markup", "table-list")]))]))
        }
        return out
    }
}
