import BitextMarkdown
import BitextText
import Foundation

/// Cells of words exchanged between two rows of a table, within one column (an exit-status
/// table whose meanings for `0` and `2` trade places): the alignment pairs the cells of a table
/// by position, and the codes beside them match, so each row reads as translated. The lexicon
/// tells: each target cell renders the other row's source cell clearly better than its own.
enum SwappedCells {
    struct Swap {
        /// The target cell, its own source cell (the one the alignment pairs it with) and the
        /// source cell it renders, with that cell's target partner.
        var target: Int
        var own: Int
        var other: Int
        var otherTarget: Int
    }

    /// Words of a source cell: content stems the lexicon knows (and the word, found as written
    /// when the translation keeps it).
    fileprivate struct SourceCell { var stems: [(id: Int32, word: String)]; var ids: Set<Int32> }

    /// Cells read once for both finders (a cell of a table is read by its column and by its row).
    struct Cells {
        fileprivate var source: [Int: SourceCell] = [:]
        fileprivate var target: [Int: TargetCell] = [:]
        init() {}
    }
    fileprivate struct TargetCell { var reach: Set<Int32>; var latin: Set<String> }

    /// Within one column of a table whose cells the alignment pairs one to one (body rows, the
    /// same column on both sides), two rows are swapped when the stems that tell their source
    /// cells apart (those of one cell the other lacks) are found only crosswise: each target
    /// cell renders one or more of the other row's and none of its own, three or more in all
    /// (`Success; all files were copied.` ↔ `成功；所有文件均已复制。` in the row of `2`). Cells
    /// of a word or two give too little to tell (a swap of figures is `number-mismatch`'s), and
    /// two rows whose cells written alike (a code, a name) crossed too are rows reordered.
    static func find(_ c: FileContext, _ cells: inout Cells) -> [Swap] {
        guard let (p, lexicon, tableOfTarget, tableOfSource) = setting(c) else { return [] }
        let functionWords = c.toolkit.segmenter.source.functionWords
        // One-to-one pairs of body cells of the same column, by (target table, source table, column).
        var groups: [[Int]: [(s: Int, t: Int)]] = [:]
        for pair in c.consistencyCache.pairs where pair.source.count == 1 && pair.target.count == 1 {
            let s = pair.source[0], t = pair.target[0]
            guard let sc = cell(p.source, s), let tc = cell(c.document, t), sc.row > 0, tc.row > 0, sc.column == tc.column,
                  let tt = tableOfTarget[t], let st = tableOfSource[s] else { continue }
            groups[[tt, st, sc.column], default: []].append((s, t))
        }
        // The evidence of every pair of cells with two stems or more crossed, on stderr.
        let debug = Environment.value("BITEXT_DEBUG_SWAPS") != nil
        var out: [Swap] = []
        for key in groups.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let pairs = groups[key]!
            guard pairs.count >= 2 else { continue }
            let sources = pairs.map { sourceCell(c, p, $0.s, lexicon, functionWords, &cells) }
            let targets = pairs.map { targetCell(c, $0.t, lexicon, &cells) }
            func evidence(_ i: Int, _ j: Int) -> (cross: Int, own: Int) { crossing(sources, targets, i, j) }
            var taken = Set<Int>()
            for i in pairs.indices where !taken.contains(i) {
                for j in pairs.indices where j > i && !taken.contains(j) {
                    var a = evidence(i, j), b = evidence(j, i)
                    // Renderings that share a word (a verb: `关闭收音机`, `关闭发动机` for `Stop
                    // the engine`, `Switch off the radio`): the shared words carry no evidence,
                    // and may hide some (`机` reaches `engine` in both); read each cell by the
                    // words the other does not write, and two crossed stems are enough.
                    var shared = false
                    if a.own == 0, b.own == 0, a.cross + b.cross >= 1, a.cross == 0 || b.cross == 0 || a.cross + b.cross < 3,
                       shareWord(c.document.units[pairs[i].t], c.document.units[pairs[j].t]) {
                        let ti = c.document.units[pairs[i].t], tj = c.document.units[pairs[j].t]
                        var distinct = targets
                        distinct[i] = TargetCell(reach: lexicon.stemsReached(by: ti, notIn: tj), latin: targets[i].latin)
                        distinct[j] = TargetCell(reach: lexicon.stemsReached(by: tj, notIn: ti), latin: targets[j].latin)
                        a = crossing(sources, distinct, i, j)
                        b = crossing(sources, distinct, j, i)
                        shared = true
                    }
                    if debug && a.cross + b.cross >= 2 {
                            FileHandle.standardError.write(Data("swap? \(c.document.path):\(c.document.units[pairs[i].t].start.line),\(c.document.units[pairs[j].t].start.line) a=\(a) b=\(b) \(shown(sources, targets, i, j)) \(shown(sources, targets, j, i))\n".utf8))
                    }
                    // (Read so, a third or more of each cell's words that tell it from the
                    // other's crossed: a long cell with one word of five crossed is a loose
                    // rendering, `range` → `日期范围` beside `start`, `end`, `argument`, `added`.)
                    func distinctive(_ x: Int, _ y: Int) -> Int { sources[x].stems.filter { !sources[y].ids.contains($0.id) }.count }
                    guard a.own == 0, b.own == 0, a.cross >= 1, b.cross >= 1,
                          a.cross + b.cross >= 3 || (shared && a.cross + b.cross >= 2 && 3 * a.cross >= distinctive(i, j) && 3 * b.cross >= distinctive(j, i))
                    else { continue }
                    // Two whole rows the translation put in another order (a cell written alike,
                    // a name or a code, crossed too): reordered, not swapped.
                    if rowsCrossed(p.source, c.document, pairs[i], pairs[j], column: key[2]) { continue }
                    taken.insert(i)
                    taken.insert(j)
                    out.append(Swap(target: pairs[i].t, own: pairs[i].s, other: pairs[j].s, otherTarget: pairs[j].t))
                    out.append(Swap(target: pairs[j].t, own: pairs[j].s, other: pairs[i].s, otherTarget: pairs[i].t))
                    break
                }
            }
        }
        return out
    }

    /// Two cells of one row exchanged between columns: the target cell, the source row's line,
    /// its column and the column whose source text it holds.
    struct ColumnSwap {
        var target: Int
        var sourceLine: Int
        var column: Int
        var other: Int
        var otherText: String
    }

    /// Within one row of a table whose cells the alignment pairs by position (header row
    /// included, as many cells on both sides), a cell holds another column's source instead of
    /// its own: a cell with Latin letters and no digit written as the source cell of another
    /// column, up to spaces and the locale's list commas (`iOS、Android` for `iOS, Android`),
    /// and not as its own (two columns that hold the same text tell nothing); or two cells of
    /// words each rendering the other's source stems and none of their own, three stems or more
    /// as for rows — one or more in a header row whose columns other rows show in place
    /// (`归档`, `标准` over `Standard`, `Archive`, the prices below them unmoved: a cell written
    /// as its own source, or with its own digits and not the other column's). A translation that
    /// reordered its columns crosses them in every row it tells about and in place in none:
    /// a pair of columns crossed in the header row, or in two rows, and in place in no row, is
    /// not reported (a translator may reorder a table's columns).
    static func findColumns(_ c: FileContext, _ cells: inout Cells) -> [ColumnSwap] {
        guard let (p, lexicon, tableOfTarget, tableOfSource) = setting(c) else { return [] }
        let functionWords = c.toolkit.segmenter.source.functionWords
        // Rows paired by their cells paired one to one in the same column: (target table,
        // source table) → (source line, target line, header) → column → (source unit, target unit).
        struct RowKey: Hashable { var sourceLine: Int; var targetLine: Int; var header: Bool }
        var tables: [[Int]: [RowKey: [Int: (s: Int, t: Int)]]] = [:]
        // Cells of a row the alignment pairs across columns: source column → target column and unit.
        var across: [RowKey: [Int: (column: Int, t: Int)]] = [:]
        for pair in c.consistencyCache.pairs where pair.source.count == 1 && pair.target.count == 1 {
            let s = pair.source[0], t = pair.target[0]
            guard let sc = cell(p.source, s), let tc = cell(c.document, t), (sc.row == 0) == (tc.row == 0),
                  let tt = tableOfTarget[t], let st = tableOfSource[s] else { continue }
            let row = RowKey(sourceLine: p.source.units[s].start.line, targetLine: c.document.units[t].start.line, header: sc.row == 0)
            guard sc.column == tc.column else {
                // A row of the same place whose cells the alignment pairs across columns only (a
                // kept code and a cell of words exchanged, `| 未装入冲煮单元 | E03 |`): its kept
                // text is still compared below.
                if sc.row == tc.row {
                    if tables[[tt, st]]?[row] == nil { tables[[tt, st], default: [:]][row] = [:] }
                    across[row, default: [:]][sc.column] = (tc.column, t)
                }
                continue
            }
            tables[[tt, st], default: [:]][row, default: [:]][sc.column] = (s, t)
        }
        // A header row of three cells or more written with as many cells on both sides: its
        // cells by position (the alignment may pair two swapped header cells crosswise).
        if !tables.isEmpty {
            let targetTables = TableShapes.tables(c.document), sourceTables = TableShapes.tables(p.source)
            func header(_ d: Document, _ table: TableShapes.Table) -> [Int: Int] {
                var out: [Int: Int] = [:]
                for u in table.cells { if let x = cell(d, u), x.row == 0 { out[x.column] = u } }
                return out
            }
            for key in tables.keys {
                let tt = targetTables[key[0]], st = sourceTables[key[1]]
                guard let tl = tt.rowLines.first, let sl = st.rowLines.first,
                      TableShapes.cellCount(c.document, line: tl) == TableShapes.cellCount(p.source, line: sl),
                      TableShapes.cellCount(p.source, line: sl) >= 3 else { continue }
                let th = header(c.document, tt), sh = header(p.source, st)
                guard th.count >= 2, Set(th.keys) == Set(sh.keys) else { continue }
                let row = RowKey(sourceLine: sl, targetLine: tl, header: true)
                for (column, t) in th where tables[key]![row]?[column] == nil {
                    tables[key]![row, default: [:]][column] = (sh[column]!, t)
                }
            }
        }
        let debug = Environment.value("BITEXT_DEBUG_SWAPS") != nil
        /// A cell's text compared as written: spaces dropped, the list commas and semicolons
        /// of either locale as one.
        func normal(_ cell: String) -> [UInt32] {
            var out: [UInt32] = []
            for ch in cell.unicodeScalars.map(\.value) {
                switch ch {
                case 0x20, 0x09, 0xA0, 0x3000: continue
                case 0x3001, 0xFF0C: out.append(0x2C)
                case 0xFF1B: out.append(0x3B)
                default: out.append(ch)
                }
            }
            return out
        }
        func digits(_ cell: [UInt32]) -> [UInt32] { cell.filter(isASCIIDigit) }
        func latin(_ cell: [UInt32]) -> Bool { cell.contains { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A } }
        /// A kept code with digits: a cell opening with a letter or a code span (`E03`, `` `v2` ``),
        /// not a quantity (`16 A`).
        func code(_ cell: [UInt32]) -> Bool { cell.first.map { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || $0 == 0x60 } ?? false }
        /// The target's table cells by line and column, for a row the alignment pairs across
        /// columns only (gathered on first need).
        var cellsByLine: [Int: [Int: Int]]? = nil
        func targetCellAt(line: Int, column: Int) -> Int? {
            if cellsByLine == nil {
                var m: [Int: [Int: Int]] = [:]
                for (k, u) in c.document.units.enumerated() { if case .tableCell(_, let col) = u.kind { m[u.start.line, default: [:]][col] = k } }
                cellsByLine = m
            }
            return cellsByLine![line]?[column]
        }
        /// The yes/no values of either locale (`yesNo`: `yes`, `no`, `是`, `否`), lowercase.
        let yesNo = c.settings.source.yesNo + c.settings.target.yesNo
        /// A cell's kind, read alike on both sides: a yes/no value (`Yes`, `否`), a number (digits,
        /// no letter), a sentence (its last character a full stop, a question or exclamation mark).
        func kind(_ cell: [UInt32]) -> Int? {
            guard let last = cell.last else { return nil }
            // (Compared as scalars, ASCII letters in either case: no string made per cell.)
            func isWord(_ w: [UInt32]) -> Bool {
                cell.count == w.count && zip(cell, w).allSatisfy { $0 == $1 || ($0 >= 0x41 && $0 <= 0x5A && $0 | 0x20 == $1) }
            }
            if yesNo.contains(where: isWord) { return 1 }
            if !latin(cell), !cell.contains(where: isHanIdeograph), cell.contains(where: isASCIIDigit) { return 2 }
            if [0x2E, 0x21, 0x3F, 0x3002, 0xFF01, 0xFF1F].contains(last) { return 3 }
            return nil
        }
        var out: [ColumnSwap] = []
        for key in tables.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let rows = tables[key]!
            // Per column, the body rows paired there and the kinds their cells hold on both
            // sides: column → (rows, kind → rows holding it on both sides, kind → rows whose
            // translation holds it).
            // (Gathered on first need: most tables have no row that needs them.)
            var columnKindsGathered: [Int: (rows: Int, both: [Int: Int], target: [Int: Int])]? = nil
            func gatherColumnKinds() -> [Int: (rows: Int, both: [Int: Int], target: [Int: Int])] {
            var columnKinds: [Int: (rows: Int, both: [Int: Int], target: [Int: Int])] = [:]
            for (row, units) in rows where !row.header {
                let sr = TableShapes.rowCells(p.source, line: row.sourceLine).map(normal)
                let tr = TableShapes.rowCells(c.document, line: row.targetLine).map(normal)
                guard sr.count == tr.count, sr.count >= 3 else { continue }
                for column in units.keys where column < sr.count {
                    columnKinds[column, default: (0, [:], [:])].rows += 1
                    guard let k = kind(tr[column]) else { continue }
                    columnKinds[column]!.target[k, default: 0] += 1
                    if kind(sr[column]) == k { columnKinds[column]!.both[k, default: 0] += 1 }
                }
            }
            return columnKinds
            }
            /// Column `from`'s kind moved to column `to` in this row: every other row of `from`
            /// (two or more) holds it on both sides, not every one of `to`; here the source cell
            /// of `from` holds it and `to`'s does not, the translation the other way round.
            func kindMoved(_ sr: [[UInt32]], _ tr: [[UInt32]], from: Int, to: Int) -> Bool {
                guard sr.count == tr.count, sr.count >= 3, let k = kind(sr[from]), kind(tr[to]) == k, kind(sr[to]) != k, kind(tr[from]) != k
                else { return false }
                if columnKindsGathered == nil { columnKindsGathered = gatherColumnKinds() }
                guard let f = columnKindsGathered![from], let t = columnKindsGathered![to] else { return false }
                return f.rows >= 3 && f.both[k, default: 0] == f.rows - 1 && t.target[k, default: 0] - 1 < t.rows - 1
            }
            // Per pair of columns (lower first): the rows crossing them, with the cells to
            // report, and whether some row shows them in place.
            var crossed: [[Int]: [(row: RowKey, cells: [(t: Int, column: Int, other: Int)])]] = [:]
            var weak = Set<[Int]>()
            var inPlace = Set<[Int]>()
            for row in rows.keys.sorted(by: { $0.sourceLine < $1.sourceLine }) {
                let sr = TableShapes.rowCells(p.source, line: row.sourceLine).map(normal)
                let tr = TableShapes.rowCells(c.document, line: row.targetLine).map(normal)
                guard sr.count == tr.count, sr.count >= 2 else { continue }
                let units = rows[row]!
                var seen = Set<[Int]>()
                for i in sr.indices {
                    for j in sr.indices where j != i && sr[i] != sr[j] {
                        let pairKey = [min(i, j), max(i, j)]
                        // In place: written as its own source cell, or with its own digits.
                        if !tr[i].isEmpty && (tr[i] == sr[i] || (!digits(sr[i]).isEmpty && digits(tr[i]) == digits(sr[i]) && digits(sr[i]) != digits(sr[j]))) {
                            inPlace.insert(pairKey)
                            continue
                        }
                        // Kept text crossed: column j's value here, and column j no longer
                        // holding it (`OFF OFF ON` → `OFF OFF OFF` changed one cell, swapped none).
                        // (A code with digits too, `E03`, `` `v2` ``: not a quantity, `16 A`.)
                        guard tr[i] == sr[j], tr[j] != sr[j], latin(tr[i]), digits(tr[i]).isEmpty || code(tr[i]) else { continue }
                        // Reported at the kept cell; where it is no unit (a code span alone), at the
                        // cell of words the alignment pairs with column i's source from column j.
                        let report: (t: Int, column: Int, other: Int)
                        if let t = units[i]?.t ?? targetCellAt(line: row.targetLine, column: i) { report = (t, i, j) }
                        else if let x = across[row]?[i], x.column == j { report = (x.t, j, i) }
                        else { continue }
                        if debug { FileHandle.standardError.write(Data("column swap? kept \(c.document.path):\(row.targetLine) \(i)←\(j)\n".utf8)) }
                        if seen.insert(pairKey).inserted { crossed[pairKey, default: []].append((row, [])) }
                        crossed[pairKey]![crossed[pairKey]!.count - 1].cells.append(report)
                    }
                }
                // Cells of words by the lexicon, both cells units of this row.
                let columns = units.keys.sorted()
                guard columns.count >= 2 else { continue }
                let sources = columns.map { sourceCell(c, p, units[$0]!.s, lexicon, functionWords, &cells) }
                let targets = columns.map { targetCell(c, units[$0]!.t, lexicon, &cells) }
                for a in columns.indices {
                    for b in columns.indices where b > a {
                        let pairKey = [columns[a], columns[b]]
                        guard !seen.contains(pairKey) else { continue }
                        let x = crossing(sources, targets, a, b), y = crossing(sources, targets, b, a)
                        if debug && x.cross + y.cross >= 1 {
                            FileHandle.standardError.write(Data("column swap? \(c.document.path):\(row.targetLine) \(pairKey) x=\(x) y=\(y) \(shown(sources, targets, a, b)) \(shown(sources, targets, b, a))\n".utf8))
                        }
                        if x.own > 0 && x.cross == 0 || y.own > 0 && y.cross == 0 { inPlace.insert(pairKey); continue }
                        // A header row, one stem crossed and none in place: taken only where
                        // other rows show the columns in place (below).
                        // A body row: three stems crossed, or two and a cell of the kind its
                        // column holds in every other row moved to the other column (`是` in the
                        // column of uses, its column of yes/no values holding the use).
                        func moved() -> Bool {
                            kindMoved(sr, tr, from: columns[a], to: columns[b]) || kindMoved(sr, tr, from: columns[b], to: columns[a])
                        }
                        // Or two cells of one word each, each rendering the other's and not its own
                        // (`| 闭馆 | 周一 |` for `| Monday | Closed |`): taken only where another row
                        // of the table shows the two columns in place (below).
                        let single = !row.header && x.cross == 1 && y.cross == 1 && sources[a].stems.count == 1 && sources[b].stems.count == 1
                        guard x.own == 0, y.own == 0, row.header ? x.cross + y.cross >= 1 : x.cross >= 1 && y.cross >= 1 && (x.cross + y.cross >= 3 || moved() || single) else { continue }
                        if single && !(x.cross + y.cross >= 3 || moved()) { weak.insert([pairKey[0], pairKey[1], row.targetLine]) }
                        crossed[pairKey, default: []].append((row, [(units[columns[a]]!.t, columns[a], columns[b]), (units[columns[b]]!.t, columns[b], columns[a])]))
                    }
                }
            }
            for pairKey in crossed.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                let rowsCrossed = crossed[pairKey]!
                // Columns reordered by the translation: crossed in the header or in two rows,
                // in place nowhere.
                if !inPlace.contains(pairKey) && (rowsCrossed.contains { $0.row.header } || rowsCrossed.count >= 2) { continue }
                for (row, cells) in rowsCrossed {
                    if weak.contains([pairKey[0], pairKey[1], row.targetLine]) && !inPlace.contains(pairKey) { continue }
                    for cell in cells {
                        let text = TableShapes.rowCells(p.source, line: row.sourceLine)[cell.other]
                        out.append(ColumnSwap(target: cell.t, sourceLine: row.sourceLine, column: cell.column, other: cell.other, otherText: text))
                    }
                }
            }
        }
        return out
    }

    struct FlippedValue {
        var target: Int         // the target cell
        var sourceLine: Int
        var value: String       // the source cell's value (`No`)
        var rendering: String   // what this cell writes (`是`)
        var usual: String       // how the column renders the value elsewhere (`否`)
        var other: String       // the value whose rendering this cell writes (`Yes`)
        var range: Range<Int>   // the rendering in the target cell
    }

    /// A value a column repeats written the way the column renders another (a `Retried` column
    /// of `No` and `Yes` cells, `否` and `是`, where one `No` reads `是`): learned from the column
    /// itself, no list of answers. Within one column of a table whose body cells the alignment
    /// pairs one to one, each cell read as its value (the source cell's first word, the target
    /// cell's text up to its first punctuation or space, the rest of the cell aside: `Yes, up to 3
    /// times`, `是，最多 3 次`). A cell is reported when its rendering is what another value of the
    /// column is always written as, twice or more, and its own value is written otherwise at least
    /// as often elsewhere in the column.
    static func flippedValues(_ c: FileContext) -> [FlippedValue] {
        guard let (p, tableOfTarget, tableOfSource) = tables(c) else { return [] }
        // The value of a cell: its text up to the first punctuation or space (trimmed), at most
        // `limit` characters, letters only; nil for a cell of prose, a code or a number.
        func value(_ u: BitextMarkdown.Unit, limit: Int) -> (text: String, range: Range<Int>)? {
            var a = 0
            while a < u.text.count && (u.text[a] == 0x20 || u.text[a] == 0x09) { a += 1 }
            var e = a
            while e < u.text.count, let sc = Unicode.Scalar(u.text[e]), sc.properties.isAlphabetic, u.roles[e] == .content { e += 1 }
            guard e > a, e - a <= limit else { return nil }
            // Up to punctuation or the cell's end: a value, not the first word of a sentence.
            if e < u.text.count, let sc = Unicode.Scalar(u.text[e]), u.text[e] != 0x20 {
                switch sc.properties.generalCategory {
                case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                     .initialPunctuation, .finalPunctuation, .otherPunctuation: break
                default: return nil
                }
            }
            return (u.string(a..<e), a..<e)
        }
        var groups: [[Int]: [(s: Int, t: Int, value: String, rendering: String, range: Range<Int>)]] = [:]
        for pair in c.consistencyCache.pairs where pair.source.count == 1 && pair.target.count == 1 {
            let s = pair.source[0], t = pair.target[0]
            guard let sc = cell(p.source, s), let tc = cell(c.document, t), sc.row > 0, tc.row > 0, sc.column == tc.column,
                  let tt = tableOfTarget[t], let st = tableOfSource[s],
                  let v = value(p.source.units[s], limit: 12), let r = value(c.document.units[t], limit: 6),
                  v.text.lowercased() != r.text.lowercased() else { continue }
            groups[[tt, st, sc.column], default: []].append((s, t, v.text.lowercased(), r.text, r.range))
        }
        var out: [FlippedValue] = []
        for key in groups.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let cells = groups[key]!
            guard cells.count >= 3 else { continue }
            // How each value is written, in the column's order (no dictionary order decides).
            var renderings: [String: [String: Int]] = [:]
            for x in cells { renderings[x.value, default: [:]][x.rendering, default: 0] += 1 }
            for x in cells {
                let own = renderings[x.value]!
                // Another value always written as this cell is, twice or more.
                guard let other = cells.first(where: { $0.value != x.value && renderings[$0.value]! == [x.rendering: renderings[$0.value]![x.rendering] ?? 0]
                                                        && (renderings[$0.value]![x.rendering] ?? 0) >= 2 }),
                      // This value written otherwise elsewhere, at least as often.
                      let usual = cells.first(where: { $0.value == x.value && $0.rendering != x.rendering
                                                        && own[$0.rendering]! >= own[x.rendering]! && renderings[other.value]![$0.rendering] == nil }) else { continue }
                out.append(FlippedValue(target: x.t, sourceLine: p.source.units[x.s].start.line, value: p.source.units[x.s].string(value(p.source.units[x.s], limit: 12)!.range),
                                        rendering: x.rendering, usual: usual.rendering,
                                        other: p.source.units[other.s].string(value(p.source.units[other.s], limit: 12)!.range), range: x.range))
            }
        }
        return out
    }

    /// What both searches read first: the pairing, the lexicon and the table of every cell of
    /// both sides; nil without a source or a lexicon, and for a translation with no table cell
    /// (a cheap trigger).
    private static func setting(_ c: FileContext) -> (Pairing, Lexicon, target: [Int: Int], source: [Int: Int])? {
        guard let lexicon = Lexicon.shared, let (p, tableOfTarget, tableOfSource) = tables(c) else { return nil }
        return (p, lexicon, tableOfTarget, tableOfSource)
    }

    /// The pairing and the table of every cell of both sides; nil without a source, and for a
    /// translation with no table cell.
    private static func tables(_ c: FileContext) -> (Pairing, target: [Int: Int], source: [Int: Int])? {
        guard let p = c.pairing,
              c.document.units.contains(where: { if case .tableCell = $0.kind { return true } else { return false } }) else { return nil }
        var tableOfTarget: [Int: Int] = [:], tableOfSource: [Int: Int] = [:]
        for (k, t) in TableShapes.tables(c.document).enumerated() { for u in t.cells { tableOfTarget[u] = k } }
        for (k, t) in TableShapes.tables(p.source).enumerated() { for u in t.cells { tableOfSource[u] = k } }
        return (p, tableOfTarget, tableOfSource)
    }

    /// The row and column of a table cell, or nil for any other unit.
    private static func cell(_ d: Document, _ k: Int) -> (row: Int, column: Int)? {
        if case .tableCell(let row, let column) = d.units[k].kind { return (row, column) }
        return nil
    }

    /// Whether two cells write a word of two Han characters or more alike.
    static func shareWord(_ a: BitextMarkdown.Unit, _ b: BitextMarkdown.Unit) -> Bool {
        let x = a.text, y = b.text
        guard x.count >= 2, y.count >= 2 else { return false }
        for i in 0..<(x.count - 1) where isHanIdeograph(x[i]) && isHanIdeograph(x[i + 1]) && a.roles[i] == .content {
            for k in 0..<(y.count - 1) where y[k] == x[i] && y[k + 1] == x[i + 1] { return true }
        }
        return false
    }

    /// A source cell's content stems the lexicon knows, each with its word as written.
    private static func sourceCell(_ c: FileContext, _ p: Pairing, _ s: Int, _ lexicon: Lexicon, _ functionWords: Set<String>, _ cells: inout Cells) -> SourceCell {
        if let known = cells.source[s] { return known }
        let u = p.source.units[s]
        var seen = Set<Int32>()
        var stems: [(Int32, String)] = []
        for w in p.sourceAnalyses[s].words where w.kind == .latin && u.roles[w.range.lowerBound] == .content {
            let word = u.string(w.range).lowercased()
            if word.count < 2 || functionWords.contains(word) { continue }
            guard let id = lexicon.stem(Stemmer.stem(word)), seen.insert(id).inserted else { continue }
            stems.append((id, word))
        }
        let cell = SourceCell(stems: stems, ids: Set(stems.map(\.0)))
        cells.source[s] = cell
        return cell
    }

    /// The stems a target cell's Han renders, and its Latin words.
    private static func targetCell(_ c: FileContext, _ t: Int, _ lexicon: Lexicon, _ cells: inout Cells) -> TargetCell {
        if let known = cells.target[t] { return known }
        let u = c.document.units[t]
        var latin = Set<String>()
        for w in c.analyses[t].words where w.kind == .latin && u.roles[w.range.lowerBound] == .content {
            latin.insert(u.string(w.range).lowercased())
        }
        let cell = TargetCell(reach: lexicon.stemsReached(by: [u]), latin: latin)
        cells.target[t] = cell
        return cell
    }

    private static func covers(_ t: TargetCell, _ s: (id: Int32, word: String)) -> Bool { t.latin.contains(s.word) || t.reach.contains(s.id) }

    /// The stems of source cell `i` that cell `j`'s do not hold, found in target cell `j` and
    /// not in `i`'s own (`cross`), or in `i`'s own and not in `j` (`own`).
    private static func crossing(_ sources: [SourceCell], _ targets: [TargetCell], _ i: Int, _ j: Int) -> (cross: Int, own: Int) {
        let other = sources[j].ids
        var cross = 0, own = 0
        for s in sources[i].stems where !other.contains(s.id) {
            let inOwn = covers(targets[i], s), inOther = covers(targets[j], s)
            if inOther && !inOwn { cross += 1 } else if inOwn && !inOther { own += 1 }
        }
        return (cross, own)
    }

    /// Source cell `i`'s words for the debug trace: `+` found in its own target, `x` in `j`'s.
    private static func shown(_ sources: [SourceCell], _ targets: [TargetCell], _ i: Int, _ j: Int) -> [String] {
        sources[i].stems.map { $0.word + (covers(targets[i], $0) ? "+" : "") + (covers(targets[j], $0) ? "x" : "") }
    }

    /// Another cell of the two rows written alike on both sides and crossed: the target row of
    /// `a` holds it as the source row of `b` writes it, and not as `a`'s own (the column of
    /// the swap aside: a column the table keeps in English swaps as written).
    static func rowsCrossed(_ source: Document, _ target: Document, _ a: (s: Int, t: Int), _ b: (s: Int, t: Int), column: Int) -> Bool {
        let sa = TableShapes.rowCells(source, line: source.units[a.s].start.line), sb = TableShapes.rowCells(source, line: source.units[b.s].start.line)
        let ta = TableShapes.rowCells(target, line: target.units[a.t].start.line), tb = TableShapes.rowCells(target, line: target.units[b.t].start.line)
        guard sa.count == ta.count, sb.count == tb.count, sa.count == sb.count else { return false }
        for k in sa.indices where k != column && !sa[k].isEmpty && sa[k] != sb[k] {
            if ta[k] == sb[k] || tb[k] == sa[k] { return true }
            // Or kept text a newer name lengthens, crossed both ways (`` `vehicle_attribute` ``
            // in the row of `` `vehicle_attribute_recognition` ``, and the pedestrian's likewise):
            // each target cell holds the other source row's text and not its own.
            if sa[k].count >= 4, sb[k].count >= 4, !sa[k].contains(sb[k]), !sb[k].contains(sa[k]),
               holds(ta[k], sb[k]), !holds(ta[k], sa[k]), holds(tb[k], sa[k]), !holds(tb[k], sb[k]) { return true }
        }
        return false
    }

    /// `cell` holds `text` as written, its backticks aside (`` `a_b` `` holds `` `a` ``'s `a`).
    static func holds(_ cell: String, _ text: String) -> Bool {
        let t = text.trimmingCharacters(in: CharacterSet(charactersIn: "`"))
        return !t.isEmpty && cell.contains(t)
    }
}
