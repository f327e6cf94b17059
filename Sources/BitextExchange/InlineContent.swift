import BitextMarkdown

/// What an inline code stands for in the Markdown.
public enum CodeType: String, Sendable {
    case bold, italic, strike, link, image, code, html, comment, entity, escape, url, math, footnote, markup
    /// What lies between two blocks of one translation unit (a blank line, a list marker).
    case block
}

/// Whether a code opens or closes a pair (bold, a link, `<kbd>…</kbd>`) or stands alone.
public enum CodeRole: Sendable, Equatable {
    case open, close, standalone
}

/// Markup inside translatable text that a translator keeps but does not translate: one XLIFF
/// inline element (`<pc>`/`<ph>`, `<g>`/`<x>`), one TMX `<bpt>`/`<ept>`/`<ph>`.
public struct InlineCode: Sendable, Equatable {
    /// Shared by both ends of a pair; unique within a unit.
    public var id: Int
    public var role: CodeRole
    public var type: CodeType
    /// The Markdown the code stands for; nil where the exchange file does not carry it (XLIFF
    /// 1.2 `<g>`): the importer then takes it from the document by `id`.
    public var data: String?
    /// One end of a pair whose other end is in another segment (XLIFF 2.0 `<sc>`/`<ec>`, 1.2
    /// `<bx>`/`<ex>`, TMX `<it>`).
    public var isolated = false

    public init(id: Int, role: CodeRole, type: CodeType, data: String?, isolated: Bool = false) {
        self.id = id
        self.role = role
        self.type = type
        self.data = data
        self.isolated = isolated
    }
}

/// A piece of translatable content: text, or an inline code.
public enum Piece: Sendable, Equatable {
    case text(String)
    case code(InlineCode)
}

/// Text with inline codes: a segment's source or target.
public struct Content: Sendable, Equatable {
    public var pieces: [Piece]

    public init(_ pieces: [Piece] = []) { self.pieces = pieces }
    public init(text: String) { pieces = text.isEmpty ? [] : [.text(text)] }

    public var isEmpty: Bool {
        pieces.allSatisfy { if case .text(let t) = $0 { return t.isEmpty }; return false }
    }

    /// The Markdown: text as it is, codes as their data (a code without data gives nothing).
    public var markdown: String {
        var s = ""
        for p in pieces {
            switch p {
            case .text(let t): s += t
            case .code(let c): s += c.data ?? ""
            }
        }
        return s
    }

    /// The text alone, codes left out (what a reader reads, for messages).
    public var plainText: String {
        var s = ""
        for case .text(let t) in pieces { s += t }
        return collapseWhitespace(s)
    }

    /// The Markdown with whitespace runs collapsed to one space and trimmed: what two sources
    /// must share to be the same sentence (re-wrapping a paragraph changes nothing).
    public var key: String { collapseWhitespace(markdown) }

    /// The text with codes as `{1}`, `{/1}`, `{1/}`: comparable when codes carry no data.
    public var structureKey: String {
        var s = ""
        for p in pieces {
            switch p {
            case .text(let t): s += t.replacingBraces
            case .code(let c):
                switch c.role {
                case .open: s += "{\(c.id)}"
                case .close: s += "{/\(c.id)}"
                case .standalone: s += "{\(c.id)/}"
                }
            }
        }
        return collapseWhitespace(s)
    }

    /// Adjacent text pieces joined, empty ones dropped.
    public var normalized: Content {
        var out: [Piece] = []
        for p in pieces {
            if case .text(let t) = p {
                if t.isEmpty { continue }
                if case .text(let prev)? = out.last { out[out.count - 1] = .text(prev + t); continue }
            }
            out.append(p)
        }
        return Content(out)
    }

    /// Pairs that do not nest properly inside this content become isolated ends, so that the
    /// content can be written as XML (`<pc>`, `<g>`, `<bpt>`/`<ept>`).
    public var wellFormed: Content {
        var out = pieces
        var stack: [(id: Int, at: Int)] = []
        var closed: Set<Int> = []
        for (k, p) in out.enumerated() {
            guard case .code(let c) = p else { continue }
            switch c.role {
            case .open: if !c.isolated { stack.append((c.id, k)) }
            case .close:
                if !c.isolated, let top = stack.last, top.id == c.id {
                    stack.removeLast()
                    closed.insert(k)
                    closed.insert(top.at)
                }
            case .standalone: break
            }
        }
        for (k, p) in out.enumerated() {
            if case .code(var c) = p, c.role != .standalone, !closed.contains(k) {
                c.isolated = true
                out[k] = .code(c)
            }
        }
        return Content(out)
    }

    /// Without whitespace at either end.
    public var trimmed: Content {
        var ps = normalized.pieces
        if case .text(let t)? = ps.first {
            let s = String(t.drop(while: { $0.isWhitespace }))
            if s.isEmpty { ps.removeFirst() } else { ps[0] = .text(s) }
        }
        if case .text(let t)? = ps.last {
            var s = Substring(t)
            while let l = s.last, l.isWhitespace { s.removeLast() }
            if s.isEmpty { ps.removeLast() } else { ps[ps.count - 1] = .text(String(s)) }
        }
        return Content(ps)
    }

    public static func + (a: Content, b: Content) -> Content { Content(a.pieces + b.pieces).normalized }

    /// The codes, in order.
    public var codes: [InlineCode] {
        pieces.compactMap { if case .code(let c) = $0 { return c }; return nil }
    }
}

func collapseWhitespace(_ s: String) -> String {
    var out = ""
    var space = false
    for c in s.unicodeScalars {
        if c == " " || c == "\n" || c == "\t" || c == "\r" {
            space = !out.isEmpty
            continue
        }
        if space { out += " "; space = false }
        out.unicodeScalars.append(c)
    }
    return out
}

extension String {
    /// Braces doubled, so that text never looks like a `{1}` code in a structure key.
    var replacingBraces: String {
        guard contains("{") || contains("}") else { return self }
        return replacingOccurrences(of: "{", with: "{{").replacingOccurrences(of: "}", with: "}}")
    }
}

/// The inline structure of one unit: its Markdown syntax cut into codes (emphasis delimiters,
/// link brackets and destinations, inline code, HTML tags, entities, escapes), paired where they
/// open and close, and numbered in reading order.
public struct UnitMarkup: Sendable {
    public struct Atom: Sendable {
        public var range: Range<Int>
        public var type: CodeType
        public var role: CodeRole
        public var id: Int
        /// For HTML tags: the element name, lowercased.
        var name: String = ""
    }

    public let unit: Unit
    public private(set) var atoms: [Atom] = []
    /// For each character of the unit: the atom it belongs to, or -1.
    private var owner: [Int32]

    public init(_ unit: Unit) {
        self.unit = unit
        owner = [Int32](repeating: -1, count: unit.text.count)
        let text = unit.text, roles = unit.roles
        var i = 0
        while i < text.count {
            if UnitMarkup.isAtomChar(text, roles, i) {
                var j = i
                while j < text.count && UnitMarkup.isAtomChar(text, roles, j) { j += 1 }
                atomize(i..<j)
                i = j
            } else if roles[i] == .structure && (text[i] == 0x20 || text[i] == 0x09) {
                // Layout whitespace; two or more spaces before a line break are a hard break.
                var j = i
                while j < text.count && roles[j] == .structure && (text[j] == 0x20 || text[j] == 0x09) { j += 1 }
                let atLineStart = i > 0 && (text[i - 1] == 0x0A || text[i - 1] == 0x0D)
                if !atLineStart && j - i >= 2 && j < text.count && (text[j] == 0x0A || text[j] == 0x0D) {
                    add(i..<j, .markup, .standalone)
                }
                i = j
            } else {
                i += 1
            }
        }
        partner = [Int](repeating: -1, count: atoms.count)
        pair()
        var next = 1
        for k in atoms.indices {
            if atoms[k].role == .close, partner[k] >= 0 {
                atoms[k].id = atoms[partner[k]].id
            } else {
                atoms[k].id = next
                next += 1
            }
            for x in atoms[k].range { owner[x] = Int32(k) }
        }
    }

    /// For each atom, the index of the other end of its pair, or -1.
    private var partner: [Int] = []

    /// Characters that are syntax: everything but prose, line breaks and the layout whitespace
    /// of block structure.
    static func isAtomChar(_ text: [UInt32], _ roles: [Role], _ i: Int) -> Bool {
        let c = text[i]
        if c == 0x0A || c == 0x0D { return false }
        switch roles[i] {
        case .content: return false
        case .structure: return !(c == 0x20 || c == 0x09)
        default: return true
        }
    }

    /// The largest id of the unit's codes.
    public var maxId: Int { atoms.map(\.id).max() ?? 0 }

    /// The atom a character belongs to.
    public func atom(at i: Int) -> Int? {
        guard i >= 0, i < owner.count, owner[i] >= 0 else { return nil }
        return Int(owner[i])
    }

    /// The Markdown of each code by id: (open or standalone data, close data).
    public var dataById: [Int: (start: String, end: String?)] {
        var out: [Int: (start: String, end: String?)] = [:]
        for a in atoms {
            let s = unit.string(a.range)
            if a.role == .close { out[a.id]?.end = s } else { out[a.id] = (s, nil) }
        }
        return out
    }

    // MARK: cutting syntax into atoms

    private mutating func add(_ r: Range<Int>, _ type: CodeType, _ role: CodeRole, name: String = "") {
        atoms.append(Atom(range: r, type: type, role: role, id: 0, name: name))
    }

    private mutating func atomize(_ run: Range<Int>) {
        let text = unit.text, roles = unit.roles
        var i = run.lowerBound
        let b = run.upperBound
        func ch(_ k: Int) -> UInt32 { k < b ? text[k] : 0 }
        while i < b {
            let c = text[i], r = roles[i]
            // Code, URLs, math and destinations that are not behind their own markup.
            if r == .code || r == .url || r == .math || r == .destination {
                var j = i
                while j < b && roles[j] == r { j += 1 }
                add(i..<j, r == .code ? .code : r == .url ? .url : r == .math ? .math : .markup, .standalone)
                i = j
                continue
            }
            switch c {
            case 0x60:  // ` inline code: the backticks and what they hold
                var n = i
                while n < b && text[n] == 0x60 { n += 1 }
                let run = n - i
                var m = n, end: Int? = nil
                while m < b {
                    if text[m] == 0x60 {
                        var e = m
                        while e < b && text[e] == 0x60 { e += 1 }
                        if e - m == run { end = e; break }
                        m = e
                    } else {
                        m += 1
                    }
                }
                add(i..<(end ?? n), end == nil ? .markup : .code, .standalone)
                i = end ?? n
            case 0x3C:  // <
                if ch(i + 1) == 0x21 && ch(i + 2) == 0x2D && ch(i + 3) == 0x2D {  // <!--
                    var k = i + 4
                    while k + 2 < b && !(text[k] == 0x2D && text[k + 1] == 0x2D && text[k + 2] == 0x3E) { k += 1 }
                    let end = min(b, k + 3)
                    add(i..<end, .comment, .standalone)
                    i = end
                    continue
                }
                var k = i + 1
                while k < b && text[k] != 0x3E { k += 1 }
                guard k < b else { add(i..<(i + 1), .markup, .standalone); i += 1; continue }
                let r = i..<(k + 1)
                if i + 1 < b && roles[i + 1] == .url {
                    add(r, .url, .standalone)
                } else {
                    let (name, role) = UnitMarkup.tag(unit.string(r))
                    add(r, .html, role, name: name)
                }
                i = k + 1
            case 0x26:  // & entity
                var k = i + 1
                while k < b && k < i + 40 && text[k] != 0x3B { k += 1 }
                let end = k < b && text[k] == 0x3B ? k + 1 : i + 1
                add(i..<end, end == i + 1 ? .markup : .entity, .standalone)
                i = end
            case 0x5C:  // \ escape (or hard break)
                add(i..<(i + 1), .escape, .standalone)
                i += 1
            case 0x2A, 0x5F, 0x7E:  // * _ ~
                var k = i
                while k < b && text[k] == c { k += 1 }
                add(i..<k, c == 0x7E ? .strike : (k - i >= 2 ? .bold : .italic), .open)
                i = k
            case 0x21 where ch(i + 1) == 0x5B:  // ![
                add(i..<(i + 2), .image, .open)
                i += 2
            case 0x5B:  // [
                if ch(i + 1) == 0x5E {  // [^footnote]
                    var k = i + 1
                    while k < b && text[k] != 0x5D { k += 1 }
                    let end = min(b, k + 1)
                    add(i..<end, .footnote, .standalone)
                    i = end
                } else {
                    add(i..<(i + 1), .link, .open)
                    i += 1
                }
            case 0x5D:  // ] and what follows: (destination "title") or [label]
                var k = i + 1
                if ch(k) == 0x28 {
                    var depth = 0
                    var quote: UInt32? = nil
                    while k < b {
                        let x = text[k]
                        if let q = quote { if x == q && text[k - 1] != 0x5C { quote = nil } }
                        else if x == 0x22 && k > i + 1 && (text[k - 1] == 0x20 || text[k - 1] == 0x0A) { quote = x }
                        else if x == 0x28 { depth += 1 }
                        else if x == 0x29 { depth -= 1; if depth == 0 { k += 1; break } }
                        k += 1
                    }
                } else if ch(k) == 0x5B {
                    while k < b && text[k] != 0x5D { k += 1 }
                    k = min(b, k + 1)
                }
                add(i..<k, .link, .close)
                i = k
            case 0x7B:  // {#anchor}, {/* comment */}
                var k = i + 1
                while k < b && text[k] != 0x7D { k += 1 }
                let end = min(b, k + 1)
                add(i..<end, .markup, .standalone)
                i = end
            default:
                // Anything else: one code up to the next character that starts syntax of its own.
                var k = i + 1
                while k < b, roles[k] == r, ![0x60, 0x3C, 0x26, 0x5C, 0x2A, 0x5F, 0x7E, 0x21, 0x5B, 0x5D, 0x7B].contains(text[k]) { k += 1 }
                add(i..<k, .markup, .standalone)
                i = k
            }
        }
    }

    /// An HTML tag's element name and whether it opens, closes or stands alone.
    static func tag(_ s: String) -> (String, CodeRole) {
        var body = Substring(s.dropFirst())
        let closing = body.first == "/"
        if closing { body = body.dropFirst() }
        let name = String(body.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == ":" }).lowercased()
        if closing { return (name, .close) }
        if s.hasSuffix("/>") || InlineTag.void.contains(name) || name.isEmpty { return (name, .standalone) }
        return (name, .open)
    }

    /// Pairs openings with closings: links and images by nesting, HTML tags by name, emphasis
    /// delimiters of the same kind one after the other. What finds no partner stands alone.
    private mutating func pair() {
        var linkStack: [Int] = []
        var htmlStack: [Int] = []
        var pendingToggle: [String: Int] = [:]
        for k in atoms.indices {
            let a = atoms[k]
            switch (a.type, a.role) {
            case (.link, .open), (.image, .open): linkStack.append(k)
            case (.link, .close):
                if let o = linkStack.popLast() {
                    partner[k] = o
                    partner[o] = k
                    atoms[k].type = atoms[o].type
                } else {
                    atoms[k].role = .standalone
                }
            case (.html, .open): htmlStack.append(k)
            case (.html, .close):
                if let at = htmlStack.lastIndex(where: { atoms[$0].name == a.name }) {
                    let o = htmlStack[at]
                    htmlStack.removeSubrange(at...)
                    partner[k] = o
                    partner[o] = k
                } else {
                    atoms[k].role = .standalone
                }
            case (.bold, _), (.italic, _), (.strike, _):
                let key = unit.string(a.range)
                if let o = pendingToggle[key] {
                    pendingToggle[key] = nil
                    atoms[k].role = .close
                    partner[k] = o
                    partner[o] = k
                } else {
                    pendingToggle[key] = k
                }
            default: break
            }
        }
        for k in atoms.indices where atoms[k].role != .standalone && partner[k] < 0 {
            atoms[k].role = .standalone
        }
    }

    // MARK: content

    /// How line breaks inside a unit are given.
    public enum Breaks: Sendable {
        /// As one space: a source sentence, the same however the paragraph is wrapped.
        case space
        /// As `\n`, the block structure after it (indentation, `>`) left out: a translation,
        /// written back with the structure of the place it goes to.
        case newline
    }

    /// The content of a range of the unit. Codes whose partner lies outside the range stand
    /// alone; characters in `excluding` (translator's notes) are left out.
    public func content(_ r: Range<Int>, breaks: Breaks, excluding: [Range<Int>] = []) -> Content {
        let text = unit.text, roles = unit.roles
        var pieces: [Piece] = []
        var buffer = String.UnicodeScalarView()
        func flush() {
            if !buffer.isEmpty { pieces.append(.text(String(buffer))); buffer = String.UnicodeScalarView() }
        }
        var i = r.lowerBound
        while i < r.upperBound {
            if !excluding.isEmpty, excluding.contains(where: { $0.contains(i) }) { i += 1; continue }
            let c = text[i]
            if let k = atom(at: i) {
                let a = atoms[k]
                flush()
                var isolated = false
                if a.role != .standalone {
                    // A pair cut by the range: this end is isolated.
                    let j = partner[k]
                    isolated = !(j >= 0 && atoms[j].range.lowerBound >= r.lowerBound && atoms[j].range.upperBound <= r.upperBound)
                }
                pieces.append(.code(InlineCode(id: a.id, role: a.role, type: a.type, data: unit.string(a.range), isolated: isolated)))
                i = max(i + 1, a.range.upperBound)
                continue
            }
            if c == 0x0D && i + 1 < text.count && text[i + 1] == 0x0A { i += 1; continue }
            if c == 0x0A || c == 0x0D {
                buffer.append(breaks == .space ? " " : "\n")
                i += 1
                // The block structure of the next line.
                while i < r.upperBound && (roles[i] == .structure) && !UnitMarkup.isAtomChar(text, roles, i) { i += 1 }
                continue
            }
            if roles[i] == .structure {
                // Layout whitespace (a hard break is a code): a space, none before a line break.
                var j = i
                while j < r.upperBound && roles[j] == .structure && (text[j] == 0x20 || text[j] == 0x09) { j += 1 }
                if !(j < text.count && (text[j] == 0x0A || text[j] == 0x0D)) { buffer.append(" ") }
                i = max(j, i + 1)
                continue
            }
            if let u = Unicode.Scalar(c) { buffer.append(u) }
            i += 1
        }
        flush()
        return Content(pieces).normalized
    }

    /// Moves a sentence start back to where its segment begins: to the start of the code it
    /// falls in, then over codes that open before it (`**`, `[`), so that a pair stays with the
    /// sentence it belongs to.
    public func segmentStart(_ p: Int) -> Int {
        var p = p
        if let k = atom(at: p), atoms[k].range.lowerBound < p { p = atoms[k].range.lowerBound }
        while p > 0, let k = atom(at: p - 1), atoms[k].role == .open { p = atoms[k].range.lowerBound }
        return p
    }
}
