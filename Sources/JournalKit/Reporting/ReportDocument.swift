/// A report as sections of prose and tables, independent of how it is printed.
///
/// The review builds one of these; the text and markdown renderers only lay it out, so both
/// forms always say the same thing.
public struct ReportDocument: Hashable, Sendable {
    /// What a status means to the reader, for colour: kept is good; missed and released late are
    /// bad; stale is a warning; open is neutral; released in time is dim.
    public enum Role: Hashable, Sendable {
        case good, bad, warning, neutral, dim

        public init(_ outcome: Outcome) {
            switch outcome {
            case .keptOnTime, .keptLate, .keptUndated: self = .good
            case .missed, .releasedLate: self = .bad
            case .stale: self = .warning
            case .open: self = .neutral
            case .released: self = .dim
            }
        }
    }

    public struct Table: Hashable, Sendable {
        public var headers: [String]
        public var rows: [[String]]
        /// The column that gives way when the terminal is narrow (usually the commitment text).
        public var flexibleColumn: Int?
        /// Columns aligned to the right (numbers).
        public var numericColumns: Set<Int> = []
        /// A legend that spells out abbreviated headers, printed once under the first table using them.
        public var legend: String? = nil
        /// Narrower forms, tried in order when this one does not fit: abbreviated headers, then
        /// fewer columns. Every form's rows still add up to the same totals.
        public var narrower: [Table] = []
        /// Per row, per cell, the role that colours it; empty for none.
        public var roles: [[Role?]] = []

        public init(
            headers: [String], rows: [[String]], flexibleColumn: Int? = nil, numericColumns: Set<Int> = [],
            legend: String? = nil, narrower: [Table] = [], roles: [[Role?]] = []
        ) {
            self.headers = headers
            self.rows = rows
            self.flexibleColumn = flexibleColumn
            self.numericColumns = numericColumns
            self.legend = legend
            self.narrower = narrower
            self.roles = roles
        }
    }

    /// One commitment in a list: a status label and a short note, its text, and a detail line
    /// with dates and `path:line`, which is never cut so an editor can jump there.
    public struct Item: Hashable, Sendable {
        public var label: String
        public var note: String
        public var text: String
        /// `due 2026-10-31 → 2026-11-30`, or empty without a due date.
        public var due: String
        public var made: Day
        /// `path:line`.
        public var location: String
        /// Colours the label.
        public var role: Role = .neutral

        /// The second line of the text form: due, made, `path:line`.
        public var detail: String { (due.isEmpty ? "" : due + " · ") + "made \(made) · \(location)" }
    }

    public struct Section: Hashable, Sendable {
        public var title: String?
        public var lines: [String] = []
        public var table: Table?
        public var items: [Item] = []
        /// What an item's label and note say, as table headers in markdown.
        public var itemHeaders = ["Status", "Note"]
        public var notes: [String] = []
        /// The follow-through bars of a trend, laid out by each renderer to its width.
        public var trend: Trend? = nil
        /// Which section this is, for the HTML report's ids and charts: `trend`, `overdue`, …
        public var anchor = ""
    }

    /// Follow-through per period with the number decided in each, oldest first.
    public struct Trend: Hashable, Sendable {
        public struct Point: Hashable, Sendable {
            public var period: String
            public var rate: Double?
            public var decided: Int
        }
        public var points: [Point]
        /// The most periods any form shows.
        public static let maximum = 26
    }

    public var title: String
    public var sections: [Section]
}

extension ReportDocument {
    /// Builds the review's sections, leaving out the empty ones.
    public init(review: Review) {
        title = (["Review as of \(review.asOf)"] + review.options.filterWords).joined(separator: " · ")
        var sections: [Section] = []
        sections.append(Self.headline(review))
        if let trend = Self.trend(review) { sections.append(trend) }

        let overdue = review.overdue
        if !overdue.isEmpty {
            let items = overdue.map { status in
                let note =
                    status.status == .missed
                    ? "\(status.daysLate(asOf: review.asOf))d late"
                    : "quiet \(review.asOf.days(since: status.lastTouch))d"
                return Self.item(status, label: status.status.rawValue, note: note)
            }
            sections.append(
                Section(
                    title: "Overdue and silently dropped", items: items, itemHeaders: ["Status", "Late or quiet"],
                    anchor: "overdue"))
        }

        let releasedLate = review.commitments.filter(\.releasedLate)
        if !releasedLate.isEmpty {
            let items = releasedLate.map { status in
                Self.item(status, label: "released", note: status.releasedOn.map { "on \($0)" } ?? "late")
            }
            sections.append(
                Section(
                    title: "Released after the deadline (counted as not kept)", items: items,
                    itemHeaders: ["Status", "Released"], anchor: "released-late"))
        }

        let soon = review.dueSoon
        if !soon.isEmpty {
            let items = soon.map { status -> Item in
                let days = status.due.map { $0.days(since: review.asOf) } ?? 0
                let label = status.due.map { "\($0.weekdayShortName) \($0)" } ?? ""
                return Self.item(status, label: label, note: days == 0 ? "today" : "in \(days)d")
            }
            sections.append(
                Section(
                    title: "Due in the next \(review.options.dueSoonDays) days", items: items,
                    itemHeaders: ["Due", "When"], anchor: "due-soon"))
        }

        if !review.people.isEmpty {
            sections.append(
                Self.breakdown("By person", "Person", "people", review.people.map { ("@" + $0.name, $0.counts) }))
        }
        if !review.tags.isEmpty {
            sections.append(
                Self.breakdown("By theme", "Theme", "themes", review.tags.map { ("#" + $0.name, $0.counts) }))
        }
        if !review.mirror.isEmpty { sections.append(Self.mirror(review)) }

        let renegotiated = review.renegotiated
        if !renegotiated.isEmpty {
            let items = renegotiated.map { status in
                let when = status.lateRenegotiations > 0 ? "\(status.lateRenegotiations) late" : "in time"
                return Self.item(status, label: status.status.rawValue, note: "moved \(status.dueChanges)×, \(when)")
            }
            sections.append(
                Section(title: "Renegotiated", items: items, itemHeaders: ["Status", "Moves"], anchor: "renegotiated"))
        }
        self.sections = sections
    }

    static func headline(_ review: Review) -> Section {
        let totals = review.totals
        var lines: [String] = []
        if let unmatched = review.unmatchedFilter {
            lines.append(unmatched)
        } else if totals.made == 0 {
            lines.append("No commitments yet.")
        } else {
            lines.append(
                "Follow-through \(percent(totals.followThroughRate)) (\(totals.kept) of \(totals.decided) decided kept)"
                    + " · on time \(percent(totals.onTimeRate)) (\(totals.keptOnTime) of \(totals.decidedDated))"
                    + " · \(totals.open) open · \(review.overdueCount) overdue")
            var kept = "\(totals.keptOnTime) on time, \(totals.keptLate) late"
            if totals.keptUndated > 0 { kept += ", \(totals.keptUndated) undated" }
            let made =
                "\(Plural.count(totals.made, "commitment")) made: \(totals.kept) kept (\(kept)), "
                + "\(totals.missed) missed, \(totals.stale) stale, \(totals.open) open"
            if totals.releasedAll == 0 {
                lines.append(made + ", 0 released.")
            } else {
                var released = "and \(totals.releasedAll) released"
                if totals.releasedLate > 0 {
                    released += ", \(totals.releasedLate) after it was due (counted as not kept)"
                }
                if totals.releasedUndated > 0 { released += ", \(totals.releasedUndated) on a day not known" }
                lines += [made + ",", released + "."]
            }
        }
        switch review.daysSinceMirror {
        case nil: lines.append("No mirror entry yet: start with 'journal new weekly-mirror'.")
        case 0?: lines.append("Last looked in the mirror today.")
        case 1?: lines.append("Last looked in the mirror yesterday.")
        case let days?: lines.append("Last looked in the mirror \(days) days ago.")
        }
        return Section(title: nil, lines: lines, anchor: "headline")
    }

    /// The outcome columns every breakdown shows, in the order of `Outcome.allCases`.
    static let outcomeHeaders = [
        "Kept on time", "Kept late", "Kept undated", "Released", "Released late", "Missed", "Stale", "Open",
    ]
    static let outcomeShortHeaders = ["OnTime", "KLate", "KUndtd", "Rel", "RLate", "Miss", "Stale", "Open"]
    static let outcomeLegend =
        "OnTime kept on time · KLate kept late · KUndtd kept, no date known · Rel released"
        + " · RLate released late (not kept) · FT follow-through"

    /// A table of outcome counts: the leading columns, then Made, the eight outcomes and the rate.
    /// Narrower, the same with abbreviated headers; narrower still, Made, Kept, Not kept (missed,
    /// stale, released late), Released, Open and the rate, which add up as well.
    /// `numericLeading` of the leading columns are numbers too; `made` names the Made column.
    static func outcomeTable(
        _ leading: [String], numericLeading: Int = 0, made: String = "Made", _ rows: [([String], Counts)]
    ) -> Table {
        let first = leading.count - numericLeading
        let cells = rows.map { names, counts in
            names + [String(counts.made)] + Outcome.allCases.map { String(counts.count($0)) }
                + [percent(counts.followThroughRate)]
        }
        let short = Table(
            headers: leading + [made] + outcomeShortHeaders + ["FT"], rows: cells,
            numericColumns: Set(first..<(leading.count + 10)), legend: outcomeLegend)
        let merged = Table(
            headers: leading + [made, "Kept", "NotKept", "Rel", "Open", "FT"],
            rows: rows.map { names, counts in
                names + [counts.made, counts.kept, counts.notKept, counts.released, counts.open].map(String.init)
                    + [percent(counts.followThroughRate)]
            }, numericColumns: Set(first..<(leading.count + 6)), legend: mergedLegend)
        return Table(
            headers: leading + [made] + outcomeHeaders + ["Follow-through"], rows: cells,
            numericColumns: Set(first..<(leading.count + 10)), narrower: [short, merged])
    }

    static let mergedLegend =
        "NotKept missed, stale or released late · Rel released in time · FT follow-through"

    /// Follow-through by period decided: the bars with their counts, then the last 8 periods'
    /// outcomes. `Total` is what was decided in the period plus what was made in it and is open.
    static func trend(_ review: Review) -> Section? {
        guard !review.periods.isEmpty else { return nil }
        let unit = review.options.period.rawValue
        let points = review.periods.suffix(Trend.maximum).map {
            Trend.Point(period: $0.name, rate: $0.counts.followThroughRate, decided: $0.counts.decided)
        }
        return Section(
            title: "Follow-through by \(unit)",
            table: outcomeTable(
                [unit.capitalizedFirst], made: "Total", review.periods.suffix(8).map { ([$0.name], $0.counts) }),
            trend: Trend(points: points), anchor: "trend")
    }

    static func breakdown(_ title: String, _ label: String, _ anchor: String, _ items: [(String, Counts)]) -> Section {
        Section(title: title, table: outcomeTable([label], items.map { ([$0.0], $0.1) }), anchor: anchor)
    }

    static func mirror(_ review: Review) -> Section {
        let table = outcomeTable(
            ["Theme", "Expected"], numericLeading: 1, made: "Own",
            review.mirror.map { (["#" + $0.tag, String($0.expectations)], $0.own) })
        var title = "The mirror: what you expect of them, and what you do"
        let narrowed = [review.options.person.map { "@" + $0 }, review.options.tag.map { "#" + $0 }].compactMap { $0 }
        if !narrowed.isEmpty {
            title +=
                " (expectations of \(narrowed.joined(separator: " ")), against all your own commitments on each theme)"
        }
        return Section(title: title, table: table, notes: review.mirror.compactMap(\.note), anchor: "mirror")
    }

    /// The detail line: due date (and where it moved from), made date, `path:line`.
    static func item(_ status: CommitmentStatus, label: String, note: String) -> Item {
        var due = ""
        if let current = status.due {
            due =
                status.originalDue.map { $0 != current ? "due \($0) → \(current)" : "due \(current)" }
                ?? "due \(current)"
        }
        return Item(
            label: label, note: note, text: status.commitment.text, due: due, made: status.commitment.made,
            location: "\(status.commitment.path):\(status.commitment.location.line)", role: Role(status.outcome))
    }

    /// "77%", or "–" when there is nothing to divide.
    public static func percent(_ rate: Double?) -> String {
        guard let rate else { return "–" }
        return "\(Int((rate * 100).rounded()))%"
    }

    static func sparkCharacter(_ rate: Double?) -> String {
        guard let rate else { return "·" }
        let bars = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        return bars[min(bars.count - 1, Int(rate * Double(bars.count - 1) + 0.5))]
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
