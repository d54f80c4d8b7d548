import JournalKit

/// One proposal, positioned in bytes; the server turns it into a `CompletionItem`.
public struct Proposal: Hashable, Sendable {
    public enum Kind: Int, Sendable {
        case value = 12
        case reference = 18
        case snippet = 15
    }
    public var label: String
    public var kind: Kind
    public var detail: String
    /// Replaces `span` in the document.
    public var span: LineSpan
    public var newText: String
}

/// What to offer at the cursor, decided from the text before it on the line.
public enum CompletionFeature {
    public static let dateDays = 14

    public static func proposals(_ context: DocumentContext, line: Int, column: Int) -> [Proposal] {
        let bytes = Array(context.text.line(line))
        let column = min(column, bytes.count)
        let before = Array(bytes[..<column])
        let after = bytes[column...]
        let prefix = String(decoding: before, as: UTF8.self)

        if let open = lastOpening([0x5B, 0x5B], closing: [0x5D, 0x5D], in: before) {
            let closed = after.starts(with: [0x5D, 0x5D])
            return commitments(context).map { followup, commitment in
                Proposal(
                    label: followup.ref, kind: .reference, detail: detail(followup),
                    span: LineSpan(line: line, start: open + 2, end: column + (closed ? 2 : 0)),
                    newText: "\(followup.ref)]]")
            }
        }
        if let open = lastOpening([0x5D, 0x28], closing: [0x29], in: before) {
            let closed = after.first == 0x29
            return commitments(context).compactMap { followup, _ in
                guard let destination = destination(of: followup.link) else { return nil }
                return Proposal(
                    label: destination, kind: .reference, detail: detail(followup),
                    span: LineSpan(line: line, start: open + 2, end: column + (closed ? 1 : 0)),
                    newText: destination + ")")
            }
        }
        if let (sigil, start) = sigilWord(before), sigil == UInt8(ascii: "@") {
            return people(context).map { person in
                Proposal(
                    label: "@" + person.name, kind: .value,
                    detail: "\(Plural.count(person.made, "commitment")), last \(person.lastSeen)",
                    span: LineSpan(line: line, start: start, end: column), newText: person.name)
            }
        }
        if let (sigil, start) = sigilWord(before), sigil == UInt8(ascii: "#"), !isHeading(before) {
            return tags(context).map { name, detail in
                Proposal(
                    label: "#" + name, kind: .value, detail: detail,
                    span: LineSpan(line: line, start: start, end: column), newText: name)
            }
        }
        if isDueField(prefix) {
            return dates(context).map { day in
                Proposal(
                    label: "\(day)", kind: .value, detail: day.label(inYear: nil),
                    span: LineSpan(line: line, start: column, end: column), newText: "\(day)")
            }
        }
        if prefix.hasSuffix("by ") || prefix == "by" {
            return dates(context).map { day in
                let phrase = "\(day.monthShortName) \(day.day)"
                return Proposal(
                    label: phrase, kind: .value, detail: "\(day) (\(day.weekdayName))",
                    span: LineSpan(line: line, start: column, end: column), newText: phrase)
            }
        }
        if let start = bulletStart(prefix) {
            return commitments(context).map { followup, _ in
                Proposal(
                    label: followup.text, kind: .snippet, detail: "\(followup.ref) · \(followup.summary)",
                    span: LineSpan(line: line, start: start, end: column), newText: followup.line)
            }
        }
        return []
    }

    /// Open, missed and stale commitments as `journal new` would list them for this entry.
    static func commitments(_ context: DocumentContext) -> [(Followup, Commitment?)] {
        let date = context.entry?.date ?? Journal.entryFile(path: context.path)?.date ?? context.today
        let renderer = TemplateRenderer(journal: context.journal)
        let followups = renderer.followups(for: TemplateRequest(date: date, entryPath: context.path))
        return followups.map { ($0, Reference(parsing: $0.ref).flatMap(context.commitment(for:))) }
    }

    static func detail(_ followup: Followup) -> String { "\(followup.status.rawValue): \(followup.text)" }

    /// `../11/2026-11-20.md#id` from `[2026-11-20](../11/2026-11-20.md#id)`.
    static func destination(of link: String) -> String? {
        guard let open = link.firstIndex(of: "("), link.hasSuffix(")") else { return nil }
        return String(link[link.index(after: open)..<link.index(before: link.endIndex)])
    }

    /// People, most recently seen first.
    static func people(_ context: DocumentContext) -> [NameSummary] {
        NameSummary.all(.people, journal: context.journal, asOf: context.today).sorted {
            ($0.lastSeen, $1.name) > ($1.lastSeen, $0.name)
        }
    }

    /// The commitment tag and `expect` first, then every tag in use, most used first.
    static func tags(_ context: DocumentContext) -> [(String, String)] {
        var result = [
            (context.journal.config.commitmentTag, "makes the item a commitment"),
            ("expect", "something expected of the team"),
        ]
        let used = NameSummary.all(.tags, journal: context.journal, asOf: context.today).sorted {
            ($0.made, $1.name) > ($1.made, $0.name)
        }
        for tag in used where !result.contains(where: { $0.0 == tag.name }) {
            result.append((tag.name, "\(Plural.count(tag.made, "commitment")), last \(tag.lastSeen)"))
        }
        return result
    }

    /// The days after the entry's date (or today, whichever is later), in order.
    static func dates(_ context: DocumentContext) -> [Day] {
        let base = max(context.entry?.date ?? context.today, context.today)
        return (1...dateDays).map { base.adding(days: $0) }
    }

    /// After `📅 `, `due:` or `[due:: `: ISO dates, the only form those fields read.
    static func isDueField(_ prefix: String) -> Bool {
        let trimmed = prefix.hasSuffix(" ") ? String(prefix.dropLast()) : prefix
        return ["📅", "due:", "due::"].contains { trimmed.hasSuffix($0) }
    }

    /// Where a bullet starts when the line so far is only `-`, `- [ ]` and spaces.
    static func bulletStart(_ prefix: String) -> Int? {
        let indent = prefix.prefix { $0 == " " || $0 == "\t" }
        let rest = prefix.dropFirst(indent.count)
        for form in ["-", "- ", "- [", "- [ ", "- [ ]", "- [ ] ", "*", "* ", "* [ ] "] where rest == form {
            return indent.utf8.count
        }
        return nil
    }

    /// The `@` or `#` and the byte after it, when the cursor ends a name that starts there.
    static func sigilWord(_ before: [UInt8]) -> (UInt8, Int)? {
        var i = before.count
        while i > 0, isNameByte(before[i - 1]) { i -= 1 }
        guard i > 0, before[i - 1] == UInt8(ascii: "@") || before[i - 1] == UInt8(ascii: "#") else { return nil }
        if i >= 2, isNameByte(before[i - 2]) { return nil }
        return (before[i - 1], i)
    }

    /// A heading's `#` at the line's start followed by a space is not a tag.
    static func isHeading(_ before: [UInt8]) -> Bool {
        before.first == UInt8(ascii: "#") && before.contains(0x20)
            && before.prefix { $0 == UInt8(ascii: "#") }.count + 1 < before.count
            && before[before.prefix { $0 == UInt8(ascii: "#") }.count] == 0x20
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
            || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "/")
    }

    /// The offset of the last `opening` with no `closing` after it.
    static func lastOpening(_ opening: [UInt8], closing: [UInt8], in bytes: [UInt8]) -> Int? {
        var found: Int?
        var i = 0
        while i + opening.count <= bytes.count {
            if bytes[i..<i + opening.count].elementsEqual(opening) {
                found = i
                i += opening.count
                continue
            }
            if found != nil, i + closing.count <= bytes.count, bytes[i..<i + closing.count].elementsEqual(closing) {
                found = nil
            }
            i += 1
        }
        return found
    }
}
