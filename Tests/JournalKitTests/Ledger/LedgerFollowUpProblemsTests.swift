import Testing

@testable import JournalKit

/// The check errors that span entries: follow-ups to unknown commitments and follow-ups that
/// come too early; and every link form reaching its commitment through the ledger.
@Suite struct LedgerFollowUpProblemsTests {
    static let mirror = """
        - [ ] Recognise @maria's renewal win at the all-hands by Friday #commit
        - [ ] Book @ana onto the negotiation course #commit ^book-ana
        - [ ] Send the QBR deck to @bo #commit 🆔 deck1

        """

    func ledger(_ files: [(path: String, text: String)]) -> Ledger {
        let entries = files.compactMap { file -> Entry? in
            let name = String(file.path.split(separator: "/").last ?? "")
            return parseEntry(file.text, stem: String(name.dropLast(3)), path: file.path).entry
        }
        return Ledger(entries: entries)
    }

    func problems(_ followUps: String, in path: String = "entries/2026-11-23.md") -> [String] {
        ledger([("entries/10/2026-11-16-weekly-mirror.md", Self.mirror), (path, followUps)]).followUpProblems()
            .map(\.formatted)
    }

    @Test func knownCommitmentsInEveryLinkFormAreQuiet() {
        let text = """
            - [x] [Maria](../10/2026-11-16-weekly-mirror.md#recognise-maria-s-renewal-win) thanked
            - [x] [Maria](/somewhere/else/2026-11-16-weekly-mirror.md#%5Erecognise-maria-s-renewal-win)
            - [>] [[2026-11-16-weekly-mirror#^book-ana]] moved by Friday
            - [/] [[entries/10/2026-11-16-weekly-mirror.md#book-ana|the course]] started
            - [-] [deck](2026-11-16-weekly-mirror.md#deck1) not needed
            - [ ] [deck](<other folder/2026-11-16-weekly-mirror.md#%64eck1>) still open

            """
        #expect(problems(text).isEmpty)
    }

    @Test func unknownIdSuggestsTheClosestInThatEntry() {
        #expect(
            problems("- [x] [[2026-11-16-weekly-mirror#^book-anna]] booked\n") == [
                "entries/2026-11-23.md:1:3: error: follow-up to unknown commitment 2026-11-16-weekly-mirror#book-anna; did you mean 2026-11-16-weekly-mirror#book-ana?"
            ])
    }

    @Test func unknownIdFarFromEveryIdHasNoSuggestion() {
        #expect(
            problems("- [x] [[2026-11-16-weekly-mirror#completely-different-thing-here]]\n") == [
                "entries/2026-11-23.md:1:3: error: follow-up to unknown commitment 2026-11-16-weekly-mirror#completely-different-thing-here"
            ])
    }

    @Test func unknownStemSuggestsTheClosestStem() {
        #expect(
            problems("- [x] [deck](2026-11-16-weekly-miror.md#deck1)\n") == [
                "entries/2026-11-23.md:1:3: error: follow-up to unknown commitment 2026-11-16-weekly-miror#deck1; no commitments in '2026-11-16-weekly-miror'; did you mean 2026-11-16-weekly-mirror?"
            ])
    }

    @Test func unknownStemFarFromEveryStem() {
        #expect(
            problems("- [x] [[1999-01-01-completely-unrelated-notes-from-elsewhere#x]]\n") == [
                "entries/2026-11-23.md:1:3: error: follow-up to unknown commitment 1999-01-01-completely-unrelated-notes-from-elsewhere#x; no entry '1999-01-01-completely-unrelated-notes-from-elsewhere' has commitments"
            ])
    }

    @Test func percentEncodingIsDecodedBeforeMatching() {
        #expect(problems("- [x] [c](2026-11-16-weekly-mirror.md#book%2Dana)\n").isEmpty)
        #expect(problems("- [x] [c](2026-11-16-weekly-mirror.md#book%20ana)\n").count == 1)
    }

    @Test func followUpOnTheSameDayInAnotherEntryIsQuiet() {
        #expect(
            problems("- [x] [[2026-11-16-weekly-mirror#^book-ana]] booked\n", in: "1on1/2026-11-16-one-on-one-ana.md")
                .isEmpty)
    }

    @Test func followUpBeforeTheCommitmentIsAnError() {
        #expect(
            problems("\n- [x] [[2026-11-16-weekly-mirror#^book-ana]] booked\n", in: "2026-11-10.md") == [
                "2026-11-10.md:2:3: error: follow-up to 2026-11-16-weekly-mirror#book-ana is dated 2026-11-10, before the commitment (2026-11-16)"
            ])
    }

    @Test func followUpTheNextDayIsQuiet() {
        #expect(problems("- [x] [[2026-11-16-weekly-mirror#^book-ana]] booked\n", in: "2026-11-17.md").isEmpty)
    }

    @Test func problemsAreSortedByPathThenLine() {
        let ledger = ledger([
            ("m/2026-11-16-weekly-mirror.md", Self.mirror),
            ("b/2026-11-20.md", "- [x] [[2026-11-16-weekly-mirror#zz]]\n- [x] [[2026-11-16-weekly-mirror#yy]]\n"),
            ("a/2026-11-21.md", "\n\n- [x] [[2026-11-16-weekly-mirror#xx]]\n"),
        ])
        #expect(
            ledger.followUpProblems().map { "\($0.path):\($0.line ?? 0)" } == [
                "a/2026-11-21.md:3", "b/2026-11-20.md:1", "b/2026-11-20.md:2",
            ])
    }

    // MARK: What the links do once matched

    func status(_ followUps: String, on date: String = "2026-11-23") -> CommitmentStatus? {
        let ledger = ledger([("2026-11-16-weekly-mirror.md", Self.mirror), ("x/\(date).md", followUps)])
        return ledger.statuses(asOf: day("2026-11-30"), staleAfterDays: 14).first { $0.reference.id == "book-ana" }
    }

    @Test(arguments: [
        ("- [x] [[2026-11-16-weekly-mirror#^book-ana]] booked\n", Status.kept),
        ("- [x] [b](../2026-11-16-weekly-mirror.md#book-ana) booked\n", .kept),
        ("- [-] [[2026-11-16-weekly-mirror#book-ana]] dropped\n", .released),
        ("- [/] [[2026-11-16-weekly-mirror#book-ana]] asked\n", .open),
        ("- [ ] [[2026-11-16-weekly-mirror#book-ana]] asked\n", .open),
        ("- see [[2026-11-16-weekly-mirror#book-ana]]\n", .open),
        ("- [x] [[2026-11-16-weekly-mirror#book-anna]] booked\n", .open),
    ])
    func followUpBoxDecidesTheStatus(_ text: String, _ expected: Status) {
        #expect(status(text)?.status == expected)
    }

    @Test func keptOnTheFollowUpsDateUnlessItSaysOtherwise() {
        #expect(status("- [x] [[2026-11-16-weekly-mirror#book-ana]] booked\n")?.doneOn == day("2026-11-23"))
        #expect(
            status("- [x] [[2026-11-16-weekly-mirror#book-ana]] booked ✅ 2026-11-20\n")?.doneOn == day("2026-11-20"))
        #expect(
            status("- [x] [[2026-11-16-weekly-mirror#book-ana]] booked done:2026-11-19\n")?.doneOn == day("2026-11-19"))
    }

    @Test func carriedForwardSetsANewDueDateFromTheFollowUpsEntry() {
        // Written on Monday 2026-11-23: "by Friday" is 2026-11-27.
        let carried = status("- [>] [[2026-11-16-weekly-mirror#book-ana]] course full, by Friday\n")
        #expect(carried?.due == day("2026-11-27"))
        #expect(carried?.originalDue == nil)
        #expect(carried?.status == .missed)
    }
}
