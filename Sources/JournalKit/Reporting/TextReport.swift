/// Lays out a report for a terminal: escaped, fitted to the width by display columns, coloured
/// only when asked.
///
/// Prose wraps at spaces. Commitment text is cut with `…`. A `path:line` is never cut: when it
/// does not fit beside the dates it stands alone on its own line, the only kind of line allowed
/// past the width. A table that does not fit tries its narrower forms in turn (abbreviated
/// headers, then merged columns) and at last prints one row per line as `name: Header value · …`.
public enum TextReport {
    public static func render(_ document: ReportDocument, width: Int = 100, color: Bool = false) -> String {
        var out = ""
        for line in wrapProse(TerminalText.escape(document.title), width: width) {
            out += TerminalText.style(line, .bold, enabled: color) + "\n"
        }
        var legendShown = false
        for section in document.sections {
            out += "\n"
            if let title = section.title {
                for line in wrap(TerminalText.escape(title), width: width) {
                    out += TerminalText.style(line, .bold, enabled: color) + "\n"
                }
            }
            for line in section.lines {
                for wrapped in wrapProse(TerminalText.escape(line), width: width) { out += wrapped + "\n" }
            }
            if let trend = section.trend {
                for line in trendLines(trend, width: width) { out += line + "\n" }
            }
            if let table = section.table {
                let (text, legend) = render(table, width: width, color: color, showLegend: !legendShown)
                out += text
                legendShown = legendShown || legend
            }
            out += render(section.items, width: width, color: color)
            for note in section.notes {
                for line in wrap(TerminalText.escape(note), width: width) {
                    out += TerminalText.style(line, .yellow, enabled: color) + "\n"
                }
            }
        }
        return out
    }

    /// The colour of a role; the status word is always printed too, so colour is never the only cue.
    static func style(_ role: ReportDocument.Role) -> TerminalText.Style? {
        switch role {
        case .good: return .green
        case .bad: return .red
        case .warning: return .yellow
        case .neutral: return nil
        case .dim: return .dim
        }
    }

    static func styled(_ text: String, _ role: ReportDocument.Role, _ color: Bool) -> String {
        style(role).map { TerminalText.style(text, $0, enabled: color) } ?? text
    }

    /// Each item: label, note and text cut to the width; then the dates and `path:line`.
    static func render(_ items: [ReportDocument.Item], width: Int, color: Bool) -> String {
        guard !items.isEmpty else { return "" }
        let labels = items.map { TerminalText.escape($0.label) }
        let notes = items.map { TerminalText.escape($0.note) }
        let labelWidth = labels.map(DisplayWidth.of).max() ?? 0
        let noteWidth = notes.map(DisplayWidth.of).max() ?? 0
        let indent = labelWidth + 2 + (noteWidth > 0 ? noteWidth + 2 : 0)
        // Below this much room the text gets a line of its own under the label.
        let narrow = width - indent < 20
        var out = ""
        for (index, item) in items.enumerated() {
            let text = TerminalText.escape(item.text)
            var head = styled(DisplayWidth.padded(labels[index], to: labelWidth), item.role, color)
            if noteWidth > 0 { head += "  " + DisplayWidth.padded(notes[index], to: noteWidth) }
            let margin = narrow ? 2 : indent
            if narrow {
                out += trimmedEnd(head) + "\n" + "  " + DisplayWidth.truncated(text, to: width - 2) + "\n"
            } else {
                out += head + "  " + DisplayWidth.truncated(text, to: width - indent) + "\n"
            }
            out += detail(item, margin: margin, width: width, color: color)
        }
        return out
    }

    /// `due … · made … · path:line` on one line when it fits; else the dates, then the location
    /// alone.
    static func detail(_ item: ReportDocument.Item, margin: Int, width: Int, color: Bool) -> String {
        let pad = String(repeating: " ", count: margin)
        let whole = TerminalText.escape(item.detail)
        if margin + DisplayWidth.of(whole) <= width {
            return pad + TerminalText.style(whole, .dim, enabled: color) + "\n"
        }
        let dates = (item.due.isEmpty ? [] : [TerminalText.escape(item.due)]) + ["made \(item.made)"]
        let location = TerminalText.escape(item.location)
        // A part wider than the room beside the label moves the dates to a two-column indent.
        let fitsBeside = dates.allSatisfy { margin + DisplayWidth.of($0) <= width }
        let datesPad = fitsBeside ? pad : "  "
        var out = ""
        for line in wrap(parts: dates, width: width - (fitsBeside ? margin : 2)) {
            out += datesPad + TerminalText.style(line, .dim, enabled: color) + "\n"
        }
        return out + alone(location, width: width, color: color)
    }

    /// A message and where it happened: `text  (path:line)` on one line when that fits, else the
    /// text wrapped and the location alone under it. For the writing commands' replies.
    public static func message(_ text: String, location: String, width: Int) -> String {
        let text = TerminalText.escape(text)
        let location = TerminalText.escape(location)
        let line = "\(text)  (\(location))"
        if DisplayWidth.of(line) <= width { return line + "\n" }
        return wrap(text, width: width).map { $0 + "\n" }.joined() + alone(location, width: width, color: false)
    }

    /// A location on its own line: indented by two when that fits, else from the first column.
    static func alone(_ location: String, width: Int, color: Bool) -> String {
        let indent = 2 + DisplayWidth.of(location) <= width ? "  " : ""
        return indent + TerminalText.style(location, .dim, enabled: color) + "\n"
    }

    static let gap = 2

    /// The trend as bars over counts, one column per period, as many of the latest periods as fit
    /// `width` (at least one):
    ///
    ///     2026-W41 → 2026-W48 · scale 0% ▁▂▃▄▅▆▇█ 100% · ·· nothing decided
    ///     rate     ▇▇ ▅▅ ▆▆ ▆▆ ▅▅ ██ ▃▃ ··
    ///     decided   9  6  5  5  4  1  2  0
    public static func trendLines(_ trend: ReportDocument.Trend, width: Int) -> [String] {
        let labels = ["rate", "decided"]
        let labelWidth = labels.map(\.count).max() ?? 0
        let cell = max(2, String(trend.points.map(\.decided).max() ?? 0).count)
        let fitting = max(1, (width - labelWidth) / (cell + 1))
        let points = trend.points.suffix(min(fitting, ReportDocument.Trend.maximum))
        guard let first = points.first, let last = points.last else { return [] }
        let range = first.period == last.period ? first.period : "\(first.period) → \(last.period)"
        let bars = points.map { point in
            " " + String(repeating: ReportDocument.sparkCharacter(point.rate), count: cell)
        }
        let counts = points.map { " " + String($0.decided).leftPadded(to: cell) }
        let heading = [range, "scale 0% ▁▂▃▄▅▆▇█ 100%", String(repeating: "·", count: cell) + " nothing decided"]
        return wrapProse(heading.joined(separator: " · "), width: width) + [
            labels[0].padding(to: labelWidth) + bars.joined(), labels[1].padding(to: labelWidth) + counts.joined(),
        ]
    }

    static func columnWidths(_ header: [String], _ rows: [[String]]) -> [Int] {
        var widths = header.map(DisplayWidth.of)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        return widths
    }

    /// The table fitted to the width, and whether it printed its legend.
    static func render(_ table: ReportDocument.Table, width: Int, color: Bool, showLegend: Bool = true)
        -> (String, Bool)
    {
        for form in [table] + table.narrower where fits(form, width: width) {
            return layout(form, width: width, color: color, showLegend: showLegend)
        }
        // The last narrower form, one row per line: nothing is too wide for that.
        let form = table.narrower.last ?? table
        let header = form.headers.map(TerminalText.escape)
        var out = ""
        for row in form.rows.map({ $0.map(TerminalText.escape) }) {
            let pairs = zip(header, row).enumerated().dropFirst().map { index, pair in
                let text = "\(pair.0) \(pair.1)"
                return index == form.flexibleColumn ? DisplayWidth.truncated(text, to: width - 2) : text
            }
            out += (row.first ?? "") + ":\n"
            for line in wrap(parts: pairs, width: width - 2) { out += "  " + line + "\n" }
        }
        guard showLegend, let legend = form.legend else { return (out, false) }
        for text in wrap(TerminalText.escape(legend), width: width) {
            out += TerminalText.style(text, .dim, enabled: color) + "\n"
        }
        return (out, true)
    }

    /// True when the table fits, its flexible column cut to no less than its header or 16 columns.
    static func fits(_ table: ReportDocument.Table, width: Int) -> Bool {
        var widths = columnWidths(
            table.headers.map(TerminalText.escape), table.rows.map { $0.map(TerminalText.escape) })
        if let flexible = table.flexibleColumn, flexible < widths.count {
            widths[flexible] = min(widths[flexible], max(16, DisplayWidth.of(table.headers[flexible])))
        }
        return widths.reduce(0, +) + gap * (widths.count - 1) <= width
    }

    static func layout(_ table: ReportDocument.Table, width: Int, color: Bool, showLegend: Bool) -> (String, Bool) {
        var rows = table.rows.map { $0.map(TerminalText.escape) }
        let header = table.headers.map(TerminalText.escape)
        var widths = columnWidths(header, rows)
        let total = widths.reduce(0, +) + gap * (widths.count - 1)
        if total > width, let flexible = table.flexibleColumn, flexible < widths.count {
            let fitted = max(DisplayWidth.of(header[flexible]), widths[flexible] - (total - width))
            widths[flexible] = fitted
            rows = rows.map { row in
                var row = row
                if flexible < row.count { row[flexible] = DisplayWidth.truncated(row[flexible], to: fitted) }
                return row
            }
        }
        func line(_ cells: [String], roles: [ReportDocument.Role?] = []) -> String {
            var parts: [String] = []
            for (index, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: max(0, widths[index] - DisplayWidth.of(cell)))
                let isLast = index == cells.count - 1
                let shown = index < roles.count ? roles[index].map { styled(cell, $0, color) } ?? cell : cell
                if table.numericColumns.contains(index) {
                    parts.append(padding + shown)
                } else {
                    parts.append(isLast ? shown : shown + padding)
                }
            }
            return parts.joined(separator: String(repeating: " ", count: gap))
        }
        var out = TerminalText.style(line(header), .dim, enabled: color) + "\n"
        for (index, row) in rows.enumerated() {
            out += line(row, roles: index < table.roles.count ? table.roles[index] : []) + "\n"
        }
        guard showLegend, let legend = table.legend else { return (out, false) }
        for text in wrap(TerminalText.escape(legend), width: width) {
            out += TerminalText.style(text, .dim, enabled: color) + "\n"
        }
        return (out, true)
    }

    /// Lines of at most `width` display columns, broken at spaces; a word longer than the width
    /// stands alone (it is a path or a reference, which is never cut).
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard DisplayWidth.of(text) > width else { return [text] }
        var lines: [String] = []
        var current = ""
        var used = 0
        for piece in text.split(separator: " ", omittingEmptySubsequences: true) {
            // A path or reference is never cut; any other word wider than a line (a run of CJK
            // text has no spaces) is broken between graphemes.
            var word = Substring(piece)
            if DisplayWidth.of(word) > width, !word.contains("/"), !word.contains("#") {
                if !current.isEmpty {
                    lines.append(current)
                    current = ""
                    used = 0
                }
                while DisplayWidth.of(word) > width {
                    var head = ""
                    var headWidth = 0
                    for character in word {
                        let size = DisplayWidth.of(character)
                        if headWidth + size > width { break }
                        head.append(character)
                        headWidth += size
                    }
                    if head.isEmpty { break }
                    lines.append(head)
                    word = word.dropFirst(head.count)
                }
            }
            let size = DisplayWidth.of(word)
            if !current.isEmpty, used + 1 + size > width {
                lines.append(current)
                current = ""
                used = 0
            }
            current += (current.isEmpty ? "" : " ") + word
            used += (used == 0 ? 0 : 1) + size
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// A headline: broken between its ` · ` parts when it has them, else between words.
    static func wrapProse(_ text: String, width: Int) -> [String] {
        guard DisplayWidth.of(text) > width else { return [text] }
        let parts = text.components(separatedBy: " · ")
        guard parts.count > 1, parts.allSatisfy({ DisplayWidth.of($0) <= width }) else {
            return wrap(text, width: width)
        }
        return wrap(parts: parts, width: width)
    }

    /// `parts` joined with ` · `, broken between parts, never inside one.
    static func wrap(parts: [String], width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for part in parts {
            if !current.isEmpty, DisplayWidth.of(current) + 3 + DisplayWidth.of(part) > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " · ") + part
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    static func trimmedEnd(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }
}

extension String {
    /// Spaces before, to `width` display columns.
    func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(self))) + self
    }

    /// Pads with spaces to `width` display columns; wider text is left as it is.
    public func padding(to width: Int) -> String { DisplayWidth.padded(self, to: width) }
}
