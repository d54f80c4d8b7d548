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
    /// From the listing's own stat (of the target, for a symlink); nil for a file not listed.
    public var stamp: FileStamp? = nil
}

/// Lists the entry files of a journal and reports the files that look like entries but are not.
///
/// Walks every folder except hidden ones and the templates folder, so `.git/`, `.DS_Store`,
/// `.obsidian/` and editor swap files never show up. Only names `YYYY-MM-DD….md` are entries;
/// README.md, backups (`~`, `#…#`, `.swp`) and everything else are ignored. Symlinks are
/// followed after every real file and folder, so a symlink to something already read adds
/// nothing; one that leaves the journal, dangles or loops is warned about once and not followed.
public struct EntryFiles: Sendable {
    public var files: [EntryFile] = []
    public var diagnostics: [Diagnostic] = []

    /// A file's identity, so a folder or file reached twice is read once.
    struct FileID: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    public init(root: String, config: Config) {
        let rootReal = Self.realPath(root) ?? root
        var rootInfo = stat()
        var seenFolders = Set<FileID>()
        if stat(root, &rootInfo) == 0 { seenFolders.insert(FileID(rootInfo)) }
        var seenFiles = Set<FileID>()
        var queue: [String] = [""]
        var links: [String] = []
        let templates = LocatorPath.clean(config.templates)

        func warn(_ path: String, _ message: String) {
            diagnostics.append(Diagnostic(path: path, severity: .warning, message: message))
        }

        while true {
            while !queue.isEmpty {
                let folder = queue.removeFirst()
                let absolute = folder.isEmpty ? root : "\(root)/\(folder)"
                let names: [String]
                switch Self.listingWithUndecodable(absolute) {
                case .success(let listed):
                    names = listed.names
                    for name in listed.undecodable where !name.hasPrefix(".") {
                        warn(
                            folder.isEmpty ? name : "\(folder)/\(name)",
                            "file name is not valid UTF-8; skipped (rename it to read it)")
                    }
                case .failure(let code):
                    // An error, so `check` exits 1: entries in that folder are missing.
                    diagnostics.append(
                        Diagnostic(
                            path: folder.isEmpty ? "." : folder, severity: .error,
                            message: "cannot read folder: \(JournalError.reason(code.code))"))
                    continue
                }
                var denied = 0
                var deniedReason = ""
                defer {
                    // A folder that can be listed but not searched (mode 644 for someone else):
                    // every name in it is unreadable, which must not pass for an empty folder.
                    if denied > 0 {
                        diagnostics.append(
                            Diagnostic(
                                path: folder.isEmpty ? "." : folder, severity: .error,
                                message:
                                    "cannot read folder: \(deniedReason) (\(Plural.count(denied, "name")) not read)"))
                    }
                }
                for name in names.sorted() where !name.hasPrefix(".") {
                    let relative = folder.isEmpty ? name : "\(folder)/\(name)"
                    var info = stat()
                    guard lstat("\(absolute)/\(name)", &info) == 0 else {
                        if errno != ENOENT {
                            denied += 1
                            deniedReason = JournalError.reason(errno)
                        }
                        continue
                    }
                    switch info.st_mode & S_IFMT {
                    case S_IFLNK: links.append(relative)
                    case S_IFDIR:
                        if relative != templates, seenFolders.insert(FileID(info)).inserted { queue.append(relative) }
                    case S_IFREG:
                        if classify(name: name, relative: relative, info: info) { seenFiles.insert(FileID(info)) }
                    default:
                        // Sockets, FIFOs and devices are never entries; one named like an entry
                        // is said, not dropped quietly.
                        if name.hasSuffix(".md"), name.utf8.first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true {
                            warn(relative, "\(FileReader.kind(info.st_mode)), not a regular file; not read")
                        }
                    }
                }
            }
            guard !links.isEmpty else { break }
            // Symlinks last, in path order, so whatever they point at has been read if it can be.
            links.sort()
            let pending = links
            links = []
            for relative in pending {
                // journal.yml may be a symlink anywhere (dotfile managers); it is not an entry.
                if relative == Config.fileName { continue }
                let full = "\(root)/\(relative)"
                guard let target = Self.realPath(full) else {
                    let reason = errno == ELOOP ? "symlink loop" : "broken symlink (\(JournalError.reason(errno)))"
                    warn(relative, "\(reason); not followed")
                    continue
                }
                guard target == rootReal || target.hasPrefix(rootReal + "/") else {
                    warn(relative, "symlink points outside the journal, to \(target); not followed")
                    continue
                }
                var info = stat()
                guard stat(full, &info) == 0 else { continue }
                let name = String(relative.split(separator: "/").last ?? "")
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    guard seenFolders.insert(FileID(info)).inserted else {
                        // Pointing at a folder above itself is a loop; at any other folder, an alias.
                        let parent = Self.realPath(String(full[..<(full.lastIndex(of: "/") ?? full.endIndex)])) ?? ""
                        if parent == target || parent.hasPrefix(target + "/") {
                            warn(relative, "symlink loop (points to a folder above it); not followed")
                        }
                        continue
                    }
                    queue.append(relative)
                case S_IFREG:
                    guard !seenFiles.contains(FileID(info)) else { continue }
                    if classify(name: name, relative: relative, info: info) { seenFiles.insert(FileID(info)) }
                default: break
                }
            }
        }
        files.sort { ($0.date, $0.path) < ($1.date, $1.path) }
        if files.isEmpty, let example = skippedDated.sorted().first {
            let count = skippedDated.count
            diagnostics.append(
                Diagnostic(
                    path: ".", severity: .warning,
                    message: "no entries, but \(count) file\(count == 1 ? "" : "s") look\(count == 1 ? "s" : "") dated"
                        + " (\(example)); entries are .md files named YYYY-MM-DD… or YYYY_MM_DD…, one day each,"
                        + " so other extensions, other separators and jrnl's YYYY/MM/DD.txt are not read"))
        }
    }

    /// Files whose names look dated but are not entries.
    var skippedDated: [String] = []

    /// Adds the file when its name makes it an entry; says why when it looks like one but is not.
    mutating func classify(name: String, relative: String, info: stat? = nil) -> Bool {
        guard name.hasSuffix(".md"), name.utf8.count >= 13 else {
            noteDatedLooking(name: name, relative: relative)
            return false
        }
        var prefix = String(name.prefix(10))
        // Logseq names journal pages `2026_11_27.md`.
        if Self.isDateShaped(prefix, separator: UInt8(ascii: "_")) {
            prefix = prefix.replacingUnderscores
        }
        guard let resolution = DatePhrase.isoDate(prefix) else {
            noteDatedLooking(name: name, relative: relative)
            return false
        }
        guard case .date(let date) = resolution, date.isRepresentable else {
            diagnostics.append(
                Diagnostic(
                    path: relative, line: nil, severity: .warning,
                    message: "impossible date '\(prefix)' in the file name; not read as an entry"))
            return false
        }
        let stem = String(name.dropLast(3))
        if let original = Self.conflictOriginal(stem: stem) {
            diagnostics.append(
                Diagnostic(
                    path: relative, severity: .warning,
                    message: "conflict copy of \(original).md; resolve it (left out of the ledger)"))
            return false
        }
        files.append(EntryFile(path: relative, stem: stem, date: date, stamp: info.map(FileStamp.init)))
        return true
    }

    /// Remembers a file whose name looks dated but is no entry (`2026-11-27.txt`, `2026.11.27.md`,
    /// jrnl's `2026/11/27.txt`), so that a journal with no entries can say why.
    mutating func noteDatedLooking(name: String, relative: String) {
        let bytes = Array(name.utf8)
        let dated =
            bytes.count >= 10
            && [UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: " ")].contains {
                Self.isDateShaped(String(name.prefix(10)), separator: $0)
            }
        let parts = relative.split(separator: "/").suffix(3).map(String.init)
        let jrnl =
            parts.count == 3 && parts[0].utf8.count == 4 && parts[0].allSatisfy(\.isNumber)
            && parts[1].utf8.count == 2 && parts[1].allSatisfy(\.isNumber) && parts[2].utf8.count >= 2
            && parts[2].prefix(2).allSatisfy(\.isNumber)
        if dated || jrnl { skippedDated.append(relative) }
    }

    /// `dddd?dd?dd` with `separator` for `?`.
    static func isDateShaped(_ text: String, separator: UInt8) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == separator, bytes[7] == separator else { return false }
        return bytes.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || (0x30...0x39).contains($0.element) }
    }

    /// Recognises copies made by Dropbox, Syncthing, Nextcloud and similar tools.
    static func conflictOriginal(stem: String) -> String? {
        let lowered = stem.lowercased()
        // Every marker holds "conflict": Foundation's search runs only for names that do.
        guard EntryParser.containsBytes(lowered, "conflict") else { return nil }
        for marker in [" (conflicted copy", ".sync-conflict-", " (conflict", "_conflict-", " conflicted copy"] {
            if let range = lowered.range(of: marker) {
                // Dropbox writes "2026-11-27 (Ana's conflicted copy 2026-11-28)": cut at the paren.
                let original = stem[..<range.lowerBound]
                if let paren = original.lastIndex(of: "("), paren > original.startIndex,
                    original[original.index(before: paren)] == " "
                {
                    return String(original[..<original.index(before: paren)])
                }
                return String(original)
            }
        }
        return nil
    }

    /// The names in a folder, or nil when it cannot be read.
    static func list(_ path: String) -> [String]? {
        try? listing(path).get()
    }

    static func listing(_ path: String) -> Result<[String], Errno> {
        listingWithUndecodable(path).map(\.names)
    }

    /// The names in a folder that are valid UTF-8, and the others shown with `\xE9`-style
    /// escapes (they cannot be opened by a repaired name, so they are warned about, not read).
    static func listingWithUndecodable(_ path: String) -> Result<(names: [String], undecodable: [String]), Errno> {
        guard let directory = opendir(path) else { return .failure(Errno(errno)) }
        defer { closedir(directory) }
        var names: [String] = []
        var undecodable: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { return .failure(Errno(errno)) }
                break
            }
            let decoded = withUnsafePointer(to: &entry.pointee.d_name) { field in
                field.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: field.pointee)) {
                    String(validatingCString: $0).map { (name: $0, valid: true) }
                        ?? (name: Self.escapedName($0), valid: false)
                }
            }
            if decoded.name == "." || decoded.name == ".." { continue }
            if decoded.valid { names.append(decoded.name) } else { undecodable.append(decoded.name) }
        }
        return .success((names, undecodable.sorted()))
    }

    /// A C string's valid UTF-8 kept, every other byte as `\xE9`.
    static func escapedName(_ pointer: UnsafePointer<CChar>) -> String {
        let bytes = UnsafeBufferPointer(start: pointer, count: strlen(pointer)).map { UInt8(bitPattern: $0) }
        var result = ""
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
            if length > 0, index + length <= bytes.count,
                let text = String(validating: bytes[index..<(index + length)], as: UTF8.self)
            {
                result += text
                index += length
            } else {
                result += "\\x" + TerminalText.hex(UInt32(lead), width: 2)
                index += 1
            }
        }
        return result
    }

    /// An errno value as an `Error`, so `list` can return it in a `Result`.
    struct Errno: Error {
        var code: Int32
        init(_ code: Int32) { self.code = code }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

extension String {
    /// `2026_11_27` as `2026-11-27`.
    fileprivate var replacingUnderscores: String { String(map { $0 == "_" ? "-" : $0 }) }
}

enum LocatorPath {
    /// A relative folder setting without `./` or trailing slashes.
    static func clean(_ path: String) -> String {
        path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }
}
