import Foundation
import Testing

/// `journal review`, `list` and `show` on the built binary, against a small fixture journal.
/// Every run goes through `FixtureJournal.run`, which fails the test if any file changed.
@Suite struct ReviewCommandTests {
    static let asOf = ["--as-of", "2026-11-27"]

    /// Worked by hand, as of 2026-11-27: recognise kept late (due 11-06, ticked 11-09); book-ana
    /// open, moved in time from 11-13 to 12-01; territory map stale (25 quiet days); QBR notes
    /// kept on time; CRM calls missed (due 11-13); report template released.
    static let files = [
        "journal.yml": "stale-after-days: 14\n",
        "entries/2026/11/2026-11-02-weekly-mirror.md": """
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

        """,
        "entries/2026/11/2026-11-09.md": """
        # Monday

        - [x] [Recognised Maria](2026-11-02-weekly-mirror.md#recognise-maria-s-renewal-win) at the all-hands
        - [>] [[2026-11-02-weekly-mirror#^book-ana]] Course full; booked on the next one due:2026-12-01
        - [ ] Log my own calls in the CRM by Friday #commit #crm
        - [-] Rewrite the weekly report template #commit

        """,
    ]

    func journal() throws -> FixtureJournal { try FixtureJournal(Self.files) }

    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    func refs(_ text: String) throws -> [String] {
        let array = try json(text) as? [[String: Any]] ?? []
        return array.compactMap { $0["ref"] as? String }
    }

    // MARK: review

    @Test func reviewText() throws {
        let fixture = try journal()
        let result = try fixture.run(
            ["review", "--journal", fixture.path()] + Self.asOf, environment: ["COLUMNS": "100"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.hasPrefix("Review as of 2026-11-27\n\nFollow-through 50% (2 of 4 decided kept)"))
        #expect(result.stdout.contains("Last looked in the mirror 25 days ago."))
        // The layout itself is pinned by ReportGoldenTests; here, that the real paths come through.
        #expect(result.stdout.contains("entries/2026/11/2026-11-09.md:5"))
        #expect(result.stdout.contains("entries/2026/11/2026-11-02-weekly-mirror.md:15"))
        #expect(result.stdout.contains("You expect #prep of the team, but made no #prep commitment yourself."))
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 + 40 })
    }

    @Test func reviewFindsTheJournalFromTheWorkingFolder() throws {
        let fixture = try journal()
        let result = try fixture.run(["review"] + Self.asOf, in: "entries/2026")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Review as of 2026-11-27\n"))
    }

    @Test func colour() throws {
        let fixture = try journal()
        let always = try fixture.run(["review", "--color", "always"] + Self.asOf)
        #expect(always.stdout.hasPrefix("\u{1B}[1mReview as of 2026-11-27\u{1B}[0m"))
        // Not a terminal, and NO_COLOR set: auto stays plain.
        let auto = try fixture.run(["review"] + Self.asOf, environment: ["NO_COLOR": "1", "TERM": "xterm"])
        #expect(!auto.stdout.contains("\u{1B}"))
        let never = try fixture.run(["review", "--color", "never"] + Self.asOf)
        #expect(!never.stdout.contains("\u{1B}"))
    }

    @Test func reviewMarkdown() throws {
        let fixture = try journal()
        let result = try fixture.run(["review", "--format", "markdown"] + Self.asOf)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("# Review as of 2026-11-27\n"))
        #expect(result.stdout.contains("\n## Overdue and silently dropped\n"))
        #expect(result.stdout.contains("Log my own calls in the CRM by Friday #commit #crm"))
        #expect(result.stdout.contains("entries/2026/11/2026-11-09.md:5"))
        #expect(result.stdout.contains("> You expect #prep of the team, but made no #prep commitment yourself."))
    }

    @Test func reviewJSON() throws {
        let fixture = try journal()
        let result = try fixture.run(["review", "--format", "json"] + Self.asOf)
        #expect(result.status == 0)
        let root = try json(result.stdout) as? [String: Any] ?? [:]
        #expect(root["asOf"] as? String == "2026-11-27")
        #expect(root["entries"] as? Int == 2)
        let totals = root["totals"] as? [String: Int] ?? [:]
        #expect(
            totals == [
                "made": 6, "kept": 2, "keptOnTime": 1, "keptLate": 1, "keptUndated": 0, "released": 1,
                "releasedLate": 0, "releasedUndated": 1, "missed": 1, "open": 1, "stale": 1,
            ])
        #expect(root["followThroughRate"] as? Double == 0.5)
        let commitments = root["commitments"] as? [[String: Any]] ?? []
        #expect(
            commitments.compactMap { $0["entry"] as? String } == [
                "entries/2026/11/2026-11-02-weekly-mirror.md", "entries/2026/11/2026-11-02-weekly-mirror.md",
                "entries/2026/11/2026-11-02-weekly-mirror.md", "entries/2026/11/2026-11-02-weekly-mirror.md",
                "entries/2026/11/2026-11-09.md", "entries/2026/11/2026-11-09.md",
            ])
        let followUp = (commitments[1]["followUps"] as? [[String: Any]])?.first
        #expect(followUp?["entry"] as? String == "entries/2026/11/2026-11-09.md")
        #expect(followUp?["line"] as? Int == 4)
    }

    @Test func reviewFilters() throws {
        let fixture = try journal()
        func made(_ extra: [String]) throws -> Int? {
            let result = try fixture.run(["review", "--format", "json"] + Self.asOf + extra)
            #expect(result.status == 0, "\(extra): \(result.stderr)")
            return ((try json(result.stdout) as? [String: Any])?["totals"] as? [String: Int])?["made"]
        }
        #expect(try made([]) == 6)
        #expect(try made(["--person", "@ana"]) == 1)
        #expect(try made(["--person", "ANA"]) == 1)
        #expect(try made(["--tag", "#crm"]) == 1)
        #expect(try made(["--tag", "pipeline"]) == 1)
        #expect(try made(["--since", "2026-11-09"]) == 2)
        #expect(try made(["--until", "2026-11-08"]) == 4)
        #expect(try made(["--since", "2026-11-03", "--until", "2026-11-09"]) == 2)
        let byMonth = try fixture.run(["review", "--format", "json", "--by", "month"] + Self.asOf)
        let periods = (try json(byMonth.stdout) as? [String: Any])?["periods"] as? [[String: Any]] ?? []
        #expect(periods.compactMap { $0["period"] as? String } == ["2026-11"])
    }

    /// `--person ana --by month` is Ana's trend; `--by quarter` names the journal's fiscal quarters.
    @Test func aPersonsTrendAndFiscalQuarters() throws {
        let fixture = try journal()
        let ana = try fixture.run(
            ["review", "--person", "ana", "--by", "month"] + Self.asOf, environment: ["COLUMNS": "80"])
        #expect(ana.status == 0, "\(ana.stderr)")
        #expect(
            ana.stdout.contains("\nFollow-through by month\n2026-11 · scale 0% ▁▂▃▄▅▆▇█ 100% · ·· nothing decided\n"))
        #expect(ana.stdout.contains("\nMonth    Total  "))
        var files = Self.files
        files["journal.yml"] = "stale-after-days: 14\nfiscal-year-start: april\n"
        let fiscal = try FixtureJournal(files)
        let quarters = try fiscal.run(["review", "--by", "quarter", "--format", "json"] + Self.asOf)
        let periods = (try json(quarters.stdout) as? [String: Any])?["periods"] as? [[String: Any]] ?? []
        #expect(periods.compactMap { $0["period"] as? String } == ["FY2027-Q3"])
        #expect(periods.first?["start"] as? String == "2026-10-01")
        #expect(periods.first?["by"] as? String == "decided")
        let html = try fiscal.run(["review", "--by", "quarter", "--format", "html"] + Self.asOf)
        #expect(html.status == 0)
        #expect(html.stdout.contains("<h2>Follow-through by quarter</h2>"))
        #expect(html.stdout.contains("FY2027-Q3"))
    }

    @Test func relativeDateFormsAreAccepted() throws {
        let fixture = try journal()
        for form in ["today", "yesterday", "3 days ago", "2 weeks ago"] {
            let result = try fixture.run(["review", "--format", "json", "--since", form, "--as-of", "today"])
            #expect(result.status == 0, "\(form): \(result.stderr)")
            let since = (try json(result.stdout) as? [String: Any])?["since"] as? String
            #expect(since?.count == 10, "\(form)")
        }
    }

    @Test func sinceAfterUntilOrAsOfIsAUsageError() throws {
        let fixture = try journal()
        let reversed = try fixture.run(["review", "--since", "2026-11-10", "--until", "2026-11-09"] + Self.asOf)
        #expect(reversed.status == 2)
        #expect(reversed.stderr.contains("--since 2026-11-10 is after --until 2026-11-09"))
        let future = try fixture.run(["list", "--since", "2026-11-28"] + Self.asOf)
        #expect(future.status == 2)
        #expect(future.stderr.contains("--since 2026-11-28 is after --as-of 2026-11-27"))
        // The same day on both sides is a one-day window, not an error.
        let sameDay = try fixture.run(["review", "--since", "2026-11-09", "--until", "2026-11-09"] + Self.asOf)
        #expect(sameDay.status == 0, "\(sameDay.stderr)")
    }

    @Test func filtersNameThemselvesAndSayWhenNothingMatches() throws {
        let fixture = try journal()
        let narrowed = try fixture.run(["review", "--person", "ana", "--since", "2026-11-01"] + Self.asOf)
        #expect(narrowed.stdout.hasPrefix("Review as of 2026-11-27 · @ana · since 2026-11-01\n"))
        let typo = try fixture.run(["review", "--person", "anna"] + Self.asOf)
        #expect(typo.status == 0)
        #expect(typo.stdout.contains("No commitments mention @anna. Did you mean @ana? People: ana, li, maria, tom\n"))
        let listed = try fixture.run(["list", "--tag", "crmm"] + Self.asOf)
        #expect(listed.status == 0)
        #expect(listed.stdout.hasPrefix("No commitments are tagged #crmm. Did you mean #crm? Tags: "))
        let asJSON = try fixture.run(["review", "--format", "json", "--person", "anna"] + Self.asOf)
        let filters = (try json(asJSON.stdout) as? [String: Any])?["filters"] as? [String: Any]
        #expect(filters?["person"] as? String == "anna")
        #expect(filters?["matched"] as? Bool == false)
        #expect(asJSON.stderr.contains("No commitments mention @anna."))
    }

    @Test func badDatesAreUsageErrors() throws {
        let fixture = try journal()
        for arguments in [
            ["review", "--as-of", "2026-02-30"], ["review", "--as-of", "someday"], ["list", "--since", "soon"],
            ["show", "2026-11-09#x", "--as-of", "never"],
        ] {
            let result = try fixture.run(arguments)
            #expect(result.stdout == "", "\(arguments)")
            #expect(result.stderr.contains("--as-of") || result.stderr.contains("--since"), "\(arguments)")
            #expect(result.stderr.contains("YYYY-MM-DD"), "\(arguments)")
            #expect(result.status == 2, "\(arguments)")
        }
    }

    @Test func journalErrorsStillReportButExitOne() throws {
        var files = Self.files
        files["entries/2026/11/2026-11-20.md"] = "- [ ] Call Ana #commit ^call\n- [ ] Call Tom #commit ^call\n"
        let fixture = try FixtureJournal(files)
        let result = try fixture.run(["review"] + Self.asOf)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("Review as of 2026-11-27\n"))
        #expect(result.stderr == "journal: 1 error, 0 warnings in the journal; run 'journal check' for details\n")
    }

    // MARK: list

    @Test func listText() throws {
        let fixture = try journal()
        let result = try fixture.run(["list"] + Self.asOf, environment: ["COLUMNS": "200"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Reference") == true)
        #expect(lines.count == 7)
        #expect(
            lines.contains(
                "2026-11-02-weekly-mirror#book-ana                       open      2026-11-02  2026-12-01  Book @ana onto the negotiation course #coaching"
            ))
        #expect(lines.contains { $0.hasPrefix("2026-11-09#log-my-own-calls-in ") && $0.contains("  missed  ") })
    }

    @Test func listFilters() throws {
        let fixture = try journal()
        func listed(_ extra: [String]) throws -> [String] {
            let result = try fixture.run(["list", "--format", "json"] + Self.asOf + extra)
            #expect(result.status == 0, "\(extra): \(result.stderr)")
            return try refs(result.stdout)
        }
        #expect(
            try listed(["--status", "overdue"]) == [
                "2026-11-02-weekly-mirror#send-tom-the-territory-map", "2026-11-09#log-my-own-calls-in",
            ])
        #expect(try listed(["--status", "missed"]) == ["2026-11-09#log-my-own-calls-in"])
        #expect(try listed(["--status", "stale"]) == ["2026-11-02-weekly-mirror#send-tom-the-territory-map"])
        #expect(try listed(["--status", "open"]) == ["2026-11-02-weekly-mirror#book-ana"])
        #expect(try listed(["--status", "released"]) == ["2026-11-09#rewrite-the-weekly-report-template"])
        #expect(
            try listed(["--status", "kept"]) == [
                "2026-11-02-weekly-mirror#recognise-maria-s-renewal-win",
                "2026-11-02-weekly-mirror#share-the-qbr-notes-with",
            ])
        #expect(try listed(["--person", "tom"]) == ["2026-11-02-weekly-mirror#send-tom-the-territory-map"])
        #expect(try listed(["--tag", "crm"]) == ["2026-11-09#log-my-own-calls-in"])
        #expect(try listed(["--since", "2026-11-09", "--status", "kept"]).isEmpty)
        #expect(try listed(["--until", "2026-11-08"]).count == 4)
        let bad = try fixture.run(["list", "--status", "late"] + Self.asOf)
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("late"))
    }

    @Test func listJSONUsesTheReviewObjects() throws {
        let fixture = try journal()
        let list = try json(try fixture.run(["list", "--format", "json"] + Self.asOf).stdout) as? [[String: Any]] ?? []
        let review = try json(try fixture.run(["review", "--format", "json"] + Self.asOf).stdout) as? [String: Any]
        let reviewed = review?["commitments"] as? [[String: Any]] ?? []
        #expect(list.count == 6)
        #expect(list.map { Set($0.keys) } == reviewed.map { Set($0.keys) })
        #expect(list.compactMap { $0["ref"] as? String } == reviewed.compactMap { $0["ref"] as? String })
    }

    // MARK: show

    @Test func showHistory() throws {
        let fixture = try journal()
        let result = try fixture.run(["show", "2026-11-02-weekly-mirror#book-ana"] + Self.asOf)
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                2026-11-02-weekly-mirror#book-ana
                  Book @ana onto the negotiation course #coaching
                  made     2026-11-02  entries/2026/11/2026-11-02-weekly-mirror.md:14
                  people   @ana
                  tags     #coaching
                  due      2026-11-13
                  [>]      2026-11-09  entries/2026/11/2026-11-09.md:4  Course full; booked on the next one
                           due 2026-11-13 → 2026-12-01
                  status   open as of 2026-11-27

                """)
    }

    @Test func showKeptLateAndMissed() throws {
        let fixture = try journal()
        let kept = try fixture.run(["show", "2026-11-02-weekly-mirror#recognise-maria-s-renewal-win"] + Self.asOf)
        #expect(
            kept.stdout.contains(
                "  [x]      2026-11-09  entries/2026/11/2026-11-09.md:3  Recognised Maria at the all-hands\n"))
        #expect(kept.stdout.hasSuffix("  status   kept late as of 2026-11-27, done 2026-11-09\n"))
        let missed = try fixture.run(["show", "2026-11-09#log-my-own-calls-in"] + Self.asOf)
        #expect(missed.stdout.hasSuffix("  status   missed as of 2026-11-27, 14 days late\n"))
        let stale = try fixture.run(["show", "2026-11-02-weekly-mirror#send-tom-the-territory-map"] + Self.asOf)
        #expect(stale.stdout.hasSuffix("  status   stale as of 2026-11-27, quiet for 25 days\n"))
        // As of the day before the tick, the same commitment is missed.
        let earlier = try fixture.run(
            ["show", "2026-11-02-weekly-mirror#recognise-maria-s-renewal-win", "--as-of", "2026-11-08"])
        #expect(earlier.stdout.hasSuffix("  status   missed as of 2026-11-08, 2 days late\n"))
        #expect(!earlier.stdout.contains("[x]"))
    }

    @Test func showUnknownReference() throws {
        let fixture = try journal()
        let result = try fixture.run(["show", "2026-11-02-weekly-mirror#book-anna"] + Self.asOf)
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(
            result.stderr.hasPrefix(
                "journal: error: unknown commitment '2026-11-02-weekly-mirror#book-anna'; closest: 2026-11-02-weekly-mirror#book-ana"
            ))
        let garbage = try fixture.run(["show", "book-ana"] + Self.asOf)
        #expect(garbage.status == 2)
        #expect(garbage.stderr.contains("closest: "))
        // A commitment made after the as-of date does not exist yet.
        let future = try fixture.run(["show", "2026-11-09#log-my-own-calls-in", "--as-of", "2026-11-08"])
        #expect(future.status == 2)
        #expect(!future.stderr.contains("closest: 2026-11-09#log-my-own-calls-in"))
    }
}
