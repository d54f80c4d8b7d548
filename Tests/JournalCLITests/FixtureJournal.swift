import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A journal written into a fresh temp folder, for end-to-end tests.
///
/// Layout: `<base>/journal` holds the files given, `<base>/home` is the `HOME` every run gets.
/// `run` snapshots the whole base before and after the command and fails the test on any
/// change that was not allowed, so every e2e test also proves the command wrote nothing it
/// should not have (issue 5 asks this of every command).
final class FixtureJournal {
    let base: URL
    /// The journal folder.
    let root: URL
    let home: URL

    /// - Parameter files: relative path → content; folders are created on the way.
    init(_ files: [String: String] = [:]) throws {
        let made = FileManager.default.temporaryDirectory.appendingPathComponent(
            "journal-fixture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true)
        base = made.resolvingSymlinksInPath()
        root = base.appendingPathComponent("journal")
        home = base.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        for (path, content) in files.sorted(by: { $0.key < $1.key }) { try write(path, content) }
    }

    deinit { try? FileManager.default.removeItem(at: base) }

    func url(_ relative: String) -> URL { relative.isEmpty ? root : root.appendingPathComponent(relative) }

    func path(_ relative: String = "") -> String { url(relative).path }

    func write(_ relative: String, _ content: String) throws { try write(relative, bytes: Array(content.utf8)) }

    func write(_ relative: String, bytes: [UInt8]) throws {
        let target = url(relative)
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: target)
    }

    func folder(_ relative: String) throws {
        try FileManager.default.createDirectory(at: url(relative), withIntermediateDirectories: true)
    }

    /// A symlink at `relative` whose target is `destination`, written as given.
    func symlink(_ relative: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path(relative), withDestinationPath: destination)
    }

    /// Runs `journal` in `subfolder` of the journal (or in `directory`), with `HOME` inside the
    /// fixture, and fails the test if any file under the fixture changed other than the paths
    /// in `allowCreated` (relative to the journal) being newly created, and the paths in
    /// `allowAppended` growing by appended bytes only (the day's log).
    @discardableResult
    func run(
        _ arguments: [String], in subfolder: String = "", directory: URL? = nil, environment: [String: String] = [:],
        allowCreated: Set<String> = [], allowAppended: Set<String> = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> JournalProcess.Result {
        let snapshot = try FileSnapshot(of: base)
        var before: [String: Data?] = [:]
        for relative in allowAppended { before[relative] = .some(FileManager.default.contents(atPath: path(relative))) }
        var env = ["HOME": home.path]
        env.merge(environment) { $1 }
        let result = try JournalProcess.run(arguments, in: directory ?? url(subfolder), environment: env)
        for (relative, old) in before {
            guard let old else { continue }
            let new = FileManager.default.contents(atPath: path(relative)) ?? Data()
            if !new.starts(with: old) {
                Issue.record("\(relative) changed other than by appending", sourceLocation: sourceLocation)
            }
        }
        let created = allowCreated.union(allowAppended.filter { before[$0] == .some(nil) })
        let appended = Set(allowAppended.filter { before[$0] != .some(nil) }.map { "journal/\($0)" })
        try snapshot.assertUnchanged(
            except: Set(created.map { "journal/\($0)" }), ignoring: appended, sourceLocation: sourceLocation)
        return result
    }
}

/// Every file, folder and symlink under a folder, with a digest of its bytes, its permissions
/// and, for symlinks, the target as written. Symlinks are recorded, never followed.
struct FileSnapshot: Equatable, Sendable {
    enum Node: Equatable, Sendable, CustomStringConvertible {
        case file(size: Int, digest: UInt64, mode: UInt32)
        case directory(mode: UInt32)
        case symlink(target: String)
        /// Something else, such as a FIFO, recorded by its type and mode.
        case other(mode: UInt32)

        var description: String {
            switch self {
            case .file(let size, let digest, let mode):
                return "file (\(size) bytes, digest \(String(digest, radix: 16)), mode \(String(mode, radix: 8)))"
            case .directory(let mode): return "folder (mode \(String(mode, radix: 8)))"
            case .symlink(let target): return "symlink → \(target)"
            case .other(let mode): return "special file (mode \(String(mode, radix: 8)))"
            }
        }
    }

    let root: String
    /// Relative path → what is there.
    let nodes: [String: Node]

    init(of root: URL) throws {
        self.root = root.path
        var nodes: [String: Node] = [:]
        try Self.walk(root.path, relative: "", into: &nodes)
        self.nodes = nodes
    }

    private static func walk(_ absolute: String, relative: String, into nodes: inout [String: Node]) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: absolute).sorted() {
            let path = "\(absolute)/\(name)"
            let key = relative.isEmpty ? name : "\(relative)/\(name)"
            var info = stat()
            guard lstat(path, &info) == 0 else { throw SnapshotError.cannotStat(path, errno) }
            let mode = UInt32(info.st_mode) & 0o7777
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                nodes[key] = .symlink(target: try FileManager.default.destinationOfSymbolicLink(atPath: path))
            case S_IFDIR:
                nodes[key] = .directory(mode: mode)
                try walk(path, relative: key, into: &nodes)
            case S_IFREG:
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                nodes[key] = .file(size: data.count, digest: Self.digest(data), mode: mode)
            default:
                nodes[key] = .other(mode: UInt32(info.st_mode))
            }
        }
    }

    enum SnapshotError: Error, CustomStringConvertible {
        case cannotStat(String, Int32)
        var description: String {
            switch self {
            case .cannotStat(let path, let code): return "cannot stat \(path): errno \(code)"
            }
        }
    }

    /// 64-bit FNV-1a: enough to tell any accidental change apart; no crypto library needed.
    static func digest(_ data: Data) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// What differs in `later`, one sorted line per path. Newly created paths in `allowed`, and
    /// new folders that lead to them, are not changes.
    func changes(to later: FileSnapshot, allowing allowed: Set<String> = [], ignoring ignored: Set<String> = [])
        -> [String]
    {
        var lines: [String] = []
        for path in Set(nodes.keys).union(later.nodes.keys).sorted() where !ignored.contains(path) {
            switch (nodes[path], later.nodes[path]) {
            case (let before?, let after?) where before != after:
                lines.append("changed: \(path): \(before) → \(after)")
            case (let before?, nil):
                lines.append("deleted: \(path) (was \(before))")
            case (nil, let after?):
                let isAllowed =
                    allowed.contains(path)
                    || (after.isDirectory && allowed.contains { $0.hasPrefix(path + "/") })
                if !isAllowed { lines.append("created: \(path) (\(after))") }
            default:
                break
            }
        }
        return lines
    }

    /// Takes a new snapshot of the same folder and records a test issue for every change except
    /// newly created paths in `allowed` (relative to this snapshot's root).
    func assertUnchanged(
        except allowed: Set<String> = [], ignoring ignored: Set<String> = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let later = try FileSnapshot(of: URL(fileURLWithPath: root))
        for change in changes(to: later, allowing: allowed, ignoring: ignored) {
            Issue.record("file system changed under \(root): \(change)", sourceLocation: sourceLocation)
        }
    }
}

extension FileSnapshot.Node {
    var isDirectory: Bool {
        if case .directory = self { return true }
        return false
    }
}
