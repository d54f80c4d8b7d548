import Foundation
import Testing

@testable import JournalKit

/// The index's record format: every fixture record comes back exactly, and damaged bytes are
/// refused, never misread.
@Suite struct EntryRecordTests {
    static var root: String {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(5)  // Tests/JournalKitTests/Storage/Index/<file>
        return parts.joined(separator: "/")
    }

    /// The fixture journals whose records the golden hash covers.
    static var journals: [String] {
        let fixtures = "\(root)/Tests/Fixtures"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures)) ?? []
        return ["\(root)/journal-example"] + names.sorted().map { "\(fixtures)/\($0)" }
    }

    /// Every file's record, as the parser makes it, in path order.
    static func records(_ journal: String) throws -> [(path: String, result: EntryParser.Result)] {
        let config = Config.load(root: journal).0
        let parser = EntryParser(config: config)
        return try EntryFiles(root: journal, config: config).files.sorted { $0.path < $1.path }.map { file in
            let bytes = try FileReader.read("\(journal)/\(file.path)", limit: config.maxEntryBytes)
            return (file.path, parser.parse(bytes, path: file.path, stem: file.stem, date: file.date))
        }
    }

    @Test func everyFixtureRecordDecodesToWhatTheParserMade() throws {
        var count = 0
        for journal in Self.journals {
            for (path, result) in try Self.records(journal) {
                let decoded = try EntryRecord.decode(EntryRecord.encode(result))
                #expect(decoded.entry == result.entry, "\(path)")
                #expect(decoded.diagnostics == result.diagnostics, "\(path)")
                count += 1
            }
        }
        #expect(count > 20)
    }

    @Test func everyFieldSurvives() throws {
        var commitment = Commitment(
            reference: Reference(stem: "2026-11-20", id: "call"), text: "Call Ana — é", box: .inProgress,
            people: ["ana"], personFromEntry: true, tags: ["a", "b"], due: day("2026-12-04"), doneOn: day("2026-12-01"),
            cancelledOn: day("1970-01-01"), made: day("2026-11-19"), path: "other.md",
            location: SourceLocation(line: 3, column: nil))
        commitment.scheduled = day("0001-01-01")
        commitment.start = day("9999-12-31")
        commitment.created = day("2026-11-20")
        commitment.priority = .lowest
        commitment.recurrence = "every week"
        commitment.formerIds = ["old"]
        let followUp = FollowUp(
            target: Reference(stem: "x", id: "y"), box: .carried, note: "n",
            parts: FollowUp.NoteParts(label: nil, afterLink: "a", beforeLink: "b", subItems: ["s", ""]),
            due: nil, doneOn: day("2026-11-21"), date: day("2026-11-20"), path: "e.md",
            location: SourceLocation(line: 1_000_000, column: 7))
        let expectation = Expectation(
            text: "t", tags: [], people: ["li"], personFromEntry: false, date: day("2026-11-22"), path: "e.md",
            location: SourceLocation(line: 2, column: 1))
        let entry = Entry(
            path: "e.md", stem: "e", date: day("2026-11-20"), template: "weekly-mirror", title: nil, tags: ["t"],
            people: [], commitments: [commitment], followUps: [followUp], expectations: [expectation])
        let result = EntryParser.Result(
            entry: entry,
            diagnostics: [
                Diagnostic(path: "e.md", line: 1, column: nil, severity: .error, message: "m"),
                Diagnostic(path: "e.md", severity: .warning, message: ""),
            ])
        let decoded = try EntryRecord.decode(EntryRecord.encode(result))
        #expect(decoded.entry == entry)
        #expect(decoded.diagnostics == result.diagnostics)
        let none = try EntryRecord.decode(EntryRecord.encode(EntryParser.Result(entry: nil, diagnostics: [])))
        #expect(none.entry == nil && none.diagnostics.isEmpty)
    }

    @Test func everyTruncationAndEveryFlippedByteIsRefused() throws {
        let (_, result) = try #require(Self.records("\(Self.root)/journal-example").first { $0.result.entry != nil })
        let bytes = EntryRecord.encode(result)
        for length in 0..<bytes.count {
            #expect(throws: EntryRecord.DecodeError.self) { try EntryRecord.decode(Array(bytes[..<length])) }
        }
        for index in bytes.indices {
            var damaged = bytes
            damaged[index] ^= 0x5A
            #expect(throws: EntryRecord.DecodeError.self) { try EntryRecord.decode(damaged) }
        }
        #expect(throws: EntryRecord.DecodeError.self) { try EntryRecord.decode(bytes + [0]) }
    }
}

/// `ExtractionSchema.version` cannot go stale: the records of the fixture journals are hashed,
/// and a different hash under the same version fails until both are updated.
@Suite struct ExtractionSchemaTests {
    /// The version and the hash of the fixture records it was set for.
    static let golden = (version: 1, hash: "890a45d83a9d8589")

    @Test func theFixtureRecordsMatchTheGoldenHashForThisVersion() throws {
        var all: [UInt8] = []
        for journal in EntryRecordTests.journals {
            let name = journal.split(separator: "/").last.map(String.init) ?? journal
            for (path, result) in try EntryRecordTests.records(journal) {
                all += Array("\(name)/\(path)\n".utf8) + EntryRecord.encode(result)
            }
        }
        let hash = Checksum.hex(Checksum.of(all))
        if hash != Self.golden.hash, ExtractionSchema.version == Self.golden.version {
            Issue.record("extraction changed: bump `ExtractionSchema.version` and the golden hash (now \(hash))")
        } else if ExtractionSchema.version != Self.golden.version || hash != Self.golden.hash {
            Issue.record("set the golden to (version: \(ExtractionSchema.version), hash: \"\(hash)\")")
        }
    }
}
