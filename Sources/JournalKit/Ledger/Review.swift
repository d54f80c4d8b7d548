/// How a review is cut: the as-of date and the filters.
public struct ReviewOptions: Hashable, Sendable {
    /// How the trend is cut: ISO weeks, calendar months, or quarters of the fiscal year.
    public enum Period: String, Hashable, Sendable, CaseIterable {
        case week, month, quarter
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
    /// The month (1–12) the fiscal year starts in, for quarters: `fiscal-year-start`.
    public var fiscalYearStart = 1
    public var staleAfterDays = 14
    /// How far ahead "due soon" looks.
    public var dueSoonDays = 7

    public init(asOf: Day) { self.asOf = asOf }

    /// The active filters in words, for every output's header: `@ana`, `#crm`, `since 2026-11-01`.
    public var filterWords: [String] {
        var words: [String] = []
        if let person { words.append("@" + person) }
        if let tag { words.append("#" + tag) }
        if let since { words.append("since \(since)") }
        if let until { words.append("until \(until)") }
        return words
    }

    /// True when `commitment` passes the date filters.
    func inDateRange(_ commitment: Commitment) -> Bool {
        if let since, commitment.made < since { return false }
        if let until, commitment.made > until { return false }
        return true
    }

    /// True when no filter is set, so `selects` passes every commitment.
    var selectsAll: Bool { since == nil && until == nil && person == nil && tag == nil }

    /// True when `commitment` passes every filter.
    public func selects(_ commitment: Commitment) -> Bool {
        guard inDateRange(commitment) else { return false }
        if let person, !commitment.people.contains(person) { return false }
        if let tag, !commitment.tags.contains(tag) { return false }
        return true
    }
}

/// Counts of commitments by outcome, with the two rates. The eight outcomes add up to `made`.
public struct Counts: Hashable, Sendable {
    public var made = 0
    public var keptOnTime = 0
    public var keptLate = 0
    /// Kept with no known done date (ticked in place without `✅ date`).
    public var keptUndated = 0
    /// Released in time, including released on an unknown day.
    public var released = 0
    /// Released after the due date, after a late renegotiation, or once stale: counted as not kept.
    public var releasedLate = 0
    /// Of `released`, those with no known day; outside both rates.
    public var releasedUndated = 0
    public var missed = 0
    public var stale = 0
    public var open = 0

    public init() {}

    public mutating func add(_ status: CommitmentStatus) {
        made += 1
        switch status.outcome {
        case .keptOnTime: keptOnTime += 1
        case .keptLate: keptLate += 1
        case .keptUndated: keptUndated += 1
        case .released: released += 1
        case .releasedLate: releasedLate += 1
        case .missed: missed += 1
        case .stale: stale += 1
        case .open: open += 1
        }
        if status.releasedUndated { releasedUndated += 1 }
    }

    public func count(_ outcome: Outcome) -> Int {
        switch outcome {
        case .keptOnTime: return keptOnTime
        case .keptLate: return keptLate
        case .keptUndated: return keptUndated
        case .released: return released
        case .releasedLate: return releasedLate
        case .missed: return missed
        case .stale: return stale
        case .open: return open
        }
    }

    public var kept: Int { keptOnTime + keptLate + keptUndated }
    /// Every release, in time or late.
    public var releasedAll: Int { released + releasedLate }
    /// Missed, stale and released late: the promises not kept.
    public var notKept: Int { missed + stale + releasedLate }
    /// Kept plus not kept: the commitments whose outcome is settled for you or against you.
    public var decided: Int { kept + notKept }
    /// Decided, without kept commitments whose done date is unknown: the on-time rate's denominator.
    public var decidedDated: Int { keptOnTime + keptLate + notKept }
    /// kept / (kept + missed + stale + released late); nil when nothing is decided.
    public var followThroughRate: Double? { decided == 0 ? nil : Double(kept) / Double(decided) }
    /// keptOnTime / (keptOnTime + keptLate + missed + stale + released late); nil when that is 0.
    public var onTimeRate: Double? { decidedDated == 0 ? nil : Double(keptOnTime) / Double(decidedDated) }
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
    /// Your own commitments carrying the tag, narrowed only by `--since` and `--until`: with
    /// `--person`, the mirror compares what you expect of that person with everything you do.
    public var own: Counts

    /// A sentence when you expect the theme of the team but did not keep to it yourself.
    public var note: String? {
        let theme = "#" + tag
        if own.made == 0 { return "You expect \(theme) of the team, but made no \(theme) commitment yourself." }
        let shortfalls = [
            (own.missed, "missed"), (own.stale, "silently dropped"), (own.releasedAll, "released"),
        ].filter { $0.0 > 0 }
        guard !shortfalls.isEmpty else { return nil }
        if own.made == 1 {
            return "You expect \(theme) of the team; your own \(theme) commitment was \(shortfalls[0].1)."
        }
        let words = shortfalls.enumerated().map { index, pair in
            "\(pair.0) \(index == 0 ? (pair.0 == 1 ? "was" : "were") + " " : "")\(pair.1)"
        }
        let list = words.count == 1 ? words[0] : words.dropLast().joined(separator: ", ") + " and " + (words.last ?? "")
        return "You expect \(theme) of the team; of your \(own.made) own \(theme) commitments, \(list)."
    }
}

/// Everything `journal review` shows, computed once from the ledger.
public struct Review: Sendable {
    public var options: ReviewOptions
    /// Entries dated on or before the as-of date.
    public var entries: Int
    /// The filtered commitments, by made date, then path, then line.
    public var commitments: [CommitmentStatus]
    public var totals: Counts
    /// Every period from the earliest one a commitment falls in to the as-of date's, empty ones
    /// included. A commitment falls in the period it was decided in (`decidedOn`); an open one in
    /// the period it was made in.
    public var periods: [PeriodBreakdown]
    public var people: [Breakdown]
    public var tags: [Breakdown]
    public var lastMirrorEntry: Day?
    public var mirror: [MirrorFigure]
    /// Every day with an entry on or before the as-of date, in date order, for the calendar.
    public var entryDays: [EntryDay]

    public init(journal: Journal, options: ReviewOptions) {
        self.init(entries: journal.entries, ledger: journal.ledger, options: options)
    }

    public init(entries: [Entry], options: ReviewOptions) {
        self.init(entries: entries, ledger: Ledger(entries: entries), options: options)
    }

    init(entries allEntries: [Entry], ledger: Ledger, options: ReviewOptions) {
        self.options = options
        let asOf = options.asOf
        // Read in place: a filtered copy of every entry was a lifetime review's third-largest array.
        let visible = allEntries.lazy.filter { $0.date <= asOf }
        var count = 0
        var lastMirror: Day?
        var days: [Day: EntryDay] = [:]
        for entry in visible {
            count += 1
            days[entry.date, default: EntryDay(day: entry.date)].entries += 1
            if entry.isMirror {
                days[entry.date, default: EntryDay(day: entry.date)].mirrors += 1
                lastMirror = max(lastMirror ?? entry.date, entry.date)
            }
        }
        entries = count
        lastMirrorEntry = lastMirror
        entryDays = days.values.sorted { $0.day < $1.day }

        let statuses = ledger.statuses(asOf: asOf, staleAfterDays: options.staleAfterDays)
        // Without a filter the statuses are shared, not copied into a second array.
        commitments = options.selectsAll ? statuses : statuses.filter { options.selects($0.commitment) }

        var totals = Counts()
        var byPeriod: [Day: Counts] = [:]
        var byPerson: [String: Counts] = [:]
        var byTag: [String: Counts] = [:]
        for status in commitments {
            totals.add(status)
            let start = options.periodStart(Self.decidedOn(status, staleAfterDays: options.staleAfterDays))
            byPeriod[start, default: Counts()].add(status)
            for person in status.commitment.people { byPerson[person, default: Counts()].add(status) }
            for tag in status.commitment.tags { byTag[tag, default: Counts()].add(status) }
        }
        self.totals = totals
        people = byPerson.sorted { $0.key < $1.key }.map { Breakdown(name: $0.key, counts: $0.value) }
        tags = byTag.sorted { $0.key < $1.key }.map { Breakdown(name: $0.key, counts: $0.value) }

        var periods: [PeriodBreakdown] = []
        if let first = byPeriod.keys.min() {
            var day = first
            while day <= asOf {
                let next = options.nextPeriodStart(day)
                periods.append(
                    PeriodBreakdown(
                        name: options.periodName(day), start: day, end: next.adding(days: -1),
                        counts: byPeriod[day] ?? Counts()))
                day = next
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
        // Your own side of the mirror is everything you committed to on the theme, whoever it was for.
        var ownByTag: [String: Counts] = [:]
        for status in statuses where options.inDateRange(status.commitment) {
            for tag in status.commitment.tags where expectationCounts[tag] != nil {
                ownByTag[tag, default: Counts()].add(status)
            }
        }
        mirror = expectationCounts.sorted { $0.key < $1.key }.map { tag, count in
            MirrorFigure(tag: tag, expectations: count, own: ownByTag[tag] ?? Counts())
        }

        unmatchedFilter =
            commitments.isEmpty && !options.filterWords.isEmpty
            ? Self.unmatched(options, among: statuses.map(\.commitment)) : nil
    }

    /// Why a filter matched nothing, with the closest names: "No commitments mention @anna. Did you
    /// mean @ana? People: ana, dana, li". Nil when something matched or no filter is set.
    public var unmatchedFilter: String?

    static func unmatched(_ options: ReviewOptions, among all: [Commitment]) -> String {
        func names(_ values: Set<String>, _ sigil: String, _ wanted: String, _ heading: String) -> String {
            var text = ""
            if let guess = Suggestions.closest(to: wanted, among: Array(values)) {
                text += " Did you mean \(sigil)\(guess)?"
            }
            let nearest = Suggestions.ranked(wanted, among: Array(values), limit: 10).sorted()
            if !nearest.isEmpty {
                text += " \(heading): " + nearest.joined(separator: ", ") + (values.count > 10 ? ", …" : "")
            }
            return text
        }
        if let person = options.person {
            let people = Set(all.flatMap(\.people))
            if !people.contains(person) {
                return "No commitments mention @\(person)." + names(people, "@", person, "People")
            }
        }
        if let tag = options.tag {
            let tags = Set(all.flatMap(\.tags))
            if !tags.contains(tag) { return "No commitments are tagged #\(tag)." + names(tags, "#", tag, "Tags") }
        }
        return "No commitments match " + options.filterWords.joined(separator: " · ") + "."
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

    /// The day a commitment's outcome was settled, which places it in the trend: kept on its done
    /// date, missed on its due date, stale on the day it went stale, released on its release date;
    /// an open one (and a kept or released one whose day is not known) on the day it was made.
    /// Never before the made date.
    public func decidedOn(_ status: CommitmentStatus) -> Day {
        Self.decidedOn(status, staleAfterDays: options.staleAfterDays)
    }

    static func decidedOn(_ status: CommitmentStatus, staleAfterDays: Int) -> Day {
        let made = status.commitment.made
        let day: Day?
        switch status.status {
        case .kept: day = status.doneOn
        case .missed: day = status.due
        case .stale: day = status.lastTouch.adding(days: staleAfterDays)
        case .released: day = status.releasedOn
        case .open: day = made
        }
        return max(made, day ?? made)
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

    /// `2026-W47`, `2026-11` or `2026-Q4` (January quarters).
    public static func period(of day: Day, _ period: ReviewOptions.Period) -> String {
        var options = ReviewOptions(asOf: day)
        options.period = period
        return options.periodName(day)
    }
}

/// How many entries, and mirror entries, are dated on one day.
public struct EntryDay: Hashable, Sendable {
    public var day: Day
    public var entries = 0
    public var mirrors = 0
}

/// Counts for one period of the trend, with its first and last day.
public struct PeriodBreakdown: Hashable, Sendable {
    /// `2026-W48`, `2026-11`, `2026-Q4` or `FY2027-Q1`.
    public var name: String
    public var start: Day
    public var end: Day
    public var counts: Counts
}

extension ReviewOptions {
    /// The period's name: `2026-W48`, `2026-11`, `2026-Q4`; with a fiscal year that does not start
    /// in January, `FY2027-Q1`, the fiscal year named by the calendar year it ends in.
    public func periodName(_ day: Day) -> String {
        switch period {
        case .week:
            let (year, week) = day.isoWeek
            return "\(year)-W\(week < 10 ? "0" : "")\(week)"
        case .month:
            return "\(day.year)-\(day.month < 10 ? "0" : "")\(day.month)"
        case .quarter:
            let (year, quarter) = fiscalQuarter(day)
            return fiscalYearStart == 1 ? "\(year)-Q\(quarter)" : "FY\(year)-Q\(quarter)"
        }
    }

    /// The fiscal year (named by the calendar year it ends in) and quarter (1–4) of `day`.
    func fiscalQuarter(_ day: Day) -> (year: Int, quarter: Int) {
        let start = (1...12).contains(fiscalYearStart) ? fiscalYearStart : 1
        let offset = (day.month - start + 12) % 12
        let endsIn = start == 1 || day.month < start ? day.year : day.year + 1
        return (endsIn, offset / 3 + 1)
    }

    /// The first day of the period `day` is in.
    func periodStart(_ day: Day) -> Day {
        switch period {
        case .week: return day.adding(days: 1 - day.weekday)
        case .month: return day.adding(days: 1 - day.day)
        case .quarter:
            let start = (1...12).contains(fiscalYearStart) ? fiscalYearStart : 1
            let back = (day.month - start + 12) % 12 % 3
            let month = day.month - back
            let first = Day(year: month < 1 ? day.year - 1 : day.year, month: month < 1 ? month + 12 : month, day: 1)
            return first ?? day.adding(days: 1 - day.day)
        }
    }

    /// The first day of the period after the one starting on `start`.
    func nextPeriodStart(_ start: Day) -> Day {
        switch period {
        case .week: return start.adding(days: 7)
        case .month: return start.endOfMonth.adding(days: 1)
        case .quarter:
            var day = start
            for _ in 0..<3 { day = day.endOfMonth.adding(days: 1) }
            return day
        }
    }
}
