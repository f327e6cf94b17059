import BitextMarkdown
import BitextText
import Foundation

/// A name dropped from a list of names the translation keeps (`Thanks to Mira Kovač, Tomás
/// Ibarra, Chen Yufei and Ola Nordmann.` → `感谢 Mira Kovač、Chen Yufei 和 Ola Nordmann。`):
/// contributor lists, author lists, acknowledgements. The sentence reads as translated, and
/// no number or code went with the name.
enum DroppedNames {
    struct Drop {
        /// The source unit and the name's range there.
        var sourceUnit: Int
        var name: Range<Int>
        /// Where the translation would have it: the kept name written after it in the source.
        var targetUnit: Int
        var target: Range<Int>
    }

    /// In a source unit of a confident pair, a list of three names or more, each two or three
    /// capitalised words, split by commas and a last `and` or `&`. Names of it the translation
    /// keeps as written, two or more, set the span it writes the list in (first to last kept
    /// name); a name of the source between them that the translation does not write is dropped
    /// when that span holds fewer items than the source has there, counted by the separators
    /// (``separators(_:_:)``: `、`, `和`, `,`, `and`…): a name written in Chinese (`陈雨菲`) still
    /// counts as an item, and says nothing is missing.
    static func find(_ c: FileContext) -> [Drop] {
        guard let p = c.pairing else { return [] }
        let listSeparators = c.settings.target.listSeparators + c.settings.source.listSeparators
        var out: [Drop] = []
        for pair in c.consistencyCache.pairs where pair.source.count == 1 {
            let su = p.source.units[pair.source[0]]
            // Cheap trigger: two commas or more.
            var commas = 0
            for (i, ch) in su.text.enumerated() where ch == 0x2C && su.roles[i] == .content { commas += 1 }
            guard commas >= 2 else { continue }
            for list in lists(su) where list.count >= 3 {
                let names = list.map { su.string($0) }
                for t in pair.target {
                    let tu = c.document.units[t]
                    guard tu.text.contains(where: isHanIdeograph) else { continue }
                    let text = tu.string
                    // Each name's place in the translation, nil when it is not written there.
                    let found: [Range<String.Index>?] = names.map { text.range(of: $0) }
                    let kept = found.indices.filter { found[$0] != nil }
                    guard kept.count >= 2, kept.count < names.count else { continue }
                    let first = kept.first!, last = kept.last!
                    let inside = (first...last).filter { found[$0] == nil }
                    guard !inside.isEmpty,
                          found[first]!.lowerBound < found[last]!.lowerBound else { continue }
                    let span = text[found[first]!.lowerBound..<found[last]!.upperBound]
                    guard separators(span, listSeparators) + 1 < last - first + 1 else { continue }
                    for i in inside {
                        guard let next = kept.first(where: { $0 > i }), let r = found[next] else { continue }
                        let lo = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: r.lowerBound)
                        let hi = lo + text.unicodeScalars[r].count
                        out.append(Drop(sourceUnit: pair.source[0], name: list[i], targetUnit: t, target: lo..<hi))
                    }
                    break
                }
            }
        }
        return out
    }

    /// Separators of a list's items in `s` (`listSeparators` of the locales: `、`, `，`, `和`,
    /// `,`, `and`, `&`): a word of letters counts only with no letter right before or after it.
    static func separators(_ s: Substring, _ listSeparators: [[UInt32]]) -> Int {
        let t = Array(s.unicodeScalars.map(\.value)), n = t.count
        @inline(__always) func letter(_ i: Int) -> Bool {
            i >= 0 && i < n && (Unicode.Scalar(t[i])?.properties.isAlphabetic ?? false) && !isHanIdeograph(t[i])
        }
        var count = 0
        var i = 0
        while i < n {
            var matched = 0
            for w in listSeparators where w.count <= n - i && w.count > matched {
                var same = true
                for (j, c) in w.enumerated() where (t[i + j] >= 0x41 && t[i + j] <= 0x5A ? t[i + j] | 0x20 : t[i + j]) != c { same = false; break }
                // A word (`and`) only as a word of its own, not inside `Anderson` or `brand`.
                if same && letter(i) && (letter(i - 1) || letter(i + w.count)) { same = false }
                if same { matched = w.count }
            }
            if matched > 0 { count += 1; i += matched } else { i += 1 }
        }
        return count
    }

    /// The lists of names of a unit's prose: runs of two or more items (two or three
    /// capitalised words each) split by `,` or by `and` / `&` (`, and` too), as ranges.
    static func lists(_ u: BitextMarkdown.Unit) -> [[Range<Int>]] {
        let t = u.text, n = t.count
        @inline(__always) func letter(_ c: UInt32) -> Bool {
            ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) || (c >= 0xC0 && c < 0x250 && c != 0xD7 && c != 0xF7)
        }
        func upper(_ c: UInt32) -> Bool {
            c < 0x80 ? c >= 0x41 && c <= 0x5A : c >= 0xC0 && c < 0x250 && (Unicode.Scalar(c)?.properties.isUppercase ?? false)
        }
        // Words of the prose: (range, capitalised, followed by a comma, by a mark that ends a clause).
        var words: [(range: Range<Int>, capitalised: Bool, comma: Bool, stop: Bool)] = []
        var k = 0
        while k < n {
            guard u.roles[k] == .content, letter(t[k]) || t[k] == 0x26 else { k += 1; continue }
            var e = k + 1
            if t[k] != 0x26 {
                while e < n && u.roles[e] == .content && (letter(t[e]) || ((t[e] == 0x27 || t[e] == 0x2019 || t[e] == 0x2D) && e + 1 < n && letter(t[e + 1]))) { e += 1 }
            }
            // A word glued to a digit or another script is none of a name.
            let glued = e < n && !(t[e] == 0x20 || t[e] == 0x2C || t[e] == 0x2E || t[e] == 0x3B || t[e] == 0x0A || t[e] == 0x29 || t[e] == 0x3A)
            var capitalised = upper(t[k]) && e - k >= 2 && !glued
            if capitalised { for i in (k + 1)..<e where upper(t[i]) && t[i - 1] != 0x2D && t[i - 1] != 0x27 { capitalised = false } }
            let stop = e < n && (t[e] == 0x2E || t[e] == 0x3B || t[e] == 0x29 || t[e] == 0x3A)
            words.append((k..<e, capitalised, e < n && t[e] == 0x2C, stop))
            k = e
        }
        func isAnd(_ w: Range<Int>) -> Bool {
            (w.count == 1 && t[w.lowerBound] == 0x26) || (w.count == 3 && t[w.lowerBound] == 0x61 && t[w.lowerBound + 1] == 0x6E && t[w.lowerBound + 2] == 0x64)
        }
        var out: [[Range<Int>]] = []
        var current: [Range<Int>] = []
        var i = 0
        while i < words.count {
            // An item: two or three capitalised words, none with a comma before the last.
            var j = i
            while j < words.count && words[j].capitalised && j - i < 3 {
                j += 1
                if words[j - 1].comma || words[j - 1].stop { break }
            }
            let count = j - i
            guard count >= 2, j == words.count || words[j - 1].comma || words[j - 1].stop || isAnd(words[j].range) || !words[j].capitalised else {
                if current.count >= 3 { out.append(current) }
                current = []
                i = max(j, i + 1)
                continue
            }
            current.append(words[i].range.lowerBound..<words[j - 1].range.upperBound)
            if words[j - 1].comma {
                // `, and` goes on to the next item.
                i = j < words.count && isAnd(words[j].range) ? j + 1 : j
            } else if !words[j - 1].stop && j < words.count && isAnd(words[j].range) {
                i = j + 1
            } else {
                if current.count >= 3 { out.append(current) }
                current = []
                i = j
            }
        }
        if current.count >= 3 { out.append(current) }
        return out
    }
}
