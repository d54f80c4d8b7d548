#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few system calls `SafeFileWriter` needs, so tests can make any one of them fail.
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
}

/// Creates a file only if nothing is there, and only once its bytes are on disk.
///
/// The text goes to a temporary file in the same folder, which is synced, then given the final
/// name with `link()`, which never replaces an existing file, then unlinked; finally the folder
/// is synced. A reader never sees a half-written file, two writers racing for one name produce
/// one file, and any failure leaves neither the file nor the temporary behind.
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
        // Ctrl-C exits at once (status 130); hold it until the temporary file is gone, so an
        // interrupt leaves either no new file or a complete one, never a stray temporary.
        var blocked = sigset_t()
        var previous = sigset_t()
        sigemptyset(&blocked)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&blocked, signal) }
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return try createBlockingNothing(path, bytes: bytes)
    }

    func createBlockingNothing(_ path: String, bytes: [UInt8]) throws(JournalError) -> Outcome {
        if fileSystem.exists(path) { return .existed }
        let folder = Self.folder(of: path)
        let (temporary, fd) = try openTemporary(beside: path)
        var cleanedUp = false
        func discard() {
            if !cleanedUp {
                try? fileSystem.unlink(temporary)
                cleanedUp = true
            }
        }
        do {
            try writeAll(fd, bytes)
            try fileSystem.fsync(fd)
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
            if error.code == EEXIST { return .existed }
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
        return .created
    }

    /// The fallback without hard links: create the final name exclusively and write it there.
    /// Still never replaces anything; a crash mid-write could leave a short file, so it is the
    /// second choice.
    func createInPlace(_ path: String, bytes: [UInt8]) throws(JournalError) -> Outcome {
        let fd: Int32
        do {
            fd = try fileSystem.createExclusive(path, mode: 0o666)
        } catch {
            if error.code == EEXIST { return .existed }
            throw .cannotCreate(path, error.reason)
        }
        do {
            try writeAll(fd, bytes)
            try fileSystem.fsync(fd)
            try fileSystem.close(fd)
        } catch {
            try? fileSystem.close(fd)
            try? fileSystem.unlink(path)
            throw .cannotCreate(path, error.reason)
        }
        try? fileSystem.fsyncFolder(Self.folder(of: path))
        return .created
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
        var current = path.hasPrefix("/") ? "" : "."
        var createdLast = false
        for part in path.split(separator: "/") {
            current += "/\(part)"
            if mkdir(current, 0o777) == 0 {
                // A new folder is durable only once its parent's entry for it is on disk.
                try? POSIXFileSystem().fsyncFolder(folder(of: current))
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
        return createdLast
    }
}
