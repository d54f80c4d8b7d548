import ArgumentParser
import JournalKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@main
struct JournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "A coaching journal that keeps an honest record of the commitments you make to your people.",
        discussion: """
            Entries are dated markdown files. A commitment is a tagged list item such as
            '- [ ] Recognise @maria at the all-hands by Friday #commit #recognition'.

            Exit status: 0 ok; 1 problems found in the journal; 2 usage or environment error, \
            including a failed write to stdout (a full disk, an I/O error, stdout closed). A reader \
            that goes away (a closed pipe) ends the output quietly.
            """,
        version: JournalKitVersion.string,
        subcommands: [
            Check.self, Review.self, List.self, Show.self, New.self, Add.self, Done.self, Release.self, Move.self,
            Edit.self, Search.self, People.self, Tags.self, Export.self, Init.self, Templates.self, Lsp.self,
        ],
        defaultSubcommand: nil
    )

    /// Ctrl-C ends a long review at once with the conventional status 130. SafeFileWriter holds
    /// it off while it creates a file, and `new` ignores it while the editor runs. A closed pipe
    /// ends output quietly.
    /// Usage errors exit 2, not argument-parser's 64, as every journal command documents.
    /// Closed standard streams are reopened on /dev/null before anything is opened; with stdout
    /// closed, journal exits 2 at once, so no file it opens can take fd 1.
    /// Argument-parser's own messages (help, usage errors) go through the output layer too.
    static func main() {
        guard Output.reopenClosedStandardStreams() else {
            Output.error("stdout is closed; nothing was read or written")
            Glibc.exit(2)
        }
        signal(SIGINT) { _ in _exit(130) }
        signal(SIGPIPE, SIG_IGN)
        // `journal revew`: say which command was meant rather than argument-parser's generic line.
        let names = configuration.subcommands.map { $0._commandName } + ["help"]
        if let first = CommandLine.arguments.dropFirst().first, !first.hasPrefix("-"), !names.contains(first) {
            var message = "unknown command '\(TerminalText.escape(first))'"
            if let guess = Suggestions.closest(to: String(first.prefix(64)), among: names) {
                message += "; did you mean '\(guess)'?"
            }
            Output.error(message + " (see 'journal --help')")
            Glibc.exit(2)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
            IndexSession.save()
        } catch {
            IndexSession.save()
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { Output.print(message + "\n") }
                Glibc.exit(0)
            }
            if !message.isEmpty { Output.errorLine(message) }
            Glibc.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
