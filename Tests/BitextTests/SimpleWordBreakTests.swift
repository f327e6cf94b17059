import Foundation
import Testing
@testable import BitextICU
@testable import BitextMarkdown

/// The ICU-free word segmentation of ASCII and CJK punctuation (`SimpleWordBreaks`) must give
/// exactly what ICU's word iterator gives: the same ends and the same statuses.
@Suite struct SimpleWordBreakTests {
    struct Segment: Equatable, CustomStringConvertible {
        var end: Int
        var status: WordStatus
        var description: String { "\(end):\(status)" }
    }

    static func breakers(_ locale: String) throws -> (fast: TextBreaker, icu: TextBreaker) {
        let fast = try TextBreaker(.word, locale: locale)
        let icu = try TextBreaker(.word, locale: locale)
        icu.simpleWordBreaks = false
        return (fast, icu)
    }

    static func segments(_ b: TextBreaker, _ text: [UInt16]) -> [Segment] {
        var out: [Segment] = []
        b.forEachWord(text) { out.append(Segment(end: $0, status: $1)) }
        return out
    }

    @Test func onByDefaultForRootRuleLocalesOnly() throws {
        #expect(try TextBreaker(.word, locale: "en").simpleWordBreaks)
        #expect(try TextBreaker(.word, locale: "zh_Hant").simpleWordBreaks)
        #expect(try !TextBreaker(.word, locale: "sv").simpleWordBreaks)
        #expect(try !TextBreaker(.sentence, locale: "en").simpleWordBreaks)
    }

    /// Every character the fast path handles, next to every other one, alone and between letters,
    /// digits and underscores — every rule of UAX #29 it implements, in every context.
    @Test func everyCharacterInEveryContext() throws {
        var set: [UInt16] = Array(0x20...0x7E)
        set += [0x3000, 0x00B7, 0x2018, 0x2019, 0xFF0E, 0xFF0C, 0xFF1B, 0x3001, 0x3002, 0xFF01, 0xFF08, 0xFF09,
                0xFF1A, 0xFF1F, 0x201C, 0x201D, 0x2013, 0x2014, 0x2026]
        set += Array(0x3008...0x3011) + Array(0x3014...0x301F)
        // Characters it leaves to ICU, which must come back unchanged.
        set += [0xE9, 0x4E2D, 0x30A2, 0x09, 0x7F, 0xFF10, 0x00A0]
        let before: [[UInt16]] = [[], [0x61], [0x31], [0x5F]], after: [[UInt16]] = [[], [0x61], [0x31]]
        for locale in ["en", "zh"] {
            let (fast, icu) = try Self.breakers(locale)
            var compared = 0
            for x in set {
                for y in set {
                    for b in before {
                        for a in after {
                            let text = b + [x, y] + a
                            let f = Self.segments(fast, text), i = Self.segments(icu, text)
                            #expect(f == i, "\(locale) \(text.map { String($0, radix: 16) })")
                            compared += 1
                        }
                    }
                }
            }
            #expect(compared > 200_000)
        }
    }

    /// Every unit of every corpus file, as the segmenter hands it to the word iterator (syntax
    /// blanked, Han blanked as `check` does, and as it is), in both languages' word locales.
    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func sameAsICUOnEveryCorpusFile() throws {
        let en = try Self.breakers("en"), zh = try Self.breakers("zh")
        var texts = 0, fastOnes = 0
        for url in Fixtures.corpusFiles() {
            let doc = try Fixtures.document(url)
            for u in doc.units {
                var plain: [UInt16] = [], blanked: [UInt16] = []
                for (c, r) in zip(u.text, u.roles) {
                    let visible = r == .content || r == .code || r == .math
                    let units: [UInt16] = !visible || c == 0x0A || c == 0x0D || c == 0x09 ? [0x20]
                        : Array(String(Unicode.Scalar(c).map(Character.init) ?? " ").utf16)
                    plain += units
                    let han = (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF)
                    blanked += han ? [0x20] : units
                }
                for text in [plain, blanked] {
                    for (fast, icu) in [en, zh] {
                        let f = Self.segments(fast, text), i = Self.segments(icu, text)
                        #expect(f == i, "\(url.lastPathComponent):\(u.start) \(String(decoding: text, as: UTF16.self))")
                        texts += 1
                    }
                    var classes: [UInt8] = []
                    if text.withUnsafeBufferPointer({ SimpleWordBreaks.forEach($0, classes: &classes) { _, _ in } }) {
                        fastOnes += 1
                    }
                }
            }
        }
        #expect(texts > 20_000)
        // Most units take the fast path (the share is printed for the record).
        print("simple word breaks: \(fastOnes) of \(texts / 2) texts")
        #expect(fastOnes * 2 > texts / 2)
    }
}
