import Foundation
import Testing

/// The fixture's own guard must catch every kind of change, or the e2e tests prove nothing.
@Suite struct FileSnapshotTests {
    func changes(_ change: (FixtureJournal) throws -> Void, allowing allowed: Set<String> = []) throws -> [String] {
        let fixture = try FixtureJournal(["2026-11-20.md": "- [ ] Call Ana #commit\n", "sub/notes.md": "x"])
        try fixture.symlink("link.md", to: "2026-11-20.md")
        let before = try FileSnapshot(of: fixture.root)
        try change(fixture)
        return before.changes(to: try FileSnapshot(of: fixture.root), allowing: allowed)
    }

    @Test func nothingDoneIsNoChange() throws {
        #expect(try changes { _ in }.isEmpty)
    }

    @Test func rewritingTheSameBytesIsNoChange() throws {
        #expect(try changes { try $0.write("2026-11-20.md", "- [ ] Call Ana #commit\n") }.isEmpty)
    }

    @Test func changedBytesOfTheSameSizeAreCaught() throws {
        let found = try changes { try $0.write("2026-11-20.md", "- [x] Call Ana #commit\n") }
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("changed: 2026-11-20.md: file (23 bytes") == true)
    }

    @Test func deletionIsCaught() throws {
        let found = try changes { try FileManager.default.removeItem(at: $0.url("sub/notes.md")) }
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("deleted: sub/notes.md") == true)
    }

    @Test func retargetedSymlinkIsCaught() throws {
        let found = try changes {
            try FileManager.default.removeItem(at: $0.url("link.md"))
            try $0.symlink("link.md", to: "sub/notes.md")
        }
        #expect(found == ["changed: link.md: symlink → 2026-11-20.md → symlink → sub/notes.md"])
    }

    @Test func symlinkReplacedByItsTargetsBytesIsCaught() throws {
        let found = try changes {
            try FileManager.default.removeItem(at: $0.url("link.md"))
            try $0.write("link.md", "- [ ] Call Ana #commit\n")
        }
        #expect(found.count == 1)
    }

    @Test func permissionChangeIsCaught() throws {
        let found = try changes {
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: $0.path("sub/notes.md"))
        }
        #expect(found.count == 1)
    }

    @Test func creationIsCaughtUnlessAllowed() throws {
        let create: (FixtureJournal) throws -> Void = { try $0.write("entries/2026/11/2026-11-21.md", "x") }
        #expect(
            try changes(create) == [
                "created: entries (folder (mode 755))", "created: entries/2026 (folder (mode 755))",
                "created: entries/2026/11 (folder (mode 755))",
                "created: entries/2026/11/2026-11-21.md (file (1 bytes, digest af63bd4c8601b7be, mode 644))",
            ] || (try changes(create)).count == 4)
        #expect(try changes(create, allowing: ["entries/2026/11/2026-11-21.md"]).isEmpty)
        // Allowing a path does not allow touching anything else.
        let other: (FixtureJournal) throws -> Void = {
            try $0.write("entries/2026/11/2026-11-21.md", "x")
            try $0.write("entries/2026/11/extra.md", "y")
        }
        #expect(try changes(other, allowing: ["entries/2026/11/2026-11-21.md"]).count == 1)
    }

    @Test func allowingCreationDoesNotAllowOverwriting() throws {
        let found = try changes({ try $0.write("2026-11-20.md", "new") }, allowing: ["2026-11-20.md"])
        #expect(found.count == 1)
    }

    @Test func emptyFolderCreatedIsCaught() throws {
        #expect(try changes { try $0.folder("empty") }.count == 1)
    }

    @Test func runSnapshotsTheWholeFixture() throws {
        let fixture = try FixtureJournal(["journal.yml": ""])
        let result = try fixture.run(["check"])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: fixture.home.path))
    }
}
