import Testing

@testable import JournalKit

/// The ledger judges on every core through `parallelArray`: every slot filled once, in order.
@Suite struct ParallelArrayTests {
    @Test(arguments: [0, 1, 255, 256, 257, 10_000])
    func fillsEverySlotInOrder(count: Int) {
        #expect(parallelArray(count: count) { $0 * 3 } == (0..<count).map { $0 * 3 })
    }

    /// Files are handed out 16 at a time; the order is the input's.
    @Test(arguments: [0, 1, 15, 16, 17, 1000])
    func parallelMapKeepsTheOrder(count: Int) {
        let items = (0..<count).map { "f\($0)" }
        #expect(parallelMap(items) { $0 + "!" } == items.map { $0 + "!" })
    }

    /// Only a review with no filter at all shares the statuses unfiltered.
    @Test func selectsAllOnlyWithoutFilters() {
        var options = ReviewOptions(asOf: Day(iso: "2026-11-20")!)
        #expect(options.selectsAll)
        options.person = "ana"
        #expect(!options.selectsAll)
        options = ReviewOptions(asOf: Day(iso: "2026-11-20")!)
        options.since = Day(iso: "2026-01-01")
        #expect(!options.selectsAll)
    }

    /// Statuses judged in parallel are the ones judged one by one, and stop at the as-of date.
    @Test func statusesMatchJudgingOneByOne() {
        let base = Day(iso: "2026-01-01")!
        let entries = (0..<600).map { index -> Entry in
            let day = base.adding(days: index)
            let commitment = Commitment(
                reference: Reference(stem: day.description, id: "c"), text: "Call \(index)", box: .open, people: [],
                tags: [], due: index % 3 == 0 ? day.adding(days: 5) : nil, made: day, path: "\(day).md",
                location: SourceLocation(line: 1))
            return Entry(path: "\(day).md", stem: day.description, date: day, commitments: [commitment])
        }
        let ledger = Ledger(entries: entries)
        let asOf = base.adding(days: 400)
        let expected = ledger.commitments.filter { $0.made <= asOf }.map {
            ledger.judge($0, asOf: asOf, staleAfterDays: 14)
        }
        #expect(ledger.statuses(asOf: asOf, staleAfterDays: 14) == expected)
        #expect(expected.count == 401)
    }
}
