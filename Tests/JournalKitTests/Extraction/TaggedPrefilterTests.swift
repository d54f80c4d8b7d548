import Testing

@testable import JournalKit

/// Issue 13: in `tagged` mode a body with no box, no commitment or `#expect` tag, no entity and
/// no non-ASCII name skips cmark; every other body is parsed as before.
@Suite struct TaggedPrefilterTests {
    static func mayMatter(_ text: String, config: Config = Config()) -> Bool {
        guard let prefilter = TaggedPrefilter(config: config) else { return true }
        return Array(text.utf8).withUnsafeBytes { prefilter.mayMatter($0) }
    }

    @Test func proseWithoutCommitmentsIsSkipped() {
        let text = "# A day\n\nTalked to @ana about #pipeline and [the deck](https://x.example/a).\n\n- a list\n"
        #expect(!Self.mayMatter(text))
        #expect(parseEntry(text).entry?.commitments.isEmpty == true)
    }

    @Test(arguments: [
        "- [ ] milk\n", "- [x] done\n", "- [>] later\n", "- [-] dropped\n", "- [/] half\n", "- [X] done\n",
        "- call ana #commit\n", "- call ana #COMMIT\n", "- call ana #commitments\n", "- team #expect\n",
        "- call @an\u{200D}a\n", "- call ana #com\u{200D}mit\n", "- call &#35;commit\n",
    ])
    func anythingThatCanMatterIsParsed(text: String) {
        #expect(Self.mayMatter(text))
    }

    @Test func aTaskUnderACommitmentHeadingIsStillRead() {
        let text = "## Commitments\n\n- [ ] Send the deck to Ana\n"
        #expect(Self.mayMatter(text))
        #expect(parseEntry(text).entry?.commitments.count == 1)
    }

    @Test func allTasksModeParsesEveryBody() {
        var config = Config()
        config.commitments = .allTasks
        #expect(TaggedPrefilter(config: config) == nil)
    }

    @Test func aNonASCIICommitmentTagTurnsItOff() {
        var config = Config()
        config.commitmentTag = "zusage\u{308}"
        #expect(TaggedPrefilter(config: config) == nil)
        config.commitmentTag = "promise"
        #expect(Self.mayMatter("- call ana #Promise\n", config: config))
        #expect(!Self.mayMatter("- call ana #commit\n", config: config))
    }

    /// A skipped body and a parsed one give the same entry: the front matter is still read.
    @Test func aSkippedBodyKeepsItsFrontMatter() {
        let text = "---\ntags: [q4]\npeople: [ana]\n---\n# Notes\n\nJust prose.\n"
        let entry = parseEntry(text).entry
        #expect(entry?.tags == ["q4"])
        #expect(entry?.people == ["ana"])
    }
}
