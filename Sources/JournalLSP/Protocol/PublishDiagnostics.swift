/// `textDocument/publishDiagnostics`: `journal check`'s findings for one open document.
public struct PublishDiagnosticsParams: Codable, Sendable {
    public var uri: String
    public var version: Int?
    public var diagnostics: [LSPDiagnostic]
}

public struct LSPDiagnostic: Codable, Hashable, Sendable {
    public var range: LSPRange
    /// 1 error, 2 warning.
    public var severity: Int
    public var source: String
    public var message: String

    public init(range: LSPRange, severity: Int, source: String = "journal", message: String) {
        self.range = range
        self.severity = severity
        self.source = source
        self.message = message
    }
}
