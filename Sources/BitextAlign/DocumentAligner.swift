import BitextMarkdown
import BitextText

/// Aligns two documents: blocks first, then sentences inside each bead.
public struct DocumentAligner: Sendable {
    public var blocks = BlockAligner()
    public var sentences = SentenceAligner()
    public var functionWords: Set<String>

    public init(functionWords: Set<String>, lettersPerHan: Double = 2.8) {
        self.functionWords = functionWords
        blocks.priorRatio = lettersPerHan
    }

    public func align(source: Document, sourceAnalyses: [TextAnalysis],
                      target: Document, targetAnalyses: [TextAnalysis]) -> Alignment {
        let sf = BlockFeatures.of(source, analyses: sourceAnalyses, functionWords: functionWords)
        let tf = BlockFeatures.of(target, analyses: targetAnalyses, functionWords: functionWords)
        var beads = blocks.align(source: sf, target: tf)
        let ratio = blocks.ratio(source: sf, target: tf) ?? 1
        let words = SentenceAligner.WordCache()
        func alignSentences(_ b: inout Bead) {
            let s = SentenceAligner.sentences(of: b.source, in: source, analyses: sourceAnalyses, words: words)
            let t = SentenceAligner.sentences(of: b.target, in: target, analyses: targetAnalyses, words: words)
            b.sentences = sentences.align(source: s, target: t, ratio: ratio)
        }
        for k in beads.indices where !beads[k].source.isEmpty && !beads[k].target.isEmpty { alignSentences(&beads[k]) }
        // Moved pairs too: exports cut their translation into sentences as they cut any pair's.
        var pairs = moved(beads, sf, tf)
        for k in pairs.indices { alignSentences(&pairs[k]) }
        return Alignment(beads: beads, moved: pairs)
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
        var out: [Bead] = []
        for b in blocks.align(source: ls.map { sf[$0] }, target: lt.map { tf[$0] })
        where !b.source.isEmpty && !b.target.isEmpty && b.score >= DocumentAligner.movedScore {
            let s = b.source.map { sf[ls[$0]] }, t = b.target.map { tf[lt[$0]] }
            if DocumentAligner.sameContent(s, t) {
                out.append(Bead(source: b.source.map { ls[$0] }, target: b.target.map { lt[$0] }, score: b.score))
            }
        }
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
