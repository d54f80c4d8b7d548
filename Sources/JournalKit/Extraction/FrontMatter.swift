import Yams

/// The optional YAML block between `---` lines at the very start of an entry.
public struct FrontMatter: Hashable, Sendable {
    public var template: String?
    public var title: String?
    public var tags: [String] = []
    public var people: [String] = []
    /// The `date:` value as written, if any.
    public var date: String?
    public var dateLine: Int?

    public init() {}

    /// Where the front matter ends, as found in the raw bytes.
    struct Split {
        /// The YAML text between the fences.
        var yaml: String
        /// Byte offset where the body starts.
        var bodyStart: Int
        /// Lines taken by the front matter, fences included.
        var lineCount: Int
        /// False when the opening fence is never closed.
        var closed: Bool
    }

    /// Finds front matter at the start of `bytes`. Accepts LF, CRLF and lone CR line endings.
    static func split(_ bytes: UnsafeRawBufferPointer) -> Split? {
        var lines = LineCursor(bytes)
        guard let first = lines.next(), first.text == "---" else { return nil }
        var count = 1
        while let line = lines.next() {
            count += 1
            if line.text == "---" || line.text == "..." {
                let yamlBytes = UnsafeRawBufferPointer(rebasing: bytes[first.end..<line.start])
                return Split(
                    yaml: String(decoding: yamlBytes, as: UTF8.self), bodyStart: line.end, lineCount: count,
                    closed: true)
            }
        }
        return Split(yaml: "", bodyStart: first.end, lineCount: 1, closed: false)
    }

    /// Reads the YAML; problems are reported as warnings at file lines.
    static func parse(_ yaml: String, path: String) -> (FrontMatter, [Diagnostic]) {
        var result = FrontMatter()
        var diagnostics: [Diagnostic] = []
        func warn(_ line: Int?, _ message: String) {
            diagnostics.append(Diagnostic(path: path, line: line, severity: .warning, message: message))
        }
        if let pairs = FlatYAML.parse(yaml) {
            for pair in pairs {
                let line = pair.line + 1
                switch (pair.key, pair.value) {
                case ("template", .scalar(let value)): result.template = value
                case ("title", .scalar(let value)): result.title = value
                case ("date", .scalar(let value)):
                    result.date = value
                    result.dateLine = line
                case ("tags", .scalar(let value)), ("people", .scalar(let value)):
                    result.set(pair.key, YAMLReader.commaSeparated(value))
                case ("tags", .list(let values)), ("people", .list(let values)):
                    result.set(pair.key, values)
                case ("person", .scalar(let value)): result.addPerson(value)
                case ("tags", .empty), ("people", .empty), ("template", _), ("title", _), ("date", _), ("person", _):
                    break
                case ("tags", _), ("people", _):
                    warn(line, "front matter '\(pair.key)' should be a list of names")
                default:
                    continue  // Other keys belong to the user and other tools.
                }
            }
            return (result, diagnostics)
        }
        if let refusal = Self.refusal(yaml) {
            warn(refusal.line, "front matter not read: \(refusal.reason)")
            return (result, diagnostics)
        }
        let node: Node?
        switch YAMLReader.compose(yaml, lineOffset: 1) {
        case .success(let value): node = value
        case .failure(let failure):
            warn(failure.line, "front matter is not valid YAML: \(failure.message)")
            return (result, diagnostics)
        }
        guard let node else { return (result, diagnostics) }
        guard YAMLReader.nodeCount(node, limit: Self.maxNodes) <= Self.maxNodes else {
            warn(1, "front matter not read: its aliases expand to more than \(Self.maxNodes) YAML nodes")
            return (result, diagnostics)
        }
        guard case .mapping(let mapping) = node else {
            warn(YAMLReader.line(of: node, lineOffset: 1), "front matter is not a YAML mapping")
            return (result, diagnostics)
        }
        for (keyNode, value) in mapping {
            let key = YAMLReader.scalar(keyNode) ?? ""
            let line = YAMLReader.line(of: keyNode, lineOffset: 1)
            switch key {
            case "template": result.template = YAMLReader.scalar(value)
            case "title": result.title = YAMLReader.scalar(value)
            case "date":
                result.date = YAMLReader.scalar(value)
                result.dateLine = line
            case "person": YAMLReader.scalar(value).map { result.addPerson($0) }
            case "tags", "people":
                guard let list = YAMLReader.strings(value) else {
                    warn(line, "front matter '\(key)' should be a list of names")
                    continue
                }
                result.set(key, list)
            default:
                continue  // Other keys belong to the user and other tools.
            }
        }
        return (result, diagnostics)
    }
}

extension FrontMatter {
    /// Front matter YAML expands to at most this many nodes once aliases are followed.
    static let maxNodes = 10_000
    /// And holds at most this many aliases, none of them (or an anchor) as a key.
    static let maxAliases = 100

    /// Why the YAML is not given to Yams at all: aliases as keys, too many aliases, or flow
    /// collections nested too deep. Each check is one linear pass.
    static func refusal(_ yaml: String) -> (line: Int, reason: String)? {
        let marks = YAMLAliases.all(in: yaml, limit: maxAliases + 1)
        if let key = marks.first(where: \.isKey) {
            return (key.line + 1, "a YAML alias or anchor is used as a key")
        }
        let aliases = marks.filter(\.isAlias)
        if aliases.count > maxAliases {
            return (aliases[maxAliases].line + 1, "more than \(maxAliases) YAML aliases")
        }
        if YAMLAliases.flowDepthExceeds(yaml) {
            return (1, "lists or mappings nested more than \(YAMLAliases.maxFlowDepth) deep")
        }
        return nil
    }

    /// Tags and people are names: without `#` or `@`, lowercased.
    mutating func set(_ key: String, _ values: [String]) {
        let names = values.map { $0.trimmingPrefix(key == "tags" ? "#" : "@").lowercased() }
        if key == "tags" {
            tags = names
        } else {
            // `person:` may have come first; keep it, once.
            people = names + people.filter { !names.contains($0) }
        }
    }

    /// `person: ana`, as a 1:1 names the one person it is about.
    mutating func addPerson(_ value: String) {
        let name = value.trimmingSpaces.trimmingPrefix("@").lowercased()
        if !name.isEmpty, !people.contains(name) { people.append(name) }
    }
}

extension String {
    /// Without `prefix` when the text starts with it, such as `#` on a tag or `@` on a name.
    public func trimmingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}

/// Iterates lines of raw bytes, treating LF, CRLF and lone CR as line ends.
struct LineCursor {
    struct Line {
        var start: Int
        /// Offset just past the line end.
        var end: Int
        var text: String
    }

    let bytes: UnsafeRawBufferPointer
    var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    mutating func next() -> Line? {
        guard offset < bytes.count else { return nil }
        let start = offset
        var end = start
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        var after = end
        if after < bytes.count {
            after += (bytes[after] == 0x0D && after + 1 < bytes.count && bytes[after + 1] == 0x0A) ? 2 : 1
        }
        offset = after
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return Line(start: start, end: after, text: text.trimmingSpaces)
    }
}
