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
        /// Where the translation would have it: the kept name written after it in the source,
        /// or before it when none is (`after`).
        var targetUnit: Int
        var target: Range<Int>
        var after = false
    }

    /// In a source unit of a confident pair, a list of two names or more, each two or three
    /// capitalised words, split by commas and a last `and` or `&`. Names of it the translation
    /// keeps as written set the span it writes the list in (first to last kept name); a name of
    /// the source between them that the translation does not write is dropped when that span
    /// holds fewer items than the source has there, counted by the separators
    /// (``separators(_:_:)``: `、`, `和`, `,`, `and`…): a name written in Chinese (`陈雨菲`) still
    /// counts as an item, and says nothing is missing. A name before the first kept one (after
    /// the last) is dropped when no separator touches the kept name on that side: `感谢 Priya
    /// Raman 审查` for `Daniel Okafor and Priya Raman`, where `奥卡福和 Priya Raman` has an item.
    static func find(_ c: FileContext) -> [Drop] {
        guard let p = c.pairing else { return [] }
        let listSeparators = c.settings.target.listSeparators + c.settings.source.listSeparators
        var out: [Drop] = []
        for pair in c.consistencyCache.pairs where pair.source.count == 1 {
            let su = p.source.units[pair.source[0]]
            // Cheap trigger: a comma, an `and` or a `&` (two names need no comma).
            guard mayList(su) else { continue }
            for list in lists(su) {
                let names = list.map { su.string($0) }
                for t in pair.target {
                    let tu = c.document.units[t]
                    guard tu.text.contains(where: isHanIdeograph) else { continue }
                    let text = tu.string
                    // Each name's place in the translation, nil when it is not written there.
                    let found: [Range<String.Index>?] = names.map { text.range(of: $0) }
                    let kept = found.indices.filter { found[$0] != nil }
                    guard !kept.isEmpty, kept.count < names.count else { continue }
                    // The kept names in the source's order, else the list is written another way.
                    guard zip(kept, kept.dropFirst()).allSatisfy({ found[$0.0]!.lowerBound < found[$0.1]!.lowerBound }) else { break }
                    let first = kept.first!, last = kept.last!
                    // A name one of whose own words the translation writes is written another
                    // way (`Kovač`, `修改 Component Token` for `Modify Component Token`).
                    let keptWords = Set(kept.flatMap { names[$0].split(separator: " ") })
                    func written(_ i: Int) -> Bool {
                        names[i].split(separator: " ").contains { !keptWords.contains($0) && containsWord(text, $0) }
                    }
                    func drop(_ i: Int, at r: Range<String.Index>, after: Bool = false) {
                        guard !written(i) else { return }
                        let lo = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: r.lowerBound)
                        let hi = lo + text.unicodeScalars[r].count
                        out.append(Drop(sourceUnit: pair.source[0], name: list[i], targetUnit: t, target: lo..<hi, after: after))
                    }
                    let inside = (first...last).filter { found[$0] == nil }
                    if !inside.isEmpty,
                       separators(text[found[first]!.lowerBound..<found[last]!.upperBound], listSeparators) + 1 < last - first + 1 {
                        for i in inside {
                            guard let next = kept.first(where: { $0 > i }), let r = found[next] else { continue }
                            drop(i, at: r)
                        }
                    }
                    // Beyond the first or last kept name, a separator on that side says another
                    // item is there; beside a lone kept name on either side (the translation may
                    // put the names in another order: `Priya Raman 和奥卡福`).
                    let before = touchesSeparator(text[..<found[first]!.lowerBound], before: true, listSeparators)
                    let after = touchesSeparator(text[found[last]!.upperBound...], before: false, listSeparators)
                    let lone = kept.count == 1 && (before || after)
                    if first > 0 && !before && !lone {
                        for i in 0..<first { drop(i, at: found[first]!) }
                    }
                    if last < names.count - 1 && !after && !lone {
                        for i in (last + 1)..<names.count { drop(i, at: found[last]!, after: true) }
                    }
                    break
                }
            }
        }
        return out
    }

    /// Whether `text` has `word` as a word of its own (no Latin letter right before or after).
    static func containsWord(_ text: String, _ word: Substring) -> Bool {
        func letter(_ c: Character?) -> Bool { c.map { $0.isLetter && !$0.unicodeScalars.contains(where: { isHanIdeograph($0.value) }) } ?? false }
        var from = text.startIndex
        while let r = text.range(of: word, range: from..<text.endIndex) {
            let before = r.lowerBound > text.startIndex ? text[text.index(before: r.lowerBound)] : nil
            let after = r.upperBound < text.endIndex ? text[r.upperBound] : nil
            if !letter(before) && !letter(after) { return true }
            from = r.upperBound
        }
        return false
    }

    /// Whether a unit's prose has a comma, an `&` or an `and`: the cheap trigger of a list.
    static func mayList(_ u: BitextMarkdown.Unit) -> Bool {
        let t = u.text, n = t.count
        var i = 0
        while i < n {
            let ch = t[i]
            if u.roles[i] == .content {
                if ch == 0x2C || ch == 0x26 { return true }
                if ch == 0x20 && i + 4 < n && t[i + 1] == 0x61 && t[i + 2] == 0x6E && t[i + 3] == 0x64 && t[i + 4] == 0x20 { return true }
            }
            i += 1
        }
        return false
    }

    /// Whether the text right before a kept name (`before`) or right after it, past spaces,
    /// is a list separator: another item of the list stands there.
    static func touchesSeparator(_ s: Substring, before: Bool, _ listSeparators: [[UInt32]]) -> Bool {
        var v = s.unicodeScalars.map(\.value)
        while let e = before ? v.last : v.first, e == 0x20 || e == 0xA0 || e == 0x3000 {
            if before { v.removeLast() } else { v.removeFirst() }
        }
        guard !v.isEmpty else { return false }
        let edge = before ? Array(v.suffix(8)) : Array(v.prefix(8))
        let head = before ? edge.reversed() : edge
        // A separator of letters (`and`) only as a word of its own.
        func letter(_ c: UInt32) -> Bool { (Unicode.Scalar(c)?.properties.isAlphabetic ?? false) && !isHanIdeograph(c) }
        for w in listSeparators where w.count <= head.count {
            let word = before ? Array(w.reversed()) : w
            var same = true
            for (j, ch) in word.enumerated() where (head[j] >= 0x41 && head[j] <= 0x5A ? head[j] | 0x20 : head[j]) != ch { same = false; break }
            if same && letter(w[0]) && w.count < head.count && letter(head[w.count]) { same = false }
            if same { return true }
        }
        return false
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

    /// The lists of names of a unit's prose: runs of three or more items (two or three
    /// capitalised words each) split by `,` or by `and` / `&` (`, and` too), or two items
    /// joined by `and` / `&`, as ranges.
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
        // Whether the join before the next item, and before the last one taken, is `and`: two
        // items are a list only so (`Dana Whitfield, Chief Executive Officer` is one name and
        // its title).
        var joinAnd = false, lastJoinAnd = false
        func close() {
            if current.count >= 3 || (current.count == 2 && lastJoinAnd) { out.append(current) }
            current = []
            joinAnd = false
        }
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
                close()
                i = max(j, i + 1)
                continue
            }
            current.append(words[i].range.lowerBound..<words[j - 1].range.upperBound)
            lastJoinAnd = joinAnd
            if words[j - 1].comma {
                // `, and` goes on to the next item.
                joinAnd = j < words.count && isAnd(words[j].range)
                i = joinAnd ? j + 1 : j
            } else if !words[j - 1].stop && j < words.count && isAnd(words[j].range) {
                joinAnd = true
                i = j + 1
            } else {
                close()
                i = j
            }
        }
        close()
        return out
    }
}
