import ArgumentParser
import JournalKit

extension JournalCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report every problem in the journal as path:line:column.",
            discussion:
                "Exit status: 0 with no errors (warnings allowed); 1 with errors; 2 on usage or environment errors."
                + " A write to stdout that fails (full disk, I/O error, stdout closed) exits 2; a closed pipe ends output quietly."
        )

        @OptionGroup var options: JournalOptions

        @Option(help: "Output: text (diagnostics on stderr) or json (on stdout, for editors).")
        var format: CheckFormat = .text

        @Flag(help: "Discard the index and build it again from every entry (the journal itself is only read).")
        var rebuildIndex = false

        func validate() throws {
            if rebuildIndex, options.noIndex {
                throw ValidationError("--rebuild-index and --no-index contradict each other")
            }
        }

        func run() throws {
            if rebuildIndex { IndexSession.rebuild = true }
            let report = CheckReport(journal: try options.load())
            switch format {
            case .text:
                Output.diagnostics(report.diagnostics, color: options.colorEnabled(for: 2))
                Output.errorLine(report.summary)
            case .json:
                Output.print(report.json.serialized() + "\n", as: .json)
            }
            if report.errors > 0 { throw ExitCode.failure }
        }
    }

    enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }
}
