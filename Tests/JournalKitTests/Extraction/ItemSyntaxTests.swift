import Testing

@testable import JournalKit

/// The grammar of one item's first paragraph, read through cmark as in a real entry.
@Suite struct ItemSyntaxTests {
    func syntax(_ item: String) -> ItemSyntax {
        guard let result = itemSyntax("- " + item + "\n") else {
            Issue.record("no list item in '\(item)'")
            return ItemSyntax(spans: [])
        }
        return result
    }

    // MARK: Boxes

    @Test(arguments: [
        ("[ ] Call Ana", Box.open), ("[x] Call Ana", .done), ("[X] Call Ana", .done),
        ("[-] Call Ana", .released), ("[>] Call Ana", .carried), ("[/] Call Ana", .inProgress),
    ])
    func everyBoxIsRead(_ item: String, _ box: Box) {
        let parsed = syntax(item)
        #expect(parsed.box == box)
        #expect(parsed.text == "Call Ana")
    }

    @Test(arguments: ["Call Ana", "[?] Call Ana", "[x]Call Ana", "Call [x] Ana", "[ x ] Call Ana", "[] Call Ana"])
    func notABox(_ item: String) {
        #expect(syntax(item).box == nil)
    }

    @Test func boxAloneIsStillABox() {
        #expect(syntax("[x]").box == .done)
        #expect(syntax("[x]").text == "")
    }

    @Test func boxInAnOrderedListItem() {
        let parsed = itemSyntax("1. [x] Call Ana #commit\n")
        #expect(parsed?.box == .done)
        #expect(parsed?.tags == ["commit"])
    }

    // MARK: Tags

    @Test func tagsAreLowercasedUniqueAndInOrder() {
        let parsed = syntax("Plan #Commit #sales/q4 #a-b_c #crm. #CRM (#hiring)")
        #expect(parsed.tags == ["commit", "sales/q4", "a-b_c", "crm", "hiring"])
        #expect(parsed.text == "Plan #Commit #sales/q4 #a-b_c #crm. #CRM (#hiring)")
    }

    @Test func numericHashIsNotATag() {
        let parsed = syntax("Fix #123 and #2026 #commit")
        #expect(parsed.tags == ["commit"])
        #expect(parsed.text == "Fix #123 and #2026 #commit")
    }

    @Test func tagWithDigitsAndLettersIsATag() {
        #expect(syntax("Review #q4 #2026q4").tags == ["q4", "2026q4"])
    }

    @Test func hashInsideAWordIsNotATag() {
        #expect(syntax("Learn C#sharp and issue#12 and page#commit").tags.isEmpty)
        #expect(syntax("# alone").tags.isEmpty)
    }

    @Test func wordGluedToACodeSpanIsNotATagOrMention() {
        let glued = syntax("Call`x`#commit and mail a`b`@ana or `x`due:2026-12-01")
        #expect(glued.tags.isEmpty)
        #expect(glued.people.isEmpty)
        #expect(glued.dueField == nil)
        let spaced = syntax("Call `x` #commit and mail `b` @ana")
        #expect(spaced.tags == ["commit"])
        #expect(spaced.people == ["ana"])
    }

    @Test func tagInInlineCodeIsNotATag() {
        let parsed = syntax("Use `#commit` in notes")
        #expect(parsed.tags.isEmpty)
        #expect(parsed.text == "Use #commit in notes")
    }

    @Test func tagInALinkURLIsNotATag() {
        let parsed = syntax("Read [the notes](<https://example.com/page #commit>) today")
        #expect(parsed.tags.isEmpty)
        #expect(syntax("Read [the notes](https://example.com/#commit)").tags.isEmpty)
        #expect(syntax("Read [the notes](notes.md#commit)").tags.isEmpty)
    }

    @Test func tagInLinkTextIsATag() {
        #expect(syntax("Read [the #commit notes](https://example.com/)").tags == ["commit"])
    }

    @Test func tagInAnAutolinkIsNotATag() {
        #expect(syntax("See <https://example.com/#commit>").tags.isEmpty)
        #expect(syntax("See https://example.com/#commit").tags.isEmpty)
    }

    @Test func tagInRawHTMLIsNotATag() {
        #expect(syntax("See <span title=\"#commit\">this</span>").tags.isEmpty)
    }

    // MARK: People

    @Test func mentionsAreLowercasedAndTrimmed() {
        let parsed = syntax("Thank @Maria's team, @ana.lopez, @Jo_Doe. and @maria again (@sam-k)")
        #expect(parsed.people == ["maria", "ana.lopez", "jo_doe", "sam-k"])
    }

    @Test func emailAddressIsNotAMention() {
        #expect(syntax("Mail ana@example.com and <bob@example.com>").people.isEmpty)
        #expect(syntax("Mail @ana at ana@example.com").people == ["ana"])
    }

    @Test func mentionInInlineCodeIsNotAMention() {
        #expect(syntax("Ping `@ana` in Slack").people.isEmpty)
    }

    @Test func bareAtIsNotAMention() {
        #expect(syntax("Meet @ 3pm").people.isEmpty)
    }

    // MARK: Machine fields

    @Test func dueFieldIsReadAndRemovedFromText() {
        let parsed = syntax("[ ] Call Ana due:2026-12-01 #commit")
        #expect(parsed.dueField == .date(day("2026-12-01")))
        #expect(parsed.text == "Call Ana #commit")
    }

    @Test func dueFieldIsCaseInsensitive() {
        #expect(syntax("Call Ana DUE:2026-12-01").dueField == .date(day("2026-12-01")))
    }

    @Test func dueWithoutValueOrInsideAWordIsText() {
        let spaced = syntax("Call Ana due: 2026-12-01")
        #expect(spaced.dueField == nil)
        #expect(spaced.text == "Call Ana due: 2026-12-01")
        let word = syntax("Pay overdue:2026-12-01 invoices")
        #expect(word.dueField == nil)
        #expect(word.text == "Pay overdue:2026-12-01 invoices")
    }

    @Test func impossibleDueFieldIsKeptAsImpossible() {
        #expect(syntax("Call Ana due:2026-02-30").dueField == .impossible("2026-02-30"))
        #expect(syntax("Call Ana due:soon").dueField == .impossible("soon"))
    }

    @Test func obsidianEmojiFields() {
        let parsed = syntax("[x] Call Ana 📅 2026-12-02 ✅ 2026-12-01 🆔 abc123 #commit")
        #expect(parsed.dueField == .date(day("2026-12-02")))
        #expect(parsed.doneField == .date(day("2026-12-01")))
        #expect(parsed.explicitId == "abc123")
        #expect(parsed.text == "Call Ana #commit")
    }

    @Test func cancelledEmojiField() {
        let parsed = syntax("[-] Call Ana ❌ 2026-12-03")
        #expect(parsed.cancelledField == .date(day("2026-12-03")))
        #expect(parsed.text == "Call Ana")
    }

    @Test func emojiFieldWithoutSpaceOrWithVariationSelector() {
        #expect(syntax("Call Ana 📅2026-12-02").dueField == .date(day("2026-12-02")))
        #expect(syntax("Call Ana ✅\u{FE0F} 2026-12-01").doneField == .date(day("2026-12-01")))
    }

    @Test func emojiFieldWithImpossibleDateIsTextAndAWarning() {
        let parsed = syntax("Call Ana 📅 2026-02-30")
        #expect(parsed.dueField == nil)
        #expect(parsed.text == "Call Ana 📅 2026-02-30")
        #expect(parsed.warnings.map(\.snippet) == ["📅 2026-02-30"])
    }

    @Test func otherEmojiAreText() {
        let parsed = syntax("Celebrate 🎉 the win")
        #expect(parsed.dueField == nil)
        #expect(parsed.text == "Celebrate 🎉 the win")
    }

    @Test func dataviewDueField() {
        let parsed = syntax("Call Ana [due:: 2026-12-05] #commit")
        #expect(parsed.dueField == .date(day("2026-12-05")))
        #expect(parsed.text == "Call Ana #commit")
        #expect(syntax("Call Ana [due::2026-12-05]").dueField == .date(day("2026-12-05")))
        #expect(syntax("Call Ana [due:: 2026-02-30]").dueField == nil)
        #expect(syntax("Call Ana [due:: 2026-02-30]").warnings.map(\.snippet) == ["[due:: 2026-02-30]"])
    }

    @Test func otherDataviewFieldsAreText() {
        let parsed = syntax("Call Ana [owner:: me]")
        #expect(parsed.dueField == nil)
        #expect(parsed.text == "Call Ana [owner:: me]")
    }

    @Test func dueFieldOrderIsDueThenCalendarThenDataview() {
        #expect(
            syntax("A [due:: 2026-12-05] 📅 2026-12-02 due:2026-12-01").dueField == .date(day("2026-12-01")))
        #expect(syntax("A [due:: 2026-12-05] 📅 2026-12-02").dueField == .date(day("2026-12-02")))
    }

    @Test func doneFieldTodoTxtStyle() {
        let parsed = syntax("[x] Call Ana done:2026-12-01")
        #expect(parsed.doneField == .date(day("2026-12-01")))
        #expect(parsed.text == "Call Ana")
    }

    @Test func fieldsInInlineCodeAreNotFields() {
        let parsed = syntax("Write `due:2026-12-01` in the item")
        #expect(parsed.dueField == nil)
        #expect(parsed.text == "Write due:2026-12-01 in the item")
    }

    @Test func datePhrasesStayInTextButNotInCode() {
        let parsed = syntax("Call Ana by Friday `by Monday`")
        #expect(parsed.text == "Call Ana by Friday by Monday")
        #expect(parsed.phraseText == "Call Ana by Friday")
    }

    // MARK: Ids

    @Test func blockIdAtTheEnd() {
        let parsed = syntax("Call Ana #commit ^call-ana")
        #expect(parsed.explicitId == "call-ana")
        #expect(parsed.text == "Call Ana #commit")
    }

    @Test func blockIdNotAtTheEndOrGluedToAWordIsText() {
        #expect(syntax("Call ^ana about the deal").explicitId == nil)
        #expect(syntax("Call Ana x^2").explicitId == nil)
        #expect(syntax("Call Ana ^").explicitId == nil)
        #expect(syntax("Call Ana ^call_ana").explicitId == nil)
    }

    @Test func blockIdWinsOverEmojiId() {
        #expect(syntax("Call Ana 🆔 abc123 ^call-ana").explicitId == "call-ana")
    }

    @Test func emptyEmojiIdIsNoId() {
        #expect(syntax("Call Ana 🆔").explicitId == nil)
    }

    // MARK: Wiki links

    @Test func wikiLinksKeepTheTargetWithoutAlias() {
        let parsed = syntax("[x] [[2026-10-05-weekly-mirror#^call-ana|the call]] done, see [[notes]]")
        #expect(parsed.wikiLinks == ["2026-10-05-weekly-mirror#^call-ana", "notes"])
        #expect(parsed.textAfterEntryLink == "done, see [[notes]]")
        #expect(parsed.textBeforeEntryLink == "")
        #expect(parsed.text == "[[2026-10-05-weekly-mirror#^call-ana|the call]] done, see [[notes]]")
    }

    // MARK: Text and slugs

    @Test func textFlattensInlineMarkupAndCollapsesSpaces() {
        let item = "- [ ] Recognise **@maria's**   renewal _win_ at the [all-hands](https://x.example)\n  by Friday\n"
        #expect(itemSyntax(item)?.text == "Recognise @maria's renewal win at the all-hands by Friday")
        #expect(itemSyntax(item)?.people == ["maria"])
    }

    @Test(arguments: [
        ("Recognise @maria's renewal win at the all-hands", "recognise-maria-s-renewal-win"),
        ("Call Ana", "call-ana"),
        ("  --Call   Ana!!  ", "call-ana"),
        ("Réunion avec Zoë à 9h", "réunion-avec-zoë-à-9h"),
        ("one two three four five six", "one-two-three-four-five"),
        ("one two three four five", "one-two-three-four-five"),
        ("🎉 — !", "item"),
        ("", "item"),
    ])
    func slug(_ text: String, _ expected: String) {
        #expect(ItemSyntax.slug(text) == expected)
    }

    @Test func spansOfCodeAndHTML() {
        let parsed = ItemSyntax(spans: [
            InlineSpan(.text, "[ ] Ship "), InlineSpan(.code, "#commit by Friday"), InlineSpan(.html, "<b>"),
            InlineSpan(.text, " now #commit"),
        ])
        #expect(parsed.box == .open)
        #expect(parsed.text == "Ship #commit by Friday now #commit")
        #expect(parsed.tags == ["commit"])
        #expect(DatePhrase.first(in: parsed.phraseText, relativeTo: day("2026-11-20"), direction: .forwards) == nil)
    }
}
