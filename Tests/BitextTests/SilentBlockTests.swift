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
}
