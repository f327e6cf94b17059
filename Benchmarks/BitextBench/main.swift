// bitext's benchmarks. Each prints its figures; see Benchmarks/README.md.
//
//   BitextBench pipeline DIR [--runs N]   units + segmentation vs the cmark-gfm command line
//
import BitextCheck
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

let args = Array(CommandLine.arguments.dropFirst())
switch args.first {
case "pipeline": try pipeline(Array(args.dropFirst()))
default:
    print("usage: BitextBench pipeline DIR | …")
    exit(2)
}
