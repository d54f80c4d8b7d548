import Foundation
import Testing

/// `journal export ics` and `journal export json` run as a user would: stdout, stderr, exit
/// status, and (through `FixtureJournal.run`) no file of the journal changed.
@Suite struct ExportCommandTests {
    static let golden = ExampleJournalTests.repository.appendingPathComponent(
        "Tests/Fixtures/Export/journal-example-2026-11-27.ics")
    static let venvPython = ExampleJournalTests.repository.appendingPathComponent(".build/venv-ics/bin/python")

    static let entry = """
        ## Commitments
        - [ ] Send @ana the deck, the pricing; all of it by 2026-11-30 #pipeline
        - [ ] Call @tom about the renewal 📅 2026-11-10
        - [x] Book the room 📅 2026-11-12 ✅ 2026-11-11
        - [ ] Write the plan, someday
        """

    func fixture() throws -> FixtureJournal {
        try FixtureJournal(["journal.yml": "", "entries/2026/11/2026-11-02.md": Self.entry])
    }

    /// The example journal's export at the Makefile's EXAMPLE_AS_OF, byte for byte. Its 21 events
    /// were checked by hand against the review: 5 open and 3 missed with due dates, and 13 kept or
    /// released on or after 2026-10-28 (the released-in-place one, with no day, by its due date
    /// 2026-11-06). Regenerate with `make ics-golden` and read the diff before committing it.
    @Test func exampleJournalMatchesTheGolden() throws {
        let before = try FileSnapshot(of: ExampleJournalTests.example)
        let result = try JournalProcess.run([
            "export", "ics", "--journal", ExampleJournalTests.example.path, "--as-of", "2026-11-27",
        ])
        try before.assertUnchanged()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        let expected = try Data(contentsOf: Self.golden)
        #expect(Data(result.stdout.utf8) == expected, "export differs from \(Self.golden.path); make ics-golden")
        #expect(expected.count > 10_000)
    }

    /// docs/REVIEW.md's excerpt of the export is a piece of the golden, byte for byte.
    @Test func reviewDocExcerptIsPartOfTheGolden() throws {
        let doc = try String(
            contentsOf: ExampleJournalTests.repository.appendingPathComponent("docs/REVIEW.md"), encoding: .utf8)
        let lines = doc.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "BEGIN:VEVENT"))
        let end = try #require(lines[start...].firstIndex(of: "END:VEVENT"))
        let excerpt = lines[start...end].joined(separator: "\r\n") + "\r\n"
        let golden = String(decoding: try Data(contentsOf: Self.golden), as: UTF8.self)
        #expect(golden.contains(excerpt))
        #expect(end - start > 20)
    }

    @Test func twoExportsAreByteIdentical() throws {
        let journal = try fixture()
        let first = try journal.run(["export", "ics", "--as-of", "2026-11-27"])
        let second = try journal.run(["export", "ics", "--as-of", "2026-11-27"])
        #expect(first.status == 0 && second.status == 0)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(first.stdout.hasSuffix("END:VCALENDAR\r\n"))
        let bytes = Array(first.stdout.utf8)
        #expect(bytes.indices.allSatisfy { bytes[$0] != 10 || ($0 > 0 && bytes[$0 - 1] == 13) }, "a bare LF")
    }

    @Test func opensMissedAndRecentlyKeptAreEventsButNotUndated() throws {
        let output = try fixture().run(["export", "ics", "--as-of", "2026-11-27"]).stdout.replacing("\r\n ", with: "")
        #expect(output.components(separatedBy: "BEGIN:VEVENT").count - 1 == 3)
        #expect(output.contains("DTSTART;VALUE=DATE:20261130\r\nDTEND;VALUE=DATE:20261201\r\n"))
        #expect(output.contains("SUMMARY:Send @ana the deck\\, the pricing\\; all of it by 2026-11-30 #pipeline\r\n"))
        #expect(output.contains("SUMMARY:Kept on time: Book the room\r\n"))
        #expect(output.contains("STATUS:CANCELLED\r\n"))
        #expect(!output.contains("someday"))
        // Only the open one reminds: the missed and the kept one have nothing left to remind of.
        #expect(output.components(separatedBy: "BEGIN:VALARM").count - 1 == 1)
        #expect(output.contains("TRIGGER:-PT15H\r\n"))
    }

    @Test func keptLongAgoNeedsAll() throws {
        let journal = try fixture()
        let later = try journal.run(["export", "ics", "--as-of", "2026-12-20"]).stdout
        #expect(!later.contains("Book the room"))
        let all = try journal.run(["export", "ics", "--as-of", "2026-12-20", "--all"]).stdout
        #expect(all.contains("SUMMARY:Kept on time: Book the room\r\n"))
    }

    @Test func filtersNarrowTheEvents() throws {
        let journal = try fixture()
        let ana = try journal.run(["export", "ics", "--as-of", "2026-11-27", "--person", "@Ana"]).stdout
        #expect(ana.components(separatedBy: "BEGIN:VEVENT").count - 1 == 1)
        #expect(ana.contains("Send @ana the deck"))
        let tagged = try journal.run(["export", "ics", "--as-of", "2026-11-27", "--tag", "pipeline"]).stdout
        #expect(tagged.components(separatedBy: "BEGIN:VEVENT").count - 1 == 1)
    }

    @Test func aFilterMatchingNothingSaysSoOnStderrAndWritesAnEmptyCalendar() throws {
        let result = try fixture().run(["export", "ics", "--as-of", "2026-11-27", "--person", "anna"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("BEGIN:VEVENT"))
        #expect(result.stdout.hasSuffix("END:VCALENDAR\r\n"))
        #expect(result.stderr.hasPrefix("No commitments mention @anna. Did you mean @ana?"))
    }

    @Test func alarmOptionSetsOrRemovesTheReminder() throws {
        let journal = try fixture()
        let early = try journal.run(["export", "ics", "--as-of", "2026-11-27", "--alarm", "p2d"]).stdout
        #expect(early.contains("TRIGGER:-P2D\r\n"))
        let none = try journal.run(["export", "ics", "--as-of", "2026-11-27", "--alarm", "none"]).stdout
        #expect(!none.contains("VALARM"))
        #expect(none.contains("BEGIN:VEVENT"))
    }

    @Test(arguments: ["P1M", "15H", "-PT15H", "PT1.5H", "P1W2D", "", "soon"])
    func badAlarmIsAUsageError(_ value: String) throws {
        let result = try fixture().run(["export", "ics", "--alarm", value])
        #expect(result.status == 2, "\(value)")
        #expect(result.stdout == "")
        #expect(result.stderr.contains("--alarm"))
        #expect(result.stderr.contains("Usage: journal export ics"))
    }

    @Test func journalErrorsExitOneAfterTheCalendar() throws {
        let journal = try fixture()
        try journal.write("entries/2026/11/2026-11-05.md", "<<<<<<< HEAD\n- [ ] x #commit\n=======\n>>>>>>> b\n")
        let result = try journal.run(["export", "ics", "--as-of", "2026-11-27"])
        #expect(result.status == 1)
        #expect(result.stdout.hasSuffix("END:VCALENDAR\r\n"))
        #expect(result.stderr.contains("run 'journal check' for details"))
    }

    @Test func followUpKeepsTheUidAndRaisesTheSequence() throws {
        let journal = try fixture()
        func event(_ output: String) -> (uid: String, sequence: String)? {
            guard let start = output.range(of: "BEGIN:VEVENT\r\nUID:"),
                let block = output[start.upperBound...].components(separatedBy: "END:VEVENT").first,
                block.contains("Send @ana")
            else { return nil }
            let lines = block.components(separatedBy: "\r\n")
            let sequence = lines.first { $0.hasPrefix("SEQUENCE:") } ?? ""
            return (lines[0], sequence)
        }
        let ana = ["export", "ics", "--as-of", "2026-11-27", "--person", "ana"]
        let before = try #require(event(try journal.run(ana).stdout))
        try journal.write(
            "entries/2026/11/2026-11-20.md", "- [/] [2026-11-02](2026-11-02.md#send-ana-the-deck-the) draft done\n")
        let after = try #require(event(try journal.run(ana).stdout))
        #expect(after.uid == before.uid)
        #expect(before.sequence == "SEQUENCE:0")
        #expect(after.sequence == "SEQUENCE:1")
    }

    @Test func exportJSONIsTheReviewJSON() throws {
        let journal = try fixture()
        let review = try journal.run(["review", "--format", "json", "--as-of", "2026-11-27", "--by", "month"])
        let export = try journal.run(["export", "json", "--as-of", "2026-11-27", "--by", "month"])
        #expect(export.status == 0)
        #expect(export.stdout == review.stdout)
        #expect(export.stdout.hasPrefix("{"))
    }

    /// scripts/e2e-ics.py reads the exports back with Python's icalendar; `make test` makes the
    /// virtualenv first (`make ics-venv`), so this runs there and in CI.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: venvPython.path)))
    func icalendarParserReadsTheExportBack() throws {
        let process = Process()
        process.executableURL = Self.venvPython
        process.arguments = [
            ExampleJournalTests.repository.appendingPathComponent("scripts/e2e-ics.py").path,
            JournalProcess.binary.path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.hasPrefix("e2e-ics: ok"), "\(output)")
    }
}
