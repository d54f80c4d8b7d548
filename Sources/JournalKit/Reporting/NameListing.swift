/// `journal people` and `journal tags` output: a table, or a JSON array.
public enum NameListing {
    public static func text(_ summaries: [NameSummary], _ kind: NameSummary.Kind, width: Int = 100) -> String {
        let sigil = kind == .people ? "@" : "#"
        let table = ReportDocument.Table(
            headers: [kind == .people ? "Person" : "Theme", "Made", "Kept", "Open", "Overdue", "Last seen"],
            rows: summaries.map {
                [sigil + $0.name, "\($0.made)", "\($0.kept)", "\($0.open)", "\($0.overdue)", "\($0.lastSeen)"]
            }, numericColumns: [1, 2, 3, 4])
        return TextReport.render(table, width: width, color: false).0
    }

    /// `[{"name", "made", "kept", "open", "overdue", "lastSeen"}]`, sorted by name.
    public static func json(_ summaries: [NameSummary]) -> String {
        let rows = summaries.map { summary -> JSONValue in
            .object([
                ("name", .string(summary.name)), ("made", .int(summary.made)), ("kept", .int(summary.kept)),
                ("open", .int(summary.open)), ("overdue", .int(summary.overdue)), ("lastSeen", .day(summary.lastSeen)),
            ])
        }
        return JSONValue.array(rows).serialized() + "\n"
    }
}
