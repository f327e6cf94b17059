import BitextAlign
import BitextCheck
import BitextGlossary
import BitextMarkdown
import Foundation

/// What a project checks with: its configuration and everything the command line builds from it
/// (languages, rule severities, messages, glossary, parse options).
public struct ProjectSetup {
    public var config: Config
    public var settings: Settings
    public var messages: Messages
    public var glossary: GlossaryIndex?
    public var parseOptions: ParseOptions

    public init(config: Config, settings: Settings, messages: Messages, glossary: GlossaryIndex?, parseOptions: ParseOptions) {
        self.config = config
        self.settings = settings
        self.messages = messages
        self.glossary = glossary
        self.parseOptions = parseOptions
    }
}

/// Builds a project's setup from the configuration file found for it (nil: none found), the
/// way the command line does; `clientLanguage` is the editor's UI language, for messages when
/// neither the command line nor the configuration names one. Throws with a message naming the
/// file (and line) that could not be read.
public typealias ProjectLoader = (_ configPath: String?, _ clientLanguage: String?) throws -> ProjectSetup

/// A loaded project: its setup, a checker and an aligner, and the pairs of its configuration.
final class Project {
    let setup: ProjectSetup
    let checker: Checker
    let aligner: DocumentAligner
    /// Directory of `bitext.yml` (what `pairs:` and `ignore:` are relative to).
    let base: String?

    init(_ setup: ProjectSetup) {
        self.setup = setup
        checker = Checker(settings: setup.settings, messages: setup.messages, glossary: setup.glossary)
        aligner = DocumentAligner(functionWords: setup.settings.source.functionWords,
                                  lettersPerHan: setup.settings.target.sourceLettersPerHan, numerals: setup.settings.target.numerals)
        base = setup.config.path.map { (Project.normalize($0) as NSString).deletingLastPathComponent }
    }

    var messages: Messages { setup.messages }

    static func normalize(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }

    /// The source a target file is paired with in the configuration (a file pair, or the file at
    /// the same relative path in the source tree of a pair of trees).
    func source(forTarget path: String) -> String? {
        let p = Project.normalize(path)
        for pair in setup.config.pairs {
            switch pair {
            case .files(let s, let t):
                if Project.normalize(t) == p { return Project.normalize(s) }
            case .roots(let s, let t):
                let root = Project.normalize(t)
                if p.hasPrefix(root + "/") { return Project.normalize(s) + "/" + String(p.dropFirst(root.count + 1)) }
            }
        }
        return nil
    }

    /// True when the configuration names the file as a source (of a file pair, or inside a
    /// source tree): it is the original, not a translation, and gets no findings of its own.
    func isSource(_ path: String) -> Bool {
        let p = Project.normalize(path)
        for pair in setup.config.pairs {
            switch pair {
            case .files(let s, _): if Project.normalize(s) == p { return true }
            case .roots(let s, let t):
                let root = Project.normalize(s)
                // A target tree inside the source tree (docs/ and docs/zh/) is not source.
                if p.hasPrefix(root + "/") && !p.hasPrefix(Project.normalize(t) + "/") { return true }
            }
        }
        return false
    }

    /// True when `ignore:` matches the file (relative to the configuration's folder).
    func isIgnored(_ path: String) -> Bool {
        guard let base, !setup.config.ignore.isEmpty else { return false }
        let p = Project.normalize(path)
        let relative = Inputs.relative(p, to: base)
        return setup.config.ignore.contains { $0.matches(relative) || $0.matches(p) }
    }

    /// Files a change to which means reloading: the configuration and the glossaries.
    var watchedFiles: [String] {
        (setup.config.path.map { [Project.normalize($0)] } ?? []) + setup.config.glossaries.map(Project.normalize)
    }
}
