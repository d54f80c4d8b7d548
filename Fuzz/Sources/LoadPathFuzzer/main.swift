import CFuzzerDriver
import JournalKit

#if canImport(Glibc)
    import Glibc
#endif

/// The whole load path on one input of up to 256 KiB: the bytes are split at the first line
/// `=====` into two entries a week apart (so follow-ups can reach commitments), each parsed as
/// a file on disk (guard, front matter, cmark, items, names), then the ledger, its follow-up
/// problems with did-you-mean, a review and the three reports. Run with a per-input time limit
/// that a quadratic loop trips (`make fuzz-load`).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let all = Array(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size))
    let marker = Array("\n=====\n".utf8)
    var split = all.count
    if all.count >= marker.count {
        for start in 0...(all.count - marker.count) where all[start..<(start + marker.count)].elementsEqual(marker) {
            split = start
            break
        }
    }
    let first = Array(all[..<split])
    let second = split < all.count ? Array(all[(split + marker.count)...]) : []
    var config = Config()
    config.maxEntryBytes = 256 * 1024
    let parser = EntryParser(config: config)
    let days = [Day(year: 2026, month: 11, day: 20), Day(year: 2026, month: 11, day: 27)].map { $0 ?? Day(ordinal: 0) }
    var entries: [Entry] = []
    for (bytes, (stem, date)) in zip([first, second], zip(["2026-11-20", "2026-11-27-fuzz"], days)) {
        let result = parser.parse(bytes, path: "\(stem).md", stem: stem, date: date)
        for diagnostic in result.diagnostics {
            precondition(!OutputEncoding.terminal.encode(diagnostic.formatted).unicodeScalars.contains {
                TerminalText.isUnsafe($0) && $0 != "\n"
            })
        }
        if let entry = result.entry { entries.append(entry) }
    }
    let journal = Journal(root: "/fuzz", config: config, entries: entries, diagnostics: [])
    _ = journal.ledger.followUpProblems()
    let review = Review(journal: journal, options: ReviewOptions(asOf: days[1]))
    let document = ReportDocument(review: review)
    let markdown = MarkdownReport.render(document)
    precondition(!markdown.unicodeScalars.contains { TerminalText.isUnsafe($0) && $0 != "\n" })
    _ = TextReport.render(document, width: 100, color: false)
    _ = JSONReport.render(review)
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOne(data, size) })
