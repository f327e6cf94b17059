import Foundation
import Testing
@testable import BitextICU
@testable import BitextMarkdown

/// The ICU-free sentence segmentation of text whose only terminators are `。！？`
/// (`SimpleSentenceBreaks`) must give exactly the boundaries ICU's sentence iterator gives, in
/// every sentence locale bitext uses.
@Suite struct SimpleSentenceBreakTests {
    static let locales = ["en@ss=standard", "zh", "zh_Hant"]

    static func breakers(_ locale: String) throws -> (fast: TextBreaker, icu: TextBreaker) {
        let fast = try TextBreaker(.sentence, locale: locale)
        let icu = try TextBreaker(.sentence, locale: locale)
        icu.simpleSentenceBreaks = false
        return (fast, icu)
    }

    static func takesFastPath(_ text: [UInt16]) -> Bool {
        text.withUnsafeBufferPointer { SimpleSentenceBreaks.forEach($0) { _ in } }
    }

    @Test func onForEnglishAndChineseOnly() throws {
        for locale in Self.locales { #expect(try TextBreaker(.sentence, locale: locale).simpleSentenceBreaks) }
        #expect(try !TextBreaker(.sentence, locale: "ja").simpleSentenceBreaks)
        #expect(try !TextBreaker(.sentence, locale: "en@ss=other").simpleSentenceBreaks)
        #expect(try !TextBreaker(.word, locale: "zh").simpleSentenceBreaks)
    }

    /// Han (CJK unified ideographs and extension A) is one class to the rules without a full stop.
    @Test func hanIsOrdinaryLetters() {
        for c in UInt32(0x3400)...0x4DBF { #expect(SimpleSentenceBreaks.classOf(c) == .other) }
        for c in UInt32(0x4E00)...0x9FFF { #expect(SimpleSentenceBreaks.classOf(c) == .other) }
    }

    /// Every character handled next to every other one (and a few left to ICU), between
    /// contexts that end and continue sentences: every rule the fast path implements.
    @Test func everyCharacterInEveryContext() throws {
        var set = SimpleSentenceBreaks.handled + [0x4E2D, 0x3400]
        // Left to ICU: the fast path must refuse them.
        let outside: [UInt16] = [0x2E, 0x21, 0x3F, 0xFF0E, 0x2026, 0x0A, 0x2028, 0x3000, 0xE9, 0x30A2]
        set += outside
        let before: [[UInt16]] = [[], [0x4E2D], [0x3002], [0x3002, 0x201D], [0xFF1F, 0x20]]
        let after: [[UInt16]] = [[], [0x4E2D], [0x20, 0x4E2D], [0x3002]]
        for locale in Self.locales {
            let (fast, icu) = try Self.breakers(locale)
            var compared = 0, fastOnes = 0
            for x in set {
                for y in set {
                    for b in before {
                        for a in after {
                            let text = b + [x, y] + a
                            #expect(fast.boundaries(text) == icu.boundaries(text), "\(locale) \(text.map { String($0, radix: 16) })")
                            if Self.takesFastPath(text) { fastOnes += 1 }
                            compared += 1
                        }
                    }
                }
            }
            #expect(compared > 200_000)
            #expect(fastOnes > compared / 2)
        }
        for c in outside { #expect(!Self.takesFastPath([0x4E2D, c, 0x4E2D])) }
    }

    /// Random runs of Han, ASCII and punctuation weighted towards terminators, closing marks and
    /// spaces.
    @Test func randomText() throws {
        let handled = SimpleSentenceBreaks.handled
        let heavy: [UInt16] = [0x3002, 0xFF01, 0xFF1F, 0x201D, 0x2019, 0xFF09, 0x300D, 0x20, 0x00A0, 0xFF0C, 0x3001, 0x2014, 0x4E2D]
        var random = TestGenerator(state: 11)
        for locale in Self.locales {
            let (fast, icu) = try Self.breakers(locale)
            for _ in 0..<20_000 {
                var text: [UInt16] = []
                for _ in 0...random.next(16) { text.append(random.next(2) == 0 ? heavy[random.next(heavy.count)] : handled[random.next(handled.count)]) }
                #expect(fast.boundaries(text) == icu.boundaries(text), "\(locale) \(text.map { String($0, radix: 16) })")
            }
        }
    }

    /// Every unit of every corpus file, as the segmenter hands it to the sentence iterator
    /// (syntax blanked), in every sentence locale.
    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func sameAsICUOnEveryCorpusFile() throws {
        let breakers = try Self.locales.map { try Self.breakers($0) }
        var texts = 0, fastOnes = 0
        for url in Fixtures.corpusFiles() {
            let doc = try Fixtures.document(url)
            for u in doc.units {
                var text: [UInt16] = []
                for (c, r) in zip(u.text, u.roles) {
                    let visible = r == .content || r == .code || r == .math
                    text += !visible || c == 0x0A || c == 0x0D || c == 0x09 ? [0x20]
                        : Array(String(Unicode.Scalar(c).map(Character.init) ?? " ").utf16)
                }
                for (fast, icu) in breakers {
                    #expect(fast.boundaries(text) == icu.boundaries(text), "\(url.lastPathComponent):\(u.start) \(String(decoding: text, as: UTF16.self))")
                }
                texts += 1
                if Self.takesFastPath(text) { fastOnes += 1 }
            }
        }
        #expect(texts > 20_000)
        // A good share of the units take the fast path (printed for the record).
        print("simple sentence breaks: \(fastOnes) of \(texts) units")
        #expect(fastOnes * 5 > texts)
    }
}
