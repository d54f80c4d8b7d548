import Foundation
import Glibc
import Testing

/// A temp folder holding a journal made by `journal init`, for the `new` tests.
final class ScratchJournal {
    let base: String
    var root: String { "\(base)/journal" }

    init(initialised: Bool = true) throws {
        let made = FileManager.default.temporaryDirectory.appendingPathComponent("journal-new-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true)
        base = made.resolvingSymlinksInPath().path
        if initialised {
            let result = try JournalProcess.run(["init", root])
            #expect(result.status == 0, "\(result.stderr)")
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: base) }

    func write(_ relative: String, _ text: String, in folder: String? = nil) throws {
        let url = URL(fileURLWithPath: "\(folder ?? root)/\(relative)")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: "\(root)/\(relative)").map { String(decoding: $0, as: UTF8.self) }
    }

    func names(_ relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "\(root)/\(relative)")) ?? []).sorted()
    }

    /// An executable shell script at `relative` under the base folder.
    func script(_ relative: String, _ body: String) throws -> String {
        try write(relative, "#!/bin/sh\n" + body, in: base)
        let path = "\(base)/\(relative)"
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> JournalProcess.Result {
        try JournalProcess.run(arguments + ["--journal", root], environment: environment)
    }
}

@Suite struct NewCommandTests {
    let entry = "entries/2026/11/2026-11-23.md"

    @Test func noEditCreatesTheDailyEntryAndPrintsItsPath() throws {
        let journal = try ScratchJournal()
        let result = try journal.run(["new", "--no-edit", "--date", "2026-11-23"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "\(journal.root)/\(entry)\n")
        #expect(journal.read(entry)?.hasPrefix("---\ntemplate: daily\ntitle: \"Monday 2026-11-23\"\n") == true)
        #expect(journal.names("entries/2026/11") == ["2026-11-23.md"])
    }

    @Test func templateAndPersonNameTheFile() throws {
        let journal = try ScratchJournal()
        let result = try journal.run(["new", "one-on-one", "--with", "@Ana", "--no-edit", "--date", "2026-11-23"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try #require(journal.read("entries/2026/11/2026-11-23-one-on-one-ana.md"))
        #expect(text.contains("people: [ana]"))
        #expect(text.contains("My commitments to @ana"))
    }

    @Test func titleOption() throws {
        let journal = try ScratchJournal()
        _ = try journal.run(["new", "weekly-mirror", "--title", "Eight weeks in", "--no-edit", "--date", "2026-11-23"])
        let text = try #require(journal.read("entries/2026/11/2026-11-23-weekly-mirror.md"))
        #expect(text.contains("title: \"Eight weeks in\"\n"))
        #expect(text.contains("\n# Eight weeks in\n"))
    }

    @Test func followThroughIsPrefilledFromEarlierEntries() throws {
        let journal = try ScratchJournal()
        try journal.write("entries/2026/11/2026-11-16.md", "- [ ] Call @ana about the Q4 pipeline by Nov 20 #commit\n")
        _ = try journal.run(["new", "--no-edit", "--date", "2026-11-23"])
        let text = try #require(journal.read(entry))
        #expect(
            text.contains(
                "- [ ] Call @ana about the Q4 pipeline by Nov 20 #commit (due Fri 20 Nov, 3 days overdue) "
                    + "[2026-11-16](2026-11-16.md#call-ana-about-the-q4)\n"))
        let check = try journal.run(["check"])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func printRendersAndCreatesNothing() throws {
        let journal = try ScratchJournal()
        let result = try journal.run(["new", "call-prep", "--with", "brightline", "--print", "--date", "2026-11-23"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("---\ntemplate: call-prep\ntitle: \"Call prep: brightline\"\n"))
        #expect(journal.names("entries").isEmpty)
    }

    @Test func anExistingEntryIsOpenedAsItIs() throws {
        let journal = try ScratchJournal()
        let mine = "my own words\n- [ ] half a thought"
        try journal.write(entry, mine)
        let result = try journal.run(["new", "--no-edit", "--date", "2026-11-23"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("already exists; opening it as it is"))
        #expect(result.stdout == "\(journal.root)/\(entry)\n")
        #expect(journal.read(entry) == mine)
    }

    @Test func twoConcurrentRunsMakeOneFile() throws {
        let journal = try ScratchJournal()
        let results = try (0..<2).map { _ in
            try JournalProcess.start(["new", "--no-edit", "--date", "2026-11-23", "--journal", journal.root])
        }.map { try $0.finish() }
        #expect(results.map(\.status) == [0, 0])
        #expect(results.allSatisfy { $0.stdout == "\(journal.root)/\(entry)\n" })
        #expect(journal.names("entries/2026/11") == ["2026-11-23.md"])
    }

    @Test func withoutATerminalNoEditorStarts() throws {
        let journal = try ScratchJournal()
        let editor = try journal.script("editor", "touch \"\(journal.base)/editor-ran\"\n")
        let result = try journal.run(
            ["new", "--date", "2026-11-23"], environment: ["VISUAL": editor, "TERM": "xterm"])
        #expect(result.status == 0)
        #expect(result.stdout == "\(journal.root)/\(entry)\n")
        #expect(!FileManager.default.fileExists(atPath: "\(journal.base)/editor-ran"))
        // No editor ran, so nobody could write in it yet: it is kept for them to open.
        #expect(journal.read(entry) != nil)
    }

    static let hasScript = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

    /// `script` gives the command a terminal, so the editor really runs; the fake one appends a
    /// commitment, and `new` then says what the entry adds. The fake is run as `sh SCRIPT`:
    /// executing a file just written can fail with ETXTBSY while other tests spawn processes.
    @Test(.enabled(if: hasScript)) func theEditorRunsOnATerminalAndTheEntryIsSummarised() throws {
        let journal = try ScratchJournal()
        let editor = try journal.script(
            "my editors/add.sh", "printf '%s\\n' \"- [ ] Ride along with @tom on Friday #commit\" >> \"$1\"\n")
        let binary = JournalProcess.binary.path
        let command = "'\(binary)' new --date 2026-11-23 --journal '\(journal.root)'"
        let result = try JournalProcess.run(
            ["-qec", command, "/dev/null"], executable: "/usr/bin/script",
            environment: ["EDITOR": "sh '\(editor)'", "TERM": "dumb", "VISUAL": "ignored-on-a-dumb-terminal"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("1 commitment made, 0 follow-ups recorded"))
        #expect(journal.read(entry)?.hasSuffix("- [ ] Ride along with @tom on Friday #commit\n") == true)
    }

    @Test(.enabled(if: hasScript)) func aFailingEditorIsReportedAndTheEntryKept() throws {
        let journal = try ScratchJournal()
        let editor = "sh -c 'exit 4'"
        let command = "'\(JournalProcess.binary.path)' new --date 2026-11-23 --journal '\(journal.root)'"
        let result = try JournalProcess.run(
            ["-qec", command, "/dev/null"], executable: "/usr/bin/script", environment: ["EDITOR": editor])
        #expect(result.status == 2)
        #expect(result.stdout.contains("exited with status 4; the entry is kept"))
        #expect(journal.read(entry) != nil)
    }

    /// Runs `journal new ARGS` on a terminal (through `script`) with `editor` as $EDITOR.
    func runOnATerminal(_ journal: ScratchJournal, _ arguments: [String], editor: String) throws
        -> JournalProcess.Result
    {
        let command = ([JournalProcess.binary.path, "new"] + arguments + ["--journal", journal.root])
            .map { "'\($0)'" }.joined(separator: " ")
        return try JournalProcess.run(
            ["-qec", command, "/dev/null"], executable: "/usr/bin/script", environment: ["EDITOR": editor])
    }

    /// An editor that exits 0 without saving (`:q!`): the entry nobody wrote in is removed, with
    /// the month and year folders this run made, and the journal is exactly as it was before.
    @Test(.enabled(if: hasScript)) func anEntryLeftUnchangedIsNotKept() throws {
        let journal = try ScratchJournal()
        let snapshot = try FileSnapshot(of: URL(fileURLWithPath: journal.base))
        let result = try runOnATerminal(journal, ["--date", "2026-11-23"], editor: "true")
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("\(entry) left unchanged; not kept (use --keep to keep it)"))
        #expect(!result.stdout.contains("commitments made"))
        #expect(journal.read(entry) == nil)
        #expect(journal.names("entries").isEmpty)
        try snapshot.assertUnchanged()
    }

    /// A month folder that was already there stays, with the other entries in it.
    @Test(.enabled(if: hasScript)) func anUnchangedEntryLeavesFoldersThatExisted() throws {
        let journal = try ScratchJournal()
        try journal.write("entries/2026/11/2026-11-20.md", "- [ ] Call @ana by Friday #commit\n")
        let result = try runOnATerminal(
            journal, ["one-on-one", "--with", "ana", "--date", "2026-11-23"], editor: "true")
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("2026-11-23-one-on-one-ana.md left unchanged; not kept"))
        #expect(journal.names("entries/2026/11") == ["2026-11-20.md"])
    }

    /// Negative twin: an editor that writes in it keeps it, and the summary is printed.
    @Test(.enabled(if: hasScript)) func anEntryWrittenInIsKept() throws {
        let journal = try ScratchJournal()
        let editor = try journal.script("append.sh", "printf 'A thought.\\n' >> \"$1\"\n")
        let result = try runOnATerminal(journal, ["--date", "2026-11-23"], editor: "sh '\(editor)'")
        #expect(result.status == 0, "\(result.stdout)")
        #expect(!result.stdout.contains("not kept"))
        #expect(result.stdout.contains("0 commitments made, 0 follow-ups recorded"))
        #expect(journal.read(entry)?.hasSuffix("A thought.\n") == true)
    }

    @Test(.enabled(if: hasScript)) func keepKeepsAnUnchangedEntry() throws {
        let journal = try ScratchJournal()
        let result = try runOnATerminal(journal, ["--date", "2026-11-23", "--keep"], editor: "true")
        #expect(result.status == 0, "\(result.stdout)")
        #expect(!result.stdout.contains("not kept"))
        #expect(result.stdout.contains("0 commitments made, 0 follow-ups recorded"))
        #expect(journal.read(entry)?.hasPrefix("---\ntemplate: daily\n") == true)
    }

    /// An entry that existed before this run is never removed, even when the editor leaves it alone.
    @Test(.enabled(if: hasScript)) func anExistingEntryIsNeverRemoved() throws {
        let journal = try ScratchJournal()
        try journal.write("entries/2026/11/2026-11-20.md", "older\n")
        let rendered = try journal.run(["new", "--print", "--date", "2026-11-23"]).stdout
        try journal.write(entry, rendered)
        let result = try runOnATerminal(journal, ["--date", "2026-11-23"], editor: "true")
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("already exists; opening it as it is"))
        #expect(!result.stdout.contains("not kept"))
        #expect(journal.read(entry) == rendered)
    }

    /// An editor that fails keeps the entry it was given, unchanged as it is (exit 2).
    @Test(.enabled(if: hasScript)) func aFailingEditorKeepsAnUnchangedEntry() throws {
        let journal = try ScratchJournal()
        let result = try runOnATerminal(journal, ["--date", "2026-11-23"], editor: "false")
        #expect(result.status == 2)
        #expect(result.stdout.contains("the entry is kept at \(journal.root)/\(entry)"))
        #expect(!result.stdout.contains("not kept"))
        #expect(journal.read(entry)?.hasPrefix("---\ntemplate: daily\n") == true)
    }

    @Test func noEditKeepsTheEntry() throws {
        let journal = try ScratchJournal()
        let result = try journal.run(["new", "--no-edit", "--date", "2026-11-23"], environment: ["EDITOR": "true"])
        #expect(result.status == 0)
        #expect(!result.stderr.contains("not kept"))
        #expect(journal.read(entry) != nil)
    }

    @Test func aFutureDateGetsANoteAndStillWorks() throws {
        let journal = try ScratchJournal()
        let result = try journal.run(["new", "--no-edit", "--date", "2099-01-05"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "note: 2099-01-05 is in the future; the entry is dated then\n")
        #expect(journal.read("entries/2099/01/2099-01-05.md")?.contains("date: 2099-01-05") == true)
        let printed = try journal.run(["new", "--print", "--date", "next monday"])
        #expect(
            printed.stderr.hasPrefix("note: ")
                && printed.stderr.hasSuffix(" is in the future; the entry is dated then\n"))
    }

    /// Negative twin: today and earlier dates get no note.
    @Test func todayAndPastDatesGetNoNote() throws {
        let journal = try ScratchJournal()
        for date in ["today", "yesterday", "2026-11-23"] {
            let result = try journal.run(["new", "--print", "--date", date])
            #expect(result.status == 0)
            #expect(!result.stderr.contains("note:"), "\(date)")
        }
    }

    @Test(arguments: ["../journal", "a/b", "/etc/passwd", "..", "Weekly"])
    func refusedTemplateNames(_ name: String) throws {
        let journal = try ScratchJournal()
        let result = try journal.run(["new", name, "--no-edit", "--date", "2026-11-23"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("available: call-prep, daily, one-on-one, weekly-mirror"))
        #expect(journal.names("entries").isEmpty)
    }

    @Test func aSymlinkOutOfTheTemplatesFolderIsRefused() throws {
        let journal = try ScratchJournal()
        try journal.write("outside.md", "secret", in: journal.base)
        try FileManager.default.createSymbolicLink(
            atPath: "\(journal.root)/templates/leak.md", withDestinationPath: "\(journal.base)/outside.md")
        let result = try journal.run(["new", "leak", "--print", "--date", "2026-11-23"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("symlink pointing outside the templates folder"))
        #expect(!result.stdout.contains("secret"))
    }

    @Test func aMustacheErrorNamesFileAndLine() throws {
        let journal = try ScratchJournal()
        try journal.write("templates/broken.md", "---\ntitle: Broken\n---\n\n{{#followups}}\n")
        let result = try journal.run(["new", "broken", "--print", "--date", "2026-11-23"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("templates/broken.md:6:1: section is never closed"))
        let listing = try journal.run(["templates"])
        #expect(listing.status == 1)
        #expect(listing.stderr.contains("templates/broken.md:6:1: error: section is never closed"))
    }

    @Test(arguments: ["2026-02-30", "someday", "next friday please", "12/4"])
    func badDatesAreUsageErrors(_ value: String) throws {
        let journal = try ScratchJournal()
        let result = try journal.run(["new", "--no-edit", "--date", value])
        #expect(result.status == 2)
        #expect(result.stderr.contains("YYYY-MM-DD, today, yesterday"))
        #expect(journal.names("entries").isEmpty)
    }

    @Test func badPersonNamesAreRefused() throws {
        let journal = try ScratchJournal()
        let result = try journal.run(["new", "one-on-one", "--with", "../ana", "--no-edit", "--date", "2026-11-23"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("is not a name"))
        #expect(journal.names("entries").isEmpty)
    }

    @Test func journalTemplatesShadowBuiltIns() throws {
        let journal = try ScratchJournal()
        try journal.write("templates/daily.md", "---\ntemplate: daily\ntitle: Mine\n---\nmine {{date}}\n")
        try FileManager.default.removeItem(atPath: "\(journal.root)/templates/call-prep.md")
        let listing = try journal.run(["templates"])
        #expect(listing.status == 0)
        // Daily differs from the current built-in; the other copies `init` made are identical.
        #expect(
            listing.stdout == """
                call-prep      built-in                                 Call prep: NAME
                daily          journal (outdated copy of the built-in)  Mine
                one-on-one     journal                                  1:1 with NAME
                weekly-mirror  journal                                  Weekly mirror, week NN

                """)
        let printed = try journal.run(["new", "--print", "--date", "2026-11-23"])
        #expect(printed.stdout.hasSuffix("mine 2026-11-23\n"))
    }

    /// Copies identical to the current built-ins are plain `journal`; one byte changed makes
    /// an outdated copy, and a template of the journal's own name is never one.
    @Test func templatesMarksOnlyCopiesThatDifferFromTheBuiltIn() throws {
        let journal = try ScratchJournal()
        let fresh = try journal.run(["templates"])
        #expect(fresh.status == 0)
        #expect(
            fresh.stdout.split(separator: "\n").map { $0.split(separator: " ", maxSplits: 2)[1] } == [
                "journal", "journal", "journal", "journal",
            ])
        #expect(!fresh.stdout.contains("outdated"))
        let path = "templates/weekly-mirror.md"
        try journal.write(path, (journal.read(path) ?? "") + "One more prompt of my own.\n")
        try journal.write("templates/retro.md", "---\ntitle: Retro\n---\n")
        let listing = try journal.run(["templates"])
        #expect(listing.status == 0)
        let lines = listing.stdout.split(separator: "\n")
        #expect(
            lines.filter { $0.contains("(outdated copy of the built-in)") }.map { $0.prefix(13) } == ["weekly-mirror"])
        #expect(lines.contains { $0.hasPrefix("retro ") && !$0.contains("outdated") })
    }

    /// The installed binary carries its templates: a copy run from a folder with no source tree.
    @Test func aCopiedBinaryFindsTheBuiltIns() throws {
        let journal = try ScratchJournal(initialised: false)
        let copy = "\(journal.base)/bin/journal"
        try FileManager.default.createDirectory(atPath: "\(journal.base)/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: JournalProcess.binary.path, toPath: copy)
        try FileManager.default.createDirectory(atPath: journal.root, withIntermediateDirectories: true)
        try journal.write("journal.yml", "")
        // A freshly copied binary can fail to exec with ETXTBSY while other tests spawn processes
        // that inherited the copy's descriptor; that passes once they have exec'd.
        var attempt = 0
        var launched: JournalProcess.Result?
        while launched == nil {
            do {
                launched = try JournalProcess.run(
                    ["templates", "--journal", journal.root], executable: copy, in: URL(fileURLWithPath: journal.base))
            } catch  where attempt < 20 {
                attempt += 1
                usleep(50_000)
            }
        }
        let listing = try #require(launched)
        #expect(listing.status == 0, "\(listing.stderr)")
        #expect(
            listing.stdout.split(separator: "\n").map { $0.split(separator: " ")[1] }
                == Array(repeating: "built-in", count: 4))
        let printed = try JournalProcess.run(
            ["new", "weekly-mirror", "--print", "--date", "2026-11-23", "--journal", journal.root], executable: copy)
        #expect(printed.stdout.hasPrefix("---\ntemplate: weekly-mirror\n"))
    }
}

extension JournalProcess {
    /// Runs any executable (a copy of `journal`, or `script`) the way `run` runs `journal`.
    static func run(
        _ arguments: [String], executable: String, in directory: URL? = nil, environment: [String: String] = [:]
    ) throws -> Result {
        try start(arguments, executable: executable, in: directory, environment: environment).finish()
    }

    /// A process started but not waited for, so tests can run several at once.
    struct Running {
        let process: Process
        let out: Pipe
        let err: Pipe

        func finish() throws -> Result {
            let outData = out.fileHandleForReading.readDataToEndOfFile()
            let errData = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Result(
                status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                stderr: String(decoding: errData, as: UTF8.self))
        }
    }

    static func start(
        _ arguments: [String], executable: String? = nil, in directory: URL? = nil,
        environment: [String: String] = [:]
    ) throws -> Running {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? binary.path)
        process.arguments = arguments
        var env = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "TERM": "dumb", "JOURNAL_NO_INDEX": "1"]
        env.merge(environment) { $1 }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Running(process: process, out: out, err: err)
    }
}
