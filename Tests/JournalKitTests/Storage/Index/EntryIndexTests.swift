import Foundation
import Testing

@testable import JournalKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The index adapter on its own: what it stores, when it trusts a record, and what it does with a
/// database it cannot use. Every test has its own cache folder.
@Suite struct EntryIndexTests {
    static let entry = "- [ ] Call @ana about the renewal by 2026-12-04 #commit\n- [x] [[2026-11-20#call-ana]] done\n"

    /// A journal and a cache folder of their own; the racy window is 0 so records written a
    /// moment ago are kept (the racy rule has its own tests).
    final class Fixture {
        let journal: TemporaryFolder
        let cache: TemporaryFolder
        var environment: [String: String]

        init(racySeconds: Int = 0) throws {
            journal = try TemporaryFolder()
            cache = try TemporaryFolder()
            environment = ["XDG_CACHE_HOME": cache.path, "JOURNAL_INDEX_RACY_SECONDS": String(racySeconds)]
            try journal.write("journal.yml", "entries: entries\n")
            try journal.write("entries/2026-11-20.md", EntryIndexTests.entry)
            try journal.write("entries/2026-11-21.md", "- [ ] Send the deck to @li #commit\n")
        }

        func open(rebuild: Bool = false) throws -> EntryIndex {
            try #require(EntryIndex.open(root: journal.path, environment: environment, rebuild: rebuild))
        }

        /// Loads through a fresh index, saves it, and returns the journal and how many records it served.
        func load() throws -> (journal: Journal, hits: Int, notes: [String]) {
            let index = try open()
            let loaded = Journal.load(root: journal.path, index: index)
            index.save()
            return (loaded, index.hits, index.notes)
        }

        var databasePath: String {
            "\(EntryIndex.folder(root: journal.path, environment: environment) ?? "")/index.sqlite"
        }
    }

    static func same(_ a: Journal, _ b: Journal) -> Bool { a.entries == b.entries && a.diagnostics == b.diagnostics }

    @Test func aSecondRunServesEveryUnchangedRecordAndAgreesWithAFullRead() throws {
        let fixture = try Fixture()
        let first = try fixture.load()
        #expect(first.hits == 0)
        let second = try fixture.load()
        #expect(second.hits == 2)
        #expect(Self.same(second.journal, Journal.load(root: fixture.journal.path)))
        #expect(second.notes.isEmpty)
    }

    @Test func aChangedFileIsParsedAgain() throws {
        let fixture = try Fixture()
        _ = try fixture.load()
        try fixture.journal.write(
            "entries/2026-11-21.md", "- [ ] Send the deck to @li #commit\n- [ ] One more #commit\n")
        let second = try fixture.load()
        #expect(second.hits == 1)
        #expect(second.journal.ledger.commitments.count == 3)
    }

    @Test func aSameSizeRewriteIsSeenThroughTheChangeTime() throws {
        let fixture = try Fixture()
        _ = try fixture.load()
        let path = "\(fixture.journal.path)/entries/2026-11-21.md"
        let before = try #require(FileStamp(path: path))
        try fixture.journal.write("entries/2026-11-21.md", "- [ ] Send the deck to @jo #commit\n")
        // Put the modification time back, as a sync tool or `touch -d` can: only ctime moves.
        var times = [
            timespec(tv_sec: Int(before.mtime / 1_000_000_000), tv_nsec: Int(before.mtime % 1_000_000_000)),
            timespec(tv_sec: Int(before.mtime / 1_000_000_000), tv_nsec: Int(before.mtime % 1_000_000_000)),
        ]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        let second = try fixture.load()
        #expect(second.journal.ledger.commitments.map(\.people).contains(["jo"]))
        #expect(Self.same(second.journal, Journal.load(root: fixture.journal.path)))
    }

    @Test func aRecentlyChangedFileIsNotStoredUnderTheRacyRule() throws {
        let fixture = try Fixture(racySeconds: 2)
        _ = try fixture.load()
        let second = try fixture.load()
        #expect(second.hits == 0, "files written just now must be parsed again")
    }

    @Test func aFileOlderThanTheRacyWindowIsStored() throws {
        let fixture = try Fixture(racySeconds: 0)
        _ = try fixture.load()
        #expect(try fixture.load().hits == 2)
    }

    @Test func aDeletedFileLeavesTheIndexAndNoEntryBehind() throws {
        let fixture = try Fixture()
        _ = try fixture.load()
        try FileManager.default.removeItem(atPath: "\(fixture.journal.path)/entries/2026-11-21.md")
        let second = try fixture.load()
        #expect(second.journal.entries.map(\.path) == ["entries/2026-11-20.md"])
        let rows = try SQLiteDatabase(path: fixture.databasePath, create: false).integer("SELECT count(*) FROM entries")
        #expect(rows == 1)
    }

    @Test func changedSettingsDiscardEveryRecord() throws {
        let fixture = try Fixture()
        _ = try fixture.load()
        try fixture.journal.write("journal.yml", "entries: entries\ncommitment-tag: promise\n")
        let second = try fixture.load()
        #expect(second.hits == 0)
        #expect(Self.same(second.journal, Journal.load(root: fixture.journal.path)))
    }

    @Test func unchangedSettingsKeepTheRecords() throws {
        let fixture = try Fixture()
        _ = try fixture.load()
        try fixture.journal.write("journal.yml", "# a comment changes nothing that is parsed\nentries: entries\n")
        #expect(try fixture.load().hits == 2)
    }

    @Test(arguments: ["truncate", "scribble", "garbage"])
    func aDamagedDatabaseIsDiscardedWithANoteAndRebuilt(_ damage: String) throws {
        let fixture = try Fixture()
        _ = try fixture.load()
        _ = try fixture.load()  // checkpoints nothing, but leaves a full database file
        let path = fixture.databasePath
        // Fold the WAL into the main file first, so the damage hits real pages.
        try SQLiteDatabase(path: path, create: false).execute("PRAGMA wal_checkpoint(TRUNCATE)")
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        switch damage {
        case "truncate": try handle.truncate(atOffset: 1000)
        case "scribble":
            try handle.seek(toOffset: 4096)
            try handle.write(contentsOf: Data(repeating: 0xA5, count: 4096))
        default:
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: Data("this is not a database, it is a shopping list\n".utf8))
        }
        try handle.close()
        let damaged = try fixture.load()
        #expect(Self.same(damaged.journal, Journal.load(root: fixture.journal.path)))
        #expect(damaged.notes.count <= 1)
        #expect(damaged.notes.allSatisfy { $0.hasPrefix("note: the index at ") })
        let healed = try fixture.load()
        #expect(Self.same(healed.journal, Journal.load(root: fixture.journal.path)))
        #expect(try fixture.load().hits == 2, "rebuilt after the damage")
    }

    @Test func aDatabaseFromANewerLayoutIsDiscarded() throws {
        let fixture = try Fixture()
        _ = try fixture.load()
        try SQLiteDatabase(path: fixture.databasePath, create: false).execute("PRAGMA user_version=99")
        let index = try fixture.open()
        #expect(index.notes.count == 1)
        _ = Journal.load(root: fixture.journal.path, index: index)
        index.save()
        #expect(try fixture.load().hits == 2)
    }

    @Test func rebuildStartsFromNothing() throws {
        let fixture = try Fixture()
        _ = try fixture.load()
        let index = try fixture.open(rebuild: true)
        _ = Journal.load(root: fixture.journal.path, index: index)
        #expect(index.hits == 0)
    }

    @Test func theFolderIs0700AndTheFiles0600WhateverTheUmask() throws {
        let fixture = try Fixture()
        let old = umask(0)
        defer { umask(old) }
        _ = try fixture.load()
        let folder = try #require(EntryIndex.folder(root: fixture.journal.path, environment: fixture.environment))
        for (path, mode) in [("\(fixture.cache.path)/journal", 0o700), (folder, 0o700)] {
            var info = stat()
            #expect(stat(path, &info) == 0)
            #expect(Int(info.st_mode & 0o777) == mode, "\(path)")
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            var info = stat()
            #expect(stat("\(folder)/\(name)", &info) == 0)
            #expect(info.st_mode & 0o777 == 0o600, "\(name)")
        }
    }

    @Test func theLocationFollowsXDGThenHome() {
        let real = EntryFiles.realPath("/tmp") ?? "/tmp"
        let hash = Checksum.hex(Checksum.of(real))
        #expect(
            EntryIndex.folder(root: "/tmp", environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"]) == "/c/journal/\(hash)"
        )
        #expect(EntryIndex.folder(root: "/tmp", environment: ["HOME": "/h"]) == "/h/.cache/journal/\(hash)")
        // The XDG spec ignores relative paths.
        #expect(
            EntryIndex.folder(root: "/tmp", environment: ["XDG_CACHE_HOME": "c", "HOME": "/h"])
                == "/h/.cache/journal/\(hash)")
        #expect(EntryIndex.folder(root: "/tmp", environment: [:]) == nil)
    }

    @Test func journalNoIndexTurnsItOffAndZeroDoesNot() throws {
        let fixture = try Fixture()
        var environment = fixture.environment
        environment["JOURNAL_NO_INDEX"] = "1"
        #expect(EntryIndex.open(root: fixture.journal.path, environment: environment) == nil)
        environment["JOURNAL_NO_INDEX"] = "0"
        #expect(EntryIndex.open(root: fixture.journal.path, environment: environment) != nil)
    }

    @Test func anUnwritableCacheMeansNoIndexAndNoError() throws {
        let fixture = try Fixture()
        try Data().write(to: URL(fileURLWithPath: "\(fixture.cache.path)/journal"))  // a file where the folder goes
        #expect(EntryIndex.open(root: fixture.journal.path, environment: fixture.environment) == nil)
    }

    @Test func aSymlinkedIndexFolderIsNotUsed() throws {
        let fixture = try Fixture()
        let folder = try #require(EntryIndex.folder(root: fixture.journal.path, environment: fixture.environment))
        let elsewhere = try TemporaryFolder()
        try FileManager.default.createDirectory(
            atPath: "\(fixture.cache.path)/journal", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder, withDestinationPath: elsewhere.path)
        #expect(EntryIndex.open(root: fixture.journal.path, environment: fixture.environment) == nil)
    }
}
