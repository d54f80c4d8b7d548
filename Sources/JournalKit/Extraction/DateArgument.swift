/// Dates given on the command line (`--as-of`, `--since`, `--until`, `--date`), resolved
/// against an injected today so that tests never depend on the clock.
public enum DateArgument {
    /// The forms accepted, for usage errors.
    public static let acceptedForms =
        "YYYY-MM-DD, today, yesterday, tomorrow, 'N days ago', 'N weeks ago', 'in N days', 'in N weeks', "
        + "'next monday', 'last friday', or a phrase such as 'by friday' or 'by dec 4'"

    /// Why a value was refused: what was given, what is wrong, and what is accepted.
    public struct Invalid: Error, Equatable, Sendable, CustomStringConvertible {
        public var value: String
        public var problem: String

        public var description: String { "\(problem) '\(value)'; use \(DateArgument.acceptedForms)" }
    }

    /// The day `text` names, or nil when it is not one of the accepted forms.
    public static func parse(_ text: String, today: Day) -> Day? {
        try? resolve(text, today: today)
    }

    /// The day `text` names. The whole value must be one form: "friday please" is refused.
    /// A bare phrase such as `friday` or `dec 4` reads as `by friday`, `by dec 4`: the next one.
    public static func resolve(_ text: String, today: Day) throws(Invalid) -> Day {
        let words = DatePhrase.words(of: text)
        guard !words.isEmpty else { throw Invalid(value: text, problem: "empty date") }
        if words.count == 1, let resolution = DatePhrase.isoDate(words[0]) {
            guard case .date(let day) = resolution else { throw Invalid(value: text, problem: "impossible date") }
            return day
        }
        if let day = relative(words, today: today) { return day }
        for candidate in [words, ["by"] + words] {
            guard let (resolution, length) = DatePhrase.match(candidate, at: 0, base: today),
                length == candidate.count
            else { continue }
            switch resolution {
            case .date(let day) where day.isRepresentable: return day
            case .date: throw Invalid(value: text, problem: "date out of range")
            case .ambiguous: throw Invalid(value: text, problem: "ambiguous date")
            case .impossible: throw Invalid(value: text, problem: "impossible date")
            }
        }
        throw Invalid(value: text, problem: "unknown date")
    }

    static func relative(_ words: [String], today: Day) -> Day? {
        switch words.count {
        case 1:
            switch words[0] {
            case "today": return today
            case "yesterday": return today.adding(days: -1)
            case "tomorrow": return today.adding(days: 1)
            default: return nil
            }
        case 2:
            guard let weekday = DatePhrase.weekdays[words[1]] else { return nil }
            switch words[0] {
            case "next":
                let offset = (weekday - today.weekday + 7) % 7
                return today.adding(days: offset == 0 ? 7 : offset)
            case "last":
                let offset = (today.weekday - weekday + 7) % 7
                return today.adding(days: -(offset == 0 ? 7 : offset))
            default: return nil
            }
        case 3:
            guard words[2] == "ago", let count = DatePhrase.smallNumber(words[0]) else { return nil }
            switch words[1] {
            case "day", "days": return today.adding(days: -count)
            case "week", "weeks": return today.adding(days: -count * 7)
            default: return nil
            }
        default:
            return nil
        }
    }
}
