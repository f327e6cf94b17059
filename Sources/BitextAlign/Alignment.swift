import BitextMarkdown

/// A bead: source blocks that a run of target blocks renders. Either side may be empty
/// (an insertion or a deletion). Indexes point into `Document.blocks`.
public struct Bead: Sendable, Equatable {
    public var source: [Int]
    public var target: [Int]
    /// Confidence in [0, 1].
    public var score: Double
    /// Sentence beads inside the pair, indexes into the concatenated sentences of each side.
    public var sentences: [SentenceBead]

    public init(source: [Int], target: [Int], score: Double, sentences: [SentenceBead] = []) {
        self.source = source
        self.target = target
        self.score = score
        self.sentences = sentences
    }
}

/// Sentences of the source that a run of target sentences renders.
public struct SentenceBead: Sendable, Equatable {
    public var source: [Int]
    public var target: [Int]
    public var score: Double
    public init(source: [Int], target: [Int], score: Double) {
        self.source = source
        self.target = target
        self.score = score
    }
}

/// The alignment of two documents, bead by bead in document order: the source's order, which is
/// the translation's too except for whole sections the translator moved
/// (``DocumentAligner/inSectionOrder(_:_:)``), whose beads stand where their source is.
public struct Alignment: Sendable {
    public var beads: [Bead]
    /// Blocks moved elsewhere: blocks the beads leave without a counterpart on both sides that
    /// pair up among themselves, out of the beads' order (a section put in another place, rows
    /// sorted differently), with their sentences aligned. Not part of the beads, whose order
    /// exports follow; exchange files (XLIFF, TMX) put a moved pair where its source blocks are.
    public var moved: [Bead]
    /// The beads follow the source's order of sections, which the translation changed
    /// (``DocumentAligner/inSectionOrder(_:_:)``): their target blocks are not in ascending
    /// order from bead to bead, so a stretch between two beads is no stretch of the translation.
    public var sectionsMoved: Bool
    public init(beads: [Bead], moved: [Bead] = [], sectionsMoved: Bool = false) {
        self.beads = beads
        self.moved = moved
        self.sectionsMoved = sectionsMoved
    }
}
