import Foundation

/// Runs the built `journal` binary and captures what it prints.
struct JournalProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        /// stderr split into lines, without the final empty one.
        var stderrLines: [String] {
            stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        }
    }

    /// The `journal` executable beside this test bundle in the build folder.
    static var binary: URL {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 where !FileManager.default.fileExists(atPath: folder.appendingPathComponent("journal").path) {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("journal")
    }

    /// Runs `journal` with a minimal environment (no colour, no inherited JOURNAL_DIR) and an
    /// index cache of its own (`XDG_CACHE_HOME`), so no run reads another's index or the runner's.
    ///
    /// Output goes to temporary files rather than pipes, so a command that writes a lot to both
    /// streams can never block on a full pipe while the test waits on the other one.
    static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], stdin: Data? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("journal-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: capture, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: capture) }
        var env = [
            "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "TERM": "dumb",
            "XDG_CACHE_HOME": capture.appendingPathComponent("cache").path,
        ]
        env.merge(environment) { $1 }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let outURL = capture.appendingPathComponent("stdout")
        let errURL = capture.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        defer {
            try? out.close()
            try? err.close()
        }
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
