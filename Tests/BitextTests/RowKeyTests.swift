import Foundation
import Testing
@testable import BitextAlign
@testable import BitextCheck
@testable import BitextMarkdown
@testable import BitextText

/// Table rows named by their code-only cells, list items by the code they hold: a dropped row
/// or item is the one that matches nothing in the translation, not the last of its run.
@Suite struct RowKeyTests {
    func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    @Test func similarCode() {
        let similar: [(String, String)] = [("--max-count=<N>", "--max=<N>"), ("temperature=0", "temperature=0.2"),
                                            ("--timeout-ms=500", "--timeout=500"), ("seed=42", "seed=7")]
        for (a, b) in similar {
            #expect(BlockFeatures.similarCode(scalars(a), scalars(b)), "\(a) \(b)")
            #expect(BlockFeatures.similarCode(scalars(b), scalars(a)), "\(b) \(a)")
        }
        let different: [(String, String)] = [("-l", "-n"), ("getValue", "setValue"), ("onChange", "onClick"),
                                              ("Client.execute()", "Client.query()"), ("--quiet", "--quiet"),
                                              ("useState", "useEffect"), ("--", "--")]
        for (a, b) in different { #expect(!BlockFeatures.similarCode(scalars(a), scalars(b)), "\(a) \(b)") }
    }

    static let source = """
        | Flag | Meaning |
        | --- | --- |
        | `-q`, `--quiet` | Print nothing but errors. |
        | `--dry-run` | Show what would change without writing any file. |
        | `-j`, `--jobs=<count>` | Run this many workers at once. |
        | `-V`, `--version` | Print the version and exit. |

        """
    static let target = """
        | 标志 | 含义 |
        | --- | --- |
        | `-q`, `--quiet` | 只打印错误。 |
        | `-j`, `--job=<count>` | 同时运行这么多个工作进程。 |
        | `-V`, `--version` | 打印版本号并退出。 |

        """

    @Test func rowKeysAreTheCodeOnlyCellsOfTheRow() {
        let doc = Document(SourceText(path: "s.md", text: RowKeyTests.source))
        let keys = BlockFeatures.rowKeys(doc)
        #expect(keys[3] == [.init(column: 0, code: "-q --quiet")])
        #expect(keys[5] == [.init(column: 0, code: "-j --jobs=<count>")])
        #expect(keys[1] == nil)
        // A document read without its silent blocks (a monolingual check) has none.
        var options = ParseOptions()
        options.recordsSilentBlocks = false
        #expect(BlockFeatures.rowKeys(Document(SourceText(path: "s.md", text: RowKeyTests.source), options: options)).isEmpty)
    }

    /// Source and target lines of the beads, `-` for an empty side.
    func beads(_ source: String, _ target: String) throws -> [String] {
        let checker = Checker(settings: Harness.settings(), messages: Messages.load("en"), glossary: nil, rules: [])
        return try checker.withToolkit { toolkit in
            let s = Document(SourceText(path: "s.md", text: source)), t = Document(SourceText(path: "t.md", text: target))
            let al = DocumentAligner(functionWords: Harness.source.functionWords, numerals: Harness.target.numerals)
                .align(source: s, sourceAnalyses: checker.analyze(s, toolkit: toolkit),
                       target: t, targetAnalyses: checker.analyze(t, toolkit: toolkit))
            func lines(_ d: Document, _ blocks: [Int]) -> String {
                blocks.isEmpty ? "-" : blocks.map { String(d.lines(ofBlock: $0).lowerBound) }.joined(separator: ",")
            }
            return al.beads.map { "\(lines(s, $0.source)):\(lines(t, $0.target))" }
        }
    }

    @Test func droppedRowIsTheOneWhoseCodeIsMissing() throws {
        // The description of line 4 (`--dry-run`) has no counterpart; line 5 (`--jobs` changed
        // into `--job`) pairs with line 4 of the translation, line 6 with line 5.
        let b = try beads(RowKeyTests.source, RowKeyTests.target)
        #expect(b == ["1:1", "1:1", "3:3", "4:-", "5:4", "6:5"])
        // Without the code cells (the translation read without its silent blocks) the cells pair
        // by position and length alone: the last row is the one left over.
        var options = ParseOptions()
        options.recordsSilentBlocks = false
        let checker = Checker(settings: Harness.settings(), messages: Messages.load("en"), glossary: nil, rules: [])
        let positional = try checker.withToolkit { toolkit in
            let s = Document(SourceText(path: "s.md", text: RowKeyTests.source))
            let t = Document(SourceText(path: "t.md", text: RowKeyTests.target), options: options)
            return DocumentAligner(functionWords: Harness.source.functionWords, numerals: Harness.target.numerals)
                .align(source: s, sourceAnalyses: checker.analyze(s, toolkit: toolkit),
                       target: t, targetAnalyses: checker.analyze(t, toolkit: toolkit)).beads
                .filter { $0.target.isEmpty }.map { s.lines(ofBlock: $0.source[0]).lowerBound }
        }
        #expect(positional != [4])
    }

    @Test func missingRowPreviewHasItsCodeCells() throws {
        let found = try Harness.findings(rule: MissingTranslationRule(), target: RowKeyTests.target, source: RowKeyTests.source)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("“--dry-run | Show what would change") == true, "\(found.map(\.message))")
        #expect(found.first?.span.start == TextPosition(line: 4, column: 27))
    }

    @Test func codeOnlyCellsOfPairedRowsAreCompared() throws {
        let found = try Harness.findings(rule: CodeMismatchRule(), target: RowKeyTests.target, source: RowKeyTests.source)
        #expect(found.map(\.message) == ["the source's code `--jobs=<count>` (line 5) is written `--job=<count>` here: code stays as it is"])
        #expect(found.first?.span.start == TextPosition(line: 4, column: 10))
        #expect(found.first?.fix?.replacement == "--jobs=<count>")
        // A column the translation added shifts the cells: nothing compared.
        let widened = """
            | 标志 | 含义 | 版本 |
            | --- | --- | --- |
            | `-q`, `--quiet` | 只打印错误。 | `1.0` |
            | `-j`, `--jobs=<count>` | 同时运行这么多个工作进程。 | `1.2` |

            """
        let narrow = """
            | Flag | Meaning |
            | --- | --- |
            | `-q`, `--quiet` | Print nothing but errors. |
            | `-j`, `--jobs=<count>` | Run this many workers at once. |

            """
        #expect(try Harness.findings(rule: CodeMismatchRule(), target: widened, source: narrow).isEmpty)
        // A code cell the translation left empty of code (`-`) lost its code.
        let dash = narrow.replacingOccurrences(of: "| Flag |", with: "| 标志 |").replacingOccurrences(of: "| Meaning |", with: "| 含义 |")
            .replacingOccurrences(of: "Print nothing but errors.", with: "只打印错误。")
            .replacingOccurrences(of: "Run this many workers at once.", with: "同时运行这么多个工作进程。")
            .replacingOccurrences(of: "| `-q`, `--quiet` |", with: "| - |")
        let lost = try Harness.findings(rule: CodeMismatchRule(), target: dash, source: narrow)
        #expect(lost.count == 2 && lost.allSatisfy { $0.message.contains("(line 3) is missing here") }, "\(lost.map(\.message))")
    }

    @Test func listItemDroppedBesideChangedCode() throws {
        let source = """
            # Tuning

            - Run the benchmark once with the default settings.
            - Set `seed=42` to get results you can reproduce from one run to the next.
            - Raise the cache size before you measure anything that reads from disk.
            - Set the log level to `warn` to cut the output down.

            """
        let target = """
            # 调优

            - 先用默认设置跑一遍基准测试。
            - 要得到稳定的结果，请设置 `seed=7`。
            - 把日志级别调到 `warn`，减少输出。

            """
        #expect(try beads(source, target) == ["1:1", "3:3", "4:4", "5:-", "6:5"])
        let code = try Harness.findings(rule: CodeMismatchRule(), target: target, source: source)
        #expect(code.map(\.message) == ["the source's code `seed=42` (line 4) is written `seed=7` here: code stays as it is"])
    }

    /// A table of short label and value cells whose translation dropped a row and keeps the
    /// columns: the rows align whole. Cell by cell, the dropped row's label paired with the next
    /// row's label and the next row's value with its own value, and the two cells left over
    /// passed for a dropped column (review 21 D1: nothing reported).
    static let specSource = """
        | Item | Rating |
        | --- | --- |
        | Input voltage | 12 to 24 V DC |
        | Idle current | 80 to 120 mA |
        | Peak current | 1.5 A at 24 V |
        | Enclosure | IP65, die-cast aluminium |

        """
    static let specTarget = """
        | 项目 | 额定值 |
        | --- | --- |
        | 输入电压 | 12 至 24 V DC |
        | 峰值电流 | 1.5 A（24 V 时） |
        | 外壳 | IP65，压铸铝 |

        """

    @Test func droppedRowOfShortCellsAlignsWhole() throws {
        let b = try beads(RowKeyTests.specSource, RowKeyTests.specTarget)
        #expect(b == ["1:1", "1:1", "3:3", "3:3", "4:-", "4:-", "5:4", "5:4", "6:5", "6:5"], "\(b)")
        let found = try Harness.findings(rule: MissingTranslationRule(), target: RowKeyTests.specTarget, source: RowKeyTests.specSource)
        #expect(found.count == 1 && found.first?.message.contains("“Idle current | 80 to 120 mA") == true, "\(found.map(\.message))")
        // Every row translated: nothing.
        let whole = RowKeyTests.specTarget.replacingOccurrences(of: "| 峰值电流 |", with: "| 空闲电流 | 80 至 120 mA |\n| 峰值电流 |")
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: whole, source: RowKeyTests.specSource).isEmpty)
        // A column the translation dropped (another shape) is still a column dropped, not rows.
        let narrow = """
            | 项目 |
            | --- |
            | 输入电压 |
            | 空闲电流 |
            | 峰值电流 |
            | 外壳 |

            """
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: narrow, source: RowKeyTests.specSource).isEmpty)
        // A column the translation added and a row it dropped: the aligner pairs cell by cell,
        // the dropped row's label with the row above's new cell; a row of the translation made of
        // cells of two source rows is no pairing, so the dropped row's cells are no column dropped.
        let wide = """
            | 项目 | 额定值 | 备注 |
            | --- | --- | --- |
            | 输入电压 | 12 至 24 V DC | 无 |
            | 峰值电流 | 1.5 A（24 V 时） | 无 |
            | 外壳 | IP65，压铸铝 | 无 |

            """
        let added = try Harness.findings(rule: MissingTranslationRule(), target: wide, source: RowKeyTests.specSource)
        #expect(added.count == 1 && added.first?.message.contains("“Idle current | 80 to 120 mA") == true, "\(added.map(\.message))")
    }

    /// A row the programme left alone whole is placed by the table's rows too: cell by cell the
    /// rows kept their numbers, so the dropped row's neighbours paired with the rows below (two
    /// `number-mismatch` findings) and the row of `4,096`, written `4096`, went for the dropped one.
    @Test func rowLeftAloneIsTheOneThatMatchesNothing() throws {
        let source = """
            | Metric | Value |
            | --- | --- |
            | Read throughput | 540 MB/s |
            | Write throughput | 410.5 MB/s |
            | Queue depth | 64K commands |
            | Sector size | 4,096 bytes |
            | Cache | 2 GB |
            | Latency (4 KB reads) | < 90 µs |
            | Namespaces | 1,024 maximum |

            """
        let target = """
            | 指标 | 数值 |
            | --- | --- |
            | 读取吞吐量 | 540 MB/s |
            | 队列深度 | 64K 条命令 |
            | 扇区大小 | 4096 字节 |
            | 缓存 | 2 GB |
            | 延迟（4 KB 读取） | < 90 µs |
            | 命名空间 | 最多 1024 个 |

            """
        let found = try Harness.findings(rule: MissingTranslationRule(), target: target, source: source)
        #expect(found.count == 1 && found.first?.message.contains("“Write throughput | 410.5 MB/s") == true, "\(found.map(\.message))")
        #expect(try Harness.findings(rule: NumberMismatchRule(), target: target, source: source).isEmpty)
    }
}
