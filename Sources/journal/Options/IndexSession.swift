import JournalKit

/// The entry index for this process: opened by the first load, saved once the output is written
/// (`JournalCommand.main`), its notes printed through the output layer.
enum IndexSession {
    /// Set by `--no-index` and `check --rebuild-index` before the first load.
    nonisolated(unsafe) static var disabled = false
    nonisolated(unsafe) static var rebuild = false
    nonisolated(unsafe) private static var opened: [String: EntryIndex] = [:]
    nonisolated(unsafe) private static var printed: [String: Int] = [:]
    /// The latest journal loaded lives until the process exits: freeing a big journal's records
    /// one by one was about a tenth of `journal check`, and the system takes the memory back at once.
    nonisolated(unsafe) private static var kept: Journal?

    /// Loads the journal with its index unless the index is turned off or cannot be used.
    static func load(root: String) -> Journal {
        let index = index(for: root)
        let journal = Journal.load(root: root, index: index)
        kept = journal
        printNotes()
        return journal
    }

    static func index(for root: String) -> EntryIndex? {
        if disabled { return nil }
        if let index = opened[root] { return index }
        guard let index = EntryIndex.open(root: root, environment: Process.environment, rebuild: rebuild) else {
            return nil
        }
        opened[root] = index
        return index
    }

    /// Writes what this process learnt; called after the report, whatever the exit status.
    static func save() {
        for key in opened.keys.sorted() { opened[key]?.save() }
        printNotes()
    }

    private static func printNotes() {
        for (key, index) in opened.sorted(by: { $0.key < $1.key }) {
            let notes = index.notes
            for note in notes.dropFirst(printed[key] ?? 0) { Output.errorLine(note) }
            printed[key] = notes.count
        }
    }
}
