import Foundation

/// What happened to one unit of an exchange file on import.
public struct ImportNote: Sendable {
    public enum Kind: String, Sendable {
        /// The unit's source no longer matches the current source: not written.
        case stale
        /// An inline tag whose Markdown the file does not carry and the document does not know.
        case unknownTag = "unknown-tag"
        /// The translation dropped the inline markup its source has (a PO file without tags).
        case lostMarkup = "lost-markup"
        /// The exchange file names a unit the source does not have.
        case unknownUnit = "unknown-unit"
        /// A translated TMX or PO entry whose source text is no sentence (or run of sentences) of
        /// the document: its translation was not used.
        case unmatched
    }
    public var kind: Kind
    /// The unit id in the exchange file (or the entry's line for TMX and PO).
    public var unit: String
    /// Line of the entry in the exchange file.
    public var line: Int
    /// The source text of the entry, for the message.
    public var source: String
}

/// Matches the entries of an exchange file with the segments of a document pair: by id for a
/// bitext export (after checking the source is still the same), by source text otherwise.
public struct Importer {
    public let document: ExchangeDocument

    public init(_ document: ExchangeDocument) { self.document = document }

    public struct Result: Sendable {
        public var updates: [Int: [Int: SegmentUpdate]] = [:]
        public var notes: [ImportNote] = []
        /// Segments whose translation in the file is the one the target already has.
        public var unchanged = 0
    }

    /// The `original` names of an exchange file's XLIFF `<file>` elements, in order.
    public static func originals(_ entries: [ExchangeEntry]) -> [String] {
        var seen: [String] = []
        for e in entries { if let f = e.file, !seen.contains(f) { seen.append(f) } }
        return seen
    }

    /// The `original` among an exchange file's that names the source file at `path`: the path as
    /// given (`../site/en/a.md`), else the longest that ends the path in whole folder names
    /// (`content/guide/index.md` ends `/work/site/content/guide/index.md`; an export names files
    /// as ``portablePath(_:root:)`` says), else the first with the same file name.
    public static func original(for path: String, among originals: [String]) -> String? {
        if originals.contains(path) { return path }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var best: String? = nil
        for o in originals where absolute.hasSuffix("/" + o) && o.count > (best?.count ?? 0) { best = o }
        if let best { return best }
        let name = (path as NSString).lastPathComponent
        return originals.first { ($0 as NSString).lastPathComponent == name }
    }

    /// New translations from the entries (those of XLIFF file `original` when given).
    public func match(_ entries: [ExchangeEntry], original: String? = nil) -> Result {
        var result = Result()
        let chosen = entries.filter { original == nil || $0.file == nil || $0.file == original }
        var byUnit: [String: [ExchangeEntry]] = [:]
        var unitOrder: [String] = []
        var keyed: [ExchangeEntry] = []
        for e in chosen {
            if let u = e.unitId, e.segmentId != nil {
                if byUnit[u] == nil { unitOrder.append(u) }
                byUnit[u, default: []].append(e)
            } else {
                keyed.append(e)
            }
        }
        for u in unitOrder { matchUnit(u, byUnit[u]!, &result) }
        if !keyed.isEmpty { matchByText(keyed, &result) }
        return result
    }

    private func matchUnit(_ id: String, _ entries: [ExchangeEntry], _ result: inout Result) {
        let d = document
        func same(_ k: Int) -> Bool {
            let segs = d.units[k].segments
            for e in entries {
                guard let s = segs.first(where: { $0.id == e.segmentId }) else { return false }
                if s.source.structureKey != e.source.structureKey { return false }
                // Where the file carries the Markdown of its codes, it must be the same too.
                if e.source.codes.allSatisfy({ $0.data != nil }) && s.source.key != e.source.key { return false }
            }
            return true
        }
        var k: Int? = nil
        if id.hasPrefix("u"), let n = Int(id.dropFirst()), n >= 1, n <= d.units.count, same(n - 1) { k = n - 1 }
        if k == nil {
            // The source moved (units inserted or removed before it): the one unit that matches.
            let candidates = d.units.indices.filter(same)
            if candidates.count == 1 { k = candidates[0] }
        }
        guard let k else {
            let exists = id.hasPrefix("u") && (Int(id.dropFirst()).map { $0 >= 1 && $0 <= d.units.count } ?? false)
            result.notes.append(ImportNote(kind: exists ? .stale : .unknownUnit, unit: id, line: entries[0].line,
                                           source: entries[0].source.plainText))
            return
        }
        var updates: [Int: SegmentUpdate] = [:]
        for e in entries {
            guard let j = d.units[k].segments.firstIndex(where: { $0.id == e.segmentId }), let target = e.target else { continue }
            let seg = d.units[k].segments[j]
            let state = e.state ?? ""
            // A CAT tool's copy of the source into an untranslated segment is no translation.
            if ["initial", "new", "needs-translation"].contains(state) && (target.isEmpty || target.key == e.source.key) { continue }
            guard let resolved = resolve(target, unit: k) else {
                result.notes.append(ImportNote(kind: .unknownTag, unit: id, line: e.line, source: e.source.plainText))
                return
            }
            if let current = seg.target, current.key == resolved.key { result.unchanged += 1; continue }
            if seg.target == nil && resolved.isEmpty { continue }
            updates[j] = SegmentUpdate(content: resolved.trimmed)
        }
        if !updates.isEmpty { result.updates[k, default: [:]].merge(updates) { _, b in b } }
    }

    /// Gives codes without Markdown the Markdown the target (else the source) has for their id.
    func resolve(_ c: Content, unit k: Int) -> Content? {
        let u = document.units[k]
        var out: [Piece] = []
        for p in c.pieces {
            guard case .code(var code) = p, code.data == nil else { out.append(p); continue }
            let known = u.targetCodes[code.id] ?? u.sourceCodes[code.id]
            guard let data = known else { return nil }
            code.data = code.role == .close ? (data.end ?? "") : data.start
            out.append(.code(code))
        }
        return Content(out)
    }

    /// Entries without ids (TMX, PO): a segment, or a run of segments of one unit, takes the
    /// translation whose source is the same text.
    private func matchByText(_ entries: [ExchangeEntry], _ result: inout Result) {
        var memory: [String: (Content, ExchangeEntry)] = [:]
        var plain: [String: (Content, ExchangeEntry)] = [:]
        // Source keys of the entries a run of segments took (membership only, never iterated).
        var used = Set<String>()
        for e in entries {
            guard let t = e.target, !t.isEmpty else { continue }
            memory[e.source.key] = (t, e)
            plain[e.source.plainText] = (t, e)
        }
        let d = document
        for (k, unit) in d.units.enumerated() {
            var j = 0
            let segs = unit.segments
            while j < segs.count {
                var matched = false
                for m in stride(from: min(segs.count - j, 8), through: 1, by: -1) {
                    let run = segs[j..<(j + m)]
                    let key = run.map(\.source.key).joined(separator: " ")
                    var hit = memory[key]
                    if hit == nil, let p = plain[run.map(\.source.plainText).joined(separator: " ")] {
                        // Same words, no tags: a file that dropped the inline markup.
                        if run.contains(where: { !$0.source.codes.isEmpty }) && p.0.codes.isEmpty {
                            used.insert(p.1.source.key)
                            result.notes.append(ImportNote(kind: .lostMarkup, unit: unit.id, line: p.1.line, source: p.1.source.plainText))
                            j += m; matched = true
                            break
                        }
                        hit = p
                    }
                    guard let (target, entry) = hit else { continue }
                    used.insert(entry.source.key)
                    let current = run.compactMap(\.target).reduce(Content(), +)
                    let withoutNotes = run.compactMap(\.targetWithoutNotes).reduce(Content(), +)
                    // A memory leaves translator's notes out: the same translation without them is no change.
                    if run.allSatisfy({ $0.target != nil }) && (current.key == target.key || withoutNotes.key == target.key) {
                        result.unchanged += m
                    } else {
                        result.updates[k, default: [:]][j] = SegmentUpdate(content: target.trimmed)
                        for x in (j + 1)..<(j + m) { result.updates[k, default: [:]][x] = SegmentUpdate(content: Content()) }
                    }
                    j += m
                    matched = true
                    break
                }
                if !matched { j += 1 }
            }
        }
        // Entries of the file's own order that no segment took: work that would be lost silently.
        for e in entries where !used.contains(e.source.key) {
            guard let t = e.target, !t.isEmpty, memory[e.source.key]?.1.line == e.line else { continue }
            result.notes.append(ImportNote(kind: .unmatched, unit: String(e.line), line: e.line, source: e.source.plainText))
        }
    }
}
