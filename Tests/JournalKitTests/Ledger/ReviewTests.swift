import Testing

@testable import JournalKit

@Suite struct ReviewTests {
    func ids(_ statuses: [CommitmentStatus]) -> [String] { statuses.map(\.commitment.id) }

    func row(_ counts: Counts) -> [Int] {
        [
            counts.made, counts.kept, counts.keptOnTime, counts.keptLate, counts.released, counts.missed, counts.open,
            counts.stale,
        ]
    }

    func review(
        _ files: [(stem: String, text: String)], asOf: String, _ configure: (inout ReviewOptions) -> Void = { _ in }
    )
        -> Review
    {
        var options = ReviewOptions(asOf: day(asOf))
        configure(&options)
        return Review(entries: entries(files), options: options)
    }

    // MARK: Aggregates

    @Test func totalsAndRates() {
        let review = SmallJournal.review()
        #expect(review.entries == 2)
        #expect(row(review.totals) == [6, 2, 1, 1, 1, 1, 1, 1])
        #expect(review.totals.followThroughRate == 0.5)
        #expect(review.totals.onTimeRate == 0.25)
        #expect(review.totals.open == 1)
        #expect(review.overdueCount == 2)
        #expect(
            ids(review.commitments) == [
                "recognise-maria-s-renewal-win", "book-ana", "send-tom-the-territory-map", "share-the-qbr-notes-with",
                "log-my-own-calls-in", "rewrite-the-weekly-report-template",
            ])
    }

    @Test func entriesAfterTheAsOfDateAreNotCounted() {
        let review = SmallJournal.review { $0.asOf = day("2026-11-08") }
        #expect(review.entries == 1)
        #expect(review.totals.made == 4)
        // The kept-late tick of 11-09 is in the future: as of 11-08 the recognition is simply missed.
        #expect(review.commitments.first?.status == .missed)
    }

    @Test func emptyJournal() {
        let review = review([("2026-11-02", "Nothing promised today.\n")], asOf: "2026-11-27")
        #expect(review.entries == 1)
        #expect(review.totals == Counts())
        #expect(review.totals.followThroughRate == nil)
        #expect(review.periods.isEmpty && review.people.isEmpty && review.tags.isEmpty && review.mirror.isEmpty)
        #expect(review.lastMirrorEntry == nil)
        #expect(review.daysSinceMirror == nil)
    }

    // MARK: Filters

    @Test func sinceSelectsCommitmentsMadeOnOrAfter() {
        #expect(SmallJournal.review { $0.since = day("2026-11-02") }.totals.made == 6)
        #expect(
            ids(SmallJournal.review { $0.since = day("2026-11-09") }.commitments) == [
                "log-my-own-calls-in", "rewrite-the-weekly-report-template",
            ])
        #expect(SmallJournal.review { $0.since = day("2026-11-10") }.commitments.isEmpty)
    }

    @Test func untilSelectsCommitmentsMadeOnOrBefore() {
        #expect(SmallJournal.review { $0.until = day("2026-11-09") }.totals.made == 6)
        let review = SmallJournal.review { $0.until = day("2026-11-08") }
        #expect(review.totals.made == 4)
        // Follow-ups after --until still count: the range selects commitments, not evidence.
        #expect(review.commitments.first?.status == .kept)
        #expect(SmallJournal.review { $0.until = day("2026-11-01") }.commitments.isEmpty)
    }

    @Test func sinceAndUntilTogether() {
        let review = SmallJournal.review {
            $0.since = day("2026-11-03")
            $0.until = day("2026-11-09")
        }
        #expect(review.totals.made == 2)
        #expect(review.periods.map(\.name) == ["2026-W46", "2026-W47", "2026-W48"])
    }

    @Test func personNarrowsEverySection() {
        let review = SmallJournal.review { $0.person = "ana" }
        #expect(ids(review.commitments) == ["book-ana"])
        #expect(review.people.map(\.name) == ["ana"])
        #expect(review.tags.map(\.name) == ["coaching"])
        #expect(ids(review.dueSoon) == ["book-ana"])
        #expect(review.overdue.isEmpty)
        // Only the expectation that names @ana is held against her.
        #expect(review.mirror.map(\.tag) == ["prep"])
        #expect(SmallJournal.review { $0.person = "nobody" }.commitments.isEmpty)
        #expect(SmallJournal.review().mirror.map(\.tag) == ["crm", "prep"])
    }

    @Test func tagNarrowsEverySection() {
        let review = SmallJournal.review { $0.tag = "crm" }
        #expect(ids(review.commitments) == ["log-my-own-calls-in"])
        #expect(review.tags.map(\.name) == ["crm"])
        #expect(review.people.isEmpty)
        #expect(review.mirror.map(\.tag) == ["crm"])
        #expect(review.mirror.first?.own.missed == 1)
        #expect(ids(review.overdue) == ["log-my-own-calls-in"])
        #expect(review.renegotiated.isEmpty)
        #expect(SmallJournal.review { $0.tag = "cr" }.commitments.isEmpty)
    }

    // MARK: Periods

    @Test func weeksIncludeEmptyOnesUpToTheAsOfDate() {
        // By when each was decided (SmallJournal's notes): W45 the QBR notes kept 11-03 and the
        // open course booking made 11-02; W46 Maria's win kept 11-09, the CRM calls missed on their
        // due day 11-13, the template released in place (no day: made 11-09); W47 the territory
        // map, stale from 11-16 (last touch 11-02 + 14); W48 nothing.
        let periods = SmallJournal.review().periods
        #expect(periods.map(\.name) == ["2026-W45", "2026-W46", "2026-W47", "2026-W48"])
        #expect(periods.map(\.counts.made) == [2, 3, 1, 0])
        #expect(row(periods[0].counts) == [2, 1, 1, 0, 0, 0, 1, 0])
        #expect(row(periods[1].counts) == [3, 1, 0, 1, 1, 1, 0, 0])
        #expect(row(periods[2].counts) == [1, 0, 0, 0, 0, 0, 0, 1])
        #expect(periods[0].counts.followThroughRate == 1)
        #expect(periods[1].counts.followThroughRate == 0.5)
        #expect(periods[2].counts.followThroughRate == 0)
        #expect(periods[3].counts.followThroughRate == nil)
        #expect(periods.map(\.start) == [day("2026-11-02"), day("2026-11-09"), day("2026-11-16"), day("2026-11-23")])
        #expect(periods.map(\.end) == [day("2026-11-08"), day("2026-11-15"), day("2026-11-22"), day("2026-11-29")])
    }

    // Each outcome's decided day, against the made day it used to be grouped by.
    @Test func keptCountsWhenDoneNotWhenMade() {
        let files = [
            ("2026-10-01", "- [ ] Send Li the forecast #commit ^fc\n"),
            ("2026-11-02", "- [x] [[2026-10-01#^fc]] sent\n"),
        ]
        let review = review(files, asOf: "2026-11-03") { $0.period = .month }
        // Made in October, kept in November: the trend starts in November.
        #expect(review.periods.map(\.name) == ["2026-11"])
        #expect(review.periods.map(\.counts.kept) == [1])
        #expect(review.decidedOn(review.commitments[0]) == day("2026-11-02"))
    }

    @Test func keptInPlaceWithoutADateStaysWhereItWasMade() {
        let review = review([("2026-10-01", "- [x] Send Li the forecast #commit\n")], asOf: "2026-11-03") {
            $0.period = .month
        }
        #expect(review.periods.map(\.counts.kept) == [1, 0])
    }

    @Test func missedCountsOnItsDueDay() {
        // Made in W44, missed on Wednesday 11-04 in W45: the trend starts where it was decided.
        let review = review([("2026-10-30", "- [ ] Send Li the forecast 📅 2026-11-04 #commit\n")], asOf: "2026-11-20")
        #expect(review.periods.map(\.name) == ["2026-W45", "2026-W46", "2026-W47"])
        #expect(review.periods.map(\.counts.missed) == [1, 0, 0])
        // Still open before its due day passes: counted where it was made.
        let before = self.review(
            [("2026-10-30", "- [ ] Send Li the forecast 📅 2026-11-04 #commit\n")], asOf: "2026-11-04")
        #expect(before.periods.map(\.counts.open) == [1, 0])
    }

    @Test func staleCountsOnTheDayItWentStale() {
        let review = review([("2026-10-01", "- [ ] Send Li the forecast #commit\n")], asOf: "2026-11-20") {
            $0.period = .month
        }
        #expect(review.commitments[0].status == .stale)
        #expect(review.decidedOn(review.commitments[0]) == day("2026-10-15"))
        #expect(review.periods.map(\.counts.stale) == [1, 0])
        let late = self.review([("2026-10-25", "- [ ] Send Li the forecast #commit\n")], asOf: "2026-11-20") {
            $0.period = .month
        }
        #expect(late.decidedOn(late.commitments[0]) == day("2026-11-08"))
        #expect(late.periods.map(\.name) == ["2026-11"])
        #expect(late.periods.map(\.counts.stale) == [1])
    }

    @Test func releasedCountsOnItsReleaseDay() {
        let files = [
            ("2026-10-25", "- [ ] Send Li the forecast #commit ^fc\n"),
            ("2026-11-02", "- [-] [[2026-10-25#^fc]] not needed any more\n"),
        ]
        let review = review(files, asOf: "2026-11-03") { $0.period = .month }
        #expect(review.periods.map(\.name) == ["2026-11"])
        #expect(review.periods.map(\.counts.released) == [1])
        let inPlace = self.review([("2026-10-01", "- [-] Send Li the forecast #commit\n")], asOf: "2026-11-03") {
            $0.period = .month
        }
        #expect(inPlace.periods.map(\.counts.released) == [1, 0])
    }

    @Test func quarters() {
        // Ticked in place with no date: each stays in the quarter it was made in.
        let files = [("2026-09-30", "- [x] Plan Q4 #commit\n"), ("2026-10-01", "- [x] Plan Q1 #commit\n")]
        let calendar = review(files, asOf: "2027-01-02") { $0.period = .quarter }
        #expect(calendar.periods.map(\.name) == ["2026-Q3", "2026-Q4", "2027-Q1"])
        #expect(calendar.periods.map(\.start) == [day("2026-07-01"), day("2026-10-01"), day("2027-01-01")])
        #expect(calendar.periods.map(\.end) == [day("2026-09-30"), day("2026-12-31"), day("2027-03-31")])
        // A fiscal year from April is named by the calendar year it ends in: 2026-04 … 2027-03 is FY2027.
        let fiscal = review(files, asOf: "2027-01-02") {
            $0.period = .quarter
            $0.fiscalYearStart = 4
        }
        #expect(fiscal.periods.map(\.name) == ["FY2027-Q2", "FY2027-Q3", "FY2027-Q4"])
        #expect(fiscal.periods.map(\.start) == [day("2026-07-01"), day("2026-10-01"), day("2027-01-01")])
        var options = ReviewOptions(asOf: day("2026-01-01"))
        options.period = .quarter
        options.fiscalYearStart = 11
        #expect(options.periodName(day("2026-10-31")) == "FY2026-Q4")
        #expect(options.periodName(day("2026-11-01")) == "FY2027-Q1")
        #expect(options.periodName(day("2027-01-31")) == "FY2027-Q1")
        #expect(options.periodName(day("2027-02-01")) == "FY2027-Q2")
        #expect(options.periodStart(day("2027-01-31")) == day("2026-11-01"))
        options.fiscalYearStart = 1
        #expect(options.periodName(day("2026-11-01")) == "2026-Q4")
    }

    @Test func aPersonsTrend() {
        let review = SmallJournal.review {
            $0.person = "maria"
            $0.period = .month
        }
        #expect(review.periods.map(\.name) == ["2026-11"])
        #expect(review.periods.map(\.counts.kept) == [1])
        #expect(SmallJournal.review { $0.period = .month }.periods.map(\.counts.made) == [6])
    }

    @Test func periodsStartAtTheFirstSelectedCommitment() {
        #expect(
            SmallJournal.review { $0.since = day("2026-11-05") }.periods.map(\.name) == [
                "2026-W46", "2026-W47", "2026-W48",
            ])
    }

    @Test func byMonth() {
        let files = [
            ("2026-10-30", "- [x] Send Li the forecast #commit\n"), ("2026-12-02", "- [ ] Plan Q1 #commit\n"),
        ]
        let review = review(files, asOf: "2027-01-01") { $0.period = .month }
        #expect(review.periods.map(\.name) == ["2026-10", "2026-11", "2026-12", "2027-01"])
        #expect(review.periods.map(\.counts.made) == [1, 0, 1, 0])
        #expect(SmallJournal.review { $0.period = .month }.periods.map(\.name) == ["2026-11"])
    }

    @Test func isoWeeksAcrossTheYearEnd() {
        // 2026 has 53 ISO weeks; 2027-01-01 is a Friday in 2026-W53.
        let files = [("2026-12-28", "- [ ] Plan Q1 #commit\n"), ("2027-01-01", "- [ ] Call Ana #commit\n")]
        let review = review(files, asOf: "2027-01-11")
        #expect(review.periods.map(\.name) == ["2026-W53", "2027-W01", "2027-W02"])
        #expect(review.periods.map(\.counts.made) == [2, 0, 0])
    }

    @Test func periodNames() {
        #expect(Review.period(of: day("2026-11-27"), .week) == "2026-W48")
        #expect(Review.period(of: day("2026-01-05"), .week) == "2026-W02")
        #expect(Review.period(of: day("2027-01-03"), .week) == "2026-W53")
        #expect(Review.period(of: day("2026-03-31"), .month) == "2026-03")
        #expect(Review.period(of: day("2026-03-31"), .quarter) == "2026-Q1")
    }

    // MARK: People and tags

    @Test func peopleAndTagsAreSortedByName() {
        let review = SmallJournal.review()
        #expect(review.people.map(\.name) == ["ana", "li", "maria", "tom"])
        #expect(review.tags.map(\.name) == ["coaching", "crm", "pipeline", "recognition"])
        let maria = review.people.first { $0.name == "maria" }
        #expect(maria.map { row($0.counts) } == [1, 1, 0, 1, 0, 0, 0, 0])
        let tom = review.people.first { $0.name == "tom" }
        #expect(tom?.counts.followThroughRate == 0)
    }

    @Test func aCommitmentCountsForEachOfItsPeopleAndTags() {
        let files = [
            ("2026-11-02", "- [x] Tell @dana the slip was mine, not @maria's ✅ 2026-11-03 #commit #credit #trust\n")
        ]
        let review = review(files, asOf: "2026-11-27")
        #expect(review.people.map(\.name) == ["dana", "maria"])
        #expect(review.tags.map(\.name) == ["credit", "trust"])
        #expect(review.people.allSatisfy { $0.counts.keptOnTime == 1 })
        #expect(review.totals.made == 1)
    }

    // MARK: The mirror

    @Test func mirrorFigures() {
        let mirror = SmallJournal.review().mirror
        #expect(mirror.map(\.tag) == ["crm", "prep"])
        #expect(mirror.map(\.expectations) == [1, 1])
        #expect(row(mirror[0].own) == [1, 0, 0, 0, 0, 1, 0, 0])
        #expect(mirror[0].own.followThroughRate == 0)
        #expect(mirror[1].own.made == 0)
        #expect(mirror[1].own.followThroughRate == nil)
    }

    @Test func mirrorNoteOnlyWithoutOwnCommitmentsOrWhenYouFellShort() {
        let notes = ReportDocument(review: SmallJournal.review()).sections.flatMap(\.notes)
        #expect(
            notes == [
                "You expect #crm of the team; your own #crm commitment was missed.",
                "You expect #prep of the team, but made no #prep commitment yourself.",
            ])
        let files = [
            (
                "2026-11-02",
                "- Plan every first call on paper #expect #prep\n- [ ] Write my own call plan #commit #prep\n"
            )
        ]
        let review = review(files, asOf: "2026-11-03")
        #expect(review.mirror.first?.own.made == 1)
        #expect(ReportDocument(review: review).sections.flatMap(\.notes).isEmpty)
    }

    @Test func expectationsAreCountedPerTag() {
        let files = [
            ("2026-11-02", "- Log calls the same day #expect #crm\n- Dated next steps #expect #crm #pipeline\n"),
            ("2026-11-30", "- Late to the party #expect #crm\n"),
        ]
        let mirror = review(files, asOf: "2026-11-27").mirror
        #expect(mirror.map(\.tag) == ["crm", "pipeline"])
        #expect(mirror.map(\.expectations) == [2, 1])
    }

    @Test func lastMirrorEntry() {
        let review = SmallJournal.review()
        #expect(review.lastMirrorEntry == day("2026-11-02"))
        #expect(review.daysSinceMirror == 25)
        let byName = self.review(
            [("2026-11-20-mirror", "Looked.\n"), ("2026-11-23", "Not a mirror.\n")], asOf: "2026-11-27")
        #expect(byName.daysSinceMirror == 7)
        let byTemplate = self.review(
            [("2026-11-20", "---\ntemplate: weekly-mirror\n---\nLooked.\n"), ("2026-11-30-mirror", "Future.\n")],
            asOf: "2026-11-27")
        #expect(byTemplate.lastMirrorEntry == day("2026-11-20"))
        let none = self.review([("2026-11-20", "---\ntemplate: daily\n---\nJust a day.\n")], asOf: "2026-11-27")
        #expect(none.lastMirrorEntry == nil)
    }

    // MARK: Overdue, due soon, renegotiated

    @Test func overdueIsOldestFirst() {
        #expect(ids(SmallJournal.review().overdue) == ["log-my-own-calls-in", "send-tom-the-territory-map"])
        let text = """
            ## Commitments

            - [ ] Late one due:2026-11-20
            - [ ] Quiet one
            - [ ] Oldest one due:2026-11-05
            - [ ] First one due:2026-11-04
            - [x] Done one due:2026-11-03
            """
        // The quiet one went stale on 11-02 + 14 = 11-16, between the two due dates.
        let review = review([("2026-11-02", text)], asOf: "2026-11-27")
        #expect(ids(review.overdue) == ["first-one", "oldest-one", "quiet-one", "late-one"])
    }

    @Test func dueSoonWindow() {
        let text = """
            ## Commitments

            - [ ] Due yesterday due:2026-11-26
            - [ ] Due today due:2026-11-27
            - [ ] Due in a week due:2026-12-04
            - [ ] Due in eight days due:2026-12-05
            - [x] Kept, due tomorrow due:2026-11-28
            - [-] Released, due tomorrow due:2026-11-28
            - [ ] Undated
            - [ ] Due tomorrow due:2026-11-28
            """
        let review = review([("2026-11-20", text)], asOf: "2026-11-27")
        #expect(ids(review.dueSoon) == ["due-today", "due-tomorrow", "due-in-a-week"])
        let narrower = self.review([("2026-11-20", text)], asOf: "2026-11-27") { $0.dueSoonDays = 1 }
        #expect(ids(narrower.dueSoon) == ["due-today", "due-tomorrow"])
    }

    @Test func renegotiatedList() {
        let review = SmallJournal.review()
        #expect(ids(review.renegotiated) == ["book-ana"])
        #expect(review.renegotiated.first?.dueChanges == 1)
        #expect(review.renegotiated.first?.lateRenegotiations == 0)
        let files = [
            ("2026-11-02", "- [ ] Ride along with @tom due:2026-11-06 #commit ^ride\n"),
            ("2026-11-09", "- [>] [[2026-11-02#ride]] Tom was ill; now by Nov 20\n"),
        ]
        let late = self.review(files, asOf: "2026-11-27").renegotiated
        #expect(late.map(\.lateRenegotiations) == [1])
        #expect(self.review(files, asOf: "2026-11-08").renegotiated.isEmpty)
    }
}
