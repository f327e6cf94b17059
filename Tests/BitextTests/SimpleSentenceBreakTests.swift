import Foundation
import Testing
@testable import BitextICU
@testable import BitextMarkdown

/// The ICU-free sentence segmentation (`SimpleSentenceBreaks`) must give exactly the boundaries
/// ICU's sentence iterator gives, in every locale bitext uses.
@Suite struct SimpleSentenceBreakTests {
    static let locales = ["en@ss=standard", "en", "zh", "zh_Hant"]

    static func breakers(_ locale: String) throws -> (fast: TextBreaker, icu: TextBreaker) {
        let fast = try TextBreaker(.sentence, locale: locale)
        let icu = try TextBreaker(.sentence, locale: locale)
        icu.simpleSentenceBreaks = false
        return (fast, icu)
    }

    /// Whether the fast path answers for `text` (rather than handing it to ICU).
    static func isFast(_ text: [UInt16], suppressions: Bool) -> Bool {
        var classes: [UInt8] = []
        return text.withUnsafeBufferPointer { SimpleSentenceBreaks.boundaries($0, suppressions: suppressions, classes: &classes) } != nil
    }

    @Test func onByDefaultForRootRuleLocalesOnly() throws {
        #expect(try TextBreaker(.sentence, locale: "en@ss=standard").simpleSentenceBreaks)
        #expect(try TextBreaker(.sentence, locale: "zh").simpleSentenceBreaks)
        #expect(try !TextBreaker(.sentence, locale: "el").simpleSentenceBreaks)
        #expect(try !TextBreaker(.word, locale: "en").simpleSentenceBreaks)
    }

    /// The CJK ideographs, which the fast path classes without asking ICU, are OLetter to ICU.
    @Test func ideographsAreOLetter() {
        for c in UInt32(0x3400)...0x4DBF { #expect(SimpleSentenceBreaks.icuClass(c) == .oLetter) }
        for c in UInt32(0x4E00)...0x9FFF where SimpleSentenceBreaks.icuClass(c) != .oLetter {
            Issue.record("U+\(String(c, radix: 16)) is not OLetter")
        }
    }

    /// Every string of up to four characters over one or two characters of each class (and a
    /// few the fast path leaves to ICU), and random longer ones: every rule in every context.
    @Test func everyClassInEveryContext() throws {
        // Lower, upper, numeric, space, ATerm, STerm, close, SContinue, other, OLetter, full-width
        // STerm, close and SContinue, a full-width ATerm, an ellipsis; é and a combining accent
        // (left to ICU).
        let set: [UInt16] = [0x61, 0x41, 0x31, 0x20, 0x2E, 0x3F, 0x22, 0x29, 0x2C, 0x23,
                             0x4E2D, 0x3002, 0x300D, 0xFF0C, 0xFF0E, 0x2026, 0xE9, 0x0301]
        let more: [UInt16] = [0x21, 0x28, 0x3A, 0x2D, 0xFF01, 0xFF1F, 0x3001, 0x201C, 0x201D, 0x3000, 0x30A2, 0x2029,
                              0x09, 0x5F, 0x27]
        for locale in Self.locales {
            let (fast, icu) = try Self.breakers(locale)
            var compared = 0
            var text: [UInt16] = []
            func walk(_ depth: Int) {
                if !text.isEmpty {
                    let f = fast.boundaries(text), i = icu.boundaries(text)
                    if f != i { Issue.record("\(locale) \(text.map { String($0, radix: 16) }): \(f) vs ICU \(i)") }
                    compared += 1
                }
                guard depth < 4 else { return }
                for c in set {
                    text.append(c)
                    walk(depth + 1)
                    text.removeLast()
                }
            }
            walk(0)
            #expect(compared > 100_000)
            // Longer random strings, weighted towards terminators, closes and spaces.
            var rng = SystemRandomNumberGenerator()
            let weighted = set + more + [0x2E, 0x2E, 0x20, 0x20, 0x29, 0x22, 0x3002, 0x61, 0x61, 0x41, 0x4E2D, 0x4E2D]
            for _ in 0..<20_000 {
                let text = (0..<Int.random(in: 5...30, using: &rng)).map { _ in weighted.randomElement(using: &rng)! }
                let f = fast.boundaries(text), i = icu.boundaries(text)
                if f != i { Issue.record("\(locale) \(text.map { String($0, radix: 16) }): \(f) vs ICU \(i)") }
            }
        }
    }

    /// Every unit of every corpus file, as the segmenter hands it to the sentence iterator
    /// (syntax blanked), in every locale.
    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func sameAsICUOnEveryCorpusFile() throws {
        let breakers = try Self.locales.map { try Self.breakers($0) }
        var texts = 0, fastOnes = 0
        for url in Fixtures.corpusFiles() {
            let doc = try Fixtures.document(url)
            for u in doc.units {
                var plain: [UInt16] = []
                for (c, r) in zip(u.text, u.roles) {
                    let visible = r == .content || r == .code || r == .math
                    plain += !visible || c == 0x0A || c == 0x0D || c == 0x09 ? [0x20]
                        : Array(String(Unicode.Scalar(c).map(Character.init) ?? " ").utf16)
                }
                for (fast, icu) in breakers {
                    let f = fast.boundaries(plain), i = icu.boundaries(plain)
                    #expect(f == i, "\(url.lastPathComponent):\(u.start) \(String(decoding: plain, as: UTF16.self))")
                    texts += 1
                }
                if Self.isFast(plain, suppressions: false) { fastOnes += 1 }
            }
        }
        #expect(texts > 40_000)
        // Most units take the fast path (the share is printed for the record).
        print("simple sentence breaks: \(fastOnes) of \(texts / Self.locales.count) texts")
        #expect(fastOnes * 2 > texts / Self.locales.count)
    }
}
