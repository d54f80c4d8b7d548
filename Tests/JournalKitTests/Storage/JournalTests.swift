import Testing

@testable import JournalKit

/// Loading a whole journal: config, classification and the checks that span files.
@Suite struct JournalTests {
    @Test func duplicateStemsInDifferentFoldersAreAnError() throws {
        let folder = try TemporaryFolder()
        try folder.write("a/2026-11-20.md", "- [ ] Call Ana #commit\n")
        try folder.write("b/2026-11-20.md", "- [ ] Call Bo #commit\n")
        try folder.write("c/2026-11-20.md", "")
        try folder.write("c/2026-11-21.md", "")
        let journal = Journal.load(root: folder.path)
        #expect(
            journal.diagnostics.map(\.formatted) == [
                "b/2026-11-20.md: error: another entry has the same name: a/2026-11-20.md; links to '2026-11-20' are ambiguous",
                "c/2026-11-20.md: error: another entry has the same name: a/2026-11-20.md; links to '2026-11-20' are ambiguous",
            ])
        // Both are still read: one broken name never hides the other's commitments.
        #expect(journal.entries.count == 4)
    }

    @Test func sameDateWithDifferentStemsIsFine() throws {
        let folder = try TemporaryFolder()
        try folder.write("2026-11-20.md", "")
        try folder.write("2026-11-20-one-on-one-ana.md", "")
        #expect(Journal.load(root: folder.path).diagnostics.isEmpty)
    }

    @Test func configProblemsAreReportedAndTheRestIsRead() throws {
        let folder = try TemporaryFolder()
        try folder.write("journal.yml", "commitment-tag: promise\nbogus: 1\n")
        try folder.write("2026-11-20.md", "- [ ] Call Ana #promise\n")
        let journal = Journal.load(root: folder.path)
        #expect(journal.config.commitmentTag == "promise")
        #expect(journal.entries.first?.commitments.count == 1)
        #expect(journal.diagnostics.map(\.path) == ["journal.yml"])
        #expect(journal.diagnostics.first?.line == 2)
    }

    @Test func configuredTemplatesFolderIsSkipped() throws {
        let folder = try TemporaryFolder()
        try folder.write("journal.yml", "templates: prompts\n")
        try folder.write("prompts/2026-11-20.md", "- [ ] Call Ana #commit\n")
        try folder.write("templates/2026-11-21.md", "- [ ] Call Bo #commit\n")
        #expect(Journal.load(root: folder.path).entries.map(\.path) == ["templates/2026-11-21.md"])
    }

    @Test func oneBrokenEntryNeverStopsTheOthers() throws {
        let folder = try TemporaryFolder()
        try folder.write("2026-11-20.md", "---\ntags: [a\n---\n- [ ] Call Ana due:2026-02-30 #commit\n")
        try folder.write("2026-11-21.md", "- [ ] Call Bo #commit\n")
        let journal = Journal.load(root: folder.path)
        #expect(journal.entries.flatMap(\.commitments).map(\.id) == ["call-ana-commit", "call-bo-commit"])
        #expect(journal.diagnostics.count == 2)
    }
}
