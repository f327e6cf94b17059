import Foundation
import Testing
@testable import BitextAlign

/// The faster paths of `align --segmented` keep the behaviour of the slower ones they replaced.
@Suite struct AlignSpeedTests {
    /// The line reader's rule, written the slow way: split at every line feed, a carriage
    /// return at a line's end dropped, one empty last line dropped, nil when not UTF-8. (Before
    /// it worked on bytes it used Foundation's `components(separatedBy: "\n")`, which does not
    /// split a CRLF: a Windows file was one line.)
    static func linesSlowly(_ bytes: [UInt8]) -> [String]? {
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        var l = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var line = String.UnicodeScalarView(line)
            if line.last == "\r" { line.removeLast() }
            return String(line)
        }
        if l.last == "" { l.removeLast() }
        return l
    }

    @Test func lineReaderKeepsEveryEdgeCase() {
        let cases: [([UInt8], [String]?)] = [
            (Array("Alpha.\nBeta.".utf8), ["Alpha.", "Beta."]),                       // no final newline
            (Array("Alpha.\nBeta.\n".utf8), ["Alpha.", "Beta."]),
            (Array("第一。\n第二。\n\n第四。\n".utf8), ["第一。", "第二。", "", "第四。"]),    // a blank line
            (Array("第一。\n\n".utf8), ["第一。", ""]),                                   // one empty last line dropped, not two
            (Array("One.\r\nTwo.\r\n".utf8), ["One.", "Two."]),                         // CRLF
            (Array("One.\r\n\r\nTwo.".utf8), ["One.", "", "Two."]),
            (Array("x\r\r\n\r".utf8), ["x\r"]),
            (Array("One.\rTwo.\n".utf8), ["One.\rTwo."]),                              // a lone CR stays
            (Array("a\r".utf8), ["a"]),                                                 // a final CR goes
            (Array("a\n\r".utf8), ["a"]),                                               // …and then the empty line
            (Array("\n\n".utf8), ["", ""]),
            ([], []),
            (Array("a\n\u{301}b\u{0}c\n\u{FEFF}d".utf8), ["a", "\u{301}b\u{0}c", "\u{FEFF}d"]),
            (Array("Caf".utf8) + [0xE9] + Array("\n".utf8), nil),                      // not UTF-8
            (Array("ok\n".utf8) + [0xE4, 0xB8], nil),                                   // cut in a character
            (Array("ok".utf8) + [0xE4, 0xB8] + Array("\n".utf8), nil),
        ]
        for (bytes, want) in cases {
            #expect(SegmentedAligner.lines(bytes) == want, "\(bytes)")
            #expect(SegmentedAligner.lines(bytes) == AlignSpeedTests.linesSlowly(bytes), "\(bytes)")
        }
    }

    /// Random files of newlines, carriage returns, ASCII, Chinese and broken bytes.
    @Test func lineReaderMatchesTheSlowRuleOnRandomFiles() {
        let pieces: [[UInt8]] = [Array("a".utf8), Array("Go.".utf8), Array("一".utf8), Array("。".utf8), [0x0D], [0x0A],
                                 [0x0D, 0x0A], [0x20], [0x0A, 0x0A], [0xFF], [0xE4, 0xB8], Array("\u{301}".utf8)]
        var rng = SplitMix(seed: 15)
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(rng.next() % 14) {
                let p = pieces[Int(rng.next() % UInt64(pieces.count))]
                // Broken bytes rarely, so most files are valid.
                if (p == [0xFF] || p == [0xE4, 0xB8]) && rng.next() % 8 != 0 { continue }
                bytes += p
            }
            #expect(SegmentedAligner.lines(bytes) == AlignSpeedTests.linesSlowly(bytes), "\(bytes)")
        }
    }

    @Test func notUTF8LinesNameTheFile() throws {
        let dir = TempDir()
        let en = dir.write("bad.en", bytes: Array("One.\nCaf".utf8) + [0xE9] + Array("\n".utf8))
        let zh = dir.write("good.zh", "一。\n")
        for args in [[en.path, zh.path], [zh.path, en.path]] {
            let r = try CLI.run(["align", "--segmented"] + args + ["--format", "beads"])
            #expect(r.status == 2)
            #expect(r.stderr.contains("bad.en"))
            #expect(r.stderr.contains("UTF-8"))
        }
    }

    @Test func crlfAndBlankLinesThroughTheCommandLine() throws {
        let dir = TempDir()
        let en = dir.write("a.en", "Alpha.\r\nBeta.\r\n")
        let zh = dir.write("a.zh", "甲。\n\n乙。")
        let r = try CLI.run(["align", "--segmented", en.path, zh.path, "--format", "tsv"])
        #expect(r.status == 0, "\(r.stderr)")
        // Two English lines (a CRLF ends a line, its CR is not kept) against three Chinese lines.
        #expect(!r.stdout.contains("\\r"))
        #expect(r.stdout.contains("Alpha.") && r.stdout.contains("Beta."))
        #expect(r.stdout.contains("甲。"))
        #expect(r.stdout.contains("乙。"))
    }
}

/// A small deterministic generator (the tests must not depend on the process's seed).
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1330_11eb
        return z ^ (z >> 31)
    }
}
