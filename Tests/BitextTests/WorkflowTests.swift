import Foundation
import Testing

/// The translator's everyday workflow (issue 13): bitext.yml applies to named files too,
/// --fix works on trees, paths and options behave the same everywhere.
@Suite struct WorkflowTests {
    static let glossary = Fixtures.repoRoot.appendingPathComponent("glossary/genai.tsv").path

    /// A translation project: en/ and zh/ paired in bitext.yml, with the bundled example.
    static func project(_ config: String? = nil) throws -> TempDir {
        let dir = TempDir()
        for side in ["en", "zh"] {
            var text = try String(contentsOf: Fixtures.example("\(side)/tokenizers.md"), encoding: .utf8)
            // A section the translation does not have yet: only a bilingual check sees it.
            if side == "en" { text += "\n## Further reading\n\nThe tokenizer chapter of any recent textbook covers merges in depth.\n" }
            dir.write("\(side)/guide/tokenizers.md", text)
        }
        dir.write("bitext.yml", config ?? """
            glossaries: [\(glossary)]
            pairs:
              - source-root: en
                target-root: zh
            """)
        return dir
    }

    static func findings(_ r: CLI.Result) -> [[String: Any]] {
        ((r.json as? [String: Any])?["findings"] as? [[String: Any]]) ?? []
    }

    static func rules(_ r: CLI.Result) -> [String] { findings(r).compactMap { $0["rule"] as? String } }

    // Defect 1: a named file of a configured pair is checked against its source.
    @Test func namedTargetIsCheckedAgainstItsConfiguredSource() throws {
        let dir = try Self.project()
        let all = try CLI.run(["check", "--format", "json"], cwd: dir.url)
        let named = try CLI.run(["check", "zh/guide/tokenizers.md", "--format", "json"], cwd: dir.url)
        let folder = try CLI.run(["check", "zh", "--format", "json"], cwd: dir.url)
        #expect(Self.rules(all).contains("missing-translation"), "\(all.stdout)")
        #expect(Self.rules(named) == Self.rules(all), "\(named.stdout)")
        #expect(Self.rules(folder) == Self.rules(all))
        // The sibling coverage says which mode it used.
        let cov = try CLI.run(["coverage", "zh/guide/tokenizers.md", "--format", "json"], cwd: dir.url)
        #expect((cov.json as? [String: Any])?["mode"] as? String == "bilingual", "\(cov.stdout)")
        let text = try CLI.run(["coverage", "zh/guide/tokenizers.md"], cwd: dir.url)
        #expect(text.stdout.contains("mode: bilingual, measured against the source"))
        let alone = try CLI.run(["coverage", "zh/guide/tokenizers.md", "--no-config"], cwd: dir.url)
        #expect(alone.stdout.contains("mode: monolingual"), "\(alone.stdout)")
    }

    @Test func namedSourcesAndIgnoredFilesAreSkippedWithANote() throws {
        let dir = try Self.project()
        // A pre-commit hook passes every changed file, sources included.
        let r = try CLI.run(["check", "en/guide/tokenizers.md", "zh/guide/tokenizers.md", "--format", "json", "--verbose"], cwd: dir.url)
        #expect(!Self.findings(r).contains { ($0["file"] as? String)?.hasPrefix("en/") == true }, "\(r.stdout)")
        #expect(r.stderr.contains("en/guide/tokenizers.md: skipped: it is the source of a pair in bitext.yml"), "\(r.stderr)")
        #expect(r.stderr.contains("zh/guide/tokenizers.md: checked against its source en/guide/tokenizers.md"))
        #expect(((r.json as? [String: Any])?["summary"] as? [String: Any])?["files"] as? Int == 1)
        // Quiet without --verbose.
        let q = try CLI.run(["check", "en/guide/tokenizers.md", "--format", "json"], cwd: dir.url)
        #expect(q.stderr.isEmpty, "\(q.stderr)")
        #expect(Self.findings(q).isEmpty)
        // ignore: applies to named files, relative to the configuration's folder, from any folder.
        dir.write("bitext.yml", "ignore: [\"en/**\"]\n")
        let sub = dir.url.appendingPathComponent("zh")
        let i = try CLI.run(["check", "../en/guide/tokenizers.md", "--verbose", "--format", "json"], cwd: sub)
        #expect(Self.findings(i).isEmpty, "\(i.stdout)")
        #expect(i.stderr.contains("bitext.yml ignores it"), "\(i.stderr)")
    }

    // Defect 2: --fix on the documented tree workflow.
    @Test func fixWorksOnConfiguredAndGivenTrees() throws {
        for args in [["check", "--fix"], ["check", "--fix", "--source-root", "en", "--target-root", "zh", "--no-config",
                                           "--glossary", Self.glossary]] {
            let dir = try Self.project()
            let r = try CLI.run(args, cwd: dir.url)
            #expect(r.status != 2, "\(args): \(r.stderr)")
            #expect(!r.stderr.contains("outside the folders given"), "\(r.stderr)")
            let fixed = try String(contentsOfFile: dir.path("zh/guide/tokenizers.md"), encoding: .utf8)
            #expect(!fixed.contains("在大模型"), "\(args)")
            #expect(fixed.contains("在巨型语言模型"))
            #expect(try String(contentsOfFile: dir.path("en/guide/tokenizers.md"), encoding: .utf8)
                .hasPrefix(try String(contentsOf: Fixtures.example("en/tokenizers.md"), encoding: .utf8)))
        }
    }

    // Defect 5: reading from '..' is normal; only a tree export keeps its page names inside -o.
    @Test func pathsMayClimbWhereOnlyReadingOrNamingOneFile() throws {
        let dir = TempDir()
        for side in ["en", "zh"] {
            dir.write("docs-\(side)/a.md", try String(contentsOf: Fixtures.example("\(side)/tokenizers.md"), encoding: .utf8)
                      + (side == "en" ? "\n## Further reading\n\nThe tokenizer chapter of any recent textbook covers merges in depth.\n" : ""))
        }
        // The Chinese site in its own repository, English in a sibling one.
        dir.write("docs-zh/bitext.yml", "pairs:\n  - source-root: ../docs-en\n    target-root: .\n")
        let site = dir.url.appendingPathComponent("docs-zh")
        let r = try CLI.run(["check", "--format", "json"], cwd: site)
        #expect(r.status != 2, "\(r.stderr)")
        #expect(Self.rules(r).contains("missing-translation"), "\(r.stdout)")
        let e = try CLI.run(["export", "../docs-en/a.md", "a.md", "--format", "html", "-o", "../a.html"], cwd: site)
        #expect(e.status == 0, "\(e.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.path("a.html")))
        let c = try CLI.run(["coverage", "a.md", "--format", "html", "-o", "../coverage.html"], cwd: site)
        #expect(c.status == 0, "\(c.stderr)")
    }

    @Test func optionsAreCheckedAndExplained() throws {
        let dir = try Self.project()
        let min = try CLI.run(["coverage", "--min", "99"], cwd: dir.url)
        #expect(min.status == 1)
        #expect(min.stderr.range(of: #"coverage \d+\.\d% is below --min 99%"#, options: .regularExpression) != nil, "\(min.stderr)")
        #expect(try CLI.run(["coverage", "--min", "180"], cwd: dir.url).status == 2)
        #expect(try CLI.run(["coverage", "--min", "-1"], cwd: dir.url).status == 2)
        for args in [["rules", "--lang", "zh-Hans"], ["glossary", "lint", Self.glossary, "--lang", "zh-Hans"]] {
            let r = try CLI.run(args, cwd: dir.url)
            #expect(r.status == 0, "\(args): \(r.stderr)")
        }
        let fr = try CLI.run(["check", "--lang", "fr"], cwd: dir.url)
        #expect(fr.status == 2)
        #expect(fr.stderr.contains("unknown language 'fr'") && fr.stderr.contains("zh-Hans"), "\(fr.stderr)")
        dir.write("bitext.yml", "lang: fr\n")
        let frc = try CLI.run(["check", "zh"], cwd: dir.url)
        #expect(frc.status == 2)
        #expect(frc.stderr.contains("bitext.yml:1:"), "\(frc.stderr)")
        dir.write("bitext.yml", "# comment\nlocale: ja\n")
        let ja = try CLI.run(["check", "zh"], cwd: dir.url)
        #expect(ja.status == 2)
        #expect(ja.stderr.contains("bitext.yml:2: unknown locale 'ja': bitext has en, zh-Hans, zh-Hant"), "\(ja.stderr)")
        #expect(!ja.stderr.contains("locales/ja.yml"))
    }

    // Defect 6: absolute paths in bitext.yml stay absolute.
    @Test func absoluteAndRelativeConfigPaths() throws {
        let dir = try Self.project("glossaries: [\(Self.glossary)]\n")
        let r = try CLI.run(["check", "zh", "--format", "json"], cwd: dir.url)
        #expect(r.status == 1, "\(r.stderr)")  // the glossary's forbidden 大模型 is an error
        #expect(Self.rules(r).contains("glossary-forbidden"))
        // Relative paths are relative to the file that names them, wherever bitext runs.
        dir.write("terms/team.tsv", "source\ttarget\tcomment\tforbidden\nmodel\t模型\t\t型号\n")
        dir.write("bitext.yml", "glossaries: [terms/team.tsv]\n")
        let sub = try CLI.run(["check", ".", "--format", "json"], cwd: dir.url.appendingPathComponent("zh"))
        #expect(sub.status != 2, "\(sub.stderr)")
    }
}
