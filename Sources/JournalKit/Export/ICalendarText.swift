/// The lexical rules of an iCalendar file (RFC 5545 §3.1 and §3.3.11): TEXT values escaped,
/// content lines folded at 75 octets, every line ended by CRLF.
enum ICalendarText {
    /// The longest physical line, in octets, without its CRLF (RFC 5545 §3.1).
    static let lineLimit = 75

    /// A TEXT value: `\` `;` `,` escaped with a backslash, line breaks (LF, CRLF, CR) as `\n`,
    /// every other control character but tab (C0, DEL, C1) removed, and bidi overrides and
    /// isolates shown as a visible `\u{202E}`, as the terminal shows them: a calendar has no
    /// way to show them safely, and a reader should see that something was there.
    static func escape(_ text: String) -> String {
        var result = ""
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n": result += "\\n"
            case "\r":
                if scalars.first == "\n" { scalars.removeFirst() }
                result += "\\n"
            case "\t": result += "\t"
            default:
                if isBidiControl(scalar) {
                    result += "\\\\u{" + TerminalText.hex(scalar.value, width: 1) + "}"
                } else if !isControl(scalar) {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// C0 controls, DEL and C1 controls.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }

    /// The bidi overrides and isolates the terminal output escapes (`TerminalText.isUnsafe`).
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool { TerminalText.isUnsafe(scalar) && !isControl(scalar) }

    /// One content line (`NAME;PARAM=…:value`, with no line break in it) folded so that no
    /// physical line is longer than 75 octets: a fold is CRLF and one space, and the space counts
    /// towards the next line. A fold never falls inside a UTF-8 character, nor between a
    /// backslash and the character it escapes. Ends with CRLF.
    static func fold(_ line: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(line.utf8.count + line.utf8.count / 70 * 3 + 2)
        var length = 0
        var unit: [UInt8] = []
        var scalars = line.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            unit.removeAll(keepingCapacity: true)
            unit.append(contentsOf: String(scalar).utf8)
            if scalar == "\\", let escaped = scalars.popFirst() { unit.append(contentsOf: String(escaped).utf8) }
            if length + unit.count > lineLimit {
                result.append(contentsOf: [13, 10, 32])
                length = 1
            }
            result.append(contentsOf: unit)
            length += unit.count
        }
        result.append(contentsOf: [13, 10])
        return String(decoding: result, as: UTF8.self)
    }

    /// Every scalar a finished calendar may hold: anything but controls other than tab, CR and
    /// LF, and bidi overrides and isolates. The output layer drops any other as a last guard.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\t", "\r", "\n": return true
        default: return !TerminalText.isUnsafe(scalar)
        }
    }
}
