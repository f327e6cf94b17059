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
        temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).bitext-\(getpid()).tmp").path
        let mode = attributes?[.posixPermissions].map { [FileAttributeKey.posixPermissions: $0] }
        guard FileManager.default.createFile(atPath: temp, contents: nil, attributes: mode),
              let h = FileHandle(forWritingAtPath: temp) else {
            throw InputError(file: path, ui("output.no-temp"))
        }
        handle = h
        AtomicFile.pending.insert(temp)
    }

    /// Temporary files not yet renamed or removed, for ``removeTemporaryFiles()``.
    private static let pending = PendingFiles()

    /// Removes the temporary files of writes still under way: an interrupted run (Ctrl-C,
    /// SIGTERM) leaves neither a half-written file nor a `.NAME.bitext-PID.tmp` beside it.
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
    func insert(_ p: String) { lock.lock(); paths.insert(p); lock.unlock() }
    func remove(_ p: String) { lock.lock(); paths.remove(p); lock.unlock() }
    func drain() -> [String] { lock.lock(); defer { lock.unlock() }; let a = Array(paths); paths.removeAll(); return a }
}
