import BitextGlossary

extension GlossaryError {
    /// The error as the user reads it: `FILE:LINE: message` in the run's language
    /// (``Messages/current``), the English message where the language has none.
    public var text: String {
        let said = id.isEmpty ? message : Messages.current.text("glossary-error.\(id)", values, english: message)
        if let line { return "\(file):\(line): \(said)" }
        return "\(file): \(said)"
    }
}
