import Foundation
import Testing
@testable import BitextAlign
@testable import BitextCheck
@testable import BitextMarkdown
@testable import BitextText

/// The block aligner's anchors: unique blocks that match with certainty pin the path, in a
/// monotonic chain, and never a pair that would cross the rest.
@Suite struct BlockAnchorTests {
    static func features(_ d: Document) throws -> [BlockFeatures] {
        let seg = try Segmenter(source: Harness.source, target: Harness.target)
        return BlockFeatures.of(d, analyses: d.units.map { seg.analyze($0) }, functionWords: Harness.source.functionWords)
    }

    static func anchors(_ s: Document, _ t: Document) throws -> [(source: Int, target: Int)] {
        BlockAligner().anchorPairs(source: try features(s), target: try features(t))
    }

    /// Every anchor is a one-to-one bead of the alignment, and the anchors increase on both sides.
    static func expectPinned(_ anchors: [(source: Int, target: Int)], _ al: Alignment, _ name: String) {
        for (a, b) in zip(anchors, anchors.dropFirst()) {
            #expect(a.source < b.source && a.target < b.target, "\(name): anchors not monotone")
        }
        for p in anchors {
            #expect(al.beads.contains { $0.source == [p.source] && $0.target == [p.target] }, "\(name): anchor \(p) is not a bead")
        }
    }

    /// Headings whose explicit ids occur once on each side, as block pairs.
    static func sameIDHeadings(_ s: Document, _ t: Document) -> [(Int, Int)] {
        func ids(_ d: Document) -> [String: [Int]] {
            var m: [String: [Int]] = [:]
            for (b, block) in d.blocks.enumerated() {
                guard case .unit(let u) = block, let id = d.headingID(u)?.id else { continue }
                m[id, default: []].append(b)
            }
            return m
        }
        let si = ids(s), ti = ids(t)
        var out: [(Int, Int)] = []
        for (id, bs) in si where bs.count == 1 {
            if let bt = ti[id], bt.count == 1 { out.append((bs[0], bt[0])) }
        }
        return out.sorted { $0.0 < $1.0 }
    }

    /// A real page whose English has a heading more than the Chinese at the same place: the
    /// headings that keep their explicit id pin the path, so each pairs with its own
    /// translation, not with the extra heading next to it.
    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func headingIDsPinTheAlignmentOfARealPage() throws {
        for page in ["antd/%@/components/date-picker/index.md", "react-dev/%@/reference/react/Fragment.md"] {
            let s = try Fixtures.document(Fixtures.corpus(String(format: page, "en"))!)
            let t = try Fixtures.document(Fixtures.corpus(String(format: page, "zh"))!)
            let anchors = try Self.anchors(s, t)
            let al = try AlignmentTests.align(s, t)
            Self.expectPinned(anchors, al, page)
            let headings = Self.sameIDHeadings(s, t)
            #expect(!headings.isEmpty)
            // Heading ids that do not cross one another are all anchors.
            let monotone = headings.filter { h in !headings.contains { ($0.0 < h.0) != ($0.1 < h.1) } }
            #expect(monotone.count >= 3, "\(page)")
            for h in monotone {
                #expect(anchors.contains { $0.source == h.0 && $0.target == h.1 }, "\(page): heading \(h) not pinned")
            }
        }
        // The long page of the block-tree benchmark in small: many anchors, the page cut into
        // small problems.
        let s = try Fixtures.document(Fixtures.corpus("antd/en/components/date-picker/index.md")!)
        let t = try Fixtures.document(Fixtures.corpus("antd/zh/components/date-picker/index.md")!)
        let anchors = try Self.anchors(s, t)
        #expect(anchors.count * 20 >= s.blocks.count, "\(anchors.count) anchors for \(s.blocks.count) blocks")
    }

    /// A passage the translation moved: its code block, identical on both sides, would pin the
    /// path where the translation put it and leave everything before it in the source, and
    /// everything after it in the translation, unmatched. The moved anchor is dropped and the
    /// paragraphs pair with their own translations.
    @Test func anAnchorOfAMovedPassageDoesNotPinThePath() throws {
        let english = ["Install the tool from the package registry.", "Open a terminal in the project folder.",
                       "Run the setup command once per machine.", "Answer the questions about your project.",
                       "Check that the settings file now exists.", "Commit the settings file with your code."]
        let chinese = ["从软件包仓库安装这个工具。", "在项目文件夹里打开终端。", "每台机器运行一次安装命令。",
                       "回答关于项目的几个问题。", "确认设置文件已经生成。", "把设置文件和代码一起提交。"]
        let code = "```\nbitext init --locale zh-Hans --glossary glossary/terms.tsv\n```"
        let source = "## Getting started\n\n" + english.joined(separator: "\n\n") + "\n\n" + code
            + "\n\nThe command above writes the file.\n\n## Next steps\n"
        let target = "## 入门\n\n" + code + "\n\n" + chinese.joined(separator: "\n\n")
            + "\n\n上面的命令会写出这个文件。\n\n## 下一步\n"
        let s = Fixtures.document(source), t = Fixtures.document(target)
        let anchors = try Self.anchors(s, t)
        #expect(!anchors.contains { $0.source == 7 && $0.target == 1 }, "\(anchors)")
        let al = try AlignmentTests.align(s, t)
        for k in 0..<6 {
            #expect(al.beads.contains { $0.source == [1 + k] && $0.target == [2 + k] }, "paragraph \(k + 1) not paired")
        }
    }

    /// An untranslated unit that differs from its original only in spaces is still an anchor.
    @Test(.enabled(if: Fixtures.shared != nil, Fixtures.sharedMissingMessage))
    func untranslatedUnitsMatchWhateverTheirSpaces() throws {
        let s = try Fixtures.document(Fixtures.corpus("react-dev/en/reference/react/Fragment.md")!)
        let t = try Fixtures.document(Fixtures.corpus("react-dev/zh/reference/react/Fragment.md")!)
        let sf = try Self.features(s), tf = try Self.features(t)
        let squeezed = { (k: String) in k.split(separator: " ").joined(separator: " ") }
        let pairs = BlockAligner().anchorPairs(source: sf, target: tf)
        let spaced = pairs.filter { sf[$0.source].key != tf[$0.target].key && sf[$0.source].key.count >= 40
            && squeezed(sf[$0.source].key) == squeezed(tf[$0.target].key) }
        #expect(!spaced.isEmpty)
    }

    static func page(_ headings: [(String, String?)], paragraphs: [String]) -> Document {
        var text = ""
        for (k, h) in headings.enumerated() {
            text += "## \(h.0)" + (h.1.map { " {#\($0)}" } ?? "") + "\n\n" + paragraphs[k] + "\n\n"
        }
        return Fixtures.document(text)
    }

    static let english: [(String, String?)] = [("Install the tool", "install"), ("Configure it", "configure"),
                                               ("Run the checks", "run"), ("Read the report", "report"),
                                               ("Fix what it finds", "fix"), ("Ask for help", "help")]
    static let chinese: [(String, String?)] = [("安装工具", "install"), ("配置", "configure"), ("运行检查", "run"),
                                               ("阅读报告", "report"), ("修正问题", "fix"), ("寻求帮助", "help")]
    static let englishText = ["First you install the tool with the package manager of your system.",
                              "Then you write a configuration file next to your documents.",
                              "The checks run over every file and print what they find.",
                              "The report lists each finding with its line and its rule.",
                              "Most findings come with a fix that you can apply at once.",
                              "Questions go to the forum where the maintainers answer them."]
    static let chineseText = ["首先用系统的包管理器安装这个工具。", "然后在文档旁边写一个配置文件。", "检查会遍历每个文件并输出发现的问题。",
                              "报告列出每个问题所在的行和规则。", "大多数问题都附有可以立即应用的修正。", "问题请发到论坛，维护者会在那里回答。"]

    /// A heading id the translation put on the wrong heading (far from its place) looks like a
    /// unique anchor but crosses the others: it is not taken, and that heading aligns by position.
    @Test func aNonMonotoneAnchorIsNotTaken() throws {
        var zh = Self.chinese
        // The translator copied the "configure" id onto the last heading and dropped its own.
        zh[1].1 = nil
        zh[5].1 = "configure"
        let s = Self.page(Self.english, paragraphs: Self.englishText)
        let t = Self.page(zh, paragraphs: Self.chineseText)
        let anchors = try Self.anchors(s, t)
        // Blocks: heading k is block 2k, its paragraph block 2k + 1.
        #expect(!anchors.contains { $0.source == 2 && $0.target == 10 }, "\(anchors)")
        #expect(anchors.contains { $0.source == 4 && $0.target == 4 } && anchors.contains { $0.source == 8 && $0.target == 8 })
        let al = try AlignmentTests.align(s, t)
        Self.expectPinned(anchors, al, "synthetic")
        #expect(al.beads.contains { $0.source == [2] && $0.target == [2] }, "\(al.beads.map { "\($0.source):\($0.target)" })")
        #expect(al.beads.contains { $0.source == [10] && $0.target == [10] })
    }

    /// Two headings swapped in the translation: either could be pinned with a chain as long, so
    /// neither is; the programme decides there, and the other anchors stay.
    @Test func anAmbiguousSwapPinsNeither() throws {
        var zh = Self.chinese
        zh[2].1 = "report"
        zh[3].1 = "run"
        let s = Self.page(Self.english, paragraphs: Self.englishText)
        let t = Self.page(zh, paragraphs: Self.chineseText)
        let anchors = try Self.anchors(s, t)
        #expect(!anchors.contains { $0.source == 4 || $0.source == 6 }, "\(anchors)")
        for k in [0, 1, 4, 5] { #expect(anchors.contains { $0.source == 2 * k && $0.target == 2 * k }, "\(k): \(anchors)") }
        let al = try AlignmentTests.align(s, t)
        Self.expectPinned(anchors, al, "swap")
    }

    /// The chain itself: the longest run increasing on both sides, and the ambiguity filter.
    @Test func longestIncreasingChain() {
        let a = BlockAligner()
        let pairs = [(0, 0), (1, 5), (2, 1), (3, 2), (4, 3), (5, 6)]
        let chain = a.longestIncreasing(pairs)
        #expect(chain.map { $0.0 } == [0, 2, 3, 4, 5])
        #expect(a.unambiguous(chain, among: pairs).map { $0.0 } == [0, 2, 3, 4, 5])
        // (1, 5) against (2, 1): one crossing each way, so a swap makes a chain as long.
        let swap = [(0, 0), (1, 2), (2, 1), (3, 3)]
        let c2 = a.longestIncreasing(swap)
        #expect(c2.count == 3)
        #expect(a.unambiguous(c2, among: swap).map { $0.0 } == [0, 3])
    }
}
