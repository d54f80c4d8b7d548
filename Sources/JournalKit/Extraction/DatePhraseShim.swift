// Temporary bridge to the directional date API until the date-phrase rewrite lands.
extension DatePhrase {
    public enum Direction: Hashable, Sendable { case forwards, backwards }
    public struct Found: Hashable, Sendable {
        public var resolution: Resolution
        public var offset: Int
        public var text: String
    }
    public struct Unresolved: Hashable, Sendable {
        public var offset: Int
        public var text: String
    }
    public static func all(in text: String, relativeTo base: Day, direction: Direction, fiscalYearStart: Int = 1)
        -> [Found]
    {
        direction == .backwards
            ? [] : all(in: text, relativeTo: base).map { Found(resolution: $0, offset: 0, text: "") }
    }
    public static func first(in text: String, relativeTo base: Day, direction: Direction, fiscalYearStart: Int = 1)
        -> Found?
    {
        all(in: text, relativeTo: base, direction: direction, fiscalYearStart: fiscalYearStart).first
    }
    public static func unresolved(in text: String) -> [Unresolved] { [] }
}
