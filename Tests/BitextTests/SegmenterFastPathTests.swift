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
        var random = TestGenerator(state: 1)
        for locale in ["en@ss=standard", "zh", "zh_Hant"] {
            let breaker = try TextBreaker(.sentence, locale: locale)
            for _ in 0..<20_000 {
                var text: [UInt16] = []
                for _ in 0...random.next(14) { text += pieces[random.next(pieces.count)] }
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

    /// ICU ends a sentence only after a terminator (or a paragraph separator), never before it:
    /// in text whose possible sentence ends all come after its last letter — `…就绪。`, `Done!)` —
    /// every piece after the first is punctuation, which joins the sentence before, so the
    /// segmenter takes the unit as one sentence without asking ICU. Random text of characters that
    /// cannot end a sentence followed by a random tail of terminators, closing marks and spaces.
    @Test func terminatorsOnlyAtTheEndMakeOneSentence() throws {
        var pieces: [UInt16] = Array("abcXYZ09 ,;:-(中文、《》“（，".utf16)
        pieces.removeAll { Segmenter.mayBreakAt($0) }
        let tail: [UInt16] = Array(".!?。！？…”）)\"' ]．".utf16)
        var random = TestGenerator(state: 7)
        for locale in ["en@ss=standard", "zh", "zh_Hant"] {
            let breaker = try TextBreaker(.sentence, locale: locale)
            for _ in 0..<20_000 {
                var text: [UInt16] = []
                for _ in 0...random.next(12) { text.append(pieces[random.next(pieces.count)]) }
                let body = text.count
                for _ in 0...random.next(4) { text.append(tail[random.next(tail.count)]) }
                let breaks = breaker.boundaries(text)
                #expect(breaks.dropFirst().allSatisfy { $0 > body }, "\(locale) \(text.map { String($0, radix: 16) })")
            }
        }
        // And the segmenter gives such units one sentence, as ICU's pieces joined would.
        let seg = try Segmenter(source: Harness.source, target: Harness.target)
        for text in ["它已经就绪。", "它已经就绪。）", "Done!", "Is it (really) done?!”", "见“附录 A”。"] {
            let doc = Fixtures.document(text + "\n")
            let analyses = seg.analyze(document: doc)
            let unit = doc.units[0]
            #expect(analyses[0].sentences.count == 1, "\(text)")
            #expect(analyses[0].sentences.first == 0..<unit.text.count, "\(text)")
        }
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

    /// The long way of `Segmenter.analyze(document:)`: every unit analysed on its own, then the
    /// document's evidence.
    static func analysesOneByOne(_ seg: Segmenter, _ doc: Document) -> [TextAnalysis] {
        var analyses: [TextAnalysis] = []
        for k in doc.units.indices {
            analyses.append(TextAnalysis())
            seg.analyze(text: doc.units[k].text, roles: doc.units[k].roles, links: doc.units[k].links,
                        hanWords: false, wordsOnly: false, into: &analyses[k])
        }
        seg.applyDocumentEvidence(doc, &analyses)
        return analyses
    }

    /// A short unit that repeats an earlier one takes its analysis (``RepeatedUnits``): cells
    /// that differ only in roles (code or prose) or links are not repeats.
    @Test func repeatedUnitsShareOnlyWhatIsTheSame() throws {
        let seg = try Segmenter(source: Harness.source, target: Harness.target)
        let doc = Fixtures.document("""
            | 属性 | 说明 | 类型 |
            | --- | --- | --- |
            | size | 大小 | boolean |
            | open | 是否打开 | `boolean` |
            | open | 是否打开 | [boolean](https://example.com/a) |
            | disabled | 是否禁用 | [boolean](https://example.com/b) |
            | loop | 循环 | boolean |

            """)
        let cells = doc.units.indices.filter { doc.units[$0].string.contains("boolean") }
        #expect(cells.count == 4)
        var repeats = RepeatedUnits(count: doc.units.count)
        var firstOf: [Int: Int] = [:]
        for k in doc.units.indices { if let j = repeats.earlier(k, doc.units) { firstOf[k] = j } }
        // The plain cells repeat; the code cell and the two link cells (other destinations) do not.
        let plain = cells.filter { doc.units[$0].links.isEmpty && !doc.units[$0].roles.contains(.code) }
        #expect(plain.count == 2)
        #expect(firstOf[plain[1]] == plain[0])
        for k in cells where !plain.contains(k) { #expect(firstOf[k] == nil) }
        let fast = seg.analyze(document: doc), slow = Self.analysesOneByOne(seg, doc)
        #expect(fast.map { "\($0)" } == slow.map { "\($0)" })
    }

    /// The same on every corpus document: `analyze(document:)` with repeats shared gives what
    /// analysing each unit on its own gives.
    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func repeatedUnitsOnTheCorpora() throws {
        let seg = try Segmenter(source: Harness.source, target: Harness.target)
        var files = 0
        for url in Fixtures.corpusFiles() {
            let doc = try Fixtures.document(url)
            let fast = seg.analyze(document: doc), slow = Self.analysesOneByOne(seg, doc)
            #expect(fast.count == slow.count)
            for k in fast.indices where "\(fast[k])" != "\(slow[k])" {
                Issue.record("\(url.path): unit \(k) differs")
                break
            }
            files += 1
        }
        #expect(files > 90)
    }

    /// Looking names up in a document's code blocks through ``CodeBlockSearch``'s index gives
    /// what asking every block gives: one-word names (`Segmenter.containsWord`) and whole
    /// units (`FoundationText.contains`), on blocks with Chinese comments, CR LF line ends,
    /// characters Foundation equates with ASCII (U+212A KELVIN SIGN), combining marks and a
    /// prepended Arabic sign, and on every corpus document's blocks with its own words.
    @Test func codeBlockSearchIndexAnswersAsTheBlocksDo() throws {
        func check(_ blocks: [CodeBlock], _ names: [String], _ label: String) {
            var fast = CodeBlockSearch(blocks, indexed: true), slow = CodeBlockSearch(blocks, indexed: false)
            for name in names {
                let word = blocks.contains { Segmenter.containsWord(name, in: $0.literal) }
                #expect(fast.containsWord(name) == word, "\(label): word \(name)")
                #expect(slow.containsWord(name) == word, "\(label): word \(name)")
                let contained = blocks.contains { FoundationText.contains($0.literal, name) }
                #expect(fast.someBlockContains(name) == contained, "\(label): text \(name)")
                #expect(slow.someBlockContains(name) == contained, "\(label): text \(name)")
            }
        }
        func block(_ s: String) -> CodeBlock { CodeBlock(startLine: 1, endLine: 1, info: "", literal: s) }
        let blocks = [block("let value = count // 数组的长度\nprint(value)"), block("type: Array\r\nsize_t n;\r\n"),
                      block("Temperature in \u{212A}elvin: 300"), block("cafe\u{301} and résumé"),
                      block("\u{600}count = 1"), block("plain ascii block with Kelvin and Array_2"),
                      // Occurrences beside characters that may join them, and beside plain ones.
                      block("total\u{301} = 数组total_size长度; 한width + height\u{308}"),
                      block("first\u{301} then first; 🎉emoji🎉 tail\u{200D}"), block("x\u{1F3FB}skin y\u{FE0F}"),
                      block("a nai\u{308}ve approach and de\u{301}ja\u{300} vu, 数组 size")]
        check(blocks, ["value", "count", "Array", "size_t", "Kelvin", "elvin", "cafe", "café", "résumé", "Array_2",
                       "ascii block", "数组的长度", "plain ascii", "Temperature in Kelvin", "n;\r", "\nprint",
                       "total", "total_size", "width", "height", "first", "emoji", "tail", "skin", "y", "then first",
                       "naïve approach", "déjà vu", "déja vu", "approach and dé", "数组 size", "résumé and"],
              "examples")
        // More than 64 blocks: the index keeps a bit per block in words of 64.
        let many = (0..<150).map { i in block(i % 3 == 0 ? "let item\(i) = \(i) // 第\(i)项" : i % 3 == 1 ? "item\(i)_size \(i)\u{301}" : "ITEM \(i) \u{212A}") }
        check(many + blocks, ["item0", "item63", "item64 = 64", "item64", "item127_size", "item149", "item148", "ITEM 149",
                              "item130_size 130", "第129项", "KELVIN", "ITEM 2 K", "item1_size", "item0 = 0 // 第0项", "value"], "150 blocks")
        guard Fixtures.shared != nil else { return }
        for url in Fixtures.corpusFiles() {
            let doc = try Fixtures.document(url)
            guard !doc.codeBlocks.isEmpty else { continue }
            var names = Set<String>()
            for u in doc.units {
                let text = u.string
                if text.count >= 8 && text.count <= 80 { names.insert(text) }
                for w in text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" }) where w.count >= 3 { names.insert(String(w)) }
            }
            check(doc.codeBlocks, names.sorted().prefix(400).map { $0 }, url.lastPathComponent)
        }
    }
}
