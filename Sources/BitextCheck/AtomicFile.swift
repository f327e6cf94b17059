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
        if attributes == nil && mustExist { throw InputError(file: path, "no such file") }
        if let attributes, attributes[.type] as? FileAttributeType != .typeRegular {
            throw InputError(file: path, "not a regular file")
        }
        temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).bitext-\(getpid()).tmp").path
        let mode = attributes?[.posixPermissions].map { [FileAttributeKey.posixPermissions: $0] }
        guard FileManager.default.createFile(atPath: temp, contents: nil, attributes: mode),
              let h = FileHandle(forWritingAtPath: temp) else {
            throw InputError(file: path, "cannot write a temporary file beside it (read-only folder?)")
        }
        handle = h
    }

    public func write(_ data: Data) { handle.write(data) }

    public func commit() throws(InputError) {
        done = true
        try? handle.close()
        if rename(temp, target) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            throw InputError(file: path, "cannot replace the file (\(reason))")
        }
    }

    deinit {
        if !done { try? handle.close(); unlink(temp) }
    }
}
