import Foundation
import Testing
@testable import BitextMarkdown

@Suite struct DocumentTests {
    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func everyCorpusUnitRoundTrips() throws {
        let files = Fixtures.corpusFiles()
        #expect(files.count >= 102)
        var units = 0
        for url in files {
            let doc = try Fixtures.document(url)
            for u in doc.units {
                let slice = doc.source.slice(from: u.start, through: u.end)
                #expect(slice == u.string, "\(url.lastPathComponent) \(u.start)-\(u.end)")
                units += 1
            }
        }
        #expect(units > 5000)
    }

    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func seedUnits() throws {
        let doc = try Fixtures.document(Fixtures.corpus("genai-handbook/zh/intro.md")!)
        for u in doc.units.prefix(60) {
            print(u.kind.name, u.start, u.end, String(u.plainText.prefix(50)))
        }
    }
}
