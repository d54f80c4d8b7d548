import Foundation
import JournalKit
import JournalLSP
import Testing

@Suite struct CodeActionAndSymbolTests {
    func actions(_ harness: inout LSPHarness, _ path: String, line: Int) async -> [[String: Any]] {
        let response = await harness.request(
            "textDocument/codeAction",
            [
                "textDocument": ["uri": LSPHarness.uri(path)],
                "range": ["start": ["line": line, "character": 0], "end": ["line": line, "character": 0]],
                "context": ["diagnostics": [] as [Any]],
            ])
        return response["result"] as? [[String: Any]] ?? []
    }

    func edits(_ action: [String: Any]?, _ path: String) -> [[String: Any]] {
        ((action?["edit"] as? [String: Any])?["changes"] as? [String: Any])?[LSPHarness.uri(path)] as? [[String: Any]]
            ?? []
    }

    /// The line with the action's edits applied, last first.
    func applied(_ line: String, _ edits: [[String: Any]]) -> String {
        var units = Array(line.utf16)
        for edit in edits.sorted(by: { (span($0["range"])?.0.1 ?? 0) > (span($1["range"])?.0.1 ?? 0) }) {
            guard let ((_, s), (_, e)) = span(edit["range"]), let text = edit["newText"] as? String else { continue }
            units.replaceSubrange(s..<e, with: Array(text.utf16))
        }
        return String(decoding: units, as: UTF16.self)
    }

    @Test func aStableIdKeepsTheDerivedSlugSoLinksStillResolve() async throws {
        var harness = LSPHarness(files: Sample.files)
        _ = await harness.initialize()
        await harness.open(Sample.made, Sample.madeText)
        let found = await actions(&harness, Sample.made, line: 4)
        let action = found.first { ($0["title"] as? String)?.hasPrefix("Add a stable id") == true }
        let derived = try #require(harness.journal.entries.first { $0.path == Sample.made }?.commitments[2].id)
        #expect(action?["title"] as? String == "Add a stable id (^\(derived))")
        let line = "- [ ] Review the hiring plan with @ana #commit"
        let after = applied(line, edits(action, Sample.made))
        #expect(after == line + " ^" + derived)
        // Written, the commitment keeps its reference.
        let entry = EntryParser(config: Config()).parse(
            Array(after.utf8), path: Sample.made, stem: "2026-11-20", date: day("2026-11-20")
        ).entry
        #expect(entry?.commitments.first?.id == derived)
        #expect(await actions(&harness, Sample.made, line: 2).isEmpty)
    }

    @Test func aNonASCIICommitmentGetsAnASCIIIdAndItsOldSlugStillResolves() async throws {
        var files = Sample.files
        let path = "entries/2026/11/2026-11-21.md"
        files[path] = "- [ ] Écrire à 日本 @li #commit\n"
        files[Sample.today] = ""
        var harness = LSPHarness(files: files)
        _ = await harness.initialize()
        await harness.open(path, files[path]!)
        let old = try #require(harness.journal.entries.first { $0.path == path }?.commitments.first?.id)
        let action = await actions(&harness, path, line: 0).first
        let after = applied("- [ ] Écrire à 日本 @li #commit", edits(action, path))
        let id = String(after.split(separator: "^").last ?? "")
        #expect(!id.isEmpty && id.unicodeScalars.allSatisfy(\.isASCII))
        var journal = harness.journal.replacing(path: path, with: Array((after + "\n").utf8))
        journal = journal.replacing(path: Sample.today, with: Array("- [x] [[2026-11-21#\(old)]]\n".utf8))
        #expect(!CheckReport(journal: journal).diagnostics.contains { $0.severity == .error })
    }

    @Test func aPrefilledFollowUpDatedTodayCanBeMarkedReleasedOrCarried() async {
        var harness = LSPHarness(files: Sample.files)
        _ = await harness.initialize()
        let line =
            "- [ ] Review the hiring plan with @ana #commit (no due date) [2026-11-20](../11/2026-11-20.md#review-the-hiring-plan-with)"
        await harness.open(Sample.today, line + "\n")
        let found = await actions(&harness, Sample.today, line: 0)
        let titles = found.compactMap { $0["title"] as? String }
        #expect(
            titles == [
                "Mark kept", "Released", "Carry forward to tomorrow (2026-12-03)",
                "Carry forward to next Friday (2026-12-04)", "Carry forward to end of month (2026-12-31)",
            ])
        let kept = applied(line, edits(found.first, Sample.today))
        #expect(kept.hasPrefix("- [x] Review"))
        #expect(kept.hasSuffix(") ✅ 2026-12-02"))
        let carried = applied(line, edits(found[3], Sample.today))
        #expect(carried.hasPrefix("- [>] ") && carried.hasSuffix(" 📅 2026-12-04"))
        // Written, each reads back as the decision.
        for (action, box) in zip(found.prefix(3), [Box.done, .released, .carried]) {
            let text = applied(line, edits(action, Sample.today))
            let journal = harness.journal.replacing(path: Sample.today, with: Array((text + "\n").utf8))
            #expect(journal.entries.first { $0.path == Sample.today }?.followUps.first?.box == box)
        }
    }

    @Test func decisionsAreOfferedOnlyInTodaysEntryAndOnlyOnAnOpenBox() async {
        var harness = LSPHarness(files: Sample.files, today: "2026-12-03")
        _ = await harness.initialize()
        await harness.open(Sample.today, "- [ ] [[2026-11-20#^launch]]\n- [x] [[2026-11-20#^deck]]\n")
        #expect(await actions(&harness, Sample.today, line: 0).isEmpty)
        var same = LSPHarness(files: Sample.files)
        _ = await same.initialize()
        await same.open(Sample.today, "- [ ] [[2026-11-20#^launch]]\n- [x] [[2026-11-20#^deck]]\n")
        #expect(await actions(&same, Sample.today, line: 0).count == 5)
        #expect(await actions(&same, Sample.today, line: 1).isEmpty)
    }

    @Test func aDidYouMeanBecomesChangeToTheSuggestion() async {
        var harness = LSPHarness(files: Sample.files)
        _ = await harness.initialize()
        let text = "- [x] 日本 [[2026-11-20#^dek|the deck]] and [d](../11/2026-11-20.md#lanch)\n"
        await harness.open(Sample.today, text)
        let found = await actions(&harness, Sample.today, line: 0)
        let titles = found.compactMap { $0["title"] as? String }
        #expect(titles.contains("Change to 2026-11-20#deck"))
        #expect(titles.contains("Change to 2026-11-20#launch"))
        var line = String(text.dropLast())
        // Each action is offered against the line as it is; apply the rightmost first.
        for action in found.reversed() { line = applied(line, edits(action, Sample.today)) }
        #expect(line == "- [x] 日本 [[2026-11-20#^deck|the deck]] and [d](../11/2026-11-20.md#launch)")
    }

    @Test func aWrongEntryNameIsChangedToTheClosestEntry() async {
        var harness = LSPHarness(files: Sample.files)
        _ = await harness.initialize()
        let text = "- [x] [[2026-11-02#^deck]]\n"
        await harness.open(Sample.today, text)
        let found = await actions(&harness, Sample.today, line: 0)
        #expect(applied(String(text.dropLast()), edits(found.first, Sample.today)) == "- [x] [[2026-11-20#^deck]]")
    }

    @Test func documentSymbolsListCommitmentsExpectationsAndFollowUps() async {
        var harness = LSPHarness(files: Sample.files)
        _ = await harness.initialize()
        let text =
            "- [ ] Ship the 🚀 notes #commit\n- The team answers within a day #expect\n- [x] [[2026-11-20#^deck]]\n"
        await harness.open(Sample.today, text)
        let response = await harness.request(
            "textDocument/documentSymbol", ["textDocument": ["uri": LSPHarness.uri(Sample.today)]])
        let symbols = response["result"] as? [[String: Any]] ?? []
        #expect(symbols.compactMap { $0["kind"] as? Int } == [24, 11, 8])
        #expect(symbols.last?["name"] as? String == "[x] Send @ana the pricing deck by Nov 27 #commit #sales")
        #expect(span(symbols.last?["selectionRange"])?.0.1 == 6)
    }

    @Test func workspaceSymbolsFindCommitmentsByWordsInAnyOrder() async {
        var harness = LSPHarness(files: Sample.files)
        _ = await harness.initialize()
        let response = await harness.request("workspace/symbol", ["query": "DECK pricing"])
        let symbols = response["result"] as? [[String: Any]] ?? []
        #expect(symbols.count == 1)
        #expect(symbols.first?["containerName"] as? String == "2026-11-20#deck")
        #expect(((symbols.first?["location"] as? [String: Any])?["uri"] as? String) == LSPHarness.uri(Sample.made))
        #expect(
            ((await harness.request("workspace/symbol", ["query": "nothing like this"]))["result"] as? [Any])?.isEmpty
                == true)
    }
}
