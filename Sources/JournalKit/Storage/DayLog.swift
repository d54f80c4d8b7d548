#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The day's log, `<entries>/YYYY/MM/YYYY-MM-DD-log.md`: the one file journal ever changes after
/// creating it, and then only by appending whole lines (docs/SAFETY.md).
///
/// A log is journal's own file: it is created exclusively and durably like every entry, with
/// front matter `template: log`, and appended to only while it still says so. Each append holds
/// an exclusive `flock` over the checks and the single `write`, so concurrent `journal add`s
/// never interleave or lose a line.
public struct DayLog: Sendable {
    /// Why a line was not appended. Nothing was changed.
    public enum Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        case notALog(String)
        case notARegularFile(String)
        case hasOtherLinks(String)
        case symlink(String)
        case outsideJournal(String)
        case stemTaken(String, by: String)
        case endsInside(String, construct: String, line: Int)
        case tooLarge(String)
        case failed(String, String)

        public var description: String {
            switch self {
            case .notALog(let path):
                return "\(path) is not a day's log (its front matter does not say 'template: log'); nothing was written"
            case .notARegularFile(let path): return "\(path) is not a regular file; nothing was written"
            case .hasOtherLinks(let path): return "\(path) has another name (a hard link); nothing was written"
            case .symlink(let path): return "\(path) is a symbolic link; journal only appends to its own file"
            case .outsideJournal(let path): return "\(path) is not inside the journal; nothing was written"
            case .stemTaken(let path, let other):
                return "cannot create \(path): another entry, \(other), has the same name"
            case .endsInside(let path, let construct, let line):
                return "\(path) ends inside \(construct) opened on line \(line); a line added there would not count."
                    + " Close it first; nothing was written"
            case .tooLarge(let path): return "\(path) is larger than max-entry-bytes; nothing was written"
            case .failed(let path, let reason): return "cannot append to \(path): \(reason)"
            }
        }
    }

    /// What an append did.
    public struct Appended: Equatable, Sendable {
        /// Relative to the journal.
        public var path: String
        public var created: Bool
        /// The 1-based line the new text is on.
        public var line: Int
    }

    public static let template = "log"

    public let root: String
    public let config: Config

    public init(root: String, config: Config) {
        self.root = root
        self.config = config
    }

    /// `<entries>/YYYY/MM/YYYY-MM-DD-log.md`, relative to the journal.
    public func path(for date: Day) -> String {
        NewEntry.path(config: config, date: date, template: Self.template, person: nil)
    }

    /// The text a new log starts with.
    public static func header(for date: Day) -> String {
        "---\ntemplate: \(template)\ntitle: \"Log \(date)\"\ndate: \(date)\n---\n\n"
    }

    /// Appends `line` (one line, no line break) to the log of `date`, creating the log first if
    /// there is none. `otherStems` are the entries' stems with their paths, so a new log never
    /// takes a name another entry already has.
    public func append(_ line: String, date: Day, otherStems: [String: String] = [:]) throws(Refusal) -> Appended {
        precondition(!line.contains("\n") && !line.contains("\r"), "a log line is one line")
        let relative = path(for: date)
        let absolute = "\(root)/\(relative)"
        var created = false
        if !FileReader.exists(absolute) {
            let stem = String(relative.split(separator: "/").last?.dropLast(3) ?? "")
            if let other = otherStems[stem], other != relative { throw .stemTaken(relative, by: other) }
            let folder = SafeFileWriter.folder(of: absolute)
            do {
                try SafeFileWriter.createFolders(folder)
                created = try SafeFileWriter().create(absolute, bytes: Array(Self.header(for: date).utf8)) == .created
            } catch {
                throw .failed(relative, error.description)
            }
        }
        let fd = open(absolute, O_RDWR | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ELOOP { throw .symlink(relative) }
            throw .failed(relative, JournalError.reason(errno))
        }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw .failed(relative, JournalError.reason(errno)) }
        }
        defer { flock(fd, LOCK_UN) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .failed(relative, JournalError.reason(errno)) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notARegularFile(relative) }
        guard info.st_nlink == 1 else { throw .hasOtherLinks(relative) }
        guard Self.isInside(root: root, path: absolute) else { throw .outsideJournal(relative) }
        guard Int(info.st_size) <= config.maxEntryBytes else { throw .tooLarge(relative) }

        let existing = try Self.readAll(fd, size: Int(info.st_size), relative: relative)
        guard Self.isLog(existing) else { throw .notALog(relative) }
        if let open = Self.openConstruct(in: existing) {
            throw .endsInside(relative, construct: open.construct, line: open.line)
        }
        var bytes: [UInt8] = []
        if let last = existing.last, last != 0x0A, last != 0x0D { bytes.append(0x0A) }
        bytes += Array(line.utf8)
        bytes.append(0x0A)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            // A short write leaves a partial line; say so rather than pretend.
            let reason = written < 0 ? JournalError.reason(errno) : "only \(written) of \(bytes.count) bytes written"
            throw .failed(relative, reason)
        }
        guard fsync(fd) == 0 else { throw .failed(relative, "written, but not synced: \(JournalError.reason(errno))") }
        return Appended(path: relative, created: created, line: Self.lineCount(existing) + 1)
    }

    static func readAll(_ fd: Int32, size: Int, relative: String) throws(Refusal) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: size)
        var count = 0
        while count < size {
            let got = bytes.withUnsafeMutableBytes {
                pread(fd, $0.baseAddress.map { $0 + count }, size - count, off_t(count))
            }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else {
                throw .failed(relative, got < 0 ? JournalError.reason(errno) : "file shrank while reading")
            }
            count += got
        }
        return bytes
    }

    /// True when the file starts with closed front matter whose `template` is `log`.
    static func isLog(_ bytes: [UInt8]) -> Bool {
        let found = bytes.withUnsafeBytes { raw -> String? in
            guard let split = FrontMatter.split(raw), split.closed else { return nil }
            return FrontMatter.parse(split.yaml, path: "").0.template
        }
        return found == Self.template
    }

    /// Lines in `bytes`, counting a last line without a line break.
    static func lineCount(_ bytes: [UInt8]) -> Int {
        var lines = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0A {
                lines += 1
            } else if bytes[index] == 0x0D {
                lines += 1
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            }
            index += 1
        }
        if let last = bytes.last, last != 0x0A, last != 0x0D { lines += 1 }
        return lines
    }

    /// The construct a line added at the end would fall into, and the line that opened it: a
    /// fenced code block, an HTML comment or block, or an Obsidian `%%` comment. Front matter is
    /// checked separately. Linear in the file.
    public static func openConstruct(in bytes: [UInt8]) -> (construct: String, line: Int)? {
        var fence: (marker: UInt8, length: Int, line: Int)?
        var comment: Int?
        var obsidian: Int?
        var htmlBlock: (closing: [UInt8]?, line: Int)?
        var lineNumber = 0
        var start = 0
        func lines(_ body: (ArraySlice<UInt8>) -> Void) {
            var i = 0
            while i <= bytes.count {
                if i == bytes.count || bytes[i] == 0x0A || bytes[i] == 0x0D {
                    if i > start || i < bytes.count { body(bytes[start..<i]) }
                    if i < bytes.count, bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                    start = i + 1
                }
                i += 1
            }
        }
        lines { line in
            lineNumber += 1
            let trimmed = line.drop { $0 == 0x20 || $0 == 0x09 }
            let indent = line.count - trimmed.count
            if let open = fence {
                let run = trimmed.prefix { $0 == open.marker }.count
                if indent < 4, run >= open.length, trimmed.dropFirst(run).allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    fence = nil
                }
                return
            }
            if let open = htmlBlock {
                if let closing = open.closing {
                    if Self.contains(line, closing) { htmlBlock = nil }
                } else if trimmed.isEmpty {
                    htmlBlock = nil
                }
                return
            }
            if comment != nil {
                if Self.contains(line, Array("-->".utf8)) { comment = nil }
                return
            }
            if indent < 4, let first = trimmed.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") {
                let run = trimmed.prefix { $0 == first }.count
                if run >= 3 && !(first == UInt8(ascii: "`") && trimmed.dropFirst(run).contains(first)) {
                    fence = (first, run, lineNumber)
                    return
                }
            }
            if indent < 4, trimmed.first == UInt8(ascii: "<") {
                let lower = Array(trimmed.prefix(12)).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
                if lower.starts(with: Array("<!--".utf8)) {
                    if !Self.contains(trimmed.dropFirst(4), Array("-->".utf8)) { comment = lineNumber }
                    return
                }
                for tag in ["script", "pre", "style", "textarea"] where lower.starts(with: Array("<\(tag)".utf8)) {
                    if !Self.contains(line, Array("</\(tag)>".utf8)) {
                        htmlBlock = (Array("</\(tag)>".utf8), lineNumber)
                    }
                    return
                }
                // Any other tag at the start of a line may open an HTML block that runs to the next
                // blank line; a list item written right after it would be swallowed.
                if lower.count > 1, (lower[1] >= 0x61 && lower[1] <= 0x7A) || lower[1] == UInt8(ascii: "/") {
                    htmlBlock = (nil, lineNumber)
                    return
                }
            }
            // `%%` outside code toggles an Obsidian comment; inline code spans are not comments.
            var inCode = false
            var i = line.startIndex
            while i < line.endIndex {
                if line[i] == UInt8(ascii: "`") {
                    inCode.toggle()
                } else if !inCode, line[i] == UInt8(ascii: "%"), i + 1 < line.endIndex, line[i + 1] == UInt8(ascii: "%")
                {
                    obsidian = obsidian == nil ? lineNumber : nil
                    i += 1
                }
                i += 1
            }
        }
        if let fence { return ("a fenced code block", fence.line) }
        if let comment { return ("an HTML comment", comment) }
        if let htmlBlock { return ("an HTML block", htmlBlock.line) }
        if let obsidian { return ("an Obsidian %% comment", obsidian) }
        return nil
    }

    static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        var i = haystack.startIndex
        while i + needle.count <= haystack.endIndex {
            if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    /// True when the real path of `path`'s folder is the journal's real path or below it.
    static func isInside(root: String, path: String) -> Bool {
        guard let rootReal = realpath(root, nil) else { return false }
        defer { free(rootReal) }
        let folder = SafeFileWriter.folder(of: path)
        guard let folderReal = realpath(folder, nil) else { return false }
        defer { free(folderReal) }
        let r = String(cString: rootReal)
        let f = String(cString: folderReal)
        return f == r || f.hasPrefix(r.hasSuffix("/") ? r : r + "/")
    }
}
