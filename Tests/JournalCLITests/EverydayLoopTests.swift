import Foundation
import Testing

/// `journal add`, `done`, `release`, `move`, `edit`, `search`, `people`, `tags` and
/// `list --match`, run as a person would, with `JOURNAL_TODAY` fixing "today".
@Suite struct EverydayLoopTests {
    static let today = ["JOURNAL_TODAY": "2026-12-02"]
    static let log = "entries/2026/12/2026-12-02-log.md"

    func journal() throws -> FixtureJournal {
        try FixtureJournal([
            "journal.yml": "",
            "entries/2026/11/2026-11-20.md": """
            ## Commitments
            - [ ] Send @ana the pricing deck by Monday #pipeline
            - [ ] Call @tom about the forecast #coaching
            - [x] Thank @li in the team meeting #credit

            """,
        ])
    }

    func run(_ fixture: FixtureJournal, _ arguments: [String], stdin: String? = nil) throws -> JournalProcess.Result {
        try fixture.run(
            arguments + ["--journal", fixture.path()], environment: Self.today, allowAppended: [Self.log])
    }

    @Test func addWritesOneCommitmentWithAnIdAndSaysWhenItIsDue() throws {
        let fixture = try journal()
        let added = try run(fixture, ["add", "Send @dana the Q1 plan by Friday #planning"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout == "Committed 2026-12-02-log#send-dana-the-q1-plan, due Fri 4 Dec  (\(Self.log):7)\n")
        let text = try String(contentsOfFile: fixture.path(Self.log), encoding: .utf8)
        #expect(text.hasPrefix("---\ntemplate: log\n"))
        #expect(text.hasSuffix("\n- [ ] Send @dana the Q1 plan by Friday #planning #commit ^send-dana-the-q1-plan\n"))
        let again = try run(fixture, ["add", "Send @dana the Q1 plan by Friday"])
        #expect(again.stdout.hasPrefix("Committed 2026-12-02-log#send-dana-the-q1-plan-2,"))
    }

    @Test func addRefusesALineThatWouldNotBeACommitmentAndWritesNothing() throws {
        let fixture = try journal()
        for text in ["Done [[2026-11-20#call-tom-about-the-forecast]]", "Fix it due:2026-02-30"] {
            let refused = try run(fixture, ["add", text])
            #expect(refused.status == 2, "\(text)")
            #expect(refused.stdout == "")
            #expect(!FileManager.default.fileExists(atPath: fixture.path(Self.log)), "\(text)")
        }
        let warned = try run(fixture, ["add", "Call Li by Firday"])
        #expect(warned.status == 0)
        #expect(warned.stderr.contains("note: date not understood: 'by Firday'"))
    }

    @Test func doneReleaseAndMoveRecordFollowUpsTheReviewReads() throws {
        let fixture = try journal()
        let done = try run(
            fixture, ["done", "ana", "pricing", "--on", "yesterday", "--note", "sent, waiting since Monday"])
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stdout.hasPrefix("2026-11-20#send-ana-the-pricing-deck kept, done Tue 1 Dec"))
        let moved = try run(fixture, ["move", "2026-11-20#call", "--to", "friday"])
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(moved.stdout.hasPrefix("2026-11-20#call-tom-about-the-forecast moved to Fri 4 Dec"))
        let text = try String(contentsOfFile: fixture.path(Self.log), encoding: .utf8)
        #expect(
            text.contains(
                "[2026-11-20](../11/2026-11-20.md#send-ana-the-pricing-deck) ✅ 2026-12-01 — sent, waiting since Monday\n"
            ))
        #expect(text.contains("[2026-11-20](../11/2026-11-20.md#call-tom-about-the-forecast) 📅 2026-12-04\n"))
        let review = try run(fixture, ["review", "--format", "json", "--as-of", "2026-12-02"])
        let root = try JSONSerialization.jsonObject(with: Data(review.stdout.utf8)) as? [String: Any]
        let commitments = root?["commitments"] as? [[String: Any]] ?? []
        let deck = commitments.first { $0["id"] as? String == "send-ana-the-pricing-deck" }
        #expect(deck?["outcome"] as? String == "keptLate")  // due Mon 11-23, done 12-01
        #expect(deck?["doneOn"] as? String == "2026-12-01")
        let call = commitments.first { $0["id"] as? String == "call-tom-about-the-forecast" }
        #expect(call?["due"] as? String == "2026-12-04")
        #expect(call?["status"] as? String == "open")
    }

    @Test func releaseNeedsAReasonAndOnlyOpenMissedOrStaleCanBeActedOn() throws {
        let fixture = try journal()
        let noReason = try run(fixture, ["release", "call", "tom"])
        #expect(noReason.status == 2)
        let kept = try run(fixture, ["done", "thank", "li"])
        #expect(kept.status == 2)
        #expect(kept.stderr.contains("no open, missed or stale commitment matches 'thank li'"))
        let direct = try run(fixture, ["done", "2026-11-20#thank-li-in-the-team"])
        #expect(direct.status == 2)
        #expect(direct.stderr.contains("is kept (no date known) as of 2026-12-02"))
        let ambiguous = try run(fixture, ["done", "2026-11-20#"])
        #expect(ambiguous.status == 2)
        #expect(ambiguous.stderr.contains("matches 2 commitments"))
        let released = try run(fixture, ["release", "call", "tom", "--why", "Tom moved teams"])
        #expect(released.status == 0, "\(released.stderr)")
    }

    @Test func sameDayAddThenDoneCounts() throws {
        let fixture = try journal()
        _ = try run(fixture, ["add", "Book the QBR room #ops"])
        let done = try run(fixture, ["done", "qbr", "room"])
        #expect(done.status == 0, "\(done.stderr)")
        let check = try run(fixture, ["check"])
        #expect(check.status == 0, "\(check.stderr)")
        let list = try run(fixture, ["list", "--status", "kept", "--as-of", "2026-12-02", "--match", "qbr"])
        #expect(list.stdout.contains("2026-12-02-log#book-the-qbr-room"))
    }

    @Test func aLogThatIsNotJournalsOwnIsNeverTouched() throws {
        let fixture = try journal()
        try fixture.write(Self.log, "# My notes, named like a log\n")
        let refused = try fixture.run(
            ["add", "Anything", "--journal", fixture.path()], environment: Self.today)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("is not a day's log"))
    }

    @Test func searchPeopleTagsAndEdit() throws {
        let fixture = try journal()
        let found = try run(fixture, ["search", "FORECAST"])
        #expect(found.stdout == "entries/2026/11/2026-11-20.md:3: - [ ] Call @tom about the forecast #coaching\n")
        #expect(try run(fixture, ["search", "nothing like this"]).status == 1)
        let people = try run(fixture, ["people", "--as-of", "2026-12-02"])
        // Ana's deck was due Monday 11-23: overdue as of 12-02.
        #expect(people.stdout.contains("@ana       1     0     0        1  2026-11-20\n"))
        let tags = try run(fixture, ["tags", "--format", "json", "--as-of", "2026-12-02"])
        let rows = try JSONSerialization.jsonObject(with: Data(tags.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(rows.compactMap { $0["name"] as? String } == ["coaching", "credit", "pipeline"])
        // Without a terminal, edit prints where it would open.
        let edit = try run(fixture, ["edit", "tom", "forecast"])
        #expect(edit.stdout == "\(fixture.path("entries/2026/11/2026-11-20.md")):3\n")
        let day = try run(fixture, ["edit", "2026-11-20"])
        #expect(day.stdout == "\(fixture.path("entries/2026/11/2026-11-20.md"))\n")
        let none = try run(fixture, ["edit"])
        #expect(none.status == 2)
        #expect(none.stderr.contains("no entry for 2026-12-02"))
    }

    @Test func aMistypedCommandGetsASuggestion() throws {
        let result = try JournalProcess.run(["revew"])
        #expect(result.status == 2)
        #expect(
            result.stderr == "journal: error: unknown command 'revew'; did you mean 'review'? (see 'journal --help')\n")
    }

    @Test func templatesWorkOutsideAJournal() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("no-journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        let result = try JournalProcess.run(["templates"], in: outside)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("weekly-mirror  built-in"))
    }

    @Test func showTakesWordsAndPathLineToo() throws {
        let fixture = try journal()
        let byWords = try run(fixture, ["show", "ana", "pricing", "--as-of", "2026-12-02"])
        #expect(byWords.stdout.hasPrefix("2026-11-20#send-ana-the-pricing-deck\n"))
        let byLine = try run(fixture, ["show", "entries/2026/11/2026-11-20.md:3", "--as-of", "2026-12-02"])
        #expect(byLine.stdout.hasPrefix("2026-11-20#call-tom-about-the-forecast\n"))
    }

    @Test func addReadsOneCommitmentPerLineFromStdinAndChecksThemAllFirst() throws {
        let fixture = try journal()
        let snapshotted = { (stdin: String) throws -> JournalProcess.Result in
            try JournalProcess.run(
                ["add", "-", "--journal", fixture.path()], environment: Self.today, stdin: Data(stdin.utf8))
        }
        let refused = try snapshotted("Call Li #commit\nDone [[2026-11-20#call-tom-about-the-forecast]]\n")
        #expect(refused.status == 2)
        #expect(!FileManager.default.fileExists(atPath: fixture.path(Self.log)))
        let added = try snapshotted("Call Li\n\nEmail Tom by Friday\n")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.split(separator: "\n").count == 2)
    }

    @Test func datesOutsideTheLogsDayAreRefused() throws {
        let fixture = try journal()
        let future = try run(fixture, ["done", "ana", "pricing", "--on", "tomorrow"])
        #expect(future.status == 2)
        #expect(future.stderr.contains("is after the log's day 2026-12-02"))
        let past = try run(fixture, ["move", "call", "tom", "--to", "2026-11-30"])
        #expect(past.status == 2)
        #expect(past.stderr.contains("is before the log's day"))
        #expect(!FileManager.default.fileExists(atPath: fixture.path(Self.log)))
    }

    @Test func writingCommandsRefuseWhenJournalYmlHasErrors() throws {
        let fixture = try journal()
        try fixture.write("journal.yml", "entires: notes\n")
        let refused = try run(fixture, ["add", "Call Li"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("journal.yml has errors"))
        #expect(!FileManager.default.fileExists(atPath: fixture.path(Self.log)))
    }

    @Test func aBadTestClockIsAnError() throws {
        let result = try JournalProcess.run(["review", "--journal", "."], environment: ["JOURNAL_TODAY": "someday"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("JOURNAL_TODAY must be a YYYY-MM-DD date"))
    }

    @Test func editListsSeveralEntriesOfADayUnlessFirst() throws {
        let fixture = try journal()
        try fixture.write("entries/2026/11/2026-11-20-one-on-one-ana.md", "# 1:1\n")
        let listed = try run(fixture, ["edit", "2026-11-20"])
        #expect(listed.status == 2)
        #expect(listed.stderr.contains("2 entries for 2026-11-20; name one, or pass --first:"))
        #expect(listed.stderr.contains("  1. entries/2026/11/2026-11-20-one-on-one-ana.md"))
        let first = try run(fixture, ["edit", "2026-11-20", "--first"])
        #expect(first.stdout == "\(fixture.path("entries/2026/11/2026-11-20-one-on-one-ana.md"))\n")
    }

    /// Twenty `journal add` processes at once: every line arrives, whole, once.
    @Test func twentyConcurrentAddsLoseNoLine() throws {
        let fixture = try journal()
        let root = fixture.path()
        let group = DispatchGroup()
        let failures = LockedCount()
        for index in 0..<20 {
            group.enter()
            DispatchQueue.global().async {
                defer { group.leave() }
                let result = try? JournalProcess.run(
                    ["add", "Commitment number \(index) #load", "--journal", root], environment: Self.today)
                if result?.status != 0 { failures.increment() }
            }
        }
        group.wait()
        #expect(failures.value == 0)
        let text = try String(contentsOfFile: fixture.path(Self.log), encoding: .utf8)
        let lines = text.split(separator: "\n").filter { $0.hasPrefix("- [ ] Commitment number ") }
        #expect(lines.count == 20)
        #expect(Set(lines).count == 20)
        #expect(text.hasPrefix("---\ntemplate: log\n"))
    }
}

/// A counter several threads may bump.
final class LockedCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
