/// Date expressions in free text ("by Friday", "done yesterday", "end of Q3"), always resolved
/// against a base day (the entry's own date), never against today. docs/FORMAT.md has the table.
public enum DatePhrase {
    /// What an expression said.
    public enum Resolution: Hashable, Sendable {
        case date(Day)
        /// A numeric date such as `12/4` that could be either day or month first.
        case ambiguous(String)
        /// A date that does not exist, such as `2026-02-30`.
        case impossible(String)
    }

    /// Due dates resolve forwards; done and release dates backwards.
    public enum Direction: Hashable, Sendable { case forwards, backwards }

    /// One date expression found in a text.
    public struct Found: Hashable, Sendable {
        public var resolution: Resolution
        /// UTF-8 byte offset in the searched text where the expression starts (its first word,
        /// including a leading `by`/`on`/`due`).
        public var offset: Int
        /// The expression as written, original case, e.g. "by Dec 20", "last Friday".
        public var text: String

        public init(resolution: Resolution, offset: Int, text: String) {
            self.resolution = resolution
            self.offset = offset
            self.text = text
        }
    }

    /// A date-like phrase that nothing resolved, e.g. "by Firday", "due end of sprint".
    public struct Unresolved: Hashable, Sendable {
        /// UTF-8 byte offset of the trigger word (`by`, `due`, `until`, `before`, `on`).
        public var offset: Int
        /// The trigger word and the words that made it look like a date, original case.
        public var text: String

        public init(offset: Int, text: String) {
            self.offset = offset
            self.text = text
        }
    }

    /// Every date expression in `text`, in order. An expression of the other direction is read
    /// and skipped, so "3 days ago" is never a due date and "by Friday" never a done date.
    public static func all(
        in text: String, relativeTo base: Day, direction: Direction, fiscalYearStart: Int = 1
    ) -> [Found] {
        scan(text, base: base, direction: direction, fiscalYearStart: fiscalYearStart, firstOnly: false)
    }

    /// The first date expression in `text`, or nil.
    public static func first(
        in text: String, relativeTo base: Day, direction: Direction, fiscalYearStart: Int = 1
    ) -> Found? {
        scan(text, base: base, direction: direction, fiscalYearStart: fiscalYearStart, firstOnly: true).first
    }

    /// Phrases where `by`, `due`, `until`, `before` or `on` is followed by a time word ("by Firday",
    /// "due end of sprint", "by 2027") and no expression of either direction starts there.
    public static func unresolved(in text: String) -> [Unresolved] {
        let tokens = tokens(of: text)
        // The base day does not matter: only whether something matches.
        return unresolved(tokens, Matcher(words: tokens.words, base: Day(ordinal: 0), fiscalYearStart: 1))
    }

    /// `first(in:…)` forwards and `unresolved(in:)` of one text, read once (see `Reading`).
    public static func firstAndUnresolved(
        in text: String, relativeTo base: Day, fiscalYearStart: Int = 1
    ) -> (first: Found?, unresolved: [Unresolved]) {
        let reading = Reading(text, relativeTo: base, fiscalYearStart: fiscalYearStart)
        return (reading.first(.forwards), reading.unresolved())
    }

    /// One text tokenised once, with the grammar's matches remembered, for the several questions
    /// asked of it: a commitment's due date and its unresolved phrases, a follow-up's dates both
    /// ways. Asked separately, each question re-read every word (a line of 300,000 `[due::` took
    /// twice as long). The answers are those of `all`, `first` and `unresolved(in:)`.
    public struct Reading {
        let tokens: Tokens
        let matcher: Matcher
        let base: Day

        public init(_ text: String, relativeTo base: Day, fiscalYearStart: Int = 1) {
            tokens = DatePhrase.tokens(of: text)
            var matcher = Matcher(words: tokens.words, base: base, fiscalYearStart: fiscalYearStart)
            matcher.memo = Matcher.Memo(count: tokens.words.count)
            self.matcher = matcher
            self.base = base
        }

        public func all(_ direction: Direction) -> [Found] {
            DatePhrase.scan(tokens, matcher, base: base, direction: direction, firstOnly: false)
        }

        public func first(_ direction: Direction) -> Found? {
            DatePhrase.scan(tokens, matcher, base: base, direction: direction, firstOnly: true).first
        }

        /// Whether something matches does not depend on the base day, so the remembered matches serve.
        public func unresolved() -> [Unresolved] { DatePhrase.unresolved(tokens, matcher) }
    }

    static func unresolved(_ tokens: Tokens, _ matcher: Matcher) -> [Unresolved] {
        var found: [Unresolved] = []
        for index in tokens.words.indices where !tokens.words[index].lower.isEmpty && triggers.contains(matcher[index])
        {
            if matcher.forward(at: index) != nil || matcher.backward(at: index) != nil { continue }
            guard let last = matcher.timeWordSpan(after: index) else { continue }
            found.append(Unresolved(offset: tokens.words[index].start, text: tokens.text(index, last)))
        }
        return found
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

    static let triggers: Set<String> = ["by", "due", "until", "before", "on"]

    /// Whether an expression of either direction can start at a word with this key. Every rule
    /// reads its first word as one of `startWords`, as digits (an amount, a day, a year, an ISO or
    /// numeric date; `Int` also reads a leading `+`), or not at all: so no other word starts one.
    /// A word outside ASCII is still tried. FastPathEquivalenceTests holds this to trying every word.
    static func mayStart(_ key: String) -> Bool {
        guard let lead = key.utf8.first else { return false }
        return isDigit(lead) || lead == UInt8(ascii: "+") || lead >= 0x80 || startWords.contains(key)
    }

    /// The first words of the rules below: the literals they compare a first word with, and the
    /// vocabularies they look it up in.
    static let startWords: Set<String> = {
        var words: Set<String> = [
            "every", "each", "noon", "midnight", "eod", "cob", "the", "end", "today", "tonight", "tomorrow", "this",
            "next", "eow", "eom", "eoq", "eoy", "q1", "q2", "q3", "q4", "in", "within", "yesterday", "last",
        ]
        words.formUnion(triggers)
        words.formUnion(forwardOnlyStarts)
        words.formUnion(owedWords)
        words.formUnion(weekdays.keys)
        words.formUnion(months.keys)
        words.formUnion(numberWords.keys)
        return words
    }()

    /// A done date more than six months before its entry is a date mentioned in passing ("booked
    /// for the 17th of November", written in October), not the day the thing was done.
    static let doneDateWindow = 183

    static func isTooFarBack(_ resolution: Resolution, from base: Day, _ direction: Direction) -> Bool {
        guard direction == .backwards, case .date(let day) = resolution else { return false }
        return base.days(since: day) > doneDateWindow
    }

    static func scan(
        _ text: String, base: Day, direction: Direction, fiscalYearStart: Int, firstOnly: Bool
    ) -> [Found] {
        let tokens = tokens(of: text)
        let matcher = Matcher(words: tokens.words, base: base, fiscalYearStart: fiscalYearStart)
        return scan(tokens, matcher, base: base, direction: direction, firstOnly: firstOnly)
    }

    static func scan(
        _ tokens: Tokens, _ matcher: Matcher, base: Day, direction: Direction, firstOnly: Bool,
        checkingStarts: Bool = true
    ) -> [Found] {
        var found: [Found] = []
        var index = 0
        while index < tokens.words.count {
            // Only a word that can start an expression is tried: the rules cost a dozen string
            // comparisons and lookups at each word, and a line of 300,000 link labels, 150,000
            // tags or emoji spent most of its time there. `checkingStarts: false` is for the test
            // that holds this to trying every word.
            guard !checkingStarts || mayStart(tokens.words[index].lower),
                let match = matcher.match(at: index, direction)
            else {
                index += 1
                continue
            }
            if case .found(let resolution) = match.outcome, !Self.isTooFarBack(resolution, from: base, direction) {
                let text = tokens.text(index, index + match.length - 1)
                found.append(Found(resolution: resolution, offset: tokens.words[index].start, text: text))
                if firstOnly { break }
            }
            index += match.length
        }
        return found
    }
}

// MARK: - Words

extension DatePhrase {
    /// One word of a text: its bytes with surrounding quotes and punctuation trimmed.
    struct Word: Sendable {
        /// Lowercased, with a possessive `'s` removed; empty when longer than 15 bytes, which no
        /// date word is. Up to 15 bytes a Swift string is stored inline, so this allocates nothing.
        var lower: String
        /// Byte offsets of the trimmed word (including any `'s`) in the text.
        var start: Int
        var end: Int
        /// "Friday's": a date only after a prefix ("by Friday's standup"), never bare ("today's notes").
        var possessive: Bool
        var startsWithDigit: Bool
        var containsPercent: Bool
    }

    /// A text's bytes and words.
    struct Tokens {
        var bytes: [UInt8]
        var words: [Word]

        /// The text as written from the start of word `first` to the end of word `last`.
        func text(_ first: Int, _ last: Int) -> String {
            String(decoding: bytes[words[first].start..<words[last].end], as: UTF8.self)
        }
    }

    /// Splits on ASCII white space in one pass over the UTF-8 bytes: every date word is ASCII,
    /// and this runs for every commitment in the journal.
    static func tokens(of text: String) -> Tokens {
        let bytes = Array(text.utf8)
        var lowered = bytes
        for index in lowered.indices where lowered[index] >= 0x41 && lowered[index] <= 0x5A { lowered[index] |= 0x20 }
        var words: [Word] = []
        func flush(_ start: Int, _ end: Int) {
            var lower = start
            var upper = end
            while lower < upper, let length = openingLength(lowered, lower, upper) { lower += length }
            while lower < upper, let length = closingLength(lowered, lower, upper) { upper -= length }
            guard lower < upper else { return }
            var stem = upper
            let s = UInt8(ascii: "s")
            if stem - lower > 2, lowered[stem - 1] == s, lowered[stem - 2] == UInt8(ascii: "'") {
                stem -= 2
            } else if stem - lower > 4, lowered[stem - 1] == s, lowered[stem - 4] == 0xE2, lowered[stem - 3] == 0x80,
                lowered[stem - 2] == 0x99
            {
                stem -= 4
            }
            // Every word a date phrase is made of is ASCII. A word with other bytes is never one,
            // unless it starts with a digit or holds a `/` (a numeric date in another script's
            // digits): it gets the key of a long word, because comparing a non-ASCII string with
            // the vocabulary normalises it first, and that made a line of emoji cost seconds.
            let isKey =
                stem - lower <= 15
                && (isDigit(lowered[lower]) || !lowered[lower..<stem].contains { $0 >= 0x80 }
                    || lowered[lower..<stem].contains(UInt8(ascii: "/")))
            let key = isKey ? String(decoding: lowered[lower..<stem], as: UTF8.self) : ""
            let percent = lowered[lower..<upper].contains(UInt8(ascii: "%"))
            words.append(
                Word(
                    lower: key, start: lower, end: upper, possessive: stem != upper,
                    startsWithDigit: isDigit(lowered[lower]), containsPercent: percent))
        }
        var start = 0
        for (index, byte) in lowered.enumerated() where byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            if index > start { flush(start, index) }
            start = index + 1
        }
        if start < lowered.count { flush(start, lowered.count) }
        return Tokens(bytes: bytes, words: words)
    }

    /// `(`, `[`, quotes and the curly opening quotes “ ‘ at `index`, before `end`.
    static func openingLength(_ bytes: [UInt8], _ index: Int, _ end: Int) -> Int? {
        switch bytes[index] {
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "'"): return 1
        case 0xE2 where index + 3 <= end && bytes[index + 1] == 0x80 && [0x9C, 0x98].contains(bytes[index + 2]):
            return 3
        default: return nil
        }
    }

    /// Sentence punctuation, `)`, `]`, quotes and the curly closing quotes ” ’ ending at `end`,
    /// after `start`.
    static func closingLength(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int? {
        let last = bytes[end - 1]
        if ".,;:!?)]\"'".utf8.contains(last) { return 1 }
        if end - 3 >= start, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80, [0x9D, 0x99].contains(last) { return 3 }
        return nil
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

// MARK: - Vocabulary

extension DatePhrase {
    static let weekdays: [String: Int] = [
        "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3, "thursday": 4,
        "thu": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
    ]

    /// Ordinary English words that are weekdays only after a prefix: "sat with Ana" is no date.
    static let prefixOnlyWeekdays: Set<String> = ["sat", "sun"]

    static let months: [String: Int] = {
        var table: [String: Int] = [:]
        for (index, name) in Day.monthNames.enumerated() {
            table[name.lowercased()] = index + 1
            table[String(name.lowercased().prefix(3))] = index + 1
        }
        table["sept"] = 9
        return table
    }()

    /// Full names a misspelling is compared with. Names under six letters are left out: one edit
    /// from May, June, July, March or April are people (Mary, Jude, Judy, Marc, Avril).
    static let spellingTargets: [[UInt8]] =
        (Day.weekdayNames + Day.monthNames).map { Array($0.lowercased().utf8) }.filter { $0.count >= 6 }

    /// `in 2 weeks`, `3 days ago`: digits (up to four), `a`/`an`, or a number word up to twelve.
    static let numberWords: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    ]

    enum Unit { case day, week, month }

    static let units: [String: Unit] = [
        "day": .day, "days": .day, "week": .week, "weeks": .week, "month": .month, "months": .month,
    ]

    enum Period { case week, month, quarter, year }

    static let periods: [String: Period] = ["week": .week, "month": .month, "quarter": .quarter, "year": .year]

    /// Words that follow `by`/`due`/… in a phrase that is meant as a date.
    static let timeWords: Set<String> = [
        "week", "month", "quarter", "year", "noon", "tonight", "eod", "eow", "eom", "eoq", "eoy", "soon", "asap",
    ]

    /// Modifiers that make a phrase date-like only when a time word or `of` follows them.
    static let modifiers: Set<String> = ["end", "next", "this", "the"]

    /// After "the 2nd", these make it something other than a day of the month.
    static let ordinalNouns: Set<String> = [
        "day", "days", "week", "weeks", "month", "months", "quarter", "year", "half", "time", "round",
    ]

    /// Words after which a day is the one something was owed: never a done date.
    static let owedWords: Set<String> = ["promised", "planned", "scheduled", "meant", "supposed", "expected"]

    /// `in`, `by`, … never start a done date; in backward reading their expression is skipped.
    static let forwardOnlyStarts: Set<String> = ["by", "in", "within", "due", "until", "before", "next"]

    static func smallNumber(_ text: String) -> Int? {
        guard text.utf8.count <= 4, let value = Int(text), value >= 0 else { return nil }
        return value
    }

    static func amount(_ text: String) -> Int? {
        if let value = smallNumber(text) { return value }
        return numberWords[text]
    }

    /// A day of the month as written, `20` or `20th`: one or two digits, any ordinal suffix.
    static func dayNumber(_ text: String) -> (value: Int, ordinal: Bool)? {
        guard let (value, digits, ordinal) = leadingNumber(text), digits <= 2, ordinal != nil else { return nil }
        return (value, ordinal == true)
    }

    /// The digits a word starts with, how many, and what follows them: nil for nothing, false
    /// for an empty rest, true for an ordinal suffix. The value is only meaningful up to 18 digits.
    static func leadingNumber(_ text: String) -> (value: Int, digits: Int, ordinal: Bool?)? {
        var value = 0
        var digits = 0
        for byte in text.utf8 {
            guard isDigit(byte) else { break }
            if digits < 18 { value = value * 10 + Int(byte - UInt8(ascii: "0")) }
            digits += 1
        }
        guard digits > 0 else { return nil }
        let rest = text.utf8.dropFirst(digits)
        if rest.isEmpty { return (value, digits, false) }
        let ordinal = ["st", "nd", "rd", "th"].contains { rest.elementsEqual($0.utf8) }
        return (value, digits, ordinal ? true : nil)
    }

    /// A four-digit year.
    static func year(_ text: String) -> Int? {
        guard text.utf8.count == 4, text.utf8.allSatisfy(isDigit), let value = Int(text), value >= 1 else {
            return nil
        }
        return value
    }

    static func isNumericDate(_ text: String) -> Bool {
        // Two or three parts need a `/`; most words have none, and splitting each cost a tenth.
        guard text.utf8.contains(UInt8(ascii: "/")) else { return false }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        return (2...3).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    /// `5pm`, `12am`, `5:30pm`, `17:00`.
    static func isClock(_ text: String) -> Bool {
        let utf8 = text.utf8
        let hourDigits = utf8.prefix(while: isDigit).count
        guard (1...2).contains(hourDigits) else { return false }
        let hour = utf8.prefix(hourDigits).reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        var rest = utf8.dropFirst(hourDigits)
        var hasMinutes = false
        if rest.first == UInt8(ascii: ":") {
            let minutes = rest.dropFirst().prefix(while: isDigit)
            let minute = minutes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            guard minutes.count == 2, minute < 60 else { return false }
            rest = rest.dropFirst(3)
            hasMinutes = true
        }
        if rest.isEmpty { return hasMinutes && hour < 24 }
        return (rest.elementsEqual("am".utf8) || rest.elementsEqual("pm".utf8)) && (1...12).contains(hour)
    }

    /// Optimal-string-alignment distance at most 1: one letter added, dropped, changed, or two
    /// neighbours swapped.
    static func isOneEditAway(_ word: [UInt8], _ target: [UInt8]) -> Bool {
        if word == target { return true }
        if word.count == target.count {
            let differences = word.indices.filter { word[$0] != target[$0] }
            if differences.count == 1 { return true }
            return differences.count == 2 && differences[1] == differences[0] + 1
                && word[differences[0]] == target[differences[1]] && word[differences[1]] == target[differences[0]]
        }
        let (short, long) = word.count < target.count ? (word, target) : (target, word)
        guard long.count == short.count + 1 else { return false }
        var index = 0
        while index < short.count, short[index] == long[index] { index += 1 }
        return short[index...].elementsEqual(long[(index + 1)...])
    }
}

// MARK: - Calendar arithmetic

extension DatePhrase {
    /// `year-month-day` for any year (the Gregorian calendar repeats every 400 years, so a day
    /// past 9999 is still a day, reported later as out of range); nil when the month lacks it.
    static func civil(_ year: Int, _ month: Int, _ day: Int) -> Day? {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        let cycles = floorDivide(year - 1, 400)
        guard let inCycle = Day(year: year - cycles * 400, month: month, day: day) else { return nil }
        return inCycle.adding(days: cycles * 146_097)
    }

    static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }

    /// Months counted from year 0, so that adding months is addition.
    static func monthNumber(_ day: Day) -> Int { day.year * 12 + day.month - 1 }

    /// `day` in month number `month`, or that month's last day when it is shorter.
    static func clamped(_ month: Int, _ day: Int) -> Day {
        let year = floorDivide(month, 12)
        let number = month - year * 12 + 1
        let last = Day.daysIn(month: number, year: year)
        guard let date = civil(year, number, min(max(day, 1), last)) else {
            preconditionFailure("every month has days 1 through its last")
        }
        return date
    }

    static func lastDay(ofMonth month: Int) -> Day { clamped(month, 31) }

    static func adding(months count: Int, to day: Day) -> Day { clamped(monthNumber(day) + count, day.day) }

    /// The first `weekday` after `day`, or on or after it.
    static func weekday(_ weekday: Int, after day: Day, orOn: Bool) -> Day {
        let offset = (weekday - day.weekday + 7) % 7
        return day.adding(days: offset == 0 && !orOn ? 7 : offset)
    }

    /// The last `weekday` before `day`, or on or before it.
    static func weekday(_ weekday: Int, before day: Day, orOn: Bool) -> Day {
        let offset = (day.weekday - weekday + 7) % 7
        return day.adding(days: -(offset == 0 && !orOn ? 7 : offset))
    }

    static func fridayOnOrAfter(_ day: Day) -> Day { weekday(5, after: day, orOn: true) }

    /// The Monday of the ISO week after `day`'s.
    static func nextMonday(_ day: Day) -> Day { day.adding(days: 8 - day.weekday) }

    /// The day of the month `day` next on or after `base` (backwards: on or before), clamped to
    /// the month's end: "the 31st" written on 10 April is 30 April.
    static func dayOfMonth(_ day: Int, from base: Day, _ direction: Direction) -> Day {
        let month = monthNumber(base)
        let candidate = clamped(month, day)
        switch direction {
        case .forwards: return candidate >= base ? candidate : clamped(month + 1, day)
        case .backwards: return candidate <= base ? candidate : clamped(month - 1, day)
        }
    }

    /// The next `month`/`day` on or after `base` (backwards: on or before). Feb 29 may be up to
    /// eight years away; any other impossible day never occurs.
    static func occurrence(month: Int, day: Int, from base: Day, _ direction: Direction, words: String)
        -> Resolution
    {
        for step in 0...8 {
            let year = direction == .forwards ? base.year + step : base.year - step
            if let candidate = civil(year, month, day), direction == .forwards ? candidate >= base : candidate <= base {
                return .date(candidate)
            }
        }
        return .impossible(words)
    }
}

// MARK: - Grammar

extension DatePhrase {
    /// What a match did: resolved to a date, or read an expression of the other direction that
    /// yields nothing here.
    enum Outcome: Equatable { case found(Resolution), skipped }

    struct Match: Equatable {
        var outcome: Outcome
        /// Words read.
        var length: Int
    }

    /// What came before the core of an expression. `by`, `due`, `until` and `before` all set a
    /// deadline on that day; `on` names the day itself.
    enum Prefix { case none, on, deadline }

    /// The grammar over one text's words. Every rule reads a bounded number of words from where
    /// it starts, so a scan is linear in the text.
    struct Matcher {
        var words: [Word]
        var base: Day
        var fiscalYearStart: Int

        subscript(_ index: Int) -> String { index < words.count ? words[index].lower : "" }

        /// The expression at `index` read in `direction`, or one of the other direction, skipped.
        func match(at index: Int, _ direction: Direction) -> Match? {
            if let recurrence = recurrence(at: index) { return recurrence }
            switch direction {
            case .forwards:
                if let match = forward(at: index) { return match }
                return backward(at: index).map { Match(outcome: .skipped, length: $0.length) }
            case .backwards:
                // "I'd promised Friday", "it was meant for Monday": the day it was owed, not done.
                if owedWords.contains(self[index]) {
                    let next = index + (self[index + 1] == "for" ? 2 : 1)
                    if let owed = forward(at: next) ?? backward(at: next) {
                        return Match(outcome: .skipped, length: next - index + owed.length)
                    }
                }
                if let match = backward(at: index) { return match }
                return forwardOnly(at: index).map { Match(outcome: .skipped, length: $0.length) }
            }
        }

        /// "every Friday", "each week", "every other Monday at 9am", "every 2 weeks": a recurrence,
        /// never one date, read and skipped in both directions.
        func recurrence(at index: Int) -> Match? {
            guard self[index] == "every" || self[index] == "each" else { return nil }
            var next = index + (self[index + 1] == "other" ? 2 : 1)
            if amount(self[next]) != nil, units[self[next + 1]] != nil {
                next += 1
            } else {
                guard weekdays[self[next]] != nil || periods[self[next]] != nil || self[next] == "day" else {
                    return nil
                }
            }
            return Match(outcome: .skipped, length: next - index + 1 + trailingTime(at: next + 1))
        }

        /// What `forward(at:)` and `backward(at:)` gave at each word, when asked to remember:
        /// both are pure functions of the word index.
        final class Memo {
            var forward: [Match??]
            var backward: [Match??]
            init(count: Int) {
                forward = Array(repeating: nil, count: count)
                backward = Array(repeating: nil, count: count)
            }
        }
        var memo: Memo?

        /// A due-date expression: an optional prefix and a forward core.
        func forward(at index: Int) -> Match? {
            guard let memo, index < memo.forward.count else { return forwardUnmemoised(at: index) }
            if let known = memo.forward[index] { return known }
            let match = forwardUnmemoised(at: index)
            memo.forward[index] = .some(match)
            return match
        }

        /// A done-date expression: an optional `on` and a backward core.
        func backward(at index: Int) -> Match? {
            guard let memo, index < memo.backward.count else { return backwardUnmemoised(at: index) }
            if let known = memo.backward[index] { return known }
            let match = backwardUnmemoised(at: index)
            memo.backward[index] = .some(match)
            return match
        }

        func forwardUnmemoised(at index: Int) -> Match? {
            let (prefix, length) = prefix(at: index)
            guard let (resolution, coreLength) = forwardCore(at: index + length, prefix) else { return nil }
            return checked(resolution, at: index, length: length + coreLength, prefixed: prefix != .none)
        }

        func backwardUnmemoised(at index: Int) -> Match? {
            let prefixed = self[index] == "on"
            let start = prefixed ? index + 1 : index
            guard let (resolution, coreLength) = backwardCore(at: start, prefixed ? .on : .none) else { return nil }
            return checked(resolution, at: index, length: start - index + coreLength, prefixed: prefixed)
        }

        /// A forward expression that starts with a word no done date starts with (`by`, `in`,
        /// `next`, `end of`, `this week`, …).
        func forwardOnly(at index: Int) -> Match? {
            let word = self[index]
            guard
                forwardOnlyStarts.contains(word) || word == "this" && self[index + 1] == "week"
                    || word == "end" && self[index + 1] == "of" || word == "the" && self[index + 1] == "end"
            else { return nil }
            return forward(at: index)
        }

        /// A possessive word ends an expression, and only one with a prefix: "by Friday's standup".
        func checked(_ resolution: Resolution, at index: Int, length: Int, prefixed: Bool) -> Match? {
            for offset in 0..<length where words[index + offset].possessive {
                guard prefixed, offset == length - 1 else { return nil }
            }
            return Match(outcome: .found(resolution), length: length)
        }

        func prefix(at index: Int) -> (Prefix, Int) {
            switch self[index] {
            case "due": return (.deadline, ["by", "on"].contains(self[index + 1]) ? 2 : 1)
            case "by", "until", "before": return (.deadline, 1)
            case "on": return (.on, 1)
            default: return (.none, 0)
            }
        }

        func weekday(_ word: String, bare: Bool) -> Int? {
            guard let weekday = weekdays[word], !bare || !prefixOnlyWeekdays.contains(word) else { return nil }
            return weekday
        }

        // MARK: Forward

        func forwardCore(at index: Int, _ prefix: Prefix) -> (Resolution, Int)? {
            // A time of day, then perhaps the day it falls on: "by 5pm Friday", "EOD tomorrow".
            if let time = timeOfDay(at: index, clock: prefix != .none) {
                let on = self[index + time] == "on" ? 1 : 0
                if let (day, length) = forwardDay(at: index + time + on, .on) { return (day, time + on + length) }
                return (.date(base), time)
            }
            // A day, then perhaps a time: "Friday at 5pm", "Dec 20 EOD".
            if let (day, length) = forwardDay(at: index, prefix) {
                return (day, length + trailingTime(at: index + length))
            }
            return forwardPeriod(at: index, prefix)
        }

        /// `noon`, `eod`, `end of (the) day` and, when `clock`, `5pm`, `5 pm`, `17:00`.
        func timeOfDay(at index: Int, clock: Bool) -> Int? {
            let word = self[index]
            switch word {
            case "noon", "midnight", "eod", "cob": return 1
            case "the" where self[index + 1] == "end": return endOfDay(at: index + 1).map { $0 + 1 }
            case "end": return endOfDay(at: index)
            default: break
            }
            guard clock, words.indices.contains(index), words[index].startsWithDigit else { return nil }
            if isClock(word) { return 1 }
            if let hour = smallNumber(word), (1...12).contains(hour), ["am", "pm"].contains(self[index + 1]) {
                return 2
            }
            return nil
        }

        func endOfDay(at index: Int) -> Int? {
            guard self[index] == "end", self[index + 1] == "of" else { return nil }
            if self[index + 2] == "day" { return 3 }
            if self[index + 2] == "the", self[index + 3] == "day" { return 4 }
            return nil
        }

        /// A time after a day: `at 5pm`, `by noon`, `EOD`; 0 when there is none.
        func trailingTime(at index: Int) -> Int {
            let lead = ["at", "by"].contains(self[index]) ? 1 : 0
            return timeOfDay(at: index + lead, clock: true).map { $0 + lead } ?? 0
        }

        /// Expressions naming one day: today, tomorrow, weekdays, month-days, ordinals, ISO dates.
        func forwardDay(at index: Int, _ prefix: Prefix) -> (Resolution, Int)? {
            let word = self[index]
            switch word {
            case "today", "tonight": return (.date(base), 1)
            case "tomorrow": return (.date(base.adding(days: 1)), 1)
            case "this", "next":
                guard let weekday = weekday(self[index + 1], bare: false) else { break }
                return (.date(DatePhrase.weekday(weekday, after: base, orOn: word == "this")), 2)
            default: break
            }
            if let weekday = weekday(word, bare: prefix == .none) {
                if self[index + 1] == "next", self[index + 2] == "week" {
                    return (.date(nextMonday(base).adding(days: weekday - 1)), 3)
                }
                return (.date(DatePhrase.weekday(weekday, after: base, orOn: false)), 1)
            }
            if let (resolution, length) = monthDay(at: index, prefix, .forwards) { return (resolution, length) }
            if let (day, length) = ordinal(at: index, prefix) {
                return (.date(dayOfMonth(day, from: base, .forwards)), length)
            }
            if let resolution = isoDate(word) { return (resolution, 1) }
            if prefix != .none, isNumericDate(word) { return (.ambiguous(word), 1) }
            // "by March": the end of that month. Not after `on`: "work on March planning".
            if prefix == .deadline, let month = months[word] {
                if let year = year(self[index + 1]) { return (.date(lastDay(ofMonth: year * 12 + month - 1)), 2) }
                return (.date(monthEnd(month)), 1)
            }
            return nil
        }

        /// Weeks, months, quarters, years and `in N days`.
        func forwardPeriod(at index: Int, _ prefix: Prefix) -> (Resolution, Int)? {
            let word = self[index]
            switch word {
            case "eow": return (.date(end(.week)), 1)
            case "eom": return (.date(end(.month)), 1)
            case "eoq": return (.date(end(.quarter)), 1)
            case "eoy": return (.date(end(.year)), 1)
            case "this":
                guard let period = periods[self[index + 1]] else { return nil }
                return (.date(end(period)), 2)
            case "next":
                guard let period = periods[self[index + 1]] else { return nil }
                return (.date(endOfNext(period)), 2)
            case "the" where self[index + 1] == "end":
                return endOf(at: index + 1).map { ($0.0, $0.1 + 1) }
            case "end":
                return endOf(at: index)
            case "q1", "q2", "q3", "q4":
                // Not after `on`: "focus on Q1 pipeline" is no deadline.
                guard prefix == .deadline, let quarter = Int(word.dropFirst()) else { return nil }
                return (.date(endOfQuarter(quarter)), 1)
            case "in", "within":
                guard let count = amount(self[index + 1]), let unit = units[self[index + 2]] else { return nil }
                switch unit {
                case .day: return (.date(base.adding(days: count)), 3)
                case .week: return (.date(base.adding(days: count * 7)), 3)
                case .month: return (.date(adding(months: count, to: base)), 3)
                }
            default:
                return nil
            }
        }

        /// `end of (the|this) week|month|quarter|year`, `end of next …`, `end of Q3`, `end of March`.
        func endOf(at index: Int) -> (Resolution, Int)? {
            guard self[index] == "end", self[index + 1] == "of" else { return nil }
            let skip = ["the", "this"].contains(self[index + 2]) ? 1 : 0
            let word = self[index + 2 + skip]
            if let period = periods[word] { return (.date(end(period)), 3 + skip) }
            if word == "next", let period = periods[self[index + 3 + skip]] {
                return (.date(endOfNext(period)), 4 + skip)
            }
            if skip == 0, ["q1", "q2", "q3", "q4"].contains(word), let quarter = Int(word.dropFirst()) {
                return (.date(endOfQuarter(quarter)), 3)
            }
            if skip == 0, let month = months[word] {
                if let year = year(self[index + 3]) { return (.date(lastDay(ofMonth: year * 12 + month - 1)), 4) }
                return (.date(monthEnd(month)), 3)
            }
            return nil
        }

        /// The end of the week (the Friday), month, quarter or fiscal year `base` is in.
        func end(_ period: Period) -> Day {
            switch period {
            case .week: return fridayOnOrAfter(base)
            case .month: return base.endOfMonth
            case .quarter:
                var month = monthNumber(base)
                while !isQuarterEnd(month) { month += 1 }
                return lastDay(ofMonth: month)
            case .year: return endOfQuarter(4)
            }
        }

        /// The end of the next week (its Friday), month, quarter or fiscal year.
        func endOfNext(_ period: Period) -> Day {
            switch period {
            case .week: return nextMonday(base).adding(days: 4)
            case .month: return lastDay(ofMonth: monthNumber(base) + 1)
            case .quarter: return lastDay(ofMonth: monthNumber(end(.quarter)) + 3)
            case .year: return lastDay(ofMonth: monthNumber(end(.year)) + 12)
            }
        }

        /// A fiscal quarter ends with the third month counted from `fiscalYearStart`.
        func isQuarterEnd(_ month: Int) -> Bool {
            let start = (1...12).contains(fiscalYearStart) ? fiscalYearStart : 1
            return ((month % 12 + 12) % 12 + 1 - start + 12) % 3 == 2
        }

        /// The next end of fiscal quarter `quarter` (1–4) on or after `base`.
        func endOfQuarter(_ quarter: Int) -> Day {
            let start = (1...12).contains(fiscalYearStart) ? fiscalYearStart : 1
            return monthEnd((start - 1 + 3 * quarter - 1) % 12 + 1)
        }

        /// The last day of `month` (1–12), next on or after `base`.
        func monthEnd(_ month: Int) -> Day {
            lastDay(ofMonth: base.year * 12 + month - 1 + (month < base.month ? 12 : 0))
        }

        // MARK: Backward

        func backwardCore(at index: Int, _ prefix: Prefix) -> (Resolution, Int)? {
            let word = self[index]
            switch word {
            case "today": return (.date(base), 1)
            case "yesterday": return (.date(base.adding(days: -1)), 1)
            case "last":
                guard let weekday = weekday(self[index + 1], bare: false) else { return nil }
                return (.date(DatePhrase.weekday(weekday, before: base, orOn: false)), 2)
            default: break
            }
            if let weekday = weekday(word, bare: prefix == .none) {
                return (.date(DatePhrase.weekday(weekday, before: base, orOn: true)), 1)
            }
            if prefix == .none, let count = amount(word), let unit = units[self[index + 1]], self[index + 2] == "ago" {
                switch unit {
                case .day: return (.date(base.adding(days: -count)), 3)
                case .week: return (.date(base.adding(days: -count * 7)), 3)
                case .month: return (.date(adding(months: -count, to: base)), 3)
                }
            }
            if let (resolution, length) = monthDay(at: index, prefix, .backwards) { return (resolution, length) }
            if let (day, length) = ordinal(at: index, prefix) {
                return (.date(dayOfMonth(day, from: base, .backwards)), length)
            }
            if let resolution = isoDate(word) { return (resolution, 1) }
            if prefix != .none, isNumericDate(word) { return (.ambiguous(word), 1) }
            return nil
        }

        // MARK: Shared

        /// `Dec 20`, `December 20th`, `20 Dec`, `20th of December`, each with an optional year.
        func monthDay(at index: Int, _ prefix: Prefix, _ direction: Direction) -> (Resolution, Int)? {
            let first = self[index]
            if let month = months[first], let (day, _) = dayNumber(self[index + 1]) {
                // "Dec 40" is an impossible date after a prefix, and no date at all bare.
                guard (1...31).contains(day) || prefix != .none else { return nil }
                return resolve(month: month, day: day, at: index + 2, length: 2, "\(first) \(day)", direction)
            }
            let the = first == "the" ? 1 : 0
            guard let (day, ordinal) = dayNumber(self[index + the]), (1...31).contains(day) else { return nil }
            let of = self[index + the + 1] == "of" ? 1 : 0
            let monthWord = self[index + the + 1 + of]
            guard let month = months[monthWord] else { return nil }
            // "the 3 may need more time": bare "3 may" is the verb.
            if monthWord == "may", prefix == .none, of == 0, !ordinal { return nil }
            let length = the + 2 + of
            return resolve(month: month, day: day, at: index + length, length: length, "\(day) \(monthWord)", direction)
        }

        func resolve(month: Int, day: Int, at next: Int, length: Int, _ words: String, _ direction: Direction)
            -> (Resolution, Int)
        {
            if let year = year(self[next]) {
                guard let date = civil(year, month, day) else { return (.impossible("\(words) \(year)"), length + 1) }
                return (.date(date), length + 1)
            }
            return (occurrence(month: month, day: day, from: base, direction, words: words), length)
        }

        /// `the 15th` bare, `15th` after a prefix: a day of the month (1–31).
        func ordinal(at index: Int, _ prefix: Prefix) -> (Int, Int)? {
            let the = self[index] == "the" ? 1 : 0
            guard the == 1 || prefix != .none, let (day, ordinal) = dayNumber(self[index + the]), ordinal,
                (1...31).contains(day), !ordinalNouns.contains(self[index + the + 1])
            else { return nil }
            return (day, the + 1)
        }

        // MARK: Unresolved

        /// The last word of a date-like phrase after the trigger at `index`, or nil.
        func timeWordSpan(after index: Int) -> Int? {
            let afterOn = self[index] == "on"
            var next = index + 1
            var modifierCount = 0
            while modifierCount < 3, next < words.count, modifiers.contains(self[next]) {
                next += 1
                modifierCount += 1
            }
            guard next < words.count else { return nil }
            // "before the January release" names an event, not a deadline.
            if modifierCount > 0, self[next - 1] == "the", months[self[next]] != nil { return nil }
            if isTimeWord(next, afterOn: afterOn) { return next }
            guard modifierCount > 0, self[next] == "of" else { return nil }
            // Show what the date was meant to be: "by end of sprint", "by the end of the sprint".
            if next + 1 < words.count { next += 1 }
            if modifiers.contains(self[next]), next + 1 < words.count { next += 1 }
            return next
        }

        func isTimeWord(_ index: Int, afterOn: Bool) -> Bool {
            let word = words[index]
            if word.startsWithDigit {
                // "on 3 accounts" is no date; "by 20%" and "by 2x" are amounts.
                if afterOn { return leadingNumber(word.lower)?.ordinal == true }
                return !word.containsPercent && !word.lower.hasSuffix("x") && !word.lower.hasSuffix("k")
            }
            if timeWords.contains(word.lower) || weekdays[word.lower] != nil { return true }
            // A month alone after `on` is never a date form: "work on March planning".
            if months[word.lower] != nil { return !afterOn }
            let letters = Array(word.lower.utf8)
            // "on Fridays" is a habit, not a misspelt date.
            guard letters.count >= 4,
                letters.last != UInt8(ascii: "s") || weekdays[String(word.lower.dropLast())] == nil
            else { return false }
            return spellingTargets.contains { isOneEditAway(letters, $0) }
        }
    }
}
