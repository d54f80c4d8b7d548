import Foundation
import JournalKit

/// The language server: decodes each message, dispatches it, keeps the open buffers and the
/// journals current, and sends responses and diagnostics through its sink. One actor, fed in
/// order by the transport; it never writes a journal file.
public actor JournalServer {
    public struct Options: Sendable {
        /// `--journal`: serve this journal whatever the workspace says.
        public var journal: String?
        /// Today, for statuses and dates (`JOURNAL_TODAY` in tests).
        public var today: @Sendable () -> Day
        public var debounce: Duration
        public var scheduler: any Scheduler
        /// Loads a journal by its root: `Journal.load` (through the index when there is one).
        public var loader: @Sendable (String) -> Journal

        public init(
            journal: String? = nil, today: @escaping @Sendable () -> Day, debounce: Duration = .milliseconds(150),
            scheduler: any Scheduler = TaskScheduler(),
            loader: @escaping @Sendable (String) -> Journal = { Journal.load(root: $0) }
        ) {
            self.journal = journal
            self.today = today
            self.debounce = debounce
            self.scheduler = scheduler
            self.loader = loader
        }
    }

    struct OpenDocument: Sendable {
        var uri: String
        var workspace: Int
        var path: String
        var version: Int?
        var text: DocumentText
        /// Bumped on every change; a debounced re-parse runs only for the latest.
        var generation = 0
        var dirty = false
        var published: [Diagnostic]?
    }

    let sink: any MessageSink
    let options: Options
    let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
    let decoder = JSONDecoder()

    var initialized = false
    var shutdownRequested = false
    var encoding = PositionEncoding.utf16
    /// The client can watch files for us once asked (`client/registerCapability`).
    var canWatchFiles = false
    /// Asked: changes on disk arrive as `workspace/didChangeWatchedFiles`, so no re-stat is needed.
    var watchedFiles = false
    var workspaces: [Workspace] = []
    var documents: [String: OpenDocument] = [:]
    /// Set by `exit` (0 after `shutdown`, else 1) and at end of input.
    public private(set) var exitCode: Int32?

    public init(sink: any MessageSink, options: Options) {
        self.sink = sink
        self.options = options
    }

    /// Reads frames until `exit` or the end of input; returns the exit status.
    public func run(_ frames: AsyncStream<FrameDecoder.Frame>) async -> Int32 {
        for await frame in frames {
            await handle(frame)
            if let exitCode { return exitCode }
        }
        // The client went away without `exit`.
        return shutdownRequested ? 0 : 1
    }

    public func handle(_ frame: FrameDecoder.Frame) async {
        switch frame {
        case .malformed(let why):
            sendError(nil, ResponseError(code: ResponseError.parseError, message: "parse error: \(why)"))
        case .message(let body):
            let data = Data(body)
            guard let header = try? decoder.decode(MessageHeader.self, from: data) else {
                let valid = (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil
                sendError(
                    nil,
                    valid
                        ? ResponseError(code: ResponseError.invalidRequest, message: "invalid request: not an object")
                        : ResponseError(code: ResponseError.parseError, message: "parse error: invalid JSON"))
                return
            }
            guard let method = header.method else { return }  // A response to nothing we asked.
            if header.hasID {
                await request(method, id: header.id, data)
            } else {
                await notification(method, data)
            }
        }
    }

    // MARK: Dispatch

    func request(_ method: String, id: RequestID?, _ data: Data) async {
        if !initialized, method != "initialize" {
            sendError(id, ResponseError(code: ResponseError.serverNotInitialized, message: "not initialized"))
            return
        }
        do {
            switch method {
            case "initialize": send(id, initialize(try params(data)))
            case "shutdown":
                shutdownRequested = true
                send(id, Optional<Int>.none)
            case "textDocument/completion": send(id, await completion(try params(data)))
            case "textDocument/hover": send(id, await hover(try params(data)))
            case "textDocument/definition": send(id, await definition(try params(data)))
            case "textDocument/references": send(id, await references(try params(data)))
            case "textDocument/codeAction": send(id, await codeActions(try params(data)))
            case "textDocument/documentSymbol": send(id, await documentSymbols(try params(data)))
            case "workspace/symbol": send(id, workspaceSymbols(try params(data)))
            default:
                sendError(id, ResponseError(code: ResponseError.methodNotFound, message: "unknown method: \(method)"))
            }
        } catch let error as ResponseError {
            sendError(id, error)
        } catch {
            sendError(id, ResponseError(code: ResponseError.invalidParams, message: "invalid params for \(method)"))
        }
    }

    func notification(_ method: String, _ data: Data) async {
        if method == "exit" {
            exitCode = shutdownRequested ? 0 : 1
            return
        }
        guard initialized else { return }
        switch method {
        case "textDocument/didOpen": if let p: DidOpenTextDocumentParams = try? params(data) { didOpen(p) }
        case "textDocument/didChange": if let p: DidChangeTextDocumentParams = try? params(data) { didChange(p) }
        case "textDocument/didSave": if let p: DidSaveTextDocumentParams = try? params(data) { didSave(p) }
        case "textDocument/didClose": if let p: DidCloseTextDocumentParams = try? params(data) { didClose(p) }
        case "workspace/didChangeWatchedFiles":
            if let p: DidChangeWatchedFilesParams = try? params(data) { didChangeWatchedFiles(p) }
        case "initialized":
            guard canWatchFiles else { return }
            watchedFiles = true
            let watch = Registration(
                id: "journal-entries", method: "workspace/didChangeWatchedFiles",
                registerOptions: .init(watchers: [.init(globPattern: "**/*.md")]))
            if let body = try? encoder.encode(
                RegistrationRequest(id: .string("register-watchers"), params: .init(registrations: [watch])))
            {
                sink.send(Array(body))
            }
        default: break  // `$/cancelRequest`, `$/setTrace` and the rest need nothing.
        }
    }

    func params<P: Decodable>(_ data: Data) throws -> P {
        try decoder.decode(ParamsEnvelope<P>.self, from: data).params
    }

    // MARK: Lifecycle

    func initialize(_ params: InitializeParams) -> InitializeResult {
        initialized = true
        if params.capabilities?.general?.positionEncodings?.contains(PositionEncoding.utf8.rawValue) == true {
            encoding = .utf8
        }
        canWatchFiles = params.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration == true
        var roots: [String] = []
        if let explicit = options.journal {
            roots = [explicit]
        } else {
            let folders = (params.workspaceFolders ?? []).map(\.uri) + [params.rootUri].compactMap { $0 }
            var paths = folders.compactMap(FileURI.path)
            if paths.isEmpty, let rootPath = params.rootPath { paths = [rootPath] }
            for path in paths {
                if let root = try? JournalLocator.locate(explicit: nil, environment: [:], workingDirectory: path),
                    !roots.contains(root)
                {
                    roots.append(root)
                }
            }
        }
        for root in roots { workspaces.append(Workspace(root: root, journal: options.loader(root))) }
        return InitializeResult(
            capabilities: ServerCapabilities(positionEncoding: encoding.rawValue),
            serverInfo: .init(name: "journal", version: JournalKitVersion.string))
    }

    // MARK: Documents

    func didOpen(_ params: DidOpenTextDocumentParams) {
        let item = params.textDocument
        guard let absolute = FileURI.path(item.uri), let (index, path) = place(absolute) else { return }
        if !watchedFiles { restat(index) }
        documents[item.uri] = OpenDocument(
            uri: item.uri, workspace: index, path: path, version: item.version, text: DocumentText(item.text))
        reparse(item.uri)
    }

    func didChange(_ params: DidChangeTextDocumentParams) {
        let uri = params.textDocument.uri
        guard var document = documents[uri] else { return }
        for change in params.contentChanges { document.text = document.text.applying(change, encoding: encoding) }
        document.version = params.textDocument.version
        document.generation += 1
        document.dirty = true
        documents[uri] = document
        let generation = document.generation
        options.scheduler.schedule(after: options.debounce) { [self] in
            await self.debounced(uri, generation: generation)
        }
    }

    func debounced(_ uri: String, generation: Int) {
        guard let document = documents[uri], document.generation == generation, document.dirty else { return }
        reparse(uri)
    }

    func didSave(_ params: DidSaveTextDocumentParams) {
        guard let document = documents[params.textDocument.uri] else { return }
        if !watchedFiles { restat(document.workspace) }
    }

    func didClose(_ params: DidCloseTextDocumentParams) {
        guard let document = documents.removeValue(forKey: params.textDocument.uri) else { return }
        // The entry goes back to what is on disk.
        let workspace = workspaces[document.workspace]
        update(document.workspace, path: document.path, bytes: diskBytes(workspace, document.path))
        sendNotification(
            "textDocument/publishDiagnostics",
            PublishDiagnosticsParams(uri: document.uri, version: nil, diagnostics: []))
    }

    func didChangeWatchedFiles(_ params: DidChangeWatchedFilesParams) {
        for change in params.changes {
            guard let absolute = FileURI.path(change.uri) else { continue }
            for index in workspaces.indices {
                guard let path = workspaces[index].relative(absolute),
                    !documents.values.contains(where: { $0.workspace == index && $0.path == path })
                else { continue }
                let bytes = change.type == 3 ? nil : diskBytes(workspaces[index], path)
                workspaces[index].stamps[path] = change.type == 3 ? nil : FileStamp(path: absolute)
                update(index, path: path, bytes: bytes)
            }
        }
    }

    /// The workspace a file belongs to, loading the journal above it when none is open yet.
    func place(_ absolute: String) -> (Int, String)? {
        let candidates = [absolute, Self.realPath(absolute)].compactMap { $0 }
        for candidate in candidates {
            for (index, workspace) in workspaces.enumerated() {
                for root in [workspace.root, Self.realPath(workspace.root)].compactMap({ $0 }) {
                    var probe = workspace
                    probe.root = root
                    if let path = probe.relative(candidate), Journal.entryFile(path: path) != nil {
                        return (index, path)
                    }
                }
            }
        }
        guard options.journal == nil else { return nil }
        let folder = String(absolute[..<(absolute.lastIndex(of: "/") ?? absolute.startIndex)])
        guard let root = try? JournalLocator.locate(explicit: nil, environment: [:], workingDirectory: folder),
            !workspaces.contains(where: { $0.root == root })
        else { return nil }
        workspaces.append(Workspace(root: root, journal: options.loader(root)))
        return place(absolute)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Re-parses an open buffer into its journal and republishes what the change affects.
    func reparse(_ uri: String) {
        guard var document = documents[uri] else { return }
        document.dirty = false
        documents[uri] = document
        update(document.workspace, path: document.path, bytes: document.text.bytes)
    }

    /// Swaps one file's entry, rebuilds the ledger and findings, and publishes diagnostics to
    /// every open document whose findings changed (and always to the document edited).
    func update(_ index: Int, path: String, bytes: [UInt8]?) {
        let previous = workspaces[index]
        var workspace = previous
        let replacement = previous.journal.replacingEntry(path: path, with: bytes)
        workspace.journal = replacement.journal
        if replacement.ledgerChanged { workspace.followUps = workspace.journal.followUpFindings() }
        workspaces[index] = workspace
        // Freeing the old journal costs as much as building half the new one: do it elsewhere,
        // after the diagnostics are out.
        defer { Task.detached { withExtendedLifetime(previous) {} } }
        for (uri, document) in documents.sorted(by: { $0.key < $1.key }) where document.workspace == index {
            let findings = workspace.findings(document.path)
            guard document.path == path || document.published != findings else { continue }
            documents[uri]?.published = findings
            publish(document, findings)
        }
    }

    func publish(_ document: OpenDocument, _ findings: [Diagnostic]) {
        let diagnostics = findings.map { finding in
            LSPDiagnostic(
                range: range(DiagnosticRanges.span(for: finding, in: document.text), in: document.text),
                severity: finding.severity == .error ? 1 : 2, message: finding.message)
        }
        sendNotification(
            "textDocument/publishDiagnostics",
            PublishDiagnosticsParams(uri: document.uri, version: document.version, diagnostics: diagnostics))
    }

    /// Without watched-file events: files changed, added or removed on disk since last read.
    func restat(_ index: Int) {
        let workspace = workspaces[index]
        let now = Workspace.stamps(root: workspace.root, config: workspace.journal.config)
        let open = Set(documents.values.filter { $0.workspace == index }.map(\.path))
        let changed = Set(now.keys).union(workspace.stamps.keys).filter { now[$0] != workspace.stamps[$0] }
        workspaces[index].stamps = now
        for path in changed.sorted() where !open.contains(path) {
            update(index, path: path, bytes: now[path] == nil ? nil : diskBytes(workspace, path))
        }
    }

    func diskBytes(_ workspace: Workspace, _ path: String) -> [UInt8]? {
        try? FileReader.read("\(workspace.root)/\(path)", limit: workspace.journal.config.maxEntryBytes)
    }

    /// The document's context, with any edit still waiting for its debounce applied first.
    func context(_ uri: String) -> (DocumentContext, OpenDocument)? {
        guard let document = documents[uri] else { return nil }
        if document.dirty { reparse(uri) }
        guard let current = documents[uri] else { return nil }
        let context = DocumentContext(
            journal: workspaces[current.workspace].journal, path: current.path, text: current.text,
            today: options.today())
        return (context, current)
    }

    // MARK: Features

    func completion(_ params: CompletionParams) async -> CompletionList {
        guard let (context, document) = context(params.textDocument.uri) else {
            return CompletionList(isIncomplete: false, items: [])
        }
        let line = params.position.line
        let column = document.text.byteColumn(line: line, character: params.position.character, encoding: encoding)
        let proposals = CompletionFeature.proposals(context, line: line, column: column)
        let items = proposals.enumerated().map { rank, proposal in
            CompletionItem(
                label: proposal.label, kind: proposal.kind.rawValue, detail: proposal.detail,
                sortText: String(repeating: "0", count: max(0, 5 - String(rank).count)) + String(rank),
                filterText: proposal.newText,
                textEdit: TextEdit(range: range(proposal.span, in: document.text), newText: proposal.newText))
        }
        return CompletionList(isIncomplete: false, items: items)
    }

    func hover(_ params: TextDocumentPositionParams) async -> Hover? {
        guard let (context, document) = context(params.textDocument.uri) else { return nil }
        let line = params.position.line
        let column = document.text.byteColumn(line: line, character: params.position.character, encoding: encoding)
        guard let found = HoverFeature.hover(context, line: line, column: column) else { return nil }
        return Hover(
            contents: MarkupContent(value: found.text), range: found.span.map { range($0, in: document.text) })
    }

    func definition(_ params: TextDocumentPositionParams) async -> [Location] {
        guard let (context, document) = context(params.textDocument.uri) else { return [] }
        let line = params.position.line
        let column = document.text.byteColumn(line: line, character: params.position.character, encoding: encoding)
        guard let spot = NavigationFeature.definition(context, line: line, column: column) else { return [] }
        return [location(spot, workspace: document.workspace)]
    }

    func references(_ params: ReferenceParams) async -> [Location] {
        guard let (context, document) = context(params.textDocument.uri) else { return [] }
        let line = params.position.line
        let column = document.text.byteColumn(line: line, character: params.position.character, encoding: encoding)
        return NavigationFeature.references(
            context, line: line, column: column, includeDeclaration: params.context?.includeDeclaration ?? true
        ).map { location($0, workspace: document.workspace) }
    }

    func codeActions(_ params: CodeActionParams) async -> [CodeAction] {
        guard let (context, document) = context(params.textDocument.uri) else { return [] }
        let findings = workspaces[document.workspace].findings(document.path)
        var result: [CodeAction] = []
        for line in params.range.start.line...max(params.range.start.line, params.range.end.line) {
            for action in CodeActionFeature.actions(context, line: line, findings: findings) {
                let edits = action.edits.map { TextEdit(range: range($0.span, in: document.text), newText: $0.newText) }
                result.append(
                    CodeAction(
                        title: action.title, kind: action.kind, edit: WorkspaceEdit(changes: [document.uri: edits]),
                        isPreferred: action.kind == "quickfix" && action.title.hasPrefix("Change to") ? true : nil))
            }
        }
        return result
    }

    func documentSymbols(_ params: DocumentSymbolParams) async -> [DocumentSymbol] {
        guard let (context, document) = context(params.textDocument.uri) else { return [] }
        return SymbolFeature.document(context).map { symbol in
            let whole = range(
                DocumentContext.textSpan(line: symbol.spot.line - 1, bytes: document.text.line(symbol.spot.line - 1)),
                in: document.text)
            let selection = range(NavigationFeature.span(of: symbol.spot, in: document.text), in: document.text)
            return DocumentSymbol(
                name: symbol.name, detail: symbol.detail, kind: symbol.kind, range: whole, selectionRange: selection)
        }
    }

    func workspaceSymbols(_ params: WorkspaceSymbolParams) -> [SymbolInformation] {
        for uri in documents.keys.sorted() where documents[uri]?.dirty == true { reparse(uri) }
        var result: [SymbolInformation] = []
        for (index, workspace) in workspaces.enumerated() {
            for symbol in SymbolFeature.workspace(workspace.journal, query: params.query) {
                result.append(
                    SymbolInformation(
                        name: symbol.name, kind: symbol.kind, location: location(symbol.spot, workspace: index),
                        containerName: symbol.detail))
            }
        }
        return result
    }

    // MARK: Edges

    func range(_ span: LineSpan, in text: DocumentText) -> LSPRange {
        LSPRange(
            start: text.position(line: span.line, byteColumn: span.start, encoding: encoding),
            end: text.position(line: span.line, byteColumn: span.end, encoding: encoding))
    }

    /// A spot in any file: the open buffer's text when there is one, else the file on disk.
    func location(_ spot: JournalSpot, workspace index: Int) -> Location {
        let workspace = workspaces[index]
        let open = documents.values.first { $0.workspace == index && $0.path == spot.path }
        let text = open?.text ?? DocumentText(diskBytes(workspace, spot.path) ?? [])
        let uri = open?.uri ?? FileURI.uri("\(workspace.root)/\(spot.path)")
        return Location(uri: uri, range: range(NavigationFeature.span(of: spot, in: text), in: text))
    }

    func send<R: Encodable>(_ id: RequestID?, _ result: R) {
        if let body = try? encoder.encode(ResponseMessage(id: id, result: result, error: nil)) {
            sink.send(Array(body))
        }
    }

    func sendError(_ id: RequestID?, _ error: ResponseError) {
        if let body = try? encoder.encode(ResponseMessage<Int>(id: id, result: nil, error: error)) {
            sink.send(Array(body))
        }
    }

    func sendNotification<P: Encodable>(_ method: String, _ params: P) {
        if let body = try? encoder.encode(NotificationMessage(method: method, params: params)) {
            sink.send(Array(body))
        }
    }
}
