/// `journal list` and `journal show` output: one line per commitment, or one commitment's history.
public enum CommitmentListing {
    /// Filters for `journal list --status`; `overdue` means missed or stale.
    public enum StatusFilter: String, Hashable, Sendable, CaseIterable {
        case open, kept, released, missed, stale, overdue

        public func matches(_ status: CommitmentStatus) -> Bool {
            self == .overdue ? status.isOverdue : status.status.rawValue == rawValue
        }
    }

    /// Reference, status, made, due and text, aligned, the text cut to the width. Below 100
    /// columns each commitment takes two lines, so the text keeps most of the width: status, made,
    /// due and text, then the reference on its own line (never cut).
    public static func lines(_ statuses: [CommitmentStatus], width: Int = 100, color: Bool = false) -> String {
        var all = ""
        lines(statuses, width: width, color: color) { all += $0 }
        return all
    }

    /// The same, handed to `write` in pieces of about 64 KiB: a lifetime's listing built as one
    /// string, regrown by doubling, was the largest thing `journal list` held.
    public static func lines(
        _ statuses: [CommitmentStatus], width: Int = 100, color: Bool = false, to write: (String) -> Void
    ) {
        var out = ""
        func flushIfFull() {
            if out.utf8.count >= 1 << 16 {
                write(out)
                out = ""
            }
        }
        let roles = statuses.map { [nil, ReportDocument.Role($0.outcome)] as [ReportDocument.Role?] }
        // The wide table only where it could be used: built for every run, it doubled the cells
        // a long listing held.
        if width >= 100 {
            let wide = ReportDocument.Table(
                headers: ["Reference", "Status", "Made", "Due", "Commitment"],
                rows: statuses.map { status in
                    [
                        status.reference.description, status.status.rawValue, status.commitment.made.description,
                        status.due?.description ?? "–", status.commitment.text,
                    ]
                }, flexibleColumn: 4, roles: roles)
            if TextReport.fits(wide, width: width) {
                return write(TextReport.render(wide, width: width, color: color).0)
            }
        }
        let table = ReportDocument.Table(
            headers: ["Status", "Made", "Due", "Commitment"],
            rows: statuses.map { status in
                [
                    status.status.rawValue, status.commitment.made.description, status.due?.description ?? "–",
                    status.commitment.text,
                ]
            }, flexibleColumn: 3, roles: roles.map { Array($0.dropFirst()) })
        if TextReport.fits(table, width: width) {
            let rendered = TextReport.render(table, width: width, color: color).0.split(
                separator: "\n", omittingEmptySubsequences: false)
            out = (rendered.first.map(String.init) ?? "") + "\n"
            for (index, status) in statuses.enumerated() where index + 1 < rendered.count {
                out += rendered[index + 1] + "\n"
                out += TextReport.alone(TerminalText.escape(status.reference.description), width: width, color: color)
                flushIfFull()
            }
            return write(out)
        }
        // Too narrow even for that: status and dates, the text, the reference, each on a line.
        for status in statuses {
            let role = ReportDocument.Role(status.outcome)
            out +=
                TextReport.styled(status.status.rawValue, role, color)
                + "  made \(status.commitment.made)  due \(status.due?.description ?? "–")\n"
            out +=
                "  " + DisplayWidth.truncated(TerminalText.escape(status.commitment.text), to: max(1, width - 2)) + "\n"
            out += TextReport.alone(TerminalText.escape(status.reference.description), width: width, color: color)
            flushIfFull()
        }
        write(out)
    }

    /// The whole history of one commitment, with `path:line` throughout.
    public static func history(_ status: CommitmentStatus, asOf: Day, width: Int = 100, color: Bool = false) -> String {
        let c = status.commitment
        let e = TerminalText.escape
        var out = ""
        /// `label` then `text` wrapped under an 11-column hanging indent; `location` stays whole and,
        /// when the line cannot hold it, stands alone.
        func row(_ label: String, _ text: String, location: String? = nil, note: String = "") {
            let head = "  " + label.padding(to: 9)
            var first = head + text
            if let location {
                if DisplayWidth.of(first) + 2 + DisplayWidth.of(location) <= width {
                    first += "  " + location
                } else {
                    out += first + "\n"
                    out += TextReport.alone(location, width: width, color: color)
                    first = ""
                }
            }
            guard !note.isEmpty else {
                if !first.isEmpty { out += first + "\n" }
                return
            }
            if !first.isEmpty, DisplayWidth.of(first) + 2 + DisplayWidth.of(note) <= width {
                out += first + "  " + note + "\n"
                return
            }
            if !first.isEmpty { out += first + "\n" }
            for line in TextReport.wrap(note, width: max(20, width - 11)) {
                out += String(repeating: " ", count: 11) + line + "\n"
            }
        }
        out += e(c.reference.description) + "\n"
        for line in TextReport.wrap(e(c.text), width: max(20, width - 2)) { out += "  " + line + "\n" }
        row("made", "\(c.made)", location: "\(e(c.path)):\(c.location.line)")
        if !c.people.isEmpty { row("people", e(c.people.map { "@" + $0 }.joined(separator: " "))) }
        if !c.tags.isEmpty { row("tags", e(c.tags.map { "#" + $0 }.joined(separator: " "))) }
        if let due = status.originalDue { row("due", "\(due)") }
        if c.box != .open || c.cancelledOn != nil {
            var line = "in place [\(c.box.mark)]"
            if c.box == .done, let done = c.doneOn { line += " done \(done)" }
            if let cancelled = c.cancelledOn { line += " released \(cancelled)" }
            out += "  " + line + "\n"
        }
        for followUp in status.followUps {
            row(
                "[\(followUp.box.mark)]", "\(followUp.date)", location: "\(e(followUp.path)):\(followUp.location.line)",
                note: e(followUp.note))
            for move in status.dueMoves where move.followUp == followUp {
                let late = move.isLate ? " (late renegotiation)" : ""
                out += "           due \(move.from?.description ?? "none") → \(move.to)\(late)\n"
            }
        }
        let summary =
            TextReport.styled(status.outcome.label, ReportDocument.Role(status.outcome), color) + " as of \(asOf)"
            + status.outcomeDetail(asOf: asOf)
        out += "  status   " + summary + "\n"
        return out
    }
}

extension CommitmentStatus {
    /// What the outcome's label leaves out, as `show` and the calendar export say it: ", done
    /// 2026-11-12", ", released on a day not known", ", 35 days late", ", quiet for 46 days".
    public func outcomeDetail(asOf: Day) -> String {
        var detail = ""
        if let doneOn { detail += ", done \(doneOn)" }
        if status == .released {
            detail += releasedOn.map { ", released \($0)" } ?? ", released on a day not known"
            if releasedLate { detail += " (counted as not kept)" }
        }
        if status == .missed { detail += ", \(daysLate(asOf: asOf)) days late" }
        if status == .stale { detail += ", quiet for \(asOf.days(since: lastTouch)) days" }
        return detail
    }
}
