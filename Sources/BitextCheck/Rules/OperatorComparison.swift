import BitextMarkdown
import BitextText

/// Comparison operators in running text (`` `cwnd` < `ssthresh` ``, `x ≤ 10`): a sign between
/// two operands — code spans, names or numbers — that the translation must keep. Arrows (`->`,
/// `=>`, `<-`), shifts (`<<`), HTML (markup, not text) and `≈` are not operators here; an
/// operator the translation writes out in words (小于, 大于) has no sign to compare, and is not
/// reported.
enum OperatorComparison {
    /// One comparison: its operands and sign as written, and where it is in its unit.
    struct Relation {
        var left: String
        var sign: UInt32
        var right: String
        var range: Range<Int>

        /// The relation read from left to right with `<` or `≤` (`b > a` is `a < b`); the
        /// operands of `=` and `≠` in either order.
        var canonical: [String] {
            switch sign {
            case 0x3E: return [right, "<", left]
            case 0x2265: return [right, "≤", left]
            case 0x3D, 0x2260: return [min(left, right), String(Character(Unicode.Scalar(sign)!)), max(left, right)]
            default: return [left, String(Character(Unicode.Scalar(sign)!)), right]
            }
        }
        /// The two operands, either order.
        var operands: [String] { [min(left, right), max(left, right)] }
    }

    /// Characters that make a sign beside them part of an arrow or another operator
    /// (`->`, `<=>`, `~>`, `|>`).
    @inline(__always) static func arrowish(_ c: UInt32) -> Bool {
        c == 0x2D || c == 0x3C || c == 0x3E || c == 0x3D || c == 0x7E || c == 0x7C
    }

    /// The comparisons of a unit's text (not its code, markup or math).
    static func relations(_ u: Unit) -> [Relation] {
        let t = u.text, r = u.roles, n = t.count
        var out: [Relation] = []
        @inline(__always) func at(_ k: Int) -> UInt32 { k >= 0 && k < n ? t[k] : 0 }
        var k = 0
        while k < n {
            let c = t[k]
            guard r[k] == .content, c == 0x3C || c == 0x3E || c == 0x3D || c == 0x21 || c == 0x2264 || c == 0x2265 || c == 0x2260
                    || c == 0x2A7D || c == 0x2A7E || c == 0xFF1C || c == 0xFF1E || c == 0xFF1D else { k += 1; continue }
            // The operator's extent and sign.
            var e = k + 1
            var sign: UInt32? = nil
            let before = at(k - 1)
            switch c {
            case 0x3C, 0xFF1C:
                if at(k + 1) == 0x3D { e = k + 2; sign = at(k + 2) == 0x3E ? nil : 0x2264 }
                else if !arrowish(at(k + 1)) { sign = 0x3C }
            case 0x3E, 0xFF1E:
                if at(k + 1) == 0x3D { e = k + 2; sign = 0x2265 }
                else if !arrowish(at(k + 1)) { sign = 0x3E }
            case 0x3D, 0xFF1D:
                while at(e) == 0x3D { e += 1 }
                sign = at(e) == 0x3E || e - k > 3 ? nil : 0x3D
            case 0x21:
                if at(k + 1) == 0x3D { e = k + 2; if at(e) == 0x3D { e += 1 }; sign = 0x2260 }
            case 0x2A7D: sign = 0x2264
            case 0x2A7E: sign = 0x2265
            default: sign = c
            }
            defer { k = e }
            guard let sg = sign, !arrowish(before), before != 0x21, (k..<e).allSatisfy({ r[$0] == .content }) else { continue }
            guard let (left, lo) = operand(u, from: k - 1, step: -1), let (right, hi) = operand(u, from: e, step: 1) else { continue }
            out.append(Relation(left: left, sign: sg, right: right, range: lo..<hi))
        }
        return out
    }

    /// The operand next to an operator: spaces skipped, then a code span (with its backticks) or
    /// a run of letters, digits, `_` and `.` of the text. Returns it and its far end.
    static func operand(_ u: Unit, from start: Int, step: Int) -> (String, Int)? {
        let t = u.text, r = u.roles, n = t.count
        var k = start
        while k >= 0 && k < n && (t[k] == 0x20 || t[k] == 0xA0) && r[k] == .content { k += step }
        guard k >= 0 && k < n else { return nil }
        if r[k] == .markup && t[k] == 0x60 {
            while k >= 0 && k < n && r[k] == .markup && t[k] == 0x60 { k += step }
            guard k >= 0 && k < n && r[k] == .code else { return nil }
        }
        let kind = r[k]
        guard kind == .code || (kind == .content && (CodeComparison.isIdentifierChar(t[k]) && t[k] != 0x24)) else { return nil }
        var e = k
        while e + step >= 0 && e + step < n && r[e + step] == kind
                && (kind == .code || CodeComparison.isIdentifierChar(t[e + step]) || (t[e + step] == 0x2E && e + 2 * step >= 0 && e + 2 * step < n
                    && CodeComparison.isIdentifierChar(t[e + 2 * step]))) { e += step }
        let range = step > 0 ? k..<(e + 1) : e..<(k + 1)
        var far = step > 0 ? range.upperBound : range.lowerBound
        // Past the closing (or opening) backticks of a span.
        if kind == .code {
            while true {
                let x = step > 0 ? far : far - 1
                guard x >= 0 && x < n && r[x] == .markup && t[x] == 0x60 else { break }
                far += step
            }
        }
        return (makeString(t[range]).trimmingCharacters(in: " "), far)
    }

    /// A relation that bounds a number of the prose (`p < 0.05`, `n ≥ 30`): `<`, `>`, `≤` or `≥`
    /// before an operand of digits in the text (not a code span). `number-mismatch` compares such
    /// a bound with the number (``NumberMismatchRule``: a sign turned round, or one that now
    /// includes the number), so it is not code to keep here.
    static func boundsProseNumber(_ u: Unit, _ x: Relation) -> Bool {
        guard x.sign == 0x3C || x.sign == 0x3E || x.sign == 0x2264 || x.sign == 0x2265,
              x.range.upperBound > 0, x.range.upperBound <= u.text.count, u.roles[x.range.upperBound - 1] == .content,
              let first = x.right.unicodeScalars.first, first.value >= 0x30 && first.value <= 0x39 else { return false }
        return x.right.unicodeScalars.allSatisfy { ($0.value >= 0x30 && $0.value <= 0x39) || $0 == "." || $0 == "," }
    }

    /// Each relation of the source written with the same operands and another sign in the
    /// translation (`cwnd < ssthresh` → `cwnd > ssthresh`), with the target's relation.
    static func changed(source: [(unit: Int, relation: Relation)], target: [(unit: Int, relation: Relation)])
        -> [((unit: Int, relation: Relation), (unit: Int, relation: Relation))] {
        guard !source.isEmpty, !target.isEmpty else { return [] }
        let targetForms = Set(target.map(\.relation.canonical)), sourceForms = Set(source.map(\.relation.canonical))
        var out: [((unit: Int, relation: Relation), (unit: Int, relation: Relation))] = []
        var used = Set<Int>()
        for s in source where !targetForms.contains(s.relation.canonical) {
            guard let k = target.indices.first(where: { !used.contains($0) && target[$0].relation.operands == s.relation.operands
                                                        && !sourceForms.contains(target[$0].relation.canonical) })
            else { continue }
            used.insert(k)
            out.append((s, target[k]))
        }
        return out
    }
}
