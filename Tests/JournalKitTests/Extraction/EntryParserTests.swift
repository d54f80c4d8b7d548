import Testing

@testable import JournalKit

@Suite struct EntryParserTests {
    func parse(_ text: String, config: Config = Config()) -> EntryParser.Result {
        parseEntry(text, stem: "2026-11-20", path: "e.md", config: config)
    }

    func ids(_ text: String, config: Config = Config()) -> [String] {
        parse(text, config: config).commitments.map(\.id)
    }

    static let allTasks: Config = {
        var config = Config()
        config.commitments = .allTasks
        return config
    }()

    @Test func taggedItemIsACommitment() {
        let result = parse("- [ ] Recognise @maria's renewal win at the all-hands by Friday #recognition #commit\n")
        let commitment = result.entry?.commitments.first
        #expect(commitment?.id == "recognise-maria-s-renewal-win")
        #expect(commitment?.reference.description == "2026-11-20#recognise-maria-s-renewal-win")
        #expect(commitment?.people == ["maria"])
        #expect(commitment?.tags == ["recognition"])
        #expect(commitment?.due == day("2026-11-27"))
        #expect(commitment?.made == day("2026-11-20"))
        #expect(commitment?.path == "e.md")
        #expect(commitment?.text == "Recognise @maria's renewal win at the all-hands by Friday #recognition #commit")
        #expect(commitment?.location == SourceLocation(line: 1, column: 3))
        #expect(result.diagnostics.isEmpty)
    }

    @Test func untaggedItemIsNotACommitment() {
        #expect(parse("- [ ] Recognise @maria at the all-hands\n").entry?.commitments.isEmpty == true)
    }

    @Test func taggedItemWithoutABoxIsOpen() {
        let commitment = parse("- Call Ana #commit\n").commitments.first
        #expect(commitment?.box == .open)
        #expect(commitment?.text == "Call Ana #commit")
    }

    @Test(arguments: [
        ("[ ]", Box.open), ("[x]", .done), ("[X]", .done), ("[-]", .released), ("[>]", .carried),
        ("[/]", .inProgress),
    ])
    func commitmentKeepsItsBox(_ mark: String, _ box: Box) {
        #expect(parse("- \(mark) Call Ana #commit\n").commitments.map(\.box) == [box])
    }

    @Test func taggedParagraphOutsideAListIsNotACommitment() {
        #expect(parse("Call Ana #commit\n").commitments.isEmpty)
    }

    @Test func configuredTagReplacesCommit() {
        var config = Config()
        config.commitmentTag = "promise"
        #expect(ids("- Call Ana #promise\n", config: config) == ["call-ana-promise"])
        #expect(ids("- Call Ana #commit\n", config: config).isEmpty)
        #expect(parse("- Call Ana #promise #crm\n", config: config).commitments.first?.tags == ["crm"])
    }

    // MARK: Where #commit does not count

    @Test func commitInFencedCodeBlock() {
        #expect(ids("```\n- [ ] Call Ana #commit\n```\n").isEmpty)
        #expect(ids("~~~markdown\n- [ ] Call Ana #commit\n~~~\n").isEmpty)
        #expect(ids("```\n```\n- [ ] Call Ana #commit\n") == ["call-ana-commit"])
    }

    @Test func commitInIndentedCodeBlock() {
        #expect(ids("Some text.\n\n    - [ ] Call Ana #commit\n").isEmpty)
        #expect(ids("Some text.\n\n- [ ] Call Ana #commit\n") == ["call-ana-commit"])
    }

    @Test func commitInInlineCode() {
        #expect(ids("- [ ] Explain the `#commit` tag\n").isEmpty)
        #expect(ids("- [ ] Explain the #commit tag\n") == ["explain-the-commit-tag"])
    }

    @Test func commitInABlockQuote() {
        #expect(ids("> - [ ] Call Ana #commit\n").isEmpty)
        #expect(ids("> Quoted\n>\n> - [ ] Call Ana #commit\n").isEmpty)
        #expect(ids("- > Call Ana #commit\n").isEmpty)
        #expect(ids("> Quoted\n\n- [ ] Call Ana #commit\n") == ["call-ana-commit"])
    }

    @Test func commitInAHeading() {
        #expect(ids("## Call Ana #commit\n\nSome text.\n").isEmpty)
        #expect(ids("- ## Call Ana #commit\n").isEmpty)
        #expect(ids("## Call Ana #commit\n\n- [ ] Call Ana\n").isEmpty)
        #expect(ids("## Call Ana\n\n- [ ] Call Ana #commit\n") == ["call-ana-commit"])
    }

    @Test func commitInALinkURL() {
        #expect(ids("- [ ] Read [the notes](notes.md#commit)\n").isEmpty)
        #expect(ids("- [ ] Read [the notes](<https://example.com/a #commit>)\n").isEmpty)
        #expect(ids("- [ ] Read [the notes](notes.md) #commit\n") == ["read-the-notes-commit"])
    }

    @Test func commitInAnAutolink() {
        #expect(ids("- [ ] Read <https://example.com/#commit>\n").isEmpty)
        #expect(ids("- [ ] Read <https://example.com/> #commit\n") == ["read-https-example-com-commit"])
    }

    @Test func commitInAnHTMLBlock() {
        #expect(ids("<div>\n- [ ] Call Ana #commit\n</div>\n").isEmpty)
        #expect(ids("<div>\n</div>\n\n- [ ] Call Ana #commit\n") == ["call-ana-commit"])
    }

    @Test func commitInALaterParagraphOfTheItem() {
        #expect(ids("- [ ] Call Ana\n\n  Why: #commit\n").isEmpty)
        #expect(ids("- [ ] Call Ana\n  #commit\n") == ["call-ana-commit"])
    }

    // MARK: Nesting and list kinds

    @Test func nestedSubItemsAreJudgedOnTheirOwn() {
        let text = """
            - [ ] Prepare the QBR deck #commit
              - pull the pipeline numbers
              - [ ] ask @ana for the churn list
              - [ ] book the room #commit
                - plain note
                - [x] confirm catering #commit
            - Plain parent
              - [ ] Nested commitment #commit

            """
        let commitments = parse(text).commitments
        #expect(
            commitments.map(\.id) == [
                "prepare-the-qbr-deck-commit", "book-the-room-commit", "confirm-catering-commit",
                "nested-commitment-commit",
            ])
        #expect(commitments.map(\.location.line) == [1, 4, 6, 8])
        #expect(commitments.map(\.location.column) == [3, 5, 7, 5])
        #expect(commitments.map(\.box) == [.open, .open, .done, .open])
    }

    @Test func orderedListItemsCount() {
        let commitments = parse("1. [ ] Call Ana #commit\n2) [x] Call Bo #commit\n3. Call Cy\n").commitments
        #expect(commitments.map(\.id) == ["call-ana-commit", "call-bo-commit"])
        #expect(
            commitments.map(\.location) == [SourceLocation(line: 1, column: 4), SourceLocation(line: 2, column: 4)])
    }

    @Test func looseListItemsCount() {
        #expect(ids("- [ ] Call Ana #commit\n\n- [ ] Call Bo #commit\n") == ["call-ana-commit", "call-bo-commit"])
    }

    // MARK: Line endings and front matter

    static let lines = [
        "---", "title: Friday", "tags: [sales]", "---", "# Notes", "", "- [ ] Call Ana by Friday #commit",
        "  - note", "- [x] Call Bo ✅ 2026-11-21 #commit", "", "```", "- [ ] Not me #commit", "```",
        "- [ ] Thank @cy by Monday #commit",
    ]

    @Test(arguments: ["\n", "\r\n", "\r"])
    func lineEndingsGiveTheSameResults(_ ending: String) {
        let reference = parse(Self.lines.joined(separator: "\n") + "\n")
        let result = parse(Self.lines.joined(separator: ending) + ending)
        #expect(result.commitments == reference.commitments)
        #expect(result.diagnostics == reference.diagnostics)
        #expect(result.entry?.title == "Friday")
        #expect(result.entry?.tags == ["sales"])
        #expect(result.commitments.map(\.location.line) == [7, 9, 14])
        #expect(
            result.commitments.map(\.text) == [
                "Call Ana by Friday #commit", "Call Bo #commit", "Thank @cy by Monday #commit",
            ])
        #expect(result.commitments.map(\.due) == [day("2026-11-27"), nil, day("2026-11-23")])
        #expect(result.commitments[1].doneOn == day("2026-11-21"))
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func lineEndingsKeepDiagnosticLines(_ ending: String) {
        let text = [
            "---", "date: 2026-11-19", "---", "", "- [ ] Call Ana due:2026-02-30 #commit",
            "- [ ] Call Bo by 12/4 #commit",
        ]
        let result = parse(text.joined(separator: ending) + ending)
        #expect(
            result.problems == [
                "2:-: warning: front matter date '2026-11-19' disagrees with the file name's 2026-11-20; the file name wins",
                "5:3: error: impossible date '2026-02-30'",
                "6:15: warning: ambiguous date '12/4'; write it as YYYY-MM-DD or 'by Dec 4'",
            ])
    }

    @Test func frontMatterShiftsBodyLines() {
        let text = "---\ntemplate: daily\ntitle: \"A day\"\npeople: [\"@Ana\", bo]\n---\n\n- [ ] Call Ana #commit\n"
        let result = parse(text)
        #expect(result.commitments.first?.location == SourceLocation(line: 7, column: 3))
        #expect(result.entry?.template == "daily")
        #expect(result.entry?.title == "A day")
        #expect(result.entry?.people == ["ana", "bo"])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func withoutFrontMatterLinesAreUnshifted() {
        #expect(parse("\n\n- [ ] Call Ana #commit\n").commitments.first?.location == SourceLocation(line: 3, column: 3))
    }

    @Test func byteOrderMarkIsNotContent() {
        let result = parseEntry(bytes: [0xEF, 0xBB, 0xBF] + Array("---\ntitle: T\n---\n- [ ] Call Ana #commit\n".utf8))
        #expect(result.entry?.title == "T")
        #expect(result.commitments.first?.location == SourceLocation(line: 4, column: 3))
    }

    @Test func frontMatterDateThatAgreesIsQuiet() {
        #expect(parse("---\ndate: 2026-11-20\n---\n").diagnostics.isEmpty)
        #expect(parse("---\ndate: 2026-11-20T09:00\n---\n").diagnostics.isEmpty)
    }

    @Test func frontMatterThatIsNotYAMLIsAWarningAtItsLine() {
        let result = parse("---\ntitle: ok\ntags: [a, b\n---\n- [ ] Call Ana #commit\n")
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.severity == .warning)
        #expect(result.diagnostics.first?.message.hasPrefix("front matter is not valid YAML") == true)
        #expect((3...4).contains(result.diagnostics.first?.line ?? 0))
        #expect(result.commitments.first?.location.line == 5)
    }

    @Test func unclosedFrontMatterIsReadAsText() {
        let result = parse("---\ntitle: x\n- [ ] Call Ana #commit\n")
        #expect(result.problems == ["1:1: warning: front matter is never closed with '---'; read as text"])
        #expect(result.commitments.first?.location.line == 3)
    }

    @Test func thematicBreakLaterIsNotFrontMatter() {
        let result = parse("# Day\n---\ntitle: x\n---\n- [ ] Call Ana #commit\n")
        #expect(result.entry?.title == nil)
        #expect(result.diagnostics.isEmpty)
        #expect(result.commitments.first?.location.line == 5)
    }

    // MARK: Ids

    @Test func slugCollisionsGetNumbered() {
        let text = "- [ ] Call Ana #commit\n- [ ] Call Ana #commit\n- [x] call ana! #commit\n"
        #expect(ids(text) == ["call-ana-commit", "call-ana-commit-2", "call-ana-commit-3"])
    }

    @Test func slugUsesTheFirstFiveWordsOnly() {
        let text = "- [ ] One two three four five six #commit\n- [ ] One two three four five seven #commit\n"
        #expect(ids(text) == ["one-two-three-four-five", "one-two-three-four-five-2"])
    }

    @Test func explicitIdsComeFirst() {
        let text = "- [ ] Call Ana #commit ^call-ana\n- [ ] Email Bo 🆔 bo1 #commit\n- [ ] Plain #commit\n"
        #expect(ids(text) == ["call-ana", "bo1", "plain-commit"])
    }

    @Test func explicitIdReservesItsSlugForEarlierItems() {
        let text = "- [ ] Call Ana #commit\n- [ ] Something else #commit ^call-ana-commit\n"
        #expect(ids(text) == ["call-ana-commit-2", "call-ana-commit"])
        #expect(parse(text).diagnostics.isEmpty)
    }

    @Test func duplicateExplicitIdIsAnError() {
        let text = "- [ ] Call Ana #commit ^call\n- [ ] Call Bo #commit\n- [ ] Call Cy #commit 🆔 call\n"
        let result = parse(text)
        #expect(result.problems == ["3:3: error: duplicate id 'call' in this entry"])
        #expect(result.commitments.map(\.id) == ["call", "call-bo-commit", "call"])
    }

    @Test func distinctExplicitIdsAreQuiet() {
        #expect(parse("- [ ] A #commit ^a\n- [ ] B #commit ^b\n").diagnostics.isEmpty)
    }

    /// An item with no letter or digit outside tags, mentions and fields promises nothing: a
    /// template's `- [ ] ` is no commitment (issue 11), so no slug is ever `item` any more.
    @Test func placeholdersAreNotCommitments() {
        let text = "## Commitments\n- [ ] 🎉\n- [ ] —\n- [ ] \n- [ ] #commit @ana 📅 2026-12-01\n- [ ] ✅ Attitude\n"
        #expect(ids(text) == ["attitude"])
    }

    // MARK: Dates on commitments

    @Test func dueFieldsWinOverPhrases() {
        let text = """
            - [ ] A by Friday due:2026-12-01 #commit
            - [ ] B by Friday 📅 2026-12-02 #commit
            - [ ] C by Friday [due:: 2026-12-03] #commit
            - [ ] D by Friday #commit
            - [ ] E in 2 weeks, or by Friday #commit
            - [ ] F #commit

            """
        #expect(
            parse(text).commitments.map(\.due) == [
                day("2026-12-01"), day("2026-12-02"), day("2026-12-03"), day("2026-11-27"), day("2026-12-04"), nil,
            ])
    }

    @Test func doneAndCancelledDates() {
        let text = "- [x] A ✅ 2026-11-21 #commit\n- [x] B done:2026-11-22 #commit\n- [-] C ❌ 2026-11-23 #commit\n"
        let commitments = parse(text).commitments
        #expect(commitments.map(\.doneOn) == [day("2026-11-21"), day("2026-11-22"), nil])
        #expect(commitments.map(\.cancelledOn) == [nil, nil, day("2026-11-23")])
        #expect(commitments.map(\.text) == ["A #commit", "B #commit", "C #commit"])
    }

    @Test func ambiguousDateWarnsAndGivesNoDueDate() {
        let result = parse("- [ ] Call Ana by 12/4 #commit\n")
        #expect(result.commitments.first?.due == nil)
        // A phrase's diagnostic points at the phrase itself.
        #expect(result.problems == ["1:16: warning: ambiguous date '12/4'; write it as YYYY-MM-DD or 'by Dec 4'"])
    }

    @Test func unambiguousDateIsQuiet() {
        let result = parse("- [ ] Call Ana by Dec 4 #commit\n")
        #expect(result.commitments.first?.due == day("2026-12-04"))
        #expect(result.diagnostics.isEmpty)
    }

    /// Obsidian Tasks and Dataview fields with a value journal cannot read are text and a
    /// warning at the field; only journal's own fields and phrases are errors (issue 11).
    @Test(arguments: [
        ("📅 2026-02-30", "after 📅"), ("✅ 2026-02-30", "after ✅"), ("❌ 2026-02-30", "after ❌"),
        ("[due:: 2026-02-30]", "in [due:: 2026-02-30]"),
    ])
    func impossibleDateInAnotherToolsFieldIsAWarning(_ field: String, _ place: String) {
        let result = parse("- [ ] Call Ana \(field) #commit\n")
        #expect(result.problems == ["1:16: warning: impossible date '2026-02-30' \(place); read as text"])
        #expect(result.commitments.first?.due == nil)
        #expect(result.commitments.first?.text == "Call Ana \(field) #commit")
    }

    @Test(arguments: ["due:2026-02-30", "by 2026-02-30", "done:2026-02-30"])
    func impossibleDateIsAnError(_ field: String) {
        let result = parse("- [ ] Call Ana \(field) #commit\n")
        // A field's diagnostic points at the item; a phrase's at the phrase.
        let column = field.hasPrefix("by") ? 16 : 3
        #expect(result.problems == ["1:\(column): error: impossible date '2026-02-30'"])
        #expect(result.commitments.first?.due == nil)
        #expect(result.commitments.first?.doneOn == nil)
        #expect(result.commitments.first?.cancelledOn == nil)
    }

    @Test func impossibleMonthDayPhraseIsAnError() {
        #expect(parse("- [ ] Call Ana by Feb 30 #commit\n").problems == ["1:16: error: impossible date 'feb 30'"])
    }

    @Test func datesOutsideCommitmentsAreNotChecked() {
        #expect(parse("- Call Ana due:2026-02-30 by 12/4\n\nParagraph due:2026-02-30\n").diagnostics.isEmpty)
    }

    // MARK: Commitment headings and modes

    @Test(arguments: ["## Commitments", "# commitments", "### COMMITMENTS:", "## Commitments.", "Commitments!\n---"])
    func taskUnderCommitmentHeadingIsACommitment(_ heading: String) {
        let text = "\(heading)\n\n- [ ] Call Ana\n- Plain note\n- [x] Email Bo\n"
        #expect(ids(text) == ["call-ana", "email-bo"])
    }

    @Test(arguments: ["## Commitments made", "## My commitments", "## Notes", "Commitments\n\nparagraph"])
    func taskUnderOtherHeadingIsNotACommitment(_ heading: String) {
        #expect(ids("\(heading)\n\n- [ ] Call Ana\n").isEmpty)
    }

    @Test func commitmentHeadingEndsAtTheNextHeading() {
        let text = "## Commitments\n- [ ] Call Ana\n### Ideas\n- [ ] Maybe call Bo\n## Commitments\n- [ ] Call Cy\n"
        #expect(ids(text) == ["call-ana", "call-cy"])
    }

    @Test func configuredCommitmentHeadings() {
        var config = Config()
        config.commitmentHeadings = ["This week", "Promises"]
        #expect(
            ids("## this week\n- [ ] Call Ana\n## Promises:\n- [ ] Call Bo\n", config: config) == [
                "call-ana", "call-bo",
            ])
        #expect(ids("## Commitments\n- [ ] Call Ana\n", config: config).isEmpty)
    }

    @Test func allTasksModeMakesEveryTaskACommitment() {
        let text =
            "# Day\n- [ ] Call Ana\n- Plain note\n  - [x] Nested task\n1. [-] Ordered task\n> - [ ] Quoted task\n"
        let commitments = parse(text, config: Self.allTasks).commitments
        #expect(commitments.map(\.id) == ["call-ana", "nested-task", "ordered-task"])
        #expect(commitments.map(\.box) == [.open, .done, .released])
    }

    @Test func taggedModeIgnoresUntaggedTasks() {
        let text = "# Day\n- [ ] Call Ana\n- Plain note\n  - [x] Nested task\n1. [-] Ordered task\n"
        #expect(ids(text).isEmpty)
    }

    @Test func allTasksModeStillCountsTaggedItemsWithoutABox() {
        #expect(ids("- Call Ana #commit\n- Call Bo\n", config: Self.allTasks) == ["call-ana-commit"])
    }

    // MARK: Expectations

    @Test func expectationIsNotACommitment() {
        let result = parse("- Everyone logs calls in the CRM the same day #expect #CRM @team #commit\n")
        #expect(result.commitments.isEmpty)
        #expect(result.expectations.count == 1)
        let expectation = result.expectations.first
        #expect(expectation?.tags == ["crm"])
        #expect(expectation?.people == ["team"])
        #expect(expectation?.text == "Everyone logs calls in the CRM the same day #expect #CRM @team #commit")
        #expect(expectation?.date == day("2026-11-20"))
        #expect(expectation?.location == SourceLocation(line: 1, column: 3))
    }

    @Test func expectInCodeIsNotAnExpectation() {
        let result = parse("- Explain `#expect` to the team #commit\n")
        #expect(result.expectations.isEmpty)
        #expect(result.commitments.count == 1)
    }

    @Test func expectationInABlockQuoteIsIgnored() {
        #expect(parse("> - Everyone logs calls #expect\n").expectations.isEmpty)
    }

    // MARK: Follow-ups

    func followUp(_ item: String, stem: String = "2026-11-27") -> FollowUp? {
        let result = parseEntry("- \(item)\n", stem: stem)
        #expect(result.commitments.isEmpty)
        return result.followUps.first
    }

    @Test(arguments: [
        "[x] [Called Ana](2026-11-20.md#call-ana) and she agreed",
        "[x] [Called Ana](2026-11-20.md#^call-ana) and she agreed",
        "[x] [Called Ana](../10/2026-11-20.md#call-ana) and she agreed",
        "[x] [Called Ana](/entries/2026/11/2026-11-20.md#call-ana) and she agreed",
        "[x] [Called Ana](2026-11-20.md#call%2Dana) and she agreed",
        "[x] [Called Ana](2026-11-20.md#%5Ecall-ana) and she agreed",
        "[x] [Called Ana](<../my notes/2026-11-20.md#call-ana>) and she agreed",
        "[x] [Called Ana](../my%20notes/2026-11-20.md#call-ana) and she agreed",
        "[x] [[2026-11-20#^call-ana]] and she agreed",
        "[x] [[2026-11-20#call-ana]] and she agreed",
        "[x] [[2026-11-20#^call-ana|Called Ana]] and she agreed",
        "[x] [[entries/2026-11-20.md#^call-ana]] and she agreed",
    ])
    func linkFormsReachTheSameCommitment(_ item: String) {
        let followUp = followUp(item)
        #expect(followUp?.target == Reference(stem: "2026-11-20", id: "call-ana"))
        #expect(followUp?.box == .done)
        #expect(followUp?.date == day("2026-11-27"))
    }

    @Test func linkToAStemWithWordsAndPercentEncoding() {
        let target = followUp("[x] [Done](2026-10-05-weekly%20mirror.md#recognise-maria%E2%80%99s-win)")?.target
        #expect(target == Reference(stem: "2026-10-05-weekly mirror", id: "recognise-maria’s-win"))
    }

    @Test(arguments: [
        "[x] [Called Ana](2026-11-20.md) and she agreed",
        "[x] [Called Ana](https://example.com/2026-11-20.md#call-ana)",
        "[x] [Called Ana](mailto:ana@example.com#x)",
        "[x] [Called Ana](notes.md#call-ana)",
        "[x] [Called Ana](2026-11-20.txt#call-ana)",
        "[x] [Called Ana](2026-11-20.md#)",
        "[x] [Called Ana](#call-ana)",
        "[x] [[2026-11-20]] and she agreed",
        "[x] [[notes#call-ana]]",
        "[x] `[[2026-11-20#call-ana]]`",
        "[x] Called Ana, see 2026-11-20.md#call-ana",
    ])
    func notAFollowUpLink(_ item: String) {
        let result = parseEntry("- \(item)\n", stem: "2026-11-27")
        #expect(result.followUps.isEmpty)
    }

    @Test(arguments: [
        ("[x]", Box.done), ("[-]", .released), ("[>]", .carried), ("[/]", .inProgress), ("[ ]", .open),
    ])
    func followUpBox(_ mark: String, _ box: Box) {
        #expect(followUp("\(mark) [[2026-11-20#call-ana]] note")?.box == box)
    }

    @Test func plainBulletLinkingToAnEntryIsANoteNotAFollowUp() {
        #expect(parseEntry("- see [[2026-11-20#Notes]]\n", stem: "2026-11-27").followUps.isEmpty)
        #expect(parseEntry("- see [notes](2026-11-20.md#notes)\n", stem: "2026-11-27").followUps.isEmpty)
        #expect(parseEntry("- [ ] see [[2026-11-20#Notes]]\n", stem: "2026-11-27").followUps.count == 1)
    }

    @Test func followUpNoteIsTheEvidence() {
        // The parser keeps the parts; the ledger joins them into the note (FollowUpNoteTests).
        let item = followUp("[x] Call Ana [[2026-11-20#^call-ana]] Called, she signed the **renewal** ✅ 2026-11-25")
        #expect(item?.parts.afterLink == "Called, she signed the renewal")
        #expect(item?.parts.beforeLink == "Call Ana")
        #expect(item?.doneOn == day("2026-11-25"))
        #expect(item?.location == SourceLocation(line: 1, column: 3))
        let labelled = followUp("[x] [Called Ana](2026-11-20.md#call-ana) yes")
        #expect(labelled?.parts.label == "Called Ana")
        #expect(labelled?.parts.afterLink == "yes")
        #expect(followUp("[x] [2026-11-20](2026-11-20.md#call-ana) yes")?.parts.label == nil)
        #expect(followUp("[x] [2026-11-20.md](2026-11-20.md#call-ana) yes")?.parts.label == nil)
    }

    @Test func carriedFollowUpResolvesItsDueDateAgainstItsOwnEntry() {
        // Written on Friday 2026-11-27: "by Friday" is 2026-12-04, and the last phrase wins.
        let item = followUp("[>] [[2026-11-20#call-ana]] Call Ana by Friday: moved by next week")
        #expect(item?.due == day("2026-12-04"))
        #expect(followUp("[>] [[2026-11-20#call-ana]] moved due:2026-12-10 by Friday")?.due == day("2026-12-10"))
        #expect(followUp("[>] [[2026-11-20#call-ana]] moved 📅 2026-12-11")?.due == day("2026-12-11"))
    }

    @Test func followUpWinsOverTheCommitmentTag() {
        let result = parseEntry("- [>] [[2026-11-20#call-ana]] again by Monday #commit\n", stem: "2026-11-27")
        #expect(result.followUps.count == 1)
        #expect(result.commitments.isEmpty)
    }

    @Test func oneItemCanFollowUpSeveralCommitments() {
        let result = parseEntry(
            "- [x] [[2026-11-20#a]] and [b](2026-11-20.md#b) and [[2026-11-20#^a]]\n", stem: "2026-11-27")
        // CommonMark links first, then wiki links, each reference once.
        #expect(result.followUps.map(\.target.id) == ["b", "a"])
    }

    @Test func followUpInsideABlockQuoteIsIgnored() {
        #expect(parseEntry("> - [x] [[2026-11-20#a]]\n", stem: "2026-11-27").followUps.isEmpty)
    }

    @Test func impossibleDateOnAFollowUpIsAnError() {
        let result = parseEntry("- [>] [[2026-11-20#a]] moved due:2026-02-30\n", stem: "2026-11-27")
        // The error says it all; no second warning about a missing date.
        #expect(result.problems == ["1:3: error: impossible date '2026-02-30'"])
    }

    // MARK: Unreadable input

    @Test func invalidUTF8IsReportedAtTheFirstBadByteAndTheRestIsRead() {
        let bytes = Array("# Day\n- [ ] Call Ana #commit\n\nab".utf8) + [0xFF] + Array("\n- [ ] Call Bo #commit\n".utf8)
        let result = parseEntry(bytes: bytes)
        #expect(result.problems == ["4:3: warning: invalid UTF-8; bad bytes are read as U+FFFD"])
        #expect(result.commitments.map(\.id) == ["call-ana-commit", "call-bo-commit"])
    }

    @Test func nulBytesMakeTheFileNotAnEntry() {
        let result = parseEntry(bytes: Array("- [ ] Call Ana #commit\n".utf8) + [0, 1, 2])
        #expect(result.entry == nil)
        #expect(result.problems == ["2:-: warning: not text (contains NUL bytes); skipped"])
    }

    @Test func utf16IsRefused() {
        let result = parseEntry(bytes: [0xFF, 0xFE, 0x2D, 0x00])
        #expect(result.entry == nil)
        #expect(result.problems == ["1:-: warning: unsupported encoding UTF-16; save the file as UTF-8"])
    }

    @Test func mergeConflictMarkerIsAnError() {
        let text = "- [ ] Call Ana #commit\n<<<<<<< HEAD\n- [ ] A #commit\n=======\n- [ ] B #commit\n>>>>>>> x\n"
        #expect(parse(text).problems == ["2:1: error: git merge conflict marker; resolve the conflict"])
    }

    @Test func emptyFileIsAnEmptyEntry() {
        let result = parse("")
        #expect(result.entry != nil)
        #expect(result.commitments.isEmpty)
        #expect(result.diagnostics.isEmpty)
    }

    // A follow-up's new due date is read after its link, never from the commitment text it quotes.

    @Test func carriedFollowUpKeepsTheDueDateWhenItOnlyQuotesTheCommitment() {
        let line = "- [>] Call @ana by Friday (due Fri 27 Nov) [2026-11-20](../11/2026-11-20.md#call-ana-by-friday)\n"
        let followUp = parse(line).entry?.followUps.first
        #expect(followUp?.box == .carried)
        #expect(followUp?.due == nil)
    }

    @Test func carriedFollowUpTakesTheDateWrittenAfterItsLink() {
        let line = "- [>] Call @ana by Friday [2026-11-20](2026-11-20.md#call-ana-by-friday) moved by Dec 11\n"
        #expect(parse(line).entry?.followUps.first?.due == Day(year: 2026, month: 12, day: 11))
        let wiki = "- [>] Call @ana by Friday [[2026-11-20#call-ana-by-friday]] in 2 weeks\n"
        #expect(parse(wiki).entry?.followUps.first?.due == Day(year: 2026, month: 12, day: 4))
    }

    @Test func aLinkToAnotherSiteDoesNotHideTheNewDate() {
        let line = "- [>] [Call Ana](2026-11-19.md#call-ana) by Dec 11, see [notes](https://crm.example/x#y)\n"
        #expect(parse(line).entry?.followUps.first?.due == Day(year: 2026, month: 12, day: 11))
    }

    @Test func fieldsOnAFollowUpCountWherever() {
        let line = "- [>] due:2026-12-11 [Call Ana](2026-11-19.md#call-ana)\n"
        #expect(parse(line).entry?.followUps.first?.due == Day(year: 2026, month: 12, day: 11))
    }
}
