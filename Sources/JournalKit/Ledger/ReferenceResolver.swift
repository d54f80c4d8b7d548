/// Turns what a person types for a commitment into its reference. Tried in order: the full
/// reference; a link as entries write it (`2026-11-20.md#send-deck`, `[[2026-11-20#^id]]`); a
/// `path:line` as the review prints it (a follow-up's line means its target); a unique prefix
/// of a reference; then words that all appear in the commitment's text, in any order.
public struct ReferenceResolver: Sendable {
    public enum Result: Hashable, Sendable {
        case found(Reference)
        /// Several match; sorted.
        case ambiguous([Reference])
        /// None matches; the closest references, nearest first.
        case unknown(closest: [Reference])
    }

    let commitments: [Commitment]
    let byReference: [Reference: Commitment]
    /// Where each commitment and follow-up was written, `path:line`, and what it names.
    let atLine: [String: Reference]
    let root: String

    public init(journal: Journal) {
        self.init(
            commitments: journal.ledger.commitments, followUps: journal.entries.flatMap(\.followUps), root: journal.root
        )
    }

    init(commitments: [Commitment], followUps: [FollowUp], root: String) {
        self.commitments = commitments
        self.root = root
        var byReference: [Reference: Commitment] = [:]
        var atLine: [String: Reference] = [:]
        for followUp in followUps { atLine["\(followUp.path):\(followUp.location.line)"] = followUp.target }
        for commitment in commitments {
            byReference[commitment.reference] = byReference[commitment.reference] ?? commitment
            atLine["\(commitment.path):\(commitment.location.line)"] = commitment.reference
        }
        self.byReference = byReference
        self.atLine = atLine
    }

    /// Resolves `text`. Exact forms find any commitment; prefixes and words look only among
    /// `candidates` when given (the commitments a command can act on).
    public func resolve(_ text: String, candidates: Set<Reference>? = nil, workingDirectory: String? = nil) -> Result {
        let text = text.trimmingSpaces
        for exact in [Reference(parsing: text), Self.linkReference(text), location(text, workingDirectory)] {
            if let exact, byReference[exact] != nil { return .found(exact) }
        }
        let pool = commitments.filter { candidates?.contains($0.reference) ?? true }
        if !text.isEmpty, !text.contains(" ") {
            let prefixed = Set(pool.map(\.reference).filter { $0.description.hasPrefix(text) })
            if prefixed.count == 1, let only = prefixed.first { return .found(only) }
            if prefixed.count > 1 { return .ambiguous(prefixed.sorted()) }
        }
        let words = Self.words(text)
        if !words.isEmpty {
            let matching = Set(
                pool.filter { commitment in
                    let haystack = Self.words(commitment.text).joined(separator: " ")
                    return words.allSatisfy { haystack.contains($0) }
                }.map(\.reference))
            if matching.count == 1, let only = matching.first { return .found(only) }
            if matching.count > 1 { return .ambiguous(matching.sorted()) }
        }
        let names = pool.map(\.reference.description)
        let closest = Suggestions.ranked(String(text.prefix(64)), among: names).prefix(3)
        return .unknown(closest: closest.compactMap { Reference(parsing: $0) })
    }

    /// `[[2026-11-20#^id|alias]]`, `[label](../11/2026-11-20.md#id)` or `2026-11-20.md#id`.
    static func linkReference(_ text: String) -> Reference? {
        var inner = Substring(text)
        if inner.hasPrefix("[["), inner.hasSuffix("]]") {
            inner = inner.dropFirst(2).dropLast(2)
            let target = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)[0]
            return EntryParser.reference(fromWikiLink: String(target))
        }
        if inner.hasSuffix(")"), let open = inner.lastIndex(of: "("), inner.hasPrefix("[") {
            inner = inner[inner.index(after: open)..<inner.index(before: inner.endIndex)]
        }
        return EntryParser.reference(fromLink: String(inner))
    }

    /// `entries/2026/11/2026-11-20.md:14`, relative to the journal or to the working directory.
    func location(_ text: String, _ workingDirectory: String?) -> Reference? {
        guard let colon = text.lastIndex(of: ":"), let line = Int(text[text.index(after: colon)...]), line > 0 else {
            return nil
        }
        let path = String(text[..<colon])
        var tries = [path]
        for base in [workingDirectory, root].compactMap({ $0 }) where !path.hasPrefix("/") {
            tries.append(base + "/" + path)
        }
        for candidate in tries {
            let absolute = Self.normalised(candidate)
            let relative =
                absolute.hasPrefix(Self.normalised(root) + "/")
                ? String(absolute.dropFirst(Self.normalised(root).count + 1)) : Self.normalised(candidate)
            if let found = atLine["\(relative):\(line)"] { return found }
        }
        return nil
    }

    /// `a/./b/../c` → `a/c`, keeping a leading `/`.
    static func normalised(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }

    /// Lowercased words without `@` and `#`: what "ana pricing" is compared on.
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).map {
            String($0.drop { $0 == "@" || $0 == "#" })
        }.filter { !$0.isEmpty }
    }
}
