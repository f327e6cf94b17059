import BitextAlign
import BitextMarkdown
import BitextText

/// A condition or exception clause (`unless …`, `except …`, `provided that …`, `only if …`: the
/// source locale's `conditions`) of a sentence translated one to one, whose translation holds
/// none of the renderings the target locale gives under the same name (`除非`, `否则`, `才`,
/// `除…外`, `前提是`) nor a negation (`unless approved` is also `未经批准`): the clause was dropped
/// (`…, unless we have agreed to cover it in writing;` → `…任何索赔；`). Those renderings are all
/// but obligatory: a translation that drops the word drops the condition. A restriction (`only`
/// before a preposition: `Use it only with the grid classes`, named `only`) is the same test:
/// without 只, 仅, 限… (`可与网格类一起使用`) the translation allows what the source restricts.
struct DroppedCondition {
    var unit: Int                 // the source unit and the clause, from the conjunction on
    var range: Range<Int>
    var targetUnit: Int           // the translated sentence
    var targetRange: Range<Int>
    /// The clause comes in the second half of its sentence: its translation belongs at the end.
    var atEnd: Bool
    /// The name the locales give the conjunction (`unless`, `only`: a restriction, `only with`).
    var name: String = ""
}

enum DroppedConditions {
    @inline(__always) static func isLatinLetter(_ c: UInt32) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

    static func find(_ c: FileContext) -> [DroppedCondition] {
        guard let p = c.pairing else { return [] }
        let sourceConditions = c.toolkit.segmenter.source.conditions, targetConditions = c.toolkit.segmenter.target.conditions
        guard !sourceConditions.isEmpty, !targetConditions.isEmpty else { return [] }
        // Each source phrase as its words, with the renderings of its name.
        var phrases: [(words: [String], renderings: [[UInt32]], name: String)] = []
        for (name, list) in sourceConditions.sorted(by: { $0.key < $1.key }) {  // (in one order in every process)
            guard let renderings = targetConditions[name], !renderings.isEmpty else { continue }
            let r = renderings.map { Array($0.unicodeScalars.map(\.value)) }
            for ph in list { phrases.append((ph.split(separator: " ").map(String.init), r, name)) }
        }
        guard !phrases.isEmpty else { return [] }
        let firsts = LoneSentences.listedWords(Set(phrases.compactMap(\.words.first)))
        // The negations that may render a condition (`unless approved` → `未经批准`): not the `+`
        // characters of the list, measured renderings of a negator (`只` of 只能 `can only` renders
        // `only`, no `unless`).
        let negations = LoneSentences.scalars(c.toolkit.segmenter.target.negations.filter { !$0.hasPrefix("+") })
        let sourceNegations = c.toolkit.segmenter.source.negations, functionWords = c.toolkit.segmenter.source.functionWords
        let derivations = c.toolkit.segmenter.source.negationCues.derivations
        let whetherWords = Set(sourceConditions["ifWhether"] ?? [])
        // The names judged as `if` is: by where the clause stands, the translation's length and its words.
        let clauseNames = Set(c.toolkit.segmenter.source.clauseConditions)
        let timeClauses = Set(c.toolkit.segmenter.source.timeClauses)
        let lettersPerHan = c.toolkit.segmenter.target.sourceLettersPerHan
        var sourceListed: [[UInt32]]? = nil
        let connectives = c.toolkit.segmenter.target.negationCues.connectives.map { Array($0.unicodeScalars.map(\.value)) }.filter { !$0.isEmpty }
        // Renderings that count only under a negated main clause (`<name>Negated`: `not X unless Y`
        // said as a precondition, `请先 Y，再 X`, `Y 后方可 X`), by the source's name.
        var underNegation: [String: [[[UInt32]]]] = [:]
        for (name, _) in sourceConditions {
            if let l = targetConditions[name + "Negated"], !l.isEmpty { underNegation[name] = orderedParts(l) }
        }
        // Renderings that stand in the main clause (`否则`, `则`: `consequence`), which say the
        // condition only after something in their sentence: first in it, the clause before them is gone.
        let consequences = (targetConditions["consequence"] ?? []).map { Array($0.unicodeScalars.map(\.value)) }.filter { !$0.isEmpty }
        var out: [DroppedCondition] = []
        // Beads with a phrase's first word anywhere in their source blocks.
        for (b, ss, ts) in LoneSentences.oneToOneBeads(c, p, firsts) {
            for sb in b.sentences where sb.source.count == 1 && sb.target.count == 1 {
                let i = sb.source[0], j = sb.target[0]
                guard i < ss.count, j < ts.count else { continue }
                let su = p.source.units[ss[i].unit], words = p.sourceAnalyses[ss[i].unit].words
                let tu = c.document.units[ts[j].unit]
                // Every phrase of the sentence in order (a word of one phrase opens no other: the `if`
                // of `only if`); the first whose clause is dropped is reported, one a sentence.
                var found: [(at: Int, renderings: [[UInt32]], name: String)] = []
                var past = 0
                for (k, w) in words.enumerated() where k >= past && w.kind == .latin && ss[i].range.contains(w.range.lowerBound) {
                    guard su.roles[w.range.lowerBound] == .content, LoneSentences.listed(su, w.range, firsts) else { continue }
                    let first = su.string(w.range).lowercased()
                    next: for ph in phrases where ph.words[0] == first {
                        var m = k
                        for x in ph.words.dropFirst() {
                            m += 1
                            guard m < words.count, words[m].kind == .latin, ss[i].range.contains(words[m].range.lowerBound),
                                  su.string(words[m].range).lowercased() == x else { continue next }
                        }
                        found.append((k, ph.renderings, ph.name))
                        past = m + 1
                        break
                    }
                }
                occurrence: for (at, renderings, name) in found {
                    // `if` (and the other `clauseConditions`: `when`, `before`, `until`…) only after its
                    // main clause: two words or more before it in the sentence, the word right before it
                    // no function word (`as if`, `even if`, `and if`, `only if`). Nor right after
                    // punctuation (`For example, if we have…` opens its own clause) but a comma before a
                    // clause that runs to the sentence's end, nor after a word that makes it `whether`
                    // (`ifWhether`: `check if`, `know when`).
                    // Or first in its sentence, its clause ending at a comma (`If your first language is
                    // not English, submit …`): a leading condition.
                    var leading = false
                    if clauseNames.contains(name) {
                        let before = words[..<at].filter { w in
                            ss[i].range.contains(w.range.lowerBound) && (w.kind == .latin || w.kind == .number)
                                && (su.roles[w.range.lowerBound] == .content || su.roles[w.range.lowerBound] == .code)
                        }
                        if before.isEmpty {
                            var e = words[at].range.upperBound
                            while e < ss[i].range.upperBound && !(su.roles[e] == .content && [0x2C, 0x3B, 0x3A, 0x2E].contains(su.text[e])) { e += 1 }
                            leading = e < ss[i].range.upperBound && su.text[e] == 0x2C
                        }
                        if !leading {
                            guard before.count >= 2, let prev = before.last else { continue occurrence }
                            let gap = (prev.range.upperBound..<words[at].range.lowerBound).filter { su.text[$0] != 0x20 && su.text[$0] != 0x0A && su.roles[$0] == .content }
                            if gap.isEmpty {
                                guard prev.kind != .latin || !functionWords.contains(su.string(prev.range).lowercased()) && !whetherWords.contains(su.string(prev.range).lowercased())
                                else { continue occurrence }
                            } else {
                                // Or after a comma, three words or more before it, its clause running to
                                // the sentence's end: a condition after its main clause (`You can defer
                                // once, by one year, if you have paid the deposit.`), while `For example,
                                // if we have …, use …` opens a clause of its own.
                                var e = words[at].range.upperBound
                                while e < ss[i].range.upperBound && !(su.roles[e] == .content && [0x2C, 0x3B, 0x3A].contains(su.text[e])) { e += 1 }
                                guard before.count >= 3, gap.count == 1, su.text[gap[0]] == 0x2C, e == ss[i].range.upperBound else { continue occurrence }
                            }
                        }
                    }
                    // The clause: from the conjunction to the next `,`, `;`, `:` or the sentence's end,
                    // two words or more after the conjunction (`except X` of `all except X` is none).
                    let from = words[at].range.lowerBound
                    var end = from
                    while end < ss[i].range.upperBound && !(su.roles[end] == .content && [0x2C, 0x3B, 0x3A].contains(su.text[end])) { end += 1 }
                    let after = words[(at + 1)...].prefix { $0.range.lowerBound < end }.filter { $0.kind == .latin }.count
                    guard after >= 2 else { continue occurrence }
                    // A time clause cut to its verb's -ing form (`used when configuring admins`,
                    // `require confirmation before using them`) says what the act is for or part
                    // of, which a translation folds into its verb (`用于配置管理员`): no clause of
                    // its own to drop.
                    if timeClauses.contains(name),
                       let next = words[(at + 1)...].first(where: { $0.kind == .latin || $0.kind == .number }), next.kind == .latin {
                        let v = su.string(next.range).lowercased()
                        if v.count >= 5 && v.hasSuffix("ing") { continue occurrence }
                    }
                    // Translated prose, none of the renderings nor a negation, the conjunction not
                    // kept in English.
                    let conjunction = Lexicon.shared?.stem(Stemmer.stem(su.string(words[at].range).lowercased()))
                    guard ts[j].range.contains(where: { isHanChar(tu.text[$0]) && tu.roles[$0] == .content }),
                          !says(tu.text, ts[j].range, renderings, consequences: consequences, wordInitial: clauseNames.contains(name),
                                outside: { sourceIds(su, words, ss[i].range, excluding: from..<end, functionWords, derivations) }, conjunction: conjunction),
                          !tu.string(ts[j].range).lowercased().contains(su.string(words[at].range).lowercased()) else { continue occurrence }
                    // A rendering of the main clause first in the sentence (`否则请勿邮寄原件。`) is what
                    // a cut leaves: the condition before it is gone, whatever the rest says.
                    let dangling = startsWith(tu.text, ts[j].range, consequences.filter { renderings.contains($0) })
                    if !dangling {
                        // `not X unless Y` is `X only if Y`, which a translation says as a precondition
                        // (`请先断开电源，再打开盖板`, `断开电源后方可打开盖板`, `持有学位者方可申请`: the
                        // name's `Negated` renderings): the condition said, and the negation with it, when
                        // the source negates outside the clause and the translation renders the clause:
                        // most of its words the lexicon knows, or room for it (more Han than the main
                        // clause and half the clause would make: `请先装好接水盘，再使用本机`, where the
                        // lexicon reads no `drip tray`). A clause dropped whole leaves neither (`方可打开盖板`).
                        if let pre = underNegation[name], saysInOrder(tu.text, ts[j].range, pre) {
                            if sourceListed == nil { sourceListed = LoneSentences.listedWords(sourceNegations) }
                            let outside = LoneSentences.negators(su, words, ss[i].range, sourceNegations, sourceListed!)
                                - LoneSentences.negators(su, words, from..<end, sourceNegations, sourceListed!)
                            if outside > 0 {
                                let (known, rendered) = renderedWords(su, words, at, end, tu, ts[j].range, functionWords, masking: pre.flatMap { $0 })
                                let l = lengths(su, ss[i].range, clause: from..<end, tu, ts[j].range)
                                if known >= 1 && rendered * 2 >= known || l.han * lettersPerHan > l.main + l.clause * 0.5 { continue occurrence }
                            }
                        }
                        // A negation of the translation renders the condition only beyond those that render
                        // the source's own negations outside the clause (`Do not open the case unless the
                        // power is off` → `不要打开外壳`: the one `不` is the `not`'s). With a negation of the
                        // source to answer, the clause is dropped when its words are mostly not rendered
                        // either (`不要在通电时打开外壳` says the condition another way).
                        // (The negation characters of a connective, 否 of 否则, negate nothing: `only while
                        // the grinder is running, or the burrs may jam` → `在研磨器运转时调节研磨度，否则…`.)
                        if LoneSentences.saysNegation(tu.text, ts[j].range, negations),
                           LoneSentences.negationCount(tu.text, ts[j].range, negations, outside: connectives) > 0 {
                            if sourceListed == nil { sourceListed = LoneSentences.listedWords(sourceNegations) }
                            let outside = LoneSentences.negators(su, words, ss[i].range, sourceNegations, sourceListed!)
                                - LoneSentences.negators(su, words, from..<end, sourceNegations, sourceListed!)
                            guard outside > 0, LoneSentences.negationCount(tu.text, ts[j].range, negations, outside: connectives) <= outside,
                                  unrendered(su, words, at, end, tu, ts[j].range, functionWords, none: clauseNames.contains(name)) else { continue occurrence }
                        } else if clauseNames.contains(name) {
                            // `if` is often said by the sentence's shape (`原因是…`, `只需…即可`): dropped only
                            // when none of the clause's words is rendered either.
                            // And the translation no longer than the main clause and a little of the `if`
                            // clause would make (`This may happen if you end up with two copies…` →
                            // `原因是你使用了重复的包`: the condition said as the cause).
                            let l = lengths(su, ss[i].range, clause: from..<end, tu, ts[j].range)
                            guard l.han * lettersPerHan <= l.main + l.clause * 0.75,
                                  unrendered(su, words, at, end, tu, ts[j].range, functionWords, none: true) else { continue occurrence }
                        }
                    }
                    var trimmed = end
                    while trimmed > from && (su.text[trimmed - 1] == 0x20 || su.text[trimmed - 1] == 0x0A) { trimmed -= 1 }
                    let middle = ss[i].range.lowerBound + ss[i].range.count / 2
                    out.append(DroppedCondition(unit: ss[i].unit, range: from..<trimmed, targetUnit: ts[j].unit, targetRange: ts[j].range,
                                                atEnd: from >= middle, name: name))
                    break
                }
            }
        }
        return out
    }

    /// Whether the content words of the clause (after the conjunction `at`, before `end`) are mostly
    /// not rendered in the translated sentence (lexicon stems reached by its Han), one at least known;
    /// with `none`, that none is.
    static func unrendered(_ su: BitextMarkdown.Unit, _ words: [Word], _ at: Int, _ end: Int, _ tu: BitextMarkdown.Unit, _ r: Range<Int>,
                           _ functionWords: Set<String>, none: Bool = false) -> Bool {
        let (known, found) = renderedWords(su, words, at, end, tu, r, functionWords)
        return known >= 1 && (none ? found == 0 : found * 2 < known)
    }

    /// What the length tests weigh: the source sentence's letters of prose outside the clause and
    /// inside it, and the translated sentence's Han characters of prose.
    static func lengths(_ su: BitextMarkdown.Unit, _ sr: Range<Int>, clause: Range<Int>, _ tu: BitextMarkdown.Unit, _ tr: Range<Int>)
        -> (main: Double, clause: Double, han: Double) {
        var main = 0, inside = 0
        for k in sr where su.roles[k] == .content && isLatinLetter(su.text[k]) {
            if clause.contains(k) { inside += 1 } else { main += 1 }
        }
        let han = tr.filter { isHanChar(tu.text[$0]) && tu.roles[$0] == .content }.count
        return (Double(main), Double(inside), Double(han))
    }

    /// How many content words of the clause (after the conjunction `at`, before `end`) the lexicon
    /// knows, and how many of them the translated sentence renders (lexicon stems reached by its Han).
    /// The characters of `masking` (`方可`, whose 方 reads `power`) render nothing.
    static func renderedWords(_ su: BitextMarkdown.Unit, _ words: [Word], _ at: Int, _ end: Int, _ tu: BitextMarkdown.Unit, _ r: Range<Int>,
                              _ functionWords: Set<String>, masking: [[UInt32]] = []) -> (known: Int, found: Int) {
        guard let lexicon = Lexicon.shared else { return (0, 0) }
        var known = 0, found = 0
        var reached: Set<Int32>? = nil
        for w in words[(at + 1)...] where w.range.lowerBound < end && w.kind == .latin && su.roles[w.range.lowerBound] == .content {
            let x = su.string(w.range).lowercased()
            guard x.count >= 2, !functionWords.contains(x), let sid = lexicon.stem(Stemmer.stem(x)) else { continue }
            if reached == nil {
                var rr = Set<Int32>()
                let han = masking.isEmpty ? LostNegations.hanRuns(tu, r) : LoneSentences.masking(LostNegations.hanRuns(tu, r), masking)
                han.withUnsafeBufferPointer { lexicon.forEachStem(inHan: $0, maxLength: 6, singleSenses: 6) { rr.insert($0) } }
                reached = rr
            }
            known += 1
            if reached!.contains(sid) { found += 1 }
        }
        return (known, found)
    }

    /// A locale's list of which some entries are parts in order (`先…再`: 先, then 再 further on),
    /// as scalars, each entry its parts.
    static func orderedParts(_ l: [String]) -> [[[UInt32]]] {
        l.map { $0.split(separator: "…").map { Array($0.unicodeScalars.map(\.value)) }.filter { !$0.isEmpty } }.filter { !$0.isEmpty }
    }

    /// Whether `text[r]` says one of `entries` (``orderedParts(_:)``): each part of it, each after
    /// the one before.
    static func saysInOrder(_ text: [UInt32], _ r: Range<Int>, _ entries: [[[UInt32]]]) -> Bool {
        entries.contains { parts in
            var from = r.lowerBound
            for w in parts {
                var i = from, hit = -1
                while i + w.count <= r.upperBound {
                    if text[i] == w[0] && text[i..<(i + w.count)].elementsEqual(w) { hit = i; break }
                    i += 1
                }
                guard hit >= 0 else { return false }
                from = hit + w.count
            }
            return true
        }
    }

    /// Whether `text[r]` says one of `renderings` as a word of its own: a rendering inside a
    /// dictionary word longer than it that renders a word of the source sentence outside the
    /// clause (`除` of 删除 for `deletes`, of 扣除 for `deduction`) is that word's, no condition.
    /// `sourceIds` (the lexicon stems of those source words) is read only when a rendering is found.
    /// A word that also renders the conjunction (`conjunction`, its stem: 仅次于 `second only to`)
    /// says it.
    /// A rendering of `consequences` (`否则`, `则`) with no Han before it in the sentence says nothing:
    /// `否则请勿邮寄原件。` lost the `除非我们要求，` before it.
    /// With `wordInitial`, a rendering of one character that begins a dictionary word not glossing
    /// the conjunction is that word's (时 of 时间 `time`, 后 of 后续 `follow-up`): `推迟时间为一年`
    /// says no `if`.
    static func says(_ text: [UInt32], _ r: Range<Int>, _ renderings: [[UInt32]], consequences: [[UInt32]] = [], wordInitial: Bool = false,
                     outside sourceIds: () -> Set<Int32>, conjunction: Int32?) -> Bool {
        guard LoneSentences.saysNegation(text, r, renderings) else { return false }
        let lexicon = Lexicon.shared
        var ids: Set<Int32>? = nil
        return text.withUnsafeBufferPointer { t in
            for i in r {
                for w in renderings where w[0] == t[i] && i + w.count <= r.upperBound && t[i..<(i + w.count)].elementsEqual(w) {
                    if consequences.contains(w), !(r.lowerBound..<i).contains(where: { isHanChar(t[$0]) }) { continue }
                    guard let lexicon else { return true }
                    if wordInitial && w.count == 1 && beginsWord(t, i, r, conjunction, lexicon) { continue }
                    if ids == nil { ids = sourceIds() }
                    if !insideRendering(t, i..<(i + w.count), r, ids!, conjunction, lexicon) { return true }
                }
            }
            return false
        }
    }

    /// Whether a dictionary word of two to four Han characters starts at `i` (within `r`) that does
    /// not gloss the conjunction.
    static func beginsWord(_ t: UnsafeBufferPointer<UInt32>, _ i: Int, _ r: Range<Int>, _ conjunction: Int32?, _ lexicon: Lexicon) -> Bool {
        var e = i + 2
        while e <= min(r.upperBound, i + 4) && isHanChar(t[e - 1]) {
            if let id = lexicon.word(in: t, i, e) {
                if let conjunction, lexicon.stems(ofWord: id).contains(conjunction) { return false }
                return true
            }
            e += 1
        }
        return false
    }

    /// Whether the first Han character of `text[r]` opens one of `entries`.
    static func startsWith(_ text: [UInt32], _ r: Range<Int>, _ entries: [[UInt32]]) -> Bool {
        guard let i = r.first(where: { isHanChar(text[$0]) }) else { return false }
        return entries.contains { w in i + w.count <= r.upperBound && text[i..<(i + w.count)].elementsEqual(w) }
    }

    /// Whether a dictionary word of `t` (within `r`, up to six characters) holds `hit` and more and
    /// renders one of `ids`, not the conjunction too (a word that does says the condition).
    static func insideRendering(_ t: UnsafeBufferPointer<UInt32>, _ hit: Range<Int>, _ r: Range<Int>, _ ids: Set<Int32>, _ conjunction: Int32?, _ lexicon: Lexicon) -> Bool {
        guard !ids.isEmpty else { return false }
        let longest = min(lexicon.maxWordLength, 6)
        var inside = false
        for s in max(r.lowerBound, hit.upperBound - longest)...hit.lowerBound {
            var e = max(hit.upperBound, s + 2)
            while e <= min(r.upperBound, s + longest) {
                if e - s > hit.count, (s..<e).allSatisfy({ isHanChar(t[$0]) }), let id = lexicon.word(in: t, s, e) {
                    let stems = lexicon.stems(ofWord: id)
                    if let conjunction, stems.contains(conjunction) { return false }
                    if stems.contains(where: { ids.contains($0) }) { inside = true }
                }
                e += 1
            }
        }
        return inside
    }

    /// The lexicon stems of the content words of `sentence` outside `clause`, function words apart,
    /// and of the words they come from by one of `derivations` (`deduct` of `deduction`).
    static func sourceIds(_ su: BitextMarkdown.Unit, _ words: [Word], _ sentence: Range<Int>, excluding clause: Range<Int>,
                          _ functionWords: Set<String>, _ derivations: [String]) -> Set<Int32> {
        guard let lexicon = Lexicon.shared else { return [] }
        var out = Set<Int32>()
        for w in words where w.kind == .latin && sentence.contains(w.range.lowerBound) && !clause.contains(w.range.lowerBound) && su.roles[w.range.lowerBound] == .content {
            let x = su.string(w.range).lowercased()
            guard x.count >= 2, !functionWords.contains(x) else { continue }
            if let id = lexicon.stem(Stemmer.stem(x)) { out.insert(id) }
            for d in derivations where x.count - d.count >= 4 && x.hasSuffix(d) {
                if let id = lexicon.stem(Stemmer.stem(String(x.dropLast(d.count)))) { out.insert(id) }
            }
        }
        return out
    }
}

/// A restriction said as an addition: a sentence translated one to one whose source restricts
/// (`only`: the source locale's `restriction.words`, not after `not`, `the`…, nor in a hyphenated
/// compound (`text-only`), not before `if`,
/// `then`…, nor opening a phrase of `conditions`, which ``DroppedConditions`` reads; a verb right
/// after it, not a quantity: `retrieve only a small summary` is no such restriction) and says no
/// addition (`also`, `too`: `restriction.additions`), and whose translation says none of the
/// target's `only` renderings (只, 仅, 限…) but one of its additions (也): `The ROM loader only
/// accepts 115200 baud.` → `ROM 加载程序也接受 115200 波特率。` reads the opposite. Reported on
/// the addition.
struct ReversedRestriction {
    var unit: Int                 // the source unit and its restricting word
    var range: Range<Int>
    var targetUnit: Int           // the translated sentence's addition
    var targetRange: Range<Int>
    var addition: String
}

enum ReversedRestrictions {
    static func find(_ c: FileContext) -> [ReversedRestriction] {
        guard let p = c.pairing else { return [] }
        let source = c.toolkit.segmenter.source, target = c.toolkit.segmenter.target
        let cues = source.restrictionCues
        let renderings = (target.conditions["only"] ?? []).map { Array($0.unicodeScalars.map(\.value)) }.filter { !$0.isEmpty }
        let additionTexts = target.restrictionCues.additions.filter { !$0.isEmpty }
        let additions = additionTexts.map { Array($0.unicodeScalars.map(\.value)) }
        guard !cues.words.isEmpty, !renderings.isEmpty, !additions.isEmpty else { return [] }
        let words = LoneSentences.listedWords(Set(cues.words))
        let functionWords = source.functionWords, copulas = Set(source.negationCues.copulas)
        let sourceAdditions = cues.additions.map { $0.split(separator: " ").map(String.init) }
        // The phrases of `conditions` a restricting word opens (`only with`): DroppedConditions' reading.
        let phrases = source.conditions.values.joined().map { $0.split(separator: " ").map(String.init) }
            .filter { $0.count > 1 && cues.words.contains($0[0]) }
        var out: [ReversedRestriction] = []
        for (b, ss, ts) in LoneSentences.oneToOneBeads(c, p, words) {
            for sb in b.sentences where sb.source.count == 1 && sb.target.count == 1 {
                let i = sb.source[0], j = sb.target[0]
                guard i < ss.count, j < ts.count else { continue }
                let su = p.source.units[ss[i].unit], tu = c.document.units[ts[j].unit]
                let sentence = p.sourceAnalyses[ss[i].unit].words.filter {
                    $0.kind == .latin && ss[i].range.contains($0.range.lowerBound) && su.roles[$0.range.lowerBound] == .content
                }
                let lowered = sentence.map { su.string($0.range).lowercased() }
                // The source says no addition, anywhere in the sentence.
                guard !sourceAdditions.contains(where: { a in
                    lowered.indices.contains { k in k + a.count <= lowered.count && Array(lowered[k..<(k + a.count)]) == a }
                }) else { continue }
                // The word restricts a verb: the next word of the sentence, right after it, is a
                // word of prose that is no function word but a copula (`only accepts`, `can only be
                // used`), not a quantity or a noun phrase (`only a small summary`, `only 3`).
                func verbAfter(_ k: Int) -> Bool {
                    guard k + 1 < lowered.count, let n = p.sourceAnalyses[ss[i].unit].words.first(where: { $0.range.lowerBound >= sentence[k].range.upperBound }),
                          n.range == sentence[k + 1].range else { return false }
                    return !functionWords.contains(lowered[k + 1]) || copulas.contains(lowered[k + 1])
                }
                // A part of a hyphenated compound (`text-only`, `read-only`) is an adjective of
                // its noun, no restriction of a verb.
                func inCompound(_ r: Range<Int>) -> Bool {
                    (r.lowerBound > 0 && su.text[r.lowerBound - 1] == 0x2D) || (r.upperBound < su.text.count && su.text[r.upperBound] == 0x2D)
                }
                guard let at = lowered.indices.first(where: { k in
                    cues.words.contains(lowered[k]) && !inCompound(sentence[k].range)
                        && (k == 0 || !cues.notAfter.contains(lowered[k - 1]))
                        && !cues.notBefore.contains(lowered[k + 1 < lowered.count ? k + 1 : k]) && verbAfter(k)
                        && !phrases.contains { ph in k + ph.count <= lowered.count && Array(lowered[k..<(k + ph.count)]) == ph }
                }) else { continue }
                // The translation says no restriction, and an addition.
                let tr = ts[j].range
                guard !LoneSentences.saysNegation(tu.text, tr, renderings),
                      let (k, a) = LoneSentences.firstOccurrence(tu.text, tr, additions), tu.roles[k] == .content else { continue }
                out.append(ReversedRestriction(unit: ss[i].unit, range: sentence[at].range, targetUnit: ts[j].unit,
                                               targetRange: k..<(k + additions[a].count), addition: additionTexts[a]))
            }
        }
        return out
    }
}
