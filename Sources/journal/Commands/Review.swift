import ArgumentParser
import JournalKit

extension JournalCommand {
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show how often you kept your word: to whom, on which themes, and what is slipping.",
            discussion: """
                Commitments are judged as of --as-of (default today); entries dated later are ignored.
                Exit status: 0 ok; 1 when the journal has errors (see 'journal check'); 2 on usage or environment
                errors, including a failed write to stdout; a closed pipe ends output quietly.
                """
        )

        @OptionGroup var options: JournalOptions
        @OptionGroup var filters: ReviewOptionsGroup

        @Option(help: "Output: text, markdown, json or html (one self-contained page).")
        var format: ReportFormat = .text

        @Option(help: "Trend periods: week (ISO), month or quarter (of the fiscal year).")
        var by: ReviewOptions.Period = .week

        @Option(
            name: .customLong("link-base"),
            help: "HTML only: put this folder or URL before entry paths in links (default: relative to the page).")
        var linkBase: String?

        /// The latest review lives until the process exits, as the loaded journal does
        /// (`IndexSession`): freeing every status one by one is work the system does at once.
        nonisolated(unsafe) static var kept: JournalKit.Review?

        func validate() throws {
            if linkBase != nil && format != .html { throw ValidationError("--link-base only applies to --format html") }
        }

        func run() throws {
            let journal = try options.load()
            var reviewOptions = try filters.reviewOptions(config: journal.config)
            reviewOptions.period = by
            let review = JournalKit.Review(journal: journal, options: reviewOptions)
            Self.kept = review
            switch format {
            case .text:
                let document = ReportDocument(review: review)
                Output.print(
                    TextReport.render(document, width: TerminalWidth.columns, color: options.colorEnabled(for: 1)),
                    as: .styled)
            case .markdown:
                Output.print(MarkdownReport.render(ReportDocument(review: review)))
            case .html:
                // Entry text in the page is already shown escaped; the terminal encoding only guards.
                Output.print(HTMLReport.render(review, linkBase: linkBase), as: .terminal)
            case .json:
                Self.writeJSON(review)
            }
            try options.reportProblems(in: journal)
        }

        /// The JSON report, shared with `journal export json` so the two stay byte-identical.
        static func writeJSON(_ review: JournalKit.Review) {
            kept = review
            JSONReport.render(review, bytes: Output.printJSON)
            if let unmatched = review.unmatchedFilter { Output.errorLine(TerminalText.escape(unmatched)) }
        }
    }

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json, html
    }
}

extension ReviewOptions.Period: ExpressibleByArgument {}

extension JournalOptions {
    /// After a report: a one-line hint on stderr when the journal has errors, and exit 1.
    func reportProblems(in journal: Journal) throws {
        let problems = CheckReport(journal: journal)
        let errors = problems.errors
        let warnings = problems.warnings
        guard errors + warnings > 0 else { return }
        Output.errorLine(
            "journal: \(Plural.count(errors, "error")), \(Plural.count(warnings, "warning")) in the journal;"
                + " run 'journal check' for details")
        if errors > 0 { throw ExitCode.failure }
    }
}
