import Testing

@testable import JournalKit

/// Which entries are mirror entries: `template:` decides when it is there; the file name only
/// when it is not. Each rule has its negative twin.
@Suite struct MirrorEntryTests {
    func entry(_ stem: String, template: String?) -> Entry {
        Entry(path: "entries/\(stem).md", stem: stem, date: day(String(stem.prefix(10))), template: template)
    }

    @Test func theWeeklyMirrorTemplateIsAMirror() {
        #expect(entry("2026-11-23-weekly-mirror", template: "weekly-mirror").isMirror)
        #expect(!entry("2026-11-23-weekly-mirror", template: "daily").isMirror)
    }

    @Test func anyTemplateEndingInMirrorIsAMirror() {
        #expect(entry("2026-11-23-team-mirror", template: "team-mirror").isMirror)
        #expect(entry("2026-11-23", template: "quarter-mirror").isMirror)
        #expect(!entry("2026-11-23", template: "mirror-notes").isMirror)
        #expect(!entry("2026-11-23", template: "mirrorworks").isMirror)
    }

    /// The template's name decides even when the file name says `mirror`: a call prep for a
    /// customer called MirrorWorks is not a look in the mirror.
    @Test func aTemplateThatIsNotAMirrorWinsOverTheFileName() {
        #expect(!entry("2026-11-20-call-prep-mirrorworks", template: "call-prep").isMirror)
        #expect(entry("2026-11-20-call-prep-mirrorworks", template: nil).isMirror)
    }

    /// A mirror template makes a mirror whatever the file is called.
    @Test func aMirrorTemplateWinsOverAPlainFileName() {
        #expect(entry("2026-11-20", template: "weekly-mirror").isMirror)
        #expect(!entry("2026-11-20", template: nil).isMirror)
    }

    @Test func withoutATemplateAFileNameWithMirrorInAnyCaseIsAMirror() {
        #expect(entry("2026-11-20-Mirror", template: nil).isMirror)
        #expect(entry("2026-11-20-weekly-MIRROR", template: nil).isMirror)
        #expect(!entry("2026-11-20-mirro", template: nil).isMirror)
    }

    /// The front matter is parsed for real: `template:` present decides, absent leaves the name.
    @Test func readFromFrontMatter() throws {
        let prep = parseEntry("---\ntemplate: call-prep\n---\nPlan.\n", stem: "2026-11-20-call-prep-mirrorworks")
        #expect(try #require(prep.entry).isMirror == false)
        let bare = parseEntry("Plan.\n", stem: "2026-11-20-call-prep-mirrorworks")
        #expect(try #require(bare.entry).isMirror)
    }

    /// The renderer's "days since the last mirror" uses the same rule.
    @Test func daysSinceMirrorSkipsACallPrepNamedForMirrorWorks() throws {
        let files = [
            ("2026-11-16-weekly-mirror", "---\ntemplate: weekly-mirror\n---\nLooked.\n"),
            ("2026-11-20-call-prep-mirrorworks", "---\ntemplate: call-prep\n---\nPlan.\n"),
        ]
        let entries = try files.map { try #require(parseEntry($0.1, stem: $0.0).entry) }
        let renderer = TemplateRenderer(entries: entries, config: Config(), journalName: "j")
        #expect(renderer.daysSinceMirror(before: day("2026-11-23")) == 7)
        let named = try #require(parseEntry("Plan.\n", stem: "2026-11-20-call-prep-mirrorworks").entry)
        let byName = TemplateRenderer(entries: [entries[0], named], config: Config(), journalName: "j")
        #expect(byName.daysSinceMirror(before: day("2026-11-23")) == 3)
    }
}
