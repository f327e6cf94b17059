import Foundation
import Testing
@testable import BitextMarkdown

/// Where the repository and the shared corpora are, for tests.
enum Fixtures {
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the repository (or `$BITEXT_SHARED`), nil when absent.
    static let shared: URL? = {
        if let env = ProcessInfo.processInfo.environment["BITEXT_SHARED"] {
            let u = URL(fileURLWithPath: env)
            return FileManager.default.fileExists(atPath: u.path) ? u : nil
        }
        let u = repoRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: u.appendingPathComponent("corpora").path) ? u : nil
    }()

    static var sharedMissingMessage: Comment {
        "../shared is absent (set BITEXT_SHARED to its path): corpus tests skipped"
    }

    static func corpus(_ relative: String) -> URL? {
        shared?.appendingPathComponent("corpora").appendingPathComponent(relative)
    }

    /// Every Markdown file under `../shared/corpora`, manifests excluded.
    static func corpusFiles() -> [URL] {
        guard let root = shared?.appendingPathComponent("corpora") else { return [] }
        var files: [URL] = []
        let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let u = e?.nextObject() as? URL {
            if u.pathExtension == "md" && u.lastPathComponent != "MANIFEST.md" && u.lastPathComponent != "README.md"
                && !u.path.contains("/termbase/") {
                files.append(u)
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    static func document(_ url: URL) throws -> Document {
        let data = try Data(contentsOf: url)
        return try Document(path: url.path, bytes: [UInt8](data))
    }

    static func document(_ text: String, path: String = "test.md") -> Document {
        Document(SourceText(path: path, text: text))
    }

    static func example(_ name: String) -> URL { repoRoot.appendingPathComponent("examples").appendingPathComponent(name) }
}
