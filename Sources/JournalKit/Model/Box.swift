/// The status box at the start of a list item, such as `[ ]` or `[x]`.
public enum Box: String, Hashable, Sendable, Codable, CaseIterable {
    case open = " "
    case done = "x"
    case released = "-"
    case carried = ">"
    case inProgress = "/"

    /// Reads the character between the brackets; `X` is done too.
    public init?(mark: Character) {
        switch mark {
        case " ": self = .open
        case "x", "X": self = .done
        case "-": self = .released
        case ">": self = .carried
        case "/": self = .inProgress
        default: return nil
        }
    }

    /// The character shown between the brackets.
    public var mark: String { rawValue }
}
