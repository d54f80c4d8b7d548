import Foundation
import Glibc
import Synchronization
import Testing

@testable import JournalKit

/// The real file system, except that one named call fails (or writes short) as told.
final class FaultyFileSystem: FileSystem {
    enum Fault: Sendable {
        case fail(call: String, code: Int32)
        /// Every write takes at most this many bytes, to exercise the retry loop.
        case shortWrites(Int)
        /// Writes report no progress at all.
        case stuckWrite
    }

    let real = POSIXFileSystem()
    let fault: Fault
    let calls = Mutex<[String]>([])

    init(_ fault: Fault) { self.fault = fault }

    func record(_ call: String) throws(FileSystemError) {
        calls.withLock { $0.append(call) }
        if case .fail(let failing, let code) = fault, failing == call { throw FileSystemError(call, code) }
    }

    func createExclusive(_ path: String, mode: mode_t) throws(FileSystemError) -> Int32 {
        try record("open")
        return try real.createExclusive(path, mode: mode)
    }

    func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(FileSystemError) -> Int {
        try record("write")
        switch fault {
        case .shortWrites(let limit):
            return try real.write(fd, UnsafeRawBufferPointer(rebasing: bytes.prefix(limit)))
        case .stuckWrite:
            return 0
        case .fail:
            return try real.write(fd, bytes)
        }
    }

    func fsync(_ fd: Int32) throws(FileSystemError) {
        try record("fsync")
        try real.fsync(fd)
    }

    func close(_ fd: Int32) throws(FileSystemError) {
        // The descriptor is closed even when the call "fails", as with the real EIO.
        try real.close(fd)
        try record("close")
    }

    func link(_ from: String, _ to: String) throws(FileSystemError) {
        try record("link")
        try real.link(from, to)
    }

    func unlink(_ path: String) throws(FileSystemError) {
        try record("unlink")
        try real.unlink(path)
    }

    func fsyncFolder(_ path: String) throws(FileSystemError) {
        try record("fsyncFolder")
        try real.fsyncFolder(path)
    }

    func exists(_ path: String) -> Bool { real.exists(path) }

    func openReadOnly(_ path: String) throws(FileSystemError) -> Int32 {
        try record("openReadOnly")
        return try real.openReadOnly(path)
    }

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
        if case .shortWrites(let limit) = fault {
            return try real.read(fd, at: offset, into: UnsafeMutableRawBufferPointer(rebasing: buffer.prefix(limit)))
        }
        return try real.read(fd, at: offset, into: buffer)
    }

    func removeFolder(_ path: String) throws(FileSystemError) {
        try record("rmdir")
        try real.removeFolder(path)
    }
}

@Suite struct SafeFileWriterTests {
    let text = Array("# A new entry\n\n- [ ] Call @ana #commit\n".utf8)

    @Test func createsTheFileWithItsBytesAndNothingElse() throws {
        let folder = try TemporaryFolder()
        let path = "\(folder.path)/entry.md"
        #expect(try SafeFileWriter().create(path, bytes: text) == .created)
        #expect(folder.read("entry.md") == String(decoding: text, as: UTF8.self))
        #expect(folder.names() == ["entry.md"])
    }

    @Test func permissionsFollowTheUmask() throws {
        let folder = try TemporaryFolder()
        let previous = umask(0o027)
        defer { umask(previous) }
        let path = "\(folder.path)/entry.md"
        _ = try SafeFileWriter().create(path, bytes: text)
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o640)
    }

    @Test func anExistingFileIsLeftByteForByte() throws {
        let folder = try TemporaryFolder()
        let original = "mine, edited by hand\r\nwith odd endings \u{0}\n"
        try folder.write("entry.md", original)
        let before = try FileManager.default.attributesOfItem(atPath: "\(folder.path)/entry.md")
        #expect(try SafeFileWriter().create("\(folder.path)/entry.md", bytes: text) == .existed)
        #expect(folder.read("entry.md") == original)
        let after = try FileManager.default.attributesOfItem(atPath: "\(folder.path)/entry.md")
        #expect(before[.modificationDate] as? Date == after[.modificationDate] as? Date)
        #expect(folder.names() == ["entry.md"])
    }

    @Test func aDanglingSymlinkCountsAsExisting() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createSymbolicLink(
            atPath: "\(folder.path)/entry.md", withDestinationPath: "\(folder.path)/elsewhere.md")
        #expect(try SafeFileWriter().create("\(folder.path)/entry.md", bytes: text) == .existed)
        #expect(!FileManager.default.fileExists(atPath: "\(folder.path)/elsewhere.md"))
    }

    /// Someone else creates the file between our check and our link: theirs stays, ours is gone.
    @Test func losingTheRaceAtLinkKeepsTheWinner() throws {
        let folder = try TemporaryFolder()
        let path = "\(folder.path)/entry.md"
        final class RacingFileSystem: FileSystem {
            let real = POSIXFileSystem()
            let path: String
            init(path: String) { self.path = path }
            func createExclusive(_ p: String, mode: mode_t) throws(FileSystemError) -> Int32 {
                try real.createExclusive(p, mode: mode)
            }
            func write(_ fd: Int32, _ b: UnsafeRawBufferPointer) throws(FileSystemError) -> Int {
                try real.write(fd, b)
            }
            func fsync(_ fd: Int32) throws(FileSystemError) { try real.fsync(fd) }
            func close(_ fd: Int32) throws(FileSystemError) { try real.close(fd) }
            func link(_ from: String, _ to: String) throws(FileSystemError) {
                let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
                _ = Glibc.write(fd, "winner", 6)
                Glibc.close(fd)
                try real.link(from, to)
            }
            func unlink(_ p: String) throws(FileSystemError) { try real.unlink(p) }
            func fsyncFolder(_ p: String) throws(FileSystemError) { try real.fsyncFolder(p) }
            func exists(_ p: String) -> Bool { real.exists(p) }
            func openReadOnly(_ p: String) throws(FileSystemError) -> Int32 { try real.openReadOnly(p) }
            func status(_ fd: Int32) throws(FileSystemError) -> FileStatus { try real.status(fd) }
            func status(atPath p: String) throws(FileSystemError) -> FileStatus { try real.status(atPath: p) }
            func read(_ fd: Int32, at o: Int, into b: UnsafeMutableRawBufferPointer) throws(FileSystemError) -> Int {
                try real.read(fd, at: o, into: b)
            }
            func removeFolder(_ p: String) throws(FileSystemError) { try real.removeFolder(p) }
        }
        #expect(try SafeFileWriter(fileSystem: RacingFileSystem(path: path)).create(path, bytes: text) == .existed)
        #expect(folder.read("entry.md") == "winner")
        #expect(folder.names() == ["entry.md"])
    }

    @Test func manyWritersAtOnceMakeOneFile() async throws {
        let folder = try TemporaryFolder()
        let path = "\(folder.path)/entry.md"
        let outcomes = await withTaskGroup(of: SafeFileWriter.Outcome?.self) { group in
            for index in 0..<16 {
                group.addTask { try? SafeFileWriter().create(path, bytes: Array("writer \(index)\n".utf8)) }
            }
            var results: [SafeFileWriter.Outcome?] = []
            for await outcome in group { results.append(outcome) }
            return results
        }
        #expect(outcomes.count { $0 == .created } == 1)
        #expect(outcomes.count { $0 == .existed } == 15)
        #expect(folder.read("entry.md")?.hasPrefix("writer ") == true)
        #expect(folder.names() == ["entry.md"])
    }

    @Test func shortWritesStillWriteEverything() throws {
        let folder = try TemporaryFolder()
        let system = FaultyFileSystem(.shortWrites(5))
        #expect(try SafeFileWriter(fileSystem: system).create("\(folder.path)/entry.md", bytes: text) == .created)
        #expect(folder.read("entry.md") == String(decoding: text, as: UTF8.self))
        #expect(system.calls.withLock { $0.count { $0 == "write" } } == (text.count + 4) / 5)
    }

    @Test(arguments: [
        FaultyFileSystem.Fault.fail(call: "write", code: ENOSPC), .fail(call: "fsync", code: EIO),
        .fail(call: "close", code: EIO), .fail(call: "link", code: EIO), .fail(call: "open", code: EACCES),
        .stuckWrite,
    ])
    func aFailureLeavesNoFileAndNoTemporary(_ fault: FaultyFileSystem.Fault) throws {
        let folder = try TemporaryFolder()
        let path = "\(folder.path)/entry.md"
        #expect(throws: JournalError.self) {
            try SafeFileWriter(fileSystem: FaultyFileSystem(fault)).create(path, bytes: text)
        }
        #expect(folder.names().isEmpty)
    }

    @Test func diskFullIsReportedWithThePath() throws {
        let folder = try TemporaryFolder()
        let path = "\(folder.path)/entry.md"
        #expect(throws: JournalError.cannotCreate(path, JournalError.reason(ENOSPC))) {
            try SafeFileWriter(fileSystem: FaultyFileSystem(.fail(call: "write", code: ENOSPC))).create(
                path, bytes: text)
        }
    }

    /// The new file is complete, but a temporary that cannot be removed is reported, not hidden.
    @Test func aTemporaryThatCannotBeRemovedIsReported() throws {
        let folder = try TemporaryFolder()
        let path = "\(folder.path)/entry.md"
        #expect {
            try SafeFileWriter(fileSystem: FaultyFileSystem(.fail(call: "unlink", code: EIO))).create(path, bytes: text)
        } throws: { error in
            "\(error)".contains("could not remove") && "\(error)".contains(".entry.md.")
        }
        #expect(folder.names().contains("entry.md"))
    }

    @Test func newFoldersAreCreatedWithTheirParents() throws {
        let folder = try TemporaryFolder()
        #expect(try SafeFileWriter.createFolders("\(folder.path)/entries/2026/11"))
        #expect(try SafeFileWriter.createFolders("\(folder.path)/entries/2026/11") == false)
        #expect(FileReader.exists("\(folder.path)/entries/2026/11"))
    }

    @Test func linkFindingTheNameTakenIsNotAnError() throws {
        let folder = try TemporaryFolder()
        let path = "\(folder.path)/entry.md"
        let system = FaultyFileSystem(.fail(call: "link", code: EEXIST))
        #expect(try SafeFileWriter(fileSystem: system).create(path, bytes: text) == .existed)
        #expect(folder.names().isEmpty)
    }

    @Test func theBytesAreSyncedBeforeTheNameAppearsAndTheFolderAfter() throws {
        let folder = try TemporaryFolder()
        let system = FaultyFileSystem(.shortWrites(1 << 20))
        _ = try SafeFileWriter(fileSystem: system).create("\(folder.path)/entry.md", bytes: text)
        // The read-only descriptor is opened on the temporary before its name appears, checked
        // to be the file written, and its status taken once the file has its one final name.
        #expect(
            system.calls.withLock { $0 } == [
                "open", "write", "fsync", "openReadOnly", "fstat", "fstat", "close", "link", "unlink", "fsyncFolder",
                "fstat", "close",
            ])
    }

    // MARK: The created file, held open

    @Test func createAndHoldHandsBackTheFileItCreated() throws {
        let folder = try TemporaryFolder()
        let path = "\(folder.path)/entry.md"
        let file = try #require(try SafeFileWriter().createAndHold(path, bytes: text))
        #expect(file.path == path)
        #expect(file.bytes == text)
        let named = try POSIXFileSystem().status(atPath: path)
        #expect(file.status == named)
        #expect(file.status.kind == .file && file.status.links == 1 && file.status.size == text.count)
        #expect(fcntl(file.descriptor, F_GETFL) & O_ACCMODE == O_RDONLY)
        var buffer = [UInt8](repeating: 0, count: text.count)
        #expect(pread(file.descriptor, &buffer, buffer.count, 0) == text.count)
        #expect(buffer == text)
        #expect(folder.names() == ["entry.md"])
    }

    @Test func createAndHoldGivesNothingForAnExistingFile() throws {
        let folder = try TemporaryFolder()
        try folder.write("entry.md", "theirs")
        #expect(try SafeFileWriter().createAndHold("\(folder.path)/entry.md", bytes: text) == nil)
        #expect(folder.read("entry.md") == "theirs")
    }

    /// The descriptor lives as long as the `CreatedFile`, and no longer.
    @Test func theHeldDescriptorIsClosedWithTheFile() throws {
        let folder = try TemporaryFolder()
        var file = try SafeFileWriter().createAndHold("\(folder.path)/entry.md", bytes: text)
        let fd = try #require(file?.descriptor)
        #expect(fcntl(fd, F_GETFD) != -1)
        file = nil
        #expect(fcntl(fd, F_GETFD) == -1)
    }

    @Test func withoutHardLinksTheFileIsStillHeld() throws {
        let folder = try TemporaryFolder()
        let path = "\(folder.path)/entry.md"
        let system = FaultyFileSystem(.fail(call: "link", code: EPERM))
        let file = try #require(try SafeFileWriter(fileSystem: system).createAndHold(path, bytes: text))
        #expect(file.status == (try POSIXFileSystem().status(atPath: path)))
        #expect(folder.names() == ["entry.md"])
    }

    @Test func aFailureToOpenTheReadOnlyDescriptorLeavesNothing() throws {
        let folder = try TemporaryFolder()
        #expect(throws: JournalError.self) {
            try SafeFileWriter(fileSystem: FaultyFileSystem(.fail(call: "openReadOnly", code: EMFILE))).createAndHold(
                "\(folder.path)/entry.md", bytes: text)
        }
        #expect(folder.names().isEmpty)
    }

    /// Without hard links (exFAT, some shares) the file is created in place, still exclusively.
    @Test func withoutHardLinksTheFileIsCreatedInPlace() throws {
        let folder = try TemporaryFolder()
        let path = "\(folder.path)/entry.md"
        let system = FaultyFileSystem(.fail(call: "link", code: EPERM))
        #expect(try SafeFileWriter(fileSystem: system).create(path, bytes: text) == .created)
        #expect(folder.read("entry.md") == String(decoding: text, as: UTF8.self))
        #expect(folder.names() == ["entry.md"])
        try folder.write("other.md", "theirs")
        #expect(
            try SafeFileWriter(fileSystem: system).createInPlace("\(folder.path)/other.md", bytes: text) == nil)
        #expect(folder.read("other.md") == "theirs")
    }

    @Test func createMissingFoldersReturnsOnlyTheFoldersItMade() throws {
        let folder = try TemporaryFolder()
        try folder.folder("entries")
        let made = try SafeFileWriter.createMissingFolders("\(folder.path)/entries/2026/11")
        #expect(made.map(\.path) == ["\(folder.path)/entries/2026", "\(folder.path)/entries/2026/11"])
        #expect(made.allSatisfy { $0.status.kind == .folder })
        #expect(made.last?.status == (try POSIXFileSystem().status(atPath: "\(folder.path)/entries/2026/11")))
        #expect(try SafeFileWriter.createMissingFolders("\(folder.path)/entries/2026/11").isEmpty)
        #expect(
            try SafeFileWriter.createMissingFolders("\(folder.path)/entries/2026/12").map(\.path) == [
                "\(folder.path)/entries/2026/12"
            ])
    }

    @Test func createFoldersMakesParentsAndAcceptsExistingOnes() throws {
        let folder = try TemporaryFolder()
        #expect(try SafeFileWriter.createFolders("\(folder.path)/a/b/c"))
        #expect(try !SafeFileWriter.createFolders("\(folder.path)/a/b/c"))
        try folder.write("file", "x")
        #expect(throws: JournalError.self) { try SafeFileWriter.createFolders("\(folder.path)/file/d") }
    }
}
