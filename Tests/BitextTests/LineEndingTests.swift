import Foundation
import Testing
@testable import BitextAlign
@testable import BitextExchange
import BitextGlossary
@testable import BitextText

/// Files with Windows line ends (CR LF) read as the same files with line feeds. In Swift a CR LF
/// is one Character, which `split(separator: "\n")` never splits at: a glossary saved from a
/// spreadsheet on Windows was one line, its header "unknown column 'forbidden\nllm'".
@Suite struct LineEndingTests {
    static func crlf(_ s: String) -> String { s.replacingOccurrences(of: "\n", with: "\r\n") }

    @Test func splitLinesSplitsAtLineFeedsAndCRLF() {
        #expect("a\nb\r\nc\rd\n".splitLines() == ["a", "b", "c\rd", ""])
        #expect("a\r\n\r\nb".splitLines(omittingEmptySubsequences: true) == ["a", "b"])
        #expect("".splitLines() == [""])
        #expect("数组\r\n长度\n".splitLines() == ["数组", "长度", ""])
        #expect(Substring("x\r\ny").splitLines() == ["x", "y"])
        // Without a CR: the same as splitting on "\n".
        for s in ["a\n\nb\n", "\u{301}\na\u{301}\n", "\n", "no line end"] {
            #expect(s.splitLines() == s.split(separator: "\n", omittingEmptySubsequences: false))
        }
    }

    @Test func glossariesReadTheSameWithCRLF() throws {
        let tsv = "source\ttarget\tforbidden\n# a comment\nLLM\t巨型语言模型\t大模型\ntoken\t词元\t\n"
        #expect(try TSV.read(Self.crlf(tsv), file: "g.tsv").entries == TSV.read(tsv, file: "g.tsv").entries)
        #expect(try TSV.read(tsv, file: "g.tsv").entries.count == 2)
        #expect(GlossaryLint.checkText(Self.crlf(tsv), file: "g.tsv") == GlossaryLint.checkText(tsv, file: "g.tsv"))
        let md = "| English | 中文 |\n| --- | --- |\n| LLM | 巨型语言模型 |\n| token | 词元 |\n"
        #expect(try MarkdownTermTable.read(Self.crlf(md), file: "g.md").entries == MarkdownTermTable.read(md, file: "g.md").entries)
        #expect(try MarkdownTermTable.read(md, file: "g.md").entries.count == 2)
    }

    @Test func beadsAndPOReadTheSameWithCRLF() throws {
        let beads = "[0]:[0]\n[1,2]:[1]\n\n[3]:[]\n"
        #expect(try BeadFormat.parse(Self.crlf(beads)) == BeadFormat.parse(beads))
        let po = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n#: a.md:3\nmsgid \"Hello\"\nmsgstr \"你好\"\n"
        let lf = try POReader.read(po, path: "a.po"), windows = try POReader.read(Self.crlf(po), path: "a.po")
        #expect(lf.count == 1 && windows.count == 1)
        #expect(lf.map { "\($0.source) \(String(describing: $0.target))" } == windows.map { "\($0.source) \(String(describing: $0.target))" })
    }

    @Test func aCRLFGlossaryChecksFromTheCommandLine() throws {
        let dir = TempDir()
        let g = dir.write("g.tsv", Self.crlf("source\ttarget\tforbidden\nLLM\t巨型语言模型\t大模型\n"))
        let doc = dir.write("a.md", "# 标题\n\n大模型很强。\n")
        let lint = try CLI.run(["glossary", "lint", g.path])
        #expect(lint.status == 0, "\(lint.stderr)")
        let r = try CLI.run(["check", doc.path, "--glossary", g.path, "--format", "json", "--no-config"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stdout.contains("巨型语言模型"))
    }
}
