/// Turns one entry file's bytes into an `Entry` and its diagnostics. Pure: no I/O.
public struct EntryParser: Sendable {
    public let config: Config
    /// The commitment headings as compared, worked out once rather than for every entry.
    let headingKeys: Set<String>

    public init(config: Config) {
        self.config = config
        headingKeys = Set(config.commitmentHeadings.map(Self.headingKey))
    }

    /// The result of parsing one file: no entry when the file could not be read as text.
    public struct Result: Sendable {
        public var entry: Entry?
        public var diagnostics: [Diagnostic]
    }

    public func parse(_ bytes: [UInt8], path: String, stem: String, date: Day) -> Result {
        bytes.withUnsafeBytes { parse($0, path: path, stem: stem, date: date) }
    }

    public func parse(_ raw: UnsafeRawBufferPointer, path: String, stem: String, date: Day) -> Result {
        var diagnostics: [Diagnostic] = []
        func report(_ location: SourceLocation?, _ severity: Diagnostic.Severity, _ message: String) {
            diagnostics.append(Diagnostic(path: path, at: location, severity, message))
        }
        let screen = InputGuard(raw, maxBytes: config.maxEntryBytes)
        switch screen.verdict {
        case .text: break
        case .utf16:
            report(SourceLocation(line: 1), .warning, "unsupported encoding UTF-16; save the file as UTF-8")
            return Result(entry: nil, diagnostics: diagnostics)
        case .binary(let line):
            report(SourceLocation(line: line), .warning, "not text (contains NUL bytes); skipped")
            return Result(entry: nil, diagnostics: diagnostics)
        case .refused(let line, let reason):
            report(SourceLocation(line: line), .warning, "not parsed: \(reason)")
            return Result(entry: nil, diagnostics: diagnostics)
        }
        if let bad = screen.firstInvalidUTF8 {
            report(bad, .warning, "invalid UTF-8; bad bytes are read as U+FFFD")
        }
        for line in screen.conflictMarkerLines {
            report(SourceLocation(line: line, column: 1), .error, "git merge conflict marker; resolve the conflict")
        }

        // A UTF-8 byte order mark is not content.
        var bytes = raw
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            bytes = UnsafeRawBufferPointer(rebasing: raw[3...])
        }

        var entry = Entry(path: path, stem: stem, date: date)
        var lineOffset = 0
        if let split = FrontMatter.split(bytes) {
            if split.closed {
                let (frontMatter, problems) = FrontMatter.parse(split.yaml, path: path)
                diagnostics += problems
                entry.template = frontMatter.template
                entry.title = frontMatter.title
                entry.tags = frontMatter.tags
                entry.people = frontMatter.people
                if let written = frontMatter.date, Day(iso: written.prefix(10)) != date {
                    report(
                        SourceLocation(line: frontMatter.dateLine ?? 1), .warning,
                        "front matter date '\(written)' disagrees with the file name's \(date); the file name wins")
                }
                lineOffset = split.lineCount
                bytes = UnsafeRawBufferPointer(rebasing: bytes[split.bodyStart...])
            } else {
                report(
                    SourceLocation(line: 1, column: 1), .warning,
                    "front matter is never closed with '---'; read as text")
            }
        }

        let blocks = CmarkParser.parse(bytes, lineOffset: lineOffset)
        extract(blocks, into: &entry, report: report)
        return Result(entry: entry, diagnostics: diagnostics)
    }

    /// Reads commitments, follow-ups and expectations from the blocks, in document order.
    func extract(
        _ blocks: [MarkdownBlock], into entry: inout Entry,
        report: (SourceLocation?, Diagnostic.Severity, String) -> Void
    ) {
        var underCommitmentHeading = false
        var pending: [(syntax: ItemSyntax, item: MarkdownListItem)] = []

        for block in blocks {
            switch block {
            case .heading(let heading):
                underCommitmentHeading = headingKeys.contains(Self.headingKey(heading.text))
            case .listItem(let item):
                guard !item.spans.isEmpty, Self.mayMatter(item) else { continue }
                let syntax = ItemSyntax(spans: item.spans)
                let location = item.paragraphLocation ?? item.location
                // Only an item with a box reports on a commitment; a plain bullet linking to an
                // entry's heading is a note, not a broken follow-up.
                let targets = syntax.box == nil ? [] : Self.targets(of: item, syntax: syntax)
                if !targets.isEmpty {
                    for target in targets {
                        entry.followUps.append(followUp(to: target, syntax, entry: entry, location, report: report))
                    }
                } else if syntax.tags.contains("expect") {
                    entry.expectations.append(
                        Expectation(
                            text: syntax.text,
                            tags: syntax.tags.filter { $0 != "expect" && $0 != config.commitmentTag },
                            people: syntax.people, date: entry.date, path: entry.path, location: location))
                } else if syntax.tags.contains(config.commitmentTag)
                    || (syntax.box != nil && (underCommitmentHeading || config.commitments == .allTasks))
                {
                    pending.append((syntax, item))
                }
            }
        }
        entry.commitments = commitments(pending, entry: entry, report: report)
    }

    /// Assigns ids (explicit ones first, then slugs with `-2`, `-3` on collision) and dates.
    func commitments(
        _ pending: [(syntax: ItemSyntax, item: MarkdownListItem)], entry: Entry,
        report: (SourceLocation?, Diagnostic.Severity, String) -> Void
    ) -> [Commitment] {
        var used = Set<String>()
        var ids: [String?] = []
        for (syntax, item) in pending {
            guard let explicit = syntax.explicitId else {
                ids.append(nil)
                continue
            }
            if used.contains(explicit) {
                report(item.paragraphLocation ?? item.location, .error, "duplicate id '\(explicit)' in this entry")
            }
            used.insert(explicit)
            ids.append(explicit)
        }
        var result: [Commitment] = []
        var nextSuffix: [String: Int] = [:]
        for ((syntax, item), explicit) in zip(pending, ids) {
            var id = explicit ?? ItemSyntax.slug(syntax.text)
            if explicit == nil {
                let base = id
                // Resume where the last item with this slug stopped: starting at 2 each time
                // made n identical items cost n² (issue 5: a 2 MiB entry hung `check`).
                var suffix = nextSuffix[base] ?? 2
                while used.contains(id) {
                    id = "\(base)-\(suffix)"
                    suffix += 1
                }
                nextSuffix[base] = suffix
                used.insert(id)
            }
            let location = item.paragraphLocation ?? item.location
            let due = dueDate(syntax, base: entry.date, followUp: false, location, report: report)
            result.append(
                Commitment(
                    reference: Reference(stem: entry.stem, id: id), text: syntax.text, box: syntax.box ?? .open,
                    people: syntax.people.sorted(), tags: syntax.tags.filter { $0 != config.commitmentTag }.sorted(),
                    due: due, doneOn: date(syntax.doneField, location, report: report),
                    cancelledOn: date(syntax.cancelledField, location, report: report), made: entry.date,
                    path: entry.path, location: location))
        }
        return result
    }

    func followUp(
        to target: Reference, _ syntax: ItemSyntax, entry: Entry, _ location: SourceLocation,
        report: (SourceLocation?, Diagnostic.Severity, String) -> Void
    ) -> FollowUp {
        FollowUp(
            target: target, box: syntax.box ?? .open, note: syntax.textWithoutEntryLinks,
            due: dueDate(syntax, base: entry.date, followUp: true, location, report: report),
            doneOn: date(syntax.doneField, location, report: report), date: entry.date, path: entry.path,
            location: location)
    }

    /// Fields win over phrases. A commitment takes its first phrase. A follow-up takes the last
    /// phrase after its link: before the link it usually quotes the commitment ("by Friday"),
    /// which must not quietly move the due date when the line is marked `[>]`.
    func dueDate(
        _ syntax: ItemSyntax, base: Day, followUp: Bool, _ location: SourceLocation,
        report: (SourceLocation?, Diagnostic.Severity, String) -> Void
    ) -> Day? {
        if let field = syntax.dueField { return date(field, location, report: report) }
        let phrase =
            followUp
            ? DatePhrase.all(
                in: syntax.phraseTextAfterEntryLink ?? syntax.phraseText, relativeTo: base, direction: .forwards
            ).last?.resolution
            : DatePhrase.first(in: syntax.phraseText, relativeTo: base, direction: .forwards)?.resolution
        return date(phrase, location, report: report)
    }

    func date(
        _ resolution: DatePhrase.Resolution?, _ location: SourceLocation,
        report: (SourceLocation?, Diagnostic.Severity, String) -> Void
    ) -> Day? {
        switch resolution {
        case .date(let day) where day.isRepresentable: return day
        case .date(let day): report(location, .error, "date out of range: \(day.ordinal) days from 1970")
        case .impossible(let text) where DatePhrase.isoDate(text) != nil || text.contains(" "):
            report(location, .error, "impossible date '\(text)'")
        case .impossible(let text): report(location, .error, "not a date '\(text)'; write it as YYYY-MM-DD")
        case .ambiguous(let text):
            report(location, .warning, "ambiguous date '\(text)'; write it as YYYY-MM-DD or 'by Dec 4'")
        case nil: break
        }
        return nil
    }

    /// False for an item with no box and no `#`: it can be no commitment, follow-up or
    /// expectation, so the item scan (the costliest part of reading an entry) is skipped.
    static func mayMatter(_ item: MarkdownListItem) -> Bool {
        if let first = item.spans.first, first.kind == .text, first.text.utf8.first == UInt8(ascii: "[") {
            return true
        }
        return item.spans.contains { $0.kind == .text && $0.text.utf8.contains(UInt8(ascii: "#")) }
    }

    /// Commitments an item links to, from CommonMark links and wiki links, without repeats.
    static func targets(of item: MarkdownListItem, syntax: ItemSyntax) -> [Reference] {
        var result: [Reference] = []
        for destination in item.linkDestinations {
            if let reference = reference(fromLink: destination), !result.contains(reference) {
                result.append(reference)
            }
        }
        for wiki in syntax.wikiLinks {
            if let reference = reference(fromWikiLink: wiki), !result.contains(reference) { result.append(reference) }
        }
        return result
    }

    /// `../10/2026-10-05-weekly-mirror.md#id` → `2026-10-05-weekly-mirror#id`; the folders do not matter.
    public static func reference(fromLink destination: String) -> Reference? {
        guard !destination.contains("://"), !destination.lowercased().hasPrefix("mailto:"),
            let hash = destination.firstIndex(of: "#")
        else { return nil }
        let path = percentDecoded(String(destination[..<hash]))
        let file = path.split(separator: "/").last.map(String.init) ?? ""
        guard file.lowercased().hasSuffix(".md") else { return nil }
        return entryReference(
            stem: String(file.dropLast(3)), fragment: String(destination[destination.index(after: hash)...]))
    }

    /// `2026-10-05-weekly-mirror#^id` (folders and `.md` allowed) → a reference.
    public static func reference(fromWikiLink target: String) -> Reference? {
        guard let hash = target.firstIndex(of: "#") else { return nil }
        var file = String(target[..<hash]).split(separator: "/").last.map(String.init) ?? ""
        if file.lowercased().hasSuffix(".md") { file = String(file.dropLast(3)) }
        return entryReference(stem: file, fragment: String(target[target.index(after: hash)...]))
    }

    static func entryReference(stem: String, fragment: String) -> Reference? {
        var id = percentDecoded(fragment)
        if id.hasPrefix("^") { id.removeFirst() }
        guard !id.isEmpty, stem.count >= 10, DatePhrase.isoDate(String(stem.prefix(10))) != nil else { return nil }
        return Reference(stem: stem, id: id)
    }

    static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Headings match case-insensitively, ignoring surrounding space and trailing punctuation.
    static func headingKey(_ text: String) -> String {
        var key = text.trimmingSpaces.lowercased()
        while let last = key.last, last.isPunctuation { key.removeLast() }
        return key.trimmingSpaces
    }
}
