/// What became of a commitment as of a date.
public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
    case kept, released, missed, open, stale
}

/// One commitment judged as of a date, with the follow-ups that judged it.
public struct CommitmentStatus: Hashable, Sendable {
    public var commitment: Commitment
    public var status: Status
    /// The due date in force: the commitment's own, or the latest set by a `[>]` follow-up.
    public var due: Day?
    public var originalDue: Day?
    public var dueChanges: Int
    /// Due-date changes made in an entry dated after the due date then in force.
    public var lateRenegotiations: Int
    /// Nil for open, missed, stale and released commitments, and for kept ones with no known done date.
    public var onTime: Bool?
    /// The earliest known done date.
    public var doneOn: Day?
    /// Follow-ups dated on or before the as-of date, in date then file order.
    public var followUps: [FollowUp]
    /// The made date or the latest follow-up, whichever is later.
    public var lastTouch: Day

    public var reference: Reference { commitment.reference }

    /// True for missed and stale commitments: the ones that need attention.
    public var isOverdue: Bool { status == .missed || status == .stale }

    /// Days past the due date as of `asOf`, or 0.
    public func daysLate(asOf: Day) -> Int {
        guard let due, status == .missed else { return 0 }
        return max(0, asOf.days(since: due))
    }
}
