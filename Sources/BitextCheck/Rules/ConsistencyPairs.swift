import BitextAlign
import BitextMarkdown
import BitextText

/// The units of one confident bead, which the consistency rules compare: what the source side
/// holds (numbers, code, links, placeholders, markup) must be found on the target side.
struct ConsistencyPair {
    let bead: Int
    /// Unit indexes, in document order.
    let source: [Int]
    let target: [Int]
    let score: Double
}

/// Something found in a unit: where it is and what it is.
struct Mention<Value> {
    var unit: Int
    var range: Range<Int>
    var value: Value
}

/// What the consistency rules share for one file: the pairs they check, the anchors of both
/// documents, and each side's sentences for locating a finding.
final class ConsistencyCache {
    let pairs: [ConsistencyPair]
    let targetAnchors: DocumentAnchors
    let sourceAnchors: DocumentAnchors?

    init(pairs: [ConsistencyPair], targetAnchors: DocumentAnchors, sourceAnchors: DocumentAnchors?) {
        self.pairs = pairs
        self.targetAnchors = targetAnchors
        self.sourceAnchors = sourceAnchors
    }
}

extension FileContext {
    /// Beads scored below this are too uncertain to compare their contents: a number "missing"
    /// from a unit that is not the translation of its source unit means nothing.
    static let minimumConsistencyScore = 0.5

    /// The pairs, anchors and notes shared by the consistency rules, computed once per file.
    /// Records a note for each bead left out for low confidence.
    var consistencyCache: ConsistencyCache {
        if let c = consistency { return c }
        var pairs: [ConsistencyPair] = []
        if let p = pairing {
            for (k, bead) in p.alignment.beads.enumerated() {
                let s = bead.source.compactMap { p.source.unitIndex(block: $0) }
                let t = bead.target.compactMap { document.unitIndex(block: $0) }
                guard !s.isEmpty, !t.isEmpty else { continue }
                if bead.score < FileContext.minimumConsistencyScore && !FileContext.isSandwiched(p.alignment.beads, k, source: s, target: t, p.source, document) {
                    notes.append(Note(file: document.path, line: document.units[t[0]].start.line,
                                      message: messages.text("note.low-confidence", [
                                          "line": String(p.source.units[s[0]].start.line),
                                          "score": format2(bead.score)])))
                    continue
                }
                pairs.append(ConsistencyPair(bead: k, source: s, target: t, score: bead.score))
            }
        }
        let c = ConsistencyCache(pairs: pairs, targetAnchors: DocumentAnchors(document),
                                 sourceAnchors: pairing.map { DocumentAnchors($0.source) })
        consistency = c
        return c
    }

    /// A one-to-one pair of paragraphs (or of list items) between two confident one-to-one
    /// pairs, or between one and the document's start or end, is the translation of its source
    /// whatever its score: the structure leaves it no other partner. (A paragraph with a clause
    /// dropped scores low by its lengths alone, and one whose link goes elsewhere by its
    /// changed anchor; its numbers, code and links are still to compare.)
    static func isSandwiched(_ beads: [Bead], _ k: Int, source s: [Int], target t: [Int], _ sd: Document, _ td: Document) -> Bool {
        guard s.count == 1, t.count == 1, beads.count > 1 else { return false }
        switch (sd.units[s[0]].kind, td.units[t[0]].kind) {
        case (.paragraph, .paragraph), (.listItem, .listItem): break
        default: return false
        }
        func confident(_ b: Bead) -> Bool { b.source.count == 1 && b.target.count == 1 && b.score >= 0.9 }
        return (k == 0 || confident(beads[k - 1])) && (k + 1 == beads.count || confident(beads[k + 1]))
    }

    /// The code-block pairs of confident beads (a code block aligns only one to one).
    var codeBlockPairs: [(source: Int, target: Int)] {
        guard let p = pairing else { return [] }
        var out: [(Int, Int)] = []
        for bead in p.alignment.beads where bead.source.count == 1 && bead.target.count == 1 && bead.score >= FileContext.minimumConsistencyScore {
            guard case .code(let s) = p.source.blocks[bead.source[0]], case .code(let t) = document.blocks[bead.target[0]] else { continue }
            out.append((s, t))
        }
        return out
    }

    /// Where in the translation a source position (unit `unit`, index `index`) is rendered: the
    /// target sentences the sentence aligner paired with its sentence, else the pair's first
    /// target unit.
    func targetPlace(_ pair: ConsistencyPair, sourceUnit unit: Int, at index: Int) -> (unit: Int, range: Range<Int>) {
        guard let p = pairing else { return (pair.target[0], 0..<document.units[pair.target[0]].text.count) }
        let whole = (pair.target[0], 0..<document.units[pair.target[0]].text.count)
        var sourceSentences: [(Int, Range<Int>)] = []
        for u in pair.source { for r in p.sourceAnalyses[u].sentences { sourceSentences.append((u, r)) } }
        var targetSentences: [(Int, Range<Int>)] = []
        for u in pair.target { for r in analyses[u].sentences { targetSentences.append((u, r)) } }
        guard let si = sourceSentences.lastIndex(where: { $0.0 == unit && $0.1.lowerBound <= index })
                ?? sourceSentences.firstIndex(where: { $0.0 == unit }) else { return whole }
        let bead = p.alignment.beads[pair.bead]
        guard let sb = bead.sentences.first(where: { $0.source.contains(si) }), !sb.target.isEmpty else { return whole }
        let indexes = sb.target.filter { $0 < targetSentences.count }
        guard let firstIndex = indexes.first else { return whole }
        let u = targetSentences[firstIndex].0
        let same = indexes.filter { targetSentences[$0].0 == u }
        // From the first sentence to where the next one starts (or the unit ends), so that the
        // markup after a sentence (a closing tag, a footnote reference) is in its place; the
        // first sentence of a unit starts at the unit's start.
        let lastIndex = same.max()!
        var lo = targetSentences[same.min()!].1.lowerBound
        if same.min()! == 0 || targetSentences[same.min()! - 1].0 != u { lo = 0 }
        var hi = document.units[u].text.count
        if lastIndex + 1 < targetSentences.count && targetSentences[lastIndex + 1].0 == u { hi = targetSentences[lastIndex + 1].1.lowerBound }
        // A source position after its unit's last sentence is at the end of the translation too.
        if index >= (p.sourceAnalyses[unit].sentences.last?.upperBound ?? 0), let last = pair.target.last, last == u {
            hi = document.units[u].text.count
        }
        while hi > lo + 1 && (document.units[u].text[hi - 1] == 0x20 || document.units[u].text[hi - 1] == 0x0A) { hi -= 1 }
        return (u, lo..<max(lo + 1, hi))
    }

    /// Source mentions that no target mention agrees with, and target mentions that agree with no
    /// source mention; each missing source mention is given the extra target mention it most
    /// likely became — one in the target sentences aligned with it, or the only one left when
    /// exactly one is missing and one is extra.
    func unmatched<S, T>(_ pair: ConsistencyPair, source: [Mention<S>], target: [Mention<T>],
                         agrees: (S, T) -> Bool, similarity: (S, T) -> Double = { _, _ in 0 }, minimumSimilarity: Double = 0)
        -> [(source: Mention<S>, target: Mention<T>?, place: (unit: Int, range: Range<Int>))] {
        let missing = source.filter { s in !target.contains { agrees(s.value, $0.value) } }
        let extra = target.filter { t in !source.contains { agrees($0.value, t.value) } }
        return assign(pair, missing: missing, extra: extra, similarity: similarity, minimumSimilarity: minimumSimilarity)
    }

    /// The index of the candidate that clearly resembles `x` (similarity 0.5 or more, and at least
    /// `minimum`; the last of the most alike), among those `include` admits.
    static func resembling<S, T>(_ x: S, _ candidates: [T], minimum: Double = 0, where include: (T) -> Bool = { _ in true },
                                 _ similarity: (S, T) -> Double) -> Int? {
        var best: Int? = nil, score = 0.5
        for (k, t) in candidates.enumerated() where include(t) {
            let s = similarity(x, t)
            if s >= score && s >= minimum { score = s; best = k }
        }
        return best
    }

    /// Each missing source mention with the extra target mention it most likely became (as
    /// ``unmatched(_:source:target:agrees:similarity:minimumSimilarity:)``), for a rule that
    /// decides itself what is missing and what is extra.
    func assign<S, T>(_ pair: ConsistencyPair, missing: [Mention<S>], extra: [Mention<T>],
                      similarity: (S, T) -> Double = { _, _ in 0 }, minimumSimilarity: Double = 0)
        -> [(source: Mention<S>, target: Mention<T>?, place: (unit: Int, range: Range<Int>))] {
        var extra = extra
        var out: [(Mention<S>, Mention<T>?, (unit: Int, range: Range<Int>))] = []
        let onlyOne = missing.count == 1 && extra.count == 1
        for m in missing {
            let place = targetPlace(pair, sourceUnit: m.unit, at: m.range.lowerBound)
            var best: Int? = nil
            var bestScore = -Double.infinity
            for (k, t) in extra.enumerated() where t.unit == place.unit && t.range.overlaps(place.range) {
                let s = similarity(m.value, t.value)
                if s > bestScore && s >= minimumSimilarity { bestScore = s; best = k }
            }
            if best == nil && onlyOne && similarity(m.value, extra[0].value) >= minimumSimilarity { best = 0 }
            // Elsewhere in the same unit, one that clearly resembles it (1920 → 1927).
            if best == nil {
                best = FileContext.resembling(m.value, extra, minimum: minimumSimilarity, where: { $0.unit == place.unit }) { similarity($0, $1.value) }
            }
            if let b = best {
                out.append((m, extra[b], (extra[b].unit, extra[b].range)))
                extra.remove(at: b)
            } else {
                out.append((m, nil, place))
            }
        }
        return out
    }

    /// A finding on a source element lost or changed in the translation, with `source`/`target`
    /// values in its details.
    func mismatch(_ rule: any Rule, severity: Severity, place: (unit: Int, range: Range<Int>), key: String,
                  sourceUnit: Int, values: [String: String], source: String, target: String?,
                  fix: Fix? = nil, extra: [(String, JSON)] = [], sourceLine: Int? = nil) -> Finding {
        let line = sourceLine ?? pairing?.source.units[sourceUnit].start.line ?? 0
        var v = values
        v["line"] = String(line)
        v["source"] = source
        if let target { v["target"] = target }
        var details: [(String, JSON)] = [("source", .string(source)), ("target", target.map { .string($0) } ?? .null),
                                         ("sourceLine", .int(line))]
        details += extra
        let range = place.range.isEmpty ? place.range.lowerBound..<(place.range.lowerBound + 1) : place.range
        return finding(rule, severity: severity, unit: place.unit, range: range, message: messages.text(key, v),
                       fix: fix, details: [("details", .object(details))])
    }
}

/// Two decimals, for notes.
func format2(_ d: Double) -> String {
    let r = (d * 100).rounded() / 100
    var s = String(r)
    if let dot = s.firstIndex(of: ".") {
        let decimals = s.distance(from: dot, to: s.endIndex) - 1
        if decimals < 2 { s += String(repeating: "0", count: 2 - decimals) }
    }
    return s
}
