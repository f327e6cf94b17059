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
    /// The shorter of two source sentences the aligner paired with one target sentence (a 2:1
    /// bead): the sentence may be merged into its partner's translation or dropped beside it.
    /// Then `anchors` counts only its numbers and its code with a sign in it (identifiers and
    /// names are translated into what they name), and `anchorsFound` those found as written: a
    /// code span as that span or in the target's text, not inside a longer span the source also
    /// has (`?` inside `<.+?>`), any target span the source has not standing for it; and the
    /// partner's own numbers, code and names, and how many the target holds.
    var merged = false
    var partnerAnchors = 0
    var partnerFound = 0
    /// Merged, and the first of the two: its translation belongs before the partner's.
    var beforePartner = false
    /// The sentence negates (`not`, `never`: the source locale's `negations`, without a word that
    /// lets a translation say it otherwise: `not … until` is `…才`) and the translation holds no
    /// negation (the target locale's `negations`: `不`, `没`, `无`): of a lone sentence, nowhere in
    /// the bead's translation; of a merged one, not in the target sentence, its partner negating
    /// nothing.
    var lostNegation = false
    /// A lone sentence with code spans, every one of which the translation writes fewer times
    /// than the bead's source does (a span the translation's prose writes counts as written),
    /// every span of the translation being one of the source's: its code went with it (`Valid
    /// values are `private` and `public-read`.` dropped, the next sentence's `private` kept once
    /// for the source's two). Dropped when none of its words is rendered either (``isDropped``).
    var codeLost = false
    /// A lone sentence with code spans, none found as written, beside a sentence whose
    /// translation holds at least as many code spans more than its source: its code went there,
    /// localised (`Final Count` → `最终数量`), and the sentence with it. Not dropped unless it
    /// took a negation with it.
    var codeMerged = false
    /// A clause of a sentence the aligner paired one to one, between `;` of its prose: dropped
    /// when its words find clearly fewer translations than the rest of the paragraph's (as a
    /// lone sentence's) and the pair is far shorter in the translation than Chinese writes
    /// (``lettersPerCharacter``).
    var clause = false
    /// The clause is the sentence's first: its translation belongs at the start of the target
    /// sentence, else at its end.
    var firstClause = false
    /// Of a clause: the Latin letters of its sentence's prose for each character of the target
    /// sentence (a Han character, or four Latin letters kept). The corpora's sentences paired
    /// one to one write about 3 (a tenth of those of 80 letters or more over 3.8, a thousandth
    /// over 6.3), those with a `;` clause 5.1 at most.
    var lettersPerCharacter = 0.0
    /// Far outside what a translation of the whole sentence writes.
    static let clauseDroppedRatio = 6.0
    /// Outside what most translations of a whole sentence write (a tenth of the corpora's pairs
    /// of 80 letters or more write over 3.8): enough for a clause none of whose words, or one in
    /// four, the paragraph renders while the rest of it is rendered (``isDropped``).
    static let clauseUnrenderedRatio = 4.0

    var share: Double { stems == 0 ? 0 : Double(covered) / Double(stems) }

    /// What the evidence says: dropped when the sentence's words find clearly fewer
    /// translations in the paragraph than its neighbours' do (by 0.3 of their share, with three
    /// stems or more to judge by), or when numbers, code or names only it has are all absent;
    /// not when two of its anchors or code words are there, nor beside an unpaired target block.
    /// A sentence of three words or more that took a negation with it is dropped however short
    /// (`It does not change any data.`: a translation never leaves a negation out), and so is one
    /// of three words or more none of whose words is rendered and whose code is gone with it
    /// (``codeLost``: `Valid values are `private` and `public-read`.`). A clause
    /// (``clause``) only by its words, with its pair far too short; or shorter than most
    /// translations of the whole sentence when at most one in four of its stems is rendered and
    /// the rest's share is 0.4 above (`A bucket holds objects in one region; its name must be
    /// unique…` → `存储桶名称在所有账户中必须唯一。`: bucket alone of four, against two of three,
    /// 4.4 letters a character).
    var isDropped: Bool {
        guard blockPaired, carried < 2, !besideUnpairedTarget else { return false }
        // A clause: its words and the pair's length both (either alone flags translated clauses).
        if clause {
            guard words >= 5, stems >= 3, let others = othersShare else { return false }
            if others - share >= 0.3 && lettersPerCharacter >= LoneSentence.clauseDroppedRatio { return true }
            return share <= 0.25 && others - share >= 0.4 && lettersPerCharacter >= LoneSentence.clauseUnrenderedRatio
        }
        if lostNegation && words >= 3 { return true }
        if codeMerged { return false }
        // Too short for its words to tell, but its code is gone with it.
        if codeLost && !merged && words >= 3 && covered == 0 { return true }
        guard words >= 5 else { return false }
        // Merged into a 2:1 bead: only when none of its own anchors is there, as written, and
        // its partner's are (or it has none), so the target sentence translates the partner.
        if merged { return anchors > 0 && anchorsFound == 0 && carried == 0 && (partnerAnchors == 0 || partnerFound > 0) }
        if anchors > 0 && anchorsFound == 0 { return true }
        guard let others = othersShare, stems >= 3 else { return false }
        return others - share >= 0.3
    }
}

enum LoneSentences {
    /// The lone source sentences of a file's pairs of blocks (none without a lexicon).
    /// `BITEXT_DEBUG_DROPPED`: every clause is judged, for ``dump(_:_:)``.
    static let measuring = Environment.value("BITEXT_DEBUG_DROPPED") != nil

    static func find(_ c: FileContext) -> [LoneSentence] {
        guard let p = c.pairing, let lexicon = Lexicon.shared else { return [] }
        let beads = p.alignment.beads
        let functionWords = c.toolkit.segmenter.source.functionWords
        let negations = c.toolkit.segmenter.source.negations
        let listed = LoneSentences.listedWords(negations)
        let opens = c.toolkit.segmenter.source.quotes.map(\.open)
        let targetNegations = LoneSentences.scalars(c.toolkit.segmenter.target.negations)
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
            let lones = b.sentences.contains(where: { $0.target.isEmpty && $0.source.count == 1 || $0.source.count == 2 && $0.target.count == 1 })
            // A `;` in a source block of a sentence paired one to one: clauses to judge.
            let clauses = b.sentences.contains(where: { $0.source.count == 1 && $0.target.count == 1 })
                && b.source.contains { blk in p.source.unitIndex(block: blk).map { p.source.units[$0].text.contains(0x3B) } ?? false }
            guard lones || clauses else { continue }
            let ss = SentenceAligner.spans(of: b.source, in: p.source, analyses: p.sourceAnalyses)
            // The target text: all of it lowercased for kept words and anchors, and its numbers
            // in digits or Chinese numerals.
            var flat = ""
            var targetNumbers = Set<Int>()
            // The target's content text and its code spans, for anchors found as written.
            var content = ""
            var codeSpans: [String] = []
            for blk in b.target {
                guard let u = c.document.unitIndex(block: blk) else { continue }
                let unit = c.document.units[u]
                var prose: [UInt32] = []
                for (ch, role) in zip(unit.text, unit.roles) { prose.append(role == .content ? ch : 0x20) }
                content += makeString(prose).lowercased() + "\n"
                unit.roles.forEachRun(of: .code) { r in
                    let span = unit.string(r).trimmingCharacters(in: .whitespaces).lowercased()
                    if !span.isEmpty { codeSpans.append(span) }
                }
                flat += unit.string.lowercased() + "\n"
                for m in NumberScanner.numbers(in: unit.text, numerals: c.settings.target.numerals, eligible: { unit.roles[$0] == .content }) {
                    for v in m.values where v == v.rounded() && abs(v) < 1e15 { targetNumbers.insert(Int(v)) }
                }
            }
            // What the dictionary words anywhere in the target text translate (lexicon stems),
            // as the sentence aligner's lexical evidence reads them: every substring, a single
            // character's first few senses.
            let reach = lexicon.stemsReached(by: b.target.compactMap { c.document.unitIndex(block: $0).map { c.document.units[$0] } })
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
                if a.hasPrefix("#") { return Int(a.dropFirst()).map(targetNumbers.contains) ?? false || LoneSentences.holds(flat, number: a.dropFirst()) }
                return flat.contains(a.hasPrefix("~") ? String(a.dropFirst()) : a)
            }
            func negates(_ sp: SentenceSpan) -> Bool {
                let u = p.source.units[sp.unit], a = p.sourceAnalyses[sp.unit]
                guard let n = LoneSentences.negator(u, a, sp.range, negations, listed, opens: opens) else { return false }
                // A capitalised negator the translation writes as it is (`None`, a value: 默认为
                // None，…) is a name the translation kept, not a negation it dropped.
                let w = a.words[n.index].range
                guard u.text[w.lowerBound] >= 0x41 && u.text[w.lowerBound] <= 0x5A else { return true }
                return !LoneSentences.keeps(b.target, in: c.document, word: u.string(w))
            }
            let allStems = ss.map(stems)
            let allAnchors = ss.map(anchors)
            // The target's sentences (made on first use: negations, merged code, clauses).
            var targetSentenceSpans: [SentenceSpan]? = nil
            func targetSpans() -> [SentenceSpan] {
                if targetSentenceSpans == nil { targetSentenceSpans = SentenceAligner.spans(of: b.target, in: c.document, analyses: c.analyses) }
                return targetSentenceSpans!
            }
            let negated = ss.map(negates)
            // Which target sentences hold a negation (made only when a source sentence negates).
            var targetNegated: [Bool]? = nil
            func negatedTargets() -> [Bool] {
                if let targetNegated { return targetNegated }
                let v = targetSpans().map { t in LoneSentences.saysNegation(c.document.units[t.unit].text, t.range, targetNegations) }
                targetNegated = v
                return v
            }
            // Found as written (a 2:1 bead): a code span as that span or in the target's content,
            // or inside a longer target span that is no span of the source's.
            var sourceSpanSet: Set<String>? = nil
            func sourceSpans() -> Set<String> {
                if sourceSpanSet == nil {
                    var spans = Set<String>()
                    for sp in ss {
                        let u = p.source.units[sp.unit]
                        u.roles.forEachRun(of: .code) { r in
                            if r.overlaps(sp.range) { spans.insert(u.string(r).trimmingCharacters(in: .whitespaces).lowercased()) }
                        }
                    }
                    sourceSpanSet = spans
                }
                return sourceSpanSet!
            }
            func found(_ a: String) -> Bool {
                let span = a.hasPrefix("~") ? String(a.dropFirst()) : a
                guard !a.hasPrefix("#"), sourceSpans().contains(span) else { return carried(a) }
                if content.contains(span) { return true }
                // A target span the source has not is a rendering of it, changed or not.
                return codeSpans.contains { $0 == span || !sourceSpans().contains($0) }
            }
            /// What a translation cannot render in words: a number, or code with a sign in it
            /// (`?`, `--keep`, `a.b`), not an identifier (`YearPicker`, `Edit`: translators
            /// write the thing it names) nor words with signs between (`Settings -> Users`).
            func unwordable(_ a: String) -> Bool {
                if a.hasPrefix("#") { return true }
                guard !a.hasPrefix("~"), sourceSpans().contains(a) else { return false }
                let scalars = Array(a.unicodeScalars)
                for k in scalars.indices.dropFirst().dropLast() where scalars[k] == " "
                    && scalars[k - 1].properties.isAlphabetic && scalars[k + 1].properties.isAlphabetic { return false }
                return scalars.contains { !($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" || $0 == " " || $0 == "-") }
            }
            // How many times the bead's source writes each code span (made on first use).
            var sourceSpanCounts: [String: Int]? = nil
            /// Every code span of a lone sentence is one the translation writes fewer times than
            /// the bead's source (its prose writing it counts as written), and the translation
            /// has no span the source has not: lost with it.
            func codeLost(_ sp: SentenceSpan) -> Bool {
                let u = p.source.units[sp.unit]
                var mine: [String] = []
                u.roles.forEachRun(of: .code) { r in
                    guard sp.range.contains(r.lowerBound) else { return }
                    let s = u.string(r).trimmingCharacters(in: .whitespaces).lowercased()
                    if !s.isEmpty { mine.append(s) }
                }
                guard !mine.isEmpty else { return false }
                if sourceSpanCounts == nil {
                    var counts: [String: Int] = [:]
                    for blk in b.source {
                        guard let k = p.source.unitIndex(block: blk) else { continue }
                        let su = p.source.units[k]
                        su.roles.forEachRun(of: .code) { r in
                            let s = su.string(r).trimmingCharacters(in: .whitespaces).lowercased()
                            if !s.isEmpty { counts[s, default: 0] += 1 }
                        }
                    }
                    sourceSpanCounts = counts
                }
                // A target span the source has not may render one of them, changed (`Demo_Name`
                // for `{Demo_Name}`).
                var left = sourceSpanCounts!
                for t in codeSpans {
                    guard let n = left[t], n > 0 else { return false }
                    left[t] = n - 1
                }
                return mine.allSatisfy { s in !content.contains(s) && left[s, default: 0] > 0 }
            }
            func wordCount(_ sp: SentenceSpan) -> Int {
                let u = p.source.units[sp.unit]
                var words = 0
                for w in p.sourceAnalyses[sp.unit].words where w.kind == .latin && sp.range.contains(w.range.lowerBound) && u.roles[w.range.lowerBound] == .content {
                    words += 1
                }
                return words
            }
            var before = k - 1
            while before >= 0 && beads[before].target.isEmpty { before -= 1 }
            var after = k + 1
            while after < beads.count && beads[after].target.isEmpty { after += 1 }
            // Unpaired, or a bead the aligner gave more target blocks than source blocks (a
            // source list item whose last line runs on lazily, `The result is as follows:`, that the
            // translation makes a paragraph of its own: the block aligner pairs it with the next
            // source block).
            let unpairedBefore = before >= 0 && (beads[before].source.isEmpty || beads[before].target.count > beads[before].source.count)
            let unpairedAfter = after < beads.count && (beads[after].source.isEmpty || beads[after].target.count > beads[after].source.count)
            for (q, sb) in b.sentences.enumerated() {
                let lone = sb.target.isEmpty && sb.source.count == 1
                let merged = sb.source.count == 2 && sb.target.count == 1
                guard lone || merged else { continue }
                // Of a 2:1 bead, the shorter sentence (in words; of two alike, the one that
                // negates when only one does, else neither).
                var i = sb.source[0], partner: Int? = nil
                var words = wordCount(ss[i])
                if merged {
                    let other = wordCount(ss[sb.source[1]])
                    let j = sb.source[1]
                    if other == words {
                        guard negated[i] != negated[j] else { continue }
                        if negated[j] { partner = i; i = j } else { partner = j }
                    } else if other < words { partner = i; i = j; words = other } else { partner = j }
                }
                let sp = ss[i]
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
                var partnerAnchors = 0, partnerFound = 0
                if let j = partner {
                    var notJ = Set<String>()
                    for (m, a) in allAnchors.enumerated() where m != j { notJ.formUnion(a) }
                    let theirs = allAnchors[j].subtracting(notJ).filter { !$0.hasPrefix("~") }
                    partnerAnchors = theirs.count
                    partnerFound = theirs.filter(carried).count
                }
                var sentence = LoneSentence(
                    bead: k, sentenceBead: q, unit: sp.unit, range: sp.range, isFirst: isFirst, isLast: isLast, words: words,
                    blockPaired: b.sentences.contains { o in !o.target.isEmpty && o.source.contains { ss[$0].unit == sp.unit } },
                    stems: n, covered: hit, othersShare: on == 0 ? nil : Double(oc) / Double(on),
                    anchors: strong.count, anchorsFound: strong.filter(carried).count, carried: own.filter(carried).count,
                    besideUnpairedTarget: isFirst && unpairedBefore || isLast && unpairedAfter)
                if negated[i] {
                    let nt = negatedTargets()
                    if let j = partner {
                        sentence.lostNegation = !negated[j] && sb.target.allSatisfy { !nt[$0] }
                    } else {
                        sentence.lostNegation = !nt.contains(true)
                    }
                }
                if lone && words < 5 { sentence.codeLost = codeLost(sp) }
                // Its code went into the translation of a neighbouring sentence, localised (`Final
                // Count` as `最终数量`): that translation holds more code spans than its source
                // by at least as many as this sentence has, none of which is found as written.
                if lone && sentence.anchorsFound == 0 {
                    let mine = codeRuns(p.source.units[sp.unit], sp.range)
                    if mine > 0 {
                        let ts = targetSpans()
                        for q2 in [q - 1, q + 1] where q2 >= 0 && q2 < b.sentences.count {
                            let nb = b.sentences[q2]
                            guard !nb.target.isEmpty, !nb.source.isEmpty else { continue }
                            let extra = nb.target.reduce(0) { $0 + codeRuns(c.document.units[ts[$1].unit], ts[$1].range) }
                                - nb.source.reduce(0) { $0 + codeRuns(p.source.units[ss[$1].unit], ss[$1].range) }
                            if extra >= mine { sentence.codeMerged = true }
                        }
                    }
                }
                if merged {
                    sentence.merged = true
                    let signs = strong.filter(unwordable)
                    sentence.anchors = signs.count
                    sentence.anchorsFound = signs.filter(found).count
                    sentence.carried = own.filter(found).count
                    sentence.partnerAnchors = partnerAnchors
                    sentence.partnerFound = partnerFound
                    sentence.beforePartner = i == sb.source[0]
                    sentence.besideUnpairedTarget = isFirst && sentence.beforePartner && unpairedBefore || isLast && !sentence.beforePartner && unpairedAfter
                }
                out.append(sentence)
            }
            guard clauses else { continue }
            for (q, sb) in b.sentences.enumerated() where sb.source.count == 1 && sb.target.count == 1 {
                let i = sb.source[0], sp = ss[i]
                let u = p.source.units[sp.unit]
                // The clauses: between `;` of the prose.
                var cuts: [Int] = []
                for j in sp.range where u.text[j] == 0x3B && u.roles[j] == .content { cuts.append(j) }
                guard !cuts.isEmpty else { continue }
                var ranges: [Range<Int>] = []
                var lo = sp.range.lowerBound
                for cut in cuts + [sp.range.upperBound] {
                    var a = lo
                    while a < cut && (u.text[a] == 0x20 || u.text[a] == 0x0A) { a += 1 }
                    ranges.append(a..<cut)
                    lo = cut + 1
                }
                let ratio: Double = {
                    let t = targetSpans()[sb.target[0]]
                    let tu = c.document.units[t.unit]
                    var letters = 0, han = 0, kept = 0
                    for j in sp.range where u.roles[j] == .content && (u.text[j] | 0x20) >= 0x61 && (u.text[j] | 0x20) <= 0x7A { letters += 1 }
                    // Of the translation's prose only, as of the source's: a code span both write
                    // (`strict_mode`) is neither, and weighs nothing against a dropped clause.
                    for k in t.range where tu.roles[k] == .content {
                        let ch = tu.text[k]
                        if isHanIdeograph(ch) { han += 1 } else if (ch | 0x20) >= 0x61 && (ch | 0x20) <= 0x7A { kept += 1 }
                    }
                    return Double(letters) / max(1, Double(han) + Double(kept) / 4)
                }()
                // A translation of the whole sentence: its clauses need no look (unless measuring).
                guard ratio >= LoneSentence.clauseUnrenderedRatio || measuring else { continue }
                let spans = ranges.map { SentenceSpan(unit: sp.unit, range: $0) }
                let clauseStems = spans.map(stems), clauseAnchors = spans.map(anchors), clauseWords = spans.map(wordCount)
                for (m, cs) in spans.enumerated() where clauseWords[m] >= 5 {
                    var n = 0, hit = 0, on = 0, oc = 0
                    for st in clauseStems[m] { if let v = covered(st) { n += 1; if v { hit += 1 } } }
                    for (j, st) in allStems.enumerated() where j != i {
                        for x in st { if let v = covered(x) { on += 1; if v { oc += 1 } } }
                    }
                    for (j, st) in clauseStems.enumerated() where j != m {
                        for x in st { if let v = covered(x) { on += 1; if v { oc += 1 } } }
                    }
                    var others = Set<String>()
                    for (j, a) in allAnchors.enumerated() where j != i { others.formUnion(a) }
                    for (j, a) in clauseAnchors.enumerated() where j != m { others.formUnion(a) }
                    let own = clauseAnchors[m].subtracting(others)
                    let strong = own.filter { !$0.hasPrefix("~") }
                    var sentence = LoneSentence(
                        bead: k, sentenceBead: q, unit: sp.unit, range: cs.range, isFirst: false, isLast: false, words: clauseWords[m],
                        blockPaired: true, stems: n, covered: hit, othersShare: on == 0 ? nil : Double(oc) / Double(on),
                        anchors: strong.count, anchorsFound: strong.filter(carried).count, carried: own.filter(carried).count,
                        besideUnpairedTarget: false)
                    sentence.clause = true
                    sentence.firstClause = m == 0
                    sentence.lettersPerCharacter = ratio
                    out.append(sentence)
                }
            }
        }
        return out
    }

    /// The code spans that begin in `range` of a unit.
    static func codeRuns(_ u: BitextMarkdown.Unit, _ range: Range<Int>) -> Int {
        var n = 0
        u.roles.forEachRun(of: .code) { r in if range.contains(r.lowerBound) { n += 1 } }
        return n
    }

    /// The first word of prose in `range` of a source unit that negates the sentence (the source
    /// locale's `negations`: `not`, `never`, `can't`) and its index in the unit's words; nil when
    /// none does or when a word lets a translation say the negation without one (`!until` in the
    /// list: `not … until` is `…才`). A negator in a phrase of the list with the word before or
    /// after it is none (`not only`, `or not`), nor one in capitals with no lowercase word after
    /// it (`HDFS, S3, NONE`: a value; `Do NOT use` negates), nor one right after an opening
    /// quotation mark of the source locale (`opens`, its `quotes`: `“no name value”`: a name).
    /// With `bounds` (``LocaleData/bounds``), a negator that only bounds what follows is none: a
    /// bound word starting with it (`no more than 5`, `not less than`) or a comparative before a
    /// word of `bounds.comparatives` (`than`: `no later than Friday`: `最迟周五`). `'` stands for
    /// `’` too.
    static func negator(_ u: BitextMarkdown.Unit, _ a: TextAnalysis, _ range: Range<Int>, _ negations: Set<String>,
                        _ listed: [[UInt32]], opens: [UInt32], bounds: LocaleData.Bounds? = nil) -> (word: String, index: Int)? {
        var found: (word: String, index: Int)? = nil
        let words = a.words
        func lowered(_ k: Int) -> String? {
            guard k >= 0, k < words.count, words[k].kind == .latin, range.contains(words[k].range.lowerBound) else { return nil }
            return u.string(words[k].range).lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
        }
        for (k, w) in words.enumerated() where w.kind == .latin && range.contains(w.range.lowerBound) {
            // No string for a word the list does not hold.
            guard u.roles[w.range.lowerBound] == .content, Self.listed(u, w.range, listed) else { continue }
            var word = u.string(w.range).lowercased()
            if word.contains("\u{2019}") { word = word.replacingOccurrences(of: "\u{2019}", with: "'") }
            if negations.contains("!" + word) { return nil }
            guard found == nil, negations.contains(word) else { continue }
            if let next = lowered(k + 1), negations.contains(word + " " + next) { continue }
            if let previous = lowered(k - 1), negations.contains(previous + " " + word) { continue }
            if w.range.count > 1, w.range.allSatisfy({ !(u.text[$0] >= 0x61 && u.text[$0] <= 0x7A) }) {
                let next = k + 1 < words.count && words[k + 1].kind == .latin && range.contains(words[k + 1].range.lowerBound) ? u.text[words[k + 1].range.lowerBound] : 0
                guard next >= 0x61 && next <= 0x7A else { continue }
            }
            if let bounds, bounding(u, words, at: k, bounds) { continue }
            // A negator right after an opening quotation mark starts a name (`“no name value”`).
            if w.range.lowerBound > 0, opens.contains(u.text[w.range.lowerBound - 1]) { continue }
            found = (word, k)
        }
        return found
    }

    /// The index of the Latin word before `words[k]` inside `range`, nil when it is the first.
    static func previousLatin(_ words: [Word], before k: Int, in range: Range<Int>) -> Int? {
        var m = k - 1
        while m >= 0 && range.contains(words[m].range.lowerBound) {
            if words[m].kind == .latin { return m }
            m -= 1
        }
        return nil
    }

    /// How many words of prose in `range` negate (``negator(_:_:_:_:_:opens:bounds:)``'s words,
    /// phrases of the list such as `not only` apart).
    static func negators(_ u: BitextMarkdown.Unit, _ words: [Word], _ range: Range<Int>, _ negations: Set<String>, _ listed: [[UInt32]]) -> Int {
        var n = 0
        for (k, w) in words.enumerated() where w.kind == .latin && range.contains(w.range.lowerBound) {
            guard u.roles[w.range.lowerBound] == .content, Self.listed(u, w.range, listed) else { continue }
            let word = u.string(w.range).lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
            guard negations.contains(word) else { continue }
            if k + 1 < words.count, words[k + 1].kind == .latin, negations.contains(word + " " + u.string(words[k + 1].range).lowercased()) { continue }
            if k > 0, words[k - 1].kind == .latin, negations.contains(u.string(words[k - 1].range).lowercased() + " " + word) { continue }
            n += 1
        }
        return n
    }

    /// Whether the units of `blocks` write `word` as it is (its case too), as a word: no ASCII
    /// letter or digit beside it.
    static func keeps(_ blocks: [Int], in d: Document, word: String) -> Bool {
        let w = Array(word.unicodeScalars.map(\.value))
        guard let first = w.first else { return false }
        func isWordCharacter(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 || c | 0x20 >= 0x61 && c | 0x20 <= 0x7A || c == 0x5F }
        for blk in blocks {
            guard let k = d.unitIndex(block: blk) else { continue }
            let t = d.units[k].text
            var i = 0
            while i + w.count <= t.count {
                if t[i] == first, t[i..<(i + w.count)].elementsEqual(w),
                   i == 0 || !isWordCharacter(t[i - 1]), i + w.count == t.count || !isWordCharacter(t[i + w.count]) { return true }
                i += 1
            }
        }
        return false
    }

    /// The single words of a negation list (`not`, `can't`, `until` of `!until`), lowercase, as
    /// scalars (`’` as `'`), for ``listed(_:_:_:)``.
    static func listedWords(_ negations: Set<String>) -> [[UInt32]] {
        negations.filter { !$0.contains(" ") }.map { Array($0.unicodeScalars.map(\.value).drop { $0 == 0x21 }) }
    }

    /// The beads that pair one sentence with one sentence somewhere and whose source blocks hold
    /// a word of `listed` (``sourceHolds(_:_:_:)``: the cheap trigger first), with the sentences
    /// of both sides: what the checks that read a bead sentence by sentence go through.
    static func oneToOneBeads(_ c: FileContext, _ p: Pairing, _ listed: [[UInt32]])
        -> [(bead: Bead, source: [SentenceSpan], target: [SentenceSpan])] {
        var out: [(bead: Bead, source: [SentenceSpan], target: [SentenceSpan])] = []
        for b in p.alignment.beads where !b.source.isEmpty && !b.target.isEmpty {
            guard b.sentences.contains(where: { $0.source.count == 1 && $0.target.count == 1 }),
                  sourceHolds(b, p, listed) else { continue }
            out.append((b, SentenceAligner.spans(of: b.source, in: p.source, analyses: p.sourceAnalyses),
                        SentenceAligner.spans(of: b.target, in: c.document, analyses: c.analyses)))
        }
        return out
    }

    /// True when a word of `listed` (``listedWords(_:)``) is a word of prose anywhere in the
    /// bead's source blocks: the cheap trigger of the checks that read a bead sentence by sentence.
    static func sourceHolds(_ b: Bead, _ p: Pairing, _ listed: [[UInt32]]) -> Bool {
        for blk in b.source {
            guard let u = p.source.unitIndex(block: blk) else { continue }
            let unit = p.source.units[u]
            for w in p.sourceAnalyses[u].words where w.kind == .latin && unit.roles[w.range.lowerBound] == .content {
                if LoneSentences.listed(unit, w.range, listed) { return true }
            }
        }
        return false
    }

    /// Whether the text at `r` is one of `listed`, letters compared in lower case and `’` as `'`
    /// (no string made: the cheap test before any).
    static func listed(_ u: BitextMarkdown.Unit, _ r: Range<Int>, _ listed: [[UInt32]]) -> Bool {
        let n = r.count
        guard n <= 9 else { return false }
        next: for w in listed where w.count == n {
            for (j, k) in r.enumerated() {
                var c = u.text[k]
                if c >= 0x41 && c <= 0x5A { c |= 0x20 } else if c == 0x2019 { c = 0x27 }
                if c != w[j] { continue next }
            }
            return true
        }
        return false
    }

    /// The negator `words[k]` starts a bound word (`no more than`) or stands before a word and
    /// one of `bounds.comparatives` (`than`: `no later than`).
    static func bounding(_ u: BitextMarkdown.Unit, _ words: [Word], at k: Int, _ bounds: LocaleData.Bounds) -> Bool {
        let t = u.text, start = words[k].range.lowerBound
        func lowered(_ c: UInt32) -> UInt32 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
        for (b, _) in bounds.before where b.count > words[k].range.count && start + b.count <= t.count {
            var same = true
            for j in 0..<b.count where lowered(t[start + j]) != b[j] { same = false; break }
            if same && (start + b.count == t.count || !((t[start + b.count] | 0x20) >= 0x61 && (t[start + b.count] | 0x20) <= 0x7A)) { return true }
        }
        if k + 2 < words.count, words[k + 1].kind == .latin, words[k + 2].kind == .latin,
           !bounds.comparatives.isEmpty, bounds.comparatives.contains(u.string(words[k + 2].range).lowercased()) { return true }
        return false
    }

    /// A translation says a negation: `text[r]` holds one of the target locale's negations
    /// (``scalars(_:)``). Compared scalar by scalar: Foundation's `String.contains`, one call per
    /// negation on a string made of the sentence, cost 34 K instructions a call.
    static func saysNegation(_ text: [UInt32], _ r: Range<Int>, _ negations: [[UInt32]]) -> Bool {
        firstOccurrence(text, r, negations) != nil
    }

    /// Where `text[r]` first holds one of `entries` (scalar sequences), and which.
    @inline(__always)
    static func firstOccurrence(_ text: [UInt32], _ r: Range<Int>, _ entries: [[UInt32]]) -> (at: Int, entry: Int)? {
        for i in r {
            let c = text[i]
            for (k, w) in entries.enumerated() where w[0] == c && i + w.count <= r.upperBound {
                var same = true
                for j in 1..<w.count where text[i + j] != w[j] { same = false; break }
                if same { return (i, k) }
            }
        }
        return nil
    }

    /// ``saysNegation(_:_:_:)``, the negation characters inside a connective of `connectives`
    /// (`否则`, `除非`: the target's `negation.connectives`) left out: they join two clauses and
    /// negate no verb.
    static func saysNegation(_ text: [UInt32], _ r: Range<Int>, _ negations: [[UInt32]], outside connectives: [[UInt32]]) -> Bool {
        guard saysNegation(text, r, negations) else { return false }
        if connectives.isEmpty { return true }
        let rest = masking(Array(text[r]), connectives)
        return saysNegation(rest, rest.indices, negations)
    }

    /// How many negations `text[r]` says: places where one of `negations` starts, the longest
    /// read at each (`有没有` once), those inside a connective of `connectives` (`否则`) apart.
    static func negationCount(_ text: [UInt32], _ r: Range<Int>, _ negations: [[UInt32]], outside connectives: [[UInt32]]) -> Int {
        let t = connectives.isEmpty ? Array(text[r]) : masking(Array(text[r]), connectives)
        var n = 0, i = 0
        while i < t.count {
            var l = 0
            for w in negations where w[0] == t[i] && w.count > l && i + w.count <= t.count && t[i..<(i + w.count)].elementsEqual(w) { l = w.count }
            if l > 0 { n += 1; i += l } else { i += 1 }
        }
        return n
    }

    /// `text` with every occurrence of a word of `words` written over with 0 (no character).
    static func masking(_ text: [UInt32], _ words: [[UInt32]]) -> [UInt32] {
        var out = text
        for w in words where !w.isEmpty && w.count <= text.count {
            for i in 0...(text.count - w.count) where text[i] == w[0] && text[i..<(i + w.count)].elementsEqual(w) {
                for k in i..<(i + w.count) { out[k] = 0 }
            }
        }
        return out
    }

    /// A locale's negations (`<id>.negations.txt`) as scalars, for ``saysNegation(_:_:_:)``.
    static func scalars(_ negations: Set<String>) -> [[UInt32]] {
        negations.map { Array($0.unicodeScalars.map(\.value).drop { $0 == 0x2B }) }.filter { !$0.isEmpty }
    }

    /// Whether `text` holds the digits as a number of their own, no digit right before or after
    /// them: `8` is not in `802.3at`, `1` is in `1,000` and in `v1`.
    static func holds(_ text: String, number digits: Substring) -> Bool {
        var from = text.startIndex
        while let r = text.range(of: digits, range: from..<text.endIndex) {
            let before = r.lowerBound > text.startIndex ? text[text.index(before: r.lowerBound)] : " "
            let after = r.upperBound < text.endIndex ? text[r.upperBound] : " "
            if !(before.isASCII && before.isNumber) && !(after.isASCII && after.isNumber) { return true }
            from = text.index(after: r.lowerBound)
        }
        return false
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
                s.clause ? "clause " + String(format: "%.2f", s.lettersPerCharacter) : s.merged ? "2:1 \(s.partnerFound)/\(s.partnerAnchors)" : s.codeLost ? "1:0 code-lost" : "1:0",
                u.plainText(in: s.range).replacingOccurrences(of: "\t", with: " "),
            ]
            lines += fields.joined(separator: "\t") + "\n"
        }
        if !lines.isEmpty { FileHandle.standardError.write(Data(lines.utf8)) }
    }
}

/// Reads a translation's negation word by word (the lexicon's segmentation, longest word first):
/// a negation character (`<target>.negations.txt`) negates when it stands alone (`不` of `不存储`,
/// `不|安装` too, the word after it longer than the rest of `不安`), when the word holding it, or a
/// word inside it from the character on (`不得` of `不得已`), is a word of the list (`禁止`, `无法`)
/// or one whose glosses negate: the first one, or more than half of them (不能 `cannot`, 不予
/// `withhold; refuse`, 不必要 `needless; unnecessary`; not 不同 `different; distinct; not the same;
/// not alike`, 否则 is `if not; otherwise; else; or else`). A gloss negates that holds a source
/// negator (`not`, `cannot`), a word of the source's `negation` `glosses` (`refuse`, `avoid`), a
/// word of one of its `glossPrefixes` before a word of the lexicon (`un`, `il`: `unsuitable`,
/// `illegal`), or of a word and one of its `glossSuffixes` (`less`: `needless`). A `+` line of
/// the list counts in any word (`难`, `失`).
struct NegationReader {
    let lexicon: Lexicon
    var characters = Set<UInt32>(), anywhere = Set<UInt32>(), words = Set<[UInt32]>()
    let sourceNegations: Set<String>, glossWords: Set<String>, prefixes: [String], suffixes: [String], derivations: [String]
    var cache: [Int32: Bool] = [:]

    init(_ negations: Set<String>, sourceNegations: Set<String>, cues: LocaleData.NegationCues, lexicon: Lexicon) {
        self.lexicon = lexicon
        self.sourceNegations = sourceNegations
        glossWords = cues.glosses
        prefixes = cues.glossPrefixes
        suffixes = cues.glossSuffixes
        derivations = cues.derivations
        for n in negations {
            let v = Array(n.unicodeScalars.map(\.value))
            if v.count == 2 && v[0] == 0x2B { anywhere.insert(v[1]) } else if v.count == 1 { characters.insert(v[0]) } else if v.count > 1 { words.insert(v) }
        }
    }

    /// The longest dictionary word of two characters or more at `i` of `text` (runs of Han
    /// separated by 0) and its length; length 1 and nil for none.
    func longest(_ text: UnsafeBufferPointer<UInt32>, _ i: Int, upTo end: Int? = nil) -> (Int, Int32?) {
        var l = min(lexicon.maxWordLength, 6, (end ?? text.count) - i)
        while l >= 2 {
            if i + l <= text.count, !text[i..<(i + l)].contains(0), let w = lexicon.word(in: text, i, i + l) { return (l, w) }
            l -= 1
        }
        return (1, nil)
    }

    func negative(_ t: Substring) -> Bool {
        let s = String(t)
        if sourceNegations.contains(s) || glossWords.contains(s) { return true }
        for p in prefixes where s.count - p.count >= 4 && s.hasPrefix(p) {
            if lexicon.stem(Stemmer.stem(String(s.dropFirst(p.count)))) != nil { return true }
        }
        for x in suffixes where s.count - x.count >= 3 && s.hasSuffix(x) {
            if lexicon.stem(Stemmer.stem(String(s.dropLast(x.count)))) != nil { return true }
        }
        return false
    }

    /// Whether a word negates: a word of the list, or by its glosses (cached by word).
    mutating func negates(word id: Int32, _ text: Slice<UnsafeBufferPointer<UInt32>>) -> Bool {
        if words.contains(Array(text)) { return true }
        if let v = cache[id] { return v }
        let flags = lexicon.glosses(ofWord: id).map { g in
            g.lowercased().split(whereSeparator: { !($0.isLetter || $0 == "'") }).contains { negative($0) }
        }
        let v = flags.first == true || flags.filter { $0 }.count * 2 > flags.count
        cache[id] = v
        return v
    }

    /// The stems of the source sentence's words after its negator (`mean`, `the`, `same` of
    /// `doesn't mean the same thing`); a gloss's word of four letters or more is looked up.
    var sourceStems = Set<String>()
    /// The lexicon stems of the source sentence's content words, the negator and the word it is
    /// about apart (`loss` of `The loss was not reported`).
    var sourceIds = Set<Int32>()

    /// The lexicon stems of a word and of the words it makes or comes from by one of the source
    /// locale's `negation.derivations` (`protection`, `protect`; `conscious`, `consciousness`), the
    /// base four letters or more: a rendering of one is a rendering of the word (防护, glossed
    /// `protect`, for `protection`).
    func family(_ x: String) -> [Int32] {
        var out: [Int32] = []
        if let id = lexicon.stem(Stemmer.stem(x)) { out.append(id) }
        for d in derivations {
            if let id = lexicon.stem(Stemmer.stem(x + d)) { out.append(id) }
            if x.count - d.count >= 4 && x.hasSuffix(d), let id = lexicon.stem(Stemmer.stem(String(x.dropLast(d.count)))) { out.append(id) }
        }
        return out
    }

    func rendersSource(_ id: Int32) -> Bool {
        guard !sourceIds.isEmpty else { return false }
        return lexicon.stems(ofWord: id).contains { sourceIds.contains($0) }
    }

    /// The lexicon stems of the source sentence's content words that negate by an affix
    /// (``affixBase(_:)``: `wireless`, `unconscious`), the negator and the word it is about apart,
    /// and the stems of their bases (`wire`, `conscious`): a negation character of the translation
    /// that renders one of them (`无线` for `wireless`; `失去` before `知觉`, a rendering of
    /// `conscious`, for `unconscious`) is accounted for by that word, not by the sentence's negator.
    var affixIds = Set<Int32>(), affixBases = Set<Int32>()

    /// The base of a word that negates by one of the `glossPrefixes` or `glossSuffixes` (`wire` of
    /// `wireless`, `conscious` of `unconscious`), when the lexicon knows it (four letters or more
    /// after a prefix, three before a suffix, as ``negative(_:)`` reads a gloss); nil for any other word.
    func affixBase(_ s: String) -> String? {
        for p in prefixes where s.count - p.count >= 4 && s.hasPrefix(p) {
            let b = String(s.dropFirst(p.count))
            if lexicon.stem(Stemmer.stem(b)) != nil { return b }
        }
        for x in suffixes where s.count - x.count >= 3 && s.hasSuffix(x) {
            let b = String(s.dropLast(x.count))
            if lexicon.stem(Stemmer.stem(b)) != nil { return b }
        }
        return nil
    }

    /// Whether the word `id` at `seg` of `text` (nil: a single character) renders a source word
    /// that negates by an affix, itself (`无线`, `wireless`) or with the word right after it
    /// rendering the affixed word's base (`失去|知觉`, `unconscious`).
    func rendersAffix(_ text: UnsafeBufferPointer<UInt32>, _ seg: Range<Int>, _ id: Int32?) -> Bool {
        guard !affixIds.isEmpty else { return false }
        if let id, lexicon.stems(ofWord: id).contains(where: { affixIds.contains($0) }) { return true }
        let e = seg.upperBound
        guard e < text.count, text[e] != 0 else { return false }
        let (_, next) = longest(text, e)
        guard let w = next ?? lexicon.word(in: text, e, e + 1) else { return false }
        return lexicon.stems(ofWord: w).contains { affixBases.contains($0) }
    }

    /// Whether a gloss of a word says the source's negation in its words: a negating gloss that
    /// holds a word of the source after the negator (不同 `not the same` for `doesn't mean the same
    /// thing`).
    func says(_ id: Int32) -> Bool {
        guard !sourceStems.isEmpty else { return false }
        for g in lexicon.glosses(ofWord: id) {
            let ws = g.lowercased().split(whereSeparator: { !($0.isLetter || $0 == "'") })
            guard ws.count >= 2, ws.contains(where: { negative($0) }) else { continue }
            if ws.contains(where: { $0.count >= 4 && !negative($0) && sourceStems.contains(Stemmer.stem(String($0))) }) { return true }
        }
        return false
    }

    /// Whether the text holds one of `list`: a word of two characters or more anywhere (`可以`,
    /// `上限`), a single character standing as a word of its own in the lexicon's segmentation
    /// (longest word first: `可` of `可使`, not of `可能`; `要` not of `重要`) or, `initial`, opening
    /// a word (`仅` of `仅限`).
    func holds(_ text: UnsafeBufferPointer<UInt32>, _ list: [[UInt32]], initial: Bool = false) -> Bool {
        var singles: [UInt32] = []
        for w in list {
            if w.count == 1 { singles.append(w[0]); continue }
            guard w.count >= 2, text.count >= w.count else { continue }
            for i in 0...(text.count - w.count) where text[i] == w[0] {
                if zip(text[i..<(i + w.count)], w).allSatisfy({ $0 == $1 }) { return true }
            }
        }
        guard !singles.isEmpty else { return false }
        var i = 0
        while i < text.count {
            if text[i] == 0 { i += 1; continue }
            let (l, _) = longest(text, i)
            if (l == 1 || initial) && singles.contains(text[i]) { return true }
            i += l
        }
        return false
    }

    /// After ``negates(_:)`` found none: a negation character stood in a word that says no
    /// negation (`不同`), not only in words that render a source word (`无线`, `防护`).
    var unexplained = false

    mutating func negates(_ text: UnsafeBufferPointer<UInt32>) -> Bool {
        var i = 0
        unexplained = false
        while i < text.count {
            if text[i] == 0 { i += 1; continue }
            let (l, id) = longest(text, i)
            let seg = i..<(i + l)
            // A `+` character counts in any word but one that renders another word of the source
            // sentence (`损失` for `loss` of `The loss was not reported`).
            // Nor one that renders a source word negating by an affix (`无线`, `wireless`).
            if seg.contains(where: { anywhere.contains(text[$0]) || characters.contains(text[$0]) }) && rendersAffix(text, seg, id) {
                i += l
                continue
            }
            if seg.contains(where: { anywhere.contains(text[$0]) }) && !(l >= 2 && id.map(rendersSource) == true) { return true }
            if let hit = seg.first(where: { characters.contains(text[$0]) }) {
                if l == 1 { return true }
                if hit == i && i + 1 < text.count && longest(text, i + 1).0 >= max(l - 1, 2) { return true }
                if let id, negates(word: id, text[seg]) || says(id) { return true }
                // A word inside it from the character on (`不得` of `不得已`).
                var m = seg.upperBound - 1
                while m >= hit + 2 {
                    if let w = lexicon.word(in: text, hit, m), negates(word: w, text[hit..<m]) { return true }
                    m -= 1
                }
                if hit > i, seg.upperBound - hit >= 2, let w = lexicon.word(in: text, hit, seg.upperBound), negates(word: w, text[hit..<seg.upperBound]) { return true }
                unexplained = true
            }
            i += l
        }
        return false
    }
}

/// A source sentence the sentence aligner paired one to one whose source negates and whose
/// translation does not (`Late work will not be accepted.` → `逾期作业仍可接受。`).
struct LostNegation {
    var unit: Int                 // source unit and sentence
    var range: Range<Int>
    var targetUnit: Int           // the translated sentence
    var targetRange: Range<Int>
    var negator: String
    /// Sentences of the source paragraph that negate, and of its translation that say a negation.
    var sourceNegated: Int
    var targetNegated: Int
    /// The word the negation is about (`accepted` of `will not be accepted`), which the
    /// translated sentence renders; whether a modal stands right before its rendering (`仍可接受`).
    var negated: String
    var affirmed: Bool
    /// The source negates a modal or forbids, and the translation, holding no negation character
    /// at all, says the command bare (`打完当前这一轮` for `Do not finish the current round`) or
    /// holds a modal (`可以使…` for `You may not place…`): the sentence turned round.
    var reversed = false
    /// The translation does not render the negated word, but renders most of the sentence, one
    /// negator in it, with no negation character nor a word that bounds or excludes (`limits`):
    /// `应换装…保险丝` for `do not fit a higher-rated fuse`.
    var unrendered = false
    /// The share of the source sentence's content words (the lexicon's) the translated sentence renders.
    var coverage = 0.0
    /// The source forbids and the translated sentence, holding no negation, opens its main
    /// clause with a request whose verb is the negated word's, read loosely (`请断开开发板` for `Do
    /// not disconnect the board`): the command turned round, however little the lexicon renders.
    var requested = false
    /// A statement that denies, by a form of `do` after its subject or by a negated passive (`We
    /// do not accept`, `are not supported`), its one negator lost in a translation with no negation
    /// that renders the negated word by a word (`我们接受`, `支持`): turned round as a command is.
    var declarative = false
}

enum LostNegations {
    /// Punctuation that closes a clause of the translation (either width).
    static let clauseStops: Set<UInt32> = [0xFF0C, 0x2C, 0xFF1B, 0x3B, 0xFF1A, 0x3A, 0x3002, 0xFF01, 0x21, 0xFF1F, 0x3F]
    /// `BITEXT_DEBUG_NEGATION_CLAUSES`: the clause test's readings on standard error, for
    /// measuring it on corpora (read once, as `LoneSentences.measuring` is).
    static let debugClauses = Environment.value("BITEXT_DEBUG_NEGATION_CLAUSES") != nil
    /// The share of the sentence's words a translation renders for a reversal to be a warning
    /// and for a negated word the translation does not render to be reported at all.
    static let reversedCoverage = 0.5
    static let unrenderedCoverage = 0.6
    /// The 1:1 sentence pairs of translated prose whose source sentence negates (a negator that
    /// is no bound: ``LoneSentences/negator(_:_:_:_:_:opens:bounds:)``) and whose translation
    /// holds none of the target's negation characters.
    static func find(_ c: FileContext) -> [LostNegation] {
        guard let p = c.pairing, let lexicon = Lexicon.shared else { return [] }
        let negations = c.toolkit.segmenter.source.negations
        let targetNegations = LoneSentences.scalars(c.toolkit.segmenter.target.negations)
        guard !negations.isEmpty, !targetNegations.isEmpty else { return [] }
        let listed = LoneSentences.listedWords(negations.filter { !$0.hasPrefix("!") })
        let all = LoneSentences.listedWords(negations)
        let bounds = c.toolkit.segmenter.source.bounds
        let opens = c.toolkit.segmenter.source.quotes.map(\.open)
        let functionWords = c.toolkit.segmenter.source.functionWords
        let modals = c.toolkit.segmenter.target.bounds.modals
        // How the source negates and how a translation affirms (the locales' `negation`).
        let cues = c.toolkit.segmenter.source.negationCues, targetCues = c.toolkit.segmenter.target.negationCues
        func scalarLists(_ l: [String]) -> [[UInt32]] { l.map { Array($0.unicodeScalars.map(\.value)) }.filter { !$0.isEmpty } }
        let requests = modals + scalarLists(targetCues.imperatives)
        let beings = scalarLists(targetCues.existentials)
        let prepositions = Set(scalarLists(targetCues.prepositions).filter { $0.count == 1 }.map { $0[0] })
        let onlyThen = DroppedConditions.orderedParts(targetCues.onlyThen)  // (`前…先`: in order)
        let limits = scalarLists(targetCues.limits)
        let connectives = scalarLists(targetCues.connectives)
        let timeClauseEnds = scalarLists(targetCues.timeClauseEnds)
        let requestMarkers = scalarLists(targetCues.imperatives)
        let passives = scalarLists(targetCues.passives)
        var reader = NegationReader(c.toolkit.segmenter.target.negations, sourceNegations: negations, cues: cues, lexicon: lexicon)
        var out: [LostNegation] = []
        // A preposition that says a thing is not there (`absences`: `without`), read as `no` when
        // the sentence has no negator: reported only when the translation says the thing is there.
        let absences = Set(cues.absences)
        let absent = LoneSentences.listedWords(absences)
        // One negation of two or more lost from its clause (review 34 E10, 33 M10, 24 M2, 23 N8):
        // the source sentence says two negations or more (its negators, `without`, a word of
        // `negation.glosses` such as `fail`), the translation says at least one, and one negator's
        // word (the first content word after it) is rendered, by a word of two characters or
        // more, in one clause of the translation only (split at `，`, `；`, `：`…) that holds no
        // negation nor a word that bounds or excludes, the rendering affirmed there as a lone
        // negation's is (a modal or a request right before it, the negator's or the word's
        // opposite: `请打开机壳：机内没有…` for `Do not open the housing: there are no …`;
        // `允许使用闪光灯拍照，特展中则完全禁止拍照` for `Flash photography is not permitted …, and
        // photography is not allowed …`), or a statement that denies (`do`, a negated passive),
        // that clause rendering half the negator's clause. The word said once in the source, none
        // of the `only then` forms (`才`) in the translation.
        let clauseEnds = cues.clauseEnds
        func clauseLost(_ su: BitextMarkdown.Unit, _ a: TextAnalysis, _ range: Range<Int>, _ tu: BitextMarkdown.Unit, _ tr: Range<Int>)
            -> (negator: String, negated: String, affirmed: Bool, declarative: Bool, coverage: Double, at: Int)? {
            let words = a.words
            var found: [(word: String, index: Int)] = []
            var r = range
            while found.count < 4, let n = LoneSentences.negator(su, a, r, negations, all, opens: opens, bounds: bounds) {
                found.append(n)
                r = words[n.index].range.upperBound..<range.upperBound
            }
            guard !found.isEmpty else { return nil }
            func lowered(_ k: Int) -> String { su.string(words[k].range).lowercased().replacingOccurrences(of: "\u{2019}", with: "'") }
            func content(_ k: Int) -> Bool { words[k].kind == .latin && range.contains(words[k].range.lowerBound) && su.roles[words[k].range.lowerBound] == .content }
            let glossStems = Set(cues.glosses.map { Stemmer.stem($0) })
            // Every negation of the sentence: its negators, `without`, a word that negates by its meaning.
            var marks = Set(found.map(\.index))
            for k in words.indices where content(k) {
                let x = lowered(k)
                if absences.contains(x) || x.count >= 4 && glossStems.contains(Stemmer.stem(x)) { marks.insert(k) }
            }
            guard marks.count >= 2 else { return nil }
            if DroppedConditions.saysInOrder(tu.text, tr, onlyThen) { return nil }
            // The translation's clauses (content punctuation), as Han runs.
            let stops = LostNegations.clauseStops.union([0xFF08, 0xFF09, 0x28, 0x29])  // and brackets
            var placed: [(han: [UInt32], at: [Int])] = []
            var from = tr.lowerBound
            for k in tr where tu.roles[k] == .content && stops.contains(tu.text[k]) {
                if k > from { placed.append(LostNegations.hanRunsPlaced(tu, from..<k)) }
                from = k + 1
            }
            if tr.upperBound > from { placed.append(LostNegations.hanRunsPlaced(tu, from..<tr.upperBound)) }
            placed.removeAll { !$0.han.contains { $0 != 0 } }
            let clauses = placed.map(\.han)
            // The source's content words by lexicon stem, for the word said once and for coverage.
            var stemAt: [Int: Int32] = [:]
            for k in words.indices where content(k) && !marks.contains(k) {
                let x = lowered(k)
                guard x.count >= 2, !functionWords.contains(x) else { continue }
                if let id = lexicon.stem(Stemmer.stem(c.toolkit.segmenter.source.irregularVerbs[x] ?? x)) { stemAt[k] = id }
            }
            let sourceStems = Set(words.indices.filter(content).map { Stemmer.stem(lowered($0)) })
            func limitedClause(_ han: [UInt32]) -> Bool {
                limits.contains { l in
                    han.withUnsafeBufferPointer { reader.holds($0, [l], initial: true) }
                        && !(lexicon.word(l).map { lexicon.glosses(ofWord: $0).contains { !$0.contains(" ") && sourceStems.contains(Stemmer.stem($0)) } } ?? false)
                }
            }
            // A negation's clause: its words up to a punctuation mark, a word of `clauseEnds` or
            // another negation.
            func clause(after m: Int) -> [Int] {
                var segment: [Int] = []
                var k = m + 1
                while k < words.count && range.contains(words[k].range.lowerBound) {
                    if words[k].kind == .latin {
                        let gap = words[k - 1].range.upperBound..<words[k].range.lowerBound
                        if gap.contains(where: { [0x2C, 0x3B, 0x3A, 0x28, 0x29, 0x2014, 0x2013].contains(su.text[$0]) && su.roles[$0] == .content }) { break }
                        if content(k) && (marks.contains(k) || clauseEnds.contains(lowered(k))) { break }
                        segment.append(k)
                    }
                    k += 1
                }
                return segment
            }
            let negationCharacters = reader.characters.union(reader.anywhere)
            for n in found {
                let segment = clause(after: n.index)
                // The words of the other negations' clauses (`reason` of `without giving a reason`).
                var others = Set<Int32>()
                for m in marks.sorted() where m != n.index { for k in clause(after: m) { if let id = stemAt[k] { others.insert(id) } } }
                let own = Set(segment.compactMap { stemAt[$0] })
                others.subtract(own)
                guard let about = segment.prefix(4).first(where: { content($0) && lowered($0).count >= 2 && !functionWords.contains(lowered($0)) }),
                      let id = stemAt[about] else { continue }
                let negated = lowered(about)
                if glossStems.contains(Stemmer.stem(negated)) { continue }
                // Said once in the source sentence.
                guard stemAt.filter({ $0.value == id }).count == 1 else { continue }
                // The clauses rendering it by a word of two characters or more, and where; not a
                // word that renders another word of the source too (`实际` for `practical` beside
                // `In reality`).
                var hits: [(clause: Int, at: Int)] = []
                var shared = false
                // (The other negators' words apart: `允许` for `not permitted … not allowed` loses both.)
                var rest = Set(stemAt.values).subtracting([id])
                for m in found { if let a = clause(after: m.index).prefix(4).first(where: { content($0) && lowered($0).count >= 2 && !functionWords.contains(lowered($0)) }), let x = stemAt[a] { rest.remove(x) } }
                for (ci, han) in clauses.enumerated() {
                    han.withUnsafeBufferPointer { text in
                        for s in text.indices where text[s] != 0 {
                            var l = 2
                            while l <= 6 && s + l <= text.count && text[s + l - 1] != 0 {
                                if let w = lexicon.word(in: text, s, s + l), lexicon.stems(ofWord: w).contains(id) {
                                    if lexicon.stems(ofWord: w).contains(where: rest.contains) { shared = true }
                                    hits.append((ci, s))
                                    return
                                }
                                l += 1
                            }
                        }
                    }
                }
                guard hits.count == 1, !shared, let hit = hits.first else { continue }
                let han = clauses[hit.clause]
                // A negation character of the clause whose next words render a word of another
                // negation's clause and none of this one's is that negation's (`不说明理由` for
                // `without giving a reason`): left out.
                var unjoined = LoneSentences.masking(han, connectives)
                var assigned = 0
                for q in unjoined.indices where negationCharacters.contains(unjoined[q]) {
                    var e = q + 1
                    while e < unjoined.count && e < q + 6 && unjoined[e] != 0 { e += 1 }
                    guard e > q + 1 else { continue }
                    var reachedAfter = Set<Int32>()
                    han.withUnsafeBufferPointer { lexicon.forEachStem(inHan: UnsafeBufferPointer(rebasing: $0[(q + 1)..<e]), maxLength: 4, singleSenses: 6) { reachedAfter.insert($0) } }
                    if !reachedAfter.isDisjoint(with: others) && reachedAfter.isDisjoint(with: own) { unjoined[q] = 0; assigned += 1 }
                }
                if unjoined.withUnsafeBufferPointer({ reader.negates($0) }) || limitedClause(han) { continue }
                // Another negation said (another clause's, or one left out here), else the
                // sentence's own reading applies.
                guard assigned > 0 || clauses.indices.contains(where: { $0 != hit.clause && LoneSentences.masking(clauses[$0], connectives).withUnsafeBufferPointer { reader.negates($0) } }) else { continue }
                // How much of the negator's clause this clause renders.
                var reached = Set<Int32>()
                han.withUnsafeBufferPointer { lexicon.forEachStem(inHan: $0, maxLength: 6, singleSenses: 6) { reached.insert($0) } }
                let known = Set(segment.compactMap { stemAt[$0] })
                let coverage = known.isEmpty ? 0 : Double(known.filter(reached.contains).count) / Double(known.count)
                // How the source negates: a modal, a command, a statement.
                var latin: [String] = []
                var q = n.index - 1
                while q >= 0 && range.contains(words[q].range.lowerBound) {
                    if words[q].kind == .latin { latin.insert(lowered(q), at: 0) }
                    q -= 1
                }
                let word = n.word
                let modal = cues.modals.contains(word) || latin.last.map { cues.modals.contains($0) } ?? false
                var imperative = false
                let opener = cues.imperatives.contains(word) ? n.index : latin.last.map { cues.imperatives.contains($0) } ?? false ? LoneSentences.previousLatin(words, before: n.index, in: range) : nil
                if let m = opener {
                    if let b = LoneSentences.previousLatin(words, before: m, in: range) {
                        if cues.courtesies.contains(lowered(b)) && LoneSentences.previousLatin(words, before: b, in: range) == nil { imperative = true }
                        else if (words[b].range.upperBound..<words[m].range.lowerBound).contains(where: { [0x2C, 0x3B, 0x3A].contains(su.text[$0]) }) { imperative = true }
                    } else {
                        imperative = true
                    }
                }
                var affirmed = false, declarative = false
                han.withUnsafeBufferPointer { text in
                    let s = hit.at
                    func after(_ s: Int, _ list: [[UInt32]]) -> Bool {
                        if list.contains(where: { m in m.count <= s && zip(text[(s - m.count)..<s], m).allSatisfy { $0 == $1 } }) { return true }
                        return passives.contains { p in p.count < s && zip(text[(s - p.count)..<s], p).allSatisfy { $0 == $1 }
                            && list.contains { m in m.count <= s - p.count && zip(text[(s - p.count - m.count)..<(s - p.count)], m).allSatisfy { $0 == $1 } } }
                    }
                    affirmed = after(s, modal || imperative ? requests : modals)
                    if !affirmed && (modal || imperative) {
                        var q = s - 1
                        while q >= 0 && q >= s - 5 && text[q] != 0 {
                            if prepositions.contains(text[q]) && after(q, requests) { affirmed = true; break }
                            q -= 1
                        }
                    }
                    // A negated modal: a modal standing as a word of its own before the rendering
                    // (`可以在不说明理由的情况下拒绝` for `must not decline … without giving a reason`).
                    if !affirmed && modal && s > 0 {
                        affirmed = reader.holds(UnsafeBufferPointer(rebasing: text[..<s]), modals)
                    }
                    // The negator's opposite (`cannot`: 可以 before the rendering) or the word's
                    // (`not permitted`: 允许 anywhere in the clause).
                    if !affirmed, let opposite = cues.opposites[word] ?? cues.opposites[negated] {
                        let ids = Set(opposite.compactMap { lexicon.stem(Stemmer.stem($0)) })
                        let byNegator = cues.opposites[word] != nil
                        var i = 0
                        while i < text.count && !affirmed {
                            let (l, w) = reader.longest(text, i)
                            if let w, lexicon.stems(ofWord: w).contains(where: { ids.contains($0) }), !byNegator || i < s { affirmed = true }
                            i += max(1, l)
                        }
                    }
                }
                if !affirmed && !modal && !imperative && coverage >= LostNegations.reversedCoverage {
                    let contracted = word.hasSuffix("n't") ? String(word.dropLast(3)) : nil
                    let auxiliary = contracted.map { cues.auxiliaries.contains($0) && latin.count >= 1 }
                        ?? (latin.last.map { cues.auxiliaries.contains($0) } ?? false && latin.count >= 2)
                    let copula = latin.last.map { cues.copulas.contains($0) } ?? false || contracted.map { cues.copulas.contains($0) } ?? false
                    let irregular = c.toolkit.segmenter.source.irregularVerbs[negated] != nil
                    let participle = irregular || cues.participles.contains { negated.count > $0.count + 2 && negated.hasSuffix($0) }
                    declarative = auxiliary || copula && participle
                }
                if LostNegations.debugClauses {
                    let shape = affirmed ? "affirmed" : declarative ? "declarative" : "bare"
                    FileHandle.standardError.write(Data("CLAUSE\t\(c.document.path)\t\(tu.position(at: tr.lowerBound).line)\t\(word)\t\(negated)\t\(shape)\t\(String(format: "%.2f", coverage))\t\(su.plainText(in: range))\t\(tu.plainText(in: tr))\n".utf8))
                }
                guard affirmed || declarative else { continue }
                return (word, negated, affirmed, declarative, coverage, placed[hit.clause].at[hit.at])
            }
            return nil
        }
        // Beads with a negator or an absence anywhere in their source blocks.
        for (b, ss, ts) in LoneSentences.oneToOneBeads(c, p, listed + absent) {
            let negators = ss.map { LoneSentences.negator(p.source.units[$0.unit], p.sourceAnalyses[$0.unit], $0.range, negations, all, opens: opens, bounds: bounds) }
            // The negator a word of `!until` would exempt: kept, and the sentence judged when its
            // translation says none of the target's `onlyThen` (`才`, `只有`).
            let free = ss.map { LoneSentences.negator(p.source.units[$0.unit], p.sourceAnalyses[$0.unit], $0.range, negations, listed, opens: opens, bounds: bounds) }
            // (A negation character inside a connective, `否则`, `除非`, negates no verb.)
            let says = ts.map { LoneSentences.saysNegation(c.document.units[$0.unit].text, $0.range, targetNegations, outside: connectives) }
            let sourceNegated = negators.filter { $0 != nil }.count
            let targetNegated = says.filter { $0 }.count
            for sb in b.sentences where sb.source.count == 1 && sb.target.count == 1 {
                let i = sb.source[0], j = sb.target[0]
                guard i < ss.count, j < ts.count else { continue }
                var absence = false
                var negator = free[i]
                if negator == nil && !absent.isEmpty {
                    negator = LoneSentences.negator(p.source.units[ss[i].unit], p.sourceAnalyses[ss[i].unit], ss[i].range, absences, absent, opens: opens)
                    absence = negator != nil
                }
                guard let (word, at) = negator else { continue }
                // Translated prose: Han in the translated sentence; the negator not kept in English.
                let tu = c.document.units[ts[j].unit]
                guard ts[j].range.contains(where: { isHanChar(tu.text[$0]) && tu.roles[$0] == .content }) else { continue }
                if LostNegations.debugClauses {
                    let a = p.sourceAnalyses[ss[i].unit], su = p.source.units[ss[i].unit]
                    var n = 0, r = ss[i].range
                    while n < 6, let x = LoneSentences.negator(su, a, r, negations, all, opens: opens, bounds: bounds) { n += 1; r = a.words[x.index].range.upperBound..<ss[i].range.upperBound }
                    var extra = 0
                    for w in a.words where w.kind == .latin && ss[i].range.contains(w.range.lowerBound) && su.roles[w.range.lowerBound] == .content {
                        let x = su.string(w.range).lowercased()
                        if absences.contains(x) || x.count >= 4 && cues.glosses.contains(where: { Stemmer.stem($0) == Stemmer.stem(x) }) { extra += 1 }
                    }
                    if n + extra >= 2 {
                        let t = LoneSentences.negationCount(tu.text, ts[j].range, targetNegations, outside: connectives)
                        FileHandle.standardError.write(Data("MULTI\t\(c.document.path)\t\(tu.position(at: ts[j].range.lowerBound).line)\t\(n)+\(extra)\t\(t)\t\(su.plainText(in: ss[i].range))\t\(tu.plainText(in: ts[j].range))\n".utf8))
                    }
                }
                if negators[i] == nil && !absence {
                    // `not … until`: said without a negation by `…才`, `只有…`, `…后再…`, `…后方可…`.
                    if DroppedConditions.saysInOrder(tu.text, ts[j].range, onlyThen) { continue }
                }
                if tu.string(ts[j].range).lowercased().contains(word) { continue }
                // A negated comparative bound on a number (`cannot hold more than 7`) the
                // translation bounds the other way (`上限为 7`): said, as a bound.
                if NumberMismatchRule.negatedBoundRendered(p.source.units[ss[i].unit], p.sourceAnalyses[ss[i].unit].words, negator: at, in: ss[i].range,
                                                           tu, ts[j].range, source: c.settings.source, target: c.settings.target) { continue }
                // The word the negation is about (the first content word after the negator, a
                // few words on at most): the translated sentence must render it (as the sentence
                // aligner's lexical evidence reads it: `会影响` for `does not affect`), else the
                // translator said it another way (`隐藏` for `not show`) or the lexicon cannot tell.
                let su = p.source.units[ss[i].unit], words = p.sourceAnalyses[ss[i].unit].words
                var negated: String? = nil
                for w in words[(at + 1)...].prefix(4) where w.kind == .latin && ss[i].range.contains(w.range.lowerBound) && su.roles[w.range.lowerBound] == .content {
                    let x = su.string(w.range).lowercased()
                    if x.count >= 2 && !functionWords.contains(x) { negated = x; break }
                }
                // (An irregular participle by its lemma, `built` by `build`: `irregular-verbs.txt`.)
                let irregular = negated.flatMap { c.toolkit.segmenter.source.irregularVerbs[$0] }
                let id = (irregular ?? negated).flatMap { lexicon.stem(Stemmer.stem($0)) }
                // Without the negated word's stem only the unrendered evidence is left, which needs
                // a translation with no negation character at all.
                guard id != nil || !says[j] else { continue }
                let han = LostNegations.hanRuns(tu, ts[j].range)
                // A negation character inside a word that says none (`不同`, `否则`, `免费`) is no
                // negation: read word by word.
                var bare = !says[j]
                if says[j] {
                    reader.sourceStems = []
                    for w in words[(at + 1)...] where w.kind == .latin && ss[i].range.contains(w.range.lowerBound) {
                        reader.sourceStems.insert(Stemmer.stem(su.string(w.range).lowercased()))
                    }
                    reader.sourceIds = []
                    for (k, w) in words.enumerated() where k != at && w.kind == .latin && ss[i].range.contains(w.range.lowerBound) && su.roles[w.range.lowerBound] == .content {
                        let x = su.string(w.range).lowercased()
                        guard x.count >= 2, x != negated, !functionWords.contains(x) else { continue }
                        reader.sourceIds.formUnion(reader.family(x))
                    }
                    // The words that negate by an affix (`wireless`), for ``NegationReader/rendersAffix(_:_:_:)``.
                    reader.affixIds = []
                    reader.affixBases = []
                    for (k, w) in words.enumerated() where k != at && w.kind == .latin && ss[i].range.contains(w.range.lowerBound) && su.roles[w.range.lowerBound] == .content && w.range.count >= 6 {
                        let x = su.string(w.range).lowercased()
                        guard x != negated, let base = reader.affixBase(x) else { continue }
                        reader.affixIds.formUnion(reader.family(x))
                        reader.affixBases.formUnion(reader.family(base))
                    }
                    let unjoined = LoneSentences.masking(han, connectives)
                    if unjoined.withUnsafeBufferPointer({ reader.negates($0) }) {
                        // One of two negations lost (review 31 D4): the translation negates the
                        // first negated word and states the second plainly.
                        if let (second, about) = LostNegations.secondLost(su, p.sourceAnalyses[ss[i].unit], ss[i].range, negations, all, opens: opens, bounds: bounds,
                                                                           functionWords: functionWords, han: unjoined, reader: reader) {
                            var from = ts[j].range.lowerBound
                            if let h = ts[j].range.first(where: { isHanChar(tu.text[$0]) }) {
                                from = (ts[j].range.lowerBound..<h).last(where: { tu.text[$0] == 0x0A }).map { $0 + 1 } ?? from
                            }
                            out.append(LostNegation(unit: ss[i].unit, range: ss[i].range, targetUnit: ts[j].unit, targetRange: from..<ts[j].range.upperBound,
                                                    negator: second, sourceNegated: sourceNegated, targetNegated: targetNegated,
                                                    negated: about, affirmed: false))
                        } else if let lost = clauseLost(su, p.sourceAnalyses[ss[i].unit], ss[i].range, tu, ts[j].range) {
                            // Reported at the rendering the clause affirms (`允许` of `…都⏎允许使用闪光灯拍照`).
                            out.append(LostNegation(unit: ss[i].unit, range: ss[i].range, targetUnit: ts[j].unit, targetRange: lost.at..<ts[j].range.upperBound,
                                                    negator: lost.negator, sourceNegated: sourceNegated, targetNegated: targetNegated,
                                                    negated: lost.negated, affirmed: lost.affirmed, coverage: lost.coverage, declarative: lost.declarative))
                        }
                        continue
                    }
                    // Its negation characters all in words that render other words of the source
                    // (`无线充电器` for `wireless charger`): as bare as a sentence with none.
                    bare = !reader.unexplained
                }
                // `not … without`, a double negative, said positively: `请先拔下插头，再打开机壳` for
                // `Never open the case without unplugging the machine first`, `打开机壳前，请拔下…`:
                // no evidence where the translation renders a word of the `without` clause (its
                // first three content words) outside the renderings of the sentence's other words
                // (`机` of `请打开机壳`, `case`, is no `machine`).
                if bare && !absence, let w = words.indices.first(where: { $0 > at && words[$0].kind == .latin && ss[i].range.contains(words[$0].range.lowerBound)
                                                                          && su.roles[words[$0].range.lowerBound] == .content && absences.contains(su.string(words[$0].range).lowercased()) }) {
                    var ids = Set<Int32>(), others = Set<Int32>()
                    for (k, x) in words.enumerated() where k != w && x.kind == .latin && ss[i].range.contains(x.range.lowerBound) && su.roles[x.range.lowerBound] == .content {
                        let t = su.string(x.range).lowercased()
                        guard t.count >= 2, !functionWords.contains(t), let id = lexicon.stem(Stemmer.stem(c.toolkit.segmenter.source.irregularVerbs[t] ?? t)) else { continue }
                        if k > w && ids.count < 3 { ids.insert(id) } else { others.insert(id) }
                    }
                    others.subtract(ids)
                    var rest = han
                    for s in han.indices where han[s] != 0 {
                        var l = 2
                        while l <= 6 && s + l <= han.count && han[s + l - 1] != 0 {
                            if let x = han.withUnsafeBufferPointer({ lexicon.word(in: $0, s, s + l) }), lexicon.stems(ofWord: x).contains(where: others.contains),
                               !lexicon.stems(ofWord: x).contains(where: ids.contains) {
                                for q in s..<(s + l) { rest[q] = 0 }
                            }
                            l += 1
                        }
                    }
                    var said = false
                    rest.withUnsafeBufferPointer { lexicon.forEachStem(inHan: $0, maxLength: 6, singleSenses: 6) { if ids.contains($0) { said = true } } }
                    if said { continue }
                }
                // How the source negates: a modal (`should not`, `cannot`, `will never`), an
                // imperative (`Do not`, `Never` opening the sentence), or that a thing is not there
                // (`no`).
                var request = cues.modals.contains(word), existential = absence || cues.existentials.contains(word)
                var latin: [String] = []  // the sentence's words up to the negator, lowercase
                for w in words[..<at] where w.kind == .latin && ss[i].range.contains(w.range.lowerBound) {
                    latin.append(su.string(w.range).lowercased().replacingOccurrences(of: "\u{2019}", with: "'"))
                }
                if let previous = latin.last, cues.modals.contains(previous) { request = true }
                let modal = request || latin.last.map { cues.modals.contains($0) } ?? false
                // An imperative opens the sentence (after a courtesy, `Please do not`) or a clause
                // after `,`, `;` or `:` (`If a new fuse blows, do not fit…`): `Never`, `Do not`.
                var imperative = false
                let opener = cues.imperatives.contains(word) ? at : latin.count >= 1 && cues.imperatives.contains(latin[latin.count - 1]) ? LoneSentences.previousLatin(words, before: at, in: ss[i].range) : nil
                if let m = opener {
                    let before = LoneSentences.previousLatin(words, before: m, in: ss[i].range)
                    if let b = before {
                        let w = su.string(words[b].range).lowercased()
                        if cues.courtesies.contains(w) && LoneSentences.previousLatin(words, before: b, in: ss[i].range) == nil { imperative = true }
                        else if (words[b].range.upperBound..<words[m].range.lowerBound).contains(where: { su.text[$0] == 0x2C || su.text[$0] == 0x3B || su.text[$0] == 0x3A }) { imperative = true }
                    } else {
                        imperative = true
                    }
                }
                if imperative && !absence {
                    request = true
                    existential = false
                }
                // A command the translation turned into a request: the source forbids, the
                // translated sentence holds no negation (a connective's apart) and opens its main
                // clause with a request (`请更改快门速度`; after a time clause, `风扇运转时请移除盖子`)
                // whose verb is the negated word's, read loosely (``headedBy(_:stem:lexicon:reader:)``:
                // `请断开开发板` for `Do not disconnect the board`, though the lexicon glosses 断开 only
                // `break; sever; turn off`), however much of the sentence the lexicon renders.
                // Not when a word that bounds or excludes may say the negation (`limits`: `最多`),
                // one that renders a word of the source apart (`仅` of `请仅用颜色…` for `Never use
                // colour as the only…`), nor when the negated word is one a translation says
                // without a negation (`negation.glosses`: `Don't forget` → `请记得`).
                // A word that bounds or excludes (`limits`: `最多`) may say the negation, one with a
                // gloss of one word that is a word of the source apart (`仅`, `only`, for `only`;
                // not `最多`, `at most`, for the `at` of `at once`).
                func limited() -> Bool {
                    var sourceStems = Set<String>()
                    for w in words where w.kind == .latin && ss[i].range.contains(w.range.lowerBound) && su.roles[w.range.lowerBound] == .content {
                        sourceStems.insert(Stemmer.stem(su.string(w.range).lowercased()))
                    }
                    return limits.contains { l in
                        han.withUnsafeBufferPointer { reader.holds($0, [l], initial: true) }
                            && !(lexicon.word(l).map { lexicon.glosses(ofWord: $0).contains { !$0.contains(" ") && sourceStems.contains(Stemmer.stem($0)) } } ?? false)
                    }
                }
                var requested = false
                if imperative && bare, let id, !cues.glosses.contains(where: { Stemmer.stem($0) == Stemmer.stem(negated ?? "") }),
                   let clause = LostNegations.requestClause(tu, ts[j].range, markers: requestMarkers, timeEnds: timeClauseEnds, reader: reader),
                   LostNegations.headedBy(clause, stem: id, lexicon: lexicon, reader: reader) {
                    requested = !limited()
                }
                var rendered = false, affirmed = false, renderedByWord = false, modalRendering = false
                var reached = Set<Int32>()
                han.withUnsafeBufferPointer { text in
                    lexicon.forEachStem(inHan: text, maxLength: 6, singleSenses: 6) { reached.insert($0) }
                    if let id { rendered = reached.contains(id) }
                    guard rendered, let id else { return }
                    func after(_ s: Int, _ list: [[UInt32]]) -> Bool {
                        if list.contains(where: { m in m.count <= s && zip(text[(s - m.count)..<s], m).allSatisfy { $0 == $1 } }) { return true }
                        // A passive marker between (`会被构建` for `are not built`).
                        return passives.contains { p in p.count < s && zip(text[(s - p.count)..<s], p).allSatisfy { $0 == $1 }
                            && list.contains { m in m.count <= s - p.count && zip(text[(s - p.count - m.count)..<(s - p.count)], m).allSatisfy { $0 == $1 } } }
                    }
                    // A word of two characters or more rendering it, right after a modal
                    // (`会`, `可以`: `boundModals`): the translation affirms what the source denies;
                    // for a negated modal or imperative, after a request too (`请移除` for `Do not
                    // remove`), or with a short phrase between (`会向第三方出售` for `will never
                    // sell`); for `no`, after `有` (`有遮阴`).
                    for s in text.indices where !affirmed {
                        var l = 2
                        while l <= 6 && s + l <= text.count && text[s + l - 1] != 0 {
                            if let w = lexicon.word(in: text, s, s + l), lexicon.stems(ofWord: w).contains(id) {
                                renderedByWord = true
                                // (For `without`, only `有` says the thing is there.)
                                affirmed = absence ? after(s, beings) : after(s, request ? requests : modals) || existential && after(s, beings)
                                // The rendering is itself a modal (`需要` for `need`, `required`).
                                modalRendering = !absence && modals.contains { $0.count == l && $0.elementsEqual(text[s..<(s + l)]) }
                                if !affirmed && request && !absence {
                                    var q = s - 1
                                    while q >= 0 && q >= s - 5 && text[q] != 0 {
                                        if prepositions.contains(text[q]) && after(q, requests) { affirmed = true; break }
                                        q -= 1
                                    }
                                }
                                break
                            }
                            l += 1
                        }
                    }
                }
                // How much of the sentence the translation renders: the source's content words the
                // lexicon knows, after the negator's too.
                var known = 0, found = 0
                var seen = Set<Int32>()
                let written = tu.string(ts[j].range).lowercased()
                for w in words where w.kind == .latin && ss[i].range.contains(w.range.lowerBound) && su.roles[w.range.lowerBound] == .content {
                    let x = su.string(w.range).lowercased()
                    guard x.count >= 2, !functionWords.contains(x), let sid = lexicon.stem(Stemmer.stem(x)), seen.insert(sid).inserted else { continue }
                    known += 1
                    if reached.contains(sid) || written.contains(x) { found += 1 }
                }
                let coverage = known == 0 ? 0 : Double(found) / Double(known)
                var reversed = false, unrendered = false, declarative = false
                // `without`: only a thing said to be there (a code span right after it, `Without
                // `ORDER BY`, …`, with `有` right before the same span: `如果有 `ORDER BY``).
                if absence && !affirmed && !(bare && LostNegations.existentialBeforeSpan(su, after: words[at].range.upperBound, in: ss[i].range, tu, ts[j].range, beings)) { continue }
                if absence { affirmed = true }
                // A translation with no negation that renders the negated word by a modal of its own
                // (`需要手套` for `do not need gloves`, `需要注册` for `is not required`), or holds a
                // word the lexicon glosses by the negator's opposite (`opposites`: `总是` for `never`,
                // `is never true` → `总是为真`; not for a negated word that negates, `never fails`),
                // says the opposite, as a modal before the rendering does.
                // The opposites are read by the negator and by the negated word (`not permitted`:
                // 允许 says the opposite itself). For a negated modal (`cannot`: 可以), the opposite
                // word right before a rendering of the negated word (`可以更改` for `cannot be
                // changed`; not `可以变化` in a sentence that says no `use`).
                if rendered && bare && !affirmed && !absence {
                    if modalRendering && !limited() { affirmed = true }
                    let byNegator = cues.opposites[word]
                    if !affirmed, let opposite = byNegator ?? cues.opposites[negated ?? ""],
                       !cues.glosses.contains(where: { Stemmer.stem($0) == Stemmer.stem(negated ?? "") }) {
                        let ids = Set(opposite.compactMap { lexicon.stem(Stemmer.stem($0)) })
                        let beforeRendering = byNegator != nil && cues.modals.contains(word)
                        affirmed = han.withUnsafeBufferPointer { text in
                            var s = 0
                            while s < text.count {
                                let (l, w) = reader.longest(text, s)
                                if let w, lexicon.stems(ofWord: w).contains(where: { ids.contains($0) }) {
                                    guard beforeRendering else { return true }
                                    // The negated word rendered in the four characters after it.
                                    var e = s + l
                                    while e < text.count && e < s + l + 4 && text[e] != 0 { e += 1 }
                                    var hit = false
                                    if let id, e > s + l {
                                        lexicon.forEachStem(inHan: UnsafeBufferPointer(rebasing: text[(s + l)..<e]), maxLength: 4, singleSenses: 6) { if $0 == id { hit = true } }
                                    }
                                    if hit { return true }
                                }
                                s += l
                            }
                            return false
                        } && !limited()
                    }
                }
                if rendered {
                    // The command or the modal turned round: no negation character at all, the
                    // verb bare after an imperative, a modal (`boundModals`, a word of its own in
                    // the lexicon's segmentation: not 可能, 重要) for a negated modal.
                    if bare && !affirmed && request && coverage >= LostNegations.reversedCoverage {
                        // (For a modal, rendered by a word of two characters or more: the single
                        // character's sense may be the modal's own, `以` of `可以` for `use`.)
                        reversed = imperative || modal && renderedByWord && han.withUnsafeBufferPointer { reader.holds($0, modals) }
                        // (Not when a word that bounds says the negation: `请最多同时使用三个滤镜` for
                        // `Do not use more than three filters at once`.)
                        if reversed && limited() { reversed = false }
                    }
                    // A statement that denies (review 34 D3): `do`, `does` (`auxiliaries`) after a
                    // subject, or a negated passive (`are not supported`), the sentence's one
                    // negator, the negated word rendered by a word, most of the sentence rendered,
                    // nothing that bounds or excludes (`limits`) to stand for the negation.
                    if bare && !affirmed && !reversed && !request && !absence && !existential && renderedByWord
                        && coverage >= LostNegations.reversedCoverage && !cues.glosses.contains(where: { Stemmer.stem($0) == Stemmer.stem(negated ?? "") }) {
                        let contracted = word.hasSuffix("n't") ? String(word.dropLast(3)) : nil
                        let auxiliary = contracted.map { cues.auxiliaries.contains($0) && latin.count >= 1 }
                            ?? (latin.last.map { cues.auxiliaries.contains($0) } ?? false && latin.count >= 2)
                        let copula = latin.last.map { cues.copulas.contains($0) } ?? false || contracted.map { cues.copulas.contains($0) } ?? false
                        let participle = irregular != nil || cues.participles.contains { (negated ?? "").count > $0.count + 2 && (negated ?? "").hasSuffix($0) }
                        declarative = (auxiliary || copula && participle) && LoneSentences.negators(su, words, ss[i].range, negations, all) == 1 && !limited()
                    }
                } else if !requested && !absence {
                    // Unrendered: one negator in the sentence, none in the translation nor a word
                    // that bounds or excludes, most of the sentence rendered; and the negation one a
                    // translation cannot say otherwise: a command (`do not fit` → `应换装`: a request
                    // or modal in the translation) or a passive (`is not covered`, `was not
                    // reported`: a `copulas` word before the negator, a participle after it). Not
                    // a word that itself negates (`don't forget to`: `记得`, `negation.glosses`).
                    let after = negated ?? ""
                    let copula = (latin.last.map { cues.copulas.contains($0) } ?? false)
                        || word.hasSuffix("n't") && cues.copulas.contains(String(word.dropLast(3)))
                    let passive = copula && (irregular != nil || cues.participles.contains { after.count > $0.count + 2 && after.hasSuffix($0) })
                    let command = imperative && han.withUnsafeBufferPointer { reader.holds($0, requests) }
                    // A negated modal of ability or permission (`cannot`: opposites by the negator)
                    // whose translation holds the opposite as a word of its own with Han after it
                    // (`可以同时申报` for `cannot claim both`, the lexicon pairing no word with `claim`).
                    var opposed = false
                    if cues.modals.contains(word), let opposite = cues.opposites[word] {
                        let ids = Set(opposite.compactMap { lexicon.stem(Stemmer.stem($0)) })
                        opposed = han.withUnsafeBufferPointer { text in
                            var s = 0
                            while s < text.count {
                                let (l, w) = reader.longest(text, s)
                                if let w, s + l < text.count, text[s + l] != 0, lexicon.stems(ofWord: w).contains(where: { ids.contains($0) }) { return true }
                                s += max(1, l)
                            }
                            return false
                        }
                    }
                    let enough = (passive || command) && coverage >= LostNegations.unrenderedCoverage && known >= 3
                        || opposed && coverage >= LostNegations.reversedCoverage && known >= 2
                    guard enough, !cues.glosses.contains(where: { Stemmer.stem($0) == Stemmer.stem(after) }),
                          bare,
                          LoneSentences.negators(su, words, ss[i].range, negations, all) == 1,
                          !han.withUnsafeBufferPointer({ reader.holds($0, limits, initial: true) }) else { continue }
                    unrendered = true
                }
                // Reported from the line of the sentence's first Han character (a term on a line
                // of its own before it, `--dry-run` over `: 显示…`, is no part of what it says).
                var from = ts[j].range.lowerBound
                if let h = ts[j].range.first(where: { isHanChar(tu.text[$0]) }) {
                    from = (ts[j].range.lowerBound..<h).last(where: { tu.text[$0] == 0x0A }).map { $0 + 1 } ?? from
                }
                out.append(LostNegation(unit: ss[i].unit, range: ss[i].range, targetUnit: ts[j].unit, targetRange: from..<ts[j].range.upperBound,
                                        negator: word, sourceNegated: sourceNegated, targetNegated: targetNegated,
                                        negated: negated ?? "", affirmed: affirmed, reversed: reversed, unrendered: unrendered,
                                        coverage: coverage, requested: requested, declarative: declarative))
            }
        }
        return out
    }

    /// The Han characters of prose in `r` of a translated unit, each run of anything else written
    /// as one 0, and a 0 at the end: the text the lexicon reads word by word. A soft line break
    /// between two Han characters (spaces beside it too) is no boundary: CommonMark joins the
    /// lines and renderers write nothing between Chinese characters (`配有⏎耳机插孔` is `配有耳机插孔`,
    /// `有` right before the rendering of `headphone jack`).
    static func hanRuns(_ u: BitextMarkdown.Unit, _ r: Range<Int>) -> [UInt32] { hanRunsPlaced(u, r).han }

    /// ``hanRuns(_:_:)`` and, for each of its characters, its index in the unit (-1 for a 0).
    static func hanRunsPlaced(_ u: BitextMarkdown.Unit, _ r: Range<Int>) -> (han: [UInt32], at: [Int]) {
        func han(_ k: Int) -> Bool { u.roles[k] == .content && u.text[k] >= 0x3400 && u.text[k] < 0xA000 }
        var out: [UInt32] = [], at: [Int] = []
        out.reserveCapacity(r.count + 1)
        at.reserveCapacity(r.count + 1)
        var k = r.lowerBound
        while k < r.upperBound {
            if han(k) { out.append(u.text[k]); at.append(k); k += 1; continue }
            if u.text[k] == 0x0A || u.text[k] == 0x20 || u.text[k] == 0x09, out.last.map({ $0 != 0 }) == true {
                var e = k, broken = false
                while e < r.upperBound && (u.text[e] == 0x0A || u.text[e] == 0x20 || u.text[e] == 0x09) {
                    if u.text[e] == 0x0A { broken = true }
                    e += 1
                }
                if broken && e < r.upperBound && han(e) { k = e; continue }
            }
            if out.last != 0 { out.append(0); at.append(-1) }
            k += 1
        }
        out.append(0)
        at.append(-1)
        return (out, at)
    }

    /// Of a sentence with two negators (``LoneSentences/negator(_:_:_:_:_:opens:bounds:)``, no
    /// `!until` word) whose translation `han` (Han runs) says one negation: the second negator and
    /// the word it is about when the translation renders the second's, by a word of two characters
    /// or more, with no negation character in the two characters before it, and the first's only
    /// right after one or not as a word (`这个下界不适用于比较键的排序` for `The bound does not apply to
    /// sorts that do not compare keys`: 比较 bare). `neither … nor` said once (`X和Y都不`) renders
    /// the first word bare, and is none.
    static func secondLost(_ u: BitextMarkdown.Unit, _ a: TextAnalysis, _ range: Range<Int>, _ negations: Set<String>, _ all: [[UInt32]],
                           opens: [UInt32], bounds: LocaleData.Bounds, functionWords: Set<String>, han: [UInt32], reader: NegationReader) -> (String, String)? {
        var found: [(word: String, index: Int)] = []
        var r = range
        while let n = LoneSentences.negator(u, a, r, negations, all, opens: opens, bounds: bounds), found.count < 3 {
            found.append(n)
            r = a.words[n.index].range.upperBound..<range.upperBound
        }
        guard found.count == 2 else { return nil }
        let negationCharacters = reader.characters.union(reader.anywhere)
        guard han.filter({ negationCharacters.contains($0) }).count == 1 else { return nil }
        let lexicon = reader.lexicon
        // The word each is about: the first content word after it, four words on at most.
        func about(_ k: Int) -> String? {
            for w in a.words[(k + 1)...].prefix(4) where w.kind == .latin && range.contains(w.range.lowerBound) && u.roles[w.range.lowerBound] == .content {
                let x = u.string(w.range).lowercased()
                if x.count >= 2 && !functionWords.contains(x) { return x }
            }
            return nil
        }
        guard let first = about(found[0].index), let second = about(found[1].index),
              let id1 = lexicon.stem(Stemmer.stem(first)), let id2 = lexicon.stem(Stemmer.stem(second)), id1 != id2 else { return nil }
        // Where a word of two characters or more renders `id`, and whether a negation character
        // stands in the two characters before it.
        func renderings(_ id: Int32) -> [Bool] {
            var out: [Bool] = []
            han.withUnsafeBufferPointer { text in
                for s in text.indices where text[s] != 0 {
                    var l = 2
                    while l <= 6 && s + l <= text.count && text[s + l - 1] != 0 {
                        if let w = lexicon.word(in: text, s, s + l), lexicon.stems(ofWord: w).contains(id) {
                            out.append((max(0, s - 2)..<s).contains { text[$0] != 0 && negationCharacters.contains(text[$0]) })
                            break
                        }
                        l += 1
                    }
                }
            }
            return out
        }
        let r1 = renderings(id1), r2 = renderings(id2)
        guard r1.isEmpty || r1.contains(true), !r2.isEmpty, !r2.contains(true) else { return nil }
        return (found[1].word, second)
    }

    /// Whether a code span stands right after `from` in the source unit `su` (spaces and markup
    /// between), and the translated sentence `r` of `tu` writes the same span right after one of
    /// `beings` (`有`, spaces and markup between): `Without `ORDER BY`, …` → `如果有 `ORDER BY`，…`.
    static func existentialBeforeSpan(_ su: BitextMarkdown.Unit, after from: Int, in range: Range<Int>, _ tu: BitextMarkdown.Unit, _ r: Range<Int>, _ beings: [[UInt32]]) -> Bool {
        var k = from
        while k < range.upperBound && (su.text[k] == 0x20 || su.roles[k] == .markup) { k += 1 }
        guard k < range.upperBound, su.roles[k] == .code else { return false }
        var e = k
        while e < range.upperBound && su.roles[e] == .code { e += 1 }
        let span = Array(su.text[k..<e])
        var t = r.lowerBound
        while t + span.count <= r.upperBound {
            if tu.roles[t] == .code && (t == 0 || tu.roles[t - 1] != .code) && tu.text[t..<(t + span.count)].elementsEqual(span) {
                var q = t - 1
                while q >= r.lowerBound && (tu.text[q] == 0x20 || tu.roles[q] == .markup) { q -= 1 }
                if beings.contains(where: { b in b.count <= q - r.lowerBound + 1 && tu.text[(q - b.count + 1)...q].elementsEqual(b) }) { return true }
            }
            t += 1
        }
        return false
    }

    /// When the translated sentence `r` of `u` opens its main clause with a request marker
    /// (`markers`: `请`, `务必`) that is a word of its own in the lexicon's segmentation (not the
    /// `请` of `请求`) — at its start, or after one clause that a time-clause ending closes
    /// (`timeEnds`: `时`, `期间`, `后`: `风扇运转时请移除盖子`, `完成后，请重启`) — the text after
    /// the marker, each character that is not Han written 0; else nil. Markup and spaces are
    /// passed over.
    static func requestClause(_ u: BitextMarkdown.Unit, _ r: Range<Int>, markers: [[UInt32]], timeEnds: [[UInt32]], reader: NegationReader) -> [UInt32]? {
        var t: [UInt32] = []
        for k in r where u.roles[k] == .content {
            let ch = u.text[k]
            if ch != 0x20 && ch != 0x09 && ch != 0x0A && ch != 0x3000 { t.append(ch) }
        }
        func at(_ p: Int, _ w: [UInt32]) -> Bool { p + w.count <= t.count && t[p..<(p + w.count)].elementsEqual(w) }
        guard let p = t.indices.first(where: { p in markers.contains { at(p, $0) } }),
              let marker = markers.filter({ at(p, $0) }).max(by: { $0.count < $1.count }) else { return nil }
        if p > 0 {
            // One clause before it, closed by a time-clause ending (and a comma).
            var e = p
            if t[e - 1] == 0xFF0C || t[e - 1] == 0x2C { e -= 1 }
            guard e > 0, !t[..<e].contains(where: LostNegations.clauseStops.contains),
                  timeEnds.contains(where: { w in w.count <= e && at(e - w.count, w) }) else { return nil }
        }
        // A word of its own: no longer word of the lexicon starts with it (`请求`, `请假`).
        let han = t.map { isHanChar($0) ? $0 : 0 }
        guard han.withUnsafeBufferPointer({ reader.longest($0, p).0 <= marker.count }) else { return nil }
        return Array(han[(p + marker.count)...])
    }

    /// Whether one of the first two words of `clause` (the lexicon's segmentation, longest word
    /// first; its Han up to the first character that is not) is the negated word's, the stem `id`:
    /// a word rendering it, or one holding a character that a tenth or more of the lexicon's words
    /// of two characters or more rendering it hold (`断开` and `掐断` for `disconnect`; `更改`,
    /// glossed only `alter`, and `改` of 21 of the 178 words for `change`; `拔下` and `拔掉` for
    /// `unplug`; `仅用` of `请仅用颜色…`: `用`). Not `请妥善保管` for `Never share`, `请随时联系` for
    /// `Don't hesitate to contact`, `请使用默认端口` for `Do not change the default port`: the
    /// translator said the command another way.
    static func headedBy(_ clause: [UInt32], stem id: Int32, lexicon: Lexicon, reader: NegationReader) -> Bool {
        var counts: [UInt32: Int] = [:]
        var n = 0
        for w in lexicon.words(ofStem: id) where lexicon.length(ofWord: w) >= 2 {
            n += 1
            for c in Set(lexicon.text(ofWord: w).unicodeScalars.map(\.value)) { counts[c, default: 0] += 1 }
        }
        func typical(_ c: UInt32) -> Bool { (counts[c] ?? 0) * 10 >= max(n, 1) }
        return clause.withUnsafeBufferPointer { text in
            var i = 0, words = 0
            while i < text.count && text[i] != 0 && words < 2 {
                let (l, w) = reader.longest(text, i)
                if let w = w ?? lexicon.word(text[i..<(i + 1)]), lexicon.stems(ofWord: w).contains(id) { return true }
                if (i..<(i + l)).contains(where: { typical(text[$0]) }) { return true }
                i += l
                words += 1
            }
            return false
        }
    }

    /// One line of TSV on standard error per lost negation (`BITEXT_DEBUG_NEGATION`).
    static func dump(_ c: FileContext, _ found: [LostNegation]) {
        guard let p = c.pairing else { return }
        var lines = ""
        for s in found {
            let u = p.source.units[s.unit], t = c.document.units[s.targetUnit]
            let fields: [String] = [
                c.document.path, "\(t.position(at: s.targetRange.lowerBound).line)", "\(u.position(at: s.range.lowerBound).line)",
                s.negator, "\(s.sourceNegated)/\(s.targetNegated)", s.negated,
                s.affirmed ? "affirmed" : s.reversed ? "reversed" : s.requested ? "requested" : s.unrendered ? "unrendered" : "-", String(format: "%.2f", s.coverage),
                u.plainText(in: s.range).replacingOccurrences(of: "\t", with: " "),
                t.plainText(in: s.targetRange).replacingOccurrences(of: "\t", with: " "),
            ]
            lines += fields.joined(separator: "\t") + "\n"
        }
        if !lines.isEmpty { FileHandle.standardError.write(Data(lines.utf8)) }
    }
}
