import Testing

@testable import JournalKit

@Suite struct NewEntryTests {
    let date = day("2026-11-23")

    @Test func dailyHasNoSuffix() {
        #expect(
            NewEntry.path(config: Config(), date: date, template: "daily", person: nil)
                == "entries/2026/11/2026-11-23.md")
    }

    @Test func otherTemplatesAndPeopleAreSuffixes() {
        #expect(
            NewEntry.path(config: Config(), date: date, template: "one-on-one", person: "ana")
                == "entries/2026/11/2026-11-23-one-on-one-ana.md")
        #expect(
            NewEntry.path(config: Config(), date: day("2027-01-04"), template: "weekly-mirror", person: nil)
                == "entries/2027/01/2027-01-04-weekly-mirror.md")
    }

    @Test func theEntriesSettingIsHonoured() {
        var config = Config()
        config.entries = "./notes/"
        #expect(
            NewEntry.path(config: config, date: date, template: "daily", person: nil) == "notes/2026/11/2026-11-23.md")
    }

    @Test(arguments: [("@Ana", "ana"), ("li", "li"), ("jo-ann", "jo-ann"), ("o.neil", "o.neil"), ("josé", "josé")])
    func acceptedPeople(_ raw: String, _ expected: String) {
        #expect(NewEntry.person(raw) == expected)
    }

    @Test(arguments: ["", "@", "../ana", "a/b", "ana smith", "-ana", "ana.", "a\nb"])
    func refusedPeople(_ raw: String) {
        #expect(NewEntry.person(raw) == nil)
    }

    @Test func theInitConfigListsEveryKeyAtItsDefault() {
        let text = JournalSkeleton.configText
        for key in Config.keys {
            #expect(JournalSkeleton.comments[key] != nil, "no comment for \(key)")
            #expect(JournalSkeleton.defaultValue(key) != nil, "no default for \(key)")
            #expect(text.contains("\n\(key): "), "\(key) missing")
        }
        let (config, problems) = Config.parse(text)
        #expect(problems.isEmpty)
        #expect(config == Config())
    }

    @Test func aChangedSettingIsNotTheDefault() {
        let (config, _) = Config.parse(
            JournalSkeleton.configText.replacingOccurrences("stale-after-days: 14", "stale-after-days: 7"))
        #expect(config != Config())
    }
}

extension String {
    fileprivate func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
