import BitextCheck
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
        private enum Destination { case stdout, file(AtomicFile), other(FileHandle) }
        private let destination: Destination
        private var buffer = Data()
        private let hold: Bool

        /// With `hold`, nothing is written before `close()` (standard output on a terminal that
        /// also shows a progress line).
        /// `-` is standard output, as for most command-line tools.
        init(_ path: String?, hold: Bool = false) throws {
            let path = path == "-" ? nil : path
            self.hold = hold && path == nil
            guard let path else { destination = .stdout; return }
            var st = stat()
            if stat(path, &st) == 0 && (st.st_mode & S_IFMT) != S_IFREG {
                if (st.st_mode & S_IFMT) == S_IFDIR { throw Failure(ui("output.is-directory", ["path": path])) }
                guard let h = FileHandle(forWritingAtPath: path) else { throw Failure(ui("output.unwritable", ["path": path])) }
                destination = .other(h)
                return
            }
            do { destination = .file(try AtomicFile(path)) } catch { throw Failure("\(error)") }
        }

        func write(_ text: String) {
            buffer.append(contentsOf: text.utf8)
            if buffer.count >= 1 << 16 && !hold { flush() }
        }

        /// UTF-8 bytes, as `write` writes a String.
        func write(bytes: [UInt8]) {
            buffer.append(contentsOf: bytes)
            if buffer.count >= 1 << 16 && !hold { flush() }
        }

        private func flush() {
            switch destination {
            case .stdout: FileHandle.standardOutput.write(buffer)
            case .file(let f): f.write(buffer)
            case .other(let h): h.write(buffer)
            }
            buffer.removeAll(keepingCapacity: true)
        }

        func close() throws {
            flush()
            switch destination {
            case .stdout: break
            case .file(let f): do { try f.commit() } catch { throw Failure("\(error)") }
            case .other(let h): try? h.close()
            }
        }
    }

    static var stdoutIsTerminal: Bool { isatty(1) != 0 }

    /// Columns of the terminal: `COLUMNS`, else the terminal's own width, else `default`.
    static func terminalWidth(default d: Int = 100) -> Int { measuredWidth ?? d }

    /// `COLUMNS`, else the terminal's width, measured once: help texts ask for it well over a
    /// hundred times while the arguments are parsed (reading the whole environment each time
    /// cost 47 M instructions of every run).
    private static let measuredWidth: Int? = {
        if let s = getenv("COLUMNS"), let c = Int(String(cString: s)), c > 0 { return c }
        var w = winsize()
        if isatty(1) != 0, ioctl(1, UInt(TIOCGWINSZ), &w) == 0, w.ws_col > 20 { return Int(w.ws_col) }
        return nil
    }()

    static func warn(_ message: String) {
        FileHandle.standardError.write(Data(("bitext: " + message + "\n").utf8))
    }
}
