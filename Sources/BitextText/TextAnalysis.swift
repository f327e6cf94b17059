import BitextMarkdown

/// Which language a run of text is in, relative to the translation direction.
public enum RunLanguage: String, Sendable {
    /// The language of the translation (Chinese).
    case target
    /// The language of the original (English).
    case source
    /// Digits, punctuation, symbols, code, URLs: no language.
    case neutral
}

/// A stretch of a unit's text in one language. Ranges index `Unit.text`.
public struct LanguageRun: Sendable, Equatable {
    public var language: RunLanguage
    public var range: Range<Int>
}

public enum WordKind: UInt8, Sendable {
    /// A Han (or kana) word from ICU's dictionary segmentation.
    case han
    case latin
    case number
    /// Letters of another script.
    case other
}

/// A word as ICU's word-break iterator finds it, in prose (not code, not URLs).
public struct Word: Sendable, Equatable {
    public var range: Range<Int>
    public var kind: WordKind
}

/// What a Latin-script token of a stretch looks like.
public enum TokenKind: UInt8, Sendable {
    /// A word of the locale's function-word list (`the`, `of`, `is`…).
    case function
    /// An ordinary lowercase word (or a lowercase hyphenated compound).
    case lowercase
    /// An ordinary word with an initial capital (`Resources`).
    case capitalized
    /// An acronym or a word with capitals or digits inside (`GPU`, `ChatGPT`, `GPT-4o`), or a
    /// unit symbol after a number (the `ms` of `2.5 ms`, `rpm` of `7200 rpm`).
    case name
    /// An identifier: camelCase, snake_case, dotted, or a word followed by `(`.
    case code
}

/// A token of a stretch: a word, or words joined by hyphens or underscores.
public struct StretchToken: Sendable, Equatable {
    /// Lowercased text.
    public var text: String
    /// Stem of the lowercased text (see ``Stemmer``).
    public var stem: String
    public var kind: TokenKind
}

/// The evidence that decided whether a stretch of English is untranslated text or English the
/// translation keeps on purpose. Shown by `bitext segment` and in findings' `details`.
public enum Evidence: String, Sendable {
    // Untranslated.
    /// Function words with ordinary words: a sentence or phrase.
    case sentence
    /// Four or more ordinary words without function words (inside Chinese, three lowercase words
    /// in a run of five words or more).
    case ordinaryWords = "ordinary-words"
    /// One to three ordinary words, at most one function word: a short label (`Tools`).
    case label
    // Kept.
    /// Only names: acronyms, words with inner capitals or digits, versions, unit symbols after a
    /// number (`2.5 ms`).
    case names
    /// Identifiers, options, paths, host:port, literals, dotted keys: code written without backticks.
    case codeShape = "code-shape"
    /// Dense in code punctuation or a type expression (`|`, `=>`, `{ a: number }`).
    case codePunctuation = "code-punctuation"
    /// In quotation marks: a cited title or a quoted term.
    case quoted
    /// A gloss: in parentheses after Chinese, `中文 English (ABBR)` or `English（中文）`.
    case gloss
    /// The text of one link: a cited title.
    case linkText = "link-text"
    /// Wholly inside `**…**`: a UI label.
    case emphasis
    /// After a UI verb (点击、选择…) or before a kind noun (按钮、菜单、错误…): a UI or log string.
    case uiString = "ui-string"
    /// Up to six words after a verb of naming (称为、叫做…): the term being introduced.
    case namedTerm = "named-term"
    /// Inside a translator's note.
    case translatorNote = "translator-note"
    /// One to three words with a model number (`NVIDIA Tesla T4`, `Intel Xeon Gold 6271C`), or
    /// Title Case in a table row with a catalogue number (`PureSpin Plasmid Miniprep Kit` beside
    /// `HL-K350`): a product's name.
    case modelNumber = "model-number"
    /// Its ordinary words are words the document or project keeps in English.
    case keptWords = "kept-words"
    /// Title Case inside Chinese: a name or a cited title.
    case titleCase = "title-case"
    /// Fewer than three counted words inside Chinese, or function words without an ordinary word.
    case fewWords = "few-words"
    /// A table column of keys, types, values or terms beside Chinese cells.
    case keyColumn = "key-column"
    /// A table column of English strings under a Chinese header that names what it holds (a kind
    /// noun at its end: 消息, 原文), beside cells the translation translated: data such as the
    /// messages a program returns (``Segmenter/markKeyColumns(_:_:)``; with the source,
    /// ``DataColumns``).
    case dataColumn = "data-column"
    /// Capitalised words in a table cell beside or under a Chinese label that names a person
    /// (负责人, 作者, 维护者: ending in the locale's `personNounEndings`): a person's or a team's name.
    case personName = "person-name"
    /// Alt text that is a file slug or a short label, not a sentence.
    case fileSlug = "file-slug"
    /// The same text is inline code elsewhere in the document.
    case codeElsewhere = "code-elsewhere"
    /// A label heading a translation's own links name by its text (`[Semantic DOM](#semantic-dom)`,
    /// no explicit id): translating it would break them.
    case linkedHeading = "linked-heading"
    /// A `<summary>` that names the language of the code block its `<details>` folds
    /// (`<summary>Java</summary>` over `<code class="language-java">` or a ```` ```java ```` fence).
    case codeLanguage = "code-language"
    /// A short label whose words a general dictionary does not know as English (`Webhook`): a
    /// coined term or a name, not an ordinary word a translator would render.
    case coinedTerm = "coined-term"
    /// An entry of a reference list (`Vaswani, A., et al. (2017). Attention is all you need.`):
    /// stays in the language it was published in.
    case citation
}

/// A run of Latin-script words between Han characters and full-width clause punctuation (or
/// the whole unit, when it has no Han), with what bitext uses to tell untranslated prose from
/// names, titles and kept terms.
public struct SourceStretch: Sendable, Equatable {
    /// From the first word to the last character before the next Han character, trailing spaces
    /// left out.
    public var range: Range<Int>
    /// The stretch's tokens. For a whole unit (no Han), only up to its second function word:
    /// from there on it is prose whatever follows.
    public var tokens: [StretchToken]
    /// Enclosed in quotation marks: a cited title or a quoted term.
    public var isQuoted: Bool
    /// Enclosed in parentheses: a gloss such as `巨型语言模型（LLM）`.
    public var isParenthetical: Bool
    /// All words lie in one link's text: a cited title.
    public var isLinkText: Bool
    /// Inside a translator's note.
    public var inNote: Bool
    /// Dense in code punctuation (`{ } ( ) < > = ; | $`) or a type expression (`=>`, `?:`).
    public var isCodeLike: Bool
    /// The whole unit (which has no Han).
    public var isWholeUnit: Bool
    /// Wholly inside `**…**` or `*…*`.
    public var isEmphasis: Bool = false
    /// After a UI verb or before a kind noun of the target language.
    public var isUIString: Bool = false
    /// Up to six words after a verb of naming of the target language.
    public var isNamedTerm: Bool = false
    /// `中文 English (ABBR)` or `English（中文）`.
    public var isGloss: Bool = false
    /// Single words split by `/` inside Chinese (`research / optimize / live 场景`): values named.
    public var isSlashList: Bool = false
    /// A whole unit's words include a model number (``Segmenter/hasModelNumber(_:_:_:)``).
    public var hasModelNumber: Bool = false
    /// What the whole unit's own shape says it is, kept as written: a reference-list entry
    /// (`.citation`, ``Segmenter/isCitation(_:_:_:)``), a status code and its reason phrase
    /// (`.names`, ``Segmenter/isStatusLine(_:_:_:)``).
    public var unitShape: Evidence? = nil
    /// Kept by evidence from the rest of the document (a key column, a file slug, code elsewhere).
    public var documentEvidence: Evidence? = nil
    /// Reads as untranslated prose rather than a name, title, gloss or kept term.
    public var isProse: Bool
    /// Untranslated, but only a short label (one to three ordinary words): `untranslated-label`.
    public var isLabel: Bool = false
    /// What decided `isProse`.
    public var evidence: Evidence = .names

    public var words: Int { tokens.count }
    /// Written the way a name is shown: in bold or italics, in quotation marks, as link text or
    /// after a UI verb (`**File > Preferences**`, a quoted title).
    public var isNameAsShown: Bool { isEmphasis || isQuoted || isLinkText || isUIString }
    public var functionWords: Int { tokens.filter { $0.kind == .function }.count }

    /// Decides whether the stretch is prose, given the stems of words kept in English on
    /// purpose (glossary keep-as-is terms, `keep:` words, and names the document itself uses
    /// inside Chinese sentences).
    public func classify(kept: Set<String>) -> Bool { decide(kept: kept).prose }

    /// Decides and records `isProse`, `isLabel` and `evidence`.
    public mutating func reclassify(kept: Set<String>) {
        let d = decide(kept: kept)
        isProse = d.prose
        isLabel = d.label
        evidence = d.evidence
    }

    /// True when none of the ordinary words not kept is known to the project's English–Chinese
    /// dictionary (``Lexicon``): the label is a coined term or a name (`Webhook`) rather than
    /// ordinary words (`Tools`, `Contributing`, `Tim Dettmers' blog`) a translator renders.
    /// False when the dictionary is unavailable.
    static func mostlyCoined(_ tokens: [StretchToken], kept: Set<String>) -> Bool {
        var known = 0, unknown = 0
        var lexicon: Lexicon?? = .none
        for t in tokens where (t.kind == .lowercase || t.kind == .capitalized) && !kept.contains(t.stem) {
            if lexicon == nil { lexicon = .some(Lexicon.shared) }
            guard let dictionary = lexicon! else { return false }
            if dictionary.stem(t.stem) != nil { known += 1 } else { unknown += 1 }
        }
        return unknown > 0 && known == 0
    }

    /// True when a Capitalised token is the possessive of a word the dictionary does not know
    /// (`Beej's Guide`, `Hoyle’s Rules`): a table cell in Title Case that names a person's work
    /// is a cited title, kept as published (``Segmenter/markKeyColumns``). A possessive of an
    /// ordinary word (`User's Guide`) is not. False when the dictionary is unavailable.
    static func possessiveOfName(_ tokens: [StretchToken]) -> Bool {
        for t in tokens where t.kind == .capitalized && (t.text.hasSuffix("'s") || t.text.hasSuffix("\u{2019}s")) {
            let base = String(t.text.unicodeScalars.dropLast(2))
            guard base.unicodeScalars.count >= 2, let dictionary = Lexicon.shared else { return false }
            if dictionary.stem(Stemmer.stem(base)) == nil { return true }
        }
        return false
    }

    /// The decision: prose or not, a short label or not, and the evidence.
    public func decide(kept: Set<String>) -> (prose: Bool, label: Bool, evidence: Evidence) {
        func keep(_ e: Evidence) -> (Bool, Bool, Evidence) { (false, false, e) }
        if inNote { return keep(.translatorNote) }
        if let e = documentEvidence { return keep(e) }
        if isCodeLike { return keep(.codePunctuation) }
        if isQuoted { return keep(.quoted) }
        if let e = unitShape { return keep(e) }
        var function = 0, lowerUnkept = 0, capitalizedUnkept = 0, keptCount = 0, code = 0
        var titleCase = true
        for t in tokens {
            switch t.kind {
            case .function: function += 1
            case .lowercase:
                titleCase = false
                if kept.contains(t.stem) { keptCount += 1 } else { lowerUnkept += 1 }
            case .capitalized:
                if kept.contains(t.stem) { keptCount += 1 } else { capitalizedUnkept += 1 }
            case .code: code += 1
            case .name: break
            }
        }
        let ordinary = lowerUnkept + capitalizedUnkept
        if isLinkText && (!isWholeUnit || tokens.count <= 3) { return keep(.linkText) }
        // Mostly identifiers: code written without backticks, with a few words among it.
        if code >= 2 && code >= function + ordinary { return keep(.codeShape) }
        if ordinary == 0 {
            if function > 0 && !isWholeUnit { return keep(.fewWords) }
            if function >= 2 { return (true, false, .sentence) }
            return keep(keptCount > 0 ? .keptWords : code > 0 ? .codeShape : .names)
        }
        if isWholeUnit {
            if function >= 1 { return (true, false, .sentence) }
            if ordinary >= 4 { return (true, false, .ordinaryWords) }
            // A short label made mostly of words the document keeps (`Select Methods` where the
            // document writes `Select 组件`) names the thing.
            if keptCount + code >= ordinary { return keep(.keptWords) }
            if SourceStretch.mostlyCoined(tokens, kept: kept) { return keep(.coinedTerm) }
            // A model number among the words (`NVIDIA Tesla T4`, `Intel Xeon Gold 6271C`): a
            // product's name, not a label to translate.
            if hasModelNumber { return keep(.modelNumber) }
            return (true, true, .label)
        }
        // Bold or italic marks a term, a UI label or a name; a long run of words in bold is a
        // sentence left in English all the same.
        if isEmphasis && function + ordinary <= 8 { return keep(.emphasis) }
        if isParenthetical && tokens.count <= 8 { return keep(.gloss) }
        if isGloss { return keep(.gloss) }
        if isSlashList { return keep(.names) }
        if isUIString { return keep(.uiString) }
        if isNamedTerm { return keep(.namedTerm) }
        if function + ordinary < 3 { return keep(keptCount > 0 ? .keptWords : .fewWords) }
        if titleCase { return keep(.titleCase) }
        if function >= 1 { return (true, false, .sentence) }
        // No function word: three or four words inside Chinese are a noun phrase the sentence
        // keeps (`protocol entry point 实例化`, `token-level top-1 accuracy 指标`), a term of a
        // writer who keeps such terms in English; English left untranslated is clauses, whose
        // function words a run of five words or more has, and a longer run of words is one.
        if lowerUnkept >= 3 && tokens.count > 4 { return (true, false, .ordinaryWords) }
        return keep(.fewWords)
    }
}

/// What bitext sees in a unit: sentences, words, language runs and translator's notes.
public struct TextAnalysis: Sendable {
    public var sentences: [Range<Int>] = []
    public var words: [Word] = []
    public var runs: [LanguageRun] = []
    public var stretches: [SourceStretch] = []
    /// Translator's notes: `（译者注：…）` inside the unit.
    public var notes: [Range<Int>] = []
    /// The whole unit is a translator's note (a paragraph that begins with the marker).
    public var isNote = false
    /// Han characters of prose, outside translator's notes.
    public var hanCharacters = 0
    /// Latin letters of prose, outside translator's notes.
    public var latinLetters = 0
    /// Latin letters in prose stretches (the untranslated part of a partly translated unit).
    public var proseLatinLetters = 0

    public init() {}

    /// True when the unit holds target-language (Han) text.
    public var hasHan: Bool { hanCharacters > 0 }

    public func inNote(_ i: Int) -> Bool {
        if isNote { return true }
        for n in notes where n.contains(i) { return true }
        return false
    }
}
