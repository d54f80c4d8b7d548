/// A report as sections of prose and tables, independent of how it is printed.
///
/// The review builds one of these; the text and markdown renderers only lay it out, so both
/// forms always say the same thing.
public struct ReportDocument: Hashable, Sendable {
    public struct Table: Hashable, Sendable {
        public var headers: [String]
        public var rows: [[String]]
        /// The column that gives way when the terminal is narrow (usually the commitment text).
        public var flexibleColumn: Int?
        /// Columns aligned to the right (numbers).
        public var numericColumns: Set<Int> = []
    }

    /// One commitment in a list: a status label and a short note, its text, and a detail line
    /// with dates and `path:line`, which is never cut so an editor can jump there.
    public struct Item: Hashable, Sendable {
        public var label: String
        public var note: String
        public var text: String
        public var detail: String
    }

    public struct Section: Hashable, Sendable {
        public var title: String?
        public var lines: [String] = []
        public var table: Table?
        public var items: [Item] = []
        public var notes: [String] = []
    }

    public var title: String
    public var sections: [Section]
}

extension ReportDocument {
    /// Builds the review's sections, leaving out the empty ones.
    public init(review: Review) {
        title = "Review as of \(review.asOf)"
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
            sections.append(Section(title: "Overdue and silently dropped", items: items))
        }

        let soon = review.dueSoon
        if !soon.isEmpty {
            let items = soon.map { status -> Item in
                let days = status.due.map { $0.days(since: review.asOf) } ?? 0
                let label = status.due.map { "\($0.weekdayShortName) \($0)" } ?? ""
                return Self.item(status, label: label, note: days == 0 ? "today" : "in \(days)d")
            }
            sections.append(Section(title: "Due in the next \(review.options.dueSoonDays) days", items: items))
        }

        if !review.people.isEmpty {
            sections.append(Self.breakdown("By person", "Person", review.people.map { ("@" + $0.name, $0.counts) }))
        }
        if !review.tags.isEmpty {
            sections.append(Self.breakdown("By theme", "Theme", review.tags.map { ("#" + $0.name, $0.counts) }))
        }
        if !review.mirror.isEmpty { sections.append(Self.mirror(review)) }

        let renegotiated = review.renegotiated
        if !renegotiated.isEmpty {
            let items = renegotiated.map { status in
                let when = status.lateRenegotiations > 0 ? "\(status.lateRenegotiations) late" : "in time"
                return Self.item(status, label: status.status.rawValue, note: "moved \(status.dueChanges)×, \(when)")
            }
            sections.append(Section(title: "Renegotiated", items: items))
        }
        self.sections = sections
    }

    static func headline(_ review: Review) -> Section {
        let totals = review.totals
        var lines: [String] = []
        if totals.made == 0 {
            lines.append("No commitments yet.")
        } else {
            lines.append(
                "Follow-through \(percent(totals.followThroughRate)) (\(totals.kept) of \(totals.decided) decided kept)"
                    + " · on time \(percent(totals.onTimeRate))"
                    + " · \(totals.open) open · \(review.overdueCount) overdue")
            lines.append(
                "\(Plural.count(totals.made, "commitment")) made: \(totals.kept) kept (\(totals.keptOnTime) on time, "
                    + "\(totals.keptLate) late), \(totals.released) released, \(totals.missed) missed, "
                    + "\(totals.stale) stale, \(totals.open) open.")
        }
        switch review.daysSinceMirror {
        case nil: lines.append("No mirror entry yet: start with 'journal new weekly-mirror'.")
        case 0?: lines.append("Last looked in the mirror today.")
        case 1?: lines.append("Last looked in the mirror yesterday.")
        case let days?: lines.append("Last looked in the mirror \(days) days ago.")
        }
        return Section(title: nil, lines: lines)
    }

    static func trend(_ review: Review) -> Section? {
        guard !review.periods.isEmpty else { return nil }
        let spark = review.periods.map { sparkCharacter($0.counts.followThroughRate) }.joined()
        let recent = review.periods.suffix(8)
        let rows = recent.map { period in
            [
                period.name, String(period.counts.made), String(period.counts.kept), String(period.counts.missed),
                String(period.counts.stale), percent(period.counts.followThroughRate),
            ]
        }
        let unit = review.options.period == .week ? "week" : "month"
        return Section(
            title: "Trend by \(unit) made",
            lines: ["\(spark)  \(review.periods.first?.name ?? "") → \(review.periods.last?.name ?? "")"],
            table: Table(
                headers: [unit.capitalizedFirst, "Made", "Kept", "Missed", "Stale", "Follow-through"], rows: rows,
                numericColumns: [1, 2, 3, 4, 5]))
    }

    static func breakdown(_ title: String, _ label: String, _ items: [(String, Counts)]) -> Section {
        let rows = items.map { name, counts in
            [
                name, String(counts.made), String(counts.kept), String(counts.missed), String(counts.stale),
                String(counts.open), percent(counts.followThroughRate),
            ]
        }
        return Section(
            title: title,
            table: Table(
                headers: [label, "Made", "Kept", "Missed", "Stale", "Open", "Follow-through"], rows: rows,
                numericColumns: [1, 2, 3, 4, 5, 6]))
    }

    static func mirror(_ review: Review) -> Section {
        let rows = review.mirror.map { figure in
            [
                "#" + figure.tag, String(figure.expectations), String(figure.own.made), String(figure.own.kept),
                String(figure.own.missed), String(figure.own.stale), percent(figure.own.followThroughRate),
            ]
        }
        let notes = review.mirror.filter { $0.own.made == 0 }.map {
            "You expect #\($0.tag) of the team, but made no #\($0.tag) commitment yourself."
        }
        return Section(
            title: "The mirror: what you expect of them, and what you do",
            table: Table(
                headers: ["Theme", "Expected", "Own", "Kept", "Missed", "Stale", "Follow-through"], rows: rows,
                numericColumns: [1, 2, 3, 4, 5, 6]),
            notes: notes)
    }

    /// The detail line: due date (and where it moved from), made date, `path:line`.
    static func item(_ status: CommitmentStatus, label: String, note: String) -> Item {
        var parts: [String] = []
        if let due = status.due {
            if let original = status.originalDue, original != due {
                parts.append("due \(original) → \(due)")
            } else {
                parts.append("due \(due)")
            }
        }
        parts.append("made \(status.commitment.made)")
        parts.append("\(status.commitment.path):\(status.commitment.location.line)")
        return Item(label: label, note: note, text: status.commitment.text, detail: parts.joined(separator: " · "))
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
