/// A promise made in an entry: a list item tagged with the commitment tag, or a task under a
/// commitment heading.
public struct Commitment: Hashable, Sendable {
    public var reference: Reference
    public var text: String
    public var box: Box
    /// Lowercased, without `@`, sorted and unique.
    public var people: [String]
    /// True when nobody is mentioned and `people` holds the 1:1 entry's one front-matter person.
    public var personFromEntry = false
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
    /// Obsidian Tasks `⏳`/`🛫`/`➕` or Dataview `[scheduled:: ]`, `[start:: ]`, `[created:: ]`.
    public var scheduled: Day? = nil
    public var start: Day? = nil
    public var created: Day? = nil
    public var priority: Priority? = nil
    /// `🔁 every week` or `[repeat:: every week]`, as written. The ledger judges a recurring
    /// commitment as a single one for now.
    public var recurrence: String? = nil
    /// Ids this commitment had under earlier rules, or its derived slug when it has an explicit
    /// id, unless another commitment has them: follow-ups naming them still resolve, with a warning.
    public var formerIds: [String] = []

    public var id: String { reference.id }
}

/// A later list item that links to a commitment and says what became of it.
public struct FollowUp: Hashable, Sendable {
    public var target: Reference
    public var box: Box
    /// The evidence. The parser fills it from what was written after the link (a meaningful
    /// link label, the text after the last link, plain sub-items); the ledger completes it for
    /// a decided follow-up with nothing after its link, from the text before the link.
    public var note: String
    /// The parts the note is made of, kept apart so the ledger can leave out the quoted commitment.
    public var parts: NoteParts
    /// A new due date, meaningful on `[>]`.
    public var due: Day?
    /// The day it was done (`[x]`) or released (`[-]`): a field, else a done-date phrase after the link.
    public var doneOn: Day?
    public var date: Day
    public var path: String
    public var location: SourceLocation

    /// What a follow-up line holds besides its box and links.
    public struct NoteParts: Hashable, Sendable {
        /// The markdown link's label, unless it is only a date or the entry's stem.
        public var label: String?
        /// Text after the last link to an entry, leading dashes, colons and semicolons trimmed.
        public var afterLink: String
        /// Text before the first link to an entry.
        public var beforeLink: String
        /// The text of plain sub-bullets, in order.
        public var subItems: [String]

        public init(label: String? = nil, afterLink: String = "", beforeLink: String = "", subItems: [String] = []) {
            self.label = label
            self.afterLink = afterLink
            self.beforeLink = beforeLink
            self.subItems = subItems
        }
    }
}

/// Something expected of the team (`#expect`), to hold against one's own commitments.
public struct Expectation: Hashable, Sendable {
    public var text: String
    /// Without `#` and without `expect`.
    public var tags: [String]
    public var people: [String]
    public var personFromEntry = false
    public var date: Day
    public var path: String
    public var location: SourceLocation
}
