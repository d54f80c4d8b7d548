import ArgumentParser
import JournalKit

/// What `done`, `release` and `move` share: find the commitment, check it can be acted on, and
/// append the follow-up line to the day's log.
struct FollowUpWriter {
    var options: JournalOptions
    var log: LogOptions

    /// The commitment `reference` names among those that are open, missed or stale as of the
    /// log's day; anything else is refused with its status (exit 2).
    func target(_ reference: String, journal: Journal) throws -> CommitmentStatus {
        let day = log.day
        let statuses = journal.ledger.statuses(asOf: day, staleAfterDays: journal.config.staleAfterDays)
        let actionable = Set(statuses.filter { [.open, .missed, .stale].contains($0.status) }.map(\.reference))
        let resolver = ReferenceResolver(journal: journal)
        switch resolver.resolve(reference, candidates: actionable, workingDirectory: Process.workingDirectory) {
        case .found(let found):
            guard let status = statuses.first(where: { $0.reference == found }) else {
                Output.error("\(found) is made after \(day); nothing to follow up yet")
                throw ExitCode(2)
            }
            guard actionable.contains(found) else {
                Output.error(
                    "\(found) is \(status.outcome.label) as of \(day); only open, missed and stale commitments can be followed up"
                )
                throw ExitCode(2)
            }
            return status
        case .ambiguous(let candidates):
            var message = "'\(reference)' matches \(candidates.count) commitments; give one of:"
            for candidate in candidates.prefix(20) {
                let text = statuses.first { $0.reference == candidate }?.commitment.text ?? ""
                message += "\n  \(candidate)  \(text)"
            }
            Output.error(message)
            throw ExitCode(2)
        case .unknown(let closest):
            var message = "no open, missed or stale commitment matches '\(reference)'"
            if !closest.isEmpty { message += "; closest: " + closest.map(\.description).joined(separator: ", ") }
            Output.error(message)
            throw ExitCode(2)
        }
    }

    /// Appends the follow-up and prints what was recorded.
    func record(_ box: Box, on date: Day, note: String?, journal: Journal, status: CommitmentStatus) throws {
        let day = log.day
        let path = DayLog(root: journal.root, config: journal.config).path(for: day)
        let line = LogLine.followUp(box, to: status.commitment, in: path, on: date, note: note)
        let appended = try LogWriting.append(line, journal: journal, day: day) { entry, line in
            entry.followUps.contains { $0.location.line == line && $0.target == status.reference && $0.box == box }
        }
        let what: String
        // A day before the commitment counts as the log's day; say the day that counts.
        let counted = box == .carried || date >= status.commitment.made ? date : day
        switch box {
        case .done: what = "kept, done \(counted.label(inYear: day.year))"
        case .released: what = "released \(counted.label(inYear: day.year))"
        default: what = "moved to \(date.label(inYear: day.year))"
        }
        Output.print(
            TextReport.message(
                "\(status.reference) \(what)", location: "\(appended.path):\(appended.line)",
                width: TerminalWidth.columns))
    }

    /// `--on`: on or before the log's day, and not before the commitment was made.
    func day(_ value: String?, name: String, status: CommitmentStatus) throws -> Day {
        let day = try DateOption.parse(value, name: name) ?? log.day
        if day > log.day {
            Output.error("\(name) \(day) is after the log's day \(log.day); write it in that day's log (--date)")
            throw ExitCode(2)
        }
        if day < status.commitment.made {
            // Written as said; the ledger counts a day before the commitment as the log's day
            // (docs/FORMAT.md), and check says so.
            let note =
                "note: \(name) \(day) is before \(status.reference) was made (\(status.commitment.made));"
                + " the review counts it as done on \(log.day)"
            for line in TextReport.wrap(note, width: TerminalWidth.columns) { Output.errorLine(line) }
        }
        return day
    }
}

extension JournalCommand {
    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that you kept a commitment, in the day's log.",
            discussion: """
                Appends '- [x] <text> <link> ✅ DATE — <note>' to the day's log. REF is a reference, a \
                link, a path:line from the review, a unique prefix, or words from the text \
                ('journal done ana pricing').

                Exit status: 0 recorded; 2 usage error, an unknown or ambiguous REF, or a \
                commitment that is not open, missed or stale.
                """)

        @OptionGroup var options: JournalOptions
        @OptionGroup var log: LogOptions

        @Argument(help: "The commitment.", completion: .custom(Completions.references)) var reference: [String]
        @Option(help: "The day it was done (default: the log's day); read backwards, like 'yesterday'.")
        var on: String?
        @Option(help: "What happened: the evidence.") var note: String?

        func validate() throws { _ = try DateOption.parse(on, name: "--on") }

        func run() throws {
            let writer = FollowUpWriter(options: options, log: log)
            let journal = try LogWriting.load(options)
            let status = try writer.target(reference.joined(separator: " "), journal: journal)
            try writer.record(
                .done, on: writer.day(on, name: "--on", status: status), note: note, journal: journal, status: status)
        }
    }

    struct Release: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Release a commitment, saying why, in the day's log.",
            discussion: """
                Appends '- [-] <text> <link> ❌ DATE — <why>'. A release after the due date counts as \
                not kept (docs/FORMAT.md, Statuses): renegotiate before the deadline with 'move'.

                Exit status: 0 recorded; 2 usage error, an unknown or ambiguous REF, or a \
                commitment that is not open, missed or stale.
                """)

        @OptionGroup var options: JournalOptions
        @OptionGroup var log: LogOptions

        @Argument(help: "The commitment.", completion: .custom(Completions.references)) var reference: [String]
        @Option(help: "Why you are letting it go (required).") var why: String
        @Option(help: "The day it was released (default: the log's day); read backwards.") var on: String?

        func validate() throws {
            _ = try DateOption.parse(on, name: "--on")
            if why.allSatisfy(\.isWhitespace) { throw ValidationError("--why needs a reason") }
        }

        func run() throws {
            let writer = FollowUpWriter(options: options, log: log)
            let journal = try LogWriting.load(options)
            let status = try writer.target(reference.joined(separator: " "), journal: journal)
            try writer.record(
                .released, on: writer.day(on, name: "--on", status: status), note: why, journal: journal, status: status
            )
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Carry a commitment forward to a new due date, in the day's log.",
            discussion: """
                Appends '- [>] <text> <link> 📅 DATE — <note>'. A move made after the due date has \
                passed is a late renegotiation and makes the commitment late however it ends.

                Exit status: 0 recorded; 2 usage error, an unknown or ambiguous REF, or a \
                commitment that is not open, missed or stale.
                """)

        @OptionGroup var options: JournalOptions
        @OptionGroup var log: LogOptions

        @Argument(help: "The commitment.", completion: .custom(Completions.references)) var reference: [String]
        @Option(help: "The new due date, read forwards ('friday', 'dec 20', 'next week').") var to: String
        @Option(help: "Why it moves.") var note: String?

        func validate() throws { _ = try DateOption.parse(to, name: "--to", forwards: true) }

        func run() throws {
            let writer = FollowUpWriter(options: options, log: log)
            let journal = try LogWriting.load(options)
            let status = try writer.target(reference.joined(separator: " "), journal: journal)
            guard let due = try DateOption.parse(to, name: "--to", forwards: true) else { return }
            if due < log.day {
                Output.error("--to \(due) is before the log's day \(log.day); a new due date is ahead")
                throw ExitCode(2)
            }
            try writer.record(.carried, on: due, note: note, journal: journal, status: status)
        }
    }
}
