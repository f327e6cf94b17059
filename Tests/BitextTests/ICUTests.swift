import Testing
@testable import BitextICU

@Suite struct ICUTests {
    @Test func sentenceBreaksKeepAbbreviations() throws {
        let b = try TextBreaker(.sentence, locale: "en@ss=standard")
        let text = "Use e.g. this one. Mr. Smith agrees."
        let u = Array(text.utf16)
        let bounds = b.boundaries(u)
        #expect(bounds == [0, 19, u.count])
    }
    @Test func chineseWords() throws {
        let b = try TextBreaker(.word, locale: "zh")
        let u = Array("巨型语言模型是生成式人工智能".utf16)
        let w = b.words(u)
        print(w)
        #expect(w.first?.status == .ideographic)
    }
    @Test func scripts() {
        #expect(Characters.script(0x4E2D) == .han)
        #expect(Characters.script(0x61) == .latin)
        #expect(Characters.script(0x3002) == .common)
    }
    /// The inline fast paths and the table give what ICU gives, for every code point.
    @Test func scriptAndClassOfEveryCodePointAreICUs() {
        var wrong = 0
        for c in UInt32(0)..<0x110000 where Characters.script(c) != Characters.lookupScript(c) || Characters.characterClass(c) != Characters.lookupClass(c) {
            wrong += 1
        }
        #expect(wrong == 0)
    }
    @Test func hantToHans() throws {
        let t = try Transliterator("Hans-Hant")
        #expect(t.transform("语言模型发展") == "語言模型發展")
        let gb = try CharacterSet(converter: "GB2312")
        #expect(gb.contains(0x8FD9))  // 这
        #expect(!gb.contains(0x9019)) // 這
        #expect(gb.contains(0x8457))  // 著
    }
}
