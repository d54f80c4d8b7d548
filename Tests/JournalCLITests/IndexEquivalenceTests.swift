import Foundation
import PropertyBased
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The index never changes an answer: random edits to a copy of journal-example, and after each
/// one `review --format json` and `check` give the same stdout and status with the index as with
/// `--no-index`, and the same stderr but for the index's own notes.
@Suite(.serialized, .timeLimit(.minutes(5))) struct IndexEquivalenceTests {
    static let seed: (UInt64, UInt64, UInt64, UInt64) = (0x6A6F_7572_6E61_6C13, 0x1D3C_5EED, 0xC0FF_EE00_0013, 42)
    static let steps = 40

    static var example: String {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/JournalCLITests/<file>
        return parts.joined(separator: "/") + "/journal-example"
    }

    /// A copy of journal-example and the cache its index goes in.
    final class Sandbox {
        let base: String
        var journal: String { "\(base)/journal" }
        var cache: String { "\(base)/cache" }

        init() throws {
            base =
                FileManager.default.temporaryDirectory.appendingPathComponent("journal-index-\(UUID().uuidString)")
                .resolvingSymlinksInPath().path
            try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: IndexEquivalenceTests.example, toPath: journal)
        }

        deinit { try? FileManager.default.removeItem(atPath: base) }

        /// Entry files (and symlinks to them), relative to the journal, sorted.
        var entries: [String] {
            let enumerator = FileManager.default.enumerator(atPath: journal)
            var result: [String] = []
            while let path = enumerator?.nextObject() as? String {
                if path.hasSuffix(".md") { result.append(path) }
            }
            return result.sorted()
        }
    }

    static func withoutIndexNotes(_ stderr: String) -> String {
        stderr.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("note: the index") }
            .joined(separator: "\n")
    }

    /// Runs each command with the index (racy window as given) and without, and compares.
    static func expectSame(_ sandbox: Sandbox, step: String, racySeconds: Int) throws {
        let asOf = ["--as-of", "2026-11-27"]
        for command in [["review", "--format", "json"] + asOf, ["check"]] {
            let arguments = command + ["--journal", sandbox.journal]
            let indexed = try JournalProcess.run(
                arguments,
                environment: ["XDG_CACHE_HOME": sandbox.cache, "JOURNAL_INDEX_RACY_SECONDS": String(racySeconds)])
            let plain = try JournalProcess.run(arguments + ["--no-index"])
            #expect(indexed.stdout == plain.stdout, "\(step): \(command[0]) stdout differs")
            #expect(indexed.status == plain.status, "\(step): \(command[0]) status differs")
            #expect(withoutIndexNotes(indexed.stderr) == plain.stderr, "\(step): \(command[0]) stderr differs")
        }
    }

    static func setTimes(_ path: String, seconds: Int, nanoseconds: Int = 0) {
        var times = [timespec(tv_sec: seconds, tv_nsec: nanoseconds), timespec(tv_sec: seconds, tv_nsec: nanoseconds)]
        _ = utimensat(AT_FDCWD, path, &times, AT_SYMLINK_NOFOLLOW)
    }

    @Test func randomEditsGiveTheSameAnswerWithTheIndexAsWithout() throws {
        print("IndexEquivalenceTests seed: \(Self.seed)")
        var rng = Xoshiro(seed: Self.seed)
        let sandbox = try Sandbox()
        try Self.expectSame(sandbox, step: "start", racySeconds: 0)
        try Self.expectSame(sandbox, step: "start, warm", racySeconds: 0)
        let kinds = Gen.int(in: 0...9)
        let pick = Gen.int(in: 0...10_000)
        let people = Gen.element(of: ["ana", "li", "tom", "maria", "dana"])
        for step in 0..<Self.steps {
            let entries = sandbox.entries
            let chosen = entries[pick.run(using: &rng) % entries.count]
            let path = "\(sandbox.journal)/\(chosen)"
            let person = people.run(using: &rng) ?? "ana"
            let day = 1 + pick.run(using: &rng) % 28
            let fresh = "entries/2026/12/2026-12-\(day < 10 ? "0" : "")\(day)-added-\(step).md"
            var description: String
            switch kinds.run(using: &rng) {
            case 0:
                description = "modify \(chosen)"
                let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
                try (text.replacingOccurrences(of: "[ ]", with: "[x]", options: [], range: nil) + "\nEdited.\n")
                    .write(toFile: path, atomically: false, encoding: .utf8)
            case 1:
                description = "append to \(chosen)"
                let handle = try #require(FileHandle(forWritingAtPath: path))
                try handle.seekToEnd()
                try handle.write(contentsOf: Data("\n- [ ] Call @\(person) by 2026-12-0\(day % 9 + 1) #commit\n".utf8))
                try handle.close()
            case 2:
                description = "same-size rewrite of \(chosen) within the same second"
                var info = stat()
                _ = stat(path, &info)
                var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
                if let open = bytes.indices.dropLast(2).first(where: { bytes[$0] == 0x5B && bytes[$0 + 2] == 0x5D }) {
                    bytes[open + 1] = bytes[open + 1] == 0x20 ? 0x78 : 0x20
                } else if !bytes.isEmpty {
                    bytes[0] = bytes[0] == 0x23 ? 0x2D : 0x23
                }
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                Self.setTimes(path, seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec))
            case 3:
                description = "rename \(chosen) to \(fresh)"
                try FileManager.default.createDirectory(
                    atPath: "\(sandbox.journal)/entries/2026/12", withIntermediateDirectories: true)
                if !FileManager.default.fileExists(atPath: "\(sandbox.journal)/\(fresh)") {
                    try FileManager.default.moveItem(atPath: path, toPath: "\(sandbox.journal)/\(fresh)")
                }
            case 4:
                description = "delete \(chosen)"
                if entries.count > 3 { try FileManager.default.removeItem(atPath: path) }
            case 5:
                description = "add \(fresh)"
                try FileManager.default.createDirectory(
                    atPath: "\(sandbox.journal)/entries/2026/12", withIntermediateDirectories: true)
                try
                    "- [ ] Send @\(person) the notes #commit\n- [x] [[\((chosen as NSString).lastPathComponent.dropLast(3))]] followed up\n"
                    .write(toFile: "\(sandbox.journal)/\(fresh)", atomically: true, encoding: .utf8)
            case 6:
                description = "symlink \(fresh) to \(chosen)"
                try FileManager.default.createDirectory(
                    atPath: "\(sandbox.journal)/entries/2026/12", withIntermediateDirectories: true)
                _ = try? FileManager.default.createSymbolicLink(
                    atPath: "\(sandbox.journal)/\(fresh)", withDestinationPath: path)
            case 7:
                let settings = [
                    "stale-after-days: 14\n", "stale-after-days: 7\n", "commitment-tag: promise\n",
                    "commitments: all-tasks\n", "# only a comment\nstale-after-days: 14\n",
                ]
                let text = settings[pick.run(using: &rng) % settings.count]
                description = "journal.yml: \(text.debugDescription)"
                try text.write(toFile: "\(sandbox.journal)/journal.yml", atomically: false, encoding: .utf8)
            case 8:
                let future = pick.run(using: &rng) % 2 == 0
                description = "clock skew: \(chosen) stamped \(future ? "next year" : "in 2001")"
                Self.setTimes(path, seconds: future ? Int(time(nil)) + 365 * 86_400 : 978_307_200)
            default:
                description = "nothing"
            }
            // Mostly with the racy window off, so the index serves records; sometimes with the real one.
            let racy = step % 5 == 4 ? 2 : 0
            try Self.expectSame(sandbox, step: "step \(step): \(description)", racySeconds: racy)
        }
    }

    @Test func aCorruptIndexIsNotedOnceAndTheOutputIsUnchanged() throws {
        let sandbox = try Sandbox()
        let env = ["XDG_CACHE_HOME": sandbox.cache, "JOURNAL_INDEX_RACY_SECONDS": "0"]
        let arguments = ["review", "--format", "json", "--as-of", "2026-11-27", "--journal", sandbox.journal]
        let expected = try JournalProcess.run(arguments + ["--no-index"])
        _ = try JournalProcess.run(arguments, environment: env)
        let folder = try #require(
            FileManager.default.contentsOfDirectory(atPath: "\(sandbox.cache)/journal").first)
        let database = "\(sandbox.cache)/journal/\(folder)/index.sqlite"
        for name in try FileManager.default.contentsOfDirectory(atPath: "\(sandbox.cache)/journal/\(folder)")
        where name != "index.sqlite" {
            try FileManager.default.removeItem(atPath: "\(sandbox.cache)/journal/\(folder)/\(name)")
        }
        try Data("scribbled over by something else entirely".utf8).write(to: URL(fileURLWithPath: database))
        let damaged = try JournalProcess.run(arguments, environment: env)
        #expect(damaged.stdout == expected.stdout)
        #expect(damaged.status == expected.status)
        #expect(damaged.stderrLines.filter { $0.hasPrefix("note: the index") }.count == 1, "\(damaged.stderr)")
        let healed = try JournalProcess.run(arguments, environment: env)
        #expect(healed.stdout == expected.stdout)
        #expect(healed.stderr == expected.stderr)
    }

    @Test func concurrentRunsAgreeAndLeaveAnIndexTheNextRunTrusts() throws {
        let sandbox = try Sandbox()
        let env = ["XDG_CACHE_HOME": sandbox.cache, "JOURNAL_INDEX_RACY_SECONDS": "0"]
        let arguments = ["review", "--format", "json", "--as-of", "2026-11-27", "--journal", sandbox.journal]
        let expected = try JournalProcess.run(arguments + ["--no-index"])
        let outputs = UnsafeMutableBufferPointer<String>.allocate(capacity: 8)
        outputs.initialize(repeating: "")
        defer { outputs.deallocate() }
        nonisolated(unsafe) let slots = outputs
        let journal = sandbox.journal
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            if i % 2 == 1 {
                // Half the runs also change an entry, so several processes write at once.
                let path = "\(journal)/entries/2026/12/2026-12-0\(i)-added.md"
                try? FileManager.default.createDirectory(
                    atPath: "\(journal)/entries/2026/12", withIntermediateDirectories: true)
                try? "Prose only.\n".write(toFile: path, atomically: true, encoding: .utf8)
            }
            let result = try? JournalProcess.run(arguments, environment: env)
            slots[i] = (result?.stderr ?? "failed").contains("note: the index") ? "note" : "ok"
        }
        #expect(Array(outputs) == Array(repeating: "ok", count: 8))
        let after = try JournalProcess.run(arguments + ["--no-index"])
        let warm = try JournalProcess.run(arguments, environment: env)
        #expect(warm.stdout == after.stdout)
        #expect(warm.stderr == after.stderr, "no note: the index is healthy")
        #expect(expected.status == warm.status)
    }

    @Test func rebuildIndexAndNoIndexAreOptionsOfCheck() throws {
        let sandbox = try Sandbox()
        let env = ["XDG_CACHE_HOME": sandbox.cache]
        let rebuilt = try JournalProcess.run(
            ["check", "--rebuild-index", "--journal", sandbox.journal], environment: env)
        let plain = try JournalProcess.run(["check", "--no-index", "--journal", sandbox.journal], environment: env)
        #expect(rebuilt.status == plain.status)
        #expect(rebuilt.stderr == plain.stderr)
        let both = try JournalProcess.run(["check", "--rebuild-index", "--no-index", "--journal", sandbox.journal])
        #expect(both.status == 2)
        #expect(FileManager.default.fileExists(atPath: "\(sandbox.cache)/journal"))
        let off = try Sandbox()
        _ = try JournalProcess.run(
            ["review", "--journal", off.journal], environment: ["XDG_CACHE_HOME": off.cache, "JOURNAL_NO_INDEX": "1"])
        _ = try JournalProcess.run(
            ["list", "--no-index", "--journal", off.journal], environment: ["XDG_CACHE_HOME": off.cache])
        #expect(!FileManager.default.fileExists(atPath: "\(off.cache)/journal"), "turned off, nothing is written")
    }
}

/// Where the index cannot be written, journal works exactly as without one.
@Suite struct IndexEnvironmentTests {
    @Test(.enabled(if: UnprivilegedUserTests.available, "needs setpriv and root; skipped"))
    func nobodyWithNoWritableHomeWorksWithoutAnIndex() throws {
        let sandbox = try UnprivilegedUserTests.Sandbox([
            "journal.yml": "entries: entries\n", "entries/2026-11-20.md": UnprivilegedUserTests.good,
        ])
        func run(_ extra: [String], _ environment: [String: String]) throws -> (status: Int32, output: String) {
            try HostileInputTests.runRaw(
                UnprivilegedUserTests.setpriv,
                ["--reuid=nobody", "--regid=nogroup", "--clear-groups", sandbox.binary, "review", "--format", "json"]
                    + ["--as-of", "2026-11-27", "--journal", sandbox.journal] + extra,
                environment: environment)
        }
        let plain = try run(["--no-index"], ["HOME": "/nonexistent"])
        for environment in [
            ["HOME": "/nonexistent", "JOURNAL_NO_INDEX": ""],
            ["HOME": "/", "JOURNAL_NO_INDEX": ""],
            ["HOME": "/nonexistent", "XDG_CACHE_HOME": "/proc/forbidden", "JOURNAL_NO_INDEX": ""],
        ] {
            let indexed = try run([], environment)
            #expect(indexed.status == plain.status, "\(environment)")
            #expect(indexed.output == plain.output, "\(environment)")
        }
        #expect(plain.status == 0, "\(plain.output)")
    }

    @Test func theIndexIsPrivateUnderUmask000() throws {
        let fixture = try FixtureJournal([
            "journal.yml": "entries: entries\n", "entries/2026-11-20.md": "- [ ] Call @ana #commit\n",
        ])
        let cache = fixture.base.appendingPathComponent("cache").path
        let result = try HostileInputTests.runRaw(
            "/bin/sh",
            ["-c", "umask 000; exec \"$0\" check --journal \"$1\"", JournalProcess.binary.path, fixture.path()],
            environment: ["XDG_CACHE_HOME": cache, "JOURNAL_NO_INDEX": ""])
        #expect(result.status == 0, "\(result.output)")
        let folders = try FileManager.default.contentsOfDirectory(atPath: "\(cache)/journal")
        #expect(folders.count == 1)
        var checked = 0
        for folder in ["\(cache)/journal", "\(cache)/journal/\(folders[0])"] {
            var info = stat()
            #expect(stat(folder, &info) == 0 && info.st_mode & 0o777 == 0o700, "\(folder)")
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: "\(cache)/journal/\(folders[0])") {
            var info = stat()
            #expect(
                stat("\(cache)/journal/\(folders[0])/\(name)", &info) == 0 && info.st_mode & 0o777 == 0o600, "\(name)")
            checked += 1
        }
        #expect(checked >= 1)
    }
}
