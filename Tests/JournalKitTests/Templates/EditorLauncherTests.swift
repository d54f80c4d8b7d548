import Foundation
import Testing

@testable import JournalKit

@Suite struct EditorLauncherTests {
    @Test func visualWinsUnlessTheTerminalIsDumb() {
        let environment = ["VISUAL": "nano", "EDITOR": "ed", "TERM": "xterm"]
        #expect(EditorCommand.editor(environment: environment) == "nano")
        #expect(EditorCommand.editor(environment: environment.merging(["TERM": "dumb"]) { $1 }) == "ed")
        #expect(EditorCommand.editor(environment: ["EDITOR": "ed"]) == "ed")
        #expect(EditorCommand.editor(environment: ["VISUAL": "", "EDITOR": ""]) == "vi")
        #expect(EditorCommand.editor(environment: [:]) == "vi")
    }

    @Test func aPlainNameIsExecutedDirectly() {
        #expect(EditorCommand(editor: "vim", file: "/j/a b.md").arguments == ["vim", "/j/a b.md"])
        #expect(EditorCommand(editor: "/usr/bin/vim", file: "f").arguments == ["/usr/bin/vim", "f"])
    }

    @Test(arguments: ["code --wait", "'/opt/My Editor/ed'", "ed;", "$HOME/ed", "emacs -nw 2>/dev/null"])
    func metacharactersGoThroughTheShell(_ editor: String) {
        #expect(
            EditorCommand(editor: editor, file: "/j/f.md").arguments == [
                "/bin/sh", "-c", "\(editor) \"$@\"", editor, "/j/f.md",
            ])
    }

    /// A fake editor that records its arguments, one a line. It is run as `sh SCRIPT`, never
    /// executed itself: a file just written can fail to exec with ETXTBSY while other tests spawn
    /// processes that inherited its descriptor.
    func fakeEditor(in folder: TemporaryFolder) throws -> String {
        try folder.write(
            "my editor/ed.sh", "for a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"\(folder.path)/args\"\n")
        return "\(folder.path)/my editor/ed.sh"
    }

    @Test func quotedArgumentsAndSpacesInPathsArriveIntact() throws {
        let folder = try TemporaryFolder()
        let script = try fakeEditor(in: folder)
        try folder.write("entries/my entry.md", "x")
        let file = "\(folder.path)/entries/my entry.md"
        try EditorLauncher.run(
            EditorCommand(editor: "sh '\(script)' --flag \"two words\"", file: file),
            environment: ["PATH": "/usr/bin:/bin"])
        #expect(folder.read("args") == "--flag\ntwo words\n\(file)\n")
    }

    @Test func aPlainEditorRunsWithoutTheShell() throws {
        let folder = try TemporaryFolder()
        let command = EditorCommand(editor: "touch", file: "\(folder.path)/made-by-touch")
        #expect(command.arguments == ["touch", "\(folder.path)/made-by-touch"])
        try EditorLauncher.run(command, environment: ["PATH": "/usr/bin:/bin"])
        #expect(folder.names() == ["made-by-touch"])
    }

    @Test func aNonZeroExitIsReportedAndTheFileKept() throws {
        let folder = try TemporaryFolder()
        try folder.write("f.md", "kept")
        #expect(throws: EditorError.failed("sh -c 'exit 3'", status: 3)) {
            try EditorLauncher.run(
                EditorCommand(editor: "sh -c 'exit 3'", file: "\(folder.path)/f.md"),
                environment: ["PATH": "/usr/bin:/bin"])
        }
        #expect(folder.read("f.md") == "kept")
    }

    @Test func aMissingEditorCannotStart() throws {
        #expect(throws: EditorError.cannotStart("/nonexistent/editor", JournalError.reason(ENOENT))) {
            try EditorLauncher.run(EditorCommand(editor: "/nonexistent/editor", file: "f"), environment: [:])
        }
    }
}

@Suite struct EditorAtALineTests {
    @Test func eachEditorGetsTheLineInItsOwnForm() {
        #expect(EditorCommand(editor: "vi", file: "/j/a.md", line: 7).arguments == ["vi", "+7", "/j/a.md"])
        #expect(
            EditorCommand(editor: "vim -u NONE", file: "/j/a.md", line: 7).arguments == [
                "/bin/sh", "-c", "vim -u NONE \"$@\"", "vim -u NONE", "+7", "/j/a.md",
            ])
        #expect(
            EditorCommand(editor: "code --wait", file: "/j/a.md", line: 7).arguments.suffix(2) == [
                "--goto", "/j/a.md:7",
            ])
        #expect(
            EditorCommand(editor: "/usr/bin/hx", file: "/j/a.md", line: 7).arguments == ["/usr/bin/hx", "/j/a.md:7"])
        // An editor journal does not know gets the file alone, never a flag it might misread.
        #expect(EditorCommand(editor: "ed", file: "/j/a.md", line: 7).arguments == ["ed", "/j/a.md"])
    }
}
