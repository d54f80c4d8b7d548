import Testing

@testable import JournalKit

/// The worst shapes of every construct the field grammars read, at 256 KiB on one line: each must
/// be read in time linear in the line (issue 11; the hostile-input issue runs the same sizes).
@Suite struct FieldScanTimeTests {
    static let size = 256 * 1024

    static func repeated(_ unit: String) -> String {
        String(repeating: unit, count: max(1, size / unit.utf8.count))
    }

    static let shapes: [(String, @Sendable () -> String)] = [
        ("wiki links [[ unclosed", { repeated("[[") }),
        ("wiki links [[a]]", { repeated("[[a]] ") }),
        ("[due:: unclosed", { repeated("[due:: ") }),
        ("(due:: unclosed", { repeated("(due:: ") }),
        ("[due:: nested, closed at the end", { repeated("[due:: ") + String(repeating: "]", count: size / 7) }),
        ("(due:: nested, closed at the end", { repeated("(due:: ") + String(repeating: ")", count: size / 7) }),
        ("[due:: bad] closed", { repeated("[due:: x] ") }),
        ("[key:: with no ::", { repeated("[key ") }),
        ("emoji due fields", { repeated("📅 2026-12-01 ") }),
        ("emoji symbols without values", { repeated("📅 ") }),
        ("emoji with bad values", { repeated("📅 1 ") }),
        ("🆔 bad ids", { repeated("🆔 a* ") }),
        ("🆔 before tags, no spaces", { repeated("🆔#") }),
        ("old-style fields with no spaces", { repeated("📅x") }),
        ("recurrence", { "🔁 every" + repeated(" day") }),
        ("depends-on lists", { "⛔ a" + repeated(" , a") }),
        ("150k distinct tags", { (0..<150_000).map { "#t\($0)" }.joined(separator: " ") }),
        ("mentions", { repeated("@a ") }),
        ("due: words", { repeated("due: ") }),
        ("DEADLINE: <", { repeated("DEADLINE: <") }),
        ("%% pairs", { repeated("%%") }),
        ("%% with code spans", { repeated("`%%` ") }),
        ("backtick runs of growing length", { (1..<700).map { String(repeating: "`", count: $0) + " " }.joined() }),
        ("escaped hashes", { repeated("\\#a ") }),
        ("variation selectors", { repeated("✅\u{FE0F}") }),
        ("symbols with no space", { repeated("✅") }),
        ("bad dates with no space", { repeated("📅1") }),
    ]

    @Test(.timeLimit(.minutes(1)), arguments: shapes.indices)
    func oneLineOfTheWorstShapeIsReadInTime(_ index: Int) {
        let (name, make) = Self.shapes[index]
        var config = Config()
        config.commitments = .allTasks
        config.maxEntryBytes = 8 * Self.size
        let line = "- [ ] Call Ana " + make() + " #commit\n- [ ] sentinel\n"
        let clock = ContinuousClock()
        let started = clock.now
        let result = parseEntry(line, stem: "2026-11-27", config: config)
        let elapsed = clock.now - started
        #expect(result.commitments.last?.text == "sentinel", "\(name)")
        #expect(result.diagnostics.count <= 12, "\(name)")
        // Far below the limit: quadratic work on 256 KiB takes minutes, linear well under a second.
        #expect(elapsed < .seconds(20), "\(name): \(elapsed)")
    }
}
