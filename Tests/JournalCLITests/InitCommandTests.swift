import Foundation
import Testing

@Suite struct InitCommandTests {
    @Test func initCreatesTheJournalWithEveryKeyAndTheBuiltIns() throws {
        let scratch = try ScratchJournal(initialised: false)
        let result = try JournalProcess.run(["init", scratch.root])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == """
                created \(scratch.root)/
                created journal.yml
                created entries/
                created templates/
                created templates/call-prep.md
                created templates/daily.md
                created templates/one-on-one.md
                created templates/weekly-mirror.md
                next: journal new weekly-mirror --journal \(scratch.root)

                """)
        let config = try #require(scratch.read("journal.yml"))
        for key in [
            "entries", "commitment-tag", "commitments", "commitment-headings", "stale-after-days", "templates",
            "default-template", "max-entry-bytes", "fiscal-year-start",
        ] {
            #expect(config.contains("\n\(key): "), "\(key)")
        }
        #expect(scratch.names("templates") == ["call-prep.md", "daily.md", "one-on-one.md", "weekly-mirror.md"])
        let check = try JournalProcess.run(["check", "--journal", scratch.root])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("0 errors, 0 warnings"))
    }

    @Test func initTwiceChangesNothingAndSaysWhatExisted() throws {
        let scratch = try ScratchJournal()
        try scratch.write("journal.yml", "stale-after-days: 7\n")
        try scratch.write("templates/daily.md", "my daily")
        try FileManager.default.removeItem(atPath: "\(scratch.root)/templates/call-prep.md")
        let result = try JournalProcess.run(["init", scratch.root])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                created templates/call-prep.md
                already existed, left as it was: journal.yml, entries/, templates/, templates/daily.md, \
                templates/one-on-one.md, templates/weekly-mirror.md
                next: journal new weekly-mirror --journal \(scratch.root)

                """)
        #expect(scratch.read("journal.yml") == "stale-after-days: 7\n")
        #expect(scratch.read("templates/daily.md") == "my daily")
        let again = try JournalProcess.run(["init", scratch.root])
        #expect(
            again.stdout.hasSuffix(
                "nothing to do: \(scratch.root) is already a journal\nnext: journal new weekly-mirror --journal \(scratch.root)\n"
            ))
    }

    @Test func initDefaultsToTheCurrentFolderAndHonoursAnExistingConfig() throws {
        let scratch = try ScratchJournal(initialised: false)
        try scratch.write("journal.yml", "entries: notes\ntemplates: prompts\n")
        let result = try JournalProcess.run(["init"], in: URL(fileURLWithPath: scratch.root))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(scratch.names("") == ["journal.yml", "notes", "prompts"])
        #expect(scratch.names("prompts").count == 4)
    }

    @Test func initIntoAFileFails() throws {
        let scratch = try ScratchJournal(initialised: false)
        try scratch.write("file", "x", in: scratch.base)
        let result = try JournalProcess.run(["init", "\(scratch.base)/file"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("not a folder"))
    }
}
