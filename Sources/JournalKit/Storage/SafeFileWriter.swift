#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few system calls `SafeFileWriter` and `UnchangedFileRemover` need, so tests can make any
/// one of them fail.
///
/// Each throws the `errno` of the C call it wraps, so a fake only has to say which call fails
/// and with what code.
public protocol FileSystem: Sendable {
    /// Creates and opens a new file that did not exist (`O_CREAT | O_EXCL`), with `mode` before the umask.
    func createExclusive(_ path: String, mode: mode_t) throws(FileSystemError) -> Int32
    /// Writes some of `bytes`; returns how many were written, which may be fewer.
    func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(FileSystemError) -> Int
    func fsync(_ fd: Int32) throws(FileSystemError)
    func close(_ fd: Int32) throws(FileSystemError)
    /// A new name for an existing file; fails with `EEXIST` rather than replace anything.
    func link(_ from: String, _ to: String) throws(FileSystemError)
    func unlink(_ path: String) throws(FileSystemError)
    /// Makes a folder's entries durable (open it read-only, fsync, close).
    func fsyncFolder(_ path: String) throws(FileSystemError)
    func exists(_ path: String) -> Bool
    /// Opens an existing file read-only, refusing a symlink (`O_NOFOLLOW`).
    func openReadOnly(_ path: String) throws(FileSystemError) -> Int32
    /// `fstat`: the file a descriptor holds, whatever its name is now.
    func status(_ fd: Int32) throws(FileSystemError) -> FileStatus
    /// `lstat`: what a path names now; a symlink is itself, not its target.
    func status(atPath path: String) throws(FileSystemError) -> FileStatus
    /// `pread`: up to `buffer.count` bytes from `offset`; 0 at the end of the file.
    func read(_ fd: Int32, at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(FileSystemError) -> Int
    /// `rmdir`: removes a folder only if it is empty.
    func removeFolder(_ path: String) throws(FileSystemError)
}

/// What `fstat` or `lstat` says about a file, reduced to what telling files apart needs.
public struct FileStatus: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case file, folder, other
    }

    public var device: UInt64
    public var inode: UInt64
    public var kind: Kind
    /// How many names the file has.
    public var links: Int
    public var size: Int
    /// The modification time: seconds since the epoch, and nanoseconds within the second.
    public var modifiedSeconds: Int
    public var modifiedNanoseconds: Int

    public init(
        device: UInt64, inode: UInt64, kind: Kind, links: Int, size: Int, modifiedSeconds: Int,
        modifiedNanoseconds: Int
    ) {
        self.device = device
        self.inode = inode
        self.kind = kind
        self.links = links
        self.size = size
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
    }

    init(_ info: stat) {
        let type = info.st_mode & S_IFMT
        self.init(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino),
            kind: type == S_IFREG ? .file : type == S_IFDIR ? .folder : .other, links: Int(info.st_nlink),
            size: Int(info.st_size), modifiedSeconds: Int(info.st_mtim.tv_sec),
            modifiedNanoseconds: Int(info.st_mtim.tv_nsec))
    }

    /// The same device and inode: the same file, whatever its name or content now.
    public func isSameFile(as other: FileStatus) -> Bool { device == other.device && inode == other.inode }

    /// The same file, with the same size and modification time to the nanosecond.
    public func isUnchanged(since other: FileStatus) -> Bool {
        isSameFile(as: other) && size == other.size && modifiedSeconds == other.modifiedSeconds
            && modifiedNanoseconds == other.modifiedNanoseconds
    }
}

/// A failed system call: which one, and the `errno` it left.
public struct FileSystemError: Error, Equatable, Sendable {
    public var call: String
    public var code: Int32

    public init(_ call: String, _ code: Int32) {
        self.call = call
        self.code = code
    }

    public var reason: String { JournalError.reason(code) }
}

/// The real file system, through POSIX calls.
public struct POSIXFileSystem: FileSystem {
    public init() {}

    public func createExclusive(_ path: String, mode: mode_t) throws(FileSystemError) -> Int32 {
        while true {
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
            if fd >= 0 { return fd }
            if errno != EINTR { throw FileSystemError("open", errno) }
        }
    }

    public func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(FileSystemError) -> Int {
        while true {
            let written = Glibc.write(fd, bytes.baseAddress, bytes.count)
            if written >= 0 { return written }
            if errno != EINTR { throw FileSystemError("write", errno) }
        }
    }

    public func fsync(_ fd: Int32) throws(FileSystemError) {
        if Glibc.fsync(fd) != 0 { throw FileSystemError("fsync", errno) }
    }

    public func close(_ fd: Int32) throws(FileSystemError) {
        // After EINTR the descriptor is already gone on Linux; retrying could close another file.
        if Glibc.close(fd) != 0, errno != EINTR { throw FileSystemError("close", errno) }
    }

    public func link(_ from: String, _ to: String) throws(FileSystemError) {
        if Glibc.link(from, to) != 0 { throw FileSystemError("link", errno) }
    }

    public func unlink(_ path: String) throws(FileSystemError) {
        if Glibc.unlink(path) != 0 { throw FileSystemError("unlink", errno) }
    }

    public func fsyncFolder(_ path: String) throws(FileSystemError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystemError("open", errno) }
        defer { _ = Glibc.close(fd) }
        // Some file systems cannot sync a folder; that is no reason to fail a write that happened.
        if Glibc.fsync(fd) != 0, errno != EINVAL, errno != EROFS { throw FileSystemError("fsync", errno) }
    }

    public func exists(_ path: String) -> Bool { FileReader.exists(path) }

    public func openReadOnly(_ path: String) throws(FileSystemError) -> Int32 {
        while true {
            let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            if fd >= 0 { return fd }
            if errno != EINTR { throw FileSystemError("open", errno) }
        }
    }

    public func status(_ fd: Int32) throws(FileSystemError) -> FileStatus {
        var info = stat()
        if fstat(fd, &info) != 0 { throw FileSystemError("fstat", errno) }
        return FileStatus(info)
    }

    public func status(atPath path: String) throws(FileSystemError) -> FileStatus {
        var info = stat()
        if lstat(path, &info) != 0 { throw FileSystemError("lstat", errno) }
        return FileStatus(info)
    }

    public func read(_ fd: Int32, at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(FileSystemError)
        -> Int
    {
        while true {
            let got = pread(fd, buffer.baseAddress, buffer.count, off_t(offset))
            if got >= 0 { return got }
            if errno != EINTR { throw FileSystemError("pread", errno) }
        }
    }

    public func removeFolder(_ path: String) throws(FileSystemError) {
        if rmdir(path) != 0 { throw FileSystemError("rmdir", errno) }
    }
}

/// A file `SafeFileWriter` has just created, held open read-only from that moment, with the
/// bytes written and its status right after. Later checks read through the descriptor, so
/// they look at the very file that was created whatever has happened to its name since.
/// The descriptor is closed when this is released.
public final class CreatedFile: Sendable {
    /// The path it was created at.
    public let path: String
    public let bytes: [UInt8]
    /// Its status once complete and in place.
    public let status: FileStatus
    let held: HeldDescriptor

    init(path: String, bytes: [UInt8], status: FileStatus, held: HeldDescriptor) {
        self.path = path
        self.bytes = bytes
        self.status = status
        self.held = held
    }

    public var descriptor: Int32 { held.fd }
}

/// A descriptor closed when the last reference goes, so every early exit closes it.
final class HeldDescriptor: Sendable {
    let fd: Int32
    let fileSystem: any FileSystem

    init(_ fd: Int32, _ fileSystem: any FileSystem) {
        self.fd = fd
        self.fileSystem = fileSystem
    }

    deinit { try? fileSystem.close(fd) }
}

/// A folder `SafeFileWriter.createMissingFolders` made, with its status just after, so it is
/// removed again only while it is still that folder.
public struct CreatedFolder: Hashable, Sendable {
    public var path: String
    public var status: FileStatus

    public init(path: String, status: FileStatus) {
        self.path = path
        self.status = status
    }
}

/// Creates a file only if nothing is there, and only once its bytes are on disk.
///
/// The text goes to a temporary file in the same folder, which is synced, then given the final
/// name with `link()`, which never replaces an existing file, then unlinked; finally the folder
/// is synced. A reader never sees a half-written file, two writers racing for one name produce
/// one file, and any failure leaves neither the file nor the temporary behind.
///
/// `createAndHold` also keeps the new file open read-only and returns it, so that the caller
/// can later tell, through that descriptor, whether anyone has changed it.
public struct SafeFileWriter: Sendable {
    /// What `create` did.
    public enum Outcome: Equatable, Sendable {
        case created
        /// Something already had that name; it was left exactly as it was.
        case existed
    }

    public var fileSystem: any FileSystem

    public init(fileSystem: any FileSystem = POSIXFileSystem()) { self.fileSystem = fileSystem }

    /// Writes `bytes` to a new file at `path`, or does nothing if `path` exists.
    /// The folder must exist. Permissions are 0666 less the umask, like any editor's new file.
    public func create(_ path: String, bytes: [UInt8]) throws(JournalError) -> Outcome {
        try createAndHold(path, bytes: bytes) == nil ? .existed : .created
    }

    /// Like `create`, and hands back the new file held open read-only; nil when `path` existed,
    /// which is then left exactly as it was.
    public func createAndHold(_ path: String, bytes: [UInt8]) throws(JournalError) -> CreatedFile? {
        // Ctrl-C exits at once (status 130); hold it until the temporary file is gone, so an
        // interrupt leaves either no new file or a complete one, never a stray temporary.
        try Self.holdingSignals { () throws(JournalError) in try createBlockingNothing(path, bytes: bytes) }
    }

    /// Runs `body` with SIGINT, SIGTERM, SIGHUP and SIGQUIT held off; they arrive after it.
    static func holdingSignals<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        var blocked = sigset_t()
        var previous = sigset_t()
        sigemptyset(&blocked)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&blocked, signal) }
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return try body()
    }

    func createBlockingNothing(_ path: String, bytes: [UInt8]) throws(JournalError) -> CreatedFile? {
        if fileSystem.exists(path) { return nil }
        let folder = Self.folder(of: path)
        let (temporary, fd) = try openTemporary(beside: path)
        var cleanedUp = false
        func discard() {
            if !cleanedUp {
                try? fileSystem.unlink(temporary)
                cleanedUp = true
            }
        }
        let reader: HeldDescriptor
        do {
            try writeAll(fd, bytes)
            try fileSystem.fsync(fd)
            reader = try hold(temporary, writtenThrough: fd)
        } catch {
            try? fileSystem.close(fd)
            discard()
            throw .cannotCreate(path, error.reason)
        }
        do {
            try fileSystem.close(fd)
        } catch {
            discard()
            throw .cannotCreate(path, error.reason)
        }
        do {
            try fileSystem.link(temporary, path)
        } catch {
            discard()
            if error.code == EEXIST { return nil }
            // Some file systems (FAT, exFAT, some network shares) have no hard links.
            guard [EPERM, ENOTSUP, EOPNOTSUPP, ENOSYS, EMLINK].contains(error.code) else {
                throw .cannotCreate(path, error.reason)
            }
            return try createInPlace(path, bytes: bytes)
        }
        do {
            try fileSystem.unlink(temporary)
            cleanedUp = true
        } catch {
            // The new file is complete, but we promise never to leave a temporary behind.
            throw .cannotCreate(path, "created, but could not remove \(temporary): \(error.reason)")
        }
        do {
            try fileSystem.fsyncFolder(folder)
        } catch {
            // The file exists with its full content; only its durability across a crash is in doubt.
            throw .cannotCreate(path, "created, but the folder could not be synced: \(error.reason)")
        }
        return try created(path, bytes: bytes, reader: reader)
    }

    /// Opens `path` read-only and checks it is the file `fd` wrote: the same device and inode.
    func hold(_ path: String, writtenThrough fd: Int32) throws(FileSystemError) -> HeldDescriptor {
        let reader = HeldDescriptor(try fileSystem.openReadOnly(path), fileSystem)
        // Only someone renaming another file over ours between the two opens could fail this.
        guard try fileSystem.status(reader.fd).isSameFile(as: fileSystem.status(fd)) else {
            throw FileSystemError("open", ESTALE)
        }
        return reader
    }

    /// The file in place, with its status now that it has its one final name.
    func created(_ path: String, bytes: [UInt8], reader: HeldDescriptor) throws(JournalError) -> CreatedFile {
        do {
            return CreatedFile(path: path, bytes: bytes, status: try fileSystem.status(reader.fd), held: reader)
        } catch {
            throw .cannotCreate(path, "created, but could not be checked: \(error.reason)")
        }
    }

    /// The fallback without hard links: create the final name exclusively and write it there.
    /// Still never replaces anything; a crash mid-write could leave a short file, so it is the
    /// second choice.
    func createInPlace(_ path: String, bytes: [UInt8]) throws(JournalError) -> CreatedFile? {
        let fd: Int32
        do {
            fd = try fileSystem.createExclusive(path, mode: 0o666)
        } catch {
            if error.code == EEXIST { return nil }
            throw .cannotCreate(path, error.reason)
        }
        let reader: HeldDescriptor
        do {
            try writeAll(fd, bytes)
            try fileSystem.fsync(fd)
        } catch {
            try? fileSystem.close(fd)
            try? fileSystem.unlink(path)
            throw .cannotCreate(path, error.reason)
        }
        do {
            reader = try hold(path, writtenThrough: fd)
        } catch {
            // The name may no longer be ours, so it is left alone.
            try? fileSystem.close(fd)
            throw .cannotCreate(path, error.reason)
        }
        do {
            try fileSystem.close(fd)
        } catch {
            try? fileSystem.unlink(path)
            throw .cannotCreate(path, error.reason)
        }
        try? fileSystem.fsyncFolder(Self.folder(of: path))
        return try created(path, bytes: bytes, reader: reader)
    }

    func openTemporary(beside path: String) throws(JournalError) -> (String, Int32) {
        let folder = Self.folder(of: path)
        let name = path.split(separator: "/").last.map(String.init) ?? "entry"
        var lastError = FileSystemError("open", EEXIST)
        for attempt in 0..<100 {
            let temporary = "\(folder)/.\(name).\(getpid()).\(attempt).tmp"
            do {
                return (temporary, try fileSystem.createExclusive(temporary, mode: 0o666))
            } catch {
                lastError = error
                if error.code != EEXIST { break }
            }
        }
        throw .cannotCreate(path, lastError.reason)
    }

    func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws(FileSystemError) {
        var offset = 0
        while offset < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                Result { () throws(FileSystemError) -> Int in
                    try fileSystem.write(fd, UnsafeRawBufferPointer(rebasing: buffer[offset...]))
                }
            }
            let written = try result.get()
            // A write that makes no progress would loop for ever; treat it as a full disk.
            if written <= 0 { throw FileSystemError("write", ENOSPC) }
            offset += written
        }
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

extension SafeFileWriter {
    /// Creates `path` and any missing parents (like `mkdir -p`), with 0777 less the umask.
    /// Returns whether the last folder was created by this call.
    @discardableResult
    public static func createFolders(_ path: String) throws(JournalError) -> Bool {
        try makeFolders(path).createdLast
    }

    /// Creates `path` and any missing parents like `createFolders`, and returns the folders this
    /// call made, outermost first, so they can be removed again while still empty.
    public static func createMissingFolders(_ path: String) throws(JournalError) -> [CreatedFolder] {
        try makeFolders(path).created
    }

    static func makeFolders(_ path: String) throws(JournalError) -> (created: [CreatedFolder], createdLast: Bool) {
        let system = POSIXFileSystem()
        var current = path.hasPrefix("/") ? "" : "."
        var created: [CreatedFolder] = []
        var createdLast = false
        for part in path.split(separator: "/") {
            current += "/\(part)"
            if mkdir(current, 0o777) == 0 {
                // A new folder is durable only once its parent's entry for it is on disk.
                try? system.fsyncFolder(folder(of: current))
                // Without its status a folder is never removed again, which is the safe side.
                if let status = try? system.status(atPath: current) {
                    created.append(CreatedFolder(path: current, status: status))
                }
                createdLast = true
                continue
            }
            guard errno == EEXIST else { throw .cannotCreate(current, JournalError.reason(errno)) }
            var info = stat()
            guard stat(current, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                throw .cannotCreate(path, "\(current) exists and is not a folder")
            }
            createdLast = false
        }
        return (created, createdLast)
    }
}
