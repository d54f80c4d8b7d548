import JournalLSP
import Testing

@Suite struct DocumentTextTests {
    // "🚀" is 4 UTF-8 bytes and 2 UTF-16 units; "日本" is 6 bytes and 2 units.
    let text = DocumentText("- [ ] 🚀 日本 @ana\nsecond\r\nthird\rfourth")

    @Test func linesEndAtLfCrlfAndCr() {
        #expect(text.lineCount == 4)
        #expect(text.lineString(1) == "second")
        #expect(text.lineString(2) == "third")
        #expect(text.lineString(3) == "fourth")
    }

    @Test func utf16ColumnsCountSurrogatePairsAfterEmojiAndCJK() {
        let at = Array(text.line(0)).firstIndex(of: UInt8(ascii: "@"))!
        #expect(at == 6 + 4 + 1 + 6 + 1)
        #expect(text.character(line: 0, byteColumn: at, encoding: .utf16) == 6 + 2 + 1 + 2 + 1)
        #expect(text.byteColumn(line: 0, character: 12, encoding: .utf16) == at)
    }

    @Test func utf8ColumnsAreBytes() {
        #expect(text.character(line: 0, byteColumn: 18, encoding: .utf8) == 18)
        #expect(text.byteColumn(line: 0, character: 18, encoding: .utf8) == 18)
    }

    @Test func columnsPastTheLineAreClamped() {
        #expect(text.byteColumn(line: 1, character: 99, encoding: .utf16) == 6)
        #expect(text.offset(of: Position(line: 99, character: 0), encoding: .utf16) == text.bytes.count)
    }

    @Test func anIncrementalChangeReplacesItsRangeInEitherEncoding() {
        let utf16 = text.applying(
            TextDocumentContentChangeEvent(
                range: LSPRange(start: Position(line: 0, character: 12), end: Position(line: 0, character: 16)),
                text: "@李"), encoding: .utf16)
        #expect(utf16.lineString(0) == "- [ ] 🚀 日本 @李")
        let utf8 = text.applying(
            TextDocumentContentChangeEvent(
                range: LSPRange(start: Position(line: 0, character: 6), end: Position(line: 0, character: 10)),
                text: "✅"), encoding: .utf8)
        #expect(utf8.lineString(0) == "- [ ] ✅ 日本 @ana")
    }

    @Test func anEditAcrossLinesJoinsThem() {
        let joined = text.applying(
            TextDocumentContentChangeEvent(
                range: LSPRange(start: Position(line: 1, character: 3), end: Position(line: 2, character: 2)), text: "-"
            ),
            encoding: .utf16)
        #expect(joined.lineString(1) == "sec-ird")
    }

    @Test func aWholeTextChangeReplacesEverything() {
        #expect(text.applying(TextDocumentContentChangeEvent(text: "new"), encoding: .utf16) == DocumentText("new"))
    }

    @Test func fileURIsRoundTripWithSpacesAndNonASCII() {
        let path = "/home/me/my journal/2026-12-02 日本.md"
        #expect(FileURI.path(FileURI.uri(path)) == path)
        #expect(FileURI.uri(path).hasPrefix("file:///home/me/my%20journal/"))
        #expect(FileURI.path("https://example.com/x") == nil)
        #expect(FileURI.path("file://localhost/tmp/a.md") == "/tmp/a.md")
    }
}
