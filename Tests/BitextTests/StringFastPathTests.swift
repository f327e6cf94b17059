import Foundation
import Testing
@testable import BitextCheck
@testable import BitextText

/// The byte-level shortcuts for `String` (``TextKey``, `scalarsAreCharacters`, `hasAtLeast`,
/// `wordsJoinedBySpaces`, `firstIndex(ofASCII:)`, `containsText`) answer as Swift's and
/// Foundation's Character-level operations do: for every BMP character, alone and beside the
/// characters that compose or join with a neighbour.
@Suite struct StringFastPathTests {
    static let bmp: [Unicode.Scalar] = (0...0xFFFF).compactMap { Unicode.Scalar(UInt32($0)) }
    /// Neighbours that join or compose: combining marks (acute, dot below, kana voicing,
    /// half-width voicing, CJK tone mark), ZWJ, ZWNJ, a variation selector, Hangul jamo, CR, LF,
    /// and ordinary ASCII, Han, kana and full-width characters.
    static let neighbours: [String] = ["\u{301}", "\u{323}", "\u{3099}", "\u{FF9E}", "\u{302A}", "\u{200D}", "\u{200C}",
                                       "\u{FE0F}", "\u{1161}", "\u{11A8}", "\r", "\n", "a", "K", " ", "中", "か", "Ａ"]

    @Test func textKeysAreEqualExactlyWhenStringsAre() {
        var fast = 0
        for c in Self.bmp where c.value != 0 {
            let s = String(c)
            if TextKey.isNFC(s) {
                fast += 1
                #expect(s.precomposedStringWithCanonicalMapping.utf8.elementsEqual(s.utf8), "U+\(String(c.value, radix: 16))")
            }
            // Each string beside its NFD and NFC forms, and the character alone beside all of them
            // (every character the fast way takes; a third of the others, which Foundation decides).
            guard TextKey.isNFC(s) || c.value % 3 == 0 else { continue }
            var forms: [[String]] = []
            for x in [s] + ["\u{301}", "\u{3099}", "中"].flatMap({ [s + $0, $0 + s] }) {
                forms.append([x, x.decomposedStringWithCanonicalMapping, x.precomposedStringWithCanonicalMapping])
            }
            let keys = forms.map { $0.map(TextKey.init) }
            func agree(_ i: Int, _ a: Int, _ j: Int, _ b: Int) {
                let same = keys[i][a] == keys[j][b]
                #expect(same == (forms[i][a] == forms[j][b]), "\(forms[i][a].debugDescription) / \(forms[j][b].debugDescription)")
                if same { #expect(keys[i][a].hashValue == keys[j][b].hashValue) }
            }
            for i in forms.indices {
                for a in 0..<3 { for b in 0..<3 { agree(i, a, i, b) } }
                for b in 0..<3 { agree(0, 0, i, b) }
            }
        }
        #expect(fast > 28_000)
        #expect(TextKey("\u{F9BA}") == TextKey("了"))  // a compatibility ideograph is its unified one
        #expect(TextKey("e\u{301}") == TextKey("é") && TextKey("e\u{301}").text == "e\u{301}")
    }

    @Test func scalarsAreCharactersWhereSwiftSaysSo() {
        var fast = 0
        for c in Self.bmp {
            let s = String(c)
            guard s.scalarsAreCharacters else { continue }
            fast += 1
            for n in Self.neighbours where n.scalarsAreCharacters {
                #expect((s + n).count == 2 && (n + s).count == 2, "U+\(String(c.value, radix: 16)) beside \(n.debugDescription)")
            }
        }
        #expect(fast > 28_000)
        #expect(!"a\r\nb".scalarsAreCharacters && !"e\u{301}".scalarsAreCharacters && "中文 text，标点".scalarsAreCharacters)
    }

    @Test func hasAtLeastCountsAsCountDoes() {
        for s in ["", "a", "ab", "e\u{301}e\u{301}", "\r\n\r\n", "中文", "👍🏽x", "abcdefghij", "abc\u{301}", "中文\u{3099}x",
                  "ab\r\ncd", "ａｂ\u{FF9E}"] {
            for n in 0...12 { #expect(s.hasAtLeast(n) == (s.count >= n), "\(s.debugDescription) \(n)") }
        }
    }

    @Test func wordsJoinedBySpacesIsSplitAndJoin() {
        var texts = ["", "  a  b\t\tc\n", "中文 内容\t很长 ", "a \u{301}b", "x\r\ny", " \n\t ", "词 \u{3099}语"]
        for c in Self.bmp where c.value % 7 == 0 { texts.append(" " + String(c) + " x\t" + String(c)) }
        for t in texts {
            let expected = t.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
            let got = t.wordsJoinedBySpaces()
            #expect(got.text == expected && got.count == expected.count, "\(t.debugDescription)")
        }
    }

    @Test func firstIndexOfASCIIIsFirstIndexOfTheCharacter() {
        let bytes = Array("#/?;`K".utf8)
        for c in Self.bmp where c.value % 3 == 0 || c.value < 0x400 || (c.value >= 0x1FE0 && c.value < 0x2200) {
            let s = String(c)
            for b in bytes {
                let a = String(Unicode.Scalar(b))
                for h in [s + a, "x" + a + s, a + s + a, "ab" + s, s + "cd" + a + "\u{301}" + a] {
                    let got = h.firstIndex(ofASCII: b).map { h.utf8.distance(from: h.startIndex, to: $0) }
                    let expected = h.firstIndex(of: Character(a)).map { h.utf8.distance(from: h.startIndex, to: $0) }
                    #expect(got == expected, "\(h.debugDescription) \(a)")
                }
            }
        }
    }

    @Test func containsTextIsFoundationsContains() {
        let pieces = ["中文", "文", "的", "翻译", "ab", "B", "é", "e\u{301}", "\u{F9BA}", "了", "ｱ", "ｱﾞ", "ア", "", "x y"]
        for h in pieces { for n in pieces { for pre in ["", "中", "a", "\u{301}"] {
            let hay = pre + h + pre + n + h
            #expect(hay.containsText(n) == hay.contains(n), "\(hay.debugDescription) / \(n.debugDescription)")
            #expect(h.containsText(n) == h.contains(n), "\(h.debugDescription) / \(n.debugDescription)")
        } } }
    }

    /// The miner's test for a grammatical character (的, 了…) by scalar answers as the set of
    /// Characters does, for every BMP character and the compatibility ideograph of 了.
    @Test func grammaticalByScalarIsTheCharacterSet() throws {
        let g = try LocaleData.load("zh-Hans").functionCharacters
        let set = g.characters
        var found = 0
        for c in Self.bmp {
            let marked = String(c) + "\u{301}"
            for ch in [Character(c)] + (marked.count == 1 ? [Character(marked)] : []) {
                #expect(g.contains(ch) == set.contains(ch), "U+\(String(c.value, radix: 16))")
                if set.contains(ch) { found += 1 }
            }
        }
        #expect(found >= set.count + 1)  // 了 as U+F9BA too
        #expect(TermMiner.isFragment("的确", g) && TermMiner.isFragment("\u{F9BA}解", g) && !TermMiner.isFragment("=的", g) && !TermMiner.isFragment("模型", g))
    }

    /// The function characters are the locales' (`<id>.function-words.txt`), none in code:
    /// zh-Hant's in its own characters (這, 個), English none (no Han locale).
    @Test func functionCharactersFromTheLocales() throws {
        let hans = try LocaleData.load("zh-Hans").functionCharacters, hant = try LocaleData.load("zh-Hant").functionCharacters
        #expect(hans.characters == Set("的了在是和与或个这那你我们将会被把对从向于也都就要可以中时地得并为来其该此如所等一"))
        #expect(hant.characters.count == hans.characters.count && hant.contains(Character("這")) && hant.contains(Character("個")) && !hans.contains(Character("這")))
        #expect(TermMiner.isFragment("這個", hant) && !TermMiner.isFragment("模型", hant) && !TermMiner.isFragment("這個", hans))
        #expect(try LocaleData.load("en").functionCharacters.isEmpty)
    }

    /// `isFragment` reads the first and last scalars where each scalar is a Character: the
    /// same answer as by Characters, for every BMP character first and last, alone, beside
    /// Han, and followed by a combining mark.
    @Test func fragmentByScalarsIsByCharacters() throws {
        let g = try LocaleData.load("zh-Hans").functionCharacters
        func byCharacters(_ t: String) -> Bool {
            guard let first = t.first, first.asciiValue != 0x3D, let last = t.last else { return false }
            return g.characters.contains(first) || g.characters.contains(last)
        }
        for c in Self.bmp {
            let s = String(c)
            for t in [s, s + "解", "模" + s, s + "\u{301}", "的" + s + "\u{301}", s + s] {
                #expect(TermMiner.isFragment(t, g) == byCharacters(t), "\(t.debugDescription)")
            }
        }
        for t in ["", "=", "=的", "的=", "\u{F9BA}", "解\u{F9BA}", "\r\n的", "的\r\n"] {
            #expect(TermMiner.isFragment(t, g) == byCharacters(t), "\(t.debugDescription)")
        }
    }

    /// The number scanner's table of numerals and number words is the locale's dictionaries.
    @Test func hanFlagsAreTheNumberDictionaries() {
        for id in ["zh-Hans", "zh-Hant", "en"] {
            let nu = try! LocaleData.load(id).numerals
            for c in (0...0x2FFFF).compactMap({ Unicode.Scalar(UInt32($0)) }) {
                let expected: UInt8 = (nu.isNumeral(c.value) ? 1 : 0) | (nu.words[c.value] != nil ? 2 : 0)
                #expect(nu.flag(c.value) == expected, "\(id) U+\(String(c.value, radix: 16))")
            }
        }
    }

    /// `Markup.escape` on bytes gives what escaping scalar by scalar gave, for every BMP character.
    @Test func markupEscapeIsTheScalarByScalarEscape() {
        func reference(_ s: String, _ apostrophe: Bool) -> String {
            var out = ""
            for c in s.unicodeScalars {
                switch c {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'" where apostrophe: out += "&#39;"
                default:
                    let v = c.value
                    if v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D { continue }
                    if v == 0xFFFE || v == 0xFFFF { continue }
                    out.unicodeScalars.append(c)
                }
            }
            return out
        }
        for c in Self.bmp {
            let s = String(c)
            for t in [s, "a" + s + "b", s + "&<>\"'" + s, "中" + s + "\r\n" + s] {
                for apostrophe in [false, true] {
                    #expect(Markup.escape(t, apostrophe: apostrophe).utf8.elementsEqual(reference(t, apostrophe).utf8), "U+\(String(c.value, radix: 16))")
                }
            }
        }
    }

    @Test func isAllASCII() {
        #expect("".isAllASCII && "plain ascii text, longer than eight bytes".isAllASCII)
        #expect(!"ascii then é".isAllASCII && !"中".isAllASCII && !"12345678\u{80}".isAllASCII)
    }
}
