import Testing
@testable import BitextCheck

/// extra-block: a translation paired with a source that has nothing to translate gets one
/// finding, not one for each of its blocks.
@Suite struct EmptySourceTests {
    @Test func anEmptySourceIsOneFinding() throws {
        let target = "# 教程\n\n第一段。\n\n第二段。\n\n- 一项\n- 两项\n"
        let empty = try Harness.findings(rule: ExtraBlockRule(), target: target, source: "")
            .filter { $0.rule == "extra-block" }
        #expect(empty.count == 1)
        #expect(empty.first?.span.start.line == 1)
        #expect(empty.first?.message.contains("5") == true)
        // A source with something in it: a finding for each block it lacks.
        let some = try Harness.findings(rule: ExtraBlockRule(), target: target, source: "# Tutorial\n")
            .filter { $0.rule == "extra-block" }
        #expect(some.count == 4)
    }
}
