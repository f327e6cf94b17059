internal import CICU

/// The writing systems bitext tells apart, from ICU's script property.
public enum Script: UInt8, Sendable {
    case han
    case latin
    case kana
    case hangul
    /// Characters shared by all scripts: digits, punctuation, spaces, symbols.
    case common
    /// Combining marks that take the script of what they follow.
    case inherited
    case other
}

/// Broad general categories from ICU's `u_charType`.
public enum CharacterClass: UInt8, Sendable {
    case letter
    case mark
    case digit
    case space
    case punctuation
    case symbol
    case control
    case other
}

/// Per-code-point properties, looked up in ICU and cached for the Basic Multilingual Plane.
public enum Characters {
    // One byte per BMP code point: high nibble script, low nibble class. Built once, lazily.
    // (The categories come from ICU's ranges of one category: asking for each code point cost a
    // third of building the table, which every run does.)
    private static let table: [UInt8] = {
        var categories = [UInt8](repeating: 0, count: 0x10000)
        categories.withUnsafeMutableBufferPointer { bt_bmp_char_types($0.baseAddress) }
        var t = [UInt8](repeating: 0, count: 0x10000)
        for c in 0..<0x10000 {
            t[c] = (lookupScript(UInt32(c)).rawValue << 4) | characterClass(category: Int32(categories[c]), UInt32(c)).rawValue
        }
        return t
    }()

    /// ICU's script of `c`. ASCII and the CJK ideographs are answered inline (callers in other
    /// modules pay no call and no lazy-table check for them); the rest from the table.
    @inlinable
    public static func script(_ c: UInt32) -> Script {
        if c < 0x80 { return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A ? .latin : .common }
        if c >= 0x4E00 && c <= 0x9FFF { return .han }
        return tableScript(c)
    }

    @usableFromInline
    static func tableScript(_ c: UInt32) -> Script {
        if c < 0x10000 { return Script(rawValue: table[Int(c)] >> 4) ?? .other }
        return lookupScript(c)
    }

    /// ICU's broad category of `c`; ASCII letters and digits and the CJK ideographs inline.
    @inlinable
    public static func characterClass(_ c: UInt32) -> CharacterClass {
        if c < 0x80 {
            if (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A { return .letter }
            if c >= 0x30 && c <= 0x39 { return .digit }
        } else if c >= 0x4E00 && c <= 0x9FFF {
            return .letter
        }
        return tableClass(c)
    }

    @usableFromInline
    static func tableClass(_ c: UInt32) -> CharacterClass {
        if c < 0x10000 { return CharacterClass(rawValue: table[Int(c)] & 0x0F) ?? .other }
        return lookupClass(c)
    }

    /// True for characters ICU gives East Asian Width "fullwidth" or "wide" (、，。 and Han).
    public static func isWide(_ c: UInt32) -> Bool {
        let w = bt_u_getIntPropertyValue(Int32(bitPattern: c), UCHAR_EAST_ASIAN_WIDTH)
        return w == Int32(U_EA_FULLWIDTH.rawValue) || w == Int32(U_EA_WIDE.rawValue)
    }

    static func lookupScript(_ c: UInt32) -> Script {
        var status = U_ZERO_ERROR
        let s = bt_uscript_getScript(Int32(bitPattern: c), &status)
        switch s {
        case USCRIPT_HAN: return .han
        case USCRIPT_LATIN: return .latin
        case USCRIPT_HIRAGANA, USCRIPT_KATAKANA, USCRIPT_KATAKANA_OR_HIRAGANA: return .kana
        case USCRIPT_HANGUL: return .hangul
        case USCRIPT_COMMON: return .common
        case USCRIPT_INHERITED: return .inherited
        default: return .other
        }
    }

    static func lookupClass(_ c: UInt32) -> CharacterClass {
        characterClass(category: Int32(bt_u_charType(Int32(bitPattern: c))), c)
    }

    /// The class of `c`, given its general category (a `UCharCategory`).
    static func characterClass(category t: Int32, _ c: UInt32) -> CharacterClass {
        switch t {
        case Int32(U_UPPERCASE_LETTER.rawValue), Int32(U_LOWERCASE_LETTER.rawValue),
            Int32(U_TITLECASE_LETTER.rawValue), Int32(U_MODIFIER_LETTER.rawValue),
            Int32(U_OTHER_LETTER.rawValue):
            return .letter
        case Int32(U_NON_SPACING_MARK.rawValue), Int32(U_ENCLOSING_MARK.rawValue),
            Int32(U_COMBINING_SPACING_MARK.rawValue):
            return .mark
        case Int32(U_DECIMAL_DIGIT_NUMBER.rawValue), Int32(U_LETTER_NUMBER.rawValue),
            Int32(U_OTHER_NUMBER.rawValue):
            return .digit
        case Int32(U_SPACE_SEPARATOR.rawValue), Int32(U_LINE_SEPARATOR.rawValue),
            Int32(U_PARAGRAPH_SEPARATOR.rawValue):
            return .space
        case Int32(U_DASH_PUNCTUATION.rawValue), Int32(U_START_PUNCTUATION.rawValue),
            Int32(U_END_PUNCTUATION.rawValue), Int32(U_CONNECTOR_PUNCTUATION.rawValue),
            Int32(U_OTHER_PUNCTUATION.rawValue), Int32(U_INITIAL_PUNCTUATION.rawValue),
            Int32(U_FINAL_PUNCTUATION.rawValue):
            return .punctuation
        case Int32(U_MATH_SYMBOL.rawValue), Int32(U_CURRENCY_SYMBOL.rawValue),
            Int32(U_MODIFIER_SYMBOL.rawValue), Int32(U_OTHER_SYMBOL.rawValue):
            return .symbol
        case Int32(U_CONTROL_CHAR.rawValue):
            // Tab, newline and carriage return behave as spaces in text.
            return (c == 9 || c == 10 || c == 13) ? .space : .control
        default:
            return .other
        }
    }
}
