import ArgumentParser
import JournalKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Options every command that reads a journal shares.
struct JournalOptions: ParsableArguments {
    @Option(
        name: .long, help: "The journal folder (default: $JOURNAL_DIR, else the nearest folder with journal.yml).",
        completion: .directory)
    var journal: String?

    @Option(name: .long, help: "Colour: auto (only on a terminal, honouring NO_COLOR), always or never.")
    var color: ColorChoice = .auto

    @Flag(
        name: .customLong("no-index"),
        help: "Read and parse every entry; neither read nor write the index (also JOURNAL_NO_INDEX=1).")
    var noIndex = false

    /// Finds and reads the journal, or exits 2 with one line saying what was tried.
    func load() throws -> Journal {
        load(root: try locate())
    }

    /// Reads the journal at `root`, through the index unless `--no-index` turned it off.
    func load(root: String) -> Journal {
        if noIndex { IndexSession.disabled = true }
        return IndexSession.load(root: root)
    }

    func locate() throws -> String {
        do {
            return try JournalLocator.locate(
                explicit: journal, environment: Process.environment, workingDirectory: Process.workingDirectory)
        } catch {
            Output.error(error.description)
            throw ExitCode(2)
        }
    }

    func colorEnabled(for fd: Int32) -> Bool { color.enabled(for: fd) }
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    func enabled(for fd: Int32) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            let environment = Process.environment
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return isatty(fd) == 1
        }
    }
}

/// The process's view of its environment, read once.
enum Process {
    static var environment: [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }

    static var workingDirectory: String {
        guard let path = getcwd(nil, 0) else { return "." }
        defer { free(path) }
        return String(cString: path)
    }
}
