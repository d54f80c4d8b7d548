import Foundation
import JournalKit
import JournalLSP
import Testing

/// Collects what the server sends, decoded as JSON objects.
final class CollectingSink: MessageSink, @unchecked Sendable {
    let lock = NSLock()
    var bodies: [[UInt8]] = []

    func send(_ body: [UInt8]) { lock.withLock { bodies.append(body) } }

    /// Everything sent since the last call.
    func take() -> [[String: Any]] {
        let taken = lock.withLock {
            let all = bodies
            bodies = []
            return all
        }
        return taken.compactMap { (try? JSONSerialization.jsonObject(with: Data($0))) as? [String: Any] }
    }
}

/// An in-memory journal (parsed from inline text, never on disk) behind a server with a manual
/// scheduler: messages go in as JSON, responses and notifications come out, nothing sleeps.
struct LSPHarness {
    static let root = "/mem/journal"
    let sink = CollectingSink()
    let scheduler = ManualScheduler()
    let server: JournalServer
    var journal: Journal
    var nextID = 0

    init(files: [String: String], today: String = "2026-12-02", config: Config = Config()) {
        var journal = Journal(root: Self.root, config: config, entries: [], diagnostics: [])
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            journal = journal.replacing(path: path, with: Array(text.utf8))
        }
        self.journal = journal
        let loaded = journal
        let day = Day(iso: today) ?? Day(ordinal: 0)
        server = JournalServer(
            sink: sink,
            options: .init(
                journal: Self.root, today: { day }, scheduler: scheduler, loader: { _ in loaded }))
    }

    static func uri(_ path: String) -> String { "file://\(root)/\(path)" }

    func raw(_ json: String) async { await server.handle(.message(Array(json.utf8))) }

    func send(_ object: [String: Any]) async {
        var message = object
        message["jsonrpc"] = "2.0"
        let data = try! JSONSerialization.data(withJSONObject: message)
        await server.handle(.message(Array(data)))
    }

    /// Sends a request and returns its response; other messages stay in `sink`.
    mutating func request(_ method: String, _ params: Any) async -> [String: Any] {
        nextID += 1
        let id = nextID
        await send(["id": id, "method": method, "params": params])
        var response: [String: Any] = [:]
        var others: [[UInt8]] = []
        for message in sink.take() {
            if message["id"] as? Int == id, message["method"] == nil {
                response = message
            } else {
                others.append(Array(try! JSONSerialization.data(withJSONObject: message)))
            }
        }
        sink.lock.withLock { sink.bodies.insert(contentsOf: others, at: 0) }
        return response
    }

    func notify(_ method: String, _ params: Any) async { await send(["method": method, "params": params]) }

    mutating func initialize(utf8: Bool = false) async -> [String: Any] {
        let general: [String: Any] = utf8 ? ["positionEncodings": ["utf-8", "utf-16"]] : [:]
        let response = await request(
            "initialize",
            ["processId": NSNull(), "rootUri": "file://\(Self.root)", "capabilities": ["general": general]])
        await notify("initialized", [:] as [String: Any])
        return response
    }

    func open(_ path: String, _ text: String, version: Int = 1) async {
        await notify(
            "textDocument/didOpen",
            ["textDocument": ["uri": Self.uri(path), "languageId": "markdown", "version": version, "text": text]])
    }

    func change(_ path: String, version: Int, _ changes: [[String: Any]]) async {
        await notify(
            "textDocument/didChange",
            ["textDocument": ["uri": Self.uri(path), "version": version], "contentChanges": changes])
    }

    /// The latest diagnostics published for each document, by path, from what was sent since last asked.
    func published() -> [String: [[String: Any]]] {
        var result: [String: [[String: Any]]] = [:]
        for message in sink.take() where message["method"] as? String == "textDocument/publishDiagnostics" {
            guard let params = message["params"] as? [String: Any], let uri = params["uri"] as? String else { continue }
            result[String(uri.dropFirst("file://\(Self.root)/".count))] =
                params["diagnostics"] as? [[String: Any]] ?? []
        }
        return result
    }

    mutating func position(_ path: String, line: Int, character: Int) -> [String: Any] {
        ["textDocument": ["uri": Self.uri(path)], "position": ["line": line, "character": character]]
    }
}

/// `{"line": l, "character": c}` → (l, c).
func point(_ value: Any?) -> (Int, Int)? {
    guard let object = value as? [String: Any], let line = object["line"] as? Int,
        let character = object["character"] as? Int
    else { return nil }
    return (line, character)
}

/// A range's start and end.
func span(_ value: Any?) -> ((Int, Int), (Int, Int))? {
    guard let object = value as? [String: Any], let start = point(object["start"]), let end = point(object["end"])
    else {
        return nil
    }
    return (start, end)
}

/// The characters of a line between two UTF-16 offsets.
func utf16Slice(_ line: String, _ start: Int, _ end: Int) -> String {
    let units = Array(line.utf16)
    return String(decoding: units[max(0, start)..<min(end, units.count)], as: UTF16.self)
}

func day(_ iso: String) -> Day { Day(iso: iso) ?? Day(ordinal: 0) }

/// A small journal written on Wednesday 2026-12-02 ("today" in these tests).
enum Sample {
    static let made = "entries/2026/11/2026-11-20.md"
    static let madeText = """
        # Friday

        - [ ] Send @ana the pricing deck by Nov 27 #commit #sales ^deck
        - [ ] Ask @li about the 日本 launch 🚀 #commit ^launch
        - [ ] Review the hiring plan with @ana #commit
        - [x] Book the offsite #commit ^offsite

        """
    static let later = "entries/2026/11/2026-11-25.md"
    static let laterText = """
        - [>] [[2026-11-20#^deck]] pushed, Ana is travelling, by Dec 4
        - [ ] [Launch](2026-11-20.md#launch) waiting on @li

        """
    static let today = "entries/2026/12/2026-12-02.md"

    static var files: [String: String] { [made: madeText, later: laterText] }
}
