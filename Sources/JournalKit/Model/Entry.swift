/// One dated markdown file, reduced to what the ledger and the review need.
public struct Entry: Hashable, Sendable {
    /// Path relative to the journal, with `/`.
    public var path: String
    /// The file name without `.md`; follow-up links match on it.
    public var stem: String
    /// The date in the file name, which wins over front matter.
    public var date: Day
    public var template: String?
    public var title: String?
    public var tags: [String]
    public var people: [String]
    public var commitments: [Commitment]
    public var followUps: [FollowUp]
    public var expectations: [Expectation]

    public init(
        path: String, stem: String, date: Day, template: String? = nil, title: String? = nil, tags: [String] = [],
        people: [String] = [], commitments: [Commitment] = [], followUps: [FollowUp] = [],
        expectations: [Expectation] = []
    ) {
        self.path = path
        self.stem = stem
        self.date = date
        self.template = template
        self.title = title
        self.tags = tags
        self.people = people
        self.commitments = commitments
        self.followUps = followUps
        self.expectations = expectations
    }

    /// A mirror review. The front matter's `template:` decides when there is one (`weekly-mirror`,
    /// or any name ending in `-mirror`), so a call prep for a customer called MirrorWorks is not a
    /// mirror; only an entry without it is judged by a file name containing `mirror`.
    public var isMirror: Bool {
        if let template {
            let name = template.lowercased()
            return name == "weekly-mirror" || name.hasSuffix("-mirror")
        }
        return stem.lowercased().contains("mirror")
    }
}
