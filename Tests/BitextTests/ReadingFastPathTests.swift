import Foundation
import Testing
@testable import BitextMarkdown

/// The reading stage's fast paths, each compared with the plain way it replaces: byte-wise
/// literal matching with matching code point by code point, skipped mask passes with every
/// pass run, byte-wise trimming, string building and URL-text comparison with the
/// `Character`/`String` ways, counting eight bytes at a time with counting one by one.
@Suite struct ReadingFastPathTests {
    typealias Generator = TestGenerator

    // MARK: whole documents

    /// `Unit.plainText(in:excluding:)` writes its UTF-8 straight into a buffer: the text it gives
    /// is what the scalar-by-scalar way gave, for every corpus unit, whole, in halves and with
    /// a middle stretch left out.
    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func plainTextIsTheScalarByScalarText() throws {
        func reference(_ u: BitextMarkdown.Unit, _ range: Range<Int>, _ excluding: [Range<Int>]) -> String {
            var s = String.UnicodeScalarView()
            var pendingSpace = false
            for i in range where !excluding.contains(where: { $0.contains(i) }) {
                let c = u.text[i]
                if u.roles[i].isRead {
                    if c == 0x0A || c == 0x0D { pendingSpace = true; continue }
                    if pendingSpace { pendingSpace = false; if !s.isEmpty && s.last != " " { s.append(" ") } }
                    if let scalar = Unicode.Scalar(c) { s.append(scalar) }
                } else if c == 0x0A {
                    pendingSpace = true
                }
            }
            while s.last == " " { s.removeLast() }
            return String(s)
        }
        var units = 0
        for url in Fixtures.corpusFiles() {
            for u in try Fixtures.document(url).units {
                let n = u.text.count, h = n / 2
                for (r, x) in [(0..<n, []), (0..<h, []), (h..<n, []), (0..<n, [(n / 3)..<(2 * n / 3)])] as [(Range<Int>, [Range<Int>])] {
                    #expect(u.plainText(in: r, excluding: x).utf8.elementsEqual(reference(u, r, x).utf8), "\(url.lastPathComponent) \(u.start)")
                }
                units += 1
            }
        }
        #expect(units > 10_000)
    }

    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func byteMatchingReadsEveryCorpusFileAsCharacterMatchingDoes() throws {
        var units = 0
        for url in Fixtures.corpusFiles() {
            let source = try SourceText(path: url.path, bytes: Array(Data(contentsOf: url)))
            let fast = Document(source)
            let plain = Document.$matchesBytes.withValue(false) { Document(source) }
            #expect(fast.units.count == plain.units.count, "\(url.lastPathComponent)")
            for (a, b) in zip(fast.units, plain.units) {
                #expect(a.text == b.text && a.roles == b.roles && a.links == b.links && a.kind == b.kind
                        && a.start == b.start && a.end == b.end && a.byteRange == b.byteRange
                        && a.lineBreaks == b.lineBreaks && a.section == b.section,
                        "\(url.lastPathComponent) \(a.start)")
                units += 1
            }
            #expect(fast.comments.map(\.body) == plain.comments.map(\.body))
            #expect(fast.codeBlocks.map(\.literal) == plain.codeBlocks.map(\.literal))
        }
        #expect(units > 5000)
    }

    @Test func byteMatchingAgreesOnInlineSyntax() {
        let texts = [
            "普通的**强调**和`代码`，[链接](https://example.com \"标题\") 与 <kbd>Ctrl</kbd>。\n",
            "Escapes \\*not emphasis\\* and &amp; entities &lt;T&gt; here, 中文\\_混排。\n",
            "> 引用里的第一行\n> 第二行 **粗体** ~~删除~~ https://example.org/路径\n",
            "- 列表 ![图片](a.png)\n  续行 <span>内联</span> <!-- 注释 -->\n",
            "| 列 | 值 |\n|---|---|\n| `a|b` | 中文 [x][ref] |\n\n[ref]: https://example.com\n",
            "Footnote[^1] 和 hard  \nbreak\\\n下一行。\n\n[^1]: 脚注 **内容**。\n",
            "Ünïcödé ĉĥàŕś, 𝒳 math $a^2$ and emoji 😀 then 中文。\n",
        ]
        for t in texts {
            let source = SourceText(path: "t.md", text: t)
            let fast = Document(source), plain = Document.$matchesBytes.withValue(false) { Document(source) }
            #expect(fast.units.map(\.roles) == plain.units.map(\.roles), "\(t)")
            #expect(fast.units.map(\.text) == plain.units.map(\.text), "\(t)")
            #expect(fast.units.map(\.links) == plain.units.map(\.links), "\(t)")
        }
    }

    // MARK: masks

    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func skippedMaskPassesChangeNothingOnCorpusUnits() throws {
        var units = 0
        for url in Fixtures.corpusFiles() {
            let doc = try Fixtures.document(url)
            for u in doc.units {
                // The unit's own roles, and all of them prose: two inputs for both ways.
                for start in [u.roles, [Role](repeating: .content, count: u.text.count)] {
                    for heading in [false, true] {
                        for quote in [false, true] {
                            var skipping = start, every = start
                            TextMasks.apply(u.text, &skipping, isHeading: heading, inQuote: quote)
                            TextMasks.apply(u.text, &every, isHeading: heading, inQuote: quote, everyPass: true)
                            #expect(skipping == every, "\(url.lastPathComponent) \(u.start)")
                        }
                    }
                }
                units += 1
            }
        }
        #expect(units > 5000)
    }

    @Test func skippedMaskPassesChangeNothingOnSyntax() {
        let alphabet = ["a", "B", " ", "\n", "中", "!", "?", "=", "\"", "<", ">", "/", "code", "kbd", "{", "}", "#",
                        "%", "$", "\\", "begin{x}", "end{x}", "&", "lt;", "gt;", ":", ":::", "→", "*", "_", "`", "-"]
        var g = Generator(state: 15)
        for _ in 0..<4000 {
            let raw = g.string(from: alphabet, maxLength: 24).unicodeScalars.map(\.value)
            var start = [Role](repeating: .content, count: raw.count)
            for k in start.indices where g.next(5) == 0 { start[k] = [.markup, .structure, .code, .url][g.next(4)] }
            let heading = g.next(2) == 0, quote = g.next(2) == 0
            var skipping = start, every = start
            TextMasks.apply(raw, &skipping, isHeading: heading, inQuote: quote)
            TextMasks.apply(raw, &every, isHeading: heading, inQuote: quote, everyPass: true)
            #expect(skipping == every, "\(makeString(raw))")
            // The presence the decoder reports is the one found from the characters.
            let source = SourceText(path: "t", text: makeString(raw))
            var scratch = DecodeScratch()
            defer { scratch.free() }
            var presence = TextMasks.CharPresence()
            let decoded = source.scalars(0..<source.bytes.count, scratch: &scratch, presence: &presence)
            let found = TextMasks.CharPresence(decoded)
            #expect(decoded == source.scalars(0..<source.bytes.count))
            #expect(presence.arrow == found.arrow && (0..<0x80).allSatisfy { presence.contains($0) == found.contains($0) })
        }
    }

    // MARK: strings

    /// `trimmingASCIISpaces` as it was: over `Character`s.
    static func referenceTrim(_ s: String) -> String {
        var t = Substring(s)
        while let f = t.first, f == " " || f == "\t" || f == "\n" || f == "\r" { t.removeFirst() }
        while let l = t.last, l == " " || l == "\t" || l == "\n" || l == "\r" { t.removeLast() }
        return String(t)
    }

    @Test func byteTrimmingEqualsCharacterTrimming() {
        let tricky = ["", " ", "\r\n", " \r\n x \r\n ", " \u{301}x ", "x \u{301}", "\t\u{301}a\n\u{301}", "\u{600} ",
                      " \u{600}", "a\u{200D} ", " 中文 ", "\n\n注释\n", "\r\r\n", "\n\r"]
        for s in tricky { #expect(s.trimmingASCIISpaces == ReadingFastPathTests.referenceTrim(s), "\(Array(s.unicodeScalars))") }
        let alphabet = [" ", "\t", "\n", "\r", "\r\n", "a", "中", "\u{301}", "\u{600}", "\u{200D}", "😀", "é"]
        var g = Generator(state: 7)
        for _ in 0..<20000 {
            let s = g.string(from: alphabet, maxLength: 10)
            #expect(s.trimmingASCIISpaces == ReadingFastPathTests.referenceTrim(s), "\(Array(s.unicodeScalars))")
        }
    }

    /// `makeString` as it was: byte by byte into an array (its path for storage that is not
    /// contiguous, which a lazy map is not).
    static func referenceMakeString(_ scalars: [UInt32]) -> String {
        makeString(scalars.lazy.map { $0 })
    }

    @Test func makeStringEqualsByteByByteBuilding() {
        let values: [UInt32] = [0, 0x41, 0x7F, 0x80, 0x7FF, 0x800, 0x4E2D, 0xD800, 0xDFFF, 0xE000, 0xFFFF, 0x10000,
                                0x1F600, 0x10FFFF, 0x110000, 0xFFFF_FFFF]
        var g = Generator(state: 3)
        for _ in 0..<5000 {
            let scalars = (0..<g.next(12)).map { _ in values[g.next(values.count)] }
            #expect(makeString(scalars) == ReadingFastPathTests.referenceMakeString(scalars))
            #expect(makeString(scalars[...]) == ReadingFastPathTests.referenceMakeString(scalars))
        }
    }

    /// Link text that is its own URL, as it was decided: by `String` equality.
    static func referenceIsURLText(_ raw: [UInt32], _ roles: [Role], _ destination: String) -> Bool {
        var content: [UInt32] = []
        for x in raw.indices where roles[x] == .content { content.append(raw[x]) }
        let text = makeString(content)
        return !text.isEmpty && (text == destination || "mailto:" + text == destination
            || "http://" + text == destination || "https://" + text == destination)
    }

    @Test func urlTextComparisonEqualsStringComparison() {
        let pieces = ["example.com", "a", "b", "/", "K", "\u{212A}", ";", "\u{37E}", "`", "\u{1FEF}", "中文", "e\u{301}",
                      "\u{E9}", "@", "x.org"]
        let prefixes = ["", "mailto:", "http://", "https://", "ftp://"]
        var g = Generator(state: 11)
        for _ in 0..<20000 {
            let text = g.string(from: pieces, maxLength: 3)
            let destination = prefixes[g.next(prefixes.count)]
                + (g.next(2) == 0 ? text : g.string(from: pieces, maxLength: 3))
            let raw = text.unicodeScalars.map(\.value)
            var roles = [Role](repeating: .content, count: raw.count)
            for k in roles.indices where g.next(6) == 0 { roles[k] = .markup }
            #expect(InlineMapper.isURLText(raw, roles, raw.indices, destination)
                    == ReadingFastPathTests.referenceIsURLText(raw, roles, destination), "\(text) \(destination)")
        }
    }

    // MARK: counting

    @Test func columnsCountedByWordsEqualCountedByBytes() {
        let alphabet = ["a", " ", "é", "中", "😀", "\t", "ab", "中文"]
        var g = Generator(state: 5)
        for _ in 0..<2000 {
            let line = g.string(from: alphabet, maxLength: 40)
            let source = SourceText(path: "t", text: line + "\n" + line)
            let bytes = source.bytes
            for byteColumn in 1...(Array(line.utf8).count + 1) {
                let start = source.lineStarts[1]
                let end = min(start + byteColumn - 1, bytes.count)
                let expected = 1 + bytes[start..<end].filter { $0 & 0xC0 != 0x80 }.count
                #expect(source.column(line: 2, byteColumn: byteColumn) == expected)
            }
            #expect(source.characterCount(0..<bytes.count) == (line + "\n" + line).unicodeScalars.count)
        }
        for _ in 0..<2000 {
            var w: UInt64 = 0
            for _ in 0..<8 { w = w << 8 | UInt64(g.next(256)) }
            let expected = (0..<8).filter { (w >> (8 * UInt64($0))) & 0xC0 == 0x80 }.count
            #expect(continuationBytes(w) == expected)
        }
    }
}
