import Foundation
import Testing
@testable import BitextAlign
@testable import BitextMarkdown
@testable import BitextText

/// A source and a target block left alone in one gap between aligned beads pair when they are
/// prose of one kind and the lexicon links them (review 19 D4); sentences pair by the inline
/// code they share (review 19 D3).
@Suite struct GapPairingTests {
    static func features(_ text: String) throws -> [BlockFeatures] {
        let seg = try Segmenter(source: Harness.source, target: Harness.target)
        let d = Document(SourceText(path: "a.md", text: text))
        return BlockFeatures.of(d, analyses: d.units.map { seg.analyze($0) }, functionWords: Harness.source.functionWords)
    }

    @Test func lexiconLinksAShortenedTranslation() throws {
        let lexicon = try #require(Lexicon.shared)
        let source = try Self.features("Jobs must finish within the time limit. This section explains how to set the limit in your configuration file and how to handle a job that runs past it on version 3.\n")
        let kept = try Self.features("作业必须在时间限制内完成。\n")
        let other = try Self.features("截图来自旧版本的界面。\n")
        #expect(BlockAligner.lexicallyLinked(source[0], kept[0], lexicon: lexicon))
        #expect(!BlockAligner.lexicallyLinked(source[0], other[0], lexicon: lexicon))
    }

    @Test func aLoneGapBetweenPairsPairs() throws {
        let source = try Self.features("# Limits\n\nJobs must finish within the time limit.\nThis section explains how to set the limit in your configuration file and how to handle a job that runs past it on version 3.\n\n## Queues\n\nEach queue has a name.\n")
        let kept = try Self.features("# 限制\n\n作业必须在时间限制内完成。\n\n## 队列\n\n每个队列都有一个名字。\n")
        let beads = BlockAligner().align(source: source, target: kept)
        #expect(beads.map(\.source) == [[0], [1], [2], [3]])
        #expect(beads.map(\.target) == [[0], [1], [2], [3]])
        // Nothing of the source paragraph in the translation's: apart, as before.
        let other = try Self.features("# 限制\n\n截图来自旧版本的界面。\n\n## 队列\n\n每个队列都有一个名字。\n")
        let apart = BlockAligner().align(source: source, target: other)
        #expect(apart.contains { $0.source == [1] && $0.target.isEmpty })
        #expect(apart.contains { $0.source.isEmpty && $0.target == [1] })
    }

    @Test func inlineCodeIsASentenceAnchor() throws {
        let seg = try Segmenter(source: Harness.source, target: Harness.target)
        let d = Document(SourceText(path: "a.md", text: "If it returns `true`, show a notice.\n"))
        let s = SentenceAligner.sentences(of: [0], in: d, analyses: d.units.map { seg.analyze($0) }, numerals: Harness.target.numerals)
        #expect(s.first?.anchors.contains("`true") == true)
    }

    /// A single character stands for an English word only where the target's segmentation
    /// reads it alone: `以` inside `可以` (can) is no rendering of `use` (stems meet `used`), which
    /// let a translation's "它也可以…" pair with a dropped source sentence about use (swift-book
    /// `ReferenceManual/Types.md`); `用` alone still is.
    @Test func aCharacterInsideAWordRendersNothing() throws {
        let lexicon = try #require(Lexicon.shared)
        let seg = try Segmenter(source: Harness.source, target: Harness.target)
        func table(_ text: String, _ ids: inout SentenceTable.Interners) -> SentenceTable {
            let d = Document(SourceText(path: "a.md", text: text))
            let sentences = SentenceAligner.sentences(of: Array(0..<d.units.count), in: d, analyses: d.units.map { seg.analyze($0) },
                                                      functionWords: Harness.source.functionWords, numerals: Harness.target.numerals)
            var t = SentenceTable()
            for x in sentences { t.append(x, &ids) }
            return t
        }
        var ids = SentenceTable.Interners()
        let source = table("Filters may be used only in stages.\n", &ids)
        let target = table("它也可以定义阶段。\n\n用它定义阶段。\n", &ids)
        let v = LexicalEvidence.vocabulary(source: source, target: target, stems: ids.stems.strings, lexicon: lexicon, names: true)
        let use = try #require(ids.stems.ids.first { $0.key.hasPrefix("us") }?.value, "\(ids.stems.strings)")
        func reaches(_ j: Int) -> Bool {
            (Int(v.tDictionaryStart[j])..<Int(v.tDictionaryStart[j + 1])).contains { v.tDictionary[$0] == use }
        }
        #expect(target.count == 2)
        #expect(!reaches(0))
        #expect(reaches(1))
    }
}
