/// Obsidian Tasks' emoji fields (its `DefaultTaskSerializer` symbols), as one table.
///
/// Obsidian Tasks reads them only at the end of a line, right to left; journal reads a symbol
/// followed by a valid value wherever it stands (docs/FORMAT.md, differences). A symbol followed
/// by anything else is text: `✅ Attitude` is decoration, not a done date.
enum EmojiFields {
    struct Entry: Sendable {
        let symbol: [UInt8]
        let field: Field
        let pattern: FieldPattern
    }

    /// Symbol, field, value. Each symbol may be followed by U+FE0F, then spaces or tabs, then the value.
    static let table: [Entry] = [
        Entry(symbol: Array("📅".utf8), field: .due, pattern: .date),
        Entry(symbol: Array("📆".utf8), field: .due, pattern: .date),
        Entry(symbol: Array("🗓".utf8), field: .due, pattern: .date),
        Entry(symbol: Array("✅".utf8), field: .done, pattern: .date),
        Entry(symbol: Array("❌".utf8), field: .cancelled, pattern: .date),
        Entry(symbol: Array("⏳".utf8), field: .scheduled, pattern: .date),
        Entry(symbol: Array("⌛".utf8), field: .scheduled, pattern: .date),
        Entry(symbol: Array("🛫".utf8), field: .start, pattern: .date),
        Entry(symbol: Array("➕".utf8), field: .created, pattern: .date),
        Entry(symbol: Array("🔺".utf8), field: .priority, pattern: .none(.highest)),
        Entry(symbol: Array("⏫".utf8), field: .priority, pattern: .none(.high)),
        Entry(symbol: Array("🔼".utf8), field: .priority, pattern: .none(.medium)),
        Entry(symbol: Array("🔽".utf8), field: .priority, pattern: .none(.low)),
        Entry(symbol: Array("⏬".utf8), field: .priority, pattern: .none(.lowest)),
        Entry(symbol: Array("🔁".utf8), field: .recurrence, pattern: .recurrence),
        Entry(symbol: Array("🏁".utf8), field: .onCompletion, pattern: .onCompletion),
        Entry(symbol: Array("⛔".utf8), field: .dependsOn, pattern: .idList),
        Entry(symbol: Array("🆔".utf8), field: .id, pattern: .id),
    ]

    static let variationSelector: [UInt8] = [0xEF, 0xB8, 0x8F]

    enum Match {
        /// A field and the end of its value.
        case field(FieldHit, end: Int)
        /// A symbol whose value journal cannot read: text up to `end` (never read for date
        /// phrases), and a warning.
        case bad(FieldWarning, end: Int)
    }

    /// The field whose symbol starts at `i`, or nil when none does or its value is not there.
    static func match(_ b: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Match? {
        let lead = b[i]
        guard lead == 0xE2 || lead == 0xF0 else { return nil }
        for entry in table where matches(entry.symbol, b, i, end) {
            var v = i + entry.symbol.count
            if matches(variationSelector, b, v, end) { v += 3 }
            if case .none = entry.pattern {
                // A priority stands alone: followed by a space, the end, or another symbol.
                guard v == end || FieldValues.isWhitespace(b[v]) || b[v] >= 0x80 else { return nil }
                return FieldValues.read(entry.pattern, b, v, end).flatMap {
                    if case .value(let value, let next) = $0 {
                        return .field(FieldHit(field: entry.field, value: value), end: next)
                    }
                    return nil
                }
            }
            while v < end, FieldValues.isSpace(b[v]) { v += 1 }
            switch FieldValues.read(entry.pattern, b, v, end) {
            case .value(let value, let next)?:
                if entry.pattern == .id || entry.pattern == .idList, next < end, !FieldValues.isWhitespace(b[next]) {
                    return bad(entry, b, i, v, end)
                }
                return .field(FieldHit(field: entry.field, value: value), end: next)
            case .impossible(let text, let next)?:
                return .bad(
                    FieldWarning(
                        snippet: FieldValues.string(b, i, next),
                        message: "impossible date '\(text)' after \(symbolName(entry)); read as text"), end: next)
            case nil:
                return bad(entry, b, i, v, end)
            }
        }
        return nil
    }

    /// A value that looks meant (a digit after a date symbol, an id-like word after 🆔) but is not
    /// readable is worth a warning; a word after a symbol is decoration and says nothing.
    static func bad(_ entry: Entry, _ b: UnsafeBufferPointer<UInt8>, _ symbol: Int, _ v: Int, _ end: Int) -> Match? {
        guard v < end else { return nil }
        switch entry.pattern {
        case .date where FieldValues.isDigit(b[v]): break
        case .id where FieldValues.isIdByte(b[v]), .idList where FieldValues.isIdByte(b[v]): break
        default: return nil
        }
        // The word shown in the warning, and hidden from date phrases: at most 64 bytes, so a line
        // of symbols with no space is still read in linear time.
        var tokenEnd = v
        while tokenEnd < min(end, v + 64), !FieldValues.isWhitespace(b[tokenEnd]) { tokenEnd += 1 }
        while tokenEnd < end, tokenEnd > v, b[tokenEnd] & 0xC0 == 0x80 { tokenEnd += 1 }
        let token = FieldValues.quoted(b, v, tokenEnd)
        switch entry.pattern {
        case .date where FieldValues.isDigit(b[v]):
            return .bad(
                FieldWarning(
                    snippet: FieldValues.quoted(b, symbol, tokenEnd),
                    message: "not a date '\(token)' after \(symbolName(entry)); write it as YYYY-MM-DD; read as text"),
                end: tokenEnd)
        case .id, .idList:
            guard FieldValues.isIdByte(b[v]) else { return nil }
            return .bad(
                FieldWarning(
                    snippet: FieldValues.quoted(b, symbol, tokenEnd),
                    message:
                        "not an id '\(token)' after \(symbolName(entry)); ids are letters, digits, '-' and '_'; read as text"
                ),
                end: tokenEnd)
        default: return nil
        }
    }

    static func symbolName(_ entry: Entry) -> String { String(decoding: entry.symbol, as: UTF8.self) }

    @inline(__always)
    static func matches(_ symbol: [UInt8], _ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        guard i + symbol.count <= end else { return false }
        for k in 0..<symbol.count where b[i + k] != symbol[k] { return false }
        return true
    }
}
