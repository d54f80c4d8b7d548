import Testing

@testable import JournalKit

@Suite struct EntryFilesTests {
    func listing(_ files: [String], config: Config = Config(), setUp: (TemporaryFolder) throws -> Void = { _ in })
        throws -> EntryFiles
    {
        let folder = try TemporaryFolder()
        for file in files { try folder.write(file, "- [ ] Call Ana #commit\n") }
        try setUp(folder)
        return EntryFiles(root: folder.path, config: config)
    }

    @Test func datedMarkdownFilesAnywhereAreEntries() throws {
        let found = try listing([
            "2026-11-27.md", "entries/2026/11/2026-11-20-weekly-mirror.md", "one-on-ones/2026-11-21-one-on-one-ana.md",
        ])
        #expect(
            found.files.map(\.path) == [
                "entries/2026/11/2026-11-20-weekly-mirror.md", "one-on-ones/2026-11-21-one-on-one-ana.md",
                "2026-11-27.md",
            ])
        #expect(found.files.map(\.stem) == ["2026-11-20-weekly-mirror", "2026-11-21-one-on-one-ana", "2026-11-27"])
        #expect(found.files.map(\.date) == [day("2026-11-20"), day("2026-11-21"), day("2026-11-27")])
        #expect(found.diagnostics.isEmpty)
    }

    @Test func sortedByDateThenPath() throws {
        let found = try listing(["b/2026-11-20.md", "a/2026-11-20-x.md", "2026-11-19.md"])
        #expect(found.files.map(\.path) == ["2026-11-19.md", "a/2026-11-20-x.md", "b/2026-11-20.md"])
    }

    @Test(arguments: [
        "README.md", "notes.md", "2026-11-20.txt", "2026-11-20.markdown", "2026-11-20.MD", "2026-11.md", "20261120.md",
        "x2026-11-20.md", "2026-11-2.md", "journal.yml", "2026-11-20.md.bak",
    ])
    func otherFilesAreIgnoredQuietly(_ name: String) throws {
        // Quietly when the journal has entries; alone, a dated-looking one is worth a note.
        let found = try listing([name, "2026-11-01.md"])
        #expect(found.files.map(\.path) == ["2026-11-01.md"])
        #expect(found.diagnostics.isEmpty)
    }

    @Test func aJournalOfOnlyDatedLookingFilesSaysWhyItHasNoEntries() throws {
        let found = try listing(["2026/11/27.txt", "2026/11/28.txt", "notes/2026.11.29.md"])
        #expect(found.files.isEmpty)
        #expect(
            found.diagnostics.map(\.message) == [
                "no entries, but 3 files look dated (2026/11/27.txt); entries are .md files named YYYY-MM-DD… or"
                    + " YYYY_MM_DD…, one day each, so other extensions, other separators and jrnl's YYYY/MM/DD.txt are not read"
            ])
        #expect(try listing(["README.md", "notes.txt"]).diagnostics.isEmpty)
    }

    @Test func logseqJournalPagesAreEntries() throws {
        let found = try listing(["journals/2026_11_27.md", "journals/2026_02_30.md", "pages/Contents.md"])
        #expect(found.files.map(\.stem) == ["2026_11_27"])
        #expect(found.files.map(\.date) == [day("2026-11-27")])
        #expect(
            found.diagnostics.map(\.message) == ["impossible date '2026-02-30' in the file name; not read as an entry"])
    }

    @Test func impossibleDateInTheFileNameIsWarned() throws {
        let found = try listing(["2026-02-30.md", "old/2026-13-01-plan.md", "2028-02-29.md"])
        #expect(found.files.map(\.path) == ["2028-02-29.md"])
        #expect(
            found.diagnostics.map(\.formatted) == [
                "2026-02-30.md: warning: impossible date '2026-02-30' in the file name; not read as an entry",
                "old/2026-13-01-plan.md: warning: impossible date '2026-13-01' in the file name; not read as an entry",
            ])
    }

    @Test func hiddenFoldersAndFilesAreSkipped() throws {
        let found = try listing([
            ".obsidian/2026-11-20.md", ".trash/x/2026-11-21.md", ".2026-11-22.md", "2026-11-23.md",
        ])
        #expect(found.files.map(\.path) == ["2026-11-23.md"])
        #expect(found.diagnostics.isEmpty)
    }

    @Test func theTemplatesFolderIsSkipped() throws {
        let found = try listing(["templates/2026-11-20.md", "sub/templates/2026-11-21.md"])
        #expect(found.files.map(\.path) == ["sub/templates/2026-11-21.md"])
    }

    @Test func aConfiguredTemplatesFolderIsSkippedInstead() throws {
        var config = Config()
        config.templates = "./meta/prompts/"
        let found = try listing(
            ["templates/2026-11-20.md", "meta/prompts/2026-11-21.md", "meta/2026-11-22.md"], config: config)
        #expect(found.files.map(\.path) == ["templates/2026-11-20.md", "meta/2026-11-22.md"])
    }

    @Test func syncConflictCopiesAreWarned() throws {
        let found = try listing([
            "2026-11-20.md", "2026-11-20 (conflicted copy 2026-11-21).md", "2026-11-20.sync-conflict-20261121-ABC.md",
        ])
        #expect(found.files.map(\.path) == ["2026-11-20.md"])
        #expect(found.diagnostics.count == 2)
        #expect(
            found.diagnostics.allSatisfy {
                $0.message == "conflict copy of 2026-11-20.md; resolve it (left out of the ledger)"
            })
    }

    @Test func symlinksInsideAreFollowedOnceAndOutsideAreWarned() throws {
        let outside = try TemporaryFolder()
        try outside.write("2026-11-25.md", "- x\n")
        let found = try listing(["real/2026-11-20.md", "hidden/.keep"]) { folder in
            try folder.symlink("alias", to: "\(folder.path)/real")
            try folder.symlink("away", to: outside.path)
            try folder.symlink("dangling.md", to: "\(folder.path)/nowhere.md")
            try folder.symlink("2026-11-21.md", to: "real/2026-11-20.md")
            try folder.symlink("2026-11-22.md", to: "\(outside.path)/2026-11-25.md")
        }
        // The alias adds nothing: its folder was already read under its real name.
        #expect(found.files.map(\.path) == ["real/2026-11-20.md"])
        #expect(
            found.diagnostics.map(\.formatted) == [
                "2026-11-22.md: warning: symlink points outside the journal, to \(outside.path)/2026-11-25.md; not followed",
                "away: warning: symlink points outside the journal, to \(outside.path); not followed",
                "dangling.md: warning: broken symlink (no such file or directory); not followed",
            ])
    }

    @Test func symlinkIntoAHiddenFolderIsRead() throws {
        let found = try listing([".archive/2026-11-20.md"]) { folder in
            try folder.symlink("archive", to: ".archive")
        }
        #expect(found.files.map(\.path) == ["archive/2026-11-20.md"])
        #expect(found.diagnostics.isEmpty)
    }

    @Test func symlinkLoopIsReadOnce() throws {
        let found = try listing(["a/2026-11-20.md"]) { folder in
            try folder.symlink("a/loop", to: "\(folder.path)/a")
        }
        #expect(found.files.map(\.path) == ["a/2026-11-20.md"])
        #expect(
            found.diagnostics.map(\.formatted) == [
                "a/loop: warning: symlink loop (points to a folder above it); not followed"
            ])
    }

    @Test func missingRootIsAWarningNotACrash() {
        let found = EntryFiles(root: "/nonexistent/journal-\(Int.random(in: 0..<1_000_000))", config: Config())
        #expect(found.files.isEmpty)
        #expect(found.diagnostics.map(\.path) == ["."])
    }
}
