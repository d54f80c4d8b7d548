import Testing

@testable import JournalKit

/// Entries parsed from inline markdown, keyed by stem; the file name's date is the entry's date.
func entries(_ files: [(stem: String, text: String)], config: Config = Config()) -> [Entry] {
    files.compactMap { file in
        let result = parseEntry(file.text, stem: file.stem, path: "entries/\(file.stem).md", config: config)
        if result.entry == nil { Issue.record("\(file.stem) did not parse") }
        return result.entry
    }
}

@Suite struct LedgerTests {
    /// Monday 2026-11-02: the entry every commitment below is made in.
    static let mirror = "2026-11-02-weekly-mirror"

    /// Judges every commitment of `files` as of `asOf`, keyed by id.
    func judge(
        _ files: [(stem: String, text: String)], asOf: String, staleAfterDays: Int = 14
    ) -> [String: CommitmentStatus] {
        let statuses = Ledger(entries: entries(files)).statuses(asOf: day(asOf), staleAfterDays: staleAfterDays)
        return Dictionary(statuses.map { ($0.commitment.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// One commitment made on 2026-11-02, with follow-ups in later entries (stem, then item).
    func one(
        _ item: String, followUps: [(stem: String, text: String)] = [], asOf: String = "2026-11-27",
        staleAfterDays: Int = 14
    ) -> CommitmentStatus? {
        let statuses = judge(
            [(Self.mirror, "## Commitments\n\n\(item)\n")] + followUps, asOf: asOf, staleAfterDays: staleAfterDays)
        #expect(statuses.count == 1)
        return statuses.values.first
    }

    func link(_ id: String) -> String { "[[\(Self.mirror)#\(id)]]" }

    // MARK: Kept

    @Test func keptOnTimeByAFollowUp() {
        let status = one(
            "- [ ] Send @ana the pricing deck due:2026-11-06 ^deck",
            followUps: [("2026-11-05", "- [x] \(link("deck")) sent it with the discount table\n")])
        #expect(status?.status == .kept)
        #expect(status?.onTime == true)
        #expect(status?.doneOn == day("2026-11-05"))
        #expect(status?.followUps.map(\.note) == ["sent it with the discount table"])
    }

    @Test func withoutTheFollowUpItIsMissed() {
        let status = one("- [ ] Send @ana the pricing deck due:2026-11-06 ^deck")
        #expect(status?.status == .missed)
        #expect(status?.onTime == nil)
        #expect(status?.doneOn == nil)
        #expect(status?.daysLate(asOf: day("2026-11-27")) == 21)
    }

    @Test func keptAfterTheDueDateIsLate() {
        let status = one(
            "- [ ] Send @ana the pricing deck due:2026-11-06 ^deck",
            followUps: [("2026-11-09", "- [x] \(link("deck")) sent on Monday\n")])
        #expect(status?.status == .kept)
        #expect(status?.onTime == false)
        #expect(status?.doneOn == day("2026-11-09"))
    }

    @Test func keptOnTheDueDayItselfIsOnTime() {
        let status = one(
            "- [ ] Send @ana the pricing deck due:2026-11-06 ^deck",
            followUps: [("2026-11-06", "- [x] \(link("deck"))\n")])
        #expect(status?.onTime == true)
        #expect(status?.doneOn == day("2026-11-06"))
    }

    @Test func aBackdatedDoneDateOnTheFollowUpWins() {
        let status = one(
            "- [ ] Recognise @maria's renewal win at the all-hands by Friday",
            followUps: [
                ("2026-11-09", "- [x] \(link("recognise-maria-s-renewal-win")) standing ovation ✅ 2026-11-06\n")
            ])
        #expect(status?.due == day("2026-11-06"))
        #expect(status?.doneOn == day("2026-11-06"))
        #expect(status?.onTime == true)
    }

    @Test func keptUndatedWhenTickedInPlaceWithoutADate() {
        let status = one("- [x] Fix the forecast sheet")
        #expect(status?.status == .kept)
        #expect(status?.onTime == nil)
        #expect(status?.doneOn == nil)
        var counts = Counts()
        if let status { counts.add(status) }
        #expect((counts.kept, counts.keptOnTime, counts.keptLate) == (1, 0, 0))
        #expect(counts.followThroughRate == 1)
        // Kept with no known date is outside the on-time rate: nothing is left to divide by.
        #expect(counts.onTimeRate == nil)
    }

    @Test func untickedInPlaceIsNotKept() {
        let status = one("- [ ] Fix the forecast sheet", asOf: "2026-11-05")
        #expect(status?.status == .open)
        #expect(status?.onTime == nil)
    }

    @Test func inPlaceDoneDate() {
        let status = one("- [x] Share the QBR notes with @li ✅ 2026-11-03")
        #expect(status?.status == .kept)
        #expect(status?.doneOn == day("2026-11-03"))
        #expect(status?.onTime == true)
        #expect(one("- [x] Share the QBR notes with @li done:2026-11-03")?.doneOn == day("2026-11-03"))
    }

    @Test func inPlaceDoneDateAfterTheDueDateIsLate() {
        let status = one("- [x] Share the QBR notes with @li due:2026-11-04 ✅ 2026-11-05")
        #expect(status?.status == .kept)
        #expect(status?.onTime == false)
    }

    @Test func doneDateOnAnOpenBoxCountsForNothing() {
        let status = one("- [ ] Share the QBR notes with @li ✅ 2026-11-03", asOf: "2026-11-05")
        #expect(status?.status == .open)
        #expect(status?.doneOn == nil)
    }

    @Test func severalTicksGiveTheEarliestDoneDate() {
        let status = one(
            "- [ ] Spend one hour every Friday listening to calls ^listen",
            followUps: [
                ("2026-11-06", "- [x] \(link("listen")) Ana's discovery call\n"),
                ("2026-11-13", "- [x] \(link("listen")) Tom's Brightline call\n"),
                ("2026-11-20", "- [x] \(link("listen")) Li's renewal call\n"),
            ])
        #expect(status?.status == .kept)
        #expect(status?.doneOn == day("2026-11-06"))
        #expect(status?.followUps.count == 3)
    }

    @Test func aLaterTickWithAnEarlierDoneDateIsTheEarliest() {
        let status = one(
            "- [ ] Spend one hour every Friday listening to calls due:2026-11-06 ^listen",
            followUps: [
                ("2026-11-10", "- [x] \(link("listen")) late\n"),
                ("2026-11-20", "- [x] \(link("listen")) I forgot to write it down ✅ 2026-11-05\n"),
            ])
        #expect(status?.doneOn == day("2026-11-05"))
        #expect(status?.onTime == true)
        #expect(
            one("- [x] Listen ✅ 2026-11-09 ^listen", followUps: [("2026-11-04", "- [x] \(link("listen"))\n")])?
                .doneOn == day("2026-11-04"))
    }

    // MARK: Released

    @Test func releasedByAFollowUp() {
        let status = one(
            "- [ ] Rewrite the weekly report template due:2026-11-20 ^report",
            followUps: [("2026-11-05", "- [-] \(link("report")) nobody reads it; dropping it\n")])
        #expect(status?.status == .released)
        #expect(status?.onTime == nil)
    }

    @Test func releasedInPlace() {
        #expect(one("- [-] Rewrite the weekly report template")?.status == .released)
        #expect(one("- [ ] Call the customer due:2026-11-05 ❌ 2026-11-04")?.status == .released)
        #expect(one("- [/] Call the customer ❌ 2026-11-04")?.status == .released)
    }

    @Test func aCrossOnAFollowUpMeansNothing() {
        let status = one(
            "- [ ] Call the customer due:2026-11-05 ^call",
            followUps: [("2026-11-04", "- [ ] \(link("call")) not needed ❌ 2026-11-04\n")])
        #expect(status?.status == .missed)
    }

    @Test func releasedAfterAMiss() {
        let item = "- [ ] Get ops to cut the territory report due:2026-11-06 ^ops"
        let followUps = [("2026-11-20", "- [-] \(link("ops")) ops said no; I let it go\n")]
        #expect(one(item, followUps: followUps, asOf: "2026-11-19")?.status == .missed)
        #expect(one(item, followUps: followUps, asOf: "2026-11-20")?.status == .released)
    }

    @Test func onlyTheLatestMarkReleases() {
        let item = "- [ ] Get ops to cut the territory report due:2026-12-20 ^ops"
        let released = one(item, followUps: [("2026-11-05", "- [-] \(link("ops"))\n")])
        let revived = one(
            item,
            followUps: [
                ("2026-11-05", "- [-] \(link("ops"))\n"), ("2026-11-10", "- [/] \(link("ops")) back on after all\n"),
            ])
        #expect(released?.status == .released)
        #expect(revived?.status == .open)
    }

    @Test func laterMarksInTheSameEntryComeLater() {
        let item = "- [ ] Get ops to cut the territory report due:2026-12-20 ^ops"
        let releasedLast = one(item, followUps: [("2026-11-05", "- [/] \(link("ops"))\n- [-] \(link("ops"))\n")])
        let releasedFirst = one(item, followUps: [("2026-11-05", "- [-] \(link("ops"))\n- [/] \(link("ops"))\n")])
        #expect(releasedLast?.status == .released)
        #expect(releasedFirst?.status == .open)
    }

    @Test func keptWinsOverReleased() {
        let status = one(
            "- [ ] Call the customer ^call",
            followUps: [
                ("2026-11-04", "- [x] \(link("call"))\n"), ("2026-11-05", "- [-] \(link("call")) ticked by mistake\n"),
            ])
        #expect(status?.status == .kept)
        #expect(one("- [x] Call the customer ❌ 2026-11-04")?.status == .kept)
    }

    // MARK: The as-of date

    @Test func aFollowUpAfterTheAsOfDateIsIgnored() {
        let item = "- [ ] Hire plan for Q1 due:2026-11-10 ^hire-plan"
        let followUps = [("2026-11-30", "- [x] \(link("hire-plan")) sent to HR\n")]
        let before = one(item, followUps: followUps, asOf: "2026-11-27")
        #expect(before?.status == .missed)
        #expect(before?.followUps.isEmpty == true)
        let after = one(item, followUps: followUps, asOf: "2026-11-30")
        #expect(after?.status == .kept)
        #expect(after?.onTime == false)
        #expect(after?.followUps.count == 1)
    }

    @Test func aFollowUpBeforeTheCommitmentIsIgnored() {
        let item = "- [ ] Call the customer due:2026-11-05 ^call"
        let files = [(Self.mirror, "## Commitments\n\n\(item)\n"), ("2026-11-01", "- [x] \(link("call"))\n")]
        let ledger = Ledger(entries: entries(files))
        let status = ledger.statuses(asOf: day("2026-11-27"), staleAfterDays: 14).first
        #expect(status?.status == .missed)
        #expect(status?.followUps.isEmpty == true)
        #expect(ledger.followUpProblems().map(\.message).first?.contains("before the commitment") == true)
        #expect(one(item, followUps: [("2026-11-03", "- [x] \(link("call"))\n")])?.status == .kept)
    }

    @Test func aFollowUpTheSameDayInAnotherEntryCounts() {
        let item = "- [ ] Call the customer due:2026-11-05 ^call"
        let status = one(item, followUps: [("2026-11-02-log", "- [x] \(link("call"))\n")])
        #expect(status?.status == .kept)
        #expect(status?.onTime == true)
    }

    @Test func aFollowUpBelowTheCommitmentInTheSameEntryCounts() {
        let below = "## Commitments\n\n- [ ] Call the customer due:2026-11-05 ^call\n\n- [x] \(link("call"))\n"
        #expect(judge([(Self.mirror, below)], asOf: "2026-11-27")["call"]?.status == .kept)
        let above = "- [x] \(link("call"))\n\n## Commitments\n\n- [ ] Call the customer due:2026-11-05 ^call\n"
        let ledger = Ledger(entries: entries([(Self.mirror, above)]))
        #expect(ledger.statuses(asOf: day("2026-11-27"), staleAfterDays: 14).first?.status == .missed)
        #expect(
            ledger.followUpProblems().map(\.message) == [
                "follow-up to \(Self.mirror)#call is above the commitment in the same entry; write it below"
            ])
    }

    @Test func commitmentsMadeAfterTheAsOfDateAreLeftOut() {
        let files = [
            (Self.mirror, "- [ ] Call Ana #commit\n"), ("2026-11-10", "- [ ] Call Tom #commit\n"),
        ]
        #expect(judge(files, asOf: "2026-11-09").keys.sorted() == ["call-ana-commit"])
        #expect(judge(files, asOf: "2026-11-10").keys.sorted() == ["call-ana-commit", "call-tom-commit"])
    }

    @Test func dueOnTheAsOfDateIsOpen() {
        let status = one("- [ ] Quarterly forecast to finance due:2026-11-27", asOf: "2026-11-27")
        #expect(status?.status == .open)
        #expect(status?.isOverdue == false)
    }

    @Test func dueTheDayBeforeTheAsOfDateIsMissed() {
        let status = one("- [ ] Quarterly forecast to finance due:2026-11-26", asOf: "2026-11-27")
        #expect(status?.status == .missed)
        #expect(status?.isOverdue == true)
        #expect(status?.daysLate(asOf: day("2026-11-27")) == 1)
    }

    // MARK: Stale

    @Test func staleBoundaryDay() {
        let item = "- [ ] Send @tom the territory map"
        #expect(one(item, asOf: "2026-11-16")?.status == .open)  // exactly 14 days
        let stale = one(item, asOf: "2026-11-17")  // 15 days
        #expect(stale?.status == .stale)
        #expect(stale?.isOverdue == true)
        #expect(stale?.lastTouch == day("2026-11-02"))
    }

    @Test func staleAfterDaysIsTheJournalsSetting() {
        let item = "- [ ] Send @tom the territory map"
        #expect(one(item, asOf: "2026-11-05", staleAfterDays: 3)?.status == .open)
        #expect(one(item, asOf: "2026-11-06", staleAfterDays: 3)?.status == .stale)
    }

    @Test func anyFollowUpIsATouch() {
        let item = "- [ ] Send @tom the territory map ^map"
        let touched = [("2026-11-10", "- [/] \(link("map")) half drawn\n")]
        #expect(one(item, followUps: touched, asOf: "2026-11-24")?.status == .open)
        let stale = one(item, followUps: touched, asOf: "2026-11-25")
        #expect(stale?.status == .stale)
        #expect(stale?.lastTouch == day("2026-11-10"))
        let acknowledged = [("2026-11-10", "- [ ] \(link("map")) still on my list\n")]
        #expect(one(item, followUps: acknowledged, asOf: "2026-11-24")?.status == .open)
        // A plain bullet with the link is a note, not a follow-up, so it is no touch.
        let note = [("2026-11-10", "- see \(link("map"))\n")]
        #expect(one(item, followUps: note, asOf: "2026-11-24")?.status == .stale)
    }

    @Test func aCommitmentWithADueDateIsNeverStale() {
        let status = one("- [ ] Send @tom the territory map due:2026-12-31", asOf: "2026-12-20")
        #expect(status?.status == .open)
    }

    // MARK: Due dates and renegotiation

    @Test func renegotiatedBeforeTheDueDateIsInTime() {
        let status = one(
            "- [ ] Pipeline review with @li due:2026-11-10 ^pipeline",
            followUps: [
                ("2026-11-05", "- [>] \(link("pipeline")) Li asked for another week, so by Nov 17\n"),
                ("2026-11-16", "- [x] \(link("pipeline")) done, notes in the CRM\n"),
            ])
        #expect(status?.status == .kept)
        #expect(status?.originalDue == day("2026-11-10"))
        #expect(status?.due == day("2026-11-17"))
        #expect(status?.dueChanges == 1)
        #expect(status?.lateRenegotiations == 0)
        #expect(status?.onTime == true)
    }

    @Test func renegotiatedOnTheDueDayIsStillInTime() {
        let status = one(
            "- [ ] Pipeline review with @li due:2026-11-10 ^pipeline",
            followUps: [("2026-11-10", "- [>] \(link("pipeline")) due:2026-11-17\n")], asOf: "2026-11-12")
        #expect(status?.lateRenegotiations == 0)
        #expect(status?.status == .open)
    }

    @Test func renegotiatedAfterTheDueDateIsLate() {
        let status = one(
            "- [ ] Ride along with @tom due:2026-11-06 ^ride-along",
            followUps: [
                ("2026-11-09", "- [>] \(link("ride-along")) Tom was ill; was due by Nov 6, now by Nov 20\n"),
                ("2026-11-18", "- [x] \(link("ride-along")) rode along on the Brightline call\n"),
            ])
        #expect(status?.status == .kept)
        #expect(status?.due == day("2026-11-20"))
        #expect(status?.dueChanges == 1)
        #expect(status?.lateRenegotiations == 1)
        #expect(status?.doneOn == day("2026-11-18"))
        #expect(status?.onTime == false)
        var counts = Counts()
        if let status { counts.add(status) }
        #expect((counts.kept, counts.keptOnTime, counts.keptLate) == (1, 0, 1))
    }

    @Test func aLateMoveToAFutureDateKeepsItOpen() {
        let status = one(
            "- [ ] Ride along with @tom due:2026-11-06 ^ride-along",
            followUps: [("2026-11-09", "- [>] \(link("ride-along")) due:2026-12-01\n")])
        #expect(status?.status == .open)
        #expect(status?.lateRenegotiations == 1)
    }

    @Test func dueChangesCountEveryMove() {
        let item = "- [ ] Clear my twelve stale opportunities by end of month ^clear"
        let status = one(
            item,
            followUps: [
                ("2026-11-20", "- [>] \(link("clear")) due:2026-12-04\n"),
                ("2026-11-25", "- [>] \(link("clear")) same again 📅 2026-12-04\n"),
                ("2026-11-26", "- [>] \(link("clear")) no new date given\n"),
                ("2026-12-07", "- [>] \(link("clear")) slipped again, now by Dec 18\n"),
            ], asOf: "2026-12-10")
        #expect(status?.originalDue == day("2026-11-30"))
        #expect(status?.due == day("2026-12-18"))
        #expect(status?.dueChanges == 2)
        #expect(status?.lateRenegotiations == 1)
        #expect(status?.status == .open)
    }

    @Test func aMoveGivesADueDateToAnUndatedCommitment() {
        let status = one(
            "- [ ] Send @tom the territory map ^map",
            followUps: [("2026-11-20", "- [>] \(link("map")) by Nov 24\n")], asOf: "2026-11-27")
        #expect(status?.originalDue == nil)
        #expect(status?.due == day("2026-11-24"))
        #expect(status?.dueChanges == 1)
        #expect(status?.lateRenegotiations == 0)
        #expect(status?.status == .missed)
    }

    // MARK: Rates

    @Test func zeroDenominatorsGiveNoRates() {
        #expect(Counts().followThroughRate == nil)
        #expect(Counts().onTimeRate == nil)
        var counts = Counts()
        for status in judge(
            [(Self.mirror, "## Commitments\n\n- [ ] Call Ana due:2026-12-01\n- [-] Call Tom\n")], asOf: "2026-11-27"
        ).values {
            counts.add(status)
        }
        #expect((counts.made, counts.open, counts.released, counts.decided) == (2, 1, 1, 0))
        #expect(counts.followThroughRate == nil)
        #expect(counts.onTimeRate == nil)
    }

    @Test func ratesLeaveOutReleasedAndOpen() {
        var counts = Counts()
        let text = """
            ## Commitments

            - [x] Kept on time ✅ 2026-11-02
            - [x] Kept undated
            - [ ] Missed due:2026-11-03
            - [ ] Stale, never touched
            - [-] Released
            - [ ] Open due:2026-12-01
            """
        for status in judge([(Self.mirror, text)], asOf: "2026-11-27").values { counts.add(status) }
        #expect(counts.made == 6)
        #expect(counts.decided == 4)
        #expect(counts.followThroughRate == 0.5)
        // On time: 1 of (1 on time + 0 late + 1 missed + 1 stale); kept undated is outside it.
        #expect(counts.onTimeRate == 1.0 / 3.0)
    }

    // MARK: The worked example in docs/FORMAT.md

    @Test func formatWorkedExample() {
        let made = """
            ## Commitments
            - [ ] Recognise @maria's renewal win at the all-hands by Friday #recognition
            - [ ] Book @ana onto the negotiation course 📅 2026-11-13 ^book-ana
            - [ ] Send @tom the territory map
            - [x] Fix the forecast sheet
            - [x] Share the QBR notes with @li ✅ 2026-11-03
            - [-] Rewrite the weekly report template
            - [ ] Hire plan for Q1 due:2026-11-10 ^hire-plan
            - [ ] Ride along with @tom due:2026-11-06 ^ride-along
            - [ ] Pipeline review with @li due:2026-11-10 ^pipeline
            - [ ] Quarterly forecast to finance due:2026-11-27 ^forecast
            """
        let files = [
            (Self.mirror, made),
            ("2026-11-05", "- [>] \(link("pipeline")) Li asked for another week, so by Nov 17\n"),
            (
                "2026-11-09",
                """
                - [x] [Recognised Maria](../10/2026-11-02-weekly-mirror.md#recognise-maria-s-renewal-win) (standing ovation)
                - [>] [[2026-11-02-weekly-mirror#^book-ana]] Course full; booked on the next one due:2026-12-04
                - [>] [[2026-11-02-weekly-mirror#ride-along]] Tom was ill; the ride-along was due by Nov 6, now by Nov 20
                """
            ),
            ("2026-11-16", "- [x] \(link("pipeline")) done, notes in the CRM\n"),
            ("2026-11-18", "- [x] \(link("ride-along")) rode along on the Brightline call\n"),
            ("2026-11-30", "- [x] \(link("hire-plan")) sent to HR\n"),
        ]
        let s = judge(files, asOf: "2026-11-27")
        func row(_ id: String) -> String {
            guard let c = s[id] else { return "missing" }
            let onTime = c.onTime.map { $0 ? "on time" : "late" } ?? "-"
            return "\(c.status.rawValue) \(onTime) due \(c.due?.description ?? "-") (\(c.dueChanges))"
        }
        #expect(row("recognise-maria-s-renewal-win") == "kept late due 2026-11-06 (0)")
        #expect(row("book-ana") == "open - due 2026-12-04 (1)")
        #expect(row("send-tom-the-territory-map") == "stale - due - (0)")
        #expect(row("fix-the-forecast-sheet") == "kept - due - (0)")
        #expect(row("share-the-qbr-notes-with") == "kept on time due - (0)")
        #expect(row("rewrite-the-weekly-report-template") == "released - due - (0)")
        #expect(row("hire-plan") == "missed - due 2026-11-10 (0)")
        #expect(row("ride-along") == "kept late due 2026-11-20 (1)")
        #expect(row("pipeline") == "kept on time due 2026-11-17 (1)")
        #expect(row("forecast") == "open - due 2026-11-27 (0)")
        #expect(s["ride-along"]?.lateRenegotiations == 1)
        #expect(s["book-ana"]?.lateRenegotiations == 0)

        var counts = Counts()
        for status in s.values { counts.add(status) }
        #expect([counts.kept, counts.keptOnTime, counts.keptLate, counts.missed, counts.stale] == [5, 2, 2, 1, 1])
        #expect([counts.released, counts.open] == [1, 2])
        #expect(counts.followThroughRate == 5.0 / 7.0)
        #expect(counts.onTimeRate == 2.0 / 6.0)
        #expect(judge(files, asOf: "2026-11-30")["hire-plan"]?.onTime == false)
    }

    // MARK: Order and lookup

    @Test func commitmentsAreInMadeDateThenPathThenLineOrder() {
        let files = [
            ("2026-11-09", "- [ ] Second day, first #commit\n- [ ] Second day, second #commit\n"),
            ("2026-11-03-b", "- [ ] B #commit\n"), ("2026-11-03-a", "- [ ] A #commit\n"),
        ]
        let ledger = Ledger(entries: entries(files))
        #expect(
            ledger.commitments.map(\.id) == [
                "a-commit", "b-commit", "second-day-first-commit", "second-day-second-commit",
            ])
        let reference = Reference(stem: "2026-11-03-b", id: "b-commit")
        #expect(ledger.commitment(reference)?.text == "B #commit")
        #expect(ledger.commitment(Reference(stem: "2026-11-03-b", id: "nope")) == nil)
    }

    @Test func followUpsToUnknownCommitmentsAreReported() {
        let files = [
            (Self.mirror, "- [ ] Hire plan #commit ^hire-plan\n"), ("2026-11-09", "- [x] \(link("hire-plann"))\n"),
        ]
        let messages = Ledger(entries: entries(files)).followUpProblems().map(\.message)
        #expect(
            messages == [
                "follow-up to unknown commitment 2026-11-02-weekly-mirror#hire-plann; did you mean 2026-11-02-weekly-mirror#hire-plan?"
            ])
        let fine = [
            (Self.mirror, "- [ ] Hire plan #commit ^hire-plan\n"), ("2026-11-09", "- [x] \(link("hire-plan"))\n"),
        ]
        #expect(Ledger(entries: entries(fine)).followUpProblems().isEmpty)
    }
}
