internal import COpenSSL

/// SHA-256 from the system's libcrypto, behind a pure-Swift API. Like BitextICU, this module
/// does not import Foundation: a module that imports Foundation and a system C library together
/// makes clang load the system ICU headers beside Foundation's own ICU (see the platform notes).
/// libcrypto is opened on the first digest, not linked (see `shim.h`).
public enum SHA256 {
    private static let crypto = bt_crypto_open()

    /// The 32-byte SHA-256 digest of `message`.
    public static func digest(_ message: [UInt8]) -> [UInt8] {
        let c = crypto
        guard c.digest != nil, c.sha256 != nil else {
            fatalError("bitext: cannot open libcrypto (libcrypto.so.3) for SHA-256: install libssl3 (Debian: apt-get install libssl3)")
        }
        var out = [UInt8](repeating: 0, count: 32)
        let ok = message.withUnsafeBytes { m in
            out.withUnsafeMutableBufferPointer { bt_sha256(c, m.baseAddress, m.count, $0.baseAddress) }
        }
        precondition(ok == 1, "libcrypto could not compute SHA-256")
        return out
    }
}
