import Testing

@testable import JournalKit

@Suite struct ConfigTests {
    func problems(_ yaml: String) -> [String] {
        Config.parse(yaml).1.map(\.formatted)
    }

    @Test func defaults() {
        let config = Config()
        #expect(config.entries == "entries")
        #expect(config.commitmentTag == "commit")
        #expect(config.commitments == .tagged)
        #expect(config.commitmentHeadings == ["Commitments"])
        #expect(config.staleAfterDays == 14)
        #expect(config.templates == "templates")
        #expect(config.defaultTemplate == "daily")
        #expect(config.fiscalYearStart == 1)
    }

    @Test(arguments: ["", "\n", "# only a comment\n", "---\n", "---\n# entries: entries\n", "~\n"])
    func emptyFileGivesDefaults(_ yaml: String) {
        let (config, problems) = Config.parse(yaml)
        #expect(config == Config())
        #expect(problems.isEmpty)
    }

    @Test func everyKeyIsRead() {
        let yaml = """
            entries: notes/daily
            commitment-tag: "#Promise"
            commitments: all-tasks
            commitment-headings: [This week, Promises]
            stale-after-days: 7
            templates: prompts
            default-template: weekly-mirror
            max-entry-bytes: 1000
            fiscal-year-start: April

            """
        let (config, problems) = Config.parse(yaml)
        #expect(problems.isEmpty)
        #expect(config.entries == "notes/daily")
        #expect(config.commitmentTag == "promise")
        #expect(config.commitments == .allTasks)
        #expect(config.commitmentHeadings == ["This week", "Promises"])
        #expect(config.staleAfterDays == 7)
        #expect(config.templates == "prompts")
        #expect(config.defaultTemplate == "weekly-mirror")
        #expect(config.maxEntryBytes == 1000)
        #expect(config.fiscalYearStart == 4)
    }

    @Test(arguments: [
        ("january", 1), ("April", 4), ("OCT", 10), ("sep", 9), ("sept", 9), ("December", 12), ("1", 1), ("10", 10),
        ("12", 12), ("\"7\"", 7),
    ])
    func fiscalYearStartIsAMonthNameOrNumber(_ value: String, _ month: Int) {
        let (config, problems) = Config.parse("fiscal-year-start: \(value)\n")
        #expect(problems.isEmpty)
        #expect(config.fiscalYearStart == month)
    }

    @Test func unknownKeyIsAnErrorNamingFileLineAndKey() {
        let yaml = "entries: entries\nstale-after: 7\ncommitment-tag: commit\n"
        let (config, diagnostics) = Config.parse(yaml)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.path == "journal.yml")
        #expect(diagnostics.first?.line == 2)
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.message.hasPrefix("unknown key 'stale-after'; known keys: entries, ") == true)
        #expect(config.commitmentTag == "commit")
    }

    @Test(arguments: [
        ("stale-after-days: soon\n", "'stale-after-days' must be a positive whole number"),
        ("stale-after-days: 0\n", "'stale-after-days' must be a positive whole number"),
        ("stale-after-days: -3\n", "'stale-after-days' must be a positive whole number"),
        ("stale-after-days: [1]\n", "'stale-after-days' must be a positive whole number"),
        ("commitment-headings: Commitments\n", "'commitment-headings' must be a list of heading texts"),
        ("commitment-headings: [[a]]\n", "'commitment-headings' must be a list of heading texts"),
        ("commitment-tag: [a]\n", "'commitment-tag' must be a non-empty string"),
        ("commitment-tag: \"\"\n", "'commitment-tag' must be a non-empty string"),
        ("commitments: some\n", "'commitments' must be one of: tagged, all-tasks"),
        ("entries: {a: b}\n", "'entries' must be a non-empty string"),
        ("entries: ../elsewhere\n", "'entries' must be a folder inside the journal"),
        ("templates: /etc\n", "'templates' must be a folder inside the journal"),
        ("fiscal-year-start: 0\n", "'fiscal-year-start' must be a month name or number 1–12"),
        ("fiscal-year-start: 13\n", "'fiscal-year-start' must be a month name or number 1–12"),
        ("fiscal-year-start: Apri\n", "'fiscal-year-start' must be a month name or number 1–12"),
        ("fiscal-year-start: Q2\n", "'fiscal-year-start' must be a month name or number 1–12"),
        ("fiscal-year-start: [4]\n", "'fiscal-year-start' must be a month name or number 1–12"),
        ("fiscal-year-start:\n", "'fiscal-year-start' must be a month name or number 1–12"),
    ])
    func wrongTypeIsAnErrorAtTheKeyLine(_ yaml: String, _ message: String) {
        let (config, diagnostics) = Config.parse("# settings\n" + yaml)
        #expect(diagnostics.map(\.message) == [message])
        #expect(diagnostics.map(\.line) == [2])
        #expect(diagnostics.map(\.severity) == [.error])
        // A bad value leaves the default in place.
        #expect(config == Config())
    }

    @Test func validKeysStillApplyBesideABadOne() {
        let (config, diagnostics) = Config.parse("stale-after-days: soon\ncommitment-tag: promise\n")
        #expect(diagnostics.count == 1)
        #expect(config.commitmentTag == "promise")
        #expect(config.staleAfterDays == 14)
    }

    @Test func invalidYAMLIsAnErrorWithItsLine() {
        let (config, diagnostics) = Config.parse("entries: entries\ncommitment-headings: [a, b\nstale-after-days: 3\n")
        #expect(config == Config())
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.message.hasPrefix("invalid YAML: ") == true)
        #expect(diagnostics.first.flatMap(\.line).map { (2...4).contains($0) } == true)
    }

    @Test func tabIndentationIsInvalidYAML() {
        let (_, diagnostics) = Config.parse("entries: e\n\tstale-after-days: 3\n")
        #expect(diagnostics.first?.line == 2)
    }

    @Test func aListIsNotASettingsMapping() {
        #expect(problems("- entries\n- templates\n") == ["journal.yml:1:1: error: expected a mapping of settings"])
    }

    @Test func pathIsNamed() {
        #expect(Config.parse("bogus: 1\n", path: "sub/journal.yml").1.first?.path == "sub/journal.yml")
    }
}

extension ConfigTests {
    @Test func aScalarIsNotASettingsMapping() {
        #expect(problems("entries\n") == ["journal.yml:1:1: error: expected a mapping of settings"])
    }
}
