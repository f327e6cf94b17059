import BitextAlign
import BitextMarkdown
import BitextText
import Foundation

/// A source sentence the sentence aligner left alone (a 1:0 sentence bead) inside a pair of
/// blocks that both sides translate, with the evidence that tells a sentence the translator
/// dropped from one merged into a neighbour's translation (Chinese translators merge and
/// split sentences: most lone sentences are merges, their content in the next sentence's
/// translation).
struct LoneSentence {
    var bead: Int
    /// The sentence bead of the lone sentence, in the bead's `sentences`.
    var sentenceBead: Int
    var unit: Int            // source unit
    var range: Range<Int>    // of the source unit's text
    var isFirst: Bool
    var isLast: Bool
    var words: Int           // Latin words of prose
    /// Another sentence of the same source block is paired (the block is translated, not
    /// only merged into a neighbour's bead).
    var blockPaired: Bool
    /// Content stems the bilingual lexicon knows or the translation keeps in Latin letters,
    /// and how many of them have a translation anywhere in the bead's target text; the same
    /// share for the bead's other source sentences (nil: they have none).
    var stems: Int
    var covered: Int
    var othersShare: Double?
    /// Numbers, code and names of the sentence that no other source sentence of the bead has;
    /// how many of them the target text holds; and how many of those or of its code spans of a
    /// single lowercase word (`mode`, which a translation may also render in words) it holds.
    var anchors: Int
    var anchorsFound: Int
    var carried: Int
    /// An unpaired target block next to the bead on the sentence's side (unpaired source
    /// blocks between aside): the sentence may be that block.
    var besideUnpairedTarget: Bool

    var share: Double { stems == 0 ? 0 : Double(covered) / Double(stems) }

    /// What the evidence says: dropped when the sentence's words find clearly fewer
    /// translations in the paragraph than its neighbours' do (by 0.3 of their share, with three
    /// stems or more to judge by), or when numbers, code or names only it has are all absent;
    /// not when two of its anchors or code words are there, nor beside an unpaired target block.
    var isDropped: Bool {
        guard blockPaired, words >= 5, carried < 2, !besideUnpairedTarget else { return false }
        if anchors > 0 && anchorsFound == 0 { return true }
        guard let others = othersShare, stems >= 3 else { return false }
        return others - share >= 0.3
    }
}

enum LoneSentences {
    /// The lone source sentences of a file's pairs of blocks (none without a lexicon).
    static func find(_ c: FileContext) -> [LoneSentence] {
        guard let p = c.pairing, let lexicon = Lexicon.shared else { return [] }
        let beads = p.alignment.beads
        let functionWords = c.toolkit.segmenter.source.functionWords
        var out: [LoneSentence] = []
        // Latin words of the whole translation, made on first use: a capitalised word the
        // translation keeps somewhere is a name it keeps.
        var kept: Set<String>? = nil
        func keptWords() -> Set<String> {
            if let kept { return kept }
            var words = Set<String>()
            for (k, u) in c.document.units.enumerated() {
                for w in c.analyses[k].words where w.kind == .latin && u.roles[w.range.lowerBound] == .content { words.insert(u.string(w.range).lowercased()) }
            }
            kept = words
            return words
        }
        for (k, b) in beads.enumerated() where !b.source.isEmpty && !b.target.isEmpty {
            guard b.sentences.contains(where: { $0.target.isEmpty && $0.source.count == 1 }) else { continue }
            let ss = SentenceAligner.spans(of: b.source, in: p.source, analyses: p.sourceAnalyses)
            // The target text: Han runs (0 between them) for the lexicon, all of it lowercased
            // for kept words and anchors, and its numbers in digits or Chinese numerals.
            var han: [UInt32] = []
            var flat = ""
            var targetNumbers = Set<Int>()
            for blk in b.target {
                guard let u = c.document.unitIndex(block: blk) else { continue }
                let unit = c.document.units[u]
                for (ch, role) in zip(unit.text, unit.roles) {
                    if role == .content && ch >= 0x3400 && ch < 0xA000 { han.append(ch) } else if han.last != 0 { han.append(0) }
                }
                flat += unit.string.lowercased() + "\n"
                for m in NumberScanner.numbers(in: unit.text, eligible: { unit.roles[$0] == .content }) {
                    for v in m.values where v == v.rounded() && abs(v) < 1e15 { targetNumbers.insert(Int(v)) }
                }
            }
            // What the dictionary words anywhere in the target text translate (lexicon stems),
            // as the sentence aligner's lexical evidence reads them: every substring, a single
            // character's first few senses.
            var reach = Set<Int32>()
            han.withUnsafeBufferPointer { lexicon.forEachStem(inHan: $0, maxLength: 6, singleSenses: 6) { reach.insert($0) } }
            /// nil: nothing to judge by (no lexicon entry, not kept).
            func covered(_ stem: String) -> Bool? {
                if flat.contains(stem) { return true }
                guard let id = lexicon.stem(stem) else { return nil }
                return reach.contains(id)
            }
            func stems(_ sp: SentenceSpan) -> Set<String> {
                var out = Set<String>()
                let u = p.source.units[sp.unit]
                for w in p.sourceAnalyses[sp.unit].words where w.kind == .latin && sp.range.contains(w.range.lowerBound) {
                    guard u.roles[w.range.lowerBound] == .content else { continue }
                    let word = u.string(w.range).lowercased()
                    if functionWords.contains(word) || word.count < 2 { continue }
                    out.insert(Stemmer.stem(word))
                }
                return out
            }
            // Numbers ("#…"), code (a single lowercase word "~…": weak evidence, found or not)
            // and names (inner capitals or digits, or a capitalised word the translation keeps
            // elsewhere): what a translation carries over as written.
            func anchors(_ sp: SentenceSpan) -> Set<String> {
                let u = p.source.units[sp.unit]
                var out = Set<String>()
                var i = sp.range.lowerBound
                while i < sp.range.upperBound {
                    let ch = u.text[i]
                    if u.roles[i] == .code {
                        var e = i
                        while e < sp.range.upperBound && u.roles[e] == .code { e += 1 }
                        let s = u.string(i..<e).trimmingCharacters(in: .whitespaces)
                        if !s.isEmpty { out.insert(s.unicodeScalars.allSatisfy({ $0.value >= 0x61 && $0.value <= 0x7A }) ? "~" + s : s.lowercased()) }
                        i = e
                    } else if u.roles[i] == .content && ch >= 0x30 && ch <= 0x39 {
                        var e = i
                        while e < sp.range.upperBound && u.text[e] >= 0x30 && u.text[e] <= 0x39 { e += 1 }
                        out.insert("#" + u.string(i..<e))
                        i = e
                    } else {
                        i += 1
                    }
                }
                var first = true
                for w in p.sourceAnalyses[sp.unit].words where w.kind == .latin && sp.range.contains(w.range.lowerBound) {
                    defer { first = false }
                    guard !first, u.roles[w.range.lowerBound] == .content else { continue }
                    let s = u.string(w.range)
                    let scalars = Array(s.unicodeScalars)
                    guard scalars.first?.properties.isUppercase == true, !functionWords.contains(s.lowercased()) else { continue }
                    let inner = scalars.dropFirst().contains { $0.properties.isUppercase || ($0.value >= 0x30 && $0.value <= 0x39) }
                    if inner || keptWords().contains(s.lowercased()) { out.insert(s.lowercased()) }
                }
                return out
            }
            func carried(_ a: String) -> Bool {
                if a.hasPrefix("#") { return Int(a.dropFirst()).map(targetNumbers.contains) ?? false || flat.contains(a.dropFirst()) }
                return flat.contains(a.hasPrefix("~") ? String(a.dropFirst()) : a)
            }
            let allStems = ss.map(stems)
            let allAnchors = ss.map(anchors)
            var before = k - 1
            while before >= 0 && beads[before].target.isEmpty { before -= 1 }
            var after = k + 1
            while after < beads.count && beads[after].target.isEmpty { after += 1 }
            let unpairedBefore = before >= 0 && beads[before].source.isEmpty
            let unpairedAfter = after < beads.count && beads[after].source.isEmpty
            for (q, sb) in b.sentences.enumerated() where sb.target.isEmpty && sb.source.count == 1 {
                let i = sb.source[0]
                let sp = ss[i]
                let u = p.source.units[sp.unit]
                var words = 0
                for w in p.sourceAnalyses[sp.unit].words where w.kind == .latin && sp.range.contains(w.range.lowerBound) && u.roles[w.range.lowerBound] == .content {
                    words += 1
                }
                var n = 0, hit = 0, on = 0, oc = 0
                for s in allStems[i] { if let v = covered(s) { n += 1; if v { hit += 1 } } }
                for (j, st) in allStems.enumerated() where j != i {
                    for s in st { if let v = covered(s) { on += 1; if v { oc += 1 } } }
                }
                var others = Set<String>()
                for (j, a) in allAnchors.enumerated() where j != i { others.formUnion(a) }
                let own = allAnchors[i].subtracting(others)
                let strong = own.filter { !$0.hasPrefix("~") }
                let isFirst = q == 0, isLast = q == b.sentences.count - 1
                out.append(LoneSentence(
                    bead: k, sentenceBead: q, unit: sp.unit, range: sp.range, isFirst: isFirst, isLast: isLast, words: words,
                    blockPaired: b.sentences.contains { o in !o.target.isEmpty && o.source.contains { ss[$0].unit == sp.unit } },
                    stems: n, covered: hit, othersShare: on == 0 ? nil : Double(oc) / Double(on),
                    anchors: strong.count, anchorsFound: strong.filter(carried).count, carried: own.filter(carried).count,
                    besideUnpairedTarget: isFirst && unpairedBefore || isLast && unpairedAfter))
            }
        }
        return out
    }

    /// One line of TSV on standard error per lone sentence, with its evidence
    /// (`BITEXT_DEBUG_DROPPED`, for measuring the rule on corpora).
    static func dump(_ c: FileContext, _ found: [LoneSentence]) {
        guard let p = c.pairing else { return }
        var lines = ""
        for s in found {
            let u = p.source.units[s.unit]
            let at = u.position(at: s.range.lowerBound)
            let fields: [String] = [
                c.document.path, p.source.path, "\(at.line):\(at.column)", s.isFirst ? "first" : s.isLast ? "last" : "mid",
                "\(s.words)", s.blockPaired ? "1" : "0", "\(s.covered)/\(s.stems)", s.othersShare.map { String(format: "%.2f", $0) } ?? "NA",
                "\(s.anchorsFound)/\(s.anchors)", "\(s.carried)", s.besideUnpairedTarget ? "1" : "0", s.isDropped ? "DROPPED" : "-",
                u.plainText(in: s.range).replacingOccurrences(of: "\t", with: " "),
            ]
            lines += fields.joined(separator: "\t") + "\n"
        }
        if !lines.isEmpty { FileHandle.standardError.write(Data(lines.utf8)) }
    }
}
