import BitextMarkdown
import BitextText
import Foundation

/// A sentence of an aligned block: its unit (an index into `Document.units`) and the range of
/// the unit's text.
public struct SentenceSpan: Sendable, Equatable {
    public var unit: Int
    public var range: Range<Int>
    public init(unit: Int, range: Range<Int>) {
        self.unit = unit
        self.range = range
    }
}

/// A sentence as the sentence aligner sees it.
public struct AlignSentence: Sendable {
    /// Which block of the bead and which range of the unit's text.
    public var block: Int
    public var range: Range<Int>
    public var letters: Int
    public var han: Int
    /// Numbers, quoted or parenthesised marks, question and exclamation marks, Latin words.
    public var anchors: [String]
    public var latinWords: [String]
    /// Stems of the Latin words that are not function words, for the learned lexicon.
    public var contentWords: [String] = []
    /// Left empty since the lexicon-based aligner (it reads ``hanText``); kept for source
    /// compatibility.
    public var hanCharacters: [UInt32] = []
    /// The Han characters in text order, 0 where other text interrupts them (for dictionary
    /// words, which never span the gap).
    public var hanText: [UInt32] = []
    /// Stems of content words written with a capital: candidate names.
    public var names: [String] = []
    /// Numbers written in words or numerals and quotation marks (``SentenceAligner/extendedAnchors``).
    public var extraAnchors: [String] = []

    public init(block: Int, range: Range<Int>, letters: Int, han: Int, anchors: [String], latinWords: [String]) {
        self.block = block
        self.range = range
        self.letters = letters
        self.han = han
        self.anchors = anchors
        self.latinWords = latinWords
    }
}

/// Aligns sentences: inside a block bead, or whole texts one sentence a line.
///
/// In passes, after Bertalign. Pass 1, a guide: beads 1-1, 1-0, 0-1, 2-1, 1-2, 2-2 in a wide
/// band around the line where both sides have covered the same share of their length, scored
/// by length (Gale–Church) and anchors (numbers in digits or words, `?`/`!`, quotation marks,
/// Latin words kept in the Chinese). Pass 2, within 12 sentences of that path: beads up to
/// 1-3/3-1 with the lexical evidence of the bilingual lexicon (``LexicalEvidence``). Pass 3,
/// within 6 sentences of the second path: beads up to 1-5/5-1, 2-3/3-2, 2-4/4-2 and 3-3, with an
/// IBM-1 table and per-word match rates learned from the confident 1-1 beads so far, and
/// bead-shape costs learned from their shapes (never cheaper than the fixed ones for
/// insertions, deletions and 2-2).
///
/// Linear in time and memory: bands have a bounded width and widen only around the rows where
/// the best path touches their edge; the programme keeps a rolling window of cost rows plus one
/// byte of back-pointer per cell.
public struct SentenceAligner: Sendable {
    public var insertionCost = 4.0
    public var lengthVariance = 6.0
    /// Run the learning pass (learned translations, wider beads) on texts long enough to learn from.
    public var lexical = true
    /// How many rounds of learning and re-aligning follow the first pass.
    public var passes = 1
    /// The bilingual lexicon; nil aligns without a dictionary (length, anchors, learned links).
    public var lexicon: Lexicon? = Lexicon.shared
    /// Weight of the lexical evidence against the length cost, and its floor per sentence.
    public var lexicalWeight = 3.0
    public var evidenceFloor = -0.5
    /// Learning pass: an IBM-1 table and per-word match rates from the beads so far.
    public var learnedTranslations = true
    /// Learning pass: beads up to 1-5/5-1, 2-3/3-2, 2-4/4-2, 3-3.
    public var wideShapes = true
    /// Numbers written in words (English number words, Chinese numerals), quotation marks and
    /// names matched through pinyin readings, besides digits, `?`/`!` and kept Latin words.
    public var extendedAnchors = true
    /// Half-width of the first pass's band, at most (it widens where the path touches it).
    public var guideWidth = 256
    /// Bead-shape costs in the order of the moves; nil: the fixed ones.
    var priors: [Double]? = nil

    static let debug = Environment.value("BITEXT_DEBUG_ALIGN") != nil

    public init() {}

    /// Bead shapes of the first pass, with their fixed costs (nulls: ``insertionCost``).
    static let moves: [(Int, Int, Double)] = [
        (1, 1, 0), (1, 0, 4), (0, 1, 4), (2, 1, 2.3), (1, 2, 2.3), (2, 2, 3.5), (3, 1, 4.0), (1, 3, 4.0),
    ]
    /// The second pass adds these.
    static let wideMoves: [(Int, Int, Double)] = [
        (1, 4, 5.0), (4, 1, 5.0), (2, 3, 4.5), (3, 2, 4.5), (1, 5, 6.0), (5, 1, 6.0), (2, 4, 5.5), (4, 2, 5.5), (3, 3, 5.0),
    ]

    /// What a wide bead (``wideMoves``) costs more in a pair of blocks too short for pass 3.
    static let shortWideExtra = 1.0

    /// The sentences of some blocks (units) of a document.
    ///
    /// - Parameter words: what earlier calls made of the Latin words they met, to share between
    ///   the calls for a document pair (the same `functionWords` each time).
    public static func sentences(of blocks: [Int], in doc: Document, analyses: [TextAnalysis],
                                 functionWords: Set<String> = [], words: WordCache? = nil, numerals: Numerals) -> [AlignSentence] {
        var out: [AlignSentence] = []
        for b in blocks {
            guard let u = doc.unitIndex(block: b) else { continue }
            let unit = doc.units[u], a = analyses[u]
            for r in a.sentences {
                out.append(sentence(unit: unit, analysis: a, block: b, range: r, functionWords: functionWords, words: words, numerals: numerals))
            }
        }
        return out
    }

    /// Where the sentences of some blocks are, in the order ``sentences(of:in:analyses:functionWords:words:numerals:)``
    /// lists them (the order a ``SentenceBead``'s indexes count in), without the words and
    /// anchors the aligner reads: what readers of an alignment need.
    public static func spans(of blocks: [Int], in doc: Document, analyses: [TextAnalysis]) -> [SentenceSpan] {
        var out: [SentenceSpan] = []
        for b in blocks {
            guard let u = doc.unitIndex(block: b) else { continue }
            for r in analyses[u].sentences { out.append(SentenceSpan(unit: u, range: r)) }
        }
        return out
    }

    /// What ``sentence(unit:analysis:block:range:functionWords:words:numerals:)`` makes of a Latin word
    /// as written, kept for the next time it occurs (books repeat their words): the word
    /// lowercased, its stem when it is a content word, whether it starts with a capital.
    public final class WordCache {
        var entries: [String: (word: String, stem: String?, capital: Bool)] = [:]
        public init() {}
    }

    static func sentence(unit: BitextMarkdown.Unit, analysis a: TextAnalysis, block: Int, range r: Range<Int>,
                         functionWords: Set<String> = [], words cache: WordCache? = nil, numerals: Numerals) -> AlignSentence {
        var letters = 0, han = 0
        var hanText: [UInt32] = []
        var anchors: [String] = []
        var extra: [String] = []
        var digits: [UInt32] = []
        var straightQuotes = 0
        for i in r where unit.roles[i] == .content {
            let c = unit.text[i]
            if c >= 0x30 && c <= 0x39 { digits.append(c); letters += 1; continue }
            if !digits.isEmpty { anchors.append(makeString(digits)); digits.removeAll() }
            if c < 0x80 {
                if (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A { letters += 1 }
                else if c == 0x3F { anchors.append("?") }
                else if c == 0x21 { anchors.append("!") }
                else if c == 0x22 { straightQuotes += 1 }
                if hanText.last != 0 && !hanText.isEmpty { hanText.append(0) }
            } else if c >= 0x2E80 && c < 0xA000 || c >= 0xF900 && c < 0xFB00 || c >= 0x20000 {
                han += 1
                if c >= 0x3400 { hanText.append(c) }
                else if hanText.last != 0 && !hanText.isEmpty { hanText.append(0) }
            } else {
                if c == 0xFF1F { anchors.append("?") }
                else if c == 0xFF01 { anchors.append("!") }
                else if c == 0x201C || c == 0x300C || c == 0x300E { extra.append("\u{201C}") }  // “ 「 『
                if hanText.last != 0 && !hanText.isEmpty { hanText.append(0) }
            }
        }
        if !digits.isEmpty { anchors.append(makeString(digits)) }
        // Inline code spans, as written (spaces at their ends aside): a translation keeps them,
        // so the sentence that holds the same span is the one that translates it (the block
        // aligner's anchors count them too).
        var i = r.lowerBound
        while i < r.upperBound {
            guard unit.roles[i] == .code else { i += 1; continue }
            var e = i
            while e < r.upperBound && unit.roles[e] == .code { e += 1 }
            let code = makeString(Array(unit.text[i..<e])).trimmingSpaces
            if !code.isEmpty { anchors.append("`" + code) }
            i = e
        }
        if hanText.last == 0 { hanText.removeLast() }
        for _ in 0..<((straightQuotes + 1) / 2) { extra.append("\u{201C}") }
        var words: [String] = []
        var content: [String] = []
        var names: [String] = []
        for w in a.words where w.kind == .latin && r.contains(w.range.lowerBound) {
            let surface = unit.string(w.range)
            // ASCII only, where equal strings are equal bytes (a dictionary would take a
            // canonically equivalent spelling for the same word).
            if let cache, surface.isAllASCII {
                let e: (word: String, stem: String?, capital: Bool)
                if let known = cache.entries[surface] { e = known } else {
                    let word = surface.lowercased()
                    let stem = !functionWords.contains(word) && word.count > 1 ? Stemmer.stem(word) : nil
                    e = (word, stem, surface.unicodeScalars.first?.properties.isUppercase ?? false)
                    cache.entries[surface] = e
                }
                words.append(e.word)
                if let stem = e.stem {
                    content.append(stem)
                    if e.capital, !names.contains(stem) { names.append(stem) }
                }
                continue
            }
            let word = surface.lowercased()
            words.append(word)
            if !functionWords.contains(word) && word.count > 1 {
                let stem = Stemmer.stem(word)
                content.append(stem)
                if let f = surface.unicodeScalars.first, f.properties.isUppercase, !names.contains(stem) { names.append(stem) }
            }
        }
        if han > 0 {
            // Numbers in numerals of the language's own (九百三十, 第三, 二〇二四: `numerals`, the
            // translation's), read as the consistency rules read them; digits are anchors
            // already, and words of numbers (首/双/半) are too often other words.
            let mentions = NumberScanner.numbers(in: unit.text, numerals: numerals) { r.contains($0) && unit.roles[$0] == .content }
            for mention in mentions where mention.text.unicodeScalars.allSatisfy({ numerals.isNumeral($0.value) }) {
                if let v = mention.values.first, v == v.rounded(), v >= 0, v < 1e15 { extra.append(String(Int(v))) }
            }
        }
        for v in Numbers.english(words) { extra.append(String(v)) }
        var s = AlignSentence(block: block, range: r, letters: letters, han: han, anchors: anchors.sorted(), latinWords: words)
        s.contentWords = content
        s.hanText = hanText
        s.names = names
        s.extraAnchors = extra.sorted()
        return s
    }

    /// Aligns two sentence lists; `ratio` is source letters per Han character.
    public func align(source: [AlignSentence], target: [AlignSentence], ratio: Double) -> [SentenceBead] {
        var ids = SentenceTable.Interners()
        ids.reserve(for: source, target)
        var s = SentenceTable(), t = SentenceTable()
        for x in source { s.append(x, &ids) }
        for x in target { t.append(x, &ids) }
        return align(s, t, ids, ratio: ratio)
    }

    /// The same over sentences already in tables (``SegmentedAligner`` fills them line by line).
    func align(_ source: SentenceTable, _ target: SentenceTable, _ ids: SentenceTable.Interners, ratio: Double) -> [SentenceBead] {
        let n = source.count, m = target.count
        if n == 0 && m == 0 { return [] }
        if n == 0 { return (0..<m).map { SentenceBead(source: [], target: [$0], score: SentenceAligner.score(insertionCost)) } }
        if m == 0 { return (0..<n).map { SentenceBead(source: [$0], target: [], score: SentenceAligner.score(insertionCost)) } }
        let clock = Date()
        // The message is made only when debugging: interpolating the vocabulary's sizes cost
        // more than aligning a block pair of a sentence each.
        func lap(_ what: @autoclosure () -> String) {
            guard SentenceAligner.debug else { return }
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            print("\(what()): \(Date().timeIntervalSince(clock)) s, peak \(usage.ru_maxrss / 1024) MB")
        }
        lap("start")
        let prep = prepare(source, target, ratio: ratio)
        lap("prepared")
        let vocabulary = LexicalEvidence.vocabulary(source: source, target: target, stems: ids.stems.strings, lexicon: lexicon,
                                                    names: extendedAnchors)
        lap("vocabulary: tTokens \(vocabulary.tTokens.count), tDictionary \(vocabulary.tDictionary.count), english \(vocabulary.englishLexicon.count), chinese \(vocabulary.chineseLexicon.count)")
        var evidence: LexicalEvidence? = lexicon == nil ? nil
            : LexicalEvidence(vocabulary: vocabulary, lexicon: lexicon, links: nil, rates: nil,
                              weight: lexicalWeight, floor: evidenceFloor)
        lap("vocabulary and evidence")
        // Pass 1: length and anchors in a band around the length diagonal, wide enough for the
        // drift of real texts (a narrow band makes the path buy its way back with insertions).
        var sourceCum = [0.0], targetCum = [0.0]
        sourceCum.reserveCapacity(n + 1)
        targetCum.reserveCapacity(m + 1)
        for k in 0..<n { sourceCum.append(sourceCum.last! + Double(source.letters[k]) + 1) }
        for k in 0..<m { targetCum.append(targetCum.last! + ratio * Double(target.han[k]) + Double(target.letters[k]) + 1) }
        let moves1 = SentenceAligner.moves.map { mv in mv.0 == 0 || mv.1 == 0 ? (mv.0, mv.1, insertionCost) : mv }
        let width = min(guideWidth, max(12, max(n, m) / 20))
        // Only a guide for the band of the next pass, which corrects it within its radius: the
        // commonest shapes are enough, and the wide band costs a third less.
        let guide = Array(moves1.prefix(6))
        var current = fit(prep, band: Band(lengths: sourceCum, targetCum, width: width), moves: guide, evidence: nil, pass: 1)
        sourceCum = []
        targetCum = []
        // Then the lexicon's evidence, near that path. A pair of blocks too short for pass 3
        // takes its wider beads here: a translation that joins four or five sentences of a
        // paragraph into one with commas and `；` is as common in a paragraph as in a book, and
        // without them the sentence left over looks dropped. Without pass 3's learned evidence
        // to back them, each costs ``shortWideExtra`` more than there (a sentence the
        // translation did drop, whose words find nothing, stays alone).
        let learning = lexical && n >= 20 && m >= 20
        if let evidence {
            let moves = !learning && wideShapes && max(n, m) >= 4
                ? moves1 + SentenceAligner.wideMoves.map { ($0.0, $0.1, $0.2 + SentenceAligner.shortWideExtra) } : moves1
            current = fit(prep, band: Band(path: current, n, m, radius: 12), moves: moves, evidence: evidence, pass: 2)
        }
        guard learning else { return current }
        for _ in 0..<passes {
            // What the alignment so far is sure of: its confident 1-1 beads.
            let sure = current.filter { $0.source.count == 1 && $0.target.count == 1 && $0.score >= 0.5 }.map { ($0.source[0], $0.target[0]) }
            var ev = evidence
            if learnedTranslations && sure.count >= 10 {
                ev = nil
                evidence = nil
                lap("before learning")
                let links = LexicalEvidence.learnLinks(vocabulary, beads: sure)
                lap("IBM-1")
                let linked = LexicalEvidence(vocabulary: vocabulary, lexicon: lexicon, links: links, rates: nil,
                                             weight: lexicalWeight, floor: evidenceFloor)
                linked.setRates(linked.matchRates(beads: sure))
                ev = linked
            }
            lap("evidence 2")
            var tuned = self
            let moves2 = moves1 + (wideShapes ? SentenceAligner.wideMoves : [])
            tuned.priors = SentenceAligner.priors(from: current, moves: moves2)
            current = tuned.fit(prep, band: Band(path: current, n, m, radius: 6), moves: moves2, evidence: ev, pass: 3)
        }
        return current
    }

    static func score(_ cost: Double) -> Double {
        let s = 1 / (1 + exp((cost - 4) / 1.5))
        return (s * 1000).rounded() / 1000
    }

    /// Runs the programme, widening the band around the rows where the path touches its edge
    /// until it touches nowhere (or covers everything).
    func fit(_ prep: Prepared, band start: Band, moves: [(Int, Int, Double)], evidence: LexicalEvidence?, pass: Int) -> [SentenceBead] {
        var band = start
        var by = 16
        while true {
            let t0 = Date()
            let (beads, touched) = run(prep, band: band, moves: moves, evidence: evidence)
            if SentenceAligner.debug {
                var usage = rusage()
                getrusage(RUSAGE_SELF.rawValue, &usage)
                print("pass \(pass): \(band.cells) cells, \(touched.count) rows touched, \(Date().timeIntervalSince(t0)) s, peak \(usage.ru_maxrss / 1024) MB")
            }
            if let beads, touched.isEmpty || band.isFull { return beads }
            if beads == nil {
                band.widenEverywhere(by: by)
            } else {
                band.widen(around: touched, by: by)
            }
            by *= 2
        }
    }

    /// Bead-shape costs from how often each shape occurs in an alignment: −log of its share,
    /// relative to 1-1 (add-one smoothing), never below 0.5, and never below the fixed cost for
    /// insertions, deletions and 2-2 (a first pass that merged too much must not teach the
    /// second to merge more). Shapes the alignment could not produce keep their fixed cost.
    static func priors(from beads: [SentenceBead], moves: [(Int, Int, Double)]) -> [Double] {
        var counts = [Double](repeating: 1, count: moves.count)
        for b in beads {
            if let k = moves.firstIndex(where: { $0.0 == b.source.count && $0.1 == b.target.count }) { counts[k] += 1 }
        }
        let total = counts.reduce(0, +)
        let oneOne = -log(counts[0] / total)
        let learnable = Set(SentenceAligner.moves.map { $0.0 * 8 + $0.1 })
        return moves.enumerated().map { k, mv in
            if k == 0 { return 0 }
            guard learnable.contains(mv.0 * 8 + mv.1) else { return mv.2 }
            let learned = max(0.5, -log(counts[k] / total) - oneOne)
            let floored = mv.0 == 0 || mv.1 == 0 || (mv.0 == 2 && mv.1 == 2)
            return floored ? max(mv.2, learned) : learned
        }
    }

    /// The cells the dynamic programme visits: for each source position i (0…n), target
    /// positions lo[i]…hi[i], both non-decreasing in i.
    struct Band {
        var lo: [Int]
        var hi: [Int]
        var m: Int

        var cells: Int { zip(lo, hi).reduce(0) { $0 + $1.1 - $1.0 + 1 } }
        var isFull: Bool { lo.allSatisfy { $0 == 0 } && hi.allSatisfy { $0 == m } }

        /// Around the line where both sides have covered the same share of their length
        /// (`source` and `target` are cumulative lengths, from 0).
        init(lengths source: [Double], _ target: [Double], width w: Int) {
            let n = source.count - 1, m = target.count - 1
            self.m = m
            let sTotal = max(1, source[n]), tTotal = max(1, target[m])
            var centers = [Int](repeating: 0, count: n + 1)
            var j = 0
            for i in 0...n {
                let want = source[i] / sTotal * tTotal
                while j < m && target[j + 1] <= want { j += 1 }
                centers[i] = j
            }
            lo = centers.map { max(0, $0 - w) }
            hi = centers.map { min(m, $0 + w) }
            normalize()
        }

        /// Around a path of beads, `radius` on each side.
        init(path beads: [SentenceBead], _ n: Int, _ m: Int, radius r: Int) {
            self.m = m
            var at = [Int](repeating: 0, count: n + 1)  // target position where the path crosses row i
            var i = 0, j = 0
            for b in beads {
                j += b.target.count
                for _ in 0..<b.source.count { i += 1; at[i] = j }
                if b.source.isEmpty { at[i] = j }
            }
            lo = (0...n).map { max(0, ($0 > 0 ? at[$0 - 1] : 0) - r) }
            hi = (0...n).map { min(m, at[$0] + r) }
            normalize()
        }

        /// Corners in, no gaps the moves cannot cross, both edges non-decreasing.
        mutating func normalize() {
            let n = lo.count - 1
            lo[0] = 0
            hi[n] = m
            for k in stride(from: n - 1, through: 0, by: -1) { lo[k] = min(lo[k], lo[k + 1]) }
            if n >= 1 { for k in 1...n { hi[k] = max(hi[k], hi[k - 1]) } }
            // Each row must overlap the next so a path can go down.
            for k in 0..<n where lo[k + 1] > hi[k] { hi[k] = lo[k + 1] }
        }

        /// Wider by `by` on both sides over the rows within `2·by` of a touched row.
        mutating func widen(around rows: [Int], by: Int) {
            let n = lo.count - 1
            var marks = [Int](repeating: 0, count: n + 2)
            for r in rows { marks[max(0, r - 2 * by)] += 1; marks[min(n + 1, r + 2 * by + 1)] -= 1 }
            var open = 0
            for k in 0...n {
                open += marks[k]
                if open > 0 { lo[k] = max(0, lo[k] - by); hi[k] = min(m, hi[k] + by) }
            }
            normalize()
        }

        mutating func widenEverywhere(by: Int) {
            lo = lo.map { max(0, $0 - by) }
            let m = self.m
            hi = hi.map { min(m, $0 + by) }
            normalize()
        }
    }

    /// Per-sentence numbers the cost function reads, as flat arrays (no reference counting or
    /// hashing in the inner loop): prefix sums of lengths, anchors and Latin words as ids.
    struct Prepared {
        var n: Int
        var m: Int
        var sourceLength: [Double]  // prefix sums
        var targetLength: [Double]
        /// Anchors as ids, sentence by sentence: `anchorStart[k]..<anchorStart[k+1]` in `anchors`.
        var sourceAnchorStart: [Int]
        var sourceAnchors: [Int32]
        var targetAnchorStart: [Int]
        var targetAnchors: [Int32]
        /// Latin words as ids, the same way.
        var sourceWordStart: [Int]
        var sourceWords: [Int32]
        var targetWordStart: [Int]
        var targetWords: [Int32]
    }

    func prepare(_ source: SentenceTable, _ target: SentenceTable, ratio: Double) -> Prepared {
        var sl = [0.0], tl = [0.0]
        for k in 0..<source.count { sl.append(sl.last! + Double(source.letters[k])) }
        for k in 0..<target.count { tl.append(tl.last! + ratio * Double(target.han[k]) + Double(target.letters[k])) }
        func anchors(_ t: SentenceTable) -> ([Int], [Int32]) {
            guard extendedAnchors else { return (t.anchorStart.map { Int($0) }, t.anchors) }
            var start = [0], flat: [Int32] = []
            for k in 0..<t.count {
                flat += t.anchors[t.range(t.anchorStart, k)]
                flat += t.extra[t.range(t.extraStart, k)]
                start.append(flat.count)
            }
            return (start, flat)
        }
        let (sas, sa) = anchors(source), (tas, ta) = anchors(target)
        return Prepared(n: source.count, m: target.count, sourceLength: sl, targetLength: tl,
                        sourceAnchorStart: sas, sourceAnchors: sa, targetAnchorStart: tas, targetAnchors: ta,
                        sourceWordStart: source.latinStart.map { Int($0) }, sourceWords: source.latin,
                        targetWordStart: target.latinStart.map { Int($0) }, targetWords: target.latin)
    }

    /// One run of the programme in `band`: the beads of the best path (nil when the corner is
    /// out of reach) and the rows where the path runs along an edge of the band.
    private func run(_ p: Prepared, band: Band, moves: [(Int, Int, Double)],
                     evidence: LexicalEvidence?) -> ([SentenceBead]?, [Int]) {
        let n = p.n, m = p.m
        let lo = band.lo, hi = band.hi
        let maxA = moves.reduce(0) { max($0, $1.0) }
        let R = maxA + 1
        let shape = priors ?? moves.map(\.2)
        var rowStart = [Int](repeating: 0, count: n + 2)
        for i in 0...n { rowStart[i + 1] = rowStart[i] + hi[i] - lo[i] + 1 }
        // One byte of back-pointer per cell, in raw memory (no copy of the biggest table).
        let back = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, rowStart[n + 1]))
        back.initialize(repeating: 255)
        defer { back.deallocate() }
        // The last R rows of costs, each `W` wide, in one flat buffer.
        var W = 1
        for i in 0...n { W = max(W, hi[i] - lo[i] + 1) }
        let ring = UnsafeMutableBufferPointer<Double>.allocate(capacity: R * W)
        ring.initialize(repeating: .infinity)
        defer { ring.deallocate() }
        var maskWidth = 1
        if evidence != nil {
            for s in 0..<n { maskWidth = max(maskWidth, min(m, hi[min(n, s + maxA)]) - lo[max(0, s - maxA + 1)]) }
        }
        let masks = LexicalEvidence.MaskRing(slots: maxA, width: maskWidth)
        var stamps = evidence.map { LexicalEvidence.Stamps($0) }
        var serial: Int32 = 0
        let K = moves.count
        // The inner loops read raw copies: no bounds checks, no reference counting.
        func raw<T>(_ a: [T]) -> UnsafeMutableBufferPointer<T> {
            let b = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, a.count))
            _ = b.initialize(from: a)
            return b
        }
        // Per row and per column the prepared arrays are read as they are; the small arrays
        // the innermost loops search, as raw copies.
        let sl = p.sourceLength, tl = p.targetLength
        let sas = p.sourceAnchorStart, tas = p.targetAnchorStart, sws = p.sourceWordStart, tws = p.targetWordStart
        let sa = raw(p.sourceAnchors), ta = raw(p.targetAnchors), sw = raw(p.sourceWords), tw = raw(p.targetWords)
        defer { for b in [sa, ta, sw, tw] { b.deallocate() } }
        let saBase = UnsafePointer(sa.baseAddress!), taBase = UnsafePointer(ta.baseAddress!)
        let swBase = UnsafePointer(sw.baseAddress!), twBase = UnsafePointer(tw.baseAddress!)
        let ringP = ring, backP = back
        let lengthTable = raw(LengthCost.table)
        defer { lengthTable.deallocate() }
        let lengthVariance = self.lengthVariance
        let table = UnsafeBufferPointer(lengthTable)
        // What a bead's target side brings, per move height b and column j (target sentences
        // j − b ..< j), made once for the run: fewer arrays for the inner loop to keep at hand.
        let maxB = moves.reduce(1) { max($0, $1.1) }
        let columns = UnsafeMutablePointer<Column>.allocate(capacity: maxB * (m + 1))
        defer { columns.deallocate() }
        for b in 1...maxB {
            let col = columns + (b - 1) * (m + 1)
            for j in 0...m {
                guard j >= b else { col[j] = Column(lt: 0, t0: 0, tCount: 0, w0: 0, w1: 0); continue }
                col[j] = Column(lt: tl[j] - tl[j - b], t0: Int32(tas[j - b]), tCount: Int32(tas[j] - tas[j - b]),
                                w0: Int32(tws[j - b]), w1: Int32(tws[j]))
            }
        }
        // The anchors' term for small counts, computed as ``cost(_:_:_:_:_:_:)`` computes it.
        let anchorTerms = raw((0..<256).map { SentenceAligner.anchorTerm(unmatched: $0 >> 4, common: $0 & 15) })
        defer { anchorTerms.deallocate() }
        // A cell's best move is the first of the cheapest in the order of `moves` (the moves
        // from the row itself, a = 0, go last, as they read this row's finished cells, and
        // win ties by that order).
        let fromAbove = (0..<K).filter { moves[$0].0 > 0 }
        // The lexical evidence of a bead is a sum over its sentences of parts that depend on
        // one sentence and the other side's range: each part is computed once, when its
        // sentence's masks are made (English, for every target range of 1…maxB ending at each
        // column in the sentence's reach) or once a row (Chinese, for 1…maxA source sentences
        // ending at the row), and the beads add them up in the order ``LexicalEvidence/score``
        // does.
        let eWidth = maskWidth + 1
        let eSlots = masks.slots
        let englishParts = UnsafeMutablePointer<Double>.allocate(capacity: evidence == nil ? 1 : eSlots * maxB * eWidth)
        let englishFrom = UnsafeMutablePointer<Int>.allocate(capacity: eSlots)
        englishFrom.initialize(repeating: 0, count: eSlots)
        let cWidth = W + maxB
        let chineseParts = UnsafeMutablePointer<Double>.allocate(capacity: evidence == nil ? 1 : max(1, maxA) * cWidth)
        defer {
            englishParts.deallocate()
            englishFrom.deallocate()
            chineseParts.deallocate()
        }
        let weight = evidence?.weight ?? 0
        let alongRow = (0..<K).filter { moves[$0].0 == 0 && moves[$0].1 > 0 }
        for i in 0...n {
            if i >= 1, let ev = evidence {
                let s = i - 1
                let from = lo[max(0, s - maxA + 1)], to = min(m, hi[min(n, s + maxA)])
                serial += 1
                ev.fill(masks, source: s, targets: from..<max(from, to), stamps: &stamps!, serial: serial)
                // English parts of sentence s: for target ranges [j − b, j), j in from…to.
                let slot = s % eSlots
                let start = masks.start[slot], count = masks.count[slot]
                let english = masks.english + slot * masks.width
                englishFrom[slot] = from
                let parts = englishParts + slot * maxB * eWidth
                if to >= from {
                    for j in from...to {
                        var mask: UInt64 = 0
                        for b in 1...maxB {
                            let off = j - b - start
                            if off >= 0 && off < count { mask |= english[off] }
                            parts[(b - 1) * eWidth + j - from] = ev.englishPart(mask, source: s, k: b)
                        }
                    }
                }
            }
            let li = lo[i], hiI = hi[i]
            let cFrom = max(0, li - maxB)
            if i >= 1, let ev = evidence {
                // Chinese parts of each target t < hi[i] against the a sentences above row i.
                for t in cFrom..<hiI {
                    var mask: UInt64 = 0
                    for a in 1...min(maxA, i) {
                        let slot = (i - a) % eSlots
                        let off = t - masks.start[slot]
                        if off >= 0 && off < masks.count[slot] { mask |= masks.chinese[slot * masks.width + off] }
                        chineseParts[(a - 1) * cWidth + t - cFrom] = ev.chinesePart(mask, target: t, a: a)
                    }
                }
            }
            let here = (i % R) * W
            let cur = ringP.baseAddress! + here - li      // cur[j], j in li...hiI
            let backRow = backP.baseAddress! + rowStart[i] - li
            for x in here..<(here + W) { ringP[x] = .infinity }
            if i == 0 { cur[0] = 0 }
            for k in fromAbove {
                let a = moves[k].0, b = moves[k].1
                let pi = i - a
                guard pi >= 0 else { continue }
                let prevRow = ringP.baseAddress! + (pi % R) * W - lo[pi] - b   // prevRow[j] = cost at (pi, j - b)
                let j0 = max(li, lo[pi] + b), j1 = min(hiI, hi[pi] + b)
                guard j0 <= j1 else { continue }
                let sh = shape[k]
                let kk = UInt8(k)
                if b == 0 {
                    for j in j0...j1 {
                        let prev = prevRow[j]
                        guard prev < .infinity else { continue }
                        let c = prev + sh + 0.0
                        if c < cur[j] { cur[j] = c; backRow[j] = kk }
                    }
                    continue
                }
                let ls = sl[i] - sl[pi]
                let s0 = sas[pi], s1 = sas[i], sCount = s1 &- s0
                let v0 = sws[pi], v1 = sws[i]
                let col = columns + (b - 1) * (m + 1)
                let hasEvidence = evidence != nil
                for j in j0...j1 {
                    let prev = prevRow[j]
                    guard prev < .infinity else { continue }
                    let cj = col[j]
                    // As ``cost(_:_:_:_:_:_:)``, term by term, with what depends on the row alone hoisted.
                    var c = 0.0
                    c += SentenceAligner.lengthTerm(ls, cj.lt, variance: lengthVariance, table)
                    if hasEvidence {
                        // As ``LexicalEvidence/score(_:_:ring:)``: the source sentences' parts,
                        // then the target sentences'.
                        var total = 0.0
                        for s in pi..<i {
                            let slot = s % eSlots
                            total += englishParts[slot * maxB * eWidth + (b - 1) * eWidth + j - englishFrom[slot]]
                        }
                        let cRow = chineseParts + (a - 1) * cWidth - cFrom
                        for t in (j - b)..<j { total += cRow[t] }
                        c -= weight * total / 2
                    }
                    let tCount = Int(cj.tCount)
                    if sCount &+ tCount > 0 {
                        let t0 = Int(cj.t0)
                        let common = sCount > 0 && tCount > 0
                            ? SentenceAligner.commonAnchors(UnsafeBufferPointer(start: saBase + s0, count: sCount),
                                                            UnsafeBufferPointer(start: taBase + t0, count: tCount)) : 0
                        let unmatched = sCount &+ tCount &- 2 &* common
                        // Small counts from the table of the same term.
                        c += unmatched < 16 && common < 16 ? anchorTerms[unmatched << 4 | common]
                            : SentenceAligner.anchorTerm(unmatched: unmatched, common: common)
                    }
                    if cj.w1 > cj.w0 {
                        c += SentenceAligner.wordTerm(UnsafeBufferPointer(start: twBase + Int(cj.w0), count: Int(cj.w1 - cj.w0)),
                                                      UnsafeBufferPointer(start: swBase + v0, count: v1 - v0))
                    }
                    let total = prev + sh + c
                    if total < cur[j] { cur[j] = total; backRow[j] = kk }
                }
            }
            if !alongRow.isEmpty {
                for j in li...hiI {
                    for k in alongRow {
                        let b = moves[k].1
                        let pj = j - b
                        guard pj >= li else { continue }
                        let prev = cur[pj]
                        guard prev < .infinity else { continue }
                        let c = prev + shape[k] + 0.0
                        if c < cur[j] || (c == cur[j] && UInt8(k) < backRow[j]) { cur[j] = c; backRow[j] = UInt8(k) }
                    }
                }
            }
        }
        if SentenceAligner.debug { print("path cost \(ring[(n % R) * W + m - lo[n]])") }
        var beads: [SentenceBead] = []
        var touched: [Int] = []
        var i = n, j = m
        // Beads are scored again on the way back: the mask rows are gone, so the lexical part
        // is recomputed for just these beads.
        var path: [(Int, Int, Int)] = []
        while i > 0 || j > 0 {
            let k = back[rowStart[i] + j - lo[i]]
            guard k != 255 else { return (nil, []) }
            if (j == lo[i] && lo[i] > 0) || (j == hi[i] && hi[i] < m) { touched.append(i) }
            path.append((i, j, Int(k)))
            i -= moves[Int(k)].0
            j -= moves[Int(k)].1
        }
        let rowMask = LexicalEvidence.MaskRing(slots: maxA, width: moves.reduce(1) { max($0, $1.1) })
        for (i, j, k) in path.reversed() {
            let (a, b) = (moves[k].0, moves[k].1)
            if let ev = evidence, a > 0, b > 0 {
                for s in (i - a)..<i {
                    serial += 1
                    ev.fill(rowMask, source: s, targets: (j - b)..<j, stamps: &stamps!, serial: serial)
                }
            }
            let c = LengthCost.table.withUnsafeBufferPointer { shape[k] + cost(p, (i - a)..<i, (j - b)..<j, evidence, rowMask, $0) }
            beads.append(SentenceBead(source: Array((i - a)..<i), target: Array((j - b)..<j), score: SentenceAligner.score(c)))
        }
        return (beads, touched)
    }

    /// A bead's target side for the programme's inner loop: its length, its anchors and its
    /// Latin words (ranges into the prepared arrays).
    struct Column {
        var lt: Double
        var t0: Int32
        var tCount: Int32
        var w0: Int32
        var w1: Int32
    }

    @inline(__always)
    func cost(_ p: Prepared, _ si: Range<Int>, _ ti: Range<Int>, _ evidence: LexicalEvidence?,
              _ masks: LexicalEvidence.MaskRing, _ lengthTable: UnsafeBufferPointer<Double>) -> Double {
        if si.isEmpty || ti.isEmpty { return 0 }
        let ls = p.sourceLength[si.upperBound] - p.sourceLength[si.lowerBound]
        let lt = p.targetLength[ti.upperBound] - p.targetLength[ti.lowerBound]
        var c = 0.0
        c += SentenceAligner.lengthTerm(ls, lt, variance: lengthVariance, lengthTable)
        if let ev = evidence { c -= ev.score(si, ti, ring: masks) }
        let s0 = p.sourceAnchorStart[si.lowerBound], s1 = p.sourceAnchorStart[si.upperBound]
        let t0 = p.targetAnchorStart[ti.lowerBound], t1 = p.targetAnchorStart[ti.upperBound]
        if (s1 - s0) + (t1 - t0) > 0 {
            let common = p.sourceAnchors.withUnsafeBufferPointer { sa in
                p.targetAnchors.withUnsafeBufferPointer { ta in
                    SentenceAligner.commonAnchors(UnsafeBufferPointer(rebasing: sa[s0..<s1]), UnsafeBufferPointer(rebasing: ta[t0..<t1]))
                }
            }
            c += SentenceAligner.anchorTerm(unmatched: (s1 - s0) + (t1 - t0) - 2 * common, common: common)
        }
        let w0 = p.targetWordStart[ti.lowerBound], w1 = p.targetWordStart[ti.upperBound]
        if w1 > w0 {
            let v0 = p.sourceWordStart[si.lowerBound], v1 = p.sourceWordStart[si.upperBound]
            c += p.targetWords.withUnsafeBufferPointer { tw in
                p.sourceWords.withUnsafeBufferPointer { sw in
                    SentenceAligner.wordTerm(UnsafeBufferPointer(rebasing: tw[w0..<w1]), UnsafeBufferPointer(rebasing: sw[v0..<v1]))
                }
            }
        }
        return c
    }

    // The terms of a bead's cost, shared by ``cost(_:_:_:_:_:_:)`` and the programme's inner loop.

    /// Gale and Church's length term for `ls` source and `lt` target letters (0 when both are 0).
    @inline(__always)
    static func lengthTerm(_ ls: Double, _ lt: Double, variance: Double, _ table: UnsafeBufferPointer<Double>) -> Double {
        guard ls > 0 || lt > 0 else { return 0 }
        let mean = max(1, (ls + lt) / 2)
        return LengthCost.cost(abs(lt - ls) / (mean * variance).squareRoot(), table)
    }

    /// How many source anchors find an equal target anchor, each target anchor (of the first 64)
    /// taken at most once.
    @inline(__always)
    static func commonAnchors(_ source: UnsafeBufferPointer<Int32>, _ target: UnsafeBufferPointer<Int32>) -> Int {
        guard !source.isEmpty && !target.isEmpty else { return 0 }
        var common = 0
        var used: UInt64 = 0
        let lim = min(target.count, 64)
        for want in source {
            var y = 0
            while y < lim {
                if used & (1 << UInt64(y)) == 0 && target[y] == want {
                    used |= 1 << UInt64(y)
                    common &+= 1
                    break
                }
                y &+= 1
            }
        }
        return common
    }

    /// Anchors found on both sides lower the cost, anchors on one side only raise it.
    @inline(__always)
    static func anchorTerm(unmatched: Int, common: Int) -> Double {
        min(4, 0.8 * Double(unmatched)) - min(4, 1.5 * Double(common))
    }

    /// Latin words of the target side kept from the source lower the cost, others raise it.
    @inline(__always)
    static func wordTerm(_ target: UnsafeBufferPointer<Int32>, _ source: UnsafeBufferPointer<Int32>) -> Double {
        var kept = 0, foreign = 0
        for w in target {
            var found = false
            for x in source where x == w { found = true; break }
            if found { kept += 1 } else { foreign += 1 }
        }
        return min(3, 0.6 * Double(foreign)) - min(3, 0.5 * Double(kept))
    }
}

/// −log of the two-sided normal tail, 2·(1 − Φ(δ)): Gale and Church's length cost, from a
/// table (the dynamic programmes call it millions of times).
enum LengthCost {
    static let step = 0.01
    static let table: [Double] = (0...3000).map { k in -log(max(1e-300, erfc(Double(k) * step / 2.0.squareRoot()))) }

    /// The same reading `table` through a pointer the caller took once: the programme's inner
    /// loop then neither checks that the table is made (`swift_once`) nor bounds.
    @inline(__always) static func cost(_ delta: Double, _ table: UnsafeBufferPointer<Double>) -> Double {
        let x = delta / step
        if x >= 3000 { return table[3000] + (delta - 30) * 30 }
        let k = Int(x)
        let f = x - Double(k)
        return table[k] + (table[k + 1] - table[k]) * f
    }

    @inline(__always) static func cost(_ delta: Double) -> Double {
        let x = delta / step
        if x >= 3000 { return table[3000] + (delta - 30) * 30 }
        let k = Int(x)
        let f = x - Double(k)
        return table[k] + (table[k + 1] - table[k]) * f
    }
}
