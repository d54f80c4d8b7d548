/// What became of a commitment as of a date.
public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
    case kept, released, missed, open, stale
}

/// The eight outcomes every table, chart and JSON object counts; together they add up to made.
public enum Outcome: String, Hashable, Sendable, CaseIterable {
    case keptOnTime, keptLate, keptUndated, released, releasedLate, missed, stale, open

    /// Short words for text and markdown.
    public var label: String {
        switch self {
        case .keptOnTime: return "kept on time"
        case .keptLate: return "kept late"
        case .keptUndated: return "kept (no date known)"
        case .released: return "released"
        case .releasedLate: return "released late"
        case .missed: return "missed"
        case .stale: return "stale"
        case .open: return "open"
        }
    }
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
    /// When it was released, if it was and the day is known.
    public var releasedOn: Day?
    /// Released after the due date then in force, after a late renegotiation, or after it had
    /// gone stale: counted against both rates, like a miss.
    public var releasedLate = false
    /// The follow-ups that record something, dated on or before the as-of date, in date then file
    /// order, with their notes completed. Prefilled `[ ]` lines left alone are not among them.
    public var followUps: [FollowUp]
    /// The made date or the latest recorded follow-up, whichever is later.
    public var lastTouch: Day

    public var reference: Reference { commitment.reference }

    public var dueChanges: Int { dueMoves.count }

    /// Due-date changes made in an entry dated after the due date then in force.
    public var lateRenegotiations: Int { dueMoves.count(where: \.isLate) }

    /// True for missed and stale commitments: the ones that need attention.
    public var isOverdue: Bool { status == .missed || status == .stale }

    /// Released with no known day (ticked `[-]` in place without `❌ date`).
    public var releasedUndated: Bool { status == .released && releasedOn == nil && !releasedLate }

    public var outcome: Outcome {
        switch status {
        case .kept:
            switch onTime {
            case true?: return .keptOnTime
            case false?: return .keptLate
            case nil: return .keptUndated
            }
        case .released: return releasedLate ? .releasedLate : .released
        case .missed: return .missed
        case .stale: return .stale
        case .open: return .open
        }
    }

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
