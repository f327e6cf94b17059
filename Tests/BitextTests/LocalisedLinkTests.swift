import Foundation
import Testing
@testable import BitextCheck

/// link-mismatch: links written the way the project names its own pages (MkDocs i18n's
/// `page.en.md` beside `page.md`) and a page's link to its counterpart in the other language.
@Suite struct LocalisedLinkTests {
    func findings(_ target: String, _ source: String, paths: (String, String)) throws -> [Finding] {
        try Harness.findings(rule: LinkMismatchRule(), target: target, source: source, paths: paths)
            .filter { $0.rule == "link-mismatch" }
    }

    static let source = "See the [installation guide](../installation/installation.en.md) first, then [the tutorial](./tutorial.en.md#setup).\n"
    static let target = "请先阅读[安装指南](../installation/installation.md)，然后阅读[教程](./tutorial.md#setup)。\n"

    @Test func linksNamedAsThePairIsNamedAreTheSamePages() throws {
        // The pair itself is `guide.en.md` and `guide.md`: its links follow the same convention.
        #expect(try findings(Self.target, Self.source, paths: ("docs/guide.en.md", "docs/guide.md")).isEmpty)
        // Pairs named alike (`en/guide.md`, `zh/guide.md`) show no such convention: localised, at info.
        let alike = try findings(Self.target, Self.source, paths: ("en/guide.md", "zh/guide.md"))
        #expect(alike.map(\.severity) == [.info, .info])
        // Another page, even under the convention, is a changed link.
        let changed = try findings("请先阅读[安装指南](../installation/installation.md)，然后阅读[教程](./tutorials.md#setup)。\n",
                                   Self.source, paths: ("docs/guide.en.md", "docs/guide.md"))
        #expect(changed.map(\.severity) == [.warning])
        // An absolute URL is the site's business (`links:`), whatever the pair is called.
        let url = try findings("见[文档](https://example.org/docs/page.md)。\n", "See [the docs](https://example.org/docs/page.en.md).\n",
                               paths: ("docs/guide.en.md", "docs/guide.md"))
        #expect(url.map(\.severity) == [.info])
    }

    @Test func aLinkToTheOtherLanguagesPageIsTheSwitcher() throws {
        let source = "English | [简体中文](README_ch.md)\n\n# Tool\n\nA small tool.\n"
        let target = "[English](README.md) | 简体中文\n\n# 工具\n\n一个小工具。\n"
        #expect(try findings(target, source, paths: ("README.md", "README_ch.md")).isEmpty)
        // Pointing at a third page is not the switcher.
        let other = try findings("[English](README_ja.md) | 简体中文\n\n# 工具\n\n一个小工具。\n", source, paths: ("README.md", "README_ch.md"))
        #expect(other.map(\.severity) == [.warning])
    }

    /// `_ch` tags a Chinese page as `_cn` does, in file and folder names (`README_ch.md`,
    /// `doc/doc_ch/`): localised, at info (held-out review h144 C3); relative paths are read from
    /// where each file is, so two that climb differently to one page are the same link.
    @Test func chTagsAndPathsReadFromEachFile() throws {
        let localised = try findings("训练请参阅[检测指南](../../doc/doc_ch/detection.md)。\n请使用 [LabelTool](https://github.com/example/tool/blob/main/README_ch.md)。\n",
                                     "For training, see [the detection guide](../../doc/doc_en/detection_en.md).\nUse [LabelTool](https://github.com/example/tool/blob/main/README.md).\n",
                                     paths: ("docs/guide/a.en.md", "docs/guide/a.md"))
        #expect(localised.map(\.severity) == [.info, .info])
        // From docs/guide/, ../setup is ../../docs/setup.
        #expect(try findings("请先按照[安装指南](../setup/install.md)安装。\n", "Install it first, as in [the install guide](../../docs/setup/install.en.md).\n",
                             paths: ("docs/guide/a.en.md", "docs/guide/a.md")).isEmpty)
        // Another folder is another page.
        let other = try findings("请先按照[安装指南](../deploy/install.md)安装。\n", "Install it first, as in [the install guide](../../docs/setup/install.en.md).\n",
                                 paths: ("docs/guide/a.en.md", "docs/guide/a.md"))
        #expect(other.map(\.severity) == [.warning])
        // A Swiss host is no locale.
        let swiss = try findings("见[网站](https://example.ch/docs)。\n", "See [the site](https://example.de/docs).\n", paths: ("a.en.md", "a.md"))
        #expect(swiss.map(\.severity) == [.warning])
    }
    /// A link the translation labels as Chinese (`（中文）` after it) where the source's says
    /// `(English)`: the Chinese edition, chosen on purpose (held-out review s33 G).
    @Test func aLinkLabelledChineseIsTheChineseEdition() throws {
        let source = "- [Intro video](https://video.example.com/watch/42) (English)\n"
        let labelled = try findings("- [入门视频](https://video.example.com/watch/57)（中文）\n", source, paths: ("a.md", "a_zh.md"))
        #expect(labelled.map(\.severity) == [.info])
        // The label inside the link text counts as well.
        let inText = try findings("- [入门视频（中文）](https://video.example.com/watch/57)\n", source, paths: ("a.md", "a_zh.md"))
        #expect(inText.map(\.severity) == [.info])
        // No label: another video.
        let bare = try findings("- [入门视频](https://video.example.com/watch/57)\n", source, paths: ("a.md", "a_zh.md"))
        #expect(bare.map(\.severity) == [.warning])
        // The source labels its own link Chinese too: both editions are Chinese, so a change is a change.
        let both = try findings("- [入门视频](https://video.example.com/watch/57)（中文）\n",
                                "- [Intro video](https://video.example.com/watch/42) (Chinese)\n", paths: ("a.md", "a_zh.md"))
        #expect(both.map(\.severity) == [.warning])
    }

    /// A query value that is a file name loses its locale as a path's file name does: an issue
    /// form's `template=bug.en.md` beside `template=bug.md` (held-out review s33 G).
    @Test func aFileNameInTheQueryIsLocalised() throws {
        let source = "[Report a bug](https://github.com/example/tool/issues/new?labels=&template=2_bug.en.md&title=).\n"
        let localised = try findings("[报告问题](https://github.com/example/tool/issues/new?labels=&template=2_bug.md&title=)。\n", source,
                                     paths: ("a.en.md", "a.md"))
        #expect(localised.map(\.severity) == [.info])
        let other = try findings("[报告问题](https://github.com/example/tool/issues/new?labels=&template=3_feature.md&title=)。\n", source,
                                 paths: ("a.en.md", "a.md"))
        #expect(other.map(\.severity) == [.warning])
    }

    /// A relative link of the source that goes to nothing in the repository, where the
    /// translation's goes to a file that is there: the source's slip, at info (held-out review
    /// s33 H). Where both are there, or neither, a changed link.
    @Test func aSourceLinkToNothingOnDisk() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bitext-link-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("docs/guide"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("docs/pipelines"), withIntermediateDirectories: true)
        for name in ["docs/guide/a.en.md", "docs/guide/a.md", "docs/pipelines/face.md", "docs/pipelines/face.en.md", "docs/pipelines/ocr.md"] {
            try Data("# x\n".utf8).write(to: root.appendingPathComponent(name))
        }
        let paths = (root.appendingPathComponent("docs/guide/a.en.md").path, root.appendingPathComponent("docs/guide/a.md").path)
        let slip = try findings("见[人脸识别产线](../pipelines/face.md)。\n", "See [the face pipeline](../face_pipelines/face.en.md).\n", paths: paths)
        #expect(slip.map(\.severity) == [.info])
        #expect(slip.first?.message.contains("not in the repository") == true, "\(slip.map(\.message))")
        // Both there: the translation links another page.
        let other = try findings("见[人脸识别产线](../pipelines/ocr.md)。\n", "See [the face pipeline](../pipelines/face.en.md).\n", paths: paths)
        #expect(other.map(\.severity) == [.warning])
        // Neither there: nothing tells which is right.
        let neither = try findings("见[人脸识别产线](../pipes/face.md)。\n", "See [the face pipeline](../face_pipelines/face.en.md).\n", paths: paths)
        #expect(neither.map(\.severity) == [.warning])
    }
}

/// The tag a pair's own file names differ by, learnt from the names.
@Suite struct PairNamingTests {
    @Test func tagsAreReadFromThePairsNames() throws {
        let mk = LinkComparison.PairNaming(source: "guide.en.md", target: "guide.md")
        #expect(mk?.maps("../install/install.en.md", to: "../install/install.md") == true)
        #expect(mk?.maps("../install/install.en.md", to: "../setup/install.md") == false)
        let suffix = LinkComparison.PairNaming(source: "README.md", target: "README_ch.md")
        #expect(suffix?.maps("docs/quickstart.md", to: "docs/quickstart_ch.md") == true)
        #expect(suffix?.maps("docs/quickstart.md", to: "docs/quickstart.md") == false)
        let both = LinkComparison.PairNaming(source: "intro_en.md", target: "intro_zh.md")
        #expect(both?.maps("./usage_en.md", to: "./usage_zh.md") == true)
        // Names that are not one stem with a tag teach nothing.
        #expect(LinkComparison.PairNaming(source: "intro.md", target: "introduction.md") == nil)
        #expect(LinkComparison.PairNaming(source: "a.md", target: "a.md") == nil)
    }

    @Test func aSuffixedPairsLinksFollowItsNaming() throws {
        let source = "See [the quick start](docs/quickstart.md) and [the FAQ](docs/faq.md#install).\n"
        let target = "参见[快速开始](docs/quickstart_ch.md)和[常见问题](docs/faq_ch.md#install)。\n"
        let f = try Harness.findings(rule: LinkMismatchRule(), target: target, source: source, paths: ("README.md", "README_ch.md"))
        #expect(f.filter { $0.rule == "link-mismatch" }.isEmpty)
    }
}

/// anchor-mismatch: a heading without the source's id, which the translation's own links reach
/// by its slug, is info.
@Suite struct AnchorLinkedBySlugTests {
    @Test func aHeadingTheTranslationLinksBySlugNeedsNoId() throws {
        let source = "## Quick Start <a id=\"quick\"></a>\n\nRun it.\n\nSee [Quick Start](#quick).\n"
        let linked = try Harness.findings(rule: AnchorMismatchRule(), target: "## 快速开始\n\n运行它。\n\n见[快速开始](#快速开始)。\n", source: source)
        #expect(linked.filter { $0.rule == "anchor-mismatch" }.map(\.severity) == [.info])
        let unlinked = try Harness.findings(rule: AnchorMismatchRule(), target: "## 快速开始\n\n运行它。\n\n见上文。\n", source: source)
        #expect(unlinked.filter { $0.rule == "anchor-mismatch" }.map(\.severity) == [.warning])
    }
}

/// anchor-mismatch: a page that writes every changed id in Chinese (`{#配置模型}` for
/// `{#configure-model}`) and links to none of the source's ids pins ids of its own: info. A link
/// still to a source id, or an id changed otherwise beside them, keeps warnings.
@Suite struct TranslatedIDTests {
    let source = "## Configure the model {#configure-model}\n\nSet it.\n\n## Run it {#run}\n\nRun it.\n\n## Stop it {#stop}\n\nStop it.\n"
    func severities(_ target: String) throws -> [Severity] {
        try Harness.findings(rule: AnchorMismatchRule(), target: target, source: source).filter { $0.rule == "anchor-mismatch" }.map(\.severity)
    }

    @Test func idsTranslatedThroughoutAreTheTranslationsOwn() throws {
        let target = "## 配置模型 {#配置模型}\n\n设置它。\n\n## 运行 {#运行}\n\n运行它。\n\n## 停止 {#stop}\n\n停止它。\n"
        #expect(try severities(target) == [.info, .info])
        // The page's own links to its ids are fine.
        #expect(try severities(target + "\n见[配置模型](#配置模型)。\n") == [.info, .info])
    }

    @Test func aLinkToTheSourcesIdOrAnotherChangeKeepsWarnings() throws {
        let target = "## 配置模型 {#配置模型}\n\n设置它。\n\n## 运行 {#运行}\n\n运行它。\n\n## 停止 {#stop}\n\n停止它。\n"
        #expect(try severities(target + "\n见[配置模型](#configure-model)。\n") == [.warning, .warning])
        let mixed = "## 配置模型 {#配置模型}\n\n设置它。\n\n## 运行 {#运行}\n\n运行它。\n\n## 停止 {#halt}\n\n停止它。\n"
        #expect(try severities(mixed) == [.warning, .warning, .warning])
        // A Latin id changed alone is a warning as before.
        #expect(try severities("## 配置模型 {#configure}\n\n设置它。\n\n## 运行 {#run}\n\n运行它。\n\n## 停止 {#stop}\n\n停止它。\n") == [.warning])
    }
}

/// link-mismatch: a fragment of another page with a word boundary dropped names another heading
/// (review 31, D10); other separators and case, and a letter alone split off, name the same one.
@Suite struct FragmentWordsTests {
    func findings(_ target: String, _ source: String) throws -> [Finding] {
        try Harness.findings(rule: LinkMismatchRule(), target: target, source: source).filter { $0.rule == "link-mismatch" }
    }

    @Test func aDroppedSeparatorIsAnotherFragment() throws {
        let source = "See [Transformation](transformation.md#heat-shock).\n"
        #expect(try findings("参见[转化](transformation.md#heatshock)。\n", source).map(\.severity) == [.warning])
        #expect(try findings("参见[转化](transformation.md#heat-shock)。\n", source).isEmpty)
        #expect(try findings("参见[转化](transformation.md#Heat_Shock)。\n", source).isEmpty)
        #expect(try findings("参见[新功能](notes.md#what-s-new)。\n", "See [what's new](notes.md#whats-new).\n").isEmpty)
        #expect(LinkComparison.wordCount("heat-shock") == 2 && LinkComparison.wordCount("what-s-new") == 2
                    && LinkComparison.wordCount("heatshock") == 1 && LinkComparison.wordCount("release-2-1") == 1)
    }

}
