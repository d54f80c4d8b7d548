import Testing

@testable import JournalKit

@Suite struct TemplateRendererTests {
    let entryPath = "entries/2026/11/2026-11-23-weekly-mirror.md"

    func template(_ text: String, path: String = "templates/t.md") -> PromptTemplate {
        PromptTemplate(name: "t", source: .journal, path: path, text: text)
    }

    func render(_ text: String, person: String? = nil, title: String? = nil) throws -> String {
        try TemplateFixture.renderer.render(
            template(text),
            TemplateRequest(date: TemplateFixture.date, entryPath: entryPath, title: title, person: person))
    }

    @Test func variables() throws {
        let text = "{{date}} {{weekday}} w{{isoWeek}} {{journalName}} {{person}} {{daysSinceMirror}} {{overdueCount}}"
        #expect(try render(text, person: "ana") == "2026-11-23 Monday w48 northeast ana 7 2")
    }

    @Test func noMirrorYetLeavesDaysSinceMirrorOut() throws {
        let renderer = TemplateRenderer(entries: [], config: Config(), journalName: "j")
        let text = try renderer.render(
            template("{{#daysSinceMirror}}seen{{/daysSinceMirror}}{{^daysSinceMirror}}never{{/daysSinceMirror}}"),
            TemplateRequest(date: TemplateFixture.date, entryPath: entryPath))
        #expect(text == "never")
    }

    @Test func followupsAreOverdueFirstThenByDueDate() {
        let followups = TemplateFixture.renderer.followups(
            for: TemplateRequest(date: TemplateFixture.date, entryPath: entryPath))
        #expect(
            followups.map(\.ref) == [
                "2026-11-16-weekly-mirror#call-ana-about-the-q4", "2026-10-20#review-li-s-territory-plan",
                "2026-11-19-one-on-one-ana#get-ana-a-seat-on", "2026-11-16-weekly-mirror#log-my-own-calls-in",
            ])
        #expect(followups.map(\.overdue) == [true, true, false, false])
        #expect(followups.map(\.daysOverdue) == [3, 0, 0, 0])
        #expect(followups.map(\.status) == [.missed, .stale, .open, .open])
    }

    @Test func keptCommitmentsAreNotFollowedUp() {
        let followups = TemplateFixture.renderer.followups(
            for: TemplateRequest(date: TemplateFixture.date, entryPath: entryPath))
        #expect(!followups.contains { $0.text.contains("pricing sheet") })
    }

    @Test func withAPersonTheirCommitmentsComeFirst() {
        let followups = TemplateFixture.renderer.followups(
            for: TemplateRequest(date: TemplateFixture.date, entryPath: entryPath, person: "li"))
        #expect(followups.first?.ref == "2026-10-20#review-li-s-territory-plan")
        #expect(followups.map(\.mentionsPerson) == [true, false, false, false])
    }

    // MARK: personFollowups and dueFollowups

    @Test func personFollowupsAreOnlyTheCommitmentsForThatPerson() {
        let renderer = TemplateFixture.renderer
        let ana = TemplateRequest(date: TemplateFixture.date, entryPath: entryPath, person: "ana")
        #expect(
            renderer.personFollowups(for: ana).map(\.ref) == [
                "2026-11-16-weekly-mirror#call-ana-about-the-q4", "2026-11-19-one-on-one-ana#get-ana-a-seat-on",
            ])
        let li = TemplateRequest(date: TemplateFixture.date, entryPath: entryPath, person: "li")
        #expect(renderer.personFollowups(for: li).map(\.ref) == ["2026-10-20#review-li-s-territory-plan"])
        // followups keeps every commitment, the person's first.
        #expect(renderer.followups(for: li).count == 4)
    }

    /// Negative twins: no person, or a person with nothing open (Tom's one commitment is kept).
    @Test func personFollowupsAreEmptyWithoutAPersonOrForOneOwedNothing() throws {
        let renderer = TemplateFixture.renderer
        #expect(
            renderer.personFollowups(for: TemplateRequest(date: TemplateFixture.date, entryPath: entryPath)).isEmpty)
        let tom = TemplateRequest(date: TemplateFixture.date, entryPath: entryPath, person: "tom")
        #expect(renderer.personFollowups(for: tom).isEmpty)
        let text =
            "{{#hasPersonFollowups}}some{{/hasPersonFollowups}}{{^hasPersonFollowups}}none{{/hasPersonFollowups}}"
        #expect(try render(text, person: "tom") == "none")
        #expect(try render(text) == "none")
        #expect(try render(text, person: "li") == "some")
        #expect(
            try render("{{#personFollowups}}{{ref}} {{/personFollowups}}", person: "li")
                == "2026-10-20#review-li-s-territory-plan ")
    }

    @Test func dueFollowupsAreMissedStaleOrDueWithinAWeek() {
        let due = TemplateFixture.renderer.dueFollowups(
            for: TemplateRequest(date: TemplateFixture.date, entryPath: entryPath))
        // The open one due Dec 4 (11 days on) and the open one without a date are left out.
        #expect(
            due.map(\.ref) == [
                "2026-11-16-weekly-mirror#call-ana-about-the-q4", "2026-10-20#review-li-s-territory-plan",
            ])
        #expect(due.map(\.status) == [.missed, .stale])
    }

    /// The week is inclusive: due on the entry's date or seven days after is in, eight days after is out.
    @Test func dueFollowupsLookSevenDaysAheadInclusive() throws {
        let source = """
            ## Commitments

            - [ ] Due on the day by Nov 23
            - [ ] Due at the edge by Nov 30
            - [ ] Due a day past the edge by Dec 1
            - [ ] Open with no date at all
            """
        let made = try #require(parseEntry(source, stem: "2026-11-20", path: "entries/2026/11/2026-11-20.md").entry)
        let renderer = TemplateRenderer(entries: [made], config: Config(), journalName: "j")
        let request = TemplateRequest(date: day("2026-11-23"), entryPath: "entries/2026/11/2026-11-23.md")
        #expect(renderer.dueFollowups(for: request).map(\.due) == [day("2026-11-23"), day("2026-11-30")])
        #expect(renderer.followups(for: request).count == 4)
        let text = "{{#dueFollowups}}{{due}} {{/dueFollowups}}{{^hasDueFollowups}}nothing due{{/hasDueFollowups}}"
        #expect(try renderer.render(template(text), request) == "2026-11-23 2026-11-30 ")
        let earlier = TemplateRequest(date: day("2026-11-21"), entryPath: "entries/2026/11/2026-11-21.md")
        #expect(try renderer.render(template(text), earlier) == "2026-11-23 ")
        let none = TemplateRenderer(entries: [], config: Config(), journalName: "j")
        #expect(try none.render(template(text), request) == "nothing due")
    }

    /// `followups` keeps its meaning, so a journal's copy of an older built-in still renders.
    @Test func followupsStillListEverythingOwed() throws {
        let old = "{{#followups}}- [ ] {{text}} ({{summary}}) {{link}}\n{{/followups}}"
        #expect(try render(old, person: "ana").split(separator: "\n").count == 4)
    }

    @Test func commitmentsMadeOnTheDayItselfAreLeftOut() {
        let followups = TemplateFixture.renderer.followups(
            for: TemplateRequest(date: day("2026-11-19"), entryPath: entryPath))
        #expect(!followups.contains { $0.ref.hasPrefix("2026-11-19") })
        #expect(followups.count == 3)
    }

    @Test func theRenderedLineIsTheIssuesFormat() {
        let followup = TemplateFixture.renderer.followups(
            for: TemplateRequest(date: TemplateFixture.date, entryPath: entryPath))[0]
        #expect(
            followup.line
                == "- [ ] Call @ana about the Q4 pipeline by Nov 20 #pipeline (due Fri 20 Nov, 3 days overdue) "
                + "[2026-11-16](2026-11-16-weekly-mirror.md#call-ana-about-the-q4)")
    }

    @Test func linksAreRelativeToTheNewEntrysFolder() {
        #expect(TemplateRenderer.relativeLink(from: "entries/2026/12", to: "entries/2026/11/a.md") == "../11/a.md")
        #expect(
            TemplateRenderer.relativeLink(from: "entries/2027/01", to: "entries/2026/11/a.md") == "../../2026/11/a.md")
        #expect(TemplateRenderer.relativeLink(from: "entries/2026/11", to: "entries/2026/11/a.md") == "a.md")
        #expect(TemplateRenderer.relativeLink(from: ".", to: "old/a b(1).md") == "old/a%20b%281%29.md")
    }

    /// Whatever the commitment says and wherever it lives, the prefilled line must read back as
    /// a follow-up to exactly that commitment.
    @Test(arguments: [
        ("entries/2026/11/2026-11-16.md", "Call @ana about the Q4 pipeline by Friday #commit"),
        ("old notes/2026-11-16 (copy).md", "Send the deck [draft] to @li #commit"),
        ("entries/2026/11/2026-11-16.md", "Fix `a](b.md#c)` in <b>the</b> report #commit"),
        ("entries/2026/11/2026-11-16.md", "Thank @josé for the Ünïcode work #commit"),
        ("entries/2026/11/2026-11-16.md", "Update [[Kessler account]] notes with Tom #commit"),
        ("entries/2026/11/2026-11-16.md", "Back\\slash and *stars* and _under_ #commit"),
        ("entries/2026/11/2026-11-16.md", "Ask about it ^my-id"),
    ])
    func renderedFollowupLinesParseAsFollowups(_ path: String, _ item: String) throws {
        let stem = String(path.split(separator: "/").last?.dropLast(3) ?? "")
        let source = "## Commitments\n\n- [ ] \(item)\n"
        let made = try #require(parseEntry(source, stem: stem, path: path).entry)
        let commitment = try #require(made.commitments.first)
        let renderer = TemplateRenderer(entries: [made], config: Config(), journalName: "j")
        let newPath = "entries/2026/12/2026-12-01.md"
        let followups = renderer.followups(for: TemplateRequest(date: day("2026-12-01"), entryPath: newPath))
        let line = try #require(followups.first?.line)
        let parsed = parseEntry(line + "\n", stem: "2026-12-01", path: newPath)
        #expect(parsed.followUps.map(\.target) == [commitment.reference], "\(line)")
        #expect(parsed.followUps.first?.box == .open)
        #expect(parsed.commitments.isEmpty)
    }

    /// A wiki link quoted from the commitment must not make the prefilled line a follow-up to
    /// its target as well: it is written as plain text.
    @Test func quotedWikiLinksAreNotFollowedUp() throws {
        let source = "- Prep the [[2026-11-01#call-ana|Ana call]] and [[Kessler]] notes #commit\n"
        let made = try #require(parseEntry(source, stem: "2026-11-16", path: "entries/2026-11-16.md").entry)
        let commitment = try #require(made.commitments.first)
        let renderer = TemplateRenderer(entries: [made], config: Config(), journalName: "j")
        let request = TemplateRequest(date: day("2026-12-01"), entryPath: "entries/2026-12-01.md")
        let line = try #require(renderer.followups(for: request).first?.line)
        #expect(line.hasPrefix("- [ ] Prep the Ana call and Kessler notes #commit"))
        let parsed = parseEntry(line + "\n", stem: "2026-12-01", path: "entries/2026-12-01.md")
        #expect(parsed.followUps.map(\.target) == [commitment.reference])
    }

    @Test func titleOptionReplacesTheTemplatesTitle() throws {
        let text = "---\ntitle: \"Week {{isoWeek}}\"\n---\n# {{title}}\n"
        #expect(try render(text) == "---\ntitle: \"Week 48\"\n---\n# Week 48\n")
        #expect(try render(text, title: "Say \"no\"") == "---\ntitle: \"Say \\\"no\\\"\"\n---\n# Say \"no\"\n")
    }

    @Test func noHTMLEscaping() throws {
        #expect(try render("{{title}}", title: "Q&A <prep>") == "Q&A <prep>")
    }

    @Test func mustacheErrorsNameFileLineAndProblem() throws {
        let text = "---\ntitle: x\n---\n\nline five {{#followups}}\n"
        #expect(
            throws: TemplateError.syntax(path: "templates/t.md", line: 6, column: 1, problem: "section is never closed")
        ) {
            try render(text)
        }
        do {
            _ = try render("ok\n{{/nope}}\n")
            Issue.record("expected an error")
        } catch {
            guard case TemplateError.syntax(let path, let line, _, _)? = error as? TemplateError else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(path == "templates/t.md")
            #expect(line == 2)
        }
    }

    @Test func aWellFormedTemplateHasNoError() throws {
        try TemplateRenderer.validate(template("{{#followups}}{{text}}{{/followups}}"))
    }
}
