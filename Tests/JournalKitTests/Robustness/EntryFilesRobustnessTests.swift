import Foundation
import Testing

@testable import JournalKit

/// Issue 5, cases 6–8 and 10 at the listing: stray files, conflict copies, symlinks.
@Suite struct EntryFilesRobustnessTests {
    func listing(_ folder: TemporaryFolder) -> (files: [String], problems: [String]) {
        let listing = EntryFiles(root: folder.path, config: Config())
        return (listing.files.map(\.path), listing.diagnostics.map { "\($0.path): \($0.message)" })
    }

    @Test func strayFilesAreNeverEntries() throws {
        let folder = try TemporaryFolder()
        for name in [
            "README.md", ".git/2026-11-27.md", ".DS_Store", "2026-11-27.md~", "#2026-11-27.md#", ".2026-11-27.md.swp",
            "2026-11-27.md.swp", ".#2026-11-27.md", "2026-11-27.txt", "notes/2026-11.md", "templates/2026-11-27.md",
        ] {
            try folder.write(name, "- [ ] x #commit\n")
        }
        try folder.write("entries/2026-11-27.md", "- [ ] real #commit\n")
        #expect(listing(folder).files == ["entries/2026-11-27.md"])
        #expect(listing(folder).problems == [])
    }

    @Test func impossibleAndOutOfRangeDatesInNamesAreWarned() throws {
        let folder = try TemporaryFolder()
        try folder.write("2026-02-29.md")
        try folder.write("0000-01-01.md")
        try folder.write("2028-02-29.md")
        #expect(listing(folder).files == ["2028-02-29.md"])
        #expect(
            listing(folder).problems == [
                "0000-01-01.md: impossible date '0000-01-01' in the file name; not read as an entry",
                "2026-02-29.md: impossible date '2026-02-29' in the file name; not read as an entry",
            ])
    }

    @Test func conflictCopiesAreWarnedAndLeftOut() throws {
        let folder = try TemporaryFolder()
        try folder.write("2026-11-27.md")
        try folder.write("2026-11-27 (conflicted copy).md")
        try folder.write("2026-11-27.sync-conflict-20261127-123456-ABCDEF.md")
        try folder.write("2026-11-27 (Ana's conflicted copy 2026-11-28).md")
        #expect(listing(folder).files == ["2026-11-27.md"])
        #expect(listing(folder).problems.count == 3)
        #expect(listing(folder).problems.allSatisfy { $0.contains("conflict copy of 2026-11-27.md; resolve it") })
    }

    @Test func twoEntriesOnOneDaySortByPath() throws {
        let folder = try TemporaryFolder()
        try folder.write("b/2026-11-27.md")
        try folder.write("a/2026-11-27-one-on-one.md")
        try folder.write("2026-11-26.md")
        #expect(listing(folder).files == ["2026-11-26.md", "a/2026-11-27-one-on-one.md", "b/2026-11-27.md"])
    }

    @Test func symlinksAreFollowedInsideOnlyAndEachTargetReadOnce() throws {
        let outside = try TemporaryFolder()
        try outside.write("2026-01-01.md")
        let folder = try TemporaryFolder()
        try folder.write("entries/2026-11-01.md")
        try folder.write(".hidden/2026-11-02.md")
        try folder.symlink("entries/2026-11-02.md", to: "../.hidden/2026-11-02.md")
        try folder.symlink("entries/2026-11-03.md", to: "2026-11-01.md")
        try folder.symlink("alias", to: "entries")
        try folder.symlink("entries/up", to: "..")
        try folder.symlink("out", to: outside.path)
        try folder.symlink("2026-11-04.md", to: "\(outside.path)/2026-01-01.md")
        try folder.symlink("a", to: "b")
        try folder.symlink("b", to: "a")
        try folder.symlink("gone.md", to: "nowhere")
        let result = listing(folder)
        #expect(result.files == ["entries/2026-11-01.md", "entries/2026-11-02.md"])
        #expect(
            result.problems.sorted()
                == [
                    "a: symlink loop; not followed", "b: symlink loop; not followed",
                    "gone.md: broken symlink (no such file or directory); not followed",
                    "out: symlink points outside the journal, to \(outside.path); not followed",
                    "2026-11-04.md: symlink points outside the journal, to \(outside.path)/2026-01-01.md; not followed",
                    "entries/up: symlink loop (points to a folder above it); not followed",
                ].sorted())
    }

    @Test func rootItselfUnreadableIsOneError() throws {
        let listing = EntryFiles(root: "/nonexistent-\(UUID().uuidString)", config: Config())
        #expect(listing.files.isEmpty)
        #expect(listing.diagnostics.map(\.severity) == [.error])
    }
}
