import JournalKit

/// The entry's commitments, expectations and follow-ups; every commitment by its text.
public enum SymbolFeature {
    public struct Symbol: Hashable, Sendable {
        public var name: String
        public var detail: String
        /// The protocol's SymbolKind: 24 event (commitment), 11 interface (expectation), 8 field (follow-up).
        public var kind: Int
        public var spot: JournalSpot
    }

    public static func document(_ context: DocumentContext) -> [Symbol] {
        guard let entry = context.entry else { return [] }
        var symbols: [Symbol] = []
        for commitment in entry.commitments {
            symbols.append(
                Symbol(
                    name: commitment.text, detail: commitment.reference.description, kind: 24,
                    spot: JournalSpot(path: entry.path, line: commitment.location.line)))
        }
        for expectation in entry.expectations {
            symbols.append(
                Symbol(
                    name: expectation.text, detail: "expectation", kind: 11,
                    spot: JournalSpot(path: entry.path, line: expectation.location.line)))
        }
        for followUp in entry.followUps {
            let text = context.commitment(for: followUp.target)?.text ?? followUp.target.description
            symbols.append(
                Symbol(
                    name: "[\(followUp.box.mark)] \(text)", detail: "follow-up to \(followUp.target)", kind: 8,
                    spot: JournalSpot(path: entry.path, line: followUp.location.line, reference: followUp.target)))
        }
        return symbols.sorted { $0.spot.line < $1.spot.line }
    }

    /// Commitments whose text holds every word of the query, in any case; newest first.
    public static func workspace(_ journal: Journal, query: String, limit: Int = 200) -> [Symbol] {
        let words = query.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        let matching = journal.ledger.commitments.filter { commitment in
            let text = commitment.text.lowercased() + " " + commitment.reference.description.lowercased()
            return words.allSatisfy { text.contains($0) }
        }
        return matching.reversed().prefix(limit).map { commitment in
            Symbol(
                name: commitment.text, detail: commitment.reference.description, kind: 24,
                spot: JournalSpot(path: commitment.path, line: commitment.location.line))
        }
    }
}
