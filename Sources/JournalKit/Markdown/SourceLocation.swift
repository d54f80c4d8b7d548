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
