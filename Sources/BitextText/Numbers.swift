import BitextMarkdown

/// Numbers written in prose, in English or Chinese, with the values they can stand for.
///
/// A translation may write a number differently and still say the same thing: full-width digits
/// (３), grouping (1,000 / 1000), Chinese numerals (三百, 第三, 二〇二四), Chinese scales
/// (300 万 for 3 million, 1.5 亿), `%` as 百分之 (and 50% as 一半, 30% as 三成), `2.5x` as
/// 2.5 倍. So each number carries the
/// values it may mean — its face value and, with a scale word or suffix, the scaled value — and
/// two numbers agree when they share one. Versions (`3.4.1`) compare as text.
public struct NumberMention: Sendable, Equatable {
    /// Where the number is written (indexes into the text given to the scanner).
    public var range: Range<Int>
    /// The number as written, digits normalised to ASCII (`1,000` → `1000`).
    public var text: String
    /// Values it may stand for (never empty for a number; empty for a version).
    public var values: [Double]
    /// A dotted version with two dots or more (`18.3.1`) or after a lone `v` (`v2.20`), compared by `text`.
    public var isVersion: Bool
    /// Written after a word that may carry its sign (下降 5%): agrees with the negative too.
    public var eitherSign = false
    /// The hour of a clock time with the half of the day marked (``NumberScanner/twelveHourClock``):
    /// 1 the morning (`上午 2:00`, `2:00 a.m.`), 2 the afternoon (`2:00 PM`, `下午 2:00`), 0
    /// none. Its last value is then the hour of the 24-hour clock.
    public var halfDay: UInt8 = 0
    /// With ``halfDay``: the time and its marker as written (`2:00 PM`, `上午 2:00`), to quote.
    public var clockSpan: Range<Int>? = nil

    public init(range: Range<Int>, text: String, values: [Double], isVersion: Bool) {
        self.range = range
        self.text = text
        self.values = values
        self.isVersion = isVersion
    }

    /// True when both stand for the same number.
    public func agrees(with other: NumberMention) -> Bool {
        if isVersion || other.isVersion { return NumberMention.version(text) == NumberMention.version(other.text) }
        // Both halves of the day marked, and not the same: the hours of the 24-hour clock
        // (`2:00 PM` is 14, `上午 2:00` 2), not the face value they share.
        if halfDay != 0 && other.halfDay != 0 && halfDay != other.halfDay, let a = values.last, let b = other.values.last { return a == b }
        // A relative tolerance: 1.6 × 10⁻¹⁹ and 1.6 × 10⁻¹⁷ are different numbers.
        for a in values {
            for b in other.values where a == b || abs(a - b) <= max(abs(a), abs(b)) * 1e-9 { return true }
            if eitherSign || other.eitherSign {
                for b in other.values where a == -b || abs(a + b) <= max(abs(a), abs(b)) * 1e-9 { return true }
            }
        }
        return false
    }

    /// A version without trailing zero parts: 4.24.0 and 4.24 are the same release line.
    static func version(_ s: String) -> String {
        var parts = s.split(separator: ".")
        while parts.count > 1, parts.last!.allSatisfy({ $0 == "0" }) { parts.removeLast() }
        return parts.joined(separator: ".")
    }
}

/// How a language writes numbers in characters of its own (`numeral…` keys of
/// `<id>.units.yml`, ``LocaleData/numerals``): what ``NumberScanner`` reads besides digits.
/// Empty for a language with none (English): its scanner reads digits, signs and scales only.
public struct Numerals: Sendable {
    /// Digits by value (`numeralDigits`: 二 and 两 are 2, 〇 and 零 0).
    public var digits: [UInt32: Double] = [:]
    /// Units (`numeralUnits`): 十百千 multiply the digit before them, 万 and 亿 (10⁴ and more)
    /// close a section.
    public var units: [UInt32: Double] = [:]
    /// Words that say a number without a numeral (`numeralWords`: 首 1, 双 2, 半 0.5).
    public var words: [UInt32: Double] = [:]
    /// Latin letters the language's web writing puts right after digits for one of its scales
    /// (`numeralLatinScales`: `w`/`W` for 万, `1.1w 张照片` is 11,000), read so beside its own
    /// text only (`1400W` may still be watts: the face value stays).
    public var latinScales: [UInt32: Double] = [:]
    /// Marks of an ordinal before a numeral (`numeralOrdinals`: 第).
    public var ordinals: Set<UInt32> = []
    /// Characters after which the numeral of one is the number, not the article
    /// (`numeralCountingUnits`: 一次, 一步, 一季度).
    public var countingUnits: Set<UInt32> = []
    /// What joins numbers in a range or a list (`numeralJoiners`: 一到八, 一或两).
    public var joiners: Set<UInt32> = []
    /// A word of `whole` between a numeral and a unit of time starting with one of `wholeUnits`
    /// (`numeralWhole`, `numeralWholeUnits`: 一整天, 一整个月).
    public var whole: Set<UInt32> = [], wholeUnits: Set<UInt32> = []
    /// Words of a unit of time, a classifier before it or not, after which the numeral of one is
    /// one of that unit, as before a counting unit (`numeralTimeWords`: 一小时, 一个小时, 一个星期).
    public var timeWords: [[UInt32]] = []
    /// Bound words right before a number (the Han ones of `boundsBefore`: 至少, 最多) after which
    /// the numeral of one before a classifier is the number (`最多一封`), unless a character of
    /// `numeralOneNotBefore` follows it (超过一定, 至少一些: a word of its own).
    public var boundWords: [[UInt32]] = [], oneNotBefore: Set<UInt32> = []
    /// A numeral and a half (`numeralHalf`: 半): after a measure word before the unit
    /// (`numeralHalfMeasures`: 个, 一个半小时), or after a unit (`numeralHalfAfter`: 两年半,
    /// 两小时半); not before `numeralHalfNotBefore` (一年半载, an estimate).
    public var half: Set<UInt32> = [], halfMeasures: Set<UInt32> = [], halfAfter: [[UInt32]] = [], halfNotBefore: Set<UInt32> = []
    /// Between two runs, a fraction (`numeralFraction`: 分之, 五分之一).
    public var fraction: [UInt32] = []
    /// A decade after a century's number (`numeralCentury`, `numeralDecade`: 二十世纪九十年代).
    public var century: [UInt32] = [], decade: [UInt32] = []
    /// Tenths after a numeral (`numeralTenths`: 三成 is 30%).
    public var tenths: Set<UInt32> = []
    /// Characters a value (not a change) follows (`numeralValueBefore`: 降到 5 °C is 5, not −5).
    public var valueBefore: Set<UInt32> = []
    /// Words right before a number that make it negative (`numeralNegative`: 负, 零下), unless
    /// one of `numeralNotNegative` ends there too (正负, plus or minus).
    public var negative: [[UInt32]] = [], notNegative: [[UInt32]] = []
    /// Characters of words that say a number is taken away or lies below or before
    /// (`numeralSignCarriers`): within four characters before the number, it may render a
    /// negative one without its minus (下降 5%).
    public var signCarriers: Set<UInt32> = []
    /// What makes a numeral a count for certain after it (`numeralCountingWords`: 三个, 五天; and
    /// the words of two characters, `numeralCountingPairs`: 五分钟), and what makes it none
    /// before it (`numeralNotCountBefore`: 第, 几, 周).
    public var countingWords: Set<UInt32> = [], countingPairs: [[UInt32]] = [], notCountBefore: Set<UInt32> = []
    /// For every BMP scalar: 1 if a numeral (a digit or a unit), 2 if a word of `words`: one load
    /// a character instead of three dictionary lookups.
    var flags: [UInt8] = []

    public init() {}

    /// Made once the sets are read (``flags``).
    mutating func finish() {
        guard !digits.isEmpty || !units.isEmpty || !words.isEmpty else { flags = []; return }
        var t = [UInt8](repeating: 0, count: 0x10000)
        for c in digits.keys where c < 0x10000 { t[Int(c)] |= 1 }
        for c in units.keys where c < 0x10000 { t[Int(c)] |= 1 }
        for c in words.keys where c < 0x10000 { t[Int(c)] |= 2 }
        flags = t
    }

    /// Whether `c` is a numeral (a digit or a unit).
    @inline(__always) public func isNumeral(_ c: UInt32) -> Bool { digits[c] != nil || units[c] != nil }

    /// ``flags`` of any scalar.
    @inline(__always) func flag(_ c: UInt32) -> UInt8 {
        if c < 0x10000 { return flags.isEmpty ? 0 : flags[Int(c)] }
        return (isNumeral(c) ? 1 : 0) | (words[c] != nil ? 2 : 0)
    }

    /// Whether `w` is written in `text` ending at `e` (inclusive).
    @inline(__always) func ends(_ w: [UInt32], _ text: [UInt32], at e: Int) -> Bool {
        !w.isEmpty && e + 1 >= w.count && text[(e + 1 - w.count)...e].elementsEqual(w)
    }
}

public enum NumberScanner {
    /// English scale words after a number.
    static let scaleWords: [String: Double] = [
        "hundred": 100, "thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9,
        "trillion": 1e12, "dozen": 12,
    ].merging(periodWords) { a, _ in a }
    /// Spans of years a count may be said in: `two decades` is also 二十年 (20), `two
    /// centuries` 两个世纪 (2) or 二百年 (200).
    static let periodWords: [String: Double] = ["decade": 10, "decades": 10, "century": 100, "centuries": 100]
    /// Letter suffixes that scale a number (`10K`, `3M`, `2B`, `5bn`, `1.2T`, `3tn`): another value
    /// it may have, beside its face value (`1.2T` is also 1.2 万亿).
    static let scaleSuffixes: [String: Double] = ["k": 1e3, "K": 1e3, "M": 1e6, "m": 1e6, "B": 1e9, "bn": 1e9, "T": 1e12, "tn": 1e12]
    /// The binary reading of the same letters in sizes and table capacities (`32K entries`
    /// is 32,768, `4M` of cache 4,194,304): a second value, not instead of the decimal one.
    static let binaryScaleSuffixes: [String: Double] = ["k": 1024, "K": 1024, "M": 1_048_576]
    @inline(__always) static func asciiDigit(_ c: UInt32) -> UInt32? {
        if c >= 0x30 && c <= 0x39 { return c }
        if c >= 0xFF10 && c <= 0xFF19 { return c - 0xFF10 + 0x30 }  // full-width
        return nil
    }
    @inline(__always) static func isLatinLetter(_ c: UInt32) -> Bool { c | 0x20 >= 0x61 && c | 0x20 <= 0x7A }
    @inlinable public static func isHexDigit(_ c: UInt32) -> Bool { (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x66) }
    /// The numbers of `text` whose characters are all `eligible` (prose, not code or URLs).
    /// Digits glued to a word before them (`ES2015`, `x86`, `h1`) are part of a name, not numbers,
    /// except after a lone `v` (`v3.4`), and so is a whole number a hyphen joins to a word of three
    /// letters or more before it and a word after it (`propan-2-ol`).
    ///
    /// - Parameter numerals: the numerals of the language's own characters to read besides
    ///   digits (``LocaleData/numerals``; the translation's, on both sides of a pair: a source
    ///   may quote them).
    /// - Parameter gluedToWords: also read digits glued to a word (`Spark2.4.0`): a translation
    ///   may drop the space the source had, so the target side is read this way.
    public static func numbers(in text: [UInt32], numerals nu: Numerals, gluedToWords: Bool = false, eligible: (Int) -> Bool) -> [NumberMention] {
        var out: [NumberMention] = []
        let n = text.count
        var k = 0
        while k < n {
            guard eligible(k) else { k += 1; continue }
            let c = text[k]
            if asciiDigit(c) != nil {
                // A telephone number in international form: one number, by its digits.
                if k > 0 && text[k - 1] == 0x2B, let m = telephone(text, at: k, eligible: eligible) {
                    out.append(m)
                    k = m.range.upperBound
                    continue
                }
                let (mention, end) = digitNumber(text, from: k, nu, gluedToWords: gluedToWords, eligible: eligible)
                if var mention {
                    if !mention.isVersion && mention.range.lowerBound == k { signed(&mention, text, nu, eligible: eligible) }
                    out.append(mention)
                }
                k = max(end, k + 1)
                continue
            }
            let flag = nu.flag(c)
            if flag == 0 {
                if c == 0x23, let m = colour(text, at: k, eligible: eligible) { out.append(m); k = m.range.upperBound; continue }
                // A vulgar fraction (`¾`, `⅓`; `1¾` is 1 and ¾, as `1 3/4` is 1 and 3/4), by
                // Unicode's numeric value.
                if (c >= 0xBC && c <= 0xBE) || (c >= 0x2150 && c <= 0x215E),
                   let v = Unicode.Scalar(c)?.properties.numericValue {
                    out.append(NumberMention(range: k..<(k + 1), text: makeString([c]), values: [v], isVersion: false))
                    k += 1
                    continue
                }
                k += 1
                continue
            }
            if flag & 2 != 0, let v = nu.words[c] {
                out.append(NumberMention(range: k..<(k + 1), text: makeString([c]), values: [v], isVersion: false))
                k += 1
                continue
            }
            if flag & 1 != 0 {
                var e = k
                // A run ends before a 十百千 right after 万 or 亿 (一千八百万千米: 千米 is a unit).
                while e < n && eligible(e) && nu.flag(text[e]) & 1 != 0
                        && !(e > k && (nu.units[text[e - 1]] ?? 0) >= 1e4 && (nu.units[text[e]] ?? 1e4) < 1e4) { e += 1 }
                // …and that 十百千 is no number of its own.
                var resume = e
                if e > k && (nu.units[text[e - 1]] ?? 0) >= 1e4 {
                    while resume < n && eligible(resume) && (nu.units[text[resume]] ?? 1e4) < 1e4 { resume += 1 }
                }
                // N and a half: 一个半小时 (1.5 hours, quoted with 个半: its unit follows), 两年半
                // (2.5 years: the unit stays after the number, 半 after it is no half of its own).
                if e + 1 < n, let (v, end, skip) = andAHalf(text, k, e, nu, eligible) {
                    out.append(NumberMention(range: k..<end, text: makeString(text[k..<end]), values: [v], isVersion: false))
                    k = skip
                    continue
                }
                // The numeral of one alone is also the indefinite article and part of words (一个
                // "a", 一些 "some", 一起, 统一): it is the number 1 as an ordinal (第一, 方法一：),
                // before a counting unit (一次, 一步), in a range or list (一到八, 一或两), not
                // before other Han. A word of whole before a unit of time keeps it a number:
                // 一整天, 一整个月; so does a unit of time, a classifier before it or not (一小时,
                // 一个星期: `60 minutes`, `7 days` rendered), and a bound right before it (最多一封).
                if e == k + 1 && nu.digits[c] == 1 && !(k > 0 && nu.ordinals.contains(text[k - 1])) && e < n
                    && isHanIdeograph(text[e]) && !nu.countingUnits.contains(text[e]) && !nu.joiners.contains(text[e])
                    && !(nu.whole.contains(text[e]) && e + 1 < n && nu.wholeUnits.contains(text[e + 1]))
                    && !nu.timeWords.contains(where: { e + $0.count <= n && text[e] == $0[0] && text[e..<(e + $0.count)].elementsEqual($0) })
                    && !(k >= 2 && nu.flag(text[e]) == 0 && !nu.oneNotBefore.contains(text[e]) && nu.boundWords.contains(where: { nu.ends($0, text, at: k - 1) })) {
                    k = resume
                    continue
                }
                // 两三 and 五六 are "two or three", "five or six": both numbers, each on its own.
                if e == k + 2, let a = nu.digits[text[k]], let b = nu.digits[text[k + 1]], b == a + 1, a >= 1 {
                    for v in [a, b] { out.append(NumberMention(range: k..<e, text: makeString(text[k..<e]), values: [v], isVersion: false)) }
                    k = resume
                    continue
                }
                if let v = hanValue(Array(text[k..<e]), nu) {
                    // A fraction, 分之 between two runs (五分之一 is a fifth, 百分之二十 is 20%):
                    // one number, its value and the percentage it is (20 % → 五分之一).
                    let fl = nu.fraction.count
                    if fl > 0 && e + fl < n && text[e..<(e + fl)].elementsEqual(nu.fraction) && (e..<(e + fl)).allSatisfy(eligible) && v > 0 {
                        var f = e + fl
                        while f < n && eligible(f) && nu.flag(text[f]) & 1 != 0 { f += 1 }
                        if f > e + fl, let m = hanValue(Array(text[(e + fl)..<f]), nu) {
                            out.append(NumberMention(range: k..<f, text: makeString(text[k..<f]), values: [m / v, m / v * 100], isVersion: false))
                            k = f
                            continue
                        }
                    }
                    // 二十世纪九十年代: the 1990s.
                    if e < n && nu.century.first == text[e], let (d, end) = decade(text, century: v, at: e, nu, eligible: eligible) {
                        out.append(NumberMention(range: k..<end, text: String(Int(d)), values: [d], isVersion: false))
                        k = end
                        continue
                    }
                    var values = [v]
                    if let d = hanDigitString(Array(text[k..<e]), nu), d != v { values.append(d) }
                    // 三成 is three tenths (30%).
                    if e < n && nu.tenths.contains(text[e]) { values.append(v / 10) }
                    out.append(NumberMention(range: k..<e, text: makeString(text[k..<e]), values: values, isVersion: false))
                }
                k = resume
                continue
            }
            k += 1
        }
        return out
    }

    /// A numeral at `k..<e` and a half (``Numerals/half``): a measure word and the half right
    /// after it (一个半小时, 两个半月: the mention ends after 半, before the unit), or a unit of
    /// ``Numerals/halfAfter`` and the half after it (两年半, 两小时半: the mention is the numeral,
    /// the unit after it; 半 skipped; not 点: 三点半 is a clock time, read as one). The value,
    /// where the mention ends and where scanning resumes; nil otherwise, and for 一年半载 (a
    /// year or so).
    static func andAHalf(_ text: [UInt32], _ k: Int, _ e: Int, _ nu: Numerals, _ eligible: (Int) -> Bool) -> (Double, Int, Int)? {
        let n = text.count
        let c = text[e]
        let measure = nu.halfMeasures.contains(c)
        var half = -1
        if measure { half = e + 1 }
        else if let w = nu.halfAfter.first(where: { e + $0.count < n && text[e..<(e + $0.count)].elementsEqual($0) }) { half = e + w.count }
        guard half > 0, half < n, nu.half.contains(text[half]), eligible(half), (e...half).allSatisfy(eligible),
              !(half + 1 < n && nu.halfNotBefore.contains(text[half + 1])),   // 一年半载
              !(e == k + 2 && nu.digits[text[k]] != nil && nu.digits[text[k + 1]] != nil),   // 两三个半: an estimate
              let v = hanValue(Array(text[k..<e]), nu), v >= 1 else { return nil }
        if measure { return (v + 0.5, half + 1, half + 1) }
        return (v + 0.5, e, half + 1)
    }

    /// The sign of a number of digits: a minus (`-`, `−`, `－`) right before it that follows a
    /// space, an opening bracket, punctuation or nothing (not a word or a range: `GPT-4`,
    /// `10-15`) makes it negative, quoted with it, and so do the words of
    /// ``Numerals/negative`` (负, 零下; not 正负, ±). A number after other Han may be either
    /// (下降 5% renders -5%: a word of ``Numerals/signCarriers`` carries the sign).
    static func signed(_ m: inout NumberMention, _ text: [UInt32], _ nu: Numerals, eligible: (Int) -> Bool) {
        let k = m.range.lowerBound
        guard k > 0 else { return }
        let c = text[k - 1]
        // An en dash too, where no range can be (a cell's `–8 ms`: nothing before it but a space).
        if (c == 0x2D || c == 0x2212 || c == 0xFF0D || c == 0x2013) && eligible(k - 1) {
            let b: UInt32 = k >= 2 ? text[k - 2] : 0x20
            let open = [0x20, 0xA0, 0x09, 0x0A, 0x28, 0x5B, 0x7B, 0x2C, 0x3B, 0x3A, 0x3D, 0x3C, 0x3E, 0x7E, 0x2248, 0x22, 0x27, 0x201C, 0x2018].contains(b)
            // After Han it may be a range (1 月-3 月) as well as a sign (降至-5): either.
            if isHanIdeograph(b) { m.eitherSign = true; return }
            if open || (b >= 0x3000 && b <= 0x303F) || (b >= 0xFF01 && b <= 0xFF0F) || (b >= 0xFF1A && b <= 0xFF20) {
                m.values = m.values.map { -$0 }
                m.text = "-" + m.text
                m.range = (k - 1)..<m.range.upperBound
            }
            return
        }
        var p = k - 1
        while p > 0 && text[p] == 0x20 { p -= 1 }
        let h = text[p]
        guard isHanIdeograph(h), eligible(p) else { return }
        if nu.negative.contains(where: { nu.ends($0, text, at: p) }) && !nu.notNegative.contains(where: { nu.ends($0, text, at: p) }) {
            m.values = m.values.map { -$0 }
            m.text = "-" + m.text
        } else if !nu.valueBefore.contains(h) && !nu.isNumeral(h) {
            // Only a word of decrease or direction carries the sign (下降 5%, 减少了 5, 低 3 dB,
            // 提前 5 分钟): within the four characters before the number. After any other word
            // (测量 40 °C) a minus the source has is lost.
            var q = p, carries = false
            while q >= 0 && p - q < 4 && isHanIdeograph(text[q]) {
                if nu.signCarriers.contains(text[q]) { carries = true; break }
                q -= 1
            }
            if carries { m.eitherSign = true }
        }
    }

    /// Lowercase ASCII letters packed five bits each (up to twelve): a word as one integer, so
    /// that a run of letters is looked up without making a string.
    @inline(__always) static func packedWord(_ text: [UInt32], _ range: Range<Int>) -> UInt64? {
        guard range.count <= 12 else { return nil }
        var key: UInt64 = 0
        for i in range {
            let c = text[i] | 0x20
            guard c >= 0x61 && c <= 0x7A else { return nil }
            key = key << 5 | UInt64(c - 0x60)
        }
        return key
    }

    static func packedWord(_ w: String) -> UInt64 {
        let scalars = w.unicodeScalars.map(\.value)
        return packedWord(scalars, 0..<scalars.count)!
    }

    /// English cardinals from two to ninety (`one` is as often a pronoun or the article), also
    /// read by the aligner's numbers in words.
    public static let englishCardinals: [(word: String, value: Int)] = [
        ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9), ("ten", 10),
        ("eleven", 11), ("twelve", 12), ("thirteen", 13), ("fourteen", 14), ("fifteen", 15), ("sixteen", 16),
        ("seventeen", 17), ("eighteen", 18), ("nineteen", 19), ("twenty", 20), ("thirty", 30), ("forty", 40),
        ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90),
    ]
    /// ``englishCardinals`` by packed word.
    static let cardinalWords: [UInt64: Double] = {
        var out: [UInt64: Double] = [:]
        for (w, v) in englishCardinals { out[packedWord(w)] = Double(v) }
        return out
    }()
    /// The units after a ten in `twenty-five`.
    static let unitWords: [UInt64: Double] = {
        var out: [UInt64: Double] = [:]
        for (k, w) in ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"].enumerated() { out[packedWord(w)] = Double(k + 1) }
        return out
    }()
    /// Words beside a cardinal that make it no count of its own: a scale (`two hundred`), a
    /// fraction (`two thirds`), a choice (`one or two`, `two or three`: an estimate), `two cents`.
    static let notCountingBeside: Set<UInt64> = Set(["hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion",
        "billions", "trillion", "dozen", "dozens", "half", "halves", "thirds", "quarters", "fourths", "fifths", "sixths",
        "sevenths", "eighths", "ninths", "tenths", "or", "cents"].map { packedWord($0) })

    /// A word ending at `e` glued to what follows: a letter or digit, or a hyphen, dot,
    /// apostrophe, slash or underscore before one (`three-way`, `Three.js`, `two's`).
    @inline(__always) static func gluedAfter(_ text: [UInt32], _ e: Int, _ alnum: (UInt32) -> Bool) -> Bool {
        guard e < text.count else { return false }
        let a = text[e]
        if alnum(a) { return true }
        return (a == 0x2D || a == 0x2E || a == 0x27 || a == 0x2019 || a == 0x2F || a == 0x5F) && e + 1 < text.count && alnum(text[e + 1])
    }

    /// A word at `start..<e` in capitals (`TWO`), or capitalised inside a sentence (`Big Five`,
    /// a name): not after a sentence's end, a colon, a line break or Chinese.
    static func isNameCased(_ text: [UInt32], _ start: Int, _ e: Int) -> Bool {
        guard text[start] < 0x61 else { return false }
        if start + 1 < e && text[start + 1] < 0x61 { return true }
        var b = start - 1
        while b >= 0 && (text[b] == 0x20 || text[b] == 0x22 || text[b] == 0x28 || text[b] == 0x2A || text[b] == 0x5F || text[b] == 0x201C) { b -= 1 }
        return b >= 0 && !(text[b] == 0x2E || text[b] == 0x21 || text[b] == 0x3F || text[b] == 0x3A || text[b] == 0x0A || text[b] > 0x2FFF)
    }

    /// English cardinal words of `text` whose letters are all `eligible`: `five`, `twenty-five`
    /// (two to ninety-nine; not `one`, not ordinals), each a count. Left out, as no count a
    /// translation must carry: a word glued to another by a hyphen, a dot or an apostrophe
    /// (`three-way`, `two-thirds`, `Three.js`, `two's`), one beside a scale, a fraction or `or`
    /// (`two hundred`, `one or two`), a capitalised one inside a sentence (a name: `Big Five`)
    /// and one in capitals.
    public static func numberWords(in text: [UInt32], eligible: (Int) -> Bool) -> [NumberMention] {
        var out: [NumberMention] = []
        let n = text.count
        @inline(__always) func letter(_ c: UInt32) -> Bool { isLatinLetter(c) || (c >= 0xC0 && c < 0x250 && c != 0xD7 && c != 0xF7) }
        @inline(__always) func alnum(_ c: UInt32) -> Bool { letter(c) || asciiDigit(c) != nil || c == 0x5F }
        /// The word of letters at `i` (a range), or nil.
        func word(from i: Int) -> Range<Int>? {
            var e = i
            while e < n && isLatinLetter(text[e]) { e += 1 }
            return e > i ? i..<e : nil
        }
        var k = 0
        while k < n {
            guard isLatinLetter(text[k]) else { k += 1; continue }
            var e = k
            while e < n && isLatinLetter(text[e]) { e += 1 }
            let start = k
            k = e
            // Every cardinal starts with one of t f s e n.
            let first = text[start] | 0x20
            guard first == 0x74 || first == 0x66 || first == 0x73 || first == 0x65 || first == 0x6E else { continue }
            guard (3...9).contains(e - start), let key = packedWord(text, start..<e), var value = cardinalWords[key] else { continue }
            guard (start..<e).allSatisfy(eligible) else { continue }
            // Glued before: a letter, a digit, `_`, or a joiner of a word (`catch-twenty-two`, `obj.two`).
            if start > 0 {
                let b = text[start - 1]
                if alnum(b) || b == 0x2E || b == 0x2F || b == 0x23 || b == 0x40 || b == 0x24 || b == 0x5C { continue }
                if (b == 0x2D || b == 0x27 || b == 0x2019) && start > 1 && alnum(text[start - 2]) { continue }
            }
            // Twenty-five, twenty five.
            if value >= 20, e + 1 < n, text[e] == 0x2D || text[e] == 0x20, let u = word(from: e + 1),
               let uk = packedWord(text, u), let v = unitWords[uk], u.allSatisfy(eligible) {
                value += v
                e = u.upperBound
            }
            // Glued after: `three-way`, `Three.js`, `two's`, `two/three`, a digit.
            if gluedAfter(text, e, alnum) { continue }
            // Capitals: TWO, or Five inside a sentence (a name).
            if isNameCased(text, start, e) { continue }
            // The words beside it.
            if e + 1 < n, text[e] == 0x20, let w = word(from: e + 1), let wk = packedWord(text, w), notCountingBeside.contains(wk) { continue }
            if start >= 2, text[start - 1] == 0x20 {
                var b = start - 1
                while b > 0 && isLatinLetter(text[b - 1]) { b -= 1 }
                if b < start - 1, let wk = packedWord(text, b..<(start - 1)), notCountingBeside.contains(wk) { continue }
            }
            var values = [value]
            if e + 1 < n, text[e] == 0x20, let w = word(from: e + 1), let scale = periodWords[makeString(text[w]).lowercased()] {
                values.append(value * scale)
            }
            out.append(NumberMention(range: start..<e, text: makeString(text[start..<e]).lowercased(), values: values, isVersion: false))
            k = e
        }
        return out
    }

    /// `once`, `twice` and `thrice` in prose, as the counts 1, 2 and 3 (`twice a week`), where
    /// they surely count: `twice` and `thrice` unless glued to another word (`twice-daily`) or
    /// capitalised inside a sentence; `once` only before a frequency (`once a day`, `once per
    /// hour`, `once every week`; after `per`, any word: `once per turn`) or after a bound (`more than once`, `at least once`, `only
    /// once`) — not the conjunction (`once the server starts`), nor `at once`, `once again`,
    /// `once or twice` (an estimate).
    /// - Parameter isTimeWord: whether a lowercased word names a unit of time (`day`, `run`
    ///   is none), from the locale's units.
    /// - Parameter bounds: the lowercased words before `once` that bound it (`than`, `least`,
    ///   `only`: the locale's ``LocaleData/Bounds/countBounds``).
    /// - Parameter words: the count words and the words beside them (the locale's
    ///   ``LocaleData/frequencies``: `once`, `twice`, `thrice`; `daily`; `a`, `per`; `or`, `as`).
    public static func frequencyWords(in text: [UInt32], isTimeWord: (String) -> Bool, bounds: Set<String>,
                                      words: LocaleData.Frequencies, eligible: (Int) -> Bool) -> [NumberMention] {
        guard !words.counts.isEmpty else { return [] }
        var out: [NumberMention] = []
        let n = text.count
        @inline(__always) func alnum(_ c: UInt32) -> Bool { isLatinLetter(c) || asciiDigit(c) != nil || c == 0x5F || (c >= 0xC0 && c < 0x250) }
        /// The lowercased word of letters ending before `i` (after one space), or nil.
        func wordBefore(_ i: Int) -> String? {
            guard i >= 2, text[i - 1] == 0x20, isLatinLetter(text[i - 2]) else { return nil }
            var b = i - 2
            while b > 0 && isLatinLetter(text[b - 1]) { b -= 1 }
            return makeString(text[b..<(i - 1)]).lowercased()
        }
        /// The lowercased word of letters starting after `i` (after one space), or nil.
        func wordAfter(_ i: Int) -> String? {
            guard i + 1 < n, text[i] == 0x20, isLatinLetter(text[i + 1]) else { return nil }
            var e = i + 1
            while e < n && isLatinLetter(text[e]) { e += 1 }
            return makeString(text[(i + 1)..<e]).lowercased()
        }
        var k = 0
        while k < n {
            guard isLatinLetter(text[k]) else { k += 1; continue }
            var e = k
            while e < n && isLatinLetter(text[e]) { e += 1 }
            let start = k
            k = e
            // (The length and the first letter first: no string made for most words.)
            guard words.lengths.contains(e - start), words.firsts.contains(text[start] | 0x20) else { continue }
            let word = makeString(text[start..<e]).lowercased()
            guard let value = words.counts[word] else { continue }
            guard (start..<e).allSatisfy(eligible) else { continue }
            if start > 0 {
                let b = text[start - 1]
                if alnum(b) || b == 0x2D || b == 0x2E || b == 0x2F || b == 0x23 || b == 0x40 || b == 0x24 || b == 0x5C || b == 0x27 { continue }
            }
            if gluedAfter(text, e, alnum) { continue }
            // Capitalised inside a sentence (a name), or in capitals.
            if isNameCased(text, start, e) { continue }
            let before = wordBefore(start), after = wordAfter(e)
            // An estimate (`once or twice`, `twice or three times`), and a ratio (`twice as
            // fast` is 快一倍 as often as 两倍, or a percentage) stay out.
            if after.map(words.notBefore.contains) ?? false || before.map(words.notAfter.contains) ?? false { continue }
            if value == 1 {
                // A frequency: `once a day`, `once per week`, `once every hour` (a unit of time
                // after the article or `per`: `once a user signs in` is the conjunction), `once
                // daily`; or a bound before it.
                var frequency = false
                if let w = after {
                    if words.adverbs.contains(w) { frequency = true }
                    else if words.articles.contains(w), let x = wordAfter(e + 1 + w.unicodeScalars.count),
                            isTimeWord(x) || words.perAny.contains(w) { frequency = true }
                }
                let bound = before.map(bounds.contains) ?? false
                // Or the end of its clause, after a word (`You can defer once.`, `It is read
                // once, then cached`): the conjunction starts a clause; `at once`, `for once`
                // are idioms (`frequencyEndNotAfter`).
                let end = after == nil && (e == n || [0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29].contains(text[e]))
                    && before.map { !words.endNotAfter.contains($0) } ?? false
                guard frequency || bound || end else { continue }
            }
            out.append(NumberMention(range: start..<e, text: word, values: [value], isVersion: false))
        }
        return out
    }

    /// A number of the translation that is a count for certain: digits (not a version, a
    /// hexadecimal literal, a colour or glued to a name), or numerals before a counting word of
    /// ``Numerals/countingWords`` or ``Numerals/countingPairs`` (三个工作日, 两周, 五分钟). Not
    /// the numeral of one alone (the article), an ordinal or a weekday (第三, 周三:
    /// ``Numerals/notCountBefore``), an estimate (两三个, 几十个, 二十多个), a year written digit
    /// by digit (二〇二四), a word with a numeral in it (十分, 三角形, 四舍五入, 一些: no counting
    /// word after it).
    public static func isCount(_ m: NumberMention, in t: [UInt32], numerals nu: Numerals) -> Bool {
        guard !m.isVersion, !m.values.isEmpty, m.range.upperBound <= t.count else { return false }
        let lo = m.range.lowerBound, hi = m.range.upperBound
        // Digits, unless glued to a name (`ipv6`, `ES2015` read on the translation's side).
        if asciiDigit(t[lo]) != nil { return !m.text.hasPrefix("0x") && !(lo > 0 && isLatinLetter(t[lo - 1])) }
        let run = t[lo..<hi]
        guard run.allSatisfy({ nu.isNumeral($0) }),
              !(run.count == 1 && nu.digits[t[lo]] == 1) else { return false }
        let digitsOnly = run.allSatisfy { nu.digits[$0] != nil }
        if digitsOnly && run.count >= 2 { return false }  // 两三, 五六: an estimate; 二〇二四: a year
        if lo > 0, nu.notCountBefore.contains(t[lo - 1]) { return false }
        guard hi < t.count else { return false }
        let next = t[hi]
        if nu.countingWords.contains(next) { return true }
        return hi + 1 < t.count && nu.countingPairs.contains { $0.count == 2 && $0[0] == next && $0[1] == t[hi + 1] }
    }

    /// The hour of a clock time on the 12-hour clock (`下午 2:00`, `2:00–3:30 PM`, `晚上 8:15`)
    /// also stands for the hour of the 24-hour clock it names (14, 15, 20), and `12:30 AM` (凌晨
    /// 12:30) for 0: times compare as the minute of the day. The marker is a word of the
    /// afternoon of `markers` (`clockBefore` of `<id>.units.yml`: 下午, 晚上… before the time;
    /// `clockAfter`: PM after it), over a range's other time (`下午 2:00–3:30`: both); the
    /// morning's words (上午, 凌晨…, AM) leave the hour as written, 12 aside. Only an hour of 1
    /// to 12 right before a colon and two digits, or before 点 (`下午 3 点`, `上午九点半`:
    /// ``clockPoint(_:after:_:)``), is looked at.
    public static func twelveHourClock(_ ms: inout [NumberMention], in t: [UInt32], markers: LocaleData.Clock) {
        let n = t.count
        @inline(__always) func colon(_ c: UInt32) -> Bool { c == 0x3A || c == 0xFF1A }
        @inline(__always) func digit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }
        // What may stand between a marker and the hour: spaces, a range's other time, its dash.
        @inline(__always) func between(_ c: UInt32) -> Bool {
            digit(c) || colon(c) || c == 0x20 || c == 0xA0 || c == 0x2D || c == 0x2013 || c == 0x2014 || c == 0x7E
                || c == 0xFF5E || c == 0x81F3 || c == 0x5230 || markers.point.contains(c) || markers.half.contains(c)
        }
        // Whether `w` is written at `at` (Latin letters in either case).
        func written(_ w: [UInt32], at: Int) -> Bool {
            guard at >= 0, at + w.count <= n else { return false }
            for (j, c) in w.enumerated() {
                let x = t[at + j]
                if (x >= 0x41 && x <= 0x5A ? x | 0x20 : x) != c { return false }
            }
            return true
        }
        for i in ms.indices {
            let m = ms[i]
            let e = m.range.upperBound
            guard !m.isVersion, m.values.count == 1 else { continue }
            // `h:mm` (both digits of the minutes), or `h 点`.
            let minutes = e + 2 < n && colon(t[e]) && digit(t[e + 1]) && digit(t[e + 2])
            // Or an hour alone right before a Latin marker (`9 a.m.`, `5PM`).
            let bare = !minutes && clockPoint(t, after: e, markers) == nil
            if bare {
                let k = e < n && t[e] == 0x20 ? e + 1 : e
                guard k < n, isLatinLetter(t[k]), markers.after.contains(where: { written($0.words, at: k) }) else { continue }
            }
            let v = m.values[0]
            guard v >= 1 && v <= 12 && v == v.rounded(), m.range.lowerBound == 0 || !digit(t[m.range.lowerBound - 1]) else { continue }
            // Afternoon (true) or morning (false), nil when no marker.
            var afternoon: Bool? = nil
            var span = m.range
            // After (`PM`, `a.m.`): a word with no letter or digit glued after it.
            var k = minutes ? e + 3 : bare ? e : n
            var steps = 0
            while k < n && steps < (bare ? 1 : 16) && between(t[k]) { k += 1; steps += 1 }
            if k < n, let w = markers.after.first(where: { written($0.words, at: k) }) {
                let x = k + w.words.count
                if x == n || !(isLatinLetter(t[x]) || digit(t[x])) { afternoon = w.afternoon; span = m.range.lowerBound..<x }
            }
            // Before (下午): a word that ends where the run of the time and its spaces starts.
            if afternoon == nil {
                var b = m.range.lowerBound
                steps = 0
                while b > 0 && steps < 16 && between(t[b - 1]) { b -= 1; steps += 1 }
                if let w = markers.before.first(where: { written($0.words, at: b - $0.words.count) }) {
                    afternoon = w.afternoon
                    span = (b - w.words.count)..<(minutes ? e + 3 : e)
                }
            }
            guard let pm = afternoon else { continue }
            if pm && v < 12 { ms[i].values.append(v + 12) } else if !pm && v == 12 { ms[i].values.append(0) }
            ms[i].halfDay = pm ? 2 : 1
            ms[i].clockSpan = span
        }
    }

    /// The 点 of a clock time right after the hour at `e` (`9 点`, `九点`, `3 点半`; zh-Hant 點:
    /// `clockPoint` of `<id>.units.yml`), after at most one space: where it is, and whether 半
    /// (half past, `clockHalf`) follows it. Nil for any other character, and for 点 glued before
    /// a character that makes it no hour (点数, 点赞, 点击: `clockPointNotBefore`).
    public static func clockPoint(_ t: [UInt32], after e: Int, _ clock: LocaleData.Clock) -> (at: Int, half: Bool)? {
        let n = t.count
        var k = e
        if k < n && (t[k] == 0x20 || t[k] == 0xA0) { k += 1 }
        guard k < n, clock.point.contains(t[k]) else { return nil }
        if k + 1 < n, clock.pointNotBefore.contains(t[k + 1]) { return nil }
        return (k, k + 1 < n && clock.half.contains(t[k + 1]))
    }

    /// A colour in hex at `k` (`#3A7BD5`: `#` and 3, 4, 6 or 8 hex digits, letters and digits
    /// both, no name around them): one value, compared exactly (case aside), not the `3` it
    /// starts with. Digits alone (`#1234`, an issue) stay a number.
    static func colour(_ text: [UInt32], at k: Int, eligible: (Int) -> Bool) -> NumberMention? {
        let n = text.count
        if k > 0 && (isLatinLetter(text[k - 1]) || asciiDigit(text[k - 1]) != nil || text[k - 1] == 0x5F) { return nil }
        var e = k + 1, letters = false, digits = false
        while e < n && e - k <= 9 && isHexDigit(text[e]) && eligible(e) {
            if text[e] <= 0x39 { digits = true } else { letters = true }
            e += 1
        }
        guard letters && digits, [4, 5, 7, 9].contains(e - k),
              e == n || !(isLatinLetter(text[e]) || asciiDigit(text[e]) != nil || text[e] == 0x5F) else { return nil }
        return NumberMention(range: k..<e, text: makeString(text[k..<e]).lowercased(), values: [], isVersion: true)
    }

    /// A telephone number in international form at `k` (after its `+`): a country code of one to
    /// three digits, then groups of digits each after a single space or hyphen, eight to fifteen
    /// digits in all (`+49 30 1234 5678`): one number compared by its digit string, so that the
    /// same number grouped otherwise (`+49 30 12345678`) agrees and one digit changed does not.
    /// The `+` follows a space, an opening bracket, punctuation or nothing (not `3+4`).
    static func telephone(_ text: [UInt32], at k: Int, eligible: (Int) -> Bool) -> NumberMention? {
        let n = text.count
        if k >= 2 {
            let b = text[k - 2]
            if asciiDigit(b) != nil || isLatinLetter(b) || b == 0x29 || b == 0x5D { return nil }
        }
        guard eligible(k - 1) else { return nil }
        var digits: [UInt32] = [], groups = 0, e = k, last = k
        while e < n {
            var x = e
            while x < n && eligible(x), let d = asciiDigit(text[x]) { digits.append(d); x += 1 }
            guard x > e else { break }
            if groups == 0 && x - e > 3 { return nil }
            groups += 1
            last = x
            guard x + 1 < n, text[x] == 0x20 || text[x] == 0x2D, eligible(x), asciiDigit(text[x + 1]) != nil else { break }
            e = x + 1
        }
        guard groups >= 2, (8...15).contains(digits.count) else { return nil }
        // Glued to a letter, a dot or a comma and a digit after: no telephone number (a list, a decimal).
        if last < n && (isLatinLetter(text[last]) || ((text[last] == 0x2E || text[last] == 0x2C) && last + 1 < n && asciiDigit(text[last + 1]) != nil)) { return nil }
        // Compared by its digits, as a version is (a value would agree with a digit changed).
        return NumberMention(range: (k - 1)..<last, text: "+" + makeString(digits), values: [], isVersion: true)
    }

    /// A number written with digits starting at `k`: grouping commas, decimals, versions,
    /// suffixes and scale words; nil (with where to go on) when it belongs to a name.
    static func digitNumber(_ text: [UInt32], from k: Int, _ nu: Numerals, gluedToWords: Bool, eligible: (Int) -> Bool) -> (NumberMention?, Int) {
        let n = text.count
        // A hexadecimal literal (`0x60A0`): its value, compared exactly (a register address or a
        // color written wrong is the classic slip); a name when glued to a word before it.
        if text[k] == 0x30 && k + 2 < n && (text[k + 1] | 0x20) == 0x78 && isHexDigit(text[k + 2]) && eligible(k + 1) {
            var e = k + 2
            while e < n && isHexDigit(text[e]) && eligible(e) { e += 1 }
            let glued = (k > 0 && isLatinLetter(text[k - 1]) && !gluedToWords) || (e < n && isLatinLetter(text[e]))
            if glued {
                var x = e
                while x < n && (isLatinLetter(text[x]) || asciiDigit(text[x]) != nil) { x += 1 }
                return (nil, x)
            }
            let hex = makeString(text[(k + 2)..<e]).lowercased()
            let values = UInt64(hex, radix: 16).map { [Double($0)] } ?? []
            return (NumberMention(range: k..<e, text: "0x" + hex, values: values, isVersion: values.isEmpty), e)
        }
        var digits: [UInt32] = []
        var e = k
        var dots = 0
        var version = false
        func runOfDigits(_ from: Int) -> Int {
            var x = from
            while x < n && eligible(x), let d = asciiDigit(text[x]) { digits.append(d); x += 1 }
            return x
        }
        e = runOfDigits(e)
        // Grouping: ,ddd repeated (the first group at most three digits); not in a list of
        // numbers written with bare commas, after a number and a comma (`[0,90,180,270]`).
        let listed = k >= 2 && text[k - 1] == 0x2C && asciiDigit(text[k - 2]) != nil
        if e - k <= 3 && !listed {
            while e + 3 < n, text[e] == 0x2C, eligible(e),
                  (1...3).allSatisfy({ asciiDigit(text[e + $0]) != nil && eligible(e + $0) }),
                  e + 4 >= n || asciiDigit(text[e + 4]) == nil {
                for j in 1...3 { digits.append(asciiDigit(text[e + j])!) }
                e += 4
            }
        }
        // Decimals and versions: .d…, .d…; a point escaped in Markdown (`0\.0025`, the backslash
        // being markup) is one too.
        while e + 1 < n {
            var point = e
            if text[e] == 0x5C && !eligible(e) && e + 2 < n && text[e + 1] == 0x2E { point = e + 1 }
            guard (text[point] == 0x2E || text[point] == 0xFF0E) && eligible(point) && point + 1 < n && eligible(point + 1)
                    && asciiDigit(text[point + 1]) != nil else { break }
            dots += 1
            digits.append(0x2E)
            e = runOfDigits(point + 1)
        }
        if dots >= 2 { version = true }
        // A lone `v` glued before (`v2.20`) makes it a version too: `v2.2` is another release.
        if dots == 1 && k > 0 && (text[k - 1] | 0x20) == 0x76 && eligible(k - 1) && (k < 2 || !isLatinLetter(text[k - 2])) { version = true }
        // Scientific notation (`3e-4`, `1.5E+3`): one number, by value, shown as written.
        if dots <= 1, let (written, value, end) = exponentForm(text, from: k, mantissaEnd: e, mantissa: digits, eligible: eligible) {
            return (NumberMention(range: k..<end, text: written, values: [value], isVersion: false), end)
        }
        // A whole number joined by hyphens to words of letters on both sides, the one before of
        // three letters or more (`propan-2-ol`, `but-2-ene`): a position inside a compound's name,
        // no quantity (`to-5-day` of `a 3-to-5-day trip` still counts).
        if dots == 0, k >= 4, text[k - 1] == 0x2D, e + 1 < n, text[e] == 0x2D, isLatinLetter(text[e + 1]) {
            var b = k - 1
            while b > 0 && isLatinLetter(text[b - 1]) { b -= 1 }
            if k - 1 - b >= 3 && (b == 0 || !(asciiDigit(text[b - 1]) != nil || text[b - 1] == 0x2D)) {
                var x = e + 1
                while x < n && (isLatinLetter(text[x]) || asciiDigit(text[x]) != nil || text[x] == 0x2D) { x += 1 }
                return (nil, x)
            }
        }
        // Glued to a word before it: a name (ES2015, x86, utf8), unless a lone `v`.
        if k > 0 && isLatinLetter(text[k - 1]) && !gluedToWords {
            let vOnly = (text[k - 1] | 0x20) == 0x76 && (k < 2 || !isLatinLetter(text[k - 2]))
            if !vOnly {
                var x = e
                while x < n && (isLatinLetter(text[x]) || asciiDigit(text[x]) != nil) { x += 1 }
                return (nil, x)
            }
        }
        let written = makeString(digits)
        if version {
            return (NumberMention(range: k..<e, text: written, values: [], isVersion: true), e)
        }
        guard let value = Double(written) else { return (nil, e) }
        // A number in a term's name (2's complement, the 1990s) is not a quantity.
        if e + 1 < n && (text[e] == 0x27 || text[e] == 0x2019) && (text[e + 1] | 0x20) == 0x73
            && (e + 2 >= n || !isLatinLetter(text[e + 2])) {
            return (nil, e + 2)
        }
        var values = [value]
        // A percentage is also the fraction it stands for: 50% less is 减少一半.
        var p = e
        while p < n && text[p] == 0x20 { p += 1 }
        if p < n && (text[p] == 0x25 || text[p] == 0xFF05) { values.append(value / 100) }
        // Suffix letters: ordinals, multipliers, units, scale letters.
        var s = e
        while s < n && isLatinLetter(text[s]) { s += 1 }
        if s > e {
            // A decade (`the 1990s`): also its last two digits, as Chinese says it (90 年代,
            // 20 世纪 90 年代); quoted with its `s`.
            if s == e + 1, text[e] == 0x73, e - k == 4, value >= 1100, value <= 2090, value.truncatingRemainder(dividingBy: 10) == 0 {
                return (NumberMention(range: k..<s, text: written, values: [value, value.truncatingRemainder(dividingBy: 100)], isVersion: false), s)
            }
            let suffix = makeString(text[e..<s])
            if let scale = scaleSuffixes[suffix] { values.append(value * scale) }
            // A letter of the language's scales right after a number in its text is also that
            // scale (`1.1w 张照片` is 11,000; `1400W` may still be watts: the face value stays).
            if s == e + 1, let scale = nu.latinScales[text[e]], hanBeside(text, k, s) { values.append(value * scale) }
            if let scale = binaryScaleSuffixes[suffix] { values.append(value * scale) }
        }
        // A scale word after a space (3 million), or a Chinese scale (300 万, 3 千万, 1.5 亿).
        var w = e
        while w < n && text[w] == 0x20 { w += 1 }
        if w < n && nu.units[text[w]] != nil && eligible(w) {
            var scale = 1.0
            var x = w
            // After 万 or 亿 only another of them (万亿): a 十百千 there starts the next word
            // (1800 万千米 is 18 million kilometres; Chinese writes 千万, never 万千).
            while x < n && eligible(x), let u = nu.units[text[x]], !(scale >= 1e4 && u < 1e4) { scale *= u; x += 1 }
            // 万 and 亿 multiply the number before them (10 万 is 100,000, never 10 nor
            // 10,000), quoted with it; 十百千 may be the prefix of a unit (100 千克 is 100 kg).
            if scale >= 1e4 {
                var resume = x
                while resume < n && eligible(resume) && (nu.units[text[resume]] ?? 1e4) < 1e4 { resume += 1 }
                return (NumberMention(range: k..<x, text: written, values: [value * scale], isVersion: false), resume)
            }
            values.append(value * scale)
            return (NumberMention(range: k..<e, text: written, values: values, isVersion: false), x)
        } else if w < n && nu.century.first == text[w], let (v, end) = decade(text, century: value, at: w, nu, eligible: eligible) {
            return (NumberMention(range: k..<end, text: String(Int(v)), values: [v], isVersion: false), end)
        } else {
            var x = w
            while x < n && isLatinLetter(text[x]) { x += 1 }
            if x > w, let scale = scaleWords[makeString(text[w..<x]).lowercased()] {
                values.append(value * scale)
                // Quoted with its scale word: `12 million`.
                return (NumberMention(range: k..<x, text: written, values: values, isVersion: false), x)
            }
        }
        return (NumberMention(range: k..<e, text: written, values: values, isVersion: false), e)
    }

    /// Whether Han, or Chinese punctuation, stands next to the token at `k..<s`, a space between
    /// or not (`1.1w 张`, `共 1.1w`, `1W、2W、5W 条`).
    static func hanBeside(_ text: [UInt32], _ k: Int, _ s: Int) -> Bool {
        func chinese(_ c: UInt32) -> Bool { isHanIdeograph(c) || isCJKPunctuation(c) }
        var a = s
        while a < text.count && text[a] == 0x20 { a += 1 }
        if a < text.count && chinese(text[a]) { return true }
        var b = k
        while b > 0 && text[b - 1] == 0x20 { b -= 1 }
        return b > 0 && chinese(text[b - 1])
    }

    /// A decade written the Chinese way after the century's number, at `w` (on the word of
    /// ``Numerals/century``, 世纪, and before that of ``Numerals/decade``, 年代): `20 世纪 90
    /// 年代`, `二十世纪九十年代` is the 1990s ((century − 1) × 100 + decade), with the index after
    /// 年代; nil for a century alone (20 世纪).
    static func decade(_ text: [UInt32], century: Double, at w: Int, _ nu: Numerals, eligible: (Int) -> Bool) -> (Double, Int)? {
        let n = text.count, cl = nu.century.count, dl = nu.decade.count
        guard cl > 0, dl > 0, w + cl <= n, text[w..<(w + cl)].elementsEqual(nu.century), (w..<(w + cl)).allSatisfy(eligible),
              century >= 1, century <= 30 else { return nil }
        var x = w + cl
        while x < n && text[x] == 0x20 { x += 1 }
        let start = x
        var tens: Double? = nil
        if x < n, asciiDigit(text[x]) != nil {
            while x < n && eligible(x), let d = asciiDigit(text[x]) { tens = (tens ?? 0) * 10 + Double(d - 0x30); x += 1 }
        } else {
            while x < n && eligible(x) && nu.isNumeral(text[x]) { x += 1 }
            if x > start { tens = hanValue(Array(text[start..<x]), nu) }
        }
        guard let t = tens, x - start <= 3, t < 100, t.truncatingRemainder(dividingBy: 10) == 0 else { return nil }
        while x < n && text[x] == 0x20 { x += 1 }
        guard x + dl <= n, text[x..<(x + dl)].elementsEqual(nu.decade) else { return nil }
        return ((century - 1) * 100 + t, x + dl)
    }

    /// A number in scientific notation whose mantissa (`digits`, ASCII, with at most one `.`)
    /// spans `k..<mantissaEnd`: `3e-4`, `1.5E+3` (an `e` and one to three digits, no space),
    /// `1.25 x 10²`, `3 × 10^-4`, or a power of ten alone (`10^-4`, `10⁻⁴`). Not after a letter,
    /// a digit, `_`, `.`, `#`, `@`, `$`, `/`, `\` or a `+`/`-` glued to a word (`U+00E9`, a
    /// UUID's `-11e9-`), nor before a letter, a digit, `_` or a joiner glued to one (a hash
    /// `3e4f`, `11e9-95ba`): those are names, identifiers and hexadecimal.
    static func exponentForm(_ text: [UInt32], from k: Int, mantissaEnd e: Int, mantissa: [UInt32], eligible: (Int) -> Bool)
        -> (written: String, value: Double, end: Int)? {
        let n = text.count
        guard e < n else { return nil }
        // Cheap refusals first: most numbers are followed by none of e, ^, a superscript or a space.
        let next = text[e]
        guard next | 0x20 == 0x65 || next == 0x5E || next == 0x20 || next == 0xA0 || next == 0x2009 || next == 0x202F
                || next == 0xD7 || next == 0x78 || next == 0x2A || next == 0xB7 || next == 0x22C5 || superscriptSign(next) else { return nil }
        @inline(__always) func alnum(_ c: UInt32) -> Bool { isLatinLetter(c) || asciiDigit(c) != nil || c == 0x5F }
        if k > 0 {
            switch text[k - 1] {
            case 0x2E, 0xFF0E, 0x23, 0x40, 0x24, 0x2F, 0x5C: return nil
            case 0x2B, 0x2D: if k > 1 && alnum(text[k - 2]) { return nil }
            case let b: if alnum(b) { return nil }
            }
        }
        /// The token ends here, no part of a longer name.
        func endsClean(_ x: Int) -> Bool {
            guard x < n else { return true }
            if alnum(text[x]) || superscriptDigit(text[x]) != nil { return false }
            if (text[x] == 0x2D || text[x] == 0x2E || text[x] == 0x2B) && x + 1 < n && alnum(text[x + 1]) { return false }
            return true
        }
        // 3e-4: the exponent right after the mantissa.
        if next | 0x20 == 0x65 {
            guard eligible(e) else { return nil }
            var x = e + 1
            var sign: String = ""
            if x < n && eligible(x) && (text[x] == 0x2B || text[x] == 0x2D || text[x] == 0x2212) { sign = text[x] == 0x2B ? "" : "-"; x += 1 }
            let start = x
            while x < n && x - start < 4 && eligible(x) && asciiDigit(text[x]) != nil { x += 1 }
            guard (1...3).contains(x - start), endsClean(x) else { return nil }
            let written = makeString(mantissa) + "e" + sign + makeString(text[start..<x].map { asciiDigit($0)! })
            guard let v = Double(written), v.isFinite else { return nil }
            return (written, v, x)
        }
        let ten = mantissa.count == 2 && mantissa[0] == 0x31 && mantissa[1] == 0x30
        // 10^-4, 10⁻⁴: a power of ten alone.
        if ten, let (exponent, end) = powerOfTen(text, at: e, eligible: eligible), endsClean(end) {
            return (makeString(text[k..<end]), pow10(exponent), end)
        }
        // 1.25 x 10², 3 × 10^-4: a multiplication sign, spaces around it or none, a power of ten.
        let space = { (i: Int) in i < n && (text[i] == 0x20 || text[i] == 0xA0 || text[i] == 0x2009 || text[i] == 0x202F) }
        var x = e
        if space(x) { x += 1 }
        guard x < n, eligible(x), text[x] == 0xD7 || text[x] == 0x78 || text[x] == 0x2A || text[x] == 0xB7 || text[x] == 0x22C5 else { return nil }
        x += 1
        if space(x) { x += 1 }
        guard x + 2 < n, text[x] == 0x31, text[x + 1] == 0x30, eligible(x), eligible(x + 1),
              let (exponent, end) = powerOfTen(text, at: x + 2, eligible: eligible), endsClean(end),
              let m = Double(makeString(mantissa)) else { return nil }
        let value = m * pow10(exponent)
        guard value.isFinite else { return nil }
        return (makeString(text[k..<end]), value, end)
    }

    /// A superscript sign or digit (`⁻`, `²`): what may follow a 10 written as a power.
    @inline(__always) static func superscriptSign(_ c: UInt32) -> Bool {
        c == 0x207B || c == 0x207A || superscriptDigit(c) != nil
    }

    /// The exponent written at `x` after a 10: `^3`, `^-4`, `^(-4)` aside, or superscripts
    /// (`²`, `⁻⁴`); one to three digits.
    static func powerOfTen(_ text: [UInt32], at x: Int, eligible: (Int) -> Bool) -> (Int, Int)? {
        let n = text.count
        guard x < n, eligible(x) else { return nil }
        var p = x, negative = false, value = 0
        if text[p] == 0x5E {
            p += 1
            if p < n && (text[p] == 0x2B || text[p] == 0x2D || text[p] == 0x2212) { negative = text[p] != 0x2B; p += 1 }
            let start = p
            while p < n && p - start < 4 && eligible(p), let d = asciiDigit(text[p]) { value = value * 10 + Int(d - 0x30); p += 1 }
            guard (1...3).contains(p - start) else { return nil }
        } else {
            if text[p] == 0x207B || text[p] == 0x207A { negative = text[p] == 0x207B; p += 1 }
            let start = p
            while p < n && p - start < 4 && eligible(p), let d = superscriptDigit(text[p]) { value = value * 10 + d; p += 1 }
            guard (1...3).contains(p - start) else { return nil }
        }
        return (negative ? -value : value, p)
    }

    /// The digit a superscript stands for (`²` → 2, `⁰` … `⁹`).
    @inline(__always) static func superscriptDigit(_ c: UInt32) -> Int? {
        switch c {
        case 0x2070: return 0
        case 0xB9: return 1
        case 0xB2: return 2
        case 0xB3: return 3
        case 0x2074...0x2079: return Int(c - 0x2070)
        default: return nil
        }
    }

    /// 10 to the power `e`, exactly for the powers a text writes (`1e-4`, not 0.00009999…).
    static func pow10(_ e: Int) -> Double { Double("1e\(e)") ?? .nan }

    /// The value of a run of numerals (三百二十一 = 321, 两千零五 = 2005, 十五 = 15, 一万两千 =
    /// 12000); digit-by-digit runs (二〇二四) read as digits.
    static func hanValue(_ run: [UInt32], _ nu: Numerals) -> Double? {
        if run.allSatisfy({ nu.digits[$0] != nil }) {
            if run.count == 1 { return nu.digits[run[0]] }
            return hanDigitString(run, nu)
        }
        // 亿 and 万 close sections; 十百千 multiply the digit before them (十 alone is 10).
        var yi = 0.0, wan = 0.0, small = 0.0
        var digit: Double? = nil
        for c in run {
            if let d = nu.digits[c] { digit = d; continue }
            guard let u = nu.units[c] else { continue }
            if u < 1e4 {
                small += (digit ?? 1) * u
            } else if u < 1e8 {
                let s = small + (digit ?? 0)
                wan += (s == 0 ? 1 : s) * u
                small = 0
            } else {
                let s = wan + small + (digit ?? 0)
                yi += (s == 0 ? 1 : s) * u
                wan = 0
                small = 0
            }
            digit = nil
        }
        return yi + wan + small + (digit ?? 0)
    }

    /// A run of numerals read digit by digit (二〇二四 = 2024), nil with units in it.
    static func hanDigitString(_ run: [UInt32], _ nu: Numerals) -> Double? {
        var v = 0.0
        for c in run {
            guard let d = nu.digits[c] else { return nil }
            v = v * 10 + d
        }
        return v
    }
}

/// CJK and full-width punctuation (，。：；！？、（）「」《》…, curly quotes, the dash): Chinese text
/// around a mark, never part of an address.
public func isCJKPunctuation(_ c: UInt32) -> Bool {
    (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20)
        || (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) || c == 0x2026 || c == 0x2014
        || (c >= 0x2018 && c <= 0x201F)
}

/// A CJK ideograph (the unified blocks, extension A and B on, compatibility ideographs), by code
/// point range: cheap enough for the inner loops of the consistency rules.
@inline(__always) public func isHanIdeograph(_ c: UInt32) -> Bool {
    (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF)
}
