import Foundation
import Testing
@testable import BitextCheck

/// code-mismatch on code blocks laid out otherwise: the same lines in another order (imports
/// sorted by another tool), and what a formatter changes (parentheses around a wrapped
/// expression, a trailing comma) are no change; a call's parentheses, a changed name are.
@Suite struct CodeLayoutTests {
    func findings(_ target: String, _ source: String) throws -> [Finding] {
        try Harness.findings(rule: CodeMismatchRule(), target: target, source: source).filter { $0.rule == "code-mismatch" }
    }

    static let source = "# Run\n\nRun it:\n\n```python\nimport os\nimport json\nlimit = settings.max_rows  # the most rows a page shows at once, before it pages\nprint(limit)\n```\n"

    @Test func linesInAnotherOrder() throws {
        #expect(try findings("# 运行\n\n运行：\n\n```python\nimport json\nimport os\nlimit = settings.max_rows  # the most rows a page shows at once, before it pages\nprint(limit)\n```\n", Self.source).isEmpty)
        #expect(try findings("# 运行\n\n运行：\n\n```python\nimport json\nimport sys\nlimit = settings.max_rows  # the most rows a page shows at once, before it pages\nprint(limit)\n```\n", Self.source).isEmpty == false)
    }

    @Test func reflowedByAFormatter() throws {
        #expect(CodeComparison.reflowed("x = (\n    obj.value\n)  # a long comment\n", "x = obj.value  # 注释\n"))
        #expect(CodeComparison.reflowed("if (\n    name == \"exit\"\n):  # when the user types exit, stop the game\n    stop()\n", "if name == \"exit\":  # 输入 exit 时退出\n    stop()\n"))
        // A call's parentheses and a changed name are changes.
        #expect(!CodeComparison.reflowed("print(x)\n", "print x\n"))
        #expect(!CodeComparison.reflowed("model.eval()\n", "model.eval\n"))
        #expect(!CodeComparison.reflowed("x = (\n    obj.value\n)\n", "x = obj.values\n"))
        let wrapped = "# 运行\n\n运行：\n\n```python\nimport os\nimport json\nlimit = (\n    settings.max_rows\n)  # 每页最多显示的行数，超出后分页\nprint(limit)\n```\n"
        #expect(try findings(wrapped, Self.source).isEmpty)
        let changed = "# 运行\n\n运行：\n\n```python\nimport os\nimport json\nlimit = (\n    settings.min_rows\n)  # 每页最多显示的行数，超出后分页\nprint(limit)\n```\n"
        let f = try findings(changed, Self.source)
        #expect(!f.isEmpty && f.allSatisfy { $0.message.contains("min_rows") || $0.message.contains("(") }, "\(f.map(\.message))")
    }

    /// A command whose config path the source writes wrong (no such file in the repository)
    /// and the translation right: the source's slip, at info (held-out review s35 cause 2).
    @Test func aPathOfTheSourceNowhereInTheRepository() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("bitext-path-\(getpid())")
        defer { try? fm.removeItem(at: root) }
        try fm.createDirectory(at: root.appendingPathComponent("docs/guide"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("tool/configs/modules/ocr"), withIntermediateDirectories: true)
        try Data("a: 1\n".utf8).write(to: root.appendingPathComponent("tool/configs/modules/ocr/fast.yaml"))
        let paths = (root.appendingPathComponent("docs/guide/a.en.md").path, root.appendingPathComponent("docs/guide/a.md").path)
        let source = "# Train\n\nRun:\n\n```bash\npython main.py -c tool/configs/ocr/fast.yaml \\\n    -o Global.mode=train\n```\n"
        let target = "# 训练\n\n运行：\n\n```bash\npython main.py -c tool/configs/modules/ocr/fast.yaml \\\n    -o Global.mode=train\n```\n"
        try Data(source.utf8).write(to: URL(fileURLWithPath: paths.0))
        try Data(target.utf8).write(to: URL(fileURLWithPath: paths.1))
        let slip = try Harness.findings(rule: CodeMismatchRule(), target: target, source: source, paths: paths).filter { $0.rule == "code-mismatch" }
        #expect(slip.map(\.severity) == [.info], "\(slip.map(\.message))")
        #expect(slip.first?.message.contains("which is not: the source looks wrong") == true)
        // The translation's path nowhere either: a changed line.
        let other = target.replacingOccurrences(of: "modules/ocr", with: "module/ocr")
        try Data(other.utf8).write(to: URL(fileURLWithPath: paths.1))
        let changed = try Harness.findings(rule: CodeMismatchRule(), target: other, source: source, paths: paths).filter { $0.rule == "code-mismatch" }
        #expect(changed.map(\.severity) == [.warning])
    }
}
