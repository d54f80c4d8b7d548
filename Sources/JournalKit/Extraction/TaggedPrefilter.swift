/// A byte pass that tells, in `tagged` mode, that no list item of a body can matter, so cmark
/// and the item scan are skipped for it (issue 13: most days of a real vault are prose).
///
/// In `tagged` mode an item matters only when it has a box (a task under a commitment heading, a
/// follow-up) or a `#commit`/`#expect` tag; a scanned item may also warn about a tag or name
/// holding invisible characters. So a body may matter when its bytes hold any of:
/// - a box: `[` then one of ` xX->/` then `]` (follow-ups and tasks under headings need one);
/// - `#` then the commitment tag or `expect`, ASCII case folded, as a prefix of what follows;
/// - `#` or `@` followed by a word with a non-ASCII byte (a name NameNormalizer may warn about,
///   or a tag whose normal form is the commitment tag);
/// - `&`, since an entity (`&#91;`, `&#35;`) can write any of the above.
/// Anything else (escapes, code spans, HTML) can only hide these, never create them, so the test
/// errs towards parsing. Not used in `all-tasks` mode, where any task item matters, nor when the
/// commitment tag is not plain ASCII.
struct TaggedPrefilter: Sendable {
    /// Each tag to look for after `#`, lowercase ASCII.
    let tags: [[UInt8]]

    /// Nil when the configuration needs every body parsed.
    init?(config: Config) {
        guard config.commitments == .tagged else { return nil }
        let tag = Array(config.commitmentTag.utf8)
        guard !tag.isEmpty, tag.allSatisfy({ $0 < 0x80 }) else { return nil }
        tags = [tag.map(Self.folded), Array("expect".utf8)]
    }

    static func folded(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// False only when no list item of `body` can be a commitment, follow-up or expectation, or
    /// warn about a name.
    func mayMatter(_ body: UnsafeRawBufferPointer) -> Bool {
        let n = body.count
        var i = 0
        while i < n {
            switch body[i] {
            case UInt8(ascii: "&"):
                return true
            case UInt8(ascii: "["):
                if i + 2 < n, body[i + 2] == UInt8(ascii: "]"), Self.isBoxMark(body[i + 1]) { return true }
            case UInt8(ascii: "#"):
                if startsTag(body, at: i + 1) || hasNonASCIIWord(body, at: i + 1) { return true }
            case UInt8(ascii: "@"):
                if hasNonASCIIWord(body, at: i + 1) { return true }
            default:
                break
            }
            i += 1
        }
        return false
    }

    static func isBoxMark(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "x"), UInt8(ascii: "X"), UInt8(ascii: "-"), UInt8(ascii: ">"),
            UInt8(ascii: "/"):
            return true
        default: return false
        }
    }

    func startsTag(_ body: UnsafeRawBufferPointer, at start: Int) -> Bool {
        tags.contains { tag in
            guard start + tag.count <= body.count else { return false }
            for (offset, byte) in tag.enumerated() where Self.folded(body[start + offset]) != byte { return false }
            return true
        }
    }

    /// Whether the word at `start` (up to ASCII white space or ASCII punctuation other than the
    /// `-`, `_`, `/` and `.` a name may hold) has a byte outside ASCII.
    func hasNonASCIIWord(_ body: UnsafeRawBufferPointer, at start: Int) -> Bool {
        var i = start
        while i < body.count {
            let byte = body[i]
            if byte >= 0x80 { return true }
            let isWordByte =
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "/")
                || byte == UInt8(ascii: ".")
            guard isWordByte else { return false }
            i += 1
        }
        return false
    }
}
