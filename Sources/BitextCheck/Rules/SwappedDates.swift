import BitextMarkdown
import BitextText

/// A date of the prose, read whole: its year (when written), month and day, and where it is.
struct ProseDate: Equatable {
    var year: Int?
    var month: Int
    var day: Int
    var range: Range<Int>

    /// The same day of the calendar (a year only one side writes agrees with any).
    func sameDay(_ o: ProseDate) -> Bool {
        month == o.month && day == o.day && (year == nil || o.year == nil || year == o.year)
    }
}

extension NumberMismatchRule {
    /// Dates of the source's prose with a month and a day: `1 March 2025`, `1st of March`,
    /// `March 1, 2025`, `Mar. 1`, and ISO `2025-03-01` (also `2025/03/01`, year first). A date
    /// of numbers with the year last (`03/01/2025`) is left alone: month first or day first, the
    /// page does not say.
    static func sourceDates(_ u: Unit, _ months: LocaleData.Months) -> [ProseDate] {
        let t = u.text, n = t.count
        var out: [ProseDate] = []
        @inline(__always) func digit(_ i: Int) -> Bool { i >= 0 && i < n && t[i] >= 0x30 && t[i] <= 0x39 }
        @inline(__always) func letter(_ i: Int) -> Bool { i >= 0 && i < n && isASCIILetter(t[i]) }
        /// A day of one or two digits from `k`, with an ordinal suffix: its value and end.
        func day(at k: Int) -> (Int, Int)? {
            guard digit(k), !digit(k - 1), !letter(k - 1) else { return nil }
            var e = k, v = 0
            while digit(e) && e - k < 3 { v = v * 10 + Int(t[e] - 0x30); e += 1 }
            guard e - k <= 2, (1...31).contains(v) else { return nil }
            for s in ["st", "nd", "rd", "th"] where e + 2 <= n && u.string(e..<(e + 2)) == s && !letter(e + 2) { e += 2; break }
            // Not a time, a decimal or a longer token (`1:30`, `1.5`, `1-3`).
            guard !letter(e), !digit(e), !(e + 1 < n && (t[e] == 0x3A || t[e] == 0x2E || t[e] == 0x2D) && (t[e + 1] >= 0x30 && t[e + 1] <= 0x39)) else { return nil }
            return (v, e)
        }
        /// A year of four digits after `k` (`, 2025`, ` 2025`): its value and end.
        func year(after k: Int) -> (Int, Int)? {
            var i = k
            if i < n && t[i] == 0x2C { i += 1 }
            guard i < n && t[i] == 0x20 else { return nil }
            i += 1
            guard digit(i), digit(i + 1), digit(i + 2), digit(i + 3), !digit(i + 4), !letter(i + 4) else { return nil }
            let v = (0..<4).reduce(0) { $0 * 10 + Int(t[i + $1] - 0x30) }
            guard (1000...2999).contains(v) else { return nil }
            return (v, i + 4)
        }
        // A month's name: `Month D[, YYYY]` or `D [of ]Month[ YYYY]`.
        forEachMonthName(u, months) { r, month in
            let (k, e, m) = (r.lowerBound, r.upperBound, Int(month))
            var after = e
            if after < n && t[after] == 0x2E { after += 1 }
            if after + 1 < n && t[after] == 0x20, let (d, de) = day(at: after + 1) {
                let y = year(after: de)
                out.append(ProseDate(year: y?.0, month: m, day: d, range: k..<(y?.1 ?? de)))
                return
            }
            // Before the name: `1 March`, `1st of March`.
            var b = k - 1
            guard b >= 1, t[b] == 0x20 else { return }
            if b >= 3, u.string((b - 3)..<b) == " of" { b -= 3 }
            var s = b
            while s > 0 && (letter(s - 1) || digit(s - 1)) && b - s < 4 { s -= 1 }
            guard s < b, let (d, de) = day(at: s), de == b else { return }
            let y = year(after: e)
            out.append(ProseDate(year: y?.0, month: m, day: d, range: s..<(y?.1 ?? e)))
        }
        // ISO: `2025-03-01`, `2025/03/01`.
        var k = 0
        while k < n {
            if digit(k) && !digit(k - 1) && !letter(k - 1), let d = isoDate(t, at: k), u.roles[k] == .content {
                out.append(d)
                k = d.range.upperBound
                continue
            }
            k += 1
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// A date of numbers, year first, at `k` of `t`: `2025-03-01`, `2025/3/1`.
    static func isoDate(_ t: [UInt32], at k: Int) -> ProseDate? {
        let n = t.count
        @inline(__always) func digit(_ i: Int) -> Bool { i >= 0 && i < n && t[i] >= 0x30 && t[i] <= 0x39 }
        guard k + 8 <= n, digit(k), digit(k + 1), digit(k + 2), digit(k + 3), t[k + 4] == 0x2D || t[k + 4] == 0x2F else { return nil }
        let sep = t[k + 4]
        var i = k + 5, parts: [Int] = []
        for p in 0..<2 {
            var v = 0, l = 0
            while digit(i) && l < 3 { v = v * 10 + Int(t[i] - 0x30); i += 1; l += 1 }
            guard (1...2).contains(l) else { return nil }
            parts.append(v)
            if p == 0 { guard i < n && t[i] == sep else { return nil }; i += 1 }
        }
        // Not a longer run of numbers (`2025-03-01-2`, a version `2025.03.01`).
        guard !digit(i), !(i + 1 < n && t[i] == sep && digit(i + 1)), !(i < n && isASCIILetter(t[i])) else { return nil }
        let y = (0..<4).reduce(0) { $0 * 10 + Int(t[k + $1] - 0x30) }
        guard (1000...2999).contains(y), (1...12).contains(parts[0]), (1...31).contains(parts[1]) else { return nil }
        return ProseDate(year: y, month: parts[0], day: parts[1], range: k..<i)
    }

    /// Dates of a Chinese unit's prose with a month and a day: `2025 年 3 月 1 日`, `3月1号`,
    /// and year first in numbers, `2025-03-01`.
    static func targetDates(_ u: Unit) -> [ProseDate] {
        let t = u.text, n = t.count
        var out: [ProseDate] = []
        @inline(__always) func digit(_ i: Int) -> Bool { i >= 0 && i < n && t[i] >= 0x30 && t[i] <= 0x39 }
        /// The number ending right before `e` (spaces skipped): its value and start.
        func number(before e: Int) -> (Int, Int)? {
            var i = e
            while i > 0 && t[i - 1] == 0x20 { i -= 1 }
            var s = i
            while digit(s - 1) && i - s < 4 { s -= 1 }
            guard s < i, !digit(s - 1), !(s > 0 && isASCIILetter(t[s - 1])) else { return nil }
            return ((s..<i).reduce(0) { $0 * 10 + Int(t[$1] - 0x30) }, s)
        }
        var k = 0
        while k < n {
            if t[k] == 0x6708, u.roles[k] == .content, let (m, ms) = number(before: k), (1...12).contains(m) {
                // The day after 月: digits, then 日 or 号.
                var i = k + 1
                while i < n && t[i] == 0x20 { i += 1 }
                var v = 0, l = 0
                while digit(i + l) && l < 3 { v = v * 10 + Int(t[i + l] - 0x30); l += 1 }
                var e = i + l
                while e < n && t[e] == 0x20 { e += 1 }
                if (1...2).contains(l), (1...31).contains(v), e < n, t[e] == 0x65E5 || t[e] == 0x53F7 {
                    var start = ms, year: Int? = nil
                    var j = ms
                    while j > 0 && t[j - 1] == 0x20 { j -= 1 }
                    if j > 0 && t[j - 1] == 0x5E74, let (y, ys) = number(before: j - 1), (1000...2999).contains(y) { year = y; start = ys }
                    out.append(ProseDate(year: year, month: m, day: v, range: start..<(e + 1)))
                    k = e + 1
                    continue
                }
            }
            if digit(k) && !digit(k - 1) && !(k > 0 && isASCIILetter(t[k - 1])), let d = isoDate(t, at: k), u.roles[k] == .content {
                out.append(d)
                k = d.range.upperBound
                continue
            }
            k += 1
        }
        return out
    }

    /// Dates of the translation whose month and day trade places with a date of the source
    /// (`1 March 2025` → `2025 年 1 月 3 日`): the same numbers, so the numbers compared one by one
    /// agree; read as dates, they name another day. Not where the translation also writes the
    /// source's date, nor where the source writes the other one too.
    static func swappedDates(source: [ProseDate], target: [ProseDate]) -> [(source: ProseDate, target: ProseDate)] {
        var out: [(source: ProseDate, target: ProseDate)] = []
        for d in target where !source.contains(where: { $0.sameDay(d) }) {
            guard let s = source.first(where: { s in
                s.month != s.day && s.month == d.day && s.day == d.month && (s.year == nil || d.year == nil || s.year == d.year)
                    && !target.contains { $0.sameDay(s) }
            }) else { continue }
            out.append((s, d))
        }
        return out
    }
}
