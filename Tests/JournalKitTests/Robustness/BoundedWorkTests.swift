import Testing

@testable import JournalKit

/// Issue 10, class 1, outside the item scanner: the worst shape of each construct at 256 KiB,
/// with a time limit as a hang guard. `Benchmarks/pathological.sh` times the same shapes at the
/// 2 MiB cap on a release build.
@Suite(.timeLimit(.minutes(1))) struct BoundedWorkTests {
    static let size = 256 * 1024

    static func lines(_ line: (Int) -> String) -> String {
        var text = ""
        var index = 0
        while text.utf8.count < size {
            text += line(index)
            index += 1
        }
        return text
    }

    @Test func markdownLinks() {
        let text = "- [ ] x " + String(repeating: "[a](b) ", count: Self.size / 7) + "#commit\n"
        #expect(parseEntry(text).commitments.count == 1)
    }

    @Test func identicalItemsGetDistinctIds() {
        let text = Self.lines { _ in "- [ ] same #commit\n" }
        let ids = parseEntry(text).commitments.map(\.reference.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.count > 10_000)
    }

    @Test func duplicateExplicitIds() {
        let text = Self.lines { _ in "- [ ] x #commit ^dup\n" }
        let result = parseEntry(text)
        #expect(result.commitments.count > 10_000)
        // The first 100 are listed, then one line says how many more (issue 10's cap per kind).
        #expect(result.diagnostics.count == EntryParser.maxDiagnosticsOfOneKind + 1)
        #expect(result.diagnostics.prefix(100).allSatisfy { $0.message == "duplicate id 'dup' in this entry" })
        let more = result.commitments.count - 1 - EntryParser.maxDiagnosticsOfOneKind
        #expect(result.diagnostics.last?.message == "and \(more) more like this in this file, not listed one by one")
        #expect(result.diagnostics.last?.severity == .error)
    }

    @Test func datePhraseWordsForwardsAndBackwards() {
        let words = String(repeating: "by next end of the q1 fiscal week 12/ on friday in 3 ", count: Self.size / 52)
        _ = DatePhrase.all(in: words, relativeTo: day("2026-11-20"), direction: .forwards)
        _ = DatePhrase.all(in: words, relativeTo: day("2026-11-20"), direction: .backwards)
        _ = DatePhrase.unresolved(in: words)
    }

    @Test func frontMatterOfManyKeys() {
        let yaml = Self.lines { "key\($0): value \($0)\n" }
        let result = parseEntry("---\n" + yaml + "---\n- [ ] x #commit\n")
        #expect(result.commitments.count == 1)
    }

    @Test func frontMatterBillionLaughsIsAWarning() {
        var yaml = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        let names = ["b", "c", "d", "e", "f", "g", "h", "i", "j"]
        for (index, name) in names.enumerated() {
            let previous = index == 0 ? "a" : names[index - 1]
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let result = parseEntry("---\n" + yaml + "tags: *j\n---\n- [ ] x #commit\n")
        #expect(result.problems.contains { $0.contains("front matter not read") }, "\(result.problems)")
        #expect(result.commitments.count == 1)
    }

    @Test func frontMatterAliasAsKeyIsRefusedBeforeYams() {
        let result = parseEntry("---\na: &a [x, x]\n? *a\n: boom\n---\n- [ ] x #commit\n")
        #expect(
            result.problems.contains { $0.contains("a YAML alias or anchor is used as a key") }, "\(result.problems)")
    }

    @Test func frontMatterFlowNestingIsRefused() {
        let deep = String(repeating: "[", count: Self.size / 2) + String(repeating: "]", count: Self.size / 2)
        let result = parseEntry("---\ntags: " + deep + "\n---\n- [ ] x #commit\n")
        #expect(result.problems.contains { $0.contains("nested more than 64 deep") }, "\(result.problems)")
    }

    @Test func frontMatterAFewAliasesAreFine() {
        let result = parseEntry("---\nwho: &w [ana, li]\npeople: *w\ntitle: a *bold* title\n---\n- [ ] x #commit\n")
        #expect(result.entry?.people == ["ana", "li"], "\(result.problems)")
        #expect(result.diagnostics.isEmpty)
    }

    @Test func templateNestingIsCheckedBeforeMustache() {
        let count = Self.size / 12
        let text = String(repeating: "{{#a}}", count: count) + String(repeating: "{{/a}}", count: count)
        let template = PromptTemplate(name: "deep", source: .journal, path: "templates/deep.md", text: text)
        #expect(
            throws: TemplateError.syntax(
                path: "templates/deep.md", line: 1, column: 385, problem: "sections nested more than 64 deep")
        ) {
            try TemplateRenderer.validate(template)
        }
        let shallow = String(repeating: "{{#a}}", count: 64) + String(repeating: "{{/a}}", count: 64)
        #expect(TemplateNesting.tooDeep(shallow) == nil)
        // New delimiters are followed.
        let changed = "{{=<% %>=}}" + String(repeating: "<%#a%>", count: 65)
        #expect(TemplateNesting.tooDeep(changed)?.column == 11 + 64 * 6 + 1)
    }

    @Test func didYouMeanForAHugeUnknownReference() {
        let candidates = (0..<5_000).map { "2026-11-\(String(format: "%02d", 1 + $0 % 28))#item-\($0)" }
        let word = String(repeating: "x", count: 120_000)
        #expect(Suggestions.ranked(word, among: candidates, limit: 3).count == 3)
        #expect(Suggestions.closest(to: word, among: candidates) == nil)
        #expect(Suggestions.closest(to: "2026-11-02#item-1", among: candidates) == "2026-11-02#item-1")
    }

    @Test func didYouMeanIsCappedPerFile() {
        let made = parseEntry("- [ ] Call ana #commit\n", stem: "2026-11-02").entry
        let links = Self.lines { "- [x] [[2026-11-02#unknown-\($0)]] done\n" }
        let follow = parseEntry(links, stem: "2026-11-20").entry
        let ledger = Ledger(entries: [made, follow].compactMap { $0 })
        let problems = ledger.followUpProblems()
        let suggested = problems.filter { $0.message.hasPrefix("follow-up to unknown commitment") }
        #expect(suggested.count == Ledger.maxSuggestedPerFile)
        #expect(
            problems.contains { $0.message.hasSuffix("more unknown references in this file, not listed one by one") })
    }
}
