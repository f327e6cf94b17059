import Foundation
import Testing
@testable import BitextCheck
@testable import BitextText

/// untranslated-label: names of products and makers in a table of catalogue entries (review
/// 31, D7): a Title Case cell in a row with a catalogue number, opened by a brand's word or in a
/// column that names a brand in another such row, is kept; without the catalogue number, or
/// with words the dictionary knows from the first, it is still a label.
@Suite struct ProductNameTests {
    func labels(_ target: String, _ source: String? = nil) throws -> [Finding] {
        try Harness.findings(rule: UntranslatedLabelRule(), target: target, source: source).filter { $0.rule == "untranslated-label" }
    }

    static let source = "| Reagent | Supplier | Catalogue no. |\n| --- | --- | --- |\n| Nuclease-free water | NovaBio | NB-0100 |\n"
        + "| PureSpin Plasmid Miniprep Kit | Helix Labs | HL-K350 |\n| Ampicillin | Helix Labs | HL-A100 |\n"

    @Test func aKitNameBesideItsCatalogueNumberIsKept() throws {
        let target = "| 试剂 | 供应商 | 货号 |\n| --- | --- | --- |\n| 无核酸酶水 | NovaBio | NB-0100 |\n| PureSpin Plasmid Miniprep Kit | Helix Labs | HL-K350 |\n"
        #expect(try labels(target).isEmpty)
        #expect(try labels(target, ProductNameTests.source).isEmpty)
        // Without the catalogue number the same words are a label left in English.
        let bare = "| 试剂 | 供应商 |\n| --- | --- |\n| 无核酸酶水 | 诺华生物 |\n| PureSpin Plasmid Miniprep Kit | 螺旋实验室 |\n"
        #expect(try labels(bare).count == 1)
        // Words the dictionary knows from the first, beside a number: a label still.
        let known = "| 试剂 | 供应商 | 货号 |\n| --- | --- | --- |\n| 无核酸酶水 | 诺华生物 | NB-0100 |\n| Plasmid Miniprep Kit | 螺旋实验室 | HL-K350 |\n"
        #expect(try labels(known).count == 1)
        // A priority or a short code (`P1`, `UTF-16`) is no catalogue number.
        let priority = "| 问题 | 负责团队 | 级别 |\n| --- | --- | --- |\n| 登录失败 | 平台组 | P1 |\n| 页面加载缓慢 | Zendora Support | UTF-16 |\n"
        #expect(try labels(priority).count == 1)
        #expect(try labels(priority.replacingOccurrences(of: "UTF-16", with: "ZS-2041")).isEmpty)
    }

    /// A maker's name the column keeps in a row with a catalogue number, where the column names a
    /// brand in another such row: one of its cells translated leaves the kept ones names.
    @Test func aMakerInAColumnOfBrandsIsKept() throws {
        let target = "| 试剂 | 供应商 | 货号 |\n| --- | --- | --- |\n| 无核酸酶水 | NovaBio | NB-0100 |\n| 质粒小提试剂盒 | 螺旋实验室 | HL-K350 |\n"
            + "| 氨苄青霉素 | Helix Labs | HL-A100 |\n"
        #expect(try labels(target, ProductNameTests.source).isEmpty)
        // No brand in the column: the kept cell is still reported.
        let plain = "| 试剂 | 供应商 | 货号 |\n| --- | --- | --- |\n| 无核酸酶水 | 自制 | — |\n| 质粒小提试剂盒 | 螺旋实验室 | HL-K350 |\n"
            + "| 氨苄青霉素 | Helix Labs | HL-A100 |\n"
        #expect(try labels(plain).count == 1)
    }
}

/// untranslated, untranslated-label: names kept as their sites publish them. A list of links to
/// other sites whose short texts the page keeps (`[Stanford Alpaca (en)](https://…)`) keeps its
/// longer ones too (`Orbit Puzzle Reasoning V2 (en&zh)`); a label heading whose words name the
/// site its section links to (`### Slack` over `https://slack.com/…`) is that site's name.
@Suite struct SiteNameTests {
    func findings(_ target: String) throws -> [Finding] {
        try Harness.findings(rule: UntranslatedLabelRule(), target: target).filter { $0.rule == "untranslated-label" }
            + Harness.findings(rule: UntranslatedRule(), target: target).filter { $0.rule == "untranslated" }
    }

    @Test func longerNamesInAListOfOutsideLinks() throws {
        let list = "## 数据集\n\n以下数据集可以直接使用。\n\n- [Stanford Alpaca (en)](https://example.org/alpaca)\n- [LIMA (en)](https://example.org/lima)\n"
            + "- [Wiki QA (en)](https://example.org/wikiqa)\n- [Harbor School Math 0.25M (zh)](https://example.org/math)\n"
            + "- [Orbit Puzzle Reasoning V2 (en&zh)](https://example.org/orbit)\n"
        #expect(try findings(list).isEmpty)
        // Links to pages of the project: their texts are the project's to translate.
        let local = list.replacingOccurrences(of: "https://example.org/orbit", with: "./orbit.md")
        #expect(try findings(local).contains { $0.text.contains("Orbit") })
    }

    @Test func aHeadingNamingTheSiteItsSectionLinksTo() throws {
        let page = "# 社区\n\n欢迎加入我们的社区。\n\n### Slack\n\nhttps://slack.com/invite/abc123\n\n### 邮件\n\n请发邮件给我们。\n"
        #expect(try findings(page).isEmpty)
        let other = page.replacingOccurrences(of: "https://slack.com/invite/abc123", with: "https://example.com/chat")
        #expect(try findings(other).count == 1)
        let chart = "# 项目\n\n这是一个项目。\n\n## Star Chart\n\n![Star Chart](https://api.star-chart.io/svg?repo=a/b)\n"
        #expect(try findings(chart).isEmpty)
        #expect(try findings(chart.replacingOccurrences(of: "star-chart.io", with: "example.io")).count == 1)
        #expect(Segmenter.siteName("https://discord.gg/x") == "discord" && Segmenter.siteName("http://www.github.com/a") == "github"
                    && Segmenter.siteName("https://x.com.cn/") == "x" && Segmenter.siteName("./a.md") == nil)
    }
}
