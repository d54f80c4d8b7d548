import Foundation
import Testing

/// `journal lsp` as a process: frames in on stdin, frames out on stdout, nothing on disk changed.
@Suite struct LspCommandTests {
    static let files = [
        "journal.yml": "commitment-tag: commit\n",
        "entries/2026/11/2026-11-20.md": "- [ ] Send @ana the deck #commit ^deck\n",
        "entries/2026/12/2026-12-02.md": "- [x] [[2026-11-20#^dek]] sent\n",
    ]

    func frame(_ object: [String: Any]) -> Data {
        var message = object
        message["jsonrpc"] = "2.0"
        let body = try! JSONSerialization.data(withJSONObject: message)
        return Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    /// The JSON bodies in the server's stdout, in order.
    func messages(_ stdout: String) -> [[String: Any]] {
        var result: [[String: Any]] = []
        var rest = Substring(stdout)
        while let header = rest.range(of: "\r\n\r\n") {
            let length =
                Int(rest[..<header.lowerBound].split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "")
                ?? 0
            let body = rest.utf8[header.upperBound...].prefix(length)
            if let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] {
                result.append(object)
            }
            rest = Substring(String(decoding: rest.utf8[header.upperBound...].dropFirst(length), as: UTF8.self))
        }
        return result
    }

    func session(_ fixture: FixtureJournal, _ input: Data) throws -> JournalProcess.Result {
        let snapshot = try FileSnapshot(of: fixture.base)
        let result = try JournalProcess.run(
            ["lsp", "--debounce", "0"], in: fixture.root,
            environment: [
                "HOME": fixture.home.path, "JOURNAL_TODAY": "2026-12-02", "JOURNAL_NO_INDEX": "1",
                "XDG_CACHE_HOME": fixture.base.appendingPathComponent("cache").path,
            ],
            stdin: input)
        try snapshot.assertUnchanged()
        return result
    }

    @Test func aSessionPublishesCheckFindingsAndExitsZeroAfterShutdown() throws {
        let fixture = try FixtureJournal(Self.files)
        let uri = "file://" + fixture.path("entries/2026/12/2026-12-02.md")
        var input = frame([
            "id": 1, "method": "initialize",
            "params": ["rootUri": "file://" + fixture.path(), "capabilities": [:] as [String: Any]],
        ])
        input += Data("Content-Length: 5\r\n\r\n{oops".utf8)
        input += frame([
            "method": "textDocument/didOpen",
            "params": [
                "textDocument": ["uri": uri, "version": 1, "text": Self.files["entries/2026/12/2026-12-02.md"]!]
            ],
        ])
        input += frame(["id": 2, "method": "no/such/method", "params": [:] as [String: Any]])
        input += frame(["id": 3, "method": "shutdown"])
        input += frame(["method": "exit"])
        let result = try session(fixture, input)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let out = messages(result.stdout)
        #expect(out.count == 5)
        #expect(
            ((out.first?["result"] as? [String: Any])?["serverInfo"] as? [String: Any])?["name"] as? String == "journal"
        )
        #expect((out[1]["error"] as? [String: Any])?["code"] as? Int == -32700)
        let published = out[2]["params"] as? [String: Any]
        #expect(published?["uri"] as? String == uri)
        let message = ((published?["diagnostics"] as? [[String: Any]])?.first?["message"] as? String) ?? ""
        #expect(message == "follow-up to unknown commitment 2026-11-20#dek; did you mean 2026-11-20#deck?")
        #expect((out[3]["error"] as? [String: Any])?["code"] as? Int == -32601)
        #expect(out[4]["id"] as? Int == 3)
    }

    @Test func theEndOfInputWithoutShutdownExitsOne() throws {
        let fixture = try FixtureJournal(Self.files)
        let result = try session(
            fixture, frame(["id": 1, "method": "initialize", "params": ["capabilities": [:] as [String: Any]]]))
        #expect(result.status == 1)
        #expect(messages(result.stdout).count == 1)
    }
}
