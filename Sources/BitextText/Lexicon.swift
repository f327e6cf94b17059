import Foundation

extension Array where Element: Comparable {
    /// Sorted, each element once. Inlinable, so that other modules get it specialised for their
    /// element type: called through the generic witness tables, each comparison was a function
    /// call (a quarter of a bilingual check's instructions, in term mining and the block aligner).
    @inlinable public mutating func sortUnique() {
        guard count > 1 else { return }
        sort()
        var n = 1
        for k in 1..<count where self[k] != self[n - 1] { self[n] = self[k]; n += 1 }
        removeLast(count - n)
    }

    /// Whether an increasing list (``sortUnique()``'s) holds `x`: a binary search, for the short
    /// lists of code points a locale's phrases start or end with, cheaper than hashing every
    /// character asked about into a set.
    @inlinable public func sortedContains(_ x: Element) -> Bool {
        let lo = sortedLowerBound(x)
        return lo < count && self[lo] == x
    }

    /// The index of the first element of an increasing list not less than `x` (`count` when
    /// none is): a binary search.
    @inlinable public func sortedLowerBound(_ x: Element) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo &+ hi) &>> 1
            if self[mid] < x { lo = mid &+ 1 } else { hi = mid }
        }
        return lo
    }

    /// How many elements two increasing lists (``sortUnique()``'s) share.
    @inlinable public func sortedCommonCount(_ other: [Element]) -> Int {
        var i = 0, j = 0, n = 0
        while i < count && j < other.count {
            if self[i] < other[j] { i += 1 } else if other[j] < self[i] { j += 1 } else { n += 1; i += 1; j += 1 }
        }
        return n
    }

    /// Whether two increasing lists (``sortUnique()``'s) share an element.
    @inlinable public func sortedIntersects(_ other: [Element]) -> Bool {
        var i = 0, j = 0
        while i < count && j < other.count {
            if self[i] == other[j] { return true }
            if self[i] < other[j] { i += 1 } else { j += 1 }
        }
        return false
    }
}

/// The English–Chinese lexicon (`locales/en-zh-Hans.lexicon.tsv`, derived from CC-CEDICT, CC BY-SA
/// 4.0): simplified Chinese words, their English glosses, and the pinyin readings of single
/// characters.
///
/// Loading is lazy and cheap: the text file is compiled once into a compact binary form (hash
/// tables and flat arrays) kept in a cache folder, named after a hash of the text, and later
/// runs memory-map it. A changed data file has another hash, so its cache is rebuilt; an index
/// from the file's identity to that hash spares later runs reading the text. Lookups
/// allocate nothing: ids are dense `Int32`s, hashing is the lexicon's own (never Swift's seeded
/// `Hasher`), so results do not depend on the process.
///
/// English is looked up by *stem* (``Stemmer/stem(_:keepCase:)`` of a lowercased word): every
/// word of a gloss is a stem linked to the Chinese word ("bring about" links 创造 to *bring*
/// and *about*).
public final class Lexicon: @unchecked Sendable {
    /// Bump when the binary layout or the stemmer changes: older caches are then ignored.
    static let formatVersion: UInt32 = 2
    static let magic: UInt32 = 0x5854_4C42  // "BLTX" little-endian

    /// Where the data came from and what loading cost, for benchmarks.
    public struct LoadInfo: Sendable {
        public var dataPath: String
        public var cachePath: String?
        /// True when this load compiled the text (no valid cache yet).
        public var built: Bool
        /// True when this load read and hashed the text (its identity was not in the cache's index).
        public var hashed: Bool
        public var seconds: Double
        public var binaryBytes: Int
    }
    public private(set) var info: LoadInfo

    /// Owns the memory the sections point into.
    private let storage: Mapped

    // Sections, as typed views into the binary.
    private let header: UnsafeBufferPointer<Int32>
    private let wordTable: UnsafeBufferPointer<Int32>      // open addressing → word id, -1 empty
    private let wordStart: UnsafeBufferPointer<Int32>      // nWords + 1, into wordText
    private let wordText: UnsafeBufferPointer<UInt32>
    private let wordStemStart: UnsafeBufferPointer<Int32>  // nWords + 1, into wordStems
    private let wordStems: UnsafeBufferPointer<Int32>
    private let wordGlossStart: UnsafeBufferPointer<Int32> // nWords + 1, into glossText (UTF-8, '|'-free)
    private let glossStart: UnsafeBufferPointer<Int32>
    private let glossText: UnsafeBufferPointer<UInt8>
    private let stemTable: UnsafeBufferPointer<Int32>
    private let stemStart: UnsafeBufferPointer<Int32>
    private let stemText: UnsafeBufferPointer<UInt8>
    private let stemWordStart: UnsafeBufferPointer<Int32>
    private let stemWords: UnsafeBufferPointer<Int32>
    private let charTable: UnsafeBufferPointer<Int32>      // → character slot
    private let charScalar: UnsafeBufferPointer<UInt32>
    private let charReadingStart: UnsafeBufferPointer<Int32>
    private let charReadings: UnsafeBufferPointer<Int32>   // syllable ids
    private let syllableStart: UnsafeBufferPointer<Int32>
    private let syllableText: UnsafeBufferPointer<UInt8>

    /// Chinese words in the lexicon.
    public var wordCount: Int { wordStart.count - 1 }
    /// Distinct English stems of the glosses.
    public var stemCount: Int { stemStart.count - 1 }
    /// The longest Chinese word, in characters.
    public var maxWordLength: Int { Int(header[0]) }

    // MARK: loading

    /// The project's lexicon, loaded on first use (thread-safe); nil when the data file is
    /// missing or unreadable (the aligner then works without it).
    public static var shared: Lexicon? { Shared.value }

    private enum Shared {
        static let value: Lexicon? = {
            guard let dir = try? DataDirectory.locales() else { return nil }
            return try? Lexicon.load(data: dir.appendingPathComponent("en-zh-Hans.lexicon.tsv"))
        }()
    }

    /// The folder compiled lexicons are kept in: `BITEXT_CACHE`, else `$XDG_CACHE_HOME/bitext`,
    /// else `~/.cache/bitext`.
    public static func defaultCacheDirectory() -> URL? {
        if let c = Environment.nonEmpty("BITEXT_CACHE") { return URL(fileURLWithPath: c) }
        if let x = Environment.nonEmpty("XDG_CACHE_HOME") { return URL(fileURLWithPath: x).appendingPathComponent("bitext") }
        if let h = Environment.nonEmpty("HOME") { return URL(fileURLWithPath: h).appendingPathComponent(".cache/bitext") }
        return nil
    }

    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Loads a lexicon text file through its compiled cache in `cacheDirectory` (built there if
    /// missing; without a writable cache folder it is compiled in memory each time).
    ///
    /// The cache is named by a hash of the text. So that a run need not read and hash the whole
    /// text to find it, the cache folder also keeps a small index from the text file's identity
    /// (device, inode, size, modification and change times) to that hash. As in git's index, an
    /// identity is recorded only for a file last changed well before the moment it is recorded:
    /// a file changed again within the file system's clock granularity could keep all five.
    public static func load(data: URL, cacheDirectory: URL? = Lexicon.defaultCacheDirectory()) throws -> Lexicon {
        try load(data: data, cacheDirectory: cacheDirectory, settle: SourceIndex.settle)
    }

    /// `settle`: how long before now (seconds) the data file must have last changed to be
    /// recorded in the index.
    static func load(data: URL, cacheDirectory: URL?, settle: Int64) throws -> Lexicon {
        let t0 = Date()
        let stem = data.deletingPathExtension().lastPathComponent
        func name(_ hash: UInt64) -> String { "\(stem)-v\(formatVersion)-\(String(hash, radix: 16)).bin" }
        let identity = SourceIndex.identity(of: data.path)
        let index = cacheDirectory.map { SourceIndex(path: $0.appendingPathComponent("\(stem)-v\(formatVersion).sources").path) }
        // The compiled cache of the text with this hash, when there is a valid one.
        func cached(_ hash: UInt64, hashed: Bool) -> Lexicon? {
            guard let dir = cacheDirectory else { return nil }
            let path = dir.appendingPathComponent(name(hash)).path
            guard let mapped = Mapped(path: path), let lex = Lexicon(mapped: mapped, hash: hash) else { return nil }
            lex.info = LoadInfo(dataPath: data.path, cachePath: path, built: false, hashed: hashed,
                                seconds: Date().timeIntervalSince(t0), binaryBytes: mapped.count)
            return lex
        }
        if let identity, let hash = index?.hash(of: identity), let lex = cached(hash, hashed: false) { return lex }
        guard let text = FileManager.default.contents(atPath: data.path) else {
            throw LoadError(description: "\(data.path): cannot read the lexicon")
        }
        let hash = text.withUnsafeBytes { Lexicon.hash($0) }
        if let lex = cached(hash, hashed: true) {
            if let identity { index?.record(identity, hash: hash, settle: settle) }
            return lex
        }
        let bytes = try Compiler(text: text, hash: hash, path: data.path).compile()
        var cachePath: String? = nil
        if let dir = cacheDirectory {
            // Best effort: a read-only home still aligns, only slower to start.
            if (try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)) != nil {
                let path = dir.appendingPathComponent(name(hash)).path
                let tmp = path + ".\(getpid()).tmp"
                if FileManager.default.createFile(atPath: tmp, contents: Data(bytes)),
                   rename(tmp, path) == 0 {
                    cachePath = path
                    if let identity { index?.record(identity, hash: hash, settle: settle) }
                    // This format's caches of older versions of the data go; another format's
                    // (another bitext, which may still be run beside this one: deleting its cache
                    // made each of two installed versions rebuild its own at every run) only when
                    // written more than thirty days ago.
                    if let others = try? FileManager.default.contentsOfDirectory(atPath: dir.path) {
                        let ours = "\(stem)-v\(formatVersion)-"
                        let month = Date().timeIntervalSince1970 - 30 * 86_400
                        for o in others where o.hasPrefix(stem + "-v") && o.hasSuffix(".bin") && o != name(hash) {
                            let other = dir.appendingPathComponent(o).path
                            if !o.hasPrefix(ours) {
                                var st = stat()
                                guard stat(other, &st) == 0, Double(st.st_mtim.tv_sec) < month else { continue }
                            }
                            try? FileManager.default.removeItem(atPath: other)
                        }
                    }
                } else {
                    unlink(tmp)
                }
            }
        }
        let owned = Mapped(bytes: bytes)
        guard let lex = Lexicon(mapped: owned, hash: hash) else {
            throw LoadError(description: "\(data.path): the compiled lexicon is inconsistent")
        }
        lex.info = LoadInfo(dataPath: data.path, cachePath: cachePath, built: true, hashed: true,
                            seconds: Date().timeIntervalSince(t0), binaryBytes: bytes.count)
        return lex
    }

    /// The cache folder's index from a data file's identity to the hash of its text: one line
    /// per identity (`device inode size mtime ctime hash`, times in nanoseconds), the latest
    /// few kept, rewritten whole and renamed into place (a lost update only costs a later run
    /// a hash of the text).
    struct SourceIndex {
        let path: String
        /// How many identities are kept (a checkout or an installation each has its own).
        static let capacity = 16
        /// A file changed less than this long before it is recorded is not recorded (seconds).
        static let settle: Int64 = 2

        struct Identity {
            var fields: [Int64]
            /// When the file last changed (the later of its modification and change times), ns.
            var changed: Int64 { max(fields[3], fields[4]) }
        }

        static func identity(of path: String) -> Identity? {
            var st = stat()
            guard stat(path, &st) == 0 else { return nil }
            func ns(_ t: timespec) -> Int64 { Int64(t.tv_sec) &* 1_000_000_000 &+ Int64(t.tv_nsec) }
            return Identity(fields: [Int64(bitPattern: UInt64(st.st_dev)), Int64(bitPattern: UInt64(st.st_ino)),
                                     Int64(st.st_size), ns(st.st_mtim), ns(st.st_ctim)])
        }

        private func lines() -> [Substring] {
            guard let d = FileManager.default.contents(atPath: path) else { return [] }
            return String(decoding: d, as: UTF8.self).splitLines(omittingEmptySubsequences: true)
        }

        private static func key(_ identity: Identity) -> String {
            identity.fields.map(String.init).joined(separator: " ") + " "
        }

        func hash(of identity: Identity) -> UInt64? {
            let key = Self.key(identity)
            for line in lines() where line.hasPrefix(key) {
                return UInt64(line.dropFirst(key.count), radix: 16)
            }
            return nil
        }

        func record(_ identity: Identity, hash: UInt64, settle: Int64) {
            var now = timespec()
            clock_gettime(CLOCK_REALTIME, &now)
            let nowNs = Int64(now.tv_sec) &* 1_000_000_000 &+ Int64(now.tv_nsec)
            guard identity.changed <= nowNs - settle * 1_000_000_000 else { return }
            let key = Self.key(identity)
            let kept = lines().filter { !$0.hasPrefix(key) }.suffix(Self.capacity - 1)
            let text = (kept.map(String.init) + [key + String(hash, radix: 16)]).joined(separator: "\n") + "\n"
            let tmp = path + ".\(getpid()).tmp"
            if FileManager.default.createFile(atPath: tmp, contents: Data(text.utf8)), rename(tmp, path) == 0 { return }
            unlink(tmp)
        }
    }

    /// Memory holding a compiled lexicon: a read-only mapping of a cache file, or bytes; freed
    /// when the last lexicon using it goes.
    private final class Mapped {
        let pointer: UnsafeRawPointer
        let count: Int
        let mapped: Bool

        init?(path: String) {
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            var st = stat()
            guard fstat(fd, &st) == 0, st.st_size >= 64 else { return nil }
            let size = Int(st.st_size)
            guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
            pointer = UnsafeRawPointer(p)
            count = size
            mapped = true
        }

        init(bytes: [UInt8]) {
            let p = UnsafeMutableRawPointer.allocate(byteCount: max(8, bytes.count), alignment: 8)
            bytes.withUnsafeBytes { if let b = $0.baseAddress { p.copyMemory(from: b, byteCount: bytes.count) } }
            pointer = UnsafeRawPointer(p)
            count = bytes.count
            mapped = false
        }

        deinit {
            if mapped { munmap(UnsafeMutableRawPointer(mutating: pointer), count) } else { pointer.deallocate() }
        }
    }

    static let sectionCount = 21

    /// Whether the bytes hold a compiled lexicon of this version and of this data, with every
    /// section inside the bytes.
    private static func valid(_ mapped: Mapped, hash: UInt64) -> Bool {
        let p = mapped.pointer, n = mapped.count
        guard n >= 4 * (5 + 2 * sectionCount + 1) else { return false }
        let head = p.assumingMemoryBound(to: UInt32.self)
        guard head[0] == Lexicon.magic, head[1] == Lexicon.formatVersion,
              (UInt64(head[2]) | (UInt64(head[3]) << 32)) == hash, head[4] == UInt32(sectionCount) else { return false }
        for k in 0..<sectionCount {
            let off = Int(head[5 + 2 * k]), count = Int(head[6 + 2 * k])
            guard off % 8 == 0, off + count * 4 <= n || (k == 8 || k == 11 || k == 19 || k == 20) && off + count <= n else { return false }
        }
        return true
    }

    private init?(mapped: Mapped, hash: UInt64) {
        guard Lexicon.valid(mapped, hash: hash) else { return nil }
        storage = mapped
        let p = mapped.pointer
        info = LoadInfo(dataPath: "", cachePath: nil, built: false, hashed: false, seconds: 0, binaryBytes: mapped.count)
        let head = p.assumingMemoryBound(to: UInt32.self)
        func section<T>(_ k: Int, _: T.Type) -> UnsafeBufferPointer<T> {
            UnsafeBufferPointer(start: (p + Int(head[5 + 2 * k])).assumingMemoryBound(to: T.self), count: Int(head[6 + 2 * k]))
        }
        header = section(0, Int32.self)
        wordTable = section(1, Int32.self)
        wordStart = section(2, Int32.self)
        wordText = section(3, UInt32.self)
        wordStemStart = section(4, Int32.self)
        wordStems = section(5, Int32.self)
        wordGlossStart = section(6, Int32.self)
        glossStart = section(7, Int32.self)
        glossText = section(8, UInt8.self)
        stemTable = section(9, Int32.self)
        stemStart = section(10, Int32.self)
        stemText = section(11, UInt8.self)
        stemWordStart = section(12, Int32.self)
        stemWords = section(13, Int32.self)
        charTable = section(14, Int32.self)
        charScalar = section(15, UInt32.self)
        charReadingStart = section(16, Int32.self)
        charReadings = section(17, Int32.self)
        syllableStart = section(18, Int32.self)
        syllableText = section(19, UInt8.self)
    }

    // MARK: lookups

    /// The id of a Chinese word, given as Unicode scalars.
    public func word<C: Collection>(_ scalars: C) -> Int32? where C.Element == UInt32 {
        var h = Lexicon.seed
        for c in scalars { h = Lexicon.mix(h, UInt64(c)) }
        let mask = wordTable.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let id = wordTable[slot]
            if id < 0 { return nil }
            let s = Int(wordStart[Int(id)]), e = Int(wordStart[Int(id) + 1])
            if e - s == scalars.count {
                var k = s, same = true
                for c in scalars { if wordText[k] != c { same = false; break }; k += 1 }
                if same { return id }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The id of the word `text[start..<end]`.
    @inline(__always)
    public func word(in text: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int) -> Int32? {
        word(UnsafeBufferPointer(rebasing: text[start..<end]))
    }

    /// The text of a word.
    public func text(ofWord id: Int32) -> String {
        var s = String.UnicodeScalarView()
        for k in Int(wordStart[Int(id)])..<Int(wordStart[Int(id) + 1]) {
            if let u = Unicode.Scalar(wordText[k]) { s.append(u) }
        }
        return String(s)
    }

    /// Length of a word in characters.
    public func length(ofWord id: Int32) -> Int { Int(wordStart[Int(id) + 1] - wordStart[Int(id)]) }

    /// The stems a word's glosses link it to, as stem ids.
    public func stems(ofWord id: Int32) -> UnsafeBufferPointer<Int32> {
        UnsafeBufferPointer(rebasing: wordStems[Int(wordStemStart[Int(id)])..<Int(wordStemStart[Int(id) + 1])])
    }

    /// The stems every dictionary word inside `text`'s Han runs translates (words of up to
    /// `maxLength` characters; a single character's first `singleSenses` senses only, its later
    /// ones mostly noise), in text order, repeats included: what a Chinese text can be a
    /// translation of.
    public func forEachStem(inHan text: UnsafeBufferPointer<UInt32>, maxLength: Int, singleSenses: Int, _ body: (Int32) -> Void) {
        let longest = min(maxWordLength, maxLength)
        for i in text.indices where isHanIdeograph(text[i]) {
            var l = 1
            while l <= longest && i + l <= text.count && isHanIdeograph(text[i + l - 1]) {
                if let id = word(in: text, i, i + l) {
                    for st in stems(ofWord: id).prefix(l == 1 ? singleSenses : 32) { body(st) }
                }
                l += 1
            }
        }
    }

    /// The English glosses of a word, in the dictionary's order.
    public func glosses(ofWord id: Int32) -> [String] {
        (Int(wordGlossStart[Int(id)])..<Int(wordGlossStart[Int(id) + 1])).map { g in
            String(decoding: UnsafeBufferPointer(rebasing: glossText[Int(glossStart[g])..<Int(glossStart[g + 1])]), as: UTF8.self)
        }
    }

    /// The id of an English stem (as ``Stemmer/stem(_:keepCase:)`` gives it).
    public func stem(_ stem: String) -> Int32? {
        var s = stem
        return s.withUTF8 { stemID($0) }
    }

    public func stemID(_ utf8: UnsafeBufferPointer<UInt8>) -> Int32? {
        var h = Lexicon.seed
        for b in utf8 { h = Lexicon.mix(h, UInt64(b)) }
        let mask = stemTable.count - 1
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let id = stemTable[slot]
            if id < 0 { return nil }
            let s = Int(stemStart[Int(id)]), e = Int(stemStart[Int(id) + 1])
            if e - s == utf8.count && memcmp(stemText.baseAddress! + s, utf8.baseAddress!, utf8.count) == 0 { return id }
            slot = (slot + 1) & mask
        }
    }

    /// The text of a stem.
    public func text(ofStem id: Int32) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: stemText[Int(stemStart[Int(id)])..<Int(stemStart[Int(id) + 1])]), as: UTF8.self)
    }

    /// The Chinese words whose glosses hold a stem, as word ids in code-point order.
    public func words(ofStem id: Int32) -> UnsafeBufferPointer<Int32> {
        UnsafeBufferPointer(rebasing: stemWords[Int(stemWordStart[Int(id)])..<Int(stemWordStart[Int(id) + 1])])
    }

    /// Chinese renderings of an English word (any inflection), in code-point order.
    public func translations(of english: String) -> [String] {
        guard let id = stem(Stemmer.stem(english)) else { return [] }
        return words(ofStem: id).map { text(ofWord: $0) }
    }

    /// English glosses of a Chinese word.
    public func glosses(of chinese: String) -> [String] {
        guard let id = word(chinese.unicodeScalars.map(\.value)) else { return [] }
        return glosses(ofWord: id)
    }

    /// Toneless pinyin readings of a Han character, as syllable ids (most common first).
    public func readings(of scalar: UInt32) -> UnsafeBufferPointer<Int32> {
        let mask = charTable.count - 1
        var slot = Int(truncatingIfNeeded: Lexicon.mix(Lexicon.seed, UInt64(scalar))) & mask
        while true {
            let k = charTable[slot]
            if k < 0 { return UnsafeBufferPointer(start: nil, count: 0) }
            if charScalar[Int(k)] == scalar {
                return UnsafeBufferPointer(rebasing: charReadings[Int(charReadingStart[Int(k)])..<Int(charReadingStart[Int(k) + 1])])
            }
            slot = (slot + 1) & mask
        }
    }

    /// The text of a syllable id.
    public func syllable(_ id: Int32) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: syllableText[Int(syllableStart[Int(id)])..<Int(syllableStart[Int(id) + 1])]), as: UTF8.self)
    }

    /// The bytes of a syllable, without copying.
    public func syllableBytes(_ id: Int32) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: syllableText[Int(syllableStart[Int(id)])..<Int(syllableStart[Int(id) + 1])])
    }

    /// Toneless pinyin readings of a character as strings.
    public func readings(of character: Character) -> [String] {
        guard let s = character.unicodeScalars.first else { return [] }
        return readings(of: s.value).map { syllable($0) }
    }

    /// Dictionary words of a run of Han text by forward maximum matching (the longest word at
    /// each position; a character the lexicon lacks stands alone and gets no id).
    public func segment(_ text: [UInt32]) -> [(range: Range<Int>, word: Int32?)] {
        var out: [(Range<Int>, Int32?)] = []
        text.withUnsafeBufferPointer { t in
            var i = 0
            while i < t.count {
                var found: (Int, Int32)? = nil
                var l = min(maxWordLength, t.count - i)
                while l >= 1 {
                    if let id = word(in: t, i, i + l) { found = (l, id); break }
                    l -= 1
                }
                if let (l, id) = found { out.append((i..<(i + l), id)); i += l } else { out.append((i..<(i + 1), nil)); i += 1 }
            }
        }
        return out
    }

    // MARK: hashing (the lexicon's own, the same in every process)

    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    @inline(__always) static func mix(_ h: UInt64, _ v: UInt64) -> UInt64 {
        var x = (h ^ v) &* 0x100_0000_01b3
        x ^= x >> 29
        return x &* 0xbf58_476d_1ce4_e5b9
    }

    /// A hash of the data file's bytes, eight at a time.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9e37_79b9_7f4a_7c15 ^ UInt64(bytes.count)
        var k = 0
        if let base = bytes.baseAddress {
            @inline(__always) func step(_ offset: Int) {
                h = (h ^ base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xff51_afd7_ed55_8ccd
                h ^= h >> 32
            }
            // Every run hashes the whole file (the cache is named by it): four words a turn, the
            // same steps as one at a time with a quarter of the loop's own instructions.
            while k + 32 <= bytes.count {
                step(k); step(k &+ 8); step(k &+ 16); step(k &+ 24)
                k &+= 32
            }
            while k + 8 <= bytes.count { step(k); k &+= 8 }
        }
        while k < bytes.count { h = (h ^ UInt64(bytes[k])) &* 0x100_0000_01b3; k += 1 }
        h ^= h >> 33
        h = h &* 0xc4ce_b9fe_1a85_ec53
        return h ^ (h >> 33)
    }

    // MARK: compiling the text form

    /// Turns the TSV into the binary layout the initialiser reads.
    struct Compiler {
        let text: Data
        let hash: UInt64
        let path: String

        func compile() throws -> [UInt8] {
            var words: [[UInt32]] = []
            var wordGlosses: [[String]] = []
            var chars: [(UInt32, [String])] = []
            var lineNumber = 0
            for line in String(decoding: text, as: UTF8.self).splitLines() {
                lineNumber += 1
                if line.isEmpty || line.hasPrefix("#") { continue }
                let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard cols.count == 3, !cols[0].isEmpty else {
                    throw LoadError(description: "\(path):\(lineNumber): expected WORD<TAB>READINGS<TAB>GLOSSES")
                }
                let w = cols[0].unicodeScalars.map(\.value)
                let readings = cols[1].split(separator: "|").map(String.init)
                if w.count == 1 && !readings.isEmpty { chars.append((w[0], readings)) }
                let glosses = cols[2].split(separator: "|").map(String.init)
                if glosses.isEmpty { continue }
                words.append(w)
                wordGlosses.append(glosses)
            }
            // Stems, in order of first appearance (deterministic ids).
            var stemIDs: [String: Int32] = [:]
            var stems: [String] = []
            var wordStems: [[Int32]] = []
            for gs in wordGlosses {
                var ids: [Int32] = []
                for g in gs {
                    for part in g.split(whereSeparator: { $0 == " " || $0 == "-" }) where part.count >= 2 {
                        let s = Stemmer.stem(String(part))
                        let id: Int32
                        if let e = stemIDs[s] { id = e } else { id = Int32(stems.count); stemIDs[s] = id; stems.append(s) }
                        if !ids.contains(id) { ids.append(id) }
                    }
                }
                wordStems.append(ids)
            }
            var stemWordLists = [[Int32]](repeating: [], count: stems.count)
            for (w, ids) in wordStems.enumerated() { for s in ids { stemWordLists[Int(s)].append(Int32(w)) } }
            var syllableIDs: [String: Int32] = [:]
            var syllables: [String] = []
            var charReadings: [[Int32]] = []
            for (_, rs) in chars {
                charReadings.append(rs.map { r in
                    if let e = syllableIDs[r] { return e }
                    let id = Int32(syllables.count)
                    syllableIDs[r] = id
                    syllables.append(r)
                    return id
                })
            }

            func table(_ count: Int, _ hashOf: (Int) -> UInt64) -> [Int32] {
                var size = 16
                while size < count * 2 { size *= 2 }
                var t = [Int32](repeating: -1, count: size)
                for k in 0..<count {
                    var slot = Int(truncatingIfNeeded: hashOf(k)) & (size - 1)
                    while t[slot] >= 0 { slot = (slot + 1) & (size - 1) }
                    t[slot] = Int32(k)
                }
                return t
            }
            func hashScalars(_ s: [UInt32]) -> UInt64 { s.reduce(Lexicon.seed) { Lexicon.mix($0, UInt64($1)) } }
            func hashBytes(_ s: String) -> UInt64 { s.utf8.reduce(Lexicon.seed) { Lexicon.mix($0, UInt64($1)) } }
            func starts<T>(_ lists: [[T]]) -> [Int32] {
                var out: [Int32] = [0]
                out.reserveCapacity(lists.count + 1)
                for l in lists { out.append(out.last! + Int32(l.count)) }
                return out
            }
            let glossFlat = wordGlosses.flatMap { $0 }
            var glossBytes: [UInt8] = []
            var glossStarts: [Int32] = [0]
            for g in glossFlat { glossBytes += Array(g.utf8); glossStarts.append(Int32(glossBytes.count)) }
            var stemBytes: [UInt8] = []
            var stemStarts: [Int32] = [0]
            for s in stems { stemBytes += Array(s.utf8); stemStarts.append(Int32(stemBytes.count)) }
            var syllableBytes: [UInt8] = []
            var syllableStarts: [Int32] = [0]
            for s in syllables { syllableBytes += Array(s.utf8); syllableStarts.append(Int32(syllableBytes.count)) }

            var w = Writer()
            w.int32([Int32(words.map(\.count).max() ?? 1)])
            w.int32(table(words.count) { hashScalars(words[$0]) })
            w.int32(starts(words))
            w.uint32(words.flatMap { $0 })
            w.int32(starts(wordStems))
            w.int32(wordStems.flatMap { $0 })
            w.int32(starts(wordGlosses))
            w.int32(glossStarts)
            w.bytes(glossBytes)
            w.int32(table(stems.count) { hashBytes(stems[$0]) })
            w.int32(stemStarts)
            w.bytes(stemBytes)
            w.int32(starts(stemWordLists))
            w.int32(stemWordLists.flatMap { $0 })
            w.int32(table(chars.count) { Lexicon.mix(Lexicon.seed, UInt64(chars[$0].0)) })
            w.uint32(chars.map(\.0))
            w.int32(starts(charReadings))
            w.int32(charReadings.flatMap { $0 })
            w.int32(syllableStarts)
            w.bytes(syllableBytes)
            w.bytes([])
            return w.finish(hash: hash)
        }
    }

    /// Sections laid out after a header of (offset, count) pairs, each aligned to 8 bytes.
    struct Writer {
        var sections: [(bytes: [UInt8], count: Int)] = []
        mutating func int32(_ a: [Int32]) { sections.append((a.withUnsafeBytes { Array($0) }, a.count)) }
        mutating func uint32(_ a: [UInt32]) { sections.append((a.withUnsafeBytes { Array($0) }, a.count)) }
        mutating func bytes(_ a: [UInt8]) { sections.append((a, a.count)) }

        func finish(hash: UInt64) -> [UInt8] {
            var head: [UInt32] = [Lexicon.magic, Lexicon.formatVersion, UInt32(truncatingIfNeeded: hash),
                                  UInt32(truncatingIfNeeded: hash >> 32), UInt32(sections.count)]
            var offset = (5 + 2 * sections.count + 1) * 4
            offset = (offset + 7) & ~7
            var body: [UInt8] = []
            for s in sections {
                head.append(UInt32(offset + body.count))
                head.append(UInt32(s.count))
                body += s.bytes
                while body.count % 8 != 0 { body.append(0) }
            }
            head.append(0)
            var out = head.withUnsafeBytes { Array($0) }
            while out.count < offset { out.append(0) }
            return out + body
        }
    }
}
