import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One translation an exchange file carries: where it belongs (XLIFF ids), its source and
/// target with inline codes, its state.
public struct ExchangeEntry: Sendable {
    /// The `original` of its XLIFF `<file>`.
    public var file: String?
    /// `u3` and `s1` for an XLIFF export of bitext; nil for TMX and PO.
    public var unitId: String?
    public var segmentId: String?
    public var source: Content
    /// Nil when the file has no target for it.
    public var target: Content?
    /// XLIFF `state`, or `fuzzy` for a PO entry so flagged.
    public var state: String?
    /// Where it is in the exchange file.
    public var line: Int
}

/// What `import` and `pretranslate` read: XLIFF 1.2 or 2.x, TMX, PO.
public struct ExchangeFile: Sendable {
    public enum Format: String, Sendable { case xliff1 = "XLIFF 1.2", xliff2 = "XLIFF 2", tmx = "TMX", po = "PO" }
    public var format: Format
    public var entries: [ExchangeEntry]

    /// A file that cannot be read as any of the formats, with the line where it went wrong.
    public struct ReadError: Error, CustomStringConvertible, Sendable {
        public var file: String
        public var line: Int?
        public var message: String
        public var description: String { line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)" }
    }

    /// Reads an exchange file, telling the format from its content.
    /// - Parameters: sourceLanguage, targetLanguage: language tags (prefixes such as `en`, `zh`)
    ///   that pick a TMX file's two variants when its header does not say which is the source.
    public static func read(path: String, text: String, sourceLanguage: String = "en", targetLanguage: String = "zh") throws(ReadError) -> ExchangeFile {
        let head = text.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        if head.hasPrefix("<") {
            let root: XNode
            do { root = try XNode.parse(text) } catch { throw ReadError(file: path, line: error.line, message: error.message) }
            switch root.name {
            case "xliff":
                let version = root.attributes["version"] ?? ""
                if version.hasPrefix("2") || (root.attributes["xmlns"] ?? "").contains(":2.") {
                    return ExchangeFile(format: .xliff2, entries: try XLIFFReader.read2(root, path: path))
                }
                return ExchangeFile(format: .xliff1, entries: try XLIFFReader.read1(root, path: path))
            case "tmx":
                return ExchangeFile(format: .tmx, entries: TMXReader.read(root, source: sourceLanguage, target: targetLanguage))
            default:
                throw ReadError(file: path, line: root.line, message: "<\(root.name)> is neither XLIFF nor TMX")
            }
        }
        return ExchangeFile(format: .po, entries: try POReader.read(text, path: path))
    }
}

/// A minimal XML tree that keeps mixed content in order (text and inline elements).
final class XNode {
    enum Child { case element(XNode), text(String) }
    let name: String
    let attributes: [String: String]
    let line: Int
    var children: [Child] = []

    init(name: String, attributes: [String: String], line: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
    }

    struct ParseError: Error { var line: Int; var message: String }

    static func parse(_ text: String) throws(ParseError) -> XNode {
        let delegate = Builder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let ok = parser.parse()
        guard ok, let root = delegate.root else {
            let message = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "not well-formed XML"
            throw ParseError(line: max(1, parser.lineNumber), message: message)
        }
        return root
    }

    var elements: [XNode] { children.compactMap { if case .element(let e) = $0 { return e }; return nil } }
    func first(_ name: String) -> XNode? { elements.first { $0.name == name } }
    func all(_ name: String) -> [XNode] { elements.filter { $0.name == name } }

    /// All text inside, elements included.
    var text: String {
        var s = ""
        for c in children {
            switch c {
            case .text(let t): s += t
            case .element(let e): s += e.text
            }
        }
        return s
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XNode?
        var stack: [XNode] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            let local = name.split(separator: ":").last.map(String.init) ?? name
            let e = XNode(name: local, attributes: attributes, line: parser.lineNumber)
            if let parent = stack.last { parent.children.append(.element(e)) } else if root == nil { root = e }
            stack.append(e)
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            _ = stack.popLast()
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { append(string) }
        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { append(String(decoding: CDATABlock, as: UTF8.self)) }
        private func append(_ s: String) {
            guard let top = stack.last else { return }
            if case .text(let t)? = top.children.last { top.children[top.children.count - 1] = .text(t + s) }
            else { top.children.append(.text(s)) }
        }
    }
}

/// Numeric ids for the codes of one segment: XLIFF ids are strings.
struct CodeIds {
    private var map: [String: Int] = [:]
    mutating func id(_ s: String?) -> Int {
        guard let s else { return 0 }
        if let n = Int(s) { return n }
        if let m = map[s] { return m }
        let n = 1_000_000 + map.count
        map[s] = n
        return n
    }
}

enum XLIFFReader {
    static func read2(_ root: XNode, path: String) throws(ExchangeFile.ReadError) -> [ExchangeEntry] {
        var out: [ExchangeEntry] = []
        for file in root.all("file") {
            let original = file.attributes["original"]
            var stack = file.elements
            while !stack.isEmpty {
                let e = stack.removeFirst()
                if e.name == "group" { stack.insert(contentsOf: e.elements, at: 0); continue }
                guard e.name == "unit" else { continue }
                var data: [String: String] = [:]
                for d in e.first("originalData")?.all("data") ?? [] { if let id = d.attributes["id"] { data[id] = plain(d) } }
                for (n, seg) in e.all("segment").enumerated() {
                    guard let src = seg.first("source") else {
                        throw .init(file: path, line: seg.line, message: "<segment> without <source>")
                    }
                    var ids = CodeIds()
                    let source = content2(src, data, &ids)
                    let target = seg.first("target").map { content2($0, data, &ids) }
                    out.append(ExchangeEntry(file: original, unitId: e.attributes["id"], segmentId: seg.attributes["id"] ?? "s\(n + 1)",
                                             source: source, target: target, state: seg.attributes["state"], line: seg.line))
                }
            }
        }
        return out
    }

    /// Text with `<cp hex="…"/>` characters.
    static func plain(_ e: XNode) -> String {
        var s = ""
        for c in e.children {
            switch c {
            case .text(let t): s += t
            case .element(let x):
                if x.name == "cp", let h = x.attributes["hex"], let v = UInt32(h, radix: 16), let u = Unicode.Scalar(v) { s.unicodeScalars.append(u) }
                else { s += plain(x) }
            }
        }
        return s
    }

    static func type(_ attributes: [String: String]) -> CodeType {
        switch (attributes["type"], attributes["subType"] ?? attributes["ctype"]) {
        case (_, "xlf:b"), (_, "bold"): return .bold
        case (_, "xlf:i"), (_, "italic"): return .italic
        case ("link", _), (_, "link"): return .link
        case ("image", _), (_, "x-image"): return .image
        default:
            if let c = attributes["ctype"], c.hasPrefix("x-"), let t = CodeType(rawValue: String(c.dropFirst(2))) { return t }
            return .markup
        }
    }

    static func content2(_ e: XNode, _ data: [String: String], _ ids: inout CodeIds) -> Content {
        var pieces: [Piece] = []
        func walk(_ n: XNode) {
            for c in n.children {
                switch c {
                case .text(let t): pieces.append(.text(t))
                case .element(let x):
                    let t = type(x.attributes)
                    switch x.name {
                    case "pc":
                        let id = ids.id(x.attributes["id"])
                        pieces.append(.code(InlineCode(id: id, role: .open, type: t, data: x.attributes["dataRefStart"].flatMap { data[$0] })))
                        walk(x)
                        pieces.append(.code(InlineCode(id: id, role: .close, type: t, data: x.attributes["dataRefEnd"].flatMap { data[$0] })))
                    case "ph":
                        pieces.append(.code(InlineCode(id: ids.id(x.attributes["id"]), role: .standalone, type: t,
                                                       data: x.attributes["dataRef"].flatMap { data[$0] })))
                    case "sc":
                        pieces.append(.code(InlineCode(id: ids.id(x.attributes["id"]), role: .open, type: t,
                                                       data: x.attributes["dataRef"].flatMap { data[$0] }, isolated: true)))
                    case "ec":
                        pieces.append(.code(InlineCode(id: ids.id(x.attributes["startRef"] ?? x.attributes["id"]), role: .close, type: t,
                                                       data: x.attributes["dataRef"].flatMap { data[$0] }, isolated: true)))
                    case "cp":
                        if let h = x.attributes["hex"], let v = UInt32(h, radix: 16), let u = Unicode.Scalar(v) { pieces.append(.text(String(Character(u)))) }
                    case "sm", "em": break
                    default: walk(x)  // <mrk> and unknown wrappers: their content
                    }
                }
            }
        }
        walk(e)
        return Content(pieces).normalized
    }

    static func read1(_ root: XNode, path: String) throws(ExchangeFile.ReadError) -> [ExchangeEntry] {
        var out: [ExchangeEntry] = []
        for file in root.all("file") {
            let original = file.attributes["original"]
            guard let body = file.first("body") else { continue }
            var stack = body.elements
            while !stack.isEmpty {
                let e = stack.removeFirst()
                if e.name == "group" { stack.insert(contentsOf: e.elements, at: 0); continue }
                guard e.name == "trans-unit" else { continue }
                guard let src = e.first("source") else {
                    throw .init(file: path, line: e.line, message: "<trans-unit> without <source>")
                }
                var ids = CodeIds()
                let source = content1(src, &ids)
                let targetNode = e.first("target")
                let target = targetNode.map { content1($0, &ids) }
                // bitext's ids: u3-s1 (unit 3, sentence 1).
                let id = e.attributes["id"] ?? ""
                var unitId: String? = nil, segmentId: String? = nil
                if let dash = id.lastIndex(of: "-"), id.hasPrefix("u") {
                    unitId = String(id[..<dash])
                    segmentId = String(id[id.index(after: dash)...])
                }
                out.append(ExchangeEntry(file: original, unitId: unitId, segmentId: segmentId, source: source, target: target,
                                         state: targetNode?.attributes["state"], line: e.line))
            }
        }
        return out
    }

    static func content1(_ e: XNode, _ ids: inout CodeIds) -> Content {
        var pieces: [Piece] = []
        func walk(_ n: XNode) {
            for c in n.children {
                switch c {
                case .text(let t): pieces.append(.text(t))
                case .element(let x):
                    let t = type(x.attributes)
                    let equiv = x.attributes["equiv-text"]
                    switch x.name {
                    case "g":
                        let id = ids.id(x.attributes["id"])
                        pieces.append(.code(InlineCode(id: id, role: .open, type: t, data: nil)))
                        walk(x)
                        pieces.append(.code(InlineCode(id: id, role: .close, type: t, data: nil)))
                    case "x": pieces.append(.code(InlineCode(id: ids.id(x.attributes["id"]), role: .standalone, type: t, data: equiv)))
                    case "bx": pieces.append(.code(InlineCode(id: ids.id(x.attributes["rid"] ?? x.attributes["id"]), role: .open, type: t, data: equiv, isolated: true)))
                    case "ex": pieces.append(.code(InlineCode(id: ids.id(x.attributes["rid"] ?? x.attributes["id"]), role: .close, type: t, data: equiv, isolated: true)))
                    case "ph", "it":
                        let role: CodeRole = x.attributes["pos"] == "open" ? .open : x.attributes["pos"] == "close" ? .close : .standalone
                        pieces.append(.code(InlineCode(id: ids.id(x.attributes["id"]), role: role, type: t, data: x.text, isolated: role != .standalone)))
                    case "bpt": pieces.append(.code(InlineCode(id: ids.id(x.attributes["rid"] ?? x.attributes["id"]), role: .open, type: t, data: x.text)))
                    case "ept": pieces.append(.code(InlineCode(id: ids.id(x.attributes["rid"] ?? x.attributes["id"]), role: .close, type: t, data: x.text)))
                    case "sub": break
                    default: walk(x)  // <mrk>: its content
                    }
                }
            }
        }
        walk(e)
        return Content(pieces).normalized
    }
}

enum TMXReader {
    static func read(_ root: XNode, source: String, target: String) -> [ExchangeEntry] {
        let srclang = root.first("header")?.attributes["srclang"]
        func lang(_ tuv: XNode) -> String { (tuv.attributes["xml:lang"] ?? tuv.attributes["lang"] ?? "").lowercased() }
        func matches(_ l: String, _ want: String) -> Bool {
            let w = want.lowercased()
            return l == w || l.hasPrefix(w + "-") || w.hasPrefix(l + "-") || l.split(separator: "-").first == w.split(separator: "-").first
        }
        var out: [ExchangeEntry] = []
        for tu in root.first("body")?.all("tu") ?? [] {
            let tuvs = tu.all("tuv")
            let src = tuvs.first { srclang != nil && srclang != "*all*" ? matches(lang($0), srclang!) : matches(lang($0), source) }
                ?? tuvs.first { matches(lang($0), source) }
            guard let s = src, let t = tuvs.first(where: { $0 !== s && matches(lang($0), target) }) ?? tuvs.first(where: { $0 !== s }),
                  let sseg = s.first("seg"), let tseg = t.first("seg") else { continue }
            var ids = CodeIds()
            out.append(ExchangeEntry(file: nil, unitId: nil, segmentId: nil, source: seg(sseg, &ids), target: seg(tseg, &ids),
                                     state: nil, line: tu.line))
        }
        return out
    }

    static func seg(_ e: XNode, _ ids: inout CodeIds) -> Content {
        var pieces: [Piece] = []
        func walk(_ n: XNode) {
            for c in n.children {
                switch c {
                case .text(let t): pieces.append(.text(t))
                case .element(let x):
                    let t = XLIFFReader.type(["ctype": x.attributes["type"].map { $0.hasPrefix("x-") ? $0 : ($0 == "bold" || $0 == "italic" || $0 == "link" ? $0 : "x-" + $0) } ?? ""])
                    switch x.name {
                    case "bpt": pieces.append(.code(InlineCode(id: ids.id(x.attributes["i"]), role: .open, type: t, data: x.text)))
                    case "ept": pieces.append(.code(InlineCode(id: ids.id(x.attributes["i"]), role: .close, type: t, data: x.text)))
                    case "it":
                        let role: CodeRole = x.attributes["pos"] == "end" ? .close : .open
                        pieces.append(.code(InlineCode(id: ids.id(x.attributes["x"]), role: role, type: t, data: x.text, isolated: true)))
                    case "ph", "ut": pieces.append(.code(InlineCode(id: ids.id(x.attributes["x"]), role: .standalone, type: t, data: x.text)))
                    case "sub": break
                    default: walk(x)  // <hi>: its content
                    }
                }
            }
        }
        walk(e)
        return Content(pieces).normalized
    }
}

/// Gettext PO: msgid is the source, msgstr the translation, both Markdown (as Translate
/// Toolkit's md2po writes them, or as `xliff2po` turns a bitext export into).
enum POReader {
    static func read(_ text: String, path: String) throws(ExchangeFile.ReadError) -> [ExchangeEntry] {
        var out: [ExchangeEntry] = []
        var fields: [String: String] = [:]
        var current: String? = nil
        var fuzzy = false
        var contexts: [String] = []
        var start = 0
        var lineNo = 0
        func flush() {
            defer { fields = [:]; current = nil; fuzzy = false; contexts = [] }
            guard let id = fields["msgid"], !id.isEmpty else { return }
            let str = fields["msgstr"] ?? fields["msgstr[0]"]
            let ctx = fields["msgctxt"] ?? contexts.first
            var unitId: String? = nil, segmentId: String? = nil
            if let c = ctx, c.hasPrefix("u"), let dash = c.lastIndex(of: "-") {
                unitId = String(c[..<dash]); segmentId = String(c[c.index(after: dash)...])
            }
            out.append(ExchangeEntry(file: nil, unitId: unitId, segmentId: segmentId, source: inline(id),
                                     target: str.flatMap { $0.isEmpty ? nil : inline($0) }, state: fuzzy ? "fuzzy" : nil, line: start))
        }
        for raw in text.splitLines() {
            lineNo += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let t = line.drop { $0 == " " || $0 == "\t" }
            if t.isEmpty { flush(); continue }
            if t.hasPrefix("#~") { continue }
            if t.hasPrefix("#,") { if !fields.isEmpty { flush() }; if t.contains("fuzzy") { fuzzy = true }; continue }
            if t.hasPrefix("#:") {
                if !fields.isEmpty { flush() }
                contexts += t.dropFirst(2).split(separator: " ").map(String.init)
                continue
            }
            if t.hasPrefix("#") { if !fields.isEmpty { flush() }; continue }
            if t.hasPrefix("\"") {
                guard let c = current else { throw .init(file: path, line: lineNo, message: "a string with no msgid or msgstr before it") }
                fields[c, default: ""] += try unquote(t, path, lineNo)
                continue
            }
            guard let space = t.firstIndex(of: " ") else { throw .init(file: path, line: lineNo, message: "expected msgid, msgstr or a quoted string") }
            let keyword = String(t[..<space])
            guard ["msgctxt", "msgid", "msgid_plural", "msgstr"].contains(keyword) || keyword.hasPrefix("msgstr[") else {
                throw .init(file: path, line: lineNo, message: "unknown keyword \(keyword)")
            }
            if keyword == "msgctxt" || (keyword == "msgid" && fields["msgid"] != nil) { if fields["msgid"] != nil { flush() } }
            if fields.isEmpty { start = lineNo }
            current = keyword
            fields[keyword] = try unquote(t[t.index(after: space)...].drop { $0 == " " }, path, lineNo)
        }
        flush()
        return out
    }

    static func unquote(_ s: Substring, _ path: String, _ line: Int) throws(ExchangeFile.ReadError) -> String {
        guard s.hasPrefix("\""), s.hasSuffix("\""), s.count >= 2 else { throw .init(file: path, line: line, message: "expected a quoted string") }
        var out = ""
        var it = s.dropFirst().dropLast().makeIterator()
        while let c = it.next() {
            guard c == "\\" else { out.append(c); continue }
            switch it.next() {
            case "n": out += "\n"
            case "t": out += "\t"
            case "r": out += "\r"
            case "\"": out += "\""
            case "\\": out += "\\"
            case let other?: out.append("\\"); out.append(other)
            case nil: out.append("\\")
            }
        }
        return out
    }

    /// PO strings are Markdown; XLIFF inline elements in them (left by a converter) are read
    /// as codes.
    static func inline(_ s: String) -> Content {
        if s.contains("<g ") || s.contains("<x ") || s.contains("<pc ") || s.contains("<ph "),
           let root = try? XNode.parse("<r>\(s)</r>") {
            var ids = CodeIds()
            return s.contains("<pc ") || s.contains("<ph ") ? XLIFFReader.content2(root, [:], &ids) : XLIFFReader.content1(root, &ids)
        }
        return Content(text: s)
    }
}
