/// A calendar day in the proleptic Gregorian calendar, with no time zone.
///
/// Stored as days since 1970-01-01 so arithmetic is plain integer math and can never trap
/// on an odd date; only years 1...9999 can be written or parsed.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// Returns nil for impossible dates such as 2026-02-30 or years outside 1...9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = era * 146097 + doe - 719468
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let y = Day.number(bytes[0..<4]), let m = Day.number(bytes[5..<7]),
            let d = Day.number(bytes[8..<10])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return digits.isEmpty ? nil : value
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// Year, month and day.
    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// ISO weekday: 1 is Monday, 7 is Sunday.
    public var weekday: Int {
        let w = (ordinal + 3) % 7  // 1970-01-01 was a Thursday (ISO 4).
        return (w < 0 ? w + 7 : w) + 1
    }

    public func adding(days: Int) -> Day {
        let (sum, overflow) = ordinal.addingReportingOverflow(days)
        return Day(ordinal: overflow ? (days > 0 ? Int.max / 2 : Int.min / 2) : sum)
    }

    public func days(since other: Day) -> Int { ordinal - other.ordinal }

    /// True for days that can be written as `YYYY-MM-DD`.
    public var isRepresentable: Bool { (1...9999).contains(year) }

    /// The last day of this day's month.
    public var endOfMonth: Day {
        let c = components
        return Day(ordinal: ordinal + Day.daysIn(month: c.month, year: c.year) - c.day)
    }

    /// ISO-8601 week-numbering year and week.
    public var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 4 - weekday)
        let year = thursday.year
        guard let jan1 = Day(year: year, month: 1, day: 1) else { return (year, 1) }
        return (year, thursday.days(since: jan1) / 7 + 1)
    }

    public var description: String {
        let c = components
        return Day.pad(c.year, 4) + "-" + Day.pad(c.month, 2) + "-" + Day.pad(c.day, 2)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]

    /// Short English weekday name, e.g. "Fri".
    public var weekdayShortName: String { String(Day.weekdayNames[weekday - 1].prefix(3)) }
    /// Full English weekday name, e.g. "Friday".
    public var weekdayName: String { Day.weekdayNames[weekday - 1] }
    /// `Fri 28 Nov`, with the year when it is not `year`: how journal names a day in prose.
    public func label(inYear year: Int?) -> String {
        let base = "\(weekdayShortName) \(day) \(monthShortName)"
        return year == self.year ? base : "\(base) \(self.year)"
    }

    /// Short English month name, e.g. "Nov".
    public var monthShortName: String { String(Day.monthNames[month - 1].prefix(3)) }
}
