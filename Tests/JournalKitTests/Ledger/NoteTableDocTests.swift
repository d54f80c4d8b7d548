import Foundation
import Testing

@testable import JournalKit

/// docs/FORMAT.md's table of follow-up notes ("The note"), read from the file and checked row by
/// row against the ledger.
@Suite struct NoteTableDocTests {
    @Test func everyRowGivesItsNote() throws {
        let rows = try DateTableDocTests.rows(under: "| Follow-up | Note |")
        #expect(rows.count >= 5)
        for row in rows {
            // "`- [x] …`, with `- she asked …` indented under it": the follow-up and a sub-item.
            let parts = row[0].components(separatedBy: "`, with `")
            var text = DateTableDocTests.code(parts[0]) + "\n"
            if parts.count > 1 { text += "  " + parts[1].components(separatedBy: "`")[0] + "\n" }
            let all = entries([("2026-11-02", "## Commitments\n- [ ] Call @ana by Friday\n"), ("2026-11-09", text)])
            let status = Ledger(entries: all).statuses(asOf: day("2026-11-27"), staleAfterDays: 14).first
            let want = row[1] == "none" ? "" : DateTableDocTests.code(row[1])
            #expect((status?.followUps.first?.note ?? "") == want, "\(row[0])")
            #expect(status?.followUps.count == 1, "\(row[0])")
        }
    }
}
