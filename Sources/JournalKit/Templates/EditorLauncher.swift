#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which editor to run and how, by git's rules: `$VISUAL` (unless `TERM` is `dumb`), then
/// `$EDITOR`, then `vi`. A value with shell metacharacters or spaces runs through `sh -c`, so
/// `code --wait` and quoted paths work; a plain name is executed directly.
public struct EditorCommand: Hashable, Sendable {
    /// The program and its arguments, the file last.
    public var arguments: [String]
    /// The editor as configured, for messages.
    public var editor: String

    /// Characters that make git hand the editor to the shell.
    static let shellCharacters = Set("|&;<>()$`\\\"' \t\n*?[#~=%")

    public init(editor: String, file: String) {
        self.editor = editor
        if editor.contains(where: { Self.shellCharacters.contains($0) }) {
            arguments = ["/bin/sh", "-c", "\(editor) \"$@\"", editor, file]
        } else {
            arguments = [editor, file]
        }
    }

    /// Opens `file` at `line` in the form the editor understands: `+LINE file` for the vi
    /// family, nano, emacs, kakoune and micro; `--goto file:LINE` for VS Code and its forks;
    /// `file:LINE` for Sublime Text, Zed and Helix. Any other editor gets just the file.
    public init(editor: String, file: String, line: Int) {
        let program = editor.split(separator: " ").first.map { String($0.split(separator: "/").last ?? $0) } ?? editor
        let arguments: [String]
        switch program {
        case "vi", "vim", "nvim", "gvim", "view", "nano", "emacs", "emacsclient", "kak", "micro", "mg":
            arguments = ["+\(line)", file]
        case "code", "code-insiders", "codium", "cursor":
            arguments = ["--goto", "\(file):\(line)"]
        case "subl", "zed", "hx", "helix":
            arguments = ["\(file):\(line)"]
        default:
            arguments = [file]
        }
        self.editor = editor
        if editor.contains(where: { Self.shellCharacters.contains($0) }) {
            self.arguments = ["/bin/sh", "-c", "\(editor) \"$@\"", editor] + arguments
        } else {
            self.arguments = [editor] + arguments
        }
    }

    /// The editor the environment asks for.
    public static func editor(environment: [String: String]) -> String {
        if environment["TERM"] != "dumb", let visual = environment["VISUAL"], !visual.isEmpty { return visual }
        if let editor = environment["EDITOR"], !editor.isEmpty { return editor }
        return "vi"
    }
}

/// Why an editor did not finish cleanly. The file it was editing is kept either way.
public enum EditorError: Error, CustomStringConvertible, Equatable, Sendable {
    case cannotStart(String, String)
    case failed(String, status: Int32)
    case killed(String, signal: Int32)

    public var description: String {
        switch self {
        case .cannotStart(let editor, let reason): return "cannot start editor '\(editor)': \(reason)"
        case .failed(let editor, let status): return "editor '\(editor)' exited with status \(status)"
        case .killed(let editor, let signal): return "editor '\(editor)' was killed by signal \(signal)"
        }
    }
}

/// Runs an editor on the terminal we were given and waits for it.
public enum EditorLauncher {
    /// Starts the command with this process's standard input, output and error, and waits.
    /// `environment` is passed to the editor as it is.
    public static func run(_ command: EditorCommand, environment: [String: String]) throws(EditorError) {
        let name = command.editor
        let argv = command.arguments.map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        // Like git: while the editor runs, Ctrl-C and Ctrl-\\ are the editor's business, so we
        // ignore them; the editor itself starts with every signal at its default, since ignored
        // signals would otherwise carry over through exec.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGPIPE, SIGTERM] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        let previousInterrupt = signal(SIGINT, SIG_IGN)
        let previousQuit = signal(SIGQUIT, SIG_IGN)
        defer {
            signal(SIGINT, previousInterrupt)
            signal(SIGQUIT, previousQuit)
        }
        var pid = pid_t()
        let started = posix_spawnp(&pid, command.arguments[0], nil, &attributes, argv, envp)
        guard started == 0 else { throw .cannotStart(name, JournalError.reason(started)) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw .cannotStart(name, JournalError.reason(errno)) }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift cannot import as macros.
        let signal = status & 0x7F
        if signal == 0 {
            let code = (status >> 8) & 0xFF
            if code != 0 { throw .failed(name, status: code) }
        } else {
            throw .killed(name, signal: signal)
        }
    }

    /// An editor can be used only when both standard input and output are terminals.
    public static var hasTerminal: Bool { isatty(0) == 1 && isatty(1) == 1 }
}
