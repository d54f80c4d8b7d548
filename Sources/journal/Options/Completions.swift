import ArgumentParser
import JournalKit

/// Shell completion candidates read from the journal the command line names (`--journal`, else
/// `JOURNAL_DIR`, else the nearest journal.yml). Any failure completes nothing: a Tab press must
/// never print an error into the user's prompt.
enum Completions {
    /// References of the commitments that can still be acted on: open, missed and stale.
    @Sendable static func references(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        guard let journal = journal(words) else { return [] }
        return journal.ledger.statuses(asOf: DateOption.today, staleAfterDays: journal.config.staleAfterDays)
            .filter { [.open, .missed, .stale].contains($0.status) }.map(\.reference.description)
            .filter { $0.hasPrefix(prefix) }
    }

    @Sendable static func people(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        names(words, prefix) { $0.people }
    }

    @Sendable static func tags(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        names(words, prefix) { $0.tags }
    }

    /// The journal's own templates and the built-ins.
    @Sendable static func templates(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        guard let root = root(words) else { return BuiltInTemplates.names.filter { $0.hasPrefix(prefix) }.sorted() }
        let config = Config.load(root: root).0
        return TemplateLibrary(root: root, config: config).availableNames.filter { $0.hasPrefix(prefix) }.sorted()
    }

    static func names(_ words: [String], _ prefix: String, _ pick: (Commitment) -> [String]) -> [String] {
        guard let journal = journal(words) else { return [] }
        let bare = prefix.drop { $0 == "@" || $0 == "#" }
        return Set(journal.ledger.commitments.flatMap(pick)).filter { $0.hasPrefix(bare) }.sorted()
    }

    static func journal(_ words: [String]) -> Journal? {
        if words.contains("--no-index") { IndexSession.disabled = true }
        return root(words).map(IndexSession.load(root:))
    }

    /// The journal folder as the command would find it.
    static func root(_ words: [String]) -> String? {
        var explicit: String?
        for (index, word) in words.enumerated() {
            if word == "--journal", index + 1 < words.count { explicit = words[index + 1] }
            if word.hasPrefix("--journal=") { explicit = String(word.dropFirst("--journal=".count)) }
        }
        return try? JournalLocator.locate(
            explicit: explicit, environment: Process.environment, workingDirectory: Process.workingDirectory)
    }
}
