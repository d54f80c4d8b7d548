import Testing

@testable import JournalKit

@Suite struct NameSummaryTests {
    let files = [
        (
            "2026-11-02",
            """
            ## Commitments
            - [ ] Send @ana the deck due:2026-11-05 #pipeline ^deck
            - [x] Thank @ana and @tom #credit
            - [ ] Ride along with @tom #coaching

            """
        ),
        ("2026-11-10", "- [x] [[2026-11-02#deck]] sent\n"),
        ("2026-11-20-one-on-one-li", "---\npeople: [li]\n---\nNotes only.\n"),
        ("2026-11-30", "- [-] [[2026-11-02#ride-along-with-tom-coaching]] not needed\n"),
    ]

    func summaries(_ kind: NameSummary.Kind) -> [String] {
        let all = entries(files)
        return NameSummary.all(
            kind, entries: all, ledger: Ledger(entries: all), asOf: day("2026-11-27"), staleAfterDays: 14
        )
        .map { "\($0.name) \($0.made) \($0.kept) \($0.open) \($0.overdue) \($0.lastSeen)" }
    }

    @Test func peopleWithTheirFiguresAndTheLastDaySeen() {
        // Tom's ride-along is stale as of 11-27; its release on 11-30 is after T.
        #expect(summaries(.people) == ["ana 2 2 0 0 2026-11-10", "li 0 0 0 0 2026-11-20", "tom 2 1 0 1 2026-11-02"])
    }

    @Test func tagsCountOnlyCommitments() {
        #expect(
            summaries(.tags) == [
                "coaching 1 0 0 1 2026-11-02", "credit 1 1 0 0 2026-11-02", "pipeline 1 1 0 0 2026-11-10",
            ])
    }
}
