import Yams

/// The settings in `journal.yml`. Every key is optional and has a default.
public struct Config: Hashable, Sendable {
    /// How list items become commitments.
    public enum CommitmentMode: String, Hashable, Sendable, CaseIterable {
        /// Items carrying the commitment tag, and tasks under a commitment heading.
        case tagged
        /// Every task item, for existing Obsidian or GitHub-style notes.
        case allTasks = "all-tasks"
    }

    /// Folder for new entries, relative to the journal.
    public var entries = "entries"
    public var commitmentTag = "commit"
    public var commitments = CommitmentMode.tagged
    public var commitmentHeadings = ["Commitments"]
    public var staleAfterDays = 14
    /// Folder of the journal's own templates, relative to the journal.
    public var templates = "templates"
    public var defaultTemplate = "daily"
    /// Larger entries are not parsed.
    public var maxEntryBytes = 2 * 1024 * 1024
    /// The month (1 is January) the fiscal year starts in: quarters and "end of year" count from it.
    public var fiscalYearStart = 1

    public init() {}

    public static let fileName = "journal.yml"

    /// The keys in file order, with their defaults, for `journal init` and the docs.
    public static let keys = [
        "entries", "commitment-tag", "commitments", "commitment-headings", "stale-after-days", "templates",
        "default-template", "max-entry-bytes", "fiscal-year-start",
    ]

    /// Reads `<root>/journal.yml` by the one opening rule (regular file, at most 64 KiB; a
    /// symlink to a regular file anywhere is fine) and parses it. A missing file is the defaults;
    /// a refused one is an error that never shows its text.
    public static func load(root: String) -> (Config, [Diagnostic]) {
        let path = "\(root)/\(fileName)"
        guard FileReader.exists(path) else { return (Config(), []) }
        let bytes: [UInt8]
        do {
            bytes = try FileReader.read(path, cap: FileReader.configCap)
        } catch {
            let message: String
            switch error {
            case .notRegularFile(_, let kind): message = "not read: it is \(kind), not a regular file"
            case .tooLarge: message = "not read: larger than \(FileReader.configCap / 1024) KiB"
            case .unreadable(_, let reason): message = "cannot read: \(reason)"
            default: message = "cannot read: \(error)"
            }
            return (Config(), [Diagnostic(path: fileName, severity: .error, message: message + "; defaults apply")])
        }
        return parse(String(decoding: bytes, as: UTF8.self))
    }

    /// True for errors that mean the settings were not all read: commands that write refuse them.
    public static func isSettingsError(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.path == fileName && diagnostic.severity == .error
    }

    /// Parses `journal.yml`. Problems are errors naming the line and key; valid keys still apply.
    /// YAML anchors and aliases are refused before Yams sees the text (an alias used as a key is
    /// a billion-laughs hang), and no text of the file is echoed but a plain short key.
    public static func parse(_ text: String, path: String = Config.fileName) -> (Config, [Diagnostic]) {
        var config = Config()
        var diagnostics: [Diagnostic] = []
        func error(_ line: Int?, _ column: Int?, _ message: String) {
            diagnostics.append(Diagnostic(path: path, line: line, column: column, severity: .error, message: message))
        }
        if let alias = YAMLAliases.first(in: text) {
            error(
                alias.line, alias.column,
                "YAML anchors and aliases are not allowed in \(fileName); write each value out; defaults apply")
            return (config, diagnostics)
        }
        if YAMLAliases.flowDepthExceeds(text) {
            error(nil, nil, "lists or mappings nested more than \(YAMLAliases.maxFlowDepth) deep; defaults apply")
            return (config, diagnostics)
        }
        let root: Node?
        switch YAMLReader.compose(text) {
        case .success(let node): root = node
        case .failure(let failure):
            error(failure.line, failure.column, "invalid YAML: \(failure.message)")
            return (config, diagnostics)
        }
        guard let root else { return (config, diagnostics) }
        // `---` alone, or `~`, is a YAML document holding null: an empty file, not a wrong one.
        if case .scalar(let scalar) = root, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
            return (config, diagnostics)
        }
        guard case .mapping(let mapping) = root else {
            error(root.mark?.line, root.mark?.column, "expected a mapping of settings")
            return (config, diagnostics)
        }
        for (keyNode, value) in mapping {
            let key = YAMLReader.scalar(keyNode) ?? ""
            let line = keyNode.mark?.line
            let column = keyNode.mark?.column
            func wrongType(_ expected: String) {
                error(line, column, "'\(key)' must be \(expected)")
            }
            func text() -> String? {
                guard let value = YAMLReader.scalar(value), !value.isEmpty else {
                    wrongType("a non-empty string")
                    return nil
                }
                return value
            }
            func positive() -> Int? {
                guard case .scalar = value, let number = value.int, number > 0 else {
                    wrongType("a positive whole number")
                    return nil
                }
                return number
            }
            func folder() -> String? {
                guard let value = text() else { return nil }
                guard !value.hasPrefix("/"), !value.split(separator: "/").contains("..") else {
                    error(line, column, "'\(key)' must be a folder inside the journal")
                    return nil
                }
                return value
            }
            switch key {
            case "entries": config.entries = folder() ?? config.entries
            case "templates": config.templates = folder() ?? config.templates
            case "commitment-tag":
                guard let tag = text() else { continue }
                config.commitmentTag = tag.trimmingPrefix("#").lowercased()
            case "commitments":
                guard let raw = text() else { continue }
                guard let mode = CommitmentMode(rawValue: raw) else {
                    let choices = CommitmentMode.allCases.map(\.rawValue).joined(separator: ", ")
                    error(line, column, "'commitments' must be one of: \(choices)")
                    continue
                }
                config.commitments = mode
            case "commitment-headings":
                guard case .sequence = value, let list = YAMLReader.strings(value) else {
                    wrongType("a list of heading texts")
                    continue
                }
                config.commitmentHeadings = list
            case "stale-after-days": config.staleAfterDays = positive() ?? config.staleAfterDays
            case "max-entry-bytes": config.maxEntryBytes = positive() ?? config.maxEntryBytes
            case "default-template": config.defaultTemplate = text() ?? config.defaultTemplate
            case "fiscal-year-start":
                guard let month = YAMLReader.scalar(value).flatMap(Config.month) else {
                    wrongType("a month name or number 1–12")
                    continue
                }
                config.fiscalYearStart = month
            default:
                let known = keys.joined(separator: ", ")
                if Self.isPlainKey(key) {
                    error(line, column, "unknown key '\(key)'; known keys: \(known)")
                } else {
                    error(line, column, "line \(line.map(String.init) ?? "?") is not a setting; known keys: \(known)")
                }
            }
        }
        return (config, diagnostics)
    }

    /// A key short and plain enough to quote back: at most 40 letters, digits, `-` and `_`.
    /// Anything else might be someone's secret (journal.yml linked to the wrong file) or
    /// terminal controls, so it is never echoed.
    static func isPlainKey(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.count <= 40
            && key.utf8.allSatisfy {
                ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D
                    || $0 == 0x5F
            }
    }

    /// A month given as a name, a 3-letter abbreviation (any case) or a number 1–12.
    static func month(_ text: String) -> Int? {
        if let number = Int(text) { return (1...12).contains(number) ? number : nil }
        return DatePhrase.months[text.lowercased()]
    }
}
