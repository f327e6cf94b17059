import Foundation
import Testing
@testable import BitextCheck

/// A bracketed label a reference repeats on its items, written the way the page renders another
/// of the source's labels (review 33 D8).
@Suite struct FlippedLabelsTests {
    static let source = """
        * `name` - (Required) Name of the bucket.
        * `region` - (Required) Region of the bucket.
        * `acl` - (Optional) Access policy.
        * `tags` - (Optional) Tags of the bucket.
        * `versioning` - (Optional) Versioning settings.

        """

    func flipped(_ target: String) throws -> [Finding] {
        try Harness.findings(rule: MissingTranslationRule(), target: target, source: Self.source)
            .filter { $0.details.contains { $0.0 == "evidence" && $0.1 == .string("flipped-label") } }
    }

    @Test func aLabelWrittenAsTheOtherLabelsRendering() throws {
        let f = try flipped("* `name` -（必需）存储桶名称。\n* `region` -（必需）存储桶的区域。\n* `acl` -（必需）访问策略。\n* `tags` -（可选）存储桶的标签。\n* `versioning` -（可选）版本控制设置。\n")
        #expect(f.count == 1 && f[0].span.start.line == 3 && f[0].severity == .warning, "\(f.map(\.message))")
        #expect(f.first?.message.contains("(Optional)") == true && f.first?.message.contains("（必需）") == true)
        // Each label its own way: silent.
        #expect(try flipped("* `name` -（必需）存储桶名称。\n* `region` -（必需）存储桶的区域。\n* `acl` -（可选）访问策略。\n* `tags` -（可选）存储桶的标签。\n* `versioning` -（可选）版本控制设置。\n").isEmpty)
        // Two renderings of one label, neither another label's: silent.
        #expect(try flipped("* `name` -（必需）存储桶名称。\n* `region` -（必填）存储桶的区域。\n* `acl` -（可选）访问策略。\n* `tags` -（可选）存储桶的标签。\n* `versioning` -（可选）版本控制设置。\n").isEmpty)
        // One of each written alike: no convention to read (which one is wrong?).
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: "* `name` -（可选）存储桶名称。\n* `acl` -（可选）访问策略。\n",
                                     source: "* `name` - (Required) Name of the bucket.\n* `acl` - (Optional) Access policy.\n").isEmpty)
    }

    static let table = """
        | Status | Error class | Retried by default |
        | --- | --- | --- |
        | 400 | `ValidationError` | No |
        | 401 | `AuthError` | No |
        | 429 | `RateLimitError` | Yes, up to 3 times |
        | 503 | `ServerError` | Yes, up to 3 times |

        """

    func flippedValues(_ target: String, source: String = FlippedLabelsTests.table) throws -> [Finding] {
        try Harness.findings(rule: MissingTranslationRule(), target: target, source: source)
            .filter { $0.details.contains { $0.0 == "evidence" && $0.1 == .string("flipped-value") } }
    }

    /// A value a column repeats written the way the column writes another (review 29 M7: `No` →
    /// `是` in a column of `否` and `是`), learned from the column: no list of answers.
    @Test func aCellWrittenAsTheColumnWritesAnotherValue() throws {
        let head = "| 状态 | 错误类 | 默认是否重试 |\n| --- | --- | --- |\n"
        let f = try flippedValues(head + "| 400 | `ValidationError` | 否 |\n| 401 | `AuthError` | 是 |\n| 429 | `RateLimitError` | 是，最多 3 次 |\n| 503 | `ServerError` | 是，最多 3 次 |\n")
        #expect(f.count == 1 && f.first?.span.start.line == 4 && f.first?.span.start.column == 23, "\(f.map(\.message))")
        #expect(f.first?.message.contains("No (line 4) as 是, which this column uses for Yes; its other No cells say 否") == true)
        // Each value its own way, or a value written two ways neither of them another's: silent.
        #expect(try flippedValues(head + "| 400 | `ValidationError` | 否 |\n| 401 | `AuthError` | 否 |\n| 429 | `RateLimitError` | 是，最多 3 次 |\n| 503 | `ServerError` | 是，最多 3 次 |\n").isEmpty)
        #expect(try flippedValues(head + "| 400 | `ValidationError` | 否 |\n| 401 | `AuthError` | 不 |\n| 429 | `RateLimitError` | 是，最多 3 次 |\n| 503 | `ServerError` | 是，最多 3 次 |\n").isEmpty)
        // The other value written one way only once, or this value nowhere else: no convention to read.
        #expect(try flippedValues(head + "| 400 | `ValidationError` | 否 |\n| 401 | `AuthError` | 是 |\n| 429 | `RateLimitError` | 是，最多 3 次 |\n| 503 | `ServerError` | 会，最多 3 次 |\n").isEmpty)
        #expect(try flippedValues(head + "| 400 | `ValidationError` | 是 |\n| 401 | `AuthError` | 是 |\n| 429 | `RateLimitError` | 是，最多 3 次 |\n| 503 | `ServerError` | 是，最多 3 次 |\n").isEmpty)
    }
}
