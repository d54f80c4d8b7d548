import JournalKit

/// Where a finding points in its line: the link it is about, the phrase it quotes, or else the
/// line's text from the finding's column.
public enum DiagnosticRanges {
    public static func span(for diagnostic: Diagnostic, in text: DocumentText) -> LineSpan {
        guard let number = diagnostic.line, number >= 1, number <= text.lineCount else {
            return LineSpan(line: 0, start: 0, end: 0)
        }
        let index = number - 1
        let bytes = text.line(index)
        let links = LinkToken.all(in: bytes)
        if let wanted = followUpTarget(diagnostic.message) {
            if let link = links.first(where: { $0.reference == wanted }) ?? links.first {
                return LineSpan(line: index, start: link.start, end: link.end)
            }
        }
        if let quoted = quoted(diagnostic.message), !quoted.isEmpty,
            let found = LinkToken.find(Array(quoted.utf8), in: Array(bytes), from: 0)
        {
            return LineSpan(line: index, start: found, end: found + quoted.utf8.count)
        }
        var span = DocumentContext.textSpan(line: index, bytes: bytes)
        if let column = diagnostic.column, column - 1 > span.start, column - 1 < span.end { span.start = column - 1 }
        if span.start == span.end { span = LineSpan(line: index, start: 0, end: bytes.count) }
        return span
    }

    /// The reference a follow-up finding is about: `follow-up to [unknown commitment] stem#id …`.
    static func followUpTarget(_ message: String) -> Reference? {
        guard message.hasPrefix("follow-up to ") else { return nil }
        var rest = message.dropFirst("follow-up to ".count)
        if rest.hasPrefix("unknown commitment ") { rest = rest.dropFirst("unknown commitment ".count) }
        return Reference(parsing: String(rest.prefix { $0 != " " && $0 != ";" && $0 != "," }))
    }

    /// The first `'…'` in a message: the phrase or field it is about.
    static func quoted(_ message: String) -> String? {
        guard let open = message.firstIndex(of: "'") else { return nil }
        let rest = message[message.index(after: open)...]
        guard let close = rest.firstIndex(of: "'") else { return nil }
        return String(rest[..<close])
    }
}
