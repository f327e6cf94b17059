import Foundation
import BitextMarkdown

/// A link to an anchor of another page of the run (`./pagination.md#游标`), as `broken-anchor`
/// found it in one file: decided once every file is read, against the headings and ids of the
/// page it names, when that page is one of the files checked.
public struct PageAnchorLink: Sendable {
    /// The page as an absolute path, as the link names it (without `.md` when the link leaves
    /// it out, as VitePress links do).
    public var page: String
    public var fragment: String
    /// The finding, should the page yield no such anchor.
    public var finding: Finding

    /// A linking file's absolute path and folder, made once per file (Foundation's paths cost
    /// thousands of instructions).
    struct Origin {
        let file: String, folder: URL
        init(_ path: String) {
            file = Inputs.absolute(path)
            folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        }
    }

    /// The path of a relative link to an anchor of another page, percent-decoded: nil for a
    /// link without a `#fragment` after its path, a URL or a site path (`/guide/x`, which needs
    /// the site's layout).
    static func relativePath(_ destination: String) -> String? {
        guard !plainlyNoPath(destination), let hash = hashIndex(destination), hash != destination.startIndex else { return nil }
        let path = DocumentAnchors.percentDecoded(String(destination[..<hash]))
        // An ASCII path is searched as bytes (Foundation's `contains` cost more than the rest).
        let ascii = path.utf8.allSatisfy { $0 < 0x80 }
        guard !path.hasPrefix("/"), !(ascii ? path.utf8.contains(0x3A) : path.contains(":")),
              !(ascii ? path.utf8.contains(0x3F) : path.contains("?")) else { return nil }
        return path
    }

    /// True when the first bytes of `destination` show a `:` or a leading `/` before its `#`
    /// (`https://…`, `/guide/x#…`), which ``relativePath(_:)`` turns down: most links with a `#`
    /// after their path are URLs, told here without decoding and searching all of them. The
    /// bytes read are ASCII and no `%` escape, so the `:` or `/` is a character of its own.
    static func plainlyNoPath(_ destination: String) -> Bool {
        var first = true, mark = false
        for b in destination.utf8 {
            guard b < 0x80, b != 0x25 else { return false }
            if mark { return true }
            if b == 0x23 { return false }
            mark = b == 0x3A || (b == 0x2F && first)
            first = false
        }
        return mark
    }

    /// The page a relative link's path (``relativePath(_:)``) names from `origin`: nil for the
    /// file itself.
    static func page(_ path: String, from origin: Origin) -> String? {
        let page = origin.folder.appendingPathComponent(path).standardizedFileURL.path
        return page == origin.file ? nil : page
    }

    /// Where the first `#` character of `s` is (`firstIndex(of: "#")`), found as a byte: in
    /// ASCII text every `#` byte is a character of its own; only non-ASCII marks can join one
    /// to its neighbours, so text with a byte over 0x7F asks the characters.
    static func hashIndex(_ s: String) -> String.Index? {
        guard let hash = s.utf8.firstIndex(of: 0x23) else { return nil }
        return s.utf8.allSatisfy({ $0 < 0x80 }) ? hash : s.firstIndex(of: "#")
    }

    /// The files a page may be: itself, with `.md` (for `.html` or no extension), or its
    /// folder's `index.md` / `README.md`.
    public static func candidates(_ page: String) -> [String] {
        var out = [page]
        let ext = (page as NSString).pathExtension
        let stem = ext.isEmpty ? page : String(page.dropLast(ext.count + 1))
        if ext != "md" {
            out += [stem + ".md", stem + ".mdx"]
            if ext.isEmpty { out += [page + "/index.md", page + "/README.md"] }
        }
        return out
    }

    /// The findings of links whose page is one of `files` (absolute paths → the path as the
    /// run names it) and yields no such anchor; pages outside the run are not judged.
    /// Each page is read once (`load`), in path order.
    public static func broken(_ links: [PageAnchorLink], files: [String: String], load: (String) -> Document?) -> [Finding] {
        var byPage: [String: [PageAnchorLink]] = [:]
        for l in links { byPage[l.page, default: []].append(l) }
        var out: [Finding] = []
        for page in byPage.keys.sorted() {
            guard let file = candidates(page).lazy.compactMap({ files[$0] }).first, let doc = load(file) else { continue }
            let anchors = DocumentAnchors(doc)
            for l in byPage[page]! where !anchors.contains(l.fragment) { out.append(l.finding) }
        }
        return out.sorted(by: Finding.ordered)
    }
}
