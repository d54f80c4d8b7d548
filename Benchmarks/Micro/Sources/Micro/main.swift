import JournalKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Times JournalKit's hot paths with ContinuousClock and prints markdown tables of medians.
//
//     Micro [--entry FILE]... [--sizes 10000,100000,1000000]
//
// Parsing: EntryParser.parse (cmark + extraction) and CmarkParser.parse alone, per entry file.
// Ledger: Ledger(entries:) plus statuses(asOf:), and the whole Review, over N commitments with
// N/2 follow-ups. Entries are built by parsing generated markdown (untimed), so only public
// API is used and the records look exactly like the real ones.

let clock = ContinuousClock()

func seconds(_ duration: Duration) -> Double {
    let (s, attoseconds) = duration.components
    return Double(s) + Double(attoseconds) / 1e18
}

/// Median wall time of `body` over `repetitions`, after one untimed warm-up run.
func median(repetitions: Int, _ body: () -> Void) -> Double {
    body()
    var samples: [Double] = []
    for _ in 0..<repetitions { samples.append(seconds(clock.measure(body))) }
    samples.sort()
    return samples[samples.count / 2]
}

/// A fixed-point rendering with `digits` decimals, without Foundation.
func format(_ value: Double, _ digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = Int((value * scale).rounded())
    guard digits > 0 else { return String(scaled) }
    let whole = scaled / Int(scale)
    var fraction = String(scaled % Int(scale))
    while fraction.count < digits { fraction = "0" + fraction }
    return "\(whole).\(fraction)"
}

// MARK: - Arguments

var entryFiles: [String] = []
var sizes = [10_000, 100_000, 1_000_000]
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--entry": if let path = arguments.popFirst() { entryFiles.append(path) }
    case "--sizes": sizes = (arguments.popFirst() ?? "").split(separator: ",").compactMap { Int($0) }
    default:
        FileHandleStderr.write("usage: Micro [--entry FILE]... [--sizes N,N,...]\n")
        exit(2)
    }
}

enum FileHandleStderr {
    static func write(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}

// MARK: - Parsing one entry

let parser = EntryParser(config: Config())
let sampleDay = Day(year: 2026, month: 11, day: 27) ?? Day(ordinal: 0)

print("### Parsing one entry\n")
print("| Entry | Bytes | Commitments | Follow-ups | cmark + walk (µs) | parse + extract (µs) | MB/s |")
print("|---|---:|---:|---:|---:|---:|---:|")
for path in entryFiles {
    let bytes: [UInt8]
    do { bytes = try FileReader.read(path) } catch {
        FileHandleStderr.write("Micro: \(error)\n")
        exit(2)
    }
    let name = String(path.split(separator: "/").last ?? "")
    let stem = String(name.dropLast(3))
    // `corpora/heavy/entries/…/x.md` is labelled `heavy/x.md`, so both sample entries are told apart.
    let parts = path.split(separator: "/")
    let corpus = parts.firstIndex(of: "corpora").flatMap { $0 + 1 < parts.count ? "\(parts[$0 + 1])/" : nil } ?? ""
    let result = parser.parse(bytes, path: name, stem: stem, date: sampleDay)
    let cmark = median(repetitions: 301) { _ = CmarkParser.parse(bytes) }
    let full = median(repetitions: 301) { _ = parser.parse(bytes, path: name, stem: stem, date: sampleDay) }
    let entry = result.entry
    print(
        "| \(corpus)\(name) | \(bytes.count) | \(entry?.commitments.count ?? 0) | \(entry?.followUps.count ?? 0) "
            + "| \(format(cmark * 1e6, 1)) | \(format(full * 1e6, 1)) "
            + "| \(format(Double(bytes.count) / full / 1e6, 1)) |")
}

// MARK: - The ledger over N commitments

/// `count` commitments in entries of 40, each entry following up 20 commitments of the one before.
func syntheticEntries(commitments count: Int) -> [Entry] {
    let perEntry = 40
    let entryCount = (count + perEntry - 1) / perEntry
    let start = Day(year: 1900, month: 1, day: 1) ?? Day(ordinal: 0)
    let boxes = ["[x]", "[>]", "[/]", "[-]", "[ ]"]
    var entries: [Entry] = []
    entries.reserveCapacity(entryCount)
    for index in 0..<entryCount {
        let day = start.adding(days: index)
        let previous = start.adding(days: index - 1)
        var text = "# Day \(index)\n\n## Commitments\n\n"
        let here = min(perEntry, count - index * perEntry)
        for k in 0..<here {
            let due = k % 3 == 0 ? " due:\(day.adding(days: k % 20 + 1))" : ""
            let person = ["ana", "tom", "li", "maria"][k % 4]
            text += "- [ ] Send @\(person) the report number \(k) #commit #t\(k % 7)\(due) ^c\(k)\n"
        }
        if index > 0 {
            text += "\n## Follow-ups\n\n"
            for k in stride(from: 0, to: perEntry, by: 2) {
                let box = boxes[(k / 2) % boxes.count]
                let moved = box == "[>]" ? " due:\(day.adding(days: 7))" : ""
                text += "- \(box) [[\(previous)#^c\(k)]] noted\(moved)\n"
            }
        }
        let stem = "\(day)"
        if let entry = parser.parse(Array(text.utf8), path: "\(stem).md", stem: stem, date: day).entry {
            entries.append(entry)
        }
    }
    return entries
}

print("\n### The ledger over N commitments\n")
print("| Commitments | Follow-ups | Ledger + statuses (ms) | ns / commitment | Review (ms) | ns / commitment |")
print("|---:|---:|---:|---:|---:|---:|")
for size in sizes {
    let entries = syntheticEntries(commitments: size)
    let commitments = entries.reduce(0) { $0 + $1.commitments.count }
    let followUps = entries.reduce(0) { $0 + $1.followUps.count }
    let asOf = (entries.last?.date ?? sampleDay).adding(days: 1)
    let repetitions = size >= 1_000_000 ? 3 : size >= 100_000 ? 5 : 11
    var sink = 0
    let ledger = median(repetitions: repetitions) {
        sink &+= Ledger(entries: entries).statuses(asOf: asOf, staleAfterDays: 14).count
    }
    let review = median(repetitions: repetitions) {
        sink &+= Review(entries: entries, options: ReviewOptions(asOf: asOf)).commitments.count
    }
    if sink == 42 { print("") }  // keeps the optimiser from dropping the work
    print(
        "| \(commitments) | \(followUps) | \(format(ledger * 1e3, 1)) "
            + "| \(format(ledger * 1e9 / Double(commitments), 0)) | \(format(review * 1e3, 1)) "
            + "| \(format(review * 1e9 / Double(commitments), 0)) |")
}
