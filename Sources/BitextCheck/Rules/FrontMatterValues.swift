import BitextMarkdown
import BitextText

/// Front-matter values that are data, not prose: a key the source and the translation both
/// have, whose source value has no space (a number, a boolean, a date, an id or slug, a path or
/// a URL) and whose translated value has no Han. Such a value steers the site (sidebar order,
/// routes, ids that links name, images) and stays as it is; a translated value (a title, a
/// description, a label: spaces in the source, or Han in the translation) is left to the text
/// rules. Which rule reports a changed value goes by its shape (``Kind``).
enum FrontMatterValues {
    enum Kind { case number, link, code }

    /// One top-level `key: value` line (YAML) or `key = value` (TOML) with a plain or quoted
    /// scalar on it: the value without quotes or a trailing comment, and where it is (line,
    /// 0-based scalar column, scalar count of the text as written).
    struct Field {
        var key: String
        var value: String
        var line: Int
        var column: Int
        var length: Int
    }

    struct Entry {
        var kind: Kind
        var key: String
        var source: String
        var sourceLine: Int
        var target: Field
        /// The source's value may replace the translation's (not a date written another way).
        var fixable = true
    }

    /// The scalar fields of a document's front matter, in order (a key given twice: the first).
    static func fields(_ doc: Document) -> [Field] {
        guard let end = doc.frontMatterEndLine, end >= 3 else { return [] }
        let toml = doc.source.scalars(doc.source.lineByteRange(1)).starts(with: [0x2B, 0x2B, 0x2B])
        var out: [Field] = []
        for l in 2..<end {
            let raw = doc.source.scalars(doc.source.lineByteRange(l))
            guard let f = raw.first, f != 0x20, f != 0x09, f != 0x23, f != 0x2D,
                  let sep = raw.firstIndex(of: toml ? 0x3D : 0x3A) else { continue }
            let key = makeString(raw[..<sep]).trimmingCharacters(in: " \t")
            guard !key.isEmpty, !out.contains(where: { $0.key == key }) else { continue }
            var v = sep + 1
            while v < raw.count && (raw[v] == 0x20 || raw[v] == 0x09) { v += 1 }
            var e = raw.count
            while e > v && (raw[e - 1] == 0x20 || raw[e - 1] == 0x09 || raw[e - 1] == 0x0D) { e -= 1 }
            guard e > v else { continue }
            let q = raw[v]
            if q == 0x22 || q == 0x27 {
                guard e - v >= 2, raw[e - 1] == q else { continue }
                out.append(Field(key: key, value: makeString(raw[(v + 1)..<(e - 1)]), line: l, column: v + 1, length: e - v - 2))
                continue
            }
            // Block scalars, flow collections, anchors and aliases: not one plain value.
            guard ![0x7C, 0x3E, 0x5B, 0x7B, 0x26, 0x2A].contains(q) else { continue }
            var stop = e
            for k in v..<e where raw[k] == 0x23 && (raw[k - 1] == 0x20 || raw[k - 1] == 0x09) {
                stop = k
                while stop > v && (raw[stop - 1] == 0x20 || raw[stop - 1] == 0x09) { stop -= 1 }
                break
            }
            out.append(Field(key: key, value: makeString(raw[v..<stop]), line: l, column: v, length: stop - v))
        }
        return out
    }

    /// The data values of the source the translation changed, with the rule each belongs to.
    static func changed(_ c: FileContext) -> [Entry] {
        guard let p = c.pairing, p.source.frontMatterEndLine != nil, c.document.frontMatterEndLine != nil else { return [] }
        let target = fields(c.document)
        guard !target.isEmpty else { return [] }
        var out: [Entry] = []
        for s in fields(p.source) {
            guard let t = target.first(where: { $0.key == s.key }), t.value != s.value, isData(s.value),
                  !t.value.unicodeScalars.contains(where: { CodeComparison.isHanText($0.value) }),
                  !switchesLanguage(s.value, t.value, c.settings) else { continue }
            out.append(Entry(kind: kind(s.value), key: s.key, source: s.value, sourceLine: s.line, target: t))
        }
        return out
    }

    /// A date the source writes with a month's name (`March 2024`, `March 5, 2024`, `5 Mar
    /// 2024`) and the translation with the month's number (`2024 年 5 月`, `2024年3月5日`,
    /// `2024-05`), under a key both sides have, whose year, month or day changed. Rewriting a
    /// date the Chinese way is translation; another month is not (no fix: the formats differ).
    static func datesChanged(_ c: FileContext) -> [Entry] {
        guard let p = c.pairing, p.source.frontMatterEndLine != nil, c.document.frontMatterEndLine != nil else { return [] }
        let target = fields(c.document)
        guard !target.isEmpty else { return [] }
        var out: [Entry] = []
        for s in fields(p.source) {
            guard let t = target.first(where: { $0.key == s.key }), t.value != s.value,
                  let a = namedDate(s.value, c.settings.source.months), let b = numberedDate(t.value),
                  a.month != b.month || (a.year != nil && a.year != b.year) || (a.day != nil && b.day != nil && a.day != b.day) else { continue }
            out.append(Entry(kind: .number, key: s.key, source: s.value, sourceLine: s.line, target: t, fixable: false))
        }
        return out
    }

    /// A date with a month's name and nothing else but a year and a day (`March 2024`, `March
    /// 5, 2024`, `5th Mar 2024`): its parts; nil for anything else.
    static func namedDate(_ v: String, _ months: LocaleData.Months) -> (year: Int?, month: Int, day: Int?)? {
        var year: Int? = nil, month: Int? = nil, day: Int? = nil
        for w in v.split(whereSeparator: { $0 == " " || $0 == "," }) {
            var word = Substring(w)
            if word.hasSuffix(".") { word = word.dropLast() }
            if let m = months.names[String(word)] {
                guard month == nil else { return nil }
                month = Int(m.month)
                continue
            }
            for suffix in ["st", "nd", "rd", "th"] where word.count > 2 && word.hasSuffix(suffix) { word = word.dropLast(2) }
            guard word.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(word) else { return nil }
            if word.count == 4, year == nil { year = n } else if word.count <= 2, (1...31).contains(n), day == nil { day = n } else { return nil }
        }
        guard let month, year != nil || day != nil else { return nil }
        return (year, month, day)
    }

    /// A date with the month as a number: `2024 年 5 月`, `2024年5月3日`, `5 月 3 日`,
    /// `2024-05`, `2024-05-03`, `2024/5/3`; nil for anything else.
    static func numberedDate(_ v: String) -> (year: Int?, month: Int, day: Int?)? {
        let u = Array(v.unicodeScalars.map(\.value))
        var parts: [(Int, UInt32?)] = []   // a number and the sign after it
        var k = 0
        while k < u.count {
            guard u[k] >= 0x30 && u[k] <= 0x39 else { return nil }
            var n = 0
            while k < u.count && u[k] >= 0x30 && u[k] <= 0x39 { n = n * 10 + Int(u[k] - 0x30); k += 1; if n > 9999 { return nil } }
            while k < u.count && u[k] == 0x20 { k += 1 }
            var sign: UInt32? = nil
            if k < u.count { sign = u[k]; k += 1 }
            while k < u.count && u[k] == 0x20 { k += 1 }
            parts.append((n, sign))
        }
        let signs = parts.map(\.1)
        let han: [UInt32?] = [0x5E74, 0x6708, 0x65E5]   // 年 月 日
        if signs.allSatisfy({ $0 == nil || han.contains($0) }) {
            var year: Int? = nil, month: Int? = nil, day: Int? = nil
            for (n, sign) in parts {
                switch sign {
                case 0x5E74: year = n
                case 0x6708: month = n
                case 0x65E5: day = n
                default: return nil
                }
            }
            guard let month, (1...12).contains(month) else { return nil }
            return (year, month, day)
        }
        guard parts.count >= 2, parts.count <= 3, parts[0].0 >= 1000,
              let sep = parts[0].1, sep == 0x2D || sep == 0x2F,
              parts.dropLast().allSatisfy({ $0.1 == sep }), parts.last!.1 == nil, (1...12).contains(parts[1].0) else { return nil }
        return (parts[0].0, parts[1].0, parts.count == 3 ? parts[2].0 : nil)
    }

    /// The page's language tag, switched from the source's language to the translation's
    /// (`lang: en` → `lang: zh`, `locale: en-US` → `locale: zh-CN`).
    static func switchesLanguage(_ s: String, _ t: String, _ settings: Settings) -> Bool {
        func language(_ v: String) -> String? {
            let parts = v.split(whereSeparator: { $0 == "-" || $0 == "_" })
            guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }),
                  parts.dropFirst().allSatisfy({ (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
            else { return nil }
            return first.lowercased()
        }
        func primary(_ id: String) -> String { String(id.split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "").lowercased() }
        return language(s) == primary(settings.source.id) && language(t) == primary(settings.target.id)
    }

    /// A value with no space or tab, with a letter or a digit, all ASCII: no prose.
    static func isData(_ v: String) -> Bool {
        !v.isEmpty && v.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
            && v.utf8.contains { CodeComparison.isLetter(UInt32($0)) || ($0 >= 0x30 && $0 <= 0x39) }
    }

    /// Digits with separators (`3`, `-1`, `1.5`, `2024-06-01`, `2024/12/05`, `10:30`): a number;
    /// a URL (`scheme://`) or a path (a `/`): a link; anything else an id, a key or a boolean: code.
    static func kind(_ v: String) -> Kind {
        let u = Array(v.utf8)
        let digit = { (c: UInt8) in c >= 0x30 && c <= 0x39 }
        var body = u[...]
        if let f = body.first, f == 0x2B || f == 0x2D { body = body.dropFirst() }
        if let f = body.first, digit(f), let l = body.last, digit(l),
           body.allSatisfy({ digit($0) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2F || $0 == 0x3A || $0 == 0x5F }) { return .number }
        if v.contains("://") || v.contains("/") { return .link }
        return .code
    }

    /// A finding on the translation's value.
    static func finding(_ rule: any Rule, _ c: FileContext, _ e: Entry, severity: Severity, key: String = "front-matter.value") -> Finding {
        let start = TextPosition(line: e.target.line, column: e.target.column + 1)
        let end = TextPosition(line: e.target.line, column: e.target.column + max(1, e.target.length))
        let raw = c.document.source.scalars(c.document.source.lineByteRange(e.target.line))
        let text = makeString(raw[e.target.column..<min(raw.count, e.target.column + max(1, e.target.length))])
        let values = ["key": e.key, "line": String(e.sourceLine), "source": e.source, "target": e.target.value]
        return Finding(rule: rule.id, severity: severity, file: c.document.path, span: Span(start: start, end: end),
                       message: c.messages.text(key, values), text: text,
                       fix: severity == .info || e.target.length == 0 || !e.fixable ? nil : Fix(e.source),
                       details: [("details", .object([("source", .string(e.source)), ("target", .string(e.target.value)),
                                                      ("sourceLine", .int(e.sourceLine)), ("key", .string(e.key))]))])
    }
}
