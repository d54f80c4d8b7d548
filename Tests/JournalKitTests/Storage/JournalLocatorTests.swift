import Testing

@testable import JournalKit

@Suite struct JournalLocatorTests {
    func locate(_ explicit: String? = nil, env: [String: String] = [:], from cwd: String) -> Result<
        String, JournalError
    > {
        Result { () throws(JournalError) in
            try JournalLocator.locate(explicit: explicit, environment: env, workingDirectory: cwd)
        }
    }

    @Test func explicitFolderWinsOverEverything() throws {
        let journal = try TemporaryFolder()
        let other = try TemporaryFolder()
        try other.write("journal.yml")
        try journal.folder("sub")
        #expect(locate(journal.path, env: ["JOURNAL_DIR": other.path], from: other.path) == .success(journal.path))
        #expect(locate("sub/../sub/.", from: journal.path) == .success("\(journal.path)/sub"))
    }

    @Test func environmentWinsOverWalkingUp() throws {
        let journal = try TemporaryFolder()
        let other = try TemporaryFolder()
        try other.write("journal.yml")
        #expect(locate(env: ["JOURNAL_DIR": journal.path], from: other.path) == .success(journal.path))
        #expect(locate(env: ["JOURNAL_DIR": ""], from: other.path) == .success(other.path))
    }

    @Test func walksUpToTheNearestJournalYml() throws {
        let root = try TemporaryFolder()
        try root.write("journal.yml")
        try root.write("inner/journal.yml")
        try root.folder("inner/deep/deeper")
        try root.folder("side/deep")
        #expect(locate(from: "\(root.path)/inner/deep/deeper") == .success("\(root.path)/inner"))
        #expect(locate(from: "\(root.path)/side/deep") == .success(root.path))
        #expect(locate(from: root.path) == .success(root.path))
    }

    @Test func aFolderNamedJournalYmlDoesNotCount() throws {
        let root = try TemporaryFolder()
        try root.folder("a/journal.yml")
        guard case .failure(.notFound) = locate(from: "\(root.path)/a") else {
            Issue.record("a folder called journal.yml was taken for the config file")
            return
        }
    }

    @Test func notFoundNamesWhatWasTried() throws {
        let root = try TemporaryFolder()
        let result = locate(from: root.path)
        #expect(
            result
                == .failure(
                    .notFound(tried: ["--journal", "JOURNAL_DIR", "journal.yml in \(root.path) and above"])))
        let message = (try? result.get()) == nil ? "\(JournalError.notFound(tried: ["x"]))" : ""
        #expect(message.contains("journal init"))
        #expect(message.contains("--journal"))
    }

    @Test func explicitPathMustBeAnExistingFolder() throws {
        let root = try TemporaryFolder()
        try root.write("file.md")
        #expect(locate("\(root.path)/file.md", from: "/") == .failure(.notADirectory("\(root.path)/file.md")))
        #expect(locate("missing", from: root.path) == .failure(.missing("\(root.path)/missing")))
        #expect(locate(env: ["JOURNAL_DIR": "missing"], from: root.path) == .failure(.missing("\(root.path)/missing")))
    }

    @Test(arguments: [
        ("/a/b", "/x", "/a/b"), ("b", "/a", "/a/b"), ("./b/../c/", "/a", "/a/c"), ("../..", "/a/b/c", "/a"),
        ("..", "/", "/"), ("//a//b/", "/", "/a/b"),
    ])
    func absolutePaths(_ path: String, _ base: String, _ expected: String) {
        #expect(JournalLocator.absolute(path, from: base) == expected)
    }
}
