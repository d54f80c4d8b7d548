/// `textDocument/completion`.
public struct CompletionParams: Codable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var position: Position
}

public struct CompletionItem: Codable, Hashable, Sendable {
    public var label: String
    /// 12 value (people, tags, dates), 18 reference (commitments), 15 snippet (whole lines).
    public var kind: Int?
    public var detail: String?
    public var sortText: String?
    public var filterText: String?
    public var textEdit: TextEdit?

    public init(
        label: String, kind: Int?, detail: String?, sortText: String?, filterText: String?, textEdit: TextEdit?
    ) {
        self.label = label
        self.kind = kind
        self.detail = detail
        self.sortText = sortText
        self.filterText = filterText
        self.textEdit = textEdit
    }
}

public struct CompletionList: Codable, Sendable {
    public var isIncomplete: Bool
    public var items: [CompletionItem]
}
