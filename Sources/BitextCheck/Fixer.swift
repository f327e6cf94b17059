import BitextMarkdown
import Foundation

/// Applies findings' fixes to a file: exactly each fix's span, nothing else.
public enum Fixer {
    /// The file's bytes with the fixes applied, and the findings whose fixes were applied.
    /// A fix whose span overlaps an earlier one waits for the next run; a fix whose span no
    /// longer holds the finding's text is skipped.
    public static func apply(_ findings: [Finding], to source: SourceText) -> (bytes: [UInt8], applied: [Finding]) {
        var edits: [(range: Range<Int>, replacement: [UInt8], finding: Int)] = []
        for (k, f) in findings.enumerated() {
            guard let fix = f.fix else { continue }
            for span in fix.spans(of: f) {
                let start = source.byteOffset(of: span.start)
                var end = source.byteOffset(of: span.end)
                guard end < source.bytes.count else { continue }
                end += 1
                while end < source.bytes.count && source.bytes[end] & 0xC0 == 0x80 { end += 1 }
                guard start < end, String(decoding: source.bytes[start..<end], as: UTF8.self) == f.text else { continue }
                edits.append((start..<end, Array(fix.replacement.utf8), k))
            }
        }
        edits.sort { $0.range.lowerBound < $1.range.lowerBound }
        var out: [UInt8] = []
        out.reserveCapacity(source.bytes.count + 64)
        var cursor = 0
        var applied: [Finding] = []
        var counted = Set<Int>()  // a finding with several spans is applied once
        for e in edits where e.range.lowerBound >= cursor {
            out += source.originalBytes[cursor..<e.range.lowerBound]
            out += e.replacement
            cursor = e.range.upperBound
            if counted.insert(e.finding).inserted { applied.append(findings[e.finding]) }
        }
        out += source.originalBytes[cursor...]
        if source.hasByteOrderMark { out.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0) }
        return (out, applied)
    }

    /// Writes the fixed bytes over the file, atomically (see ``AtomicFile``).
    public static func write(_ bytes: [UInt8], to path: String) throws(InputError) {
        let file = try AtomicFile(path, mustExist: true)
        file.write(Data(bytes))
        try file.commit()
    }
}
