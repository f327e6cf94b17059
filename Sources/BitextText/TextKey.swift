import Foundation

/// A string as a hash key by its UTF-8 bytes.
///
/// Swift hashes and compares a `String` by its canonical (NFC) form, so a `Set<String>` of
/// Chinese text normalises every string on every hash and on every comparison in a bucket. A
/// key normalises once, when it is made, and only text that normalisation can change; its bytes
/// are then those of the NFC form, so two keys are equal exactly when their strings are (`==`),
/// and a set or dictionary of keys holds the same members as one of strings.
public struct TextKey: Hashable, Sendable {
    /// The string as given.
    public let text: String
    /// Its NFC form: `text` itself when nothing in it changes in normalisation.
    private let nfc: String

    public init(_ text: String) {
        self.text = text
        nfc = TextKey.isNFC(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    public static func == (a: TextKey, b: TextKey) -> Bool {
        let x = a.nfc.utf8, y = b.nfc.utf8
        guard x.count == y.count else { return false }
        if let same = x.withContiguousStorageIfAvailable({ p in
            y.withContiguousStorageIfAvailable { q in p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0 }
        }), let same {
            return same
        }
        return x.elementsEqual(y)
    }

    public func hash(into hasher: inout Hasher) {
        // The same bytes feed the hasher alike whether the string's storage is contiguous or not.
        let bytes = nfc.utf8
        if bytes.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            Array(bytes).withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    /// True when `s` is in NFC because every scalar of it is one normalisation never changes,
    /// moves or composes with a neighbour (``isStableScalar(_:)``). A combining mark, Hangul, the
    /// compatibility ideographs (which decompose) and everything else take the slow, exact way.
    public static func isNFC(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { isStableScalar($0.value) }
    }

    /// Scalars normalisation never changes, moves or composes with a neighbour: below U+0300
    /// (ASCII, Latin-1, the Latin extensions, IPA, spacing modifiers), general punctuation from
    /// the dashes to the ellipsis and from ‰ on, CJK symbols and punctuation without the tone
    /// marks, kana without the combining voicing marks, CJK ideographs (extension A and the
    /// unified block), full- and half-width forms.
    @inline(__always)
    public static func isStableScalar(_ c: UInt32) -> Bool {
        switch c {
        case 0..<0x300, 0x2010...0x2027, 0x2030...0x205E,
             0x3000...0x3029, 0x3030...0x3098, 0x309B...0x30FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xFF01...0xFFEF:
            return true
        default:
            return false
        }
    }
}
