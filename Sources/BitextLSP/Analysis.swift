import BitextAlign
import BitextCheck
import BitextGlossary
import BitextMarkdown
import BitextText
import Foundation

/// A source document as it was read at one moment (from its editor buffer or from disk), with
/// its analyses: re-analysed only when its bytes change.
final class SourceSnapshot {
    let path: String
    let buffer: TextBuffer
    let document: Document
    let analyses: [TextAnalysis]
    /// The glossary's terms in each unit, found once for every check against this source.
    let termHits: [[TermHit]]?

    init(path: String, buffer: TextBuffer, document: Document, analyses: [TextAnalysis], termHits: [[TermHit]]?) {
        self.path = path
        self.buffer = buffer
        self.document = document
        self.analyses = analyses
        self.termHits = termHits
    }
}

/// One check of an open document: what the rules found, and what hover, code actions and the
/// custom requests need to answer without checking again.
final class CheckedDocument {
    /// The document's change count this result belongs to.
    let generation: Int
    let buffer: TextBuffer
    let document: Document?
    let analyses: [TextAnalysis]
    let source: SourceSnapshot?
    let alignment: Alignment?
    let findings: [Finding]
    /// Why the text could not be checked (a NUL byte), if so.
    let problem: InputError?

    init(generation: Int, buffer: TextBuffer, document: Document?, analyses: [TextAnalysis], source: SourceSnapshot?,
         alignment: Alignment?, findings: [Finding], problem: InputError? = nil) {
        self.generation = generation
        self.buffer = buffer
        self.document = document
        self.analyses = analyses
        self.source = source
        self.alignment = alignment
        self.findings = findings
        self.problem = problem
    }

    /// The unit at a byte offset of the buffer, if any.
    func unit(atByte offset: Int) -> Int? {
        guard let doc = document else { return nil }
        let shift = buffer.hasByteOrderMark ? 3 : 0
        let o = offset - shift
        // Units are in reading order; byte ranges do not overlap.
        var lo = 0, hi = doc.units.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if doc.units[mid].byteRange.upperBound <= o { lo = mid + 1 } else { hi = mid }
        }
        // Front-matter units come first but are not in byte order with the body: check both.
        if lo < doc.units.count, doc.units[lo].byteRange.contains(o) || doc.units[lo].byteRange.upperBound == o { return lo }
        return doc.units.firstIndex { $0.byteRange.contains(o) }
    }

    /// The index in a unit's text of the character at a byte offset of the buffer.
    func index(inUnit k: Int, atByte offset: Int) -> Int? {
        guard let doc = document else { return nil }
        let p = buffer.textPosition(ofByte: offset)
        let u = doc.units[k]
        for i in u.text.indices where u.position(at: i) == p { return i }
        return nil
    }

    /// The source units aligned with target unit `k`.
    func alignedSourceUnits(_ k: Int) -> (units: [Int], score: Double)? {
        guard let doc = document, let source, let alignment else { return nil }
        for b in alignment.beads {
            let targets = b.target.compactMap { doc.unitIndex(block: $0) }
            guard targets.contains(k) else { continue }
            return (b.source.compactMap { source.document.unitIndex(block: $0) }, b.score)
        }
        return nil
    }
}

extension Project {
    /// Reads and analyses a source document.
    func snapshot(path: String, bytes: [UInt8]) -> SourceSnapshot? {
        guard let doc = try? Document(path: path, bytes: bytes, options: setup.parseOptions.forSource) else { return nil }
        let analyses = (try? checker.withToolkit { checker.analyze(doc, toolkit: $0) }) ?? []
        guard analyses.count == doc.units.count else { return nil }
        let hits = setup.glossary.map { Pairing.termHits($0, source: doc, analyses: analyses) }
        return SourceSnapshot(path: path, buffer: TextBuffer(bytes: bytes), document: doc, analyses: analyses, termHits: hits)
    }

    /// Checks a translation (against its source when it has one). With `sourceAtOpen` differing
    /// from `source`, the units whose source changed since then are reported as info.
    func check(path: String, buffer: TextBuffer, generation: Int, source: SourceSnapshot?,
               sourceAtOpen: SourceSnapshot?) -> CheckedDocument {
        let doc: Document
        do {
            doc = try Document(path: path, bytes: buffer.bytes, options: setup.parseOptions)
        } catch {
            let problem: InputError
            switch error {
            case .binary(_, let line): problem = InputError(file: path, line: line, setup.messages.text("lsp.binary"))
            case .invalidUTF8(_, let line, _): problem = InputError(file: path, line: line, setup.messages.text("lsp.binary"))
            }
            return CheckedDocument(generation: generation, buffer: buffer, document: nil, analyses: [], source: nil,
                                   alignment: nil, findings: [], problem: problem)
        }
        let result: CheckedDocument? = try? checker.withToolkit { toolkit in
            let analyses = checker.analyze(doc, toolkit: toolkit)
            var pairing: Pairing? = nil
            var alignment: Alignment? = nil
            if let source {
                let a = aligner.align(source: source.document, sourceAnalyses: source.analyses, target: doc, targetAnalyses: analyses)
                alignment = a
                pairing = Pairing(source: source.document, sourceAnalyses: source.analyses, alignment: a, sourceTermHits: source.termHits)
            }
            var findings = checker.check(doc, analyses: analyses, pairing: pairing, toolkit: toolkit)
            if let source, let old = sourceAtOpen, old.buffer.bytes != source.buffer.bytes {
                findings += sourceChanged(old: old, new: source, target: doc, analyses: analyses)
                findings.sort(by: Finding.ordered)
            }
            return CheckedDocument(generation: generation, buffer: buffer, document: doc, analyses: analyses, source: source,
                                   alignment: alignment, findings: findings)
        }
        return result ?? CheckedDocument(generation: generation, buffer: buffer, document: doc, analyses: [], source: nil,
                                         alignment: nil, findings: [])
    }

    /// Drift between the source the translator opened the translation against and the source
    /// now, as info findings on the translation's units.
    private func sourceChanged(old: SourceSnapshot, new: SourceSnapshot, target: Document, analyses: [TextAnalysis]) -> [Finding] {
        let alignment = aligner.align(source: old.document, sourceAnalyses: old.analyses, target: target, targetAnalyses: analyses)
        let suppressions = Suppressions(target)
        return Drift.findings(oldSource: old.document, newSource: new.document, target: target, alignment: alignment,
                              settings: setup.settings, messages: setup.messages)
            .filter { !suppressions.suppresses($0) }
            .map { f in
                var f = f
                f.severity = .info
                f.message = setup.messages.text("lsp.source-changed", ["message": f.message])
                return f
            }
    }
}
