import Foundation
import Testing

/// Every text output fits COLUMNS, measured with the tests' own width oracle: for the example
/// journal and for one written in Chinese and Japanese, with emoji and very long names. The only
/// line allowed past the width is a `path:line` or a reference standing alone.
@Suite struct TerminalWidthTests {
    static let wide: [String: String] = [
        "journal.yml": "",
        "entries/2026/11/2026-11-02-weekly-mirror-with-a-very-long-name-for-the-file.md": """
        ---
        template: weekly-mirror
        ---
        ## Commitments
        - [ ] 给 @王小明 发送第四季度的定价方案和折扣表，周五之前 by Friday #定价
        - [ ] 🎉 Celebrate @maria-de-los-angeles-fernandez-gonzalez's renewal at the all-hands 🎉🎉 by Nov 20 #recognition
        - [ ] 田中さんに見積書を送る #営業
        - [x] Thank @li for the 🚀 launch notes ✅ 2026-11-03 #credit

        ## Expectations
        - 每个电话都要记录在CRM里 #expect #定价

        """,
        "entries/2026/11/2026-11-10.md": """
        - [>] [[2026-11-02-weekly-mirror-with-a-very-long-name-for-the-file#给-王小明-发送第四季度的定价方案和折扣表-周五之前]] 王小明 needs another week 🙏, moved to Nov 20
        - [/] [[2026-11-02-weekly-mirror-with-a-very-long-name-for-the-file#田中さんに見積書を送る-営業]] 途中です — 下書きは完成、数字を確認中。来週の月曜日に送ります。ずっと長い文章がここに続きます、幅を超えるまで

        """,
    ]

    static func isStandingAlone(_ line: Substring) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return !trimmed.contains(" ")
            && (trimmed.range(of: #":\d+$"#, options: .regularExpression) != nil || trimmed.contains("#"))
    }

    func check(_ fixture: URL, _ arguments: [String], width: Int, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let result = try JournalProcess.run(
            arguments + ["--journal", fixture.path],
            environment: ["COLUMNS": "\(width)", "JOURNAL_TODAY": "2026-11-27"])
        #expect(result.status != 2, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        for line in result.stdout.split(separator: "\n") where WidthOracle.width(line) > width {
            #expect(Self.isStandingAlone(line), "\(arguments) at \(width): \(line)", sourceLocation: sourceLocation)
        }
    }

    static let commands: [[String]] = [
        ["review", "--as-of", "2026-11-27"], ["list", "--as-of", "2026-11-27"], ["people", "--as-of", "2026-11-27"],
        ["tags", "--as-of", "2026-11-27"],
    ]

    @Test(arguments: [60, 80, 120])
    func theExampleJournalFits(_ width: Int) throws {
        for arguments in Self.commands + [
            ["show", "2026-10-26-weekly-mirror#clear-my-own-twelve-stale", "--as-of", "2026-11-27"],
            ["review", "--as-of", "2026-11-27", "--person", "anna"],
        ] {
            try check(ExampleJournalTests.example, arguments, width: width)
        }
    }

    @Test(arguments: [60, 80, 120])
    func aJournalInCJKWithEmojiAndLongNamesFits(_ width: Int) throws {
        let fixture = try FixtureJournal(Self.wide)
        for arguments in Self.commands + [
            [
                "show", "2026-11-02-weekly-mirror-with-a-very-long-name-for-the-file#田中さんに見積書を送る-営業", "--as-of",
                "2026-11-27",
            ]
        ] {
            try check(fixture.root, arguments, width: width)
        }
    }
}
