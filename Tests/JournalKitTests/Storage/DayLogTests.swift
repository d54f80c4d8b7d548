import Dispatch
import Foundation
import Testing

@testable import JournalKit

/// The day's log: the one file journal appends to, and only under these rules (docs/SAFETY.md).
@Suite struct DayLogTests {
    let date = day("2026-12-02")
    let relative = "entries/2026/12/2026-12-02-log.md"

    func read(_ folder: TemporaryFolder, _ path: String) -> String {
        FileManager.default.contents(atPath: "\(folder.path)/\(path)").map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    @Test func theFirstAppendCreatesTheLogWithItsFrontMatter() throws {
        let folder = try TemporaryFolder()
        let log = DayLog(root: folder.path, config: Config())
        let first = try log.append("- [ ] Send @ana the deck #commit ^send-ana", date: date)
        #expect(first == DayLog.Appended(path: relative, created: true, line: 7))
        let second = try log.append("- [x] [[2026-11-30#call]] ✅ 2026-12-02", date: date)
        #expect(second.created == false && second.line == 8)
        #expect(
            read(folder, relative)
                == DayLog.header(for: date)
                + "- [ ] Send @ana the deck #commit ^send-ana\n- [x] [[2026-11-30#call]] ✅ 2026-12-02\n")
        let parsed = parseEntry(read(folder, relative), stem: "2026-12-02-log")
        #expect(parsed.entry?.template == "log")
        #expect(parsed.commitments.first?.location.line == 7)
    }

    @Test func aLogEditedByHandIsAppendedToWithoutLosingAByte() throws {
        let folder = try TemporaryFolder()
        let edited =
            DayLog.header(for: date) + "Thoughts after the call.\r\n\n- [ ] Call Tom #commit\nno newline at the end"
        try folder.write(relative, edited)
        let appended = try DayLog(root: folder.path, config: Config()).append("- [ ] Next #commit", date: date)
        #expect(read(folder, relative) == edited + "\n- [ ] Next #commit\n")
        #expect(appended.line == 11)
    }

    @Test func aFileNamedLikeALogWithoutItsFrontMatterIsRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write(relative, "# My own notes\n")
        #expect(throws: DayLog.Refusal.notALog(relative)) {
            try DayLog(root: folder.path, config: Config()).append("- [ ] x #commit", date: date)
        }
        #expect(read(folder, relative) == "# My own notes\n")
        try folder.write(relative, "---\ntemplate: daily\n---\n")
        #expect(throws: DayLog.Refusal.notALog(relative)) {
            try DayLog(root: folder.path, config: Config()).append("- [ ] x #commit", date: date)
        }
    }

    @Test func aSymlinkAtTheLogPathIsRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write("elsewhere.md", DayLog.header(for: date))
        try folder.folder("entries/2026/12")
        try folder.symlink(relative, to: "\(folder.path)/elsewhere.md")
        #expect(throws: DayLog.Refusal.symlink(relative)) {
            try DayLog(root: folder.path, config: Config()).append("- [ ] x #commit", date: date)
        }
        #expect(read(folder, "elsewhere.md") == DayLog.header(for: date))
    }

    @Test func aHardLinkedLogIsRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write(relative, DayLog.header(for: date))
        #expect(link("\(folder.path)/\(relative)", "\(folder.path)/other.md") == 0)
        #expect(throws: DayLog.Refusal.hasOtherLinks(relative)) {
            try DayLog(root: folder.path, config: Config()).append("- [ ] x #commit", date: date)
        }
    }

    @Test func aLogEndingInsideACodeFenceIsRefused() throws {
        let folder = try TemporaryFolder()
        let text = DayLog.header(for: date) + "```\n- [ ] not a commitment\n"
        try folder.write(relative, text)
        #expect(throws: DayLog.Refusal.endsInside(relative, construct: "a fenced code block", line: 7)) {
            try DayLog(root: folder.path, config: Config()).append("- [ ] x #commit", date: date)
        }
        #expect(read(folder, relative) == text)
        // Closed, it is fine.
        try folder.write(relative, text + "```\n")
        #expect((try? DayLog(root: folder.path, config: Config()).append("- [ ] x #commit", date: date)) != nil)
    }

    @Test func anotherEntryWithTheLogsNameBlocksCreation() throws {
        let folder = try TemporaryFolder()
        let log = DayLog(root: folder.path, config: Config())
        #expect(throws: DayLog.Refusal.stemTaken(relative, by: "notes/2026-12-02-log.md")) {
            try log.append("- [ ] x #commit", date: date, otherStems: ["2026-12-02-log": "notes/2026-12-02-log.md"])
        }
        #expect(!FileManager.default.fileExists(atPath: "\(folder.path)/\(relative)"))
    }

    @Test func twentyConcurrentAppendsLoseNoLine() throws {
        let folder = try TemporaryFolder()
        let log = DayLog(root: folder.path, config: Config())
        DispatchQueue.concurrentPerform(iterations: 20) { index in
            _ = try? log.append("- [ ] Commitment \(index) #commit", date: date)
        }
        let lines = read(folder, relative).split(separator: "\n").filter { $0.hasPrefix("- [ ] ") }
        #expect(lines.count == 20)
        #expect(Set(lines).count == 20)
        #expect(read(folder, relative).hasPrefix(DayLog.header(for: date)))
    }

    // MARK: Where a line added at the end would land

    @Test(arguments: [
        ("```swift\ncode\n", "a fenced code block", 1), ("~~~~\n~~~\n", "a fenced code block", 1),
        ("<!-- a note\nstill\n", "an HTML comment", 1), ("<div>\nhtml\n", "an HTML block", 1),
        ("<script>\nx\n", "an HTML block", 1), ("text %% hidden\n", "an Obsidian %% comment", 1),
    ])
    func openConstructsAreFound(_ text: String, _ construct: String, _ line: Int) {
        let found = DayLog.openConstruct(in: Array(text.utf8))
        #expect(found?.construct == construct)
        #expect(found?.line == line)
    }

    @Test(arguments: [
        "```\ncode\n```\n", "<!-- closed -->\n", "<div>\nhtml\n\n", "<script>x</script>\n", "a %% b %% c\n",
        "`%%` in code\n", "- [ ] plain\n", "    indented code\n", "", "``` not a fence ``` inline\n",
    ])
    func closedConstructsAreFine(_ text: String) {
        #expect(DayLog.openConstruct(in: Array(text.utf8)) == nil)
    }
}
