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

    /// A language switcher (links to the editions of one page, `README_zh-TW.md` beside
    /// `README.md`) names each language in its own script: 繁體中文, 日本語 are no mix there.
    @Test func languageSwitcherNamesAreNoMix() throws {
        #expect(try found("[English](README.md) ｜ [繁體中文](README_zh-TW.md) ｜ [日本語](README_ja.md)\n").isEmpty)
        #expect(try found("<a href=\"https://x.org/README.md\">English</a> ｜\n<a href=\"https://x.org/README_zh-TW.md\">繁體中文</a> ｜\n<a href=\"https://x.org/README_ja.md\">日本語</a>\n").isEmpty)
        #expect(try found("[English](guide.en.md) | [繁體中文](guide.zh-hant.md)\n").isEmpty)
        // Not a switcher: one link, links to other pages, or text outside the links.
        #expect(try found("请看[繁體中文说明](README_zh-TW.md)。\n") == ["體"])
        #expect(try found("请看[繁體说明](intro.md)和[指南](guide.md)。\n") == ["體"])
        #expect(try found("語言：[English](README.md) ｜ [日本語](README_ja.md)\n") == ["語"])
        #expect(ScriptMixRule.edition("../README_zh-TW.md#x").page == "../README.md" && ScriptMixRule.edition("../README_zh-TW.md").tag == "zh-TW")
        #expect(ScriptMixRule.edition("docs/getting_started.md").tag == nil)
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
