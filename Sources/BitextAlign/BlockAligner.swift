import Foundation
import BitextText

/// Aligns the blocks of a source document with the blocks of its translation.
///
/// Anchors first: blocks that occur once on each side and match with certainty (code, untranslated
/// units, heading ids, the same link targets and inline code), in a monotonic chain; see
/// ``anchors(_:_:scorer:)``. Between anchors, a banded dynamic programme with
/// beads 1-1, 1-0, 0-1, 2-1, 1-2 and 2-2 scores each bead by
/// - length, Gale–Church style, against a Han-to-English ratio estimated for the document
///   pair (Han characters of the translation per letter of the original);
/// - structure: kind, heading level, list depth, table position;
/// - anchors: numbers, inline code, normalised link targets, Latin words kept in the Chinese;
/// - priors: merges and insertions cost more than 1-1; a translator's note costs little to
///   insert.
/// Cost grows linearly with the document: the band is a constant width around the diagonal
/// of each stretch between anchors.
public struct BlockAligner: Sendable {
    public var insertionCost = 4.5
    public var mergeCost = 2.3
    /// Added to a bead of list items only that merges two into one (or splits one into two):
    /// translators keep a list's items apart, and such a merge more often hides an item the
    /// translation dropped.
    public var listMergeCost = 3.0
    public var doubleMergeCost = 3.5
    /// Where both documents have list items, added to a bead that joins a list item with a
    /// paragraph or quote outside any list (2-1, 1-2, 2-2): a translation that keeps the lists
    /// keeps what is in them in them, and a bead across the list's end hid the last item the
    /// translation dropped (merged with the paragraph after the list).
    public var listBoundaryCost = 3.0
    /// Two list items paired one to one that share a dictionary word (an English word of one
    /// and a translation of it in the other): this much cheaper; sharing nothing at all — no
    /// number, code, kept Latin word or dictionary word, though both have words the dictionary
    /// knows — this much dearer: items of one list are alike in length, and length alone
    /// paired a dropped item's neighbour with the wrong item. (Not an item beside a paragraph:
    /// one common word, 工 "work" in 人工, pairs anything with anything.)
    public var itemLexiconBonus = 1.0
    public var itemNoEvidenceCost = 1.5
    /// The structure cost of a source heading paired one to one with a paragraph, quote or list
    /// item the lexicon links it to (``lexicallyLinked(_:_:lexicon:)``): a translation that wrote
    /// the heading as a line of text or a bold label (`## Parameters` → 参数配置) still translates
    /// it, and a heading with nothing of its words there costs the full heading cost. Two
    /// headings paired one to one take the evidence list items take (``itemLexiconBonus``,
    /// ``itemNoEvidenceCost``): `Overview` beside 创建工作流定义 is a heading dropped, not the
    /// next heading's translation.
    public var linkedHeadingCost = 2.0
    /// Added to a bead that pairs a block holding a link target that each document holds in one
    /// block only (``Scorer/sourcePin``) without the other document's block that holds it: an
    /// image or link a translation keeps says where its block went (`<img src=…>` above a bold
    /// caption the translation split in two is not the tail of the paragraph before it).
    public var pinnedLinkCost = 3.0
    /// The most the lengths of a pinned pair of blocks cost (``Scorer/cost(_:_:rowsKnown:)``).
    static let pinnedLengthCost = 1.0
    /// The bilingual lexicon for list items' evidence; nil aligns without it.
    public var lexicon: Lexicon? = Lexicon.shared
    public var noteInsertionCost = 0.3
    public var lengthVariance = 6.0
    /// Source letters per Han character before the document pair is seen (the locale's
    /// `sourceLettersPerHan`), and how many Han characters of evidence it is worth.
    public var priorRatio = 2.8
    public var priorWeight = 300.0

    public init() {}

    /// Source letters per Han character of the translation, estimated for this document pair
    /// (with the prior for short documents), or nil when the translation has no Han.
    public static func ratio(source: [BlockFeatures], target: [BlockFeatures], prior: Double = 2.8,
                             weight: Double = 300) -> Double? {
        var s = 0, h = 0, o = 0
        for b in source where b.kind != .code { s += b.letters }
        for b in target where b.kind != .code && !b.isNote { h += b.han; o += b.letters }
        guard h > 0 else { return nil }
        // Source letters ≈ a·han + letters kept in the translation.
        let a = (Double(max(0, s - o)) + prior * weight) / (Double(h) + weight)
        return min(12, max(1.2, a))
    }

    public func ratio(source: [BlockFeatures], target: [BlockFeatures]) -> Double? {
        BlockAligner.ratio(source: source, target: target, prior: priorRatio, weight: priorWeight)
    }

    public func align(source: [BlockFeatures], target: [BlockFeatures]) -> [Bead] {
        let a = ratio(source: source, target: target) ?? 1
        let scorer = Scorer(source: source, target: target, ratio: a, aligner: self)
        var beads: [Bead] = []
        var i0 = 0, j0 = 0
        for (i, j) in anchors(source, target, scorer: scorer) {
            beads += scorer.segment(i0..<i, j0..<j)
            beads.append(Bead(source: [i], target: [j], score: scorer.score(scorer.cost(i..<(i + 1), j..<(j + 1)))))
            i0 = i + 1
            j0 = j + 1
        }
        beads += scorer.segment(i0..<source.count, j0..<target.count)
        return tablesAsLists(rowsKept(pairingLoneGaps(beads, scorer: scorer), scorer: scorer), scorer: scorer)
    }

    /// The score of a bead that pairs a table row with the list items the translation wrote it
    /// as (``tablesAsLists(_:scorer:)``), when the row's words, code or numbers are in one of its
    /// items: the structure and that evidence say it, not the lengths, so it is as sure as a pair
    /// whose contents the checks compare, no more. Without such evidence, below that.
    static let tableListScore = 0.6
    static let tableListWeakScore = 0.4

    /// A source table the translation wrote as a list, one item a row (`Label：text`, the cell's
    /// own list as items after it, nested or not): cells never merge, so the programme pairs a
    /// cell or two with items one to one and leaves the rest of the items without a counterpart
    /// and whole rows without a translation, though they are all there. Where a run of beads
    /// holds only cells of one table and list items, two items of it paired with cells, its rows
    /// are aligned again with its items (``rowItemBeads(_:_:scorer:)``): a row pairs with the item
    /// that opens it (the item holds its words, code, numbers or words the lexicon translates, or
    /// is a bare label over items that do) and the items after it that hold its code or Latin
    /// words or are nested deeper, in one bead; a row or an item with no partner stands alone (a
    /// row dropped, an item added). The header row stands alone: a list has none. Kept only when
    /// most body rows, two at least, pair with evidence and no more items stand alone than before.
    func tablesAsLists(_ beads: [Bead], scorer: Scorer) -> [Bead] {
        let source = scorer.source, target = scorer.target
        func isCell(_ b: BlockFeatures) -> Bool { if case .cell = b.kind { return true } else { return false } }
        func ofRun(_ b: Bead) -> Bool {
            (!b.source.isEmpty || !b.target.isEmpty) && b.source.allSatisfy { isCell(source[$0]) } && b.target.allSatisfy { Scorer.isItem(target[$0]) }
        }
        // Cheap trigger: a cell paired with an item.
        guard beads.contains(where: { !$0.source.isEmpty && !$0.target.isEmpty && ofRun($0) }) else { return beads }
        let ids = BlockAligner.rowIDs(source)
        var out: [Bead] = []
        out.reserveCapacity(beads.count)
        var k = 0
        while k < beads.count {
            guard ofRun(beads[k]) else { out.append(beads[k]); k += 1; continue }
            var e = k
            while e < beads.count && ofRun(beads[e]) { e += 1 }
            // The items that end the list, where the bead after the run took them with the
            // paragraph after the list (a 1-2 bead across the list's end): the run's, when its
            // rows take them.
            var run = Array(beads[k..<e])
            var rest: Bead? = nil
            // (A paragraph inside the last item is a list block too: the bead's source, no
            // item, says it is not.)
            if e < beads.count, case let next = beads[e], next.target.count >= 2, Scorer.isItem(target[next.target[0]]),
               !next.source.isEmpty, !next.source.contains(where: { isCell(source[$0]) || Scorer.isItem(source[$0]) }) {
                let split = next.target.firstIndex(where: { !Scorer.isItem(target[$0]) }) ?? 1
                run.append(Bead(source: [], target: Array(next.target[..<split]), score: 0))
                let s = next.source[0]..<(next.source[next.source.count - 1] + 1), t = next.target[split]..<(next.target[next.target.count - 1] + 1)
                rest = Bead(source: next.source, target: Array(t), score: scorer.score(scorer.cost(s, t)))
            }
            if let rest, let redone = rowItemBeads(run[...], ids, scorer: scorer),
               !redone.contains(where: { $0.source.isEmpty && $0.target.contains(run[run.count - 1].target[0]) }) {
                out += redone
                out.append(rest)
                k = e + 1
                continue
            }
            if rest != nil { run.removeLast() }
            if let redone = rowItemBeads(run[...], ids, scorer: scorer) { out += redone } else { out += run }
            k = e
        }
        return out
    }

    /// The run's rows aligned again with its items (``tablesAsLists(_:scorer:)``), or nil when
    /// the run is not one table written as a list.
    func rowItemBeads(_ run: ArraySlice<Bead>, _ ids: [Int], scorer: Scorer) -> [Bead]? {
        let source = scorer.source, target = scorer.target
        let cells = run.flatMap(\.source).sorted(), items = run.flatMap(\.target).sorted()
        guard let first = cells.first, !items.isEmpty, cells.allSatisfy({ ids[$0] / 100_000 == ids[first] / 100_000 }),
              let s0 = cells.first, let s1 = cells.last, s1 - s0 + 1 == cells.count,
              let t0 = items.first, let t1 = items.last, t1 - t0 + 1 == items.count else { return nil }
        // Rows in order, the header (row 0) apart.
        var header: [Int] = [], rows: [Range<Int>] = []
        for x in cells {
            guard case .cell(let row, _) = source[x].kind else { return nil }
            if row == 0 { header.append(x); continue }
            if let last = rows.last, ids[last.upperBound - 1] == ids[x], last.upperBound == x { rows[rows.count - 1] = last.lowerBound..<(x + 1) } else { rows.append(x..<(x + 1)) }
        }
        let n = rows.count, m = items.count
        guard n >= 2, n * m <= 20_000 else { return nil }
        // Items paired with cells, two at least.
        var aloneItemsBefore = 0, pairedItems = 0
        for b in run { if b.source.isEmpty { aloneItemsBefore += b.target.count } else { pairedItems += b.target.count } }
        guard pairedItems >= 2 else { return nil }
        // Evidence of a row in an item: anchors and kept Latin words shared, and the row's
        // English words the item's dictionary words translate.
        let lexicon = self.lexicon
        var rowStems: [[Int32]] = []
        if let lexicon {
            for r in rows {
                var st: [Int32] = []
                for x in r { st += Scorer.englishStems(source[x], lexicon) }
                st.sortUnique()
                rowStems.append(st)
            }
        }
        let itemReach: [[Int32]] = lexicon.map { lx in items.map { HanWords(target[$0], lexicon: lx).reach } } ?? []
        var evidence = [[Int]](repeating: [Int](repeating: 0, count: m), count: n), strong = evidence
        // Each item's anchors and words, each once (the scorer's are sorted, not unique): made
        // once, not for every row.
        func unique(_ a: [Int32]) -> [Int32] { var a = a; a.sortUnique(); return a }
        let itemAnchors = items.map { unique(scorer.targetAnchors[$0]) }, itemWords = items.map { unique(scorer.targetWords[$0]) }
        for (i, r) in rows.enumerated() {
            var anchors: [Int32] = [], words: [Int32] = []
            for x in r { anchors += scorer.sourceAnchors[x]; words += scorer.sourceWords[x] }
            anchors.sortUnique()
            words.sortUnique()
            for j in items.indices {
                strong[i][j] = anchors.sortedCommonCount(itemAnchors[j]) + words.sortedCommonCount(itemWords[j])
                evidence[i][j] = strong[i][j] + (lexicon == nil ? 0 : rowStems[i].sortedCommonCount(itemReach[j]))
            }
        }
        func depth(_ j: Int) -> Int { if case .list(let d) = target[items[j]].kind { return d } else { return 0 } }
        let alone = insertionCost
        /// Row i with items j..<e: the first item's evidence, each further item's (nested deeper
        /// or holding some of the row's anchors or Latin words: the cell's own list; else an item
        /// added, whose words a general dictionary may well find in the row), and the lengths.
        func groupCost(_ i: Int, _ j: Int, _ e: Int) -> Double {
            // A bare label (`检查列：`, a word or two) and the item right after it that says
            // what the row says: the label's text.
            let bare = evidence[i][j] == 0 && target[items[j]].han + target[items[j]].letters <= 10
            var c = 0.0, more = false
            for q in (j + 1)..<e {
                let held = strong[i][q] > 0 || bare && q == j + 1 && evidence[i][q] > 0
                more = more || held
                c += held ? 0.3 : depth(q) > depth(j) ? 0.5 : alone + 1
            }
            // The first item: the row's evidence, or a bare label over items that hold it.
            if evidence[i][j] > 0 { c -= min(3, 1.5 * Double(evidence[i][j])) }
            else if more && bare { c -= 1.5 }
            // The next row's evidence or the last one's, none of this row's: the item of a row
            // beside a row the translation dropped.
            else if i + 1 < n && evidence[i + 1][j] > 0 || i > 0 && evidence[i - 1][j] > 0 { c += itemNoEvidenceCost + alone }
            else { c += itemNoEvidenceCost }
            // Lengths break ties only: a translation that writes each of the cell's English
            // terms with its Chinese beside it (`[Expected-Actual][期望值-实际值]`) is twice as long.
            return c + min(2, scorer.lengthCost(rows[i], (t0 + j)..<(t0 + e)))
        }
        let maxItems = 16
        var cost = [[Double]](repeating: [Double](repeating: .infinity, count: m + 1), count: n + 1)
        var back = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)  // -1 row alone, 0 item alone, k > 0 row with k items
        cost[0][0] = 0
        for i in 0...n {
            for j in 0...m where cost[i][j].isFinite {
                let here = cost[i][j]
                if i < n, here + alone < cost[i + 1][j] { cost[i + 1][j] = here + alone; back[i + 1][j] = -1 }
                if j < m, here + alone < cost[i][j + 1] { cost[i][j + 1] = here + alone; back[i][j + 1] = 0 }
                guard i < n, j < m else { continue }
                for e in (j + 1)...min(m, j + maxItems) {
                    let c = here + groupCost(i, j, e)
                    if c < cost[i + 1][e] { cost[i + 1][e] = c; back[i + 1][e] = e - j }
                }
            }
        }
        var steps: [Bead] = []
        var i = n, j = m
        var evidenced = 0, aloneItems = 0
        while i > 0 || j > 0 {
            let b = back[i][j]
            if b < 0 {
                steps.append(Bead(source: Array(rows[i - 1]), target: [], score: scorer.score(alone)))
                i -= 1
            } else if b == 0 {
                steps.append(Bead(source: [], target: [items[j - 1]], score: scorer.score(alone)))
                aloneItems += 1
                j -= 1
            } else {
                let sure = evidence[i - 1][(j - b)..<j].contains { $0 > 0 }
                if sure { evidenced += 1 }
                steps.append(Bead(source: Array(rows[i - 1]), target: Array(items[(j - b)..<j]),
                                  score: sure ? BlockAligner.tableListScore : BlockAligner.tableListWeakScore))
                i -= 1
                j -= b
            }
        }
        guard evidenced >= 2, 2 * evidenced >= n, aloneItems <= aloneItemsBefore else { return nil }
        var out: [Bead] = []
        if !header.isEmpty { out.append(Bead(source: header, target: [], score: scorer.score(alone))) }
        return out + steps.reversed()
    }

    /// The table and row of each block that is a table cell (`table * 100_000 + row`, −1 for
    /// other blocks): a table starts after a block that is no cell, or where the row or column
    /// number goes back.
    static func rowIDs(_ blocks: [BlockFeatures]) -> [Int] {
        var out = [Int](repeating: -1, count: blocks.count)
        var table = -1, lastRow = -1, lastColumn = -1, previousCell = false
        for (k, b) in blocks.enumerated() {
            guard case .cell(let row, let column) = b.kind else { previousCell = false; continue }
            if !previousCell || row < lastRow || (row == lastRow && column <= lastColumn) { table += 1 }
            previousCell = true
            lastRow = row
            lastColumn = column
            out[k] = table * 100_000 + row
        }
        return out
    }

    /// Table rows kept whole. The programme pairs cells one by one, and where the translation
    /// dropped a row of short cells it can pair the dropped row's first cell with the next row's
    /// first cell and the next row's value with its own (`Storage temperature` ⇔ 工作湿度 and
    /// `10% to 90%` ⇔ `10% 至 90%`, the two cells left over taken for a column dropped): one row
    /// of the translation made of cells of two source rows, which a translation that keeps the
    /// table's shape never writes. Where a row of one side is paired with two rows of the other,
    /// or left alone whole, and the two tables have the same columns, the table's stretch of
    /// beads is aligned again row by row (``rowBeads(_:_:scorer:)``): a row pairs whole, each cell
    /// with the cell of its column, or stands alone (a row dropped or added).
    func rowsKept(_ beads: [Bead], scorer: Scorer) -> [Bead] {
        let source = scorer.source, target = scorer.target
        func isCell(_ b: BlockFeatures) -> Bool { if case .cell = b.kind { return true } else { return false } }
        guard beads.contains(where: { $0.source.count == 1 && $0.target.count == 1
                                        && isCell(source[$0.source[0]]) && isCell(target[$0.target[0]]) }) else { return beads }
        let sr = BlockAligner.rowIDs(source), tr = BlockAligner.rowIDs(target)
        // A row of one side paired with two rows of the other.
        var partnerOfSource: [Int: Int] = [:], partnerOfTarget: [Int: Int] = [:]
        var mixed: [Int] = []
        for (k, b) in beads.enumerated() where b.source.count == 1 && b.target.count == 1 {
            let s = sr[b.source[0]], t = tr[b.target[0]]
            guard s >= 0, t >= 0 else { continue }
            if let o = partnerOfTarget[t], o != s { mixed.append(k) } else { partnerOfTarget[t] = s }
            if let o = partnerOfSource[s], o != t { mixed.append(k) } else { partnerOfSource[s] = t }
        }
        // A row of one side left alone, all its cells: the table's shape says which row it is
        // better than the row numbers the programme weighs (rows below a dropped row stand one
        // higher, and a row of values changed in the translation can pass for the dropped one).
        // The stretch is found from a paired cell of the same run of cells.
        var lastPaired = -1, pending = false
        for (k, b) in beads.enumerated() {
            guard b.source.allSatisfy({ sr[$0] >= 0 }) && b.target.allSatisfy({ tr[$0] >= 0 }) else {
                lastPaired = -1
                pending = false
                continue
            }
            if b.source.count == 1 && b.target.count == 1 {
                if pending { mixed.append(k); pending = false }
                lastPaired = k
                continue
            }
            let alone = b.target.isEmpty && b.source.count == 1 && partnerOfSource[sr[b.source[0]]] == nil
                || b.source.isEmpty && b.target.count == 1 && partnerOfTarget[tr[b.target[0]]] == nil
            guard alone else { continue }
            if lastPaired >= 0 { mixed.append(lastPaired) } else { pending = true }
        }
        // A cell paired with a cell of another row than the one its row's key pins it to
        // (``pinnedRows(_:_:_:_:)``): rows the translation wrote in another order.
        let pins = BlockAligner.pinnedRows(source, target, sr, tr)
        if !pins.source.isEmpty {
            for (k, b) in beads.enumerated() where b.source.count == 1 && b.target.count == 1 {
                let s = sr[b.source[0]], t = tr[b.target[0]]
                guard s >= 0, t >= 0 else { continue }
                if let p = pins.source[s], p != t { mixed.append(k) } else if let p = pins.target[t], p != s { mixed.append(k) }
            }
        }
        mixed.sort()
        guard !mixed.isEmpty else { return beads }
        var out: [Bead] = []
        var done = 0  // beads before this index are in `out`
        for k in mixed where k >= done {
            let sTable = sr[beads[k].source[0]] / 100_000, tTable = tr[beads[k].target[0]] / 100_000
            // The stretch of beads of these two tables around the bead.
            func ofTables(_ b: Bead) -> Bool {
                b.source.allSatisfy { sr[$0] >= 0 && sr[$0] / 100_000 == sTable }
                    && b.target.allSatisfy { tr[$0] >= 0 && tr[$0] / 100_000 == tTable }
            }
            var a = k, e = k + 1
            while a > done && ofTables(beads[a - 1]) { a -= 1 }
            while e < beads.count && ofTables(beads[e]) { e += 1 }
            let stretch = beads[a..<e]
            let sBlocks = stretch.flatMap(\.source), tBlocks = stretch.flatMap(\.target)
            // (An HTML row's cells of code alone count: they are no blocks.)
            func columns(_ blocks: [Int], _ side: [BlockFeatures]) -> Int {
                blocks.reduce(0) { m, x in
                    guard case .cell(_, let c) = side[x].kind else { return m }
                    return max(m, c + 1, (side[x].codeCells.last?.column ?? -1) + 1)
                }
            }
            guard columns(sBlocks, source) == columns(tBlocks, target),
                  let redone = rowBeads(rows(sBlocks, sr), rows(tBlocks, tr), scorer: scorer, rowIDs: (sr, tr), pins: pins) else { continue }
            out += beads[done..<a]
            out += redone
            done = e
        }
        out += beads[done...]
        return out
    }

    /// Rows of the two sides pinned to each other by a key cell: a cell whose text is a name or
    /// code token (no Han, no space, a letter; `ResNet50_vd`, `PP-LCNet_x1_0`) that no other
    /// cell of its side holds, the same on both sides. A translation keeps such names as they
    /// are, so they say which row is which wherever the translation put it. A row whose keys
    /// name two rows of the other side pins nothing. By row id (``rowIDs(_:)``), both ways.
    /// An HTML row's cells of code alone (``BlockFeatures/codeCells``) key it as well, in their
    /// column and with the columns of the row's code cells the same on both sides, and so does a
    /// cell's one link to a page with a scheme (``BlockFeatures/cellLink``: `Link` and `链接` to
    /// the same demo).
    static func pinnedRows(_ source: [BlockFeatures], _ target: [BlockFeatures], _ sr: [Int], _ tr: [Int])
        -> (source: [Int: Int], target: [Int: Int]) {
        func isKey(_ b: BlockFeatures) -> Bool {
            guard b.han == 0, b.letters >= 2, !b.key.isEmpty else { return false }
            var letter = false
            for c in b.key.utf8 {
                if c == 0x20 || c == 0x09 || c == 0x0A { return false }
                if c | 0x20 >= 0x61 && c | 0x20 <= 0x7A { letter = true }
            }
            return letter
        }
        /// Key text → its row, nil when two cells of the side hold it. An HTML row's cells of
        /// code alone key it too, by their column and the columns of all its code cells (a row
        /// of the same shape: `<td><code>hpi_config</code></td>` in column 0 of a row whose
        /// code cells are columns 0, 2 and 4 on both sides), when no other row has that code.
        func keys(_ side: [BlockFeatures], _ rows: [Int]) -> [String: Int?] {
            var out: [String: Int?] = [:]
            var lastCodeRow = -1
            for (k, b) in side.enumerated() where rows[k] >= 0 {
                if isKey(b) {
                    if out[b.key] != nil { out[b.key] = .some(nil) } else { out[b.key] = rows[k] }
                }
                // A cell's one link (``BlockFeatures/cellLink``): the row's own when no other row
                // of the side links there.
                if let link = b.cellLink {
                    let key = "\u{2}" + link
                    if let o = out[key], o != rows[k] { out[key] = .some(nil) } else { out[key] = rows[k] }
                }
                guard !b.codeCells.isEmpty, rows[k] != lastCodeRow else { continue }
                lastCodeRow = rows[k]
                let shape = b.codeCells.map { String($0.column) }.joined(separator: ",")
                for cell in b.codeCells {
                    let key = "\u{1}\(cell.column)|\(shape)|\(cell.code)"
                    if let o = out[key], o != rows[k] { out[key] = .some(nil) } else { out[key] = rows[k] }
                }
            }
            return out
        }
        let sk = keys(source, sr)
        guard !sk.isEmpty else { return ([:], [:]) }
        let tk = keys(target, tr)
        var s: [Int: Int] = [:], t: [Int: Int] = [:]
        var torn = Set<Int>(), tornT = Set<Int>()
        for (key, row) in sk {
            guard let a = row, let found = tk[key], let b = found else { continue }
            if let o = s[a], o != b { torn.insert(a) }
            if let o = t[b], o != a { tornT.insert(b) }
            s[a] = b
            t[b] = a
        }
        for a in torn { if let b = s[a] { t[b] = nil }; s[a] = nil }
        for b in tornT { if let a = t[b] { s[a] = nil }; t[b] = nil }
        for (a, b) in s where t[b] != a { s[a] = nil }
        for (b, a) in t where s[a] != b { t[b] = nil }
        return (s, t)
    }

    /// Blocks grouped by row (consecutive blocks of one row id), in order.
    func rows(_ blocks: [Int], _ ids: [Int]) -> [[Int]] {
        var out: [[Int]] = []
        var last = -1
        for x in blocks {
            if ids[x] != last || out.isEmpty { out.append([x]); last = ids[x] } else { out[out.count - 1].append(x) }
        }
        return out
    }

    /// Rows of two tables of the same columns aligned row by row: a pair of rows costs its cells
    /// paired column by column (a cell with no cell of its column on the other side standing
    /// alone), with the rows' numbers left out (the programme keeps them in order); a row alone
    /// costs its cells alone. Nil when the tables are too long for the band (never in practice).
    func rowBeads(_ s: [[Int]], _ t: [[Int]], scorer: Scorer,
                  rowIDs: ([Int], [Int])? = nil, pins: (source: [Int: Int], target: [Int: Int]) = ([:], [:])) -> [Bead]? {
        let n = s.count, m = t.count
        let width = abs(n - m) + 8
        guard n > 0, m > 0, n * (2 * width + 1) <= 200_000 else { return nil }
        let sEnd = scorer.source.count, tEnd = scorer.target.count
        func column(_ b: BlockFeatures) -> Int { if case .cell(_, let c) = b.kind { return c } else { return -1 } }
        /// The cells of two rows by column: pairs, and cells alone.
        func matched(_ a: [Int], _ b: [Int]) -> [(Int?, Int?)] {
            var out: [(Int?, Int?)] = []
            var i = 0, j = 0
            while i < a.count || j < b.count {
                let ca = i < a.count ? column(scorer.source[a[i]]) : Int.max
                let cb = j < b.count ? column(scorer.target[b[j]]) : Int.max
                if ca == cb { out.append((a[i], b[j])); i += 1; j += 1 }
                else if ca < cb { out.append((a[i], nil)); i += 1 }
                else { out.append((nil, b[j])); j += 1 }
            }
            return out
        }
        func alone(_ x: Int?, _ y: Int?) -> Double {
            if let x { return scorer.cost(x..<(x + 1), tEnd..<tEnd) }
            if let y { return scorer.cost(sEnd..<sEnd, y..<(y + 1)) }
            return 0
        }
        /// Rows pinned by a key cell (``pinnedRows(_:_:_:_:)``) pair with each other only: a row
        /// pinned elsewhere stands alone here, and the moved pairs find it its partner.
        func pinCost(_ i: Int, _ j: Int) -> Double {
            guard let (sr, tr) = rowIDs, !pins.source.isEmpty else { return 0 }
            let a = sr[s[i][0]], b = tr[t[j][0]]
            if let p = pins.source[a] { return p == b ? -4 : .infinity }
            return pins.target[b] != nil ? .infinity : 0
        }
        func pairCost(_ i: Int, _ j: Int) -> Double {
            var c = pinCost(i, j)
            if c == .infinity { return c }
            for (x, y) in matched(s[i], t[j]) {
                if let x, let y { c += scorer.cost(x..<(x + 1), y..<(y + 1), rowsKnown: true) } else { c += alone(x, y) }
            }
            return c
        }
        let sAlone = s.map { $0.reduce(0.0) { $0 + alone($1, nil) } }
        let tAlone = t.map { $0.reduce(0.0) { $0 + alone(nil, $1) } }
        // cost[i][j]: the first i source rows and j target rows; back: 0 pair, 1 source alone, 2 target alone.
        var cost = [[Double]](repeating: [Double](repeating: .infinity, count: m + 1), count: n + 1)
        var back = [[UInt8]](repeating: [UInt8](repeating: 255, count: m + 1), count: n + 1)
        cost[0][0] = 0
        for i in 0...n {
            for j in max(0, i - width)...min(m, i + width) where cost[i][j].isFinite {
                let here = cost[i][j]
                if i < n, j < m {
                    let c = here + pairCost(i, j)
                    if c < cost[i + 1][j + 1] { cost[i + 1][j + 1] = c; back[i + 1][j + 1] = 0 }
                }
                if i < n, here + sAlone[i] < cost[i + 1][j] { cost[i + 1][j] = here + sAlone[i]; back[i + 1][j] = 1 }
                if j < m, here + tAlone[j] < cost[i][j + 1] { cost[i][j + 1] = here + tAlone[j]; back[i][j + 1] = 2 }
            }
        }
        guard cost[n][m].isFinite else { return nil }
        var beads: [Bead] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            switch back[i][j] {
            case 0:
                for (x, y) in matched(s[i - 1], t[j - 1]).reversed() {
                    if let x, let y {
                        beads.append(Bead(source: [x], target: [y], score: scorer.score(scorer.cost(x..<(x + 1), y..<(y + 1), rowsKnown: true))))
                    } else {
                        beads.append(Bead(source: x.map { [$0] } ?? [], target: y.map { [$0] } ?? [], score: scorer.score(alone(x, y))))
                    }
                }
                i -= 1; j -= 1
            case 1:
                for x in s[i - 1].reversed() { beads.append(Bead(source: [x], target: [], score: scorer.score(alone(x, nil)))) }
                i -= 1
            case 2:
                for y in t[j - 1].reversed() { beads.append(Bead(source: [], target: [y], score: scorer.score(alone(nil, y)))) }
                j -= 1
            default:
                return nil
            }
        }
        return beads.reversed()
    }

    /// The beads with each gap of one source block and one target block between two pairs (or
    /// a pair and the document's start or end) made one pair, when the two are prose of the
    /// same kind (paragraphs, quotes, list items at one depth; no translator's note) and the
    /// lexicon links them (``lexicallyLinked(_:_:lexicon:)``). The structure leaves either block
    /// no other partner; what kept them apart is length and anchors, which a translation that
    /// dropped a sentence (with the paragraph's only number, say) loses: a third of the length,
    /// a number unmatched. Apart, the paragraph is reported missing and its translation extra
    /// ("remove it"); paired, the sentence aligner finds the sentence that has no translation.
    func pairingLoneGaps(_ beads: [Bead], scorer: Scorer) -> [Bead] {
        guard let lexicon, beads.count > 1 else { return beads }
        func paired(_ b: Bead) -> Bool { !b.source.isEmpty && !b.target.isEmpty }
        var out: [Bead] = []
        out.reserveCapacity(beads.count)
        var k = 0
        while k < beads.count {
            guard !paired(beads[k]) else { out.append(beads[k]); k += 1; continue }
            var e = k
            var s: [Int] = [], t: [Int] = []
            while e < beads.count && !paired(beads[e]) { s += beads[e].source; t += beads[e].target; e += 1 }
            if s.count == 1, t.count == 1, BlockAligner.sameProse(scorer.source[s[0]], scorer.target[t[0]]),
               BlockAligner.lexicallyLinked(scorer.source[s[0]], scorer.target[t[0]], lexicon: lexicon) {
                let r = s[0]..<(s[0] + 1), q = t[0]..<(t[0] + 1)
                out.append(Bead(source: s, target: t, score: scorer.score(scorer.cost(r, q))))
            } else {
                out += beads[k..<e]
            }
            k = e
        }
        return out
    }

    /// Paragraphs, quotes, or list items at the same depth, neither a translator's note.
    static func sameProse(_ a: BlockFeatures, _ b: BlockFeatures) -> Bool {
        guard !a.isNote, !b.isNote, a.letters > 0, b.han > 0 else { return false }
        switch (a.kind, b.kind) {
        case (.text, .text), (.quote, .quote): return true
        case (.list(let x), .list(let y)): return x == y
        default: return false
        }
    }

    /// Whether the lexicon says a target block translates (part of) a source block: two of the
    /// translation's dictionary words of two characters or more translate words of the source,
    /// a third of its dictionary words at least (a translation that dropped a sentence: its
    /// words are the source's, as far as a general dictionary knows them — 权限 is
    /// "privileges" there, not "permission"); or two of the source's words have a translation
    /// among those words of the target, a third of the source's words the lexicon knows at
    /// least (a translation that added one). Single characters, whose many senses match
    /// anything, count for nothing.
    static func lexicallyLinked(_ s: BlockFeatures, _ t: BlockFeatures, lexicon: Lexicon) -> Bool {
        guard t.han >= 2 else { return false }
        return linked(Scorer.englishStems(s, lexicon), HanWords(t, lexicon: lexicon))
    }

    /// ``lexicallyLinked(_:_:lexicon:)`` from the source block's stems (sorted) and the target
    /// block's dictionary words (``HanWords``).
    static func linked(_ english: [Int32], _ t: HanWords) -> Bool {
        guard english.count >= 2 else { return false }
        var linked = 0
        for stems in t.words where stems.contains(where: { Scorer.contains(english, $0) }) { linked += 1 }
        if linked >= 2 && 3 * linked >= t.words.count { return true }
        var found = 0
        for st in english where Scorer.contains(t.reach, st) { found += 1 }
        return found >= 2 && 3 * found >= english.count
    }

    /// A target block's dictionary words of two characters or more, each by its stems (words
    /// the lexicon gives no stem left out), and all their stems, sorted and unique.
    struct HanWords {
        var words: [[Int32]]
        var reach: [Int32]
        init(_ t: BlockFeatures, lexicon: Lexicon) {
            words = BlockAligner.hanWordStems(t, lexicon: lexicon)
            reach = words.flatMap { $0 }
            reach.sortUnique()
        }
    }

    /// The stems of each dictionary word of two characters or more in a target block's Han
    /// (words the lexicon gives no stem are left out).
    static func hanWordStems(_ t: BlockFeatures, lexicon: Lexicon) -> [[Int32]] {
        var han: [UInt32] = []
        for c in t.key.unicodeScalars {
            let v = c.value
            if v >= 0x3400 && v < 0xA000 || v >= 0xF900 && v < 0xFB00 || v >= 0x20000 { han.append(v) } else if han.last != 0 { han.append(0) }
        }
        var out: [[Int32]] = []
        var i = 0
        while i < han.count {
            guard han[i] != 0 else { i += 1; continue }
            var e = i
            while e < han.count && han[e] != 0 { e += 1 }
            for w in lexicon.segment(Array(han[i..<e])) where w.range.count >= 2 {
                guard let id = w.word else { continue }
                let stems = lexicon.stems(ofWord: id)
                if !stems.isEmpty { out.append(Array(stems)) }
            }
            i = e
        }
        return out
    }

    /// The anchors the aligner pins for a document pair (block indexes, ascending on both sides).
    public func anchorPairs(source: [BlockFeatures], target: [BlockFeatures]) -> [(source: Int, target: Int)] {
        let scorer = Scorer(source: source, target: target, ratio: ratio(source: source, target: target) ?? 1, aligner: self)
        return anchors(source, target, scorer: scorer).map { (source: $0.0, target: $0.1) }
    }

    /// Keys of a block that pin it to its partner (``anchors(_:_:scorer:)``), with whether a pair
    /// on that key must pass the local check.
    static func anchorKeys(_ b: BlockFeatures) -> [(String, Bool)] {
        var out: [(String, Bool)] = []
        if b.kind == .code {
            if b.key.hasAtLeast(10) { out.append(("c:" + b.key, false)) }
            return out
        }
        if b.key.hasAtLeast(40) {
            // Untranslated: the same text, whatever spaces the translator's editor left.
            let (text, count) = b.key.wordsJoinedBySpaces()
            if count >= 40 { out.append(("u:" + text, false)) }
        }
        if let id = b.headingID, !id.isEmpty { out.append(("h:" + id, false)) }
        if !b.anchors.isEmpty && !b.isNote {
            let strong = b.anchors.contains { $0.hasPrefix("@") || $0.hasPrefix("`") }
            let kind: String?
            switch b.kind {
            case .heading(let l): kind = "H\(l)"
            case .cell(_, let c): kind = strong ? "C\(c)" : nil
            case .frontMatter(let k): kind = strong ? "F" + k : nil
            case .text, .list, .quote, .alt: kind = strong ? "T" : nil
            case .code: kind = nil
            }
            if let kind {
                var mergeable = true
                switch b.kind {
                case .heading, .cell, .frontMatter: mergeable = false
                default: break
                }
                out.append(("a:" + kind + "\u{1}" + b.anchors.joined(separator: "\u{1}"), mergeable))
            }
        }
        return out
    }

    /// Key → the blocks holding it and whether it needs the check; `order` keeps first
    /// appearance (no dictionary order decides anything).
    /// (Keys by their bytes, each hashed once here: most are whole paragraphs of Chinese.)
    static func keyedBlocks(_ blocks: [BlockFeatures], keys: (BlockFeatures) -> [(String, Bool)] = anchorKeys)
        -> (map: [TextKey: (blocks: [Int], check: Bool)], order: [TextKey]) {
        var m: [TextKey: (blocks: [Int], check: Bool)] = [:]
        var order: [TextKey] = []
        for (k, b) in blocks.enumerated() {
            for (key, check) in keys(b) {
                let key = TextKey(key)
                if let i = m.index(forKey: key) {
                    if m.values[i].blocks.last != k { m.values[i].blocks.append(k) }
                } else {
                    order.append(key)
                    m[key] = ([k], check)
                }
            }
        }
        return (m, order)
    }

    /// Blocks that occur once on each side and match with certainty, as a monotonic chain (the
    /// longest chain increasing on both sides): the path goes through them, and the programme
    /// runs between consecutive anchors, so a long page becomes many small problems.
    ///
    /// What pins a pair:
    /// - code blocks with the same normalised code (at least 10 characters);
    /// - identical units of at least 40 characters (left untranslated; spaces squeezed);
    /// - headings with the same explicit id (`{#id}`);
    /// - blocks of the same kind (heading level, table column) with the same anchors — numbers,
    ///   inline code, link targets — among which at least one link target or inline code (for
    ///   headings, a number is enough).
    ///
    /// A key shared by two blocks of one side pins nothing, and a block that two keys would pin
    /// to different partners pins nothing. Blocks that may merge (paragraphs, list items, quotes)
    /// pin only when their one-to-one bead beats every two-block bead around it even with the
    /// other blocks left out (inserted or deleted): a paragraph whose translation was split in
    /// two keeps its 1-2 bead.
    func anchors(_ source: [BlockFeatures], _ target: [BlockFeatures], scorer: Scorer? = nil) -> [(Int, Int)] {
        let s = BlockAligner.keyedBlocks(source), t = BlockAligner.keyedBlocks(target)
        var pairs: [(Int, Int)] = []
        var needsCheck: [Bool] = []
        for key in s.order {
            guard let si = s.map[key], si.blocks.count == 1, let ti = t.map[key], ti.blocks.count == 1 else { continue }
            pairs.append((si.blocks[0], ti.blocks[0]))
            needsCheck.append(si.check)
        }
        // One pair per block: the same pair from several keys counts once (checked only if
        // every key wants it checked); a block two keys pin to different partners is dropped.
        var order = Array(pairs.indices)
        order.sort { pairs[$0] != pairs[$1] ? (pairs[$0].0, pairs[$0].1) < (pairs[$1].0, pairs[$1].1) : $0 < $1 }
        var unique: [(Int, Int)] = []
        var check: [Bool] = []
        for k in order {
            if let last = unique.last, last == pairs[k] { check[check.count - 1] = check[check.count - 1] && needsCheck[k]; continue }
            unique.append(pairs[k])
            check.append(needsCheck[k])
        }
        var sourceUses: [Int: Int] = [:], targetUses: [Int: Int] = [:]
        for p in unique { sourceUses[p.0, default: 0] += 1; targetUses[p.1, default: 0] += 1 }
        var kept: [(Int, Int)] = []
        for (k, p) in unique.enumerated() where sourceUses[p.0] == 1 && targetUses[p.1] == 1 {
            if check[k] {
                guard let scorer, scorer.isSure(p.0, p.1) else { continue }
            }
            kept.append(p)
        }
        let chain = unambiguous(longestIncreasing(kept), among: kept)
        guard scorer != nil else { return chain }
        return withoutMovedRuns(chain, sourceCount: source.count, targetCount: target.count, named: { p in
            if let id = source[p.0].headingID, !id.isEmpty { return id == target[p.1].headingID }
            return false
        })
    }

    /// The chain without runs of anchors that pin a passage the translation moved: a run
    /// (up to six anchors) with, before it, a stretch where the source has far more blocks
    /// than the translation and, after it, a stretch where the translation has far more than
    /// the source (or the other way round) — the passage that belongs in the first stretch was
    /// translated in the second. Pinned there, the passage would leave both stretches
    /// unmatched (everything before it reported missing, everything after it extra); left to
    /// the programme, it is one passage out of place. A run holding a pair of headings with
    /// the same explicit id (`named`) stays: the heading is certainly there, so the passage that
    /// moved is the other one.
    func withoutMovedRuns(_ chain: [(Int, Int)], sourceCount: Int, targetCount: Int,
                          named: ((Int, Int)) -> Bool) -> [(Int, Int)] {
        /// +1: the source has far more blocks (four more and twice as many), -1: the
        /// translation has, 0: neither.
        func imbalance(_ s: Int, _ t: Int) -> Int {
            if s >= t + 4 && s >= 2 * t { return 1 }
            if t >= s + 4 && t >= 2 * s { return -1 }
            return 0
        }
        var out: [(Int, Int)] = []
        var k = 0
        while k < chain.count {
            let before = out.last.map { ($0.0 + 1, $0.1 + 1) } ?? (0, 0)
            var moved: Int? = nil
            let b = imbalance(chain[k].0 - before.0, chain[k].1 - before.1)
            if b != 0 {
                for end in k..<min(chain.count, k + 6) {
                    if named(chain[end]) { break }
                    let after = end + 1 < chain.count ? chain[end + 1] : (sourceCount, targetCount)
                    if imbalance(after.0 - chain[end].0 - 1, after.1 - chain[end].1 - 1) == -b { moved = end; break }
                }
            }
            if let end = moved { k = end + 1; continue }
            out.append(chain[k])
            k += 1
        }
        return out
    }

    /// The chain without the anchors it could swap for a candidate it left out: a candidate
    /// that crosses exactly one anchor of the chain makes another chain just as long (a heading
    /// moved within the translation, say), so neither is certain and the programme decides
    /// there. A candidate that crosses two or more is outvoted and changes nothing.
    func unambiguous(_ chain: [(Int, Int)], among candidates: [(Int, Int)]) -> [(Int, Int)] {
        guard chain.count < candidates.count else { return chain }
        var drop = [Bool](repeating: false, count: chain.count)
        var k = 0  // walks the chain with the candidates, both sorted by source index
        for c in candidates {
            while k < chain.count && chain[k].0 < c.0 { k += 1 }
            if k < chain.count && chain[k] == c { continue }
            // Chain anchors before c in the source but after it in the translation, and the
            // other way round: a contiguous run on each side of k.
            var crossing: [Int] = []
            var x = k - 1
            while x >= 0 && chain[x].1 > c.1 && crossing.count < 2 { crossing.append(x); x -= 1 }
            x = k
            while x < chain.count && chain[x].1 < c.1 && crossing.count < 2 { crossing.append(x); x += 1 }
            if crossing.count == 1 { drop[crossing[0]] = true }
        }
        return chain.indices.filter { !drop[$0] }.map { chain[$0] }
    }

    /// The longest chain of pairs increasing on both sides.
    func longestIncreasing(_ pairs: [(Int, Int)]) -> [(Int, Int)] {
        guard !pairs.isEmpty else { return [] }
        var tails: [Int] = []  // index into pairs of the smallest tail of each length
        var prev = [Int](repeating: -1, count: pairs.count)
        for (k, p) in pairs.enumerated() {
            var lo = 0, hi = tails.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if pairs[tails[mid]].1 < p.1 { lo = mid + 1 } else { hi = mid }
            }
            if lo > 0 { prev[k] = tails[lo - 1] }
            if lo == tails.count { tails.append(k) } else { tails[lo] = k }
        }
        var chain: [(Int, Int)] = []
        var k = tails.last!
        while k >= 0 { chain.append(pairs[k]); k = prev[k] }
        return chain.reversed()
    }
}

/// Bead costs for one document pair.
struct Scorer {
    let source: [BlockFeatures]
    let target: [BlockFeatures]
    let ratio: Double
    let aligner: BlockAligner
    /// Anchors and kept Latin words of each block as ids, sorted: the cost function compares
    /// them without building arrays, sets or strings.
    let sourceAnchors: [[Int32]]
    let targetAnchors: [[Int32]]
    let sourceWords: [[Int32]]
    let targetWords: [[Int32]]
    /// Row keys of table cells (``BlockFeatures/rowKey``): column and code id, by column.
    let sourceRows: [[RowKeyID]]
    let targetRows: [[RowKeyID]]
    /// Which ids are code (inline code anchors and row keys), and whether two of them are the
    /// same code changed a little.
    let code: CodeSimilarity

    /// Value cells of table rows (``BlockFeatures/rowValues``), as ids by column.
    let sourceValues: [[RowKeyID]]
    let targetValues: [[RowKeyID]]
    /// The id of an empty cell among them.
    let emptyValue: Int32
    /// Whether both documents have list items (``BlockAligner/listBoundaryCost``).
    let listsOnBothSides: Bool
    /// For list items (when both sides have some and there is a lexicon) and headings (when
    /// the source has some): the lexicon stems of a source block's English words, and the stems
    /// a target block's dictionary words translate, sorted; empty for other blocks.
    let itemWords: ItemWords?

    /// ``Scorer/englishStems(_:_:)`` and ``Scorer/chineseStems(_:_:)`` of list items, each
    /// worked out the first time a pair of items asks for it.
    final class ItemWords {
        let lexicon: Lexicon
        var source: [[Int32]?]
        var target: [[Int32]?]
        /// ``Scorer/headingLinked(_:_:)`` by pair.
        var linked: [Int64: Bool] = [:]
        /// ``BlockAligner/HanWords`` of target blocks.
        var hanWords: [BlockAligner.HanWords?]
        init(lexicon: Lexicon, sourceCount: Int, targetCount: Int) {
            self.lexicon = lexicon
            hanWords = [BlockAligner.HanWords?](repeating: nil, count: targetCount)
            source = [[Int32]?](repeating: nil, count: sourceCount)
            target = [[Int32]?](repeating: nil, count: targetCount)
        }
    }

    struct RowKeyID { var column: Int; var id: Int32 }

    /// The code of each id (empty for ids that are not code), and whether two codes are
    /// similar (``BlockFeatures/similarCode(_:_:)``), worked out once for each pair asked about.
    final class CodeSimilarity {
        let codes: [[UInt32]]
        /// The first three characters of each code id, packed (0: not code, or code that can
        /// be similar to nothing): codes that differ here are never similar.
        let prefixes: [UInt64]
        private var memo: [Int64: Bool] = [:]
        init(codes: [[UInt32]]) {
            self.codes = codes
            prefixes = codes.map { c in
                guard c.count >= 3 else { return 0 }
                return UInt64(c[0]) << 42 | UInt64(c[1]) << 21 | UInt64(c[2])
            }
        }
        @inline(__always) func isCode(_ id: Int32) -> Bool { prefixes[Int(id)] != 0 }
        func similar(_ a: Int32, _ b: Int32) -> Bool {
            let p = prefixes[Int(a)]
            guard p != 0, p == prefixes[Int(b)], a != b else { return false }
            let key = Int64(min(a, b)) << 32 | Int64(max(a, b))
            if let v = memo[key] { return v }
            let v = BlockFeatures.similarCode(codes[Int(a)], codes[Int(b)])
            memo[key] = v
            return v
        }
    }

    /// Whether each block has an anchor that can be similar to another (``CodeSimilarity``).
    let sourceHasCode: [Bool]
    let targetHasCode: [Bool]
    /// The block of the other side that holds the same link target, for a block holding a
    /// link target (`@` anchor) or an HTML image (``BlockFeatures/images``) that no other block
    /// of either side holds; -1 for none, or for a block whose such targets are in two blocks of
    /// the other side or whose partner's are.
    let sourcePin: [Int32]
    let targetPin: [Int32]

    init(source: [BlockFeatures], target: [BlockFeatures], ratio: Double, aligner: BlockAligner) {
        self.source = source
        self.target = target
        self.ratio = ratio
        self.aligner = aligner
        var ids: [String: Int32] = [:]
        var codes: [[UInt32]] = []
        func id(_ s: String) -> Int32 {
            if let v = ids[s] { return v }
            let v = Int32(ids.count)
            ids[s] = v
            // Inline code anchors start with a backtick.
            codes.append(s.utf8.first == 0x60 ? Array(s.unicodeScalars.dropFirst().map(\.value)) : [])
            return v
        }
        sourceAnchors = source.map { $0.anchors.map(id).sorted() }
        targetAnchors = target.map { $0.anchors.map(id).sorted() }
        sourceWords = source.map { $0.latinWords.map(id).sorted() }
        targetWords = target.map { $0.latinWords.map(id).sorted() }
        sourceRows = source.map { $0.rowKey.map { RowKeyID(column: $0.column, id: id("`" + $0.code)) } }
        targetRows = target.map { $0.rowKey.map { RowKeyID(column: $0.column, id: id("`" + $0.code)) } }
        emptyValue = id("\u{2}")
        sourceValues = source.map { $0.rowValues.map { RowKeyID(column: $0.column, id: id("\u{2}" + $0.code)) } }
        targetValues = target.map { $0.rowValues.map { RowKeyID(column: $0.column, id: id("\u{2}" + $0.code)) } }
        code = CodeSimilarity(codes: codes)
        listsOnBothSides = source.contains(where: Scorer.isItem) && target.contains(where: Scorer.isItem)
        func isHeading(_ b: BlockFeatures) -> Bool { if case .heading = b.kind { return true } else { return false } }
        if listsOnBothSides || source.contains(where: isHeading), let lexicon = aligner.lexicon {
            itemWords = ItemWords(lexicon: lexicon, sourceCount: source.count, targetCount: target.count)
        } else {
            itemWords = nil
        }
        let code = self.code
        sourceHasCode = sourceAnchors.map { $0.contains(where: code.isCode) }
        targetHasCode = targetAnchors.map { $0.contains(where: code.isCode) }
        (sourcePin, targetPin) = Scorer.pins(source, target)
    }

    /// ``sourcePin`` and ``targetPin``: link targets held by one block on each side.
    static func pins(_ source: [BlockFeatures], _ target: [BlockFeatures]) -> ([Int32], [Int32]) {
        var sp = [Int32](repeating: -1, count: source.count), tp = [Int32](repeating: -1, count: target.count)
        // Link target → its one block, -1 once a second block holds it.
        func blocks(_ side: [BlockFeatures]) -> [String: Int] {
            var m: [String: Int] = [:]
            for (k, b) in side.enumerated() where b.kind != .code {
                for a in b.anchors where a.utf8.first == 0x40 {
                    if let seen = m[a] { if seen != k { m[a] = -1 } } else { m[a] = k }
                }
                for a in b.images {
                    if let seen = m[a] { if seen != k { m[a] = -1 } } else { m[a] = k }
                }
            }
            return m
        }
        let sm = blocks(source)
        guard !sm.isEmpty else { return (sp, tp) }
        let tm = blocks(target)
        var conflict = Set<Int>(), targetConflict = Set<Int>()
        for (a, i) in sm where i >= 0 {
            guard let j = tm[a], j >= 0 else { continue }
            if sp[i] >= 0 && sp[i] != Int32(j) { conflict.insert(i) } else { sp[i] = Int32(j) }
            if tp[j] >= 0 && tp[j] != Int32(i) { targetConflict.insert(j) } else { tp[j] = Int32(i) }
        }
        for i in conflict { sp[i] = -1 }
        for j in targetConflict { tp[j] = -1 }
        // Each the other's only partner: two source blocks with targets of one target block
        // (an image the translation put inside the item before it) pin nothing.
        for i in sp.indices where sp[i] >= 0 && tp[Int(sp[i])] != Int32(i) { sp[i] = -1 }
        for j in tp.indices where tp[j] >= 0 && (sp[Int(tp[j])] != Int32(j)) { tp[j] = -1 }
        return (sp, tp)
    }

    static let moves: [(Int, Int)] = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2)]

    @inline(__always) static func isItem(_ b: BlockFeatures) -> Bool { if case .list = b.kind { return true } else { return false } }

    /// A list item and a paragraph or quote outside any list (``BlockAligner/listBoundaryCost``;
    /// table cells and headings have costs of their own).
    @inline(__always) static func acrossList(_ a: BlockFeatures, _ b: BlockFeatures) -> Bool {
        isItem(a) && isProse(b) || isProse(a) && isItem(b)
    }
    @inline(__always) static func isProse(_ b: BlockFeatures) -> Bool { b.kind == .text || b.kind == .quote }

    /// The lexicon stems of a block's English words (its Latin words, function words aside), sorted.
    static func englishStems(_ b: BlockFeatures, _ lexicon: Lexicon) -> [Int32] {
        var out: [Int32] = []
        for w in b.latinWords { if let st = lexicon.stem(Stemmer.stem(w)) { out.append(st) } }
        out.sortUnique()
        return out
    }

    /// The lexicon stems that the dictionary words anywhere in a block's Han text translate
    /// (every word of two to four characters, and a single character's first few senses), sorted.
    static func chineseStems(_ b: BlockFeatures, _ lexicon: Lexicon) -> [Int32] {
        guard b.han > 0 else { return [] }
        let text = b.key.unicodeScalars.map(\.value)
        var out: [Int32] = []
        text.withUnsafeBufferPointer { lexicon.forEachStem(inHan: $0, maxLength: 4, singleSenses: 4) { out.append($0) } }
        out.sortUnique()
        return out
    }

    /// A source heading and a target block that can be the heading written as text: a
    /// paragraph, quote or list item with Han, not a translator's note.
    static func headingAsText(_ s: BlockFeatures, _ t: BlockFeatures) -> Bool {
        guard case .heading = s.kind, !t.isNote, t.han > 0 else { return false }
        switch t.kind {
        case .text, .quote, .list: return true
        default: return false
        }
    }

    /// Whether source heading i can be target block j written as text: the lexicon links them
    /// (``BlockAligner/lexicallyLinked(_:_:lexicon:)``) and links j to neither paragraph beside
    /// the heading (`### Supported languages:` beside `The following languages are currently
    /// supported:` — 目前支持以下语言： is the paragraph's, the heading dropped). Worked out
    /// once for each pair asked about.
    func headingLinked(_ i: Int, _ j: Int) -> Bool {
        guard let w = itemWords else { return false }
        let key = Int64(i) << 32 | Int64(j)
        if let v = w.linked[key] { return v }
        // Each block's stems worked out once (``ItemWords``), not once for every pair.
        func english(_ k: Int) -> [Int32] {
            if let x = w.source[k] { return x }
            let x = Scorer.englishStems(source[k], w.lexicon)
            w.source[k] = x
            return x
        }
        // Most headings are a word or two: nothing to link, and the block's words not read.
        guard target[j].han >= 2, english(i).count >= 2 else { w.linked[key] = false; return false }
        let hanWords = w.hanWords[j] ?? BlockAligner.HanWords(target[j], lexicon: w.lexicon)
        w.hanWords[j] = hanWords
        var v = BlockAligner.linked(english(i), hanWords)
        for k in [i - 1, i + 1] where v && k >= 0 && k < source.count && (Scorer.isProse(source[k]) || Scorer.isItem(source[k])) {
            if BlockAligner.linked(english(k), hanWords) { v = false }
        }
        w.linked[key] = v
        return v
    }

    /// Whether source heading i and the block after it (a paragraph, quote or list item) can be
    /// target block j: j opens with a bold label (``BlockFeatures/label``) the lexicon links to
    /// the heading. Worked out once for each pair asked about.
    func headingLabelled(_ i: Int, _ j: Int) -> Bool {
        guard let w = itemWords, case .heading = source[i].kind, let label = target[j].label, i + 1 < source.count,
              Scorer.isProse(source[i + 1]) || Scorer.isItem(source[i + 1]), !target[j].isNote else { return false }
        let key = Int64(i) << 32 | Int64(j) | 1 << 62
        if let v = w.linked[key] { return v }
        var han = 0
        for c in label.unicodeScalars where c.value >= 0x3400 && c.value < 0xA000 { han += 1 }
        let f = BlockFeatures(kind: .text, letters: 0, han: han, anchors: [], latinWords: [], key: label,
                              isNote: false, links: 0, line: target[j].line, endLine: target[j].line)
        let v = BlockAligner.lexicallyLinked(source[i], f, lexicon: w.lexicon)
        w.linked[key] = v
        return v
    }

    /// The evidence of two list items paired one to one beyond their length
    /// (``BlockAligner/itemLexiconBonus``): a dictionary word shared, or nothing shared at all.
    func itemEvidenceCost(_ i: Int, _ j: Int) -> Double {
        guard let w = itemWords else { return 0 }
        let a = w.source[i] ?? Scorer.englishStems(source[i], w.lexicon)
        let b = w.target[j] ?? Scorer.chineseStems(target[j], w.lexicon)
        w.source[i] = a
        w.target[j] = b
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        if a.sortedIntersects(b) { return -aligner.itemLexiconBonus }
        if sourceAnchors[i].sortedIntersects(targetAnchors[j]) || sourceWords[i].sortedIntersects(targetWords[j]) { return 0 }
        return aligner.itemNoEvidenceCost
    }

    /// Whether source block i and target block j are one bead by themselves: their 1-1 bead
    /// is possible and cheaper than every 2-1, 1-2 and 2-2 bead holding both, even with the
    /// other blocks of that bead deleted or inserted instead (an upper bound on what they cost
    /// elsewhere).
    func isSure(_ i: Int, _ j: Int) -> Bool {
        let one = cost(i..<(i + 1), j..<(j + 1))
        guard one.isFinite else { return false }
        for (a, b) in [(2, 1), (1, 2), (2, 2)] {
            for di in 0..<a {
                for dj in 0..<b {
                    let s = (i - di)..<(i - di + a), t = (j - dj)..<(j - dj + b)
                    guard s.lowerBound >= 0, s.upperBound <= source.count, t.lowerBound >= 0, t.upperBound <= target.count else { continue }
                    let merged = cost(s, t)
                    guard merged.isFinite else { continue }
                    var apart = one
                    for k in s where k != i { apart += cost(k..<(k + 1), t.lowerBound..<t.lowerBound) }
                    for k in t where k != j { apart += cost(s.lowerBound..<s.lowerBound, k..<(k + 1)) }
                    if merged <= apart { return false }
                }
            }
        }
        return true
    }

    /// Aligns a stretch between anchors with a banded dynamic programme: the band follows the
    /// length ratio (where both sides have covered the same share of their text) and widens only
    /// around the rows where the best path runs along its edge, so a long page costs its length
    /// times a small width.
    func segment(_ si: Range<Int>, _ ti: Range<Int>) -> [Bead] {
        let n = si.count, m = ti.count
        if n == 0 && m == 0 { return [] }
        if n == 0 { return ti.map { Bead(source: [], target: [$0], score: score(self.cost(si.lowerBound..<si.lowerBound, $0..<($0 + 1)))) } }
        if m == 0 { return si.map { Bead(source: [$0], target: [], score: score(self.cost($0..<($0 + 1), ti.lowerBound..<ti.lowerBound))) } }
        var sourceCum = [0.0], targetCum = [0.0]
        for k in si { sourceCum.append(sourceCum.last! + Double(source[k].letters) + 20) }
        for k in ti { targetCum.append(targetCum.last! + ratio * Double(target[k].han) + Double(target[k].letters) + 20) }
        var band = SentenceAligner.Band(lengths: sourceCum, targetCum, width: 12)
        var by = 8
        while true {
            guard let (beads, touched) = run(si, ti, band) else {
                band.widenEverywhere(by: by)
                by *= 2
                continue
            }
            if touched.isEmpty || band.isFull { return beads }
            band.widen(around: touched, by: by)
            by *= 2
        }
    }

    /// One run of the programme in a band: the beads, and the rows where the path touches an
    /// edge of the band (nil when the corner is out of reach).
    private func run(_ si: Range<Int>, _ ti: Range<Int>, _ band: SentenceAligner.Band) -> ([Bead], [Int])? {
        let n = si.count, m = ti.count
        let lo = band.lo, hi = band.hi
        var rowStart = [Int](repeating: 0, count: n + 2)
        for i in 0...n { rowStart[i + 1] = rowStart[i] + hi[i] - lo[i] + 1 }
        var table = [Double](repeating: .infinity, count: rowStart[n + 1])
        var back = [UInt8](repeating: 255, count: rowStart[n + 1])
        table[0] = 0
        for i in 0...n {
            for j in lo[i]...hi[i] {
                let here = table[rowStart[i] + j - lo[i]]
                guard here.isFinite else { continue }
                for (k, mv) in Scorer.moves.enumerated() {
                    let ni = i + mv.0, nj = j + mv.1
                    guard ni <= n, nj <= m, nj >= lo[ni], nj <= hi[ni] else { continue }
                    let c = here + self.cost((si.lowerBound + i)..<(si.lowerBound + ni), (ti.lowerBound + j)..<(ti.lowerBound + nj))
                    let at = rowStart[ni] + nj - lo[ni]
                    if c < table[at] {
                        table[at] = c
                        back[at] = UInt8(k)
                    }
                }
            }
        }
        var beads: [Bead] = []
        var touched: [Int] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            let k = back[rowStart[i] + j - lo[i]]
            guard k != 255 else { return nil }
            if (j == lo[i] && lo[i] > 0) || (j == hi[i] && hi[i] < m) { touched.append(i) }
            let mv = Scorer.moves[Int(k)]
            let s = (si.lowerBound + i - mv.0)..<(si.lowerBound + i)
            let t = (ti.lowerBound + j - mv.1)..<(ti.lowerBound + j)
            beads.append(Bead(source: Array(s), target: Array(t), score: score(self.cost(s, t))))
            i -= mv.0
            j -= mv.1
        }
        return (beads.reversed(), touched)
    }

    func score(_ cost: Double) -> Double {
        let s = 1 / (1 + exp((cost - 4) / 1.5))
        return (s * 1000).rounded() / 1000
    }

    /// The cost of a bead (lower is better; infinity when impossible).
    /// With `rowsKnown`, two table cells are in rows paired by ``BlockAligner/rowBeads(_:_:scorer:)``:
    /// another row number costs nothing.
    func cost(_ s: Range<Int>, _ t: Range<Int>, rowsKnown: Bool = false) -> Double {
        if s.isEmpty && t.isEmpty { return .infinity }
        if s.isEmpty {
            let b = target[t.lowerBound]
            return b.isNote ? aligner.noteInsertionCost : aligner.insertionCost + min(2, Double(b.letters + b.han) / 400)
        }
        if t.isEmpty {
            let b = source[s.lowerBound]
            return aligner.insertionCost + min(2, Double(b.letters) / 600)
        }
        // Code aligns only with code, one to one.
        let sCode = s.contains { source[$0].kind == .code }, tCode = t.contains { target[$0].kind == .code }
        if sCode || tCode {
            guard s.count == 1, t.count == 1, sCode, tCode else { return .infinity }
            return codeCost(source[s.lowerBound].key, target[t.lowerBound].key)
        }
        var c = 0.0
        if s.count + t.count == 3 {
            c += aligner.mergeCost
            // Every block of the bead a list item: two items written as one (a cell or a
            // paragraph written as items is another thing).
            func isItem(_ b: BlockFeatures) -> Bool { if case .list = b.kind { return true } else { return false } }
            if s.allSatisfy({ isItem(source[$0]) }) && t.allSatisfy({ isItem(target[$0]) }) && !anchorsSplit(s, t) { c += aligner.listMergeCost }
        }
        if s.count + t.count == 4 { c += aligner.doubleMergeCost }
        // A heading and its paragraph written as one block that opens with the heading's words
        // as a bold label (`### Set dependencies` + its paragraph → `- **配置任务之间的依赖关系：** 点击…`).
        let labelled = s.count == 2 && t.count == 1 && headingLabelled(s.lowerBound, t.lowerBound)
        if s.count > 1 || t.count > 1 {
            // Headings, table cells and front matter never merge.
            func merges(_ b: BlockFeatures) -> Bool {
                switch b.kind {
                case .heading, .cell, .frontMatter: return false
                default: return true
                }
            }
            for k in s where !merges(source[k]) && !(labelled && k == s.lowerBound) { return .infinity }
            for k in t where !merges(target[k]) { return .infinity }
            if t.contains(where: { target[$0].isNote }) { c += 1 }
            // A list item joined with a block outside the list, on either side.
            if listsOnBothSides {
                func mixes(_ r: Range<Int>, _ side: [BlockFeatures]) -> Bool {
                    r.count > 1 && Scorer.acrossList(side[r.lowerBound], side[r.lowerBound + 1])
                }
                if mixes(s, source) || mixes(t, target) { c += aligner.listBoundaryCost }
            }
        }
        c += pinCost(s, t)
        let s0 = source[s.lowerBound], t0 = target[t.lowerBound]
        c += kindCost(labelled ? source[s.lowerBound + 1].kind : s0.kind, t0.kind)
        if rowsKnown, case .cell(let r1, _) = s0.kind, case .cell(let r2, _) = t0.kind, r1 != r2 { c -= 1.5 }
        // Two images that stand alone pinned to each other (``sourcePin``) are one pair whatever
        // the lengths say: a translation writes an image's alt text far shorter (`Diagram
        // showing slot content from the parent…` → 插槽图示).
        let pinned = s.count == 1 && t.count == 1 && sourcePin[s.lowerBound] == Int32(t.lowerBound)
            && source[s.lowerBound].kind == .alt && target[t.lowerBound].kind == .alt
        c += pinned ? min(BlockAligner.pinnedLengthCost, lengthCost(s, t)) : lengthCost(s, t)
        c += anchorCost(s, t)
        if s.count == 1 && t.count == 1 && itemWords != nil {
            if listsOnBothSides && Scorer.isItem(s0) && Scorer.isItem(t0) { c += itemEvidenceCost(s.lowerBound, t.lowerBound) }
            if case .heading = s0.kind {
                if case .heading = t0.kind {
                    c += itemEvidenceCost(s.lowerBound, t.lowerBound)
                } else if Scorer.headingAsText(s0, t0), headingLinked(s.lowerBound, t.lowerBound) {
                    c -= kindCost(s0.kind, t0.kind) - aligner.linkedHeadingCost
                }
            }
        }
        // Table rows: by their code-only cells where both have code in a column, else by their values.
        if !sourceRows[s.lowerBound].isEmpty && !targetRows[t.lowerBound].isEmpty,
           let r = rowKeyEvidence(sourceRows[s.lowerBound], targetRows[t.lowerBound]) {
            c += r
        } else if !sourceValues[s.lowerBound].isEmpty && !targetValues[t.lowerBound].isEmpty {
            let v = rowValueCost(sourceValues[s.lowerBound], targetValues[t.lowerBound])
            c += v
            // Every value the same: this row, wherever it stands (after a row the translation
            // dropped, the rows below stand one higher).
            if !rowsKnown, v == Scorer.sameRowValues, case .cell(let r1, _) = s0.kind, case .cell(let r2, _) = t0.kind, r1 != r2 { c -= 1.5 }
        }
        if s.count == 1, t.count == 1, !s0.key.isEmpty, s0.key == t0.key { c -= 6 }
        return c
    }

    /// A bead of three list items whose two items on one side each hold anchors (numbers, code,
    /// links) and together hold exactly the anchors of the one item on the other side, two at
    /// least: one item the translation split in two (or two it joined), nothing left out, so
    /// not the merge that hides a dropped item (``BlockAligner/listMergeCost``).
    func anchorsSplit(_ s: Range<Int>, _ t: Range<Int>) -> Bool {
        let (two, one, twoSide, oneSide) = s.count == 2 ? (s, t, sourceAnchors, targetAnchors) : (t, s, targetAnchors, sourceAnchors)
        guard two.count == 2, one.count == 1, oneSide[one.lowerBound].count >= 2,
              two.allSatisfy({ !twoSide[$0].isEmpty }) else { return false }
        return Array(Scorer.merged(twoSide, two)) == oneSide[one.lowerBound]
    }

    /// ``BlockAligner/pinnedLinkCost`` for each block of a bead whose pinned partner
    /// (``sourcePin``, ``targetPin``) is not in the bead.
    /// A merged bead that holds a pinned pair with a block before it on both sides, or after it
    /// on both sides, costs it too: the two blocks end where their sides' blocks end, so the
    /// bead is two beads (`paragraph + <img>` ⇔ `段落 + <img>` is the paragraphs' pair and the
    /// images', not one pair of two blocks each).
    @inline(__always) func pinCost(_ s: Range<Int>, _ t: Range<Int>) -> Double {
        var c = 0.0
        for k in s {
            let p = Int(sourcePin[k])
            guard p >= 0 else { continue }
            if !t.contains(p) { c += aligner.pinnedLinkCost; continue }
            if k > s.lowerBound && p > t.lowerBound || k < s.upperBound - 1 && p < t.upperBound - 1 { c += aligner.pinnedLinkCost }
        }
        for k in t { let p = Int(targetPin[k]); if p >= 0 && !s.contains(p) { c += aligner.pinnedLinkCost } }
        return c
    }

    func kindCost(_ a: BlockFeatures.Kind, _ b: BlockFeatures.Kind) -> Double {
        switch (a, b) {
        case (.heading(let x), .heading(let y)): return Double(abs(x - y)) * 1.5
        case (.heading, _), (_, .heading): return 7
        case (.list(let x), .list(let y)): return Double(abs(x - y))
        case (.cell(let r1, let c1), .cell(let r2, let c2)): return (r1 == r2 ? 0 : 1.5) + (c1 == c2 ? 0 : 1.5)
        case (.cell, _), (_, .cell): return 4
        case (.frontMatter(let x), .frontMatter(let y)): return x == y ? 0 : 3
        case (.frontMatter, _), (_, .frontMatter): return 6
        case (.text, .text), (.quote, .quote), (.alt, .alt): return 0
        case (.list, _), (_, .list): return 1.5
        default: return 1
        }
    }

    /// Gale–Church: the predicted source length of the translation against the real one.
    func lengthCost(_ s: Range<Int>, _ t: Range<Int>) -> Double {
        var ls = 0.0, lt = 0.0
        for k in s { ls += Double(source[k].letters) }
        for k in t { lt += ratio * Double(target[k].han) + Double(target[k].letters) }
        if ls == 0 && lt == 0 { return 0 }
        let mean = max(1, (ls + lt) / 2)
        return LengthCost.cost(abs(lt - ls) / (mean * aligner.lengthVariance).squareRoot())
    }

    /// Anchors shared and not shared, and Latin words of the translation kept from the source
    /// or foreign to it, over the blocks of a bead (at most two a side).
    func anchorCost(_ s: Range<Int>, _ t: Range<Int>) -> Double {
        var c = 0.0
        let sa = Scorer.merged(sourceAnchors, s), ta = Scorer.merged(targetAnchors, t)
        if sa.count + ta.count > 0 {
            // Multiset intersection of two sorted sequences.
            var i = sa.makeIterator(), j = ta.makeIterator()
            var x = i.next(), y = j.next()
            var common = 0
            while let a = x, let b = y {
                if a == b { common += 1; x = i.next(); y = j.next() } else if a < b { x = i.next() } else { y = j.next() }
            }
            var unmatched = Double(sa.count + ta.count - 2 * common)
            var shared = Double(common)
            // Code changed a little on the way (`temperature=0` written `temperature=0.2`) still
            // says which blocks correspond, a little less than the same code.
            if common < sa.count && common < ta.count
                && (sourceHasCode[s.lowerBound] || s.count > 1 && sourceHasCode[s.lowerBound + 1])
                && (targetHasCode[t.lowerBound] || t.count > 1 && targetHasCode[t.lowerBound + 1]) {
                let similar = similarCode(sa, ta)
                unmatched -= 2 * Double(similar)
                shared += 0.75 * Double(similar)
            }
            c += min(6, 0.8 * unmatched) - min(6, 2 * shared)
        }
        var kept = 0, foreign = 0
        for k in t {
            for w in targetWords[k] {
                var found = false
                for q in s where Scorer.contains(sourceWords[q], w) { found = true; break }
                if found { kept += 1 } else { foreign += 1 }
            }
        }
        c += min(4, 0.7 * Double(foreign)) - min(3, 0.5 * Double(kept))
        return c
    }

    /// How many code ids left unmatched on one side are similar to one left on the other (each
    /// used once, greedily in order), without allocating.
    func similarCode(_ sa: Merged, _ ta: Merged) -> Int {
        let code = self.code
        let offset = sa.count
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: sa.count + ta.count) { buf -> Int in
            // The code ids of each side the other does not match (multiset differences).
            var ns = 0, nt = 0
            var i = sa, j = ta
            var x = i.next(), y = j.next()
            while x != nil || y != nil {
                if let p = x, let q = y, p == q { x = i.next(); y = j.next(); continue }
                if let p = x, y == nil || p < y! {
                    if code.isCode(p) { buf[ns] = p; ns += 1 }
                    x = i.next()
                } else if let q = y {
                    if code.isCode(q) { buf[offset + nt] = q; nt += 1 }
                    y = j.next()
                }
            }
            guard ns > 0, nt > 0 else { return 0 }
            var n = 0
            for a in 0..<ns {
                for b in offset..<(offset + nt) where buf[b] >= 0 && code.similar(buf[a], buf[b]) {
                    buf[b] = -1
                    n += 1
                    break
                }
            }
            return n
        }
    }

    /// The evidence of two table cells' row keys (``BlockFeatures/rowKey``), decided by the
    /// leftmost column that holds code on both sides: the same code there, the same row (−2);
    /// code changed a little, most likely the same row (−1.5); other code, another row (+2.5),
    /// unless a further column holds the same or similar code (0: a row whose name the
    /// translation changed, or a column of repeated values).
    func rowKeyCost(_ a: [RowKeyID], _ b: [RowKeyID]) -> Double { rowKeyEvidence(a, b) ?? 0 }

    /// ``rowKeyCost(_:_:)``, nil when no column holds code on both sides.
    func rowKeyEvidence(_ a: [RowKeyID], _ b: [RowKeyID]) -> Double? {
        var first: Double? = nil
        var agreesLater = false
        for x in a {
            guard let y = b.first(where: { $0.column == x.column }) else { continue }
            let same = x.id == y.id, similar = !same && code.similar(x.id, y.id)
            if first == nil {
                first = same ? -2 : similar ? -1.5 : 2.5
            } else if same || similar {
                agreesLater = true
            }
        }
        guard let f = first else { return nil }
        return f > 0 && agreesLater ? 0 : f
    }

    /// The evidence of two table cells' row values (``BlockFeatures/rowValues``), by the
    /// columns that hold a value on both sides (an empty cell beside a value differs; two empty
    /// cells count for nothing): all the same, the same row (−2, and the cost of
    /// another row number taken back in ``cost(_:_:)``); more the same than not, most likely the
    /// same row with a value changed (−1); else nothing: none the same is another row or a
    /// value the translation changed (`TH4290` written `TH4209`), which must stay paired for the
    /// number to be checked; a column of repeated values says little.
    static let sameRowValues = -2.0

    func rowValueCost(_ a: [RowKeyID], _ b: [RowKeyID]) -> Double {
        var equal = 0, differ = 0
        for x in a {
            guard let y = b.first(where: { $0.column == x.column }) else { continue }
            if x.id != y.id { differ += 1 } else if x.id != emptyValue { equal += 1 }
        }
        if equal == 0 { return 0 }
        if differ == 0 { return Scorer.sameRowValues }
        return equal > differ ? -1 : 0
    }

    /// The sorted ids of up to two blocks as one sorted sequence, without allocating.
    struct Merged: Sequence, IteratorProtocol {
        var a: ArraySlice<Int32>
        var b: ArraySlice<Int32>
        var count: Int { a.count + b.count }
        mutating func next() -> Int32? {
            if let x = a.first, let y = b.first {
                if x <= y { a.removeFirst(); return x }
                b.removeFirst()
                return y
            }
            if let x = a.first { a.removeFirst(); return x }
            if let y = b.first { b.removeFirst(); return y }
            return nil
        }
    }

    @inline(__always) static func merged(_ lists: [[Int32]], _ r: Range<Int>) -> Merged {
        Merged(a: r.isEmpty ? [] : lists[r.lowerBound][...], b: r.count > 1 ? lists[r.lowerBound + 1][...] : [])
    }

    @inline(__always) static func contains(_ sorted: [Int32], _ x: Int32) -> Bool {
        var lo = 0, hi = sorted.count
        while lo < hi { let mid = (lo + hi) / 2; if sorted[mid] < x { lo = mid + 1 } else { hi = mid } }
        return lo < sorted.count && sorted[lo] == x
    }

    func codeCost(_ a: String, _ b: String) -> Double {
        if a == b { return -4 }
        let ta = Set(a.split(separator: " ")), tb = Set(b.split(separator: " "))
        let union = ta.union(tb).count
        guard union > 0 else { return 2 }
        let j = Double(ta.intersection(tb).count) / Double(union)
        return 6 * (1 - j) - 2
    }
}
