import Testing

@testable import JournalKit

/// Every phrase from the format's table, resolved against the entry's date across week, month,
/// leap-day and year boundaries. Dates are fixed: nothing here depends on today.
@Suite struct DatePhraseTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var phrase: String
        var written: String
        var due: String?
        var testDescription: String { "'\(phrase)' written \(written) → \(due ?? "nil")" }

        init(_ phrase: String, on written: String, _ due: String?) {
            self.phrase = phrase
            self.written = written
            self.due = due
        }
    }

    static func resolve(_ phrase: String, on written: String) -> DatePhrase.Resolution? {
        DatePhrase.first(in: phrase, relativeTo: day(written))
    }

    // 2026-11-20 is a Friday; 2026-12-31 a Thursday; 2028 is a leap year, 2027 is not.
    static let cases: [Case] = [
        // today, by today, by end of day
        Case("today", on: "2026-11-20", "2026-11-20"),
        Case("by today", on: "2026-12-31", "2026-12-31"),
        Case("by end of day", on: "2028-02-29", "2028-02-29"),
        Case("by EOD", on: "2026-11-20", "2026-11-20"),
        // by tomorrow
        Case("by tomorrow", on: "2026-11-20", "2026-11-21"),
        Case("by tomorrow", on: "2026-11-30", "2026-12-01"),
        Case("by tomorrow", on: "2026-12-31", "2027-01-01"),
        Case("by tomorrow", on: "2028-02-28", "2028-02-29"),
        Case("by tomorrow", on: "2027-02-28", "2027-03-01"),
        // by <weekday>: strictly after, so the same weekday means a week later
        Case("by Friday", on: "2026-11-20", "2026-11-27"),
        Case("by Saturday", on: "2026-11-20", "2026-11-21"),
        Case("by Thursday", on: "2026-11-20", "2026-11-26"),
        Case("by Monday", on: "2026-11-20", "2026-11-23"),
        Case("by fri", on: "2026-11-19", "2026-11-20"),
        Case("by Monday", on: "2026-12-31", "2027-01-04"),
        Case("by Tuesday", on: "2028-02-28", "2028-02-29"),
        Case("by Wednesday", on: "2028-02-28", "2028-03-01"),
        Case("by Wednesday", on: "2027-02-28", "2027-03-03"),
        Case("by Sunday", on: "2026-11-29", "2026-12-06"),
        // by end of week, by EOW: the Friday on or after
        Case("by end of week", on: "2026-11-20", "2026-11-20"),
        Case("by EOW", on: "2026-11-21", "2026-11-27"),
        Case("by end of week", on: "2026-11-16", "2026-11-20"),
        Case("by EOW", on: "2026-12-31", "2027-01-01"),
        Case("by end of week", on: "2028-02-28", "2028-03-03"),
        // by end of month, by EOM
        Case("by end of month", on: "2026-11-20", "2026-11-30"),
        Case("by EOM", on: "2026-11-30", "2026-11-30"),
        Case("by end of month", on: "2028-02-01", "2028-02-29"),
        Case("by EOM", on: "2027-02-10", "2027-02-28"),
        Case("by end of month", on: "2026-12-31", "2026-12-31"),
        // by next week: the Friday of the following week
        Case("by next week", on: "2026-11-20", "2026-11-27"),
        Case("by next week", on: "2026-11-16", "2026-11-27"),
        Case("by next week", on: "2026-11-22", "2026-11-27"),
        Case("by next week", on: "2026-12-31", "2027-01-08"),
        Case("by next week", on: "2028-02-22", "2028-03-03"),
        // in N days, in N weeks
        Case("in 3 days", on: "2026-11-20", "2026-11-23"),
        Case("in 1 day", on: "2028-02-28", "2028-02-29"),
        Case("in 2 days", on: "2027-02-28", "2027-03-02"),
        Case("in 3 days", on: "2026-12-30", "2027-01-02"),
        Case("in 0 days", on: "2026-11-20", "2026-11-20"),
        Case("in 1 week", on: "2026-11-20", "2026-11-27"),
        Case("in 2 weeks", on: "2026-12-24", "2027-01-07"),
        Case("in 1 week", on: "2028-02-25", "2028-03-03"),
        // by <month> <day>, by <day> <month>: the next occurrence on or after
        Case("by Dec 4", on: "2026-11-20", "2026-12-04"),
        Case("by December 4", on: "2026-12-04", "2026-12-04"),
        Case("by Dec 4", on: "2026-12-05", "2027-12-04"),
        Case("by 4 December", on: "2026-11-20", "2026-12-04"),
        Case("by 4 dec", on: "2026-12-31", "2027-12-04"),
        Case("by Jan 2", on: "2026-12-31", "2027-01-02"),
        Case("by Feb 29", on: "2028-01-10", "2028-02-29"),
        Case("by Feb 29", on: "2026-03-01", "2028-02-29"),
        Case("by 29 February", on: "2028-03-01", "2032-02-29"),
        Case("by Jan 5th", on: "2026-11-20", "2027-01-05"),
        Case("by Nov 30", on: "2026-11-30", "2026-11-30"),
        // by YYYY-MM-DD
        Case("by 2026-12-01", on: "2026-11-20", "2026-12-01"),
        Case("by 2028-02-29", on: "2026-11-20", "2028-02-29"),
        // case-insensitive
        Case("BY FRIDAY", on: "2026-11-20", "2026-11-27"),
        Case("By End Of Month", on: "2026-11-20", "2026-11-30"),
        Case("IN 2 WEEKS", on: "2026-11-20", "2026-12-04"),
        Case("By dEc 4", on: "2026-11-20", "2026-12-04"),
        // punctuation around the phrase does not hide it
        Case("(by Friday).", on: "2026-11-20", "2026-11-27"),
        Case("send it by Friday, then call", on: "2026-11-20", "2026-11-27"),
    ]

    @Test(arguments: cases) func phraseResolvesAgainstTheEntryDate(_ test: Case) {
        let expected = test.due.map { DatePhrase.Resolution.date(day($0)) }
        #expect(Self.resolve(test.phrase, on: test.written) == expected)
    }

    /// Words that look like dates but are not phrases in the format.
    @Test(arguments: [
        "Friday", "on Friday", "next week", "end of month", "in a week", "in 3 months", "in days",
        "by the way", "by", "by Ana", "by next month", "by end of year", "by Dec", "by Dec 40", "2026-12-01",
        "standby Friday", "due soon", "",
    ])
    func nonPhraseGivesNoDate(_ text: String) {
        #expect(Self.resolve(text, on: "2026-11-20") == nil)
    }

    @Test(arguments: ["by 12/4", "by 4/12", "by 12/4/2026", "BY 1/2"])
    func numericDateIsAmbiguous(_ phrase: String) {
        let word = phrase.lowercased().dropFirst(3)
        #expect(Self.resolve(phrase, on: "2026-11-20") == .ambiguous(String(word)))
    }

    @Test func slashWithoutDigitsIsNotADate() {
        #expect(Self.resolve("by a/b", on: "2026-11-20") == nil)
        #expect(Self.resolve("by 12/", on: "2026-11-20") == nil)
    }

    @Test(arguments: ["by 2026-02-30", "by 2026-13-01", "by 2027-02-29"])
    func impossibleISODate(_ phrase: String) {
        #expect(Self.resolve(phrase, on: "2026-11-20") == .impossible(String(phrase.dropFirst(3))))
    }

    @Test func impossibleMonthDayNeverOccurs() {
        #expect(Self.resolve("by February 30", on: "2026-11-20") == .impossible("february 30"))
        #expect(Self.resolve("by 31 april", on: "2026-11-20") == .impossible("31 april"))
        #expect(Self.resolve("by Apr 30", on: "2026-11-20") == .date(day("2027-04-30")))
    }

    @Test func firstPhraseWinsAndAllFindsEveryOne() {
        let text = "by Friday, or in 2 weeks, at the latest by end of month"
        let base = day("2026-11-20")
        #expect(DatePhrase.first(in: text, relativeTo: base) == .date(day("2026-11-27")))
        #expect(
            DatePhrase.all(in: text, relativeTo: base) == [
                .date(day("2026-11-27")), .date(day("2026-12-04")), .date(day("2026-11-30")),
            ])
        #expect(DatePhrase.all(in: "no dates here", relativeTo: base).isEmpty)
    }

    @Test func isoDateShape() {
        #expect(DatePhrase.isoDate("2026-11-20") == .date(day("2026-11-20")))
        #expect(DatePhrase.isoDate("2026-02-30") == .impossible("2026-02-30"))
        #expect(DatePhrase.isoDate("0000-01-01") == .impossible("0000-01-01"))
        #expect(DatePhrase.isoDate("2026-1-20") == nil)
        #expect(DatePhrase.isoDate("2026/11/20") == nil)
        #expect(DatePhrase.isoDate("2026-11-20x") == nil)
        #expect(DatePhrase.isoDate("abcd-ef-gh") == nil)
    }
}
