import Mustache

/// The review as one self-contained HTML page: inline CSS and SVG, no script, no network.
///
/// The page walks the same `ReportDocument` the text and markdown forms lay out, so it shows every
/// section they show, and adds the six charts (`ReviewCharts`). It is rendered from one mustache
/// template with HTML escaping on; every string from an entry is first made visible with
/// `TerminalText.escape` (controls and bidi overrides become `\u{202E}`), then escaped by the
/// template, and text is wrapped in `<bdi>` so a right-to-left name cannot reorder what follows.
public enum HTMLReport {
    /// `linkBase` is put before every entry's path (relative to the journal's top folder) in links;
    /// nil links relative to the page, for a report saved in the journal's top folder.
    public static func render(_ review: Review, linkBase: String? = nil) -> String {
        template.render(page(review, linkBase: linkBase))
    }

    static let template: MustacheTemplate = {
        do {
            return try MustacheTemplate(string: HTMLTemplate.page)
        } catch {
            preconditionFailure("the HTML report's template does not parse: \(error)")
        }
    }()

    struct Page {
        var title: String
        var sections: [Section]
        var legend: [LegendEntry]
        var generator: String
    }

    struct LegendEntry {
        var kind: String
        var label: String
    }

    struct Section {
        var id: String
        var heading: String
        var hasHeading: Bool
        var lines: [String]
        var charts: [SVGChart]
        var hasLegend: Bool
        var tables: [Table]
        var itemTables: [ItemTable]
        var notes: [String]
    }

    struct Table {
        var caption: String
        var headers: [Cell]
        var rows: [Row]
    }

    struct Row {
        var cells: [Cell]
    }

    struct Cell {
        var text: String
        var numeric: Bool
        var role: String
    }

    struct ItemTable {
        var headers: [String]
        var rows: [Item]
    }

    struct Item {
        var label: String
        var role: String
        var note: String
        var text: String
        var due: String
        var made: String
        var location: String
        /// The location cut after each `/`, so a narrow column breaks it between folders.
        var locationParts: [String]
        var href: String
        var history: [HistoryLine]
        /// The first two columns' headers, for the narrow layout's labels.
        var labelHeader: String
        var noteHeader: String
    }

    struct HistoryLine {
        var date: String
        var what: String
        var note: String
        var location: String
        var href: String
        var hasLink: Bool
    }

    static func page(_ review: Review, linkBase: String?) -> Page {
        let document = ReportDocument(review: review)
        var byLocation: [String: CommitmentStatus] = [:]
        for status in review.commitments {
            byLocation["\(status.commitment.path):\(status.commitment.location.line)"] = status
        }
        let unit = review.options.period.rawValue
        var sections: [Section] = []
        for part in document.sections {
            var section = Section(
                id: part.anchor, heading: shown(part.title ?? ""), hasHeading: part.title != nil,
                lines: part.lines.map(shown), charts: [], hasLegend: false, tables: [], itemTables: [],
                notes: part.notes.map(shown))
            switch part.anchor {
            case "trend":
                section.charts = [ReviewCharts.rates(review, unit: unit), ReviewCharts.outcomes(review, unit: unit)]
                section.hasLegend = true
                let all = ReportDocument.outcomeTable(
                    [unit.capitalizedFirst], made: "Total", review.periods.map { ([$0.name], $0.counts) })
                section.tables = [table(all, caption: "Outcomes by \(unit), decided in it or made in it and open")]
            case "people":
                section.charts = [
                    ReviewCharts.breakdown(
                        id: "chart-people", title: "Outcomes by person", sigil: "@", review.people.map(visible))
                ]
                section.hasLegend = true
            case "themes":
                section.charts = [
                    ReviewCharts.breakdown(
                        id: "chart-themes", title: "Outcomes by theme", sigil: "#", review.tags.map(visible))
                ]
                section.hasLegend = true
            case "mirror":
                var shownReview = review
                shownReview.mirror = review.mirror.map { figure in
                    var figure = figure
                    figure.tag = shown(figure.tag)
                    return figure
                }
                section.charts = [ReviewCharts.mirror(shownReview)]
            default: break
            }
            if section.tables.isEmpty, let partTable = part.table {
                section.tables = [table(partTable, caption: shown(part.title ?? ""))]
            }
            if !part.items.isEmpty {
                let headers = part.itemHeaders + ["Commitment", "Due", "Made", "Where"]
                section.itemTables = [
                    ItemTable(
                        headers: headers,
                        rows: part.items.map { item(byLocation[$0.location], $0, headers, review, linkBase) })
                ]
            }
            sections.append(section)
            if part.anchor == "headline" {
                sections.append(
                    Section(
                        id: "calendar", heading: "Entries and the mirror", hasHeading: true, lines: [],
                        charts: [ReviewCharts.calendar(review)], hasLegend: false, tables: [], itemTables: [],
                        notes: []))
            }
        }
        return Page(
            title: shown(document.title), sections: sections,
            legend: ReviewCharts.outcomes.map { LegendEntry(kind: $0.1, label: $0.0.label) },
            generator: "journal")
    }

    /// `entries/2026/a.md:3` as `entries/`, `2026/`, `a.md:3`.
    static func parts(_ location: String) -> [String] {
        let pieces = location.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        return pieces.enumerated().map { $0.offset < pieces.count - 1 ? $0.element + "/" : $0.element }
    }

    /// Entry text as the page shows it: controls and bidi overrides made visible.
    static func shown(_ text: String) -> String { TerminalText.escape(text) }

    static func visible(_ breakdown: Breakdown) -> Breakdown {
        Breakdown(name: shown(breakdown.name), counts: breakdown.counts)
    }

    static func table(_ table: ReportDocument.Table, caption: String) -> Table {
        Table(
            caption: caption,
            headers: table.headers.enumerated().map {
                Cell(text: $0.element, numeric: table.numericColumns.contains($0.offset), role: "")
            },
            rows: table.rows.enumerated().map { index, row in
                Row(
                    cells: row.enumerated().map { column, text in
                        let role =
                            index < table.roles.count && column < table.roles[index].count
                            ? table.roles[index][column].map(roleClass) ?? "" : ""
                        return Cell(text: shown(text), numeric: table.numericColumns.contains(column), role: role)
                    })
            })
    }

    static func roleClass(_ role: ReportDocument.Role) -> String {
        switch role {
        case .good: return "role-good"
        case .bad: return "role-bad"
        case .warning: return "role-warning"
        case .neutral: return "role-neutral"
        case .dim: return "role-dim"
        }
    }

    static func item(
        _ status: CommitmentStatus?, _ item: ReportDocument.Item, _ headers: [String], _ review: Review,
        _ linkBase: String?
    ) -> Item {
        let path = status?.commitment.path ?? item.location
        return Item(
            label: shown(item.label), role: roleClass(item.role), note: shown(item.note), text: shown(item.text),
            due: shown(item.due), made: item.made.description, location: shown(item.location),
            locationParts: parts(shown(item.location)),
            href: HTMLLink.href(path, base: linkBase), history: status.map { history($0, review, linkBase) } ?? [],
            labelHeader: shown(headers.first ?? ""), noteHeader: shown(headers.dropFirst().first ?? ""))
    }

    /// Made, every follow-up that records something, a tick or release in place, and the outcome.
    static func history(_ status: CommitmentStatus, _ review: Review, _ linkBase: String?) -> [HistoryLine] {
        let commitment = status.commitment
        func line(_ date: String, _ what: String, _ note: String, _ path: String, _ lineNumber: Int) -> HistoryLine {
            HistoryLine(
                date: date, what: what, note: shown(note), location: shown("\(path):\(lineNumber)"),
                href: HTMLLink.href(path, base: linkBase), hasLink: true)
        }
        var lines = [
            line(
                commitment.made.description, "made", commitment.due.map { "due \($0)" } ?? "", commitment.path,
                commitment.location.line)
        ]
        for followUp in status.followUps {
            let what: String
            switch followUp.box {
            case .done: what = "kept"
            case .released: what = "released"
            case .carried: what = followUp.due.map { "moved to \($0)" } ?? "carried"
            case .inProgress: what = "in progress"
            case .open: what = "noted"
            }
            lines.append(
                line(followUp.date.description, what, followUp.note, followUp.path, followUp.location.line))
        }
        if commitment.box == .done, let done = commitment.doneOn, !status.followUps.contains(where: { $0.box == .done })
        {
            lines.append(line(done.description, "ticked in place", "", commitment.path, commitment.location.line))
        }
        if commitment.box == .released, let released = commitment.cancelledOn {
            lines.append(line(released.description, "released in place", "", commitment.path, commitment.location.line))
        }
        lines.append(
            HistoryLine(
                date: review.asOf.description, what: "as of", note: status.outcome.label, location: "", href: "",
                hasLink: false))
        return lines
    }
}

/// Links from the report to entry files.
enum HTMLLink {
    /// `path` (relative to the journal's top folder) under `base`, percent-encoded segment by
    /// segment so no part of a file name can become a scheme, query or fragment. A base that
    /// starts with `http://`, `https://` or `file://` keeps that scheme; any other base is a path.
    static func href(_ path: String, base: String?) -> String {
        var prefix = ""
        var rest = path
        if var base, !base.isEmpty {
            for scheme in ["http://", "https://", "file://"] where base.lowercased().hasPrefix(scheme) {
                prefix = String(base.prefix(scheme.count))
                base = String(base.dropFirst(scheme.count))
                break
            }
            while base.hasSuffix("/") && base.count > 1 { base.removeLast() }
            rest = (base == "/" ? "" : base) + "/" + path
        }
        let encoded = rest.split(separator: "/", omittingEmptySubsequences: false).map(encode)
            .joined(separator: "/")
        // A relative path whose first segment holds no colon cannot be read as a scheme.
        return prefix + encoded
    }

    static func encode(_ segment: Substring) -> String {
        var out = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + TerminalText.hex(UInt32(byte), width: 2)
            }
        }
        return out
    }
}
