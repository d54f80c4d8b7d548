/// Names one commitment across the journal: `<entry stem>#<id>`.
public struct Reference: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var stem: String
    public var id: String

    public init(stem: String, id: String) {
        self.stem = stem
        self.id = id
    }

    /// Parses `stem#id` or `stem#^id`; nil when either side is empty.
    public init?(parsing text: String) {
        guard let hash = text.firstIndex(of: "#") else { return nil }
        let stem = String(text[..<hash])
        var id = Substring(text[text.index(after: hash)...])
        if id.hasPrefix("^") { id = id.dropFirst() }
        guard !stem.isEmpty, !id.isEmpty else { return nil }
        self.init(stem: stem, id: String(id))
    }

    public var description: String { "\(stem)#\(id)" }

    public static func < (lhs: Reference, rhs: Reference) -> Bool { (lhs.stem, lhs.id) < (rhs.stem, rhs.id) }
}
