import ArgumentParser
import JournalKit

extension JournalCommand {
    struct Templates: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the prompt templates 'journal new' can use.",
            discussion: """
                A name resolves to the journal's templates/NAME.md first, then to the built-in \
                template of that name. Each line shows the name, where it comes from (journal or \
                built-in) and its title.

                Exit status: 0 ok; 1 a template has a mustache error or cannot be used; 2 usage error.
                """
        )

        @OptionGroup var options: JournalOptions

        func run() throws {
            let root = try options.locate()
            let journal = Journal.load(root: root)
            let (templates, problems) = TemplateLibrary(root: root, config: journal.config).list()
            var findings = problems
            let width = templates.map(\.name.count).max() ?? 0
            for template in templates {
                let name = template.name.padding(to: width)
                let source = template.source.rawValue.padding(to: 8)
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

        static func diagnostic(_ error: TemplateError, path: String) -> Diagnostic {
            if case .syntax(let path, let line, let column, let problem) = error {
                return Diagnostic(path: path, line: line, column: column, severity: .error, message: problem)
            }
            return Diagnostic(path: path, severity: .error, message: error.description)
        }
    }
}
