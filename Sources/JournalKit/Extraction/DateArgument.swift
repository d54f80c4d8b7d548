/// Dates given on the command line (`--as-of`, `--since`, `--until`, `--date`), resolved
/// against an injected today so that tests never depend on the clock.
public enum DateArgument {
    /// The forms accepted, for usage errors.
    public static let acceptedForms =
        "YYYY-MM-DD, today, yesterday, tomorrow, 'N days ago', 'N weeks ago', 'last friday', "
        + "a weekday or day such as 'monday', 'dec 4' or 'the 15th' (the most recent one), "
        + "or a phrase ahead such as 'next monday', 'in 2 weeks', 'by friday' or 'end of month'"

    /// Why a value was refused: what was given, what is wrong, and what is accepted.
    public struct Invalid: Error, Equatable, Sendable, CustomStringConvertible {
        public var value: String
        public var problem: String

        public var description: String { "\(problem) '\(value)'; use \(DateArgument.acceptedForms)" }
    }

    /// The day `text` names, or nil when it is not one of the accepted forms.
    public static func parse(_ text: String, today: Day, fiscalYearStart: Int = 1) -> Day? {
        try? resolve(text, today: today, fiscalYearStart: fiscalYearStart)
    }

    /// The day `text` names. The whole value must be one expression: "friday please" is refused.
    /// A bare weekday or day (`monday`, `dec 4`, `the 15th`) is the most recent one on or before
    /// today, as done dates are; `next …`, `in …`, `by …` and the other due-date forms count ahead.
    /// With `direction` `.forwards` (a new due date: `journal move --to friday`) every form reads as
    /// a due date does: the next Friday, the next Dec 4.
    public static func resolve(
        _ text: String, today: Day, fiscalYearStart: Int = 1, direction: DatePhrase.Direction = .backwards
    ) throws(Invalid) -> Day {
        let words = DatePhrase.tokens(of: text).words
        guard !words.isEmpty else { throw Invalid(value: text, problem: "empty date") }
        let matcher = DatePhrase.Matcher(words: words, base: today, fiscalYearStart: fiscalYearStart)
        // Backwards first, then the same with `on` in front ("15th", "sat", "12/4"), then forwards.
        let onCore = matcher.backwardCore(at: 0, .on).flatMap {
            matcher.checked($0.0, at: 0, length: $0.1, prefixed: false)
        }
        let byCore = matcher.forwardCore(at: 0, .deadline).flatMap {
            matcher.checked($0.0, at: 0, length: $0.1, prefixed: false)
        }
        let order =
            direction == .forwards
            ? [matcher.forward(at: 0), byCore] : [matcher.backward(at: 0), onCore, matcher.forward(at: 0)]
        for match in order {
            guard let match, match.length == words.count, case .found(let resolution) = match.outcome else { continue }
            switch resolution {
            case .date(let day) where day.isRepresentable: return day
            case .date: throw Invalid(value: text, problem: "date out of range")
            case .ambiguous: throw Invalid(value: text, problem: "ambiguous date")
            case .impossible: throw Invalid(value: text, problem: "impossible date")
            }
        }
        throw Invalid(value: text, problem: "unknown date")
    }
}
