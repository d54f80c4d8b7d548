import Foundation
import JournalKit
import JournalLSP
import Testing

@Suite struct NavigationFeatureTests {
    let followUps = "- [x] 🚀 [[2026-11-20#^deck]] sent at last\n- [ ] [notes](../11/2026-11-20.md#launch)\n"

    @Test func hoverOnAFollowUpLinkShowsStatusDueMovesFollowUpsAndTheReference() async {
        var harness = LSPHarness(files: Sample.files)
        _ = await harness.initialize()
        await harness.open(Sample.today, followUps)
        let response = await harness.request(
            "textDocument/hover", harness.position(Sample.today, line: 0, character: 12))
        let result = response["result"] as? [String: Any]
        let value = (result?["contents"] as? [String: Any])?["value"] as? String ?? ""
        #expect(value.hasPrefix("**kept on time** as of 2026-12-02 · due 2026-12-04 · moved 1 time"))
        #expect(value.contains("2026-11-20#deck"))
        #expect(value.contains("due 2026-11-27 → 2026-12-04"))
        #expect(value.contains("pushed, Ana is travelling"))
        #expect(value.contains("entries/2026/12/2026-12-02.md:1"))
        let range = span(result?["range"])
        #expect(range?.0.1 == 9)
        #expect(range?.1.1 == 9 + "[[2026-11-20#^deck]]".utf16.count)
    }

    @Test func hoverUsesTodayForTheStatus() async {
        var harness = LSPHarness(files: Sample.files, today: "2026-12-20")
        _ = await harness.initialize()
        await harness.open(Sample.made, Sample.madeText)
        let response = await harness.request("textDocument/hover", harness.position(Sample.made, line: 4, character: 3))
        let value = ((response["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String ?? ""
        #expect(value.hasPrefix("**stale** as of 2026-12-20"))
    }

    @Test func hoverOnPlainTextIsNull() async {
        var harness = LSPHarness(files: Sample.files)
        _ = await harness.initialize()
        await harness.open(Sample.made, Sample.madeText)
        let response = await harness.request("textDocument/hover", harness.position(Sample.made, line: 0, character: 2))
        #expect(response["result"] is NSNull)
    }

    @Test func definitionFromAFollowUpLinkIsTheCommitmentsLine() async {
        var harness = LSPHarness(files: Sample.files)
        _ = await harness.initialize()
        await harness.open(Sample.today, followUps)
        for (line, character, target) in [(0, 15, 2), (1, 10, 3)] {
            let response = await harness.request(
                "textDocument/definition", harness.position(Sample.today, line: line, character: character))
            let location = (response["result"] as? [[String: Any]])?.first
            #expect(location?["uri"] as? String == LSPHarness.uri(Sample.made))
            #expect(span(location?["range"])?.0.0 == target)
        }
    }

    @Test func definitionInAnotherOpenBufferUsesItsTextNotTheDisk() async {
        var harness = LSPHarness(files: Sample.files)
        _ = await harness.initialize()
        await harness.open(Sample.made, "New line on top.\n" + Sample.madeText)
        await harness.open(Sample.today, followUps)
        let response = await harness.request(
            "textDocument/definition", harness.position(Sample.today, line: 0, character: 15))
        #expect(span((response["result"] as? [[String: Any]])?.first?["range"])?.0.0 == 3)
    }

    @Test func referencesFromACommitmentAreEveryLineThatLinksToIt() async {
        var harness = LSPHarness(files: Sample.files)
        _ = await harness.initialize()
        await harness.open(Sample.today, followUps)
        await harness.open(Sample.made, Sample.madeText)
        let response = await harness.request(
            "textDocument/references",
            [
                "textDocument": ["uri": LSPHarness.uri(Sample.made)], "position": ["line": 2, "character": 4],
                "context": ["includeDeclaration": false],
            ])
        let locations = response["result"] as? [[String: Any]] ?? []
        #expect(
            locations.compactMap { $0["uri"] as? String } == [
                LSPHarness.uri(Sample.later), LSPHarness.uri(Sample.today),
            ])
        let today = locations.last.flatMap { span($0["range"]) }
        #expect(today?.0.1 == 9)
        let withDeclaration = await harness.request(
            "textDocument/references",
            [
                "textDocument": ["uri": LSPHarness.uri(Sample.made)], "position": ["line": 2, "character": 4],
                "context": ["includeDeclaration": true],
            ])
        #expect((withDeclaration["result"] as? [Any])?.count == 3)
    }

    @Test func referencesOnALineWithNoCommitmentAreEmpty() async {
        var harness = LSPHarness(files: Sample.files)
        _ = await harness.initialize()
        await harness.open(Sample.made, Sample.madeText)
        let response = await harness.request(
            "textDocument/references",
            ["textDocument": ["uri": LSPHarness.uri(Sample.made)], "position": ["line": 0, "character": 0]])
        #expect((response["result"] as? [Any])?.isEmpty == true)
    }
}
