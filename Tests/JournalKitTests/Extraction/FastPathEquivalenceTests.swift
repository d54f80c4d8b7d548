import Testing

@testable import JournalKit

/// Issue 10/13: the byte paths of `collapse`, `slug` and the date-phrase words give exactly what
/// the Character-based definitions give, including where a Character spans a space.
@Suite struct FastPathEquivalenceTests {
    static let samples = [
        "", "  ", "plain ascii  text\t here ", "Café  über\nnaïve", "📅 ✅ 🆔 📅 ✅ 🆔 ", "a \u{301}b",
        "x \u{200D}y", "\u{600} x", "a\u{A0}b", "a\u{3000}b c", "tab\u{2028}sep", "e\u{301} \u{1F3FB} z",
        "\r\n a \r\nb", "İstanbul İZMİR Ωmega", "ﬁne ǅemal straße", "١٢/١١ by Friday", "😀👍🏽 ok", "ΟΔΟΣ ΚΑΙ ΣΑΣ",
        "a\u{345} b\u{300}c ⅫⅣ ⓐⒷ", "\u{1F1E9}\u{1F1EA} de",
        "\u{FFFD} done", "a\u{85}b",
    ]

    @Test(arguments: samples)
    func collapseMatchesCharacterSplit(text: String) {
        #expect(ItemSyntax.collapse(text) == text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "))
    }

    @Test(arguments: samples + ["Send the deck to Ana by Friday", "Ünïcode Wörds Are Here Too Now And More"])
    func slugMatchesLowercasedCharacters(text: String) {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
                if words.count == 5 { break }
            }
        }
        if !current.isEmpty && words.count < 5 { words.append(current) }
        #expect(ItemSyntax.slug(text) == (words.isEmpty ? "item" : words.joined(separator: "-")))
    }

    /// A word with non-ASCII bytes is no date word, but one starting with a digit or holding `/` is
    /// still read (other scripts' digits, `12th’s`).
    @Test func datePhraseWordsOutsideASCII() {
        let base = Day(iso: "2026-11-20")!
        #expect(DatePhrase.first(in: "by Friday’s review", relativeTo: base, direction: .forwards) != nil)
        #expect(DatePhrase.first(in: "by “Friday”", relativeTo: base, direction: .forwards) != nil)
        #expect(DatePhrase.first(in: "by Frïday", relativeTo: base, direction: .forwards) == nil)
        #expect(
            DatePhrase.first(in: String(repeating: "📅 ✅ ", count: 1000), relativeTo: base, direction: .forwards) == nil)
    }

    /// The cap counts kinds by message without quoted parts and numbers, per file.
    @Test func diagnosticsAreCappedPerKind() {
        let many = (0..<250).map {
            Diagnostic(path: "a.md", line: $0 + 1, severity: .error, message: "duplicate id 'x\($0)' in this entry")
        }
        let other = Diagnostic(path: "a.md", line: 999, severity: .warning, message: "something else")
        let capped = EntryParser.capped(many + [other])
        #expect(capped.count == 102)
        #expect(capped[100].message == "and 150 more like this in this file, not listed one by one")
        #expect(capped[100].line == 101)
        #expect(capped.last == other)
        // Under the cap nothing changes.
        #expect(EntryParser.capped(Array(many.prefix(100)) + [other]) == Array(many.prefix(100)) + [other])
    }
}
