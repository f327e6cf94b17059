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

/// Runs the built `bitext` executable.
enum CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
    }

    static var executable: URL {
        let products = Fixtures.repoRoot.appendingPathComponent(".build/debug/bitext")
        return products
    }

    @discardableResult
    static func run(_ args: [String], cwd: URL? = nil, env: [String: String] = [:], stdin: Data? = nil) throws -> Result {
        let p = Process()
        p.executableURL = executable
        p.arguments = args
        p.currentDirectoryURL = cwd ?? Fixtures.repoRoot
        var environment = ProcessInfo.processInfo.environment
        environment["BITEXT_DATA"] = Fixtures.repoRoot.path
        environment["NO_COLOR"] = "1"
        environment.removeValue(forKey: "LANG")
        environment.removeValue(forKey: "LC_ALL")
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        if let stdin {
            let inPipe = Pipe()
            p.standardInput = inPipe
            try p.run()
            inPipe.fileHandleForWriting.write(stdin)
            try inPipe.fileHandleForWriting.close()
        } else {
            p.standardInput = FileHandle.nullDevice
            try p.run()
        }
        // Read both pipes while the process runs, so a large output cannot block it.
        final class Box: @unchecked Sendable { var data = Data() }
        let outBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outBox.data = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        let outData = outBox.data
        return Result(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A temporary directory removed at deinit.
final class TempDir {
    let url: URL
    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("bitext-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ name: String, _ text: String) -> URL {
        let u = url.appendingPathComponent(name)
        try! FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: u)
        return u
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) -> URL {
        let u = url.appendingPathComponent(name)
        try! FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(bytes).write(to: u)
        return u
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    /// The text of a file in the folder ("" when it cannot be read).
    func read(_ name: String) -> String { (try? String(contentsOfFile: path(name), encoding: .utf8)) ?? "" }
}

/// External tools the tests drive; `BITEXT_REQUIRE_TOOLS=1` (set by scripts/test) turns a
/// missing tool into a failure instead of a skip.
enum Tools {
    static var required: Bool { ProcessInfo.processInfo.environment["BITEXT_REQUIRE_TOOLS"] == "1" }

    static var python: String? {
        if let p = ProcessInfo.processInfo.environment["BITEXT_PYTHON"] { return p }
        return which("python3")
    }

    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    /// Runs a program and returns (status, stdout+stderr); `env` is added to the environment.
    static func run(_ exe: String, _ args: [String], cwd: URL? = nil, env: [String: String] = [:]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        if let cwd { p.currentDirectoryURL = cwd }
        if !env.isEmpty { p.environment = ProcessInfo.processInfo.environment.merging(env) { _, new in new } }
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// True when a Python module imports.
    static func pythonHas(_ module: String) -> Bool {
        guard let py = python, let r = try? run(py, ["-c", "import \(module)"]) else { return false }
        return r.0 == 0
    }
}

/// A small deterministic generator for tests over random text (the tests must not depend on a
/// seed we cannot set).
struct TestGenerator {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }
    mutating func string(from alphabet: [String], maxLength: Int) -> String {
        var s = ""
        for _ in 0..<next(maxLength + 1) { s += alphabet[next(alphabet.count)] }
        return s
    }
}
