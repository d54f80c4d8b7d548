/// `journal list` and `journal show` output: one line per commitment, or one commitment's history.
public enum CommitmentListing {
    /// Filters for `journal list --status`; `overdue` means missed or stale.
    public enum StatusFilter: String, Hashable, Sendable, CaseIterable {
        case open, kept, released, missed, stale, overdue

        public func matches(_ status: CommitmentStatus) -> Bool {
            self == .overdue ? status.isOverdue : status.status.rawValue == rawValue
        }
    }

    /// Reference, status, made, due and text, aligned; text is escaped and cut to the width.
    public static func lines(_ statuses: [CommitmentStatus], width: Int = 100) -> String {
        let table = ReportDocument.Table(
            headers: ["Reference", "Status", "Made", "Due", "Commitment"],
            rows: statuses.map { status in
                [
                    status.reference.description, status.status.rawValue, status.commitment.made.description,
                    status.due?.description ?? "–", status.commitment.text,
                ]
            }, flexibleColumn: 4)
        return TextReport.render(table, width: width, color: false)
    }

    /// The whole history of one commitment, with `path:line` throughout.
    public static func history(_ status: CommitmentStatus, asOf: Day) -> String {
        let c = status.commitment
        let e = TerminalText.escape
        var out = "\(e(c.reference.description))\n"
        out += "  \(e(c.text))\n"
        out += "  made     \(c.made)  \(e(c.path)):\(c.location.line)\n"
        if !c.people.isEmpty { out += "  people   \(e(c.people.map { "@" + $0 }.joined(separator: " ")))\n" }
        if !c.tags.isEmpty { out += "  tags     \(e(c.tags.map { "#" + $0 }.joined(separator: " ")))\n" }
        if let due = status.originalDue { out += "  due      \(due)\n" }
        if c.box != .open || c.cancelledOn != nil {
            var line = "  in place [\(c.box.mark)]"
            if c.box == .done, let done = c.doneOn { line += " done \(done)" }
            if let cancelled = c.cancelledOn { line += " released \(cancelled)" }
            out += line + "\n"
        }
        for followUp in status.followUps {
            var line = "  [\(followUp.box.mark)]      \(followUp.date)  \(e(followUp.path)):\(followUp.location.line)"
            if !followUp.note.isEmpty { line += "  \(e(followUp.note))" }
            out += line + "\n"
            for move in status.dueMoves where move.followUp == followUp {
                let late = move.isLate ? " (late renegotiation)" : ""
                out += "           due \(move.from?.description ?? "none") → \(move.to)\(late)\n"
            }
        }
        var summary = "  status   \(status.outcome.label) as of \(asOf)"
        if let doneOn = status.doneOn { summary += ", done \(doneOn)" }
        if status.status == .released {
            summary += status.releasedOn.map { ", released \($0)" } ?? ", released on a day not known"
            if status.releasedLate { summary += " (counted as not kept)" }
        }
        if status.status == .missed { summary += ", \(status.daysLate(asOf: asOf)) days late" }
        if status.status == .stale { summary += ", quiet for \(asOf.days(since: status.lastTouch)) days" }
        out += summary + "\n"
        return out
    }
}
