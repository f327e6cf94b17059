import Foundation
import Testing

/// Review rounds kept as regression fixtures, one folder per round under
/// Tests/Fixtures/review/ (`round21`, …): English pages of our own writing (`en/`), their
/// translations with planted defects (`zh/`), clean translations (`clean/`), the round's
/// glossary (`glossary.tsv`) and `planted.tsv`, one row per planted change: `file`, `line` (of
/// the translation), `id`, `what`, `rule` and `status` —
///
/// - `caught`: bilingual `bitext check` reports it at that line by that rule;
/// - `missed`: a defect the round's report lists as missed: no warning or error at that line
///   beyond what the line's caught rows explain (once one appears, the row is to be marked
///   `caught` with its rule);
/// - `silent`: a legitimate variant (units written in Chinese, a range with `~`): no warning or
///   error at that line beyond the line's caught rows;
/// - `info`: an info finding allowed on a clean translation (`clean/…`), by its rule.
///
/// Every check runs without configuration; the bilingual one with the round's glossary.
@Suite struct ReviewRoundTests {
    static let root = Fixtures.repoRoot.appendingPathComponent("Tests/Fixtures/review")

    /// The rounds kept as fixtures: every folder of Tests/Fixtures/review with a `planted.tsv`.
    static let rounds: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: root.appendingPathComponent("\($0)/planted.tsv").path) }.sorted()
    }()

    struct Row: Sendable {
        var file: String
        var line: Int
        var id: String
        var what: String
        var rule: String
        var status: String
    }

    struct Found: Sendable, CustomStringConvertible {
        var file: String
        var line: Int
        var rule: String
        var severity: String
        var message: String
        var description: String { "\(file):\(line) \(severity) [\(rule)] \(message)" }
    }

    static func rows(_ round: String) throws -> [Row] {
        let text = try String(contentsOf: root.appendingPathComponent("\(round)/planted.tsv"), encoding: .utf8)
        var out: [Row] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("file\t") {
            let c = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard c.count == 6, let n = Int(c[1]) else {
                Issue.record("\(round)/planted.tsv: a row is file, line, id, what, rule, status: \(line)")
                continue
            }
            #expect(["caught", "missed", "silent", "info"].contains(c[5]), "\(round)/planted.tsv: unknown status: \(line)")
            out.append(Row(file: c[0], line: n, id: c[2], what: c[3], rule: c[4], status: c[5]))
        }
        return out
    }

    /// The pages of a round: the names of `en/` that `zh/` translates.
    static func pages(_ round: String) -> [String] {
        let dir = root.appendingPathComponent("\(round)/en")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted()
    }

    /// `bitext check` of `target` (relative to the round), bilingual against `en/` with the
    /// round's glossary, or monolingual.
    static func check(_ round: String, _ target: String, bilingual: Bool) throws -> [Found] {
        let page = (target as NSString).lastPathComponent
        var args = ["check", "--no-config", "--format", "json"]
        if bilingual { args += ["--glossary", "glossary.tsv", "--source", "en/\(page)"] }
        args.append(target)
        let r = try CLI.run(args, cwd: root.appendingPathComponent(round))
        let findings = (r.json as? [String: Any])?["findings"] as? [[String: Any]]
        #expect(findings != nil, "\(round) \(target): no JSON report: \(r.stderr)")
        return (findings ?? []).map {
            Found(file: target, line: $0["line"] as? Int ?? 0, rule: $0["rule"] as? String ?? "",
                  severity: $0["severity"] as? String ?? "", message: $0["message"] as? String ?? "")
        }
    }

    /// Warnings and errors on a page with planted defects that no caught row explains (the
    /// lines of missed rows are the other test's).
    static func unexplained(_ found: [Found], _ rows: [Row]) -> [Found] {
        found.filter { f in
            f.severity != "info"
                && !rows.contains { $0.file == f.file && $0.line == f.line && ($0.status == "missed" || ($0.status == "caught" && $0.rule == f.rule)) }
        }
    }

    @Test(arguments: ReviewRoundTests.rounds)
    func plantedDefectsAreReportedAtTheirLines(round: String) throws {
        let rows = try Self.rows(round)
        #expect(!rows.isEmpty, "\(round): planted.tsv has no rows")
        for page in Self.pages(round) {
            let found = try Self.check(round, "zh/\(page)", bilingual: true)
            for row in rows where row.file == "zh/\(page)" && row.status == "caught" {
                #expect(found.contains { $0.line == row.line && $0.rule == row.rule },
                        "\(round) \(row.id) (\(row.what)) is no longer reported at \(row.file):\(row.line) by \(row.rule); found there: \(found.filter { $0.line == row.line })")
            }
        }
    }

    @Test(arguments: ReviewRoundTests.rounds)
    func missedDefectsAreMarkedMissed(round: String) throws {
        let rows = try Self.rows(round)
        for page in Self.pages(round) {
            let found = try Self.check(round, "zh/\(page)", bilingual: true)
            for row in rows where row.file == "zh/\(page)" && row.status == "missed" {
                let caughtRules = Set(rows.filter { $0.file == row.file && $0.line == row.line && $0.status == "caught" }.map(\.rule))
                let new = found.filter { $0.line == row.line && $0.severity != "info" && !caughtRules.contains($0.rule) }
                #expect(new.isEmpty, "\(round) \(row.id) (\(row.what)), marked missed, is now reported: \(new). If it is the defect, mark the row caught with its rule in \(round)/planted.tsv")
            }
        }
    }

    @Test(arguments: ReviewRoundTests.rounds)
    func nothingElseOnThePlantedPages(round: String) throws {
        let rows = try Self.rows(round)
        for page in Self.pages(round) {
            for bilingual in [true, false] {
                let found = try Self.check(round, "zh/\(page)", bilingual: bilingual)
                let extra = Self.unexplained(found, rows)
                #expect(extra.isEmpty, "\(round) zh/\(page) (\(bilingual ? "bilingual" : "monolingual")): warnings or errors at no planted defect: \(extra)")
            }
        }
    }

    @Test(arguments: ReviewRoundTests.rounds)
    func cleanTranslationsAreClean(round: String) throws {
        let rows = try Self.rows(round)
        for page in Self.pages(round) {
            let target = "clean/\(page)"
            guard FileManager.default.fileExists(atPath: Self.root.appendingPathComponent("\(round)/\(target)").path) else { continue }
            for bilingual in [true, false] {
                let found = try Self.check(round, target, bilingual: bilingual)
                let extra = found.filter { f in
                    !(f.severity == "info" && rows.contains { $0.file == target && $0.line == f.line && $0.status == "info" && $0.rule == f.rule })
                }
                #expect(extra.isEmpty, "\(round) \(target) (\(bilingual ? "bilingual" : "monolingual")): findings on a clean translation: \(extra)")
            }
        }
    }
}
