import BitextAlign
import BitextGlossary
import BitextMarkdown
import BitextText

/// Mines aligned text for how English terms are rendered in Chinese: which Han strings keep
/// appearing in the translations of the units (or sentences) that use an English n-gram.
///
/// Association is Dice's coefficient over aligned pairs: 2·c(s,t) / (n(s) + n(t)), where
/// n counts the pairs holding a string and c the pairs holding both. Used by
/// `glossary suggest` (candidate entries) and `glossary-inconsistent` (one term, several
/// renderings across a project).
public final class TermMiner {
    /// Where an aligned pair is, for reports.
    public struct Place: Hashable, Sendable {
        public var file: String
        public var line: Int
        public var unit: Int
    }

    // The aligned pairs, compactly: every string (stemmed source n-gram, Han n-gram, `=stem`)
    // once in `strings`, each pair's source and target strings as sorted ids (``IdLists``). A
    // tree of thousands of pairs then takes a few bytes per n-gram.
    private var strings: [String] = []
    private var ids: [TextKey: Int32] = [:]  // by bytes: most strings are Han
    /// For source n-grams, the first surface form seen (in pair order); "" for other strings.
    private var surfaces: [String] = []
    /// Whether each string is a fragment (``isFragment(_:_:)``): 0 not yet asked, 1 no, 2 yes.
    private var fragment: [UInt8] = []
    private var sources = IdLists(), targets = IdLists()
    /// Each pair's source words that the lexicon knows, as its stem ids (function words left
    /// out): what can explain a part of a rendering (``sourceWords(ofPair:_:)``).
    private var sourceWords = IdLists()
    /// The lexicon the source words are looked up in; nil: none is kept.
    public let lexicon: Lexicon?
    private var files: [String] = []
    private var places: [PlaceTable.Row] = []

    /// Number of aligned pairs taken in.
    public var count: Int { places.count }

    /// By stem, how often a word is kept in English in Chinese text, and how often of those it
    /// is written as a name (an initial capital, capitals or digits inside: Chinese has no
    /// sentence capitals, so a capital there marks a name).
    private var keptWriting: [String: (all: Int, named: Int)] = [:]

    /// Whether the translation writes a word it keeps in English (by stem) as a name: four
    /// times in five or more (`Table` for antd's component while the table it shows is 表格).
    public func keptAsName(stem: String) -> Bool {
        guard let w = keptWriting[stem], w.all > 0 else { return false }
        return w.named * 5 >= w.all * 4
    }
    let functionWords: Set<String>
    /// Common words that are not terms: a single-word n-gram made of one is left out.
    public var generalWords: Set<String> = []
    public var maxSourceWords = 3

    /// The target locale's function characters (的, 了…): a rendering does not begin or end with one.
    let grammatical: FunctionCharacters

    public init(functionWords: Set<String>, generalWords: Set<String> = [], grammatical: FunctionCharacters, lexicon: Lexicon? = nil) {
        self.functionWords = functionWords
        self.grammatical = grammatical
        self.generalWords = generalWords
        self.lexicon = lexicon
    }

    private func intern(_ s: String) -> Int32 { intern(TextKey(s)) }

    private func intern(_ key: TextKey) -> Int32 {
        // One hash: the default is stored only when the string is new.
        let id = Int32(strings.count)
        let got = TermMiner.value(&ids[key, default: id])
        if got != id { return got }
        strings.append(key.text)
        surfaces.append("")
        fragment.append(0)
        return id
    }

    /// ``isFragment(_:_:)`` of string `id`, decided once per string.
    private func isFragment(id: Int32) -> Bool {
        let k = Int(id)
        if fragment[k] == 0 { fragment[k] = TermMiner.isFragment(strings[k], grammatical) ? 2 : 1 }
        return fragment[k] == 2
    }


    private static func value(_ v: inout Int32) -> Int32 { v }

    /// Stems of ASCII words met so far (a document repeats its words; for ASCII, a key equal
    /// to the word is the same bytes).
    private var stemmed: [String: String] = [:]

    /// A stretch kept in English as a longer name: two words or more in bold or italics, in
    /// quotation marks, in link text or after a UI verb (`**File > Preferences**`).
    static func isKeptName(_ s: SourceStretch) -> Bool {
        s.tokens.count > 1 && s.isNameAsShown
    }

    private func stem(_ w: String) -> String {
        guard w.isAllASCII else { return Stemmer.stem(w) }
        if let s = stemmed[w] { return s }
        let s = Stemmer.stem(w)
        stemmed[w] = s
        return s
    }

    private func fileIndex(_ path: String) -> Int32 {
        if files.last != path { files.append(path) }
        return Int32(files.count - 1)
    }

    private func append(source: [Int32], target: [Int32], words: [Int32], place: PlaceTable.Row) {
        sources.append(source)
        targets.append(target)
        sourceWords.append(words)
        places.append(place)
    }

    /// The lexicon stems of pair `k`'s source words, in increasing order.
    public func sourceWords(ofPair k: Int32, _ body: (Int32) -> Void) { sourceWords.forEach(Int(k), body) }

    /// The Han strings of pair `k`'s translation (n-grams of one to three pieces).
    public func targetStrings(ofPair k: Int32, _ body: (String) -> Void) {
        targets.forEach(Int(k)) { t in
            let s = strings[Int(t)]
            if !s.hasPrefix("=") { body(s) }
        }
    }

    /// The table one file's pairs go into when files are mined on `workers` threads: this one
    /// itself on one thread (a merge would intern every string again), a new one on several, to
    /// ``merge(_:)`` in file order.
    public func table(workers: Int) -> TermMiner {
        guard workers > 1 else { return self }
        let t = TermMiner(functionWords: functionWords, generalWords: generalWords, grammatical: grammatical, lexicon: lexicon)
        t.maxSourceWords = maxSourceWords
        return t
    }

    /// Takes in another miner's pairs after its own (miners filled on several threads, merged
    /// in order); nothing when `other` is this miner (``table(workers:)`` on one thread).
    public func merge(_ other: TermMiner) {
        guard other !== self else { return }
        var map = [Int32](repeating: -1, count: other.strings.count)
        func mapped(_ l: Int32) -> Int32 {
            if map[Int(l)] >= 0 { return map[Int(l)] }
            let g = intern(other.strings[Int(l)])
            if surfaces[Int(g)].isEmpty && !other.surfaces[Int(l)].isEmpty { surfaces[Int(g)] = other.surfaces[Int(l)] }
            map[Int(l)] = g
            return g
        }
        var fileMap: [Int32] = []
        for f in other.files { fileMap.append(fileIndex(f)) }
        var source: [Int32] = [], target: [Int32] = [], words: [Int32] = []
        for k in 0..<other.places.count {
            source.removeAll(keepingCapacity: true)
            target.removeAll(keepingCapacity: true)
            words.removeAll(keepingCapacity: true)
            other.sources.forEach(k) { source.append(mapped($0)) }
            other.targets.forEach(k) { target.append(mapped($0)) }
            other.sourceWords.forEach(k) { words.append($0) }  // lexicon ids: the same in both
            source.sort()
            target.sort()
            let p = other.places[k]
            append(source: source, target: target, words: words,
                   place: PlaceTable.Row(file: fileMap[Int(p.file)], line: p.line, unit: p.unit))
        }
        for (k, v) in other.keptWriting {
            let w = keptWriting[k, default: (0, 0)]
            keptWriting[k] = (w.all + v.all, w.named + v.named)
        }
    }

    /// Adds the aligned pairs of a document pair (1-1 and merged beads alike). `glossaryTerms`:
    /// the glossary's terms in each source unit; a shorter n-gram inside one ("code" in
    /// "recovery code") is the glossary term there, and is not mined.
    public func add(source: Document, sourceAnalyses: [TextAnalysis], target: Document, targetAnalyses: [TextAnalysis],
                    alignment: Alignment, glossaryTerms: [[TermHit]]? = nil, hanWords: (BitextMarkdown.Unit) -> [Word]) {
        var fileId: Int32? = nil
        // Each bead's strings, interned as they are met (the first surface form of a source
        // n-gram is that of its first occurrence), then sorted without repeats.
        var sourceIds: [Int32] = [], targetIds: [Int32] = [], wordIds: [Int32] = []
        var stems: [String] = [], gramWords: [String] = []  // the n-gram being read: its stems, its words
        var keptInNames: [String] = []
        // Each word of a unit read once (an n-gram of three reads each word three times): as
        // written, lowercased, its stem; whether it is a function word, whether it has three
        // characters.
        var written: [String] = [], lowered: [String] = [], wordStems: [String] = []
        var function: [Bool] = [], long: [Bool] = []
        var pieces: [Range<Int>] = []
        for bead in alignment.beads where !bead.source.isEmpty && !bead.target.isEmpty {
            let su = bead.source.compactMap { source.unitIndex(block: $0) }
            let tu = bead.target.compactMap { target.unitIndex(block: $0) }
            guard let first = tu.first, tu.contains(where: { targetAnalyses[$0].hasHan }) else { continue }
            sourceIds.removeAll(keepingCapacity: true)
            targetIds.removeAll(keepingCapacity: true)
            wordIds.removeAll(keepingCapacity: true)
            // Words the translation keeps inside a longer name (`**Tools > Open file location**`,
            // a quoted title, link text, a label after a UI verb): this pair says nothing about
            // how they are translated, so no n-gram with one of them is mined here.
            keptInNames.removeAll(keepingCapacity: true)
            for t in tu {
                for st in targetAnalyses[t].stretches where !st.isProse && TermMiner.isKeptName(st) {
                    for tok in st.tokens where tok.kind != .function { keptInNames.append(stem(tok.text)) }
                }
            }
            for s in su {
                let u = source.units[s]
                let words = sourceAnalyses[s].words.filter { $0.kind == .latin }
                let terms = glossaryTerms?[s] ?? []
                written.removeAll(keepingCapacity: true)
                lowered.removeAll(keepingCapacity: true)
                wordStems.removeAll(keepingCapacity: true)
                function.removeAll(keepingCapacity: true)
                long.removeAll(keepingCapacity: true)
                for word in words {
                    let w = u.string(word.range), lw = w.lowercased()
                    written.append(w)
                    lowered.append(lw)
                    wordStems.append(stem(w))
                    function.append(functionWords.contains(lw))
                    long.append(lw.hasAtLeast(3))
                    if let lexicon, !function[function.count - 1], let id = lexicon.stem(wordStems[wordStems.count - 1]) {
                        wordIds.append(id)
                    }
                }
                for i in words.indices {
                    stems.removeAll(keepingCapacity: true)
                    gramWords.removeAll(keepingCapacity: true)
                    var startsWithFunctionWord = false
                    for j in i..<min(words.count, i + maxSourceWords) {
                        if j > i && !GlossaryIndex.joinable(u.text, words[j - 1].range.upperBound, words[j].range.lowerBound) { break }
                        stems.append(wordStems[j])
                        gramWords.append(written[j])
                        let lw = lowered[j]
                        if j == i { startsWithFunctionWord = function[j] }
                        if startsWithFunctionWord || function[j] || !long[j] { continue }
                        if !keptInNames.isEmpty && stems.contains(where: keptInNames.contains) { continue }
                        // A lone common word is not a term.
                        if stems.count == 1 && (generalWords.contains(lw) || generalWords.contains(stems[0])) { continue }
                        let span = words[i].range.lowerBound..<words[j].range.upperBound
                        if terms.contains(where: { $0.range.count > span.count && $0.range.contains(span.lowerBound)
                                                   && $0.range.contains(span.upperBound - 1) }) { continue }
                        let id = intern(stems.joined(separator: " "))
                        if surfaces[Int(id)].isEmpty { surfaces[Int(id)] = gramWords.joined(separator: " ") }
                        sourceIds.append(id)
                    }
                }
            }
            for t in tu {
                let u = target.units[t], a = targetAnalyses[t]
                // Han n-grams of 1–3 pieces, at least two characters, a piece running from one
                // place where both ICU's dictionary and the lexicon end a word to the next: ICU's
                // dictionary lacks many technical words (递归 reads 递 | 归, and 归函数 is no
                // string a translator wrote), the lexicon's longest match makes its own mistakes.
                let words = hanWords(u).filter { !a.inNote($0.range.lowerBound) }
                TermMiner.pieces(of: words, in: u.text, lexicon: lexicon, into: &pieces)
                for i in pieces.indices {
                    var end = i
                    while end < pieces.count && end < i + 3 {
                        if end > i && pieces[end].lowerBound != pieces[end - 1].upperBound { break }
                        let r = pieces[i].lowerBound..<pieces[end].upperBound
                        // A fragment is never a rendering and its own count is never asked for: not kept.
                        if r.count >= 2 && r.count <= 8, case let id = intern(TextKey(u.string(r))), !isFragment(id: id) {
                            targetIds.append(id)
                        }
                        end += 1
                    }
                }
                for s in a.stretches where !s.isProse {
                    // A word of a longer name kept as the screen or the title has it (`**File >
                    // Preferences**`, a quoted title, link text, a label after a UI verb) renders
                    // the name, not the word.
                    let partOfName = TermMiner.isKeptName(s)
                    for tok in s.tokens where tok.kind != .function && tok.kind != .code {
                        let w = keptWriting[tok.stem, default: (0, 0)]
                        keptWriting[tok.stem] = (w.all + 1, w.named + (tok.kind == .capitalized || tok.kind == .name ? 1 : 0))
                        if !partOfName { targetIds.append(intern(TextKey("=" + tok.stem))) }  // a kept English word renders itself
                    }
                }
            }
            sourceIds.sortUnique()
            targetIds.sortUnique()
            wordIds.sortUnique()
            if fileId == nil { fileId = fileIndex(target.path) }
            append(source: sourceIds, target: targetIds, words: wordIds,
                   place: PlaceTable.Row(file: fileId!, line: Int32(target.units[first].start.line), unit: Int32(first)))
        }
    }

    /// The pieces of each run of adjacent `words`: from one offset where a word ends and the
    /// lexicon's longest match (if there is a lexicon) ends one too, to the next. Matches are
    /// tried up to eight characters, the longest n-gram kept: a longer dictionary entry (an
    /// idiom, a name) would make a piece no n-gram can hold.
    static func pieces(of words: [Word], in text: [UInt32], lexicon: Lexicon?, into pieces: inout [Range<Int>]) {
        pieces.removeAll(keepingCapacity: true)
        guard let lexicon else {
            pieces.append(contentsOf: words.lazy.map(\.range))
            return
        }
        let longest = min(8, lexicon.maxWordLength)
        text.withUnsafeBufferPointer { t in
            var i = 0
            while i < words.count {
                var j = i + 1
                while j < words.count && words[j].range.lowerBound == words[j - 1].range.upperBound { j += 1 }
                let end = words[j - 1].range.upperBound
                // The longest match's ends and the words' ends are both increasing: walk them
                // together, a piece ending where both do.
                var matchEnd = words[i].range.lowerBound, from = matchEnd
                for w in words[i..<j] {
                    while matchEnd < w.range.upperBound {
                        var l = min(longest, end - matchEnd)
                        while l > 1 && lexicon.word(in: t, matchEnd, matchEnd + l) == nil { l -= 1 }
                        matchEnd += l
                    }
                    if matchEnd == w.range.upperBound {
                        pieces.append(from..<matchEnd)
                        from = matchEnd
                    }
                }
                i = j
            }
        }
    }

    /// The source n-grams that go with each Han string of `texts`: in how many pairs the string
    /// is, and each source n-gram of those pairs (its stem) with in how many of them it is and
    /// in how many pairs of all. One pass over every pair's lists (asked for the few strings a
    /// project check would report).
    public func sourceTallies(ofTargets texts: Set<String>) -> [String: (pairs: Int, sources: [(stem: String, together: Int, count: Int)])] {
        var wanted: [Int32: Int] = [:]
        var known: [String] = []
        for t in texts.sorted() { if let id = ids[TextKey(t)] { wanted[id] = known.count; known.append(t) } }
        guard !known.isEmpty else { return [:] }
        var pairsOf = [[Int32]](repeating: [], count: known.count)
        var sourceCount = [Int32](repeating: 0, count: strings.count)
        for k in 0..<places.count {
            sources.forEach(k) { sourceCount[Int($0)] += 1 }
            targets.forEach(k) { t in if let i = wanted[t] { pairsOf[i].append(Int32(k)) } }
        }
        var out: [String: (pairs: Int, sources: [(stem: String, together: Int, count: Int)])] = [:]
        for (i, pairs) in pairsOf.enumerated() {
            var together: [Int32: Int] = [:]
            for k in pairs { sources.forEach(Int(k)) { together[$0, default: 0] += 1 } }
            out[known[i]] = (pairs.count, together.map { (strings[Int($0.key)], $0.value, Int(sourceCount[Int($0.key)])) })
        }
        return out
    }

    /// A rendering of a source n-gram and how strongly it goes with it.
    public struct Rendering: Sendable {
        public var text: String
        /// Pairs holding both the source term and this rendering.
        public var together: Int
        public var dice: Double
        /// Of the pairs holding the rendering, the share that hold the source term.
        public var precision: Double
        /// The pairs holding both, in order (numbers of the miner's pairs; ``places`` says where).
        public var pairs: [Int32]
        let table: PlaceTable

        /// Where the pairs holding both are, in order.
        public var places: [Place] { pairs.map { table.place(Int($0)) } }

        /// The first `n` of ``places``.
        public func places(first n: Int) -> [Place] { pairs.prefix(n).map { table.place(Int($0)) } }
    }

    /// Where each pair is: a file (by number), the line and unit of its first target unit.
    final class PlaceTable: Sendable {
        struct Row: Sendable { var file: Int32; var line: Int32; var unit: Int32 }
        let files: [String]
        let rows: [Row]
        init(files: [String], rows: [Row]) { self.files = files; self.rows = rows }
        func place(_ k: Int) -> Place {
            let r = rows[k]
            return Place(file: files[Int(r.file)], line: Int(r.line), unit: Int(r.unit))
        }
    }

    /// Han strings that begin or end with a grammatical character (the target locale's
    /// function characters, ``LocaleData/functionCharacters``: 的, 了, 在…) are pieces of
    /// phrases, not renderings.
    static func isFragment(_ t: String, _ grammatical: FunctionCharacters) -> Bool {
        // Where every scalar is a Character of its own, the first and last Characters are the
        // first and last scalars: read without breaking the string into Characters.
        if t.scalarsAreCharacters {
            guard let first = t.unicodeScalars.first, first.value != 0x3D, let last = t.unicodeScalars.last else { return false }
            return grammatical.contains(first) || grammatical.contains(last)
        }
        // (Not `hasPrefix("=")`, which normalises Han, nor `first != "="`, a comparison of
        // strings: a Character equal to "=" is that one scalar, whose `asciiValue` this is.)
        guard let first = t.first, first.asciiValue != 0x3D, let last = t.last else { return false }
        return grammatical.contains(first) || grammatical.contains(last)
    }

    /// A source n-gram, how it reads, how often it occurs, and its renderings, strongest first.
    public struct Candidate: Sendable {
        public var stem: String
        public var surface: String
        public var occurrences: Int
        public var renderings: [Rendering]
    }

    /// Source n-grams in at least `minCount` pairs with their renderings of Dice ≥ `minDice`,
    /// worked out on `threads` threads (the same result on any number). Only the candidates
    /// `keep` accepts are returned; it sees them before their renderings' places are gathered
    /// (`pairs` and `places` empty), so that a project's many candidates do not all hold them;
    /// `refine` then makes what is returned of each, on the worker thread (it may drop a
    /// candidate, keep some renderings, or shorten their lists of pairs).
    public func candidates(minCount: Int = 3, minDice: Double = 0.3, limit: Int = 5, threads: Int = 1,
                           where keep: (Candidate) -> Bool = { _ in true },
                           refine: (Candidate) -> Candidate? = { $0 }) -> [Candidate] {
        let n = strings.count, pairCount = places.count
        var sourceCount = [Int32](repeating: 0, count: n), targetCount = [Int32](repeating: 0, count: n)
        for k in 0..<pairCount {
            sources.forEach(k) { sourceCount[Int($0)] += 1 }
            targets.forEach(k) { targetCount[Int($0)] += 1 }
        }
        // The pairs of each frequent source n-gram, a batch of n-grams at a time (by id) so that
        // these lists stay a few megabytes whatever the size of the project.
        let frequent = (0..<n).filter { sourceCount[$0] >= Int32(minCount) }
        let table = PlaceTable(files: files, rows: places)
        var out: [Candidate] = []
        var start = 0
        let batchEntries = 1 << 19
        while start < frequent.count {
            var end = start, entries = 0
            while end < frequent.count && (end == start || entries + Int(sourceCount[frequent[end]]) <= batchEntries) {
                entries += Int(sourceCount[frequent[end]]); end += 1
            }
            let batch = Array(frequent[start..<end])
            let lo = batch.first!, hi = batch.last!
            var offset = [Int](repeating: 0, count: hi - lo + 2)
            for s in batch { offset[s - lo + 1] = Int(sourceCount[s]) }
            for i in 1..<offset.count { offset[i] += offset[i - 1] }
            var fill = offset
            var lists = [Int32](repeating: 0, count: entries)
            for k in 0..<pairCount {
                sources.forEach(k) { s in
                    let s = Int(s)
                    guard s >= lo && s <= hi && sourceCount[s] >= Int32(minCount) else { return }
                    lists[fill[s - lo]] = Int32(k)
                    fill[s - lo] += 1
                }
            }
            // Each thread takes every `workers`th n-gram of the batch with its own counters (the
            // final sort below is a total order, so the shares' order does not matter).
            let workers = max(1, min(threads, batch.count / 64 + 1))
            let shares: [[Candidate]] = parallelMap(workers, threads: workers) { w in
                var counts = [Int32](repeating: 0, count: n)
                var touched: [Int32] = []
                var found: [Candidate] = []
                var i = w
                while i < batch.count {
                    let s = batch[i]
                    let idx = lists[offset[s - lo]..<offset[s - lo + 1]]
                    if let c = candidate(s, pairs: idx, targetCount: targetCount, minDice: minDice, limit: limit,
                                         counts: &counts, touched: &touched, table: table, keep: keep, refine: refine) {
                        found.append(c)
                    }
                    i += workers
                }
                return found
            }
            for share in shares { out += share }
            start = end
        }
        return out.sorted { a, b in
            let sa = a.renderings.first.map { Double($0.together) * $0.dice } ?? 0
            let sb = b.renderings.first.map { Double($0.together) * $0.dice } ?? 0
            return sa != sb ? sa > sb : a.stem < b.stem
        }
    }

    /// The renderings of source n-gram `s`, held by `pairs`; `counts` is all zero on entry and exit.
    private func candidate(_ s: Int, pairs idx: ArraySlice<Int32>, targetCount: [Int32], minDice: Double, limit: Int,
                           counts: inout [Int32], touched: inout [Int32], table: PlaceTable,
                           keep: (Candidate) -> Bool, refine: (Candidate) -> Candidate?) -> Candidate? {
        touched.removeAll(keepingCapacity: true)
        for k in idx {
            targets.forEach(Int(k)) { t in
                if counts[Int(t)] == 0 { touched.append(t) }
                counts[Int(t)] += 1
            }
        }
        struct Scored { var t: Int32; var together: Int; var dice: Double; var precision: Double }
        var rs: [Scored] = []
        for t in touched {
            let together = Int(counts[Int(t)])
            counts[Int(t)] = 0
            guard together >= 2 else { continue }
            let dice = 2 * Double(together) / Double(idx.count + Int(targetCount[Int(t)]))
            guard dice >= minDice else { continue }
            rs.append(Scored(t: t, together: together, dice: dice, precision: Double(together) / Double(targetCount[Int(t)])))
        }
        // Of renderings that contain one another with about the same support, keep the longest.
        // (A total order: ids are given in the order strings are met, which threads decide.)
        let text = { (r: Scored) in self.strings[Int(r.t)] }
        rs.sort { (a, b) in
            let ta = text(a), tb = text(b)
            return (a.dice, ta.count, a.together, tb) > (b.dice, tb.count, b.together, ta)
        }
        var kept: [Scored] = []
        for r in rs {
            let rt = text(r)
            if let i = kept.firstIndex(where: { text($0).containsText(rt) || rt.containsText(text($0)) }) {
                if rt.count > text(kept[i]).count && Double(r.together) >= 0.8 * Double(kept[i].together) { kept[i] = r }
                continue
            }
            kept.append(r)
            if kept.count >= limit { break }
        }
        guard !kept.isEmpty else { return nil }
        let surface = surfaces[s].isEmpty ? strings[s] : surfaces[s]
        var c = Candidate(stem: strings[s], surface: surface, occurrences: idx.count,
                          renderings: kept.map { Rendering(text: text($0), together: $0.together, dice: $0.dice, precision: $0.precision,
                                                           pairs: [], table: table) })
        guard keep(c) else { return nil }
        // The places of the kept renderings, in pair order.
        for i in kept.indices { c.renderings[i].pairs.reserveCapacity(kept[i].together) }
        for k in idx {
            targets.forEach(Int(k)) { t in
                for (i, r) in kept.enumerated() where r.t == t { c.renderings[i].pairs.append(k) }
            }
        }
        return refine(c)
    }
}

/// Lists of sorted ids, one per pair, delta- and varint-coded in blocks of up to a megabyte (a
/// list never split across two): the store grows without copying what it holds.
struct IdLists {
    private static let blockSize = 1 << 20
    private var blocks: [[UInt8]] = []
    /// Where each list ends: its block and the offset in it.
    private var ends: [(block: Int32, end: Int32)] = []
    private var scratch: [UInt8] = []

    var count: Int { ends.count }
    /// The bytes held.
    private(set) var bytes = 0

    mutating func append(_ sorted: [Int32]) {
        scratch.removeAll(keepingCapacity: true)
        var last: Int32 = -1
        for v in sorted {
            var d = UInt32(v - last)
            last = v
            while d >= 0x80 { scratch.append(UInt8(d & 0x7F) | 0x80); d >>= 7 }
            scratch.append(UInt8(d))
        }
        if blocks.isEmpty || blocks[blocks.count - 1].count + scratch.count > blocks[blocks.count - 1].capacity {
            // Blocks as large as what is held already, up to the block size (one file's lists
            // take a few kilobytes, a project's a few megabytes).
            var b: [UInt8] = []
            b.reserveCapacity(max(min(IdLists.blockSize, max(4096, bytes)), scratch.count))
            blocks.append(b)
        }
        blocks[blocks.count - 1].append(contentsOf: scratch)
        bytes += scratch.count
        ends.append((Int32(blocks.count - 1), Int32(blocks[blocks.count - 1].count)))
    }

    /// The ids of list `k`, in increasing order.
    @inline(__always)
    func forEach(_ k: Int, _ body: (Int32) -> Void) {
        let e = ends[k]
        var i = k > 0 && ends[k - 1].block == e.block ? Int(ends[k - 1].end) : 0
        let end = Int(e.end)
        blocks[Int(e.block)].withUnsafeBufferPointer { bytes in
            var last: Int32 = -1
            while i < end {
                var d: UInt32 = 0, shift: UInt32 = 0
                while true {
                    let b = bytes[i]
                    i += 1
                    d |= UInt32(b & 0x7F) << shift
                    if b < 0x80 { break }
                    shift += 7
                }
                last += Int32(d)
                body(last)
            }
        }
    }
}
