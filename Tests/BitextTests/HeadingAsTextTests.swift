import Foundation
import Testing
@testable import BitextAlign
@testable import BitextMarkdown
@testable import BitextText

/// A source heading the translation wrote as a paragraph, quote or list item pairs with it where
/// the lexicon links them; two headings that share no word are a heading dropped, not a pair
/// (precision review P3).
@Suite struct HeadingAsTextTests {
    static func align(_ en: String, _ zh: String) throws -> [(source: [Int], target: [Int])] {
        let s = try GapPairingTests.features(en), t = try GapPairingTests.features(zh)
        return BlockAligner().align(source: s, target: t).map { ($0.source, $0.target) }
    }

    static func has(_ beads: [(source: [Int], target: [Int])], _ s: [Int], _ t: [Int]) -> Bool {
        beads.contains { $0.source == s && $0.target == t }
    }

    @Test func aHeadingWrittenAsAParagraphPairsWithIt() throws {
        let beads = try Self.align(
            "# Alerts\n\nCreate an alert instance and pick the plugin.\n\n## Parameter Configuration\n\n- Each parameter has a default value.\n- The timeout is in seconds.\n",
            "# 告警\n\n创建告警实例并选择插件。\n\n参数配置\n\n- 每个参数都有默认值。\n- 超时以秒为单位。\n")
        #expect(Self.has(beads, [1], [1]))
        #expect(Self.has(beads, [2], [2]))
    }

    @Test func aParagraphThatTranslatesTheHeadingsNeighbourStaysWithIt() throws {
        // 目前支持以下语言： translates the paragraph before the heading; the heading is dropped.
        let beads = try Self.align(
            "# Locales\n\nNote: the file name follows the locale code.\n\nThe following languages are currently supported:\n\n### Supported languages\n\n- English\n- French\n",
            "# 语言\n\n注意：文件名遵循语言代码。\n\n目前支持以下语言：\n\n- 英语\n- 法语\n")
        #expect(Self.has(beads, [2], [2]))
        #expect(Self.has(beads, [3], []))
    }

    @Test func aDroppedSectionDoesNotTakeTheNextHeading() throws {
        let beads = try Self.align(
            "# Guide\n\n## Overview\n\nThe definition screen shows the existing workflows and the tools to create or import them.\n\n![overview](img/overview.png)\n\n## Create a workflow definition\n\nClick `Project -> Workflow` and then click the `Create` button to open the editor.\n\n![editor](img/editor.png)\n",
            "# 指南\n\n## 创建工作流定义\n\n- 点击项目->工作流，然后点击“创建”按钮，打开编辑器。\n\n  ![editor](img/editor.png)\n")
        #expect(Self.has(beads, [1], []))
        #expect(Self.has(beads, [2], []))
        #expect(Self.has(beads, [4], [1]))
        #expect(Self.has(beads, [5], [2]))
    }

    @Test func aHeadingAndItsParagraphUnderABoldLabelAreOneBead() throws {
        let beads = try Self.align(
            "# Guide\n\n### Task relationships\n\nClick the plus sign on the right of a node to connect the tasks.\n",
            "# 指南\n\n- **任务关系：** 点击节点右侧的加号连接任务。\n")
        #expect(Self.has(beads, [1, 2], [1]))
        // A label that says something else: the heading stays alone.
        let other = try Self.align(
            "# Guide\n\n### Task relationships\n\nClick the plus sign on the right of a node to connect the tasks.\n",
            "# 指南\n\n- **注意：** 点击节点右侧的加号连接任务。\n")
        #expect(Self.has(other, [1], []))
    }

    @Test func aBoldLabelIsTheBoldSpanABlockOpensWith() throws {
        let f = try GapPairingTests.features("- **任务关系：** 点击加号。\n\n**全部加粗。**\n\n点击**加号**。\n")
        #expect(f.map(\.label) == ["任务关系：", nil, nil])
    }

    @Test func aDroppedHeadingBeforeItsParagraphStaysAlone() throws {
        let beads = try Self.align(
            "# Types\n\n## Metatype Type\n\nA metatype type refers to the type of any type, including class types and protocol types.\n",
            "# 类型\n\n元类型是指任何类型的类型，包括类类型和协议类型。\n")
        #expect(Self.has(beads, [1], []))
        #expect(Self.has(beads, [2], [1]))
    }
}
