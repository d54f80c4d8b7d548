import ArgumentParser
import JournalKit

extension JournalCommand {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open an existing entry: today's, a day's, or the one a commitment is in, at its line.",
            discussion: """
                With no argument, today's entry; an argument that reads as a date picks that day's \
                entry; anything else is a commitment (a reference, link, path:line or words) and \
                opens its entry at its line. Several entries on one day are listed (exit 2) unless \
                --first is given.

                The editor is chosen as for 'journal new'. The line is given as '+LINE file' to vi, \
                vim, nvim, nano, emacs, kakoune and micro; as '--goto file:LINE' to VS Code and its \
                forks; as 'file:LINE' to Sublime Text, Zed and Helix; other editors get the file \
                alone. Without a terminal the path is printed instead.

                Exit status: 0 ok; 2 no such entry, several entries without --first, an unknown \
                reference, or an editor that fails.
                """)

        @OptionGroup var options: JournalOptions

        @Argument(help: "A date, or a commitment; default today.", completion: .custom(Completions.references))
        var target: [String] = []

        @Flag(help: "When a day has several entries, open the first (by path).") var first = false

        func run() throws {
            let journal = try options.load()
            let (path, line) = try locate(journal)
            let absolute = "\(journal.root)/\(path)"
            guard EditorLauncher.hasTerminal else {
                Output.print(line.map { "\(absolute):\($0)\n" } ?? "\(absolute)\n")
                return
            }
            let environment = Process.environment
            let editor = EditorCommand.editor(environment: environment)
            let command =
                line.map { EditorCommand(editor: editor, file: absolute, line: $0) }
                ?? EditorCommand(editor: editor, file: absolute)
            do {
                try EditorLauncher.run(command, environment: environment)
            } catch {
                Output.error(error.description)
                throw ExitCode(2)
            }
        }

        /// The entry to open, relative to the journal, and the line when a commitment was named.
        func locate(_ journal: Journal) throws -> (String, Int?) {
            let text = target.joined(separator: " ")
            let day: Day? = text.isEmpty ? DateOption.today : DateArgument.parse(text, today: DateOption.today)
            if let day {
                let entries = journal.entries.filter { $0.date == day }.map(\.path).sorted()
                guard let chosen = entries.first else {
                    Output.error("no entry for \(day); 'journal new --date \(day)' starts one")
                    throw ExitCode(2)
                }
                if entries.count > 1 && !first {
                    var message = "\(entries.count) entries for \(day); name one, or pass --first:"
                    for (index, path) in entries.enumerated() { message += "\n  \(index + 1). \(path)" }
                    Output.error(message)
                    throw ExitCode(2)
                }
                return (chosen, nil)
            }
            switch ReferenceResolver(journal: journal).resolve(text, workingDirectory: Process.workingDirectory) {
            case .found(let reference):
                guard let commitment = journal.ledger.commitment(reference) else { break }
                return (commitment.path, commitment.location.line)
            case .ambiguous(let candidates):
                Output.error(
                    "'\(text)' matches \(candidates.count) commitments; give one of:\n"
                        + candidates.prefix(20).map { "  \($0)" }.joined(separator: "\n"))
                throw ExitCode(2)
            case .unknown(let closest):
                var message = "'\(text)' is neither a date nor a commitment"
                if !closest.isEmpty { message += "; closest: " + closest.map(\.description).joined(separator: ", ") }
                Output.error(message)
                throw ExitCode(2)
            }
            throw ExitCode(2)
        }
    }

    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print every entry line that contains TEXT (ignoring case), as path:line: text.",
            discussion: "Exit status: 0 found; 1 nothing found; 2 usage or environment error.")

        @OptionGroup var options: JournalOptions

        @Argument(help: "The text to look for, as a fixed string.") var text: [String]

        func run() throws {
            let root = try options.locate()
            let journal = options.load(root: root)
            let needle = text.joined(separator: " ").lowercased()
            guard !needle.isEmpty else { throw ValidationError("give the text to search for") }
            var found = 0
            for entry in journal.entries {
                guard let bytes = try? FileReader.read("\(root)/\(entry.path)", limit: journal.config.maxEntryBytes),
                    bytes.count <= journal.config.maxEntryBytes
                else { continue }
                var number = 0
                for line in String(decoding: bytes, as: UTF8.self).split(
                    separator: "\n", omittingEmptySubsequences: false)
                {
                    number += 1
                    guard line.lowercased().contains(needle) else { continue }
                    found += 1
                    let shown = line.hasSuffix("\r") ? line.dropLast() : line
                    Output.print("\(entry.path):\(number): \(shown)\n")
                }
            }
            if found == 0 { throw ExitCode(1) }
        }
    }

    struct People: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every person your commitments are for: made, kept, open, overdue, last seen.",
            discussion: "People named in a 1:1's front matter count. Exit status: 0 ok; 2 usage error.")

        @OptionGroup var options: JournalOptions
        @OptionGroup var names: NameOptions

        func run() throws { try names.print(.people, options: options) }
    }

    struct Tags: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every theme of your commitments: made, kept, open, overdue, last seen.",
            discussion: "Exit status: 0 ok; 2 usage error.")

        @OptionGroup var options: JournalOptions
        @OptionGroup var names: NameOptions

        func run() throws { try names.print(.tags, options: options) }
    }
}

/// What `people` and `tags` share.
struct NameOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "Judge as of this date (default today).") var asOf: String?
    @Option(help: "Output: text or json.") var format: JournalCommand.ListFormat = .text

    func validate() throws { _ = try DateOption.parse(asOf, name: "--as-of") }

    func print(_ kind: NameSummary.Kind, options: JournalOptions) throws {
        let journal = try options.load()
        let day = try DateOption.parse(asOf, name: "--as-of") ?? DateOption.today
        let summaries = NameSummary.all(kind, journal: journal, asOf: day)
        switch format {
        case .text: Output.print(NameListing.text(summaries, kind, width: TerminalWidth.columns))
        case .json: Output.print(NameListing.json(summaries))
        }
        try options.reportProblems(in: journal)
    }
}
