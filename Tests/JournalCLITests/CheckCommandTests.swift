import Foundation
import Testing

/// `journal check` run as a user would: real binary, fixture journals in temp folders.
@Suite struct CheckCommandTests {
    @Test func versionPrints() throws {
        let result = try FixtureJournal().run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("0."))
        #expect(result.stderr.isEmpty)
    }

    static let clean: [String: String] = [
        "journal.yml": "stale-after-days: 10\n",
        "entries/2026/11/2026-11-20-weekly-mirror.md": """
        ---
        template: weekly-mirror
        ---
        # Mirror

        - [ ] Recognise @maria's renewal win at the all-hands by Friday #recognition #commit
        - [ ] Book @ana onto the negotiation course 📅 2026-12-04 #commit ^book-ana
        - Everyone logs calls in the CRM the same day #expect #crm

        """,
        "entries/2026/11/2026-11-27.md": """
        ## Follow-ups

        - [x] [Recognised Maria](2026-11-20-weekly-mirror.md#recognise-maria-s-renewal-win) at the all-hands
        - [>] [[2026-11-20-weekly-mirror#^book-ana]] course is full, moved by Dec 18

        ## Commitments

        - [ ] Send the QBR deck to @bo
        - Plain note, not a commitment

        """,
        "README.md": "# My journal\n\n- [ ] not an entry #commit\n",
        "templates/2026-01-01.md": "- [ ] template sample #commit due:2026-02-30\n",
    ]

    @Test func cleanJournalExitsZeroWithOnlyTheSummary() throws {
        let fixture = try FixtureJournal(Self.clean)
        let result = try fixture.run(["check"])
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(result.stderr == "2 entries, 3 commitments, 0 errors, 0 warnings\n")
    }

    @Test func summaryUsesSingularForOne() throws {
        let fixture = try FixtureJournal([
            "2026-11-20.md": "- [ ] Call Ana by 12/4 #commit\n- [ ] Call Bo due:2026-02-30 #commit ^bo\n"
        ])
        let result = try fixture.run(["check", "--journal", fixture.path()])
        #expect(result.status == 1)
        #expect(
            result.stderrLines == [
                "2026-11-20.md:1:16: warning: ambiguous date '12/4'; write it as YYYY-MM-DD or 'by Dec 4'",
                "2026-11-20.md:2:3: error: impossible date '2026-02-30'",
                "1 entry, 2 commitments, 1 error, 1 warning",
            ])
    }

    @Test func warningsAloneExitZero() throws {
        let fixture = try FixtureJournal([
            "journal.yml": "", "2026-02-30.md": "x", "2026-11-20.md": "- [ ] A by 1/2 #commit\n",
        ])
        let result = try fixture.run(["check"])
        #expect(result.status == 0)
        #expect(
            result.stderrLines == [
                "2026-02-30.md: warning: impossible date '2026-02-30' in the file name; not read as an entry",
                "2026-11-20.md:1:9: warning: ambiguous date '1/2'; write it as YYYY-MM-DD or 'by Dec 4'",
                "1 entry, 1 commitment, 0 errors, 2 warnings",
            ])
    }

    @Test func diagnosticsAreSortedByPathThenLine() throws {
        let fixture = try FixtureJournal([
            "journal.yml": "",
            "b/2026-11-21.md":
                "- [ ] B due:2026-02-30 #commit\n\n\n\n\n\n\n\n\n- [ ] B2 due:2026-02-31 #commit\n- [ ] B3 due:2026-04-31 #commit\n",
            "a/2026-11-22.md": "\n\n- [ ] A due:2026-13-01 #commit\n",
            "2026-11-23.md": "- [ ] C due:2026-02-29 #commit\n",
        ])
        let result = try fixture.run(["check"])
        #expect(result.status == 1)
        #expect(
            result.stderrLines == [
                "2026-11-23.md:1:3: error: impossible date '2026-02-29'",
                "a/2026-11-22.md:3:3: error: impossible date '2026-13-01'",
                "b/2026-11-21.md:1:3: error: impossible date '2026-02-30'",
                "b/2026-11-21.md:10:3: error: impossible date '2026-02-31'",
                "b/2026-11-21.md:11:3: error: impossible date '2026-04-31'",
                "3 entries, 5 commitments, 5 errors, 0 warnings",
            ])
    }

    @Test func jsonGoesToStdoutForEditors() throws {
        let fixture = try FixtureJournal([
            "journal.yml": "",
            "2026-11-20.md": "\n- [ ] Call Ana by 12/4 #commit\n- [ ] Call Bo due:2026-02-30 #commit\n",
        ])
        let result = try fixture.run(["check", "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stderr == "")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["entries"] as? Int == 1)
        #expect(object?["commitments"] as? Int == 2)
        #expect(object?["errors"] as? Int == 1)
        #expect(object?["warnings"] as? Int == 1)
        let diagnostics = object?["diagnostics"] as? [[String: Any]] ?? []
        #expect(diagnostics.map { $0["path"] as? String } == ["2026-11-20.md", "2026-11-20.md"])
        #expect(diagnostics.map { $0["line"] as? Int } == [2, 3])
        #expect(diagnostics.map { $0["column"] as? Int } == [16, 3])
        #expect(diagnostics.map { $0["severity"] as? String } == ["warning", "error"])
        #expect(
            diagnostics.map { $0["message"] as? String } == [
                "ambiguous date '12/4'; write it as YYYY-MM-DD or 'by Dec 4'", "impossible date '2026-02-30'",
            ])
    }

    @Test func jsonOfACleanJournalExitsZero() throws {
        let fixture = try FixtureJournal(Self.clean)
        let result = try fixture.run(["check", "--format", "json"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect((object?["diagnostics"] as? [Any])?.isEmpty == true)
        #expect(object?["entries"] as? Int == 2)
        #expect(result.stdout.hasSuffix("\n"))
    }

    @Test func jsonKeepsMissingLinesAsNull() throws {
        let fixture = try FixtureJournal(["journal.yml": "", "2026-02-30.md": ""])
        let result = try fixture.run(["check", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let first = (object?["diagnostics"] as? [[String: Any]])?.first
        #expect(first?["line"] is NSNull)
        #expect(first?["column"] is NSNull)
    }

    // MARK: Finding the journal

    @Test func noJournalExitsTwoWithOneLine() throws {
        let fixture = try FixtureJournal(["2026-11-20.md": "- [ ] Call Ana #commit\n"])
        let result = try fixture.run(["check"])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.contains("journal init"))
        #expect(result.stderr.contains("--journal"))
        #expect(result.stderr.contains("JOURNAL_DIR"))
        #expect(result.stderr.contains(fixture.path()))
    }

    @Test func journalPointingAtAFileExitsTwo() throws {
        let fixture = try FixtureJournal(["journal.yml": "", "2026-11-20.md": ""])
        let result = try fixture.run(["check", "--journal", "2026-11-20.md"])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == "journal: error: journal path is not a folder: \(fixture.path("2026-11-20.md"))\n")
    }

    @Test func journalPointingAtAMissingFolderExitsTwo() throws {
        let fixture = try FixtureJournal(["journal.yml": ""])
        let result = try fixture.run(["check", "--journal", "nowhere"])
        #expect(result.status == 2)
        #expect(result.stderr == "journal: error: journal folder does not exist: \(fixture.path("nowhere"))\n")
        #expect(!FileManager.default.fileExists(atPath: fixture.path("nowhere")))
    }

    @Test func journalDirFromTheEnvironment() throws {
        let fixture = try FixtureJournal(["2026-11-20.md": "- [ ] Call Ana #commit\n"])
        let result = try fixture.run(["check"], directory: fixture.home, environment: ["JOURNAL_DIR": fixture.path()])
        #expect(result.status == 0)
        #expect(result.stderr == "1 entry, 1 commitment, 0 errors, 0 warnings\n")
    }

    @Test func missingJournalDirExitsTwo() throws {
        let fixture = try FixtureJournal(["journal.yml": ""])
        let missing = fixture.path("gone")
        let result = try fixture.run(["check"], environment: ["JOURNAL_DIR": missing])
        #expect(result.status == 2)
        #expect(result.stderr == "journal: error: journal folder does not exist: \(missing)\n")
    }

    @Test func explicitJournalWinsOverTheEnvironment() throws {
        let fixture = try FixtureJournal(["a/2026-11-20.md": "- [ ] A #commit\n", "b/2026-11-20.md": ""])
        let result = try fixture.run(["check", "--journal", "a"], environment: ["JOURNAL_DIR": fixture.path("b")])
        #expect(result.stderr == "1 entry, 1 commitment, 0 errors, 0 warnings\n")
    }

    @Test func walksUpFromASubfolderToJournalYml() throws {
        let fixture = try FixtureJournal([
            "journal.yml": "", "entries/2026/11/2026-11-20.md": "- [ ] Call Ana #commit\n", "2026-11-21.md": "",
        ])
        let result = try fixture.run(["check"], in: "entries/2026/11")
        #expect(result.status == 0)
        // The whole journal is checked, not just the folder the command ran in.
        #expect(result.stderr == "2 entries, 1 commitment, 0 errors, 0 warnings\n")
    }

    @Test func pathsAreRelativeToTheJournalWhereverItRuns() throws {
        let fixture = try FixtureJournal([
            "journal.yml": "", "entries/2026-11-20.md": "- [ ] A due:2026-02-30 #commit\n",
        ])
        let result = try fixture.run(["check"], in: "entries")
        #expect(result.stderrLines.first == "entries/2026-11-20.md:1:3: error: impossible date '2026-02-30'")
    }

    @Test(arguments: ["\r\n", "\r"])
    func lineEndingsGiveTheSameReport(_ ending: String) throws {
        let lines = [
            "---", "title: Day", "---", "# Notes", "", "- [ ] Call Ana by 12/4 #commit",
            "- [ ] Call Bo due:2026-02-30 #commit",
        ]
        let unix = try FixtureJournal(["journal.yml": "", "2026-11-20.md": lines.joined(separator: "\n") + "\n"])
        let other = try FixtureJournal(["journal.yml": "", "2026-11-20.md": lines.joined(separator: ending) + ending])
        let expected = try unix.run(["check"])
        let result = try other.run(["check"])
        #expect(result.stderr == expected.stderr)
        #expect(result.status == expected.status)
        #expect(
            result.stderrLines == [
                "2026-11-20.md:6:16: warning: ambiguous date '12/4'; write it as YYYY-MM-DD or 'by Dec 4'",
                "2026-11-20.md:7:3: error: impossible date '2026-02-30'",
                "1 entry, 2 commitments, 1 error, 1 warning",
            ])
    }

    @Test func relativeJournalDirIsResolvedFromTheWorkingFolder() throws {
        let fixture = try FixtureJournal(["notes/2026-11-20.md": "- [ ] Call Ana #commit\n"])
        let result = try fixture.run(["check"], environment: ["JOURNAL_DIR": "notes"])
        #expect(result.status == 0)
        #expect(result.stderr == "1 entry, 1 commitment, 0 errors, 0 warnings\n")
    }

    @Test func nearestJournalYmlWins() throws {
        let fixture = try FixtureJournal([
            "journal.yml": "", "2026-11-19.md": "- [ ] Outer #commit\n", "inner/journal.yml": "",
            "inner/2026-11-20.md": "", "inner/deep/x.txt": "",
        ])
        let result = try fixture.run(["check"], in: "inner/deep")
        #expect(result.stderr == "1 entry, 0 commitments, 0 errors, 0 warnings\n")
    }

    // MARK: Usage and output

    @Test func unknownFormatIsAUsageError() throws {
        let fixture = try FixtureJournal(["journal.yml": ""])
        let result = try fixture.run(["check", "--format", "xml"])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("xml"))
    }

    @Test func colourOnlyWhenAsked() throws {
        let fixture = try FixtureJournal(["journal.yml": "", "2026-11-20.md": "- [ ] A due:2026-02-30 #commit\n"])
        let plain = try fixture.run(["check"])
        #expect(!plain.stderr.contains("\u{1B}["))
        let coloured = try fixture.run(["check", "--color", "always"])
        #expect(coloured.stderr.contains("\u{1B}["))
        #expect(coloured.status == 1)
    }

    @Test func configProblemsNameTheFileLineAndKey() throws {
        let fixture = try FixtureJournal([
            "journal.yml": "entries: entries\nstale-after-days: soon\nreview-day: friday\n",
            "2026-11-20.md": "- [ ] Call Ana #commit\n",
        ])
        let result = try fixture.run(["check"])
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 3)
        #expect(result.stderrLines[0] == "journal.yml:2:1: error: 'stale-after-days' must be a positive whole number")
        #expect(result.stderrLines[1].hasPrefix("journal.yml:3:1: error: unknown key 'review-day'; known keys: "))
        #expect(result.stderrLines[2] == "1 entry, 1 commitment, 2 errors, 0 warnings")
    }

    @Test func invalidConfigYAMLStillChecksTheEntries() throws {
        let fixture = try FixtureJournal([
            "journal.yml": "commitment-headings: [a, b\n", "2026-11-20.md": "- [ ] Call Ana due:2026-02-30 #commit\n",
        ])
        let result = try fixture.run(["check"])
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 3)
        #expect(result.stderrLines[0] == "2026-11-20.md:1:3: error: impossible date '2026-02-30'")
        #expect(result.stderrLines[1].hasPrefix("journal.yml:"))
        #expect(result.stderrLines[1].contains(": error: invalid YAML: "))
    }

    @Test func allTasksModeFromTheConfig() throws {
        let fixture = try FixtureJournal([
            "journal.yml": "commitments: all-tasks\n", "2026-11-20.md": "- [ ] Call Ana\n- [x] Call Bo\n- Note\n",
        ])
        #expect(try fixture.run(["check"]).stderr == "1 entry, 2 commitments, 0 errors, 0 warnings\n")
    }

    @Test(.enabled(if: getuid() != 0, "root reads any file")) func unreadableFileIsWarned() throws {
        let fixture = try FixtureJournal(["journal.yml": "", "2026-11-20.md": "- [ ] A #commit\n"])
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: fixture.path("2026-11-20.md"))
        let result = try fixture.run(["check"])
        #expect(result.status == 0)
        #expect(result.stderrLines.first?.hasPrefix("2026-11-20.md: warning: cannot read file: ") == true)
    }
}
