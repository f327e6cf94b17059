import Foundation
import BitextMarkdown
import BitextText

/// Aligns two documents: blocks first, then sentences inside each bead.
public struct DocumentAligner: Sendable {
    public var blocks = BlockAligner()
    public var sentences = SentenceAligner()
    public var functionWords: Set<String>
    /// The translation's numerals (``LocaleData/numerals``), anchors of the sentences they
    /// write (九百三十 for `930`).
    public var numerals: Numerals

    public init(functionWords: Set<String>, lettersPerHan: Double = 2.8, numerals: Numerals = Numerals()) {
        self.functionWords = functionWords
        self.numerals = numerals
        blocks.priorRatio = lettersPerHan
    }

    public func align(source: Document, sourceAnalyses: [TextAnalysis],
                      target: Document, targetAnalyses: [TextAnalysis]) -> Alignment {
        let sf = BlockFeatures.of(source, analyses: sourceAnalyses, functionWords: functionWords)
        let tf = BlockFeatures.of(target, analyses: targetAnalyses, functionWords: functionWords)
        let (ordered, sectionsMoved) = inSectionOrder(sf, tf)
        var beads = DocumentAligner.mendBrokenTables(ordered, source: source, target: target)
        beads = DocumentAligner.mendBrokenSourceTables(beads, source: source, target: target)
        beads = DocumentAligner.brokenSourceTablesAsLists(beads, source: source, target: target, sf: sf, tf: tf)
        beads = DocumentAligner.cellsContinued(beads, source: source, target: target)
        let ratio = blocks.ratio(source: sf, target: tf) ?? 1
        let words = SentenceAligner.WordCache()
        func alignSentences(_ b: inout Bead) {
            let s = SentenceAligner.sentences(of: b.source, in: source, analyses: sourceAnalyses, words: words, numerals: numerals)
            let t = SentenceAligner.sentences(of: b.target, in: target, analyses: targetAnalyses, words: words, numerals: numerals)
            b.sentences = DocumentAligner.mendLoneSentences(sentences.align(source: s, target: t, ratio: ratio), s, t, ratio: ratio)
        }
        for k in beads.indices where !beads[k].source.isEmpty && !beads[k].target.isEmpty { alignSentences(&beads[k]) }
        // Moved pairs too: exports cut their translation into sentences as they cut any pair's.
        var pairs = moved(beads, sf, tf)
        for k in pairs.indices { alignSentences(&pairs[k]) }
        return Alignment(beads: beads, moved: pairs, sectionsMoved: sectionsMoved)
    }

    /// The block beads, in the source's order of sections when the translation moved whole
    /// sections (``BlockAligner/sectionOrder(source:target:)``): the translation's blocks are
    /// aligned in that order, so a moved section's beads stand where its source is and their
    /// target blocks out of the translation's order (true beside them). Kept only when its
    /// paired blocks, each weighed by its bead's score, outweigh those of the alignment in the
    /// translation's order (``pairedWeight(_:)``), and when every bead's target blocks still
    /// follow each other.
    func inSectionOrder(_ sf: [BlockFeatures], _ tf: [BlockFeatures]) -> ([Bead], Bool) {
        let inOrder = blocks.align(source: sf, target: tf)
        guard let order = blocks.sectionOrder(source: sf, target: tf) else { return (inOrder, false) }
        var moved = blocks.align(source: sf, target: order.map { tf[$0] })
        for k in moved.indices {
            moved[k].target = moved[k].target.map { order[$0] }
            guard zip(moved[k].target, moved[k].target.dropFirst()).allSatisfy({ $0 + 1 == $1 }) else { return (inOrder, false) }
        }
        return DocumentAligner.pairedWeight(moved) > DocumentAligner.pairedWeight(inOrder) ? (moved, true) : (inOrder, false)
    }

    /// The blocks a list of beads pairs, each weighed by its bead's score.
    static func pairedWeight(_ beads: [Bead]) -> Double {
        var w = 0.0
        for b in beads where !b.source.isEmpty && !b.target.isEmpty { w += b.score * Double(b.source.count + b.target.count) }
        return w
    }

    /// The score of a bead that pairs a table with the paragraph the translation wrote it as:
    /// the structure says it, not the lengths (the header row is gone), so it is as sure as a
    /// pair whose contents the checks compare, no more.
    static let brokenTableScore = 0.6

    /// A source table the translation wrote as rows that cmark-gfm reads as one paragraph (its
    /// header or delimiter row dropped, ``TableRows/isBrokenTable(_:lines:)``): the block aligner
    /// pairs the paragraph with a cell or two and leaves the other cells without a translation,
    /// though their rows are all there. The paragraph takes the cells of that one table that the
    /// beads around it left alone, in one bead, when most of its rows have the table's number
    /// of columns (the rows are the table's, not a paragraph about it).
    static func mendBrokenTables(_ beads: [Bead], source: Document, target: Document) -> [Bead] {
        // Cheap trigger: a paragraph of two lines or more whose first line opens with a pipe.
        var broken = Set<Int>()
        for (b, block) in target.blocks.enumerated() {
            guard case .unit(let u) = block else { continue }
            let unit = target.units[u]
            switch unit.kind {
            case .paragraph, .quote: break
            default: continue
            }
            if unit.end.line > unit.start.line, TableRows.isBrokenTable(target.source, lines: unit.start.line...unit.end.line) { broken.insert(b) }
        }
        guard !broken.isEmpty else { return beads }
        var tableOf: [Int: Int] = [:]  // source unit → table
        let tables = Segmenter.tables(source.units)
        for (k, t) in tables.enumerated() { for u in t { tableOf[u] = k } }
        // The one table all of a bead's source blocks are cells of (nil for none or several).
        func table(_ bead: Bead) -> Int? {
            guard let first = bead.source.first, let u = source.unitIndex(block: first), let t = tableOf[u] else { return nil }
            return bead.source.allSatisfy({ source.unitIndex(block: $0).flatMap { tableOf[$0] } == t }) ? t : nil
        }
        var out: [Bead] = []
        var k = 0
        while k < beads.count {
            let bead = beads[k]
            guard bead.target.count == 1, broken.contains(bead.target[0]) else { out.append(bead); k += 1; continue }
            // The table: the bead's own cells', else that of the cells left alone beside it.
            var t = table(bead)
            if bead.source.isEmpty {
                if let last = out.last, last.target.isEmpty { t = table(last) }
                if t == nil, k + 1 < beads.count, beads[k + 1].target.isEmpty { t = table(beads[k + 1]) }
            }
            guard let t, bead.source.isEmpty || table(bead) == t else { out.append(bead); k += 1; continue }
            // Most rows of the paragraph have the table's columns.
            let unit = target.units[target.unitIndex(block: bead.target[0])!]
            let columns = TableRows.cells(source.source, source.units[tables[t].lowerBound].start.line).count
            var rows = 0, matching = 0
            for n in unit.start.line...unit.end.line where !TableRows.isDelimiterRow(target.source, n) {
                rows += 1
                if TableRows.cells(target.source, n).count == columns { matching += 1 }
            }
            guard matching * 2 > rows else { out.append(bead); k += 1; continue }
            var cells: [Int] = []
            while let last = out.last, last.target.isEmpty, table(last) == t { cells = last.source + cells; out.removeLast() }
            cells += bead.source
            k += 1
            while k < beads.count, beads[k].target.isEmpty, table(beads[k]) == t { cells += beads[k].source; k += 1 }
            out.append(Bead(source: cells, target: bead.target, score: brokenTableScore))
        }
        return out
    }

    /// The same the other way round: a source table whose rows after a blank line cmark-gfm
    /// reads as a paragraph (no header row of their own), beside the translation's table, whole
    /// (the translator mended it): the paragraph takes the cells of that table the beads around
    /// it left alone. The source's slip, nothing to report in the translation.
    static func mendBrokenSourceTables(_ beads: [Bead], source: Document, target: Document) -> [Bead] {
        func swapped(_ b: Bead) -> Bead { Bead(source: b.target, target: b.source, score: b.score, sentences: b.sentences) }
        return mendBrokenTables(beads.map(swapped), source: target, target: source).map(swapped)
    }

    /// A table cell with a blank line inside: CommonMark ends the HTML block there, so the
    /// cell's text after it is a paragraph of its own (`它可以在手机上运行。</td></tr>`), which the
    /// other side, whose cell is one block, has no partner for. A paragraph left alone right
    /// after a cell of its side, whose lines close a cell (`</td>`, `</th>`), joins the bead of
    /// that cell: it is the rest of the cell (on either side).
    static func cellsContinued(_ beads: [Bead], source: Document, target: Document) -> [Bead] {
        func continues(_ block: Int, _ doc: Document) -> Bool {
            guard block > 0, let u = doc.unitIndex(block: block), doc.units[u].kind == .paragraph,
                  let p = doc.unitIndex(block: block - 1) else { return false }
            switch doc.units[p].kind {
            case .tableCell: break
            case .html(let tag) where BlockFeatures.HTMLCells.isCell(tag): break
            default: return false
            }
            let unit = doc.units[u]
            for line in unit.start.line...unit.end.line {
                let raw = doc.source.scalars(doc.source.lineByteRange(line))
                guard raw.count >= 5 else { continue }
                // `</td` or `</th`, any case.
                for k in 0..<(raw.count - 3) where raw[k] == 0x3C && raw[k + 1] == 0x2F && raw[k + 2] | 0x20 == 0x74
                    && (raw[k + 3] | 0x20 == 0x64 || raw[k + 3] | 0x20 == 0x68) { return true }
            }
            return false
        }
        var out: [Bead] = []
        for b in beads {
            if let last = out.last, !last.source.isEmpty, !last.target.isEmpty, b.source.isEmpty != b.target.isEmpty {
                if b.source.isEmpty, b.target.count == 1, last.target.last == b.target[0] - 1, continues(b.target[0], target) {
                    out[out.count - 1].target.append(b.target[0])
                    continue
                }
                if b.target.isEmpty, b.source.count == 1, last.source.last == b.source[0] - 1, continues(b.source[0], source) {
                    out[out.count - 1].source.append(b.source[0])
                    continue
                }
            }
            out.append(b)
        }
        // A gap between pairs (or the document's ends) of one block on one side and a cell with
        // its rest on the other: one bead, as ``BlockAligner/pairingLoneGaps(_:scorer:)`` pairs a
        // gap of one block a side.
        var k = 0
        while k < out.count {
            guard out[k].source.isEmpty != out[k].target.isEmpty else { k += 1; continue }
            var e = k
            while e < out.count && out[e].source.isEmpty != out[e].target.isEmpty { e += 1 }
            let ls = out[k..<e].flatMap(\.source), lt = out[k..<e].flatMap(\.target)
            if ls.count == 1 && lt.count == 2 && lt[1] == lt[0] + 1 && continues(lt[1], target)
                || lt.count == 1 && ls.count == 2 && ls[1] == ls[0] + 1 && continues(ls[1], source) {
                out.replaceSubrange(k..<e, with: [Bead(source: ls, target: lt, score: continuedCellScore)])
                k += 1
            } else {
                k = e
            }
        }
        return out
    }

    /// The score of a bead that pairs a cell with a cell and its rest (``cellsContinued(_:source:target:)``):
    /// the structure says it, not the lengths.
    static let continuedCellScore = 0.6

    /// A source table cmark-gfm reads as one paragraph (its delimiter row not matching its
    /// header, ``TableRows/isBrokenTable(_:lines:)``) that the translation wrote as a list, one
    /// item a row: the paragraph is left without a translation and every item without a
    /// counterpart, though all the rows are there (or it is paired with one of them). That
    /// paragraph and the items left alone around it (or paired with it), two or more, half of
    /// which at least share an anchor (number, code, link) or a Latin word with it, are one bead.
    /// The score of such a bead: below what the checks compare the contents of (a paragraph of
    /// rows against a list, the cells' markup and the rows' order are no translation's to keep).
    static let brokenSourceTableScore = 0.45

    static func brokenSourceTablesAsLists(_ beads: [Bead], source: Document, target: Document,
                                          sf: [BlockFeatures], tf: [BlockFeatures]) -> [Bead] {
        func items(_ b: Bead) -> Bool { b.target.allSatisfy { if case .list = tf[$0].kind { return true } else { return false } } }
        func addedItems(_ b: Bead) -> Bool { b.source.isEmpty && !b.target.isEmpty && items(b) }
        var out: [Bead] = []
        out.reserveCapacity(beads.count)
        var k = 0
        while k < beads.count {
            let bead = beads[k]
            // Cheap trigger: a source paragraph of three lines or more, alone or with items.
            guard bead.source.count == 1, case let p = bead.source[0], sf[p].kind == .text, sf[p].endLine - sf[p].line >= 2, items(bead),
                  TableRows.isBrokenTable(source.source, lines: sf[p].line...sf[p].endLine) else { out.append(bead); k += 1; continue }
            // The items added around it.
            var before = 0
            while before < out.count && addedItems(out[out.count - 1 - before]) { before += 1 }
            var e = k + 1
            while e < beads.count && addedItems(beads[e]) { e += 1 }
            let t = (out[(out.count - before)...].flatMap(\.target) + beads[k..<e].flatMap(\.target)).sorted()
            let anchors = Set(sf[p].anchors), words = Set(sf[p].latinWords)
            let sharing = t.filter { x in tf[x].anchors.contains(where: anchors.contains) || tf[x].latinWords.contains(where: words.contains) }.count
            guard t.count >= 2, 2 * sharing >= t.count else { out.append(bead); k += 1; continue }
            out.removeLast(before)
            out.append(Bead(source: [p], target: t, score: brokenSourceTableScore))
            k = e
        }
        return out
    }

    /// Sentences the sentence aligner left alone inside a pair of blocks that both sides
    /// translate, mended where the text says where they belong (the alone sentence of a
    /// translated paragraph is seldom a sentence the translator dropped, and a translation
    /// memory must not learn the pair beside it without it):
    /// - a source sentence alone next to a target sentence alone is one pair;
    /// - a sentence alone next to a pair joins it when that pair's other side holds an anchor
    ///   (number, code, Latin word) of the alone sentence that the pair's own side lacks, or else
    ///   when joining brings the two sides' lengths closer (by the pair's length ratio): the
    ///   translator merged two sentences into one, or split one in two.
    /// A mended pair is as sure as both beads together (the product of their scores, below a
    /// lone sentence's 0.5): exports that cut by sentence only where the alignment is confident
    /// fall back to the whole unit.
    static func mendLoneSentences(_ beads: [SentenceBead], _ source: [AlignSentence], _ target: [AlignSentence],
                                  ratio: Double) -> [SentenceBead] {
        func lone(_ b: SentenceBead) -> Bool { b.source.isEmpty != b.target.isEmpty }
        guard beads.contains(where: lone) else { return beads }
        // Lengths in source letters, as the sentence aligner counts them.
        func length(_ b: SentenceBead) -> (Double, Double) {
            (b.source.reduce(0.0) { $0 + Double(source[$1].letters) + 1 },
             b.target.reduce(0.0) { $0 + ratio * Double(target[$1].han) + Double(target[$1].letters) + 1 })
        }
        func join(_ a: SentenceBead, _ b: SentenceBead) -> SentenceBead {
            SentenceBead(source: a.source + b.source, target: a.target + b.target, score: a.score * b.score)
        }
        // Pairs of lone sentences of the two sides, side by side.
        var out: [SentenceBead] = []
        for b in beads {
            if let last = out.last, lone(last), lone(b), last.source.isEmpty != b.source.isEmpty {
                out[out.count - 1] = join(last, b)
            } else {
                out.append(b)
            }
        }
        // Anchors and Latin words of a bead's side.
        func marks(_ ids: [Int], _ side: [AlignSentence]) -> Set<String> {
            var found = Set<String>()
            for i in ids { found.formUnion(side[i].anchors); found.formUnion(side[i].latinWords) }
            return found
        }
        // Lone sentences into the neighbour that holds their anchors, or has room for them.
        var k = 0
        while k < out.count {
            guard lone(out[k]) else { k += 1; continue }
            let (ls, lt) = length(out[k])
            let aloneSource = !out[k].source.isEmpty
            let own = aloneSource ? marks(out[k].source, source) : marks(out[k].target, target)
            var best: (gain: Double, at: Int)? = nil
            for j in [k - 1, k + 1] where j >= 0 && j < out.count && !lone(out[j]) {
                let (s, t) = length(out[j])
                var gain = abs(log(s / t)) - abs(log((s + ls) / (t + lt)))
                if !own.isEmpty {
                    let (mine, other) = aloneSource ? (marks(out[j].source, source), marks(out[j].target, target))
                                                    : (marks(out[j].target, target), marks(out[j].source, source))
                    // Anchors that only the alone sentence accounts for: a sure sign, ranked first.
                    if !own.intersection(other).subtracting(mine).isEmpty { gain += 10 }
                }
                if gain > 0 && gain > (best?.gain ?? 0) { best = (gain, j) }
            }
            guard let (_, j) = best else { k += 1; continue }
            out[min(j, k)] = j < k ? join(out[j], out[k]) : join(out[k], out[j])
            out.remove(at: max(j, k))
            k = min(j, k) + 1
        }
        return out
    }

    /// The least score of a pair of blocks taken as moved (cost about 4: the kind, length and
    /// anchors agree; an unrelated pair costs more than the two blocks left apart).
    static let movedScore = 0.5

    /// The blocks left without a counterpart on both sides, aligned again among themselves: the
    /// pairs found with a good score are blocks moved out of order.
    func moved(_ beads: [Bead], _ sf: [BlockFeatures], _ tf: [BlockFeatures]) -> [Bead] {
        var ls: [Int] = [], lt: [Int] = []
        for b in beads where b.source.isEmpty != b.target.isEmpty {
            ls += b.source
            lt += b.target
        }
        guard !ls.isEmpty && !lt.isEmpty else { return [] }
        var out = DocumentAligner.pinnedRowsMoved(&ls, &lt, sf, tf)
        // Table cells alone on one side only (a column of code the source has as code-only
        // cells, no units, written as text): nothing of the other side is their row, and a long
        // run of them keeps the programme below from the paragraph that did move.
        func isCell(_ b: BlockFeatures) -> Bool { if case .cell = b.kind { return true } else { return false } }
        if !ls.contains(where: { isCell(sf[$0]) }) { lt.removeAll { isCell(tf[$0]) } }
        else if !lt.contains(where: { isCell(tf[$0]) }) { ls.removeAll { isCell(sf[$0]) } }
        guard !ls.isEmpty && !lt.isEmpty else { return out }
        for b in blocks.align(source: ls.map { sf[$0] }, target: lt.map { tf[$0] })
        where !b.source.isEmpty && !b.target.isEmpty && b.score >= DocumentAligner.movedScore {
            let s = b.source.map { sf[ls[$0]] }, t = b.target.map { tf[lt[$0]] }
            if DocumentAligner.sameContent(s, t) {
                out.append(Bead(source: b.source.map { ls[$0] }, target: b.target.map { lt[$0] }, score: b.score))
            }
        }
        return out
    }

    /// The score of a pair of cells of two rows a key cell pins to each other
    /// (``BlockAligner/pinnedRows(_:_:_:_:)``), moved: the name says which row it is, not the
    /// contents, so it is as sure as a pair whose contents the checks compare, no more.
    static let pinnedRowScore = 0.8

    /// Table rows left alone on both sides that a key cell pins to each other (a name or code
    /// token no other cell of either side holds: `ResNet50_vd` in both), wherever each stands:
    /// a row the translation wrote in another place of its table, or a table it moved. Their
    /// cells pair column by column as moved pairs and leave the lists of blocks alone; cells
    /// with no cell of their column on the other side stay there. The banded programme that
    /// finds other moved blocks cannot reach a row moved far.
    static func pinnedRowsMoved(_ ls: inout [Int], _ lt: inout [Int], _ sf: [BlockFeatures], _ tf: [BlockFeatures]) -> [Bead] {
        func isCell(_ b: BlockFeatures) -> Bool { if case .cell = b.kind { return true } else { return false } }
        // Cheap trigger: cells alone on both sides.
        guard ls.contains(where: { isCell(sf[$0]) }), lt.contains(where: { isCell(tf[$0]) }) else { return [] }
        let sr = BlockAligner.rowIDs(sf), tr = BlockAligner.rowIDs(tf)
        let pins = BlockAligner.pinnedRows(sf, tf, sr, tr)
        guard !pins.source.isEmpty else { return [] }
        // The alone cells of each row, by row.
        var sCells: [Int: [Int]] = [:], tCells: [Int: [Int]] = [:]
        for x in ls where sr[x] >= 0 && pins.source[sr[x]] != nil { sCells[sr[x], default: []].append(x) }
        guard !sCells.isEmpty else { return [] }
        for x in lt where tr[x] >= 0 && pins.target[tr[x]] != nil { tCells[tr[x], default: []].append(x) }
        func column(_ b: BlockFeatures) -> Int { if case .cell(_, let c) = b.kind { return c } else { return -1 } }
        var out: [Bead] = []
        var usedS = Set<Int>(), usedT = Set<Int>()
        for (row, cells) in sCells {
            guard let other = pins.source[row], let targets = tCells[other] else { continue }
            for x in cells {
                guard let y = targets.first(where: { column(tf[$0]) == column(sf[x]) }) else { continue }
                out.append(Bead(source: [x], target: [y], score: pinnedRowScore))
                usedS.insert(x)
                usedT.insert(y)
            }
        }
        guard !out.isEmpty else { return [] }
        out.sort { $0.source[0] < $1.source[0] }
        ls.removeAll(where: usedS.contains)
        lt.removeAll(where: usedT.contains)
        return out
    }

    /// Out of order, length and kind say nothing: blocks count as the same only on evidence
    /// they share. The same text or heading id; for a translation, an anchor (number, code,
    /// link) or a Latin word kept from the source; English beside English, the same words, half
    /// of them at least (an old paragraph beside the new version of it, not a new sentence
    /// about the same API). In a merge, every block shares some with the other side (a block
    /// merged in for its length alone may be missing).
    static func sameContent(_ s: [BlockFeatures], _ t: [BlockFeatures]) -> Bool {
        if s.count == 1, t.count == 1, !s[0].key.isEmpty, s[0].key == t[0].key { return true }
        if s.count == 1, t.count == 1, let id = s[0].headingID, id == t[0].headingID { return true }
        let sw = Set(s.flatMap(\.latinWords)), tw = Set(t.flatMap(\.latinWords))
        let sa = Set(s.flatMap(\.anchors)), ta = Set(t.flatMap(\.anchors))
        func shares(_ b: BlockFeatures, _ words: Set<String>, _ anchors: Set<String>) -> Bool {
            b.latinWords.contains(where: words.contains) || b.anchors.contains(where: anchors.contains)
        }
        guard s.allSatisfy({ shares($0, tw, ta) }), t.allSatisfy({ shares($0, sw, sa) }) else { return false }
        if t.allSatisfy({ $0.han == 0 }) {
            let shared = sw.intersection(tw).count
            return shared >= 2 && 2 * shared >= min(sw.count, tw.count)
        }
        return true
    }
}
