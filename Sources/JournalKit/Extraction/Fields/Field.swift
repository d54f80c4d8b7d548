/// What a field means to journal, whichever syntax wrote it (Obsidian Tasks emoji, Dataview
/// `[key:: value]` or `(key:: value)`, Logseq, journal's own `due:`).
public enum Field: String, Hashable, Sendable, CaseIterable {
    case due, done, cancelled, scheduled, start, created, priority, recurrence, dependsOn, onCompletion, id
}

/// Obsidian Tasks' five priorities, highest first; Dataview's `[priority:: …]` names them the same.
public enum Priority: String, Hashable, Sendable, CaseIterable {
    case highest, high, medium, low, lowest
}

/// The shape a field's value must have. A symbol or key followed by anything else is text.
enum FieldPattern: Hashable, Sendable {
    /// No value: the symbol is the value (priority emoji).
    case none(Priority)
    /// `YYYY-MM-DD`.
    case date
    /// A priority name, any case: highest, high, medium, low, lowest.
    case priorityName
    /// Starts with `every`, then letters, digits, spaces, commas and `!` (Obsidian Tasks' charset).
    case recurrence
    /// `delete` or `keep`, any case.
    case onCompletion
    /// `[A-Za-z0-9_-]+`.
    case id
    /// Ids separated by commas, spaces allowed around them.
    case idList
}

/// A value read from a field.
public enum FieldValue: Hashable, Sendable {
    case date(Day)
    case priority(Priority)
    case text(String)
}

/// A field read from an item: what it is and its value.
struct FieldHit: Hashable, Sendable {
    var field: Field
    var value: FieldValue
}

/// A field symbol or key whose value journal could not read: it stays text, and check warns at
/// `snippet` (looked up in the source for its column).
public struct FieldWarning: Hashable, Sendable {
    public var snippet: String
    public var message: String
}

/// Value patterns, read on UTF-8 bytes. Each reads forwards from `start` and never past `end`.
enum FieldValues {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isAlpha(b) }
    @inline(__always) static func isIdByte(_ b: UInt8) -> Bool { isAlnum(b) || b == 0x2D || b == 0x5F }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
    @inline(__always) static func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    /// `YYYY-MM-DD` at `start`, ending where no letter or digit follows: the day, or
    /// `.impossible` for a well-formed date that does not exist, and the end.
    static func date(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (DatePhrase.Resolution, Int)? {
        guard start + 10 <= end else { return nil }
        for k in 0..<10 where k != 4 && k != 7 {
            guard isDigit(b[start + k]) else { return nil }
        }
        guard b[start + 4] == 0x2D, b[start + 7] == 0x2D else { return nil }
        if start + 10 < end, isAlnum(b[start + 10]) { return nil }
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<(start + 10)]), as: UTF8.self)
        return (DatePhrase.isoDate(text) ?? .impossible(text), start + 10)
    }

    /// A run of id bytes at `start`; nil when empty.
    static func id(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var i = start
        while i < end, isIdByte(b[i]) { i += 1 }
        return i > start ? i : nil
    }

    /// `id( *, *id)*` at `start`: the end of the last id.
    static func idList(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        guard var last = id(b, start, end) else { return nil }
        var i = last
        while true {
            while i < end, b[i] == 0x20 { i += 1 }
            guard i < end, b[i] == 0x2C else { break }
            i += 1
            while i < end, b[i] == 0x20 { i += 1 }
            guard let next = id(b, i, end) else { break }
            last = next
            i = next
        }
        return last
    }

    /// `every …` at `start`: the end of the rule, trailing spaces and commas left out.
    static func recurrence(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        guard start + 5 <= end, lowerEquals(b, start, "every"), start + 5 == end || !isAlnum(b[start + 5]) else {
            return nil
        }
        var i = start + 5
        while i < end, isAlnum(b[i]) || b[i] == 0x20 || b[i] == 0x2C || b[i] == 0x21 { i += 1 }
        while i > start + 5, b[i - 1] == 0x20 || b[i - 1] == 0x2C { i -= 1 }
        return i
    }

    /// `delete` or `keep` at `start`, as a whole word.
    static func onCompletion(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var i = start
        while i < end, isAlpha(b[i]) { i += 1 }
        guard i == start + 6 && lowerEquals(b, start, "delete") || i == start + 4 && lowerEquals(b, start, "keep")
        else { return nil }
        return i
    }

    /// A priority name as a whole word.
    static func priority(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Priority, Int)? {
        var i = start
        while i < end, isAlpha(b[i]) { i += 1 }
        for priority in Priority.allCases
        where priority.rawValue.utf8.count == i - start && lowerEquals(b, start, priority.rawValue) {
            return (priority, i)
        }
        return nil
    }

    /// Whether the bytes at `start` equal `word` (lowercase ASCII), ignoring ASCII case.
    static func lowerEquals(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ word: StaticString) -> Bool {
        lowerEquals(b, start, String(describing: word))
    }

    static func lowerEquals(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ word: String) -> Bool {
        var i = start
        for w in word.utf8 {
            guard i < b.count, b[i] | (isAlpha(b[i]) ? 0x20 : 0) == w else { return false }
            i += 1
        }
        return true
    }

    /// The bytes as text for a message: at most 40 bytes, then `…`, never cutting a character.
    static func quoted(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        guard end - start > 40 else { return string(b, start, end) }
        var cut = start + 40
        while cut > start, b[cut] & 0xC0 == 0x80 { cut -= 1 }
        return string(b, start, cut) + "…"
    }

    static func string(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[start..<max(start, end)]), as: UTF8.self)
    }

    /// Reads a value of `pattern` at `start`. Returns the value and where it ends, nil when the
    /// bytes do not have that shape, or a warning text for a well-formed but impossible date.
    static func read(_ pattern: FieldPattern, _ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
        -> Reading?
    {
        switch pattern {
        case .none(let priority): return .value(.priority(priority), start)
        case .date:
            guard let (resolution, next) = date(b, start, end) else { return nil }
            if case .date(let day) = resolution, day.isRepresentable { return .value(.date(day), next) }
            return .impossible(string(b, start, next), next)
        case .priorityName:
            return priority(b, start, end).map { .value(.priority($0.0), $0.1) }
        case .recurrence: return recurrence(b, start, end).map { .value(.text(string(b, start, $0)), $0) }
        case .onCompletion:
            return onCompletion(b, start, end).map { .value(.text(string(b, start, $0).lowercased()), $0) }
        case .id: return id(b, start, end).map { .value(.text(string(b, start, $0)), $0) }
        case .idList:
            return idList(b, start, end).map { next in
                let ids = string(b, start, next).split(separator: ",").map { String($0).trimmingSpaces }
                return .value(.text(ids.joined(separator: ",")), next)
            }
        }
    }

    enum Reading {
        case value(FieldValue, Int)
        case impossible(String, Int)
    }
}
