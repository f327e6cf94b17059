import Testing
@testable import BitextCheck

/// Code, links and tags a translation localises as a reader expects (held-out reading h152/h157):
/// a placeholder the source marks written as the words it stands for, a locale tag switched
/// inside longer code and in code blocks, a link to the Chinese edition of the same page.
@Suite struct LocalisedCodeTests {
    func code(_ target: String, _ source: String) throws -> [Finding] {
        try Harness.findings(rule: CodeMismatchRule(), target: target, source: source).filter { $0.rule == "code-mismatch" }
    }

    func links(_ target: String, _ source: String) throws -> [Finding] {
        try Harness.findings(rule: LinkMismatchRule(), target: target, source: source).filter { $0.rule == "link-mismatch" }
    }

    // MARK: placeholders

    @Test func aPlaceholderWrittenAsWhatItStandsForInASpan() throws {
        // `<…>` and `{…}` of two words or more: Han exactly in its place, the rest equal.
        #expect(try code("打开 `https://<服务器地址>:9090` 查看面板。\n", "Open `https://<server-address>:9090` to see the panel.\n").isEmpty)
        #expect(try code("打开 `https://服务器地址:9090` 查看面板。\n", "Open `https://<server-address>:9090` to see the panel.\n").isEmpty)
        #expect(try code("用 `tool fetch 数据集名称` 下载数据。\n", "Download the data with `tool fetch <dataset-name>`.\n").isEmpty)
        #expect(try code("结果保存为 `原文件名_out.csv`。\n", "The result is saved as `{source_file_name}_out.csv`.\n").isEmpty)
        // Besides Han, only the placeholder's own words (`IP` of `<host-ip>`).
        #expect(try code("打开 `https://主机IP:9090` 查看面板。\n", "Open `https://<host-ip>:9090` to see the panel.\n").isEmpty)
        // Anything else changed with it stays a warning: the port, an option added, another word.
        #expect(try code("打开 `https://服务器地址:9091` 查看面板。\n", "Open `https://<server-address>:9090` to see the panel.\n").map(\.severity) == [.warning])
        #expect(try code("用 `tool fetch 数据集名称 --all` 下载数据。\n", "Download the data with `tool fetch <dataset-name>`.\n").map(\.severity) == [.warning])
        #expect(try code("打开 `https://服务器host:9090` 查看面板。\n", "Open `https://<server-address>:9090` to see the panel.\n").map(\.severity) == [.warning])
        // A name the source does not mark stays code (`numpy.mean` → `numpy.平均`).
        #expect(try code("调用 `numpy.平均` 求均值。\n", "Call `numpy.mean` for the mean.\n").map(\.severity) == [.warning])
    }

    @Test func aPlaceholderWrittenAsWhatItStandsForInABlock() {
        #expect(CodeComparison.firstDifference(source: "git clone <your-repository-url>\ncd repo\n", target: "git clone 你的仓库地址\ncd repo\n") == nil)
        #expect(CodeComparison.firstDifference(source: "curl http://<service-host>:8999/health\n", target: "curl http://服务主机:8999/health\n") == nil)
        // The command changed beside it: reported.
        #expect(CodeComparison.firstDifference(source: "git clone <your-repository-url>\n", target: "git pull 你的仓库地址\n") != nil)
        // An element the code closes is a tag, not a placeholder; a generic's argument neither.
        #expect(CodeComparison.firstDifference(source: "<nav-bar>Home</nav-bar>\n", target: "导航栏Home</nav-bar>\n") != nil)
        #expect(CodeComparison.firstDifference(source: "let m: Map<key_type>\n", target: "let m: Map键类型\n") != nil)
        // A one-word name in brackets may be a tag (`<div>`): not read as a placeholder.
        #expect(CodeComparison.firstDifference(source: "echo <div>\n", target: "echo 分区\n") != nil)
    }

    @Test func aVariableNameWrittenInHanIsAsked() throws {
        // `$` and a name in Han in the place of a variable: a placeholder for the reader, info.
        let f = try code("把密钥一栏填为 `$环境变量名`，例如 `$SHOP_API_KEY`。\n", "Set the key field to `$ENV_VAR_NAME`, for example `$SHOP_API_KEY`.\n")
        #expect(f.map(\.severity) == [.info])
        // Another variable in Latin letters is a change.
        let g = try code("把密钥一栏填为 `$ENV_NAME`，例如 `$SHOP_API_KEY`。\n", "Set the key field to `$ENV_VAR_NAME`, for example `$SHOP_API_KEY`.\n")
        #expect(g.map(\.severity) == [.warning])
    }

    // MARK: locales

    @Test func aLocaleSwitchedInsideLongerCode() throws {
        #expect(try code("把译文写进 `.config/i18n/zh-CN.json`。\n", "Put the strings in `.config/i18n/en-US.json`.\n").isEmpty)
        #expect(try code("示例使用 `corpus: news_summary_zh` 数据集。\n", "The example uses the `corpus: news_summary_en` dataset.\n").isEmpty)
        #expect(try code("详见 `cli/README_cn.md`。\n", "See `cli/README.md`.\n").isEmpty)
        // Another change beside the locale is a change.
        #expect(try code("把译文写进 `.config/lang/zh-CN.json`。\n", "Put the strings in `.config/i18n/en-US.json`.\n").map(\.severity) == [.warning])
        #expect(try code("示例使用 `corpus: news_digest_zh` 数据集。\n", "The example uses the `corpus: news_summary_en` dataset.\n").map(\.severity) == [.warning])
    }

    @Test func aLocaleSwitchedInABlock() {
        #expect(CodeComparison.firstDifference(source: "./setup.sh --lang en-US --yes\n", target: "./setup.sh --lang zh-CN --yes\n") == nil)
        #expect(CodeComparison.firstDifference(source: "train --data alpaca_en\n", target: "train --data alpaca_zh\n") == nil)
        // With the locale, a value naming the reader's region: the example localised whole.
        #expect(CodeComparison.firstDifference(source: "./setup.sh --lang en-US --mirror global\n", target: "./setup.sh --lang zh-CN --mirror china\n") == nil)
        // Without a locale switched, that value is a change; so is another value beside the locale.
        #expect(CodeComparison.firstDifference(source: "./setup.sh --mirror global\n", target: "./setup.sh --mirror china\n") != nil)
        #expect(CodeComparison.firstDifference(source: "./setup.sh --lang en-US --mirror global\n", target: "./setup.sh --lang zh-CN --mirror backup\n") != nil)
        #expect(CodeComparison.firstDifference(source: "./setup.sh --lang en-US --yes\n", target: "./setup.sh --lang zh-CN --no\n") != nil)
    }

    // MARK: requirement keywords

    @Test func requirementKeywordsRenderedAsWordsOfObligation() throws {
        let f = try code("本规范中的“必须”“不得”和“可以”具有规范含义。\n", "The keywords `MUST`, `MUST NOT` and `MAY` in this spec are normative.\n")
        #expect(!f.isEmpty && f.allSatisfy { $0.severity == .info })
        // With no word of obligation in its place, a keyword in capitals is lost code.
        let g = try code("本规范中的关键词具有规范含义。\n", "The keywords `MUST` and `MAY` in this spec are normative.\n")
        #expect(g.contains { $0.severity == .warning })
        // Another word in capitals is a constant, whatever the translation writes.
        let h = try code("必须先设置超时时间。\n", "You must set `TIMEOUT` first.\n")
        #expect(h.map(\.severity) == [.warning])
    }

    // MARK: links

    @Test func aLinkToTheChineseEditionOfThePage() throws {
        // A language query dropped: the page in the reader's language, info.
        #expect(try links("见[下载页](https://dev.example.com/tools/downloads)。\n", "See [the downloads](https://dev.example.com/tools/downloads?hl=en).\n").map(\.severity) == [.info])
        // Its language segment dropped with the English page's fragment: info.
        #expect(try links("参见[统一模式](/guide/unified.html)。\n", "See [unified mode](/en/guide/unified.md#how-to-enable-it).\n").map(\.severity) == [.info])
        // The site's root for a top page of the English edition: info.
        #expect(try links("见[文档](https://docs.example.app)。\n", "See [the docs](https://docs.example.app/en/what-is-it.html).\n").map(\.severity) == [.info])
        // Another page, or a fragment dropped from the same path, stays a warning.
        #expect(try links("见[下载页](https://dev.example.com/tools/studio)。\n", "See [the downloads](https://dev.example.com/tools/downloads?hl=en).\n").map(\.severity) == [.warning])
        #expect(try links("参见[统一模式](/en/guide/unified.html)。\n", "See [unified mode](/en/guide/unified.md#how-to-enable-it).\n").map(\.severity) == [.warning])
        #expect(try links("见[文档](https://docs.example.app)。\n", "See [the docs](https://docs.example.app/en/guide/deploy/docker.html).\n").map(\.severity) == [.warning])
    }

    @Test func aLinkToThePagesOwnFileIsAnInPageAnchor() throws {
        let source = "# Guide\n\nIf the image cannot be pulled, see the [FAQ](./README_en.md#faq).\n\n## FAQ\n\nRetry with a mirror.\n"
        let target = "# 指南\n\n如果无法拉取镜像，请参阅[常见问题](#常见问题)。\n\n## 常见问题\n\n换用镜像源重试。\n"
        let f = try Harness.findings(rule: LinkMismatchRule(), target: target, source: source, paths: ("README_en.md", "README.md"))
        #expect(f.filter { $0.rule == "link-mismatch" }.isEmpty)
        // Another file's fragment is another page.
        let other = source.replacingOccurrences(of: "./README_en.md#faq", with: "./INSTALL_en.md#faq")
        let g = try Harness.findings(rule: LinkMismatchRule(), target: target, source: other, paths: ("README_en.md", "README.md"))
        #expect(g.filter { $0.rule == "link-mismatch" }.map(\.severity) == [.warning])
    }

    @Test func unquotedLinkAttributesAreComparedAsLinks() throws {
        let f = try Harness.findings(rule: PlaceholderMismatchRule(),
                                     target: "<a href=#-快速开始>快速开始</a> | <a href=https://example.org/docs/latest/index.html>文档</a>\n",
                                     source: "<a href=#-quick-start>Quick Start</a> | <a href=https://example.org/docs/latest/en/index.html>Docs</a>\n")
        #expect(f.filter { $0.rule == "placeholder-mismatch" }.isEmpty)
        // Another page is still reported (link-mismatch reads no unquoted link).
        let other = try Harness.findings(rule: PlaceholderMismatchRule(),
                                         target: "<a href=#-快速开始>快速开始</a> | <a href=https://example.org/blog/index.html>文档</a>\n",
                                         source: "<a href=#-quick-start>Quick Start</a> | <a href=https://example.org/docs/latest/en/index.html>Docs</a>\n")
        #expect(other.filter { $0.rule == "placeholder-mismatch" }.map(\.severity) == [.warning])
        // Another attribute unquoted and changed is still reported.
        let g = try Harness.findings(rule: PlaceholderMismatchRule(), target: "<font size=3>注意</font>\n", source: "<font size=2>Note</font>\n")
        #expect(g.filter { $0.rule == "placeholder-mismatch" }.map(\.severity) == [.warning])
    }
}
