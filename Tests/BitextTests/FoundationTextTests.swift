import Foundation
import Testing
@testable import BitextText

/// `FoundationText` answers as Foundation does: trimming `.whitespaces` for every BMP
/// character, and `contains` for every character it searches without Foundation, beside ASCII,
/// beside itself and against the ASCII character it could be folded to.
@Suite struct FoundationTextTests {
    static let bmp: [Unicode.Scalar] = (0...0xFFFF).compactMap { Unicode.Scalar(UInt32($0)) }

    @Test func trimmingMatchesFoundationForEveryBMPCharacter() {
        for c in Self.bmp {
            let s = String(c)
            for t in [s, s + "a", "a" + s, s + "a" + s, " " + s + s + "\t", s + "中文" + s] {
                #expect(FoundationText.trimmingWhitespaces(t) == t.trimmingCharacters(in: .whitespaces), "U+\(String(c.value, radix: 16))")
            }
        }
    }

    @Test func plainCharactersSearchAsFoundationDoes() {
        let plain = (0...0x1FFFF).compactMap { Unicode.Scalar(UInt32($0)) }.filter { FoundationText.isPlainScalar($0.value) }
        #expect(plain.count > 29_000)
        var checked = 0
        for c in plain {
            let s = String(c)
            var needles = [s, "b" + s, s + "c", "b", "c", "bc", "b" + s + "c", s + s]
            // The ASCII character a full-width form or a compatibility form stands for.
            let folded = s.applyingTransform(.fullwidthToHalfwidth, reverse: false) ?? s
            if folded != s { needles += [folded, "b" + folded + "c"] }
            let decomposed = s.decomposedStringWithCompatibilityMapping
            if decomposed != s { needles += [decomposed, "b" + decomposed] }
            for h in ["ab" + s + "cd", s, s + s, "a" + s, s + "\r\nb"] {
                #expect(FoundationText.isPlain(h))
                for n in needles {
                    #expect(FoundationText.contains(h, n) == (h.range(of: n) != nil), "\(h.debugDescription) / \(n.debugDescription)")
                    checked += 1
                }
            }
        }
        #expect(checked > 1_000_000)
    }

    @Test func otherTextFallsBackToFoundation() {
        // e + combining acute is one character: Foundation does not find `e` alone in it.
        for (h, n) in [("cafe\u{301}", "cafe"), ("caf\u{E9}", "cafe\u{301}"), ("a\r\nb", "\nb"), ("a\r\nb", "a\r"),
                       ("x\u{212A}y", "xKy"), ("ab", ""), ("", "a")] {
            #expect(FoundationText.contains(h, n) == (h.range(of: n) != nil), "\(h) / \(n)")
        }
    }

    /// An ASCII needle Foundation finds in a text is in its bytes, except for the three
    /// characters canonically equivalent to ASCII: whatever character sits in the text (its
    /// canonical decomposition, its base letter, the ASCII it is folded to).
    @Test func foundationFindsASCIIOnlyInTheBytes() {
        var checked = 0
        for c in Self.bmp where !FoundationText.isPlainScalar(c.value) {
            let s = String(c)
            let h = "ab" + s + "cd"
            var needles = ["b" + s, "abcd", "bc", "ab" + s]
            for form in [s.decomposedStringWithCanonicalMapping, s.decomposedStringWithCompatibilityMapping,
                         s.applyingTransform(.stripDiacritics, reverse: false) ?? s, s.lowercased(), s.uppercased()] {
                let ascii = String(String.UnicodeScalarView(form.unicodeScalars.filter { $0.isASCII }))
                guard !ascii.isEmpty else { continue }
                needles += [ascii, "b" + ascii, ascii + "c", "b" + ascii + "c", "ab" + ascii + "cd"]
            }
            for n in needles where FoundationText.mayNotContain(h, n) {
                #expect(h.range(of: n) == nil, "U+\(String(c.value, radix: 16)) / \(n)")
                checked += 1
            }
            #expect(FoundationText.contains(h, "b" + s) == (h.range(of: "b" + s) != nil))
        }
        #expect(checked > 50_000)
        for (h, n) in [("x\u{212A}y", "xKy"), ("a\u{37E}b", "a;b"), ("a\u{1FEF}b", "a`b"), ("a\0b", "ab"), ("\0", "\0\0")] {
            #expect(!FoundationText.mayNotContain(h, n))
            #expect(FoundationText.contains(h, n) == (h.range(of: n) != nil))
        }
    }
}
