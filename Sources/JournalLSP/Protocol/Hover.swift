/// `textDocument/hover`: a commitment's history, as `journal show` prints it.
public struct Hover: Codable, Sendable {
    public var contents: MarkupContent
    public var range: LSPRange?
}
