/// How text is made safe for the stream it is written to. The CLI's one output layer applies
/// one of these to every byte it writes; nothing reaches stdout or stderr any other way.
public enum OutputEncoding: Sendable, Equatable {
    /// Terminal text: line breaks kept, every other control (C0, DEL, C1), escape sequence and
    /// bidi override or isolate shown escaped, such as `\u{1B}`. Escaping is idempotent.
    case terminal
    /// Terminal text with journal's own colour: SGR sequences (`ESC [ digits ; m`) pass, every
    /// other control is escaped as in `terminal`, so only colour can survive.
    case styled
    /// JSON from `JSONValue`, escaped by construction; any control or bidi scalar that still
    /// appears is written as a `\uXXXX` escape, which is valid inside a JSON string.
    case json
    /// An iCalendar file from `CalendarExport`, escaped by construction (CRLF line ends, TEXT
    /// values escaped); any control other than tab, CR and LF, or bidi override or isolate, that
    /// still appears is dropped, so nothing a terminal would act on gets through.
    case iCalendar
    /// Protocol frames written byte for byte (the language server's, later). Never for text.
    case raw

    /// The bytes to write for `text`.
    public func encode(_ text: String) -> String {
        switch self {
        case .raw: return text
        case .terminal: return TerminalText.escapeLines(text)
        case .styled: return Self.keepingSGR(text)
        case .json: return Self.jsonEscaped(text)
        case .iCalendar:
            guard !text.unicodeScalars.allSatisfy(ICalendarText.isAllowed) else { return text }
            var result = ""
            result.unicodeScalars.append(contentsOf: text.unicodeScalars.filter(ICalendarText.isAllowed))
            return result
        }
    }

    static func keepingSGR(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { TerminalText.isUnsafe($0) && $0 != "\n" }) else { return text }
        var result = ""
        var scalars = Array(text.unicodeScalars)[...]
        var pending = ""
        func flush() {
            if !pending.isEmpty { result += TerminalText.escapeLines(pending) }
            pending = ""
        }
        while let scalar = scalars.first {
            if scalar == "\u{1B}", let length = sgrLength(scalars) {
                flush()
                result.unicodeScalars.append(contentsOf: scalars.prefix(length))
                scalars = scalars.dropFirst(length)
                continue
            }
            pending.unicodeScalars.append(scalar)
            scalars = scalars.dropFirst()
        }
        flush()
        return result
    }

    /// The length of `ESC [ [0-9;]* m` at the start of `scalars`, or nil.
    static func sgrLength(_ scalars: ArraySlice<Unicode.Scalar>) -> Int? {
        var index = scalars.startIndex
        guard scalars[index] == "\u{1B}" else { return nil }
        index += 1
        guard index < scalars.endIndex, scalars[index] == "[" else { return nil }
        index += 1
        while index < scalars.endIndex, ("0"..."9").contains(scalars[index]) || scalars[index] == ";" {
            index += 1
            if index - scalars.startIndex > 16 { return nil }
        }
        guard index < scalars.endIndex, scalars[index] == "m" else { return nil }
        return index + 1 - scalars.startIndex
    }

    static func jsonEscaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { TerminalText.isUnsafe($0) && $0 != "\n" }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if TerminalText.isUnsafe(scalar) && scalar != "\n" {
                result += "\\u" + TerminalText.hex(scalar.value, width: 4)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
