import Testing

@testable import JournalKit

/// RFC 5545's lexical rules: TEXT escaping (§3.3.11) and folding at 75 octets (§3.1).
@Suite struct ICalendarTextTests {
    /// The physical lines of a folded content line, without their CRLF.
    func physicalLines(_ folded: String) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        let bytes = Array(folded.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 13, index + 1 < bytes.count, bytes[index + 1] == 10 {
                lines.append(current)
                current = []
                index += 2
            } else {
                current.append(bytes[index])
                index += 1
            }
        }
        #expect(current.isEmpty, "does not end with CRLF")
        return lines
    }

    /// Unfolding as RFC 5545 says: remove every CRLF followed by one space.
    func unfold(_ folded: String) -> String {
        let lines = physicalLines(folded)
        var bytes = lines.first ?? []
        for line in lines.dropFirst() {
            #expect(line.first == 32, "a continuation line must start with a space")
            bytes += line.dropFirst()
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func exactly75OctetsIsNotFolded() {
        let line = "SUMMARY:" + String(repeating: "a", count: 67)
        #expect(line.utf8.count == 75)
        #expect(ICalendarText.fold(line) == line + "\r\n")
    }

    @Test func seventySixOctetsFoldOnce() {
        let line = "SUMMARY:" + String(repeating: "a", count: 68)
        let lines = physicalLines(ICalendarText.fold(line))
        #expect(lines.map(\.count) == [75, 2])
        #expect(unfold(ICalendarText.fold(line)) == line)
    }

    @Test func aMultibyteCharacterAtTheBoundaryMovesWhole() {
        // 74 octets, then "é" (2 octets) would end at 76: it goes to the next line, whole.
        let line = String(repeating: "a", count: 74) + "é" + "b"
        let lines = physicalLines(ICalendarText.fold(line))
        #expect(lines.map(\.count) == [74, 4])
        #expect(lines[1] == [32, 0xC3, 0xA9, 0x62])
        // Its negative twin: 73 octets, then "é" ends at exactly 75 and stays.
        let fits = String(repeating: "a", count: 73) + "é"
        #expect(physicalLines(ICalendarText.fold(fits)).map(\.count) == [75])
    }

    @Test func fourByteEmojiAtTheBoundaryIsNeverSplit() {
        for prefix in 70...75 {
            let line = String(repeating: "x", count: prefix) + "🎉🎉"
            let folded = ICalendarText.fold(line)
            for physical in physicalLines(folded) {
                #expect(physical.count <= 75)
                #expect(String(validating: physical, as: UTF8.self) != nil, "cut inside a character at \(prefix)")
            }
            #expect(unfold(folded) == line)
        }
    }

    @Test func longMultibyteLinesFoldIntoValidLinesThatUnfoldBack() {
        let line = "DESCRIPTION:" + String(repeating: "日本語のテキスト👩‍👩‍👧‍👦é", count: 40)
        let folded = ICalendarText.fold(line)
        let lines = physicalLines(folded)
        #expect(lines.count > 10)
        for physical in lines {
            #expect(physical.count <= 75)
            #expect(String(validating: physical, as: UTF8.self) != nil)
        }
        // No character is longer than 4 octets, so every line but the last is filled to 72 or more.
        #expect(lines.dropLast().allSatisfy { $0.count >= 72 })
        #expect(unfold(folded) == line)
    }

    @Test func aFoldNeverSeparatesAnEscapeFromItsBackslash() {
        // The 75th octet would be the backslash of "\,": the pair moves to the next line.
        let line = String(repeating: "a", count: 74) + "\\,b"
        let lines = physicalLines(ICalendarText.fold(line))
        #expect(lines.map(\.count) == [74, 4])
        #expect(lines[1] == Array(" \\,b".utf8))
    }

    @Test func shortLinesAreUnchangedButForCRLF() {
        #expect(ICalendarText.fold("BEGIN:VEVENT") == "BEGIN:VEVENT\r\n")
        #expect(ICalendarText.fold("") == "\r\n")
    }

    @Test func textSpecialsAreEscaped() {
        #expect(ICalendarText.escape("a,b;c\\d") == "a\\,b\\;c\\\\d")
        #expect(ICalendarText.escape("one\ntwo") == "one\\ntwo")
        #expect(ICalendarText.escape("one\r\ntwo\rthree") == "one\\ntwo\\nthree")
    }

    @Test func ordinaryTextIsUnchanged() {
        // Colons, quotes, angle brackets and non-ASCII need no escape in TEXT.
        let text = "Call @ana: \"pricing\" <script> 日本 🎉 café"
        #expect(ICalendarText.escape(text) == text)
    }

    @Test func controlsButTabAreRemoved() {
        #expect(ICalendarText.escape("a\u{07}b\u{1B}[31mc\u{7F}d\u{85}e\u{0}f") == "ab[31mcdef")
        #expect(ICalendarText.escape("a\tb") == "a\tb")
    }

    @Test func bidiControlsAreShownEscapedLikeTheTerminal() {
        // The value reads `\u{202E}` after unescaping, as the terminal shows it.
        #expect(ICalendarText.escape("txt\u{202E}exe") == "txt\\\\u{202E}exe")
        #expect(ICalendarText.escape("\u{2066}x\u{2069}") == "\\\\u{2066}x\\\\u{2069}")
        // Bidi marks (LRM, RLM) are not controls that reorder text; they stay.
        #expect(ICalendarText.escape("a\u{200F}b") == "a\u{200F}b")
    }

    @Test func theOutputLayerDropsWhatTheRendererShouldNeverHaveLeft() {
        let stray = "SUMMARY:a\u{1B}[2Jb\u{202E}c\tok\r\n"
        #expect(OutputEncoding.iCalendar.encode(stray) == "SUMMARY:a[2Jbc\tok\r\n")
        let clean = "BEGIN:VCALENDAR\r\nSUMMARY:caf\u{E9} \\\\u{202E}\r\n"
        #expect(OutputEncoding.iCalendar.encode(clean) == clean)
    }
}
