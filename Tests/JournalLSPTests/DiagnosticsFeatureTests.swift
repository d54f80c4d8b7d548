import Foundation
import JournalKit
import JournalLSP
import Testing

@Suite struct DiagnosticsFeatureTests {
    @Test func anOpenEntryGetsCheckFindingsWithTheSameMessagesAndSeverities() async {
        var files = Sample.files
        files[Sample.today] = "- [x] [[2026-11-20#^dek]] sent\n- [ ] Draft by Firday #commit\n"
        var harness = LSPHarness(files: files)
        _ = await harness.initialize()
        await harness.open(Sample.today, files[Sample.today]!)
        let published = harness.published()[Sample.today] ?? []
        let expected = CheckReport(journal: harness.journal).diagnostics.filter { $0.path == Sample.today }
        #expect(published.count == expected.count)
        #expect(published.compactMap { $0["message"] as? String } == expected.map(\.message))
        #expect(
            published.compactMap { $0["severity"] as? Int }
                == expected.map { $0.severity == .error ? 1 : 2 })
        #expect(expected.contains { $0.message.contains("did you mean 2026-11-20#deck?") })
    }

    @Test func theRangeIsTheLinkForAFollowUpAndThePhraseForADate() async {
        var harness = LSPHarness(files: Sample.files)
        _ = await harness.initialize()
        let text = "- [x] 🚀 日本 [[2026-11-20#^dek]] sent\n- [ ] Draft 日本 by Firday #commit\n"
        await harness.open(Sample.today, text)
        let lines = text.split(separator: "\n").map(String.init)
        let published = harness.published()[Sample.today] ?? []
        let link = published.first { ($0["message"] as? String)?.contains("unknown commitment") == true }
        if let ((l, s), (_, e)) = span(link?["range"]) {
            #expect(l == 0)
            #expect(utf16Slice(lines[0], s, e) == "[[2026-11-20#^dek]]")
        } else {
            Issue.record("no follow-up diagnostic")
        }
        let date = published.first { ($0["message"] as? String)?.contains("Firday") == true }
        if let ((l, s), (_, e)) = span(date?["range"]) {
            #expect(l == 1)
            #expect(utf16Slice(lines[1], s, e) == "by Firday")
        } else {
            Issue.record("no date diagnostic")
        }
    }

    @Test func utf8PositionsCountBytesWhenNegotiated() async {
        var harness = LSPHarness(files: Sample.files)
        _ = await harness.initialize(utf8: true)
        let text = "- [x] 🚀 [[2026-11-20#^dek]]\n"
        await harness.open(Sample.today, text)
        let range = span(harness.published()[Sample.today]?.first?["range"])
        #expect(range?.0.1 == 6 + 4 + 1)
        #expect(range?.1.1 == 6 + 4 + 1 + 19)
    }

    @Test func typingABrokenFollowUpShowsTheErrorAndFixingItClearsIt() async {
        var harness = LSPHarness(files: Sample.files)
        _ = await harness.initialize()
        await harness.open(Sample.today, "Notes.\n")
        #expect(harness.published()[Sample.today]?.isEmpty == true)
        await harness.change(
            Sample.today, version: 2,
            [
                [
                    "range": ["start": ["line": 1, "character": 0], "end": ["line": 1, "character": 0]],
                    "text": "- [x] [[2026-11-20#^dekc]] sent\n",
                ]
            ])
        await harness.scheduler.runPending()
        #expect(harness.published()[Sample.today]?.count == 1)
        // Fix the typo in place: `dekc` → `deck`.
        await harness.change(
            Sample.today, version: 3,
            [["range": ["start": ["line": 1, "character": 22], "end": ["line": 1, "character": 24]], "text": "ck"]])
        await harness.scheduler.runPending()
        #expect(harness.published()[Sample.today]?.isEmpty == true)
    }

    @Test func addingTheIdAnotherOpenBufferPointsAtClearsItsError() async {
        var harness = LSPHarness(files: Sample.files)
        _ = await harness.initialize()
        await harness.open(Sample.today, "- [x] [[2026-11-20#^plan]] done\n")
        #expect(harness.published()[Sample.today]?.count == 1)
        await harness.open(Sample.made, Sample.madeText)
        _ = harness.published()
        let edited = Sample.madeText.replacingOccurrences(of: "with @ana #commit", with: "with @ana #commit ^plan")
        await harness.change(Sample.made, version: 2, [["text": edited]])
        await harness.scheduler.runPending()
        let published = harness.published()
        #expect(published[Sample.today]?.isEmpty == true)
        #expect(published[Sample.made] != nil)
    }

    @Test func anOpenBufferAChangeDoesNotAffectIsNotRepublished() async {
        var harness = LSPHarness(files: Sample.files)
        _ = await harness.initialize()
        await harness.open(Sample.later, Sample.laterText)
        await harness.open(Sample.today, "")
        _ = harness.published()
        await harness.change(Sample.today, version: 2, [["text": "Just notes.\n"]])
        await harness.scheduler.runPending()
        #expect(Array(harness.published().keys) == [Sample.today])
    }

    @Test func closingABufferGoesBackToTheFileAndClearsItsDiagnostics() async {
        var harness = LSPHarness(files: Sample.files)
        _ = await harness.initialize()
        await harness.open(Sample.today, "- [x] [[2026-11-20#^nope]]\n")
        _ = harness.published()
        await harness.notify("textDocument/didClose", ["textDocument": ["uri": LSPHarness.uri(Sample.today)]])
        #expect(harness.published()[Sample.today]?.isEmpty == true)
        let symbols = await harness.request("workspace/symbol", ["query": ""])
        #expect((symbols["result"] as? [Any])?.count == 4)
    }

    @Test func aFindingWithoutALineCoversTheFileStart() {
        let text = DocumentText("hello\n")
        let span = DiagnosticRanges.span(for: Diagnostic(path: "a.md", severity: .warning, message: "x"), in: text)
        #expect(span == LineSpan(line: 0, start: 0, end: 0))
    }

    @Test func aFindingWithAColumnAndNoTokenStartsThere() {
        let text = DocumentText("  - [ ] something odd here\n")
        let span = DiagnosticRanges.span(
            for: Diagnostic(path: "a.md", line: 1, column: 9, severity: .warning, message: "odd"), in: text)
        #expect(span == LineSpan(line: 0, start: 8, end: 26))
        let whole = DiagnosticRanges.span(
            for: Diagnostic(path: "a.md", line: 1, severity: .warning, message: "odd"), in: text)
        #expect(whole == LineSpan(line: 0, start: 2, end: 26))
    }
}

@Suite struct ReplacingTests {
    @Test func aReplacedEntryGivesTheSameJournalAsLoadingItFresh() {
        let harness = LSPHarness(files: Sample.files)
        let text = "- [ ] Call @Ana about #Sales #commit\n- [x] [[2026-11-20#^deck]]\n"
        let replaced = harness.journal.replacing(path: Sample.today, with: Array(text.utf8))
        var files = Sample.files
        files[Sample.today] = text
        let fresh = LSPHarness(files: files).journal
        #expect(replaced.entries == fresh.entries)
        #expect(replaced.diagnostics == fresh.diagnostics)
        #expect(replaced.checkFindings() == fresh.checkFindings())
    }

    @Test func namesWithInvisibleCharactersAreStillUnifiedAcrossEntries() {
        let harness = LSPHarness(files: Sample.files)
        let replaced = harness.journal.replacing(
            path: Sample.today, with: Array("- [ ] Call @a\u{200D}na #commit\n".utf8))
        #expect(replaced.entries.first { $0.path == Sample.today }?.commitments.first?.people == ["ana"])
    }

    @Test func aRemovedFileLeavesTheJournal() {
        let harness = LSPHarness(files: Sample.files)
        let removed = harness.journal.replacing(path: Sample.later, with: nil)
        #expect(removed.entries.map(\.path) == [Sample.made])
        #expect(Journal.entryFile(path: "entries/notes.md") == nil)
        #expect(Journal.entryFile(path: "journals/2026_12_02.md")?.date == day("2026-12-02"))
    }
}

@Suite struct LedgerReuseTests {
    @Test func typingProseKeepsTheLedgerAndTheSameFindings() {
        let harness = LSPHarness(files: Sample.files)
        let edited = Sample.laterText + "\nMore notes 日本 by Firday.\n"
        let replacement = harness.journal.replacingEntry(path: Sample.later, with: Array(edited.utf8))
        #expect(!replacement.ledgerChanged)
        var files = Sample.files
        files[Sample.later] = edited
        let fresh = LSPHarness(files: files).journal
        let followUps = replacement.journal.followUpFindings()
        #expect(
            replacement.journal.checkFindings(path: Sample.later, followUpFindings: followUps) == fresh.checkFindings()[
                Sample.later] ?? [])
    }

    @Test func aChangedFollowUpOrCommitmentRebuildsIt() {
        let harness = LSPHarness(files: Sample.files)
        let followUp = Sample.laterText.replacingOccurrences(of: "^deck", with: "^launch")
        #expect(harness.journal.replacingEntry(path: Sample.later, with: Array(followUp.utf8)).ledgerChanged)
        let moved = "\n" + Sample.laterText
        #expect(harness.journal.replacingEntry(path: Sample.later, with: Array(moved.utf8)).ledgerChanged)
        #expect(harness.journal.replacingEntry(path: Sample.later, with: nil).ledgerChanged)
        #expect(
            !harness.journal.replacingEntry(path: "entries/2026/12/2026-12-09.md", with: Array("notes\n".utf8))
                .ledgerChanged)
    }
}
