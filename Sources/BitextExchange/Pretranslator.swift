import BitextAlign
import BitextCheck
import BitextGlossary
import BitextMarkdown
import BitextText

/// Translations a team made before, by source text: from TMX (or XLIFF, PO) files and from the
/// aligned pairs of an earlier version of the documents.
public final class TranslationMemory {
    public struct Entry: Sendable {
        public var source: Content
        public var target: Content
        /// Where it comes from: `file.tmx:12`, `zh/guide.md:40`.
        public var origin: String
    }
    public private(set) var entries: [Entry] = []
    private var byKey: [String: Int] = [:]
    private var byWord: [String: [Int]] = [:]

    public init() {}

    public var count: Int { entries.count }

    /// Adds a translation; the first one seen for a source text is the one used.
    public func add(source: Content, target: Content, origin: String) {
        let key = source.key
        guard !key.isEmpty, !target.isEmpty, byKey[key] == nil else { return }
        byKey[key] = entries.count
        for w in Set(words(key)) { byWord[w, default: []].append(entries.count) }
        entries.append(Entry(source: source, target: target, origin: origin))
    }

    /// The entries of an exchange file that carry a translation.
    public func add(_ file: ExchangeFile, path: String) {
        for e in file.entries {
            guard let t = e.target, !t.isEmpty, !(["initial", "new", "needs-translation", "fuzzy"].contains(e.state ?? "")) else { continue }
            add(source: e.source, target: t, origin: "\(path):\(e.line)")
        }
    }

    /// What a translated document pair teaches: each translated unit whole, and each sentence
    /// (or run of sentences the translator merged) whose alignment is confident.
    public func add(_ d: ExchangeDocument) {
        let path = d.targetName
        for bead in d.beads where !bead.targetUnits.isEmpty {
            for k in bead.units {
                let u = d.units[k]
                guard u.segments.allSatisfy({ $0.status == .translated }) else { continue }
                let line = d.target.units[bead.targetUnits[0]].start.line
                if bead.units.count == 1 && bead.targetUnits.count == 1 {
                    var target = Content()
                    for s in u.segments { if let t = s.target, !t.isEmpty { target = target + t + Content(text: layoutText(s.trailing)) } }
                    add(source: joined(u.segments.map(\.source)), target: target.trimmed, origin: "\(path):\(line)")
                }
                for group in d.sentenceGroups(u.segments) {
                    let ss = group.map { u.segments[$0] }
                    guard ss.allSatisfy({ $0.targetBytes == nil || $0.score >= 0.5 }) else { continue }
                    add(source: joined(ss.map(\.source)), target: ss.compactMap(\.target).reduce(Content(), +).trimmed,
                        origin: "\(path):\(line)")
                }
            }
        }
    }

    public func exact(_ key: String) -> Entry? { byKey[key].map { entries[$0] } }

    /// The most similar source (at least `threshold`, 0…1) and its similarity: character edit
    /// distance over the longer length, among entries sharing words with it.
    public func fuzzy(_ key: String, threshold: Double = 0.85) -> (Entry, Double)? {
        let ws = Set(words(key))
        guard !ws.isEmpty else { return nil }
        var shared: [Int: Int] = [:]
        for w in ws { for e in byWord[w] ?? [] { shared[e, default: 0] += 1 } }
        let a = Array(key.unicodeScalars)
        let candidates = shared.filter { Double($0.value) * 2 >= Double(ws.count) * threshold }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(30)
        var best: (Int, Double)? = nil
        for (e, _) in candidates {
            let b = Array(entries[e].source.key.unicodeScalars)
            let longer = max(a.count, b.count)
            guard longer > 0, Double(abs(a.count - b.count)) <= Double(longer) * (1 - threshold) else { continue }
            let score = 1 - Double(editDistance(a, b)) / Double(longer)
            if score >= threshold && (best == nil || score > best!.1 || (score == best!.1 && e < best!.0)) { best = (e, score) }
        }
        return best.map { (entries[$0.0], $0.1) }
    }

    func words(_ s: String) -> [String] {
        var out: [String] = []
        var w = ""
        for c in s.lowercased().unicodeScalars {
            if c.properties.isAlphabetic || (c.value >= 0x30 && c.value <= 0x39) {
                if isHan(c.value) { if !w.isEmpty { out.append(w); w = "" }; out.append(String(c)); continue }
                w.unicodeScalars.append(c)
            } else if !w.isEmpty {
                out.append(w); w = ""
            }
        }
        if !w.isEmpty { out.append(w) }
        return out
    }
}

func joined(_ parts: [Content]) -> Content {
    parts.reduce(Content()) { $0.isEmpty ? $1 : $0 + Content(text: " ") + $1 }
}

/// Levenshtein distance.
func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var prev = Array(0...b.count), cur = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        cur[0] = i
        for j in 1...b.count {
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&prev, &cur)
    }
    return prev[b.count]
}

/// Checks a translation from a memory against the glossary, as `check` would: forbidden
/// variants are replaced by the preferred term; a source term with none of its renderings in
/// the translation makes the match one to review.
public struct GlossaryReview {
    let checker: Checker

    public init(settings: Settings, messages: Messages, glossary: GlossaryIndex) {
        checker = Checker(settings: settings, messages: messages, glossary: glossary,
                          rules: [GlossaryForbiddenRule(), GlossaryMissingRule()])
    }

    public struct Outcome {
        public var target: Content
        /// (found, preferred, glossary location) for each replacement.
        public var replaced: [(String, String, String)] = []
        /// Source terms whose rendering the translation lacks.
        public var missing: [String] = []
    }

    public func review(source: Content, target: Content) -> Outcome {
        var outcome = Outcome(target: target)
        let flat = { (c: Content) in c.markdown.replacingOccurrences(of: "\n", with: " ") }
        let sdoc = Document(SourceText(path: "memory-source", text: flat(source)))
        let tdoc = Document(SourceText(path: "memory-target", text: flat(target)))
        guard !sdoc.blocks.isEmpty, !tdoc.blocks.isEmpty else { return outcome }
        let findings: [Finding] = (try? checker.withToolkit { toolkit in
            let sa = checker.analyze(sdoc, toolkit: toolkit), ta = checker.analyze(tdoc, toolkit: toolkit)
            let alignment = Alignment(beads: [Bead(source: Array(sdoc.blocks.indices), target: Array(tdoc.blocks.indices), score: 1)])
            return checker.check(tdoc, analyses: ta, pairing: Pairing(source: sdoc, sourceAnalyses: sa, alignment: alignment), toolkit: toolkit)
        }) ?? []
        var pieces = target.pieces
        for f in findings {
            if f.rule == "glossary-forbidden", let fix = f.fix {
                // As many places as the finding stands for (a variant met several times on a line is one finding).
                var left = 1 + fix.also.count
                for (k, p) in pieces.enumerated() where left > 0 {
                    guard case .text(var t) = p else { continue }
                    while left > 0, let r = t.range(of: f.text) {
                        t = t.replacingCharacters(in: r, with: fix.replacement)
                        outcome.replaced.append((f.text, fix.replacement, detail(f, "glossary") ?? ""))
                        left -= 1
                    }
                    pieces[k] = .text(t)
                }
            } else if f.rule == "glossary-missing" {
                outcome.missing.append(detail(f, "term") ?? f.text)
            }
        }
        outcome.target = Content(pieces)
        return outcome
    }

    private func detail(_ f: Finding, _ name: String) -> String? {
        for (k, v) in f.details where k == name { if case .string(let s) = v { return s } }
        return nil
    }
}

/// Fills untranslated segments from a translation memory: exact matches of the source text
/// (a whole unit, a run of sentences, a sentence), checked against the glossary; fuzzy matches
/// (at least 85% similar source) reported with their score, and written — marked
/// `<!-- bitext-fuzzy N% -->` — only when asked.
public struct Pretranslator {
    public let document: ExchangeDocument
    public let memory: TranslationMemory
    public var glossary: GlossaryReview?
    public var writeFuzzy = false
    public var threshold = 0.85

    public init(_ document: ExchangeDocument, memory: TranslationMemory) {
        self.document = document
        self.memory = memory
    }

    public struct Fill: Sendable {
        public var unit: Int
        public var segment: Int
        public var origin: String
        /// Nil for an exact match.
        public var score: Int?
        public var written: Bool
        public var memorySource: String
        public var replaced: [(String, String, String)] = []
        public var missing: [String] = []
    }

    public struct Result {
        public var updates: [Int: [Int: SegmentUpdate]] = [:]
        public var fills: [Fill] = []
    }

    public func run() -> Result {
        var result = Result()
        for (k, unit) in document.units.enumerated() {
            let segs = unit.segments
            // Untranslated, or still identical to its source (a link or title the language
            // analysis takes for a name): a memory that has a translation knows better.
            let open = segs.map { $0.status == .untranslated || $0.status == .missing || $0.target?.key == $0.source.key }
            var j = 0
            while j < segs.count {
                guard open[j] else { j += 1; continue }
                var done = false
                var m = segs.count - j
                while m >= 1 {
                    defer { m -= 1 }
                    guard (j..<(j + m)).allSatisfy({ open[$0] }) else { continue }
                    let key = segs[j..<(j + m)].map(\.source.key).joined(separator: " ")
                    guard let e = memory.exact(key) else { continue }
                    place(k, j, m, e, score: nil, &result)
                    j += m
                    done = true
                    break
                }
                if done { continue }
                if let (e, s) = memory.fuzzy(segs[j].source.key, threshold: threshold) {
                    place(k, j, 1, e, score: min(99, Int((s * 100).rounded(.down))), &result)
                }
                j += 1
            }
        }
        return result
    }

    private func place(_ k: Int, _ j: Int, _ m: Int, _ e: TranslationMemory.Entry, score: Int?, _ result: inout Result) {
        var fill = Fill(unit: k, segment: j, origin: e.origin, score: score, written: false, memorySource: e.source.plainText)
        var target = e.target
        var score = score
        if let g = glossary {
            let source = joined(document.units[k].segments[j..<(j + m)].map(\.source))
            let o = g.review(source: source, target: target)
            target = o.target
            fill.replaced = o.replaced
            fill.missing = o.missing
            // A translation that ignores the glossary is one to review, like a fuzzy match.
            if !o.missing.isEmpty && score == nil { score = 100 }
        }
        fill.score = score
        let write = score == nil || writeFuzzy
        if write {
            result.updates[k, default: [:]][j] = SegmentUpdate(content: target.trimmed, fuzzy: score)
            for x in (j + 1)..<(j + m) { result.updates[k, default: [:]][x] = SegmentUpdate(content: Content()) }
        }
        fill.written = write
        result.fills.append(fill)
    }
}
