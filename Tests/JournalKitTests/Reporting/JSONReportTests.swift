import Foundation
import Testing

@testable import JournalKit

/// The JSON contract of docs/REVIEW.md, read back with Foundation's parser as a consumer would.
@Suite struct JSONReportTests {
    /// `made`, `kept`, the eight outcomes of docs/REVIEW.md and `releasedUndated`.
    static let countKeys: Set<String> = [
        "made", "kept", "keptOnTime", "keptLate", "keptUndated", "released", "releasedLate", "releasedUndated",
        "missed", "stale", "open",
    ]
    static let topKeys: [String] = [
        "schemaVersion", "asOf", "since", "until", "filters", "entries", "totals", "followThroughRate", "onTimeRate",
        "periods", "people", "tags", "mirror", "commitments",
    ]
    static let commitmentKeys: [String] = [
        "ref", "id", "text", "entry", "line", "made", "due", "originalDue", "dueChanges", "lateRenegotiations",
        "status", "outcome", "releasedLate", "releasedOn", "onTime", "doneOn", "people", "personFromEntry", "tags",
        "scheduled", "start", "created", "priority", "recurrence", "followUps",
    ]

    func parse(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    func object(_ value: Any?) -> [String: Any] {
        guard let object = value as? [String: Any] else {
            Issue.record("not an object: \(String(describing: value))")
            return [:]
        }
        return object
    }

    func array(_ value: Any?) -> [Any] {
        guard let array = value as? [Any] else {
            Issue.record("not an array: \(String(describing: value))")
            return []
        }
        return array
    }

    func isBool(_ value: Any?) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    func isInteger(_ value: Any?) -> Bool {
        guard let number = value as? NSNumber, !isBool(value) else { return false }
        return number.doubleValue == number.doubleValue.rounded()
    }

    func isNull(_ value: Any?) -> Bool { value is NSNull }

    func isDay(_ value: Any?) -> Bool { (value as? String).flatMap { Day(iso: $0) } != nil }

    /// A rate is null or a number in [0, 1].
    func isRate(_ value: Any?) -> Bool {
        if isNull(value) { return true }
        guard let number = value as? NSNumber, !isBool(value) else { return false }
        return (0...1).contains(number.doubleValue)
    }

    func expectCounts(
        _ object: [String: Any], extra: Set<String>, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(Set(object.keys) == Self.countKeys.union(extra), sourceLocation: sourceLocation)
        for key in Self.countKeys {
            #expect(isInteger(object[key]), "\(key) is not an integer", sourceLocation: sourceLocation)
        }
        if extra.contains("followThroughRate") {
            #expect(isRate(object["followThroughRate"]), sourceLocation: sourceLocation)
            #expect(isRate(object["onTimeRate"]), sourceLocation: sourceLocation)
        }
        // The eight outcomes add up to made.
        let outcomes = ["keptOnTime", "keptLate", "keptUndated", "released", "releasedLate", "missed", "stale", "open"]
        #expect(
            outcomes.compactMap { object[$0] as? Int }.reduce(0, +) == object["made"] as? Int,
            sourceLocation: sourceLocation)
    }

    @Test func shapeAndTypes() throws {
        let review = SmallJournal.review()
        let root = object(try parse(JSONReport.render(review)))
        #expect(Set(root.keys) == Set(Self.topKeys))
        #expect(root["schemaVersion"] as? Int == 3)
        #expect(root["asOf"] as? String == "2026-11-27")
        let filters = object(root["filters"])
        #expect(Set(filters.keys) == ["since", "until", "person", "tag", "matched", "message"])
        #expect(isNull(filters["person"]) && isBool(filters["matched"]) && isNull(filters["message"]))
        #expect(isNull(root["since"]) && isNull(root["until"]))
        #expect(isInteger(root["entries"]) && root["entries"] as? Int == 2)
        expectCounts(object(root["totals"]), extra: [])
        #expect(isRate(root["followThroughRate"]) && isRate(root["onTimeRate"]))
        #expect((root["followThroughRate"] as? Double) == 0.5)
        #expect((root["onTimeRate"] as? Double) == 0.25)

        let periods = array(root["periods"]).map(object)
        #expect(periods.map { $0["period"] as? String } == ["2026-W45", "2026-W46", "2026-W47", "2026-W48"])
        for period in periods {
            expectCounts(period, extra: ["period", "by", "start", "end", "followThroughRate", "onTimeRate"])
            #expect(period["by"] as? String == "decided")
        }
        #expect(periods.map { $0["start"] as? String } == ["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"])
        #expect(periods.map { $0["end"] as? String } == ["2026-11-08", "2026-11-15", "2026-11-22", "2026-11-29"])
        #expect(periods.map { $0["made"] as? Int } == [2, 3, 1, 0])
        #expect(isNull(periods.last?["followThroughRate"]))

        for key in ["people", "tags"] {
            let rows = array(root[key]).map(object)
            let names = rows.compactMap { $0["name"] as? String }
            #expect(names == names.sorted(), "\(key) not sorted by name")
            #expect(names.count == rows.count)
            for row in rows { expectCounts(row, extra: ["name", "followThroughRate", "onTimeRate"]) }
        }
        #expect(
            array(root["people"]).map(object).compactMap { $0["name"] as? String } == ["ana", "li", "maria", "tom"])

        let mirror = object(root["mirror"])
        #expect(Set(mirror.keys) == ["lastMirrorEntry", "daysSinceMirror", "expectations"])
        #expect(mirror["lastMirrorEntry"] as? String == "2026-11-02")
        #expect(isInteger(mirror["daysSinceMirror"]) && mirror["daysSinceMirror"] as? Int == 25)
        let expectations = array(mirror["expectations"]).map(object)
        #expect(expectations.compactMap { $0["tag"] as? String } == ["crm", "prep"])
        for expectation in expectations {
            #expect(
                Set(expectation.keys)
                    == Self.countKeys.subtracting(["made"]).union([
                        "tag", "expectations", "ownCommitments", "followThroughRate", "onTimeRate", "note",
                    ]))
            for key in Self.countKeys.subtracting(["made"]).union(["expectations", "ownCommitments"]) {
                #expect(isInteger(expectation[key]))
            }
            #expect(isNull(expectation["note"]) || expectation["note"] is String)
            #expect(isRate(expectation["followThroughRate"]))
        }
        #expect(isNull(expectations.last?["followThroughRate"]))
    }

    @Test func commitmentObjects() throws {
        let root = object(try parse(JSONReport.render(SmallJournal.review())))
        let commitments = array(root["commitments"]).map(object)
        #expect(commitments.count == 6)
        for commitment in commitments {
            #expect(Set(commitment.keys) == Set(Self.commitmentKeys))
            for key in ["ref", "id", "text", "entry", "status"] { #expect(commitment[key] is String, "\(key)") }
            for key in ["line", "dueChanges", "lateRenegotiations"] { #expect(isInteger(commitment[key]), "\(key)") }
            #expect(isDay(commitment["made"]))
            for key in ["due", "originalDue", "doneOn"] {
                #expect(isNull(commitment[key]) || isDay(commitment[key]), "\(key)")
            }
            #expect(isNull(commitment["onTime"]) || isBool(commitment["onTime"]))
            #expect(isBool(commitment["releasedLate"]) && isBool(commitment["personFromEntry"]))
            #expect(isNull(commitment["releasedOn"]) || isDay(commitment["releasedOn"]))
            for key in ["scheduled", "start", "created"] { #expect(isNull(commitment[key]) || isDay(commitment[key])) }
            #expect(isNull(commitment["priority"]) || commitment["priority"] is String)
            let outcomes = [
                "keptOnTime", "keptLate", "keptUndated", "released", "releasedLate", "missed", "stale", "open",
            ]
            #expect(outcomes.contains(commitment["outcome"] as? String ?? ""))
            #expect(["kept", "released", "missed", "open", "stale"].contains(commitment["status"] as? String ?? ""))
            #expect(commitment["people"] is [String] && commitment["tags"] is [String])
            let ref = commitment["ref"] as? String ?? ""
            #expect(ref.hasSuffix("#" + (commitment["id"] as? String ?? "?")))
            let entry = commitment["entry"] as? String ?? ""
            #expect(entry.hasPrefix("entries/") && !entry.hasPrefix("/") && !entry.contains("\\"))
            for followUp in array(commitment["followUps"]).map(object) {
                #expect(Set(followUp.keys) == ["entry", "line", "date", "mark", "note", "doneOn", "due"])
                #expect(isNull(followUp["doneOn"]) || isDay(followUp["doneOn"]))
                #expect(isNull(followUp["due"]) || isDay(followUp["due"]))
                #expect(followUp["entry"] is String && isInteger(followUp["line"]) && isDay(followUp["date"]))
                #expect(["x", "-", ">", "/", " "].contains(followUp["mark"] as? String ?? "?"))
                #expect(followUp["note"] is String)
            }
        }
        // By made date, then path, then line.
        let order = commitments.map {
            ($0["made"] as? String ?? "", $0["entry"] as? String ?? "", $0["line"] as? Int ?? 0)
        }
        #expect(zip(order, order.dropFirst()).allSatisfy { $0 <= $1 })

        let bookAna = commitments.first { $0["id"] as? String == "book-ana" }
        #expect(bookAna?["ref"] as? String == "2026-11-02-weekly-mirror#book-ana")
        #expect(bookAna?["entry"] as? String == "entries/2026-11-02-weekly-mirror.md")
        #expect(bookAna?["line"] as? Int == 14)
        #expect(bookAna?["due"] as? String == "2026-12-01")
        #expect(bookAna?["originalDue"] as? String == "2026-11-13")
        #expect(bookAna?["dueChanges"] as? Int == 1)
        #expect(bookAna?["status"] as? String == "open")
        #expect(bookAna?["people"] as? [String] == ["ana"])
        #expect(bookAna?["tags"] as? [String] == ["coaching"])
        let followUp = array(bookAna?["followUps"]).map(object).first
        #expect(followUp?["entry"] as? String == "entries/2026-11-09.md")
        #expect(followUp?["line"] as? Int == 4)
        #expect(followUp?["date"] as? String == "2026-11-09")
        #expect(followUp?["mark"] as? String == ">")
        #expect(followUp?["note"] as? String == "Course full; booked on the next one")

        let share = commitments.first { $0["id"] as? String == "share-the-qbr-notes-with" }
        #expect(share?["onTime"] as? Bool == true && isBool(share?["onTime"]))
        #expect(share?["doneOn"] as? String == "2026-11-03")
        let recognise = commitments.first { $0["id"] as? String == "recognise-maria-s-renewal-win" }
        #expect(recognise?["onTime"] as? Bool == false && isBool(recognise?["onTime"]))
    }

    @Test func keysComeInTheDocumentedOrder() {
        let text = JSONReport.render(SmallJournal.review())
        func positions(_ keys: [String], after start: String.Index) -> [Int] {
            keys.map { key in
                text.range(of: "\"\(key)\":", range: start..<text.endIndex).map {
                    text.distance(from: start, to: $0.lowerBound)
                }
                    ?? -1
            }
        }
        let top = positions(Self.topKeys, after: text.startIndex)
        #expect(top == top.sorted() && !top.contains(-1))
        guard let commitments = text.range(of: "\"commitments\":") else {
            Issue.record("no commitments")
            return
        }
        let first = positions(Self.commitmentKeys, after: commitments.upperBound)
        #expect(first == first.sorted() && !first.contains(-1))
    }

    @Test func filtersAreEchoed() throws {
        let review = SmallJournal.review {
            $0.since = day("2026-11-09")
            $0.until = day("2026-11-20")
        }
        let root = object(try parse(JSONReport.render(review)))
        #expect(root["since"] as? String == "2026-11-09")
        #expect(root["until"] as? String == "2026-11-20")
        #expect(array(root["commitments"]).count == 2)
        #expect(isNull(root["onTimeRate"]) == false)
    }

    @Test func nullRatesAndNoMirror() throws {
        let files = [("2026-11-02", "- [ ] Plan Q1 due:2026-12-01 #commit\n")]
        let review = Review(entries: entries(files), options: ReviewOptions(asOf: day("2026-11-03")))
        let root = object(try parse(JSONReport.render(review)))
        #expect(isNull(root["followThroughRate"]) && isNull(root["onTimeRate"]))
        let mirror = object(root["mirror"])
        #expect(isNull(mirror["lastMirrorEntry"]) && isNull(mirror["daysSinceMirror"]))
        #expect(array(mirror["expectations"]).isEmpty)
        #expect(array(root["people"]).isEmpty && array(root["tags"]).isEmpty)
    }

    @Test func listPrintsTheSameCommitmentObjects() throws {
        let review = SmallJournal.review()
        let listed = array(try parse(JSONReport.render(commitments: review.commitments))).map(object)
        let reviewed = array(object(try parse(JSONReport.render(review)))["commitments"]).map(object)
        #expect(listed.count == reviewed.count)
        #expect(listed.compactMap { $0["ref"] as? String } == reviewed.compactMap { $0["ref"] as? String })
        #expect(listed.allSatisfy { Set($0.keys) == Set(Self.commitmentKeys) })
        #expect(JSONReport.render(commitments: []) == "[]\n")
    }

    @Test func ratesAreRoundedToFourDecimals() {
        #expect(JSONValue.rate(20.0 / 26.0).serialized() == "0.7692")
        #expect(JSONValue.rate(1).serialized() == "1")
        #expect(JSONValue.rate(0).serialized() == "0")
        #expect(JSONValue.rate(nil).serialized() == "null")
    }

    @Test func otherToolsFieldsReachTheJSON() throws {
        let text = "- [ ] Call Ana ⏫ ⏳ 2026-11-25 🛫 2026-11-24 ➕ 2026-11-20 🔁 every week #commit\n"
        let review = Review(entries: entries([("2026-11-20", text)]), options: ReviewOptions(asOf: day("2026-11-27")))
        let root = object(try parse(JSONReport.render(review)))
        let commitment = array(root["commitments"]).map(object).first ?? [:]
        #expect(commitment["scheduled"] as? String == "2026-11-25")
        #expect(commitment["start"] as? String == "2026-11-24")
        #expect(commitment["created"] as? String == "2026-11-20")
        #expect(commitment["priority"] as? String == "high")
        #expect(commitment["recurrence"] as? String == "every week")
    }
}
