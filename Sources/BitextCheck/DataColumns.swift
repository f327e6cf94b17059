import BitextAlign
import BitextMarkdown
import BitextText

/// Bilingual evidence from a table's structure: a column the translation keeps exactly as the
/// source wrote it is data, not a forgotten translation, when the translator worked on that
/// very table around it: the column's header is translated and names what the column holds
/// (a kind noun at its end: 消息, 原文), and in each of its rows another cell is translated. Such a column holds what a program reads or prints (the messages an API
/// returns, the English strings of a localisation table), which the reader must see as the
/// program has them.
///
/// The document's own evidence (``Segmenter/markKeyColumns(_:_:)``) already keeps such a
/// column of one-sentence strings under such a header when every row of it has a translated
/// cell. The source
/// says more: which cells are the source's own text, unedited, so a column kept whole is known
/// even with cells of several sentences, and in a table with a row left wholly in English the
/// rows the translator did are told from that row, which stays reported.
///
/// The evidence is the translator's own choice, made again row after row, so it needs
/// ``minimumRows`` rows: in a single row, a kept cell beside a translated one is as likely to be
/// a cell the translator missed. And it is a choice about the whole column: a column where the
/// translator translated some cells and kept others has forgotten cells; they stay reported.
enum DataColumns {
    /// Rows of a column kept as the source has them, each beside a translated cell, that make
    /// the column a choice rather than an oversight.
    static let minimumRows = 2

    /// The analyses of a translation with the cells of its data columns kept (evidence
    /// `data-column`); the same analyses when it has none.
    static func apply(_ doc: Document, _ analyses: [TextAnalysis], _ p: Pairing, kindNouns: [[UInt32]]) -> [TextAnalysis] {
        let units = doc.units
        // Most translations have no English prose in a table's body: nothing more to do.
        guard units.indices.contains(where: { isCandidate(units[$0], analyses[$0]) }) else { return analyses }
        var out = analyses
        var counterparts: [Int: [Int]]? = nil
        for table in Segmenter.tables(units) {
            var cells: [(row: Int, column: Int, unit: Int)] = []
            var candidateColumns: [Int] = []
            for k in table {
                guard case .tableCell(let row, let column) = units[k].kind else { continue }
                cells.append((row, column, k))
                if isCandidate(units[k], analyses[k]) && !candidateColumns.contains(column) { candidateColumns.append(column) }
            }
            guard !candidateColumns.isEmpty else { continue }
            // Rows with a translated cell, by column: a row counts for a column when another of
            // its cells has Chinese.
            var hanColumns: [Int: [Int]] = [:]
            for c in cells where analyses[c.unit].hasHan { hanColumns[c.row, default: []].append(c.column) }
            for column in candidateColumns.sorted() {
                // The header is translated, and names what the column holds (`消息`, `原文`: a kind
                // noun at its end); a description column (`说明`) left in English is forgotten.
                guard cells.contains(where: { $0.row == 0 && $0.column == column && analyses[$0.unit].hasHan
                                              && Segmenter.headerNamesKind(units[$0.unit], kindNouns: kindNouns) }) else { continue }
                let body = cells.filter { $0.column == column && $0.row > 0 }
                if counterparts == nil { counterparts = p.sourceUnits(of: doc) }
                // Every cell of the column is the source's cell as it was.
                guard body.allSatisfy({ c in
                    !analyses[c.unit].hasHan && !analyses[c.unit].isNote
                        && (counterparts![c.unit] ?? []).contains { p.source.units[$0].plainText == units[c.unit].plainText }
                }) else { continue }
                let rows = body.filter { c in hanColumns[c.row]?.contains { $0 != column } == true }
                guard rows.count >= minimumRows else { continue }
                for c in rows {
                    guard var s = out[c.unit].stretches.first, s.isWholeUnit, s.isProse else { continue }
                    s.documentEvidence = .dataColumn
                    s.isProse = false
                    s.isLabel = false
                    s.evidence = .dataColumn
                    out[c.unit].stretches[0] = s
                    out[c.unit].proseLatinLetters = 0
                }
            }
        }
        return out
    }

    /// A body cell still in English prose: what `untranslated` or `untranslated-label` would report.
    private static func isCandidate(_ u: BitextMarkdown.Unit, _ a: TextAnalysis) -> Bool {
        guard case .tableCell(let row, _) = u.kind, row > 0, !a.hasHan, !a.isNote,
              let s = a.stretches.first else { return false }
        return s.isWholeUnit && s.isProse
    }

}
