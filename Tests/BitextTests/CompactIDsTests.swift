import Testing
@testable import BitextAlign

/// The sentence aligner's compact id lists: two bytes an id while the vocabulary fits, four
/// beyond; both read back what was appended.
@Suite struct CompactIDsTests {
    static func check(limit: Int, _ chunks: [[Int32]]) {
        var ids = CompactIDs(limit: limit)
        var flat: [Int32] = []
        var starts = [0]
        for c in chunks { ids.append(contentsOf: c); flat += c; starts.append(flat.count) }
        #expect(ids.isWide == (limit > 65536))
        #expect(ids.count == flat.count)
        for o in flat.indices { #expect(ids[o] == flat[o]) }
        for k in chunks.indices {
            let r = starts[k]..<starts[k + 1]
            var seen: [Int32] = []
            ids.forEach(r) { seen.append(Int32($0)) }
            #expect(seen == Array(flat[r]))
            // Sorted chunks: binary search finds exactly their members.
            for x in [Int32(0), 1, 7, 65_535, 65_536, 69_999] where chunks[k] == chunks[k].sorted() {
                #expect(ids.sortedRange(r, contains: x) == chunks[k].contains(x))
            }
        }
    }

    @Test func narrowWhileTheVocabularyFits() {
        Self.check(limit: 65536, [[0, 1, 7, 65_535], [], [3, 3, 9], [65_535]])
    }

    @Test func wideBeyond() {
        Self.check(limit: 70_000, [[0, 7, 65_536, 69_999], [], [1, 65_535, 65_536]])
    }
}
