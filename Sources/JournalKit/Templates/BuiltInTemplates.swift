/// The prompt templates that ship inside the binary. Their text is generated at build time
/// from the package's `Templates/*.md` by the EmbedTemplates plugin, so an installed binary
/// needs no source tree and `Templates/` stays the single source of truth.
public enum BuiltInTemplates {
    /// Template text by name.
    public static let all: [String: String] = Dictionary(
        embedded.map { ($0.name, $0.text) }, uniquingKeysWith: { first, _ in first })

    /// Built-in names, sorted.
    public static var names: [String] { embedded.map(\.name) }
}
