import Foundation
import Testing
@testable import BitextCheck

/// English kept in the translation with one word replaced by another (a programme's name, a menu
/// path, a ticker, a UI label, an option's value: review rounds 26–34): a warning, while a
/// misspelling, a plural, a name shortened or partly translated stays info or silent.
@Suite struct KeptTextAlteredTests {
    func found(_ target: String, _ source: String) throws -> [(line: Int, text: String, severity: Severity)] {
        try Harness.findings(rule: KeptTextRule(), target: target, source: source)
            .map { ($0.span.start.line, $0.text, $0.severity) }
    }

    func warnings(_ target: String, _ source: String) throws -> [String] {
        try found(target, source).filter { $0.severity == .warning }.map(\.text)
    }

    @Test func wordOfATitleReplaced() throws {
        let source = "Applicants to the MSc Marine Biology need a first degree in science.\n"
        #expect(try warnings("MSc Marine Ecology 的申请人需要理科学士学位。\n", source) == ["Ecology"])
        // Kept as written, partly translated, or shortened: silent.
        #expect(try found("MSc Marine Biology 的申请人需要理科学士学位。\n", source).isEmpty)
        #expect(try found("海洋生物学硕士（MSc Marine Biology）的申请人需要理科学士学位。\n", source).isEmpty)
        #expect(try warnings("MSc 海洋生物学的申请人需要理科学士学位。\n", source).isEmpty)
    }

    @Test func menuPathAndLabel() throws {
        #expect(try warnings("1. 打开 **Menu > Video > Output Level**。\n", "1. Open **Menu > Audio > Output Level**.\n") == ["Video"])
        #expect(try found("1. 打开 **Menu > Audio > Output Level**。\n", "1. Open **Menu > Audio > Output Level**.\n").isEmpty)
        // The label's word in the source's prose, lowercase, is no spelling of the label.
        let source = "To edit the name, tap **Settings** → **Rename Room**.\n"
        #expect(try warnings("要修改名称，请轻点 **Settings** → **Edit Room**。\n", source) == ["Edit"])
        #expect(try found("要修改名称，请轻点 **Settings** → **Rename Room**。\n", source).isEmpty)
    }

    @Test func codeReplaced() throws {
        let source = "Ridgeway Labs (NASDAQ: RDGW) reported its results today.\n"
        #expect(try warnings("Ridgeway Labs（NYSE: RDGW）今天公布了业绩。\n", source) == ["NYSE"])
        #expect(try found("Ridgeway Labs（NASDAQ: RDGW）今天公布了业绩。\n", source).isEmpty)
        // One letter of a form's code changed.
        let form = "If you had income from abroad, choose **Form TX-B**.\n"
        #expect(try warnings("如有境外收入，请选择 **Form TX-D**。\n", form) == ["TX-D"])
    }

    @Test func misspellingOrOwnSpellingStaysInfo() throws {
        // A misspelling of a name (no word of its own): info, as before.
        let f = try found("东京大学的小松真理（Mari Komatzu）教授说。\n", "said Prof. Mari Komatsu of the University of Tokyo.\n")
        #expect(f.map(\.severity) == [.info], "\(f)")
        // The replacement a word the source document writes so elsewhere: no warning.
        let source = "1. Open **Menu > Audio > Output Level**.\n\n2. Then open **Video**.\n"
        #expect(try warnings("1. 打开 **Menu > Video > Output Level**。\n\n2. 然后打开 **Video**。\n", source).isEmpty)
        // Two words changed: a rewording, not a word replaced.
        #expect(try warnings("MSc Ocean Ecology 的申请人需要理科学士学位。\n", "Applicants to the MSc Marine Biology need a first degree in science.\n").isEmpty)
    }

    @Test func valueInCapitalsReplaced() throws {
        let source = "Set the fan in three steps (LOW, MID, HIGH); the default is MID.\n"
        #expect(try warnings("风扇分三档（LOW、MID、HIGH）；默认为 HIGH。\n", source) == ["HIGH"])
        #expect(try found("风扇分三档（LOW、MID、HIGH）；默认为 MID。\n", source).isEmpty)
        // A value rendered into Chinese: fewer kept, silent.
        #expect(try warnings("风扇分三档（低、MID、HIGH）；默认为 HIGH。\n", source).isEmpty)
        // A unit of measure beside its number is number-mismatch's.
        #expect(try warnings("取回的费用为每 GB 0.02 美元，加急取回的费用为每 TB 0.03 美元。\n",
                             "Retrieval costs $0.02 per GB, and expedited retrieval costs $0.03 per GB.\n").isEmpty)
        // A value written otherwise explains the counts: the source's in lowercase, or the
        // translation's a piece of a source word.
        let stack = "Tune the TSM module, the DML step and the LTA module on a CPU-oriented build.\n"
        #expect(try warnings("在面向 CPU 的构建上调优 tsm 模块、DML 步骤和 LTA 模块。\n", stack).isEmpty)
        #expect(try warnings("在面向 CPU 的构建上调优该模块、DML 步骤和 LTA 模块。\n", stack).isEmpty)
        // Single capitals count only set off in emphasis.
        let modes = "In the **A**, **S** and **P** modes the camera sets part of the exposure.\n"
        #expect(try warnings("在 **A**、**S** 和 **M** 模式下，相机自行设置部分曝光。\n", modes) == ["M"])
        #expect(try found("在 **A**、**S** 和 **P** 模式下，相机自行设置部分曝光。\n", modes).isEmpty)
        // A value the translation writes nowhere, rendered in words, beside another the source
        // writes too, said once more (held-out pages): no swap.
        let base = "For the embedding service, use the API base URL and a model name.\n"
        #expect(try warnings("对于嵌入服务，API 地址应填写服务的 API 基础地址和模型名称。\n", base).isEmpty)
        let gateway = "NewAPI is an LLM gateway built on top of One API.\n"
        #expect(try warnings("New API 是一个基于 One API 开发的大模型网关。\n", gateway).isEmpty)
    }
}
