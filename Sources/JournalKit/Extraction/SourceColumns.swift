/// Finds where a phrase was written in an entry's body, so a warning about it can name its
/// column. The text journal reads is flattened (markup dropped, spaces collapsed), so the phrase is
/// looked for in the source lines from the item's first line on; when it cannot be found there the
/// item's own position is used.
struct SourceColumns {
    let bytes: UnsafeRawBufferPointer
    let lineOffset: Int
    /// Byte offset of each body line's start, worked out on first use.
    private var lineStarts: [Int]?

    /// How many lines past the item's first one are searched: a paragraph rarely wraps more.
    static let searchLines = 40

    init(_ bytes: UnsafeRawBufferPointer, lineOffset: Int) {
        self.bytes = bytes
        self.lineOffset = lineOffset
    }

    /// The position of `phrase` (ASCII case ignored) at or after `start`, or `start`.
    mutating func locate(_ phrase: String, from start: SourceLocation) -> SourceLocation {
        let needle = Array(phrase.utf8).map(Self.lower)
        guard !needle.isEmpty else { return start }
        let starts = lineStarts ?? SourceLocation.lineStarts(in: bytes)
        lineStarts = starts
        let first = start.line - lineOffset - 1
        guard first >= 0, first < starts.count else { return start }
        for index in first..<min(starts.count, first + Self.searchLines) {
            let lineStart = starts[index]
            let lineEnd = index + 1 < starts.count ? starts[index + 1] : bytes.count
            let from = index == first ? lineStart + max(0, (start.column ?? 1) - 1) : lineStart
            if let column = find(needle, in: from..<lineEnd) {
                return SourceLocation(line: index + 1 + lineOffset, column: column - lineStart + 1)
            }
        }
        return start
    }

    /// Offset of the first match of `needle` in `range`. The needle is a short phrase, so the
    /// plain scan is linear in the line for all practical purposes; it is capped all the same.
    private func find(_ needle: [UInt8], in range: Range<Int>) -> Int? {
        guard needle.count <= 64, range.count >= needle.count else { return nil }
        var i = range.lowerBound
        while i + needle.count <= range.upperBound {
            var j = 0
            while j < needle.count, Self.lower(bytes[i + j]) == needle[j] { j += 1 }
            if j == needle.count { return i }
            i += 1
        }
        return nil
    }

    /// The source byte `offset` bytes after `location`, nil past its line's end or unknown.
    mutating func byte(at location: SourceLocation, offset: Int = 0) -> UInt8? {
        guard let column = location.column else { return nil }
        let starts = lineStarts ?? SourceLocation.lineStarts(in: bytes)
        lineStarts = starts
        let index = location.line - lineOffset - 1
        guard index >= 0, index < starts.count else { return nil }
        let position = starts[index] + column - 1 + offset
        let lineEnd = index + 1 < starts.count ? starts[index + 1] : bytes.count
        return position < lineEnd ? bytes[position] : nil
    }

    static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

}
