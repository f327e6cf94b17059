import Testing
@testable import BitextCheck
@testable import BitextText

/// `script-mix` on characters outside GB2312: a character of the 2013 standard table
/// (`zh-Hans.standard-characters.txt`) is Simplified, one the table lacks still Traditional.
@Suite struct ScriptMixTests {
    func found(_ text: String, target: String? = nil) throws -> [String] {
        try Harness.findings(rule: ScriptMixRule(), target: text, settings: target.map { ["target": $0] } ?? [:]).map(\.text)
    }

    @Test func standardCharacterOutsideGB2312IsSimplified() throws {
        // 昇 (of 昇腾, a product name) is in the 2013 table though GB2312 lacks it and ICU's
        // Hant-Hans turns it into 升: silent. 陞 likewise.
        #expect(try found("华为昇腾芯片支持该模型。\n").isEmpty)
        #expect(try found("他被陞为主管。\n").isEmpty)
        // The same sentence with a Traditional character the table lacks: reported.
        #expect(try found("华为昇騰芯片支持该模型。\n") == ["騰"])
        #expect(try found("巨型語言模型的发展很快。\n") == ["語"])
    }

    @Test func tableCharacterUnihanSimplifiesElsewhereIsTraditional() throws {
        // 剋 is in the table (kēi) but Unihan simplifies it only to 克: left out of the list.
        #expect(try found("这是它的剋星。\n") == ["剋"])
    }

    @Test func theListIsTheTablesOwn() throws {
        let standard = Harness.target.standardCharacters
        #expect(standard.count == 8093)
        #expect(standard.contains(0x6607))       // 昇
        #expect(!standard.contains(0x524B))      // 剋
        #expect(!standard.contains(0x9A30))      // 騰
        // zh-Hant has no such list: nothing is exempt.
        #expect(try LocaleData.load("zh-Hant").standardCharacters.isEmpty)
    }
}
