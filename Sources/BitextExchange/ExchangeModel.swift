import BitextAlign
import BitextMarkdown
import BitextText

/// How far a segment is translated in the target document.
public enum SegmentStatus: String, Sendable {
    /// Its translation is target-language text with no source-language prose.
    case translated
    /// Target-language text followed or interrupted by source-language prose.
    case partial
    /// Still in the source language.
    case untranslated
    /// The target has no counterpart of its unit at all.
    case missing
}

/// One sentence of a source unit and what the target document has for it.
///
/// Segments depend on the source alone (one per source sentence), so the ids of an export stay
/// valid however the translation changes. A translator who merged two sentences gives the first
/// segment the merged translation and the second an empty one.
public struct ExchangeSegment: Sendable {
    /// `s1`, `s2`… within the unit.
    public var id: String
    /// The range of the source unit's text.
    public var range: Range<Int>
    /// The source sentence (line breaks as spaces).
    public var source: Content
    /// The translation as the target has it (line breaks as `\n`, whitespace at the ends left
    /// out); empty when merged into the segment before; nil when the target has no counterpart.
    public var target: Content?
    public var status: SegmentStatus
    /// Confidence of the sentence alignment that gave the translation (1 when there was none).
    public var score: Double
    /// Bytes of the target file that hold the translation and the layout after it.
    public var targetBytes: Range<Int>?
    /// The layout (spaces, line breaks, block structure) after the translation, as the file has it.
    public var trailing: [UInt8] = []
    /// The translation without translator's notes (for a translation memory).
    public var targetWithoutNotes: Content?
}

/// A source unit as exchange files carry it: an id, its segments, and its inline codes.
public struct ExchangeUnit: Sendable {
    /// Index of the unit in the source document.
    public var index: Int
    /// `u1`, `u2`… in source order.
    public var id: String
    public var line: Int
    public var segments: [ExchangeSegment]
    /// Index into ``ExchangeDocument/beads``.
    public var bead: Int
    /// The Markdown of each source code by id: opening (or standalone) and closing data.
    public var sourceCodes: [Int: (start: String, end: String?)]
    /// The same for the translation's codes, under the ids the export gives them.
    public var targetCodes: [Int: (start: String, end: String?)]
}

/// Where the translation of some source units lies in the target file.
public struct ExchangeBead: Sendable {
    /// Indexes into ``ExchangeDocument/units``.
    public var units: [Int]
    /// Target units of the bead.
    public var targetUnits: [Int]
    /// Bytes of the target file from the first target unit's first character to the last one's
    /// last; nil when the target has none.
    public var targetBytes: Range<Int>?
    /// For a bead with no target units: the target block after which its translation belongs
    /// (nil: before the first block).
    public var insertAfterBlock: Int?
    /// For a bead with no target units: the next target block, before which its translation
    /// goes when the source has something that is no block (a comment) between it and the
    /// block before it.
    public var insertBeforeBlock: Int?
}

/// The source and target roots of a tree run (`--source-root`, `--target-root`).
public struct TreeRoots: Sendable, Equatable {
    public var source: String
    public var target: String
    public init(source: String, target: String) {
        self.source = source
        self.target = target
    }
}

/// A document pair cut into exchange units and segments: what XLIFF and TMX exports write,
/// what `import` compares an exchange file with, and what `pretranslate` fills.
public struct ExchangeDocument: Sendable {
    public let source: Document
    public let target: Document
    public private(set) var units: [ExchangeUnit] = []
    public private(set) var beads: [ExchangeBead] = []
    public let sourceMarkup: [UnitMarkup]
    public let targetMarkup: [UnitMarkup]
    let targetAnalyses: [TextAnalysis]
    /// The names of the two files in an exchange file (XLIFF `original`, a TMX unit's `x-file`,
    /// a memory's origins): ``portablePath(_:root:)`` of each.
    public let sourceName: String
    public let targetName: String

    /// `roots`: the tree roots the two files were found under, if any (see ``portablePath(_:root:)``).
    public init(source: Document, sourceAnalyses: [TextAnalysis], target: Document, targetAnalyses: [TextAnalysis],
                alignment: Alignment, roots: TreeRoots? = nil) {
        self.source = source
        self.target = target
        sourceName = portablePath(source.path, root: roots?.source)
        targetName = portablePath(target.path, root: roots?.target)
        self.targetAnalyses = targetAnalyses
        sourceMarkup = source.units.map(UnitMarkup.init)
        targetMarkup = target.units.map(UnitMarkup.init)

        // Source segments: one per sentence, cut where a sentence's codes begin.
        for (k, u) in source.units.enumerated() {
            let m = sourceMarkup[k]
            var starts = [0]
            for r in sourceAnalyses[k].sentences.dropFirst() {
                let s = m.segmentStart(r.lowerBound)
                if s > starts.last! { starts.append(s) }
            }
            var segs: [ExchangeSegment] = []
            for (j, s) in starts.enumerated() {
                let r = s..<(j + 1 < starts.count ? starts[j + 1] : u.text.count)
                let content = m.content(r, breaks: .space).trimmed
                if content.isEmpty, !segs.isEmpty {
                    segs[segs.count - 1].range = segs[segs.count - 1].range.lowerBound..<r.upperBound
                    continue
                }
                segs.append(ExchangeSegment(id: "s\(segs.count + 1)", range: r, source: content, target: nil,
                                            status: .missing, score: 1))
            }
            units.append(ExchangeUnit(index: k, id: "u\(k + 1)", line: u.start.line, segments: segs, bead: -1,
                                      sourceCodes: m.dataById, targetCodes: [:]))
        }

        // The target blocks of the beads on either side of each bead: a source block missing
        // goes between them. (The nearest beads, not the extremes so far: a section the
        // translation moved has its beads where its source is, ``Alignment``.)
        var lastTargetBlock: Int? = nil
        var nextBlock = [Int?](repeating: nil, count: alignment.beads.count)
        var next: Int? = nil
        for i in alignment.beads.indices.reversed() {
            nextBlock[i] = next
            if let m = alignment.beads[i].target.min() { next = m }
        }
        // Where sections moved, the next bead's block bounds an insertion only when it follows
        // the last one's in the translation with no other bead's between (else after the last).
        let targets = alignment.sectionsMoved ? alignment.beads.flatMap(\.target).sorted() : []
        func insertBefore(_ i: Int) -> Int? {
            guard alignment.sectionsMoved, let next = nextBlock[i], let last = lastTargetBlock else { return nextBlock[i] }
            let k = targets.sortedLowerBound(last + 1)
            return next > last && !(k < targets.count && targets[k] < next) ? next : nil
        }
        // Pairs the translation moved elsewhere: each stands where its source blocks are, its
        // translation where the translator put it, so that it is translated (not missing) and an
        // import rewrites it in place instead of inserting it a second time. Only pairs whose
        // blocks follow each other on both sides: the target bytes of a bead must hold its
        // translation and nothing else.
        func contiguous(_ blocks: [Int]) -> Bool { zip(blocks, blocks.dropFirst()).allSatisfy { $0 + 1 == $1 } }
        var movedAt: [Int: Bead] = [:]  // first source block → the pair
        var movedBlocks = Set<Int>()     // membership only
        for m in alignment.moved where contiguous(m.source) && contiguous(m.target) {
            movedAt[m.source[0]] = m
            movedBlocks.formUnion(m.source)
        }
        for (i, bead) in alignment.beads.enumerated() {
            defer { if let last = bead.target.max() { lastTargetBlock = last } }
            guard bead.target.isEmpty, bead.source.contains(where: movedBlocks.contains) else {
                add(bead, insertAfterBlock: lastTargetBlock, insertBeforeBlock: insertBefore(i), sourceAnalyses: sourceAnalyses)
                continue
            }
            // Source blocks left without a translation here: each moved pair where its first
            // block is, the runs of the others missing, to be inserted where the bead would be.
            var run: [Int] = []
            for b in bead.source {
                if let m = movedAt[b] {
                    add(Bead(source: run, target: [], score: bead.score), insertAfterBlock: lastTargetBlock,
                        insertBeforeBlock: insertBefore(i), sourceAnalyses: sourceAnalyses)
                    run = []
                    add(m, insertAfterBlock: lastTargetBlock, insertBeforeBlock: insertBefore(i), sourceAnalyses: sourceAnalyses)
                } else if !movedBlocks.contains(b) {
                    run.append(b)
                }
            }
            add(Bead(source: run, target: [], score: bead.score), insertAfterBlock: lastTargetBlock,
                insertBeforeBlock: insertBefore(i), sourceAnalyses: sourceAnalyses)
        }
        // A source unit in no bead (the aligner places every unit; this is a safeguard) is missing.
        for k in units.indices where units[k].bead < 0 {
            units[k].bead = beads.count
            beads.append(ExchangeBead(units: [k], targetUnits: [], targetBytes: nil, insertAfterBlock: nil))
        }
    }

    /// Adds the exchange bead of an alignment bead (nothing when it has no source unit); one
    /// with no target unit takes the insertion places given.
    private mutating func add(_ bead: Bead, insertAfterBlock: Int?, insertBeforeBlock: Int?, sourceAnalyses: [TextAnalysis]) {
        let su = bead.source.compactMap { source.unitIndex(block: $0) }
        let tu = bead.target.compactMap { target.unitIndex(block: $0) }
        guard !su.isEmpty else { return }
        var place = ExchangeBead(units: su, targetUnits: tu, targetBytes: nil, insertAfterBlock: nil)
        for k in su { units[k].bead = beads.count }
        if tu.isEmpty {
            place.insertAfterBlock = insertAfterBlock
            place.insertBeforeBlock = insertBeforeBlock
        } else {
            place.targetBytes = target.units[tu[0]].byteRange.lowerBound..<target.units[tu.last!].byteRange.upperBound
            fillTargets(bead: bead, place: place, sourceAnalyses: sourceAnalyses)
        }
        beads.append(place)
    }

    /// A position in the target text of a bead: which of its target units, which character.
    struct StreamPosition: Comparable {
        var unit: Int
        var index: Int
        static func < (a: StreamPosition, b: StreamPosition) -> Bool {
            a.unit != b.unit ? a.unit < b.unit : a.index < b.index
        }
    }

    /// Cuts the translation of a bead into the pieces its source segments get: each sentence
    /// bead's target goes to the segment of its first source sentence, from where its codes
    /// begin to where the next piece begins.
    private mutating func fillTargets(bead: Bead, place: ExchangeBead, sourceAnalyses: [TextAnalysis]) {
        let tu = place.targetUnits
        let ss = SentenceAligner.spans(of: bead.source, in: source, analyses: sourceAnalyses)
        let ts = SentenceAligner.spans(of: bead.target, in: target, analyses: targetAnalyses)
        // Segments of the bead in order: (source unit, segment index).
        var order: [(Int, Int)] = []
        var firstOf: [Int: Int] = [:]
        for k in place.units {
            firstOf[k] = order.count
            for j in units[k].segments.indices { order.append((k, j)) }
        }
        // The segment holding a sentence start: binary search over the unit's segments.
        func segmentOf(_ k: Int, _ start: Int) -> Int? {
            guard let base = firstOf[k] else { return nil }
            let segs = units[k].segments
            var lo = 0, hi = segs.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if segs[mid].range.lowerBound <= start { lo = mid + 1 } else { hi = mid }
            }
            return lo == 0 ? nil : base + lo - 1
        }
        var starts = [StreamPosition?](repeating: nil, count: order.count)
        var scores = [Double](repeating: 1, count: order.count)
        for sb in bead.sentences where !sb.source.isEmpty && !sb.target.isEmpty {
            guard sb.source[0] < ss.count, sb.target[0] < ts.count else { continue }
            let su = ss[sb.source[0]].unit, tunit = ts[sb.target[0]].unit
            guard let g = segmentOf(su, ss[sb.source[0]].range.lowerBound),
                  let tpos = tu.firstIndex(of: tunit) else { continue }
            let p = StreamPosition(unit: tpos, index: targetMarkup[tunit].segmentStart(ts[sb.target[0]].range.lowerBound))
            if starts[g] == nil || p < starts[g]! { starts[g] = p; scores[g] = sb.score }
        }
        // Keep the starts that move forward; the first one is the start of the target text.
        var last: StreamPosition? = nil
        for g in starts.indices {
            guard let p = starts[g] else { continue }
            if let l = last, p <= l { starts[g] = nil; continue }
            last = p
        }
        let first = starts.firstIndex { $0 != nil } ?? 0
        if !starts.isEmpty { starts[first] = StreamPosition(unit: 0, index: 0) }
        let end = StreamPosition(unit: tu.count - 1, index: target.units[tu.last!].text.count)
        var offsets: [Int: [Int]] = [:]
        func byteOffset(_ p: StreamPosition) -> Int {
            let t = tu[p.unit]
            if offsets[t] == nil {
                var o = [target.units[t].byteRange.lowerBound]
                o.reserveCapacity(target.units[t].text.count + 1)
                for c in target.units[t].text { o.append(o.last! + utf8Length(c)) }
                offsets[t] = o
            }
            return offsets[t]![p.index]
        }
        var matcher = CodeMatcher()
        var nextStart = [StreamPosition](repeating: end, count: order.count)
        var following = end
        for g in order.indices.reversed() {
            nextStart[g] = following
            if let p = starts[g] { following = p }
        }
        for g in order.indices {
            let (k, j) = order[g]
            guard let a = starts[g] else {
                units[k].segments[j].target = Content()
                continue
            }
            let b = nextStart[g]
            let piece = matcher.assign(stream(tu, from: a, to: b, excludingNotes: false), source: sourceMarkup[k], unit: k)
            let clean = matcher.assign(stream(tu, from: a, to: b, excludingNotes: true), source: sourceMarkup[k], unit: k)
            let bytes = byteOffset(a)..<byteOffset(b)
            let trailingStart = byteOffset(contentEnd(tu, from: a, to: b))
            units[k].segments[j].target = piece.trimmed
            units[k].segments[j].targetWithoutNotes = clean.trimmed
            units[k].segments[j].targetBytes = bytes
            units[k].segments[j].trailing = Array(target.source.originalBytes[min(trailingStart, bytes.upperBound)..<bytes.upperBound])
            units[k].segments[j].score = scores[g]
            units[k].segments[j].status = status(tu, from: a, to: b)
        }
        // A merged segment has the state of the one it was merged into (the next one at the start).
        var beadStatus: SegmentStatus? = nil
        for (k, j) in order where units[k].segments[j].targetBytes != nil { beadStatus = units[k].segments[j].status; break }
        for k in place.units {
            units[k].targetCodes = matcher.data[k] ?? [:]
            let segs = units[k].segments
            for j in segs.indices where segs[j].targetBytes == nil {
                let before = segs[..<j].last { $0.targetBytes != nil }?.status
                let after = segs[(j + 1)...].first { $0.targetBytes != nil }?.status
                units[k].segments[j].status = before ?? after ?? beadStatus ?? .missing
            }
        }
    }

    /// The content of the target text between two positions of a bead, code ids made unique
    /// across its units (unit position × 1,000,000 + id; what lies between two units is a
    /// `block` code with id −(position + 1)).
    private func stream(_ tu: [Int], from a: StreamPosition, to b: StreamPosition, excludingNotes: Bool) -> Content {
        var pieces: [Piece] = []
        var u = a.unit
        while u <= b.unit {
            let t = tu[u]
            let lo = u == a.unit ? a.index : 0
            let hi = u == b.unit ? b.index : target.units[t].text.count
            if lo < hi {
                let c = targetMarkup[t].content(lo..<hi, breaks: .newline,
                                                excluding: excludingNotes ? targetAnalyses[t].notes : [])
                for p in c.pieces {
                    if case .code(var code) = p {
                        code.id = u * 1_000_000 + code.id
                        pieces.append(.code(code))
                    } else {
                        pieces.append(p)
                    }
                }
            }
            if u < b.unit && !(u + 1 == b.unit && b.index == 0) {
                let between = target.units[t].byteRange.upperBound..<target.units[tu[u + 1]].byteRange.lowerBound
                let data = String(decoding: target.source.originalBytes[between], as: UTF8.self)
                pieces.append(.code(InlineCode(id: -(u + 1), role: .standalone, type: .block, data: data)))
            }
            u += 1
        }
        return Content(pieces).normalized
    }

    /// Where the layout at the end of a piece begins: spaces, line breaks and block structure
    /// before `b`, within the piece.
    private func contentEnd(_ tu: [Int], from a: StreamPosition, to b: StreamPosition) -> StreamPosition {
        var p = b
        if p.index == 0 && p.unit > a.unit { p = StreamPosition(unit: p.unit - 1, index: target.units[tu[p.unit - 1]].text.count) }
        let u = target.units[tu[p.unit]]
        let floor = p.unit == a.unit ? a.index : 0
        var i = p.index
        while i > floor {
            let c = u.text[i - 1]
            let layout = c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D
                || (u.roles[i - 1] == .structure && !UnitMarkup.isAtomChar(u.text, u.roles, i - 1))
            if !layout || targetMarkup[tu[p.unit]].atom(at: i - 1) != nil { break }
            i -= 1
        }
        return StreamPosition(unit: p.unit, index: i)
    }

    /// How translated the target text between two positions is.
    private func status(_ tu: [Int], from a: StreamPosition, to b: StreamPosition) -> SegmentStatus {
        var han = false, prose = false
        for u in a.unit...b.unit {
            let t = tu[u]
            let unit = target.units[t]
            let r = (u == a.unit ? a.index : 0)..<(u == b.unit ? b.index : unit.text.count)
            guard !r.isEmpty else { continue }
            let analysis = targetAnalyses[t]
            if analysis.stretches.contains(where: { $0.isProse && $0.range.overlaps(r) }) { prose = true }
            if !han { han = r.contains { unit.roles[$0] == .content && isHan(unit.text[$0]) } }
        }
        if prose { return han ? .partial : .untranslated }
        return .translated
    }
}

func isHan(_ c: UInt32) -> Bool {
    (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F)
}

@inline(__always) func utf8Length(_ c: UInt32) -> Int {
    c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4
}

/// Gives a translation's codes the ids of the source codes they stand for: the same markup
/// first (a link to the same place), then the same kind (a link whose destination was
/// localised), in order; codes the source does not have get ids after the source's.
struct CodeMatcher {
    /// Per source unit: target code identity → id given.
    private var given: [Int: [Int: Int]] = [:]
    private var used: [Int: Set<Int>] = [:]
    private var next: [Int: Int] = [:]
    /// Per source unit: the Markdown of each target code by the id given.
    private(set) var data: [Int: [Int: (start: String, end: String?)]] = [:]

    private var sourceData: [Int: [Int: (start: String, end: String?)]] = [:]

    mutating func assign(_ content: Content, source: UnitMarkup, unit k: Int) -> Content {
        var out: [Piece] = []
        if sourceData[k] == nil { sourceData[k] = source.dataById }
        let sourceData = self.sourceData[k]!
        for p in content.pieces {
            guard case .code(var c) = p else { out.append(p); continue }
            let raw = c.id
            if let id = given[k]?[raw] {
                c.id = id
            } else {
                let usedIds = used[k] ?? []
                let candidates = source.atoms.filter { $0.role != .close && !usedIds.contains($0.id) && $0.type == c.type }
                let exact = candidates.first { sourceData[$0.id]?.start == c.data }
                let id: Int
                if let m = exact ?? (c.type == .block ? nil : candidates.first) {
                    id = m.id
                } else {
                    id = next[k] ?? (source.maxId + 1)
                    next[k] = id + 1
                }
                used[k, default: []].insert(id)
                given[k, default: [:]][raw] = id
                c.id = id
            }
            let d = c.data ?? ""
            if c.role == .close { data[k, default: [:]][c.id, default: ("", nil)].end = d }
            else if data[k]?[c.id] == nil { data[k, default: [:]][c.id] = (d, nil) }
            out.append(.code(c))
        }
        return Content(out)
    }
}
