import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Issue 5, cases 1–20, end to end: each builds its fixture, runs the binary inside the file
/// snapshot (so nothing the user wrote changes), and checks the diagnostic and that the rest of
/// the journal still works. docs/SAFETY.md describes each behaviour.
@Suite struct HostileInputTests {
    static let good = "# Commitments\n\n- [ ] Call @ana about the renewal by 2026-12-04 #commit\n"
    static let asOf = ["--as-of", "2026-11-27"]

    /// A journal with one good entry beside whatever the case adds.
    func journal(_ files: [String: String] = [:]) throws -> FixtureJournal {
        var all = ["journal.yml": "entries: entries\n", "entries/2026-11-20.md": Self.good]
        all.merge(files) { $1 }
        return try FixtureJournal(all)
    }

    func check(_ fixture: FixtureJournal) throws -> JournalProcess.Result {
        try fixture.run(["check", "--journal", fixture.path()])
    }

    /// The last stderr line of `check`: "N entries, N commitments, N errors, N warnings".
    func summary(_ result: JournalProcess.Result) -> String { result.stderrLines.last ?? "" }

    // 1
    @Test func invalidUTF8IsWarnedAtItsLineAndParsed() throws {
        let fixture = try journal()
        try fixture.write(
            "entries/2026-11-27.md",
            bytes: Array("# Notes\n\ncaf".utf8) + [0xE9] + Array(" latin-1\n\n- [ ] Ask @li #commit\n".utf8))
        let result = try check(fixture)
        #expect(result.status == 0)
        #expect(result.stderr.contains("entries/2026-11-27.md:3:4: warning: invalid UTF-8"))
        #expect(summary(result) == "2 entries, 2 commitments, 0 errors, 1 warning")
    }

    // 2
    @Test func utf16IsSkippedWithAWarning() throws {
        let fixture = try journal()
        try fixture.write("entries/2026-11-27.md", bytes: [0xFF, 0xFE] + Array("#\0 \0x\0\n\0".utf8))
        let result = try check(fixture)
        #expect(result.stderr.contains("entries/2026-11-27.md:1: warning: unsupported encoding UTF-16"))
        #expect(summary(result) == "1 entry, 1 commitment, 0 errors, 1 warning")
    }

    // 3
    @Test func bomCRLFAndCRReportTheSameLines() throws {
        let lines = ["# Notes", "", "- [ ] Ask @li by 12/11 #commit", ""]
        var outputs: [String] = []
        for (name, bytes) in [
            ("lf", Array(lines.joined(separator: "\n").utf8)),
            ("bom", [0xEF, 0xBB, 0xBF] + Array(lines.joined(separator: "\n").utf8)),
            ("crlf", Array(lines.joined(separator: "\r\n").utf8)),
            ("cr", Array(lines.joined(separator: "\r").utf8)),
        ] {
            let fixture = try FixtureJournal(["journal.yml": ""])
            try fixture.write("2026-11-27.md", bytes: bytes)
            let result = try check(fixture)
            outputs.append(result.stderr)
            #expect(result.stderr.contains("2026-11-27.md:3:"), "\(name)")
        }
        #expect(Set(outputs).count == 1, "\(outputs)")
    }

    // 4
    @Test(arguments: [
        ("nul", Array("# Notes\nabc\0def\n".utf8)),
        ("binary", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]),
    ])
    func nulOrBinaryIsNotText(_ name: String, _ bytes: [UInt8]) throws {
        let fixture = try journal()
        try fixture.write("entries/2026-11-27.md", bytes: bytes)
        let result = try check(fixture)
        #expect(result.stderr.contains("entries/2026-11-27.md:"))
        #expect(result.stderr.contains("warning: not text"), "\(name)")
        #expect(summary(result) == "1 entry, 1 commitment, 0 errors, 1 warning")
    }

    // 5
    @Test(arguments: ["", " \n\t\n\n   ", "\r\n\r\n"])
    func emptyEntryHasNoCommitmentsAndNoWarning(_ text: String) throws {
        let result = try check(try journal(["entries/2026-11-27.md": text]))
        #expect(result.status == 0)
        #expect(result.stderrLines == ["2 entries, 1 commitment, 0 errors, 0 warnings"])
    }

    // 6
    @Test func strayFilesAreIgnored() throws {
        let entry = "- [ ] Stray #commit\n"
        let fixture = try journal([
            "README.md": "# My journal\n\n- [ ] not an entry #commit\n",
            ".git/2026-11-27.md": entry, ".git/HEAD": "ref: refs/heads/main\n",
            "entries/.2026-11-27.md.swp": entry, "entries/2026-11-27.md.swp": entry,
            "entries/2026-11-27.md~": entry, "entries/#2026-11-27.md#": entry, "entries/.#2026-11-27.md": entry,
            "entries/.DS_Store": "\0\0\0\u{1}Bud1", ".obsidian/2026-11-27.md": entry,
        ])
        let result = try check(fixture)
        #expect(result.stderrLines == ["1 entry, 1 commitment, 0 errors, 0 warnings"])
    }

    // 6
    @Test func impossibleDateInAFileNameIsWarnedAndNotRead() throws {
        let fixture = try journal([
            "entries/2026-02-30.md": "- [ ] x #commit\n", "entries/0000-01-01.md": "- [ ] y #commit\n",
        ])
        let result = try check(fixture)
        #expect(result.stderr.contains("entries/2026-02-30.md: warning: impossible date '2026-02-30' in the file name"))
        #expect(result.stderr.contains("entries/0000-01-01.md: warning: impossible date '0000-01-01'"))
        #expect(summary(result) == "1 entry, 1 commitment, 0 errors, 2 warnings")
    }

    // 7
    @Test func conflictCopiesAreWarnedAndNotCounted() throws {
        let fixture = try journal([
            "entries/2026-11-20 (conflicted copy).md": Self.good,
            "entries/2026-11-20.sync-conflict-20261127-123456.md": Self.good,
        ])
        let result = try check(fixture)
        #expect(result.stderr.contains("conflict copy of 2026-11-20.md; resolve it"))
        #expect(summary(result) == "1 entry, 1 commitment, 0 errors, 2 warnings")
        let list = try fixture.run(["list", "--journal", fixture.path()] + Self.asOf)
        #expect(list.stdout.split(separator: "\n").filter { $0.contains("call-ana") }.count == 1, "\(list.stdout)")
    }

    // 7
    @Test func mergeMarkersAreAnErrorAtTheirLine() throws {
        let text = "# Notes\n\n<<<<<<< HEAD\n- [ ] Mine #commit\n=======\n- [ ] Theirs #commit\n>>>>>>> branch\n"
        let result = try check(try journal(["entries/2026-11-27.md": text]))
        #expect(result.status == 1)
        #expect(result.stderr.contains("entries/2026-11-27.md:3:1: error: git merge conflict marker"))
    }

    // 8
    @Test func twoEntriesOnOneDayAreBothReadInAStableOrder() throws {
        let fixture = try journal([
            "entries/2026-11-27.md": "- [ ] First #commit\n",
            "entries/2026-11-27-one-on-one.md": "- [ ] Second #commit\n",
        ])
        let first = try fixture.run(["list", "--journal", fixture.path()] + Self.asOf)
        let second = try fixture.run(["list", "--journal", fixture.path()] + Self.asOf)
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        #expect(first.stdout.contains("First") && first.stdout.contains("Second"))
        #expect(summary(try check(fixture)) == "3 entries, 3 commitments, 0 errors, 0 warnings")
    }

    // 9
    @Test func oversizedFilesAndHugeLinesAreSkipped() throws {
        let fixture = try journal()
        try fixture.write("entries/2026-11-25.md", bytes: [UInt8](repeating: UInt8(ascii: "a"), count: 10_000_000))
        try fixture.write("entries/2026-11-26.md", String(repeating: "- [ ] item #commit\n", count: 120_000))
        let result = try check(fixture)
        #expect(result.stderr.contains("entries/2026-11-25.md:1: warning: not parsed: larger than max-entry-bytes"))
        #expect(result.stderr.contains("entries/2026-11-26.md:1: warning: not parsed: larger than max-entry-bytes"))
        #expect(summary(result) == "1 entry, 1 commitment, 0 errors, 2 warnings")
        try fixture.write("journal.yml", "entries: entries\nmax-entry-bytes: 4000000\n")
        #expect(summary(try check(fixture)) == "2 entries, 120001 commitments, 0 errors, 1 warning")
    }

    // 10
    @Test func symlinksOutAndLoopsAreWarnedOnceAndInsideOnesRead() throws {
        let fixture = try journal(["archive/2026-11-01.md": "- [ ] Archived #commit\n"])
        let outside = fixture.base.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("- [ ] Outside #commit\n".utf8).write(to: outside.appendingPathComponent("2026-11-02.md"))
        try fixture.symlink("entries/out-folder", to: outside.path)
        try fixture.symlink("entries/2026-11-03.md", to: outside.appendingPathComponent("2026-11-02.md").path)
        try fixture.symlink("entries/loop", to: ".")
        try fixture.symlink("entries/self", to: "self")
        try fixture.symlink("entries/dangling.md", to: "nowhere.md")
        try fixture.symlink("entries/2026-11-04.md", to: "../archive/2026-11-01.md")  // inside: read once
        try fixture.symlink("linked-archive", to: "archive")  // an alias of a folder already read
        try fixture.write(".private/2026-11-05.md", "- [ ] Private #commit\n")
        try fixture.symlink("entries/2026-11-05.md", to: "../.private/2026-11-05.md")  // inside, only via the link
        let result = try check(fixture)
        let lines = result.stderrLines
        #expect(
            lines.filter { $0.contains("entries/out-folder:") } == [
                "entries/out-folder: warning: symlink points outside the journal, to \(outside.path); not followed"
            ])
        #expect(lines.filter { $0.contains("entries/2026-11-03.md") }.count == 1)
        #expect(lines.contains("entries/loop: warning: symlink loop (points to a folder above it); not followed"))
        #expect(lines.contains("entries/self: warning: symlink loop; not followed"))
        #expect(lines.contains { $0.hasPrefix("entries/dangling.md: warning: broken symlink") })
        #expect(summary(result) == "3 entries, 3 commitments, 0 errors, 5 warnings", "\(lines)")
    }

    // 11
    @Test(.enabled(if: geteuid() != 0, "root reads files whatever their permissions"))
    func unreadableFilesAndFoldersAreErrorsAndTheRestIsRead() throws {
        let fixture = try journal(["entries/2026-11-27.md": "- [ ] x #commit\n", "locked/2026-11-26.md": "x\n"])
        chmod(fixture.path("entries/2026-11-27.md"), 0)
        chmod(fixture.path("locked"), 0)
        defer {
            chmod(fixture.path("entries/2026-11-27.md"), 0o644)
            chmod(fixture.path("locked"), 0o755)
        }
        let result = try check(fixture)
        #expect(result.status == 1)
        #expect(result.stderr.contains("entries/2026-11-27.md: error: cannot read file"))
        #expect(result.stderr.contains("locked: error: cannot read folder: permission denied"))
        #expect(summary(result) == "1 entry, 1 commitment, 2 errors, 0 warnings")
    }

    // 12
    @Test func journalPathThatIsAFileOrMissingIsOneLineExit2() throws {
        let fixture = try journal()
        for (path, message) in [
            (
                fixture.path("journal.yml"),
                "journal: error: journal path is not a folder: \(fixture.path("journal.yml"))"
            ),
            (fixture.path("missing"), "journal: error: journal folder does not exist: \(fixture.path("missing"))"),
        ] {
            for command in ["check", "review", "list"] {
                let result = try fixture.run([command, "--journal", path])
                #expect(result.status == 2)
                #expect(result.stderrLines == [message], "\(command)")
                #expect(result.stdout.isEmpty)
            }
        }
    }

    // 13
    @Test(arguments: [
        ("entries: [unclosed\n", "journal.yml:2:1: error: invalid YAML"),
        ("entries: entries\ncolour: blue\n", "journal.yml:2:1: error: unknown key 'colour'"),
        ("stale-after-days: soon\n", "journal.yml:1:1: error: 'stale-after-days' must be a positive whole number"),
    ])
    func badConfigIsAnErrorWithTheLine(_ yaml: String, _ expected: String) throws {
        let fixture = try journal(["journal.yml": yaml])
        let result = try check(fixture)
        #expect(result.status == 1)
        #expect(result.stderr.contains(expected), "\(result.stderr)")
    }

    // 14
    @Test(arguments: [
        "---\ntitle: never closed\n\n- [ ] Still read #commit\n",
        "---\ntitle: [not: yaml\n---\n- [ ] Still read #commit\n",
    ])
    func brokenFrontMatterWarnsAndTheBodyIsRead(_ text: String) throws {
        let result = try check(try journal(["entries/2026-11-27.md": text]))
        #expect(result.stderr.contains("entries/2026-11-27.md:"))
        #expect(result.stderr.contains("warning:"))
        #expect(summary(result).hasPrefix("2 entries, 2 commitments"), "\(result.stderr)")
    }

    // 15
    @Test func extremeDatesGiveDiagnosticsNeverACrash() throws {
        let text = """
            - [ ] Far past due:0001-01-01 #commit
            - [ ] Far future due:9999-12-31 #commit
            - [ ] Past the calendar due:10000-01-01 #commit
            - [ ] Impossible due:2026-02-30 #commit
            - [ ] Ambiguous by 03/04 #commit

            """
        let fixture = try journal(["entries/2026-11-27.md": text, "entries/9999-12-31.md": "- [ ] Last day #commit\n"])
        let result = try check(fixture)
        #expect(result.status == 1)
        #expect(result.stderr.contains("impossible date"))
        #expect(result.stderr.contains("ambiguous date"))
        for asOf in ["0001-01-01", "9999-12-31", "2026-11-27"] {
            for format in ["text", "markdown", "json"] {
                let review = try fixture.run([
                    "review", "--journal", fixture.path(), "--as-of", asOf, "--format", format,
                ])
                #expect(review.status == 0 || review.status == 1, "\(asOf) \(format): \(review.stderr)")
            }
        }
        let far = try fixture.run(["review", "--journal", fixture.path(), "--as-of", "10000-01-01"])
        #expect(far.status != 0)
        #expect(far.status < 128, "no crash")
    }

    // 16
    @Test(arguments: [
        (["review", "--as-of", "someday"], "today"),
        (["review", "--format", "html5"], "'text', 'markdown', 'json' or 'html'"),
        (["list", "--as-of", "2026-13-45"], "YYYY-MM-DD"),
        (["check", "--format", "xml"], "'text' and 'json'"),
    ])
    func badCommandLineValuesAreUsageErrorsListingChoices(_ arguments: [String], _ choices: String) throws {
        let fixture = try journal()
        let result = try fixture.run(arguments + ["--journal", fixture.path()])
        #expect(result.stderr.contains(choices), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.status == 2)
    }

    // 16
    @Test func unknownTemplateAndReferenceListTheChoicesAndExit2() throws {
        let fixture = try journal()
        let template = try fixture.run([
            "new", "--journal", fixture.path(), "nosuch", "--print", "--date", "2026-11-27",
        ])
        #expect(template.status == 2)
        #expect(template.stderr.contains("available: call-prep, daily, one-on-one, weekly-mirror"))
        let reference = try fixture.run(["show", "--journal", fixture.path(), "2026-11-20#nosuch"] + Self.asOf)
        #expect(reference.status == 2)
        #expect(reference.stderr.contains("closest: 2026-11-20#call-ana"))
    }

    // 17
    static let hostile: [(String, String)] = [
        ("CSI", "\u{1B}[2J\u{1B}[31m"), ("OSC 8 link", "\u{1B}]8;;https://evil.example\u{07}click\u{1B}]8;;\u{07}"),
        ("OSC 52 clipboard", "\u{1B}]52;c;cm0gLXJmIH4=\u{07}"), ("BEL", "\u{07}"), ("C1 CSI", "\u{9B}31m"),
        ("DEL", "\u{7F}"), ("bidi override", "\u{202E}gnp.exe"), ("bidi isolate", "\u{2066}x\u{2069}"),
        ("backspace", "ab\u{08}\u{08}"), ("carriage return", "visible\u{0D}hidden"),
    ]

    @Test func entryTextNeverReachesTheTerminalRaw() throws {
        var text = "# Commitments\n\n"
        for (index, (_, payload)) in Self.hostile.enumerated() {
            text += "- [ ] Call @ana\(payload) about item \(index) #commit #t\(index) ^item-\(index)\n"
        }
        text += "- [ ] Ambiguous \u{1B}]52;c;eA==\u{07} by 03/04 #commit\n"
        let fixture = try journal(["entries/2026-11-27.md": text])
        var runs: [[String]] = [["check"], ["check", "--format", "json"], ["list"], ["list", "--format", "json"]]
        for format in ["text", "markdown", "json"] { runs.append(["review", "--format", format]) }
        for index in Self.hostile.indices { runs.append(["show", "2026-11-27#item-\(index)"]) }
        runs.append(["new", "--print", "--date", "2026-11-28", "one-on-one", "--with", "ana"])
        for arguments in runs {
            let result = try fixture.run(
                arguments + ["--journal", fixture.path()]
                    + (arguments[0] == "new" || arguments[0] == "check" ? [] : Self.asOf))
            let output = result.stdout + result.stderr
            let raw = output.unicodeScalars.filter { $0 != "\n" && Self.isControl($0) }
            #expect(raw.isEmpty, "\(arguments): raw \(raw.map { String($0.value, radix: 16) })")
            #expect(result.status < 128, "\(arguments)")
        }
        let show = try fixture.run(["show", "--journal", fixture.path(), "2026-11-27#item-0"] + Self.asOf)
        #expect(show.stdout.contains("\\u{1B}[2J"), "\(show.stdout)")
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    // 18
    @Test(arguments: ["../escape", "/etc/hostname", "a/b", "..", "evil"])
    func templateNamesThatLeaveTheFolderAreRefused(_ name: String) throws {
        let fixture = try journal(["templates/ok.md": "# ok\n"])
        try fixture.symlink("templates/evil.md", to: "/etc/hostname")
        let result = try fixture.run(["new", "--journal", fixture.path(), name, "--print", "--date", "2026-11-27"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("journal: error: "))
    }

    // 19
    @Test(
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a terminal"),
        arguments: ["/nonexistent/editor", "false"])
    func failingEditorNamesTheEntryWhichIsKept(_ editor: String) throws {
        let fixture = try journal()
        let created = "entries/2026/11/2026-11-27.md"
        let snapshot = try FileSnapshot(of: fixture.base)
        let command = [JournalProcess.binary.path, "new", "--journal", fixture.path(), "--date", "2026-11-27"]
            .map { "'\($0)'" }.joined(separator: " ")
        let result = try Self.runRaw(
            "/usr/bin/script", ["-qec", command, "/dev/null"], environment: ["EDITOR": editor, "VISUAL": editor])
        try snapshot.assertUnchanged(except: ["journal/\(created)", "journal/entries/2026", "journal/entries/2026/11"])
        #expect(result.status != 0)
        #expect(result.output.contains(fixture.path(created)) || result.output.contains(created), "\(result.output)")
        #expect(FileManager.default.fileExists(atPath: fixture.path(created)))
    }

    // 20
    @Test func sigintEndsALongReviewWith130AndWritesNothing() throws {
        var files: [String: String] = [:]
        for i in 0..<1500 {
            let month = String(format: "%02d", 1 + (i / 28) % 12)
            let day = String(format: "%02d", 1 + i % 28)
            files["entries/2026/\(month)/2026-\(month)-\(day)-n\(i).md"] = (0..<40).map {
                "- [ ] Task \(i) item \($0) for @ana by Friday #commit\n"
            }.joined()
        }
        let fixture = try journal(files)
        let snapshot = try FileSnapshot(of: fixture.base)
        let pid = try Self.spawnWithSignalsUnblocked(
            JournalProcess.binary.path, ["review", "--journal", fixture.path()] + Self.asOf)
        usleep(300_000)
        let sent = Date()
        kill(pid, SIGINT)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let waited = Date().timeIntervalSince(sent)
        try snapshot.assertUnchanged()
        let exited = status & 0x7F == 0
        #expect(exited, "ended by its own handler, not killed by signal \(status & 0x7F)")
        #expect((status >> 8) & 0xFF == 130, "status \((status >> 8) & 0xFF)")
        #expect(waited < 10, "exits promptly")
    }

    /// posix_spawn with an empty signal mask and default dispositions: the test runner blocks
    /// SIGINT in its threads and a child inherits that, which no shell would do.
    static func spawnWithSignalsUnblocked(_ path: String, _ arguments: [String]) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp: [UnsafeMutablePointer<CChar>?] = [strdup("PATH=/usr/bin:/bin"), strdup("TERM=dumb"), nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard code == 0 else { throw CocoaError(.executableLoad) }
        return pid
    }

    /// Runs any program, stdout and stderr together, for the cases JournalProcess cannot drive.
    static func runRaw(_ path: String, _ arguments: [String], environment: [String: String]) throws -> (
        status: Int32, output: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var env = ["PATH": "/usr/bin:/bin", "TERM": "dumb", "HOME": NSTemporaryDirectory(), "JOURNAL_NO_INDEX": "1"]
        env.merge(environment) { $1 }
        process.environment = env
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("raw-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: capture.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: capture) }
        let handle = try FileHandle(forWritingTo: capture)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, String(decoding: try Data(contentsOf: capture), as: UTF8.self))
    }
}
