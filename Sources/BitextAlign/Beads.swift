import BitextText

/// Beads in the research format: one a line, `[0]:[0,1]`, source indexes left, 0-based;
/// `[]:[5]` an insertion, `[12]:[]` a deletion.
public enum BeadFormat {
    public struct ParseError: Error, CustomStringConvertible, Equatable {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    public static func write(_ beads: [SentenceBead]) -> String {
        var out = ""
        for b in beads {
            out += "[" + b.source.map(String.init).joined(separator: ",") + "]:["
                + b.target.map(String.init).joined(separator: ",") + "]\n"
        }
        return out
    }

    public static func parse(_ text: String) throws(ParseError) -> [SentenceBead] {
        var beads: [SentenceBead] = []
        var n = 0
        for raw in text.splitLines() {
            n += 1
            let line = raw.trimmingCharacters(in: " \t\r")
            if line.isEmpty { continue }
            let halves = line.split(separator: ":", omittingEmptySubsequences: false)
            guard halves.count == 2 else { throw ParseError(line: n, message: "expected [i,…]:[j,…]") }
            beads.append(SentenceBead(source: try list(halves[0], n), target: try list(halves[1], n), score: 1))
        }
        return beads
    }

    private static func list(_ s: Substring, _ line: Int) throws(ParseError) -> [Int] {
        let t = s.trimmingCharacters(in: " ")
        guard t.hasPrefix("["), t.hasSuffix("]") else { throw ParseError(line: line, message: "expected a bracketed list, found \(t)") }
        let inner = t.dropFirst().dropLast()
        if inner.trimmingCharacters(in: " ").isEmpty { return [] }
        var out: [Int] = []
        for part in inner.split(separator: ",") {
            guard let v = Int(part.trimmingCharacters(in: " ")), v >= 0, v < 100_000_000 else {
                throw ParseError(line: line, message: "'\(part)' is not a sentence index")
            }
            out.append(v)
        }
        return out
    }
}

/// Strict and lax precision, recall and F1 of a sentence alignment against gold beads
/// (Sennrich & Volk 2011): a bead is a strict match when gold has it exactly, a lax match when
/// it shares a source sentence and one of that sentence's gold target sentences. Precision is
/// over all predicted beads; recall over gold beads that are not insertions or deletions.
public struct AlignmentScore: Sendable, Equatable {
    public var precisionStrict: Double
    public var recallStrict: Double
    public var precisionLax: Double
    public var recallLax: Double
    public var f1Strict: Double { f1(precisionStrict, recallStrict) }
    public var f1Lax: Double { f1(precisionLax, recallLax) }

    private func f1(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }

    public init(gold: [SentenceBead], test: [SentenceBead]) {
        let p = AlignmentScore.counts(gold: gold, test: test)
        let g = gold.filter { !$0.source.isEmpty && !$0.target.isEmpty }
        let t = test.filter { !$0.source.isEmpty && !$0.target.isEmpty }
        // Recall: the same count with the roles swapped, insertions and deletions left out.
        let r = AlignmentScore.counts(gold: t, test: g)
        precisionStrict = p.total == 0 ? 0 : Double(p.strict) / Double(p.total)
        precisionLax = p.total == 0 ? 0 : Double(p.lax) / Double(p.total)
        recallStrict = r.total == 0 ? 0 : Double(r.strict) / Double(r.total)
        recallLax = r.total == 0 ? 0 : Double(r.lax) / Double(r.total)
    }

    private struct Key: Hashable { var s: [Int]; var t: [Int] }

    private static func counts(gold: [SentenceBead], test: [SentenceBead]) -> (strict: Int, lax: Int, total: Int) {
        let goldSet = Set(gold.filter { !$0.source.isEmpty || !$0.target.isEmpty }.map { Key(s: $0.source, t: $0.target) })
        var goldTargets: [Int: Set<Int>] = [:]
        for g in goldSet { for s in g.s { goldTargets[s, default: []].formUnion(g.t) } }
        var strict = 0, lax = 0, total = 0
        for b in Set(test.filter { !$0.source.isEmpty || !$0.target.isEmpty }.map({ Key(s: $0.source, t: $0.target) })) {
            total += 1
            if goldSet.contains(b) { strict += 1; lax += 1; continue }
            var targets = Set<Int>()
            for s in b.s { targets.formUnion(goldTargets[s] ?? []) }
            if !targets.isDisjoint(with: b.t) { lax += 1 }
        }
        return (strict, lax, total)
    }
}
