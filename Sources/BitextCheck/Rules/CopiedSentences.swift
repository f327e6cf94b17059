import BitextAlign
import BitextMarkdown
import BitextText

/// A sentence of a Chinese unit that is its source sentence still, character for character:
/// too short or too much made of labels for `mixed-language`'s own test (`Choose **Low**,
/// **Medium** or **High**.` counts two words once the labels are names), but the source says
/// it is a sentence of English prose that the translation copied.
enum CopiedSentences {
    /// The copied sentences of the translation (unit, range), bilingual only: a one-to-one
    /// sentence pair whose two sides have the same text, in a unit that has Han elsewhere, with
    /// no Han, not wholly quoted, two Latin words at least and one of them a function word, or
    /// three and lowercase words of four letters or more after the first, two or one in a list
    /// split by commas (`Class 3, packing group II.`; a greeting, a name or a title of two
    /// capitalised words stays), some outside link text, and
    /// not inside a stretch `mixed-language` reports already.
    static func find(_ c: FileContext) -> [(unit: Int, range: Range<Int>, sourceLine: Int)] {
        guard let p = c.pairing else { return [] }
        let functionWords = c.toolkit.segmenter.source.functionWords
        var out: [(unit: Int, range: Range<Int>, sourceLine: Int)] = []
        for b in p.alignment.beads where !b.source.isEmpty && !b.target.isEmpty && !b.sentences.isEmpty {
            // Only beads whose target holds Han and a sentence without it.
            guard b.target.contains(where: { blk in c.document.unitIndex(block: blk).map { c.analyses[$0].hasHan } ?? false }) else { continue }
            let ts = SentenceAligner.spans(of: b.target, in: c.document, analyses: c.analyses)
            var ss: [SentenceSpan]? = nil
            for sb in b.sentences where sb.source.count == 1 && sb.target.count == 1 {
                let t = ts[sb.target[0]]
                let tu = c.document.units[t.unit], ta = c.analyses[t.unit]
                guard ta.hasHan, !ta.isNote else { continue }
                let trimmed = trim(tu.text, t.range)
                guard !trimmed.isEmpty, !tu.text[trimmed].contains(where: isHanChar) else { continue }
                if ss == nil { ss = SentenceAligner.spans(of: b.source, in: p.source, analyses: p.sourceAnalyses) }
                let s = ss![sb.source[0]]
                let su = p.source.units[s.unit]
                let sTrimmed = trim(su.text, s.range)
                guard tu.text[trimmed].elementsEqual(su.text[sTrimmed]) else { continue }
                if ta.stretches.contains(where: { $0.isProse && $0.range.overlaps(trimmed) }) { continue }
                if isQuoted(tu.text, trimmed, quotes: c.settings.target.quotes + c.settings.source.quotes) { continue }
                var words = 0, function = false, outsideLinks = false, lowercase = 0
                for w in ta.words where w.kind == .latin && trimmed.contains(w.range.lowerBound) && tu.roles[w.range.lowerBound] == .content {
                    words += 1
                    let word = tu.string(w.range)
                    if !function, functionWords.contains(word.lowercased()) { function = true }
                    if !outsideLinks, !tu.links.contains(where: { $0.text.contains(w.range.lowerBound) }) { outsideLinks = true }
                    if words > 1, w.range.count >= 4, tu.text[w.range].allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) { lowercase += 1 }
                }
                // No function word, but lowercase words of four letters or more after the first
                // word, two of them or one in a list split by commas (`Class 3, packing group
                // II.`): a sentence, which a name or a title of capitalised words is not (its
                // particles, `van`, `de la`, are shorter).
                let comma = tu.text[trimmed].contains(0x2C)
                let sentence = function || words >= 3 && (lowercase >= 2 || lowercase >= 1 && comma)
                // Words only in link text: a page's title cited, as `mixed-language` keeps it.
                if words >= 2 && sentence && outsideLinks { out.append((t.unit, trimmed, su.position(at: sTrimmed.lowerBound).line)) }
            }
        }
        return out
    }

    private static func trim(_ text: [UInt32], _ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi && isSpace(text[lo]) { lo += 1 }
        while hi > lo && isSpace(text[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    /// Opens with a quotation mark of the locales (`quotes`) and closes with its closing mark (a
    /// full stop after it allowed): a cited sentence, kept in English on purpose.
    private static func isQuoted(_ text: [UInt32], _ r: Range<Int>, quotes: [(open: UInt32, close: UInt32)]) -> Bool {
        guard let first = text[r].first, let q = quotes.first(where: { $0.open == first }) else { return false }
        var hi = r.upperBound
        while hi > r.lowerBound + 1 && [0x2E, 0x3002, 0x21, 0x3F].contains(text[hi - 1]) { hi -= 1 }
        return hi - 1 > r.lowerBound && text[hi - 1] == q.close
    }
}
