/// Writes JSON as UTF-8 bytes into one buffer, with no intermediate values: the same bytes
/// `JSONValue.serialized()` gives for the same document (two-space indent, arrays of scalars on
/// one line, `[]` and `{}` when empty, the same string escapes and number forms).
///
/// Calls must nest as the document does: `key` only directly inside an object, and each key
/// followed by exactly one value. `beginInlineArray` is the one-line form `JSONValue` uses for
/// an array whose items are all scalars; it holds scalars only.
///
/// It owns its buffer (a noncopyable struct, so no copy can share or copy it): appending is a
/// capacity check and a copy, with none of an array's uniqueness checks per byte.
public struct JSONWriter: ~Copyable {
    var base: UnsafeMutablePointer<UInt8>
    var count = 0
    var capacity: Int
    /// Nesting depth of the container being written; its items are indented by `depth` levels.
    var depth = 0
    /// True while the current container has no item yet (and at the start of the document).
    var first = true
    /// True between a key and its value, which then needs no separator.
    var afterKey = false
    /// True inside `beginInlineArray`.
    var inline = false
    /// True until the document's root value starts, which needs no separator.
    var atRoot = true

    /// `indent` is the depth the document starts at, as `JSONValue.serialized(indent:)` takes it.
    public init(capacity: Int = 1 << 17, indent: Int = 0) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
        depth = indent
    }

    deinit { base.deallocate() }

    /// What is written so far (a copy); `flush` hands it on and empties it.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// What is written so far as text, copied once.
    public var text: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    /// Hands what is written to `write` once it exceeds `threshold` bytes, and empties the buffer
    /// (keeping its capacity), so memory does not grow with the output. Call it between values:
    /// a chunk then always ends on a whole UTF-8 character.
    public mutating func flush(above threshold: Int = 0, to write: ([UInt8]) -> Void) {
        guard count > threshold else { return }
        write(bytes)
        count = 0
    }

    // MARK: Containers

    public mutating func beginObject() {
        separate()
        byte(UInt8(ascii: "{"))
        open()
    }

    public mutating func endObject() { close(UInt8(ascii: "}")) }

    /// An array written one item per line, as `JSONValue` writes any array holding an object or
    /// an array. An array of scalars only must use `beginInlineArray` to match it.
    public mutating func beginArray() {
        separate()
        byte(UInt8(ascii: "["))
        open()
    }

    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// An array of scalars on one line: `[1, "a", null]`.
    public mutating func beginInlineArray() {
        precondition(!inline, "an inline array inside an inline array")
        separate()
        byte(UInt8(ascii: "["))
        inline = true
        first = true
    }

    public mutating func endInlineArray() {
        precondition(inline, "endInlineArray without beginInlineArray")
        byte(UInt8(ascii: "]"))
        inline = false
        first = false
    }

    /// A key of the current object, escaped like any string; the next call writes its value.
    public mutating func key(escaping name: String) {
        startKey()
        quote(name)
        byte(UInt8(ascii: ":"))
        byte(UInt8(ascii: " "))
    }

    /// A literal key of the current object, which must need no escaping (checked in debug builds):
    /// written straight from its bytes. The next call writes its value.
    public mutating func key(_ name: StaticString) {
        startKey()
        byte(UInt8(ascii: "\""))
        name.withUTF8Buffer { buffer in
            assert(Self.isPlain(buffer, quoting: true), "a literal key that needs escaping")
            append(buffer)
        }
        byte(UInt8(ascii: "\""))
        byte(UInt8(ascii: ":"))
        byte(UInt8(ascii: " "))
    }

    // MARK: Scalars

    /// A string, or null.
    public mutating func string(_ value: String?) {
        separate()
        if let value { quote(value) } else { appendNull() }
    }

    /// An integer, or null.
    public mutating func int(_ value: Int?) {
        separate()
        if let value { appendInt(value) } else { appendNull() }
    }

    /// `true`, `false`, or null.
    public mutating func bool(_ value: Bool?) {
        separate()
        switch value {
        case true?: appendASCII("true")
        case false?: appendASCII("false")
        case nil: appendNull()
        }
    }

    public mutating func null() {
        separate()
        appendNull()
    }

    /// A day as `"YYYY-MM-DD"` (`Day.description`), or null.
    public mutating func day(_ value: Day?) {
        separate()
        guard let value else { return appendNull() }
        let (year, month, day) = value.components
        guard (1...9999).contains(year) else {
            // `Day.description` of a day that cannot be written: rare, so take its own path.
            return quote(value.description)
        }
        byte(UInt8(ascii: "\""))
        appendDigits(year, width: 4)
        byte(UInt8(ascii: "-"))
        appendDigits(month, width: 2)
        byte(UInt8(ascii: "-"))
        appendDigits(day, width: 2)
        byte(UInt8(ascii: "\""))
    }

    /// A number as `JSONValue.double` writes it: integral values below 1e15 as integers, others in
    /// Swift's shortest round-trip form.
    public mutating func double(_ value: Double) {
        separate()
        appendDouble(value)
    }

    /// A rate rounded to 4 decimals, or null: the digits `JSONValue.rate` gives.
    public mutating func rate(_ value: Double?) {
        separate()
        guard let value else { return appendNull() }
        let scaled = (value * 10000).rounded()
        // `scaled / 10000` prints as its four decimals (trailing zeros dropped) whenever it is
        // within ±100, which every rate is; JSONWriterTests checks that over the whole range.
        guard abs(scaled) <= 1_000_000 else { return appendDouble(scaled / 10000) }
        let units = Int(scaled)
        if units < 0 { byte(UInt8(ascii: "-")) }
        let magnitude = abs(units)
        appendInt(magnitude / 10000)
        var fraction = magnitude % 10000
        guard fraction != 0 else { return }
        byte(UInt8(ascii: "."))
        var width = 4
        while fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        appendDigits(fraction, width: width)
    }

    /// An array of strings on one line.
    public mutating func strings(_ values: [String]) {
        beginInlineArray()
        for value in values { string(value) }
        endInlineArray()
    }

    /// A whole tree, for the parts of a document that are built as `JSONValue`.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .object(let pairs):
            beginObject()
            for (name, item) in pairs {
                key(escaping: name)
                self.value(item)
            }
            endObject()
        case .array(let items):
            if items.allSatisfy(\.isScalar) {
                beginInlineArray()
                for item in items { self.value(item) }
                endInlineArray()
            } else {
                beginArray()
                for item in items { self.value(item) }
                endArray()
            }
        case .string(let text): string(text)
        case .int(let number): int(number)
        case .double(let number): double(number)
        case .bool(let flag): bool(flag)
        case .null: null()
        }
    }

    /// Raw bytes, such as a line break after the document. Written as given.
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    // MARK: Layout

    mutating func open() {
        precondition(!inline, "a container inside an inline array")
        depth += 1
        first = true
    }

    mutating func close(_ bracket: UInt8) {
        precondition(!inline && !afterKey, "a container closed inside an inline array or after a key")
        depth -= 1
        if !first {
            byte(UInt8(ascii: "\n"))
            pad()
        }
        byte(bracket)
        first = false
    }

    /// What goes before a value: nothing for the root or after a key, `, ` between inline items,
    /// a line break and the indent between items of a multi-line array.
    @inline(__always)
    mutating func separate() {
        if afterKey {
            afterKey = false
        } else if inline {
            if !first {
                byte(UInt8(ascii: ","))
                byte(UInt8(ascii: " "))
            }
            first = false
        } else if atRoot {
            atRoot = false
        } else {
            newItem()
        }
    }

    mutating func startKey() {
        precondition(!inline && !afterKey, "a key inside an inline array or after a key")
        newItem()
        afterKey = true
    }

    mutating func newItem() {
        if !first { byte(UInt8(ascii: ",")) }
        byte(UInt8(ascii: "\n"))
        pad()
        first = false
    }

    /// A line break and indent come before every key: copied from one literal, not space by space.
    static let spaces: StaticString = "                                "

    mutating func pad() {
        var count = 2 * depth
        while count > 0 {
            let part = min(count, Self.spaces.utf8CodeUnitCount)
            Self.spaces.withUTF8Buffer { append(UnsafeBufferPointer(rebasing: $0.prefix(part))) }
            count -= part
        }
    }

    // MARK: Bytes

    mutating func appendNull() { appendASCII("null") }

    mutating func appendASCII(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    @inline(__always)
    mutating func byte(_ value: UInt8) {
        if count == capacity { grow(1) }
        base[count] = value
        count += 1
    }

    @inline(__always)
    mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let source = buffer.baseAddress else { return }
        if count + buffer.count > capacity { grow(buffer.count) }
        (base + count).initialize(from: source, count: buffer.count)
        count += buffer.count
    }

    /// Room for `extra` more bytes: at least double, so appending stays amortised constant.
    mutating func grow(_ extra: Int) {
        let wanted = max(capacity * 2, count + extra)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: wanted)
        larger.initialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity = wanted
    }

    /// Decimal digits straight into the buffer, without a `String` per number.
    mutating func appendInt(_ value: Int) {
        if value < 0 { byte(UInt8(ascii: "-")) }
        appendDigits(value.magnitude, width: 1)
    }

    /// A non-negative number, zero-padded to `width` digits (wider numbers keep every digit).
    mutating func appendDigits(_ value: Int, width: Int) {
        appendDigits(UInt(value), width: width)
    }

    mutating func appendDigits(_ value: UInt, width: Int) {
        var digits = 1
        var rest = value / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        let length = max(digits, width)
        if count + length > capacity { grow(length) }
        (base + count).initialize(repeating: UInt8(ascii: "0"), count: length)
        count += length
        var index = count
        var magnitude = value
        repeat {
            index -= 1
            base[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
    }

    mutating func appendDouble(_ value: Double) {
        if value == value.rounded() && abs(value) < 1e15 {
            appendInt(Int(value))
        } else {
            var text = String(value)
            text.withUTF8 { append($0) }
        }
    }

    /// A JSON string literal, escaped as `JSONValue.quote` escapes it.
    mutating func quote(_ text: String) {
        byte(UInt8(ascii: "\""))
        let copied = text.utf8.withContiguousStorageIfAvailable { buffer -> Bool in
            guard Self.isPlain(buffer, quoting: true) else { return false }
            append(buffer)
            return true
        }
        if copied != true { escape(text) }
        byte(UInt8(ascii: "\""))
    }

    /// True when `buffer` holds no C0 control but a line break, no DEL, no C1 control (C2 80–9F)
    /// and no bidi control (E2 80 AA–AE, E2 81 A6–A9); with `quoting`, no line break, `"` or backslash
    /// either: then `JSONValue.quote` would escape nothing in it.
    @inline(__always)
    static func isPlain(_ buffer: UnsafeBufferPointer<UInt8>, quoting: Bool) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        // Eight bytes at a time: a word of printable ASCII (and no quote or backslash when
        // quoting) is plain; any other word is looked at byte by byte.
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & high }
        var index = 0
        while index + 8 <= buffer.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            var suspect = (word & high) | ((word &- ones &* 0x20) & ~word & high) | hasZero(word ^ (ones &* 0x7F))
            if quoting { suspect |= hasZero(word ^ (ones &* 0x22)) | hasZero(word ^ (ones &* 0x5C)) }
            if suspect != 0 && !isPlain(buffer, from: index, to: index + 8, quoting: quoting) { return false }
            index += 8
        }
        return isPlain(buffer, from: index, to: buffer.count, quoting: quoting)
    }

    /// `isPlain` for the bytes in `start..<end`; a lead byte may look at the bytes after `end`.
    static func isPlain(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, quoting: Bool) -> Bool {
        let count = buffer.count
        var index = start
        while index < end {
            let byte = buffer[index]
            index += 1
            if byte >= 0x20 && byte < 0x7F {
                if quoting && (byte == 0x22 || byte == 0x5C) { return false }
                continue
            }
            switch byte {
            case 0x0A where !quoting: continue
            case 0x00..<0x20, 0x7F: return false
            // A lead byte: look at what follows it. A buffer of whole strings never ends inside one.
            case 0xC2: if index < count && (0x80...0x9F).contains(buffer[index]) { return false }
            case 0xE2:
                if index + 1 < count {
                    let second = buffer[index]
                    let third = buffer[index + 1]
                    if second == 0x80 && (0xAA...0xAE).contains(third) { return false }
                    if second == 0x81 && (0xA6...0xA9).contains(third) { return false }
                }
            default: continue
            }
        }
        return true
    }

    /// True when `bytes` holds nothing a terminal would act on but line breaks: what
    /// `OutputEncoding.json` checks for, on bytes. A writer's output always passes, since every
    /// string in it is escaped; the output layer checks it anyway.
    public static func isEscaped(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isPlain($0, quoting: false) }
    }

    /// The slow path, scalar by scalar: `JSONValue.quote`'s escapes.
    mutating func escape(_ text: String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": appendASCII("\\\"")
            case "\\": appendASCII("\\\\")
            case "\n": appendASCII("\\n")
            case "\r": appendASCII("\\r")
            case "\t": appendASCII("\\t")
            default:
                if TerminalText.isUnsafe(scalar) {
                    appendASCII("\\u")
                    appendHex(scalar.value)
                } else {
                    UTF8.encode(scalar) { byte($0) }
                }
            }
        }
    }

    /// Four upper-case hex digits: every unsafe scalar is at most U+2069.
    mutating func appendHex(_ value: UInt32) {
        let digits: StaticString = "0123456789ABCDEF"
        digits.withUTF8Buffer { table in
            for shift in stride(from: 12, through: 0, by: -4) {
                byte(table[Int((value >> UInt32(shift)) & 0xF)])
            }
        }
    }
}
