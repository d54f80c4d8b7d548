import Testing

@testable import JournalKit

@Suite struct EntryParserTests {
    let date = Day(year: 2026, month: 11, day: 20)!

    func parse(_ text: String, config: Config = Config()) -> EntryParser.Result {
        EntryParser(config: config).parse(Array(text.utf8), path: "e.md", stem: "2026-11-20", date: date)
    }

    @Test func taggedItemIsACommitment() {
        let result = parse("- [ ] Recognise @maria's renewal win at the all-hands by Friday #recognition #commit\n")
        let commitment = result.entry?.commitments.first
        #expect(commitment?.id == "recognise-maria-s-renewal-win")
        #expect(commitment?.people == ["maria"])
        #expect(commitment?.tags == ["recognition"])
        #expect(commitment?.due == Day(year: 2026, month: 11, day: 27))
        #expect(commitment?.location == SourceLocation(line: 1, column: 3))
    }

    @Test func untaggedItemIsNotACommitment() {
        #expect(parse("- [ ] Recognise @maria at the all-hands\n").entry?.commitments.isEmpty == true)
    }
}
