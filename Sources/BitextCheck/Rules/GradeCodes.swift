import BitextMarkdown
import BitextText

extension NumberMismatchRule {
    /// Codes in brackets: one to three capitals and digits, alone between `(` `)` or `（` `）`
    /// (`(E10)`, `（E5）`, `(IP67)`): a fuel's grade, a protection class, a model's short code.
    /// Its digits are glued to its letters, so no number is read in it; a code too short for
    /// ``modelCodes(_:anyRole:)`` (two digits and capitals after them).
    static func bracketCodes(_ u: Unit) -> [Range<Int>] {
        let t = u.text, n = t.count
        @inline(__always) func upper(_ c: UInt32) -> Bool { c >= 0x41 && c <= 0x5A }
        @inline(__always) func digit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }
        var out: [Range<Int>] = []
        var k = 0
        while k + 3 < n {
            defer { k += 1 }
            guard t[k] == 0x28 || t[k] == 0xFF08, upper(t[k + 1]), u.roles[k + 1] == .content else { continue }
            var e = k + 1
            while e < n && upper(t[e]) { e += 1 }
            let letters = e - k - 1
            let start = e
            while e < n && digit(t[e]) { e += 1 }
            guard letters <= 3, e - start >= 1, e < n, t[e] == 0x29 || t[e] == 0xFF09 else { continue }
            out.append((k + 1)..<e)
        }
        return out
    }

    /// A bracketed code of the source (``bracketCodes(_:)``) the translation of its unit does
    /// not write, beside a bracketed code with the same letters the source does not write
    /// (`(E10)` → `（E5）`): a changed grade, compared as text.
    func changedBracketCodes(_ c: FileContext, _ p: Pairing, _ severity: Severity, _ emit: (Finding) -> Void) {
        for pair in c.consistencyCache.pairs {
            let sourceAt = pair.source.flatMap { u in NumberMismatchRule.bracketCodes(p.source.units[u]).map { (unit: u, range: $0) } }
            guard !sourceAt.isEmpty else { continue }
            let targetAt = pair.target.flatMap { u in NumberMismatchRule.bracketCodes(c.document.units[u]).map { (u, $0, c.document.units[u].string($0)) } }
            guard !targetAt.isEmpty else { continue }
            let sourceCodes = Set(sourceAt.map { p.source.units[$0.unit].string($0.range) })
            let targetCodes = Set(targetAt.map(\.2))
            func letters(_ s: String) -> Substring { s.prefix { $0.isUppercase } }
            var used = Set<Int>()
            for (su, sr) in sourceAt {
                let sid = p.source.units[su].string(sr)
                guard !targetCodes.contains(sid),
                      let x = targetAt.indices.first(where: { !used.contains($0) && !sourceCodes.contains(targetAt[$0].2) && letters(targetAt[$0].2) == letters(sid) })
                else { continue }
                used.insert(x)
                let (tu, range, tid) = targetAt[x]
                emit(c.mismatch(self, severity: severity, place: (tu, range), key: "number-mismatch", sourceUnit: su,
                                values: [:], source: sid, target: tid, sourceLine: p.source.units[su].position(at: sr.lowerBound).line))
            }
        }
    }
}
