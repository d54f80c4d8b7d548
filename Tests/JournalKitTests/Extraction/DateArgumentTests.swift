import Testing

@testable import JournalKit

@Suite struct DateArgumentTests {
    /// A Monday.
    let today = day("2026-11-23")

    @Test(arguments: [
        ("2026-11-27", "2026-11-27"), ("today", "2026-11-23"), ("Yesterday", "2026-11-22"),
        ("tomorrow", "2026-11-24"), ("3 days ago", "2026-11-20"), ("1 day ago", "2026-11-22"),
        ("2 weeks ago", "2026-11-09"), ("a week ago", "2026-11-16"), ("in 2 days", "2026-11-25"),
        ("in 1 week", "2026-11-30"), ("next monday", "2026-11-30"), ("next friday", "2026-11-27"),
        ("last monday", "2026-11-16"), ("last sunday", "2026-11-22"), ("by friday", "2026-11-27"),
        ("by eow", "2026-11-27"), ("by dec 4", "2026-12-04"), ("  next   Friday ", "2026-11-27"),
    ])
    func acceptedForms(_ text: String, _ expected: String) throws {
        #expect(try DateArgument.resolve(text, today: today) == day(expected))
        #expect(DateArgument.parse(text, today: today) == day(expected))
    }

    /// A bare weekday or day is the most recent one on or before today, as a done date is.
    @Test(arguments: [
        ("friday", "2026-11-20"), ("monday", "2026-11-23"), ("tuesday", "2026-11-17"), ("Sunday", "2026-11-22"),
        ("sat", "2026-11-21"), ("on friday", "2026-11-20"), ("dec 4", "2025-12-04"), ("nov 23", "2026-11-23"),
        ("23 november", "2026-11-23"), ("nov 24", "2025-11-24"), ("the 15th", "2026-11-15"), ("15th", "2026-11-15"),
        ("the 31st", "2026-10-31"), ("feb 29", "2024-02-29"),
    ])
    func bareDaysCountBackwards(_ text: String, _ expected: String) throws {
        #expect(try DateArgument.resolve(text, today: today) == day(expected))
    }

    /// `next …`, `in …`, `by …`, `tomorrow` and the other due-date forms count forwards.
    @Test(arguments: [
        ("this friday", "2026-11-27"), ("this monday", "2026-11-23"), ("end of month", "2026-11-30"),
        ("next week", "2026-12-04"), ("in 2 weeks", "2026-12-07"), ("in a month", "2026-12-23"),
        ("by the 15th", "2026-12-15"), ("by the 23rd", "2026-11-23"), ("end of quarter", "2026-12-31"),
        ("by march", "2027-03-31"), ("eoy", "2026-12-31"), ("next month", "2026-12-31"), ("tonight", "2026-11-23"),
    ])
    func forwardFormsCountFromToday(_ text: String, _ expected: String) throws {
        #expect(try DateArgument.resolve(text, today: today) == day(expected))
    }

    @Test func newDateMondayOnATuesdayIsYesterday() throws {
        #expect(try DateArgument.resolve("monday", today: day("2026-11-24")) == day("2026-11-23"))
        #expect(try DateArgument.resolve("next monday", today: day("2026-11-24")) == day("2026-11-30"))
    }

    @Test func theFiscalYearMovesQuartersAndYears() throws {
        #expect(try DateArgument.resolve("end of year", today: today, fiscalYearStart: 4) == day("2027-03-31"))
        #expect(try DateArgument.resolve("end of quarter", today: today, fiscalYearStart: 10) == day("2026-12-31"))
        #expect(DateArgument.parse("end of year", today: today, fiscalYearStart: 10) == day("2027-09-30"))
    }

    @Test(arguments: [
        ("2026-02-30", "impossible date"), ("feb 30", "impossible date"), ("by feb 30", "impossible date"),
        ("someday", "unknown date"), ("next friday please", "unknown date"), ("", "empty date"), ("  ", "empty date"),
        ("12/4", "ambiguous date"), ("by 12/4", "ambiguous date"), ("friday 3 days ago", "unknown date"),
        ("next week day", "unknown date"), ("march", "unknown date"), ("5pm", "unknown date"),
        ("by yesterday", "unknown date"), ("yesterday friday", "unknown date"), ("friday's", "unknown date"),
        ("in 99999 days", "unknown date"),
    ])
    func refusedForms(_ text: String, _ problem: String) {
        #expect(throws: DateArgument.Invalid(value: text, problem: problem)) {
            try DateArgument.resolve(text, today: today)
        }
        #expect(DateArgument.parse(text, today: today) == nil)
    }

    @Test func aDayPastYear9999IsOutOfRange() {
        #expect(throws: DateArgument.Invalid(value: "in 5 days", problem: "date out of range")) {
            try DateArgument.resolve("in 5 days", today: day("9999-12-30"))
        }
    }

    @Test func theErrorListsTheAcceptedForms() {
        let message = DateArgument.Invalid(value: "someday", problem: "unknown date").description
        #expect(message.hasPrefix("unknown date 'someday'; use YYYY-MM-DD, today, yesterday"))
        #expect(message.contains("'dec 4'") && message.contains("'next monday'"))
    }
}

@Suite struct DateArgumentForwardsTests {
    /// `journal move --to`: a new due date reads ahead, like a due date in an entry.
    @Test func aNewDueDateReadsAhead() throws {
        let friday = day("2026-11-27")
        #expect(try DateArgument.resolve("friday", today: friday, direction: .forwards) == day("2026-12-04"))
        #expect(try DateArgument.resolve("friday", today: friday) == friday)
        #expect(try DateArgument.resolve("nov 6", today: friday, direction: .forwards) == day("2027-11-06"))
        #expect(try DateArgument.resolve("march", today: friday, direction: .forwards) == day("2027-03-31"))
        #expect(try DateArgument.resolve("2026-12-20", today: friday, direction: .forwards) == day("2026-12-20"))
        #expect(throws: DateArgument.Invalid.self) {
            try DateArgument.resolve("yesterday", today: friday, direction: .forwards)
        }
    }
}
