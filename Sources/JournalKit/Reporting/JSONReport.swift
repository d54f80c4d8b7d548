/// The review as JSON: the stable contract documented in docs/REVIEW.md.
///
/// Written with `JSONWriter` straight into bytes; the output is what serialising the same
/// document as a `JSONValue` tree gives, byte for byte (JSONWriterTests and the goldens check it).
public enum JSONReport {
    public static func render(_ review: Review) -> String {
        var out: [UInt8] = []
        render(review, bytes: { out += $0 })
        return String(decoding: out, as: UTF8.self)
    }

    /// Streams the review to `write` as text, one chunk of about 64 KiB at a time.
    public static func render(_ review: Review, to write: (String) -> Void) {
        render(review, bytes: { write(String(decoding: $0, as: UTF8.self)) })
    }

    /// Streams the review to `write` as UTF-8 in chunks of about 64 KiB, each ending after a whole
    /// commitment, so memory does not grow with the size of the output.
    public static func render(_ review: Review, bytes write: ([UInt8]) -> Void) {
        let chunk = 1 << 16
        var json = JSONWriter(capacity: chunk + (chunk >> 2))
        let options = review.options
        json.beginObject()
        json.key("schemaVersion")
        json.int(schemaVersion)
        json.key("asOf")
        json.day(review.asOf)
        json.key("since")
        json.day(options.since)
        json.key("until")
        json.day(options.until)
        json.key("filters")
        json.beginObject()
        json.key("since")
        json.day(options.since)
        json.key("until")
        json.day(options.until)
        json.key("person")
        json.string(options.person)
        json.key("tag")
        json.string(options.tag)
        json.key("matched")
        json.bool(review.unmatchedFilter == nil)
        json.key("message")
        json.string(review.unmatchedFilter)
        json.endObject()
        json.key("entries")
        json.int(review.entries)
        json.key("totals")
        counts(review.totals, rates: false, into: &json)
        json.key("followThroughRate")
        json.rate(review.totals.followThroughRate)
        json.key("onTimeRate")
        json.rate(review.totals.onTimeRate)
        json.key("periods")
        array(review.periods, into: &json, period)
        json.key("people")
        array(review.people, into: &json) { breakdown($0, into: &$1) }
        json.key("tags")
        array(review.tags, into: &json) { breakdown($0, into: &$1) }
        json.key("mirror")
        json.beginObject()
        json.key("lastMirrorEntry")
        json.day(review.lastMirrorEntry)
        json.key("daysSinceMirror")
        json.int(review.daysSinceMirror)
        json.key("expectations")
        array(review.mirror, into: &json, mirror)
        json.endObject()
        json.key("commitments")
        json.beginArray()
        review.commitments.withUnsafeBufferPointer { statuses in
            for index in statuses.indices {
                commitment(statuses, index, into: &json)
                json.flush(above: chunk, to: write)
            }
        }
        json.endArray()
        json.endObject()
        json.raw("\n")
        json.flush(to: write)
    }

    /// The commitments alone, as `journal list --format json` prints them.
    public static func render(commitments: [CommitmentStatus]) -> String {
        var json = JSONWriter(capacity: 1024 * (commitments.count + 1))
        json.beginArray()
        commitments.withUnsafeBufferPointer { statuses in
            for index in statuses.indices { commitment(statuses, index, into: &json) }
        }
        json.endArray()
        json.raw("\n")
        return json.text
    }

    /// Bumped when a key changes meaning or goes away; new keys do not bump it.
    /// 3: periods group commitments by when they were decided (`periods[].by`), not made.
    public static let schemaVersion = 3

    /// An array of objects: multi-line, or `[]` when empty, as `JSONValue` writes it.
    static func array<Element>(
        _ items: [Element], into json: inout JSONWriter, _ object: (Element, inout JSONWriter) -> Void
    ) {
        json.beginArray()
        // Through the buffer, so that each element is borrowed rather than copied out.
        items.withUnsafeBufferPointer { buffer in
            for index in buffer.indices { object(buffer[index], &json) }
        }
        json.endArray()
    }

    static func counts(_ counts: Counts, rates: Bool, into json: inout JSONWriter) {
        json.beginObject()
        countPairs(counts, rates: rates, into: &json)
        json.endObject()
    }

    /// `made`, `kept`, the eight outcomes, `releasedUndated`, and with `rates` both rates.
    static func countPairs(_ counts: Counts, rates: Bool, made: Bool = true, into json: inout JSONWriter) {
        if made {
            json.key("made")
            json.int(counts.made)
        }
        json.key("kept")
        json.int(counts.kept)
        for outcome in Outcome.allCases {
            json.key(escaping: outcome.rawValue)
            json.int(counts.count(outcome))
        }
        json.key("releasedUndated")
        json.int(counts.releasedUndated)
        if rates {
            json.key("followThroughRate")
            json.rate(counts.followThroughRate)
            json.key("onTimeRate")
            json.rate(counts.onTimeRate)
        }
    }

    static func breakdown(_ breakdown: Breakdown, into json: inout JSONWriter) {
        json.beginObject()
        json.key("name")
        json.string(breakdown.name)
        countPairs(breakdown.counts, rates: true, into: &json)
        json.endObject()
    }

    /// A trend period: its name, its days, `by: "decided"` (what places a commitment in it), and
    /// the counts of the commitments decided in it plus the open ones made in it.
    static func period(_ period: PeriodBreakdown, into json: inout JSONWriter) {
        json.beginObject()
        json.key("period")
        json.string(period.name)
        json.key("by")
        json.string("decided")
        json.key("start")
        json.day(period.start)
        json.key("end")
        json.day(period.end)
        countPairs(period.counts, rates: true, into: &json)
        json.endObject()
    }

    static func mirror(_ figure: MirrorFigure, into json: inout JSONWriter) {
        json.beginObject()
        json.key("tag")
        json.string(figure.tag)
        json.key("expectations")
        json.int(figure.expectations)
        // `ownCommitments` stands for `made`, the first pair.
        json.key("ownCommitments")
        json.int(figure.own.made)
        countPairs(figure.own, rates: true, made: false, into: &json)
        json.key("note")
        json.string(figure.note)
        json.endObject()
    }

    /// One commitment, read in place through the buffer: passing the status by value copied it
    /// (a retain of every field) for each commitment; through a pointer, fields are projected.
    static func commitment(
        _ statuses: UnsafeBufferPointer<CommitmentStatus>, _ index: Int, into json: inout JSONWriter
    ) {
        guard let first = statuses.baseAddress, statuses.indices.contains(index) else { return }
        commitment(first + index, into: &json)
    }

    static func commitment(_ status: UnsafePointer<CommitmentStatus>, into json: inout JSONWriter) {
        json.beginObject()
        json.key("ref")
        json.string(status.pointee.commitment.reference.description)
        json.key("id")
        json.string(status.pointee.commitment.id)
        json.key("text")
        json.string(status.pointee.commitment.text)
        json.key("entry")
        json.string(status.pointee.commitment.path)
        json.key("line")
        json.int(status.pointee.commitment.location.line)
        json.key("made")
        json.day(status.pointee.commitment.made)
        json.key("due")
        json.day(status.pointee.due)
        json.key("originalDue")
        json.day(status.pointee.originalDue)
        json.key("dueChanges")
        json.int(status.pointee.dueChanges)
        json.key("lateRenegotiations")
        json.int(status.pointee.lateRenegotiations)
        json.key("status")
        json.string(status.pointee.status.rawValue)
        json.key("outcome")
        json.string(status.pointee.outcome.rawValue)
        json.key("releasedLate")
        json.bool(status.pointee.releasedLate)
        json.key("releasedOn")
        json.day(status.pointee.releasedOn)
        json.key("onTime")
        json.bool(status.pointee.onTime)
        json.key("doneOn")
        json.day(status.pointee.doneOn)
        json.key("people")
        json.strings(status.pointee.commitment.people)
        json.key("personFromEntry")
        json.bool(status.pointee.commitment.personFromEntry)
        json.key("tags")
        json.strings(status.pointee.commitment.tags)
        // Read from Obsidian Tasks and Dataview fields; kept for scripts, not yet judged.
        json.key("scheduled")
        json.day(status.pointee.commitment.scheduled)
        json.key("start")
        json.day(status.pointee.commitment.start)
        json.key("created")
        json.day(status.pointee.commitment.created)
        json.key("priority")
        json.string(status.pointee.commitment.priority?.rawValue)
        json.key("recurrence")
        json.string(status.pointee.commitment.recurrence)
        json.key("followUps")
        json.beginArray()
        status.pointee.followUps.withUnsafeBufferPointer { followUps in
            guard let first = followUps.baseAddress else { return }
            for offset in followUps.indices { followUp(first + offset, into: &json) }
        }
        json.endArray()
        json.endObject()
    }

    static func followUp(_ followUp: UnsafePointer<FollowUp>, into json: inout JSONWriter) {
        json.beginObject()
        json.key("entry")
        json.string(followUp.pointee.path)
        json.key("line")
        json.int(followUp.pointee.location.line)
        json.key("date")
        json.day(followUp.pointee.date)
        json.key("mark")
        json.string(followUp.pointee.box.mark)
        json.key("note")
        json.string(followUp.pointee.note)
        json.key("doneOn")
        json.day(followUp.pointee.box == .done || followUp.pointee.box == .released ? followUp.pointee.doneOn : nil)
        json.key("due")
        json.day(followUp.pointee.box == .carried ? followUp.pointee.due : nil)
        json.endObject()
    }
}
