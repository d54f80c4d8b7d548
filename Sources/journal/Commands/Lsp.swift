import ArgumentParser
import Foundation
import JournalKit
import JournalLSP

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension JournalCommand {
    struct Lsp: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the journal to an editor over the Language Server Protocol (stdin and stdout).",
            discussion:
                "Live diagnostics (what `journal check` reports), completion of people, tags, commitments and dates,"
                + " hover, go to definition, find references, code actions and symbols. The journal is the nearest"
                + " journal.yml at or above each workspace folder, or --journal. It never writes a journal file:"
                + " every change is an edit the editor applies to its buffer. docs/EDITORS.md shows the set-up."
                + " Exit status: 0 after the client's shutdown and exit; 1 when input ends or exit comes without shutdown."
        )

        @Option(
            name: .long, help: "The journal folder (default: the nearest journal.yml at or above the workspace).",
            completion: .directory)
        var journal: String?

        @Option(help: "Milliseconds to wait after an edit before re-checking the buffer.")
        var debounce = 150

        @Flag(
            name: .customLong("no-index"),
            help: "Read and parse every entry at start; neither read nor write the index (also JOURNAL_NO_INDEX=1).")
        var noIndex = false

        func validate() throws {
            guard (0...10_000).contains(debounce) else { throw ValidationError("--debounce must be 0 to 10000") }
        }

        func run() throws {
            var root: String?
            if let journal {
                do {
                    root = try JournalLocator.locate(
                        explicit: journal, environment: [:], workingDirectory: Process.workingDirectory)
                } catch {
                    Output.error(error.description)
                    throw ExitCode(2)
                }
            }
            let fixed = Process.environment["JOURNAL_TODAY"] == nil ? nil : DateOption.today
            let useIndex = !noIndex
            let options = JournalServer.Options(
                journal: root, today: { fixed ?? LocalDay.now() }, debounce: .milliseconds(debounce),
                loader: { root in Self.load(root: root, useIndex: useIndex) })
            let server = JournalServer(sink: OutputSink(), options: options)
            let frames = FrameReader.frames(from: 0, maxBodyBytes: 64 * 1024 * 1024)
            let code = Blocking.wait { await server.run(frames) }
            throw ExitCode(code)
        }

        /// The first load of a workspace goes through the index, saved at once: a server is long-lived,
        /// and the next start (or `journal review`) should find what this one parsed. Notes go to stderr,
        /// which clients keep as the server's log.
        static func load(root: String, useIndex: Bool) -> Journal {
            guard useIndex, let index = EntryIndex.open(root: root, environment: Process.environment) else {
                return Journal.load(root: root)
            }
            let journal = Journal.load(root: root, index: index)
            index.save()
            for note in index.notes { Output.errorLine(note) }
            return journal
        }
    }
}

/// Protocol frames on stdout, through the output layer, one whole frame at a time.
struct OutputSink: MessageSink {
    let lock = NSLock()

    func send(_ body: [UInt8]) {
        let frame = FrameDecoder.frame(body)
        lock.withLock { Output.writeBytes(frame, to: 1) }
    }
}

/// The local date now: a server runs across midnight, so it is read on each request.
enum LocalDay {
    static func now() -> Day {
        var now = time(nil)
        var local = tm()
        localtime_r(&now, &local)
        return Day(year: Int(local.tm_year) + 1900, month: Int(local.tm_mon) + 1, day: Int(local.tm_mday))
            ?? Day(ordinal: Int(now) / 86_400)
    }
}

/// Runs async work from the synchronous command and waits for its result.
enum Blocking {
    final class Box: @unchecked Sendable {
        var value: Int32 = 1
    }

    static func wait(_ work: @escaping @Sendable () async -> Int32) -> Int32 {
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.value = await work()
            done.signal()
        }
        done.wait()
        return box.value
    }
}
