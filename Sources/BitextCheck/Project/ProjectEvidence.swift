import BitextMarkdown
import BitextText

/// What the rest of the project says about short English units: whether the project translates
/// most of its labels (headings, cells, list items), and which English units stay English in
/// several files while their neighbours are translated (a convention such as an `API` or
/// `Semantic DOM` heading in every page). Gathered file by file while checking; the findings
/// that depend on it (short English units) wait until every file is checked (``resolve``).
public final class ProjectEvidence: @unchecked Sendable {
    /// Normalised text of an English label or short phrase → number of files holding it.
    private(set) var englishFiles: [String: Int] = [:]
    /// Label places (headings, cells, list items) with short Chinese text, and English labels.
    private(set) var translatedLabels = 0
    private(set) var englishLabels = 0
    /// Stems of ordinary words that files keep in English inside Chinese sentences (each file's
    /// kept vocabulary, ``Segmenter/keptVocabulary(_:base:)``).
    private(set) var keptStems = Set<String>()
    /// Files the evidence was gathered from.
    private(set) var files = 0

    /// Files in which the same English unit must recur to be the project's convention.
    static let conventionFiles = 3

    public init() {}

    /// The evidence of one document.
    public static func of(_ doc: Document, _ analyses: [TextAnalysis]) -> ProjectEvidence {
        let e = ProjectEvidence()
        e.files = 1
        var seen = Set<String>()
        e.keptStems = Segmenter.keptVocabulary(analyses, base: [])
        let units = doc.units
        // By index and field: a copy of each unit and analysis cost a dozen references.
        for k in units.indices where isLabelPlace(units[k].kind) {
            if analyses[k].hasHan {
                if analyses[k].hanCharacters <= 16 { e.translatedLabels += 1 }
                continue
            }
            // A label heading kept for the links that name it is still a label the file leaves
            // in English: it counts towards the project's conventions and its English labels.
            guard let s = analyses[k].stretches.first, !analyses[k].isNote else { continue }
            let linked = s.documentEvidence == .linkedHeading
            guard s.isProse || linked, let key = conventionKey(units[k], s) else { continue }
            if s.isLabel || linked { e.englishLabels += 1 }
            if seen.insert(key).inserted { e.englishFiles[key, default: 0] += 1 }
        }
        return e
    }

    /// Adds another file's evidence (files gathered on several threads, merged in order).
    public func merge(_ other: ProjectEvidence) {
        mergeConventions(other)
        translatedLabels += other.translatedLabels
        englishLabels += other.englishLabels
    }

    /// Adds the evidence of a file beside one checked alone (``Inputs/neighbours(of:ignore:base:limit:)``):
    /// the English units it keeps and the words it keeps in English, not its labels. Whether a
    /// label is a warning stays the checked file's to say, as when it is checked with `--alone`
    /// (a page of names, `Pillow` and `numpy` under 镜像中提供了常用的 Python 库, in a project
    /// that translates its labels elsewhere).
    public func mergeConventions(_ other: ProjectEvidence) {
        files += other.files
        for (k, v) in other.englishFiles { englishFiles[k, default: 0] += v }
        keptStems.formUnion(other.keptStems)
    }

    /// The project translates at least four in five of its labels.
    public var translatesMostLabels: Bool {
        translatedLabels >= 4 && translatedLabels >= 4 * englishLabels
    }

    /// Stems of a stretch's ordinary words.
    static func ordinaryStems(_ s: SourceStretch) -> [String] {
        s.tokens.filter { $0.kind == .lowercase || $0.kind == .capitalized }.map(\.stem)
    }

    /// Decides the findings that waited for the whole project: a short unit English in three
    /// files or more is the project's convention (`untranslated-label`, info at most); a label
    /// made of words other files keep inside Chinese sentences is dropped; other labels are
    /// warnings when the project translates most of its labels.
    public func resolve(_ deferred: [DeferredFinding], settings: Settings) -> [Finding] {
        var out: [Finding] = []
        let labelSeverity = settings.severity(UntranslatedLabelRule())
        let labelConfigured = settings.severities["untranslated-label"] != nil
        for d in deferred {
            var f = d.finding
            if let key = d.conventionKey, files >= ProjectEvidence.conventionFiles,
               (englishFiles[key] ?? 0) >= ProjectEvidence.conventionFiles {
                guard let s = labelSeverity, !d.suppressedAsLabel else { continue }
                f.rule = "untranslated-label"
                f.severity = min(s, .info)
                f.message = d.conventionMessage
                f.details = [("evidence", .string("project-convention")), ("words", .int(d.words))]
            } else if d.isLabel {
                if keepsWords(d.stems) { continue }
                if !labelConfigured { f.severity = translatesMostLabels ? .warning : .info }
            }
            out.append(f)
        }
        return out
    }

    /// Every ordinary word stem is kept in English inside Chinese sentences by some file: the
    /// label names something (`Webhook`).
    func keepsWords(_ stems: [String]) -> Bool {
        !stems.isEmpty && stems.allSatisfy { keptStems.contains($0) }
    }

    /// Headings, table cells and list items: where labels are.
    static func isLabelPlace(_ u: BitextMarkdown.Unit) -> Bool { isLabelPlace(u.kind) }

    static func isLabelPlace(_ kind: UnitKind) -> Bool {
        switch kind {
        case .heading, .tableCell, .listItem: return true
        default: return false
        }
    }

    /// Lowercased content of a short unit (at most six words), nil for longer ones.
    static func conventionKey(_ u: BitextMarkdown.Unit, _ s: SourceStretch) -> String? {
        guard isLabelPlace(u), s.tokens.count <= 6 else { return nil }
        var out = String.UnicodeScalarView()
        for i in u.text.indices where u.roles[i] == .content || u.roles[i] == .code {
            let c = u.text[i]
            if c < 0x80 && !((c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) || c == 0x20) { continue }
            if let x = Unicode.Scalar(c >= 0x41 && c <= 0x5A ? c | 0x20 : c) { out.append(x) }
        }
        let key = String(out).trimmingSpaces
        return key.count > 60 || key.isEmpty ? nil : key
    }
}

/// A finding of `untranslated` or `untranslated-label` on a short unit whose final form depends
/// on the whole project (see ``ProjectEvidence/resolve(_:settings:)``).
public struct DeferredFinding: Sendable {
    /// The finding as the file alone decides it.
    public var finding: Finding
    /// The unit's key for conventions (short units at label places), or nil.
    public var conventionKey: String?
    /// Stems of the label's ordinary words.
    public var stems: [String]
    public var isLabel: Bool
    public var words: Int
    /// The message if it turns out to be the project's convention.
    public var conventionMessage: String
    /// A suppression comment switches `untranslated-label` off here.
    public var suppressedAsLabel = false
}
