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
            if let trend = section.trend {
                // A code block: the bars keep their columns, and nothing in it reads back as an item.
                out += "```text\n" + TextReport.trendLines(trend, width: 200).joined(separator: "\n") + "\n```\n"
            }
            if (!section.lines.isEmpty || section.trend != nil) && section.table != nil { out += "\n" }
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
        // `inline` escapes `|`, so no cell text can end a cell.
        "| " + cells.map { inline($0, cell: true) }.joined(separator: " | ") + " |\n"
    }

    /// Entry text is shown, not interpreted. Control characters are escaped for the terminal;
    /// every character that could start HTML, an entity, a link or autolink, emphasis,
    /// strikethrough, a code span or a table cell break gets a backslash (CommonMark renders
    /// `\<` as `<`); bare `http://`, `https://` and `www.` are broken with `\:` and `\.`, an
    /// email address with a word joiner before its `@`; and what would start a block at the line's start
    /// (`#`, `-`, `+`, `=`, `1.`) is escaped too, except in a table `cell`, where nothing
    /// starts a block. Linear in the text.
    static func inline(_ text: String, cell: Bool = false) -> String {
        let shown = TerminalText.escape(text)
        var out = ""
        out.reserveCapacity(shown.utf8.count)
        var atStart = !cell
        var digitsOnly = !cell
        let scalars = Array(shown.unicodeScalars)
        var index = 0
        func follows(_ word: String, at position: Int) -> Bool {
            var i = position
            for expected in word.unicodeScalars {
                guard i < scalars.count, scalars[i].properties.lowercaseMapping == String(expected) else {
                    return false
                }
                i += 1
            }
            return true
        }
        while index < scalars.count {
            let scalar = scalars[index]
            // A URL scheme or www. that GFM would link on its own: escape its ':' or '.'.
            if scalar == ":", follows("//", at: index + 1), index >= 4,
                follows("http", at: index - 4) || (index >= 5 && follows("https", at: index - 5))
            {
                out += "\\:"
                index += 1
                atStart = false
                continue
            }
            if scalar == ".", index >= 3, follows("www", at: index - 3) {
                out += "\\."
                index += 1
                atStart = false
                continue
            }
            // `ana@example.com` is a GFM email autolink, and no backslash or entity stops it
            // (cmark-gfm reads the decoded text): an invisible word joiner (U+2060) before the
            // `@` does, keeping the visible text. A mention (`@ana` at a word's start) is left.
            let emailAt =
                scalar == "@" && index > 0
                && (scalars[index - 1].properties.isAlphabetic || ("0"..."9").contains(scalars[index - 1])
                    || "._+-".unicodeScalars.contains(scalars[index - 1]))
            if emailAt {
                out += "\u{2060}"
            } else if Self.escaped.contains(scalar) {
                out += "\\"
            } else if atStart, "#-+=".unicodeScalars.contains(scalar) {
                out += "\\"
            } else if digitsOnly, index > 0, scalar == "." || scalar == ")" {
                out += "\\"
            }
            if !scalar.properties.isWhitespace { atStart = false }
            if !("0"..."9").contains(scalar) { digitsOnly = false }
            out.unicodeScalars.append(scalar)
            index += 1
        }
        return out
    }

    /// Characters that always get a backslash in entry text.
    static let escaped: Set<Unicode.Scalar> = Set("\\`*_~[]()<>&|".unicodeScalars)
}
