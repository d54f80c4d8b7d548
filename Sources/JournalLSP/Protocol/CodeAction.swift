/// `textDocument/codeAction`: fixed choices, each a proposed edit.
public struct CodeActionParams: Codable, Sendable {
    public struct Context: Codable, Sendable {
        public var diagnostics: [LSPDiagnostic]?
    }
    public var textDocument: TextDocumentIdentifier
    public var range: LSPRange
    public var context: Context?
}

public struct CodeAction: Codable, Hashable, Sendable {
    public var title: String
    /// `quickfix` or `refactor.rewrite`.
    public var kind: String
    public var edit: WorkspaceEdit
    public var isPreferred: Bool?
}
