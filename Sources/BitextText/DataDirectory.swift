import Foundation

/// Where bitext's data folders (`locales/`, `glossary/`) are.
///
/// Looked up in this order: the `BITEXT_DATA` environment variable; the folders above the
/// running executable (a build inside the repository: `.build/debug/bitext`); an installed
/// layout `PREFIX/share/bitext` next to `PREFIX/bin/bitext`; the current directory's ancestors.
public enum DataDirectory {
    public struct NotFound: Error, CustomStringConvertible {
        public var description: String {
            "bitext cannot find its data folder (locales/): set BITEXT_DATA to the folder that holds locales/ and glossary/"
        }
    }

    public static func locate() throws -> URL {
        if let cached = cache.value { return cached }
        let found = try search()
        cache.value = found
        return found
    }

    private final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: URL?
        var value: URL? {
            get { lock.lock(); defer { lock.unlock() }; return stored }
            set { lock.lock(); stored = newValue; lock.unlock() }
        }
    }
    private static let cache = Cache()

    private static func search() throws -> URL {
        let fm = FileManager.default
        func holdsData(_ u: URL) -> Bool {
            fm.fileExists(atPath: u.appendingPathComponent("locales/en.yml").path)
        }
        if let env = ProcessInfo.processInfo.environment["BITEXT_DATA"], !env.isEmpty {
            let u = URL(fileURLWithPath: env)
            if holdsData(u) { return u }
            throw NotFound()
        }
        var candidates: [URL] = []
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<8 {
            candidates.append(dir)
            candidates.append(dir.appendingPathComponent("share/bitext"))
            dir = dir.deletingLastPathComponent()
        }
        // Test bundles run from .build/…/xctest; their sources sit in the repository.
        var src = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(src)
            src = src.deletingLastPathComponent()
        }
        var cwd = URL(fileURLWithPath: fm.currentDirectoryPath)
        for _ in 0..<8 {
            candidates.append(cwd)
            cwd = cwd.deletingLastPathComponent()
        }
        for c in candidates where holdsData(c) { return c }
        throw NotFound()
    }

    public static func locales() throws -> URL { try locate().appendingPathComponent("locales") }
    public static func glossaries() throws -> URL { try locate().appendingPathComponent("glossary") }
}

extension LocaleData {
    /// The locales bitext has data for: `locales/<id>.yml` (not the typography or messages
    /// files), for "unknown locale" messages.
    public static func available() -> [String] {
        guard let dir = try? DataDirectory.locales(),
              let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        return names.filter { $0.hasSuffix(".yml") && $0.split(separator: ".").count == 2 && !$0.hasPrefix("messages") }
            .map { String($0.dropLast(4)) }.sorted()
    }
}
