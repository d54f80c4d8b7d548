import JournalKit

/// A link to an entry as written on a line: `[[stem#id|alias]]` or `[label](path.md#id)`.
public struct LinkToken: Hashable, Sendable {
    public enum Kind: Sendable { case wiki, markdown }
    public var kind: Kind
    /// The whole link, in bytes from the line's start.
    public var start: Int
    public var end: Int
    /// The target as written: `stem#^id` for a wiki link, `../11/stem.md#id` for a markdown one.
    public var target: String
    public var targetStart: Int
    public var reference: Reference?

    /// Every link on the line, left to right.
    public static func all(in line: ArraySlice<UInt8>) -> [LinkToken] {
        let bytes = Array(line)
        var result: [LinkToken] = []
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == UInt8(ascii: "["), bytes[i + 1] == UInt8(ascii: "["),
                let close = find([UInt8(ascii: "]"), UInt8(ascii: "]")], in: bytes, from: i + 2)
            {
                let inner = String(decoding: bytes[i + 2..<close], as: UTF8.self)
                let target = String(inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)[0])
                result.append(
                    LinkToken(
                        kind: .wiki, start: i, end: close + 2, target: target, targetStart: i + 2,
                        reference: EntryParser.reference(fromWikiLink: target)))
                i = close + 2
                continue
            }
            if bytes[i] == UInt8(ascii: "]"), bytes[i + 1] == UInt8(ascii: "("),
                let close = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: ")"))
            {
                let open = bytes[..<i].lastIndex(of: UInt8(ascii: "[")) ?? i
                let target = String(decoding: bytes[i + 2..<close], as: UTF8.self)
                result.append(
                    LinkToken(
                        kind: .markdown, start: open, end: close + 1, target: target, targetStart: i + 2,
                        reference: EntryParser.reference(fromLink: target)))
                i = close + 1
                continue
            }
            i += 1
        }
        return result
    }

    /// The link the byte column is in (its end included, where a cursor rests after typing it).
    public static func at(_ column: Int, in line: ArraySlice<UInt8>) -> LinkToken? {
        all(in: line).first { $0.start <= column && column <= $0.end }
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var i = from
        while i + needle.count <= bytes.count {
            if bytes[i..<i + needle.count].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}

/// What the features see: the journal with the open buffers in it, one document, and today.
public struct DocumentContext: Sendable {
    public var journal: Journal
    /// Relative to the journal.
    public var path: String
    public var text: DocumentText
    public var today: Day

    public init(journal: Journal, path: String, text: DocumentText, today: Day) {
        self.journal = journal
        self.path = path
        self.text = text
        self.today = today
    }

    public var entry: Entry? { journal.entries.first { $0.path == path } }

    /// The commitment a follow-up link names, resolved as the ledger resolves it.
    public func commitment(for reference: Reference) -> Commitment? { journal.ledger.commitment(reference) }

    /// The commitment under a byte column: the link there, else the commitment or follow-up
    /// written on that line.
    public func commitment(line: Int, column: Int) -> (Commitment, LinkToken?)? {
        let bytes = text.line(line)
        if let link = LinkToken.at(column, in: bytes), let reference = link.reference,
            let found = commitment(for: reference)
        {
            return (found, link)
        }
        guard let entry else { return nil }
        if let made = entry.commitments.first(where: { $0.location.line == line + 1 }) { return (made, nil) }
        if let followUp = entry.followUps.first(where: { $0.location.line == line + 1 }),
            let found = commitment(for: followUp.target)
        {
            return (found, LinkToken.all(in: bytes).first { $0.reference.flatMap(commitment(for:)) == found })
        }
        return nil
    }

    /// The line's text without its indentation and trailing spaces, as a span.
    public static func textSpan(line: Int, bytes: ArraySlice<UInt8>) -> LineSpan {
        let text = Array(bytes)
        let start = text.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? text.count
        var end = text.count
        while end > start, text[end - 1] == 0x20 || text[end - 1] == 0x09 { end -= 1 }
        return LineSpan(line: line, start: start, end: end)
    }
}
