import Foundation
import Testing

@testable import JournalKit

/// docs/FORMAT.md's two tables of date expressions, read from the file and checked cell by cell,
/// so the table a user reads is the one the code follows.
@Suite struct DateTableDocTests {
    static let format = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/FORMAT.md")

    /// The rows of the table whose header line starts with `header`, as cells.
    static func rows(under header: String) throws -> [[String]] {
        let lines = try String(contentsOf: format, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix(header) }) else {
            Issue.record("no table '\(header)' in docs/FORMAT.md")
            return []
        }
        // `\|` is a pipe inside a cell, not a cell break.
        return lines[(start + 2)...].prefix { $0.hasPrefix("|") }.map { line in
            line.replacingOccurrences(of: "\\|", with: "\u{1}").split(separator: "|", omittingEmptySubsequences: false)
                .dropFirst().dropLast().map {
                    $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{1}", with: "|")
                }
        }
    }

    /// `` `by Friday` `` → `by Friday`.
    static func code(_ cell: String) -> String { cell.trimmingCharacters(in: CharacterSet(charactersIn: "`")) }

    /// The day a cell names (`Fri 2026-12-04`), or nil for any other text.
    static func expectedDay(_ cell: String) -> Day? {
        cell.split(separator: " ").compactMap { Day(iso: $0) }.first
    }

    static func read(_ text: String, _ base: Day, _ direction: DatePhrase.Direction, fiscal: Int = 1) -> Day? {
        guard
            case .date(let day)? = DatePhrase.first(
                in: text, relativeTo: base, direction: direction, fiscalYearStart: fiscal)?.resolution
        else { return nil }
        return day
    }

    @Test func everyFormWrittenOnFridayTheTwentySeventh() throws {
        let base = day("2026-11-27")
        let rows = try Self.rows(under: "| Form | Example | Due")
        #expect(rows.count >= 40)
        for row in rows {
            let text = Self.code(row[1])
            #expect(Self.read(text, base, .forwards) == Self.expectedDay(row[2]), "due: \(text)")
            #expect(Self.read(text, base, .backwards) == Self.expectedDay(row[3]), "done: \(text)")
            let argument = try? DateArgument.resolve(text, today: base)
            #expect(argument == Self.expectedDay(row[4]), "command line: \(text)")
            if row[2].contains("error") {
                #expect(
                    DatePhrase.first(in: text, relativeTo: base, direction: .forwards)?.resolution
                        == .impossible(
                            String(text.lowercased().dropFirst(3))), "\(text)")
            }
        }
    }

    @Test func monthEndsYearEndsLeapYearsAndFiscalYears() throws {
        let rows = try Self.rows(under: "| Expression | Written on | `fiscal-year-start`")
        #expect(rows.count >= 12)
        let months = ["January": 1, "April": 4, "October": 10]
        for row in rows {
            let text = Self.code(row[0].components(separatedBy: ", ")[0])
            guard let base = Self.expectedDay(row[1]), let fiscal = months[row[2]] else {
                Issue.record("unreadable row \(row)")
                continue
            }
            #expect(Self.read(text, base, .forwards, fiscal: fiscal) == Self.expectedDay(row[3]), "due: \(row)")
            #expect(Self.read(text, base, .backwards, fiscal: fiscal) == Self.expectedDay(row[4]), "done: \(row)")
        }
    }
}
