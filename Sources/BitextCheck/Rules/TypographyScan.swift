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
/// - for `doubled-punctuation`, `script-mix` and `fullwidth-spacing`, the units that hold
///   something they look at (a mark twice, a character of the other script variant, a space
///   beside a full-width mark): each rule runs its own test on those units only.
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
    /// Content ASCII marks that `fullwidth` maps (not letters, digits or space), in order.
    private(set) var halfwidth: [Place] = []
    /// `cjk-spacing` boundaries, in order.
    private(set) var boundaries: [SpacingRule.Boundary] = []
    /// Content characters that are quotation marks of the typography (and `"`), in order.
    private(set) var quotes: [Place] = []

    // Character classes for the spacing boundaries.
    private static let none: UInt8 = 0, han: UInt8 = 1, latin: UInt8 = 2, space: UInt8 = 3, other: UInt8 = 4

    init(_ c: FileContext) {
        let typo = c.settings.typography
        let units = c.document.units
        // ASCII: class, and whether `halfwidth-punctuation` looks at it.
        var asciiClass = [UInt8](repeating: TypographyScan.other, count: 128)
        var halfwidthKey = [Bool](repeating: false, count: 128)
        var asciiQuote = [Bool](repeating: false, count: 128)
        for b in 0..<128 {
            let ch = UInt32(b)
            if isLatinChar(ch) || isASCIIDigit(ch) { asciiClass[b] = TypographyScan.latin }
            if ch == 0x20 { asciiClass[b] = TypographyScan.space }
            if ch > 0x20, !isLatinChar(ch), !isASCIIDigit(ch), typo.fullwidth[ch] != nil { halfwidthKey[b] = true }
        }
        var quoteMarks: Set<UInt32> = [0x22, typo.preferredQuotes.0, typo.preferredQuotes.1, typo.secondaryQuotes.0, typo.secondaryQuotes.1]
        for q in typo.otherQuotes { quoteMarks.insert(q.0); quoteMarks.insert(q.1) }
        for q in quoteMarks where q < 0x80 { asciiQuote[Int(q)] = true }
        let quoteLow = quoteMarks.filter { $0 >= 0x80 }.min() ?? 0, quoteHigh = quoteMarks.max() ?? 0
        let doubled = typo.doubled
        let variants = c.settings.severity(ScriptMixRule()) != nil
        let toolkit = c.toolkit

        for k in units.indices where c.analyses[k].hasHan {
            var f: Flags = []
            units[k].text.withUnsafeBufferPointer { t in
                units[k].roles.withUnsafeBufferPointer { r in
                    let n = t.count
                    var cls1 = TypographyScan.none, cls2 = TypographyScan.none
                    var prev: UInt32 = 0
                    var prevContent = false
                    var prevMark = false
                    for i in 0..<n {
                        let ch = t[i]
                        guard r[i] == .content else {
                            cls2 = cls1; cls1 = TypographyScan.none
                            prev = ch; prevContent = false; prevMark = false
                            continue
                        }
                        var cls: UInt8
                        var mark = false
                        if ch < 0x80 {
                            cls = asciiClass[Int(ch)]
                            if halfwidthKey[Int(ch)] { halfwidth.append(Place(unit: k, index: i)) }
                            if asciiQuote[Int(ch)] { quotes.append(Place(unit: k, index: i)) }
                            // A space beside a full-width mark before it.
                            if ch == 0x20 && prevMark { f.insert(.fullwidthSpacing) }
                        } else if ch >= 0x4E00 && ch <= 0x9FFF {
                            cls = TypographyScan.han
                            if variants && !f.contains(.scriptMix) && toolkit.otherVariant(ch) != nil { f.insert(.scriptMix) }
                        } else {
                            switch Characters.script(ch) {
                            case .han where ch >= 0x2E80:
                                cls = TypographyScan.han
                                if variants && !f.contains(.scriptMix) && toolkit.otherVariant(ch) != nil { f.insert(.scriptMix) }
                            case .latin: cls = TypographyScan.latin
                            default: cls = TypographyScan.other
                            }
                            if ch >= quoteLow && ch <= quoteHigh && quoteMarks.contains(ch) { quotes.append(Place(unit: k, index: i)) }
                            mark = FullwidthSpacingRule.isFullwidthMark(ch)
                            if mark && prevContent && prev == 0x20 { f.insert(.fullwidthSpacing) }
                            if ch >= 0x3000 && ch == prev && prevContent && doubled.contains(ch) { f.insert(.doubled) }
                        }
                        // Han beside a Latin letter or digit, or with one space between.
                        if TypographyScan.crosses(cls1, cls) {
                            boundaries.append(SpacingRule.Boundary(unit: k, index: i, spaced: false))
                        } else if cls1 == TypographyScan.space && TypographyScan.crosses(cls2, cls) {
                            boundaries.append(SpacingRule.Boundary(unit: k, index: i - 1, spaced: true))
                        }
                        cls2 = cls1; cls1 = cls
                        prev = ch; prevContent = true; prevMark = mark
                    }
                }
            }
            if f.contains(.doubled) { doubledUnits.append(k) }
            if f.contains(.scriptMix) { scriptMixUnits.append(k) }
            if f.contains(.fullwidthSpacing) { fullwidthSpacingUnits.append(k) }
        }
    }

    @inline(__always)
    private static func crosses(_ a: UInt8, _ b: UInt8) -> Bool {
        (a == han && b == latin) || (a == latin && b == han)
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
