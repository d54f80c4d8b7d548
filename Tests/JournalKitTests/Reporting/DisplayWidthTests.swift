import Testing

@testable import JournalKit

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("Call Ana", 8), ("日本語", 6), ("한국어", 6), ("Ｆｕｌｌ", 8), ("🙂", 2), ("👩‍💻", 2), ("🇫🇷", 2),
        ("e\u{301}", 1), ("\u{301}", 0), ("\u{200B}", 0), ("Zoë", 3), ("✅ done", 7), ("", 0),
    ])
    func widthsAgreeWithTheOracle(_ text: String, _ expected: Int) {
        #expect(DisplayWidth.of(text) == expected, "\(text)")
        #expect(WidthOracle.width(text) == expected, "oracle: \(text)")
    }

    @Test func truncationNeverSplitsAWideCharacterAndEndsWithAnEllipsis() {
        #expect(DisplayWidth.truncated("日本語のテキスト", to: 7) == "日本語…")
        #expect(DisplayWidth.of(DisplayWidth.truncated("日本語のテキスト", to: 7)) == 7)
        #expect(DisplayWidth.truncated("short", to: 10) == "short")
        #expect(DisplayWidth.truncated("exactly10!", to: 10) == "exactly10!")
        #expect(DisplayWidth.truncated("eleven cols", to: 10) == "eleven co…")
        #expect(DisplayWidth.padded("日本", to: 6) == "日本  ")
    }
}
