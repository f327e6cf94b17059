/// Marks what cmark leaves as text but a translator does not translate: MDX comments
/// `{/* … */}`, heading ids `{#id}`, math between `$` signs, template tags `{{ … }}` and
/// `{% … %}`, and the fences of VitePress containers (`::: tip`).
enum TextMasks {
    static func apply(_ raw: [UInt32], _ roles: inout [Role], isHeading: Bool) {
        let n = raw.count
        markGrammarLines(raw, &roles)
        var k = 0
        while k < n {
            let c = raw[k]
            if roles[k] == .code || roles[k] == .url || roles[k] == .destination { k += 1; continue }
            if c == 0x7B && k + 1 < n {  // {
                let d = raw[k + 1]
                if d == 0x2F && k + 2 < n && raw[k + 2] == 0x2A, let e = find([0x2A, 0x2F, 0x7D], raw, from: k + 3) {
                    mark(&roles, k..<(e + 3), .structure); k = e + 3; continue
                }
                if (d == 0x7B || d == 0x25), let e = find([d == 0x7B ? 0x7D : 0x25, 0x7D], raw, from: k + 2) {
                    mark(&roles, k..<(e + 2), .markup); k = e + 2; continue
                }
                if d == 0x23 && isHeading, let e = find([0x7D], raw, from: k + 2),
                   raw[(e + 1)...].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x23 || $0 == 0x0D || $0 == 0x0A }) {
                    mark(&roles, k..<(e + 1), .structure); k = e + 1; continue
                }
            }
            if c == 0x3C && roles[k] == .content, let e = jsxTagEnd(raw, from: k) {  // <Component …>
                mark(&roles, k..<e, .markup); k = e; continue
            }
            if c == 0x24 && roles[k] == .content, let e = mathEnd(raw, roles, from: k) {  // $
                mark(&roles, k..<e, .math); k = e; continue
            }
            if c == 0x3A && (k == 0 || raw[k - 1] == 0x0A) && k + 2 < n && raw[k + 1] == 0x3A && raw[k + 2] == 0x3A {
                // ::: name (the fence and the container's type are syntax; a custom title is text)
                var e = k
                while e < n && raw[e] == 0x3A { e += 1 }
                while e < n && raw[e] == 0x20 { e += 1 }
                while e < n && raw[e] != 0x20 && raw[e] != 0x0A && raw[e] < 0x80 { e += 1 }
                mark(&roles, k..<e, .structure); k = e; continue
            }
            k += 1
        }
    }

    /// Lines of a formal grammar (`*statement* → *expression* …`, as in the Swift book) are
    /// notation, not prose: their text becomes code.
    static func markGrammarLines(_ raw: [UInt32], _ roles: inout [Role]) {
        guard raw.contains(0x2192) else { return }  // →
        var start = 0
        let n = raw.count
        while start < n {
            var end = start
            while end < n && raw[end] != 0x0A { end += 1 }
            var k = start
            // Skip quote markers, spaces and emphasis, then expect `name` and `→`.
            while k < end && (raw[k] == 0x20 || raw[k] == 0x3E || roles[k] == .structure) { k += 1 }
            var sawName = false
            while k < end {
                let c = raw[k]
                if c == 0x2A || c == 0x5F || c == 0x2D || c == 0x20 || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || (c >= 0x30 && c <= 0x39) {
                    if c != 0x20 && c != 0x2A { sawName = true }
                    k += 1
                    continue
                }
                break
            }
            if sawName && k < end && raw[k] == 0x2192 {
                for x in start..<end where roles[x] == .content { roles[x] = .code }
            }
            start = end + 1
        }
    }

    /// The end (exclusive) of a JSX/HTML tag that cmark left as text (`<Fragment>`, `<>`,
    /// `<img … style={{…}} />`), or nil.
    private static func jsxTagEnd(_ raw: [UInt32], from k: Int) -> Int? {
        let n = raw.count
        var i = k + 1
        guard i < n else { return nil }
        if raw[i] == 0x2F { i += 1 }  // </
        guard i < n else { return nil }
        if raw[i] == 0x3E { return i + 1 }  // <> or </>
        guard (raw[i] | 0x20) >= 0x61 && (raw[i] | 0x20) <= 0x7A else { return nil }
        var braces = 0
        var quote: UInt32? = nil
        let limit = min(n, k + 400)
        while i < limit {
            let c = raw[i]
            if let q = quote { if c == q { quote = nil }; i += 1; continue }
            if c == 0x7B { braces += 1 } else if c == 0x7D { braces -= 1 }
            else if (c == 0x22 || c == 0x27) && (braces > 0 || raw[i - 1] == 0x3D) { quote = c }
            else if c == 0x3E && braces <= 0 { return i + 1 }
            else if c == 0x3C && braces <= 0 { return nil }
            i += 1
        }
        return nil
    }

    private static func mark(_ roles: inout [Role], _ r: Range<Int>, _ role: Role) {
        for x in r { roles[x] = role }
    }

    private static func find(_ pattern: [UInt32], _ raw: [UInt32], from: Int) -> Int? {
        var k = from
        let n = raw.count
        let limit = min(n, from + 2000)
        while k + pattern.count <= limit {
            if raw[k] == pattern[0] {
                var ok = true
                for (o, p) in pattern.enumerated().dropFirst() where raw[k + o] != p { ok = false; break }
                if ok { return k }
            }
            k += 1
        }
        return nil
    }

    /// The end (exclusive) of `$…$` or `$$…$$` math starting at `k`: the opening `$` is followed
    /// by a non-space, the closing one preceded by a non-space and not followed by a digit, on
    /// the same line (display math may span lines).
    private static func mathEnd(_ raw: [UInt32], _ roles: [Role], from k: Int) -> Int? {
        let n = raw.count
        let display = k + 1 < n && raw[k + 1] == 0x24
        let open = display ? k + 2 : k + 1
        guard open < n, raw[open] != 0x20, raw[open] != 0x0A, raw[open] != 0x24 || display else { return nil }
        var e = open
        let limit = min(n, open + 1000)
        while e < limit {
            let c = raw[e]
            if c == 0x0A && !display { return nil }
            if c == 0x24 && raw[e - 1] != 0x5C {
                if display {
                    if e + 1 < n && raw[e + 1] == 0x24 { return e + 2 }
                    return nil
                }
                if raw[e - 1] == 0x20 { return nil }
                if e + 1 < n && raw[e + 1] >= 0x30 && raw[e + 1] <= 0x39 { return nil }
                return e + 1
            }
            e += 1
        }
        return nil
    }
}
