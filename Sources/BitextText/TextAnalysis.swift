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
    /// An acronym or a word with capitals or digits inside (`GPU`, `ChatGPT`, `GPT-4o`).
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

/// A run of Latin-script words between Han characters (or the whole unit, when it has none),
/// with what bitext uses to tell untranslated prose from names, titles and kept terms.
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
    /// Dense in code punctuation (`{ } ( ) < > = ;`): code written without backticks.
    public var isCodeLike: Bool
    /// The whole unit (which has no Han).
    public var isWholeUnit: Bool
    /// Reads as untranslated prose rather than a name, title, gloss or kept term.
    public var isProse: Bool

    public var words: Int { tokens.count }
    public var functionWords: Int { tokens.filter { $0.kind == .function }.count }

    /// Decides whether the stretch is prose, given the stems of words kept in English on
    /// purpose (glossary keep-as-is terms, `keep:` words, and names the document itself uses
    /// inside Chinese sentences).
    public func classify(kept: Set<String>) -> Bool {
        if inNote || isCodeLike || isQuoted { return false }
        var function = 0, lowerUnkept = 0, capitalizedUnkept = 0, counted = 0
        var titleCase = true
        for t in tokens {
            switch t.kind {
            case .function: function += 1; counted += 1
            case .lowercase:
                titleCase = false
                if !kept.contains(t.stem) { lowerUnkept += 1; counted += 1 }
            case .capitalized:
                if !kept.contains(t.stem) { capitalizedUnkept += 1; counted += 1 }
            case .name, .code: break
            }
        }
        if isWholeUnit {
            if isLinkText && tokens.count <= 3 { return false }
            return function >= 2 || lowerUnkept + capitalizedUnkept >= 1
        }
        if isLinkText || (isParenthetical && tokens.count <= 8) { return false }
        return counted >= 3 && !titleCase && (function >= 1 || lowerUnkept >= 3)
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
