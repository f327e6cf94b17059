import BitextICU
import BitextMarkdown
import BitextText

/// One pass over the content characters of a file's Chinese units, shared by the typography
/// rules (`halfwidth-punctuation`, `cjk-spacing`, `quote-style`, `doubled-punctuation`,
/// `script-mix`, `fullwidth-spacing`), instead of one pass per rule. Each character is
/// classified once, by a table for ASCII and a range test for the CJK ideographs; what the pass
/// keeps is what the rules start from:
///
/// - the candidates of `halfwidth-punctuation` (ASCII marks the typography maps to full-width);
/// - the boundaries of `cjk-spacing` (Han beside a Latin letter or digit, with or without a space);
/// - every quotation mark of `quote-style`;
/// - for `doubled-punctuation`, `script-mix`, `fullwidth-spacing` and `unrendered-emphasis`, the
///   units that hold something they look at (a mark twice, a character of the other script
///   variant, a space beside a full-width mark, a literal asterisk): each rule runs its own test
///   on those units only.
///
/// Every kept condition is the exact condition the rule tests first, so a unit not kept gives
/// the rule nothing (the rules' examples and the corpus comparison with the per-rule passes
/// check it).
final class TypographyScan {
    struct Flags: OptionSet {
        let rawValue: UInt8
        static let doubled = Flags(rawValue: 1)
        static let scriptMix = Flags(rawValue: 2)
        static let fullwidthSpacing = Flags(rawValue: 4)
        static let asterisk = Flags(rawValue: 8)
    }

    /// A character of a unit.
    struct Place {
        var unit: Int
        var index: Int
    }

    /// Units with each flag, in order.
    private(set) var doubledUnits: [Int] = []
    private(set) var scriptMixUnits: [Int] = []
    private(set) var fullwidthSpacingUnits: [Int] = []
    /// Units with an asterisk in their text (not markup): for `unrendered-emphasis`.
    private(set) var asteriskUnits: [Int] = []
    /// Content ASCII marks that `fullwidth` maps (not letters, digits or space), in order.
    private(set) var halfwidth: [Place] = []
    /// `cjk-spacing` boundaries, in order.
    private(set) var boundaries: [SpacingRule.Boundary] = []
    /// Content characters that are quotation marks of the typography (and `"`), in order.
    private(set) var quotes: [Place] = []

    // Character classes for the spacing boundaries, as bits: Han and Latin cross when the two
    // classes together are `han | latin`.
    private static let none: UInt8 = 0, han: UInt8 = 1, latin: UInt8 = 2, space: UInt8 = 4, other: UInt8 = 8
    // ASCII table bits beside the class.
    private static let halfwidthBit: UInt8 = 0x10, quoteBit: UInt8 = 0x20, classBits: UInt8 = 0x0F

    /// What the pass reads of the typography settings, made once per ``Toolkit`` (the settings
    /// are the checker's), not for every file.
    struct Tables {
        /// ASCII: class, whether `halfwidth-punctuation` looks at it, whether it is a quotation mark.
        let ascii: [UInt8]
        /// The typography's quotation marks and `"`; the range of those beyond ASCII.
        let quoteMarks: Set<UInt32>
        let quoteLow: UInt32, quoteHigh: UInt32

        init(_ typo: Typography) {
            var ascii = [UInt8](repeating: TypographyScan.other, count: 128)
            for b in 0..<128 {
                let ch = UInt32(b)
                if isLatinChar(ch) || isASCIIDigit(ch) { ascii[b] = TypographyScan.latin }
                if ch == 0x20 { ascii[b] = TypographyScan.space }
                if ch > 0x20, !isLatinChar(ch), !isASCIIDigit(ch), typo.fullwidth[ch] != nil { ascii[b] |= TypographyScan.halfwidthBit }
            }
            var quoteMarks: Set<UInt32> = [0x22, typo.preferredQuotes.0, typo.preferredQuotes.1, typo.secondaryQuotes.0, typo.secondaryQuotes.1]
            for q in typo.otherQuotes { quoteMarks.insert(q.0); quoteMarks.insert(q.1) }
            for q in quoteMarks where q < 0x80 { ascii[Int(q)] |= TypographyScan.quoteBit }
            self.ascii = ascii
            self.quoteMarks = quoteMarks
            quoteLow = quoteMarks.filter { $0 >= 0x80 }.min() ?? 0
            quoteHigh = quoteMarks.max() ?? 0
        }
    }

    init(_ c: FileContext) {
        let typo = c.settings.typography
        let units = c.document.units, analyses = c.analyses
        let tables = c.toolkit.typographyTables
        let quoteMarks = tables.quoteMarks, quoteLow = tables.quoteLow, quoteHigh = tables.quoteHigh
        let doubled = typo.doubled
        let variants = c.settings.severity(ScriptMixRule()) != nil
        let toolkit = c.toolkit
        let han = TypographyScan.han, latin = TypographyScan.latin, space = TypographyScan.space
        // Gathered in locals (an append to a stored property of a class is an access checked at
        // run time), stored at the end.
        var doubledUnits: [Int] = [], scriptMixUnits: [Int] = [], fullwidthSpacingUnits: [Int] = [], asteriskUnits: [Int] = []
        var halfwidth: [Place] = [], boundaries: [SpacingRule.Boundary] = [], quotes: [Place] = []

        tables.ascii.withUnsafeBufferPointer { table in
        for k in units.indices where analyses[k].hasHan {
            var f: Flags = []
            units[k].text.withUnsafeBufferPointer { t in
                units[k].roles.withUnsafeBufferPointer { r in
                    let n = t.count
                    var cls1 = TypographyScan.none, cls2 = TypographyScan.none
                    var prev: UInt32 = 0
                    var prevContent = false
                    var prevMark = false
                    var i = 0
                    while i < n {
                        defer { i += 1 }
                        let ch = t[i]
                        guard r[i] == .content else {
                            // Code, URLs and markup: skipped as a run.
                            var j = i + 1
                            while j < n && r[j] != .content { j += 1 }
                            // Han beside inline code (its backtick or, in HTML's <code>, its code), or
                            // with one space between: boundaries of their own kind (a file may space
                            // code and not names, or the reverse). Only the span's own sides: not a
                            // tag or emphasis around it.
                            let opens = t[i] == 0x60 || r[i] == .code, closes = t[j - 1] == 0x60 || r[j - 1] == .code
                            if opens || closes {
                                if opens && cls1 == han {
                                    boundaries.append(SpacingRule.Boundary(unit: k, index: i, spaced: false, code: true))
                                } else if opens && cls1 == space && cls2 == han {
                                    boundaries.append(SpacingRule.Boundary(unit: k, index: i - 1, spaced: true, code: true))
                                }
                                if closes && j < n && r[j] == .content {
                                    if isHanIdeograph(t[j]) {
                                        boundaries.append(SpacingRule.Boundary(unit: k, index: j, spaced: false, code: true))
                                    } else if t[j] == 0x20 && j + 1 < n && r[j + 1] == .content && isHanIdeograph(t[j + 1]) {
                                        boundaries.append(SpacingRule.Boundary(unit: k, index: j, spaced: true, code: true))
                                    }
                                }
                            }
                            cls2 = j > i + 1 ? TypographyScan.none : cls1
                            cls1 = TypographyScan.none
                            prev = t[j - 1]; prevContent = false; prevMark = false
                            i = j - 1
                            continue
                        }
                        var cls: UInt8
                        var mark = false
                        if ch < 0x80 {
                            let bits = table[Int(ch)]
                            cls = bits & TypographyScan.classBits
                            if bits & TypographyScan.halfwidthBit != 0 { halfwidth.append(Place(unit: k, index: i)) }
                            if bits & TypographyScan.quoteBit != 0 { quotes.append(Place(unit: k, index: i)) }
                            // A space beside a full-width mark before it.
                            if ch == 0x20 && prevMark { f.insert(.fullwidthSpacing) }
                            if ch == 0x2A { f.insert(.asterisk) }
                            // The ASCII letters and digits after a letter or digit that is no
                            // boundary: nothing to look at (Latin beside Latin is no boundary).
                            if cls == latin && cls1 | cls != han | latin && !(cls1 == space && cls2 | cls == han | latin) {
                                var j = i + 1
                                while j < n, r[j] == .content, t[j] < 0x80, table[Int(t[j])] & TypographyScan.classBits == latin { j += 1 }
                                if j > i + 1 {
                                    cls2 = latin; cls1 = latin
                                    prev = t[j - 1]; prevContent = true; prevMark = false
                                    i = j - 1
                                    continue
                                }
                            }
                        } else if ch >= 0x4E00 && ch <= 0x9FFF {
                            cls = han
                            if variants && !f.contains(.scriptMix) && toolkit.otherVariant(ch) != nil { f.insert(.scriptMix) }
                            // The CJK ideographs after it: nothing but the variant to look at (Han
                            // beside Han is no boundary, and none of them is a mark).
                            if cls1 | cls != han | latin && !(cls1 == space && cls2 | cls == han | latin) {
                                var j = i + 1
                                while j < n, r[j] == .content, t[j] >= 0x4E00, t[j] <= 0x9FFF {
                                    if variants && !f.contains(.scriptMix) && toolkit.otherVariant(t[j]) != nil { f.insert(.scriptMix) }
                                    j += 1
                                }
                                if j > i + 1 {
                                    cls2 = han; cls1 = han
                                    prev = t[j - 1]; prevContent = true; prevMark = false
                                    i = j - 1
                                    continue
                                }
                            }
                        } else {
                            switch Characters.script(ch) {
                            case .han where ch >= 0x2E80:
                                cls = han
                                if variants && !f.contains(.scriptMix) && toolkit.otherVariant(ch) != nil { f.insert(.scriptMix) }
                            case .latin: cls = latin
                            default: cls = TypographyScan.other
                            }
                            if ch >= quoteLow && ch <= quoteHigh && quoteMarks.contains(ch) { quotes.append(Place(unit: k, index: i)) }
                            mark = FullwidthSpacingRule.isFullwidthMark(ch)
                            if mark && prevContent && prev == 0x20 { f.insert(.fullwidthSpacing) }
                            if ch >= 0x3000 && ch == prev && prevContent && doubled.contains(ch) { f.insert(.doubled) }
                        }
                        // Han beside a Latin letter or digit, or with one space between.
                        if cls1 | cls == han | latin {
                            boundaries.append(SpacingRule.Boundary(unit: k, index: i, spaced: false, code: false))
                        } else if cls1 == space && cls2 | cls == han | latin {
                            boundaries.append(SpacingRule.Boundary(unit: k, index: i - 1, spaced: true, code: false))
                        }
                        cls2 = cls1; cls1 = cls
                        prev = ch; prevContent = true; prevMark = mark
                    }
                }
            }
            if f.contains(.doubled) { doubledUnits.append(k) }
            if f.contains(.scriptMix) { scriptMixUnits.append(k) }
            if f.contains(.fullwidthSpacing) { fullwidthSpacingUnits.append(k) }
            if f.contains(.asterisk) { asteriskUnits.append(k) }
        }
        }
        (self.doubledUnits, self.scriptMixUnits, self.fullwidthSpacingUnits, self.asteriskUnits) = (doubledUnits, scriptMixUnits, fullwidthSpacingUnits, asteriskUnits)
        (self.halfwidth, self.boundaries, self.quotes) = (halfwidth, boundaries, quotes)
    }
}

extension FileContext {
    /// The file's typography scan, made on first use (``TypographyScan``).
    var typographyScan: TypographyScan {
        if let s = typography { return s }
        let s = TypographyScan(self)
        typography = s
        return s
    }
}
