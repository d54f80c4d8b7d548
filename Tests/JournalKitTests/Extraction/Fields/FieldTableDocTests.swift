import Foundation
import Testing

@testable import JournalKit

/// docs/FORMAT.md's field tables name exactly the symbols and keys the grammars read.
@Suite struct FieldTableDocTests {
    static func format() throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/FORMAT.md")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The backticked words of the first column of the first table after `heading`.
    static func firstColumn(after heading: String) throws -> Set<String> {
        let text = try format()
        let start = try #require(text.range(of: "\n\(heading)\n"))
        var cells = Set<String>()
        var inTable = false
        for line in text[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("|") {
                inTable = true
                let first = line.split(separator: "|").first.map(String.init) ?? ""
                for (index, part) in first.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                where index % 2 == 1 {
                    cells.insert(String(part))
                }
            } else if inTable {
                break
            }
        }
        return cells
    }

    @Test func obsidianTasksSymbols() throws {
        let documented = try Self.firstColumn(after: "### Obsidian Tasks")
        let read = Set(EmojiFields.table.map { String(decoding: $0.symbol, as: UTF8.self) })
        #expect(documented == read)
    }

    @Test func dataviewKeys() throws {
        let documented = Set(try Self.firstColumn(after: "### Dataview").map { $0.lowercased() })
        #expect(documented == Set(DataviewFields.table.map(\.key)))
    }

    @Test func logseqMarkers() throws {
        let documented = try Self.firstColumn(after: "### Logseq")
        #expect(documented == Set(LogseqFields.markers.map { String(decoding: $0.marker, as: UTF8.self) }))
    }
}
