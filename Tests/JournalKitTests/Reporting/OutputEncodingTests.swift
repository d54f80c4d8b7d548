import Testing

@testable import JournalKit

/// The encoders of the CLI's one output layer: whatever the text, only safe bytes come out.
@Suite struct OutputEncodingTests {
    static let payload = "a\u{1B}]52;c;aGk=\u{07}b\u{1B}[31mc\u{202E}d\u{9B}e\u{7F}\nf\u{2066}"

    func hasRawControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { TerminalText.isUnsafe($0) && $0 != "\n" }
    }

    @Test func terminalEscapesEverythingButLineBreaks() {
        let encoded = OutputEncoding.terminal.encode(Self.payload)
        #expect(!hasRawControls(encoded))
        #expect(encoded == "a\\u{1B}]52;c;aGk=\\u{7}b\\u{1B}[31mc\\u{202E}d\\u{9B}e\\u{7F}\nf\\u{2066}")
        #expect(OutputEncoding.terminal.encode(encoded) == encoded)
    }

    @Test func styledKeepsOnlyColour() {
        let text = TerminalText.style("ok", .red, enabled: true) + Self.payload
        let encoded = OutputEncoding.styled.encode(text)
        #expect(encoded.hasPrefix("\u{1B}[31mok\u{1B}[0m"))
        // The payload's own CSI colour is an SGR too, but an OSC and BEL are not.
        #expect(!encoded.contains("\u{07}") && !encoded.contains("\u{1B}]") && !encoded.contains("\u{202E}"))
    }

    @Test func jsonEscapesStrayControls() {
        let encoded = OutputEncoding.json.encode("{\"a\": \"\(Self.payload)\"}")
        #expect(!hasRawControls(encoded))
        #expect(encoded.contains("\\u001B]52"))
        #expect(encoded.contains("\\u202E"))
    }

    @Test func rawIsByteForByte() {
        #expect(OutputEncoding.raw.encode(Self.payload) == Self.payload)
    }
}
