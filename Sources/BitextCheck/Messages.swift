import BitextText
import Foundation
import Yams

/// User-facing messages, from `locales/messages.<lang>.yml`, with `{name}` placeholders.
public struct Messages: Sendable {
    public let language: String
    private let table: [String: String]

    /// Loads the messages for `lang` (`en`, `zh-Hans`); unknown languages fall back to English
    /// (the command line refuses them first, see ``validate(_:)``).
    public static func load(_ lang: String?) -> Messages {
        let requested = lang.map { LocaleData.canonical($0) } ?? preferredLanguage()
        if requested != "en", let t = try? table(requested) {
            return Messages(language: requested, table: t)
        }
        return Messages(language: "en", table: (try? table("en")) ?? [:])
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
        // getenv: not the whole environment as a dictionary, for three variables.
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let p = getenv(key), case let v = String(cString: p), !v.isEmpty {
                let l = v.lowercased()
                if l.hasPrefix("zh") { return l.contains("tw") || l.contains("hk") || l.contains("hant") ? "zh-Hant" : "zh-Hans" }
                return "en"
            }
        }
        return "en"
    }

    /// Every key of `messages.<lang>.yml` (for the test that both files have the same keys).
    public static func keys(_ lang: String) throws -> Set<String> { Set(try table(lang).keys) }

    /// The table of `messages.<lang>.yml` read with Yams's basic resolver (what bitext uses) and
    /// with its default one, for the test that they agree.
    public static func bothTables(_ lang: String) throws -> (basic: [String: String], full: [String: String]) {
        let url = try DataDirectory.locales().appendingPathComponent("messages.\(lang).yml")
        let text = try String(contentsOf: url, encoding: .utf8)
        return (try yamsTable(text), try yamsTable(text, resolver: .default))
    }

    private static func table(_ lang: String) throws -> [String: String] {
        let url = try DataDirectory.locales().appendingPathComponent("messages.\(lang).yml")
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
        nonisolated(unsafe) static var tables: [String: [String: String]] = [:]
    }

    private static func readTable(_ url: URL) throws -> [String: String] {
        try yamsTable(try String(contentsOf: url, encoding: .utf8))
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
