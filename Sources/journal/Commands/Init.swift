import ArgumentParser
import JournalKit

extension JournalCommand {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a journal: journal.yml, entries/ and templates/ with the built-ins to customise.",
            discussion: """
                Creates only what is missing and never overwrites: running it again on a journal \
                names what already existed and leaves it as it was.

                Exit status: 0 ok; 2 when something cannot be created, when an existing journal.yml \
                has errors, or when a write to stdout fails (a closed pipe ends output quietly).
                """
        )

        @Argument(help: "The journal folder (default: the current folder).", completion: .directory)
        var directory: String?

        func run() throws {
            let root = JournalLocator.absolute(directory ?? ".", from: Process.workingDirectory)
            var created: [String] = []
            var existed: [String] = []
            // An existing journal.yml decides where entries and templates live; with errors
            // it cannot say, so nothing is created.
            let (config, problems) = Config.load(root: root)
            let errors = problems.filter(Config.isSettingsError)
            if !errors.isEmpty {
                Output.diagnostics(errors, color: false)
                Output.error("\(Config.fileName) has errors; fix them first, nothing was created")
                throw ExitCode(2)
            }
            do {
                if try SafeFileWriter.createFolders(root) { created.append(root + "/") }
                let writer = SafeFileWriter()
                func file(_ relative: String, _ text: String) throws(JournalError) {
                    let outcome = try writer.create("\(root)/\(relative)", bytes: Array(text.utf8))
                    if outcome == .created { created.append(relative) } else { existed.append(relative) }
                }
                func folder(_ relative: String) throws(JournalError) {
                    let isNew = try SafeFileWriter.createFolders("\(root)/\(relative)")
                    if isNew { created.append(relative + "/") } else { existed.append(relative + "/") }
                }
                try file(Config.fileName, JournalSkeleton.configText)
                try folder(config.entries)
                try folder(config.templates)
                for name in BuiltInTemplates.names {
                    try file("\(config.templates)/\(name).md", BuiltInTemplates.all[name] ?? "")
                }
            } catch {
                Output.error("\(error)")
                throw ExitCode(2)
            }
            for path in created { Output.print("created \(path)\n") }
            if !existed.isEmpty {
                Output.print("already existed, left as it was: \(existed.joined(separator: ", "))\n")
            }
            if created.isEmpty { Output.print("nothing to do: \(root) is already a journal\n") }
            let flag = directory.map { " --journal \(Self.shellQuoted($0))" } ?? ""
            Output.print("next: journal new weekly-mirror\(flag)\n")
        }

        /// `value` as one shell word, for a command the user can paste.
        static func shellQuoted(_ value: String) -> String {
            let plain = value.allSatisfy { $0.isLetter || $0.isNumber || "-_./~+".contains($0) }
            return plain && !value.isEmpty ? value : "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
    }
}
