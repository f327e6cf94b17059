import Testing
@testable import BitextAlign
@testable import BitextCheck
import BitextMarkdown

/// A source table the translation wrote as a Markdown list, one item a row (`标签：说明`, the
/// cell's own `<ul><li>` items as items after it): the block aligner pairs each row with its
/// items (``BlockAligner/tablesAsLists(_:scorer:)``), `markup-mismatch` says it once (info), and
/// neither the items (`extra-block`) nor the rows or the header (`missing-translation`) are
/// reported. A row the list leaves out and an item no row has still are.
@Suite struct TableAsListTests {
    static let source = """
        # Retry settings

        Set these fields in the job form.

        | **Field** | **Meaning** |
        |-----------|-------------|
        | Max retries | How many times the job runs again after a failure, such as `3`. |
        | Retry delay | The wait between two runs, in seconds (default `60`). |
        | Backoff mode | <ul><li>`fixed`: the same delay each time</li><li>`linear`: the delay grows by one step</li><li>`exponential`: the delay doubles</li></ul> |
        | Alert channel | Where the failure notice goes: `email` or `webhook`. |

        Save the form to apply them.

        """
    static let head = "# 重试设置\n\n在作业表单中设置这些字段。\n\n"
    static let maxRetries = "- 最大重试次数：作业失败后再次运行的次数，例如 `3`。\n"
    static let delay = "- 重试间隔：两次运行之间等待的秒数（默认 `60`）。\n"
    static let backoff = "- 退避模式：\n  - `fixed`：每次的间隔相同\n  - `linear`：间隔每次增加一步\n  - `exponential`：间隔加倍\n"
    static let alert = "- 告警渠道：失败通知发往何处：`email` 或 `webhook`。\n"
    static let tail = "\n保存表单即可生效。\n"

    func findings(_ target: String, _ source: String = TableAsListTests.source) throws -> [Finding] {
        try Harness.findings(target: target, source: source)
    }

    @Test func theListIsTheTable() throws {
        let f = try findings(Self.head + Self.maxRetries + Self.delay + Self.backoff + Self.alert + Self.tail)
        #expect(f.map(\.rule) == ["markup-mismatch"])
        #expect(f.first?.severity == .info)
        #expect(f.first?.span.start == TextPosition(line: 5, column: 1))
        #expect(f.first?.message.contains("table (line 5)") == true)
    }

    @Test func theRowsPairWithTheirItems() throws {
        let target = Self.head + Self.maxRetries + Self.delay + Self.backoff + Self.alert + Self.tail
        let checker = Checker(settings: Harness.settings(), messages: Messages.load("en"), glossary: nil, rules: [])
        try checker.withToolkit { toolkit in
            let src = Document(SourceText(path: "source.md", text: Self.source))
            let doc = Document(SourceText(path: "target.md", text: target))
            let al = DocumentAligner(functionWords: Harness.source.functionWords, numerals: Harness.target.numerals)
                .align(source: src, sourceAnalyses: checker.analyze(src, toolkit: toolkit), target: doc, targetAnalyses: checker.analyze(doc, toolkit: toolkit))
            // The backoff row (its two cells) with its label item and the three nested items.
            let lines = al.beads.map { b in (b.source.map { src.lines(ofBlock: $0).lowerBound }, b.target.map { doc.lines(ofBlock: $0).lowerBound }) }
            #expect(lines.contains { $0.0 == [9, 9] && $0.1 == [7, 8, 9, 10] })
            // Only the header row stands alone.
            #expect(al.beads.filter { $0.source.isEmpty || $0.target.isEmpty }.count == 1)
        }
    }

    @Test func aRowTheListLeavesOutIsMissing() throws {
        let f = try findings(Self.head + Self.maxRetries + Self.backoff + Self.alert + Self.tail)
        #expect(f.map(\.rule).sorted() == ["markup-mismatch", "missing-translation"])
        #expect(f.first { $0.rule == "missing-translation" }?.message.contains("source line 8") == true)
    }

    @Test func anItemNoRowHasIsExtra() throws {
        let added = "- 超时时间：单次运行最多持续的分钟数，超过后作业被终止。\n"
        let f = try findings(Self.head + Self.maxRetries + Self.delay + Self.backoff + added + Self.alert + Self.tail)
        #expect(f.map(\.rule).sorted() == ["extra-block", "markup-mismatch"])
        #expect(f.first { $0.rule == "extra-block" }?.span.start.line == 11)
    }

    @Test func silentWhenTheTableStaysATable() throws {
        let table = """
            | **字段** | **含义** |
            |---|---|
            | 最大重试次数 | 作业失败后再次运行的次数，例如 `3`。 |
            | 重试间隔 | 两次运行之间等待的秒数（默认 `60`）。 |
            | 退避模式 | <ul><li>`fixed`：每次的间隔相同</li><li>`linear`：间隔每次增加一步</li><li>`exponential`：间隔加倍</li></ul> |
            | 告警渠道 | 失败通知发往何处：`email` 或 `webhook`。 |

            """
        #expect(try findings(Self.head + table + Self.tail).isEmpty)
        // A list the source has as a list is no table written as one.
        let listSource = "# Retry settings\n\nSet these fields in the job form.\n\n- Max retries: how many times the job runs again after a failure, such as `3`.\n- Retry delay: the wait between two runs, in seconds (default `60`).\n\nSave the form to apply them.\n"
        #expect(try findings(Self.head + Self.maxRetries + Self.delay + Self.tail, listSource).isEmpty)
    }

    @Test func aTableBrokenInTheSourceWrittenAsAList() throws {
        // The delimiter row has a column more than the header: cmark-gfm reads a paragraph.
        let broken = """
            # Retry settings

            Set these fields in the job form.

            | **Field** | **Meaning** |
            |-----------|-------------|---|
            | Max retries | How many times the job runs again after a failure, such as `3`. |
            | Retry delay | The wait between two runs, in seconds (default `60`). |
            | Alert channel | Where the failure notice goes: `email` or `webhook`. |

            Save the form to apply them.

            """
        let f = try findings(Self.head + Self.maxRetries + Self.delay + Self.alert + Self.tail, broken)
        #expect(!f.contains { $0.rule == "extra-block" || $0.rule == "missing-translation" })
    }
}
