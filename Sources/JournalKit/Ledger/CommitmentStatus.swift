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
    /// Every change of the due date, in order.
    public var dueMoves: [DueMove]
    /// Nil for open, missed, stale and released commitments, and for kept ones with no known done date.
    public var onTime: Bool?
    /// The earliest known done date.
    public var doneOn: Day?
    /// Follow-ups dated on or before the as-of date, in date then file order.
    public var followUps: [FollowUp]
    /// The made date or the latest follow-up, whichever is later.
    public var lastTouch: Day

    public var reference: Reference { commitment.reference }

    public var dueChanges: Int { dueMoves.count }

    /// Due-date changes made in an entry dated after the due date then in force.
    public var lateRenegotiations: Int { dueMoves.count(where: \.isLate) }

    /// True for missed and stale commitments: the ones that need attention.
    public var isOverdue: Bool { status == .missed || status == .stale }

    /// Days past the due date as of `asOf`, or 0.
    public func daysLate(asOf: Day) -> Int {
        guard let due, status == .missed else { return 0 }
        return max(0, asOf.days(since: due))
    }
}

/// A `[>]` follow-up that changed the due date.
public struct DueMove: Hashable, Sendable {
    /// Where the change was written.
    public var followUp: FollowUp
    /// The due date in force before, if any.
    public var from: Day?
    public var to: Day

    /// Made after the due date then in force had passed: a late renegotiation.
    public var isLate: Bool { from.map { followUp.date > $0 } ?? false }
}
