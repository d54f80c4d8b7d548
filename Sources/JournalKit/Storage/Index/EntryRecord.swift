/// One file's extracted record (`EntryParser.Result`) as compact bytes for the index.
///
/// A hand-written format rather than JSON: a warm review decodes thousands of records, and the
/// budget for all of them is a few milliseconds. Integers are LEB128 varints (signed ones
/// zigzagged), strings a length and UTF-8 bytes, optionals a presence byte. Paths and dates equal
/// to the entry's own are written as one byte. Each record ends with a checksum of its bytes, so
/// a damaged page reads as a corrupt index, never as wrong commitments.
enum EntryRecord {
    /// The layout of these bytes; part of `ExtractionSchema.key`.
    static let format = 1

    struct DecodeError: Error {}

    static func encode(_ result: EntryParser.Result) -> [UInt8] {
        var writer = Writer()
        if let entry = result.entry {
            writer.byte(1)
            writer.entry(entry)
        } else {
            writer.byte(0)
        }
        writer.count(result.diagnostics.count)
        for diagnostic in result.diagnostics { writer.diagnostic(diagnostic) }
        let sum = Checksum.of(writer.bytes)
        for shift in stride(from: 0, to: 64, by: 8) {
            writer.bytes.append(UInt8(truncatingIfNeeded: sum >> UInt64(shift)))
        }
        return writer.bytes
    }

    /// Throws on any inconsistency: a short, long or altered record.
    static func decode(_ bytes: [UInt8]) throws(DecodeError) -> EntryParser.Result {
        guard bytes.count >= 9 else { throw DecodeError() }
        do {
            return try bytes.withUnsafeBytes { try decode(raw: $0) }
        } catch {
            throw DecodeError()
        }
    }

    private static func decode(raw: UnsafeRawBufferPointer) throws(DecodeError) -> EntryParser.Result {
        do {  // One scope, so the body reads as the layout it checks.
            let body = UnsafeRawBufferPointer(rebasing: raw[..<(raw.count - 8)])
            var stored: UInt64 = 0
            for i in 0..<8 { stored |= UInt64(raw[raw.count - 8 + i]) << UInt64(8 * i) }
            guard Checksum.of(body) == stored else { throw DecodeError() }
            var reader = Reader(bytes: body)
            var entry: Entry?
            switch try reader.byte() {
            case 0: entry = nil
            case 1: entry = try reader.entry()
            default: throw DecodeError()
            }
            let count = try reader.count()
            var diagnostics: [Diagnostic] = []
            diagnostics.reserveCapacity(count)
            for _ in 0..<count { diagnostics.append(try reader.diagnostic()) }
            guard reader.offset == body.count else { throw DecodeError() }
            return EntryParser.Result(entry: entry, diagnostics: diagnostics)
        }
    }

    struct Writer {
        var bytes: [UInt8] = []
        /// The entry being written, whose path and date the items usually share.
        var path = ""
        var date = Day(ordinal: 0)

        mutating func byte(_ value: UInt8) { bytes.append(value) }

        mutating func unsigned(_ value: UInt64) {
            var value = value
            while value >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(value))
        }

        mutating func int(_ value: Int) { unsigned(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))) }
        mutating func count(_ value: Int) { unsigned(UInt64(value)) }
        mutating func bool(_ value: Bool) { byte(value ? 1 : 0) }

        mutating func string(_ value: String) {
            var value = value
            value.withUTF8 { utf8 in
                count(utf8.count)
                bytes.append(contentsOf: utf8)
            }
        }

        mutating func strings(_ values: [String]) {
            count(values.count)
            for value in values { string(value) }
        }

        mutating func optional(_ value: String?) {
            guard let value else { return byte(0) }
            byte(1)
            string(value)
        }

        mutating func optional(_ value: Int?) {
            guard let value else { return byte(0) }
            byte(1)
            int(value)
        }

        mutating func day(_ value: Day) { int(value.ordinal) }

        mutating func optional(_ value: Day?) {
            guard let value else { return byte(0) }
            byte(1)
            day(value)
        }

        /// The entry's own date as one byte; any other as a marker and the day.
        mutating func itemDate(_ value: Day) {
            if value == date { return byte(0) }
            byte(1)
            day(value)
        }

        mutating func itemPath(_ value: String) {
            if value == path { return byte(0) }
            byte(1)
            string(value)
        }

        mutating func location(_ value: SourceLocation) {
            int(value.line)
            optional(value.column)
        }

        mutating func box(_ value: Box) {
            byte(UInt8(Box.allCases.firstIndex(of: value) ?? 0))
        }

        mutating func reference(_ value: Reference) {
            string(value.stem)
            string(value.id)
        }

        mutating func entry(_ entry: Entry) {
            path = entry.path
            date = entry.date
            string(entry.path)
            string(entry.stem)
            day(entry.date)
            optional(entry.template)
            optional(entry.title)
            strings(entry.tags)
            strings(entry.people)
            count(entry.commitments.count)
            for commitment in entry.commitments { self.commitment(commitment) }
            count(entry.followUps.count)
            for followUp in entry.followUps { self.followUp(followUp) }
            count(entry.expectations.count)
            for expectation in entry.expectations { self.expectation(expectation) }
        }

        mutating func commitment(_ c: Commitment) {
            reference(c.reference)
            string(c.text)
            box(c.box)
            strings(c.people)
            bool(c.personFromEntry)
            strings(c.tags)
            optional(c.due)
            optional(c.doneOn)
            optional(c.cancelledOn)
            itemDate(c.made)
            itemPath(c.path)
            location(c.location)
            optional(c.scheduled)
            optional(c.start)
            optional(c.created)
            if let priority = c.priority {
                byte(1 + UInt8(Priority.allCases.firstIndex(of: priority) ?? 0))
            } else {
                byte(0)
            }
            optional(c.recurrence)
            strings(c.formerIds)
        }

        mutating func followUp(_ f: FollowUp) {
            reference(f.target)
            box(f.box)
            string(f.note)
            optional(f.parts.label)
            string(f.parts.afterLink)
            string(f.parts.beforeLink)
            strings(f.parts.subItems)
            optional(f.due)
            optional(f.doneOn)
            itemDate(f.date)
            itemPath(f.path)
            location(f.location)
        }

        mutating func expectation(_ e: Expectation) {
            string(e.text)
            strings(e.tags)
            strings(e.people)
            bool(e.personFromEntry)
            itemDate(e.date)
            itemPath(e.path)
            location(e.location)
        }

        mutating func diagnostic(_ d: Diagnostic) {
            string(d.path)
            optional(d.line)
            optional(d.column)
            byte(d.severity == .error ? 1 : 0)
            string(d.message)
        }
    }

    struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0
        var path = ""
        var date = Day(ordinal: 0)

        init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        mutating func byte() throws(DecodeError) -> UInt8 {
            guard offset < bytes.count else { throw DecodeError() }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func unsigned() throws(DecodeError) -> UInt64 {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let next = try byte()
                guard shift < 64 else { throw DecodeError() }
                result |= UInt64(next & 0x7F) << shift
                if next < 0x80 { return result }
                shift += 7
            }
        }

        mutating func int() throws(DecodeError) -> Int {
            let raw = try unsigned()
            return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
        }

        /// A count can never exceed the bytes left, so a damaged one cannot reserve gigabytes.
        mutating func count() throws(DecodeError) -> Int {
            let value = try unsigned()
            guard value <= UInt64(bytes.count - offset) else { throw DecodeError() }
            return Int(value)
        }

        mutating func bool() throws(DecodeError) -> Bool {
            switch try byte() {
            case 0: return false
            case 1: return true
            default: throw DecodeError()
            }
        }

        mutating func string() throws(DecodeError) -> String {
            let length = try count()
            let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)])
            offset += length
            guard let text = String(validating: slice, as: UTF8.self) else { throw DecodeError() }
            return text
        }

        mutating func strings() throws(DecodeError) -> [String] {
            let count = try count()
            var result: [String] = []
            result.reserveCapacity(count)
            for _ in 0..<count { result.append(try string()) }
            return result
        }

        mutating func present() throws(DecodeError) -> Bool { try bool() }

        mutating func optionalString() throws(DecodeError) -> String? { try present() ? try string() : nil }
        mutating func optionalInt() throws(DecodeError) -> Int? { try present() ? try int() : nil }
        mutating func day() throws(DecodeError) -> Day { Day(ordinal: try int()) }
        mutating func optionalDay() throws(DecodeError) -> Day? { try present() ? try day() : nil }
        mutating func itemDate() throws(DecodeError) -> Day { try present() ? try day() : date }
        mutating func itemPath() throws(DecodeError) -> String { try present() ? try string() : path }

        mutating func location() throws(DecodeError) -> SourceLocation {
            SourceLocation(line: try int(), column: try optionalInt())
        }

        mutating func box() throws(DecodeError) -> Box {
            let index = Int(try byte())
            guard index < Box.allCases.count else { throw DecodeError() }
            return Box.allCases[index]
        }

        mutating func reference() throws(DecodeError) -> Reference {
            Reference(stem: try string(), id: try string())
        }

        mutating func entry() throws(DecodeError) -> Entry {
            let path = try string()
            self.path = path
            let stem = try string()
            let date = try day()
            self.date = date
            var entry = Entry(
                path: path, stem: stem, date: date, template: try optionalString(), title: try optionalString(),
                tags: try strings(), people: try strings())
            let commitments = try count()
            entry.commitments.reserveCapacity(commitments)
            for _ in 0..<commitments { entry.commitments.append(try commitment()) }
            let followUps = try count()
            entry.followUps.reserveCapacity(followUps)
            for _ in 0..<followUps { entry.followUps.append(try followUp()) }
            let expectations = try count()
            entry.expectations.reserveCapacity(expectations)
            for _ in 0..<expectations { entry.expectations.append(try expectation()) }
            return entry
        }

        mutating func commitment() throws(DecodeError) -> Commitment {
            var c = Commitment(
                reference: try reference(), text: try string(), box: try box(), people: try strings(),
                personFromEntry: try bool(), tags: try strings(), due: try optionalDay(), doneOn: try optionalDay(),
                cancelledOn: try optionalDay(), made: try itemDate(), path: try itemPath(), location: try location())
            c.scheduled = try optionalDay()
            c.start = try optionalDay()
            c.created = try optionalDay()
            let priority = Int(try byte())
            guard priority <= Priority.allCases.count else { throw DecodeError() }
            c.priority = priority == 0 ? nil : Priority.allCases[priority - 1]
            c.recurrence = try optionalString()
            c.formerIds = try strings()
            return c
        }

        mutating func followUp() throws(DecodeError) -> FollowUp {
            let target = try reference()
            let box = try box()
            let note = try string()
            let parts = FollowUp.NoteParts(
                label: try optionalString(), afterLink: try string(), beforeLink: try string(), subItems: try strings())
            return FollowUp(
                target: target, box: box, note: note, parts: parts, due: try optionalDay(), doneOn: try optionalDay(),
                date: try itemDate(), path: try itemPath(), location: try location())
        }

        mutating func expectation() throws(DecodeError) -> Expectation {
            Expectation(
                text: try string(), tags: try strings(), people: try strings(), personFromEntry: try bool(),
                date: try itemDate(), path: try itemPath(), location: try location())
        }

        mutating func diagnostic() throws(DecodeError) -> Diagnostic {
            let path = try string()
            let line = try optionalInt()
            let column = try optionalInt()
            let severity: Diagnostic.Severity = try bool() ? .error : .warning
            return Diagnostic(path: path, line: line, column: column, severity: severity, message: try string())
        }
    }
}

/// A fast 64-bit hash of bytes (FNV-1a over 8-byte words): the index's record checksum, its
/// folder name and the extraction golden hash. Not cryptographic; it only has to notice damage.
enum Checksum {
    static func of(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { of($0) } }

    static func of(_ text: String) -> UInt64 { of(Array(text.utf8)) }

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let prime: UInt64 = 0x0000_0100_0000_01b3
        var index = 0
        while index + 8 <= bytes.count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self).littleEndian) &* prime
            hash ^= hash >> 29
            index += 8
        }
        while index < bytes.count {
            hash = (hash ^ UInt64(bytes[index])) &* prime
            index += 1
        }
        hash ^= UInt64(bytes.count)
        hash = (hash ^ (hash >> 33)) &* 0xff51_afd7_ed55_8ccd
        return hash ^ (hash >> 33)
    }

    /// 16 lowercase hex digits.
    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
