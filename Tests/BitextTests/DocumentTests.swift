import Foundation
import Testing
@testable import BitextMarkdown
@testable import BitextText

@Suite struct DocumentTests {
    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func everyCorpusUnitRoundTrips() throws {
        let files = Fixtures.corpusFiles()
        #expect(files.count >= 102)
        var units = 0
        for url in files {
            let doc = try Fixtures.document(url)
            for u in doc.units {
                let slice = doc.source.slice(from: u.start, through: u.end)
                #expect(slice == u.string, "\(url.lastPathComponent) \(u.start)-\(u.end)")
                units += 1
            }
        }
        #expect(units > 5000)
    }

    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func everyCorpusSentenceAndRunRoundTrips() throws {
        let seg = try Segmenter(source: Harness.source, target: Harness.target)
        var pairs = 0
        for url in Fixtures.corpusFiles() {
            let doc = try Fixtures.document(url)
            for u in doc.units {
                let a = seg.analyze(u)
                for r in a.sentences + a.runs.map(\.range) {
                    let span = u.span(r)
                    #expect(doc.source.slice(from: span.start, through: span.end) == u.string(r))
                }
                // Runs cover the unit, in order, without gaps.
                #expect(a.runs.first?.range.lowerBound == 0 && a.runs.last?.range.upperBound == u.text.count)
                pairs += 1
            }
        }
        #expect(pairs > 5000)
    }

    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func seedUnits() throws {
        let doc = try Fixtures.document(Fixtures.corpus("genai-handbook/zh/intro.md")!)
        let headings = doc.units.filter { $0.kind.headingLevel != nil }
        #expect(headings.first?.string == "导言")
        #expect(headings.first?.kind == .heading(level: 1))
        // Lines 55–56: one HTML block holding an <h2> and an <h3>.
        #expect(headings.contains { $0.start.line == 55 && $0.string == "Preliminaries" && $0.kind == .heading(level: 2) })
        #expect(headings.contains { $0.start.line == 56 && $0.string == "Math" && $0.kind == .heading(level: 3) })
        #expect(headings.count == 8)
        // Every paragraph and list item has a unit; nothing from the HTML comment (51–53).
        let lines = Set(doc.units.map(\.start.line))
        for l in [3, 7, 9, 24, 26, 27, 37, 47, 49, 58, 60, 63, 67, 68, 82] { #expect(lines.contains(l), "line \(l)") }
        #expect(!doc.units.contains { (51...53).contains($0.start.line) })
        #expect(doc.comments.contains { $0.start.line == 51 && $0.end.line == 53 })
        // Sections follow the headings.
        let line7 = doc.units.first { $0.start.line == 7 }!
        #expect(line7.section.map { doc.units[$0].string } == "The AI Landscape")
    }

    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func seedLine7Runs() throws {
        let r = try CLI.run(["segment", Fixtures.corpus("genai-handbook/zh/intro.md")!.path, "--format", "json"])
        #expect(r.status == 0)
        let units = (r.json as? [String: Any])?["units"] as? [[String: Any]] ?? []
        let u7 = units.first { $0["line"] as? Int == 7 }
        #expect(u7?["kind"] as? String == "paragraph")
        #expect(u7?["section"] as? String == "The AI Landscape")
        let runs = u7?["runs"] as? [[String: Any]] ?? []
        #expect(runs.count == 2)
        #expect(runs.first?["language"] as? String == "zh")
        #expect(runs.first?["column"] as? Int == 1)
        #expect(runs.last?["language"] as? String == "en")
        #expect(runs.last?["column"] as? Int == 433)
        #expect(runs.last?["endColumn"] as? Int == 2052)
        #expect((u7?["sentences"] as? [Any])?.count ?? 0 > 3)
    }

    @Test func frontMatterValuesAreUnitsKeysAreNot() {
        let doc = Fixtures.document("---\ntitle: 标题\ndescription: \"A description\"\nauthor: Someone\ntags: [a, b]\n---\n\n正文。\n")
        #expect(doc.units.map(\.string) == ["标题", "A description", "正文。"])
        #expect(doc.units[0].kind == .frontMatter(key: "title"))
        #expect(doc.units[1].start == TextPosition(line: 3, column: 15))
    }

    /// A `#` line right after a closed element of an HTML block (no blank line between) is, in a
    /// source (``ParseOptions/headingsAfterHTML``), the heading its author wrote, as
    /// Python-Markdown reads it; inside an open element, or in a block that closed nothing, it
    /// stays the block's text; and a translation, held to CommonMark, keeps it as text.
    @Test func markdownHeadingAfterAClosedHTMLElement() {
        func source(_ text: String) -> Document { Document(SourceText(path: "en.md", text: text), options: ParseOptions().forSource) }
        let glued = "<table>\n<tr><td>Epochs</td><td>10</td></tr>\n</table>\n## 6. Pipeline testing\nRun the test file.\n"
        let doc = source(glued)
        let heading = doc.units.first { $0.kind == .heading(level: 2) }
        #expect(heading?.string == "6. Pipeline testing")
        #expect(heading?.start == TextPosition(line: 4, column: 4))
        #expect(doc.units.contains { $0.string == "Run the test file." && $0.kind.headingLevel == nil })
        #expect(!Fixtures.document(glued).units.contains { $0.kind.headingLevel != nil })
        // Closing tags HTML lets authors leave out (`</td>`, `</tr>`) close with their element.
        let omitted = source("<table>\n<tr><td>Epochs<td>10\n</table>\n### Results\n")
        #expect(omitted.units.contains { $0.kind == .heading(level: 3) && $0.string == "Results" })
        let inside = source("<div>\n<p>Intro</p>\n## Not a heading\n</div>\n")
        #expect(!inside.units.contains { $0.kind.headingLevel != nil })
        let nothingClosed = source("<img src=\"a.png\">\n## Not a heading\n")
        #expect(!nothingClosed.units.contains { $0.kind.headingLevel != nil })
        // Two heading lines in a row are two headings.
        let two = source("<div>\n</div>\n## First\n### Second\nText.\n")
        #expect(two.units.map(\.string) == ["First", "Second", "Text."])
        #expect(two.units.map(\.kind.headingLevel) == [2, 3, nil])
        #expect(!source("<table>\n</table>\n#hashtag line\n").units.contains { $0.kind.headingLevel != nil })
    }

    @Test func masksInsideUnits() {
        let doc = Fixtures.document("## 标题 {#custom-id}\n\n## 另一个标题 {/*slug*/}\n\n用 `code` 和 [链接](https://example.com/x) 以及 $x^2$。\n")
        #expect(doc.units[0].string == "标题")
        #expect(doc.units[1].string == "另一个标题")
        let u = doc.units[2]
        #expect(u.plainText == "用 code 和 链接 以及 $x^2$。")
        let roles = Dictionary(grouping: u.text.indices, by: { u.roles[$0] })
        #expect(roles[.destination]?.count == "https://example.com/x".count)
        #expect(roles[.code]?.count == 4)
        #expect(roles[.math]?.count == 5)
    }

    /// A reference link the page does not define (mkdocstrings' cross-references, which the
    /// site resolves) reads as a link: its label is where it points, its brackets syntax; a
    /// plural `s` after it stays prose. An index (`m[0][1]`) and a defined reference are not it.
    @Test func undefinedReferenceLinksAreLinks() {
        let u = Fixtures.document("[`RunItemStreamEvent`][agents.stream_events.RunItemStreamEvent]s are events; see [Runner][].\n").units[0]
        #expect(u.plainText == "RunItemStreamEvents are events; see Runner.", "\(u.plainText)")
        let roles = Dictionary(grouping: u.text.indices, by: { u.roles[$0] })
        #expect(roles[.destination]?.count == "agents.stream_events.RunItemStreamEvent".count)
        #expect(roles[.markup]?.count == 2 + 4 + 4)  // backticks, `[` `][` `]` twice
        let index = Fixtures.document("Read m[0][1] first.\n").units[0]
        #expect(!index.roles.contains(.destination) && index.plainText == "Read m[0][1] first.")
        let defined = Fixtures.document("See [the guide][g].\n\n[g]: https://example.com/guide\n").units[0]
        #expect(defined.plainText == "See the guide.")
    }

    /// A grammar production (`*name* → …`, one token before the arrow) is code; a sentence
    /// that points along a menu path with an arrow is prose.
    @Test func grammarLinesAndMenuPaths() {
        let doc = Fixtures.document("> *platform-condition* → **`os`** **`(`** *operating-system* **`)`**\n\n1. Open the dashboard and go to **Developers → Webhooks**.\n")
        #expect(doc.units.count == 1)
        let u = doc.units[0]
        #expect(u.plainText == "Open the dashboard and go to Developers → Webhooks.")
        #expect(!u.roles.contains(.code))
        // A wrapped line of a paragraph that starts with a menu path in bold is prose too.
        let wrapped = Fixtures.document("Choose **File → Save** and export it with\n**Export → Config** to share it.\n")
        #expect(wrapped.units.count == 1 && !wrapped.units[0].roles.contains(.code))
        // A table's row whose first cell is a menu path (a word, then an arrow) is no production.
        let table = Fixtures.document("| Before | Now |\n| --- | --- |\n| Config → Normal Config | Config → Profiles → General |\n")
        #expect(table.units.map(\.plainText) == ["Before", "Now", "Config → Normal Config", "Config → Profiles → General"], "\(table.units.map(\.plainText))")
        #expect(!table.units.contains { $0.roles.contains(.code) })
    }

    /// A terminator inside inline code ends no sentence; one after it does.
    @Test func sentencesDoNotEndInsideInlineCode() throws {
        let seg = try Segmenter(source: Harness.source, target: Harness.target)
        for (text, count) in [("Use `String!` to unwrap it. Then call `f()`. Done.\n", 3),
                              ("在可选值后面放一个问号（`?`），可以定义一个可选链。它会返回 `Int?` 而不是 `Int`。\n", 2)] {
            let u = Fixtures.document(text).units[0]
            #expect(seg.analyze(u).sentences.count == count, "\(text)")
        }
    }

    /// MDX module statements are code; a sentence that starts with the word is text.
    @Test func mdxImportsAndExportsAreNoUnits() {
        let doc = Fixtures.document("""
            ---
            title: 标题
            ---

            import Tabs from '@theme/Tabs';
            import {
              Alpha,
              Beta,
            } from "./parts";
            export const meta = { draft: true };

            正文。

            import the data from the old file before you start.

            - import Tabs from '@theme/Tabs';

            """)
        #expect(doc.units.map(\.plainText) == ["标题", "正文。", "import the data from the old file before you start.",
                                               "import Tabs from '@theme/Tabs';"])
    }

    @Test func tablesListsQuotesAndHTML() {
        let doc = Fixtures.document("""
            | 名称 | 说明 |
            | --- | --- |
            | a | 中文 |

            > 引用
            > 第二行

            1. 第一
               - 嵌套

            <details>
            <summary>摘要</summary>
            <p>段落 <b>加粗</b></p>
            <!-- 注释 -->
            </details>

            ![图片说明](a.png)
            """)
        let kinds = doc.units.map { "\($0.kind.name):\($0.string)" }
        #expect(kinds == ["table-cell:名称", "table-cell:说明", "table-cell:a", "table-cell:中文", "quote:引用\n> 第二行",
                          "list-item:第一", "list-item:嵌套", "html:摘要", "html:段落 <b>加粗</b>", "alt-text:![图片说明](a.png)"])
        #expect(doc.units.first { $0.string == "嵌套" }?.kind == .listItem(depth: 2))
        #expect(doc.comments.map(\.body) == ["注释"])
    }

    /// A `<pre>` opened inside an HTML block whose code runs on past a blank line: the block's
    /// text before it is read, the code (which cmark makes paragraphs of) is not, and the
    /// document goes on after the paragraph that closes it.
    @Test func preRunningPastABlankLineHidesOnlyItsCode() {
        let doc = Fixtures.document("""
            <details><summary>调用示例</summary>
            <p>下面是一个例子：</p>
            <pre><code class="language-python">import base64
            import sys

            API_BASE_URL = "http://127.0.0.1:8080"
            print(API_BASE_URL)</code></pre></details>
            </details>

            ## 下一节

            这里是正文。
            """)
        #expect(doc.units.map(\.string) == ["调用示例", "下面是一个例子：", "下一节", "这里是正文。"])
    }

    /// cmark-gfm 0.29 sets and clears its special inline characters (`~`, autolinks' `:` and
    /// `w`, tables' `|`) for the whole process around every parse; threads parsing at once used
    /// to miss strikethroughs and autolinks at random. Many threads, many parses, one answer.
    @Test func parsingOnManyThreadsGivesOneAnswer() {
        let text = """
            | 选项 | 说明 |
            | --- | --- |
            | ~~旧的~~ | 见 www.example.com 或 https://example.org/a，`a \\| b` |

            这段 ~~删除的~~ 文字和 ~单波浪~ 链接 www.example.net/path 以及 mailto:a@example.com。

            - ~~列表~~ 项 https://example.com/x
            """
        func signature() -> String {
            let doc = Fixtures.document(text)
            return doc.units.map { u in
                u.roles.map { String($0.rawValue) }.joined() + "|" + u.links.map(\.destination).joined(separator: ",")
            }.joined(separator: "\n")
        }
        let expected = signature()
        #expect(expected.contains("example.org"))
        let lock = NSLock()
        var differing = 0
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<150 where signature() != expected {
                lock.lock(); differing += 1; lock.unlock()
            }
        }
        #expect(differing == 0)
    }

    /// cmark-gfm parses into a per-thread arena (CCmarkGFM/shim.h) whose slabs double from
    /// 64 KiB and whose last slab, up to 1 MiB, is kept for the next parse. A document large
    /// enough to need several slabs (and buffers that outgrow the slab they started in) reads
    /// as the sum of its parts, and a small document read after it, in the emptied slab, reads
    /// as it does on a fresh thread.
    @Test func largeDocumentsAndTheKeptSlab() {
        let part = """
            ## 第 N 节

            | 选项 | 说明 |
            | --- | --- |
            | ~~旧的~~ | 见 www.example.com 或 https://example.org/a，`a \\| b` |

            这段文字有一个[链接](https://example.com/x)和 `code`，还有 **加粗** 的字。

            ```swift
            let x = 1
            ```

            > 引用的一行

            """
        let small = Fixtures.document(part)
        let fresh = small.units.map(\.string)
        #expect(fresh.count >= 5)
        let copies = 6_000  // about 1.9 MB: the parser's buffers alone outgrow 1 MiB
        let big = Fixtures.document(String(repeating: part, count: copies))
        #expect(big.units.count == copies * small.units.count)
        #expect(Array(big.units.suffix(fresh.count).map(\.string)) == fresh)
        #expect(Fixtures.document(part).units.map(\.string) == fresh)
        #expect(Fixtures.document(String(repeating: part, count: copies)).units.count == big.units.count)
    }

    /// The anchor key's fast paths (ASCII, CJK ideographs) give what the Unicode properties give.
    @Test func anchorKeyOfEveryBMPCharacter() {
        func reference(_ s: String) -> String {
            var out = String.UnicodeScalarView()
            for c in s.unicodeScalars where c.properties.isAlphabetic || c.properties.numericType != nil {
                for l in c.properties.lowercaseMapping.unicodeScalars { out.append(l) }
            }
            return String(out)
        }
        for v in 0..<0x10000 {
            guard let c = Unicode.Scalar(UInt32(v)) else { continue }
            let s = "A" + String(c) + "z-"
            #expect(DocumentAnchors.key(s) == reference(s), "U+\(String(v, radix: 16))")
        }
    }
}

/// MkDocs's admonitions and content tabs (`IndentedContainers`): their indented bodies are read as
/// Markdown at their own places, not as indented code.
@Suite struct IndentedContainerTests {
    static let page = """
        # 配置

        !!! note "开始之前"
            调用 `connect()` 之前，服务器必须已经运行。

            | 选项 | 含义 |
            | --- | --- |
            | `timeout` | 等待秒数 |

            - 第一项
            - 第二项

            ```python
            connect()

            run()
            ```

        ??? tip
            折叠的提示。

        === "Python"

            ```python
            run()
            ```

        === "Go"

            运行 `go run`。

        下面是写法示例：

            !!! note
                这一行是代码。

        ```markdown
        !!! note
            这一行也是代码。
        ```

        - 列表项

            !!! warning "警告"
                列表里的警告。
        """

    @Test func bodiesAreMarkdownAtTheirPlaces() throws {
        let doc = Document(SourceText(path: "page.md", text: Self.page))
        func unit(_ text: String) -> BitextMarkdown.Unit? { doc.units.first { $0.plainText == text } }
        // The title is a unit from its first character; the marker and the quotes are not text.
        let title = try #require(unit("开始之前"))
        #expect(title.start == TextPosition(line: 3, column: 11) && title.kind == .paragraph)
        let body = try #require(unit("调用 connect() 之前，服务器必须已经运行。"))
        #expect(body.start == TextPosition(line: 4, column: 5) && body.kind == .paragraph && body.listDepth == 0)
        #expect(unit("等待秒数")?.kind == .tableCell(row: 1, column: 1))
        // A list in the body is a list of depth 1; the body itself is no list.
        #expect(unit("第一项")?.kind == .listItem(depth: 1))
        // Fenced code in the body: its code without the body's indentation, blank line and all.
        #expect(doc.codeBlocks.contains { $0.info == "python" && $0.literal == "connect()\n\nrun()\n" })
        // A marker without a title has no unit; its body has.
        #expect(unit("折叠的提示。")?.start == TextPosition(line: 20, column: 5))
        #expect(!doc.units.contains { $0.start.line == 19 })
        // Content tabs: a title is the name of what its tab shows (code, no unit); the bodies.
        #expect(unit("Python") == nil)
        #expect(doc.silentBlocks.contains { $0.start == TextPosition(line: 22, column: 6) && $0.string == "Python" })
        #expect(unit("运行 go run。")?.start == TextPosition(line: 30, column: 5))
        // A marker in indented code, or in a fence, is code.
        #expect(doc.codeBlocks.contains { $0.literal == "!!! note\n    这一行是代码。\n" })
        #expect(doc.codeBlocks.contains { $0.info == "markdown" && $0.literal == "!!! note\n    这一行也是代码。\n" })
        #expect(unit("这一行是代码。") == nil && unit("这一行也是代码。") == nil)
        // A marker in a list item's content opens a container there.
        #expect(unit("警告")?.kind == .listItem(depth: 1))
        #expect(unit("列表里的警告。")?.kind == .listItem(depth: 1))
        // Every unit's text is the file's text at its place.
        for u in doc.units { #expect(doc.source.slice(from: u.start, through: u.end) == u.string) }
    }
    /// One grammar reads a marker line wherever it stands (``MkDocsMarkerLine``): what the
    /// extensions' patterns take, with every type word, and nothing else.
    @Test func markerLinesByTheExtensionsPatterns() {
        func read(_ line: String) -> (kind: MkDocsMarkerLine.Kind, first: String, title: String?)? {
            let b = Array(line.utf8)
            guard let m = MkDocsMarkerLine(b, 0, b.count) else { return nil }
            let text = { (r: Range<Int>) in String(decoding: b[r], as: UTF8.self) }
            return (m.kind, text(m.firstWord), m.title.map(text))
        }
        #expect(read(#"!!! note "Title""#)! == (.admonition, "note", "Title"))
        #expect(read(#"!!! note annotate "Title""#)! == (.admonition, "note", "Title"))
        #expect(read("!!! danger inline end")! == (.admonition, "danger", nil))
        #expect(read("!!!tip")! == (.admonition, "tip", nil))
        #expect(read(#"???+ question "Why?""#)! == (.details, "question", "Why?"))
        #expect(read(#"??? "Only a title""#)! == (.details, "", "Only a title"))
        #expect(read(#"===+! "Go""#)! == (.tab, "", "Go"))
        #expect(read(#"===! "Python 3""#)! == (.tab, "", "Python 3"))
        for line in ["!!!! note", #"!!! "A title needs a type""#, #"!!! note "unclosed"#, "===", #"=== python "Tab""#,
                     "=== Python", "??? ", "!!! note: colon", "!!! 注意", "!!"] {
            #expect(read(line) == nil, "\(line)")
        }
    }

    /// The marker line's syntax is block structure wherever the line stands: the title is the
    /// unit, every type word is syntax, in a block quote too, and a title-only marker is no text.
    @Test func markerSyntaxIsStructureEverywhere() throws {
        let doc = Document(SourceText(path: "page.md", text: """
            !!! note annotate "说明"

            > ??? tip "引用里的提示"

            !!! warning inline end

            正文。
            """))
        let texts = doc.units.map(\.plainText)
        #expect(texts.contains("说明") && !texts.contains { $0.contains("annotate") || $0.contains("inline") })
        let quoted = try #require(doc.units.first { $0.plainText == "引用里的提示" })
        #expect(quoted.start == TextPosition(line: 3, column: 12))
        for u in doc.units { #expect(doc.source.slice(from: u.start, through: u.end) == u.string) }
    }
}
