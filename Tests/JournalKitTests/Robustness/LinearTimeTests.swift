import Testing

@testable import JournalKit

/// Issue 10, class 1, for the constructs the item scanner reads: each builds the worst shape at
/// 256 KiB and must finish well inside the time limit (a hang fails instead of stalling CI).
/// The byte-level token pass reads each in one pass; before it, wiki-link openers, unclosed
/// Dataview fields and distinct tags and people were quadratic.
@Suite(.timeLimit(.minutes(1))) struct LinearTimeTests {
    static let size = 256 * 1024

    static func repeated(_ unit: String, prefix: String = "- [ ] x ", suffix: String = " #commit") -> String {
        let count = (size - prefix.utf8.count - suffix.utf8.count) / unit.utf8.count
        return prefix + String(repeating: unit, count: count) + suffix + "\n"
    }

    static func distinct(_ sigil: String) -> String {
        var line = "- [ ] x"
        var index = 0
        while line.utf8.count < size - 16 {
            line += " \(sigil)n\(index)"
            index += 1
        }
        return line + " #commit\n"
    }

    @Test func wikiLinkOpeners() {
        let result = parseEntry(Self.repeated("[["))
        #expect(result.commitments.count == 1)
    }

    @Test func dataviewFieldsNeverClosed() {
        let result = parseEntry(Self.repeated("[due:: "))
        #expect(result.commitments.count == 1)
    }

    @Test func emojiFieldsWithoutValues() {
        let result = parseEntry(Self.repeated("📅 ✅ 🆔 "))
        #expect(result.commitments.count == 1)
    }

    @Test func distinctTags() {
        let result = parseEntry(Self.distinct("#"))
        #expect(result.commitments.first?.tags.count ?? 0 > 10_000)
    }

    @Test func distinctPeople() {
        let result = parseEntry(Self.distinct("@"))
        #expect(result.commitments.first?.people.count ?? 0 > 10_000)
    }
}
