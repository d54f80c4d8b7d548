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

    /// Finds and reads the journal, or exits 2 with one line saying what was tried.
    func load() throws -> Journal {
        let root = try locate()
        return Journal.load(root: root)
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

/// stdout for data, stderr for diagnostics.
enum Output {
    static func print(_ text: String) { write(text, to: 1) }

    /// Writes all of `text`, retrying short writes; a closed pipe ends the output quietly.
    static func write(_ text: String, to fd: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            bytes = bytes.dropFirst(written)
        }
    }

    static func error(_ message: String) {
        write("journal: error: \(message)\n", to: 2)
    }

    static func diagnostics(_ diagnostics: [Diagnostic], color: Bool) {
        for diagnostic in diagnostics {
            let text = TerminalText.escape(diagnostic.formatted)
            if color {
                let style: TerminalText.Style = diagnostic.severity == .error ? .red : .yellow
                let label = "\(diagnostic.severity.rawValue):"
                write(text.replacingFirst(label, with: TerminalText.style(label, style, enabled: true)) + "\n", to: 2)
            } else {
                write(text + "\n", to: 2)
            }
        }
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}

extension Output {
    /// A plain line on stderr, such as a summary.
    static func errorLine(_ text: String) {
        write(text + "\n", to: 2)
    }
}
