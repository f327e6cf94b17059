import BitextMarkdown
import BitextText

/// Labels in brackets that a reference repeats on its items (`(Required)`, `(Optional)`, `(Deprecated)`),
/// each rendered one way through the page (`（必需）`, `（可选）`): an item whose label the
/// translation renders the way the page renders another of the source's labels, where the page
/// renders its own label otherwise more often, says the other thing (review 33 D8: `(Required)`
/// written `（可选）`). Read from the page alone: no list of labels.
enum FlippedLabels {
    struct Flip {
        var target: Int
        var range: Range<Int>
        var sourceUnit: Int
        var label: String
        var rendering: String
        var usual: String
        var other: String
    }

    /// The first bracketed text of a unit's prose, `(` to `)` (either width), with where it is.
    static func bracketed(_ u: Unit) -> (text: [UInt32], range: Range<Int>)? {
        let t = u.text
        guard let open = t.indices.first(where: { (t[$0] == 0x28 || t[$0] == 0xFF08) && u.roles[$0] == .content }) else { return nil }
        var e = open + 1
        while e < t.count && e - open <= 25 && t[e] != 0x29 && t[e] != 0xFF09 && t[e] != 0x28 && t[e] != 0xFF08 && u.roles[e] == .content { e += 1 }
        guard e < t.count, t[e] == 0x29 || t[e] == 0xFF09, e > open + 1 else { return nil }
        return (Array(t[(open + 1)..<e]), open..<(e + 1))
    }

    /// A source label: one to three words of ASCII letters (a hyphen inside one), no digit.
    static func sourceLabel(_ u: Unit) -> String? {
        guard let (x, _) = bracketed(u), x.count <= 24, x.first.map(isASCIILetter) == true,
              x.allSatisfy({ isASCIILetter($0) || $0 == 0x20 || $0 == 0x2D }),
              x.split(separator: 0x20).count <= 3 else { return nil }
        return makeString(x)
    }

    /// A translation's label: one to eight Han characters.
    static func targetLabel(_ u: Unit) -> (String, Range<Int>)? {
        guard let (x, r) = bracketed(u), (1...8).contains(x.count), x.allSatisfy(isHanIdeograph) else { return nil }
        return (makeString(x), r)
    }

    static func find(_ c: FileContext) -> [Flip] {
        guard let p = c.pairing else { return [] }
        var seen: [(label: String, rendering: String, target: Int, range: Range<Int>, source: Int)] = []
        // Labels compared in lowercase, quoted as first written.
        var written: [String: String] = [:]
        for pair in c.consistencyCache.pairs where pair.source.count == 1 && pair.target.count == 1 {
            guard let s = sourceLabel(p.source.units[pair.source[0]]),
                  let (t, r) = targetLabel(c.document.units[pair.target[0]]) else { continue }
            if written[s.lowercased()] == nil { written[s.lowercased()] = s }
            seen.append((s.lowercased(), t, pair.target[0], r, pair.source[0]))
        }
        // Two labels at least, one rendered three times or more: a page's convention to read.
        guard seen.count >= 4 else { return [] }
        var counts: [String: [String: Int]] = [:]
        for x in seen { counts[x.label, default: [:]][x.rendering, default: 0] += 1 }
        guard counts.count >= 2 else { return [] }
        /// The most frequent of `pairs` (ties: the first in text order), if any.
        func most(_ pairs: [(String, Int)]) -> (String, Int)? {
            pairs.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.first
        }
        var out: [Flip] = []
        for x in seen {
            let mine = counts[x.label]![x.rendering]!
            // The label's usual rendering, more often than this one.
            guard let (usual, n) = most(counts[x.label]!.filter { $0.key != x.rendering }.map { ($0.key, $0.value) }), n > mine else { continue }
            // This rendering is another label's, more often than it is this one's, and that
            // label's usual one.
            let others = counts.filter { $0.key != x.label }.compactMap { k, v -> (String, Int)? in
                guard let m = v[x.rendering], most(v.map { ($0.key, $0.value) })?.0 == x.rendering else { return nil }
                return (k, m)
            }
            guard let (other, m) = most(others), m > mine else { continue }
            let label = p.source.units[x.source].text.isEmpty ? x.label : (sourceLabel(p.source.units[x.source]) ?? x.label)
            out.append(Flip(target: x.target, range: x.range, sourceUnit: x.source, label: label, rendering: x.rendering, usual: usual,
                            other: written[other] ?? other))
        }
        return out
    }
}
