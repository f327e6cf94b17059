import Foundation
import Testing
@testable import BitextCheck

/// Two cells of one word each exchanged between the columns of a row (review 33 D12), taken only
/// where another row of the table (the header too) shows the two columns in place.
@Suite struct SwappedWordCellsTests {
    static let source = "| Day | Hours |\n| --- | --- |\n| Tuesday to Sunday | 09:00–17:30 |\n| Monday | Closed |\n"

    func swaps(_ target: String, _ source: String = Self.source) throws -> [Finding] {
        try Harness.findings(rule: MissingTranslationRule(), target: target, source: source)
            .filter { $0.details.contains { $0.0 == "evidence" && $0.1 == .string("swapped-columns") } }
    }

    @Test func oneWordCellsExchanged() throws {
        let f = try swaps("| 日期 | 时间 |\n| --- | --- |\n| 周二至周日 | 09:00–17:30 |\n| 闭馆 | 周一 |\n")
        #expect(f.map(\.span.start.line) == [4, 4], "\(f.map(\.message))")
        #expect(try swaps("| 日期 | 时间 |\n| --- | --- |\n| 周二至周日 | 09:00–17:30 |\n| 周一 | 闭馆 |\n").isEmpty)
        // Columns the translation reordered, header and all: no swap.
        #expect(try swaps("| 时间 | 日期 |\n| --- | --- |\n| 09:00–17:30 | 周二至周日 |\n| 闭馆 | 周一 |\n").isEmpty)
    }
}
