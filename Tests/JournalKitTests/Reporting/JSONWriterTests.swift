import Testing

@testable import JournalKit

/// `JSONWriter` writes what `JSONValue.serialized()` writes for the same document, byte for byte:
/// `JSONValue` is the specification, the writer the fast path the reports take.
@Suite struct JSONWriterTests {
    /// SplitMix64: a fixed seed gives the same trees on every run and platform.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    /// A scalar of each escape class and its neighbours on both sides of every range.
    static let interestingScalars: [Unicode.Scalar] = [
        "a", "Z", " ", "~", "#", "\u{00}", "\u{01}", "\u{07}", "\u{08}", "\t", "\n", "\u{0B}", "\u{0C}", "\r",
        "\u{1B}", "\u{1F}", "\"", "\\", "/", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "\u{BF}", "é", "ß",
        "\u{2028}", "\u{2029}", "\u{2029}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{202F}",
        "\u{2065}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "\u{206A}", "✅", "📅", "❌", "\u{FEFF}",
        "\u{FFFD}", "\u{10FFFF}", "\u{E000}", "\u{0301}",
    ]

    static func randomString(_ random: inout Random, maxLength: Int = 12) -> String {
        var text = ""
        for _ in 0..<random.below(maxLength + 1) {
            // Mostly plain text, so both the copying fast path and the escaping slow path are taken.
            if random.below(3) == 0 {
                text.unicodeScalars.append(random.pick(interestingScalars))
            } else {
                text.unicodeScalars.append(Unicode.Scalar(UInt8(0x61 + random.below(26))))
            }
        }
        return text
    }

    static func randomScalar(_ random: inout Random) -> JSONValue {
        switch random.below(9) {
        case 0: return .string(randomString(&random))
        case 1: return .int(Int(truncatingIfNeeded: random.next()) >> random.below(64))
        case 2: return .int(random.below(200) - 100)
        case 3: return .double(Double(random.below(20001)) / 10000)
        case 4: return .rate(Double(bitPattern: random.next() & 0x3FEF_FFFF_FFFF_FFFF))
        case 5: return .double(random.pick([0.1, -0.5, 1e15, 1e16, 123_456.789, -0.0, 1e-7, 2.0 / 3.0]))
        case 6: return .bool(random.below(2) == 0)
        case 7: return .null
        default: return .day(Day(ordinal: random.below(40000) - 5000))
        }
    }

    static func randomTree(_ random: inout Random, depth: Int = 0) -> JSONValue {
        let roll = depth > 4 ? 0 : random.below(10)
        switch roll {
        case 0...4: return randomScalar(&random)
        case 5...6:
            return .object(
                (0..<random.below(5)).map { _ in
                    (randomString(&random, maxLength: 6), randomTree(&random, depth: depth + 1))
                })
        case 7: return .array((0..<random.below(5)).map { _ in randomScalar(&random) })
        default: return .array((0..<random.below(5)).map { _ in randomTree(&random, depth: depth + 1) })
        }
    }

    func written(indent: Int = 0, _ body: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter(capacity: 16, indent: indent)
        body(&writer)
        return writer.text
    }

    func written(_ value: JSONValue, indent: Int = 0) -> String {
        written(indent: indent) { $0.value(value) }
    }

    // MARK: Trees

    @Test func randomTreesMatchJSONValue() {
        var random = Random(state: 20_261_128)
        for round in 0..<3000 {
            let tree = Self.randomTree(&random)
            let indent = round % 7 == 0 ? random.below(4) : 0
            let expected = tree.serialized(indent: indent)
            let actual = written(tree, indent: indent)
            #expect(actual == expected, "round \(round)")
            if actual != expected { return }
        }
    }

    @Test func emptyAndNestedContainers() {
        let trees: [JSONValue] = [
            .object([]), .array([]), .array([.array([])]), .array([.object([])]), .array([.array([]), .object([])]),
            .object([("a", .object([]))]), .object([("a", .array([]))]),
            .object([("a", .array([.array([.array([])])]))]), .array([1, .array([]), "x"]),
            .array([.null, .array([.object([("k", .array([]))])])]), .object([("", "")]),
            .object([("a", .array([1, 2, 3])), ("b", .object([("c", .array(["x", nil, true]))]))]),
        ]
        for tree in trees {
            #expect(written(tree) == tree.serialized())
            #expect(written(tree, indent: 2) == tree.serialized(indent: 2))
        }
        #expect(written(.array([.array([])])) == "[\n  []\n]")
        #expect(written(.object([("a", .object([]))])) == "{\n  \"a\": {}\n}")
    }

    /// An array holding one container goes on several lines, scalars included; one holding only
    /// scalars stays on one line.
    @Test func scalarArraysStayOnOneLine() {
        #expect(written(.array([1, "a", nil])) == "[1, \"a\", null]")
        #expect(written(.array([1, .array([])])) == "[\n  1,\n  []\n]")
        #expect(written { $0.strings(["a", "b\n"]) } == "[\"a\", \"b\\n\"]")
        #expect(written { $0.strings([]) } == "[]")
    }

    /// `bytes` and `text` hold the same document; `flush` hands it on whole and starts again.
    @Test func bytesTextAndFlush() {
        var writer = JSONWriter(capacity: 1)
        writer.strings(["é", "✅"])
        #expect(writer.bytes == Array(writer.text.utf8) && writer.text == "[\"é\", \"✅\"]")
        var chunks: [[UInt8]] = []
        writer.flush(above: 100) { chunks.append($0) }
        #expect(chunks.isEmpty)
        writer.flush { chunks.append($0) }
        #expect(chunks == [Array("[\"é\", \"✅\"]".utf8)] && writer.bytes.isEmpty)
    }

    /// The primitive calls, as the reports make them, give the same bytes as the tree.
    @Test func primitivesMatchTheTree() {
        let today = day("2026-11-28")
        let tree: JSONValue = .object([
            ("n", .int(42)), ("none", .int(nil)), ("day", .day(today)), ("noDay", .day(nil)), ("rate", .rate(2.0 / 3)),
            ("noRate", .rate(nil)), ("flag", .bool(nil)), ("tags", .strings(["a", "b"])),
            ("items", .array([.object([("x", 1)]), .object([])])), ("end", .string(nil)),
        ])
        let actual = written { json in
            json.beginObject()
            json.key("n")
            json.int(42)
            json.key("none")
            json.int(nil)
            json.key("day")
            json.day(today)
            json.key("noDay")
            json.day(nil)
            json.key("rate")
            json.rate(2.0 / 3)
            json.key("noRate")
            json.rate(nil)
            json.key("flag")
            json.bool(nil)
            json.key("tags")
            json.strings(["a", "b"])
            json.key(escaping: "items")
            json.beginArray()
            json.beginObject()
            json.key("x")
            json.int(1)
            json.endObject()
            json.beginObject()
            json.endObject()
            json.endArray()
            json.key("end")
            json.string(nil)
            json.endObject()
        }
        #expect(actual == tree.serialized())
    }

    // MARK: Strings

    /// Every scalar up to U+20FF and the top of each plane, one by one and between plain text.
    @Test func everyScalarIsQuotedAsJSONValueQuotesIt() {
        var scalars = (0...0x20FF).compactMap(Unicode.Scalar.init)
        scalars += [0xFEFF, 0xFFFD, 0xFFFF, 0x1_F4C5, 0x10_FFFF].compactMap(Unicode.Scalar.init)
        for scalar in scalars {
            for text in [String(scalar), "ab\(scalar)cd", "é\(scalar)", "\(scalar)\u{2028}"] {
                let expected = JSONValue.quote(text)
                let actual = written { $0.string(text) }
                #expect(actual == expected, "U+\(String(scalar.value, radix: 16))")
                if actual != expected { return }
            }
        }
    }

    @Test func randomStringsAreQuotedAsJSONValueQuotesThem() {
        var random = Random(state: 7)
        for _ in 0..<5000 {
            let text = Self.randomString(&random, maxLength: 40)
            #expect(written { $0.string(text) } == JSONValue.quote(text))
            #expect(
                written { json in
                    json.beginObject()
                    json.key(escaping: text)
                    json.null()
                    json.endObject()
                } == JSONValue.object([(text, .null)]).serialized())
        }
    }

    /// Each escape class is escaped, and its nearest neighbour outside the class is copied as is.
    @Test(arguments: [
        ("\u{1B}", "\\u001B", "\u{20}", " "), ("\u{7F}", "\\u007F", "~", "~"),
        ("\u{85}", "\\u0085", "\u{A0}", "\u{A0}"),
        ("\u{9F}", "\\u009F", "\u{BF}", "\u{BF}"), ("\u{202A}", "\\u202A", "\u{2029}", "\u{2029}"),
        ("\u{202E}", "\\u202E", "\u{202F}", "\u{202F}"), ("\u{2066}", "\\u2066", "\u{2065}", "\u{2065}"),
        ("\u{2069}", "\\u2069", "\u{206A}", "\u{206A}"), ("\"", "\\\"", "'", "'"), ("\\", "\\\\", "/", "/"),
        ("\n", "\\n", "n", "n"), ("\t", "\\t", "t", "t"), ("\r", "\\r", "r", "r"),
    ])
    func escapeClassAndItsNeighbour(escaped: String, shown: String, neighbour: String, kept: String) {
        #expect(written { $0.string("a\(escaped)b") } == "\"a\(shown)b\"")
        #expect(written { $0.string("a\(neighbour)b") } == "\"a\(kept)b\"")
    }

    // MARK: Numbers and days

    @Test func integers() {
        var random = Random(state: 99)
        var values = [0, 1, -1, 9, 10, -10, 99, 100, 1_000_000, Int.max, Int.min, Int.max - 1, Int.min + 1]
        for _ in 0..<2000 { values.append(Int(truncatingIfNeeded: random.next()) >> random.below(64)) }
        for value in values {
            #expect(written { $0.int(value) } == String(value))
        }
    }

    /// The four-decimal rate over its whole fast range and around it, against `JSONValue.rate`.
    @Test func ratesPrintTheDigitsJSONValuePrints() {
        func check(_ value: Double?) {
            #expect(written { $0.rate(value) } == JSONValue.rate(value).serialized(), "\(String(describing: value))")
        }
        for units in -20000...20000 { check(Double(units) / 10000) }
        let named: [Double?] = [
            nil, 0.33335, 0.33334999, 1, 0, -0.0, 2.0 / 3, 1.0 / 3, 1e-5, -1e-5, 5e-5, 4.9999e-5, 0.99995, 0.99994999,
            20.0 / 26, 1.0 / 7, 99.99995, 100, 100.00005, -100.00005, 123.456789, 1e300, -1e300, .infinity,
            -.infinity, .nan, .ulpOfOne, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
        ]
        for value in named { check(value) }
        var random = Random(state: 3)
        for _ in 0..<20000 {
            check(Double(random.next() >> 11) / Double(1 << 53))  // [0, 1)
            check(Double(random.below(2_000_001) - 1_000_000) / 10000 + Double(random.below(3) - 1) * 0.00005)
        }
        for count in 1...60 {
            for kept in 0...count { check(Double(kept) / Double(count)) }
        }
    }

    @Test func doublesPrintAsJSONValuePrintsThem() {
        var random = Random(state: 11)
        var values: [Double] = [0, -0.0, 1, -1, 0.5, 1e15, 1e15 - 1, -1e15, 1e16, 1e-7, .nan, .infinity, -.infinity]
        for _ in 0..<2000 { values.append(Double(bitPattern: random.next())) }
        for value in values {
            #expect(written { $0.double(value) } == JSONValue.double(value).serialized())
        }
    }

    /// Every written year's days as `Day.description`, and days that cannot be written as
    /// `Day.description` gives them too.
    @Test func daysAsTheirDescription() {
        var ordinals = Array(-719_162 - 400...(-719_162 + 400))  // around 0001-01-01
        ordinals += Array(-1000...1000) + Array(20000...21000)
        ordinals += Array(2_932_896 - 400...2_932_896 + 400)  // around 9999-12-31
        var random = Random(state: 5)
        for _ in 0..<5000 { ordinals.append(random.below(3_700_000) - 750_000) }
        ordinals += [Int.max / 4, Int.min / 4]
        for ordinal in ordinals {
            let value = Day(ordinal: ordinal)
            #expect(written { $0.day(value) } == JSONValue.day(value).serialized(), "\(ordinal)")
        }
        #expect(written { $0.day(nil) } == "null")
    }

    // MARK: The reports

    /// The review written by the writer equals the tree the report used to build.
    @Test(arguments: [0, 1, 2, 3])
    func reviewMatchesTheTree(variant: Int) {
        let review: Review
        switch variant {
        case 0: review = SmallJournal.review()
        case 1:
            review = SmallJournal.review {
                $0.person = "ana"
                $0.period = .month
            }
        case 2: review = SmallJournal.review { $0.tag = "no-such-tag" }
        default: review = TerminalEscapingTests.review
        }
        #expect(JSONReport.render(review) == TreeReport.render(review))
        #expect(
            JSONReport.render(commitments: review.commitments) == TreeReport.render(commitments: review.commitments))
    }

    @Test func emptyReview() {
        let review = Review(entries: [], options: ReviewOptions(asOf: day("2026-11-28")))
        #expect(JSONReport.render(review) == TreeReport.render(review))
        #expect(JSONReport.render(review).hasSuffix("\"commitments\": []\n}\n"))
        #expect(JSONReport.render(commitments: []) == "[]\n")
    }

    /// Chunks are about 64 KiB, end after a whole commitment, and add up to the whole review.
    @Test func reviewStreamsInChunks() {
        let text = (0..<300).map { "- [ ] Call client \($0) about the renewal é ✅ \u{1B} #commit\n" }.joined()
        let files = (1...9).map { ("2026-11-0\($0)", text) }
        let review = Review(entries: entries(files), options: ReviewOptions(asOf: day("2026-11-28")))
        var chunks: [[UInt8]] = []
        JSONReport.render(review, bytes: { chunks.append($0) })
        #expect(chunks.count > 2)
        #expect(chunks.dropLast().allSatisfy { $0.count > 1 << 16 && $0.count < 1 << 17 })
        #expect(chunks.dropLast().allSatisfy { $0.suffix(6) == Array("\n    }".utf8) })
        #expect(String(decoding: chunks.joined(), as: UTF8.self) == TreeReport.render(review))
        var texts: [String] = []
        JSONReport.render(review) { texts.append($0) }
        #expect(texts.count == chunks.count && texts.joined() == TreeReport.render(review))
    }

    /// The checks read eight bytes at a time: a scalar to escape is found at every offset, across
    /// word boundaries too, and its neighbour outside the class passes at every offset.
    @Test func byteChecksFindEveryClassAtEveryOffset() {
        let unsafe = [
            "\u{00}", "\u{1B}", "\t", "\u{7F}", "\u{80}", "\u{9F}", "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}",
        ]
        let safe = ["~", " ", "\u{A0}", "\u{BF}", "\u{2029}", "\u{202F}", "\u{2065}", "\u{206A}", "é", "✅", "📅"]
        for offset in 0..<20 {
            for tail in [0, 1, 2, 7, 8, 9] {
                let before = String(repeating: "a", count: offset)
                let after = String(repeating: "b", count: tail)
                for text in unsafe {
                    #expect(!JSONWriter.isEscaped(Array("\(before)\(text)\(after)".utf8)), "\(offset) \(tail)")
                    #expect(
                        written { $0.string("\(before)\(text)\(after)") } == JSONValue.quote("\(before)\(text)\(after)")
                    )
                }
                for text in safe + ["\n"] {
                    #expect(JSONWriter.isEscaped(Array("\(before)\(text)\(after)".utf8)), "\(offset) \(tail)")
                }
                for text in safe {
                    #expect(written { $0.string("\(before)\(text)\(after)") } == "\"\(before)\(text)\(after)\"")
                }
                for text in ["\"", "\\", "\n"] {
                    #expect(
                        written { $0.string("\(before)\(text)\(after)") } == JSONValue.quote("\(before)\(text)\(after)")
                    )
                }
            }
        }
    }

    /// The output layer's check: line breaks pass, any other control or bidi scalar does not.
    @Test func isEscapedLetsOnlyLineBreaksThrough() {
        #expect(JSONWriter.isEscaped(Array("{\n  \"a\": \"é ✅ \\u001B \u{2029} \u{A0}\"\n}\n".utf8)))
        for unsafe in [
            "\u{1B}", "\t", "\r", "\u{00}", "\u{7F}", "\u{85}", "\u{9F}", "\u{202A}", "\u{202E}", "\u{2069}",
        ] {
            #expect(!JSONWriter.isEscaped(Array("\"a\(unsafe)b\"".utf8)), "\(unsafe.unicodeScalars.first?.value ?? 0)")
        }
        let review = TerminalEscapingTests.review
        JSONReport.render(review, bytes: { #expect(JSONWriter.isEscaped($0)) })
    }
}

/// The review as the `JSONValue` tree `JSONReport` built before it wrote bytes: the oracle the
/// writer's output is compared with.
enum TreeReport {
    static func render(_ review: Review) -> String {
        let options = review.options
        let header: [(String, JSONValue)] = [
            ("schemaVersion", .int(JSONReport.schemaVersion)), ("asOf", .day(review.asOf)),
            ("since", .day(options.since)), ("until", .day(options.until)),
            (
                "filters",
                .object([
                    ("since", .day(options.since)), ("until", .day(options.until)), ("person", .string(options.person)),
                    ("tag", .string(options.tag)), ("matched", .bool(review.unmatchedFilter == nil)),
                    ("message", .string(review.unmatchedFilter)),
                ])
            ),
            ("entries", .int(review.entries)), ("totals", .object(countPairs(review.totals, rates: false))),
            ("followThroughRate", .rate(review.totals.followThroughRate)),
            ("onTimeRate", .rate(review.totals.onTimeRate)), ("periods", .array(review.periods.map(period))),
            ("people", .array(review.people.map(breakdown))), ("tags", .array(review.tags.map(breakdown))),
            (
                "mirror",
                .object([
                    ("lastMirrorEntry", .day(review.lastMirrorEntry)),
                    ("daysSinceMirror", .int(review.daysSinceMirror)),
                    ("expectations", .array(review.mirror.map(mirror))),
                ])
            ),
            ("commitments", .array(review.commitments.map(commitment))),
        ]
        return JSONValue.object(header).serialized() + "\n"
    }

    static func render(commitments: [CommitmentStatus]) -> String {
        JSONValue.array(commitments.map(commitment)).serialized() + "\n"
    }

    static func countPairs(_ counts: Counts, rates: Bool) -> [(String, JSONValue)] {
        var pairs: [(String, JSONValue)] = [("made", .int(counts.made)), ("kept", .int(counts.kept))]
        pairs += Outcome.allCases.map { ($0.rawValue, .int(counts.count($0))) }
        pairs.append(("releasedUndated", .int(counts.releasedUndated)))
        if rates {
            pairs.append(("followThroughRate", .rate(counts.followThroughRate)))
            pairs.append(("onTimeRate", .rate(counts.onTimeRate)))
        }
        return pairs
    }

    static func breakdown(_ breakdown: Breakdown) -> JSONValue {
        .object([("name", .string(breakdown.name))] + countPairs(breakdown.counts, rates: true))
    }

    static func period(_ period: PeriodBreakdown) -> JSONValue {
        .object(
            [
                ("period", .string(period.name)), ("by", .string("decided")), ("start", .day(period.start)),
                ("end", .day(period.end)),
            ] + countPairs(period.counts, rates: true))
    }

    static func mirror(_ figure: MirrorFigure) -> JSONValue {
        .object(
            [
                ("tag", .string(figure.tag)), ("expectations", .int(figure.expectations)),
                ("ownCommitments", .int(figure.own.made)),
            ] + countPairs(figure.own, rates: true).dropFirst() + [("note", .string(figure.note))])
    }

    static func commitment(_ status: CommitmentStatus) -> JSONValue {
        let c = status.commitment
        return .object([
            ("ref", .string(c.reference.description)), ("id", .string(c.id)), ("text", .string(c.text)),
            ("entry", .string(c.path)), ("line", .int(c.location.line)), ("made", .day(c.made)),
            ("due", .day(status.due)), ("originalDue", .day(status.originalDue)),
            ("dueChanges", .int(status.dueChanges)), ("lateRenegotiations", .int(status.lateRenegotiations)),
            ("status", .string(status.status.rawValue)), ("outcome", .string(status.outcome.rawValue)),
            ("releasedLate", .bool(status.releasedLate)), ("releasedOn", .day(status.releasedOn)),
            ("onTime", .bool(status.onTime)), ("doneOn", .day(status.doneOn)), ("people", .strings(c.people)),
            ("personFromEntry", .bool(c.personFromEntry)), ("tags", .strings(c.tags)),
            ("scheduled", .day(c.scheduled)), ("start", .day(c.start)), ("created", .day(c.created)),
            ("priority", .string(c.priority?.rawValue)), ("recurrence", .string(c.recurrence)),
            (
                "followUps",
                .array(
                    status.followUps.map { followUp in
                        .object([
                            ("entry", .string(followUp.path)), ("line", .int(followUp.location.line)),
                            ("date", .day(followUp.date)), ("mark", .string(followUp.box.mark)),
                            ("note", .string(followUp.note)),
                            (
                                "doneOn",
                                .day(followUp.box == .done || followUp.box == .released ? followUp.doneOn : nil)
                            ),
                            ("due", .day(followUp.box == .carried ? followUp.due : nil)),
                        ])
                    })
            ),
        ])
    }
}
