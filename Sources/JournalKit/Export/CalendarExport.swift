/// Commitments' due dates as an iCalendar file (RFC 5545), for `journal export ics`: one all-day
/// event per commitment on the day it is due. Pure: judged commitments in, the file's text out.
///
/// The same journal judged as of the same day always gives the same bytes: the event ids come
/// from the references and the journal folder's name, the revision numbers from what the journal
/// records, and the timestamps from the as-of date, never from the clock.
public struct CalendarExport: Sendable {
    public struct Options: Hashable, Sendable {
        public var asOf: Day
        /// When the reminder fires before the start of the due day; nil for no reminder.
        public var alarm: AlarmOffset? = .dayBeforeAtNine
        /// Every decided commitment with a due date, not only those decided lately.
        public var includeAllDecided = false

        public init(asOf: Day) { self.asOf = asOf }
    }

    /// Kept and released commitments stay in the calendar, cancelled, this many days after
    /// they were decided, so a re-import takes them off the days they were due.
    public static let recentDays = 30

    /// One commitment as a calendar event.
    public struct Event: Hashable, Sendable {
        public var status: CommitmentStatus
        public var uid: String
        public var sequence: Int
        /// The due date in force.
        public var day: Day
        /// Kept or released: `STATUS:CANCELLED`, with the outcome in the summary and no reminder.
        public var cancelled: Bool
        public var summary: String
        /// Lines of plain text; escaped when written.
        public var description: [String]
    }

    public var options: Options
    /// The journal folder's name, part of every event's id.
    public var journalName: String
    /// By due date, then path, then line.
    public var events: [Event]

    /// - Parameter commitments: the selected commitments judged as of `options.asOf` (a
    ///   `Review`'s, so `--person`, `--tag`, `--since` and `--until` have applied).
    public init(commitments: [CommitmentStatus], journalName: String, options: Options) {
        self.options = options
        self.journalName = journalName
        var events =
            commitments
            .filter { Self.selects($0, options: options) }
            .sorted {
                ($0.due?.ordinal ?? 0, $0.commitment.path, $0.commitment.location.line)
                    < ($1.due?.ordinal ?? 0, $1.commitment.path, $1.commitment.location.line)
            }
            .compactMap { Self.event($0, journalName: journalName, asOf: options.asOf) }
        // Two commitments share a reference only when the journal has an error (a duplicate
        // `^id`, or two entries with one name); a calendar needs distinct UIDs, so all but the first
        // in file order also hash their path and line.
        var firstByUID: [String: (path: String, line: Int)] = [:]
        for event in events {
            let here = (event.status.commitment.path, event.status.commitment.location.line)
            if let first = firstByUID[event.uid], first <= here { continue }
            firstByUID[event.uid] = here
        }
        for index in events.indices {
            let commitment = events[index].status.commitment
            guard let first = firstByUID[events[index].uid], first != (commitment.path, commitment.location.line)
            else { continue }
            events[index].uid = Self.uid(
                reference: commitment.reference,
                journalName: "\(journalName)@\(commitment.path):\(commitment.location.line)")
        }
        self.events = events
    }

    /// The journal's folder name from its root path: `/home/me/coaching` → `coaching`.
    public static func journalName(root: String) -> String {
        String(root.split(separator: "/").last ?? "")
    }

    /// Open and missed commitments with a due date; kept and released ones with a due date when
    /// decided in the last 30 days (or always, with `includeAllDecided`). Stale commitments have
    /// no due date, so never a day in the calendar.
    public static func selects(_ status: CommitmentStatus, options: Options) -> Bool {
        guard let due = status.due, due.isRepresentable else { return false }
        switch status.status {
        case .open, .missed: return true
        case .stale: return false
        case .kept, .released:
            if options.includeAllDecided { return true }
            return options.asOf.days(since: decidedOn(status) ?? due) <= recentDays
        }
    }

    /// The day a kept or released commitment was done or let go, when the journal says; nil for
    /// a tick or release in place with no date, whose due date then stands in for it.
    static func decidedOn(_ status: CommitmentStatus) -> Day? {
        switch status.status {
        case .kept: return status.doneOn
        case .released: return status.releasedOn
        case .open, .missed, .stale: return nil
        }
    }

    /// A stable id: the first 128 bits of SHA-256 of `reference@journal-name` (both in NFC,
    /// so a file name written differently by macOS and Linux gives the same id), in hex.
    public static func uid(reference: Reference, journalName: String) -> String {
        let key = "\(reference)@\(journalName)"
        return String(SHA256.hex(key._nfcCodeUnits).prefix(32)) + "@journal"
    }

    /// Grows whenever the event changes: one for every due-date change and every follow-up that
    /// records something, dated on or before the as-of date, and one for a tick or release in
    /// place, which decides the commitment without a follow-up.
    public static func sequence(_ status: CommitmentStatus) -> Int {
        var sequence = status.dueChanges + status.followUps.count
        let keptByFollowUp = status.followUps.contains { $0.box == .done }
        let releasedByFollowUp = status.followUps.last?.box == .released
        if (status.status == .kept && !keptByFollowUp) || (status.status == .released && !releasedByFollowUp) {
            sequence += 1
        }
        return sequence
    }

    static func event(_ status: CommitmentStatus, journalName: String, asOf: Day) -> Event? {
        guard let due = status.due else { return nil }
        let commitment = status.commitment
        let cancelled = status.status == .kept || status.status == .released
        var description = ["Status: \(status.outcome.label) as of \(asOf)\(status.outcomeDetail(asOf: asOf))"]
        var dueLine = "Due: \(due)"
        if status.dueChanges > 0 {
            let first = status.originalDue.map { "first due \($0), " } ?? ""
            dueLine += " (\(first)moved \(Plural.count(status.dueChanges, "time")))"
        }
        description.append(dueLine)
        if !commitment.people.isEmpty {
            description.append("People: " + commitment.people.map { "@" + $0 }.joined(separator: ", "))
        }
        if !commitment.tags.isEmpty {
            description.append("Tags: " + commitment.tags.map { "#" + $0 }.joined(separator: ", "))
        }
        description.append("Made: \(commitment.made)")
        description.append("Reference: \(commitment.reference)")
        description.append("Entry: \(commitment.path):\(commitment.location.line)")
        return Event(
            status: status, uid: uid(reference: commitment.reference, journalName: journalName),
            sequence: sequence(status), day: due, cancelled: cancelled,
            summary: cancelled ? status.outcome.label.capitalizedFirst + ": " + commitment.text : commitment.text,
            description: description)
    }

    /// The whole file: CRLF line ends, folded at 75 octets, TEXT escaped.
    public func render() -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//journal//journal//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + ICalendarText.escape("\(journalName) commitments"),
        ]
        let stamp = Self.dateValue(options.asOf) + "T000000Z"
        for event in events {
            lines += [
                "BEGIN:VEVENT", "UID:\(event.uid)", "DTSTAMP:\(stamp)", "SEQUENCE:\(event.sequence)",
                "DTSTART;VALUE=DATE:\(Self.dateValue(event.day))",
            ]
            // The day after 9999-12-31 cannot be written; without DTEND an all-day event lasts one day.
            let next = event.day.adding(days: 1)
            if next.isRepresentable { lines.append("DTEND;VALUE=DATE:\(Self.dateValue(next))") }
            lines.append("SUMMARY:" + ICalendarText.escape(event.summary))
            lines.append("DESCRIPTION:" + ICalendarText.escape(event.description.joined(separator: "\n")))
            if !event.status.commitment.tags.isEmpty {
                lines.append(
                    "CATEGORIES:" + event.status.commitment.tags.map(ICalendarText.escape).joined(separator: ","))
            }
            lines += [
                "STATUS:" + (event.cancelled ? "CANCELLED" : "CONFIRMED"), "TRANSP:TRANSPARENT", "CLASS:PRIVATE",
            ]
            if let alarm = options.alarm, event.status.status == .open {
                lines += [
                    "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + ICalendarText.escape(event.summary),
                    "TRIGGER:-\(alarm)", "END:VALARM",
                ]
            }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(ICalendarText.fold).joined()
    }

    /// `YYYYMMDD`.
    static func dateValue(_ day: Day) -> String {
        let c = day.components
        return Day.pad(c.year, 4) + Day.pad(c.month, 2) + Day.pad(c.day, 2)
    }
}
