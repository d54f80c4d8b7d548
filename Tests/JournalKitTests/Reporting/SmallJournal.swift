import Testing

@testable import JournalKit

/// A two-week journal with one commitment of most kinds, reviewed as of Friday 2026-11-27.
///
/// Worked by hand (stale-after-days 14):
/// - recognise-maria-s-renewal-win: "by Friday" from Mon 11-02 is 11-06, kept 11-09: kept late.
/// - book-ana: 📅 11-13, moved on 11-09 (in time) to 12-01: open, due in the next 7 days.
/// - send-tom-the-territory-map: undated, untouched since 11-02 (25 days): stale.
/// - share-the-qbr-notes-with: ticked in place, done 11-03: kept on time.
/// - log-my-own-calls-in: "by Friday" from Mon 11-09 is 11-13: missed, 14 days late.
/// - rewrite-the-weekly-report-template: `[-]` in place: released.
enum SmallJournal {
    static let asOf = "2026-11-27"

    static let mirror = """
        ---
        template: weekly-mirror
        ---
        # Week 45

        ## What I expect of the team

        - Everyone logs calls in the CRM the same day #expect #crm
        - Plan every first call on paper #expect #prep @ana

        ## Commitments

        - [ ] Recognise @maria's renewal win at the all-hands by Friday #recognition
        - [ ] Book @ana onto the negotiation course 📅 2026-11-13 #coaching ^book-ana
        - [ ] Send @tom the territory map #pipeline
        - [x] Share the QBR notes with @li ✅ 2026-11-03

        """

    static let monday = """
        # Monday

        - [x] [Recognised Maria](2026-11-02-weekly-mirror.md#recognise-maria-s-renewal-win) at the all-hands
        - [>] [[2026-11-02-weekly-mirror#^book-ana]] Course full; booked on the next one due:2026-12-01
        - [ ] Log my own calls in the CRM by Friday #commit #crm
        - [-] Rewrite the weekly report template #commit

        """

    static var entries: [Entry] {
        JournalKitTests.entries([("2026-11-02-weekly-mirror", mirror), ("2026-11-09", monday)])
    }

    static func review(_ configure: (inout ReviewOptions) -> Void = { _ in }) -> Review {
        var options = ReviewOptions(asOf: day(asOf))
        configure(&options)
        return Review(entries: entries, options: options)
    }
}
