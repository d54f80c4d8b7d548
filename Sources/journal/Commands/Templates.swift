import ArgumentParser
import JournalKit

extension JournalCommand {
    struct Templates: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the prompt templates 'journal new' can use.",
            discussion: """
                A name resolves to the journal's templates/NAME.md first, then to the built-in \
                template of that name. Each line shows the name, where it comes from (journal or \
                built-in) and its title. A journal file named like a built-in whose text differs \
                from the current built-in is shown as "journal (outdated copy of the built-in)": \
                it wins, so it lacks what the built-in has gained; delete it to use the built-in.

                Exit status: 0 ok; 1 a template has a mustache error or cannot be used; 2 usage or environment
                error, including a failed write to stdout; a closed pipe ends output quietly.
                """
        )

        @OptionGroup var options: JournalOptions

        func run() throws {
            // Outside any journal (no --journal, no JOURNAL_DIR, no journal.yml above) the
            // built-ins are still worth listing.
            let environment = Process.environment
            let root: String?
            if options.journal == nil, environment["JOURNAL_DIR"] == nil,
                (try? JournalLocator.locate(
                    explicit: nil, environment: environment, workingDirectory: Process.workingDirectory)) == nil
            {
                root = nil
            } else {
                root = try options.locate()
            }
            let config = root.map { Journal.load(root: $0).config } ?? Config()
            let library = TemplateLibrary(root: root ?? "/nonexistent-journal", config: config)
            let (templates, problems) = library.list()
            var findings = problems
            let width = templates.map(\.name.count).max() ?? 0
            let sources = templates.map { Self.source(of: $0, in: library) }
            let sourceWidth = sources.map(\.count).max() ?? 0
            for (template, source) in zip(templates, sources) {
                let name = template.name.padding(to: width)
                let source = source.padding(to: sourceWidth)
                Output.print(TerminalText.escape("\(name)  \(source)  \(template.displayTitle ?? "")") + "\n")
                do {
                    try TemplateRenderer.validate(template)
                } catch {
                    findings.append(Self.diagnostic(error, path: template.path))
                }
            }
            Output.diagnostics(findings.sorted(), color: options.colorEnabled(for: 2))
            if !findings.isEmpty { throw ExitCode.failure }
        }

        /// `built-in`, `journal`, or `journal (outdated copy of the built-in)`.
        static func source(of template: PromptTemplate, in library: TemplateLibrary) -> String {
            library.isOutdatedCopy(template) ? "journal (outdated copy of the built-in)" : template.source.rawValue
        }

        static func diagnostic(_ error: TemplateError, path: String) -> Diagnostic {
            if case .syntax(let path, let line, let column, let problem) = error {
                return Diagnostic(path: path, line: line, column: column, severity: .error, message: problem)
            }
            return Diagnostic(path: path, severity: .error, message: error.description)
        }
    }
}
