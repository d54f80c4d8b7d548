import Testing

@testable import JournalKit

@Suite struct ReferenceResolverTests {
    static let files = [
        (
            "2026-11-20",
            """
            ## Commitments
            - [ ] Send @ana the pricing deck by Monday ^send-deck
            - [ ] Call @tom about the forecast by Friday
            - [ ] Send @tom the pricing sheet

            """
        ),
        ("2026-11-23", "- [/] [[2026-11-20#send-deck]] drafted\n"),
    ]

    let resolver: ReferenceResolver = {
        let all = entries(files)
        return ReferenceResolver(
            commitments: Ledger(entries: all).commitments, followUps: all.flatMap(\.followUps), root: "/j")
    }()

    let deck = Reference(stem: "2026-11-20", id: "send-deck")
    let call = Reference(stem: "2026-11-20", id: "call-tom-about-the-forecast")
    let sheet = Reference(stem: "2026-11-20", id: "send-tom-the-pricing-sheet")

    @Test func fullReferencesAndLinkForms() {
        #expect(resolver.resolve("2026-11-20#send-deck") == .found(deck))
        #expect(resolver.resolve("2026-11-20#^send-deck") == .found(deck))
        #expect(resolver.resolve("[[2026-11-20#^send-deck|the deck]]") == .found(deck))
        #expect(resolver.resolve("../11/2026-11-20.md#send-deck") == .found(deck))
        #expect(resolver.resolve("[2026-11-20](2026-11-20.md#send-deck)") == .found(deck))
    }

    @Test func pathAndLineAsTheReviewPrintsThem() {
        #expect(resolver.resolve("entries/2026-11-20.md:3") == .found(call))
        #expect(resolver.resolve("/j/entries/2026-11-20.md:3") == .found(call))
        #expect(resolver.resolve("2026-11-20.md:3", workingDirectory: "/j/entries") == .found(call))
        // A follow-up's line means the commitment it follows up.
        #expect(resolver.resolve("entries/2026-11-23.md:1") == .found(deck))
        #expect(resolver.resolve("entries/2026-11-20.md:9") != .found(call))
    }

    @Test func aUniquePrefixAndItsAmbiguousTwin() {
        #expect(resolver.resolve("2026-11-20#call") == .found(call))
        #expect(resolver.resolve("2026-11-20#send") == .ambiguous([deck, sheet].sorted()))
    }

    @Test func wordsInAnyOrderIgnoringCaseAndSigils() {
        #expect(resolver.resolve("ana pricing") == .found(deck))
        #expect(resolver.resolve("PRICING @Ana") == .found(deck))
        #expect(resolver.resolve("pricing") == .ambiguous([deck, sheet].sorted()))
        #expect(resolver.resolve("pricing", candidates: [sheet]) == .found(sheet))
    }

    @Test func unknownSuggestsTheClosest() {
        guard case .unknown(let closest) = resolver.resolve("2026-11-20#send-dek") else {
            Issue.record("expected unknown")
            return
        }
        #expect(closest.first == deck)
    }
}
