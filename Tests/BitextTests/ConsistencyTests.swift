import Foundation
import Testing
@testable import BitextCheck
@testable import BitextMarkdown
@testable import BitextText

/// The pieces the consistency rules are built from: numbers, code, placeholders, anchors, links.
@Suite struct ConsistencyTests {
    @Test func codeDebug() {
        let s = "Given an unordered array `nums` of length $n$, return the largest $k$ elements in the array.\n"
        let t = "给定一个长度为 $n$ 的无序数组 `nums` ，请返回数组中最大的 $k$ 个元素。\n"
        let a = CodeComparison.tokens(s), b = CodeComparison.tokens(t)
        print(a.map { "\($0.kind):\($0.text)" })
        print(b.map { "\($0.kind):\($0.text)" })
        for g in CodeComparison.gaps(a, b) { print(a[g.0].map(\.text), b[g.1].map(\.text), CodeComparison.acceptable(a[g.0], b[g.1])) }
    }
}
