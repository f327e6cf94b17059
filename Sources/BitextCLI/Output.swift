import Foundation

enum Output {
    /// Writes to a file (atomically) or to standard output.
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw Failure("\(path): cannot write output (\(error.localizedDescription))")
        }
    }

    static var stderrIsTerminal: Bool { isatty(2) != 0 }
    static var stdoutIsTerminal: Bool { isatty(1) != 0 }

    static func warn(_ message: String) {
        FileHandle.standardError.write(Data(("bitext: " + message + "\n").utf8))
    }
}
