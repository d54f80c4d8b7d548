/// One pass over an entry's bytes before cmark sees them.
///
/// Debian's libcmark 0.30.2 is quadratic on deeply nested containers (CVE-2023-24824) and on
/// runs of unmatched link openers (CVE-2023-22486), both fixed only in cmark 0.31. No real
/// journal entry comes near these bounds, so a file past them is refused, not parsed.
public struct InputGuard: Sendable {
    /// Containers (block quotes, list items, indentation) one line may open.
    public static let maxNesting = 64
    /// Unmatched `[` allowed within one block, i.e. between blank lines.
    public static let maxOpenBrackets = 256

    public enum Verdict: Hashable, Sendable {
        case text
        /// UTF-16 text, which journal does not read.
        case utf16
        /// NUL bytes: a binary file, whatever its name.
        case binary(line: Int)
        /// Refused before parsing, with the reason.
        case refused(line: Int, reason: String)
    }

    public var verdict: Verdict = .text
    /// Line and byte column of the first byte that is not valid UTF-8.
    public var firstInvalidUTF8: SourceLocation?
    /// Lines that start a git merge conflict (`<<<<<<<`).
    public var conflictMarkerLines: [Int] = []

    public init(_ bytes: UnsafeRawBufferPointer, maxBytes: Int) {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            verdict = .utf16
            return
        }
        if bytes.count > maxBytes {
            verdict = .refused(line: 1, reason: "larger than max-entry-bytes (\(maxBytes) bytes)")
            return
        }
        scan(bytes)
    }

    private mutating func scan(_ bytes: UnsafeRawBufferPointer) {
        let count = bytes.count
        var line = 1
        var lineStart = 0
        var atLineStart = true
        var indent = 0
        var containers = 0
        var blank = true
        var openBrackets = 0
        var i = 0
        while i < count {
            let byte = bytes[i]
            if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D, i + 1 < count, bytes[i + 1] == 0x0A { i += 1 }
                if blank { openBrackets = 0 }
                line += 1
                i += 1
                lineStart = i
                atLineStart = true
                indent = 0
                containers = 0
                blank = true
                continue
            }
            if byte == 0 {
                verdict = .binary(line: line)
                return
            }
            if byte != 0x20 && byte != 0x09 { blank = false }
            if atLineStart {
                switch byte {
                case 0x20: indent += 1
                case 0x09: indent += 4
                case UInt8(ascii: ">"): containers += 1
                case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
                    if i + 1 < count, bytes[i + 1] == 0x20 || bytes[i + 1] == 0x09 {
                        containers += 1
                    } else {
                        atLineStart = false
                    }
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    break  // Ordered list numbers; the marker's space is counted as indent.
                case UInt8(ascii: "."),
                    UInt8(ascii: ")")
                where i > lineStart && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i - 1]):
                    containers += 1
                default:
                    atLineStart = false
                    if i == lineStart, byte == UInt8(ascii: "<"), Self.isConflictMarker(bytes, at: i) {
                        conflictMarkerLines.append(line)
                    }
                }
                if containers + indent / 2 > Self.maxNesting {
                    verdict = .refused(line: line, reason: "containers nested more than \(Self.maxNesting) deep")
                    return
                }
            }
            switch byte {
            case UInt8(ascii: "["):
                openBrackets += 1
                if openBrackets > Self.maxOpenBrackets {
                    verdict = .refused(
                        line: line, reason: "more than \(Self.maxOpenBrackets) unmatched '[' in one block")
                    return
                }
            case UInt8(ascii: "]"):
                if openBrackets > 0 { openBrackets -= 1 }
            default:
                break
            }
            if byte >= 0x80 {
                let length = Self.validSequenceLength(bytes, at: i)
                if length == 0 {
                    if firstInvalidUTF8 == nil {
                        firstInvalidUTF8 = SourceLocation(line: line, column: i - lineStart + 1)
                    }
                    i += 1
                } else {
                    i += length
                }
                continue
            }
            i += 1
        }
    }

    static func isConflictMarker(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Bool {
        guard index + 7 <= bytes.count else { return false }
        for offset in 0..<7 where bytes[index + offset] != UInt8(ascii: "<") { return false }
        return index + 7 == bytes.count || [0x20, 0x0A, 0x0D].contains(bytes[index + 7])
    }

    /// The length of the UTF-8 sequence starting at `index`, or 0 when it is invalid
    /// (overlong forms, surrogates and values past U+10FFFF included).
    static func validSequenceLength(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        let second = bytes[index + 1]
        guard second >= low && second <= high else { return 0 }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
        return length
    }
}
