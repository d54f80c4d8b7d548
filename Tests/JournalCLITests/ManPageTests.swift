import Foundation
import Testing

/// docs/journal.1, the hand-written manual: clean under mandoc's and groff's own checks, and
/// naming every subcommand and option that `--help` lists.
@Suite struct ManPageTests {
    static let page = ExampleJournalTests.repository.appendingPathComponent("docs/journal.1").path

    /// Runs a tool from PATH; nil when it is not installed.
    func tool(_ arguments: [String]) throws -> (status: Int32, output: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 127 { return nil }
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func mandocAndGroffFindNothingToSay() throws {
        guard let mandoc = try tool(["mandoc", "-Tlint", "-W", "warning", Self.page]),
            let groff = try tool(["groff", "-ww", "-z", "-mandoc", Self.page])
        else {
            Issue.record("mandoc and groff are needed: make test installs them")
            return
        }
        #expect(mandoc.status == 0 && mandoc.output == "", "\(mandoc.output)")
        #expect(groff.status == 0 && groff.output == "", "\(groff.output)")
    }

    @Test func everySubcommandAndOptionOfTheHelpIsInThePage() throws {
        let page = try String(contentsOfFile: Self.page, encoding: .utf8)
        let help = try JournalProcess.run(["--help"]).stdout
        var subcommands: [String] = []
        for line in (help.components(separatedBy: "SUBCOMMANDS:").last ?? "").split(separator: "\n") {
            // "  name   abstract": two spaces, then a lowercase name; wrapped lines have more.
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first,
                name.allSatisfy({ $0.isLowercase })
            else { continue }
            subcommands.append(String(name))
        }
        #expect(subcommands.count >= 15)
        for subcommand in subcommands where subcommand != "help" {
            #expect(["\n", " "].contains { page.contains("Cm \(subcommand)\($0)") }, "\(subcommand)")
            let options = try JournalProcess.run([subcommand, "--help"]).stdout.split(separator: "\n").compactMap {
                line -> String? in
                let trimmed = line.drop { $0 == " " }
                guard trimmed.hasPrefix("--") else { return nil }
                return String(trimmed.prefix { $0 != " " && $0 != "," })
            }
            for option in options where !["--help", "--version"].contains(option) {
                let written = "Fl " + option.dropFirst().replacingOccurrences(of: "-", with: "\\-")
                #expect(page.contains(written), "\(subcommand) \(option): no '\(written)' in docs/journal.1")
            }
        }
    }
}
