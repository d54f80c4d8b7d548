/// Lays out a report as markdown, for pasting into a note or a 1:1 doc.
public enum MarkdownReport {
    /// Commitments are rendered in tables, never as list items: a review saved into the journal
    /// must not read back as new commitments, follow-ups or expectations.
    public static func render(_ document: ReportDocument) -> String {
        var out = "# \(inline(document.title))\n"
        for section in document.sections {
            out += "\n"
            if let title = section.title { out += "## \(inline(title))\n\n" }
            for line in section.lines { out += inline(line) + "\n" }
            if !section.lines.isEmpty && section.table != nil { out += "\n" }
            if let table = section.table { out += render(table) }
            if !section.items.isEmpty {
                if !section.lines.isEmpty || section.table != nil { out += "\n" }
                let headers = section.itemHeaders + ["Commitment", "Due", "Made", "Where"]
                let rows = section.items.map { item in
                    [item.label, item.note, item.text, item.due, item.made.description, item.location]
                }
                out += render(ReportDocument.Table(headers: headers, rows: rows))
            }
            if !section.notes.isEmpty {
                out += "\n"
                for note in section.notes { out += "> " + inline(note) + "\n" }
            }
        }
        return out
    }

    static func render(_ table: ReportDocument.Table) -> String {
        var out = row(table.headers)
        out +=
            "|" + table.headers.indices.map { table.numericColumns.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
        for cells in table.rows { out += row(cells) }
        return out
    }

    static func row(_ cells: [String]) -> String {
        "| " + cells.map { inline($0).replacingAll("|", with: "\\|") }.joined(separator: " | ") + " |\n"
    }

    /// Entry text is shown, not interpreted: control characters are escaped.
    static func inline(_ text: String) -> String { TerminalText.escape(text) }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
