import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Issue 10, end to end: files that are not files, text that must not reach the terminal,
/// writes that fail, and nothing dropped without a word. docs/SAFETY.md describes each.
@Suite(.timeLimit(.minutes(2))) struct HostileInputRoundTwoTests {
    static let good = "# Commitments\n\n- [ ] Call @ana about the renewal by 2026-12-04 #commit\n"
    static let asOf = ["--as-of", "2026-11-27"]
    /// ESC, BEL, an OSC 52 clipboard write, a CSI colour and a right-to-left override.
    static let payload = "x\u{1B}]52;c;aGk=\u{07}\u{1B}[31m\u{202E}y"

    static let hasScript = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

    func journal(_ files: [String: String] = [:]) throws -> FixtureJournal {
        var all = ["journal.yml": "entries: entries\n", "entries/2026-11-20.md": Self.good]
        all.merge(files) { $1 }
        return try FixtureJournal(all)
    }

    func hasRawControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" }
    }

    /// Runs `bash -c script` with `J` set to the binary; stdout and stderr captured together
    /// unless the script redirects them.
    static func bash(_ script: String, environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        try HostileInputTests.runRaw(
            "/bin/bash", ["-c", script], environment: environment.merging(["J": JournalProcess.binary.path]) { $1 })
    }

    // MARK: class 2: journal.yml, templates and entries are opened one way

    /// `check` and `new` show the error; `review` and `list` count it in their one-line hint and
    /// exit 1; `templates` does not read journal.yml's text. None reads from the device.
    @Test(arguments: [("check", 1), ("review", 1), ("new --no-edit", 2), ("templates", 0), ("list", 1)])
    func journalYmlThatIsADeviceIsRefusedUnread(_ command: String, _ status: Int32) throws {
        let fixture = try journal()
        try FileManager.default.removeItem(atPath: fixture.path("journal.yml"))
        try fixture.symlink("journal.yml", to: "/dev/zero")
        let arguments = command.split(separator: " ").map(String.init) + ["--journal", fixture.path()]
        let result = try fixture.run(arguments)
        if command == "check" || command.hasPrefix("new") {
            #expect(
                result.stderr.contains("journal.yml: error: not read: it is a character device"), "\(result.stderr)")
        }
        #expect(result.status == status)
    }

    @Test func journalYmlThatIsAFIFONeverBlocks() throws {
        let fixture = try journal()
        try FileManager.default.removeItem(atPath: fixture.path("journal.yml"))
        #expect(mkfifo(fixture.path("journal.yml"), 0o644) == 0)
        for (command, status) in [(["check"], 1), (["review"], 1), (["templates"], 0), (["new", "--no-edit"], 2)] {
            let result = try fixture.run(command + ["--journal", fixture.path()])
            #expect(result.status == Int32(status))
            if command != ["review"] && command != ["templates"] {
                #expect(result.stderr.contains("journal.yml: error: not read: it is a FIFO"), "\(result.stderr)")
            }
        }
        let initResult = try fixture.run(["init", fixture.path()])
        #expect(initResult.status == 2)
        #expect(initResult.stderr.contains("it is a FIFO"))
    }

    @Test func journalYmlLinkedToASecretIsNeverEchoed() throws {
        let fixture = try journal()
        let secret = fixture.base.appendingPathComponent("shadow")
        try FileManager.default.removeItem(atPath: fixture.path("journal.yml"))
        try fixture.symlink("journal.yml", to: secret.path)
        try Data(
            "postgres://admin:hunter2@db.internal/prod: 1\nroot:$6$salt$hash:19000:0:99999:7::: 2\n".utf8
        ).write(to: secret)
        let result = try fixture.run(["check", "--journal", fixture.path()])
        #expect(result.status == 1)
        #expect(result.stderr.contains("journal.yml:1:1: error: line 1 is not a setting"), "\(result.stderr)")
        #expect(result.stderr.contains("journal.yml:2:1: error: line 2 is not a setting"))
        for secretText in ["hunter2", "admin", "root", "salt"] { #expect(!result.stderr.contains(secretText)) }
        // Text libyaml cannot read is not quoted back either.
        try Data("a: 1\n\u{1B}]52;c;aGk=\u{07}: x\n".utf8).write(to: secret)
        let controls = try fixture.run(["check", "--journal", fixture.path()])
        #expect(controls.status == 1)
        #expect(controls.stderr.contains("control characters are not allowed"))
        #expect(!controls.stderr.contains("aGk") && !hasRawControls(controls.stderr), "\(controls.stderr)")
    }

    @Test func journalYmlLinkedToARegularFileElsewhereIsRead() throws {
        let fixture = try journal()
        let dotfile = fixture.base.appendingPathComponent("dotfiles-journal.yml")
        try Data("entries: entries\nstale-after-days: 3\n".utf8).write(to: dotfile)
        try FileManager.default.removeItem(atPath: fixture.path("journal.yml"))
        try fixture.symlink("journal.yml", to: dotfile.path)
        let result = try fixture.run(["check", "--journal", fixture.path()])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderrLines.last == "1 entry, 1 commitment, 0 errors, 0 warnings")
    }

    @Test func billionLaughsKeyInJournalYmlIsRefusedAtOnce() throws {
        var yaml = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for (index, name) in ["b", "c", "d", "e", "f", "g", "h", "i"].enumerated() {
            let previous = index == 0 ? "a" : ["b", "c", "d", "e", "f", "g", "h"][index - 1]
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        yaml += "? *i\n: boom\n"
        let fixture = try journal(["journal.yml": yaml])
        let result = try fixture.run(["check", "--journal", fixture.path()])
        #expect(result.status == 1)
        #expect(result.stderr.contains("journal.yml:1:4: error: YAML anchors and aliases are not allowed"))
    }

    @Test func templateNestedTooDeepIsAnErrorAtItsTag() throws {
        let deep = String(repeating: "{{#a}}", count: 5000) + "x" + String(repeating: "{{/a}}", count: 5000)
        let fixture = try journal(["templates/deep.md": "# Deep\n" + deep + "\n"])
        let listed = try fixture.run(["templates", "--journal", fixture.path()])
        #expect(listed.status == 1)
        #expect(listed.stderr.contains("templates/deep.md:2:385: error: sections nested more than 64 deep"))
        let new = try fixture.run(["new", "deep", "--no-edit", "--journal", fixture.path(), "--date", "2026-11-27"])
        #expect(new.status == 1)
        #expect(new.stderr.contains("templates/deep.md:2:385: sections nested more than 64 deep"), "\(new.stderr)")
    }

    @Test func aFIFOTemplateIsSaidToBeAFIFO() throws {
        let fixture = try journal()
        try fixture.folder("templates")
        #expect(mkfifo(fixture.path("templates/pipe.md"), 0o644) == 0)
        let new = try fixture.run(["new", "pipe", "--no-edit", "--journal", fixture.path(), "--date", "2026-11-27"])
        #expect(new.status == 2)
        #expect(new.stderr.contains("template templates/pipe.md is a FIFO, not a regular file"), "\(new.stderr)")
        let listed = try fixture.run(["templates", "--journal", fixture.path()])
        #expect(listed.stderr.contains("is a FIFO"))
        #expect(!listed.stderr.contains("symlink"))
    }

    @Test func aFIFONamedLikeAnEntryIsSaid() throws {
        let fixture = try journal()
        #expect(mkfifo(fixture.path("entries/2026-11-25.md"), 0o644) == 0)
        let result = try fixture.run(["check", "--journal", fixture.path()])
        #expect(result.status == 0)
        #expect(result.stderr.contains("entries/2026-11-25.md: warning: a FIFO, not a regular file; not read"))
    }

    @Test func aTemplateOverTheCapIsRefused() throws {
        let fixture = try journal(["templates/big.md": String(repeating: "x", count: 256 * 1024 + 1)])
        let new = try fixture.run(["new", "big", "--no-edit", "--journal", fixture.path(), "--date", "2026-11-27"])
        #expect(new.status == 2)
        #expect(new.stderr.contains("larger than 256 KiB"))
    }

    // MARK: class 3: nothing raw reaches the terminal

    @Test func showsClosestSuggestionsAreEscaped() throws {
        let fixture = try journal([
            "entries/2026-11-21.md": "- [ ] Call li #commit 🆔 id\u{1B}]52;c;aGk=\u{07}x\n"
        ])
        let result = try fixture.run(["show", "2026-11-21#idx", "--journal", fixture.path()] + Self.asOf)
        #expect(result.status == 2)
        #expect(!hasRawControls(result.stderr + result.stdout), "\(result.stderr)")
    }

    @Test func fileNamesWithControlsAreEscapedInDiagnostics() throws {
        let fixture = try journal([
            "entries/2026-02-30-\(Self.payload).md": "x\n", "entries/2026-11-21-a\nb.md": "---\ntitle: x\n",
        ])
        let result = try fixture.run(["check", "--journal", fixture.path()])
        #expect(result.stderr.contains("impossible date"))
        #expect(result.stderr.contains("2026-11-21-a\\u{A}b.md"), "\(result.stderr)")
        #expect(!hasRawControls(result.stderr + result.stdout))
        let json = try fixture.run(["check", "--format", "json", "--journal", fixture.path()])
        #expect(!hasRawControls(json.stdout))
        #expect(json.stdout.contains("\\u001B"))
    }

    @Test func settingsArgumentsAndEnvironmentAreEscaped() throws {
        // YAML "\e" is ESC, "\a" is BEL, "\u202E" the override.
        let yaml = "entries: \"e\\e]52;c;aGk=\\a\\e[31m\\u202Ex\"\ntemplates: \"t\\e[31m\"\n"
        let fixture = try journal(["journal.yml": yaml])
        var outputs: [String] = []
        let new = try fixture.run(
            ["new", "--no-edit", "--journal", fixture.path(), "--date", "2026-11-27"],
            allowCreated: [
                "e\u{1B}]52;c;aGk=\u{07}\u{1B}[31m\u{202E}x", "e\u{1B}]52;c;aGk=\u{07}\u{1B}[31m\u{202E}x/2026",
                "e\u{1B}]52;c;aGk=\u{07}\u{1B}[31m\u{202E}x/2026/11",
                "e\u{1B}]52;c;aGk=\u{07}\u{1B}[31m\u{202E}x/2026/11/2026-11-27.md",
            ])
        #expect(new.status == 0, "\(new.stderr)")
        outputs += [new.stdout, new.stderr]
        let again = try fixture.run(["new", "--no-edit", "--journal", fixture.path(), "--date", "2026-11-27"])
        #expect(again.stderr.contains("already exists"))
        outputs += [again.stdout, again.stderr]
        let initResult = try fixture.run(
            ["init", fixture.path()],
            allowCreated: Set(
                ["t\u{1B}[31m"] + ["call-prep", "daily", "one-on-one", "weekly-mirror"].map { "t\u{1B}[31m/\($0).md" }))
        #expect(initResult.stdout.contains("created t\\u{1B}[31m/"), "\(initResult.stdout)")
        outputs += [initResult.stdout, initResult.stderr]
        let template = try fixture.run(["new", Self.payload, "--journal", fixture.path()])
        #expect(template.status == 2)
        outputs += [template.stdout, template.stderr]
        let missing = fixture.base.appendingPathComponent(Self.payload).path
        let environment = try fixture.run(["check"], environment: ["JOURNAL_DIR": missing])
        #expect(environment.status == 2)
        outputs += [environment.stdout, environment.stderr]
        let unknownOption = try fixture.run(["check", "--\(Self.payload)"])
        #expect(unknownOption.status == 2)
        outputs += [unknownOption.stdout, unknownOption.stderr]
        for output in outputs { #expect(!hasRawControls(output), "\(output)") }
    }

    @Test func theWorkingDirectoryInNoJournalFoundIsEscaped() throws {
        let fixture = try journal()
        let odd = fixture.base.appendingPathComponent(Self.payload)
        try FileManager.default.createDirectory(at: odd, withIntermediateDirectories: true)
        let result = try fixture.run(["check"], directory: odd)
        #expect(result.status == 2)
        #expect(result.stderr.contains("no journal found"))
        #expect(!hasRawControls(result.stderr))
    }

    // MARK: class 5: a failed write is an error

    @Test(arguments: [["review"], ["check", "--format", "json"], ["list"], ["templates"], ["--help"]])
    func aFullDiskIsOneLineAndExit2(_ command: [String]) throws {
        let fixture = try journal()
        let line = command.map { "'\($0)'" }.joined(separator: " ")
        let result = try Self.bash("\"$J\" \(line) --journal '\(fixture.path())' >/dev/full; echo \"status $?\"")
        #expect(result.output.hasSuffix("status 2\n"), "\(result.output)")
        #expect(result.output.contains("journal: error: cannot write to stdout: no space left on device"))
    }

    @Test func aClosedStdoutExits2BeforeOpeningAnything() throws {
        let fixture = try journal()
        for command in ["review", "new --no-edit --date 2026-11-27", "--version"] {
            let result = try Self.bash("\"$J\" \(command) --journal '\(fixture.path())' >&-; echo \"status $?\"")
            #expect(result.output.hasSuffix("status 2\n"), "\(command): \(result.output)")
            #expect(result.output.contains("stdout is closed"))
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.path("entries/2026/11/2026-11-27.md")))
    }

    @Test func aClosedPipeIsQuiet() throws {
        let fixture = try journal()
        let result = try Self.bash(
            "\"$J\" review --journal '\(fixture.path())' 2>&1 | head -c 1 >/dev/null; echo \"status ${PIPESTATUS[0]}\"")
        #expect(result.output == "status 0\n", "\(result.output)")
    }

    @Test func aSmallNonBlockingPipeGetsEveryByte() throws {
        var files: [String: String] = [:]
        for i in 0..<60 {
            files["entries/2026/10/2026-10-\(String(format: "%02d", 1 + i % 28))-n\(i).md"] = (0..<40).map {
                "- [ ] Task \(i) item \($0) for @ana by Friday #commit\n"
            }.joined()
        }
        let fixture = try journal(files)
        let expected = try fixture.run(["list", "--format", "json", "--journal", fixture.path()] + Self.asOf)
        #expect(expected.stdout.utf8.count > 500_000)

        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        _ = fcntl(fds[1], 1031, 4096)  // F_SETPIPE_SZ: the smallest pipe
        _ = fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK)
        let process = Process()
        process.executableURL = JournalProcess.binary
        process.arguments = ["list", "--format", "json", "--journal", fixture.path()] + Self.asOf
        process.environment = [
            "PATH": "/usr/bin:/bin", "TERM": "dumb", "HOME": fixture.home.path, "JOURNAL_NO_INDEX": "1",
        ]
        process.standardOutput = FileHandle(fileDescriptor: fds[1], closeOnDealloc: false)
        process.standardError = FileHandle.nullDevice
        try process.run()
        close(fds[1])
        usleep(300_000)  // let the pipe fill while nobody reads
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(fds[0], &buffer, buffer.count)
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        close(fds[0])
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(received.count == expected.stdout.utf8.count)
    }

    // MARK: class 6: nothing dropped without a word

    @Test func aFileNameThatIsNotUTF8IsWarnedWithEscapes() throws {
        let fixture = try journal()
        let name = Array(fixture.path("entries/2026-11-25-caf").utf8) + [0xE9] + Array(".md".utf8)
        let created = name.withUnsafeBufferPointer { buffer -> Int32 in
            let cString = buffer.map { CChar(bitPattern: $0) } + [0]
            return creat(cString, 0o644)
        }
        #expect(created >= 0)
        close(created)
        // The snapshot cannot name such a file, so this runs without it.
        let result = try JournalProcess.run(["check", "--journal", fixture.path()])
        _ = name.withUnsafeBufferPointer { buffer in unlink(buffer.map { CChar(bitPattern: $0) } + [0]) }
        #expect(
            result.stderr.contains("entries/2026-11-25-caf\\xE9.md: warning: file name is not valid UTF-8"),
            "\(result.stderr)")
    }

    @Test func writingCommandsRefuseAJournalYmlWithErrors() throws {
        for yaml in ["entires: notes\n", "entries: [unclosed\n"] {
            let fixture = try journal(["journal.yml": yaml])
            let result = try fixture.run(["new", "--no-edit", "--journal", fixture.path(), "--date", "2026-11-27"])
            #expect(result.status == 2, "\(result.stderr)")
            #expect(result.stderr.contains("journal.yml:"))
            #expect(result.stderr.contains("journal.yml has errors; fix them first"))
            // Read commands keep applying the valid keys.
            let review = try fixture.run(["review", "--journal", fixture.path()] + Self.asOf)
            #expect(review.status == 1)
        }
    }

    @Test(.enabled(if: Self.hasScript)) func anEditorThatDeletesTheEntryIsSaid() throws {
        let fixture = try journal()
        let command = [JournalProcess.binary.path, "new", "--journal", fixture.path(), "--date", "2026-11-27"]
            .map { "'\($0)'" }.joined(separator: " ")
        let result = try HostileInputTests.runRaw(
            "/usr/bin/script", ["-qec", command, "/dev/null"], environment: ["EDITOR": "rm", "VISUAL": "rm"])
        #expect(result.status == 0)
        #expect(result.output.contains("is gone: the editor removed it"), "\(result.output)")
        #expect(!result.output.contains("0 commitments made"))
    }
}
