import BitextAlign
import BitextCheck
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

    init(common: CommonOptions, spacing: SpacingPolicy? = nil) throws {
        config = try Session.loadConfig(common)
        do {
            target = try LocaleData.load(common.locale ?? config.locale ?? "zh-Hans")
            source = try LocaleData.load(common.sourceLocale ?? config.sourceLocale ?? "en")
            var typography = try Typography.load(for: target)
            if let s = spacing ?? config.spacing { typography.spacing = s }
            var settings = Settings(source: source, target: target, typography: typography)
            settings.severities = config.rules
            settings.keep = Set(config.keep.flatMap { $0.lowercased().split(separator: " ").map(String.init) })
            settings.linkMap = config.links
            self.settings = settings
        } catch let e as LocaleData.LoadError {
            throw Failure(e.description)
        } catch let e as DataDirectory.NotFound {
            throw Failure(e.description)
        }
        messages = Messages.load(common.lang ?? config.lang)
        let glossaryPaths = common.glossary + config.glossaries
        if glossaryPaths.isEmpty {
            glossary = nil
        } else {
            do {
                glossary = GlossaryIndex(try Glossary.load(glossaryPaths))
            } catch {
                throw Failure(error.description)
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

    static func loadConfig(_ common: CommonOptions) throws -> Config {
        let path = common.noConfig ? nil : (common.config ?? Config.find())
        guard let path else { return Config() }
        do {
            return try Config.load(path)
        } catch {
            throw Failure(error.description)
        }
    }

    func document(_ path: String) throws -> Document {
        do {
            return try Inputs.document(path, options: parseOptions)
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
            throw Failure("cannot open ICU break iterators: \(error)")
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
                guard paths.count == 1 else {
                    throw Failure("--source pairs one source with one target file: give exactly one PATH")
                }
                _ = try Inputs.read(s)
                jobs.append(Job(target: paths[0], source: s))
            } else if let sr = sourceRoot, let tr = targetRoot {
                jobs += try rootJobs(sourceRoot: sr, targetRoot: tr)
            } else if !paths.isEmpty {
                jobs += try collect(paths).map { Job(target: $0, source: nil) }
            } else if !config.pairs.isEmpty {
                for p in config.pairs {
                    switch p {
                    case .files(let s, let t): jobs.append(Job(target: relativeToCwd(t), source: relativeToCwd(s)))
                    case .roots(let s, let t): jobs += try rootJobs(sourceRoot: relativeToCwd(s), targetRoot: relativeToCwd(t))
                    }
                }
            } else {
                throw Failure("nothing to do: give a PATH, --source with a file, --source-root/--target-root, or pairs in bitext.yml")
            }
        } catch let e as InputError {
            throw Failure(e.description)
        }
        return jobs
    }

    /// The Markdown files of `paths` (directories walked); what cannot be read is reported and
    /// counted in `inputProblems`, and the walk goes on.
    func collect(_ paths: [String]) throws -> [String] {
        let (files, problems) = try Inputs.collect(paths, ignore: config.ignore)
        for p in problems { Output.warn(p.description) }
        inputProblems += problems.count
        return files
    }

    /// Pairs two trees by relative path. Target files with no source are checked alone;
    /// source files with no target are listed as `missing` jobs (for coverage).
    func rootJobs(sourceRoot: String, targetRoot: String) throws -> [Job] {
        let targets = try collect([targetRoot]), sources = try collect([sourceRoot])
        let sourceByRel = Dictionary(sources.map { (Inputs.relative($0, to: sourceRoot), $0) }, uniquingKeysWith: { a, _ in a })
        var jobs: [Job] = []
        var used = Set<String>()
        for t in targets {
            let rel = Inputs.relative(t, to: targetRoot)
            if sourceByRel[rel] != nil { used.insert(rel) }
            jobs.append(Job(target: t, source: sourceByRel[rel], relative: rel))
        }
        for (rel, s) in sourceByRel.sorted(by: { $0.key < $1.key }) where !used.contains(rel) {
            jobs.append(Job(target: nil, source: s, relative: rel))
        }
        return jobs
    }

    private func relativeToCwd(_ path: String) -> String {
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

    init(target: String?, source: String?, relative: String? = nil) {
        self.target = target
        self.source = source
        self.relative = relative
    }
}
