import Foundation
import Testing

@testable import JournalKit

/// Entry text is data: an escape sequence, a bell or a bidi override written in an entry must
/// never reach the terminal, the pasted markdown or a JSON consumer as a raw control.
@Suite struct TerminalEscapingTests {
    static let hostile =
        "- [ ] Call \u{1B}[31mAna\u{07} about \u{202E}gnicirp due:2026-11-05 #commit ^evil\n"
    static let shown = "Call \\u{1B}[31mAna\\u{7} about \\u{202E}gnicirp #commit"

    static var review: Review {
        let files = [
            ("2026-11-02-weekly-mirror", hostile),
            ("2026-11-09", "- [>] [[2026-11-02-weekly-mirror#evil]] ring \u{07}\u{07} due:2026-11-10\n"),
        ]
        return Review(entries: entries(files), options: ReviewOptions(asOf: day("2026-11-27")))
    }

    func hasRawControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" }
    }

    @Test func theParserKeepsTheBytes() {
        #expect(
            Self.review.commitments.first?.commitment.text == "Call \u{1B}[31mAna\u{07} about \u{202E}gnicirp #commit")
    }

    @Test func textEscapes() {
        let rendered = TextReport.render(ReportDocument(review: Self.review), width: 300, color: false)
        #expect(!hasRawControls(rendered))
        #expect(rendered.contains(Self.shown))
    }

    @Test func colourDoesNotLetEntryTextThrough() {
        let rendered = TextReport.render(ReportDocument(review: Self.review), width: 300, color: true)
        // The report's own styles use ESC; the entry's must not come through.
        #expect(!rendered.contains("\u{1B}[31mAna"))
        #expect(!rendered.unicodeScalars.contains { $0 == "\u{07}" || $0 == "\u{202E}" })
    }

    @Test func markdownEscapes() {
        let rendered = MarkdownReport.render(ReportDocument(review: Self.review))
        #expect(!hasRawControls(rendered))
        // Markdown escapes on top of the terminal ones: `\\u{1B}\[` renders as `\u{1B}[`.
        #expect(rendered.contains(#"Call \\u{1B}\[31mAna\\u{7} about \\u{202E}gnicirp #commit"#))
    }

    @Test func listAndShowEscape() {
        let status = Self.review.commitments[0]
        let lines = CommitmentListing.lines([status], width: 300)
        #expect(!hasRawControls(lines) && lines.contains(Self.shown))
        let history = CommitmentListing.history(status, asOf: day("2026-11-27"))
        #expect(!hasRawControls(history) && history.contains(Self.shown))
        #expect(history.contains("ring \\u{7}\\u{7}"))
    }

    @Test func jsonEscapesByConstruction() throws {
        let rendered = JSONReport.render(Self.review)
        #expect(!hasRawControls(rendered))
        #expect(rendered.contains("Call \\u001B[31mAna\\u0007 about \\u202Egnicirp #commit"))
        // A consumer gets the entry's own characters back.
        let root = try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any]
        let commitment = (root?["commitments"] as? [[String: Any]])?.first
        #expect(commitment?["text"] as? String == "Call \u{1B}[31mAna\u{07} about \u{202E}gnicirp #commit")
    }

    @Test func escapeRules() {
        #expect(TerminalText.escape("plain: café ✅ 📅") == "plain: café ✅ 📅")
        #expect(TerminalText.escape("a\tb") == "a b")
        #expect(TerminalText.escape("\u{9B}31m\u{7F}\u{2066}") == "\\u{9B}31m\\u{7F}\\u{2066}")
        #expect(JSONValue.quote("\"\\\n\u{1B}") == "\"\\\"\\\\\\n\\u001B\"")
    }
}
