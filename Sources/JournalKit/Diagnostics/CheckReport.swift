/// The result of `journal check`: every problem in the journal, sorted, with a count summary.
public struct CheckReport: Sendable, Equatable {
    public var entries: Int
    public var commitments: Int
    /// Sorted by path, then line.
    public var diagnostics: [Diagnostic]

    public init(journal: Journal) {
        entries = journal.entries.count
        commitments = journal.entries.reduce(0) { $0 + $1.commitments.count }
        diagnostics = (journal.diagnostics + journal.ledger.followUpProblems()).sorted()
    }

    public var errors: Int { diagnostics.count { $0.severity == .error } }
    public var warnings: Int { diagnostics.count { $0.severity == .warning } }

    /// "12 entries, 31 commitments, 2 errors, 1 warning".
    public var summary: String {
        [
            Plural.count(entries, "entry", "entries"), Plural.count(commitments, "commitment"),
            Plural.count(errors, "error"), Plural.count(warnings, "warning"),
        ].joined(separator: ", ")
    }

    /// The diagnostics as JSON for editors, with the counts.
    public var json: JSONValue {
        .object([
            ("entries", .int(entries)), ("commitments", .int(commitments)), ("errors", .int(errors)),
            ("warnings", .int(warnings)), ("diagnostics", .array(diagnostics.map(\.json))),
        ])
    }
}

extension Diagnostic {
    var json: JSONValue {
        .object([
            ("path", .string(path)), ("line", .int(line)), ("column", .int(column)),
            ("severity", .string(severity.rawValue)), ("message", .string(message)),
        ])
    }
}

/// English counts: "1 entry", "2 entries".
public enum Plural {
    public static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
    }
}
