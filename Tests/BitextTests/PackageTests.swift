import Foundation
import Testing

/// The relocatable archive of scripts/package (bin/bitext with the Swift runtime linked in,
/// share/bitext/ found relative to the binary), installed by scripts/install into a temporary
/// prefix and run with a scrubbed environment and the toolchain out of reach: its output on the
/// example must be the development build's. scripts/test builds the archive and passes its path
/// in BITEXT_PACKAGE; without it the test skips (fails under BITEXT_REQUIRE_TOOLS).
@Suite struct PackageTests {
    static let archive: String? = ProcessInfo.processInfo.environment["BITEXT_PACKAGE"]

    /// The toolchain's folder (`/opt/swift` for `/opt/swift/usr/bin/swift`), to hide.
    static var toolchain: String? {
        guard let swift = Tools.which("swift") else { return nil }
        let real = URL(fileURLWithPath: swift).resolvingSymlinksInPath()
        return real.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    @Test func archiveRunsWithoutTheToolchainAndMatchesTheDevelopmentBuild() throws {
        guard let archive = Self.archive, FileManager.default.fileExists(atPath: archive) else {
            #expect(!Tools.required, "BITEXT_PACKAGE not set: run scripts/package (scripts/test does)"); return
        }
        let name = (archive as NSString).lastPathComponent
        #expect(name.range(of: #"^bitext-\d+\.\d+\.\d+-linux-(x86_64|aarch64)\.tar\.gz$"#, options: .regularExpression) != nil, "\(name)")
        let dir = TempDir()
        // The archive's layout.
        let (tarStatus, listing) = try Tools.run("/usr/bin/env", ["tar", "-tzf", archive])
        #expect(tarStatus == 0)
        let stem = String(name.dropLast(".tar.gz".count))
        for entry in ["bin/bitext", "share/bitext/locales/en.yml", "share/bitext/glossary/genai.tsv",
                      "share/bitext/schema/bitext.schema.json", "README.md", "THIRD-PARTY-NOTICES", "install"] {
            #expect(listing.contains("\(stem)/\(entry)"), "\(entry)")
        }
        // scripts/install from the archive into a prefix.
        let prefix = dir.path("prefix")
        let (installStatus, installOut) = try Tools.run(Fixtures.repoRoot.appendingPathComponent("scripts/install").path,
                                                        ["--archive", archive, prefix])
        #expect(installStatus == 0, "\(installOut)")
        let bin = prefix + "/bin/bitext"
        let (_, ldd) = try Tools.run("/usr/bin/env", ["ldd", bin])
        #expect(!ldd.contains("libswift") && !ldd.contains("libFoundation"), "\(ldd)")
        #expect(FileManager.default.fileExists(atPath: prefix + "/share/bash-completion/completions/bitext"))

        // The example, copied where neither build's data is.
        let work = dir.url.appendingPathComponent("work")
        for f in ["en/tokenizers.md", "zh/tokenizers.md"] {
            dir.write("work/" + f, try String(contentsOf: Fixtures.example(f), encoding: .utf8))
        }
        dir.write("work/genai.tsv", try String(contentsOf: Fixtures.repoRoot.appendingPathComponent("glossary/genai.tsv"), encoding: .utf8))
        let runs: [[String]] = [
            ["check", "--source", "en/tokenizers.md", "zh/tokenizers.md", "--glossary", "genai.tsv", "--format", "json"],
            ["check", "--source", "en/tokenizers.md", "zh/tokenizers.md", "--glossary", "genai.tsv", "--snippet"],
            ["check", "zh/tokenizers.md", "--lang", "zh-Hans", "--format", "sarif"],
            ["coverage", "--source", "en/tokenizers.md", "zh/tokenizers.md", "--format", "json"],
            ["align", "en/tokenizers.md", "zh/tokenizers.md", "--format", "json"],
            ["export", "en/tokenizers.md", "zh/tokenizers.md", "--format", "html"],
            ["export", "en/tokenizers.md", "zh/tokenizers.md", "--format", "xliff"],
            ["segment", "zh/tokenizers.md", "--format", "json"],
            ["glossary", "lint", "genai.tsv"],
            ["rules", "--format", "json"],
        ]
        let hide = Self.toolchain.flatMap { t -> String? in
            // A mount namespace with the toolchain's folder empty (root only; else ldd is the proof).
            let probe = try? Tools.run("/usr/bin/env", ["unshare", "-m", "sh", "-c", "mount -t tmpfs none '\(t)' && test ! -e '\(t)/usr'"])
            return probe?.0 == 0 ? t : nil
        }
        for args in runs {
            let dev = try CLI.run(args + ["--no-config"].filter { _ in args.first != "rules" && args.first != "glossary" }, cwd: work)
            let script = "cd '\(work.path)' && exec env -i PATH=/usr/bin:/bin HOME='\(dir.path(""))' '\(bin)' "
                + (args + ["--no-config"].filter { _ in args.first != "rules" && args.first != "glossary" }).map { "'\($0)'" }.joined(separator: " ")
            let packaged: (Int32, String)
            if let hide {
                packaged = try Self.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs none '\(hide)' && \(script)"])
            } else {
                packaged = try Self.run(["sh", "-c", script])
            }
            #expect(packaged.0 == dev.status, "\(args): \(packaged.1.prefix(300))")
            #expect(packaged.1 == dev.stdout, "\(args)")
        }
        if Self.toolchain != nil { #expect(hide != nil || !Tools.required, "could not hide the toolchain (unshare -m)") }

        // Moved without its data: a clear error; through a symlink elsewhere: still finds it.
        try FileManager.default.createSymbolicLink(atPath: dir.path("bitext-link"), withDestinationPath: bin)
        let linked = try Self.run(["env", "-i", "PATH=/usr/bin:/bin", dir.path("bitext-link"), "rules", "--format", "json"])
        #expect(linked.0 == 0)
        try FileManager.default.copyItem(atPath: bin, toPath: dir.path("alone"))
        let alone = try Self.run(["env", "-i", "PATH=/usr/bin:/bin", dir.path("alone"), "check", work.path + "/zh"])
        #expect(alone.0 == 2)
    }

    /// Runs a command; returns its status and standard output (standard error to the end).
    static func run(_ args: [String]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
