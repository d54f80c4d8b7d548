/// A promise made in an entry: a list item tagged with the commitment tag, or a task under a
/// commitment heading.
public struct Commitment: Hashable, Sendable {
    /// What a commitment holds, kept once on the heap and shared by its copies.
    struct Fields: Hashable, Sendable {
        var reference: Reference
        var text: String
        var box: Box
        var people: [String]
        var personFromEntry: Bool
        var tags: [String]
        var due: Day?
        var doneOn: Day?
        var cancelledOn: Day?
        var made: Day
        var path: String
        var location: SourceLocation
        var scheduled: Day?
        var start: Day?
        var created: Day?
        var priority: Priority?
        var recurrence: String?
        var formerIds: [String]
    }

    private var fields: CopyOnWrite<Fields>

    public init(
        reference: Reference, text: String, box: Box, people: [String], personFromEntry: Bool = false,
        tags: [String], due: Day? = nil, doneOn: Day? = nil, cancelledOn: Day? = nil, made: Day, path: String,
        location: SourceLocation, scheduled: Day? = nil, start: Day? = nil, created: Day? = nil,
        priority: Priority? = nil, recurrence: String? = nil, formerIds: [String] = []
    ) {
        fields = CopyOnWrite(
            Fields(
                reference: reference, text: text, box: box, people: people, personFromEntry: personFromEntry,
                tags: tags, due: due, doneOn: doneOn, cancelledOn: cancelledOn, made: made, path: path,
                location: location, scheduled: scheduled, start: start, created: created, priority: priority,
                recurrence: recurrence, formerIds: formerIds))
    }

    public var reference: Reference {
        get { fields.value.reference }
        set { fields.value.reference = newValue }
    }
    public var text: String {
        get { fields.value.text }
        set { fields.value.text = newValue }
    }
    public var box: Box {
        get { fields.value.box }
        set { fields.value.box = newValue }
    }
    /// Lowercased, without `@`, sorted and unique.
    public var people: [String] {
        get { fields.value.people }
        set { fields.value.people = newValue }
    }
    /// True when nobody is mentioned and `people` holds the 1:1 entry's one front-matter person.
    public var personFromEntry: Bool {
        get { fields.value.personFromEntry }
        set { fields.value.personFromEntry = newValue }
    }
    /// Without `#` and without the commitment tag, sorted and unique.
    public var tags: [String] {
        get { fields.value.tags }
        set { fields.value.tags = newValue }
    }
    public var due: Day? {
        get { fields.value.due }
        set { fields.value.due = newValue }
    }
    /// From `✅ date` or `done:date` on the item itself.
    public var doneOn: Day? {
        get { fields.value.doneOn }
        set { fields.value.doneOn = newValue }
    }
    /// From `❌ date` on the item itself.
    public var cancelledOn: Day? {
        get { fields.value.cancelledOn }
        set { fields.value.cancelledOn = newValue }
    }
    /// The entry's date.
    public var made: Day {
        get { fields.value.made }
        set { fields.value.made = newValue }
    }
    /// Path of the entry, relative to the journal.
    public var path: String {
        get { fields.value.path }
        set { fields.value.path = newValue }
    }
    public var location: SourceLocation {
        get { fields.value.location }
        set { fields.value.location = newValue }
    }
    /// Obsidian Tasks `⏳`/`🛫`/`➕` or Dataview `[scheduled:: ]`, `[start:: ]`, `[created:: ]`.
    public var scheduled: Day? {
        get { fields.value.scheduled }
        set { fields.value.scheduled = newValue }
    }
    public var start: Day? {
        get { fields.value.start }
        set { fields.value.start = newValue }
    }
    public var created: Day? {
        get { fields.value.created }
        set { fields.value.created = newValue }
    }
    public var priority: Priority? {
        get { fields.value.priority }
        set { fields.value.priority = newValue }
    }
    /// `🔁 every week` or `[repeat:: every week]`, as written. The ledger judges a recurring
    /// commitment as a single one for now.
    public var recurrence: String? {
        get { fields.value.recurrence }
        set { fields.value.recurrence = newValue }
    }
    /// Ids this commitment had under earlier rules, or its derived slug when it has an explicit
    /// id, unless another commitment has them: follow-ups naming them still resolve, with a warning.
    public var formerIds: [String] {
        get { fields.value.formerIds }
        set { fields.value.formerIds = newValue }
    }

    public var id: String { reference.id }
}

/// A later list item that links to a commitment and says what became of it.
public struct FollowUp: Hashable, Sendable {
    /// What a follow-up holds, kept once on the heap and shared by its copies (the entry's, the
    /// ledger's, and each status's with its note completed).
    struct Fields: Hashable, Sendable {
        var target: Reference
        var box: Box
        var note: String
        var parts: NoteParts
        var due: Day?
        var doneOn: Day?
        var date: Day
        var path: String
        var location: SourceLocation
    }

    private var fields: CopyOnWrite<Fields>

    public init(
        target: Reference, box: Box, note: String, parts: NoteParts, due: Day? = nil, doneOn: Day? = nil, date: Day,
        path: String, location: SourceLocation
    ) {
        fields = CopyOnWrite(
            Fields(
                target: target, box: box, note: note, parts: parts, due: due, doneOn: doneOn, date: date, path: path,
                location: location))
    }

    public var target: Reference {
        get { fields.value.target }
        set { fields.value.target = newValue }
    }
    public var box: Box {
        get { fields.value.box }
        set { fields.value.box = newValue }
    }
    /// The evidence. The parser fills it from what was written after the link (a meaningful
    /// link label, the text after the last link, plain sub-items); the ledger completes it for
    /// a decided follow-up with nothing after its link, from the text before the link.
    public var note: String {
        get { fields.value.note }
        set { fields.value.note = newValue }
    }
    /// The parts the note is made of, kept apart so the ledger can leave out the quoted commitment.
    public var parts: NoteParts {
        get { fields.value.parts }
        set { fields.value.parts = newValue }
    }
    /// A new due date, meaningful on `[>]`.
    public var due: Day? {
        get { fields.value.due }
        set { fields.value.due = newValue }
    }
    /// The day it was done (`[x]`) or released (`[-]`): a field, else a done-date phrase after the link.
    public var doneOn: Day? {
        get { fields.value.doneOn }
        set { fields.value.doneOn = newValue }
    }
    public var date: Day {
        get { fields.value.date }
        set { fields.value.date = newValue }
    }
    public var path: String {
        get { fields.value.path }
        set { fields.value.path = newValue }
    }
    public var location: SourceLocation {
        get { fields.value.location }
        set { fields.value.location = newValue }
    }

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
