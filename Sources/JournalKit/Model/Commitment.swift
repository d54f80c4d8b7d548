/// A promise made in an entry: a list item tagged with the commitment tag, or a task under a
/// commitment heading.
public struct Commitment: Hashable, Sendable {
    public var reference: Reference
    public var text: String
    public var box: Box
    /// Lowercased, without `@`, sorted and unique.
    public var people: [String]
    /// Without `#` and without the commitment tag, sorted and unique.
    public var tags: [String]
    public var due: Day?
    /// From `✅ date` or `done:date` on the item itself.
    public var doneOn: Day?
    /// From `❌ date` on the item itself.
    public var cancelledOn: Day?
    /// The entry's date.
    public var made: Day
    /// Path of the entry, relative to the journal.
    public var path: String
    public var location: SourceLocation

    public var id: String { reference.id }
}

/// A later list item that links to a commitment and says what became of it.
public struct FollowUp: Hashable, Sendable {
    public var target: Reference
    public var box: Box
    /// The item's text without the box and the link: the evidence.
    public var note: String
    /// A new due date, meaningful on `[>]`.
    public var due: Day?
    /// From `✅ date` or `done:date` on the follow-up.
    public var doneOn: Day?
    public var date: Day
    public var path: String
    public var location: SourceLocation
}

/// Something expected of the team (`#expect`), to hold against one's own commitments.
public struct Expectation: Hashable, Sendable {
    public var text: String
    /// Without `#` and without `expect`.
    public var tags: [String]
    public var people: [String]
    public var date: Day
    public var path: String
    public var location: SourceLocation
}
