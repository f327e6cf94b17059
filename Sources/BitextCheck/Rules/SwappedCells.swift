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
    private struct SourceCell { var stems: [(id: Int32, word: String)] }
    private struct TargetCell { var reach: Set<Int32>; var latin: Set<String> }

    /// Within one column of a table whose cells the alignment pairs one to one (body rows, the
    /// same column on both sides), two rows are swapped when the stems that tell their source
    /// cells apart (those of one cell the other lacks) are found only crosswise: each target
    /// cell renders one or more of the other row's and none of its own, three or more in all
    /// (`Success; all files were copied.` ↔ `成功；所有文件均已复制。` in the row of `2`). Cells
    /// of a word or two give too little to tell (a swap of figures is `number-mismatch`'s), and
    /// two rows whose cells written alike (a code, a name) crossed too are rows reordered.
    static func find(_ c: FileContext) -> [Swap] {
        guard let p = c.pairing, let lexicon = Lexicon.shared else { return [] }
        // Cheap trigger: only a translation with table cells.
        guard c.document.units.contains(where: { if case .tableCell = $0.kind { return true } else { return false } }) else { return [] }
        let functionWords = c.toolkit.segmenter.source.functionWords
        func cell(_ d: Document, _ k: Int) -> (row: Int, column: Int)? {
            if case .tableCell(let row, let column) = d.units[k].kind { return (row, column) }
            return nil
        }
        var tableOfTarget: [Int: Int] = [:], tableOfSource: [Int: Int] = [:]
        for (k, t) in TableShapes.tables(c.document).enumerated() { for u in t.cells { tableOfTarget[u] = k } }
        for (k, t) in TableShapes.tables(p.source).enumerated() { for u in t.cells { tableOfSource[u] = k } }
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
            let sources: [SourceCell] = pairs.map { pr in
                let u = p.source.units[pr.s]
                var seen = Set<Int32>()
                var stems: [(Int32, String)] = []
                for w in p.sourceAnalyses[pr.s].words where w.kind == .latin && u.roles[w.range.lowerBound] == .content {
                    let word = u.string(w.range).lowercased()
                    if word.count < 2 || functionWords.contains(word) { continue }
                    guard let id = lexicon.stem(Stemmer.stem(word)), seen.insert(id).inserted else { continue }
                    stems.append((id, word))
                }
                return SourceCell(stems: stems)
            }
            let targets: [TargetCell] = pairs.map { pr in
                let u = c.document.units[pr.t]
                var han: [UInt32] = []
                var latin = Set<String>()
                for (ch, role) in zip(u.text, u.roles) {
                    if role == .content && ch >= 0x3400 && ch < 0xA000 { han.append(ch) } else if han.last != 0 { han.append(0) }
                }
                for w in c.analyses[pr.t].words where w.kind == .latin && u.roles[w.range.lowerBound] == .content {
                    latin.insert(u.string(w.range).lowercased())
                }
                var reach = Set<Int32>()
                han.withUnsafeBufferPointer { lexicon.forEachStem(inHan: $0, maxLength: 6, singleSenses: 6) { reach.insert($0) } }
                return TargetCell(reach: reach, latin: latin)
            }
            func covers(_ t: TargetCell, _ s: (id: Int32, word: String)) -> Bool { t.latin.contains(s.word) || t.reach.contains(s.id) }
            /// The stems of source cell `i` that cell `j`'s do not hold, found in target cell
            /// `j` and not in `i`'s own, and the other way round.
            let stemSets = sources.map { Set($0.stems.map(\.id)) }
            func evidence(_ i: Int, _ j: Int) -> (cross: Int, own: Int) {
                var cross = 0, own = 0
                for s in sources[i].stems where !stemSets[j].contains(s.id) {
                    let inOwn = covers(targets[i], s), inOther = covers(targets[j], s)
                    if inOther && !inOwn { cross += 1 } else if inOwn && !inOther { own += 1 }
                }
                return (cross, own)
            }
            var taken = Set<Int>()
            for i in pairs.indices where !taken.contains(i) {
                for j in pairs.indices where j > i && !taken.contains(j) {
                    let a = evidence(i, j), b = evidence(j, i)
                    if debug && a.cross + b.cross >= 2 {
                        FileHandle.standardError.write(Data("swap? \(c.document.path):\(c.document.units[pairs[i].t].start.line),\(c.document.units[pairs[j].t].start.line) a=\(a) b=\(b) \(sources[i].stems.map { $0.word + (covers(targets[i], $0) ? "+" : "") + (covers(targets[j], $0) ? "x" : "") }) \(sources[j].stems.map { $0.word + (covers(targets[j], $0) ? "+" : "") + (covers(targets[i], $0) ? "x" : "") })\n".utf8))
                    }
                    guard a.own == 0, b.own == 0, a.cross >= 1, b.cross >= 1, a.cross + b.cross >= 3 else { continue }
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

    /// Another cell of the two rows written alike on both sides and crossed: the target row of
    /// `a` holds it as the source row of `b` writes it, and not as `a`'s own (the column of
    /// the swap aside: a column the table keeps in English swaps as written).
    static func rowsCrossed(_ source: Document, _ target: Document, _ a: (s: Int, t: Int), _ b: (s: Int, t: Int), column: Int) -> Bool {
        let sa = TableShapes.rowCells(source, line: source.units[a.s].start.line), sb = TableShapes.rowCells(source, line: source.units[b.s].start.line)
        let ta = TableShapes.rowCells(target, line: target.units[a.t].start.line), tb = TableShapes.rowCells(target, line: target.units[b.t].start.line)
        guard sa.count == ta.count, sb.count == tb.count, sa.count == sb.count else { return false }
        for k in sa.indices where k != column && !sa[k].isEmpty && sa[k] != sb[k] {
            if ta[k] == sb[k] || tb[k] == sa[k] { return true }
        }
        return false
    }
}
