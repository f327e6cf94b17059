/// The marker line of an MkDocs container, as the extensions' own patterns read one:
/// Python-Markdown's admonitions (`!!!` and type words, then a title in quotes or not), the
/// collapsible blocks of pymdownx.details (`???` or `???+`, type words, a title or both) and the
/// content tabs of pymdownx.tabbed (`===`, `===!`, `===+` or both, and a title). Type words are
/// letters, digits, `_` and `-`, separated by spaces (`!!! note annotate "Title"`: two); the
/// title runs from the first quote after them to the line's last character, a quote.
///
/// The one grammar of these lines: ``IndentedContainers`` finds the containers with it in the
/// bytes cmark-gfm parses, ``TextMasks`` marks the syntax of such a line in a unit's text with it.
/// Generic over the code units (UTF-8 bytes, Unicode scalars): the syntax is ASCII.
struct MkDocsMarkerLine {
    enum Kind { case admonition, details, tab }

    let kind: Kind
    /// The first type word (empty where there is none: a tab, `??? "Title"`).
    let firstWord: Range<Int>
    /// The title between its quotes (without them), when the line has one.
    let title: Range<Int>?

    /// The marker line from `i` (its first character) to `end` (its text's end, without the
    /// line break and trailing spaces), if it is one.
    init?<C: RandomAccessCollection>(_ b: C, _ i: Int, _ end: Int) where C.Index == Int, C.Element: FixedWidthInteger {
        guard end - i >= 3 else { return nil }
        let c = b[i]
        guard c == 0x21 || c == 0x3F || c == 0x3D, b[i + 1] == c, b[i + 2] == c, i + 3 == end || b[i + 3] != c else { return nil }
        var j = i + 3
        switch c {
        case 0x21:
            kind = .admonition
        case 0x3F:
            kind = .details
            if j < end && b[j] == 0x2B { j += 1 }
        default:
            kind = .tab
            // `===!` starts a new set of tabs, `===+` selects one; both may be given.
            if j < end && b[j] == 0x21 { j += 1 }
            if j < end && b[j] == 0x2B { j += 1 }
            if j < end && b[j] == 0x21 && b[j - 1] == 0x2B { j += 1 }
        }
        // Type words, separated by spaces; the first may follow the marker without one.
        var words = 0
        var first = j..<j
        while true {
            var k = j
            while k < end && b[k] == 0x20 { k += 1 }
            guard k > j || (words == 0 && j < end && b[j] != 0x22) else { break }
            let wordStart = k
            while k < end && MkDocsMarkerLine.isWordCharacter(b[k]) { k += 1 }
            guard k > wordStart, k == end || b[k] == 0x20 else { break }
            // A tab has a title and no type words.
            if kind == .tab { return nil }
            if words == 0 { first = wordStart..<k }
            words += 1
            j = k
        }
        while j < end && b[j] == 0x20 { j += 1 }
        firstWord = first
        if j == end {
            // No title: the type words alone (an admonition's or a collapsible block's).
            guard kind != .tab, words > 0 else { return nil }
            title = nil
            return
        }
        // A title: from a quote to the last character of the line, a quote.
        guard b[j] == 0x22, end - j >= 2, b[end - 1] == 0x22 else { return nil }
        guard kind != .admonition || words > 0 else { return nil }
        title = (j + 1)..<(end - 1)
    }

    private static func isWordCharacter<E: FixedWidthInteger>(_ x: E) -> Bool {
        x == 0x5F || x == 0x2D || (x >= 0x30 && x <= 0x39) || (x | 0x20 >= 0x61 && x | 0x20 <= 0x7A)
    }
}
