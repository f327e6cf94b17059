import BitextMarkdown

/// GitHub task-list boxes (`- [ ] CI is green`, `- [x] Docs updated`), which cmark-gfm's
/// tasklist extension takes out of the item's text: read from the item's first line.
enum TaskBoxes {
    /// The box that opens list item unit `k` as written on its line (`[ ]` or `[x]`), or nil.
    static func box(_ d: Document, _ k: Int) -> String? {
        guard var i = afterMarker(d, k) else { return nil }
        let b = d.source.bytes, end = d.source.lineByteRange(d.units[k].start.line).upperBound
        while i < end && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
        guard i + 3 < end, b[i] == 0x5B, b[i + 2] == 0x5D, b[i + 3] == 0x20 || b[i + 3] == 0x09 else { return nil }
        switch b[i + 1] {
        case 0x20: return "[ ]"
        case 0x78, 0x58: return "[x]"
        default: return nil
        }
    }

    /// The number of an ordered list's first item (`4.` in `4. 安静坐好。`): what the list
    /// starts at when rendered. Nil for an unordered item, a later paragraph of an item, or an
    /// item after another of its list (whose number no renderer shows).
    static func listStart(_ d: Document, _ k: Int) -> Int? {
        guard case .listItem(let depth) = d.units[k].kind, afterMarker(d, k) != nil else { return nil }
        if k > 0, case .listItem(let before) = d.units[k - 1].kind, before >= depth { return nil }
        let b = d.source.bytes
        var i = d.source.lineByteRange(d.units[k].start.line).lowerBound
        let end = d.source.lineByteRange(d.units[k].start.line).upperBound
        while i < end && (b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x3E) { i += 1 }
        var n = 0, digits = 0
        while i < end && b[i] >= 0x30 && b[i] <= 0x39 && digits < 9 { n = n * 10 + Int(b[i] - 0x30); i += 1; digits += 1 }
        return digits > 0 ? n : nil
    }

    /// Where list item unit `k`'s line goes on after the item's marker (`-`, `*`, `+`, `1.`,
    /// `1)`, after indentation and quote markers) and the space after it: nil when its line
    /// holds no marker (a later paragraph of an item).
    static func afterMarker(_ d: Document, _ k: Int) -> Int? {
        guard case .listItem = d.units[k].kind else { return nil }
        let b = d.source.bytes
        var i = d.source.lineByteRange(d.units[k].start.line).lowerBound
        let end = d.source.lineByteRange(d.units[k].start.line).upperBound
        while i < end && (b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x3E) { i += 1 }
        if i < end && (b[i] == 0x2D || b[i] == 0x2A || b[i] == 0x2B) {
            i += 1
        } else {
            let digits = i
            while i < end && b[i] >= 0x30 && b[i] <= 0x39 { i += 1 }
            guard i > digits, i < end, b[i] == 0x2E || b[i] == 0x29 else { return nil }
            i += 1
        }
        guard i < end, b[i] == 0x20 || b[i] == 0x09 else { return nil }
        return i
    }
}
