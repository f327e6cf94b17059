import Foundation
import Testing
@testable import BitextAlign
@testable import BitextCheck
@testable import BitextMarkdown
@testable import BitextText

@Test func debugAlignFile() throws {
    guard let path = ProcessInfo.processInfo.environment["ALIGN_FILE"] else { return }
    let s = try Fixtures.document(Fixtures.corpus(path.replacingOccurrences(of: "/zh/", with: "/en/"))!)
    let t = try Fixtures.document(Fixtures.corpus(path)!)
    let seg = try Segmenter(source: Harness.source, target: Harness.target)
    let sa = s.units.map { seg.analyze($0) }, ta = t.units.map { seg.analyze($0) }
    let al = DocumentAligner(functionWords: Harness.source.functionWords, numerals: Harness.target.numerals).align(source: s, sourceAnalyses: sa, target: t, targetAnalyses: ta)
    func desc(_ d: Document, _ b: Int) -> String {
        switch d.blocks[b] {
        case .unit(let u): return "\(d.units[u].start.line):\(d.units[u].kind.name):" + String(d.units[u].plainText.prefix(40))
        case .code(let c): return "\(d.codeBlocks[c].startLine):code"
        }
    }
    for b in al.beads {
        print(String(format: "%.2f", b.score), b.source.map { desc(s, $0) }.joined(separator: " + "), " ⇔ ", b.target.map { desc(t, $0) }.joined(separator: " + "))
    }
}
