import Foundation

/// Small string helpers the other modules share.

extension StringProtocol {
    /// Without the given characters at either end.
    public func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }

    /// Without spaces at either end.
    public var trimmingSpaces: String { trimmingCharacters(in: " ") }
}

extension StringProtocol where SubSequence == Substring {
    /// The text's lines: split at each line feed and at each CR LF, whose CR is not kept. A CR LF
    /// is one Character in Swift, which `split(separator: "\n")` never splits at: a file with
    /// Windows line ends would be one line. A lone CR stays in its line. Without a CR in the
    /// text, split on the byte (a line feed is always a Character of its own).
    public func splitLines(omittingEmptySubsequences: Bool = false) -> [Substring] {
        let whole = self[...]
        // Line feeds found with memchr in the contiguous UTF-8, when there is no CR.
        let fast = whole.utf8.withContiguousStorageIfAvailable { b -> [Substring]? in
            guard let base = b.baseAddress else { return omittingEmptySubsequences ? [] : [whole] }
            guard memchr(base, 0x0D, b.count) == nil else { return nil }
            var out: [Substring] = []
            let u = whole.utf8
            var start = 0
            func piece(_ end: Int) {
                guard end > start || !omittingEmptySubsequences else { return }
                out.append(Substring(u[u.index(u.startIndex, offsetBy: start)..<u.index(u.startIndex, offsetBy: end)]))
            }
            while start <= b.count, let p = memchr(base + start, 0x0A, b.count - start) {
                let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(p))
                piece(at)
                start = at + 1
            }
            piece(b.count)
            return out
        }
        if let lines = fast ?? nil { return lines }
        return split(omittingEmptySubsequences: omittingEmptySubsequences) { $0 == "\n" || $0 == "\r\n" }
    }
}

/// Escaping for XML 1.0 and HTML text and quoted attributes.
public enum Markup {
    /// `&`, `<`, `>` and `"` escaped (and `'` with `apostrophe`, for HTML); characters XML 1.0
    /// cannot hold (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF) dropped.
    public static func escape(_ s: String, apostrophe: Bool = false) -> String {
        // On the UTF-8 bytes: what is escaped or dropped is ASCII, or U+FFFE and U+FFFF, whose
        // encodings EF BF BE and EF BF BF are nothing else in valid UTF-8.
        func run(_ u: UnsafeBufferPointer<UInt8>) -> String {
            let n = u.count
            var k = 0
            while k < n {
                let b = u[k]
                if b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || (b == 0x27 && apostrophe) || b == 0xEF
                    || (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) { break }
                k += 1
            }
            if k == n { return s }  // nothing to escape: the string itself
            var out: [UInt8] = Array(u[0..<k])
            out.reserveCapacity(n + 16)
            func add(_ t: StaticString) { out.append(contentsOf: UnsafeBufferPointer(start: t.utf8Start, count: t.utf8CodeUnitCount)) }
            while k < n {
                let b = u[k]
                switch b {
                case 0x26: add("&amp;")
                case 0x3C: add("&lt;")
                case 0x3E: add("&gt;")
                case 0x22: add("&quot;")
                case 0x27 where apostrophe: add("&#39;")
                case 0xEF where k + 2 < n && u[k + 1] == 0xBF && (u[k + 2] == 0xBE || u[k + 2] == 0xBF):
                    k += 3
                    continue
                default:
                    if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D { break }
                    out.append(b)
                }
                k += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
        if let r = s.utf8.withContiguousStorageIfAvailable(run) { return r }
        return Array(s.utf8).withUnsafeBufferPointer(run)
    }
}

/// Foundation's answers to two string questions bitext asks per unit, without Foundation where
/// the answer cannot differ (Foundation's `contains` and `trimmingCharacters` go through
/// NSString, UTF-16 copies and canonical-equivalence folding: a fifth of `check` before).
public enum FoundationText {
    /// Foundation's `CharacterSet.whitespaces` (on Linux): general category Zs, tab and
    /// U+200B zero width space.
    @inline(__always)
    public static func isHorizontalSpace(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || v == 0x09 }
        return v == 0xA0 || v == 0x1680 || (v >= 0x2000 && v <= 0x200B) || v == 0x202F || v == 0x205F || v == 0x3000
    }

    /// `s.trimmingCharacters(in: .whitespaces)`.
    public static func trimmingWhitespaces(_ s: String) -> String {
        // Most strings start and end with an ASCII byte that is no space or tab: nothing to
        // trim, known without decoding scalars (the last one backwards).
        let utf8 = s.utf8
        if let f = utf8.first, let l = utf8.last, f < 0x80, l < 0x80, f != 0x20, f != 0x09, l != 0x20, l != 0x09 { return s }
        let scalars = s.unicodeScalars
        guard let f = scalars.first, let l = scalars.last else { return s }
        if !isHorizontalSpace(f.value) && !isHorizontalSpace(l.value) { return s }
        var lo = scalars.startIndex, hi = scalars.endIndex
        while lo < hi && isHorizontalSpace(scalars[lo].value) { lo = scalars.index(after: lo) }
        while hi > lo && isHorizontalSpace(scalars[scalars.index(before: hi)].value) { hi = scalars.index(before: hi) }
        return String(scalars[lo..<hi])
    }

    /// Scalars that Foundation's non-literal search compares as themselves: ASCII and the
    /// CJK ideographs, kana-free CJK punctuation, general punctuation, full-width forms, arrows,
    /// box drawing, dingbats and emoji that have no canonical decomposition and never join the
    /// character before or after them (tested against Foundation for every one of them).
    @inline(__always)
    public static func isPlainScalar(_ v: UInt32) -> Bool {
        // NUL is not: Foundation finds "\0\0" in "\0".
        if v < 0x80 { return v != 0 }
        if v < 0x10000 {
            return (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x3000 && v <= 0x3029)
                || (v >= 0x3030 && v <= 0x303F) || (v >= 0xFF01 && v <= 0xFF5E) || (v >= 0x2010 && v <= 0x2027)
                || v == 0xB7 || (v >= 0x2190 && v <= 0x21FF) || (v >= 0x2500 && v <= 0x257F) || (v >= 0x2600 && v <= 0x27BF)
        }
        // Emoji, without skin-tone modifiers (which join the emoji before them) and regional indicators.
        return (v >= 0x1F300 && v <= 0x1F3FA) || (v >= 0x1F400 && v <= 0x1F64F) || (v >= 0x1F680 && v <= 0x1F6FF)
            || (v >= 0x1F900 && v <= 0x1F9FF)
    }

    /// True when every scalar of `s` is plain (``isPlainScalar(_:)``).
    public static func isPlain(_ s: String) -> Bool {
        var copy = s
        let ascii = copy.withUTF8 { b -> Bool in
            var i = 0
            if let base = UnsafeRawPointer(b.baseAddress) {
                while i + 8 <= b.count {
                    let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    // A byte of 0x80 or more, or a zero byte: the scalar-by-scalar check.
                    if (w | ((w &- 0x0101_0101_0101_0101) & ~w)) & 0x8080_8080_8080_8080 != 0 { return false }
                    i += 8
                }
            }
            while i < b.count { if b[i] >= 0x80 || b[i] == 0 { return false }; i += 1 }
            return true
        }
        if ascii { return true }
        return s.unicodeScalars.allSatisfy { isPlainScalar($0.value) }
    }

    /// `haystack.contains(needle)` as Foundation answers it (`range(of:)`: canonical
    /// equivalence, whole characters). A byte search when both are plain and the needle neither
    /// starts with a line feed nor ends with a carriage return (a CR LF pair is one character);
    /// Foundation otherwise. `plainHaystack`: the caller already knows `isPlain(haystack)`.
    public static func contains(_ haystack: String, _ needle: String, plainHaystack: Bool? = nil) -> Bool {
        let n = needle.utf8
        guard let first = n.first, let last = n.last else { return haystack.range(of: needle) != nil }
        if first != 0x0A && last != 0x0D && (plainHaystack ?? isPlain(haystack)) && isPlain(needle) {
            return bytesContain(haystack, needle)
        }
        if mayNotContain(haystack, needle) { return false }
        return haystack.range(of: needle) != nil
    }

    /// True when Foundation cannot find `needle` in `haystack`: an ASCII needle whose bytes
    /// are not in the haystack, which has no NUL and none of the three characters canonically
    /// equivalent to an ASCII one (U+037E ;, U+1FEF `, U+212A K) — Foundation compares whole characters,
    /// and no other character is equivalent to ASCII alone (tested for every BMP character).
    /// False means "ask Foundation".
    public static func mayNotContain(_ haystack: String, _ needle: String) -> Bool {
        let n = needle.utf8
        guard let first = n.first, let last = n.last, first != 0x0A, last != 0x0D, n.allSatisfy({ $0 < 0x80 && $0 != 0 }) else { return false }
        if bytesContain(haystack, needle) { return false }
        var h = haystack
        return h.withUTF8 { hasNoASCIIEquivalent($0) }
    }

    /// True when UTF-8 text holds no NUL and none of the three characters canonically
    /// equivalent to an ASCII one (U+037E, U+1FEF, U+212A): in such text Foundation finds an
    /// ASCII needle only where its bytes are (see ``mayNotContain(_:_:)``).
    static func hasNoASCIIEquivalent(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        if b.last == 0 { return false }
        // Eight bytes at a time where they are ASCII without NUL (most of any code).
        guard let base = UnsafeRawPointer(b.baseAddress) else { return true }
        while i + 1 < b.count {
            // The next eight bytes, or what is left, one by one.
            var stop = b.count
            if i + 8 <= b.count {
                let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if (w | ((w &- 0x0101_0101_0101_0101) & ~w)) & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
                stop = i + 8
            }
            while i < stop && i + 1 < b.count {
                switch b[i] {
                case 0: return false
                case 0xCD where b[i + 1] == 0xBE: return false
                case 0xE1 where b[i + 1] == 0xBF && i + 2 < b.count && b[i + 2] == 0xAF: return false
                case 0xE2 where b[i + 1] == 0x84 && i + 2 < b.count && b[i + 2] == 0xAA: return false
                default: i += 1
                }
            }
        }
        return true
    }

    /// Whether an ASCII needle (no NUL, not starting with a line feed nor ending with a carriage
    /// return) has a byte occurrence in `haystack` that Foundation must accept: one whose
    /// neighbouring scalars (or the text's ends) are plain (``isPlainScalar(_:)``). Plain scalars
    /// compare as themselves and never join the character before or after them, so such an
    /// occurrence lies on whole characters. nil: no byte occurrence at all; false: occurrences,
    /// each beside a scalar that may join it (a combining mark after it, a prepended mark
    /// before it): only Foundation can tell. For a haystack with ``hasNoASCIIEquivalent(_:)``,
    /// where Foundation finds the needle only at its bytes, true means Foundation's
    /// `range(of:)` finds it, without its UTF-16 copy of the whole haystack.
    static func plainBoundedOccurrence(_ haystack: String, _ needle: String) -> Bool? {
        guard !needle.isEmpty else { return nil }
        var h = haystack, nd = needle
        var found = false
        let plain = h.withUTF8 { hb in
            nd.withUTF8 { nb in
                someByteOccurrence(hb, nb) { at in
                    found = true
                    return isPlainBefore(hb, at) && isPlainAt(hb, at + nb.count)
                }
            }
        }
        return plain ? true : found ? false : nil
    }

    /// The longest stretch of a needle's bytes that Foundation can only find as those bytes, in
    /// a text with ``hasNoASCIIEquivalent(_:)``: a run of ASCII (no NUL) without its last
    /// character when a non-ASCII scalar follows it (that character may be the base of a
    /// composed one, `e` + U+0301 found as `é`). Every other ASCII character of the needle is a
    /// character of its own that only itself is equivalent to, so where Foundation finds the
    /// needle the run's bytes are. nil when the needle is ASCII or has no such run.
    static func literalASCIIRun(_ needle: String) -> String? {
        let u = Array(needle.utf8)
        guard u.contains(where: { $0 >= 0x80 }) else { return nil }
        var best = 0..<0
        var i = 0
        while i < u.count {
            guard u[i] < 0x80 && u[i] != 0 else { i += 1; continue }
            var j = i
            while j < u.count && u[j] < 0x80 && u[j] != 0 { j += 1 }
            let end = j < u.count && u[j] >= 0x80 ? j - 1 : j
            if end - i > best.count { best = i..<end }
            i = j
        }
        return best.isEmpty ? nil : String(decoding: u[best], as: UTF8.self)
    }

    /// The scalar ending just before byte `i` of valid UTF-8 is plain (true at the start).
    private static func isPlainBefore(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        if i == 0 { return true }
        if b[i - 1] < 0x80 { return b[i - 1] != 0 }
        var lead = i - 1
        while lead > 0 && b[lead] & 0xC0 == 0x80 && i - lead < 4 { lead -= 1 }
        return isPlainAt(b, lead)
    }

    /// The scalar starting at byte `i` of valid UTF-8 is plain (true at the end).
    private static func isPlainAt(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        if i >= b.count { return true }
        let x = UInt32(b[i])
        if x < 0x80 { return x != 0 }
        let (length, initial): (Int, UInt32) = x >= 0xF0 ? (4, x & 0x07) : x >= 0xE0 ? (3, x & 0x0F) : (2, x & 0x1F)
        guard i + length <= b.count else { return false }
        var v = initial
        for k in 1..<length { v = v << 6 | UInt32(b[i + k] & 0x3F) }
        return isPlainScalar(v)
    }

    /// UTF-8 byte search (callers ensure it means what Foundation means, or want the bytes).
    public static func bytesContain(_ haystack: String, _ needle: String) -> Bool {
        var h = haystack, nd = needle
        return h.withUTF8 { hb in nd.withUTF8 { nb in someByteOccurrence(hb, nb) { _ in true } } }
    }

    /// Calls `body` with the offset of each occurrence of `needle`'s bytes in `haystack`, in
    /// order, until it answers true; an empty needle occurs (at 0). The needle's first byte is
    /// found with memchr (word-at-a-time over long texts), the rest compared with memcmp.
    static func someByteOccurrence(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>,
                                   _ body: (Int) -> Bool) -> Bool {
        let m = needle.count, count = haystack.count
        if m == 0 { return body(0) }
        guard m <= count, let hp = haystack.baseAddress, let np = needle.baseAddress else { return false }
        let f = Int32(np[0])
        var i = 0
        while i + m <= count {
            guard let p = memchr(hp + i, f, count - m + 1 - i) else { return false }
            let at = UnsafeRawPointer(hp).distance(to: UnsafeRawPointer(p))
            if memcmp(hp + at + 1, np + 1, m - 1) == 0 && body(at) { return true }
            i = at + 1
        }
        return false
    }
}

extension String {
    /// True when every byte of the string is ASCII.
    public var isAllASCII: Bool {
        if let r = utf8.withContiguousStorageIfAvailable({ p -> Bool in
            var k = 0
            while k + 8 <= p.count {
                if UnsafeRawPointer(p.baseAddress! + k).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                k += 8
            }
            while k < p.count { if p[k] >= 0x80 { return false }; k += 1 }
            return true
        }) { return r }
        return utf8.allSatisfy { $0 < 0x80 }
    }

    /// The first Character that is the ASCII character `byte`, as `firstIndex(of:)` finds it,
    /// without comparing Character by Character: such a Character holds that byte (but for `;`,
    /// `` ` `` and `K`, which U+037E, U+1FEF and U+212A are canonically equivalent to: those
    /// take the slow way), and in an all-ASCII string each byte is a Character of its own.
    public func firstIndex(ofASCII byte: UInt8) -> String.Index? {
        if byte == 0x3B || byte == 0x60 || byte == 0x4B { return firstIndex(of: Character(Unicode.Scalar(byte))) }
        guard let i = utf8.firstIndex(of: byte) else { return nil }
        if isAllASCII { return i }
        return firstIndex(of: Character(Unicode.Scalar(byte)))
    }

    /// Foundation's `contains(_:)` (a search by Characters, canonically equivalent text
    /// matching), done as a byte search when both strings are text whose every scalar is a
    /// Character that normalisation never changes: there the two searches find the same.
    public func containsText(_ other: String) -> Bool {
        guard !other.isEmpty, !isEmpty, scalarsAreCharacters, other.scalarsAreCharacters else { return contains(other) }
        let n = utf8.count, k = other.utf8.count
        guard k <= n else { return false }
        if let r = utf8.withContiguousStorageIfAvailable({ h in
            other.utf8.withContiguousStorageIfAvailable { p -> Bool in
                let first = p[0]
                var i = 0
                while i + k <= n {
                    if h[i] == first && memcmp(h.baseAddress! + i, p.baseAddress!, k) == 0 { return true }
                    i += 1
                }
                return false
            }
        }), let found = r {
            return found
        }
        return contains(other)
    }

    /// True when the string has at least `n` Characters, without counting past the `n`th.
    public func hasAtLeast(_ n: Int) -> Bool {
        if n <= 0 { return true }
        if utf8.count < n { return false }  // a Character takes one byte at least
        // Scalars that are Characters of their own (``scalarsAreCharacters``) are counted
        // without the grapheme rules, up to the first that is not.
        var k = 0, other = false
        for u in unicodeScalars {
            guard String.isOwnCharacter(u.value) else { other = true; break }
            k += 1
            if k >= n { return true }
        }
        if !other { return false }
        k = 0
        for _ in self {
            k += 1
            if k >= n { return true }
        }
        return false
    }

    /// True when every Unicode scalar of the string is a Character of its own, so that what is
    /// true of its scalars is true of its Characters: no scalar the grapheme rules join to its
    /// neighbour. Decided from the scalars normalisation leaves alone (``TextKey/isStableScalar(_:)``),
    /// none of which joins a neighbour but CR (CR LF is one Character) and the half-width voicing
    /// marks U+FF9E and U+FF9F (which extend the character before); other text answers false.
    public var scalarsAreCharacters: Bool {
        unicodeScalars.allSatisfy { String.isOwnCharacter($0.value) }
    }

    /// A scalar that is a Character of its own wherever it stands (see ``scalarsAreCharacters``).
    @inline(__always)
    static func isOwnCharacter(_ c: UInt32) -> Bool {
        TextKey.isStableScalar(c) && c != 0x0D && c != 0xFF9E && c != 0xFF9F
    }

    /// The words of the string (split at spaces, tabs and line feeds, empty words left out)
    /// joined by one space, and their number of Characters: what
    /// `split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")`
    /// and its `count` give, done on the bytes when every scalar is a Character of its own.
    public func wordsJoinedBySpaces() -> (text: String, count: Int) {
        guard scalarsAreCharacters else {
            let text = split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
            return (text, text.count)
        }
        var copy = self
        return copy.withUTF8 { bytes in
            var count = 0
            let text = String(unsafeUninitializedCapacity: bytes.count) { out in
                var m = 0, pendingSpace = false
                for b in bytes {
                    if b == 0x20 || b == 0x09 || b == 0x0A {
                        pendingSpace = m > 0
                        continue
                    }
                    if pendingSpace { out[m] = 0x20; m += 1; count += 1; pendingSpace = false }
                    out[m] = b
                    m += 1
                    if b & 0xC0 != 0x80 { count += 1 }  // a scalar's first byte: a Character here
                }
                return m
            }
            return (text, count)
        }
    }
}
