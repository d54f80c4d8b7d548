import Testing

@testable import JournalKit

/// One input from cmark 0.31's test/pathological_tests.py (same sizes), or one the guard must
/// also see through, and what journal must do with it.
struct PathologicalCase: Sendable, CustomTestStringConvertible {
    enum Outcome: Sendable {
        /// The guard refuses the file with a warning whose reason contains this text.
        case refused(String)
        /// Not text (NUL bytes): skipped with a warning.
        case notText
        /// Parsed: the entry is there, with only the sentinel commitment after the case.
        case parsed
    }

    var name: String
    var outcome: Outcome
    var make: @Sendable () -> String

    var testDescription: String { name }

    /// The case followed by one commitment, which must come out when the file is parsed: it
    /// shows cmark read to the end and journal kept going.
    var bytes: [UInt8] { Array((make() + "\n\n- [ ] sentinel #commit\n").utf8) }

    static let nesting = "CVE-2023-24824"
    static let deep = "containers nested more than"
    static let brackets = "CVE-2023-22486"

    static let all: [PathologicalCase] = [
        .init(name: "nested strong emph", outcome: .parsed) {
            repeated("*a **a ", 32500) + "b" + repeated(" a** a*", 32500)
        },
        .init(name: "many emph closers with no openers", outcome: .parsed) { repeated("a_ ", 32500) },
        .init(name: "many emph openers with no closers", outcome: .parsed) { repeated("_a ", 32500) },
        .init(name: "many link closers with no openers", outcome: .parsed) { repeated("a]", 32500) },
        .init(name: "many link openers with no closers", outcome: .parsed) { repeated("[a", 32500) },
        .init(name: "mismatched openers and closers", outcome: .parsed) { repeated("*a_ ", 25000) },
        .init(name: "issue #389", outcome: .parsed) { repeated("*a ", 20000) + repeated("_a*_ ", 20000) },
        .init(name: "openers and closers multiple of 3", outcome: .parsed) { "a**b" + repeated("c* ", 25000) },
        .init(name: "link openers and emph closers", outcome: .parsed) { repeated("[ a_", 25000) },
        .init(name: "pattern [ (]( repeated", outcome: .parsed) { repeated("[ (](", 40000) },
        .init(name: "pattern ![[]() repeated", outcome: .refused(brackets)) { repeated("![[]()", 160000) },
        .init(name: "hard link/emph case", outcome: .parsed) { "**x [a*b**c*](d)" },
        .init(name: "nested brackets", outcome: .parsed) { repeated("[", 25000) + "a" + repeated("]", 25000) },
        .init(name: "nested block quotes", outcome: .refused(deep)) { repeated("> ", 25000) + "a" },
        .init(name: "deeply nested lists", outcome: .refused(deep)) {
            (0..<500).map { repeated("  ", $0) + "* a\n" }.joined()
        },
        .init(name: "U+0000 in input", outcome: .notText) { "abc\u{0}de\u{0}" },
        .init(name: "backticks", outcome: .refused("larger than max-entry-bytes")) {
            (1..<2500).map { "e" + repeated("`", $0) }.joined()
        },
        .init(name: "backticks within the cap", outcome: .parsed) {
            (1..<2000).map { "e" + repeated("`", $0) }.joined()
        },
        .init(name: "unclosed links A", outcome: .parsed) { repeated("[a](<b", 30000) },
        .init(name: "unclosed links B", outcome: .parsed) { repeated("[a](b", 30000) },
        .init(name: "unclosed <!--", outcome: .parsed) { "</" + repeated("<!--", 300000) },
        .init(name: "runs of </", outcome: .parsed) { repeated("</", 300000) },
        .init(name: "empty lines in deeply nested lists", outcome: .refused(deep)) {
            repeated("- ", 30000) + "x" + repeated("\n", 30000)
        },
        .init(name: "empty lines in deeply nested lists in blockquote", outcome: .refused(deep)) {
            "> " + repeated("- ", 30000) + "x\n" + repeated(">\n", 30000)
        },
        .init(name: "emph in deep blockquote", outcome: .refused(deep)) {
            repeated(">", 100000) + repeated("a*", 100000)
        },
        .init(name: "reference collisions", outcome: .parsed) { referenceCollisions(25000) },
        .init(name: "many references", outcome: .parsed) {
            (1..<80000).map { "[\($0)]: u\n" }.joined() + repeated("[0] ", 5000)
        },
        .init(name: "nested inlines", outcome: .parsed) { repeated("*", 20000) + "a" + repeated("*", 20000) },

        // The same quadratic shapes, kept under the per-line depth bound or hidden from a naive
        // bracket count; cmark 0.30.2 takes seconds on each.
        .init(name: "depth 60 then a million blank lines", outcome: .refused(nesting)) {
            repeated("- ", 60) + "x" + repeated("\n", 1_000_000)
        },
        .init(name: "depth 60 in a block quote then blank quote lines", outcome: .refused(nesting)) {
            "> " + repeated("- ", 60) + "x\n" + repeated(">\n", 500_000)
        },
        .init(name: "nesting by indentation then blank lines", outcome: .refused(nesting)) {
            (0..<60).map { repeated("  ", $0) + "* a\n" }.joined() + repeated("\n", 1_000_000)
        },
        .init(name: "emph in a block quote 64 deep", outcome: .refused(nesting)) {
            repeated(">", 64) + repeated("a*", 500_000)
        },
        .init(name: "lines of 64 list markers", outcome: .refused(nesting)) {
            repeated(repeated("- ", 64) + "a\n", 15000)
        },
        .init(name: "![[]() with ] hidden in code spans", outcome: .refused(brackets)) {
            repeated("![[]()`]`", 20000)
        },
        .init(name: "![[]() with ] hidden in link destinations", outcome: .refused(brackets)) {
            repeated("![[](])", 20000)
        },
        .init(name: "![[]() split over short paragraphs", outcome: .parsed) {
            repeated(repeated("![[]()", 100) + "\n\n", 100)
        },
    ]

    static func repeated(_ text: String, _ count: Int) -> String { String(repeating: text, count: count) }

    /// Labels that share one bucket of cmark's 16-slot reference map, as cmark's test builds them.
    static func referenceCollisions(_ count: Int) -> String {
        func collides(_ label: String) -> Bool {
            var hash: UInt32 = 0
            for scalar in label.unicodeScalars {
                hash = scalar.value &+ (hash << 6) &+ (hash << 16) &- hash
            }
            return hash % 16 == 0
        }
        var labels: [String] = []
        var i = 0
        while labels.count < count {
            if collides("x\(i)") { labels.append("x\(i)") }
            i += 1
        }
        let bad = labels[0]
        return labels.dropFirst().map { "[\($0)]: /url\n\n[\(bad)]\n\n" }.joined()
    }
}

@Suite struct PathologicalInputTests {
    @Test(arguments: PathologicalCase.all)
    func guardFiresOrContentParses(_ pathological: PathologicalCase) {
        let result = parseEntry(bytes: pathological.bytes, stem: "2026-11-27")
        switch pathological.outcome {
        case .refused(let reason):
            #expect(result.entry == nil)
            #expect(result.diagnostics.count == 1)
            let message = result.diagnostics.first?.message ?? ""
            #expect(message.hasPrefix("not parsed: ") && message.contains(reason), "\(message)")
            #expect(result.diagnostics.first?.severity == .warning)
        case .notText:
            #expect(result.entry == nil)
            #expect(result.problems == ["1:-: warning: not text (contains NUL bytes); skipped"])
        case .parsed:
            #expect(result.problems == [])
            #expect(result.commitments.count == 1)
            #expect(result.commitments.first?.text.hasPrefix("sentinel") == true)
        }
    }

    @Test func refusalNamesTheLineWhereTheNestingIs() {
        let text = "# Notes\n\nfine\n\n" + PathologicalCase.repeated("> ", 100) + "a\n"
        #expect(parseEntry(text).problems == ["5:-: warning: not parsed: containers nested more than 64 deep"])
    }

    @Test func nestingAtTheBoundParses() {
        let text = PathologicalCase.repeated("> ", 64) + "a\n\n- [ ] ok #commit\n"
        #expect(parseEntry(text).problems == [])
        #expect(parseEntry(PathologicalCase.repeated("> ", 65) + "a\n").entry == nil)
    }

    @Test func deepIndentationWithoutMarkersIsNotNesting() {
        let code = (0..<200).map { PathologicalCase.repeated(" ", $0) + "}\n" }.joined()
        let text = "```\n" + code + "```\n\n- [ ] ok #commit\n"
        let result = parseEntry(text)
        #expect(result.problems == [])
        #expect(result.commitments.count == 1)
    }

    @Test func sizeCapIsConfigurable() {
        let text = PathologicalCase.repeated("A sentence of an ordinary entry.\n", 100_000)
        #expect(parseEntry(text).problems == ["1:-: warning: not parsed: larger than max-entry-bytes (2097152 bytes)"])
        var config = Config()
        config.maxEntryBytes = 4 * 1024 * 1024
        #expect(parseEntry(text, config: config).problems == [])
    }
}

/// Real entries, long ones included, must never come near the guard's bounds.
@Suite struct OrdinaryEntriesPassTheGuardTests {
    static var root: String {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)  // Tests/JournalKitTests/Extraction/<file>
        return parts.joined(separator: "/")
    }

    func screen(_ text: String) -> InputGuard {
        InputGuard(Array(text.utf8), maxBytes: 64 * 1024 * 1024)
    }

    @Test func exampleJournalParsesWithoutRefusal() throws {
        let listing = EntryFiles(root: "\(Self.root)/journal-example", config: Config())
        #expect(listing.files.count > 10)
        for file in listing.files {
            let bytes = try FileReader.read("\(Self.root)/journal-example/\(file.path)")
            let result = EntryParser(config: Config()).parse(bytes, path: file.path, stem: file.stem, date: file.date)
            #expect(!result.diagnostics.contains { $0.message.hasPrefix("not parsed") }, "\(file.path)")
            #expect(result.entry != nil)
        }
    }

    /// About 1 MB of prose, nested lists, quotes, code, links and images, as a long entry has.
    static let longEntry: String = {
        var text = "---\ntitle: A long week\ntags: [review]\n---\n# Notes\n\n"
        for i in 0..<1800 {
            text += "Paragraph \(i) talks about the *team*, the **pipeline** and [the plan](plans/\(i).md) "
            text += "with `code`, an ![chart](img/\(i).png) and &amp; entities. It goes on for a while so\n"
            text += "it wraps like real prose does, with _emphasis_ and a [second link](https://example.com/\(i)).\n\n"
            text += "- Point \(i) with a [link](x.md)\n  - nested detail ![icon](i.png) and [more](y.md)\n"
            text += "    - deeper still, see [[2026-11-20#call-ana]]\n      1. numbered\n      2. numbered\n"
            text += "- [ ] Follow up with @ana on item \(i) by Friday #commit\n\n"
            text += "> Quote from the meeting \(i), *verbatim*.\n> > And a reply within it.\n\n"
            if i % 10 == 0 {
                text += "```swift\nfunc f() {\n    if x {\n        return [a[0], b[1]]\n    }\n}\n```\n\n"
            }
        }
        return text
    }()

    @Test func longNormalEntryIsFarFromTheBounds() {
        #expect(Self.longEntry.utf8.count > 1_000_000)
        let screen = screen(Self.longEntry)
        #expect(screen.verdict == .text)
        #expect(screen.nestingWork < InputGuard.maxNestingWork / 10)
        #expect(screen.bracketWork < InputGuard.maxBracketWork / 10)
        let result = parseEntry(Self.longEntry)
        #expect(result.problems == [])
        #expect(result.commitments.count == 1800)
    }

    @Test func threeHundredTasksWithLinks() {
        var text = "# Commitments\n\n"
        for i in 0..<300 {
            text += "- [ ] Send [the notes](https://crm.example.com/deals/\(i)) and ![a](b.png) to @ana by Friday"
            text += " #commit ^task-\(i)\n"
        }
        let screen = screen(text)
        #expect(screen.verdict == .text)
        #expect(screen.bracketWork < InputGuard.maxBracketWork / 10)
        let result = parseEntry(text)
        #expect(result.problems == [])
        #expect(result.commitments.count == 300)
    }

    @Test func fullSizeEntryOfNormalTextStaysUnderTheWorkBounds() {
        // Twice the long entry is past the default cap; the estimates must still be small,
        // so raising max-entry-bytes is all a bigger journal needs.
        let screen = screen(Self.longEntry + Self.longEntry)
        #expect(screen.verdict == .text)
        #expect(screen.nestingWork < InputGuard.maxNestingWork / 4)
        #expect(screen.bracketWork < InputGuard.maxBracketWork / 4)
    }
}
