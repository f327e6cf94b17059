import Foundation
import Testing

@Suite struct FixTests {
    /// Copies every Chinese file of the corpora into a temporary tree.
    static func chineseTree(_ dir: TempDir) throws -> [String: String] {
        var originals: [String: String] = [:]
        for u in Fixtures.corpusFiles() where u.path.contains("/zh/") {
            let rel = u.path.components(separatedBy: "/corpora/").last!
            let text = try String(contentsOf: u, encoding: .utf8)
            dir.write(rel, text)
            originals[dir.path(rel)] = text
        }
        return originals
    }

    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func fixTouchesOnlyReportedSpansAndIsIdempotent() throws {
        let dir = TempDir()
        let originals = try Self.chineseTree(dir)
        #expect(originals.count >= 47)
        let before = try CLI.run(["check", dir.url.path, "--format", "json", "--no-config"])
        let findings = ((before.json as? [String: Any])?["findings"] as? [[String: Any]]) ?? []
        let fixes = findings.filter { $0["fix"] != nil }
        #expect(fixes.count > 100)

        let fixed = try CLI.run(["check", dir.url.path, "--fix", "--format", "json", "--no-config"])
        #expect(fixed.status <= 1, "\(fixed.stderr)")
        var changedFiles = 0
        for (path, original) in originals {
            let now = try String(contentsOfFile: path, encoding: .utf8)
            if now != original { changedFiles += 1 }
            let mine = fixes.filter { $0["file"] as? String == path }
            #expect(now == Self.apply(mine, to: original), "\(path): the file changed outside the reported spans")
        }
        #expect(changedFiles > 10)

        // A second --fix changes nothing.
        var snapshot: [String: String] = [:]
        for path in originals.keys { snapshot[path] = try String(contentsOfFile: path, encoding: .utf8) }
        _ = try CLI.run(["check", dir.url.path, "--fix", "--no-config"])
        for (path, text) in snapshot {
            #expect(try String(contentsOfFile: path, encoding: .utf8) == text, "\(path): second --fix changed it")
        }
    }

    /// The reference: replace each finding's span (line, column…endLine, endColumn, code
    /// points, inclusive) by its replacement, later overlapping fixes skipped.
    static func apply(_ findings: [[String: Any]], to text: String) -> String {
        var lines = text.components(separatedBy: "\n").map { Array($0.unicodeScalars) }
        var byLine: [Int: [(Int, Int, [Unicode.Scalar])]] = [:]
        for f in findings {
            let line = f["line"] as! Int, endLine = f["endLine"] as! Int
            precondition(line == endLine, "multi-line fix")
            let repl = Array(((f["fix"] as! [String: Any])["replacement"] as! String).unicodeScalars)
            byLine[line, default: []].append((f["column"] as! Int, f["endColumn"] as! Int, repl))
        }
        for (line, edits) in byLine {
            var kept: [(Int, Int, [Unicode.Scalar])] = []
            var cursor = 0
            for e in edits.sorted(by: { $0.0 < $1.0 }) where e.0 > cursor {
                kept.append(e)
                cursor = e.1
            }
            var l = lines[line - 1]
            for e in kept.reversed() { l.replaceSubrange((e.0 - 1)..<e.1, with: e.2) }
            lines[line - 1] = l
        }
        return lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
    }

    @Test func fixKeepsListMarkersFrontMatterAndCode() throws {
        let dir = TempDir()
        let text = """
            ---
            title: 指南(草稿)
            tags: [a,b]
            ---

            1. 第一步,然后继续
            2. 第二步:完成

            ```js
            const s = "中文,逗号";
            ```

            调用 `f(a,b)` 即可,参见 [文档](https://example.com/a,b)。

            """
        let f = dir.write("a.md", text)
        let r = try CLI.run(["check", f.path, "--fix", "--no-config"])
        #expect(r.status == 0)
        let after = try String(contentsOf: f, encoding: .utf8)
        #expect(after.contains("title: 指南（草稿）"))
        #expect(after.contains("tags: [a,b]"))
        #expect(after.contains("1. 第一步，然后继续"))
        #expect(after.contains("2. 第二步：完成"))
        #expect(after.contains("const s = \"中文,逗号\";"))
        #expect(after.contains("`f(a,b)` 即可，参见 [文档](https://example.com/a,b)。"))
    }

    @Test func fixKeepsByteOrderMarkAndCRLF() throws {
        let dir = TempDir()
        let f = dir.write("a.md", bytes: [0xEF, 0xBB, 0xBF] + Array("# 标题\r\n\r\n中文,标点\r\n".utf8))
        _ = try CLI.run(["check", f.path, "--fix", "--no-config"])
        let bytes = [UInt8](try Data(contentsOf: f))
        #expect(bytes == [0xEF, 0xBB, 0xBF] + Array("# 标题\r\n\r\n中文，标点\r\n".utf8))
    }
}
