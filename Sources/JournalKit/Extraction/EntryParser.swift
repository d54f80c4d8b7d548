/// Turns one entry file's bytes into an `Entry` and its diagnostics. Pure: no I/O.
public struct EntryParser: Sendable {
    public let config: Config
    /// The commitment headings as compared, worked out once rather than for every entry.
    let headingKeys: Set<String>
    /// In `tagged` mode, skips cmark for bodies where no item can matter; nil in `all-tasks` mode.
    let prefilter: TaggedPrefilter?

    public init(config: Config) {
        self.config = config
        headingKeys = Set(config.commitmentHeadings.map(Self.headingKey))
        prefilter = TaggedPrefilter(config: config)
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
                let at = SourceLocation(line: 1)
                entry.tags = NameNormalizer.normalize(frontMatter.tags, sigil: "#") { report(at, .warning, $0) }
                entry.people = NameNormalizer.normalize(frontMatter.people, sigil: "@") { report(at, .warning, $0) }
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

        // Obsidian hides `%% … %%`; so does journal, before markdown sees the text.
        let (blanked, unclosed) = ObsidianComments.hide(bytes)
        if let unclosed {
            let lines = unclosed.hiddenLines == 1 ? "1 line" : "\(unclosed.hiddenLines) lines"
            report(
                SourceLocation(line: unclosed.line + lineOffset, column: unclosed.column), .warning,
                "'%%' is never closed; it hides the rest of the note (\(lines)), as in Obsidian")
        }
        // cmark need not check the UTF-8 again when InputGuard found it valid.
        let validateUTF8 = screen.firstInvalidUTF8 != nil
        func read(_ body: UnsafeRawBufferPointer) {
            if let prefilter, !prefilter.mayMatter(body) { return }
            let blocks = CmarkParser.parse(body, lineOffset: lineOffset, validateUTF8: validateUTF8)
            var source = SourceColumns(body, lineOffset: lineOffset)
            extract(
                blocks, into: &entry, report: report, locate: { source.locate($0, from: $1) },
                sourceByte: { source.byte(at: $0, offset: $1) })
        }
        if let blanked {
            blanked.withUnsafeBytes { read($0) }
        } else {
            read(bytes)
        }
        return Result(entry: entry, diagnostics: Self.capped(diagnostics))
    }

    /// The most diagnostics of one kind a file lists one by one (as did-you-mean is capped).
    public static let maxDiagnosticsOfOneKind = 100

    /// Keeps the first `maxDiagnosticsOfOneKind` diagnostics of each kind (the same message but
    /// for its quoted parts and numbers) and says how many more there were, on one line at the
    /// first one left out: 100,000 duplicate ids in one file are one problem, not 100,000 lines.
    static func capped(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard diagnostics.count > maxDiagnosticsOfOneKind else { return diagnostics }
        struct Kind: Hashable {
            var severity: Diagnostic.Severity
            var text: String
        }
        var counts: [Kind: Int] = [:]
        var firstOmitted: [Kind: Int] = [:]
        var kinds: [Kind] = []
        kinds.reserveCapacity(diagnostics.count)
        // A flood repeats one message: its kind is worked out once (for the first few hundred
        // messages, so distinct ones do not fill a table).
        var kindOfMessage: [String: String] = [:]
        for (index, diagnostic) in diagnostics.enumerated() {
            let text =
                kindOfMessage[diagnostic.message]
                ?? {
                    let text = Self.kind(of: diagnostic.message)
                    if kindOfMessage.count < 256 { kindOfMessage[diagnostic.message] = text }
                    return text
                }()
            let kind = Kind(severity: diagnostic.severity, text: text)
            kinds.append(kind)
            let count = counts[kind, default: 0] + 1
            counts[kind] = count
            if count == maxDiagnosticsOfOneKind + 1 { firstOmitted[kind] = index }
        }
        guard !firstOmitted.isEmpty else { return diagnostics }
        var result: [Diagnostic] = []
        var seen: [Kind: Int] = [:]
        for (diagnostic, kind) in zip(diagnostics, kinds) {
            let count = seen[kind, default: 0] + 1
            seen[kind] = count
            if count <= maxDiagnosticsOfOneKind {
                result.append(diagnostic)
            } else if count == maxDiagnosticsOfOneKind + 1, let total = counts[kind] {
                let more = total - maxDiagnosticsOfOneKind
                result.append(
                    Diagnostic(
                        path: diagnostic.path, line: diagnostic.line, column: diagnostic.column,
                        severity: diagnostic.severity,
                        message: "and \(more) more like this in this file, not listed one by one"))
            }
        }
        return result
    }

    /// A message without its quoted parts and digits: what one kind of diagnostic has in common.
    static func kind(of message: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(message.utf8.count)
        var quoted = false
        for byte in message.utf8 {
            if byte == UInt8(ascii: "'") {
                quoted.toggle()
                bytes.append(byte)
            } else if !quoted, !(byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    var fiscalYearStart: Int { config.fiscalYearStart }

    typealias Report = (SourceLocation?, Diagnostic.Severity, String) -> Void
    /// Where a phrase was written, searching from the item's first line; for warning columns.
    typealias Locate = (String, SourceLocation) -> SourceLocation
    /// The source byte at an offset from a position: the markdown tree has lost escapes and
    /// reference-link boxes, the bytes have not.
    typealias SourceByte = (SourceLocation, Int) -> UInt8?

    /// Reads commitments, follow-ups and expectations from the blocks, in document order.
    func extract(
        _ blocks: [MarkdownBlock], into entry: inout Entry, report: Report, locate: Locate = { $1 },
        sourceByte: SourceByte = { _, _ in nil }
    ) {
        let logseq = config.commitments == .allTasks
        var underCommitmentHeading = false
        // What ids and dates need of each item: copying whole list items was a tenth of a big entry.
        var pending: [(syntax: ItemSyntax, location: SourceLocation)] = []
        // Sized once for the items there could be: regrowing an array of 400-byte elements was
        // a seventh of reading 100,000 items.
        if blocks.count > 64 { pending.reserveCapacity(blocks.count) }
        // The follow-ups of the latest item that was one, and its depth: plain items nested under
        // it are its evidence.
        var parentFollowUps: Range<Int>?
        var parentDepth = 0
        // In a 1:1 with one person, a commitment that names nobody is for that person.
        let entryPerson = entry.people.count == 1 ? entry.people[0] : nil

        for block in blocks {
            switch block {
            case .heading(let heading):
                underCommitmentHeading = headingKeys.contains(Self.headingKey(heading.text))
                parentFollowUps = nil
            case .listItem(var item):
                Self.boxFromSource(&item, sourceByte: sourceByte)
                let underFollowUp = parentFollowUps != nil && item.depth > parentDepth
                if !underFollowUp { parentFollowUps = nil }
                // The scan is the costliest part of reading an entry: skip items that can matter
                // neither as evidence under a follow-up nor on their own, and scan the rest once.
                let mayMatter = Self.mayMatter(item, logseq: logseq)
                guard !item.spans.isEmpty, underFollowUp || mayMatter else { continue }
                var syntax = ItemSyntax(spans: item.spans, logseq: logseq)
                let location = item.paragraphLocation ?? item.location
                syntax.people = NameNormalizer.normalize(syntax.people, sigil: "@") { report(location, .warning, $0) }
                syntax.tags = NameNormalizer.normalize(syntax.tags, sigil: "#") { report(location, .warning, $0) }
                    .map { tag in
                        // The tags journal acts on are matched by key: `#comm\u{200D}it` is `#commit`.
                        let key = NameNormalizer.key(tag)
                        return key == config.commitmentTag || key == "expect" ? key : tag
                    }
                if underFollowUp, let range = parentFollowUps, let note = Self.subItemNote(syntax, config: config) {
                    for index in range { entry.followUps[index].parts.subItems.append(note) }
                }
                guard mayMatter else { continue }
                // Only an item with a box reports on a commitment; a plain bullet linking to an
                // entry's heading is a note, not a broken follow-up.
                let targets = syntax.box == nil ? [] : Self.targets(of: item, syntax: syntax)
                if !targets.isEmpty {
                    warnFields(syntax, location, report: report, locate: locate)
                    let first = entry.followUps.count
                    for target in targets {
                        entry.followUps.append(
                            followUp(to: target, syntax, entry: entry, location, report: report, locate: locate))
                    }
                    parentFollowUps = first..<entry.followUps.count
                    parentDepth = item.depth
                } else if syntax.tags.contains("expect") {
                    let own = syntax.people
                    entry.expectations.append(
                        Expectation(
                            text: syntax.text,
                            tags: syntax.tags.filter { $0 != "expect" && $0 != config.commitmentTag },
                            people: own.isEmpty ? entryPerson.map { [$0] } ?? [] : own,
                            personFromEntry: own.isEmpty && entryPerson != nil, date: entry.date, path: entry.path,
                            location: location))
                } else if syntax.tags.contains(config.commitmentTag)
                    || (syntax.box != nil && (underCommitmentHeading || config.commitments == .allTasks))
                {
                    // A placeholder (`- [ ] `, `- [ ] #commit 📅 2026-12-01`) promises nothing.
                    guard syntax.hasContent else { continue }
                    warnFields(syntax, location, report: report, locate: locate)
                    pending.append((syntax, location))
                }
            }
        }
        entry.commitments = commitments(pending, entry: entry, report: report, locate: locate)
        if let entryPerson {
            for index in entry.commitments.indices where entry.commitments[index].people.isEmpty {
                entry.commitments[index].people = [entryPerson]
                entry.commitments[index].personFromEntry = true
            }
        }
    }

    /// Warns about each Obsidian Tasks or Dataview field whose value could not be read, at its column.
    func warnFields(_ syntax: ItemSyntax, _ location: SourceLocation, report: Report, locate: Locate) {
        for warning in syntax.warnings { report(locate(warning.snippet, location), .warning, warning.message) }
    }

    /// The item's spans, corrected from its source bytes: `\[ \] foo` has no box (GFM), and
    /// `- [x] foo` in a file that defines `[x]: https://…` has one although cmark made a link of it.
    static func boxFromSource(_ item: inout MarkdownListItem, sourceByte: SourceByte) {
        guard let at = item.paragraphLocation, let first = item.spans.first else { return }
        if first.kind == .text, first.text.utf8.first == UInt8(ascii: "["), sourceByte(at, 0) == UInt8(ascii: "\\") {
            item.spans[0] = InlineSpan(.text, String(first.text.dropFirst()))
            item.spans.insert(InlineSpan(.literal, "["), at: 0)
            return
        }
        guard first.kind == .linkStart, item.spans.count >= 3, sourceByte(at, 0) == UInt8(ascii: "["),
            let mark = sourceByte(at, 1), sourceByte(at, 2) == UInt8(ascii: "]"), mark < 0x80,
            Box(mark: Character(Unicode.Scalar(mark))) != nil,
            sourceByte(at, 3).map({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) ?? true,
            item.spans[1].kind == .text, item.spans[1].text.utf8.elementsEqual([mark]), item.spans[2].kind == .linkEnd
        else { return }
        if let index = item.linkDestinations.firstIndex(of: first.text) { item.linkDestinations.remove(at: index) }
        var spans = Array(item.spans.dropFirst(3))
        let box = "[" + String(Unicode.Scalar(mark)) + "]"
        if let next = spans.first, next.kind == .text {
            spans[0] = InlineSpan(.text, box + next.text)
        } else {
            spans.insert(InlineSpan(.text, box), at: 0)
        }
        item.spans = spans
    }

    /// The text of a plain sub-bullet under a follow-up, or nil when the item is a task, a
    /// commitment, an expectation or says nothing.
    static func subItemNote(_ syntax: ItemSyntax, config: Config) -> String? {
        guard syntax.box == nil, !syntax.tags.contains(config.commitmentTag), !syntax.tags.contains("expect") else {
            return nil
        }
        let text = FollowUpNote.meaningful(syntax.text)
        return text.isEmpty ? nil : text
    }

    /// Assigns ids (explicit ones first, then slugs with `-2`, `-3` on collision) and dates.
    func commitments(
        _ pending: [(syntax: ItemSyntax, location: SourceLocation)], entry: Entry, report: Report, locate: Locate
    ) -> [Commitment] {
        var used = Set<String>(minimumCapacity: pending.count)
        var blockIds = Set<String>()
        var ids: [String?] = []
        ids.reserveCapacity(pending.count)
        for (syntax, location) in pending {
            guard let explicit = syntax.explicitId else {
                ids.append(nil)
                continue
            }
            if used.contains(explicit) {
                // Obsidian Tasks and Dataview accept a repeated `🆔`/`[id:: ]`: a warning when
                // both are theirs, an error when a `^id` is one of them.
                let onlyTasks = syntax.blockId == nil && !blockIds.contains(explicit)
                report(location, onlyTasks ? .warning : .error, "duplicate id '\(explicit)' in this entry")
            }
            if syntax.blockId != nil { blockIds.insert(explicit) }
            used.insert(explicit)
            ids.append(explicit)
        }
        // Under the rules before issue 11 most items read the same; then their old ids are their
        // ids, and the second numbering (a fifth of a 2 MiB entry of identical items) is skipped.
        let unchanged = pending.allSatisfy {
            $0.syntax.legacyExplicitId == $0.syntax.explicitId && $0.syntax.legacyText == $0.syntax.text
        }
        let former = unchanged ? nil : Self.legacyIds(pending)
        var result: [Commitment] = []
        var nextSuffix: [String: Int] = [:]
        struct PhrasesRead {
            var first: DatePhrase.Found?
            var unresolved: [DatePhrase.Unresolved]
        }
        var phrasesRead: [String: PhrasesRead] = [:]
        result.reserveCapacity(pending.count)
        for (index, ((syntax, location), explicit)) in zip(pending, ids).enumerated() {
            let id = explicit ?? Self.numbered(ItemSyntax.slug(syntax.text), used: &used, next: &nextSuffix)
            let legacyId = former?[index] ?? id
            var due: Day?
            // Items of one entry often say the same thing ("- [ ] same #commit" 100,000 times):
            // their date phrases are read once per distinct text.
            let phrases =
                phrasesRead[syntax.phraseText]
                ?? {
                    let (first, unresolved) = DatePhrase.firstAndUnresolved(
                        in: syntax.phraseText, relativeTo: entry.date, fiscalYearStart: fiscalYearStart)
                    let read = PhrasesRead(first: first, unresolved: unresolved)
                    phrasesRead[syntax.phraseText] = read
                    return read
                }()
            if let field = syntax.dueField {
                due = date(field, location, report: report)
            } else {
                let found = phrases.first
                due = date(found?.resolution, found.map { locate($0.text, location) } ?? location, report: report)
            }
            warnUnresolved(phrases.unresolved, location, report: report, locate: locate)
            result.append(
                Commitment(
                    reference: Reference(stem: entry.stem, id: id), text: syntax.text, box: syntax.box ?? .open,
                    people: syntax.people.sorted(), tags: syntax.tags.filter { $0 != config.commitmentTag }.sorted(),
                    due: due, doneOn: date(syntax.doneField, location, report: report),
                    cancelledOn: date(syntax.cancelledField, location, report: report), made: entry.date,
                    path: entry.path, location: location, scheduled: syntax.scheduled, start: syntax.start,
                    created: syntax.created, priority: syntax.priority, recurrence: syntax.recurrence,
                    formerIds: Self.formerIds(current: id, legacy: legacyId, syntax: syntax)))
        }
        return result
    }

    /// `base`, or `base-2`, `base-3`, … when taken, and marks it used. It resumes where the last
    /// item with this slug stopped: starting at 2 each time made n identical items cost n²
    /// (issue 5: a 2 MiB entry hung `check`).
    static func numbered(_ base: String, used: inout Set<String>, next: inout [String: Int]) -> String {
        var id = base
        var suffix = next[base] ?? 2
        while used.contains(id) {
            // Concatenated, not interpolated: interpolation went through print's machinery.
            id = base + "-" + String(suffix)
            suffix += 1
        }
        next[base] = suffix
        used.insert(id)
        return id
    }

    /// The ids the commitments of one entry had under the rules before issue 11, by the same
    /// assignment: explicit ids first, then slugs of the old text with `-2`, `-3` on collision.
    static func legacyIds(_ pending: [(syntax: ItemSyntax, location: SourceLocation)]) -> [String] {
        // By index: copying each ItemSyntax out of the array was most of this function's cost.
        var used = Set<String>(minimumCapacity: pending.count)
        for index in pending.indices {
            if let explicit = pending[index].syntax.legacyExplicitId { used.insert(explicit) }
        }
        var nextSuffix: [String: Int] = [:]
        var ids: [String] = []
        ids.reserveCapacity(pending.count)
        for index in pending.indices {
            if let explicit = pending[index].syntax.legacyExplicitId {
                ids.append(explicit)
            } else {
                ids.append(numbered(ItemSyntax.slug(pending[index].syntax.legacyText), used: &used, next: &nextSuffix))
            }
        }
        return ids
    }

    /// Other names a follow-up may use for this commitment: its old id, and the slug its text gives
    /// when it has an explicit id (a link written before the `^id` was added).
    static func formerIds(current: String, legacy: String, syntax: ItemSyntax) -> [String] {
        // Most items: no explicit id, and the same id under the old rules.
        if syntax.explicitId == nil, syntax.legacyExplicitId == nil { return legacy == current ? [] : [legacy] }
        // At most three names, kept in order, once each and never the current id: compared in
        // place, without the set and arrays that were a twelfth of 100,000 items with ids.
        let slug = ItemSyntax.slug(syntax.text)
        let legacySlug = syntax.legacyText == syntax.text ? slug : ItemSyntax.slug(syntax.legacyText)
        var result: [String] = []
        for name in [legacy, slug, legacySlug] where name != current && !result.contains(name) { result.append(name) }
        return result
    }

    /// Reads what a follow-up says. Text before its link usually quotes the commitment ("Call
    /// Ana by Friday"), so dates and the note come from what was written after the last link.
    func followUp(
        to target: Reference, _ syntax: ItemSyntax, entry: Entry, _ location: SourceLocation, report: Report,
        locate: Locate
    ) -> FollowUp {
        let box = syntax.box ?? .open
        let after = syntax.phraseTextAfterEntryLink ?? ""
        let label = syntax.linkLabels.first { EntryParser.reference(fromLink: $0.destination) == target }?.label
        let parts = FollowUp.NoteParts(
            label: label.flatMap { Self.isStemOrDate($0, stem: target.stem) ? nil : $0 },
            afterLink: syntax.textAfterEntryLink ?? "", beforeLink: syntax.textBeforeEntryLink ?? "")
        var followUp = FollowUp(
            target: target, box: box, note: "", parts: parts, due: nil, doneOn: nil, date: entry.date,
            path: entry.path, location: location)
        let reading = DatePhrase.Reading(after, relativeTo: entry.date, fiscalYearStart: fiscalYearStart)
        if syntax.phraseTextAfterEntryLink != nil {
            warnUnresolved(reading.unresolved(), location, report: report, locate: locate)
        }
        let forwards = reading.all(.forwards)
        switch box {
        case .carried:
            // The last date after the link is the new one ("due Nov 6, moved to Dec 20"); a field
            // after the link wins; a field before it (never quoted by a template) comes last.
            if let field = syntax.dueFieldAfterEntryLink {
                followUp.due = date(field, location, report: report)
            } else if let found = forwards.last {
                followUp.due = date(found.resolution, locate(found.text, location), report: report)
            } else if let field = syntax.dueField {
                followUp.due = date(field, location, report: report)
            } else {
                report(location, .warning, "carried forward without a new date; add one, like 'by Dec 20'")
            }
            if let due = followUp.due, due < entry.date {
                report(location, .warning, "the new due date \(due) is before this follow-up (\(entry.date))")
            }
        case .done, .released:
            let fields = box == .released ? [syntax.cancelledField, syntax.doneField] : [syntax.doneField]
            var day: Day?
            if let field = fields.compactMap({ $0 }).first {
                day = date(field, location, report: report)
            } else if let found = reading.first(.backwards) {
                day = date(found.resolution, locate(found.text, location), report: report)
            }
            if let known = day, known > entry.date {
                let what = box == .done ? "done" : "release"
                report(
                    location, .warning,
                    "\(what) date \(known) is after this entry's date (\(entry.date)); the entry's date is used")
                day = nil
            }
            followUp.doneOn = day
        case .open:
            if syntax.dueFieldAfterEntryLink != nil || !forwards.isEmpty {
                report(location, .warning, "a new date on a [ ] follow-up changes nothing; use [>]")
            }
        case .inProgress:
            break
        }
        return followUp
    }

    /// A link label that only repeats the date or the entry's name, as `journal new` writes it.
    static func isStemOrDate(_ label: String, stem: String) -> Bool {
        let text = label.trimmingSpaces.lowercased()
        return DatePhrase.isoDate(text) != nil || text == stem.lowercased() || text == stem.lowercased() + ".md"
    }

    /// Warns about date-like phrases that resolved to nothing, so a deadline is never lost silently.
    func warnUnresolved(in text: String, _ location: SourceLocation, report: Report, locate: Locate) {
        warnUnresolved(DatePhrase.unresolved(in: text), location, report: report, locate: locate)
    }

    func warnUnresolved(
        _ phrases: [DatePhrase.Unresolved], _ location: SourceLocation, report: Report, locate: Locate
    ) {
        for phrase in phrases {
            report(
                locate(phrase.text, location), .warning,
                "date not understood: '\(phrase.text)'; write it like 'by Dec 20' or 2026-12-20")
        }
    }

    func date(_ resolution: DatePhrase.Resolution?, _ location: SourceLocation, report: Report) -> Day? {
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
    static func mayMatter(_ item: MarkdownListItem, logseq: Bool = false) -> Bool {
        if let first = item.spans.first, first.kind == .text, let byte = first.text.utf8.first {
            if byte == UInt8(ascii: "[") { return true }
            // Logseq markers all start with one of these capitals.
            if logseq, "TDLWNIC".utf8.contains(byte) { return true }
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
        asciiReference(destination, markdownLink: true) ?? generalReference(fromLink: destination)
    }

    static func generalReference(fromLink destination: String) -> Reference? {
        // Foundation's `contains` is asked only when the bytes hold `://`: it cost more per link
        // than the rest of this function, and a match needs those bytes.
        guard !(Self.containsBytes(destination, "://") && destination.contains("://")),
            !destination.lowercased().hasPrefix("mailto:"),
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
        asciiReference(target, markdownLink: false) ?? generalReference(fromWikiLink: target)
    }

    static func generalReference(fromWikiLink target: String) -> Reference? {
        guard let hash = target.firstIndex(of: "#") else { return nil }
        var file = String(target[..<hash]).split(separator: "/").last.map(String.init) ?? ""
        if file.lowercased().hasSuffix(".md") { file = String(file.dropLast(3)) }
        return entryReference(stem: file, fragment: String(target[target.index(after: hash)...]))
    }

    /// What `reference(fromLink:)` (`markdownLink`) or `reference(fromWikiLink:)` answer for an
    /// ASCII target without `%`, read on its bytes; nil when the target is not of that kind. The
    /// common case, without the dozen String operations per link that were a tenth of reading a
    /// page of follow-ups. FastPathEquivalenceTests holds it to the general path.
    static func asciiReference(_ text: String, markdownLink: Bool) -> Reference?? {
        var text = text
        return text.withUTF8 { b -> Reference?? in
            let percent = UInt8(ascii: "%")
            guard !b.contains(where: { $0 >= 0x80 || $0 == percent }) else { return nil }
            func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
            let slash = UInt8(ascii: "/")
            if markdownLink {
                let mailto = Array("mailto:".utf8)
                if b.count >= mailto.count, mailto.indices.allSatisfy({ lower(b[$0]) == mailto[$0] }) {
                    return .some(nil)
                }
                for i in 0..<max(0, b.count - 2)
                where b[i] == UInt8(ascii: ":") && b[i + 1] == slash && b[i + 2] == slash {
                    return .some(nil)
                }
            }
            guard let hash = b.firstIndex(of: UInt8(ascii: "#")) else { return .some(nil) }
            // The last non-empty path component, as `split(separator: "/").last` gives it.
            var end = hash
            while end > 0, b[end - 1] == slash { end -= 1 }
            var start = end
            while start > 0, b[start - 1] != slash { start -= 1 }
            let isMarkdown =
                end - start >= 3 && b[end - 3] == UInt8(ascii: ".") && lower(b[end - 2]) == UInt8(ascii: "m")
                && lower(b[end - 1]) == UInt8(ascii: "d")
            if markdownLink, !isMarkdown { return .some(nil) }
            let stemEnd = isMarkdown ? end - 3 : end
            var idStart = hash + 1
            if idStart < b.count, b[idStart] == UInt8(ascii: "^") { idStart += 1 }
            let dash = UInt8(ascii: "-")
            guard idStart < b.count, stemEnd - start >= 10, b[start + 4] == dash, b[start + 7] == dash,
                [0..<4, 5..<7, 8..<10].allSatisfy({ range in
                    range.allSatisfy { b[start + $0] >= UInt8(ascii: "0") && b[start + $0] <= UInt8(ascii: "9") }
                })
            else { return .some(nil) }
            return .some(
                Reference(
                    stem: String(decoding: UnsafeBufferPointer(rebasing: b[start..<stemEnd]), as: UTF8.self),
                    id: String(decoding: UnsafeBufferPointer(rebasing: b[idStart...]), as: UTF8.self)))
        }
    }

    static func entryReference(stem: String, fragment: String) -> Reference? {
        var id = percentDecoded(fragment)
        if id.hasPrefix("^") { id.removeFirst() }
        guard !id.isEmpty, stem.count >= 10, DatePhrase.isoDate(String(stem.prefix(10))) != nil else { return nil }
        return Reference(stem: stem, id: id)
    }

    /// Whether `needle`'s UTF-8 bytes occur in `text`'s: a cheap test before a search with
    /// Foundation's (canonical-equivalence) semantics, which can only match where this does for
    /// ASCII needles.
    static func containsBytes(_ text: String, _ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = pattern.first else { return true }
        let bytes = text.utf8
        var index = bytes.startIndex
        while let found = bytes[index...].firstIndex(of: first) {
            if bytes[found...].starts(with: pattern) { return true }
            index = bytes.index(after: found)
        }
        return false
    }

    static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
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
