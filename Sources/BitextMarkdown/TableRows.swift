/// Lines of a document read as GFM table rows, whether or not cmark-gfm made a table of them:
/// the bilingual checks compare a translated table's rows with the source's, and tell a table
/// the translation broke (its header or delimiter row lost) from a paragraph.
public enum TableRows {
    /// Whether line `n` holds a pipe and some text (a quote's `>` aside).
    public static func isRow(_ source: SourceText, _ n: Int) -> Bool {
        let raw = source.scalars(source.lineByteRange(n))
        return raw.contains(0x7C) && raw.contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x3E }
    }

    /// Whether line `n` is a delimiter row (`|---|:--:|`).
    public static func isDelimiterRow(_ source: SourceText, _ n: Int) -> Bool {
        let raw = source.scalars(source.lineByteRange(n))
        return raw.contains(0x2D) && raw.allSatisfy { $0 == 0x7C || $0 == 0x2D || $0 == 0x3A || $0 == 0x20 || $0 == 0x09 || $0 == 0x3E }
    }

    /// The cells of line `n` as written, untrimmed, by column: split at pipes outside code spans
    /// and escapes, less the leading and trailing pipe (and a quote's `>` before it).
    public static func cells(_ source: SourceText, _ n: Int) -> [[UInt32]] {
        var raw = source.scalars(source.lineByteRange(n))[...]
        while let f = raw.first, f == 0x20 || f == 0x09 || f == 0x3E { raw = raw.dropFirst() }
        while let l = raw.last, l == 0x20 || l == 0x09 || l == 0x0D { raw = raw.dropLast() }
        if raw.first == 0x7C { raw = raw.dropFirst() }
        var cells: [[UInt32]] = [[]]
        var code = false
        var previous: UInt32 = 0
        for ch in raw {
            if ch == 0x60 { code.toggle() }
            if ch == 0x7C && !code && previous != 0x5C { cells.append([]) } else { cells[cells.count - 1].append(ch) }
            previous = ch
        }
        // The trailing pipe closes the last cell (an escaped one is the cell's text).
        if cells.count > 1 && cells.last!.isEmpty { cells.removeLast() }
        return cells
    }

    /// Whether the lines of a paragraph are table rows cmark-gfm did not read as a table: two
    /// lines or more, each opening with a pipe, with a delimiter row among them or the same
    /// number of cells (two or more) on every line. A table whose header row was dropped (it
    /// then opens with its delimiter row) or whose delimiter row was, or does not match the
    /// header's columns, is such a paragraph.
    public static func isBrokenTable(_ source: SourceText, lines: ClosedRange<Int>) -> Bool {
        guard lines.count >= 2, lines.upperBound <= source.lineCount else { return false }
        // Most paragraphs fail here, on the first line's first byte, before any line is decoded.
        let r = source.lineByteRange(lines.lowerBound)
        var i = r.lowerBound
        while i < r.upperBound && (source.bytes[i] == 0x20 || source.bytes[i] == 0x09 || source.bytes[i] == 0x3E) { i += 1 }
        guard i < r.upperBound, source.bytes[i] == 0x7C else { return false }
        var delimiter = false
        var count: Int? = nil, sameCount = true
        for n in lines {
            let raw = source.scalars(source.lineByteRange(n))
            guard let first = raw.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x3E }), raw[first] == 0x7C else { return false }
            if isDelimiterRow(source, n) { delimiter = true; continue }
            let k = cells(source, n).count
            if count == nil { count = k } else if count != k { sameCount = false }
        }
        return delimiter || (sameCount && (count ?? 0) >= 2)
    }
}
