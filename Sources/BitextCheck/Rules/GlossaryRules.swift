import BitextGlossary
import BitextMarkdown
import BitextText

/// `glossary-forbidden`: a variant the glossary forbids, in the translation.
///
/// A variant in quotation marks (`"大模型"`, `“大模型”`) is a mention, not a use — a translator's
/// note explaining the choice — and is not reported. A variant must start and end on ICU word
/// boundaries, so `大模型` is not found inside `巨大模型` (巨大|模型); a word across one of its ends
/// that only adds a grammatical character (`记事本会` read 记事|本会) is ICU's choice between two
/// readings, and the variant is found. A variant inside a longer word of the dictionary that adds
/// a character of content (对话 in 对话框) is that word, though ICU reads 对话|框.
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
            // 组合 is *compose* and *combination* to the dictionary: where the source says
            // "combination" and not the term, info; where it says the term, an error.
            RuleExample("这是一个很好的颜色↓组合。\n", source: "This is a fine combination of colours.\n",
                        glossary: "compose\t撰写\t\t组合\n"),
            RuleExample("先↓组合消息，再发送。\n", source: "Compose the message, then send it.\n",
                        glossary: "compose\t撰写\t\t组合\n"),
            // A variant inside a longer word of the dictionary is that word (对话框, *dialog box*),
            // though ICU may read 对话|框; beside a word of its own it is the variant.
            RuleExample("点击“确定”关闭对话框。\n", glossary: "session\t会话\t\t对话\n"),
            RuleExample("每次↓对话结束后都会清空缓存。\n", glossary: "session\t会话\t\t对话\n"),
            // The text a shortcode shows is the translation's too.
            RuleExample("每个{{< glossary_tooltip text=\"↓大模型\" term_id=\"llm\" >}}都需要显卡。\n", glossary: GlossaryForbiddenRule.glossary),
        ]
    }

    public init() {}

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self), let g = c.glossary else { return }
        var sourceUnits: [Int: [Int]]? = nil
        let grammatical = c.settings.target.functionCharacters
        // The findings of a unit, before those of one variant on one line are made one.
        var found: [Found] = []
        for (k, hits) in c.targetHits.enumerated() {
            let u = c.document.units[k]
            found.removeAll(keepingCapacity: true)
            defer { GlossaryForbiddenRule.emitOnePerLine(found, unit: k, c, self, emit) }
            for h in hits where h.form == .forbidden {
                guard GlossaryForbiddenRule.onWordBoundaries(h.range, u, c.hanWords(k), grammatical) else { continue }
                if GlossaryForbiddenRule.isQuotedMention(h.range, u, c.settings) { continue }
                if let lexicon = Lexicon.shared,
                   GlossaryForbiddenRule.insideLongerWord(h.range, u, lexicon, negations: c.settings.target.negations, grammatical: grammatical) { continue }
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
                // A variant the dictionary gives for the term as well as for other words (组合:
                // *compose*, *combination*) is the other sense where the aligned source does not
                // say the term and does say one of those words ("a convenient combination").
                if let p = c.pairing, let lexicon = Lexicon.shared, let w = lexicon.word(h.term.unicodeScalars.map(\.value)) {
                    if sourceUnits == nil { sourceUnits = p.sourceUnits(of: c.document) }
                    let functionWords = c.settings.source.functionWords
                    if let su = sourceUnits![k], !su.isEmpty,
                       !su.contains(where: { GlossaryForbiddenRule.says(p, $0, forbidding: h.term, g) }),
                       !GlossaryForbiddenRule.glosses(w, e.source, lexicon, functionWords)
                        || su.contains(where: { GlossaryForbiddenRule.saysOtherGloss(p.source.units[$0], p.sourceAnalyses[$0], of: w,
                                                                                    term: e.source, lexicon, functionWords) }) {
                        details.append(("evidence", .string("source-without-term")))
                        found.append(Found(range: h.range, severity: min(severity, .info), key: "glossary-forbidden.other-sense",
                                           values: values, fix: nil, details: details))
                        continue
                    }
                }
                found.append(Found(range: h.range, severity: severity, key: "glossary-forbidden", values: values,
                                   fix: preferred, details: details))
            }
        }
    }

    /// One match of a forbidden variant, as it would be reported.
    struct Found {
        var range: Range<Int>
        var severity: Severity
        var key: String
        var values: [String: String]
        /// The preferred term the fix writes; nil: no fix.
        var fix: String?
        var details: [(String, JSON)]
    }

    /// Emits the findings of unit `k`, one per variant (as written), message and line: a variant
    /// met several times on one line (`令牌` three times in a sentence) is one finding, on the
    /// first, whose message says how many times; its fix replaces each of them (``Fix/also``).
    static func emitOnePerLine(_ found: [Found], unit k: Int, _ c: FileContext, _ rule: any Rule, _ emit: (Finding) -> Void) {
        guard found.count > 1 else {
            if let f = found.first {
                emit(c.finding(rule, severity: f.severity, unit: k, range: f.range, message: c.messages.text(f.key, f.values),
                               fix: f.fix.map { Fix($0) }, details: f.details))
            }
            return
        }
        let u = c.document.units[k]
        let found = found.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var done = [Bool](repeating: false, count: found.count)
        for i in found.indices where !done[i] {
            let f = found[i], line = u.position(at: f.range.lowerBound).line, text = u.string(f.range)
            var group = [f.range]
            for j in (i + 1)..<found.count where !done[j] && found[j].key == f.key && found[j].values["found"] == f.values["found"]
                && found[j].range.lowerBound >= group[group.count - 1].upperBound && u.position(at: found[j].range.lowerBound).line == line
                && u.string(found[j].range) == text {
                group.append(found[j].range)
                done[j] = true
            }
            guard group.count > 1 else {
                emit(c.finding(rule, severity: f.severity, unit: k, range: f.range, message: c.messages.text(f.key, f.values),
                               fix: f.fix.map { Fix($0) }, details: f.details))
                continue
            }
            var values = f.values
            values["count"] = String(group.count)
            emit(c.finding(rule, severity: f.severity, unit: k, range: f.range, message: c.messages.text(f.key + ".repeated", values),
                           fix: f.fix.map { Fix($0, also: group.dropFirst().map { u.span($0) }) },
                           details: f.details + [("count", .int(group.count))]))
        }
    }

    /// Whether one of the lexicon's glosses of word `w` is the glossary term (its words, stemmed).
    static func glosses(_ w: Int32, _ term: String, _ lexicon: Lexicon, _ functionWords: Set<String>) -> Bool {
        let stems = term.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { Stemmer.stem(String($0)) }.joined(separator: " ")
        return ProjectChecks.TermWords(stems, lexicon: lexicon, functionWords: functionWords).reading(of: w).renders
    }

    /// Whether source unit `u` writes all the words of a gloss of lexicon word `w` that holds
    /// no word of the term: another sense of the word (组合 for "combination", where the
    /// term is "Compose"). Glosses are compared by their words' light stems, function words
    /// left out.
    static func saysOtherGloss(_ u: Unit, _ a: TextAnalysis, of w: Int32, term: String, _ lexicon: Lexicon,
                               _ functionWords: Set<String>) -> Bool {
        func stems(_ s: String) -> [String] {
            s.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" }).map { String($0).lowercased() }
                .filter { !functionWords.contains($0) }.map { Stemmer.stem($0) }
        }
        let termStems = Set(stems(term))
        var source: Set<String> = []
        for word in a.words where word.kind == .latin && u.roles[word.range.lowerBound] == .content {
            source.insert(Stemmer.stem(makeString(u.text[word.range]).lowercased()))
        }
        guard !source.isEmpty else { return false }
        for gloss in lexicon.glosses(ofWord: w) {
            let g = stems(gloss)
            guard !g.isEmpty, termStems.isDisjoint(with: g) else { continue }
            if g.allSatisfy({ source.contains($0) }) { return true }
        }
        return false
    }

    /// Source unit `su` uses a term whose entry forbids `variant`.
    static func says(_ p: Pairing, _ su: Int, forbidding variant: String, _ g: GlossaryIndex) -> Bool {
        let u = p.source.units[su]
        let hits = p.sourceTermHits.map { $0[su] }
            ?? g.sourceHits(text: u.text, words: p.sourceAnalyses[su].words, isHeading: u.kind.headingLevel != nil)
        return hits.contains { h in g.glossary.entries[h.entry].forbidden.contains { $0.lowercased() == variant.lowercased() } }
    }

    /// Han ends of the hit fall on ICU word boundaries.
    /// `grammatical`: the target locale's function characters (``LocaleData/functionCharacters``).
    static func onWordBoundaries(_ r: Range<Int>, _ u: Unit, _ hanWords: [Word], _ grammatical: FunctionCharacters) -> Bool {
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
                    && grammatical.contains(Unicode.Scalar(u.text[outside]) ?? " ") { return true }
                if w.range.lowerBound > i { break }
            }
            return false
        }
        return boundary(r.lowerBound, start: true) && boundary(r.upperBound, start: false)
    }

    /// The hit is part of a longer word of the dictionary that adds a character of content to
    /// one or both ends (对话 in 对话框, *dialog box*; 许可 in 许可证, *licence*; 定义 in 自定义,
    /// *customise*), which ICU may read as two words (对话|框): a word of its own, what the text
    /// says. A character that is grammatical (的, 会: `grammatical`, the target locale's function
    /// characters) or negates (不合法: the target locale's
    /// `negations`) makes no such word, and a compound of two words (操作系统 for 系统, 物理结构
    /// for 结构) still uses the variant.
    static func insideLongerWord(_ r: Range<Int>, _ u: Unit, _ lexicon: Lexicon, negations: Set<String>, grammatical: FunctionCharacters) -> Bool {
        func extends(_ i: Int) -> Bool { i >= 0 && i < u.text.count && u.roles[i] == .content && isHanChar(u.text[i]) }
        let before = extends(r.lowerBound - 1) ? 1 : 0, after = extends(r.upperBound) ? 1 : 0
        guard before + after > 0 else { return false }
        for b in 0...before {
            for a in 0...after where a + b > 0 {
                let added = Array(u.text[(r.lowerBound - b)..<r.lowerBound]) + Array(u.text[r.upperBound..<(r.upperBound + a)])
                guard added.contains(where: { ch in
                    guard let s = Unicode.Scalar(ch) else { return false }
                    return !grammatical.contains(s) && !negations.contains(String(s))
                }) else { continue }
                if lexicon.word(u.text[(r.lowerBound - b)..<(r.upperBound + a)]) != nil { return true }
            }
        }
        return false
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
            // A label the screen shows, copied from the source as it is set off there, is the
            // term itself: a UI string of English-only software …
            RuleExample("在侧边栏中选择 **Queues**。\n", source: "In the sidebar, choose **Queues**.\n",
                        glossary: "queue\t队列\n"),
            RuleExample("在侧边栏中打开 Queues。\n", source: "Open Queues in the sidebar.\n",
                        glossary: "queue\t队列\n"),
            // … but the term left in English in prose, or set off only in the translation, is not,
            RuleExample("↓每个 queue 会把消息保留一周。\n", source: "Each queue keeps its messages for a week.\n",
                        glossary: "queue\t队列\n"),
            RuleExample("↓每个 **queue** 都列在页面上。\n", source: "Every queue is listed on the page.\n",
                        glossary: "queue\t队列\n"),
            // … and a use in prose beside the label still needs the rendering.
            RuleExample("↓打开 **Queues**，然后删除它。\n", source: "Open **Queues**, then delete the queue.\n",
                        glossary: "queue\t队列\n"),
            // A lowercase term capitalised in a longer name the translation writes as the source
            // does (`Ledger API`) is the name …
            RuleExample("你可以用 Ledger API 一次导出全部条目。\n", source: "You can export every entry with the Ledger API in one call.\n",
                        glossary: "ledger\t账本\n"),
            // … but not where the source writes the term in lower case, as a word.
            RuleExample("↓你可以用 Ledger API 一次导出全部条目。\n", source: "You can export every entry with the ledger API in one call.\n",
                        glossary: "ledger\t账本\n"),
            // A word of a handle or a path written without backticks is code, not the term …
            RuleExample("请联系 @acme/triagers，或编辑 docs/triagers/list.md。\n", source: "Ask @acme/triagers or edit docs/triagers/list.md.\n",
                        glossary: "triager\t分诊人\n"),
            // … while one slash between two words is prose.
            RuleExample("↓每位审批人都要签字。\n", source: "Every triager/approver signs off.\n",
                        glossary: "triager\t分诊人\n"),
            // A heading kept in English because the dictionary lacks its word is no coined term
            // when the glossary renders the word; one reported as untranslated is left to that rule.
            RuleExample("## ↓Committers\n\n以下人员可以合并修改。\n", source: "## Committers\n\nThe people below can merge changes.\n",
                        glossary: "committer\t提交者\n"),
            RuleExample("## Reviewers\n\n以下人员可以合并修改。\n", source: "## Reviewers\n\nThe people below can merge changes.\n",
                        glossary: "reviewer\t审阅者\n"),
            // An entry in an -ed form is not the bare word in another sense, rendered as the
            // dictionary renders it (段位: *rank*) …
            RuleExample("她本赛季升了两个段位。\n", source: "She climbed two ranks this season.\n",
                        glossary: "ranked\t排位赛\t\t天梯\t排位\n"),
            // … while the entry's own form still needs its rendering.
            RuleExample("↓正式比赛从十级开始。\n", source: "Ranked games start at level ten.\n",
                        glossary: "ranked\t排位赛\t\t天梯\t排位\n"),
            // A case-sensitive term (a defined party) is not the ordinary word in lower case …
            RuleExample("数据由我们的服务器处理。\n", source: "The data is handled by our processors.\n",
                        glossary: "Processor\t处理者\tdefined party\t\t\tcase-sensitive\n"),
            // … and the defined term itself still needs its rendering.
            RuleExample("↓数据由服务商处理。\n", source: "The data is handled by the Processor.\n",
                        glossary: "Processor\t处理者\tdefined party\t\t\tcase-sensitive\n"),
            // A term only a sentence the translation dropped uses is reported with the sentence
            // (`missing-translation`), not again.
            RuleExample("# 升级\n\n以 `admin` 用户身份运行检查。\n",
                        source: "# Upgrade\n\nRun the check as the `admin` user. It does not touch any session.\n",
                        glossary: "session\t会话\n"),
        ]
    }

    public init() {}

    public func check(_ c: FileContext, _ emit: (Finding) -> Void) {
        guard let severity = c.settings.severity(self), let g = c.glossary, let p = c.pairing else { return }
        let mixedReported = c.settings.severity(MixedLanguageRule()) != nil
        // The sentences `missing-translation` reports dropped (made on the first term missing;
        // none when that rule is off): a term only they use is reported with them.
        var dropped: [LoneSentence]? = nil
        func inDroppedSentence(_ su: Int, _ r: Range<Int>) -> Bool {
            guard c.settings.severity(MissingTranslationRule()) != nil else { return false }
            if dropped == nil { dropped = LoneSentences.find(c).filter(\.isDropped) }
            return dropped!.contains { $0.unit == su && $0.range.lowerBound <= r.lowerBound && r.upperBound <= $0.range.upperBound }
        }
        for bead in p.alignment.beads where !bead.source.isEmpty && !bead.target.isEmpty {
            let targetUnits = bead.target.compactMap { c.document.unitIndex(block: $0) }
            let sourceUnits = bead.source.compactMap { p.source.unitIndex(block: $0) }
            guard let firstTarget = targetUnits.first, !sourceUnits.isEmpty else { continue }
            // Untranslated units are reported as such, not term by term; so are units whose
            // translation stops or switches to English (`mixed-language`): the terms of the
            // English part are not missing, they are untranslated.
            // A unit without Han is left out only when it is reported as untranslated: one kept
            // in English as a coined term (`## Maintainers`, a word the dictionary lacks) is kept
            // on the dictionary's ignorance, which the glossary, rendering the word, corrects.
            guard targetUnits.contains(where: { c.analyses[$0].hasHan })
                || GlossaryMissingRule.keptAsCoined(targetUnits.map { c.analyses[$0] }) else { continue }
            if mixedReported && targetUnits.contains(where: { c.analyses[$0].stretches.contains(where: \.isProse) }) { continue }
            var needed: [Int] = []
            // How often the source uses each needed entry, and where (source unit, range).
            var uses: [Int] = []
            var places: [[(Int, Range<Int>)]] = []
            // What the translation's dictionary words translate (stems), read when needed.
            var targetStems: Set<Int32>? = nil
            for su in sourceUnits {
                let u = p.source.units[su]
                let hits = p.sourceTermHits.map { $0[su] }
                    ?? g.sourceHits(text: u.text, words: p.sourceAnalyses[su].words, isHeading: u.kind.headingLevel != nil)
                for h in hits {
                    let e = g.glossary.entries[h.entry]
                    // An entry in an -ed form ("ranked") met as another form of the word ("rank")
                    // that the translation renders as the dictionary does (段位): the word in
                    // another sense, not the term.
                    if let lexicon = Lexicon.shared, let word = GlossaryMissingRule.otherFormOfEdEntry(h, e.source, u) {
                        if targetStems == nil {
                            var stems = Set<Int32>()
                            for tu in targetUnits {
                                c.document.units[tu].text.withUnsafeBufferPointer {
                                    lexicon.forEachStem(inHan: $0, maxLength: lexicon.maxWordLength, singleSenses: 0) { stems.insert($0) }
                                }
                            }
                            targetStems = stems
                        }
                        if let id = lexicon.stem(Stemmer.stem(word)), targetStems!.contains(id) { continue }
                    }
                    if let i = needed.firstIndex(of: h.entry) { uses[i] += 1; places[i].append((su, h.range)); continue }
                    // Context-dependent entries and function words ("you") cannot be required.
                    if e.contextDependent || c.settings.source.functionWords.contains(e.source.lowercased()) { continue }
                    needed.append(h.entry)
                    uses.append(1)
                    places.append([(su, h.range)])
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
                    if GlossaryMissingRule.isKeptLongerName(h.range, u, a.words, from: sourceUnits.map { p.source.units[$0] },
                                                            sourceAnalyses: sourceUnits.map { p.sourceAnalyses[$0] },
                                                            termIsLowercase: term.first?.isLowercase == true, c.settings) {
                        inKeptName[h.entry, default: 0] += 1
                        continue
                    }
                    guard let s = a.stretches.first(where: { s in
                        !s.isProse && s.range.lowerBound <= h.range.lowerBound && h.range.upperBound <= s.range.upperBound
                    }) else { continue }
                    if s.isNameAsShown && s.tokens.count > termWords
                        || s.tokens.count <= termWords
                        && GlossaryMissingRule.isCopiedLabel(h.range, u, s, from: sourceUnits.map { p.source.units[$0] }, c.settings) {
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
                if places[i].allSatisfy({ inDroppedSentence($0.0, $0.1) }) { continue }
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

extension GlossaryMissingRule {
    /// The source word (lowercased) that matched a word of the entry in an -ed form (`ranked`)
    /// in another form (`rank`, `ranks`), through the light stem; nil when every word matched
    /// as the entry writes it.
    static func otherFormOfEdEntry(_ h: TermHit, _ term: String, _ u: Unit) -> String? {
        let termWords = term.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "\u{2010}" })
        guard termWords.contains(where: { $0.count > 4 && $0.hasSuffix("ed") }) else { return nil }
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for i in h.range {
            if let sc = Unicode.Scalar(u.text[i]), sc.properties.isAlphabetic || sc.properties.numericType != nil || sc == "'" {
                current.append(sc)
            } else if !current.isEmpty {
                words.append(String(current).lowercased()); current = .init()
            }
        }
        if !current.isEmpty { words.append(String(current).lowercased()) }
        guard words.count == termWords.count else { return nil }
        for (t, w) in zip(termWords, words) where t.count > 4 && t.hasSuffix("ed") && !w.hasSuffix("ed") { return w }
        return nil
    }

    /// Whether the target's English words at `r` (a glossary term written in lower case) are
    /// part of a longer name the translation keeps as the source writes it: joined by a space
    /// or a hyphen to other words that begin with a capital or are acronyms (`Checkout API`,
    /// `Payment Links`), the term itself capitalised, and the same string, in the same case, on
    /// word boundaries in the aligned source, in a unit written in sentence case (a lowercase
    /// word that is not a function word: a title-case heading capitalises every word, names or
    /// not). Chinese has no capitals of its own: a capitalised run kept verbatim inside Chinese
    /// text is the name, not the term left untranslated.
    static func isKeptLongerName(_ r: Range<Int>, _ u: Unit, _ words: [Word], from sources: [Unit], sourceAnalyses: [TextAnalysis],
                                 termIsLowercase: Bool, _ settings: Settings) -> Bool {
        guard termIsLowercase else { return false }
        let latin = words.filter { $0.kind == .latin || $0.kind == .number }
        guard var f = latin.firstIndex(where: { $0.range.lowerBound >= r.lowerBound }),
              var l = latin.lastIndex(where: { $0.range.upperBound <= r.upperBound }), f <= l else { return false }
        let hitWords = l - f + 1
        func capital(_ w: Word) -> Bool {
            guard let c = Unicode.Scalar(u.text[w.range.lowerBound]) else { return false }
            return c.properties.isUppercase
        }
        guard (f...l).allSatisfy({ capital(latin[$0]) }) else { return false }
        while f > 0, GlossaryIndex.joinable(u.text, latin[f - 1].range.upperBound, latin[f].range.lowerBound), capital(latin[f - 1]) { f -= 1 }
        while l + 1 < latin.count, GlossaryIndex.joinable(u.text, latin[l].range.upperBound, latin[l + 1].range.lowerBound), capital(latin[l + 1]) { l += 1 }
        guard l - f + 1 > hitWords else { return false }
        let lo = latin[f].range.lowerBound, hi = latin[l].range.upperBound
        // No line break inside the name.
        guard !u.text[lo..<hi].contains(where: { $0 == 0x0A || $0 == 0x0D }),
              u.roles[lo..<hi].allSatisfy({ $0 == .content }) else { return false }
        let name = Array(u.text[lo..<hi])
        for (su, a) in zip(sources, sourceAnalyses) where su.text.count >= name.count {
            // Sentence case: some lowercase word of the unit is no function word.
            guard a.words.contains(where: { w in
                guard w.kind == .latin, w.range.count >= 3, let c = Unicode.Scalar(su.text[w.range.lowerBound]),
                      c.properties.isLowercase, su.roles[w.range.lowerBound] == .content else { return false }
                return !settings.source.functionWords.contains(makeString(su.text[w.range]).lowercased())
            }) else { continue }
            if GlossaryMissingRule.wholeWords(name, in: su, where: { _ in true }) { return true }
        }
        return false
    }

    /// Units without Han whose English is kept only as a coined term (``Evidence/coinedTerm``:
    /// no word of it in the dictionary) and not reported as untranslated.
    static func keptAsCoined(_ analyses: [TextAnalysis]) -> Bool {
        let stretches = analyses.flatMap(\.stretches)
        return !stretches.isEmpty && stretches.allSatisfy { !$0.isProse }
            && stretches.contains { $0.evidence == .coinedTerm }
    }

    /// How a label is set off in a unit: in bold or italics, in quotation marks, as a link's text.
    enum Marking: Equatable { case none, emphasis, quoted, linkText }

    /// The marking around `text[lo..<hi]`: emphasis markers right before it and after it (past up
    /// to three punctuation marks, `**Buckets.**`), a pair of quotation marks, or a link's brackets.
    static func marking(_ text: [UInt32], _ roles: [Role], _ lo: Int, _ hi: Int, quotes: [(open: UInt32, close: UInt32)]) -> Marking {
        guard lo > 0, hi < text.count else { return .none }
        let before = text[lo - 1]
        if roles[lo - 1] == .markup {
            if before == 0x2A || before == 0x5F {
                var e = hi
                while e < text.count && e - hi < 3 && roles[e] == .content && UnrenderedEmphasisRule.isPunctuation(text[e]) { e += 1 }
                if e < text.count && roles[e] == .markup && (text[e] == 0x2A || text[e] == 0x5F) { return .emphasis }
            }
            if before == 0x5B && roles[hi] == .markup && text[hi] == 0x5D { return .linkText }
            return .none
        }
        if roles[lo - 1] == .content && roles[hi] == .content {
            for q in quotes where q.open == before && q.close == text[hi] { return .quoted }
        }
        return .none
    }

    /// Whether the target's English words at `r` (a stretch no longer than the glossary term:
    /// the term itself) are a UI label copied from the aligned source: the same text, in the
    /// same case, set off there too (`**Buckets**` for `**Buckets**`; bold for quotation marks
    /// is a house style, not a translation), or, unmarked,
    /// a capitalised label after a UI verb or before a kind noun of the target language that
    /// the source has as written (`选择 Buckets`). A term the translator merely left in English
    /// in prose has neither.
    static func isCopiedLabel(_ r: Range<Int>, _ u: Unit, _ s: SourceStretch, from sources: [Unit], _ settings: Settings) -> Bool {
        guard s.isNameAsShown else { return false }
        let quotes = settings.target.quotes + settings.source.quotes
        let label = Array(u.text[r])
        let want = marking(u.text, u.roles, r.lowerBound, r.upperBound, quotes: quotes)
        if want == .none {
            guard s.isUIString, label.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return false }
        }
        for su in sources where su.text.count >= label.count {
            if GlossaryMissingRule.wholeWords(label, in: su, where: { i in
                want == .none || marking(su.text, su.roles, i, i + label.count, quotes: quotes) != .none
            }) { return true }
        }
        return false
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

extension GlossaryMissingRule {
    /// Whether `words` occurs in `u` as prose (content on every character) and whole (no letter
    /// or digit just before or after it) at a start index `accept` takes.
    static func wholeWords(_ words: [UInt32], in u: Unit, where accept: (Int) -> Bool) -> Bool {
        let t = u.text, n = words.count
        guard n > 0 else { return false }
        func isWordChar(_ c: UInt32) -> Bool { Unicode.Scalar(c).map { $0.properties.isAlphabetic || $0.properties.numericType != nil } ?? false }
        var i = 0
        while i + n <= t.count {
            defer { i += 1 }
            guard t[i] == words[0], t[i..<(i + n)].elementsEqual(words), u.roles[i..<(i + n)].allSatisfy({ $0 == .content }) else { continue }
            if i > 0 && isWordChar(t[i - 1]) || i + n < t.count && isWordChar(t[i + n]) { continue }
            if accept(i) { return true }
        }
        return false
    }
}
