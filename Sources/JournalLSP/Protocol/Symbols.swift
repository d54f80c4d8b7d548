/// `textDocument/documentSymbol` and `workspace/symbol`.
public struct DocumentSymbolParams: Codable, Sendable {
    public var textDocument: TextDocumentIdentifier
}

public struct DocumentSymbol: Codable, Hashable, Sendable {
    public var name: String
    public var detail: String?
    /// 24 event (commitment), 8 field (follow-up), 11 interface (expectation).
    public var kind: Int
    public var range: LSPRange
    public var selectionRange: LSPRange
}

public struct WorkspaceSymbolParams: Codable, Sendable {
    public var query: String
}

public struct SymbolInformation: Codable, Hashable, Sendable {
    public var name: String
    public var kind: Int
    public var location: Location
    public var containerName: String?
}
