import Testing
@testable import BitextText

@Suite struct StemmerTests {
    @Test func familiesMeet() {
        for family in [["fine-tune", "fine-tuned", "fine-tuning", "fine-tunes"], ["model", "models", "modeling", "modelling", "modeled"],
                       ["encode", "encoded", "encoding", "encodes"], ["tokenizer", "tokenizers"], ["embedding", "embeddings"],
                       ["hope", "hoping", "hoped"], ["library", "libraries"], ["attention", "attentions"], ["run", "running"],
                       ["copy", "copies", "copied", "copying"], ["try", "tries", "tried"], ["apply", "applies", "applied"],
                       ["use", "uses", "used"], ["age", "aged"], ["owe", "owed"], ["ice", "iced"]] {
            let stems = Set(family.map { Stemmer.stem($0) })
            #expect(stems.count == 1, "\(family): \(stems)")
        }
    }

    @Test func differentWordsStayApart() {
        // Porter's known conflations stay (news/new, use/us); these must not.
        for (a, b) in [("note", "not"), ("hope", "hop"), ("cute", "cut"), ("tune", "tun")] {
            #expect(Stemmer.stem(a) != Stemmer.stem(b), "\(a) / \(b)")
        }
        // Short words in `-ied` keep their letters (`died` is no `dy`).
        #expect(Stemmer.stem("died") == "died")
        #expect(Stemmer.stem("tied") == "tied")
        // Nor four-letter words in `-ed` whose stem opens with a consonant (`shed`, `bred`, `sued`).
        for w in ["shed", "bred", "fled", "sued", "need"] { #expect(Stemmer.stem(w) == w, "\(w)") }
        #expect(Stemmer.stem("LLMs", keepCase: true) == "LLM")
        #expect(Stemmer.stem("LLMS", keepCase: true) == "LLMS")
    }

    @Test func caseKeptThroughPorter() {
        // A case-sensitive glossary term (`Processor` as a defined party) stems with its capital,
        // so the ordinary word does not match it; plurals still meet.
        #expect(Stemmer.stem("Processor", keepCase: true) == "Processor")
        #expect(Stemmer.stem("Processors", keepCase: true) == "Processor")
        #expect(Stemmer.stem("processors", keepCase: true) == "processor")
        #expect(Stemmer.stem("Processors") == Stemmer.stem("processor"))
    }
}
