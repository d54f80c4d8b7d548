import JournalKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One journal the server serves: loaded once, then kept current from open buffers and disk.
struct Workspace: Sendable {
    var root: String
    var journal: Journal
    /// The ledger's findings by path, rebuilt only when the ledger is.
    var followUps: [String: [Diagnostic]]
    /// Size and modification time of each entry file as last read, to notice changes on disk.
    var stamps: [String: FileStamp]

    init(root: String, journal: Journal) {
        self.root = root
        self.journal = journal
        followUps = journal.followUpFindings()
        stamps = Self.stamps(root: root, config: journal.config)
    }

    /// `journal check`'s findings for one file of the journal as it is now.
    func findings(_ path: String) -> [Diagnostic] { journal.checkFindings(path: path, followUpFindings: followUps) }

    /// The path of an absolute file inside this journal, relative to it.
    func relative(_ absolute: String) -> String? {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        guard absolute.hasPrefix(prefix) else { return nil }
        return String(absolute.dropFirst(prefix.count))
    }

    static func stamps(root: String, config: Config) -> [String: FileStamp] {
        var result: [String: FileStamp] = [:]
        for file in EntryFiles(root: root, config: config).files {
            if let stamp = FileStamp("\(root)/\(file.path)") { result[file.path] = stamp }
        }
        return result
    }
}

/// What `stat` says about a file, enough to tell it changed.
struct FileStamp: Hashable, Sendable {
    var size: Int
    var seconds: Int
    var nanoseconds: Int

    init?(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int(info.st_size)
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
    }
}
