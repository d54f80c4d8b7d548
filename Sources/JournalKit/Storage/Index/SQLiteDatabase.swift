import Csqlite

/// A thin connection to the system SQLite: the only file that imports it. Every failure is a
/// `SQLiteError`, which the index treats as "no index", never as a journal error.
final class SQLiteDatabase {
    private var handle: OpaquePointer?

    struct SQLiteError: Error, CustomStringConvertible {
        var code: Int32
        var message: String
        var description: String { message }
        /// The file is not a database, or is damaged: discard it and start again.
        var isCorrupt: Bool {
            let primary = code & 0xFF
            return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB || primary == SQLITE_FORMAT
        }
        var isBusy: Bool {
            let primary = code & 0xFF
            return primary == SQLITE_BUSY || primary == SQLITE_LOCKED
        }
    }

    /// Opens (creating when asked) the database at `path`, with no shared cache, no mutex
    /// (one thread uses a connection) and never following a symlink for the file itself.
    init(path: String, create: Bool) throws(SQLiteError) {
        var flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_NOFOLLOW
        if create { flags |= SQLITE_OPEN_CREATE }
        var db: OpaquePointer?
        let code = sqlite3_open_v2(path, &db, flags, nil)
        handle = db
        if code != SQLITE_OK {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(db)
            handle = nil
            throw SQLiteError(code: code, message: message)
        }
        sqlite3_extended_result_codes(db, 1)
    }

    deinit { sqlite3_close_v2(handle) }

    /// Waits up to `milliseconds` for another process's lock before giving up with busy.
    func setBusyTimeout(_ milliseconds: Int32) { sqlite3_busy_timeout(handle, milliseconds) }

    /// Runs statements that return no rows of interest.
    func execute(_ sql: String) throws(SQLiteError) {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if code != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(errorMessage)
            throw SQLiteError(code: code, message: message)
        }
    }

    func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else { throw error(code) }
        return Statement(statement, database: self)
    }

    /// The first column of the first row as an integer, for pragmas such as `user_version`.
    func integer(_ sql: String) throws(SQLiteError) -> Int64? {
        let statement = try prepare(sql)
        return try statement.step() ? statement.int64(0) : nil
    }

    /// The first column of the first row as text.
    func text(_ sql: String) throws(SQLiteError) -> String? {
        let statement = try prepare(sql)
        return try statement.step() ? statement.text(0) : nil
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction: all of it is written or none of it.
    func transaction(_ body: () throws(SQLiteError) -> Void) throws(SQLiteError) {
        try execute("BEGIN IMMEDIATE")
        do {
            try body()
            try execute("COMMIT")
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    fileprivate func error(_ code: Int32) -> SQLiteError {
        SQLiteError(code: code, message: String(cString: sqlite3_errmsg(handle)))
    }

    /// A prepared statement; finalized when released.
    final class Statement {
        private let statement: OpaquePointer
        private let database: SQLiteDatabase

        fileprivate init(_ statement: OpaquePointer, database: SQLiteDatabase) {
            self.statement = statement
            self.database = database
        }

        deinit { sqlite3_finalize(statement) }

        func reset() {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }

        func bind(_ index: Int32, _ value: Int64) throws(SQLiteError) {
            try check(sqlite3_bind_int64(statement, index, value))
        }

        func bind(_ index: Int32, _ value: String) throws(SQLiteError) {
            // SQLITE_TRANSIENT: SQLite copies the bytes before the Swift string goes away.
            try check(
                sqlite3_bind_text(statement, index, value, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self)))
        }

        func bind(_ index: Int32, _ value: [UInt8]) throws(SQLiteError) {
            let code = value.withUnsafeBytes { raw in
                sqlite3_bind_blob(
                    statement, index, raw.baseAddress, Int32(raw.count),
                    unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            }
            try check(code)
        }

        /// True while there is a row; false when done.
        func step() throws(SQLiteError) -> Bool {
            let code = sqlite3_step(statement)
            if code == SQLITE_ROW { return true }
            if code == SQLITE_DONE { return false }
            throw database.error(code)
        }

        func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

        func text(_ column: Int32) -> String {
            guard let bytes = sqlite3_column_text(statement, column) else { return "" }
            let count = Int(sqlite3_column_bytes(statement, column))
            return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
        }

        func blob(_ column: Int32) -> [UInt8] {
            let pointer = sqlite3_column_blob(statement, column)
            let count = Int(sqlite3_column_bytes(statement, column))
            guard let pointer, count > 0 else { return [] }
            return Array(UnsafeRawBufferPointer(start: pointer, count: count))
        }

        private func check(_ code: Int32) throws(SQLiteError) {
            if code != SQLITE_OK { throw database.error(code) }
        }
    }

    /// NFS, SMB/CIFS, AFS and FUSE mounts, where WAL's shared memory is not safe (SQLite's
    /// own advice), so the index uses a rollback journal there.
    static func isNetworkFileSystem(_ path: String) -> Bool {
        journal_is_network_fs(path) != 0
    }
}
