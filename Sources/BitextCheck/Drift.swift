import BitextAlign
import BitextMarkdown
import BitextText

/// What happened to the source of a translation between the version it was translated from
/// (old) and the current one (new), block by block.
///
/// Blocks are compared by their text with whitespace squeezed, so reflowed paragraphs are
/// unchanged. The longest common subsequence of the two block lists is unchanged; an old block
/// outside it whose text turns up unchanged elsewhere in the new list has *moved*; the old and
/// new blocks left between two unchanged ones are paired in order when their words overlap enough
/// (Dice coefficient of their word sets ≥ 0.5): *edited*; the rest are *deleted* (old) and
/// *inserted* (new) — an old block rewritten beyond that is reported as deleted and its
/// replacement as inserted.
public struct SourceDiff: Sendable {
    public enum Change: Sendable, Equatable {
        case unchanged(new: Int)
        case moved(new: Int)
        case edited(new: Int, similarity: Double)
        case deleted
    }
    /// For each old block.
    public var old: [Change]
    /// New blocks with no old counterpart.
    public var inserted: [Int]

    public init(old oldDoc: Document, new newDoc: Document) {
        let a = oldDoc.blocks.indices.map { SourceDiff.key(oldDoc, $0) }
        let b = newDoc.blocks.indices.map { SourceDiff.key(newDoc, $0) }
        var old = [Change](repeating: .deleted, count: a.count)
        var matchedNew = [Bool](repeating: false, count: b.count)
        // Unchanged: the longest common subsequence (strip equal ends first: files mostly agree).
        var lo = 0
        while lo < a.count && lo < b.count && a[lo] == b[lo] { old[lo] = .unchanged(new: lo); matchedNew[lo] = true; lo += 1 }
        var ha = a.count, hb = b.count
        while ha > lo && hb > lo && a[ha - 1] == b[hb - 1] {
            ha -= 1; hb -= 1
            old[ha] = .unchanged(new: hb); matchedNew[hb] = true
        }
        for (i, j) in SourceDiff.lcs(Array(a[lo..<ha]), Array(b[lo..<hb])) {
            old[lo + i] = .unchanged(new: lo + j); matchedNew[lo + j] = true
        }
        // Moved: the same text elsewhere.
        var freeNew: [String: [Int]] = [:]
        for j in b.indices where !matchedNew[j] { freeNew[b[j], default: []].append(j) }
        for i in a.indices {
            guard case .deleted = old[i], var js = freeNew[a[i]], !js.isEmpty else { continue }
            let j = js.removeFirst()
            freeNew[a[i]] = js
            old[i] = .moved(new: j); matchedNew[j] = true
        }
        // Edited: pair what is left between unchanged neighbours, in order, when similar.
        let oldWords = a.map(SourceDiff.words), newWords = b.map(SourceDiff.words)
        var i = 0
        while i < a.count {
            guard case .deleted = old[i] else { i += 1; continue }
            // The run of old blocks left here, and the new blocks left between the same neighbours.
            var end = i
            while end < a.count, case .deleted = old[end] { end += 1 }
            let prevNew: Int = i == 0 ? -1 : SourceDiff.newIndex(old[i - 1]) ?? -1
            let nextNew: Int = end < a.count ? (SourceDiff.newIndex(old[end]) ?? b.count) : b.count
            var candidates = (max(0, prevNew + 1)..<max(max(0, prevNew + 1), nextNew)).filter { !matchedNew[$0] }
            for k in i..<end {
                var best: (Int, Double)? = nil
                for (n, j) in candidates.enumerated() {
                    // The same unit when its words mostly agree, when it reads the same (only link
                    // destinations changed), or when it keeps every link and image of the old one
                    // (an image whose alt text was rewritten is still that image).
                    var s = SourceDiff.dice(oldWords[k], newWords[j])
                    if s < 0.5 && oldDoc.text(ofBlock: k) == newDoc.text(ofBlock: j) { s = 1 }
                    if s < 0.5 && SourceDiff.sameDestinations(oldDoc, k, newDoc, j) { s = 0.5 }
                    if s >= 0.5 && s > (best?.1 ?? 0) && SourceDiff.sameKind(oldDoc, k, newDoc, j) { best = (n, s) }
                    if best != nil && n > (best?.0 ?? 0) + 3 { break }
                }
                if let (n, s) = best {
                    let j = candidates[n]
                    old[k] = .edited(new: j, similarity: s); matchedNew[j] = true
                    candidates.removeFirst(n + 1)  // keep order
                }
            }
            i = end
        }
        self.old = old
        self.inserted = b.indices.filter { !matchedNew[$0] }
    }

    static func newIndex(_ c: Change) -> Int? {
        switch c {
        case .unchanged(let j), .moved(let j), .edited(let j, _): return j
        case .deleted: return nil
        }
    }

    /// A block's text with whitespace squeezed (reflow is not a change), and its kind.
    static func key(_ d: Document, _ b: Int) -> String {
        switch d.blocks[b] {
        case .code(let c): return "code:" + squeeze(d.codeBlocks[c].literal)
        case .unit(let u): return d.units[u].kind.name + ":" + squeeze(d.units[u].string)
        }
    }

    /// Both blocks are units with the same links and images, in order (at least one).
    static func sameDestinations(_ a: Document, _ i: Int, _ b: Document, _ j: Int) -> Bool {
        guard let u = a.unitIndex(block: i), let v = b.unitIndex(block: j) else { return false }
        let x = a.units[u].links.map(\.destination), y = b.units[v].links.map(\.destination)
        return !x.isEmpty && x == y
    }

    static func sameKind(_ a: Document, _ i: Int, _ b: Document, _ j: Int) -> Bool {
        key(a, i).prefix(while: { $0 != ":" }) == key(b, j).prefix(while: { $0 != ":" })
    }

    static func squeeze(_ s: String) -> String {
        var out = ""
        var space = false
        for c in s.unicodeScalars {
            if c == " " || c == "\n" || c == "\t" || c == "\r" || c == ">" && space {
                space = true
                continue
            }
            if space && !out.isEmpty { out += " " }
            space = false
            out.unicodeScalars.append(c)
        }
        return out
    }

    static func words(_ s: String) -> Set<String> {
        Set(s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
    }

    static func dice(_ a: Set<String>, _ b: Set<String>) -> Double {
        a.isEmpty && b.isEmpty ? 1 : 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }

    /// Index pairs of a longest common subsequence (Hunt–Szymanski style via patience on
    /// unique-ish keys would be faster; the middles left after stripping equal ends are small).
    static func lcs(_ a: [String], _ b: [String]) -> [(Int, Int)] {
        let n = a.count, m = b.count
        guard n > 0, m > 0 else { return [] }
        if n * m > 4_000_000 {
            // Very different long files: match unique lines in order only.
            var pos: [String: Int] = [:]
            var dup = Set<String>()
            for (j, k) in b.enumerated() { if pos[k] != nil { dup.insert(k) }; pos[k] = j }
            var pairs: [(Int, Int)] = []
            var last = -1
            for (i, k) in a.enumerated() where !dup.contains(k) {
                if let j = pos[k], j > last { pairs.append((i, j)); last = j }
            }
            return pairs
        }
        var table = [[UInt16]](repeating: [UInt16](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] &+ 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var pairs: [(Int, Int)] = []
        var i = 0, j = 0
        while i < n && j < m {
            if a[i] == b[j] { pairs.append((i, j)); i += 1; j += 1 }
            else if table[i + 1][j] >= table[i][j + 1] { i += 1 } else { j += 1 }
        }
        return pairs
    }
}

/// A word-level diff of two texts: `kept [-removed-] {+added+}`.
public func wordDiff(_ old: String, _ new: String) -> String {
    let a = old.split(separator: " ").map(String.init), b = new.split(separator: " ").map(String.init)
    let pairs = SourceDiff.lcs(a, b)
    var out: [String] = []
    var i = 0, j = 0
    for (pi, pj) in pairs + [(a.count, b.count)] {
        if i < pi { out.append("[-" + a[i..<pi].joined(separator: " ") + "-]") }
        if j < pj { out.append("{+" + b[j..<pj].joined(separator: " ") + "+}") }
        if pi < a.count { out.append(a[pi]) }
        i = pi + 1; j = pj + 1
    }
    return out.joined(separator: " ")
}

/// Drift findings for one translation: `stale-translation` on target units whose source was
/// edited or moved, `orphaned-translation` on those whose source was deleted, and
/// `untranslated-insertion` where a new source block's translation belongs.
public enum Drift {
    public static func findings(oldSource: Document, newSource: Document, target: Document, alignment: Alignment,
                                settings: Settings, messages: Messages) -> [Finding] {
        let diff = SourceDiff(old: oldSource, new: newSource)
        var findings: [Finding] = []
        var targetOfOld = [[Int]](repeating: [], count: oldSource.blocks.count)
        for b in alignment.beads { for s in b.source { targetOfOld[s] = b.target } }
        func text(_ d: Document, _ b: Int) -> String { d.text(ofBlock: b) }
        func line(_ d: Document, _ b: Int) -> Int { d.lines(ofBlock: b).lowerBound }
        /// The first target unit of some target blocks, as a finding's place.
        func targetUnit(_ blocks: [Int]) -> Int? { blocks.compactMap { target.unitIndex(block: $0) }.first }

        let stale = settings.severity(id: "stale-translation", default: .warning)
        let orphaned = settings.severity(id: "orphaned-translation", default: .warning)
        for (i, change) in diff.old.enumerated() {
            let tb = targetOfOld[i]
            guard let tu = targetUnit(tb) else { continue }
            let u = target.units[tu]
            switch change {
            case .unchanged:
                continue
            case .moved(let j):
                guard let s = stale else { continue }
                findings.append(Finding(rule: "stale-translation", severity: s, file: target.path, span: u.span,
                                        message: messages.text("stale-translation.moved", ["line": String(line(newSource, j))]),
                                        text: u.string,
                                        details: [("change", "moved"), ("oldLine", .int(line(oldSource, i))),
                                                  ("newLine", .int(line(newSource, j)))]))
            case .edited(let j, let similarity):
                let before = text(oldSource, i), after = text(newSource, j)
                // Only link destinations changed: the words need no new translation, the links do.
                if before == after, let changes = linkChanges(oldSource, i, newSource, j), !changes.isEmpty {
                    findings += staleLinks(changes, targetBlocks: tb, target: target, oldLine: line(oldSource, i),
                                           newLine: line(newSource, j), settings: settings, messages: messages)
                    continue
                }
                guard let s = stale else { continue }
                findings.append(Finding(rule: "stale-translation", severity: s, file: target.path, span: u.span,
                                        message: messages.text("stale-translation", ["line": String(line(newSource, j))]),
                                        text: u.string,
                                        details: [("change", "edited"), ("oldLine", .int(line(oldSource, i))),
                                                  ("newLine", .int(line(newSource, j))), ("similarity", .double((similarity * 100).rounded() / 100)),
                                                  ("old", .string(before)), ("new", .string(after)), ("diff", .string(wordDiff(before, after)))]))
            case .deleted:
                guard let s = orphaned else { continue }
                findings.append(Finding(rule: "orphaned-translation", severity: s, file: target.path, span: u.span,
                                        message: messages.text("orphaned-translation", ["line": String(line(oldSource, i))]),
                                        text: u.string,
                                        details: [("change", "deleted"), ("oldLine", .int(line(oldSource, i))),
                                                  ("old", .string(text(oldSource, i)))]))
            }
        }
        // Inserted blocks: their translation goes after the translation of the nearest earlier
        // new block that has one.
        if let sev = settings.severity(id: "untranslated-insertion", default: .warning) {
            var newToOld = [Int?](repeating: nil, count: newSource.blocks.count)
            for (i, c) in diff.old.enumerated() { if let j = SourceDiff.newIndex(c) { newToOld[j] = i } }
            for j in diff.inserted {
                guard newSource.unitIndex(block: j) != nil else { continue }  // code blocks need no translation
                var anchor: Int? = nil
                var k = j - 1
                while k >= 0 {
                    if let i = newToOld[k], let last = targetOfOld[i].last { anchor = last; break }
                    k -= 1
                }
                // Report at the target block that follows the anchor (or the first block).
                let at = anchor.map { $0 + 1 } ?? 0
                var unit: Int? = nil
                for b in at..<max(at, target.blocks.count) { if let u = target.unitIndex(block: b) { unit = u; break } }
                if unit == nil, let a = anchor { for b in stride(from: a, through: 0, by: -1) { if let u = target.unitIndex(block: b) { unit = u; break } } }
                guard let tu = unit else { continue }
                let u = target.units[tu]
                // The last line of the anchor block, a code block's closing fence included.
                let after = anchor.map { String(target.lines(ofBlock: $0).upperBound) } ?? ""
                findings.append(Finding(rule: "untranslated-insertion", severity: sev, file: target.path,
                                        span: u.span(0..<min(1, u.text.count)),
                                        message: messages.text(anchor == nil ? "untranslated-insertion.start" : "untranslated-insertion",
                                                               ["line": String(line(newSource, j)), "after": after]),
                                        text: u.string(0..<min(1, u.text.count)),
                                        details: [("change", "inserted"), ("newLine", .int(line(newSource, j))),
                                                  ("new", .string(text(newSource, j))),
                                                  ("insertAfterLine", anchor == nil ? .null : .int(Int(after) ?? 0))]))
            }
        }
        return findings.sorted(by: Finding.ordered)
    }

    /// A translation whose source page did not exist at the revision it records: the whole page
    /// is new text, one `untranslated-insertion` finding for the file (at its first unit).
    public static func newPage(newSource: Document, target: Document, revision: String,
                               settings: Settings, messages: Messages) -> [Finding] {
        guard let sev = settings.severity(id: "untranslated-insertion", default: .warning), let u = target.units.first else { return [] }
        let first = u.span(0..<min(1, u.text.count))
        return [Finding(rule: "untranslated-insertion", severity: sev, file: target.path, span: first,
                        message: messages.text("untranslated-insertion.page", ["rev": revision, "units": String(newSource.units.count)]),
                        text: u.string(0..<min(1, u.text.count)),
                        details: [("change", "added"), ("revision", .string(revision)), ("newUnits", .int(newSource.units.count))])]
    }

    /// The links whose destination differs between an old and a new unit with the same links
    /// in the same order, as (old, new) destinations; nil when the links themselves differ.
    static func linkChanges(_ a: Document, _ i: Int, _ b: Document, _ j: Int) -> [(String, String)]? {
        guard let u = a.unitIndex(block: i), let v = b.unitIndex(block: j) else { return nil }
        let x = a.units[u].links, y = b.units[v].links
        guard x.count == y.count else { return nil }
        var out: [(String, String)] = []
        for (l, m) in zip(x, y) {
            guard l.isImage == m.isImage else { return nil }
            if l.destination != m.destination && !out.contains(where: { $0 == (l.destination, m.destination) }) {
                out.append((l.destination, m.destination))
            }
        }
        return out
    }

    /// `stale-link` findings for changed link destinations: on each link of the translation that
    /// still has the old destination, with the new one as its fix; on the unit when none has it
    /// (the translation maps its links some other way) unless one already has the new one.
    static func staleLinks(_ changes: [(String, String)], targetBlocks: [Int], target: Document, oldLine: Int, newLine: Int,
                           settings: Settings, messages: Messages) -> [Finding] {
        guard let sev = settings.severity(id: "stale-link", default: .info) else { return [] }
        let units = targetBlocks.compactMap { target.unitIndex(block: $0) }
        guard let first = units.first else { return [] }
        var out: [Finding] = []
        for (old, new) in changes {
            let details: [(String, JSON)] = [("change", "link"), ("oldLine", .int(oldLine)), ("newLine", .int(newLine)),
                                             ("old", .string(old)), ("new", .string(new))]
            let message = messages.text("stale-link", ["old": old, "new": new])
            var found = false, updated = false
            for k in units {
                let u = target.units[k]
                for l in u.links {
                    if l.destination == new { updated = true }
                    guard l.destination == old, let r = destinationRange(u, l) else { continue }
                    found = true
                    out.append(Finding(rule: "stale-link", severity: sev, file: target.path, span: u.span(r), message: message,
                                       text: u.string(r), fix: Fix(new), details: details))
                }
            }
            if !found && !updated {
                let u = target.units[first]
                out.append(Finding(rule: "stale-link", severity: sev, file: target.path, span: u.span,
                                   message: messages.text("stale-link.unit", ["old": old, "new": new]), text: u.string,
                                   details: details))
            }
        }
        return out
    }

    /// Where a link's destination is written in its unit, when it is written as it reads.
    static func destinationRange(_ u: BitextMarkdown.Unit, _ l: InlineLink) -> Range<Int>? {
        var k = l.text.upperBound
        while k < u.text.count && u.roles[k] != .destination {
            if u.roles[k] == .content { return nil }  // a reference link: the destination is elsewhere
            k += 1
        }
        var e = k
        while e < u.text.count && u.roles[e] == .destination { e += 1 }
        guard k < e else { return nil }
        let written = u.string(k..<e)
        guard let r = written.range(of: l.destination) else { return nil }
        let lo = k + written.unicodeScalars[..<r.lowerBound].count
        return lo..<(lo + l.destination.unicodeScalars.count)
    }

    /// Target units whose source changed or was deleted (for coverage's stale count).
    public static func staleUnits(oldSource: Document, newSource: Document, target: Document, alignment: Alignment) -> Set<Int> {
        let diff = SourceDiff(old: oldSource, new: newSource)
        var out = Set<Int>()
        for b in alignment.beads {
            for s in b.source {
                switch diff.old[s] {
                case .unchanged: continue
                default: for t in b.target { if let u = target.unitIndex(block: t) { out.insert(u) } }
                }
            }
        }
        return out
    }
}
