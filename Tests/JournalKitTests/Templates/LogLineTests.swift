import Testing

@testable import JournalKit

@Suite struct LogLineTests {
    @Test func aCommitmentGetsItsTagAndAnAsciiId() {
        let made = LogLine.commitment("Send @ana the pricing deck by Monday #pipeline", config: Config(), takenIds: [])
        #expect(made.line == "- [ ] Send @ana the pricing deck by Monday #pipeline #commit ^send-ana-the-pricing-deck")
        #expect(made.id == "send-ana-the-pricing-deck")
        let tagged = LogLine.commitment("Call Tom #commit", config: Config(), takenIds: ["call-tom-commit"])
        #expect(tagged.line == "- [ ] Call Tom #commit ^call-tom-commit-2")
        #expect(LogLine.commitment("Café für Zoë", config: Config(), takenIds: []).id == "caf-fr-zo")
        #expect(LogLine.commitment("日本", config: Config(), takenIds: []).id == "item")
        #expect(
            LogLine.commitment("Log calls #crm", expectation: true, config: Config(), takenIds: []).line
                == "- [ ] Log calls #crm #expect")
    }

    @Test func theLineReadsBackAsOneCommitmentWithThatId() {
        let made = LogLine.commitment("Send @ana the deck by Monday", config: Config(), takenIds: [])
        let parsed = parseEntry(made.line + "\n", stem: "2026-11-30-log")
        #expect(parsed.commitments.map(\.id) == ["send-ana-the-deck-by"])
        #expect(parsed.commitments.first?.due == day("2026-12-07"))
    }

    @Test func followUpLinesUseFieldsAndReadBackAsIntended() {
        let all = entries([("2026-11-20", "## Commitments\n- [ ] Send @ana the [pricing] deck ^deck\n")])
        guard let commitment = all.first?.commitments.first else {
            Issue.record("no commitment")
            return
        }
        let done = LogLine.followUp(
            .done, to: commitment, in: "entries/2026/12/2026-12-02-log.md", on: day("2026-12-01"),
            note: "waiting since Monday, then sent")
        #expect(
            done
                == "- [x] Send @ana the \\[pricing\\] deck [2026-11-20](../../2026-11-20.md#deck) ✅ 2026-12-01 — waiting since Monday, then sent"
        )
        let followUp = parseEntry(done + "\n", stem: "2026-12-02-log").followUps.first
        #expect(followUp?.doneOn == day("2026-12-01"))
        #expect(followUp?.target == commitment.reference)
        let moved = LogLine.followUp(
            .carried, to: commitment, in: "entries/2026/12/2026-12-02-log.md", on: day("2026-12-20"), note: nil)
        #expect(parseEntry(moved + "\n", stem: "2026-12-02-log").followUps.first?.due == day("2026-12-20"))
    }
}
