/// Logseq's task markers and dates, read in `all-tasks` mode: `- TODO …`, `- DONE …`, and
/// `DEADLINE: <2026-11-27 Fri>` or `SCHEDULED: <…>` (usually on the line after the task).
enum LogseqFields {
    /// Marker and the box it stands for. A marker is uppercase and followed by a space or the end.
    static let markers: [(marker: [UInt8], box: Box)] = [
        (Array("TODO".utf8), .open), (Array("LATER".utf8), .open), (Array("WAITING".utf8), .open),
        (Array("WAIT".utf8), .open), (Array("NOW".utf8), .inProgress), (Array("DOING".utf8), .inProgress),
        (Array("IN-PROGRESS".utf8), .inProgress), (Array("DONE".utf8), .done), (Array("CANCELED".utf8), .released),
        (Array("CANCELLED".utf8), .released),
    ]

    /// Date keys: `KEY: <YYYY-MM-DD …>`.
    static let dates: [(key: [UInt8], field: Field)] = [
        (Array("DEADLINE:".utf8), .due), (Array("SCHEDULED:".utf8), .scheduled),
    ]

    /// The marker at `start`, its box, and where the text after it begins.
    static func marker(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Box, Int)? {
        for (marker, box) in markers where EmojiFields.matches(marker, b, start, end) {
            let next = start + marker.count
            guard next == end || FieldValues.isWhitespace(b[next]) else { continue }
            return (box, next)
        }
        return nil
    }

    /// `DEADLINE: <2026-11-27 Fri>` at `i`: the field and its end. The angle brackets hold a date,
    /// then optionally a weekday, a time and a repeater; they close within 64 bytes.
    static func date(_ b: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (FieldHit, Int)? {
        for (key, field) in dates where EmojiFields.matches(key, b, i, end) {
            var v = i + key.count
            while v < end, FieldValues.isSpace(b[v]) { v += 1 }
            guard v < end, b[v] == 0x3C, let (resolution, next) = FieldValues.date(b, v + 1, end),
                case .date(let day) = resolution
            else { return nil }
            var close = next
            while close < min(end, v + 64), b[close] != 0x3E { close += 1 }
            guard close < end, b[close] == 0x3E else { return nil }
            return (FieldHit(field: field, value: .date(day)), close + 1)
        }
        return nil
    }
}
