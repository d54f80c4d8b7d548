import Testing

@testable import JournalKit

/// journal reads the fields of Obsidian Tasks' and Dataview's own test lines as those tests expect
/// (ReferenceLines.swift), except where FORMAT.md lists a deliberate difference.
@Suite struct ReferenceLineTests {
    /// What journal extracts from a line: due, done, cancelled, Obsidian Tasks id, text.
    struct Reading: Equatable, CustomStringConvertible {
        var text: String?
        var due: String?
        var done: String?
        var cancelled: String?
        var id: String?

        var description: String {
            "text \(text ?? "-") due \(due ?? "-") done \(done ?? "-") cancelled \(cancelled ?? "-") id \(id ?? "-")"
        }
    }

    static func isListLine(_ line: String) -> Bool {
        let trimmed = line.drop { $0 == " " }
        if trimmed.hasPrefix(">") || trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") || trimmed.hasPrefix("+ ") {
            return true
        }
        let digits = trimmed.prefix { $0.isNumber }
        return !digits.isEmpty && trimmed.dropFirst(digits.count).hasPrefix(". ")
    }

    /// Reads the line as an entry holding only it; nil when journal sees no list item there.
    static func read(_ line: String) -> Reading? {
        let markdown = (isListLine(line) ? line : "- [ ] " + line) + "\n"
        for block in CmarkParser.parse(Array(markdown.utf8)) {
            guard case .listItem(let item) = block else { continue }
            let syntax = ItemSyntax(spans: item.spans, logseq: true)
            func iso(_ resolution: DatePhrase.Resolution?) -> String? {
                if case .date(let day)? = resolution { return day.description }
                return nil
            }
            return Reading(
                text: syntax.text, due: iso(syntax.dueField), done: iso(syntax.doneField),
                cancelled: iso(syntax.cancelledField), id: syntax.taskId)
        }
        return nil
    }

    static func expected(_ line: ReferenceLine) -> Reading {
        Reading(text: line.text, due: line.due, done: line.done, cancelled: line.cancelled, id: line.id)
    }

    @Test(arguments: ReferenceLine.all.filter { $0.difference == nil })
    func agreesWithTheDefiningTool(_ line: ReferenceLine) throws {
        let reading = try #require(Self.read(line.line))
        var expected = Self.expected(line)
        if line.text == nil { expected.text = reading.text }
        #expect(reading == expected, "\(line.file)")
    }

    /// Each deliberate difference, as FORMAT.md states it.
    @Test(arguments: ReferenceLine.all.filter { $0.difference != nil })
    func differsOnlyAsDocumented(_ line: ReferenceLine) {
        let reading = Self.read(line.line)
        switch line.difference {
        case .blockQuote?, .indentedCode?: #expect(reading == nil)
        case .flattened?: #expect(reading == Self.expected(line))
        case .keyCase?:
            // `[dependson:: F12345]` is a field for Dataview (keys any case): removed from the text.
            #expect(reading?.text == "")
        case .anywhere?:
            #expect(reading?.due == line.due)
            #expect(reading?.text == "Some task that is and is")
        case nil: break
        }
    }

    /// The figures FORMAT.md quotes: how many lines, and how many carry each difference.
    @Test func lineCountsAndShares() {
        let lines = ReferenceLine.all
        #expect(lines.count == 164)
        #expect(lines.filter { $0.tool == .obsidianTasks }.count == 146)
        #expect(lines.filter { $0.tool == .dataview }.count == 18)
        let differences = Dictionary(grouping: lines.compactMap(\.difference), by: { $0 }).mapValues(\.count)
        #expect(differences[.blockQuote] == 5)
        #expect(differences[.flattened] == 3)
        #expect(differences[.keyCase] == 1)
        #expect(differences[.anywhere] == 1)
        #expect(differences[.indentedCode] == 1)
        // Values stated on the lines no difference touches, all of which journal agrees with
        // (agreesWithTheDefiningTool): the figures of FORMAT.md's differences section.
        let compared = lines.filter { $0.difference == nil }
        #expect(compared.count == 153)
        #expect(compared.filter { $0.due != nil }.count == 43)
        #expect(compared.filter { $0.done != nil }.count == 38)
        #expect(compared.filter { $0.cancelled != nil }.count == 15)
        #expect(compared.filter { $0.id != nil }.count == 10)
        #expect(compared.filter { $0.text != nil }.count == 153)
        // Lines of fields only: read alike, but each would be a placeholder, not a commitment.
        #expect(lines.filter { $0.text == "" }.count == 76)
    }

    /// A line that Obsidian Tasks or Dataview reads without complaint never gives a check error.
    @Test(arguments: ReferenceLine.all)
    func noCheckErrors(_ line: ReferenceLine) {
        var config = Config()
        config.commitments = .allTasks
        let markdown = (Self.isListLine(line.line) ? line.line : "- [ ] " + line.line) + "\n"
        let result = parseEntry(markdown, stem: "2026-11-20", config: config)
        #expect(result.diagnostics.filter { $0.severity == .error } == [])
    }
}
