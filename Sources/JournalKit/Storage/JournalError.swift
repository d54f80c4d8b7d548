#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Errors that stop a command: the environment is wrong, not the journal's content.
public enum JournalError: Error, CustomStringConvertible, Equatable, Sendable {
    case notFound(tried: [String])
    case notADirectory(String)
    case missing(String)
    case unreadable(String, String)
    case cannotCreate(String, String)
    /// The path is a FIFO, device, socket or folder: never read.
    case notRegularFile(String, String)
    /// Larger than the cap in bytes: refused unread, its text never shown.
    case tooLarge(String, Int)

    public var description: String {
        switch self {
        case .notFound(let tried):
            return "no journal found (tried \(tried.joined(separator: ", "))); run 'journal init' or pass --journal DIR"
        case .notADirectory(let path): return "journal path is not a folder: \(path)"
        case .missing(let path): return "journal folder does not exist: \(path)"
        case .unreadable(let path, let reason): return "cannot read \(path): \(reason)"
        case .cannotCreate(let path, let reason): return "cannot create \(path): \(reason)"
        case .notRegularFile(let path, let kind): return "not read: \(path) is \(kind), not a regular file"
        case .tooLarge(let path, let cap): return "not read: \(path) is larger than \(cap / 1024) KiB"
        }
    }

    /// The C library's text for an errno value, in lowercase like our other messages.
    static func reason(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        let message = String(cString: text)
        return message.prefix(1).lowercased() + message.dropFirst()
    }
}
