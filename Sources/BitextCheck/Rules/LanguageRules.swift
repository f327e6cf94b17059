import BitextICU
import BitextMarkdown
import BitextText

/// `untranslated`: a whole unit still in the source language: prose, not a name.
public struct UntranslatedRule: Rule {
    public let id = "untranslated"
    public let defaultSeverity = Severity.warning
    public let summary = "A unit (heading, paragraph, list item, table cell…) still entirely in English prose."
    public var examples: [RuleExample] {
        [
            RuleExample("# 导言\n\n↓This paragraph was never translated into Chinese.\n"),
            RuleExample("## ↓The AI Landscape\n\n这一节已经翻译了。\n"),
            RuleExample("- 第一项\n- ↓the second item is still English\n"),
            RuleExample("# 导言\n\n我们使用 ChatGPT 和 GPU 训练模型。\n\n## ChatGPT\n"),
            RuleExample("## `useState`\n\n```js\nconst x = 1;\n```\n"),
            RuleExample("（译者注：this note is the translator's own.）\n"),
        ]
    }

    public init() {}

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self) else { return }
        for (k, u) in c.document.units.enumerated() {
            guard UntranslatedRule.isUntranslated(c, k) else { continue }
            let kind = c.messages.text("kind.\(u.kind.name)")
            emit(c.finding(self, severity: severity, unit: k, range: 0..<u.text.count,
                           message: c.messages.text("untranslated", ["kind": kind])))
        }
    }

    /// True when unit `k` has no Chinese and reads as English prose, not as names the
    /// translation keeps (see ``Checker/keptVocabulary(_:base:)``).
    static func isUntranslated(_ c: FileContext, _ k: Int) -> Bool {
        let a = c.analyses[k]
        guard !a.isNote, !a.hasHan, let s = a.stretches.first else { return false }
        return s.classify(kept: c.keptVocabulary)
    }
}

/// `mixed-language`: English prose inside a unit that is otherwise Chinese.
public struct MixedLanguageRule: Rule {
    public let id = "mixed-language"
    public let defaultSeverity = Severity.warning
    public let summary = "English prose inside a Chinese unit: a translation that stopped mid-paragraph, or a sentence left in English."
    public var examples: [RuleExample] {
        [
            RuleExample("截至2024年6月，全世界都在讨论AI， ↓at a breakneck pace, demos circulate of robots powered by LLMs.\n"),
            RuleExample("第一句已经翻译了。↓The second sentence is still in English, as it was.\n"),
            RuleExample("我们使用巨型语言模型（LLM）和 Hugging Face 的 Transformers 库。\n"),
            RuleExample("这本书是各位在AI学习时的Roadmap，参见[Attention Is All You Need](https://arxiv.org/abs/1706.03762)。\n"),
            RuleExample("调用 `fetch(\"https://example.com/api/items\")` 获取数据，详见 https://example.com/docs/fetch-the-data 。\n"),
            RuleExample("作者称之为“the bitter lesson of the field”，并解释了原因。\n"),
            RuleExample("本书面向初学者。（译者注：the author says this is for anyone at all.）\n"),
        ]
    }

    public init() {}

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self) else { return }
        for (k, a) in c.analyses.enumerated() where a.hasHan && !a.isNote {
            let u = c.document.units[k]
            for s in a.stretches where s.isProse {
                let atEnd = !(s.range.upperBound..<u.text.count).contains { u.roles[$0] == .content && isHanChar(u.text[$0]) }
                let key = atEnd ? "mixed-language.end" : "mixed-language.inside"
                emit(c.finding(self, severity: severity, unit: k, range: s.range,
                               message: c.messages.text(key, ["words": String(s.words)]),
                               details: [("words", .int(s.words))]))
            }
        }
    }
}

func isHanChar(_ c: UInt32) -> Bool {
    c >= 0x2E80 && Characters.script(c) == .han
}

func isLatinChar(_ c: UInt32) -> Bool {
    c < 0x80 ? ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) : Characters.script(c) == .latin
}

func isASCIIDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }
