import ArgumentParser
import JournalKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension JournalCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a commitment in today's log without opening an editor.",
            discussion: """
                Appends '- [ ] TEXT #commit ^id' to <entries>/YYYY/MM/YYYY-MM-DD-log.md, the day's log, \
                creating it if needed. The explicit ^id keeps the printed reference working when \
                the text is reworded later. '-' reads commitments from stdin, one per line.

                The day's log is the only file journal ever changes after creating it, and only by \
                appending whole lines (docs/SAFETY.md). To correct a line, edit the log by hand.

                Exit status: 0 recorded; 1 recorded but not read as intended; 2 usage or \
                environment error, including text that would not read as one commitment (nothing \
                is written then).
                """
        )

        @OptionGroup var options: JournalOptions
        @OptionGroup var log: LogOptions

        @Flag(help: "Record an expectation of the team (#expect) instead of a commitment.")
        var expect = false

        @Argument(help: "The commitment's text, or '-' to read one per line from stdin.")
        var text: [String]

        func run() throws {
            let journal = try LogWriting.load(options)
            let day = log.day
            let lines = text == ["-"] ? Self.standardInputLines() : [text.joined(separator: " ")]
            var taken = LogWriting.takenIds(journal, day: day)
            // Every line is checked before any is written, so a bad line in a batch writes nothing.
            var planned: [(line: String, id: String?)] = []
            for raw in lines where !raw.allSatisfy(\.isWhitespace) {
                let made = LogLine.commitment(raw, expectation: expect, config: journal.config, takenIds: taken)
                if let problem = Self.problem(with: made.line, expectation: expect, config: journal.config, day: day) {
                    Output.error("'\(raw)': \(problem)")
                    throw ExitCode(2)
                }
                if let id = made.id { taken.insert(id) }
                planned.append(made)
            }
            guard !planned.isEmpty else {
                Output.error("nothing to add: the text is empty")
                throw ExitCode(2)
            }
            for made in planned {
                var due: Day?
                let appended = try LogWriting.append(made.line, journal: journal, day: day) { entry, line in
                    if expect { return entry.expectations.contains { $0.location.line == line } }
                    guard let commitment = entry.commitments.first(where: { $0.location.line == line }) else {
                        return false
                    }
                    due = commitment.due
                    return commitment.id == made.id
                }
                let stem = String(appended.path.split(separator: "/").last?.dropLast(3) ?? "")
                var message = expect ? "Expected of the team" : "Committed \(stem)#\(made.id ?? "")"
                if !expect { message += due.map { ", due \($0.label(inYear: day.year))" } ?? ", no due date" }
                Output.print(
                    TextReport.message(
                        message, location: "\(appended.path):\(appended.line)", width: TerminalWidth.columns))
                for warning in Self.warnings(made.line, config: journal.config, day: day) {
                    for line in TextReport.wrap("note: \(warning)", width: TerminalWidth.columns) {
                        Output.errorLine(line)
                    }
                }
            }
        }

        /// Why the line would not be read as exactly one commitment (or expectation), or nil.
        static func problem(with line: String, expectation: Bool, config: Config, day: Day) -> String? {
            let result = EntryParser(config: config).parse(
                Array((line + "\n").utf8), path: "log.md", stem: "\(day)-log", date: day)
            let entry = result.entry
            if let error = result.diagnostics.first(where: { $0.severity == .error }) { return error.message }
            if entry?.followUps.isEmpty == false { return "it links to a commitment, so it would be a follow-up" }
            if expectation { return entry?.expectations.count == 1 ? nil : "it is not one expectation" }
            guard entry?.commitments.count == 1, entry?.expectations.isEmpty == true else {
                return "it is not one commitment"
            }
            return nil
        }

        /// Check's warnings for the line alone: a date phrase that was not understood, say.
        static func warnings(_ line: String, config: Config, day: Day) -> [String] {
            EntryParser(config: config).parse(Array((line + "\n").utf8), path: "log.md", stem: "\(day)-log", date: day)
                .diagnostics.filter { $0.severity == .warning }.map(\.message)
        }

        static func standardInputLines() -> [String] {
            var lines: [String] = []
            while let line = readLine(strippingNewline: true) { lines.append(line) }
            return lines
        }
    }
}
