import BitextMarkdown

/// A replacement of some bytes of a file.
public struct TextEdit: Sendable, Equatable {
    public var range: Range<Int>
    public var text: String
    public init(range: Range<Int>, text: String) {
        self.range = range
        self.text = text
    }
}

/// A new translation for a segment, with the fuzzy-match score to mark it with, if any.
public struct SegmentUpdate: Sendable {
    public var content: Content
    /// Percent similarity of the source it was translated from, for a fuzzy match.
    public var fuzzy: Int?
    public init(content: Content, fuzzy: Int? = nil) {
        self.content = content
        self.fuzzy = fuzzy
    }
}

/// Why a translation could not be written.
public enum WriteProblem: Sendable, Equatable {
    /// The unit has no counterpart in the target and is of a kind that cannot be inserted alone.
    case cannotInsert(kind: String)
    /// A front-matter value that the translation would make invalid YAML.
    case unsafeFrontMatter
}

/// Writes new translations of segments into the target file: the bytes of each bead's
/// translation are rebuilt from its segments, untouched segments byte for byte, new ones from
/// their content with the line structure of the place they go to; units the target lacks are
/// inserted after the target block the aligner puts before them. Nothing else of the file moves.
public struct TranslationWriter {
    public let document: ExchangeDocument
    /// `\r\n` when the target file uses it.
    let newline: String

    public init(_ document: ExchangeDocument) {
        self.document = document
        let b = document.target.source.originalBytes
        if let lf = b.firstIndex(of: 0x0A), lf > 0, b[lf - 1] == 0x0D { newline = "\r\n" } else { newline = "\n" }
    }

    public struct Plan: Sendable {
        public var edits: [TextEdit] = []
        /// Source units whose translation was rewritten / inserted.
        public var written: [Int] = []
        public var inserted: [Int] = []
        public var problems: [(unit: Int, problem: WriteProblem)] = []
    }

    /// The edits that put `updates` (source unit → segment index → new translation) in the file.
    public func plan(_ updates: [Int: [Int: SegmentUpdate]]) -> Plan {
        var plan = Plan()
        var insertions: [Int: String] = [:]  // byte position → text, in order
        var insertionOrder: [Int] = []
        let d = document
        for bead in d.beads {
            let touched = bead.units.filter { !(updates[$0] ?? [:]).isEmpty }
            guard !touched.isEmpty else { continue }
            if let range = bead.targetBytes, let first = bead.targetUnits.first {
                let unit = d.target.units[first]
                var parts: [(String, Bool)] = []
                var ok = true
                for k in bead.units {
                    for (j, seg) in d.units[k].segments.enumerated() {
                        let update = updates[k]?[j]
                        if let u = update {
                            guard let text = render(u, in: unit, at: first) else {
                                plan.problems.append((k, .unsafeFrontMatter)); ok = false; break
                            }
                            parts.append((text, true))
                            // The layout after a translation stays; the wrapping of English it
                            // replaces does not (block structure between units always stays).
                            let blockLayout = seg.trailing.contains { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
                            if seg.targetBytes != nil && (seg.status == .translated || seg.status == .partial || blockLayout) {
                                parts.append((String(decoding: seg.trailing, as: UTF8.self), false))
                            }
                        } else if let tb = seg.targetBytes {
                            parts.append((String(decoding: d.target.source.originalBytes[tb], as: UTF8.self), false))
                        }
                    }
                }
                guard ok else { continue }
                plan.edits.append(TextEdit(range: range, text: join(parts)))
                plan.written += touched
            } else {
                // Not in the target: insert after the block the aligner puts before it.
                var blocks: [String] = []
                for k in bead.units {
                    guard let us = updates[k], !us.isEmpty else { continue }
                    let su = d.source.units[k]
                    switch su.kind {
                    case .tableCell, .frontMatter:
                        plan.problems.append((k, .cannotInsert(kind: su.kind.name)))
                        continue
                    default: break
                    }
                    var parts: [(String, Bool)] = []
                    for j in d.units[k].segments.indices {
                        if let u = us[j], let text = render(u, in: su, at: nil) { parts.append((text, true)) }
                    }
                    let body = join(parts)
                    guard !body.isEmpty else { continue }
                    let (prefix, suffix, blankBefore) = frame(su)
                    blocks.append((blankBefore ? newline + newline : newline) + prefix + body + suffix)
                    plan.inserted.append(k)
                }
                guard !blocks.isEmpty else { continue }
                var (at, lead) = insertionPoint(after: bead.insertAfterBlock)
                var text = blocks.joined()
                // The source has a comment (no block) before the unit: the unit goes after
                // whatever follows the block before it, just before the next block.
                if let next = bead.insertBeforeBlock, let first = bead.units.first, somethingBefore(first) {
                    at = d.target.source.lineStarts[d.target.lines(ofBlock: next).lowerBound - 1]
                    lead = true
                }
                if lead {
                    // Before the first block: the block, then a blank line.
                    text = String(text.drop { $0 == "\n" || $0 == "\r" }) + newline + newline
                }
                if insertions[at] == nil { insertionOrder.append(at) }
                insertions[at, default: ""] += text
            }
        }
        for at in insertionOrder { plan.edits.append(TextEdit(range: at..<at, text: insertions[at]!)) }
        plan.edits.sort { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.range.upperBound < $1.range.upperBound }
        return plan
    }

    /// Joins pieces of a translation: where a new piece meets another with no space between,
    /// nothing between Chinese text, a space between Latin words.
    func join(_ parts: [(String, Bool)]) -> String {
        var out = ""
        var lastNew = false
        for (text, isNew) in parts where !text.isEmpty {
            if (isNew || lastNew), let l = out.unicodeScalars.last, let r = text.unicodeScalars.first,
               !(l == " " || l == "\n" || r == " " || r == "\n" || l == "\t") && !(isWide(l.value) || isWide(r.value)) {
                out += " "
            }
            out += text
            lastNew = isNew
        }
        return out
    }

    func isWide(_ c: UInt32) -> Bool {
        isHan(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x2E80 && c <= 0x2FFF)
    }

    /// The Markdown of a new translation placed in `unit` (a target unit, or the source unit
    /// whose place it takes): line breaks with the unit's line structure, table pipes escaped,
    /// front-matter values quoted as the value is. Nil when it cannot be written safely.
    func render(_ u: SegmentUpdate, in unit: Unit, at targetUnit: Int?) -> String? {
        var s = ""
        let flat: Bool
        switch unit.kind {
        case .heading, .tableCell, .frontMatter: flat = true
        default: flat = false
        }
        let continuation = flat || unit.inHTML ? "" : continuationPrefix(unit, in: targetUnit == nil ? document.source : document.target)
        for p in u.content.pieces {
            switch p {
            case .text(var t):
                if flat { t = t.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ") }
                else { t = t.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\n" + continuation) }
                if case .tableCell = unit.kind { t = escapePipes(t) }
                s += t
            case .code(let c): s += c.data ?? ""
            }
        }
        if case .frontMatter = unit.kind {
            guard u.fuzzy == nil, let q = frontMatterValue(s, unit: unit, in: targetUnit == nil ? document.source : document.target) else { return nil }
            s = q
        }
        if let score = u.fuzzy {
            s += "<!-- bitext-fuzzy \(score)% -->"
        }
        return newline == "\n" ? s : s.replacingOccurrences(of: "\n", with: newline)
    }

    func escapePipes(_ t: String) -> String {
        var out = ""
        var previous: Character = " "
        for c in t {
            if c == "|" && previous != "\\" { out += "\\|" } else { out.append(c) }
            previous = c
        }
        return out
    }

    /// A front-matter value written inside the quotes it has, or plain when that stays valid YAML.
    func frontMatterValue(_ s: String, unit: Unit, in doc: Document) -> String? {
        let before = unit.byteRange.lowerBound > 0 ? doc.source.bytes[unit.byteRange.lowerBound - 1] : 0
        switch before {
        case 0x22: return s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        case 0x27: return s.replacingOccurrences(of: "'", with: "''")
        default:
            if s.contains(": ") || s.contains(" #") || s.hasSuffix(":") { return nil }
            if let f = s.first, "-?:,[]{}#&*!|>'\"%@`".contains(f) { return nil }
            return s
        }
    }

    /// What continuation lines of a unit start with: its first line's prefix with list markers
    /// turned into spaces (quote markers kept).
    func continuationPrefix(_ unit: Unit, in doc: Document) -> String {
        let line = unit.start.line
        let start = doc.source.lineStarts[line - 1]
        let prefix = doc.source.bytes[start..<max(start, unit.byteRange.lowerBound)]
        return String(decoding: prefix.map { $0 == 0x3E || $0 == 0x20 || $0 == 0x09 ? $0 : 0x20 }, as: UTF8.self)
    }

    /// The source line around a unit that is inserted: what precedes it on its first line (a
    /// heading's `##`, a list marker), what follows it on its last, and whether a blank line
    /// precedes it.
    func frame(_ su: Unit) -> (String, String, Bool) {
        let src = document.source.source
        let start = src.lineStarts[su.start.line - 1]
        let prefix = String(decoding: src.bytes[start..<su.byteRange.lowerBound], as: UTF8.self)
        let end = src.lineByteRange(su.end.line).upperBound
        let suffix = String(decoding: src.bytes[min(su.byteRange.upperBound, end)..<end], as: UTF8.self)
        var blank = true
        if su.start.line >= 2 {
            let r = src.lineByteRange(su.start.line - 1)
            blank = src.bytes[r].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x3E }
        }
        return (prefix, suffix, blank)
    }

    /// True when the source has lines that are no block (an HTML comment, a link definition)
    /// between a unit and the block before it.
    func somethingBefore(_ k: Int) -> Bool {
        let d = document.source
        guard let b = d.blocks.firstIndex(where: { if case .unit(k) = $0 { return true }; return false }), b > 0 else { return false }
        let from = d.lines(ofBlock: b - 1).upperBound + 1, to = d.units[k].start.line - 1
        guard from <= to else { return false }
        return (from...to).contains { l in !d.source.bytes[d.source.lineByteRange(l)].allSatisfy { $0 == 0x20 || $0 == 0x09 } }
    }

    /// Where text inserted after a target block goes (the end of its last line; after a whole
    /// table for a table cell), or before the first block when there is none before.
    func insertionPoint(after block: Int?) -> (Int, Bool) {
        let t = document.target
        let src = t.source
        guard let b = block, b < t.blocks.count else {
            if let first = t.blocks.indices.first {
                return (src.lineStarts[t.lines(ofBlock: first).lowerBound - 1], true)
            }
            return (src.bytes.count, false)
        }
        var line = t.lines(ofBlock: b).upperBound
        if let u = t.unitIndex(block: b) {
            switch t.units[u].kind {
            case .tableCell:
                while line < src.lineCount && !src.bytes[src.lineByteRange(line + 1)].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { line += 1 }
            case .frontMatter:
                line = t.frontMatterEndLine ?? line
            default: break
            }
        }
        return (src.lineByteRange(line).upperBound, false)
    }
}

/// Applies edits (sorted, not overlapping) to a file's bytes, keeping its byte-order mark.
public func applyEdits(_ edits: [TextEdit], to source: SourceText) -> [UInt8] {
    var out: [UInt8] = source.hasByteOrderMark ? [0xEF, 0xBB, 0xBF] : []
    let bytes = source.originalBytes
    out.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.text.utf8.count })
    var at = 0
    for e in edits where e.range.lowerBound >= at {
        out += bytes[at..<e.range.lowerBound]
        out += Array(e.text.utf8)
        at = e.range.upperBound
    }
    out += bytes[at...]
    return out
}

/// A unified diff of two texts, line by line, with three lines of context: the lines the
/// standard library's `difference(from:)` (Myers) removes and inserts, removals first in each
/// change, as `diff -u` and `git diff` print them.
public func unifiedDiff(old: String, new: String, oldName: String, newName: String) -> String {
    // Lines as `diff` counts them: a final line feed ends the last line, it opens no new one.
    func lines(_ text: String) -> [String] {
        var l = text.splitLines().map(String.init)
        if l.last == "" { l.removeLast() }
        return l
    }
    let a = lines(old), b = lines(new)
    let difference = b.difference(from: a)
    guard !difference.isEmpty else { return "" }
    var removed = [Bool](repeating: false, count: a.count), inserted = [Bool](repeating: false, count: b.count)
    for change in difference {
        switch change {
        case .remove(let offset, _, _): removed[offset] = true
        case .insert(let offset, _, _): inserted[offset] = true
        }
    }
    // Operations over the whole file: (tag, line) with tag " ", "-", "+".
    var ops: [(Character, String)] = []
    var i = 0, j = 0
    while i < a.count || j < b.count {
        if i < a.count && removed[i] { ops.append(("-", a[i])); i += 1 }
        else if j < b.count && inserted[j] { ops.append(("+", b[j])); j += 1 }
        else { ops.append((" ", a[i])); i += 1; j += 1 }
    }
    var out = "--- \(oldName)\n+++ \(newName)\n"
    let changed = ops.indices.filter { ops[$0].0 != " " }
    var k = 0
    while k < changed.count {
        var lo = max(0, changed[k] - 3), hi = min(ops.count, changed[k] + 4)
        var m = k + 1
        while m < changed.count && changed[m] - 3 <= hi { hi = min(ops.count, changed[m] + 4); m += 1 }
        lo = max(0, lo)
        let oldStart = ops[..<lo].filter { $0.0 != "+" }.count + 1
        let newStart = ops[..<lo].filter { $0.0 != "-" }.count + 1
        let slice = ops[lo..<hi]
        let oldCount = slice.filter { $0.0 != "+" }.count, newCount = slice.filter { $0.0 != "-" }.count
        out += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
        for (tag, line) in slice { out += "\(tag)\(line)\n" }
        k = m
    }
    return out
}
