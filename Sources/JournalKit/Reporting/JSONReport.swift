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
        let header: [(String, JSONValue)] = [
            ("asOf", .day(review.asOf)),
            ("since", .day(review.options.since)),
            ("until", .day(review.options.until)),
            ("entries", .int(review.entries)),
            ("totals", counts(review.totals, rates: false)),
            ("followThroughRate", .rate(review.totals.followThroughRate)),
            ("onTimeRate", .rate(review.totals.onTimeRate)),
            ("periods", .array(review.periods.map { breakdown("period", $0) })),
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

    static func counts(_ counts: Counts, rates: Bool) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("made", .int(counts.made)), ("kept", .int(counts.kept)), ("keptOnTime", .int(counts.keptOnTime)),
            ("keptLate", .int(counts.keptLate)), ("released", .int(counts.released)),
            ("missed", .int(counts.missed)), ("open", .int(counts.open)), ("stale", .int(counts.stale)),
        ]
        if rates { pairs.append(("followThroughRate", .rate(counts.followThroughRate))) }
        return .object(pairs)
    }

    static func breakdown(_ key: String, _ breakdown: Breakdown) -> JSONValue {
        guard case .object(let pairs) = counts(breakdown.counts, rates: true) else { return .null }
        return .object([(key, .string(breakdown.name))] + pairs)
    }

    static func mirror(_ figure: MirrorFigure) -> JSONValue {
        .object([
            ("tag", .string(figure.tag)), ("expectations", .int(figure.expectations)),
            ("ownCommitments", .int(figure.own.made)), ("kept", .int(figure.own.kept)),
            ("missed", .int(figure.own.missed)), ("stale", .int(figure.own.stale)),
            ("followThroughRate", .rate(figure.own.followThroughRate)),
        ])
    }

    static func commitment(_ status: CommitmentStatus) -> JSONValue {
        let c = status.commitment
        return .object([
            ("ref", .string(c.reference.description)), ("id", .string(c.id)), ("text", .string(c.text)),
            ("entry", .string(c.path)), ("line", .int(c.location.line)), ("made", .day(c.made)),
            ("due", .day(status.due)), ("originalDue", .day(status.originalDue)),
            ("dueChanges", .int(status.dueChanges)), ("lateRenegotiations", .int(status.lateRenegotiations)),
            ("status", .string(status.status.rawValue)), ("onTime", .bool(status.onTime)),
            ("doneOn", .day(status.doneOn)), ("people", .strings(c.people)), ("tags", .strings(c.tags)),
            (
                "followUps",
                .array(
                    status.followUps.map { followUp in
                        .object([
                            ("entry", .string(followUp.path)), ("line", .int(followUp.location.line)),
                            ("date", .day(followUp.date)), ("mark", .string(followUp.box.mark)),
                            ("note", .string(followUp.note)),
                        ])
                    })
            ),
        ])
    }
}
