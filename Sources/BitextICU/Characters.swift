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
    // One byte per BMP code point: high nibble script, low nibble class. Built once, lazily. The
    // categories come from ICU's ranges of one category; the script is asked of ICU only where it
    // can vary: the blocks of CJK ideographs (3400–4DBF, 4E00–9FFF) are all Han letters and the
    // Hangul syllables (AC00–D7A3) all Hangul letters, and unassigned, private-use and surrogate
    // code points have no script (Unicode's Unknown). Building the table was a tenth of a small
    // file's run; `scriptAndClassOfEveryCodePointAreICUs` checks every entry against ICU.
    private static let table: [UInt8] = {
        var categories = [UInt8](repeating: 0, count: 0x10000)
        categories.withUnsafeMutableBufferPointer { bt_bmp_char_types($0.baseAddress) }
        var classOf = [UInt8](repeating: CharacterClass.other.rawValue, count: 64)
        for t in 0..<64 { classOf[t] = characterClass(category: Int32(t), 0x41).rawValue }
        var hasScript = [Bool](repeating: true, count: 64)
        for t in [U_UNASSIGNED, U_PRIVATE_USE_CHAR, U_SURROGATE] { hasScript[Int(t.rawValue)] = false }
        let letter = CharacterClass.letter.rawValue
        var t = [UInt8](repeating: Script.han.rawValue << 4 | letter, count: 0x10000)
        t.withUnsafeMutableBufferPointer { t in
            for c in 0xAC00...0xD7A3 { t[c] = Script.hangul.rawValue << 4 | letter }
            // Around the Han blocks (left as filled) and the Hangul syllables.
            for c in [0..<0x3400, 0x4DC0..<0x4E00, 0xA000..<0xAC00, 0xD7A4..<0x10000].joined() {
                let category = Int(categories[c] & 63)
                let script = hasScript[category] ? lookupScript(UInt32(c)) : Script.other
                // Tab, line feed and carriage return are the controls that count as space.
                let cls = c == 9 || c == 10 || c == 13 ? CharacterClass.space.rawValue : classOf[category]
                t[c] = script.rawValue << 4 | cls
            }
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
        return script(code: bt_uscript_getScript(Int32(bitPattern: c), &status).rawValue)
    }

    /// bitext's script for ICU's script code (a `UScriptCode`'s raw value: the ICU type stays out
    /// of signatures, which other modules that see Foundation's ICU may read).
    private static func script(code: Int32) -> Script {
        switch code {
        case USCRIPT_HAN.rawValue: return .han
        case USCRIPT_LATIN.rawValue: return .latin
        case USCRIPT_HIRAGANA.rawValue, USCRIPT_KATAKANA.rawValue, USCRIPT_KATAKANA_OR_HIRAGANA.rawValue: return .kana
        case USCRIPT_HANGUL.rawValue: return .hangul
        case USCRIPT_COMMON.rawValue: return .common
        case USCRIPT_INHERITED.rawValue: return .inherited
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
