import ArgumentParser
import JournalKit

extension JournalCommand {
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start an entry from a prompt template and open it in your editor.",
            discussion: """
                The entry goes to <entries>/YYYY/MM/YYYY-MM-DD[-TEMPLATE][-NAME].md (the daily \
                template has no suffix), prefilled with the commitments still open as of its date. \
                An entry that already exists is opened as it is: never overwritten, never appended to. \
                A --date after today is allowed, with a note on stderr.

                The editor is $VISUAL (unless TERM is dumb), then $EDITOR, then vi. Without a \
                terminal on stdin and stdout, no editor is started and the path is printed.

                When the editor exits 0 and the entry this run created is exactly as it was \
                written (same file, size, modification time and bytes), nobody wrote in it: it is \
                removed, with the YYYY/MM folders this run created if they are empty again. \
                --keep keeps it; --no-edit always keeps it. An entry that already existed is never \
                removed. An editor that returns at once (code without --wait) sees the file \
                removed; saving it there later creates it again.

                Exit status: 0 ok; 1 the template or the finished entry has errors; 2 usage or \
                environment error, including an editor that fails (the entry is kept), journal.yml \
                with errors (nothing is created) and a failed write to stdout; a closed pipe ends \
                output quietly.
                """
        )

        @OptionGroup var options: JournalOptions

        @Argument(
            help: "Template name (default: the journal's default-template, normally daily).",
            completion: .custom(Completions.templates))
        var template: String?

        @Option(help: "The entry's date, to back-fill or plan ahead: \(DateArgument.acceptedForms).")
        var date: String?

        @Option(name: .customLong("with"), help: "The person the entry is about, as in @NAME.")
        var person: String?

        @Option(help: "The entry's title (default: the template's).")
        var title: String?

        @Flag(name: .customLong("no-edit"), help: "Create the entry and print its path; start no editor.")
        var noEdit = false

        @Flag(help: "Print the rendered entry to stdout and create nothing.")
        var print = false

        @Flag(help: "Keep the new entry even when the editor leaves it exactly as it was written.")
        var keep = false

        func validate() throws {
            _ = try DateOption.parse(date, name: "--date")
            if noEdit && print { throw ValidationError("--no-edit and --print cannot be used together") }
            if let person, NewEntry.person(person) == nil {
                throw ValidationError(
                    "--with '\(person)' is not a name; use letters, digits, '-', '_' or '.', as after @ in a mention")
            }
        }

        func run() throws {
            let root = try options.locate()
            let day = try DateOption.parse(date, name: "--date") ?? DateOption.today
            if day > DateOption.today {
                Output.errorLine("note: \(day) is in the future; the entry is dated then")
            }
            let journal = options.load(root: root)
            // A command that writes must know where and how: with journal.yml's errors it
            // would write to the default folder with the default template.
            let settingsErrors = journal.diagnostics.filter(Config.isSettingsError)
            if !settingsErrors.isEmpty {
                Output.diagnostics(settingsErrors, color: options.colorEnabled(for: 2))
                Output.error("\(Config.fileName) has errors; fix them first (nothing was created)")
                throw ExitCode(2)
            }
            let library = TemplateLibrary(root: root, config: journal.config)
            let name = template ?? journal.config.defaultTemplate
            let prompt: PromptTemplate
            do {
                prompt = try library.resolve(name)
            } catch {
                Output.error(error.description)
                throw ExitCode(2)
            }
            let person = self.person.flatMap(NewEntry.person)
            let relative = NewEntry.path(config: journal.config, date: day, template: name, person: person)
            let path = "\(root)/\(relative)"

            if print {
                let rendered = try render(prompt, journal: journal, day: day, relative: relative, person: person)
                Output.print(TerminalText.escapeLines(rendered))
                return
            }
            // Held open from creation through the editor run, to tell afterwards whether anyone
            // wrote in it; nil for an entry that already existed, which is never removed.
            var created: CreatedFile?
            var folders: [CreatedFolder] = []
            if FileReader.exists(path) {
                Output.errorLine("\(relative) already exists; opening it as it is")
            } else {
                let text = try render(prompt, journal: journal, day: day, relative: relative, person: person)
                do {
                    folders = try SafeFileWriter.createMissingFolders(
                        String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]))
                    created = try SafeFileWriter().createAndHold(path, bytes: Array(text.utf8))
                    if created == nil {
                        Output.errorLine("\(relative) was created by someone else just now; opening it as it is")
                    }
                } catch {
                    _ = UnchangedFileRemover().removeEmptyFolders(folders)
                    Output.error(error.description)
                    throw ExitCode(2)
                }
            }
            if noEdit || !EditorLauncher.hasTerminal {
                Output.print(path + "\n")
                return
            }
            let environment = Process.environment
            let editor = EditorCommand.editor(environment: environment)
            do {
                try EditorLauncher.run(EditorCommand(editor: editor, file: path), environment: environment)
            } catch {
                Output.error("\(error); the entry is kept at \(path)")
                throw ExitCode(2)
            }
            if let created, !keep {
                let outcome: UnchangedFileRemover.Outcome
                do {
                    outcome = try UnchangedFileRemover().removeIfUnchanged(created, folders: folders)
                } catch {
                    Output.error("\(error); the entry is kept at \(path)")
                    throw ExitCode(2)
                }
                if case .removed = outcome {
                    Output.errorLine(
                        TerminalText.escape("\(relative) left unchanged; not kept (use --keep to keep it)"))
                    return
                }
            }
            try summarize(root: root, relative: relative)
        }

        func render(_ prompt: PromptTemplate, journal: Journal, day: Day, relative: String, person: String?) throws
            -> String
        {
            let request = TemplateRequest(date: day, entryPath: relative, title: title, person: person)
            do {
                return try TemplateRenderer(journal: journal).render(prompt, request)
            } catch {
                Output.error(error.description)
                throw ExitCode(prompt.source == .journal ? 1 : 2)
            }
        }

        /// One line on what the entry adds, then check's findings for that file alone.
        func summarize(root: String, relative: String) throws {
            let journal = options.load(root: root)
            let entry = journal.entries.first { $0.path == relative }
            if entry == nil, !FileReader.exists("\(root)/\(relative)") {
                Output.errorLine("\(relative) is gone: the editor removed it; nothing was recorded")
                return
            }
            let made = entry?.commitments.count ?? 0
            // Decisions, and `[ ]` lines with something written after their link; a prefilled
            // line left alone records nothing.
            let recorded = entry?.followUps.count(where: journal.ledger.records) ?? 0
            Output.print(
                "\(Plural.count(made, "commitment")) made, \(Plural.count(recorded, "follow-up")) recorded\n")
            let diagnostics = CheckReport(journal: journal).diagnostics.filter { $0.path == relative }
            Output.diagnostics(diagnostics, color: options.colorEnabled(for: 2))
            if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
        }
    }
}
