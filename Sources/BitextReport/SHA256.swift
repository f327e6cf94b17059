import BitextDigest
import Foundation

extension SHA256 {
    /// The Content-Security-Policy source for an inline script (`'sha256-…'`): a hash, unlike a
    /// nonce, keeps the review page the same bytes every run.
    static func cspSource(_ script: String) -> String {
        "'sha256-" + Data(digest(Array(script.utf8))).base64EncodedString() + "'"
    }
}
