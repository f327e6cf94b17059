import BitextMarkdown
import Foundation

/// Where a translation records the source revision it was translated from, in one of the
/// conventions projects use:
///
/// - a front-matter key (`sourceCommit: 1a2b3c4`, `source_commit`, `upstreamCommit`, …);
/// - an HTML comment (`<!-- source-commit: 1a2b3c4 -->`);
/// - a link to the source file at a commit near the top of the page
///   (`…/blob/1a2b3c4/src/chapter.md`), as book translations often do.
public struct SourceRecord: Sendable, Equatable {
    public enum Convention: Sendable, Equatable {
        case frontMatter(key: String)
        case comment(label: String)
        case blobLink
    }
    public var revision: String
    public var convention: Convention
    /// Bytes of the revision as written in the file (`SourceText.bytes`), to replace it.
    public var byteRange: Range<Int>
    /// The unit that holds a blob link (not a translation of anything).
    public var unit: Int?

    /// Front-matter keys and comment labels for the recorded revision, compared without case,
    /// `-`, `_` or spaces.
    public static let keys = ["sourcecommit", "sourcerevision", "sourcerev", "sourcesha", "sourcehash", "upstreamcommit",
                              "originalcommit", "translatedfrom", "basecommit"]

    /// How far into the page a blob link still counts as the page's record: the first units
    /// after the front matter.
    static let blobLinkUnits = 5

    /// The record of a translation; `sourceName` (the source file's name) picks the blob link
    /// to that file when the page links to several.
    public static func find(in doc: Document, sourceName: String? = nil) -> SourceRecord? {
        func normalized(_ key: Substring) -> String { key.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " } }
        /// The value after a key: its byte offset in `line` and the revision.
        func value(_ line: [UInt8], after colon: Int) -> (Range<Int>, String)? {
            var lo = colon + 1, hi = line.count
            let trim: Set<UInt8> = [0x20, 0x09, 0x22, 0x27, 0x0D, 0x0A]
            while lo < hi && trim.contains(line[lo]) { lo += 1 }
            while hi > lo && trim.contains(line[hi - 1]) { hi -= 1 }
            let v = String(decoding: line[lo..<hi], as: UTF8.self)
            return v.range(of: #"^[0-9A-Za-z._/~^-]{4,}$"#, options: .regularExpression) != nil ? (lo..<hi, v) : nil
        }
        let bytes = doc.source.bytes
        if let end = doc.frontMatterEndLine, end >= 2 {
            for l in 2..<end {
                let r = doc.source.lineByteRange(l)
                let line = Array(bytes[r])
                guard let colon = line.firstIndex(of: 0x3A) else { continue }
                let key = String(decoding: line[..<colon], as: UTF8.self)
                if keys.contains(normalized(Substring(key))), let (vr, v) = value(line, after: colon) {
                    return SourceRecord(revision: v, convention: .frontMatter(key: key.trimmingCharacters(in: .whitespaces)),
                                        byteRange: (r.lowerBound + vr.lowerBound)..<(r.lowerBound + vr.upperBound))
                }
            }
        }
        for c in doc.comments {
            guard let colon = c.body.firstIndex(of: ":") else { continue }
            let label = c.body[..<colon]
            guard keys.contains(normalized(label)) else { continue }
            let start = doc.source.byteOffset(of: c.start), end = min(bytes.count, doc.source.byteOffset(of: c.end) + 1)
            let raw = Array(bytes[start..<end])
            // The comment as written: `<!--`, the label, `:`, the value, `-->`.
            guard let close = findBytes(raw, Array("-->".utf8)), let colonAt = raw.firstIndex(of: 0x3A), colonAt < close,
                  let (vr, v) = value(Array(raw[..<close]), after: colonAt) else { continue }
            return SourceRecord(revision: v, convention: .comment(label: String(label).trimmingCharacters(in: .whitespaces)),
                                byteRange: (start + vr.lowerBound)..<(start + vr.upperBound))
        }
        return blobLink(in: doc, sourceName: sourceName)
    }

    /// A link near the top of the page to a source file at a commit:
    /// `…/blob/SHA/path`, `…/tree/SHA/path`, `…/raw/SHA/path` (GitLab's `/-/blob/` too).
    public static func blobLink(in doc: Document, sourceName: String? = nil) -> SourceRecord? {
        var candidates: [(Bool, SourceRecord)] = []
        var seen = 0
        for (k, u) in doc.units.enumerated() {
            if case .frontMatter = u.kind { continue }
            seen += 1
            if seen > blobLinkUnits { break }
            for l in u.links where !l.isImage {
                guard let (sha, path) = commitPath(l.destination),
                      let d = Drift.destinationRange(u, l) else { continue }
                let named = sourceName.map { (path as NSString).lastPathComponent == $0 } ?? false
                let written = u.string(d)
                guard let r = written.range(of: "/" + sha + "/") else { continue }
                let lo = d.lowerBound + written.unicodeScalars[..<r.lowerBound].count + 1
                let span = u.span(lo..<(lo + sha.count))
                let start = doc.source.byteOffset(of: span.start)
                candidates.append((named, SourceRecord(revision: sha, convention: .blobLink, byteRange: start..<(start + sha.utf8.count), unit: k)))
            }
        }
        // A link to the file of the same name, else the first.
        return (candidates.first(where: \.0) ?? candidates.first)?.1
    }

    /// The commit and the file path of a repository-host link to a file at a commit.
    static func commitPath(_ url: String) -> (String, String)? {
        let pattern = #"/(?:-/)?(?:blob|tree|raw)/([0-9a-fA-F]{7,40})/([^?#]+)"#
        guard let m = url.range(of: pattern, options: .regularExpression) else { return nil }
        let parts = url[m].split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "-" }
        guard parts.count >= 3 else { return nil }
        return (String(parts[1]), parts[2...].joined(separator: "/"))
    }

    /// True when unit `k` of a translation is its blob-link record (not a translation of anything).
    public static func isRecordUnit(_ doc: Document, _ k: Int, sourceName: String?) -> Bool {
        guard doc.units[k].links.contains(where: { commitPath($0.destination) != nil }) else { return false }
        return blobLink(in: doc, sourceName: sourceName)?.unit == k
    }
}

func findBytes(_ hay: [UInt8], _ needle: [UInt8]) -> Int? {
    guard needle.count <= hay.count else { return nil }
    for i in 0...(hay.count - needle.count) where hay[i] == needle[0] && Array(hay[i..<(i + needle.count)]) == needle { return i }
    return nil
}
