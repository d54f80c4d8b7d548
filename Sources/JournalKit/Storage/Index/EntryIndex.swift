#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The entry index: each entry file's extracted record, kept outside the journal so a warm run
/// re-parses only the files that changed. An adapter behind a small interface (zk's
/// internal/adapter/sqlite): `open`, `begin`, `lookup`, `save`. It never changes an answer: a
/// record is used only when the file's stat data, the settings and the extraction rules are the
/// ones it was made from, and any trouble with the database means "no index", never an error.
public final class EntryIndex: @unchecked Sendable {
    /// The file's identity and version as `stat` reports them; any change means re-parse.
    /// Where the index lives and the database in it.
    public let folder: String
    let databasePath: String
    private var database: SQLiteDatabase
    private let rootPath: String

    /// Guards everything below: lookups and remembers come from the parallel parse.
    private var mutex = pthread_mutex_t()
    private var snapshot: [String: (stamp: FileStamp, record: [UInt8])] = [:]
    private var configKey = ""
    private var configChanged = false
    private var listed: Set<String> = []
    private var fresh: [String: (stamp: FileStamp, record: [UInt8])] = [:]
    private var damaged = false
    private var notesList: [String] = []
    /// Records served from the index since it was opened (for tests and measurements).
    private(set) var hits = 0

    /// One-line notes for stderr: a damaged index discarded, and nothing else.
    public var notes: [String] { locked { notesList } }

    /// A record is kept only when the file was last changed at least this long before the
    /// index write (git's racy-timestamp rule): a later change in the same tick would go unseen.
    /// 2 s; `JOURNAL_INDEX_RACY_SECONDS` lowers it for tests that cannot wait.
    let racyWindow: Int64

    private init(folder: String, database: SQLiteDatabase, rootPath: String, notes: [String], racyWindow: Int64) {
        self.racyWindow = racyWindow
        self.folder = folder
        databasePath = "\(folder)/\(Self.fileName)"
        self.database = database
        self.rootPath = rootPath
        notesList = notes
        pthread_mutex_init(&mutex, nil)
    }

    deinit { pthread_mutex_destroy(&mutex) }

    static let fileName = "index.sqlite"

    /// The index folder for a journal: `$XDG_CACHE_HOME/journal/<hash of its real path>`, else
    /// `~/.cache/journal/…`; nil when neither is set to an absolute path.
    public static func folder(root: String, environment: [String: String]) -> String? {
        let base: String
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            base = cache
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            base = home == "/" ? "/.cache" : "\(home)/.cache"
        } else {
            return nil
        }
        let real = EntryFiles.realPath(root) ?? root
        return "\(base)/journal/\(Checksum.hex(Checksum.of(real)))"
    }

    /// Opens the journal's index, creating it (folder 0700, files 0600) when missing. Nil when it
    /// is turned off or cannot be used (no home, read-only, someone else's); the caller then reads
    /// every file, as without an index. `rebuild` discards what is there.
    public static func open(root: String, environment: [String: String], rebuild: Bool = false) -> EntryIndex? {
        if let off = environment["JOURNAL_NO_INDEX"], !off.isEmpty, off != "0" { return nil }
        guard let folder = folder(root: root, environment: environment), makeFolder(folder) else { return nil }
        let path = "\(folder)/\(fileName)"
        let rootPath = EntryFiles.realPath(root) ?? root
        var notes: [String] = []
        if rebuild { removeDatabase(path) }
        for attempt in 0..<2 {
            do {
                let database = try connect(path, folder: folder, rootPath: rootPath)
                let seconds = environment["JOURNAL_INDEX_RACY_SECONDS"].flatMap(Int64.init).map { max(0, min($0, 60)) }
                return EntryIndex(
                    folder: folder, database: database, rootPath: rootPath, notes: notes,
                    racyWindow: (seconds ?? 2) * 1_000_000_000)
            } catch let error as IndexProblem {
                guard attempt == 0, case .damaged(let why) = error else { return nil }
                notes.append("note: the index at \(folder) was unreadable (\(why)); rebuilding it")
                removeDatabase(path)
            } catch {
                return nil
            }
        }
        return nil
    }

    enum IndexProblem: Error {
        /// Not a database, damaged, or written by a journal that knows a newer layout.
        case damaged(String)
        /// Cannot be created or written here: work without an index.
        case unusable
    }

    /// The layout, as an ordered list: the database's `user_version` is how many have run.
    static let migrations = [
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE entries (
            path TEXT PRIMARY KEY, device INTEGER NOT NULL, inode INTEGER NOT NULL, size INTEGER NOT NULL,
            mtime INTEGER NOT NULL, ctime INTEGER NOT NULL, record BLOB NOT NULL) WITHOUT ROWID;
        """
    ]

    private static func connect(_ path: String, folder: String, rootPath: String) throws -> SQLiteDatabase {
        guard prepareFile(path) else { throw IndexProblem.unusable }
        let database: SQLiteDatabase
        do {
            database = try SQLiteDatabase(path: path, create: false)
            database.setBusyTimeout(1000)
            let version = try database.integer("PRAGMA user_version") ?? 0
            if version > Int64(migrations.count) {
                throw IndexProblem.damaged("written by a newer journal, layout \(version)")
            }
            if version == 0 {
                // WAL lets readers go on while another process writes. On a network file system
                // its shared memory is unsafe, so there the classic rollback journal is used.
                _ = try database.text(
                    SQLiteDatabase.isNetworkFileSystem(folder)
                        ? "PRAGMA journal_mode=DELETE" : "PRAGMA journal_mode=WAL")
            }
            try database.execute("PRAGMA synchronous=NORMAL")
            if version < Int64(migrations.count) {
                try database.transaction { () throws(SQLiteDatabase.SQLiteError) in
                    // Another process may have migrated it while this one waited for the lock.
                    let now = try database.integer("PRAGMA user_version") ?? 0
                    for migration in migrations.dropFirst(Int(now)) { try database.execute(migration) }
                    try database.execute("PRAGMA user_version=\(migrations.count)")
                }
            }
        } catch let error as SQLiteDatabase.SQLiteError {
            throw error.isCorrupt ? IndexProblem.damaged(error.message) : IndexProblem.unusable
        }
        return database
    }

    /// Starts a load: forgets every record made under other settings, and reads the others.
    /// Called by `Journal.load` once the settings and the listing are known.
    func begin(config: Config, files: [EntryFile]) {
        let key = "\(ExtractionSchema.key); \(String(reflecting: config))"
        var rows: [String: (stamp: FileStamp, record: [UInt8])] = [:]
        var changed = true
        do {
            let stored = try database.prepare("SELECT key, value FROM meta WHERE key IN ('config', 'root')")
            var meta: [String: String] = [:]
            while try stored.step() { meta[stored.text(0)] = stored.text(1) }
            changed = meta["config"] != key || meta["root"] != rootPath
            if !changed {
                let statement = try database.prepare(
                    "SELECT path, device, inode, size, mtime, ctime, record FROM entries")
                rows.reserveCapacity(files.count)
                while try statement.step() {
                    let stamp = FileStamp(
                        device: statement.int64(1), inode: statement.int64(2), size: statement.int64(3),
                        mtime: statement.int64(4), ctime: statement.int64(5))
                    rows[statement.text(0)] = (stamp, statement.blob(6))
                }
            }
        } catch {
            markDamaged(error)
            rows = [:]
        }
        locked {
            snapshot = rows
            configKey = key
            configChanged = changed
            listed = Set(files.map(\.path))
        }
    }

    /// The cached record for one listed file, or what to remember once it is parsed.
    struct Lookup: Sendable {
        /// The cached record when the file is unchanged.
        var result: EntryParser.Result?
        let index: EntryIndex
        let path: String
        let stamp: FileStamp?

        /// Keeps a freshly parsed record for `save`.
        func remember(_ result: EntryParser.Result) {
            guard let stamp else { return }
            let record = EntryRecord.encode(result)
            index.locked { index.fresh[path] = (stamp, record) }
        }
    }

    /// The file's record when its stat data (the listing's, which followed a symlink as the read
    /// does) is the one stored. That stat comes before the read, so a change during the read shows
    /// up as a different stamp next time.
    func lookup(_ file: EntryFile, at absolute: String) -> Lookup {
        let path = file.path
        guard let stamp = file.stamp ?? FileStamp(path: absolute) else {
            return Lookup(result: nil, index: self, path: path, stamp: nil)
        }
        let row = locked { snapshot[path] }
        guard let row, row.stamp == stamp else { return Lookup(result: nil, index: self, path: path, stamp: stamp) }
        do {
            let result = try EntryRecord.decode(row.record)
            locked { hits += 1 }
            return Lookup(result: result, index: self, path: path, stamp: stamp)
        } catch {
            markDamaged(error)
            return Lookup(result: nil, index: self, path: path, stamp: stamp)
        }
    }

    /// Writes what this run learnt in one transaction, after the report is printed: new and
    /// changed records, rows for files that are gone removed. Nothing is written when nothing
    /// changed. A failure (read-only, full disk, another writer holding the lock past the busy
    /// timeout) leaves the old state and changes nothing the user sees.
    public func save() {
        let (rows, keep, config, replaceAll, wasDamaged) = locked {
            (fresh, listed, configKey, configChanged || damaged, damaged)
        }
        let now = Self.now()
        let stale = locked { snapshot.keys.filter { !keep.contains($0) } }
        guard !rows.isEmpty || !stale.isEmpty || replaceAll else { return }
        if wasDamaged {
            // Start from an empty file rather than write into a damaged one.
            Self.removeDatabase(databasePath)
            guard let replacement = try? Self.connect(databasePath, folder: folder, rootPath: rootPath) else { return }
            database = replacement
        }
        let database = self.database
        do {
            try database.transaction { () throws(SQLiteDatabase.SQLiteError) in
                if replaceAll {
                    try database.execute("DELETE FROM entries")
                    let meta = try database.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)")
                    for (key, value) in [("root", rootPath), ("config", config)] {
                        meta.reset()
                        try meta.bind(1, key)
                        try meta.bind(2, value)
                        _ = try meta.step()
                    }
                }
                let delete = try database.prepare("DELETE FROM entries WHERE path = ?")
                for path in stale {
                    delete.reset()
                    try delete.bind(1, path)
                    _ = try delete.step()
                }
                let insert = try database.prepare(
                    "INSERT OR REPLACE INTO entries (path, device, inode, size, mtime, ctime, record) VALUES (?, ?, ?, ?, ?, ?, ?)"
                )
                for (path, row) in rows.sorted(by: { $0.key < $1.key }) {
                    if max(row.stamp.mtime, row.stamp.ctime) > now - racyWindow {
                        // Too recent to trust: parse it again next time.
                        delete.reset()
                        try delete.bind(1, path)
                        _ = try delete.step()
                        continue
                    }
                    insert.reset()
                    try insert.bind(1, path)
                    try insert.bind(2, row.stamp.device)
                    try insert.bind(3, row.stamp.inode)
                    try insert.bind(4, row.stamp.size)
                    try insert.bind(5, row.stamp.mtime)
                    try insert.bind(6, row.stamp.ctime)
                    try insert.bind(7, row.record)
                    _ = try insert.step()
                }
            }
            locked {
                for (path, row) in rows { snapshot[path] = row }
                for path in stale { snapshot[path] = nil }
                fresh = [:]
                configChanged = false
                damaged = false
            }
        } catch  where error.isCorrupt {
            markDamaged(error)
            Self.removeDatabase(databasePath)
        } catch {
            // Busy, read-only or full: keep the old state; the next run tries again.
        }
    }

    private func markDamaged(_ error: any Error) {
        locked {
            if !damaged {
                let why = (error as? SQLiteDatabase.SQLiteError)?.message ?? "a record does not decode"
                notesList.append("note: the index at \(folder) was damaged (\(why)); rebuilding it")
            }
            damaged = true
        }
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }

    // MARK: - The file system

    /// The wall clock in nanoseconds, the clock file systems stamp files with.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// Creates the folders (each new one 0700, whatever the umask) and checks that the last is a
    /// real folder of this user's, not a symlink or someone else's.
    static func makeFolder(_ folder: String) -> Bool {
        var path = ""
        for part in folder.split(separator: "/") {
            path += "/\(part)"
            if mkdir(path, 0o700) == 0 {
                chmod(path, 0o700)
            } else if errno != EEXIST {
                return false
            }
        }
        var info = stat()
        guard lstat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == geteuid() else {
            return false
        }
        if info.st_mode & 0o777 != 0o700 { chmod(folder, 0o700) }
        return access(folder, W_OK | X_OK) == 0
    }

    /// Creates the database file 0600 before SQLite does (its default honours the umask), and
    /// brings an existing one back to 0600. SQLite gives its -wal and -shm files the same mode.
    static func prepareFile(_ path: String) -> Bool {
        let fd = openFile(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid() else { return false }
        if info.st_mode & 0o777 != 0o600 { fchmod(fd, 0o600) }
        return true
    }

    /// Removes the database and its WAL files: the index's own files, never the journal's.
    static func removeDatabase(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
    }

    private static func openFile(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
        #if canImport(Glibc)
            Glibc.open(path, flags, mode)
        #else
            Darwin.open(path, flags, mode)
        #endif
    }

}
