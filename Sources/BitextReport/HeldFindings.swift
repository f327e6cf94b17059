import BitextCheck
import Foundation

/// The files whose findings `check` holds back until the project is decided: a file with
/// findings that wait for the whole project, and every file after it, so that each file's
/// findings come together, in path order. A file that waits keeps its findings (or only their
/// order, when the reporter merges among what it wrote), to merge the decided ones among them
/// in line order; a file that waits for nothing only needs its place.
/// What the reporter wrote ahead of the findings waits in memory up to a budget (1 MiB: a small
/// tree's report spares its writes and reads), beyond that in an anonymous temporary file, and is
/// read back in turn (the findings themselves, and with JSON what was written of them, were most
/// of `check`'s memory on a large tree; an 8 MiB budget measured +10 MB of peak memory on the
/// 18 MB `dev` tree for a CPU gain lost in the noise).
public final class HeldFindings {
    private struct Held {
        var file: String
        /// In memory: the findings of a file that waits (without their bytes when they are in
        /// the spool), or of one the reporter did not write ahead.
        var written: WrittenFindings?
        /// Written ahead: the findings' count, and their bytes in memory, or else their place in
        /// the spool.
        var ahead = false, count = 0, bytes: [UInt8]? = nil, offset = 0, length = 0
    }
    private var held: [Held] = []
    private var spool: UnsafeMutablePointer<FILE>?
    private var end = 0
    /// Bytes written ahead that are held in memory, at most `memoryBudget` (1 MiB by default).
    private var inMemory = 0
    private let memoryBudget: Int
    /// How many files' bytes went to the temporary file (for tests).
    private(set) var spooledFiles = 0

    public init(memoryBudget: Int = 1 << 20) { self.memoryBudget = memoryBudget }

    deinit { if let spool { fclose(spool) } }

    public var isEmpty: Bool { held.isEmpty }

    /// Holds a file's findings after the others; `waits`: some of its findings wait for the project.
    public func hold(_ file: String, _ written: WrittenFindings, waits: Bool) {
        if written.isWrittenAhead {
            let kept = waits ? written.placesOnly() : nil
            if inMemory + written.bytes.count <= memoryBudget {
                inMemory += written.bytes.count
                held.append(Held(file: file, written: kept, ahead: true, count: written.count, bytes: written.bytes))
                return
            }
            if let offset = save(written.bytes) {
                spooledFiles += 1
                held.append(Held(file: file, written: kept, ahead: true, count: written.count, offset: offset,
                                 length: written.bytes.count))
                return
            }
        }
        held.append(Held(file: file, written: written))
    }

    /// The held files in order, each with its findings as held or read back (then let go).
    public func release(_ body: (_ file: String, _ written: WrittenFindings) throws -> Void) rethrows {
        for k in held.indices {
            let h = held[k]
            held[k].written = nil
            held[k].bytes = nil
            guard h.ahead else { try body(h.file, h.written!); continue }
            let bytes = h.bytes ?? load(h)
            try body(h.file, h.written?.with(bytes: bytes) ?? WrittenFindings(count: h.count, bytes: bytes))
        }
        held = []
        inMemory = 0
    }

    /// Appends bytes to the spool: their offset, or nil when they cannot be written there.
    private func save(_ bytes: [UInt8]) -> Int? {
        if spool == nil { spool = tmpfile() }
        guard let spool else { return nil }
        let offset = end
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { pwrite(fileno(spool), $0.baseAddress! + done, $0.count - done, off_t(offset + done)) }
            guard n > 0 else { return nil }  // the next file's bytes go over what was written
            done += n
        }
        end += bytes.count
        return offset
    }

    private func load(_ h: Held) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: h.length)
        var done = 0
        while done < h.length {
            let n = bytes.withUnsafeMutableBytes { pread(fileno(spool!), $0.baseAddress! + done, h.length - done, off_t(h.offset + done)) }
            precondition(n > 0, "the held findings' temporary file could not be read")
            done += n
        }
        return bytes
    }
}
