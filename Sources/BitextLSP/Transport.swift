import BitextText
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads Language Server Protocol messages from a file descriptor: a header block
/// (`Content-Length: N`, optionally `Content-Type`) ended by an empty line, then N bytes of JSON.
///
/// Malformed framing never stops the reader: a header block without a usable length is reported
/// and skipped, an oversized body is read past without being kept, and bytes that are not a header
/// at all are dropped up to the next plausible header.
final class MessageReader {
    enum Event {
        case message([UInt8])
        /// The framing was broken; the reader has resynchronised past it.
        case malformed(String)
        case end
    }

    /// Bodies larger than this are skipped (a Markdown file this large is not edited in an editor).
    static let maxBody = 64 << 20
    /// A header block larger than this is garbage, not a header.
    static let maxHeader = 8 << 10

    private let fd: Int32
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false

    init(fd: Int32) { self.fd = fd }

    func next() -> Event {
        while true {
            // A header block ends at CRLF CRLF (or, leniently, LF LF).
            if let (headerEnd, bodyStart) = findHeaderEnd() {
                let header = String(decoding: buffer[position..<headerEnd], as: UTF8.self)
                position = bodyStart
                var length: Int? = nil
                var problem: String? = nil
                for line in header.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" || $0 == "\r" }) {
                    guard let colon = line.firstIndex(of: ":") else {
                        problem = "header line without a colon: \(line.prefix(60))"
                        continue
                    }
                    let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                    let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    if name == "content-length" {
                        guard let n = Int(value), n >= 0 else { problem = "Content-Length is not a number: \(value.prefix(40))"; continue }
                        length = n
                    }
                }
                guard let n = length else {
                    compact()
                    return .malformed(problem ?? "message header without Content-Length")
                }
                if n > MessageReader.maxBody {
                    if !skip(n) { return .end }
                    return .malformed("message of \(n) bytes is larger than \(MessageReader.maxBody) bytes: skipped")
                }
                guard fill(upTo: position + n) else {
                    return .end
                }
                let body = Array(buffer[position..<(position + n)])
                position += n
                compact()
                return .message(body)
            }
            if buffer.count - position > MessageReader.maxHeader {
                // No header end in sight: drop everything but a possible start of the next header.
                let dropped = buffer.count - position
                if let c = lastHeaderStart() { position = c } else { position = buffer.count }
                compact()
                return .malformed("\(dropped) bytes without a message header: dropped")
            }
            if !readMore() {
                if buffer.count > position {
                    let n = buffer.count - position
                    position = buffer.count
                    compact()
                    return .malformed("input ended inside a message header (\(n) bytes)")
                }
                return .end
            }
        }
    }

    private func findHeaderEnd() -> (Int, Int)? {
        var i = position
        let n = buffer.count
        while i < n {
            if buffer[i] == 0x0A {
                if i + 1 < n && buffer[i + 1] == 0x0A { return (i, i + 2) }
                if i + 2 < n && buffer[i + 1] == 0x0D && buffer[i + 2] == 0x0A { return (i > position && buffer[i - 1] == 0x0D ? i - 1 : i, i + 3) }
            }
            i += 1
        }
        return nil
    }

    /// Where the last `Content-Length` in the buffer starts, to resynchronise on.
    private func lastHeaderStart() -> Int? {
        let key = Array("Content-Length".utf8)
        var i = buffer.count - key.count
        while i > position {
            if buffer[i] == key[0] && Array(buffer[i..<(i + key.count)]) == key { return i }
            i -= 1
        }
        return nil
    }

    private func compact() {
        if position > 0 && position >= buffer.count / 2 {
            buffer.removeFirst(position)
            position = 0
        }
    }

    private func readMore() -> Bool {
        if atEnd { return false }
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let r = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, 65536) }
            if r > 0 {
                buffer.append(contentsOf: chunk[0..<r])
                return true
            }
            if r < 0 && errno == EINTR { continue }
            atEnd = true
            return false
        }
    }

    private func fill(upTo end: Int) -> Bool {
        while buffer.count < end {
            if !readMore() { return false }
        }
        return true
    }

    /// Reads past `n` bytes without keeping them.
    private func skip(_ n: Int) -> Bool {
        var left = n
        while true {
            let have = buffer.count - position
            if have >= left {
                position += left
                compact()
                return true
            }
            left -= have
            buffer.removeAll(keepingCapacity: true)
            position = 0
            if !readMore() { return false }
        }
    }
}

/// Writes framed messages to a file descriptor; safe to call from any thread.
final class MessageWriter: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private(set) var broken = false

    init(fd: Int32) { self.fd = fd }

    func send(_ message: JSON) {
        let body = Array(message.serialized(pretty: false).utf8)
        let bytes = Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
        lock.lock()
        defer { lock.unlock() }
        guard !broken else { return }
        var offset = 0
        while offset < bytes.count {
            let w = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if w < 0 && errno == EINTR { continue }
            if w <= 0 { broken = true; return }
            offset += w
        }
    }
}

/// Logs to standard error (the editor shows it in the server's output channel).
func log(_ message: String) {
    FileHandle.standardError.write(Data(("bitext lsp: " + message + "\n").utf8))
}

// MARK: JSON in

/// Decodes any JSON text into a ``JSON`` value with Foundation's parser (which limits nesting
/// depth, so hostile input cannot overflow the stack).
struct DecodedJSON: Decodable {
    let value: JSON

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { value = .null }
        else if let b = try? c.decode(Bool.self) { value = .bool(b) }
        else if let i = try? c.decode(Int.self) { value = .int(i) }
        else if let d = try? c.decode(Double.self) { value = .double(d) }
        else if let s = try? c.decode(String.self) { value = .string(s) }
        else if let a = try? c.decode([DecodedJSON].self) { value = .array(a.map(\.value)) }
        else if let o = try? c.decode([String: DecodedJSON].self) {
            value = .object(o.sorted { $0.key < $1.key }.map { ($0.key, $0.value.value) })
        } else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a JSON value")
        }
    }

    static func parse(_ bytes: [UInt8]) throws -> JSON {
        try JSONDecoder().decode(DecodedJSON.self, from: Data(bytes)).value
    }
}

extension JSON {
    subscript(key: String) -> JSON? {
        guard case .object(let fields) = self else { return nil }
        return fields.first { $0.0 == key }?.1
    }

    var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    var intValue: Int? {
        switch self {
        case .int(let i): return i
        case .double(let d) where d == d.rounded() && abs(d) < 1e15: return Int(d)
        default: return nil
        }
    }

    var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    var arrayValue: [JSON]? {
        if case .array(let a) = self { return a }
        return nil
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}
