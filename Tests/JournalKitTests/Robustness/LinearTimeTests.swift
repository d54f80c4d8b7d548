import Testing

@testable import JournalKit

/// Issue 10, class 1, for the constructs the item scanner reads: each builds the worst shape at
/// 256 KiB and must finish well inside the time limit (a hang fails instead of stalling CI).
/// Wiki-link openers, unclosed Dataview fields and distinct tags and people are quadratic in
/// today's `ItemSyntax`, so they are disabled until the linear token pass of the item-scanner
/// rewrite (issue 11) lands. Tags and people alone take 27 s in a debug build, inside the
/// limit, but in the full suite on two cores they starve the other tests past theirs.
/// Emoji fields without values are already linear and run now.
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

    @Test(.disabled("until the item scanner rewrite lands")) func wikiLinkOpeners() {
        let result = parseEntry(Self.repeated("[["))
        #expect(result.commitments.count == 1)
    }

    @Test(.disabled("until the item scanner rewrite lands")) func dataviewFieldsNeverClosed() {
        let result = parseEntry(Self.repeated("[due:: "))
        #expect(result.commitments.count == 1)
    }

    @Test func emojiFieldsWithoutValues() {
        let result = parseEntry(Self.repeated("📅 ✅ 🆔 "))
        #expect(result.commitments.count == 1)
    }

    @Test(.disabled("until the item scanner rewrite lands")) func distinctTags() {
        let result = parseEntry(Self.distinct("#"))
        #expect(result.commitments.first?.tags.count ?? 0 > 10_000)
    }

    @Test(.disabled("until the item scanner rewrite lands")) func distinctPeople() {
        let result = parseEntry(Self.distinct("@"))
        #expect(result.commitments.first?.people.count ?? 0 > 10_000)
    }
}
