import Dispatch

/// A journal read from disk: its settings, its entries and everything wrong with them.
public struct Journal: Sendable {
    /// Absolute path of the journal folder.
    public var root: String
    public var config: Config
    /// Sorted by date, then path.
    public let entries: [Entry]
    /// Built once from the entries, for every report that reads the journal.
    public let ledger: Ledger
    /// Sorted by path, then line.
    public var diagnostics: [Diagnostic]

    public init(root: String, config: Config, entries: [Entry], diagnostics: [Diagnostic]) {
        self.root = root
        self.config = config
        self.entries = entries
        self.ledger = Ledger(entries: entries)
        self.diagnostics = diagnostics.sorted()
    }

    /// Reads `journal.yml` (if any) and every entry. Files are parsed in parallel and only the
    /// extracted records are kept, so memory grows with commitments, not with text. With an
    /// `index`, an unchanged file's record comes from it; call `index.save()` afterwards.
    public static func load(root: String, index: EntryIndex? = nil) -> Journal {
        var (config, diagnostics) = Config.load(root: root)
        let listing = EntryFiles(root: root, config: config)
        diagnostics += listing.diagnostics
        index?.begin(config: config, files: listing.files)

        let parser = EntryParser(config: config)
        let limit = config.maxEntryBytes
        let results = parallelMap(listing.files) { file -> EntryParser.Result in
            let cached = index?.lookup(file, at: "\(root)/\(file.path)")
            if let hit = cached?.result { return hit }
            do {
                let bytes = try FileReader.read("\(root)/\(file.path)", limit: limit)
                let result = parser.parse(bytes, path: file.path, stem: file.stem, date: file.date)
                cached?.remember(result)
                return result
            } catch {
                let message: String
                switch error as? JournalError {
                case .unreadable(_, let why)?: message = "cannot read file: \(why)"
                // Replaced since the listing (the FIFO race): opened without blocking, never read.
                case .notRegularFile(_, let kind)?: message = "not read: it is \(kind) now, not a regular file"
                default: message = "cannot read file: \(error)"
                }
                return EntryParser.Result(
                    entry: nil, diagnostics: [Diagnostic(path: file.path, severity: .error, message: message)])
            }
        }
        var entries: [Entry] = []
        entries.reserveCapacity(results.count)
        for result in results {
            diagnostics += result.diagnostics
            if let entry = result.entry { entries.append(entry) }
        }
        diagnostics += duplicateStems(listing.files)
        NameNormalizer.unify(&entries)
        return Journal(root: root, config: config, entries: entries, diagnostics: diagnostics)
    }

    static func duplicateStems(_ files: [EntryFile]) -> [Diagnostic] {
        var firstPath: [String: String] = [:]
        var result: [Diagnostic] = []
        for file in files.sorted(by: { $0.path < $1.path }) {
            if let first = firstPath[file.stem] {
                result.append(
                    Diagnostic(
                        path: file.path, severity: .error,
                        message: "another entry has the same name: \(first); links to '\(file.stem)' are ambiguous"))
            } else {
                firstPath[file.stem] = file.path
            }
        }
        return result
    }
}

/// Maps in parallel over the machine's cores, keeping the input order. Files cost unevenly, so
/// they are handed out 16 at a time.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    parallelArray(count: items.count, chunk: 16) { transform(items[$0]) }
}

/// `(0..<count).map(make)` on every core, written straight into the result in `chunk`s.
func parallelArray<R: Sendable>(count: Int, chunk: Int = 256, _ make: @Sendable (Int) -> R) -> [R] {
    guard count > 0 else { return [] }
    return [R](unsafeUninitializedCapacity: count) { buffer, initialized in
        guard let base = buffer.baseAddress else { return }
        let box = UnsafeSendable(base)
        DispatchQueue.concurrentPerform(iterations: (count + chunk - 1) / chunk) { index in
            for i in (index * chunk)..<min(count, (index + 1) * chunk) { (box.value + i).initialize(to: make(i)) }
        }
        initialized = count
    }
}

/// Each slot is written by exactly one iteration, so sharing the buffer is safe.
private struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
