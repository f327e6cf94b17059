import BitextMarkdown
import Foundation

/// A problem of the tool's input rather than of the document: an unreadable file, a bad
/// configuration. The command line reports it and exits with status 2.
public struct InputError: Error, CustomStringConvertible, Equatable, Sendable {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

/// Finds the Markdown files a command works on and reads them.
public enum Inputs {
    public static let markdownExtensions: Set<String> = ["md", "markdown", "mdx"]

    /// Files named by the user: files as given, directories walked for `*.md`, `*.markdown`,
    /// `*.mdx` (sorted, symlinks to directories not followed, so loops cannot trap the walk).
    /// Unreadable directories are reported in `problems` and skipped. A walked file is left out
    /// when an `ignore` pattern matches its path below the walked folder, below `base` (the
    /// configuration's folder) or as written.
    public static func collect(_ paths: [String], ignore: [GlobPattern] = [], base: String? = nil) throws(InputError)
        -> (files: [String], problems: [InputError])
    {
        var files: [String] = []
        var problems: [InputError] = []
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                throw InputError(file: path, ui("input.no-such-path"))
            }
            if !isDir.boolValue {
                files.append(path)
                continue
            }
            var found: [String] = []
            walk(path, into: &found, problems: &problems)
            found = found.filter { f in !isIgnored(f, by: ignore, base: base) && !ignore.contains { $0.matches(relative(f, to: path)) } }
            if found.isEmpty && problems.isEmpty {
                throw InputError(file: path, ui("input.no-markdown"))
            }
            files.append(contentsOf: found.sorted())
        }
        return (files, problems)
    }

    /// A file name with a Markdown extension (`markdownExtensions`, any case): what follows its
    /// last dot.
    static func isMarkdownName(_ name: String) -> Bool {
        guard let dot = name.utf8.lastIndex(of: 0x2E) else { return false }
        return markdownExtensions.contains(String(name[name.index(after: dot)...]).lowercased())
    }

    private static func walk(_ dir: String, into files: inout [String], problems: inout [InputError]) {
        // The folder's entries with their types as the folder lists them (`d_type`): no `lstat`
        // of each entry's whole path (on a tree of 950 files in 781 folders, Foundation's listing
        // and a `lstat` per entry were a third of a two-thread check's serial start).
        guard let stream = opendir(dir) else {
            problems.append(InputError(file: dir, ui("input.unreadable-dir")))
            return
        }
        var entries: [(name: String, type: UInt8?)] = []
        while let entry = readdir(stream) {
            let (name, exact) = withUnsafeBytes(of: entry.pointee.d_name) { raw -> (String, Bool) in
                let cName = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
                if let name = String(validatingCString: cName) { return (name, true) }
                return (String(cString: cName), false)  // repaired, as Foundation lists it
            }
            if name == "." || name == ".." { continue }
            // A name that is not UTF-8, or a type the folder does not know, is asked of `lstat`.
            let type = entry.pointee.d_type
            entries.append((name, exact && type != UInt8(DT_UNKNOWN) ? type : nil))
        }
        closedir(stream)
        entries.sort { $0.name < $1.name }
        for (name, listed) in entries where !name.hasPrefix(".") {
            let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
            let type: UInt8
            if let listed {
                type = listed
            } else {
                // The entry's own type (`lstat`: a link is a link); Foundation's attribute
                // dictionary cost thirty times as much for the one field read.
                var st = stat()
                guard lstat(path, &st) == 0 else {
                    problems.append(InputError(file: path, ui("input.unreadable-attributes")))
                    continue
                }
                switch st.st_mode & S_IFMT {
                case S_IFDIR: type = UInt8(DT_DIR)
                case S_IFREG: type = UInt8(DT_REG)
                case S_IFLNK: type = UInt8(DT_LNK)
                default: continue
                }
            }
            switch type {
            case UInt8(DT_DIR):
                if name == "node_modules" { continue }
                walk(path, into: &files, problems: &problems)
            case UInt8(DT_REG):
                if isMarkdownName(name) { files.append(path) }
            case UInt8(DT_LNK):
                // Symlinked files are read; symlinked directories are not walked (no loops).
                guard isMarkdownName(name) else { continue }
                var isDir: ObjCBool = false
                if !FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
                    problems.append(InputError(file: path, ui("input.broken-link")))
                } else if !isDir.boolValue {
                    files.append(path)
                }
            default:
                continue
            }
        }
    }

    /// True when a pattern matches the file's path as written or, with `base`, its path below
    /// `base` (the configuration's folder, so `en/**` means the same from any directory).
    public static func isIgnored(_ file: String, by patterns: [GlobPattern], base: String?) -> Bool {
        if patterns.isEmpty { return false }
        if patterns.contains(where: { $0.matches(file) }) { return true }
        guard let base else { return false }
        let rel = relative(absolute(file), to: base)
        return !rel.hasPrefix("/") && patterns.contains { $0.matches(rel) }
    }

    /// True when `path` names a folder.
    public static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The absolute, standardised form of a path (symlinks kept).
    public static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// True when `path` is `dir` or lies below it (both compared as absolute paths).
    public static func isBelow(_ path: String, _ dir: String) -> Bool {
        let p = absolute(path), d = absolute(dir)
        return p == d || p.hasPrefix(d.hasSuffix("/") ? d : d + "/")
    }

    /// `path` relative to `root` when it lies under it.
    public static func relative(_ path: String, to root: String) -> String {
        let r = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(r) ? String(path.dropFirst(r.count)) : path
    }

    /// Reads a file's bytes, naming the file in the error.
    public static func read(_ path: String) throws(InputError) -> [UInt8] {
        // Read first, asked what the path is only when that fails: a `stat` of every file's path
        // before its `open` was a thousand system calls on a tree of a thousand files.
        if let bytes = readWhole(path) { return bytes }
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
            throw InputError(file: path, ui("input.no-such-file"))
        }
        if isDir.boolValue { throw InputError(file: path, ui("input.is-directory")) }
        // Not read at the size fstat gave (a file that grew, a special file) or not at all: the
        // usual way, which reports an unreadable file.
        guard let data = fm.contents(atPath: path) else {
            throw InputError(file: path, ui("input.unreadable"))
        }
        return [UInt8](data)
    }

    /// The Markdown files beside `file` in its folder (not below it), sorted, without `file` and
    /// without those an `ignore` pattern matches, that are written in Chinese (``writesHan(_:)``):
    /// the project a file checked alone belongs to. At most `limit` of them (the first by name).
    public static func neighbours(of file: String, ignore: [GlobPattern] = [], base: String? = nil, limit: Int = 400) -> [String] {
        let folder = (file as NSString).deletingLastPathComponent
        let dir = folder.isEmpty ? "." : folder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return [] }
        let own = (file as NSString).lastPathComponent
        var out: [String] = []
        for name in names.sorted() where name != own && isMarkdownName(name) {
            let path = folder.isEmpty ? name : folder + "/" + name
            guard !isIgnored(path, by: ignore, base: base), !ignore.contains(where: { $0.matches(name) }),
                  let bytes = readWhole(path), writesHan(bytes) else { continue }
            out.append(path)
            if out.count == limit { break }
        }
        return out
    }

    /// Text in Chinese: at least 20 Han characters (CJK Unified Ideographs, U+4E00–U+9FFF, whose
    /// UTF-8 starts with E4–E9), and one for every 20 Latin letters or fewer (code and names in a
    /// Chinese page; an English page's `简体中文` link is not enough), and kana (U+3040–U+30FF:
    /// E3 81–83) under one for every ten Han characters (a Japanese page writes Han too).
    public static func writesHan(_ bytes: [UInt8]) -> Bool {
        var han = 0, letters = 0, kana = 0
        for (i, b) in bytes.enumerated() {
            if b >= 0xE4 && b <= 0xE9 {
                han += 1
            } else if b == 0xE3, i + 1 < bytes.count, bytes[i + 1] >= 0x81 && bytes[i + 1] <= 0x83 {
                kana += 1
            } else if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A {
                letters += 1
            }
        }
        return han >= 20 && han * 20 >= letters && kana * 10 < han
    }

    /// Reads and parses a Markdown file.
    public static func document(_ path: String, options: ParseOptions = ParseOptions()) throws(InputError) -> Document {
        let bytes = try read(path)
        do {
            return try Document(path: path, bytes: bytes, options: options)
        } catch {
            switch error {
            case .invalidUTF8(_, let line, let offset):
                throw InputError(file: path, line: line, ui("input.not-utf8", ["offset": String(offset)]))
            case .binary(_, let line):
                throw InputError(file: path, line: line, ui("input.binary"))
            }
        }
    }
}

/// A shell-style glob: `*` within a path segment, `**` across segments, `?` one character.
public struct GlobPattern: Sendable, Equatable {
    public let pattern: String
    private let parts: [String]

    public init(_ pattern: String) {
        self.pattern = pattern
        parts = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    public func matches(_ path: String) -> Bool {
        let segs = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        // A pattern without a slash matches the file name anywhere.
        if parts.count == 1 && !pattern.contains("/") {
            return segs.contains { GlobPattern.match(Array(parts[0].unicodeScalars), Array($0.unicodeScalars)) }
        }
        return GlobPattern.matchSegments(parts[...], segs[...])
    }

    private static func matchSegments(_ p: ArraySlice<String>, _ s: ArraySlice<String>) -> Bool {
        guard let first = p.first else { return s.isEmpty }
        if first == "**" {
            var rest = s
            while true {
                if matchSegments(p.dropFirst(), rest) { return true }
                if rest.isEmpty { return false }
                rest = rest.dropFirst()
            }
        }
        guard let seg = s.first else { return false }
        return match(Array(first.unicodeScalars), Array(seg.unicodeScalars)) && matchSegments(p.dropFirst(), s.dropFirst())
    }

    private static func match(_ p: [Unicode.Scalar], _ s: [Unicode.Scalar]) -> Bool {
        var pi = 0, si = 0, star = -1, mark = 0
        while si < s.count {
            if pi < p.count && (p[pi] == "?" || p[pi] == s[si]) { pi += 1; si += 1 }
            else if pi < p.count && p[pi] == "*" { star = pi; mark = si; pi += 1 }
            else if star >= 0 { pi = star + 1; mark += 1; si = mark }
            else { return false }
        }
        while pi < p.count && p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}

/// A regular file's bytes read straight into an array of the size fstat gives (through `Data`
/// they were copied once more), or nil when that fails or the file does not end there. (At file
/// scope, where `read` is the system call, not ``Inputs/read(_:)``.)
private func readWhole(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
    let size = Int(st.st_size)
    var atEnd = false
    // One byte more than the size, so that the end of the file is seen in the same reads.
    let bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
        while count <= size {
            let n = read(fd, buffer.baseAddress! + count, size + 1 - count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { atEnd = n == 0; return }
            count += n
        }
    }
    return atEnd ? bytes : nil
}
