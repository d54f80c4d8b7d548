import Foundation
import JournalKit
import JournalLSP
import Testing

@Suite struct ServerTests {
    @Test func initializeNegotiatesUTF8WhenOfferedElseUTF16() async {
        var offered = LSPHarness(files: Sample.files)
        let utf8 = await offered.initialize(utf8: true)
        let capabilities = (utf8["result"] as? [String: Any])?["capabilities"] as? [String: Any]
        #expect(capabilities?["positionEncoding"] as? String == "utf-8")
        #expect(capabilities?["hoverProvider"] as? Bool == true)
        var plain = LSPHarness(files: Sample.files)
        let utf16 = await plain.initialize()
        #expect(
            ((utf16["result"] as? [String: Any])?["capabilities"] as? [String: Any])?["positionEncoding"] as? String
                == "utf-16")
    }

    @Test func malformedJSONIsAParseErrorAndTheServerGoesOn() async {
        var harness = LSPHarness(files: Sample.files)
        _ = await harness.initialize()
        await harness.raw("{not json")
        let error = harness.sink.take().first?["error"] as? [String: Any]
        #expect(error?["code"] as? Int == -32700)
        await harness.server.handle(.malformed("bad Content-Length"))
        #expect((harness.sink.take().first?["error"] as? [String: Any])?["code"] as? Int == -32700)
        let symbols = await harness.request("workspace/symbol", ["query": "deck"])
        #expect((symbols["result"] as? [Any])?.count == 1)
    }

    @Test func jsonThatIsNotAnObjectIsAnInvalidRequest() async {
        var harness = LSPHarness(files: Sample.files)
        _ = await harness.initialize()
        await harness.raw("[1, 2]")
        #expect((harness.sink.take().first?["error"] as? [String: Any])?["code"] as? Int == -32600)
    }

    @Test func anUnknownMethodIsMethodNotFoundAndAnUnknownNotificationIsIgnored() async {
        var harness = LSPHarness(files: Sample.files)
        _ = await harness.initialize()
        let response = await harness.request("textDocument/formatting", [:] as [String: Any])
        #expect((response["error"] as? [String: Any])?["code"] as? Int == -32601)
        await harness.notify("$/cancelRequest", ["id": 1])
        #expect(harness.sink.take().isEmpty)
    }

    @Test func aRequestBeforeInitializeIsRefused() async {
        var harness = LSPHarness(files: Sample.files)
        let response = await harness.request("textDocument/hover", harness.position(Sample.made, line: 0, character: 0))
        #expect((response["error"] as? [String: Any])?["code"] as? Int == -32002)
    }

    @Test func badParamsAreInvalidParams() async {
        var harness = LSPHarness(files: Sample.files)
        _ = await harness.initialize()
        let response = await harness.request("textDocument/hover", ["textDocument": 3])
        #expect((response["error"] as? [String: Any])?["code"] as? Int == -32602)
    }

    @Test func anUnknownDocumentGetsEmptyAnswers() async {
        var harness = LSPHarness(files: Sample.files)
        _ = await harness.initialize()
        let position = harness.position("entries/nowhere/2026-01-01.md", line: 0, character: 0)
        #expect((await harness.request("textDocument/hover", position))["result"] is NSNull)
        #expect((await harness.request("textDocument/definition", position))["result"] as? [Any] != nil)
        let completion = await harness.request("textDocument/completion", position)
        #expect(((completion["result"] as? [String: Any])?["items"] as? [Any])?.isEmpty == true)
    }

    @Test func aBufferOutsideTheJournalIsIgnored() async {
        var harness = LSPHarness(files: Sample.files)
        _ = await harness.initialize()
        await harness.notify(
            "textDocument/didOpen",
            ["textDocument": ["uri": "file:///elsewhere/2026-12-02.md", "version": 1, "text": "- [ ] x #commit"]])
        await harness.open("entries/README.md", "# not an entry")
        #expect(harness.published().isEmpty)
    }

    @Test func shutdownThenExitEndsWithZeroAndExitAloneWithOne() async {
        var harness = LSPHarness(files: Sample.files)
        _ = await harness.initialize()
        let shutdown = await harness.request("shutdown", NSNull())
        #expect(shutdown["result"] is NSNull)
        await harness.notify("exit", NSNull())
        #expect(await harness.server.exitCode == 0)
        var abrupt = LSPHarness(files: Sample.files)
        _ = await abrupt.initialize()
        await abrupt.notify("exit", NSNull())
        #expect(await abrupt.server.exitCode == 1)
    }

    @Test func theEndOfInputEndsTheServer() async {
        let harness = LSPHarness(files: Sample.files)
        let (stream, continuation) = AsyncStream.makeStream(of: FrameDecoder.Frame.self)
        continuation.yield(.message(Array(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#.utf8)))
        continuation.finish()
        #expect(await harness.server.run(stream) == 1)
        #expect(harness.sink.take().count == 1)
    }

    @Test func editsWaitForTheDebounceAndOnlyTheLatestIsParsed() async {
        var harness = LSPHarness(files: Sample.files)
        _ = await harness.initialize()
        await harness.open(Sample.today, "Quiet day.\n")
        #expect(harness.published()[Sample.today]?.isEmpty == true)
        await harness.change(Sample.today, version: 2, [["text": "- [x] [[2026-11-20#^dek]]\n"]])
        await harness.change(Sample.today, version: 3, [["text": "- [x] [[2026-11-20#^dekk]]\n"]])
        #expect(harness.published().isEmpty)
        #expect(harness.scheduler.pendingCount == 2)
        await harness.scheduler.runPending()
        let published = harness.published()
        #expect(published.count == 1)
        let messages = published[Sample.today]?.compactMap { $0["message"] as? String } ?? []
        #expect(messages.count == 1)
        #expect(messages.first?.contains("2026-11-20#dekk") == true)
    }

    @Test func aRequestSeesAnEditStillWaitingForItsDebounce() async {
        var harness = LSPHarness(files: Sample.files)
        _ = await harness.initialize()
        await harness.open(Sample.today, "")
        await harness.change(Sample.today, version: 2, [["text": "- [ ] Call @bo about the move #commit\n"]])
        let symbols = await harness.request(
            "textDocument/documentSymbol", ["textDocument": ["uri": LSPHarness.uri(Sample.today)]])
        #expect((symbols["result"] as? [[String: Any]])?.first?["name"] as? String == "Call @bo about the move #commit")
    }

    @Test func aBufferOverTheEntrySizeCapIsNotParsed() async {
        var config = Config()
        config.maxEntryBytes = 1024
        var harness = LSPHarness(files: Sample.files, config: config)
        _ = await harness.initialize()
        let huge = String(repeating: "- [ ] padding line #commit\n", count: 100)
        await harness.open(Sample.today, huge)
        let diagnostics = harness.published()[Sample.today] ?? []
        #expect(diagnostics.count == 1)
        #expect((diagnostics.first?["message"] as? String)?.hasPrefix("not parsed") == true)
        let symbols = await harness.request(
            "textDocument/documentSymbol", ["textDocument": ["uri": LSPHarness.uri(Sample.today)]])
        #expect((symbols["result"] as? [Any])?.isEmpty == true)
    }
}

@Suite struct WatchedFilesTests {
    @Test func aClientThatCanWatchFilesIsAskedToAfterInitialized() async {
        var harness = LSPHarness(files: Sample.files)
        _ = await harness.request(
            "initialize",
            ["capabilities": ["workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]]]])
        await harness.notify("initialized", [:] as [String: Any])
        let sent = harness.sink.take()
        #expect(sent.count == 1)
        #expect(sent.first?["method"] as? String == "client/registerCapability")
        let registration = ((sent.first?["params"] as? [String: Any])?["registrations"] as? [[String: Any]])?.first
        #expect(registration?["method"] as? String == "workspace/didChangeWatchedFiles")
        // The client's answer is a response to nothing the server waits on: ignored.
        await harness.raw(#"{"jsonrpc":"2.0","id":"register-watchers","result":null}"#)
        #expect(harness.sink.take().isEmpty)
    }

    @Test func aClientThatCannotIsNotAsked() async {
        var harness = LSPHarness(files: Sample.files)
        _ = await harness.initialize()
        #expect(harness.sink.take().isEmpty)
    }

    /// A journal on disk with Sample.made, a server on it, and today's entry open with a follow-up
    /// to `2026-11-20#plan`, which does not exist yet.
    struct OnDisk {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lsp-disk-\(UUID().uuidString)")
        let sink = CollectingSink()
        let server: JournalServer
        var made: URL { folder.appendingPathComponent(Sample.made) }
        var today: String { FileURI.uri(folder.path + "/" + Sample.today) }

        init() async throws {
            server = JournalServer(
                sink: sink,
                options: .init(journal: folder.path, today: { day("2026-12-02") }, scheduler: ManualScheduler()))
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(Sample.made).deletingLastPathComponent(),
                withIntermediateDirectories: true)
            try Data(Sample.madeText.utf8).write(to: folder.appendingPathComponent(Sample.made))
            await send(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#)
            await send(
                #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"\#(today)","version":1,"text":"- [x] [[2026-11-20#^plan]]\n"}}}"#
            )
            _ = sink.take()
        }

        func send(_ json: String) async { await server.handle(.message(Array(json.utf8))) }

        /// How many diagnostics the last publish for today's entry held.
        func published() -> Int? {
            let message = sink.take().last { $0["method"] as? String == "textDocument/publishDiagnostics" }
            return ((message?["params"] as? [String: Any])?["diagnostics"] as? [Any])?.count
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    @Test func aWatchedChangeToAFileNotOpenIsReadAgainAndADeletionDropsIt() async throws {
        let disk = try await OnDisk()
        defer { disk.remove() }
        // Someone adds the id on disk: the open buffer's error goes.
        try Data((Sample.madeText + "- [ ] Plan it #commit ^plan\n").utf8).write(to: disk.made)
        let uri = FileURI.uri(disk.made.path)
        await disk.send(
            #"{"jsonrpc":"2.0","method":"workspace/didChangeWatchedFiles","params":{"changes":[{"uri":"\#(uri)","type":2}]}}"#
        )
        #expect(disk.published() == 0)
        await disk.send(
            #"{"jsonrpc":"2.0","method":"workspace/didChangeWatchedFiles","params":{"changes":[{"uri":"\#(uri)","type":3}]}}"#
        )
        #expect(disk.published() == 1)
    }

    @Test func withoutWatchingASaveNoticesFilesChangedOnDisk() async throws {
        let disk = try await OnDisk()
        defer { disk.remove() }
        try Data((Sample.madeText + "- [ ] Plan it, a longer line #commit ^plan\n").utf8).write(to: disk.made)
        await disk.send(
            #"{"jsonrpc":"2.0","method":"textDocument/didSave","params":{"textDocument":{"uri":"\#(disk.today)"}}}"#)
        #expect(disk.published() == 0)
    }
}
