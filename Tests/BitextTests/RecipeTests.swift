import Foundation
import Testing
import Yams

/// The CI recipes the README offers: valid, safe on forks, pinned and cached, naming nothing
/// that does not exist, and their bitext commands run here as written on a translation project.
@Suite struct RecipeTests {
    static let workflows = ["examples/ci/bitext.yml", "examples/ci/bitext-release.yml"]

    static func load(_ path: String) throws -> [String: Any] {
        let text = try String(contentsOf: Fixtures.repoRoot.appendingPathComponent(path), encoding: .utf8)
        return try #require(try Yams.load(yaml: text) as? [String: Any])
    }

    static func steps(_ wf: [String: Any]) -> [[String: Any]] {
        (((wf["jobs"] as? [String: Any])?["check"] as? [String: Any])?["steps"] as? [[String: Any]]) ?? []
    }

    @Test(arguments: workflows)
    func workflowWorksOnForks(path: String) throws {
        let wf = try Self.load(path)
        let steps = Self.steps(wf)
        let upload = try #require(steps.firstIndex { ($0["uses"] as? String)?.hasPrefix("github/codeql-action/upload-sarif@") == true })
        let annotate = try #require(steps.firstIndex { ($0["run"] as? String)?.contains("--format github") == true })
        // Annotations come first and decide the job's status; the SARIF steps still run after a
        // failed check, the upload only where the token may write, and never fails the job.
        #expect(annotate < upload)
        #expect(steps[upload]["continue-on-error"] as? Bool == true)
        let condition = steps[upload]["if"] as? String ?? ""
        #expect(condition.contains("github.event.pull_request.head.repo.full_name == github.repository"))
        #expect(condition.contains("!cancelled()"))
        let sarif = try #require(steps.first { ($0["run"] as? String)?.contains("--format sarif") == true })
        #expect((sarif["if"] as? String)?.contains("!cancelled()") == true)
        #expect(steps[annotate]["if"] == nil)
    }

    @Test(arguments: workflows)
    func workflowNamesNothingThatDoesNotExist(path: String) throws {
        let text = try String(contentsOf: Fixtures.repoRoot.appendingPathComponent(path), encoding: .utf8)
        #expect(!text.contains("bitext-project"))
        #expect(!text.contains("v0.1.0"))
        // Placeholders, each explained in the README.
        let readme = try String(contentsOf: Fixtures.repoRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let env = try #require(try Self.load(path)["env"] as? [String: Any])
        for (key, value) in env {
            guard let v = value as? String, v == v.uppercased() || v.hasPrefix("OWNER/") else { continue }
            #expect(readme.contains("`\(key)`") && readme.contains("`\(v)`"), "\(key): \(v) is not explained in the README")
        }
        // Only actions that exist, at their major tags.
        let known = ["actions/checkout@v4", "actions/cache@v4", "github/codeql-action/upload-sarif@v3"]
        for s in Self.steps(try Self.load(path)) {
            if let uses = s["uses"] as? String { #expect(known.contains(uses), "\(uses)") }
        }
    }

    @Test func buildingWorkflowPinsTheToolchainAndCaches() throws {
        let wf = try Self.load("examples/ci/bitext.yml")
        let env = try #require(wf["env"] as? [String: Any])
        let pinned = try #require(env["SWIFT_VERSION"] as? String)
        // The version this suite runs on (the one bitext is tested with).
        if let swift = Tools.which("swift") {
            let (_, out) = try Tools.run(swift, ["--version"])
            #expect(out.contains("Swift version \(pinned) ") || out.contains("swift-\(pinned)-RELEASE"), "\(out)")
        }
        let cache = try #require(Self.steps(wf).first { ($0["uses"] as? String)?.hasPrefix("actions/cache@") == true })
        let with = try #require(cache["with"] as? [String: Any])
        #expect((with["path"] as? String)?.contains(".bitext/.build") == true)
        let key = with["key"] as? String ?? ""
        #expect(key.contains("env.SWIFT_VERSION") && key.contains("env.BITEXT_REF"))
        let install = try #require(Self.steps(wf).first { ($0["name"] as? String)?.hasPrefix("Install Swift") == true })
        #expect((install["run"] as? String)?.contains("gpg --batch --verify") == true)
    }

    /// A translation project as the recipes expect it: bitext.yml pairing en/ with zh/, a glossary.
    static func project() throws -> TempDir {
        let dir = TempDir()
        for side in ["en", "zh"] {
            dir.write("\(side)/guide.md", try String(contentsOf: Fixtures.example("\(side)/tokenizers.md"), encoding: .utf8)
                      + (side == "en" ? "\n## Further reading\n\nThe tokenizer chapter of any recent textbook covers merges in depth.\n" : ""))
        }
        dir.write("glossary/terms.tsv", try String(contentsOf: Fixtures.repoRoot.appendingPathComponent("glossary/genai.tsv"), encoding: .utf8))
        dir.write("data/measurements.tsv", "id\tname\tvalue\n1\tfoo\tbar\n")
        dir.write("bitext.yml", "glossaries: [glossary/terms.tsv]\npairs:\n  - source-root: en\n    target-root: zh\n")
        return dir
    }

    static func bash(_ script: String, cwd: URL, env: [String: String] = [:]) throws -> (Int32, String) {
        try Tools.run("/bin/bash", ["-e", "-c", script], cwd: cwd,
                      env: ["BITEXT_DATA": Fixtures.repoRoot.path, "NO_COLOR": "1"].merging(env) { _, new in new })
    }

    /// The checking steps of the building workflow, run as written with the development build.
    @Test func buildingWorkflowChecksAProject() throws {
        let dir = try Self.project()
        try FileManager.default.createDirectory(at: dir.url.appendingPathComponent(".bitext/.build/release"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir.path(".bitext/.build/release/bitext"), withDestinationPath: CLI.executable.path)
        let runs = Self.steps(try Self.load("examples/ci/bitext.yml")).compactMap { $0["run"] as? String }.filter { $0.contains("bitext check") }
        #expect(runs.count == 2)
        try Self.checkSteps(runs, in: dir)
    }

    /// The release workflow's install step, with the archive scripts/package made (no network).
    @Test func releaseWorkflowInstallsTheArchiveAndChecks() throws {
        guard let archive = ProcessInfo.processInfo.environment["BITEXT_PACKAGE"] else {
            #expect(!Tools.required, "BITEXT_PACKAGE not set: run scripts/package (scripts/test does)"); return
        }
        let dir = try Self.project()
        let steps = Self.steps(try Self.load("examples/ci/bitext-release.yml"))
        let install = try #require(steps.first { ($0["name"] as? String) == "Install bitext from the release" }?["run"] as? String)
        let name = (archive as NSString).lastPathComponent
        let version = String(name.dropFirst("bitext-".count).prefix { $0 != "-" })
        // The download, replaced by the archive at hand; everything else as written.
        let script = install.split(separator: "\n").map { $0.contains("curl ") ? "cp '\(archive)' \"$RUNNER_TEMP/$archive\"" : String($0) }
            .joined(separator: "\n")
        let temp = TempDir()
        let githubPath = temp.write("github_path", "")
        let (status, out) = try Self.bash(script, cwd: dir.url, env: ["RUNNER_TEMP": temp.path(""), "GITHUB_PATH": githubPath.path,
                                                                       "BITEXT_VERSION": version, "BITEXT_TAG": "v" + version,
                                                                       "BITEXT_REPOSITORY": "OWNER/bitext"])
        #expect(status == 0, "\(out)")
        let path = try String(contentsOf: githubPath, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(FileManager.default.isExecutableFile(atPath: path + "/bitext"))
        let runs = steps.compactMap { $0["run"] as? String }.filter { $0.contains("bitext check") }
        try Self.checkSteps(runs, in: dir, path: path)
    }

    /// Runs the annotation and SARIF steps: annotations with the job's status (1: the example
    /// has a glossary error), then a SARIF file for the upload, whatever the findings.
    static func checkSteps(_ runs: [String], in dir: TempDir, path: String? = nil) throws {
        var env: [String: String] = [:]
        if let path { env["PATH"] = path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") }
        let annotate = try #require(runs.first { $0.contains("--format github") })
        let (s1, o1) = try bash(annotate, cwd: dir.url, env: env)
        #expect(s1 == 1, "\(o1)")
        #expect(o1.contains("::error file=zh/guide.md,line=8,col=2,"), "\(o1)")
        #expect(o1.contains("[missing-translation]") || o1.contains("title=bitext missing-translation"), "bilingual: pairs from bitext.yml")
        let sarif = try #require(runs.first { $0.contains("--format sarif") })
        let (s2, o2) = try bash(sarif, cwd: dir.url, env: env)
        #expect(s2 == 0, "\(o2)")
        let data = try Data(contentsOf: dir.url.appendingPathComponent("bitext.sarif"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let results = ((json["runs"] as? [[String: Any]])?.first?["results"] as? [Any]) ?? []
        #expect(!results.isEmpty)
        #expect(!String(decoding: data, as: UTF8.self).contains("bitext-project"))
    }

    @Test func preCommitHooksAsPreCommitRunsThem() throws {
        let text = try String(contentsOf: Fixtures.repoRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        let hooks = try #require(try Yams.load(yaml: text) as? [[String: Any]])
        #expect(hooks.compactMap { $0["id"] as? String } == ["bitext", "bitext-glossary-lint"])
        let dir = try Self.project()
        for h in hooks {
            #expect(h["language"] as? String == "swift")
            let entry = try #require(h["entry"] as? String)
            #expect(entry.hasPrefix("bitext "))
            var args = Array(entry.split(separator: " ").dropFirst().map(String.init))
            if (h["pass_filenames"] as? Bool) ?? true {
                // pre-commit passes the changed files: here a source and its translation.
                args += ["en/guide.md", "zh/guide.md"]
            } else {
                // Runs when a glossary or bitext.yml changes; lints what bitext.yml names only.
                let pattern = try NSRegularExpression(pattern: try #require(h["files"] as? String))
                for f in ["glossary/terms.tsv", "bitext.yml", "docs/.bitext.yml", "terms.tbx"] {
                    #expect(pattern.firstMatch(in: f, range: NSRange(f.startIndex..., in: f)) != nil, "\(f)")
                }
            }
            let r = try CLI.run(args + ["--format", "json"].filter { _ in h["id"] as? String == "bitext" }, cwd: dir.url)
            if h["id"] as? String == "bitext" {
                let findings = ((r.json as? [String: Any])?["findings"] as? [[String: Any]]) ?? []
                #expect(!findings.contains { ($0["file"] as? String)?.hasPrefix("en/") == true }, "sources are not checked")
                #expect(findings.contains { $0["rule"] as? String == "missing-translation" }, "translations are checked against their sources")
                #expect(r.status == 1)
            } else {
                #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
                #expect(r.stdout.contains("in 1 file:"), "only glossary/terms.tsv, not data/measurements.tsv: \(r.stdout)")
            }
        }
    }
}
