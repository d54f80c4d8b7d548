#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads whole files with plain POSIX calls, never following into Foundation's error domain.
///
/// The one opening rule for everything journal reads (journal.yml, templates, entries, and the
/// day's log and index to come): `O_NONBLOCK`, so a FIFO put in place of a file never blocks;
/// `fstat` on the descriptor after opening, so only a regular file is read whatever was swapped
/// in since the listing; and a size cap, so `/dev/zero` or a huge file costs at most the cap.
public enum FileReader {
    /// The caps, in bytes: journal.yml and templates are a page; entries use `max-entry-bytes`.
    public static let configCap = 64 * 1024
    public static let templateCap = 256 * 1024

    /// Reads at most `limit + 1` bytes, so an oversized file costs no more than the cap to detect.
    /// Throws `.notRegularFile` for a FIFO, device, socket or folder, without reading from it.
    public static func read(_ path: String, limit: Int = Int.max - 1) throws(JournalError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { throw .unreadable(path, JournalError.reason(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(path, JournalError.reason(errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .notRegularFile(path, kind(info.st_mode)) }
        let expected = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: min(max(expected, 0), limit) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                if count > limit { break }
                bytes.append(contentsOf: repeatElement(0, count: min(max(count, 4096), limit + 1 - count)))
            }
            let got = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress.map { $0 + count }, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path, JournalError.reason(errno))
            }
            if got == 0 { break }
            count += got
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    /// Reads a file that must not exceed `cap` bytes; a larger one is refused unread.
    public static func read(_ path: String, cap: Int) throws(JournalError) -> [UInt8] {
        let bytes = try read(path, limit: cap)
        guard bytes.count <= cap else { throw .tooLarge(path, cap) }
        return bytes
    }

    /// What a file that is not a regular file is, for messages: "a FIFO", "a folder".
    public static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: return "a FIFO"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFDIR: return "a folder"
        case S_IFLNK: return "a symlink"
        default: return "not a regular file"
        }
    }

    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }
}
