internal import CICU

/// The kind of boundaries a ``TextBreaker`` finds.
public enum BreakUnit: Sendable {
    case sentence
    case word
    /// Line-break opportunities (UAX #14): where text may wrap, between Han characters too.
    case line
}

/// An error reported by ICU, with ICU's own name for it (e.g. `U_FILE_ACCESS_ERROR`).
public struct ICUError: Error, CustomStringConvertible, Sendable {
    public let name: String
    public let context: String
    public var description: String { "ICU \(context) failed: \(name)" }
}

/// What ICU's word-break rules say about the segment that ends at a boundary.
public enum WordStatus: Sendable, Equatable {
    /// Spaces, punctuation and symbols.
    case none
    case number
    case letter
    /// Kana.
    case kana
    /// Han and other scripts that ICU segments with a dictionary.
    case ideographic
}

/// An ICU break iterator for one locale, reused across texts.
///
/// Opening an iterator loads and compiles rules, so a `TextBreaker` is meant to be made once
/// and used for many texts. It is not thread-safe: give each thread its own.
public final class TextBreaker {
    private let iterator: OpaquePointer
    /// (Not checked for exclusive access at run time: only ``forEachWord(_:_:)`` uses it, once
    /// per call, and a `TextBreaker` is used by one thread.)
    @exclusivity(unchecked) private var classes: [UInt8] = []
    public let unit: BreakUnit
    public let locale: String
    /// Word segments of text made only of ASCII and common CJK punctuation are computed without
    /// ICU, to the same result (``SimpleWordBreaks``); on by default for the locales that use
    /// ICU's root word rules (English, Chinese). (Read at every call: not checked for exclusive
    /// access at run time; a `TextBreaker` is used by one thread.)
    @exclusivity(unchecked) public var simpleWordBreaks: Bool
    /// Sentence boundaries of text whose only terminators are `。！？` are computed without ICU's
    /// rule engine, to the same result (``SimpleSentenceBreaks``); on by default for English and
    /// Chinese. (Not checked for exclusive access at run time, as above.)
    @exclusivity(unchecked) public var simpleSentenceBreaks: Bool

    /// - Parameter locale: an ICU locale id, e.g. `en@ss=standard` or `zh`.
    public init(_ unit: BreakUnit, locale: String) throws {
        var status = U_ZERO_ERROR
        let type: UBreakIteratorType = unit == .sentence ? UBRK_SENTENCE : unit == .line ? UBRK_LINE : UBRK_WORD
        guard let it = bt_ubrk_open(type, locale, nil, 0, &status), bt_u_success(status) != 0 else {
            throw ICUError(name: String(cString: bt_u_errorName(status)), context: "ubrk_open(\(locale))")
        }
        self.iterator = it
        self.unit = unit
        self.locale = locale
        let language = locale.prefix { $0.isLetter }
        simpleWordBreaks = unit == .word && !locale.contains("@") && (language == "en" || language == "zh")
        // (`en@ss=standard` suppresses breaks after abbreviations, which end in a full stop: text
        // without one is broken as by the root rules.)
        simpleSentenceBreaks = unit == .sentence && (language == "en" || language == "zh")
            && (!locale.contains("@") || locale.hasSuffix("@ss=standard"))
    }

    deinit { bt_ubrk_close(iterator) }

    /// Boundaries in `text` as UTF-16 offsets, from 0 to `text.count` inclusive.
    public func boundaries(_ text: [UInt16]) -> [Int] {
        text.withUnsafeBufferPointer { boundaries($0) }
    }

    /// Boundaries in `text` as UTF-16 offsets, from 0 to `text.count` inclusive. `text` must
    /// stay valid for the call only.
    public func boundaries(_ text: UnsafeBufferPointer<UInt16>) -> [Int] {
        var result: [Int] = [0]
        forEachBoundary(text) { result.append($0) }
        return result
    }

    /// Calls `body` with each boundary of ``boundaries(_:)`` after 0, in order (the last is
    /// `text.count`), without building an array.
    public func forEachBoundary(_ text: UnsafeBufferPointer<UInt16>, _ body: (Int) -> Void) {
        if simpleSentenceBreaks && SimpleSentenceBreaks.forEach(text, body) { return }
        var last = 0
        iterate(text) { end, _ in
            body(end)
            last = end
        }
        if last != text.count { body(text.count) }
    }

    /// Word segments of `text`: each segment's end (UTF-16 offset) and what it holds.
    public func words(_ text: [UInt16]) -> [(end: Int, status: WordStatus)] {
        var result: [(end: Int, status: WordStatus)] = []
        result.reserveCapacity(text.count / 3 + 1)
        forEachWord(text) { result.append(($0, $1)) }
        return result
    }

    /// Calls `body` with each word segment's end (UTF-16 offset) and what it holds, without
    /// building an array.
    public func forEachWord(_ text: [UInt16], _ body: (Int, WordStatus) -> Void) {
        text.withUnsafeBufferPointer { forEachWord($0, body) }
    }

    /// ``forEachWord(_:_:)`` over text the caller keeps valid for the call.
    public func forEachWord(_ text: UnsafeBufferPointer<UInt16>, _ body: (Int, WordStatus) -> Void) {
        func report(_ end: Int, _ rule: Int32) {
            let status: WordStatus
            switch rule {
            case 100..<200: status = .number
            case 200..<300: status = .letter
            case 300..<400: status = .kana
            case 400..<500: status = .ideographic
            default: status = .none
            }
            body(end, status)
        }
        if simpleWordBreaks && !text.isEmpty && SimpleWordBreaks.forEach(text, classes: &classes, report) {
            return
        }
        iterate(text, report)
    }

    private func iterate(_ p: UnsafeBufferPointer<UInt16>, _ body: (Int, Int32) -> Void) {
        if p.isEmpty { return }
        // ICU keeps a pointer to the text, which the caller keeps valid for the call only. The
        // iterator is not detached afterwards (a second `ubrk_setText` per call cost as much as
        // the first): the stale pointer is never read, since every use of the iterator starts
        // here with `ubrk_setText`, and `ubrk_close` does not touch the text it was given
        // (a `UText` over UChars it does not own).
        do {
            var status = U_ZERO_ERROR
            bt_ubrk_setText(iterator, p.baseAddress, Int32(p.count), &status)
            guard bt_u_success(status) != 0 else { return }
            _ = bt_ubrk_first(iterator)
            while true {
                let next = bt_ubrk_next(iterator)
                if next < 0 { break }  // UBRK_DONE
                body(Int(next), unit == .word ? bt_ubrk_getRuleStatus(iterator) : 0)
            }
        }
    }
}
