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

    struct Pair {
        var source: Set<String>   // stemmed n-grams, space-joined
        var surface: [String: String]  // stem n-gram → first surface form
        var target: Set<String>   // Han n-grams and kept Latin words
        var place: Place
    }

    private var pairs: [Pair] = []
    /// Latin words kept inside Chinese text, with how often.
    public private(set) var keptEnglish: [String: Int] = [:]
    let functionWords: Set<String>
    /// Common words that are not terms: a single-word n-gram made of one is left out.
    public var generalWords: Set<String> = []
    public var maxSourceWords = 3
    public var hanLengths = 2...4

    public init(functionWords: Set<String>, generalWords: Set<String> = []) {
        self.functionWords = functionWords
        self.generalWords = generalWords
    }

    /// Takes in another miner's pairs (miners filled on several threads).
    public func merge(_ other: TermMiner) {
        pairs += other.pairs
        for (k, v) in other.keptEnglish { keptEnglish[k, default: 0] += v }
    }

    /// Adds the aligned pairs of a document pair (1-1 and merged beads alike).
    public func add(source: Document, sourceAnalyses: [TextAnalysis], target: Document, targetAnalyses: [TextAnalysis],
                    alignment: Alignment, hanWords: (BitextMarkdown.Unit) -> [Word]) {
        for bead in alignment.beads where !bead.source.isEmpty && !bead.target.isEmpty {
            let su = bead.source.compactMap { source.unitIndex(block: $0) }
            let tu = bead.target.compactMap { target.unitIndex(block: $0) }
            guard let first = tu.first, tu.contains(where: { targetAnalyses[$0].hasHan }) else { continue }
            var grams = Set<String>()
            var surface: [String: String] = [:]
            for s in su {
                let u = source.units[s]
                let words = sourceAnalyses[s].words.filter { $0.kind == .latin }
                for i in words.indices {
                    var stems: [String] = []
                    var surfaces: [String] = []
                    for j in i..<min(words.count, i + maxSourceWords) {
                        if j > i && !GlossaryIndex.joinable(u.text, words[j - 1].range.upperBound, words[j].range.lowerBound) { break }
                        let w = u.string(words[j].range)
                        stems.append(Stemmer.stem(w))
                        surfaces.append(w)
                        let lw = w.lowercased()
                        if functionWords.contains(surfaces[0].lowercased()) || functionWords.contains(lw) || lw.count < 3 { continue }
                        // A lone common word is not a term.
                        if stems.count == 1 && (generalWords.contains(lw) || generalWords.contains(stems[0])) { continue }
                        if generalWords.contains(surfaces.last!.lowercased()) && stems.count > 1 && functionWords.contains(lw) { continue }
                        let key = stems.joined(separator: " ")
                        grams.insert(key)
                        if surface[key] == nil { surface[key] = surfaces.joined(separator: " ") }
                    }
                }
            }
            var han = Set<String>()
            for t in tu {
                let u = target.units[t], a = targetAnalyses[t]
                // Han n-grams of 1–3 ICU dictionary words, at least two characters.
                let words = hanWords(u).filter { !a.inNote($0.range.lowerBound) }
                for i in words.indices {
                    var end = i
                    while end < words.count && end < i + 3 {
                        if end > i && words[end].range.lowerBound != words[end - 1].range.upperBound { break }
                        let r = words[i].range.lowerBound..<words[end].range.upperBound
                        if r.count >= 2 && r.count <= 8 { han.insert(u.string(r)) }
                        end += 1
                    }
                }
                for s in a.stretches where !s.isProse {
                    for tok in s.tokens where tok.kind != .function && tok.kind != .code {
                        keptEnglish[tok.text, default: 0] += 1
                        han.insert("=" + tok.stem)  // a kept English word renders itself
                    }
                }
            }
            let place = Place(file: target.path, line: target.units[first].start.line, unit: first)
            pairs.append(Pair(source: grams, surface: surface, target: han, place: place))
        }
    }

    /// A rendering of a source n-gram and how strongly it goes with it.
    public struct Rendering: Sendable {
        public var text: String
        /// Pairs holding both the source term and this rendering.
        public var together: Int
        public var dice: Double
        /// Of the pairs holding the rendering, the share that hold the source term.
        public var precision: Double
        public var places: [Place]
    }

    /// Han strings that begin or end with a grammatical character (的, 了, 在…) are pieces of
    /// phrases, not renderings.
    static func isFragment(_ t: String) -> Bool {
        guard !t.hasPrefix("="), let first = t.first, let last = t.last else { return false }
        let grammatical: Set<Character> = ["的", "了", "在", "是", "和", "与", "或", "个", "这", "那", "你", "我", "们", "将",
                                           "会", "被", "把", "对", "从", "向", "于", "也", "都", "就", "要", "可", "以", "中",
                                           "时", "地", "得", "并", "为", "来", "其", "该", "此", "如", "所", "等", "一"]
        return grammatical.contains(first) || grammatical.contains(last)
    }

    /// A source n-gram, how it reads, how often it occurs, and its renderings, strongest first.
    public struct Candidate: Sendable {
        public var stem: String
        public var surface: String
        public var occurrences: Int
        public var renderings: [Rendering]
    }

    /// Source n-grams in at least `minCount` pairs with their renderings of Dice ≥ `minDice`.
    public func candidates(minCount: Int = 3, minDice: Double = 0.3, limit: Int = 5) -> [Candidate] {
        var sourceCount: [String: [Int]] = [:]
        var targetCount: [String: Int] = [:]
        for (k, p) in pairs.enumerated() {
            for s in p.source { sourceCount[s, default: []].append(k) }
            for t in p.target { targetCount[t, default: 0] += 1 }
        }
        var out: [Candidate] = []
        for (s, idx) in sourceCount where idx.count >= minCount {
            var together: [String: [Int]] = [:]
            for k in idx { for t in pairs[k].target { together[t, default: []].append(k) } }
            var rs: [Rendering] = []
            for (t, ks) in together where ks.count >= 2 && !TermMiner.isFragment(t) {
                let dice = 2 * Double(ks.count) / Double(idx.count + (targetCount[t] ?? 0))
                guard dice >= minDice else { continue }
                rs.append(Rendering(text: t, together: ks.count, dice: dice,
                                    precision: Double(ks.count) / Double(targetCount[t] ?? ks.count),
                                    places: ks.map { pairs[$0].place }))
            }
            // Of renderings that contain one another with about the same support, keep the longest.
            // (A total order: dictionaries iterate in a different order in every process.)
            rs.sort { ($0.dice, $0.text.count, $0.together, $1.text) > ($1.dice, $1.text.count, $1.together, $0.text) }
            var kept: [Rendering] = []
            for r in rs {
                if let i = kept.firstIndex(where: { $0.text.contains(r.text) || r.text.contains($0.text) }) {
                    if r.text.count > kept[i].text.count && Double(r.together) >= 0.8 * Double(kept[i].together) { kept[i] = r }
                    continue
                }
                kept.append(r)
                if kept.count >= limit { break }
            }
            guard !kept.isEmpty else { continue }
            let surface = pairs[idx[0]].surface[s] ?? s
            out.append(Candidate(stem: s, surface: surface, occurrences: idx.count, renderings: kept))
        }
        return out.sorted { a, b in
            let sa = Double(a.renderings[0].together) * a.renderings[0].dice, sb = Double(b.renderings[0].together) * b.renderings[0].dice
            return sa != sb ? sa > sb : a.stem < b.stem
        }
    }
}
