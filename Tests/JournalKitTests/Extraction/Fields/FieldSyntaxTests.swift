import Testing

@testable import JournalKit

/// Each wrong reading of issue 11, and its negative twin.
@Suite struct FieldSyntaxTests {
    func syntax(_ item: String, logseq: Bool = false) -> ItemSyntax {
        for block in CmarkParser.parse(Array(("- " + item + "\n").utf8)) {
            if case .listItem(let listItem) = block { return ItemSyntax(spans: listItem.spans, logseq: logseq) }
        }
        Issue.record("no list item in '\(item)'")
        return ItemSyntax(spans: [])
    }

    static let allTasks: Config = {
        var config = Config()
        config.commitments = .allTasks
        return config
    }()

    func parse(_ text: String, config: Config = allTasks, stem: String = "2026-11-27") -> EntryParser.Result {
        parseEntry(text, stem: stem, path: "\(stem).md", config: config)
    }

    // MARK: 1. Emoji used as words

    @Test func decorativeEmojiStayText() {
        let parsed = syntax("[ ] ✅ Attitude")
        #expect(parsed.text == "✅ Attitude")
        #expect(parsed.doneField == nil)
        #expect(parsed.warnings.isEmpty)
        #expect(parse("- [ ] ✅ Attitude\n").commitments.map(\.id) == ["attitude"])
        #expect(syntax("[ ] ❌ Negativity, 📅 Planning").text == "❌ Negativity, 📅 Planning")
    }

    // MARK: 2. Dataview field forms

    @Test(arguments: [
        "(due:: 2021-08-22)", "(due::2021-08-22)", "[ due::2021-08-22]", "[ due:: 2021-08-22 ]", "[Due:: 2021-08-22]",
        "[DUE :: 2021-08-22]",
    ])
    func dataviewForms(_ field: String) {
        let parsed = syntax("[ ] Call Ana \(field) #commit")
        #expect(parsed.dueField == .date(day("2021-08-22")))
        #expect(parsed.text == "Call Ana #commit")
        #expect(parse("- [ ] Call Ana \(field) #commit\n").diagnostics.isEmpty)
    }

    @Test func aParenthesisedFieldDoesNotCancelABracketedOne() {
        let parsed = syntax("[ ] Call Ana [due:: 2021-08-22] (due:: soon)")
        #expect(parsed.dueField == .date(day("2021-08-22")))
        #expect(
            parsed.warnings.map(\.message) == [
                "not a date 'soon' in (due:: soon); write it as YYYY-MM-DD; read as text"
            ])
    }

    @Test func bareDataviewKeyInsideTextIsText() {
        let result = parse("- [ ] Some task - due value not found by dataview - due:: 2021-08-22\n")
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(result.commitments.first?.text == "Some task - due value not found by dataview - due:: 2021-08-22")
    }

    // MARK: 3. Fields that were ignored

    @Test(arguments: ["🗓 2021-09-12", "🗓️ 2021-09-12", "📆 2021-09-12"])
    func otherDueMarkers(_ field: String) {
        #expect(syntax("[ ] Call Ana \(field)").dueField == .date(day("2021-09-12")))
    }

    @Test func dataviewCompletionCancelledAndId() {
        let parsed = syntax("[x] Call Ana [completion:: 2021-08-15] [cancelled:: 2021-08-16] [id:: abc-1]")
        #expect(parsed.doneField == .date(day("2021-08-15")))
        #expect(parsed.cancelledField == .date(day("2021-08-16")))
        #expect(parsed.explicitId == "abc-1")
        #expect(parsed.text == "Call Ana")
    }

    @Test func tickedCompletionIsKeptOnThatDay() throws {
        let entries = [parse("- [x] Call Ana [completion:: 2026-11-28] #commit\n").entry].compactMap { $0 }
        let status = try #require(Ledger(entries: entries).statuses(asOf: day("2026-11-30"), staleAfterDays: 14).first)
        #expect(status.doneOn == day("2026-11-28"))
        #expect(status.outcome == .keptOnTime)
    }

    // MARK: 4. Fields that stayed in the text

    @Test func otherObsidianTasksFieldsAreReadAndRemoved() {
        let parsed = syntax(
            "[ ] Call Ana ⏳ 2026-12-01 🛫 2026-11-30 ➕ 2026-11-27 ⏫ 🔁 every week on Monday ⛔ abc,def 🏁 delete #commit")
        #expect(parsed.text == "Call Ana #commit")
        #expect(parsed.scheduled == day("2026-12-01"))
        #expect(parsed.start == day("2026-11-30"))
        #expect(parsed.created == day("2026-11-27"))
        #expect(parsed.priority == .high)
        #expect(parsed.recurrence == "every week on Monday")
        #expect(parsed.dependsOn == ["abc", "def"])
        #expect(parsed.onCompletion == "delete")
        #expect(parsed.dueField == nil)
    }

    @Test(arguments: [("🔺", Priority.highest), ("⏫", .high), ("🔼", .medium), ("🔽", .low), ("⏬", .lowest)])
    func priorityEmoji(_ emoji: String, _ priority: Priority) {
        #expect(syntax("[ ] Call Ana \(emoji)").priority == priority)
    }

    @Test func otherDataviewFieldsAreReadAndRemoved() {
        let parsed = syntax(
            "[ ] [priority:: High] Call Ana [scheduled:: 2026-12-01] [start:: 2026-11-30] [created:: 2026-11-27] [repeat:: every day] #commit"
        )
        #expect(parsed.text == "Call Ana #commit")
        #expect(parsed.priority == .high)
        #expect(parsed.scheduled == day("2026-12-01"))
        #expect(parsed.recurrence == "every day")
    }

    @Test func theReadFieldsReachTheCommitment() throws {
        let commitment = try #require(
            parse("- [ ] Call Ana ⏳ 2026-12-01 🔼 🔁 every week #commit\n").commitments.first)
        #expect(commitment.scheduled == day("2026-12-01"))
        #expect(commitment.priority == .medium)
        #expect(commitment.recurrence == "every week")
    }

    @Test func unknownDataviewKeysStayAndShadowWhatIsInside() {
        let parsed = syntax("[ ] Call Ana [note:: (due:: 2026-12-01)]")
        #expect(parsed.text == "Call Ana [note:: (due:: 2026-12-01)]")
        #expect(parsed.dueField == nil)
    }

    // MARK: 5. Field then punctuation

    @Test func fieldThenPunctuationOrTab() {
        #expect(syntax("[ ] Deck 📅 2026-12-01.").dueField == .date(day("2026-12-01")))
        #expect(syntax("[ ] Deck 📅\t2026-12-01").dueField == .date(day("2026-12-01")))
        #expect(parse("- [ ] Deck 📅 2026-12-01. #commit\n").diagnostics.isEmpty)
        // A digit glued on is not a date.
        #expect(syntax("[ ] Deck 📅 2026-12-011").dueField == nil)
    }

    @Test func badEmojiValueWarnsAtItsColumn() {
        let result = parse("- [ ] Deck 📅 2026/12/01 #commit\n")
        #expect(
            result.problems == ["1:12: warning: not a date '2026/12/01' after 📅; write it as YYYY-MM-DD; read as text"])
        #expect(result.commitments.first?.due == nil)
    }

    // MARK: 9. 🆔 ids

    @Test func emojiIdCharset() {
        #expect(syntax("[ ] Call 🆔 Ab_cd0f").explicitId == "Ab_cd0f")
        let bad = syntax("[ ] Call 🆔 A*bcd0f")
        #expect(bad.explicitId == nil)
        #expect(bad.text == "Call 🆔 A*bcd0f")
        let result = parse("- [ ] Call 🆔 A*bcd0f #commit\n")
        #expect(
            result.problems == [
                "1:12: warning: not an id 'A*bcd0f' after 🆔; ids are letters, digits, '-' and '_'; read as text"
            ])
        #expect(syntax("[ ] Call 🆔 #commit").warnings.isEmpty)
    }

    @Test func aRepeatedTasksIdIsAWarningAndARepeatedBlockIdAnError() {
        #expect(parse("- [ ] A 🆔 abc\n- [ ] B 🆔 abc\n").problems == ["2:3: warning: duplicate id 'abc' in this entry"])
        #expect(parse("- [ ] A ^abc\n- [ ] B ^abc\n").problems == ["2:3: error: duplicate id 'abc' in this entry"])
    }

    // MARK: 11. Logseq markers

    @Test(arguments: [
        ("TODO Call Ana", Box.open), ("DOING Call Ana", .inProgress), ("LATER Call Ana", .open),
        ("NOW Call Ana", .inProgress), ("DONE Call Ana", .done), ("CANCELED Call Ana", .released),
        ("CANCELLED Call Ana", .released),
    ])
    func logseqMarkers(_ item: String, _ box: Box) {
        let parsed = syntax(item, logseq: true)
        #expect(parsed.box == box)
        #expect(parsed.boxFromLogseq)
        #expect(parsed.text == "Call Ana")
        #expect(syntax(item).box == nil)
    }

    @Test func logseqDeadlineAndScheduled() throws {
        let text =
            "- TODO Send the deck\n  DEADLINE: <2026-12-04 Fri>\n  SCHEDULED: <2026-12-01 Tue 10:00 .+1w>\n- DONE Call Tom\n- CANCELED Book the room\n- TODOS are not a marker\n"
        let result = parse(text)
        #expect(result.diagnostics.isEmpty)
        let commitments = result.commitments
        #expect(commitments.map(\.text) == ["Send the deck", "Call Tom", "Book the room"])
        #expect(commitments.first?.due == day("2026-12-04"))
        #expect(commitments.first?.scheduled == day("2026-12-01"))
        #expect(commitments.map(\.box) == [.open, .done, .released])
        // Only in all-tasks mode.
        #expect(parse(text, config: Config()).commitments.isEmpty)
    }

    // MARK: 6. Obsidian comments

    @Test func commentsHideTasks() {
        let text = """
            - [ ] Visible %%a note%% task
            %%
            - [ ] Hidden task
            %%
            - [ ] Also %% hidden %% visible

            `%%` is code, and so is
            ```
            %%
            ```
            - [ ] Still visible
            """
        let result = parse(text + "\n")
        #expect(result.commitments.map(\.text) == ["Visible task", "Also visible", "Still visible"])
        #expect(result.commitments.map(\.location.line) == [1, 5, 11])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func anUnclosedCommentHidesTheRestWithAWarning() {
        let result = parse("- [ ] Seen\n- [ ] Also seen %% start\n- [ ] Hidden\n- [ ] Hidden too\n")
        #expect(result.commitments.map(\.text) == ["Seen", "Also seen"])
        #expect(
            result.problems == [
                "2:17: warning: '%%' is never closed; it hides the rest of the note (3 lines), as in Obsidian"
            ])
    }

    // MARK: 7. Empty placeholders

    @Test func placeholdersAreNotCommitments() {
        let text = "- [ ] \n- [ ]\n- [x] #commit\n- [ ] @ana 📅 2026-12-01\n- [ ] Call @ana\n"
        #expect(parse(text).commitments.map(\.text) == ["Call @ana"])
    }

    // MARK: 8. Escapes and reference definitions

    @Test func escapedBoxIsNoTask() {
        #expect(parse("- \\[ \\] foo\n").commitments.isEmpty)
        #expect(parse("- \\[x] foo #commit\n", config: Config()).commitments.first?.box == .open)
    }

    @Test func escapedHashIsNoTag() {
        #expect(parse("- Call Ana \\#commit\n", config: Config()).commitments.isEmpty)
        #expect(syntax("Call Ana \\#commit #deals").tags == ["deals"])
        #expect(syntax("Mail \\@ana").people.isEmpty)
    }

    @Test func aReferenceDefinitionDoesNotHideATask() {
        let text = "- [x] Call Ana\n- [ ] Call Tom\n\n[x]: https://example.com\n"
        let result = parse(text)
        #expect(result.commitments.map(\.text) == ["Call Ana", "Call Tom"])
        #expect(result.commitments.map(\.box) == [.done, .open])
    }
}
