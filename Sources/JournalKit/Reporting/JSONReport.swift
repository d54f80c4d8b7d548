/// The review as JSON: the stable contract documented in docs/REVIEW.md.
public enum JSONReport {
    public static func render(_ review: Review) -> String {
        var out = ""
        render(review) { out += $0 }
        return out
    }

    /// Streams the review to `write` one commitment at a time, so memory does not grow with the
    /// size of the output.
    public static func render(_ review: Review, to write: (String) -> Void) {
        let options = review.options
        let header: [(String, JSONValue)] = [
            ("schemaVersion", .int(schemaVersion)),
            ("asOf", .day(review.asOf)),
            ("since", .day(options.since)),
            ("until", .day(options.until)),
            (
                "filters",
                .object([
                    ("since", .day(options.since)), ("until", .day(options.until)), ("person", .string(options.person)),
                    ("tag", .string(options.tag)), ("matched", .bool(review.unmatchedFilter == nil)),
                    ("message", .string(review.unmatchedFilter)),
                ])
            ),
            ("entries", .int(review.entries)),
            ("totals", counts(review.totals, rates: false)),
            ("followThroughRate", .rate(review.totals.followThroughRate)),
            ("onTimeRate", .rate(review.totals.onTimeRate)),
            ("periods", .array(review.periods.map(period))),
            ("people", .array(review.people.map { breakdown("name", $0) })),
            ("tags", .array(review.tags.map { breakdown("name", $0) })),
            (
                "mirror",
                .object([
                    ("lastMirrorEntry", .day(review.lastMirrorEntry)),
                    ("daysSinceMirror", .int(review.daysSinceMirror)),
                    ("expectations", .array(review.mirror.map(mirror))),
                ])
            ),
        ]
        var out = "{"
        for (key, value) in header {
            out += "\n  "
            JSONValue.quote(key, into: &out)
            out += ": "
            value.serialize(into: &out, indent: 1)
            out += ","
        }
        out += "\n  \"commitments\": ["
        for (index, status) in review.commitments.enumerated() {
            out += index == 0 ? "\n    " : ",\n    "
            commitment(status).serialize(into: &out, indent: 2)
            if out.utf8.count > 1 << 16 {
                write(out)
                out = ""
            }
        }
        out += review.commitments.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        write(out)
    }

    /// The commitments alone, as `journal list --format json` prints them.
    public static func render(commitments: [CommitmentStatus]) -> String {
        JSONValue.array(commitments.map(commitment)).serialized() + "\n"
    }

    /// Bumped when a key changes meaning or goes away; new keys do not bump it.
    /// 3: periods group commitments by when they were decided (`periods[].by`), not made.
    public static let schemaVersion = 3

    static func counts(_ counts: Counts, rates: Bool) -> JSONValue { .object(countPairs(counts, rates: rates)) }

    /// `made`, `kept`, the eight outcomes, `releasedUndated`, and with `rates` both rates.
    static func countPairs(_ counts: Counts, rates: Bool) -> [(String, JSONValue)] {
        var pairs: [(String, JSONValue)] = [("made", .int(counts.made)), ("kept", .int(counts.kept))]
        pairs += Outcome.allCases.map { ($0.rawValue, .int(counts.count($0))) }
        pairs.append(("releasedUndated", .int(counts.releasedUndated)))
        if rates {
            pairs.append(("followThroughRate", .rate(counts.followThroughRate)))
            pairs.append(("onTimeRate", .rate(counts.onTimeRate)))
        }
        return pairs
    }

    static func breakdown(_ key: String, _ breakdown: Breakdown) -> JSONValue {
        .object([(key, .string(breakdown.name))] + countPairs(breakdown.counts, rates: true))
    }

    /// A trend period: its name, its days, `by: "decided"` (what places a commitment in it), and
    /// the counts of the commitments decided in it plus the open ones made in it.
    static func period(_ period: PeriodBreakdown) -> JSONValue {
        .object(
            [
                ("period", .string(period.name)), ("by", .string("decided")), ("start", .day(period.start)),
                ("end", .day(period.end)),
            ] + countPairs(period.counts, rates: true))
    }

    static func mirror(_ figure: MirrorFigure) -> JSONValue {
        .object(
            [
                ("tag", .string(figure.tag)), ("expectations", .int(figure.expectations)),
                ("ownCommitments", .int(figure.own.made)),
                // `ownCommitments` stands for `made`, the first pair.
            ] + countPairs(figure.own, rates: true).dropFirst() + [("note", .string(figure.note))])
    }

    static func commitment(_ status: CommitmentStatus) -> JSONValue {
        let c = status.commitment
        return .object([
            ("ref", .string(c.reference.description)), ("id", .string(c.id)), ("text", .string(c.text)),
            ("entry", .string(c.path)), ("line", .int(c.location.line)), ("made", .day(c.made)),
            ("due", .day(status.due)), ("originalDue", .day(status.originalDue)),
            ("dueChanges", .int(status.dueChanges)), ("lateRenegotiations", .int(status.lateRenegotiations)),
            ("status", .string(status.status.rawValue)), ("outcome", .string(status.outcome.rawValue)),
            ("releasedLate", .bool(status.releasedLate)), ("releasedOn", .day(status.releasedOn)),
            ("onTime", .bool(status.onTime)), ("doneOn", .day(status.doneOn)), ("people", .strings(c.people)),
            ("personFromEntry", .bool(c.personFromEntry)), ("tags", .strings(c.tags)),
            // Read from Obsidian Tasks and Dataview fields; kept for scripts, not yet judged.
            ("scheduled", .day(c.scheduled)), ("start", .day(c.start)), ("created", .day(c.created)),
            ("priority", .string(c.priority?.rawValue)), ("recurrence", .string(c.recurrence)),
            (
                "followUps",
                .array(
                    status.followUps.map { followUp in
                        .object([
                            ("entry", .string(followUp.path)), ("line", .int(followUp.location.line)),
                            ("date", .day(followUp.date)), ("mark", .string(followUp.box.mark)),
                            ("note", .string(followUp.note)),
                            (
                                "doneOn",
                                .day(followUp.box == .done || followUp.box == .released ? followUp.doneOn : nil)
                            ),
                            ("due", .day(followUp.box == .carried ? followUp.due : nil)),
                        ])
                    })
            ),
        ])
    }
}
