/// journal's own todo.txt-style fields, `due:YYYY-MM-DD` and `done:YYYY-MM-DD`: no space after
/// the colon, any case, at the start of a word. Unlike the other syntaxes, a value that is not a
/// date is a check error, since only journal defines them.
enum JournalFields {
    static let keys: [(key: String, field: Field)] = [("due:", .due), ("done:", .done)]

    /// The field at `i` and its end; `due::` (Dataview without brackets) is not one.
    static func match(_ b: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (Field, DatePhrase.Resolution, Int)? {
        for (key, field) in keys where FieldValues.lowerEquals(b, i, key) {
            let start = i + key.utf8.count
            guard start < end, b[start] != 0x3A else { return nil }
            var next = start
            while next < end, !FieldValues.isWhitespace(b[next]) { next += 1 }
            guard next > start else { return nil }
            let value = FieldValues.string(b, start, next)
            return (field, DatePhrase.isoDate(value) ?? .impossible(value), next)
        }
        return nil
    }
}
