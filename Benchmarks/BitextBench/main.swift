// bitext's benchmarks. Each prints its figures; see Benchmarks/README.md.
//
//   BitextBench pipeline DIR [--runs N]   units + segmentation vs the cmark-gfm command line
//
import BitextAlign
import BitextCheck
import BitextGlossary
import BitextMarkdown
import BitextText
import Foundation

func markdownFiles(_ dir: String) -> [String] {
    (try? Inputs.collect([dir]).files) ?? []
}

func now() -> Double { Date().timeIntervalSince1970 }

/// Peak resident memory of this process, in MB.
func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func option(_ name: String, _ args: [String], default d: Int) -> Int {
    if let i = args.firstIndex(of: name), i + 1 < args.count, let v = Int(args[i + 1]) { return v }
    return d
}

func runProcess(_ exe: String, _ args: [String]) -> Double {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: exe)
    p.arguments = args
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    let t0 = now()
    try! p.run()
    p.waitUntilExit()
    return now() - t0
}

/// Units and segmentation (sentences, words, language runs) of every file, one thread,
/// against cmark-gfm parsing the same files with the same extensions.
func pipeline(_ args: [String]) throws {
    guard let dir = args.first else { print("usage: BitextBench pipeline DIR [--runs N] [--repeat N]"); exit(2) }
    let runs = option("--runs", args, default: 5)
    // The corpus read several times over, so process start-up is noise for cmark-gfm.
    let repeats = option("--repeat", args, default: 10)
    let files = Array(repeating: markdownFiles(dir), count: repeats).flatMap { $0 }
    let bytes = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
    let mb = Double(bytes) / 1_000_000
    let segmenter = try Segmenter(source: LocaleData.load("en"), target: LocaleData.load("zh-Hans"))
    var best = Double.infinity, bestParse = Double.infinity, bestFull = Double.infinity
    var units = 0, sentences = 0
    for _ in 0..<runs {
        let t0 = now()
        var parse = 0.0
        units = 0; sentences = 0
        for f in files {
            let p0 = now()
            let doc = try Inputs.document(f)
            parse += now() - p0
            for u in doc.units {
                let a = segmenter.analyze(u)
                units += 1
                sentences += a.sentences.count
            }
        }
        best = min(best, now() - t0)
        bestParse = min(bestParse, parse)
        // The same with Chinese dictionary word segmentation for every unit (what `segment`
        // shows; `check` asks for it only where a glossary match needs word boundaries).
        let t1 = now()
        for f in files {
            let doc = try Inputs.document(f)
            for u in doc.units { _ = segmenter.analyze(u, hanWords: true) }
        }
        bestFull = min(bestFull, now() - t1)
    }
    guard let cmark = ["/usr/bin/cmark-gfm", "/usr/local/bin/cmark-gfm"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
        print("cmark-gfm not found: apt-get install cmark-gfm"); exit(2)
    }
    var cmarkBest = Double.infinity
    for _ in 0..<runs {
        cmarkBest = min(cmarkBest, runProcess(cmark, ["-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist",
                                                      "--sourcepos"] + files))
    }
    print("input: \(files.count / repeats) files read \(repeats) times, \(String(format: "%.1f", mb)) MB, \(units) units, \(sentences) sentences")
    print(String(format: "bitext units + segmentation (1 thread): %.3f s  %.1f MB/s  (reading and units %.3f s, segmentation %.3f s)",
                 best, mb / best, bestParse, best - bestParse))
    print(String(format: "cmark-gfm command line (parse + HTML): %.3f s  %.1f MB/s", cmarkBest, mb / cmarkBest))
    print(String(format: "bitext with Chinese dictionary words for every unit: %.3f s  %.1f MB/s", bestFull, mb / bestFull))
    print(String(format: "ratio bitext/cmark-gfm: %.2f as check runs it, %.2f with dictionary words (goal ≥ 0.33)",
                 cmarkBest / best, cmarkBest / bestFull))
    print(String(format: "peak memory: %.0f MB", peakMemoryMB()))
}

/// A deterministic glossary of `n` terms: the project's real ones, then made-up English terms
/// with made-up Chinese renderings and a forbidden variant each.
func syntheticGlossary(_ n: Int, base: Glossary) -> Glossary {
    var g = base
    var state: UInt64 = 42
    func next() -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int(state >> 33) }
    let syllables = ["ka", "lo", "mi", "tor", "ven", "sil", "dra", "pex", "qua", "ren", "zu", "bel", "nor", "tis", "gam"]
    func word() -> String { (0..<(2 + next() % 2)).map { _ in syllables[next() % syllables.count] }.joined() }
    func han(_ k: Int) -> String {
        String(String.UnicodeScalarView((0..<k).map { _ in Unicode.Scalar(UInt32(0x4E00 + next() % 3000))! }))
    }
    while g.entries.count < n {
        let source = (0..<(1 + next() % 3)).map { _ in word() }.joined(separator: " ")
        g.entries.append(GlossaryEntry(source: source, target: han(2 + next() % 4), forbidden: [han(2 + next() % 3)],
                                       file: "synthetic.tsv", line: g.entries.count + 1))
    }
    return g
}

/// `check` over source/target pairs with and without a glossary of `--terms` entries, one thread.
func glossaryCost(_ args: [String]) throws {
    guard args.count >= 2 else { print("usage: BitextBench glossary SOURCE_ROOT TARGET_ROOT [--terms N] [--runs N]"); exit(2) }
    let terms = option("--terms", args, default: 5000)
    let runs = option("--runs", args, default: 3)
    let (sourceRoot, targetRoot) = (args[0], args[1])
    let targets = markdownFiles(targetRoot)
    let pairs: [(String, String)] = targets.compactMap { t in
        let s = sourceRoot + "/" + Inputs.relative(t, to: targetRoot)
        return FileManager.default.fileExists(atPath: s) ? (s, t) : nil
    }
    let source = try LocaleData.load("en"), target = try LocaleData.load("zh-Hans")
    let settings = Settings(source: source, target: target, typography: try Typography.load(for: target))
    let base = try Glossary.load(DataDirectory.glossaries().appendingPathComponent("genai.tsv").path)
    let big = syntheticGlossary(terms, base: base)
    let aligner = DocumentAligner(functionWords: source.functionWords)
    func run(_ glossary: Glossary?) throws -> (Double, Int) {
        var best = Double.infinity
        var count = 0
        for _ in 0..<runs {
            let t0 = now()
            let index = glossary.map { GlossaryIndex($0) }
            let checker = Checker(settings: settings, messages: Messages.load("en"), glossary: index)
            count = 0
            try checker.withToolkit { toolkit in
                for (s, t) in pairs {
                    let sd = try Inputs.document(s), td = try Inputs.document(t)
                    let sa = checker.analyze(sd, toolkit: toolkit), ta = checker.analyze(td, toolkit: toolkit)
                    let al = aligner.align(source: sd, sourceAnalyses: sa, target: td, targetAnalyses: ta)
                    count += checker.check(td, analyses: ta, pairing: Pairing(source: sd, sourceAnalyses: sa, alignment: al),
                                           toolkit: toolkit).count
                }
            }
            best = min(best, now() - t0)
        }
        return (best, count)
    }
    let (without, n0) = try run(nil)
    let (with, n1) = try run(big)
    print("pairs: \(pairs.count); glossary: \(big.entries.count) terms (\(base.entries.count) real, the rest made up)")
    print(String(format: "check without a glossary: %.3f s (%d findings)", without, n0))
    print(String(format: "check with the glossary:  %.3f s (%d findings)", with, n1))
    print(String(format: "ratio: %.2f (goal ≤ 1.5)", with / without))
}

func lines(_ path: String) -> [String] {
    // Split on the bytes (Foundation's components(separatedBy:) compares Characters and cost
    // a sixth of the scaling benchmark's own time); the gold files have no CR.
    let bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
    var l: [String] = []
    var start = 0
    bytes.withUnsafeBufferPointer { b in
        for k in 0..<b.count where b[k] == 0x0A {
            l.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<k]), as: UTF8.self))
            start = k + 1
        }
        if start < b.count { l.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<b.count]), as: UTF8.self)) }
    }
    return l
}

/// A gold set from the arguments SOURCE TARGET GOLD, and a segmenter for it.
func goldSet(_ args: [String]) throws -> ([String], [String], [SentenceBead], Segmenter) {
    (lines(args[0]), lines(args[1]), try BeadFormat.parse(String(contentsOfFile: args[2], encoding: .utf8)),
     try Segmenter(source: LocaleData.load("en"), target: LocaleData.load("zh-Hans")))
}

/// Sentence alignment of one-sentence-a-line files against gold beads: strict and lax
/// precision, recall and F1, time and peak memory; `--scale` repeats the input 1×, 2×, 4×.
func sentenceGold(_ args: [String]) throws {
    guard args.count >= 3 else { print("usage: BitextBench sentences SOURCE TARGET GOLD [--scale]"); exit(2) }
    let (source, target, gold, segmenter) = try goldSet(args)
    let t0 = now()
    var aligner = SegmentedAligner()
    if let p = ProcessInfo.processInfo.environment["BITEXT_PASSES"], let v = Int(p) { aligner.sentences.passes = v }
    let beads = aligner.align(source: source, target: target, segmenter: segmenter)
    if let out = ProcessInfo.processInfo.environment["BITEXT_BEADS_OUT"] {
        try BeadFormat.write(beads).write(toFile: out, atomically: true, encoding: .utf8)
    }
    let elapsed = now() - t0
    let score = AlignmentScore(gold: gold, test: beads)
    print("input: \(source.count) × \(target.count) sentences, \(gold.count) gold beads, \(beads.count) predicted")
    print(String(format: "strict P %.3f R %.3f F1 %.3f | lax P %.3f R %.3f F1 %.3f",
                 score.precisionStrict, score.recallStrict, score.f1Strict, score.precisionLax, score.recallLax, score.f1Lax))
    print(String(format: "time (segmenting the given lines and aligning): %.3f s, peak memory %.0f MB", elapsed, peakMemoryMB()))
    if args.contains("--scale") {
        for k in [2, 4] {
            let s = Array(repeating: source, count: k).flatMap { $0 }, t = Array(repeating: target, count: k).flatMap { $0 }
            let t1 = now()
            _ = SegmentedAligner().align(source: s, target: t, segmenter: segmenter)
            print(String(format: "%d× input (%d × %d): %.3f s, peak memory %.0f MB", k, s.count, t.count, now() - t1, peakMemoryMB()))
        }
    }
}

/// Null-bead precision: the share of predicted insertions and deletions that gold has too.
func nullPrecision(gold: [SentenceBead], test: [SentenceBead]) -> (Double, Int) {
    let g = Set(gold.filter { $0.source.isEmpty || $0.target.isEmpty }.map { "\($0.source):\($0.target)" })
    let t = test.filter { $0.source.isEmpty || $0.target.isEmpty }
    return (t.isEmpty ? 1 : Double(t.filter { g.contains("\($0.source):\($0.target)") }.count) / Double(t.count), t.count)
}

/// Bead shapes of an alignment, most frequent first: "1-1 3650, 1-2 1040, …".
func shapes(_ beads: [SentenceBead]) -> String {
    var counts: [String: Int] = [:]
    for b in beads { counts["\(b.source.count)-\(b.target.count)", default: 0] += 1 }
    return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
}

/// The sentence aligner part by part on a gold set: length and anchors alone, then the
/// lexicon's scored evidence, the second pass with wider beads, the learned IBM-1 table and
/// match rates, the extra anchors. One thread; each row aligns from scratch.
func sentenceAblation(_ args: [String]) throws {
    guard args.count >= 3 else { print("usage: BitextBench sentence-ablation SOURCE TARGET GOLD"); exit(2) }
    let (source, target, gold, segmenter) = try goldSet(args)
    let t0 = now()
    let lexicon = Lexicon.shared
    print(String(format: "lexicon: %@ (%@), %.1f ms, %d words, %d stems, %.1f MB compiled",
                 lexicon?.info.cachePath ?? "no cache", lexicon?.info.built == true ? "compiled now" : "cached",
                 (now() - t0) * 1000, lexicon?.wordCount ?? 0, lexicon?.stemCount ?? 0, Double(lexicon?.info.binaryBytes ?? 0) / 1e6))
    typealias Setup = (String, (inout SentenceAligner) -> Void)
    let setups: [Setup] = [
        ("length + anchors (pass 1 only)", { $0.lexicon = nil; $0.lexical = false; $0.extendedAnchors = false }),
        ("+ lexicon evidence", { $0.lexical = false; $0.extendedAnchors = false }),
        ("+ pass 2, wider beads, learned shape costs", { $0.learnedTranslations = false; $0.extendedAnchors = false }),
        ("+ IBM-1 table and match rates", { $0.extendedAnchors = false }),
        ("+ numbers in words, quotes, names (all)", { _ in }),
        ("all but the lexicon", { $0.lexicon = nil }),
    ]
    let only = ProcessInfo.processInfo.environment["BITEXT_ABLATION_ROWS"].map { Set($0.split(separator: ",").compactMap { Int($0) }) }
    print("| setup | strict P | strict R | strict F1 | lax P | lax R | lax F1 | nulls (precision) | time | shapes |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for (k, (name, setup)) in setups.enumerated() where only?.contains(k) ?? true {
        var aligner = SegmentedAligner()
        setup(&aligner.sentences)
        let t1 = now()
        let beads = aligner.align(source: source, target: target, segmenter: segmenter)
        let elapsed = now() - t1
        if ProcessInfo.processInfo.environment["BITEXT_DEBUG_ALIGN"] != nil { print("total \(elapsed)") }
        let s = AlignmentScore(gold: gold, test: beads)
        let (np, nc) = nullPrecision(gold: gold, test: beads)
        print(String(format: "| %@ | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %d (%.2f) | %.2f s | %@ |", name,
                     s.precisionStrict, s.recallStrict, s.f1Strict, s.precisionLax, s.recallLax, s.f1Lax, nc, np, elapsed,
                     shapes(beads)))
    }
}

/// Natural text K times as long: the gold alignment cut into runs of 100 beads, each copy of
/// the text with its runs in another order (fixed seed), so no copy repeats the one before it.
/// Aligns it once in this process and prints time, peak memory and the score against the
/// shifted gold. `Benchmarks/align-scaling` runs it for 1, 2, 4 and 8 in separate processes.
func sentenceScale(_ args: [String]) throws {
    guard args.count >= 4, let k = Int(args[3]), k >= 1 else { print("usage: BitextBench sentence-scale SOURCE TARGET GOLD K [--weight W] [--floor F]"); exit(2) }
    let source = lines(args[0]), target = lines(args[1])
    let gold = try BeadFormat.parse(String(contentsOfFile: args[2], encoding: .utf8)).filter { !$0.source.isEmpty && !$0.target.isEmpty }
    var runs: [[SentenceBead]] = []
    for start in stride(from: 0, to: gold.count, by: 100) { runs.append(Array(gold[start..<min(gold.count, start + 100)])) }
    var state: UInt64 = 7
    func rnd(_ n: Int) -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int((state >> 33) % UInt64(n)) }
    var s: [String] = [], t: [String] = [], g: [SentenceBead] = []
    for copy in 0..<k {
        var order = Array(runs.indices)
        if copy > 0 { for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, rnd(i + 1)) } }
        for r in order {
            for b in runs[r] {
                g.append(SentenceBead(source: b.source.indices.map { s.count + $0 }, target: b.target.indices.map { t.count + $0 }, score: 1))
                s += b.source.map { source[$0] }
                t += b.target.map { target[$0] }
            }
        }
    }
    let segmenter = try Segmenter(source: LocaleData.load("en"), target: LocaleData.load("zh-Hans"))
    _ = Lexicon.shared
    if ProcessInfo.processInfo.environment["BITEXT_SENTENCES_ONLY"] != nil {
        let t1 = now()
        let a = s.enumerated().map { SegmentedAligner.sentence($0.element, index: $0.offset, segmenter: segmenter) }
        let b = t.enumerated().map { SegmentedAligner.sentence($0.element, index: $0.offset, segmenter: segmenter) }
        print(String(format: "sentences only: %d + %d in %.2f s, peak %.0f MB", a.count, b.count, now() - t1, peakMemoryMB()))
        return
    }
    var aligner = SegmentedAligner()
    // Weights to try (the defaults otherwise).
    if let i = args.firstIndex(of: "--weight"), i + 1 < args.count, let v = Double(args[i + 1]) { aligner.sentences.lexicalWeight = v }
    if let i = args.firstIndex(of: "--floor"), i + 1 < args.count, let v = Double(args[i + 1]) { aligner.sentences.evidenceFloor = v }
    if let i = args.firstIndex(of: "--guide-width"), i + 1 < args.count, let v = Int(args[i + 1]) { aligner.sentences.guideWidth = v }
    let t0 = now()
    let beads = aligner.align(source: s, target: t, segmenter: segmenter)
    let elapsed = now() - t0
    let score = AlignmentScore(gold: g, test: beads)
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    print(String(format: "%d× (%d × %d sentences): %.2f s wall, %.2f s CPU for the whole process (segmenting, lexicon, aligning; one thread), peak memory %.0f MB, strict F1 %.3f, lax F1 %.3f",
                 k, s.count, t.count, elapsed, cpu, peakMemoryMB(), score.f1Strict, score.f1Lax))
}

/// CPU time of the calling thread, in seconds.
func threadCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Block alignment over every corpus pair plus long pages (each corpus's pages concatenated
/// into one, with every fifth Chinese page left out, so the two sides differ by hundreds of
/// blocks), one thread: per pair, milliseconds per KB of input; the median, the worst pair and
/// their ratio (goal: the worst within 5× the median per KB).
func blockTree(_ args: [String]) throws {
    guard let root = args.first else { print("usage: BitextBench block-tree CORPORA_DIR [--runs N]"); exit(2) }
    let runs = max(1, option("--runs", args, default: 3))
    let source = try LocaleData.load("en"), target = try LocaleData.load("zh-Hans")
    let settings = Settings(source: source, target: target, typography: try Typography.load(for: target))
    let checker = Checker(settings: settings, messages: Messages.load("en"), glossary: nil, rules: [])
    let aligner = DocumentAligner(functionWords: source.functionWords, lettersPerHan: target.sourceLettersPerHan)
    var pairs: [(String, [UInt8], [UInt8])] = []
    var byCorpus: [String: ([UInt8], [UInt8], Int)] = [:]
    var corpora: [String] = []
    for zh in markdownFiles(root).filter({ $0.contains("/zh/") && !$0.contains("genai-handbook") }).sorted() {
        let en = zh.replacingOccurrences(of: "/zh/", with: "/en/")
        guard let e = FileManager.default.contents(atPath: en), let z = FileManager.default.contents(atPath: zh) else { continue }
        pairs.append((Inputs.relative(zh, to: root), Array(e), Array(z)))
        let corpus = String(Inputs.relative(zh, to: root).split(separator: "/").first ?? "")
        if byCorpus[corpus] == nil { corpora.append(corpus); byCorpus[corpus] = ([], [], 0) }
        var c = byCorpus[corpus]!
        c.0 += Array(e) + Array("\n\n".utf8)
        if c.2 % 5 != 4 { c.1 += Array(z) + Array("\n\n".utf8) }
        c.2 += 1
        byCorpus[corpus] = c
    }
    for c in corpora { let (e, z, _) = byCorpus[c]!; pairs.append(("\(c) (all pages in one)", e, z)) }
    var rows: [(String, Double, Double, Int, Int)] = []  // name, ms, KB, blocks
    try checker.withToolkit { toolkit in
        for (name, e, z) in pairs {
            let sd = try Document(path: name + ".en", bytes: e), td = try Document(path: name + ".zh", bytes: z)
            let sa = checker.analyze(sd, toolkit: toolkit), ta = checker.analyze(td, toolkit: toolkit)
            // This thread's CPU time, the least of `runs` runs: a loaded machine's noise stays out.
            var ms = Double.infinity
            for _ in 0..<runs {
                let t0 = threadCPUSeconds()
                _ = aligner.align(source: sd, sourceAnalyses: sa, target: td, targetAnalyses: ta)
                ms = min(ms, (threadCPUSeconds() - t0) * 1000)
            }
            rows.append((name, ms, Double(e.count + z.count) / 1000, sd.blocks.count, td.blocks.count))
        }
    }
    let perKB = rows.map { $0.1 / $0.2 }.sorted()
    let median = perKB[perKB.count / 2]
    let worst = rows.max { $0.1 / $0.2 < $1.1 / $1.2 }!
    let longest = rows.max { $0.3 < $1.3 }!
    print("pairs: \(rows.count) (\(rows.count - corpora.count) corpus pairs, \(corpora.count) long pages), one thread, alignment only, CPU time (least of \(runs) runs)")
    print(String(format: "median %.3f ms/KB; worst %@ (%d × %d blocks, %.0f KB) %.3f ms/KB = %.2f× the median (goal ≤ 5×)",
                 median, worst.0, worst.3, worst.4, worst.2, worst.1 / worst.2, worst.1 / worst.2 / median))
    print(String(format: "longest: %@, %d × %d blocks, %.0f KB, %.0f ms", longest.0, longest.3, longest.4, longest.2, longest.1))
}

/// The block aligner's anchors for one document pair: `block-anchors SOURCE.md TARGET.md`
/// prints each pinned pair as source line, target line and the start of both texts.
func blockAnchors(_ args: [String]) throws {
    guard args.count == 2 else { print("usage: BitextBench block-anchors SOURCE TARGET"); exit(2) }
    let source = try LocaleData.load("en"), target = try LocaleData.load("zh-Hans")
    let settings = Settings(source: source, target: target, typography: try Typography.load(for: target))
    let checker = Checker(settings: settings, messages: Messages.load("en"), glossary: nil, rules: [])
    let aligner = DocumentAligner(functionWords: source.functionWords, lettersPerHan: target.sourceLettersPerHan)
    let sd = try Inputs.document(args[0]), td = try Inputs.document(args[1])
    try checker.withToolkit { toolkit in
        let sf = BlockFeatures.of(sd, analyses: checker.analyze(sd, toolkit: toolkit), functionWords: source.functionWords)
        let tf = BlockFeatures.of(td, analyses: checker.analyze(td, toolkit: toolkit), functionWords: source.functionWords)
        let pairs = aligner.blocks.anchorPairs(source: sf, target: tf)
        print("\(sf.count) × \(tf.count) blocks, \(pairs.count) anchors")
        for p in pairs {
            print("\(sf[p.source].line)\t\(tf[p.target].line)\t\(sf[p.source].key.prefix(50))\t\(tf[p.target].key.prefix(30))")
        }
    }
}

/// Current resident memory of this process, in MB.
func residentMemoryMB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kb / 1024
}

/// The lexicon: compiling the text into a fresh cache folder, loading the compiled form, and
/// resident memory before, after loading and after touching every word (the worst case: an
/// aligner touches only the pages it looks up).
func lexiconFigures(_ args: [String]) throws {
    let data = try DataDirectory.locales().appendingPathComponent("en-zh-Hans.lexicon.tsv")
    let cache = FileManager.default.temporaryDirectory.appendingPathComponent("bitext-lexicon-bench-\(getpid())")
    defer { try? FileManager.default.removeItem(at: cache) }
    let r0 = residentMemoryMB()
    var t0 = now()
    let built = try Lexicon.load(data: data, cacheDirectory: cache)
    let compile = now() - t0
    let r1 = residentMemoryMB()
    t0 = now()
    let lex = try Lexicon.load(data: data, cacheDirectory: cache)
    let load = now() - t0
    let r2 = residentMemoryMB()
    var stems = 0
    for w in 0..<Int32(lex.wordCount) { stems += lex.stems(ofWord: w).count; _ = lex.word(lex.text(ofWord: w).unicodeScalars.map(\.value)) }
    let r3 = residentMemoryMB()
    print("lexicon: \(lex.wordCount) words, \(lex.stemCount) stems, \(stems) links; text \(String(format: "%.1f", Double((try? FileManager.default.attributesOfItem(atPath: data.path)[.size] as? Int) ?? 0) / 1e6)) MB, compiled \(String(format: "%.1f", Double(built.info.binaryBytes) / 1e6)) MB")
    print(String(format: "compiling (first use): %.0f ms, resident +%.0f MB while compiling", compile * 1000, r1 - r0))
    print(String(format: "loading the compiled form (memory-mapped): %.1f ms, resident +%.1f MB; after touching every word +%.1f MB", load * 1000, r2 - r1, r3 - r1))
}

/// Generated drift cases: corpus pairs whose blocks match one to one, their English edited,
/// extended, shortened and reordered with a fixed seed; what `drift` reports is compared with
/// the Chinese units those changes affect. Prints precision, recall and time.
func driftEval(_ args: [String]) throws {
    guard let root = args.first else { print("usage: BitextBench drift CORPORA_DIR [--seed N] [--changes N]"); exit(2) }
    var state = UInt64(option("--seed", args, default: 1))
    func rnd(_ n: Int) -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int((state >> 33) % UInt64(n)) }
    let changes = option("--changes", args, default: 4)
    let source = try LocaleData.load("en"), target = try LocaleData.load("zh-Hans")
    let settings = Settings(source: source, target: target, typography: try Typography.load(for: target))
    let messages = Messages.load("en")
    let checker = Checker(settings: settings, messages: messages, glossary: nil, rules: [])
    let aligner = DocumentAligner(functionWords: source.functionWords)
    var expected = Set<String>(), found = Set<String>()
    var cases = 0, pairs = 0
    var elapsed = 0.0
    let files = markdownFiles(root).filter { $0.contains("/zh/") && !$0.contains("genai-handbook") }
    try checker.withToolkit { toolkit in
        for zhPath in files {
            let enPath = zhPath.replacingOccurrences(of: "/zh/", with: "/en/")
            guard FileManager.default.fileExists(atPath: enPath) else { continue }
            let en = try Inputs.document(enPath), zh = try Inputs.document(zhPath)
            func kind(_ d: Document, _ b: Int) -> String {
                switch d.blocks[b] { case .code: return "code"; case .unit(let u): return d.units[u].kind.name + "\(d.units[u].kind.headingLevel ?? 0)" }
            }
            guard en.blocks.count == zh.blocks.count, (0..<en.blocks.count).allSatisfy({ kind(en, $0) == kind(zh, $0) }) else { continue }
            pairs += 1
            let paragraphs = (1..<max(1, en.blocks.count - 1)).filter { b in
                guard let u = en.unitIndex(block: b) else { return false }
                return en.units[u].kind == .paragraph && en.units[u].text.count > 60 && zh.unitIndex(block: b) != nil
            }
            guard paragraphs.count >= changes * 3 else { continue }
            var picked: [Int] = []
            while picked.count < changes {
                let b = paragraphs[rnd(paragraphs.count)]
                if picked.contains(where: { abs($0 - b) < 3 }) { continue }
                picked.append(b)
            }
            picked.sort()
            var edits: [(Range<Int>, [UInt8])] = []
            let zhLine = { (b: Int) -> Int in zh.units[zh.unitIndex(block: b)!].start.line }
            // A unit's lines taken out whole: its indentation (a list item's, an MkDocs note's)
            // and the line breaks after it, so that the lines after it keep theirs.
            func lines(_ u: BitextMarkdown.Unit) -> Range<Int> {
                let b = en.source.bytes
                var lo = u.byteRange.lowerBound, hi = u.byteRange.upperBound
                while lo > 0 && b[lo - 1] == 0x20 { lo -= 1 }
                if lo > 0 && b[lo - 1] != 0x0A { lo = u.byteRange.lowerBound }
                while hi < b.count && b[hi] == 0x0A { hi += 1 }
                return lo..<hi
            }
            for (n, b) in picked.enumerated() {
                let u = en.units[en.unitIndex(block: b)!]
                switch (n + rnd(4)) % 4 {
                case 0:  // edit: change some words
                    let text = u.string.replacingOccurrences(of: " the ", with: " this ", options: [], range: nil)
                    let changed = text == u.string ? u.string + " This sentence was added." : text + " Also see below."
                    edits.append((u.byteRange, Array(changed.utf8)))
                    expected.insert("\(zhPath):stale-translation:\(zhLine(b))")
                case 1:  // delete
                    edits.append((lines(u), []))
                    expected.insert("\(zhPath):orphaned-translation:\(zhLine(b))")
                case 2:  // insert a new paragraph after this one, as far indented (in an MkDocs note: in it)
                    let first = en.source.lineStarts[u.start.line - 1]
                    let indent = String(en.source.bytes[first...].prefix { $0 == 0x20 }.map { _ in Character(" ") })
                    edits.append((u.byteRange.upperBound..<u.byteRange.upperBound,
                                  Array("\n\n\(indent)A paragraph written after the translation was made, number \(n).".utf8)))
                    // Reported at the target unit after this block's translation.
                    if let next = (b + 1..<zh.blocks.count).compactMap({ zh.unitIndex(block: $0) }).first {
                        expected.insert("\(zhPath):untranslated-insertion:\(zh.units[next].start.line)")
                    }
                default:  // move it to the end of the document
                    edits.append((lines(u), []))
                    edits.append((en.source.bytes.count..<en.source.bytes.count, Array(("\n\n" + u.string + "\n").utf8)))
                    expected.insert("\(zhPath):stale-translation:\(zhLine(b))")
                }
            }
            var bytes = en.source.bytes
            for (r, rep) in edits.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) { bytes.replaceSubrange(r, with: rep) }
            let new = try Document(path: enPath + "(new)", bytes: bytes)
            let t0 = now()
            let ea = checker.analyze(en, toolkit: toolkit), za = checker.analyze(zh, toolkit: toolkit)
            let al = aligner.align(source: en, sourceAnalyses: ea, target: zh, targetAnalyses: za)
            for f in Drift.findings(oldSource: en, newSource: new, target: zh, alignment: al, settings: settings, messages: messages) {
                found.insert("\(zhPath):\(f.rule):\(f.span.start.line)")
            }
            elapsed += now() - t0
            cases += changes
        }
    }
    let tp = expected.intersection(found).count
    let precision = found.isEmpty ? 1 : Double(tp) / Double(found.count)
    let recall = expected.isEmpty ? 1 : Double(tp) / Double(expected.count)
    print("drift cases: \(pairs) pairs, \(cases) changes, \(expected.count) affected units expected, \(found.count) reported")
    print(String(format: "precision %.3f recall %.3f (%.3f s aligning and comparing)", precision, recall, elapsed))
    for miss in expected.subtracting(found).sorted() { print("missed: \(miss)") }
    for extra in found.subtracting(expected).sorted() { print("extra: \(extra)") }
}

let args = Array(CommandLine.arguments.dropFirst())
switch args.first {
case "drift": try driftEval(Array(args.dropFirst()))
case "sentences": try sentenceGold(Array(args.dropFirst()))
case "sentence-ablation": try sentenceAblation(Array(args.dropFirst()))
case "sentence-scale": try sentenceScale(Array(args.dropFirst()))
case "block-tree": try blockTree(Array(args.dropFirst()))
case "block-anchors": try blockAnchors(Array(args.dropFirst()))
case "lexicon": try lexiconFigures(Array(args.dropFirst()))
case "pipeline": try pipeline(Array(args.dropFirst()))
case "glossary": try glossaryCost(Array(args.dropFirst()))
default:
    print("usage: BitextBench pipeline DIR | glossary SOURCE_ROOT TARGET_ROOT | …")
    exit(2)
}
