import Foundation
import Testing

@testable import JournalKit

@Suite struct TemplateLibraryTests {
    let builtIns = ["daily": "---\ntemplate: daily\ntitle: \"Day {{date}}\"\n---\nbuilt-in daily\n", "call-prep": "cp"]

    func library(_ folder: TemporaryFolder) -> TemplateLibrary {
        TemplateLibrary(root: folder.path, config: Config(), builtIns: builtIns)
    }

    @Test func journalTemplateWinsOverBuiltIn() throws {
        let folder = try TemporaryFolder()
        try folder.write("templates/daily.md", "mine")
        let template = try library(folder).resolve("daily")
        #expect(template.source == .journal)
        #expect(template.text == "mine")
        #expect(template.path == "templates/daily.md")
    }

    @Test func builtInWhenTheJournalHasNone() throws {
        let folder = try TemporaryFolder()
        let template = try library(folder).resolve("daily")
        #expect(template.source == .builtIn)
        #expect(template.title == "Day {{date}}")
    }

    @Test func theConfiguredFolderIsUsed() throws {
        let folder = try TemporaryFolder()
        try folder.write("prompts/daily.md", "from prompts")
        var config = Config()
        config.templates = "prompts"
        let template = try TemplateLibrary(root: folder.path, config: config, builtIns: builtIns).resolve("daily")
        #expect(template.text == "from prompts")
    }

    @Test func unknownNameListsTheAvailableOnes() throws {
        let folder = try TemporaryFolder()
        try folder.write("templates/mine.md", "x")
        #expect(throws: TemplateError.notFound("weekly", available: ["call-prep", "daily", "mine"])) {
            try library(folder).resolve("weekly")
        }
    }

    @Test(arguments: ["../journal", "a/b", "/etc/passwd", "..", "Daily", "daily.md", "", "dai ly", "daily\n"])
    func refusedNames(_ name: String) throws {
        let folder = try TemporaryFolder()
        #expect(throws: TemplateError.invalidName(name, available: ["call-prep", "daily"])) {
            try library(folder).resolve(name)
        }
    }

    @Test(arguments: ["daily", "one-on-one", "q4-2026"])
    func acceptedNames(_ name: String) {
        #expect(TemplateLibrary.isValidName(name))
    }

    @Test func symlinkOutOfTheFolderIsRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write("secret.md", "outside")
        try folder.write("templates/.keep", "")
        try FileManager.default.createSymbolicLink(
            atPath: "\(folder.path)/templates/leak.md", withDestinationPath: "\(folder.path)/secret.md")
        #expect(throws: TemplateError.outsideFolder("leak", available: ["call-prep", "daily"])) {
            try library(folder).resolve("leak")
        }
        let listing = library(folder).list()
        #expect(!listing.templates.map(\.name).contains("leak"))
        #expect(listing.problems.map(\.path) == ["templates/leak.md"])
    }

    @Test func symlinkInsideTheFolderIsFollowed() throws {
        let folder = try TemporaryFolder()
        try folder.write("templates/base.md", "shared")
        try FileManager.default.createSymbolicLink(
            atPath: "\(folder.path)/templates/alias.md", withDestinationPath: "base.md")
        #expect(try library(folder).resolve("alias").text == "shared")
    }

    @Test func listingIsSortedAndShowsSources() throws {
        let folder = try TemporaryFolder()
        try folder.write("templates/zeta.md", "---\ntitle: Zeta\n---\n")
        try folder.write("templates/daily.md", "mine")
        try folder.write("templates/Bad Name.md", "x")
        let listing = library(folder).list()
        #expect(listing.templates.map(\.name) == ["call-prep", "daily", "zeta"])
        #expect(listing.templates.map(\.source) == [.builtIn, .journal, .journal])
        #expect(listing.templates.map(\.title) == [nil, nil, "Zeta"])
        #expect(listing.problems.map(\.path) == ["templates/Bad Name.md"])
    }

    @Test func aCopyThatDiffersFromTheBuiltInIsOutdated() throws {
        let folder = try TemporaryFolder()
        try folder.write("templates/daily.md", (builtIns["daily"] ?? "") + "my own line\n")
        let copy = try library(folder).resolve("daily")
        #expect(library(folder).isOutdatedCopy(copy))
    }

    /// Negative twins: an identical copy (line endings aside), the built-in itself, and a
    /// journal template no built-in shares a name with are never outdated copies.
    @Test func currentCopiesBuiltInsAndOwnTemplatesAreNotOutdated() throws {
        let folder = try TemporaryFolder()
        try folder.write("templates/daily.md", builtIns["daily"] ?? "")
        try folder.write("templates/retro.md", "mine")
        let library = library(folder)
        #expect(!library.isOutdatedCopy(try library.resolve("daily")))
        #expect(!library.isOutdatedCopy(try library.resolve("retro")))
        try folder.write("templates/daily.md", (builtIns["daily"] ?? "").replacing("\n", with: "\r\n"))
        #expect(!library.isOutdatedCopy(try library.resolve("daily")))
        try FileManager.default.removeItem(atPath: "\(folder.path)/templates/daily.md")
        #expect(!library.isOutdatedCopy(try library.resolve("daily")))
    }

    @Test func everyBuiltInParsesAndNamesItself() throws {
        for name in BuiltInTemplates.names {
            let template = PromptTemplate(
                name: name, source: .builtIn, path: "built-in:\(name).md", text: BuiltInTemplates.all[name] ?? "")
            try TemplateRenderer.validate(template)
            #expect(template.text.hasPrefix("---\ntemplate: \(name)\ntitle: "))
            #expect(template.title != nil)
        }
    }

    /// The plugin embeds Templates/ at build time; this proves the embedded copy is current.
    @Test func embeddedTemplatesMatchTheSourceFolder() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../../Templates"
        ).standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
        #expect(files.map { String($0.dropLast(3)) }.sorted() == BuiltInTemplates.names)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(BuiltInTemplates.all[String(file.dropLast(3))] == text)
        }
    }
}
