import BitextText
import Foundation
import Yams

/// The space between Han and Latin letters or digits.
public enum SpacingPolicy: String, Sendable, CaseIterable {
    case require, forbid, consistent, off
}

/// Chinese typography rules, from `locales/<target>.typography.yml`.
public struct Typography: Sendable {
    public var fullwidth: [UInt32: String] = [:]
    public var halfwidth: [UInt32: String] = [:]
    public var spacing: SpacingPolicy = .consistent
    public var preferredQuotes: (UInt32, UInt32) = (0x201C, 0x201D)
    public var secondaryQuotes: (UInt32, UInt32) = (0x2018, 0x2019)
    public var otherQuotes: [(UInt32, UInt32)] = []
    public var doubled: Set<UInt32> = []

    public init() {}

    public static func load(for locale: LocaleData) throws -> Typography {
        var url = try DataDirectory.localesFile("\(locale.id).typography.yml")
        if !FileManager.default.fileExists(atPath: url.path) {
            url = try DataDirectory.localesFile("zh-Hans.typography.yml")
        }
        guard locale.isHan, let text = try? String(contentsOf: url, encoding: .utf8),
              // The basic resolver: only structure and the scalars' text are read (see LocaleData.load).
              let node = try Yams.compose(yaml: text, .basic) else { return Typography() }
        var t = Typography()
        func map(_ key: String) -> [UInt32: String] {
            var m: [UInt32: String] = [:]
            if case .mapping(let mm)? = node[key] {
                for (k, v) in mm { if let c = k.string?.unicodeScalars.first?.value, let s = v.string { m[c] = s } }
            }
            return m
        }
        func pair(_ n: Node?) -> (UInt32, UInt32)? {
            guard case .sequence(let s)? = n, s.count == 2, let a = s[0].string?.unicodeScalars.first?.value,
                  let b = s[1].string?.unicodeScalars.first?.value else { return nil }
            return (a, b)
        }
        t.fullwidth = map("fullwidth")
        t.halfwidth = map("halfwidth")
        if let s = node["spacing"]?.string, let p = SpacingPolicy(rawValue: s) { t.spacing = p }
        if let p = pair(node["quotes"]?["preferred"]) { t.preferredQuotes = p }
        if let p = pair(node["quotes"]?["secondary"]) { t.secondaryQuotes = p }
        if case .sequence(let s)? = node["quotes"]?["others"] { t.otherQuotes = s.compactMap { pair($0) } }
        t.doubled = Set((node["doubled"]?.string ?? "").unicodeScalars.map(\.value))
        return t
    }
}

/// Everything a check run is configured with: languages, rule severities, policies.
public struct Settings: Sendable {
    public var source: LocaleData
    public var target: LocaleData
    public var typography: Typography
    /// Rule id → severity; nil means the rule is off.
    public var severities: [String: Severity?] = [:]
    /// Words that stay in English on purpose (lowercased), from `keep:` and the glossary's
    /// keep-as-is terms.
    public var keep: Set<String> = []
    /// Link prefixes the translation rewrites (`links:` of bitext.yml): source → target.
    public var linkMap: [(source: String, target: String)] = []
    /// Their stems, as stretch classification compares them.
    public var keptStems: Set<String> { Set(keep.map { Stemmer.stem($0) }) }

    public init(source: LocaleData, target: LocaleData, typography: Typography) {
        self.source = source
        self.target = target
        self.typography = typography
    }

    /// The severity of a rule, or nil when it is turned off.
    public func severity(_ rule: any Rule) -> Severity? {
        if let s = severities[rule.id] { return s }
        return rule.defaultSeverity
    }

    public func severity(id: String, default d: Severity) -> Severity? {
        if let s = severities[id] { return s }
        return d
    }
}
