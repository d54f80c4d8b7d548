import Testing

@testable import JournalKit

@Suite struct DayTests {
    @Test func epochAndRoundTrip() {
        #expect(Day(year: 1970, month: 1, day: 1)?.ordinal == 0)
        #expect(Day(year: 1969, month: 12, day: 31)?.ordinal == -1)
        for iso in ["0001-01-01", "1900-02-28", "2000-02-29", "2026-11-20", "2028-02-29", "9999-12-31"] {
            #expect(Day(iso: iso)?.description == iso)
            #expect(Day(iso: iso).map { Day(ordinal: $0.ordinal) } == Day(iso: iso))
        }
    }

    @Test func leapYears() {
        #expect(Day.isLeap(2024))
        #expect(Day.isLeap(2000))
        #expect(!Day.isLeap(1900))
        #expect(!Day.isLeap(2026))
        #expect(Day(year: 2028, month: 2, day: 29) != nil)
        #expect(Day(year: 2027, month: 2, day: 29) == nil)
        #expect(Day(year: 1900, month: 2, day: 29) == nil)
    }

    @Test(arguments: [
        "2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "0000-01-01", "2026-1-01",
        "2026/01/01", "20260101", "2026-01-01 ", "abcd-01-01", "2026-+1-01", "",
    ])
    func invalidISODates(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func weekdays() {
        #expect(day("2026-11-20").weekday == 5)
        #expect(day("2026-11-22").weekday == 7)
        #expect(day("2026-11-23").weekday == 1)
        #expect(day("1970-01-01").weekday == 4)
        #expect(day("1969-12-29").weekday == 1)
        #expect(day("2026-11-20").weekdayName == "Friday")
        #expect(day("2026-11-20").weekdayShortName == "Fri")
        #expect(day("2026-11-20").monthShortName == "Nov")
    }

    @Test func arithmeticAcrossBoundaries() {
        #expect(day("2026-12-31").adding(days: 1) == day("2027-01-01"))
        #expect(day("2028-02-28").adding(days: 1) == day("2028-02-29"))
        #expect(day("2027-03-01").adding(days: -1) == day("2027-02-28"))
        #expect(day("2027-01-01").days(since: day("2026-01-01")) == 365)
        #expect(day("2029-01-01").days(since: day("2028-01-01")) == 366)
    }

    @Test func addingNeverTraps() {
        let far = day("2026-11-20").adding(days: Int.max)
        #expect(!far.isRepresentable)
        #expect(!day("2026-11-20").adding(days: Int.min).isRepresentable)
        #expect(day("9999-12-31").isRepresentable)
        #expect(!day("9999-12-31").adding(days: 1).isRepresentable)
    }

    @Test func endOfMonth() {
        #expect(day("2026-11-20").endOfMonth == day("2026-11-30"))
        #expect(day("2028-02-01").endOfMonth == day("2028-02-29"))
        #expect(day("2027-02-28").endOfMonth == day("2027-02-28"))
        #expect(day("2026-12-31").endOfMonth == day("2026-12-31"))
    }

    @Test func isoWeeks() {
        #expect(day("2026-11-20").isoWeek == (2026, 47))
        #expect(day("2026-12-31").isoWeek == (2026, 53))
        #expect(day("2027-01-03").isoWeek == (2026, 53))
        #expect(day("2027-01-04").isoWeek == (2027, 1))
        #expect(day("2024-12-30").isoWeek == (2025, 1))
    }

    @Test func ordering() {
        #expect(day("2026-11-20") < day("2026-11-21"))
        #expect(!(day("2026-11-20") < day("2026-11-20")))
    }
}
