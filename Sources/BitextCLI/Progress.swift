import Foundation
import BitextText

/// A progress line on standard error, shown only when it is a terminal and the run is long.
final class Progress: @unchecked Sendable {
    private let total: Int
    private let label: String
    private let enabled: Bool
    private let lock = NSLock()
    private var done = 0
    private var lastDraw = Date.distantPast
    private let started = Date()

    init(total: Int, label: String, quiet: Bool = false) {
        self.total = total
        self.label = label
        enabled = !quiet && isatty(2) != 0 && total > 1 && Environment.value("BITEXT_NO_PROGRESS") == nil
    }

    func tick() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        done += 1
        let now = Date()
        // Draw after half a second of work, at most ten times a second.
        guard now.timeIntervalSince(started) > 0.5, now.timeIntervalSince(lastDraw) > 0.1 || done == total else { return }
        lastDraw = now
        let width = 30
        let filled = total == 0 ? width : done * width / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(done)/\(total)".utf8))
        Progress.lineShown = true
    }

    /// True while a progress line is on the terminal (an interruption clears it).
    nonisolated(unsafe) static var lineShown = false

    /// Clears the line so that a message can be written to the terminal; the next tick redraws it.
    func clear() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        if lastDraw != .distantPast { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)); Progress.lineShown = false }
    }

    /// True when the line is drawn on the terminal (standard output is then best held back).
    var isShown: Bool { enabled }

    func finish() {
        guard enabled, Date().timeIntervalSince(started) > 0.5 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        Progress.lineShown = false
    }
}
