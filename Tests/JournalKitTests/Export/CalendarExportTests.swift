import Testing

@testable import JournalKit

/// Which commitments become events, and their identity: UID, SEQUENCE, DTSTAMP.
@Suite struct CalendarExportTests {
    /// Entries from (stem, text) pairs, judged as of `asOf`.
    /// A commitment is a task under `## Commitments`; a follow-up is any item that links to one.
    func statuses(_ files: [(String, String)], asOf: String = "2026-11-27") -> [CommitmentStatus] {
        let entries = files.compactMap { stem, text in
            parseEntry(text.contains("](") ? text : "## Commitments\n" + text, stem: stem).entry
        }
        return Ledger(entries: entries).statuses(asOf: day(asOf), staleAfterDays: 14)
    }

    func status(_ text: String, made: String = "2026-11-02", asOf: String = "2026-11-27") -> CommitmentStatus? {
        statuses([(made, text)], asOf: asOf).first
    }

    func selects(_ status: CommitmentStatus?, asOf: String = "2026-11-27", all: Bool = false) -> Bool {
        guard let status else {
            Issue.record("no commitment parsed")
            return false
        }
        var options = CalendarExport.Options(asOf: day(asOf))
        options.includeAllDecided = all
        return CalendarExport.selects(status, options: options)
    }

    // MARK: Selection, each rule with its negative twin.

    @Test func openWithADueDateIsSelected() {
        #expect(selects(status("- [ ] Call Ana 📅 2026-12-01")))
    }

    @Test func openWithoutADueDateIsNot() {
        #expect(!selects(status("- [ ] Call Ana", asOf: "2026-11-05")))
    }

    @Test func missedIsSelected() {
        let missed = status("- [ ] Call Ana 📅 2026-11-03")
        #expect(missed?.status == .missed)
        #expect(selects(missed))
    }

    @Test func staleIsNot() {
        let stale = status("- [ ] Call Ana")
        #expect(stale?.status == .stale)
        #expect(!selects(stale))
    }

    @Test func keptThirtyDaysAgoIsSelectedButThirtyOneIsNot() {
        let kept = status("- [x] Call Ana 📅 2026-11-10 ✅ 2026-11-05")
        #expect(selects(kept, asOf: "2026-12-05"))
        #expect(!selects(kept, asOf: "2026-12-06"))
        #expect(selects(kept, asOf: "2026-12-06", all: true))
    }

    @Test func releasedLatelyIsSelectedButLongAgoIsNot() {
        let released = status("- [-] Call Ana 📅 2026-11-10 ❌ 2026-11-04")
        #expect(released?.status == .released)
        #expect(selects(released, asOf: "2026-12-04"))
        #expect(!selects(released, asOf: "2026-12-05"))
        #expect(selects(released, asOf: "2026-12-05", all: true))
    }

    @Test func decidedByAFollowUpCountsFromTheFollowUpsDay() {
        let all = statuses([
            ("2026-10-01", "- [ ] Call Ana 📅 2026-10-09"),
            ("2026-11-10", "- [x] [2026-10-01](2026-10-01.md#call-ana) done today"),
        ])
        #expect(all.first?.doneOn == day("2026-11-10"))
        #expect(selects(all.first, asOf: "2026-12-10"))
        #expect(!selects(all.first, asOf: "2026-12-11"))
    }

    @Test func decidedInPlaceWithNoDayGoesByItsDueDate() {
        let kept = status("- [x] Call Ana 📅 2026-11-20")
        #expect(kept?.doneOn == nil)
        #expect(selects(kept, asOf: "2026-12-20"))
        #expect(!selects(kept, asOf: "2026-12-21"))
    }

    @Test func decidedWithoutADueDateIsNeverSelected() {
        #expect(!selects(status("- [x] Call Ana ✅ 2026-11-20"), all: true))
    }

    @Test func eventsAreSortedByDueDateThenPathThenLine() {
        let all = statuses([
            ("2026-11-03", "- [ ] Second 📅 2026-12-01\n- [ ] First 📅 2026-11-30"),
            ("2026-11-02", "- [ ] Third 📅 2026-12-01"),
        ])
        let export = CalendarExport(commitments: all, journalName: "j", options: .init(asOf: day("2026-11-27")))
        #expect(export.events.map(\.status.commitment.text) == ["First", "Third", "Second"])
    }

    // MARK: Identity.

    @Test func uidIsAHashOfTheReferenceAndTheJournalName() {
        let reference = Reference(stem: "2026-11-20", id: "call-ana")
        let uid = CalendarExport.uid(reference: reference, journalName: "coaching")
        // SHA-256 of "2026-11-20#call-ana@coaching", first 32 hex digits.
        #expect(uid == "65a93d609487a828c0d9d7df2eed1b13@journal")
        #expect(CalendarExport.uid(reference: reference, journalName: "coaching") == uid)
        #expect(CalendarExport.uid(reference: reference, journalName: "other") != uid)
        #expect(
            CalendarExport.uid(reference: Reference(stem: "2026-11-20", id: "call-tom"), journalName: "coaching") != uid
        )
    }

    @Test func uidIsTheSameForComposedAndDecomposedNames() {
        let reference = Reference(stem: "2026-11-20", id: "caf\u{E9}")
        let composed = CalendarExport.uid(reference: reference, journalName: "r\u{E9}sum\u{E9}")
        let decomposed = CalendarExport.uid(
            reference: Reference(stem: "2026-11-20", id: "cafe\u{301}"), journalName: "re\u{301}sume\u{301}")
        #expect(composed == decomposed)
    }

    @Test func journalNameIsTheFolderName() {
        #expect(CalendarExport.journalName(root: "/home/me/coaching") == "coaching")
        #expect(CalendarExport.journalName(root: "/") == "")
    }

    @Test func sequenceIsZeroForAnUntouchedCommitment() {
        #expect(status("- [ ] Call Ana 📅 2026-12-01").map(CalendarExport.sequence) == 0)
    }

    @Test func sequenceCountsFollowUpsAndDueChanges() {
        let all = statuses([
            ("2026-11-02", "- [ ] Call Ana 📅 2026-11-20"),
            ("2026-11-09", "- [/] [2026-11-02](2026-11-02.md#call-ana) left a message"),
            ("2026-11-16", "- [>] [2026-11-02](2026-11-02.md#call-ana) moved to 2026-12-04"),
        ])
        // One progress note, and one move that is also a follow-up.
        #expect(all.first?.dueChanges == 1)
        #expect(all.first.map(CalendarExport.sequence) == 3)
    }

    @Test func sequenceIgnoresAPrefilledLineLeftAloneAndFollowUpsAfterTheAsOfDate() {
        let files = [
            ("2026-11-02", "- [ ] Call Ana 📅 2026-12-20"),
            ("2026-11-09", "- [ ] [2026-11-02](2026-11-02.md#call-ana)"),
            ("2026-11-30", "- [/] [2026-11-02](2026-11-02.md#call-ana) left a message"),
        ]
        #expect(statuses(files).first.map(CalendarExport.sequence) == 0)
        #expect(statuses(files, asOf: "2026-11-30").first.map(CalendarExport.sequence) == 1)
    }

    @Test func sequenceCountsATickInPlaceButNotAnOpenBox() {
        #expect(status("- [x] Call Ana 📅 2026-11-20 ✅ 2026-11-19").map(CalendarExport.sequence) == 1)
        #expect(status("- [-] Call Ana 📅 2026-11-20").map(CalendarExport.sequence) == 1)
        // A tick dated after the as-of date has not happened yet.
        #expect(
            status("- [x] Call Ana 📅 2026-12-20 ✅ 2026-12-01").map(CalendarExport.sequence) == 0)
    }

    @Test func sequenceCountsATickByFollowUpOnce() {
        let all = statuses([
            ("2026-11-02", "- [ ] Call Ana 📅 2026-11-20"),
            ("2026-11-09", "- [x] [2026-11-02](2026-11-02.md#call-ana) done"),
        ])
        #expect(all.first.map(CalendarExport.sequence) == 1)
    }

    // MARK: The file.

    func render(_ text: String, asOf: String = "2026-11-27", alarm: AlarmOffset? = .dayBeforeAtNine) -> String {
        var options = CalendarExport.Options(asOf: day(asOf))
        options.alarm = alarm
        return CalendarExport(
            commitments: statuses([("2026-11-02", text)], asOf: asOf), journalName: "j", options: options
        )
        .render().replacing("\r\n ", with: "")
    }

    @Test func anOpenEventIsAllDayWithAReminderAndTheStampOfTheAsOfDate() {
        let output = render("- [ ] Call @ana, today 📅 2026-12-01 #crm")
        #expect(output.contains("DTSTAMP:20261127T000000Z\r\n"))
        #expect(output.contains("DTSTART;VALUE=DATE:20261201\r\nDTEND;VALUE=DATE:20261202\r\n"))
        #expect(output.contains("SUMMARY:Call @ana\\, today #crm\r\n"))
        #expect(output.contains("DESCRIPTION:Status: open as of 2026-11-27\\nDue: 2026-12-01\\nPeople: @ana\\nTags"))
        #expect(output.contains("CATEGORIES:crm\r\n"))
        #expect(output.contains("STATUS:CONFIRMED\r\nTRANSP:TRANSPARENT\r\nCLASS:PRIVATE\r\n"))
        #expect(output.contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\n"))
        #expect(output.contains("TRIGGER:-PT15H\r\nEND:VALARM\r\n"))
        #expect(
            output.hasPrefix(
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//journal//journal//EN\r\nCALSCALE:GREGORIAN\r\n"))
    }

    @Test func aKeptEventIsCancelledWithItsOutcomeAndNoReminder() {
        let output = render("- [x] Call Ana 📅 2026-11-20 ✅ 2026-11-21")
        #expect(output.contains("SUMMARY:Kept late: Call Ana\r\n"))
        #expect(output.contains("STATUS:CANCELLED\r\n"))
        #expect(output.contains("Status: kept late as of 2026-11-27\\, done 2026-11-21"))
        #expect(!output.contains("VALARM"))
    }

    @Test func aMissedEventSaysHowLateAndHasNoReminder() {
        let output = render("- [ ] Call Ana 📅 2026-11-20")
        #expect(output.contains("SUMMARY:Call Ana\r\n"))
        #expect(output.contains("Status: missed as of 2026-11-27\\, 7 days late"))
        #expect(!output.contains("VALARM"))
    }

    @Test func noAlarmMeansNoReminder() {
        #expect(!render("- [ ] Call Ana 📅 2026-12-01", alarm: nil).contains("VALARM"))
        #expect(render("- [ ] Call Ana 📅 2026-12-01", alarm: AlarmOffset(days: 2)).contains("TRIGGER:-P2D"))
    }

    @Test func theLastRepresentableDayHasNoDTEND() {
        let output = render("- [ ] Call Ana 📅 9999-12-31")
        #expect(output.contains("DTSTART;VALUE=DATE:99991231\r\n"))
        #expect(!output.contains("DTEND"))
    }

    @Test func renderingIsDeterministic() {
        let text = "- [ ] Call Ana 📅 2026-12-01\n- [ ] Call Tom 📅 2026-12-02"
        #expect(render(text) == render(text))
        #expect(render(text) != render(text, asOf: "2026-11-28"))
    }
}

/// `--alarm`: RFC 5545 durations, and everything else refused with a reason.
@Suite struct AlarmOffsetTests {
    @Test(arguments: [
        ("PT15H", "PT15H", 15 * 3600), ("pt15h", "PT15H", 15 * 3600), ("P2D", "P2D", 2 * 86_400),
        ("P1W", "P1W", 7 * 86_400), ("PT30M", "PT30M", 1800), ("P1DT2H30M", "P1DT2H30M", 95_400),
        ("PT0S", "PT0S", 0), ("PT90S", "PT90S", 90), ("P0D", "PT0S", 0), ("P366D", "P366D", 366 * 86_400),
    ])
    func validDurations(_ text: String, _ canonical: String, _ seconds: Int) throws {
        let offset = try AlarmOffset(parsing: text)
        #expect(offset.description == canonical)
        #expect(offset.totalSeconds == seconds)
    }

    @Test(arguments: [
        ("", "empty"), ("P", "no amount"), ("PT", "T must be followed"), ("15H", "starts with P"),
        ("-PT15H", "sign"), ("+PT15H", "sign"), ("P1M", "months"), ("P1Y", "years"), ("PT1.5H", "fractions"),
        ("P1W2D", "weeks cannot be combined"), ("PT15H15H", "once"), ("PT15M2H", "largest first"),
        ("P1DT", "T must be followed"), ("P1234567D", "number"), ("P367D", "366 days"), ("PT15", "number"),
        ("P2H", "largest first"), ("soon", "starts with P"),
    ])
    func invalidDurations(_ text: String, _ reason: String) {
        #expect(throws: AlarmOffset.Invalid.self) { try AlarmOffset(parsing: text) }
        do throws(AlarmOffset.Invalid) {
            _ = try AlarmOffset(parsing: text)
        } catch {
            #expect(error.description.contains(reason), "\(text): \(error.description)")
        }
    }

    @Test func theDefaultIsNineTheDayBefore() {
        #expect(AlarmOffset.dayBeforeAtNine.description == "PT15H")
    }
}

/// The hash behind the event ids, against FIPS 180-4's published vectors.
@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ])
    func publishedVectors(_ input: String, _ digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
    }

    @Test func aMillionAs() {
        #expect(
            SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

extension CalendarExportTests {
    @Test func aDuplicateIdStillGivesDistinctUIDsAndTheFirstKeepsItsOwn() {
        let all = statuses([
            ("2026-11-02", "- [ ] Call Tom 📅 2026-12-01 ^same\n- [ ] Call Ana 📅 2026-11-30 ^same"),
            ("2026-11-03", "- [ ] Call Li 📅 2026-12-02"),
        ])
        let export = CalendarExport(commitments: all, journalName: "j", options: .init(asOf: day("2026-11-27")))
        #expect(export.events.count == 3)
        #expect(Set(export.events.map(\.uid)).count == 3)
        let tom = export.events.first { $0.status.commitment.text == "Call Tom" }
        #expect(tom?.uid == CalendarExport.uid(reference: Reference(stem: "2026-11-02", id: "same"), journalName: "j"))
    }
}
