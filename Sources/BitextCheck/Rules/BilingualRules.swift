import Foundation
import BitextAlign
import BitextMarkdown
import BitextText

/// `same-as-source`: a target unit identical to its source unit, when it is more than names,
/// numbers or code (those rightly stay the same). `untranslated` wins when both apply.
public struct SameAsSourceRule: Rule {
    public let id = "same-as-source"
    public let defaultSeverity = Severity.warning
    public let summary = "Bilingual: a target unit identical to its source unit, when it is prose no other rule reported (never names, identifiers, links, alt text, code or figures)."
    public let isBilingual = true
    public var examples: [RuleExample] {
        [
            RuleExample("我们用 props 和 state 管理数据。\n\n## ↓Sharing state between components\n",
                        source: "We manage data with props and state.\n\n## Sharing state between components\n",
                        settings: ["off": "untranslated"]),
            RuleExample("我们用 props 和 state 管理数据。\n\n## Sharing state between components\n",
                        source: "We manage data with props and state.\n\n## Sharing state between components\n"),
            RuleExample("我们用 props 和 state 管理数据。\n\n## props vs state\n", source: "We manage data with props and state.\n\n## props vs state\n"),
            RuleExample("| 参数 | 说明 |\n| --- | --- |\n| placement | 位置 |\n| loading | 加载中 |\n",
                        source: "| Property | Description |\n| --- | --- |\n| placement | Where |\n| loading | Loading |\n"),
            RuleExample("# ChatGPT\n", source: "# ChatGPT\n"),
            RuleExample("| 版本 |\n| --- |\n| 18.2 |\n", source: "| Version |\n| --- |\n| 18.2 |\n"),
        ]
    }

    public init() {}

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self), let p = c.pairing else { return }
        let labelRule = c.settings.severity(UntranslatedLabelRule()) != nil
        let untranslatedRule = c.settings.severity(UntranslatedRule()) != nil
        for bead in p.alignment.beads where bead.source.count == 1 && bead.target.count == 1 {
            guard let t = c.document.unitIndex(block: bead.target[0]), let s = p.source.unitIndex(block: bead.source[0]) else { continue }
            let tu = c.document.units[t], su = p.source.units[s]
            guard tu.plainText == su.plainText else { continue }
            // Only prose the language rules have not reported already: never names, identifiers,
            // code, links, alt text, figures, the keywords of the page's code or units kept by
            // the document's evidence.
            let a = c.analyses[t]
            guard !a.isNote, let stretch = a.stretches.first, stretch.isWholeUnit, stretch.isProse,
                  !UntranslatedAltRule.isAltText(c, t), !UntranslatedLabelRule.isKeywordOfPageCode(c, t) else { continue }
            if stretch.isLabel ? labelRule : (untranslatedRule && UntranslatedRule.isUntranslated(c, t)) { continue }
            emit(c.finding(self, severity: severity, unit: t, range: 0..<tu.text.count,
                           message: c.messages.text("same-as-source", ["line": String(su.start.line)]),
                           details: [("sourceLine", .int(su.start.line)), ("evidence", .string(stretch.evidence.rawValue))]))
        }
    }
}

/// Blocks the alignment left without a counterpart that are not missing or extra after all:
/// table cells of a column the other side added or dropped (the rest of their row is aligned),
/// a variant that repeats the text of an aligned block (platform or version variants inside
/// conditional content), and a source and a target block in the same gap that share a code
/// span or a link destination (the aligner missed the pair: they re-anchor on it), and blocks
/// the aligner found moved out of order (``Alignment/moved``), a moved table cell with its row,
/// a heading with the explicit id of a heading of the other side, a standalone image with
/// the source of one of the other side, and a target block split off the source block of the
/// aligned bead beside it (``explainSplits(_:_:_:explained:)``).
struct UnpairedBlocks {
    /// Source units that are not missing.
    var explainedSource = Set<Int>()
    /// Target units that are not extra.
    var explainedTarget = Set<Int>()
    /// The row of each table cell (a number per table and row), on each side: a row missing or
    /// extra is reported once, not once per cell.
    let sourceRows: [Int: Int], targetRows: [Int: Int]

    init(_ c: FileContext, _ p: Pairing) {
        let beads = p.alignment.beads
        let source = p.source, target = c.document
        var alignedSource = Set<Int>(), alignedTarget = Set<Int>()
        for b in beads where !b.source.isEmpty && !b.target.isEmpty {
            for x in b.source { if let u = source.unitIndex(block: x) { alignedSource.insert(u) } }
            for x in b.target { if let u = target.unitIndex(block: x) { alignedTarget.insert(u) } }
        }
        // Table rows: a cell whose row has another aligned cell belongs to an added or dropped column.
        func rows(_ d: Document) -> [Int: Int] {
            var out: [Int: Int] = [:]
            for (t, table) in Segmenter.tables(d.units).enumerated() {
                for k in table { if case .tableCell(let row, _) = d.units[k].kind { out[k] = t * 100_000 + row } }
            }
            return out
        }
        // HTML tables' rows too (`<tr>`), as the aligner reads them (``BlockFeatures/HTMLCells``).
        func htmlRows(_ d: Document, _ out: inout [Int: Int]) {
            guard d.units.contains(where: { if case .html(let tag) = $0.kind { return BlockFeatures.HTMLCells.isCell(tag) }; return false }) else { return }
            for (k, r) in BlockFeatures.HTMLCells.rows(d) where out[k] == nil { out[k] = 50_000_000 + r }
        }
        var sr = rows(source), tr = rows(target)
        htmlRows(source, &sr)
        htmlRows(target, &tr)
        sourceRows = sr
        targetRows = tr
        // A row is aligned when a cell of it pairs with a cell of a row of the other side whose
        // paired cells all come from this row: a row of the translation made of cells of two
        // source rows is no pairing (the first cell of a row the translation dropped paired with
        // the next row's first cell, the next row's value with its own), so the cells left over
        // are no column dropped.
        // (A cell paired with a block that is no cell aligns its row as before.)
        var partnersOfSourceRow: [Int: Set<Int>] = [:], partnersOfTargetRow: [Int: Set<Int>] = [:]
        var alignedSourceRows = Set<Int>(), alignedTargetRows = Set<Int>()
        for b in beads where !b.source.isEmpty && !b.target.isEmpty {
            let ss = b.source.compactMap { source.unitIndex(block: $0) }.compactMap { sourceRows[$0] }
            let ts = b.target.compactMap { target.unitIndex(block: $0) }.compactMap { targetRows[$0] }
            if ss.isEmpty || ts.isEmpty || b.source.count > 1 || b.target.count > 1 {
                alignedSourceRows.formUnion(ss)
                alignedTargetRows.formUnion(ts)
                continue
            }
            partnersOfSourceRow[ss[0], default: []].insert(ts[0])
            partnersOfTargetRow[ts[0], default: []].insert(ss[0])
        }
        for (rs, partners) in partnersOfSourceRow where partners.contains(where: { partnersOfTargetRow[$0] == [rs] }) {
            alignedSourceRows.insert(rs)
        }
        for (rt, partners) in partnersOfTargetRow where partners.contains(where: { partnersOfSourceRow[$0] == [rt] }) {
            alignedTargetRows.insert(rt)
        }
        // Texts of aligned units, for variants.
        let alignedSourceTexts = Set(alignedSource.map { source.units[$0].plainText })
        let alignedTargetTexts = Set(alignedTarget.map { target.units[$0].plainText })

        var gapSource: [Int] = [], gapTarget: [Int] = []
        var unpairedSource: [Int] = [], unpairedTarget: [Int] = []
        func closeGap() {
            defer { gapSource = []; gapTarget = [] }
            guard !gapSource.isEmpty && !gapTarget.isEmpty else { return }
            let ts = gapTarget.map { UnpairedBlocks.anchors(target.units[$0]) }
            for s in gapSource {
                let sa = UnpairedBlocks.anchors(source.units[s])
                guard !sa.isEmpty else { continue }
                for (i, t) in gapTarget.enumerated() where !ts[i].isDisjoint(with: sa) {
                    explainedSource.insert(s)
                    explainedTarget.insert(t)
                }
            }
        }
        for b in beads {
            let su = b.source.compactMap { source.unitIndex(block: $0) }
            let tu = b.target.compactMap { target.unitIndex(block: $0) }
            if !b.source.isEmpty && !b.target.isEmpty { closeGap(); continue }
            for s in su {
                if let r = sourceRows[s], alignedSourceRows.contains(r) { explainedSource.insert(s) }
                if alignedSourceTexts.contains(source.units[s].plainText) { explainedSource.insert(s) }
                gapSource.append(s)
                unpairedSource.append(s)
            }
            for t in tu {
                if let r = targetRows[t], alignedTargetRows.contains(r) { explainedTarget.insert(t) }
                if alignedTargetTexts.contains(target.units[t].plainText) { explainedTarget.insert(t) }
                gapTarget.append(t)
                unpairedTarget.append(t)
            }
        }
        closeGap()
        // Blocks the aligner found moved out of order; a moved cell takes the rest of its row.
        var movedSourceRows = Set<Int>(), movedTargetRows = Set<Int>()
        for b in p.alignment.moved {
            for x in b.source { if let u = source.unitIndex(block: x) { explainedSource.insert(u); if let r = sourceRows[u] { movedSourceRows.insert(r) } } }
            for x in b.target { if let u = target.unitIndex(block: x) { explainedTarget.insert(u); if let r = targetRows[u] { movedTargetRows.insert(r) } } }
        }
        let unpairedSourceSet = Set(unpairedSource), unpairedTargetSet = Set(unpairedTarget)
        for s in unpairedSource { if let r = sourceRows[s], movedSourceRows.contains(r) { explainedSource.insert(s) } }
        for t in unpairedTarget { if let r = targetRows[t], movedTargetRows.contains(r) { explainedTarget.insert(t) } }
        // A heading with the explicit id of a source heading translates it, wherever the aligner
        // put it: also when the source heading is code only and so no unit (`## \`useSlots()\`
        // & \`useAttrs()\` {#useslots-useattrs}` beside `## \`useSlots()\` 和 \`useAttrs()\``).
        var sourceIDs: [String: Int]? = nil
        for t in unpairedTarget where !explainedTarget.contains(t) {
            guard let id = target.headingID(t)?.id, !id.isEmpty else { continue }
            if sourceIDs == nil {
                sourceIDs = [:]
                for s in source.units.indices { if let sid = source.headingID(s)?.id { sourceIDs![sid] = s } }
            }
            if let s = sourceIDs![id] {
                explainedTarget.insert(t)
                explainedSource.insert(s)
            } else if source.anchorHeadings.contains(where: { source.headingID(of: $0)?.id == id }) {
                explainedTarget.insert(t)
            }
        }
        UnpairedBlocks.explainImages(unpairedTarget, in: target, explained: &explainedTarget, other: source)
        UnpairedBlocks.explainImages(unpairedSource, in: source, explained: &explainedSource, other: target)
        UnpairedBlocks.explainSplits(beads, c, p, explained: &explainedTarget)
        UnpairedBlocks.explainFolds(beads, c, p, explained: &explainedSource)
        UnpairedBlocks.explainSilentBlocks(beads, c, p, explained: &explainedTarget)
        // A table written as a list has no header row: its header's cells are no translation missing.
        for t in TableShapes.asLists(p, target) { explainedSource.formUnion(t.header) }
        // A section moved with its heading takes its body along: what is left unpaired under the
        // two headings pairs in order, block by block of the same kind (a paragraph with a
        // paragraph, a table cell with the cell of the same row and column), as changed text,
        // not a gap here and an addition there. What has no block of its kind stays reported.
        for b in p.alignment.moved {
            guard b.source.count == 1, b.target.count == 1,
                  let hs = source.unitIndex(block: b.source[0]), let ht = target.unitIndex(block: b.target[0]),
                  case .heading(let ls) = source.units[hs].kind, case .heading(let lt) = target.units[ht].kind else { continue }
            let bodyS = UnpairedBlocks.section(source, hs, level: ls).filter { unpairedSourceSet.contains($0) && !explainedSource.contains($0) }
            var bodyT = UnpairedBlocks.section(target, ht, level: lt).filter { unpairedTargetSet.contains($0) && !explainedTarget.contains($0) }
            for s in bodyS {
                guard let i = bodyT.firstIndex(where: { target.units[$0].kind == source.units[s].kind }) else { continue }
                explainedSource.insert(s)
                explainedTarget.insert(bodyT[i])
                bodyT.removeSubrange(...i)
            }
        }
    }

    /// Target units the translation split off a long source block, finer than the aligner's
    /// beads go (a table cell holding a list, written as list items; a long paragraph cut in
    /// three): every Latin word of the unit (two or more distinct, function words aside; the
    /// aligner's ``BlockFeatures``) is a word of the source of the aligned bead just before or
    /// after it, and that source still has room for the unit (two letters or more for each Han
    /// character of the bead's translation with the unit added). Its words say whose
    /// translation it is; the room, that it is not an addition that merely names the same things.
    static func explainSplits(_ beads: [Bead], _ c: FileContext, _ p: Pairing, explained: inout Set<Int>) {
        let source = p.source, target = c.document
        let functionWords = c.settings.source.functionWords
        /// An aligned bead's source words and letters, and the Han characters of its translation
        /// with the units explained as split off it so far.
        struct Room { var words: Set<String>; var letters: Int; var han: Int }
        var rooms: [Int: Room] = [:]
        func room(_ i: Int) -> Room {
            if let r = rooms[i] { return r }
            var r = Room(words: [], letters: 0, han: 0)
            for x in beads[i].source {
                guard let u = source.unitIndex(block: x) else { continue }
                let f = BlockFeatures.unit(source.units[u], p.sourceAnalyses[u], functionWords: functionWords)
                r.words.formUnion(f.latinWords)
                r.letters += f.letters
            }
            for x in beads[i].target {
                guard let u = target.unitIndex(block: x) else { continue }
                r.han += BlockFeatures.unit(target.units[u], c.analyses[u], functionWords: functionWords).han
            }
            rooms[i] = r
            return r
        }
        func aligned(_ b: Bead) -> Bool { !b.source.isEmpty && !b.target.isEmpty }
        var next = [Int?](repeating: nil, count: beads.count)
        var following: Int? = nil
        for i in beads.indices.reversed() {
            next[i] = following
            if aligned(beads[i]) { following = i }
        }
        var previous: Int? = nil
        for (i, b) in beads.enumerated() {
            if aligned(b) { previous = i; continue }
            for x in b.target {
                guard let t = target.unitIndex(block: x), !explained.contains(t) else { continue }
                let f = BlockFeatures.unit(target.units[t], c.analyses[t], functionWords: functionWords)
                let words = Set(f.latinWords)
                guard words.count >= 2 else { continue }
                for j in [previous, next[i]].compactMap({ $0 }) {
                    var r = room(j)
                    guard words.isSubset(of: r.words), r.letters >= 2 * (r.han + f.han) else { continue }
                    r.han += f.han
                    rooms[j] = r
                    explained.insert(t)
                    break
                }
            }
        }
    }

    /// Target units that translate a source block with nothing to translate, and so no unit
    /// (``Document/silentBlocks``: a paragraph that is only a bare URL or inline code): the
    /// translation wrote it with a few words of Chinese around it. A target unit the alignment
    /// left unpaired is that block's when the block lies in the same gap of the source (between
    /// the source blocks of the aligned beads around the unit) and the two share a link
    /// destination (the same page, maybe localised: ``samePage(_:_:map:)``), an inline code span,
    /// or all their letters and digits outside Chinese. Each source block explains one unit at
    /// most, the first in order.
    static func explainSilentBlocks(_ beads: [Bead], _ c: FileContext, _ p: Pairing, explained: inout Set<Int>) {
        let silent = p.source.silentBlocks
        guard !silent.isEmpty else { return }
        let source = p.source, target = c.document
        var used = Set<Int>()
        var lowLine = 0  // the last source line of the aligned bead before the gap
        var waiting: [Int] = []  // unexplained target units of the current gap
        func closeGap(before highLine: Int) {
            defer { waiting = [] }
            guard !waiting.isEmpty else { return }
            let inGap = silent.indices.filter { silent[$0].start.line > lowLine && silent[$0].end.line < highLine && !used.contains($0) }
            guard !inGap.isEmpty else { return }
            for t in waiting {
                let tu = target.units[t]
                guard let k = inGap.first(where: { !used.contains($0) && sharesEvidence(silent: silent[$0], tu, map: c.settings.linkMap) }) else { continue }
                used.insert(k)
                explained.insert(t)
            }
        }
        for b in beads {
            if !b.source.isEmpty && !b.target.isEmpty {
                closeGap(before: source.lines(ofBlock: b.source[0]).lowerBound)
                lowLine = b.source.map { source.lines(ofBlock: $0).upperBound }.max() ?? lowLine
                continue
            }
            for x in b.target {
                if let t = target.unitIndex(block: x), !explained.contains(t) { waiting.append(t) }
            }
        }
        closeGap(before: Int.max)
    }

    /// True when a block with nothing to translate and a target unit share a link destination,
    /// an inline code span (three characters or more), or every letter and digit outside Han.
    static func sharesEvidence(silent s: BitextMarkdown.Unit, _ t: BitextMarkdown.Unit, map: [(source: String, target: String)]) -> Bool {
        let sa = anchors(s)
        if !sa.isEmpty && !sa.isDisjoint(with: anchors(t)) { return true }
        let tl = t.linkTargets.map(\.destination).filter { !$0.isEmpty && !$0.hasPrefix("#") }
        for l in s.linkTargets where !l.destination.isEmpty && !l.destination.hasPrefix("#") {
            if tl.contains(where: { samePage(l.destination, $0, map: map) }) { return true }
        }
        /// Letters and digits a reader reads outside Han, lowercased.
        func latin(_ u: BitextMarkdown.Unit) -> [UInt32] {
            var out: [UInt32] = []
            for (k, c) in u.text.enumerated() where u.roles[k].isRead && c < 0x80 {
                if c >= 0x30 && c <= 0x39 || c >= 0x61 && c <= 0x7A { out.append(c) } else if c >= 0x41 && c <= 0x5A { out.append(c | 0x20) }
            }
            return out
        }
        let sl = latin(s)
        return sl.count >= 2 && sl == latin(t)
    }

    /// True when two link destinations name the same page: the same after the `links:` mapping,
    /// or after spelling that does not change where a link goes (scheme, host beside a
    /// site-absolute path, relative beside absolute) and locale labels (`select` beside
    /// `select-cn`), with the same fragment (its letter case aside). In-page anchors alone are
    /// not enough.
    static func samePage(_ a: String, _ b: String, map: [(source: String, target: String)]) -> Bool {
        if a == b { return true }
        let m = LinkComparison.mapped(a, map)
        if m == b { return true }
        let (ap, af) = LinkComparison.split(m), (bp, bf) = LinkComparison.split(b)
        guard !ap.isEmpty, !bp.isEmpty,
              af.map(DocumentAnchors.key) == bf.map(DocumentAnchors.key) || bf.map(LinkComparison.hasNonASCII) == true else { return false }
        if LinkComparison.trivial(ap) == LinkComparison.trivial(bp) || LinkComparison.sameRelative(ap, bp) { return true }
        let x = LinkComparison.delocalised(bp.hasPrefix("/") ? LinkComparison.sitePath(ap) ?? ap : ap)
        let y = LinkComparison.delocalised(ap.hasPrefix("/") ? LinkComparison.sitePath(bp) ?? bp : bp)
        return !x.isEmpty && x == y
    }

    /// The units under heading `k` of `level`, up to the next heading of that level or higher.
    static func section(_ d: Document, _ k: Int, level: Int) -> [Int] {
        var out: [Int] = []
        var i = k + 1
        while i < d.units.count {
            if case .heading(let l) = d.units[i].kind, l <= level { break }
            out.append(i)
            i += 1
        }
        return out
    }

    /// Images that stand alone are the same image on both sides when their sources are the same
    /// (the alt text may have changed), wherever the aligner put them: an unpaired one whose
    /// source a standalone image of the other side has is neither missing nor extra.
    static func explainImages(_ unpaired: [Int], in d: Document, explained: inout Set<Int>, other: Document) {
        var otherImages: Set<Set<String>>? = nil
        for k in unpaired where !explained.contains(k) && d.units[k].kind == .altText {
            let a = anchors(d.units[k])
            guard !a.isEmpty else { continue }
            if otherImages == nil { otherImages = Set(other.units.filter { $0.kind == .altText }.map { anchors($0) }) }
            if otherImages!.contains(a) { explained.insert(k) }
        }
    }

    /// Inline code spans (three characters or more) and link destinations of a unit.
    static func anchors(_ u: BitextMarkdown.Unit) -> Set<String> { Set(anchorList(u)) }

    /// A unit's code spans of three characters or more and its link destinations (not `#…`), in
    /// order, each as often as it is written.
    static func anchorList(_ u: BitextMarkdown.Unit) -> [String] {
        var out: [String] = []
        var k = 0
        while k < u.text.count {
            guard u.roles[k] == .code else { k += 1; continue }
            var e = k
            while e < u.text.count && u.roles[e] == .code { e += 1 }
            if e - k >= 3 { out.append(u.string(k..<e)) }
            k = e
        }
        for l in u.links where !l.destination.isEmpty && !l.destination.hasPrefix("#") { out.append(l.destination) }
        return out
    }

    /// Source units the translation folded into the translation of an aligned bead beside them:
    /// a short list written into the paragraph or item before it (`Fill in:` and its items as one
    /// sentence), an item joined to the one before. In a run of unpaired source units (paragraphs,
    /// list items, quotes; no heading among them), a unit is the bead's when the translation of
    /// the aligned bead just before or after the run writes every anchor of it (``anchors(_:)``:
    /// its code spans and link destinations) more times than that bead's source does, each
    /// writing taken by one unit only. A unit with no anchor goes with them when another unit of
    /// its run folded and it is short: a lead-in ending in `:`, or a few words (`- Bot name`);
    /// and so does a lead-in paragraph ending in `:` right before an aligned bead that pairs two
    /// list items or more with one paragraph (the list written as prose). A unit whose code the
    /// translation does not write beside it (`- Basic knowledge of `Kotlin`.` dropped) stays
    /// missing.
    static func explainFolds(_ beads: [Bead], _ c: FileContext, _ p: Pairing, explained: inout Set<Int>) {
        let source = p.source, target = c.document
        // Per aligned bead: the anchors its translation writes beyond its source's, and how often.
        var spare: [Int: [String: Int]] = [:]
        func spareAnchors(_ i: Int) -> [String: Int] {
            if let m = spare[i] { return m }
            var m: [String: Int] = [:]
            for x in beads[i].target { if let u = target.unitIndex(block: x) { for a in anchorList(target.units[u]) { m[a, default: 0] += 1 } } }
            for x in beads[i].source { if let u = source.unitIndex(block: x) { for a in anchorList(source.units[u]) where m[a] != nil { m[a]! -= 1 } } }
            m = m.filter { $0.value > 0 }
            spare[i] = m
            return m
        }
        func foldable(_ k: UnitKind) -> Bool {
            switch k { case .paragraph, .listItem, .quote: return true; default: return false }
        }
        func isLeadIn(_ u: BitextMarkdown.Unit) -> Bool {
            let text = u.plainText.trimmingCharacters(in: .whitespacesAndNewlines)
            return text.hasSuffix(":") || text.hasSuffix("：")
        }
        func isShort(_ u: BitextMarkdown.Unit) -> Bool {
            let words = u.plainText.split(separator: " ").count
            return words <= 3 || (words <= 8 && isLeadIn(u))
        }
        var previous: Int? = nil
        var run: [Int] = []
        func closeRun(next: Int?) {
            defer { run = [] }
            guard !run.isEmpty, run.allSatisfy({ foldable(source.units[$0].kind) }) else { return }
            var folded = false
            var bare: [Int] = []
            for s in run where !explained.contains(s) {
                let anchors = Array(Set(anchorList(source.units[s]))).sorted()
                if anchors.isEmpty { bare.append(s); continue }
                for j in [previous, next].compactMap({ $0 }) {
                    var m = spareAnchors(j)
                    guard anchors.allSatisfy({ (m[$0] ?? 0) > 0 }) else { continue }
                    for a in anchors { m[a]! -= 1 }
                    spare[j] = m
                    explained.insert(s)
                    folded = true
                    break
                }
            }
            if folded { for s in bare where isShort(source.units[s]) { explained.insert(s) } }
            // The lead-in of a list the translation wrote as a paragraph: the next bead pairs
            // two items of the list or more with one paragraph, which says what the lead-in
            // says (`For example:` → `如，…`). (One item beside one paragraph says nothing.)
            if let s = run.last, !explained.contains(s), let j = next, isShort(source.units[s]), isLeadIn(source.units[s]),
               case .paragraph = source.units[s].kind {
                let su = beads[j].source.compactMap { source.unitIndex(block: $0) }
                let tu = beads[j].target.compactMap { target.unitIndex(block: $0) }
                if su.count >= 2, su.allSatisfy({ if case .listItem = source.units[$0].kind { return true }; return false }),
                   tu.count == 1, target.units[tu[0]].kind == .paragraph {
                    explained.insert(s)
                }
            }
        }
        for (i, b) in beads.enumerated() {
            if !b.source.isEmpty && !b.target.isEmpty { closeRun(next: i); previous = i; continue }
            for x in b.source { if let u = source.unitIndex(block: x) { run.append(u) } }
        }
        closeRun(next: nil)
    }
}

/// `missing-translation`: a source unit with no counterpart in the translation.
public struct MissingTranslationRule: Rule {
    public let id = "missing-translation"
    public let defaultSeverity = Severity.warning
    public let summary = "Bilingual: a source unit with no counterpart in the translation, or a sentence dropped from inside a paragraph it translates (reported where it should be), or a negation lost from a sentence translated one to one, or cells of words two table rows swapped, or two columns of a row."
    public let isBilingual = true
    public var examples: [RuleExample] {
        [
            RuleExample("# 导言\n\n第一段。\n\n↓第三段。\n",
                        source: "# Introduction\n\nThe first paragraph.\n\nThe second paragraph, which the translator skipped entirely.\n\nThe third paragraph.\n"),
            RuleExample("# 导言\n\n第一段。\n", source: "# Introduction\n\nThe first paragraph.\n"),
            RuleExample("| 中文 |\n| --- |\n| 二叉树 |\n", source: "| English | Chinese |\n| --- | --- |\n| binary tree | 二叉树 |\n"),
            // A cell of code alone written without its backticks: that cell, not an addition.
            RuleExample("| 变量 | 示例 |\n| --- | --- |\n| `JOBS` | 4 |\n| `HOME` | `/srv/app` |\n",
                        source: "| Variable | Example |\n| --- | --- |\n| `JOBS` | `4` |\n| `HOME` | `/srv/app` |\n"),
            // A row: one finding, not one per cell.
            RuleExample("| 参数 | 说明 |\n| --- | --- |\n| size | 按钮大小 |\n| ↓danger | 是否为危险按钮 |\n",
                        source: "| Property | Description |\n| --- | --- |\n| size | The size of the button |\n| loading | Whether the button shows a spinner |\n| danger | Whether the button is dangerous |\n"),
            // The rows of an option table are named by their first cells, code only (no units):
            // the row dropped is the one whose code the translation lacks, though the next row's
            // code changed too (reported at the next row, where it should be).
            RuleExample("| 标志 | 含义 |\n| --- | --- |\n| `-q`, `--quiet` | 只打印错误。 |\n| `-j`, `--job=<count>` | ↓同时运行这么多个工作进程。 |\n| `-V`, `--version` | 打印版本号并退出。 |\n",
                        source: "| Flag | Meaning |\n| --- | --- |\n| `-q`, `--quiet` | Print nothing but errors. |\n| `--dry-run` | Show what would change without writing any file. |\n| `-j`, `--jobs=<count>` | Run this many workers at once. |\n| `-V`, `--version` | Print the version and exit. |\n"),
            // Items of a list by the code they hold: the item dropped beside one whose code the
            // translation changed.
            RuleExample("# 调优\n\n- 先用默认设置跑一遍基准测试。\n- 要得到稳定的结果，请设置 `seed=7`。\n- ↓把日志级别调到 `warn`，减少输出。\n",
                        source: "# Tuning\n\n- Run the benchmark once with the default settings.\n- Set `seed=42` to get results you can reproduce from one run to the next.\n- Raise the cache size before you measure anything that reads from disk.\n- Set the log level to `warn` to cut the output down.\n"),
            // A short last item dropped: missing, not merged into the item before it (reported at its end).
            RuleExample("# 准备\n\n开始之前，你需要：\n\n- 一台装有 Android Studio 的电脑。\n- 一部运行 Android 10 或更高版本的手机↓。\n",
                        source: "# Before you start\n\nBefore you start, you need:\n\n- A computer with Android Studio installed.\n- A phone running Android 10 or later, with developer options turned on.\n- Basic knowledge of Kotlin.\n"),
            // A numbered list written as lines of one paragraph: the item the aligner left alone
            // has its code there.
            RuleExample("# 登录\n\n启动任务时，可以通过三种方式登录镜像仓库：\n\n方式一：在任务文件中加入 `registry_token=<token>`，并设为你的[访问令牌](https://registry.example.com/tokens)。\n方式二：将环境变量 `REGISTRY_TOKEN` 设为你的[访问令牌](https://registry.example.com/tokens)。\n方式三：启动前运行 `registry login` 命令完成登录。\n\n## 后续步骤\n\n阅读指南。\n",
                        source: "# Login\n\nYou can sign in to the registry in three ways when a job starts:\n\n1. Add `registry_token=<token>` to the job file, and set it to your [access token](https://registry.example.com/tokens).\n2. Set the environment variable `REGISTRY_TOKEN` to your [access token](https://registry.example.com/tokens).\n3. Run the `registry login` command to sign in.\n\n## Next steps\n\nRead the guide.\n"),
            // An item dropped whose words and code the paragraph beside it does not say: missing.
            RuleExample("# 登录\n\n如果你已经有账号，直接用它登录。\n\n↓然后打开控制面板。\n",
                        source: "# Sign in\n\nIf you already have an account, sign in with it.\n\n- If not, create a new account and choose the personal version.\n\nThen open the control panel.\n"),
            // A list written as one sentence, its lead-in with it.
            RuleExample("# 下载\n\n选择适合你系统的安装包。\n\n例如，Linux 用户下载 `tool_1.2_amd64.deb`，macOS 用户下载 `tool_1.2_arm64.dmg`，Windows 用户下载 `tool_1.2_x64.exe`。\n\n运行安装包并按步骤操作。\n",
                        source: "# Downloads\n\nPick the installer for your system.\n\nFor example:\n\n- Linux users: `tool_1.2_amd64.deb`\n- macOS users: `tool_1.2_arm64.dmg`\n- Windows users: `tool_1.2_x64.exe`\n\nRun the installer and follow its steps.\n"),
            // An item dropped whose code the translation writes nowhere beside it: missing.
            RuleExample("# 选项\n\n首次运行前请设置以下选项：\n\n- `cache_dir`：下载文件的保存位置↓。\n\n然后启动服务。\n",
                        source: "# Options\n\nSet these options before the first run:\n\n- `cache_dir`: where downloads are kept.\n- `retries`: how many times a failed download is tried again.\n\nThen start the service.\n"),
            // A section put in another place: moved, not missing here and extra there.
            RuleExample("# 样式\n\n## 层 {#layers}\n\n用 `@layer` 把样式放进级联层。\n\n## 前缀 {#prefixes}\n\n`autoPrefixer` 转换器会加上浏览器前缀。\n",
                        source: "# Styles\n\n## Prefixes {#prefixes}\n\nThe `autoPrefixer` transformer adds browser prefixes.\n\n## Layers {#layers}\n\nStyles can be put in a cascade layer with `@layer`.\n"),
            // A section moved with its heading takes its body along, though the body shares no
            // word, number or code with the source's.
            RuleExample("# 常见问题\n\n## 安装 {#install}\n\n用 `npm install` 安装这个包。\n\n## 镜像 {#mirror}\n\n有的，国内可以访问镜像站点，速度更快。\n\n## 升级 {#upgrade}\n\n升级前请先阅读迁移文档，再运行 `migrate` 脚本。\n\n## 主题 {#theme}\n\n用 `ConfigProvider` 设置主题。\n",
                        source: "# FAQ\n\n## Install {#install}\n\nInstall the package with `npm install`.\n\n## Upgrade {#upgrade}\n\nBefore you upgrade, read the migration guide, then run the `migrate` script.\n\n## Theme {#theme}\n\nSet the theme with `ConfigProvider`.\n\n## Mirror {#mirror}\n\nYes, there is a faster mirror site in China.\n"),
            // The source heading is code only (no text to translate), the translation's has a
            // word of Chinese: the same explicit id says it is its translation.
            RuleExample("# 组合式 API\n\n## `useSlots()` 和 `useAttrs()` {#use-slots-attrs}\n\n在组件中使用插槽和属性。\n",
                        source: "# Composition API\n\n## `useSlots()` & `useAttrs()` {#use-slots-attrs}\n\nUse slots and attributes in a component.\n"),
            // A list's last item (or a table's last row) left out: reported at the end of the item
            // before it, not in the paragraph after the list.
            RuleExample("- 第一项很短。\n- 第二项也很短↓。\n\n列表后面是一段结尾的话。\n",
                        source: "- The first item is short.\n- The second item is also short.\n- The third item was dropped by the translator.\n\nA closing paragraph follows the list here.\n"),
            // A sentence dropped from inside a paragraph: its words find no translation there while
            // its neighbours' do (reported where it belongs, before the next sentence's translation).
            RuleExample("# 备份\n\n备份任务每晚两点运行，把数据库复制到存储桶。↓你可以在控制台一键恢复任意一份副本。\n",
                        source: "# Backups\n\nThe backup job runs every night at two o'clock and copies the database to the storage bucket. Old copies are deleted after thirty days to save space. You can restore any copy from the dashboard with a single click.\n"),
            // The last sentence, whose code and number are nowhere in the paragraph (reported at the
            // end of the sentence before it).
            RuleExample("# 上传\n\n客户端把大文件分块上传，连接断开时只需重传一块。网络出错时，每一块会单独重试↓。\n",
                        source: "# Uploads\n\nThe client uploads large files in parts so that a lost connection only costs one part. Each part is retried on its own when the network fails. Set `maxRetries` to 5 on slow mobile networks.\n"),
            // A sentence merged into its neighbour's translation is not dropped.
            RuleExample("# 备份\n\n备份任务每晚两点运行，把数据库复制到存储桶，旧副本保存三十天后删除以节省空间。你可以在控制台一键恢复任意一份副本。\n",
                        source: "# Backups\n\nThe backup job runs every night at two o'clock and copies the database to the storage bucket. Old copies are deleted after thirty days to save space. You can restore any copy from the dashboard with a single click.\n"),
            // A name dropped from a list of names the translation keeps (reported at the kept name
            // after it); a name written in Chinese still counts as an item of the list.
            RuleExample("感谢 Ana Lima、↓Kofi Mensah 和 Lena Vogt 的审阅。\n",
                        source: "Thanks to Ana Lima, Jon Berg, Kofi Mensah and Lena Vogt for their reviews.\n"),
            RuleExample("感谢 Ana Lima、Jon Berg、陈雨菲和 Lena Vogt 的审阅。\n",
                        source: "Thanks to Ana Lima, Jon Berg, Chen Yufei and Lena Vogt for their reviews.\n"),
            // A sentence put into a set phrase (如下所示 for "Here is how the method looks:") is not
            // dropped, though none of its few words the lexicon knows has a translation there.
            RuleExample("# 账本\n\n`Ledger` 类的 `report()` 方法打印当前余额，如下所示：\n",
                        source: "# Ledger\n\nThe `report()` method of the `Ledger` class prints the current balance. Here is how the method looks:\n"),
            // A short sentence the aligner paired with its neighbour in one translated sentence
            // (2:1): dropped when its code with a sign is nowhere in the paragraph, not even as
            // another span (`**` is no part of `docs/*.md`).
            RuleExample("# 通配符\n\n通配符按名称匹配文件，星号可以代表名称中的任意一段字符。↓模式 `*.md` 只匹配顶层的文件，而 `docs/*.md` 只匹配下一层文件夹里的文件。\n",
                        source: "# Globs\n\nGlobs match files by name, and a star stands for any run of characters in the name. Write `**` to match nested folders too. The pattern `*.md` matches only files at the top level, while `docs/*.md` matches files one folder down.\n"),
            RuleExample("# 通配符\n\n通配符按名称匹配文件，星号可以代表名称中的任意一段字符，写 `**` 还能匹配嵌套的文件夹。模式 `*.md` 只匹配顶层的文件，而 `docs/*.md` 只匹配下一层文件夹里的文件。\n",
                        source: "# Globs\n\nGlobs match files by name, and a star stands for any run of characters in the name. Write `**` to match nested folders too. The pattern `*.md` matches only files at the top level, while `docs/*.md` matches files one folder down.\n"),
            // A paragraph whose translation dropped the sentence with its only number, alone between
            // two translated headings: the structure leaves it no other partner and the lexicon
            // links their words, so the sentence is what is missing (not the paragraph, its
            // translation an addition).
            RuleExample("# 限制\n\n作业必须在时间限制内完成↓。\n\n## 队列\n\n每个队列都有一个名字。\n",
                        source: "# Limits\n\nJobs must finish within the time limit.\nThis section explains how to set the limit in your configuration file and how to handle a job that runs past it on version 3.\n\n## Queues\n\nEach queue has a name.\n"),
            // The sentence named is the one dropped, not its neighbour: the code span `true` says
            // which source sentence the second translated sentence renders (reported at its end).
            RuleExample("# 上传\n\n在调用 `uploader.start()` 之前，请先检查 `canUploadInBackground()`。如果它返回 `true`，请先在工具栏中显示一条简短的提示↓。\n",
                        source: "# Uploads\n\nBefore you call `uploader.start()`, check `canUploadInBackground()`. If it returns `true`, show a short notice in your toolbar first. Do not show the notice in a modal dialog, and never stop the upload if the user closes it.\n"),
            // A short sentence that negates, paired with its neighbour in one translated sentence
            // with no negation in it: dropped, whatever its length (reported after its partner's
            // translation) …
            RuleExample("# 升级\n\n以 `admin` 用户身份运行检查↓。\n",
                        source: "# Upgrade\n\nRun the check as the `admin` user. It does not touch any table.\n"),
            // … not when the translation says the negation,
            RuleExample("# 升级\n\n以 `admin` 用户身份运行检查，它不会改动任何表。\n",
                        source: "# Upgrade\n\nRun the check as the `admin` user. It does not touch any table.\n"),
            // … nor when the sentence's negation is one Chinese writes without one (`not … until`: `…才`).
            RuleExample("# 钩子\n\n每个钩子都在文件里声明，打开缓冲区时才会调用。\n",
                        source: "# Hooks\n\nEach hook is declared in the file. Hooks are not called until buffers open.\n"),
            // A sentence translated one to one that says what its source denies: the negated word
            // rendered right after a modal (`会改变` for `does not change`), no negation anywhere in
            // it (reported on the sentence; info when no modal affirms the rendering) …
            RuleExample("# 缓存\n\n↓清空缓存后，构建会改变结果。\n",
                        source: "# Cache\n\nAfter you clear the cache, the build does not change the results.\n"),
            // … not when the translation says the negation, nor for a bound (`no more than`: `最多`).
            RuleExample("# 缓存\n\n清空缓存后，构建不会改变结果。最多保留五份副本。\n",
                        source: "# Cache\n\nAfter you clear the cache, the build does not change the results. Keep no more than five copies.\n"),
            // Cells of words two rows exchanged in a column: each target cell renders the other
            // row's source cell (its distinctive words found only crosswise, three or more in all),
            // though the alignment pairs the cells by position and the codes beside them match.
            RuleExample("| 选项 | 作用 |\n| --- | --- |\n| `--all` | ↓把更改过的文件传输到服务器。 |\n| `--quiet` | 只打印错误。 |\n| `--sync` | ↓复制所有隐藏的文件和文件夹。 |\n",
                        source: "| Option | Effect |\n| --- | --- |\n| `--all` | Copy every hidden file and folder. |\n| `--quiet` | Print nothing but errors. |\n| `--sync` | Transfer the changed files to the server. |\n"),
            // Not two whole rows put in another order (the codes crossed too), nor cells of a
            // word or two, too few to tell (a figure that moved is `number-mismatch`'s).
            RuleExample("| 选项 | 作用 |\n| --- | --- |\n| `--sync` | 把更改过的文件传输到服务器。 |\n| `--quiet` | 只打印错误。 |\n| `--all` | 复制所有隐藏的文件和文件夹。 |\n",
                        source: "| Option | Effect |\n| --- | --- |\n| `--all` | Copy every hidden file and folder. |\n| `--quiet` | Print nothing but errors. |\n| `--sync` | Transfer the changed files to the server. |\n"),
            RuleExample("| 模式 | 适用于 |\n| --- | --- |\n| 质量 | 8K 输出 |\n| 平衡 | 大多数系统 |\n| 性能 | 4K 输出 |\n",
                        source: "| Mode | Suits |\n| --- | --- |\n| Quality | Most systems |\n| Balanced | 8K output |\n| Performance | 4K output |\n"),
            // A translated footnote whose reference the translation lost: CommonMark drops the
            // note, so the reference is what is missing (at the end of the sentence that had it).
            RuleExample("# 成本\n\n批量发送请求后，成本降低了一半↓。\n\n[^cost]: 在预发布集群上测得。\n",
                        source: "# Cost\n\nSending requests in batches cut the cost in half.[^cost]\n\n[^cost]: Measured on the staging cluster.\n"),
            RuleExample("# 成本\n\n批量发送请求后，成本降低了一半。[^cost]\n\n[^cost]: 在预发布集群上测得。\n",
                        source: "# Cost\n\nSending requests in batches cut the cost in half.[^cost]\n\n[^cost]: Measured on the staging cluster.\n"),
            // A heading translated right under an HTML line with no blank line between: the HTML
            // block swallowed it (CommonMark shows it as raw text), reported at the HTML block
            // as such; with the blank line it is a heading again.
            RuleExample("# 安装\n\n下载安装包。\n\n↓<img src=\"setup.png\">\n## 配置\n编辑配置文件。\n",
                        source: "# Install\n\nDownload the package.\n\n<img src=\"setup.png\">\n\n## Configure\nEdit the configuration file.\n"),
            RuleExample("# 安装\n\n下载安装包。\n\n<img src=\"setup.png\">\n\n## 配置\n编辑配置文件。\n",
                        source: "# Install\n\nDownload the package.\n\n<img src=\"setup.png\">\n\n## Configure\nEdit the configuration file.\n"),
        ]
    }

    public init() {}

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self), let p = c.pairing else { return }
        let beads = p.alignment.beads
        guard let unpaired = c.unpairedBlocks else { return }
        var reportedRows = Set<Int>()
        var cellsOfRow: [Int: [Int]] = [:]  // made on the first missing row
        var swallowing: [Int: [SwallowedLine]] = [:], swallowedReported = Set<Int>()
        // A footnote the translation writes but no longer refers to (CommonMark drops a note
        // nothing refers to): the reference is what is missing, where the source has it; the
        // note is not (nor is it the translation of whatever bead the aligner put it in).
        let lostNotes = FootnoteReferences.lost(c)
        var lostUnits = Set<Int>()
        for lost in lostNotes {
            lostUnits.formUnion(lost.noteUnits)
            emit(c.finding(self, severity: severity, unit: lost.unit, range: lost.range,
                           message: c.messages.text("missing-translation.footnote", [
                               "label": lost.label, "line": String(lost.sourceLine), "note": String(lost.noteLine)]),
                           details: [("sourceLine", .int(lost.sourceLine)), ("noteLine", .int(lost.noteLine)),
                                     ("sourceText", .string(p.source.units[lost.noteUnits[0]].plainText)), ("evidence", .string("footnote"))]))
        }
        var run: (bead: Int, unit: Int, range: Range<Int>, startLine: Int, endLine: Int, blocks: Int, lines: String, preview: String, text: String)? = nil
        func flush() {
            guard let r = run else { return }
            run = nil
            let key = r.blocks > 1 ? "missing-translation.run" : "missing-translation"
            let lines = r.blocks > 1 ? "\(r.startLine)–\(r.endLine)" : r.lines
            emit(c.finding(self, severity: severity, unit: r.unit, range: r.range,
                           message: c.messages.text(key, ["lines": lines, "preview": r.preview, "source": p.source.path, "count": String(r.blocks)]),
                           details: [("sourceLine", .int(r.startLine)), ("sourceEndLine", .int(r.endLine)), ("sourceText", .string(r.text))]
                               + (r.blocks > 1 ? [("blocks", .int(r.blocks))] : [])))
        }
        for (k, bead) in beads.enumerated() where bead.target.isEmpty {
            let sourceUnits = bead.source.compactMap { p.source.unitIndex(block: $0) }
                .filter { !unpaired.explainedSource.contains($0) && !lostUnits.contains($0) }
            guard let first = sourceUnits.first else { continue }
            // The cells of a row: one finding for the row, with its cells as the preview.
            var preview = String(p.source.units[first].plainText.prefix(60))
            if let row = unpaired.sourceRows[first], sourceUnits.allSatisfy({ unpaired.sourceRows[$0] == row }) {
                guard reportedRows.insert(row).inserted else { continue }
                if cellsOfRow.isEmpty {
                    for u in p.source.units.indices { if let r = unpaired.sourceRows[u] { cellsOfRow[r, default: []].append(u) } }
                }
                // With the row's cells of code only (no units), in column order: a row is named
                // by its code as much as by its text.
                var cells: [(column: Int, text: String)] = []
                for u in cellsOfRow[row] ?? [first] {
                    if case .tableCell(_, let col) = p.source.units[u].kind { cells.append((col, p.source.units[u].plainText)) }
                    else { cells.append((cells.count, p.source.units[u].plainText)) }  // an HTML row's cells, in order
                }
                let line = p.source.units[first].start.line
                for s in p.source.silentBlocks where s.start.line == line {
                    if case .tableCell(_, let col) = s.kind, !s.inlineCode.isEmpty { cells.append((col, s.plainText)) }
                }
                cells.sort { $0.column < $1.column }
                preview = String(cells.map(\.text).joined(separator: " | ").prefix(60))
            }
            // Report at the next target unit, else at the previous one; a table's last row or a
            // list's last item at the end of the row or item before it, not in the paragraph
            // after the table or list.
            var next: Int? = nil, previous: Int? = nil
            for b in beads[(k + 1)...] {
                if let u = b.target.compactMap({ c.document.unitIndex(block: $0) }).first { next = u; break }
            }
            for b in beads[..<k].reversed() {
                if let u = b.target.compactMap({ c.document.unitIndex(block: $0) }).last { previous = u; break }
            }
            // At the end of a section the translation moved, the next bead is another section's,
            // elsewhere in the translation: the gap is at the end of the one before.
            if p.alignment.sectionsMoved, let n = next, let v = previous, n < v || n > v + 1 && c.pairedTargetUnitBetween(v, n) {
                next = nil
            }
            let su = p.source.units[first]
            func sameKind(_ u: Int?) -> Bool {
                guard let u else { return false }
                switch (su.kind, c.document.units[u].kind) {
                case (.tableCell, .tableCell), (.listItem, .listItem): return true
                default: return false
                }
            }
            let last = p.source.units[sourceUnits.last!]
            let lines = su.start.line == last.end.line ? String(su.start.line) : "\(su.start.line)–\(last.end.line)"
            // The block translated inside an HTML block beside it, which swallowed the Markdown
            // after an HTML line with no blank line between (`<img …>` then `## Title`): the
            // fix is the blank line. Once per HTML block.
            if let (h, m) = MissingTranslationRule.swallowingBlock(c, p, [next, previous], for: su.kind, &swallowing) {
                guard swallowedReported.insert(h).inserted else { continue }
                emit(c.finding(self, severity: severity, unit: h, range: 0..<min(1, c.document.units[h].text.count),
                               message: c.messages.text("missing-translation.html-block", [
                                   "lines": lines, "preview": preview, "line": String(m.line), "html": String(m.html)]),
                               details: [("sourceLine", .int(su.start.line)), ("sourceEndLine", .int(last.end.line)),
                                         ("sourceText", .string(su.plainText)), ("evidence", .string("html-block"))]))
                continue
            }
            let atEnd = (next == nil || !sameKind(next)) && sameKind(previous)
            guard let a = atEnd ? previous : next ?? previous else { continue }
            let u = c.document.units[a]
            let range = atEnd ? max(0, u.text.count - 1)..<u.text.count : 0..<min(1, u.text.count)
            // Beads missing one after another, reported at the same place (a section, a list or
            // a table the translation lacks): one finding for them all.
            if let r = run, r.bead == k - 1, r.unit == a, r.range == range {
                run!.bead = k
                run!.endLine = last.end.line
                run!.blocks += 1
                continue
            }
            flush()
            run = (k, a, range, su.start.line, last.end.line, 1, lines, preview, su.plainText)
        }
        flush()
        droppedSentences(c, severity, emit)
        swappedCells(c, severity, emit)
        for d in DroppedNames.find(c) {
            let su = p.source.units[d.sourceUnit]
            let line = su.position(at: d.name.lowerBound).line
            emit(c.finding(self, severity: severity, unit: d.targetUnit, range: d.target,
                           message: c.messages.text(d.after ? "missing-translation.name-after" : "missing-translation.name", ["name": su.string(d.name), "line": String(line)]),
                           details: [("sourceLine", .int(line)), ("sourceText", .string(su.string(d.name))), ("evidence", .string("dropped-name"))]))
        }
    }

    /// A line of an HTML block that begins like a Markdown block right after an HTML line.
    struct SwallowedLine {
        /// The line, and the HTML line before it (ending in `>`).
        var line: Int, html: Int
        /// `#` a heading, `-` a list item, `` ` `` a fence.
        var kind: UInt8
    }

    /// The lines of HTML block unit `k` that begin like a Markdown block — a heading's `#`, a
    /// fence, a list marker — right after a line ending in `>`: an HTML block runs on to the
    /// next blank line, so CommonMark shows them as raw HTML (MkDocs renders them).
    static func swallowedLines(_ d: Document, _ k: Int) -> [SwallowedLine] {
        let u = d.units[k]
        // (From the line before the unit's: the tag that opened the block, when no blank line
        // is between.)
        let first = max(1, u.start.line - 1)
        guard case .html = u.kind, u.end.line > first else { return [] }
        let src = d.source
        func trimmed(_ l: Int) -> ArraySlice<UInt8> {
            var s = src.bytes[src.lineByteRange(l)]
            while let f = s.first, f == 0x20 || f == 0x09 { s.removeFirst() }
            while let b = s.last, b == 0x20 || b == 0x09 { s.removeLast() }
            return s
        }
        var out: [SwallowedLine] = []
        var previous = trimmed(first)
        for l in (first + 1)...min(u.end.line, src.lineCount) {
            let s = trimmed(l)
            defer { previous = s }
            guard previous.last == 0x3E, let f = s.first else { continue }
            let rest = s.dropFirst()
            var kind: UInt8? = nil
            switch f {
            case 0x23:  // `#` to `######`, then a space
                let hashes = s.prefix { $0 == 0x23 }.count
                if hashes <= 6, s.count > hashes, s[s.startIndex + hashes] == 0x20 { kind = 0x23 }
            case 0x60, 0x7E:  // ``` or ~~~
                if s.prefix(3).allSatisfy({ $0 == f }) && s.count >= 3 { kind = 0x60 }
            case 0x2A, 0x2D, 0x2B:  // `*`, `-`, `+`, then a space
                if rest.first == 0x20 { kind = 0x2D }
            case 0x30...0x39:  // `1.` or `1)`, then a space
                let digits = s.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
                let after = s.dropFirst(digits)
                if digits <= 9, let m = after.first, m == 0x2E || m == 0x29, after.dropFirst().first == 0x20 { kind = 0x2D }
            default: break
            }
            if let kind { out.append(SwallowedLine(line: l, html: l - 1, kind: kind)) }
        }
        return out
    }

    /// The first of `candidates` (the translation's units beside a source block it lacks) that
    /// is an HTML block with a swallowed line (``swallowedLines(_:_:)``) of the source block's
    /// kind: a heading for a heading, a list item for a list item, any for a paragraph. Not one
    /// whose source, as aligned, is an HTML block that swallowed a line of that kind too (the
    /// source written the same way: not why a block is missing).
    static func swallowingBlock(_ c: FileContext, _ p: Pairing, _ candidates: [Int?], for kind: UnitKind,
                                _ cache: inout [Int: [SwallowedLine]]) -> (Int, SwallowedLine)? {
        let d = c.document
        let wanted: UInt8?
        switch kind {
        case .heading: wanted = 0x23
        case .listItem: wanted = 0x2D
        case .paragraph: wanted = nil
        default: return nil
        }
        for case let k? in candidates {
            guard case .html = d.units[k].kind else { continue }
            if cache[k] == nil { cache[k] = swallowedLines(d, k) }
            guard let m = cache[k]!.first(where: { wanted == nil || $0.kind == wanted }) else { continue }
            let sourceUnits = p.alignment.beads.first { b in b.target.contains { d.unitIndex(block: $0) == k } }?
                .source.compactMap { p.source.unitIndex(block: $0) } ?? []
            let alike = sourceUnits.contains { s in swallowedLines(p.source, s).contains { $0.kind == m.kind } }
            if !alike { return (k, m) }
        }
        return nil
    }

    /// Cells of words two rows of a table exchanged (within a column): each reported, naming
    /// the source row it renders; and cells two columns of a row exchanged, naming the column.
    func swappedCells(_ c: FileContext, _ severity: Severity, _ emit: (Finding) -> Void) {
        guard let p = c.pairing else { return }
        var cells = SwappedCells.Cells()
        for s in SwappedCells.find(c, &cells) {
            let u = c.document.units[s.target]
            let own = p.source.units[s.own], other = p.source.units[s.other]
            func preview(_ t: String) -> String { t.count > 60 ? String(t.prefix(59)) + "…" : t }
            emit(c.finding(self, severity: severity, unit: s.target, range: 0..<u.text.count,
                           message: c.messages.text("missing-translation.swapped", [
                               "line": String(own.start.line), "other": String(other.start.line),
                               "otherText": preview(other.plainText), "target": String(c.document.units[s.otherTarget].start.line)]),
                           details: [("sourceLine", .int(own.start.line)), ("rendersSourceLine", .int(other.start.line)),
                                     ("sourceText", .string(other.plainText)), ("evidence", .string("swapped-cells"))]))
        }
        for s in SwappedCells.findColumns(c, &cells) {
            let u = c.document.units[s.target]
            func preview(_ t: String) -> String { t.count > 60 ? String(t.prefix(59)) + "…" : t }
            emit(c.finding(self, severity: severity, unit: s.target, range: 0..<u.text.count,
                           message: c.messages.text("missing-translation.swapped-columns", [
                               "line": String(s.sourceLine), "column": String(s.column + 1), "other": String(s.other + 1),
                               "otherText": preview(s.otherText)]),
                           details: [("sourceLine", .int(s.sourceLine)), ("sourceColumn", .int(s.other + 1)),
                                     ("sourceText", .string(s.otherText)), ("evidence", .string("swapped-columns"))]))
        }
        for f in SwappedCells.flippedValues(c) {
            emit(c.finding(self, severity: severity, unit: f.target, range: f.range,
                           message: c.messages.text("missing-translation.flipped-value", [
                               "line": String(f.sourceLine), "value": f.value, "rendering": f.rendering, "other": f.other, "usual": f.usual]),
                           details: [("sourceLine", .int(f.sourceLine)), ("sourceText", .string(f.value)), ("evidence", .string("flipped-value"))]))
        }
        for f in FlippedLabels.find(c) {
            let line = p.source.units[f.sourceUnit].start.line
            emit(c.finding(self, severity: severity, unit: f.target, range: f.range,
                           message: c.messages.text("missing-translation.flipped-label", [
                               "line": String(line), "label": f.label, "rendering": f.rendering, "usual": f.usual, "other": f.other]),
                           details: [("sourceLine", .int(line)), ("sourceText", .string(f.label)), ("evidence", .string("flipped-label"))]))
        }
    }

    /// A sentence dropped from inside a paragraph the translation has: reported where it
    /// should be, at the start of the translation of the sentence after it (else at the end of
    /// the one before).
    func droppedSentences(_ c: FileContext, _ severity: Severity, _ emit: (Finding) -> Void) {
        guard let p = c.pairing else { return }
        let lone = LoneSentences.find(c)
        if Environment.value("BITEXT_DEBUG_DROPPED") != nil { LoneSentences.dump(c, lone) }
        for s in lone where s.isDropped {
            let bead = p.alignment.beads[s.bead]
            let ts = SentenceAligner.spans(of: bead.target, in: c.document, analyses: c.analyses)
            let sentences = bead.sentences
            var at: (unit: Int, range: Range<Int>)? = nil
            // (A sentence merged into a 2:1 bead: before its partner's translation when it comes
            // first, else after it.)
            let from = s.merged && s.beforePartner ? s.sentenceBead : s.sentenceBead + 1
            let upTo = s.merged ? s.sentenceBead + 1 : s.sentenceBead
            if s.clause, let t = sentences[s.sentenceBead].target.first {
                // A clause: at the start of its sentence's translation when it is the first, else at its end.
                at = s.firstClause ? (ts[t].unit, ts[t].range.lowerBound..<(ts[t].range.lowerBound + 1))
                    : (ts[t].unit, (ts[t].range.upperBound - 1)..<ts[t].range.upperBound)
            } else if let next = sentences[from...].first(where: { !$0.target.isEmpty }), let t = next.target.first {
                at = (ts[t].unit, ts[t].range.lowerBound..<(ts[t].range.lowerBound + 1))
            } else if let previous = sentences[..<upTo].last(where: { !$0.target.isEmpty }), let t = previous.target.last {
                at = (ts[t].unit, (ts[t].range.upperBound - 1)..<ts[t].range.upperBound)
            }
            guard let (unit, range) = at, !range.isEmpty else { continue }
            let su = p.source.units[s.unit]
            let line = su.position(at: s.range.lowerBound).line
            let text = su.plainText(in: s.range)
            let preview = text.count > 80 ? String(text.prefix(79)) + "…" : text
            emit(c.finding(self, severity: severity, unit: unit, range: range,
                           message: c.messages.text(s.clause ? "missing-translation.clause" : "missing-translation.sentence", ["line": String(line), "sentence": preview]),
                           details: [("sourceLine", .int(line)), ("sourceColumn", .int(su.position(at: s.range.lowerBound).column)),
                                     ("sourceText", .string(text)),
                                     ("evidence", .string(s.clause ? "clause" : s.lostNegation ? "negation" : s.codeLost && s.words < 5 ? "code" : s.anchors > 0 && s.anchorsFound == 0 ? "anchors" : "words"))]))
        }
        for d in DroppedConditions.find(c) {
            let su = p.source.units[d.unit]
            let at = su.position(at: d.range.lowerBound)
            let text = su.plainText(in: d.range)
            let preview = text.count > 80 ? String(text.prefix(79)) + "…" : text
            let r = d.targetRange
            guard !r.isEmpty else { continue }
            emit(c.finding(self, severity: severity, unit: d.targetUnit, range: d.atEnd ? (r.upperBound - 1)..<r.upperBound : r.lowerBound..<(r.lowerBound + 1),
                           message: c.messages.text(d.name == "only" ? "missing-translation.only" : "missing-translation.clause", ["line": String(at.line), "sentence": preview]),
                           details: [("sourceLine", .int(at.line)), ("sourceColumn", .int(at.column)),
                                     ("sourceText", .string(text)), ("evidence", .string(d.name == "only" ? "restriction" : "condition"))]))
        }
        for r in ReversedRestrictions.find(c) {
            let su = p.source.units[r.unit]
            let at = su.position(at: r.range.lowerBound)
            emit(c.finding(self, severity: severity, unit: r.targetUnit, range: r.targetRange,
                           message: c.messages.text("missing-translation.only-addition", ["line": String(at.line), "word": su.string(r.range), "addition": r.addition,
                                                                                       "renderings": (c.toolkit.segmenter.target.conditions["only"] ?? []).prefix(2).joined(separator: ", ")]),
                           details: [("sourceLine", .int(at.line)), ("sourceColumn", .int(at.column)),
                                     ("sourceText", .string(su.string(r.range))), ("evidence", .string("restriction-as-addition"))]))
        }
        lostNegations(c, severity, emit)
    }

    /// A sentence translated one to one whose source negates and whose translation says the
    /// opposite (no negation in it): reported on the translated sentence.
    func lostNegations(_ c: FileContext, _ severity: Severity, _ emit: (Finding) -> Void) {
        guard let p = c.pairing else { return }
        let lost = LostNegations.find(c)
        if Environment.value("BITEXT_DEBUG_NEGATION") != nil { LostNegations.dump(c, lost) }
        for s in lost {
            let su = p.source.units[s.unit]
            let at = su.position(at: s.range.lowerBound)
            let text = su.plainText(in: s.range)
            let preview = text.count > 80 ? String(text.prefix(79)) + "…" : text
            emit(c.finding(self, severity: s.affirmed || s.reversed || s.requested || s.declarative ? severity : min(severity, .info), unit: s.targetUnit, range: s.targetRange,
                           message: c.messages.text("missing-translation.negation", ["line": String(at.line), "word": s.negator, "sentence": preview]),
                           details: [("sourceLine", .int(at.line)), ("sourceColumn", .int(at.column)),
                                     ("sourceText", .string(text)), ("evidence", .string("lost-negation"))]))
        }
    }
}

/// Footnotes whose reference the translation lost: the note is written, but CommonMark drops a
/// definition nothing refers to, so the note has no unit and looks untranslated.
enum FootnoteReferences {
    struct Lost {
        var label: String
        var unit: Int           // the target unit where the reference belongs
        var range: Range<Int>
        var sourceLine: Int     // the source line that refers to the note
        var noteLine: Int       // the translation's line that defines it
        var noteUnits: [Int]    // the source note's units
    }

    /// The label of a definition line, `[^label]:` up to three spaces in.
    static func definitionLabel(_ line: String) -> String? {
        var s = Substring(line)
        var spaces = 0
        while s.first == " " && spaces < 4 { s = s.dropFirst(); spaces += 1 }
        guard spaces < 4, s.hasPrefix("[^"), let close = s.firstIndex(of: "]") else { return nil }
        let label = s[s.index(s.startIndex, offsetBy: 2)..<close]
        guard !label.isEmpty, !label.contains(where: { $0 == " " || $0 == "\t" || $0 == "[" }),
              s[s.index(after: close)...].hasPrefix(":") else { return nil }
        return String(label)
    }

    static func line(_ t: SourceText, _ n: Int) -> String {
        guard n >= 1 && n <= t.lineCount else { return "" }
        return String(decoding: t.bytes[t.lineByteRange(n)], as: UTF8.self)
    }

    /// The source's footnotes the translation defines on a line no unit or code block holds (a
    /// definition CommonMark dropped, nothing referring to it), when the unit that translates
    /// the source's reference lacks it.
    static func lost(_ c: FileContext) -> [Lost] {
        guard let p = c.pairing, p.source.units.contains(where: { if case .footnote = $0.kind { true } else { false } }) else { return [] }
        let t = c.document
        // The translation's definitions that made no unit, by label.
        var orphans: [String: Int] = [:]
        for n in 1...max(1, t.source.lineCount) {
            let r = t.source.lineByteRange(n)
            var i = r.lowerBound
            while i < r.upperBound && i - r.lowerBound < 3 && t.source.bytes[i] == 0x20 { i += 1 }
            guard i + 1 < r.upperBound, t.source.bytes[i] == 0x5B, t.source.bytes[i + 1] == 0x5E,
                  let label = definitionLabel(line(t.source, n)), orphans[label] == nil,
                  !t.units.contains(where: { $0.start.line <= n && $0.end.line >= n }),
                  !t.codeBlocks.contains(where: { $0.startLine <= n && $0.endLine >= n }) else { continue }
            orphans[label] = n
        }
        guard !orphans.isEmpty else { return [] }
        // The source's notes: a definition's paragraphs, by label.
        var notes: [(label: String, units: [Int])] = []
        for (k, u) in p.source.units.enumerated() {
            guard case .footnote = u.kind else { continue }
            if let label = definitionLabel(line(p.source.source, u.start.line)) {
                notes.append((label, [k]))
            } else if !notes.isEmpty {
                notes[notes.count - 1].units.append(k)
            }
        }
        var out: [Lost] = []
        for note in notes {
            guard let noteLine = orphans[note.label] else { continue }
            // The source unit that refers to the note, and the target unit the alignment pairs with it.
            let refScalars = Array("[^\(note.label)]".unicodeScalars.map(\.value))
            func referenceIndex(_ u: BitextMarkdown.Unit) -> Int? {
                guard u.text.count >= refScalars.count else { return nil }
                for i in 0...(u.text.count - refScalars.count) where u.roles[i] == .markup && u.text[i] == refScalars[0] {
                    if Array(u.text[i..<(i + refScalars.count)]) == refScalars { return i }
                }
                return nil
            }
            for (b, block) in p.source.blocks.enumerated() {
                guard case .unit(let su) = block, let at = referenceIndex(p.source.units[su]) else { continue }
                guard let bead = p.alignment.beads.first(where: { $0.source.contains(b) }),
                      let tu = bead.target.compactMap({ t.unitIndex(block: $0) }).first,
                      referenceIndex(t.units[tu]) == nil, !t.units[tu].text.isEmpty else { break }
                let s = p.source.units[su]
                let unit = t.units[tu]
                // At the end of the translation when the reference ends the source unit's text.
                let rest = s.string((at + refScalars.count)..<s.text.count).trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
                let range = rest.isEmpty ? (unit.text.count - 1)..<unit.text.count : 0..<1
                out.append(Lost(label: note.label, unit: tu, range: range, sourceLine: s.position(at: at).line,
                                noteLine: noteLine, noteUnits: note.units))
                break
            }
        }
        return out
    }
}

/// `extra-block`: a target unit with no source counterpart. Translator's notes are reported
/// as `translator-note` (info) instead.
public struct ExtraBlockRule: Rule {
    public let id = "extra-block"
    public let defaultSeverity = Severity.warning
    public let summary = "Bilingual: a target unit with no counterpart in the source (translator's notes excepted)."
    public let isBilingual = true
    public var examples: [RuleExample] {
        [
            RuleExample("# 导言\n\n第一段。\n\n↓这一段在原文里没有对应的内容，是译者自己加的说明文字。\n\n第二段。\n",
                        source: "# Introduction\n\nThe first paragraph.\n\nThe second paragraph.\n"),
            RuleExample("# 导言\n\n第一段。\n\n译者注：这一段是译者加的。\n\n第二段。\n",
                        source: "# Introduction\n\nThe first paragraph.\n\nThe second paragraph.\n"),
            // English the source no longer has: one finding (not `untranslated` as well).
            RuleExample("# 导言\n\n第一段。\n\n↓Run the migration script twice before you upgrade the cluster.\n\n第二段。\n",
                        source: "# Introduction\n\nThe first paragraph.\n\nThe second paragraph.\n"),
            // Alone between two translated headings, but nothing of it translates the source
            // paragraph there: an addition all the same (and the paragraph missing).
            RuleExample("# 限制\n\n↓截图来自旧版本的界面。\n\n## 队列\n\n每个队列都有一个名字。\n",
                        source: "# Limits\n\nJobs must finish within the time limit.\nThis section explains how to set the limit in your configuration file and how to handle a job that runs past it on version 3.\n\n## Queues\n\nEach queue has a name.\n"),
            // The source's heading follows `</table>` with no blank line (CommonMark keeps it in
            // the HTML block, Python-Markdown ends the block at the closing tag): the heading
            // the translation writes apart is its translation.
            RuleExample("# 结果\n\n<table>\n<tr><td>轮次</td><td>10</td></tr>\n</table>\n\n## 6. 产线测试\n\n用调好的模型替换原模型，然后运行测试文件。\n",
                        source: "# Results\n\n<table>\n<tr><td>Epochs</td><td>10</td></tr>\n</table>\n## 6. Pipeline testing\nReplace the model with the tuned one and run the test file.\n"),
            // A row: one finding, not one per cell.
            RuleExample("| 参数 | 说明 |\n| --- | --- |\n| size | 按钮大小 |\n| ↓ghost | 幽灵按钮，背景透明 |\n| danger | 是否为危险按钮 |\n",
                        source: "| Property | Description |\n| --- | --- |\n| size | The size of the button |\n| danger | Whether the button is dangerous |\n"),
            // A section put in another place: moved, not missing here and extra there.
            RuleExample("# 样式\n\n## 层 {#layers}\n\n用 `@layer` 把样式放进级联层。\n\n## 前缀 {#prefixes}\n\n`autoPrefixer` 转换器会加上浏览器前缀。\n",
                        source: "# Styles\n\n## Prefixes {#prefixes}\n\nThe `autoPrefixer` transformer adds browser prefixes.\n\n## Layers {#layers}\n\nStyles can be put in a cascade layer with `@layer`.\n"),
            // A section moved with its heading takes its body along, though the body shares no
            // word, number or code with the source's.
            RuleExample("# 常见问题\n\n## 安装 {#install}\n\n用 `npm install` 安装这个包。\n\n## 镜像 {#mirror}\n\n有的，国内可以访问镜像站点，速度更快。\n\n## 升级 {#upgrade}\n\n升级前请先阅读迁移文档，再运行 `migrate` 脚本。\n\n## 主题 {#theme}\n\n用 `ConfigProvider` 设置主题。\n",
                        source: "# FAQ\n\n## Install {#install}\n\nInstall the package with `npm install`.\n\n## Upgrade {#upgrade}\n\nBefore you upgrade, read the migration guide, then run the `migrate` script.\n\n## Theme {#theme}\n\nSet the theme with `ConfigProvider`.\n\n## Mirror {#mirror}\n\nYes, there is a faster mirror site in China.\n"),
            // The source heading is code only (no text to translate), the translation's has a
            // word of Chinese: the same explicit id says it is its translation.
            RuleExample("# 组合式 API\n\n## `useSlots()` 和 `useAttrs()` {#use-slots-attrs}\n\n在组件中使用插槽和属性。\n",
                        source: "# Composition API\n\n## `useSlots()` & `useAttrs()` {#use-slots-attrs}\n\nUse slots and attributes in a component.\n"),
            // The source's paragraph is a bare URL, nothing to translate and so no unit; the
            // translation wrote it with a few words of Chinese and a localised link to the same
            // page: that block's translation, not an extra one.
            RuleExample("# 下拉菜单\n\n菜单在滚动容器里会被裁掉，从 `v2.4.0` 起可以用 `container` 属性把它渲染到别处。\n\n可以参考 [Dropdown 属性](/widgets/dropdown-cn#dropdown-props)\n\n相关 issue：[#512](https://github.com/example/widgets/issues/512)\n",
                        source: "# Dropdowns\n\nA menu inside a scrolling box is clipped; since `v2.4.0` the `container` prop renders it elsewhere.\n\nhttps://example.com/widgets/dropdown/#Dropdown-props\n\nRelated issue: [#512](https://github.com/example/widgets/issues/512)\n"),
            // The same place, a link to another page: an addition all the same.
            RuleExample("# 下拉菜单\n\n菜单在滚动容器里会被裁掉，从 `v2.4.0` 起可以用 `container` 属性把它渲染到别处。\n\n↓可以参考 [Table 属性](/widgets/table-cn#table-props)\n\n相关 issue：[#512](https://github.com/example/widgets/issues/512)\n",
                        source: "# Dropdowns\n\nA menu inside a scrolling box is clipped; since `v2.4.0` the `container` prop renders it elsewhere.\n\nhttps://example.com/widgets/dropdown/#Dropdown-props\n\nRelated issue: [#512](https://github.com/example/widgets/issues/512)\n"),
            // Where the translation came from, at the head of the page (a link to the source file,
            // a commit): the translator's metadata, not a translated block.
            RuleExample("# 构建小部件\n\n> [ch02-00-widgets.md](https://github.com/example/widget-book/blob/main/src/ch02-00-widgets.md) <br>\n> commit 9c3e1f27ab05d4e8c6b1a2f3e4d5c6b7a8f9e0d1\n\n小部件是在面板中运行的小程序。\n",
                        source: "# Building Widgets\n\nWidgets are small programs that run inside a panel.\n"),
            // The same after the text begins, or an English sentence at the head: reported.
            RuleExample("# 构建小部件\n\n小部件是在面板中运行的小程序。\n\n> ↓[ch02-00-widgets.md](https://github.com/example/widget-book/blob/main/src/ch02-00-widgets.md) <br>\n> commit 9c3e1f27ab05d4e8c6b1a2f3e4d5c6b7a8f9e0d1\n",
                        source: "# Building Widgets\n\nWidgets are small programs that run inside a panel.\n"),
            // A quotation kept as it was said, the translator's rendering after it in parentheses.
            RuleExample("# 复盘\n\n运维负责人说：\n\n> \"We spent three days proving the brokers were innocent.\"\n>\n> （我们花了三天时间，证明 broker 是无辜的。）\n",
                        source: "# Postmortem\n\nThe on-call lead put it this way:\n\n> \"We spent three days proving the brokers were innocent.\"\n"),
            RuleExample("# 构建小部件\n\n> ↓Read the [original chapter](https://github.com/example/widget-book/blob/main/src/ch02-00-widgets.md) for the latest version.\n\n小部件是在面板中运行的小程序。\n",
                        source: "# Building Widgets\n\nWidgets are small programs that run inside a panel.\n"),
        ]
    }

    public init() {}

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard c.pairing != nil else { return }
        let severity = c.settings.severity(self)
        let noteSeverity = c.settings.severity(id: "translator-note", default: .info)
        // A source with nothing to translate (an empty page, a stub): one finding, at the
        // translation's first unit, instead of one for each of its blocks.
        if let p = c.pairing, p.source.units.isEmpty, p.source.codeBlocks.isEmpty, let s = severity,
           let first = c.extraUnits.first(where: { !c.analyses[$0].isNote }) {
            let n = c.extraUnits.filter { !c.analyses[$0].isNote }.count
            emit(c.finding(self, severity: s, unit: first, range: 0..<c.document.units[first].text.count,
                           message: c.messages.text("extra-block.empty-source", ["count": String(n), "source": p.source.path]),
                           details: [("evidence", .string("empty-source"))]))
            return
        }
        let rows = c.unpairedBlocks?.targetRows ?? [:]
        var reportedRows = Set<Int>()
        // Blocks with no counterpart one after another (a section, a list or a table the source
        // lacks) are one finding, at the first, naming how many follow and where they end: a
        // run ends at a block paired with the source (in place or moved), a translator's note,
        // or a change between English and Chinese.
        let paired = ExtraBlockRule.pairedLines(c)
        var run: (first: Int, english: Bool, count: Int, endLine: Int)? = nil
        func flush() {
            guard let r = run, let s = severity else { run = nil; return }
            run = nil
            let u = c.document.units[r.first]
            let kind = c.messages.text("kind.\(u.kind.name)")
            if r.count > 1 {
                let more = ["more": String(r.count - 1), "end": String(r.endLine), "kind": kind]
                emit(c.finding(self, severity: s, unit: r.first, range: 0..<u.text.count,
                               message: c.messages.text(r.english ? "extra-block.english-run" : "extra-block.run", more),
                               details: [("evidence", .string(r.english ? "english" : "run")), ("blocks", .int(r.count)), ("endLine", .int(r.endLine))]))
            } else if r.english {
                // English the source does not have (text of an older source left in): one finding
                // that says both, instead of "translate it" beside "remove it".
                emit(c.finding(self, severity: s, unit: r.first, range: 0..<u.text.count,
                               message: c.messages.text("extra-block.english", ["kind": kind]),
                               details: [("evidence", .string("english"))]))
            } else {
                emit(c.finding(self, severity: s, unit: r.first, range: 0..<u.text.count, message: c.messages.text("extra-block")))
            }
        }
        for t in c.extraUnits {
            let u = c.document.units[t]
            // The cells of a row: one block, at its first extra cell; in English only when no
            // cell of the row is Chinese.
            var rowCells: [Int]? = nil
            if let row = rows[t] {
                guard reportedRows.insert(row).inserted else { continue }
                rowCells = c.extraUnits.filter { rows[$0] == row }
            }
            if c.analyses[t].isNote {
                flush()
                if let s = noteSeverity {
                    emit(Finding(rule: "translator-note", severity: s, file: c.document.path, span: u.span,
                                 message: c.messages.text("translator-note"), text: u.string))
                }
                continue
            }
            let english = (UntranslatedRule.isUntranslated(c, t) || UntranslatedLabelRule.isLabel(c, t))
                && !(rowCells ?? []).contains(where: { c.analyses[$0].hasHan })
            let end = (rowCells ?? [t]).map { c.document.units[$0].end.line }.max() ?? u.end.line
            if let r = run, r.english == english, !ExtraBlockRule.holdsLine(paired, after: r.endLine, before: u.start.line) {
                run = (r.first, english, r.count + 1, max(r.endLine, end))
            } else {
                flush()
                run = (t, english, 1, end)
            }
        }
        flush()
    }

    /// The first lines of the translation's blocks paired with the source (in place or moved),
    /// sorted.
    static func pairedLines(_ c: FileContext) -> [Int] {
        guard let p = c.pairing else { return [] }
        var lines: [Int] = []
        for bead in p.alignment.beads + p.alignment.moved where !bead.source.isEmpty {
            for b in bead.target { lines.append(c.document.lines(ofBlock: b).lowerBound) }
        }
        return lines.sorted()
    }

    /// True when sorted `lines` hold one after `a` and before `b`.
    static func holdsLine(_ lines: [Int], after a: Int, before b: Int) -> Bool {
        let k = lines.sortedLowerBound(a + 1)
        return k < lines.count && lines[k] < b
    }

    /// Target units in no bead with a source, not explained as a variant of an unpaired source
    /// unit, and not drift's record of the source: extra blocks and translator's notes, in order.
    static func unpaired(_ c: FileContext) -> [Int] {
        guard let p = c.pairing, let unpaired = c.unpairedBlocks else { return [] }
        let sourceName = (p.source.path as NSString).lastPathComponent
        var out: [Int] = []
        let beads = p.alignment.beads
        for (k, bead) in beads.enumerated() where bead.source.isEmpty {
            for t in bead.target.compactMap({ c.document.unitIndex(block: $0) }) where !unpaired.explainedTarget.contains(t) {
                // A link to the source file at the commit translated (drift's record), or other
                // metadata of the translator's at the head of the page: no translation.
                if !SourceRecord.isRecordUnit(c.document, t, sourceName: sourceName) && !isHeadMetadata(c, t)
                    && !isRenderingOfKeptUnit(c, t) && !isCodeCellWrittenPlain(c, p, t)
                    && !isItemOfSplitParagraph(c, p, t, before: k) { out.append(t) }
            }
        }
        // In the translation's order: a section it moved has its beads where the source's is.
        return out.sorted()
    }

    /// True when target unit `t` is a list item opening with a code span that the source writes
    /// in a paragraph the alignment paired, before it, with items of the same list: the
    /// translation made a list of a paragraph that names its parameters (`Parameters: `name`,
    /// `vocab_size`, `shared_with`.` → `- `name`：…`, `- `vocab_size`：…`, …), one item a name,
    /// and the alignment gave the paragraph its first items only.
    static func isItemOfSplitParagraph(_ c: FileContext, _ p: Pairing, _ t: Int, before k: Int) -> Bool {
        let d = c.document, u = d.units[t]
        guard case .listItem = u.kind, let first = u.inlineCode.first,
              !u.text[..<first.range.lowerBound].enumerated().contains(where: { u.roles[$0.offset] == .content && $0.element > 0x20 }) else { return false }
        let name = first.code
        // The nearest bead before with both sides.
        var j = k - 1
        while j >= 0 && (p.alignment.beads[j].source.isEmpty || p.alignment.beads[j].target.isEmpty) { j -= 1 }
        guard j >= 0 else { return false }
        let bead = p.alignment.beads[j]
        let targets = bead.target.compactMap { d.unitIndex(block: $0) }
        guard targets.contains(where: { x in
            if case .listItem = d.units[x].kind { return d.units[x].listDepth == u.listDepth && x < t } else { return false }
        }) else { return false }
        return bead.source.compactMap { p.source.unitIndex(block: $0) }.contains { s in
            let su = p.source.units[s]
            guard case .paragraph = su.kind else { return false }
            let spans = su.inlineCode
            return spans.count >= 3 && spans.contains { $0.code == name }
        }
    }

    /// True when target unit `t` is a table cell without Han that writes as plain text what the
    /// source's cell of its column in the row it translates holds as code alone (`` | `JOBS` | `4` | ``
    /// → `` | `JOBS` | 4 | ``): that cell, its backticks lost. A cell of code alone is nothing to
    /// translate, no unit of the source, so the aligner has nothing to pair the plain one with.
    static func isCodeCellWrittenPlain(_ c: FileContext, _ p: Pairing, _ t: Int) -> Bool {
        let d = c.document, u = d.units[t]
        guard case .tableCell(_, let column) = u.kind, !c.analyses[t].hasHan else { return false }
        func codeCell(_ b: BitextMarkdown.Unit, column: Int) -> Bool {
            guard case .tableCell(_, let col) = b.kind, col == column else { return false }
            return b.isCodeAlone
        }
        // The source row: that of another cell of this row the alignment paired, or one with a
        // cell of code alone the same as one of this row's (`` `JOBS` ``, in its column).
        var sourceLine: Int? = nil
        for bead in p.alignment.beads where sourceLine == nil && !bead.source.isEmpty {
            guard bead.target.contains(where: { d.unitIndex(block: $0).map { $0 != t && d.units[$0].start.line == u.start.line } ?? false }),
                  let s = bead.source.lazy.compactMap({ p.source.unitIndex(block: $0) }).first,
                  case .tableCell = p.source.units[s].kind else { continue }
            sourceLine = p.source.units[s].start.line
        }
        if sourceLine == nil {
            for b in d.silentBlocks where b.start.line == u.start.line {
                guard case .tableCell(_, let col) = b.kind, col != column, codeCell(b, column: col) else { continue }
                let kept = p.source.silentBlocks.filter { codeCell($0, column: col) && $0.plainText == b.plainText }
                if kept.count == 1 { sourceLine = kept[0].start.line; break }
            }
        }
        guard let line = sourceLine else { return false }
        let text = u.plainText
        return p.source.silentBlocks.contains { $0.start.line == line && codeCell($0, column: column) && $0.plainText == text }
    }

    /// True when target unit `t` is Chinese in parentheses right after a unit kept in English
    /// (`> "We spent three days proving the brokers were innocent."` then `> （我们花了三天时间……）`):
    /// the translator's rendering of a quotation kept as it was said, a note in all but name.
    static func isRenderingOfKeptUnit(_ c: FileContext, _ t: Int) -> Bool {
        let d = c.document
        guard t > 0, c.analyses[t].hasHan, !c.analyses[t - 1].hasHan, !c.analyses[t - 1].stretches.isEmpty,
              d.units[t].quoteDepth == d.units[t - 1].quoteDepth, d.units[t].listDepth == d.units[t - 1].listDepth else { return false }
        let u = d.units[t]
        let read = u.text.indices.filter { u.roles[$0] == .content && !(u.text[$0] == 0x20 || u.text[$0] == 0x0A) }
        guard let first = read.first, let last = read.last else { return false }
        return (u.text[first] == 0xFF08 || u.text[first] == 0x28) && (u.text[last] == 0xFF09 || u.text[last] == 0x29)
    }

    /// True when target unit `t` is the translator's metadata at the head of the page (where the
    /// translation came from: `> [ch01.md](…/src/ch01.md) <br> commit 4f2dc56…`): no Chinese,
    /// only what ``isMetadata(_:)`` accepts, and nothing before it but front matter, headings and
    /// more of the same.
    static func isHeadMetadata(_ c: FileContext, _ t: Int) -> Bool {
        let d = c.document
        guard d.units[t].kind.headingLevel == nil, !c.analyses[t].hasHan, isMetadata(d.units[t]) else { return false }
        for k in 0..<t {
            switch d.units[k].kind {
            case .frontMatter, .heading: continue
            default: if c.analyses[k].hasHan || !isMetadata(d.units[k]) { return false }
            }
        }
        return true
    }

    /// True when a unit is made of links, file names, paths, commit hashes, numbers and dates,
    /// with at most a short label beside each (`commit`, `Source:`): at least one link or hash,
    /// no more plain words than such values, and never three plain words in a row (a sentence).
    static func isMetadata(_ u: BitextMarkdown.Unit) -> Bool {
        let links = u.linkTargets.filter { !$0.destination.isEmpty }
        var values = 0, words = 0, run = 0, anchored = !links.isEmpty
        var countedLinks = Set<Int>()
        var k = 0
        let n = u.text.count
        while k < n {
            guard u.roles[k].isRead, !isSpace(u.text[k]) else { k += 1; continue }
            var e = k
            while e < n && u.roles[e].isRead && !isSpace(u.text[e]) { e += 1 }
            let token = u.text[k..<e]
            let roles = u.roles[k..<e]
            let isAlnum = { (c: UInt32) in c >= 0x30 && c <= 0x39 || c | 0x20 >= 0x61 && c | 0x20 <= 0x7A }
            if let l = links.firstIndex(where: { $0.textRange.overlaps(k..<e) }) {
                if countedLinks.insert(l).inserted { values += 1 }
                run = 0
            } else if roles.contains(where: { $0 != .content }) || token.contains(where: { $0 >= 0x30 && $0 <= 0x39 })
                        || token.indices.dropFirst().dropLast().contains(where: { i in
                            [0x2E, 0x2F, 0x5F, 0x40].contains(token[i]) && isAlnum(token[i - 1]) && isAlnum(token[i + 1]) }) {
                values += 1
                run = 0
                // A commit hash: seven hexadecimal digits or more (punctuation around it aside).
                let hex = token.drop(while: { !isAlnum($0) }).reversed().drop(while: { !isAlnum($0) })
                if hex.count >= 7 && hex.allSatisfy(isAlnum) && hex.contains(where: { $0 <= 0x39 }) && hex.contains(where: { $0 > 0x39 })
                    && hex.allSatisfy(NumberScanner.isHexDigit) { anchored = true }
            } else if token.contains(where: isAlnum) || token.contains(where: { $0 > 0x7F }) {
                words += 1
                run += 1
                if run >= 3 { return false }
            }
            k = e
        }
        return anchored && values > 0 && words <= values
    }

    /// Units `extra-block` reports in this file (none when it is off or the check is monolingual):
    /// `untranslated` and `untranslated-label` leave them to it.
    static func reported(_ c: FileContext) -> Set<Int> {
        guard c.pairing != nil, c.settings.severity(ExtraBlockRule()) != nil else { return [] }
        return Set(c.extraUnits.filter { !c.analyses[$0].isNote })
    }
}
