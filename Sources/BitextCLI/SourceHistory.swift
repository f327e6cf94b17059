import BitextMarkdown
import Foundation

/// Old versions of source files, from git.
enum SourceHistory {
    /// The content of `path` at revision `rev`, read with `git show REV:./FILE` from the file's
    /// folder (so the path is resolved inside whatever repository holds it).
    static func show(_ path: String, at rev: String) throws -> [UInt8] {
        guard !rev.hasPrefix("-") else { throw Failure("'\(rev)' is not a revision") }
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git", "-C", dir.isEmpty ? "." : dir, "show", "\(rev):./\(url.lastPathComponent)"]
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
        guard p.terminationStatus == 0 else {
            let errData = (try? Data(contentsOf: errURL)) ?? Data()
            let msg = String(decoding: errData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure("\(path): git cannot show it at \(rev): \(msg)")
        }
        return [UInt8](data)
    }

    /// The source as it was when `target` was translated: `newPath` at revision `since`, or at
    /// the revision the translation records when `since` is nil.
    static func oldSource(_ newPath: String, target: Document, since: String?, options: ParseOptions) throws -> Document {
        let rev: String
        if let since { rev = since } else {
            guard let r = recordedRevision(target) else {
                throw Failure("\(target.path): records no source revision (front matter sourceCommit: or <!-- source-commit: REV -->)")
            }
            rev = r
        }
        do {
            return try Document(path: newPath + "@" + rev, bytes: try show(newPath, at: rev), options: options)
        } catch let e as SourceError {
            throw Failure(e.description)
        }
    }

    /// Front-matter keys and comment labels a translation uses to record the source revision it
    /// was translated from, compared without case, `-` or `_`.
    static let recordKeys = ["sourcecommit", "sourcerevision", "sourcerev", "sourcesha", "sourcehash", "upstreamcommit",
                             "originalcommit", "translatedfrom", "basecommit"]

    /// The recorded source revision of a translation: a front-matter key such as
    /// `sourceCommit: 1a2b3c4`, or an HTML comment `<!-- source-commit: 1a2b3c4 -->`.
    static func recordedRevision(_ doc: Document) -> String? {
        func normalized(_ key: Substring) -> String { key.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " } }
        func value(_ s: Substring) -> String? {
            let v = s.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
            return v.range(of: #"^[0-9A-Za-z._/~^-]{4,}$"#, options: .regularExpression) != nil ? v : nil
        }
        if let end = doc.frontMatterEndLine, end >= 2 {
            for l in 2..<end {
                let line = String(decoding: doc.source.bytes[doc.source.lineByteRange(l)], as: UTF8.self)
                guard let colon = line.firstIndex(of: ":") else { continue }
                if recordKeys.contains(normalized(line[..<colon])), let v = value(line[line.index(after: colon)...]) { return v }
            }
        }
        for c in doc.comments {
            guard let colon = c.body.firstIndex(of: ":") else { continue }
            if recordKeys.contains(normalized(c.body[..<colon])), let v = value(c.body[c.body.index(after: colon)...]) { return v }
        }
        return nil
    }
}
