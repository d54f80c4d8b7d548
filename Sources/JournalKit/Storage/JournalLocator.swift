#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds the journal folder: `--journal`, else `$JOURNAL_DIR`, else the nearest folder at or
/// above the working directory holding `journal.yml`.
public enum JournalLocator {
    public static func locate(
        explicit: String?, environment: [String: String], workingDirectory: String
    ) throws(JournalError) -> String {
        if let explicit { return try checkFolder(absolute(explicit, from: workingDirectory)) }
        if let fromEnvironment = environment["JOURNAL_DIR"], !fromEnvironment.isEmpty {
            return try checkFolder(absolute(fromEnvironment, from: workingDirectory))
        }
        var folder = normalized(workingDirectory)
        while true {
            if isRegularFile(folder == "/" ? "/\(Config.fileName)" : "\(folder)/\(Config.fileName)") { return folder }
            guard folder != "/", let slash = folder.lastIndex(of: "/") else { break }
            folder = slash == folder.startIndex ? "/" : String(folder[..<slash])
        }
        throw .notFound(tried: [
            "--journal", "JOURNAL_DIR", "\(Config.fileName) in \(normalized(workingDirectory)) and above",
        ])
    }

    static func checkFolder(_ path: String) throws(JournalError) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { throw .missing(path) }
            throw .unreadable(path, JournalError.reason(errno))
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .notADirectory(path) }
        guard access(path, R_OK | X_OK) == 0 else { throw .unreadable(path, JournalError.reason(errno)) }
        return path
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// An absolute path without `.` components, trailing slashes or doubled slashes.
    public static func absolute(_ path: String, from base: String) -> String {
        normalized(path.hasPrefix("/") ? path : "\(base)/\(path)")
    }

    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == "..", !parts.isEmpty { parts.removeLast() } else if part != ".." { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }
}
