/// A JSON document with ordered keys, serialised by hand so that key order is the documented
/// one and every control character is escaped the same way on every platform.
public indirect enum JSONValue: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByNilLiteral
{
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .null }

    public static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    public static func int(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }
    public static func bool(_ value: Bool?) -> JSONValue { value.map(JSONValue.bool) ?? .null }
    public static func day(_ value: Day?) -> JSONValue { value.map { .string($0.description) } ?? .null }
    /// A rate in [0, 1], rounded to 4 decimals, or null.
    public static func rate(_ value: Double?) -> JSONValue {
        value.map { .double(($0 * 10000).rounded() / 10000) } ?? .null
    }
    public static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// Pretty-printed with two-space indentation; scalar arrays stay on one line.
    public func serialized(indent: Int = 0) -> String {
        var out = ""
        serialize(into: &out, indent: indent)
        return out
    }

    /// Appends to one buffer, so nesting never copies what is already written.
    public func serialize(into out: inout String, indent: Int = 0) {
        switch self {
        case .object(let pairs):
            if pairs.isEmpty {
                out += "{}"
                return
            }
            out += "{"
            for (index, (key, value)) in pairs.enumerated() {
                out += index == 0 ? "\n" : ",\n"
                Self.pad(&out, indent + 1)
                Self.quote(key, into: &out)
                out += ": "
                value.serialize(into: &out, indent: indent + 1)
            }
            out += "\n"
            Self.pad(&out, indent)
            out += "}"
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            if items.allSatisfy(\.isScalar) {
                out += "["
                for (index, item) in items.enumerated() {
                    if index > 0 { out += ", " }
                    item.serialize(into: &out)
                }
                out += "]"
                return
            }
            out += "["
            for (index, item) in items.enumerated() {
                out += index == 0 ? "\n" : ",\n"
                Self.pad(&out, indent + 1)
                item.serialize(into: &out, indent: indent + 1)
            }
            out += "\n"
            Self.pad(&out, indent)
            out += "]"
        case .string(let text): Self.quote(text, into: &out)
        case .int(let value): out += String(value)
        case .double(let value):
            out += value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        }
    }

    static func pad(_ out: inout String, _ indent: Int) {
        for _ in 0..<indent { out += "  " }
    }

    var isScalar: Bool {
        switch self {
        case .object, .array: return false
        default: return true
        }
    }

    /// A JSON string literal; every control character and bidi override is escaped.
    public static func quote(_ text: String) -> String {
        var out = ""
        quote(text, into: &out)
        return out
    }

    static func quote(_ text: String, into out: inout String) {
        // Most text needs no escaping: plain ASCII, or UTF-8 with no C1 control (C2 80–9F) and
        // no bidi control (E2 80 AA–AE, E2 81 A6–A9). Check the bytes and copy it whole.
        var plain = true
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F
                || (previous.1 == 0xC2 && byte >= 0x80 && byte <= 0x9F)
                || (previous == (0xE2, 0x80) && byte >= 0xAA && byte <= 0xAE)
                || (previous == (0xE2, 0x81) && byte >= 0xA6 && byte <= 0xA9)
            {
                plain = false
                break
            }
            previous = (previous.1, byte)
        }
        out += "\""
        if plain {
            out += text
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if TerminalText.isUnsafe(scalar) {
                        out += "\\u" + TerminalText.hex(scalar.value, width: 4)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
        }
        out += "\""
    }
}
