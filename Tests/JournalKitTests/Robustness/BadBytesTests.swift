import Testing

@testable import JournalKit

/// Issue 5, cases 1–5 and 9 at the parser: what each kind of broken byte stream gives.
@Suite struct BadBytesTests {
    static let lines = ["# Commitments", "", "- [ ] Ask @li about the plan #commit", "- [x] Sent the deck #commit", ""]

    func summary(_ result: EntryParser.Result) -> [String] {
        result.commitments.map { "\($0.location.line):\($0.location.column ?? 0) \($0.text)" }
    }

    @Test func bomCRLFAndLoneCRGiveTheSameEntryAsLF() {
        let lf = parseEntry(Self.lines.joined(separator: "\n"))
        #expect(summary(lf).count == 2)
        #expect(lf.commitments.first?.location.line == 3)
        for bytes in [
            [0xEF, 0xBB, 0xBF] + Array(Self.lines.joined(separator: "\n").utf8),
            Array(Self.lines.joined(separator: "\r\n").utf8),
            Array(Self.lines.joined(separator: "\r").utf8),
            [0xEF, 0xBB, 0xBF] + Array(Self.lines.joined(separator: "\r\n").utf8),
        ] {
            let result = parseEntry(bytes: bytes)
            #expect(summary(result) == summary(lf))
            #expect(result.problems == [])
        }
    }

    @Test func invalidUTF8IsWarnedAtTheFirstBadByteAndTheRestParses() {
        let bytes =
            Array("# Commitments\n\n- [ ] Caf".utf8) + [0xE9] + Array(" with @li #commit\n".utf8) + [0xC0, 0x80]
        let result = parseEntry(bytes: bytes)
        #expect(result.problems == ["3:10: warning: invalid UTF-8; bad bytes are read as U+FFFD"])
        #expect(result.commitments.first?.text.hasPrefix("Caf\u{FFFD} with @li") == true)
    }

    @Test func validUTF8IsNotWarned() {
        #expect(parseEntry("- [ ] Café with @zoë 日本 🎉 #commit\n").problems == [])
    }

    @Test(arguments: [[UInt8]([0xFF, 0xFE, 0x23, 0x00]), [0xFE, 0xFF, 0x00, 0x23]])
    func utf16IsSkipped(_ bytes: [UInt8]) {
        let result = parseEntry(bytes: bytes)
        #expect(result.entry == nil)
        #expect(result.problems == ["1:-: warning: unsupported encoding UTF-16; save the file as UTF-8"])
    }

    @Test func nulBytesAreNotText() {
        let result = parseEntry(bytes: Array("# a\n\nb\0c\n".utf8))
        #expect(result.entry == nil)
        #expect(result.problems == ["3:-: warning: not text (contains NUL bytes); skipped"])
    }

    @Test(arguments: ["", " ", "\n\n\n", " \t \r\n  \r", "\u{FEFF}"])
    func emptyOrBlankEntryHasNothingAndNoWarning(_ text: String) {
        let result = parseEntry(text)
        #expect(result.entry != nil)
        #expect(result.commitments.isEmpty)
        #expect(result.problems == [])
    }

    @Test func mergeMarkerIsAnErrorAtItsLineButOnlyAtLineStart() {
        let result = parseEntry("a\n<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> x\n")
        #expect(result.problems == ["2:1: error: git merge conflict marker; resolve the conflict"])
        #expect(parseEntry("a <<<<<<< b\n<<<<<<<<< not one\n").problems == [])
    }

    @Test func overTheCapIsRefusedWithoutParsing() {
        var config = Config()
        config.maxEntryBytes = 100
        let result = parseEntry(String(repeating: "x", count: 101), config: config)
        #expect(result.problems == ["1:-: warning: not parsed: larger than max-entry-bytes (100 bytes)"])
        #expect(parseEntry(String(repeating: "x", count: 100), config: config).problems == [])
    }

    @Test func readerStopsOneByteAfterTheCap() throws {
        let folder = try TemporaryFolder()
        try folder.write("big.md", String(repeating: "a", count: 1_000_000))
        #expect(try FileReader.read("\(folder.path)/big.md", limit: 1000).count == 1001)
        #expect(try FileReader.read("\(folder.path)/big.md").count == 1_000_000)
        #expect(throws: JournalError.self) { try FileReader.read("\(folder.path)/missing.md") }
        #expect(throws: JournalError.self) { try FileReader.read(folder.path) }
    }
}

/// Case 17 at the escaping layer: multi-line output keeps its line breaks and nothing else raw.
@Suite struct TerminalEscapeLinesTests {
    @Test func keepsNewlinesAndEscapesEverythingElse() {
        let text = "line \u{1B}]8;;https://x\u{07}one\n\u{9B}2J two\u{202E}\n"
        #expect(TerminalText.escapeLines(text) == "line \\u{1B}]8;;https://x\\u{7}one\n\\u{9B}2J two\\u{202E}\n")
        #expect(TerminalText.escapeLines("plain\ntext\n") == "plain\ntext\n")
        #expect(TerminalText.escape("a\nb") == "a\\u{A}b")
    }
}
