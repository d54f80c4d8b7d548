import Foundation
import PackagePlugin

/// Generates `BuiltInTemplates.generated.swift` from the package's top-level `Templates/*.md`,
/// so the installed binary carries the built-ins and `Templates/` stays their only source.
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "Templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path(percentEncoded: false))
        let inputs = names.filter { $0.hasSuffix(".md") }.sorted().map { folder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltInTemplates.generated.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) built-in templates",
                executable: try context.tool(named: "EmbedTemplatesTool").url,
                arguments: [output.path(percentEncoded: false)] + inputs.map { $0.path(percentEncoded: false) },
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
