import Testing

@testable import JournalKit

@Suite struct DateArgumentTests {
    /// A Monday.
    let today = day("2026-11-23")

    @Test(arguments: [
        ("2026-11-27", "2026-11-27"), ("today", "2026-11-23"), ("Yesterday", "2026-11-22"),
        ("tomorrow", "2026-11-24"), ("3 days ago", "2026-11-20"), ("1 day ago", "2026-11-22"),
        ("2 weeks ago", "2026-11-09"), ("in 2 days", "2026-11-25"), ("in 1 week", "2026-11-30"),
        ("next monday", "2026-11-30"), ("next friday", "2026-11-27"), ("last monday", "2026-11-16"),
        ("last sunday", "2026-11-22"), ("by friday", "2026-11-27"), ("friday", "2026-11-27"),
        ("by eow", "2026-11-27"), ("by dec 4", "2026-12-04"), ("dec 4", "2026-12-04"),
        ("  next   Friday ", "2026-11-27"),
    ])
    func acceptedForms(_ text: String, _ expected: String) throws {
        #expect(try DateArgument.resolve(text, today: today) == day(expected))
        #expect(DateArgument.parse(text, today: today) == day(expected))
    }

    @Test(arguments: [
        ("2026-02-30", "impossible date"), ("someday", "unknown date"), ("next friday please", "unknown date"),
        ("", "empty date"), ("12/4", "ambiguous date"), ("friday 3 days ago", "unknown date"),
        ("next week day", "unknown date"),
    ])
    func refusedForms(_ text: String, _ problem: String) {
        #expect(throws: DateArgument.Invalid(value: text, problem: problem)) {
            try DateArgument.resolve(text, today: today)
        }
        #expect(DateArgument.parse(text, today: today) == nil)
    }

    @Test func theErrorListsTheAcceptedForms() {
        let message = DateArgument.Invalid(value: "someday", problem: "unknown date").description
        #expect(message.hasPrefix("unknown date 'someday'; use YYYY-MM-DD, today, yesterday"))
    }
}
