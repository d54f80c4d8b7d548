import JournalKit

/// A place in some file of the journal, by line and byte span, and what text that line has:
/// the server reads the line to convert the span to the client's encoding.
public struct JournalSpot: Hashable, Sendable {
    public var path: String
    /// 1-based, as the journal counts.
    public var line: Int
    /// The link on that line to search for, when the spot is a follow-up.
    public var reference: Reference? = nil
}

/// Go to definition (follow-up link → commitment) and find references (commitment → follow-ups).
public enum NavigationFeature {
    public static func definition(_ context: DocumentContext, line: Int, column: Int) -> JournalSpot? {
        guard let (commitment, _) = context.commitment(line: line, column: column) else { return nil }
        return JournalSpot(path: commitment.path, line: commitment.location.line, reference: nil)
    }

    public static func references(
        _ context: DocumentContext, line: Int, column: Int, includeDeclaration: Bool
    ) -> [JournalSpot] {
        guard let (commitment, _) = context.commitment(line: line, column: column) else { return [] }
        var spots: [JournalSpot] = []
        if includeDeclaration {
            spots.append(JournalSpot(path: commitment.path, line: commitment.location.line, reference: nil))
        }
        for entry in context.journal.entries {
            for followUp in entry.followUps where context.commitment(for: followUp.target) == commitment {
                spots.append(JournalSpot(path: followUp.path, line: followUp.location.line, reference: followUp.target))
            }
        }
        return spots.sorted { ($0.path, $0.line) < ($1.path, $1.line) }
    }

    /// The span a spot covers in its line: the link to its reference, else the line's text.
    public static func span(of spot: JournalSpot, in text: DocumentText) -> LineSpan {
        let index = spot.line - 1
        let bytes = text.line(index)
        if let reference = spot.reference,
            let link = LinkToken.all(in: bytes).first(where: { $0.reference == reference })
        {
            return LineSpan(line: index, start: link.start, end: link.end)
        }
        return DocumentContext.textSpan(line: index, bytes: bytes)
    }
}
