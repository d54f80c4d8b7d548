import Testing

@testable import JournalKit

/// `YYYY-MM-DD` as a `Day`; a typo in a test date fails loudly instead of passing as nil.
func day(_ iso: String) -> Day {
    guard let value = Day(iso: iso) else {
        Issue.record("not a valid test date: \(iso)")
        return Day(ordinal: 0)
    }
    return value
}

/// Parses one entry from inline text, as `check` would parse a file with that name.
func parseEntry(
    _ text: String, stem: String = "2026-11-20", path: String? = nil, config: Config = Config()
) -> EntryParser.Result {
    parseEntry(bytes: Array(text.utf8), stem: stem, path: path, config: config)
}

func parseEntry(
    bytes: [UInt8], stem: String = "2026-11-20", path: String? = nil, config: Config = Config()
) -> EntryParser.Result {
    EntryParser(config: config).parse(
        bytes, path: path ?? "\(stem).md", stem: stem, date: day(String(stem.prefix(10))))
}

/// The syntax of the first list item's first paragraph, read through cmark like a real entry.
func itemSyntax(_ markdown: String) -> ItemSyntax? {
    for block in CmarkParser.parse(Array(markdown.utf8)) {
        if case .listItem(let item) = block { return ItemSyntax(spans: item.spans) }
    }
    return nil
}

extension EntryParser.Result {
    var commitments: [Commitment] { entry?.commitments ?? [] }
    var followUps: [FollowUp] { entry?.followUps ?? [] }
    var expectations: [JournalKit.Expectation] { entry?.expectations ?? [] }
    /// `line:column: severity: message`, the part of a diagnostic a test cares about.
    var problems: [String] {
        diagnostics.sorted().map {
            "\($0.line.map(String.init) ?? "-"):\($0.column.map(String.init) ?? "-"): \($0.severity.rawValue): \($0.message)"
        }
    }
}
