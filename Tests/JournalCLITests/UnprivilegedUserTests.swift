import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Issue 10, class 6, as a user permissions apply to: root reads everything, so these run the
/// binary as `nobody` with setpriv, from a world-readable copy of it and of the fixture.
@Suite(.timeLimit(.minutes(1))) struct UnprivilegedUserTests {
    static let setpriv = "/usr/bin/setpriv"
    static let available = FileManager.default.isExecutableFile(atPath: setpriv) && getuid() == 0

    /// A world-readable folder holding a copy of the binary and a journal.
    final class Sandbox {
        let base: String
        var binary: String { "\(base)/journal" }
        var journal: String { "\(base)/j" }

        init(_ files: [String: String]) throws {
            base = "/tmp/journal-nobody-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
            chmod(base, 0o755)
            try FileManager.default.copyItem(atPath: JournalProcess.binary.path, toPath: binary)
            chmod(binary, 0o755)
            for (path, text) in files {
                let url = URL(fileURLWithPath: "\(journal)/\(path)")
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            _ = try HostileInputTests.runRaw("/bin/chmod", ["-R", "a+rX", journal], environment: [:])
        }

        deinit {
            _ = try? HostileInputTests.runRaw("/bin/chmod", ["-R", "u+rwX", base], environment: [:])
            try? FileManager.default.removeItem(atPath: base)
        }

        func runAsNobody(_ arguments: [String]) throws -> (status: Int32, output: String) {
            try HostileInputTests.runRaw(
                UnprivilegedUserTests.setpriv,
                ["--reuid=nobody", "--regid=nogroup", "--clear-groups", binary] + arguments,
                environment: ["HOME": base])
        }
    }

    static let good = "- [ ] Call @ana about the renewal by 2026-12-04 #commit\n"

    @Test(.enabled(if: available, "needs setpriv and root; skipped"))
    func aFolderThatListsButCannotBeSearchedIsAnError() throws {
        let sandbox = try Sandbox([
            "journal.yml": "entries: entries\n", "entries/2026-11-20.md": Self.good,
            "entries/locked/2026-11-21.md": Self.good, "entries/locked/2026-11-22.md": Self.good,
        ])
        chmod("\(sandbox.journal)/entries/locked", 0o644)
        let result = try sandbox.runAsNobody(["check", "--journal", sandbox.journal])
        #expect(result.status == 1, "\(result.output)")
        #expect(
            result.output.contains("entries/locked: error: cannot read folder: permission denied (2 names not read)"),
            "\(result.output)")
    }

    @Test(.enabled(if: available, "needs setpriv and root; skipped"))
    func anUnreadableNamedTemplateIsAnError() throws {
        let sandbox = try Sandbox([
            "journal.yml": "entries: entries\n", "templates/daily.md": "# Mine\n", "entries/2026-11-20.md": Self.good,
        ])
        for mode: mode_t in [0o000, 0o644] {
            chmod("\(sandbox.journal)/templates", mode)
            let result = try sandbox.runAsNobody([
                "new", "--print", "--journal", sandbox.journal, "--date", "2026-11-27",
            ])
            #expect(result.status == 2, "\(result.output)")
            #expect(
                result.output.contains("cannot read template templates/daily.md: permission denied"), "\(result.output)"
            )
            let listed = try sandbox.runAsNobody(["templates", "--journal", sandbox.journal])
            #expect(listed.status == 1, "\(listed.output)")
            #expect(listed.output.contains("cannot read"), "\(listed.output)")
        }
    }

    @Test(.enabled(if: available, "needs setpriv and root; skipped"))
    func anUnreadableJournalYmlStopsNew() throws {
        let sandbox = try Sandbox(["journal.yml": "entries: notes\n", "notes/2026-11-20.md": Self.good])
        chmod("\(sandbox.journal)/journal.yml", 0o000)
        let new = try sandbox.runAsNobody(["new", "--print", "--journal", sandbox.journal, "--date", "2026-11-27"])
        #expect(new.status == 2, "\(new.output)")
        #expect(new.output.contains("journal.yml: error: cannot read: permission denied"), "\(new.output)")
        let check = try sandbox.runAsNobody(["check", "--journal", sandbox.journal])
        #expect(check.status == 1)
    }
}
