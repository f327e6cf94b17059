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

    static func isRow(_ doc: Document, _ line: Int) -> Bool {
        let raw = doc.source.scalars(doc.source.lineByteRange(line))
        return raw.contains(0x7C) && raw.contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x3E }
    }

    static func isDelimiterRow(_ doc: Document, _ line: Int) -> Bool {
        let raw = doc.source.scalars(doc.source.lineByteRange(line))
        return raw.contains(0x2D) && raw.allSatisfy { $0 == 0x7C || $0 == 0x2D || $0 == 0x3A || $0 == 0x20 || $0 == 0x09 || $0 == 0x3E }
    }

    /// Cells written on a table row's line (``rowCells(_:line:)``).
    static func cellCount(_ doc: Document, line: Int) -> Int { rowCells(doc, line: line).count }

    /// The cells of a table row's line as written, trimmed, by column: split at pipes outside
    /// code spans and escapes, less the leading and trailing pipe (and a quote's `>` before it).
    static func rowCells(_ doc: Document, line: Int) -> [String] {
        var raw = doc.source.scalars(doc.source.lineByteRange(line))[...]
        while let f = raw.first, f == 0x20 || f == 0x09 || f == 0x3E { raw = raw.dropFirst() }
        while let l = raw.last, l == 0x20 || l == 0x09 || l == 0x0D { raw = raw.dropLast() }
        if raw.first == 0x7C { raw = raw.dropFirst() }
        var cells: [[UInt32]] = [[]]
        var code = false
        var previous: UInt32 = 0
        for ch in raw {
            if ch == 0x60 { code.toggle() }
            if ch == 0x7C && !code && previous != 0x5C { cells.append([]) } else { cells[cells.count - 1].append(ch) }
            previous = ch
        }
        // The trailing pipe closes the last cell (an escaped one is the cell's text).
        if cells.count > 1 && cells.last!.isEmpty { cells.removeLast() }
        return cells.map { makeString($0).trimmingCharacters(in: .whitespaces) }
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
}
