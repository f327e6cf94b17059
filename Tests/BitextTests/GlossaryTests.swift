import Foundation
import Testing
@testable import BitextCheck
@testable import BitextGlossary
@testable import BitextMarkdown
@testable import BitextText

@Suite struct GlossaryTests {

    static let genai = Fixtures.repoRoot.appendingPathComponent("glossary/genai.tsv").path

    /// Round 27: genai.tsv renders `GPU memory` as 显存 (or GPU 内存), not as the GPU it names.
    @Test func genaiGPUMemoryIsVRAM() throws {
        let tsv = try String(contentsOfFile: Self.genai, encoding: .utf8)
        let source = "Loading the model needs about 15 GB of GPU memory.\n"
        func missing(_ target: String) throws -> [String] {
            try Harness.findings(rule: GlossaryMissingRule(), target: target, source: source, glossary: tsv).map(\.message)
        }
        #expect(try missing("加载模型约需 15 GB 显存。\n").isEmpty)
        #expect(try missing("加载模型约需 15 GB GPU 内存。\n").isEmpty)
        #expect(try missing("加载模型约需 15 GB 内存。\n").count == 1)
    }

    // MARK: data

    @Test func tsvColumnsHeaderAndComments() throws {
        let g = try TSV.read("""
            # a comment

            target\tsource\tflags
            巨型语言模型\tLLM
            \tTransformer\tkeep-as-is
            """, file: "g.tsv")
        #expect(g.entries.count == 2)
        #expect(g.entries[0].source == "LLM" && g.entries[0].target == "巨型语言模型")
        #expect(g.entries[0].line == 4)
        #expect(g.entries[1].keepAsIs && g.entries[1].target == "Transformer")
    }

    @Test func omegaTGlossaryIsValid() throws {
        let g = try TSV.read("fine-tuning\t微调\tOmegaT comment\n", file: "omegat.txt")
        #expect(g.entries.first?.comment == "OmegaT comment")
    }

    @Test func malformedRowsNameTheLine() {
        #expect(throws: GlossaryError(file: "g.tsv", line: 2, message: "expected tab-separated columns (source, target, …); found no tab", id: "no-tab")) {
            try TSV.read("LLM\t巨型语言模型\nno tab here\n", file: "g.tsv")
        }
        #expect(throws: GlossaryError.self) { try TSV.read("LLM\t\n", file: "g.tsv") }
        #expect(throws: GlossaryError.self) { try TSV.read("LLM\tx\t\t\t\tshiny\n", file: "g.tsv") }
    }

    @Test func genaiGlossaryIsBigCleanAndSaysWhat() throws {
        let g = try Glossary.load(Self.genai)
        #expect(g.entries.count >= 150)
        let llm = g.entries.first { $0.source == "LLM" }
        #expect(llm?.target == "巨型语言模型")
        #expect(llm?.forbidden == ["大模型", "大语言模型"])
        #expect(GlossaryLint.check(g).isEmpty)
        for term in ["fine-tuning", "RLHF", "diffusion model", "tokenizer", "self-attention", "mixture of experts", "quantization"] {
            #expect(g.entries.contains { $0.source == term }, "\(term)")
        }
        #expect(try CLI.run(["glossary", "lint", Self.genai]).status == 0)
    }

    @Test func lintFindsContradictions() throws {
        let dir = TempDir()
        let f = dir.write("g.tsv", "LLM\t巨型语言模型\t\t大模型\nLLM\t大语言模型\nbig model\t大模型\nattention\t注意力\t\t关注||留意\n")
        let r = try CLI.run(["glossary", "lint", f.path])
        #expect(r.status == 1)
        #expect(r.stdout.contains("g.tsv:2: warning: 'LLM' → 大语言模型 here, but → 巨型语言模型 at g.tsv:1 [conflicting-target]"))
        #expect(r.stdout.contains("[forbidden-elsewhere-preferred]"))
        #expect(r.stdout.contains("g.tsv:4: warning: column 4 has an empty item"))
        let bad = dir.write("bad.tsv", "LLM\t巨型语言模型\nbroken row\n")
        let r2 = try CLI.run(["glossary", "lint", bad.path])
        #expect(r2.status == 2)
        #expect(r2.stderr.contains("bad.tsv:2:"))
    }

    @Test func tbxRoundTripKeepsTheGlossary() throws {
        let g = try Glossary.load(Self.genai)
        let tbx = TBX.write(g)
        let back = try TSV.read(TSV.write(try TBX.read(tbx, file: "x.tbx")), file: "x.tsv")
        #expect(back.entries.count == g.entries.count)
        for (a, b) in zip(g.entries, back.entries) { #expect(a.sameTerm(as: b), "\(a.source)") }
        // Through the command line, files on disk.
        let dir = TempDir()
        #expect(try CLI.run(["glossary", "convert", Self.genai, "-o", dir.path("g.tbx")]).status == 0)
        #expect(try CLI.run(["glossary", "convert", dir.path("g.tbx"), "-o", dir.path("g.tsv")]).status == 0)
        let again = try Glossary.load(dir.path("g.tsv"))
        #expect(zip(g.entries, again.entries).allSatisfy { $0.sameTerm(as: $1) } && again.entries.count == g.entries.count)
    }

    @Test func tbxVersionTwoAndDeprecatedTerms() throws {
        let martif = """
            <?xml version="1.0"?>
            <martif type="TBX-Basic" xml:lang="en"><martifHeader/><text><body>
              <termEntry id="t1">
                <descrip type="definition">A model with billions of parameters</descrip>
                <langSet xml:lang="en"><tig><term>LLM</term></tig></langSet>
                <langSet xml:lang="zh-CN">
                  <tig><term>巨型语言模型</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
                  <ntig><termGrp><term>大模型</term></termGrp><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></ntig>
                  <tig><term>巨型模型</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
                </langSet>
              </termEntry>
            </body></text></martif>
            """
        let g = try TBX.read(martif, file: "v2.tbx")
        #expect(g.entries.count == 1)
        #expect(g.entries[0].target == "巨型语言模型")
        #expect(g.entries[0].forbidden == ["大模型"])
        #expect(g.entries[0].alternatives == ["巨型模型"])
        #expect(g.entries[0].comment == "A model with billions of parameters")
        #expect(throws: GlossaryError.self) { try TBX.read("<tbx><unclosed", file: "bad.tbx") }
    }

    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func teamTermbasesImport() throws {
        let vue = try Glossary.load(Fixtures.corpus("vue-docs/termbase/terminology.md")!.path)
        let swift = try Glossary.load(Fixtures.corpus("swift-book/termbase/terminology.md")!.path)
        #expect(vue.entries.count >= 60)
        #expect(swift.entries.count >= 80)
        // `_不翻译_` means the term stays in English.
        #expect(vue.entries.first { $0.source == "getter" }?.keepAsIs == true)
        #expect(vue.entries.first { $0.source == "directive" }?.target == "指令")
    }

    // MARK: matching

    static func index(_ tsv: String) throws -> GlossaryIndex { GlossaryIndex(try TSV.read(tsv, file: "g.tsv")) }

    static func sourceTerms(_ index: GlossaryIndex, _ text: String) throws -> [String] {
        let doc = Fixtures.document(text)
        let seg = try Segmenter(source: Harness.source, target: Harness.target)
        return doc.units.flatMap { u in index.sourceHits(text: u.text, words: seg.analyze(u).words).map { u.string($0.range) } }
    }

    static func targetTerms(_ index: GlossaryIndex, _ text: String) -> [String] {
        let doc = Fixtures.document(text)
        return doc.units.flatMap { u in index.targetHits(text: u.text, roles: u.roles).map { "\(u.string($0.range))→\(index.glossary.entries[$0.entry].source)" } }
    }

    @Test func englishInflectionsCaseAndLineBreaks() throws {
        let g = try Self.index("LLM\t巨型语言模型\nfine-tune\t微调\nmixture of experts\t混合专家\nattention head\t注意力头\n")
        #expect(try Self.sourceTerms(g, "LLMs and an LLM, but not llm or LLMS.") == ["LLMs", "LLM"])
        #expect(try Self.sourceTerms(g, "We fine-tuned it; fine-tuning helps; finetuning too; Fine-Tunes.")
                == ["fine-tuned", "fine-tuning", "finetuning", "Fine-Tunes"])
        #expect(try Self.sourceTerms(g, "A mixture of\nexperts model, and Mixture-of-Experts.") == ["mixture of\nexperts", "Mixture-of-Experts"])
        #expect(try Self.sourceTerms(g, "Each attention head, and attention heads.") == ["attention head", "attention heads"])
    }

    @Test func englishLongestMatchFirstAndNothingInCode() throws {
        let g = try Self.index("model\t模型\nlanguage model\t语言模型\nlarge language model\t巨型语言模型\n")
        #expect(try Self.sourceTerms(g, "A large language model is a language model, a model.") == ["large language model", "language model", "model"])
        #expect(try Self.sourceTerms(g, "Call `model.fit()` or see [here](https://x.com/model).") == [])
    }

    @Test func chineseLeftmostLongest() throws {
        let g = try Self.index("model\t模型\nlanguage model\t语言模型\nlarge language model\t巨型语言模型\n")
        #expect(Self.targetTerms(g, "巨型语言模型是一种语言模型，也是模型。") == ["巨型语言模型→large language model", "语言模型→language model", "模型→model"])
        #expect(Self.targetTerms(g, "**巨型**语言模型") == ["巨型**语言模型→large language model"])
        #expect(Self.targetTerms(g, "用 `模型` 代码") == [])
    }

    @Test func forbiddenNeedsWordBoundariesAndIgnoresQuotedMentions() throws {
        let tsv = "LLM\t巨型语言模型\t\t大模型|大语言模型\n"
        func forbidden(_ text: String) throws -> [String] {
            try Harness.findings(rule: GlossaryForbiddenRule(), target: text, glossary: tsv).map(\.text)
        }
        #expect(try forbidden("大模型时代来了。") == ["大模型"])
        #expect(try forbidden("这是巨大模型。") == [])
        #expect(try forbidden("媒体喜欢说\"大模型\"，也说“大语言模型”。") == [])
        #expect(try forbidden("训练大语言模型的成本。") == ["大语言模型"])
    }

    /// A variant met several times on one line is one finding there, which says how many times
    /// and whose fix replaces each (`--fix` leaves none); on another line it is a finding of its own.
    @Test func forbiddenVariantRepeatedOnALineIsOneFinding() throws {
        let tsv = "LLM\t巨型语言模型\t\t大模型\n"
        let text = "大模型很强，大模型也很贵，可大模型还在变。\n\n明年的大模型更大。\n"
        let f = try Harness.findings(rule: GlossaryForbiddenRule(), target: text, glossary: tsv)
        #expect(f.map(\.span.start.line) == [1, 3])
        #expect(f.first?.message.contains("3 times on this line") == true)
        #expect(f.first?.text == "大模型")
        #expect(f.first?.fix?.also.map(\.start.column) == [7, 15])
        #expect(f.last?.fix?.also == [])
        #expect(f.last?.message.contains("times") == false)
        let dir = TempDir()
        dir.write("g.tsv", tsv)
        dir.write("a.md", text)
        let r = try CLI.run(["check", dir.path("a.md"), "--glossary", dir.path("g.tsv"), "--no-config", "--fix"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(dir.read("a.md") == "巨型语言模型很强，巨型语言模型也很贵，可巨型语言模型还在变。\n\n明年的巨型语言模型更大。\n")
        // JSON: the further places with the fix.
        dir.write("a.md", text)
        let j = try CLI.run(["check", dir.path("a.md"), "--glossary", dir.path("g.tsv"), "--no-config", "--format", "json"])
        let first = ((j.json as? [String: Any])?["findings"] as? [[String: Any]])?.first { $0["rule"] as? String == "glossary-forbidden" }
        let also = ((first?["fix"] as? [String: Any])?["also"] as? [[String: Any]])?.compactMap { $0["column"] as? Int }
        #expect(also == [7, 15])
    }

    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func seedLineThreeMentionIsNotAUse() throws {
        let r = try CLI.run(["check", Fixtures.corpus("genai-handbook/zh/intro.md")!.path, "--glossary", Self.genai, "--format", "json"])
        let f = ((r.json as? [String: Any])?["findings"] as? [[String: Any]]) ?? []
        #expect(!f.contains { $0["rule"] as? String == "glossary-forbidden" })
        // The same paragraph with the quotes taken away does use the forbidden term.
        let dir = TempDir()
        let used = dir.write("a.md", "当下国内特别喜欢大模型这些媒体用语。\n")
        let r2 = try CLI.run(["check", used.path, "--glossary", Self.genai, "--format", "json"])
        let f2 = ((r2.json as? [String: Any])?["findings"] as? [[String: Any]]) ?? []
        #expect(f2.contains { $0["rule"] as? String == "glossary-forbidden" && $0["text"] as? String == "大模型" })
        #expect(r2.status == 1)
    }

    @Test func glossaryMissingAcceptsAnyRendering() throws {
        let tsv = "LLM\t巨型语言模型\t\t大模型\nlarge language model\t巨型语言模型\nTransformer\t\t\t\t\tkeep-as-is\n"
        func missing(_ source: String, _ target: String) throws -> [String] {
            try Harness.findings(rule: GlossaryMissingRule(), target: target, source: source, glossary: tsv).map(\.message)
        }
        #expect(try missing("Large language models are big.\n", "巨型语言模型很大。\n").isEmpty)
        #expect(try missing("LLMs are big.\n", "巨型语言模型（LLM）很大。\n").isEmpty)
        #expect(try missing("The Transformer is an architecture.\n", "Transformer 是一种架构。\n").isEmpty)
        #expect(try missing("The Transformer is an architecture.\n", "变换器是一种架构。\n").count == 1)
        let m = try missing("LLMs are big.\n", "这些模型很大。\n")
        #expect(m == ["the source says “LLM”: use 巨型语言模型 here (glossary: test.tsv:1)"])
    }

    @Test func copiedLabelMarking() throws {
        func marking(_ s: String, _ label: String) throws -> GlossaryMissingRule.Marking {
            let u = try #require(Document(SourceText(path: "a.md", text: s)).units.first)
            let l = Array(label.unicodeScalars.map(\.value))
            let i = try #require((0...(u.text.count - l.count)).first { Array(u.text[$0..<($0 + l.count)]) == l })
            return GlossaryMissingRule.marking(u.text, u.roles, i, i + l.count, quotes: [(0x201C, 0x201D), (0x22, 0x22)])
        }
        #expect(try marking("Choose **Buckets**.\n", "Buckets") == .emphasis)
        #expect(try marking("Choose **Buckets.**\n", "Buckets") == .emphasis)
        #expect(try marking("Choose “Buckets”.\n", "Buckets") == .quoted)
        #expect(try marking("Choose [Buckets](b.md).\n", "Buckets") == .linkText)
        #expect(try marking("Choose Buckets.\n", "Buckets") == .none)
        // A word inside a longer bold label is not set off on its own.
        #expect(try marking("Choose **Create bucket**.\n", "bucket") == .none)
    }

    @Test func edEntryMetInAnotherForm() throws {
        func other(_ source: String, _ term: String) throws -> String? {
            let u = try #require(Document(SourceText(path: "a.md", text: source)).units.first)
            return GlossaryMissingRule.otherFormOfEdEntry(TermHit(entry: 0, form: .source, range: 0..<u.text.count, term: term), term, u)
        }
        #expect(try other("rank", "ranked") == "rank")
        #expect(try other("ranks", "ranked") == "ranks")
        #expect(try other("Ranked", "ranked") == nil)
        #expect(try other("managed service", "managed service") == nil)
        #expect(try other("manage service", "managed service") == "manage")
        // Entries not in an -ed form are matched by any form, as before.
        #expect(try other("models", "model") == nil)
    }
}

@Suite struct ProjectGlossaryTests {
    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func suggestFindsTheVueTerms() throws {
        let r = try CLI.run(["glossary", "suggest", "--source-root", Fixtures.corpus("vue-docs/en")!.path,
                             "--target-root", Fixtures.corpus("vue-docs/zh")!.path, "--no-config", "--limit", "40"])
        #expect(r.status == 0)
        let rows = r.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let pairs = Set(rows.map { "\($0[0])→\($0[1])" })
        for expected in ["component→组件", "template→模板", "slot→插槽", "computed→计算属性"] {
            #expect(pairs.contains(expected), "\(expected) not in \(pairs.sorted())")
        }
        #expect(rows.contains { $0[0] == "props" && $0.last == "keep-as-is" })
        // Rows paste into a glossary as they are.
        let dir = TempDir()
        dir.write("s.tsv", r.stdout)
        #expect(try CLI.run(["glossary", "lint", dir.path("s.tsv")]).status != 2)
    }

    @Test func suggestNamesPlacesFromTheRootOnAnyNumberOfThreads() throws {
        let dir = TempDir()
        for d in ["a", "b"] {
            var en = "", zh = ""
            for i in 1...3 { en += "The scheduler starts now.\n\nThe scheduler runs task \(i).\n\n"; zh += "调度器现在启动。\n\n调度器运行任务 \(i)。\n\n" }
            dir.write("en/\(d)/index.md", en)
            dir.write("zh/\(d)/index.md", zh)
        }
        let args = ["glossary", "suggest", "--source-root", dir.path("en"), "--target-root", dir.path("zh"), "--no-config", "--min-count", "2"]
        let one = try CLI.run(args + ["--jobs", "1"]), two = try CLI.run(args + ["--jobs", "2"])
        #expect(one.status == 0)
        #expect(one.stdout == two.stdout)
        let row = one.stdout.split(separator: "\n").first { $0.hasPrefix("scheduler\t") }
        // Both files are index.md: a place says which one.
        #expect(row?.hasSuffix("rendered so in 12 of 12 units, Dice 1.00 (a/index.md:1, a/index.md:3, a/index.md:5)") == true, "\(row ?? "")")
        let zh = try CLI.run(args, env: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.stdout.contains("12 个单元中有 12 个这样译，Dice 1.00（a/index.md:1"))
    }

    @Test func inconsistentRenderingsAcrossFiles() throws {
        let dir = TempDir()
        let pairs = [
            ("The scheduler starts when the application loads.", "应用加载时，调度器启动。"),
            ("Each task waits in a queue until the scheduler picks it.", "每个任务在队列中等待，直到调度器选中它。"),
            ("You can pause the scheduler from the settings page.", "你可以在设置页面暂停调度器。"),
            ("The scheduler logs every decision to a file.", "调度器把每个决定写入日志文件。"),
            ("Workers report their load back to the scheduler.", "工作进程把负载汇报给调度器。"),
            ("A second scheduler may run on another machine.", "另一台机器上可以运行第二个排程器。"),
            ("When the scheduler crashes, tasks are retried.", "排程器崩溃时，任务会重试。"),
            ("Tune the scheduler with these three options.", "用这三个选项调整排程器。"),
        ]
        var en = "# Guide\n\n", zh = "# 指南\n\n"
        for (e, z) in pairs { en += e + "\n\n"; zh += z + "\n\n" }
        dir.write("en/a.md", en)
        dir.write("zh/a.md", zh)
        let r = try CLI.run(["check", "--source-root", dir.path("en"), "--target-root", dir.path("zh"), "--no-config", "--format", "json"])
        let f = ((r.json as? [String: Any])?["findings"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == "glossary-inconsistent" }
        #expect(f.count == 1)
        #expect(f.first?["text"] as? String == "排程器")
        #expect((f.first?["message"] as? String)?.contains("调度器 (5×), 排程器 (3×)") == true)
    }

    /// Runs a bilingual check of one file pair and returns the glossary-inconsistent findings.
    static func inconsistent(_ pairs: [(String, String)], glossary: String? = nil) throws -> [[String: Any]] {
        let dir = TempDir()
        var en = "# Guide\n\n", zh = "# 指南\n\n"
        for (e, z) in pairs { en += e + "\n\n"; zh += z + "\n\n" }
        dir.write("en/a.md", en)
        dir.write("zh/a.md", zh)
        var args = ["check", "--source-root", dir.path("en"), "--target-root", dir.path("zh"), "--no-config", "--format", "json"]
        if let glossary { dir.write("g.tsv", glossary); args += ["--glossary", dir.path("g.tsv")] }
        let r = try CLI.run(args)
        return ((r.json as? [String: Any])?["findings"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == "glossary-inconsistent" }
    }

    /// 渲染树 and 组件树 render "render tree" and "component tree": the lexicon reads 渲染 as
    /// *render*, which the source says beside "tree", so neither is a variant of "tree".
    @Test func renderingsOfLongerPhrasesAreNoVariants() throws {
        let pairs = [
            ("The render tree is rebuilt after every change.", "每次变更后，渲染树都会重建。"),
            ("Each node of the render tree holds its layout.", "渲染树的每个节点保存自己的布局。"),
            ("React walks the render tree from the top.", "React 从顶部遍历渲染树。"),
            ("A deep render tree takes longer to walk.", "很深的渲染树需要更久才能遍历完。"),
            ("The component tree mirrors your files.", "组件树对应你的文件。"),
            ("Move state up the component tree when two children share it.", "两个子组件共用状态时，把状态沿组件树上移。"),
            ("Draw the component tree before you write code.", "写代码之前先画出组件树。"),
            ("A wide component tree is easy to read.", "很宽的组件树容易阅读。"),
        ]
        #expect(try Self.inconsistent(pairs).isEmpty)
    }

    /// "code" inside the glossary's "recovery code" is that term, rendered 恢复码 as the glossary
    /// says: those places are no rendering of "code" beside the 验证码 of "six-digit code".
    @Test func aWordInsideAGlossaryTermIsThatTerm() throws {
        let pairs = [
            ("Keep your recovery code in a safe place.", "把恢复码保存在安全的地方。"),
            ("Each recovery code works once.", "每个恢复码只能用一次。"),
            ("Print the recovery code now.", "现在打印恢复码。"),
            ("Lost the recovery code? Ask an admin.", "恢复码丢了？请联系管理员。"),
            ("Enter the six-digit code from the app.", "输入应用里的六位验证码。"),
            ("The six-digit code expires soon.", "六位验证码很快就会过期。"),
            ("Type the six-digit code again.", "再次输入六位验证码。"),
            ("A new six-digit code appears every minute.", "每分钟都会出现新的六位验证码。"),
        ]
        let glossary = "recovery code\t恢复码\t\t找回码\n"
        #expect(try Self.inconsistent(pairs, glossary: glossary).isEmpty)
    }

    /// 工作池 goes with "worker pool" wherever it is, and with "queue" only where the source
    /// names both: the rendering of the other term, met beside this one, no variant of 队列. A
    /// variant that goes with the term more than with its neighbour (队伍, beside "worker pool"
    /// once) is one.
    @Test func aRenderingOfAnotherSourceTermIsNoVariant() throws {
        let common = [
            ("Jobs wait in the queue.", "任务在队列中等待。"),
            ("The queue is stored on disk.", "队列保存在磁盘上。"),
            ("Clear the queue before you restart.", "重启前先清空队列。"),
            ("A long queue slows the site down.", "很长的队列会拖慢网站。"),
            ("Each queue has a name.", "每个队列都有名字。"),
        ]
        let neighbour = common + [
            ("The queue feeds the worker pool.", "工作池从这里取任务。"),
            ("Watch the queue and the worker pool together.", "同时留意工作池。"),
            ("When the queue is empty, the worker pool sleeps.", "没有任务时，工作池会休眠。"),
            ("The worker pool has eight threads.", "工作池有八个线程。"),
            ("Resize the worker pool at night.", "夜里调整工作池的大小。"),
        ]
        let silent = try Self.inconsistent(neighbour)
        #expect(silent.isEmpty, "\(silent.map { $0["message"] ?? "" })")
        let variant = common + [
            ("The queue feeds the worker pool.", "队伍为工作池供给任务。"),
            ("Watch the queue at night.", "夜里留意队伍。"),
            ("When the queue is empty, nothing runs.", "队伍为空时什么也不运行。"),
            ("The worker pool has eight threads.", "工作池有八个线程。"),
            ("Resize the worker pool at night.", "夜里调整工作池的大小。"),
        ]
        let caught = try Self.inconsistent(variant)
        #expect(caught.count == 1)
        #expect((caught.first?["message"] as? String)?.contains("队列 (5×), 队伍 (3×)") == true)
    }

    /// A word the translation keeps in English is a rendering of a term only if it is one of the
    /// term's words: `byte` kept where the source speaks of the cache's size says nothing about
    /// how "cache" is translated (it was reported as "cache (3×)" beside 缓存).
    @Test func aKeptWordOfAnotherTermIsNoVariant() throws {
        let pairs = [
            ("The cache is cleared at midnight.", "缓存在午夜清空。"),
            ("Each cache lives in memory.", "每个缓存都在内存里。"),
            ("A warm cache answers quickly.", "预热过的缓存响应很快。"),
            ("Turn the cache off while testing.", "测试时关掉缓存。"),
            ("The cache keeps recent pages.", "缓存保存最近的页面。"),
            ("The cache size is counted in bytes.", "大小以 byte 计。"),
            ("The cache limit is ten bytes per key.", "每个键最多十个 byte。"),
            ("Read the cache stats in bytes.", "统计以 byte 为单位。"),
        ]
        let found = try Self.inconsistent(pairs)
        #expect(found.isEmpty, "\(found.map { $0["message"] ?? "" })")
        // Kept as the term itself, it is a variant.
        let kept = Array(pairs.prefix(5)) + [
            ("The cache size is counted in pages.", "cache 的大小以页计。"),
            ("The cache limit is ten pages per key.", "每个键的 cache 最多十页。"),
            ("Read the cache stats at night.", "夜里读取 cache 的统计。"),
        ]
        let caught = try Self.inconsistent(kept)
        #expect(caught.count == 1)
        #expect((caught.first?["message"] as? String)?.contains("缓存 (4×), cache (3×)") == true)
    }

    /// 示例 of 示例表 renders "sample" in "sample table", where 表 (*table*) renders the term: the
    /// neighbour's rendering, no variant of the 表格 the translation writes for "table" alone.
    @Test func aNeighboursRenderingBesideTheTermsOwnWordIsNoVariant() throws {
        let pairs = [
            ("## The sample table", "## 示例表"),
            ("All examples use a small table with eight rows.", "所有示例都使用一张只有八行的小表。"),
            ("Go back to the sample table when in doubt.", "有疑问时回到示例表。"),
            ("The table is aligned.", "表格已对齐。"),
            ("Each table is sorted.", "每个表格都已排序。"),
            ("Every table has a header.", "每个表格都有表头。"),
            ("A table can be long.", "表格可以很长。"),
            ("Print the table at the end.", "最后打印表格。"),
        ]
        let found = try Self.inconsistent(pairs)
        #expect(found.isEmpty, "\(found.map { $0["message"] ?? "" })")
    }

    /// `Table` kept in English and written as a name (a component) is not a variant of the
    /// common noun the translation renders 表格.
    @Test func aWordKeptAsANameIsNoVariantOfTheCommonNoun() throws {
        let pairs = [
            ("The Table component sorts its rows.", "Table 组件会给行排序。"),
            ("Give the Table component a key for each row.", "给 Table 组件的每一行一个 key。"),
            ("The Table component pages long data.", "Table 组件会给很长的数据分页。"),
            ("Put the numbers in a table.", "把数字放进表格。"),
            ("A table is easier to compare than a list.", "表格比列表更容易比较。"),
            ("Each table needs a caption.", "每个表格都需要标题。"),
            ("Read the table from left to right.", "从左往右读这个表格。"),
            ("The last table sums every column.", "最后一个表格对每一列求和。"),
        ]
        let found = try Self.inconsistent(pairs)
        #expect(found.isEmpty, "\(found.map { $0["message"] ?? "" })")
    }

    /// "file" kept inside menu paths the translation writes as the screen shows them (`**Tools >
    /// Open file location**`) is part of a name: those sentences say nothing about how the word is
    /// translated (neither `file` nor the UI verb beside it is a variant of 文件).
    @Test func aWordOfAKeptMenuPathIsNoRendering() throws {
        let pairs = [
            ("Choose **Tools > Open file location** to see it.", "选择 **Tools > Open file location** 查看它。"),
            ("Choose **Edit > Copy file path** to share it.", "选择 **Edit > Copy file path** 分享它。"),
            ("Choose **View > Show file size** to compare them.", "选择 **View > Show file size** 比较它们。"),
            ("Each file is saved next to the project.", "每个文件都保存在项目旁边。"),
            ("A large file takes longer to open.", "大文件打开得更慢。"),
            ("Rename the file before you share it.", "分享之前先给文件改名。"),
            ("The file list shows the newest first.", "文件列表先显示最新的。"),
            ("Delete a file you no longer need.", "删除不再需要的文件。"),
            ("Every file has an owner.", "每个文件都有一个所有者。"),
            ("Copy the file to a second disk.", "把文件复制到第二块磁盘。"),
            ("A locked file cannot be edited.", "被锁定的文件无法编辑。"),
        ]
        let found = try Self.inconsistent(pairs)
        #expect(found.isEmpty, "\(found.map { $0["message"] ?? "" })")
    }

    /// Han n-grams begin and end where both ICU's dictionary and the lexicon end words: ICU
    /// reads 递归函数 as 递 | 归 | 函数, the lexicon as 递归 | 函数, and 归函数 is no n-gram.
    @Test func hanPiecesEndWhereBothDictionariesEndWords() throws {
        let lexicon = try #require(Lexicon.shared)
        let text = "递归函数".unicodeScalars.map(\.value)
        let words = [0..<1, 1..<2, 2..<4].map { Word(range: $0, kind: .han) }
        var pieces: [Range<Int>] = []
        TermMiner.pieces(of: words, in: text, lexicon: lexicon, into: &pieces)
        #expect(pieces == [0..<2, 2..<4])
        TermMiner.pieces(of: words, in: text, lexicon: nil, into: &pieces)
        #expect(pieces == [0..<1, 1..<2, 2..<4])
    }
}
