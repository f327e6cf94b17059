import Foundation
import Testing
@testable import BitextICU
@testable import BitextMarkdown
@testable import BitextText

/// Shortcuts the segmenter takes must give what the long way gives.
@Suite struct SegmenterFastPathTests {
    /// Text of spaces, ASCII punctuation and `Segmenter.isWordlessPunctuation` characters has no
    /// words (every segment's status is none), for ICU and for the ICU-free word breaks alike:
    /// the segmenter skips word segmentation for it.
    @Test func wordlessPunctuationMakesNoWords() throws {
        var set: [UInt16] = [0x20]
        for c in UInt16(0x21)...0x7E {
            let letterOrDigit = (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || (c >= 0x30 && c <= 0x39)
            if !letterOrDigit && c != 0x5F && c != 0x40 { set.append(c) }
        }
        for c in UInt16(0x2000)...0x303F where Segmenter.isWordlessPunctuation(c) { set.append(c) }
        for c in UInt16(0xFF00)...0xFF65 where Segmenter.isWordlessPunctuation(c) { set.append(c) }
        #expect(set.count > 40)
        for locale in ["en", "zh"] {
            let fast = try TextBreaker(.word, locale: locale)
            let icu = try TextBreaker(.word, locale: locale)
            icu.simpleWordBreaks = false
            for x in set {
                for y in set {
                    for z in [0x20, 0x2E, 0x3002] as [UInt16] {
                        let text = [x, y, z, x]
                        for breaker in [fast, icu] {
                            breaker.forEachWord(text) { _, status in
                                #expect(status == .none, "\(locale) \(text.map { String($0, radix: 16) })")
                            }
                        }
                    }
                }
            }
        }
    }

    /// A `.` right before a lowercase ASCII letter or a digit (`Segmenter.dotInsideWord`) ends no
    /// sentence: text whose only possible sentence ends are such dots is one sentence for ICU (the
    /// segmenter then does not ask ICU). Random text of characters that cannot end a sentence
    /// (`Segmenter.mayBreakAt` false) and such dots, in the sentence locales bitext uses.
    @Test func dotBeforeLowercaseOrDigitEndsNoSentence() throws {
        var pieces: [[UInt16]] = []
        for c in UInt16(0x20)...0x7E where c != 0x2E && c != 0x21 && c != 0x3F { pieces.append([c]) }
        for c in [0x4E2D, 0x6587, 0x3001, 0x300A, 0x300B, 0x201C, 0x201D, 0xFF08, 0xFF09, 0xFF0C, 0xFF1A, 0x2014, 0x00B7] as [UInt16] {
            #expect(!Segmenter.mayBreakAt(c))
            pieces.append([c])
        }
        for c in "az09m".utf16 { pieces.append([0x2E, c]) }
        var seed: UInt64 = 1
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        for locale in ["en@ss=standard", "zh", "zh_Hant"] {
            let breaker = try TextBreaker(.sentence, locale: locale)
            for _ in 0..<20_000 {
                var text: [UInt16] = []
                for _ in 0...next(14) { text += pieces[next(pieces.count)] }
                let breaks = breaker.boundaries(text)
                #expect(breaks == [0, text.count], "\(locale) \(text.map { String($0, radix: 16) })")
            }
        }
        // The dot is checked in its context: before a capital, a space or syntax it may end one.
        let text: [UInt32] = Array("a.b a.B a. a.9".unicodeScalars.map(\.value))
        let roles = [Role](repeating: .content, count: text.count)
        let inside = text.withUnsafeBufferPointer { t in
            roles.withUnsafeBufferPointer { r in t.indices.filter { t[$0] == 0x2E && Segmenter.dotInsideWord(t, r, $0) } }
        }
        #expect(inside == [1, 12])
    }

    /// The ASCII stemmer gives what the general one gives, on every word of every corpus file and
    /// on the stemmer's own test words.
    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func asciiStemmerSameAsGeneral() throws {
        var words: Set<String> = ["models", "modelling", "fine-tuned", "LLMs", "it's", "users'", "ies", "'s", "a", "I",
                                  "hoping", "agreed", "caresses", "ponies", "sky", "x-y-z", "@Mobiles"]
        for url in Fixtures.corpusFiles() {
            let doc = try Fixtures.document(url)
            for u in doc.units {
                var w = ""
                for c in u.text {
                    if c < 0x80, let s = Unicode.Scalar(c), s.properties.isAlphabetic || c == 0x27 || c == 0x2D || (c >= 0x30 && c <= 0x39) {
                        w.unicodeScalars.append(s)
                    } else {
                        if !w.isEmpty { words.insert(w) }
                        w = ""
                    }
                }
                if !w.isEmpty { words.insert(w) }
            }
        }
        #expect(words.count > 1_000)
        for w in words.sorted() {
            #expect(Stemmer.stem(w) == Stemmer.scalarStem(w, keepCase: false), "\(w)")
        }
    }
}
