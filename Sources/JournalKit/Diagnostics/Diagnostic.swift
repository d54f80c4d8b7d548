/// A problem found in the journal: a finding to report, never a thrown error.
public struct Diagnostic: Hashable, Sendable, Codable, Comparable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    /// Path relative to the journal, with `/`.
    public var path: String
    public var line: Int?
    public var column: Int?
    public var severity: Severity
    public var message: String

    public init(path: String, line: Int? = nil, column: Int? = nil, severity: Severity, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    public init(path: String, at location: SourceLocation?, _ severity: Severity, _ message: String) {
        self.init(path: path, line: location?.line, column: location?.column, severity: severity, message: message)
    }

    /// `path:line:col: severity: message`, leaving out parts that are unknown.
    public var formatted: String {
        var position = path
        if let line {
            position += ":\(line)"
            if let column { position += ":\(column)" }
        }
        return "\(position): \(severity.rawValue): \(message)"
    }

    /// Path, then line, then column, then message: the order a user reads.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.path, lhs.line ?? 0, lhs.column ?? 0, lhs.message) < (
            rhs.path, rhs.line ?? 0, rhs.column ?? 0, rhs.message
        )
    }
}
