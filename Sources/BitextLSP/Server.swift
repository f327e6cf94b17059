import BitextCheck
import BitextText
import Foundation

/// A JSON-RPC error answered to a request.
struct RPCError: Error {
    var code: Int
    var message: String

    static let parseError = -32700
    static let invalidRequest = -32600
    static let methodNotFound = -32601
    static let invalidParams = -32602
    static let internalError = -32603
    static let serverNotInitialized = -32002
    static let requestFailed = -32803

    static func invalidParams(_ m: String) -> RPCError { RPCError(code: invalidParams, message: m) }
}

/// An editor's open document.
final class OpenDocument {
    let uri: String
    /// The file's path, nil for documents that are not files (`untitled:`).
    let path: String?
    var buffer: TextBuffer
    var version: Int
    /// Counts changes; a check belongs to the generation it read.
    var generation = 0
    var checked: CheckedDocument?
    /// The source as it was when the translation was opened (for "source changed").
    var sourceAtOpen: SourceSnapshot?

    init(uri: String, path: String?, text: String, version: Int) {
        self.uri = uri
        self.path = path
        buffer = TextBuffer(text)
        self.version = version
    }
}

/// `bitext lsp`: a Language Server Protocol server over a pair of file descriptors.
///
/// One reader thread decodes framed messages; everything else — documents, projects, checks —
/// happens in order on one serial queue, so no state is shared between threads. Checks after an
/// edit wait for the editor to pause (the debounce), and a result is published only if no edit
/// came in meanwhile.
public final class LanguageServer: @unchecked Sendable {
    let queue = DispatchQueue(label: "bitext.lsp")
    let writer: MessageWriter
    let reader: MessageReader
    let load: ProjectLoader

    // Settings the editor can change (initializationOptions, workspace/didChangeConfiguration).
    var debounce: Double = 0.3
    /// `{rule}` is replaced by the rule id: the diagnostics' `codeDescription.href`.
    var ruleDocumentation: String?

    var initialized = false
    var shuttingDown = false
    var clientLanguage: String?
    var root: String?
    var canRegisterWatchers = false
    var nextRequestId = 1

    var documents: [String: OpenDocument] = [:]
    /// Projects by the configuration file that rules them ("" for none).
    var projects: [String: Project] = [:]
    /// The configuration file found for each folder (walking up, as the command line does).
    var configOfFolder: [String: String] = [:]
    /// Configurations that could not be loaded, with no fallback: not retried until a reload.
    var failedConfigs: Set<String> = []
    var sources: [String: SourceSnapshot] = [:]

    private let done = DispatchSemaphore(value: 0)
    private var exitCode: Int32 = 1

    public init(input: Int32 = 0, output: Int32 = 1, load: @escaping ProjectLoader) {
        reader = MessageReader(fd: input)
        writer = MessageWriter(fd: output)
        self.load = load
    }

    /// Serves until `exit` (0 after `shutdown`, 1 without) or the end of the input (1).
    public func run() -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        let thread = Thread { [self] in
            while true {
                switch reader.next() {
                case .message(let bytes):
                    queue.async { self.receive(bytes) }
                case .malformed(let problem):
                    log(problem)
                case .end:
                    queue.async {
                        if !self.shuttingDown { log("input closed without shutdown and exit") }
                        self.finish(self.shuttingDown ? 0 : 1)
                    }
                    return
                }
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
        done.wait()
        return exitCode
    }

    func finish(_ code: Int32) {
        exitCode = code
        done.signal()
    }

    // MARK: messages

    func receive(_ bytes: [UInt8]) {
        let message: JSON
        do {
            message = try DecodedJSON.parse(bytes)
        } catch {
            log("malformed JSON (\(bytes.count) bytes): \(error)")
            respond(id: .null, error: RPCError(code: RPCError.parseError, message: "malformed JSON: \(error)"))
            return
        }
        guard case .object = message, let method = message["method"]?.stringValue else {
            if case .object = message, message["id"] != nil, message["result"] != nil || message["error"] != nil {
                return  // a response to one of our requests (registerCapability)
            }
            log("not a JSON-RPC request: \(String(decoding: bytes.prefix(200), as: UTF8.self))")
            respond(id: message["id"] ?? .null, error: RPCError(code: RPCError.invalidRequest, message: "not a JSON-RPC 2.0 request or notification"))
            return
        }
        let params = message["params"] ?? .null
        guard let id = message["id"] else {
            notification(method, params)
            return
        }
        switch id {
        case .int, .string, .double: break
        default:
            respond(id: .null, error: RPCError(code: RPCError.invalidRequest, message: "a request id is a number or a string"))
            return
        }
        if !initialized && method != "initialize" {
            respond(id: id, error: RPCError(code: RPCError.serverNotInitialized, message: "initialize first"))
            return
        }
        if shuttingDown {
            respond(id: id, error: RPCError(code: RPCError.invalidRequest, message: "the server is shutting down"))
            return
        }
        do {
            respond(id: id, result: try request(method, params))
        } catch let e as RPCError {
            log("\(method): \(e.message)")
            respond(id: id, error: e)
        } catch {
            log("\(method): \(error)")
            respond(id: id, error: RPCError(code: RPCError.internalError, message: "\(error)"))
        }
    }

    func request(_ method: String, _ params: JSON) throws -> JSON {
        switch method {
        case "initialize": return try initialize(params)
        case "shutdown":
            shuttingDown = true
            return .null
        case "textDocument/codeAction": return try codeActions(params)
        case "textDocument/hover": return try hover(params)
        case "bitext/coverage": return try coverage(params)
        case "bitext/alignedSource": return try alignedSource(params)
        default:
            throw RPCError(code: RPCError.methodNotFound, message: "unknown method \(method)")
        }
    }

    func notification(_ method: String, _ params: JSON) {
        if method == "exit" {
            finish(shuttingDown ? 0 : 1)
            return
        }
        guard initialized, !shuttingDown else { return }
        switch method {
        case "initialized": registerWatchers()
        case "textDocument/didOpen": didOpen(params)
        case "textDocument/didChange": didChange(params)
        case "textDocument/didClose": didClose(params)
        case "workspace/didChangeWatchedFiles": didChangeWatchedFiles(params)
        case "workspace/didChangeConfiguration":
            applySettings(params["settings"]?["bitext"] ?? params["settings"] ?? .null)
            reload()
        default:
            if !method.hasPrefix("$/") && method != "textDocument/didSave" { log("ignored notification \(method)") }
        }
    }

    func respond(id: JSON, result: JSON) {
        writer.send(.object([("jsonrpc", "2.0"), ("id", id), ("result", result)]))
    }

    func respond(id: JSON, error: RPCError) {
        writer.send(.object([("jsonrpc", "2.0"), ("id", id),
                             ("error", .object([("code", .int(error.code)), ("message", .string(error.message))]))]))
    }

    func notify(_ method: String, _ params: JSON) {
        writer.send(.object([("jsonrpc", "2.0"), ("method", .string(method)), ("params", params)]))
    }

    func sendRequest(_ method: String, _ params: JSON) {
        writer.send(.object([("jsonrpc", "2.0"), ("id", .int(nextRequestId)), ("method", .string(method)), ("params", params)]))
        nextRequestId += 1
    }

    func showMessage(_ type: Int, _ text: String) {
        notify("window/showMessage", .object([("type", .int(type)), ("message", .string(text))]))
    }

    // MARK: lifecycle

    func initialize(_ params: JSON) throws -> JSON {
        if initialized { throw RPCError(code: RPCError.invalidRequest, message: "initialize was already called") }
        initialized = true
        clientLanguage = params["locale"]?.stringValue
        if let uri = params["rootUri"]?.stringValue { root = LanguageServer.path(ofURI: uri) }
        else if let p = params["rootPath"]?.stringValue { root = p }
        else if let first = params["workspaceFolders"]?.arrayValue?.first, let uri = first["uri"]?.stringValue {
            root = LanguageServer.path(ofURI: uri)
        }
        applySettings(params["initializationOptions"] ?? .null)
        canRegisterWatchers = params["capabilities"]?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.boolValue ?? false
        // The workspace's own project, so a broken bitext.yml shows at once.
        _ = project(forFolder: root ?? FileManager.default.currentDirectoryPath)
        return .object([
            ("capabilities", .object([
                ("positionEncoding", "utf-16"),
                ("textDocumentSync", .object([("openClose", true), ("change", 2)])),
                ("hoverProvider", true),
                ("codeActionProvider", .object([
                    ("codeActionKinds", .array(["quickfix", "source.fixAll", "source.fixAll.bitext"])),
                ])),
                ("experimental", .object([("bitext", .object([
                    ("coverage", true), ("alignedSource", true),
                ]))])),
            ])),
            ("serverInfo", .object([("name", "bitext"), ("version", .string(LanguageServer.version))])),
        ])
    }

    public static var version = "0.1.0"

    func applySettings(_ s: JSON) {
        if let ms = s["debounce"]?.intValue, ms >= 0, ms <= 10_000 { debounce = Double(ms) / 1000 }
        if let d = s["ruleDocumentation"] {
            ruleDocumentation = d.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    func registerWatchers() {
        guard canRegisterWatchers else { return }
        let globs = ["**/bitext.yml", "**/.bitext.yml", "**/bitext.yaml", "**/*.tsv", "**/*.tbx", "**/*.md", "**/*.markdown", "**/*.mdx"]
        sendRequest("client/registerCapability", .object([("registrations", .array([
            .object([("id", "bitext-watch"), ("method", "workspace/didChangeWatchedFiles"),
                     ("registerOptions", .object([("watchers", .array(globs.map { .object([("globPattern", .string($0))]) }))]))]),
        ]))]))
    }

    // MARK: projects

    static func path(ofURI uri: String) -> String? {
        guard uri.hasPrefix("file:"), let url = URL(string: uri), url.isFileURL else { return nil }
        return url.standardizedFileURL.path
    }

    static func uri(ofPath path: String) -> String { URL(fileURLWithPath: path).absoluteString }

    /// The project of a document: the nearest `bitext.yml` walking up from its folder, else the
    /// workspace's.
    func project(for doc: OpenDocument) -> Project? {
        let folder = doc.path.map { ($0 as NSString).deletingLastPathComponent } ?? root ?? FileManager.default.currentDirectoryPath
        return project(forFolder: folder)
    }

    func project(forFolder folder: String) -> Project? {
        let config: String
        if let c = configOfFolder[folder] {
            config = c
        } else {
            config = Config.find(from: folder) ?? (root.flatMap { Config.find(from: $0) }) ?? ""
            configOfFolder[folder] = config
        }
        if let p = projects[config] { return p }
        if failedConfigs.contains(config) { return nil }
        do {
            let p = Project(try load(config.isEmpty ? nil : config, clientLanguage))
            projects[config] = p
            return p
        } catch {
            // Shown once; until the file is fixed (a reload), the folder is checked without it.
            let text = "\(error)"
            log(text)
            let messages = Messages.load(clientLanguage.map(LanguageServer.messageLanguage))
            showMessage(1, messages.text("lsp.config-error", ["error": text]))
            let fallback = config.isEmpty ? nil : (try? load(nil, clientLanguage)).map(Project.init)
            projects[config] = fallback
            if fallback == nil { failedConfigs.insert(config) }
            return fallback
        }
    }

    /// The message language for an editor's UI locale (`zh-cn`, `en-us`…).
    public static func messageLanguage(_ locale: String) -> String {
        let l = locale.lowercased()
        guard l.hasPrefix("zh") else { return "en" }
        return l.contains("tw") || l.contains("hk") || l.contains("hant") ? "zh-Hant" : "zh-Hans"
    }

    /// Forgets every project and source, reads the configuration and glossaries again and checks
    /// every open document.
    func reload() {
        projects = [:]
        configOfFolder = [:]
        failedConfigs = []
        sources = [:]
        for uri in documents.keys.sorted() {
            guard let d = documents[uri] else { continue }
            // The source as opened, read again with the new settings.
            d.sourceAtOpen = d.sourceAtOpen.flatMap { old in project(for: d)?.snapshot(path: old.path, bytes: old.buffer.bytes) }
            checkNow(d)
        }
    }

    // MARK: documents

    func document(_ params: JSON) throws -> OpenDocument {
        guard let uri = params["textDocument"]?["uri"]?.stringValue else { throw RPCError.invalidParams("textDocument.uri is missing") }
        guard let d = documents[uri] else { throw RPCError.invalidParams("\(uri) is not open") }
        return d
    }

    func didOpen(_ params: JSON) {
        guard let item = params["textDocument"], let uri = item["uri"]?.stringValue, let text = item["text"]?.stringValue else {
            log("didOpen without textDocument.uri and text")
            return
        }
        let d = OpenDocument(uri: uri, path: LanguageServer.path(ofURI: uri), text: text, version: item["version"]?.intValue ?? 0)
        documents[uri] = d
        checkNow(d)
        scheduleTranslations(ofSource: d)
    }

    func didChange(_ params: JSON) {
        guard let uri = params["textDocument"]?["uri"]?.stringValue, let d = documents[uri] else {
            log("didChange for a document that is not open")
            return
        }
        for change in params["contentChanges"]?.arrayValue ?? [] {
            guard let text = change["text"]?.stringValue else { continue }
            if let range = change["range"], let r = LanguageServer.range(range) {
                let a = d.buffer.offset(of: r.lowerBound), b = d.buffer.offset(of: r.upperBound)
                d.buffer.replace(min(a, b)..<max(a, b), with: text)
            } else {
                d.buffer = TextBuffer(text)
            }
        }
        d.version = params["textDocument"]?["version"]?.intValue ?? d.version + 1
        d.generation += 1
        schedule(d)
        scheduleTranslations(ofSource: d)
    }

    func didClose(_ params: JSON) {
        guard let uri = params["textDocument"]?["uri"]?.stringValue, let d = documents.removeValue(forKey: uri) else { return }
        publish(uri: uri, version: nil, diagnostics: [])
        // The source reverts to what is on disk.
        scheduleTranslations(ofSource: d)
        // Keep the sources that open translations still use.
        let used = Set(documents.values.compactMap { open in open.path.flatMap { project(for: open)?.source(forTarget: $0) } })
        sources = sources.filter { used.contains($0.key) }
    }

    func didChangeWatchedFiles(_ params: JSON) {
        var reloadNeeded = false
        var changedMarkdown: [String] = []
        let watched = Set(projects.values.flatMap(\.watchedFiles))
        for change in params["changes"]?.arrayValue ?? [] {
            guard let uri = change["uri"]?.stringValue, let path = LanguageServer.path(ofURI: uri) else { continue }
            let name = (path as NSString).lastPathComponent
            // Glossary files by their extension too: those named with --glossary, or by a
            // bitext.yml that could not be read, are in no project's list.
            let ext = (name as NSString).pathExtension.lowercased()
            if watched.contains(path) || ["bitext.yml", ".bitext.yml", "bitext.yaml"].contains(name) || ["tsv", "tbx"].contains(ext) {
                reloadNeeded = true
            } else {
                changedMarkdown.append(path)
            }
        }
        if reloadNeeded {
            reload()
            return
        }
        // A source changed on disk: its open translations (whose source is not open) again.
        let open = Set(documents.values.compactMap(\.path))
        for path in changedMarkdown where !open.contains(path) {
            sources[path] = nil
            for d in translations(ofSource: path) { schedule(d) }
        }
    }

    static func range(_ j: JSON) -> Range<LSPPosition>? {
        guard let s = position(j["start"]), let e = position(j["end"]) else { return nil }
        return min(s, e)..<max(s, e)
    }

    static func position(_ j: JSON?) -> LSPPosition? {
        guard let l = j?["line"]?.intValue, let c = j?["character"]?.intValue else { return nil }
        return LSPPosition(line: max(0, l), character: max(0, c))
    }

    // MARK: checking

    /// Open translations whose configured source is `path`.
    func translations(ofSource path: String) -> [OpenDocument] {
        documents.keys.sorted().compactMap { documents[$0] }.filter { d in
            guard let p = d.path, let project = project(for: d) else { return false }
            return project.source(forTarget: p) == path
        }
    }

    func scheduleTranslations(ofSource d: OpenDocument) {
        guard let path = d.path, let project = project(for: d), project.isSource(path) else { return }
        for t in translations(ofSource: path) { schedule(t) }
    }

    /// Checks a document once the editor has been quiet for the debounce interval.
    func schedule(_ d: OpenDocument) {
        let generation = d.generation
        queue.asyncAfter(deadline: .now() + debounce) { [weak self, weak d] in
            guard let self, let d, self.documents[d.uri] === d, d.generation == generation, !self.shuttingDown else { return }
            if d.checked?.generation == generation, d.checked?.source === self.currentSource(for: d) { return }
            self.checkNow(d)
        }
    }

    /// The source snapshot for a translation: the source's editor buffer if it is open, else
    /// the file; re-read and re-analysed only when its bytes change.
    func currentSource(for d: OpenDocument) -> SourceSnapshot? {
        guard let path = d.path, let project = project(for: d), let sourcePath = project.source(forTarget: path) else { return nil }
        let bytes: [UInt8]
        if let open = documents.values.first(where: { $0.path == sourcePath }) {
            bytes = open.buffer.bytes
        } else if let data = FileManager.default.contents(atPath: sourcePath) {
            bytes = [UInt8](data)
        } else {
            return nil
        }
        if let s = sources[sourcePath], s.buffer.bytes == bytes { return s }
        let s = project.snapshot(path: sourcePath, bytes: bytes)
        sources[sourcePath] = s
        return s
    }

    /// Checks a document now and publishes its diagnostics.
    @discardableResult
    func checkNow(_ d: OpenDocument) -> CheckedDocument? {
        guard let project = project(for: d) else {
            publish(uri: d.uri, version: d.version, diagnostics: [])
            return nil
        }
        if let path = d.path, project.isSource(path) || project.isIgnored(path) {
            let r = CheckedDocument(generation: d.generation, buffer: d.buffer, document: nil, analyses: [], source: nil,
                                    alignment: nil, findings: [])
            d.checked = r
            publish(uri: d.uri, version: d.version, diagnostics: [])
            return r
        }
        let source = currentSource(for: d)
        // A translation paired with another source (the configuration changed) starts afresh.
        if d.sourceAtOpen == nil || d.sourceAtOpen?.path != source?.path { d.sourceAtOpen = source }
        let r = project.check(path: d.path ?? d.uri, buffer: d.buffer, generation: d.generation, source: source,
                              sourceAtOpen: d.sourceAtOpen)
        d.checked = r
        publish(uri: d.uri, version: d.version, diagnostics: diagnostics(r))
        return r
    }

    /// The check of the document's current text (checked now if an edit is pending).
    func current(_ d: OpenDocument) -> CheckedDocument? {
        if let c = d.checked, c.generation == d.generation { return c }
        return checkNow(d)
    }

    func publish(uri: String, version: Int?, diagnostics: [JSON]) {
        var fields: [(String, JSON)] = [("uri", .string(uri))]
        if let version { fields.append(("version", .int(version))) }
        fields.append(("diagnostics", .array(diagnostics)))
        notify("textDocument/publishDiagnostics", .object(fields))
    }
}
