import BitextGlossary
import BitextMarkdown
import BitextText

/// `glossary-forbidden`: a variant the glossary forbids, in the translation.
///
/// A variant in quotation marks (`"大模型"`, `“大模型”`) is a mention, not a use — a translator's
/// note explaining the choice — and is not reported. A variant must start and end on ICU word
/// boundaries, so `大模型` is not found inside `巨大模型` (巨大|模型); a word across one of its ends
/// that only adds a grammatical character (`记事本会` read 记事|本会) is ICU's choice between two
/// readings, and the variant is found.
public struct GlossaryForbiddenRule: Rule {
    public let id = "glossary-forbidden"
    public let defaultSeverity = Severity.error
    public let summary = "A forbidden variant of a glossary term in the translation (e.g. 大模型 where the glossary says 巨型语言模型)."
    static let glossary = "LLM\t巨型语言模型\tthe translator's choice\t大模型|大语言模型\n"
    public var examples: [RuleExample] {
        [
            RuleExample("现在人人都在谈论↓大模型。\n", glossary: GlossaryForbiddenRule.glossary),
            RuleExample("↓大语言模型的发展很快。\n", glossary: GlossaryForbiddenRule.glossary),
            RuleExample("巨型语言模型的发展很快。\n", glossary: GlossaryForbiddenRule.glossary),
            RuleExample("媒体喜欢\"大模型\"这个说法，我们改用\"巨型语言模型\"。\n", glossary: GlossaryForbiddenRule.glossary),
            RuleExample("这是一个巨大模型。\n", glossary: GlossaryForbiddenRule.glossary),
            // ICU reads 记事|本会 here; 本会 only adds 会 (will) to the variant.
            RuleExample("下一个↓记事本会用到它。\n", glossary: "notebook\t笔记本\t\t记事本\n"),
            // With the source: 目录 (*directory*) where the source says no "inventory" is said as
            // info, without a fix; where it does, an error.
            RuleExample("保留五个旧版本↓目录。\n", source: "Keep five old release folders.\n",
                        glossary: "inventory\t清单\t\t库存|目录\n"),
            RuleExample("把主机写进↓目录。\n", source: "Add the host to the inventory.\n",
                        glossary: "inventory\t清单\t\t库存|目录\n"),
            // The text a shortcode shows is the translation's too.
            RuleExample("每个{{< glossary_tooltip text=\"↓大模型\" term_id=\"llm\" >}}都需要显卡。\n", glossary: GlossaryForbiddenRule.glossary),
        ]
    }

    public init() {}

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self), let g = c.glossary else { return }
        var sourceUnits: [Int: [Int]]? = nil
        for (k, hits) in c.targetHits.enumerated() {
            let u = c.document.units[k]
            for h in hits where h.form == .forbidden {
                guard GlossaryForbiddenRule.onWordBoundaries(h.range, u, c.hanWords(k)) else { continue }
                if GlossaryForbiddenRule.isQuotedMention(h.range, u, c.settings) { continue }
                let e = g.glossary.entries[h.entry]
                let preferred = e.keepAsIs ? e.source : e.target
                let values = ["preferred": preferred, "found": h.term, "location": e.location, "source": e.source]
                var details: [(String, JSON)] = [("term", .string(e.source)), ("preferred", .string(preferred)),
                                                 ("glossary", .string(e.location))]
                // With the source: a variant that is a word of its own the dictionary does not
                // give for the term (目录, *directory*, forbidden for "inventory"), where the
                // aligned source does not say the term, translates something else, most likely;
                // said, as info, without a fix. (One the dictionary gives for the term, 本征值 for
                // "eigenvalue", renders it even where the translator added it.)
                if let p = c.pairing, let lexicon = Lexicon.shared, let w = lexicon.word(h.term.unicodeScalars.map(\.value)),
                   !GlossaryForbiddenRule.glosses(w, e.source, lexicon, c.settings.source.functionWords) {
                    if sourceUnits == nil { sourceUnits = p.sourceUnits(of: c.document) }
                    if let su = sourceUnits![k], !su.isEmpty,
                       !su.contains(where: { GlossaryForbiddenRule.says(p, $0, forbidding: h.term, g) }) {
                        details.append(("evidence", .string("source-without-term")))
                        emit(c.finding(self, severity: min(severity, .info), unit: k, range: h.range,
                                       message: c.messages.text("glossary-forbidden.other-sense", values), details: details))
                        continue
                    }
                }
                emit(c.finding(self, severity: severity, unit: k, range: h.range,
                               message: c.messages.text("glossary-forbidden", values), fix: Fix(preferred), details: details))
            }
        }
    }

    /// Whether one of the lexicon's glosses of word `w` is the glossary term (its words, stemmed).
    static func glosses(_ w: Int32, _ term: String, _ lexicon: Lexicon, _ functionWords: Set<String>) -> Bool {
        let stems = term.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { Stemmer.stem(String($0)) }.joined(separator: " ")
        return ProjectChecks.TermWords(stems, lexicon: lexicon, functionWords: functionWords).reading(of: w).renders
    }

    /// Source unit `su` uses a term whose entry forbids `variant`.
    static func says(_ p: Pairing, _ su: Int, forbidding variant: String, _ g: GlossaryIndex) -> Bool {
        let u = p.source.units[su]
        let hits = p.sourceTermHits.map { $0[su] }
            ?? g.sourceHits(text: u.text, words: p.sourceAnalyses[su].words, isHeading: u.kind.headingLevel != nil)
        return hits.contains { h in g.glossary.entries[h.entry].forbidden.contains { $0.lowercased() == variant.lowercased() } }
    }

    /// Han ends of the hit fall on ICU word boundaries.
    static func onWordBoundaries(_ r: Range<Int>, _ u: Unit, _ hanWords: [Word]) -> Bool {
        func boundary(_ i: Int, start: Bool) -> Bool {
            // Only Han meets Han without a boundary of its own.
            let inside = start ? i : i - 1
            let outside = start ? i - 1 : i
            guard outside >= 0, outside < u.text.count, isHanChar(u.text[inside]), isHanChar(u.text[outside]),
                  u.roles[outside] == .content else { return true }
            for w in hanWords {
                if start && w.range.lowerBound == i { return true }
                if !start && w.range.upperBound == i { return true }
                // A word that takes one grammatical character from outside a variant of three
                // characters or more (记事|本会 for 记事本|会): the dictionary's other reading, as
                // likely as ICU's; a word that takes a content character (巨大|模型) is the word
                // there. (Two characters are too short to tell: 一个|子集 is no 个子.)
                if r.count >= 3 && w.range.contains(inside) && w.range.contains(outside)
                    && (start ? w.range.lowerBound == outside : w.range.upperBound == outside + 1)
                    && TermMiner.isGrammatical(Unicode.Scalar(u.text[outside]) ?? " ") { return true }
                if w.range.lowerBound > i { break }
            }
            return false
        }
        return boundary(r.lowerBound, start: true) && boundary(r.upperBound, start: false)
    }

    /// The hit is enclosed in a pair of quotation marks.
    static func isQuotedMention(_ r: Range<Int>, _ u: Unit, _ s: Settings) -> Bool {
        guard r.lowerBound > 0, r.upperBound < u.text.count else { return false }
        // (Quotes that are syntax, `text="结点"` in a shortcode, mention nothing.)
        guard u.roles[r.lowerBound - 1] == .content, u.roles[r.upperBound] == .content else { return false }
        let before = u.text[r.lowerBound - 1], after = u.text[r.upperBound]
        for q in s.target.quotes + s.source.quotes where q.open == before && q.close == after { return true }
        return false
    }
}

/// `glossary-missing`: the source uses a glossary term, the aligned translation has none of
/// its accepted renderings.
public struct GlossaryMissingRule: Rule {
    public let id = "glossary-missing"
    public let defaultSeverity = Severity.warning
    public let summary = "Bilingual: the aligned source unit uses a glossary term and the translation has none of its accepted renderings."
    public let isBilingual = true
    public var examples: [RuleExample] {
        [
            RuleExample("↓这些模型由神经网络驱动。\n", source: "These models are powered by LLMs.\n",
                        glossary: GlossaryForbiddenRule.glossary),
            RuleExample("这些巨型语言模型（LLM）由神经网络驱动。\n", source: "These models are powered by LLMs.\n",
                        glossary: GlossaryForbiddenRule.glossary),
            RuleExample("我们用 Transformer 架构。\n", source: "We use the Transformer architecture.\n",
                        glossary: "Transformer\t\tstays English\t\t\tkeep-as-is\n"),
            RuleExample("这些模型很强大。And the rest of this paragraph was never translated at all.\n",
                        source: "These LLMs are strong. And the rest of this paragraph was never translated at all.\n",
                        glossary: GlossaryForbiddenRule.glossary),
            // The term inside a menu path the translation keeps as the screen shows it.
            RuleExample("变量可以在控制台的 **Settings → Environment Variables** 中设置。\n",
                        source: "Set variables in the dashboard under **Settings → Environment Variables**.\n",
                        glossary: "environment variable\t环境变量\t\t环境参数\n"),
            // … but a use in prose beside it still needs the rendering.
            RuleExample("↓变量可以在控制台的 **Settings → Environment Variables** 中设置，这些变量在运行时读取。\n",
                        source: "Set variables in the dashboard under **Settings → Environment Variables**; each environment variable is read at run time.\n",
                        glossary: "environment variable\t环境变量\t\t环境参数\n"),
            // A case-sensitive term (a defined party) is not the ordinary word in lower case …
            RuleExample("数据由我们的服务器处理。\n", source: "The data is handled by our processors.\n",
                        glossary: "Processor\t处理者\tdefined party\t\t\tcase-sensitive\n"),
            // … and the defined term itself still needs its rendering.
            RuleExample("↓数据由服务商处理。\n", source: "The data is handled by the Processor.\n",
                        glossary: "Processor\t处理者\tdefined party\t\t\tcase-sensitive\n"),
        ]
    }

    public init() {}

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self), let g = c.glossary, let p = c.pairing else { return }
        let mixedReported = c.settings.severity(MixedLanguageRule()) != nil
        for bead in p.alignment.beads where !bead.source.isEmpty && !bead.target.isEmpty {
            let targetUnits = bead.target.compactMap { c.document.unitIndex(block: $0) }
            let sourceUnits = bead.source.compactMap { p.source.unitIndex(block: $0) }
            guard let firstTarget = targetUnits.first, !sourceUnits.isEmpty else { continue }
            // Untranslated units are reported as such, not term by term; so are units whose
            // translation stops or switches to English (`mixed-language`): the terms of the
            // English part are not missing, they are untranslated.
            guard targetUnits.contains(where: { c.analyses[$0].hasHan }) else { continue }
            if mixedReported && targetUnits.contains(where: { c.analyses[$0].stretches.contains(where: \.isProse) }) { continue }
            var needed: [Int] = []
            // How often the source uses each needed entry.
            var uses: [Int] = []
            for su in sourceUnits {
                let u = p.source.units[su]
                let hits = p.sourceTermHits.map { $0[su] }
                    ?? g.sourceHits(text: u.text, words: p.sourceAnalyses[su].words, isHeading: u.kind.headingLevel != nil)
                for h in hits {
                    if let i = needed.firstIndex(of: h.entry) { uses[i] += 1; continue }
                    // Context-dependent entries and function words ("you") cannot be required.
                    let e = g.glossary.entries[h.entry]
                    if e.contextDependent || c.settings.source.functionWords.contains(e.source.lowercased()) { continue }
                    needed.append(h.entry)
                    uses.append(1)
                }
            }
            guard !needed.isEmpty else { continue }
            // Renderings are compared as strings: two entries may share one (LLM and large
            // language model both render as 巨型语言模型).
            var present = Set<String>()
            var forbiddenPresent = Set<String>()
            // Uses of an entry inside a longer name the translation keeps in English (a menu path
            // in bold, a quoted title, link text, a label after a UI verb): `**Settings →
            // Environment Variables**` names what the screen says, whatever the glossary makes of
            // the term in prose.
            var inKeptName: [Int: Int] = [:]
            for tu in targetUnits {
                for h in c.targetHits[tu] {
                    if h.form == .forbidden { forbiddenPresent.insert(h.term.lowercased()) } else { present.insert(h.term.lowercased()) }
                }
                let u = c.document.units[tu], a = c.analyses[tu]
                for h in g.sourceHits(text: u.text, words: a.words) {
                    let term = g.glossary.entries[h.entry].source
                    present.insert(term.lowercased())
                    let termWords = term.split(separator: " ").count
                    if a.stretches.contains(where: { s in
                        !s.isProse && s.isNameAsShown
                            && s.range.lowerBound <= h.range.lowerBound && h.range.upperBound <= s.range.upperBound
                            && s.tokens.count > termWords
                    }) {
                        inKeptName[h.entry, default: 0] += 1
                    }
                }
            }
            for (i, e) in needed.enumerated() {
                if inKeptName[e, default: 0] >= uses[i] { continue }
                let entry = g.glossary.entries[e]
                // A longer glossary string that holds the rendering counts (遵循协议 holds 协议).
                if entry.accepted.contains(where: { a in
                    let a = a.lowercased()
                    return present.contains(a) || present.contains { $0.count > a.count && $0.contains(a) }
                }) { continue }
                if entry.forbidden.contains(where: { forbiddenPresent.contains($0.lowercased()) }) { continue }
                let renderings = entry.accepted.joined(separator: c.messages.text("list.or"))
                let u = c.document.units[firstTarget]
                emit(c.finding(self, severity: severity, unit: firstTarget, range: 0..<u.text.count,
                               message: c.messages.text("glossary-missing", ["term": entry.source, "renderings": renderings,
                                                                            "location": entry.location]),
                               details: [("term", .string(entry.source)), ("glossary", .string(entry.location)),
                                         ("sourceLine", .int(p.source.units[sourceUnits[0]].start.line))]))
            }
        }
    }
}

/// `glossary-inconsistent`: a source term with no glossary entry rendered in more than one way
/// across the project. Runs once over all pairs (see `ProjectChecks`), not file by file.
public struct GlossaryInconsistentRule: Rule {
    public let id = "glossary-inconsistent"
    public let defaultSeverity = Severity.info
    public let summary = "Bilingual, project-wide: the same English sentence or term translated in different ways (the Xbench consistency check)."
    public let isBilingual = true
    public var examples: [RuleExample] { [] }
    public static let placeholder = GlossaryInconsistentRule()
    public init() {}
    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {}
}
