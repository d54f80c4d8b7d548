import Ccmark

/// The only bridge to libcmark: bytes in, Swift values out, every C object freed before returning.
public enum CmarkParser {
    /// Parses `bytes` and keeps headings and list items.
    ///
    /// - Parameter lineOffset: added to every line, so a body parsed after front matter reports
    ///   the file's real line numbers.
    /// - Parameter validateUTF8: false only for bytes already known to be valid UTF-8 (InputGuard
    ///   checks every entry): cmark then skips its own pass over them.
    public static func parse(
        _ bytes: UnsafeRawBufferPointer, lineOffset: Int = 0, validateUTF8: Bool = true
    ) -> [MarkdownBlock] {
        let options = validateUTF8 ? CMARK_OPT_VALIDATE_UTF8 : CMARK_OPT_DEFAULT
        // An empty buffer may have a nil base address; cmark reads nothing when the length is 0.
        var empty: CChar = 0
        let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        guard let document = withUnsafePointer(to: &empty, { cmark_parse_document(base ?? $0, bytes.count, options) })
        else { return [] }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }

        var walker = Walker(lineOffset: lineOffset, source: bytes)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            walker.visit(node, entering: event == CMARK_EVENT_ENTER)
        }
        return walker.blocks
    }

    public static func parse(_ bytes: [UInt8], lineOffset: Int = 0) -> [MarkdownBlock] {
        bytes.withUnsafeBytes { parse($0, lineOffset: lineOffset) }
    }

    /// The walk's state; it only ever holds Swift values.
    private struct Walker {
        let lineOffset: Int
        var blocks: [MarkdownBlock] = []
        var listDepth = 0
        var blockQuoteDepth = 0
        var listItemDepth = 0
        var orderedLists: [Bool] = []
        /// Index in `blocks` of the item or heading whose inlines are being collected.
        var collecting: Int?
        var spans: [InlineSpan] = []
        var links: [String] = []

        /// The bytes parsed, to tell an escaped `\\#` from a `#` (cmark merges both into one text node).
        let source: UnsafeRawBufferPointer
        /// Offset of each line's start in `source`, worked out on first use.
        var lineStarts: [Int]?

        init(lineOffset: Int, source: UnsafeRawBufferPointer) {
            self.lineOffset = lineOffset
            self.source = source
        }

        mutating func visit(_ node: OpaquePointer, entering: Bool) {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_BLOCK_QUOTE:
                blockQuoteDepth += entering ? 1 : -1
            case CMARK_NODE_LIST:
                listDepth += entering ? 1 : -1
                if entering {
                    orderedLists.append(cmark_node_get_list_type(node) == CMARK_ORDERED_LIST)
                } else {
                    orderedLists.removeLast()
                }
            case CMARK_NODE_ITEM:
                listItemDepth += entering ? 1 : -1
                if entering && blockQuoteDepth == 0 {
                    let item = MarkdownListItem(
                        depth: listDepth, ordered: orderedLists.last ?? false, location: location(of: node),
                        spans: [], linkDestinations: [], paragraphLocation: nil)
                    blocks.append(.listItem(item))
                }
            case CMARK_NODE_PARAGRAPH:
                if entering {
                    if blockQuoteDepth == 0, let parent = cmark_node_parent(node),
                        cmark_node_get_type(parent) == CMARK_NODE_ITEM, cmark_node_first_child(parent) == node,
                        case .listItem = blocks.last
                    {
                        collecting = blocks.count - 1
                    }
                } else {
                    finishCollecting(at: location(of: node))
                }
            case CMARK_NODE_HEADING:
                if entering {
                    if blockQuoteDepth == 0 && listItemDepth == 0 {
                        let level = Int(cmark_node_get_heading_level(node))
                        blocks.append(.heading(MarkdownHeading(level: level, text: "", location: location(of: node))))
                        collecting = blocks.count - 1
                    }
                } else {
                    finishCollecting(at: location(of: node))
                }
            case CMARK_NODE_TEXT:
                guard collecting != nil else { break }
                let literal = Self.string(cmark_node_get_literal(node))
                if literal.utf8.contains(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "@") }) {
                    appendSplittingEscapes(literal, node)
                } else {
                    appendText(.text, literal)
                }
            case CMARK_NODE_CODE:
                append(.code, node)
            case CMARK_NODE_HTML_INLINE:
                append(.html, node)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if collecting != nil { appendText(.text, " ") }
            case CMARK_NODE_LINK:
                guard collecting != nil else { break }
                let destination = Self.string(cmark_node_get_url(node))
                if entering { links.append(destination) }
                spans.append(InlineSpan(entering ? .linkStart : .linkEnd, destination))
            default:
                break
            }
        }

        mutating func append(_ kind: InlineSpan.Kind, _ node: OpaquePointer) {
            guard collecting != nil else { return }
            appendText(kind, Self.string(cmark_node_get_literal(node)))
        }

        /// Appends a text node, with each `#` or `@` that the source writes escaped (`\\#`) or as
        /// an entity (`&#35;`) as a `.literal` span. The literal and the source are walked side by
        /// side from the node's position; where they cannot be matched up, the rest is plain text.
        mutating func appendSplittingEscapes(_ literal: String, _ node: OpaquePointer) {
            let line = Int(cmark_node_get_start_line(node))
            let column = Int(cmark_node_get_start_column(node))
            let starts = lineStarts ?? SourceLocation.lineStarts(in: source)
            lineStarts = starts
            guard line >= 1, line <= starts.count, column >= 1 else { return appendText(.text, literal) }
            let bytes = Array(literal.utf8)
            var j = starts[line - 1] + column - 1
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
                    if pieceStart < i { appendText(.text, String(decoding: bytes[pieceStart..<i], as: UTF8.self)) }
                    appendText(.literal, String(decoding: bytes[i..<next], as: UTF8.self))
                    pieceStart = next
                }
                i = next
            }
            if pieceStart < bytes.count { appendText(.text, String(decoding: bytes[pieceStart...], as: UTF8.self)) }
        }

        mutating func appendText(_ kind: InlineSpan.Kind, _ text: String) {
            if kind == .text, let last = spans.last, last.kind == .text {
                spans[spans.count - 1].text += text
            } else {
                spans.append(InlineSpan(kind, text))
            }
        }

        mutating func finishCollecting(at paragraphLocation: SourceLocation) {
            guard let index = collecting else { return }
            collecting = nil
            switch blocks[index] {
            case .listItem(var item):
                item.spans = spans
                item.linkDestinations = links
                item.paragraphLocation = paragraphLocation
                blocks[index] = .listItem(item)
            case .heading(var heading):
                heading.text = spans.filter { $0.kind == .text || $0.kind == .code || $0.kind == .literal }.map(\.text)
                    .joined()
                blocks[index] = .heading(heading)
            }
            spans = []
            links = []
        }

        func location(of node: OpaquePointer) -> SourceLocation {
            let line = Int(cmark_node_get_start_line(node))
            let column = Int(cmark_node_get_start_column(node))
            return SourceLocation(line: line + lineOffset, column: column > 0 ? column : nil)
        }

        /// Copies a C string that cmark owns; cmark has already replaced NUL and invalid bytes.
        static func string(_ pointer: UnsafePointer<CChar>?) -> String {
            guard let pointer else { return "" }
            return String(cString: pointer)
        }
    }
}
