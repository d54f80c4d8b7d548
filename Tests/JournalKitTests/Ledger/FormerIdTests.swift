import Foundation
import Testing

@testable import JournalKit

/// Ids must not move (issue 11): a follow-up naming the id a commitment had under the rules
/// before, or its slug before an explicit id was added, still resolves, with a warning.
@Suite struct FormerIdTests {
    func entry(_ stem: String, _ text: String) -> Entry {
        parseEntry(text, stem: stem).entry ?? Entry(path: "", stem: stem, date: day(String(stem.prefix(10))))
    }

    func judge(_ entries: [Entry], asOf: String = "2026-11-30") -> (Ledger, [CommitmentStatus]) {
        let ledger = Ledger(entries: entries)
        return (ledger, Array(ledger.statuses(asOf: day(asOf), staleAfterDays: 14)))
    }

    @Test func aFollowUpToTheOldIdResolvesWithAWarning() throws {
        let made = entry("2026-11-02", "- [ ] [priority:: high] Call Ana ⏫ #commit\n")
        #expect(made.commitments.map(\.id) == ["call-ana-commit"])
        #expect(made.commitments.first?.formerIds == ["priority-high-call-ana-commit"])
        let later = entry("2026-11-09", "- [x] [[2026-11-02#priority-high-call-ana-commit]] called her\n")
        let (ledger, statuses) = judge([made, later])
        #expect(statuses.first?.status == .kept)
        #expect(
            ledger.followUpProblems().map(\.message) == [
                "follow-up to 2026-11-02#priority-high-call-ana-commit uses the id this commitment had before journal"
                    + " read more fields; link to 2026-11-02#call-ana-commit"
            ])
    }

    @Test func theSlugBeforeAnExplicitIdWasAddedResolves() {
        let made = entry("2026-11-02", "- [ ] Call Tom about pricing #commit ^tom\n")
        let later = entry("2026-11-09", "- [x] [[2026-11-02#call-tom-about-pricing-commit]] done\n")
        let (ledger, statuses) = judge([made, later])
        #expect(statuses.first?.status == .kept)
        #expect(ledger.followUpProblems().count == 1)
        #expect(ledger.followUpProblems().first?.severity == .warning)
    }

    @Test func aFormerIdThatIsAnotherCommitmentsIdIsThatCommitment() {
        let made = entry("2026-11-02", "- [ ] Call Ana ⏫ #commit\n- [ ] Call Ana #commit\n")
        #expect(made.commitments.map(\.id) == ["call-ana-commit", "call-ana-commit-2"])
        let later = entry("2026-11-09", "- [x] [[2026-11-02#call-ana-commit]] done\n")
        let (ledger, statuses) = judge([made, later])
        #expect(statuses.map(\.status) == [.kept, .stale])
        #expect(ledger.followUpProblems().isEmpty)
    }

    @Test func linksResolveIgnoringCase() {
        let made = entry("2026-11-02-weekly-mirror", "- [ ] Send the deck #commit ^deck\n")
        let later = entry("2026-11-09", "- [x] [[2026-11-02-Weekly-Mirror#^Deck]] sent\n")
        let (ledger, statuses) = judge([made, later])
        #expect(statuses.first?.status == .kept)
        #expect(ledger.followUpProblems().isEmpty)
        #expect(ledger.commitment(Reference(stem: "2026-11-02-WEEKLY-mirror", id: "DECK"))?.id == "deck")
    }

    @Test func aCaseOnlyAmbiguityIsAnErrorNamingBoth() {
        let made = entry("2026-11-02", "- [ ] Send the deck #commit ^deck\n- [ ] Send the Deck #commit ^Deck\n")
        let later = entry("2026-11-09", "- [x] [[2026-11-02#DECK]] sent\n")
        let (ledger, _) = judge([made, later])
        #expect(
            ledger.followUpProblems().map(\.message) == [
                "follow-up to 2026-11-02#DECK is ambiguous when case is ignored: 2026-11-02#Deck or 2026-11-02#deck"
            ])
    }

    /// The ids of journal-example and of the generated `typical` corpus, written down before issue 11:
    /// every one still names a commitment, and none resolves only through a former id.
    @Test(arguments: ["journal-example", "typical"])
    func pinnedIdsDoNotMove(_ name: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let folder = name == "journal-example" ? "journal-example" : "Benchmarks/corpora/typical"
        let journal = root.appendingPathComponent(folder).path
        guard FileManager.default.fileExists(atPath: journal) else {
            // The corpus is generated (`python3 Benchmarks/generate.py typical`), not committed.
            return
        }
        let pinned = try String(
            contentsOf: root.appendingPathComponent("Tests/Fixtures/PinnedIds/\(name).txt"), encoding: .utf8
        ).split(separator: "\n").map(String.init)
        let loaded = Journal.load(root: journal)
        let now = Set(loaded.ledger.commitments.map(\.reference.description))
        #expect(pinned.filter { !now.contains($0) } == [])
        #expect(now.count == pinned.count)
    }
}
