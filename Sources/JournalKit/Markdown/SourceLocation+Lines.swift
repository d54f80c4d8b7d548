extension SourceLocation {
    /// Byte offset of each line's start in `bytes`, by the parser's rule (LF, CRLF and lone CR
    /// end a line): the language server maps its positions with the same lines the parser counts.
    public static func lineStarts(of bytes: [UInt8]) -> [Int] {
        bytes.withUnsafeBytes { lineStarts(in: $0) }
    }
}
