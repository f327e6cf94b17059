#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The anchors a document yields — what `#fragment` links can point at — the way documentation
/// sites make them: heading slugs (GitHub and VitePress style, which differ only in how they
/// treat punctuation, with `-1`, `-2` for repeated headings), explicit heading ids (`{#id}`,
/// MDX `{/*id*/}`; such a heading yields its id only, no slug), and `id`/`name` attributes of HTML elements and components anywhere outside
/// code blocks.
///
/// Anchors are compared by a loose key (letters and digits of any script, lowercased, the rest
/// dropped), so a fragment written by either slug style finds its heading.
public struct DocumentAnchors: Sendable {
    /// Loose key → the heading unit it names.
    private let keys: [Key: Int?]
    /// The ids of other elements and the names of embedded demos, read from the document's
    /// lines when a fragment names no heading: most documents' fragments all name headings.
    private let elements: Elements

    public init(_ doc: Document) {
        elements = Elements(doc)
        let headings = doc.units.indices.filter { if case .heading = doc.units[$0].kind { true } else { false } }
        let count = headings.count + doc.anchorHeadings.count
        // Each slug → how many headings before this one had it.
        var seen = [Key: Int](minimumCapacity: count)
        /// `n`, then one more: one look-up of the table where reading and writing made two.
        func countOne(_ n: inout Int) -> Int { defer { n += 1 }; return n }
        // Anchors in document order, made into the table at the end (the first with a key wins):
        // the table made at its size, each key looked up once.
        var anchors: [(Key, Int?)] = []
        anchors.reserveCapacity(count)
        // Headings in reading order, those that are no unit (code only) among them: their
        // anchors name no unit.
        var others = doc.anchorHeadings[...]
        func visit(_ u: Unit, _ k: Int?) {
            // A heading with an explicit id is reached by that id only: the sites that read
            // `{#id}` make no slug of its text (a link to the translated text is dead there).
            let id = doc.headingID(of: u)
            if let id {
                let key = Key(id.id)
                if !key.bytes.isEmpty { anchors.append((key, k)) }
            }
            let slug = Key(unit: u)
            guard !slug.bytes.isEmpty else { return }
            let n = countOne(&seen[slug, default: 0])
            guard id == nil else { return }
            anchors.append((slug, k))
            if n > 0 { anchors.append((Key(bytes: slug.bytes + Array(String(n).utf8)), k)) }
        }
        for k in headings {
            while let o = others.first, o.byteRange.lowerBound < doc.units[k].byteRange.lowerBound { visit(o, nil); others.removeFirst() }
            visit(doc.units[k], k)
        }
        for o in others { visit(o, nil) }
        var keys = [Key: Int?](minimumCapacity: anchors.count)
        keys.merge(anchors, uniquingKeysWith: { first, _ in first })
        self.keys = keys
    }

    /// `id` / `name` attributes of any element outside code blocks (a key a heading has keeps
    /// naming the heading: headings are looked up first), and the loose keys of the file names
    /// of embedded demos and snippets; read once, on first use.
    private final class Elements: Sendable {
        private let doc: Document
        private let read = Mutex<(ids: Set<Key>, embedded: Set<String>)?>(nil)

        init(_ doc: Document) { self.doc = doc }

        func lookup(_ body: ((ids: Set<Key>, embedded: Set<String>)) -> Bool) -> Bool {
            read.withLock { r in
                if r == nil { r = Elements.scan(doc) }
                return body(r!)
            }
        }

        private static func scan(_ doc: Document) -> (ids: Set<Key>, embedded: Set<String>) {
            var ids = Set<Key>(), embedded = Set<String>()
            var code = [Bool](repeating: false, count: doc.source.lineCount + 1)
            for c in doc.codeBlocks { for l in c.startLine...min(c.endLine, doc.source.lineCount) { code[l] = true } }
            let bytes = doc.source.bytes
            for line in 1...max(1, doc.source.lineCount) where line <= doc.source.lineCount && !code[line] {
                // Only lines with a `<` and a quotation mark can hold an element with an attribute
                // value (most lines: no decoding at all).
                let lineBytes = doc.source.lineByteRange(line)
                let hasAttribute = bytes.withUnsafeBufferPointer { b in
                    func has(_ c: Int32) -> Bool { memchr(b.baseAddress! + lineBytes.lowerBound, c, lineBytes.count) != nil }
                    return lineBytes.isEmpty ? false : has(0x3C) && (has(0x22) || has(0x27))
                }
                guard hasAttribute else { continue }
                let raw = doc.source.scalars(lineBytes)
                var k = 0
                while k < raw.count {
                    if raw[k] == 0x3C, let tag = InlineElements.parseTag(raw, at: k) {
                        for a in tag.attributes where DocumentAnchors.isIdAttribute(a.name) {
                            let key = Key(makeString(raw[a.value]))
                            if !key.bytes.isEmpty { ids.insert(key) }
                        }
                        // Embedded demos and snippets (`<code src="./demo/search.tsx">`): sites give
                        // each an anchor made from its file name.
                        let demo = tag.name == "code" || tag.name.utf8.first.map { $0 >= 0x41 && $0 <= 0x5A } == true  // ASCII names only
                        for a in tag.attributes where demo && a.name == "src" {
                            // The path's last component without its extension, read in place.
                            var hi = a.value.upperBound
                            while hi > a.value.lowerBound && raw[hi - 1] == 0x2F { hi -= 1 }
                            var lo = hi
                            while lo > a.value.lowerBound && raw[lo - 1] != 0x2F { lo -= 1 }
                            if let dot = (lo..<hi).last(where: { raw[$0] == 0x2E }), dot != lo { hi = dot }
                            var bytes: [UInt8] = []
                            for i in lo..<hi { DocumentAnchors.appendKey(raw[i], to: &bytes) }
                            let key = String(decoding: bytes, as: UTF8.self)
                            if key.count >= 3 { embedded.insert(key) }
                        }
                        k = tag.range.upperBound
                    } else {
                        k += 1
                    }
                }
            }
            return (ids, embedded)
        }
    }

    /// A loose key as UTF-8 bytes, hashed as bytes: a `String` key would hash its Unicode
    /// normal form, which costs most of the table's work for Chinese headings.
    private struct Key: Hashable {
        var bytes: [UInt8]
        init(bytes: [UInt8]) { self.bytes = bytes }
        init(_ s: String) { bytes = DocumentAnchors.keyBytes(s) }
        init(unit u: Unit) {
            bytes = []
            bytes.reserveCapacity(u.text.count * 3)
            for i in u.text.indices where u.roles[i].isRead { DocumentAnchors.appendKey(u.text[i], to: &bytes) }
        }
        func hash(into h: inout Hasher) { bytes.withUnsafeBytes { h.combine(bytes: $0) } }
    }

    /// `id`, `name`, and component props that carry an id (`titleId`, `anchorId`…).
    /// (Attribute names are ASCII: ``InlineElements/parseTag(_:at:)`` reads no other.)
    static func isIdAttribute(_ name: String) -> Bool {
        name == "id" || name == "name" || (name.utf8.count > 2 && name.utf8.suffix(2).elementsEqual("id".utf8))
    }

    /// True when `fragment` (without `#`, percent-encoded or not) names an anchor of the document.
    public func contains(_ fragment: String) -> Bool { lookup(fragment) != nil }

    /// The heading a fragment names: `.some(unit)` for a heading, `.some(nil)` for another
    /// element's id, nil when nothing in the document has it.
    public func lookup(_ fragment: String) -> Int?? {
        let decoded = DocumentAnchors.percentDecoded(fragment)
        let k = Key(decoded)
        if k.bytes.isEmpty { return .some(nil) }  // `#` alone, or punctuation only: the top of the page
        if let u = keys[k] { return .some(u) }
        let found = elements.lookup { e in
            if e.ids.contains(k) { return true }
            // `component-demo-search` for an embedded `search.tsx`: the keys of the fragment's
            // last one, two or three parts.
            guard !e.embedded.isEmpty else { return false }
            var name = ""
            for part in DocumentAnchors.partKeys(decoded).suffix(3).reversed() {
                name = part + name
                if e.embedded.contains(name) { return true }
            }
            return false
        }
        return found ? .some(nil) : nil
    }

    /// The keys of the parts of `s` between `-` and `_` (empty parts left out, as `split` does).
    /// ASCII text is split as bytes (a byte is a Character there): lowercasing and splitting by
    /// Character cost thousands of instructions a look-up.
    private static func partKeys(_ s: String) -> [String] {
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            return s.utf8.split(whereSeparator: { $0 == 0x2D || $0 == 0x5F }).map { part in
                var bytes: [UInt8] = []
                for b in part { appendKey(UInt32(b), to: &bytes) }
                return String(decoding: bytes, as: UTF8.self)
            }
        }
        return s.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).map { key(String($0)) }
    }

    /// The text a heading's slug is made from: what a reader reads (its explicit id, written
    /// after the text, is not part of the unit).
    public static func headingText(_ u: Unit) -> String { u.plainText }

    /// Letters and digits of any script, lowercased; everything else dropped.
    public static func key(_ s: String) -> String { String(decoding: keyBytes(s), as: UTF8.self) }

    /// `key(headingText(u))`, read from the unit's scalars without making its plain text: the
    /// key drops the spaces and line breaks `plainText` normalises, so only the roles a reader
    /// reads need filtering.
    public static func key(_ u: Unit) -> String { String(decoding: Key(unit: u).bytes, as: UTF8.self) }

    private static func keyBytes(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars { appendKey(c.value, to: &out) }
        return out
    }

    /// Appends scalar `v` to a key as UTF-8 when it is a letter or digit (lowercased); ASCII and
    /// CJK ideographs without Unicode property lookups (tested equal).
    @inline(__always)
    private static func appendKey(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 {
            if v >= 0x30 && v <= 0x39 || v >= 0x61 && v <= 0x7A { out.append(UInt8(v)) } else if v >= 0x41 && v <= 0x5A { out.append(UInt8(v | 0x20)) }
            return
        }
        guard let c = Unicode.Scalar(v) else { return }
        if v >= 0x4E00 && v <= 0x9FFF {
            UTF8.encode(c) { out.append($0) }
        } else if c.properties.isAlphabetic || c.properties.numericType != nil {
            for l in c.properties.lowercaseMapping.unicodeScalars { UTF8.encode(l) { out.append($0) } }
        }
    }

    /// `%E4%B8%AD` → 中; invalid escapes stay as they are.
    public static func percentDecoded(_ s: String) -> String {
        guard s.utf8.contains(0x25) else { return s }  // "%" as a byte: the same answer, without a search by Character
        var bytes: [UInt8] = []
        let u = Array(s.utf8)
        var i = 0
        func hex(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: return c - 0x30
            case 0x41...0x46: return c - 0x37
            case 0x61...0x66: return c - 0x57
            default: return nil
            }
        }
        while i < u.count {
            if u[i] == 0x25, i + 2 < u.count, let a = hex(u[i + 1]), let b = hex(u[i + 2]) {
                bytes.append(a << 4 | b); i += 3
            } else {
                bytes.append(u[i]); i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Document {
    /// The explicit id of heading unit `k`: `{#id}` or `{/*id*/}` after its text on the same
    /// line, or the `id`/`name` of an `<a>` (or any element) inside it.
    public func headingID(_ k: Int) -> HeadingID? { headingID(of: units[k]) }

    /// The explicit id of a heading of this document (a unit or one of ``anchorHeadings``).
    public func headingID(of u: Unit) -> HeadingID? {
        guard case .heading = u.kind else { return nil }
        if !u.inHTML && u.byteRange.upperBound <= source.bytes.count {
            let lineEnd = source.lineByteRange(u.end.line).upperBound
            if u.byteRange.upperBound < lineEnd {
                let rest = source.scalars(u.byteRange.upperBound..<lineEnd)
                var lo = 0
                while lo < rest.count && (rest[lo] == 0x20 || rest[lo] == 0x09) { lo += 1 }
                var hi = rest.count
                while hi > lo && (rest[hi - 1] == 0x20 || rest[hi - 1] == 0x09 || rest[hi - 1] == 0x23 || rest[hi - 1] == 0x0D) { hi -= 1 }
                // Columns of `rest` start right after the unit's last character.
                let column0 = u.end.column + 1
                func span(_ r: Range<Int>) -> Span {
                    Span(start: TextPosition(line: u.end.line, column: column0 + r.lowerBound),
                         end: TextPosition(line: u.end.line, column: column0 + r.upperBound - 1))
                }
                if hi - lo >= 3 && rest[lo] == 0x7B && rest[hi - 1] == 0x7D {
                    if rest[lo + 1] == 0x23 {
                        let r = (lo + 2)..<(hi - 1)
                        if !r.isEmpty { return HeadingID(id: makeString(rest[r]), span: span(r), syntax: .braces) }
                    } else if hi - lo >= 6 && rest[lo + 1] == 0x2F && rest[lo + 2] == 0x2A && rest[hi - 3] == 0x2A && rest[hi - 2] == 0x2F {
                        var a = lo + 3, b = hi - 3
                        while a < b && rest[a] == 0x20 { a += 1 }
                        while b > a && rest[b - 1] == 0x20 { b -= 1 }
                        if a < b { return HeadingID(id: makeString(rest[a..<b]), span: span(a..<b), syntax: .mdxComment) }
                    }
                }
            }
        }
        for t in u.inlineTags where !t.closing {
            for a in t.attributes where a.name == "id" || (a.name == "name" && t.name.lowercased() == "a") {
                if !a.value.isEmpty { return HeadingID(id: makeString(u.text[a.value]), span: u.span(a.value), syntax: .html) }
            }
        }
        // An HTML heading: `<h2 id="…">` before the text on its line.
        if u.inHTML {
            let lineStart = source.lineStarts[u.start.line - 1]
            let before = source.scalars(lineStart..<u.byteRange.lowerBound)
            if let open = before.lastIndex(of: 0x3C), let tag = InlineElements.parseTag(before, at: open),
               tag.name.count == 2, tag.name.lowercased().first == "h" {
                for a in tag.attributes where a.name == "id" && !a.value.isEmpty {
                    let sp = Span(start: TextPosition(line: u.start.line, column: a.value.lowerBound + 1),
                                  end: TextPosition(line: u.start.line, column: a.value.upperBound))
                    return HeadingID(id: makeString(before[a.value]), span: sp, syntax: .html)
                }
            }
        }
        return nil
    }
}
