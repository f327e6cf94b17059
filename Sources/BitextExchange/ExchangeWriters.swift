import BitextText
import Foundation

/// A file name fit for an exchange file: never a local absolute path. A path inside the
/// current directory becomes relative to it. A file of a tree whose root lies elsewhere (a
/// sibling repository: `../site/content`) is named from the root's folder down
/// (`content/guide/index.md`), so that the files of a tree keep distinct names; any other
/// absolute path keeps its file name only.
public func portablePath(_ path: String, root: String? = nil) -> String {
    guard path.hasPrefix("/") else { return path }
    let cwd = FileManager.default.currentDirectoryPath
    let base = cwd.hasSuffix("/") ? cwd : cwd + "/"
    if path.hasPrefix(base) { return String(path.dropFirst(base.count)) }
    if let root, case let r = URL(fileURLWithPath: root).standardizedFileURL.path,
       case let p = URL(fileURLWithPath: path).standardizedFileURL.path, p.hasPrefix(r.hasSuffix("/") ? r : r + "/") {
        let name = (r as NSString).lastPathComponent
        let below = String(p.dropFirst(r.count)).drop { $0 == "/" }
        return name == "/" ? String(below) : name + "/" + below
    }
    return (path as NSString).lastPathComponent
}

/// XLIFF 2.0: one `<unit>` per source unit, one `<segment>` per source sentence. Translated
/// segments `state="translated"` with their target; a half-translated one `state="initial"` with
/// what is translated; untranslated ones `state="initial"` with no target. Inline Markdown as
/// `<pc>`/`<ph>` (`<sc>`/`<ec>` for a pair cut by a sentence end), its text in `<originalData>`.
public enum XLIFF2Writer {
    public static func write(_ docs: [ExchangeDocument], sourceLang: String, targetLang: String) -> String {
        var out = head(sourceLang: sourceLang, targetLang: targetLang)
        for (f, d) in docs.enumerated() { out += file(d, index: f) }
        return out + tail
    }

    /// What comes before the files.
    public static func head(sourceLang: String, targetLang: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="\(Markup.escape(sourceLang))" trgLang="\(Markup.escape(targetLang))">

        """
    }

    /// What comes after the files.
    public static let tail = "</xliff>\n"

    /// The `<file>` of a document, the `index`th (from 0) of the export: written on its own, so
    /// that a tree is exported one pair at a time.
    public static func file(_ d: ExchangeDocument, index f: Int) -> String {
        var out = "  <file id=\"f\(f + 1)\" original=\"\(Markup.escape(d.sourceName))\">\n"
        for u in d.units {
            var data = DataTable()
            var segments = ""
            for s in u.segments {
                let hasTarget = s.status == .translated || s.status == .partial
                segments += "      <segment id=\"\(s.id)\" state=\"\(s.status == .translated ? "translated" : "initial")\">\n"
                segments += "        <source>\(content(s.source, &data))</source>\n"
                if hasTarget, let t = s.target { segments += "        <target>\(content(t, &data))</target>\n" }
                segments += "      </segment>\n"
            }
            out += "    <unit id=\"\(u.id)\" name=\"line \(u.line)\" xml:space=\"preserve\">\n"
            if !data.entries.isEmpty {
                out += "      <originalData>\n"
                for (id, text) in data.entries { out += "        <data id=\"\(id)\">\(Markup.escape(text))</data>\n" }
                out += "      </originalData>\n"
            }
            out += segments
            out += "    </unit>\n"
        }
        out += "  </file>\n"
        return out
    }

    /// The `<data>` elements of a unit: each distinct Markdown once.
    struct DataTable {
        var entries: [(String, String)] = []
        var ids: [String: String] = [:]
        mutating func ref(_ text: String) -> String {
            if let id = ids[text] { return id }
            let id = "d\(entries.count + 1)"
            ids[text] = id
            entries.append((id, text))
            return id
        }
    }

    static func typeAttributes(_ t: CodeType) -> String {
        switch t {
        case .bold: return " type=\"fmt\" subType=\"xlf:b\""
        case .italic: return " type=\"fmt\" subType=\"xlf:i\""
        case .strike: return " type=\"fmt\""
        case .link: return " type=\"link\""
        case .image: return " type=\"image\""
        default: return ""
        }
    }

    static func content(_ c: Content, _ data: inout DataTable) -> String {
        let c = c.wellFormed
        var out = ""
        var dataOfOpen: [Int: String] = [:]
        // The closing data of each pair, for `dataRefEnd` on the `<pc>` that opens it.
        var closing: [Int: String] = [:]
        for p in c.pieces { if case .code(let k) = p, k.role == .close, !k.isolated { closing[k.id] = k.data ?? "" } }
        for p in c.pieces {
            switch p {
            case .text(let t): out += Markup.escape(t)
            case .code(let k):
                let ref = data.ref(k.data ?? "")
                switch (k.role, k.isolated) {
                case (.open, false):
                    dataOfOpen[k.id] = ref
                    out += "<pc id=\"\(k.id)\"\(typeAttributes(k.type)) dataRefStart=\"\(ref)\" dataRefEnd=\"\(data.ref(closing[k.id] ?? ""))\">"
                case (.close, false): out += "</pc>"
                case (.open, true): out += "<sc id=\"\(k.id)\"\(typeAttributes(k.type)) dataRef=\"\(ref)\"/>"
                case (.close, true): out += "<ec startRef=\"\(k.id)\" dataRef=\"\(ref)\"/>"
                case (.standalone, _): out += "<ph id=\"\(k.id)\"\(typeAttributes(k.type)) dataRef=\"\(ref)\"/>"
                }
            }
        }
        return out
    }
}

/// XLIFF 1.2, what most CAT tools read: a `<group>` per source unit, a `<trans-unit>` per source
/// sentence (`u3-s1`: unit 3, sentence 1). Translated targets `state="translated"`, half-translated
/// ones `state="needs-review-translation"` with what is translated, untranslated sentences no
/// target. Inline Markdown as `<g>` (pairs) and `<x>` (with the Markdown as `equiv-text`);
/// `<bx>`/`<ex>` for a pair cut by a sentence end.
public enum XLIFF1Writer {
    public static func write(_ docs: [ExchangeDocument], sourceLang: String, targetLang: String) -> String {
        var out = head
        for d in docs { out += file(d, sourceLang: sourceLang, targetLang: targetLang) }
        return out + tail
    }

    /// What comes before the files.
    public static let head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">

        """

    /// What comes after the files.
    public static let tail = "</xliff>\n"

    /// The `<file>` of a document, written on its own (a tree is exported one pair at a time).
    public static func file(_ d: ExchangeDocument, sourceLang: String, targetLang: String) -> String {
        var out = "  <file original=\"\(Markup.escape(d.sourceName))\" source-language=\"\(Markup.escape(sourceLang))\" target-language=\"\(Markup.escape(targetLang))\" datatype=\"x-markdown\">\n"
        out += "    <header><tool tool-id=\"bitext\" tool-name=\"bitext\" tool-version=\"0.1.0\"/></header>\n"
        out += "    <body>\n"
        for u in d.units {
            out += "      <group id=\"\(u.id)\" resname=\"line \(u.line)\">\n"
            for s in u.segments {
                out += "        <trans-unit id=\"\(u.id)-\(s.id)\" xml:space=\"preserve\">\n"
                out += "          <source>\(content(s.source))</source>\n"
                if let t = s.target, s.status == .translated || s.status == .partial {
                    let state = s.status == .translated ? "translated" : "needs-review-translation"
                    out += "          <target state=\"\(state)\">\(content(t))</target>\n"
                }
                out += "        </trans-unit>\n"
            }
            out += "      </group>\n"
        }
        out += "    </body>\n  </file>\n"
        return out
    }

    static func ctype(_ t: CodeType) -> String {
        switch t {
        case .bold: return "bold"
        case .italic: return "italic"
        case .link: return "link"
        default: return "x-\(t.rawValue)"
        }
    }

    static func content(_ c: Content) -> String {
        var out = ""
        for p in c.wellFormed.pieces {
            switch p {
            case .text(let t): out += Markup.escape(t)
            case .code(let k):
                let equiv = k.data.map { " equiv-text=\"\(Markup.escape($0))\"" } ?? ""
                switch (k.role, k.isolated) {
                case (.open, false): out += "<g id=\"\(k.id)\" ctype=\"\(ctype(k.type))\">"
                case (.close, false): out += "</g>"
                case (.open, true): out += "<bx id=\"\(k.id)\" rid=\"\(k.id)\" ctype=\"\(ctype(k.type))\"\(equiv)/>"
                case (.close, true): out += "<ex id=\"\(k.id)e\" rid=\"\(k.id)\"\(equiv)/>"
                case (.standalone, _): out += "<x id=\"\(k.id)\" ctype=\"\(ctype(k.type))\"\(equiv)/>"
                }
            }
        }
        return out
    }
}

/// TMX 1.4b segments: inline Markdown as `<bpt>`/`<ept>` (pairs), `<ph>` (inline code, tags,
/// entities) and `<it>` (one end of a pair), each holding the Markdown it stands for.
public enum TMXWriter {
    public static func content(_ c: Content) -> String {
        var out = ""
        for p in c.wellFormed.pieces {
            switch p {
            case .text(let t): out += Markup.escape(t)
            case .code(let k):
                let d = Markup.escape(k.data ?? "")
                let type = tmxType(k.type)
                switch (k.role, k.isolated) {
                case (.open, false): out += "<bpt i=\"\(k.id)\"\(type)>\(d)</bpt>"
                case (.close, false): out += "<ept i=\"\(k.id)\">\(d)</ept>"
                case (.open, true): out += "<it pos=\"begin\" x=\"\(k.id)\"\(type)>\(d)</it>"
                case (.close, true): out += "<it pos=\"end\" x=\"\(k.id)\"\(type)>\(d)</it>"
                case (.standalone, _): out += "<ph x=\"\(k.id)\"\(type)>\(d)</ph>"
                }
            }
        }
        return out
    }

    static func tmxType(_ t: CodeType) -> String {
        switch t {
        case .bold: return " type=\"bold\""
        case .italic: return " type=\"italic\""
        case .strike: return " type=\"strike\""
        case .link: return " type=\"link\""
        case .image: return " type=\"x-image\""
        case .code: return " type=\"x-code\""
        default: return ""
        }
    }
}

extension ExchangeDocument {
    /// A translation-memory entry: a source and its translation, where it comes from.
    public struct MemoryPair: Sendable {
        public var source: Content
        public var target: Content
        /// `sentence` or `paragraph`.
        public var segtype: String
        /// The line of the translation in the target file (where a memory's user finds it).
        public var line: Int
    }

    /// What a translation memory should learn from this pair, translated content only: per
    /// sentence where the sentences of a unit align with confidence, else per unit; untranslated
    /// text left out, half-translated units give their translated sentences, translator's
    /// notes left out.
    public var memoryPairs: [MemoryPair] {
        var out: [MemoryPair] = []
        for bead in beads where !bead.targetUnits.isEmpty {
            let segs = bead.units.flatMap { k in units[k].segments.map { (k, $0) } }
            let allTranslated = segs.allSatisfy { $0.1.status == .translated }
            let confident = segs.allSatisfy { $0.1.targetBytes == nil || $0.1.score >= 0.5 }
            if allTranslated && !confident {
                let source = bead.units.map { k in
                    units[k].segments.map(\.source).reduce(Content()) { $0.isEmpty ? $1 : $0 + Content(text: " ") + $1 }
                }.reduce(Content()) { $0.isEmpty ? $1 : $0 + Content(text: "\n") + $1 }
                var target = Content()
                for (_, s) in segs {
                    guard let t = s.targetWithoutNotes, !t.isEmpty else { continue }
                    target = target + t + Content(text: layoutText(s.trailing))
                }
                target = target.trimmed
                if hasHan(target) {
                    out.append(MemoryPair(source: source, target: target, segtype: "paragraph",
                                          line: targetLine(bead.targetBytes, else: units[bead.units[0]].line)))
                }
                continue
            }
            // Sentence groups: a segment with a translation and the merged ones around it.
            for k in bead.units {
                for group in sentenceGroups(units[k].segments) {
                    let ss = group.map { units[k].segments[$0] }
                    guard ss.allSatisfy({ $0.status == .translated }) else { continue }
                    let source = ss.map(\.source).reduce(Content()) { $0.isEmpty ? $1 : $0 + Content(text: " ") + $1 }
                    let target = ss.compactMap(\.targetWithoutNotes).reduce(Content(), +).trimmed
                    guard hasHan(target) else { continue }
                    out.append(MemoryPair(source: source, target: target, segtype: "sentence",
                                          line: targetLine(ss.lazy.compactMap(\.targetBytes).first, else: units[k].line)))
                }
            }
        }
        return out
    }

    /// The target file's line where `bytes` start (`fallback` when there are none).
    func targetLine(_ bytes: Range<Int>?, else fallback: Int) -> Int {
        guard let b = bytes else { return fallback }
        return target.source.position(ofByte: b.lowerBound).line
    }

    /// Runs of segments that share one translation: one with target bytes and the empty ones
    /// merged into it (those before the first belong to it too).
    func sentenceGroups(_ segs: [ExchangeSegment]) -> [[Int]] {
        var groups: [[Int]] = []
        var pending: [Int] = []
        for (j, s) in segs.enumerated() {
            if s.targetBytes != nil {
                groups.append(pending + [j])
                pending = []
            } else if groups.isEmpty {
                pending.append(j)
            } else {
                groups[groups.count - 1].append(j)
            }
        }
        if !pending.isEmpty { groups.append(pending) }
        return groups
    }

    func hasHan(_ c: Content) -> Bool {
        c.pieces.contains { if case .text(let t) = $0 { return t.unicodeScalars.contains { isHan($0.value) } }; return false }
    }
}

/// Layout between two translations as text for a memory: a line break, a space, or nothing.
func layoutText(_ bytes: [UInt8]) -> String {
    if bytes.contains(0x0A) { return "\n" }
    return bytes.isEmpty ? "" : " "
}
