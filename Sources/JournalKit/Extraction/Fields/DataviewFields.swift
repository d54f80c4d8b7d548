/// Dataview's inline fields, `[key:: value]` (bracketed) and `(key:: value)` (parenthesised),
/// as Dataview's `extractInlineFields` reads them: anywhere in the line, keys any case, spaces
/// allowed around key and value, the closing bracket found by nesting.
///
/// journal reads the keys of `table`; a field with any other key is left in the text, and no field
/// inside it is read (Dataview drops fields that overlap).
enum DataviewFields {
    struct Entry: Sendable {
        let key: String
        let field: Field
        let pattern: FieldPattern
    }

    /// Key (lowercased, as compared), field, value. The same keys in both wrappers.
    static let table: [Entry] = [
        Entry(key: "due", field: .due, pattern: .date),
        Entry(key: "completion", field: .done, pattern: .date),
        Entry(key: "cancelled", field: .cancelled, pattern: .date),
        Entry(key: "scheduled", field: .scheduled, pattern: .date),
        Entry(key: "start", field: .start, pattern: .date),
        Entry(key: "created", field: .created, pattern: .date),
        Entry(key: "priority", field: .priority, pattern: .priorityName),
        Entry(key: "repeat", field: .recurrence, pattern: .recurrence),
        Entry(key: "oncompletion", field: .onCompletion, pattern: .onCompletion),
        Entry(key: "dependson", field: .dependsOn, pattern: .idList),
        Entry(key: "id", field: .id, pattern: .id),
    ]

    static let byKey: [String: Entry] = Dictionary(uniqueKeysWithValues: table.map { ($0.key, $0) })

    enum Match {
        /// A field of the table; the field ends at `end`.
        case field(FieldHit, end: Int)
        /// A field with an empty value (`[due:: ]`, left by templates): removed, no value.
        case empty(end: Int)
        /// A field of the table whose value journal cannot read: text, a warning, nothing inside read.
        case bad(FieldWarning, end: Int)
        /// A field with another key: text, and nothing inside it is read.
        case other(end: Int)
    }

    /// Where each `[` and `(` closes, by nesting of its own kind: -1 when it never does. One pass.
    static func closings(_ b: UnsafeBufferPointer<UInt8>) -> [Int32] {
        var result = [Int32](repeating: -1, count: b.count)
        var squares: [Int32] = []
        var rounds: [Int32] = []
        for i in 0..<b.count {
            switch b[i] {
            case 0x5B: squares.append(Int32(i))
            case 0x28: rounds.append(Int32(i))
            case 0x5D: if let open = squares.popLast() { result[Int(open)] = Int32(i) }
            case 0x29: if let open = rounds.popLast() { result[Int(open)] = Int32(i) }
            default: break
            }
        }
        return result
    }

    /// The field opening at `i` (a `[` or `(`) and closing at `close`.
    static func match(_ b: UnsafeBufferPointer<UInt8>, at i: Int, close: Int) -> Match? {
        // The key runs to the first `::`; a bracket before it means this is no field. The scan
        // stops at the next bracket, so the scans of all openers together are linear.
        var k = i + 1
        var separator: Int?
        while k + 1 < close {
            let c = b[k]
            if c == 0x5B || c == 0x5D || c == 0x28 || c == 0x29 { return nil }
            if c == 0x3A, b[k + 1] == 0x3A {
                separator = k
                break
            }
            k += 1
        }
        guard let separator else { return nil }
        var keyStart = i + 1
        var keyEnd = separator
        while keyStart < keyEnd, FieldValues.isWhitespace(b[keyStart]) { keyStart += 1 }
        while keyEnd > keyStart, FieldValues.isWhitespace(b[keyEnd - 1]) { keyEnd -= 1 }
        guard keyEnd > keyStart else { return nil }
        let end = close + 1
        guard keyEnd - keyStart <= 16,
            let entry = byKey[FieldValues.string(b, keyStart, keyEnd).lowercased()]
        else { return .other(end: end) }
        var valueStart = separator + 2
        var valueEnd = close
        while valueStart < valueEnd, FieldValues.isWhitespace(b[valueStart]) { valueStart += 1 }
        while valueEnd > valueStart, FieldValues.isWhitespace(b[valueEnd - 1]) { valueEnd -= 1 }
        guard valueEnd > valueStart else { return .empty(end: end) }
        let whole = FieldValues.quoted(b, i, end)
        let value = FieldValues.quoted(b, valueStart, valueEnd)
        switch FieldValues.read(entry.pattern, b, valueStart, valueEnd) {
        case .value(let read, let next)? where next == valueEnd:
            // A comma right after a field goes with it (Obsidian Tasks' workaround for a Dataview
            // rendering issue writes `[due:: …], [priority:: …]`).
            var after = end
            while after < b.count, b[after] == 0x20 { after += 1 }
            return .field(
                FieldHit(field: entry.field, value: read), end: after < b.count && b[after] == 0x2C ? after + 1 : end)
        case .impossible(let text, let next)? where next == valueEnd:
            return .bad(
                FieldWarning(snippet: whole, message: "impossible date '\(text)' in \(whole); read as text"), end: end)
        default:
            let expected: String
            switch entry.pattern {
            case .date: expected = "not a date '\(value)' in \(whole); write it as YYYY-MM-DD"
            case .priorityName:
                expected = "not a priority '\(value)' in \(whole); use highest, high, medium, low or lowest"
            case .recurrence: expected = "not a recurrence '\(value)' in \(whole); write it like 'every week'"
            case .onCompletion: expected = "not an action '\(value)' in \(whole); use delete or keep"
            case .id, .idList, .none:
                expected = "not an id '\(value)' in \(whole); ids are letters, digits, '-' and '_'"
            }
            return .bad(FieldWarning(snippet: whole, message: expected + "; read as text"), end: end)
        }
    }
}
