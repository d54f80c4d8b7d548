#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A prompt template found by name: the journal's own, or a built-in.
public struct PromptTemplate: Hashable, Sendable {
    public enum Source: String, Hashable, Sendable {
        case journal
        case builtIn = "built-in"
    }

    public var name: String
    public var source: Source
    /// Where the text came from, for messages: `templates/daily.md` (relative to the journal)
    /// or `built-in:daily.md`.
    public var path: String
    public var text: String

    public init(name: String, source: Source, path: String, text: String) {
        self.name = name
        self.source = source
        self.path = path
        self.text = text
    }

    /// The `title:` in the template's front matter as written, quotes removed. It may hold
    /// mustache tags; the renderer fills them in for the entry's default title.
    public var title: String? { TemplateFrontMatter.title(in: text)?.value }
}

/// Why a template could not be used.
public enum TemplateError: Error, CustomStringConvertible, Equatable, Sendable {
    case invalidName(String, available: [String])
    case notFound(String, available: [String])
    /// A symlink in the templates folder that leads out of it.
    case outsideFolder(String, available: [String])
    /// A FIFO, device, socket or folder named like a template (the kind is "a FIFO" and so on).
    case notRegularFile(String, kind: String)
    case unreadable(String, String)
    /// A mustache syntax error, at a 1-based line and column of the template file.
    case syntax(path: String, line: Int, column: Int, problem: String)

    public var description: String {
        switch self {
        case .invalidName(let name, let available):
            return "invalid template name '\(name)': names use only a-z, 0-9 and '-'; available: "
                + available.joined(separator: ", ")
        case .notFound(let name, let available):
            return "no template named '\(name)'; available: \(available.joined(separator: ", "))"
        case .outsideFolder(let name, let available):
            return "template '\(name)' is a symlink pointing outside the templates folder; refused; available: "
                + available.joined(separator: ", ")
        case .notRegularFile(let path, let kind): return "template \(path) is \(kind), not a regular file; refused"
        case .unreadable(let path, let reason): return "cannot read template \(path): \(reason)"
        case .syntax(let path, let line, let column, let problem): return "\(path):\(line):\(column): \(problem)"
        }
    }
}

/// Finds templates by name: `<journal>/<templates>/NAME.md` first, then the built-in NAME.
///
/// Names are `[a-z0-9-]+` only, so a name can never reach outside the templates folder, and a
/// symlink in the folder is followed only when it stays inside it.
public struct TemplateLibrary: Sendable {
    /// The journal's templates folder, absolute.
    public var folder: String
    /// The same folder relative to the journal, for messages.
    public var relativeFolder: String
    public var builtIns: [String: String]

    /// Templates larger than this are refused: a prompt is a page, not a book.
    static let maxBytes = FileReader.templateCap

    public init(root: String, config: Config, builtIns: [String: String] = BuiltInTemplates.all) {
        relativeFolder = LocatorPath.clean(config.templates)
        folder = relativeFolder.isEmpty ? root : "\(root)/\(relativeFolder)"
        self.builtIns = builtIns
    }

    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    /// Every usable name, journal and built-in, sorted and without repeats.
    public var availableNames: [String] {
        Array(Set(builtIns.keys).union(journalNames().filter { checkInside($0) })).sorted()
    }

    public func resolve(_ name: String) throws(TemplateError) -> PromptTemplate {
        guard Self.isValidName(name) else { throw .invalidName(name, available: availableNames) }
        let path = "\(folder)/\(name).md"
        var info = stat()
        let found = lstat(path, &info) == 0
        // ENOENT means no such template; anything else (templates/ unreadable) is an error,
        // never a quiet fall-back to the built-in.
        if !found && errno != ENOENT && errno != ENOTDIR {
            throw .unreadable(relativePath(name), JournalError.reason(errno))
        }
        if found {
            switch placement(name) {
            case .inside: break
            case .outside: throw .outsideFolder(name, available: availableNames)
            case .notRegular(let kind): throw .notRegularFile(relativePath(name), kind: kind)
            case .unreadable(let reason): throw .unreadable(relativePath(name), reason)
            }
            let bytes: [UInt8]
            do {
                bytes = try FileReader.read(path, cap: Self.maxBytes)
            } catch {
                switch error {
                case .notRegularFile(_, let kind): throw .notRegularFile(relativePath(name), kind: kind)
                case .tooLarge: throw .unreadable(relativePath(name), "larger than \(Self.maxBytes / 1024) KiB")
                case .unreadable(_, let reason): throw .unreadable(relativePath(name), reason)
                default: throw .unreadable(relativePath(name), "\(error)")
                }
            }
            return PromptTemplate(
                name: name, source: .journal, path: relativePath(name), text: String(decoding: bytes, as: UTF8.self))
        }
        if let text = builtIns[name] {
            return PromptTemplate(name: name, source: .builtIn, path: "built-in:\(name).md", text: text)
        }
        throw .notFound(name, available: availableNames)
    }

    /// Every template, the journal's shadowing built-ins of the same name, sorted by name.
    /// Files that cannot be used are reported, not listed.
    public func list() -> (templates: [PromptTemplate], problems: [Diagnostic]) {
        var byName: [String: PromptTemplate] = [:]
        for (name, text) in builtIns {
            byName[name] = PromptTemplate(name: name, source: .builtIn, path: "built-in:\(name).md", text: text)
        }
        var problems: [Diagnostic] = []
        var files: [String] = []
        switch EntryFiles.listing(folder) {
        case .success(let names): files = names.sorted()
        case .failure(let error) where error.code != ENOENT:
            // An unreadable templates folder hides the journal's own templates: say so.
            problems.append(
                Diagnostic(
                    path: relativeFolder.isEmpty ? "." : relativeFolder, severity: .error,
                    message: "cannot read the templates folder: \(JournalError.reason(error.code))"))
        case .failure: break
        }
        for file in files where file.hasSuffix(".md") && !file.hasPrefix(".") {
            let name = String(file.dropLast(3))
            let path = relativePath(name)
            guard Self.isValidName(name) else {
                problems.append(
                    Diagnostic(
                        path: path, severity: .warning,
                        message: "template names use only a-z, 0-9 and '-'; this file cannot be used"))
                continue
            }
            do {
                byName[name] = try resolve(name)
            } catch {
                problems.append(Diagnostic(path: path, severity: .warning, message: error.description))
            }
        }
        return (byName.values.sorted { $0.name < $1.name }, problems.sorted())
    }

    /// True for the journal's own file of a built-in's name whose text is not the current
    /// built-in's: a copy `journal init` made from an older version, or one edited since. It
    /// wins over the built-in, so it misses whatever the built-in gained. Line endings aside,
    /// the text must match byte for byte to count as current.
    public func isOutdatedCopy(_ template: PromptTemplate) -> Bool {
        guard template.source == .journal, let builtIn = builtIns[template.name] else { return false }
        return Self.normalizedLineEndings(template.text) != Self.normalizedLineEndings(builtIn)
    }

    static func normalizedLineEndings(_ text: String) -> String {
        text.replacing("\r\n", with: "\n")
    }

    func relativePath(_ name: String) -> String {
        relativeFolder.isEmpty ? "\(name).md" : "\(relativeFolder)/\(name).md"
    }

    func journalNames() -> [String] {
        (EntryFiles.list(folder) ?? []).compactMap { file in
            guard file.hasSuffix(".md") else { return nil }
            let name = String(file.dropLast(3))
            return Self.isValidName(name) ? name : nil
        }
    }

    /// True when `NAME.md` in the folder is a regular file whose real path is inside the folder.
    func checkInside(_ name: String) -> Bool { placement(name) == .inside }

    enum Placement: Equatable {
        case inside, outside
        case notRegular(String)
        case unreadable(String)
    }

    /// Where `NAME.md` leads: a regular file inside the folder, outside it, or something that
    /// is not a file at all (a FIFO is said to be a FIFO, not a symlink out).
    func placement(_ name: String) -> Placement {
        let path = "\(folder)/\(name).md"
        guard let real = EntryFiles.realPath(path), let folderReal = EntryFiles.realPath(folder) else {
            return errno == EACCES ? .unreadable(JournalError.reason(errno)) : .outside
        }
        guard real.hasPrefix(folderReal == "/" ? "/" : folderReal + "/") else { return .outside }
        var info = stat()
        guard stat(real, &info) == 0 else { return .unreadable(JournalError.reason(errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .notRegular(FileReader.kind(info.st_mode)) }
        return .inside
    }
}

/// Reads the `title:` line of a template's front matter without a YAML parser, because the
/// template is not YAML until it is rendered.
enum TemplateFrontMatter {
    /// The title's value and the 0-based index of its line.
    static func title(in text: String) -> (value: String, line: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map({ $0.trimmingSuffix("\r") == "---" }) == true else { return nil }
        for (index, raw) in lines.enumerated().dropFirst() {
            let line = raw.trimmingSuffix("\r")
            if line == "---" || line == "..." { return nil }
            guard line.hasPrefix("title:") else { continue }
            var value = String(line.dropFirst("title:".count)).trimmingSpaces
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            return (value, index)
        }
        return nil
    }
}

extension Substring {
    func trimmingSuffix(_ suffix: String) -> Substring { hasSuffix(suffix) ? dropLast(suffix.count) : self }
}
