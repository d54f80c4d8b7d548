import Foundation
import JournalKit
import JournalLSP
import Testing

@Suite struct CompletionFeatureTests {
    func items(
        _ text: String, line: Int = 0, character: Int? = nil, today: String = "2026-12-02", utf8: Bool = false,
        extra: [String: String] = [:]
    ) async -> [[String: Any]] {
        var harness = LSPHarness(files: Sample.files.merging(extra) { $1 }, today: today)
        _ = await harness.initialize(utf8: utf8)
        await harness.open(Sample.today, text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let column = character ?? (utf8 ? lines[line].utf8.count : lines[line].utf16.count)
        let response = await harness.request(
            "textDocument/completion", harness.position(Sample.today, line: line, character: column))
        return (response["result"] as? [String: Any])?["items"] as? [[String: Any]] ?? []
    }

    func labels(_ items: [[String: Any]]) -> [String] { items.compactMap { $0["label"] as? String } }

    func newText(_ item: [String: Any]?) -> String? { (item?["textEdit"] as? [String: Any])?["newText"] as? String }

    @Test func afterAnAtSignPeopleMostRecentFirstWithCounts() async {
        let found = await items(
            "- [ ] Ask 🚀 日本 @", extra: ["entries/2026/11/2026-11-30.md": "- [ ] Call @bo #commit\n"])
        #expect(labels(found) == ["@bo", "@ana", "@li"])
        #expect(found[1]["detail"] as? String == "2 commitments, last 2026-11-25")
        #expect(newText(found.first) == "bo")
        let range = span((found.first?["textEdit"] as? [String: Any])?["range"])
        #expect(range?.0.1 == "- [ ] Ask 🚀 日本 @".utf16.count)
    }

    @Test func aPartialNameIsReplacedWhole() async {
        let found = await items("- [ ] Ask @a")
        let range = span((found.first?["textEdit"] as? [String: Any])?["range"])
        #expect(range?.0.1 == 11)
        #expect(range?.1.1 == 12)
    }

    @Test func anEmailAddressIsNoMention() async {
        #expect(await items("mail me at me@exa").isEmpty)
    }

    @Test func afterAHashTagsWithTheCommitmentTagAndExpectFirst() async {
        let found = labels(await items("- [ ] Plan the offsite #"))
        #expect(Array(found.prefix(2)) == ["#commit", "#expect"])
        #expect(found.contains("#sales"))
        #expect(await items("# Heading").isEmpty)
    }

    @Test func insideAWikiLinkOpenCommitmentsAsStemAndId() async {
        let found = await items("- [x] [[")
        let refs = labels(found)
        #expect(refs.contains("2026-11-20#deck"))
        #expect(refs.contains("2026-11-20#launch"))
        #expect(!refs.contains("2026-11-20#offsite"))
        #expect(newText(found.first { $0["label"] as? String == "2026-11-20#deck" }) == "2026-11-20#deck]]")
        #expect((found.first?["detail"] as? String)?.hasPrefix("open: ") == true)
    }

    @Test func insideAWikiLinkTheClosingBracketsAlreadyTypedAreReplaced() async {
        let found = await items("- [x] [[2026]]", character: 12)
        let range = span((found.first?["textEdit"] as? [String: Any])?["range"])
        #expect(range?.0.1 == 8)
        #expect(range?.1.1 == 14)
    }

    @Test func afterAMarkdownLinkARelativePathAndId() async {
        let found = await items("- [x] [deck](")
        #expect(labels(found).contains("../11/2026-11-20.md#deck"))
        #expect(
            newText(found.first { $0["label"] as? String == "../11/2026-11-20.md#deck" }) == "../11/2026-11-20.md#deck)"
        )
    }

    @Test func atABulletStartTheWholeFollowUpLineAsJournalNewWritesIt() async {
        let found = await items("- ")
        let renderer = TemplateRenderer(journal: LSPHarness(files: Sample.files).journal)
        let expected = renderer.followups(for: TemplateRequest(date: day("2026-12-02"), entryPath: Sample.today)).map(
            \.line)
        #expect(found.compactMap(newText) == expected)
        #expect(expected.contains { $0.hasPrefix("- [ ] Review the hiring plan with @ana #commit (") })
        let range = span((found.first?["textEdit"] as? [String: Any])?["range"])
        #expect(range?.0.1 == 0)
        #expect(await items("- done").isEmpty)
    }

    @Test func afterByTheNextDatesAsMonthAndDayThatReadBackExactly() async {
        let found = await items("- [ ] Send the notes by ")
        #expect(found.count == 14)
        #expect(labels(found).first == "Dec 3")
        #expect(found.first?["detail"] as? String == "2026-12-03 (Thursday)")
        // Every proposal, written in the entry, is read back as that date.
        for (offset, phrase) in labels(found).enumerated() {
            let entry = parse("- [ ] Send the notes by \(phrase) #commit", date: "2026-12-02")
            #expect(entry?.commitments.first?.due == day("2026-12-02").adding(days: offset + 1))
        }
    }

    @Test func byDatesCrossTheYearAndStillReadBack() async {
        let found = await items("- [ ] Plan Q1 by ", today: "2026-12-28")
        #expect(labels(found).contains("Jan 5"))
        let entry = parse("- [ ] Plan Q1 by Jan 5 #commit", date: "2026-12-28")
        #expect(entry?.commitments.first?.due == day("2027-01-05"))
    }

    @Test func afterTheCalendarEmojiOrDueColonISODates() async {
        let emoji = await items("- [ ] Send it #commit 📅 ")
        #expect(labels(emoji).first == "2026-12-03")
        let field = await items("- [ ] Send it #commit due:", utf8: true)
        #expect(labels(field).first == "2026-12-03")
        let entry = parse("- [ ] Send it #commit 📅 \(labels(emoji)[3])", date: "2026-12-02")
        #expect(entry?.commitments.first?.due == day("2026-12-06"))
    }

    @Test func plainTextOffersNothing() async {
        #expect(await items("Quiet day").isEmpty)
    }

    func parse(_ text: String, date: String) -> Entry? {
        let stem = date
        return EntryParser(config: Config()).parse(
            Array(text.utf8), path: "\(stem).md", stem: stem, date: day(date)
        ).entry
    }
}
