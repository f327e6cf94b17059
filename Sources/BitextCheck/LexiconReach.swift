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

    /// The stems `unit`'s Han reaches (as ``stemsReached(by:)``) through words that `other`
    /// does not write: what tells two renderings that share words apart (`关闭收音机` beside
    /// `关闭发动机`: `radio`, not the `engine` of the `机` both have).
    func stemsReached(by unit: BitextMarkdown.Unit, notIn other: BitextMarkdown.Unit) -> Set<Int32> {
        func han(_ u: BitextMarkdown.Unit) -> [UInt32] {
            var out: [UInt32] = []
            for (ch, role) in zip(u.text, u.roles) {
                if role == .content && ch >= 0x3400 && ch < 0xA000 { out.append(ch) } else if out.last != 0 { out.append(0) }
            }
            if out.last != 0 { out.append(0) }
            return out
        }
        let a = han(unit), b = han(other)
        func written(_ i: Int, _ l: Int) -> Bool {
            guard l <= b.count else { return false }
            for k in 0...(b.count - l) where b[k] == a[i] {
                var same = true
                for m in 1..<l where b[k + m] != a[i + m] { same = false; break }
                if same { return true }
            }
            return false
        }
        var reach = Set<Int32>()
        let longest = min(maxWordLength, 6)
        a.withUnsafeBufferPointer { text in
            for i in text.indices where isHanIdeograph(text[i]) {
                var l = 1
                while l <= longest && i + l <= text.count && isHanIdeograph(text[i + l - 1]) {
                    if let id = word(in: text, i, i + l), !written(i, l) {
                        for st in stems(ofWord: id).prefix(l == 1 ? 6 : 32) { reach.insert(st) }
                    }
                    l += 1
                }
            }
        }
        return reach
    }
}
