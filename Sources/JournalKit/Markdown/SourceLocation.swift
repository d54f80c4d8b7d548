/// A 1-based position in a source file; columns count UTF-8 bytes, as cmark does.
public struct SourceLocation: Hashable, Comparable, Sendable, Codable {
    public var line: Int
    /// Nil where cmark does not track a column.
    public var column: Int?

    public init(line: Int, column: Int? = nil) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column ?? 0) < (rhs.line, rhs.column ?? 0)
    }
}

extension SourceLocation {
    /// Byte offset of each line's start in `bytes`; LF, CRLF and lone CR all end a line.
    static func lineStarts(in bytes: UnsafeRawBufferPointer) -> [Int] {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 48 + 1)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A || bytes[i] == 0x0D {
                if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        return starts
    }
}
