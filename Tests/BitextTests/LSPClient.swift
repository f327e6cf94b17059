import Foundation

/// A scripted editor: starts the real `bitext lsp` binary and speaks the protocol to it over
/// its standard input and output, as VS Code or Neovim would.
final class LSPClient: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errors = Pipe()
    private let condition = NSCondition()
    private var inbox: [[String: Any]] = []
    private var ended = false
    private var nextId = 0
    private(set) var stderrText = ""

    init(cwd: URL, arguments: [String] = []) throws {
        process.executableURL = CLI.executable
        process.arguments = ["lsp"] + arguments
        process.currentDirectoryURL = cwd
        var environment = ProcessInfo.processInfo.environment
        environment["BITEXT_DATA"] = Fixtures.repoRoot.path
        environment.removeValue(forKey: "LANG")
        environment.removeValue(forKey: "LC_ALL")
        process.environment = environment
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading
        Thread.detachNewThread { [self] in
            var buffer = Data()
            while true {
                let chunk = out.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
                while let headerEnd = buffer.range(of: Data("\r\n\r\n".utf8)) {
                    let header = String(decoding: buffer[buffer.startIndex..<headerEnd.lowerBound], as: UTF8.self)
                    guard let lengthLine = header.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-length:") }),
                          let n = Int(lengthLine.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) else { break }
                    let bodyStart = headerEnd.upperBound
                    guard buffer.distance(from: bodyStart, to: buffer.endIndex) >= n else { break }
                    let body = buffer[bodyStart..<buffer.index(bodyStart, offsetBy: n)]
                    if let message = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] {
                        condition.lock(); inbox.append(message); condition.broadcast(); condition.unlock()
                    }
                    buffer = Data(buffer[buffer.index(bodyStart, offsetBy: n)...])
                }
            }
            condition.lock(); ended = true; condition.broadcast(); condition.unlock()
        }
        let err = errors.fileHandleForReading
        Thread.detachNewThread { [self] in
            let data = err.readDataToEndOfFile()
            condition.lock(); stderrText = String(decoding: data, as: UTF8.self); condition.unlock()
        }
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    // MARK: sending

    func sendRaw(_ bytes: Data) {
        input.fileHandleForWriting.write(bytes)
    }

    func send(_ message: [String: Any]) {
        let body = try! JSONSerialization.data(withJSONObject: message)
        sendRaw(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    }

    func notify(_ method: String, _ params: Any = NSNull()) {
        send(["jsonrpc": "2.0", "method": method, "params": params])
    }

    /// Sends a request and waits for its response (other messages stay in the inbox).
    @discardableResult
    func request(_ method: String, _ params: Any = NSNull(), timeout: Double = 60) -> [String: Any]? {
        nextId += 1
        let id = nextId
        send(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
        return wait(timeout: timeout) { ($0["id"] as? Int) == id && $0["method"] == nil }
    }

    func closeInput() { try? input.fileHandleForWriting.close() }

    // MARK: receiving

    /// Takes the first message (in arrival order) that matches, waiting for it.
    func wait(timeout: Double = 60, _ matches: ([String: Any]) -> Bool) -> [String: Any]? {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let k = inbox.firstIndex(where: matches) { return inbox.remove(at: k) }
            if ended || !condition.wait(until: deadline) { return nil }
        }
    }

    /// The next diagnostics published for a document.
    func diagnostics(_ uri: String, timeout: Double = 60) -> [[String: Any]]? {
        let m = wait(timeout: timeout) { m in
            (m["method"] as? String) == "textDocument/publishDiagnostics" && ((m["params"] as? [String: Any])?["uri"] as? String) == uri
        }
        return (m?["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]]
    }

    /// Messages that arrived and were not taken.
    func drain() -> [[String: Any]] {
        condition.lock(); defer { condition.unlock() }
        let all = inbox
        inbox = []
        return all
    }

    func waitForExit(timeout: Double = 30) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// The editor's goodbye: `shutdown`, then `exit`; the server's exit status.
    @discardableResult
    func shutDown() -> Int32? {
        request("shutdown")
        notify("exit")
        return waitForExit()
    }

    // MARK: the session an editor opens

    func initialize(root: URL, options: [String: Any] = ["debounce": 0], capabilities: [String: Any] = [:]) -> [String: Any]? {
        let r = request("initialize", ["processId": NSNull(), "rootUri": root.absoluteString, "capabilities": capabilities,
                                       "initializationOptions": options])
        notify("initialized", [String: Any]())
        return r
    }

    func open(_ url: URL, text: String? = nil) -> String {
        let uri = url.absoluteString
        let t = text ?? (try! String(contentsOf: url, encoding: .utf8))
        notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "markdown", "version": 1, "text": t]])
        return uri
    }
}

/// What an editor does with the server's positions and edits: UTF-16 offsets into its text.
enum EditorText {
    /// The UTF-16 offset of a protocol position (lines end at LF, CRLF or CR).
    static func offset(_ text: String, line: Int, character: Int) -> Int {
        let u = Array(text.utf16)
        var i = 0, l = 0
        while l < line && i < u.count {
            if u[i] == 10 { l += 1 } else if u[i] == 13 { if i + 1 < u.count && u[i + 1] == 10 { i += 1 }; l += 1 }
            i += 1
        }
        return i + character
    }

    static func position(_ p: Any?) -> (line: Int, character: Int) {
        let d = p as? [String: Any] ?? [:]
        return (d["line"] as? Int ?? -1, d["character"] as? Int ?? -1)
    }

    /// Applies text edits (non-overlapping, as in one WorkspaceEdit) the way an editor does.
    static func apply(_ edits: [[String: Any]], to text: String) -> String {
        var u = Array(text.utf16)
        let resolved = edits.map { e -> (Int, Int, String) in
            let r = e["range"] as! [String: Any]
            let s = position(r["start"]), f = position(r["end"])
            return (offset(text, line: s.line, character: s.character), offset(text, line: f.line, character: f.character),
                    e["newText"] as! String)
        }
        for (a, b, t) in resolved.sorted(by: { $0.0 > $1.0 }) { u.replaceSubrange(a..<b, with: Array(t.utf16)) }
        return String(decoding: u, as: UTF16.self)
    }

    /// The edits of a WorkspaceEdit for one document.
    static func edits(_ action: [String: Any], uri: String) -> [[String: Any]] {
        let changes = (action["edit"] as? [String: Any])?["changes"] as? [String: Any]
        return changes?[uri] as? [[String: Any]] ?? []
    }

    /// The edits as incremental `contentChanges`, last first so that each applies to the text
    /// the ones before it left.
    static func contentChanges(_ edits: [[String: Any]]) -> [[String: Any]] {
        edits.sorted { a, b in
            let pa = position((a["range"] as! [String: Any])["start"]), pb = position((b["range"] as! [String: Any])["start"])
            return pa.line != pb.line ? pa.line > pb.line : pa.character > pb.character
        }.map { ["range": $0["range"]!, "text": $0["newText"]!] }
    }
}
