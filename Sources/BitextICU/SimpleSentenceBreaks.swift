internal import CICU

/// Sentence boundaries of text whose only sentence terminators are the full-width `。！？` —
/// most Chinese paragraphs — computed without ICU's rule engine: the same boundaries as ICU's
/// sentence iterator for the locales bitext uses (`zh`, `zh_Hant`, `en@ss=standard`, whose
/// abbreviation suppressions apply after a full stop only), which a test checks on every corpus
/// unit and on random text of every character handled. The characters' classes are ICU's own
/// (the Sentence_Break property), looked up once.
///
/// Without a full stop (ATerm) the rules of UAX #29 that apply are few: after a terminator,
/// closing marks and then spaces stay with it (SB9, SB10); a comma-like mark or another
/// terminator right after them continues the sentence (SB8a); anything else starts a new one
/// (SB11). Anything else — a full stop, `!` or `?`, a line separator, a character not in the
/// set — goes to ICU.
enum SimpleSentenceBreaks {
    /// Sentence-break classes of the characters handled here; `outside` for the rest.
    enum Class: UInt8 {
        case outside = 0, other, sTerm, close, sp, sContinue
    }

    /// The characters handled, besides Han (CJK unified ideographs and extension A, all OLetter):
    /// printable ASCII but the terminators `.!?`, and common CJK and general punctuation.
    static let handled: [UInt16] = Array(0x20...0x7E).filter { $0 != 0x2E && $0 != 0x21 && $0 != 0x3F }
        + [0x3001, 0x3002, 0xFF01, 0xFF1F, 0xFF08, 0xFF09, 0xFF0C, 0xFF1A, 0xFF1B, 0x2018, 0x2019, 0x201C, 0x201D,
           0x00A0, 0x00B7, 0x2013, 0x2014]
        + Array(0x3008...0x3011) + Array(0x3014...0x301F)

    /// The class of every BMP character (`outside` but for the characters handled), from ICU.
    static let classes: [Class] = {
        var t = [Class](repeating: .outside, count: 0x10000)
        for c in 0x3400...0x4DBF { t[c] = .other }
        for c in 0x4E00...0x9FFF { t[c] = .other }
        for c in handled { t[Int(c)] = classOf(UInt32(c)) }
        return t
    }()

    /// ICU's Sentence_Break class of `c`, as far as the rules without a full stop tell them apart.
    static func classOf(_ c: UInt32) -> Class {
        switch Int32(bt_u_getIntPropertyValue(Int32(c), UCHAR_SENTENCE_BREAK)) {
        case Int32(U_SB_STERM.rawValue): return .sTerm
        case Int32(U_SB_CLOSE.rawValue): return .close
        case Int32(U_SB_SP.rawValue): return .sp
        case Int32(U_SB_SCONTINUE.rawValue): return .sContinue
        case Int32(U_SB_UPPER.rawValue), Int32(U_SB_LOWER.rawValue), Int32(U_SB_OLETTER.rawValue),
             Int32(U_SB_NUMERIC.rawValue), Int32(U_SB_OTHER.rawValue):
            return .other
        default: return .outside  // ATerm, Sep, CR, LF, Extend, Format: ICU's
        }
    }

    /// Calls `body` with each boundary after 0 (the last is `text.count`) and returns true;
    /// returns false without calling `body` when the text holds a character not handled.
    static func forEach(_ text: UnsafeBufferPointer<UInt16>, _ body: (Int) -> Void) -> Bool {
        let n = text.count
        return classes.withUnsafeBufferPointer { t -> Bool in
            var terminators = false
            for i in 0..<n {
                let k = t[Int(text[i])]
                if k == .outside { return false }
                if k == .sTerm { terminators = true }
            }
            if terminators {
                var i = 0
                while i < n {
                    guard t[Int(text[i])] == .sTerm else { i += 1; continue }
                    var j = i + 1
                    while j < n && t[Int(text[j])] == .close { j += 1 }
                    while j < n && t[Int(text[j])] == .sp { j += 1 }
                    if j >= n { break }
                    let next = t[Int(text[j])]
                    if next != .sContinue && next != .sTerm { body(j) }
                    i = j
                }
            }
            if n > 0 { body(n) }
            return true
        }
    }
}
