import Foundation
import Glibc
import Synchronization
import Testing

@testable import JournalKit

/// The real file system, with a hook that runs just before a named call: to change the world
/// between two of the remover's steps, as a racing editor or sync client would.
final class HookedFileSystem: FileSystem {
    let real = POSIXFileSystem()
    let calls = Mutex<[String]>([])
    let hooks: [String: @Sendable () -> Void]
    let failing: [String: Int32]

    init(before hooks: [String: @Sendable () -> Void] = [:], failing: [String: Int32] = [:]) {
        self.hooks = hooks
        self.failing = failing
    }

    func record(_ call: String) throws(FileSystemError) {
        calls.withLock { $0.append(call) }
        hooks[call]?()
        if let code = failing[call] { throw FileSystemError(call, code) }
    }

    func createExclusive(_ path: String, mode: mode_t) throws(FileSystemError) -> Int32 {
        try real.createExclusive(path, mode: mode)
    }
    func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(FileSystemError) -> Int {
        try real.write(fd, bytes)
    }
    func fsync(_ fd: Int32) throws(FileSystemError) { try real.fsync(fd) }
    func close(_ fd: Int32) throws(FileSystemError) { try real.close(fd) }
    func link(_ from: String, _ to: String) throws(FileSystemError) { try real.link(from, to) }
    func unlink(_ path: String) throws(FileSystemError) {
        try record("unlink")
        try real.unlink(path)
    }
    func fsyncFolder(_ path: String) throws(FileSystemError) { try real.fsyncFolder(path) }
    func exists(_ path: String) -> Bool { real.exists(path) }
    func openReadOnly(_ path: String) throws(FileSystemError) -> Int32 { try real.openReadOnly(path) }
    func status(_ fd: Int32) throws(FileSystemError) -> FileStatus {
        try record("fstat")
        return try real.status(fd)
    }
    func status(atPath path: String) throws(FileSystemError) -> FileStatus {
        try record("lstat")
        return try real.status(atPath: path)
    }
    func read(_ fd: Int32, at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(FileSystemError) -> Int {
        try record("pread")
        return try real.read(fd, at: offset, into: buffer)
    }
    func removeFolder(_ path: String) throws(FileSystemError) {
        try record("rmdir")
        try real.removeFolder(path)
    }
}

@Suite struct UnchangedFileRemoverTests {
    let text = Array("---\ntemplate: daily\n---\n\n## Follow-through\n\nNothing overdue.\n".utf8)

    /// A journal folder with `entries/` already there, and an entry created in `entries/2026/11`
    /// the way `journal new` does it: missing folders made, file created and held.
    struct Created {
        let folder: TemporaryFolder
        let file: CreatedFile
        let folders: [CreatedFolder]
        var path: String { file.path }
    }

    func create(_ bytes: [UInt8]? = nil) throws -> Created {
        let folder = try TemporaryFolder()
        try folder.folder("entries")
        let folders = try SafeFileWriter.createMissingFolders("\(folder.path)/entries/2026/11")
        let path = "\(folder.path)/entries/2026/11/2026-11-23.md"
        let file = try #require(try SafeFileWriter().createAndHold(path, bytes: bytes ?? text))
        return Created(folder: folder, file: file, folders: folders)
    }

    /// Sets the file's modification time through a descriptor of its own, to the nanosecond.
    func setModified(_ path: String, seconds: Int, nanoseconds: Int) {
        let fd = open(path, O_WRONLY)
        defer { Glibc.close(fd) }
        var times = [
            timespec(tv_sec: seconds, tv_nsec: nanoseconds), timespec(tv_sec: seconds, tv_nsec: nanoseconds),
        ]
        #expect(futimens(fd, &times) == 0)
    }

    /// Overwrites bytes in place, keeping the file (same inode) and its size.
    func overwrite(_ path: String, _ replacement: [UInt8], at offset: Int) {
        let fd = open(path, O_WRONLY)
        defer { Glibc.close(fd) }
        #expect(pwrite(fd, replacement, replacement.count, off_t(offset)) == replacement.count)
    }

    // MARK: Removed

    @Test func anUnchangedFileIsRemovedWithTheFoldersMadeForIt() throws {
        let made = try create()
        let outcome = try UnchangedFileRemover().removeIfUnchanged(made.file, folders: made.folders)
        let base = made.folder.path
        #expect(outcome == .removed(folders: ["\(base)/entries/2026/11", "\(base)/entries/2026"]))
        #expect(made.folder.names(in: "entries").isEmpty)
        #expect(FileReader.exists("\(base)/entries"))
    }

    /// The read goes through the held descriptor from the start, whatever its offset, and the
    /// path is looked at last, just before the unlink.
    @Test func theBytesAreReadFromTheStartThroughTheHeldDescriptor() throws {
        let made = try create()
        lseek(made.file.descriptor, 5, SEEK_SET)
        let system = HookedFileSystem()
        #expect(
            try UnchangedFileRemover(fileSystem: system).removeIfUnchanged(made.file, folders: [])
                == .removed(folders: []))
        #expect(system.calls.withLock { $0 }.prefix(4) == ["fstat", "pread", "pread", "fstat"])
        #expect(system.calls.withLock { $0 }.suffix(2) == ["lstat", "unlink"])
    }

    // MARK: Kept

    /// Negative twin of the removal: the same size and the same mtime to the nanosecond, but
    /// one byte different.
    @Test func changedBytesWithTheSameSizeAndMtimeAreKept() throws {
        let made = try create()
        overwrite(made.path, Array("n".utf8), at: text.count - 17)
        setModified(
            made.path, seconds: made.file.status.modifiedSeconds, nanoseconds: made.file.status.modifiedNanoseconds)
        let now = try POSIXFileSystem().status(atPath: made.path)
        #expect(now.size == made.file.status.size && now.isUnchanged(since: made.file.status))
        #expect(try UnchangedFileRemover().removeIfUnchanged(made.file, folders: made.folders) == .kept(.changed))
        #expect(made.folder.read("entries/2026/11/2026-11-23.md")?.contains("Nothing overdue.") == false)
    }

    /// Negative twin: the bytes are as written, but the mtime moved (a save of the same text).
    @Test func onlyTheMtimeChangedIsKept() throws {
        let made = try create()
        setModified(
            made.path, seconds: made.file.status.modifiedSeconds,
            nanoseconds: (made.file.status.modifiedNanoseconds + 1) % 1_000_000_000)
        #expect(try UnchangedFileRemover().removeIfUnchanged(made.file, folders: made.folders) == .kept(.changed))
        #expect(made.folder.read("entries/2026/11/2026-11-23.md") == String(decoding: text, as: UTF8.self))
    }

    @Test func aFileThatGrewIsKept() throws {
        let made = try create()
        let fd = open(made.path, O_WRONLY | O_APPEND)
        _ = Glibc.write(fd, "x", 1)
        Glibc.close(fd)
        #expect(try UnchangedFileRemover().removeIfUnchanged(made.file, folders: made.folders) == .kept(.changed))
    }

    /// An editor that saves by writing a new file and renaming it over the old one: the path
    /// names another file, which is kept untouched even though its bytes are ours.
    @Test func aFileRenamedOverItIsKeptAndNotTouched() throws {
        let made = try create()
        try made.folder.write("entries/2026/11/.new", String(decoding: text, as: UTF8.self))
        #expect(rename("\(made.folder.path)/entries/2026/11/.new", made.path) == 0)
        let before = try POSIXFileSystem().status(atPath: made.path)
        #expect(try UnchangedFileRemover().removeIfUnchanged(made.file, folders: made.folders) == .kept(.replaced))
        #expect(try POSIXFileSystem().status(atPath: made.path) == before)
        #expect(made.folder.read("entries/2026/11/2026-11-23.md") == String(decoding: text, as: UTF8.self))
    }

    /// The path is checked right before the unlink: a file renamed over it after the bytes were
    /// read is still not removed.
    @Test func aFileRenamedOverItDuringTheCheckIsNotRemoved() throws {
        let made = try create()
        let path = made.path
        let other = "\(made.folder.path)/entries/2026/11/.other"
        try made.folder.write("entries/2026/11/.other", "theirs")
        let system = HookedFileSystem(before: ["lstat": { _ = rename(other, path) }])
        #expect(
            try UnchangedFileRemover(fileSystem: system).removeIfUnchanged(made.file, folders: made.folders)
                == .kept(.replaced))
        #expect(made.folder.read("entries/2026/11/2026-11-23.md") == "theirs")
        #expect(!system.calls.withLock { $0 }.contains("unlink"))
    }

    @Test func aSymlinkInItsPlaceIsKept() throws {
        let made = try create()
        #expect(unlink(made.path) == 0)
        try made.folder.symlink("entries/2026/11/2026-11-23.md", to: "/dev/null")
        #expect(try UnchangedFileRemover().removeIfUnchanged(made.file, folders: made.folders) == .kept(.replaced))
        #expect(FileReader.exists(made.path))
    }

    @Test func aFileWithASecondNameIsKept() throws {
        let made = try create()
        #expect(link(made.path, "\(made.folder.path)/entries/2026/11/copy.md") == 0)
        #expect(try UnchangedFileRemover().removeIfUnchanged(made.file, folders: made.folders) == .kept(.linked))
        #expect(FileReader.exists(made.path))
    }

    @Test func aFileAlreadyGoneIsReportedAsGone() throws {
        let made = try create()
        #expect(unlink(made.path) == 0)
        #expect(try UnchangedFileRemover().removeIfUnchanged(made.file, folders: made.folders) == .kept(.gone))
        // Its folders stay: only the removal of the file itself removes them.
        #expect(FileReader.exists("\(made.folder.path)/entries/2026/11"))
    }

    @Test func anUnlinkThatFailsIsAnErrorAndTheFileStays() throws {
        let made = try create()
        let system = HookedFileSystem(failing: ["unlink": EACCES])
        #expect(throws: RemovalError.cannotRemove(made.path, JournalError.reason(EACCES))) {
            try UnchangedFileRemover(fileSystem: system).removeIfUnchanged(made.file, folders: made.folders)
        }
        #expect(FileReader.exists(made.path))
    }

    // MARK: Folders

    /// Folders that were there before this run are never removed, even when left empty.
    @Test func foldersThatExistedAreNotRemoved() throws {
        let folder = try TemporaryFolder()
        try folder.folder("entries/2026/11")
        let folders = try SafeFileWriter.createMissingFolders("\(folder.path)/entries/2026/11")
        #expect(folders.isEmpty)
        let file = try #require(
            try SafeFileWriter().createAndHold("\(folder.path)/entries/2026/11/2026-11-23.md", bytes: text))
        #expect(try UnchangedFileRemover().removeIfUnchanged(file, folders: folders) == .removed(folders: []))
        #expect(FileReader.exists("\(folder.path)/entries/2026/11"))
        #expect(folder.names(in: "entries/2026/11").isEmpty)
    }

    /// Made by this run but not empty now (another entry landed there): kept, and so is its parent.
    @Test func createdFoldersThatAreNoLongerEmptyAreKept() throws {
        let made = try create()
        try made.folder.write("entries/2026/11/2026-11-24.md", "someone else's")
        #expect(try UnchangedFileRemover().removeIfUnchanged(made.file, folders: made.folders) == .removed(folders: []))
        #expect(made.folder.names(in: "entries/2026/11") == ["2026-11-24.md"])
    }

    /// Only the month was new: it goes, the year that was there stays.
    @Test func onlyTheFoldersThisRunMadeAreRemoved() throws {
        let folder = try TemporaryFolder()
        try folder.folder("entries/2026")
        let folders = try SafeFileWriter.createMissingFolders("\(folder.path)/entries/2026/12")
        let file = try #require(
            try SafeFileWriter().createAndHold("\(folder.path)/entries/2026/12/2026-12-01.md", bytes: text))
        #expect(
            try UnchangedFileRemover().removeIfUnchanged(file, folders: folders)
                == .removed(folders: ["\(folder.path)/entries/2026/12"]))
        #expect(FileReader.exists("\(folder.path)/entries/2026"))
    }

    /// A folder replaced by another empty folder of the same name is not ours, so it stays.
    @Test func aFolderReplacedByAnotherIsNotRemoved() throws {
        let made = try create()
        let month = "\(made.folder.path)/entries/2026/11"
        #expect(try UnchangedFileRemover().removeIfUnchanged(made.file, folders: []) == .removed(folders: []))
        // Made while the first still exists, so it cannot get the same inode number.
        try made.folder.write("entries/2026/11-keep/x", "")
        #expect(rmdir(month) == 0)
        #expect(rename("\(made.folder.path)/entries/2026/11-keep", month) == 0)
        try FileManager.default.removeItem(atPath: "\(month)/x")
        #expect(UnchangedFileRemover().removeEmptyFolders(made.folders) == [])
        #expect(FileReader.exists(month))
    }
}
