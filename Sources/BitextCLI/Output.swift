import Foundation

enum Output {
    /// Writes to a file (atomically when it is a regular file) or to standard output.
    static func write(_ text: String, to path: String?) throws {
        let sink = try Sink(path)
        sink.write(text)
        try sink.close()
    }

    /// Output written as it comes: to standard output; to a regular file through a temporary
    /// file beside it renamed over it by `close()` (a run that fails leaves no half-written
    /// report; through a symlink, the file it points to is replaced and the link kept); to
    /// anything else — `/dev/null`, `/dev/stdout`, a named pipe — directly, never replacing it.
    final class Sink {
        private let path: String?
        private let temp: String?
        private let target: String?
        private let handle: FileHandle
        private var buffer = Data()
        private let hold: Bool

        /// With `hold`, nothing is written before `close()` (standard output on a terminal that
        /// also shows a progress line).
        init(_ path: String?, hold: Bool = false) throws {
            self.path = path
            self.hold = hold && path == nil
            guard let path else { temp = nil; target = nil; handle = FileHandle.standardOutput; return }
            var st = stat()
            let exists = stat(path, &st) == 0
            if exists && (st.st_mode & S_IFMT) == S_IFDIR { throw Failure("\(path): is a directory; give a file name for the output") }
            if exists && (st.st_mode & S_IFMT) != S_IFREG {
                guard let h = FileHandle(forWritingAtPath: path) else { throw Failure("\(path): cannot write output") }
                temp = nil; target = nil; handle = h
                return
            }
            let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
            let t = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).bitext-\(getpid()).tmp").path
            let mode = exists ? [FileAttributeKey.posixPermissions: NSNumber(value: Int(st.st_mode & 0o7777))] : nil
            guard FileManager.default.createFile(atPath: t, contents: nil, attributes: mode), let h = FileHandle(forWritingAtPath: t) else {
                throw Failure("\(path): cannot write output (cannot create a file in its folder)")
            }
            temp = t
            target = url.path
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
            guard let path else { return }
            guard let temp, let target else { try? handle.close(); return }
            try? handle.close()
            if rename(temp, target) != 0 {
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
