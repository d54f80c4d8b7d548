/// One person or theme across the journal, for `journal people` and `journal tags`.
public struct NameSummary: Hashable, Sendable {
    public var name: String
    public var made = 0
    public var kept = 0
    public var open = 0
    /// Missed plus stale.
    public var overdue = 0
    /// The latest day the name appeared: a commitment made, a follow-up to one, or (for people) a
    /// 1:1 whose front matter names them.
    public var lastSeen: Day

    public enum Kind: Sendable { case people, tags }

    /// Every name of `kind` in commitments made on or before `asOf`, sorted by name.
    public static func all(_ kind: Kind, journal: Journal, asOf: Day) -> [NameSummary] {
        all(
            kind, entries: journal.entries, ledger: journal.ledger, asOf: asOf,
            staleAfterDays: journal.config.staleAfterDays)
    }

    static func all(_ kind: Kind, entries: [Entry], ledger: Ledger, asOf: Day, staleAfterDays: Int) -> [NameSummary] {
        var byName: [String: NameSummary] = [:]
        func seen(_ name: String, on day: Day) -> NameSummary {
            var summary = byName[name] ?? NameSummary(name: name, lastSeen: day)
            summary.lastSeen = max(summary.lastSeen, day)
            return summary
        }
        for status in ledger.statuses(asOf: asOf, staleAfterDays: staleAfterDays) {
            let names = kind == .people ? status.commitment.people : status.commitment.tags
            let last =
                status.followUps.map(\.date).max().map { max($0, status.commitment.made) } ?? status.commitment.made
            for name in names {
                var summary = seen(name, on: last)
                summary.made += 1
                switch status.status {
                case .kept: summary.kept += 1
                case .open: summary.open += 1
                case .missed, .stale: summary.overdue += 1
                case .released: break
                }
                byName[name] = summary
            }
        }
        if kind == .people {
            for entry in entries where entry.date <= asOf {
                for person in entry.people { byName[person] = seen(person, on: entry.date) }
            }
        }
        return byName.values.sorted { $0.name < $1.name }
    }
}
