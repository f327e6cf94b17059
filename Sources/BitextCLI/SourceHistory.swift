import BitextCheck
import BitextMarkdown
import Foundation

/// Old versions of source files, from git.
enum SourceHistory {
    /// Runs git in `dir` (messages in English, so they can be read), returning its status,
    /// standard output and standard error.
    static func git(_ args: [String], in dir: String) throws -> (Int32, Data, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-C", dir.isEmpty ? "." : dir] + args
        var env = ProcessInfo.processInfo.environment
        env["LC_ALL"] = "C"
        p.environment = env
        // Standard error goes to a scratch file so that one thread can drain standard output
        // without either pipe filling up.
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("bitext-git-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: errURL.path, contents: nil), let errFile = try? FileHandle(forWritingTo: errURL) else {
            throw Failure("cannot create a scratch file in \(FileManager.default.temporaryDirectory.path)")
        }
        defer { try? errFile.close(); try? FileManager.default.removeItem(at: errURL) }
        let out = Pipe()
        p.standardOutput = out
        p.standardError = errFile
        do { try p.run() } catch { throw Failure("cannot run git: \(error.localizedDescription)") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let errData = (try? Data(contentsOf: errURL)) ?? Data()
        return (p.terminationStatus, data, String(decoding: errData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static func split(_ path: String) -> (dir: String, name: String) {
        let url = URL(fileURLWithPath: path)
        return (url.deletingLastPathComponent().path, url.lastPathComponent)
    }

    /// The content of `path` at revision `rev`, read with `git show REV:./FILE` from the file's
    /// folder (so the path is resolved inside whatever repository holds it); nil when the file
    /// did not exist at that revision (a page added since).
    static func show(_ path: String, at rev: String) throws -> [UInt8]? {
        guard !rev.hasPrefix("-") else { throw Failure("'\(rev)' is not a revision") }
        let (dir, name) = split(path)
        let (status, data, err) = try git(["show", "\(rev):./\(name)"], in: dir)
        guard status == 0 else {
            // "path 'x' exists on disk, but not in 'REV'" / "path 'x' does not exist in 'REV'"
            if err.contains("exists on disk, but not in") || err.contains("does not exist in") { return nil }
            throw Failure("\(path): git cannot show it at \(rev): \(err)")
        }
        return [UInt8](data)
    }

    /// The revision that last changed `path` (what a translation made from it today records).
    static func currentRevision(_ path: String) throws -> String {
        let (dir, name) = split(path)
        let (status, data, err) = try git(["log", "-1", "--format=%H", "--", name], in: dir)
        let rev = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard status == 0 else { throw Failure("\(path): git cannot tell its revision: \(err)") }
        guard !rev.isEmpty else { throw Failure("\(path): not committed to git: commit the source first, then record its revision") }
        let (_, changes, _) = try git(["status", "--porcelain", "--", name], in: dir)
        if !changes.isEmpty {
            Output.warn("\(path): has changes not committed; recording its last commit \(rev.prefix(12))")
        }
        return rev
    }

    /// The source as it was when `target` was translated: `newPath` at revision `since`, or at
    /// the revision the translation records when `since` is nil. The document is nil when the
    /// source did not exist then.
    static func oldSource(_ newPath: String, target: Document, since: String?, options: ParseOptions) throws -> (Document?, String) {
        let rev: String
        if let since { rev = since } else {
            guard let r = SourceRecord.find(in: target, sourceName: split(newPath).name) else {
                throw Failure("\(target.path): records no source revision (front matter sourceCommit:, <!-- source-commit: REV --> or a link to the source file at a commit near the top; bitext drift --record writes one)")
            }
            rev = r.revision
        }
        guard let bytes = try show(newPath, at: rev) else { return (nil, rev) }
        do {
            return (try Document(path: newPath + "@" + rev, bytes: bytes, options: options), rev)
        } catch {
            // `Document.init` throws only `SourceError`.
            throw Failure(error.description)
        }
    }

    /// Where a translation that records nothing yet gets its record.
    enum RecordStyle: String, CaseIterable {
        case frontMatter = "front-matter", comment
    }

    /// The translation's bytes with `revision` recorded — in place of the revision it records,
    /// or, when it records none, as `style` says (by default a front-matter key when the file
    /// has front matter, else a comment at the top) — and how; nil when it already records it.
    static func stamp(_ doc: Document, revision: String, sourceName: String, style: RecordStyle?) -> (bytes: [UInt8], how: String)? {
        let src = doc.source
        var out = Array(src.originalBytes)
        let how: String
        let newline = src.lineStarts.count > 1 && src.lineStarts[1] >= 2 && src.bytes[src.lineStarts[1] - 2] == 0x0D ? "\r\n" : "\n"
        if let r = SourceRecord.find(in: doc, sourceName: sourceName) {
            if r.revision == revision { return nil }
            out.replaceSubrange(r.byteRange, with: Array(revision.utf8))
            switch r.convention {
            case .frontMatter(let key): how = "front matter \(key)"
            case .comment(let label): how = "comment \(label)"
            case .blobLink: how = "link to the source at a commit"
            }
        } else {
            let fmEnd = doc.frontMatterEndLine
            switch style ?? (fmEnd != nil ? .frontMatter : .comment) {
            case .frontMatter:
                if let end = fmEnd {
                    out.insert(contentsOf: Array("sourceCommit: \(revision)\(newline)".utf8), at: src.lineStarts[end - 1])
                } else {
                    out.insert(contentsOf: Array("---\(newline)sourceCommit: \(revision)\(newline)---\(newline)\(newline)".utf8), at: 0)
                }
                how = "front matter sourceCommit"
            case .comment:
                let at = fmEnd.map { $0 < src.lineStarts.count ? src.lineStarts[$0] : src.bytes.count } ?? 0
                let prefix = fmEnd != nil && at == src.bytes.count && src.bytes.last != 0x0A ? newline : ""
                out.insert(contentsOf: Array("\(prefix)<!-- source-commit: \(revision) -->\(newline)\(fmEnd == nil ? newline : "")".utf8), at: at)
                how = "comment source-commit"
            }
        }
        if src.hasByteOrderMark { out.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0) }
        return (out, how)
    }
}
