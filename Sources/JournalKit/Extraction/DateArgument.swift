/// Dates given on the command line (`--as-of`, `--since`, `--until`, `--date`), resolved
/// against an injected today so that tests never depend on the clock.
public enum DateArgument {
    /// The forms accepted, for usage errors.
    public static let acceptedForms =
        "YYYY-MM-DD, today, yesterday, tomorrow, 'N days ago', 'N weeks ago', 'in N days', or a phrase such as 'by friday'"

    public static func parse(_ text: String, today: Day) -> Day? {
        let words = text.lowercased().split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard !words.isEmpty else { return nil }
        if words.count == 1, case .date(let day)? = DatePhrase.isoDate(words[0]) { return day }
        switch words.count {
        case 1:
            switch words[0] {
            case "today": return today
            case "yesterday": return today.adding(days: -1)
            case "tomorrow": return today.adding(days: 1)
            default: break
            }
        case 3 where words[2] == "ago":
            guard let count = DatePhrase.smallNumber(words[0]) else { return nil }
            switch words[1] {
            case "day", "days": return today.adding(days: -count)
            case "week", "weeks": return today.adding(days: -7 * count)
            default: return nil
            }
        default: break
        }
        let phrase = words.first == "in" || words.first == "by" ? words : ["by"] + words
        guard case .date(let day)? = DatePhrase.first(in: phrase.joined(separator: " "), relativeTo: today),
            day.isRepresentable
        else { return nil }
        return day
    }
}
