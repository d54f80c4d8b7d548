import JournalKit

/// A commitment's history under the cursor, as `journal show` prints it, as of today.
public enum HoverFeature {
    public static func hover(_ context: DocumentContext, line: Int, column: Int) -> (text: String, span: LineSpan?)? {
        guard let (commitment, link) = context.commitment(line: line, column: column) else { return nil }
        let journal = context.journal
        let status = journal.ledger.judge(
            commitment, asOf: context.today, staleAfterDays: journal.config.staleAfterDays)
        var text = "**\(status.outcome.label)** as of \(context.today)"
        if let due = status.due { text += " · due \(due)" }
        if !status.dueMoves.isEmpty { text += " · moved \(Plural.count(status.dueMoves.count, "time"))" }
        text += "\n\n```text\n" + CommitmentListing.history(status, asOf: context.today, width: 80) + "```\n"
        return (text, link.map { LineSpan(line: line, start: $0.start, end: $0.end) })
    }
}
