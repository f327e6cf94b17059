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

    /// Cells written on a table row's line: pipes outside code spans and escapes, less the
    /// leading and trailing pipe.
    static func cellCount(_ doc: Document, line: Int) -> Int {
        let raw = doc.source.scalars(doc.source.lineByteRange(line))
        var text = raw[...]
        while let f = text.first, f == 0x20 || f == 0x3E || f == 0x09 { text = text.dropFirst() }
        while let l = text.last, l == 0x20 || l == 0x09 || l == 0x0D { text = text.dropLast() }
        var pipes = 0
        var code = false
        var previous: UInt32 = 0
        for c in text {
            if c == 0x60 { code.toggle() }
            if c == 0x7C && !code && previous != 0x5C { pipes += 1 }
            previous = c
        }
        let leading = text.first == 0x7C ? 1 : 0
        let trailing = text.count > 1 && text.last == 0x7C && text.dropLast().last != 0x5C ? 1 : 0
        return pipes - leading - trailing + 1
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
