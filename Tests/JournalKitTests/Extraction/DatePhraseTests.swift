import Testing

@testable import JournalKit

/// Every expression of the format's date table, resolved against the day it was written across
/// week, month, leap-day, year and fiscal-year boundaries. Dates are fixed: nothing here depends
/// on today.
@Suite struct DatePhraseTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var phrase: String
        var written: String
        var expected: DatePhrase.Resolution?
        var fiscalYearStart = 1
        var testDescription: String {
            let fiscal = fiscalYearStart == 1 ? "" : " (fiscal year from month \(fiscalYearStart))"
            return "'\(phrase)' written \(written)\(fiscal) → \(expected.map { "\($0)" } ?? "nil")"
        }

        init(_ phrase: String, on written: String, _ expected: String?, fiscal: Int = 1) {
            self.phrase = phrase
            self.written = written
            self.expected = expected.map { .date(day($0)) }
            self.fiscalYearStart = fiscal
        }

        init(_ phrase: String, on written: String, _ expected: DatePhrase.Resolution) {
            self.phrase = phrase
            self.written = written
            self.expected = expected
        }
    }

    static func resolve(_ test: Case, _ direction: DatePhrase.Direction) -> DatePhrase.Resolution? {
        DatePhrase.first(
            in: test.phrase, relativeTo: day(test.written), direction: direction, fiscalYearStart: test.fiscalYearStart
        )?.resolution
    }

    /// Friday 2026-11-27, the day the table in docs/FORMAT.md is written on.
    static let friday = "2026-11-27"

    // 2026-11-20 and 2026-11-27 are Fridays, 2026-11-23 a Monday, 2026-12-31 a Thursday,
    // 2028-02-28 a Monday; 2028 is a leap year, 2027 is not.
    static let forwards: [Case] = [
        // today, tonight, noon, end of day, clock times (a clock time needs a prefix)
        Case("today", on: friday, friday),
        Case("by today", on: "2026-12-31", "2026-12-31"),
        Case("tonight", on: friday, friday),
        Case("by noon", on: friday, friday),
        Case("noon", on: "2028-02-29", "2028-02-29"),
        Case("by end of day", on: "2028-02-29", "2028-02-29"),
        Case("end of the day", on: friday, friday),
        Case("by the end of the day", on: friday, friday),
        Case("by EOD", on: "2026-11-20", "2026-11-20"),
        Case("eod", on: friday, friday),
        Case("by COB", on: friday, friday),
        Case("by 5pm", on: friday, friday),
        Case("by 5:30pm", on: friday, friday),
        Case("by 17:00", on: friday, friday),
        Case("by 5 pm", on: friday, friday),
        Case("by 12am", on: friday, friday),
        Case("5pm", on: friday, nil),
        Case("by 13pm", on: friday, nil),
        Case("by 24:00", on: friday, nil),
        Case("by 5:7pm", on: friday, nil),
        // a time, then the day it falls on; a day, then a time
        Case("by 5pm Monday", on: friday, "2026-11-30"),
        Case("by noon tomorrow", on: friday, "2026-11-28"),
        Case("EOD on Tuesday", on: friday, "2026-12-01"),
        Case("by end of day Dec 4", on: friday, "2026-12-04"),
        Case("Friday at 5pm", on: friday, "2026-12-04"),
        Case("tomorrow EOD", on: friday, "2026-11-28"),
        Case("Dec 20 by noon", on: friday, "2026-12-20"),
        // tomorrow
        Case("tomorrow", on: friday, "2026-11-28"),
        Case("by tomorrow", on: "2026-11-30", "2026-12-01"),
        Case("by tomorrow", on: "2026-12-31", "2027-01-01"),
        Case("by tomorrow", on: "2028-02-28", "2028-02-29"),
        Case("by tomorrow", on: "2027-02-28", "2027-03-01"),
        // a weekday, bare or after by/on, and next <weekday>: strictly after
        Case("Friday", on: friday, "2026-12-04"),
        Case("on Friday", on: friday, "2026-12-04"),
        Case("by Friday", on: "2026-11-20", "2026-11-27"),
        Case("next Friday", on: friday, "2026-12-04"),
        Case("by next Friday", on: "2026-11-23", "2026-11-27"),
        Case("by Saturday", on: "2026-11-20", "2026-11-21"),
        Case("by Thursday", on: "2026-11-20", "2026-11-26"),
        Case("Monday", on: friday, "2026-11-30"),
        Case("by fri", on: "2026-11-19", "2026-11-20"),
        Case("by Monday", on: "2026-12-31", "2027-01-04"),
        Case("Tuesday", on: "2028-02-28", "2028-02-29"),
        Case("by Wednesday", on: "2028-02-28", "2028-03-01"),
        Case("by Wednesday", on: "2027-02-28", "2027-03-03"),
        Case("by Sunday", on: "2026-11-29", "2026-12-06"),
        Case("tues", on: friday, "2026-12-01"),
        Case("thurs", on: friday, "2026-12-03"),
        Case("wed", on: friday, "2026-12-02"),
        Case("by sat", on: friday, "2026-11-28"),
        Case("next sun", on: friday, "2026-11-29"),
        // this <weekday>: on or after
        Case("this Friday", on: friday, friday),
        Case("this Monday", on: friday, "2026-11-30"),
        Case("this Thursday", on: "2026-12-31", "2026-12-31"),
        // <weekday> next week: that day of the next ISO week
        Case("Tuesday next week", on: friday, "2026-12-01"),
        Case("Tuesday next week", on: "2026-11-23", "2026-12-01"),
        Case("Tuesday", on: "2026-11-23", "2026-11-24"),
        // end of (the) week, EOW, this week: the first Friday on or after
        Case("by end of week", on: friday, friday),
        Case("end of the week", on: "2026-11-23", friday),
        Case("by EOW", on: "2026-11-28", "2026-12-04"),
        Case("this week", on: "2026-11-23", friday),
        Case("by the end of this week", on: "2026-11-24", friday),
        Case("by EOW", on: "2026-12-31", "2027-01-01"),
        Case("by end of week", on: "2028-02-28", "2028-03-03"),
        // next week, end of next week: the Friday of the next ISO week
        Case("next week", on: friday, "2026-12-04"),
        Case("by next week", on: "2026-11-20", "2026-11-27"),
        Case("by next week", on: "2026-11-16", "2026-11-27"),
        Case("by next week", on: "2026-11-22", "2026-11-27"),
        Case("end of next week", on: "2026-11-30", "2026-12-11"),
        Case("by next week", on: "2026-12-31", "2027-01-08"),
        Case("by next week", on: "2028-02-22", "2028-03-03"),
        // end of (the) month, EOM, this month; next month, end of next month
        Case("by end of month", on: friday, "2026-11-30"),
        Case("by EOM", on: "2026-11-30", "2026-11-30"),
        Case("end of the month", on: "2028-02-01", "2028-02-29"),
        Case("this month", on: "2027-02-10", "2027-02-28"),
        Case("by end of month", on: "2026-12-31", "2026-12-31"),
        Case("next month", on: friday, "2026-12-31"),
        Case("end of next month", on: "2026-12-31", "2027-01-31"),
        Case("by next month", on: "2028-01-31", "2028-02-29"),
        // quarters and years with the calendar year (fiscal year from January)
        Case("end of quarter", on: friday, "2026-12-31"),
        Case("by EOQ", on: "2026-12-31", "2026-12-31"),
        Case("this quarter", on: "2027-01-01", "2027-03-31"),
        Case("by the end of the quarter", on: "2026-04-01", "2026-06-30"),
        Case("end of Q1", on: friday, "2027-03-31"),
        Case("by Q3", on: friday, "2027-09-30"),
        Case("due Q4", on: friday, "2026-12-31"),
        Case("by end of Q4", on: "2027-01-01", "2027-12-31"),
        Case("next quarter", on: friday, "2027-03-31"),
        Case("end of next quarter", on: "2027-03-31", "2027-06-30"),
        Case("end of year", on: friday, "2026-12-31"),
        Case("by EOY", on: "2026-12-31", "2026-12-31"),
        Case("this year", on: "2027-01-01", "2027-12-31"),
        Case("next year", on: friday, "2027-12-31"),
        // a fiscal year from April: Q1 ends Jun 30, Q3 Dec 31, Q4 (and the year) Mar 31
        Case("end of quarter", on: friday, "2026-12-31", fiscal: 4),
        Case("end of Q1", on: friday, "2027-06-30", fiscal: 4),
        Case("by Q2", on: friday, "2027-09-30", fiscal: 4),
        Case("end of Q3", on: friday, "2026-12-31", fiscal: 4),
        Case("end of Q4", on: friday, "2027-03-31", fiscal: 4),
        Case("next quarter", on: friday, "2027-03-31", fiscal: 4),
        Case("end of year", on: friday, "2027-03-31", fiscal: 4),
        Case("end of year", on: "2027-03-31", "2027-03-31", fiscal: 4),
        Case("EOY", on: "2027-04-01", "2028-03-31", fiscal: 4),
        Case("next year", on: friday, "2028-03-31", fiscal: 4),
        Case("this quarter", on: "2027-04-01", "2027-06-30", fiscal: 4),
        Case("end of month", on: friday, "2026-11-30", fiscal: 4),
        // a fiscal year from October: Q1 ends Dec 31, Q2 Mar 31, Q4 (and the year) Sep 30
        Case("end of Q1", on: friday, "2026-12-31", fiscal: 10),
        Case("end of Q2", on: friday, "2027-03-31", fiscal: 10),
        Case("end of year", on: friday, "2027-09-30", fiscal: 10),
        Case("next quarter", on: friday, "2027-03-31", fiscal: 10),
        Case("end of year", on: "2026-09-30", "2026-09-30", fiscal: 10),
        Case("by EOY", on: "2026-10-01", "2027-09-30", fiscal: 10),
        Case("end of quarter", on: "2026-10-01", "2026-12-31", fiscal: 10),
        Case("end of quarter", on: "2026-12-31", "2026-12-31", fiscal: 10),
        Case("next quarter", on: "2026-12-31", "2027-03-31", fiscal: 10),
        // the 15th: the next one on or after; a day the month lacks is its last day
        Case("the 15th", on: friday, "2026-12-15"),
        Case("by the 15th", on: "2026-12-15", "2026-12-15"),
        Case("by 15th", on: "2026-12-16", "2027-01-15"),
        Case("on the 27th", on: friday, friday),
        Case("the 31st", on: "2026-04-10", "2026-04-30"),
        Case("the 31st", on: friday, "2026-11-30"),
        Case("on the 30th", on: "2028-02-10", "2028-02-29"),
        Case("on the 30th", on: "2027-02-10", "2027-02-28"),
        Case("the 31st", on: "2026-12-31", "2026-12-31"),
        Case("the 1st", on: "2026-12-31", "2027-01-01"),
        Case("15th", on: friday, nil),
        Case("the 2nd quarter", on: friday, nil),
        // in / within N days, weeks, months
        Case("in 3 days", on: "2026-11-20", "2026-11-23"),
        Case("in 1 day", on: "2028-02-28", "2028-02-29"),
        Case("in 2 days", on: "2027-02-28", "2027-03-02"),
        Case("in 3 days", on: "2026-12-30", "2027-01-02"),
        Case("in 0 days", on: "2026-11-20", "2026-11-20"),
        Case("in 1 week", on: "2026-11-20", "2026-11-27"),
        Case("in 2 weeks", on: "2026-12-24", "2027-01-07"),
        Case("within 2 weeks", on: friday, "2026-12-11"),
        Case("in a week", on: friday, "2026-12-04"),
        Case("in a day", on: friday, "2026-11-28"),
        Case("in two weeks", on: friday, "2026-12-11"),
        Case("in 1 month", on: "2026-01-31", "2026-02-28"),
        Case("in a month", on: "2028-01-31", "2028-02-29"),
        Case("within a month", on: friday, "2026-12-27"),
        Case("in 2 months", on: "2026-12-31", "2027-02-28"),
        Case("due in 3 days", on: friday, "2026-11-30"),
        Case("in 1000 days", on: friday, "2029-08-23"),
        Case("in 10000 days", on: friday, nil),
        Case("in days", on: friday, nil),
        // month-day: the next one on or after
        Case("Dec 20", on: friday, "2026-12-20"),
        Case("December 20th", on: friday, "2026-12-20"),
        Case("20 Dec", on: friday, "2026-12-20"),
        Case("20th December", on: friday, "2026-12-20"),
        Case("20th of December", on: friday, "2026-12-20"),
        Case("by the 20th of December", on: friday, "2026-12-20"),
        Case("by Dec 4", on: "2026-11-20", "2026-12-04"),
        Case("by December 4", on: "2026-12-04", "2026-12-04"),
        Case("by Dec 4", on: "2026-12-05", "2027-12-04"),
        Case("by 4 December", on: "2026-11-20", "2026-12-04"),
        Case("by 4 dec", on: "2026-12-31", "2027-12-04"),
        Case("Nov 27", on: friday, friday),
        Case("Nov 26", on: friday, "2027-11-26"),
        Case("by Jan 2", on: "2026-12-31", "2027-01-02"),
        Case("by Feb 29", on: "2028-01-10", "2028-02-29"),
        Case("by Feb 29", on: "2026-03-01", "2028-02-29"),
        Case("by 29 February", on: "2028-03-01", "2032-02-29"),
        Case("by Jan 5th", on: "2026-11-20", "2027-01-05"),
        Case("May 3", on: friday, "2027-05-03"),
        Case("by 3 May", on: friday, "2027-05-03"),
        Case("3rd May", on: friday, "2027-05-03"),
        Case("the 3 may need more time", on: friday, nil),
        Case("Dec 40", on: friday, nil),
        // month-day with a year: that day
        Case("by Dec 20 2027", on: friday, "2027-12-20"),
        Case("Dec 20, 2027", on: friday, "2027-12-20"),
        Case("20th of December 2025", on: friday, "2025-12-20"),
        // a month alone after a deadline prefix: its last day, next on or after
        Case("by March", on: friday, "2027-03-31"),
        Case("by November", on: friday, "2026-11-30"),
        Case("until October", on: friday, "2027-10-31"),
        Case("by Feb", on: "2028-01-10", "2028-02-29"),
        Case("by March 2028", on: friday, "2028-03-31"),
        Case("end of March", on: friday, "2027-03-31"),
        Case("end of Feb", on: "2028-02-01", "2028-02-29"),
        Case("on March", on: friday, nil),
        Case("March", on: friday, nil),
        // ISO dates, bare or after a prefix
        Case("2026-12-15", on: friday, "2026-12-15"),
        Case("by 2026-12-01", on: "2026-11-20", "2026-12-01"),
        Case("by 2028-02-29", on: "2026-11-20", "2028-02-29"),
        Case("due: 2026-12-09", on: friday, "2026-12-09"),
        Case("by 2026-11-01", on: friday, "2026-11-01"),
        // every prefix: a deadline on that day ("before Friday" reads as "by Friday")
        Case("due Friday", on: friday, "2026-12-04"),
        Case("due by Friday", on: friday, "2026-12-04"),
        Case("due on Friday", on: friday, "2026-12-04"),
        Case("until Friday", on: friday, "2026-12-04"),
        Case("before Friday", on: friday, "2026-12-04"),
        Case("Due: Friday", on: friday, "2026-12-04"),
        // a possessive is a date only after a prefix
        Case("by Friday's standup", on: friday, "2026-12-04"),
        Case("send today's notes by Friday", on: friday, "2026-12-04"),
        Case("by next quarter's review", on: friday, "2027-03-31"),
        Case("Friday's board meeting", on: friday, nil),
        // forms that count only backwards are skipped, never due dates
        Case("yesterday", on: friday, nil),
        Case("yesterday's notes", on: friday, nil),
        Case("3 days ago", on: friday, nil),
        Case("a week ago", on: friday, nil),
        Case("last Friday", on: friday, nil),
        Case("by yesterday", on: friday, nil),
        Case("on last Friday", on: friday, nil),
        // a recurrence is no date, nor is anything in it
        Case("spend one hour every Friday", on: friday, nil),
        Case("each week", on: friday, nil),
        Case("every other Monday", on: friday, nil),
        Case("every 2 weeks", on: friday, nil),
        Case("every day", on: friday, nil),
        Case("each Friday by noon", on: friday, nil),
        Case("every Friday, starting Dec 4", on: friday, "2026-12-04"),
        Case("every bit by Friday", on: friday, "2026-12-04"),
        // case-insensitive, and punctuation around the phrase does not hide it
        Case("BY FRIDAY", on: "2026-11-20", "2026-11-27"),
        Case("By End Of Month", on: "2026-11-20", "2026-11-30"),
        Case("IN 2 WEEKS", on: "2026-11-20", "2026-12-04"),
        Case("By dEc 4", on: "2026-11-20", "2026-12-04"),
        Case("(by Friday).", on: "2026-11-20", "2026-11-27"),
        Case("“by Friday”", on: "2026-11-20", "2026-11-27"),
        Case("send it by Friday, then call", on: "2026-11-20", "2026-11-27"),
        // impossible and ambiguous dates
        Case("by Feb 30", on: friday, .impossible("feb 30")),
        Case("by February 30", on: "2026-11-20", .impossible("february 30")),
        Case("by 31 april", on: "2026-11-20", .impossible("31 april")),
        Case("by Apr 30", on: "2026-11-20", .date(day("2027-04-30"))),
        Case("by Dec 40", on: friday, .impossible("dec 40")),
        Case("by Feb 29 2027", on: friday, .impossible("feb 29 2027")),
        Case("by 2026-02-30", on: friday, .impossible("2026-02-30")),
        Case("2027-02-29", on: friday, .impossible("2027-02-29")),
        Case("by 12/4", on: friday, .ambiguous("12/4")),
        Case("on 4/12", on: friday, .ambiguous("4/12")),
        Case("BY 1/2", on: friday, .ambiguous("1/2")),
        Case("by 12/4/2026", on: friday, .ambiguous("12/4/2026")),
        Case("12/4", on: friday, nil),
        Case("by a/b", on: friday, nil),
        Case("by 12/", on: friday, nil),
    ]

    @Test(arguments: forwards) func dueDatesResolveForwards(_ test: Case) {
        #expect(Self.resolve(test, .forwards) == test.expected)
    }

    static let backwards: [Case] = [
        // today, yesterday
        Case("today", on: friday, friday),
        Case("yesterday", on: friday, "2026-11-26"),
        Case("yesterday", on: "2027-01-01", "2026-12-31"),
        Case("yesterday", on: "2028-03-01", "2028-02-29"),
        // a weekday bare or after on: the most recent on or before
        Case("Friday", on: friday, friday),
        Case("on Friday", on: friday, friday),
        Case("Thursday", on: friday, "2026-11-26"),
        Case("Saturday", on: friday, "2026-11-21"),
        Case("on Monday", on: "2026-11-30", "2026-11-30"),
        Case("Friday", on: "2026-11-30", friday),
        Case("Wednesday", on: "2027-01-01", "2026-12-30"),
        Case("on sun", on: friday, "2026-11-22"),
        Case("sat", on: friday, nil),
        // last <weekday>: the most recent strictly before
        Case("last Friday", on: friday, "2026-11-20"),
        Case("last Thursday", on: friday, "2026-11-26"),
        Case("last sat", on: friday, "2026-11-21"),
        Case("last Monday", on: "2028-03-06", "2028-02-28"),
        // N days / weeks / months ago
        Case("3 days ago", on: friday, "2026-11-24"),
        Case("1 day ago", on: friday, "2026-11-26"),
        Case("three days ago", on: friday, "2026-11-24"),
        Case("2 weeks ago", on: friday, "2026-11-13"),
        Case("a week ago", on: friday, "2026-11-20"),
        Case("2 days ago", on: "2028-03-01", "2028-02-28"),
        Case("3 days ago", on: "2027-01-02", "2026-12-30"),
        Case("a month ago", on: "2026-03-31", "2026-02-28"),
        // month-day: the most recent on or before
        Case("Nov 6", on: friday, "2026-11-06"),
        Case("on Nov 6", on: friday, "2026-11-06"),
        Case("6 Nov", on: friday, "2026-11-06"),
        Case("on the 6th of November", on: friday, "2026-11-06"),
        Case("Nov 27", on: friday, friday),
        // A year back is a date mentioned in passing, not a done date (DatePhrase.doneDateWindow).
        Case("Nov 28", on: friday, nil),
        Case("Dec 31", on: "2027-01-01", "2026-12-31"),
        Case("Feb 29", on: "2028-03-01", "2028-02-29"),
        Case("Feb 29", on: "2027-06-01", nil),
        Case("on Nov 6 2025", on: friday, nil),
        Case("on Jun 6", on: friday, "2026-06-06"),
        Case("on Feb 30", on: friday, .impossible("feb 30")),
        // the 15th: the most recent on or before, clamped to the month's end
        Case("on the 15th", on: friday, "2026-11-15"),
        Case("on 15th", on: friday, "2026-11-15"),
        Case("the 27th", on: friday, friday),
        Case("the 28th", on: friday, "2026-10-28"),
        Case("the 31st", on: friday, "2026-10-31"),
        Case("on the 31st", on: "2026-12-01", "2026-11-30"),
        Case("the 30th", on: "2028-03-10", "2028-02-29"),
        Case("the 31st", on: "2027-01-05", "2026-12-31"),
        // ISO dates as they are; numeric dates after on are ambiguous
        Case("2026-11-20", on: friday, "2026-11-20"),
        Case("on 2026-11-20", on: friday, "2026-11-20"),
        Case("2026-02-30", on: friday, .impossible("2026-02-30")),
        Case("on 12/4", on: friday, .ambiguous("12/4")),
        // by, in, within, due, until, before, next, this week, end of …: never a done date
        Case("by Friday", on: friday, nil),
        Case("due Friday", on: friday, nil),
        Case("due on Friday", on: friday, nil),
        Case("until Friday", on: friday, nil),
        Case("before Friday", on: friday, nil),
        Case("in 2 days", on: friday, nil),
        Case("within a week", on: friday, nil),
        Case("next Friday", on: friday, nil),
        Case("next week", on: friday, nil),
        Case("this week", on: friday, nil),
        Case("end of month", on: friday, nil),
        Case("the end of the week", on: friday, nil),
        Case("by Dec 4", on: friday, nil),
        Case("by the 15th", on: friday, nil),
        Case("tomorrow", on: friday, nil),
        Case("by 5pm", on: friday, nil),
        // the first done date after a forward one
        Case("was due by Friday, done Thursday", on: friday, "2026-11-26"),
        Case("planned in 2 weeks, shipped 3 days ago", on: friday, "2026-11-24"),
        Case("done at noon Wednesday", on: friday, "2026-11-25"),
        Case("dropped it yesterday; next one by Friday", on: friday, "2026-11-26"),
        Case("yesterday's notes", on: friday, nil),
        Case("done every Friday since", on: friday, nil),
        Case("done by Ana on Tuesday", on: friday, "2026-11-24"),
    ]

    @Test(arguments: backwards) func doneDatesResolveBackwards(_ test: Case) {
        #expect(Self.resolve(test, .backwards) == test.expected)
    }

    @Test func theSameWeekdayIsAWeekApartByDirection() {
        let base = day(Self.friday)
        #expect(
            DatePhrase.first(in: "Friday", relativeTo: base, direction: .forwards)?.resolution
                == .date(day("2026-12-04")))
        #expect(DatePhrase.first(in: "Friday", relativeTo: base, direction: .backwards)?.resolution == .date(base))
        #expect(
            DatePhrase.first(in: "Nov 20", relativeTo: base, direction: .backwards)?.resolution
                == .date(day("2026-11-20")))
    }

    @Test func aFiscalYearStartOutsideOneToTwelveIsJanuary() {
        let base = day(Self.friday)
        for start in [0, 13, -4] {
            #expect(
                DatePhrase.first(in: "end of Q1", relativeTo: base, direction: .forwards, fiscalYearStart: start)?
                    .resolution == .date(day("2027-03-31")))
        }
    }

    @Test func theFiscalYearStartDefaultsToJanuary() {
        let base = day(Self.friday)
        #expect(
            DatePhrase.first(in: "end of year", relativeTo: base, direction: .forwards)
                == DatePhrase.first(in: "end of year", relativeTo: base, direction: .forwards, fiscalYearStart: 1))
    }

    @Test func allFindsEveryExpressionWithItsOffsetAndText() {
        let text = "Send (by Tuesday), then call Dec 20th. In 2 weeks at the latest by end of month"
        let found = DatePhrase.all(in: text, relativeTo: day(Self.friday), direction: .forwards)
        #expect(
            found == [
                DatePhrase.Found(resolution: .date(day("2026-12-01")), offset: 6, text: "by Tuesday"),
                DatePhrase.Found(resolution: .date(day("2026-12-20")), offset: 29, text: "Dec 20th"),
                DatePhrase.Found(resolution: .date(day("2026-12-11")), offset: 39, text: "In 2 weeks"),
                DatePhrase.Found(resolution: .date(day("2026-11-30")), offset: 64, text: "by end of month"),
            ])
        #expect(DatePhrase.first(in: text, relativeTo: day(Self.friday), direction: .forwards) == found.first)
        #expect(DatePhrase.all(in: "no dates here", relativeTo: day(Self.friday), direction: .forwards).isEmpty)
        #expect(DatePhrase.first(in: "", relativeTo: day(Self.friday), direction: .backwards) == nil)
    }

    @Test func offsetsCountUTF8BytesAndTextKeepsWhatWasWritten() {
        let base = day(Self.friday)
        // "Café" is 5 bytes and "—" is 3.
        #expect(
            DatePhrase.first(in: "Café — by Dec 20.", relativeTo: base, direction: .forwards)
                == DatePhrase.Found(resolution: .date(day("2026-12-20")), offset: 10, text: "by Dec 20"))
        #expect(
            DatePhrase.first(in: "Deck due:  Friday", relativeTo: base, direction: .forwards)
                == DatePhrase.Found(resolution: .date(day("2026-12-04")), offset: 5, text: "due:  Friday"))
        #expect(
            DatePhrase.first(in: "prep by Friday's standup", relativeTo: base, direction: .forwards)?.text
                == "by Friday's")
        #expect(
            DatePhrase.first(in: "“Done LAST thursday”", relativeTo: base, direction: .backwards)
                == DatePhrase.Found(resolution: .date(day("2026-11-26")), offset: 8, text: "LAST thursday"))
        #expect(
            DatePhrase.first(in: "by Dec 20\n2027", relativeTo: base, direction: .forwards)?.text == "by Dec 20\n2027")
    }

    @Test func backwardReadingSkipsForwardExpressionsWhole() {
        let base = day(Self.friday)
        let text = "was due by Friday, done Thursday"
        #expect(
            DatePhrase.all(in: text, relativeTo: base, direction: .backwards) == [
                DatePhrase.Found(resolution: .date(day("2026-11-26")), offset: 24, text: "Thursday")
            ])
        #expect(
            DatePhrase.all(in: text, relativeTo: base, direction: .forwards) == [
                DatePhrase.Found(resolution: .date(day("2026-12-04")), offset: 4, text: "due by Friday"),
                DatePhrase.Found(resolution: .date(day("2026-12-03")), offset: 24, text: "Thursday"),
            ])
        #expect(
            DatePhrase.all(in: "yesterday's notes, 3 days ago, last Friday", relativeTo: base, direction: .forwards)
                .isEmpty)
    }

    // MARK: Unresolved

    @Test(arguments: [
        ("Ship by Firday", "by Firday"), ("due Tuesdya", "due Tuesdya"), ("by Decmber 4", "by Decmber"),
        ("by end of sprint", "by end of sprint"), ("due end of sprint", "due end of sprint"),
        ("by the end of the sprint", "by the end of the sprint"), ("by next Firday", "by next Firday"),
        ("due asap", "due asap"), ("by soon", "by soon"), ("due soon", "due soon"), ("by 2027", "by 2027"),
        ("due the 45th", "due the 45th"), ("on the 45th", "on the 45th"), ("by 5ish", "by 5ish"),
        ("until 25:00", "until 25:00"), ("before week 3", "before week"), ("on Firday", "on Firday"),
        ("by 3 people", "by 3"), ("by Septmber", "by Septmber"), ("due month", "due month"),
        ("by quarter", "by quarter"), ("until year 2", "until year"), ("by this noon", "by this noon"),
        ("before the eow", "before the eow"), ("by Wednsday", "by Wednsday"), ("by Feburary", "by Feburary"),
    ])
    func dateLikePhrasesThatResolveToNothingAreReported(_ text: String, _ phrase: String) {
        let found = DatePhrase.unresolved(in: text)
        #expect(found.map(\.text) == [phrase])
    }

    @Test(arguments: [
        "on 3 accounts", "on next steps", "on this deck", "by the way", "stand by Ana", "by phone",
        "due to the holidays", "by Friday", "by end of month", "due 2026-12-09", "by 12/4", "by Dec 40", "by Mary",
        "by Marc", "signed off by Judy", "grow by 20%", "by 2x", "by 10k users", "work on March planning",
        "by yesterday", "on the 3 accounts", "by next", "by the end", "standby Friday", "on time", "by Monica",
        "focus on Q1 pipeline", "depends on the 2nd", "we meet on Fridays", "due every Friday", "",
    ])
    func ordinaryPhrasesAreNotReported(_ text: String) {
        #expect(DatePhrase.unresolved(in: text) == [])
    }

    @Test func unresolvedGivesTheOffsetOfItsTriggerWord() {
        #expect(
            DatePhrase.unresolved(in: "Ship it (by Firday).") == [DatePhrase.Unresolved(offset: 9, text: "by Firday")])
        // The trigger is the word before the time word: `due` is not reported separately.
        #expect(
            DatePhrase.unresolved(in: "Deck due by Firday") == [DatePhrase.Unresolved(offset: 9, text: "by Firday")])
        #expect(
            DatePhrase.unresolved(in: "Café by Firday, due asap") == [
                DatePhrase.Unresolved(offset: 6, text: "by Firday"),
                DatePhrase.Unresolved(offset: 17, text: "due asap"),
            ])
    }

    // MARK: Words and shapes

    @Test func wordsAreTrimmedLowercasedAndPossessivesMarked() {
        let words = DatePhrase.tokens(of: "(by “Friday’s”), due: \t5PM\n'x' a-very-long-word-beyond-fifteen").words
        #expect(words.map(\.lower) == ["by", "friday", "due", "5pm", "x", ""])
        #expect(words.map(\.possessive) == [false, true, false, false, false, false])
        #expect(words.map(\.start) == [1, 7, 23, 29, 34, 37])
        #expect(words.map(\.end) == [3, 17, 26, 32, 35, 68])
        #expect(DatePhrase.tokens(of: " \n\t").words.isEmpty)
        // A word with non-ASCII bytes is no date word (every date word is ASCII) and gets the
        // empty key of a long word, unless it starts with a digit or holds a `/`.
        #expect(DatePhrase.tokens(of: "(“”) ’s").words.map(\.lower) == [""])
        #expect(DatePhrase.tokens(of: "Frïday 12th’ ١٢/١١").words.map(\.lower) == ["", "12th", "١٢/١١"])
    }

    @Test func oneEditAway() {
        func check(_ word: String, _ target: String) -> Bool {
            DatePhrase.isOneEditAway(Array(word.utf8), Array(target.utf8))
        }
        #expect(check("firday", "friday"))
        #expect(check("fridy", "friday"))
        #expect(check("fridays", "friday"))
        #expect(check("friday", "friday"))
        #expect(check("frxday", "friday"))
        #expect(!check("fidray", "friday"))
        #expect(!check("frday", "thursday"))
        #expect(!check("fri", "friday"))
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

    @Test(arguments: ["5pm", "12am", "5:30pm", "17:00", "0:00", "23:59", "9:05am"])
    func clockTimes(_ text: String) {
        #expect(DatePhrase.isClock(text))
    }

    @Test(arguments: ["5", "13pm", "0pm", "24:00", "5:7pm", "5:60", "5:300", "123pm", "pm", "5 pm", "5:30xm", ":30"])
    func notClockTimes(_ text: String) {
        #expect(!DatePhrase.isClock(text))
    }

    // MARK: Scale

    /// Every rule reads a bounded number of words, so these stay linear in the text's length.
    @Test(.timeLimit(.minutes(1)), arguments: ["by ", "in 12 ", "by the end of ", "due by Firday ", "on 12/4 "])
    func aLongRepetitiveTextIsReadInLinearTime(_ unit: String) {
        let text = String(repeating: unit, count: 256 * 1024 / unit.utf8.count)
        let base = day(Self.friday)
        let forwards = DatePhrase.all(in: text, relativeTo: base, direction: .forwards)
        let backwards = DatePhrase.all(in: text, relativeTo: base, direction: .backwards)
        let unresolved = DatePhrase.unresolved(in: text)
        #expect(forwards.count <= text.utf8.count && backwards.count <= text.utf8.count)
        #expect(unresolved.count <= text.utf8.count)
    }
}

@Suite struct DatePhraseInPassingTests {
    @Test func aDoneDateMonthsBackIsADateMentionedInPassing() {
        let note = "booked for the session on the 17th of November"
        #expect(DatePhrase.first(in: note, relativeTo: day("2026-10-23"), direction: .backwards) == nil)
        let recent = DatePhrase.first(in: "done on the 17th", relativeTo: day("2026-11-23"), direction: .backwards)
        #expect(recent?.resolution == .date(day("2026-11-17")))
    }

    @Test func theMonthOfAnEventIsNoDeadline() {
        #expect(DatePhrase.unresolved(in: "ops won't touch it before the January release").isEmpty)
        #expect(DatePhrase.unresolved(in: "due the 45th").map(\.text) == ["due the 45th"])
    }
}

@Suite struct OwedDayTests {
    @Test func theDaySomethingWasPromisedIsNotADoneDate() {
        let monday = day("2026-10-14")
        #expect(
            DatePhrase.first(in: "five days late; I'd promised Friday", relativeTo: monday, direction: .backwards)
                == nil)
        #expect(DatePhrase.first(in: "it was meant for Monday", relativeTo: monday, direction: .backwards) == nil)
        let done = DatePhrase.first(
            in: "I'd promised Friday, did it Tuesday", relativeTo: monday, direction: .backwards)
        #expect(done?.resolution == .date(day("2026-10-13")))
        #expect(done?.text == "Tuesday")
    }
}
