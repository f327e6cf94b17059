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
    /// its fragment and query, percent-decoded, as a file or a folder, or with `.md` added (a
    /// page a site links without its extension); nil when that cannot be told (no such file
    /// `from` on disk, a rooted or absolute destination).
    static func existsOnDisk(_ destination: String, from file: String) -> Bool? {
        var path = destination
        if let h = path.firstIndex(of: "#") { path = String(path[..<h]) }
        if let q = path.firstIndex(of: "?") { path = String(path[..<q]) }
        path = DocumentAnchors.percentDecoded(path)
        let fm = FileManager.default
        guard !path.isEmpty, fm.fileExists(atPath: file), let full = resolved(path, from: file) else { return nil }
        return fm.fileExists(atPath: full) || fm.fileExists(atPath: full + ".md")
    }
}
