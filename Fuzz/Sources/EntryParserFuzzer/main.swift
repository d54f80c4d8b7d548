import CFuzzerDriver
import JournalKit

#if canImport(Glibc)
    import Glibc
#endif

/// One input: bytes in, an entry and diagnostics out, through the same path as a file on disk,
/// guard included. The cap is small so the fuzzer spends its time on structure, not size.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size)
    var config = Config()
    config.maxEntryBytes = 64 * 1024
    let date = Day(year: 2026, month: 11, day: 27) ?? Day(ordinal: 0)
    let result = EntryParser(config: config).parse(bytes, path: "fuzz.md", stem: "2026-11-27-fuzz", date: date)
    for diagnostic in result.diagnostics {
        precondition(!diagnostic.formatted.isEmpty, "a diagnostic always says something")
        precondition(!TerminalText.escape(diagnostic.formatted).unicodeScalars.contains(where: TerminalText.isUnsafe))
    }
    if let entry = result.entry {
        for commitment in entry.commitments {
            precondition(!commitment.reference.id.isEmpty, "every commitment has an id")
        }
    }
    return 0
}

// SwiftPM gives an executable its own main, so libFuzzer is started from here rather than
// from libFuzzer's main.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOne(data, size) })
