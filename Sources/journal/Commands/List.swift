import ArgumentParser
import JournalKit

extension JournalCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List commitments, one per line: reference, status, made, due and text.",
            discussion: """
                Use a reference with 'journal show' or in a follow-up link.

                Exit status: 0 ok; 1 when the journal has errors; 2 on usage or environment errors, \
                including a failed write to stdout; a closed pipe ends output quietly.
                """
        )

        @OptionGroup var options: JournalOptions
        @OptionGroup var filters: ReviewOptionsGroup

        @Option(help: "Only this status: open, kept, released, missed, stale, or overdue (missed or stale).")
        var status: CommitmentListing.StatusFilter?

        @Option(help: "Only commitments whose text or follow-up notes contain every one of these words (any case).")
        var match: String?

        @Option(help: "Output: text or json (the commitment objects of 'journal review --format json').")
        var format: ListFormat = .text

        func run() throws {
            let journal = try options.load()
            let review = JournalKit.Review(journal: journal, options: try filters.reviewOptions(config: journal.config))
            let words = (match ?? "").lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
            // Without a status or words every commitment is listed: shared, not filtered into a copy.
            let selected =
                status == nil && words.isEmpty
                ? review.commitments
                : review.commitments.filter { candidate in
                    guard status?.matches(candidate) ?? true else { return false }
                    guard !words.isEmpty else { return true }
                    let haystack = ([candidate.commitment.text] + candidate.followUps.map(\.note)).joined(
                        separator: "\n"
                    )
                    .lowercased()
                    return words.allSatisfy { haystack.contains($0) }
                }
            switch format {
            case .text:
                if let unmatched = review.unmatchedFilter {
                    Output.print(TerminalText.escape(unmatched) + "\n")
                } else {
                    CommitmentListing.lines(selected, width: TerminalWidth.columns, color: options.colorEnabled(for: 1))
                    {
                        Output.print($0, as: .styled)
                    }
                }
            case .json:
                Output.print(JSONReport.render(commitments: selected), as: .json)
                if let unmatched = review.unmatchedFilter { Output.errorLine(TerminalText.escape(unmatched)) }
            }
            try options.reportProblems(in: journal)
        }
    }

    enum ListFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }
}

extension CommitmentListing.StatusFilter: ExpressibleByArgument {}
