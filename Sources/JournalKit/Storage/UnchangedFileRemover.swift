#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Removes a file this run created once it is clear that nobody wrote in it, and the folders
/// made for it that are empty again: `journal new`'s entry after the editor quit without saving.
///
/// The file counts as unchanged only if, read through the descriptor held since it was
/// created, it has the same device, inode, size and modification time (to the nanosecond) and
/// exactly the bytes written; and its path still names that same file, with no other name.
/// Only then is the path unlinked. A folder goes only when `rmdir` can remove it (it is empty)
/// and it is still the folder this run made, deepest first. Anything else is left as it is.
public struct UnchangedFileRemover: Sendable {
    /// What `removeIfUnchanged` did.
    public enum Outcome: Equatable, Sendable {
        /// The file is gone, and these folders with it, deepest first.
        case removed(folders: [String])
        case kept(KeptReason)
    }

    /// Why a file was left where it is.
    public enum KeptReason: Equatable, Sendable {
        /// Its size, modification time or bytes are not what was written.
        case changed
        /// Its path now names another file, a folder or a symlink, which is not touched.
        case replaced
        /// Nothing is at its path any more.
        case gone
        /// It has another name as well.
        case linked
    }

    public var fileSystem: any FileSystem

    public init(fileSystem: any FileSystem = POSIXFileSystem()) { self.fileSystem = fileSystem }

    /// Removes `file` if it is exactly as created, then the `folders` (outermost first, as
    /// `SafeFileWriter.createMissingFolders` returns them) that are empty.
    public func removeIfUnchanged(_ file: CreatedFile, folders: [CreatedFolder]) throws(RemovalError) -> Outcome {
        try SafeFileWriter.holdingSignals { () throws(RemovalError) -> Outcome in
            do throws(FileSystemError) {
                guard try isAsWritten(file) else { return .kept(.changed) }
            } catch {
                throw .cannotCheck(file.path, error.reason)
            }
            let named: FileStatus
            do throws(FileSystemError) {
                named = try fileSystem.status(atPath: file.path)
            } catch {
                if error.code == ENOENT { return .kept(.gone) }
                throw .cannotCheck(file.path, error.reason)
            }
            // The last check before the unlink: the path must still name the file we hold.
            guard named.kind == .file, named.isSameFile(as: file.status) else { return .kept(.replaced) }
            guard named.links == 1 else { return .kept(.linked) }
            do throws(FileSystemError) {
                try fileSystem.unlink(file.path)
            } catch {
                if error.code == ENOENT { return .kept(.gone) }
                throw .cannotRemove(file.path, error.reason)
            }
            try? fileSystem.fsyncFolder(SafeFileWriter.folder(of: file.path))
            return .removed(folders: removeEmptyFolders(folders))
        }
    }

    /// Removes, deepest first, each of `folders` that is empty and still the folder created;
    /// stops at the first that is not. Returns the ones removed.
    public func removeEmptyFolders(_ folders: [CreatedFolder]) -> [String] {
        var removed: [String] = []
        for folder in folders.reversed() {
            guard let now = try? fileSystem.status(atPath: folder.path), now.kind == .folder,
                now.isSameFile(as: folder.status)
            else { break }
            // rmdir fails on a folder that is not empty: that is the check, and it is atomic.
            guard (try? fileSystem.removeFolder(folder.path)) != nil else { break }
            try? fileSystem.fsyncFolder(SafeFileWriter.folder(of: folder.path))
            removed.append(folder.path)
        }
        return removed
    }

    /// Same file, size and modification time, and the same bytes, through the held descriptor.
    func isAsWritten(_ file: CreatedFile) throws(FileSystemError) -> Bool {
        guard try fileSystem.status(file.descriptor).isUnchanged(since: file.status) else { return false }
        guard try contents(file.descriptor, upTo: file.bytes.count + 1) == file.bytes else { return false }
        // A write racing the read shows in the status.
        return try fileSystem.status(file.descriptor).isUnchanged(since: file.status)
    }

    /// At most `limit` bytes from the start of the file, whatever the descriptor's offset.
    func contents(_ fd: Int32, upTo limit: Int) throws(FileSystemError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: limit)
        var count = 0
        while count < limit {
            let result = bytes.withUnsafeMutableBytes { buffer in
                Result { () throws(FileSystemError) -> Int in
                    try fileSystem.read(fd, at: count, into: UnsafeMutableRawBufferPointer(rebasing: buffer[count...]))
                }
            }
            let got = try result.get()
            if got == 0 { break }
            count += got
        }
        bytes.removeLast(limit - count)
        return bytes
    }
}

/// Why a file `journal` created could not be checked or removed. It is kept either way.
public enum RemovalError: Error, CustomStringConvertible, Equatable, Sendable {
    case cannotCheck(String, String)
    case cannotRemove(String, String)

    public var description: String {
        switch self {
        case .cannotCheck(let path, let reason): return "cannot check whether \(path) was changed: \(reason)"
        case .cannotRemove(let path, let reason): return "cannot remove \(path): \(reason)"
        }
    }
}
