import Foundation

/// A regular file replaced atomically: the new content goes to a temporary file beside it (beside
/// the file a symlink points to, so the link is kept), with the old file's permissions, and is
/// renamed over it by `commit()`. Dropped without `commit()`, nothing changes.
public final class AtomicFile {
    public let path: String
    private let target: String
    private let temp: String
    private let handle: FileHandle
    private var done = false

    /// `mustExist`: refuse a path that is not already a regular file (`--fix`); otherwise the
    /// file may be new, but an existing one must still be a regular file.
    public init(_ path: String, mustExist: Bool = false) throws(InputError) {
        self.path = path
        let url = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        target = url.path
        let attributes = try? FileManager.default.attributesOfItem(atPath: target)
        if attributes == nil && mustExist { throw InputError(file: path, ui("input.no-such-file")) }
        if let attributes, attributes[.type] as? FileAttributeType != .typeRegular {
            throw InputError(file: path, ui("output.not-regular"))
        }
        let folder = url.deletingLastPathComponent()
        // A new output file's missing folders are made, as `export -o site/` makes its tree.
        if attributes == nil { try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        temp = folder.appendingPathComponent(".\(url.lastPathComponent).bitext-\(getpid()).tmp").path
        // Made and recorded at once: an interruption between the two would leave the file.
        let fd = AtomicFile.pending.create(temp)
        if fd < 0 {
            throw InputError(file: path, ui("output.no-temp", ["reason": String(cString: strerror(errno))]))
        }
        // The old file's permissions, exactly (not narrowed by the umask).
        if let mode = attributes?[.posixPermissions] as? Int { fchmod(fd, mode_t(mode)) }
        let h = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        handle = h
    }

    /// Temporary files not yet renamed or removed, for ``removeTemporaryFiles()``.
    private static let pending = PendingFiles()

    /// Removes the temporary files of writes still under way: an interrupted run (Ctrl-C,
    /// SIGTERM) leaves neither a half-written file nor a `.NAME.bitext-PID.tmp` beside it. No
    /// temporary file is made after it (the run is ending).
    public static func removeTemporaryFiles() {
        for p in pending.drain() { unlink(p) }
    }

    public func write(_ data: Data) { handle.write(data) }

    public func commit() throws(InputError) {
        done = true
        defer { AtomicFile.pending.remove(temp) }
        try? handle.close()
        if rename(temp, target) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            throw InputError(file: path, ui("output.no-replace", ["reason": reason]))
        }
    }

    deinit {
        if !done { try? handle.close(); unlink(temp); AtomicFile.pending.remove(temp) }
    }
}

/// The set of temporary paths, under a lock (workers write files in parallel).
private final class PendingFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var paths = Set<String>()
    /// Drained by an interruption: no more temporary files.
    private var closed = false
    /// Creates the temporary file `p` and records it under the lock, so that ``drain()`` sees
    /// every file made: a file descriptor, or -1 with `errno` set (`EINTR` once drained).
    func create(_ p: String) -> Int32 {
        lock.lock(); defer { lock.unlock() }
        guard !closed else { errno = EINTR; return -1 }
        let fd = open(p, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        if fd >= 0 { paths.insert(p) }
        return fd
    }
    func remove(_ p: String) { lock.lock(); paths.remove(p); lock.unlock() }
    func drain() -> [String] {
        lock.lock(); defer { lock.unlock() }
        closed = true
        let a = Array(paths)
        paths.removeAll()
        return a
    }
}
