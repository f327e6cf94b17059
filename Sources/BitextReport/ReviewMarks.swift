/// Elements laid over Markdown that cmark-gfm renders: sentence spans, highlighted findings and
/// glossary terms, asides. The renderer is never asked to pass HTML through (it runs in safe
/// mode); instead each element's place is written into the Markdown as private-use characters
/// (three code points: what, and the element's number in two base-4096 digits), cmark-gfm
/// carries them through as text, and ``resolve(_:)`` turns them into tags afterwards, well
/// nested: an element is closed before every tag and opened again before the next text, so
/// overlapping elements and elements that cross a link or emphasis stay valid HTML. Inside a tag
/// (a sentinel that landed in a URL) they only change state.
struct ReviewMarks {
    private var opens: [String] = []
    private var closes: [String] = []

    static let openKind: UInt32 = 0xF0000
    static let closeKind: UInt32 = 0xF0001
    /// Raw HTML put in place of the sentinel (an aside's start or end, a heading's anchor).
    static let rawKind: UInt32 = 0xF0002
    static let digitBase: UInt32 = 0xF1000

    /// A new element; returns its number.
    mutating func add(open: String, close: String) -> Int {
        opens.append(open)
        closes.append(close)
        return opens.count - 1
    }

    /// Raw HTML to put in place (alone in a paragraph, the paragraph is dropped).
    mutating func raw(_ html: String) -> Int { add(open: html, close: "") }

    static func sentinel(_ kind: UInt32, _ id: Int) -> [Unicode.Scalar] {
        [Unicode.Scalar(kind)!, Unicode.Scalar(digitBase + UInt32(id >> 12 & 0xFFF))!, Unicode.Scalar(digitBase + UInt32(id & 0xFFF))!]
    }

    static func isSentinel(_ c: Unicode.Scalar) -> Bool { c.value >= openKind && c.value <= 0xF1FFF }

    /// The rendered HTML with the sentinels turned into elements. (Over UTF-8 bytes: a
    /// sentinel is one 4-byte sequence, F3 B0–B1 …, and every test below is of an ASCII byte, so
    /// a multi-byte character's bytes go through as its first byte did.)
    func resolve(_ html: String) -> String {
        var html = html
        return html.withUTF8 { s in
            var out: [UInt8] = []
            out.reserveCapacity(s.count + s.count / 4)
            var active: [Int] = []   // elements that should be open, in the order they started
            var opened: [Int] = []   // elements whose open tag is written and not closed
            var inTag = false
            func append(_ text: String) { out.append(contentsOf: text.utf8) }
            func closeAll() {
                for id in opened.reversed() { append(closes[id]) }
                opened.removeAll()
            }
            /// The scalar of the 4-byte sequence at `i`, when it is one.
            func scalar4(_ i: Int) -> UInt32? {
                guard i + 4 <= s.count, s[i] & 0xF8 == 0xF0 else { return nil }
                return UInt32(s[i] & 0x07) << 18 | UInt32(s[i + 1] & 0x3F) << 12 | UInt32(s[i + 2] & 0x3F) << 6 | UInt32(s[i + 3] & 0x3F)
            }
            let endPara: [UInt8] = Array("</p>".utf8), para: [UInt8] = Array("<p>".utf8)
            var i = 0
            while i < s.count {
                let b = s[i]
                if b >= 0xF0, let c = scalar4(i) {
                    if c >= Self.openKind && c <= Self.rawKind, let d1 = scalar4(i + 4), let d2 = scalar4(i + 8) {
                        let id = Int(d1 &- Self.digitBase) << 12 | Int(d2 &- Self.digitBase)
                        i += 12
                        guard id < opens.count else { continue }
                        switch c {
                        case Self.openKind:
                            active.append(id)
                        case Self.closeKind:
                            active.removeAll { $0 == id }
                            if let at = opened.firstIndex(of: id) {
                                for o in opened[at...].reversed() { append(closes[o]) }
                                opened.removeSubrange(at...)
                            }
                        default:
                            guard !inTag else { continue }
                            closeAll()
                            // Alone in a paragraph: the paragraph goes.
                            if out.count >= 3, out.suffix(3).elementsEqual(para), i + 4 <= s.count, s[i..<(i + 4)].elementsEqual(endPara) {
                                out.removeLast(3)
                                i += 4
                            }
                            append(opens[id])
                        }
                        continue
                    }
                    if c >= Self.openKind && c <= 0xF1FFF { i += 4; continue }  // a sentinel out of place
                }
                if inTag {
                    if b == 0x3E { inTag = false }
                    out.append(b)
                } else if b == 0x3C {
                    closeAll()
                    inTag = true
                    out.append(b)
                } else {
                    if b != 0x0A && b != 0x20 && opened != active {
                        if !opened.isEmpty && Array(active.prefix(opened.count)) == opened {
                            for id in active[opened.count...] { append(opens[id]) }
                        } else {
                            closeAll()
                            for id in active { append(opens[id]) }
                        }
                        opened = active
                    }
                    out.append(b)
                }
                i += 1
            }
            closeAll()
            return String(decoding: out, as: UTF8.self)
        }
    }
}

/// Where elements go in a block of Markdown lines: sentinels by (line, column), inserted into
/// the lines' text.
struct LineMarks {
    /// line → [(column, sentinel, order)]; opens after closes at the same column.
    private var at: [Int: [(Int, Int, [Unicode.Scalar])]] = [:]
    private var serial = 0

    mutating func insert(line: Int, column: Int, _ scalars: [Unicode.Scalar], closing: Bool = false) {
        serial += 1
        // Closes first at one place, so that an element ending where the next starts ends first.
        at[line, default: []].append((column, closing ? -1_000_000 + serial : serial, scalars))
    }

    var isEmpty: Bool { at.isEmpty }

    /// `text` (line `line` of the file) with its sentinels in place.
    func apply(line: Int, _ text: String) -> String {
        guard var list = at[line] else { return text }
        list.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 > $1.1 }
        var scalars = Array(text.unicodeScalars)
        for (column, _, s) in list {
            let k = min(max(0, column - 1), scalars.count)
            scalars.insert(contentsOf: s, at: k)
        }
        // As UTF-8, made into a string once (a scalar view's append costs dozens of
        // instructions a scalar).
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count * 3)
        for u in scalars { UTF8.encode(u) { out.append($0) } }
        return String(decoding: out, as: UTF8.self)
    }
}
