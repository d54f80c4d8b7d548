/// A journal kept current from text that is not on disk yet: an editor's open buffers. The
/// language server parses one buffer and swaps its entry in; everything else is reused.
extension Journal {
    /// The result of swapping one file's entry.
    public struct Replacement: Sendable {
        public var journal: Journal
        /// False when the file's commitments and follow-ups are exactly as before (typing prose,
        /// or within a line that holds neither), so the ledger and its follow-up findings were
        /// kept as they were rather than rebuilt.
        public var ledgerChanged: Bool
    }

    /// The entry a journal-relative path names, when its file name makes it one (the same rule
    /// the listing applies: `YYYY-MM-DD….md` or Logseq's `YYYY_MM_DD.md`, no conflict copies).
    public static func entryFile(path: String) -> EntryFile? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var listing = EntryFiles(classifying: ())
        guard listing.classify(name: name, relative: path) else { return nil }
        return listing.files.first
    }

    /// This journal with the file at `path` read from `bytes` instead of disk, or left out when
    /// `bytes` is nil (the file is gone). Only that text is parsed; the ledger is rebuilt from the
    /// other entries as they are. The size cap and every parse finding apply as on load.
    public func replacing(path: String, with bytes: [UInt8]?) -> Journal {
        replacingEntry(path: path, with: bytes).journal
    }

    /// `replacing(path:with:)`, saying whether the ledger had to be rebuilt.
    public func replacingEntry(path: String, with bytes: [UInt8]?) -> Replacement {
        let old = entries.first { $0.path == path }
        var entries = self.entries.filter { $0.path != path }
        var diagnostics = self.diagnostics.filter { $0.path != path }
        if let bytes, let file = Self.entryFile(path: path) {
            let result = EntryParser(config: config).parse(bytes, path: path, stem: file.stem, date: file.date)
            diagnostics += result.diagnostics
            if let entry = result.entry {
                let position = entries.firstIndex { ($0.date, $0.path) > (entry.date, entry.path) } ?? entries.endIndex
                entries.insert(entry, at: position)
            }
        }
        let files = entries.map { EntryFile(path: $0.path, stem: $0.stem, date: $0.date) }
        diagnostics += Self.duplicateStems(files).filter { $0.path == path }
        // Unifying writes every name of every entry; with no invisible character in any name it
        // changes nothing, and a read-only look is far cheaper than those writes.
        if Self.hasInvisibleNames(entries) { NameNormalizer.unify(&entries) }
        let new = entries.first { $0.path == path }
        // Commitments and follow-ups carry their path, date and line, so equal lists are the same ledger.
        if (old?.commitments ?? []) == (new?.commitments ?? []), (old?.followUps ?? []) == (new?.followUps ?? []) {
            return Replacement(
                journal: Journal(
                    root: root, config: config, entries: entries, ledger: ledger, diagnostics: diagnostics),
                ledgerChanged: false)
        }
        return Replacement(
            journal: Journal(root: root, config: config, entries: entries, diagnostics: diagnostics),
            ledgerChanged: true)
    }

    /// Entries whose commitments and follow-ups the ledger already holds.
    init(root: String, config: Config, entries: [Entry], ledger: Ledger, diagnostics: [Diagnostic]) {
        self.root = root
        self.config = config
        self.entries = entries
        self.ledger = ledger
        self.diagnostics = diagnostics.sorted()
    }

    static func hasInvisibleNames(_ entries: [Entry]) -> Bool {
        func any(_ names: [String]) -> Bool {
            // Invisible characters are all outside ASCII: most names are done after one byte scan.
            names.contains { name in
                name.utf8.contains { $0 >= 0x80 } && name.unicodeScalars.contains(where: NameNormalizer.isInvisible)
            }
        }
        return entries.contains { entry in
            any(entry.people) || any(entry.tags) || entry.commitments.contains { any($0.people) || any($0.tags) }
                || entry.expectations.contains { any($0.people) || any($0.tags) }
        }
    }

    /// `journal check`'s findings grouped by path, with its messages and severities.
    public func checkFindings() -> [String: [Diagnostic]] {
        Dictionary(grouping: CheckReport(journal: self).diagnostics, by: \.path)
    }

    /// The ledger's findings alone (follow-ups to unknown commitments and the like), by path.
    public func followUpFindings() -> [String: [Diagnostic]] {
        Dictionary(grouping: ledger.followUpProblems(), by: \.path)
    }

    /// `journal check`'s findings for one file: its own and the ledger's, sorted as check sorts.
    public func checkFindings(path: String, followUpFindings: [String: [Diagnostic]]) -> [Diagnostic] {
        (diagnostics.filter { $0.path == path } + (followUpFindings[path] ?? [])).sorted()
    }
}

extension EntryFiles {
    /// An empty listing, to classify one name without walking a folder.
    init(classifying: Void) {
        files = []
        diagnostics = []
    }
}
