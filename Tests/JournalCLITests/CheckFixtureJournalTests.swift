import Foundation
import Testing

/// One journal holding every problem `journal check` knows, and the exact report it gives:
/// every diagnostic with its path, line and column, sorted, then the summary.
@Suite struct CheckFixtureJournalTests {
    static let files: [String: String] = [
        "journal.yml": """
        entries: entries
        commitment-tag: commit
        stale-after-days: soon
        review-day: friday
        max-entry-bytes: 4096

        """,
        "README.md": "# Journal\n\n- [ ] not an entry due:2026-02-30 #commit\n",
        "templates/2026-01-01.md": "- [ ] a template, never checked due:2026-02-30 #commit\n",
        ".obsidian/2026-01-02.md": "- [ ] hidden, never checked due:2026-02-30 #commit\n",
        "entries/2026-11-16-weekly-mirror.md": """
        ---
        template: weekly-mirror
        date: 2026-11-15
        ---
        # Mirror

        - [ ] Recognise @maria's renewal win at the all-hands by Friday #commit
        - [ ] Book @ana onto the negotiation course #commit ^book-ana
          - [ ] Call Bo about pricing #commit ^book-ana
        - [ ] Send the QBR deck by 12/4 #commit
        1. [ ] Review the pipeline due:2026-02-30 #commit
        - [ ] Plan the offsite due:friday #commit
        - [ ] Coach @cy 📅 2026-11-31 #commit
        - [ ] Not a problem: `due:2026-02-30` in code #commit
        > - [ ] quoted, never checked due:2026-02-30 #commit

        """,
        "entries/2026-11-16-one-on-one-ana.md": """
        # 1:1 Ana

        - [x] [[2026-11-16-weekly-mirror#^book-ana]] booked the same day

        """,
        "entries/2026-11-23.md": """
        # Follow-ups

        - [x] [Recognised Maria](2026-11-16-weekly-mirror.md#recognise-maria-s-renewal-win) at the all-hands
        - [x] [[2026-11-16-weekly-mirror#^book-anna]] booked
        - [>] [The deck](../old/2026-11-16-weekly-miror.md#send-the-qbr-deck-by) moved by Friday
        - [-] [[1999-01-01-completely-unrelated-notes-from-elsewhere#x]] dropped
        - see [[2026-11-16-weekly-mirror#Mirror]] for context

        """,
        "entries/2026-02-30.md": "- [ ] impossible file name #commit\n",
        "entries/a/2026-11-24.md": "- [ ] Same stem, first #commit\n",
        "entries/b/2026-11-24.md": "- [ ] Same stem, second #commit\n",
        "entries/a/2026-11-24 (conflicted copy 2026-11-25).md": "- [ ] conflict copy #commit\n",
        "entries/2026-11-27.md": "---\ntitle: ok\ntags: [a, b\n---\n\n- [ ] Still read #commit\n",
        "entries/2026-11-28.md": "---\ntitle: never closed\n\n- [ ] Still read #commit\n",
        "entries/2026-11-29.md": "---\ntitle: ok\ntags:\n  sales: yes\n---\n- [ ] Still read #commit\n",
        "entries/2026-11-30.md": """
        - [ ] Before the conflict #commit
        <<<<<<< HEAD
        - [ ] Ours #commit
        =======
        - [ ] Theirs #commit
        >>>>>>> branch

        """,
    ]

    static func makeFixture() throws -> FixtureJournal {
        let fixture = try FixtureJournal(files)
        // Invalid UTF-8 on line 3, at byte column 9; the rest of the file is still read.
        try fixture.write(
            "entries/2026-12-01.md",
            bytes: Array("# Day\n\n- [ ] Ca".utf8) + [0xC3, 0x28]
                + Array("ll Ana #commit\n- [ ] Call Bo #commit\n".utf8))
        // A NUL byte on line 2: not text.
        try fixture.write("entries/2026-12-02.md", bytes: Array("# Day\nab".utf8) + [0] + Array("\n".utf8))
        // UTF-16 with a byte order mark.
        try fixture.write("entries/2026-12-03.md", bytes: [0xFF, 0xFE] + Array("-\0 \0".utf8))
        // Past max-entry-bytes.
        try fixture.write("entries/2026-12-04.md", String(repeating: "- [ ] filler #commit\n", count: 300))
        try fixture.symlink("entries/outside", to: fixture.home.path)
        try fixture.symlink("entries/dangling.md", to: "nowhere.md")
        try fixture.symlink("entries/a/loop", to: "..")
        return fixture
    }

    /// Sorted by path, then line: what a user reads, and what an editor jumps to.
    static func expected(_ fixture: FixtureJournal) -> [String] {
        [
            "entries/2026-02-30.md: warning: impossible date '2026-02-30' in the file name; not read as an entry",
            "entries/2026-11-16-weekly-mirror.md:3: warning: front matter date '2026-11-15' disagrees with the file name's 2026-11-16; the file name wins",
            "entries/2026-11-16-weekly-mirror.md:9:5: error: duplicate id 'book-ana' in this entry",
            "entries/2026-11-16-weekly-mirror.md:10:25: warning: ambiguous date '12/4'; write it as YYYY-MM-DD or 'by Dec 4'",
            "entries/2026-11-16-weekly-mirror.md:11:4: error: impossible date '2026-02-30'",
            "entries/2026-11-16-weekly-mirror.md:12:3: error: not a date 'friday'; write it as YYYY-MM-DD",
            // An Obsidian Tasks field journal cannot read is text and a warning, never an error (issue 11).
            "entries/2026-11-16-weekly-mirror.md:13:17: warning: impossible date '2026-11-31' after 📅; read as text",
            "entries/2026-11-23.md:4:3: error: follow-up to unknown commitment 2026-11-16-weekly-mirror#book-anna; did you mean 2026-11-16-weekly-mirror#book-ana?",
            "entries/2026-11-23.md:5:3: error: follow-up to unknown commitment 2026-11-16-weekly-miror#send-the-qbr-deck-by; no commitments in '2026-11-16-weekly-miror'; did you mean 2026-11-16-weekly-mirror?",
            "entries/2026-11-23.md:6:3: error: follow-up to unknown commitment 1999-01-01-completely-unrelated-notes-from-elsewhere#x; no entry '1999-01-01-completely-unrelated-notes-from-elsewhere' has commitments",
            "entries/2026-11-27.md:4: warning: front matter is not valid YAML: ",
            "entries/2026-11-28.md:1:1: warning: front matter is never closed with '---'; read as text",
            "entries/2026-11-29.md:3: warning: front matter 'tags' should be a list of names",
            "entries/2026-11-30.md:2:1: error: git merge conflict marker; resolve the conflict",
            "entries/2026-12-01.md:3:9: warning: invalid UTF-8; bad bytes are read as U+FFFD",
            "entries/2026-12-02.md:2: warning: not text (contains NUL bytes); skipped",
            "entries/2026-12-03.md:1: warning: unsupported encoding UTF-16; save the file as UTF-8",
            "entries/2026-12-04.md:1: warning: not parsed: larger than max-entry-bytes (4096 bytes)",
            "entries/a/2026-11-24 (conflicted copy 2026-11-25).md: warning: conflict copy of 2026-11-24.md; resolve it (left out of the ledger)",
            "entries/a/loop: warning: symlink loop (points to a folder above it); not followed",
            "entries/b/2026-11-24.md: error: another entry has the same name: entries/a/2026-11-24.md; links to '2026-11-24' are ambiguous",
            "entries/dangling.md: warning: broken symlink (no such file or directory); not followed",
            "entries/outside: warning: symlink points outside the journal, to \(fixture.home.path); not followed",
            "journal.yml:3:1: error: 'stale-after-days' must be a positive whole number",
            "journal.yml:4:1: error: unknown key 'review-day'; known keys: entries, commitment-tag, commitments, commitment-headings, stale-after-days, templates, default-template, max-entry-bytes, fiscal-year-start",
        ]
    }

    @Test func textReportListsEveryDiagnosticWithLineAndColumn() throws {
        let fixture = try Self.makeFixture()
        let result = try fixture.run(["check"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        let lines = result.stderrLines
        let expected = Self.expected(fixture)
        #expect(lines.count == expected.count + 1)
        for (line, prefix) in zip(lines, expected) {
            // The YAML parser's own wording is checked by its start only.
            #expect(prefix.hasSuffix(": ") ? line.hasPrefix(prefix) : line == prefix)
        }
        #expect(lines.last == "10 entries, 18 commitments, 10 errors, 15 warnings")
    }

    @Test func jsonReportHasTheSameDiagnostics() throws {
        let fixture = try Self.makeFixture()
        let result = try fixture.run(["check", "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stderr == "")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["entries"] as? Int == 10)
        #expect(object?["commitments"] as? Int == 18)
        #expect(object?["errors"] as? Int == 10)
        #expect(object?["warnings"] as? Int == 15)
        let diagnostics = object?["diagnostics"] as? [[String: Any]] ?? []
        let rendered = diagnostics.map { item -> String in
            var position = item["path"] as? String ?? "?"
            if let line = item["line"] as? Int { position += ":\(line)" }
            if let column = item["column"] as? Int { position += ":\(column)" }
            return "\(position): \(item["severity"] as? String ?? "?"): \(item["message"] as? String ?? "?")"
        }
        let expected = Self.expected(fixture)
        #expect(rendered.count == expected.count)
        for (line, prefix) in zip(rendered, expected) {
            #expect(prefix.hasSuffix(": ") ? line.hasPrefix(prefix) : line == prefix)
        }
    }

    @Test func fixingTheProblemsLeavesACleanJournal() throws {
        var files = Self.files.filter { $0.key.hasPrefix("entries/2026-11-16-weekly-mirror") || $0.key == "README.md" }
        files["journal.yml"] = "max-entry-bytes: 4096\n"
        files["entries/2026-11-16-weekly-mirror.md"] = """
            ---
            template: weekly-mirror
            date: 2026-11-16
            ---
            - [ ] Recognise @maria's renewal win at the all-hands by Friday #commit
            - [ ] Book @ana onto the negotiation course #commit ^book-ana

            """
        files["entries/2026-11-23.md"] = "- [x] [[2026-11-16-weekly-mirror#^book-ana]] booked\n"
        let fixture = try FixtureJournal(files)
        let result = try fixture.run(["check"])
        #expect(result.status == 0)
        #expect(result.stderr == "2 entries, 2 commitments, 0 errors, 0 warnings\n")
    }
}
