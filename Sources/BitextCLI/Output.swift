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

    /// Output written as it comes: to standard output, or to a temporary file beside `path`
    /// renamed over it by `close()` (a run that fails leaves no half-written report).
    final class Sink {
        private let path: String?
        private let temp: String?
        private let handle: FileHandle
        private var buffer = Data()
        private let hold: Bool

        /// With `hold`, nothing is written before `close()` (standard output on a terminal that
        /// also shows a progress line).
        init(_ path: String?, hold: Bool = false) throws {
            self.path = path
            self.hold = hold && path == nil
            guard let path else { temp = nil; handle = FileHandle.standardOutput; return }
            let url = URL(fileURLWithPath: path)
            let t = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).bitext-\(getpid()).tmp").path
            guard FileManager.default.createFile(atPath: t, contents: nil), let h = FileHandle(forWritingAtPath: t) else {
                throw Failure("\(path): cannot write output (cannot create a file in its folder)")
            }
            temp = t
            handle = h
        }

        func write(_ text: String) {
            buffer.append(contentsOf: text.utf8)
            if buffer.count >= 1 << 16 && !hold { flush() }
        }

        private func flush() {
            handle.write(buffer)
            buffer.removeAll(keepingCapacity: true)
        }

        func close() throws {
            flush()
            guard let path, let temp else { return }
            try? handle.close()
            if rename(temp, path) != 0 {
                let reason = String(cString: strerror(errno))
                unlink(temp)
                throw Failure("\(path): cannot write output (\(reason))")
            }
        }

        deinit {
            if let temp, FileManager.default.fileExists(atPath: temp) { try? handle.close(); unlink(temp) }
        }
    }

    static var stderrIsTerminal: Bool { isatty(2) != 0 }
    static var stdoutIsTerminal: Bool { isatty(1) != 0 }

    static func warn(_ message: String) {
        FileHandle.standardError.write(Data(("bitext: " + message + "\n").utf8))
    }
}
