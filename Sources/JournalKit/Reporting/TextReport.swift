/// Lays out a report for a terminal: escaped, fitted to the width, coloured only when asked.
public enum TextReport {
    public static func render(_ document: ReportDocument, width: Int = 100, color: Bool = false) -> String {
        var out = TerminalText.style(TerminalText.escape(document.title), .bold, enabled: color) + "\n"
        var legendShown = false
        for section in document.sections {
            out += "\n"
            if let title = section.title {
                out += TerminalText.style(TerminalText.escape(title), .bold, enabled: color) + "\n"
            }
            for line in section.lines { out += TerminalText.escape(line) + "\n" }
            if let table = section.table {
                // The legend for abbreviated headers is printed once, under the first table that needs it.
                let abbreviated = abbreviates(table, width: width)
                out += render(table, width: width, color: color, legend: abbreviated && !legendShown)
                legendShown = legendShown || abbreviated
            }
            out += render(section.items, width: width, color: color)
            for note in section.notes {
                out += TerminalText.style(TerminalText.escape(note), .yellow, enabled: color) + "\n"
            }
        }
        return out
    }

    /// Two lines per item: label, note and text cut to the width; then the detail, uncut.
    static func render(_ items: [ReportDocument.Item], width: Int, color: Bool) -> String {
        guard !items.isEmpty else { return "" }
        let labels = items.map { TerminalText.escape($0.label) }
        let notes = items.map { TerminalText.escape($0.note) }
        let labelWidth = labels.map(\.count).max() ?? 0
        let noteWidth = notes.map(\.count).max() ?? 0
        let indent = labelWidth + 2 + (noteWidth > 0 ? noteWidth + 2 : 0)
        let room = max(24, width - indent)
        var out = ""
        for (index, item) in items.enumerated() {
            var text = TerminalText.escape(item.text)
            if text.count > room { text = String(text.prefix(room - 1)) + "…" }
            let label = labels[index].padding(to: labelWidth)
            let style: TerminalText.Style = ["missed", "stale"].contains(item.label) ? .red : .cyan
            out += TerminalText.style(label, style, enabled: color) + "  "
            if noteWidth > 0 { out += notes[index].padding(to: noteWidth) + "  " }
            out += text + "\n"
            out +=
                String(repeating: " ", count: indent)
                + TerminalText.style(TerminalText.escape(item.detail), .dim, enabled: color) + "\n"
        }
        return out
    }

    static let gap = 2

    static func columnWidths(_ header: [String], _ rows: [[String]]) -> [Int] {
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        return widths
    }

    /// True when the table is too wide for its full headers and has short ones.
    static func abbreviates(_ table: ReportDocument.Table, width: Int) -> Bool {
        guard table.shortHeaders != nil else { return false }
        let widths = columnWidths(
            table.headers.map(TerminalText.escape), table.rows.map { $0.map(TerminalText.escape) })
        return widths.reduce(0, +) + gap * (widths.count - 1) > width
    }

    static func render(_ table: ReportDocument.Table, width: Int, color: Bool, legend showLegend: Bool = true) -> String
    {
        var rows = table.rows.map { $0.map(TerminalText.escape) }
        var header = table.headers.map(TerminalText.escape)
        var legend: String?
        // Too wide: abbreviate the headers first, and spell them out below the table.
        if abbreviates(table, width: width), let short = table.shortHeaders {
            header = short.map(TerminalText.escape)
            legend = showLegend ? table.legend : nil
        }
        var widths = columnWidths(header, rows)
        let total = widths.reduce(0, +) + gap * (widths.count - 1)
        if total > width, let flexible = table.flexibleColumn, flexible < widths.count {
            let fitted = max(header[flexible].count, 32, widths[flexible] - (total - width))
            widths[flexible] = fitted
            rows = rows.map { row in
                var row = row
                if flexible < row.count, row[flexible].count > fitted {
                    row[flexible] = String(row[flexible].prefix(fitted - 1)) + "…"
                }
                return row
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: max(0, widths[index] - cell.count))
                let isLast = index == cells.count - 1
                if table.numericColumns.contains(index) {
                    parts.append(padding + cell)
                } else {
                    parts.append(isLast ? cell : cell + padding)
                }
            }
            return parts.joined(separator: String(repeating: " ", count: gap))
        }
        var out = TerminalText.style(line(header), .dim, enabled: color) + "\n"
        for row in rows { out += line(row) + "\n" }
        if let legend {
            for text in wrap(TerminalText.escape(legend), width: width) {
                out += TerminalText.style(text, .dim, enabled: color) + "\n"
            }
        }
        return out
    }

    /// Lines of at most `width` characters, broken at spaces.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty, current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

extension String {
    /// Pads with spaces to `width` characters; longer text is left as it is.
    public func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
