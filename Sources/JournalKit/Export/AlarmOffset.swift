/// How long before the start of an event's day its reminder fires: an RFC 5545 duration
/// (ISO 8601's `PnW`, or `PnDTnHnMnS` with any part left out), such as `PT15H` for 09:00 the
/// day before, `P2D` for midnight two days before, or `PT0S` for midnight at the day's start.
public struct AlarmOffset: Hashable, Sendable, CustomStringConvertible {
    public var weeks = 0
    public var days = 0
    public var hours = 0
    public var minutes = 0
    public var seconds = 0

    /// 09:00 the day before.
    public static let dayBeforeAtNine = AlarmOffset(hours: 15)

    /// The longest offset accepted: a reminder more than a year ahead is a typo.
    public static let maximumSeconds = 366 * 86_400

    public init(weeks: Int = 0, days: Int = 0, hours: Int = 0, minutes: Int = 0, seconds: Int = 0) {
        self.weeks = weeks
        self.days = days
        self.hours = hours
        self.minutes = minutes
        self.seconds = seconds
    }

    /// Why a value was refused, in words for a usage error.
    public struct Invalid: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// The accepted forms, for help text and errors.
    public static let acceptedForms =
        "an ISO 8601 duration before the day's start, such as PT15H (09:00 the day before), P2D or PT30M, or none"

    /// Reads `PnW` or `P[nD][T[nH][nM][nS]]`, in any case. No sign (the reminder always comes
    /// before the day's start), no years or months (their length varies; RFC 5545 has none), no
    /// fractions, and weeks not mixed with other parts, as RFC 5545 requires.
    public init(parsing text: String) throws(Invalid) {
        func refuse(_ why: String) -> Invalid { Invalid(description: "'\(text)' is not \(Self.acceptedForms): \(why)") }
        let upper = text.uppercased()
        if upper.isEmpty { throw refuse("it is empty") }
        if upper.contains(".") || upper.contains(",") { throw refuse("fractions are not allowed") }
        if upper.hasPrefix("-") || upper.hasPrefix("+") {
            throw refuse("leave out the sign; the reminder always comes before the day starts")
        }
        guard upper.hasPrefix("P") else { throw refuse("a duration starts with P") }
        let halves = upper.dropFirst().split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        let datePart = Self.parts(halves[0])
        let timePart = halves.count > 1 ? Self.parts(halves[1]) : []
        guard let datePart, let timePart else {
            throw refuse("write a number before each unit (W, D, or H, M, S after T)")
        }
        if halves.count > 1 && timePart.isEmpty { throw refuse("T must be followed by hours, minutes or seconds") }
        if datePart.isEmpty && timePart.isEmpty { throw refuse("it has no amount") }
        if (datePart + timePart).contains(where: { $0.unit == "Y" }) || datePart.contains(where: { $0.unit == "M" }) {
            throw refuse("years and months have no fixed length; use weeks or days")
        }
        guard Self.inOrder(datePart, "WD"), Self.inOrder(timePart, "HMS") else {
            throw refuse("each unit comes once, largest first: W or D, then T and H, M, S")
        }
        var value = AlarmOffset()
        for (amount, unit) in datePart {
            if unit == "W" { value.weeks = amount } else { value.days = amount }
        }
        for (amount, unit) in timePart {
            switch unit {
            case "H": value.hours = amount
            case "M": value.minutes = amount
            default: value.seconds = amount
            }
        }
        if value.weeks > 0 && datePart.count + timePart.count > 1 {
            throw refuse("weeks cannot be combined with other units")
        }
        guard value.totalSeconds <= Self.maximumSeconds else { throw refuse("more than 366 days ahead") }
        self = value
    }

    /// `15H30M` as (15, H), (30, M); nil when a unit has no number, a number no unit, or a
    /// number is longer than 6 digits.
    static func parts(_ text: Substring) -> [(amount: Int, unit: Character)]? {
        var result: [(amount: Int, unit: Character)] = []
        var digits = ""
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            guard !digits.isEmpty, digits.count <= 6, let amount = Int(digits) else { return nil }
            result.append((amount, character))
            digits = ""
        }
        return digits.isEmpty ? result : nil
    }

    /// True when every unit is one of `units`, each at most once, in that order.
    static func inOrder(_ parts: [(amount: Int, unit: Character)], _ units: String) -> Bool {
        let positions = parts.map { units.firstIndex(of: $0.unit) }
        guard positions.allSatisfy({ $0 != nil }) else { return false }
        return zip(positions, positions.dropFirst()).allSatisfy { pair in
            guard let earlier = pair.0, let later = pair.1 else { return false }
            return earlier < later
        }
    }

    public var totalSeconds: Int { (((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds }

    /// The duration in RFC 5545 form, without a sign: `PT15H`, `P2D`, `P1W`, `PT0S`.
    public var description: String {
        if weeks > 0 { return "P\(weeks)W" }
        var text = "P"
        if days > 0 { text += "\(days)D" }
        var time = ""
        if hours > 0 { time += "\(hours)H" }
        if minutes > 0 { time += "\(minutes)M" }
        if seconds > 0 { time += "\(seconds)S" }
        if !time.isEmpty { text += "T" + time }
        return text == "P" ? "PT0S" : text
    }
}
