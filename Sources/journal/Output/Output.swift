import JournalKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one way out: every byte journal writes to stdout or stderr goes through here, encoded
/// for its stream (terminal text escaped, JSON escaped by construction, raw only for protocol
/// frames), and every write error is handled the same way.
///
/// A closed pipe (EPIPE) ends the output quietly. A stream that would block (EAGAIN, a
/// non-blocking pipe that is full) is waited on with `poll` and the write goes on. Any other
/// error (ENOSPC, EIO, EBADF) prints one line on stderr and exits 2.
enum Output {
    /// Set once a reader has gone away; nothing more is written to that stream.
    nonisolated(unsafe) static var closed: Set<Int32> = []

    /// Data on stdout, as terminal text.
    static func print(_ text: String) { write(text, as: .terminal, to: 1) }

    /// Data on stdout in a given encoding: `.json` for JSON, `.styled` for coloured reports.
    static func print(_ text: String, as encoding: OutputEncoding) { write(text, as: encoding, to: 1) }

    /// JSON from `JSONWriter` on stdout, as UTF-8 bytes: written as they are, since the writer
    /// escapes every string; should a control or bidi scalar still be there, escaped as `.json`.
    static func printJSON(_ bytes: [UInt8]) {
        guard JSONWriter.isEscaped(bytes) else { return print(String(decoding: bytes, as: UTF8.self), as: .json) }
        writeBytes(bytes, to: 1)
    }

    static func error(_ message: String) {
        write("journal: error: \(message)\n", as: .terminal, to: 2)
    }

    /// A plain line on stderr, such as a summary or a note.
    static func errorLine(_ text: String) {
        write(text + "\n", as: .terminal, to: 2)
    }

    static func diagnostics(_ diagnostics: [Diagnostic], color: Bool) {
        for diagnostic in diagnostics {
            let text = TerminalText.escape(diagnostic.formatted)
            if color {
                let style: TerminalText.Style = diagnostic.severity == .error ? .red : .yellow
                let label = "\(diagnostic.severity.rawValue):"
                let styled = text.replacingFirst(label, with: TerminalText.style(label, style, enabled: true))
                write(styled + "\n", as: .styled, to: 2)
            } else {
                write(text + "\n", as: .terminal, to: 2)
            }
        }
    }

    static func write(_ text: String, as encoding: OutputEncoding, to fd: Int32) {
        writeBytes(Array(encoding.encode(text).utf8), to: fd)
    }

    /// Writes all of `bytes`, retrying short writes and interrupted ones.
    static func writeBytes(_ all: [UInt8], to fd: Int32) {
        guard !closed.contains(fd) else { return }
        var bytes = all[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written > 0 {
                bytes = bytes.dropFirst(written)
                continue
            }
            let code = written < 0 ? errno : EIO
            switch code {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK:
                var request = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                _ = poll(&request, 1, -1)
            case EPIPE:
                closed.insert(fd)
                return
            default:
                fail(fd, code)
            }
        }
    }

    /// One line on stderr naming the stream and the reason, then exit 2.
    static func fail(_ fd: Int32, _ code: Int32) -> Never {
        closed.insert(fd)
        if fd != 2 {
            let stream = fd == 1 ? "stdout" : "file descriptor \(fd)"
            writeBytes(Array("journal: error: cannot write to \(stream): \(reason(code))\n".utf8), to: 2)
        }
        Glibc.exit(2)
    }

    static func reason(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        let message = String(cString: text)
        return message.prefix(1).lowercased() + message.dropFirst()
    }

    /// At start-up: file descriptors 0–2 that are closed are reopened on /dev/null, so the next
    /// `open` can never become stdout. Returns false when stdout was closed: the caller exits 2
    /// before opening anything.
    static func reopenClosedStandardStreams() -> Bool {
        var stdoutWasClosed = false
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            if fd == 1 { stdoutWasClosed = true }
            let opened = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
            if opened >= 0 && opened != fd {
                _ = dup2(opened, fd)
                close(opened)
            }
        }
        return !stdoutWasClosed
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        var result = self
        result.replaceSubrange(range, with: replacement)
        return result
    }
}
