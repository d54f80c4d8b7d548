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
    /// The stat data of each entry file as last read, to notice changes on disk.
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
            if let stamp = file.stamp { result[file.path] = stamp }
        }
        return result
    }
}
