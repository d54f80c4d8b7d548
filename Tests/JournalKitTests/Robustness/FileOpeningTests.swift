import Testing

@testable import JournalKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Issue 10, class 2: one opening rule for everything journal reads.
@Suite(.timeLimit(.minutes(1))) struct FileOpeningTests {
    @Test func aFIFOIsRefusedWithoutBlocking() throws {
        let folder = try TemporaryFolder()
        let path = "\(folder.path)/fifo.md"
        #expect(mkfifo(path, 0o644) == 0)
        #expect(throws: JournalError.notRegularFile(path, "a FIFO")) { try FileReader.read(path, limit: 10) }
    }

    @Test func aDeviceIsRefusedUnread() {
        #expect(throws: JournalError.notRegularFile("/dev/zero", "a character device")) {
            try FileReader.read("/dev/zero", cap: 64)
        }
    }

    @Test func theCapIsEnforcedReadingOneByteMore() throws {
        let folder = try TemporaryFolder()
        try folder.write("big", String(repeating: "x", count: 100))
        #expect(throws: JournalError.tooLarge("\(folder.path)/big", 99)) {
            try FileReader.read("\(folder.path)/big", cap: 99)
        }
        #expect(try FileReader.read("\(folder.path)/big", cap: 100).count == 100)
    }

    @Test func journalYmlOverTheCapIsAnErrorWithoutItsText() throws {
        let folder = try TemporaryFolder()
        try folder.write("journal.yml", "secret: " + String(repeating: "x", count: 64 * 1024))
        let (config, problems) = Config.load(root: folder.path)
        #expect(config == Config())
        #expect(problems.map(\.message) == ["not read: larger than 64 KiB; defaults apply"])
    }

    @Test func journalYmlRefusesAliasesAndOddKeys() {
        #expect(Config.parse("a: &x 1\nb: *x\n").1.map(\.message).first?.hasPrefix("YAML anchors and aliases") == true)
        let odd = Config.parse("entires: notes\nroot:x:0:0:/root: 1\n\(String(repeating: "k", count: 41)): 2\n").1
        #expect(
            odd.map(\.message).map { $0.components(separatedBy: ";")[0] } == [
                "unknown key 'entires'", "line 2 is not a setting", "line 3 is not a setting",
            ])
    }

    @Test func aliasesInsideQuotesCommentsAndTitlesAreNotAliases() {
        #expect(YAMLAliases.first(in: "title: \"*a\"\n# &b\nnote: a *b* c\nx: 'it''s &x'\n") == nil)
        #expect(YAMLAliases.first(in: "text: |\n  *not an alias\nb: 1\n") == nil)
        #expect(YAMLAliases.first(in: "- *a\n")?.isAlias == true)
        #expect(YAMLAliases.first(in: "[a, *b]\n")?.column == 5)
    }
}
