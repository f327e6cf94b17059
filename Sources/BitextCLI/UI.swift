import BitextCheck
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
