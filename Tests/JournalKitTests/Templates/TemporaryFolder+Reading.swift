import Foundation

@testable import JournalKit

extension TemporaryFolder {
    func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: "\(path)/\(relative)").map { String(decoding: $0, as: UTF8.self) }
    }

    /// The names in a folder (the root by default), sorted, hidden ones included.
    func names(in relative: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: relative.isEmpty ? path : "\(path)/\(relative)"))
            ?? []).sorted()
    }
}
