import CmarkArena
import Dispatch
import Foundation
import Testing

@testable import JournalKit

/// The arena allocator (Sources/CmarkArena) on its own, and cmark parsing through it against
/// cmark's default allocator.
@Suite struct CmarkArenaTests {
    /// Documents of every shape the parser meets: the example journal, issue 10's pathological
    /// inputs that reach cmark, a 1 MB entry (many chunks), and seeded random mixes of blocks.
    static let documents: [[UInt8]] = {
        var documents = PathologicalCase.all.compactMap { pathological -> [UInt8]? in
            // Refused inputs never reach cmark, and cmark 0.30.2 takes seconds on some of them.
            if case .refused = pathological.outcome { return nil }
            return pathological.bytes
        }
        documents.append(Array(OrdinaryEntriesPassTheGuardTests.longEntry.utf8))
        let root = OrdinaryEntriesPassTheGuardTests.root + "/journal-example"
        for file in EntryFiles(root: root, config: Config()).files {
            if let bytes = try? FileReader.read("\(root)/\(file.path)") { documents.append(bytes) }
        }
        var random = SeededRandom(seed: 13)
        for _ in 0..<200 { documents.append(Array(randomDocument(&random).utf8)) }
        return documents
    }()

    static let pieces = [
        "# Heading *one*\n", "Setext\n---\n", "- [ ] call @ana by Friday #commit ^id\n", "  - nested [x](a.md#b)\n",
        "1. ordered ![alt *em*](i.png)\n", "> - quoted item\n> # quoted heading\n", "```\n- [ ] #commit fake\n```\n",
        "    - indented code\n", "<div>\n- html\n</div>\n", "Prose with **strong**, `code` and <b>html</b>.\n",
        "- \\#commit escaped &#35;x and &amp;\n", "- [ ] long " + String(repeating: "word ", count: 3000) + "\n",
        "[ref]: https://example.com\n", "- [x] [ref] done\n", "\n", "- # heading in item\n", "- \n",
        "* a\r\n  * b\r\n", "- line one  \n  hard break\n", "| a | b |\n|---|---|\n",
    ]

    static func randomDocument(_ random: inout SeededRandom) -> String {
        (0..<random.next(below: 60)).map { _ in pieces[random.next(below: pieces.count)] }.joined()
    }

    @Test func arenaTreesMatchTheDefaultAllocator() {
        for document in Self.documents {
            document.withUnsafeBytes { raw in
                let system = CmarkParser.parse(raw, lineOffset: 2, allocator: .system)
                let arena = CmarkParser.parse(raw, lineOffset: 2, allocator: .arena)
                #expect(arena == system)
            }
        }
        #expect(Self.documents.count > 230)
    }

    @Test func arenaTreesDifferWhenTheDocumentsDo() {
        // The twin: the comparison above can fail.
        let a = Array("- [ ] a #commit\n".utf8).withUnsafeBytes { CmarkParser.parse($0, allocator: .arena) }
        let b = Array("- [ ] b #commit\n".utf8).withUnsafeBytes { CmarkParser.parse($0, allocator: .system) }
        #expect(a != b)
    }

    @Test func parsesOnManyThreadsAtOnceEachWithItsArena() {
        let expected = Self.documents.map { document in
            document.withUnsafeBytes { CmarkParser.parse($0, allocator: .system) }
        }
        let mismatches = Mismatches()
        DispatchQueue.concurrentPerform(iterations: Self.documents.count * 2) { index in
            let i = index % Self.documents.count
            let blocks = Self.documents[i].withUnsafeBytes { CmarkParser.parse($0, allocator: .arena) }
            if blocks != expected[i] { mismatches.add(i) }
        }
        #expect(mismatches.indices == [])
    }

    @Test func callocZeroesAndBlocksAreAligned() {
        let arena = journal_arena_begin()
        defer { journal_arena_end(arena) }
        for size in [1, 7, 16, 100, 4096, 200_000] {
            guard let block = journal_arena_calloc(size, 1) else { return #expect(Bool(false)) }
            #expect(Int(bitPattern: block) % 16 == 0)
            let bytes = UnsafeRawBufferPointer(start: block, count: size)
            #expect(bytes.allSatisfy { $0 == 0 })
            memset(block, 0xAB, size)
        }
        // Memory given out before is never given out again, so a later calloc is zero too.
        let after = journal_arena_calloc(64, 1)
        #expect(after.map { UnsafeRawBufferPointer(start: $0, count: 64).allSatisfy { $0 == 0 } } == true)
    }

    @Test func reallocOfTheLatestBlockGrowsInPlace() {
        let arena = journal_arena_begin()
        defer { journal_arena_end(arena) }
        let block = journal_arena_realloc(nil, 16)
        block?.storeBytes(of: 42, as: Int.self)
        let grown = journal_arena_realloc(block, 1000)
        #expect(grown == block)
        #expect(grown?.load(as: Int.self) == 42)
        // Shrinking keeps the block.
        #expect(journal_arena_realloc(grown, 8) == block)
    }

    @Test func reallocOfAnEarlierBlockMovesAndCopies() {
        let arena = journal_arena_begin()
        defer { journal_arena_end(arena) }
        let first = journal_arena_realloc(nil, 32)
        for i in 0..<4 { first?.storeBytes(of: i * 7, toByteOffset: i * 8, as: Int.self) }
        _ = journal_arena_calloc(1, 1)
        let moved = journal_arena_realloc(first, 1000)
        #expect(moved != first)
        #expect((0..<4).map { moved?.load(fromByteOffset: $0 * 8, as: Int.self) } == [0, 7, 14, 21])
    }

    @Test func largeBlocksGetTheirOwnChunk() {
        let arena = journal_arena_begin()
        defer { journal_arena_end(arena) }
        #expect(journal_arena_reserved_bytes(arena) == 0)
        _ = journal_arena_calloc(10, 1)
        let first = journal_arena_reserved_bytes(arena)
        #expect(first == 64 * 1024)
        _ = journal_arena_calloc(1 << 20, 3)
        #expect(journal_arena_reserved_bytes(arena) >= first + 3 << 20)
    }

    @Test func chunksStopDoublingSoABigParseReservesLittleMoreThanItUses() {
        let arena = journal_arena_begin()
        defer { journal_arena_end(arena) }
        // 48 MiB in 32 KiB blocks: doubling chunks would reserve up to twice that.
        for _ in 0..<(48 * 32) { _ = journal_arena_calloc(32 * 1024 - 16, 1) }
        #expect(journal_arena_reserved_bytes(arena) < (48 + 4) << 20)
        #expect(journal_arena_reserved_bytes(arena) >= 48 << 20)
    }

    @Test func arenasNestAndRestoreTheOuterOne() {
        let outer = journal_arena_begin()
        _ = journal_arena_calloc(1, 1)
        let inner = journal_arena_begin()
        _ = journal_arena_calloc(100_000, 1)
        #expect(journal_arena_reserved_bytes(inner) > 100_000)
        journal_arena_end(inner)
        _ = journal_arena_calloc(1, 1)
        #expect(journal_arena_reserved_bytes(outer) == 64 * 1024)
        journal_arena_end(outer)
    }

    @Test func overflowingSizesAbort() async {
        await #expect(processExitsWith: .failure) {
            let arena = journal_arena_begin()
            _ = journal_arena_calloc(Int.max, 4)
            journal_arena_end(arena)
        }
        await #expect(processExitsWith: .failure) {
            let arena = journal_arena_begin()
            _ = journal_arena_realloc(nil, Int(bitPattern: UInt.max - 1))
            journal_arena_end(arena)
        }
    }

    @Test func allocatingWithNoArenaAborts() async {
        await #expect(processExitsWith: .failure) { _ = journal_arena_calloc(1, 1) }
    }

    @Test func sizesThatFitDoNotAbort() async {
        await #expect(processExitsWith: .success) {
            let arena = journal_arena_begin()
            _ = journal_arena_calloc(1 << 20, 4)
            journal_arena_end(arena)
        }
    }
}

/// Documents whose trees came out wrong, noted from many threads.
private final class Mismatches: @unchecked Sendable {
    private let lock = NSLock()
    private var found: [Int] = []
    func add(_ index: Int) { lock.withLock { found.append(index) } }
    var indices: [Int] { lock.withLock { found.sorted() } }
}

/// A small seeded generator (SplitMix64), so the random documents are the same on every run.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
