import Foundation
import Testing
@testable import BitextCheck
@testable import BitextMarkdown
@testable import BitextReport
@testable import BitextText

/// Files held until the project is decided (`check` on a tree, with findings that wait for the
/// project) are reported in every format as if each file's findings, the decided ones merged in
/// line order, had been added in turn.
@Suite struct HeldFindingsTests {
    static func f(_ file: String, _ line: Int, _ column: Int = 1, rule: String = "halfwidth-punctuation",
                  text: String = "，", severity: Severity = .warning) -> Finding {
        Finding(rule: rule, severity: severity, file: file,
                span: Span(start: TextPosition(line: line, column: column), end: TextPosition(line: line, column: column + 1)),
                message: "message at \(line)", text: text, fix: line % 2 == 0 ? Fix(",") : nil,
                details: [("details", .object([("line", .int(line))]))])
    }

    /// Memory budgets: none (every file's bytes in the temporary file), the first held file's
    /// bytes (it in memory, the rest there), all in memory.
    @Test(arguments: FindingFormat.allCases, ["none", "first", "all"])
    func heldFilesComeOutInOrder(format: FindingFormat, budget: String) throws {
        let dir = TempDir()
        let files = ["a", "b", "c", "d", "e", "f"].map { name in
            dir.write("\(name).md", (1...9).map { "第 \($0) 行,一句话。" }.joined(separator: "\n") + "\n").path
        }
        // a is written in turn; b waits for the project (two of its findings are decided, one
        // at the place of one of its own); c waits for nothing (the same text twice: SARIF
        // counts repeats); d has no findings; e waits and nothing is decided for it; f waits for nothing.
        let own: [[Finding]] = [
            [Self.f(files[0], 2), Self.f(files[0], 5)],
            [Self.f(files[1], 1), Self.f(files[1], 4), Self.f(files[1], 8)],
            [Self.f(files[2], 3), Self.f(files[2], 3, 4), Self.f(files[2], 7, rule: "untranslated", severity: .info)],
            [],
            [Self.f(files[4], 6, severity: .error)],
            [Self.f(files[5], 9)],
        ]
        let decided = [Self.f(files[1], 4, rule: "untranslated-label", text: "Tools", severity: .info),
                       Self.f(files[1], 9, rule: "untranslated", text: "Tools", severity: .info)]
        var style = TextStyle()
        style.snippets = true

        var expected = format.reporter(style: style)
        var expectedBytes = Array(expected.begin().utf8)
        for (k, findings) in own.enumerated() {
            let merged = (findings + decided.filter { $0.file == files[k] }).sorted(by: Finding.ordered)
            expected.add(merged, into: &expectedBytes)
        }
        expectedBytes += expected.end(Summary()).utf8

        var reporter = format.reporter(style: style)
        var bytes = Array(reporter.begin().utf8)
        let writer = reporter
        reporter.add(writer.written(own[0]), merging: [], into: &bytes)
        let ahead = (1..<own.count).map { writer.written(own[$0]) }.filter { $0.isWrittenAhead && !$0.bytes.isEmpty }
        let memoryBudget = budget == "none" ? 0 : budget == "all" ? 1 << 20 : ahead.first?.bytes.count ?? 0
        let held = HeldFindings(memoryBudget: memoryBudget)
        for k in 1..<own.count { held.hold(files[k], writer.written(own[k]), waits: k == 1 || k == 4) }
        held.release { file, written in
            reporter.add(written, merging: decided.filter { $0.file == file }, into: &bytes)
        }
        bytes += reporter.end(Summary()).utf8
        // The budgets do what they say: everything spooled, a mix, nothing.
        switch budget {
        case "none": #expect(held.spooledFiles == ahead.count)
        case "first": #expect(held.spooledFiles == max(0, ahead.count - 1))
        default: #expect(held.spooledFiles == 0)
        }
        #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: expectedBytes, as: UTF8.self))
        #expect(held.isEmpty)
    }
}
