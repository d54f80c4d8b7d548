/// One pass over an entry's bytes before cmark sees them.
///
/// Debian's libcmark 0.30.2 is quadratic on deeply nested containers (CVE-2023-24824) and on
/// runs of image openers before links (CVE-2023-22486), both fixed only in cmark 0.31. The
/// guard estimates the work cmark would do for each and refuses a file past a bound that no
/// real entry comes near. The estimates are upper bounds: the guard never has to understand
/// markdown exactly, only never to under-count. See docs/SAFETY.md.
public struct InputGuard: Sendable {
    /// Containers (block quotes, list items, indentation before a marker) one line may open.
    public static let maxNesting = 64
    /// Container-walk steps: each line costs its open depth times its work (4 plus the bytes
    /// that start inline nodes or containers). An ordinary 2 MiB entry stays under 2 million.
    public static let maxNestingWork = 10_000_000
    /// Bracket-stack steps: each `]` may walk past every `![` before it in its paragraph.
    public static let maxBracketWork = 2_000_000

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
    /// The estimates the bounds apply to, kept for tests and the benchmark.
    public private(set) var nestingWork = 0
    public private(set) var bracketWork = 0

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

    public init(_ bytes: [UInt8], maxBytes: Int) {
        self = bytes.withUnsafeBytes { InputGuard($0, maxBytes: maxBytes) }
    }

    /// What the scan knows about the line it is in.
    private struct Line {
        var number = 1
        var start = 0
        var inPrefix = true
        var indent = 0
        var containers = 0
        /// The one space or tab after a marker belongs to the marker, not to the nesting.
        var afterMarker = false
        var blank = true
        /// Bytes that may start an inline node: `* _ [ ] ! < & \` and backticks.
        var specials = 0
    }

    private mutating func scan(_ bytes: UnsafeRawBufferPointer) {
        let count = bytes.count
        var line = Line()
        /// The deepest nesting that may still be open: containers stay open across blank and
        /// lazy lines, and only a plain line at column 0 after a blank line surely closes them.
        var openDepth = 0
        var previousBlank = true
        var imagesInBlock = 0

        func endLine(_ line: Line) -> Bool {
            if line.blank {
                imagesInBlock = 0
            } else if previousBlank && line.containers == 0 && line.indent == 0 {
                openDepth = 0
            }
            let depth = line.containers == 0 ? 0 : line.containers + line.indent / 2
            openDepth = max(openDepth, depth)
            nestingWork += openDepth * (4 + line.specials + line.containers)
            previousBlank = line.blank
            return nestingWork <= Self.maxNestingWork
        }
        func refuseNesting(_ line: Int) {
            verdict = .refused(
                line: line,
                reason: "lists or block quotes nested too deep for too many lines (cmark 0.30 is quadratic here, "
                    + "CVE-2023-24824)")
        }

        var i = 0
        while i < count {
            let byte = bytes[i]
            if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D, i + 1 < count, bytes[i + 1] == 0x0A { i += 1 }
                guard endLine(line) else { return refuseNesting(line.number) }
                i += 1
                line = Line(number: line.number + 1, start: i)
                continue
            }
            if byte == 0 {
                verdict = .binary(line: line.number)
                return
            }
            if byte != 0x20 && byte != 0x09 { line.blank = false }
            if line.inPrefix {
                let wasAfterMarker = line.afterMarker
                line.afterMarker = false
                switch byte {
                case 0x20: line.indent += wasAfterMarker ? 0 : 1
                case 0x09: line.indent += wasAfterMarker ? 3 : 4
                case UInt8(ascii: ">"):
                    line.containers += 1
                    line.afterMarker = true
                case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
                    if i + 1 == count || [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i + 1]) {
                        line.containers += 1
                        line.afterMarker = true
                    } else {
                        line.inPrefix = false
                    }
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    break  // An ordered list number; the `.` or `)` after it is the marker.
                case UInt8(ascii: "."),
                    UInt8(ascii: ")")
                where i > line.start && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i - 1]):
                    line.containers += 1
                    line.afterMarker = true
                default:
                    line.inPrefix = false
                    if i == line.start, byte == UInt8(ascii: "<"), Self.isConflictMarker(bytes, at: i) {
                        conflictMarkerLines.append(line.number)
                    }
                }
                if line.containers + line.indent / 2 > Self.maxNesting && line.containers > 0 {
                    verdict = .refused(
                        line: line.number, reason: "containers nested more than \(Self.maxNesting) deep")
                    return
                }
            }
            switch byte {
            case UInt8(ascii: "["):
                line.specials += 1
                if i > 0, bytes[i - 1] == UInt8(ascii: "!") { imagesInBlock += 1 }
            case UInt8(ascii: "]"):
                line.specials += 1
                bracketWork += imagesInBlock
                if bracketWork > Self.maxBracketWork {
                    verdict = .refused(
                        line: line.number,
                        reason: "too many image openers '![' before links (cmark 0.30 is quadratic here, "
                            + "CVE-2023-22486)")
                    return
                }
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: "&"),
                UInt8(ascii: "`"), UInt8(ascii: "\\"):
                line.specials += 1
            default:
                break
            }
            if byte >= 0x80 {
                let length = Self.validSequenceLength(bytes, at: i)
                if length == 0 {
                    if firstInvalidUTF8 == nil {
                        firstInvalidUTF8 = SourceLocation(line: line.number, column: i - line.start + 1)
                    }
                    i += 1
                } else {
                    i += length
                }
                continue
            }
            i += 1
        }
        if i > line.start, !endLine(line) { refuseNesting(line.number) }
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
