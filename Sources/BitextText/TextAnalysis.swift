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

/// A run of Latin-script words between Han characters (or the whole unit, when it has none),
/// with what bitext uses to tell untranslated prose from names, titles and kept terms.
public struct SourceStretch: Sendable, Equatable {
    /// From the first word to the last character before the next Han character, trailing spaces
    /// left out.
    public var range: Range<Int>
    public var words: Int
    /// Words of the locale's function-word list (`the`, `of`, `is`…).
    public var functionWords: Int
    /// Lowercase words that are not function words.
    public var lowercaseWords: Int
    /// Words the glossary or configuration keeps in English.
    public var keptWords: Int
    /// Every word that is not a function word starts with a capital, is an acronym or holds a
    /// capital or digit inside (`ChatGPT`, `GPT-4o`): a name or a title.
    public var isTitleCase: Bool
    /// Enclosed in quotation marks: a cited title or a quoted term.
    public var isQuoted: Bool
    /// Enclosed in parentheses: a gloss such as `巨型语言模型（LLM）`.
    public var isParenthetical: Bool
    /// All words lie in one link's text.
    public var isLinkText: Bool
    /// Inside a translator's note.
    public var inNote: Bool
    /// Reads as untranslated prose rather than a name, title, gloss or kept term.
    public var isProse: Bool
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
