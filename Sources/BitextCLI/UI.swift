import BitextCheck
import BitextICU
import BitextReport
import BitextText
import Foundation

/// The language of what the command line says (messages, errors, summaries, help).
enum UI {
    /// Sets the run's message language from `--lang`/`lang:` or, when nil, the environment.
    /// An unknown language is refused with the ones bitext has.
    static func setLanguage(_ lang: String?) throws {
        guard let lang else {
            Messages.current = Messages.load(nil)
            return
        }
        guard let id = Messages.validate(lang) else {
            throw Failure(ui("lang.unknown", ["lang": lang, "langs": Messages.available().joined(separator: ", ")]))
        }
        Messages.current = Messages.load(id)
    }

    /// Before arguments are parsed (help text, argument errors): the `--lang` of the command
    /// line if it names a language bitext has, else the environment's.
    static func setLanguage(arguments: [String]) {
        var lang: String? = nil
        for (k, a) in arguments.enumerated() {
            if a == "--lang", k + 1 < arguments.count { lang = arguments[k + 1] }
            else if a.hasPrefix("--lang=") { lang = String(a.dropFirst("--lang=".count)) }
        }
        Messages.current = Messages.load(lang.flatMap { Messages.validate($0) })
    }

    /// `1 file`, `3 files` (in Chinese, `1 个文件`).
    static func count(_ n: Int, _ noun: String) -> String {
        ui(n == 1 ? "count.\(noun).one" : "count.\(noun).other", ["n": String(n)])
    }
}

extension UI {
    /// False while the command line of a run is parsed: the argument parser then builds every
    /// command's help texts (wrapping them costs more than checking a small file) though only
    /// help and error output show them. ``BitextCommand/main()`` turns them back on, and parses
    /// again, before anything is printed from the parser's errors or help requests.
    nonisolated(unsafe) static var helpTextsWanted = true

    /// A help text (`help.*` in the messages files) wrapped for the terminal: prose lines are
    /// wrapped at ICU's line-break opportunities by display width (a Han character takes two
    /// columns), so that the argument parser, which counts characters, has nothing left to
    /// wrap; indented lines (examples) are kept as written.
    ///
    /// The parser looks for a line's end within the terminal's width in characters, so a line
    /// as wide as the terminal would lose its last word to a line of its own: prose is wrapped
    /// one column short. An abstract is shown twice, after `OVERVIEW: ` and in the parent's list
    /// of subcommands (26 columns in): text of one-column characters is left whole, for the
    /// parser to wrap in each place; wider text is wrapped for the list, the narrower place.
    static func help(_ key: String) -> String {
        guard helpTextsWanted else { return "" }
        // The parser asks a command for its configuration, and instantiates its options, many
        // times over (a dozen times for each command in a help request): each text is wrapped
        // once.
        return wrappedOnce(key) { wrappedHelp(key) }
    }

    /// The text `make` gives for `key` in this language, made once: the terminal's width, the
    /// other thing a wrapping depends on, is read once a process.
    private static func wrappedOnce(_ key: String, _ make: () -> String) -> String {
        let id = Messages.current.language + " " + key
        Wrapped.lock.lock()
        defer { Wrapped.lock.unlock() }
        if let known = Wrapped.texts[id] { return known }
        let text = make()
        Wrapped.texts[id] = text
        return text
    }

    private enum Wrapped {
        static let lock = NSLock()
        nonisolated(unsafe) static var texts: [String: String] = [:]
    }

    private static func wrappedHelp(_ key: String) -> String {
        let width = min(Output.terminalWidth(default: 80), 100)
        let text = ui(key).trimmingCharacters(in: .newlines)
        if key.hasSuffix(".abstract") {
            let oneLine = text.replacingOccurrences(of: "\n", with: " ")
            return columns(oneLine) == oneLine.count ? oneLine : balancedWrap(oneLine, width: max(20, width - 26 - 1))
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            line.hasPrefix(" ") || columns(String(line)) < width ? String(line) : wrap(String(line), width: width - 1)
        }.joined(separator: "\n")
    }

    static func columns(_ s: String) -> Int { DisplayWidth.of(s) }

    /// `wrap` into as few lines as at `width`, of even widths: no last word alone on its line.
    static func balancedWrap(_ text: String, width: Int) -> String {
        let lines = wrap(text, width: width).split(separator: "\n").count
        guard lines > 1 else { return text }
        // (A word wider than the lines would be stays on a line of its own.)
        let narrowest = (columns(text) + lines - 1) / lines
        guard narrowest < width else { return wrap(text, width: width) }
        for w in narrowest ..< width {
            let wrapped = wrap(text, width: w)
            if wrapped.split(separator: "\n").count == lines { return wrapped }
        }
        return wrap(text, width: width)
    }

    static func wrap(_ line: String, width: Int) -> String {
        guard let breaker = try? TextBreaker(.line, locale: "zh") else { return line }
        let utf16 = Array(line.utf16)
        let stops = breaker.boundaries(utf16)
        var out: [String] = [], current = "", k = 0
        for b in stops.dropFirst() {
            let piece = String(decoding: utf16[k..<b], as: UTF16.self)
            k = b
            if !current.isEmpty && columns(current + piece.trimmingCharacters(in: .whitespaces)) > width {
                out.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            }
            current += piece
        }
        if !current.isEmpty { out.append(current.trimmingCharacters(in: .whitespaces)) }
        return out.joined(separator: "\n")
    }
}

extension UI {
    /// An option's help (`help.opt.*`), wrapped to the column the argument parser gives option
    /// help (it starts 26 columns in), by display width, one column short (see ``help(_:)``).
    /// `listsValues`: the parser appends "(values: …)" to the text; after wide characters it
    /// would count them as one column each, so that list starts on a line of its own.
    static func optionHelp(_ key: String, listsValues: Bool = false) -> String {
        guard helpTextsWanted else { return "" }
        return wrappedOnce("option " + key + (listsValues ? " values" : "")) {
            optionHelpWrapped(key, listsValues: listsValues)
        }
    }

    private static func optionHelpWrapped(_ key: String, listsValues: Bool) -> String {
        let width = min(Output.terminalWidth(default: 80), 100) - 26 - 1
        let text = ui(key)
        let wrapped = columns(text) <= width ? text : wrap(text, width: max(20, width))
        return listsValues && columns(text) > text.unicodeScalars.count ? wrapped + "\n" : wrapped
    }
}

extension UI {
    /// Pads to `width` display columns.
    static func pad(_ s: String, _ width: Int) -> String {
        s + String(repeating: " ", count: max(0, width - columns(s)))
    }
}
