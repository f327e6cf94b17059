import BitextAlign
import BitextMarkdown
import BitextText

/// `math-mismatch`: a formula of the source (`$…$`, `$$…$$`, `\begin{…}…\end{…}`) changed or
/// lost in the translation. Translators copy math as it is; what they may change is compared
/// loosely: spacing, the words of `\text{…}`-like commands (translated), a `.` or `,` moved into
/// or out of display math, and spellings of one symbol (`\le`/`\leq`, `x^{2}`/`x^2`).
public struct MathMismatchRule: Rule {
    public let id = "math-mismatch"
    public let defaultSeverity = Severity.warning
    public let summary = "Bilingual: a formula of the source ($…$, $$…$$) changed or missing in the translation (spacing, translated \\text{…} words and trailing punctuation aside)."
    public let isBilingual = true
    public var examples: [RuleExample] {
        [
            RuleExample("学习率固定为 ↓$10^{-4}$。\n", source: "The learning rate is fixed at $10^{-3}$.\n"),
            RuleExample("特征值满足 ↓$\\lambda_1 > \\lambda_2$，且 $n \\ge 2$。\n", source: "The eigenvalues satisfy $\\lambda_1 \\ge \\lambda_2$, and $n \\ge 2$.\n"),
            RuleExample("总耗时为：\n\n↓$$\nT(n) = 3n + 2 \\tag{4}\n$$\n", source: "The total time is:\n\n$$\nT(n) = 3n + 2 \\tag{3}\n$$\n"),
            // Display math dropped from a unit.
            RuleExample("↓总耗时为 $T(n)$，即线性阶。\n", source: "The total time is $T(n)$, that is, $$T(n) = 3n + 2$$ which is linear.\n"),
            // Spacing, translated \text{…} words, a period moved out of the formula, \le for \leq.
            RuleExample("总耗时为\n\n$$\nT(n)=3n+2 \\quad \\text{（最坏情况）}\n$$\n\n其中 $n \\le m$。\n",
                        source: "The total time is\n\n$$\nT(n) = 3n + 2 \\quad \\text{(worst case)}.\n$$\n\nwhere $n \\leq m$.\n"),
            // A superscript before the subscript, \overline for \bar: TeX sets them alike.
            RuleExample("设 $s^2_1$ 为样本方差，$\\overline{x}$ 为样本均值。\n",
                        source: "Let $s_1^2$ be the sample variance and $\\bar{x}$ the sample mean.\n"),
            // Two formulas joined by `and` turned round (info); two lists turned round together,
            // or formulas reordered across a sentence, are not reported.
            RuleExample("样本量为 ↓$m_2$ 和 $m_1$ 的两组。\n", source: "Two groups of sizes $m_1$ and $m_2$.\n"),
            RuleExample("从均值为 $\\nu_2$ 和 $\\nu_1$ 的总体中抽取样本量为 $m_2$ 和 $m_1$ 的样本，再比较 $k$ 与 $j$。\n",
                        source: "Draw samples of sizes $m_1$ and $m_2$ from populations with means $\\nu_1$ and $\\nu_2$, then compare $j$ with $k$.\n"),
            // Simple math written as words or plain letters: the translator's choice.
            RuleExample("数组有 n 个元素。\n", source: "The array has $n$ elements.\n"),
            // Counted: one of two places a formula stands in (two rows of a table, twice in a
            // sentence) written otherwise is found; a formula rewritten around the words of a
            // sentence and kept elsewhere in the translation is not.
            RuleExample("| 算法 | 最坏情况 |\n| --- | --- |\n| 插入排序 | $O(n^2)$ |\n| 快速排序 | ↓$O(n \\log n)$ |\n",
                        source: "| Algorithm | Worst case |\n| --- | --- |\n| Insertion sort | $O(n^2)$ |\n| Quicksort | $O(n^2)$ |\n"),
            RuleExample("| 算法 | 最坏情况 | 平均情况 |\n| --- | --- | --- |\n| 插入排序 | ↓$O(n^3)$ | $O(n^2)$ |\n",
                        source: "| Algorithm | Worst case | Average |\n| --- | --- | --- |\n| Insertion sort | $O(n^2)$ | $O(n^2)$ |\n"),
            RuleExample("最大的 $n/2$ 个因子都不小于 ↓$n/3$。\n", source: "The largest $n/2$ factors are each at least $n/2$.\n"),
            RuleExample("$n \\times n$ 的网格有 $n^2$ 个格子。\n\n这里每个 $n$ 阶方阵都是对称的，因此 $a_{ij} = a_{ji}$。\n",
                        source: "An $n \\times n$ grid has $n^2$ cells.\n\nEach $n \\times n$ matrix here is symmetric, so $a_{ij} = a_{ji}$.\n"),
        ]
    }

    public init() {}

    /// A formula as written, the form it is compared by, and whether it is display math.
    struct Formula {
        var written: String
        var key: String
        var display: Bool
        /// Han outside text commands (`$T_{总}$`): words of the formula translated.
        var hasHan: Bool { key.unicodeScalars.contains { isHanIdeograph($0.value) } }

        /// The same formula, or the same written another way: with symbols for commands
        /// (`\times` for `×`), or with its words translated.
        func agrees(_ t: Formula) -> Bool {
            if key == t.key { return true }
            let a = MathMismatchRule.plain(key), b = MathMismatchRule.plain(t.key)
            if !a.isEmpty && a == b { return true }
            return t.hasHan && MathMismatchRule.masked(key) == MathMismatchRule.masked(t.key)
        }
    }

    /// The math of a unit: each run of characters of the role `.math`.
    static func formulas(_ u: BitextMarkdown.Unit, _ a: TextAnalysis?, unit k: Int) -> [Mention<Formula>] {
        var out: [Mention<Formula>] = []
        let r = u.roles, n = r.count
        var i = 0
        while i < n {
            guard r[i] == .math else { i += 1; continue }
            var e = i
            while e < n && r[e] == .math { e += 1 }
            if !(a?.inNote(i) ?? false) {
                let raw = Array(u.text[i..<e])
                let display = (raw.count > 1 && raw[0] == 0x24 && raw[1] == 0x24) || raw[0] == 0x5C
                out.append(Mention(unit: k, range: i..<e, value: Formula(written: makeString(raw), key: key(raw), display: display)))
            }
            i = e
        }
        return out
    }

    /// Commands whose argument is words, which a translator may translate.
    static let textCommands: Set<String> = ["text", "textrm", "textit", "textbf", "textsf", "texttt", "textnormal",
                                            "mbox", "hbox", "mathrm", "emph"]
    /// Commands that only space or size: dropped.
    static let spacingCommands: Set<String> = ["quad", "qquad", "left", "right", "big", "Big", "bigg", "Bigg",
                                               "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "Biggl", "Biggr",
                                               "displaystyle", "textstyle", "limits", "nolimits", "enspace", "thinspace",
                                               "medspace", "thickspace", "negthinspace", "hspace", "space"]
    /// Spellings of one symbol.
    static let aliases: [String: String] = ["leq": "le", "geq": "ge", "neq": "ne", "rightarrow": "to", "gets": "leftarrow",
                                            "ldots": "dots", "cdots": "dots", "dotsc": "dots", "dotsb": "dots",
                                            "lbrace": "{", "rbrace": "}", "land": "wedge", "lor": "vee", "lnot": "neg",
                                            "dfrac": "frac", "tfrac": "frac", "newline": "\\", "vert": "|", "lvert": "|", "rvert": "|",
                                            "Vert": "\\|", "lVert": "\\|", "rVert": "\\|", "leqslant": "le", "geqslant": "ge",
                                            "overline": "bar"]

    /// The form a formula is compared by: without its `$` delimiters, spaces and spacing
    /// commands, with the words of text commands left out (`\text{}`), one spelling per symbol,
    /// `^{2}` as `^2`, and no `.`/`,` (or `。`/`，`) at the end.
    static func key(_ raw: [UInt32]) -> String {
        var s = raw[...]
        while s.first == 0x24 { s = s.dropFirst() }
        while s.last == 0x24 && !(s.count >= 2 && s[s.endIndex - 2] == 0x5C) { s = s.dropLast() }
        let t = Array(s)
        var out: [UInt32] = []
        func letter(_ c: UInt32) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
        func space(_ c: UInt32) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x7E || c == 0x3000 }
        var k = 0
        while k < t.count {
            let c = t[k]
            if space(c) { k += 1; continue }
            if c == 0x5C && k + 1 < t.count {
                let d = t[k + 1]
                if letter(d) {
                    var e = k + 1
                    while e < t.count && letter(t[e]) { e += 1 }
                    var name = makeString(t[(k + 1)..<e])
                    if spacingCommands.contains(name) {
                        k = e
                        // \hspace{…}: its argument too.
                        if name == "hspace", k < t.count, t[k] == 0x7B, let close = closing(t, k) { k = close + 1 }
                        continue
                    }
                    if textCommands.contains(name) {
                        var b = e
                        while b < t.count && space(t[b]) { b += 1 }
                        if b < t.count && t[b] == 0x7B, let close = closing(t, b) {
                            out += Array("\\text{}".unicodeScalars.map(\.value))
                            k = close + 1
                            continue
                        }
                    }
                    if let a = aliases[name] { name = a }
                    if name.first.map({ !$0.isLetter }) ?? false {
                        out += name.unicodeScalars.map(\.value)
                    } else {
                        out.append(0x5C)
                        out += name.unicodeScalars.map(\.value)
                        // Keep a command apart from a letter after it (`\le n`).
                        var b = e
                        while b < t.count && space(t[b]) { b += 1 }
                        if b < t.count && letter(t[b]) { out.append(0x20) }
                    }
                    k = e
                    continue
                }
                // \, \; \: \! \  (spaces); \\ and \{ etc. stay.
                if d == 0x2C || d == 0x3B || d == 0x3A || d == 0x21 || d == 0x20 || d == 0x0A { k += 2; continue }
                out.append(c); out.append(d); k += 2
                continue
            }
            out.append(c)
            k += 1
        }
        // ^{x} and _{x} of one character: ^x, _x.
        var simple: [UInt32] = []
        var j = 0
        while j < out.count {
            if (out[j] == 0x5E || out[j] == 0x5F) && j + 3 < out.count && out[j + 1] == 0x7B && out[j + 3] == 0x7D && out[j + 2] != 0x5C {
                simple.append(out[j]); simple.append(out[j + 2]); j += 4; continue
            }
            simple.append(out[j]); j += 1
        }
        // A superscript written before the subscript of one base (`s^2_1` for `s_1^2`): TeX sets
        // them alike, so the subscript first.
        simple = subscriptFirst(simple)
        // Punctuation at the end, in or out of the formula, and a line break before it.
        while let l = simple.last {
            if l == 0x2E || l == 0x2C || l == 0x3B || l == 0x3002 || l == 0xFF0C || l == 0xFF1B || l == 0xFF0E { simple.removeLast(); continue }
            if simple.count >= 2 && l == 0x5C && simple[simple.count - 2] == 0x5C { simple.removeLast(2); continue }
            break
        }
        // An English ordinal (`$k^{th}$`, `$(n + 1)^{th}$`): Chinese writes 第 $k$ 个.
        for suffix in ["^{th}", "^{st}", "^{nd}", "^{rd}", "^th"] {
            let x = Array(suffix.unicodeScalars.map(\.value))
            if simple.count > x.count && Array(simple.suffix(x.count)) == x {
                simple.removeLast(x.count)
                break
            }
        }
        // Parentheses around the whole formula: `$(n + 1)$-th` is 第 $n + 1$ 位.
        if simple.count > 2, simple.first == 0x28, simple.last == 0x29 {
            var depth = 0, whole = true
            for (j, ch) in simple.enumerated() {
                if ch == 0x28 { depth += 1 } else if ch == 0x29 { depth -= 1; if depth == 0 && j < simple.count - 1 { whole = false; break } }
            }
            if whole { simple = Array(simple.dropFirst().dropLast()) }
        }
        return makeString(simple)
    }

    /// `^A_B` as `_B^A`, each script one character or a group in braces.
    static func subscriptFirst(_ t: [UInt32]) -> [UInt32] {
        guard t.contains(0x5E), t.contains(0x5F) else { return t }
        func scriptEnd(_ i: Int) -> Int? {
            guard i < t.count else { return nil }
            if t[i] == 0x7B { return closing(t, i).map { $0 + 1 } }
            return t[i] == 0x5C || t[i] == 0x7D ? nil : i + 1
        }
        var out: [UInt32] = []
        var k = 0
        while k < t.count {
            if t[k] == 0x5E, let e1 = scriptEnd(k + 1), e1 < t.count, t[e1] == 0x5F, let e2 = scriptEnd(e1 + 1) {
                out += t[e1..<e2]
                out += t[k..<e1]
                k = e2
                continue
            }
            out.append(t[k])
            k += 1
        }
        return out
    }

    /// Symbols for commands, as a formula may be written in prose (`$n \\times m$`: n × m).
    static let symbols: [String: String] = [
        "ge": "≥", "le": "≤", "ne": "≠", "times": "×", "cdot": "·", "to": "→", "infty": "∞", "pm": "±", "dots": "…",
        "leftarrow": "←", "Rightarrow": "⇒", "Leftarrow": "⇐", "leftrightarrow": "↔", "in": "∈", "notin": "∉",
        "approx": "≈", "equiv": "≡", "sim": "~", "mid": "|", "sum": "∑", "prod": "∏", "sqrt": "√", "partial": "∂",
        "nabla": "∇", "forall": "∀", "exists": "∃", "subset": "⊂", "subseteq": "⊆", "cup": "∪", "cap": "∩",
        "emptyset": "∅", "varnothing": "∅", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "div": "÷",
        "wedge": "∧", "vee": "∨", "neg": "¬", "oplus": "⊕", "otimes": "⊗", "circ": "∘", "ll": "≪", "gg": "≫",
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ",
        "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ",
        "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Pi": "Π", "Sigma": "Σ",
        "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        // Fonts: the letters stay.
        "mathbf": "", "mathit": "", "boldsymbol": "", "bm": "", "mathbb": "", "mathcal": "", "mathsf": "", "mathtt": "",
    ]

    /// A formula's key as prose may write it: symbols for commands, other commands as their
    /// names (`\\log`: log), without braces, `^` and `_` (`n^{2}`: n2, as n² or n^2 read).
    static func plain(_ key: String) -> String {
        let t = Array(key.unicodeScalars.map(\.value))
        var out = ""
        var k = 0
        while k < t.count {
            let c = t[k]
            if c == 0x5C, k + 1 < t.count, (t[k + 1] | 0x20) >= 0x61 && (t[k + 1] | 0x20) <= 0x7A {
                var e = k + 1
                while e < t.count && (t[e] | 0x20) >= 0x61 && (t[e] | 0x20) <= 0x7A { e += 1 }
                let name = makeString(t[(k + 1)..<e])
                out += symbols[name] ?? name
                k = e
                continue
            }
            if c == 0x7B || c == 0x7D || c == 0x5E || c == 0x5F || c == 0x20 || c == 0x5C { k += 1; continue }
            out.unicodeScalars.append(Unicode.Scalar(c) ?? " ")
            k += 1
        }
        return out
    }

    /// Prose squeezed for finding a formula in it (``plain(_:)``): no spaces, Markdown
    /// delimiters, braces, `^` or `_`; superscript digits as digits; `...` as `…`.
    static func squeezed(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case " ", "$", "*", "`", "{", "}", "^", "_", "\\", "\n": continue
            case "²": out += "2"
            case "³": out += "3"
            case "¹": out += "1"
            case "⋯": out += "…"
            default: out.unicodeScalars.append(c)
            }
        }
        return out.replacingOccurrences(of: "...", with: "…")
    }

    /// A key with its words left out: each run of Han, and of two or more letters not naming a
    /// command, as `w`.
    static func masked(_ key: String) -> String {
        let t = Array(key.unicodeScalars.map(\.value))
        var out: [UInt32] = []
        var k = 0
        func letter(_ c: UInt32) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        while k < t.count {
            if t[k] == 0x5C && k + 1 < t.count && letter(t[k + 1]) {
                out.append(t[k]); k += 1
                while k < t.count && letter(t[k]) { out.append(t[k]); k += 1 }
                continue
            }
            var e = k
            if isHanIdeograph(t[k]) {
                while e < t.count && isHanIdeograph(t[e]) { e += 1 }
            } else if letter(t[k]) {
                while e < t.count && letter(t[e]) { e += 1 }
                if e - k < 2 { e = k }
            }
            if e > k { out.append(0x77); k = e; continue }
            if t[k] != 0x7B && t[k] != 0x7D { out.append(t[k]) }
            k += 1
        }
        return makeString(out)
    }

    /// The index of the `}` closing the `{` at `open`.
    static func closing(_ t: [UInt32], _ open: Int) -> Int? {
        var depth = 0, k = open
        while k < t.count {
            if t[k] == 0x5C { k += 2; continue }
            if t[k] == 0x7B { depth += 1 } else if t[k] == 0x7D { depth -= 1; if depth == 0 { return k } }
            k += 1
        }
        return nil
    }

    /// A formula for a message: spaces collapsed, long ones cut around where they differ from `other`.
    static func shown(_ written: String, other: String?) -> String {
        var s: [Character] = []
        for ch in written where !(ch == " " && s.last == " ") { s.append(ch == "\n" ? " " : ch) }
        while s.last == " " { s.removeLast() }
        while s.first == " " { s.removeFirst() }
        let limit = 48
        guard s.count > limit else { return String(s) }
        var from = 0
        if let o = other {
            var t: [Character] = []
            for ch in o where !(ch == " " && t.last == " ") { t.append(ch == "\n" ? " " : ch) }
            var p = 0
            while p < s.count && p < t.count && s[p] == t[p] { p += 1 }
            from = max(0, min(p - 16, s.count - limit))
        }
        let to = min(s.count, from + limit)
        return (from > 0 ? "…" : "") + String(s[from..<to]) + (to < s.count ? "…" : "")
    }

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self), let p = c.pairing else { return }
        var documentCounts: DocumentCounts? = nil
        let pairs = c.consistencyCache.pairs
        for (index, pair) in pairs.enumerated() {
            guard pair.source.contains(where: { p.source.units[$0].roles.contains(.math) }) else { continue }
            let source = pair.source.flatMap { MathMismatchRule.formulas(p.source.units[$0], p.sourceAnalyses[$0], unit: $0) }
            guard !source.isEmpty else { continue }
            let target = pair.target.flatMap { MathMismatchRule.formulas(c.document.units[$0], c.analyses[$0], unit: $0) }
            // Two formulas joined by `and` written the other way round (`$n_1$ and $n_2$` →
            // `$n_2$ 和 $n_1$`): which is which changed. Info (order is the translator's
            // choice elsewhere in a sentence, never between two joined formulas in the corpora).
            // (The locales' joiners are read here, on the first pair with math: a run without
            // math never reads them.)
            for (s, t) in MathMismatchRule.swappedJoined(source, { p.source.units[$0] }, c.settings.source.mathJoiners,
                                                         target, { c.document.units[$0] }, c.settings.target.mathJoiners) {
                let sr = s.0.range.lowerBound..<s.1.range.upperBound, tr = t.0.range.lowerBound..<t.1.range.upperBound
                emit(c.mismatch(self, severity: min(severity, .info), place: (t.0.unit, tr), key: "math-mismatch.order",
                                sourceUnit: s.0.unit, values: [:], source: p.source.units[s.0.unit].string(sr),
                                target: c.document.units[t.0.unit].string(tr), sourceLine: p.source.units[s.0.unit].span(s.0.range).start.line))
            }
            // Counted: a formula the source writes twice (`$O(n^2)$` in two rows of a table, `$n/2$`
            // twice in a sentence) is matched twice, so one of them changed is found.
            var unused = target, missing: [Mention<Formula>] = []
            for s in source {
                if let k = unused.firstIndex(where: { s.value.agrees($0.value) }) { unused.remove(at: k) } else { missing.append(s) }
            }
            guard !missing.isEmpty else { continue }
            let results = c.assign(pair, missing: missing, extra: unused.filter { t in !missing.contains { $0.value.agrees(t.value) } },
                                   similarity: { MathMismatchRule.similarity($0.key, $1.key) }, minimumSimilarity: 0.5)
            guard !results.isEmpty else { continue }
            // The translation's text with its formulas as prose writes them.
            var targetText = ""
            for u in pair.target {
                let unit = c.document.units[u]
                var k = 0
                for f in target where f.unit == u {
                    targetText += unit.string(k..<f.range.lowerBound) + " " + MathMismatchRule.plain(f.value.key) + " "
                    k = f.range.upperBound
                }
                targetText += unit.string(k..<unit.text.count) + " "
            }
            for m in results {
                let s = m.source.value
                // The formula's own line (a unit may span several).
                let line = p.source.units[m.source.unit].span(m.source.range).start.line
                if let t = m.target {
                    // Moved across the bead's edge: the formula in the translation of a bead
                    // beside it more often than in that bead's source, or the one written
                    // instead in the source there more often than in its translation. Counted,
                    // and the bead itself left out: a table's rows that share a formula
                    // (`$O(n^2)$` in two rows) each keep their own, and a formula changed in one
                    // of them, or in one of two places of a unit, is changed, not moved.
                    let beside = [index - 1, index + 1].filter { pairs.indices.contains($0) }.map { pairs[$0] }
                    let sourceNear = MathMismatchRule.counts(p.source, beside.flatMap(\.source))
                    let targetNear = MathMismatchRule.counts(c.document, beside.flatMap(\.target))
                    func surplus(_ a: [String: Int], over b: [String: Int], _ k: String) -> Bool { a[k, default: 0] > b[k, default: 0] }
                    if surplus(targetNear, over: sourceNear, s.key) || surplus(targetNear, over: sourceNear, MathMismatchRule.plain(s.key)) { continue }
                    if surplus(sourceNear, over: targetNear, t.value.key) { continue }
                    let fix = results.count == 1 && !s.display && !t.value.written.unicodeScalars.contains(where: { isHanIdeograph($0.value) })
                        ? Fix(s.written) : nil
                    emit(c.mismatch(self, severity: severity, place: m.place, key: "math-mismatch", sourceUnit: m.source.unit,
                                    values: [:], source: MathMismatchRule.shown(s.written, other: t.value.written),
                                    target: MathMismatchRule.shown(t.value.written, other: s.written), fix: fix, sourceLine: line))
                } else {
                    // Simple math may be written as words: missing only when the translation
                    // writes math of its own there, or the formula stood apart.
                    guard s.display || !target.isEmpty else { continue }
                    // Anywhere else in the translation: moved with its sentence (or rewritten
                    // around words here, `$n \times n$ square matrix` → `$n$ 维方阵`).
                    if MathMismatchRule.elsewhere(s.key, p, c.document, &documentCounts, counted: false) { continue }
                    if MathMismatchRule.writtenPlain(s.key, in: targetText) { continue }
                    emit(c.mismatch(self, severity: severity, place: m.place, key: "math-mismatch.missing", sourceUnit: m.source.unit,
                                    values: [:], source: MathMismatchRule.shown(s.written, other: nil), target: nil, sourceLine: line))
                }
            }
        }
        checkBlocks(c, p, severity: severity, documentCounts: &documentCounts, emit)
    }

    /// Pairs of formulas next to each other, joined by one of `joiners` (the text between
    /// them, spaces aside): the locale's words that join two formulas as equals (`$a$ and $b$`,
    /// `$x$ 或 $y$`; ``LocaleData/mathJoiners``).
    static func joined(_ f: [Mention<Formula>], _ unit: (Int) -> BitextMarkdown.Unit, _ joiners: Set<String>) -> [(Mention<Formula>, Mention<Formula>)] {
        var out: [(Mention<Formula>, Mention<Formula>)] = []
        for (x, y) in zip(f, f.dropFirst()) where x.unit == y.unit && !x.value.display && !y.value.display {
            let u = unit(x.unit)
            let between = u.string(x.range.upperBound..<y.range.lowerBound).trimmingCharacters(in: " \n\u{A0}")
            if joiners.contains(between) { out.append((x, y)) }
        }
        return out
    }

    /// Formulas the source joins (`$A$ and $B$`) that the translation joins the other way round
    /// (`$B$ 和 $A$`) and never in the source's order, when no other joined pair of the bead
    /// is turned round too (two lists turned round together keep which is which): the pair of
    /// the source and the pair of the translation.
    typealias Joined = (Mention<Formula>, Mention<Formula>)
    static func swappedJoined(_ source: [Mention<Formula>], _ su: (Int) -> BitextMarkdown.Unit, _ sj: Set<String>,
                              _ target: [Mention<Formula>], _ tu: (Int) -> BitextMarkdown.Unit, _ tj: Set<String>)
        -> [(Joined, Joined)] {
        let s = joined(source, su, sj)
        guard !s.isEmpty else { return [] }
        let t = joined(target, tu, tj)
        guard !t.isEmpty else { return [] }
        var turned: [(Joined, Joined)] = []
        for (a, b) in s where a.value.key != b.value.key {
            if t.contains(where: { $0.0.value.agrees(a.value) && $0.1.value.agrees(b.value) }) { continue }
            if let x = t.first(where: { $0.0.value.agrees(b.value) && $0.1.value.agrees(a.value) }) { turned.append(((a, b), x)) }
        }
        return turned.count == 1 ? turned : []
    }

    /// The keys of the formulas of some units, and their plain forms.
    /// How often each key (and its plain form, once where they are the same) is in `units`.
    static func counts(_ d: Document, _ units: [Int]) -> [String: Int] {
        var out: [String: Int] = [:]
        for u in units where d.units[u].roles.contains(.math) {
            for f in formulas(d.units[u], nil, unit: u) { count(f.value.key, into: &out) }
        }
        return out
    }

    static func keys(_ d: Document, _ units: [Int]) -> Set<String> {
        var out = Set<String>()
        for u in units where d.units[u].roles.contains(.math) {
            for f in formulas(d.units[u], nil, unit: u) { out.insert(f.value.key); out.insert(plain(f.value.key)) }
        }
        return out
    }

    /// How alike two keys are (shared pairs of characters); two short ones of one kind (`1`
    /// and `2`, `n` and `m`), or one character apart (`+0`, `+1`), are alike enough to be one
    /// changed into the other.
    static func similarity(_ a: String, _ b: String) -> Double {
        if a.unicodeScalars.count <= 2 || b.unicodeScalars.count <= 2 {
            func kind(_ s: String) -> Int {
                if s.unicodeScalars.allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }) { return 1 }
                if s.unicodeScalars.count == 1, s.unicodeScalars.allSatisfy({ ($0.value | 0x20) >= 0x61 && ($0.value | 0x20) <= 0x7A }) { return 2 }
                return 0
            }
            let k = kind(a)
            if k != 0 && k == kind(b) { return 0.6 }
            // One character changed (`+0` for `-0`, `x_1` for `x_2`).
            let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
            if x.count == y.count && x.count > 1 && zip(x, y).filter({ $0 != $1 }).count == 1 { return 0.6 }
            return CodeComparison.similarity(a, b)
        }
        return CodeComparison.similarity(a, b)
    }

    /// The keys of every formula of a document (units and blocks of math alone), and their
    /// ``plain(_:)`` forms.
    /// How often each formula is in the source and in the translation, whole.
    typealias DocumentCounts = (source: [String: Int], target: [String: Int])

    /// A formula written elsewhere in the translation (by its key or its plain form): moved with
    /// its sentence, not lost. `counted`: as often as in the source, for math standing alone
    /// (a table's cells, display blocks), where a formula is not rewritten into the words around
    /// it — one of two rows' `$O(n^2)$` missing is lost, whatever the other row keeps. The
    /// documents are counted on first use.
    static func elsewhere(_ key: String, _ p: Pairing, _ target: Document, _ counts: inout DocumentCounts?, counted: Bool) -> Bool {
        if counts == nil { counts = (allCounts(p.source), allCounts(target)) }
        let (inSource, inTarget) = counts!
        return [key, plain(key)].contains { inTarget[$0, default: 0] >= (counted ? max(1, inSource[$0, default: 0]) : 1) }
    }

    /// How often each key (and its plain form) is in the whole document (``counts(_:_:)``).
    static func allCounts(_ d: Document) -> [String: Int] {
        var out: [String: Int] = [:]
        for u in d.units + d.silentBlocks where u.roles.contains(.math) {
            for f in formulas(u, nil, unit: 0) { count(f.value.key, into: &out) }
        }
        return out
    }

    /// Counts a key, and its plain form when that is another.
    static func count(_ key: String, into out: inout [String: Int]) {
        let plain = plain(key)
        out[key, default: 0] += 1
        if plain != key { out[plain, default: 0] += 1 }
    }

    /// Blocks of math alone (`$$…$$` on lines of their own: no units), each side's, compared
    /// between the units the alignment paired around them: the source's blocks after a unit,
    /// with the translation's between the end of that unit's rendering and the start of the
    /// next unit's.
    func checkBlocks(_ c: FileContext, _ p: Pairing, severity: Severity, documentCounts: inout DocumentCounts?,
                     _ emit: (Finding) -> Void) {
        let sourceBlocks = p.source.silentBlocks.filter { $0.roles.contains(.math) }
        guard !sourceBlocks.isEmpty else { return }
        let targetBlocks = c.document.silentBlocks.filter { $0.roles.contains(.math) }
        var pairOfSource: [Int: Int] = [:]
        for (k, pair) in c.consistencyCache.pairs.enumerated() { for u in pair.source { pairOfSource[u] = k } }
        let su = p.source.units, tu = c.document.units
        /// The index of the last unit starting before a byte (nil: none).
        func before(_ units: [BitextMarkdown.Unit], _ byte: Int) -> Int? {
            var lo = 0, hi = units.count
            while lo < hi { let m = (lo + hi) / 2; if units[m].byteRange.lowerBound < byte { lo = m + 1 } else { hi = m } }
            return lo == 0 ? nil : lo - 1
        }
        // The source's blocks by the unit before them.
        var gaps: [(unit: Int?, blocks: [BitextMarkdown.Unit])] = []
        for b in sourceBlocks {
            let u = before(su, b.byteRange.lowerBound)
            if let last = gaps.last, last.unit == u { gaps[gaps.count - 1].blocks.append(b) } else { gaps.append((u, [b])) }
        }
        for gap in gaps {
            // Where the translation renders the units around the gap.
            let next = (gap.unit ?? -1) + 1
            var lo = 0, hi = c.document.source.bytes.count
            var anchor: Int? = nil, before: Int? = nil, after: Int? = nil  // the translation's units around
            if let u = gap.unit {
                guard let k = pairOfSource[u] else { continue }
                let pair = c.consistencyCache.pairs[k]
                // A gap inside a bead's units: the translation's units of that bead.
                let t = pair.source.last == u ? pair.target.last! : pair.target.first!
                lo = tu[t].byteRange.upperBound
                anchor = t
                before = t
            }
            if next < su.count {
                guard let k = pairOfSource[next] else { continue }
                let pair = c.consistencyCache.pairs[k]
                let t = pair.source.first == next ? pair.target.first! : pair.target.last!
                hi = tu[t].byteRange.lowerBound
                if anchor == nil { anchor = t }
                after = t
            }
            guard lo <= hi, let anchor else { continue }
            // Sections the translation moved: a stretch holding another pair's translation is
            // no gap between two neighbours.
            if p.alignment.sectionsMoved, c.pairedTargetUnitBetween(before ?? -1, after ?? tu.count) { continue }
            let source = gap.blocks.indices.flatMap { MathMismatchRule.formulas(gap.blocks[$0], nil, unit: $0) }
            var targets: [(unit: BitextMarkdown.Unit, formula: Mention<Formula>)] = []
            for b in targetBlocks where b.byteRange.lowerBound >= lo && b.byteRange.upperBound <= hi {
                for f in MathMismatchRule.formulas(b, nil, unit: 0) { targets.append((b, f)) }
            }
            // Counted, as in units: two cells of a row with the same formula each keep their own.
            var unused = targets, missing: [Mention<Formula>] = []
            for s in source {
                if let k = unused.firstIndex(where: { s.value.agrees($0.formula.value) }) { unused.remove(at: k) } else { missing.append(s) }
            }
            guard !missing.isEmpty else { continue }
            var extra = unused.filter { t in !missing.contains { $0.value.agrees(t.formula.value) } }
            // One formula lost and one other written in its place: changed, however unlike.
            let onlyOne = missing.count == 1 && extra.count == 1
            while let m = missing.first {
                missing.removeFirst()
                let s = m.value
                let line = gap.blocks[m.unit].span(m.range).start.line
                // The extra formula most like it.
                if let b = FileContext.resembling(s.key, extra, { MathMismatchRule.similarity($0, $1.formula.value.key) }) ?? (onlyOne ? 0 : nil) {
                    let t = extra.remove(at: b)
                    // Moved: written in the units beside the gap instead.
                    let sourceNear = MathMismatchRule.keys(p.source, [gap.unit, next < su.count ? next : nil].compactMap { $0 })
                    let targetNear = MathMismatchRule.keys(c.document, [anchor - 1, anchor, anchor + 1].filter { tu.indices.contains($0) })
                    if targetNear.contains(s.key) || targetNear.contains(MathMismatchRule.plain(s.key)) || sourceNear.contains(t.formula.value.key) { continue }
                    let shownSource = MathMismatchRule.shown(s.written, other: t.formula.value.written)
                    let shownTarget = MathMismatchRule.shown(t.formula.value.written, other: s.written)
                    emit(Finding(rule: id, severity: severity, file: c.document.path, span: t.unit.span(t.formula.range),
                                 message: c.messages.text("math-mismatch", ["line": String(line), "source": shownSource, "target": shownTarget]),
                                 text: t.unit.string(t.formula.range),
                                 details: [("details", .object([("source", .string(shownSource)), ("target", .string(shownTarget)),
                                                                ("sourceLine", .int(line))]))]))
                } else if extra.isEmpty {
                    if MathMismatchRule.elsewhere(s.key, p, c.document, &documentCounts, counted: true) { continue }
                    let shownSource = MathMismatchRule.shown(s.written, other: nil)
                    let u = tu[anchor]
                    emit(Finding(rule: id, severity: severity, file: c.document.path, span: u.span(0..<u.text.count),
                                 message: c.messages.text("math-mismatch.missing", ["line": String(line), "source": shownSource]),
                                 text: u.string,
                                 details: [("details", .object([("source", .string(shownSource)), ("target", .null),
                                                                ("sourceLine", .int(line))]))]))
                }
            }
        }
    }

    /// True when a formula is in the translation written without math (`$O(n)$` as O(n),
    /// `$n \\times m$` as n × m), or within a formula of the translation (`$a$ and $b$` written
    /// `$a, b$`).
    static func writtenPlain(_ key: String, in text: String) -> Bool {
        let p = plain(key)
        guard !p.isEmpty else { return true }
        return squeezed(text).contains(p)
    }
}
