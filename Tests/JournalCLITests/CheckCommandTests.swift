import Testing

@Suite struct CheckCommandTests {
    @Test func versionPrints() throws {
        let result = try JournalProcess.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("0."))
    }
}
