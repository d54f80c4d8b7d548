import Testing

@testable import JournalKit

/// Issue 10/13: the byte paths of `collapse`, `slug` and the date-phrase words give exactly what
/// the Character-based definitions give, including where a Character spans a space.
@Suite struct FastPathEquivalenceTests {
    static let samples = [
        "", "  ", "plain ascii  text\t here ", "Café  über\nnaïve", "📅 ✅ 🆔 📅 ✅ 🆔 ", "a \u{301}b",
        "x \u{200D}y", "\u{600} x", "a\u{A0}b", "a\u{3000}b c", "tab\u{2028}sep", "e\u{301} \u{1F3FB} z",
        "\r\n a \r\nb", "İstanbul İZMİR Ωmega", "ﬁne ǅemal straße", "١٢/١١ by Friday", "😀👍🏽 ok", "ΟΔΟΣ ΚΑΙ ΣΑΣ",
        "a\u{345} b\u{300}c ⅫⅣ ⓐⒷ", "\u{1F1E9}\u{1F1EA} de",
        "\u{FFFD} done", "a\u{85}b",
    ]

    @Test(arguments: samples)
    func collapseMatchesCharacterSplit(text: String) {
        #expect(ItemSyntax.collapse(text) == text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "))
    }

    @Test(arguments: samples + ["Send the deck to Ana by Friday", "Ünïcode Wörds Are Here Too Now And More"])
    func slugMatchesLowercasedCharacters(text: String) {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
                if words.count == 5 { break }
            }
        }
        if !current.isEmpty && words.count < 5 { words.append(current) }
        #expect(ItemSyntax.slug(text) == (words.isEmpty ? "item" : words.joined(separator: "-")))
    }

    /// A word with non-ASCII bytes is no date word, but one starting with a digit or holding `/` is
    /// still read (other scripts' digits, `12th’s`).
    @Test func datePhraseWordsOutsideASCII() {
        let base = Day(iso: "2026-11-20")!
        #expect(DatePhrase.first(in: "by Friday’s review", relativeTo: base, direction: .forwards) != nil)
        #expect(DatePhrase.first(in: "by “Friday”", relativeTo: base, direction: .forwards) != nil)
        #expect(DatePhrase.first(in: "by Frïday", relativeTo: base, direction: .forwards) == nil)
        #expect(
            DatePhrase.first(in: String(repeating: "📅 ✅ ", count: 1000), relativeTo: base, direction: .forwards) == nil)
    }

    /// The cap counts kinds by message without quoted parts and numbers, per file.
    @Test func diagnosticsAreCappedPerKind() {
        let many = (0..<250).map {
            Diagnostic(path: "a.md", line: $0 + 1, severity: .error, message: "duplicate id 'x\($0)' in this entry")
        }
        let other = Diagnostic(path: "a.md", line: 999, severity: .warning, message: "something else")
        let capped = EntryParser.capped(many + [other])
        #expect(capped.count == 102)
        #expect(capped[100].message == "and 150 more like this in this file, not listed one by one")
        #expect(capped[100].line == 101)
        #expect(capped.last == other)
        // Under the cap nothing changes.
        #expect(EntryParser.capped(Array(many.prefix(100)) + [other]) == Array(many.prefix(100)) + [other])
    }

    static let phrases = [
        "", "Send the deck by Friday", "due Dec 20 EOD", "by Firday", "on 3 accounts by Friday", "due end of sprint",
        "every Friday by 5pm", "by next end of the q1 fiscal week 12/ on friday in 3", "📅 ✅ by tomorrow",
        String(repeating: "[due:: ", count: 50), "until the January release", "before the end of the sprint",
        "3 days ago by 12/4", "by 2027 and on Monday", "done yesterday, due Friday’s standup", "by 20% by 2x on",
    ]

    /// Issue 10: the shared pass gives exactly what the two separate ones give.
    @Test(arguments: phrases)
    func firstAndUnresolvedMatchesTheTwoPasses(text: String) {
        let base = Day(iso: "2026-11-20")!
        let both = DatePhrase.firstAndUnresolved(in: text, relativeTo: base, fiscalYearStart: 4)
        #expect(both.first == DatePhrase.first(in: text, relativeTo: base, direction: .forwards, fiscalYearStart: 4))
        #expect(both.unresolved == DatePhrase.unresolved(in: text))
    }

    /// One reading answers every question as the separate functions do, at any base day and fiscal year.
    @Test(arguments: phrases + ["done yesterday", "released 3 days ago, due by Q3 end of fiscal year", "on Monday"])
    func aReadingAnswersAsTheSeparateFunctions(text: String) {
        for (base, fiscal) in [(Day(iso: "2026-11-20")!, 1), (Day(iso: "2027-02-28")!, 4), (Day(ordinal: 0), 10)] {
            let reading = DatePhrase.Reading(text, relativeTo: base, fiscalYearStart: fiscal)
            for direction in [DatePhrase.Direction.backwards, .forwards] {
                #expect(
                    reading.all(direction)
                        == DatePhrase.all(in: text, relativeTo: base, direction: direction, fiscalYearStart: fiscal))
                #expect(
                    reading.first(direction)
                        == DatePhrase.first(in: text, relativeTo: base, direction: direction, fiscalYearStart: fiscal))
            }
            #expect(reading.unresolved() == DatePhrase.unresolved(in: text))
        }
    }

    /// A word that is no date word starts nothing, but the words after it still do.
    @Test func aWordWithoutAKeyIsSkippedNotTheRest() {
        let base = Day(iso: "2026-11-20")!
        #expect(DatePhrase.first(in: "📅 ✅ by Friday", relativeTo: base, direction: .forwards)?.text == "by Friday")
        #expect(DatePhrase.unresolved(in: "🆔 by Firday") == [DatePhrase.Unresolved(offset: 5, text: "by Firday")])
        #expect(DatePhrase.first(in: "📅 ✅ 🆔", relativeTo: base, direction: .forwards) == nil)
        #expect(
            DatePhrase.first(in: "#q3 @ana #n1 by Friday", relativeTo: base, direction: .forwards)?.text == "by Friday")
        #expect(DatePhrase.first(in: "#friday @tomorrow", relativeTo: base, direction: .forwards) == nil)
    }

    /// Names are kept once, in order, with a list below the limit and a set above it.
    @Test(arguments: [3, ItemSyntax.UniqueNames.linearLimit, ItemSyntax.UniqueNames.linearLimit + 1, 200])
    func uniqueNamesKeepOrderAndDropRepeats(count: Int) {
        var names = ItemSyntax.UniqueNames()
        for round in 0..<2 {
            for index in 0..<count { names.insert("n\(index)") }
            #expect(names.names == (0..<count).map { "n\($0)" }, "round \(round)")
        }
        names.insert("e\u{301}")
        names.insert("\u{E9}")
        #expect(names.names.last == "e\u{301}")
        #expect(names.names.count == count + 1)
    }

    /// The fast path of `normalize` returns distinct plain names as they are; repeated names (front
    /// matter can repeat) and names with invisible characters still go the full way.
    @Test func normalizeFastPathAndItsTwins() {
        var warnings: [String] = []
        #expect(NameNormalizer.normalize(["ana", "li"], sigil: "@") { warnings.append($0) } == ["ana", "li"])
        #expect(NameNormalizer.normalize(["ana", "li", "ana"], sigil: "@") { warnings.append($0) } == ["ana", "li"])
        #expect(NameNormalizer.normalize(["ana", ""], sigil: "@") { warnings.append($0) } == ["ana"])
        #expect(warnings.isEmpty)
        #expect(
            NameNormalizer.normalize(["a\u{200D}na", "ana"], sigil: "@") { warnings.append($0) } == ["a\u{200D}na"])
        #expect(warnings.count == 1)
    }

    /// Across the journal the first spelling wins byte for byte, also over a canonically equal one.
    @Test func unifyRewritesOnlyWhatDiffersInBytes() {
        let day = Day(iso: "2026-11-20")!
        func entry(_ name: String, _ path: String) -> Entry {
            let commitment = Commitment(
                reference: Reference(stem: path, id: "x"), text: "x", box: .open, people: [name], tags: ["t"],
                made: day, path: path + ".md", location: SourceLocation(line: 1))
            return Entry(path: path + ".md", stem: path, date: day, people: [name], commitments: [commitment])
        }
        var entries = [entry("jos\u{E9}", "a"), entry("jose\u{301}", "b"), entry("li", "c")]
        NameNormalizer.unify(&entries)
        #expect(
            entries.map { Array($0.commitments[0].people[0].utf8) } == [
                Array("jos\u{E9}".utf8), Array("jos\u{E9}".utf8), Array("li".utf8),
            ])
        #expect(Array(entries[1].people[0].utf8) == Array("jos\u{E9}".utf8))
    }

    /// Equal lists are shared within a kind, never across: a person and a theme spelled apart
    /// keep their own spellings.
    @Test func unifySharesListsPerKind() {
        let day = Day(iso: "2026-11-20")!
        let commitment = Commitment(
            reference: Reference(stem: "a", id: "x"), text: "x", box: .open, people: ["jose\u{301}"],
            tags: ["jos\u{E9}"],
            made: day, path: "a.md", location: SourceLocation(line: 1))
        var entries = [Entry(path: "a.md", stem: "a", date: day, commitments: [commitment, commitment])]
        NameNormalizer.unify(&entries)
        for unified in entries[0].commitments {
            #expect(Array(unified.people[0].utf8) == Array("jose\u{301}".utf8))
            #expect(Array(unified.tags[0].utf8) == Array("jos\u{E9}".utf8))
        }
    }

    static let linkTargets = [
        "2026-10-05#id", "2026-10-05.md#^id", "../10/2026-10-05-weekly-mirror.md#call-ana",
        "entries/2026/10/2026-10-05.MD#x",
        "2026-10-05", "2026-10-05#", "2026-10-05#^", "2026-1-05#x", "2026-10-0x#x", "2026-13-45#impossible-is-fine",
        "notes/2026-10-05/#id", "/#id", "#id", "a//b//2026-10-05.md#id", "https://example.com/2026-10-05.md#id",
        "MAILTO:ana@example.com#2026-10-05", "x://2026-10-05.md#a", "2026-10-05.mdx#id", "2026-10-05.md#a#b",
        ".md#id", "2026-10-05 call.md#id", "2026-10-05.md#%5Eid", "caf%C3%A9/2026-10-05.md#id", "2026-10-05.md#café",
        "2026-10-05-café.md#id", "2026-10-05#^^id", "2026-10-05.Md#x",
    ]

    /// The byte path of link and wiki-link targets answers as the general one does.
    @Test(arguments: linkTargets)
    func asciiReferenceMatchesTheGeneralPath(target: String) {
        #expect(EntryParser.reference(fromLink: target) == EntryParser.generalReference(fromLink: target))
        #expect(EntryParser.reference(fromWikiLink: target) == EntryParser.generalReference(fromWikiLink: target))
    }

    /// Non-ASCII and percent-encoded targets are left to the general path.
    @Test func asciiReferenceLeavesOtherTargetsAlone() {
        #expect(EntryParser.asciiReference("2026-10-05.md#café", markdownLink: true) == nil)
        #expect(EntryParser.asciiReference("2026-10-05.md#%5Eid", markdownLink: true) == nil)
        #expect(
            EntryParser.asciiReference("2026-10-05.md#id", markdownLink: true)
                == .some(Reference(stem: "2026-10-05", id: "id")))
    }

    static let quotedTexts = [
        "", "Call ana", "Send [[2026-10-05#call|the call]] notes", "[[a]] and [[b|c|d]] `code` <b> \\ [x]",
        "[[unclosed", "]] before [[", "[[]]", "[[|]]", "a [[x]]] b", "[[[x]]]", "Café [[y|z]]", "tab\tthen [[p|q]]",
    ]

    /// The byte path of the text `journal new` quotes answers as the Character path does.
    @Test(arguments: quotedTexts)
    func asciiMarkdownTextMatchesTheGeneralPath(text: String) {
        var general = ""
        for character in TemplateRenderer.unlinkingWikiLinks(text) {
            if "\\`[]<".contains(character) { general.append("\\") }
            general.append(character)
        }
        #expect(TemplateRenderer.markdownText(text) == general)
        #expect(TemplateRenderer.asciiMarkdownText(text) == (text.utf8.allSatisfy { $0 < 0x80 } ? general : nil))
    }

    /// Former ids: the old id, then the slugs, each once, never the current id.
    @Test func formerIdsKeepOrderOnceAndNeverTheCurrentId() {
        let explicit = ItemSyntax(spans: [InlineSpan(.text, "[ ] Call Ana today ^call")])
        #expect(explicit.explicitId == "call")
        #expect(EntryParser.formerIds(current: "call", legacy: "call", syntax: explicit) == ["call-ana-today"])
        #expect(EntryParser.formerIds(current: "call", legacy: "old", syntax: explicit) == ["old", "call-ana-today"])
        #expect(EntryParser.formerIds(current: "call-ana-today", legacy: "call", syntax: explicit) == ["call"])
        let plain = ItemSyntax(spans: [InlineSpan(.text, "[ ] Call Ana today")])
        #expect(EntryParser.formerIds(current: "call-ana-today", legacy: "call-ana-today", syntax: plain) == [])
        #expect(
            EntryParser.formerIds(current: "call-ana-today-2", legacy: "call-ana-today", syntax: plain) == [
                "call-ana-today"
            ])
    }

    /// Trying only the words that can start an expression finds exactly what trying every word
    /// finds, both ways, on 6,000 seeded phrases of start words, continuations, numbers, signs,
    /// punctuation and other words.
    @Test func onlyStartWordsAreTriedAndNothingIsLost() {
        // Built apart from `startWords`, so a word missing there is still tried here.
        var vocabulary = Set(DatePhrase.weekdays.keys).union(DatePhrase.months.keys).union(DatePhrase.numberWords.keys)
        vocabulary.formUnion(DatePhrase.units.keys)
        vocabulary.formUnion(DatePhrase.periods.keys)
        for set in [
            DatePhrase.timeWords, DatePhrase.modifiers, DatePhrase.ordinalNouns, DatePhrase.owedWords,
            DatePhrase.forwardOnlyStarts, DatePhrase.triggers,
        ] {
            vocabulary.formUnion(set)
        }
        vocabulary.formUnion([
            "today", "tonight", "tomorrow", "yesterday", "last", "every", "each", "noon", "midnight", "eod", "cob",
            "eow", "eom", "eoq", "eoy", "q1", "q2", "q3", "q4", "in", "within", "this", "next", "the", "end",
        ])
        var pool = vocabulary.sorted()
        pool += [
            "days", "weeks", "months", "ago", "of", "at", "5pm", "12/4", "4/12/2026", "2026-11-20", "2026-02-30",
            "20th",
            "3rd", "+3", "+12", "-3", "3", "10", "am", "pm", "week", "month", "quarter", "year", "day", "may",
            "#friday",
            "@ana", "(friday)", "\"tomorrow\"", "friday's", "Friday,", "EOD.", "x", "sprint", "release", "٣/٤", "q5",
            "fy26", "1st", "31st", "32nd", "o'clock", "noon.", "a", "an", "two", "ten", "other", "at", "by", "the",
            "end",
        ]
        var seed: UInt64 = 0x5EED_2026
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        let base = Day(iso: "2026-11-20")!
        for _ in 0..<6000 {
            let text = (0..<(1 + next(8))).map { _ in pool[next(pool.count)] }.joined(separator: " ")
            let tokens = DatePhrase.tokens(of: text)
            let matcher = DatePhrase.Matcher(words: tokens.words, base: base, fiscalYearStart: 1)
            for direction in [DatePhrase.Direction.forwards, .backwards] {
                let checked = DatePhrase.scan(tokens, matcher, base: base, direction: direction, firstOnly: false)
                let every = DatePhrase.scan(
                    tokens, matcher, base: base, direction: direction, firstOnly: false, checkingStarts: false)
                #expect(checked == every, "\(text) \(direction)")
            }
        }
    }

    /// `Int` reads a leading `+`, so `+2 days ago` is a done date as it always was.
    @Test func aSignedAmountStillStartsAnExpression() {
        let base = Day(iso: "2026-11-20")!
        #expect(
            DatePhrase.first(in: "done +2 days ago", relativeTo: base, direction: .backwards)?.text == "+2 days ago")
    }
}
