#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An entry file found on disk.
public struct EntryFile: Hashable, Sendable {
    /// Relative to the journal, with `/`.
    public var path: String
    public var stem: String
    public var date: Day
}

/// Lists the entry files of a journal and reports the files that look like entries but are not.
///
/// Walks every folder except hidden ones and the templates folder. Symlinks that stay inside
/// the journal are followed once; ones that leave it, and loops, are not.
public struct EntryFiles: Sendable {
    public var files: [EntryFile] = []
    public var diagnostics: [Diagnostic] = []

    public init(root: String, config: Config) {
        let rootReal = Self.realPath(root) ?? root
        var visited = Set<String>([rootReal])
        var queue: [String] = [""]
        let templates = LocatorPath.clean(config.templates)
        while !queue.isEmpty {
            let folder = queue.removeFirst()
            let absolute = folder.isEmpty ? root : "\(root)/\(folder)"
            guard let names = Self.list(absolute) else {
                diagnostics.append(
                    Diagnostic(
                        path: folder.isEmpty ? "." : folder, severity: .warning,
                        message: "cannot read folder: \(JournalError.reason(errno))"))
                continue
            }
            for name in names.sorted() where !name.hasPrefix(".") {
                let relative = folder.isEmpty ? name : "\(folder)/\(name)"
                let full = "\(absolute)/\(name)"
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                var kind = info.st_mode & S_IFMT
                if kind == S_IFLNK {
                    guard let target = Self.realPath(full), target == rootReal || target.hasPrefix(rootReal + "/")
                    else {
                        diagnostics.append(
                            Diagnostic(
                                path: relative, severity: .warning,
                                message: "symlink points outside the journal or nowhere; not followed"))
                        continue
                    }
                    guard stat(full, &info) == 0 else { continue }
                    kind = info.st_mode & S_IFMT
                    if kind == S_IFDIR {
                        guard visited.insert(target).inserted else {
                            diagnostics.append(
                                Diagnostic(
                                    path: relative, severity: .warning,
                                    message: "symlink loop or folder already read; not followed"))
                            continue
                        }
                    }
                }
                if kind == S_IFDIR {
                    if relative != templates { queue.append(relative) }
                } else if kind == S_IFREG {
                    classify(name: name, relative: relative)
                }
            }
        }
        files.sort { ($0.date, $0.path) < ($1.date, $1.path) }
    }

    mutating func classify(name: String, relative: String) {
        guard name.hasSuffix(".md"), name.utf8.count >= 13 else { return }
        let prefix = String(name.prefix(10))
        guard let resolution = DatePhrase.isoDate(prefix) else { return }
        guard case .date(let date) = resolution else {
            diagnostics.append(
                Diagnostic(
                    path: relative, line: nil, severity: .warning,
                    message: "impossible date '\(prefix)' in the file name; not read as an entry"))
            return
        }
        let stem = String(name.dropLast(3))
        if let original = Self.conflictOriginal(stem: stem) {
            diagnostics.append(
                Diagnostic(
                    path: relative, severity: .warning,
                    message: "conflict copy of \(original).md; resolve it (left out of the ledger)"))
            return
        }
        files.append(EntryFile(path: relative, stem: stem, date: date))
    }

    /// Recognises copies made by Dropbox, Syncthing, Nextcloud and similar tools.
    static func conflictOriginal(stem: String) -> String? {
        let lowered = stem.lowercased()
        for marker in [" (conflicted copy", ".sync-conflict-", " (conflict", "_conflict-", " conflicted copy"] {
            if let range = lowered.range(of: marker) {
                return String(stem[..<range.lowerBound])
            }
        }
        return nil
    }

    static func list(_ path: String) -> [String]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { field in
                field.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: field.pointee)) {
                    String(cString: $0)
                }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

enum LocatorPath {
    /// A relative folder setting without `./` or trailing slashes.
    static func clean(_ path: String) -> String {
        path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }
}
