/// The lines `journal add`, `done`, `release` and `move` append to the day's log. Dates are ISO
/// fields, never phrases, so a note like "waiting since Monday" cannot be read as a date, and
/// links are written exactly as `journal new` writes them.
public enum LogLine {
    /// Why a line cannot be written as asked.
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case empty
        case multiline
        case notOneCommitment(String)

        public var description: String {
            switch self {
            case .empty: return "nothing to record: the text is empty"
            case .multiline: return "a commitment is one line; give each line on its own"
            case .notOneCommitment(let why): return "the line would not read as one commitment: \(why)"
            }
        }
    }

    /// `- [ ] TEXT #commit ^id` (the tag only when the text lacks it; `#expect` for an
    /// expectation), with an ASCII id that is unique among `takenIds`, so the reference printed
    /// now keeps working when the text is reworded later.
    public static func commitment(_ text: String, expectation: Bool = false, config: Config, takenIds: Set<String>)
        -> (line: String, id: String?)
    {
        let tag = expectation ? "expect" : config.commitmentTag
        let trimmed = text.trimmingSpaces
        let probe = ItemSyntax(spans: [InlineSpan(.text, trimmed)])
        var line = "- [ ] " + trimmed
        if !probe.tags.contains(tag) { line += " #" + tag }
        guard !expectation else { return (line, nil) }
        let base = asciiSlug(probe.text.isEmpty ? trimmed : probe.text)
        var id = base
        var suffix = 2
        while takenIds.contains(id) {
            id = "\(base)-\(suffix)"
            suffix += 1
        }
        return (line + " ^" + id, id)
    }

    /// The slug of the first five words, kept to `a-z`, `0-9` and `-` so Obsidian reads it as a
    /// block id; `item` when nothing is left.
    static func asciiSlug(_ text: String) -> String {
        let slug = ItemSyntax.slug(text).split(separator: "-").map { word in
            String(
                word.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) })
        }.filter { !$0.isEmpty }.joined(separator: "-")
        return slug.isEmpty ? "item" : slug
    }

    /// `- [x] <text> <link> ✅ 2026-12-02 — <note>`, `- [-] … ❌ …`, `- [>] … 📅 …`: a follow-up to
    /// `commitment` written in the entry at `entryPath` (relative to the journal).
    public static func followUp(
        _ box: Box, to commitment: Commitment, in entryPath: String, on date: Day, note: String?
    ) -> String {
        let field: String
        switch box {
        case .done: field = "✅ \(date)"
        case .released: field = "❌ \(date)"
        case .carried: field = "📅 \(date)"
        case .open, .inProgress: field = ""
        }
        let folder = SafeFileWriter.folder(of: entryPath)
        let link =
            "[\(commitment.made)](\(TemplateRenderer.relativeLink(from: folder, to: commitment.path))#"
            + "\(TemplateRenderer.percentEncoded(commitment.id)))"
        var line = "- [\(box.mark)] \(TemplateRenderer.markdownText(commitment.text)) \(link)"
        if !field.isEmpty { line += " " + field }
        if let note = note?.trimmingSpaces, !note.isEmpty {
            line += " — " + TemplateRenderer.markdownText(ItemSyntax.collapse(note))
        }
        return line
    }
}
