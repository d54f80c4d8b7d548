import Testing

@testable import JournalKit

@Suite struct FlatYAMLTests {
    @Test func readsTheFlatSubset() {
        let yaml = """
            template: weekly-mirror
            title: "Week 47: the mirror"
            date: 2026-11-20
            tags: [coaching, '#crm']
            people:
              - ana
              - '@Maria'
            # a comment
            """
        let pairs = FlatYAML.parse(yaml)
        #expect(
            pairs == [
                .init(key: "template", value: .scalar("weekly-mirror"), line: 1),
                .init(key: "title", value: .scalar("Week 47: the mirror"), line: 2),
                .init(key: "date", value: .scalar("2026-11-20"), line: 3),
                .init(key: "tags", value: .list(["coaching", "#crm"]), line: 4),
                .init(key: "people", value: .list(["ana", "@Maria"]), line: 5),
            ])
    }

    @Test(arguments: [
        "title: &anchor Week 47",
        "title: *alias",
        "title: |\n  two\n  lines",
        "title: >\n  folded",
        "meta:\n  nested: map",
        "title: Week 47 # a trailing comment",
        "title: one\ntitle: two",
        "title: \"escaped \\\" quote\"",
        "title: {flow: map}",
        "  indented: key",
        "title: a: b",
    ])
    func leavesEverythingElseToYams(_ yaml: String) {
        #expect(FlatYAML.parse(yaml) == nil)
    }

    @Test func frontMatterReadsTheSameEitherWay() {
        let fast = FrontMatter.parse(
            "template: daily\ntitle: Tuesday\ntags: [a, '#B']\npeople: ana, '@li'\n", path: "e.md")
        // The same values through Yams: a trailing comment is outside the fast subset.
        let slow = FrontMatter.parse(
            "template: daily # via Yams\ntitle: Tuesday\ntags: [a, '#B']\npeople: ana, '@li'\n", path: "e.md")
        #expect(fast.0 == slow.0)
        #expect(fast.0.tags == ["a", "b"])
        #expect(fast.0.template == "daily")
        #expect(fast.1.isEmpty && slow.1.isEmpty)
    }

    @Test func dateLineIsTheFileLine() {
        let (matter, _) = FrontMatter.parse("title: x\ndate: 2026-11-21\n", path: "e.md")
        #expect(matter.dateLine == 3)
    }
}
