import BitextMarkdown

/// Code written in running text without backticks: an endpoint's path in a heading
/// (`POST /v1/invoices/{id}/void`), a team's handle (`@acme/maintainers`), a file's path
/// (`docs/triagers/list.md`), a snake_case setting (`max_retries`). Prose never writes such a
/// word, so the translation keeps it as the source wrote it; one written otherwise by a letter or
/// two (`/v1/invoice/{id}/void`) is code changed, as a span changed is (`code-mismatch`).
///
/// A word here is a run of printable ASCII in prose (not in a code span, link or markup), its
/// opening and closing punctuation trimmed. Code-shaped: a path that starts with `/`, `./`,
/// `../`, `~/` or a handle's `@`, or holds two slashes between names (one slash between two
/// words, `and/or`, `JavaScript/TypeScript`, is prose); a route's `{param}`; a name with an
/// inner underscore between letters or digits.
enum BareCode {
    struct Word: Equatable {
        var range: Range<Int>
        var text: [UInt32]
    }

    /// The code-shaped words of the prose of `u`.
    static func words(_ u: Unit) -> [Word] {
        var out: [Word] = []
        let text = u.text, roles = u.roles
        var i = 0
        while i < text.count {
            guard roles[i] == .content, isWordScalar(text[i]) else { i += 1; continue }
            var j = i
            while j < text.count && roles[j] == .content && isWordScalar(text[j]) { j += 1 }
            var lo = i, hi = j
            while lo < hi && opening(text[lo]) { lo += 1 }
            while hi > lo && closing(text[hi - 1], text[lo..<hi]) { hi -= 1 }
            if lo < hi {
                let w = Array(text[lo..<hi])
                if isCodeShaped(w) { out.append(Word(range: lo..<hi, text: w)) }
            }
            i = j
        }
        return out
    }

    @inline(__always) static func isWordScalar(_ c: UInt32) -> Bool { c > 0x20 && c < 0x7F }
    @inline(__always) static func isNameScalar(_ c: UInt32) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }

    /// Punctuation that opens a word of prose: brackets and quotes (a route's `{` stays).
    static func opening(_ c: UInt32) -> Bool {
        c == 0x28 || c == 0x5B || c == 0x22 || c == 0x27 || c == 0x3C || c == 0x2A
    }

    /// Punctuation that closes a word of prose: a sentence's signs and quotes, and a closing
    /// bracket the word does not open (`(see /api/v1)`).
    static func closing(_ c: UInt32, _ word: ArraySlice<UInt32>) -> Bool {
        switch c {
        case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x22, 0x27, 0x3E, 0x2A: return true
        case 0x29: return !word.contains(0x28)
        case 0x5D: return !word.contains(0x5B)
        default: return false
        }
    }

    static func isCodeShaped(_ w: [UInt32]) -> Bool {
        guard w.contains(where: isNameScalar), !w.contains(0x3A) || !hasScheme(w) else { return false }
        let slash: UInt32 = 0x2F
        // A path from the root, the current or parent folder, the home folder; a handle's team.
        if w.first == slash && w.count > 1 && isNameScalar(w[1]) { return true }
        if w.starts(with: [0x2E, slash]) || w.starts(with: [0x2E, 0x2E, slash]) || w.starts(with: [0x7E, slash]) { return true }
        if w.first == 0x40 && w.contains(slash) { return true }
        // Two slashes between names.
        var slashes = 0
        for k in w.indices where w[k] == slash && k > 0 && k + 1 < w.count && isNameScalar(w[k - 1]) && isNameScalar(w[k + 1]) {
            slashes += 1
        }
        if slashes >= 2 { return true }
        // A route's parameter.
        if let open = w.firstIndex(of: 0x7B), let close = w[open...].firstIndex(of: 0x7D), close > open + 1,
           w[(open + 1)..<close].allSatisfy({ isNameScalar($0) || $0 == 0x5F }) { return true }
        // snake_case.
        for k in w.indices where w[k] == 0x5F && k > 0 && k + 1 < w.count && isNameScalar(w[k - 1]) && isNameScalar(w[k + 1]) {
            return true
        }
        return false
    }

    /// A URL (`https://…`): the link rules' to compare.
    static func hasScheme(_ w: [UInt32]) -> Bool {
        guard let colon = w.firstIndex(of: 0x3A), colon > 0 else { return false }
        return w[..<colon].allSatisfy { isNameScalar($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E }
            && w[colon...].starts(with: [0x3A, 0x2F, 0x2F])
    }

    /// Pairs of a source word and a translation's word that is the same code written otherwise:
    /// the translation's word is no code the source writes (bare or in a span), the source's
    /// word is not in the translation, the two are one or two edits apart (one from up to eight
    /// characters), not only a locale switched (`/en/guide` → `/zh/guide`), and each is the
    /// other's nearest. `sourceCode` and `targetCode` hold every code the units write, bare or in
    /// spans.
    static func changed(source: [(unit: Int, word: Word)], target: [(unit: Int, word: Word)],
                        sourceCode: Set<[UInt32]>, targetCode: Set<[UInt32]>)
        -> [(source: (unit: Int, word: Word), target: (unit: Int, word: Word))] {
        let candidates = source.filter { !targetCode.contains($0.word.text) }
        var used = Set<Int>()
        var out: [(source: (unit: Int, word: Word), target: (unit: Int, word: Word))] = []
        for t in target where !sourceCode.contains(t.word.text) {
            let limit = t.word.text.count > 8 ? 2 : 1
            var best: (index: Int, distance: Int)? = nil
            for (k, s) in candidates.enumerated() where !used.contains(k) {
                let d = KeptTextRule.editDistance(s.word.text, t.word.text, limit: limit)
                if d <= limit && d < (best?.distance ?? Int.max) { best = (k, d) }
            }
            guard let b = best else { continue }
            let s = candidates[b.index]
            if localeSwitched(s.word.text, t.word.text) { continue }
            used.insert(b.index)
            out.append((s, t))
        }
        return out
    }

    /// The word of capitals right before a path, one space between (`DELETE /v2/keys/{id}`: an
    /// HTTP method, a command's verb), three letters at least: part of that code line.
    static func verb(_ u: Unit, before w: Word) -> Range<Int>? {
        let t = u.text
        guard t[w.range.lowerBound] == 0x2F, w.range.lowerBound >= 4, t[w.range.lowerBound - 1] == 0x20 else { return nil }
        let hi = w.range.lowerBound - 1
        var lo = hi
        while lo > 0 && t[lo - 1] >= 0x41 && t[lo - 1] <= 0x5A && u.roles[lo - 1] == .content { lo -= 1 }
        guard hi - lo >= 3, lo == 0 || !isWordScalar(t[lo - 1]) else { return nil }
        return lo..<hi
    }

    /// A path the translation writes as the source does, after another word of capitals than
    /// any the source writes before that path (`DELETE /v2/keys/{id}` → `POST /v2/keys/{id}`):
    /// the translation's verb and the source's (the first, when it writes several).
    static func verbsChanged(source: [(unit: Int, word: Word)], target: [(unit: Int, word: Word)],
                             sourceUnit: (Int) -> Unit, targetUnit: (Int) -> Unit)
        -> [(source: (unit: Int, verb: Range<Int>), target: (unit: Int, verb: Range<Int>))] {
        var out: [(source: (unit: Int, verb: Range<Int>), target: (unit: Int, verb: Range<Int>))] = []
        for t in target where t.word.text.first == 0x2F {
            let tu = targetUnit(t.unit)
            guard let tv = verb(tu, before: t.word) else { continue }
            let verbs = source.filter { $0.word.text == t.word.text }.compactMap { s -> (unit: Int, verb: Range<Int>)? in
                verb(sourceUnit(s.unit), before: s.word).map { (s.unit, $0) }
            }
            guard let first = verbs.first,
                  !verbs.contains(where: { sourceUnit($0.unit).text[$0.verb].elementsEqual(tu.text[tv]) }) else { continue }
            out.append((first, (t.unit, tv)))
        }
        return out
    }

    /// The two differ only in a locale's name (`/en/` → `/zh/`, `en_US` → `zh_CN`): the page localised.
    static func localeSwitched(_ a: [UInt32], _ b: [UInt32]) -> Bool {
        var lo = 0
        while lo < a.count && lo < b.count && a[lo] == b[lo] { lo += 1 }
        var ha = a.count, hb = b.count
        while ha > lo && hb > lo && a[ha - 1] == b[hb - 1] { ha -= 1; hb -= 1 }
        // Widen the differing part to the name it lies in.
        func isPart(_ c: UInt32) -> Bool { isNameScalar(c) || c == 0x2D || c == 0x5F }
        var la = lo, lb = lo
        while la > 0 && isPart(a[la - 1]) { la -= 1 }
        while lb > 0 && isPart(b[lb - 1]) { lb -= 1 }
        while ha < a.count && isPart(a[ha]) { ha += 1 }
        while hb < b.count && isPart(b[hb]) { hb += 1 }
        guard la < ha, lb < hb else { return false }
        return CodeMismatchRule.holdsLocale(makeString(a[la..<ha])) && CodeMismatchRule.holdsLocale(makeString(b[lb..<hb]))
    }
}
