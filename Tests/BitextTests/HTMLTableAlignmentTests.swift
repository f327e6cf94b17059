import Foundation
import Testing
@testable import BitextAlign
@testable import BitextCheck
@testable import BitextMarkdown
@testable import BitextText

/// Alignment of headings whose text is a link on one side.
@Suite struct HTMLTableAlignmentTests {
    /// The warnings of every rule, as `line: rule`.
    func warnings(_ source: String, _ target: String) throws -> [String] {
        try Harness.findings(target: target, source: source)
            .filter { $0.severity == .warning }
            .map { "\($0.span.start.line): \($0.rule)" }
    }

    // MARK: a heading that is a link

    @Test func headingThatIsALinkIsAHeadingUnit() {
        let doc = Document(SourceText(path: "t.md", text: "## [存储模块](../storage.md)\n\n## ![图标](icon.png)\n"))
        #expect(doc.units.count == 1)
        #expect(doc.units.first?.kind == .heading(level: 2))
        #expect(doc.units.first?.plainText == "存储模块")
        #expect(doc.units.first?.linkTargets.map(\.destination) == ["../storage.md"])
    }

    static let linkedSource = """
        # Drivers

        Every driver has its own page.

        ## Storage Drivers
        <table>
        <tr><th>Driver</th><th>Speed</th></tr>
        <tr><td>DiskA</td><td>120</td></tr>
        </table>

        ## [Network Drivers](../network.en.md)
        <table>
        <tr><th>Driver</th><th>Speed</th></tr>
        <tr><td>NetB</td><td>40</td></tr>
        </table>

        """

    @Test func headingLinkedInTheTranslationOnlyPairsAsAHeading() throws {
        let target = """
            # 驱动

            每个驱动都有自己的页面。

            ## [存储驱动](../storage.md)
            <table>
            <tr><th>驱动</th><th>速度</th></tr>
            <tr><td>DiskA</td><td>120</td></tr>
            </table>

            ## [网络驱动](../network.md)
            <table>
            <tr><th>驱动</th><th>速度</th></tr>
            <tr><td>NetB</td><td>40</td></tr>
            </table>

            """
        #expect(try warnings(Self.linkedSource, target) == [])
    }

    @Test func headingWhoseLinkTheTranslationDroppedKeepsItsPlace() throws {
        let target = """
            # 驱动

            每个驱动都有自己的页面。

            ## 存储驱动
            <table>
            <tr><th>驱动</th><th>速度</th></tr>
            <tr><td>DiskA</td><td>120</td></tr>
            </table>

            ## 网络驱动
            <table>
            <tr><th>驱动</th><th>速度</th></tr>
            <tr><td>NetB</td><td>40</td></tr>
            </table>

            """
        // The heading is there: its link is what is missing, not the heading.
        #expect(try warnings(Self.linkedSource, target) == ["11: link-mismatch"])
    }
}
