import Testing

@testable import JournalKit

@Suite struct FrontMatterTests {
    func split(_ text: String) -> FrontMatter.Split? {
        Array(text.utf8).withUnsafeBytes { FrontMatter.split($0) }
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func splitFindsTheBodyAfterTheClosingFence(_ ending: String) {
        let text = ["---", "title: A", "tags: [x]", "---", "body"].joined(separator: ending)
        let found = split(text)
        #expect(found?.closed == true)
        #expect(found?.lineCount == 4)
        #expect(found?.yaml.contains("title: A") == true)
        let body = found.map { Array(text.utf8)[$0.bodyStart...] }
        #expect(body.map { String(decoding: $0, as: UTF8.self) } == "body")
    }

    @Test func dotsCloseFrontMatterToo() {
        #expect(split("---\ntitle: A\n...\nbody\n")?.lineCount == 3)
    }

    @Test func fencesMayCarryTrailingSpaces() {
        #expect(split("---  \ntitle: A\n--- \n")?.closed == true)
    }

    @Test(arguments: ["body\n---\ntitle: A\n---\n", "\n---\ntitle: A\n---\n", "----\ntitle: A\n----\n", "", "--"])
    func noFrontMatterUnlessTheFileStartsWithAFence(_ text: String) {
        #expect(split(text) == nil)
    }

    @Test func unclosedFence() {
        let found = split("---\ntitle: A\n")
        #expect(found?.closed == false)
        #expect(found?.lineCount == 1)
    }

    @Test func emptyFrontMatter() {
        let found = split("---\n---\nbody")
        #expect(found?.closed == true)
        #expect(found?.lineCount == 2)
        let (frontMatter, problems) = FrontMatter.parse(found?.yaml ?? "x", path: "e.md")
        #expect(frontMatter == FrontMatter())
        #expect(problems.isEmpty)
    }

    @Test func readsKnownKeys() {
        let yaml =
            "template: weekly-mirror\ntitle: Week 48\ntags: [\"#Sales\", coaching]\npeople:\n  - \"@Ana\"\n  - Bo\ndate: 2026-11-27\n"
        let (frontMatter, problems) = FrontMatter.parse(yaml, path: "e.md")
        #expect(problems.isEmpty)
        #expect(frontMatter.template == "weekly-mirror")
        #expect(frontMatter.title == "Week 48")
        #expect(frontMatter.tags == ["sales", "coaching"])
        #expect(frontMatter.people == ["ana", "bo"])
        #expect(frontMatter.date == "2026-11-27")
        // Line 1 of the file is the opening fence, so `date:` on YAML line 7 is file line 8.
        #expect(frontMatter.dateLine == 8)
    }

    @Test func commaSeparatedTagsAreAList() {
        #expect(FrontMatter.parse("tags: sales, coaching\n", path: "e.md").0.tags == ["sales", "coaching"])
    }

    @Test func unknownKeysBelongToTheUser() {
        let (frontMatter, problems) = FrontMatter.parse("mood: good\naliases: [x]\n", path: "e.md")
        #expect(problems.isEmpty)
        #expect(frontMatter == FrontMatter())
    }

    @Test func tagsThatAreNotAListWarnAtTheirFileLine() {
        let (_, problems) = FrontMatter.parse("title: A\ntags:\n  a: b\n", path: "e.md")
        #expect(
            problems == [
                Diagnostic(
                    path: "e.md", line: 3, severity: .warning, message: "front matter 'tags' should be a list of names")
            ])
    }

    @Test func invalidYAMLWarnsAtItsFileLine() {
        let (_, problems) = FrontMatter.parse("title: A\ntitle: [unclosed\nmore: x\n", path: "e.md")
        #expect(problems.count == 1)
        #expect(problems.first?.severity == .warning)
        #expect(problems.first?.message.hasPrefix("front matter is not valid YAML: ") == true)
        #expect(problems.first.flatMap(\.line).map { (3...5).contains($0) } == true)
    }

    @Test func frontMatterThatIsNotAMappingWarns() {
        let (_, problems) = FrontMatter.parse("- a\n- b\n", path: "e.md")
        #expect(
            problems == [
                Diagnostic(path: "e.md", line: 2, severity: .warning, message: "front matter is not a YAML mapping")
            ])
    }
}
