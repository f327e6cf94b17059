import Foundation
import Testing
@testable import BitextCheck
@testable import BitextMarkdown

/// A `<code>` left open inside an HTML cell or list item ends with it, as a browser's cell ends
/// it: the rows after it stay prose (held-out review h144 C4: one unclosed `<code>` in the
/// English turned the rest of a parameter table into code, and every translated cell after it
/// into an extra block).
@Suite struct UnclosedCodeTests {
    static let table = """
        <table>
        <tr><td><code>merge_mode</code></td><td>
        <ul>
        <li><b>str</b>: large or small</li>
        <li><b>dict</b>: class id to mode, e.g. <code>{0: "large", 2: "small"}</li>
        </ul>
        </td></tr>
        <tr><td><code>limit_side</code></td><td>The side length limit for detection.</td></tr>
        <tr><td><code>limit_type</code></td><td>The kind of side length limit.</td></tr>
        </table>

        """

    @Test func cellsAfterAnUnclosedCodeAreProse() {
        let doc = Document(SourceText(path: "t.md", text: Self.table))
        let texts = doc.units.map(\.plainText)
        #expect(texts.contains("The side length limit for detection."), "\(texts)")
        #expect(texts.contains("The kind of side length limit."), "\(texts)")
        // The open element's own text is still code.
        let item = doc.units.first { $0.plainText.hasPrefix("dict") }
        #expect(item.map { u in u.text.indices.contains { u.text[$0] == 0x7B && u.roles[$0] == .code } } == true)
    }

    @Test func theTranslatedRowsPair() throws {
        let target = """
            <table>
            <tr><td><code>merge_mode</code></td><td>
            <ul>
            <li><b>str</b>：large 或 small</li>
            <li><b>dict</b>：类别 id 到模式的映射，如 <code>{0: "large", 2: "small"}</code></li>
            </ul>
            </td></tr>
            <tr><td><code>limit_side</code></td><td>检测的边长限制。</td></tr>
            <tr><td><code>limit_type</code></td><td>边长限制的类型。</td></tr>
            </table>

            """
        let warnings = try Harness.findings(target: target, source: Self.table).filter { $0.severity == .warning }
        #expect(warnings.isEmpty, "\(warnings.map { "\($0.span.start.line): \($0.rule) \($0.message)" })")
    }
}
