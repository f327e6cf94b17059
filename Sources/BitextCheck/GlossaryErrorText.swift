import BitextGlossary

extension GlossaryError {
    /// The error as the user reads it: `FILE:LINE: message` in the run's language
    /// (``Messages/current``), the English message where the language has none.
    public var text: String {
        let m = Messages.current, key = "glossary-error.\(id)"
        let said = !id.isEmpty && m.language != "en" && m.has(key) ? m.text(key, values) : message
        if let line { return "\(file):\(line): \(said)" }
        return "\(file): \(said)"
    }
}
