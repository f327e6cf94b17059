import BitextMarkdown
import BitextText

/// Compares code the way a reviewer of a translation does: comments, the contents of string
/// literals and text between tags (JSX children, console output) are the translator's to
/// translate; everything else must be as in the source. Layout (line breaks, spaces, trailing
/// commas, semicolons) does not count.
enum CodeComparison {
    /// What differs first between two code blocks.
    struct Difference: Equatable {
        /// Lines in the literal (0-based).
        var sourceLine: Int
        var targetLine: Int
        var source: String?
        var target: String?
    }

    /// A token of code as compared: comments are gone, a string literal is one token whatever
    /// it holds, and a stretch of Han text (translated text outside strings) is one token.
    struct Token: Equatable {
        /// `placeholder`: a part the source marks as one to fill in, a name of two words or more
        /// in angle brackets or braces (``placeholderEnd(_:_:)``: `<model-name>`, `{file_prefix}`).
        enum Kind: Equatable { case word, number, string, han, symbol, placeholder }
        var kind: Kind
        var text: String
        /// Line in the literal (0-based).
        var line: Int
        /// A string literal holding data, not text (``dataKey(_:)``): what it is compared by.
        var data: String? = nil

        /// Strings match strings and Han text matches Han text, whatever they say; but a string
        /// of data matches another only when they hold the same data.
        func same(_ o: Token) -> Bool {
            guard kind == o.kind else { return false }
            if kind == .string, let a = data, let b = o.data { return a == b }
            return kind == .string || kind == .han || text == o.text
        }
    }

    /// The contents of a string literal that is data rather than text — one run of ASCII with
    /// a letter and no space: a key, an identifier, a route name, a path (`'invoice:edit'`,
    /// `"user_id"`, `'./data.json'`) — as compared: locale labels aside (`'en-US'` and
    /// `'zh-CN'`, `'/en/guide'` and `'/zh/guide'` are the same data); or any string without Han,
    /// as written (`"4.2.1"`, `"{{ inventory_hostname }}"`, `"Authorization: Bearer $TOKEN"`):
    /// untranslated, so unchanged. Nil for text with Han: the translator's translation.
    static func dataKey(_ literal: ArraySlice<UInt32>) -> String? {
        guard literal.count >= 3, let q = literal.first, q == 0x22 || q == 0x27 || q == 0x60, literal.last == q else { return nil }
        let inner = literal.dropFirst().dropLast()
        if inner.allSatisfy({ $0 > 0x20 && $0 < 0x7F }), inner.contains(where: isLetter) {
            // Case counts (`"ok"` is not `"OK"`, `./locales` not `./Locales`): the words with a
            // capital, as written, beside the delocalised form (which is in lower case); a locale
            // label's (`en-US`, `zh-CN`) aside.
            let raw = makeString(inner)
            var capitals: [Substring] = []
            var previous = ""
            for w in raw.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
                let lower = w.lowercased()
                defer { previous = lower }
                if LinkComparison.locales.contains(lower) || (w.count == 2 && LinkComparison.locales.contains(previous)) { continue }
                if w.contains(where: \.isUppercase) { capitals.append(w) }
            }
            let key = LinkComparison.delocalised(raw)
            return capitals.isEmpty ? key : key + "\u{1}" + capitals.joined(separator: " ")
        }
        // Text the translator left as it was (no Han: a version, a port, a template, a header):
        // a translated string holds Chinese, so one without any that differs was changed.
        // Typography aside: curly quotes, an ellipsis, runs of spaces.
        guard !inner.contains(where: isHanText) else { return nil }
        var text: [UInt32] = [1]
        for c in inner {
            let x: UInt32 = c == 0x2018 || c == 0x2019 ? 0x27 : c == 0x201C || c == 0x201D ? 0x22 : c == 0x09 || c == 0xA0 ? 0x20 : c
            if x == 0x2026 { text += [0x2E, 0x2E, 0x2E]; continue }
            if x == 0x20 && text.last == 0x20 { continue }
            text.append(x)
        }
        return makeString(text)
    }

    /// Splits code into tokens, leaving out comments: `//`, `/* */`, `<!-- -->`, MDX `{/* */}`,
    /// `#` at the start of a line or after a space (not a colour: ``colourEnd(_:_:atLineStart:)``),
    /// `-- ` (SQL; not before an option: `cargo clippy -- -D warnings`). Strings: '…', "…", `…`,
    /// “…”, ‘…’, and Python's triple quotes. `...` and `…` (elided code) are left out, and so
    /// are semicolons and a comma before a closing bracket (style, not code). In an inline span
    /// (`inline`), `#` before anything but a space is code, not a comment: `#VALUE!`,
    /// `#,##0.00`, `#include`, `#[derive(Debug)]` (a span's text always starts a line).
    static func tokens(_ code: String, inline: Bool = false) -> [Token] {
        let chars = code.unicodeScalars.map(\.value)
        let n = chars.count
        var out: [Token] = []
        var line = 0
        var lineStart = true
        var i = 0
        // The scalars at k are a, b (and c, d): compared in place, no array made per question.
        @inline(__always) func starts(_ k: Int, _ a: UInt32, _ b: UInt32) -> Bool {
            k + 1 < n && chars[k] == a && chars[k + 1] == b
        }
        @inline(__always) func starts(_ k: Int, _ a: UInt32, _ b: UInt32, _ c: UInt32) -> Bool {
            k + 2 < n && chars[k] == a && chars[k + 1] == b && chars[k + 2] == c
        }
        @inline(__always) func starts(_ k: Int, _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32) -> Bool {
            k + 3 < n && chars[k] == a && chars[k + 1] == b && chars[k + 2] == c && chars[k + 3] == d
        }
        /// Past the first `close` from `i` (2 or 3 scalars; `c` 0 for two), counting lines.
        func skip(until a: UInt32, _ b: UInt32, _ c: UInt32 = 0) {
            let length = c == 0 ? 2 : 3
            while i < n && !(c == 0 ? starts(i, a, b) : starts(i, a, b, c)) { if chars[i] == 0x0A { line += 1 }; i += 1 }
            i = min(n, i + length)
        }
        /// An option at k: `-` or `--` and a letter.
        func option(_ k: Int) -> Bool {
            guard k + 1 < n, chars[k] == 0x2D else { return false }
            return isLetter(chars[k + 1]) || (k + 2 < n && chars[k + 1] == 0x2D && isLetter(chars[k + 2]))
        }
        func isLetterLike(_ c: UInt32) -> Bool {
            isIdentifierChar(c) || (c > 0x7F && !isHanText(c) && (Unicode.Scalar(c)?.properties.isAlphabetic ?? false))
        }
        while i < n {
            let c = chars[i]
            if c == 0x0A { line += 1; lineStart = true; i += 1; continue }
            // Spaces, and the box-drawing of directory trees: layout.
            if c == 0x20 || c == 0x09 || c == 0x0D || c == 0xA0 || (c >= 0x2500 && c <= 0x257F) { i += 1; continue }
            let atLineStart = lineStart
            lineStart = false
            let spaceBefore = i == 0 || chars[i - 1] == 0x20 || chars[i - 1] == 0x09 || chars[i - 1] == 0x0A
            // A colour (`#2F6FED`, `#fff`): a value, compared exactly (case aside).
            if c == 0x23, let e = colourEnd(chars, i, atLineStart: atLineStart) {
                out.append(Token(kind: .word, text: makeString(chars[i..<e]).lowercased(), line: line))
                i = e
                continue
            }
            // Comments (`-- ` before an option, as in `cargo clippy -- -D warnings`, ends a
            // command's options instead).
            if (starts(i, 0x2F, 0x2F) && !(i > 0 && chars[i - 1] == 0x3A))
                || (c == 0x23 && (atLineStart || spaceBefore)
                    && !(inline && i + 1 < n && chars[i + 1] != 0x20 && chars[i + 1] != 0x09))
                || (starts(i, 0x2D, 0x2D, 0x20) && (atLineStart || spaceBefore) && !option(i + 3)) {
                while i < n && chars[i] != 0x0A { i += 1 }
                continue
            }
            if starts(i, 0x2F, 0x2A) { i += 2; skip(until: 0x2A, 0x2F); continue }
            if starts(i, 0x3C, 0x21, 0x2D, 0x2D) { i += 4; skip(until: 0x2D, 0x2D, 0x3E); continue }
            if starts(i, 0x7B, 0x2F, 0x2A) { i += 3; skip(until: 0x2A, 0x2F, 0x7D); continue }
            // Strings.
            if (c == 0x22 || c == 0x27) && starts(i, c, c, c) {
                let l = line
                i += 3
                skip(until: c, c, c)
                out.append(Token(kind: .string, text: makeString([c, c, c]), line: l))
                continue
            }
            // An apostrophe inside a word (don't) opens no string.
            let apostrophe = c == 0x27 && i > 0 && isLetterLike(chars[i - 1])
            if c == 0x22 || c == 0x60 || c == 0x201C || c == 0x2018 || (c == 0x27 && !apostrophe) {
                // “ and ‘ close with their right mark or themselves; the others with themselves.
                let close = c == 0x201C ? 0x201D : c == 0x2018 ? 0x2019 : c
                let start = i, l = line
                i += 1
                while i < n && chars[i] != close && chars[i] != c && (chars[i] != 0x0A || c == 0x60) {
                    if chars[i] == 0x5C && i + 1 < n && chars[i + 1] != 0x0A { i += 1 }
                    if chars[i] == 0x0A { line += 1 }
                    i += 1
                }
                let end = min(n, i + (i < n && chars[i] != 0x0A ? 1 : 0))
                out.append(Token(kind: .string, text: makeString(chars[start..<end]), line: l, data: dataKey(chars[start..<end])))
                i = end
                continue
            }
            // A part to fill in (`<instance-public-ip>`, `{input_file_prefix}`): one token.
            if c == 0x3C || c == 0x7B, let e = placeholderEnd(chars, i) {
                let inner = Array(chars[(i + 1)..<(e - 1)])
                // Not an element the code closes (`<my-list>` … `</my-list>`): a tag.
                if c != 0x3C || !containsClosingTag(chars, inner) {
                    out.append(Token(kind: .placeholder, text: makeString(chars[i..<e]), line: line))
                    i = e
                    continue
                }
            }
            // Elided code.
            if starts(i, 0x2E, 0x2E, 0x2E) { while i < n && chars[i] == 0x2E { i += 1 }; continue }
            if c == 0x2026 { i += 1; continue }
            // Translated text.
            if isHanText(c) {
                let start = i
                while i < n && (isHanText(chars[i]) || ((chars[i] == 0x20 || chars[i] == 0x09) && i + 1 < n && isHanText(chars[i + 1]))) { i += 1 }
                out.append(Token(kind: .han, text: makeString(chars[start..<i]), line: line))
                continue
            }
            if isLetterLike(c) {
                let start = i
                let number = c >= 0x30 && c <= 0x39
                while i < n && (isLetterLike(chars[i])
                                || (number && chars[i] == 0x2E && i + 1 < n && chars[i + 1] >= 0x30 && chars[i + 1] <= 0x39)) { i += 1 }
                let word = makeString(chars[start..<i])
                out.append(Token(kind: number ? .number : .word, text: isLocaleName(word) ? "‹locale›" : word, line: line))
                continue
            }
            out.append(Token(kind: .symbol, text: String(Character(Unicode.Scalar(c)!)), line: line))
            i += 1
        }
        // Style: semicolons, and a comma before a closing bracket or at the end.
        var kept: [Token] = []
        for (k, t) in out.enumerated() {
            if t.kind == .symbol && t.text == ";" { continue }
            if t.kind == .symbol && t.text == "," {
                if k + 1 == out.count { continue }
                if out[k + 1].kind == .symbol && [")", "]", "}", ">"].contains(out[k + 1].text) { continue }
            }
            kept.append(t)
        }
        return kept
    }

    /// The end (past the closing bracket) of a placeholder at `i`: `<` or `{` not right after a
    /// name, `$`, `<` or `{` (not `List<item_type>`, `${var_name}`, `{{ a_b }}`), then a name of
    /// two words or more joined by `-` or `_`, a letter first, no space (`<model-name>`,
    /// `<your-plugin-repository-url>`, `{input_file_prefix}`), and the matching bracket.
    static func placeholderEnd(_ chars: [UInt32], _ i: Int) -> Int? {
        let close: UInt32 = chars[i] == 0x3C ? 0x3E : 0x7D
        if i > 0 {
            let b = chars[i - 1]
            guard !isIdentifierChar(b), b != 0x3C, b != 0x7B else { return nil }
        }
        var e = i + 1, joined = false
        guard e < chars.count, isLetter(chars[e]) else { return nil }
        while e < chars.count && (isIdentifierChar(chars[e]) || chars[e] == 0x2D) && chars[e] != 0x24 {
            if (chars[e] == 0x2D || chars[e] == 0x5F) && e + 1 < chars.count && isIdentifierChar(chars[e + 1]) && chars[e + 1] != 0x5F {
                joined = true
            }
            e += 1
        }
        guard joined, e < chars.count, chars[e] == close, chars[e - 1] != 0x2D, chars[e - 1] != 0x5F else { return nil }
        // `{a_b}}` closes a template's braces; `<a-b>>` is no placeholder either.
        if e + 1 < chars.count && chars[e + 1] == close { return nil }
        return e + 1
    }

    /// True when the code closes an element of that name (`</my-list`).
    static func containsClosingTag(_ chars: [UInt32], _ name: [UInt32]) -> Bool {
        let tag: [UInt32] = [0x3C, 0x2F] + name
        guard chars.count >= tag.count else { return false }
        for k in 0...(chars.count - tag.count) where chars[k] == 0x3C && chars[k + 1] == 0x2F && chars[k..<(k + tag.count)].elementsEqual(tag) {
            return true
        }
        return false
    }

    /// The brackets of a placeholder token (`<`, `>` or `{`, `}`).
    static func brackets(_ t: Token) -> [String] {
        t.text.hasPrefix("<") ? ["<", ">"] : ["{", "}"]
    }

    /// The words of a placeholder as written (`<instance-public-ip>`: instance, public, ip).
    static func placeholderParts(_ t: Token) -> [Substring] {
        t.text.dropFirst().dropLast().split(whereSeparator: { $0 == "-" || $0 == "_" })
    }

    /// The words of a placeholder, in lower case.
    static func placeholderWords(_ t: Token) -> [String] { placeholderParts(t).map { $0.lowercased() } }

    /// True when the translation writes a placeholder of the source (`<model-name>`) as the
    /// words it stands for, in its place: Han (`模型名`), and besides Han only words of the
    /// placeholder itself (`实例的外网IP` for `<instance-public-ip>`), in the placeholder's brackets
    /// or none (`<模型名>`). Anything else there (an option, another word, other signs) is a change.
    static func placeholderTranslated(_ p: Token, _ t: ArraySlice<Token>) -> Bool {
        var inner = t
        let b = brackets(p)
        if inner.count >= 2, inner.first!.kind == .symbol, inner.first!.text == b[0], inner.last!.kind == .symbol, inner.last!.text == b[1] {
            inner = inner.dropFirst().dropLast()
        }
        guard inner.contains(where: { $0.kind == .han }) else { return false }
        let words = Set(placeholderWords(p))
        return inner.allSatisfy { x in
            x.kind == .han || ((x.kind == .word || x.kind == .number) && words.contains(x.text.lowercased()))
        }
    }

    /// The end of a colour written in hex at `i` (`#` and 3, 4, 6 or 8 hex digits, no more of a
    /// name after them), nil when there is none. At the start of a line (a `#` comment's
    /// place) it must also end the line or be followed by punctuation (`#fff;`), not a space
    /// and more words (`#add more tests` is a comment).
    static func colourEnd(_ chars: [UInt32], _ i: Int, atLineStart: Bool) -> Int? {
        let n = chars.count
        guard i == 0 || !isIdentifierChar(chars[i - 1]) else { return nil }
        var e = i + 1
        while e < n && e - i <= 9 && isHexDigit(chars[e]) { e += 1 }
        guard [4, 5, 7, 9].contains(e - i), e == n || !isIdentifierChar(chars[e]) else { return nil }
        if atLineStart && e < n && (chars[e] == 0x20 || chars[e] == 0x09) {
            var x = e
            while x < n && (chars[x] == 0x20 || chars[x] == 0x09) { x += 1 }
            guard x == n || chars[x] == 0x0A || chars[x] == 0x0D else { return nil }
        }
        return e
    }

    @inline(__always) static func isHexDigit(_ c: UInt32) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x66)
    }

    /// A locale written as an identifier (`enUS`, `zh_CN`, `frFR`): examples are localised by
    /// switching it (`import enUS from …` → `import zhCN from …`).
    static func isLocaleName(_ w: String) -> Bool {
        // Four or five ASCII letters (and `_` or `-`): four or five bytes.
        guard w.utf8.count == 4 || w.utf8.count == 5 else { return false }
        let u = w.utf8.map(UInt32.init)
        let lower = { (c: UInt32) in c >= 0x61 && c <= 0x7A }, upper = { (c: UInt32) in c >= 0x41 && c <= 0x5A }
        guard lower(u[0]), lower(u[1]), upper(u[u.count - 2]), upper(u[u.count - 1]) else { return false }
        return u.count == 4 || u[2] == 0x5F || u[2] == 0x2D
    }

    /// Han, CJK punctuation and full-width forms: text a translator wrote.
    @inline(__always) static func isHanText(_ c: UInt32) -> Bool {
        isHanIdeograph(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF)
    }

    /// Symbols that also punctuate prose: source words with only these, rendered as Chinese
    /// text, are translated text (JSX children, program output, a YAML description).
    static let proseSymbols: Set<String> = [".", ",", ";", "!", "?", "'", "\"", ":", "-", "(", ")", "/", "&", "%", "+"]

    /// True when a stretch of source tokens and the target tokens in its place differ only as
    /// a translation may: Han text where the source had words, strings or prose punctuation,
    /// keeping the source's structural symbols and bringing no identifier the source does not
    /// have (`sourceWords`: all of the source's, since translated text may move a name).
    static func acceptable(_ s: ArraySlice<Token>, _ t: ArraySlice<Token>, sourceWords: Set<String>, targetHasText: Bool) -> Bool {
        if s.isEmpty && t.isEmpty { return true }
        // A placeholder written as what it stands for, in Han (`<model-name>` → 模型名), or
        // spelled otherwise (`< model-name >`).
        if s.count == 1, s.first!.kind == .placeholder, placeholderTranslated(s.first!, t) { return true }
        if s.count == 1 || t.count == 1, s.contains(where: { $0.kind == .placeholder }) || t.contains(where: { $0.kind == .placeholder }),
           s.map(\.text).joined() == t.map(\.text).joined() { return true }
        // A locale switched for another (`en-US` → `zh-CN`, `glaive_toolcall_en` → `glaive_toolcall_zh`).
        if localeSwitched(s, t) { return true }
        // In code holding translated text, prose words and punctuation the translation moved or
        // dropped ("a", "b", and "c" → “甲”“乙”“丙”), or punctuation it added.
        if targetHasText {
            let prose = { (x: Token) in x.kind == .word || x.kind == .number || (x.kind == .symbol && proseSymbols.contains(x.text)) }
            if t.isEmpty && s.allSatisfy(prose) { return true }
            if s.isEmpty && t.allSatisfy({ $0.kind == .han || ($0.kind == .symbol && proseSymbols.contains($0.text)) }) { return true }
            // Words of the prose it rendered that the translation keeps in English, a noun in
            // the singular (`… embeddings when indexes are ready` → `… embedding`).
            if !t.isEmpty && s.allSatisfy(prose) {
                let own = Set(s.lazy.filter { $0.kind == .word }.map(\.text))
                if t.allSatisfy({ x in x.kind == .word ? own.contains(x.text) || pluralInSource(x.text, own)
                                     : x.kind == .symbol && proseSymbols.contains(x.text) }) { return true }
            }
        }
        // A string literal written without its quotes ("a" → a).
        if s.count == 1, t.count == 1, s.first!.kind == .string, t.first!.kind != .string,
           s.first!.text.unicodeScalars.dropFirst().dropLast().elementsEqual(t.first!.text.unicodeScalars) { return true }
        guard t.contains(where: { $0.kind == .han }) else { return false }
        guard t.allSatisfy({ $0.kind != .word || sourceWords.contains($0.text) || pluralInSource($0.text, sourceWords) }) else { return false }
        var targetSymbols: [String: Int] = [:]
        for x in t where x.kind == .symbol { targetSymbols[x.text, default: 0] += 1 }
        for x in t where x.kind == .placeholder { for b in brackets(x) { targetSymbols[b, default: 0] += 1 } }
        // A placeholder's brackets are symbols as written (`<`, `>`), its words the source's.
        let symbols = s.flatMap { x in x.kind == .placeholder ? brackets(x) : x.kind == .symbol ? [x.text] : [] }
        for x in symbols where !proseSymbols.contains(x) {
            guard let k = targetSymbols[x], k > 0 else { return false }
            targetSymbols[x] = k - 1
        }
        return true
    }

    /// Whether the source writes English word `w` in the plural (`Projections` for `Projection`,
    /// `entries` for `entry`): in translated text a noun kept in English drops its plural, which
    /// Chinese does not mark (`saved Projections` → `已保存 Projection`).
    static func pluralInSource(_ w: String, _ sourceWords: Set<String>) -> Bool {
        guard let last = w.unicodeScalars.last, last.properties.isAlphabetic, w.unicodeScalars.count >= 3 else { return false }
        if sourceWords.contains(w + "s") || sourceWords.contains(w + "es") { return true }
        return (last == "y" || last == "Y") && sourceWords.contains(w.dropLast() + (last == "y" ? "ies" : "IES"))
    }

    /// The same import, its names in another order (`from m import b, a` for `from m import a,
    /// b`, as a sorting tool or a hand writes them): the lines start with `import`, `from`,
    /// `use` or `export` and hold the same tokens.
    static func reorderedImport(_ a: String, _ b: String) -> Bool {
        func tokens(_ s: String) -> [String]? {
            let t = s.drop(while: { $0 == " " || $0 == "\t" })
            guard ["import ", "from ", "use ", "export "].contains(where: { t.hasPrefix($0) }) else { return nil }
            var out: [String] = [], word = ""
            for c in t.unicodeScalars {
                if c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_" || c == "." || c == "$" {
                    word.unicodeScalars.append(c)
                    continue
                }
                if !word.isEmpty { out.append(word); word = "" }
                if c != " " && c != "\t" && c != "," && c != "\r" { out.append(String(c)) }
            }
            if !word.isEmpty { out.append(word) }
            return out
        }
        guard a != b, let x = tokens(a), let y = tokens(b), x != y else { return false }
        return x.sorted() == y.sorted()
    }

    /// The source's words, a placeholder's words among them as it writes them (`model`, `name`
    /// of `<model-name>`).
    static func sourceWords(_ s: [Token]) -> Set<String> {
        var out = Set<String>()
        for x in s {
            if x.kind == .word { out.insert(x.text) }
            if x.kind == .placeholder { for w in placeholderParts(x) { out.insert(String(w)) } }
        }
        return out
    }

    /// Locale tags a word may end with (``withoutLocaleTag(_:)``), in lower case:
    /// ``LinkComparison/locales`` but `us`, `hans`, `hant` (a region or a script alone is no
    /// language: `status_us` is no page in English).
    static let localeTags: Set<String> = LinkComparison.locales.subtracting(["us", "hans", "hant"])

    /// True when a stretch of the source and the stretch in its place differ by a locale only:
    /// each a locale tag (`en` → `zh`, `en-US` → `zh-CN`, `US` → `CN` as the rest of `en-US`),
    /// or one word with a locale suffix (`_en`, `-zh`, `.cn`) the other writes with another or
    /// none (`glaive_toolcall_en` → `glaive_toolcall_zh`, `README` → `README_cn`). The example
    /// localised, as translations do.
    static func localeSwitched(_ s: ArraySlice<Token>, _ t: ArraySlice<Token>) -> Bool {
        guard !s.isEmpty, !t.isEmpty, s.count <= 3, t.count <= 3,
              s.allSatisfy({ $0.kind == .word || $0.kind == .symbol }), t.allSatisfy({ $0.kind == .word || $0.kind == .symbol }) else { return false }
        let a = s.map(\.text).joined(), b = t.map(\.text).joined()
        guard a != b else { return false }
        let x = a.lowercased(), y = b.lowercased()
        if LinkComparison.locales.contains(x) && LinkComparison.locales.contains(y) { return true }
        guard s.count == 1, t.count == 1, s.first!.kind == .word, t.first!.kind == .word else { return false }
        let (p, q) = (withoutLocaleTag(a), withoutLocaleTag(b))
        return p.count >= 2 && p == q && (p.count < a.count || q.count < b.count)
    }

    /// A word without the locale tag it ends with after `_`, `-` or `.` (`toolcall_en` → `toolcall`,
    /// `README_CN` → `README`); the word itself when it has none.
    static func withoutLocaleTag(_ w: String) -> String {
        for sep: Character in ["_", "-", "."] {
            guard let k = w.lastIndex(of: sep), k != w.startIndex else { continue }
            let tag = w[w.index(after: k)...].lowercased()
            if localeTags.contains(tag) { return String(w[..<k]) }
        }
        return w
    }

    /// Words that name the Chinese reader's region or language, a value an example localised
    /// for that reader chooses (`--download-source official` → `--download-source china`).
    static let chineseRegionValues: Set<String> = ["china", "cn", "zh", "chinese"]

    /// True when a source's value is replaced by one naming the Chinese reader's region
    /// (``chineseRegionValues``), a lower-case word for a lower-case word: with a locale of the
    /// same code switched (``localeSwitched(_:_:)``), the example localised as a whole.
    static func regionChosen(_ s: ArraySlice<Token>, _ t: ArraySlice<Token>) -> Bool {
        guard s.count == 1, t.count == 1, s.first!.kind == .word, t.first!.kind == .word else { return false }
        let a = s.first!.text, b = t.first!.text
        return a != b && chineseRegionValues.contains(b) && a.unicodeScalars.allSatisfy { $0.value >= 0x61 && $0.value <= 0x7A }
    }

    /// True when the gap is one argument of a call renamed in Chinese while its siblings stay
    /// English (`=XLOOKUP(lookup_value, lookup_array)` written `=XLOOKUP(查找值, lookup_array)`):
    /// the source's token is one word shaped as an identifier (snake_case or camelCase, not a
    /// word of prose), between `(` or `,` and `,` or `)` on both sides, and the list's other
    /// arguments in the translation, one or more, hold words and no Han. A list whose every
    /// name is localised (`SUM(数值1, 数值2)`), or translated text (JSX children, a YAML
    /// value), is the translator's.
    static func argumentTranslated(_ s: [Token], _ gs: Range<Int>, _ t: [Token], _ gt: Range<Int>) -> Bool {
        guard gs.count == 1, gt.count == 1, s[gs.lowerBound].kind == .word, t[gt.lowerBound].kind == .han,
              isIdentifierShaped(s[gs.lowerBound].text),
              gs.lowerBound > 0, gs.upperBound < s.count, gt.lowerBound > 0, gt.upperBound < t.count else { return false }
        let sb = s[gs.lowerBound - 1], sa = s[gs.upperBound], tb = t[gt.lowerBound - 1], ta = t[gt.upperBound]
        guard sb.kind == .symbol, sa.kind == .symbol, tb.same(sb), ta.same(sa),
              sb.text == "(" || sb.text == ",", sa.text == "," || sa.text == ")", sb.text == "," || sa.text == "," else { return false }
        // The target's argument list around the gap, at its own depth.
        var lo = gt.lowerBound - 1, depth = 0
        while lo >= 0 {
            let x = t[lo]
            if x.kind == .symbol && [")", "]", "}"].contains(x.text) { depth += 1 }
            if x.kind == .symbol && ["(", "[", "{"].contains(x.text) { if depth == 0 { break }; depth -= 1 }
            lo -= 1
        }
        var hi = gt.upperBound
        depth = 0
        while hi < t.count {
            let x = t[hi]
            if x.kind == .symbol && ["(", "[", "{"].contains(x.text) { depth += 1 }
            if x.kind == .symbol && [")", "]", "}"].contains(x.text) { if depth == 0 { break }; depth -= 1 }
            hi += 1
        }
        guard lo >= 0, hi < t.count, t[lo].text == "(", t[hi].text == ")" else { return false }
        let siblings = t[(lo + 1)..<hi].indices.filter { !gt.contains($0) }.map { t[$0] }
        return !siblings.contains { $0.kind == .han } && siblings.contains { $0.kind == .word }
    }

    /// A word shaped as an identifier, not as a word of prose: letters joined by `_`
    /// (`lookup_value`) or a lower-case letter followed by a capital (`lookupValue`).
    static func isIdentifierShaped(_ w: String) -> Bool {
        let u = Array(w.utf8)
        guard u.count >= 3, u.allSatisfy({ isIdentifierChar(UInt32($0)) }) else { return false }
        for k in 1..<(u.count - 1) where u[k] == 0x5F && isLetter(UInt32(u[k - 1])) && isLetter(UInt32(u[k + 1])) { return true }
        for k in 1..<u.count where u[k] >= 0x41 && u[k] <= 0x5A && u[k - 1] >= 0x61 && u[k - 1] <= 0x7A { return true }
        return false
    }

    /// Largest middles (source tokens × target tokens) aligned token by token; past it, the
    /// middle is judged whole.
    static let maxCells = 4_000_000

    /// The differing stretches of two token lists, in order: common prefix and suffix first,
    /// then the longest common subsequence of the middle.
    static func gaps(_ s: [Token], _ t: [Token]) -> [(Range<Int>, Range<Int>)] {
        var lo = 0
        while lo < s.count && lo < t.count && s[lo].same(t[lo]) { lo += 1 }
        var hs = s.count, ht = t.count
        while hs > lo && ht > lo && s[hs - 1].same(t[ht - 1]) { hs -= 1; ht -= 1 }
        let n = hs - lo, m = ht - lo
        if n == 0 && m == 0 { return [] }
        if n == 0 || m == 0 || n * m > maxCells { return [(lo..<hs, lo..<ht)] }
        var table = [[Int32]](repeating: [Int32](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = s[lo + i].same(t[lo + j]) ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var out: [(Range<Int>, Range<Int>)] = []
        var i = 0, j = 0, gs = 0, gt = 0
        while i < n || j < m {
            if i < n && j < m && s[lo + i].same(t[lo + j]) && table[i][j] == table[i + 1][j + 1] + 1 {
                if gs < i || gt < j { out.append(((lo + gs)..<(lo + i), (lo + gt)..<(lo + j))) }
                i += 1; j += 1; gs = i; gt = j
            } else if j < m && (i >= n || table[i][j + 1] >= table[i + 1][j]) {
                j += 1
            } else {
                i += 1
            }
        }
        if gs < n || gt < m { out.append(((lo + gs)..<(lo + n), (lo + gt)..<(lo + m))) }
        return out
    }

    /// True when two pieces of code are the same once comments, string contents and
    /// translated text are set aside.
    static func sameCode(_ source: String, _ target: String) -> Bool {
        let s = tokens(source, inline: true), t = tokens(target, inline: true)
        return changedGaps(s, t).isEmpty
    }

    /// The gaps between two token lists (``gaps(_:_:)``) that change the code: not a stretch
    /// ``acceptable(_:_:sourceWords:targetHasText:)`` lets pass, nor, where a locale of the code
    /// is switched (``localeSwitched(_:_:)``), a value naming the reader's region beside it.
    static func changedGaps(_ s: [Token], _ t: [Token]) -> [(Range<Int>, Range<Int>)] {
        let words = sourceWords(s), text = t.contains { $0.kind == .han }
        let all = gaps(s, t), localised = all.contains { localeSwitched(s[$0.0], t[$0.1]) }
        return all.filter { (gs, gt) in
            !(localised && regionChosen(s[gs], t[gt]))
                && (argumentTranslated(s, gs, t, gt) || !acceptable(s[gs], t[gt], sourceWords: words, targetHasText: text))
        }
    }

    /// The first place where the target's code differs from the source's, nil when only
    /// comments, strings and translated text differ.
    static func firstDifference(source: String, target: String) -> Difference? {
        differences(source: source, target: target, limit: 1).first
    }

    /// Each place where the target's code differs from the source's, in order, one per line of
    /// the translation (a line taken out: one per line of the source), at most `limit`; empty
    /// when only comments, strings and translated text differ.
    static func differences(source: String, target: String, limit: Int = .max) -> [Difference] {
        let s = tokens(source), t = tokens(target)
        var out: [Difference] = []
        var sl: [Substring]? = nil, tl: [Substring]? = nil
        for (gs, gt) in changedGaps(s, t) {
            func line(_ tokens: [Token], _ r: Range<Int>) -> Int {
                let comma = r.count > 1 && tokens[r.lowerBound].kind == .symbol && tokens[r.lowerBound].text == ","
                return r.lowerBound < tokens.count ? tokens[r.lowerBound + (comma ? 1 : 0)].line : (tokens.last?.line ?? 0)
            }
            // Code added or taken out inside a line (`<` written `<=`): the line of the code
            // before the gap on the side without it, which the message quotes (code added as
            // lines of its own: the source's next line); lines taken out whole have none.
            // (A comma that ends the line before lines taken out goes with them: `a,` `b` → `a`.)
            func inLine(_ a: [Token], _ ga: Range<Int>, _ b: [Token], _ gb: Range<Int>) -> Int? {
                guard ga.isEmpty, ga.lowerBound > 0, gb.lowerBound > 0, !gb.isEmpty else { return nil }
                let comma = gb.count > 1 && b[gb.lowerBound].kind == .symbol && b[gb.lowerBound].text == ","
                let before = b[gb.lowerBound - 1].line, first = b[gb.lowerBound + (comma ? 1 : 0)].line, last = b[gb.upperBound - 1].line
                let after = gb.upperBound < b.count ? b[gb.upperBound].line : -1
                return first == before || last == after ? a[ga.lowerBound - 1].line : nil
            }
            let sourceInLine = inLine(s, gs, t, gt), targetInLine = inLine(t, gt, s, gs)
            let sourceLine = sourceInLine ?? line(s, gs), targetLine = targetInLine ?? line(t, gt)
            if sl == nil { sl = source.splitLines(); tl = target.splitLines() }
            let d = Difference(sourceLine: sourceLine, targetLine: targetLine,
                               source: sourceLine >= sl!.count ? nil : trimmed(String(sl![sourceLine])),
                               target: (gt.isEmpty && targetInLine == nil) || targetLine >= tl!.count ? nil : trimmed(String(tl![targetLine])))
            // Two changes on one line are one difference (the message quotes the line).
            if let last = out.last, d.target == nil ? last.target == nil && last.sourceLine == d.sourceLine
                : last.target != nil && last.targetLine == d.targetLine { continue }
            out.append(d)
            if out.count >= limit { break }
        }
        return out
    }

    @inline(__always) static func isLetter(_ c: UInt32) -> Bool { c | 0x20 >= 0x61 && c | 0x20 <= 0x7A }
    @inline(__always) static func isIdentifierChar(_ c: UInt32) -> Bool {
        isLetter(c) || (c >= 0x30 && c <= 0x39) || c == 0x5F || c == 0x24
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

    static func trimmed(_ s: String) -> String { s.trimmingCharacters(in: " \t\r") }

    /// Whether two blocks of code hold the same lines, each as often, in any order (spaces at
    /// either end and blank lines aside).
    static func sameLines(_ a: String, _ b: String) -> Bool {
        func lines(_ s: String) -> [String] { s.splitLines().map { trimmed(String($0)) }.filter { !$0.isEmpty }.sorted() }
        return lines(a) == lines(b)
    }

    /// Whether two blocks of code differ only as a formatter lays code out: once comments,
    /// string contents and translated text are set aside (as ``changedGaps(_:_:)`` compares),
    /// every difference is a parenthesis that groups (nothing callable before it, or the last of
    /// its line) or a comma before a closing bracket (`x = (⏎ obj.value⏎)` against `x =
    /// obj.value`, black wrapping a line whose comment grew; `f(a, b,)` against `f(a, b)`), as
    /// many opening as closing.
    static func reflowed(_ a: String, _ b: String) -> Bool {
        let s = tokens(a), t = tokens(b)
        let gaps = changedGaps(s, t)
        guard !gaps.isEmpty else { return false }
        func layout(_ tokens: [Token], _ r: Range<Int>) -> Bool {
            r.allSatisfy { k in
                let x = tokens[k]
                guard x.kind == .symbol else { return false }
                // A parenthesis that groups, not one that calls (`f()`, `print(x)`): nothing
                // callable before it, or the last of its line (black's `if (⏎ a == b⏎):`).
                if x.text == "(" {
                    guard k > 0, k + 1 < tokens.count, tokens[k + 1].line == x.line else { return true }
                    let before = tokens[k - 1]
                    return !(before.kind == .word || before.kind == .number || before.kind == .string
                             || (before.kind == .symbol && [")", "]"].contains(before.text)))
                }
                if x.text == ")" { return true }
                // A comma right before a closing bracket (or before one the gap takes out).
                guard x.text == "," else { return false }
                var n = k + 1
                while n < tokens.count, r.contains(n), tokens[n].kind == .symbol, tokens[n].text == ")" { n += 1 }
                return n < tokens.count && tokens[n].kind == .symbol && [")", "]", "}"].contains(tokens[n].text)
            }
        }
        func parens(_ tokens: [Token], _ ranges: [Range<Int>]) -> (Int, Int) {
            var open = 0, close = 0
            for r in ranges { for k in r where tokens[k].kind == .symbol { if tokens[k].text == "(" { open += 1 } else if tokens[k].text == ")" { close += 1 } } }
            return (open, close)
        }
        let ps = parens(s, gaps.map(\.0)), pt = parens(t, gaps.map(\.1))
        return ps.0 == ps.1 && pt.0 == pt.1 && gaps.allSatisfy { layout(s, $0.0) && layout(t, $0.1) }
    }
}
