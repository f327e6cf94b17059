import Foundation

/// One term of a glossary: the source term, the rendering the project chose, the variants it
/// forbids and the alternatives it accepts.
public struct GlossaryEntry: Sendable, Equatable {
    public var source: String
    /// The preferred rendering (for keep-as-is terms, the source term itself).
    public var target: String
    public var comment: String
    public var forbidden: [String]
    public var alternatives: [String]
    /// Match the English term with its exact case (acronyms are always exact).
    public var caseSensitive: Bool
    /// The term stays in English in the translation (e.g. `Transformer`).
    public var keepAsIs: Bool
    /// The rendering depends on context (a part of speech, a sense): forbidden variants are
    /// enforced, a missing rendering is not reported.
    public var contextDependent: Bool = false
    /// Where the entry was read from, for messages: `genai.tsv:12`.
    public var file: String
    public var line: Int

    public init(source: String, target: String, comment: String = "", forbidden: [String] = [],
                alternatives: [String] = [], caseSensitive: Bool = false, keepAsIs: Bool = false,
                file: String = "", line: Int = 0) {
        self.source = source
        self.target = target
        self.comment = comment
        self.forbidden = forbidden
        self.alternatives = alternatives
        self.caseSensitive = caseSensitive
        self.keepAsIs = keepAsIs
        self.file = file
        self.line = line
    }

    /// Every rendering the glossary accepts, preferred first.
    public var accepted: [String] {
        var a = [target] + alternatives
        if keepAsIs && !a.contains(source) { a.append(source) }
        return a
    }

    /// `genai.tsv:12`.
    public var location: String { "\((file as NSString).lastPathComponent):\(line)" }

    /// The entry's content without where it came from (for round-trip comparisons).
    public func sameTerm(as other: GlossaryEntry) -> Bool {
        source == other.source && target == other.target && comment == other.comment && forbidden == other.forbidden
            && alternatives == other.alternatives && caseSensitive == other.caseSensitive && keepAsIs == other.keepAsIs
            && contextDependent == other.contextDependent
    }
}

/// A glossary file could not be read: names the file and, where there is one, the line.
public struct GlossaryError: Error, CustomStringConvertible, Equatable, Sendable {
    public var file: String
    public var line: Int?
    /// The message in English.
    public var message: String
    /// What went wrong, as a message key (`glossary-error.ID` in the messages files), and the
    /// values it names: the CLI says it in the user's language.
    public var id: String = ""
    public var values: [String: String] = [:]

    public init(file: String, line: Int? = nil, message: String, id: String = "", values: [String: String] = [:]) {
        self.file = file
        self.line = line
        self.message = message
        self.id = id
        self.values = values
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

/// A project's glossary: entries from one or more files.
public struct Glossary: Sendable {
    public var entries: [GlossaryEntry]

    public init(entries: [GlossaryEntry] = []) { self.entries = entries }

    public var isEmpty: Bool { entries.isEmpty }

    /// Reads a glossary file: TSV (`.tsv`, `.txt`, `.utf8`), TBX (`.tbx`, `.xml`), or a Markdown
    /// table of two columns (`.md`, as translation teams keep their termbases).
    public static func load(_ path: String) throws(GlossaryError) -> Glossary {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw GlossaryError(file: path, message: exists ? "cannot read glossary" : "no such glossary file",
                                id: exists ? "unreadable" : "no-such-file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw GlossaryError(file: path, message: "not valid UTF-8; save the glossary as UTF-8", id: "not-utf8")
        }
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "tbx", "xml": return try TBX.read(text, file: path)
        case "md", "markdown": return try MarkdownTermTable.read(text, file: path)
        default: return try TSV.read(text, file: path)
        }
    }

    public static func load(_ paths: [String]) throws(GlossaryError) -> Glossary {
        var g = Glossary()
        for p in paths { g.entries += try load(p).entries }
        return g
    }
}
