#if canImport(Glibc)
import Glibc
#endif
import BitextAlign
import BitextMarkdown
import BitextText

/// How a target link relates to the source's.
enum LinkVerdict: Comparable {
    /// The same destination (after the `links:` mapping and trivial spelling differences), or an
    /// in-page anchor that names the translation of the source's heading.
    case same
    /// The same page in another language: a locale in the host or path (`zh-hans.react.dev`,
    /// `/zh/guide/`, `intro-cn`, `/en-US/` → `/zh-CN/`). Reported at info: map it in `links:`.
    case localised
    /// A page in Chinese in place of the source's English one, with nothing else in common: the
    /// translator's choice, for review (info), when no other source link explains that target.
    case chinesePage
    case different
}

/// Compares link destinations across a translation.
enum LinkComparison {
    /// Locale labels sites put in hosts, path segments and file-name suffixes.
    /// `ch` too, the Chinese tag of many Chinese projects' files (`README_ch.md`, `doc/doc_ch/`),
    /// as a suffix or segment only (a `.ch` host is Swiss, and ``isChinese(_:)`` never counts it).
    static let locales: Set<String> = ["zh", "cn", "ch", "zh-cn", "zh_cn", "zh-hans", "zh-hant", "zh-tw", "zh_tw", "zh-hk",
                                       "en", "en-us", "en_us", "en-gb", "us", "hans", "hant", "chinese", "english"]

    static let localesByLength = locales.sorted { ($0.count, $0) > ($1.count, $1) }

    /// File-name locale suffixes (`-zh-cn`, `.zh-cn`, `_zh-cn`, … `_us`) with the locale's
    /// length, longest locale first, made once rather than joined for every path segment.
    static let localeSuffixes: [(suffix: String, locale: Int)] = localesByLength.flatMap { l in
        ["-", ".", "_"].map { (suffix: $0 + l, locale: l.count) }
    }
    /// ``localeSuffixes`` as bytes (all ASCII) and as Characters, in the same order.
    static let localeSuffixBytes: [[UInt8]] = localeSuffixes.map { Array($0.suffix.utf8) }
    static let localeSuffixCharacters: [[Character]] = localeSuffixes.map { Array($0.suffix) }

    /// `p` without the locale suffixes ``delocalised(_:)`` takes off: each of
    /// ``localeSuffixes`` in turn, over again until none is left. Compared as bytes where `p` is
    /// ASCII (a byte is a Character there), as Characters otherwise.
    static func withoutLocaleSuffixes(_ p: String) -> String {
        if p.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = withoutSuffixes(Array(p.utf8), localeSuffixBytes)
            return bytes.count == p.utf8.count ? p : String(decoding: bytes, as: UTF8.self)
        }
        return String(withoutSuffixes(Array(p), localeSuffixCharacters))
    }

    /// `s` with each of `suffixes` taken off its end in turn, over again until none is left;
    /// never the whole of `s`.
    private static func withoutSuffixes<E: Equatable>(_ s: [E], _ suffixes: [[E]]) -> [E] {
        var s = s, changed = true
        while changed {
            changed = false
            for suffix in suffixes where s.count > suffix.count && s.suffix(suffix.count).elementsEqual(suffix) {
                s.removeLast(suffix.count)
                changed = true
            }
        }
        return s
    }

    /// Chinese locale words of ``isChinese(_:)``.
    static let chineseWords = ["zh", "cn", "zh-cn", "zh_cn", "zh-hans", "zh-hant", "zh-tw", "zh_tw", "zh-hk", "chinese"]
    static let chineseWordBytes = chineseWords.map { Array($0.utf8) }
    /// What splits a destination into words for ``isChinese(_:)``.
    static let urlSeparators: [UInt8] = Array("/.?&=#:_-".utf8)

    /// The source destination with the longest matching prefix of `map` replaced.
    static func mapped(_ url: String, _ map: [(source: String, target: String)]) -> String {
        var best: (source: String, target: String)? = nil
        for m in map where url.hasPrefix(m.source) && m.source.count > (best?.source.count ?? -1) { best = m }
        guard let b = best else { return url }
        return b.target + url.dropFirst(b.source.count)
    }

    /// Spelling that does not change where a link goes: scheme, `www.`, `./`, a trailing `/`,
    /// `index.html`, `.html`/`.md` endings, letter case of scheme and host, percent-encoding.
    static func trivial(_ url: String) -> String {
        var s = DocumentAnchors.percentDecoded(url.trimmingCharacters(in: " \t\r\n"))
        if s.hasPrefix("<") && s.hasSuffix(">") { s = String(s.dropFirst().dropLast()) }
        let lower = s.lowercased()
        for p in ["https://", "http://", "//"] where lower.hasPrefix(p) {
            s = String(s.dropFirst(p.count))
            // Host in lowercase.
            let slash = s.firstIndex(ofASCII: UInt8(ascii: "/")) ?? s.endIndex
            s = s[..<slash].lowercased() + s[slash...]
            if s.hasPrefix("www.") { s = String(s.dropFirst(4)) }
            s = "//" + s
            break
        }
        while s.hasPrefix("./") { s = String(s.dropFirst(2)) }
        var fragment = ""
        if let h = s.firstIndex(ofASCII: UInt8(ascii: "#")) { fragment = String(s[h...]); s = String(s[..<h]) }
        var query = ""
        if let q = s.firstIndex(ofASCII: UInt8(ascii: "?")) { query = String(s[q...]); s = String(s[..<q]) }
        for suffix in ["/index.html", "/index.md", "/index.mdx", "/index"] where s.hasSuffix(suffix) { s = String(s.dropLast(suffix.count - 1)) }
        for ext in [".html", ".md", ".mdx"] where s.hasSuffix(ext) { s = String(s.dropLast(ext.count)); break }
        while s.count > 1 && s.hasSuffix("/") { s.removeLast() }
        return s + query + fragment
    }

    /// A destination with locale labels taken out of host, path and file names.
    static func delocalised(_ url: String) -> String {
        var s = trivial(url).lowercased()
        var fragment = ""
        if let h = s.firstIndex(ofASCII: UInt8(ascii: "#")) { fragment = String(s[h...]); s = String(s[..<h]) }
        // A query parameter that names a language (`?hl=en`, `&lang=zh-cn`): the page in it. A
        // value that is a file name loses its locale as a path's file name does (an issue form's
        // `?template=bug.en.md` beside `?template=bug.md`).
        var query = ""
        if let q = s.firstIndex(ofASCII: UInt8(ascii: "?")) {
            let kept = s[s.index(after: q)...].split(separator: "&").compactMap { p -> String? in
                guard let eq = p.firstIndex(of: "=") else { return String(p) }
                let value = String(p[p.index(after: eq)...])
                if locales.contains(value) { return nil }
                return String(p[...eq]) + value.split(separator: "/", omittingEmptySubsequences: false).map { delocalisedName(String($0)) }.joined(separator: "/")
            }
            query = kept.isEmpty ? "" : "?" + kept.joined(separator: "&")
            s = String(s[..<q])
            while s.count > 1 && s.hasSuffix("/") { s.removeLast() }
        }
        var parts = s.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for k in parts.indices {
            // Host labels: zh-hans.react.dev, cn.vuejs.org, zh.wikipedia.org (not `ch`: Swiss)
            if k == 2 && s.hasPrefix("//") {
                parts[k] = parts[k].split(separator: ".").map(String.init).filter { $0 == "ch" || !locales.contains($0) }.joined(separator: ".")
                continue
            }
            parts[k] = delocalisedName(parts[k])
        }
        return parts.filter { !$0.isEmpty }.joined(separator: "/") + query + fragment
    }

    /// A path segment or file name without its locale: intro-cn, guide.zh-CN.md, en_US.tsx,
    /// page_zh; a segment that is a locale (`en`) becomes empty.
    static func delocalisedName(_ name: String) -> String {
        var p = name
        var ext = ""
        if let dot = p.lastIndex(of: "."), p.distance(from: dot, to: p.endIndex) <= 6, dot != p.startIndex,
           p[p.index(after: dot)...].allSatisfy({ $0.isLetter || $0.isNumber }) {
            ext = String(p[dot...]); p = String(p[..<dot])
            // A locale where the extension was: `trivial` took `.md` off `guide.en.md`
            // (MkDocs i18n's `page.en.md` beside `page.md`).
            if locales.contains(String(ext.dropFirst())) { ext = "" }
        }
        if locales.contains(p) { p = "" }
        // A suffix begins with `-`, `.` or `_`: without one of them, none can match.
        if p.utf8.contains(where: { $0 == 0x2D || $0 == 0x2E || $0 == 0x5F }) { p = withoutLocaleSuffixes(p) }
        return p.isEmpty && !ext.isEmpty ? ext : p + ext
    }

    /// True when a destination says it is in Chinese: a Chinese locale in its host, path, file
    /// name or query, a `.cn` host, or Han in its path.
    static func isChinese(_ url: String) -> Bool {
        let s = DocumentAnchors.percentDecoded(url).lowercased()
        if s.unicodeScalars.contains(where: { isHanIdeograph($0.value) }) { return true }
        // Where every scalar is a Character of its own, a separator Character is its one byte.
        if s.scalarsAreCharacters {
            return s.utf8.split(whereSeparator: { urlSeparators.contains($0) }).contains { w in
                chineseWordBytes.contains { $0.elementsEqual(w) }
            }
        }
        // Otherwise by Characters: a Character is a separator when its one byte is (a CR LF's
        // `asciiValue` is a line feed's, not among them).
        let words = s.split(whereSeparator: { $0.asciiValue.map { urlSeparators.contains($0) } ?? false })
        if words.contains(where: { w in chineseWords.contains { $0 == w } }) { return true }
        return false
    }

    /// How a pair's own file names differ: the same stem with a tag after it on either side
    /// (`guide.en.md` → `guide.md`: `.en` taken off; `README.md` → `README_ch.md`: `_ch` put on),
    /// a tag being a separator (`.`, `-`, `_`) and up to seven letters, digits or separators.
    struct PairNaming {
        let sourceTag: String, targetTag: String

        init?(source: String, target: String) {
            let (s, se) = PairNaming.stem(source), (t, te) = PairNaming.stem(target)
            guard se == te else { return nil }
            // The common part ends before a tag's separator (`guide_en` / `guide_zh`: `_en`, `_zh`).
            var common = zip(s, t).prefix { $0 == $1 }.count
            var st = String(s.dropFirst(common)), tt = String(t.dropFirst(common))
            while common > 0 && !(PairNaming.isTag(st) && PairNaming.isTag(tt)) && st.count < 8 && tt.count < 8 {
                common -= 1
                st = String(s.dropFirst(common))
                tt = String(t.dropFirst(common))
            }
            guard common > 0, st != tt, PairNaming.isTag(st), PairNaming.isTag(tt) else { return nil }
            sourceTag = st
            targetTag = tt
        }

        /// A file name's stem and extension (`guide.en.md` → `guide.en`, `.md`).
        static func stem(_ name: String) -> (String, String) {
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex,
                  name.distance(from: dot, to: name.endIndex) <= 6,
                  name[name.index(after: dot)...].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return (name, "") }
            return (String(name[..<dot]), String(name[dot...]))
        }

        static func isTag(_ t: String) -> Bool {
            t.isEmpty || (t.count <= 8 && [".", "-", "_"].contains(t.first!)
                          && t.dropFirst().allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        }

        /// True when the target path is the source path with its file's tag changed the same way,
        /// the directories alike (`../install/install.en.md` → `../install/install.md`).
        func maps(_ sourcePath: String, to targetPath: String) -> Bool {
            let split = { (p: String) -> (String, String) in
                guard let slash = p.lastIndex(of: "/") else { return ("", p) }
                return (String(p[...slash]), String(p[p.index(after: slash)...]))
            }
            let (sd, sf) = split(sourcePath), (td, tf) = split(targetPath)
            guard LinkComparison.trivial(sd) == LinkComparison.trivial(td) else { return false }
            let (ss, se) = PairNaming.stem(sf), (ts, te) = PairNaming.stem(tf)
            guard se == te, ss.hasSuffix(sourceTag) else { return false }
            let base = ss.dropLast(sourceTag.count)
            return !base.isEmpty && base + targetTag == ts
        }
    }

    /// The last segment of a path, written as ``trivial(_:)`` writes it (`../README_ch.md` → `README_ch`).
    static func lastSegment(_ path: String) -> String {
        let t = trivial(path)
        return t.split(separator: "/").last.map(String.init) ?? t
    }

    /// The file names of a bilingual pair: the source's and the translation's.
    static func fileNames(_ c: FileContext) -> (source: String, target: String)? {
        guard let p = c.pairing else { return nil }
        let name = { (path: String) in path.split(separator: "/").last.map(String.init) ?? path }
        return (name(p.source.source.path), name(c.document.source.path))
    }

    /// True when two paths name the same file, one relative (`./reactivity-core`) and the
    /// other absolute or relative from elsewhere (`/api/reactivity-core`).
    static func sameRelative(_ a: String, _ b: String) -> Bool {
        func segments(_ p: String) -> [String] {
            trivial(p).split(separator: "/").map(String.init).filter { $0 != "." && $0 != ".." }
        }
        let absolute = { (p: String) in p.hasPrefix("/") || p.contains("://") }
        guard absolute(a) != absolute(b) else { return false }
        let (rel, abs) = absolute(a) ? (segments(b), segments(a)) : (segments(a), segments(b))
        return !rel.isEmpty && abs.count >= rel.count && Array(abs.suffix(rel.count)) == rel
    }

    /// The path of a destination without scheme and host (`https://ant.design/a/b` → `/a/b`).
    static func sitePath(_ url: String) -> String? {
        guard let r = url.range(of: "://") else { return nil }
        let rest = url[r.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }

    /// True when a destination's query has a parameter whose value is a locale (`?hl=en`).
    static func hasLocaleQuery(_ url: String) -> Bool {
        guard let q = url.firstIndex(of: "?") else { return false }
        let query = url[url.index(after: q)...].prefix { $0 != "#" }
        return query.split(separator: "&").contains { p in
            p.firstIndex(of: "=").map { locales.contains(p[p.index(after: $0)...].lowercased()) } ?? false
        }
    }

    /// True when `root` is the bare root of an absolute URL's site (`https://docs.example.app`,
    /// with `/` or not) and `page` a page of the same host right under a language segment
    /// (`/en/intro.html`, `/en/`).
    static func isEditionTop(_ page: String, of root: String) -> Bool {
        guard let r = sitePath(root), r == "/" || r.isEmpty, !root.contains("?"), let p = sitePath(page) else { return false }
        let host = { (u: String) -> String in
            guard let k = u.range(of: "://") else { return "" }
            return String(u[k.upperBound...].prefix { $0 != "/" }).lowercased()
        }
        guard host(page) == host(root), !host(root).isEmpty else { return false }
        let segments = p.split(separator: "/")
        guard !segments.isEmpty, segments.count <= 2, !p.contains("?") else { return false }
        return locales.contains(segments[0].lowercased()) && !LinkComparison.isChinese(page)
    }

    /// A fragment that holds application state (a playground's encoded code), not an anchor.
    static func isStateFragment(_ f: String?) -> Bool {
        guard let f, f.count >= 32 else { return false }
        return !f.contains("-") && !f.contains(" ") && f.contains(where: { $0.isNumber }) && f.contains(where: { $0.isUppercase })
    }

    /// Splits off the fragment: (path, fragment without `#`).
    static func split(_ url: String) -> (String, String?) {
        guard let h = url.firstIndex(ofASCII: UInt8(ascii: "#")) else { return (url, nil) }
        return (String(url[..<h]), String(url[url.index(after: h)...]))
    }

    /// What a destination is written as: an in-page anchor (`#x`), an absolute URL (a scheme or
    /// `//`), or a path relative to the site or page.
    enum Kind { case anchor, absolute, relative }

    static func kind(_ url: String) -> Kind {
        var u = Substring(url.trimmingCharacters(in: " \t\r\n"))
        if u.hasPrefix("<") { u = u.dropFirst() }
        if u.hasPrefix("#") { return .anchor }
        if u.hasPrefix("//") { return .absolute }
        // A scheme: a letter, then letters, digits, `+`, `-` or `.`, up to `:`.
        if let colon = u.firstIndex(of: ":"), let first = u.first, first.isASCII && first.isLetter,
           u[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }) {
            return .absolute
        }
        return .relative
    }

    /// The site of an absolute URL without locale labels (`zh-hans.react.dev` → `react.dev`).
    static func site(_ url: String) -> String? {
        guard trivial(url).hasPrefix("//") else { return nil }
        let d = delocalised(url)
        return String(d[..<(d.firstIndex(of: "/") ?? d.endIndex)])
    }

    static func hasNonASCII(_ s: String) -> Bool {
        DocumentAnchors.percentDecoded(s).unicodeScalars.contains { $0.value > 0x7F }
    }

    /// Two fragments that name the same heading however their slugs were made: alike but for
    /// case, separators and punctuation (``DocumentAnchors/key(_:)``: `#Install_Guide` is
    /// `#install-guide`), with the same runs of digits (`#exercise-2-3` is not `#exercise-23`,
    /// nor `#3-0-0` `#300`: numbers run together are another heading) and the same words: a
    /// slug generator spells the boundary between two words otherwise, it does not drop it
    /// (`#heatshock` is no spelling of `#heat-shock`). A letter alone after a boundary is the
    /// rest of its word, which generators split or not (`#what-s-new`, `#whats-new`).
    static func sameHeadingKey(_ a: String, _ b: String) -> Bool {
        func digitRuns(_ s: String) -> [Substring] { s.split { !("0"..."9").contains($0) } }
        guard DocumentAnchors.key(a) == DocumentAnchors.key(b) && digitRuns(a) == digitRuns(b) else { return false }
        return wordCount(a) == wordCount(b)
    }

    /// The words of a fragment: runs of letters and digits, a letter alone counted with the word
    /// before it (`what-s-new`: two).
    static func wordCount(_ s: String) -> Int {
        var count = 0, run = 0
        func end() { if run > 1 || (run == 1 && count == 0) { count += 1 }; run = 0 }
        for c in DocumentAnchors.percentDecoded(s).unicodeScalars {
            if c.properties.isAlphabetic || c.properties.numericType != nil { run += 1 } else { end() }
        }
        end()
        return count
    }
}

/// `link-mismatch`: a link destination, image source or autolink of the source missing or
/// changed in the translation, after the `links:` mapping of `bitext.yml`. A localised
/// destination (the same page in the translation's language) is reported at info until mapped.
public struct LinkMismatchRule: Rule {
    public let id = "link-mismatch"
    public let defaultSeverity = Severity.warning
    public let summary = "Bilingual: a link destination or image source missing or changed (after the links: mapping); localised links at info."
    public let isBilingual = true
    public var examples: [RuleExample] {
        [
            // Rows of an HTML table put in another order: each row's one link pins it to its row.
            RuleExample("# 应用\n\n<table>\n<tr><th>产线</th><th>在线体验</th><th>CPU</th></tr>\n<tr><td>公式识别</td><td><a href=\"https://apps.example.com/app/1103\">链接</a></td><td>✅</td></tr>\n<tr><td>步态识别</td><td><a href=\"https://apps.example.com/app/1101\">链接</a></td><td>✅</td></tr>\n<tr><td>车辆颜色</td><td><a href=\"https://apps.example.com/app/1102\">链接</a></td><td>✅</td></tr>\n</table>\n",
                        source: "# Apps\n\n<table>\n<tr><th>Pipeline</th><th>Online demo</th><th>CPU</th></tr>\n<tr><td>Walking pose</td><td><a href=\"https://apps.example.com/app/1101\">Link</a></td><td>✅</td></tr>\n<tr><td>Car color</td><td><a href=\"https://apps.example.com/app/1102\">Link</a></td><td>✅</td></tr>\n<tr><td>Formula reading</td><td><a href=\"https://apps.example.com/app/1103\">Link</a></td><td>✅</td></tr>\n</table>\n"),
            RuleExample("先读[指南](↓/api/)。\n", source: "Read the [guide](/guide/) first.\n"),
            // A front-matter path or URL, under a key both sides have.
            RuleExample("---\ntitle: 部署\ncover: ↓/img/deploy-old.png\n---\n\n部署很简单。\n",
                        source: "---\ntitle: Deploying\ncover: /img/deploy.png\n---\n\nDeploying is easy.\n"),
            RuleExample("---\ntitle: 部署\ncover: /img/deploy.png\n---\n\n部署很简单。\n",
                        source: "---\ntitle: Deploying\ncover: /img/deploy.png\n---\n\nDeploying is easy.\n"),
            RuleExample("↓先读指南。\n", source: "Read the [guide](/guide/) first.\n"),
            RuleExample("先读[指南](/guide/)，再看 <https://vuejs.org>。\n", source: "Read the [guide](/guide/), then <https://vuejs.org>.\n"),
            RuleExample("先读[指南](↓/zh/guide/intro)。\n", source: "Read the [guide](/guide/intro) first.\n"),
            RuleExample("先读[指南](/zh/guide/intro)。\n", source: "Read the [guide](/guide/intro) first.\n", settings: ["links": "/guide/=/zh/guide/"]),
            RuleExample("# 用法 {#usage}\n\n见[用法](#usage)。\n", source: "# Usage {#usage}\n\nSee [usage](#usage).\n"),
            RuleExample("# 用法\n\n见[用法](#用法)。\n", source: "# Usage\n\nSee [usage](#usage).\n"),
            // A changed link beside an in-page anchor to a translated heading: an anchor is never
            // the localised version of another page, so the two URLs are compared.
            RuleExample("参见[论文](↓https://example.org/p?id=101)和[设置](#设置)。\n\n## 设置\n\n先安装依赖。\n",
                        source: "See [the paper](https://example.org/p?id=100) and [setup](#setup).\n\n## Setup\n\nInstall the dependencies first.\n"),
            RuleExample("参见[论文](https://example.org/p?id=100)和[设置](#设置)。\n\n## 设置\n\n先安装依赖。\n",
                        source: "See [the paper](https://example.org/p?id=100) and [setup](#setup).\n\n## Setup\n\nInstall the dependencies first.\n"),
            // A Chinese page stands for the English page it localises, not for a changed link
            // beside it: a warning for the change, an info for the localised link.
            RuleExample("参见[论文](↓https://example.org/p?id=101)和[指南](↓https://zh-hans.react.dev/learn)。\n",
                        source: "See [the paper](https://example.org/p?id=100) and [the guide](https://react.dev/learn).\n"),
            // A localised page and a translated heading's anchor side by side: an info for the page only.
            RuleExample("见[安装](↓/docs/zh/install)和[简介](#简介)。\n\n## 简介\n\n这是一个小工具。\n",
                        source: "See [install](/docs/en/install) and [intro](#intro).\n\n## Intro\n\nThis is a small tool.\n"),
            // The last paragraph, after a confident pair, whose changed link scores it low: still compared.
            RuleExample("# 链接\n\n先阅读说明。\n\n查看 [example.com](↓https://evil.example.org/x)。\n",
                        source: "# Links\n\nRead the notes first.\n\nCheck [example.com](https://example.com).\n"),
            // Link text that is the id its destination ends with stays that id.
            RuleExample("见公告 [↓GHSA-7q2m-9fch](https://github.com/advisories/GHSA-7q2m-9fhc)。\n",
                        source: "See advisory [GHSA-7q2m-9fhc](https://github.com/advisories/GHSA-7q2m-9fhc).\n"),
            RuleExample("见[安全公告](https://github.com/advisories/GHSA-7q2m-9fhc)。\n",
                        source: "See advisory [GHSA-7q2m-9fhc](https://github.com/advisories/GHSA-7q2m-9fhc).\n"),
            // A bare URL that runs on into the Chinese after it, compared up to the full-width mark.
            RuleExample("打开 ↓http://localhost:8080/books/，即可看到列表。\n", source: "Open http://localhost:8000/books/ to see the list.\n"),
            // A destination written twice in the source, kept once and changed once.
            RuleExample("退款见[退款政策](/refunds)；申请前请再读一遍[政策](↓/refund)。\n",
                        source: "See the [refund policy](/refunds); read the [policy](/refunds) again before you apply.\n"),
            RuleExample("退款见[退款政策](/refunds)，申请前请再读一遍。\n",
                        source: "See the [refund policy](/refunds); read the [policy](/refunds) again before you apply.\n"),
            // A fragment of another page written with other separators or case names the same
            // heading; digits run together name another.
            RuleExample("答案见[练习页](↓./answers.md#drill-14)和[发布说明](https://example.org/NOTES.md#Release_2_1)。\n",
                        source: "The answer is on the [drills page](./answers.md#drill-1-4); see the [release notes](https://example.org/NOTES.md#release-2-1).\n"),
            RuleExample("打开 http://localhost:8000/books/，即可看到列表。\n", source: "Open http://localhost:8000/books/ to see the list.\n"),
        ]
    }

    public init() {}

    static func targets(_ u: Unit, _ a: TextAnalysis, unit k: Int) -> [Mention<LinkTarget>] {
        u.linkTargets.filter { !a.inNote($0.textRange.lowerBound) && !$0.destination.isEmpty }
            .map { target in
                var t = target
                // A bare URL that ran on into the Chinese after it (`url-runs-on`) is compared
                // as the writer meant it, up to the full-width mark.
                if let cut = t.destination.unicodeScalars.firstIndex(where: { isCJKPunctuation($0.value) }),
                   cut > t.destination.unicodeScalars.startIndex {
                    let kept = t.destination.unicodeScalars.distance(from: t.destination.unicodeScalars.startIndex, to: cut)
                    t.destination = String(t.destination.unicodeScalars[..<cut])
                    if let r = t.destinationRange, r.count > kept { t.destinationRange = r.lowerBound..<(r.lowerBound + kept) }
                }
                return Mention(unit: k, range: t.destinationRange ?? t.textRange, value: t)
            }
    }

    /// A character of an identifier (`GHSA-4x2p-9fhc`, `v2.3.1`, `CVE_2024`): ASCII letters,
    /// digits, `-`, `_` and `.`.
    static func isIDCharacter(_ c: UInt32) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2D || c == 0x5F || c == 0x2E
    }

    /// The maximal runs of identifier characters in a range of a unit's text.
    static func idRuns(_ u: Unit, _ range: Range<Int>) -> [(id: String, range: Range<Int>)] {
        var out: [(String, Range<Int>)] = []
        var k = range.lowerBound
        while k < range.upperBound {
            guard isIDCharacter(u.text[k]) else { k += 1; continue }
            var e = k
            while e < range.upperBound && isIDCharacter(u.text[e]) { e += 1 }
            out.append((u.string(k..<e), k..<e))
            k = e
        }
        return out
    }

    /// True when a Markdown link or autolink carries one of `labels` (a language's names,
    /// lowercased) in brackets right after it or at the end of its text (`[入门](u)（中文）`,
    /// `[Intro (English)](u)`).
    static func labelled(_ u: Unit, _ l: LinkTarget, _ labels: [String]) -> Bool {
        guard !labels.isEmpty, !l.isImage, let dest = l.destinationRange,
              dest.lowerBound >= l.textRange.upperBound || dest == l.textRange else { return false }
        let n = u.text.count
        func isOpen(_ k: Int) -> Bool { u.text[k] == 0x28 || u.text[k] == 0xFF08 }
        func isClose(_ k: Int) -> Bool { u.text[k] == 0x29 || u.text[k] == 0xFF09 }
        /// A label in brackets opening at `k`.
        func label(at k: Int) -> Bool {
            guard k < n, isOpen(k) else { return false }
            var e = k + 1
            while e < n && e - k <= 24 && !isClose(e) && !isOpen(e) { e += 1 }
            guard e < n, isClose(e) else { return false }
            return labels.contains(u.string((k + 1)..<e).trimmingCharacters(in: .whitespaces).lowercased())
        }
        var k = dest.upperBound
        while k < n && u.roles[k] != .content { k += 1 }
        while k < n && u.text[k] == 0x20 { k += 1 }
        if label(at: k) { return true }
        let t = l.textRange
        guard t.count > 2, isClose(t.upperBound - 1),
              let open = t.reversed().first(where: { isOpen($0) }) else { return false }
        return label(at: open)
    }

    /// The link's text when it is the identifier its destination ends with
    /// (`[GHSA-4x2p-9fhc](https://github.com/advisories/GHSA-4x2p-9fhc)`): letters and digits
    /// both, four characters or more, equal to the last segment of the destination's path.
    static func textID(_ u: Unit, _ l: LinkTarget) -> String? {
        guard l.destinationRange != nil, l.destinationRange != l.textRange, l.textRange.count >= 4,
              l.textRange.allSatisfy({ isIDCharacter(u.text[$0]) }) else { return nil }
        let text = u.string(l.textRange)
        guard text.contains(where: \.isNumber), text.contains(where: \.isLetter) else { return nil }
        var path = LinkComparison.split(l.destination).0
        if let q = path.firstIndex(of: "?") { path = String(path[..<q]) }
        while path.hasSuffix("/") { path.removeLast() }
        let last = path.split(separator: "/").last.map { DocumentAnchors.percentDecoded(String($0)) }
        return last == text ? text : nil
    }

    /// How a target destination relates to a source destination in this file pair.
    static func verdict(_ s: String, _ t: String, _ c: FileContext, _ cache: ConsistencyCache, _ aligned: (Int, Int) -> Bool) -> LinkVerdict {
        if s == t { return .same }
        // A link to the page's own file with a fragment (`./README_en.md#faq` in `README_en.md`)
        // is an in-page anchor, where the other side writes one (`#常见问题`).
        if (LinkComparison.kind(s) == .anchor) != (LinkComparison.kind(t) == .anchor), let names = LinkComparison.fileNames(c) {
            let own = { (u: String, name: String) -> String? in
                let (path, fragment) = LinkComparison.split(u)
                guard let fragment, !path.contains("://") else { return nil }
                var p = Substring(path)
                while p.hasPrefix("./") { p = p.dropFirst(2) }
                return p == name ? "#" + fragment : nil
            }
            if let a = own(s, names.source) { return verdict(a, t, c, cache, aligned) }
            if let b = own(t, names.target) { return verdict(s, b, c, cache, aligned) }
        }
        let mapped = LinkComparison.mapped(s, c.settings.linkMap)
        if mapped == t { return .same }
        let (sp, sf) = LinkComparison.split(mapped), (tp, tf) = LinkComparison.split(t)
        // An in-page anchor is never another page, nor the reverse (`#设置` is not a localised
        // `https://example.org/p`).
        if (LinkComparison.kind(mapped) == .anchor) != (LinkComparison.kind(t) == .anchor) { return .different }
        if sp.isEmpty && tp.isEmpty, let sf, let tf {
            // In-page anchors: the same heading, translated, is the same link.
            guard case .some(.some(let th)) = cache.targetAnchors.lookup(tf) else { return .same }  // broken-anchor's business
            guard case .some(.some(let sh)) = cache.sourceAnchors?.lookup(sf) else { return .same }
            return aligned(sh, th) ? .same : .different
        }
        // The same page: written alike, or one relative and one absolute, or one with the site's host.
        let samePath = LinkComparison.trivial(sp) == LinkComparison.trivial(tp) || LinkComparison.sameRelative(sp, tp)
            || (sp.hasPrefix("/") && LinkComparison.sitePath(tp).map { LinkComparison.trivial($0) == LinkComparison.trivial(sp) } == true)
            || (tp.hasPrefix("/") && LinkComparison.sitePath(sp).map { LinkComparison.trivial($0) == LinkComparison.trivial(tp) } == true)
        let sameFragment = sf == tf || tf.map(LinkComparison.hasNonASCII) == true
            || (sf != nil && tf != nil && LinkComparison.sameHeadingKey(sf!, tf!))
        if samePath {
            if sameFragment { return .same }
            return LinkComparison.isStateFragment(sf) && LinkComparison.isStateFragment(tf) ? .localised : .different
        }
        var (dp, df) = (LinkComparison.delocalised(sp), LinkComparison.delocalised(tp))
        if tp.hasPrefix("/"), let path = LinkComparison.sitePath(sp) { dp = LinkComparison.delocalised(path) }
        if sp.hasPrefix("/"), let path = LinkComparison.sitePath(tp) { df = LinkComparison.delocalised(path) }
        // Relative paths written from two files in different folders, or climbing differently
        // to one place (`../setup/install.md` and `../../docs/setup/install.en.md` from one
        // folder): read from where each file is.
        if let p = c.pairing, let rs = LinkComparison.resolved(sp, from: p.source.source.path),
           let rt = LinkComparison.resolved(tp, from: c.document.source.path), rs != sp || rt != tp {
            if LinkComparison.trivial(rs) == LinkComparison.trivial(rt) && sameFragment { return .same }
            if let names = LinkComparison.fileNames(c), names.source != names.target,
               let naming = LinkComparison.PairNaming(source: names.source, target: names.target), naming.maps(rs, to: rt), sameFragment { return .same }
            (dp, df) = (LinkComparison.delocalised(rs), LinkComparison.delocalised(rt))
        }
        // Relative links written the way the pair's own files are named go to the same pages in
        // the translation (`guide.en.md` beside `guide.md`, MkDocs i18n; `README.md` beside
        // `README_ch.md`), and so does a page's link to its counterpart in the other language
        // (`English | [简体中文](README_zh.md)` in the source, `[English](README.md) | 简体中文` in the
        // translation).
        if sameFragment, LinkComparison.kind(mapped) == .relative && LinkComparison.kind(t) == .relative,
           let names = LinkComparison.fileNames(c), names.source != names.target {
            if let naming = LinkComparison.PairNaming(source: names.source, target: names.target), naming.maps(sp, to: tp) { return .same }
            if LinkComparison.lastSegment(sp) == LinkComparison.trivial(names.target)
                && LinkComparison.lastSegment(tp) == LinkComparison.trivial(names.source) { return .same }
        }
        // A language query counts where the source writes one (`?hl=en` dropped or switched); one
        // only the translation adds may be another edition of another link of the source's.
        if dp == df && LinkComparison.hasLocaleQuery(tp) && !LinkComparison.hasLocaleQuery(sp) { df = "?" + df }
        if dp == df && !dp.isEmpty && sameFragment { return .localised }
        // The page in the translation's language without the source's fragment: an id of the
        // English page, which the Chinese one may not have (`/en/use/x.md#how-to` → `/use/x.html`).
        // (Not the same path written alike: that is a fragment dropped.)
        if dp == df && !dp.isEmpty && sf != nil && tf == nil { return .localised }
        // The site's root in place of a top page of its English edition, one segment below a
        // language segment (`https://docs.example.app/en/intro.html` → `https://docs.example.app`):
        // the edition the reader's language opens on.
        if LinkComparison.isEditionTop(sp, of: tp) { return .localised }
        // A Chinese page in place of the source's English one: the translator's choice, for review.
        // Not where only the query asks for Chinese on the source's site: another path there
        // is another page (`…/doc.html` → `…/swagger-ui/index.html?language=zh_CN`).
        if LinkComparison.isChinese(t) && !LinkComparison.isChinese(mapped) {
            let page = { (p: String) in p.firstIndex(of: "?").map { String(p[..<$0]) } ?? p }
            let host = { (p: String) -> String? in
                guard let r = p.range(of: "://") else { return nil }
                return String(p[r.upperBound...].prefix { $0 != "/" && $0 != "?" }).lowercased()
            }
            if !LinkComparison.isChinese(page(tp)) && host(sp) == host(tp)
                && LinkComparison.delocalised(page(sp)) != LinkComparison.delocalised(page(tp)) { return .different }
            return .chinesePage
        }
        return .different
    }

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self), let p = c.pairing else { return }
        let cache = c.consistencyCache
        var alignedHeadings = Set<Int64>()
        for pair in cache.pairs { for s in pair.source { for t in pair.target { alignedHeadings.insert(Int64(s) << 32 | Int64(t)) } } }
        let aligned = { (s: Int, t: Int) in alignedHeadings.contains(Int64(s) << 32 | Int64(t)) }
        // Front-matter values that are paths or URLs (`slug: /docs/serve`, `image: https://…`).
        for e in FrontMatterValues.changed(c) where e.kind == .link {
            switch LinkMismatchRule.verdict(e.source, e.target.value, c, cache, aligned) {
            case .same: continue
            case .localised, .chinesePage: emit(FrontMatterValues.finding(self, c, e, severity: .info, key: "link-mismatch.localised"))
            case .different: emit(FrontMatterValues.finding(self, c, e, severity: severity))
            }
        }
        // A verdict depends on the two destinations only (the file's settings and anchors are
        // fixed): each pair of destinations, by their bytes, is judged once per file (matching and
        // the pass for localised links asked for the same pairs two and three times).
        struct Destinations: Hashable { let source: [UInt8], target: [UInt8] }
        var verdicts: [Destinations: LinkVerdict] = [:]
        for pair in cache.pairs {
            let source = pair.source.flatMap { LinkMismatchRule.targets(p.source.units[$0], p.sourceAnalyses[$0], unit: $0) }
            guard !source.isEmpty else { continue }
            let target = pair.target.flatMap { LinkMismatchRule.targets(c.document.units[$0], c.analyses[$0], unit: $0) }
            let verdict = { (s: LinkTarget, t: LinkTarget) -> LinkVerdict in
                let key = Destinations(source: Array(s.destination.utf8), target: Array(t.destination.utf8))
                if let v = verdicts[key] { return v }
                let v = LinkMismatchRule.verdict(s.destination, t.destination, c, cache, aligned)
                verdicts[key] = v
                return v
            }
            var v = source.map { s in target.map { verdict(s.value, $0.value) } }
            // A link the translation labels as in its own language (`[入门](u)（中文）`) where the
            // source's is not so labelled (its `(English)`): a page in Chinese in place of the
            // English one, whatever its address says.
            let labels = c.settings.target.languageLabels
            for j in target.indices where v.contains(where: { $0[j] == .different })
                && LinkMismatchRule.labelled(c.document.units[target[j].unit], target[j].value, labels) {
                for i in source.indices where v[i][j] == .different
                    && !LinkMismatchRule.labelled(p.source.units[source[i].unit], source[i].value, labels) {
                    v[i][j] = .chinesePage
                }
            }
            // A target explained by a source link: the same destination, or that page localised.
            let explained = target.indices.map { j in source.indices.contains { v[$0][j] <= .localised } }
            // A Chinese page in place of an English one is weak evidence: it stands only for a
            // target no source link explains, one target to each source destination, the likeliest
            // first (the same site, then the same kind of destination, then the most alike), so
            // that a changed link is not taken for the localised version of another.
            var chinese: [String: Int] = [:]
            var candidates: [(destination: String, target: Int, score: (Int, Int, Double))] = []
            var seen = Set<String>()
            for i in source.indices where !v[i].contains(where: { $0 <= .localised }) && seen.insert(source[i].value.destination).inserted {
                let s = source[i].value.destination
                for j in target.indices where !explained[j] && v[i][j] == .chinesePage {
                    let t = target[j].value.destination
                    let site = LinkComparison.site(s).map { $0 == LinkComparison.site(t) } == true ? 1 : 0
                    let kind = LinkComparison.kind(s) == LinkComparison.kind(t) ? 1 : 0
                    candidates.append((s, j, (site, kind, CodeComparison.similarity(s, t))))
                }
            }
            var taken = Set<Int>()
            for c in candidates.enumerated().sorted(by: { $0.element.score != $1.element.score ? $0.element.score > $1.element.score : $0.offset < $1.offset }).map(\.element)
            where chinese[c.destination] == nil && !taken.contains(c.target) {
                chinese[c.destination] = c.target
                taken.insert(c.target)
            }
            var missing = source.indices.filter { i in !v[i].contains(where: { $0 <= .localised }) && chinese[source[i].value.destination] == nil }
                .map { source[$0] }
            let extra = target.indices.filter { !explained[$0] && !taken.contains($0) }.map { target[$0] }
            // A destination the source writes more often than the translation keeps it, beside a
            // link no source link explains: the copies over stand for the changed one (two links
            // to /refunds, one kept and one changed to /refund). Without such a link, fewer
            // copies are the translation's choice.
            if !extra.isEmpty {
                var counted = Set<String>()
                for i in source.indices where v[i].contains(where: { $0 <= .localised }) && counted.insert(source[i].value.destination).inserted {
                    let copies = source.indices.filter { source[$0].value.destination == source[i].value.destination }
                    let kept = target.indices.filter { j in v[i][j] <= .localised }.count
                    if copies.count > kept { missing += copies.suffix(copies.count - kept).map { source[$0] } }
                }
            }
            let results = c.assign(pair, missing: missing, extra: extra,
                                   similarity: { CodeComparison.similarity($0.destination, $1.destination) })
            for m in results {
                let mapped = LinkComparison.mapped(m.source.value.destination, c.settings.linkMap)
                // A relative link of the source that goes to nothing in the repository, where the
                // translation's goes to a file that is there: the source's slip, said at info.
                if let t = m.target, mapped == m.source.value.destination,
                   LinkComparison.existsOnDisk(m.source.value.destination, from: p.source.source.path) == false,
                   LinkComparison.existsOnDisk(t.value.destination, from: c.document.source.path) == true {
                    emit(c.mismatch(self, severity: .info, place: m.place, key: "link-mismatch.source-missing", sourceUnit: m.source.unit,
                                    values: [:], source: m.source.value.destination, target: t.value.destination))
                    continue
                }
                var fix: Fix? = nil
                if let t = m.target, t.value.destinationRange != nil, results.count == 1, t.value.isImage == m.source.value.isImage {
                    fix = Fix(mapped)
                }
                emit(c.mismatch(self, severity: severity, place: m.place,
                                key: m.target == nil ? "link-mismatch.missing" : "link-mismatch", sourceUnit: m.source.unit,
                                values: [:], source: m.source.value.destination, target: m.target?.value.destination, fix: fix))
            }
            // Link text that is the identifier its destination ends with stays that identifier
            // while the destination is kept (a change of its digits is number-mismatch's).
            var retyped = Set<Int>()
            for i in source.indices {
                guard let id = LinkMismatchRule.textID(p.source.units[source[i].unit], source[i].value) else { continue }
                let kept = target.indices.filter { v[i][$0] == .same && target[$0].value.destinationRange != target[$0].value.textRange }
                let runs = kept.map { LinkMismatchRule.idRuns(c.document.units[target[$0].unit], target[$0].value.textRange) }
                if runs.contains(where: { $0.contains { $0.id == id } }) { continue }
                let digits = id.filter(\.isNumber)
                for (j, r) in zip(kept, runs) where !retyped.contains(j) {
                    guard let run = r.first(where: { $0.id.filter(\.isNumber) == digits && CodeComparison.similarity($0.id, id) >= 0.5 }) else { continue }
                    retyped.insert(j)
                    emit(c.mismatch(self, severity: severity, place: (target[j].unit, run.range), key: "link-mismatch.text",
                                    sourceUnit: source[i].unit, values: [:], source: id, target: run.id, fix: Fix(id)))
                    break
                }
            }
            // Localised destinations: the same page in the translation's language, not yet mapped.
            var reported = Set<Int>()
            for i in source.indices where !v[i].contains(.same) {
                let s = source[i]
                guard let k = target.indices.first(where: { !reported.contains($0) && v[i][$0] == .localised })
                        ?? chinese[s.value.destination].flatMap({ reported.contains($0) ? nil : $0 }) else { continue }
                reported.insert(k)
                let t = target[k]
                emit(c.mismatch(self, severity: .info, place: (t.unit, t.range), key: "link-mismatch.localised", sourceUnit: s.unit,
                                values: [:], source: s.value.destination, target: t.value.destination))
            }
        }
    }
}

/// `broken-anchor`: a link to `#x` where no heading or `id` of the document yields `x` (heading
/// slugs as GitHub and VitePress make them, `{#id}`, MDX `{/*id*/}`, HTML `id`/`name`). Works
/// on a translation alone too.
public struct BrokenAnchorRule: Rule {
    public let id = "broken-anchor"
    public let defaultSeverity = Severity.warning
    public let summary = "A link to #x where no heading or id of the document yields x (GitHub/VitePress slugs, {#id}, {/*id*/}, id=)."
    public var examples: [RuleExample] {
        [
            RuleExample("## 安装 {#install}\n\n参见[安装](↓#instal)。\n"),
            RuleExample("## 安装 {#install}\n\n参见[安装](#install)。\n"),
            RuleExample("## 安装步骤\n\n参见[安装](#安装步骤)和[顶部](#top)。\n"),
            RuleExample("## Getting Started\n\n参见[开始](#getting-started)。\n"),
            RuleExample("<a id=\"faq\"></a>\n\n参见[问答](#faq)。\n"),
            RuleExample("## 安装 {/*installation*/}\n\n参见[安装](↓#installing)。\n"),
            // A heading of code only has nothing to translate (no unit), but it is an anchor.
            RuleExample("参见 [`reactive()`](#reactive) 和 [`ref()`](#ref)。\n\n## `reactive()` {#reactive}\n\n## `ref()`\n"),
        ]
    }

    public init() {}

    /// Lines where the project turned link checking off with markdown-link-check's comments
    /// (`<!-- markdown-link-check-disable-line -->`, `-disable-next-line`, `-disable` … `-enable`).
    static func linkCheckDisabledLines(_ doc: Document) -> Set<Int> {
        var lines = Set<Int>()
        var open: Int? = nil
        for comment in doc.comments.sorted(by: { $0.start < $1.start }) {
            switch comment.body {
            case "markdown-link-check-disable-line": lines.insert(comment.start.line)
            case "markdown-link-check-disable-next-line": lines.insert(comment.end.line + 1)
            case "markdown-link-check-disable": open = comment.start.line
            case "markdown-link-check-enable":
                if let o = open { for l in o...comment.end.line { lines.insert(l) } }
                open = nil
            default: break
            }
        }
        if let o = open, o <= doc.source.lineCount { for l in o...doc.source.lineCount { lines.insert(l) } }
        return lines
    }

    /// False when no link target of the unit can hold a `#`: none of its links does (a
    /// destination without a `#` byte has no `#` character), and its text has no `#` or no `<`
    /// for an inline tag's `href` (``Unit/linkTargets`` builds every target of a unit, inline
    /// tags included: most units need none of it). Destinations are searched with `memchr`
    /// (every link of every file is; the UTF-8 view's `contains` took a thousand instructions
    /// for a URL), and so is the unit's text (``holds(_:_:)``).
    static func mayLinkToFragment(_ u: Unit) -> Bool {
        func hasHash(_ d: String) -> Bool {
            d.utf8.withContiguousStorageIfAvailable { $0.isEmpty ? false : memchr($0.baseAddress!, 0x23, $0.count) != nil }
                ?? d.utf8.contains(0x23)
        }
        return u.links.contains { hasHash($0.destination) } || (holds(u.text, 0x23) && holds(u.text, 0x3C))
    }

    /// `text.contains(c)` for an ASCII `c`, by `memchr` over the scalars' bytes: a hit is `c`
    /// when it is a scalar's low byte (the first, little-endian) and the scalar's other bytes
    /// are zero. `contains` compared one scalar at a time, over every unit of every file.
    static func holds(_ text: [UInt32], _ c: UInt8) -> Bool {
        text.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return false }
            var from = 0
            while from < raw.count, let hit = memchr(base + from, Int32(c), raw.count - from) {
                let offset = UnsafeRawPointer(hit) - base
                if offset % 4 == 0 && raw.load(fromByteOffset: offset, as: UInt32.self) == UInt32(c) { return true }
                from = offset + 1
            }
            return false
        }
    }

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self) else { return }
        // The document's anchors are made (once per file, `consistencyCache`) when a `#fragment`
        // link needs them: most documents checked alone have none. A bilingual check makes them
        // here as before (the consistency rules share them).
        if c.pairing != nil { _ = c.consistencyCache }
        var sourceFragments = Set<String>()
        if let p = c.pairing {
            for u in p.source.units where BrokenAnchorRule.mayLinkToFragment(u) {
                for l in u.linkTargets where l.destination.hasPrefix("#") { sourceFragments.insert(l.destination) }
            }
        }
        // Read only for a link no anchor answers (most documents have none).
        var unchecked: Set<Int>? = nil
        // Links to an anchor of another page of the run are decided once every page is read;
        // the file's absolute path and folder are made for the first of them.
        var here: PageAnchorLink.Origin? = nil
        // A finding's place: the link's destination, else its text (one character at least).
        func place(_ l: LinkTarget) -> Range<Int> {
            let r = l.destinationRange ?? l.textRange
            return r.isEmpty ? r.lowerBound..<(r.lowerBound + 1) : r
        }
        let units = c.document.units
        for k in units.indices where BrokenAnchorRule.mayLinkToFragment(units[k]) {
            let u = units[k]
            let targets = u.linkTargets
            // Links to an anchor of another page of the run: decided once every page is read.
            for l in targets where c.pageLinks != nil && !l.destination.hasPrefix("#") {
                guard let path = PageAnchorLink.relativePath(l.destination) else { continue }
                if here == nil { here = PageAnchorLink.Origin(c.document.path) }
                guard let page = PageAnchorLink.page(path, from: here!) else { continue }
                let hash = PageAnchorLink.hashIndex(l.destination)!
                let fragment = String(l.destination[l.destination.index(after: hash)...])
                guard !fragment.isEmpty, fragment.lowercased() != "top" else { continue }
                if unchecked == nil { unchecked = BrokenAnchorRule.linkCheckDisabledLines(c.document) }
                if unchecked!.contains(u.position(at: l.textRange.lowerBound).line) { continue }
                let name = String(l.destination[..<hash])
                c.pageLinks!.append(PageAnchorLink(page: page, fragment: fragment, finding: c.finding(
                    self, severity: severity, unit: k, range: place(l),
                    message: c.messages.text("broken-anchor.page", ["anchor": fragment, "page": name]),
                    details: [("details", .object([("anchor", .string(fragment)), ("page", .string(name))]))])))
            }
            for l in targets where l.destination.hasPrefix("#") && l.destination.count > 1 {
                let fragment = String(l.destination.dropFirst())
                if fragment.lowercased() == "top" || c.consistencyCache.targetAnchors.contains(fragment) { continue }
                if unchecked == nil { unchecked = BrokenAnchorRule.linkCheckDisabledLines(c.document) }
                if unchecked!.contains(u.position(at: l.textRange.lowerBound).line) { continue }
                // The source links there too and has no such anchor either: the site makes it.
                var s = severity
                var key = "broken-anchor"
                if let sa = c.consistencyCache.sourceAnchors, sourceFragments.contains(l.destination), !sa.contains(fragment) {
                    s = .info
                    key = "broken-anchor.source"
                }
                emit(c.finding(self, severity: s, unit: k, range: place(l), message: c.messages.text(key, ["anchor": fragment]),
                               details: [("details", .object([("anchor", .string(fragment))]))]))
            }
        }
    }
}

/// `anchor-mismatch`: an explicit heading id (`{#id}`, MDX `{/*id*/}`, `<a id>`) that differs
/// from the source heading's, or is missing where the source has one, so links to it break.
public struct AnchorMismatchRule: Rule {
    public let id = "anchor-mismatch"
    public let defaultSeverity = Severity.warning
    public let summary = "Bilingual: an explicit heading id ({#id}, MDX {/*id*/}, <a id>) that differs from the source's or is missing."
    public let isBilingual = true
    public var examples: [RuleExample] {
        [
            RuleExample("## 用法 {#↓yong-fa}\n", source: "## Usage {#usage}\n"),
            RuleExample("## ↓用法\n", source: "## Usage {#usage}\n"),
            RuleExample("## 用法 {#usage}\n", source: "## Usage {#usage}\n"),
            RuleExample("## 参考 {/*↓参考*/}\n", source: "## Reference {/*reference*/}\n"),
            RuleExample("## 基础示例 {#basic-example}\n", source: "## Basic Example\n"),
            RuleExample("## 基础示例 {#↓ji-chu}\n", source: "## Basic Example\n"),
            RuleExample("# 概念\n\n## 概念 {#concepts_1}\n", source: "# Concepts\n\n## Concepts\n"),
            RuleExample("# 概念\n\n## 概念 {#↓concepts}\n", source: "# Concepts\n\n## Concepts\n"),
        ]
    }

    public init() {}

    /// A slug as GitHub makes it, for messages: lowercase, spaces to `-`, punctuation dropped.
    static func slug(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for c in text.lowercased().unicodeScalars {
            if c == " " { out.append("-") } else if c.properties.isAlphabetic || c.properties.numericType != nil || c == "-" || c == "_" { out.append(c) }
        }
        return String(out)
    }

    /// An id written in the translation's language for a source id that has none of it
    /// (`{#配置嵌入模型}` for `{#configuring-embedding-model}`): a translated id, chosen, not a slip.
    static func isTranslatedID(_ id: String, of source: String) -> Bool {
        id.unicodeScalars.contains { isHanIdeograph($0.value) } && !source.unicodeScalars.contains { isHanIdeograph($0.value) }
    }

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self), let p = c.pairing else { return }
        // The keys of the translation's own in-page links (`#三快速集成`), made at the first
        // heading that needs them.
        var ownLinks: Set<String>? = nil
        func linkKeys() -> Set<String> {
            if ownLinks == nil {
                ownLinks = Set(c.document.units.flatMap { $0.links.compactMap { l -> String? in
                    l.destination.first == "#" ? DocumentAnchors.key(DocumentAnchors.percentDecoded(String(l.destination.dropFirst()))) : nil
                } })
            }
            return ownLinks!
        }
        // Ids the translation translated (`{#配置嵌入模型}`), decided once the page is read: where
        // every id of the page that differs from its source's is translated so and no link of
        // the page targets a source id, the page follows a convention of its own (each language
        // pins ids in its own words), and its links work: info. Otherwise warnings.
        var translated: [(unit: Int, sourceUnit: Int, source: String, target: String, fix: Fix?, span: Span)] = []
        var otherChanged = false
        for pair in c.consistencyCache.pairs where pair.source.count == 1 && pair.target.count == 1 {
            let su = p.source.units[pair.source[0]], tu = c.document.units[pair.target[0]]
            guard case .heading = su.kind, case .heading = tu.kind else { continue }
            let sid = p.source.headingID(pair.source[0]), tid = c.document.headingID(pair.target[0])
            let t = pair.target[0]
            if let sid {
                if let tid {
                    guard tid.id != sid.id else { continue }
                    if AnchorMismatchRule.isTranslatedID(tid.id, of: sid.id) {
                        translated.append((t, pair.source[0], sid.id, tid.id, Fix(sid.id), tid.span))
                        continue
                    }
                    otherChanged = true
                    emit(c.mismatch(self, severity: severity, place: (t, 0..<tu.text.count), key: "anchor-mismatch", sourceUnit: pair.source[0],
                                    values: [:], source: sid.id, target: tid.id, fix: Fix(sid.id)).at(tid.span, c.document))
                } else {
                    // A heading that keeps the source's words yields the same slug by itself.
                    if DocumentAnchors.key(tu) == DocumentAnchors.key(sid.id) { continue }
                    let syntax = sid.syntax == .mdxComment ? "{/*\(sid.id)*/}" : sid.syntax == .braces ? "{#\(sid.id)}" : "id=\"\(sid.id)\""
                    // The fix appends the source's id to the heading.
                    let fix = sid.syntax == .html ? nil : Fix(tu.string + " " + syntax)
                    // The translation links to the heading by its own slug (`[快速集成](#三快速集成)`
                    // for the source's `[Quick Integration](#quick)`): the page's links keep
                    // working without the id, which only other pages could still want: info.
                    let linked = linkKeys().contains(DocumentAnchors.key(tu))
                    emit(c.mismatch(self, severity: linked ? .info : severity, place: (t, 0..<tu.text.count), key: "anchor-mismatch.missing",
                                    sourceUnit: pair.source[0], values: ["syntax": syntax], source: sid.id, target: nil, fix: fix))
                }
            } else if let tid, tid.syntax != .html {
                // The translation pins an id the source does not write: it must be the source's slug.
                let sourceText = DocumentAnchors.headingText(su)
                let key = DocumentAnchors.key(sourceText)
                // A heading whose text an earlier heading of the source has too: its slug is
                // numbered (`concepts-1` on GitHub and VitePress, `concepts_1` in MkDocs).
                let repeats = p.source.units[..<pair.source[0]].filter {
                    if case .heading = $0.kind { DocumentAnchors.key(DocumentAnchors.headingText($0)) == key } else { false }
                }.count
                if DocumentAnchors.key(tid.id) == (repeats > 0 ? key + String(repeats) : key) { continue }
                let slug = AnchorMismatchRule.slug(sourceText) + (repeats > 0 ? "-\(repeats)" : "")
                if AnchorMismatchRule.isTranslatedID(tid.id, of: slug) {
                    translated.append((t, pair.source[0], slug, tid.id, slug.isEmpty ? nil : Fix(slug), tid.span))
                    continue
                }
                otherChanged = true
                emit(c.mismatch(self, severity: severity, place: (t, 0..<tu.text.count), key: "anchor-mismatch", sourceUnit: pair.source[0],
                                values: [:], source: slug, target: tid.id, fix: slug.isEmpty ? nil : Fix(slug)).at(tid.span, c.document))
            }
        }
        guard !translated.isEmpty else { return }
        let convention = !otherChanged && !translated.contains { linkKeys().contains(DocumentAnchors.key($0.source)) }
        for x in translated {
            emit(c.mismatch(self, severity: convention ? .info : severity, place: (x.unit, 0..<c.document.units[x.unit].text.count),
                            key: convention ? "anchor-mismatch.translated" : "anchor-mismatch", sourceUnit: x.sourceUnit,
                            values: [:], source: x.source, target: x.target, fix: x.fix).at(x.span, c.document))
        }
    }
}


extension Finding {
    /// The same finding on another span of the document (an id written outside the unit).
    func at(_ span: Span, _ doc: Document) -> Finding {
        var f = self
        f.span = span
        f.text = doc.source.slice(from: span.start, through: span.end)
        return f
    }
}
