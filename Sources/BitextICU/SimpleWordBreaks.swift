/// Word boundaries of text made only of ASCII and common CJK punctuation and spaces, computed
/// without ICU: the same boundaries and rule statuses as ICU's word iterator for the root rules
/// (`en`, `zh`), which a test checks on every corpus file and on every character of the set in
/// every context.
///
/// Most of what bitext segments into words is of this kind (English prose, code, Chinese text
/// whose Han characters are blanked out), and ICU's rule engine costs about ten times as much per
/// character. Anything else — letters with accents, kana, Han, symbols — goes to ICU.
enum SimpleWordBreaks {
    /// Word-break classes (UAX #29) of the characters handled here; `outside` for the rest.
    private enum Class: UInt8 {
        case outside = 0, other, space, letter, numeric, extendNumLet, midLetter, midNumLet, midNum
    }

    /// Classes of ASCII, by code.
    private static let ascii: [Class] = {
        var t = [Class](repeating: .outside, count: 128)
        for c in 0x21...0x7E { t[c] = .other }
        for c in 0x41...0x5A { t[c] = .letter }
        for c in 0x61...0x7A { t[c] = .letter }
        t[0x40] = .letter                // @: ICU's rules count it as a letter (user@example.com is one word)
        for c in 0x30...0x39 { t[c] = .numeric }
        t[0x20] = .space
        t[0x5F] = .extendNumLet          // _
        t[0x2E] = .midNumLet             // .
        t[0x27] = .midNumLet             // ' (Single_Quote, which ICU treats as MidNumLet outside Hebrew)
        t[0x2C] = .midNum                // ,
        t[0x3B] = .midNum                // ;
        // The colon is MidLetter in UAX #29, but ICU's root rules take it out (`a:b` is three words).
        return t
    }()

    @inline(__always)
    private static func classOf(_ c: UInt16, _ ascii: UnsafeBufferPointer<Class>) -> Class {
        if c < 0x80 { return ascii[Int(c)] }
        switch c {
        case 0x3000: return .space                                   // ideographic space
        case 0x00B7: return .midLetter                               // ·
        case 0x2018, 0x2019, 0xFF0E: return .midNumLet               // ‘ ’ ．
        case 0xFF0C, 0xFF1B: return .midNum                          // ， ；
        case 0x3001, 0x3002, 0x3008...0x3011, 0x3014...0x301F,       // 、。〈〉《》「」『』【】〔〕…
             0xFF01, 0xFF08, 0xFF09, 0xFF1A, 0xFF1F,                 // ！（）：？
             0x201C, 0x201D, 0x2013, 0x2014, 0x2026:                 // “ ” – — …
            return .other
        default: return .outside
        }
    }

    /// Calls `body` with each segment's end (UTF-16 offset) and ICU's rule status for it (0 none,
    /// 100 number, 200 letter), and returns true; returns false without calling `body` when the
    /// text holds a character this does not handle.
    static func forEach(_ text: UnsafeBufferPointer<UInt16>, classes: inout [UInt8],
                        _ body: (Int, Int32) -> Void) -> Bool {
        let n = text.count
        // The classes go to a buffer reused across calls (grown, never shrunk).
        if classes.count < n { classes = [UInt8](repeating: 0, count: max(n, 2 * classes.count)) }
        let table = ascii
        return classes.withUnsafeMutableBufferPointer { out -> Bool in
            table.withUnsafeBufferPointer { ascii -> Bool in
                for i in 0..<n {
                    let k = classOf(text[i], ascii)
                    if k == .outside { return false }
                    out[i] = k.rawValue
                }
                return true
            }
        } && segment(n, classes, body)
    }

    /// The segments of `n` characters of the given classes (none `outside`).
    private static func segment(_ n: Int, _ classes: [UInt8], _ body: (Int, Int32) -> Void) -> Bool {
        classes.withUnsafeBufferPointer { cls in
            let space = Class.space.rawValue, letter = Class.letter.rawValue, numeric = Class.numeric.rawValue
            let extend = Class.extendNumLet.rawValue, midLetter = Class.midLetter.rawValue
            let midNumLet = Class.midNumLet.rawValue, midNum = Class.midNum.rawValue
            var i = 0
            while i < n {
                let c = cls[i]
                var j = i + 1
                if c == space {
                    while j < n && cls[j] == space { j += 1 }                     // WB3d
                } else if c == letter || c == numeric || c == extend {
                    // Letters, digits and underscores always hold together (WB5, 8–10, 13a–b);
                    // a middle mark holds between two letters (WB6–7) or two digits (WB11–12).
                    while j < n {
                        let d = cls[j]
                        if d == letter || d == numeric || d == extend { j += 1; continue }
                        if j + 1 < n && (d == midLetter || d == midNumLet || d == midNum) {
                            let before = cls[j - 1], after = cls[j + 1]
                            if d != midNum && before == letter && after == letter { j += 2; continue }
                            if d != midLetter && before == numeric && after == numeric { j += 2; continue }
                        }
                        break
                    }
                }
                // Anything else stands alone (WB999).
                body(j, status(cls, i, j))
                i = j
            }
        }
        return true
    }

    /// ICU's rule status of the segment `start..<end`: that of the last rule of its chain.
    @inline(__always)
    private static func status(_ cls: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int32 {
        switch Class(rawValue: cls[end - 1]) {
        case .letter: return 200
        case .numeric: return 100
        case .extendNumLet:
            guard end - start > 1 else { return 0 }
            return cls[end - 2] == Class.numeric.rawValue ? 100 : 200
        default: return 0
        }
    }
}
