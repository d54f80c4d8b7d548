import ArgumentParser
import JournalKit

/// The day's log that `add`, `done`, `release` and `move` write to.
struct LogOptions: ParsableArguments {
    @Option(help: "The day whose log gets the line (default today): \(DateArgument.acceptedForms).")
    var date: String?

    func validate() throws { _ = try DateOption.parse(date, name: "--date") }

    var day: Day { (try? DateOption.parse(date, name: "--date")) ?? DateOption.today }
}

/// Appending to the day's log, as every writing command does it.
enum LogWriting {
    /// The journal, refused (exit 2, with the errors) when journal.yml has errors: a command that
    /// writes must not guess where or how.
    static func load(_ options: JournalOptions) throws -> Journal {
        let journal = try options.load()
        let problems = journal.diagnostics.filter(Config.isSettingsError)
        guard problems.isEmpty else {
            Output.diagnostics(problems, color: options.colorEnabled(for: 2))
            Output.error("\(Config.fileName) has errors; fix them first (nothing was written)")
            throw ExitCode(2)
        }
        return journal
    }

    /// Appends `line` to the log of `day`, then reads the log back and checks with `readsAsIntended`
    /// (given the log entry and the line) that the line counts; reports if it does not.
    @discardableResult
    static func append(
        _ line: String, journal: Journal, day: Day, readsAsIntended: (Entry, Int) -> Bool
    ) throws -> DayLog.Appended {
        let log = DayLog(root: journal.root, config: journal.config)
        var stems: [String: String] = [:]
        for entry in journal.entries { stems[entry.stem] = stems[entry.stem] ?? entry.path }
        let appended: DayLog.Appended
        do {
            appended = try log.append(line, date: day, otherStems: stems)
        } catch {
            Output.error(error.description)
            throw ExitCode(2)
        }
        let reread = IndexSession.load(root: journal.root)
        guard let entry = reread.entries.first(where: { $0.path == appended.path }),
            readsAsIntended(entry, appended.line)
        else {
            Output.error(
                "\(appended.path):\(appended.line): the line was written but is not read as intended;"
                    + " run 'journal check' and look at the log")
            throw ExitCode(1)
        }
        return appended
    }

    /// The ids already used in the log of `day`, so a new explicit id never collides.
    static func takenIds(_ journal: Journal, day: Day) -> Set<String> {
        let path = DayLog(root: journal.root, config: journal.config).path(for: day)
        return Set(journal.entries.first { $0.path == path }?.commitments.map(\.id) ?? [])
    }
}
