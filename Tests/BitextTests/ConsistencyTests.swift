import Foundation
import Testing
@testable import BitextCheck
@testable import BitextMarkdown
@testable import BitextText

/// The pieces the consistency rules are built from: numbers, code, placeholders, anchors, links.
@Suite struct ConsistencyTests {
}

