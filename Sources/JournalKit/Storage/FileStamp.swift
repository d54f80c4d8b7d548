#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `stat` says about a file, enough to tell that it changed: the entry index's key and the
/// language server's check for changes on disk. The listing takes it from the stat it already
/// made of every entry, so nothing stats a file twice.
public struct FileStamp: Hashable, Sendable {
    public var device: Int64
    public var inode: Int64
    public var size: Int64
    /// Nanoseconds since the epoch.
    public var mtime: Int64
    public var ctime: Int64

    public init(device: Int64, inode: Int64, size: Int64, mtime: Int64, ctime: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.mtime = mtime
        self.ctime = ctime
    }

    init(_ info: stat) {
        #if os(Linux)
            let mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            let ctime = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        #else
            let mtime = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
            let ctime = Int64(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(info.st_ctimespec.tv_nsec)
        #endif
        self.init(
            device: Int64(bitPattern: UInt64(info.st_dev)), inode: Int64(bitPattern: UInt64(info.st_ino)),
            size: Int64(info.st_size), mtime: mtime, ctime: ctime)
    }

    /// Stats `path`, following a symlink as a read does; nil when it cannot.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }
}
