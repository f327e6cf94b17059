import BitextMarkdown

/// Compares code the way a reviewer of a translation does: comments and the contents of string
/// literals are the translator's to translate; everything else must be as in the source.
enum CodeComparison {
    /// One line of code as compared.
    struct Line {
        /// Index of the line in the literal (0-based).
        var index: Int
        var raw: String
        /// Code without comments and string contents, Han removed, spaces squeezed.
        var skeleton: String
        /// Han outside comments: text the translator translated (JSX text, a YAML value…).
        var hasHan: Bool
        /// Identifier-like words outside comments and strings.
        var words: Set<String>
        /// Only words and prose punctuation: text, not code.
        var isTextLike: Bool
    }

    /// What differs first between two code blocks.
    struct Difference: Equatable {
        var sourceLine: Int
        var targetLine: Int
        var source: String?
        var target: String?
    }

    /// Code of an inline span without comments and string contents.
    static func skeleton(_ code: String) -> String {
        lines(code).map(\.skeleton).filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Splits code into lines with comments and string contents removed. Comment syntax:
    /// `//`, `/* */`, `<!-- -->`, `#` at the start of a line or after a space, `--` after a
    /// space (SQL); strings: '…', "…", `…`, and Python's triple quotes across lines.
    static func lines(_ code: String) -> [Line] {
        let chars = Array(code.unicodeScalars).map(\.value)
        let rawLines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [Line] = []
        var kept: [UInt32] = []
        var han = false
        var block: [UInt32]? = nil       // the closing sequence of a comment open across lines
        var triple: UInt32? = nil        // """ or ''' open across lines
        var quote: UInt32? = nil
        var lineStart = true
        func finish() {
            let index = out.count
            var words = Set<String>()
            var w: [UInt32] = []
            for c in kept + [0x20] {
                if isIdentifierChar(c) { w.append(c) } else {
                    if let f = w.first, !(f >= 0x30 && f <= 0x39) { words.insert(makeString(w)) }
                    w.removeAll()
                }
            }
            let prose: Set<UInt32> = [0x20, 0x2C, 0x2E, 0x21, 0x3F, 0x27, 0x2D]
            let textLike = kept.allSatisfy { isIdentifierChar($0) || prose.contains($0) }
                && kept.split(separator: 0x20).count >= 2
            out.append(Line(index: index, raw: index < rawLines.count ? rawLines[index] : "", skeleton: squeeze(kept),
                            hasHan: han, words: words, isTextLike: textLike))
            kept.removeAll(); han = false; quote = nil; lineStart = true
        }
        func starts(_ s: [UInt32], at k: Int) -> Bool {
            k + s.count <= chars.count && chars[k..<(k + s.count)].elementsEqual(s)
        }
        var i = 0
        let n = chars.count
        while i < n {
            let c = chars[i]
            if c == 0x0A { finish(); i += 1; continue }
            if let close = block {
                if starts(close, at: i) { i += close.count; block = nil } else { i += 1 }
                continue
            }
            if let t = triple {
                if starts([t, t, t], at: i) { kept += [t, t, t]; i += 3; triple = nil }
                else { if TextScan.isHan(c) { han = true }; i += 1 }
                continue
            }
            if let q = quote {
                if c == 0x5C { i += (i + 1 < n && chars[i + 1] != 0x0A) ? 2 : 1; continue }
                if c == q { quote = nil; kept.append(c) }
                i += 1
                continue
            }
            let wasLineStart = lineStart
            if c != 0x20 && c != 0x09 { lineStart = false }
            if (c == 0x22 || c == 0x27) && starts([c, c, c], at: i) { kept += [c, c, c]; triple = c; i += 3; continue }
            // An apostrophe inside a word (don't) opens no string.
            if c == 0x22 || c == 0x60 || (c == 0x27 && !(kept.last.map(isLetter) ?? false)) {
                quote = c; kept.append(c); i += 1; continue
            }
            let prev: UInt32 = kept.last ?? 0x20
            let lineComment = (starts([0x2F, 0x2F], at: i) && !(i > 0 && chars[i - 1] == 0x3A))
                || (c == 0x23 && (wasLineStart || prev == 0x20 || prev == 0x09))
                || (starts([0x2D, 0x2D, 0x20], at: i) && (prev == 0x20 || wasLineStart))
            if lineComment {
                while i < n && chars[i] != 0x0A { i += 1 }
                continue
            }
            if starts([0x2F, 0x2A], at: i) { block = [0x2A, 0x2F]; i += 2; continue }
            if starts([0x3C, 0x21, 0x2D, 0x2D], at: i) { block = [0x2D, 0x2D, 0x3E]; i += 4; continue }
            if starts([0x7B, 0x2F, 0x2A], at: i) { block = [0x2A, 0x2F, 0x7D]; i += 3; continue }
            // Han and CJK punctuation: translated text, left out of the skeleton.
            if TextScan.isHan(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) { han = true; i += 1; continue }
            kept.append(c)
            i += 1
        }
        if !kept.isEmpty || out.count < rawLines.count { finish() }
        return out
    }

    @inline(__always) static func isLetter(_ c: UInt32) -> Bool { c | 0x20 >= 0x61 && c | 0x20 <= 0x7A }
    @inline(__always) static func isIdentifierChar(_ c: UInt32) -> Bool {
        isLetter(c) || (c >= 0x30 && c <= 0x39) || c == 0x5F || c == 0x24
    }

    static func squeeze(_ s: [UInt32]) -> String {
        var out: [UInt32] = []
        var space = true
        for c in s {
            if c == 0x20 || c == 0x09 || c == 0x0D { if !space { out.append(0x20) }; space = true } else { out.append(c); space = false }
        }
        if out.last == 0x20 { out.removeLast() }
        return makeString(out)
    }

    /// Character-bigram Dice similarity in [0, 1].
    static func similarity(_ a: String, _ b: String) -> Double {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        guard x.count >= 2, y.count >= 2 else { return a == b ? 1 : 0 }
        var grams: [UInt64: Int] = [:]
        for k in 0..<(x.count - 1) { grams[UInt64(x[k].value) << 32 | UInt64(x[k + 1].value), default: 0] += 1 }
        var common = 0
        for k in 0..<(y.count - 1) {
            let g = UInt64(y[k].value) << 32 | UInt64(y[k + 1].value)
            if let c = grams[g], c > 0 { common += 1; grams[g] = c - 1 }
        }
        return 2 * Double(common) / Double(x.count + y.count - 2)
    }

    /// Largest blocks compared line by line (source lines × target lines); past it, the blocks
    /// are compared whole.
    static let maxCells = 4_000_000

    /// The first place where the target's code differs from the source's, nil when only
    /// comments, strings and translated text differ.
    static func firstDifference(source: String, target: String) -> Difference? {
        let s = lines(source).filter { !$0.skeleton.isEmpty || $0.hasHan }
        let t = lines(target).filter { !$0.skeleton.isEmpty || $0.hasHan }
        if s.count * t.count > maxCells {
            let a = s.map(\.skeleton).joined(separator: "\n"), b = t.map(\.skeleton).joined(separator: "\n")
            return a == b ? nil : Difference(sourceLine: 0, targetLine: 0, source: s.first?.raw, target: t.first?.raw)
        }
        let targetHasText = t.contains { $0.hasHan }
        let allSourceWords = s.reduce(into: Set<String>()) { $0.formUnion($1.words) }
        // Longest common subsequence of skeletons (Han-only lines never match).
        let n = s.count, m = t.count
        var table = [[Int32]](repeating: [Int32](repeating: 0, count: m + 1), count: n + 1)
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    if s[i].skeleton == t[j].skeleton && !s[i].skeleton.isEmpty {
                        table[i][j] = table[i + 1][j + 1] + 1
                    } else {
                        table[i][j] = max(table[i + 1][j], table[i][j + 1])
                    }
                }
            }
        }
        var i = 0, j = 0
        var gapS: [Line] = [], gapT: [Line] = []
        var lastTarget = -1
        func settle() -> Difference? {
            defer { gapS.removeAll(); gapT.removeAll() }
            guard !gapS.isEmpty || !gapT.isEmpty else { return nil }
            var leftS = gapS
            var leftT: [Line] = []
            for line in gapT {
                // A line with translated text renders a source line whose identifiers it keeps.
                if line.hasHan, let k = leftS.firstIndex(where: { line.words.isSubset(of: $0.words) }) {
                    leftS.remove(at: k)
                } else if line.hasHan && line.words.isSubset(of: allSourceWords) {
                    continue
                } else {
                    leftT.append(line)
                }
            }
            if targetHasText { leftS.removeAll { $0.isTextLike } }
            if leftS.isEmpty && leftT.isEmpty { return nil }
            let tl = leftT.first?.index ?? (lastTarget + 1)
            return Difference(sourceLine: leftS.first?.index ?? gapS.first?.index ?? 0, targetLine: min(tl, max(0, (t.last?.index ?? 0))),
                              source: leftS.first.map { trimmed($0.raw) }, target: leftT.first.map { trimmed($0.raw) })
        }
        while i < n || j < m {
            if i < n && j < m && s[i].skeleton == t[j].skeleton && !s[i].skeleton.isEmpty && table[i][j] == table[i + 1][j + 1] + 1 {
                if let d = settle() { return d }
                lastTarget = t[j].index
                i += 1; j += 1
            } else if j < m && (i >= n || table[i][j + 1] >= table[i + 1][j]) {
                gapT.append(t[j]); j += 1
            } else {
                gapS.append(s[i]); i += 1
            }
        }
        return settle()
    }

    static func trimmed(_ s: String) -> String { s.trimmingASCIISpacesAndTabs }
}

extension String {
    var trimmingASCIISpacesAndTabs: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
