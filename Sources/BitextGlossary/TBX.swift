import BitextText
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// TermBase eXchange import and export.
///
/// Reads TBX v3 (`<tbx type="TBX-Basic">`, ISO 30042:2019: `conceptEntry`/`langSec`/`termSec`)
/// and TBX v2 (`<martif>`: `termEntry`/`langSet`/`tig` or `ntig`). In the target language, a
/// term whose `administrativeStatus` is `deprecatedTerm-admn-sts` (or `supersededTerm-admn-sts`)
/// is a forbidden variant, `admittedTerm-admn-sts` an accepted alternative, and the first
/// preferred (or unmarked) term the rendering. Writes TBX v3 TBX-Basic. bitext's flags, which
/// TBX has no data category for, travel in a `<note>` starting `bitext-flags:`.
public enum TBX {
    public static func read(_ text: String, file: String, sourceLanguage: String = "en") throws(GlossaryError) -> Glossary {
        let root: XMLElement
        do {
            root = try XMLElement.parse(text)
        } catch {
            throw GlossaryError(file: file, line: error.line, message: "not well-formed XML: \(error.message)",
                                id: "not-xml", values: ["reason": error.message])
        }
        guard root.name == "tbx" || root.name == "martif" else {
            throw GlossaryError(file: file, line: 1, message: "not TBX: the root element is <\(root.name)>, not <tbx> or <martif>",
                                id: "not-tbx", values: ["root": root.name])
        }
        var entries: [GlossaryEntry] = []
        for concept in root.descendants(named: ["conceptEntry", "termEntry"]) {
            var comments: [String] = []
            var caseSensitive = false
            var keep = false
            var context = false
            for note in concept.children where note.name == "note" || (note.name == "descrip" && note.attributes["type"] == "definition") {
                let t = note.text.trimmingCharacters(in: .whitespacesAndNewlines)
                if t.hasPrefix("bitext-flags:") {
                    for f in t.dropFirst("bitext-flags:".count).split(separator: ",") {
                        let flag = f.trimmingCharacters(in: .whitespaces)
                        if flag == "case-sensitive" { caseSensitive = true }
                        if flag == "keep-as-is" { keep = true }
                        if flag == "context-dependent" { context = true }
                    }
                } else if !t.isEmpty {
                    comments.append(t)
                }
            }
            var sourceTerms: [String] = []
            var preferred: [String] = []
            var unmarked: [String] = []
            var forbidden: [String] = []
            var admitted: [String] = []
            for lang in concept.children where lang.name == "langSec" || lang.name == "langSet" {
                let code = (lang.attributes["xml:lang"] ?? lang.attributes["lang"] ?? "").lowercased()
                let isSource = code == sourceLanguage.lowercased() || code.hasPrefix(sourceLanguage.lowercased() + "-")
                for termSec in lang.children where ["termSec", "tig", "ntig"].contains(termSec.name) {
                    guard let term = termSec.descendants(named: ["term"]).first?.text
                        .trimmingCharacters(in: .whitespacesAndNewlines), !term.isEmpty else { continue }
                    let status = termSec.descendants(named: ["termNote"])
                        .first { $0.attributes["type"] == "administrativeStatus" }?.text
                        .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                    if isSource {
                        if !status.hasPrefix("deprecated") && !status.hasPrefix("superseded") { sourceTerms.append(term) }
                        continue
                    }
                    switch status {
                    case "deprecatedTerm-admn-sts", "supersededTerm-admn-sts": forbidden.append(term)
                    case "admittedTerm-admn-sts": admitted.append(term)
                    case "preferredTerm-admn-sts": preferred.append(term)
                    default: unmarked.append(term)
                    }
                }
            }
            guard let source = sourceTerms.first else { continue }
            let targets = preferred + unmarked + admitted
            let line = concept.line
            guard let target = targets.first ?? (keep ? source : nil) else {
                throw GlossaryError(file: file, line: line, message: "term '\(source)' has no target-language term",
                                    id: "no-target-term", values: ["term": source])
            }
            var entry = GlossaryEntry(
                source: source, target: target, comment: comments.joined(separator: " "),
                forbidden: forbidden, alternatives: Array(targets.dropFirst()),
                caseSensitive: caseSensitive, keepAsIs: keep, file: file, line: line)
            entry.contextDependent = context
            entries.append(entry)
        }
        return Glossary(entries: entries)
    }

    /// Writes TBX v3, dialect TBX-Basic.
    public static func write(_ g: Glossary, sourceLanguage: String = "en", targetLanguage: String = "zh-Hans") -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tbx type="TBX-Basic" style="dca" xml:lang="\(sourceLanguage)" xmlns="urn:iso:std:iso:30042:ed-2">
              <tbxHeader>
                <fileDesc>
                  <sourceDesc><p>Glossary written by bitext</p></sourceDesc>
                </fileDesc>
              </tbxHeader>
              <text>
                <body>

            """
        for (k, e) in g.entries.enumerated() {
            out += "      <conceptEntry id=\"c\(k + 1)\">\n"
            if !e.comment.isEmpty { out += "        <note>\(Markup.escape(e.comment))</note>\n" }
            var flags: [String] = []
            if e.caseSensitive { flags.append("case-sensitive") }
            if e.keepAsIs { flags.append("keep-as-is") }
            if e.contextDependent { flags.append("context-dependent") }
            if !flags.isEmpty { out += "        <note>bitext-flags: \(flags.joined(separator: ","))</note>\n" }
            out += "        <langSec xml:lang=\"\(sourceLanguage)\">\n"
            out += termSec(e.source, status: nil)
            out += "        </langSec>\n"
            out += "        <langSec xml:lang=\"\(targetLanguage)\">\n"
            out += termSec(e.target, status: "preferredTerm-admn-sts")
            for a in e.alternatives { out += termSec(a, status: "admittedTerm-admn-sts") }
            for f in e.forbidden { out += termSec(f, status: "deprecatedTerm-admn-sts") }
            out += "        </langSec>\n"
            out += "      </conceptEntry>\n"
        }
        out += "    </body>\n  </text>\n</tbx>\n"
        return out
    }

    private static func termSec(_ term: String, status: String?) -> String {
        var s = "          <termSec>\n            <term>\(Markup.escape(term))</term>\n"
        if let status { s += "            <termNote type=\"administrativeStatus\">\(status)</termNote>\n" }
        return s + "          </termSec>\n"
    }
}

/// A minimal element tree built from XMLParser's events.
final class XMLElement {
    let name: String
    let attributes: [String: String]
    let line: Int
    var children: [XMLElement] = []
    var text = ""

    init(name: String, attributes: [String: String], line: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
    }

    struct ParseError: Error {
        var line: Int
        var message: String
    }

    static func parse(_ text: String) throws(ParseError) -> XMLElement {
        let delegate = TreeBuilder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let ok = parser.parse()
        if !ok || delegate.root == nil {
            let message = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "cannot parse"
            throw ParseError(line: max(1, parser.lineNumber), message: message)
        }
        if let open = delegate.stack.last {
            throw ParseError(line: max(1, parser.lineNumber), message: "<\(open.name)> (line \(open.line)) is never closed")
        }
        return delegate.root!
    }

    func descendants(named names: Set<String>) -> [XMLElement] {
        var out: [XMLElement] = []
        var stack = children.reversed() as [XMLElement]
        while let e = stack.popLast() {
            if names.contains(e.name) { out.append(e) }
            stack.append(contentsOf: e.children.reversed())
        }
        return out
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var root: XMLElement?
        var stack: [XMLElement] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            let e = XMLElement(name: name, attributes: attributes, line: parser.lineNumber)
            if let parent = stack.last { parent.children.append(e) } else if root == nil { root = e }
            stack.append(e)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            // Text of an element and of its inline children (e.g. <term>a<hi>b</hi></term>).
            for e in stack { e.text += string }
        }
    }
}
