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

    /// An ASCII needle's occurrence between plain characters is one Foundation finds, whatever
    /// non-plain character sits elsewhere in the text; beside a non-plain character the answer
    /// is left to Foundation (`false`), and without an occurrence it is `nil`.
    @Test func plainBoundedOccurrenceIsOneFoundationFinds() {
        var sure = 0, unsure = 0
        for c in Self.bmp where c.value != 0 && c.value != 0x37E && c.value != 0x1FEF && c.value != 0x212A {
            let s = String(c)
            for (h, n) in [(s + "ab", "ab"), ("ab" + s, "ab"), ("x" + s + "abc" + s, "abc"), (s + "ab" + s + " ab", "ab"),
                           ("数" + s + "key" + "组", "key"), ("ab" + s, "cd")] {
                let answer = FoundationText.plainBoundedOccurrence(h, n)
                let foundation = h.range(of: n) != nil
                switch answer {
                case true?: #expect(foundation, "\(h.debugDescription) / \(n)"); sure += 1
                case false?: #expect(!FoundationText.isPlainScalar(c.value), "\(h.debugDescription) / \(n)"); unsure += 1
                case nil: #expect(!foundation, "\(h.debugDescription) / \(n)")
                }
                if !FoundationText.isPlainScalar(c.value) && (h == s + "ab" || h == "ab" + s) && n == "ab" {
                    // The only occurrence is beside the non-plain character.
                    #expect(answer == false, "\(h.debugDescription) / \(n)")
                }
            }
        }
        #expect(sure > 100_000 && unsure > 30_000)
    }

    /// Where Foundation finds a needle with non-ASCII characters in a text without the three
    /// characters equivalent to ASCII, the needle's literal ASCII run is in the text's bytes:
    /// every BMP character in the needle, with its composed and decomposed forms in the text.
    @Test func literalASCIIRunIsInTheBytesWhereFoundationFinds() {
        var found = 0
        #expect(FoundationText.literalASCIIRun("Cafe\u{301} au lait") == " au lait")
        #expect(FoundationText.literalASCIIRun("naive") == nil)
        #expect(FoundationText.literalASCIIRun("x数组") == nil)
        for c in Self.bmp where c.value != 0 && c.value != 0x37E && c.value != 0x1FEF && c.value != 0x212A && c.value >= 0x80 {
            let s = String(c)
            let forms = Set([s, s.decomposedStringWithCanonicalMapping, s.precomposedStringWithCanonicalMapping,
                             "e" + s, ("e" + s).precomposedStringWithCanonicalMapping, ("e" + s).decomposedStringWithCanonicalMapping]).sorted()
            for n in ["key" + s + "word", "e" + s + "xy", "ab" + s, s + "cd", "\r" + s + "\n"] {
                let run = FoundationText.literalASCIIRun(n)
                for form in forms {
                    for h in ["key" + form + "word", "ke" + form + "word", form + "xy", "ab" + form + "!", "z" + form + "cd", "\r" + form + "\n"] {
                        guard !h.unicodeScalars.contains(where: { [0x37E, 0x1FEF, 0x212A].contains($0.value) }),
                              h.range(of: n) != nil else { continue }
                        found += 1
                        if let run { #expect(FoundationText.bytesContain(h, run), "\(h.debugDescription) / \(n.debugDescription)") }
                    }
                }
            }
        }
        #expect(found > 60_000)
    }

    /// The eight-bytes-at-a-time scan finds NUL and the three characters at every offset of
    /// ASCII, Chinese and accented text, and nothing else.
    @Test func asciiEquivalentScanAtEveryOffset() {
        func reference(_ b: [UInt8]) -> Bool {
            let s = String(decoding: b, as: UTF8.self)
            return !s.unicodeScalars.contains { $0.value == 0 || $0.value == 0x37E || $0.value == 0x1FEF || $0.value == 0x212A }
        }
        var checked = 0
        for filler in ["abcdefgh", "数组é", "x\u{301}"] {
            for length in 0..<24 {
                let base = Array(String(repeating: filler, count: 4).utf8.prefix(length))
                for mark in ["\0", "\u{37E}", "\u{1FEF}", "\u{212A}", "\u{2129}", "\u{1FEE}", "\u{37D}", "é"] {
                    for at in 0...base.count {
                        let b = Array(base[..<at]) + Array(mark.utf8) + Array(base[at...])
                        guard String(validating: b, as: UTF8.self) != nil else { continue }
                        let answer = b.withUnsafeBufferPointer { FoundationText.hasNoASCIIEquivalent($0) }
                        #expect(answer == reference(b), "\(b)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 1_000)
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
