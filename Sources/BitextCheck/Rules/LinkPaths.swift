import Foundation

extension LinkComparison {
    /// A relative path (not `/`-rooted) resolved against the folder of the file `from` that
    /// holds the link, as Foundation resolves file paths (`../setup/install.md` from
    /// `docs/guide/a.md` is `…/docs/setup/install.md`); nil for any other destination.
    static func resolved(_ path: String, from file: String) -> String? {
        guard kind(path) == .relative, !path.hasPrefix("/"), !path.isEmpty else { return nil }
        return URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL.path
    }
}
