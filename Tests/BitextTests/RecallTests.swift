import Foundation
import Testing
@testable import BitextAlign
@testable import BitextCheck
@testable import BitextMarkdown
@testable import BitextText

/// Injects English into real translations and checks that bitext finds it: whole paragraphs
/// put back in English (`untranslated`) and paragraphs whose translation stops mid-way and
/// goes on in English (`mixed-language`), as in the handbook's seed. Runs over every corpus
/// (React, Vue, Swift book, Ant Design, DolphinScheduler, Hello Algo).
@Suite struct RecallTests {
    struct Rng {
        var state: UInt64
        mutating func next() -> UInt64 { state = state &* 6364136223846793005 &+ 1442695040888963407; return state >> 33 }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func injectedEnglishIsFound() throws {
        var rng = Rng(state: 2024)
        let settings = Harness.settings()
        let checker = Checker(settings: settings, messages: Messages.load("en"), glossary: nil,
                              rules: [UntranslatedRule(), MixedLanguageRule()])
        var injected = 0, found = 0
        var misses: [String] = []
        var perCorpus: [String: (injected: Int, found: Int)] = [:]
        for url in Fixtures.corpusFiles() where url.path.contains("/zh/") && !url.path.contains("genai-handbook") {
            let corpus = url.path.components(separatedBy: "/corpora/").last!.components(separatedBy: "/").first!
            let enURL = URL(fileURLWithPath: url.path.replacingOccurrences(of: "/zh/", with: "/en/"))
            let zh = try Fixtures.document(url), en = try Fixtures.document(enURL)
            try checker.withToolkit { toolkit in
                let za = checker.analyze(zh, toolkit: toolkit), ea = checker.analyze(en, toolkit: toolkit)
                let al = DocumentAligner(functionWords: settings.source.functionWords, numerals: settings.target.numerals)
                    .align(source: en, sourceAnalyses: ea, target: zh, targetAnalyses: za)
                // Candidate pairs: one paragraph each side, well translated, long enough.
                var candidates: [(Int, Int)] = []
                for b in al.beads where b.source.count == 1 && b.target.count == 1 && b.score > 0.8 {
                    guard let s = en.unitIndex(block: b.source[0]), let t = zh.unitIndex(block: b.target[0]),
                          zh.units[t].kind == .paragraph, za[t].hanCharacters >= 40, za[t].stretches.allSatisfy({ !$0.isProse }),
                          ea[s].sentences.count >= 2, ea[s].latinLetters >= 120 else { continue }
                    candidates.append((s, t))
                }
                for _ in 0..<min(4, candidates.count) {
                    let (s, t) = candidates.remove(at: rng.below(candidates.count))
                    let mid = rng.below(2) == 1
                    let eu = en.units[s], zu = zh.units[t]
                    var replacement: String
                    if mid {
                        // Keep the Chinese up to a sentence end, then the English from the middle on.
                        let zs = za[t].sentences, es = ea[s].sentences
                        let keep = max(1, zs.count / 2)
                        let from = max(1, es.count / 2)
                        replacement = zu.string(0..<zs[min(keep, zs.count) - 1].upperBound) + " "
                            + eu.string(es[from].lowerBound..<eu.text.count)
                    } else {
                        replacement = eu.string
                    }
                    replacement = replacement.replacingOccurrences(of: "\n", with: " ")
                    var bytes = zh.source.bytes
                    bytes.replaceSubrange(zu.byteRange, with: Array(replacement.utf8))
                    let doc = try Document(path: url.lastPathComponent, bytes: bytes)
                    let findings = checker.check(doc, analyses: checker.analyze(doc, toolkit: toolkit), pairing: nil, toolkit: toolkit)
                    let rule = mid ? "mixed-language" : "untranslated"
                    injected += 1
                    perCorpus[corpus, default: (0, 0)].injected += 1
                    if findings.contains(where: { $0.rule == rule && $0.span.start.line == zu.start.line }) {
                        found += 1
                        perCorpus[corpus, default: (0, 0)].found += 1
                    } else {
                        misses.append("\(url.lastPathComponent):\(zu.start.line) \(rule)")
                    }
                }
            }
        }
        let recall = Double(found) / Double(max(1, injected))
        print("injected \(injected), found \(found), recall \(String(format: "%.3f", recall)); missed: \(misses)")
        for (corpus, n) in perCorpus.sorted(by: { $0.key < $1.key }) { print("  \(corpus): \(n.found)/\(n.injected)") }
        // All six corpora take part, each with its share of injections.
        #expect(perCorpus.count >= 6, "corpora with injections: \(perCorpus.keys.sorted())")
        #expect(injected >= 150)
        #expect(recall >= 0.97, "missed: \(misses)")
    }
}
