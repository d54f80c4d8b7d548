import Mustache

/// One commitment still owed as of a new entry's date, as a template shows it.
public struct Followup: Hashable, Sendable {
    /// The commitment's text, escaped so it cannot form a link or code span in the new entry.
    public var text: String
    /// `stem#id`.
    public var ref: String
    public var due: Day?
    public var people: [String]
    public var tags: [String]
    /// `[2026-11-27](../11/2026-11-27.md#id)`: relative from the new entry's folder.
    public var link: String
    public var status: Status
    /// Missed or stale.
    public var overdue: Bool
    /// Days past the due date; 0 when not missed.
    public var daysOverdue: Int
    /// `due Fri 28 Nov, 2 days overdue`, `due Fri 28 Nov`, `no due date` or `no due date, quiet for 20 days`.
    public var summary: String
    /// Whether the commitment names the entry's person.
    public var mentionsPerson: Bool

    /// `- [ ] text (summary) link`: the line the built-ins render, which the parser reads back
    /// as a follow-up to this commitment.
    public var line: String { "- [ ] \(text) (\(summary)) \(link)" }
}

/// What a new entry is: its date, where it will live, and the options given.
public struct TemplateRequest: Hashable, Sendable {
    public var date: Day
    /// Path of the new entry relative to the journal, for relative links.
    public var entryPath: String
    public var title: String?
    /// The person from `--with`, lowercased, without `@`.
    public var person: String?

    public init(date: Day, entryPath: String, title: String? = nil, person: String? = nil) {
        self.date = date
        self.entryPath = entryPath
        self.title = title
        self.person = person
    }
}

/// Renders prompt templates with the ledger's open commitments. Pure: the same entries,
/// template and request always give the same bytes.
public struct TemplateRenderer: Sendable {
    public var entries: [Entry]
    public var config: Config
    public var journalName: String
    let ledger: Ledger

    public init(entries: [Entry], config: Config, journalName: String) {
        self.init(entries: entries, ledger: Ledger(entries: entries), config: config, journalName: journalName)
    }

    public init(journal: Journal) {
        let name = journal.root.split(separator: "/").last.map(String.init) ?? "journal"
        self.init(entries: journal.entries, ledger: journal.ledger, config: journal.config, journalName: name)
    }

    init(entries: [Entry], ledger: Ledger, config: Config, journalName: String) {
        self.entries = entries
        self.ledger = ledger
        self.config = config
        self.journalName = journalName
    }

    /// Commitments open, missed or stale as of the day: overdue first, then by due date (none
    /// last), then by when they were made. With a person, the ones naming them come first.
    /// Commitments made on the day itself are left out, since a follow-up must come later.
    public func followups(for request: TemplateRequest) -> [Followup] {
        let date = request.date
        // Judged one by one and kept only when owed: every status of a lifetime journal held at
        // once was most of `new`'s peak memory.
        var owed: [CommitmentStatus] = []
        for commitment in ledger.commitments where commitment.made < date {
            let status = ledger.judge(commitment, asOf: date, staleAfterDays: config.staleAfterDays)
            if status.status == .open || status.status == .missed || status.status == .stale { owed.append(status) }
        }
        let folder = SafeFileWriter.folder(of: request.entryPath)
        let items = owed.map { status -> (Followup, CommitmentStatus) in
            let commitment = status.commitment
            let daysOverdue = status.daysLate(asOf: date)
            return (
                Followup(
                    text: Self.markdownText(commitment.text), ref: commitment.reference.description, due: status.due,
                    people: commitment.people, tags: commitment.tags,
                    link: "[\(commitment.made)](\(Self.relativeLink(from: folder, to: commitment.path))#"
                        + "\(Self.percentEncoded(commitment.id)))",
                    status: status.status, overdue: status.isOverdue, daysOverdue: daysOverdue,
                    summary: Self.summary(status, asOf: date),
                    mentionsPerson: request.person.map { commitment.people.contains($0) } ?? false),
                status
            )
        }
        return items.sorted { a, b in
            let (x, s) = a
            let (y, t) = b
            if x.mentionsPerson != y.mentionsPerson { return x.mentionsPerson }
            if x.overdue != y.overdue { return x.overdue }
            switch (x.due, y.due) {
            case (let p?, let q?) where p != q: return p < q
            case (.some, nil): return true
            case (nil, .some): return false
            default: break
            }
            let left = (s.commitment.made, s.commitment.path, s.commitment.location.line, s.commitment.id)
            let right = (t.commitment.made, t.commitment.path, t.commitment.location.line, t.commitment.id)
            return left < right
        }.map(\.0)
    }

    /// How far ahead of the entry's date `dueFollowups` looks: a week, the entry's date included.
    public static let dueWithinDays = 7

    /// `followups` narrowed to the commitments for the request's person (those whose people
    /// include them), in the same order; empty without a person.
    public func personFollowups(for request: TemplateRequest) -> [Followup] {
        Self.forPerson(followups(for: request), request)
    }

    /// `followups` narrowed to what needs attention now: missed, stale, or open and due within
    /// `dueWithinDays` of the entry's date (inclusive), in the same order.
    public func dueFollowups(for request: TemplateRequest) -> [Followup] {
        Self.due(followups(for: request), request)
    }

    static func forPerson(_ followups: [Followup], _ request: TemplateRequest) -> [Followup] {
        forPerson(followups.indices, followups, request).map { followups[$0] }
    }

    static func due(_ followups: [Followup], _ request: TemplateRequest) -> [Followup] {
        due(followups.indices, followups, request).map { followups[$0] }
    }

    /// The positions of the follow-ups naming the request's person.
    static func forPerson(_ indices: Range<Int>, _ followups: [Followup], _ request: TemplateRequest) -> [Int] {
        guard let person = request.person else { return [] }
        return indices.filter { followups[$0].people.contains(person) }
    }

    /// The positions of the follow-ups that need attention within `dueWithinDays`.
    static func due(_ indices: Range<Int>, _ followups: [Followup], _ request: TemplateRequest) -> [Int] {
        let horizon = request.date.adding(days: dueWithinDays)
        return indices.filter { index in
            switch followups[index].status {
            case .missed, .stale: return true
            case .open: return followups[index].due.map { $0 <= horizon } ?? false
            case .kept, .released: return false
            }
        }
    }

    /// Days from the latest weekly mirror before the day, or nil when there is none.
    public func daysSinceMirror(before date: Day) -> Int? {
        entries.filter { $0.isMirror && $0.date < date }.map(\.date).max().map { date.days(since: $0) }
    }

    /// The entry's text. Mustache errors name the template's file, line and column.
    public func render(_ template: PromptTemplate, _ request: TemplateRequest) throws(TemplateError) -> String {
        var variables = baseVariables(request)
        // The template's own title is the entry's default title, and may use the variables.
        let titleLine = TemplateFrontMatter.title(in: template.text)
        var title = request.title
        if title == nil, let raw = titleLine?.value {
            title = try Self.compile(raw, path: template.path, lineOffset: titleLine?.line ?? 0).render(variables)
        }
        variables["title"] = title ?? ""
        var source = template.text
        if let titleLine {
            // Same line count, so mustache errors still point at the right line.
            var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let ending = lines[titleLine.line].hasSuffix("\r") ? "\r" : ""
            // A JSON string is a valid YAML double-quoted scalar, escapes included.
            lines[titleLine.line] = "title: \(JSONValue.quote(title ?? ""))\(ending)"
            source = lines.joined(separator: "\n")
        }
        let followups = self.followups(for: request)
        // One set of variables per follow-up, shared by the lists that hold it.
        let shared = followups.map(Self.variables)
        let person = Self.forPerson(followups.indices, followups, request)
        let due = Self.due(followups.indices, followups, request)
        variables["followups"] = shared
        variables["hasFollowups"] = !followups.isEmpty
        variables["overdueCount"] = followups.count { $0.overdue }
        variables["hasOverdue"] = followups.contains { $0.overdue }
        variables["personFollowups"] = person.map { shared[$0] }
        variables["hasPersonFollowups"] = !person.isEmpty
        variables["dueFollowups"] = due.map { shared[$0] }
        variables["hasDueFollowups"] = !due.isEmpty
        return try Self.compile(source, path: template.path).render(variables)
    }

    func baseVariables(_ request: TemplateRequest) -> [String: Any] {
        let date = request.date
        var variables: [String: Any] = [
            "date": date.description, "weekday": date.weekdayName,
            "isoWeek": date.isoWeek.week, "isoYear": date.isoWeek.year, "journalName": journalName,
        ]
        if let person = request.person { variables["person"] = person }
        if let days = daysSinceMirror(before: date) { variables["daysSinceMirror"] = days }
        return variables
    }

    static func variables(_ followup: Followup) -> [String: Any] {
        var result: [String: Any] = [
            "text": followup.text, "ref": followup.ref, "people": followup.people, "tags": followup.tags,
            "link": followup.link, "status": followup.status.rawValue, "overdue": followup.overdue,
            "daysOverdue": followup.daysOverdue, "summary": followup.summary, "line": followup.line,
        ]
        if let due = followup.due {
            result["due"] = due.description
            result["dueLabel"] = label(due, year: nil)
        }
        return result
    }

    /// Mustache with no HTML escaping: the output is markdown. `lineOffset` places a fragment
    /// (the title) at its line in the file for error messages.
    static func compile(_ text: String, path: String, lineOffset: Int = 0) throws(TemplateError) -> MustacheTemplate {
        let pragma = "{{% CONTENT_TYPE: TEXT}}"
        if let deep = TemplateNesting.tooDeep(text) {
            throw .syntax(
                path: path, line: deep.line + lineOffset, column: deep.column,
                problem: "sections nested more than \(TemplateNesting.maxDepth) deep")
        }
        do {
            return try MustacheTemplate(string: pragma + text)
        } catch let error as MustacheTemplate.ParserError {
            let context = error.context
            let column = context.lineNumber == 1 ? max(1, context.columnNumber - pragma.count) : context.columnNumber
            throw .syntax(
                path: path, line: context.lineNumber + lineOffset, column: column, problem: problem(error.error))
        } catch {
            throw .syntax(path: path, line: 1 + lineOffset, column: 1, problem: "\(error)")
        }
    }

    static func problem(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "section closed with a different name than it was opened with"
        case .unfinishedName: return "tag is not closed with '}}'"
        case .expectedSectionEnd: return "section is never closed"
        case .invalidSetDelimiter: return "badly formed set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "transform applied to an inheritance section"
        case .illegalTokenInsideInheritSection: return "tag not allowed inside an inheritance section"
        case .textInsideInheritSection: return "text not allowed inside an inheritance section"
        case .invalidConfigVariableSyntax: return "badly formed pragma tag"
        case .unrecognisedConfigVariable: return "unknown pragma"
        }
    }

    static func summary(_ status: CommitmentStatus, asOf date: Day) -> String {
        var parts: [String] = []
        if let due = status.due {
            parts.append("due \(label(due, year: date.year))")
            let late = status.daysLate(asOf: date)
            if late > 0 { parts.append("\(Plural.count(late, "day")) overdue") }
        } else {
            parts.append("no due date")
            if status.status == .stale {
                parts.append("quiet for \(Plural.count(date.days(since: status.lastTouch), "day"))")
            }
        }
        return parts.joined(separator: ", ")
    }

    /// `Fri 28 Nov`, with the year when it differs from `year`.
    static func label(_ day: Day, year: Int?) -> String { day.label(inYear: year) }

    /// The text with markdown that could start a link, code span or HTML escaped. It holds no
    /// links to entries: an item with one is a follow-up, never a commitment.
    static func markdownText(_ text: String) -> String {
        if let ascii = asciiMarkdownText(text) { return ascii }
        var result = ""
        // A wiki link in the quoted text would make the prefilled line a follow-up to that
        // target too (cmark drops the escapes), so it is written as its alias or target.
        for character in Self.unlinkingWikiLinks(text) {
            if "\\`[]<".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// `markdownText` of an ASCII text, on its bytes; nil for any other text. Every quoted
    /// commitment of `journal new` goes through it, and the Character-by-Character path was a
    /// sixth of a warm `new`. FastPathEquivalenceTests holds the two to the same answers.
    static func asciiMarkdownText(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { b -> String? in
            guard !b.contains(where: { $0 >= 0x80 }) else { return nil }
            let open = UInt8(ascii: "["), close = UInt8(ascii: "]"), bar = UInt8(ascii: "|")
            var out: [UInt8] = []
            out.reserveCapacity(b.count + 8)
            func append(_ range: Range<Int>) {
                for byte in b[range] {
                    if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "`") || byte == open || byte == close
                        || byte == UInt8(ascii: "<")
                    {
                        out.append(UInt8(ascii: "\\"))
                    }
                    out.append(byte)
                }
            }
            func find(_ byte: UInt8, twice: Bool, from: Int, until: Int? = nil) -> Int? {
                var i = from
                while i + (twice ? 1 : 0) < (until ?? b.count) {
                    if b[i] == byte, !twice || b[i + 1] == byte { return i }
                    i += 1
                }
                return nil
            }
            var rest = 0
            // `[[target|alias]]` is written as `alias`, `[[target]]` as `target`, as `unlinkingWikiLinks`.
            while let start = find(open, twice: true, from: rest), let end = find(close, twice: true, from: start + 2) {
                append(rest..<start)
                let inner = (start + 2)..<end
                append(find(bar, twice: false, from: inner.lowerBound, until: end).map { ($0 + 1)..<end } ?? inner)
                rest = end + 2
            }
            append(rest..<b.count)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `[[target|alias]]` becomes `alias`, `[[target]]` becomes `target`.
    static func unlinkingWikiLinks(_ text: String) -> String {
        var rest = Substring(text)
        var result = ""
        while let open = rest.range(of: "[["), let close = rest[open.upperBound...].range(of: "]]") {
            result += rest[..<open.lowerBound]
            let inner = rest[open.upperBound..<close.lowerBound]
            result += inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).last ?? inner
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// A relative link from one folder (relative to the journal) to a file, percent-encoded.
    static func relativeLink(from folder: String, to path: String) -> String {
        let from = folder == "." ? [] : folder.split(separator: "/").map(String.init)
        var to = path.split(separator: "/").map(String.init)
        let file = to.removeLast()
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + to[common...] + [file]
        return parts.map(percentEncoded).joined(separator: "/")
    }

    /// Keeps what is safe in a link destination; encodes spaces, parentheses, `#`, `%` and the rest.
    static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            let safe =
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || "-._~^".utf8.contains(byte)
            if safe {
                result.append(Character(Unicode.Scalar(byte)))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}

extension TemplateRenderer {
    /// Parses the template without rendering it, to report mustache errors up front.
    public static func validate(_ template: PromptTemplate) throws(TemplateError) {
        if let title = TemplateFrontMatter.title(in: template.text) {
            _ = try compile(title.value, path: template.path, lineOffset: title.line)
        }
        _ = try compile(template.text, path: template.path)
    }
}

extension PromptTemplate {
    /// The title with placeholders for the variables, for listings: `1:1 with NAME`.
    public var displayTitle: String? {
        guard let title else { return nil }
        let placeholders: [String: Any] = [
            "date": "YYYY-MM-DD", "weekday": "Weekday", "isoWeek": "NN", "isoYear": "YYYY", "person": "NAME",
            "journalName": "JOURNAL", "title": "TITLE",
        ]
        return (try? TemplateRenderer.compile(title, path: path).render(placeholders)) ?? title
    }
}
