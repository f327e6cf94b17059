import BitextMarkdown
import BitextText

// `number-mismatch`: the unit a rate counts by, where no number of its own stands beside it
// (`$0.03 per GB` → `每 TB 0.03 美元`, `billed per second` → `按分钟计费`, `Price per GB` →
// `每 TB 价格`).

extension NumberMismatchRule {
    /// A unit a rate counts by (`per GB`, `per second`, `hourly`; `每 TB`, `按分钟`, `/GB`): where
    /// it is written, the symbol it names (`GB`, `s`), and what it measures: a unit of time
    /// (`time`), else the unit's symbol without its prefix (`B` of `GB`).
    struct RateUnit {
        var range: Range<Int>
        var symbol: String
        var base: String
        var isTime: Bool { base.isEmpty }
    }

    /// A unit named by `word` (a word of time, a unit word, a unit's symbol of two letters or
    /// more as written), or nil.
    static func rateUnit(_ word: String, isHan: Bool, _ locale: LocaleData) -> (symbol: String, base: String)? {
        let lowered = isHan ? word : word.lowercased()
        if let s = locale.durationUnits[lowered] { return (s, "") }
        if let s = locale.unitWords[lowered], let x = locale.unitSymbols[s] { return (s, x.base) }
        if !isHan, word.unicodeScalars.count >= 2, let x = locale.unitSymbols[word] { return (word, x.base) }
        return nil
    }

    /// The rate units of a Latin-script unit (``RateUnit``): a word of `ratePer` and a unit
    /// after a space or a hyphen, in prose (`per GB`, `per second`, `per-second billing`,
    /// `per GB-month`: `GB`); a word of `rateAdverbs` (`hourly`). None for a number after the
    /// word (`per 1,000 requests`) or a word that is no unit (`per user`). A word is read only
    /// when its length and first letter are those of such a word.
    static func sourceRateUnits(_ u: Unit, _ a: TextAnalysis, _ locale: LocaleData) -> [RateUnit] {
        let rates = locale.rates
        guard !rates.per.isEmpty || !rates.adverbs.isEmpty else { return [] }
        let t = u.text, n = t.count
        var out: [RateUnit] = []
        for w in a.words where w.kind == .latin && rates.triggerLengths.contains(w.range.count) && u.roles[w.range.lowerBound] == .content {
            // A cheap test first: the length and first letter of a word of `ratePer` or `rateAdverbs`.
            guard rates.triggerFirsts.contains(t[w.range.lowerBound] | 0x20) else { continue }
            let word = u.string(w.range).lowercased()
            if let s = rates.adverbs[word] { out.append(RateUnit(range: w.range, symbol: s, base: "")); continue }
            guard rates.per.contains(word) else { continue }
            var b = w.range.upperBound
            guard b + 1 < n, t[b] == 0x20 || t[b] == 0xA0 || t[b] == 0x2D else { continue }
            b += 1
            var e = b
            while e < n && (isASCIILetter(t[e]) || t[e] == 0xB5) && u.roles[e] == .content { e += 1 }
            guard e > b, e == n || !(t[e] >= 0x30 && t[e] <= 0x39 || t[e] == 0x5F || t[e] == 0x2E && e + 1 < n && isASCIILetter(t[e + 1])),
                  let x = rateUnit(u.string(b..<e), isHan: false, locale) else { continue }
            out.append(RateUnit(range: w.range.lowerBound..<e, symbol: x.symbol, base: x.base))
        }
        return out
    }

    /// The rate units of a Chinese unit (``RateUnit``): a word of `ratePer` or `rateBy` glued to
    /// a word of time (`每秒`, `每个月`, `按分钟`) or before a unit after at most a space (`每 TB`,
    /// `按 GB`, `每千兆字节`); a slash before a unit of time or a unit's symbol (`/秒`, `/GB`).
    /// None for a number after the word (`每 1,000 次`, `按 60 秒`).
    static func targetRateUnits(_ u: Unit, _ locale: LocaleData) -> [RateUnit] {
        let rates = locale.rates
        let t = u.text, n = t.count
        let markers = (rates.per.union(rates.by)).map { Array($0.unicodeScalars.map(\.value)) }.sorted { $0.count > $1.count }
        guard !markers.isEmpty else { return [] }
        /// The unit starting at `b`: Latin letters whole (after a slash also a unit of time's
        /// symbol of `rateSymbols`, `/s`; not after `按`, which presses a key: `按 s 保存`), or the
        /// longest start of the Han run after it, none of `notDurations` or `notUnits`.
        func unit(at b: Int, slash: Bool) -> (end: Int, symbol: String, base: String)? {
            guard b < n, u.roles[b] == .content else { return nil }
            if isASCIILetter(t[b]) || t[b] == 0xB5 {
                var e = b
                while e < n && (isASCIILetter(t[e]) || t[e] == 0xB5) && u.roles[e] == .content { e += 1 }
                guard e == n || !(t[e] >= 0x30 && t[e] <= 0x39 || t[e] == 0x5F || t[e] == 0x2E || t[e] == 0x2D),
                      let x = rateUnit(u.string(b..<e), isHan: false, locale) ?? (slash ? rates.symbols[u.string(b..<e).lowercased()].map { ($0, "") } : nil)
                else { return nil }
                return (e, x.symbol, x.base)
            }
            guard isHanIdeograph(t[b]) else { return nil }
            var e = b
            while e < n && e - b < 6 && isHanIdeograph(t[e]) && u.roles[e] == .content { e += 1 }
            let run = u.string(b..<e)
            for f in stride(from: e, to: b, by: -1) {
                let w = u.string(b..<f)
                if f - b <= 4, let s = locale.durationUnits[w] {
                    guard !locale.notDurations.contains(where: { run.hasPrefix($0) }) else { return nil }
                    return (f, s, "")
                }
                if let s = locale.unitWords[w] {
                    guard !locale.notUnits.contains(where: { run.hasPrefix($0) }), let x = locale.unitSymbols[s] else { return nil }
                    return (f, s, x.base)
                }
            }
            return nil
        }
        var out: [RateUnit] = []
        var i = 0
        while i < n {
            let c = t[i]
            if c == 0x2F || c == 0xFF0F {
                if u.roles[i] == .content, i > 0, t[i - 1] != 0x2F, let x = unit(at: i + 1, slash: true) {
                    out.append(RateUnit(range: i..<x.end, symbol: x.symbol, base: x.base))
                    i = x.end
                    continue
                }
                i += 1
                continue
            }
            guard isHanIdeograph(c), u.roles[i] == .content,
                  let m = markers.first(where: { w in i + w.count < n && (0..<w.count).allSatisfy { t[i + $0] == w[$0] } }) else { i += 1; continue }
            var b = i + m.count
            // A space only before Latin letters (`每 TB`), a word of time glued (`每秒`).
            if b < n && (t[b] == 0x20 || t[b] == 0xA0), b + 1 < n, isASCIILetter(t[b + 1]) { b += 1 }
            if let x = unit(at: b, slash: false) {
                out.append(RateUnit(range: i..<x.end, symbol: x.symbol, base: x.base))
                i = x.end
            } else {
                i += 1
            }
        }
        return out
    }

    /// How many of `from` make one `to` (1,000 for GB to TB, 60 for second to minute), by
    /// ``siScale(_:)``; nil for units of two quantities (a second and a month).
    static func factor(from a: RateUnit, to b: RateUnit) -> Double? {
        guard let x = siScale(a.symbol), let y = siScale(b.symbol), x.base == y.base else { return nil }
        return y.scale / x.scale
    }
}

extension NumberMismatchRule {
    /// Units a rate goes by that the translation changed, in one pair of units: a source rate
    /// unit (``sourceRateUnits``) the translation's rate units (``targetRateUnits``) name fewer
    /// times than the source, against one of them that measures the same thing with another unit
    /// or prefix (`per GB` → `每 TB`, `per second` → `按分钟`), named more often than the source's
    /// rate units name it and by no other word of the source (`every hour` renders `每小时`; `5
    /// TB` may be what `每 TB` counts by), and no word of time that is the rate of a number
    /// (``rates`` compares those, number by number). Each with the source's rate unit whose sentence the
    /// aligner pairs with its own, else the nearest by where each stands in its side.
    static func changedRateUnits(_ c: FileContext, _ p: Pairing, _ pair: ConsistencyPair)
        -> [(sourceUnit: Int, source: RateUnit, targetUnit: Int, target: RateUnit)] {
        let english = c.settings.source
        var source: [(unit: Int, rate: RateUnit)] = []
        for k in pair.source { source += sourceRateUnits(p.source.units[k], p.sourceAnalyses[k], english).map { (k, $0) } }
        guard !source.isEmpty else { return [] }
        var target: [(unit: Int, rate: RateUnit)] = []
        for k in pair.target { target += targetRateUnits(c.document.units[k], c.settings.target).map { (k, $0) } }
        guard !target.isEmpty else { return [] }
        var sourceCount: [String: Int] = [:], targetCount: [String: Int] = [:]
        for x in source { sourceCount[x.rate.symbol, default: 0] += 1 }
        for x in target { targetCount[x.rate.symbol, default: 0] += 1 }
        // The translation's rate units the source has as often: each renders one of them.
        guard source.contains(where: { targetCount[$0.rate.symbol, default: 0] < sourceCount[$0.rate.symbol]! }) else { return [] }
        // Units the source names outside its rate units (`60 seconds`, `every hour`, `5 TB`).
        var named = Set<String>()
        for k in pair.source {
            let u = p.source.units[k]
            for w in p.sourceAnalyses[k].words where w.kind == .latin && w.range.count <= 14 {
                guard !source.contains(where: { $0.unit == k && $0.rate.range.overlaps(w.range) }) else { continue }
                if let x = rateUnit(u.string(w.range), isHan: false, english) { named.insert(x.symbol) }
            }
        }
        /// Where a unit stands in its side of the pair, from 0 to 1.
        func place(_ k: Int, in units: [Int], _ at: Int, length: Int) -> Double {
            (Double(units.firstIndex(of: k) ?? 0) + Double(at) / Double(max(1, length))) / Double(units.count)
        }
        /// A word of time that is the rate of a number of its clause (`每天运行 2 台服务器`):
        /// ``rates``' to compare, with the number.
        func ratesANumber(_ k: Int, _ y: RateUnit) -> Bool {
            guard y.isTime else { return false }
            let u = c.document.units[k]
            let stops = targetNumbers(u, c.analyses[k], unit: k, clock: c.settings.target.clock, numerals: c.settings.target.numerals).map(\.range).sorted { $0.lowerBound < $1.lowerBound }
            return stops.contains { rate(u, of: $0, stops: stops, c.settings.target)?.range.lowerBound == y.range.lowerBound }
        }
        var out: [(sourceUnit: Int, source: RateUnit, targetUnit: Int, target: RateUnit)] = []
        var usedSource = Set<Int>()
        for (tk, y) in target where targetCount[y.symbol]! > sourceCount[y.symbol, default: 0] && !named.contains(y.symbol) && !ratesANumber(tk, y) {
            let at = place(tk, in: pair.target, y.range.lowerBound, length: c.document.units[tk].text.count)
            var best: (Int, Double)? = nil
            for (i, x) in source.enumerated() where !usedSource.contains(i) && x.rate.base == y.base && x.rate.symbol != y.symbol
                && targetCount[x.rate.symbol, default: 0] < sourceCount[x.rate.symbol]! {
                // The sentence the aligner renders it by first, then where it stands.
                let there = c.targetPlace(pair, sourceUnit: x.unit, at: x.rate.range.lowerBound)
                let d = (there.unit == tk && there.range.contains(y.range.lowerBound) ? 0 : 1)
                    + abs(place(x.unit, in: pair.source, x.rate.range.lowerBound, length: p.source.units[x.unit].text.count) - at)
                if best == nil || d < best!.1 { best = (i, d) }
            }
            guard let (i, _) = best else { continue }
            usedSource.insert(i)
            out.append((source[i].unit, source[i].rate, tk, y))
        }
        return out
    }

    /// ``changedRateUnits(_:_:_:)`` of every pair, but where the rate of a number was reported
    /// already (`reported`, as ``rates`` keys them) and where a number of the translation is a
    /// number of the source converted to the other unit (`$0.03 per GB` → `每 TB 30 美元`: 1,000
    /// times).
    static func rateUnitsChanged(_ c: FileContext, _ p: Pairing, reported: Set<String>,
                                 numbers: ([Int], [Int]) -> (source: [Mention<NumberMention>], target: [Mention<NumberMention>]))
        -> [(sourceUnit: Int, source: RateUnit, targetUnit: Int, target: RateUnit)] {
        let rates = c.settings.source.rates
        guard !rates.per.isEmpty || !rates.adverbs.isEmpty else { return [] }
        var out: [(sourceUnit: Int, source: RateUnit, targetUnit: Int, target: RateUnit)] = []
        for pair in c.consistencyCache.pairs {
            var values: (source: [Double], target: [Double])? = nil
            for x in changedRateUnits(c, p, pair) where !reported.contains("\(x.targetUnit)|\(x.target.range.lowerBound)") {
                if let f = factor(from: x.source, to: x.target) {
                    if values == nil {
                        let (a, b) = numbers(pair.source, pair.target)
                        values = (a.flatMap(\.value.values), b.flatMap(\.value.values))
                    }
                    if values!.source.contains(where: { v in v != 0 && values!.target.contains { abs($0 - v * f) <= abs(v * f) * 0.05 } }) { continue }
                }
                out.append(x)
            }
        }
        return out
    }

    /// The factors (``factor(from:to:)``) of the pair's changed rate units
    /// (``changedRateUnits(_:_:_:)``: `per GB` → `每 TB`, 1,000).
    static func changedRateFactors(_ c: FileContext, _ p: Pairing, _ pair: ConsistencyPair) -> [Double] {
        changedRateUnits(c, p, pair).compactMap { factor(from: $0.source, to: $0.target) }
    }

    /// Pairs of a missing number of the source and an extra one of the translation (indexes)
    /// that are one rate in two units: the translation's number the source's times the factor
    /// between a rate unit the source states and another the translation states instead
    /// (`$0.03 per GB` → `每 TB 30 美元`).
    static func convertedRates(_ c: FileContext, _ p: Pairing, _ pair: ConsistencyPair,
                               missing: [Mention<NumberMention>], extra: [Mention<NumberMention>]) -> [(missing: Int, extra: Int)] {
        let factors = changedRateFactors(c, p, pair)
        guard !factors.isEmpty else { return [] }
        var out: [(missing: Int, extra: Int)] = [], used = Set<Int>()
        for (i, m) in missing.enumerated() {
            guard let j = extra.indices.first(where: { j in
                !used.contains(j) && m.value.values.contains { v in
                    v != 0 && factors.contains { f in extra[j].value.values.contains { abs($0 - v * f) <= abs(v * f) * 0.05 } }
                }
            }) else { continue }
            used.insert(j)
            out.append((i, j))
        }
        return out
    }
}
