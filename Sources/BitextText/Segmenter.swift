import BitextICU
import BitextMarkdown
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits units into sentences, words and language runs with ICU.
///
/// Holds ICU break iterators, which are costly to open and not thread-safe: make one
/// `Segmenter` per thread and reuse it for every unit.
public final class Segmenter {
    public let source: LocaleData
    public let target: LocaleData
    private let sourceSentences: TextBreaker
    private let targetSentences: TextBreaker
    private let words: TextBreaker
    /// Stems of words that stay in English on purpose (glossary keep-as-is terms, config).
    /// (Read for every stretch: not checked for exclusive access at run time.)
    @exclusivity(unchecked) public var keptWords: Set<String> = []
    /// Scratch storage for one unit, grown as needed and reused: its UTF-16 text for ICU, the
    /// word iterator's text, and per-character flags (``Flag``).
    /// (Not checked for exclusive access at run time: each is used by one method at a time.)
    @exclusivity(unchecked) private var scratchCapacity = 0
    @exclusivity(unchecked) private var scratchUTF16 = UnsafeMutablePointer<UInt16>.allocate(capacity: 1)
    @exclusivity(unchecked) private var scratchWords = UnsafeMutablePointer<UInt16>.allocate(capacity: 1)
    @exclusivity(unchecked) private var scratchFlags = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    /// A unit's sentences and words as they are found (at most one per UTF-16 unit), copied
    /// into the analysis at their final size: one allocation each rather than one per growth.
    @exclusivity(unchecked) private var scratchSentenceRanges = UnsafeMutablePointer<Range<Int>>.allocate(capacity: 1)
    @exclusivity(unchecked) private var scratchFoundWords = UnsafeMutablePointer<Word>.allocate(capacity: 1)
    @exclusivity(unchecked) private var flags: [UInt8] = []
    @exclusivity(unchecked) private var latinWords: [Word] = []
    /// Token ranges and the token table of ``stretch``, lent to each call (see ``TokenTable``).
    /// (Not checked for exclusive access at run time, like the scratch buffers above: a
    /// `Segmenter` is used by one thread, and the checks cost more than the work at this scale.)
    @exclusivity(unchecked) private var stretchScratch = StretchScratch()
    /// The one-element arrays of units that are one sentence or one run, shared (see
    /// ``WholeUnitArrays``).
    @exclusivity(unchecked) private var wholeUnit = WholeUnitArrays()
    /// The target's translator-note markers as scalars (made once, not per unit).
    private let noteMarkers: [[UInt32]]
    /// Function words of either locale and programming literals (``literals``), by lowercased
    /// text, as ``TokenTable/WordClass`` bits: what a token new to the token table is, in one
    /// lookup rather than one per set.
    private let wordClasses: [String: UInt8]

    public init(source: LocaleData, target: LocaleData) throws {
        self.source = source
        self.target = target
        noteMarkers = target.translatorNoteMarkers.map { Array($0.unicodeScalars.map(\.value)) }
        var wordClasses: [String: UInt8] = [:]
        for w in source.functionWords.union(target.functionWords) { wordClasses[w, default: 0] |= TokenTable.WordClass.function }
        for w in Segmenter.literals { wordClasses[w, default: 0] |= TokenTable.WordClass.literal }
        self.wordClasses = wordClasses
        sourceSentences = try TextBreaker(.sentence, locale: source.sentenceLocale)
        targetSentences = try TextBreaker(.sentence, locale: target.sentenceLocale)
        // The Han side's word iterator segments Han with ICU's dictionary and Latin by rule.
        words = try TextBreaker(.word, locale: target.isHan ? target.wordLocale : source.wordLocale)
    }

    deinit {
        scratchUTF16.deallocate()
        scratchWords.deallocate()
        scratchFlags.deallocate()
        scratchSentenceRanges.deallocate()
        scratchFoundWords.deallocate()
    }

    /// Makes the scratch storage hold a unit of `n` scalars (at most `2n` UTF-16 units).
    private func reserveScratch(_ n: Int) {
        guard 2 * n > scratchCapacity else { return }
        let capacity = max(2 * n, 2 * scratchCapacity, 1024)
        scratchUTF16.deallocate()
        scratchWords.deallocate()
        scratchFlags.deallocate()
        scratchSentenceRanges.deallocate()
        scratchFoundWords.deallocate()
        scratchUTF16 = .allocate(capacity: capacity)
        scratchWords = .allocate(capacity: capacity)
        scratchFlags = .allocate(capacity: capacity)
        scratchSentenceRanges = .allocate(capacity: capacity + 1)
        scratchFoundWords = .allocate(capacity: capacity + 1)
        scratchCapacity = capacity
    }

    private var hanLanguage: RunLanguage { target.isHan ? .target : .source }
    private var latinLanguage: RunLanguage { target.isHan ? .source : .target }

    /// Sentences, words, runs and notes of a unit.
    ///
    /// - Parameter hanWords: also segment Han text into words with ICU's dictionary. Costly;
    ///   checks ask for it lazily (``hanWords(_:)``) where a glossary match needs boundaries.
    public func analyze(_ unit: Unit, hanWords: Bool = false) -> TextAnalysis {
        analyze(text: unit.text, roles: unit.roles, links: unit.links, hanWords: hanWords)
    }

    /// The Han words of a unit (ICU dictionary segmentation), as `Word`s of kind `.han`.
    public func hanWords(_ unit: Unit) -> [Word] {
        analyze(text: unit.text, roles: unit.roles, links: unit.links, hanWords: true, wordsOnly: true)
            .words.filter { $0.kind == .han }
    }

    /// The same analysis for text with roles (all `.content` for plain text).
    public func analyze(text: [UInt32], roles: [Role], links: [InlineLink] = [], hanWords: Bool = false,
                        wordsOnly: Bool = false) -> TextAnalysis {
        var a = TextAnalysis()
        analyze(text: text, roles: roles, links: links, hanWords: hanWords, wordsOnly: wordsOnly, into: &a)
        return a
    }

    /// ``analyze(text:roles:links:hanWords:wordsOnly:)`` written into `a` (a fresh
    /// `TextAnalysis()`): a document's analyses are built in their array's slots, where returning
    /// each one cost a copy of the whole analysis.
    func analyze(text: [UInt32], roles: [Role], links: [InlineLink], hanWords: Bool,
                 wordsOnly: Bool, into a: inout TextAnalysis) {
        let n = text.count
        if n == 0 { return }

        // ICU sees the unit with syntax blanked out, so positions stay put and markup never
        // breaks a sentence or joins two words. One pass builds the UTF-16 text, the word
        // iterator's text (Han blanked out unless `hanWords`), and each character's flags for
        // the language analysis (``Flag``).
        reserveScratch(n)
        let buffer = scratchUTF16, wordBuffer = scratchWords, flags = scratchFlags
        let blankHan = !hanWords
        let wantFlags = !wordsOnly
        let pass = text.withUnsafeBufferPointer { text in
            roles.withUnsafeBufferPointer { roles in
                Segmenter.firstPass(text, roles, buffer, wordBuffer, flags, blankHan: blankHan, wantFlags: wantFlags)
            }
        }
        let m = pass.count, han = pass.han, hanOrKana = pass.hanOrKana, mayBreak = pass.mayBreak
        let astral = pass.astral
        let utf16Text = UnsafeBufferPointer(start: buffer, count: m)
        // UTF-16 offset → index in `text`. (Constants: the closures below capture them, and a
        // captured `var` costs a dynamic exclusivity check at each access.)
        let toScalar: [Int] = astral ? {
            var toScalar: [Int] = []
            toScalar.reserveCapacity(m + 1)
            for i in 0..<n {
                toScalar.append(i)
                if text[i] >= 0x10000 && (roles[i] == .content || roles[i] == .code || roles[i] == .math) {
                    toScalar.append(i)
                }
            }
            toScalar.append(n)
            return toScalar
        }() : []
        @inline(__always) func scalarIndex(_ u: Int) -> Int { astral ? toScalar[u] : u }

        // Sentences and words are gathered in locals, not in `a`: the closures below would
        // otherwise capture `a` and cost a copy of the whole analysis.
        // Sentences (not needed for words alone).
        if !wordsOnly {
            // (Ranges and words are trivial values: the scratch holds them without initialising.)
            let sentences = scratchSentenceRanges
            var count = 0
            let sentenceBreaker = (han > 0 && target.isHan) || (han == 0 && !target.isHan) ? targetSentences : sourceSentences
            // Most headings, list items and table cells hold no sentence terminator at all: they
            // are one sentence without asking ICU.
            // (`count` is passed in, not captured: a local function that captures a `var`
            // and is called from a closure gets a dynamic exclusivity check at each use.)
            func add(_ from: Int, _ to: Int, _ count: inout Int) {
                var lo = scalarIndex(from), hi = scalarIndex(to)
                while lo < hi && !isVisible(text[lo], roles[lo]) { lo += 1 }
                while hi > lo && !isVisible(text[hi - 1], roles[hi - 1]) { hi -= 1 }
                guard lo < hi else { return }
                if (lo..<hi).contains(where: { roles[$0] == .content && isLetterOrDigit(text[$0]) }) {
                    sentences[count] = lo..<hi
                    count += 1
                } else if count > 0 {
                    // Only syntax or punctuation: it belongs to the sentence before.
                    sentences[count - 1] = sentences[count - 1].lowerBound..<hi
                }
            }
            if mayBreak {
                var previous = 0
                sentenceBreaker.forEachBoundary(utf16Text) { end in
                    // A terminator inside inline code (`String!`) ends no sentence of the prose.
                    if end < m && Segmenter.terminatorInCode(text, roles, before: scalarIndex(end)) { return }
                    add(previous, end, &count)
                    previous = end
                }
            } else {
                add(0, m, &count)
            }
            if count == 1 && sentences[0] == 0..<n {
                a.sentences = wholeUnit.sentence(n)
            } else {
                a.sentences = Array(UnsafeBufferPointer(start: sentences, count: count))
            }
        }

        // Words, in prose only. Without `hanWords`, Han characters are hidden from the word
        // iterator (each stands alone in the language analysis anyway), which spares ICU's
        // dictionary segmentation.
        var start = 0
        // Text of blanked Han, spaces and punctuation only (most Chinese cells and headings) has
        // no words: no need to segment it.
        // (Checked against the ICU-free word breaks, which handle exactly these characters.)
        let noWords = !hanWords && !pass.wordish && (han > 0 || !pass.blanked) && words.simpleWordBreaks
        if !noWords {
            let found = scratchFoundWords
            var count = 0
            let wordText = !hanWords && han > 0 ? UnsafeBufferPointer(start: wordBuffer, count: m) : utf16Text
            words.forEachWord(wordText) { end, status in
                defer { start = end }
                guard status != .none else { return }
                let lo = scalarIndex(start), hi = scalarIndex(end)
                guard lo < hi, roles[lo] == .content else { return }
                let kind: WordKind
                switch status {
                case .number: kind = .number
                case .ideographic, .kana: kind = .han
                default:
                    let c = text[lo]
                    if c < 0x80 { kind = isDigit(c) ? .number : .latin }
                    else {
                        switch Characters.script(c) {
                        case .latin: kind = .latin
                        case .han, .kana: kind = .han
                        default: kind = isDigit(c) ? .number : .other
                        }
                    }
                }
                found[count] = Word(range: lo..<hi, kind: kind)
                count += 1
            }
            a.words = Array(UnsafeBufferPointer(start: found, count: count))
        }

        if wordsOnly { return }
        findNotes(text, roles, &a)
        if !a.isNote && a.notes.isEmpty {
            // Nothing is in a note: the counts are those of the first pass.
            a.hanCharacters = hanOrKana
            a.latinLetters = pass.latin
        }
        classify(text, roles, links, UnsafeBufferPointer(start: flags, count: n), hanOrKana > 0, &a)
    }

    /// What ``firstPass`` found.
    struct FirstPass {
        var count: Int, han: Int, hanOrKana: Int, latin: Int, astral: Bool, mayBreak: Bool
        /// The word text holds something that can be (or join) a word: an ASCII letter, digit,
        /// `_` or `@`, a control character, or any non-ASCII character but blanked Han and the
        /// CJK punctuation of ``SimpleWordBreaks``.
        var wordish: Bool
        /// Some character was blanked out of the word text.
        var blanked: Bool
    }

    /// Writes the unit's UTF-16 text (syntax blanked out) to `buffer`, the same with Han
    /// blanked out (when `blankHan`) to `wordBuffer`, and each character's ``Flag``s to `flags`.
    static func firstPass(_ text: UnsafeBufferPointer<UInt32>, _ roles: UnsafeBufferPointer<Role>,
                          _ buffer: UnsafeMutablePointer<UInt16>, _ wordBuffer: UnsafeMutablePointer<UInt16>,
                          _ flags: UnsafeMutablePointer<UInt8>, blankHan: Bool, wantFlags: Bool) -> FirstPass {
        let n = text.count
        var astral = false
        var han = 0
        var hanOrKana = 0
        var latin = 0
        // Where the first sentence could end (`n`: nowhere).
        var firstBreak = n
        var wordish = false, blanked = false
        // The ``ASCIIClass`` bits of every ASCII character seen (word characters), OR-ed in
        // without a branch and turned into `wordish` after the loop.
        var asciiSeen: UInt8 = 0
        let asciiClasses = Segmenter.asciiClasses
        var m = 0  // UTF-16 length so far
        // What ICU and the language analysis see of a character depends on its kind, so the
        // text is taken in runs of one kind — Han of prose, syntax, ASCII of prose or code — each
        // in a loop of its own (one loop over every kind kept its counters in memory and cost
        // 40% more); the rest one at a time. A run's loop goes on exactly while the next
        // character would take the same branch. `m` ≤ 2n and the run indices ≤ n cannot overflow.
        var i = 0
        while i < n {
            let c = text[i]
            let r = roles[i]
            if c >= 0x4E00 && c <= 0x9FFF && r == .content {
                // The common case first: unified ideographs of prose (Han, never a sentence end),
                // one UTF-16 unit each.
                var j = i
                repeat {
                    let u = UInt16(truncatingIfNeeded: text[j])
                    buffer[m] = u
                    wordBuffer[m] = blankHan ? 0x20 : u
                    if wantFlags { flags[j] = Flag.han }
                    m &+= 1
                    j &+= 1
                } while j < n && text[j] >= 0x4E00 && text[j] <= 0x9FFF && roles[j] == .content
                if blankHan { blanked = true } else { wordish = true }
                han += j - i
                hanOrKana += j - i
                i = j
                continue
            }
            guard r == .content || r == .code || r == .math else {
                // Syntax: a space for ICU, no flags.
                var j = i
                repeat {
                    buffer[m] = 0x20
                    wordBuffer[m] = 0x20
                    if wantFlags { flags[j] = 0 }
                    m &+= 1
                    j &+= 1
                } while j < n && roles[j] != .content && roles[j] != .code && roles[j] != .math
                i = j
                continue
            }
            if c < 0x80 {
                // ASCII of prose or code.
                var j = i
                var letters = 0
                repeat {
                    let k = asciiClasses[Int(text[j])]
                    let u: UInt16 = k & ASCIIClass.toSpace != 0 ? 0x20 : UInt16(truncatingIfNeeded: text[j])
                    buffer[m] = u
                    wordBuffer[m] = u
                    asciiSeen |= k
                    if k & (ASCIIClass.dot | ASCIIClass.sentenceEnd) != 0 && firstBreak == n
                        && (k & ASCIIClass.sentenceEnd != 0 || !Segmenter.dotInsideWord(text, roles, j)) { firstBreak = j }
                    let letter = k & ASCIIClass.letter != 0 && roles[j] == .content
                    if letter { letters &+= 1 }
                    if wantFlags { flags[j] = letter ? Flag.latin : 0 }
                    m &+= 1
                    j &+= 1
                } while j < n && text[j] < 0x80 && (roles[j] == .content || roles[j] == .code || roles[j] == .math)
                latin += letters
                i = j
                continue
            }
            var f: UInt8 = 0
            if c >= 0x10000 {
                astral = true
                let v = c - 0x10000
                let hi = UInt16(0xD800 + (v >> 10)), lo = UInt16(0xDC00 + (v & 0x3FF))
                buffer[m] = hi
                wordBuffer[m] = hi
                buffer[m + 1] = lo
                wordBuffer[m + 1] = lo
                m += 2
                if firstBreak == n { firstBreak = i }
                wordish = true
                if r == .content {
                    let s = Characters.script(c)
                    if s == .han || s == .kana { f = Flag.han; hanOrKana += 1 }
                }
            } else {
                let u = UInt16(c)
                buffer[m] = u
                // Kana, CJK extension A, unified ideographs, compatibility ideographs.
                let blank = blankHan && ((c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF))
                wordBuffer[m] = blank ? 0x20 : u
                if blank { blanked = true } else if !wordish && !Segmenter.isWordlessPunctuation(u) { wordish = true }
                m += 1
                if firstBreak == n && Segmenter.mayBreakAt(u) { firstBreak = i }
                if r == .content {
                    if c >= 0x2E80 {
                        let s = Characters.script(c)
                        if s == .han { han += 1; f = Flag.han; hanOrKana += 1 }
                        else if s == .kana { f = Flag.han; hanOrKana += 1 }
                        else if isClauseMark(c) { f = Flag.clause }
                    } else if Characters.script(c) == .latin {
                        f = Flag.latin
                        latin += 1
                    }
                }
            }
            if wantFlags { flags[i] = f }
            i += 1
        }
        // A sentence ends only after a terminator (and its closing marks and spaces) or a
        // paragraph separator (UAX #29), so when no letter or digit of prose follows the first
        // place where one could end — `…就绪。`, `Done!` — the unit is one sentence: ICU would
        // find only pieces of punctuation after it, which join the sentence before.
        var mayBreak = false
        var k = firstBreak + 1
        while k < n {
            if roles[k] == .content && isLetterOrDigit(text[k]) { mayBreak = true; break }
            k += 1
        }
        if asciiSeen & ASCIIClass.wordish != 0 { wordish = true }
        return FirstPass(count: m, han: han, hanOrKana: hanOrKana, latin: latin, astral: astral, mayBreak: mayBreak,
                         wordish: wordish, blanked: blanked)
    }

    /// A `.` at `i` that ends no sentence: right before a lowercase ASCII letter or a digit of
    /// prose or code (`e.g`, `v1.2`, `index.md`), where UAX #29 never breaks (rules SB6, SB8)
    /// and after which no break can follow either (that needs a terminator, closing marks and
    /// spaces). Checked against ICU's sentence rules for the locales bitext uses.
    @inline(__always)
    static func dotInsideWord(_ text: UnsafeBufferPointer<UInt32>, _ roles: UnsafeBufferPointer<Role>, _ i: Int) -> Bool {
        guard i + 1 < text.count, roles[i + 1] == .content || roles[i + 1] == .code || roles[i + 1] == .math else { return false }
        let c = text[i + 1]
        return (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39)
    }

    /// What ``firstPass`` needs to know of an ASCII character, as bits of one table entry.
    enum ASCIIClass {
        /// `!`, `?`: a sentence may end here (and at `.`, unless ``dotInsideWord(_:_:_:)``).
        static let sentenceEnd: UInt8 = 1
        /// A letter.
        static let letter: UInt8 = 2
        /// Can be (or join) a word: a letter, digit, `_`, `@`, DEL, or a control character
        /// other than tab, line feed and carriage return (which become spaces).
        static let wordish: UInt8 = 4
        /// Tab, line feed, carriage return: a space for ICU.
        static let toSpace: UInt8 = 8
        /// `.`: a sentence may end here unless ``dotInsideWord(_:_:_:)``.
        static let dot: UInt8 = 16
    }

    /// ``ASCIIClass`` bits of each ASCII character.
    static let asciiClasses: [UInt8] = (0..<128).map { c -> UInt8 in
        var k: UInt8 = 0
        if c == 0x21 || c == 0x3F { k |= ASCIIClass.sentenceEnd }
        if c == 0x2E { k |= ASCIIClass.dot }
        let letter = (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A
        if letter { k |= ASCIIClass.letter }
        let toSpace = c == 0x0A || c == 0x0D || c == 0x09
        if toSpace { k |= ASCIIClass.toSpace }
        if !toSpace && (letter || (c >= 0x30 && c <= 0x39) || c == 0x5F || c == 0x40 || c < 0x20 || c == 0x7F) {
            k |= ASCIIClass.wordish
        }
        return k
    }

    /// Per-character flags of the language analysis (prose characters only).
    enum Flag {
        /// Han or kana.
        static let han: UInt8 = 1
        /// A Latin letter below U+2E80.
        static let latin: UInt8 = 2
        /// Full-width clause punctuation (``isClauseMark(_:)``).
        static let clause: UInt8 = 4
    }

    /// CJK and general punctuation that ``SimpleWordBreaks`` handles and that never makes a word
    /// (its classes are Other, Space and the Mid classes): text of only these, spaces and ASCII
    /// punctuation has no words.
    @inline(__always)
    static func isWordlessPunctuation(_ c: UInt16) -> Bool {
        switch c {
        case 0x3000, 0x00B7, 0x2018, 0x2019, 0xFF0E, 0xFF0C, 0xFF1B, 0x3001, 0x3002, 0x3008...0x3011, 0x3014...0x301F,
             0xFF01, 0xFF08, 0xFF09, 0xFF1A, 0xFF1F, 0x201C, 0x201D, 0x2013, 0x2014, 0x2026:
            return true
        default:
            return false
        }
    }

    /// False when `c` could not end a sentence: ASCII other than `.!?`, Han, and CJK
    /// punctuation other than 。！？ and their kin.
    @inline(__always)
    static func mayBreakAt(_ c: UInt16) -> Bool {
        if c < 0x80 { return c == 0x2E || c == 0x21 || c == 0x3F }
        if c >= 0x3400 && c <= 0x9FFF { return false }
        switch c {
        case 0x3001, 0x3008...0x3011, 0x3014...0x301F, 0xFF08, 0xFF09, 0xFF0C, 0xFF1A, 0xFF1B,
             0x2018, 0x2019, 0x201C, 0x201D, 0x00A0, 0x00B7, 0x2014, 0x2013:
            return false
        default:
            return true
        }
    }

    // MARK: translator's notes

    private func findNotes(_ text: [UInt32], _ roles: [Role], _ a: inout TextAnalysis) {
        let markers = noteMarkers
        guard !markers.isEmpty else { return }
        let n = text.count
        // A paragraph that begins with the marker is a note as a whole.
        var first = 0
        while first < n && (roles[first] != .content || !isLetterOrDigit(text[first])) { first += 1 }
        for m in markers where matches(text, at: first, m) {
            a.isNote = true
            return
        }
        // From parenthesis to parenthesis (most units have none).
        func nextParenthesis(_ from: Int) -> Int { text.withUnsafeBufferPointer { Segmenter.firstParenthesis($0, from: from) } }
        var i = nextParenthesis(0)
        while i < n {
            var j = i + 1
            while j < n && (text[j] == 0x20 || roles[j] != .content) && j - i < 8 { j += 1 }
            guard markers.contains(where: { matches(text, at: j, $0) }) else { i = nextParenthesis(i + 1); continue }
            var depth = 0
            var k = i
            var end = n
            while k < n {
                let c = text[k]
                if c == 0x28 || c == 0xFF08 { depth += 1 }
                if c == 0x29 || c == 0xFF09 { depth -= 1; if depth == 0 { end = k + 1; break } }
                k += 1
            }
            a.notes.append(i..<end)
            i = nextParenthesis(end)
        }
    }

    /// Index of the first `(` or `（` in `t` from index `start` on (`t.count` when there is
    /// none). The text's bytes are searched with memchr for the low byte of each (0x28, 0x08: rare
    /// in Chinese text, unlike 0xFF, the high byte of all full-width punctuation), which skips many
    /// characters at a time; each hit is checked as a whole scalar.
    static func firstParenthesis(_ t: UnsafeBufferPointer<UInt32>, from start: Int) -> Int {
        let n = t.count
        guard let base = t.baseAddress, start < n else { return n }
        let raw = UnsafeRawPointer(base)
        // The first scalar equal to `value` before `limit`, found through its byte at `lane`.
        func first(_ value: UInt32, lane: Int, before limit: Int) -> Int {
            var from = 4 * start
            let end = 4 * limit
            let byte = Int32(truncatingIfNeeded: value.littleEndian >> (8 * UInt32(lane)))
            while from < end {
                guard let p = memchr(raw + from, byte, end - from) else { return limit }
                let offset = raw.distance(to: UnsafeRawPointer(p))
                if offset % 4 == lane && t[offset / 4] == value { return offset / 4 }
                from = offset + 1
            }
            return limit
        }
        #if _endian(little)
        let paren = first(0x28, lane: 0, before: n)
        return first(0xFF08, lane: 0, before: paren)
        #else
        for i in start..<n where t[i] == 0x28 || t[i] == 0xFF08 { return i }
        return n
        #endif
    }

    private func matches(_ text: [UInt32], at i: Int, _ m: [UInt32]) -> Bool {
        guard i + m.count <= text.count else { return false }
        for (k, c) in m.enumerated() where text[i + k] != c { return false }
        return true
    }

    // MARK: language runs

    private func classify(_ text: [UInt32], _ roles: [Role], _ links: [InlineLink], _ flags: UnsafeBufferPointer<UInt8>,
                          _ anyHan: Bool, _ a: inout TextAnalysis) {
        let n = text.count
        // Counts of Han characters and Latin letters outside translator's notes.
        // (Without notes, the caller has set them from the first pass.)
        if !a.isNote && !a.notes.isEmpty {
            var hanCount = 0, latinCount = 0
            for i in 0..<n {
                let f = flags[i]
                guard f & (Flag.han | Flag.latin) != 0, !a.inNote(i) else { continue }
                if f & Flag.han != 0 { hanCount += 1 } else { latinCount += 1 }
            }
            a.hanCharacters = hanCount
            a.latinLetters = latinCount
        }
        // The Latin words, in a buffer lent by the segmenter.
        var latinWords = self.latinWords
        self.latinWords = []
        defer { latinWords.removeAll(keepingCapacity: true); self.latinWords = latinWords }
        for w in a.words where w.kind == .latin { latinWords.append(w) }
        if !anyHan {
            // No Han at all: one stretch over the whole unit.
            if let s = stretch(0..<n, text, roles, latinWords[...], links, &a, wholeUnit: true) {
                a.stretches = [s]
            }
        } else {
            // Segments between Han characters; words are taken in order, never searched.
            var i = 0
            var w = 0
            // Full-width clause punctuation (，。；：、！？) also ends a stretch: `A、B、C` is an
            // enumeration of names, `报错：message` a quoted message, each judged on its own.
            let stop = Flag.han | Flag.clause
            while i < n {
                if flags[i] & stop != 0 { i += 1; continue }
                var j = i
                while j < n && flags[j] & stop == 0 { j += 1 }
                while w < latinWords.count && latinWords[w].range.lowerBound < i { w += 1 }
                var e = w
                while e < latinWords.count && latinWords[e].range.lowerBound < j { e += 1 }
                if e > w, let s = stretch(i..<j, text, roles, latinWords[w..<e], links, &a, wholeUnit: false) {
                    // Every stretch holds a Latin word, so the words left bound the stretches to
                    // come: room for them (up to eight) at the first, where appending one by one
                    // grew the array about once per stretch.
                    if a.stretches.isEmpty { a.stretches.reserveCapacity(min(latinWords.count - w, 8)) }
                    a.stretches.append(s)
                }
                w = e
                i = j
            }
        }
        buildRuns(text, roles, flags, anyHan, &a)
    }

    /// Re-decides which stretches are prose with a wider set of kept word stems (the names a
    /// document uses inside its own Chinese sentences), and rebuilds the runs.
    public func reclassify(_ a: inout TextAnalysis, unit: Unit, kept: Set<String>) {
        reclassify(&a, text: unit.text, roles: unit.roles, kept: kept)
    }

    /// ``reclassify(_:unit:kept:)`` from the unit's text and roles (no copy of the whole `Unit`).
    func reclassify(_ a: inout TextAnalysis, text: [UInt32], roles: [Role], kept: Set<String>) {
        var changed = false
        for k in a.stretches.indices {
            let before = a.stretches[k].isProse
            a.stretches[k].reclassify(kept: kept)
            if before != a.stretches[k].isProse { changed = true }
        }
        guard changed else { return }
        var flags = self.flags
        self.flags = []
        defer { flags.removeAll(keepingCapacity: true); self.flags = flags }
        var anyHan = false
        for i in text.indices {
            let c = text[i]
            var f: UInt8 = 0
            if roles[i] == .content && c >= 0x2E80 {
                let s = Characters.script(c)
                if s == .han || s == .kana { f = Flag.han; anyHan = true }
            }
            flags.append(f)
        }
        flags.withUnsafeBufferPointer { flags in
            buildRuns(text, roles, flags, anyHan, &a)
        }
    }

    /// Runs from Han characters and prose stretches; neutral characters join the run before
    /// them (leading ones the run after).
    private func buildRuns(_ text: [UInt32], _ roles: [Role], _ flags: UnsafeBufferPointer<UInt8>, _ anyHan: Bool,
                           _ a: inout TextAnalysis) {
        let n = text.count
        a.runs = []
        a.proseLatinLetters = 0
        if !anyHan {
            let anyLatin = a.words.contains { $0.kind == .latin }
            if a.stretches.first?.isProse == true { a.proseLatinLetters = a.latinLetters }
            a.runs = wholeUnit.run(anyLatin ? latinLanguage : .neutral, n)
            return
        }
        var proseStretches = 0
        for s in a.stretches where s.isProse {
            proseStretches += 1
            for k in s.range where roles[k] == .content && !a.inNote(k) && Characters.script(text[k]) == .latin {
                a.proseLatinLetters += 1
            }
        }
        // Han and neutral characters only: one run of Han over the whole unit.
        if proseStretches == 0 {
            a.runs = wholeUnit.run(hanLanguage, n)
            return
        }
        // A run ends only where Han meets a prose stretch or a prose stretch meets Han: at most
        // a Latin run per prose stretch and a Han run after each (one allocation, no growth).
        a.runs.reserveCapacity(2 * proseStretches + 1)
        // A character's language: Han, Latin inside a prose stretch (stretches hold no Han), or
        // neutral; a run changes where a character's language differs from the last one's.
        let hanLanguage = self.hanLanguage, latinLanguage = self.latinLanguage
        var current: RunLanguage? = nil
        var runStart = 0
        var p = 0
        let stretches = a.stretches
        var proseLo = Int.max, proseHi = Int.max
        func nextProse() {
            while p < stretches.count && (!stretches[p].isProse || stretches[p].range.isEmpty) { p += 1 }
            if p < stretches.count { proseLo = stretches[p].range.lowerBound; proseHi = stretches[p].range.upperBound; p += 1 }
            else { proseLo = Int.max; proseHi = Int.max }
        }
        nextProse()
        // A run of language `l` from `start` on (a new run only where the language changes).
        func enter(_ l: RunLanguage, at start: Int) {
            if current == nil { current = l } else if l != current! {
                a.runs.append(LanguageRun(language: current!, range: runStart..<start))
                runStart = start
                current = l
            }
        }
        var k = 0
        while k < n {
            if flags[k] & Flag.han != 0 {
                // The rest of a run of Han changes nothing: passed over at once.
                let first = k
                k += 1
                while k < n && flags[k] & Flag.han != 0 { k += 1 }
                enter(hanLanguage, at: first)
            } else if k >= proseLo {
                // The rest of this prose stretch is Latin as a whole.
                let end = proseHi
                nextProse()
                enter(latinLanguage, at: k)
                k = max(end, k + 1)
            } else {
                // Neutral characters join the run before them: passed over up to the next Han
                // character or prose stretch.
                k += 1
                while k < n && k < proseLo && flags[k] & Flag.han == 0 { k += 1 }
            }
        }
        a.runs.append(LanguageRun(language: current ?? .neutral, range: runStart..<n))
    }

    /// True when the prose of `range` holds a model number: a word of ASCII letters and digits
    /// both, with a letter at one end (`T4`, `A100`, `6271C`, `H20`; not `3.5`, `2024`, `v2.1`,
    /// which hold other characters or no letter) — the mark of a product's name
    /// (`NVIDIA Tesla T4`, `Intel Xeon Gold 6271C`).
    static func hasModelNumber(_ text: [UInt32], _ roles: [Role], _ range: Range<Int>) -> Bool {
        var k = range.lowerBound
        while k < range.upperBound {
            let isAlnum = { (c: UInt32) in (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) }
            guard isAlnum(text[k]), roles[k] == .content else { k += 1; continue }
            var e = k, letters = 0, digits = 0
            while e < range.upperBound && isAlnum(text[e]) && roles[e] == .content {
                if text[e] <= 0x39 { digits += 1 } else { letters += 1 }
                e += 1
            }
            // Not part of a longer token: `2.60GHz`, `v1.2`, `T4-B`, `a/b2` are other shapes.
            let joiner = { (c: UInt32) in c == 0x2E || c == 0x2D || c == 0x5F || c == 0x2F }
            let apart = (k == range.lowerBound || !joiner(text[k - 1])) && (e == range.upperBound || !joiner(text[e]))
            if apart && letters > 0 && digits > 0 && (text[k] > 0x39 || text[e - 1] > 0x39) { return true }
            k = e
        }
        return false
    }

    /// Builds the stretch of Latin words inside `segment`, or nil when it has none.
    func stretch(_ segment: Range<Int>, _ text: [UInt32], _ roles: [Role], _ inside: ArraySlice<Word>,
                 _ links: [InlineLink], _ a: inout TextAnalysis, wholeUnit: Bool) -> SourceStretch? {
        guard let firstWord = inside.first else { return nil }
        var hi = segment.upperBound
        while hi > firstWord.range.lowerBound && isSpace(text[hi - 1]) { hi -= 1 }
        var range = firstWord.range.lowerBound..<hi

        // Tokens: words joined by a hyphen, underscore or dot without spaces are one token.
        var tokens: [StretchToken] = []
        if inside.count > 1 { tokens.reserveCapacity(inside.count) }
        // Token ranges, in a buffer lent by the segmenter.
        // The scratch is moved into a local for the call: each use of a class's stored
        // property is checked for exclusive access at run time, a local's is not.
        var scratch = StretchScratch()
        swap(&scratch, &stretchScratch)
        defer {
            scratch.tokenRanges.removeAll(keepingCapacity: true)
            swap(&scratch, &stretchScratch)
        }
        var functionTokens = 0
        var inNote = true
        var k = inside.startIndex
        let insideEnd = inside.endIndex
        while k < insideEnd {
            var r = inside[k].range
            var codeJoiner = false
            var hyphens = 0
            while k + 1 < insideEnd, inside[k + 1].range.lowerBound == r.upperBound + 1 {
                let j = text[r.upperBound]
                guard j == 0x2D || j == 0x5F || j == 0x2E else { break }
                if j != 0x2D { codeJoiner = true } else { hyphens += 1 }
                k += 1
                r = r.lowerBound..<inside[k].range.upperBound
            }
            k += 1
            if !a.inNote(r.lowerBound) { inNote = false }
            let (entry, lowered, isFunction, isLiteral) = scratch.tokenTable.entry(text, r, wordClasses: wordClasses)
            // Letters, capitals, digits, and a capital after a lowercase letter (camelCase).
            var letters = 0, uppers = 0
            var hasDigit = false, innerUpper = false
            var previous: UInt32 = 0
            for i in r {
                let c = text[i]
                if isDigit(c) { hasDigit = true; previous = c; continue }
                guard isLetterOrDigit(c) else { previous = c; continue }
                letters += 1
                let up = isUpper(c)
                if up {
                    uppers += 1
                    if letters > 1 && !isUpper(previous) && previous != 0x2D && isLetterOrDigit(previous) { innerUpper = true }
                }
                previous = c
            }
            let followedByParen = r.upperBound < text.count && text[r.upperBound] == 0x28
            // A pre-release or build tag glued to a dotted version (`3.0.0-beta.1`, `1.2+rc`; not
            // the `step` of `2-step`).
            let versionTag = r.lowerBound >= 4 && (text[r.lowerBound - 1] == 0x2D || text[r.lowerBound - 1] == 0x2B)
                && Segmenter.endsWithDottedVersion(text, before: r.lowerBound - 1)
            // A file extension (`'.webm', '.ogv'`, `.gitignore`): a dot right before a short
            // lowercase word, after a space, a quotation mark or the start, not after a word.
            let fileExtension = r.lowerBound >= 1 && text[r.lowerBound - 1] == 0x2E && uppers == 0 && r.count <= 10
                && (r.lowerBound == 1 || !(isLetterOrDigit(text[r.lowerBound - 2]) || text[r.lowerBound - 2] == 0x2E))
            var kind: TokenKind
            if codeJoiner || followedByParen || versionTag || fileExtension || (innerUpper && uppers < letters)
                || Segmenter.hasCodeShape(text, roles, r, hyphens: hyphens, lowered: lowered, isLiteral: isLiteral,
                                          functionWords: source.functionWords) {
                kind = .code
            } else if hasDigit || (uppers >= 2 && uppers * 2 >= letters) || (uppers >= 2 && innerUpper) {
                kind = .name
            } else if isFunction {
                kind = .function
            } else if uppers == 0 {
                // A single letter that is not a word (`b`, `x`) is a variable.
                kind = letters == 1 ? .name : .lowercase
            } else {
                kind = letters >= 2 ? .capitalized : .name
            }
            // A unit symbol after a number (`2.5 ms`, `5 min`, `7200 rpm`, `5.8 kg`) is part of
            // the quantity, not an English word.
            if kind == .lowercase || kind == .capitalized, r.lowerBound > 0,
               Segmenter.followsQuantity(text, r.lowerBound), Segmenter.isUnitSymbol(text, r, durations: source.durationUnits) {
                kind = .name
            }
            // A word joined by a hyphen to the number before it (`5-shot`, `4-bit`, `0-shot`) is
            // notation, as a quantity is: a setting kept as written, not an English word.
            if kind == .lowercase || kind == .capitalized, r.lowerBound >= 2, text[r.lowerBound - 1] == 0x2D,
               Segmenter.followsDigits(text, r.lowerBound - 1) {
                kind = .name
            }
            let token = StretchToken(text: lowered, stem: kind == .lowercase || kind == .capitalized ? scratch.tokenTable.stem(entry) : lowered, kind: kind)
            // A stretch of one word (most of them: a table's `string`, a `SQL` inside Chinese)
            // shares the token table's array of that token alone.
            if inside.count == 1 { tokens = scratch.tokenTable.alone(entry, token) } else { tokens.append(token) }
            scratch.tokenRanges.append(r)
            if kind == .function { functionTokens += 1 }
            // A unit without Han with two function words is prose whatever else it holds: the
            // rest of its tokens cannot change the decision, so they are not built.
            if wholeUnit && functionTokens >= 2 { break }
        }
        // Names that end the Chinese clause before the English starts (`讨论AI， at a …`)
        // belong to the Chinese: the stretch starts after them.
        var first = 0
        while first + 1 < tokens.count, tokens[first].kind == .name || tokens[first].kind == .code,
              (scratch.tokenRanges[first].upperBound..<scratch.tokenRanges[first + 1].lowerBound).contains(where: { isTrailingPunctuation(text[$0]) }) {
            first += 1
        }
        if first > 0 { range = scratch.tokenRanges[first].lowerBound..<range.upperBound }
        // A UI string after a UI verb ends where its markup ends (`打开 **Help** and include…`),
        // after inline code before the words, or without markup before a clause joined to a
        // short or Title Case label (`打开 Help and include the report ID…`): the words after it
        // are no part of the string and are judged on their own.
        var uiTail = false
        // (Asked once: the UI-string test below reuses the answer.)
        var afterUIVerb: Bool? = nil
        if !wholeUnit && tokens.count >= 3 && tokens.count - first <= 12 {
            afterUIVerb = endsWithUIVerb(text, roles, before: segment.lowerBound)
        }
        if afterUIVerb == true,
           let t = uiStringTail(text, roles, tokens, scratch.tokenRanges, first: first, segmentStart: segment.lowerBound, end: range.upperBound),
           !Segmenter.startsWithSeverityTag(text, firstWord.range.lowerBound..<range.upperBound) {
            uiTail = true
            if t > 0 {
                tokens = Array(tokens[t...])
                functionTokens = tokens.reduce(0) { $0 + ($1.kind == .function ? 1 : 0) }
                range = scratch.tokenRanges[t].lowerBound..<range.upperBound
                scratch.tokenRanges.removeFirst(t)
            }
            first = 0
        }

        // Quotes and parentheses are judged on the segment trimmed of spaces, of opening marks
        // at its end and closing marks at its start (`："Need a static string"（“`).
        var lo = segment.lowerBound, end = segment.upperBound
        while lo < end && (isSpace(text[lo]) || roles[lo] != .content || (isPunctuation(text[lo]) && !isOpening(text[lo]))) { lo += 1 }
        while end > lo && (isSpace(text[end - 1]) || roles[end - 1] != .content || (isPunctuation(text[end - 1]) && !isClosing(text[end - 1]))) { end -= 1 }
        var quoted = false
        var parenthetical = false
        if end - lo >= 2 {
            // A whole unit numbered as a section (`2.1 “cannot open the shared object file”`): the quotation
            // is judged after the number.
            var qlo = lo
            if wholeUnit && text[lo] >= 0x30 && text[lo] <= 0x39 {
                var j = lo
                while j < end && ((text[j] >= 0x30 && text[j] <= 0x39) || text[j] == 0x2E) { j += 1 }
                if j < end && isSpace(text[j]) {
                    while j < end && isSpace(text[j]) { j += 1 }
                    if end - j >= 2 && isOpening(text[j]) && !(text[j] == 0x28 || text[j] == 0xFF08) { qlo = j }
                }
            }
            let o = text[qlo], c = text[end - 1]
            for side in 0..<2 {
                for q in side == 0 ? source.quotes : target.quotes where q.open == o && q.close == c {
                    let innerQuotes = (qlo + 1..<end - 1).contains { text[$0] == o || text[$0] == c }
                    if !innerQuotes || o != c { quoted = true }
                }
            }
            let p = text[lo]
            if (p == 0x28 || p == 0xFF08) && (c == 0x29 || c == 0xFF09) { parenthetical = true }
        }
        // A gloss with a name or Chinese beside it in the same parentheses (`服务质量类（Quality
        // of Service class，QoS class）`): a noun phrase, one function word at most (a clause
        // left in English there, `（注意，this can be changed later）`, has more).
        if !parenthetical && end > lo && functionTokens <= 1 && tokens.count <= 8 {
            parenthetical = Segmenter.insideGlossParentheses(text, roles, lo..<end)
        }
        var linkText = false
        for l in links where !l.isImage && inside.allSatisfy({ l.text.contains($0.range.lowerBound) }) { linkText = true }

        // Code written without backticks: many of { } ( ) < > = ; | $ per letter, or the marks
        // of a type expression: `=>`, `|` between words, `?:`, `<T>` right after a word.
        let (symbols, letterCount, typeExpression) = text.withUnsafeBufferPointer { t in
            roles.withUnsafeBufferPointer { r in Segmenter.codePunctuation(t, r, range) }
        }
        let codeLike = (symbols >= 4 && symbols * 8 >= letterCount) || (typeExpression && functionTokens < 2)

        var s = SourceStretch(range: range, tokens: tokens, isQuoted: quoted, isParenthetical: parenthetical,
                              isLinkText: linkText, inNote: inNote, isCodeLike: codeLike, isWholeUnit: wholeUnit,
                              isProse: false)
        if !wholeUnit {
            s.isEmphasis = Segmenter.isEmphasized(text, roles, scratch.tokenRanges[first].lowerBound, scratch.tokenRanges[scratch.tokenRanges.count - 1].upperBound)
            s.isUIString = tokens.count <= 12 && ((!uiTail && (afterUIVerb ?? endsWithUIVerb(text, roles, before: segment.lowerBound)))
                                                 || startsWithKindNoun(text, roles, after: segment.upperBound)
                                                 || Segmenter.startsWithSeverityTag(text, firstWord.range.lowerBound..<range.upperBound))
            s.isNamedTerm = tokens.count <= 6 && endsWithNamingVerb(text, roles, before: segment.lowerBound)
            s.isGloss = tokens.count <= 8 && Segmenter.isGloss(text, roles, segment, scratch.tokenRanges[scratch.tokenRanges.count - 1].upperBound)
                || tokens.count <= 16 && Segmenter.isAcronymWithExpansion(text, roles, segment)
            s.isSlashList = tokens.count <= 8 && Segmenter.isSlashList(text, roles, segment)
        }
        if wholeUnit {
            // (Only a label can be a product's name: no function word, few words.)
            if functionTokens == 0 && tokens.count <= 6 { s.hasModelNumber = Segmenter.hasModelNumber(text, roles, range) }
            s.unitShape = Segmenter.isCitation(text, roles, segment) || Segmenter.isCatalogueLink(text, roles, segment, links)
                || Segmenter.endsWithPaperURL(text, roles)
                || Segmenter.isTitledWorkLink(text, roles, segment, links, functionWords: source.functionWords) ? .citation
                : tokens.count <= 4 && Segmenter.isStatusLine(text, roles, segment) ? .names : nil
        }
        s.reclassify(kept: keptWords)
        // A list of values read as words (`On / Off`): looked at only then, as it is rare.
        if s.isProse && wholeUnit && s.unitShape == nil && Segmenter.isValueList(text, roles, segment, functionWords: source.functionWords) {
            s.unitShape = .names
            s.reclassify(kept: keptWords)
        }
        // A postal address kept so that post reaches it (`Havnegata 9, 0150 Oslo, Norway`):
        // looked at only for a whole unit of prose with a comma, as it is rare.
        if s.isProse && wholeUnit && s.unitShape == nil && Segmenter.isPostalAddress(text, roles, segment, functionWords: source.functionWords) {
            s.unitShape = .names
            s.reclassify(kept: keptWords)
        }
        return s
    }

    /// A whole unit shaped like a postal address: two parts or more split by commas, each with
    /// a Capitalised word (a street, a town, a country), every word Capitalised or a number, no
    /// function word; a postcode (four or five digits, `0150`; a British `M1 3HE`; a ZIP+4) and
    /// another number (a house number: `4`, `12A`). `4 Canal Street, Manchester M1 3HE, United
    /// Kingdom` is one; `March 3, 2024` (a part of no word) and `Isle of Man, UK` (a function
    /// word) are not.
    static func isPostalAddress(_ text: [UInt32], _ roles: [Role], _ segment: Range<Int>, functionWords: Set<String>) -> Bool {
        guard segment.contains(where: { roles[$0] == .content && text[$0] == 0x2C }) else { return false }
        @inline(__always) func upper(_ c: UInt32) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0xC0 && c <= 0xDE && c != 0xD7) }
        @inline(__always) func lower(_ c: UInt32) -> Bool { (c >= 0x61 && c <= 0x7A) || (c >= 0xDF && c <= 0xFF && c != 0xF7) || (c >= 0x100 && c < 0x250) }
        @inline(__always) func digit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }
        var parts = 0, houseNumbers = 0, postcodes = 0
        var partHasName = false
        // The previous word when it was the first half of a British postcode (`M1`, `SW1A`).
        var outwardCode = false
        var i = segment.lowerBound
        while i <= segment.upperBound {
            if i == segment.upperBound || (roles[i] == .content && text[i] == 0x2C) {
                guard partHasName else { return false }
                parts += 1
                partHasName = false
                outwardCode = false
                i += 1
                continue
            }
            if roles[i] != .content || isSpace(text[i]) { i += 1; continue }
            var j = i
            while j < segment.upperBound && roles[j] == .content && !isSpace(text[j]) && text[j] != 0x2C { j += 1 }
            // A word: a number (with a letter or a dash and digits), a postcode half, or a name.
            var digits = 0, uppers = 0, lowers = 0, marks = 0
            for k in i..<j {
                let c = text[k]
                if digit(c) { digits += 1 } else if upper(c) { uppers += 1 } else if lower(c) { lowers += 1 }
                else if c == 0x2E || c == 0x2D || c == 0x27 || c == 0x2019 || c == 0x2F { marks += 1 } else { return false }
            }
            let first = text[i]
            var wasOutward = false
            if digits > 0 {
                if digit(first) && lowers == 0 && uppers == 2 && digits == 1 && j - i == 3 && outwardCode {
                    postcodes += 1                                                   // 3HE
                } else if digit(first) && lowers == 0 && uppers == 0 && (digits == 4 || digits == 5) && marks == 0 {
                    postcodes += 1                                                   // 0150, 10115
                } else if digit(first) && uppers == 0 && lowers == 0 && digits == 9 && marks == 1 && j - i == 10 && text[i + 5] == 0x2D {
                    postcodes += 1                                                   // 94105-1234
                } else if upper(first) && lowers == 0 && uppers >= 1 && uppers <= 3 && digits <= 2 && marks == 0 && j - i <= 4 {
                    wasOutward = true                                                // M1, SW1A
                } else if digit(first) && digits <= 5 && lowers <= 1 && uppers <= 1 {
                    houseNumbers += 1                                                // 4, 12A, 7-9
                } else {
                    return false
                }
            } else {
                guard upper(first) else { return false }
                let word = String(String.UnicodeScalarView(text[i..<j].compactMap { Unicode.Scalar($0) })).lowercased()
                if functionWords.contains(word) { return false }
                if lowers > 0 || uppers >= 2 { partHasName = true }
            }
            outwardCode = wasOutward
            i = j
        }
        return parts >= 2 && postcodes >= 1 && postcodes + houseNumbers >= 2
    }

    /// Code punctuation in `range` (prose characters only): `{ } ( ) < > = ; [ ] | $`, letters and
    /// digits, and whether a type expression's marks occur (or a JSON object's, `"key": "value"`).
    static func codePunctuation(_ text: UnsafeBufferPointer<UInt32>, _ roles: UnsafeBufferPointer<Role>,
                                _ range: Range<Int>) -> (symbols: Int, letters: Int, typeExpression: Bool) {
        var symbols = 0, letterCount = 0
        var typeExpression = false
        // `{` with a colon and a closing brace anywhere in the stretch: `{ a: T }`.
        var colon = false, closingBrace = false, openingBrace = false
        for i in range where roles[i] == .content {
            let c = text[i]
            if c == 0x3A { colon = true } else if c == 0x7D { closingBrace = true }
            switch c {
            case 0x7B, 0x7D, 0x28, 0x29, 0x3C, 0x3E, 0x3D, 0x3B, 0x5B, 0x5D, 0x7C, 0x24:
                symbols += 1
                let next = i + 1 < text.count ? text[i + 1] : 0
                let prev = i > 0 ? text[i - 1] : 0
                if c == 0x3D && next == 0x3E { typeExpression = true }                        // =>
                if c == 0x7C { typeExpression = true }                                         // a | b
                if c == 0x29 && next == 0x3A { typeExpression = true }                         // f(a): T
                if c == 0x3C && isLetterOrDigit(prev) && (isLetterOrDigit(next) || next == 0x7B || next == 0x5B) { typeExpression = true }  // Array<T>
                if c == 0x7B { openingBrace = true }
            case 0x3F:
                if i + 1 < text.count && text[i + 1] == 0x3A { typeExpression = true }          // ?:
            case 0x22:
                // A quoted key, a colon and a value: a JSON object's member (`"theme": "dark"`).
                var j = i + 1
                if j < text.count && text[j] == 0x3A {
                    j += 1
                    while j < text.count && (text[j] == 0x20 || roles[j] == .markup) { j += 1 }
                    if j < text.count && (text[j] == 0x22 || text[j] == 0x7B || text[j] == 0x5B || isDigit(text[j])) { typeExpression = true }
                }
            default: if isLetterOrDigit(c) { letterCount += 1 }
            }
        }
        if openingBrace && colon && closingBrace { typeExpression = true }                   // { a: T }
        return (symbols, letterCount, typeExpression)
    }

    /// Programming literals: a cell or stretch holding them is a value, not prose.
    static let literals: Set<String> = ["true", "false", "null", "undefined", "nil", "nan"]

    /// A token shaped like code: a dotted key inside one ICU word (`a.b.c`, not `e.g`), a
    /// `key:value` or host:port, a kebab compound with digits or three parts of content words,
    /// an option (`-x`, `--flag`), a path or expression piece (touching `/ \\ = @ # ~ $ < > { } [ ] |`
    /// or `)` without a space), a string literal in quotes, or a programming literal.
    ///
    /// - Parameter isLiteral: `lowered` is one of ``literals`` (known from the token table).
    static func hasCodeShape(_ text: [UInt32], _ roles: [Role], _ r: Range<Int>, hyphens: Int, lowered: String,
                             isLiteral: Bool, functionWords: Set<String>) -> Bool {
        if isLiteral { return true }
        // A word ICU joined to a sigil (`@Mobiles`, `#tag`): a parameter or handle.
        if let f = r.first, !isLetterOrDigit(text[f]) { return true }
        // Inner dots and colons of one ICU word: `spring.datasource.url`, `assembly:assembly`.
        var partLetters = 0, longPart = false, innerMark = false, digit = false
        for i in r {
            let c = text[i]
            if c == 0x2E || c == 0x3A {
                if i > r.lowerBound && i + 1 < r.upperBound { innerMark = true; if c == 0x3A { longPart = true } }
                if partLetters >= 2 { longPart = true }
                partLetters = 0
            } else if c == 0x2D {
                partLetters = 0
            } else {
                partLetters += 1
                if isDigit(c) { digit = true }
            }
        }
        if innerMark && (longPart || partLetters >= 2) { return true }
        // kebab-case: digits or three and more parts, none a function word (not `state-of-the-art`).
        if hyphens >= 1 && digit && r.count > 2 { return true }
        if hyphens >= 2 && !lowered.split(separator: "-").contains(where: { functionWords.contains(String($0)) }) { return true }
        let before = r.lowerBound > 0 && roles[r.lowerBound - 1] == .content ? text[r.lowerBound - 1] : 0x20
        let after = r.upperBound < text.count && roles[r.upperBound] == .content ? text[r.upperBound] : 0x20
        let after2 = r.upperBound + 1 < text.count ? text[r.upperBound + 1] : 0x20
        // -x, --flag (a hyphen at the start of a word, not inside one).
        if before == 0x2D {
            let b2 = r.lowerBound > 1 ? text[r.lowerBound - 2] : 0x20
            if b2 == 0x20 || b2 == 0x2D || b2 == 0x0A || b2 == 0x28 || b2 == 0x60 { return true }
        }
        func codeMark(_ c: UInt32) -> Bool {
            switch c {
            case 0x2F, 0x5C, 0x3D, 0x40, 0x23, 0x7E, 0x24, 0x3C, 0x3E, 0x7B, 0x7D, 0x5B, 0x5D, 0x7C, 0x5F: return true
            default: return false
            }
        }
        if codeMark(before) || codeMark(after) { return true }
        if before == 0x29 { return true }  // `(default)Value`
        // key:value, host:port, scheme:…
        if after == 0x3A && !isSpace(after2) && after2 != 0 && (isLetterOrDigit(after2) || after2 == 0x2F) { return true }
        // 'literal', "literal"
        if (before == 0x27 && after == 0x27) || (before == 0x22 && after == 0x22) || (before == 0x60 || after == 0x60) { return true }
        return false
    }

    /// The Chinese right before `index` (over spaces, markup, quotes and a colon) ends with a
    /// UI verb of the target locale (`点击 Save`, `报错：message`).
    func endsWithUIVerb(_ text: [UInt32], _ roles: [Role], before index: Int) -> Bool {
        Segmenter.endsWithOne(of: target.uiVerbs, ends: target.uiVerbEnds, text, roles, before: index)
    }

    /// Where the words after a UI verb stop being the UI string: the index of the first token
    /// (from `first`) past the string's closing markup (`**Settings > Help**`, quotation marks),
    /// `first` itself when the string was inline code before the words (`点击 `Save` and…`), or,
    /// without markup, the index of a lowercase clause opener (`and`, `to`: the source locale's
    /// `clauseOpeners`) after a label of up to three words or in Title Case, followed by a clause
    /// (three words or more, two of them lowercase words and fewer capitalised ones) that ends
    /// the sentence in English (`.`, `!` or `?` ends the stretch at `end`): `打开 Help and include
    /// the report ID in your message.`. A label in sentence case goes on into the Chinese
    /// (`勾选 Allow edits and access to secrets by maintainers 选项`). Nil when the stretch is all
    /// the string (`点击 Save and Close`, `选择 Run as administrator`, `点击 **Save**`).
    func uiStringTail(_ text: [UInt32], _ roles: [Role], _ tokens: [StretchToken], _ ranges: [Range<Int>],
                      first: Int, segmentStart: Int, end: Int) -> Int? {
        var open = false, code = false
        // The marks in `lo..<hi`: a run of `*`/`_` markup toggles emphasis, a quotation mark
        // opens or closes (a straight one toggles).
        func scan(_ lo: Int, _ hi: Int) {
            var i = lo
            while i < hi {
                let c = text[i]
                if roles[i] == .code { code = true }
                if roles[i] == .markup && (c == 0x2A || c == 0x5F) {
                    while i + 1 < hi && roles[i + 1] == .markup && text[i + 1] == c { i += 1 }
                    open.toggle()
                } else if roles[i] == .content {
                    switch c {
                    case 0x201C, 0x2018, 0x300C, 0x300E: open = true
                    case 0x201D, 0x2019, 0x300D, 0x300F: open = false
                    case 0x22: open.toggle()
                    default: break
                    }
                }
                i += 1
            }
        }
        scan(segmentStart, ranges[first].lowerBound)
        if open {
            for j in (first + 1)..<tokens.count {
                scan(ranges[j - 1].upperBound, ranges[j].lowerBound)
                if !open { return j }
            }
            return nil
        }
        if code { return first }
        let openers = source.clauseOpeners
        guard !openers.isEmpty, end > 0, [0x2E, 0x21, 0x3F].contains(text[end - 1]), roles[end - 1] == .content else { return nil }
        var capitalizedLabel = true
        for j in (first + 1)..<tokens.count {
            if tokens[j - 1].kind == .lowercase { capitalizedLabel = false }
            guard openers.contains(tokens[j].text), (0x61...0x7A).contains(text[ranges[j].lowerBound]),
                  j - first <= 3 || capitalizedLabel, tokens.count - j - 1 >= 3 else { continue }
            var lower = 0, capitalized = 0
            for t in tokens[(j + 1)...] {
                if t.kind == .lowercase { lower += 1 } else if t.kind == .capitalized { capitalized += 1 }
            }
            if lower >= 2 && lower > capitalized { return j }
        }
        return nil
    }

    /// The Chinese right before `index` ends with a verb of naming (`称为 lifting state up`).
    func endsWithNamingVerb(_ text: [UInt32], _ roles: [Role], before index: Int) -> Bool {
        Segmenter.endsWithOne(of: target.namingVerbs, ends: target.namingVerbEnds, text, roles, before: index)
    }

    /// The Chinese right before `index` (over spaces, markup, a colon and opening marks) ends
    /// with one of `phrases`, whose last characters are `ends`.
    static func endsWithOne(of phrases: [[UInt32]], ends: [UInt32], _ text: [UInt32], _ roles: [Role], before index: Int) -> Bool {
        guard !phrases.isEmpty else { return false }
        var b = index - 1
        while b >= 0 && (isSpace(text[b]) || roles[b] != .content || text[b] == 0xFF1A || text[b] == 0x3A || isOpening(text[b])) { b -= 1 }
        guard b >= 0, text[b] >= 0x2E80, ends.sortedContains(text[b]) else { return false }
        return Segmenter.oneEndsAt(phrases, text, b + 1)
    }

    /// One of `phrases` ends right before `end` in `text`.
    static func oneEndsAt(_ phrases: [[UInt32]], _ text: [UInt32], _ end: Int) -> Bool {
        for v in phrases where v.count <= end {
            var ok = true
            for (o, c) in v.enumerated() where text[end - v.count + o] != c { ok = false; break }
            if ok { return true }
        }
        return false
    }

    /// The Chinese right after `index` (over spaces, markup and closing quotes) starts with a
    /// kind noun of the target locale (`Save 按钮`, `Settings 菜单`).
    func startsWithKindNoun(_ text: [UInt32], _ roles: [Role], after index: Int) -> Bool {
        guard !target.kindNouns.isEmpty else { return false }
        var e = index
        while e < text.count && (isSpace(text[e]) || roles[e] != .content || isClosing(text[e])) { e += 1 }
        // A determiner between them (`… not found 这样的错误`, `Permission denied 的错误`).
        if e < text.count && target.kindNounDeterminerStarts.sortedContains(text[e]) {
            for d in target.kindNounDeterminers where e + d.count < text.count && text[e] == d[0] {
                if (0..<d.count).allSatisfy({ text[e + $0] == d[$0] }) { e += d.count; break }
            }
        }
        guard e < text.count, text[e] >= 0x2E80, target.kindNounStarts.sortedContains(text[e]) else { return false }
        for v in target.kindNouns where e + v.count <= text.count {
            var ok = true
            for (o, c) in v.enumerated() where text[e + o] != c { ok = false; break }
            if ok { return true }
        }
        return false
    }

    /// The words from `lo` to `hi` are wrapped in emphasis markers: an opening `*`/`_` markup
    /// right before the first word and a closing one right after the last (or after its
    /// trailing punctuation).
    static func isEmphasized(_ text: [UInt32], _ roles: [Role], _ lo: Int, _ hi: Int) -> Bool {
        guard lo > 0, roles[lo - 1] == .markup, text[lo - 1] == 0x2A || text[lo - 1] == 0x5F else { return false }
        var e = hi
        while e < text.count && roles[e] == .content && isPunctuation(text[e]) && !isSpace(text[e]) && e - hi < 3 { e += 1 }
        guard e < text.count, roles[e] == .markup, text[e] == 0x2A || text[e] == 0x5F else { return false }
        // No other emphasis run opens or closes in between (`**a** b **c**` is not one label).
        for i in lo..<hi where roles[i] == .markup && (text[i] == 0x2A || text[i] == 0x5F) { return false }
        return true
    }

    /// The last character before `index` that is neither space nor markup is inline code.
    static func terminatorInCode(_ text: [UInt32], _ roles: [Role], before index: Int) -> Bool {
        var i = index - 1
        while i >= 0 && (isSpace(text[i]) || roles[i] == .markup || roles[i] == .structure) { i -= 1 }
        return i >= 0 && roles[i] == .code
    }

    /// `text` before `end` ends with digits and dots holding a dot between digits (`3.0.0`, `1.2`).
    static func endsWithDottedVersion(_ text: [UInt32], before end: Int) -> Bool {
        var i = end, dot = false
        while i > 0 && (isDigit(text[i - 1]) || text[i - 1] == 0x2E) {
            if text[i - 1] == 0x2E && i < end && isDigit(text[i]) && i >= 2 && isDigit(text[i - 2]) { dot = true }
            i -= 1
        }
        return dot && isDigit(text[end - 1])
    }

    /// A unit that is one link whose text starts with a catalogue's identifier (`[CWE-22: Improper
    /// Limitation of a Pathname…](…)`, `RFC 9110`, `PEP 8: Style Guide…`): letters in capitals, a
    /// number, then a colon, a space or the end. The entry's title as the catalogue publishes it.
    static func isCatalogueLink(_ text: [UInt32], _ roles: [Role], _ segment: Range<Int>, _ links: [InlineLink]) -> Bool {
        guard links.count == 1, !links[0].isImage else { return false }
        let l = links[0].text
        // Nothing read outside the link's text.
        guard !segment.contains(where: { !l.contains($0) && roles[$0] == .content && !isSpace(text[$0]) && !isPunctuation(text[$0]) }) else { return false }
        var k = l.lowerBound
        while k < l.upperBound && isSpace(text[k]) { k += 1 }
        let start = k
        while k < l.upperBound && text[k] >= 0x41 && text[k] <= 0x5A { k += 1 }
        guard k - start >= 2, k - start <= 6, k < l.upperBound else { return false }
        if text[k] == 0x2D || text[k] == 0x20 { k += 1 }
        let digits = k
        while k < l.upperBound && isDigit(text[k]) { k += 1 }
        guard k > digits else { return false }
        return k == l.upperBound || text[k] == 0x3A || text[k] == 0x20
    }

    /// A work cited by its title: the unit's one link goes to another site (`http…`) and its
    /// text is in Title Case, three capitalised words or more, every lowercase word of the unit
    /// a function word, the words outside the link capitalised too (its authors, a label):
    /// `[Geometric Algebra for Physicists](https://…) - Doran & Lasenby`, `DCN: [Deep & Cross
    /// Network for Ad Click Predictions](https://arxiv.org/…)`. A book's or a paper's title is
    /// kept as published; a label of words to translate has lowercase words
    /// (`[Project homepage](…)`), and a short link text is ``SourceStretch``'s link label.
    static func isTitledWorkLink(_ text: [UInt32], _ roles: [Role], _ segment: Range<Int>, _ links: [InlineLink],
                                 functionWords: Set<String>) -> Bool {
        guard links.count == 1, !links[0].isImage, links[0].destination.hasPrefix("http") else { return false }
        let l = links[0].text
        var capitalizedInLink = 0
        var k = segment.lowerBound
        while k < segment.upperBound {
            guard roles[k] == .content, isLetterOrDigit(text[k]) else { k += 1; continue }
            var e = k + 1
            while e < segment.upperBound && roles[e] == .content && (isLetterOrDigit(text[e]) || text[e] == 0x27 || text[e] == 0x2019) { e += 1 }
            let first = text[k]
            // An owner's possessive outside the title (`Microsoft's "Generative AI for
            // Beginners"`) is a phrase of prose to translate (微软的…).
            if !l.contains(k) && e - k > 2 && (text[e - 2] == 0x27 || text[e - 2] == 0x2019) && text[e - 1] == 0x73 { return false }
            if first >= 0x61 && first <= 0x7A {
                guard functionWords.contains(String(String.UnicodeScalarView(text[k..<e].compactMap(Unicode.Scalar.init)))) else { return false }
            } else if first >= 0x41 && first <= 0x5A && l.contains(k) {
                capitalizedInLink += 1
            }
            k = e
        }
        return capitalizedInLink >= 3
    }

    /// A paper cited by its title and then its address: the unit ends in a URL shown to the
    /// reader that points at a paper's registry (an `arxiv.org` abstract or PDF, a `doi.org`
    /// DOI), written after a comma or a full stop and a Capitalised title
    /// (`Aligning Bilingual Pages at Scale: A Study of Sentence Pairs, https://arxiv.org/abs/2101.00001`). A
    /// sentence that points at the paper (`see https://arxiv.org/…`) has no comma before it.
    static func endsWithPaperURL(_ text: [UInt32], _ roles: [Role]) -> Bool {
        var e = text.count
        while e > 0 && (isSpace(text[e - 1]) || roles[e - 1] == .markup || roles[e - 1] == .structure) { e -= 1 }
        guard e > 0, roles[e - 1] == .url else { return false }
        var b = e
        while b > 0 && roles[b - 1] == .url { b -= 1 }
        guard e - b >= 16 else { return false }
        let url = String(String.UnicodeScalarView(text[b..<e].compactMap { Unicode.Scalar($0) })).lowercased()
        guard url.contains("arxiv.org/") || url.contains("doi.org/10.") else { return false }
        var k = b
        while k > 0 && (isSpace(text[k - 1]) || roles[k - 1] == .markup) { k -= 1 }
        guard k > 0, roles[k - 1] == .content, text[k - 1] == 0x2C || text[k - 1] == 0x2E || text[k - 1] == 0xFF0C else { return false }
        var f = 0
        while f < k && (roles[f] != .content || isSpace(text[f]) || text[f] == 0x5B) { f += 1 }
        return f < k - 1 && text[f] >= 0x41 && text[f] <= 0x5A
    }

    /// A reference-list entry: it starts (after a `[12]` label) with an author written with
    /// initials, `Vaswani, A.`, `Chang, M.-W.`, `A. Vaswani,` or `A. Vaswani and`, or with a
    /// name and a year in parentheses (`OpenAI. (2023)`), and it holds a year (1800–2099).
    static func isCitation(_ text: [UInt32], _ roles: [Role], _ segment: Range<Int>) -> Bool {
        // Most units without Han start with something else than a capital or `[` (code, names
        // in lowercase) or hold no year: answered without looking further.
        var f = segment.lowerBound
        while f < segment.upperBound && (roles[f] != .content || isSpace(text[f])) { f += 1 }
        guard f < segment.upperBound, (text[f] >= 0x41 && text[f] <= 0x5A) || text[f] == 0x5B,
              holdsYear(text, segment) else { return false }
        // The content characters of the start, markup (`*Title*`) left out.
        var c: [UInt32] = []
        c.reserveCapacity(min(160, segment.count))
        var k = segment.lowerBound
        while k < segment.upperBound && c.count < 160 {
            if roles[k] == .content { c.append(text[k]) }
            k += 1
        }
        @inline(__always) func at(_ i: Int) -> UInt32 { i < c.count ? c[i] : 0 }
        @inline(__always) func upper(_ i: Int) -> Bool { at(i) >= 0x41 && at(i) <= 0x5A }
        @inline(__always) func letter(_ i: Int) -> Bool {
            let x = at(i)
            return ((x | 0x20) >= 0x61 && (x | 0x20) <= 0x7A) || (x >= 0xC0 && x < 0x2000 && isLetterOrDigit(x))
        }
        @inline(__always) func digit(_ i: Int) -> Bool { at(i) >= 0x30 && at(i) <= 0x39 }
        // The ASCII of `word` at `i`.
        func has(_ word: StaticString, at i: Int) -> Bool {
            (0..<word.utf8CodeUnitCount).allSatisfy { at(i + $0) == UInt32(word.utf8Start[$0]) }
        }
        var i = 0
        while isSpace(at(i)) { i += 1 }
        if at(i) == 0x5B {  // [12]
            var j = i + 1
            while digit(j) { j += 1 }
            if j > i + 1 && at(j) == 0x5D { i = j + 1 }
            if at(i) == 0x3A { i += 1 }  // [4]: Xu Y, …
            while isSpace(at(i)) { i += 1 }
        }
        // A surname: a capital and letters, apostrophes or hyphens (`O'Neil`, `Müller-Lyer`).
        func surname(_ i: Int) -> Int? {
            guard upper(i) else { return nil }
            var j = i + 1
            while letter(j) || ((at(j) == 0x27 || at(j) == 0x2019 || at(j) == 0x2D) && letter(j + 1)) { j += 1 }
            return j > i + 1 ? j : nil
        }
        // Initials: `A.`, `M.-W.`, `A. B.`; the index after the last period.
        func initials(_ i: Int) -> Int? {
            var j = i, n = 0
            while upper(j) && at(j + 1) == 0x2E {
                j += 2
                n += 1
                if at(j) == 0x2D || (at(j) == 0x20 && upper(j + 1) && at(j + 2) == 0x2E) { j += 1 }
            }
            return n > 0 ? j : nil
        }
        // Initials in capitals without periods after a surname (` RW`, ` J`, or spaced as GB/T
        // 7714 writes them, ` A R`): the index after them.
        func bareInitials(_ s: Int) -> Int? {
            guard at(s) == 0x20 else { return nil }
            var j = s + 1
            while upper(j) { j += 1 }
            guard j > s + 1 && j <= s + 4 else { return nil }
            if j == s + 2 {
                while j < s + 6 && at(j) == 0x20 && upper(j + 1) && !letter(j + 2) && !digit(j + 2) { j += 2 }
            }
            return !letter(j) && !digit(j) ? j : nil
        }
        // After an author: more authors or the year, not a verb.
        func listGoesOn(_ s: Int) -> Bool { has(",", at: s) || has(" &", at: s) || has(" and ", at: s) || has(" et al", at: s) }
        @inline(__always) func lower(_ i: Int) -> Bool { at(i) >= 0x61 && at(i) <= 0x7A }
        // After a first surname `s`: ` et al. ` or ` and ` a second surname and `. `; the index
        // where the title starts.
        func titleAfterSurnames(_ s: Int) -> Int? {
            if has(" et al. ", at: s) { return s + 8 }
            if has(" and ", at: s), let s2 = surname(s + 5), has(". ", at: s2) { return s2 + 2 }
            return nil
        }
        var author = false
        if let s = surname(i), has(", ", at: s), let n = initials(s + 2) {
            // Vaswani, A., … / O'Neil, C. (2016) / Karpathy, A. Software 2.0 — not `Smith, J.
            // wrote` nor `However, I. Sutskever argued` (a lowercase word after the initials or
            // after the name that follows them: a sentence about someone).
            let verb = has(" ", at: n) && (lower(n + 1) || surname(n + 1).map { has(" ", at: $0) && lower($0 + 1) } ?? false)
            author = listGoesOn(n) || has(" (", at: n) || !verb
        } else if let n = initials(i), has(" ", at: n), let s = surname(n + 1) {
            author = listGoesOn(s)  // A. Vaswani, … / A. Vaswani and … / A. Vaswani et al.
        } else if let n = surname(i).flatMap(bareInitials) {
            // Vancouver (`Hornung RW, Reed LD.`, `Smith J, Chen L, et al.`): a surname and its
            // initials in capitals without periods, then a second author, `et al` or, for one
            // author alone, the period and a source that holds `year;volume` or a `doi:`.
            if has(", ", at: n) {
                author = has("et al", at: n + 2) || surname(n + 2).flatMap(bareInitials).map { has(",", at: $0) || has(".", at: $0) } ?? false
            } else if has(". ", at: n) {
                author = Segmenter.holdsVolumeOrDOI(text, segment)
            }
        } else if let s = surname(i), let t = titleAfterSurnames(s) {
            // Wang et al. Title. 2023. / Wang and Song. Title. 2024.: authors by their surnames
            // alone, a full stop, then the title starting with a capital, a digit or a quotation
            // mark (not `Wang et al. (2023) showed`, nor `Wang et al. proposed`); two surnames
            // joined by `and` only with a year that ends a sentence of the entry (`… 2024.`).
            let title = upper(t) || digit(t) || at(t) == 0x22 || at(t) == 0x201C || at(t) == 0x2018
            author = title && (has(" et al. ", at: s) || Segmenter.holdsYearBeforeFullStop(text, roles, segment))
        } else if let t = Segmenter.afterFullName(surname, { has($0, at: $1) }, i), upper(t),
                  Segmenter.holdsYearBeforeFullStop(text, roles, segment), Segmenter.endsInLink(roles, segment) {
            // Hongbin Na. Title. COLING 2024. [[arxiv]](…): one author by a full name of two or
            // three capitalised words, a full stop, a title starting with a capital, a year that
            // ends a sentence of the entry, and the entry ending in a link (a list of papers
            // linked to their pages; `Click Save. The file is kept since 2024.` links nothing).
            // Anything else goes on to the next shape (`World Health Organization. (2020)`).
            author = true
        } else {
            // OpenAI. (2023) / World Health Organization. (2020): capitalized words, then the
            // year in parentheses (not `Vaswani et al. (2017) showed`).
            var j = i
            var capitalized = true
            while j < i + 80 && j < c.count && !has(". (", at: j) {
                if at(j) == 0x20 && !(upper(j + 1) || digit(j + 1) || at(j + 1) == 0x26) { capitalized = false }
                j += 1
            }
            author = capitalized && j > i && j + 8 <= c.count && has(")", at: j + 7) && Segmenter.holdsYear(c, j + 3..<j + 7)
        }
        return author
    }

    /// A protocol status and its reason phrase, the whole of `segment`: a code from 100 to 599,
    /// then words that each start with a capital (`404 Not Found`, `429 Too Many Requests`).
    static func isStatusLine(_ text: [UInt32], _ roles: [Role], _ segment: Range<Int>) -> Bool {
        var k = segment.lowerBound
        while k < segment.upperBound && (roles[k] != .content || isSpace(text[k])) { k += 1 }
        guard k + 4 < segment.upperBound, text[k] >= 0x31 && text[k] <= 0x35, isDigit(text[k + 1]), isDigit(text[k + 2]),
              text[k + 3] == 0x20 else { return false }
        var wordStart = true, words = 0
        for i in (k + 3)..<segment.upperBound where roles[i] == .content {
            let c = text[i]
            if c == 0x20 || c == 0x2D { wordStart = true; continue }
            if wordStart {
                guard c >= 0x41 && c <= 0x5A else { return false }
                words += 1
                wordStart = false
            } else if !((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) && c != 0x27 {
                return false
            }
        }
        return words >= 1
    }

    /// A whole unit that lists values, not a phrase: two to eight items split by `/`, `,`, `;`
    /// or Chinese list punctuation, each a bare function word used as a value (`On / Off`,
    /// `In / Out`), a quantity (`60 Hz`, `-12 dB`) or a name (`AUTO`, `dB`), at least one of
    /// them a function word or a quantity. Function words between separators make no sentence;
    /// an item of ordinary words (`Fast / Slow`) is left to the words.
    static func isValueList(_ text: [UInt32], _ roles: [Role], _ segment: Range<Int>, functionWords: Set<String>) -> Bool {
        func separator(_ c: UInt32) -> Bool { c == 0x2F || c == 0x2C || c == 0x3B || c == 0x3001 || c == 0xFF0C || c == 0xFF1B }
        guard segment.contains(where: { roles[$0] == .content && separator(text[$0]) }) else { return false }
        var items = 0, values = 0
        var start = segment.lowerBound
        while start <= segment.upperBound {
            var end = start
            while end < segment.upperBound && !(roles[end] == .content && separator(text[end])) { end += 1 }
            // The item's words (content, split at spaces).
            var words: [Range<Int>] = []
            var i = start
            while i < end {
                while i < end && (roles[i] != .content || isSpace(text[i])) { i += 1 }
                var j = i
                while j < end && roles[j] == .content && !isSpace(text[j]) { j += 1 }
                if j > i { words.append(i..<j) }
                i = j
            }
            func isNumber(_ w: Range<Int>) -> Bool {
                var k = w.lowerBound
                if k < w.upperBound && (text[k] == 0x2D || text[k] == 0x2B || text[k] == 0x2212) { k += 1 }
                return k < w.upperBound && isDigit(text[k]) && (k..<w.upperBound).allSatisfy { isDigit(text[$0]) || text[$0] == 0x2E }
            }
            func isSymbol(_ w: Range<Int>) -> Bool {
                w.count <= 4 && w.allSatisfy { isLetterOrDigit(text[$0]) || text[$0] == 0x25 || text[$0] == 0xB0 || text[$0] == 0xB5 }
            }
            switch words.count {
            case 1:
                let w = words[0]
                guard w.allSatisfy({ isLetterOrDigit(text[$0]) || text[$0] == 0x2E || text[$0] == 0x2D || text[$0] == 0x25 }) else { return false }
                let word = String(String.UnicodeScalarView(w.compactMap { Unicode.Scalar(text[$0]) })).lowercased()
                if functionWords.contains(word) || isNumber(w) { values += 1 }
                // Otherwise a name: capitals after its first letter (`dB`, `AUTO`).
                else if !w.dropFirst().contains(where: { isUpper(text[$0]) }) { return false }
            case 2:
                guard isNumber(words[0]), isSymbol(words[1]) else { return false }
                values += 1
            default:
                return false
            }
            items += 1
            start = end + 1
        }
        return items >= 2 && items <= 8 && values >= 1
    }

    /// Whether the letters at `start` follow a number, glued or after one space (`2.5 ms`,
    /// `10–20ms`; not the `v2` of `v2 api`), or the `/` of a rate after such letters (`mm/min`).
    static func followsQuantity(_ text: [UInt32], _ start: Int) -> Bool {
        var k = start - 1
        if text[k] == 0x2F {
            // The symbol before the slash, right after a number.
            var b = k
            while b > 0 && (text[b - 1] | 0x20 >= 0x61 && text[b - 1] | 0x20 <= 0x7A || text[b - 1] == 0xB5) { b -= 1 }
            return b < k && b > 0 && followsQuantity(text, b)
        }
        if isSpace(text[k]) && text[k] != 0x0A { k -= 1 }
        guard k >= 0, isDigit(text[k]) else { return false }
        while k > 0 && (isDigit(text[k - 1]) || ((text[k - 1] == 0x2E || text[k - 1] == 0x2C) && k > 1 && isDigit(text[k - 2]))) { k -= 1 }
        return k == 0 || !(isLetterOrDigit(text[k - 1]) || text[k - 1] == 0x5F)
    }

    /// Whether a number ends right before `end` and starts a token (`5` of `5-shot`, `1.58` of
    /// `1.58-bit`): digits, with dots between them, after a start, a space or a mark that is no
    /// letter, digit, `_`, `-` or `.` (not the `2` of `v2-beta` nor of `x86-64`).
    static func followsDigits(_ text: [UInt32], _ end: Int) -> Bool {
        var k = end
        guard k > 0, isDigit(text[k - 1]) else { return false }
        while k > 0 && (isDigit(text[k - 1]) || (text[k - 1] == 0x2E && k > 1 && isDigit(text[k - 2]))) { k -= 1 }
        guard k > 0 else { return true }
        let c = text[k - 1]
        return !(isLetterOrDigit(c) || c == 0x5F || c == 0x2D || c == 0x2E)
    }

    /// Whether the token `r` (an ordinary word by its letters) is a unit symbol: up to two
    /// letters (`ms`, `kg`, `Hz`, `µs`: the symbols `number-mismatch` reads), a unit of time's
    /// symbol of the locale (`min`), or a rate written with `p` for per: a letter then `p` and
    /// a second, a minute or an hour (`fps`, `rpm`, `mph`), bits per second with a prefix (`kbps`).
    static func isUnitSymbol(_ text: [UInt32], _ r: Range<Int>, durations: [String: String]) -> Bool {
        let n = r.count, t = text[r]
        if n <= 2 { return true }
        guard n <= 4 else { return false }
        let a = t[r.lowerBound], p = t[r.upperBound - 2], z = t[r.upperBound - 1]
        if n == 3 && p == 0x70 && (z == 0x73 || z == 0x6D || z == 0x68) { return true }
        if n == 4 && (a == 0x6B || a == 0x6D || a == 0x67) && t[r.lowerBound + 1] == 0x62 && p == 0x70 && z == 0x73 { return true }
        let word = String(String.UnicodeScalarView(t.compactMap { Unicode.Scalar($0) }))
        return durations.values.contains(word)
    }

    /// `r` holds a year with the volume after a semicolon (`1990;5(1):46–51`, `2021;492:112995`)
    /// or a `doi:`, the source of a reference in the Vancouver style.
    static func holdsVolumeOrDOI(_ text: [UInt32], _ r: Range<Int>) -> Bool {
        var t = r.lowerBound + 4
        while t + 1 < r.upperBound {
            if text[t] == 0x3B, isDigit(text[t + 1]), holdsYear(text, t - 4..<t) { return true }
            if text[t] == 0x3A, (text[t - 3] | 0x20) == 0x64, (text[t - 2] | 0x20) == 0x6F, (text[t - 1] | 0x20) == 0x69 { return true }
            t += 1
        }
        return false
    }

    /// Where a title starts after a full name of two or three capitalised words and `. `
    /// (`Hongbin Na. `), at `i` of the entry's content; nil for anything else. `surname` and
    /// `has` read the entry's content.
    static func afterFullName(_ surname: (Int) -> Int?, _ has: (StaticString, Int) -> Bool, _ i: Int) -> Int? {
        var j = i, words = 0
        while let e = surname(j) {
            words += 1
            if has(". ", e) { return (2...3).contains(words) ? e + 2 : nil }
            guard words < 3, has(" ", e) else { return nil }
            j = e + 1
        }
        return nil
    }

    /// True when the last thing of `segment` a reader does not skip as syntax is a link's
    /// destination (`… 2024. [[arxiv]](https://…)`).
    static func endsInLink(_ roles: [Role], _ segment: Range<Int>) -> Bool {
        var k = segment.upperBound
        while k > segment.lowerBound && roles[k - 1] == .markup { k -= 1 }
        return k > segment.lowerBound && roles[k - 1] == .destination
    }

    /// A year (1800–2099) of `segment`'s content right before a full stop (`… 2024.`), as a
    /// reference entry dates itself.
    static func holdsYearBeforeFullStop(_ text: [UInt32], _ roles: [Role], _ segment: Range<Int>) -> Bool {
        var k = segment.lowerBound
        while k + 4 < segment.upperBound {
            if text[k + 4] == 0x2E, roles[k + 4] == .content, (k..<k + 4).allSatisfy({ roles[$0] == .content }),
               holdsYear(text, k..<k + 4), k == segment.lowerBound || !isLetterOrDigit(text[k - 1]) {
                return true
            }
            k += 1
        }
        return false
    }

    /// A year from 1800 to 2099 in `r`: four digits not inside a longer number or word
    /// (`2019a` counts, `v2019` does not).
    static func holdsYear(_ text: [UInt32], _ r: Range<Int>) -> Bool {
        var t = r.lowerBound
        while t + 3 < r.upperBound {
            if (text[t] == 0x31 && (text[t + 1] == 0x38 || text[t + 1] == 0x39)) || (text[t] == 0x32 && text[t + 1] == 0x30),
               isDigit(text[t + 2]), isDigit(text[t + 3]),
               t + 4 == r.upperBound || !isDigit(text[t + 4]),
               t == r.lowerBound || !isLetterOrDigit(text[t - 1]) {
                return true
            }
            t += 1
        }
        return false
    }

    /// Whether `r` lies inside one pair of parentheses that opens right after Han and closes
    /// before the sentence ends, with Chinese or another name beside it inside them:
    /// `中文（English，ABBR）`, `中文（ABBR，English）`, `中文（即 English）`.
    static func insideGlossParentheses(_ text: [UInt32], _ roles: [Role], _ r: Range<Int>) -> Bool {
        @inline(__always) func opens(_ c: UInt32) -> Bool { c == 0x28 || c == 0xFF08 }
        @inline(__always) func closes(_ c: UInt32) -> Bool { c == 0x29 || c == 0xFF09 }
        @inline(__always) func endsSentence(_ c: UInt32) -> Bool { c == 0x3002 || c == 0xFF01 || c == 0xFF1F }
        // Back to the opening parenthesis; forward to the closing one (either may end `r`);
        // a gloss's parentheses hold a few words, so neither is looked for far away.
        let reach = 48
        var o = r.lowerBound
        let stop = max(-1, r.lowerBound - reach)
        while o > stop && !opens(text[o]) {
            if closes(text[o]) || endsSentence(text[o]) { return false }
            o -= 1
        }
        guard o > stop else { return false }
        var c = r.upperBound - 1
        let end = min(text.count, r.upperBound + reach)
        while c < end && !closes(text[c]) {
            if opens(text[c]) || endsSentence(text[c]) { return false }
            c += 1
        }
        return c < end && Segmenter.hanBefore(text, roles, o)
    }

    /// Han is the last visible content character before `index`.
    static func hanBefore(_ text: [UInt32], _ roles: [Role], _ index: Int) -> Bool {
        var b = index - 1
        while b >= 0 && (isSpace(text[b]) || roles[b] != .content) { b -= 1 }
        return b >= 0 && text[b] >= 0x2E80 && Characters.script(text[b]) == .han
    }

    /// A gloss: English right after Chinese ending in a parenthesised abbreviation
    /// (`注意力机制 attention mechanism (AM)`), or English followed by a Chinese gloss in
    /// parentheses (`English（中文）`).
    static func isGloss(_ text: [UInt32], _ roles: [Role], _ segment: Range<Int>, _ lastWordEnd: Int) -> Bool {
        // English（中文）: after the last word, spaces then an opening parenthesis then Han.
        var e = lastWordEnd
        while e < text.count && (isSpace(text[e]) || roles[e] != .content) { e += 1 }
        if e + 1 < text.count, text[e] == 0x28 || text[e] == 0xFF08 {
            var h = e + 1
            while h < text.count && (isSpace(text[h]) || roles[h] != .content) { h += 1 }
            if h < text.count && text[h] >= 0x2E80 && Characters.script(text[h]) == .han { return true }
        }
        // 中文 English (ABBR): Han right before, `(CAPS)` at the end.
        guard hanBefore(text, roles, segment.lowerBound) else { return false }
        var c = segment.upperBound - 1
        while c > segment.lowerBound && (isSpace(text[c]) || roles[c] != .content) { c -= 1 }
        guard text[c] == 0x29 || text[c] == 0xFF09 else { return false }
        var o = c - 1
        var caps = 0
        while o > segment.lowerBound && text[o] != 0x28 && text[o] != 0xFF08 {
            if isUpper(text[o]) { caps += 1 }
            o -= 1
        }
        return caps >= 2 && c - o <= 12
    }

    /// An acronym and its expansion, one of them in parentheses at the end, either way round
    /// (`RAG (Retrieval-Augmented Generation)`, `Retrieval-Augmented Generation（RAG）`): a term
    /// defined where it is introduced, which a translation keeps as the source wrote it. The
    /// short form is one token of letters and digits, two of its letters capitals; the long form
    /// has at most twice as many words as the short form has characters (five more at most), and
    /// holds every character of the short form in order, the first at the start of a word
    /// (Schwartz and Hearst's match of an abbreviation with its definition, 2003).
    static func isAcronymWithExpansion(_ text: [UInt32], _ roles: [Role], _ segment: Range<Int>) -> Bool {
        @inline(__always) func opens(_ c: UInt32) -> Bool { c == 0x28 || c == 0xFF08 }
        @inline(__always) func closes(_ c: UInt32) -> Bool { c == 0x29 || c == 0xFF09 }
        @inline(__always) func alnum(_ c: UInt32) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || c >= 0x30 && c <= 0x39 }
        @inline(__always) func lowered(_ c: UInt32) -> UInt32 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
        func trimmed(_ r: Range<Int>) -> Range<Int> {
            var lo = r.lowerBound, hi = r.upperBound
            while lo < hi && (isSpace(text[lo]) || roles[lo] != .content) { lo += 1 }
            while hi > lo && (isSpace(text[hi - 1]) || roles[hi - 1] != .content) { hi -= 1 }
            return lo..<hi
        }
        let whole = trimmed(segment)
        guard whole.count >= 6, closes(text[whole.upperBound - 1]) else { return false }
        var open = -1
        for k in whole.dropLast() {
            if closes(text[k]) || roles[k] != .content && !isSpace(text[k]) { return false }
            if opens(text[k]) {
                guard open < 0 else { return false }
                open = k
            }
        }
        guard open > whole.lowerBound else { return false }
        let outside = trimmed(whole.lowerBound..<open), inside = trimmed(open + 1..<whole.upperBound - 1)
        let oneToken = { (r: Range<Int>) in !r.isEmpty && !r.contains { isSpace(text[$0]) } }
        let (short, long): (Range<Int>, Range<Int>)
        if oneToken(outside) && !oneToken(inside) { (short, long) = (outside, inside) }
        else if oneToken(inside) && !oneToken(outside) { (short, long) = (inside, outside) }
        else { return false }
        guard (2...10).contains(short.count), short.allSatisfy({ alnum(text[$0]) || text[$0] == 0x2D }),
              alnum(text[short.lowerBound]), text[short.lowerBound] > 0x39,
              short.filter({ text[$0] >= 0x41 && text[$0] <= 0x5A }).count >= 2, !long.isEmpty else { return false }
        var words = 0
        var inWord = false
        for k in long {
            let letter = alnum(text[k])
            if letter && !inWord { words += 1 }
            inWord = letter
        }
        guard words >= 2, words <= min(short.count + 5, short.count * 2) else { return false }
        // Right to left: each character of the short form at or before the place of the last.
        var l = long.upperBound - 1
        var s = short.upperBound - 1
        while s >= short.lowerBound {
            let c = lowered(text[s])
            guard alnum(c) else { s -= 1; continue }
            while l >= long.lowerBound {
                let matches = lowered(text[l]) == c
                let wordStart = l == long.lowerBound || !alnum(text[l - 1])
                if matches && (s > short.lowerBound || wordStart) { break }
                l -= 1
            }
            guard l >= long.lowerBound else { return false }
            l -= 1
            s -= 1
        }
        return true
    }

    /// Two to eight single words split by `/`, spaces around it or not, nothing else
    /// (`research / optimize / live`, `read/write`): the values of a setting, named.
    static func isSlashList(_ text: [UInt32], _ roles: [Role], _ segment: Range<Int>) -> Bool {
        var items = 0, inItem = false, words = 0
        for k in segment where roles[k] == .content || roles[k] == .code {
            let c = text[k]
            if c == 0x2F {
                guard words == 1 else { return false }
                items += 1
                words = 0
                inItem = false
            } else if isSpace(c) {
                inItem = false
            } else if isLetterOrDigit(c) || c == 0x2D || c == 0x5F {
                if !inItem { words += 1; inItem = true }
                if words > 1 { return false }
            } else {
                return false
            }
        }
        guard words == 1 else { return false }
        return (2...8).contains(items + 1)
    }

    /// A word lowercased, with ’ as '.
    static func normalizedWord(_ text: [UInt32], _ r: Range<Int>) -> String {
        var ascii = true
        for k in r where text[k] >= 0x80 && text[k] != 0x2019 { ascii = false; break }
        if ascii {
            return String(unsafeUninitializedCapacity: r.count) { buffer in
                var n = 0
                for k in r {
                    var c = text[k]
                    if c == 0x2019 { c = 0x27 }
                    if c >= 0x41 && c <= 0x5A { c |= 0x20 }
                    buffer[n] = UInt8(c)
                    n += 1
                }
                return n
            }
        }
        var s = String.UnicodeScalarView()
        for k in r {
            var c = text[k]
            if c == 0x2019 { c = 0x27 }
            if c >= 0x41 && c <= 0x5A { c |= 0x20 }
            if c >= 0x80, let u = Unicode.Scalar(c) {
                s.append(contentsOf: u.properties.lowercaseMapping.unicodeScalars)
            } else if let u = Unicode.Scalar(c) {
                s.append(u)
            }
        }
        return String(s)
    }
}

@inline(__always) func isPunctuation(_ c: UInt32) -> Bool {
    let k = Characters.characterClass(c)
    return k == .punctuation || k == .symbol
}
@inline(__always) func isOpening(_ c: UInt32) -> Bool {
    switch c {
    case 0x22, 0x27, 0x28, 0x5B, 0x201C, 0x2018, 0x300C, 0x300E, 0x300A, 0xFF08, 0x3010: return true
    default: return false
    }
}
@inline(__always) func isClosing(_ c: UInt32) -> Bool {
    switch c {
    case 0x22, 0x27, 0x29, 0x5D, 0x201D, 0x2019, 0x300D, 0x300F, 0x300B, 0xFF09, 0x3011: return true
    default: return false
    }
}

/// Spaces, tabs, line ends, the no-break and the ideographic space.
@inlinable @inline(__always) public func isSpace(_ c: UInt32) -> Bool {
    c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0xA0 || c == 0x3000
}
@inline(__always) func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }
@inline(__always) func isUpper(_ c: UInt32) -> Bool {
    if c < 0x80 { return c >= 0x41 && c <= 0x5A }
    guard let u = Unicode.Scalar(c) else { return false }
    return u.properties.isUppercase
}
@inline(__always) func isLetterOrDigit(_ c: UInt32) -> Bool {
    if c < 0x80 { return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) }
    let k = Characters.characterClass(c)
    return k == .letter || k == .digit
}
@inline(__always) func isVisible(_ c: UInt32, _ r: Role) -> Bool {
    !isSpace(c) && r != .structure
}
/// Full-width marks that end a clause inside Chinese: `，。；：、！？`.
@inline(__always) func isClauseMark(_ c: UInt32) -> Bool {
    switch c {
    case 0xFF0C, 0x3002, 0xFF1B, 0xFF1A, 0x3001, 0xFF01, 0xFF1F: return true
    default: return false
    }
}
/// Punctuation that ends a clause: `，。；：！？,.;:!?、` and their kin.
@inline(__always) func isTrailingPunctuation(_ c: UInt32) -> Bool {
    switch c {
    case 0x2C, 0x2E, 0x3B, 0x3A, 0x21, 0x3F, 0xFF0C, 0x3002, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F, 0x3001: return true
    default: return false
    }
}

/// One-element arrays over a whole unit of `n` characters, shared among the units of that
/// length: `[0..<n]` for a unit that is one sentence, one run over it for a unit in one language.
/// Most units (a table's cells, headings, list items) are both, and each array was an
/// allocation and a free. (Arrays are values: a unit whose copy is changed gets its own.)
struct WholeUnitArrays {
    /// Units up to this many characters share their arrays.
    static let maxLength = 256
    private var sentences = [[Range<Int>]](repeating: [], count: maxLength + 1)
    /// By language (target, source, neutral), then length.
    private var runs = [[LanguageRun]](repeating: [], count: 3 * (maxLength + 1))

    mutating func sentence(_ n: Int) -> [Range<Int>] {
        guard n <= WholeUnitArrays.maxLength else { return [0..<n] }
        if sentences[n].isEmpty { sentences[n] = [0..<n] }
        return sentences[n]
    }

    mutating func run(_ language: RunLanguage, _ n: Int) -> [LanguageRun] {
        guard n <= WholeUnitArrays.maxLength else { return [LanguageRun(language: language, range: 0..<n)] }
        let l: Int
        switch language {
        case .target: l = 0
        case .source: l = 1
        case .neutral: l = 2
        }
        let k = l * (WholeUnitArrays.maxLength + 1) + n
        if runs[k].isEmpty { runs[k] = [LanguageRun(language: language, range: 0..<n)] }
        return runs[k]
    }
}

/// What ``Segmenter/stretch`` keeps from one call to the next.
struct StretchScratch {
    var tokenRanges: [Range<Int>] = []
    /// What a token's own characters decide, remembered by those characters: a document
    /// repeats its words, and finding a token here costs less than building its lowercased
    /// `String` again and hashing it against the function-word sets and the stem cache.
    var tokenTable = TokenTable()
}

/// Tokens met by a ``Segmenter``, keyed by their characters (as in the text, before lowercasing):
/// the lowercased text, whether it is a function word, and its stem once asked. An open-addressing
/// table with its own hash of the scalars, so a lookup neither builds nor hashes a `String`.
/// Emptied when it grows large; what it holds never depends on the order tokens come in.
struct TokenTable {
    struct Entry {
        /// Where the token's characters are in `keys`.
        var start: Int
        var count: Int
        var hash: UInt32
        var lowered: String
        var isFunction: Bool
        /// One of ``Segmenter/literals``.
        var isLiteral: Bool
        var stem: String?
        /// The token alone, as the last stretch of this one word made it: shared by the next
        /// such stretch if its kind is the same (a token's kind depends on where it stands;
        /// its text and stem follow from the entry and the kind).
        var alone: [StretchToken] = []
    }
    private var entries: [Entry] = []
    /// The characters of every entry, one after another.
    private var keys: [UInt32] = []
    /// Index in `entries` + 1, or 0 for an empty slot; the count is a power of two (none
    /// before the first insertion, so an empty table costs no allocation).
    private var slots: [Int32] = []

    /// FNV-1a over the scalars.
    @inline(__always)
    static func hash(_ text: UnsafeBufferPointer<UInt32>, _ r: Range<Int>) -> UInt32 {
        var h: UInt32 = 0x811C_9DC5
        for i in r { h = (h ^ text[i]) &* 0x0100_0193 }
        return h
    }

    /// The entry for `text[r]` if there is one, and the hash to insert it with otherwise.
    private func find(_ text: UnsafeBufferPointer<UInt32>, _ r: Range<Int>) -> (found: Bool, index: Int, hash: UInt32) {
        let h = TokenTable.hash(text, r)
        if slots.isEmpty { return (false, 0, h) }
        let mask = slots.count - 1
        var s = Int(h) & mask
        while true {
            let k = Int(slots[s]) - 1
            if k < 0 { return (false, 0, h) }
            if entries[k].hash == h && entries[k].count == r.count {
                var same = true
                var j = entries[k].start
                for i in r {
                    if keys[j] != text[i] { same = false; break }
                    j += 1
                }
                if same { return (true, k, h) }
            }
            s = (s + 1) & mask
        }
    }

    /// What `Segmenter.wordClasses` says of a word.
    enum WordClass {
        /// A function word of the source or the target locale.
        static let function: UInt8 = 1
        /// One of ``Segmenter/literals``.
        static let literal: UInt8 = 2
    }

    /// The entry for `text[r]` (made on first sight): its index, lowercased text (see
    /// ``Segmenter/normalizedWord(_:_:)``), and whether it is a function word or a literal
    /// (``WordClass`` bits of `wordClasses`).
    mutating func entry(_ text: [UInt32], _ r: Range<Int>, wordClasses: [String: UInt8])
        -> (index: Int, lowered: String, isFunction: Bool, isLiteral: Bool) {
        let found = text.withUnsafeBufferPointer { find($0, r) }
        if found.found {
            let k = found.index
            return (k, entries[k].lowered, entries[k].isFunction, entries[k].isLiteral)
        }
        let lowered = Segmenter.normalizedWord(text, r)
        let classes = wordClasses[lowered] ?? 0
        let function = classes & WordClass.function != 0
        let literal = classes & WordClass.literal != 0
        let k = text.withUnsafeBufferPointer {
            insert($0, r, hash: found.hash, lowered: lowered, isFunction: function, isLiteral: literal)
        }
        return (k, lowered, function, literal)
    }

    /// ``Stemmer/stem(_:keepCase:)`` of entry `k`'s lowercased text, made on first use.
    mutating func stem(_ k: Int) -> String {
        if let s = entries[k].stem { return s }
        let s = Stemmer.stem(entries[k].lowered)
        entries[k].stem = s
        return s
    }

    /// `[token]`, where `token` is made from entry `k`: the entry's array when it holds a token
    /// of the same kind (compared by kind alone: copying the token out to compare costs more
    /// than the allocation it saves).
    mutating func alone(_ k: Int, _ token: StretchToken) -> [StretchToken] {
        if entries[k].alone.isEmpty || entries[k].alone[0].kind != token.kind { entries[k].alone = [token] }
        return entries[k].alone
    }

    /// Adds `text[r]` (not in the table) and returns its entry.
    private mutating func insert(_ text: UnsafeBufferPointer<UInt32>, _ r: Range<Int>, hash h: UInt32, lowered: String,
                                 isFunction: Bool, isLiteral: Bool) -> Int {
        if entries.count >= 50_000 {
            entries.removeAll(keepingCapacity: true)
            keys.removeAll(keepingCapacity: true)
            for i in slots.indices { slots[i] = 0 }
        } else if 2 * (entries.count + 1) > slots.count {
            grow()
        }
        let k = entries.count
        entries.append(Entry(start: keys.count, count: r.count, hash: h, lowered: lowered, isFunction: isFunction,
                             isLiteral: isLiteral, stem: nil))
        keys.append(contentsOf: text[r])
        place(k)
        return k
    }

    private mutating func place(_ k: Int) {
        let mask = slots.count - 1
        var s = Int(entries[k].hash) & mask
        while slots[s] != 0 { s = (s + 1) & mask }
        slots[s] = Int32(k + 1)
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: max(1024, 2 * slots.count))
        for k in entries.indices { place(k) }
    }
}
