import Testing

@testable import JournalKit

/// Every built-in template rendered for the fixture journal on 2026-11-23, byte for byte.
/// When a template's wording changes on purpose, update the text here in the same commit.
@Suite struct TemplateGoldenTests {
    func render(_ name: String, person: String?) throws -> String {
        let path = NewEntry.path(config: Config(), date: TemplateFixture.date, template: name, person: person)
        return try TemplateFixture.renderer.render(
            TemplateFixture.builtIn(name), TemplateRequest(date: TemplateFixture.date, entryPath: path, person: person))
    }

    @Test func weeklyMirror() throws {
        let expected = #"""
            ---
            template: weekly-mirror
            title: "Weekly mirror, week 48"
            date: 2026-11-23
            ---

            # Weekly mirror, week 48

            Hold yourself to the bar you set for the team. Answer plainly; nobody else reads this.

            It has been 7 days since your last mirror.

            ## Personal example

            What did I ask of the team this week that I did not do myself? Think of the CRM, the sales
            process, planning calls before making them, and reading the reports I ask them to send.

            ## Accountability

            What did I do to help each person succeed? Coaching, developing them, dealing with
            performance problems, getting them resources, promoting them, protecting them.

            ## Trust

            What did I do this week to earn their trust?

            ## Credit and blame

            When we missed, did I share the responsibility? When we won, did I credit them in public?

            ## Alignment

            Do my own behaviour and values match what I expect of them: teamwork, integrity, keeping my
            commitments?

            ## My own bar

            Is the standard I hold myself to higher than the one I hold them to?

            ## Follow-through

            What became of each of these? Overdue: 2.
            Mark each `[x]` and the day you did it, like `done Friday`; `[-]` released and why; `[>]` with
            the new date, like `moved to Dec 20`. Write what happened after the link; a line left as `[ ]`
            with nothing after its link records nothing.

            - [ ] Call @ana about the Q4 pipeline by Nov 20 #pipeline (due Fri 20 Nov, 3 days overdue) [2026-11-16](2026-11-16-weekly-mirror.md#call-ana-about-the-q4)
            - [ ] Review @li's territory plan with her #commit (no due date, quiet for 34 days) [2026-10-20](../10/2026-10-20.md#review-li-s-territory-plan)
            - [ ] Get @ana a seat on the negotiation course by Dec 4 #commit #coaching (due Fri 4 Dec) [2026-11-19](2026-11-19-one-on-one-ana.md#get-ana-a-seat-on)
            - [ ] Log my own calls in the CRM the same day #crm (no due date) [2026-11-16](2026-11-16-weekly-mirror.md#log-my-own-calls-in)

            ## Commitments

            What I will do next week, for whom, and by when.

            <!-- - [ ] Ride along with @name on a discovery call by Thursday -->

            ## Expectations

            What I expect of the team, written down so I can hold myself to the same.

            <!-- - Every call planned in writing before it happens #expect -->

            """#
        #expect(try render("weekly-mirror", person: nil) == expected)
    }

    @Test func daily() throws {
        let expected = #"""
            ---
            template: daily
            title: "Monday 2026-11-23"
            date: 2026-11-23
            ---

            # Monday 2026-11-23

            ## The example I set today

            What did the team see me do today that I would want them to copy?

            ## One thing I did for my people

            Who did I help today, and how: a coaching moment, a blocker removed, credit given?

            ## Follow-through

            Overdue, or due within a week. Mark `[x]` done, `[-]` released or `[>]` with the new date, and
            write what happened after the link; a line left as `[ ]` with nothing after its link records
            nothing.

            - [ ] Call @ana about the Q4 pipeline by Nov 20 #pipeline (due Fri 20 Nov, 3 days overdue) [2026-11-16](2026-11-16-weekly-mirror.md#call-ana-about-the-q4)
            - [ ] Review @li's territory plan with her #commit (no due date, quiet for 34 days) [2026-10-20](../10/2026-10-20.md#review-li-s-territory-plan)

            ## Commitments

            <!-- - [ ] What I will do, for whom, by when -->

            """#
        #expect(try render("daily", person: nil) == expected)
    }

    @Test func oneOnOne() throws {
        let expected = #"""
            ---
            template: one-on-one
            title: "1:1 with ana"
            date: 2026-11-23
            people: [ana]
            ---

            # 1:1 with ana

            ## Their goals and obstacles

            What are they trying to achieve, and what is in the way?

            ## Coaching notes

            What did I see them do well, and what one thing will we work on?

            ## What they need from me

            Resources, a decision, air cover, an introduction: what would make the difference?

            ## Commitments

            My commitments to @ana, each with a date I will keep.

            <!-- - [ ] Get @ana a seat on the negotiation course by Dec 4 -->

            ## Follow-through

            What became of what I promised @ana before? Mark each `[x]` and the day you did it, like
            `done Friday`; `[-]` released and why; `[>]` with the new date, like `moved to Dec 20`. Write
            what happened after the link; a line left as `[ ]` with nothing after its link records nothing.

            - [ ] Call @ana about the Q4 pipeline by Nov 20 #pipeline (due Fri 20 Nov, 3 days overdue) [2026-11-16](2026-11-16-weekly-mirror.md#call-ana-about-the-q4)
            - [ ] Get @ana a seat on the negotiation course by Dec 4 #commit #coaching (due Fri 4 Dec) [2026-11-19](2026-11-19-one-on-one-ana.md#get-ana-a-seat-on)

            """#
        #expect(try render("one-on-one", person: "ana") == expected)
    }

    @Test func callPrep() throws {
        let expected = #"""
            ---
            template: call-prep
            title: "Call prep: brightline"
            date: 2026-11-23
            ---

            # Call prep: brightline

            Plan the call before making it, as I ask the team to.

            ## Objective

            What must be true when the call ends for it to have been worth their time and mine?

            ## What the customer cares about

            Their priorities, pressures and the words they use for them.

            ## Questions to ask

            Open questions first: what has changed for them, what happens if they do nothing, who else
            decides, and what would stop them.

            ## The next step to ask for

            The specific, dated commitment I will ask them for.

            ## Commitments

            The follow-up I owe after the call, with a date.

            <!-- - [ ] Send brightline the summary and the proposed next step by Friday -->

            """#
        #expect(try render("call-prep", person: "brightline") == expected)
    }

    /// Without `--with` the one-on-one lists everything still owed, as `followups` does.
    @Test func oneOnOneWithoutAPerson() throws {
        let expected = #"""
            ## Follow-through

            What became of what I promised before? Mark each `[x]` and the day you did it, like
            `done Friday`; `[-]` released and why; `[>]` with the new date, like `moved to Dec 20`. Write
            what happened after the link; a line left as `[ ]` with nothing after its link records nothing.

            - [ ] Call @ana about the Q4 pipeline by Nov 20 #pipeline (due Fri 20 Nov, 3 days overdue) [2026-11-16](2026-11-16-weekly-mirror.md#call-ana-about-the-q4)
            - [ ] Review @li's territory plan with her #commit (no due date, quiet for 34 days) [2026-10-20](../10/2026-10-20.md#review-li-s-territory-plan)
            - [ ] Get @ana a seat on the negotiation course by Dec 4 #commit #coaching (due Fri 4 Dec) [2026-11-19](2026-11-19-one-on-one-ana.md#get-ana-a-seat-on)
            - [ ] Log my own calls in the CRM the same day #crm (no due date) [2026-11-16](2026-11-16-weekly-mirror.md#log-my-own-calls-in)

            """#
        let text = try render("one-on-one", person: nil)
        #expect(text.hasSuffix(expected))
    }

    /// With a person owed nothing open, and for a daily with nothing due, a line says so.
    @Test func emptyFollowThroughSaysSo() throws {
        #expect(
            try render("one-on-one", person: "tom").hasSuffix(
                "## Follow-through\n\nNothing open for @tom from earlier entries.\n"))
        let renderer = TemplateRenderer(entries: [], config: Config(), journalName: "j")
        let path = NewEntry.path(config: Config(), date: TemplateFixture.date, template: "daily", person: nil)
        let daily = try renderer.render(
            TemplateFixture.builtIn("daily"), TemplateRequest(date: TemplateFixture.date, entryPath: path))
        #expect(daily.contains("## Follow-through\n\nNothing overdue or due within a week.\n\n## Commitments\n"))
        let mirror = try renderer.render(
            TemplateFixture.builtIn("weekly-mirror"), TemplateRequest(date: TemplateFixture.date, entryPath: path))
        #expect(mirror.contains("## Follow-through\n\nNothing open from earlier entries.\n\n## Commitments\n"))
    }

    @Test func sameJournalAndDateGiveTheSameBytes() throws {
        for name in BuiltInTemplates.names {
            #expect(try render(name, person: "ana") == render(name, person: "ana"))
        }
    }

    @Test func everyBuiltInIsGoldenTested() {
        #expect(BuiltInTemplates.names == ["call-prep", "daily", "one-on-one", "weekly-mirror"])
    }
}
