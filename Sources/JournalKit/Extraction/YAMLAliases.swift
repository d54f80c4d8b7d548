/// Finds YAML anchors (`&a`) and aliases (`*a`) in one linear pass, before Yams sees the text.
///
/// An alias shares its anchor's node, so a few lines can stand for billions of nodes
/// ("billion laughs"); used as a mapping key, the composer hashes that whole tree and hangs.
/// journal.yml refuses anchors and aliases outright; front matter allows a few aliases as
/// values only (see `FrontMatter`). This is a lexer, not a parser: it knows node starts
/// (after indentation, `- `, `? `, `: `, and `[ { ,` in flow), quoted scalars and comments,
/// which is enough to tell `*a` the alias from `*bold*` inside a plain title.
enum YAMLAliases {
    struct Mark: Equatable {
        /// 1-based line and column in the text.
        var line: Int
        var column: Int
        var isAlias: Bool
        /// An alias or anchor in a key position (`? *a` or `*a : value`).
        var isKey: Bool
    }

    /// The first anchor or alias, if any.
    static func first(in text: String) -> Mark? {
        var found: Mark?
        scan(text) { mark in
            found = mark
            return false
        }
        return found
    }

    /// Every anchor and alias, up to `limit` of them (the rest are not looked for).
    static func all(in text: String, limit: Int) -> [Mark] {
        var marks: [Mark] = []
        scan(text) { mark in
            marks.append(mark)
            return marks.count < limit
        }
        return marks
    }

    /// Calls `found` for each mark until it returns false. O(n) in the text's bytes.
    static func scan(_ text: String, _ found: (Mark) -> Bool) {
        let bytes = Array(text.utf8)
        var index = 0
        var line = 1
        var lineStart = 0
        var flowDepth = 0
        var nodeStart = true
        var afterQuestion = false
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        func isBreak(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }
        func blankOrEnd(_ at: Int) -> Bool { at >= bytes.count || isSpace(bytes[at]) || isBreak(bytes[at]) }
        while index < bytes.count {
            let byte = bytes[index]
            if isBreak(byte) {
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                index += 1
                line += 1
                lineStart = index
                nodeStart = true
                afterQuestion = false
                continue
            }
            if isSpace(byte) {
                index += 1
                continue
            }
            if byte == 0x23, index == lineStart || isSpace(bytes[index - 1]) {  // # comment
                while index < bytes.count, !isBreak(bytes[index]) { index += 1 }
                continue
            }
            if nodeStart {
                switch byte {
                case 0x2D where blankOrEnd(index + 1):  // "- "
                    index += 1
                    continue
                case 0x3F where blankOrEnd(index + 1):  // "? "
                    afterQuestion = true
                    index += 1
                    continue
                case 0x26, 0x2A:  // & anchor, * alias
                    let column = index - lineStart + 1
                    index += 1
                    while index < bytes.count, !blankOrEnd(index),
                        flowDepth == 0 || ![0x2C, 0x5B, 0x5D, 0x7B, 0x7D].contains(bytes[index])
                    {
                        index += 1
                    }
                    var after = index
                    while after < bytes.count, isSpace(bytes[after]) { after += 1 }
                    let implicitKey = after < bytes.count && bytes[after] == 0x3A && blankOrEnd(after + 1)
                    let mark = Mark(
                        line: line, column: column, isAlias: byte == 0x2A, isKey: afterQuestion || implicitKey)
                    if !found(mark) { return }
                    // After an anchor the node follows; after an alias, only `:` or a flow mark.
                    nodeStart = byte == 0x26
                    continue
                case 0x21:  // ! tag
                    while index < bytes.count, !blankOrEnd(index) { index += 1 }
                    continue
                case 0x7C,
                    0x3E where flowDepth == 0:  // | or > block scalar: skip its more-indented lines
                    var indent = lineStart
                    while indent < bytes.count, bytes[indent] == 0x20 { indent += 1 }
                    let own = indent - lineStart
                    while index < bytes.count, !isBreak(bytes[index]) { index += 1 }
                    while index < bytes.count {
                        var next = index
                        if bytes[next] == 0x0D, next + 1 < bytes.count, bytes[next + 1] == 0x0A { next += 1 }
                        next += 1
                        var spaces = next
                        while spaces < bytes.count, bytes[spaces] == 0x20 { spaces += 1 }
                        let blank = spaces >= bytes.count || isBreak(bytes[spaces])
                        guard blank || spaces - next > own else { break }
                        index = next
                        line += 1
                        lineStart = next
                        while index < bytes.count, !isBreak(bytes[index]) { index += 1 }
                    }
                    continue
                case 0x5B, 0x7B:  // [ {
                    flowDepth += 1
                    index += 1
                    continue
                case 0x22, 0x27:  // quoted scalar, possibly over several lines
                    let quote = byte
                    index += 1
                    while index < bytes.count {
                        let current = bytes[index]
                        if current == 0x5C, quote == 0x22 {
                            index += 2
                            continue
                        }
                        if isBreak(current) {
                            if current == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                            line += 1
                            lineStart = index + 1
                        } else if current == quote {
                            if quote == 0x27, index + 1 < bytes.count, bytes[index + 1] == 0x27 {
                                index += 2
                                continue
                            }
                            index += 1
                            break
                        }
                        index += 1
                    }
                    nodeStart = false
                    afterQuestion = false
                    continue
                default:
                    nodeStart = false
                    afterQuestion = false
                }
            }
            // Inside a plain scalar or after a node: only these start a new node.
            switch byte {
            case 0x3A
            where blankOrEnd(index + 1) || (flowDepth > 0 && index + 1 < bytes.count && bytes[index + 1] == 0x2C):
                nodeStart = true
                afterQuestion = false
            case 0x2C where flowDepth > 0:
                nodeStart = true
                afterQuestion = false
            case 0x5D,
                0x7D where flowDepth > 0:
                flowDepth -= 1
            default: break
            }
            index += 1
        }
    }
}

extension YAMLAliases {
    /// Deeper flow collections than this are refused before Yams, whose composer recurses.
    static let maxFlowDepth = 64

    /// True when `[` and `{` outside quotes and comments nest deeper than `limit`. Linear.
    static func flowDepthExceeds(_ text: String, _ limit: Int = maxFlowDepth) -> Bool {
        var depth = 0
        var quote: UInt8 = 0
        var previous: UInt8 = 0x0A
        var comment = false
        for byte in text.utf8 {
            defer { previous = byte }
            if byte == 0x0A || byte == 0x0D {
                comment = false
                continue
            }
            if comment { continue }
            if quote != 0 {
                if byte == quote && !(quote == 0x22 && previous == 0x5C) { quote = 0 }
                continue
            }
            switch byte {
            case 0x23 where previous == 0x20 || previous == 0x09 || previous == 0x0A: comment = true
            case 0x22,
                0x27 where depth > 0:
                quote = byte
            case 0x5B, 0x7B:
                depth += 1
                if depth > limit { return true }
            case 0x5D, 0x7D: depth = max(0, depth - 1)
            default: break
            }
        }
        return false
    }
}
