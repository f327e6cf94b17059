import Testing
import Foundation
@testable import BitextCheck
import BitextText
import BitextMarkdown

/// Text the translation dropped: a footnote's reference, a sentence merged into a 2:1 bead.
@Suite struct DroppedTextTests {
    /// A block the translation wrote right under an HTML line, with no blank line between, is in
    /// the HTML block (CommonMark shows it raw): said so at the HTML block, once, with the line to
    /// add a blank line after; the lines of that kind, not others, count.
    @Test func blockSwallowedByAnHTMLBlock() throws {
        let source = "# Steps\n\nOpen the tool.\n\n<p align=\"center\"><img src=\"a.png\"></p>\n\n## Pick\n\nPick a file and press the button.\n\n## Save\n\nSave it to disk before you quit the tool.\n"
        let swallowed = "# 步骤\n\n打开工具。\n\n<p align=\"center\"><img src=\"a.png\"></p>\n## 选择\n选择一个文件，然后按下按钮。\n## 保存\n退出工具前把它保存到磁盘。\n"
        let found = try Harness.findings(rule: MissingTranslationRule(), target: swallowed, source: source)
        #expect(found.count == 1)
        #expect(found.first?.span.start.line == 6)
        #expect(found.first?.message.contains("add a blank line after line 5") == true)
        // With the blank lines, headings again: nothing missing.
        let fixed = swallowed.replacingOccurrences(of: "\n## ", with: "\n\n## ").replacingOccurrences(of: "\n选择", with: "\n\n选择")
            .replacingOccurrences(of: "\n退出", with: "\n\n退出")
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: fixed, source: source).isEmpty)
        let d = Document(SourceText(path: "t.md", text: "<p>\nText <b>x</b> here\n# not after a tag end\n</p>\n"))
        #expect(MissingTranslationRule.swallowedLines(d, 0).isEmpty)
        let e = Document(SourceText(path: "t.md", text: "<div>\n### Title\n```sh\n</div>\n"))
        #expect(MissingTranslationRule.swallowedLines(e, 0).map(\.line) == [2])
    }

    /// Two sentences the translation joins with `，`, their code spans (UI labels) localised: the
    /// second one's code is in the joined sentence, one span more than its partner's source, so
    /// it is merged, not dropped (held-out 265/129). Without its span there, it is dropped.
    @Test func sentenceWhoseLocalisedCodeIsInItsNeighbour() throws {
        let source = "# Limits\n\n`Batch Size` sets how many files the reader takes in at once. `Retry Count` controls how often a failed request is sent again. Both default to 3.\n"
        let joined = "# 限制\n\n`批大小` 设置读取器一次读入的文件数，`重试次数` 控制失败请求重新发送的次数。两者默认均为 3。\n"
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: joined, source: source).isEmpty)
        let dropped = "# 限制\n\n`批大小` 设置读取器一次读入的文件数。两者默认均为 3。\n"
        let found = try Harness.findings(rule: MissingTranslationRule(), target: dropped, source: source)
        #expect(found.count == 1, "\(found.map(\.message))")
        #expect(found.first?.message.contains("Retry Count") == true)
    }

    /// A source list item whose last line runs on lazily (no blank line before it) and that the
    /// translation makes a paragraph of its own: the block aligner gives that paragraph to the
    /// next source block (a bead of one source block and two target blocks), so the sentence is
    /// beside a target block it may be, not dropped (held-out 57/126, 46/114). Without that
    /// paragraph it is dropped.
    @Test func lazyLineTheTranslationMakesAParagraph() throws {
        let source = "# Results\n\nThe meanings of the fields are as follows:\n\n- `path`: the path of the input file that was read.\n- `score`: the confidence of the predicted class for the file.\n- `label`: the name of the predicted class for the file.\nThe visualized result image is as follows:\n\n<img src=\"result.png\">\n\nThe methods, parameters and so on are explained as follows:\n"
        let paragraph = "# 结果\n\n字段含义如下：\n\n- `path`：读入的输入文件的路径。\n- `score`：该文件预测类别的置信度。\n- `label`：该文件预测类别的名称。\n\n可视化结果图如下：\n\n<img src=\"result.png\">\n\n相关方法、参数等说明如下：\n"
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: paragraph, source: source).isEmpty)
        let dropped = paragraph.replacingOccurrences(of: "可视化结果图如下：\n\n", with: "")
        let found = try Harness.findings(rule: MissingTranslationRule(), target: dropped, source: source)
        #expect(found.count == 1, "\(found.map(\.message))")
        #expect(found.first?.message.contains("visualized result image") == true)
    }

    @Test func footnoteDefinitionLabels() {
        #expect(FootnoteReferences.definitionLabel("[^2]: The note.") == "2")
        #expect(FootnoteReferences.definitionLabel("   [^cost-a]: 在预发布集群上测得。") == "cost-a")
        #expect(FootnoteReferences.definitionLabel("[^x]:") == "x")
        // Four spaces in is code; a reference inside text, or no colon, defines nothing.
        #expect(FootnoteReferences.definitionLabel("    [^2]: The note.") == nil)
        #expect(FootnoteReferences.definitionLabel("See [^2]: the note.") == nil)
        #expect(FootnoteReferences.definitionLabel("[^2] is cited here.") == nil)
        #expect(FootnoteReferences.definitionLabel("[^a b]: two words") == nil)
        #expect(FootnoteReferences.definitionLabel("[^]: empty") == nil)
    }

    static func merged(anchors: Int, found: Int, carried: Int = 0, partner: (Int, Int) = (0, 0)) -> LoneSentence {
        var s = LoneSentence(bead: 0, sentenceBead: 0, unit: 0, range: 0..<10, isFirst: false, isLast: false, words: 6,
                             blockPaired: true, stems: 1, covered: 0, othersShare: 0.9, anchors: anchors, anchorsFound: found,
                             carried: carried, besideUnpairedTarget: false)
        s.merged = true
        s.partnerAnchors = partner.0
        s.partnerFound = partner.1
        return s
    }

    /// In a 2:1 bead only signs decide: a sentence without numbers or code with a sign is not
    /// dropped however few of its words the paragraph translates; one whose signs are all
    /// absent is, unless its partner's anchors are absent too (then the target sentence may be
    /// neither's translation) or another anchor of it is there.
    @Test func mergedSentenceNeedsAbsentSigns() {
        #expect(Self.merged(anchors: 1, found: 0).isDropped)
        #expect(Self.merged(anchors: 1, found: 0, partner: (2, 1)).isDropped)
        #expect(!Self.merged(anchors: 0, found: 0).isDropped)
        #expect(!Self.merged(anchors: 2, found: 1, carried: 1).isDropped)
        #expect(!Self.merged(anchors: 1, found: 0, carried: 1).isDropped)
        #expect(!Self.merged(anchors: 1, found: 0, partner: (2, 0)).isDropped)
        var short = Self.merged(anchors: 1, found: 0)
        short.words = 4
        #expect(!short.isDropped)
    }

    /// A name dropped from a list of names the translation keeps, at the kept name after it; a
    /// name written in Chinese is still an item. The items are counted by the locales'
    /// `listSeparators` (zh-Hant's 與 too; a word only as a word: not the `and` of `Anderson`).
    @Test func nameDroppedFromAKeptList() throws {
        let source = "Thanks to Ana Lima, Jon Berg, Kofi Mensah and Lena Vogt for their reviews.\n"
        let found = try Harness.findings(rule: MissingTranslationRule(), target: "感谢 Ana Lima、Kofi Mensah 和 Lena Vogt 的审阅。\n", source: source)
        #expect(found.count == 1 && found.first?.message.contains("Jon Berg") == true, "\(found.map(\.message))")
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: "感谢 Ana Lima、Jon Berg、柯菲和 Lena Vogt 的审阅。\n", source: source).isEmpty)
        let hant = try LocaleData.load("zh-Hant").listSeparators + Harness.source.listSeparators
        #expect(DroppedNames.separators("Ana Lima、Jon Berg、柯菲與 Lena Vogt", hant) == 3)
        #expect(DroppedNames.separators("Anderson and Brand, Sandy & Co", Harness.source.listSeparators) == 3)
    }

    /// Review 28 D7: three names need one comma (the trigger asked for two), and two names
    /// joined by `and` are a list too. A name beyond the first or last kept one is dropped when
    /// no separator touches the kept name on that side (either side, for a lone kept name: the
    /// translation may put the names in another order); a name one of whose own words the
    /// translation writes is written another way; `Name, Title` is no list.
    @Test func nameDroppedFromAShortList() throws {
        func found(_ source: String, _ target: String) throws -> [String] {
            try Harness.findings(rule: MissingTranslationRule(), target: target + "\n", source: source + "\n").map(\.message)
        }
        let three = "Thanks to Mira Kovač, Tomás Ibarra and Ola Nordmann for reviewing the fix."
        let inner = try found(three, "感谢 Mira Kovač 和 Ola Nordmann 审查修复。")
        #expect(inner.count == 1 && inner[0].contains("Tomás Ibarra") && inner[0].contains("before this one"), "\(inner)")
        let last = try found(three, "感谢 Mira Kovač 和 Tomás Ibarra 审查修复。")
        #expect(last.count == 1 && last[0].contains("Ola Nordmann") && last[0].contains("after this one"), "\(last)")
        #expect(try found(three, "感谢 Mira Kovač、托马斯·伊瓦拉和 Ola Nordmann 审查修复。").isEmpty)
        #expect(try found(three, "感谢 Mira Kovač、Tomás Ibarra 和奥拉·诺德曼审查修复。").isEmpty)
        #expect(try found(three, "感谢 Mira Kovač、Ibarra 和 Ola Nordmann 审查修复。").isEmpty)
        let two = "We thank Ines Vasquez-Thorne for the report, and Daniel Okafor and Priya Raman for reviewing the fix."
        let dropped = try found(two, "感谢 Ines Vasquez-Thorne 的报告，并感谢 Priya Raman 审查修复。")
        #expect(dropped.count == 1 && dropped[0].contains("Daniel Okafor"), "\(dropped)")
        #expect(try found(two, "感谢 Ines Vasquez-Thorne 的报告，并感谢 Daniel Okafor 和 Priya Raman 审查修复。").isEmpty)
        #expect(try found(two, "感谢 Ines Vasquez-Thorne 的报告，并感谢丹尼尔·奥卡福与 Priya Raman 审查修复。").isEmpty)
        #expect(try found(two, "感谢 Ines Vasquez-Thorne 的报告，并感谢 Priya Raman 和奥卡福审查修复。").isEmpty)
        #expect(try found(two, "感谢 Ines Vasquez-Thorne 的报告，并感谢 Okafor 与 Priya Raman 审查修复。").isEmpty)
        let title = "\"We grew fast,\" said Dana Whitfield, Chief Executive Officer."
        #expect(try found(title, "首席执行官 Dana Whitfield 表示：“我们增长很快。”").isEmpty)
        let verb = "Modify Component Token and Alias Token applied to components."
        #expect(try found(verb, "用于修改各个组件的 Component Token 以及覆盖该组件消费的 Alias Token。").isEmpty)
    }

    /// A clause between `;` of a sentence paired one to one (review 24 D5): dropped when its words
    /// find clearly fewer translations than the rest's and the pair is far shorter in Chinese than
    /// a translation of the whole writes (Latin letters per character of the target); either
    /// alone is no evidence (the corpora's clause pairs write 5.1 letters a character at most).
    @Test func clauseDroppedAfterASemicolon() throws {
        let source = "The first backup runs at midnight and copies the whole database; the second backup runs at noon and copies only the changed tables.\n"
        let found = try Harness.findings(rule: MissingTranslationRule(), target: "第一次备份在午夜运行，复制整个数据库。\n", source: source)
        #expect(found.count == 1 && found.first?.message.contains("a clause of source line 1") == true
                && found.first?.message.contains("the second backup runs at noon") == true, "\(found.map(\.message))")
        #expect(found.first?.span.start.column == 19)
        let whole = "第一次备份在午夜运行，复制整个数据库；第二次备份在中午运行，只复制有变化的表。\n"
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: whole, source: source).isEmpty)
        func clause(share: Int, others: Double, ratio: Double) -> LoneSentence {
            var s = LoneSentence(bead: 0, sentenceBead: 0, unit: 0, range: 0..<10, isFirst: false, isLast: false, words: 8,
                                 blockPaired: true, stems: 5, covered: share, othersShare: others, anchors: 0, anchorsFound: 0,
                                 carried: 0, besideUnpairedTarget: false)
            s.clause = true
            s.lettersPerCharacter = ratio
            return s
        }
        #expect(clause(share: 1, others: 0.8, ratio: 7.9).isDropped)
        #expect(!clause(share: 2, others: 0.8, ratio: 5.0).isDropped)
        #expect(!clause(share: 3, others: 0.8, ratio: 7.9).isDropped)
        // One stem in five rendered against most of the rest: shorter than most whole
        // translations is enough (review 33 D9); not within what they write, nor with the rest
        // rendered little more.
        #expect(clause(share: 1, others: 0.8, ratio: 5.0).isDropped)
        #expect(clause(share: 0, others: 0.6, ratio: 4.2).isDropped)
        #expect(!clause(share: 1, others: 0.8, ratio: 3.5).isDropped)
        #expect(!clause(share: 1, others: 0.5, ratio: 5.0).isDropped)
    }

    /// Review 33 D9: a clause before or after `;` none of whose words the translation renders
    /// while the other clause's are, in a pair shorter than most whole translations (4 to 6
    /// Latin letters a character); the whole sentence translated is silent.
    @Test func unrenderedClauseAroundASemicolon() throws {
        let first = "A queue keeps messages in one zone; its label must be unique across all projects.\n"
        let lost = try Harness.findings(rule: MissingTranslationRule(), target: "队列标签在所有项目中必须唯一。\n", source: first)
        #expect(lost.count == 1 && lost.first?.message.contains("A queue keeps messages in one zone") == true, "\(lost.map(\.message))")
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: "队列把消息保存在一个区域中；其标签在所有项目中必须唯一。\n", source: first).isEmpty)
        let second = "Some rooms are dimly lit to protect works on paper; allow your eyes a few minutes to adjust.\n"
        let end = try Harness.findings(rule: MissingTranslationRule(), target: "部分展厅光线较暗，以保护纸本作品。\n", source: second)
        #expect(end.count == 1 && end.first?.message.contains("allow your eyes") == true, "\(end.map(\.message))")
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: "部分展厅光线较暗，以保护纸本作品；请给眼睛几分钟时间适应。\n", source: second).isEmpty)
    }

    /// Review 33 D13: a sentence too short for its words to tell, whose code spans the
    /// translation writes fewer times than the source (the next sentence keeping one of them),
    /// is dropped; translated, or its code written, silent.
    @Test func shortSentenceDroppedWithItsCode() throws {
        let source = "* `mode` - (Optional) Access mode of the share. Valid values are `read` and `read-write`.\n  Defaults to `read`.\n"
        let found = try Harness.findings(rule: MissingTranslationRule(), target: "* `mode` -（可选）共享的访问模式。\n  默认为 `read`。\n", source: source)
        #expect(found.count == 1 && found.first?.message.contains("Valid values are read and read-write") == true, "\(found.map(\.message))")
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: "* `mode` -（可选）共享的访问模式。有效值为 `read` 和 `read-write`。\n  默认为 `read`。\n", source: source).isEmpty)
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: "* `mode` -（可选）共享的访问模式，可为 `read` 或 `read-write`。\n  默认为 `read`。\n", source: source).isEmpty)
        // A word of it rendered, or too few words: not by its code alone.
        var s = LoneSentence(bead: 0, sentenceBead: 0, unit: 0, range: 0..<10, isFirst: false, isLast: false, words: 4,
                             blockPaired: true, stems: 2, covered: 0, othersShare: 0.8, anchors: 1, anchorsFound: 0,
                             carried: 0, besideUnpairedTarget: false)
        s.codeLost = true
        #expect(s.isDropped)
        s.covered = 1
        #expect(!s.isDropped)
        s.covered = 0
        s.words = 2
        #expect(!s.isDropped)
    }

    /// A number of a lone sentence is in the translation only as a number of its own: `8` is
    /// not in `802.3bt` (review 21 D13: the dotted standard's digits took the dropped sentence's
    /// `8` for found, and its numbers came out as three `number-mismatch` findings instead).
    @Test func numbersFoundOnlyAsNumbers() throws {
        #expect(!LoneSentences.holds("最高 90 w（802.3bt）。", number: "8"))
        #expect(!LoneSentences.holds("802.3bt", number: "80"))
        #expect(LoneSentences.holds("共 1,000 个", number: "1"))
        #expect(LoneSentences.holds("v1 接口", number: "1"))
        #expect(LoneSentences.holds("端口 8。", number: "8"))
        let source = """
            Every port delivers up to 90 W (802.3bt). Ports 1–8 also feed 60 W to outdoor cameras.
            The device never powers equipment that fails classification.

            """
        let dropped = """
            每个端口最多提供 90 W（802.3bt）。
            对于未通过分级的设备，本设备不会为其供电。

            """
        let found = try Harness.findings(rule: MissingTranslationRule(), target: dropped, source: source)
        #expect(found.count == 1 && found.first?.message.contains("Ports 1–8 also feed 60 W") == true, "\(found.map(\.message))")
        let whole = """
            每个端口最多提供 90 W（802.3bt）。端口 1–8 还能为室外摄像机提供 60 W。
            对于未通过分级的设备，本设备不会为其供电。

            """
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: whole, source: source).isEmpty)
    }

    /// A sentence translated one to one whose source negates and whose translation renders the
    /// negated word with no negation (reviews 21–24, "negation lost"): a warning when a modal
    /// stands right before the rendering (`会影响` for `does not affect`), or the source states with
    /// `does not` (review 34 D3: `该服务存储你的密码`), else info. Silent: the
    /// translation says the negation; a bound (`no more than`), `not only … but`, `not … unless`
    /// (`只有…才`); a translation that says it another way (`隐藏` for `not visible`: the word is
    /// not rendered).
    @Test func lostNegation() throws {
        let source = """
            # Cache

            The cache does not affect the results.

            The service does not store your password.

            The service does not store your token.

            Upload no more than five files at a time.

            It not only stores the file but also indexes it.

            The job does not start unless the queue is ready.

            The button is not visible on small screens.

            """
        let target = """
            # 缓存

            缓存会影响结果。

            该服务存储你的密码。

            该服务不会存储你的令牌。

            每次最多上传五个文件。

            它除了存储文件，还会为其建立索引。

            只有队列就绪时，任务才会启动。

            在小屏幕上，按钮是隐藏的。

            """
        let found = try Harness.findings(rule: MissingTranslationRule(), target: target, source: source)
        #expect(found.map(\.span.start.line) == [3, 5], "\(found.map(\.message))")
        #expect(found.map(\.severity) == [.warning, .warning], "\(found.map(\.message))")
        #expect(found.first?.message.contains("negates (“not”)") == true, "\(found.map(\.message))")
        let kept = target.replacingOccurrences(of: "缓存会影响结果。", with: "缓存不会影响结果。")
            .replacingOccurrences(of: "该服务存储你的密码。", with: "该服务从不存储你的密码。")
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: kept, source: source).isEmpty)
    }

    /// A negator before a comparative and the locale's `boundComparatives` (`than`) bounds, and
    /// one right after an opening quotation mark of the source locale's `quotes` starts a name:
    /// neither is a negation a translation must say (the words from `locales/`, none from code).
    @Test func negatorsThatBoundOrName() throws {
        let source = "# Deadline\n\nSubmit the report no later than Friday.\n\nSet the label to “no name” for blank rows.\n\nThe cache does not affect the results.\n"
        for (target, id) in [("# 截止日期\n\n最迟周五提交报告。\n\n对空白行，将标签设为“no name”。\n\n缓存会影响结果。\n", "zh-Hans"),
                             ("# 截止日期\n\n最遲週五提交報告。\n\n對空白行，將標籤設為「no name」。\n\n缓存会影响结果。\n", "zh-Hant")] {
            let found = try Harness.findings(rule: MissingTranslationRule(), target: target, source: source, settings: ["target": id])
            #expect(found.map(\.span.start.line) == [7], "\(id): \(found.map(\.message))")
        }
        let en = try LocaleData.load("en")
        #expect(en.bounds.comparatives == ["than"])
        #expect(Set(en.quotes.map(\.open)) == [0x201C, 0x2018, 0x22, 0x27])
    }

    /// A negation turned into a request, a modal or a `有` (reviews 26–27): a warning when the
    /// source negates a modal or an imperative and a request or modal stands before the rendering
    /// (`请移除` for `Do not remove`, with a short phrase between: `会向第三方出售` for `will never
    /// sell`), or the source says `no` and `有` stands before it; `not … until` judged when the
    /// translation has no `才`. A negation character inside a word that says none (`有所不同`) is
    /// no negation. Silent: `请勿`, `…后才能…`, 不同 glossed `not the same` for `doesn't mean the
    /// same`, 不予 (`withhold; refuse`).
    @Test func lostNegationAffirmed() throws {
        let source = """
            # Safety

            Do not remove the IC.

            We will never sell your data to third parties.

            Do not book travel until your request has been approved.

            There is no limit on uploads.

            These measures are not a substitute for GAAP results and may differ from similar measures.

            Do not book hotels until your request has been approved.

            Do not remove the fuse.

            Identity does not mean the same thing as equality.

            Claims made later will not be accepted.

            """
        let target = """
            # 安全

            请移除 IC。

            我们会向第三方出售您的数据。

            申请获批之前，请预订行程。

            上传有限制。

            这些指标可以替代 GAAP 业绩，并且可能与类似指标有所不同。

            申请获批后才能预订酒店。

            请勿移除保险丝。

            恒等与相等意义不同。

            逾期提出的申请将不予受理。

            """
        let found = try Harness.findings(rule: MissingTranslationRule(), target: target, source: source)
        #expect(found.map(\.span.start.line) == [3, 5, 7, 9, 11], "\(found.map(\.message))")
        #expect(found.allSatisfy { $0.severity == .warning }, "\(found.map(\.message))")
        let kept = target.replacingOccurrences(of: "请移除 IC。", with: "请勿移除 IC。")
            .replacingOccurrences(of: "我们会向第三方出售", with: "我们绝不会向第三方出售")
            .replacingOccurrences(of: "申请获批之前，请预订行程。", with: "申请获批之前，请不要预订行程。")
            .replacingOccurrences(of: "上传有限制。", with: "上传没有限制。")
            .replacingOccurrences(of: "这些指标可以替代", with: "这些指标不能替代")
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: kept, source: source).isEmpty)
    }

    /// A negation turned round with no negation character at all (review 28 D2): a warning when
    /// the source negates a modal and the translation holds a modal as a word (`可以使` for `may
    /// not place`), or forbids (`Do not`, after a clause or `Please` too) and says the command
    /// bare (`打完当前这一轮`), or a negated passive says the participle bare (`are not affected` →
    /// `受影响`, review 34 D3). Info still: the modal's only rendering is a single character that
    /// may be the modal's own sense, a modal the segmentation binds into another word (`可能`).
    @Test func lostNegationReversed() throws {
        let source = """
            You may not place a tile so that a canal ends at the edge of another tile.

            Do not finish the current round if the marker reaches the last space.

            Please do not open a public issue.

            Older versions reject such requests and are not affected.

            You may not place a tile so that a canal ends at the edge of another tile.

            """
        let target = """
            放置板块时，可以使运河断在另一块板块的边缘。

            如果标记到达最后一格，打完当前这一轮。

            创建公开 issue。

            更早的版本会拒绝此类请求，受影响。

            放置板块时，运河可能断在另一块板块的边缘。

            """
        let found = try Harness.findings(rule: MissingTranslationRule(), target: target, source: source)
        #expect(found.map(\.span.start.line) == [1, 3, 5, 7, 9], "\(found.map(\.message))")
        #expect(found.map(\.severity) == [.warning, .warning, .warning, .warning, .info], "\(found.map(\.message))")
        // `used` stems as `use` does (`us`), so `使用` renders it: `应使用` affirms `should not be used`.
        let used = try Harness.findings(rule: MissingTranslationRule(), target: "在生产环境中应使用此选项。\n", source: "This option should not be used in production.\n")
        #expect(used.count == 1 && used.first?.severity == .warning, "\(used.map(\.message))")
    }

    /// A negation lost where the negated word has no rendering the lexicon pairs (review 28 D3):
    /// info when the sentence has one negator, the translation no negation character nor a word
    /// that bounds or excludes (`limits`: `除外`, `仅`), renders most of the sentence, and the
    /// negation is a command the translation turns into a request or modal (`do not fit` → `应换装`)
    /// or a passive (`are not covered` → `由保单承保`). Silent: `don't forget to` (a negated word
    /// that negates, `应该写在`), a statement (`may not be immediately clear` → `要搞清楚`), `除外`.
    /// A `+` negation character inside a word that renders another source word is none (`损失` for
    /// `loss`: `The loss was not reported` → `该损失已向警方报告`, rendered: a negated passive whose
    /// participle the translation renders, a warning since review 34 D3).
    @Test func lostNegationUnrendered() throws {
        let source = """
            If a new fuse blows at once, do not fit a higher-rated fuse.

            Medical costs are not covered.

            The loss was not reported to the police.

            When you extract a component, don't forget to leave the key outside the copied markup.

            It may not be immediately clear which component should own the state.

            Medical costs are not covered.

            """
        let target = """
            如果新保险丝立即熔断，应换装额定电流更高的保险丝。

            医疗费用由保单承保。

            该损失已向警方报告。

            提取组件时，key 应该写在复制的标记的外层。

            要搞清楚哪个组件拥有该状态。

            医疗费用除外。

            """
        let found = try Harness.findings(rule: MissingTranslationRule(), target: target, source: source)
        #expect(found.map(\.span.start.line) == [1, 3, 5], "\(found.map(\.message))")
        #expect(found.allSatisfy { $0.message.contains("negates") }, "\(found.map(\.message))")
        #expect(found.map(\.severity) == [.info, .info, .warning], "\(found.map(\.message))")
    }

    /// The severities `missing-translation` gives one sentence and its translation.
    func severities(_ source: String, _ target: String) throws -> [Severity] {
        try Harness.findings(rule: MissingTranslationRule(), target: target + "\n", source: source + "\n").map(\.severity)
    }

    /// A soft line break inside the translated sentence is no boundary (review 32 D3): `配有⏎耳机插孔`
    /// is `配有耳机插孔`, `有` before the rendering of `headphone jack`, a warning as on one line.
    @Test func lostNegationAcrossASoftLineBreak() throws {
        let source = "The Aster 13 has no headphone jack."
        #expect(try severities(source, "Aster 13 配有\n耳机插孔。") == [.warning])
        #expect(try severities(source, "Aster 13 配有耳机插孔。") == [.warning])
        #expect(try severities(source, "Aster 13 没有\n耳机插孔。").isEmpty)
    }

    /// A negation character inside a word that renders a source word negating by an affix
    /// (review 32 D4: `无线` for `wireless`; `失去` before `知觉`, `conscious`'s rendering, for
    /// `unconscious`), or a `+` character inside a word rendering a source word in another form
    /// (`防护`, glossed `protect`, for `protection`: `negation.derivations`), is that word's: the
    /// sentence's negation is lost. Silent: the negation said (`请勿`, `不适用`).
    @Test func negationCharacterInsideAWordOfTheSource() throws {
        #expect(try severities("Do not use the wireless charger.", "请使用无线充电器。") == [.warning])
        #expect(try severities("Never give anything by mouth to an unconscious person.", "请给失去知觉的人经口喂食任何东西。") == [.warning])
        #expect(try severities("The wireless charger is not included.", "无线充电器已包含在内。") == [.warning])
        #expect(try severities("Do not use the wireless charger.", "请勿使用无线充电器。").isEmpty)
        #expect(try severities("The wireless charger does not work with cases.", "无线充电器不适用于保护壳。").isEmpty)
        #expect(try severities("Use the wireless charger.", "请使用无线充电器。").isEmpty)
    }

    /// A statement that denies, its one negation lost (review 34 D3): a form of `do` after its
    /// subject (`auxiliaries`: `We do not accept`, `does not cover`, `did not find`) or a negated
    /// passive (`are not supported`), the translation with no negation rendering the negated word by
    /// a word and most of the sentence: a warning, as a command turned round is. Info still: a
    /// copula before no participle (`It is not common` → `很常见`), a passive the lexicon does not
    /// render (`are not covered` → `由保单承保`); silent: the negation said.
    @Test func lostNegationInAStatement() throws {
        #expect(try severities("We do not accept bank transfers.", "我们接受银行转账。") == [.warning])
        #expect(try severities("Offset arguments are not supported.", "支持偏移量参数。") == [.warning])
        #expect(try severities("The warranty does not cover scale damage.", "保修涵盖水垢造成的损坏。") == [.warning])
        #expect(try severities("We did not find any errors.", "我们发现了一些错误。") == [.warning])
        #expect(try severities("It is not common to implement such functions.", "实现这样的函数很常见。") == [.info])
        #expect(try severities("Medical costs are not covered.", "医疗费用由保单承保。") == [.info])
        #expect(try severities("We do not accept bank transfers.", "我们不接受银行转账。").isEmpty)
        #expect(try severities("Offset arguments are not supported.", "不支持偏移量参数。").isEmpty)
    }

    /// One negation of two lost from its clause (review 34 E10, 33 M10, 27 L6, 24 M2, 23 N8): the
    /// translation says the other negation, in another clause or in words that render the other
    /// negation's words (`不说明理由` for `without giving a reason`), while the clause that renders
    /// the first negator's word affirms it (a request, a modal, the word's opposite). Silent: both
    /// negations said; a word the source says twice.
    @Test func oneOfTwoNegationsLostFromItsClause() throws {
        #expect(try severities("Do not open the lid: there are no parts inside that you can replace.", "请打开盖子：里面没有可以自行更换的零件。") == [.warning])
        #expect(try severities("Never heat the bottle when it is not sealed.", "瓶子未密封时，可以加热。") == [.warning])
        #expect(try severities("Swimming is not permitted in the lake, and fishing is not allowed in the park.", "允许在湖里游泳，公园内则禁止钓鱼。") == [.warning])
        #expect(try severities("Do not compare prices across regions without also checking the taxes.", "在没有同时检查税费的情况下，可以比较各地区的价格。") == [.warning])
        #expect(try severities("Teachers must not cancel a class without giving a reason.", "教师可以在不说明理由的情况下取消课程。") == [.warning])
        #expect(try severities("Do not open the lid: there are no parts inside that you can replace.", "请勿打开盖子：里面没有可以自行更换的零件。").isEmpty)
        #expect(try severities("Never heat the bottle when it is not sealed.", "瓶子未密封时，切勿加热。").isEmpty)
        #expect(try severities("Swimming is not permitted in the lake, and fishing is not allowed in the park.", "湖里禁止游泳，公园内也不允许钓鱼。").isEmpty)
        #expect(try severities("Do not compare prices across regions without also checking the taxes.", "在没有同时检查税费的情况下，不要比较各地区的价格。").isEmpty)
        #expect(try severities("Teachers must not cancel a class without giving a reason.", "教师不得在不说明理由的情况下取消课程。").isEmpty)
    }

    /// `not … without`, a double negative, said positively: no evidence where the translation
    /// renders a word of the `without` clause (`请先拔下插头，再打开机壳` for `Never open the case
    /// without unplugging the machine first`); before, each was a warning. Caught still: the
    /// `without` clause dropped with the negation (`请打开机壳`).
    @Test func doubleNegativeSaidPositively() throws {
        #expect(try severities("Never open the case without unplugging the machine first.", "请先拔下插头，再打开机壳。").isEmpty)
        #expect(try severities("Do not open the case without unplugging the machine.", "打开机壳前，请拔下机器插头。").isEmpty)
        #expect(try severities("Do not deploy the app without running the tests.", "请在运行测试后部署应用。").isEmpty)
        #expect(try severities("Teachers must not cancel a class without giving a reason.", "教师取消课程时必须说明理由。").isEmpty)
        #expect(try severities("Do not open the case without unplugging the machine.", "请打开机壳。") == [.warning])
    }

    /// An `unless` clause dropped under a negated main clause (review 32 D5): the translation's
    /// one negation is the `not`'s, and the clause's words are not rendered. Silent: `除非…否则`,
    /// a second negation (`未断电时不要…`).
    @Test func conditionDroppedUnderANegation() throws {
        let source = "Do not open the case unless the power is off."
        #expect(try severities(source, "不要打开外壳。") == [.warning])
        #expect(try severities(source, "除非电源已关闭，否则不要打开外壳。").isEmpty)
        #expect(try severities(source, "未断电时不要打开外壳。").isEmpty)
    }

    /// `Do not X unless Y` said as a precondition (review 34 D1): `请先 Y，再 X`, `Y 后方可 X`,
    /// `持有学位者方可申请`, `X 前请先 Y` render both the condition and the negation (the target's
    /// `conditions.unlessNegated`, `negation.onlyThen`), when the source negates outside the clause
    /// and the translation renders the clause or has room for it (`请先装好接水盘，再使用本机`: no
    /// `drip tray` in the lexicon). Caught still: the clause dropped (`请打开盖板`, `方可打开盖板`),
    /// an affirmative main clause (`Open the cover unless…` → `请先…，再打开盖板`).
    @Test func conditionSaidAsAPrecondition() throws {
        let source = "Do not open the cover unless the power is off."
        #expect(try severities(source, "请先断开电源，再打开盖板。").isEmpty)
        #expect(try severities(source, "必须断开电源后方可打开盖板。").isEmpty)
        #expect(try severities(source, "断开电源后，再打开盖板。").isEmpty)
        #expect(try severities(source, "打开盖板前请先断开电源。").isEmpty)
        #expect(try severities(source, "断开电源后才能打开盖板。").isEmpty)
        #expect(try severities("You cannot apply unless you hold a degree.", "持有学位者方可申请。").isEmpty)
        #expect(try severities("Do not use the machine unless the drip tray is in place.", "请先装好接水盘，再使用本机。").isEmpty)
        #expect(try severities("Do not book a room until the trip is approved.", "出差获批后方可预订房间。").isEmpty)
        #expect(try severities(source, "请打开盖板。") == [.warning, .warning])
        #expect(try severities(source, "方可打开盖板。") == [.warning])
        #expect(try severities("Open the cover unless the power is on.", "请先断开电源，再打开盖板。") == [.warning])
    }

    /// A condition's rendering inside a word that renders another source word is no rendering
    /// (review 33 D4): 除 of 删除 (`deletes`) or 扣除 (`deduction`), and 只 of 只能 (`can only`, a `+`
    /// negation character) say no `unless`. Silent: 除非 said, 仅次于 (`second only to`) for `only to`.
    @Test func conditionCharacterInsideAWord() throws {
        #expect(try severities("The tool deletes the file unless you pass --keep.", "该工具会删除文件。") == [.warning])
        #expect(try severities("Each deduction is claimed once per household unless the table says otherwise.", "每项扣除每个家庭申报一次。") == [.warning])
        #expect(try severities("Each item is sold once per household unless the table says otherwise.", "每件商品每个家庭只能购买一次。") == [.warning])
        #expect(try severities("The tool deletes the file unless you pass --keep.", "除非传入 --keep，否则该工具会删除文件。").isEmpty)
        #expect(try severities("It is the ideal complexity, second only to constant order.", "它是仅次于常数阶的理想复杂度。").isEmpty)
    }

    /// A trailing `if` clause dropped (review 33 D11): after its main clause, none of 如果, 若, 时,
    /// 的话… in the translation, none of the clause's words rendered, the translation no longer than
    /// the main clause would make; a leading `If` clause up to its comma too. Silent: the condition said, `as if`/`even if`,
    /// `if` after punctuation (`For example, if…`), `check if` (whether), an elliptical `if needed`,
    /// and a translation that says the clause's words another way.
    @Test func trailingIfClauseDropped() throws {
        #expect(try severities("The value must be less than 30 if both are set.", "该值必须小于 30。") == [.warning])
        #expect(try severities("Move the file if it is empty.", "移动该文件。") == [.warning])
        #expect(try severities("Move the file if it is empty.", "如果该文件为空，则移动它。").isEmpty)
        #expect(try severities("Move the file if it is empty.", "文件为空时移动该文件。").isEmpty)
        // A leading `If` clause ending at a comma is dropped likewise (review 34's condition
        // drops); said by 如果 or …时, or elliptical (`If needed,`), it is silent.
        #expect(try severities("If it is empty, move the file.", "移动该文件。") == [.warning])
        #expect(try severities("If the limit is exceeded, the API returns an error.", "API 会返回错误。") == [.warning])
        #expect(try severities("If the limit is exceeded, the API returns an error.", "超出限制时，API 会返回错误。").isEmpty)
        #expect(try severities("If the limit is exceeded, the API returns an error.", "如果超出限制，API 会返回错误。").isEmpty)
        #expect(try severities("If needed, restart the server.", "请重启服务器。").isEmpty)
        #expect(try severities("The page looks as if it were broken.", "页面看起来坏了。").isEmpty)
        #expect(try severities("Check if the file is empty.", "检查该文件。").isEmpty)
        #expect(try severities("For example, if the file is empty, move it.", "例如，移动该文件。").isEmpty)
        #expect(try severities("Restart the server if needed.", "重启服务器。").isEmpty)
        #expect(try severities("This may happen if you accidentally install two copies of the package.", "一般来说，原因是你意外地安装了两份这个包。").isEmpty)
    }

    /// An `if` clause after a comma that runs to the end of its sentence is a condition after its
    /// main clause (review 34 A11): dropped, it is reported, though the translation writes 时 inside
    /// 时间 (a rendering's character that opens a dictionary word glossing no `if` is that word's).
    /// Silent: the condition said (如果…, …的时候), `For example, if …,` (its clause ends at a
    /// comma), an elliptical `if needed`.
    @Test func ifClauseAfterACommaDropped() throws {
        let source = "You can renew the permit once, for one year, if you have paid the annual fee."
        #expect(try severities(source, "许可证可以续签一次，续签时间为一年。") == [.warning])
        #expect(try severities(source, "如果已缴纳年费，许可证可以续签一次，续签时间为一年。").isEmpty)
        #expect(try severities(source, "缴纳年费的时候，许可证可以续签一次，续签时间为一年。").isEmpty)
        #expect(try severities("You can renew the permit once, for one year, if needed.", "许可证可以续签一次，续签时间为一年。").isEmpty)
        #expect(try severities("Move the file if it is empty.", "文件为空的时候移动它。").isEmpty)
    }

    /// A rendering that stands in the main clause (`否则`, `则`: the target's
    /// `conditions.consequence`) first in its sentence is what a cut of the condition before it
    /// leaves (review 34: `除非我们要求，否则请勿邮寄原件。` → `否则请勿邮寄原件。`, `如果…，则需要…`
    /// → `则需要…`): reported. Silent with the condition before it.
    @Test func consequenceLeftWithoutItsCondition() throws {
        let source = "Do not mail the original forms unless we ask you to."
        #expect(try severities(source, "否则请勿邮寄原件。") == [.warning])
        #expect(try severities(source, "除非我们要求，否则请勿邮寄原件。").isEmpty)
        let fitted = "If the adapter is not fitted, a second fuse is needed."
        #expect(try severities(fitted, "则需要第二个保险丝。") == [.warning, .info])  // (and the `not` lost, info)
        #expect(try severities(fitted, "如果没有安装适配器，则需要第二个保险丝。").isEmpty)
        #expect(try severities(fitted, "未安装适配器时，需要第二个保险丝。").isEmpty)
    }

    /// `only while` restricts as `only with` does (review 34: `只能` dropped from `只能在研磨器运转时
    /// 调节研磨度`). Silent: 只能, 仅.
    @Test func onlyWhileDropped() throws {
        let source = "Change the belt tension only while the motor is stopped, or the belt may slip."
        #expect(try severities(source, "在电机停止时调节皮带张力，否则皮带可能打滑。") == [.warning])
        #expect(try severities(source, "只能在电机停止时调节皮带张力，否则皮带可能打滑。").isEmpty)
        #expect(try severities(source, "仅在电机停止时调节皮带张力，否则皮带可能打滑。").isEmpty)
    }

    /// A clause of time (`when`, `once`, `before`, `after`, `until`, `as long as`: the locales'
    /// `clauseConditions`) dropped is read as an `if` clause is. Silent: the time said (开始前,
    /// 完成检查之前, `after` said as …时, `When using SSR` as 在 SSR 场景下), `know when` (no clause),
    /// `before version 3.0` (one word after it), a translation that renders the clause's words.
    @Test func timeClauseDropped() throws {
        #expect(try severities("Check the parts against this list before you start.", "请对照此清单检查零件。") == [.warning])
        #expect(try severities("Check the parts against this list before you start.", "开始之前，请对照此清单检查零件。").isEmpty)
        #expect(try severities("Do not power the board until you have finished the inspection.", "请勿给电路板通电。") == [.warning])
        #expect(try severities("Do not power the board until you have finished the inspection.", "完成检查之前，请勿给电路板通电。").isEmpty)
        #expect(try severities("Do not power the board until you have finished the inspection.", "完成检查后方可给电路板通电。").isEmpty)
        #expect(try severities("When the measurement is complete, the display shows the result.", "显示屏显示结果。") == [.warning])
        #expect(try severities("When the measurement is complete, the display shows the result.", "测量完成后，显示屏显示结果。").isEmpty)
        #expect(try severities("When using SSR, styles are often rendered inline.", "在 SSR 场景下，样式往往以内联方式渲染。").isEmpty)
        #expect(try severities("The pool grows after one collection to before the next.", "收集时，内存池增长。").isEmpty)
        #expect(try severities("You should know when to stop the test.", "你应该知道何时停止测试。").isEmpty)
        #expect(try severities("The bug was present before version 3.0.", "该错误存在于 3.0 版本中。").isEmpty)
        // A time clause cut to its verb's -ing form, folded into the translation's verb
        // (held-out pages): silent; the full clause dropped is still reported.
        #expect(try severities("The ID is commonly used when configuring admins for the bot.", "该 ID 常用于为机器人配置管理员。").isEmpty)
        #expect(try severities("Some datasets require confirmation before using them in training.", "部分数据集在训练中的使用需要确认。").isEmpty)
        #expect(try severities("Check the parts against this list before you start the assembly.", "请对照此清单检查零件。") == [.warning])
    }

    /// `without` negates the thing after it (review 32 D6: `negation.absences`): a translation
    /// that says it is there (`有盖子时`; `有` before the code span after `without`) is a warning. Silent: `不盖`, `没有`, another wording.
    @Test func withoutTurnedIntoWith() throws {
        let source = "Without a lid, the water boils slowly."
        #expect(try severities(source, "有盖子时，水烧开得慢。") == [.warning])
        #expect(try severities(source, "不盖盖子时，水烧开得慢。").isEmpty)
        #expect(try severities(source, "没有盖子，水烧开得慢。").isEmpty)
        #expect(try severities(source, "敞开锅煮时，水烧开得慢。").isEmpty)
        // A code span after `without`, written after `有`.
        let span = "Without `ORDER BY`, the database may return the rows in any order."
        #expect(try severities(span, "如果有 `ORDER BY`，数据库可能以任意顺序返回这些行。") == [.warning])
        #expect(try severities(span, "如果没有 `ORDER BY`，数据库可能以任意顺序返回这些行。").isEmpty)
    }

    /// A negated word rendered by a modal of the translation (`需要` for `need`, `required`) or a
    /// negator's opposite (`opposites`: `总是` for `never`, `每个人` for `nobody`) with no negation
    /// is a warning (review 32 D7; it was info), also where the negation characters stand in words
    /// rendering other source words (`防护` for `protection`). Silent: the negation said, `never
    /// fails` (a negated word that negates), a limit (`只需要`).
    @Test func negationTurnedIntoAModalOrAnOpposite() throws {
        #expect(try severities("You do not need gloves.", "你需要手套。") == [.warning])
        #expect(try severities("Registration is not required.", "需要注册。") == [.warning])
        #expect(try severities("A comparison with NULL is never true.", "与 NULL 的比较总是为真。") == [.warning])
        #expect(try severities("Nobody reads the log.", "每个人都读日志。") == [.warning])
        #expect(try severities("Respiratory protection is not required.", "需要呼吸防护。") == [.warning])
        #expect(try severities("You do not need gloves.", "你不需要手套。").isEmpty)
        #expect(try severities("A comparison with NULL is never true.", "与 NULL 的比较永远不为真。").isEmpty)
        #expect(try severities("It never fails to start.", "它总能启动。").isEmpty)
        #expect(try severities("You do not need an account.", "你只需要一个邮箱。").isEmpty)
    }

    /// A negated passive with an irregular participle (review 31 D3): read by its lemma
    /// (`en.irregular-verbs.txt`: `built` → `build`), a warning now that the lexicon renders
    /// `build` by `构建` (the supplement's sense; it was info, `构建` glossed `construct` only, and
    /// silent before that), info where it renders the verb only by a character (`发送` for `sent`
    /// is `send` in no gloss). A passive marker between the modal and the rendering
    /// (`negation.passives`: `会被删除`) is a warning as `会删除` is (it was info). Silent: the
    /// negation said.
    @Test func negatedPassiveWithAnIrregularParticiple() throws {
        #expect(try severities("Drafts are not built.", "草稿会被构建。") == [.warning])
        #expect(try severities("Files are not sent.", "文件会发送。") == [.info])
        #expect(try severities("The file is not deleted.", "文件会被删除。") == [.warning])
        #expect(try severities("Drafts are not built.", "草稿不会被构建。").isEmpty)
        #expect(Harness.source.irregularVerbs["built"] == "build")
    }

    /// A negated modal of ability or permission turned into the positive modal (review 33 D3;
    /// `opposites` of en.yml: `cannot` → `can`, `allow`; `not permitted` → `allow`): 可以 right before
    /// the rendering of the negated word, or 允许 for `permitted`, is a warning (it was info).
    /// Silent: the negation said; 可以 before a word that renders no negated word stays info.
    @Test func negatedModalTurnedPositive() throws {
        #expect(try severities("The region cannot be changed after creation.", "区域在创建后可以更改。") == [.warning])
        #expect(try severities("Flash photography is not permitted anywhere in the museum.", "美术馆内任何地方都允许使用闪光灯拍照。") == [.warning])
        #expect(try severities("The region cannot be changed after creation.", "区域在创建后不能更改。").isEmpty)
        #expect(try severities("Flash photography is not permitted anywhere in the museum.", "美术馆内任何地方都不允许使用闪光灯拍照。").isEmpty)
    }

    /// The same with a negated word the lexicon pairs with no word of the translation (review 33
    /// T8, `claim` → 申报): the opposite modal as a word with Han after it, half the known words
    /// rendered, is info (a rephrase that states the alternative, `可以任选其一申报`, has the same
    /// shape). Silent: the negation said, or a limit (`只能`).
    @Test func negatedModalTurnedPositiveWithAnUnpairedVerb() throws {
        let source = "You cannot claim both refunds in one tax year."
        #expect(try severities(source, "一个纳税年度内可以同时申报两项退款。") == [.info])
        #expect(try severities(source, "一个纳税年度内不能同时申报两项退款。").isEmpty)
        #expect(try severities(source, "一个纳税年度内只能申报其中一项退款。").isEmpty)
    }

    /// One of two negations lost (review 31 D4): two negators in the source, one negation character
    /// in the translation, the second's word rendered bare and the first's only after the negation
    /// or not as a word: info. Silent: both said, `neither … nor` said once (`都不`).
    @Test func oneOfTwoNegationsLost() throws {
        #expect(try severities("The bound does not apply to sorts that do not compare keys.", "这个下界不适用于比较键的排序。") == [.info])
        #expect(try severities("Tidewise does not show ads, and it never sells your location.", "Tidewise 不显示广告，也会出售你的位置信息。") == [.info])
        #expect(try severities("Tidewise does not show ads, and it never sells your location.", "Tidewise 不显示广告，也从不出售你的位置信息。").isEmpty)
        #expect(try severities("The bound does not apply to sorts that do not compare keys.", "这个下界不适用于不比较键的排序。").isEmpty)
        #expect(try severities("Neither the server nor the client stores the token.", "服务器和客户端都不存储令牌。").isEmpty)
    }

    /// A condition or exception clause dropped (review 28 D6): `unless …` whose translation has
    /// none of the renderings `conditions` of the locales give (`除非`, `否则`, `才`) nor a
    /// negation. Silent when it says one, or a negation (`未经书面同意`), or the conjunction opens
    /// no clause.
    @Test func conditionClauseDropped() throws {
        let source = """
            1. Any claim arising from a condition you had before buying the policy, unless we have agreed to cover it in writing;
            2. Winter sports, unless you have added the option;
            3. Claims from a condition you had before, unless we agreed in writing;
            4. All items except pets.

            """
        let target = """
            1. 因您在购买保单前已患有的疾病而引起的任何索赔；
            2. 冬季运动，除非您已加购该选项；
            3. 未经我们书面同意，因此前已患疾病提出的索赔；
            4. 所有物品。

            """
        let found = try Harness.findings(rule: MissingTranslationRule(), target: target, source: source)
        #expect(found.count == 1 && found.first?.span.start.line == 1
                && found.first?.message.contains("“unless we have agreed to cover it in writing”") == true, "\(found.map(\.message))")
        #expect(Harness.source.conditions["unless"] == ["unless"])
    }

    /// A restriction dropped (review 32 D12): `only` before a preposition whose translation says
    /// none of 只, 仅, 限… nor a negation. Silent when it says one (`仅可`, `只能`, `必须`), when the
    /// translation negates (`不要与…以外`), and for `only when`, which Chinese says by the condition.
    @Test func restrictionDropped() throws {
        let source = "Use it only with the grid classes.\n"
        let found = try Harness.findings(rule: MissingTranslationRule(), target: "可与网格类一起使用。\n", source: source)
        #expect(found.count == 1 && found.first?.message.contains("restriction") == true
                && found.first?.message.contains("“only with the grid classes.”") == true, "\(found.map(\.message))")
        for kept in ["仅可与网格类一起使用。\n", "只能与网格类一起使用。\n", "必须与网格类一起使用。\n", "不要与网格类以外的类一起使用。\n"] {
            #expect(try Harness.findings(rule: MissingTranslationRule(), target: kept, source: source).isEmpty, "\(kept)")
        }
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: "这些块按需加载。\n",
                                     source: "The chunks are loaded only when required.\n").isEmpty)
    }

    /// A restriction said as an addition (review 30 F5): `only` before a verb, rendered with 也
    /// (`also`) and none of 只, 仅, 限…, reads the opposite. Silent when the translation restricts,
    /// when the source says an addition too (`also only`), for `only` before a quantity or a noun
    /// phrase (`retrieve only a small summary` → `也可以检索少量摘要`, a held-out page's `or`), for
    /// `not only`, for `only` in a compound (`text-only path`), and when the translation has no 也.
    @Test func restrictionSaidAsAddition() throws {
        let source = "The boot loader only accepts 9600 baud.\n"
        let found = try Harness.findings(rule: MissingTranslationRule(), target: "引导加载程序也接受 9600 波特率。\n", source: source)
        #expect(found.count == 1 && found.first?.message.contains("restricts (“only”)") == true
                && found.first?.message.contains("(“也”, also)") == true, "\(found.map(\.message))")
        #expect(found.first?.span.start.column == 7)  // on 也
        for kept in ["引导加载程序只接受 9600 波特率。\n", "引导加载程序仅支持 9600 波特率。\n", "引导加载程序接受 9600 波特率。\n"] {
            #expect(try Harness.findings(rule: MissingTranslationRule(), target: kept, source: source).isEmpty, "\(kept)")
        }
        let silent: [(String, String)] = [
            ("The boot loader also only accepts 9600 baud.\n", "引导加载程序也接受 9600 波特率。\n"),
            ("Search the archive, or fetch only a short summary of it.\n", "可以搜索存档，也可以获取存档的简短摘要。\n"),
            ("The loader not only accepts 9600 baud but also 19200 baud.\n", "加载程序也接受 9600 和 19200 波特率。\n"),
            // `text-only` is an adjective: the sentence restricts nothing.
            ("The same event is sent for the text-only path.\n", "纯文本路径也会发送相同的事件。\n"),
            ("Read-only users see the same page.\n", "只读用户也会看到相同的页面。\n"),
        ]
        for (s, t) in silent {
            #expect(try Harness.findings(rule: MissingTranslationRule(), target: t, source: s).isEmpty, "\(s)")
        }
    }

    /// A `;` clause dropped beside a code span both sides write (review 28 D10): the span is no
    /// prose on either side, and weighs nothing in the length measure.
    @Test func clauseDroppedBesideCode() throws {
        let source = "Do not set `strict_mode` on versions before 2.1.0; the option does not exist there and the service will fail to start.\n"
        let found = try Harness.findings(rule: MissingTranslationRule(), target: "不要在 2.1.0 之前的版本上设置 `strict_mode`。\n", source: source)
        #expect(found.count == 1 && found.first?.message.contains("the option does not exist there") == true, "\(found.map(\.message))")
        let whole = "不要在 2.1.0 之前的版本上设置 `strict_mode`；该选项在这些版本中不存在，服务将无法启动。\n"
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: whole, source: source).isEmpty)
    }

    /// Meaning cells two rows of an exit-status table exchanged (review 21 D4): the codes match
    /// and the alignment pairs the cells by position, but each cell renders the other row's
    /// source; reported on both cells, naming the source line each renders. The same table
    /// translated in place is silent.
    @Test func swappedCellsOfWords() throws {
        let source = """
            | Code | Meaning |
            | --- | --- |
            | 0 | Success; all files were copied. |
            | 1 | Usage error (unknown option). |
            | 2 | Some files could not be transferred. |

            """
        let swapped = """
            | 代码 | 含义 |
            | --- | --- |
            | 0 | 部分文件无法传输。 |
            | 1 | 用法错误（未知选项）。 |
            | 2 | 成功；所有文件均已复制。 |

            """
        let found = try Harness.findings(rule: MissingTranslationRule(), target: swapped, source: source)
        #expect(found.map(\.span.start.line) == [3, 5], "\(found.map(\.message))")
        #expect(found.first?.message.contains("source line 5 (“Some files could not be transferred.”)") == true, "\(found.map(\.message))")
        let inPlace = """
            | 代码 | 含义 |
            | --- | --- |
            | 0 | 成功；所有文件均已复制。 |
            | 1 | 用法错误（未知选项）。 |
            | 2 | 部分文件无法传输。 |

            """
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: inPlace, source: source).isEmpty)
    }

    /// Two whole rows the translation put in another order, a kept name in each that a newer
    /// version lengthens (`` `tide_gauge` `` written `` `tide_gauge_reader` ``): reordered, not
    /// cells swapped; the same rows with only the cells of words exchanged are a swap.
    @Test func rowsReorderedWithLengthenedNames() throws {
        let source = """
            | Task | Module | Notes |
            | --- | --- | --- |
            | Read the tide gauge every morning | `tide_gauge` | Needs the harbour key |
            | Measure the wind speed at noon | `wind_meter` | Needs a clear mast |

            """
        let reordered = """
            | 任务 | 模块 | 说明 |
            | --- | --- | --- |
            | 每天中午测量风速 | `wind_meter_reader` | 需要空旷的桅杆 |
            | 每天早晨读取潮位计 | `tide_gauge_reader` | 需要港口钥匙 |

            """
        let swapped = try Harness.findings(rule: MissingTranslationRule(), target: reordered, source: source)
        #expect(swapped.isEmpty, "\(swapped.map(\.message))")
        #expect(SwappedCells.holds("`tide_gauge_reader`", "`tide_gauge`") && !SwappedCells.holds("`wind_meter`", "`tide_gauge`"))
    }

    /// Cells of two rows exchanged whose renderings share a word (review 28 D11: `关闭` for both
    /// `Stop` and `Switch off`, and `机` reaching `engine` in `收音机` too): each cell is read by
    /// the words the other does not write, and two stems crossed are enough when a third or more
    /// of each cell's telling words cross. A long cell with one word of five crossed, beside a
    /// loose rendering, stays silent; the table in place is silent.
    @Test func swappedCellsSharingAVerb() throws {
        let source = "| Light | What to do |\n| --- | --- |\n| Oil pressure | Stop the engine |\n| Charging | Switch off the radio |\n"
        func found(_ a: String, _ b: String, _ src: String? = nil) throws -> [Int] {
            try Harness.findings(rule: MissingTranslationRule(), target: "| 警告灯 | 处理方法 |\n| --- | --- |\n| 机油压力 | \(a) |\n| 充电 | \(b) |\n",
                                 source: src ?? source).map(\.span.start.line)
        }
        #expect(try found("关闭收音机", "关闭发动机") == [3, 4])
        #expect(try found("关闭发动机", "关闭收音机").isEmpty)
        let long = "| Event | Description |\n| --- | --- |\n| Change A | Called when the start time or the end time of the range changes; the argument was added in 4.4 |\n| Change B | Called when the selected time changes |\n"
        #expect(try found("待选时间发生变化时调用。参数自 4.4 添加", "时间范围发生变化时调用", long).isEmpty)
    }

    /// Cells two columns of one row exchanged (review 22 D6): a cell of kept Latin text written
    /// as another column's source (`iOS、Android` for `iOS, Android`), or header cells that
    /// render each other's words while the rows below stay in place. Silent: the row in place,
    /// two columns that hold the same text, and a table whose columns the translation reordered
    /// throughout (header and rows alike).
    @Test func cellsSwappedBetweenColumns() throws {
        let source = """
            | Flag | Default | Platforms |
            | --- | --- | --- |
            | `live_share` | off | iOS, Android |

            """
        let swapped = """
            | 开关 | 默认值 | 平台 |
            | --- | --- | --- |
            | `live_share` | iOS、Android | 关 |

            """
        let found = try Harness.findings(rule: MissingTranslationRule(), target: swapped, source: source)
        #expect(found.map(\.span.start.line) == [3], "\(found.map(\.message))")
        #expect(found.first?.message.contains("column 3 of source line 3 says (“iOS, Android”)") == true, "\(found.map(\.message))")
        let inPlace = """
            | 开关 | 默认值 | 平台 |
            | --- | --- | --- |
            | `live_share` | 关 | iOS、Android |

            """
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: inPlace, source: source).isEmpty)
        // Two columns holding the same text.
        let same = "| Key | Old | New |\n| --- | --- | --- |\n| `mode` | Linux | Linux |\n"
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: "| 键 | 旧值 | 新值 |\n| --- | --- | --- |\n| `mode` | Linux | Linux |\n", source: same).isEmpty)
        // Header cells swapped, the prices below in place.
        let header = "| Request type | Standard | Archive |\n| --- | --- | --- |\n| GET | $0.0004 | $0.01 |\n"
        let headerSwapped = try Harness.findings(rule: MissingTranslationRule(),
                                                 target: "| 请求类型 | 归档 | 标准 |\n| --- | --- | --- |\n| GET | $0.0004 | $0.01 |\n", source: header)
        #expect(headerSwapped.map(\.span.start.line) == [1, 1], "\(headerSwapped.map(\.message))")
        // The whole table's columns reordered, header and rows alike: a translator's choice.
        let table = "| Flag | Platforms | Owner |\n| --- | --- | --- |\n| `a` | iOS, Android | Team Blue |\n| `b` | Web | Team Red |\n"
        let reordered = "| 开关 | 负责人 | 平台 |\n| --- | --- | --- |\n| `a` | Team Blue | iOS、Android |\n| `b` | Team Red | Web |\n"
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: reordered, source: table).isEmpty)
        let oneRow = "| 开关 | 平台 | 负责人 |\n| --- | --- | --- |\n| `a` | Team Blue | iOS、Android |\n| `b` | Web | Team Red |\n"
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: oneRow, source: table).map(\.span.start.line) == [3, 3])
    }
    /// One cell changed to the value another cell of its row holds (review 30 D6: an ON/OFF
    /// table): nothing moved, the other column still holds its own source value, so no swap is
    /// reported; the same two cells exchanged are.
    /// A kept code exchanged with the cell of words beside it (review 34 D12): an error code with
    /// digits (`E03`) or a code span alone in its cell (`` `X-Remaining` ``, no unit: reported at
    /// the cell of words the alignment pairs across). Silent: the row in place, every row's columns
    /// reordered by the translation, a quantity (`16 A`) exchanged (`number-mismatch`'s).
    @Test func keptCodeSwappedBetweenColumns() throws {
        let source = "| Code | Meaning |\n| --- | --- |\n| E01 | Water tank empty |\n| E03 | Brew unit not inserted |\n"
        let swapped = try Harness.findings(rule: MissingTranslationRule(), target: "| 代码 | 含义 |\n| --- | --- |\n| E01 | 水箱无水 |\n| 未装入冲煮单元 | E03 |\n", source: source)
        #expect(swapped.map(\.span.start.line) == [4], "\(swapped.map(\.message))")
        #expect(swapped.first?.message.contains("(“E03”)") == true, "\(swapped.map(\.message))")
        let header = "| Header | Meaning |\n| --- | --- |\n| `X-Limit` | Points per hour |\n| `X-Remaining` | Points left in the window |\n"
        let code = try Harness.findings(rule: MissingTranslationRule(), target: "| 响应头 | 含义 |\n| --- | --- |\n| `X-Limit` | 每小时点数 |\n| 窗口内剩余的点数 | `X-Remaining` |\n", source: header)
        #expect(code.map(\.span.start.line) == [4], "\(code.map(\.message))")
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: "| 代码 | 含义 |\n| --- | --- |\n| E01 | 水箱无水 |\n| E03 | 未装入冲煮单元 |\n", source: source).isEmpty)
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: "| 含义 | 代码 |\n| --- | --- |\n| 水箱无水 | E01 |\n| 未装入冲煮单元 | E03 |\n", source: source).isEmpty)
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: "| 含义 | 响应头 |\n| --- | --- |\n| 每小时点数 | `X-Limit` |\n| 窗口内剩余的点数 | `X-Remaining` |\n", source: header).isEmpty)
        let quantities = "| Breaker | Min | Max |\n| --- | --- | --- |\n| Type B | 16 A | 32 A |\n"
        #expect(try !Harness.findings(rule: MissingTranslationRule(), target: "| 断路器 | 最小 | 最大 |\n| --- | --- | --- |\n| B 型 | 32 A | 16 A |\n", source: quantities)
            .contains { $0.message.contains("swapped") })
    }

    @Test func oneCellChangedToAnotherColumnsValueIsNoSwap() throws {
        let source = "| Switch | Run | Flash | Recovery |\n| --- | --- | --- | --- |\n| SW1-1 | OFF | ON | ON |\n| SW1-2 | OFF | OFF | ON |\n"
        let changed = "| 开关 | 运行 | 刷写 | 恢复 |\n| --- | --- | --- | --- |\n| SW1-1 | OFF | ON | ON |\n| SW1-2 | OFF | OFF | OFF |\n"
        let found = try Harness.findings(rule: MissingTranslationRule(), target: changed, source: source)
        #expect(!found.contains { $0.message.contains("swapped") }, "\(found.map(\.message))")
        let exchanged = "| 开关 | 运行 | 刷写 | 恢复 |\n| --- | --- | --- | --- |\n| SW1-1 | OFF | ON | ON |\n| SW1-2 | OFF | ON | OFF |\n"
        let swapped = try Harness.findings(rule: MissingTranslationRule(), target: exchanged, source: source)
        #expect(swapped.filter { $0.message.contains("swapped") }.map(\.span.start.line) == [4, 4], "\(swapped.map(\.message))")
    }
    /// Two cells of words exchanged within a row, two stems crossed and the kind of cell a column
    /// holds in every other row (a yes/no value, a sentence) moved to the other column (review 24
    /// D10); header cells exchanged over rows that stay in place, though the alignment pairs them
    /// crosswise. Silent: the row in place, and a column whose other rows do not all hold the kind.
    @Test func cellsSwappedAgainstTheirColumnsKind() throws {
        let source = """
            | Data | Purpose | Shared |
            | --- | --- | --- |
            | Contacts | Account setup | No |
            | Location | Weather alerts | Yes |
            | Photos | Profile picture | No |

            """
        let swapped = """
            | 数据 | 用途 | 是否共享 |
            | --- | --- | --- |
            | 联系人 | 账户设置 | 否 |
            | 位置 | 是 | 天气提醒 |
            | 照片 | 个人头像 | 否 |

            """
        let found = try Harness.findings(rule: MissingTranslationRule(), target: swapped, source: source)
        #expect(found.map(\.span.start.line) == [4, 4], "\(found.map(\.message))")
        let inPlace = swapped.replacingOccurrences(of: "| 位置 | 是 | 天气提醒 |", with: "| 位置 | 天气提醒 | 是 |")
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: inPlace, source: source).isEmpty)
        // The column of values holds words in another row: no kind to tell by.
        let mixedSource = source.replacingOccurrences(of: "| Photos | Profile picture | No |", with: "| Photos | Profile picture | Only when you post |")
        let mixed = swapped.replacingOccurrences(of: "| 照片 | 个人头像 | 否 |", with: "| 照片 | 个人头像 | 仅在发布时 |")
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: mixed, source: mixedSource).isEmpty)
        // zh-Hant: the yes/no values are the locales' (`yesNo`), none in code.
        // (The cells in simplified characters: the lexicon that pairs them is zh-Hans'.)
        let hant = swapped
        let hantFound = try Harness.findings(rule: MissingTranslationRule(), target: hant, source: source, settings: ["target": "zh-Hant"])
        #expect(hantFound.map(\.span.start.line) == [4, 4], "\(hantFound.map(\.message))")
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: inPlace,
                                     source: source, settings: ["target": "zh-Hant"]).isEmpty)
        #expect(try LocaleData.load("zh-Hant").yesNo == LocaleData.load("zh-Hans").yesNo)
        #expect(try LocaleData.load("en").yesNo == [[0x79, 0x65, 0x73], [0x6E, 0x6F]])
        // A column of instructions, each a sentence, its cell exchanged with the error's.
        let codes = """
            | Code | Error | Remedy |
            | --- | --- | --- |
            | `E1` | Battery low | Replace the batteries. |
            | `E2` | Sensor blocked | Clean the sensor window. |
            | `E3` | Lid open | Close the lid firmly. |

            """
        let codesSwapped = """
            | 代码 | 错误 | 处理方法 |
            | --- | --- | --- |
            | `E1` | 电池电量低 | 更换电池。 |
            | `E2` | 清洁传感器窗口。 | 传感器被遮挡 |
            | `E3` | 盖子未关 | 盖紧盖子。 |

            """
        let codesFound = try Harness.findings(rule: MissingTranslationRule(), target: codesSwapped, source: codes)
        #expect(codesFound.map(\.span.start.line) == [4, 4], "\(codesFound.map(\.message))")
        // Header cells exchanged over rows in place.
        let fees = "| Item | Unit | Price (EUR) |\n| --- | --- | --- |\n| Hosting | per month | 900.00 |\n| Support | per hour | 120.00 |\n"
        let feesSwapped = "| 项目 | 价格（EUR） | 单位 |\n| --- | --- | --- |\n| 托管 | 每月 | 900.00 |\n| 支持 | 每小时 | 120.00 |\n"
        let feesFound = try Harness.findings(rule: MissingTranslationRule(), target: feesSwapped, source: fees)
        #expect(feesFound.map(\.span.start.line) == [1, 1], "\(feesFound.map(\.message))")
    }

    /// A negation character inside a connective (`否则`, `除非`: `negation.connectives`) negates no
    /// verb (review 30 D2): `…请移除盖子，否则灰尘会进入` for `Do not remove the cover…, because dust
    /// gets in` lost its negation as the same sentence with `因为` does. Silent: `请勿…，否则…`.
    @Test func negationInsideAConnectiveIsNone() throws {
        let source = "# Fan\n\nDo not remove the cover while the fan runs, because dust gets in.\n"
        let lost = "# 风扇\n\n风扇运转时请移除盖子，否则灰尘会进入。\n"
        let found = try Harness.findings(rule: MissingTranslationRule(), target: lost, source: source)
        #expect(found.map(\.span.start.line) == [3], "\(found.map(\.message))")
        #expect(found.allSatisfy { $0.severity == .warning })
        for kept in ["风扇运转时请勿移除盖子，否则灰尘会进入。", "风扇运转时不要移除盖子，否则灰尘会进入。"] {
            #expect(try Harness.findings(rule: MissingTranslationRule(), target: "# 风扇\n\n\(kept)\n", source: source).isEmpty, "\(kept)")
        }
        let cues = Harness.target.negationCues
        #expect(cues.connectives.contains("否则") && cues.connectives.contains("除非"))
        let text = Array("请移除盖子，否则灰尘会进入".unicodeScalars.map(\.value))
        let negations = LoneSentences.scalars(Harness.target.negations)
        let connectives = cues.connectives.map { Array($0.unicodeScalars.map(\.value)) }
        #expect(LoneSentences.saysNegation(text, text.indices, negations))
        #expect(!LoneSentences.saysNegation(text, text.indices, negations, outside: connectives))
    }

    /// A command turned into a request whatever the lexicon renders (review 30 D1): the source
    /// forbids (`Do not`, `Never`), the translation holds no negation and opens its main clause
    /// with a request (`请`, `务必`), at its start or after a time clause (`…时`, `…过程中`,
    /// `…后，`), an adverb after it or not (`请仅用` for `Never use … as the only …`: 仅 renders
    /// `only`, no limit saying the negation). Silent: the negation kept (`请勿`, `不要`), `请` inside
    /// a word (`请求`), a clause of another kind before it, a negated word said without a negation
    /// (`Don't forget` → `请记得`), a request whose first words are not the negated word's (`请妥善
    /// 保管` for `Never share`); a limit that says the negation (`最多`) leaves an info at most,
    /// also where the lexicon renders the verb (`请最多同时使用三个滤镜`: it was a warning).
    @Test func commandTurnedIntoARequest() throws {
        let source = """
            # Camera

            Do not disconnect the board.

            Do not change the shutter speed while recording.

            Never use colour as the only way to convey information.

            Do not unplug the camera after the update starts.

            Don't forget to save your settings.

            Do not use more than three filters at once.

            Never share your password.

            Do not disconnect more than two boards at once.

            """
        let target = """
            # 相机

            请断开开发板。

            录制过程中请更改快门速度。

            请仅用颜色传达信息。

            更新开始后，请拔下相机电源。

            请记得保存设置。

            请最多同时使用三个滤镜。

            请妥善保管您的密码。

            请最多同时断开两块开发板。

            """
        let found = try Harness.findings(rule: MissingTranslationRule(), target: target, source: source).filter { $0.severity == .warning }
        #expect(found.map(\.span.start.line) == [3, 5, 7, 9], "\(found.map(\.message))")
        let kept = target.replacingOccurrences(of: "请断开开发板。", with: "请勿断开开发板。")
            .replacingOccurrences(of: "录制过程中请更改", with: "录制过程中请不要更改")
            .replacingOccurrences(of: "请仅用颜色传达信息。", with: "请勿仅用颜色传达信息。")
            .replacingOccurrences(of: "更新开始后，请拔下", with: "更新开始后，不要拔下")
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: kept, source: source).filter { $0.severity == .warning }.isEmpty)
        // Without the bound the last one is a request turned round.
        let unbounded = target.replacingOccurrences(of: "请最多同时断开两块开发板。", with: "请同时断开两块开发板。")
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: unbounded, source: source).filter { $0.severity == .warning }.map(\.span.start.line) == [3, 5, 7, 9, 17])
    }

    /// Two source sentences the translation joins with a comma, the first a value's description
    /// (`None, which means…`): the kept `None` is a name, not a negation the translation lost.
    @Test func keptCapitalisedNegatorIsAName() throws {
        let source = "# Settings\n\nThe default is None, which means the session setting is used. The order from high to low is: call argument > client setting > config file. Two forms are accepted:\n"
        let joined = "# 设置\n\n默认为 None，表示使用会话设置，优先级从高到低为：调用参数 > 客户端设置 > 配置文件。支持两种形式：\n"
        #expect(try Harness.findings(rule: MissingTranslationRule(), target: joined, source: source).isEmpty)
        // A lowercase negation the joined translation drops is still reported.
        let negating = "# Settings\n\nThe default is not cached, which means the session setting is read again. The order from high to low is: call argument > client setting > config file. Two forms are accepted:\n"
        let dropped = "# 设置\n\n默认缓存，表示再次读取会话设置，优先级从高到低为：调用参数 > 客户端设置 > 配置文件。支持两种形式：\n"
        let found = try Harness.findings(rule: MissingTranslationRule(), target: dropped, source: negating)
        #expect(found.count == 1, "\(found.map(\.message))")
    }
}
