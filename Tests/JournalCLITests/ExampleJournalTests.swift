import Foundation
import Testing

/// Pins `journal review --format json` on journal-example/ as of its last day, 2026-11-27.
///
/// Every expected value below was worked out by hand from the entries (due dates resolved from
/// each phrase against its entry's date, follow-ups read one by one, stale-after-days 14), not
/// copied from the program's output. A change here means either the example or the ledger
/// changed; decide which before updating a number.
@Suite struct ExampleJournalTests {
    /// The repository root, found from this file: Tests/JournalCLITests/ExampleJournalTests.swift.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let example = repository.appendingPathComponent("journal-example")

    /// made, kept, keptOnTime, keptLate, keptUndated, released, releasedLate, missed, open, stale.
    static let countKeys = [
        "made", "kept", "keptOnTime", "keptLate", "keptUndated", "released", "releasedLate", "missed", "open", "stale",
    ]

    // Worked by hand from the entries. Against the figures pinned before the honest-figures rules
    // (35 made: 20 kept, 15 on time, 4 late, 1 undated; 3 released, 3 missed, 3 stale, 6 open;
    // follow-through 20/26 = 77%, on time 15/26 = 58%), these changed, each for one rule:
    //
    // | commitment                                   | before             | now                          | rule |
    // |----------------------------------------------|--------------------|------------------------------|------|
    // | 2026-10-14-one-on-one-tom#get-ops-to-cut-the | released           | released late (10-30 > 10-28) | §3 |
    // | 2026-10-19-weekly-mirror#make-the-case-to-dana | missed           | released late (11-09 > 10-31) | §3, new 11-09 entry |
    // | 2026-10-05-weekly-mirror#get-li-access-to-the | kept on time, done 10-19 | kept on time, done 10-16 ("on Friday", written Mon 10-19) | §4 |
    // | 2026-10-07#ask-tom-what-makes-the            | kept late, 10-14   | unchanged: "I'd promised Friday" is the day owed, not done | §4 |
    // | 2026-11-04#send-li-the-harbor-renewal        | (new)              | kept on time: "sent them Friday", written Mon 11-09 → 11-06 = due | §4 |
    // | 2026-11-04#book-the-venue-for-the            | (new)              | missed: due 11-13, "moved to Nov 20" on 11-09, nothing since | §5 |
    // | 2026-10-12-weekly-mirror#tell-the-reps-before-i | stale           | stale: the 11-20 line was left as pasted (no touch) | §1 |
    // | 2026-10-21-one-on-one-li#introduce-li-to-marcus-on | released     | released in time (❌ 10-29 ≤ due 10-30) | §3 |
    // | 2026-11-05-one-on-one-maria#ask-dana-for-a-team | released        | released on a day not known (in place, no ❌) | §3 |
    //
    // So: 37 made = 16 kept on time + 4 late + 1 undated + 2 released + 2 released late + 3 missed
    // + 6 open + 3 stale. Follow-through 21 / (21 + 3 + 3 + 2) = 21/29 = 72.41%; on time
    // 16 / (16 + 4 + 3 + 3 + 2) = 16/28 = 57.14%. People, themes and weeks move with the rows above:
    // @li gains the Harbor numbers, @dana and @tom each lose a plain release to a late one
    // (@tom 6/7 → 6/8), #resources gains both 11-04 commitments, W45 both of them.
    static let totals = [37, 21, 16, 4, 1, 2, 2, 3, 6, 3]

    static let people: [(String, [Int])] = [
        ("ana", [7, 5, 4, 1, 0, 0, 0, 0, 2, 0]),
        ("dana", [5, 3, 3, 0, 0, 1, 1, 0, 0, 0]),
        ("li", [7, 4, 3, 1, 0, 1, 0, 0, 1, 1]),
        ("maria", [7, 5, 4, 1, 0, 1, 0, 0, 1, 0]),
        ("tom", [8, 6, 3, 2, 1, 0, 1, 1, 0, 0]),
    ]

    static let tags: [(String, [Int])] = [
        ("coaching", [15, 9, 6, 2, 1, 1, 0, 1, 3, 1]),
        ("credit", [2, 2, 2, 0, 0, 0, 0, 0, 0, 0]),
        ("crm", [4, 1, 0, 1, 0, 0, 1, 0, 1, 1]),
        ("pipeline", [5, 2, 2, 0, 0, 0, 0, 1, 2, 0]),
        ("prep", [2, 1, 1, 0, 0, 0, 0, 0, 1, 0]),
        ("recognition", [7, 4, 3, 1, 0, 0, 0, 1, 2, 0]),
        ("resources", [10, 5, 4, 1, 0, 1, 2, 1, 1, 0]),
        ("trust", [1, 0, 0, 0, 0, 0, 0, 0, 0, 1]),
    ]

    /// By the week each commitment was decided (kept: done; missed: due; stale: last touch + 14;
    /// released: release day; open, and kept or released on a day not known: made). Checked one
    /// by one against the overdue list (stale 10-12 + 14 = 10-26 in W44, 10-26 + 14 = 11-09 in
    /// W46, 11-12 + 14 = 11-26 in W48; missed on 10-23, 11-03 and 11-20) and, for every row,
    /// against `decidedWeeksFollowFromTheCommitments` below.
    static let periods: [(String, [Int])] = [
        ("2026-W41", [3, 2, 2, 0, 0, 0, 0, 0, 1, 0]),
        ("2026-W42", [4, 4, 3, 1, 0, 0, 0, 0, 0, 0]),
        ("2026-W43", [4, 3, 2, 1, 0, 0, 0, 1, 0, 0]),
        ("2026-W44", [10, 6, 5, 0, 1, 1, 1, 0, 1, 1]),
        ("2026-W45", [4, 1, 1, 0, 0, 1, 0, 1, 1, 0]),
        ("2026-W46", [4, 2, 1, 1, 0, 0, 1, 0, 0, 1]),
        ("2026-W47", [5, 2, 2, 0, 0, 0, 0, 1, 2, 0]),
        ("2026-W48", [3, 1, 0, 1, 0, 0, 0, 0, 1, 1]),
    ]

    /// tag, then expectations, ownCommitments and the counts above without made.
    static let mirror: [(String, [Int])] = [
        ("crm", [2, 4, 1, 0, 1, 0, 0, 1, 0, 1, 1]),
        ("forecast", [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
        ("pipeline", [1, 5, 2, 2, 0, 0, 0, 0, 1, 2, 0]),
        ("prep", [1, 2, 1, 1, 0, 0, 0, 0, 0, 1, 0]),
        ("punctuality", [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    ]

    /// Every commitment, in made date, path, line order: reference, line, status, outcome, due in
    /// force, original due, due changes, late renegotiations, onTime, doneOn and releasedOn.
    static let commitments = [
        "2026-10-05-weekly-mirror#recognise-maria-s-renewal-win :25 kept keptOnTime due 2026-10-09 was 2026-10-09 moved 0 late 0 onTime true done 2026-10-09 released null",
        "2026-10-05-weekly-mirror#log-all-my-own-customer :26 stale stale due null was null moved 0 late 0 onTime null done null released null",
        "2026-10-05-weekly-mirror#send-dana-the-q4-risk :27 kept keptOnTime due 2026-10-08 was 2026-10-08 moved 0 late 0 onTime true done 2026-10-08 released null",
        "2026-10-05-weekly-mirror#get-li-access-to-the :28 kept keptOnTime due 2026-10-20 was 2026-10-20 moved 0 late 0 onTime true done 2026-10-16 released null",
        "2026-10-05-weekly-mirror#write-a-call-plan-before :29 open open due null was null moved 0 late 0 onTime null done null released null",
        "2026-10-07#ask-tom-what-makes-the :12 kept keptLate due 2026-10-09 was 2026-10-09 moved 0 late 0 onTime false done 2026-10-14 released null",
        "2026-10-08-one-on-one-maria#ask-dana-whether-maria-can :21 kept keptOnTime due 2026-10-16 was 2026-10-16 moved 0 late 0 onTime true done 2026-10-16 released null",
        "2026-10-08-one-on-one-maria#get-maria-a-solutions-engineer :22 kept keptOnTime due 2026-10-27 was 2026-10-16 moved 1 late 0 onTime true done 2026-10-27 released null",
        "2026-10-09-one-on-one-ana#call-ana :17 kept keptOnTime due 2026-10-16 was 2026-10-16 moved 0 late 0 onTime true done 2026-10-16 released null",
        "2026-10-09-one-on-one-ana#set-up-two-ride-alongs :18 kept keptLate due 2026-11-13 was 2026-10-31 moved 1 late 1 onTime false done 2026-11-12 released null",
        "2026-10-12-weekly-mirror#tell-the-reps-before-i :26 stale stale due null was null moved 0 late 0 onTime null done null released null",
        "2026-10-12-weekly-mirror#thank-li-in-the-team :27 kept keptLate due 2026-10-14 was 2026-10-14 moved 0 late 0 onTime false done 2026-10-19 released null",
        "2026-10-12-weekly-mirror#book-ana-onto-the-objection :31 kept keptOnTime due 2026-10-23 was 2026-10-23 moved 0 late 0 onTime true done 2026-10-23 released null",
        "2026-10-14-one-on-one-tom#get-ops-to-cut-the :19 released releasedLate due 2026-10-28 was 2026-10-28 moved 0 late 0 onTime null done null released 2026-10-30",
        "2026-10-14-one-on-one-tom#join-tom-s-brightline-call :20 kept keptOnTime due 2026-10-30 was 2026-10-30 moved 0 late 0 onTime true done 2026-10-30 released null",
        "2026-10-16#write-up-what-the-q3 :15 missed missed due 2026-10-23 was 2026-10-23 moved 0 late 0 onTime null done null released null",
        "2026-10-19-weekly-mirror#make-the-case-to-dana :22 released releasedLate due 2026-10-31 was 2026-10-31 moved 0 late 0 onTime null done null released 2026-11-09",
        "2026-10-19-weekly-mirror#spend-one-hour-every-friday :23 kept keptOnTime due null was null moved 0 late 0 onTime true done 2026-10-23 released null",
        "2026-10-21-one-on-one-li#introduce-li-to-marcus-on :19 released released due 2026-10-30 was 2026-10-30 moved 0 late 0 onTime null done null released 2026-10-29",
        "2026-10-21-one-on-one-li#draft-a-written-plan-for :21 kept keptOnTime due 2026-11-20 was 2026-11-06 moved 1 late 0 onTime true done 2026-11-18 released null",
        "2026-10-23-one-on-one-ana#make-sure-ana-gets-the :21 kept keptOnTime due 2026-10-26 was 2026-10-26 moved 0 late 0 onTime true done 2026-10-26 released null",
        "2026-10-26-weekly-mirror#tell-dana-the-kessler-slip :19 kept keptOnTime due 2026-10-28 was 2026-10-28 moved 0 late 0 onTime true done 2026-10-28 released null",
        "2026-10-26-weekly-mirror#clear-my-own-twelve-stale :27 open open due 2026-11-30 was 2026-10-31 moved 2 late 2 onTime null done null released null",
        "2026-10-28-call-prep-brightline#send-tom-my-notes-on :33 kept keptOnTime due 2026-10-29 was 2026-10-29 moved 0 late 0 onTime true done 2026-10-29 released null",
        "2026-10-28-call-prep-brightline#let-tom-lead-i-speak :34 kept keptUndated due null was null moved 0 late 0 onTime null done null released null",
        "2026-10-30#write-tom-a-proper-note :17 missed missed due 2026-11-03 was 2026-11-03 moved 0 late 0 onTime null done null released null",
        "2026-11-02-weekly-mirror#stop-taking-over-calls-when :25 stale stale due null was null moved 0 late 0 onTime null done null released null",
        "2026-11-02-weekly-mirror#run-the-q1-territory-planning :29 kept keptOnTime due 2026-11-16 was 2026-11-16 moved 0 late 0 onTime true done 2026-11-16 released null",
        "2026-11-04#send-li-the-harbor-renewal :14 kept keptOnTime due 2026-11-06 was 2026-11-06 moved 0 late 0 onTime true done 2026-11-06 released null",
        "2026-11-04#book-the-venue-for-the :15 missed missed due 2026-11-20 was 2026-11-13 moved 1 late 0 onTime null done null released null",
        "2026-11-05-one-on-one-maria#put-maria-s-mentoring-of :19 open open due 2026-12-03 was 2026-12-03 moved 0 late 0 onTime null done null released null",
        "2026-11-05-one-on-one-maria#ask-dana-for-a-team :20 released released due 2026-11-06 was 2026-11-06 moved 0 late 0 onTime null done null released null",
        "2026-11-11#get-tom-a-seat-on :12 kept keptLate due 2026-11-20 was 2026-11-20 moved 0 late 0 onTime false done 2026-11-23 released null",
        "2026-11-12-one-on-one-tom#review-tom-s-brightline-proposal :20 kept keptOnTime due 2026-11-17 was 2026-11-17 moved 0 late 0 onTime true done 2026-11-13 released null",
        "2026-11-18-one-on-one-li#get-li-shadowing-two-enterprise :19 open open due 2026-12-11 was 2026-12-11 moved 0 late 0 onTime null done null released null",
        "2026-11-19-one-on-one-ana#decide-with-ana-whether-she :19 open open due 2026-11-27 was 2026-11-27 moved 0 late 0 onTime null done null released null",
        "2026-11-23-weekly-mirror#write-each-rep-a-short :25 open open due 2026-12-04 was 2026-12-04 moved 0 late 0 onTime null done null released null",
    ]

    static func review() throws -> [String: Any] {
        // Reviewing must never touch the example: the same guard the fixture journals use.
        let snapshot = try FileSnapshot(of: example)
        let result = try JournalProcess.run(
            ["review", "--journal", example.path, "--as-of", "2026-11-27", "--format", "json"])
        try snapshot.assertUnchanged()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    func counts(_ object: [String: Any]?) -> [Int] { Self.countKeys.map { object?[$0] as? Int ?? -1 } }

    func rows(_ value: Any?, key: String) -> [(String, [Int])] {
        (value as? [[String: Any]] ?? []).map { ($0[key] as? String ?? "?", counts($0)) }
    }

    func text(_ value: Any?) -> String {
        switch value {
        case let string as String: return string
        case let number as NSNumber where String(cString: number.objCType) == "c":
            return number.boolValue ? "true" : "false"
        case let number as NSNumber: return number.stringValue
        case is NSNull, nil: return "null"
        default: return "?"
        }
    }

    func rate(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }

    @Test func totalsAndRates() throws {
        let root = try Self.review()
        #expect(root["asOf"] as? String == "2026-11-27")
        #expect(root["entries"] as? Int == 25)
        #expect(counts(root["totals"] as? [String: Any]) == Self.totals)
        // 21 / 29 and 16 / 28, rounded to four decimals in the JSON.
        #expect(rate(root["followThroughRate"]) == 0.7241)
        #expect(rate(root["onTimeRate"]) == 0.5714)
    }

    @Test func byPersonTagAndWeek() throws {
        let root = try Self.review()
        let people = rows(root["people"], key: "name")
        #expect(people.map(\.0) == Self.people.map(\.0))
        #expect(people.map(\.1) == Self.people.map(\.1))
        let tags = rows(root["tags"], key: "name")
        #expect(tags.map(\.0) == Self.tags.map(\.0))
        #expect(tags.map(\.1) == Self.tags.map(\.1))
        let periods = rows(root["periods"], key: "period")
        #expect(periods.map(\.0) == Self.periods.map(\.0))
        #expect(periods.map(\.1) == Self.periods.map(\.1))

        let tom = (root["people"] as? [[String: Any]])?.first { $0["name"] as? String == "tom" }
        #expect(rate(tom?["followThroughRate"]) == 0.75)  // 6 / 8: the late release counts against
        let trust = (root["tags"] as? [[String: Any]])?.first { $0["name"] as? String == "trust" }
        #expect(rate(trust?["followThroughRate"]) == 0)
        let lastWeek = (root["periods"] as? [[String: Any]])?.last
        #expect(rate(lastWeek?["followThroughRate"]) == 0.5)  // kept late 1 of 1 kept + 1 stale
    }

    /// The HTML review of the example at the Makefile's EXAMPLE_AS_OF, byte for byte. When a change
    /// is meant, look at the page (`make e2e-browser` screenshots) and then regenerate:
    /// `journal review --journal journal-example --as-of 2026-11-27 --format html > Tests/Fixtures/HTML/journal-example-2026-11-27.html`.
    @Test func htmlGolden() throws {
        let makefile = try String(contentsOf: Self.repository.appendingPathComponent("Makefile"), encoding: .utf8)
        let asOf = makefile.split(separator: "\n").first { $0.hasPrefix("EXAMPLE_AS_OF = ") }?.dropFirst(16) ?? ""
        #expect(asOf == "2026-11-27")
        let golden = Self.repository.appendingPathComponent("Tests/Fixtures/HTML/journal-example-\(asOf).html")
        let result = try JournalProcess.run(
            ["review", "--journal", Self.example.path, "--as-of", String(asOf), "--format", "html"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(result.stdout == expected)
        // A different link base changes only the links.
        let based = try JournalProcess.run(
            [
                "review", "--journal", Self.example.path, "--as-of", String(asOf), "--format", "html", "--link-base",
                "/srv/j",
            ])
        #expect(based.stdout == expected.replacingOccurrences(of: "href=\"entries/", with: "href=\"/srv/j/entries/"))
        let misuse = try JournalProcess.run(["review", "--journal", Self.example.path, "--link-base", "x"])
        #expect(misuse.status == 2)
        #expect(misuse.stderr.contains("--link-base only applies to --format html"))
    }

    /// The weeks, worked again from the commitment objects alone: each commitment's decided day
    /// from its own fields, then its ISO week, counted per outcome.
    @Test func decidedWeeksFollowFromTheCommitments() throws {
        let root = try Self.review()
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parse = DateFormatter()
        parse.dateFormat = "yyyy-MM-dd"
        parse.timeZone = calendar.timeZone
        parse.locale = Locale(identifier: "en_US_POSIX")
        func week(_ text: String) -> String {
            let date = parse.date(from: text) ?? Date()
            let number = calendar.component(.weekOfYear, from: date)
            return "\(calendar.component(.yearForWeekOfYear, from: date))-W\(number < 10 ? "0" : "")\(number)"
        }
        var byWeek: [String: [String: Int]] = [:]
        for commitment in root["commitments"] as? [[String: Any]] ?? [] {
            let made = commitment["made"] as? String ?? ""
            let touches = (commitment["followUps"] as? [[String: Any]] ?? []).compactMap { $0["date"] as? String }
            var decided: String
            switch commitment["status"] as? String {
            case "kept": decided = commitment["doneOn"] as? String ?? made
            case "missed": decided = commitment["due"] as? String ?? made
            case "released": decided = commitment["releasedOn"] as? String ?? made
            case "stale":
                let last = parse.date(from: (touches + [made]).max() ?? made) ?? Date()
                decided = parse.string(from: last.addingTimeInterval(14 * 86_400))
            default: decided = made
            }
            decided = max(decided, made)
            let outcome = commitment["outcome"] as? String ?? "?"
            byWeek[week(decided), default: [:]][outcome, default: 0] += 1
            byWeek[week(decided), default: [:]]["made", default: 0] += 1
        }
        for (name, expected) in Self.periods {
            let counts = byWeek[name] ?? [:]
            let kept = ["keptOnTime", "keptLate", "keptUndated"].map { counts[$0] ?? 0 }.reduce(0, +)
            let worked = [counts["made"] ?? 0, kept] + Self.countKeys.dropFirst(2).map { counts[$0] ?? 0 }
            #expect(worked == expected, "\(name)")
        }
    }

    @Test func theMirror() throws {
        let mirror = try Self.review()["mirror"] as? [String: Any]
        #expect(mirror?["lastMirrorEntry"] as? String == "2026-11-23")
        #expect(mirror?["daysSinceMirror"] as? Int == 4)
        let expectations = (mirror?["expectations"] as? [[String: Any]] ?? []).map { figure in
            (
                figure["tag"] as? String ?? "?",
                (["expectations", "ownCommitments"] + Self.countKeys.dropFirst()).map { figure[$0] as? Int ?? -1 }
            )
        }
        #expect(expectations.map(\.0) == Self.mirror.map(\.0))
        #expect(expectations.map(\.1) == Self.mirror.map(\.1))
        let rates = (mirror?["expectations"] as? [[String: Any]] ?? []).map { rate($0["followThroughRate"]) }
        #expect(rates == [0.3333, nil, 0.6667, 1, nil])
    }

    @Test func everyCommitment() throws {
        let commitments = try Self.review()["commitments"] as? [[String: Any]] ?? []
        let actual = commitments.map { c in
            "\(text(c["ref"])) :\(text(c["line"])) \(text(c["status"])) \(text(c["outcome"])) due \(text(c["due"]))"
                + " was \(text(c["originalDue"])) moved \(text(c["dueChanges"])) late \(text(c["lateRenegotiations"]))"
                + " onTime \(text(c["onTime"])) done \(text(c["doneOn"])) released \(text(c["releasedOn"]))"
        }
        #expect(actual.count == Self.commitments.count)
        for (got, want) in zip(actual, Self.commitments) { #expect(got == want) }
    }

    /// docs/REVIEW.md's excerpts of `make run` at 100 columns: every line of every excerpt (but the
    /// `…` that stands for cut rows) is a line of the real output, in the same order.
    @Test func reviewDocExcerptsAreTheRealOutput() throws {
        let result = try JournalProcess.run(
            ["review", "--journal", Self.example.path, "--as-of", "2026-11-27"], environment: ["COLUMNS": "100"])
        let output = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let doc = try String(
            contentsOf: Self.repository.appendingPathComponent("docs/REVIEW.md"), encoding: .utf8)
        // Plain fenced blocks (an opening "```" with no language), line by line.
        var blocks: [[String]] = []
        var current: [String]?
        var inOtherFence = false
        for line in doc.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                if let block = current {
                    blocks.append(block)
                    current = nil
                } else if inOtherFence {
                    inOtherFence = false
                } else if line == "```" {
                    current = []
                } else {
                    inOtherFence = true
                }
            } else {
                current?.append(line)
            }
        }
        var checked = 0
        for block in blocks where block.first.map({ output.contains($0) && !$0.isEmpty }) ?? false {
            var position = 0
            for line in block where line != "…" {
                guard let found = output[position...].firstIndex(of: line) else {
                    Issue.record("REVIEW.md excerpt line is not in the output: \(line)")
                    break
                }
                position = found + 1
            }
            checked += 1
        }
        #expect(checked >= 8)
    }

    /// §10: a markdown review saved into the journal under a dated name changes no figure.
    @Test func aSavedMarkdownReviewIsNotASourceOfCommitments() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("example-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.example, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        func figures() throws -> String {
            let result = try JournalProcess.run(
                ["review", "--journal", copy.path, "--as-of", "2026-11-27", "--format", "json"])
            let root = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
            let totals = (root["totals"] as? [String: Any] ?? [:]).sorted { $0.key < $1.key }
            return "\(totals.map { "\($0.key)=\(text($0.value))" }) \(text(root["followThroughRate"]))"
                + " \(text(root["onTimeRate"])) \((root["commitments"] as? [Any])?.count ?? -1)"
        }
        let before = try figures()
        let markdown = try JournalProcess.run(
            ["review", "--journal", copy.path, "--as-of", "2026-11-27", "--format", "markdown"])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.contains("#commit"))
        let saved = copy.appendingPathComponent("entries/2026/11/2026-11-27-review.md")
        try Data(markdown.stdout.utf8).write(to: saved)
        #expect(try figures() == before)
    }

    @Test func followUpsOfOneCommitment() throws {
        let commitments = try Self.review()["commitments"] as? [[String: Any]] ?? []
        let friday = commitments.first { $0["id"] as? String == "spend-one-hour-every-friday" }
        #expect(friday?["entry"] as? String == "entries/2026/10/2026-10-19-weekly-mirror.md")
        let followUps = friday?["followUps"] as? [[String: Any]] ?? []
        #expect(
            followUps.map { "\(text($0["entry"])):\(text($0["line"])) \(text($0["date"])) [\(text($0["mark"]))]" } == [
                "entries/2026/10/2026-10-23-one-on-one-ana.md:11 2026-10-23 [x]",
                "entries/2026/10/2026-10-30.md:13 2026-10-30 [x]",
                "entries/2026/11/2026-11-27.md:8 2026-11-27 [x]",
            ])
        let ana = commitments.first { $0["id"] as? String == "ask-dana-whether-maria-can" }
        #expect(ana?["people"] as? [String] == ["ana", "dana", "maria"])
        #expect(ana?["tags"] as? [String] == ["recognition"])
    }
}
