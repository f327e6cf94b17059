import Foundation
import Testing

/// `bitext lsp` driven over stdio by a scripted client, as an editor drives it.
@Suite struct LSPTests {
    static let english = """
        # Getting started

        Large language models write text one token at a time. This guide shows how to run one on your own laptop and keep it fast enough for daily use.

        Install the runtime first, then download a model file of about four gigabytes.

        - Check the free disk space before you start.
        - Keep the laptop plugged in while the model loads.

        | Setting | Meaning |
        | --- | --- |
        | Threads | How many cores the model uses |

        > Quantized models trade a little accuracy
        > for much less memory, and they run faster.

        """
    /// Line 3 (0-based 2) holds an astral character (𠮷, two UTF-16 units) before its English tail.
    static let chinese = """
        # 入门

        巨型语言模型一次写出一个词元。𠮷本指南介绍如何 run one on your own laptop and keep it fast enough for daily use.

        先安装运行时，再下载一个大约四 GB 的大模型文件.

        - 开始之前先检查剩余磁盘空间,再开始。
        - Keep the laptop plugged in while the model loads.

        | 设置 | 含义 |
        | --- | --- |
        | 线程 | 模型使用多少个核心,越多越快 |

        > 量化模型牺牲一点精度
        > 换来少得多的内存,而且更快。

        """
    static let glossary = "source\ttarget\tcomment\tforbidden\nlarge language model\t巨型语言模型\tthe team chose this rendering\t大模型|大语言模型\n"

    /// A workspace with a configured pair, a glossary and `bitext.yml`.
    static func workspace(chinese: String = chinese) -> TempDir {
        let dir = TempDir()
        dir.write("en/guide.md", english)
        dir.write("zh/guide.md", chinese)
        dir.write("glossary.tsv", glossary)
        dir.write("bitext.yml", "glossaries: [glossary.tsv]\npairs:\n  - source: en/guide.md\n    target: zh/guide.md\n")
        return dir
    }

    static func code(_ d: [String: Any]) -> String { d["code"] as? String ?? "" }
    static func start(_ d: [String: Any]) -> (line: Int, character: Int) { EditorText.position((d["range"] as? [String: Any])?["start"]) }
    static func end(_ d: [String: Any]) -> (line: Int, character: Int) { EditorText.position((d["range"] as? [String: Any])?["end"]) }

    /// The UTF-16 column of a substring's first occurrence on a 0-based line.
    static func utf16Column(of needle: String, line: Int, in text: String) -> Int {
        let lines = text.components(separatedBy: "\n")
        let l = lines[line]
        guard let r = l.range(of: needle) else { return -1 }
        return l[..<r.lowerBound].utf16.count
    }

    static func edit(_ client: LSPClient, _ uri: String, version: Int, _ changes: [[String: Any]]) {
        client.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": version], "contentChanges": changes])
    }

    static func range(_ l: Int, _ c: Int, _ l2: Int, _ c2: Int) -> [String: Any] {
        ["start": ["line": l, "character": c], "end": ["line": l2, "character": c2]]
    }

    static func actions(_ client: LSPClient, _ uri: String, at d: [String: Any], only: [String]? = nil) -> [[String: Any]] {
        var context: [String: Any] = ["diagnostics": [d]]
        if let only { context["only"] = only }
        let r = client.request("textDocument/codeAction", ["textDocument": ["uri": uri], "range": d["range"]!, "context": context])
        return r?["result"] as? [[String: Any]] ?? []
    }

    /// A forbidden variant twice on one line is one diagnostic; its quick fix replaces both.
    @Test func quickFixReplacesEveryPlaceOfARepeatedVariant() throws {
        let twice = Self.chinese.replacingOccurrences(of: "的大模型文件.", with: "的大模型文件，大模型很大.")
        let ws = Self.workspace(chinese: twice)
        let client = try LSPClient(cwd: ws.url)
        _ = client.initialize(root: ws.url, options: ["debounce": 0])
        let uri = client.open(ws.url.appendingPathComponent("zh/guide.md"))
        let diags = try #require(client.diagnostics(uri))
        let forbidden = diags.filter { Self.code($0) == "glossary-forbidden" }
        #expect(forbidden.count == 1)
        let d = try #require(forbidden.first)
        let fix = try #require(Self.actions(client, uri, at: d).first { ($0["title"] as? String)?.contains("巨型语言模型") == true })
        let edits = EditorText.edits(fix, uri: uri)
        #expect(edits.count == 2)
        #expect(EditorText.apply(edits, to: twice).contains("的巨型语言模型文件，巨型语言模型很大."))
    }

    @Test func diagnosticsFixesAndIncrementalEdits() throws {
        let ws = Self.workspace()
        let client = try LSPClient(cwd: ws.url)
        let initResult = client.initialize(root: ws.url, options: ["debounce": 0, "ruleDocumentation": "https://example.org/rules#{rule}"])
        let caps = (initResult?["result"] as? [String: Any])?["capabilities"] as? [String: Any]
        #expect((caps?["textDocumentSync"] as? [String: Any])?["change"] as? Int == 2)
        #expect(caps?["hoverProvider"] as? Bool == true)

        var text = Self.chinese
        let uri = client.open(ws.url.appendingPathComponent("zh/guide.md"))
        var diags = try #require(client.diagnostics(uri))

        // mixed-language: the English tail of line 2, after the astral character.
        let mixed = try #require(diags.first { Self.code($0) == "mixed-language" })
        let column = Self.utf16Column(of: "run one", line: 2, in: text)
        #expect(Self.start(mixed) == (2, column))
        #expect(column == Array(text.components(separatedBy: "\n")[2].unicodeScalars).firstIndex(of: "r")! + 1)  // 𠮷 counts twice
        #expect(Self.end(mixed) == (2, text.components(separatedBy: "\n")[2].utf16.count))
        #expect(mixed["severity"] as? Int == 2)
        #expect(mixed["source"] as? String == "bitext")
        #expect((mixed["codeDescription"] as? [String: Any])?["href"] as? String == "https://example.org/rules#mixed-language")

        // glossary-forbidden, severity error, fixed through the quick fix's WorkspaceEdit.
        let forbidden = try #require(diags.first { Self.code($0) == "glossary-forbidden" })
        #expect(forbidden["severity"] as? Int == 1)
        #expect(Self.start(forbidden) == (4, Self.utf16Column(of: "大模型", line: 4, in: text)))
        let actions = Self.actions(client, uri, at: forbidden)
        let fix = try #require(actions.first { ($0["title"] as? String)?.contains("巨型语言模型") == true })
        #expect(fix["kind"] as? String == "quickfix")
        #expect(fix["isPreferred"] as? Bool == true)
        let edits = EditorText.edits(fix, uri: uri)
        #expect(edits.count == 1)
        text = EditorText.apply(edits, to: text)
        #expect(text.contains("四 GB 的巨型语言模型文件"))
        Self.edit(client, uri, version: 2, EditorText.contentChanges(edits))
        diags = try #require(client.diagnostics(uri))
        #expect(!diags.contains { Self.code($0) == "glossary-forbidden" })
        #expect(diags.contains { Self.code($0) == "mixed-language" })

        // An astral character typed before the span moves it by two UTF-16 units.
        let before = try #require(diags.first { Self.code($0) == "mixed-language" })
        let insert = ["range": Self.range(2, 0, 2, 0), "text": "😀"] as [String: Any]
        text = EditorText.apply([["range": insert["range"]!, "newText": "😀"]], to: text)
        Self.edit(client, uri, version: 3, [insert])
        diags = try #require(client.diagnostics(uri))
        let after = try #require(diags.first { Self.code($0) == "mixed-language" })
        #expect(Self.start(after).character == Self.start(before).character + 2)
        #expect(Self.start(after) == (2, Self.utf16Column(of: "run one", line: 2, in: text)))

        // Fix all of a rule: both halfwidth commas and the full stop… of that rule in one edit.
        let comma = try #require(diags.first { Self.code($0) == "halfwidth-punctuation" })
        let all = try #require(Self.actions(client, uri, at: comma).first { ($0["title"] as? String)?.hasPrefix("Fix all halfwidth-punctuation") == true })
        let allEdits = EditorText.edits(all, uri: uri)
        #expect(allEdits.count == diags.filter { Self.code($0) == "halfwidth-punctuation" }.count)
        text = EditorText.apply(allEdits, to: text)
        Self.edit(client, uri, version: 4, EditorText.contentChanges(allEdits))
        diags = try #require(client.diagnostics(uri))
        #expect(!diags.contains { Self.code($0) == "halfwidth-punctuation" })

        // The server's text is the editor's: a full check of the same text gives the same.
        Self.edit(client, uri, version: 5, [["text": text]])
        let full = try #require(client.diagnostics(uri))
        #expect(full.count == diags.count)
        #expect(zip(full, diags).allSatisfy { Self.start($0) == Self.start($1) && Self.end($0) == Self.end($1) && Self.code($0) == Self.code($1) })

        // Close: diagnostics cleared.
        client.notify("textDocument/didClose", ["textDocument": ["uri": uri]])
        #expect(client.diagnostics(uri)?.isEmpty == true)
        #expect(client.request("shutdown")?["result"] is NSNull)
        client.notify("exit")
        #expect(client.waitForExit() == 0)
    }

    @Test func suppressionCommentsSilenceExactlyTheirFinding() throws {
        let ws = Self.workspace()
        let client = try LSPClient(cwd: ws.url)
        _ = client.initialize(root: ws.url)
        var text = Self.chinese
        let uri = client.open(ws.url.appendingPathComponent("zh/guide.md"))
        var diags = try #require(client.diagnostics(uri))
        var version = 1
        // One finding of each place: a quote's second line, a table cell, a list item, a paragraph's
        // start (bottom up, as a new line moves the lines below it).
        let targets: [(rule: String, line: Int)] = [("halfwidth-punctuation", 14), ("halfwidth-punctuation", 11),
                                                      ("halfwidth-punctuation", 6), ("glossary-forbidden", 4)]
        for (rule, line) in targets {
            let d = try #require(diags.first { Self.code($0) == rule && Self.start($0).line == line }, "\(rule) on line \(line)")
            let suppress = try #require(Self.actions(client, uri, at: d).first { ($0["title"] as? String)?.hasPrefix("Suppress \(rule)") == true })
            let edits = EditorText.edits(suppress, uri: uri)
            text = EditorText.apply(edits, to: text)
            version += 1
            Self.edit(client, uri, version: version, EditorText.contentChanges(edits))
            let now = try #require(client.diagnostics(uri))
            #expect(now.count == diags.count - 1, "suppressing \(rule) on line \(line):\n\(text)")
            #expect(text.contains("bitext-disable"))
            diags = now
        }
        // Lines only moved: the document still reads as before (same units: the same findings remain).
        #expect(diags.contains { Self.code($0) == "mixed-language" })
        #expect(diags.contains { Self.code($0) == "untranslated" })
        // The table is still a table and the list still one list.
        #expect(text.contains("| 线程 | 模型使用多少个核心,越多越快 <!-- bitext-disable-line halfwidth-punctuation --> |"))
        #expect(text.contains("- 开始之前先检查剩余磁盘空间,再开始。 <!-- bitext-disable-line halfwidth-punctuation -->\n- Keep"))
        #expect(text.contains("\n<!-- bitext-disable-next-line glossary-forbidden -->\n先安装运行时"))
        #expect(text.contains("> 量化模型牺牲一点精度 <!-- bitext-disable-next-line halfwidth-punctuation -->\n> 换来"))
        #expect(client.shutDown() == 0)
    }

    @Test func hoverCoverageAndAlignedSource() throws {
        let ws = Self.workspace()
        let client = try LSPClient(cwd: ws.url)
        _ = client.initialize(root: ws.url)
        let uri = client.open(ws.url.appendingPathComponent("zh/guide.md"))
        _ = try #require(client.diagnostics(uri))

        // On a glossary term: rendering, forbidden variants, comment.
        let term = client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 2, "character": 2]])
        let value = ((term?["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String ?? ""
        #expect(value.contains("large language model"))
        #expect(value.contains("巨型语言模型"))
        #expect(value.contains("大模型") && value.contains("大语言模型"))
        #expect(value.contains("the team chose this rendering"))
        // …and, being in a translated unit, the aligned source.
        #expect(value.contains("Large language models write text one token at a time."))
        let termRange = (term?["result"] as? [String: Any])?["range"] as? [String: Any]
        #expect(EditorText.position(termRange?["start"]) == (2, 0))
        #expect(EditorText.position(termRange?["end"]) == (2, 6))

        // On a forbidden variant.
        let bad = client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 4, "character": Self.utf16Column(of: "大模型", line: 4, in: Self.chinese) + 1]])
        let badValue = ((bad?["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String ?? ""
        #expect(badValue.contains("forbidden variant"))
        #expect(badValue.contains("Install the runtime first"))

        // Nothing under the cursor on an empty line.
        #expect(client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 1, "character": 0]])?["result"] is NSNull)

        let coverage = client.request("bitext/coverage", ["textDocument": ["uri": uri]])?["result"] as? [String: Any]
        let percent = try #require(coverage?["percent"] as? Double)
        #expect(percent > 20 && percent < 100)
        #expect((coverage?["units"] as? [String: Any])?["untranslated"] as? Int == 1)
        #expect((coverage?["source"] as? String)?.hasSuffix("en/guide.md") == true)

        let aligned = client.request("bitext/alignedSource", ["textDocument": ["uri": uri], "position": ["line": 6, "character": 3]])?["result"] as? [String: Any]
        #expect(aligned?["text"] as? String == "Check the free disk space before you start.")
        #expect((aligned?["uri"] as? String)?.hasSuffix("en/guide.md") == true)
        #expect(EditorText.position((aligned?["range"] as? [String: Any])?["start"]) == (6, 2))
        #expect(client.shutDown() == 0)
    }

    @Test func editingTheSourceRechecksTheTranslation() throws {
        let ws = Self.workspace()
        let client = try LSPClient(cwd: ws.url)
        _ = client.initialize(root: ws.url)
        let zh = client.open(ws.url.appendingPathComponent("zh/guide.md"))
        let before = try #require(client.diagnostics(zh))
        let en = client.open(ws.url.appendingPathComponent("en/guide.md"))
        // The source gets no findings of its own.
        #expect(client.diagnostics(en)?.isEmpty == true)
        // Rewrite the source's second paragraph.
        let line = "Install the runtime first, then download a model file of about four gigabytes."
        Self.edit(client, en, version: 2, [["range": Self.range(4, 0, 4, line.utf16.count),
                                            "text": "Install the runtime, then fetch a model file of about four gigabytes and verify its checksum."]])
        let after = try #require(client.diagnostics(zh))
        let changed = after.filter { ($0["message"] as? String)?.hasPrefix("source changed since you opened the translation") == true }
        #expect(changed.count == 1)
        #expect(changed.first?["severity"] as? Int == 3)
        #expect(changed.first.map(Self.start)?.line == 4)
        #expect(after.count == before.count + 1)
        #expect(client.shutDown() == 0)
    }

    @Test func sourceChangedOnDiskFixAllAndUntitledDocuments() throws {
        let ws = Self.workspace()
        let client = try LSPClient(cwd: ws.url)
        _ = client.initialize(root: ws.url)
        let zh = client.open(ws.url.appendingPathComponent("zh/guide.md"))
        let before = try #require(client.diagnostics(zh))

        // source.fixAll (on save): every safe fix of the file in one edit.
        let r = client.request("textDocument/codeAction", ["textDocument": ["uri": zh], "range": Self.range(0, 0, 0, 0),
                                                           "context": ["diagnostics": [Any](), "only": ["source.fixAll"]]])
        let fixAll = try #require((r?["result"] as? [[String: Any]])?.first)
        #expect(fixAll["kind"] as? String == "source.fixAll.bitext")
        let edits = EditorText.edits(fixAll, uri: zh)
        #expect(edits.count == 5)  // 大模型, the full stop and three commas
        #expect(!EditorText.apply(edits, to: Self.chinese).contains(","))

        // The source (not open) changes on disk: the translation is checked against the new text.
        ws.write("en/guide.md", Self.english.replacingOccurrences(of: "Install the runtime first", with: "Install the runtime and its drivers first"))
        client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": ws.url.appendingPathComponent("en/guide.md").absoluteString, "type": 2]]])
        let after = try #require(client.diagnostics(zh))
        #expect(after.count == before.count + 1)
        #expect(after.contains { ($0["message"] as? String)?.hasPrefix("source changed since you opened the translation") == true && Self.start($0).line == 4 })

        // A document that is no file yet: checked on its own.
        let untitled = "untitled:Untitled-1"
        client.notify("textDocument/didOpen", ["textDocument": ["uri": untitled, "languageId": "markdown", "version": 1,
                                                                "text": "# 标题\n\nThis paragraph is still entirely in English, every word of it.\n"]])
        #expect(client.diagnostics(untitled)?.contains { Self.code($0) == "untranslated" } == true)
        #expect(client.shutDown() == 0)
    }

    @Test func reloadsConfigurationAndGlossaries() throws {
        let ws = Self.workspace()
        ws.write("bitext.yml", "glossaries: [glossary.tsv]\npairs:\n  - source: en/guide.md\n    target: zh/guide.md\nrules:\n  glossary-forbidden: off\n")
        let client = try LSPClient(cwd: ws.url)
        _ = client.initialize(root: ws.url, capabilities: ["workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]]])
        // The server asks to watch the configuration and glossaries.
        let registration = try #require(client.wait { ($0["method"] as? String) == "client/registerCapability" })
        client.send(["jsonrpc": "2.0", "id": registration["id"]!, "result": NSNull()])
        let uri = client.open(ws.url.appendingPathComponent("zh/guide.md"))
        #expect(client.diagnostics(uri)?.contains { Self.code($0) == "glossary-forbidden" } == false)

        ws.write("bitext.yml", "glossaries: [glossary.tsv]\npairs:\n  - source: en/guide.md\n    target: zh/guide.md\n")
        client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": ws.url.appendingPathComponent("bitext.yml").absoluteString, "type": 2]]])
        #expect(client.diagnostics(uri)?.contains { Self.code($0) == "glossary-forbidden" } == true)

        // A glossary that no longer forbids 大模型.
        ws.write("glossary.tsv", "source\ttarget\nlarge language model\t巨型语言模型\n")
        client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": ws.url.appendingPathComponent("glossary.tsv").absoluteString, "type": 2]]])
        #expect(client.diagnostics(uri)?.contains { Self.code($0) == "glossary-forbidden" } == false)

        // A broken bitext.yml: shown to the user, checking goes on without it.
        ws.write("bitext.yml", "rules:\n  no-such-rule: error\n")
        client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": ws.url.appendingPathComponent("bitext.yml").absoluteString, "type": 2]]])
        let shown = try #require(client.wait { ($0["method"] as? String) == "window/showMessage" })
        let message = (shown["params"] as? [String: Any])?["message"] as? String ?? ""
        #expect(message.contains("bitext.yml:2"))
        #expect(message.contains("no-such-rule"))
        #expect(client.diagnostics(uri)?.contains { Self.code($0) == "untranslated" } == true)

        // Settings from the editor: rule documentation links.
        client.notify("workspace/didChangeConfiguration", ["settings": ["bitext": ["ruleDocumentation": "https://docs.example/{rule}.html"]]])
        let linked = try #require(client.diagnostics(uri))
        #expect(linked.allSatisfy { (($0["codeDescription"] as? [String: Any])?["href"] as? String) == "https://docs.example/\(Self.code($0)).html" })
        #expect(client.shutDown() == 0)
    }

    @Test func malformedInputNeverStopsTheServer() throws {
        let ws = Self.workspace()
        let client = try LSPClient(cwd: ws.url)
        // Before initialize: refused.
        #expect((client.request("textDocument/hover", ["textDocument": ["uri": "file:///x.md"], "position": ["line": 0, "character": 0]])?["error"] as? [String: Any])?["code"] as? Int == -32002)
        _ = client.initialize(root: ws.url)

        // Malformed JSON: a parse error with a null id, then the server goes on.
        let garbage = Data("{\"jsonrpc\": \"2.0\", \"id\": 7, \"method\": ".utf8)
        client.sendRaw(Data("Content-Length: \(garbage.count)\r\n\r\n".utf8) + garbage)
        let parseError = try #require(client.wait { $0["error"] != nil && $0["id"] is NSNull })
        #expect((parseError["error"] as? [String: Any])?["code"] as? Int == -32700)
        // A header without Content-Length, bytes that are no header, nested JSON 100,000 deep.
        client.sendRaw(Data("Content-Type: application/json\r\n\r\n".utf8))
        let deep = Data((String(repeating: "[", count: 100_000)).utf8)
        client.sendRaw(Data("Content-Length: \(deep.count)\r\n\r\n".utf8) + deep)
        #expect(client.wait { ($0["error"] as? [String: Any])?["code"] as? Int == -32700 } != nil)
        // Valid JSON that is no request, a bad id, an unknown method, bad params.
        client.send(["jsonrpc": "2.0", "id": 99])
        #expect(client.wait { ($0["id"] as? Int) == 99 && ($0["error"] as? [String: Any])?["code"] as? Int == -32600 } != nil)
        client.send(["jsonrpc": "2.0", "id": ["no"], "method": "shutdown"])
        #expect(client.wait { ($0["error"] as? [String: Any])?["code"] as? Int == -32600 } != nil)
        #expect((client.request("textDocument/formatting", ["textDocument": ["uri": "file:///x.md"]])?["error"] as? [String: Any])?["code"] as? Int == -32601)
        #expect((client.request("textDocument/hover", ["nothing": true])?["error"] as? [String: Any])?["code"] as? Int == -32602)
        #expect((client.request("textDocument/codeAction", ["textDocument": ["uri": "file:///not/open.md"], "range": Self.range(0, 0, 0, 0)])?["error"] as? [String: Any])?["code"] as? Int == -32602)
        client.notify("no/such/notification", ["x": 1])
        client.notify("textDocument/didChange", ["textDocument": ["uri": "file:///not/open.md", "version": 2], "contentChanges": [["text": "x"]]])
        client.notify("textDocument/didOpen", ["textDocument": 42])

        // Positions past the end, a document with a NUL byte, reversed ranges: answered, no crash.
        let uri = client.open(ws.url.appendingPathComponent("zh/guide.md"))
        _ = try #require(client.diagnostics(uri))
        Self.edit(client, uri, version: 2, [["range": Self.range(500, 90, 400, 3), "text": "尾巴"], ["range": Self.range(0, 999, 0, 999), "text": "\u{0}"]])
        let nul = try #require(client.diagnostics(uri))
        #expect(nul.count == 1 && (nul.first?["message"] as? String)?.contains("NUL") == true)
        #expect(client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": -5, "character": 1_000_000]])?["error"] == nil)

        // Still serving.
        let exitProbe = client.request("shutdown")
        #expect(exitProbe?["result"] is NSNull)
        #expect((client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 0, "character": 0]])?["error"] as? [String: Any])?["code"] as? Int == -32600)
        client.notify("exit")
        #expect(client.waitForExit() == 0)
    }

    @Test func editsAreDebounced() throws {
        let ws = Self.workspace()
        let client = try LSPClient(cwd: ws.url)
        _ = client.initialize(root: ws.url, options: ["debounce": 300])
        let uri = client.open(ws.url.appendingPathComponent("zh/guide.md"))
        _ = try #require(client.diagnostics(uri))  // on open: at once
        for v in 2...6 { Self.edit(client, uri, version: v, [["range": Self.range(0, 0, 0, 0), "text": "x"]]) }
        let published = try #require(client.wait(timeout: 30) { ($0["method"] as? String) == "textDocument/publishDiagnostics" })
        #expect((published["params"] as? [String: Any])?["version"] as? Int == 6)
        usleep(800_000)
        #expect(!client.drain().contains { ($0["method"] as? String) == "textDocument/publishDiagnostics" })
        #expect(client.shutDown() == 0)
    }

    @Test func exitWithoutShutdownAndEndOfInput() throws {
        let ws = Self.workspace()
        let a = try LSPClient(cwd: ws.url)
        _ = a.initialize(root: ws.url)
        a.notify("exit")
        #expect(a.waitForExit() == 1)
        let b = try LSPClient(cwd: ws.url)
        _ = b.initialize(root: ws.url)
        b.closeInput()
        #expect(b.waitForExit() == 1)
    }

    @Test func crlfAndByteOrderMark() throws {
        // The same document with CRLF line ends and a byte-order mark: the same positions.
        let crlf = "\u{FEFF}" + Self.chinese.replacingOccurrences(of: "\n", with: "\r\n")
        let ws = Self.workspace()
        let client = try LSPClient(cwd: ws.url)
        _ = client.initialize(root: ws.url)
        let plain = client.open(ws.url.appendingPathComponent("zh/guide.md"))
        let expected = try #require(client.diagnostics(plain))
        let other = client.open(ws.url.appendingPathComponent("zh/guide-crlf.md"), text: crlf)
        let got = try #require(client.diagnostics(other))
        #expect(!got.isEmpty)
        // Not paired (no source for this file): compare the monolingual findings.
        let mono = expected.filter { !["glossary-missing", "missing-translation", "extra-block", "same-as-source"].contains(Self.code($0)) }
        #expect(got.count == mono.count)
        for (g, e) in zip(got, mono) {
            #expect(Self.code(g) == Self.code(e))
            // Line 0 gains the byte-order mark's UTF-16 unit.
            let shift = Self.start(e).line == 0 ? 1 : 0
            #expect(Self.start(g) == (Self.start(e).line, Self.start(e).character + shift))
            #expect(Self.end(g) == (Self.end(e).line, Self.end(e).character + (Self.end(e).line == 0 ? 1 : 0)))
        }
        // A quick fix in the CRLF text keeps its line ends.
        let comma = try #require(got.first { Self.code($0) == "halfwidth-punctuation" })
        let fix = try #require(Self.actions(client, other, at: comma).first { $0["isPreferred"] as? Bool == true })
        let fixed = EditorText.apply(EditorText.edits(fix, uri: other), to: crlf)
        #expect(fixed.components(separatedBy: "\r\n").count == crlf.components(separatedBy: "\r\n").count)
        #expect(fixed.unicodeScalars.count == crlf.unicodeScalars.count)
        #expect(client.shutDown() == 0)
    }

    // MARK: the handbook's seed

    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func seedMixedLanguageAndGlossaryFix() throws {
        let zhURL = try #require(Fixtures.corpus("genai-handbook/zh/intro.md"))
        let enURL = try #require(Fixtures.corpus("genai-handbook/en/intro.md"))
        let seed = try String(contentsOf: zhURL, encoding: .utf8)
        let ws = TempDir()
        ws.write("en/intro.md", try String(contentsOf: enURL, encoding: .utf8))
        ws.write("zh/intro.md", seed)
        ws.write("glossary.tsv", try String(contentsOf: Fixtures.repoRoot.appendingPathComponent("glossary/genai.tsv"), encoding: .utf8))
        ws.write("bitext.yml", "glossaries: [glossary.tsv]\npairs:\n  - source: en/intro.md\n    target: zh/intro.md\n")

        // The code-point columns of `bitext check`, turned into UTF-16 by hand.
        let cli = try CLI.run(["check", "--format", "json", "zh/intro.md", "--source", "en/intro.md", "--glossary", "glossary.tsv"], cwd: ws.url)
        let findings = ((cli.json as? [String: Any])?["findings"] as? [[String: Any]]) ?? []
        let cliMixed = try #require(findings.first { $0["rule"] as? String == "mixed-language" })
        #expect(cliMixed["line"] as? Int == 7)
        let line7 = seed.components(separatedBy: "\n")[6]
        let scalars = Array(line7.unicodeScalars)
        let column = try #require(cliMixed["column"] as? Int), endColumn = try #require(cliMixed["endColumn"] as? Int)
        let utf16Start = String(String.UnicodeScalarView(scalars[..<(column - 1)])).utf16.count
        let utf16End = String(String.UnicodeScalarView(scalars[..<endColumn])).utf16.count

        let client = try LSPClient(cwd: ws.url)
        _ = client.initialize(root: ws.url)
        let uri = client.open(ws.url.appendingPathComponent("zh/intro.md"))
        let diags = try #require(client.diagnostics(uri))
        let mixed = diags.filter { Self.code($0) == "mixed-language" }
        #expect(mixed.count == 1)
        #expect(mixed.first.map(Self.start)?.line == 6)
        #expect(mixed.first.map(Self.start)?.character == utf16Start)
        #expect(mixed.first.map(Self.end)?.character == utf16End)
        // The same findings as `bitext check` on the same pair.
        #expect(diags.count == findings.count)
        let sourceHover = client.request("bitext/alignedSource", ["textDocument": ["uri": uri], "position": ["line": 6, "character": 2]])
        #expect(((sourceHover?["result"] as? [String: Any])?["text"] as? String)?.hasPrefix("As of June 2024") == true)

        // In a copy with 大模型 where the translator wrote 巨型语言模型: the glossary finding, fixed.
        let copyText = seed.replacingOccurrences(of: "LLMs(巨型语言模型)", with: "LLMs(大模型)")
        #expect(copyText != seed)
        let copy = client.open(ws.url.appendingPathComponent("zh/intro-copy.md"), text: copyText)
        let copyDiags = try #require(client.diagnostics(copy))
        let forbidden = try #require(copyDiags.first { Self.code($0) == "glossary-forbidden" })
        #expect(Self.start(forbidden) == (2, Self.utf16Column(of: "大模型", line: 2, in: copyText)))
        let fix = try #require(Self.actions(client, copy, at: forbidden).first { $0["isPreferred"] as? Bool == true })
        let edits = EditorText.edits(fix, uri: copy)
        let fixedText = EditorText.apply(edits, to: copyText)
        #expect(fixedText == seed)
        Self.edit(client, copy, version: 2, EditorText.contentChanges(edits))
        let fixedDiags = try #require(client.diagnostics(copy))
        #expect(!fixedDiags.contains { Self.code($0) == "glossary-forbidden" })
        #expect(fixedDiags.count == copyDiags.count - 1)
        #expect(client.shutDown() == 0)
    }
}
