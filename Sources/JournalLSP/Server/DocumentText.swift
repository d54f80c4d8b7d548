import JournalKit

/// How the protocol counts characters in a line, agreed in `initialize`.
public enum PositionEncoding: String, Sendable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
}

/// A document's bytes split into lines. The one place protocol positions meet the journal's
/// UTF-8 byte columns: every conversion happens here, at the edge.
public struct DocumentText: Sendable, Equatable {
    public let bytes: [UInt8]
    /// Byte offset of each line's start; LF, CRLF and lone CR end a line, as the protocol says.
    let lineStarts: [Int]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        lineStarts = SourceLocation.lineStarts(of: bytes)
    }

    public init(_ text: String) { self.init(Array(text.utf8)) }

    public var lineCount: Int { lineStarts.count }

    /// The line's bytes without its line break; empty past the end.
    public func line(_ index: Int) -> ArraySlice<UInt8> {
        guard index >= 0, index < lineStarts.count else { return [] }
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count
        while end > lineStarts[index], bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return bytes[lineStarts[index]..<end]
    }

    public func lineString(_ index: Int) -> String { String(decoding: line(index), as: UTF8.self) }

    /// The byte offset in the line of a protocol character offset, clamped to the line.
    public func byteColumn(line index: Int, character: Int, encoding: PositionEncoding) -> Int {
        let text = line(index)
        guard encoding == .utf16 else { return min(max(character, 0), text.count) }
        var units = 0
        var offset = 0
        while offset < text.count, units < character {
            let length = Self.sequenceLength(text[text.startIndex + offset])
            units += length == 4 ? 2 : 1
            offset = min(offset + length, text.count)
        }
        return offset
    }

    /// The protocol character offset of a byte offset in the line.
    public func character(line index: Int, byteColumn: Int, encoding: PositionEncoding) -> Int {
        let text = line(index)
        let limit = min(max(byteColumn, 0), text.count)
        guard encoding == .utf16 else { return limit }
        var units = 0
        var offset = 0
        while offset < limit {
            let length = Self.sequenceLength(text[text.startIndex + offset])
            units += length == 4 ? 2 : 1
            offset += length
        }
        return units
    }

    /// Absolute byte offset of a protocol position; a line past the end is the end of the text.
    public func offset(of position: Position, encoding: PositionEncoding) -> Int {
        guard position.line < lineStarts.count else { return bytes.count }
        guard position.line >= 0 else { return 0 }
        return lineStarts[position.line]
            + byteColumn(line: position.line, character: position.character, encoding: encoding)
    }

    public func position(line index: Int, byteColumn: Int, encoding: PositionEncoding) -> Position {
        Position(line: index, character: character(line: index, byteColumn: byteColumn, encoding: encoding))
    }

    /// The text with one change applied: a whole new text, or a range replaced.
    public func applying(_ change: TextDocumentContentChangeEvent, encoding: PositionEncoding) -> DocumentText {
        guard let range = change.range else { return DocumentText(change.text) }
        let start = offset(of: range.start, encoding: encoding)
        let end = max(start, offset(of: range.end, encoding: encoding))
        var result = Array(bytes[..<start])
        result += change.text.utf8
        result += bytes[end...]
        return DocumentText(result)
    }

    /// Bytes in the UTF-8 sequence a lead byte starts; a stray continuation byte counts as one.
    static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...0xF7: return 4
        case 0xE0...0xEF: return 3
        case 0xC0...0xDF: return 2
        default: return 1
        }
    }
}

/// A span within one line, in UTF-8 bytes from the line's start: what the features compute.
public struct LineSpan: Hashable, Sendable {
    /// 0-based.
    public var line: Int
    public var start: Int
    public var end: Int

    public init(line: Int, start: Int, end: Int) {
        self.line = line
        self.start = start
        self.end = end
    }
}

/// A replacement the server proposes, in a file of the journal.
public struct SpanEdit: Hashable, Sendable {
    public var path: String
    public var span: LineSpan
    public var newText: String
}
