/// Due-date phrases such as "by Friday" or "in 2 weeks", always resolved against the
/// entry's own date and never against today.
public enum DatePhrase {
    /// What a phrase said.
    public enum Resolution: Hashable, Sendable {
        case date(Day)
        /// A numeric date such as `12/4` that could be either day or month first.
        case ambiguous(String)
        /// A date that does not exist, such as `2026-02-30`.
        case impossible(String)
    }

    /// Finds every date phrase in `text`, in order.
    public static func all(in text: String, relativeTo base: Day) -> [Resolution] {
        let words = words(of: text)
        var results: [Resolution] = []
        var index = 0
        while index < words.count {
            if let (resolution, length) = match(words, at: index, base: base) {
                results.append(resolution)
                index += length
            } else {
                index += 1
            }
        }
        return results
    }

    /// The first date phrase in `text`, or nil.
    public static func first(in text: String, relativeTo base: Day) -> Resolution? {
        let words = words(of: text)
        for index in words.indices {
            if let (resolution, _) = match(words, at: index, base: base) { return resolution }
        }
        return nil
    }

    /// Lowercased words with surrounding quotes and punctuation trimmed. Works on UTF-8 bytes:
    /// every phrase word is ASCII, and this runs for every commitment in the journal.
    static func words(of text: String) -> [String] {
        var words: [String] = []
        var utf8 = Array(text.utf8)
        for index in utf8.indices where utf8[index] >= 0x41 && utf8[index] <= 0x5A { utf8[index] |= 0x20 }
        var start = 0
        func flush(_ end: Int) {
            var lower = start
            var upper = end
            while lower < upper {
                if let length = openingLength(utf8, lower) { lower += length } else { break }
            }
            while lower < upper {
                if let length = closingLength(utf8, upper) { upper -= length } else { break }
            }
            if lower < upper { words.append(String(decoding: utf8[lower..<upper], as: UTF8.self)) }
        }
        for (index, byte) in utf8.enumerated() where byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            if index > start { flush(index) }
            start = index + 1
        }
        if start < utf8.count { flush(utf8.count) }
        return words
    }

    /// `(`, `[`, quotes and the curly opening quotes “ ‘.
    static func openingLength(_ bytes: [UInt8], _ index: Int) -> Int? {
        switch bytes[index] {
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "'"): return 1
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && [0x9C, 0x98].contains(bytes[index + 2]):
            return 3
        default: return nil
        }
    }

    /// Sentence punctuation, `)`, `]`, quotes and the curly closing quotes ” ’, ending at `end`.
    static func closingLength(_ bytes: [UInt8], _ end: Int) -> Int? {
        let last = bytes[end - 1]
        if ".,;:!?)]\"'".utf8.contains(last) { return 1 }
        if end >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80, [0x9D, 0x99].contains(last) { return 3 }
        return nil
    }

    static let weekdays: [String: Int] = [
        "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3, "thursday": 4,
        "thu": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
    ]

    static let months: [String: Int] = {
        var table: [String: Int] = [:]
        for (index, name) in Day.monthNames.enumerated() {
            table[name.lowercased()] = index + 1
            table[String(name.lowercased().prefix(3))] = index + 1
        }
        table["sept"] = 9
        return table
    }()

    static func match(_ words: [String], at index: Int, base: Day) -> (Resolution, Int)? {
        let word = words[index]
        func next(_ offset: Int) -> String? { index + offset < words.count ? words[index + offset] : nil }
        switch word {
        case "today":
            return (.date(base), 1)
        case "tomorrow":
            return (.date(base.adding(days: 1)), 1)
        case "in":
            guard let count = next(1).flatMap(smallNumber), let unit = next(2) else { return nil }
            switch unit {
            case "day", "days": return (.date(base.adding(days: count)), 3)
            case "week", "weeks": return (.date(base.adding(days: count * 7)), 3)
            default: return nil
            }
        case "by":
            guard let first = next(1) else { return nil }
            if first == "today" { return (.date(base), 2) }
            if first == "tomorrow" { return (.date(base.adding(days: 1)), 2) }
            if first == "eod" { return (.date(base), 2) }
            if first == "eow" { return (.date(fridayOnOrAfter(base)), 2) }
            if first == "eom" { return (.date(base.endOfMonth), 2) }
            if first == "end", next(2) == "of", let unit = next(3) {
                switch unit {
                case "day": return (.date(base), 4)
                case "week": return (.date(fridayOnOrAfter(base)), 4)
                case "month": return (.date(base.endOfMonth), 4)
                default: return nil
                }
            }
            if first == "next", next(2) == "week" {
                let monday = base.adding(days: 1 - base.weekday)
                return (.date(monday.adding(days: 7 + 4)), 3)
            }
            if let weekday = weekdays[first] {
                var offset = (weekday - base.weekday + 7) % 7
                if offset == 0 { offset = 7 }
                return (.date(base.adding(days: offset)), 2)
            }
            if let month = months[first], let day = next(2).flatMap(dayOfMonth) {
                return (nextOccurrence(month: month, day: day, words: "\(first) \(day)", base: base), 3)
            }
            if let day = dayOfMonth(first), let monthWord = next(2), let month = months[monthWord] {
                return (nextOccurrence(month: month, day: day, words: "\(day) \(monthWord)", base: base), 3)
            }
            if let resolution = isoDate(first) { return (resolution, 2) }
            if isNumericDate(first) { return (.ambiguous(first), 2) }
            return nil
        default:
            return nil
        }
    }

    /// `YYYY-MM-DD`: a date, an impossible one, or nil when the text is not of that shape.
    public static func isoDate(_ text: String) -> Resolution? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            Day.number(bytes[0..<4]) != nil, Day.number(bytes[5..<7]) != nil, Day.number(bytes[8..<10]) != nil
        else { return nil }
        if let day = Day(iso: text) { return .date(day) }
        return .impossible(text)
    }

    static func fridayOnOrAfter(_ day: Day) -> Day { day.adding(days: (5 - day.weekday + 7) % 7) }

    static func smallNumber(_ text: String) -> Int? {
        guard text.count <= 4, let value = Int(text), value >= 0 else { return nil }
        return value
    }

    static func dayOfMonth(_ text: String) -> Int? {
        var digits = Substring(text)
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) {
            digits = digits.dropLast(2)
        }
        guard digits.count <= 2, let value = Int(digits), (1...31).contains(value) else { return nil }
        return value
    }

    static func isNumericDate(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        return (2...3).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    static func nextOccurrence(month: Int, day: Int, words: String, base: Day) -> Resolution {
        // Feb 29 may be up to eight years away; any other impossible day never occurs.
        for year in base.year...(base.year + 8) {
            if let candidate = Day(year: year, month: month, day: day), candidate >= base { return .date(candidate) }
        }
        return .impossible(words)
    }
}
