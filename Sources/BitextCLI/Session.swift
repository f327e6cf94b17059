import BitextAlign
import BitextCheck
import BitextExchange
import BitextGlossary
import BitextMarkdown
import BitextText
import Foundation

/// What one run of the command line works with: configuration, locales, glossary, settings.
final class Session {
    let config: Config
    let source: LocaleData
    let target: LocaleData
    private(set) var settings: Settings
    let messages: Messages
    let glossary: GlossaryIndex?
    let parseOptions: ParseOptions
    /// Files and folders a directory walk could not read (reported as found; the run exits 2).
    private(set) var inputProblems = 0

    /// Folders whose files `--fix` may write (target trees of the pairs) besides the files and
    /// folders named on the command line.
    private(set) var targetRoots: [String] = []
    /// Files of configured pairs (their targets may be fixed like named files).
    private(set) var pairedTargets: Set<String> = []
    /// How the files were paired, for `coverage` to say: bilingual, monolingual or both.
    private(set) var pairedCount = 0, aloneCount = 0
    let verbose: Bool

    init(common: CommonOptions, spacing: SpacingPolicy? = nil) throws {
        verbose = common.verbose
        try UI.setLanguage(common.lang)
        config = try Session.loadConfig(common)
        if common.lang == nil, let lang = config.lang {
            do { try UI.setLanguage(lang) } catch let f as Failure {
                throw Failure(InputError(file: config.path ?? "bitext.yml", line: config.lines["lang"], f.message).description)
            }
        }
        messages = Messages.current
        do {
            target = try Session.locale(common.locale, configured: config.locale, key: "locale", config: config, default: "zh-Hans")
            source = try Session.locale(common.sourceLocale, configured: config.sourceLocale, key: "source-locale", config: config, default: "en")
            var typography = try Typography.load(for: target)
            if let s = spacing ?? config.spacing { typography.spacing = s }
            var settings = Settings(source: source, target: target, typography: typography)
            settings.severities = config.rules
            settings.keep = Set(config.keep.flatMap { $0.lowercased().split(separator: " ").map(String.init) })
            settings.linkMap = config.links
            self.settings = settings
        } catch let e as DataDirectory.NotFound {
            throw Failure(e.description)
        }
        let glossaryPaths = common.glossary + config.glossaries
        if glossaryPaths.isEmpty {
            glossary = nil
        } else {
            do {
                glossary = GlossaryIndex(try Glossary.load(glossaryPaths))
            } catch {
                throw Failure(error.text)
            }
        }
        if let g = glossary?.glossary {
            for e in g.entries where e.keepAsIs {
                for w in e.source.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }) { settings.keep.insert(String(w)) }
            }
        }
        var options = ParseOptions()
        if let keys = config.frontMatterKeys { options.frontMatterKeys = Set(keys) }
        options.opaqueTags.formUnion(config.opaqueTags.map { $0.lowercased() })
        parseOptions = options
    }

    /// A locale by id, with the locales bitext has when it has no such one (and the
    /// configuration's line when the id came from there).
    static func locale(_ given: String?, configured: String?, key: String, config: Config, default d: String) throws -> LocaleData {
        let id = given ?? configured ?? d
        // Without its data folder bitext knows no locale and no message: say that, not "unknown locale".
        do { _ = try DataDirectory.locate() } catch { throw Failure("\(error)") }
        guard LocaleData.isAvailable(LocaleData.canonical(id)) else {
            let available = LocaleData.available()
            let message = ui("locale.unknown", ["locale": id, "locales": available.joined(separator: ", ")])
            if given == nil, configured != nil, let path = config.path {
                throw Failure(InputError(file: path, line: config.lines[key], message).description)
            }
            throw Failure(message)
        }
        do {
            return try LocaleData.load(id)
        } catch let e as LocaleData.LoadError {
            throw Failure(e.description)
        }
    }

    static func loadConfig(_ common: CommonOptions) throws -> Config {
        let path = common.noConfig ? nil : (common.config ?? Config.find())
        guard let path else { return Config() }
        do {
            return try Config.load(path)
        } catch {
            // A configuration that does not parse still says in which language to say so.
            if common.lang == nil, let text = try? String(contentsOfFile: path, encoding: .utf8),
               let line = text.splitLines(omittingEmptySubsequences: true).first(where: { $0.hasPrefix("lang:") }),
               let id = Messages.validate(line.dropFirst(5).trimmingCharacters(in: CharacterSet(charactersIn: " \t\r\"'"))) {
                Messages.current = Messages.load(id)
                do { return try Config.load(path) } catch { throw Failure(error.description) }
            }
            throw Failure(error.description)
        }
    }

    /// A note for `--verbose` (standard error).
    func note(_ message: String) {
        if verbose { Output.warn(ui("note", ["message": message])) }
    }

    /// How a source is read: as ``parseOptions``, and a `#` line right after an element an HTML
    /// block closed is a heading (``ParseOptions/headingsAfterHTML``).
    var sourceParseOptions: ParseOptions { parseOptions.forSource }

    /// - Parameters:
    ///   - silentBlocks: false for a translation a monolingual check reads (nothing reads its
    ///     ``Document/silentBlocks`` then).
    ///   - asSource: the document is a source (``sourceParseOptions``).
    func document(_ path: String, silentBlocks: Bool = true, asSource: Bool = false) throws -> Document {
        var options = asSource ? sourceParseOptions : parseOptions
        options.recordsSilentBlocks = silentBlocks
        do {
            return try Inputs.document(path, options: options)
        } catch {
            throw Failure(error.description)
        }
    }

    func makeSegmenter() throws -> Segmenter {
        do {
            let s = try Segmenter(source: source, target: target)
            s.keptWords = settings.keptStems
            return s
        } catch {
            throw Failure(ui("icu.failed", ["error": "\(error)"]))
        }
    }

    func code(_ l: RunLanguage) -> String {
        switch l {
        case .target: return target.code
        case .source: return source.code
        case .neutral: return "neutral"
        }
    }

    /// The files and pairs a command works on: PATHs (monolingual unless `--source`), the
    /// roots of `--source-root`/`--target-root`, else the pairs of the configuration.
    func jobs(paths: [String], pairing: PairingOptions) throws -> [Job] {
        try jobs(paths: paths, source: pairing.source, sourceRoot: pairing.sourceRoot, targetRoot: pairing.targetRoot)
    }

    /// The pairs of commands that take SOURCE TARGET or two trees (align, export, suggest): the
    /// trees' pairs (only those with both sides unless `unpaired`), else the one pair of files.
    func pairs(_ tree: TreeOptions, files: [String], unpaired: Bool = false) throws -> [Job] {
        guard let sr = tree.sourceRoot, let tr = tree.targetRoot else {
            return [Job(target: files[1], source: files[0], relative: (files[1] as NSString).lastPathComponent)]
        }
        let jobs = try jobs(paths: [], source: nil, sourceRoot: sr, targetRoot: tr)
        return unpaired ? jobs : jobs.filter { $0.source != nil && $0.target != nil }
    }

    func jobs(paths: [String], source: String?, sourceRoot: String?, targetRoot: String?) throws -> [Job] {
        var jobs: [Job] = []
        do {
            if let s = source {
                guard paths.count == 1 else { throw Failure(ui("source.one-path")) }
                _ = try Inputs.read(s)
                jobs.append(Job(target: paths[0], source: s))
            } else if let sr = sourceRoot, let tr = targetRoot {
                targetRoots.append(tr)
                let all = try rootJobs(sourceRoot: sr, targetRoot: tr)
                jobs += paths.isEmpty ? all : try named(paths, of: all, targetRoot: tr)
            } else if !paths.isEmpty {
                for file in try collect(paths) {
                    if let job = configuredJob(file) { jobs.append(job) }
                }
            } else if !config.pairs.isEmpty {
                for p in config.pairs {
                    switch p {
                    case .files(let s, let t):
                        let target = relativeToCwd(t)
                        if Inputs.isIgnored(target, by: config.ignore, base: config.directory) {
                            note(ui("skipped.ignored", ["file": target])); continue
                        }
                        pairedTargets.insert(Inputs.absolute(t))
                        jobs.append(Job(target: target, source: relativeToCwd(s)))
                    case .roots(let s, let t):
                        targetRoots.append(relativeToCwd(t))
                        jobs += try rootJobs(sourceRoot: relativeToCwd(s), targetRoot: relativeToCwd(t))
                    }
                }
            } else {
                throw Failure(ui("nothing-to-do"))
            }
        } catch let e as InputError {
            throw Failure(e.description)
        }
        for j in jobs where j.target != nil { if j.source != nil { pairedCount += 1 } else { aloneCount += 1 } }
        return jobs
    }

    /// What to do with a file named on the command line (or found in a folder named there),
    /// given the configuration: skip it when `ignore:` matches it or when it is the source of a
    /// pair; pair it with its source when it is the target of a pair; otherwise check it alone.
    func configuredJob(_ file: String) -> Job? {
        if Inputs.isIgnored(file, by: config.ignore, base: config.directory) {
            note(ui("skipped.ignored", ["file": file]))
            return nil
        }
        // (The absolute path costs Foundation's URL standardisation: only for configured pairs.)
        if config.pairs.isEmpty { return Job(target: file, source: nil) }
        let abs = Inputs.absolute(file)
        for p in config.pairs {
            switch p {
            case .files(let s, let t):
                if Inputs.absolute(t) == abs {
                    guard FileManager.default.fileExists(atPath: s) else {
                        note(ui("unpaired", ["file": file, "source": relativeToCwd(s)]))
                        return Job(target: file, source: nil)
                    }
                    note(ui("paired", ["file": file, "source": relativeToCwd(s)]))
                    return Job(target: file, source: relativeToCwd(s))
                }
            case .roots(_, let t):
                if Inputs.isBelow(abs, t) { return treeJob(file, pair: p) }
            }
        }
        for p in config.pairs {
            switch p {
            case .files(let s, _): if Inputs.absolute(s) == abs { note(ui("skipped.source", ["file": file])); return nil }
            case .roots(let s, _): if Inputs.isBelow(abs, s) { note(ui("skipped.source", ["file": file])); return nil }
            }
        }
        return Job(target: file, source: nil)
    }

    private func treeJob(_ file: String, pair: ConfigPair) -> Job {
        guard case .roots(let s, let t) = pair else { return Job(target: file, source: nil) }
        let rel = Inputs.relative(Inputs.absolute(file), to: Inputs.absolute(t))
        let candidate = (s as NSString).appendingPathComponent(rel)
        guard FileManager.default.fileExists(atPath: candidate) else {
            note(ui("unpaired", ["file": file, "source": relativeToCwd(candidate)]))
            return Job(target: file, source: nil, relative: rel)
        }
        note(ui("paired", ["file": file, "source": relativeToCwd(candidate)]))
        return Job(target: file, source: relativeToCwd(candidate), relative: rel)
    }

    /// The Markdown files of `paths` (directories walked); what cannot be read is reported and
    /// counted in `inputProblems`, and the walk goes on.
    func collect(_ paths: [String]) throws -> [String] {
        let (files, problems) = try Inputs.collect(paths, ignore: config.ignore, base: config.directory)
        for p in problems { Output.warn(p.description) }
        inputProblems += problems.count
        return files
    }

    /// The jobs of a paired tree that the PATHs name: their files, and under a named folder the
    /// sources it has no translation of yet; a named file outside the target tree is checked
    /// alone (with a note under `-v`).
    func named(_ paths: [String], of all: [Job], targetRoot: String) throws -> [Job] {
        let files = try collect(paths)
        let wanted = Set(files.map(Inputs.absolute))
        let folders = paths.filter(Inputs.isDirectory)
        let root = Inputs.absolute(targetRoot)
        var out = all.filter { j in
            if let t = j.target { return wanted.contains(Inputs.absolute(t)) }
            guard let rel = j.relative else { return false }
            return folders.contains { Inputs.isBelow(root + "/" + rel, $0) }
        }
        let inTree = Set(out.compactMap { $0.target.map(Inputs.absolute) })
        for f in files where !inTree.contains(Inputs.absolute(f)) {
            note(ui("outside-root", ["file": f, "root": targetRoot]))
            out.append(Job(target: f, source: nil))
        }
        return out
    }

    /// Pairs two trees by relative path. Target files with no source are checked alone;
    /// source files with no target are listed as `missing` jobs (for coverage). `ignore:`
    /// leaves out targets, and sources only where they have no target.
    func rootJobs(sourceRoot: String, targetRoot: String) throws -> [Job] {
        let targets = try collect([targetRoot])
        let (allSources, problems) = try Inputs.collect([sourceRoot])
        for p in problems { Output.warn(p.description) }
        inputProblems += problems.count
        let sourceByRel = Dictionary(allSources.map { (Inputs.relative($0, to: sourceRoot), $0) }, uniquingKeysWith: { a, _ in a })
        var jobs: [Job] = []
        var used = Set<String>()
        let roots = TreeRoots(source: sourceRoot, target: targetRoot)
        for t in targets {
            let rel = Inputs.relative(t, to: targetRoot)
            if sourceByRel[rel] != nil { used.insert(rel) }
            jobs.append(Job(target: t, source: sourceByRel[rel], relative: rel, roots: roots))
        }
        for (rel, s) in sourceByRel.sorted(by: { $0.key < $1.key }) where !used.contains(rel) {
            // `**/CHANGELOG.md` leaves out an untranslated changelog; `en/**` (meant to keep
            // sources from being checked) does not turn every source into a missing one.
            if config.ignore.contains(where: { $0.matches(rel) }) { continue }
            jobs.append(Job(target: nil, source: s, relative: rel, roots: roots))
        }
        return jobs
    }

    /// A configured path as the user would write it from the current directory: relative
    /// below it, absolute elsewhere (`../en` in a sibling repository stays absolute).
    func relativeToCwd(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        return Inputs.relative(path, to: cwd)
    }
}

/// One unit of work: a target file, with its source in bilingual mode. A job with no target
/// is a source file the translation does not have yet.
struct Job {
    var target: String?
    var source: String?
    var relative: String?
    /// The roots of the tree the job comes from.
    var roots: TreeRoots?

    init(target: String?, source: String?, relative: String? = nil, roots: TreeRoots? = nil) {
        self.target = target
        self.source = source
        self.relative = relative
        self.roots = roots
    }
}
