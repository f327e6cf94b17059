import BitextText
import Foundation
import Yams

/// A pair the configuration declares: one file pair or two trees paired by relative path.
public enum ConfigPair: Sendable, Equatable {
    case files(source: String, target: String)
    case roots(source: String, target: String)
}

/// `bitext.yml`: the project's settings, found by walking up from the current directory.
public struct Config: Sendable {
    /// Where the file is; nil for the defaults.
    public var path: String?
    public var locale: String?
    public var sourceLocale: String?
    public var lang: String?
    public var glossaries: [String] = []
    /// Rule id → severity; nil value: the rule is off.
    public var rules: [String: Severity?] = [:]
    public var spacing: SpacingPolicy?
    public var ignore: [GlobPattern] = []
    public var keep: [String] = []
    public var pairs: [ConfigPair] = []
    public var frontMatterKeys: [String]?
    /// More elements or components whose content is not prose (added to the defaults).
    public var opaqueTags: [String] = []
    public var failOn: Severity?
    public var targetLanguageTag: String?
    /// Link prefixes the translation rewrites: source prefix → target prefix, in file order.
    public var links: [(source: String, target: String)] = []
    /// How `drift --record` records the source revision in a translation that records none yet:
    /// `front-matter` or `comment`.
    public var recordRevision: String?

    public init() {}

    public static let keys = ["locale", "source-locale", "lang", "glossaries", "rules", "spacing", "ignore", "keep",
                              "pairs", "front-matter-keys", "opaque-tags", "fail-on", "xml-lang", "links",
                              "record-revision"]

    /// The nearest `bitext.yml` (or `.bitext.yml`) in `directory` or above it.
    public static func find(from directory: String = FileManager.default.currentDirectoryPath) -> String? {
        var dir = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            for name in ["bitext.yml", ".bitext.yml", "bitext.yaml"] {
                let candidate = dir.appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
            }
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { return nil }
            dir = parent
        }
    }

    /// Reads a configuration file. Every problem names the file and line.
    public static func load(_ path: String) throws(InputError) -> Config {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, "cannot read configuration file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: path, "not valid UTF-8")
        }
        return try parse(text, path: path)
    }

    /// The YAML parser recurses once per level of nesting; a file nested thousands of levels deep
    /// would overflow the stack. bitext.yml needs three levels, so anything past 32 is refused.
    /// Conservative on purpose: every bracket counts (quoted or not), and a line is what YAML
    /// calls one (LF, CR or CRLF).
    static func nestingProblem(_ text: String) -> (Int, String)? {
        let limit = 32
        var flow = 0
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars
            .split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" }
        for (n, line) in lines.enumerated() {
            // Block nesting: indentation and "- " / "? " indicators at the start of the line.
            var depth = 0, atStart = true, previous: Unicode.Scalar = " "
            for c in line {
                if atStart {
                    if c == " " || ((c == "-" || c == "?") && previous == " ") { depth += 1; previous = c; continue }
                    atStart = false
                }
                if c == "[" || c == "{" { flow += 1 } else if c == "]" || c == "}" { flow = max(0, flow - 1) }
                if flow > limit { break }
            }
            if flow > limit || depth > 4 * limit {
                return (n + 1, "nested more than \(limit) levels deep; bitext.yml needs three")
            }
        }
        return nil
    }

    /// Reads the text of a configuration file found at `path` (which places its relative pairs).
    public static func parse(_ text: String, path: String) throws(InputError) -> Config {
        var config = Config()
        config.path = path
        if let (line, message) = nestingProblem(text) { throw InputError(file: path, line: line, message) }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let e as YamlError {
            throw InputError(file: path, line: yamlLine(e), "malformed YAML: \(yamlProblem(e))")
        } catch {
            throw InputError(file: path, "malformed YAML: \(error)")
        }
        guard let root = node else { return config }
        guard case .mapping(let map) = root else {
            throw InputError(file: path, line: root.mark?.line, "expected a mapping of settings (key: value)")
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        func line(_ n: Node) -> Int? { n.mark?.line }
        func string(_ n: Node, _ key: String) throws(InputError) -> String {
            guard let s = n.string else { throw InputError(file: path, line: line(n), "'\(key)' must be a string") }
            return s
        }
        func strings(_ n: Node, _ key: String) throws(InputError) -> [String] {
            if let s = n.scalar?.string { return [s] }
            guard case .sequence(let seq) = n else { throw InputError(file: path, line: line(n), "'\(key)' must be a list") }
            var out: [String] = []
            for item in seq { out.append(try string(item, key)) }
            return out
        }
        func severity(_ n: Node, _ what: String) throws(InputError) -> Severity? {
            let s = try string(n, what)
            if s == "off" || s == "false" { return nil }
            guard let v = Severity(rawValue: s) else {
                throw InputError(file: path, line: line(n), "'\(s)' is not a severity for \(what): use off, info, warning or error")
            }
            return v
        }
        for (k, v) in map {
            guard let key = k.string else { continue }
            switch key {
            case "locale": config.locale = try string(v, key)
            case "source-locale": config.sourceLocale = try string(v, key)
            case "lang": config.lang = try string(v, key)
            case "xml-lang": config.targetLanguageTag = try string(v, key)
            case "record-revision":
                let style = try string(v, key)
                guard ["front-matter", "comment"].contains(style) else {
                    throw InputError(file: path, line: line(v), "'\(style)' is not a way to record the source revision: use front-matter or comment")
                }
                config.recordRevision = style
            case "glossaries", "glossary":
                config.glossaries = try strings(v, key).map { base.appendingPathComponent($0).path }
            case "rules":
                guard case .mapping(let rules) = v else {
                    throw InputError(file: path, line: line(v), "'rules' must map rule ids to off, info, warning or error")
                }
                for (rk, rv) in rules {
                    let id = try string(rk, "rule id")
                    guard RuleRegistry.ids.contains(id) || id == "translator-note" else {
                        throw InputError(file: path, line: line(rk),
                            "unknown rule '\(id)'; rules are \(RuleRegistry.ids.joined(separator: ", ")), translator-note")
                    }
                    config.rules[id] = .some(try severity(rv, id))
                }
            case "spacing":
                let s = try string(v, key)
                guard let p = SpacingPolicy(rawValue: s) else {
                    throw InputError(file: path, line: line(v), "'\(s)' is not a spacing policy: use require, forbid, consistent or off")
                }
                config.spacing = p
            case "ignore": config.ignore = try strings(v, key).map(GlobPattern.init)
            case "keep": config.keep = try strings(v, key)
            case "front-matter-keys": config.frontMatterKeys = try strings(v, key)
            case "opaque-tags": config.opaqueTags = try strings(v, key)
            case "fail-on":
                guard let s = try severity(v, key) else {
                    throw InputError(file: path, line: line(v), "'fail-on' must be info, warning or error")
                }
                config.failOn = s
            case "links":
                guard case .mapping(let m) = v else {
                    throw InputError(file: path, line: line(v), "'links' must map source link prefixes to target prefixes (/guide/: /zh/guide/)")
                }
                for (lk, lv) in m {
                    let from = try string(lk, "links"), to = try string(lv, "links")
                    guard !from.isEmpty else { throw InputError(file: path, line: line(lk), "an empty prefix in 'links' would match every link") }
                    config.links.append((from, to))
                }
            case "pairs":
                guard case .sequence(let seq) = v else {
                    throw InputError(file: path, line: line(v), "'pairs' must be a list of {source, target} or {source-root, target-root}")
                }
                for item in seq {
                    guard case .mapping(let m) = item else {
                        throw InputError(file: path, line: line(item), "a pair is {source: …, target: …} or {source-root: …, target-root: …}")
                    }
                    var fields: [String: String] = [:]
                    for (pk, pv) in m {
                        let name = try string(pk, "pair key")
                        guard ["source", "target", "source-root", "target-root"].contains(name) else {
                            throw InputError(file: path, line: line(pk), "unknown key '\(name)' in a pair; use source/target or source-root/target-root")
                        }
                        let value = try string(pv, name)
                        guard !value.hasPrefix("/"), !value.split(separator: "/").contains("..") else {
                            throw InputError(file: path, line: line(pv),
                                "'\(value)': pair paths must be relative to the configuration and stay below it (no '..', no absolute paths)")
                        }
                        fields[name] = base.appendingPathComponent(value).path
                    }
                    if let s = fields["source"], let t = fields["target"] { config.pairs.append(.files(source: s, target: t)) }
                    else if let s = fields["source-root"], let t = fields["target-root"] { config.pairs.append(.roots(source: s, target: t)) }
                    else {
                        throw InputError(file: path, line: line(item), "a pair needs source and target, or source-root and target-root")
                    }
                }
            default:
                throw InputError(file: path, line: line(k), "unknown key '\(key)'; keys are \(keys.joined(separator: ", "))")
            }
        }
        return config
    }

    static func yamlLine(_ e: YamlError) -> Int? {
        switch e {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    static func yamlProblem(_ e: YamlError) -> String {
        switch e {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        default: return "\(e)"
        }
    }

    /// A commented starter configuration (`bitext init`).
    public static let starter = """
        # bitext configuration. bitext finds this file by walking up from the current directory;
        # `--config FILE` names another, `--no-config` ignores it.

        # Target locale of the translation: zh-Hans (default) or zh-Hant. Source: en.
        locale: zh-Hans
        source-locale: en

        # Glossaries (TSV, TBX, or a Markdown term table), relative to this file.
        # glossaries:
        #   - glossary/genai.tsv

        # Bilingual pairs: a file pair, or two trees paired by relative path.
        # pairs:
        #   - source: en/intro.md
        #     target: zh/intro.md
        #   - source-root: en
        #     target-root: zh

        # Rule severities: off, info, warning or error (`bitext rules` lists the rules).
        # rules:
        #   mixed-language: error
        #   cjk-spacing: off

        # Space between Han and Latin letters or digits: require, forbid, consistent, off.
        spacing: consistent

        # Files to skip (globs; * within a folder, ** across folders).
        # ignore:
        #   - "**/CHANGELOG.md"

        # HTML elements or MDX components whose content is program output, not prose
        # (added to ConsoleBlock, TerminalBlock, pre, samp…).
        # opaque-tags:
        #   - OutputBlock

        # Words that stay in English on purpose (never "untranslated").
        # keep:
        #   - Roadmap

        # Links the translation rewrites on purpose: source prefix → target prefix
        # (link-mismatch compares after the longest matching prefix is replaced).
        # links:
        #   /guide/: /zh/guide/
        #   https://react.dev/: https://zh-hans.react.dev/

        # Exit status 1 when a finding is at or above this severity.
        fail-on: error

        """
}
