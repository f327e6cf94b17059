import Foundation
import BitextAlign
import BitextMarkdown
import BitextText

/// `same-as-source`: a target unit identical to its source unit, when it is more than names,
/// numbers or code (those rightly stay the same). `untranslated` wins when both apply.
public struct SameAsSourceRule: Rule {
    public let id = "same-as-source"
    public let defaultSeverity = Severity.warning
    public let summary = "Bilingual: a target unit identical to its source unit (names, numbers and code-only units excepted)."
    public let isBilingual = true
    public var examples: [RuleExample] {
        [
            RuleExample("我们用 props 和 state 管理数据。\n\n## ↓props vs state\n", source: "We manage data with props and state.\n\n## props vs state\n"),
            RuleExample("# ChatGPT\n", source: "# ChatGPT\n"),
            RuleExample("| 版本 |\n| --- |\n| 18.2 |\n", source: "| Version |\n| --- |\n| 18.2 |\n"),
        ]
    }

    public init() {}

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self), let p = c.pairing else { return }
        for bead in p.alignment.beads where bead.source.count == 1 && bead.target.count == 1 {
            guard let t = c.document.unitIndex(block: bead.target[0]), let s = p.source.unitIndex(block: bead.source[0]) else { continue }
            let tu = c.document.units[t], su = p.source.units[s]
            guard tu.plainText == su.plainText else { continue }
            if UntranslatedRule.isUntranslated(c, t) && c.settings.severity(UntranslatedRule()) != nil { continue }
            let a = c.analyses[t]
            // Pure names, numbers and code stay the same in a translation.
            let latin = a.words.filter { $0.kind == .latin }
            if latin.isEmpty { continue }
            let allNames = latin.allSatisfy { w in
                let first = tu.text[w.range.lowerBound]
                return (first >= 0x41 && first <= 0x5A) || w.range.contains { (0x30...0x39).contains(tu.text[$0]) }
            }
            if allNames && !(a.stretches.first?.isProse ?? false) { continue }
            emit(c.finding(self, severity: severity, unit: t, range: 0..<tu.text.count,
                           message: c.messages.text("same-as-source", ["line": String(su.start.line)]),
                           details: [("sourceLine", .int(su.start.line))]))
        }
    }
}

/// `missing-translation`: a source unit with no counterpart in the translation.
public struct MissingTranslationRule: Rule {
    public let id = "missing-translation"
    public let defaultSeverity = Severity.warning
    public let summary = "Bilingual: a source unit with no counterpart in the translation (reported where it should be)."
    public let isBilingual = true
    public var examples: [RuleExample] {
        [
            RuleExample("# 导言\n\n第一段。\n\n↓第三段。\n",
                        source: "# Introduction\n\nThe first paragraph.\n\nThe second paragraph, which the translator skipped entirely.\n\nThe third paragraph.\n"),
            RuleExample("# 导言\n\n第一段。\n", source: "# Introduction\n\nThe first paragraph.\n"),
        ]
    }

    public init() {}

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self), let p = c.pairing else { return }
        let beads = p.alignment.beads
        for (k, bead) in beads.enumerated() where bead.target.isEmpty {
            let sourceUnits = bead.source.compactMap { p.source.unitIndex(block: $0) }
            guard let first = sourceUnits.first else { continue }
            // Report at the next target unit, else at the previous one.
            var anchor: Int? = nil
            for b in beads[(k + 1)...] {
                if let u = b.target.compactMap({ c.document.unitIndex(block: $0) }).first { anchor = u; break }
            }
            if anchor == nil {
                for b in beads[..<k].reversed() {
                    if let u = b.target.compactMap({ c.document.unitIndex(block: $0) }).last { anchor = u; break }
                }
            }
            guard let a = anchor else { continue }
            let su = p.source.units[first]
            let last = p.source.units[sourceUnits.last!]
            let preview = String(su.plainText.prefix(60))
            let u = c.document.units[a]
            emit(c.finding(self, severity: severity, unit: a, range: 0..<min(1, u.text.count),
                           message: c.messages.text("missing-translation", [
                               "lines": su.start.line == last.end.line ? String(su.start.line) : "\(su.start.line)–\(last.end.line)",
                               "preview": preview, "source": p.source.path]),
                           details: [("sourceLine", .int(su.start.line)), ("sourceEndLine", .int(last.end.line)),
                                     ("sourceText", .string(su.plainText))]))
        }
    }
}

/// `extra-block`: a target unit with no source counterpart. Translator's notes are reported
/// as `translator-note` (info) instead.
public struct ExtraBlockRule: Rule {
    public let id = "extra-block"
    public let defaultSeverity = Severity.warning
    public let summary = "Bilingual: a target unit with no counterpart in the source (translator's notes excepted)."
    public let isBilingual = true
    public var examples: [RuleExample] {
        [
            RuleExample("# 导言\n\n第一段。\n\n↓这一段在原文里没有对应的内容，是译者自己加的说明文字。\n\n第二段。\n",
                        source: "# Introduction\n\nThe first paragraph.\n\nThe second paragraph.\n"),
            RuleExample("# 导言\n\n第一段。\n\n译者注：这一段是译者加的。\n\n第二段。\n",
                        source: "# Introduction\n\nThe first paragraph.\n\nThe second paragraph.\n"),
        ]
    }

    public init() {}

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let p = c.pairing else { return }
        let severity = c.settings.severity(self)
        let noteSeverity = c.settings.severity(id: "translator-note", default: .info)
        for bead in p.alignment.beads where bead.source.isEmpty {
            for t in bead.target.compactMap({ c.document.unitIndex(block: $0) }) {
                let u = c.document.units[t]
                // A link to the source file at the commit translated (drift's record): no translation.
                if SourceRecord.isRecordUnit(c.document, t, sourceName: (p.source.path as NSString).lastPathComponent) { continue }
                if c.analyses[t].isNote {
                    if let s = noteSeverity {
                        emit(Finding(rule: "translator-note", severity: s, file: c.document.path, span: u.span,
                                     message: c.messages.text("translator-note"), text: u.string))
                    }
                } else if let s = severity {
                    emit(c.finding(self, severity: s, unit: t, range: 0..<u.text.count,
                                   message: c.messages.text("extra-block")))
                }
            }
        }
    }
}
