import Testing
@testable import BitextAlign
@testable import BitextCheck
import BitextMarkdown

/// One block on one side against two on the other, and sentences joined by commas (held-out
/// review h144, C2 and C7): a list item the translation split in two, a cell with a blank line
/// inside, an image block whose caption the translation split, five sentences written as one.
@Suite struct SplitBlockTests {
    static func warnings(_ target: String, _ source: String) throws -> [Finding] {
        try Harness.findings(target: target, source: source).filter { $0.severity != .info }
    }

    /// One item the translation wrote as two, their anchors together the source item's.
    @Test func listItemSplitInTwo() throws {
        #expect(try Self.warnings("# 训练\n\n请按以下步骤操作：\n\n* 指定模型的 `.yaml` 文件路径（此处为 `tiny_det.yaml`）\n* 将模式设为训练：`-o Global.mode=train`\n* 指定数据集路径：`-o Global.dataset_dir`\n* 其他设置可以在 `.yaml` 文件的 `Global` 和 `Train` 下修改，也可以在命令行中追加。例如在前两张卡上训练：`-o Global.device=gpu:0,1`；训练十轮：`-o Train.epochs_iters=10`。更多参数见[参数说明](params.md)。\n\n", "# Training\n\nFollow these steps:\n\n* Give the path of the model's `.yaml` file (here `tiny_det.yaml`)\n* Set the mode to training: `-o Global.mode=train`\n* Set the dataset path: `-o Global.dataset_dir`. Other settings can be changed under `Global` and `Train` in the `.yaml` file, or given on the command line. For example, train on the first two cards: `-o Global.device=gpu:0,1`; train for ten epochs: `-o Train.epochs_iters=10`. See [the parameter guide](params.md) for more.\n\n").isEmpty)
        // An item merged into its neighbour that lost its code is still reported.
        #expect(!(try Self.warnings("# 训练\n\n请按以下步骤操作：\n\n* 指定模型的 `.yaml` 文件路径（此处为 `tiny_det.yaml`）\n* 将模式设为训练：`-o Global.mode=train`\n* 指定数据集路径：`-o Global.dataset_dir`\n* 其他设置可以在配置文件里修改。\n", "# Training\n\nFollow these steps:\n\n* Give the path of the model's `.yaml` file (here `tiny_det.yaml`)\n* Set the mode to training: `-o Global.mode=train`\n* Set the dataset path: `-o Global.dataset_dir`. Other settings can be changed under `Global` and `Train` in the `.yaml` file, or given on the command line. For example, train on the first two cards: `-o Global.device=gpu:0,1`; train for ten epochs: `-o Train.epochs_iters=10`. See [the parameter guide](params.md) for more.\n\n")).isEmpty)
    }

    /// A cell with a blank line inside: its second paragraph is the rest of the cell.
    @Test func cellWithABlankLine() throws {
        #expect(try Self.warnings("# 模型\n\n<table>\n<tr><td>小型</td><td>小模型占用内存少。\n\n它可以在手机上运行。</td></tr>\n</table>\n", "# Models\n\n<table>\n<tr><td>tiny</td><td>The small model keeps memory use low. It runs on a phone.</td></tr>\n</table>\n").isEmpty)
        // Tags in capitals are the same cells (HTML's names have no case).
        #expect(try Self.warnings("# 模型\n\n<TABLE>\n<TR><TD>小型</TD><TD>小模型占用内存少。\n\n它可以在手机上运行。</TD></TR>\n</TABLE>\n", "# Models\n\n<TABLE>\n<TR><TD>tiny</TD><TD>The small model keeps memory use low. It runs on a phone.</TD></TR>\n</TABLE>\n").isEmpty)
        // A paragraph after the table that closes no cell is still an addition.
        #expect(try Self.warnings("# 模型\n\n<table>\n<tr><td>小型</td><td>小模型占用内存少，可以在手机上运行。</td></tr>\n</table>\n\n这一段是译者加的说明，原文没有。\n", "# Models\n\n<table>\n<tr><td>tiny</td><td>The small model keeps memory use low. It runs on a phone.</td></tr>\n</table>\n").map(\.rule) == ["extra-block"])
    }

    /// The same image on both sides pins its block: the caption split in two pairs with the
    /// source caption, not the paragraph before the image.
    @Test func imagePinsItsBlock() throws {
        #expect(try Self.warnings("# 简介\n\n表格定位是一项视觉任务，它找出扫描页面上的每一张表格，并把表格与周围的文字分开。它常用于发票处理、档案数字化和报告解析等场景。本产线同时提供了灵活的服务化部署方式，支持在多种硬件上使用多种编程语言调用。不仅如此，本产线也提供了二次开发的能力，您可以基于本产线在您自己的数据集上训练调优，训练后的模型也可以无缝集成。\n\n<img src=\"https://example.org/pics/overview.png\"/>\n<b>该产线包含一个检测模块</b>。\n\n<b>如果您更在意精度，请选择较大的模型；如果您更在意速度，请选择较小的模型；如果您更在意存储空间，请选择最小的模型。</b>\n\n> 耗时只包含模型推理。\n", "# Intro\n\nTable finding is a vision task that locates every table on a scanned page and separates it from the text around it. It is used in invoice processing, archive digitisation and report parsing.\n\n<img src=\"https://example.org/pics/overview.png\"/>\n<b>The pipeline contains one detection module. If you care about accuracy, pick a larger model; if you care about speed, pick a smaller one; if you care about disk space, pick the smallest one.</b>\n\n> Timing covers model inference only.\n").isEmpty)
        // Another image: nothing pins, the block after it stays an addition.
        #expect(try Self.warnings("# 简介\n\n表格定位是一项视觉任务，它找出扫描页面上的每一张表格，并把表格与周围的文字分开。它常用于发票处理、档案数字化和报告解析等场景。本产线同时提供了灵活的服务化部署方式，支持在多种硬件上使用多种编程语言调用。不仅如此，本产线也提供了二次开发的能力，您可以基于本产线在您自己的数据集上训练调优，训练后的模型也可以无缝集成。\n\n<img src=\"https://example.org/pics/overview_cn.png\"/>\n<b>该产线包含一个检测模块</b>。\n\n<b>如果您更在意精度，请选择较大的模型；如果您更在意速度，请选择较小的模型；如果您更在意存储空间，请选择最小的模型。</b>\n\n> 耗时只包含模型推理。\n", "# Intro\n\nTable finding is a vision task that locates every table on a scanned page and separates it from the text around it. It is used in invoice processing, archive digitisation and report parsing.\n\n<img src=\"https://example.org/pics/overview.png\"/>\n<b>The pipeline contains one detection module. If you care about accuracy, pick a larger model; if you care about speed, pick a smaller one; if you care about disk space, pick the smallest one.</b>\n\n> Timing covers model inference only.\n").map(\.rule) == ["extra-block"])
    }

    /// Five sentences the translation joins into one with commas and a `；`: one 5-1 sentence
    /// bead, no sentence left over.
    @Test func fiveSentencesInOne() throws {
        let checker = Checker(settings: Harness.settings(), messages: Messages.load("en"), glossary: nil, rules: [])
        try checker.withToolkit { toolkit in
            let src = Document(SourceText(path: "source.md", text: "# Analysis\n\nYou can study the images that were recognised poorly. If many faces were not found during the study, the detector may be too weak. You should read the [detector guide](https://docs.example.org/latest/en/module_usage/tutorials/vision/face_detector_guide.html) and its <b>Fine-tuning</b> section to train the detector on your own data. If found faces are matched to the wrong person, the feature model needs work. You should read the [feature guide](https://docs.example.org/latest/en/module_usage/tutorials/vision/face_feature_guide.html) and its <b>Fine-tuning</b> section to train the feature model.\n"))
            let doc = Document(SourceText(path: "target.md", text: "# 分析\n\n您可以对识别效果差的图片进行分析，如果在分析过程中发现有较多的人脸未被检出，那么可能是检测模型不足，您需要参考[检测器教程](https://docs.example.org/latest/module_usage/tutorials/vision/face_detector_guide.html)中的<b>微调</b>章节，使用您自己的数据训练检测模型；如果已检出的人脸匹配到了错误的人，说明特征模型需要改进，您需要参考[特征教程](https://docs.example.org/latest/module_usage/tutorials/vision/face_feature_guide.html)中的<b>微调</b>章节，对特征模型进行训练。\n"))
            let al = DocumentAligner(functionWords: Harness.source.functionWords, numerals: Harness.target.numerals)
                .align(source: src, sourceAnalyses: checker.analyze(src, toolkit: toolkit), target: doc, targetAnalyses: checker.analyze(doc, toolkit: toolkit))
            let paragraph = try #require(al.beads.last)
            #expect(paragraph.sentences.map(\.source.count) == [5])
        }
    }
}
