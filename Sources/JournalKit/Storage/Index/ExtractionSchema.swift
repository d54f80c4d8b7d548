#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the index's records mean. Bump `version` whenever extraction produces anything
/// different for the same bytes and settings; `ExtractionSchemaTests` fails until you do.
public enum ExtractionSchema {
    /// The extraction rules' version: records written under another one are never trusted.
    public static let version = 1

    /// Everything a cached record depends on besides the file and the settings: the rules, the
    /// record layout and, in a development build, the binary itself (so every rebuild starts afresh).
    static let key: String = {
        var key = "extraction \(version); record \(EntryRecord.format)"
        #if DEBUG
            var info = stat()
            if stat("/proc/self/exe", &info) == 0 {
                key += "; debug build \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
            }
        #endif
        return key
    }()
}
