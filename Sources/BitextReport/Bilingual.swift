import BitextAlign
import BitextCheck
import BitextExchange
import BitextMarkdown
import BitextText

/// A document pair with everything the exporters need: both documents, their analyses, the
/// alignment, and the findings on the translation.
public struct BilingualPair {
    public var source: Document
    public var target: Document
    public var sourceAnalyses: [TextAnalysis]
    public var targetAnalyses: [TextAnalysis]
    public var alignment: Alignment
    public var findings: [Finding]
    public var coverage: Coverage
    public var sourceLanguage: String
    public var targetLanguage: String
    /// The target locale's English characters per Han character (as coverage measures).
    public var charactersPerHan: Double
    /// The tree roots the two files were found under, if any: they name the files in exchange
    /// formats (``portablePath(_:root:)``).
    public var roots: TreeRoots? = nil

    public init(source: Document, target: Document, sourceAnalyses: [TextAnalysis], targetAnalyses: [TextAnalysis],
                alignment: Alignment, findings: [Finding], coverage: Coverage, sourceLanguage: String, targetLanguage: String,
                charactersPerHan: Double) {
        self.source = source
        self.target = target
        self.sourceAnalyses = sourceAnalyses
        self.targetAnalyses = targetAnalyses
        self.alignment = alignment
        self.findings = findings
        self.coverage = coverage
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.charactersPerHan = charactersPerHan
    }

    /// How translated a target unit is: its Han text against its English prose.
    public func status(ofTargetUnit k: Int) -> Coverage.Status {
        let (t, u) = Coverage.split(target.units[k], targetAnalyses[k], charactersPerHan: charactersPerHan)
        return t + u == 0 ? .translated : Coverage.status(t / (t + u))
    }
}
