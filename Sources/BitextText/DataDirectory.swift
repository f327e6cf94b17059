import Foundation

/// Where bitext's data folders (`locales/`, `glossary/`, `schema/`) are.
///
/// Looked up in this order: the `BITEXT_DATA` environment variable; relative to the running
/// executable (its real path, symlinks resolved): `../share/bitext` (an installed or unpacked
/// archive: `PREFIX/bin/bitext` with `PREFIX/share/bitext`), then beside it (`locales/` next to
/// the binary); then the folders above it (a build inside the repository:
/// `.build/debug/bitext`). Nothing depends on where the binary was built or on the current
/// directory, so a binary that is moved with its data keeps working.
public enum DataDirectory {
    public struct NotFound: Error, CustomStringConvertible {
        public var description: String {
            "bitext cannot find its data folder (locales/): install bitext with its share/bitext/ folder (scripts/install), or set BITEXT_DATA to the folder that holds locales/ and glossary/"
        }
    }

    public static func locate() throws -> URL {
        if let cached = cache.value { return cached }
        let found = try search()
        cache.value = found
        return found
    }

    private final class Cache<Value>: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Value?
        var value: Value? {
            get { lock.lock(); defer { lock.unlock() }; return stored }
            set { lock.lock(); stored = newValue; lock.unlock() }
        }
    }
    private static let cache = Cache<URL>()

    /// The running executable's real path: `/proc/self/exe` on Linux, else `argv[0]`.
    public static var executable: URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
    }

    /// The folders searched, in order (after `BITEXT_DATA`).
    public static func candidates(executable exe: URL = executable) -> [URL] {
        let bin = exe.deletingLastPathComponent()
        var candidates = [bin.deletingLastPathComponent().appendingPathComponent("share/bitext"), bin]
        var dir = bin.deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(dir)
            dir = dir.deletingLastPathComponent()
        }
        return candidates
    }

    private static func search() throws -> URL {
        let fm = FileManager.default
        func holdsData(_ u: URL) -> Bool {
            fm.fileExists(atPath: u.appendingPathComponent("locales/en.yml").path)
        }
        if let env = Environment.nonEmpty("BITEXT_DATA") {
            let u = URL(fileURLWithPath: env)
            if holdsData(u) { return u }
            throw NotFound()
        }
        for c in candidates() where holdsData(c) { return c.standardizedFileURL }
        throw NotFound()
    }

    /// `locales/`, made once per process: locale data, typography and messages ask for it a
    /// dozen times a run, and each Foundation `URL` appended to costs thousands of instructions.
    public static func locales() throws -> URL { try localesFolder().url }

    /// A file of `locales/` by name (`messages.en.yml`), made from the folder's path.
    public static func localesFile(_ name: String) throws -> URL {
        URL(fileURLWithPath: try localesFolder().path + "/" + name, isDirectory: false)
    }

    private static func localesFolder() throws -> (url: URL, path: String) {
        if let cached = localesCache.value { return cached }
        let url = try locate().appendingPathComponent("locales")
        localesCache.value = (url, url.path)
        return (url, url.path)
    }
    private static let localesCache = Cache<(url: URL, path: String)>()

    public static func glossaries() throws -> URL { try locate().appendingPathComponent("glossary") }
}

extension LocaleData {
    /// True when `id` is one of ``available()``: one file's existence, not a listing of the folder.
    public static func isAvailable(_ id: String) -> Bool {
        guard !id.isEmpty, !id.contains("."), !id.contains("/"), !id.hasPrefix("messages"),
              let file = try? DataDirectory.localesFile(id + ".yml") else { return false }
        return FileManager.default.fileExists(atPath: file.path)
    }

    /// The locales bitext has data for: `locales/<id>.yml` (not the typography or messages
    /// files), for "unknown locale" messages.
    public static func available() -> [String] {
        guard let dir = try? DataDirectory.locales(),
              let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        return names.filter { $0.hasSuffix(".yml") && $0.split(separator: ".").count == 2 && !$0.hasPrefix("messages") }
            .map { String($0.dropLast(4)) }.sorted()
    }
}
