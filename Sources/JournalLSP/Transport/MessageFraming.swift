import Foundation

/// JSON-RPC's base protocol: `Content-Length: N\r\n` (other headers allowed), a blank line, then
/// N bytes of JSON. Bytes arrive in any split; the decoder holds what it has not used yet.
public struct FrameDecoder: Sendable {
    /// One unit of input: a message body, or bytes that could not be framed (reported as a
    /// ParseError, after which decoding goes on at the next header).
    public enum Frame: Hashable, Sendable {
        case message([UInt8])
        case malformed(String)
    }

    /// A header block longer than this without its blank line is garbage, not a header.
    public static let maxHeaderBytes = 8 * 1024
    /// Bodies above this are skipped unread: several times the largest entry the journal reads.
    public let maxBodyBytes: Int

    var buffer: [UInt8] = []
    var start = 0
    /// Bytes still to skip from an oversized body.
    var skipping = 0

    public init(maxBodyBytes: Int = 64 * 1024 * 1024) { self.maxBodyBytes = maxBodyBytes }

    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete frame, or nil when more bytes are needed.
    public mutating func next() -> Frame? {
        defer { compact() }
        if skipping > 0 {
            let dropped = min(skipping, buffer.count - start)
            start += dropped
            skipping -= dropped
            guard skipping == 0 else { return nil }
        }
        guard start < buffer.count else { return nil }
        guard let end = headerEnd() else {
            if buffer.count - start > Self.maxHeaderBytes {
                return resynchronise("header without a blank line after \(Self.maxHeaderBytes) bytes")
            }
            return nil
        }
        let header = String(decoding: buffer[start..<end], as: UTF8.self)
        var length: Int?
        for line in header.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else {
                return resynchronise("header line without a colon")
            }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name == "content-length" {
                guard let number = Int(value), number >= 0 else { return resynchronise("bad Content-Length") }
                length = number
            }
        }
        guard let length else { return resynchronise("no Content-Length header") }
        let bodyStart = end + 4
        if length > maxBodyBytes {
            let available = min(length, buffer.count - bodyStart)
            start = bodyStart + available
            skipping = length - available
            return .malformed("message of \(length) bytes is larger than \(maxBodyBytes); skipped")
        }
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Array(buffer[bodyStart..<bodyStart + length])
        start = bodyStart + length
        return .message(body)
    }

    /// Index of the `\r\n\r\n` that ends the header at `start`.
    func headerEnd() -> Int? {
        var i = start
        while i + 3 < buffer.count {
            if buffer[i] == 13, buffer[i + 1] == 10, buffer[i + 2] == 13, buffer[i + 3] == 10 { return i }
            i += 1
        }
        return nil
    }

    /// Drops bytes up to the next `Content-Length` after the current position.
    mutating func resynchronise(_ why: String) -> Frame {
        let marker = Array("Content-Length".utf8)
        var i = start + 1
        while i + marker.count <= buffer.count {
            if buffer[i..<i + marker.count].elementsEqual(marker) { break }
            i += 1
        }
        start = min(i, buffer.count)
        if i + marker.count > buffer.count {
            // Keep a tail that may be the start of the marker.
            start = max(start, buffer.count - marker.count + 1, 0)
            start = max(start, 0)
        }
        return .malformed(why)
    }

    mutating func compact() {
        if start > 0, start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
    }

    /// Frames one message body for sending.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}
