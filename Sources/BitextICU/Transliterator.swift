internal import CICU

/// An ICU transliterator such as `Hant-Hans` (Traditional to Simplified Chinese).
/// Not thread-safe: give each thread its own.
public final class Transliterator {
    private let handle: OpaquePointer
    public let id: String

    public init(_ id: String) throws {
        let idUnits = Array(id.utf16)
        var status = U_ZERO_ERROR
        let h = idUnits.withUnsafeBufferPointer { p in
            bt_utrans_openU(p.baseAddress, Int32(p.count), &status)
        }
        guard let h, bt_u_success(status) != 0 else {
            throw ICUError(name: String(cString: bt_u_errorName(status)), context: "utrans_openU(\(id))")
        }
        self.handle = h
        self.id = id
    }

    deinit { bt_utrans_close(handle) }

    /// The transliteration of `text` (UTF-16).
    public func transform(_ text: [UInt16]) -> [UInt16] {
        if text.isEmpty { return text }
        var capacity = text.count * 2 + 16
        while true {
            var buffer = text + [UInt16](repeating: 0, count: capacity - text.count)
            var length = Int32(text.count)
            var limit = Int32(text.count)
            var status = U_ZERO_ERROR
            buffer.withUnsafeMutableBufferPointer { p in
                bt_utrans_transUChars(handle, p.baseAddress, &length, Int32(capacity), 0, &limit, &status)
            }
            if bt_u_success(status) != 0 { return Array(buffer[0..<Int(length)]) }
            if status == U_BUFFER_OVERFLOW_ERROR { capacity = Int(length) + 16; continue }
            return text
        }
    }

    public func transform(_ text: String) -> String {
        String(decoding: transform(Array(text.utf16)), as: UTF16.self)
    }
}

/// The set of code points a legacy character set can encode and decode unchanged
/// (ICU's round-trip set of a converter such as `GB2312` or `Big5`).
public final class CharacterSet: @unchecked Sendable {
    private let set: OpaquePointer

    public init(converter name: String) throws {
        var status = U_ZERO_ERROR
        guard let s = bt_converter_roundtrip_set(name, &status), bt_u_success(status) != 0 else {
            throw ICUError(name: String(cString: bt_u_errorName(status)), context: "ucnv_open(\(name))")
        }
        self.set = s
    }

    deinit { bt_uset_close(set) }

    // The set is frozen, so concurrent reads are safe.
    public func contains(_ c: UInt32) -> Bool { bt_uset_contains(set, Int32(bitPattern: c)) != 0 }
}
