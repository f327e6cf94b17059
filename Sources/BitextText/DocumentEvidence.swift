import BitextICU
import BitextMarkdown
import Foundation

/// Evidence that needs the whole document: which English is kept by the document's structure
/// (a table column of keys, types or terms beside Chinese cells; alt text that is a file slug),
/// by the document's own code (text that is inline code elsewhere), and which words the document
/// keeps in English inside its Chinese sentences.
extension Segmenter {
    /// Analyses every unit of a document and decides its English with the document's evidence.
    ///
    /// - Parameter alsoCode: inline code of another document (the source, in bilingual mode):
    ///   text that is code there is a name here.
    public func analyze(document doc: Document, alsoCode: Set<String> = []) -> [TextAnalysis] {
        // By index and field: mapping over the units would copy each `Unit` (a dozen references).
        let units = doc.units
        var analyses: [TextAnalysis] = []
        analyses.reserveCapacity(units.count)
        // Each analysis is built in its slot of the array (returned by value, each cost a copy).
        // A short unit that repeats an earlier one (a table's `boolean` and `false` cells, a
        // list's labels) takes that one's analysis: an analysis depends on the unit's text,
        // roles and links alone, and the copy shares its arrays.
        var repeats = RepeatedUnits(count: units.count)
        for k in units.indices {
            if let first = repeats.earlier(k, units) {
                analyses.append(analyses[first])
                continue
            }
            analyses.append(TextAnalysis())
            analyze(text: units[k].text, roles: units[k].roles, links: units[k].links, hanWords: false,
                    wordsOnly: false, into: &analyses[k])
        }
        applyDocumentEvidence(doc, &analyses, alsoCode: alsoCode)
        return analyses
    }

    /// The anchor keys (``DocumentAnchors/key(_:)``) of the document's links to its own
    /// fragments (`[…](#semantic-dom)`).
    static func linkFragmentKeys(_ units: [BitextMarkdown.Unit]) -> Set<String> {
        var out = Set<String>()
        for u in units {
            for l in u.links where l.destination.utf8.first == 0x23 && l.destination.utf8.count > 1 {
                out.insert(DocumentAnchors.key(DocumentAnchors.percentDecoded(String(l.destination.dropFirst()))))
            }
        }
        return out
    }

    /// Sets `documentEvidence` on the stretches the document's structure keeps, then re-decides
    /// every stretch with the words the document keeps in English.
    public func applyDocumentEvidence(_ doc: Document, _ analyses: inout [TextAnalysis], alsoCode: Set<String> = []) {
        let units = doc.units
        // Cells of key columns are names too (`### scroll` above a table whose key column has `scroll`).
        markKeyColumns(units, &analyses)
        // The stretches that can be names of the document: whole units and short stretches
        // still prose. (Known before the loop below: it changes only what it has looked at.)
        var candidates: [(unit: Int, stretch: Int, key: String)] = []
        for k in analyses.indices {
            for j in analyses[k].stretches.indices {
                let s = analyses[k].stretches[j]
                guard s.documentEvidence == nil, s.isProse, s.isWholeUnit || s.tokens.count <= 3 else { continue }
                let key = Segmenter.codeKey(units[k].text, s.range, roles: units[k].roles)
                if !key.isEmpty { candidates.append((k, j, key)) }
            }
        }
        // Which of them are code elsewhere: inline code of the document or of `alsoCode`, or a
        // key-column cell. The code texts are offered to the few keys asked about rather than
        // gathered into a set (a document has far more code than candidate names), and a code
        // text no key can equal is never made into a `String`.
        var names = CodeNames(candidates.map(\.key), oneWord: candidates.map { analyses[$0.unit].stretches[$0.stretch].tokens.count == 1 })
        if !candidates.isEmpty {
            for s in alsoCode { names.offer(s) }
            Segmenter.forEachInlineCodeSpan(doc) { bytes in
                if names.mayEqual(ascii: bytes) {
                    names.offer(FoundationText.trimmingWhitespaces(String(decoding: bytes, as: UTF8.self)))
                }
            }
            for index in units.indices {
                // Most units: one quick scan, in place (no reference taken).
                guard units[index].roles.contains(.code) else { continue }
                // Text and roles, not a copy of the unit (a dozen references).
                let text = units[index].text, roles = units[index].roles
                roles.forEachRun(of: .code) { run in
                    if let r = Segmenter.codeKeyBounds(text, run), names.mayEqual(text, r) {
                        let s = Segmenter.codeKey(text, run)
                        if !s.isEmpty && (s.utf8.count <= 80 || s.count <= 80) { names.offer(s) }
                    }
                }
            }
            for k in analyses.indices where analyses[k].stretches.first?.documentEvidence == .keyColumn {
                let key = Segmenter.codeKey(units[k].text, analyses[k].stretches[0].range, roles: units[k].roles)
                if !key.isEmpty { names.offer(key) }
            }
        }
        // Names looked up in the code blocks: block by block, then, in a document that asks for
        // many, with an index of the blocks.
        var codeSearch = CodeBlockSearch(doc.codeBlocks)
        // A translation quotes output with its inline code (an original's English is its own).
        let quotesOutput = !doc.codeBlocks.isEmpty && analyses.contains(where: \.hasHan)
        var fragmentKeys: Set<String>? = nil  // made for the first English label heading (none in an original)
        var c = 0
        for k in analyses.indices {
            // (The unit's text and roles are read where needed: taking them for every unit
            // cost four reference counts a unit.)
            while c < candidates.count && candidates[c].unit == k {
                let (j, key) = (candidates[c].stretch, candidates[c].key)
                let s = analyses[k].stretches[j]
                let isName = names.isCode(c)
                c += 1
                if isName {
                    analyses[k].stretches[j].documentEvidence = .codeElsewhere; continue
                }
                // An English unit that a code block of the document holds word for word is the
                // example's output (`<p>Count is: {{ count }}</p>` shown under its code); a
                // one-word heading that a code block uses as a word is a type or member name
                // (`#### Array` over `type: Array`).
                if s.isWholeUnit && !doc.codeBlocks.isEmpty {
                    if key.utf8.count >= 8 && key.count >= 8
                        && (codeSearch.someBlockContains(key)
                            // (Backticks matter only to a unit with inline code.)
                            || (quotesOutput && units[k].roles.contains(.code) && Segmenter.someCodeBlockHolds(doc, key))) {
                        analyses[k].stretches[j].documentEvidence = .codeElsewhere; continue
                    }
                    if s.tokens.count == 1, key.utf8.count >= 3, key.count >= 3, codeSearch.containsWord(key) {
                        analyses[k].stretches[j].documentEvidence = .codeElsewhere; continue
                    }
                }
                // A whole unit right after Chinese that introduces a message (`控制台会报错？`,
                // `日志如下：`) is that message when it is quoted or one sentence (a paragraph of
                // two or more is the explanation that follows, as under a FAQ heading that asks
                // about an error); so is a line shaped like a log (`… error: …`).
                // Quoted paragraphs one after another are one quotation (a prompt's system and
                // user turns): the cue before the first introduces them all.
                let quoted = if case .quote = units[k].kind { true } else { false }
                let previousQuoted = if k > 0, case .quote = units[k - 1].kind { true } else { false }
                if s.isWholeUnit && (k > 0 && (quoted || analyses[k].sentences.count <= 1) && endsWithMessageCue(units[k - 1].text, units[k - 1].roles)
                                     || quoted && previousQuoted && analyses[k - 1].stretches.first?.documentEvidence == .uiString
                                     || Segmenter.isLogLine(units[k].text, s.range)) {
                    analyses[k].stretches[j].documentEvidence = .uiString
                }
            }
            // A heading that is one lowercase word (`## scroll`) names an API member: English
            // headings are capitalised.
            if case .heading = units[k].kind, let s = analyses[k].stretches.first, s.isWholeUnit, s.tokens.count == 1,
               s.tokens[0].kind == .lowercase, Segmenter.startsWithLowercase(units[k].text, units[k].roles) {
                analyses[k].stretches[0].documentEvidence = .codeShape
            }
            // A label heading that a translation's links name by its text (no explicit id) keeps
            // its English: translating it would break them. A longer heading is still a sentence
            // to translate, linked or not; and in a document without Chinese (an original) the
            // heading is text to translate like any other.
            if case .heading = units[k].kind, let s = analyses[k].stretches.first, s.documentEvidence == nil,
               s.isWholeUnit, s.isProse, s.isLabel, doc.headingID(k) == nil {
                if fragmentKeys == nil {
                    fragmentKeys = analyses.contains(where: \.hasHan) ? Segmenter.linkFragmentKeys(units) : []
                }
                if fragmentKeys!.contains(DocumentAnchors.key(units[k])) { analyses[k].stretches[0].documentEvidence = .linkedHeading }
            }
            // A `<summary>` of one word that names the language of the code right after it (a
            // `<details>` per language: `<summary>Java</summary>` over `class="language-java"`
            // or a ```` ```java ```` fence) is that language's name, not a label.
            if case .html(let tag) = units[k].kind, tag.utf8.count == 7, tag.lowercased() == "summary",
               let s = analyses[k].stretches.first, s.documentEvidence == nil, s.isWholeUnit, s.isProse, s.isLabel,
               s.tokens.count == 1, Segmenter.codeLanguage(doc.source.bytes, after: units[k].byteRange.upperBound) == s.tokens[0].text {
                analyses[k].stretches[0].documentEvidence = .codeLanguage
            }
            // Alt text (an image alone, in a paragraph, list item or cell) is reported only when
            // it is a sentence: a file slug or a short label names the picture.
            if !analyses[k].hasHan, Segmenter.isImageOnly(units[k].kind, units[k].text, units[k].roles, units[k].links),
               let s = analyses[k].stretches.first {
                if !Segmenter.isSentence(s) || !someAltIsSentence(units[k], analyses[k]) {
                    analyses[k].stretches[0].documentEvidence = .fileSlug
                }
            }
        }
        markQuotedOutput(doc, &analyses)
        markQuotations(units, &analyses)
        markNameLists(units, &analyses)
        markNameHeadings(doc, &analyses)
        let capitalsWords = markCapitalsHeadings(units, &analyses)
        let kept = Segmenter.keptVocabulary(analyses, base: keptWords)
        // Re-decide where something changed: more kept words, or the document's evidence.
        let keptGrew = kept.count > keptWords.count
        for k in analyses.indices where !analyses[k].stretches.isEmpty {
            if keptGrew || capitalsWords.contains(k) || analyses[k].stretches.contains(where: { $0.documentEvidence != nil }) {
                reclassify(&analyses[k], text: units[k].text, roles: units[k].roles, kept: kept)
            }
        }
    }

    /// The language of the code that comes next after byte `start` of `bytes`, lowercased, when
    /// only tags and spaces come before it: the class `language-X` (or `lang-X`) of a tag
    /// (`<pre><code class="language-java">`) or the info string of a fence (```` ```java ````).
    /// Nil when text comes first or nothing within a few hundred bytes names one.
    static func codeLanguage(_ bytes: [UInt8], after start: Int) -> String? {
        let end = min(bytes.count, start + 400)
        var i = max(0, start)
        var inTag = false
        func word(_ from: Int) -> String? {
            var j = from
            while j < bytes.count, j - from < 24,
                  (bytes[j] | 0x20 >= 0x61 && bytes[j] | 0x20 <= 0x7A) || (bytes[j] >= 0x30 && bytes[j] <= 0x39) { j += 1 }
            guard j > from else { return nil }
            return String(decoding: bytes[from..<j], as: UTF8.self).lowercased()
        }
        func at(_ k: Int, _ s: StaticString) -> Bool {
            let n = s.utf8CodeUnitCount
            guard k + n <= bytes.count else { return false }
            for m in 0..<n where bytes[k + m] | 0x20 != s.utf8Start[m] { return false }
            return true
        }
        while i < end {
            let b = bytes[i]
            if inTag {
                if b == 0x3E { inTag = false }
                else if (b == 0x6C || b == 0x4C) && (bytes[i - 1] == 0x22 || bytes[i - 1] == 0x27 || bytes[i - 1] == 0x20) {
                    if at(i, "language-") { return word(i + 9) }
                    if at(i, "lang-") { return word(i + 5) }
                }
                i += 1
                continue
            }
            switch b {
            case 0x3C: inTag = true
            case 0x20, 0x09, 0x0A, 0x0D: break
            case 0x60, 0x7E:
                var j = i
                while j < end && bytes[j] == b { j += 1 }
                guard j - i >= 3 else { return nil }
                while j < end && bytes[j] == 0x20 { j += 1 }
                return word(j)
            default: return nil
            }
            i += 1
        }
        return nil
    }

    /// A heading written in capitals (`## ENVIRONMENT`, `## EXIT STATUS`, a man page's sections)
    /// among translated headings of its level is words, not an acronym: its tokens are words
    /// the dictionary knows lowercased, one of six letters or more (longer than acronyms run),
    /// and at least two sibling headings (same level, same parent) are translated, more than
    /// are left in capitals. Its tokens become ordinary (capitalised) and function words; the
    /// indices of the headings changed, to be re-decided.
    func markCapitalsHeadings(_ units: [BitextMarkdown.Unit], _ analyses: inout [TextAnalysis]) -> Set<Int> {
        var out = Set<Int>()
        var lexicon: Lexicon?? = .none
        for k in units.indices {
            guard case .heading(let level) = units[k].kind, !analyses[k].hasHan, analyses[k].stretches.count == 1 else { continue }
            let s = analyses[k].stretches[0]
            guard s.isWholeUnit, s.documentEvidence == nil, s.unitShape == nil, !s.isQuoted, !s.isLinkText, !s.isCodeLike,
                  !s.tokens.isEmpty, s.tokens.allSatisfy({ $0.kind == .name }), isCapitals(units[k], s.range),
                  s.tokens.contains(where: { $0.text.utf8.count >= 6 }),
                  s.tokens.allSatisfy({ $0.text.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A } }) else { continue }
            if lexicon == nil { lexicon = .some(Lexicon.shared) }
            guard let dictionary = lexicon! else { return out }
            guard s.tokens.allSatisfy({ source.functionWords.contains($0.text) || dictionary.stem(Stemmer.stem($0.text)) != nil }) else { continue }
            // The siblings: headings of the same level up to the nearest heading above it.
            var translated = 0, capitals = 0
            func sibling(_ j: Int) -> Bool? {  // nil: the parent's section ends
                guard case .heading(let l) = units[j].kind else { return true }
                if l < level { return nil }
                guard l == level else { return true }
                if analyses[j].hasHan { translated += 1 } else if let t = analyses[j].stretches.first, isCapitals(units[j], t.range) { capitals += 1 }
                return true
            }
            var j = k - 1
            while j >= 0, sibling(j) != nil { j -= 1 }
            j = k + 1
            while j < units.count, sibling(j) != nil { j += 1 }
            guard translated >= 2 && translated > capitals else { continue }
            for t in analyses[k].stretches[0].tokens.indices {
                let text = analyses[k].stretches[0].tokens[t].text
                if source.functionWords.contains(text) {
                    analyses[k].stretches[0].tokens[t].kind = .function
                } else {
                    analyses[k].stretches[0].tokens[t].kind = .capitalized
                    analyses[k].stretches[0].tokens[t].stem = Stemmer.stem(text)
                }
            }
            out.insert(k)
        }
        return out
    }

    /// The letters of `range` are all capitals (two or more of them).
    private func isCapitals(_ u: BitextMarkdown.Unit, _ range: Range<Int>) -> Bool {
        var letters = 0
        for i in range where u.roles[i] == .content && isLetterOrDigit(u.text[i]) && !(u.text[i] >= 0x30 && u.text[i] <= 0x39) {
            guard isUpper(u.text[i]) else { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// Stems of the words a document keeps in English: ordinary words of the stretches inside
    /// Chinese units that are not prose (names, glosses, titles), plus `base`.
    public static func keptVocabulary(_ analyses: [TextAnalysis], base: Set<String>) -> Set<String> {
        // Gathered first, then inserted into a set reserved for all of them (a growing set
        // re-hashes every element at each doubling).
        var stems: [String] = []
        for k in analyses.indices where analyses[k].hasHan {
            // (Tokens by index: a `for t in` loop copies each token, two strings.)
            let s = analyses[k].stretches
            for j in s.indices {
                guard !s[j].isProse && !s[j].isCodeLike && s[j].evidence != .codeShape else { continue }
                let t = s[j].tokens
                for i in t.indices where t[i].kind == .lowercase || t[i].kind == .capitalized { stems.append(t[i].stem) }
            }
        }
        var kept = base
        kept.reserveCapacity(base.count + stems.count)
        for s in stems { kept.insert(s) }
        return kept
    }

    /// Inline code spans of the whole file, units or not (a list item that is only `` `Array` `` is
    /// no unit): single-backtick spans on one line, outside code blocks.
    public static func inlineCodeSpans(_ doc: Document, into code: inout Set<String>) {
        forEachInlineCodeSpan(doc) { bytes in
            let s = FoundationText.trimmingWhitespaces(String(decoding: bytes, as: UTF8.self))
            if !s.isEmpty { code.insert(s) }
        }
    }

    /// Calls `body` with the bytes between the backticks of each span of
    /// ``inlineCodeSpans(_:into:)``, in the order they occur (spaces not yet trimmed).
    static func forEachInlineCodeSpan(_ doc: Document, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var inBlock = [Bool](repeating: false, count: doc.source.lineCount + 2)
        for b in doc.codeBlocks where b.startLine >= 1 {
            for l in b.startLine...max(b.startLine, min(b.endLine, doc.source.lineCount)) { inBlock[l] = true }
        }
        let lineStarts = doc.source.lineStarts
        doc.source.bytes.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            for (index, start) in lineStarts.enumerated() where !inBlock[index + 1] {
                let end = index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count
                var i = start
                while i < end {
                    // The next backtick of the line (memchr: most lines have none).
                    guard let tick = memchr(base + i, 0x60, end - i) else { break }
                    i = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(tick))
                    // The closing backtick (memchr too), unless a line feed comes first.
                    var j = memchr(base + i + 1, 0x60, end - i - 1).map { UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0)) } ?? end
                    if let feed = bytes[(i + 1)..<j].firstIndex(of: 0x0A) { j = feed }
                    guard j < end, bytes[j] == 0x60, j > i + 1, j - i <= 80 else { i = j + 1; continue }
                    body(UnsafeBufferPointer(rebasing: bytes[(i + 1)..<j]))
                    i = j + 1
                }
            }
        }
    }

    /// The unit's Chinese ends with a UI verb or kind noun and then `：:？?` (`控制台会报错？`,
    /// `日志如下：` — a heading `修复错误` introduces nothing).
    func endsWithMessageCue(_ text: [UInt32], _ roles: [Role]) -> Bool {
        var e = Segmenter.contentEnd(text, roles)
        guard e > 0, text[e - 1] == 0xFF1A || text[e - 1] == 0x3A || text[e - 1] == 0xFF1F || text[e - 1] == 0x3F else { return false }
        e -= 1
        guard e > 0, text[e - 1] >= 0x2E80, Characters.script(text[e - 1]) == .han else { return false }
        if endsWithUIVerb(text, roles, before: e) || Segmenter.oneEndsAt(target.kindNouns, text, e) { return true }
        // `日志如下：`: the kind noun before "as follows".
        for s in target.messageCueSuffixes where s.count < e && Array(text[(e - s.count)..<e]) == s {
            return Segmenter.oneEndsAt(target.kindNouns, text, e - s.count)
        }
        return false
    }

    /// A program's message quoted inside a sentence: the stretch starts with a severity tag and a
    /// colon, as compilers, databases and loggers print them (`ERROR: column reference "id" is
    /// ambiguous`, `error[E0382]: borrow of moved value`, `warning: unused variable`).
    static func startsWithSeverityTag(_ text: [UInt32], _ r: Range<Int>) -> Bool {
        var e = r.lowerBound
        while e < r.upperBound && (text[e] | 0x20 >= 0x61 && text[e] | 0x20 <= 0x7A) { e += 1 }
        // Most stretches: no `:` or `[` right after the first word.
        guard e > r.lowerBound, e < r.upperBound, text[e] == 0x3A || text[e] == 0x5B else { return false }
        let n = e - r.lowerBound
        guard severityTags.contains(where: { tag in
            tag.count == n && tag.indices.allSatisfy { UInt32(tag[$0]) == text[r.lowerBound + $0] | 0x20 }
        }) else { return false }
        if text[e] == 0x5B {  // error[E0382]:
            while e < r.upperBound && text[e] != 0x5D { e += 1 }
            e += 1
        }
        return e < r.upperBound && text[e] == 0x3A
    }

    /// Lowercase ASCII.
    static let severityTags: [[UInt8]] = ["error", "warning", "warn", "fatal", "panic", "critical"].map { Array($0.utf8) }

    /// A log line: a word `error` or `exception` (any case) followed by a colon and more text.
    static func isLogLine(_ text: [UInt32], _ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        while i < r.upperBound {
            for m in logMarks where i + m.count < r.upperBound {
                guard i == r.lowerBound || !isLetterOrDigit(text[i - 1]) else { continue }
                var ok = true
                for (o, c) in m.enumerated() {
                    let x = text[i + o]
                    if (x >= 0x41 && x <= 0x5A ? x | 0x20 : x) != c { ok = false; break }
                }
                if ok { return true }
            }
            i += 1
        }
        return false
    }

    /// The marks of ``isLogLine(_:_:)``, as scalars (made once).
    static let logMarks: [[UInt32]] = [Array("error:".unicodeScalars.map(\.value)), Array("exception:".unicodeScalars.map(\.value))]

    /// `word` occurs in `text` with no letter, digit or `_` on either side.
    public static func containsWord(_ word: String, in text: String) -> Bool {
        if FoundationText.mayNotContain(text, word) { return false }
        return containsWordSearching(word, in: text)
    }

    /// ``containsWord(_:in:)`` without its first test (for a caller that has made it).
    static func containsWordSearching(_ word: String, in text: String) -> Bool {
        var from = text.startIndex
        while let r = text.range(of: word, range: from..<text.endIndex) {
            let before = r.lowerBound > text.startIndex ? text[text.index(before: r.lowerBound)] : " "
            let after = r.upperBound < text.endIndex ? text[r.upperBound] : " "
            if !(before.isLetter || before.isNumber || before == "_") && !(after.isLetter || after.isNumber || after == "_") { return true }
            from = r.upperBound
        }
        return false
    }

    /// Lists (consecutive list items of one depth) whose items are mostly English names or code
    /// (`- ❌ AntDesign`, `- ❌ ant design`…): a short label among them is one more name.
    func markNameLists(_ units: [BitextMarkdown.Unit], _ analyses: inout [TextAnalysis]) {
        var k = 0
        while k < units.count {
            guard case .listItem(let depth) = units[k].kind else { k += 1; continue }
            var end = k + 1
            while end < units.count, case .listItem(let d) = units[end].kind, d == depth { end += 1 }
            defer { k = end }
            guard end - k >= 3 else { continue }
            var kept = 0, labels = 0, other = 0
            // Items that are one link's text to a page of another site, ordinary words without
            // function words (`[Glaive Function Calling V2 (en&zh)](https://…)`): in a list of
            // such links the site's names, kept as published, like the short ones beside them.
            var linkNames: [Int] = []
            for i in k..<end {
                guard !analyses[i].hasHan, let s = analyses[i].stretches.first else { other += 1; continue }
                if !s.isProse { kept += 1 } else if s.isLabel { labels += 1 }
                else if s.evidence == .ordinaryWords, s.isLinkText, s.isWholeUnit, Segmenter.isOneOutsideLink(units[i]) { linkNames.append(i) }
                else { other += 1 }
            }
            guard kept >= 2, 2 * kept >= labels + linkNames.count, other == 0 else { continue }
            for i in k..<end where analyses[i].stretches.first?.isLabel == true && !analyses[i].hasHan {
                analyses[i].stretches[0].documentEvidence = .names
            }
            for i in linkNames { analyses[i].stretches[0].documentEvidence = .linkText }
        }
    }

    /// The unit's only link goes to another site (`http://`, `https://`).
    static func isOneOutsideLink(_ u: BitextMarkdown.Unit) -> Bool {
        let links = u.links.filter { !$0.isImage }
        guard links.count == 1 else { return false }
        let d = links[0].destination.lowercased()
        return d.hasPrefix("https://") || d.hasPrefix("http://")
    }

    /// The name of a URL's site: the label of its host before the top-level domain (and before
    /// `com`, `co`, `org`… under a country's: `discord.gg` → `discord`, `www.github.com` →
    /// `github`, `x.com.cn` → `x`); nil for anything else.
    static func siteName(_ url: String) -> String? {
        let lower = url.lowercased()
        guard let scheme = lower.range(of: "://") else { return nil }
        let rest = lower[scheme.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" }
        var labels = host.split(separator: ".")
        guard labels.count >= 2 else { return nil }
        let top = labels.removeLast()
        if top.count == 2, labels.count >= 2, ["com", "co", "org", "net", "ac", "gov", "edu"].contains(String(labels.last!)) { labels.removeLast() }
        return labels.last.map(String.init)
    }

    /// Label headings that name the site the links or images of their section come from, their
    /// words being its name (`### Slack` over `https://slack.com/…`, `## Star Chart` over an image
    /// of `star-chart.io`, written with or without the hyphen): the site's name, not words to
    /// translate.
    func markNameHeadings(_ doc: Document, _ analyses: inout [TextAnalysis]) {
        let units = doc.units
        for k in units.indices {
            guard case .heading = units[k].kind, !analyses[k].hasHan, let s = analyses[k].stretches.first, s.documentEvidence == nil,
                  s.isWholeUnit, s.isProse, s.isLabel, s.tokens.allSatisfy({ $0.kind == .capitalized }) else { continue }
            let words = s.tokens.map(\.text)
            let names: Set<String> = [words.joined(), words.joined(separator: "-")]
            // The section's source up to the next heading (a bare URL alone in a paragraph is
            // no unit), its first few thousand bytes.
            let bytes = doc.source.bytes
            let from = units[k].byteRange.upperBound
            var to = bytes.count
            if let next = units[(k + 1)...].firstIndex(where: { if case .heading = $0.kind { true } else { false } }) {
                to = units[next].byteRange.lowerBound
            }
            to = min(to, from + 4000)
            guard from < to else { continue }
            let section = String(decoding: bytes[from..<to], as: UTF8.self)
            var rest = section[...]
            var site = false
            while !site, let r = rest.range(of: "://") {
                site = Segmenter.siteName("x" + String(section[r.lowerBound...].prefix(300))).map(names.contains) == true
                rest = section[r.upperBound...]
            }
            if site { analyses[k].stretches[0].documentEvidence = .names }
        }
    }

    /// A quotation that runs over several blocks: a block without Chinese that opens with a
    /// quotation mark it does not close, the blocks after it, and the one that closes it at its
    /// end, all without Chinese, one after another (a prompt quoted with its list of
    /// requirements: `"Help me write a strategy. Requirements:` … `5. Set the period."`): quoted
    /// text, kept as written, as one block in quotation marks is (`quoted`). Twelve blocks at
    /// most, no heading among them.
    func markQuotations(_ units: [BitextMarkdown.Unit], _ analyses: inout [TextAnalysis]) {
        // The quotation marks of the unit's text: (opening first, closing last, straight quotes
        // and curly ones counted apart).
        func marks(_ u: BitextMarkdown.Unit) -> (first: UInt32?, last: UInt32?, straight: Int, open: Int, close: Int) {
            var first: UInt32? = nil, last: UInt32? = nil
            var straight = 0, open = 0, close = 0
            for (c, r) in zip(u.text, u.roles) where r == .content && c != 0x20 && c != 0x0A {
                if first == nil { first = c }
                last = c
                if c == 0x22 { straight += 1 } else if c == 0x201C { open += 1 } else if c == 0x201D { close += 1 }
            }
            return (first, last, straight, open, close)
        }
        var k = 0
        while k < units.count {
            defer { k += 1 }
            guard !analyses[k].hasHan, !analyses[k].stretches.isEmpty else { continue }
            let m = marks(units[k])
            let straight = m.first == 0x22 && m.straight % 2 == 1
            guard straight || (m.first == 0x201C && m.open > m.close) else { continue }
            var end: Int? = nil
            var j = k + 1
            while j < units.count && j - k <= 12 && !analyses[j].hasHan && units[j].start.line - units[j - 1].end.line <= 3 {
                if case .heading = units[j].kind { break }
                let n = marks(units[j])
                if straight ? n.straight % 2 == 1 : n.close > n.open {
                    if n.last == (straight ? 0x22 : 0x201D) { end = j }
                    break
                }
                j += 1
            }
            guard let end else { continue }
            for x in k...end {
                for i in analyses[x].stretches.indices where analyses[x].stretches[i].documentEvidence == nil {
                    analyses[x].stretches[i].documentEvidence = .quoted
                }
            }
            k = end
        }
    }

    /// English inside a Chinese sentence that a code block of the document holds word for word
    /// (``someCodeBlockHolds(_:_:)``; whole units are asked in the loop over names): the
    /// program's output quoted in the explanation (`关键的一行是 cannot borrow \`x\` as mutable because …。` under the compiler's
    /// output). Four words and twenty characters at least; only for the few stretches still prose.
    func markQuotedOutput(_ doc: Document, _ analyses: inout [TextAnalysis]) {
        guard !doc.codeBlocks.isEmpty else { return }
        for k in analyses.indices where analyses[k].hasHan {
            for j in analyses[k].stretches.indices {
                let s = analyses[k].stretches[j]
                guard s.isProse, !s.isWholeUnit, s.documentEvidence == nil, s.tokens.count >= 4 else { continue }
                let key = Segmenter.codeKey(doc.units[k].text, s.range, roles: doc.units[k].roles)
                guard key.count >= 20 else { continue }
                if Segmenter.someCodeBlockHolds(doc, key) { analyses[k].stretches[j].documentEvidence = .codeElsewhere }
            }
        }
    }

    /// A code block of the document holds `key` byte for byte, its backticks passed over (the
    /// output a page quotes writes inline code without them: `cannot borrow counts` for
    /// ``cannot borrow `counts` ``).
    static func someCodeBlockHolds(_ doc: Document, _ key: String) -> Bool {
        let needle = Array(key.utf8)
        return doc.codeBlocks.contains { b in b.literal.utf8.withContiguousStorageIfAvailable { holds($0, needle) } ?? false }
    }

    /// `haystack` holds `needle` byte for byte, backticks of the haystack passed over (both
    /// UTF-8, so a match lies on whole characters).
    static func holds(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return false }
        for i in haystack.indices where haystack[i] == first {
            var a = i, b = 0
            while a < haystack.count && b < needle.count {
                if haystack[a] == 0x60 { a += 1; continue }
                if haystack[a] != needle[b] { break }
                a += 1
                b += 1
            }
            if b == needle.count { return true }
        }
        return false
    }

    /// Whether the alt text of one of the unit's images reads as a sentence by itself (true for
    /// a unit of one image): a row of badges or logos (`![Build Status](…) ![License: MIT](…)`)
    /// is labels side by side, not the sentence their words make together.
    func someAltIsSentence(_ u: BitextMarkdown.Unit, _ a: TextAnalysis) -> Bool {
        let images = u.links.filter(\.isImage)
        guard images.count > 1 else { return true }
        var scratch = a
        for l in images {
            let words = a.words.filter { $0.kind == .latin && l.text.contains($0.range.lowerBound) }
            if let s = stretch(l.text, u.text, u.roles, words[...], u.links, &scratch, wholeUnit: true), Segmenter.isSentence(s) {
                return true
            }
        }
        return false
    }

    /// The unit's prose is only the alt text of images.
    public static func isImageOnly(_ u: BitextMarkdown.Unit) -> Bool {
        isImageOnly(u.kind, u.text, u.roles, u.links)
    }

    /// The first letter or digit of prose is an ASCII lowercase letter.
    static func startsWithLowercase(_ text: [UInt32], _ roles: [Role]) -> Bool {
        guard let first = text.indices.first(where: { roles[$0] == .content && isLetterOrDigit(text[$0]) }) else { return false }
        return text[first] >= 0x61 && text[first] <= 0x7A
    }

    /// ``isImageOnly(_:)`` from a unit's fields (a caller looping over units passes them
    /// without copying the whole `Unit`).
    static func isImageOnly(_ kind: UnitKind, _ text: [UInt32], _ roles: [Role], _ links: [InlineLink]) -> Bool {
        if case .altText = kind { return true }
        guard links.contains(where: \.isImage) else { return false }
        for i in text.indices where roles[i] == .content && !isSpace(text[i]) {
            if !links.contains(where: { $0.isImage && $0.text.contains(i) }) { return false }
        }
        return true
    }

    /// Reads as a sentence or phrase: two function words, or one with two other words.
    static func isSentence(_ s: SourceStretch) -> Bool {
        var function = 0, ordinary = 0
        for t in s.tokens {
            if t.kind == .function { function += 1 } else if t.kind == .lowercase || t.kind == .capitalized { ordinary += 1 }
        }
        return function >= 2 || (function >= 1 && ordinary >= 2) || ordinary >= 4
    }

    /// A sentence longer than a term (`top of the stack` is a term; a description is not).
    static func isLongSentence(_ s: SourceStretch) -> Bool {
        !s.isCodeLike && s.range.count > 40 && isSentence(s)
    }

    /// Text of a range as a lookup key: content (and code) characters, trimmed of spaces and
    /// punctuation at the ends.
    static func codeKey(_ text: [UInt32], _ r: Range<Int>, roles: [Role]? = nil) -> String {
        guard let b = codeKeyBounds(text, r) else { return "" }
        let lo = b.lowerBound, hi = b.upperBound
        var ascii = true
        for i in lo..<hi where text[i] >= 0x80 { ascii = false; break }
        if ascii {
            // Trimmed in the buffer, as ``FoundationText/trimmingWhitespaces(_:)`` trims ASCII
            // (spaces and tabs): a second pass over the finished `String` cost as much again.
            return String(unsafeUninitializedCapacity: hi - lo) { buffer in
                var n = 0
                for i in lo..<hi {
                    if let roles, roles[i] != .content && roles[i] != .code { continue }
                    buffer[n] = UInt8(text[i])
                    n += 1
                }
                var a = 0
                while a < n && (buffer[a] == 0x20 || buffer[a] == 0x09) { a += 1 }
                while n > a && (buffer[n - 1] == 0x20 || buffer[n - 1] == 0x09) { n -= 1 }
                if a > 0 { for x in a..<n { buffer[x - a] = buffer[x] } }
                return n - a
            }
        }
        var s = String.UnicodeScalarView()
        for i in lo..<hi {
            if let roles, roles[i] != .content && roles[i] != .code { continue }
            if let u = Unicode.Scalar(text[i]) { s.append(u) }
        }
        return FoundationText.trimmingWhitespaces(String(s))
    }

    /// The part of `r` that ``codeKey(_:_:roles:)`` keeps, before leaving out characters by role:
    /// trimmed of spaces, backticks and punctuation at the ends; nil when that leaves nothing or
    /// more than 200 characters. (Without roles, an ASCII key is exactly these characters.)
    static func codeKeyBounds(_ text: [UInt32], _ r: Range<Int>) -> Range<Int>? {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi && (isSpace(text[lo]) || text[lo] == 0x60 || (isPunctuation(text[lo]) && text[lo] != 0x2E && text[lo] != 0x2D)) { lo += 1 }
        while hi > lo && (isSpace(text[hi - 1]) || text[hi - 1] == 0x60 || isTrailingPunctuation(text[hi - 1]) || text[hi - 1] == 0x29) { hi -= 1 }
        guard lo < hi, hi - lo <= 200 else { return nil }
        return lo..<hi
    }

    /// Table columns whose body cells are mostly English (no Han) and not sentences while other
    /// cells of the same rows are Chinese: a column of keys, types, values or terms. Their
    /// cells (and the column's header) are kept; a sentence in them is still reported, unless
    /// the column is data: every cell a one-sentence string, under a Chinese header that names
    /// what it holds, beside a translated cell in every row (evidence `data-column`).
    func markKeyColumns(_ units: [BitextMarkdown.Unit], _ analyses: inout [TextAnalysis]) {
        for t in Segmenter.tables(units) { markKeyColumns(table: t, units, &analyses) }
    }

    /// The tables of a document as ranges of units: runs of table cells, a new table where a
    /// run restarts at row 0, column 0.
    public static func tables(_ units: [BitextMarkdown.Unit]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var k = 0
        while k < units.count {
            guard case .tableCell = units[k].kind else { k += 1; continue }
            var end = k + 1
            while end < units.count, case .tableCell(let row, let column) = units[end].kind, !(row == 0 && column == 0) { end += 1 }
            out.append(k..<end)
            k = end
        }
        return out
    }

    /// A header cell whose Chinese ends with a kind noun of the locale (`命令`, `按钮`, `消息`,
    /// `原文`): its column holds things of that kind, kept as a program shows them.
    public static func headerNamesKind(_ u: BitextMarkdown.Unit, kindNouns: [[UInt32]]) -> Bool {
        let e = contentEnd(u.text, u.roles)
        return e > 0 && isHanIdeograph(u.text[e - 1]) && Segmenter.oneEndsAt(kindNouns, u.text, e)
    }

    /// Where a unit's text ends, spaces and syntax after its last content character left out.
    static func contentEnd(_ text: [UInt32], _ roles: [Role]) -> Int {
        var e = text.count
        while e > 0 && (isSpace(text[e - 1]) || roles[e - 1] != .content) { e -= 1 }
        return e
    }

    private func headerNamesKind(_ u: BitextMarkdown.Unit) -> Bool { Segmenter.headerNamesKind(u, kindNouns: target.kindNouns) }

    /// The unit's text ends with a sentence's full stop (a description, not a name).
    private func endsWithPeriod(_ u: BitextMarkdown.Unit) -> Bool {
        let e = Segmenter.contentEnd(u.text, u.roles)
        return e > 0 && u.text[e - 1] == 0x2E
    }

    /// A column the translator worked through (Chinese in some cells) whose English cells are
    /// names the dictionary does not know (`Invitrogen`, `Sigma-Aldrich` under `| 供应商 |`, beside
    /// `实验室自配`): a Title-Case label among them (`Thermo Fisher`) is a name of the same kind,
    /// not a label left untranslated. Needs two such names and nothing but Title-Case labels
    /// among the column's other English cells.
    private func markNameCells(column: Int, _ cells: [(row: Int, column: Int, unit: Int)], _ analyses: inout [TextAnalysis]) {
        var names = 0
        var candidates: [Int] = []
        for c in cells where c.column == column && c.row > 0 && !analyses[c.unit].hasHan {
            guard let s = analyses[c.unit].stretches.first else { continue }
            if !s.isProse {
                if s.evidence == .coinedTerm || s.evidence == .modelNumber { names += 1 }
                continue
            }
            guard s.isLabel, s.tokens.count <= 3, s.tokens.allSatisfy({ $0.kind == .capitalized || $0.kind == .name }) else { return }
            candidates.append(c.unit)
        }
        guard names >= 2, names >= candidates.count else { return }
        for k in candidates { analyses[k].stretches[0].documentEvidence = .keyColumn }
    }

    /// Cells of one to three capitalised words (`Kenji Mori`, `Grace Hopper`, `Platform Team`)
    /// in the row of a Chinese key that names a person (`| **负责人** | Kenji Mori |`) or under
    /// such a header: names of people or teams, which stay as they are written.
    private func markPersonNames(column: Int, _ cells: [(row: Int, column: Int, unit: Int)], _ units: [BitextMarkdown.Unit],
                                 _ analyses: inout [TextAnalysis]) {
        func namesPerson(_ k: Int) -> Bool {
            analyses[k].hasHan && Segmenter.headerNamesKind(units[k], kindNouns: target.personNounEndings)
        }
        let header = cells.first { $0.row == 0 && $0.column == column }.map { namesPerson($0.unit) } ?? false
        for c in cells where c.column == column && c.row > 0 && !analyses[c.unit].hasHan {
            guard let s = analyses[c.unit].stretches.first, s.isWholeUnit, s.isProse, s.isLabel, s.documentEvidence == nil,
                  s.tokens.count <= 3, s.tokens.allSatisfy({ $0.kind == .capitalized || $0.kind == .name }),
                  header || cells.contains(where: { $0.row == c.row && $0.column == 0 && namesPerson($0.unit) })
            else { continue }
            analyses[c.unit].stretches[0].documentEvidence = .personName
        }
    }

    /// Names of products in a table of catalogue entries: a cell in Title Case, in a row that
    /// holds a catalogue number in a cell of its own (`HL-K350`, ``isCatalogueNumber(_:)``), is
    /// a product's or a maker's name kept as the label on the box, not a label to translate —
    /// when its first word is a brand's (inner capitals or a word the dictionary does not know:
    /// `PureSpin Plasmid Miniprep Kit`), or when the same column names a brand in another row
    /// with a catalogue number (`Helix Labs` under `NovaBio`, the suppliers). A row without a
    /// catalogue number, or words the dictionary knows from the first (`Critical Bug | P1`), are
    /// not this evidence. Evidence `model-number`: a product's name.
    private func markProductNames(_ cells: [(row: Int, column: Int, unit: Int)], _ units: [BitextMarkdown.Unit],
                                  _ analyses: inout [TextAnalysis]) {
        // Title Case labels without a function word, up to six words: most tables have none.
        func titleCase(_ k: Int) -> Bool {
            guard !analyses[k].hasHan, let s = analyses[k].stretches.first, s.isWholeUnit, s.isProse, s.documentEvidence == nil,
                  s.tokens.count <= 6, s.tokens.dropFirst().allSatisfy({ $0.kind == .capitalized || $0.kind == .name }),
                  let first = s.tokens.first, first.kind == .capitalized || first.kind == .name || first.kind == .code else { return false }
            return true
        }
        let candidates = cells.filter { $0.row > 0 && titleCase($0.unit) }
        guard !candidates.isEmpty else { return }
        var catalogueRows = Set<Int>()
        for c in cells where c.row > 0 && !analyses[c.unit].hasHan && Segmenter.isCatalogueNumber(units[c.unit]) { catalogueRows.insert(c.row) }
        guard !catalogueRows.isEmpty else { return }
        // A brand's word: inner capitals (`PureSpin`, `NovaBio`: a token of code's shape), or a
        // capitalised word the dictionary does not know.
        func brand(_ t: StretchToken) -> Bool {
            if t.kind == .code { return true }
            guard t.kind == .capitalized, let dictionary = Lexicon.shared else { return false }
            return dictionary.stem(t.stem) == nil
        }
        func brandOpened(_ k: Int) -> Bool {
            guard let s = analyses[k].stretches.first, s.isWholeUnit, let first = s.tokens.first else { return false }
            return brand(first)
        }
        // Columns that name a brand in a row with a catalogue number (kept as a name already, or
        // a candidate opened by one).
        var brandColumns = Set<Int>()
        for c in cells where c.row > 0 && catalogueRows.contains(c.row) && !analyses[c.unit].hasHan && brandOpened(c.unit) {
            brandColumns.insert(c.column)
        }
        for c in candidates where catalogueRows.contains(c.row) && !Segmenter.isCatalogueNumber(units[c.unit]) {
            let s = analyses[c.unit].stretches[0]
            // (A cell not opened by a brand's word is not the brand its column names.)
            guard brand(s.tokens[0]) || (brandColumns.contains(c.column) && s.tokens.count <= 3) else { continue }
            analyses[c.unit].stretches[0].documentEvidence = .modelNumber
        }
    }

    /// A cell that is one catalogue or part number and nothing else (`HL-K350`, `NB-0100`,
    /// `` `A100` ``): capitals and digits, three digits at least, with `-`, `.` or `/` between,
    /// no lowercase letter and no space (`UTF-16`, `v2.1`, `P1` are not).
    static func isCatalogueNumber(_ u: BitextMarkdown.Unit) -> Bool {
        var upper = 0, digits = 0, seen = 0
        var started = false, ended = false
        for (i, c) in u.text.enumerated() {
            let r = u.roles[i]
            guard r == .content || r == .code else { continue }
            if c == 0x20 || c == 0x09 { if started { ended = true }; continue }
            guard !ended else { return false }
            if c >= 0x41 && c <= 0x5A { upper += 1 } else if c >= 0x30 && c <= 0x39 { digits += 1 }
            else if c == 0x2D || c == 0x2E || c == 0x2F { guard started else { return false } } else { return false }
            started = true
            seen += 1
            if seen > 24 { return false }
        }
        return upper >= 1 && digits >= 3
    }

    private func markKeyColumns(table: Range<Int>, _ units: [BitextMarkdown.Unit], _ analyses: inout [TextAnalysis]) {
        // Rows and columns of the table's cells.
        var cells: [(row: Int, column: Int, unit: Int)] = []
        cells.reserveCapacity(table.count)
        var columns = 0
        for k in table {
            if case .tableCell(let row, let column) = units[k].kind {
                cells.append((row, column, k))
                columns = max(columns, column + 1)
            }
        }
        guard columns >= 2 else { return }
        // Per row, the column of its first cell with Han and whether another column has Han
        // too: enough to tell whether a row has Han outside a given column (arrays by row, not
        // a dictionary of arrays).
        let rows = (cells.map(\.row).max() ?? -1) + 1
        var firstHanColumn = [Int](repeating: -1, count: rows)
        var hanInTwoColumns = [Bool](repeating: false, count: rows)
        for c in cells where analyses[c.unit].hasHan {
            if firstHanColumn[c.row] < 0 { firstHanColumn[c.row] = c.column }
            else if firstHanColumn[c.row] != c.column { hanInTwoColumns[c.row] = true }
        }
        // A table whose body has no Chinese at all holds values, not text the translator left:
        // under a translated header (`| 旧术语 | 替代为 | 起始版本 |` over component names, code and
        // versions), or, with no Chinese anywhere, when half its cells or more are numbers,
        // dates or code (a data frame printed by the example). Its short cells are kept.
        var bodyCells = 0, valueCells = 0, bodyHan = false, headerHan = false
        for c in cells {
            if c.row == 0 { if analyses[c.unit].hasHan { headerHan = true }; continue }
            bodyCells += 1
            if analyses[c.unit].hasHan { bodyHan = true } else if analyses[c.unit].stretches.isEmpty { valueCells += 1 }
        }
        let valueTable = !bodyHan && bodyCells >= 2 && (headerHan || valueCells * 2 >= bodyCells)
        markProductNames(cells, units, &analyses)
        for column in 0..<columns {
            // Cells without Han: English words, numbers, versions, code, dashes.
            var other = 0, sentences = 0, han = 0, besideChinese = 0, paragraphs = 0
            for c in cells where c.column == column && c.row > 0 {
                if analyses[c.unit].hasHan { han += 1; continue }
                other += 1
                if let s = analyses[c.unit].stretches.first, Segmenter.isLongSentence(s) { sentences += 1 }
                if analyses[c.unit].sentences.count > 1 || analyses[c.unit].isNote { paragraphs += 1 }
                if firstHanColumn[c.row] >= 0 && (firstHanColumn[c.row] != column || hanInTwoColumns[c.row]) { besideChinese += 1 }
            }
            // Mostly without Han, mostly not sentences, and beside Chinese in most rows; a
            // one-row table needs a Chinese header over the column (`| 参数 | 说明 |`).
            let chineseHeader = cells.contains { $0.row == 0 && $0.column == column && analyses[$0.unit].hasHan }
            if other >= (chineseHeader ? 1 : 2), other >= 2 * han, sentences * 4 <= other, besideChinese * 2 >= other {
                for c in cells where c.column == column && !analyses[c.unit].hasHan {
                    guard let s = analyses[c.unit].stretches.first, !Segmenter.isLongSentence(s) else { continue }
                    analyses[c.unit].stretches[0].documentEvidence = .keyColumn
                }
            } else if valueTable, sentences == 0 {
                for c in cells where c.column == column && (c.row > 0 || !headerHan) {
                    guard let s = analyses[c.unit].stretches.first, s.documentEvidence == nil, s.tokens.count <= 4 else { continue }
                    analyses[c.unit].stretches[0].documentEvidence = .keyColumn
                }
            } else if valueTable, paragraphs == 0, let header = cells.first(where: { $0.row == 0 && $0.column == column }),
                      Segmenter.headerNamesKind(units[header.unit], kindNouns: target.messageNouns) {
                // A table of values whose translated header names the column's messages (`| 错误码
                // | HTTP 状态 | 消息 |` over `No user exists with this ID.`): what the program
                // returns, sentences included, one each.
                for c in cells where c.column == column && c.row > 0 && !analyses[c.unit].stretches.isEmpty
                    && analyses[c.unit].stretches[0].documentEvidence == nil {
                    analyses[c.unit].stretches[0].documentEvidence = .dataColumn
                }
            } else if han > 0, other >= 3, sentences == 0 {
                markNameCells(column: column, cells, &analyses)
            }
            if column > 0 { markPersonNames(column: column, cells, units, &analyses) }
            // A cited title in a cell (`Beej's Guide` in a reading list): a label in Title Case
            // with the possessive of a name, kept as published. (A list item of the kind is left
            // to the words: lists left in English are where whole sections were forgotten.)
            for c in cells where c.column == column && c.row > 0 && !analyses[c.unit].hasHan {
                guard let s = analyses[c.unit].stretches.first, s.isWholeUnit, s.isProse, s.isLabel, s.documentEvidence == nil,
                      s.tokens.allSatisfy({ $0.kind == .capitalized || $0.kind == .name }), SourceStretch.possessiveOfName(s.tokens)
                else { continue }
                analyses[c.unit].stretches[0].documentEvidence = .titleCase
            }
            // The rest needs a Chinese header that names what the column holds (a kind noun at
            // its end: `| 命令 |`, `| 按钮 |`, `| 消息 |`, `| 英文原文 |`), over cells without Chinese.
            guard chineseHeader, han == 0, other >= 2, paragraphs == 0,
                  let header = cells.first(where: { $0.row == 0 && $0.column == column }), headerNamesKind(units[header.unit])
            else { continue }
            // Short names of that kind, kept as the program shows them (`Quill: Format
            // Document`), whatever the other cells of the row hold (often shortcuts or code).
            if sentences == 0 {
                for c in cells where c.column == column && c.row > 0 {
                    guard let s = analyses[c.unit].stretches.first, s.documentEvidence == nil, s.tokens.count <= 8,
                          !endsWithPeriod(units[c.unit]) else { continue }
                    analyses[c.unit].stretches[0].documentEvidence = .keyColumn
                }
            }
            // Strings (one sentence each) in two rows or more, each row with a translated cell
            // beside it: the translator kept the column, row after row, as data a program reads
            // or prints (the messages an API returns, the English strings of a localisation
            // table); its sentences are kept too. (A row left wholly in English, a cell
            // translated, a cell of several sentences: not this evidence.)
            if sentences > 0, besideChinese == other {
                for c in cells where c.column == column && c.row > 0 && !analyses[c.unit].stretches.isEmpty
                    && analyses[c.unit].stretches[0].documentEvidence == nil {
                    analyses[c.unit].stretches[0].documentEvidence = .dataColumn
                }
            }
        }
    }
}

/// The code texts of a document, offered to the few keys asked about (the text of stretches that
/// may be names): which keys equal a code text as `Set<String>` membership answers it, and which
/// one-word keys equal one without a space when both are lowercased.
struct CodeNames {
    private let keys: [String]
    private let oneWord: [Bool]
    private let keySet: Set<String>
    private let lowerKeySet: Set<String>
    private var found: Set<String> = []
    private var foundLower: Set<String> = []
    /// Whether some key has the length, when every key is ASCII (empty otherwise). An ASCII
    /// code text equals an ASCII key, before or after lowercasing (which keeps ASCII's
    /// length), only at the same length; so an ASCII code text of another length is passed
    /// over without being made into a `String`. A key or code text that is not ASCII is always
    /// looked up: `K` equals U+212A KELVIN SIGN.
    private var lengths: [Bool] = []

    init(_ keys: [String], oneWord: [Bool]) {
        self.keys = keys
        self.oneWord = oneWord
        keySet = Set(keys)
        lowerKeySet = Set(keys.indices.filter { oneWord[$0] }.map { keys[$0].lowercased() })
        if keys.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) {
            lengths = [Bool](repeating: false, count: (keys.map(\.utf8.count).max() ?? 0) + 1)
            for k in keys { lengths[k.utf8.count] = true }
        }
    }

    /// Whether key `k` is code elsewhere (after every code text has been offered).
    func isCode(_ k: Int) -> Bool {
        found.contains(keys[k]) || (oneWord[k] && foundLower.contains(keys[k].lowercased()))
    }

    @inline(__always)
    private func mayEqual(asciiLength n: Int) -> Bool { n < lengths.count && lengths[n] }

    /// False when the code text that ``FoundationText/trimmingWhitespaces(_:)`` makes of these
    /// UTF-8 bytes can equal no key.
    func mayEqual(ascii bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if lengths.isEmpty { return true }
        var lo = 0, hi = bytes.count
        for b in bytes where b >= 0x80 { return true }
        while lo < hi && (bytes[lo] == 0x20 || bytes[lo] == 0x09) { lo += 1 }
        while hi > lo && (bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09) { hi -= 1 }
        return mayEqual(asciiLength: hi - lo)
    }

    /// False when `Segmenter.codeKey(text, r)`, with `bounds` its ``Segmenter/codeKeyBounds(_:_:)``,
    /// can equal no key.
    func mayEqual(_ text: [UInt32], _ bounds: Range<Int>) -> Bool {
        if lengths.isEmpty { return true }
        for i in bounds where text[i] >= 0x80 { return true }
        return mayEqual(asciiLength: bounds.count)
    }

    /// Records which keys the code text `s` equals.
    mutating func offer(_ s: String) {
        if !lengths.isEmpty && s.utf8.allSatisfy({ $0 < 0x80 }) && !mayEqual(asciiLength: s.utf8.count) { return }
        if keySet.contains(s) { found.insert(s) }
        if !lowerKeySet.isEmpty && !FoundationText.contains(s, " ") {
            let lower = s.lowercased()
            if lowerKeySet.contains(lower) { foundLower.insert(lower) }
        }
    }
}

/// The first of a document's short units with the same text, roles and links, found by a hash
/// of the text (``TokenTable/hash(_:_:)``) in an open-addressing table of unit indices. Long
/// units (prose, which seldom repeats) are not hashed.
struct RepeatedUnits {
    /// Units of at most this many characters are looked up.
    static let maxLength = 64
    /// Unit index + 1, or 0 for an empty slot; the count is a power of two.
    private var slots: [Int32]
    private var hashes: [UInt32]

    init(count: Int) {
        var n = 16
        while n < 2 * count { n *= 2 }
        slots = count > 1 ? [Int32](repeating: 0, count: n) : []
        hashes = slots.isEmpty ? [] : [UInt32](repeating: 0, count: n)
    }

    /// The earlier unit equal to unit `k`, or nil (and `k` is remembered).
    mutating func earlier(_ k: Int, _ units: [BitextMarkdown.Unit]) -> Int? {
        let n = units[k].text.count
        guard !slots.isEmpty, n > 0, n <= RepeatedUnits.maxLength else { return nil }
        let h = units[k].text.withUnsafeBufferPointer { TokenTable.hash($0, 0..<n) }
        let mask = slots.count - 1
        var s = Int(h) & mask
        while slots[s] != 0 {
            let j = Int(slots[s]) - 1
            if hashes[s] == h && RepeatedUnits.same(j, k, units) { return j }
            s = (s + 1) & mask
        }
        slots[s] = Int32(k + 1)
        hashes[s] = h
        return nil
    }

    /// (By index and field: passing the units would copy each, a dozen references.)
    private static func same(_ a: Int, _ b: Int, _ units: [BitextMarkdown.Unit]) -> Bool {
        units[a].text == units[b].text && units[a].roles == units[b].roles && units[a].links == units[b].links
    }
}

/// Which code blocks of a document may hold a name, for many names. Asking every block for
/// every name costs the product of the two, which in a long document (a book in one file)
/// outgrows everything else. After ``indexAfter`` names have been looked up block by block the
/// blocks are indexed, for two shortcuts that never change an answer:
///
/// - the word runs (letters, digits, `_`) of the blocks of ASCII text are gathered once, so a
///   one-word name of those characters found among them is a word of the code
///   (``Segmenter/containsWord(_:in:)`` on ASCII text is exactly that);
/// - each block keeps a 1,024-bit mask of the byte pairs it holds: a block whose mask lacks
///   one of a name's pairs cannot hold its bytes, and where the answer is a byte search (a
///   plain name in plain text) or starts with one (an ASCII name in text with nothing
///   Foundation equates with ASCII, see ``FoundationText/mayNotContain(_:_:)``), that block
///   answers no without being searched.
struct CodeBlockSearch {
    /// Names looked up block by block before the blocks are indexed (indexing costs about as
    /// much as looking a few dozen names up in every block).
    static let indexAfter = 32
    private let blocks: [CodeBlock]
    private var lookups = 0
    private(set) var indexed: Bool
    private var built = false
    private var words = Set<String>()
    /// Blocks whose words are not in `words`: text beyond ASCII, or a NUL (a bit per block).
    private var othersBits: [UInt64] = []
    /// Per byte-pair hash (1,024), a bit per block that holds such a pair.
    private var byPair: [UInt64] = []
    private var plain: [Bool?] = []
    /// A bit per block: no byte Foundation could match to ASCII otherwise (`mayNotContain` may
    /// answer, ``FoundationText/hasNoASCIIEquivalent(_:)``); plain (``isPlain(_:)``); every block.
    private var safeBits: [UInt64] = [], plainBits: [UInt64] = [], all: [UInt64] = []

    @inline(__always) private static func has(_ bits: [UInt64], _ b: Int) -> Bool { bits[b >> 6] & (1 << UInt64(b & 63)) != 0 }

    /// `indexed`: from the first name on (tests compare the two ways).
    init(_ blocks: [CodeBlock], indexed: Bool = false) {
        self.blocks = blocks
        self.indexed = indexed
    }

    private mutating func count() {
        lookups += 1
        if lookups > CodeBlockSearch.indexAfter { indexed = true }
    }

    /// A name's byte pairs and what its search starts with.
    struct Name {
        fileprivate var mask = [UInt64](repeating: 0, count: 16)
        /// ASCII, no NUL, not starting with a line feed or ending with a carriage return.
        fileprivate var ascii = false
        /// Plain (``FoundationText/isPlain(_:)``), not starting with a line feed or ending with a carriage return.
        fileprivate var plain = false
        /// A non-ASCII name's ``FoundationText/literalASCIIRun(_:)``: a block with
        /// ``FoundationText/hasNoASCIIEquivalent(_:)`` that lacks its bytes cannot hold the name.
        fileprivate var literalRun: String? = nil
    }

    func name(_ s: String) -> Name {
        var n = Name()
        guard indexed else { return n }
        let u = s.utf8
        guard let first = u.first, let last = u.last else { return n }
        let ends = first != 0x0A && last != 0x0D
        n.ascii = ends && u.allSatisfy { $0 < 0x80 && $0 != 0 }
        n.plain = ends && FoundationText.isPlain(s)
        if !n.ascii, let run = FoundationText.literalASCIIRun(s), run.utf8.count >= 2 { n.literalRun = run }
        var previous: UInt8? = nil
        for b in u {
            if let a = previous { let h = CodeBlockSearch.pair(a, b); n.mask[h >> 6] |= 1 << UInt64(h & 63) }
            previous = b
        }
        return n
    }

    @inline(__always) private static func pair(_ a: UInt8, _ b: UInt8) -> Int {
        Int(((UInt32(a) << 8 | UInt32(b)) &* 0x9E37_79B1) >> 22)
    }

    /// Calls `body` on each block that may hold `name` (in index order) until it answers true:
    /// a block is skipped when its mask lacks one of the name's pairs and the search it would
    /// get is a byte search when both are plain, or starts with
    /// ``FoundationText/mayNotContain(_:_:)`` (both `FoundationText.contains` and
    /// `Segmenter.containsWord`). The masks are also kept by pair, a bit per block, so the
    /// blocks a name's pairs allow are found a word of 64 blocks at a time rather than block by
    /// block (in a book in one file, names × blocks is the cost that outgrows the rest).
    /// `within`: only these blocks (a bit per block).
    /// (After ``build()``.)
    private func someCandidate(_ name: Name, within: [UInt64]? = nil, _ body: (Int) -> Bool) -> Bool {
        let words = (blocks.count + 63) / 64
        var allowed = within ?? all
        if name.ascii || name.plain {
            // Blocks whose answer the masks may decide: the others are searched whatever.
            var decidable = [UInt64](repeating: 0, count: words)
            if name.ascii { for w in 0..<words { decidable[w] |= safeBits[w] } }
            if name.plain { for w in 0..<words { decidable[w] |= plainBits[w] } }
            var pass = all
            for w in 0..<16 {
                var m = name.mask[w]
                while m != 0 {
                    let row = (64 * w + m.trailingZeroBitCount) * words
                    for x in 0..<words { pass[x] &= byPair[row + x] }
                    m &= m &- 1
                }
            }
            for x in 0..<words { allowed[x] &= pass[x] | ~decidable[x] }
        }
        for x in 0..<words {
            var m = allowed[x]
            while m != 0 {
                if body(64 * x + m.trailingZeroBitCount) { return true }
                m &= m &- 1
            }
        }
        return false
    }

    /// `Segmenter.containsWord(word, in:)` for some block.
    mutating func containsWord(_ word: String) -> Bool {
        count()
        guard indexed else { return blocks.contains { Segmenter.containsWord(word, in: $0.literal) } }
        if !built { build() }
        let isWord = !word.utf8.isEmpty && word.utf8.allSatisfy({ Placeholders.isWordChar(UInt32($0)) })
        if isWord && words.contains(word) { return true }
        let n = name(word)
        func holds(_ b: Int) -> Bool {
            // Its first test (`mayNotContain`) is a byte search where the block is safe: without
            // its scan of the whole block for the characters that make it unsafe.
            if n.ascii && CodeBlockSearch.has(safeBits, b) {
                return FoundationText.bytesContain(blocks[b].literal, word) && Segmenter.containsWordSearching(word, in: blocks[b].literal)
            }
            return Segmenter.containsWord(word, in: blocks[b].literal)
        }
        return someCandidate(n, within: isWord ? othersBits : nil, holds)
    }

    /// `FoundationText.contains(literal, text)` for some block (Foundation's answer; a byte
    /// search where that gives the same).
    mutating func someBlockContains(_ text: String) -> Bool {
        count()
        guard indexed else {
            return blocks.indices.contains { FoundationText.contains(blocks[$0].literal, text, plainHaystack: isPlain($0)) }
        }
        let n = name(text)
        if !built { build() }
        return someCandidate(n) { b in
            let safe = CodeBlockSearch.has(safeBits, b), p = CodeBlockSearch.has(plainBits, b)
            if let run = n.literalRun, safe, !FoundationText.bytesContain(blocks[b].literal, run) { return false }
            if n.ascii && !(n.plain && p) && safe {
                // `contains` would ask `mayNotContain`, a byte search here, then Foundation; an
                // occurrence between plain characters is one Foundation finds.
                switch FoundationText.plainBoundedOccurrence(blocks[b].literal, text) {
                case nil: return false
                case true?: return true
                case false?: return blocks[b].literal.range(of: text) != nil
                }
            }
            return FoundationText.contains(blocks[b].literal, text, plainHaystack: p)
        }
    }

    private mutating func isPlain(_ b: Int) -> Bool {
        if plain.isEmpty { plain = [Bool?](repeating: nil, count: blocks.count) }
        if let p = plain[b] { return p }
        let p = FoundationText.isPlain(blocks[b].literal)
        plain[b] = p
        return p
    }

    private mutating func build() {
        built = true
        let words = (blocks.count + 63) / 64
        byPair = [UInt64](repeating: 0, count: 1024 * words)
        if plain.isEmpty { plain = [Bool?](repeating: nil, count: blocks.count) }
        othersBits = [UInt64](repeating: 0, count: words)
        safeBits = othersBits
        plainBits = othersBits
        all = othersBits
        for (b, block) in blocks.enumerated() {
            let (x, bit) = (b >> 6, UInt64(1) << UInt64(b & 63))
            all[x] |= bit
            var literal = block.literal
            let ascii = literal.withUTF8 { bytes -> Bool in
                var ascii = true
                var previous: UInt8? = nil
                for c in bytes {
                    if let a = previous { byPair[CodeBlockSearch.pair(a, c) * words + x] |= bit }
                    previous = c
                    if c >= 0x80 || c == 0 { ascii = false }
                }
                if FoundationText.hasNoASCIIEquivalent(bytes) { safeBits[x] |= bit }
                guard ascii else { return false }
                var i = 0
                while i < bytes.count {
                    guard Placeholders.isWordChar(UInt32(bytes[i])) else { i += 1; continue }
                    var j = i + 1
                    while j < bytes.count && Placeholders.isWordChar(UInt32(bytes[j])) { j += 1 }
                    self.words.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<j]), as: UTF8.self))
                    i = j
                }
                return true
            }
            if !ascii { othersBits[x] |= bit }
            // ASCII without NUL is plain.
            if ascii { plain[b] = true }
            if isPlain(b) { plainBits[x] |= bit }
        }
    }
}
