import Testing

@testable import JournalKit

/// The ledger rules that keep the figures honest under ordinary habits (docs/FORMAT.md,
/// Statuses and Follow-ups). Every rule has its negative twin next to it.
@Suite struct HonestFiguresTests {
    /// Monday 2026-11-02.
    static let mirror = "2026-11-02-weekly-mirror"

    func link(_ id: String) -> String { "[[\(Self.mirror)#\(id)]]" }

    /// The one commitment of the mirror entry, judged with the given later entries.
    func judged(
        _ item: String, _ followUps: [(stem: String, text: String)] = [], asOf: String = "2026-11-27",
        staleAfterDays: Int = 14
    ) -> CommitmentStatus? {
        let all = entries([(Self.mirror, "## Commitments\n\n\(item)\n")] + followUps)
        let statuses = Ledger(entries: all).statuses(asOf: day(asOf), staleAfterDays: staleAfterDays)
        #expect(statuses.count == 1)
        return statuses.first
    }

    func problems(_ stem: String, _ text: String) -> [String] {
        parseEntry(text, stem: stem).problems
    }

    // MARK: §1 A prefilled line left alone records nothing

    /// The line `journal new` pastes in, untouched.
    func prefilled(_ id: String, box: String = " ") -> String {
        "- [\(box)] Send @tom the territory map (no due date) [2026-11-02](\(Self.mirror).md#\(id))\n"
    }

    @Test func prefilledLineLeftAloneDoesNotTouch() {
        let status = judged("- [ ] Send @tom the territory map ^map", [("2026-11-20", prefilled("map"))])
        #expect(status?.status == .stale)
        #expect(status?.lastTouch == day("2026-11-02"))
        #expect(status?.followUps.isEmpty == true)
    }

    @Test func prefilledLineWithANoteTouches() {
        let line = prefilled("map").dropLast() + " asked Li for the new boundaries\n"
        let status = judged("- [ ] Send @tom the territory map ^map", [("2026-11-20", String(line))])
        #expect(status?.status == .open)
        #expect(status?.lastTouch == day("2026-11-20"))
        #expect(status?.followUps.map(\.note) == ["asked Li for the new boundaries"])
    }

    @Test func textBeforeTheLinkNeverMakesATouch() {
        let line = "- [ ] Still on it, honestly [[\(Self.mirror)#map]]\n"
        #expect(judged("- [ ] Send @tom the territory map ^map", [("2026-11-20", line)])?.status == .stale)
    }

    @Test func aSubItemIsANoteAndTouches() {
        let text = prefilled("map") + "  - Tom has the draft\n"
        let status = judged("- [ ] Send @tom the territory map ^map", [("2026-11-20", text)])
        #expect(status?.status == .open)
        #expect(status?.followUps.map(\.note) == ["Tom has the draft"])
    }

    @Test func inProgressTouchesEvenWithoutANote() {
        let status = judged("- [ ] Send @tom the territory map ^map", [("2026-11-20", prefilled("map", box: "/"))])
        #expect(status?.status == .open)
        #expect(status?.followUps.count == 1)
    }

    @Test func aTouchAfterAReleaseReopens() {
        let files = [
            ("2026-11-10", "- [-] \(link("map")) not needed after all\n"),
            ("2026-11-20", "- [/] \(link("map")) Tom asked for it again\n"),
        ]
        #expect(judged("- [ ] Send @tom the territory map ^map", files)?.status == .open)
        #expect(judged("- [ ] Send @tom the territory map ^map", Array(files.prefix(1)))?.status == .released)
    }

    @Test func aDateOnAnOpenFollowUpWarns() {
        #expect(
            problems("2026-11-20", "- [ ] \(link("map")) now due:2026-12-04\n") == [
                "1:3: warning: a new date on a [ ] follow-up changes nothing; use [>]"
            ])
        #expect(problems("2026-11-20", "- [ ] Map due:2026-12-04 \(link("map"))\n").isEmpty)
    }

    @Test func ledgerSaysWhichLinesRecord() {
        let all = entries([
            (Self.mirror, "- [ ] Send @tom the territory map #commit ^map\n"),
            ("2026-11-20", prefilled("map") + prefilled("map", box: "x")),
        ])
        let ledger = Ledger(entries: all)
        #expect(all[1].followUps.map(ledger.records) == [false, true])
    }

    // MARK: §2 A follow-up's note is what the user wrote

    func note(_ parts: FollowUp.NoteParts, _ box: Box = .done, commitment: String = "Call @ana by Friday") -> String {
        FollowUpNote.note(parts, box: box, commitmentText: commitment)
    }

    @Test func noteIsTheTextAfterTheLinkWithoutLeadingSeparators() {
        #expect(note(.init(afterLink: " — she signed the renewal")) == "she signed the renewal")
        #expect(note(.init(afterLink: ": ; -- done")) == "done")
        #expect(note(.init(afterLink: " — ")) == "")
    }

    @Test func decidedLineWithNothingAfterFallsBackOnTextBeforeWithoutTheQuote() {
        let quoted = FollowUp.NoteParts(beforeLink: "Call @ana by Friday (due Fri 6 Nov, 3 days overdue)")
        #expect(note(quoted) == "")
        let written = FollowUp.NoteParts(beforeLink: "Called her Thursday (finally)")
        #expect(note(written) == "Called her Thursday")
        // An open line has no fallback: text before the link is never a note there.
        #expect(note(written, .open) == "")
    }

    @Test func meaningfulLabelsAreNotes() {
        #expect(
            note(.init(label: "Recognised Maria", afterLink: " — at the all-hands"))
                == "Recognised Maria — at the all-hands")
        #expect(
            note(.init(label: "Recognised Maria", afterLink: "(standing ovation)"))
                == "Recognised Maria (standing ovation)")
        #expect(note(.init(label: "Call @ana by Friday", afterLink: "done")) == "done")
    }

    @Test func subItemsJoinTheNote() {
        #expect(note(.init(afterLink: "done", subItems: ["sent the deck", "—"])) == "done; sent the deck")
        #expect(note(.init(subItems: ["sent the deck"]), .open) == "sent the deck")
    }

    @Test func subItemsThatAreTasksAreNotNotes() {
        let text = "- [x] \(link("map")) done\n  - Tom has it\n  - [ ] Book the room #commit\n"
        let result = parseEntry(text, stem: "2026-11-20")
        #expect(result.followUps.first?.parts.subItems == ["Tom has it"])
        #expect(result.commitments.map(\.text) == ["Book the room #commit"])
    }

    @Test func siblingsAreNotSubItems() {
        let text = "- [x] \(link("map")) done\n- Tom has it\n"
        #expect(parseEntry(text, stem: "2026-11-20").followUps.first?.parts.subItems == [])
    }

    // MARK: §3 Releasing after the deadline is not a free pass

    let deck = "- [ ] Send @ana the pricing deck due:2026-11-21 ^deck"

    @Test func releaseAfterTheDueDateIsLateAndCountsAgainst() {
        let status = judged(deck, [("2026-11-28", "- [-] \(link("deck")) she bought without it\n")], asOf: "2026-11-30")
        #expect(status?.status == .released)
        #expect(status?.releasedLate == true)
        #expect(status?.releasedOn == day("2026-11-28"))
        #expect(status?.outcome == .releasedLate)
        var counts = Counts()
        if let status { counts.add(status) }
        #expect(counts.followThroughRate == 0)
        #expect(counts.onTimeRate == 0)
    }

    @Test func releaseBeforeTheDueDateIsInTimeAndOutsideTheRates() {
        let status = judged(deck, [("2026-11-20", "- [-] \(link("deck")) she bought without it\n")], asOf: "2026-11-30")
        #expect(status?.releasedLate == false)
        #expect(status?.outcome == .released)
        var counts = Counts()
        if let status { counts.add(status) }
        #expect(counts.followThroughRate == nil)
    }

    @Test func releaseDatedByItsFieldNotItsEntry() {
        let line = "- [-] \(link("deck")) she bought without it ❌ 2026-11-20\n"
        let status = judged(deck, [("2026-11-28", line)], asOf: "2026-11-30")
        #expect(status?.releasedOn == day("2026-11-20"))
        #expect(status?.releasedLate == false)
    }

    @Test func releaseAfterALateRenegotiationIsLate() {
        let files = [
            ("2026-11-23", "- [>] \(link("deck")) moved due:2026-12-04\n"),
            ("2026-11-25", "- [-] \(link("deck")) dropped\n"),
        ]
        #expect(judged(deck, files, asOf: "2026-11-30")?.releasedLate == true)
        let inTime = [("2026-11-20", "- [>] \(link("deck")) moved due:2026-12-04\n"), files[1]]
        #expect(judged(deck, inTime, asOf: "2026-11-30")?.releasedLate == false)
    }

    @Test func undatedReleaseOnceStaleIsLate() {
        let map = "- [ ] Send @tom the territory map ^map"
        let late = judged(map, [("2026-11-20", "- [-] \(link("map")) not needed\n")])
        #expect(late?.releasedLate == true)
        let early = judged(map, [("2026-11-10", "- [-] \(link("map")) not needed\n")])
        #expect(early?.releasedLate == false)
    }

    @Test func inPlaceReleaseWithoutADateIsOnADayNotKnown() {
        let status = judged("- [-] Send @ana the pricing deck due:2026-11-21")
        #expect(status?.status == .released)
        #expect(status?.releasedOn == nil)
        #expect(status?.releasedUndated == true)
        var counts = Counts()
        if let status { counts.add(status) }
        #expect((counts.released, counts.releasedUndated, counts.decided) == (1, 1, 0))
        // With a date in place it is judged like any release.
        let dated = judged("- [ ] Send @ana the pricing deck due:2026-11-21 ❌ 2026-11-25")
        #expect(dated?.releasedLate == true)
        #expect(dated?.releasedUndated == false)
    }

    // MARK: §4 When was it done?

    @Test func aFieldOnTheFollowUpGivesTheDoneDate() {
        let status = judged(deck, [("2026-11-23", "- [x] \(link("deck")) sent ✅ 2026-11-20\n")])
        #expect(status?.doneOn == day("2026-11-20"))
        #expect(status?.onTime == true)
        #expect(judged(deck, [("2026-11-23", "- [x] \(link("deck")) sent\n")])?.onTime == false)
    }

    @Test func doneDateAfterTheEntryWarnsAndTheEntryDateIsUsed() {
        let line = "- [x] \(link("deck")) sent ✅ 2026-11-30\n"
        #expect(
            problems("2026-11-23", line) == [
                "1:3: warning: done date 2026-11-30 is after this entry's date (2026-11-23); the entry's date is used"
            ])
        #expect(judged(deck, [("2026-11-23", line)])?.doneOn == day("2026-11-23"))
        #expect(problems("2026-11-23", "- [x] \(link("deck")) sent ✅ 2026-11-23\n").isEmpty)
    }

    @Test func doneDateBeforeTheCommitmentWarns() {
        let all = entries([
            (Self.mirror, "- [ ] Send @ana the pricing deck due:2026-11-21 #commit ^deck\n"),
            ("2026-11-23", "- [x] \(link("deck")) sent ✅ 2026-10-30\n"),
        ])
        let ledger = Ledger(entries: all)
        #expect(
            ledger.followUpProblems().map(\.message) == [
                "done date 2026-10-30 is before \(Self.mirror)#deck was made (2026-11-02); the follow-up's date 2026-11-23 is used"
            ])
        let status = ledger.statuses(asOf: day("2026-11-27"), staleAfterDays: 14).first
        #expect(status?.doneOn == day("2026-11-23"))
    }

    // MARK: §5 A carried-forward line says its new date

    @Test func carriedForwardWithoutADateWarns() {
        #expect(
            problems("2026-11-20", "- [>] \(link("deck")) Ana is away\n") == [
                "1:3: warning: carried forward without a new date; add one, like 'by Dec 20'"
            ])
        #expect(problems("2026-11-20", "- [>] \(link("deck")) Ana is away due:2026-12-04\n").isEmpty)
    }

    @Test func aFieldAfterTheLinkWinsOverOneBefore() {
        let line = "- [>] due:2026-11-25 \(link("deck")) due:2026-12-04\n"
        #expect(parseEntry(line, stem: "2026-11-20").followUps.first?.due == day("2026-12-04"))
        let before = "- [>] due:2026-11-25 \(link("deck")) Ana is away\n"
        #expect(parseEntry(before, stem: "2026-11-20").followUps.first?.due == day("2026-11-25"))
    }

    @Test func aNewDueDateInThePastWarns() {
        #expect(
            problems("2026-11-20", "- [>] \(link("deck")) due:2026-11-19\n") == [
                "1:3: warning: the new due date 2026-11-19 is before this follow-up (2026-11-20)"
            ])
    }

    // MARK: §6 The review as of a past date

    @Test func inPlaceTickDatedAfterTIsNotKeptYet() {
        let item = "- [x] Send @ana the pricing deck due:2026-11-21 ✅ 2026-11-20"
        #expect(judged(item, asOf: "2026-11-15")?.status == .open)
        #expect(judged(item, asOf: "2026-11-20")?.status == .kept)
        // With no date it counts at every T.
        #expect(judged("- [x] Send @ana the pricing deck due:2026-11-21", asOf: "2026-11-03")?.status == .kept)
    }

    @Test func inPlaceReleaseDatedAfterTIsNotReleasedYet() {
        let item = "- [ ] Send @ana the pricing deck due:2026-11-21 ❌ 2026-11-25"
        #expect(judged(item, asOf: "2026-11-15")?.status == .open)
        #expect(judged(item, asOf: "2026-11-24")?.status == .missed)
        #expect(judged(item, asOf: "2026-11-25")?.status == .released)
        #expect(judged("- [-] Send @ana the pricing deck due:2026-11-21", asOf: "2026-11-03")?.status == .released)
    }

    // MARK: §8 Who a commitment is for, in a 1:1

    func oneOnOne(_ people: String, _ body: String) -> EntryParser.Result {
        parseEntry("---\ntemplate: one-on-one\n\(people)\n---\n\(body)", stem: "2026-11-19-one-on-one")
    }

    @Test func aOneOnOnesPersonOwnsCommitmentsThatNameNobody() {
        let result = oneOnOne("people: [maria]", "- [ ] Send her the renewal playbook by Friday #commit\n")
        #expect(result.commitments.first?.people == ["maria"])
        #expect(result.commitments.first?.personFromEntry == true)
        #expect(
            oneOnOne("person: maria", "- [ ] Send her the playbook #commit\n").commitments.first?.people == ["maria"])
        let expectation = oneOnOne("people: [maria]", "- Log every call #expect #crm\n").expectations.first
        #expect(expectation?.people == ["maria"])
    }

    @Test func aMentionWinsAndSeveralPeopleChangeNothing() {
        let named = oneOnOne("people: [maria]", "- [ ] Introduce @li to finance #commit\n").commitments.first
        #expect(named?.people == ["li"])
        #expect(named?.personFromEntry == false)
        let several = oneOnOne("people: [maria, li]", "- [ ] Send the playbook #commit\n").commitments.first
        #expect(several?.people == [])
        #expect(oneOnOne("title: x", "- [ ] Send the playbook #commit\n").commitments.first?.people == [])
    }

    // MARK: §9 The mirror and filters say what they mean

    let mirrorJournal = [
        (
            "2026-11-02-weekly-mirror",
            """
            - Plan every first call on paper #expect #prep @ana
            - Log calls the same day #expect #crm
            - [ ] Write my own call plan for Kessler due:2026-11-05 #commit #prep
            - [ ] Walk @ana through a call plan due:2026-11-20 #commit #prep
            - [-] Log my calls the same day #commit #crm

            """
        ),
        ("2026-11-06", "- [x] [[2026-11-02-weekly-mirror#write-my-own-call-plan]] done\n"),
    ]

    func review(_ configure: (inout ReviewOptions) -> Void) -> Review {
        var options = ReviewOptions(asOf: day("2026-11-27"))
        configure(&options)
        return Review(entries: entries(mirrorJournal), options: options)
    }

    @Test func mirrorForAPersonComparesWithAllYourOwnCommitmentsOnTheTheme() {
        let forAna = review { $0.person = "ana" }
        #expect(forAna.mirror.map(\.tag) == ["prep"])
        #expect(forAna.mirror.first?.own.made == 2)
        #expect(forAna.commitments.count == 1)
        let everyone = review { _ in }
        #expect(everyone.mirror.map(\.tag) == ["crm", "prep"])
    }

    @Test func mirrorSaysWhenYourOwnCommitmentWasReleasedOrMissed() {
        let notes = review { _ in }.mirror.map(\.note)
        #expect(
            notes == [
                "You expect #crm of the team; your own #crm commitment was released.",
                "You expect #prep of the team; of your 2 own #prep commitments, 1 was missed.",
            ])
    }

    @Test func filtersAreNamedAndAnEmptyMatchSuggests() {
        #expect(review { $0.person = "ana" }.options.filterWords == ["@ana"])
        let typo = review { $0.person = "anna" }
        #expect(typo.unmatchedFilter == "No commitments mention @anna. Did you mean @ana? People: ana")
        #expect(review { $0.person = "ana" }.unmatchedFilter == nil)
        let tag = review { $0.tag = "prepp" }
        #expect(tag.unmatchedFilter == "No commitments are tagged #prepp. Did you mean #prep? Tags: crm, prep")
        let window = review { $0.since = day("2026-11-20") }
        #expect(window.unmatchedFilter == "No commitments match since 2026-11-20.")
        let title = ReportDocument(
            review: review {
                $0.person = "ana"; $0.since = day("2026-11-01")
            }
        ).title
        #expect(title == "Review as of 2026-11-27 · @ana · since 2026-11-01")
    }

    // MARK: §10 A saved review is not a source of commitments

    @Test func theMarkdownReviewHoldsNoListItems() {
        let markdown = MarkdownReport.render(ReportDocument(review: SmallJournal.review()))
        let blocks = CmarkParser.parse(Array(markdown.utf8))
        #expect(!blocks.contains { if case .listItem = $0 { return true } else { return false } })
        let saved = parseEntry(markdown, stem: "2026-11-27-review")
        #expect(saved.commitments.isEmpty && saved.followUps.isEmpty && saved.expectations.isEmpty)
    }
}
