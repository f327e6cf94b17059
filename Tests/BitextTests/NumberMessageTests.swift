import Testing
@testable import BitextCheck

/// How number-mismatch quotes what it compares.
@Suite struct NumberMessageTests {
    /// A model number whose letters after the digits read as a unit symbol is quoted once,
    /// as written (`NX-2424P`, not `NX-2424PP`).
    @Test func identifierWithLettersAfterItsNumberIsQuotedAsWritten() throws {
        let f = try Harness.findings(rule: NumberMismatchRule(), target: "型号 NX-2442P 的功率预算为 370 W。\n",
                                     source: "The NX-2424P has a power budget of 370 W.\n")
        #expect(f.count == 1)
        #expect(f.first?.message.contains("the source has NX-2424P (line 1) where this has NX-2442P") == true)
    }
}
