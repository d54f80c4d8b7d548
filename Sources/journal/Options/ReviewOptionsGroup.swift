import ArgumentParser
import JournalKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The as-of date and filters shared by review, list and show.
struct ReviewOptionsGroup: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "Judge as of this date (default today). \(DateArgument.acceptedForms).")
    var asOf: String?

    @Option(help: "Only commitments made on or after this date.")
    var since: String?

    @Option(help: "Only commitments made on or before this date.")
    var until: String?

    @Option(
        help: "Only commitments that mention this person (with or without @).", completion: .custom(Completions.people))
    var person: String?

    @Option(help: "Only commitments with this tag (with or without #).", completion: .custom(Completions.tags))
    var tag: String?

    func validate() throws {
        for (name, value) in [("--as-of", asOf), ("--since", since), ("--until", until)] {
            _ = try DateOption.parse(value, name: name)
        }
        guard let start = try DateOption.parse(since, name: "--since") else { return }
        if let end = try DateOption.parse(until, name: "--until"), start > end {
            throw ValidationError("--since \(start) is after --until \(end); nothing could match")
        }
        let day = try DateOption.parse(asOf, name: "--as-of") ?? DateOption.today
        if start > day {
            throw ValidationError("--since \(start) is after --as-of \(day); nothing made then can be judged yet")
        }
    }

    /// Review options from the flags and the journal's settings.
    func reviewOptions(config: Config) throws -> ReviewOptions {
        let fiscal = config.fiscalYearStart
        var options = ReviewOptions(
            asOf: try DateOption.parse(asOf, name: "--as-of", fiscalYearStart: fiscal) ?? DateOption.today)
        options.since = try DateOption.parse(since, name: "--since", fiscalYearStart: fiscal)
        options.until = try DateOption.parse(until, name: "--until", fiscalYearStart: fiscal)
        options.person = person.map { $0.trimmingPrefix("@").lowercased() }
        options.tag = tag.map { $0.trimmingPrefix("#").lowercased() }
        options.staleAfterDays = config.staleAfterDays
        options.fiscalYearStart = fiscal
        return options
    }
}

/// Command-line dates, resolved against the clock read once.
enum DateOption {
    /// `JOURNAL_TODAY=YYYY-MM-DD` sets "today" for every command, so tests and demos never
    /// depend on the clock; otherwise the local date.
    static let today: Day = {
        if let text = Process.environment["JOURNAL_TODAY"] {
            guard let day = Day(iso: text) else {
                Output.error("JOURNAL_TODAY must be a YYYY-MM-DD date, not '\(TerminalText.escape(text))'")
                exit(2)
            }
            return day
        }
        var now = time(nil)
        var local = tm()
        localtime_r(&now, &local)
        return Day(year: Int(local.tm_year) + 1900, month: Int(local.tm_mon) + 1, day: Int(local.tm_mday))
            ?? Day(ordinal: Int(now) / 86_400)
    }()

    /// Nil when the option is absent; a usage error naming the option when it is invalid.
    /// Validation runs before the journal is read, with January quarters; `run` passes the journal's.
    static func parse(_ value: String?, name: String, fiscalYearStart: Int = 1, forwards: Bool = false) throws -> Day? {
        guard let value else { return nil }
        do throws(DateArgument.Invalid) {
            return try DateArgument.resolve(
                value, today: today, fiscalYearStart: fiscalYearStart, direction: forwards ? .forwards : .backwards)
        } catch {
            throw ValidationError("\(name): \(error.description)")
        }
    }
}

/// Terminal width for fitting tables: COLUMNS, else the terminal's, else 100.
enum TerminalWidth {
    static var columns: Int {
        if let text = Process.environment["COLUMNS"], let value = Int(text), value > 20 { return value }
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        return 100
    }
}
