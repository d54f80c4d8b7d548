import Testing

@testable import JournalKit

/// A small journal at a fixed date: one missed, one stale, two open and one kept commitment.
enum TemplateFixture {
    static let files: [(path: String, text: String)] = [
        (
            "entries/2026/10/2026-10-20.md",
            """
            - [ ] Review @li's territory plan with her #commit
            """
        ),
        (
            "entries/2026/11/2026-11-16-weekly-mirror.md",
            """
            ---
            template: weekly-mirror
            ---

            ## Commitments

            - [ ] Call @ana about the Q4 pipeline by Nov 20 #pipeline
            - [ ] Log my own calls in the CRM the same day #crm
            """
        ),
        (
            "entries/2026/11/2026-11-19-one-on-one-ana.md",
            """
            - [ ] Get @ana a seat on the negotiation course by Dec 4 #commit #coaching
            - [x] Send @tom the pricing sheet #commit
            """
        ),
    ]

    static var entries: [Entry] {
        files.compactMap { file in
            let name = file.path.split(separator: "/").last.map(String.init) ?? ""
            return parseEntry(file.text, stem: String(name.dropLast(3)), path: file.path).entry
        }
    }

    static var renderer: TemplateRenderer {
        TemplateRenderer(entries: entries, config: Config(), journalName: "northeast")
    }

    static let date = day("2026-11-23")

    static func builtIn(_ name: String) -> PromptTemplate {
        PromptTemplate(
            name: name, source: .builtIn, path: "built-in:\(name).md", text: BuiltInTemplates.all[name] ?? "")
    }
}
