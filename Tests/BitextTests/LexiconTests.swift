import Foundation
import Testing
@testable import BitextAlign
@testable import BitextText

@Suite struct LexiconTests {
    static let sample = """
        # a lexicon of our own, for the tests
        光\tguang\tlight|ray
        创造\t\tcreate|bring about
        张\tzhang\topen up|sheet
        天地\t\theaven and earth

        """

    /// The data file's hash names the cache: taking four words a turn must not change it (a
    /// changed name would compile the lexicon again and remove the caches other builds use).
    @Test func dataHashIsTheWordAtATimeHash() {
        func reference(_ bytes: [UInt8]) -> UInt64 {
            var h: UInt64 = 0x9e37_79b9_7f4a_7c15 ^ UInt64(bytes.count)
            var k = 0
            while k + 8 <= bytes.count {
                var w: UInt64 = 0
                for b in 0..<8 { w |= UInt64(bytes[k + b]) << (8 * UInt64(b)) }
                h = (h ^ w) &* 0xff51_afd7_ed55_8ccd
                h ^= h >> 32
                k += 8
            }
            while k < bytes.count { h = (h ^ UInt64(bytes[k])) &* 0x100_0000_01b3; k += 1 }
            h ^= h >> 33
            h = h &* 0xc4ce_b9fe_1a85_ec53
            return h ^ (h >> 33)
        }
        let bytes = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        for n in 0...bytes.count {
            let part = Array(bytes[0..<n])
            #expect(part.withUnsafeBytes { Lexicon.hash($0) } == reference(part), "\(n) bytes")
        }
    }

    @Test func compiledCacheIsReusedAndRebuiltWhenTheDataChanges() throws {
        let tmp = TempDir()
        let data = tmp.write("lex.tsv", Self.sample)
        let cache = URL(fileURLWithPath: tmp.path("cache"))
        let first = try Lexicon.load(data: data, cacheDirectory: cache)
        #expect(first.info.built)
        #expect(first.info.cachePath != nil)
        #expect(first.translations(of: "created") == ["创造"])
        let second = try Lexicon.load(data: data, cacheDirectory: cache)
        #expect(!second.info.built, "the compiled form is read back, not compiled again")
        #expect(second.glosses(of: "光") == ["light", "ray"])
        // The same size, other content: the cache must not be trusted.
        try Data(Self.sample.replacingOccurrences(of: "light|ray", with: "lamp|ray").utf8).write(to: data)
        let third = try Lexicon.load(data: data, cacheDirectory: cache)
        #expect(third.info.built)
        #expect(third.glosses(of: "光") == ["lamp", "ray"])
        #expect(third.translations(of: "light").isEmpty)
        // Only the current compiled form is kept.
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".bin") }
        #expect(files.count == 1)
        // Another format's cache (an older bitext still in use beside this one) stays while it is
        // recent, and goes once written more than thirty days ago.
        let otherFormat = cache.appendingPathComponent("lex-v\(Lexicon.formatVersion + 100)-0123.bin")
        FileManager.default.createFile(atPath: otherFormat.path, contents: Data([1, 2, 3]))
        func rewrite(_ text: String) throws -> Lexicon {
            try Data(text.utf8).write(to: data)
            return try Lexicon.load(data: data, cacheDirectory: cache)
        }
        #expect(try rewrite(Self.sample).info.built)
        #expect(FileManager.default.fileExists(atPath: otherFormat.path))
        let old = time(nil) - 31 * 86_400
        var times = [timeval(tv_sec: old, tv_usec: 0), timeval(tv_sec: old, tv_usec: 0)]
        #expect(utimes(otherFormat.path, &times) == 0)
        #expect(try rewrite(Self.sample.replacingOccurrences(of: "light|ray", with: "lamp|ray")).info.built)
        #expect(!FileManager.default.fileExists(atPath: otherFormat.path))
        // A cache folder that cannot be written still loads.
        let none = try Lexicon.load(data: data, cacheDirectory: URL(fileURLWithPath: "/proc/no-such-folder"))
        #expect(none.info.built && none.info.cachePath == nil)
        #expect(none.readings(of: Character("张")) == ["zhang"])
    }

    @Test func theCacheIndexSparesReadingTheTextOnlyWhileTheFileIsUnchanged() throws {
        let tmp = TempDir()
        let data = tmp.write("lex.tsv", Self.sample)
        let cache = URL(fileURLWithPath: tmp.path("cache"))
        // A file changed a moment ago is not recorded (it could change again within the clock's
        // granularity and keep its identity): the next run hashes the text again.
        _ = try Lexicon.load(data: data, cacheDirectory: cache)
        #expect(try Lexicon.load(data: data, cacheDirectory: cache).info.hashed)
        // Changed an hour ago: recorded, and the next run maps the cache without reading the text.
        func age(_ url: URL, hours: Int = 1) {
            let t = time(nil) - 3600 * hours
            var times = [timeval(tv_sec: t, tv_usec: 0), timeval(tv_sec: t, tv_usec: 0)]
            #expect(utimes(url.path, &times) == 0)
        }
        age(data)
        // (the change time moved with utimes: still too recent to record)
        #expect(try Lexicon.load(data: data, cacheDirectory: cache).info.hashed)
        let indexed = try Lexicon.load(data: data, cacheDirectory: cache, settle: 0)
        #expect(indexed.info.hashed, "the first run with the file settled hashes and records it")
        let second = try Lexicon.load(data: data, cacheDirectory: cache)
        #expect(!second.info.hashed && !second.info.built)
        #expect(second.glosses(of: "光") == ["light", "ray"])
        // Other content of the same size (the same inode), changed an hour earlier still:
        // the identity differs, so the text is hashed and compiled again.
        try Data(Self.sample.replacingOccurrences(of: "light|ray", with: "lamp|ray").utf8).write(to: data)
        age(data, hours: 2)
        let third = try Lexicon.load(data: data, cacheDirectory: cache)
        #expect(third.info.hashed && third.info.built)
        #expect(third.glosses(of: "光") == ["lamp", "ray"])
    }

    @Test func lookupsAndSegmentation() throws {
        let tmp = TempDir()
        let lex = try Lexicon.load(data: tmp.write("lex.tsv", Self.sample), cacheDirectory: nil)
        #expect(lex.wordCount == 4)
        let text = "天地光明".unicodeScalars.map(\.value)
        let words = lex.segment(text).map { $0.word.map { lex.text(ofWord: $0) } ?? "?" }
        #expect(words == ["天地", "光", "?"])
        #expect(lex.translations(of: "heavens") == ["天地"])
    }

    @Test func malformedLexiconNamesTheLine() throws {
        let tmp = TempDir()
        let data = tmp.write("bad.tsv", "光\tguang\tlight\nno tabs here\n")
        #expect(throws: Lexicon.LoadError.self) { try Lexicon.load(data: data, cacheDirectory: nil) }
        do { _ = try Lexicon.load(data: data, cacheDirectory: nil) } catch let e as Lexicon.LoadError {
            #expect(e.description.contains("bad.tsv:2"))
        }
    }

    /// The project's lexicon: pruned the way the issue asks, and loaded through the cache.
    @Test func projectLexicon() throws {
        let lex = try #require(Lexicon.shared)
        #expect(lex.wordCount > 50_000)
        #expect(lex.translations(of: "create").contains("创造"))
        #expect(lex.glosses(of: "光").contains("light"))
        // Not translations: classifiers, surnames, variants.
        #expect(!lex.glosses(of: "张").contains { $0.contains("surname") || $0.contains("classifier") })
        #expect(!lex.glosses(of: "个").contains { $0.contains("classifier") })
        #expect(lex.readings(of: Character("张")).contains("zhang"))
    }

    /// The senses of software documentation bitext adds to CC-CEDICT's
    /// (`locales/en-zh-Hans.lexicon-supplement.tsv`) are in the shipped lexicon, found from the
    /// English word: `scripts/build-lexicon` was run after the supplement last changed.
    @Test func supplementIsBuiltIn() throws {
        let lex = try #require(Lexicon.shared)
        let url = try DataDirectory.locales().appendingPathComponent("en-zh-Hans.lexicon-supplement.tsv")
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = 0
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t")
            try #require(parts.count == 2, "\(line)")
            let word = String(parts[0])
            for g in parts[1].split(separator: "|") {
                #expect(lex.glosses(of: word).contains(String(g)), "\(word): \(g)")
            }
            lines += 1
        }
        #expect(lines > 20)
        #expect(lex.translations(of: "documentation").contains("文档"))
        #expect(lex.translations(of: "repository").contains("仓库"))
        #expect(lex.translations(of: "feature").contains("功能"))
    }

    @Test func numbersAndNames() throws {
        let seg = try Segmenter(source: Harness.source, target: Harness.target)
        func extra(_ line: String) -> [String] { SegmentedAligner.sentence(line, index: 0, segmenter: seg).extraAnchors }
        #expect(extra("他活了九百三十岁。") == ["930"])
        #expect(extra("到了第三天。") == ["3"])
        #expect(extra("这是统一的标准。") == [])
        #expect(extra("首先，他说：“好。”") == ["\u{201C}"])
        #expect(extra("He lived nine hundred and thirty years.") == ["930"])
        #expect(Numbers.english(["lived", "nine", "hundred", "and", "thirty", "years"]) == [930])
        #expect(Numbers.english(["the", "one", "who"]) == [])
        #expect(Numbers.english(["twelve", "tribes", "and", "one", "thousand"]) == [12, 1000])
        #expect(NameKeys.skeleton(Array("abraham".utf8)) == NameKeys.skeleton(Array("yabolahan".utf8)))
        #expect(NameKeys.english("zhang").first == NameKeys.hash(1, Array("zhang".utf8)))
    }
}
