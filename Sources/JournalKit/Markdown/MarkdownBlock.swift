/// The parts of a markdown document that can matter to journal, in document order.
///
/// Only headings and list items are kept: commitments, follow-ups and expectations are list
/// items, and headings give them their section. Everything else is dropped while parsing.
public enum MarkdownBlock: Hashable, Sendable {
    case heading(MarkdownHeading)
    case listItem(MarkdownListItem)
}

/// A heading outside any list or block quote.
public struct MarkdownHeading: Hashable, Sendable {
    public var level: Int
    public var text: String
    public var location: SourceLocation
}

/// A list item outside any block quote, with the inlines of its first paragraph.
public struct MarkdownListItem: Hashable, Sendable {
    /// 1 for an item of a top-level list, 2 for an item of a list nested in it, and so on.
    public var depth: Int
    public var ordered: Bool
    public var location: SourceLocation
    /// Empty when the item does not start with a paragraph.
    public var spans: [InlineSpan]
    /// Destinations of CommonMark links in the first paragraph, in order.
    public var linkDestinations: [String]
    public var paragraphLocation: SourceLocation?
}

/// A run of inline content; adjacent text is merged, and soft or hard breaks become one space.
public struct InlineSpan: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Plain text, including the text of links and emphasis.
        case text
        /// A code span: shown, but never scanned for tags or dates.
        case code
        /// A `#` or `@` the source writes as a backslash escape (`\#commit`) or an entity
        /// (`&#35;`). Shown, but it never starts a tag or a mention.
        case literal
        /// Raw inline HTML: neither shown nor scanned.
        case html
        /// Where a CommonMark link's text starts; `text` is its destination.
        case linkStart
        /// Where a CommonMark link's text ends; `text` is its destination. Text after a follow-up's
        /// link is what its writer added, as opposed to the commitment it quotes.
        case linkEnd
    }

    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}
