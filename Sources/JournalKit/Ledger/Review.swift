/// How a review is cut: the as-of date and the filters.
public struct ReviewOptions: Hashable, Sendable {
    public enum Period: String, Hashable, Sendable, CaseIterable {
        case week, month
    }

    public var asOf: Day
    /// Commitments made on or after this day.
    public var since: Day?
    /// Commitments made on or before this day.
    public var until: Day?
    /// Lowercased, without `@`.
    public var person: String?
    /// Lowercased, without `#`.
    public var tag: String?
    public var period: Period = .week
    public var staleAfterDays = 14
    /// How far ahead "due soon" looks.
    public var dueSoonDays = 7

    public init(asOf: Day) { self.asOf = asOf }
}

/// Counts of commitments by outcome, with the two rates.
public struct Counts: Hashable, Sendable {
    public var made = 0
    public var kept = 0
    public var keptOnTime = 0
    public var keptLate = 0
    public var released = 0
    public var missed = 0
    public var open = 0
    public var stale = 0

    public init() {}

    public mutating func add(_ status: CommitmentStatus) {
        made += 1
        switch status.status {
        case .kept:
            kept += 1
            if status.onTime == true { keptOnTime += 1 }
            if status.onTime == false { keptLate += 1 }
        case .released: released += 1
        case .missed: missed += 1
        case .open: open += 1
        case .stale: stale += 1
        }
    }

    /// Kept, missed and stale: the commitments whose outcome is settled against you or for you.
    public var decided: Int { kept + missed + stale }
    /// kept / (kept + missed + stale); nil when nothing is decided.
    public var followThroughRate: Double? { decided == 0 ? nil : Double(kept) / Double(decided) }
    /// keptOnTime / (kept + missed + stale); nil when nothing is decided.
    public var onTimeRate: Double? { decided == 0 ? nil : Double(keptOnTime) / Double(decided) }
}

/// Counts for one person, tag or period.
public struct Breakdown: Hashable, Sendable {
    public var name: String
    public var counts: Counts
}

/// An expected behaviour held against your own commitments with the same tag.
public struct MirrorFigure: Hashable, Sendable {
    public var tag: String
    public var expectations: Int
    /// Your own commitments carrying the tag.
    public var own: Counts
}

/// Everything `journal review` shows, computed once from the ledger.
public struct Review: Sendable {
    public var options: ReviewOptions
    /// Entries dated on or before the as-of date.
    public var entries: Int
    /// The filtered commitments, by made date, then path, then line.
    public var commitments: [CommitmentStatus]
    public var totals: Counts
    /// Every period from the first commitment's to the as-of date's, empty ones included.
    public var periods: [Breakdown]
    public var people: [Breakdown]
    public var tags: [Breakdown]
    public var lastMirrorEntry: Day?
    public var mirror: [MirrorFigure]

    public init(journal: Journal, options: ReviewOptions) {
        self.init(entries: journal.entries, ledger: journal.ledger, options: options)
    }

    public init(entries: [Entry], options: ReviewOptions) {
        self.init(entries: entries, ledger: Ledger(entries: entries), options: options)
    }

    init(entries allEntries: [Entry], ledger: Ledger, options: ReviewOptions) {
        self.options = options
        let asOf = options.asOf
        let visible = allEntries.filter { $0.date <= asOf }
        entries = visible.count
        lastMirrorEntry = visible.filter(\.isMirror).map(\.date).max()

        let statuses = ledger.statuses(asOf: asOf, staleAfterDays: options.staleAfterDays)
        commitments = statuses.filter { status in
            let c = status.commitment
            if let since = options.since, c.made < since { return false }
            if let until = options.until, c.made > until { return false }
            if let person = options.person, !c.people.contains(person) { return false }
            if let tag = options.tag, !c.tags.contains(tag) { return false }
            return true
        }

        var totals = Counts()
        var byPeriod: [String: Counts] = [:]
        var byPerson: [String: Counts] = [:]
        var byTag: [String: Counts] = [:]
        for status in commitments {
            totals.add(status)
            byPeriod[Self.period(of: status.commitment.made, options.period), default: Counts()].add(status)
            for person in status.commitment.people { byPerson[person, default: Counts()].add(status) }
            for tag in status.commitment.tags { byTag[tag, default: Counts()].add(status) }
        }
        self.totals = totals
        people = byPerson.sorted { $0.key < $1.key }.map { Breakdown(name: $0.key, counts: $0.value) }
        tags = byTag.sorted { $0.key < $1.key }.map { Breakdown(name: $0.key, counts: $0.value) }

        var periods: [Breakdown] = []
        if let first = commitments.map(\.commitment.made).min() {
            var day = Self.periodStart(first, options.period)
            while day <= asOf {
                let name = Self.period(of: day, options.period)
                periods.append(Breakdown(name: name, counts: byPeriod[name] ?? Counts()))
                day = options.period == .week ? day.adding(days: 7) : day.endOfMonth.adding(days: 1)
            }
        }
        self.periods = periods

        var expectationCounts: [String: Int] = [:]
        for entry in visible {
            for expectation in entry.expectations {
                if let person = options.person, !expectation.people.contains(person) { continue }
                for tag in expectation.tags where options.tag == nil || options.tag == tag {
                    expectationCounts[tag, default: 0] += 1
                }
            }
        }
        mirror = expectationCounts.sorted { $0.key < $1.key }.map { tag, count in
            MirrorFigure(tag: tag, expectations: count, own: byTag[tag] ?? Counts())
        }
    }

    public var asOf: Day { options.asOf }

    public var daysSinceMirror: Int? { lastMirrorEntry.map { asOf.days(since: $0) } }

    /// Missed and stale commitments, oldest due date first (stale ones by when they went quiet).
    public var overdue: [CommitmentStatus] {
        commitments.filter(\.isOverdue).sorted {
            (overdueSince($0), $0.commitment.path, $0.commitment.location.line)
                < (overdueSince($1), $1.commitment.path, $1.commitment.location.line)
        }
    }

    func overdueSince(_ status: CommitmentStatus) -> Day {
        status.due ?? status.lastTouch.adding(days: options.staleAfterDays)
    }

    /// Open commitments due from the as-of date through the next `dueSoonDays` days.
    public var dueSoon: [CommitmentStatus] {
        commitments.filter { status in
            guard status.status == .open, let due = status.due else { return false }
            return due >= asOf && due <= asOf.adding(days: options.dueSoonDays)
        }.sorted { ($0.due ?? asOf, $0.commitment.path) < ($1.due ?? asOf, $1.commitment.path) }
    }

    /// Commitments whose due date moved.
    public var renegotiated: [CommitmentStatus] { commitments.filter { $0.dueChanges > 0 } }

    public var overdueCount: Int { totals.missed + totals.stale }

    /// `2026-W47` or `2026-11`.
    public static func period(of day: Day, _ period: ReviewOptions.Period) -> String {
        switch period {
        case .week:
            let (year, week) = day.isoWeek
            return "\(year)-W\(week < 10 ? "0" : "")\(week)"
        case .month:
            return "\(day.year)-\(day.month < 10 ? "0" : "")\(day.month)"
        }
    }

    static func periodStart(_ day: Day, _ period: ReviewOptions.Period) -> Day {
        switch period {
        case .week: return day.adding(days: 1 - day.weekday)
        case .month: return day.adding(days: 1 - day.day)
        }
    }
}
