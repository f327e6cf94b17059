import Foundation
import Testing
@testable import BitextCheck
@testable import BitextMarkdown
@testable import BitextText

/// Blocks with nothing to translate (no units) and the translation's units that stand for them;
/// the translator's metadata at the head of a page.
@Suite struct SilentBlockTests {
    func unit(_ markdown: String) -> BitextMarkdown.Unit {
        Document(SourceText(path: "t.md", text: markdown)).units[0]
    }

    @Test func silentBlocksAreRecordedNotUnits() {
        let doc = Document(SourceText(path: "s.md", text: """
            # Links

            See the reference.

            https://example.org/reference

            `npm install example-ui`

            | Name | Default |
            | --- | --- |
            | size | `16` |

            """))
        #expect(doc.units.map(\.plainText) == ["Links", "See the reference.", "Name", "Default", "size"])
        #expect(doc.silentBlocks.map(\.start.line) == [5, 7, 11])
        #expect(doc.silentBlocks.map(\.kind) == [.paragraph, .paragraph, .tableCell(row: 1, column: 1)])
        #expect(doc.silentBlocks[0].linkTargets.map(\.destination) == ["https://example.org/reference"])
        // Code-only headings stay anchor headings, not silent blocks.
        let h = Document(SourceText(path: "s.md", text: "## `useState()` {#use-state}\n"))
        #expect(h.anchorHeadings.count == 1 && h.silentBlocks.isEmpty)
    }

    @Test func samePage() {
        let same = { (a: String, b: String) in UnpairedBlocks.samePage(a, b, map: []) }
        #expect(same("https://example.com/widgets/dropdown/#Dropdown-props", "/widgets/dropdown-cn#dropdown-props"))
        #expect(same("https://example.com/docs/intro", "https://www.example.com/docs/intro/"))
        #expect(same("/guide/intro", "/zh/guide/intro"))
        #expect(!same("https://example.com/widgets/dropdown/#Dropdown-props", "/widgets/table-cn#table-props"))
        #expect(!same("https://example.com/widgets/dropdown/#props", "/widgets/dropdown-cn#events"))
        #expect(!same("#usage", "#usage-zh"))
        #expect(UnpairedBlocks.samePage("/guide/a", "/zh/docs/a", map: [(source: "/guide/", target: "/zh/docs/")]))
    }

    @Test func evidenceOfSilentBlocks() {
        let shares = { (s: String, t: String) in UnpairedBlocks.sharesEvidence(silent: unit(s), unit(t), map: []) }
        // (Units made of the same Markdown: `unit` keeps what a silent block would hold.)
        #expect(shares("见 https://example.org/reference\n", "参考文档：https://example.org/reference\n"))
        #expect(shares("`npm install example-ui` x\n", "运行 `npm install example-ui` 安装。\n"))
        #expect(shares("$E = mc^2$ x\n", "其中 $E = mc^2$，x。\n"))
        #expect(!shares("见 https://example.org/reference\n", "参考文档：https://example.org/tutorial\n"))
        #expect(!shares("`npm install example-ui` x\n", "这一段是译者加的说明。\n"))
    }

    @Test func metadata() {
        #expect(ExtraBlockRule.isMetadata(unit("> [ch02-00-widgets.md](https://github.com/example/widget-book/blob/main/src/ch02-00-widgets.md) <br>\n> commit 9c3e1f27ab05d4e8c6b1a2f3e4d5c6b7a8f9e0d1\n")))
        #expect(ExtraBlockRule.isMetadata(unit("Source: [widgets.md](https://example.org/src/widgets.md)\n")))
        #expect(ExtraBlockRule.isMetadata(unit("commit 9c3e1f27, 2024-05-01\n")))
        // A sentence, or words with no link or hash, is not metadata.
        #expect(!ExtraBlockRule.isMetadata(unit("Read the [original chapter](https://example.org/ch02.md) for the latest version.\n")))
        #expect(!ExtraBlockRule.isMetadata(unit("Translated by volunteers\n")))
        #expect(!ExtraBlockRule.isMetadata(unit("Version 2.1 final draft\n")))
        #expect(!ExtraBlockRule.isMetadata(unit("See also notes, [x](https://example.org/x)\n")))
    }
}
