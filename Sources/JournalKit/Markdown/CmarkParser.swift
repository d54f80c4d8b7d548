import Ccmark
import CmarkArena

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The only bridge to libcmark: bytes in, Swift values out, every C object freed before returning.
public enum CmarkParser {
    /// Where cmark's nodes and buffers are allocated.
    enum Allocator: Sendable {
        /// A bump arena per parse, released in one go after the walk (`Sources/CmarkArena`).
        case arena
        /// cmark's default malloc, with `cmark_node_free` walking the tree: the arena's reference.
        case system
    }

    /// Parses `bytes` and keeps headings and list items.
    ///
    /// - Parameter lineOffset: added to every line, so a body parsed after front matter reports
    ///   the file's real line numbers.
    /// - Parameter validateUTF8: false only for bytes already known to be valid UTF-8 (InputGuard
    ///   checks every entry): cmark then skips its own pass over them.
    public static func parse(
        _ bytes: UnsafeRawBufferPointer, lineOffset: Int = 0, validateUTF8: Bool = true
    ) -> [MarkdownBlock] {
        parse(bytes, lineOffset: lineOffset, validateUTF8: validateUTF8, allocator: .arena)
    }

    static func parse(
        _ bytes: UnsafeRawBufferPointer, lineOffset: Int = 0, validateUTF8: Bool = true, allocator: Allocator
    ) -> [MarkdownBlock] {
        let options = validateUTF8 ? CMARK_OPT_VALIDATE_UTF8 : CMARK_OPT_DEFAULT
        // The arena is current on this thread from here to the end of the walk, which never
        // suspends: cmark_node_get_literal allocates too (a NUL-terminated copy), so the walk
        // needs it as much as the parse.
        let arena = allocator == .arena ? journal_arena_begin() : nil
        defer { if let arena { journal_arena_end(arena) } }
        guard
            let parser = cmark_parser_new_with_mem(
                options, arena == nil ? cmark_get_default_mem_allocator() : arenaMemory)
        else { return [] }
        if let base = bytes.baseAddress, bytes.count > 0 {
            cmark_parser_feed(parser, base.assumingMemoryBound(to: CChar.self), bytes.count)
        }
        let document = cmark_parser_finish(parser)
        // With the arena, ending it frees parser and document at once.
        defer {
            if arena == nil {
                cmark_node_free(document)
                cmark_parser_free(parser)
            }
        }
        guard let document else { return [] }
        var walker = Walker(lineOffset: lineOffset, source: bytes)
        walker.walkBlocks(of: document)
        return walker.blocks
    }

    public static func parse(_ bytes: [UInt8], lineOffset: Int = 0) -> [MarkdownBlock] {
        bytes.withUnsafeBytes { parse($0, lineOffset: lineOffset) }
    }

    /// The arena's callbacks as cmark takes them; cmark keeps the pointer for the parser's life,
    /// so it is allocated once and never written after.
    private nonisolated(unsafe) static let arenaMemory: UnsafeMutablePointer<cmark_mem> = {
        let memory = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        memory.initialize(
            to: cmark_mem(calloc: journal_arena_calloc, realloc: journal_arena_realloc, free: journal_arena_free))
        return memory
    }()

    /// The walk's state; it only ever holds Swift values.
    private struct Walker {
        let lineOffset: Int
        var blocks: [MarkdownBlock] = []
        var spans: [InlineSpan] = []
        var links: [String] = []
        /// The bytes of the text span being built: adjacent text nodes become one String.
        var text: [UInt8] = []
        /// Whether `text` is a span yet (it may be an empty one).
        var inText = false

        /// The bytes parsed, to tell an escaped `\\#` from a `#` (cmark merges both into one text node).
        let source: UnsafeRawBufferPointer
        /// A line of `source` and the offset of its start: text nodes come in document order, so
        /// finding the next one's line scans on from here instead of building a table of lines.
        var cursor = (line: 1, offset: 0)

        /// Whether `source` holds a `\\` or a `&` at all: without one, no `#` can be escaped or an
        /// entity, and most entries have neither.
        let sourceHasEscapes: Bool

        init(lineOffset: Int, source: UnsafeRawBufferPointer) {
            self.lineOffset = lineOffset
            self.source = source
            sourceHasEscapes =
                source.baseAddress.map { base in
                    memchr(base, Int32(UInt8(ascii: "\\")), source.count) != nil
                        || memchr(base, Int32(UInt8(ascii: "&")), source.count) != nil
                } ?? false
        }

        /// Visits only what can hold a heading or a list item outside block quotes: the document's
        /// children, lists and items. Prose paragraphs, block quotes, code and HTML blocks are
        /// never entered, so their inlines are never visited. Iterative (cmark's parent links
        /// instead of a stack), so nesting depth costs no Swift stack.
        mutating func walkBlocks(of document: OpaquePointer) {
            // Whether each list enclosing the current node is ordered, outermost first.
            var lists: [Bool] = []
            var next = cmark_node_first_child(document)
            while let node = next {
                var descend = false
                switch cmark_node_get_type(node) {
                case CMARK_NODE_LIST:
                    lists.append(cmark_node_get_list_type(node) == CMARK_ORDERED_LIST)
                    descend = true
                case CMARK_NODE_ITEM:
                    var item = MarkdownListItem(
                        depth: lists.count, ordered: lists.last ?? false, location: location(of: node), spans: [],
                        linkDestinations: [], paragraphLocation: nil)
                    if let paragraph = cmark_node_first_child(node),
                        cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH
                    {
                        walkInlines(of: paragraph)
                        item.spans = takeSpans()
                        item.linkDestinations = links
                        item.paragraphLocation = location(of: paragraph)
                        links = []
                    }
                    blocks.append(.listItem(item))
                    descend = true
                case CMARK_NODE_HEADING where cmark_node_parent(node) == document:
                    walkInlines(of: node)
                    let text = takeSpans().filter { $0.kind == .text || $0.kind == .code || $0.kind == .literal }
                        .map(\.text).joined()
                    links = []
                    blocks.append(
                        .heading(
                            MarkdownHeading(
                                level: Int(cmark_node_get_heading_level(node)), text: text, location: location(of: node)
                            )))
                default:
                    break
                }
                if descend, let child = cmark_node_first_child(node) {
                    next = child
                    continue
                }
                // Leave `node`, and every ancestor it was the last child of.
                next = nil
                var done = node
                while true {
                    if cmark_node_get_type(done) == CMARK_NODE_LIST { lists.removeLast() }
                    if let sibling = cmark_node_next(done) {
                        next = sibling
                        break
                    }
                    guard let parent = cmark_node_parent(done), parent != document else { break }
                    done = parent
                }
            }
        }

        /// Collects the inlines under `container` (a paragraph or heading) in document order, as
        /// `spans` and `links`; emphasis and images only contribute their text.
        mutating func walkInlines(of container: OpaquePointer) {
            guard var node = cmark_node_first_child(container) else { return }
            while true {
                switch cmark_node_get_type(node) {
                case CMARK_NODE_TEXT:
                    let literal = Self.bytes(cmark_node_get_literal(node))
                    if sourceHasEscapes,
                        literal.contains(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "@") })
                    {
                        appendSplittingEscapes(literal, node)
                    } else {
                        appendText(literal)
                    }
                case CMARK_NODE_CODE:
                    appendSpan(.code, String(decoding: Self.bytes(cmark_node_get_literal(node)), as: UTF8.self))
                case CMARK_NODE_HTML_INLINE:
                    appendSpan(.html, String(decoding: Self.bytes(cmark_node_get_literal(node)), as: UTF8.self))
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    appendText(byte: 0x20)
                case CMARK_NODE_LINK:
                    let destination = Self.string(cmark_node_get_url(node))
                    links.append(destination)
                    appendSpan(.linkStart, destination)
                default:
                    break
                }
                if let child = cmark_node_first_child(node) {
                    node = child
                    continue
                }
                var done = node
                while true {
                    if cmark_node_get_type(done) == CMARK_NODE_LINK {
                        appendSpan(.linkEnd, Self.string(cmark_node_get_url(done)))
                    }
                    if let sibling = cmark_node_next(done) {
                        node = sibling
                        break
                    }
                    guard let parent = cmark_node_parent(done), parent != container else { return }
                    done = parent
                }
            }
        }

        /// Appends a text node, with each `#` or `@` that the source writes escaped (`\\#`) or as
        /// an entity (`&#35;`) as a `.literal` span. The literal and the source are walked side by
        /// side from the node's position; where they cannot be matched up, the rest is plain text.
        mutating func appendSplittingEscapes(_ bytes: UnsafeBufferPointer<UInt8>, _ node: OpaquePointer) {
            let line = Int(cmark_node_get_start_line(node))
            let column = Int(cmark_node_get_start_column(node))
            guard line >= 1, column >= 1, let start = lineStart(line) else { return appendText(bytes) }
            var j = start + column - 1
            var i = 0
            var pieceStart = 0
            while i < bytes.count, j < source.count {
                let byte = bytes[i]
                if source[j] == byte {
                    i += 1
                    j += 1
                    continue
                }
                var escaped = false
                if source[j] == UInt8(ascii: "\\"), j + 1 < source.count, source[j + 1] == byte {
                    escaped = true
                    j += 2
                } else if source[j] == UInt8(ascii: "&") {
                    var end = j + 1
                    while end < source.count, end - j < 40, source[end] != UInt8(ascii: ";") { end += 1 }
                    guard end < source.count, source[end] == UInt8(ascii: ";") else { break }
                    escaped = true
                    j = end + 1
                } else {
                    break
                }
                guard escaped else { break }
                // One scalar of the literal came from the escape or entity.
                var next = i + 1
                while next < bytes.count, bytes[next] & 0xC0 == 0x80 { next += 1 }
                if byte == UInt8(ascii: "#") || byte == UInt8(ascii: "@") {
                    if pieceStart < i { appendText(UnsafeBufferPointer(rebasing: bytes[pieceStart..<i])) }
                    appendSpan(.literal, String(decoding: bytes[i..<next], as: UTF8.self))
                    pieceStart = next
                }
                i = next
            }
            if pieceStart < bytes.count { appendText(UnsafeBufferPointer(rebasing: bytes[pieceStart...])) }
        }

        /// Offset in `source` of the start of `line` (1-based), by SourceLocation.lineStarts's rule
        /// (LF, CRLF and lone CR end a line); nil past the last line.
        mutating func lineStart(_ line: Int) -> Int? {
            if line < cursor.line { cursor = (1, 0) }
            while cursor.line < line {
                var i = cursor.offset
                while i < source.count, source[i] != 0x0A, source[i] != 0x0D { i += 1 }
                guard i < source.count else { return nil }
                if source[i] == 0x0D, i + 1 < source.count, source[i + 1] == 0x0A { i += 1 }
                cursor = (cursor.line + 1, i + 1)
            }
            return cursor.offset
        }

        mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
            text.append(contentsOf: bytes)
            inText = true
        }

        mutating func appendText(byte: UInt8) {
            text.append(byte)
            inText = true
        }

        /// Ends the text span being built, if any.
        mutating func flushText() {
            guard inText else { return }
            spans.append(InlineSpan(.text, String(decoding: text, as: UTF8.self)))
            text.removeAll(keepingCapacity: true)
            inText = false
        }

        mutating func appendSpan(_ kind: InlineSpan.Kind, _ text: String) {
            flushText()
            spans.append(InlineSpan(kind, text))
        }

        mutating func takeSpans() -> [InlineSpan] {
            flushText()
            defer { spans = [] }
            return spans
        }

        func location(of node: OpaquePointer) -> SourceLocation {
            let line = Int(cmark_node_get_start_line(node))
            let column = Int(cmark_node_get_start_column(node))
            return SourceLocation(line: line + lineOffset, column: column > 0 ? column : nil)
        }

        /// The bytes of a C string that cmark owns, valid until the arena ends or the tree is
        /// freed; cmark has already replaced NUL and invalid bytes.
        static func bytes(_ pointer: UnsafePointer<CChar>?) -> UnsafeBufferPointer<UInt8> {
            guard let pointer else { return UnsafeBufferPointer(start: nil, count: 0) }
            return UnsafeBufferPointer(
                start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
        }

        /// Copies a C string that cmark owns.
        static func string(_ pointer: UnsafePointer<CChar>?) -> String {
            guard let pointer else { return "" }
            return String(cString: pointer)
        }
    }
}
