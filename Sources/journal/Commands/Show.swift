import ArgumentParser
import JournalKit

extension JournalCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the whole history of one commitment: where it was made, every follow-up, its status.",
            discussion:
                "Exit status: 0 ok; 1 when the journal has errors; 2 when the reference is unknown (the closest matches"
                + " are listed) and on environment errors. A write to stdout that fails (full disk, I/O error, stdout closed) exits 2; a closed pipe ends output quietly."
        )

        @OptionGroup var options: JournalOptions

        @Option(name: .customLong("as-of"), help: "Judge as of this date (default today).")
        var asOf: String?

        @Argument(
            help: ArgumentHelp(
                "The commitment: its reference (2026-10-05-weekly-mirror#recognise-maria-s-renewal-win), a link, a"
                    + " path:line, a unique prefix, or words from its text."),
            completion: .custom(Completions.references))
        var reference: [String]

        func validate() throws { _ = try DateOption.parse(asOf, name: "--as-of") }

        func run() throws {
            let journal = try options.load()
            let day = try DateOption.parse(asOf, name: "--as-of") ?? DateOption.today
            let ledger = journal.ledger
            // Any form a person gives: reference, link, path:line, prefix or words.
            let made = Set(ledger.commitments.filter { $0.made <= day }.map(\.reference))
            let reference = self.reference.joined(separator: " ")
            let resolved = ReferenceResolver(journal: journal).resolve(
                reference, candidates: made, workingDirectory: Process.workingDirectory)
            var found: Commitment?
            if case .found(let wanted) = resolved, made.contains(wanted) { found = ledger.commitment(wanted) }
            guard let commitment = found else {
                var message = "unknown commitment '\(TerminalText.escape(reference))'"
                if case .ambiguous(let candidates) = resolved {
                    message =
                        "'\(TerminalText.escape(reference))' matches \(candidates.count) commitments; give one of: "
                        + candidates.prefix(10).map(\.description).joined(separator: ", ")
                } else {
                    let all = ledger.commitments.filter { $0.made <= day }.map(\.reference.description)
                    let closest = Suggestions.ranked(reference, among: all, limit: 3)
                    if !closest.isEmpty { message += "; closest: " + closest.joined(separator: ", ") }
                }
                Output.error(message)
                throw ExitCode(2)
            }
            let status = ledger.judge(commitment, asOf: day, staleAfterDays: journal.config.staleAfterDays)
            Output.print(
                CommitmentListing.history(
                    status, asOf: day, width: TerminalWidth.columns, color: options.colorEnabled(for: 1)), as: .styled)
            try options.reportProblems(in: journal)
        }
    }
}
