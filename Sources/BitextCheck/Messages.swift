import BitextText
import Foundation
import Yams

/// User-facing messages, from `locales/messages.<lang>.yml`, with `{name}` placeholders.
public struct Messages: Sendable {
    public let language: String
    private let table: MessageFile

    /// Loads the messages for `lang` (`en`, `zh-Hans`); unknown languages fall back to English
    /// (the command line refuses them first, see ``validate(_:)``).
    public static func load(_ lang: String?) -> Messages {
        let requested = lang.map { LocaleData.canonical($0) } ?? preferredLanguage()
        if requested != "en", let t = try? table(requested) {
            return Messages(language: requested, table: t)
        }
        return Messages(language: "en", table: (try? table("en")) ?? MessageFile(text: ""))
    }

    /// A key's English text, for a key a translated file lacks: English is read on the first
    /// such key (the test of both files' keys keeps it from happening in a release).
    private func english(_ key: String) -> String? {
        language == "en" ? nil : (try? Messages.table("en"))?[key]
    }

    /// The languages messages exist in: the `messages.<lang>.yml` files of the data folder.
    public static func available() -> [String] {
        guard let dir = try? DataDirectory.locales(),
              let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return ["en"] }
        return names.filter { $0.hasPrefix("messages.") && $0.hasSuffix(".yml") }
            .map { String($0.dropFirst("messages.".count).dropLast(".yml".count)) }.sorted()
    }

    /// The canonical language for `lang`, or nil when bitext has no messages in it.
    public static func validate(_ lang: String) -> String? {
        let id = LocaleData.canonical(lang)
        return available().contains(id) ? id : nil
    }

    /// The language of `LC_ALL`, `LC_MESSAGES` or `LANG`: Chinese when it starts with `zh`.
    static func preferredLanguage() -> String {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = Environment.nonEmpty(key) {
                let l = v.lowercased()
                if l.hasPrefix("zh") { return l.contains("tw") || l.contains("hk") || l.contains("hant") ? "zh-Hant" : "zh-Hans" }
                return "en"
            }
        }
        return "en"
    }

    /// Every key of `messages.<lang>.yml` (for the test that both files have the same keys).
    public static func keys(_ lang: String) throws -> Set<String> { Set(try table(lang).keys) }

    /// Every message of `messages.<lang>.yml` as read on demand, key by key (for the test that
    /// it is what Yams reads from the whole file).
    public static func onDemandTable(_ lang: String) throws -> [String: String] {
        let file = try readTable(try DataDirectory.localesFile("messages.\(lang).yml"))
        var out: [String: String] = [:]
        for k in file.keys { out[k] = file[k] }
        return out
    }

    /// The table of `messages.<lang>.yml` read with Yams's basic resolver (what bitext uses) and
    /// with its default one, for the test that they agree.
    public static func bothTables(_ lang: String) throws -> (basic: [String: String], full: [String: String]) {
        let url = try DataDirectory.localesFile("messages.\(lang).yml")
        let text = try String(contentsOf: url, encoding: .utf8)
        return (try yamsTable(text), try yamsTable(text, resolver: .default))
    }

    private static func table(_ lang: String) throws -> MessageFile {
        let url = try DataDirectory.localesFile("messages.\(lang).yml")
        // A run loads its messages more than once (before and after parsing its arguments, for
        // reports): each file is read once per process.
        Loaded.lock.lock()
        let known = Loaded.tables[url.path]
        Loaded.lock.unlock()
        if let known { return known }
        let t = try readTable(url)
        Loaded.lock.lock()
        Loaded.tables[url.path] = t
        Loaded.lock.unlock()
        return t
    }

    private enum Loaded {
        static let lock = NSLock()
        nonisolated(unsafe) static var tables: [String: MessageFile] = [:]
    }

    private static func readTable(_ url: URL) throws -> MessageFile {
        MessageFile(text: try String(contentsOf: url, encoding: .utf8))
    }

    /// The messages file read by Yams. Values are read as text, so the basic resolver does: the
    /// default one compiles a dozen regular expressions on every start.
    static func yamsTable(_ text: String, resolver: Resolver = .basic) throws -> [String: String] {
        guard let node = try Yams.compose(yaml: text, resolver), case .mapping(let m) = node else { return [:] }
        var out: [String: String] = [:]
        for (k, v) in m { if let key = k.string, let value = v.string { out[key] = value } }
        return out
    }

    /// True when the message exists in this language or in English.
    public func has(_ key: String) -> Bool { table[key] != nil || english(key) != nil }

    /// A message a lower module made in English, with its key and values: the key's text in
    /// this language when it has one, else the English as made.
    public func text(_ key: String, _ values: [String: String], english: String) -> String {
        language != "en" && has(key) ? text(key, values) : english
    }

    /// The message `key` with its placeholders filled in.
    public func text(_ key: String, _ values: [String: String] = [:]) -> String {
        let t = table[key] ?? english(key) ?? key
        guard !values.isEmpty else { return t }
        // Fill `{name}` placeholders in one pass, over the message's UTF-8 in place (`{` and `}`
        // are ASCII: no character boundary to look for).
        var text = t
        return text.withUTF8 { bytes -> String in
            guard var open = bytes.firstIndex(of: 0x7B) else { return t }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            var rest = 0
            while true {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[rest..<open]))
                guard let close = bytes[open...].firstIndex(of: 0x7D) else { break }
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(open + 1)..<close]), as: UTF8.self)
                if let v = values[name] { out.append(contentsOf: v.utf8) } else { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[open...close])) }
                rest = close + 1
                guard let o = bytes[rest...].firstIndex(of: 0x7B) else { break }
                open = o
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[rest...]))
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The messages of this run's user interface: the command line sets them from `--lang`,
    /// `lang:` or the environment; English until then. Errors of the tool itself (a bad
    /// configuration, an unreadable file) are written in them.
    public static var current: Messages {
        get { Current.lock.lock(); defer { Current.lock.unlock() }; return Current.value ?? Current.english() }
        set { Current.lock.lock(); Current.value = newValue; Current.lock.unlock() }
    }

    private enum Current {
        static let lock = NSLock()
        nonisolated(unsafe) static var value: Messages?
        static func english() -> Messages {
            let m = Messages.load("en")
            value = m
            return m
        }
    }
}

/// A message of the user interface in the run's language (``Messages/current``).
public func ui(_ key: String, _ values: [String: String] = [:]) -> String {
    Messages.current.text(key, values)
}

/// A messages file, read on demand. A run needs a few dozen of its several hundred messages, and
/// reading the whole file with Yams was a fifth of a small file's `check`. The file is a mapping
/// of one level, one key per line at the left margin; each key's entry (its line up to the next
/// key's) is read by Yams the first time it is asked for. A file of any other shape (a quoted
/// key, an anchor, a directive, a sequence) is read whole, as before.
final class MessageFile: @unchecked Sendable {
    private let bytes: [UInt8]
    /// The byte range of each key's entry in `bytes`; nil when the file is read whole.
    private let entries: [String: Range<Int>]?
    private let lock = NSLock()
    private var read: [String: String] = [:]

    init(text: String) {
        bytes = Array(text.utf8)
        entries = MessageFile.entries(bytes)
        if entries == nil { read = (try? Messages.yamsTable(text)) ?? [:] }
    }

    var keys: [String] { entries.map { Array($0.keys) } ?? Array(read.keys) }

    subscript(key: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        if let known = read[key] { return known }
        guard let range = entries?[key] else { return nil }
        guard let value = MessageFile.simpleValue(bytes[range], key: key)
                ?? (try? Messages.yamsTable(String(decoding: bytes[range], as: UTF8.self)))?[key] else { return nil }
        read[key] = value
        return value
    }

    /// The value of an entry that is one line `key: "text"` (no escape, `\`, and no character
    /// YAML refuses in the text) or `key: plain words` (ASCII letters first, then letters,
    /// digits, spaces and hyphens): what Yams reads there (a test compares every key with the
    /// whole file read by Yams). Nil for any other entry, which Yams reads. Most messages are
    /// such lines, and Yams took about 37,000 instructions for each.
    static func simpleValue(_ entry: ArraySlice<UInt8>, key: String) -> String? {
        var i = entry.startIndex + key.utf8.count + 1  // after `key:`
        while i < entry.endIndex && entry[i] == 0x20 { i += 1 }
        guard i < entry.endIndex else { return nil }
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        let start: Int
        var end: Int
        if entry[i] == 0x22 {
            start = i + 1
            i = start
            while i < entry.endIndex && entry[i] != 0x22 {
                let b = entry[i]
                // Left to Yams: a backslash, control characters and DEL, and (to leave out the C1
                // controls and U+FFFE/U+FFFF) every character that starts 0xC2 or 0xEF 0xBF.
                if b == 0x5C || (b < 0x20 && b != 0x09) || b == 0x7F || b == 0xC2 || (b == 0xEF && i + 1 < entry.endIndex && entry[i + 1] == 0xBF) { return nil }
                i += 1
            }
            guard i < entry.endIndex else { return nil }
            end = i
            i += 1
        } else {
            guard isLetter(entry[i]) else { return nil }
            start = i
            while i < entry.endIndex && (isLetter(entry[i]) || (entry[i] >= 0x30 && entry[i] <= 0x39) || entry[i] == 0x20 || entry[i] == 0x2D) { i += 1 }
            end = i
            while entry[end - 1] == 0x20 { end -= 1 }
        }
        while i < entry.endIndex && entry[i] == 0x20 { i += 1 }
        if i < entry.endIndex && entry[i] == 0x0D { i += 1 }
        // Nothing after the line: not a comment, not another line.
        guard i == entry.endIndex || (entry[i] == 0x0A && i + 1 == entry.endIndex) else { return nil }
        return String(decoding: entry[start..<end], as: UTF8.self)
    }

    /// Where each key's entry starts and ends, or nil when a line at the left margin is anything
    /// but a comment or `key:` with a plain key (letters, digits, `.`, `_`, `-`) and a value that
    /// is neither an anchor, an alias nor a tag.
    static func entries(_ bytes: [UInt8]) -> [String: Range<Int>]? {
        var out: [String: Range<Int>] = [:]
        out.reserveCapacity(bytes.count / 48)  // a key every hundred bytes or so: no regrowing
        var open: (key: String, start: Int)?
        var i = 0
        func isKeyByte(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || b == 0x2E || b == 0x5F || b == 0x2D
        }
        let count = bytes.count
        return bytes.withUnsafeBufferPointer { bytes -> [String: Range<Int>]? in
            guard let start = bytes.baseAddress else { return out }  // an empty file
            let base = UnsafeRawPointer(start)
            while i < count {
                let lineEnd = memchr(base + i, 0x0A, count - i).map { UnsafeRawPointer($0) - base } ?? count
                let b = bytes[i]
                if b != 0x20 && b != 0x09 && b != 0x0D && b != 0x0A && b != 0x23 {
                    var k = i
                    while k < lineEnd && isKeyByte(bytes[k]) { k += 1 }
                    guard k > i, k < lineEnd, bytes[k] == 0x3A, bytes[i] != 0x2D, bytes[i] != 0x2E else { return nil }
                    var v = k + 1
                    if v < lineEnd && bytes[v] != 0x20 && bytes[v] != 0x0D { return nil }
                    while v < lineEnd && bytes[v] == 0x20 { v += 1 }
                    if v < lineEnd && (bytes[v] == 0x26 || bytes[v] == 0x2A || bytes[v] == 0x21) { return nil }
                    if let o = open { out[o.key] = o.start..<i }
                    open = (String(decoding: bytes[i..<k], as: UTF8.self), i)
                }
                i = lineEnd + 1
            }
            if let o = open { out[o.key] = o.start..<count }
            return out
        }
    }
}
