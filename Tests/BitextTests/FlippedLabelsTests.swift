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
}
