/// Sentences as the aligner keeps them: flat arrays of ids, a few hundred bytes a sentence, so
/// whole books fit in little memory (an ``AlignSentence`` with its strings is several times
/// larger). Ids come from one ``Interner`` shared by both sides, in order of first appearance.
struct SentenceTable {
    var letters: [Int32] = []
    var han: [Int32] = []
    /// Anchors (digits, `?`, `!`) and, apart, the extended anchors (numbers in words, quotes).
    var anchorStart: [Int32] = [0]
    var anchors: [Int32] = []
    var extraStart: [Int32] = [0]
    var extra: [Int32] = []
    /// Latin words as written (lowercased), for names kept in the translation.
    var latinStart: [Int32] = [0]
    var latin: [Int32] = []
    /// Stems of content words, and which of them are candidate names.
    var contentStart: [Int32] = [0]
    var content: [Int32] = []
    var nameStart: [Int32] = [0]
    var names: [Int32] = []
    /// Han text, 0 between runs.
    var hanStart: [Int32] = [0]
    var hanText: [UInt32] = []

    var count: Int { letters.count }

    /// Strings to dense ids.
    struct Interner {
        var ids: [String: Int32] = [:]
        var strings: [String] = []
        mutating func id(_ s: String) -> Int32 {
            // One hash: the default is stored only when the string is new (most strings of the
            // few sentences of a block pair are).
            let v = Int32(strings.count)
            let got = Interner.value(&ids[s, default: v])
            if got == v { strings.append(s) }
            return got
        }

        private static func value(_ v: inout Int32) -> Int32 { v }

        mutating func reserve(_ n: Int) {
            ids.reserveCapacity(n)
            strings.reserveCapacity(n)
        }
    }

    /// One interner per kind of string.
    struct Interners {
        var anchors = Interner()
        var words = Interner()
        var stems = Interner()

        /// Room for every string of `sentences` (repeats counted: an upper bound), so that the
        /// tables of a block pair's few sentences do not grow, and rehash, a step at a time.
        mutating func reserve(for sentences: [AlignSentence]...) {
            var a = 0, w = 0, s = 0
            for list in sentences {
                for x in list {
                    a += x.anchors.count + x.extraAnchors.count
                    w += x.latinWords.count
                    s += x.contentWords.count + x.names.count
                }
            }
            anchors.reserve(a)
            words.reserve(w)
            stems.reserve(s)
        }
    }

    mutating func append(_ s: AlignSentence, _ ids: inout Interners) {
        letters.append(Int32(s.letters))
        han.append(Int32(s.han))
        for a in s.anchors { anchors.append(ids.anchors.id(a)) }
        anchorStart.append(Int32(anchors.count))
        for a in s.extraAnchors { extra.append(ids.anchors.id(a)) }
        extraStart.append(Int32(extra.count))
        for w in s.latinWords { latin.append(ids.words.id(w)) }
        latinStart.append(Int32(latin.count))
        for w in s.contentWords { content.append(ids.stems.id(w)) }
        contentStart.append(Int32(content.count))
        for w in s.names { names.append(ids.stems.id(w)) }
        nameStart.append(Int32(names.count))
        hanText += s.hanText
        hanStart.append(Int32(hanText.count))
    }

    @inline(__always) func range(_ starts: [Int32], _ k: Int) -> Range<Int> { Int(starts[k])..<Int(starts[k + 1]) }
}
