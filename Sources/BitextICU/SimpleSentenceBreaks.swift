internal import CICU

/// Sentence boundaries of text made only of ASCII, Han, kana and common CJK and general
/// punctuation, computed without ICU's rule engine: the same boundaries as ICU's sentence
/// iterator for the root rules (UAX #29 SB6–SB11), which a test checks on every corpus file and
/// on generated text in every locale bitext uses.
///
/// Characters are classed by ICU's own `Sentence_Break` property (read once per character of
/// the handled set); text holding anything else — a character outside the set, or one of class
/// Extend, Format, Sep, CR or LF, whose rules this does not implement — goes to ICU. For a
/// locale with suppressions (`@ss=standard`: no break after `e.g.`), text holding an ATerm (`.`)
/// goes to ICU too.
enum SimpleSentenceBreaks {
    /// Sentence_Break classes this handles; `outside` for the rest.
    enum Class: UInt8 {
        case outside = 0, other, sp, lower, upper, oLetter, numeric, aTerm, sTerm, close, sContinue
    }

    /// Blocks whose classes are read from ICU: ASCII, general punctuation, CJK symbols and
    /// punctuation, kana, full-width forms.
    static let blocks: [ClosedRange<UInt32>] = [0x00...0x7F, 0x2000...0x206F, 0x3000...0x30FF, 0xFF00...0xFFEF]

    /// The class of every code point of `blocks`, from ICU (`outside` for the classes not handled).
    private static let table: [Class] = {
        var t = [Class](repeating: .outside, count: 0x10000)
        for block in blocks {
            for c in block { t[Int(c)] = icuClass(c) }
        }
        return t
    }()

    /// ICU's Sentence_Break class of `c`, as far as handled here.
    static func icuClass(_ c: UInt32) -> Class {
        let v = bt_u_getIntPropertyValue(Int32(bitPattern: c), UCHAR_SENTENCE_BREAK)
        switch v {
        case Int32(U_SB_OTHER.rawValue): return .other
        case Int32(U_SB_SP.rawValue): return .sp
        case Int32(U_SB_LOWER.rawValue): return .lower
        case Int32(U_SB_UPPER.rawValue): return .upper
        case Int32(U_SB_OLETTER.rawValue): return .oLetter
        case Int32(U_SB_NUMERIC.rawValue): return .numeric
        case Int32(U_SB_ATERM.rawValue): return .aTerm
        case Int32(U_SB_STERM.rawValue): return .sTerm
        case Int32(U_SB_CLOSE.rawValue): return .close
        case Int32(U_SB_SCONTINUE.rawValue): return .sContinue
        default: return .outside  // Extend, Format, Sep, CR, LF
        }
    }

    /// The class of `c` as this uses it: the table's for its blocks, OLetter for the CJK
    /// ideographs (extension A and the unified block), `outside` for the rest.
    @inline(__always)
    static func classOf(_ c: UInt16, _ table: UnsafeBufferPointer<Class>) -> Class {
        if (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) { return .oLetter }
        return table[Int(c)]
    }

    /// Boundaries of `text` (UTF-16) from 0 to `text.count`, or nil when the text holds a
    /// character this does not handle (or an ATerm when `suppressions`).
    static func boundaries(_ text: UnsafeBufferPointer<UInt16>, suppressions: Bool, classes: inout [UInt8]) -> [Int]? {
        let n = text.count
        if classes.count < n { classes = [UInt8](repeating: 0, count: max(n, 2 * classes.count)) }
        let table = self.table
        let terminators = classes.withUnsafeMutableBufferPointer { out -> Int in
            table.withUnsafeBufferPointer { table -> Int in
                var terminators = 0
                for i in 0..<n {
                    let k = classOf(text[i], table)
                    switch k {
                    case .outside: return -1
                    case .aTerm: if suppressions { return -1 }; terminators += 1
                    case .sTerm: terminators += 1
                    default: break
                    }
                    out[i] = k.rawValue
                }
                return terminators
            }
        }
        if terminators < 0 { return nil }
        var result: [Int] = []
        result.reserveCapacity(terminators + 2)
        result.append(0)
        if terminators > 0 {
            classes.withUnsafeBufferPointer { cls in
                let close = Class.close.rawValue, sp = Class.sp.rawValue
                let aTerm = Class.aTerm.rawValue, sTerm = Class.sTerm.rawValue
                let upper = Class.upper.rawValue, lower = Class.lower.rawValue
                let numeric = Class.numeric.rawValue, oLetter = Class.oLetter.rawValue
                let sContinue = Class.sContinue.rawValue
                for t in 0..<n {
                    let term = cls[t]
                    guard term == aTerm || term == sTerm else { continue }
                    // SB9, SB10: no break inside the closing marks and spaces after a terminator.
                    var b = t + 1
                    while b < n && cls[b] == close { b += 1 }
                    while b < n && cls[b] == sp { b += 1 }
                    guard b < n else { continue }  // the end is a boundary anyway
                    let next = cls[b]
                    // SB8a: a continuation or another terminator follows.
                    if next == sContinue || next == aTerm || next == sTerm { continue }
                    if term == aTerm {
                        // SB6: `3.4`; SB7: `U.S`.
                        if b == t + 1 && next == numeric { continue }
                        if b == t + 1 && t > 0 && (cls[t - 1] == upper || cls[t - 1] == lower) && next == upper { continue }
                        // SB8: a lowercase letter follows before any other letter or terminator.
                        var k = b
                        while k < n {
                            let c = cls[k]
                            if c == oLetter || c == upper || c == lower || c == aTerm || c == sTerm { break }
                            k += 1
                        }
                        if k < n && cls[k] == lower { continue }
                    }
                    // SB11.
                    result.append(b)
                }
            }
        }
        result.append(n)
        return result
    }
}
