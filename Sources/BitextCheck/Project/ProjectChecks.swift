import BitextGlossary
import BitextMarkdown
import BitextText

/// Checks that look across every pair of a project at once.
public enum ProjectChecks {
    /// `glossary-inconsistent`: an English term with no glossary entry that the translation
    /// renders in clearly different ways. Each rendering must be carried by at least three
    /// aligned units, be found mostly where the term is (half its occurrences or more), not
    /// contain another rendering, rarely sit in the same unit, not be, in most of its places,
    /// partly the translation of another word of the source (``rendersNeighbour``), and not be
    /// the English word kept as a name (``TermMiner/keptAsName(stem:)``) or a kept word that is
    /// not one of the term's, and not go with another source n-gram at least as often and more
    /// strongly than with the term (that n-gram's rendering, met beside it); together they must
    /// account for most of the term's occurrences. One finding per less frequent rendering, at
    /// its first place, listing every variant with its count.
    public static func inconsistentRenderings(_ miner: TermMiner, glossary: Glossary?, settings: Settings,
                                              messages: Messages, threads: Int = 1, load: (String) -> Document?) -> [Finding] {
        guard let severity = settings.severity(id: "glossary-inconsistent", default: .info) else { return [] }
        let known = Set((glossary?.entries ?? []).map { Stemmer.stem($0.source) })
        // What to report, found first; each file is then read once, on `threads` threads, to
        // place its findings (a project's documents are never all held at once).
        struct Report {
            var place: TermMiner.Place
            var needle: String
            var caseInsensitive: Bool
            var message: String
            var details: [(String, JSON)]
        }
        var reports: [Report] = []
        var reported = Set<[String]>()
        // A rendering with a particle inside (比较的值) is a phrase, not a term's rendering; a
        // word kept in English as a name (antd's `Table`) is not one of the common noun (表格).
        // A word kept in English is a rendering of the term only if it is one of the term's
        // words (`byte` kept beside 资源文件 says nothing of "resource files").
        func usable(_ r: TermMiner.Rendering, of c: TermMiner.Candidate) -> Bool {
            guard r.together >= 3 && r.precision >= 0.5 && !r.text.contains("的") else { return false }
            guard r.text.hasPrefix("=") else { return true }
            let word = r.text.dropFirst()
            return !miner.keptAsName(stem: String(word)) && c.stem.split(separator: " ").contains(word)
        }
        // Only terms with two usable renderings can be reported: the others never hold places.
        // Longest source n-grams first, so "Extended Grapheme Clusters" is reported and its
        // pieces with the same renderings are not.
        var candidates = miner.candidates(minCount: 6, minDice: 0.25, limit: 6, threads: threads, where: { c in
            !known.contains(c.stem) && isTermLike(c.surface, functionWords: settings.source.functionWords)
                && c.renderings.lazy.filter { usable($0, of: c) }.prefix(2).count == 2
        }, refine: { c in
            let termWords = miner.lexicon.map { TermWords(c.stem, lexicon: $0, functionWords: settings.source.functionWords) }
            // The variants, each with the first places it is reported with.
            var variants: [TermMiner.Rendering] = []
            for r in c.renderings where usable(r, of: c) {
                let clashes = variants.contains { v in
                    let together = v.pairs.sortedCommonCount(r.pairs)
                    return v.text.containsText(r.text) || r.text.containsText(v.text)
                        || Double(together) > 0.3 * Double(min(v.pairs.count, r.pairs.count))
                }
                // (Asked last: it reads the lexicon.)
                if !clashes && !(termWords.map { rendersNeighbour(r, of: $0, miner: miner) } ?? false) {
                    variants.append(r)
                }
            }
            // (Asked of a term that would be reported only: it reads every string of the
            // variants' pairs.)
            if variants.count >= 2, let termWords {
                variants.removeAll { besideRendering($0, of: termWords, miner: miner) }
            }
            guard variants.count >= 2,
                  variants.reduce(0, { $0 + $1.together }) * 10 >= c.occurrences * 6 else { return nil }
            variants.sort { ($0.together, $1.text) > ($1.together, $0.text) }
            var c = c
            c.renderings = variants.map { v in var v = v; v.pairs = Array(v.pairs.prefix(5)); return v }
            return c
        }).sorted { ($0.stem.count, $1.stem) > ($1.stem.count, $0.stem) }
        // A variant that goes with another source n-gram, one without a word of the term, at
        // least as often as with the term and more strongly is that n-gram's rendering, met
        // beside the term (键值 for "key-value" where buckets hold key-value pairs): asked of the
        // few terms left, in one pass over the pairs.
        let tallies = miner.sourceTallies(ofTargets: Set(candidates.flatMap { $0.renderings.map(\.text).filter { !$0.hasPrefix("=") } }))
        candidates = candidates.compactMap { c in
            let stems = Set(c.stem.split(separator: " "))
            let termWords = miner.lexicon.map { TermWords(c.stem, lexicon: $0, functionWords: settings.source.functionWords) }
            var c = c
            c.renderings.removeAll { r in
                guard let t = tallies[r.text] else { return false }
                if let termWords, holdsRendering(r.text, of: termWords) { return false }
                return t.sources.contains { s in
                    s.together >= 3 && s.together >= r.together
                        && 2 * Double(s.together) / Double(t.pairs + s.count) > r.dice
                        && !s.stem.split(separator: " ").contains(where: stems.contains)
                }
            }
            guard c.renderings.count >= 2, c.renderings.reduce(0, { $0 + $1.together }) * 10 >= c.occurrences * 6 else { return nil }
            return c
        }
        for c in candidates {
            let variants = c.renderings
            guard reported.insert(variants.map(\.text).sorted()).inserted else { continue }
            func show(_ r: TermMiner.Rendering) -> String { r.text.hasPrefix("=") ? c.surface : r.text }
            let list = variants.map { "\(show($0)) (\($0.together)×)" }.joined(separator: ", ")
            let details: [(String, JSON)] = [
                ("term", .string(c.surface)),
                ("variants", .array(variants.map { v in
                    .object([("rendering", .string(show(v))), ("count", .int(v.together)),
                             ("places", .array(v.places(first: 5).map { .string("\($0.file):\($0.line)") }))])
                }))]
            let message = messages.text("glossary-inconsistent", ["term": c.surface, "count": String(variants.count), "variants": list])
            for v in variants.dropFirst() {
                guard let place = v.places(first: 1).first else { continue }
                reports.append(Report(place: place, needle: show(v), caseInsensitive: v.text.hasPrefix("="), message: message, details: details))
            }
        }
        var byFile: [String: [Int]] = [:]
        for (k, r) in reports.enumerated() { byFile[r.place.file, default: []].append(k) }
        let files = byFile.keys.sorted()
        let found: [[Finding]] = parallelMap(files.count, threads: threads) { i in
            guard let doc = load(files[i]) else { return [] }
            return byFile[files[i]]!.compactMap { k -> Finding? in
                let r = reports[k]
                guard r.place.unit < doc.units.count else { return nil }
                let u = doc.units[r.place.unit]
                let needle = Array(r.needle.unicodeScalars.map(\.value))
                var range = 0..<u.text.count
                if let at = find(needle, in: u.text, caseInsensitive: r.caseInsensitive) { range = at..<(at + needle.count) }
                return Finding(rule: "glossary-inconsistent", severity: severity, file: r.place.file, span: u.span(range),
                               message: r.message, text: u.string(range), details: r.details)
            }
        }
        return found.flatMap { $0 }
    }

    /// Whether a Han string holds a lexicon word of two characters or more that renders the
    /// term (定界符 in 定界符包围 for "delimiters"): a variant of the term, whatever else goes
    /// with it.
    static func holdsRendering(_ text: String, of term: TermWords) -> Bool {
        let t = text.unicodeScalars.map(\.value)
        let longest = min(term.lexicon.maxWordLength, t.count)
        guard longest >= 2 else { return false }
        for i in 0..<(t.count - 1) {
            for l in 2...min(longest, t.count - i) {
                if let w = term.lexicon.word(t[i..<(i + l)]), term.reading(of: w).renders { return true }
            }
        }
        return false
    }

    /// A term's words as the lexicon knows them, and how a lexicon word relates to them.
    struct TermWords {
        let lexicon: Lexicon
        let functionWords: Set<String>
        let stems: [String]
        let joined: String

        init(_ stem: String, lexicon: Lexicon, functionWords: Set<String>) {
            self.lexicon = lexicon
            self.functionWords = functionWords
            stems = stem.split(separator: " ").map(String.init)
            joined = stems.joined()
        }

        /// What a lexicon word is to the term. `renders`: one of its glosses is the term, or
        /// words of the term only, or the term written in two words (a gloss "check box" of
        /// "checkbox"). Otherwise the stems of the other English words it stands for, which
        /// may be in the source beside the term: those of the glosses that hold a word of the
        /// term as well as others (尖括号 "angle brackets" for "brackets": *angle*), or, when
        /// no gloss holds one, those of all its glosses.
        func reading(of word: Int32) -> (renders: Bool, others: [Int32]) {
            var partial: [Int32] = [], unrelated: [Int32] = []
            for gloss in lexicon.glosses(ofWord: word) {
                let words = gloss.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" })
                    .map { Stemmer.stem(String($0)) }.filter { !functionWords.contains($0) }
                guard !words.isEmpty else { continue }
                if words.count > 1 && words.joined() == joined { return (true, []) }
                let outside = words.filter { !stems.contains($0) }
                if outside.isEmpty { return (true, []) }
                let ids = outside.compactMap { lexicon.stem($0) }
                if outside.count < words.count { partial += ids } else { unrelated += ids }
            }
            return (false, partial.isEmpty ? unrelated : partial)
        }
    }

    /// Whether a Han rendering of a term is, in most of its places, partly the translation of
    /// another word of the aligned source: it holds a lexicon word (two characters or more, not
    /// inside one that renders the term) whose other English words (``TermWords/reading(of:)``)
    /// a source word of the pair is. 渲染树 for "trees" where the source says "render tree",
    /// 定义语义 for "DOM" where it says "semantic", 归函数 for "recursive" where it says
    /// "recursive function", 引号 for "marks" where it says "quotation marks": the string
    /// renders a longer phrase or a neighbouring word, and is no variant of the term. A
    /// rendering the lexicon cannot read (a project's own coinage) is never one.
    static func rendersNeighbour(_ r: TermMiner.Rendering, of term: TermWords, miner: TermMiner) -> Bool {
        guard !r.text.hasPrefix("="), !r.pairs.isEmpty else { return false }
        let lexicon = term.lexicon
        let text = r.text.unicodeScalars.map(\.value)
        let maxLength = min(lexicon.maxWordLength, text.count)
        guard maxLength >= 2 else { return false }
        var found: [(range: Range<Int>, others: [Int32])] = []
        var rendering: [Range<Int>] = []
        for i in 0..<(text.count - 1) {
            for l in 2...min(maxLength, text.count - i) {
                guard let w = lexicon.word(text[i..<(i + l)]) else { continue }
                let reading = term.reading(of: w)
                if reading.renders { rendering.append(i..<(i + l)) } else { found.append((i..<(i + l), reading.others)) }
            }
        }
        var others: [Int32] = []  // sorted
        for f in found where !rendering.contains(where: { $0.contains(f.range.lowerBound) && $0.contains(f.range.upperBound - 1) }) {
            others += f.others
        }
        guard !others.isEmpty else { return false }
        others.sort()
        var explained = 0, unexplained = 0
        for k in r.pairs {
            var hit = false
            miner.sourceWords(ofPair: k) { s in
                if !hit && others.sortedContains(s) { hit = true }
            }
            if hit { explained += 1 } else { unexplained += 1 }
            // Decided once either side holds half the places.
            if explained * 2 >= r.pairs.count { return true }
            if unexplained * 2 > r.pairs.count { return false }
        }
        return false
    }

    /// Whether a Han rendering of a term sits, in half its places or more, beside a lexicon word
    /// that renders the term itself: the translation holds a longer string made of the rendering
    /// and that word (示例表 for "sample table", where 表 is *table*), so the term is rendered
    /// there by the word, and the rendering is its neighbour's (示例, *sample*), no variant.
    static func besideRendering(_ r: TermMiner.Rendering, of term: TermWords, miner: TermMiner) -> Bool {
        guard !r.text.hasPrefix("="), !r.pairs.isEmpty else { return false }
        let lexicon = term.lexicon
        let needle = Array(r.text.utf8)
        var beside = 0, not = 0
        for k in r.pairs {
            var hit = false
            miner.targetStrings(ofPair: k) { s in
                // Compared as UTF-8 bytes: a pair holds a hundred strings or so, and few hold
                // the rendering.
                guard !hit, s.utf8.count > needle.count,
                      let at = s.utf8.withContiguousStorageIfAvailable({ ProjectChecks.find(needle, in: $0) }) ?? nil
                else { return }
                // What the longer string adds before or after the rendering: one lexicon word
                // that renders the term.
                let bytes = Array(s.utf8)
                for rest in [0..<at, (at + needle.count)..<bytes.count] where !rest.isEmpty {
                    let scalars = String(decoding: bytes[rest], as: UTF8.self).unicodeScalars.map(\.value)
                    if let w = lexicon.word(scalars), term.reading(of: w).renders { hit = true }
                }
            }
            if hit { beside += 1 } else { not += 1 }
            if beside * 2 >= r.pairs.count { return true }
            if not * 2 > r.pairs.count { return false }
        }
        return false
    }

    /// Where `needle` first occurs in `bytes`.
    static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var i = 0
        while i + needle.count <= bytes.count {
            if bytes[i] == first && needle.indices.allSatisfy({ bytes[i + $0] == needle[$0] }) { return i }
            i += 1
        }
        return nil
    }

    /// A source phrase that can be a term: no function word inside but `of` (not "need the
    /// following"), and a single word that is not an inflected verb or adverb (`wrapped`,
    /// `incrementing`, `quickly`; `string` and `spring` stay, their stems have no vowel).
    static func isTermLike(_ surface: String, functionWords: Set<String>) -> Bool {
        let words = surface.lowercased().split(separator: " ").map(String.init)
        if words.count > 2 && words.dropFirst().dropLast().contains(where: { $0 != "of" && functionWords.contains($0) }) { return false }
        guard words.count == 1, let w = words.first else { return true }
        for suffix in ["ing", "ed", "ly"] where w.hasSuffix(suffix) {
            let stem = w.dropLast(suffix.count)
            if stem.count >= 3 && stem.contains(where: { "aeiouy".contains($0) }) { return false }
        }
        return true
    }

    static func find(_ needle: [UInt32], in text: [UInt32], caseInsensitive: Bool) -> Int? {
        guard !needle.isEmpty, needle.count <= text.count else { return nil }
        func fold(_ c: UInt32) -> UInt32 { caseInsensitive && c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
        for i in 0...(text.count - needle.count) where fold(text[i]) == fold(needle[0]) {
            if (1..<needle.count).allSatisfy({ fold(text[i + $0]) == fold(needle[$0]) }) { return i }
        }
        return nil
    }
}
