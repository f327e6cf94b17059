internal import COpenSSL

/// SHA-256 from the system's libcrypto, behind a pure-Swift API. Like BitextICU, this module
/// does not import Foundation: a module that imports Foundation and a system C library together
/// makes clang load the system ICU headers beside Foundation's own ICU (see the platform notes).
public enum SHA256 {
    /// The 32-byte SHA-256 digest of `message`.
    public static func digest(_ message: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        let ok = message.withUnsafeBytes { m in
            out.withUnsafeMutableBufferPointer { bt_sha256(m.baseAddress, m.count, $0.baseAddress) }
        }
        precondition(ok == 1, "libcrypto could not compute SHA-256")
        return out
    }
}
