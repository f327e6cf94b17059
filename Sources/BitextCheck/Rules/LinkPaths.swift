import BitextMarkdown
import Foundation

extension LinkComparison {
    /// A relative path (not `/`-rooted) resolved against the folder of the file `from` that
    /// holds the link, as Foundation resolves file paths (`../setup/install.md` from
    /// `docs/guide/a.md` is `…/docs/setup/install.md`); nil for any other destination.
    static func resolved(_ path: String, from file: String) -> String? {
        guard kind(path) == .relative, !path.hasPrefix("/"), !path.isEmpty else { return nil }
        return URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL.path
    }

    /// Whether a relative link of the file `from` goes to something on disk: the path without
    /// its fragment and query, percent-decoded, from the file's folder (``inRepository(_:from:levels:)``,
    /// one level); nil when that cannot be told.
    static func existsOnDisk(_ destination: String, from file: String) -> Bool? {
        var path = destination
        if let h = path.firstIndex(of: "#") { path = String(path[..<h]) }
        if let q = path.firstIndex(of: "?") { path = String(path[..<q]) }
        return inRepository(DocumentAnchors.percentDecoded(path), from: file, levels: 1)
    }

    /// Whether a relative path (a link's, or one written in code: `paddlex/configs/modules/ocr.yaml`)
    /// names a file or folder of the repository that holds the file `from`, or a page with `.md`
    /// added (linked without its extension): from the file's folder or a folder above it (a
    /// command run from the repository's root), at most `levels` up; nil when `from` is not on
    /// disk or the path is rooted or absolute.
    static func inRepository(_ path: String, from file: String, levels: Int = 12) -> Bool? {
        let fm = FileManager.default
        guard !path.isEmpty, kind(path) == .relative, !path.hasPrefix("/"), fm.fileExists(atPath: file) else { return nil }
        var dir = URL(fileURLWithPath: file).deletingLastPathComponent().standardizedFileURL
        for _ in 0..<levels {
            let full = dir.appendingPathComponent(path).path
            if fm.fileExists(atPath: full) || fm.fileExists(atPath: full + ".md") { return true }
            let up = dir.deletingLastPathComponent()
            if up.path == dir.path { break }
            dir = up
        }
        return false
    }

    /// The paths of files a line of code writes: a token with a `/` whose last part has an
    /// extension of letters (`configs/ocr.yaml`, `./docs/a.md`), quotes and a trailing `,` or `;`
    /// taken off; no URL.
    static func filePaths(in line: String) -> [String] {
        var out: [String] = []
        for raw in line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "=" || $0 == "(" || $0 == ")" }) {
            var t = Substring(raw)
            while let f = t.first, "\"'`".contains(f) { t = t.dropFirst() }
            while let l = t.last, "\"'`,;:".contains(l) { t = t.dropLast() }
            guard t.contains("/"), !t.contains("://"), !t.hasPrefix("/"), let last = t.split(separator: "/").last,
                  let dot = last.lastIndex(of: "."), dot != last.startIndex else { continue }
            let ext = last[last.index(after: dot)...]
            guard (1...5).contains(ext.count), ext.allSatisfy({ $0.isASCII && $0.isLetter }) else { continue }
            out.append(String(t))
        }
        return out
    }
}
