import Testing
@testable import BitextCheck

/// Text the translation dropped: a footnote's reference, a sentence merged into a 2:1 bead.
@Suite struct DroppedTextTests {
    @Test func footnoteDefinitionLabels() {
        #expect(FootnoteReferences.definitionLabel("[^2]: The note.") == "2")
        #expect(FootnoteReferences.definitionLabel("   [^cost-a]: 在预发布集群上测得。") == "cost-a")
        #expect(FootnoteReferences.definitionLabel("[^x]:") == "x")
        // Four spaces in is code; a reference inside text, or no colon, defines nothing.
        #expect(FootnoteReferences.definitionLabel("    [^2]: The note.") == nil)
        #expect(FootnoteReferences.definitionLabel("See [^2]: the note.") == nil)
        #expect(FootnoteReferences.definitionLabel("[^2] is cited here.") == nil)
        #expect(FootnoteReferences.definitionLabel("[^a b]: two words") == nil)
        #expect(FootnoteReferences.definitionLabel("[^]: empty") == nil)
    }

    static func merged(anchors: Int, found: Int, carried: Int = 0, partner: (Int, Int) = (0, 0)) -> LoneSentence {
        var s = LoneSentence(bead: 0, sentenceBead: 0, unit: 0, range: 0..<10, isFirst: false, isLast: false, words: 6,
                             blockPaired: true, stems: 1, covered: 0, othersShare: 0.9, anchors: anchors, anchorsFound: found,
                             carried: carried, besideUnpairedTarget: false)
        s.merged = true
        s.partnerAnchors = partner.0
        s.partnerFound = partner.1
        return s
    }

    /// In a 2:1 bead only signs decide: a sentence without numbers or code with a sign is not
    /// dropped however few of its words the paragraph translates; one whose signs are all
    /// absent is, unless its partner's anchors are absent too (then the target sentence may be
    /// neither's translation) or another anchor of it is there.
    @Test func mergedSentenceNeedsAbsentSigns() {
        #expect(Self.merged(anchors: 1, found: 0).isDropped)
        #expect(Self.merged(anchors: 1, found: 0, partner: (2, 1)).isDropped)
        #expect(!Self.merged(anchors: 0, found: 0).isDropped)
        #expect(!Self.merged(anchors: 2, found: 1, carried: 1).isDropped)
        #expect(!Self.merged(anchors: 1, found: 0, carried: 1).isDropped)
        #expect(!Self.merged(anchors: 1, found: 0, partner: (2, 0)).isDropped)
        var short = Self.merged(anchors: 1, found: 0)
        short.words = 4
        #expect(!short.isDropped)
    }
}
