import BitextMarkdown
import BitextText

extension Lexicon {
    /// What the dictionary words of units' Chinese prose translate (lexicon stems), as the
    /// sentence aligner's lexical evidence reads them: every substring of a run of Han of
    /// content, a single character's first few senses. Runs end at anything else and at the
    /// end of each unit.
    func stemsReached<S: Sequence>(by units: S) -> Set<Int32> where S.Element == BitextMarkdown.Unit {
        var han: [UInt32] = []
        for unit in units {
            for (ch, role) in zip(unit.text, unit.roles) {
                if role == .content && ch >= 0x3400 && ch < 0xA000 { han.append(ch) } else if han.last != 0 { han.append(0) }
            }
            if han.last != 0 { han.append(0) }
        }
        var reach = Set<Int32>()
        han.withUnsafeBufferPointer { forEachStem(inHan: $0, maxLength: 6, singleSenses: 6) { reach.insert($0) } }
        return reach
    }
}
