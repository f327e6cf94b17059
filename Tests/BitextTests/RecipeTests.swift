import Foundation
import Testing
import Yams

/// The CI recipes the README offers are valid YAML and call bitext the way it works.
@Suite struct RecipeTests {
    @Test func preCommitHooks() throws {
        let text = try String(contentsOf: Fixtures.repoRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        let hooks = try #require(try Yams.load(yaml: text) as? [[String: Any]])
        let ids = hooks.compactMap { $0["id"] as? String }
        #expect(ids == ["bitext", "bitext-glossary-lint"])
        for h in hooks {
            #expect(h["language"] as? String == "swift")
            #expect((h["entry"] as? String)?.hasPrefix("bitext ") == true)
        }
    }

    @Test func githubWorkflowUploadsSarif() throws {
        let text = try String(contentsOf: Fixtures.repoRoot.appendingPathComponent("examples/ci/bitext.yml"), encoding: .utf8)
        let wf = try #require(try Yams.load(yaml: text) as? [String: Any])
        let steps = (((wf["jobs"] as? [String: Any])?["check"] as? [String: Any])?["steps"] as? [[String: Any]]) ?? []
        #expect(steps.contains { ($0["uses"] as? String)?.hasPrefix("github/codeql-action/upload-sarif") == true })
        let runs = steps.compactMap { $0["run"] as? String }
        #expect(runs.contains { $0.contains("--format sarif") })
        #expect(runs.contains { $0.contains("--format github") })
    }
}
