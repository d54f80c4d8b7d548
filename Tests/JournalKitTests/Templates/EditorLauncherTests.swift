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

    /// A fake editor that records its arguments, one a line, then exits with `status`.
    func fakeEditor(in folder: TemporaryFolder, status: Int = 0) throws -> String {
        let script = "\(folder.path)/my editor/ed.sh"
        try folder.write(
            "my editor/ed.sh",
            "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"\(folder.path)/args\"\nexit \(status)\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        return script
    }

    @Test func quotedArgumentsAndSpacesInPathsArriveIntact() throws {
        let folder = try TemporaryFolder()
        let script = try fakeEditor(in: folder)
        try folder.write("entries/my entry.md", "x")
        let file = "\(folder.path)/entries/my entry.md"
        try EditorLauncher.run(
            EditorCommand(editor: "'\(script)' --flag \"two words\"", file: file),
            environment: ["PATH": "/usr/bin:/bin"])
        #expect(folder.read("args") == "--flag\ntwo words\n\(file)\n")
    }

    @Test func aScriptPathWithoutSpacesRunsWithoutTheShell() throws {
        let folder = try TemporaryFolder()
        try folder.write("ed", "#!/bin/sh\nprintf '%s' \"$1\" > \"\(folder.path)/args\"\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: "\(folder.path)/ed")
        let command = EditorCommand(editor: "\(folder.path)/ed", file: "\(folder.path)/f.md")
        #expect(command.arguments.count == 2)
        try EditorLauncher.run(command, environment: [:])
        #expect(folder.read("args") == "\(folder.path)/f.md")
    }

    @Test func aNonZeroExitIsReportedAndTheFileKept() throws {
        let folder = try TemporaryFolder()
        let script = try fakeEditor(in: folder, status: 3)
        try folder.write("f.md", "kept")
        #expect(throws: EditorError.failed("'\(script)'", status: 3)) {
            try EditorLauncher.run(EditorCommand(editor: "'\(script)'", file: "\(folder.path)/f.md"), environment: [:])
        }
        #expect(folder.read("f.md") == "kept")
    }

    @Test func aMissingEditorCannotStart() throws {
        #expect(throws: EditorError.cannotStart("/nonexistent/editor", JournalError.reason(ENOENT))) {
            try EditorLauncher.run(EditorCommand(editor: "/nonexistent/editor", file: "f"), environment: [:])
        }
    }
}
