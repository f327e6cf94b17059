import BitextICU
import BitextMarkdown
import BitextText

/// How a glossary string occurs in text.
public enum TermForm: UInt8, Sendable {
    /// The English term (source side).
    case source
    /// The preferred rendering.
    case preferred
    /// An accepted alternative rendering.
    case alternative
    /// A forbidden variant.
    case forbidden
}

/// A glossary string found in a unit. `range` indexes `Unit.text`.
public struct TermHit: Sendable, Equatable {
    public var entry: Int
    public var form: TermForm
    public var range: Range<Int>
    /// The glossary string that matched (e.g. the forbidden variant).
    public var term: String
}

/// All of a glossary's terms, compiled for one-pass matching.
///
/// Chinese side: an Aho–Corasick automaton over every rendering, alternative and forbidden
/// variant, then leftmost-longest selection, so `巨型语言模型` is attributed to the entry that
/// owns it and not to `语言模型` or `模型`. English side: a trie over stemmed word sequences,
/// longest match first, across line breaks; acronyms match with their exact case.
public final class GlossaryIndex: Sendable {
    public let glossary: Glossary
    private let automaton: Automaton
    /// Pattern index → (entry, form, term).
    private let patterns: [(entry: Int, form: TermForm, term: String, caseSensitive: Bool)]
    private let sourceTrie: WordTrie

    public init(_ glossary: Glossary) {
        self.glossary = glossary
        var pats: [(Int, TermForm, String, Bool)] = []
        var keys: [[UInt32]] = []
        var seen: [String: Int] = [:]
        for (k, e) in glossary.entries.enumerated() {
            var forms: [(TermForm, String)] = []
            if !e.keepAsIs { forms.append((.preferred, e.target)) }
            forms += e.alternatives.map { (.alternative, $0) }
            forms += e.forbidden.map { (.forbidden, $0) }
            for (form, s) in forms {
                let key = GlossaryIndex.normalize(Array(s.unicodeScalars.map(\.value))).map(\.0)
                guard !key.isEmpty else { continue }
                // The first owner of an identical string keeps it.
                let keyString = makeString(key)
                if seen[keyString] != nil { continue }
                seen[keyString] = pats.count
                pats.append((k, form, s, e.caseSensitive))
                keys.append(key)
            }
        }
        patterns = pats
        automaton = Automaton(keys)
        sourceTrie = WordTrie(glossary)
    }

    // MARK: Chinese side

    /// Characters of prose with spaces next to Han dropped and ASCII lowercased, each with its
    /// index in the original.
    static func normalize(_ text: [UInt32], roles: [Role]? = nil) -> [(UInt32, Int)] {
        var out: [(UInt32, Int)] = []
        out.reserveCapacity(text.count)
        var pendingSpace: Int? = nil
        var lastWasHan = false
        for i in text.indices {
            if let r = roles?[i], r != .content {
                // Code, URLs and math end a term; emphasis markers do not (**巨型**语言模型).
                if r == .code || r == .url || r == .destination || r == .math, out.last?.0 != 0xFFFF {
                    out.append((0xFFFF, i))
                    pendingSpace = nil
                }
                continue
            }
            var c = text[i]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0xA0 {
                if !out.isEmpty && pendingSpace == nil { pendingSpace = i }
                continue
            }
            let han = c >= 0x2E80 && Characters.script(c) == .han
            if let sp = pendingSpace {
                if !han && !lastWasHan { out.append((0x20, sp)) }
                pendingSpace = nil
            }
            if c >= 0x41 && c <= 0x5A { c |= 0x20 }
            out.append((c, i))
            lastWasHan = han
        }
        return out
    }

    /// Every rendering and forbidden variant in the text: leftmost-longest, not overlapping.
    public func targetHits(text: [UInt32], roles: [Role]) -> [TermHit] {
        guard !patterns.isEmpty else { return [] }
        let norm = GlossaryIndex.normalize(text, roles: roles)
        if norm.isEmpty { return [] }
        var matches: [(start: Int, end: Int, pattern: Int)] = []
        automaton.scan(norm.lazy.map(\.0)) { end, pattern, length in
            matches.append((end - length, end, pattern))
        }
        if matches.isEmpty { return [] }
        matches.sort { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }
        var hits: [TermHit] = []
        var covered = 0
        for m in matches where m.start >= covered {
            let p = patterns[m.pattern]
            let lo = norm[m.start].1, hi = norm[m.end - 1].1 + 1
            // Latin letters in a term must not be part of a longer word ("AI" inside "MAIL").
            if isLatinLetter(norm[m.start].0), m.start > 0, isLatinLetter(norm[m.start - 1].0) { continue }
            if isLatinLetter(norm[m.end - 1].0), m.end < norm.count, isLatinLetter(norm[m.end].0) { continue }
            if p.caseSensitive && makeString(text[lo..<hi]).replacingOccurrences(of: " ", with: "")
                != p.term.replacingOccurrences(of: " ", with: "") { continue }
            hits.append(TermHit(entry: p.entry, form: p.form, range: lo..<hi, term: p.term))
            covered = m.end
        }
        return hits
    }

    // MARK: English side

    /// Every English term in the text (words from the unit's analysis), longest match first.
    public func sourceHits(text: [UInt32], words: [Word], isHeading: Bool = false) -> [TermHit] {
        let latin = words.filter { $0.kind == .latin || $0.kind == .number }
        guard !latin.isEmpty, !sourceTrie.isEmpty else { return [] }
        let tokens = latin.map { makeString(text[$0.range]) }
        var hits: [TermHit] = []
        var k = 0
        while k < latin.count {
            var node = sourceTrie.root
            var best: (length: Int, entry: Int)? = nil
            var j = k
            while j < latin.count {
                if j > k && !GlossaryIndex.joinable(text, latin[j - 1].range.upperBound, latin[j].range.lowerBound) { break }
                guard let next = sourceTrie.step(node, tokens[j]) else { break }
                node = next
                if let e = sourceTrie.terminal(node, first: tokens[k], last: tokens[j]) { best = (j - k + 1, e) }
                j += 1
            }
            // A lowercase term inside a capitalised name in running text ("React Hooks" for the
            // term "hook") is part of the name.
            if let b = best, !isHeading, !glossary.entries[b.entry].caseSensitive, k > 0,
               glossary.entries[b.entry].source.first?.isLowercase == true,
               tokens[k].first?.isUppercase == true, tokens[k - 1].first?.isUppercase == true,
               GlossaryIndex.joinable(text, latin[k - 1].range.upperBound, latin[k].range.lowerBound) {
                k += b.length
                continue
            }
            // A word of a path, a handle or a file name written without backticks
            // (`@team/maintainers`, `docs/endpoints/list.md`) is code, not the term in prose.
            if let b = best, (k..<(k + b.length)).contains(where: { GlossaryIndex.inCodeShapedChunk(text, latin[$0].range) }) {
                k += b.length
                continue
            }
            if let b = best {
                let range = latin[k].range.lowerBound..<latin[k + b.length - 1].range.upperBound
                hits.append(TermHit(entry: b.entry, form: .source, range: range, term: glossary.entries[b.entry].source))
                k += b.length
            } else {
                k += 1
            }
        }
        return hits
    }

    /// Whether the word at `r` lies in a run of text without spaces that has the shape of code:
    /// a handle or an address (`@`), a channel or an anchor (`#`), a path (two slashes, or one
    /// at either end: `docs/endpoints/list.md`, `/endpoints`), a file name or a member access (an
    /// inner dot before a letter or digit: `list.md`), `key:value`, or a code sigil (`\ = ~ $ { }`).
    /// One slash between two words (`client/server`, `maintainer/reviewer`) is prose.
    static func inCodeShapedChunk(_ text: [UInt32], _ r: Range<Int>) -> Bool {
        func stops(_ c: UInt32) -> Bool {
            switch c {
            case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x28, 0x29, 0x5B, 0x5D, 0x2A, 0x60, 0x22, 0x27, 0x3C, 0x3E,
                 0x2C, 0x3B, 0x21, 0x3F, 0x7C, 0x2018, 0x2019, 0x201C, 0x201D: return true
            default: return c >= 0x2E80
            }
        }
        var lo = r.lowerBound, hi = r.upperBound
        while lo > 0 && !stops(text[lo - 1]) { lo -= 1 }
        while hi < text.count && !stops(text[hi]) { hi += 1 }
        // Sentence punctuation after the run is not part of it.
        while hi > r.upperBound && (text[hi - 1] == 0x2E || text[hi - 1] == 0x3A) { hi -= 1 }
        guard lo < r.lowerBound || hi > r.upperBound else { return false }
        var slashes = 0
        for i in lo..<hi {
            switch text[i] {
            case 0x40, 0x23, 0x5C, 0x3D, 0x7E, 0x24, 0x7B, 0x7D: return true
            case 0x2F:
                slashes += 1
                if i == lo || i == hi - 1 { return true }
            case 0x2E, 0x3A:
                if i > lo, i + 1 < hi, let n = Unicode.Scalar(text[i + 1]),
                   n.properties.isAlphabetic || n.properties.numericType != nil { return true }
            default: break
            }
        }
        return slashes >= 2
    }

    /// Two words belong to one term when only spaces, hyphens or a line break are between them.
    public static func joinable(_ text: [UInt32], _ a: Int, _ b: Int) -> Bool {
        guard b - a <= 4 else { return false }
        for i in a..<b {
            let c = text[i]
            if !(c == 0x20 || c == 0x2D || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x2010 || c == 0x2011) { return false }
        }
        return true
    }
}

@inline(__always) func isLatinLetter(_ c: UInt32) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

/// Aho–Corasick over code points.
final class Automaton: @unchecked Sendable {
    private var goto: [[UInt32: Int32]] = [[:]]
    private var fail: [Int32] = [0]
    /// Patterns ending at each state (own and through the failure chain), as (pattern, length).
    private var output: [[(Int, Int)]] = [[]]

    init(_ keys: [[UInt32]]) {
        for (p, key) in keys.enumerated() {
            var s = 0
            for c in key {
                if let n = goto[s][c] { s = Int(n) } else {
                    goto.append([:]); fail.append(0); output.append([])
                    goto[s][c] = Int32(goto.count - 1)
                    s = goto.count - 1
                }
            }
            output[s].append((p, key.count))
        }
        // Breadth-first failure links.
        var queue: [Int] = []
        for (_, n) in goto[0] { queue.append(Int(n)) }
        var head = 0
        while head < queue.count {
            let s = queue[head]; head += 1
            for (c, n) in goto[s] {
                let t = Int(n)
                queue.append(t)
                var f = Int(fail[s])
                while f != 0 && goto[f][c] == nil { f = Int(fail[f]) }
                let target = goto[f][c].map(Int.init) ?? 0
                fail[t] = Int32(target == t ? 0 : target)
                output[t] += output[Int(fail[t])]
            }
        }
    }

    func scan<S: Sequence>(_ text: S, _ found: (_ end: Int, _ pattern: Int, _ length: Int) -> Void) where S.Element == UInt32 {
        var s = 0
        var i = 0
        for c in text {
            while s != 0 && goto[s][c] == nil { s = Int(fail[s]) }
            s = goto[s][c].map(Int.init) ?? 0
            i += 1
            for (p, len) in output[s] { found(i, p, len) }
        }
    }
}

/// A trie over stemmed English words.
final class WordTrie: @unchecked Sendable {
    struct Node {
        var next: [String: Int] = [:]
        /// Entries ending here: (entry, exact-case first word for acronyms and case-sensitive
        /// terms, whether the last word must be an -ing form).
        var entries: [(entry: Int, exact: String?, ing: Bool)] = []
    }
    private var nodes = [Node()]
    let root = 0
    var isEmpty: Bool { nodes.count == 1 }

    init(_ g: Glossary) {
        for (k, e) in g.entries.enumerated() {
            for variant in WordTrie.variants(e.source) {
                let words = variant
                guard !words.isEmpty else { continue }
                var s = 0
                for w in words {
                    let key = Stemmer.stem(w).lowercased()
                    if let n = nodes[s].next[key] { s = n } else {
                        nodes.append(Node())
                        nodes[s].next[key] = nodes.count - 1
                        s = nodes.count - 1
                    }
                }
                let acronym = words.count == 1 && WordTrie.isAcronym(words[0])
                let exact: String? = (e.caseSensitive || acronym) ? Stemmer.stem(words[0], keepCase: true) : nil
                // A term that is itself an -ing form ("breaking") does not match its verb ("break").
                let last = words.last!.lowercased()
                let ing = last.count > 5 && last.hasSuffix("ing")
                if !nodes[s].entries.contains(where: { $0.entry == k }) { nodes[s].entries.append((k, exact, ing)) }
            }
        }
    }

    /// The term split into words (on spaces and hyphens), and for multi-word terms also the
    /// words joined (`fine-tuning` also matches `finetuning`).
    static func variants(_ term: String) -> [[String]] {
        let words = term.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "\u{2010}" }).map(String.init)
        if words.count > 1 { return [words, [words.joined()]] }
        return [words]
    }

    static func isAcronym(_ w: String) -> Bool {
        let letters = w.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
            || (letters.count >= 2 && w.unicodeScalars.dropLast().allSatisfy { $0.properties.isUppercase || ("0"..."9").contains($0) } && w.last == "s")
    }

    func step(_ s: Int, _ word: String) -> Int? {
        nodes[s].next[Stemmer.stem(word).lowercased()]
    }

    /// The entry ending at `s` whose case rule the first matched word, and whose -ing rule the
    /// last, satisfies.
    func terminal(_ s: Int, first: String, last: String) -> Int? {
        for (entry, exact, ing) in nodes[s].entries {
            if ing {
                let l = last.lowercased()
                if !(l.hasSuffix("ing") || l.hasSuffix("ings")) { continue }
            }
            if let exact {
                if Stemmer.stem(first, keepCase: true) == exact { return entry }
            } else {
                return entry
            }
        }
        return nil
    }
}
