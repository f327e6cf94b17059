import Foundation
import Testing

/// `glossary-inconsistent` on the published pairs: every term it reports was read in its files
/// (Tests/Fixtures/reviewed-inconsistent-terms.tsv).
@Suite struct InconsistentTermsCorpusTests {
    static let corpora = ["antd", "dolphinscheduler", "genai-handbook", "hello-algo", "react-dev", "swift-book", "vue-docs"]

    /// A new term, or one gone, fails until it is reviewed; at least half the terms reported
    /// must be true ones (the rule is informational: a translator reads its list once).
    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func reportedTermsMatchTheReviewedList() throws {
        let fixture = try String(contentsOf: Fixtures.repoRoot.appendingPathComponent("Tests/Fixtures/reviewed-inconsistent-terms.tsv"),
                                 encoding: .utf8)
        var reviewed: [String: Bool] = [:]
        for line in fixture.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("corpus\t") {
            let c = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            reviewed["\(c[0])\t\(c[1])\t\(c[2])"] = c[3] == "true"
        }
        var found: [String] = []
        for corpus in Self.corpora {
            let root = try #require(Fixtures.corpus(corpus))
            let r = try CLI.run(["check", "--source-root", root.appendingPathComponent("en").path,
                                 "--target-root", root.appendingPathComponent("zh").path, root.appendingPathComponent("zh").path,
                                 "--no-config", "--format", "json"])
            #expect(r.status == 0 || r.status == 1, "\(corpus): \(r.stderr)")
            let findings = (r.json as? [String: Any])?["findings"] as? [[String: Any]] ?? []
            for f in findings where f["rule"] as? String == "glossary-inconsistent" {
                let details = f["details"] as? [String: Any] ?? [:]
                let term = details["term"] as? String ?? ""
                let variants = (details["variants"] as? [[String: Any]] ?? []).compactMap { $0["rendering"] as? String }
                let key = "\(corpus)\t\(term)\t\(variants.joined(separator: " / "))"
                if !found.contains(key) { found.append(key) }
            }
        }
        let unreviewed = found.filter { reviewed[$0] == nil }
        let gone = reviewed.keys.filter { !found.contains($0) }.sorted()
        #expect(unreviewed.isEmpty, "new terms to review: \(unreviewed)")
        #expect(gone.isEmpty, "reviewed terms no longer reported: \(gone)")
        let trueCount = found.filter { reviewed[$0] == true }.count
        print("glossary-inconsistent precision: \(trueCount) true of \(found.count) terms")
        #expect(found.count >= 40, "only \(found.count) terms reported")
        #expect(trueCount * 2 >= found.count, "\(trueCount) true of \(found.count)")
    }
}
