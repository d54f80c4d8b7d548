import ArgumentParser
import JournalKit

extension JournalCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export commitments: due dates for your calendar (ics), or the review's JSON (json).",
            discussion: """
                Both write to stdout; redirect to a file ('journal export ics > commitments.ics'). \
                journal never writes the file itself.
                """,
            subcommands: [ICS.self, JSON.self]
        )
    }
}

extension JournalCommand.Export {
    struct ICS: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ics",
            abstract: "Write an iCalendar file (RFC 5545) of due dates: one all-day event per commitment.",
            discussion: """
                Open and missed commitments with a due date, and those kept or released in the last \
                30 days as cancelled events, so a re-import takes them off the calendar. Each event's \
                UID comes from the commitment's reference and the journal folder's name, and its \
                SEQUENCE from its due-date changes and follow-ups, so importing again updates events \
                in place. Give a commitment an explicit ^id to keep its event when you reword it.

                Exit status: 0 ok; 1 when the journal has errors (see 'journal check'); 2 on usage or \
                environment errors, including a failed write to stdout.
                """
        )

        @OptionGroup var options: JournalOptions
        @OptionGroup var filters: ReviewOptionsGroup

        @Option(
            help: ArgumentHelp(
                "When the reminder fires: an ISO 8601 duration before the due day starts (PT15H, the default, is"
                    + " 09:00 the day before; P2D, PT30M), or none.", valueName: "duration"))
        var alarm: String?

        @Flag(help: "Every kept and released commitment with a due date, not only those decided in the last 30 days.")
        var all = false

        func validate() throws {
            _ = try alarmOffset()
        }

        func alarmOffset() throws -> AlarmOffset? {
            guard let alarm else { return .dayBeforeAtNine }
            if alarm.lowercased() == "none" { return nil }
            do throws(AlarmOffset.Invalid) {
                return try AlarmOffset(parsing: alarm)
            } catch {
                throw ValidationError("--alarm: \(TerminalText.escape(error.description))")
            }
        }

        func run() throws {
            let journal = try options.load()
            let review = JournalKit.Review(journal: journal, options: try filters.reviewOptions(config: journal.config))
            var exportOptions = CalendarExport.Options(asOf: review.options.asOf)
            exportOptions.alarm = try alarmOffset()
            exportOptions.includeAllDecided = all
            let export = CalendarExport(
                commitments: review.commitments, journalName: CalendarExport.journalName(root: journal.root),
                options: exportOptions)
            Output.print(export.render(), as: .iCalendar)
            if let unmatched = review.unmatchedFilter { Output.errorLine(TerminalText.escape(unmatched)) }
            try options.reportProblems(in: journal)
        }
    }

    /// `review --format json` under the export command, for scripts that look for it here.
    struct JSON: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "json",
            abstract: "Write the review's JSON, the same as 'journal review --format json' (docs/REVIEW.md).",
            discussion: """
                Exit status: 0 ok; 1 when the journal has errors (see 'journal check'); 2 on usage or \
                environment errors, including a failed write to stdout.
                """
        )

        @OptionGroup var options: JournalOptions
        @OptionGroup var filters: ReviewOptionsGroup

        @Option(help: "Trend periods, as for 'journal review --by'.")
        var by: ReviewOptions.Period = .week

        func run() throws {
            let journal = try options.load()
            var reviewOptions = try filters.reviewOptions(config: journal.config)
            reviewOptions.period = by
            let review = JournalKit.Review(journal: journal, options: reviewOptions)
            JournalCommand.Review.writeJSON(review)
            try options.reportProblems(in: journal)
        }
    }
}
